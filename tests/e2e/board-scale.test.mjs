// Clusteren at scale: the page grows with the cards and clusters, not with their square (one
// shared "Samenvoegen met" list, built when a cluster's menu opens), and a big board fits the
// room: loose cards use the width, cards are compact, the board zooms and remembers it. The
// browser skips drawing the columns out of view, yet keyboard and drag reach every card.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, workshopFile, header, board, workshops } from "./lib.mjs";

const env = appServer();

/** The number of elements on the board. */
const elements = (page) => page.evaluate(() => document.querySelector(".ld-board").getElementsByTagName("*").length);

test("the board's element count grows linearly with clusters: one merge list, built when a menu opens", async () => {
  const counts = [];
  for (const [cards, clusters] of [[30, 10], [300, 100]]) {
    const page = await openPage(env, { storage: workshopFile(workshops.bigBoard(cards, clusters)) });
    await header(page).step("Clusteren");
    await page.locator(`[data-card-id="card-${cards}"]`).waitFor();
    counts.push(await elements(page));
    if (clusters === 100) {
      // Opening a cluster's menu builds its merge list: every other cluster, once.
      const b = board(page);
      const menu = await b.menu(/^Cluster 7$/);
      const options = menu.getByLabel("Samenvoegen met").locator("option");
      // The list is built by the render after the menu's toggle: wait for it (a busy machine may
      // take a frame or two), then count exactly.
      await options.nth(99).waitFor({ state: "attached" });
      assert.equal(await options.count(), 100, "a placeholder and the 99 other clusters");
      assert.equal(await page.locator(".ld-board option").count(), 100, "only the open menu has a list");
      // Opening another menu closes the first: still one list.
      const other = await b.menu(/^Cluster 8$/);
      await other.getByLabel("Samenvoegen met").waitFor();
      assert.equal(await menu.evaluate((d) => d.open), false);
      assert.equal(await page.locator(".ld-board option").count(), 100);
      // Merging from the shared list still works.
      await other.getByLabel("Samenvoegen met").selectOption({ label: "Cluster 9" });
      await other.getByRole("button", { name: "Samenvoegen" }).click();
      await b.heading("Cluster 8", { gone: true });
    }
    await page.context().close();
  }
  // Ten times the cards and clusters: about ten times the elements (a list of every other
  // cluster in every column would make it more than twenty).
  assert.ok(counts[1] <= counts[0] * 11, `${counts[0]} elements for 30 cards in 10 clusters, ${counts[1]} for 300 in 100`);
});

/** Scrolls the board to the top of the window; returns how many cards are then wholly in view. */
const cardsInView = (page) => page.evaluate(() => {
  document.querySelector(".ld-board").scrollIntoView({ block: "start" });
  return [...document.querySelectorAll(".ld-board-card")].filter((c) => {
    const r = c.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  }).length;
});

test("27 loose cards before clustering take less than a screen: the loose column is a grid across the width", async () => {
  const page = await openPage(env, { viewport: { width: 1366, height: 768 }, storage: workshopFile(workshops.bigBoard(27, 0)) });
  await header(page).step("Clusteren");
  const loose = board(page).column("Nog niet ingedeeld");
  await loose.locator('[data-card-id="card-27"]').waitFor();
  const { height } = await loose.boundingBox();
  assert.ok(height < 600, `the loose column is ${Math.round(height)} px tall`);
  // The tick box shows only while selecting (or on hover, focus and touch screens).
  const check = (n) => page.locator(`[data-card-id="card-${n}"] input[type=checkbox]`);
  const opacity = (n) => check(n).evaluate((el) => getComputedStyle(el.parentElement).opacity);
  await page.mouse.move(0, 0);
  assert.equal(await opacity(2), "0");
  // The focus on a card's grip or on its tick box shows that card's tick box, and no other.
  await page.locator('[data-grip="card-2"]').focus();
  assert.deepEqual([await opacity(1), await opacity(2), await opacity(3)], ["0", "1", "0"]);
  await check(1).focus();
  assert.deepEqual([await opacity(1), await opacity(2)], ["1", "0"]);
  await page.keyboard.press("Space");
  await page.locator('[data-card-id="card-1"].ld-selected').waitFor();
  assert.equal(await opacity(2), "1");
  await shot(page, "board-loose-grid-nl");
  await page.context().close();
});

test("300 cards in 40 clusters on a 1366 x 768 screen: many cards in view, more with the zoom, which is remembered", async () => {
  const page = await openPage(env, { viewport: { width: 1366, height: 768 }, storage: workshopFile(workshops.bigBoard(300, 40)) });
  await header(page).step("Clusteren");
  await page.locator('[data-card-id="card-300"]').waitFor();
  const normal = await cardsInView(page);
  await page.screenshot({ path: "test-output/screenshots/board-300-nl.png" });
  // The zoom is a labelled select: keyboard-operable, remembered on this device.
  const zoom = page.getByLabel("Grootte van het bord");
  await zoom.focus();
  await page.keyboard.press("Home");
  await page.waitForFunction(() => document.querySelector(".ld-board").dataset.zoom === "70");
  const small = await cardsInView(page);
  await page.screenshot({ path: "test-output/screenshots/board-300-zoom70-nl.png" });
  console.log(`cards in view at 1366 x 768 (300 cards, 40 clusters): ${normal} at 100%, ${small} at 70%`);
  assert.ok(normal >= 40, `${normal} cards in view at 100%`);
  assert.ok(small > normal * 1.3, `${small} cards in view at 70%, ${normal} at 100%`);
  await page.reload();
  await header(page).step("Clusteren");
  await page.locator('[data-card-id="card-300"]').waitFor();
  assert.equal(await page.locator(".ld-board").getAttribute("data-zoom"), "70");
  assert.equal(await zoom.inputValue(), "70");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("ticking a card far down the board shows 'Verplaats naar' in the window, beside the ticked card; unticking hides it", async () => {
  const page = await openPage(env, { viewport: { width: 1366, height: 768 }, storage: workshopFile(workshops.bigBoard(300, 40)) });
  await header(page).step("Clusteren");
  const card = page.locator('[data-card-id="card-250"]');
  await card.waitFor();
  // Ticked by keyboard, as a user far down the board would: the card scrolls into view.
  const tick = card.getByRole("checkbox");
  await tick.focus();
  await page.keyboard.press("Space");
  await page.getByLabel("Verplaats naar").waitFor();
  const inView = (el) => {
    const r = el.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), inView: r.top >= 0 && r.bottom <= innerHeight };
  };
  const bar = await page.getByLabel("Verplaats naar").evaluate(inView);
  assert.ok(bar.inView, `the "Verplaats naar" select is in the window: ${JSON.stringify(bar)}`);
  const ticked = await card.evaluate(inView);
  assert.ok(ticked.inView, `the ticked card stays in view, not under the bar: ${JSON.stringify(ticked)}`);
  // The bar does not cover the ticked card.
  assert.ok(ticked.bottom <= (await page.locator(".ld-selection").evaluate((el) => el.getBoundingClientRect().top)) || ticked.top >= bar.bottom,
    "the ticked card is not under the bar");
  await shot(page, "board-move-bar-nl");
  // Unticked, the bar hides; ticked again, the same bar shows: its list of clusters is not
  // built anew on every first tick (one option per cluster).
  const select = page.getByLabel("Verplaats naar");
  await select.evaluate((el) => { el.dataset.seen = "1"; });
  await page.keyboard.press("Space");
  await page.locator(".ld-selection").waitFor({ state: "hidden" });
  await page.keyboard.press("Space");
  await select.waitFor();
  assert.equal(await select.getAttribute("data-seen"), "1", "the same select, shown again");
  assert.equal(await select.locator("option").count(), 42, "a placeholder, the loose cards and the 40 clusters");
  // Moving from there lands the card and the bar goes away.
  await select.selectOption({ label: "Cluster 1" });
  await page.getByRole("button", { name: "Verplaats", exact: true }).click();
  await page.locator('[data-drop="cl-1"] [data-card-id="card-250"]').waitFor();
  await page.locator(".ld-selection").waitFor({ state: "hidden" });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a big board draws only the columns in view, and what the keyboard or a drag reaches is drawn", async () => {
  const page = await openPage(env, { viewport: { width: 1366, height: 768 }, storage: workshopFile(workshops.bigBoard(1000, 100)) });
  await header(page).step("Clusteren");
  await page.locator('[data-card-id="card-1000"]').waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  /** Whether the browser draws the card (false: skipped while out of view, still in the page). */
  const drawn = (id) => page.locator(`[data-card-id="${id}"]`).evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }));
  const column = (id) => page.locator(`[data-drop="${id}"]`);
  const visibility = (id) => column(id).evaluate((el) => getComputedStyle(el).contentVisibility);
  assert.equal(await drawn("card-10"), true, "a loose card at the top is drawn");
  assert.equal(await drawn("card-99"), false, "a card of cluster 99, far below, is skipped");
  assert.equal(await column("cl-99").locator(".ld-board-card").count(), 10, "but its column has all its cards in the page");
  // The keyboard reaches it: focus brings it into view, and it moves as on any board.
  const grip = page.locator('[data-card-id="card-99"] .ld-grip');
  await grip.focus();
  await page.waitForFunction(() => document.querySelector('[data-card-id="card-99"]').checkVisibility({ contentVisibilityAuto: true }));
  // Its column woke with the focus: the real card's grip (not the stand-in's) holds it.
  await page.waitForFunction(() => document.activeElement?.dataset.grip === "card-99" && !document.activeElement.closest(".ld-stand-in"));
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector('[data-card-id="card-99"]')?.closest("[data-drop]")?.dataset.drop === "cl-100");
  await page.waitForFunction(() => document.activeElement?.dataset.grip === "card-99");
  assert.equal(await drawn("card-99"), true, "the moved card is drawn where it landed, with the focus");
  // A column with a card being dragged is drawn whole, so the card can leave it; after the drop
  // it skips again what is out of view.
  const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const first = page.locator('[data-card-id="card-1"]');
  await first.evaluate((el) => el.scrollIntoView({ block: "center" }));
  // Columns coming into view are drawn at their real height: let the board settle first.
  await frame();
  await first.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await frame();
  assert.equal(await visibility("cl-1"), "auto");
  const card = await page.locator('[data-card-id="card-1"] .ld-card-text').boundingBox();
  await page.mouse.move(card.x + 5, card.y + 5);
  await page.mouse.down();
  await page.mouse.move(card.x + 60, card.y + 40, { steps: 4 });
  await page.locator('[data-card-id="card-1"][data-dragging]').waitFor();
  assert.equal(await visibility("cl-1"), "visible");
  await page.mouse.move(card.x + 5, card.y + 5, { steps: 4 });
  await page.mouse.up();
  await page.locator('[data-card-id="card-1"][data-dragging]').waitFor({ state: "detached" });
  assert.equal(await visibility("cl-1"), "auto");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a big board builds the cards of the columns near the window; the others wait as plain text until reached", async () => {
  const page = await openPage(env, { viewport: { width: 1366, height: 768 }, storage: workshopFile(workshops.bigBoard(1000, 100)) });
  await header(page).step("Clusteren");
  await page.locator('[data-card-id="card-1000"]').waitFor();
  // The loose cards at the top are built: every card with its tick box.
  await page.waitForFunction(() => !document.querySelector('[data-drop=""]').hasAttribute("data-asleep"));
  const loose = page.locator('[data-drop=""]');
  assert.equal(await loose.locator("input[type=checkbox]").count(), await loose.locator(".ld-board-card").count());
  // A column far below waits with stand-ins: each card's grip and text, nothing more.
  const far = page.locator('[data-drop="cl-97"]');
  assert.equal(await far.getAttribute("data-asleep"), "");
  assert.equal(await far.locator(".ld-board-card").count(), 10);
  assert.equal(await far.locator("input").count(), 0);
  // Its texts are in the page (find-in-page and screen readers reach them), its grips named.
  assert.match(await far.locator(".ld-column-cards").textContent(), /\(97\)/);
  assert.match(await far.locator('[data-grip="card-97"]').getAttribute("aria-label"), /\(97\)$/);
  const perCard = await elements(page) / 1000;
  console.log(`elements on the board per card at opening (1000 cards, 100 clusters): ${perCard.toFixed(1)}`);
  assert.ok(perCard < 6, `${perCard} elements per card (a built card has about a dozen)`);
  // Tab into it: the focus lands on the stand-in's grip and moves to the real one, built.
  await far.locator('[data-grip="card-97"]').focus();
  await page.waitForFunction(() => document.activeElement?.dataset.grip === "card-97"
    && document.activeElement.closest(".ld-board-card").querySelector("input[type=checkbox]"));
  assert.equal(await far.getAttribute("data-asleep"), null);
  // Scrolling builds what comes near the window.
  const farther = page.locator('[data-drop="cl-62"]');
  assert.equal(await farther.getAttribute("data-asleep"), "");
  await farther.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.waitForFunction(() => !document.querySelector('[data-drop="cl-62"]').hasAttribute("data-asleep"));
  assert.equal(await farther.locator("input[type=checkbox]").count(), 10);
  await page.screenshot({ path: "test-output/screenshots/board-1000-built-near-window-nl.png" });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
