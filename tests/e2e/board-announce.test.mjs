// What a screen reader hears when cards move: the outcome of the move, spoken only once it is
// known. A refused move (the facilitator locked the Cluster step) is announced as the refusal,
// never as "moved".
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, goPhase, columnCards, saved, workshopFile } from "./lib.mjs";

const env = appServer();

const live = (page) => page.locator(".ld-live");
const notice = (page) => page.locator(".ld-notice-area .ld-notice");

/** A board with one loose card and one cluster; `locks` as the facilitator set them. */
function board(locks) {
  return workshopFile({
    setup: {
      title: "Principes Sociaal Domein", organisation: "", date: "", facilitator: "",
      outcomes: [], groups: [{ id: "g-1", name: "Inwoners" }],
    },
    sources: [{ id: "s-1", kind: "case", title: "Gezin met schulden", notes: "" }],
    cards: [{ id: "k-1", text: "Eigen regie bij de inwoner", source: "s-1", group: "g-1", cluster: null }],
    clusters: [{ id: "c-1", name: "Dichtbij" }],
    voting: { dots_per_voter: 5, max_per_cluster: 1, voters: [], votes: [], revealed: false },
    principles: [], tensions: [], finalised: null, locks,
  });
}

/** Carries the card by keyboard one column to the right (into "Dichtbij") and drops it. */
async function carryRight(page) {
  await page.getByRole("button", { name: /: Eigen regie bij de inwoner$/ }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".ld-live").textContent.includes("opgepakt"));
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector(".ld-live").textContent.includes("Naar: Dichtbij"));
  await page.keyboard.press("Enter");
}

test("a keyboard move refused by a locked Cluster step is announced as refused, not as moved", async () => {
  const page = await openPage(env, { storage: board(["cluster"]) });
  await goPhase(page, "Clusteren");
  assert.equal(await live(page).count(), 1, "one live region for announcements");
  await carryRight(page);

  await notice(page).filter({ hasText: /vergrendeld/ }).waitFor();
  await page.waitForFunction(() => !document.querySelector(".ld-live").textContent.includes("opgepakt"));
  const said = await live(page).textContent();
  assert.match(said, /De stap Clusteren is vergrendeld door de begeleider/);
  assert.doesNotMatch(said, /verplaatst/);
  assert.deepEqual(await columnCards(page, "Dichtbij"), [], "the card stayed where it was");
  await shot(page, "announce-locked-move-nl");

  // The clicks-only way is refused the same way.
  await page.getByRole("checkbox", { name: /Eigen regie/ }).check();
  await page.getByLabel("Verplaats naar").selectOption({ label: "Dichtbij" });
  await page.getByRole("button", { name: "Verplaats", exact: true }).click();
  await page.waitForTimeout(200);
  assert.doesNotMatch(await live(page).textContent(), /verplaatst/);
  assert.equal((await saved(page)).workshop.cards[0].cluster, null);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an allowed keyboard move is announced once it is done, with where the card went", async () => {
  const page = await openPage(env, { storage: board([]) });
  await goPhase(page, "Clusteren");
  await carryRight(page);
  await page.waitForFunction(() => document.querySelector(".ld-live").textContent.includes("1 kaart verplaatst naar Dichtbij."));
  assert.deepEqual(await columnCards(page, "Dichtbij"), ["Eigen regie bij de inwoner"]);
  assert.equal(await notice(page).count(), 0, "no error");

  // In English, the same.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("checkbox", { name: /Eigen regie/ }).check();
  await page.getByLabel("Move to").selectOption({ label: "Not grouped yet" });
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await page.waitForFunction(() => document.querySelector(".ld-live").textContent.includes("1 card moved to Not grouped yet."));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
