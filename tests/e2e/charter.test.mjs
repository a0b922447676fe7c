// Step 6, Charter: one A4 page at every limit with 5, 8 and 12 principles (the PDF's page
// count with pdfinfo), the draft mark or the reason; choose, concretise and the charter in
// English.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { appServer, openPage, shot, workshopFile, OUT, noViolations, header, charter, pdfInfo, workshops } from "./lib.mjs";

const { full, exact, LIMITS, clustered } = workshops;

const env = appServer();

const measured = {};

for (const [n, opts] of [[5, {}], [8, {}], [12, { reason: exact(LIMITS.reason) }]]) {
  test(`the charter with ${n} principles at every limit prints on exactly one A4 page`, async () => {
    const page = await openPage(env, { storage: workshopFile(full(n, opts)) });
    const c = charter(page);
    await header(page).step("Charter");
    await page.waitForTimeout(300); // the fit check may step down once or twice
    const fit = await c.fit();
    await shot(page, `charter-${n}-principles-nl`);
    await page.emulateMedia({ media: "print" });
    await shot(page, `charter-${n}-principles-print`);
    await page.emulateMedia({ media: null });
    assert.ok(fit.used <= 275, `content ${fit.used.toFixed(0)} mm is taller than the page (density ${fit.density})`);
    const file = path.join(OUT, `charter-${n}.pdf`);
    await c.pdf(file);
    const info = pdfInfo(file);
    measured[n] = { ...info, ...fit };
    assert.equal(info.pages, 1, `${n} principles: ${info.pages} pages`);
    assert.match(info.size, /^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    // Everything is on the page as text; the draft mark or the reason is there.
    assert.equal(await c.principles.count(), n);
    if (opts.reason) await c.draftMark("Afwijking van 5 tot 8 principes").waitFor();
    else await c.draftMark("Concept.").waitFor();
    if (n === 8) await noViolations(page, "charter");
    console.log(`charter ${n}: ${JSON.stringify(measured[n])}`);
    await page.context().close();
  });
}

test("a charter that cannot fit one page says what falls off and what to shorten, before printing", async () => {
  // Every text at its limit in capitals (words kept): wider than the smallest type can hold.
  const w = full(8);
  const wide = (t) => t.replace(/\S/g, "W");
  w.setup.title = wide(w.setup.title);
  w.setup.organisation = wide(w.setup.organisation);
  for (const o of w.setup.outcomes) o.text = wide(o.text);
  for (const g of w.setup.groups) g.name = wide(g.name);
  for (const p of w.principles) { p.title = wide(p.title); p.text.meaning = wide(p.text.meaning); }
  for (const t of w.tensions) t.note = wide(t.note);
  const page = await openPage(env, { storage: workshopFile(w) });
  await header(page).step("Charter");
  const warning = page.locator("#ld-charter-cut");
  await warning.waitFor();
  await assert.doesNotReject(warning.filter({ hasText: "de deelnemers" }).waitFor(), "the participants are named");
  assert.match(await warning.textContent(), /Maak eerst teksten korter/);
  assert.match(await warning.getAttribute("data-cut"), /participants/);
  // The print button is described by the warning, so a screen reader hears it too.
  const print = page.getByRole("button", { name: "Afdrukken of als PDF opslaan" });
  assert.match(await print.getAttribute("aria-describedby"), /ld-charter-cut/);
  await shot(page, "charter-does-not-fit");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a charter that fits says nothing about cutting", async () => {
  const page = await openPage(env, { storage: workshopFile(full(8)) });
  await header(page).step("Charter");
  await charter(page).sheet.waitFor();
  await page.waitForFunction(() => document.querySelector(".ld-sheet")?.dataset.density !== undefined);
  assert.equal(await page.locator("#ld-charter-cut").count(), 0);
  await page.context().close();
});

test("choose, concretise and the charter in English", async () => {
  const w = full(6);
  Object.assign(w, { sources: clustered(6).sources, cards: clustered(6).cards, clusters: clustered(6).clusters });
  w.principles.forEach((p, i) => { p.from_cluster = `c-${i}`; });
  const page = await openPage(env, { storage: workshopFile(w) });
  const h = header(page);
  await page.getByRole("button", { name: "Switch to English" }).click();
  await h.step("Choose");
  await page.getByText("6 principles: a good set.").first().waitFor();
  await shot(page, "choose-en");
  await noViolations(page, "reduce (en)");
  await h.step("Make concrete");
  await page.getByText("Where it comes from").waitFor();
  // The step's heading: a plain label first, then the step bar's name.
  await page.getByRole("heading", { name: "Work out the principles (Make concrete)", exact: true, level: 2 }).waitFor();
  await shot(page, "concretise-en");
  await h.step("Charter");
  await page.getByRole("button", { name: "Print or save as PDF" }).waitFor();
  await page.locator(".ld-sheet h4", { hasText: "Our guiding principles" }).waitFor();
  await shot(page, "charter-en");
  await noViolations(page, "charter (en)");
  const file = path.join(OUT, "charter-6-en.pdf");
  await charter(page).pdf(file);
  assert.equal(pdfInfo(file).pages, 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("each principle on the printed charter shows its why and outcome, and unbroken strings stay on the page", async () => {
  const w = full(8);
  // A 200-character word and a long URL, where a user could type them.
  const word = "Zorg".repeat(50);
  const url = `https://www.example.org/${"leidende-principes/".repeat(6)}`.slice(0, 120);
  w.setup.title = url;
  w.principles[0].title = word.slice(0, LIMITS.ptitle);
  w.principles[0].text.meaning = word.slice(0, LIMITS.meaning);
  w.principles[1].text.assumption = word;
  w.setup.outcomes[2].text = url;
  w.tensions[0].note = word;
  w.setup.groups[0].name = word.slice(0, LIMITS.group);
  const page = await openPage(env, { storage: workshopFile(w) });
  const c = charter(page);
  await header(page).step("Charter");
  await page.waitForTimeout(300); // the fit check may step down once or twice
  assert.equal(await page.locator(".ld-sheet-why").count(), 8, "a why on every principle");
  assert.equal(await page.locator(".ld-sheet-serves").count(), 8, "an outcome on every principle");
  await page.locator(".ld-sheet-why", { hasText: "Waarom:" }).first().waitFor();
  // Nothing inside the sheet reaches past its right edge (12 mm margin) or the page's bottom.
  const spill = await page.evaluate(() => {
    const sheet = document.querySelector(".ld-sheet").getBoundingClientRect();
    const mm = sheet.height / 297;
    const bad = [];
    for (const el of document.querySelectorAll(".ld-sheet-inner *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.right > sheet.right - 11 * mm || r.left < sheet.left + 11 * mm) bad.push(`${el.className}: ${r.left.toFixed(0)}–${r.right.toFixed(0)}`);
    }
    return bad;
  });
  assert.deepEqual(spill, [], "every text stays inside the page's margins");
  const fit = await c.fit();
  assert.ok(fit.used <= 275, `content ${fit.used.toFixed(0)} mm (density ${fit.density})`);
  await shot(page, "charter-why-and-long-words");
  const file = path.join(OUT, "charter-long-words.pdf");
  await c.pdf(file);
  assert.equal(pdfInfo(file).pages, 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
