// Merging a file from another laptop (Bestand → Voeg een bestand samen): what was deleted here
// stays deleted and is offered back; each text the file words differently waits side by side
// until someone chooses; a merge respects the locked steps and says when the set would be
// too large.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, saved, workshopFile, noViolations, header, workshops } from "./lib.mjs";

const { clustered, emptyWorkshop } = workshops;

const env = appServer();

/** Two principles and a tension on top of `clustered(2)`. */
function base() {
  const w = clustered(2);
  const principle = (id, title) => ({ id, from_cluster: null, title, kind: "transformation_goal", text: {}, outcome: null });
  w.principles = [principle("p-1", "Zorg dichtbij"), principle("p-2", "Preventie eerst"), principle("p-3", "Eigen regie")];
  w.tensions = [{ id: "t-1", a: "p-1", b: "p-2", note: "Wie gaat voor?", priority: null }];
  return w;
}

test("a merge keeps deletions, offers them back, and shows each different text side by side until chosen", async () => {
  // Here p-3 was deleted (its tombstone is in the file); the other laptop still has it and
  // words a card, a cluster, a principle and the tension differently.
  const ours = base();
  ours.principles = ours.principles.filter((p) => p.id !== "p-3");
  ours.deleted = [{ id: "p-3", at: 1 }];
  const theirs = base();
  theirs.cards[0].text = "Gewoon opgroeien";
  theirs.clusters[1].name = "Zelf aan zet";
  theirs.principles[0].title = "Hulp in de wijk";
  theirs.tensions[0].note = "Wie heeft het laatste woord?";

  const page = await openPage(env, { storage: workshopFile(ours) });
  const file = header(page).file;
  await file.choose("#ld-merge-file", "tafel-b.json", workshopFile(theirs));
  const report = file.outcome.locator(".ld-notice:not(.ld-notice-error)");
  await report.waitFor();
  const said = await report.textContent();
  // The report names every item, and the deleted principle is not "added".
  assert.match(said, /^Samengevoegd\. Er was niets nieuws in het andere bestand\./, said);
  for (const name of ["kaart „Normaliseren (kaart 1)”", "cluster „", "principe „Zorg dichtbij”", "spanning „Zorg dichtbij – Preventie eerst”"]) {
    assert.ok(said.includes(name), `${name} in: ${said}`);
  }
  assert.match(said, /Het bestand had nog wat hier is weggehaald: principe „Eigen regie”\./);
  assert.ok(!(await saved(page)).workshop.principles.some((p) => p.id === "p-3"), "deleted stays deleted");

  const panel = page.locator(".ld-merge-panel");
  const diffs = panel.locator(".ld-merge-diff");
  assert.equal(await diffs.count(), 4);
  const sides = async (i) => [
    await diffs.nth(i).locator("[data-side=ours] .ld-merge-text").textContent(),
    await diffs.nth(i).locator("[data-side=theirs] .ld-merge-text").textContent(),
  ];
  assert.deepEqual(await sides(0), ["Normaliseren (kaart 1)", "Gewoon opgroeien"]);
  assert.deepEqual(await sides(2), ["Zorg dichtbij", "Hulp in de wijk"]);
  await shot(page, "merge-side-by-side-nl");
  await noViolations(page, "merge panel");

  // Keep both of the card (two cards in its cluster), take the file's cluster name (by
  // keyboard), keep this principle title; the tension stays undecided.
  await diffs.nth(0).getByRole("button", { name: "Houd allebei (als twee kaarten)" }).click();
  await diffs.filter({ hasText: "Zelf aan zet" }).getByRole("button", { name: "Neem de tekst uit het bestand" }).focus();
  await page.keyboard.press("Enter");
  await diffs.filter({ hasText: "Hulp in de wijk" }).getByRole("button", { name: "Houd deze tekst" }).click();
  const s = await saved(page, (f) => (f.workshop.disagreements || []).length === 1);
  const w = s.workshop;
  assert.deepEqual(w.cards.filter((c) => c.cluster === "c-0").map((c) => c.text), ["Normaliseren (kaart 1)", "Normaliseren (kaart 2)", "Gewoon opgroeien"]);
  assert.equal(w.clusters[1].name, "Zelf aan zet");
  assert.equal(w.principles[0].title, "Zorg dichtbij");
  assert.equal(await diffs.count(), 1);

  // Restore the deleted principle: it is back, and off the list.
  await panel.getByRole("button", { name: "Zet terug" }).click();
  await saved(page, (f) => f.workshop.principles.some((p) => p.id === "p-3"));
  assert.equal(await panel.getByRole("button", { name: "Zet terug" }).count(), 0);

  // The undecided text survives a reload.
  await page.reload();
  await page.locator(".ld-merge-diff", { hasText: "Wie heeft het laatste woord?" }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a merge is refused with the real reason: a locked step, or more than 12 principles", async () => {
  const ours = clustered(2);
  ours.locks = ["collect"];
  const theirs = clustered(2);
  theirs.cards.push({ id: "k-new", text: "Nieuwe kaart", source: "s-1", group: null, cluster: null });
  const page = await openPage(env, { storage: workshopFile(ours) });
  const file = header(page).file;
  await file.choose("#ld-merge-file", "tafel-b.json", workshopFile(theirs));
  const error = file.outcome.locator(".ld-notice-error");
  await error.waitFor();
  assert.match(await error.textContent(), /bij Verzamelen, en die stap is vergrendeld door de begeleider.*Er is niets veranderd\.$/);
  await page.context().close();

  const eight = (prefix) => {
    const w = emptyWorkshop();
    for (let i = 0; i < 8; i++) w.principles.push({ id: `${prefix}-${i}`, from_cluster: null, title: `Principe ${prefix}${i}`, kind: "value", text: {}, outcome: null });
    return w;
  };
  const second = await openPage(env, { storage: workshopFile(eight("p")) });
  await header(second).file.choose("#ld-merge-file", "tafel-b.json", workshopFile(eight("q")));
  const refused = header(second).file.outcome.locator(".ld-notice-error");
  await refused.waitFor();
  const text = await refused.textContent();
  assert.match(text, /16 verschillende principes\. Er passen er hoogstens 12 op één charter\./);
  assert.doesNotMatch(text, /passen niet bij elkaar/);
  await shot(second, "merge-too-many-principles-nl");
  await second.context().close();
});
