// Step 4, Kiezen (choose): dot voting in turns on one laptop, hidden until revealed, ranked;
// promoting clusters with the 5–8 status in plain words; the tension matrix.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, saved, settled, workshopFile, noViolations, header, choose, facilitation, workshops } from "./lib.mjs";

const env = appServer();

test("groups vote in turns on one laptop, the result is ranked, and the 5–8 status speaks plainly", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.clustered(7)) });
  const c = choose(page);
  await header(page).step("Kiezen");
  await c.rules(3, 2);
  await c.groupsVote();
  await page.locator(".ld-voter-list .ld-voter-name", { hasText: "Uitvoering" }).waitFor();

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

test("'dat is te weinig' is said once, and only once there is a set to judge", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.clustered(7)) });
  const c = choose(page);
  await header(page).step("Kiezen");
  const tooFew = page.getByText(/te weinig/);
  // Before anyone voted or chose: only that nothing is chosen yet, once.
  assert.equal(await tooFew.count(), 0);
  assert.equal(await page.getByText(/Nog geen principes gekozen/).count(), 1);
  await c.reveal();
  for (const name of ["Zorg dichtbij", "Eigen regie"]) await c.promote(name);
  await c.status.filter({ hasText: /^!?2 principes: dat is te weinig\./ }).waitFor();
  assert.equal(await tooFew.count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("on a phone the dots are finger-sized, the facilitator's 'Maak er een principe van' is not beside them, and a greyed-out + says why", async () => {
  const page = await openPage(env, { viewport: { width: 390, height: 844 }, hasTouch: true, storage: workshopFile(workshops.clustered(7)) });
  const c = choose(page);
  await header(page).step("Kiezen");
  await c.rules(2, 1);
  await c.groupsVote();
  await c.turn("Inwoners");
  for (const button of await page.locator(".ld-ballot .ld-dot-button").all()) {
    const box = await button.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `a dot button of ${box.width} x ${box.height}`);
  }
  assert.equal(await page.locator(".ld-ballot").getByRole("button", { name: /^Maak er een principe van/ }).count(), 0);

  await c.give("Zorg dichtbij").click();
  // At most one on a cluster: its + is greyed out, and says why in words tied to the button.
  const plus = c.give("Zorg dichtbij");
  assert.equal(await plus.isDisabled(), true);
  const why = page.locator(`#${await plus.getAttribute("aria-describedby")}`);
  assert.equal(await why.textContent(), "Meer stippen op dit cluster mag niet.");
  assert.equal(await why.isVisible(), true);
  await c.give("Eigen regie").click();
  // No dots left: every other + says so.
  const other = c.give("Normaliseren");
  assert.equal(await other.isDisabled(), true);
  assert.equal(await page.locator(`#${await other.getAttribute("aria-describedby")}`).textContent(), "Uw stippen zijn op.");
  await page.locator(".ld-ballot").scrollIntoViewIfNeeded();
  await shot(page, "choose-phone-nl");
  await noViolations(page, "choose on a phone");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a locked Kiezen disables its controls and says why next to them", async () => {
  const w = workshops.fivePromoted();
  w.locks = ["reduce"];
  const page = await openPage(env, { storage: workshopFile(w) });
  await header(page).step("Kiezen");
  for (const control of [
    page.getByLabel("Eigen principe toevoegen (niet uit een cluster)"), page.getByRole("button", { name: "Principe toevoegen" }),
    page.getByRole("button", { name: "Uitslag tonen" }), page.getByRole("button", { name: "Weghalen: Zorg dichtbij" }),
  ]) {
    assert.equal(await control.isDisabled(), true);
  }
  const reason = await facilitation(page).lockedReason();
  assert.match(await reason.textContent(), /^De stap Kiezen is vergrendeld door de begeleider/);
  await noViolations(page, "locked choose");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the group finishes the set ('Set afronden'), and then the charter says the college or the council still adopts it", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.fivePromoted()) });
  await header(page).step("Charter");
  // A draft: the draft mark, and nothing yet about adopting.
  await page.locator(".ld-sheet-draft", { hasText: "Concept. Deze set is nog niet afgerond." }).waitFor();
  assert.equal(await page.locator(".ld-sheet-adopt").count(), 0);
  await page.getByRole("button", { name: "Set afronden" }).click();
  const adopt = "De set is afgerond. Het college of de gemeenteraad moet de set nog vaststellen.";
  await page.locator(".ld-finalised", { hasText: adopt }).waitFor();
  await page.locator(".ld-sheet-adopt", { hasText: adopt }).waitFor();
  assert.equal(await page.locator(".ld-sheet-draft").count(), 0, "a finished set is no longer marked as a draft");
  await shot(page, "charter-finished-nl");
  await noViolations(page, "finished charter");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("changing a finished set says first that it becomes a draft again, and can be cancelled", async () => {
  const w = workshops.fivePromoted();
  w.finalised = { reason: null };
  const page = await openPage(env, { storage: workshopFile(w) });
  await header(page).step("Kiezen");
  const asked = [];
  let answer = false;
  page.on("dialog", (d) => { asked.push(d.message()); answer ? d.accept() : d.dismiss(); });

  // Cancelled: nothing changes, the set stays final.
  await page.getByRole("button", { name: "Weghalen: Zorg dichtbij" }).click();
  assert.equal(asked.length, 1);
  assert.match(asked[0], /^De set is afgerond\. Weer openen maakt het charter weer een concept/);
  await page.getByLabel("Eigen principe toevoegen (niet uit een cluster)").fill("Samen leren");
  await page.getByRole("button", { name: "Principe toevoegen" }).click();
  assert.equal(asked.length, 2);
  assert.equal(await page.getByLabel("Eigen principe toevoegen (niet uit een cluster)").inputValue(), "Samen leren", "a cancelled form keeps its text");
  await settled(page);
  const kept = (await saved(page)).workshop;
  assert.equal(kept.principles.length, 5);
  assert.deepEqual(kept.finalised, { reason: null });

  // Going on: the principle is added and the set is a draft again.
  answer = true;
  await page.getByRole("button", { name: "Principe toevoegen" }).click();
  const draft = (await saved(page, (f) => f.workshop.principles.length === 6)).workshop;
  assert.equal(draft.finalised, null);
  // A draft is not final: the next change asks nothing.
  await page.getByRole("button", { name: "Weghalen: Samen leren" }).click();
  await saved(page, (f) => f.workshop.principles.length === 5);
  assert.equal(asked.length, 3);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("each voter marks how strongly they recognise each cluster, by keyboard; hidden until revealed, then split by group", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.clustered(7)) });
  const c = choose(page);
  await header(page).step("Kiezen");
  const proj = await facilitation(page).openProjector();
  await c.groupsVote();
  await page.locator(".ld-voter-list .ld-voter-name", { hasText: "Uitvoering" }).waitFor();
  // The groups vote as themselves: each voter is in its group.
  assert.equal(await page.getByLabel("Groep: Beleid").inputValue(), "g-1");

  await c.turn("Inwoners");
  for (const name of ["Zorg dichtbij", "Eigen regie", "Normaliseren"]) await c.give(name).click();
  // By keyboard: Space marks the focused choice, the arrow keys move the mark.
  await c.recognise("Zorg dichtbij", "Sterk").focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  assert.equal(await c.recognise("Zorg dichtbij", "Een beetje").isChecked(), true);
  await page.keyboard.press("ArrowLeft");
  assert.equal(await c.recognise("Zorg dichtbij", "Sterk").isChecked(), true);

  // The next voter sees none of it: only their own marks.
  await c.nextVoter();
  await page.getByText("Beleid is aan de beurt. Nog 5 van 5 stippen over.").waitFor();
  assert.equal(await page.locator(".ld-recognise input:checked").count(), 0);
  await c.give("Eigen regie").click();
  await c.recognise("Zorg dichtbij", "Niet").focus();
  await page.keyboard.press("Space");
  await c.recognise("Zorg dichtbij", "Niet").waitFor();
  assert.equal(await c.recognise("Zorg dichtbij", "Niet").isChecked(), true);

  // Hidden until revealed, here and on the projector.
  assert.equal(await c.split.count(), 0);
  assert.equal(await c.dominance.count(), 0);
  assert.equal(await proj.locator(".ld-split").count(), 0);
  await c.reveal();
  const row = c.split.locator("tbody tr", { hasText: "Zorg dichtbij" });
  assert.deepEqual(await c.split.locator("thead th").allTextContents(), ["Clusters", "Inwoners", "Beleid", "Uitvoering", "Geen groep"]);
  assert.deepEqual(await row.locator("td").allTextContents(), [
    "1 stip · sterk 1 · een beetje 0 · niet 0",
    "0 stippen · sterk 0 · een beetje 0 · niet 1",
    "0 stippen · sterk 0 · een beetje 0 · niet 0",
    "0 stippen · sterk 0 · een beetje 0 · niet 0",
  ]);
  // Inwoners gave 3 of the 4 dots: said plainly, for the dots only (the marks are 1 and 1).
  assert.deepEqual(await c.dominance.allTextContents(), [
    "Inwoners gaf 3 van de 4 stippen. Dat is meer dan de helft. Kijk samen of de andere groepen genoeg meetellen.",
  ]);
  await proj.locator(".ld-split tbody tr", { hasText: "Zorg dichtbij" }).waitFor();
  await proj.locator(".ld-split-note", { hasText: "Inwoners gaf 3 van de 4 stippen." }).waitFor();
  await shot(proj, "choose-by-group-projector-nl");
  // With seven clusters the ranking and this table do not fit a 1280 x 800 projector even at its
  // smallest type: its <main> scrolls, and can be focused to scroll it by keyboard.
  await noViolations(proj, "projector, result by group (nl)");
  await page.locator(".ld-by-group").scrollIntoViewIfNeeded();
  await shot(page, "choose-by-group-nl");
  await noViolations(page, "result by group (nl)");

  const w = (await saved(page)).workshop;
  assert.deepEqual(w.voting.marks.map((m) => [m.voter, m.cluster, m.level]).map(([v, cl, l]) => [w.voting.voters.find((x) => x.id === v).name, w.clusters.find((x) => x.id === cl).name, l]), [
    ["Inwoners", "Zorg dichtbij", "strong"],
    ["Beleid", "Zorg dichtbij", "not"],
  ]);

  // A voter moved to no group counts there.
  await page.getByLabel("Groep: Beleid").selectOption({ label: "Geen groep" });
  await c.split.locator("tbody tr", { hasText: "Eigen regie" }).locator("td").nth(3).filter({ hasText: "1 stip" }).waitFor();

  await header(page).toEnglish();
  await page.getByRole("table", { name: "Dots and recognition by group" }).waitFor();
  await page.getByRole("group", { name: "Do you recognise this? Zorg dichtbij" }).getByRole("radio", { name: "Strongly" }).waitFor();
  await shot(page, "choose-recognise-en");
  await noViolations(page, "recognition and result by group (en)");
  assert.deepEqual(page.problems, []);
  assert.deepEqual(proj.problems, []);
  await page.context().close();
});

test("on a phone each recognition choice is a finger-sized target", async () => {
  const page = await openPage(env, { viewport: { width: 390, height: 844 }, hasTouch: true, storage: workshopFile(workshops.clustered(3)) });
  const c = choose(page);
  await header(page).step("Kiezen");
  await c.groupsVote();
  await c.turn("Inwoners");
  const options = await page.locator(".ld-ballot .ld-rec-option").all();
  assert.equal(options.length, 9, "three choices for each of three clusters");
  for (const option of options) {
    const box = await option.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `a recognition choice of ${box.width} x ${box.height}`);
  }
  await options[0].tap();
  await saved(page, (f) => (f.workshop.voting.marks || []).length === 1);
  await page.locator(".ld-ballot-row").first().scrollIntoViewIfNeeded();
  await shot(page, "choose-recognise-phone-nl");
  await noViolations(page, "recognition on a phone");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
