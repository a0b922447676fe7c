// Issue 3 end to end: dot voting, the 5–8 status, the tension matrix, concretising, the one-page
// A4 charter (PDF page count with pdfinfo), Markdown and JSON downloads with escaping, import of
// bad files, open and merge of good ones; axe on the three new phases; Dutch and English.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { start, openPage, shot, axe, goPhase, saved, workshopFile, OUT, noViolations } from "./lib.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const EVIL = "<img src=x onerror=alert(1)> [x](javascript:alert(1))";
const PHRASE = "Zorg dichtbij, in de wijk, met ruimte voor de professional en vertrouwen in inwoners. ";
/** Ordinary Dutch words, exactly `n` characters. */
const exact = (n) => { let s = ""; while (s.length < n) s += PHRASE; s = s.slice(0, n); return s.endsWith(" ") ? s.slice(0, -1) + "." : s; };
const LIMITS = { title: 120, org: 120, outcome: 160, group: 40, ptitle: 60, meaning: 160, note: 200, reason: 300 };

function emptyWorkshop() {
  return {
    setup: { title: "", organisation: "", date: "", facilitator: "", outcomes: [], groups: [] },
    sources: [], cards: [], clusters: [],
    voting: { dots_per_voter: 5, max_per_cluster: 1, voters: [], votes: [], revealed: false },
    principles: [], tensions: [], finalised: null,
  };
}

/** Groups, one source and `n` clusters of two cards each; nothing voted yet. */
function clustered(n = 7, prefix = "") {
  const w = emptyWorkshop();
  w.setup.title = "Leidende principes Sociaal Domein";
  w.setup.organisation = "Gemeente Voorbeeld";
  w.setup.date = "2026-03-12";
  w.setup.outcomes = [{ id: "o-1", text: "Inwoners doen mee naar vermogen" }, { id: "o-2", text: "Jeugd groeit gezond en veilig op" }];
  w.setup.groups = ["Inwoners", "Beleid", "Uitvoering"].map((name, i) => ({ id: `g-${i}`, name }));
  w.sources = [{ id: `${prefix}s-1`, kind: "case", title: "Gezin met schulden", notes: "" }];
  const names = ["Normaliseren", "Zorg dichtbij", "Eigen regie", "Preventief werken", "Eén gezin, één plan", "Vertrouwen", "Integraal werken", "Eenvoudig systeem", "Keuzevrijheid"];
  for (let i = 0; i < n; i++) {
    w.clusters.push({ id: `${prefix}c-${i}`, name: names[i] });
    for (let k = 0; k < 2; k++) {
      w.cards.push({ id: `${prefix}k-${i}-${k}`, text: `${names[i]} (kaart ${k + 1})`, source: `${prefix}s-1`, group: `g-${k}`, cluster: `${prefix}c-${i}` });
    }
  }
  return w;
}

/** A workshop at every charter limit with `n` principles (as tests/charter.rs `full`). */
function full(n, { reason } = {}) {
  const w = emptyWorkshop();
  w.setup.title = exact(LIMITS.title);
  w.setup.organisation = exact(LIMITS.org);
  w.setup.date = "2026-03-12";
  for (let g = 0; g < 20; g++) w.setup.groups.push({ id: `g-${g}`, name: exact(LIMITS.group) });
  for (let i = 0; i < n; i++) {
    w.setup.outcomes.push({ id: `o-${i}`, text: exact(LIMITS.outcome) });
    w.principles.push({
      id: `p-${i}`, from_cluster: null, title: exact(LIMITS.ptitle), kind: i % 3 ? "transformation_goal" : "value",
      text: { meaning: exact(LIMITS.meaning) }, outcome: `o-${i}`,
    });
  }
  let t = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    w.tensions.push({ id: `t-${t++}`, a: `p-${i}`, b: `p-${j}`, note: exact(LIMITS.note), priority: `p-${i}` });
  }
  if (reason) w.finalised = { reason };
  return w;
}

function pdfInfo(file) {
  const out = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)[1]), size: /Page size:\s+(.*)/.exec(out)[1] };
}

async function openFileMenu(page) {
  const menu = page.locator(".ld-file-menu");
  if (!(await menu.evaluate((d) => d.open))) await menu.locator("summary").click();
}

async function download(page, buttonName) {
  await openFileMenu(page);
  const [dl] = await Promise.all([page.waitForEvent("download"), page.locator(".ld-file-panel").getByRole("button", { name: buttonName }).click()]);
  const file = path.join(OUT, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, "utf8"), bytes: fs.statSync(file).size };
}

test("groups vote in turns on one laptop, the result is ranked, and the 5–8 status speaks plainly", async () => {
  const page = await openPage(env, { storage: workshopFile(clustered(7)) });
  await goPhase(page, "Kiezen");
  await page.getByLabel(/^Stippen per stemmer/).fill("3");
  await page.getByLabel(/^Hoogstens zoveel stippen/).fill("2");
  await page.getByRole("button", { name: "Regels opslaan" }).click();
  await page.getByRole("button", { name: "De groepen aan tafel laten stemmen" }).click();
  await page.locator(".ld-voter-list li", { hasText: "Uitvoering" }).waitFor();

  const give = (cluster) => page.getByRole("button", { name: `Stip geven: ${cluster}` });
  await page.getByLabel("Wie is aan de beurt?").selectOption({ label: "Inwoners" });
  await give("Zorg dichtbij").click();
  await give("Zorg dichtbij").click();
  assert.equal(await give("Zorg dichtbij").isDisabled(), true, "at most two on one cluster");
  await give("Eigen regie").click();
  await page.getByText("Inwoners is aan de beurt. Nog 0 van 3 stippen over.").waitFor();
  assert.equal(await give("Normaliseren").isDisabled(), true, "no dots left");

  // The next group sees only its own dots; the totals stay hidden.
  await page.getByRole("button", { name: "Volgende stemmer" }).click();
  await page.getByText("Beleid is aan de beurt. Nog 3 van 3 stippen over.").waitFor();
  assert.equal(await page.locator(".ld-ballot .ld-total").count(), 0);
  assert.deepEqual(await page.locator(".ld-my-dots [aria-hidden]").evaluateAll((els) => els.map((e) => e.textContent.trim())).then((t) => t.filter((x) => x !== "·")), []);
  await give("Zorg dichtbij").click();
  await give("Preventief werken").click();
  await give("Preventief werken").click();
  await page.getByRole("button", { name: "Volgende stemmer" }).click();
  await give("Vertrouwen").click();

  await page.getByRole("button", { name: "Uitslag tonen" }).click();
  const ranked = await page.locator(".ld-ranked .ld-ranked-name").allTextContents();
  assert.deepEqual(ranked.slice(0, 4), ["Zorg dichtbij", "Preventief werken", "Eigen regie", "Vertrouwen"]);
  assert.equal(await page.locator(".ld-ranked-row").first().locator(".ld-total").textContent(), "3 stippen");

  // Promote three: too few, said plainly with the method's reason.
  for (const name of ranked.slice(0, 3)) await page.locator(".ld-ranked").getByRole("button", { name: `Maak er een principe van: ${name}` }).click();
  const status = page.locator(".ld-chosen .ld-set-status");
  assert.match(await status.textContent(), /3 principes: dat is te weinig\. De methode raadt 5 tot 8 principes aan\./);
  for (const name of ranked.slice(3, 5)) await page.locator(".ld-ranked").getByRole("button", { name: `Maak er een principe van: ${name}` }).click();
  assert.match(await status.textContent(), /5 principes: een goede set\./);
  await shot(page, "issue3-reduce-nl");
  await noViolations(page, "reduce");

  const w = await saved(page);
  assert.equal(w.workshop.principles.length, 5);
  assert.equal(w.workshop.voting.votes.reduce((n, v) => n + v.dots, 0), 7);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("tensions are recorded in a compact matrix with which principle goes first", async () => {
  const w = clustered(7);
  w.principles = w.clusters.slice(0, 5).map((c, i) => ({ id: `p-${i}`, from_cluster: c.id, title: c.name, kind: "transformation_goal", text: {}, outcome: null }));
  const page = await openPage(env, { storage: workshopFile(w) });
  await goPhase(page, "Kiezen");
  const table = page.getByRole("table", { name: "Spanningen tussen de principes" });
  assert.equal(await table.locator("tbody tr").count(), 5);
  assert.equal(await table.locator("button").count(), 10, "one button per pair");
  await table.getByRole("button", { name: "Spanning toevoegen tussen Zorg dichtbij en Eigen regie" }).click();
  await page.getByLabel("Toelichting").fill("Dichtbij huis kan botsen met zelf kiezen.");
  await page.getByRole("radio", { name: "Eigen regie" }).check();
  await page.getByRole("button", { name: "Spanning opslaan" }).click();
  const cell = table.getByRole("button", { name: /Spanning wijzigen tussen Zorg dichtbij en Eigen regie: Eigen regie gaat voor/ });
  assert.equal((await cell.locator("[aria-hidden]").textContent()).trim(), "⚖ 3");
  await page.locator(".ld-tension-list li", { hasText: "Eigen regie gaat voor" }).waitFor();
  // Open it again, by keyboard: the editor shows what was saved.
  await cell.focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.getByLabel("Toelichting").inputValue(), "Dichtbij huis kan botsen met zelf kiezen.");
  assert.equal(await page.getByRole("radio", { name: "Eigen regie" }).isChecked(), true);
  await shot(page, "issue3-tensions-nl");
  await noViolations(page, "tension matrix");
  const s = await saved(page);
  assert.deepEqual(s.workshop.tensions.map((t) => [t.a, t.b, t.priority]), [["p-1", "p-2", "p-2"]]);
  await page.context().close();
});

test("each principle is made concrete one at a time, with counters, provenance and one undo step per field", async () => {
  const w = clustered(7);
  w.principles = w.clusters.slice(0, 5).map((c, i) => ({ id: `p-${i}`, from_cluster: c.id, title: c.name, kind: "transformation_goal", text: {}, outcome: null }));
  const page = await openPage(env, { storage: workshopFile(w) });
  await goPhase(page, "Concretiseren");
  await page.getByRole("navigation", { name: "Kies een principe" }).getByRole("button", { name: /Zorg dichtbij/ }).click();
  const meaning = page.getByLabel(/^Wat bedoelen we/);
  await meaning.fill("Hulp in de buurt, bij mensen die je kent.");
  assert.match(await page.locator("#ld-pf-meaning-count").textContent(), /^41 \/ 160$/);
  await page.getByLabel("Toegang").click(); // leaving the field saves it
  await page.getByLabel("Toegang").fill("Eén loket in de wijk.");
  await page.getByRole("radio", { name: /Waarde \/ identiteit/ }).check();
  await page.getByLabel("ons dichter bij:").selectOption({ label: "Jeugd groeit gezond en veilig op" });
  await page.getByRole("button", { name: /Volgende/ }).first().click();
  await page.locator(".ld-principle-form h3", { hasText: "Eigen regie" }).waitFor();
  // Provenance: the cards of the cluster with source and group.
  const prov = page.locator(".ld-provenance");
  assert.equal(await prov.locator(".ld-card-row").count(), 2);
  await prov.getByText("Gezin met schulden").first().waitFor();
  await page.locator("summary", { hasText: "Verder uitwerken" }).click();
  await shot(page, "issue3-concretise-nl");
  await noViolations(page, "concretise");
  const s = await saved(page);
  const p = s.workshop.principles[1];
  assert.equal(p.text.meaning, "Hulp in de buurt, bij mensen die je kent.");
  assert.equal(p.text.access, "Eén loket in de wijk.");
  assert.equal(p.kind, "value");
  assert.equal(p.outcome, "o-2");
  // One undo takes back the outcome only.
  await page.getByRole("button", { name: "Ongedaan maken" }).click();
  const after = await saved(page);
  assert.equal(after.workshop.principles[1].outcome, null);
  assert.equal(after.workshop.principles[1].kind, "value");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

const measured = {};

for (const [n, opts] of [[5, {}], [8, {}], [12, { reason: exact(LIMITS.reason) }]]) {
  test(`the charter with ${n} principles at every limit prints on exactly one A4 page`, async () => {
    const page = await openPage(env, { storage: workshopFile(full(n, opts)) });
    await goPhase(page, "Charter");
    await page.waitForTimeout(300); // the fit check may step down once or twice
    const fit = await page.evaluate(() => {
      const sheet = document.querySelector(".ld-sheet");
      const inner = document.querySelector(".ld-sheet-inner");
      const mm = sheet.offsetHeight / 297;
      return { density: sheet.dataset.density, used: inner.offsetHeight / mm };
    });
    await shot(page, `issue3-charter-${n}-nl`);
    await page.emulateMedia({ media: "print" });
    await shot(page, `issue3-charter-${n}-print`);
    await page.emulateMedia({ media: null });
    assert.ok(fit.used <= 275, `content ${fit.used.toFixed(0)} mm is taller than the page (density ${fit.density})`);
    const file = path.join(OUT, `charter-${n}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    const info = pdfInfo(file);
    measured[n] = { ...info, ...fit };
    assert.equal(info.pages, 1, `${n} principles: ${info.pages} pages`);
    assert.match(info.size, /^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    // Everything is on the page as text; the draft mark or the reason is there.
    assert.equal(await page.locator(".ld-sheet-principles > li").count(), n);
    if (opts.reason) await page.locator(".ld-sheet-draft", { hasText: "Afwijking van 5 tot 8 principes" }).waitFor();
    else await page.locator(".ld-sheet-draft", { hasText: "Concept." }).waitFor();
    if (n === 8) await noViolations(page, "charter");
    console.log(`charter ${n}: ${JSON.stringify(measured[n])}`);
    await page.context().close();
  });
}

test("Markdown and JSON downloads escape what users typed; the JSON opens on another laptop", async () => {
  const w = full(8);
  w.setup.title = `Titel ${EVIL}`.slice(0, 120);
  w.principles[0].title = "Normaal | =1+1";
  w.principles[1].text.meaning = EVIL;
  w.tensions[0].note = "=HYPERLINK(\"http://x\") | b";
  const page = await openPage(env, { storage: workshopFile(w) });
  await goPhase(page, "Charter");
  // On screen the hostile text is text, not markup.
  assert.equal(await page.locator(".ld-sheet img, .leidraad a[href^='javascript']").count(), 0);
  await page.locator(".ld-sheet-meaning", { hasText: "<img src=x onerror=alert(1)>" }).waitFor();

  const md = await download(page, "Download Markdown");
  assert.match(md.name, /^leidraad-.*\.md$/);
  assert.ok(md.text.includes("\\<img src=x onerror=alert(1)\\>"), "escaped image");
  assert.ok(md.text.includes("\\[x\\](javascript:alert(1))"), "escaped link");
  assert.ok(!/(^|[^\\])<img/.test(md.text) && !/(^|[^\\])\[x\]/.test(md.text));
  assert.ok(md.text.includes("| '\\=HYPERLINK(\"http://x\") \\| b |"), "neutralised formula, escaped pipe");
  assert.ok(md.text.includes("### 1. Normaal \\| =1+1"));

  const json = await download(page, "Download werksessie (JSON)");
  assert.match(json.name, /^leidraad-.*\.json$/);
  const file = JSON.parse(json.text);
  assert.equal(file.format, "leidraad-workshop");
  assert.equal(file.workshop.principles[1].text.meaning, EVIL);
  console.log(`8 principles at every limit: Markdown ${md.bytes} bytes, JSON ${json.bytes} bytes`);
  measured.bytes = { markdown: md.bytes, json: json.bytes };

  // A colleague opens it on another laptop (a fresh browser context).
  const other = await openPage(env);
  await openFileMenu(other);
  await other.setInputFiles("#ld-open-file", { name: json.name, mimeType: "application/json", buffer: Buffer.from(json.text) });
  await other.locator(".ld-file-outcome", { hasText: "Het bestand is geopend." }).waitFor();
  const s = await saved(other);
  assert.equal(s.workshop.principles.length, 8);
  assert.equal(s.workshop.setup.title, w.setup.title);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(other.problems, []);
  await page.context().close();
  await other.context().close();
});

test("opening a wrong file says why and changes nothing", async () => {
  const start = clustered(3);
  const page = await openPage(env, { storage: workshopFile(start) });
  const before = await page.evaluate(() => localStorage.getItem("leidraad.workshop"));
  const broken = clustered(3);
  broken.cards[0].cluster = "c-weg";
  const newer = JSON.stringify({ format: "leidraad-workshop", version: 99, workshop: {} });
  const cases = [
    ["geen.json", "dit is geen json", /geen JSON/],
    ["ander.json", JSON.stringify({ format: "iets", version: 1, workshop: {} }), /geen werksessie van Leidraad/],
    ["nieuw.json", newer, /nieuwere versie van Leidraad \(versie 99\)/],
    ["kapot.json", workshopFile(broken), /beschadigd: het verwijst naar het cluster/],
    ["groot.json", " ".repeat(5 * 1024 * 1024 + 1), /te groot/],
  ];
  for (const input of ["#ld-open-file", "#ld-merge-file"]) {
    for (const [name, text, message] of cases) {
      await openFileMenu(page);
      await page.setInputFiles(input, { name, mimeType: "application/json", buffer: Buffer.from(text) });
      const outcome = page.locator(".ld-file-outcome .ld-notice-error");
      await outcome.waitFor();
      const said = await outcome.textContent();
      assert.match(said, message, `${input} ${name}: ${said}`);
      assert.match(said, /Er is niets veranderd\.$/);
    }
  }
  await shot(page, "issue3-import-error-nl");
  await page.waitForTimeout(450);
  assert.equal(await page.evaluate(() => localStorage.getItem("leidraad.workshop")), before, "nothing changed");
  assert.equal(await page.getByRole("button", { name: "Ongedaan maken" }).isDisabled(), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("merging two groups' files gives the union, nothing doubled, and a report", async () => {
  const ours = clustered(3, "a");
  ours.voting.voters = [{ id: "v-a", name: "Tafel A" }];
  ours.voting.votes = [{ voter: "v-a", cluster: "ac-0", dots: 1 }];
  const theirs = clustered(2, "b");
  theirs.voting.voters = [{ id: "v-b", name: "Tafel B" }];
  theirs.voting.votes = [{ voter: "v-b", cluster: "bc-1", dots: 1 }];
  // Both tables also have the shared setup (same ids): no duplicates expected.
  const page = await openPage(env, { storage: workshopFile(ours) });
  await openFileMenu(page);
  await page.setInputFiles("#ld-merge-file", { name: "tafel-b.json", mimeType: "application/json", buffer: Buffer.from(workshopFile(theirs)) });
  const report = page.locator(".ld-file-outcome .ld-notice:not(.ld-notice-error)");
  await report.waitFor();
  assert.match(await report.textContent(), /^Samengevoegd\. Toegevoegd: 1 bron, 2 clusters, 4 kaarten, 1 stemmer\./);
  const s = await saved(page);
  assert.equal(s.workshop.cards.length, 6 + 4);
  assert.equal(s.workshop.clusters.length, 5);
  assert.equal(s.workshop.sources.length, 2);
  assert.equal(s.workshop.setup.groups.length, 3, "groups with the same ids are not doubled");
  assert.equal(s.workshop.voting.votes.length, 2);
  await shot(page, "issue3-merge-nl");
  // Merging the same file again adds nothing.
  await page.setInputFiles("#ld-merge-file", { name: "tafel-b.json", mimeType: "application/json", buffer: Buffer.from(workshopFile(theirs)) });
  await page.locator(".ld-file-outcome", { hasText: "Er was niets nieuws" }).waitFor();
  assert.equal((await saved(page)).workshop.cards.length, 10);
  await noViolations(page, "file menu open");
  await page.context().close();
});

test("the three new steps in English", async () => {
  const w = full(6);
  Object.assign(w, { sources: clustered(6).sources, cards: clustered(6).cards, clusters: clustered(6).clusters });
  w.principles.forEach((p, i) => { p.from_cluster = `c-${i}`; });
  const page = await openPage(env, { storage: workshopFile(w) });
  await page.getByRole("button", { name: "Switch to English" }).click();
  await goPhase(page, "Choose");
  await page.getByText("6 principles: a good set.").first().waitFor();
  await shot(page, "issue3-reduce-en");
  await noViolations(page, "reduce (en)");
  await goPhase(page, "Make concrete");
  await page.getByText("Where it comes from").waitFor();
  await shot(page, "issue3-concretise-en");
  await goPhase(page, "Charter");
  await page.getByRole("button", { name: "Print or save as PDF" }).waitFor();
  await page.locator(".ld-sheet h4", { hasText: "Our guiding principles" }).waitFor();
  await shot(page, "issue3-charter-en");
  await noViolations(page, "charter (en)");
  const file = path.join(OUT, "charter-6-en.pdf");
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  assert.equal(pdfInfo(file).pages, 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
