// Trust: security, privacy and reliability. a full workshop under the strict CSP makes no
// request but the app's own files; hostile text in every field stays text on screen and in every
// download; a stored workshop that cannot be read is never overwritten; "clear this device";
// two tabs; storage full or missing; a panic; going offline.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { appServer, start, openPage, shot, goPhase, addSource, addCard, columnCards, saved, settled, watchSaves, seedStorage, storedText, storedKeys, workshopFile, download as keep, header, setup, collect, board, choose, concretise, workshops } from "./lib.mjs";

// A host page that asks for the crash test (the app panics 50 ms after its first render).
const CRASH_HOST = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Crash</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/leidraad.css"><script type="module" src="/boot.js"></script>
</head><body><div id="leidraad" data-crash-test></div></body></html>`;
const env = appServer({ "/crash.html": { body: CRASH_HOST } });

// ---------------------------------------------------------------------------------------------
// Text that looks like markup, links, formulas or direction tricks, cut to each field's limit.
const PARTS = [
  '<img src=x onerror="window.__pwned=1">',
  "[klik](javascript:window.__pwned=2)",
  "javascript:alert(1)",
  "<script>window.__pwned=3</script>",
  "=HYPERLINK(\"http://x\")",
  // Direction marks are text (they stay); direction overrides (U+202A–E, U+2066–9) are dropped
  // as they are typed, which the end of the hostile-text test checks.
  "\u200f omgekeerd \u200e",
  "👩‍👩‍👧 🏘️",
  "| pipe | `code` *ster* _lijn_ # kop",
];
/** A hostile text for a field: a unique tag, then the parts that fit, padded to exactly `max`. */
function evil(tag, max) {
  let s = tag;
  for (const p of PARTS) if ([...s].length + 1 + [...p].length <= max) s += " " + p;
  while ([...s].length < max) s += "x";
  return [...s].slice(0, max).join("");
}
// Ordinary Dutch texts for the same fields.
function plain(tag) {
  const words = {
    title: "Leidende principes Sociaal Domein", org: "Gemeente Voorbeeld", fac: "Sam de Vries",
    outcome: "Inwoners doen mee naar vermogen", group: "Jongerenraad", s1: "Gezin met schulden",
    n1: "Vader werkt, moeder is mantelzorger.", c1: "Eén gezin, één plan, één regisseur", c2: "Eigen regie bij de inwoner",
    s2: "Cijfers jeugdhulp 2025", c3: "Normaliseren: niet alles is een probleem", cl1: "Regie", cl2: "Normaal",
    voter: "Tafel 1", own: "Vertrouwen", tension: "Regie kan botsen met snelle hulp.", meaning: "Wij vertrouwen inwoners en professionals.",
    offer: "Minder indicaties, meer vrij toegankelijk.", reason: "Wij starten klein en breiden later uit.",
  };
  return words[tag];
}
const LIMIT = { title: 120, org: 120, fac: 80, outcome: 160, group: 40, s1: 120, n1: 2000, c1: 200, c2: 200, s2: 120, c3: 200, cl1: 80, cl2: 80, voter: 40, own: 60, tension: 200, meaning: 160, offer: 300, reason: 300 };
const hostile = (tag) => evil(`⟦${tag}⟧`, LIMIT[tag]);

/** The suggestion module's files: fetched once during a session, when Collect shows cards. */
const MODULE = (url) => [`${url}leidraad-suggest.js`, `${url}leidraad-suggest_bg.wasm`];

/** The app's own files: the only URLs a session may request. `library.json` (the inspiration
 *  library) is one of them, but it is fetched only when someone opens the library;
 *  `leidraad-later_bg.wasm` (the page's other steps) right after the page has started. */
function ownFiles(url, extra = []) {
  return [url, `${url}index.html`, `${url}boot.js`, `${url}leidraad.js`, `${url}leidraad_bg.wasm`, `${url}leidraad-later_bg.wasm`, `${url}leidraad.css`, `${url}library.json`, ...extra];
}

/** A whole workshop through the mouse-and-keyboard UI: setup, collect, cluster, choose,
 *  make concrete, charter, both downloads, and the English interface. Returns the downloads. */
async function fullSession(page, text) {
  // Voorbereiden
  const su = setup(page);
  await su.setTitle(text("title"));
  await su.setOrganisation(text("org"));
  await su.setFacilitator(text("fac"));
  await su.addOutcome(text("outcome"));
  await su.addGroup(text("group"));

  // Verzamelen
  const c = collect(page);
  await goPhase(page, "Verzamelen");
  await c.addSource("Situatie", text("s1"), text("n1"));
  await c.addCard(text("s1"), text("c1"), text("group"));
  await c.addCard(text("s1"), text("c2"), "Inwoners");
  await c.addSource("Gegevens", text("s2"));
  await c.addCard(text("s2"), text("c3"), "Beleid");

  // Clusteren: two clusters, cards moved by ticking and "Verplaats naar".
  const b = board(page);
  await goPhase(page, "Clusteren");
  for (const name of [text("cl1"), text("cl2")]) await b.createCluster(name);
  for (const [card, cluster] of [[text("c1"), text("cl1")], [text("c2"), text("cl1")], [text("c3"), text("cl2")]]) {
    await page.locator(".ld-board-card", { hasText: card }).getByRole("checkbox").check();
    await b.moveTicked(cluster);
    await b.column(cluster).locator(".ld-board-card", { hasText: card }).waitFor();
  }
  assert.equal((await b.cards("Nog niet ingedeeld")).length, 0);

  // Kiezen: a voter, one dot, the result, both clusters promoted, an own principle, a tension.
  await goPhase(page, "Kiezen");
  await page.getByLabel("Naam van een deelnemer").fill(text("voter"));
  await page.getByRole("button", { name: "Stemmer toevoegen" }).click();
  await choose(page).turn(text("voter"));
  await page.locator(".ld-ballot-row", { hasText: text("cl1") }).getByRole("button", { name: /^Stip geven/ }).click();
  await choose(page).reveal();
  for (const name of [text("cl1"), text("cl2")]) {
    await page.locator(".ld-ranked-row", { hasText: name }).getByRole("button", { name: /^Maak er een principe van/ }).click();
  }
  await page.getByLabel(/^Eigen principe toevoegen/).fill(text("own"));
  await page.getByRole("button", { name: "Principe toevoegen" }).click();
  await page.getByText(/3 principes: dat is te weinig/).first().waitFor();
  const matrix = choose(page).tensions;
  await matrix.getByRole("button", { name: /^Spanning toevoegen/ }).first().click();
  await page.getByLabel("Toelichting").fill(text("tension"));
  await page.getByRole("button", { name: "Spanning opslaan" }).click();
  await page.locator(".ld-tension-list li").first().waitFor();

  // Concretiseren: the first principle's meaning and offer.
  await goPhase(page, "Concretiseren");
  await concretise(page).meaning.fill(text("meaning"));
  await page.getByLabel("Aanbod en activiteiten").click();
  await page.getByLabel("Aanbod en activiteiten").fill(text("offer"));
  await page.getByLabel(/^Wat bedoelen we/).click();

  // Charter: finalise with a reason (three principles), then both downloads.
  await goPhase(page, "Charter");
  await page.getByLabel(/^Waarom kiest u toch/).fill(text("reason"));
  await page.getByRole("button", { name: "Toch afronden, met deze reden" }).click();
  await page.locator(".ld-finalised").waitFor();
  const md = await download(page, () => page.locator(".ld-charter-controls, .ld-phase").getByRole("button", { name: "Download Markdown" }).first().click());
  await page.locator(".ld-device summary").click();
  const json = await download(page, () => page.locator(".ld-device").getByRole("button", { name: "Download de werksessie" }).click());
  await page.locator(".ld-device summary").click();

  // The same in English.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("heading", { name: "Charter", level: 2 }).waitFor();
  for (const phase of ["Make concrete", "Choose", "Cluster", "Collect", "Set up"]) await goPhase(page, phase);
  await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
  return { md, json };
}

/** Downloads through `click`; the file is kept in test-output/ under a name of its own. */
const download = (page, click) => keep(page, click, { prefix: `trust-${Date.now()}-` });

/** Every string value in a JSON document. */
function strings(v, out = []) {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => strings(x, out));
  return out;
}

// ---------------------------------------------------------------------------------------------
test("a full workshop under the strict CSP: no violation, no request but the app's own files, none after loading", async () => {
  const page = await openPage(env);
  await page.waitForLoadState("networkidle");
  const atLoad = page.requests.length;
  const loaded = [...page.requests];
  const { md, json } = await fullSession(page, plain);
  await page.reload();
  await page.waitForSelector(".leidraad .ld-header");
  await page.waitForLoadState("networkidle");
  await shot(page, "trust-full-session");
  const own = ownFiles(env.url, MODULE(env.url));
  const foreign = page.requests.filter((u) => !own.includes(u) && !u.startsWith("blob:"));
  console.log(`requests: ${atLoad} at load (${loaded.map((u) => u.replace(env.url, "/")).join(", ")}); ${page.requests.length - atLoad} during the session and one reload; blob: downloads ${page.requests.filter((u) => u.startsWith("blob:")).length}`);
  assert.deepEqual(foreign, [], "requests outside the app's own files");
  // The library is not part of loading; this session never opens it, so it is never fetched.
  assert.deepEqual(page.requests.filter((u) => u.endsWith("library.json")), [], "library fetched without being opened");
  // After loading, only the reload fetches the same files again; nothing else but the
  // suggestion module, once, when Collect shows cards (its "looks like" hint).
  const during = page.requests.slice(atLoad).filter((u) => !u.startsWith("blob:") && !MODULE(env.url).includes(u));
  assert.deepEqual(page.requests.filter((u) => MODULE(env.url).includes(u)).sort(), MODULE(env.url));
  assert.ok(during.length <= loaded.length, `during the session: ${during.join(", ")}`);
  assert.deepEqual([...new Set(during)].sort(), [...new Set(loaded)].sort(), "only the reload requests anything, and only the app's files");
  assert.match(md.text, /Eén gezin, één plan, één regisseur|Regie/);
  assert.equal(JSON.parse(json.text).workshop.cards.length, 3);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("text that looks like HTML, script, links or formulas, very long, with RTL marks and emoji, in every field stays text, on screen and in every download", async () => {
  const page = await openPage(env);
  await page.waitForLoadState("networkidle");
  const atLoad = page.requests.length;
  const { md, json } = await fullSession(page, hostile);
  const tags = Object.keys(LIMIT);

  // Nothing executed, nothing became markup.
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const markup = await page.evaluate(() => [...document.querySelectorAll(".leidraad img, .leidraad script, .leidraad iframe, .leidraad a[href^='javascript' i], .leidraad [onerror]")].map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(markup, []);
  assert.equal(await page.evaluate(() => document.querySelectorAll("body img, body script:not([src])").length), 0);

  // Shown literally: each text as a whole somewhere on a screen (text or a field's value).
  const seen = new Set();
  for (const phase of ["Voorbereiden", "Verzamelen", "Clusteren", "Kiezen", "Concretiseren", "Charter"]) {
    await goPhase(page, phase);
    const shown = await page.evaluate(() => {
      const root = document.querySelector(".leidraad");
      const vals = [...root.querySelectorAll("input, textarea")].map((i) => i.value);
      return [root.innerText, root.textContent, ...vals].join("\n");
    });
    for (const t of tags) if (shown.includes(hostile(t))) seen.add(t);
    await shot(page, `trust-hostile-${phase.toLowerCase()}`);
  }
  // The finalise reason appears on the charter; the tension note in the list; every other field
  // on its own screen.
  assert.deepEqual(tags.filter((t) => !seen.has(t)), [], "texts not shown literally anywhere");

  // JSON: every text as data, exactly.
  const data = strings(JSON.parse(json.text));
  assert.deepEqual(tags.filter((t) => !data.includes(hostile(t))), [], "texts missing or changed in the JSON download");

  // Markdown: nothing that renders as HTML, a link or an image; no cell or line starts a formula.
  const mdText = md.text;
  assert.ok(!/(^|[^\\])<(img|script)/i.test(mdText), "raw HTML tag in Markdown");
  assert.ok(!/(^|[^\\])\[klik(\\)?\]\(javascript:/.test(mdText) && !/[^\\]\]\(javascript:/.test(mdText), "a live javascript: link in Markdown");
  const cells = mdText.split("\n").flatMap((line) => (line.startsWith("|") ? line.split(/(?<!\\)\|/).map((c) => c.trim()) : [line.trim()]));
  const formulas = cells.filter((c) => /^[=+@]/.test(c) || /^-[^-\s]/.test(c));
  assert.deepEqual(formulas, [], "Markdown cells or lines that start like a spreadsheet formula");
  // The texts' words are all still there (escaped, not dropped).
  for (const t of tags) assert.ok(mdText.includes(`⟦${t}⟧`) || ["group", "voter", "fac", "n1", "s1", "s2", "c1", "c2", "c3", "offer"].includes(t), `${t} missing from the Markdown`);

  // A direction override typed into a field is dropped: what is stored is what shows.
  await goPhase(page, "Voorbereiden");
  const title = page.locator("#ld-title");
  await title.fill("Rechts\u202e links\u202c klaar");
  await title.press("Tab");
  await page.waitForFunction(() => document.querySelector("#ld-title").value === "Rechts links klaar");
  assert.equal(await page.locator("h1.ld-title").textContent(), "Rechts links klaar");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // No request during the session but the suggestion module, once (Collect's "looks like").
  const during = page.requests.slice(atLoad).filter((u) => !u.startsWith("blob:"));
  assert.deepEqual(during.sort(), MODULE(env.url), "no request during the session but the suggestion module");
  assert.deepEqual(page.problems, []);
  console.log(`hostile session: JSON ${json.text.length} chars, Markdown ${mdText.length} chars, ${tags.length} fields`);
  await page.context().close();
});

test("a stored workshop that cannot be read is never overwritten silently", async () => {
  const page = await openPage(env, { storage: "{ dit is geen werksessie" });
  await page.getByRole("alert").filter({ hasText: "kan de opgeslagen werksessie op dit apparaat niet lezen" }).waitFor();
  // Work on: add a group; the broken text must still be in storage afterwards.
  await page.getByLabel("Nieuwe groep").fill("Raad");
  await page.getByRole("button", { name: "Groep toevoegen" }).click();
  await settled(page);
  assert.equal(await storedText(page), "{ dit is geen werksessie");
  const kept = await download(page, () => page.getByRole("button", { name: "Download de opgeslagen tekst" }).click());
  assert.equal(fs.readFileSync(kept.file, "utf8"), "{ dit is geen werksessie");
  await shot(page, "trust-unreadable-storage-nl");
  // Starting anew is a deliberate, confirmed choice.
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Begin een nieuwe werksessie" }).click();
  await setup(page).setTitle("Nieuw");
  const now = await saved(page);
  assert.equal(now.workshop.setup.title, "Nieuw");
  await page.context().close();
});

test("'Wis alles van dit apparaat' offers the download first, asks, then leaves nothing behind and nothing to undo", async () => {
  const page = await openPage(env);
  await page.getByLabel("Titel van de werksessie").fill("Openbare sessie in de bibliotheek");
  await page.getByLabel("Titel van de werksessie").press("Tab");
  await goPhase(page, "Verzamelen");
  await addSource(page, "Situatie", "Gezin met schulden");
  await addCard(page, "Gezin met schulden", "Eigen regie bij de inwoner");
  await saved(page);
  await page.locator(".ld-device summary").click();
  const menu = page.locator(".ld-device .ld-menu-body");
  // The download comes first in the menu, before the wipe.
  const buttons = await menu.getByRole("button").allTextContents();
  assert.deepEqual(buttons, ["Download de werksessie", "Wis alles van dit apparaat"]);
  const file = await download(page, () => menu.getByRole("button", { name: "Download de werksessie" }).click());
  assert.equal(JSON.parse(file.text).workshop.cards[0].text, "Eigen regie bij de inwoner");

  // Cancel changes nothing.
  page.once("dialog", (d) => d.dismiss());
  await menu.getByRole("button", { name: "Wis alles van dit apparaat" }).click();
  assert.equal((await saved(page)).workshop.setup.title, "Openbare sessie in de bibliotheek");

  let asked = "";
  page.once("dialog", (d) => { asked = d.message(); d.accept(); });
  await menu.getByRole("button", { name: "Wis alles van dit apparaat" }).click();
  await page.locator(".ld-notice", { hasText: "Alles is van dit apparaat gewist." }).waitFor();
  assert.match(asked, /Dat kunt u niet ongedaan maken/);
  // Any save the app still had scheduled has had its chance to write.
  await settled(page);
  const left = await storedKeys(page);
  // A fresh workshop on screen, nothing to undo, ctrl+z brings nothing back.
  assert.equal(await page.getByLabel("Titel van de werksessie").inputValue(), "");
  assert.equal(await page.getByRole("button", { name: "Ongedaan maken" }).isDisabled(), true);
  await page.locator("body").click({ position: { x: 2, y: 2 } });
  await page.keyboard.press("Control+z");
  await goPhase(page, "Verzamelen");
  assert.equal(await page.locator(".ld-source").count(), 0);
  assert.equal(await page.evaluate(() => document.body.innerText.includes("Gezin met schulden")), false);
  // A reload starts empty too (back at the step the tab was on; the title is on the first).
  await page.reload();
  await page.waitForSelector(".leidraad .ld-header");
  await goPhase(page, "Voorbereiden");
  assert.equal(await page.getByLabel("Titel van de werksessie").inputValue(), "");
  await shot(page, "trust-cleared");
  assert.deepEqual(left, [], "no leidraad. keys left in localStorage or IndexedDB right after clearing");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("two tabs on one workshop: the other tab is told and does not overwrite until the user chooses", async () => {
  const a = await openPage(env);
  await a.getByLabel("Titel van de werksessie").fill("Versie A");
  await a.getByLabel("Titel van de werksessie").press("Tab");
  await saved(a);
  const b = await a.context().newPage();
  b.problems = [];
  b.on("pageerror", (e) => b.problems.push(`pageerror: ${e.message}`));
  b.on("console", (m) => { if (m.type() === "error") b.problems.push(`console: ${m.text()}`); });
  await b.goto(env.url);
  await b.waitForSelector(".leidraad .ld-header");
  assert.equal(await b.getByLabel("Titel van de werksessie").inputValue(), "Versie A");

  // A changes: B is told, in an alert.
  await a.getByLabel("Titel van de werksessie").fill("Versie A2");
  await a.getByLabel("Titel van de werksessie").press("Tab");
  const bannerB = b.getByRole("alert").filter({ hasText: "in een ander tabblad gewijzigd" });
  await bannerB.waitFor();
  // B keeps working, but does not overwrite A's save.
  await b.getByLabel("Titel van de werksessie").fill("Versie B");
  await b.getByLabel("Titel van de werksessie").press("Tab");
  assert.equal((await saved(b)).workshop.setup.title, "Versie A2");
  await shot(b, "trust-other-tab");
  // A is not bothered by its own save.
  assert.equal(await a.getByRole("alert").filter({ hasText: "ander tabblad" }).count(), 0);

  // B chooses to keep its version: now it is saved, and A is told in turn.
  await bannerB.getByRole("button", { name: "Deze versie houden" }).click();
  assert.equal((await saved(b)).workshop.setup.title, "Versie B");
  await a.getByRole("alert").filter({ hasText: "in een ander tabblad gewijzigd" }).waitFor();
  // A chooses to reload: it shows B's version, and saving works again.
  await a.getByRole("button", { name: "Herladen" }).click();
  await a.waitForSelector(".leidraad .ld-header");
  assert.equal(await a.getByLabel("Titel van de werksessie").inputValue(), "Versie B");
  assert.equal(await a.getByRole("alert").count(), 0);
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
  await a.context().close();
});

test("storage full (QuotaExceededError): a visible warning, the work stays on screen, the download has it all", async () => {
  const page = await openPage(env);
  // From now on every write fails as when the quota is used up (reads still work), in
  // IndexedDB and in local storage.
  await page.evaluate(() => {
    const full = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
    Storage.prototype.setItem = full;
    IDBObjectStore.prototype.put = full;
  });
  await goPhase(page, "Verzamelen");
  await addSource(page, "Situatie", "Gezin met schulden");
  await addCard(page, "Gezin met schulden", "Eigen regie bij de inwoner");
  const alert = page.getByRole("alert").filter({ hasText: "Opslaan op dit apparaat lukt niet" });
  await alert.waitFor();
  assert.equal(await page.locator(".ld-saved").textContent(), "", "does not claim 'Opgeslagen'");
  // Work goes on in memory.
  await addCard(page, "Gezin met schulden", "Zorg dichtbij, in de wijk");
  assert.equal(await page.locator(".ld-card-row").count(), 2);
  const file = await download(page, () => alert.getByRole("button", { name: /^Download/ }).click());
  const w = JSON.parse(file.text).workshop;
  assert.deepEqual(w.cards.map((c) => c.text), ["Eigen regie bij de inwoner", "Zorg dichtbij, in de wijk"]);
  // The "Dit apparaat" download works too.
  await page.locator(".ld-device summary").click();
  const file2 = await download(page, () => page.locator(".ld-device").getByRole("button", { name: "Download de werksessie" }).click());
  assert.equal(JSON.parse(file2.text).workshop.cards.length, 2);
  await shot(page, "trust-quota");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("storage unavailable (private mode): the app starts, warns, keeps the work and downloads it", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => {
    for (const name of ["localStorage", "indexedDB"]) {
      Object.defineProperty(window, name, { configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
    }
  });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  await page.goto(env.url);
  await page.waitForSelector(".leidraad .ld-header");
  await goPhase(page, "Verzamelen");
  await addSource(page, "Gegevens", "Cijfers jeugdhulp");
  await addCard(page, "Cijfers jeugdhulp", "Normaliseren");
  await page.getByRole("alert").filter({ hasText: "Opslaan op dit apparaat lukt niet" }).waitFor();
  assert.equal(await page.locator(".ld-saved").textContent(), "", "does not claim 'Opgeslagen'");
  const file = await download(page, () => page.getByRole("alert").getByRole("button", { name: /^Download/ }).click());
  assert.equal(JSON.parse(file.text).workshop.cards[0].text, "Normaliseren");
  await shot(page, "trust-no-storage");
  assert.deepEqual(problems, []);
  await context.close();
});

test("storage unavailable from the start: the warning shows before any change", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    for (const name of ["localStorage", "indexedDB"]) {
      Object.defineProperty(window, name, { configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
    }
  });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForSelector(".leidraad .ld-header");
  // Before typing anything the user should know nothing will be kept (private mode).
  const warned = await page.getByRole("alert").filter({ hasText: /lukt niet|niet bewaard|niet opslaan/ }).count();
  const claims = await page.locator(".ld-saved").textContent();
  await context.close();
  assert.ok(warned > 0 || claims === "", `no warning at start and the header says "${claims}"`);
});

test("a panic shows a friendly message with a download of the last autosave, which stays intact", async () => {
  const w = JSON.parse(workshopFile(workshops.beforeTheCrash()));
  const stored = JSON.stringify(w);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await watchSaves(context);
  await seedStorage(context, stored);
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(env.url + "crash.html");
  const crash = page.locator(".ld-crash[role=alert]");
  await crash.waitFor();
  assert.match(await crash.textContent(), /Er ging iets mis in Leidraad\. Uw laatste opgeslagen werk staat nog op dit apparaat\./);
  const link = crash.getByRole("link", { name: /^Download/ });
  const file = await download(page, () => link.click());
  assert.equal(file.text, stored, "the download is the stored autosave, byte for byte");
  await settled(page);
  assert.equal(await storedText(page), stored, "storage untouched");
  assert.ok(errors.some((e) => /crash test requested/.test(e)), "the panic is logged");
  assert.ok(!errors.some((e) => /CSP violation/.test(e)));
  await shot(page, "trust-crash");
  await context.close();
});

test("offline after loading: the server gone and the network cut, the workshop goes on", async () => {
  const own = await start({});
  const page = await openPage(own);
  await page.waitForLoadState("networkidle");
  const atLoad = page.requests.length;
  await new Promise((r) => own.server.close(r));
  own.server.closeAllConnections?.();
  await page.context().setOffline(true);
  await page.getByLabel("Titel van de werksessie").fill("Zonder netwerk");
  await page.getByLabel("Titel van de werksessie").press("Tab");
  await goPhase(page, "Verzamelen");
  await addSource(page, "Goed voorbeeld", "Buurtteam Noord");
  await addCard(page, "Buurtteam Noord", "Zorg dichtbij, in de wijk");
  await goPhase(page, "Clusteren");
  await page.getByLabel("Naam voor een nieuw cluster").fill("Dichtbij");
  await page.getByRole("button", { name: "Cluster maken" }).click();
  await page.getByRole("checkbox", { name: /Zorg dichtbij/ }).check();
  await page.getByLabel("Verplaats naar").selectOption({ label: "Dichtbij" });
  await page.getByRole("button", { name: "Verplaats", exact: true }).click();
  await page.waitForFunction(() => document.querySelector(".ld-live").textContent.includes("verplaatst naar Dichtbij"));
  assert.deepEqual(await columnCards(page, "Dichtbij"), ["Zorg dichtbij, in de wijk"]);
  for (const phase of ["Kiezen", "Concretiseren", "Charter"]) await goPhase(page, phase);
  const s = await saved(page);
  assert.equal(s.workshop.cards[0].cluster, s.workshop.clusters[0].id);
  assert.equal(page.requests.length, atLoad, "no request while offline");
  await shot(page, "trust-offline");
  assert.deepEqual(page.problems, []);
  await page.context().close();
  await own.browser.close();
});
