// The cluster suggestions are a wasm module of their own (built for speed; the workshop page is
// built for size), fetched only when someone first asks for suggestions: the first load does
// not carry them. While it loads the panel says so; when it cannot load, the panel says that
// plainly and the board stays fully usable by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { appServer, openPage, workshopFile, assertText, header, board, collect, workshops, axe, shot, DIST } from "./lib.mjs";

// The app embedded from a static folder on an intranet page (README, Embedding): the module is
// fetched from beside boot.js, not from beside the page.
const types = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm" };
const STATIC = Object.fromEntries(
  ["boot.js", "leidraad.js", "leidraad_bg.wasm", "leidraad-later_bg.wasm", "leidraad.css", "leidraad-suggest.js", "leidraad-suggest_bg.wasm"].map((f) => [
    `/static/leidraad/${f}`,
    { body: fs.readFileSync(path.join(DIST, f)), type: types[path.extname(f)] },
  ]),
);
const HOST = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Intranet</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/leidraad/leidraad.css">
<script type="module" src="/static/leidraad/boot.js"></script></head>
<body><h1>Intranet</h1><div id="leidraad" data-lang="nl"></div></body></html>`;
const env = appServer({ ...STATIC, "/intranet/leidraad.html": { body: HOST } });
const moduleFiles = (page) => page.requests.filter((u) => /leidraad-suggest/.test(u));

test("the first load does not fetch the suggestion module; asking for suggestions does, once, and shows them", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.looseCards()) });
  await page.waitForLoadState("networkidle");
  await header(page).step("Clusteren");
  await page.getByRole("button", { name: "Stel clusters voor" }).waitFor();
  assert.deepEqual(moduleFiles(page), [], "the suggestion module was fetched before suggestions were asked for");

  await page.getByRole("button", { name: "Stel clusters voor" }).click();
  const proposal = page.locator(".ld-proposal", { hasText: "Zelfredzaamheid" });
  await proposal.waitFor();
  assert.match(await proposal.locator(".ld-why").textContent(), /Wat ze delen:.*eigen kracht/i);
  assert.deepEqual(moduleFiles(page).sort(), [`${env.url}leidraad-suggest.js`, `${env.url}leidraad-suggest_bg.wasm`]);
  // The time shown covers the whole call across the two modules; the first fetch apart.
  const panel = page.locator(".ld-suggest");
  assert.match(await panel.getAttribute("data-ms"), /^\d+\.\d\d$/);
  assert.match(await panel.getAttribute("data-load-ms"), /^\d+\.\d\d$/);
  assert.equal(await panel.getAttribute("data-run"), "1");

  // Asking again uses the loaded module: no new fetch.
  await page.getByRole("button", { name: "Opnieuw voorstellen" }).click();
  await page.locator('.ld-suggest[data-run="2"]').waitFor();
  assert.equal(moduleFiles(page).length, 2);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("when the module cannot load, the panel says so, nothing is lost, the board works by hand, and asking again retries", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.looseCards()) });
  const b = board(page);
  // Offline before first use: the module's files do not come.
  let offline = true;
  let release;
  const slow = new Promise((r) => { release = r; });
  await page.route(/leidraad-suggest/, async (route) => {
    if (offline) return route.abort("internetdisconnected");
    await slow;
    return route.continue();
  });
  await header(page).step("Clusteren");
  await page.getByRole("button", { name: "Stel clusters voor" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "kan de voorstellen nu niet laden" });
  await alert.waitFor();
  assert.match(await alert.textContent(), /Er is niets verloren/);
  assert.equal(await page.locator(".ld-proposal").count(), 0);
  assert.deepEqual(await axe(page), []);
  // Nothing lost, and the board still works by hand.
  assert.equal((await b.cards("Nog niet ingedeeld")).length, 8);
  await b.createCluster("Eigen regie");
  await b.heading("Eigen regie");
  assert.deepEqual(await b.cards("Handmatig"), ["Lokaal wat lokaal kan"]);

  // Back online: asking again loads the module (the panel says so meanwhile) and shows the suggestions.
  offline = false;
  await page.getByRole("button", { name: "Stel clusters voor" }).click();
  await page.getByRole("status").filter({ hasText: "Leidraad laadt de voorstellen" }).waitFor();
  release();
  await page.locator(".ld-proposal", { hasText: "Zelfredzaamheid" }).waitFor();
  assert.equal(await alert.count(), 0);
  // The failed fetch is reported by the browser itself; the app adds no error of its own.
  assert.deepEqual(page.problems.filter((p) => !/leidraad-suggest|Failed to fetch|net::ERR/.test(p)), []);

  await page.context().close();
});

test("embedded from a static folder, the page fetches the module from beside boot.js", async () => {
  const page = await openPage(env, { path: "intranet/leidraad.html", storage: workshopFile(workshops.looseCards()) });
  await header(page).step("Clusteren");
  await page.getByRole("button", { name: "Stel clusters voor" }).click();
  await page.locator(".ld-proposal", { hasText: "Zelfredzaamheid" }).waitFor();
  assert.deepEqual(moduleFiles(page).sort(), [`${env.url}static/leidraad/leidraad-suggest.js`, `${env.url}static/leidraad/leidraad-suggest_bg.wasm`]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Collect's "looks like a card already there" while typing is computed by the same module: it is
// fetched when Collect shows cards, not with the first load; the board then uses it as is.
test("Collect's look-alike hint comes from the module: fetched when Collect shows cards, not on the first load, and kept for the board", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.looseCards()) });
  await page.waitForLoadState("networkidle");
  assert.deepEqual(moduleFiles(page), [], "the suggestion module was fetched with the first load");
  await header(page).step("Verzamelen");
  const box = page.locator(".ld-source").first();
  await collect(page).typeCard(box, "De inwoner houdt zelf de regie");
  const hint = box.locator(".ld-lookalike");
  await hint.locator("li").first().waitFor();
  assert.match(await hint.textContent(), /Lijkt op een kaart die er al is:.*Eigen regie bij de inwoner/);
  assert.deepEqual(moduleFiles(page).sort(), [`${env.url}leidraad-suggest.js`, `${env.url}leidraad-suggest_bg.wasm`]);
  // A card added changes what the module indexes: typing it again finds it.
  await collect(page).pressAddCard(box);
  await box.locator(".ld-card-row", { hasText: "De inwoner houdt zelf de regie" }).waitFor();
  await collect(page).typeCard(box, "De inwoner houdt zelf de regie");
  await hint.locator("li", { hasText: "De inwoner houdt zelf de regie" }).waitFor();
  await header(page).step("Clusteren");
  await page.getByRole("button", { name: "Stel clusters voor" }).click();
  await page.locator(".ld-proposal", { hasText: "Zelfredzaamheid" }).waitFor();
  assert.equal(moduleFiles(page).length, 2, "the module was fetched again");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("when the module cannot load, Collect shows no hint and no error, and typing and adding cards work as always", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.looseCards()) });
  await page.route(/leidraad-suggest/, (route) => route.abort("internetdisconnected"));
  const failed = page.waitForEvent("requestfailed", (r) => /leidraad-suggest/.test(r.url()));
  await header(page).step("Verzamelen");
  await failed;
  const box = page.locator(".ld-source").first();
  const before = await box.locator(".ld-card-row").count();
  await collect(page).typeCard(box, "Eigen regie bij de inwoner");
  await collect(page).pressAddCard(box);
  await box.locator(".ld-card-row").nth(before).waitFor();
  assert.equal(await box.getByLabel("Nieuwe kaart").inputValue(), "");
  await collect(page).typeCard(box, "Eigen regie bij de inwoner");
  assert.equal(await page.locator(".ld-lookalike li").count(), 0);
  assert.equal(await page.getByRole("alert").count(), 0);
  // The failed fetch is reported by the browser itself; the app adds no error of its own.
  assert.deepEqual(page.problems.filter((p) => !/leidraad-suggest|Failed to fetch|net::ERR/.test(p)), []);
  await page.context().close();
});

// The inspiration library's search by other word forms (`ontschotten` finds "ontschotting") needs
// the lexicon and stemmer, which the workshop page does not carry: the module computes it. The
// library fetches the module when it is opened, beside library.json; the literal search works as
// soon as the library is there.
test("the library fetches the module when opened, not on the first load; while it loads it says it is still searching, then shows the hits by another word form", async () => {
  const page = await openPage(env);
  await page.waitForLoadState("networkidle");
  const { library } = collect(page);
  await header(page).step("Verzamelen");
  assert.deepEqual(moduleFiles(page), [], "the suggestion module was fetched with the first load");
  // The module comes slowly: the panel says it is still searching meanwhile.
  let release;
  const slow = new Promise((r) => { release = r; });
  await page.route(/leidraad-suggest/, async (route) => { await slow; return route.continue(); });
  const fetched = page.waitForRequest(/leidraad-suggest\.js$/);
  await library.toggle.click();
  await assertText(library.count, /^103 principes gevonden$/);
  await fetched;
  // The literal search works before the module is there.
  await library.search.fill("preventie");
  await assertText(library.count, /principes? gevonden$/);
  await library.search.fill("ontschotten");
  await page.getByRole("status").filter({ hasText: "Leidraad zoekt ook op andere vormen van de woorden" }).waitFor();
  assert.equal(await library.items.count(), 0);
  await shot(page, "collect-library-searching-nl");
  release();
  await library.items.filter({ hasText: /ontschotting/i }).first().waitFor();
  await assertText(library.count, /principes? gevonden$/);
  assert.equal(await library.search.inputValue(), "ontschotten");
  // Another word form and the same idea in other words: both from the module, no new fetch.
  await library.search.fill("ontschotte budgetten");
  await library.items.filter({ hasText: /ontschot budget/i }).first().waitFor();
  assert.deepEqual(moduleFiles(page).sort(), [`${env.url}leidraad-suggest.js`, `${env.url}leidraad-suggest_bg.wasm`]);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("when the module cannot load, the library says plainly that searching by other word forms is not possible now, and the literal search keeps working", async () => {
  const page = await openPage(env);
  const { library } = collect(page);
  await page.route(/leidraad-suggest/, (route) => route.fulfill({ status: 404, body: "" }));
  await header(page).step("Verzamelen");
  await library.toggle.click();
  await assertText(library.count, /^103 principes gevonden$/);
  await library.search.fill("ontschotten");
  await assertText(library.count, /^Niets gevonden\. Zoeken op andere vormen van een woord kan nu niet\./);
  assert.equal(await library.items.count(), 0);
  assert.equal(await page.getByRole("alert").count(), 0);
  assert.equal(await library.search.inputValue(), "ontschotten", "what was typed is kept");
  assert.deepEqual(await axe(page), []);
  await shot(page, "collect-library-forms-unavailable-nl");
  // The literal search works as always.
  await library.search.fill("preventie");
  await assertText(library.count, /principes? gevonden$/);
  await library.items.first().waitFor();
  // The failed fetch is reported by the browser itself; the app adds no error of its own.
  assert.deepEqual(page.problems.filter((p) => !/leidraad-suggest|Failed to (load resource|fetch)|net::ERR|404/.test(p)), []);
  await page.context().close();
});
