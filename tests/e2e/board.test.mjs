// Step 3, Clusteren (the cluster board): cards moved by keyboard, mouse, touch and clicks;
// split, merge, rename, undo/redo; everything survives a reload. Cluster suggestions stay
// suggestions: a preview with reasons, accepting is one undoable step, manual clusters stay.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, axe, saved, workshopFile, noViolations, header, setup, collect, board, workshops } from "./lib.mjs";

const env = appServer();

test("a workshop from setup to a clustered board, by keyboard, mouse, touch and clicks, survives reload", async () => {
  // Tall enough that a card and its drop target are on screen together, as on a projector.
  const page = await openPage(env, { viewport: { width: 1280, height: 1600 } });
  const h = header(page);
  const b = board(page);
  const s = setup(page);
  await s.setTitle("Leidende principes Sociaal Domein");
  await s.setOrganisation("Gemeente Voorbeeld");
  await s.addOutcome("Inwoners doen mee naar vermogen");
  await s.addGroup("Jongerenraad");
  await collect(page).fourCards();

  await h.step("Clusteren");
  // The step bar keeps the method's word; the step's heading puts a plain label first.
  await page.getByRole("heading", { name: "Kaarten ordenen (clusteren)", exact: true, level: 2 }).waitFor();
  assert.equal((await b.cards("Nog niet ingedeeld")).length, 4);
  await b.createCluster("Eigen regie");
  await b.createCluster("Dichtbij");

  // 1. Keyboard: focus the grip, Enter, arrow to the cluster, Enter.
  await page.getByRole("button", { name: /Eigen regie bij de inwoner/ }).focus();
  await page.keyboard.press("Enter");
  await h.hears("opgepakt");
  await page.keyboard.press("ArrowRight");
  await h.hears("Eigen regie (2 van 3)");
  await page.keyboard.press("Enter");
  await h.hears("verplaatst naar Eigen regie");
  assert.deepEqual(await b.cards("Eigen regie"), ["Eigen regie bij de inwoner"]);
  // Focus follows the card to its new place.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.grip != null), true);

  // 2. Mouse drag: card body to the "Dichtbij" column.
  await b.drag("Zorg dichtbij", "Dichtbij");
  await b.column("Dichtbij").locator(".ld-board-card").first().waitFor();
  assert.deepEqual(await b.cards("Dichtbij"), ["Zorg dichtbij, in de wijk"]);

  // 3. Touch drag on the grip (real touch events through the DevTools protocol).
  await b.touchDrag(/Normaliseren/, "Eigen regie");
  await page.waitForFunction(() => [...document.querySelectorAll(".ld-column")].some((c) => c.textContent.includes("Eigen regie") && c.textContent.includes("Normaliseren")));
  assert.deepEqual((await b.cards("Eigen regie")).sort(), ["Eigen regie bij de inwoner", "Normaliseren: niet alles is een probleem"]);

  // 4. Clicks only: tick a card, "Verplaats naar" a cluster.
  await b.tick(/Eén gezin/);
  await b.moveTicked("Dichtbij");
  await h.hears("1 kaart verplaatst naar Dichtbij");
  assert.equal((await b.cards("Dichtbij")).length, 2);
  assert.equal((await b.cards("Nog niet ingedeeld")).length, 0);
  await shot(page, "board-nl");
  await noViolations(page, "cluster");

  // Split: tick one card of "Dichtbij", make a new cluster of it.
  await b.tick(/Eén gezin/);
  await page.getByLabel("Naam voor een nieuw cluster").fill("Eén plan");
  await page.getByRole("button", { name: /Nieuw cluster van selectie \(1\)/ }).click();
  await b.heading("Eén plan");
  assert.deepEqual(await b.cards("Eén plan"), ["Eén gezin, één plan, één regisseur"]);

  // Merge "Eén plan" into "Dichtbij", then undo (button) and redo (keyboard).
  const menu = await b.menu("Eén plan");
  await menu.getByLabel("Samenvoegen met").selectOption({ label: "Dichtbij" });
  await menu.getByRole("button", { name: "Samenvoegen" }).click();
  await b.heading("Eén plan", { gone: true });
  assert.equal((await b.cards("Dichtbij")).length, 2);
  await h.undo();
  await b.heading("Eén plan");
  await page.locator("body").click({ position: { x: 2, y: 2 } });
  await page.keyboard.press("Control+Shift+Z");
  await b.heading("Eén plan", { gone: true });
  await page.keyboard.press("Control+z");
  await b.heading("Eén plan");

  // Rename a cluster from its menu.
  const menu2 = await b.menu("Dichtbij");
  await menu2.getByLabel("Naam van het cluster").fill("Zorg dichtbij");
  await menu2.getByLabel("Naam van het cluster").press("Enter");
  await b.heading("Zorg dichtbij");

  // Reload: everything is still there.
  const before = await saved(page);
  await page.reload();
  await page.waitForSelector(".ld-header");
  assert.equal(await page.locator(".ld-title").textContent(), "Leidende principes Sociaal Domein");
  await h.step("Clusteren");
  assert.deepEqual((await b.cards("Eigen regie")).sort(), ["Eigen regie bij de inwoner", "Normaliseren: niet alles is een probleem"]);
  assert.deepEqual(await b.cards("Eén plan"), ["Eén gezin, één plan, één regisseur"]);
  assert.deepEqual(await b.cards("Zorg dichtbij"), ["Zorg dichtbij, in de wijk"]);
  assert.equal(before.format, "leidraad-workshop");
  assert.equal(before.version, 4);
  assert.equal(before.workshop.cards.length, 4);
  for (const c of before.workshop.cards) assert.match(c.id, /^card-[0-9a-z]{20}$/);

  // English
  await page.getByRole("button", { name: "Switch to English" }).click();
  // The step's heading: a plain label first, then the step bar's name.
  await page.getByRole("heading", { name: "Sort the cards (Cluster)", exact: true, level: 2 }).waitFor();
  await shot(page, "board-en");
  await noViolations(page, "cluster (en)");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("suggested clusters are a preview with reasons; accepting is one undoable step; manual clusters stay", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.looseCards()) });
  const b = board(page);
  await header(page).step("Clusteren");
  await page.getByRole("button", { name: "Stel clusters voor" }).click();
  const proposal = page.locator(".ld-proposal", { hasText: "Zelfredzaamheid" });
  await proposal.waitFor();
  assert.match(await proposal.locator(".ld-why").textContent(), /Wat ze delen:.*eigen kracht/i);
  // The proposed name is the first shared word, with a capital.
  assert.match(await proposal.getByLabel("Naam van het cluster").inputValue(), /^\p{Lu}\p{Ll}/u);
  const members = await proposal.locator(".ld-proposal-cards li").allTextContents();
  assert.ok(members.includes("Eigen regie bij de inwoner") && members.includes("Uitgaan van eigen kracht"), members.join(" | "));
  // Nothing changed yet: all eight cards are still loose.
  assert.equal((await b.cards("Nog niet ingedeeld")).length, 8);
  await shot(page, "board-suggestions-nl");
  assert.deepEqual(await axe(page), []);

  // Reject another proposal; it disappears, nothing else changes.
  const others = await page.locator(".ld-proposal").count();
  const dichtbij = page.locator(".ld-proposal", { hasText: "Zorg dichtbij" });
  if (await dichtbij.count()) {
    await dichtbij.getByRole("button", { name: "Afwijzen" }).click();
    assert.equal(await page.locator(".ld-proposal").count(), others - 1);
  }

  // Accept with an edited name.
  await proposal.getByLabel("Naam van het cluster").fill("Eigen kracht");
  await proposal.getByRole("button", { name: /Maak cluster/ }).click();
  await b.heading("Eigen kracht");
  assert.deepEqual((await b.cards("Eigen kracht")).sort(), members.sort());
  assert.deepEqual(await b.cards("Handmatig"), ["Lokaal wat lokaal kan"]);
  // One undo takes the whole accepted group back.
  await header(page).undo();
  await b.heading("Eigen kracht", { gone: true });
  assert.equal((await b.cards("Nog niet ingedeeld")).length, 8);
  assert.deepEqual(await b.cards("Handmatig"), ["Lokaal wat lokaal kan"]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a suggested card with a second idea says where else it fits", async () => {
  const w = workshops.looseCards();
  for (const [id, text] of [["card-50", "Voorkomen is beter dan genezen"], ["card-51", "Meer preventie en meer eigen verantwoordelijkheid"]]) {
    w.cards.push({ id, text, source: "src-1", group: "grp-1", cluster: null });
  }
  const page = await openPage(env, { storage: workshopFile(w) });
  await header(page).step("Clusteren");
  await page.getByRole("button", { name: "Stel clusters voor" }).click();
  const note = page.locator(".ld-proposal .ld-also");
  await note.first().waitFor();
  // Only the card with two ideas gets a note, beside its own text, naming the other group.
  assert.equal(await note.count(), 1);
  assert.match(await note.textContent(), /^\s*Past ook bij: \S/);
  assert.match(await note.locator("xpath=..").textContent(), /^Meer preventie en meer eigen verantwoordelijkheid/);
  await shot(page, "board-suggestion-also-fits-nl");
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
