// Storage: nothing lost at any size. The autosave lives in IndexedDB and reads back what it
// wrote, also for 20,000 cards; nothing is shown or saved before the stored workshop has loaded;
// "Opgeslagen" only after a save; work typed beside an unreadable stored workshop is kept under
// a key of its own; clearing the device reaches every open tab; opening a file asks whenever
// anything would be replaced; the user is told when the browser has little room left.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, saved, settled, storedText, watchSaves, seedStorage, workshopFile, download, header, setup, workshops } from "./lib.mjs";

const env = appServer();

/** A workshop of `n` cards of accented text at the card limit (200 characters). */
function bigWorkshop(n) {
  const w = workshops.emptyWorkshop();
  w.setup.title = `Sociaal domein, ${n} kaarten`;
  w.sources = [{ id: "s-1", kind: "case", title: "Gezin met schulden", notes: "" }];
  w.clusters = Array.from({ length: 40 }, (_, i) => ({ id: `c-${i}`, name: `Cluster ${i}` }));
  const phrase = "Één gezin, één plan: coördinatie dichtbij, zó geregeld, ook voor wie ’s avonds zorgt. ";
  for (let i = 0; i < n; i++) {
    const text = `${i} ${phrase.repeat(3)}`.slice(0, 200).trimEnd();
    w.cards.push({ id: `k-${i}`, text, source: "s-1", group: null, cluster: i % 5 ? `c-${i % 40}` : null });
  }
  return w;
}

test("'Opgeslagen' shows only once something was saved, not at a first start", async () => {
  const page = await openPage(env);
  await settled(page);
  assert.equal(await storedText(page), null, "nothing stored at a first start");
  assert.equal(await header(page).savedStatus.textContent(), "", "does not claim 'Opgeslagen' before a save");
  await setup(page).setTitle("Eerste sessie");
  assert.equal((await saved(page)).workshop.setup.title, "Eerste sessie");
  await header(page).savedStatus.filter({ hasText: "Opgeslagen op dit apparaat" }).waitFor();
  assert.equal(await page.getByRole("alert").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("opening a file asks first when only an organisation was typed, and cancelling keeps it", async () => {
  const page = await openPage(env);
  await setup(page).setOrganisation("Gemeente Vlissingen");
  const asked = page.waitForEvent("dialog");
  await header(page).file.choose("#ld-open-file", "ander.json", workshopFile(workshops.clustered(3)));
  const dialog = await asked;
  assert.match(dialog.message(), /vervangt de werksessie op dit scherm/);
  await dialog.dismiss();
  await settled(page);
  assert.equal(await page.getByLabel(/^Organisatie/).inputValue(), "Gemeente Vlissingen");
  assert.equal((await saved(page)).workshop.setup.organisation, "Gemeente Vlissingen");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a workshop of 20,000 accented cards opens, is saved, reads back after a reload, and its download opens again", async () => {
  const w = bigWorkshop(20_000);
  const text = workshopFile(w);
  const page = await openPage(env);
  await header(page).file.choose("#ld-open-file", "groot.json", text);
  await header(page).file.outcome.filter({ hasText: "Het bestand is geopend." }).waitFor({ timeout: 60_000 });
  const stored = await saved(page, (f) => f?.workshop.cards.length === 20_000, { timeout: 60_000 });
  const size = (await storedText(page)).length;
  console.log(`20,000 cards: file ${Buffer.byteLength(text)} bytes, stored ${size} characters`);
  assert.equal(stored.workshop.setup.title, w.setup.title);
  await page.reload();
  await page.waitForSelector(".leidraad .ld-header", { timeout: 60_000 });
  assert.equal(await page.locator(".ld-title").textContent(), w.setup.title, "the stored workshop is back");
  assert.equal(await page.getByRole("alert").count(), 0, "no 'cannot be read' after the reload");
  assert.equal(await header(page).savedStatus.textContent(), "Opgeslagen op dit apparaat");
  await shot(page, "storage-twenty-thousand-cards");
  // What the app offers for download opens again, on another laptop.
  const file = await header(page).file.download("Download werksessie (JSON)");
  const other = await openPage(env);
  await header(other).file.choose("#ld-open-file", file.name, file.text);
  await header(other).file.outcome.filter({ hasText: "Het bestand is geopend." }).waitFor({ timeout: 60_000 });
  assert.deepEqual(page.problems, []);
  assert.deepEqual(other.problems, []);
  await page.context().close();
  await other.context().close();
});

test("while the stored workshop is still being read, nothing is shown to type in and nothing is saved", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await watchSaves(context);
  const seed = workshopFile(workshops.clustered(3));
  await seedStorage(context, seed);
  // The app's first IndexedDB open answers only when the test says so.
  await context.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    let release;
    const gate = new Promise((r) => { release = r; });
    window.__releaseStorage = release;
    let first = true;
    IDBFactory.prototype.open = function (...args) {
      const request = open.apply(this, args);
      if (first) {
        first = false;
        let handler = null;
        Object.defineProperty(request, "onsuccess", { configurable: true, get: () => handler, set: (fn) => { handler = fn; } });
        request.addEventListener("success", (e) => { gate.then(() => handler?.call(request, e)); });
      }
      return request;
    };
  });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator(".leidraad .ld-loading", { hasText: "Leidraad laadt de werksessie" }).waitFor();
  assert.equal(await page.locator(".ld-header, input, textarea").count(), 0, "no empty workshop to type in");
  await shot(page, "storage-loading");
  await page.evaluate(() => window.__releaseStorage());
  await page.waitForSelector(".leidraad .ld-header");
  assert.equal(await page.getByLabel("Titel van de werksessie").inputValue(), "Leidende principes Sociaal Domein");
  await settled(page);
  assert.equal(await storedText(page), seed, "nothing was written over the stored workshop");
  await context.close();
});

test("beside an unreadable stored workshop new work is kept apart, and a reload offers both", async () => {
  const newer = JSON.stringify({ format: "leidraad-workshop", version: 99, workshop: {} });
  const page = await openPage(env, { storage: newer });
  const banner = page.getByRole("alert").filter({ hasText: "kan de opgeslagen werksessie op dit apparaat niet lezen" });
  await banner.filter({ hasText: "slaat Leidraad apart op dit apparaat op" }).waitFor();
  await setup(page).setTitle("Werk van vanmiddag");
  await settled(page);
  assert.equal(await storedText(page), newer, "the unreadable text is untouched");
  const aside = JSON.parse(await storedText(page, "leidraad.workshop.aside"));
  assert.equal(aside.workshop.setup.title, "Werk van vanmiddag");
  await page.reload();
  await page.waitForSelector(".leidraad .ld-header");
  await banner.filter({ hasText: "Uw werk van daarna staat apart op dit apparaat" }).waitFor();
  assert.equal(await setup(page).title.inputValue(), "Werk van vanmiddag", "the new work is back");
  const raw = await download(page, () => banner.getByRole("button", { name: "Download de opgeslagen tekst" }).click(), { prefix: "storage-" });
  assert.equal(raw.text, newer, "and the unreadable text can still be downloaded");
  await shot(page, "storage-unreadable-aside-nl");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("clearing the device reaches the other open tabs, and none writes the workshop back", async () => {
  const start = workshops.fivePrinciples();
  const a = await openPage(env, { storage: workshopFile(start) });
  // A second workshop tab and the after-the-charter page, in the same browser.
  const [b, c] = [await a.context().newPage(), await a.context().newPage()];
  await b.goto(env.url);
  await c.goto(env.url + "after.html");
  for (const tab of [b, c]) {
    await tab.waitForSelector(".leidraad .ld-header");
    assert.equal(await tab.locator(".ld-title").textContent(), start.setup.title);
  }
  await a.locator(".ld-device summary").click();
  a.once("dialog", (d) => d.accept());
  await a.locator(".ld-device").getByRole("button", { name: "Wis alles van dit apparaat" }).click();
  // The other tabs forget the workshop too and say why.
  for (const tab of [b, c]) {
    await tab.locator(".ld-notice", { hasText: "Alles is van dit apparaat gewist." }).waitFor();
    assert.notEqual(await tab.locator(".ld-title").textContent(), start.setup.title);
  }
  await shot(c, "storage-cleared-other-tab");
  // An edit in another tab saves a new workshop, never the cleared one.
  await setup(b).setTitle("Nieuwe sessie");
  const now = await saved(b, (f) => f?.workshop.setup.title === "Nieuwe sessie");
  assert.equal(now.workshop.principles.length, 0);
  assert.ok(!JSON.stringify(now).includes(start.setup.title), "nothing of the cleared workshop came back");
  await a.context().close();
});

test("the user is told before the workshop grows past what this browser can keep", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await watchSaves(context);
  // A browser with almost no room left.
  await context.addInitScript(() => {
    StorageManager.prototype.estimate = async () => ({ quota: 10_000_000, usage: 9_999_000 });
  });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForSelector(".leidraad .ld-header");
  await setup(page).setTitle("Grote sessie");
  const warning = page.getByRole("alert").filter({ hasText: "bijna te groot voor wat deze browser kan opslaan" });
  await warning.waitFor();
  const file = await download(page, () => warning.getByRole("button", { name: /^Download/ }).click(), { prefix: "storage-" });
  assert.equal(JSON.parse(file.text).workshop.setup.title, "Grote sessie");
  await shot(page, "storage-space-low-nl");
  await context.close();
});
