// Merging a file from another laptop (Bestand → Voeg een bestand samen): what was deleted here
// stays deleted and is offered back; each text the file words differently, and each value it
// holds differently (a card's cluster, a dot count, ...), waits side by side until someone
// chooses, and a choice holds for the next merge of the same file; a merge respects the
// locked steps and says when the set would be too large.
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
  // The menu closes (it would cover the texts side by side) and focus goes to the choices.
  await report.waitFor({ state: "attached" });
  await page.waitForFunction(() => document.activeElement?.id === "ld-merge-title");
  assert.equal(await file.menu.evaluate((d) => d.open), false, "the file menu closed over the panel");
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

/** Waits until the file menu's last report matches `until`; fails naming what it said. */
async function reportSaying(page, until, timeout = 10_000) {
  const outcome = header(page).file.outcome.locator(".ld-notice:not(.ld-notice-error)");
  const deadline = Date.now() + timeout;
  for (;;) {
    const said = (await outcome.count()) ? await outcome.textContent() : "";
    if (until.test(said)) return said;
    if (Date.now() > deadline) assert.fail(`the merge report did not match ${until}; it said: ${said}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("a choice holds: merging the same file again asks nothing new, and a new wording still waits", async () => {
  const ours = base();
  const theirs = base();
  theirs.cards[0].text = "Gewoon opgroeien";
  const page = await openPage(env, { storage: workshopFile(ours) });
  const file = header(page).file;
  const panel = page.locator(".ld-merge-panel");
  const diffs = panel.locator(".ld-merge-diff");

  await file.choose("#ld-merge-file", "tafel-b.json", workshopFile(theirs));
  await reportSaying(page, /Kies hieronder/);
  assert.equal(await diffs.count(), 1);
  await diffs.nth(0).getByRole("button", { name: "Houd deze tekst" }).click();
  const decided = await saved(page, (f) => (f.workshop.disagreements || []).length === 0);
  assert.equal(decided.workshop.cards[0].text, "Normaliseren (kaart 1)");
  assert.equal(await panel.count(), 0, "nothing waits");

  // The same file again: named in the report, but nothing to choose.
  await file.choose("#ld-merge-file", "tafel-b.json", workshopFile(theirs));
  const said = await reportSaying(page, /^Samengevoegd\.(?!.*Kies hieronder)/);
  assert.ok(said.includes("kaart „Normaliseren (kaart 1)”"), said);
  assert.equal(await panel.count(), 0, "the decided wording does not come back");
  const kept = await saved(page);
  assert.equal(kept.workshop.cards[0].text, "Normaliseren (kaart 1)");
  // The choice is part of the workshop file, without the declined words.
  assert.equal(kept.workshop.settled.length, 1);
  assert.ok(!JSON.stringify(kept).includes("Gewoon opgroeien"), "the declined words stay behind only as a fingerprint");

  // A file with a new wording (of the same card, and of a cluster) still asks.
  const newer = base();
  newer.cards[0].text = "Opgroeien zonder etiket";
  newer.clusters[1].name = "Zelf aan zet";
  await file.choose("#ld-merge-file", "tafel-b-2.json", workshopFile(newer));
  await reportSaying(page, /Kies hieronder/);
  assert.equal(await diffs.count(), 2);
  assert.deepEqual(await diffs.locator("[data-side=theirs] .ld-merge-text").allTextContents(), ["Opgroeien zonder etiket", "Zelf aan zet"]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a card in another cluster, another group, source type, dot count, principle type or outcome, or priority waits side by side", async () => {
  const ours = base();
  ours.voting.voters = [{ id: "v-1", name: "Anna" }];
  ours.voting.votes = [{ voter: "v-1", cluster: "c-0", dots: 1 }];
  const theirs = structuredClone(ours);
  theirs.cards[0].cluster = "c-1";
  theirs.cards[1].group = "g-2";
  theirs.sources[0].kind = "data";
  theirs.voting.votes = [{ voter: "v-1", cluster: "c-1", dots: 1 }];
  theirs.principles[0].kind = "value";
  theirs.principles[0].outcome = "o-1";
  theirs.tensions[0].priority = "p-2";

  const page = await openPage(env, { storage: workshopFile(ours) });
  await header(page).file.choose("#ld-merge-file", "tafel-b.json", workshopFile(theirs));
  const said = await reportSaying(page, /Kies hieronder/);
  for (const name of ["kaart „Normaliseren (kaart 1)”", "kaart „Normaliseren (kaart 2)”", "bron „Gezin met schulden”", "stemmer „Anna”", "principe „Zorg dichtbij”", "spanning „Zorg dichtbij – Preventie eerst”"]) {
    assert.ok(said.includes(name), `${name} in: ${said}`);
  }
  const diffs = page.locator(".ld-merge-panel .ld-merge-diff");
  const rows = [];
  for (let i = 0; i < (await diffs.count()); i++) {
    const d = diffs.nth(i);
    rows.push([
      await d.locator(".ld-merge-what").textContent(),
      await d.locator("[data-side=ours] .ld-merge-text").textContent(),
      await d.locator("[data-side=theirs] .ld-merge-text").textContent(),
    ]);
  }
  assert.deepEqual(rows, [
    ["kaart „Normaliseren (kaart 1)”: cluster", "Normaliseren", "Zorg dichtbij"],
    ["kaart „Normaliseren (kaart 2)”: geschreven door", "Beleid", "Uitvoering"],
    ["bron „Gezin met schulden”: soort", "Situatie", "Gegevens"],
    ["stippen van „Anna”, cluster „Normaliseren”", "1 stip", "0 stippen"],
    ["stippen van „Anna”, cluster „Zorg dichtbij”", "0 stippen", "1 stip"],
    ["principe „Zorg dichtbij”: soort", "Doel van de verandering", "Waarde"],
    ["principe „Zorg dichtbij”: resultaat", "(geen)", "Inwoners doen mee naar vermogen"],
    ["spanning „Zorg dichtbij – Preventie eerst”: wat voorgaat", "(geen)", "Preventie eerst"],
  ]);
  // A value is one or the other: no "keep both".
  assert.equal(await diffs.getByRole("button", { name: /allebei/ }).count(), 0);
  await shot(page, "merge-values-side-by-side-nl");
  await noViolations(page, "merge panel with values");

  // Take the file's cluster for the card (by keyboard), keep this source type.
  await diffs.nth(0).getByRole("button", { name: "Neem die uit het bestand" }).focus();
  await page.keyboard.press("Enter");
  await diffs.filter({ hasText: "Gegevens" }).getByRole("button", { name: "Houd deze" }).click();
  const w = (await saved(page, (f) => (f.workshop.disagreements || []).length === 6)).workshop;
  assert.equal(w.cards[0].cluster, "c-1");
  assert.equal(w.sources[0].kind, "case");
  assert.equal(await diffs.count(), 6);
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

/** `base()` with the set in practice filled in, as a version 3 file. */
function practiceFile(after) {
  const w = base();
  w.after = after;
  return JSON.stringify({ format: "leidraad-workshop", version: 3, workshop: w });
}

test("the set in practice of the merged file: new actions come along, a different action or owners wait side by side", async () => {
  const task = (id, what, status) => ({ id, principle: "p-1", implication: "access", who: "Wijkteam", what, due: "2027-03-01", status });
  const ours = practiceFile({
    owners: [{ principle: "p-1", owner: "Anna", ambassadors: ["Bram"] }],
    tasks: [task("act-1", "Folder maken", "open")],
  });
  const theirs = practiceFile({
    owners: [{ principle: "p-1", owner: "Carla", ambassadors: ["Bram", "Dirk"] }],
    tasks: [task("act-1", "Folder maken", "done"), task("act-2", "Inloopspreekuur", "busy")],
  });
  const page = await openPage(env, { storage: ours });
  await header(page).file.choose("#ld-merge-file", "tafel-b.json", theirs);
  const said = await reportSaying(page, /Kies hieronder/);
  assert.match(said, /Toegevoegd: 1 actie\./, said);
  for (const name of ["actie „Folder maken”", "eigenaar „Zorg dichtbij”"]) assert.ok(said.includes(name), `${name} in: ${said}`);

  const diffs = page.locator(".ld-merge-panel .ld-merge-diff");
  const rows = [];
  for (let i = 0; i < (await diffs.count()); i++) {
    const d = diffs.nth(i);
    rows.push([
      await d.locator(".ld-merge-what").textContent(),
      await d.locator("[data-side=ours] .ld-merge-text").textContent(),
      await d.locator("[data-side=theirs] .ld-merge-text").textContent(),
    ]);
  }
  assert.deepEqual(rows, [
    ["actie „Folder maken”", "Stand: open", "Stand: klaar"],
    // The parts in the order of their names in the file.
    ["eigenaar „Zorg dichtbij”", "Ambassadeurs: Bram\nEigenaar: Anna", "Ambassadeurs: Bram, Dirk\nEigenaar: Carla"],
  ]);
  // An action is one or the other; owners can keep every name.
  assert.equal(await diffs.nth(0).getByRole("button", { name: /allebei/ }).count(), 0);
  await shot(page, "merge-practice-side-by-side-nl");
  await noViolations(page, "merge panel with the set in practice");

  await diffs.nth(0).getByRole("button", { name: "Neem die uit het bestand" }).click();
  await diffs.filter({ hasText: "Carla" }).getByRole("button", { name: "Houd allebei" }).focus();
  await page.keyboard.press("Enter");
  const w = (await saved(page, (f) => (f.workshop.disagreements || []).length === 0)).workshop;
  assert.deepEqual(w.after.tasks.map((t) => [t.id, t.status]), [["act-1", "done"], ["act-2", "busy"]]);
  assert.deepEqual(w.after.owners, [{ principle: "p-1", owner: "Anna", ambassadors: ["Bram", "Carla", "Dirk"] }]);
  assert.equal(await page.locator(".ld-merge-panel").count(), 0, "nothing waits");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
