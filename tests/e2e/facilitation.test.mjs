// Facilitation: a facilitator locks and unlocks steps, runs a timer per step (computed from
// timestamps, so a background tab stays right), and opens a projector view in a second window
// that follows the working window.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, goPhase, addSource, addCard, saved, noViolations, assertText, header, board, facilitation, collect, workshops, workshopFile, wasmLoaded } from "./lib.mjs";

const env = appServer();

const clock = (page) => facilitation(page).clock;

test("locking Collect refuses new cards in plain Dutch, shows the lock, survives reload, and unlocks", async () => {
  const page = await openPage(env);
  await goPhase(page, "Verzamelen");
  await addSource(page, "Situatie", "Gezin in de wijk");
  await addCard(page, "Gezin in de wijk", "Eigen regie bij de inwoner");

  // Lock by keyboard: focus the toggle (in the "Begeleiden" menu) and press Enter.
  const lock = facilitation(page).lockButton;
  await facilitation(page).open();
  await lock.focus();
  await page.keyboard.press("Enter");
  await page.locator(".ld-lockbar-locked", { hasText: "Vergrendeld" }).waitFor();
  await page.getByRole("button", { name: /Verzamelen \(vergrendeld\)/ }).waitFor();

  // Locked controls are disabled, with the refusal's words next to them (not typed, then lost).
  const box = page.locator(".ld-source", { has: page.locator("h3", { hasText: "Gezin in de wijk" }) });
  assert.equal(await box.getByLabel("Nieuwe kaart").isDisabled(), true);
  assert.equal(await box.getByRole("button", { name: "Kaart toevoegen" }).isDisabled(), true);
  await assertText(page.locator(".ld-locked-note"), /De stap Verzamelen is vergrendeld door de begeleider/);
  assert.equal(await box.locator(".ld-card-row").count(), 1, "no card added while locked");
  // The lock is said once on screen (the bar), and read out with the disabled controls.
  const note = await page.locator(".ld-locked-note").boundingBox();
  assert.ok(note.width <= 1 && note.height <= 1, "the bar above already says it: the note is for screen readers only");
  assert.equal(await page.locator(".ld-lockable[disabled]").first().getAttribute("aria-describedby"), "ld-locked-reason");
  // The inspiration library can still be browsed; taking a card over waits for the unlock.
  const { library } = collect(page);
  await library.toggle.click();
  await library.search.waitFor();
  assert.equal(await library.search.isDisabled(), false, "browsing is not changing anything");
  await library.search.fill("dichtbij");
  await assertText(library.count, /principes? gevonden$/);
  await assertText(page.locator(".ld-library-body .ld-notice"), /Verzamelen is vergrendeld/);
  await shot(page, "facilitation-lock-nl");
  await noViolations(page, "locked collect");

  // The lock is part of the saved workshop.
  assert.deepEqual((await saved(page)).workshop.locks, ["collect"]);
  await page.reload();
  await page.waitForSelector(".leidraad .ld-header");
  await page.getByRole("button", { name: /Verzamelen \(vergrendeld\)/ }).waitFor();
  await goPhase(page, "Verzamelen");
  await page.locator(".ld-lockbar-locked").waitFor();

  await page.getByRole("button", { name: "Ontgrendel deze stap" }).click();
  assert.equal(await page.locator(".ld-lockbar").count(), 0, "no bar above an open step");
  await facilitation(page).open();
  await page.getByRole("button", { name: "Vergrendel deze stap" }).waitFor();
  assert.equal(await page.getByRole("button", { name: /\(vergrendeld\)/ }).count(), 0);
  await addCard(page, "Gezin in de wijk", "Zorg dichtbij");
  assert.deepEqual((await saved(page)).workshop.locks, []);

  // English: the same refusal in English.
  await facilitation(page).press("Vergrendel deze stap");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("button", { name: "Unlock this step" }).waitFor();
  assert.equal(await box.getByLabel("New card").isDisabled(), true);
  await assertText(page.locator(".ld-locked-note"), /The step Collect is locked by the facilitator/);
  await shot(page, "facilitation-lock-en");
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

test("the timer counts down from timestamps: start, pause, resume, background, the end signal, reset", async () => {
  const t0 = new Date("2025-03-10T09:00:00Z");
  const page = await pageWithClock(t0);
  await goPhase(page, "Verzamelen");

  // Set 1 minute in the settings (by keyboard), in the "Begeleiden" menu.
  const fac = facilitation(page);
  await fac.open();
  const settings = page.getByRole("button", { name: "Instellen" });
  await settings.click();
  assert.equal(await settings.getAttribute("aria-expanded"), "true");
  await page.getByLabel("Minuten").fill("1");
  assert.equal(await page.getByLabel("Geluid aan het eind").isChecked(), false, "sound is off unless switched on");
  await page.getByLabel("Minuten").press("Enter");
  await assertText(clock(page), /^01:00$/);
  // Done: the settings close by themselves and focus is back on their button.
  assert.equal(await settings.getAttribute("aria-expanded"), "false");
  assert.equal(await page.evaluate(() => document.activeElement.id), "ld-timer-settings-toggle");
  // Escape in the settings closes only them; a second Escape closes the menu, focus on its button.
  await settings.click();
  await page.getByLabel("Minuten").press("Escape");
  assert.equal(await settings.getAttribute("aria-expanded"), "false");
  assert.equal(await fac.menu.evaluate((d) => d.open), true, "the menu stays open");
  await page.keyboard.press("Escape");
  // (By id: in the closed menu the button is out of sight, so not found by its role.)
  assert.equal(await page.locator("#ld-timer-settings-toggle").getAttribute("aria-expanded"), "false");
  assert.equal(await fac.menu.evaluate((d) => d.open), false);
  assert.equal(await page.evaluate(() => document.activeElement.closest("details")?.classList.contains("ld-facilitate") && document.activeElement.tagName), "SUMMARY");

  await fac.start();
  await page.clock.runFor(5_000);
  await assertText(clock(page), /^00:55$/);

  await fac.press("Pauze");
  await page.clock.runFor(10_000);
  await assertText(clock(page), /^00:55$/);
  await assertText(page.locator(".ld-header .ld-countdown"), /gepauzeerd/);

  await fac.press("Verder");
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
  await shot(page, "facilitation-timer-end-nl");
  await noViolations(page, "timer at the end");

  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("leidraad.timer")));
  assert.equal(stored.phases.collect.duration_ms, 60_000);
  assert.equal(stored.sound, false);

  await fac.press("Terugzetten");
  await assertText(clock(page), /^01:00$/);
  assert.equal(await page.locator(".ld-header .ld-timer-over").count(), 0);

  // English labels.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await fac.open();
  await page.getByRole("button", { name: "Start", exact: true }).waitFor();
  await page.getByRole("button", { name: "Settings" }).click();
  await page.getByLabel("Sound at the end").check();
  await shot(page, "facilitation-timer-settings-en");
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
  const proj = await facilitation(page).openProjector();
  assert.match(proj.url(), /\?leidraad=projector$/);
  await proj.locator(".ld-projector .ld-proj-step", { hasText: "Voorbereiden" }).waitFor();
  await proj.locator(".ld-proj-title", { hasText: "Werksessie Zorg Dichtbij" }).waitFor();
  assert.equal(await proj.locator("input, textarea, select, button").count(), 0, "the projector is read-only");
  // Each window started its own build (boot.js): the projector's screens are not in the page everyone loads.
  assert.deepEqual(await wasmLoaded(proj), ["leidraad-projector_bg.wasm"]);
  assert.deepEqual(await wasmLoaded(page), ["leidraad_bg.wasm"]);

  // Move to Collect and add a card: the projector follows.
  await goPhase(page, "Verzamelen");
  await proj.locator(".ld-proj-step", { hasText: "Verzamelen" }).waitFor();
  await addSource(page, "Gegevens", "Cijfers jeugdhulp");
  await addCard(page, "Cijfers jeugdhulp", "Normaliseren: niet alles is een probleem");
  await proj.locator(".ld-proj-cards li", { hasText: "Normaliseren: niet alles is een probleem" }).waitFor();

  // Timer and lock show on the projector.
  await facilitation(page).start();
  await proj.locator(".ld-proj-timer .ld-countdown-clock").waitFor();
  await facilitation(page).press("Vergrendel deze stap");
  await proj.locator(".ld-proj-locked", { hasText: "Vergrendeld" }).waitFor();
  await shot(proj, "facilitation-projector-collect-nl");
  await noViolations(proj, "projector (nl)");

  // Cluster: the board with clusters and loose cards.
  await goPhase(page, "Clusteren");
  await board(page).createCluster("Gewoon opgroeien");
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
  await shot(proj, "facilitation-projector-cluster-en");
  await noViolations(proj, "projector (en)");

  // Choose: ranking hidden until revealed; the set size in words.
  await goPhase(page, "Choose");
  await proj.locator(".ld-proj-empty", { hasText: "The result is still hidden." }).waitFor();
  assert.deepEqual(page.problems, []);
  assert.deepEqual(proj.problems, []);
  await context.close();
});

/** The projector's card texts: font size and whether the page scrolls. */
function projectorLayout(proj) {
  return proj.evaluate(() => {
    const card = document.querySelector(".ld-proj-cards li");
    const main = document.querySelector(".ld-proj-main");
    return {
      cardPx: card ? parseFloat(getComputedStyle(card).fontSize) : 0,
      // Nothing to scroll: neither the page nor the projector's content area.
      fits: document.documentElement.scrollHeight <= innerHeight && main.scrollHeight <= main.clientHeight + 1,
      height: Math.max(document.documentElement.scrollHeight, main.scrollHeight + main.getBoundingClientRect().top),
    };
  });
}

test("the projector at 1920 x 1080: large type, the whole board on one screen, dates written out", async () => {
  const w = workshops.clustered(3);
  w.setup.date = "2027-03-12";
  const page = await openPage(env, { viewport: { width: 1920, height: 1080 }, storage: workshopFile(w) });
  const proj = await facilitation(page).openProjector();
  await assertText(proj.locator(".ld-proj-meta"), /12 maart 2027/);
  await goPhase(page, "Clusteren");
  await proj.locator(".ld-proj-step", { hasText: "Clusteren" }).waitFor();
  const small = await projectorLayout(proj);
  assert.ok(small.cardPx >= 28, `card text ${small.cardPx} px at 1920 x 1080 (at least 28)`);
  assert.ok(small.fits, `a small board fits (${small.height} px)`);
  await shot(proj, "facilitation-projector-large-nl");
  await goPhase(page, "Voorbereiden");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await assertText(proj.locator(".ld-proj-meta"), /12 March 2027/);
  await page.context().close();

  // A full board (9 clusters of 6 cards and 10 loose cards): scaled down until it fits.
  const big = workshops.clustered(9);
  big.cards = big.clusters.flatMap((c, i) => Array.from({ length: 6 }, (_, k) => ({ id: `k-${i}-${k}`, text: `${c.name}: kaart ${k + 1} met een zin die een regel vult`, source: "s-1", group: null, cluster: c.id })))
    .concat(Array.from({ length: 10 }, (_, k) => ({ id: `k-loose-${k}`, text: `Losse kaart ${k + 1}`, source: "s-1", group: null, cluster: null })));
  const page2 = await openPage(env, { viewport: { width: 1920, height: 1080 }, storage: workshopFile(big) });
  const proj2 = await facilitation(page2).openProjector();
  await goPhase(page2, "Clusteren");
  await proj2.locator(".ld-proj-loose li", { hasText: "Losse kaart 10" }).waitFor();
  await proj2.waitForFunction(() => { const m = document.querySelector(".ld-proj-main"); return m.scrollHeight <= m.clientHeight + 1; }, null, { timeout: 5000 }).catch(() => {});
  const full = await projectorLayout(proj2);
  console.log(`projector at 1920 x 1080: card text ${small.cardPx} px (3 clusters), ${full.cardPx} px (9 clusters, 64 cards)`);
  assert.ok(full.fits, `the full board fits on the screen (page ${full.height} px high in 1080)`);
  await shot(proj2, "facilitation-projector-full-board-nl");
  await noViolations(proj2, "projector, full board");
  assert.deepEqual(proj2.problems, []);
  await page2.context().close();
});
