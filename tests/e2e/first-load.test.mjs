// The workshop page's first load: its wasm is in two parts (scripts/split-wasm.mjs). The first
// part starts the page and shows Voorbereiden; the later part (the other steps' views, the
// library, the suggestions panel, the merge panel, the charter and its exports) is fetched right
// after the page has started. A first visit never waits for it; a step that needs it before it
// has arrived fetches it there and then; when it cannot be fetched at all, the page says so
// plainly and the workshop stays as it was saved.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, saved, storedText, header, setup, board, workshops, workshopFile, transferred } from "./lib.mjs";

const env = appServer();
const LATER = "leidraad-later_bg.wasm";
const later = (page) => page.evaluate(() => ({ ...document.documentElement.dataset }));

test("a first visit starts on the first part alone, then fetches the later part once, in the background", async () => {
  const page = await openPage(env);
  await page.waitForFunction(() => document.documentElement.dataset.leidraadLater === "ready");
  const wasm = page.requests.filter((u) => u.endsWith(".wasm")).map((u) => u.split("/").pop());
  assert.deepEqual(wasm, ["leidraad_bg.wasm", LATER], "the first part, then the later part, each once");
  assert.equal((await later(page)).leidraadLaterWaited, undefined, "the first screen needed nothing of the later part");
  // Both came gzip-compressed (the copies scripts/precompress.mjs wrote), and arrived whole.
  for (const name of ["leidraad_bg.wasm", LATER]) {
    const t = await transferred(page, name);
    assert.ok(t.gzip < t.file / 2, `${name}: a gzip copy in dist/ (${t.gzip} of ${t.file} B)`);
    assert.equal(t.encoded, t.gzip, `${name}: the gzip copy on the wire`);
    assert.equal(t.decoded, t.file, `${name}: the whole file after decoding`);
  }

  // Every step opens on what arrived in the background: no second fetch.
  const s = setup(page);
  await s.setTitle("Leidende principes");
  const steps = { Verzamelen: "collect", Clusteren: "cluster", Kiezen: "reduce", Concretiseren: "concretise", Charter: "charter" };
  for (const [step, slug] of Object.entries(steps)) {
    await header(page).step(step);
    assert.equal(await header(page).phase(), slug);
  }
  assert.equal(page.requests.filter((u) => u.endsWith(LATER)).length, 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("while the later part is still on its way, Voorbereiden works and saves; a later step waits for it and opens", async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const page = await openPage(env, {
    prepare: (p) => p.route(`**/${LATER}`, async (route) => { await held; await route.continue(); }),
  });
  const s = setup(page);
  await s.setTitle("Werkplaats in de wijk");
  await s.addGroup("Jongerenraad");
  const file = await saved(page, (f) => f?.workshop.setup.title === "Werkplaats in de wijk");
  assert.equal(file.workshop.setup.groups.at(-1).name, "Jongerenraad");
  assert.equal((await later(page)).leidraadLater, undefined, "the later part is held back");

  release();
  await header(page).step("Verzamelen");
  await page.getByRole("heading", { name: "Verzamelen", level: 2 }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a returning user on another step: the first screen fetches the later part there and then, and shows the board", async () => {
  // The later part is slow to come (a second): the board cannot wait for the fetch in the background.
  const page = await openPage(env, {
    storage: workshopFile(workshops.smallBoard()),
    prepare: async (p) => {
      await p.addInitScript(() => sessionStorage.setItem("leidraad.step.workshop", "cluster"));
      await p.route(`**/${LATER}`, async (route) => { await new Promise((r) => setTimeout(r, 1000)); await route.continue(); });
    },
  });
  await board(page).heading("Dichtbij");
  assert.deepEqual(await board(page).cards("Dichtbij"), ["Zorg dichtbij, in de wijk"]);
  const data = await later(page);
  assert.equal(data.leidraadLater, "ready");
  assert.notEqual(data.leidraadLaterWaited, undefined, "the board's view came from the later part, fetched at once");
  // At most the fetch in the background, if it had started, and the one the board needed.
  const fetched = page.requests.filter((u) => u.endsWith(LATER)).length;
  assert.ok(fetched >= 1 && fetched <= 2, `fetched ${fetched} times`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("when the later part cannot be fetched at all, the page says so plainly and the workshop stays as it was saved", async () => {
  const page = await openPage(env, { prepare: (p) => p.route(`**/${LATER}`, (route) => route.abort("internetdisconnected")) });
  const s = setup(page);
  await s.setTitle("Zonder verbinding");
  await saved(page, (f) => f?.workshop.setup.title === "Zonder verbinding");
  // Voorbereiden needs nothing of the later part: no message yet.
  assert.equal(await page.locator(".ld-crash").count(), 0);

  await page.getByRole("navigation").getByRole("button", { name: /Verzamelen/ }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Een deel van Leidraad kon niet worden geladen" });
  await alert.waitFor();
  assert.equal(await alert.textContent(), "Een deel van Leidraad kon niet worden geladen. Uw werk is opgeslagen. Laad de pagina opnieuw als er weer verbinding is.");
  await shot(page, "first-load-later-part-missing");
  const stored = JSON.parse(await storedText(page));
  assert.equal(stored.workshop.setup.title, "Zonder verbinding", "the saved workshop is untouched");
  // Besides the browser's own lines for the failed requests, the one error is the call that
  // could not go on; nothing else went wrong.
  const problems = page.problems.filter((p) => !/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(p));
  assert.equal(problems.length, 1, problems.join("\n"));
  assert.match(problems[0], /failed to fetch .*leidraad-later_bg\.wasm: NetworkError/);

  // Connected again: a reload opens on the step it stayed on, with the workshop, and the later part comes.
  await page.unroute(`**/${LATER}`);
  await page.reload();
  await page.waitForSelector(".leidraad .ld-header");
  assert.equal(await header(page).phase(), "setup");
  await page.waitForFunction(() => document.documentElement.dataset.leidraadLater === "ready");
  assert.equal(await setup(page).title.inputValue(), "Zonder verbinding");
  await page.context().close();
});

test("the message speaks the page's language", async () => {
  const page = await openPage(env, { prepare: (p) => p.route(`**/${LATER}`, (route) => route.abort("internetdisconnected")) });
  await header(page).toEnglish();
  await page.getByRole("navigation").getByRole("button", { name: /Collect/ }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Part of Leidraad could not be loaded" });
  await alert.waitFor();
  assert.equal(await alert.textContent(), "Part of Leidraad could not be loaded. Your work is saved. Reload the page when you are connected again.");
  await shot(page, "first-load-later-part-missing-en");
  await page.context().close();
});
