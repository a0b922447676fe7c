// Issue 6 end to end: a facilitator locks and unlocks phases, runs a timer per phase (computed
// from timestamps, so a background tab stays right), opens a projector view in a second window
// that follows the working window, and participants borrow principles from the library.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, shot, axe, goPhase, addSource, addCard, saved, noViolations } from "./lib.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const notice = (page) => page.locator(".ld-notice-area .ld-notice");
const clock = (page) => page.locator(".ld-header .ld-countdown-clock");

test("locking Collect refuses new cards in plain Dutch, shows the lock, survives reload, and unlocks", async () => {
  const page = await openPage(env);
  await goPhase(page, "Verzamelen");
  await addSource(page, "Casus", "Gezin in de wijk");
  await addCard(page, "Gezin in de wijk", "Eigen regie bij de inwoner");

  // Lock by keyboard: focus the toggle and press Enter.
  const lock = page.getByRole("button", { name: "Vergrendel deze stap" });
  await lock.focus();
  await page.keyboard.press("Enter");
  await page.locator(".ld-lockbar-locked", { hasText: "Vergrendeld" }).waitFor();
  await page.getByRole("button", { name: /Verzamelen \(vergrendeld\)/ }).waitFor();

  const box = page.locator(".ld-source", { has: page.locator("h3", { hasText: "Gezin in de wijk" }) });
  await box.getByLabel("Nieuw principe op een kaart").fill("Zorg dichtbij");
  await box.getByRole("button", { name: "Kaart toevoegen" }).click();
  await assertText(notice(page), /De stap Verzamelen is vergrendeld door de begeleider/);
  assert.equal(await box.locator(".ld-card-row").count(), 1, "no card added while locked");
  await shot(page, "issue6-lock-nl");
  await noViolations(page, "locked collect");

  // The lock is part of the saved workshop.
  assert.deepEqual((await saved(page)).workshop.locks, ["collect"]);
  await page.reload();
  await page.waitForSelector(".leidraad .ld-header");
  await page.getByRole("button", { name: /Verzamelen \(vergrendeld\)/ }).waitFor();
  await goPhase(page, "Verzamelen");
  await page.locator(".ld-lockbar-locked").waitFor();

  await page.getByRole("button", { name: "Ontgrendel deze stap" }).click();
  await page.getByRole("button", { name: "Vergrendel deze stap" }).waitFor();
  assert.equal(await page.getByRole("button", { name: /\(vergrendeld\)/ }).count(), 0);
  await addCard(page, "Gezin in de wijk", "Zorg dichtbij");
  assert.deepEqual((await saved(page)).workshop.locks, []);

  // English: the same refusal in English.
  await page.getByRole("button", { name: "Vergrendel deze stap" }).click();
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("button", { name: "Unlock this step" }).waitFor();
  await box.getByLabel("New principle on a card").fill("Preventie");
  await box.getByRole("button", { name: "Add card" }).click();
  await assertText(notice(page), /The step Collect is locked by the facilitator/);
  await shot(page, "issue6-lock-en");
  await noViolations(page, "locked collect (en)");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** A page whose clock the test controls (Date.now and timers), installed before the app loads. */
async function pageWithClock(time) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  await page.clock.install({ time });
  await page.goto(env.url);
  await page.waitForSelector(".leidraad .ld-header");
  return page;
}

async function assertText(locator, re) {
  await locator.filter({ hasText: re }).first().waitFor({ timeout: 5000 }).catch(() => {});
  const text = (await locator.allTextContents()).join(" | ");
  assert.match(text, re);
}

test("the timer counts down from timestamps: start, pause, resume, background, the end signal, reset", async () => {
  const t0 = new Date("2025-03-10T09:00:00Z");
  const page = await pageWithClock(t0);
  await goPhase(page, "Verzamelen");

  // Set 1 minute in the settings (by keyboard).
  const settings = page.getByRole("button", { name: "Instellen" });
  await settings.click();
  assert.equal(await settings.getAttribute("aria-expanded"), "true");
  await page.getByLabel("Minuten").fill("1");
  await page.getByLabel("Minuten").press("Enter");
  await assertText(clock(page), /^01:00$/);
  assert.equal(await page.getByLabel("Geluid aan het eind").isChecked(), false, "sound is off unless switched on");
  await page.keyboard.press("Escape");
  assert.equal(await settings.getAttribute("aria-expanded"), "false");

  await page.getByRole("button", { name: "Start", exact: true }).click();
  await page.clock.runFor(5_000);
  await assertText(clock(page), /^00:55$/);

  await page.getByRole("button", { name: "Pauze" }).click();
  await page.clock.runFor(10_000);
  await assertText(clock(page), /^00:55$/);
  await assertText(page.locator(".ld-header .ld-countdown"), /gepauzeerd/);

  await page.getByRole("button", { name: "Verder" }).click();
  await page.clock.runFor(1_000);
  await assertText(clock(page), /^00:54$/);

  // A background tab gets few or no ticks: jump the wall clock 30 s without running timers,
  // then one tick. Counting ticks would show 00:53; timestamps show 00:24.
  const now = await page.evaluate(() => Date.now());
  await page.clock.setSystemTime(now + 30_000);
  await page.clock.runFor(250);
  await assertText(clock(page), /^00:2[34]$/);

  // Each phase has its own timer; Collect's keeps running meanwhile.
  await goPhase(page, "Clusteren");
  await assertText(clock(page), /^10:00$/);
  await goPhase(page, "Verzamelen");
  await assertText(clock(page), /^00:2[0-4]$/);

  await page.clock.runFor(30_000);
  await assertText(clock(page), /^00:00$/);
  await assertText(page.locator(".ld-header .ld-countdown-end[role=status]"), /Tijd is om/);
  assert.equal(await page.locator(".ld-header .ld-timer.ld-timer-over").count(), 1);
  await shot(page, "issue6-timer-end-nl");
  await noViolations(page, "timer at the end");

  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("leidraad.timer")));
  assert.equal(stored.phases.collect.duration_ms, 60_000);
  assert.equal(stored.sound, false);

  await page.getByRole("button", { name: "Terugzetten" }).click();
  await assertText(clock(page), /^01:00$/);
  assert.equal(await page.locator(".ld-header .ld-timer-over").count(), 0);

  // English labels.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("button", { name: "Start", exact: true }).waitFor();
  await page.getByRole("button", { name: "Settings" }).click();
  await page.getByLabel("Sound at the end").check();
  await shot(page, "issue6-timer-settings-en");
  await noViolations(page, "timer settings (en)");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the projector window follows the working window: phase, cards, lock, timer and language", async () => {
  const page = await openPage(env);
  await page.getByLabel("Titel van de werksessie").fill("Werksessie Zorg Dichtbij");
  await page.getByLabel("Titel van de werksessie").press("Tab");
  const context = page.context();

  // The button opens a second window at ?leidraad=projector.
  const [proj] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("button", { name: "Open het projectiescherm in een nieuw venster" }).click(),
  ]);
  proj.problems = [];
  proj.on("pageerror", (e) => proj.problems.push(`pageerror: ${e.message}`));
  await proj.waitForLoadState();
  assert.match(proj.url(), /\?leidraad=projector$/);
  await proj.locator(".ld-projector .ld-proj-step", { hasText: "Voorbereiden" }).waitFor();
  await proj.locator(".ld-proj-title", { hasText: "Werksessie Zorg Dichtbij" }).waitFor();
  assert.equal(await proj.locator("input, textarea, select, button").count(), 0, "the projector is read-only");

  // Move to Collect and add a card: the projector follows.
  await goPhase(page, "Verzamelen");
  await proj.locator(".ld-proj-step", { hasText: "Verzamelen" }).waitFor();
  await addSource(page, "Bron", "Cijfers jeugdhulp");
  await addCard(page, "Cijfers jeugdhulp", "Normaliseren: niet alles is een probleem");
  await proj.locator(".ld-proj-cards li", { hasText: "Normaliseren: niet alles is een probleem" }).waitFor();

  // Timer and lock show on the projector.
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await proj.locator(".ld-proj-timer .ld-countdown-clock").waitFor();
  await page.getByRole("button", { name: "Vergrendel deze stap" }).click();
  await proj.locator(".ld-proj-locked", { hasText: "Vergrendeld" }).waitFor();
  await shot(proj, "issue6-projector-collect-nl");
  await noViolations(proj, "projector (nl)");

  // Cluster: the board with clusters and loose cards.
  await goPhase(page, "Clusteren");
  await page.getByLabel("Naam voor een nieuw cluster").fill("Gewoon opgroeien");
  await page.getByRole("button", { name: "Cluster maken" }).click();
  await proj.locator(".ld-proj-box h2", { hasText: "Gewoon opgroeien" }).waitFor();
  await proj.locator(".ld-proj-loose li", { hasText: "Normaliseren" }).waitFor();

  // A projector opened later catches up at once (saved state, then a hello).
  const late = await context.newPage();
  await late.goto(env.url + "?leidraad=projector");
  await late.locator(".ld-proj-step", { hasText: "Clusteren" }).waitFor();
  await late.locator(".ld-proj-box h2", { hasText: "Gewoon opgroeien" }).waitFor();
  await late.close();

  // Language follows the working window.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await proj.locator(".ld-projector[lang=en] .ld-proj-step", { hasText: "Cluster" }).waitFor();
  await proj.locator(".ld-proj-loose h2", { hasText: "Not grouped yet" }).waitFor();
  await shot(proj, "issue6-projector-cluster-en");
  await noViolations(proj, "projector (en)");

  // Choose: ranking hidden until revealed; the set size in words.
  await goPhase(page, "Choose");
  await proj.locator(".ld-proj-empty", { hasText: "The result is still hidden." }).waitFor();
  assert.deepEqual(page.problems, []);
  assert.deepEqual(proj.problems, []);
  await context.close();
});

test("participants search the library, add a principle as a card under the owner's source, by keyboard, in both languages", async () => {
  const page = await openPage(env);
  await page.waitForLoadState("networkidle");
  await goPhase(page, "Verzamelen");
  // The library is a file of its own, fetched only when someone opens it.
  assert.deepEqual(page.requests.filter((u) => u.endsWith("library.json")), [], "library fetched before it was opened");
  const toggle = page.getByRole("button", { name: "Bekijk de inspiratie" });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Zoek in de inspiratie").waitFor();
  await assertText(page.locator("#ld-library-count"), /^103 principes gevonden$/);

  await page.getByLabel("Zoek in de inspiratie").focus();
  await page.keyboard.type("eigen regie");
  await assertText(page.locator("#ld-library-count"), /principes? gevonden/);
  const first = page.locator(".ld-library-item").first();
  const title = (await first.locator(".ld-library-title").textContent()).trim();
  const owner = await first.getAttribute("data-owner");
  assert.match(title.toLowerCase(), /eigen/);
  assert.match(title.toLowerCase(), /regie/);

  // Tab from the search field to the first item's link, then to its button; Enter adds.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
  assert.match(focused, /^Neem over als kaart: /);
  await page.keyboard.press("Enter");
  await assertText(notice(page), new RegExp(`Kaart toegevoegd onder de bron ${escape(owner)}`));

  // The card is there, under a source of kind Bron named after the owner (and year).
  const source = page.locator(".ld-source", { has: page.locator("h3", { hasText: owner }) });
  await source.waitFor();
  assert.equal(await source.locator(".ld-kind").textContent(), "Bron");
  await source.locator(".ld-card-row", { hasText: title.slice(0, 40) }).waitFor();
  assert.match(await source.locator(".ld-notes").textContent(), /https?:\/\//);
  // Focus stays on the (now marked) button.
  assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ""), /Staat al als kaart/);
  await page.keyboard.press("Enter");
  assert.equal(await source.locator(".ld-card-row").count(), 1, "the same principle is not added twice");

  const w = (await saved(page)).workshop;
  assert.equal(w.sources.filter((s) => s.kind === "data" && s.title.startsWith(owner)).length, 1);
  await page.locator(".ld-library").scrollIntoViewIfNeeded();
  await shot(page, "issue6-library-nl");
  await noViolations(page, "library (nl)");

  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByLabel("Search the inspiration").fill("preventie");
  await assertText(page.locator("#ld-library-count"), /principles? found/);
  await page.getByRole("button", { name: /^Add as a card: / }).first().waitFor();
  await shot(page, "issue6-library-en");
  await noViolations(page, "library (en)");
  assert.deepEqual(page.problems, []);
  // The library came from the app's own folder, once, and nothing else was fetched.
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(env.url)), []);
  assert.deepEqual(page.requests.filter((u) => u.endsWith("library.json")), [`${env.url}library.json`]);
  await page.context().close();
});

test("the library is fetched on first open and kept for the visit; without a connection it says so plainly and can try again", async () => {
  const page = await openPage(env);
  await page.waitForLoadState("networkidle");
  const fetches = () => page.requests.filter((u) => u.endsWith("library.json"));
  await goPhase(page, "Verzamelen");
  const open = page.getByRole("button", { name: "Bekijk de inspiratie" });
  const close = page.getByRole("button", { name: "Verberg de inspiratie" });

  // Offline before the library was ever opened: a clear message, not an empty list.
  await page.context().setOffline(true);
  await open.click();
  await assertText(page.locator("#ld-library-body [role=alert]"), /^De bibliotheek kan niet worden geladen zonder verbinding\./);
  await shot(page, "library-offline-nl");

  // Back online (axe is injected over the network): the message passes axe; try again loads it.
  await page.context().setOffline(false);
  await noViolations(page, "library offline (nl)");
  await page.getByRole("button", { name: "Opnieuw proberen" }).click();
  await assertText(page.locator("#ld-library-count"), /^103 principes gevonden$/);
  const afterLoad = fetches().length;

  // Offline again: closing and opening shows the library from memory, without a request.
  await page.context().setOffline(true);
  await close.click();
  await open.click();
  await assertText(page.locator("#ld-library-count"), /^103 principes gevonden$/);
  await page.getByLabel("Zoek in de inspiratie").fill("preventie");
  await page.locator(".ld-library-item").first().waitFor();
  assert.equal(fetches().length, afterLoad, "the library is not fetched again once loaded");
  assert.ok(fetches().every((u) => u === `${env.url}library.json`), fetches().join(", "));
  // The only problems are the browser's own notes about the offline fetch.
  assert.deepEqual(page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to (load resource|fetch)/.test(p)), []);
  await page.context().close();
});

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
