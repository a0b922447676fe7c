// Issue 2 end to end: set up, collect, cluster by keyboard, mouse drag, touch drag and clicks;
// undo/redo; reload keeps everything; unreadable storage is never overwritten; axe on each screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, shot, axe, goPhase, addSource, addCard, columnCards, saved, noViolations } from "./lib.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

async function seedBoard(page) {
  await goPhase(page, "Verzamelen");
  await addSource(page, "Casus", "Gezin met schulden en zorgen", "Vader werkt, moeder mantelzorger.");
  await addCard(page, "Gezin met schulden", "Eén gezin, één plan, één regisseur", "Uitvoering");
  await addCard(page, "Gezin met schulden", "Eigen regie bij de inwoner", "Inwoners");
  await addSource(page, "Bron", "Cijfers jeugdhulp 2025");
  await addCard(page, "Cijfers jeugdhulp", "Normaliseren: niet alles is een probleem", "Beleid");
  await addSource(page, "Waarderend voorbeeld", "Buurtteam Noord");
  await addCard(page, "Buurtteam Noord", "Zorg dichtbij, in de wijk", "Maatschappelijke partners");
}

test("a workshop from setup to a clustered board, by keyboard, mouse, touch and clicks, survives reload", async () => {
  // Tall enough that a card and its drop target are on screen together, as on a projector.
  const page = await openPage(env, { viewport: { width: 1280, height: 1600 } });

  // Setup
  await page.getByLabel("Titel van de werksessie").fill("Leidende principes Sociaal Domein");
  await page.getByLabel("Titel van de werksessie").press("Tab");
  await page.getByLabel(/^Organisatie/).fill("Gemeente Voorbeeld");
  await page.getByLabel(/^Organisatie/).press("Tab");
  await page.getByLabel("Nieuw resultaat").fill("Inwoners doen mee naar vermogen");
  await page.getByRole("button", { name: "Resultaat toevoegen" }).click();
  await page.getByLabel("Nieuwe groep").fill("Jongerenraad");
  await page.getByRole("button", { name: "Groep toevoegen" }).click();
  await page.waitForFunction(() => [...document.querySelectorAll(".ld-plain-list input")].some((i) => i.value === "Jongerenraad"));
  await shot(page, "01-setup-nl");
  await noViolations(page, "setup");

  // Collect
  await seedBoard(page);
  await shot(page, "02-collect-nl");
  await noViolations(page, "collect");

  // Cluster
  await goPhase(page, "Clusteren");
  assert.equal((await columnCards(page, "Nog niet ingedeeld")).length, 4);
  await page.getByLabel("Naam voor een nieuw cluster").fill("Eigen regie");
  await page.getByRole("button", { name: "Cluster maken" }).click();
  await page.getByLabel("Naam voor een nieuw cluster").fill("Dichtbij");
  await page.getByRole("button", { name: "Cluster maken" }).click();
  await page.locator(".ld-column h3", { hasText: "Dichtbij" }).waitFor();

  // 1. Keyboard: focus the grip, Enter, arrow to the cluster, Enter.
  const grip = page.getByRole("button", { name: /Eigen regie bij de inwoner/ });
  await grip.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".ld-live").textContent.includes("opgepakt"));
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector(".ld-live").textContent.includes("Eigen regie (2 van 3)"));
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".ld-live").textContent.includes("verplaatst naar Eigen regie"));
  assert.deepEqual(await columnCards(page, "Eigen regie"), ["Eigen regie bij de inwoner"]);
  // Focus follows the card to its new place.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.grip != null), true);

  // 2. Mouse drag: card body to the "Dichtbij" column.
  const card = page.locator(".ld-board-card", { hasText: "Zorg dichtbij" }).locator(".ld-card-text");
  const target = page.locator(".ld-column", { has: page.locator("h3", { hasText: "Dichtbij" }) });
  const a = await card.boundingBox(); const b = await target.boundingBox();
  await page.mouse.move(a.x + 10, a.y + 5);
  await page.mouse.down();
  await page.mouse.move(a.x + 30, a.y + 20, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.locator(".ld-column", { has: page.locator("h3", { hasText: "Dichtbij" }) }).locator(".ld-board-card").first().waitFor();
  assert.deepEqual(await columnCards(page, "Dichtbij"), ["Zorg dichtbij, in de wijk"]);

  // 3. Touch drag on the grip (real touch events through the DevTools protocol).
  const cdp = await page.context().newCDPSession(page);
  const tgrip = page.getByRole("button", { name: /Normaliseren/ });
  const g = await tgrip.boundingBox(); const t = await page.locator(".ld-column", { has: page.locator("h3", { hasText: "Eigen regie" }) }).boundingBox();
  const touch = (type, x, y) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
  await touch("touchStart", g.x + g.width / 2, g.y + g.height / 2);
  for (let i = 1; i <= 10; i++) {
    await touch("touchMove", g.x + (t.x + t.width / 2 - g.x) * i / 10, g.y + (t.y + t.height / 2 - g.y) * i / 10);
  }
  await touch("touchEnd");
  await page.waitForFunction(() => [...document.querySelectorAll(".ld-column")].some((c) => c.textContent.includes("Eigen regie") && c.textContent.includes("Normaliseren")));
  assert.deepEqual((await columnCards(page, "Eigen regie")).sort(), ["Eigen regie bij de inwoner", "Normaliseren: niet alles is een probleem"]);

  // 4. Clicks only: tick a card, "Verplaats naar" a cluster.
  await page.getByRole("checkbox", { name: /Eén gezin/ }).check();
  await page.getByLabel("Verplaats naar").selectOption({ label: "Dichtbij" });
  await page.getByRole("button", { name: "Verplaats", exact: true }).click();
  await page.waitForFunction(() => document.querySelector(".ld-live").textContent.includes("1 kaart verplaatst naar Dichtbij"));
  assert.equal((await columnCards(page, "Dichtbij")).length, 2);
  assert.equal((await columnCards(page, "Nog niet ingedeeld")).length, 0);
  await shot(page, "03-cluster-nl");
  await noViolations(page, "cluster");

  // Split: tick one card of "Dichtbij", make a new cluster of it.
  await page.getByRole("checkbox", { name: /Eén gezin/ }).check();
  await page.getByLabel("Naam voor een nieuw cluster").fill("Eén plan");
  await page.getByRole("button", { name: /Nieuw cluster van selectie \(1\)/ }).click();
  await page.locator(".ld-column h3", { hasText: "Eén plan" }).waitFor();
  assert.deepEqual(await columnCards(page, "Eén plan"), ["Eén gezin, één plan, één regisseur"]);

  // Merge "Eén plan" into "Dichtbij", then undo (button) and redo (keyboard).
  const menu = page.locator(".ld-column", { has: page.locator("h3", { hasText: "Eén plan" }) }).locator("details");
  await menu.locator("summary").click();
  await menu.getByLabel("Samenvoegen met").selectOption({ label: "Dichtbij" });
  await menu.getByRole("button", { name: "Samenvoegen" }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll(".ld-column h3")].some((h) => h.textContent === "Eén plan"));
  assert.equal((await columnCards(page, "Dichtbij")).length, 2);
  await page.getByRole("button", { name: "Ongedaan maken" }).click();
  await page.locator(".ld-column h3", { hasText: "Eén plan" }).waitFor();
  await page.locator("body").click({ position: { x: 2, y: 2 } });
  await page.keyboard.press("Control+Shift+Z");
  await page.waitForFunction(() => ![...document.querySelectorAll(".ld-column h3")].some((h) => h.textContent === "Eén plan"));
  await page.keyboard.press("Control+z");
  await page.locator(".ld-column h3", { hasText: "Eén plan" }).waitFor();

  // Rename a cluster from its menu.
  const menu2 = page.locator(".ld-column", { has: page.locator("h3", { hasText: "Dichtbij" }) }).locator("details");
  await menu2.locator("summary").click();
  await menu2.getByLabel("Naam van het cluster").fill("Zorg dichtbij");
  await menu2.getByLabel("Naam van het cluster").press("Enter");
  await page.locator(".ld-column h3", { hasText: "Zorg dichtbij" }).waitFor();

  // Reload: everything is still there.
  const before = await saved(page);
  await page.reload();
  await page.waitForSelector(".ld-header");
  assert.equal(await page.locator(".ld-title").textContent(), "Leidende principes Sociaal Domein");
  await goPhase(page, "Clusteren");
  assert.deepEqual((await columnCards(page, "Eigen regie")).sort(), ["Eigen regie bij de inwoner", "Normaliseren: niet alles is een probleem"]);
  assert.deepEqual(await columnCards(page, "Eén plan"), ["Eén gezin, één plan, één regisseur"]);
  assert.deepEqual(await columnCards(page, "Zorg dichtbij"), ["Zorg dichtbij, in de wijk"]);
  assert.equal(before.format, "leidraad-workshop");
  assert.equal(before.version, 2);
  assert.equal(before.workshop.cards.length, 4);
  for (const c of before.workshop.cards) assert.match(c.id, /^card-[0-9a-z]{20}$/);

  // English
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("heading", { name: "Cluster", level: 2 }).waitFor();
  await shot(page, "04-cluster-en");
  await noViolations(page, "cluster (en)");
  await goPhase(page, "Collect");
  await shot(page, "05-collect-en");
  await noViolations(page, "collect (en)");
  await goPhase(page, "Set up");
  await noViolations(page, "setup (en)");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("refused input gets a clear Dutch message and changes nothing", async () => {
  const page = await openPage(env);
  await goPhase(page, "Verzamelen");
  await addSource(page, "Casus", "Casus A");
  const box = page.locator(".ld-source").first();
  await box.getByLabel("Nieuw principe op een kaart").fill("x".repeat(201));
  assert.match(await box.locator(".ld-counter").first().textContent(), /201 \/ 200/);
  await box.getByRole("button", { name: "Kaart toevoegen" }).click();
  await page.locator(".ld-notice-error").waitFor();
  assert.match(await page.locator(".ld-notice-error").textContent(), /Maak de kaart korter: hoogstens 200 tekens/);
  assert.equal(await box.locator(".ld-card-row").count(), 0);
  // The typed text is still there to shorten.
  assert.equal((await box.getByLabel("Nieuw principe op een kaart").inputValue()).length, 201);
  // Text that looks like HTML stays text.
  await box.getByLabel("Nieuw principe op een kaart").fill('<img src=x onerror="window.__pwned=1">');
  await box.getByRole("button", { name: "Kaart toevoegen" }).click();
  await box.locator(".ld-card-row").first().waitFor();
  assert.equal(await box.locator(".ld-card-row .ld-card-text").textContent(), '<img src=x onerror="window.__pwned=1">');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator(".leidraad img").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a stored workshop that cannot be read is never overwritten silently", async () => {
  const page = await openPage(env, { storage: "{ dit is geen werksessie" });
  await page.getByRole("alert").filter({ hasText: "kan niet worden gelezen" }).waitFor();
  // Work on: add a group; the broken text must still be in storage afterwards.
  await page.getByLabel("Nieuwe groep").fill("Raad");
  await page.getByRole("button", { name: "Groep toevoegen" }).click();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => localStorage.getItem("leidraad.workshop")), "{ dit is geen werksessie");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download de opgeslagen tekst" }).click(),
  ]);
  const fs = await import("node:fs");
  assert.equal(fs.readFileSync(await download.path(), "utf8"), "{ dit is geen werksessie");
  await shot(page, "06-unreadable-storage-nl");
  // Starting anew is a deliberate, confirmed choice.
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Begin een nieuwe werksessie" }).click();
  await page.getByLabel("Titel van de werksessie").fill("Nieuw");
  await page.getByLabel("Titel van de werksessie").press("Tab");
  const now = await saved(page);
  assert.equal(now.workshop.setup.title, "Nieuw");
  await page.context().close();
});
