// Dragging on a board taller than the window: holding a card near the window's edge scrolls the
// page (mouse and touch), the card stays under the pointer and on screen, and a drop lands only
// in the cluster the pointer is on, never in one that slid under it while the page scrolled.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, workshopFile, header, board, workshops } from "./lib.mjs";

const env = appServer();

const scrollY = (page) => page.evaluate(() => window.scrollY);
/** Whether the card is wholly inside the window. */
const onScreen = (page, id) => page.evaluate((id) => {
  const r = document.querySelector(`[data-card-id="${id}"]`).getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
}, id);
/** The cluster a card is in, from the saved board (its column's drop name). */
const columnOf = (page, id) => page.evaluate((id) => document.querySelector(`[data-card-id="${id}"]`).closest("[data-drop]").dataset.drop, id);

async function bigBoard(page) {
  await header(page).step("Clusteren");
  await page.locator('[data-card-id="card-120"]').waitFor();
  await page.evaluate(() => window.scrollTo(0, document.querySelector(".ld-board").getBoundingClientRect().top + window.scrollY));
}

test("a mouse drag held near the window's bottom scrolls to an off-screen cluster and drops there", async () => {
  const page = await openPage(env, { viewport: { width: 1280, height: 600 }, storage: workshopFile(workshops.bigBoard(120, 40)) });
  await bigBoard(page);
  const target = board(page).column(/^Cluster 40$/);
  const card = page.locator('[data-card-id="card-10"] .ld-card-text');
  assert.equal(await columnOf(page, "card-10"), "", "card 10 starts loose");
  const a = await card.boundingBox();
  await page.mouse.move(a.x + 5, a.y + 5);
  await page.mouse.down();
  await page.mouse.move(a.x + 30, a.y + 30, { steps: 3 });
  // Hold near the bottom edge: the page scrolls until the last cluster is in view.
  await page.mouse.move(640, 590, { steps: 8 });
  const start = await scrollY(page);
  await page.waitForFunction(() => {
    const t = [...document.querySelectorAll(".ld-column h3")].find((h) => h.textContent === "Cluster 40");
    return t && t.getBoundingClientRect().top < 300;
  });
  assert.ok(await scrollY(page) > start + 300, "the page scrolled while the card was held at the edge");
  assert.ok(await onScreen(page, "card-10"), "the dragged card stays on screen");
  // Out of the edge, onto the cluster: it is marked, and the drop lands there.
  const b = await target.boundingBox();
  await page.mouse.move(b.x + b.width / 2, Math.min(b.y + b.height / 2, 500), { steps: 4 });
  assert.equal(await target.getAttribute("data-over"), "");
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('[data-card-id="card-10"]')?.closest("[data-drop]")?.dataset.drop === "cl-40");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a touch drag on the grip scrolls too, and a drop while the page scrolls lands nowhere", async () => {
  const page = await openPage(env, { viewport: { width: 390, height: 740 }, hasTouch: true, storage: workshopFile(workshops.bigBoard(120, 40)) });
  await bigBoard(page);
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, x, y) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
  const grip = await page.locator('[data-card-id="card-20"] .ld-grip').boundingBox();
  const [x, y] = [grip.x + grip.width / 2, grip.y + grip.height / 2];
  await touch("touchStart", x, y);
  for (let i = 1; i <= 8; i++) await touch("touchMove", x, y + (735 - y) * i / 8);
  // Held at the bottom edge: the page scrolls (and keeps scrolling while the finger rests).
  const start = await scrollY(page);
  await page.waitForFunction((s) => window.scrollY > s + 400, start);
  assert.ok(await onScreen(page, "card-20"), "the dragged card stays on screen");
  // Lifted while the page is still scrolling: the card goes back where it was.
  await touch("touchEnd");
  await page.waitForFunction(() => !document.querySelector("[data-dragging]"));
  assert.equal(await columnOf(page, "card-20"), "", "card 20 is still loose");
  // A touch drag that ends on a cluster, away from the edges, still lands there.
  await page.evaluate(() => document.querySelector('[data-card-id="card-2"]').scrollIntoView({ block: "start" }));
  await board(page).touchDrag(/Sleep om te verplaatsen: dichtbij, normaliseren en dichtbij \(2\)/, /^Cluster 3$/);
  await page.waitForFunction(() => document.querySelector('[data-card-id="card-2"]')?.closest("[data-drop]")?.dataset.drop === "cl-3");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
