// Step 4, Kiezen (choose): dot voting in turns on one laptop, hidden until revealed, ranked;
// promoting clusters with the 5–8 status in plain words; the tension matrix.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, saved, workshopFile, noViolations, header, choose, workshops } from "./lib.mjs";

const env = appServer();

test("groups vote in turns on one laptop, the result is ranked, and the 5–8 status speaks plainly", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.clustered(7)) });
  const c = choose(page);
  await header(page).step("Kiezen");
  await c.rules(3, 2);
  await c.groupsVote();
  await page.locator(".ld-voter-list li", { hasText: "Uitvoering" }).waitFor();

  await c.turn("Inwoners");
  await c.give("Zorg dichtbij").click();
  await c.give("Zorg dichtbij").click();
  assert.equal(await c.give("Zorg dichtbij").isDisabled(), true, "at most two on one cluster");
  await c.give("Eigen regie").click();
  await page.getByText("Inwoners is aan de beurt. Nog 0 van 3 stippen over.").waitFor();
  assert.equal(await c.give("Normaliseren").isDisabled(), true, "no dots left");

  // The next group sees only its own dots; the totals stay hidden.
  await c.nextVoter();
  await page.getByText("Beleid is aan de beurt. Nog 3 van 3 stippen over.").waitFor();
  assert.equal(await page.locator(".ld-ballot .ld-total").count(), 0);
  assert.deepEqual(await page.locator(".ld-my-dots [aria-hidden]").evaluateAll((els) => els.map((e) => e.textContent.trim())).then((t) => t.filter((x) => x !== "·")), []);
  await c.give("Zorg dichtbij").click();
  await c.give("Preventief werken").click();
  await c.give("Preventief werken").click();
  await c.nextVoter();
  await c.give("Vertrouwen").click();

  await c.reveal();
  const ranked = await c.rankedNames();
  assert.deepEqual(ranked.slice(0, 4), ["Zorg dichtbij", "Preventief werken", "Eigen regie", "Vertrouwen"]);
  assert.equal(await c.rankedRows.first().locator(".ld-total").textContent(), "3 stippen");

  // Promote three: too few, said plainly with the method's reason.
  for (const name of ranked.slice(0, 3)) await c.promote(name);
  assert.match(await c.status.textContent(), /3 principes: dat is te weinig\. De methode raadt 5 tot 8 principes aan\./);
  for (const name of ranked.slice(3, 5)) await c.promote(name);
  assert.match(await c.status.textContent(), /5 principes: een goede set\./);
  await shot(page, "choose-ranked-nl");
  await noViolations(page, "reduce");

  const w = await saved(page);
  assert.equal(w.workshop.principles.length, 5);
  assert.equal(w.workshop.voting.votes.reduce((n, v) => n + v.dots, 0), 7);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("tensions are recorded in a compact matrix with which principle goes first", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.fivePromoted()) });
  await header(page).step("Kiezen");
  const table = choose(page).tensions;
  assert.equal(await table.locator("tbody tr").count(), 5);
  assert.equal(await table.locator("button").count(), 10, "one button per pair");
  await table.getByRole("button", { name: "Spanning toevoegen tussen Zorg dichtbij en Eigen regie" }).click();
  await page.getByLabel("Toelichting").fill("Dichtbij huis kan botsen met zelf kiezen.");
  await page.getByRole("radio", { name: "Eigen regie" }).check();
  await page.getByRole("button", { name: "Spanning opslaan" }).click();
  const cell = table.getByRole("button", { name: /Spanning wijzigen tussen Zorg dichtbij en Eigen regie: Eigen regie gaat voor/ });
  assert.equal((await cell.locator("[aria-hidden]").textContent()).trim(), "⚖ 3");
  await choose(page).tensionList.filter({ hasText: "Eigen regie gaat voor" }).waitFor();
  // Open it again, by keyboard: the editor shows what was saved.
  await cell.focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.getByLabel("Toelichting").inputValue(), "Dichtbij huis kan botsen met zelf kiezen.");
  assert.equal(await page.getByRole("radio", { name: "Eigen regie" }).isChecked(), true);
  await shot(page, "choose-tensions-nl");
  await noViolations(page, "tension matrix");
  const s = await saved(page);
  assert.deepEqual(s.workshop.tensions.map((t) => [t.a, t.b, t.priority]), [["p-1", "p-2", "p-2"]]);
  await page.context().close();
});
