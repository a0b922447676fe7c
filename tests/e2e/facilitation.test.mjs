// Facilitation: a facilitator locks and unlocks steps, runs a timer per step (computed from
// timestamps, so a background tab stays right), and opens a projector view in a second window
// that follows the working window.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, goPhase, addSource, addCard, saved, noViolations, assertText, header, board, facilitation } from "./lib.mjs";

const env = appServer();

const clock = (page) => facilitation(page).clock;

test("locking Collect refuses new cards in plain Dutch, shows the lock, survives reload, and unlocks", async () => {
  const page = await openPage(env);
  await goPhase(page, "Verzamelen");
  await addSource(page, "Casus", "Gezin in de wijk");
  await addCard(page, "Gezin in de wijk", "Eigen regie bij de inwoner");

  // Lock by keyboard: focus the toggle and press Enter.
  const lock = facilitation(page).lockButton;
  await lock.focus();
  await page.keyboard.press("Enter");
  await page.locator(".ld-lockbar-locked", { hasText: "Vergrendeld" }).waitFor();
  await page.getByRole("button", { name: /Verzamelen \(vergrendeld\)/ }).waitFor();

  // Locked controls are disabled, with the refusal's words next to them (not typed, then lost).
  const box = page.locator(".ld-source", { has: page.locator("h3", { hasText: "Gezin in de wijk" }) });
  assert.equal(await box.getByLabel("Nieuw principe op een kaart").isDisabled(), true);
  assert.equal(await box.getByRole("button", { name: "Kaart toevoegen" }).isDisabled(), true);
  await assertText(page.locator(".ld-locked-note"), /De stap Verzamelen is vergrendeld door de begeleider/);
  assert.equal(await box.locator(".ld-card-row").count(), 1, "no card added while locked");
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
  await page.getByRole("button", { name: "Vergrendel deze stap" }).waitFor();
  assert.equal(await page.getByRole("button", { name: /\(vergrendeld\)/ }).count(), 0);
  await addCard(page, "Gezin in de wijk", "Zorg dichtbij");
  assert.deepEqual((await saved(page)).workshop.locks, []);

  // English: the same refusal in English.
  await page.getByRole("button", { name: "Vergrendel deze stap" }).click();
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("button", { name: "Unlock this step" }).waitFor();
  assert.equal(await box.getByLabel("New principle on a card").isDisabled(), true);
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
  await shot(page, "facilitation-timer-end-nl");
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
