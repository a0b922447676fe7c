// Carrying a card by keyboard on the board: the drop target is a cluster, not a column position.
// An undo while a card is carried (Ctrl+Z on the grip) can add or remove clusters and shift the
// columns; the card must still land in the cluster it was carried to, or the carry must stop
// with a spoken message, never land in another cluster.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, goPhase, columnCards, saved, workshopFile } from "./lib.mjs";

const env = appServer();

/** One loose card and one card in each of the given clusters. */
function board(clusters) {
  return workshopFile({
    setup: { title: "Dragen", organisation: "", date: "", facilitator: "", outcomes: [], groups: [{ id: "grp-1", name: "Beleid" }] },
    sources: [{ id: "src-1", kind: "case", title: "Gezin met schulden", notes: "" }],
    cards: [
      { id: "card-loose", text: "Eigen regie bij de inwoner", source: "src-1", group: "grp-1", cluster: null },
      ...clusters.map(([id, name], i) => ({ id: `card-${i + 1}`, text: `Kaart in ${name}`, source: "src-1", group: null, cluster: id })),
    ],
    clusters: clusters.map(([id, name]) => ({ id, name })),
  });
}

const live = (page) => page.evaluate(() => document.querySelector(".ld-live").textContent);
// A short wait: the live region answers within a render; a missing message fails fast and clearly.
const waitLive = async (page, text) => {
  try {
    await page.waitForFunction((t) => document.querySelector(".ld-live").textContent.includes(t), text, { timeout: 5000 });
  } catch {
    assert.fail(`the live region never said "${text}"; it says "${await live(page)}"`);
  }
};
const headings = (page) => page.locator(".ld-column h3").allTextContents();

/** Focuses the loose card's grip, picks it up and moves it `rights` columns to the right. */
async function carry(page, rights, expect) {
  await page.getByRole("button", { name: /Eigen regie bij de inwoner/ }).focus();
  await page.keyboard.press("Enter");
  await waitLive(page, "opgepakt");
  for (let i = 0; i < rights; i++) await page.keyboard.press("ArrowRight");
  await waitLive(page, expect);
}

test("a carried card lands in the cluster it was carried to when an undo shifts the columns", async () => {
  const page = await openPage(env, { storage: board([["cl-plan", "Eén plan"], ["cl-dichtbij", "Dichtbij"], ["cl-preventie", "Preventie"]]) });
  await goPhase(page, "Clusteren");

  // Merge "Eén plan" into "Dichtbij": the columns are now Nog niet ingedeeld, Dichtbij, Preventie.
  const menu = page.locator(".ld-column", { has: page.locator("h3", { hasText: "Eén plan" }) }).locator("details");
  await menu.locator("summary").click();
  await menu.getByLabel("Samenvoegen met").selectOption({ label: "Dichtbij" });
  await menu.getByRole("button", { name: "Samenvoegen" }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll(".ld-column h3")].some((h) => h.textContent === "Eén plan"));

  // Carry the loose card to "Preventie", the third column.
  await carry(page, 2, "Naar: Preventie (3 van 3)");

  // Ctrl+Z on the grip undoes the merge: "Eén plan" is back as the second column, so the third
  // column is now "Dichtbij". The card is still carried.
  await page.keyboard.press("Control+z");
  await page.locator(".ld-column h3", { hasText: "Eén plan" }).waitFor();
  assert.deepEqual(await headings(page), ["Nog niet ingedeeld", "Eén plan", "Dichtbij", "Preventie"]);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.grip), "card-loose");
  assert.equal(await page.locator(".ld-column-target h3").textContent(), "Preventie", "the highlighted target is still Preventie");

  // Drop: the card lands in "Preventie", where it was carried to.
  await page.keyboard.press("Enter");
  await waitLive(page, "verplaatst");
  assert.equal(await live(page), "1 kaart verplaatst naar Preventie.");
  assert.deepEqual((await columnCards(page, "Preventie")).sort(), ["Eigen regie bij de inwoner", "Kaart in Preventie"]);
  assert.deepEqual(await columnCards(page, "Dichtbij"), ["Kaart in Dichtbij"]);
  const w = (await saved(page)).workshop;
  assert.equal(w.cards.find((c) => c.id === "card-loose").cluster, "cl-preventie");

  // Picked up again, it is in "Preventie", the fourth of four columns now; left is "Dichtbij".
  await page.keyboard.press("Enter");
  await waitLive(page, "Nu in: Preventie (4 van 4)");
  await page.keyboard.press("ArrowLeft");
  await waitLive(page, "Naar: Dichtbij (3 van 4)");
  await page.keyboard.press("Escape");
  await waitLive(page, "gestopt");
  await shot(page, "board-carry-after-undo");
});

test("when an undo removes the cluster a card is carried to, dropping stops the carry with a message", async () => {
  const page = await openPage(env, { storage: board([["cl-dichtbij", "Dichtbij"]]) });
  await goPhase(page, "Clusteren");
  await page.getByLabel("Naam voor een nieuw cluster").fill("Preventie");
  await page.getByRole("button", { name: "Cluster maken" }).click();
  await page.locator(".ld-column h3", { hasText: "Preventie" }).waitFor();

  await carry(page, 2, "Naar: Preventie (3 van 3)");
  // Ctrl+Z on the grip undoes making "Preventie".
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => ![...document.querySelectorAll(".ld-column h3")].some((h) => h.textContent === "Preventie"));
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.grip), "card-loose");

  // Drop: nothing moves, and the live region says why.
  await page.keyboard.press("Enter");
  await waitLive(page, "gestopt");
  assert.equal(await live(page), "Het gekozen cluster bestaat niet meer. Verplaatsen gestopt, de kaart blijft waar hij was.");
  assert.deepEqual(await columnCards(page, "Nog niet ingedeeld"), ["Eigen regie bij de inwoner"]);
  assert.deepEqual(await columnCards(page, "Dichtbij"), ["Kaart in Dichtbij"]);
  assert.equal(await page.locator(".ld-picked").count(), 0, "no card is carried any more");
  const w = (await saved(page)).workshop;
  assert.equal(w.cards.find((c) => c.id === "card-loose").cluster, null);
  await shot(page, "board-carry-target-gone");
});
