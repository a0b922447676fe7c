// Step 5, Concretiseren (make concrete): one principle at a time, counters, where it comes
// from, one undo step per field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, saved, workshopFile, noViolations, header, concretise, facilitation, workshops } from "./lib.mjs";

const env = appServer();

test("each principle is made concrete one at a time, with counters, provenance and one undo step per field", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.fivePromoted()) });
  const c = concretise(page);
  await header(page).step("Concretiseren");
  await c.pick(/Zorg dichtbij/);
  await c.meaning.fill("Hulp in de buurt, bij mensen die je kent.");
  assert.match(await page.locator("#ld-pf-meaning-count").textContent(), /^41 \/ 160$/);
  await c.field("Toegang").click(); // leaving the field saves it
  await c.field("Toegang").fill("Eén loket in de wijk.");
  await page.getByRole("radio", { name: /^Waarde/ }).check();
  await c.field("Welk resultaat komt daardoor dichterbij?").selectOption({ label: "Jeugd groeit gezond en veilig op" });
  await c.next("Eigen regie");
  // Provenance: the cards of the cluster with source and group.
  assert.equal(await c.provenance.locator(".ld-card-row").count(), 2);
  await c.provenance.getByText("Gezin met schulden").first().waitFor();
  await page.locator("summary", { hasText: "Verder uitwerken" }).click();
  await shot(page, "concretise-nl");
  await noViolations(page, "concretise");
  const s = await saved(page);
  const p = s.workshop.principles[1];
  assert.equal(p.text.meaning, "Hulp in de buurt, bij mensen die je kent.");
  assert.equal(p.text.access, "Eén loket in de wijk.");
  assert.equal(p.kind, "value");
  assert.equal(p.outcome, "o-2");
  // One undo takes back the outcome only.
  await header(page).undo();
  const after = await saved(page, (f) => f.workshop.principles[1].outcome === null);
  assert.equal(after.workshop.principles[1].outcome, null);
  assert.equal(after.workshop.principles[1].kind, "value");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a locked Concretiseren disables the texts, says why next to them, and still lets one read every principle", async () => {
  const w = workshops.fivePromoted();
  w.locks = ["concretise"];
  const page = await openPage(env, { storage: workshopFile(w) });
  const c = concretise(page);
  await header(page).step("Concretiseren");
  assert.equal(await c.meaning.isDisabled(), true);
  assert.equal(await c.field("Toegang").isDisabled(), true);
  assert.equal(await page.getByRole("radio", { name: /^Waarde/ }).isDisabled(), true);
  const reason = await facilitation(page).lockedReason();
  assert.match(await reason.textContent(), /^De stap Concretiseren is vergrendeld door de begeleider/);
  // Reading on is not changing anything: the picker still works.
  await c.next("Zorg dichtbij");
  await shot(page, "concretise-locked-nl");
  await noViolations(page, "locked concretise");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the 80/15/5 lens is optional, typed by keyboard, saved per principle, and stays off the one-page charter", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.fivePromoted()) });
  const c = concretise(page);
  await header(page).step("Concretiseren");
  const lens = page.locator("details.ld-lens");
  assert.equal(await lens.evaluate((d) => d.open), false, "closed while empty");
  await lens.locator("summary").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("details.ld-lens").open);
  await c.field("Wat betekent het voor inwoners die het zelf redden (ongeveer 80 procent)?").focus();
  await page.keyboard.type("Zij vinden zelf de weg.");
  await page.keyboard.press("Tab"); // to the service that fits them; leaving saves
  await page.keyboard.type("Informatie en advies in de wijk.");
  await page.keyboard.press("Tab");
  await c.field("Welke dienstverlening past bij inwoners die kwetsbaar zijn?").fill("Eén vaste hulpverlener.");
  await c.field("Welke dienstverlening past bij inwoners die kwetsbaar zijn?").press("Tab");
  const s = await saved(page, (f) => f.workshop.principles[0].text.lens_vulnerable_service === "Eén vaste hulpverlener.");
  const t = s.workshop.principles[0].text;
  assert.deepEqual([t.lens_own, t.lens_own_service, t.lens_at_risk], ["Zij vinden zelf de weg.", "Informatie en advies in de wijk.", undefined]);
  assert.match(await page.locator("#ld-pf-lens-own-count").textContent(), /^23 \/ 300$/);
  await lens.scrollIntoViewIfNeeded();
  await shot(page, "concretise-lens-nl");
  await noViolations(page, "concretise lens");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByText("For which residents? The 80/15/5 lens (optional)").waitFor();
  await page.getByLabel("Which kind of service fits residents who are vulnerable?").waitFor();
  await shot(page, "concretise-lens-en");
  await noViolations(page, "concretise lens (en)");
  // The one-page charter keeps to title and meaning: the lens is in the Markdown only.
  await header(page).step("Charter");
  assert.equal(await page.getByText("Zij vinden zelf de weg.").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
