// The "Bestand" (file) menu, on every step: Markdown and JSON downloads escape what users
// typed; a wrong file says why and changes nothing; merging another table's file gives the
// union with a report.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, openPage, shot, saved, settled, storedText, workshopFile, noViolations, header, workshops } from "./lib.mjs";

const { full, clustered } = workshops;

const env = appServer();

const EVIL = "<img src=x onerror=alert(1)> [x](javascript:alert(1))";

test("Markdown and JSON downloads escape what users typed; the JSON opens on another laptop", async () => {
  const w = full(8);
  w.setup.title = `Titel ${EVIL}`.slice(0, 120);
  w.principles[0].title = "Normaal | =1+1";
  w.principles[1].text.meaning = EVIL;
  w.tensions[0].note = "=HYPERLINK(\"http://x\") | b";
  const page = await openPage(env, { storage: workshopFile(w) });
  await header(page).step("Charter");
  // On screen the hostile text is text, not markup.
  assert.equal(await page.locator(".ld-sheet img, .leidraad a[href^='javascript']").count(), 0);
  await page.locator(".ld-sheet-meaning", { hasText: "<img src=x onerror=alert(1)>" }).waitFor();

  const md = await header(page).file.download("Download Markdown");
  assert.match(md.name, /^leidraad-.*\.md$/);
  assert.ok(md.text.includes("\\<img src=x onerror=alert(1)\\>"), "escaped image");
  assert.ok(md.text.includes("\\[x\\](javascript:alert(1))"), "escaped link");
  assert.ok(!/(^|[^\\])<img/.test(md.text) && !/(^|[^\\])\[x\]/.test(md.text));
  assert.ok(md.text.includes("| '\\=HYPERLINK(\"http://x\") \\| b |"), "neutralised formula, escaped pipe");
  assert.ok(md.text.includes("### 1. Normaal \\| =1+1"));

  const json = await header(page).file.download("Download werksessie (JSON)");
  assert.match(json.name, /^leidraad-.*\.json$/);
  const file = JSON.parse(json.text);
  assert.equal(file.format, "leidraad-workshop");
  assert.equal(file.workshop.principles[1].text.meaning, EVIL);
  console.log(`8 principles at every limit: Markdown ${md.bytes} bytes, JSON ${json.bytes} bytes`);

  // A colleague opens it on another laptop (a fresh browser context).
  const other = await openPage(env);
  await header(other).file.choose("#ld-open-file", json.name, json.text);
  await header(other).file.outcome.filter({ hasText: "Het bestand is geopend." }).waitFor();
  const s = await saved(other);
  assert.equal(s.workshop.principles.length, 8);
  assert.equal(s.workshop.setup.title, w.setup.title);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(other.problems, []);
  await page.context().close();
  await other.context().close();
});

test("opening a wrong file says why and changes nothing", async () => {
  const start = clustered(3);
  const page = await openPage(env, { storage: workshopFile(start) });
  const before = await storedText(page);
  const broken = clustered(3);
  broken.cards[0].cluster = "c-weg";
  const newer = JSON.stringify({ format: "leidraad-workshop", version: 99, workshop: {} });
  const cases = [
    ["geen.json", "dit is geen json", /geen JSON/],
    ["ander.json", JSON.stringify({ format: "iets", version: 1, workshop: {} }), /geen werksessie van Leidraad/],
    ["nieuw.json", newer, /nieuwere versie van Leidraad \(versie 99\)/],
    ["kapot.json", workshopFile(broken), /beschadigd: het verwijst naar het cluster/],
    // One byte over the open limit (16 MiB, far above any workshop the app writes).
    ["groot.json", " ".repeat(16 * 1024 * 1024 + 1), /te groot/],
  ];
  const file = header(page).file;
  for (const input of ["#ld-open-file", "#ld-merge-file"]) {
    for (const [name, text, message] of cases) {
      await file.choose(input, name, text);
      const outcome = file.outcome.locator(".ld-notice-error");
      await outcome.waitFor();
      const said = await outcome.textContent();
      assert.match(said, message, `${input} ${name}: ${said}`);
      assert.match(said, /Er is niets veranderd\.$/);
    }
  }
  await shot(page, "files-open-refused-nl");
  // Any save the app scheduled has happened: what is stored is still what was there.
  await settled(page);
  assert.equal(await storedText(page), before, "nothing changed");
  assert.equal(await header(page).undoButton.isDisabled(), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("merging two groups' files gives the union, nothing doubled, and a report", async () => {
  const ours = clustered(3, "a");
  ours.voting.voters = [{ id: "v-a", name: "Tafel A" }];
  ours.voting.votes = [{ voter: "v-a", cluster: "ac-0", dots: 1 }];
  const theirs = clustered(2, "b");
  theirs.voting.voters = [{ id: "v-b", name: "Tafel B" }];
  theirs.voting.votes = [{ voter: "v-b", cluster: "bc-1", dots: 1 }];
  // Both tables also have the shared setup (same ids): no duplicates expected.
  const page = await openPage(env, { storage: workshopFile(ours) });
  const file = header(page).file;
  await file.choose("#ld-merge-file", "tafel-b.json", workshopFile(theirs));
  const report = file.outcome.locator(".ld-notice:not(.ld-notice-error)");
  await report.waitFor();
  assert.match(await report.textContent(), /^Samengevoegd\. Toegevoegd: 1 bron, 2 clusters, 4 kaarten, 1 stemmer\./);
  const s = await saved(page);
  assert.equal(s.workshop.cards.length, 6 + 4);
  assert.equal(s.workshop.clusters.length, 5);
  assert.equal(s.workshop.sources.length, 2);
  assert.equal(s.workshop.setup.groups.length, 3, "groups with the same ids are not doubled");
  assert.equal(s.workshop.voting.votes.length, 2);
  await shot(page, "files-merged-nl");
  // Merging the same file again adds nothing.
  await file.choose("#ld-merge-file", "tafel-b.json", workshopFile(theirs));
  await file.outcome.filter({ hasText: "Er was niets nieuws" }).waitFor();
  assert.equal((await saved(page)).workshop.cards.length, 10);
  await noViolations(page, "file menu open");
  await page.context().close();
});
