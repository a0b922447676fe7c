// Step 7, after the charter (its own page). The meetlat (options, verdicts, summary, sorting, CSV with
// formula injection escaped, one printed page), congruence gaps, the doorfluister-check (a close
// and a far answer from two layers), versions 1.0 and 2.0 compared, the evaluation date;
// keyboard tabs; axe in Dutch and English; screenshots.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { appServer, openPage, shot, saved, workshopFile, OUT, noViolations, header, concretise, afterCharter, pdfInfo, workshops } from "./lib.mjs";

const env = appServer();

test("a municipality weighs options, checks congruence and whispers, and publishes 2.0", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.fivePrinciples()) });
  const { open: toAfterPage, back, tab, downloadBy, addOption, saveVersion } = afterCharter(page);
  await toAfterPage();
  await page.getByRole("tab", { name: "Past deze keuze? (meetlat)", selected: true }).waitFor();

  // --- Meetlat: two options, verdicts with reasons.
  await addOption("=SUM(1)", "€ 100.000", "Een formule als titel");
  await addOption("Wijkteams samenvoegen", "€ 400.000");
  const verdicts = [["in_line", "obstructing", "in_line", "neutral", ""], ["obstructing", "obstructing", "neutral", "in_line", "obstructing"]];
  for (let o = 0; o < 2; o++) {
    for (let p = 0; p < 5; p++) {
      if (verdicts[o][p]) await page.locator(`#ld-opt-${o + 1}-v-${p + 1}`).selectOption(verdicts[o][p]);
    }
  }
  const reason = page.locator("#ld-opt-2-r-2");
  await reason.fill("Verder weg van inwoners");
  await reason.press("Tab"); // leaving the field saves it: one undo step
  await page.locator(".ld-option", { hasText: "Wijkteams samenvoegen" }).locator(".ld-option-summary").waitFor();
  assert.match(await page.locator(".ld-option").nth(0).locator(".ld-option-summary").innerText(), /In lijn 2 · Belemmerend 1 · Neutraal 1 · Open 1 · Score \+1/);
  assert.match(await page.locator(".ld-option").nth(1).locator(".ld-option-summary").innerText(), /In lijn 1 · Belemmerend 3 · Neutraal 1 · Open 0 · Score -2/);
  assert.equal(await page.locator("#ld-opt-1-r-5").isDisabled(), true, "no reason without a verdict");

  // Sorting: score (highest first), then amount (biggest first), by keyboard.
  const firstRow = () => page.locator(".ld-overview-table tbody tr").first().locator("th").innerText();
  await page.getByRole("button", { name: "Sorteer op score" }).click();
  assert.match(await firstRow(), /=SUM\(1\)/);
  await page.getByRole("button", { name: "Sorteer op score" }).press("Enter");
  assert.match(await firstRow(), /Wijkteams samenvoegen/);
  assert.equal(await page.locator("th[aria-sort]").getAttribute("aria-sort"), "ascending");
  await page.getByRole("button", { name: "Sorteer op bedrag" }).click();
  assert.match(await firstRow(), /Wijkteams samenvoegen/, "€ 400.000 before € 100.000");
  await shot(page, "after-yardstick-nl");

  // CSV: the formula is neutralised; Markdown escapes.
  const csv = await downloadBy("Download CSV");
  assert.match(csv.name, /^meetlat-leidende-principes-sociaal-domein\.csv$/);
  assert.ok(csv.text.includes("'=SUM(1)"), csv.text);
  assert.ok(!/(^|;)=SUM/m.test(csv.text), "no cell starts with =");
  assert.ok(csv.text.includes("Verder weg van inwoners"));
  const md = await downloadBy("Download Markdown");
  assert.ok(md.text.includes("| '\\=SUM(1) | € 100.000 | 2 | 1 | 1 | 1 | +1 |"), md.text);

  // One printed page for the overview.
  const pdf = path.join(OUT, "after-yardstick.pdf");
  await page.emulateMedia({ media: "print" });
  await shot(page, "after-yardstick-print");
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  await page.emulateMedia({ media: "screen" });
  const info = pdfInfo(pdf);
  assert.equal(info.pages, 1, JSON.stringify(info));
  await noViolations(page, "meetlat (nl)");

  // --- Congruentie, reached by keyboard (arrow keys move between tabs).
  await page.getByRole("tab", { name: "Past deze keuze? (meetlat)" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.getByRole("tab", { name: "Doen we wat we zeggen? (congruentie)", selected: true }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), "ld-tab-congruence");
  await page.locator("#ld-cong-vision-1-a").selectOption("yes");
  await page.locator("#ld-cong-organisation-1-a").selectOption("no");
  const note = page.locator("#ld-cong-organisation-1-n");
  await note.fill("Contracten belonen productie, niet preventie");
  await note.press("Tab");
  await page.locator("#ld-cong-practice-2-a").selectOption("partly");
  const gaps = page.locator(".ld-gap-table");
  await gaps.waitFor();
  const gapText = await gaps.innerText();
  assert.match(gapText, /Passen inkoop en contracten bij het principe\?/);
  assert.match(gapText, /Contracten belonen productie, niet preventie/);
  assert.match(gapText, /Merken inwoners iets van het principe\?/);
  assert.doesNotMatch(gapText, /Staat het principe in de visie/, "a yes is no gap");
  assert.match(await page.locator(".ld-gap-counts").innerText(), /Ja: 1 · Deels: 1 · Nee: 1 · Nog niet beantwoord: 42/);
  await shot(page, "after-congruence-nl");
  await noViolations(page, "congruentie (nl)");

  // --- Doorfluister-check: a close answer from the board, a far one from practice.
  await tab("Komt het waarom aan? (doorfluister-check)");
  await page.locator("#ld-why-layer").selectOption("board");
  await page.locator("#ld-why-author").fill("Wethouder");
  await page.locator("#ld-why-text").fill("Zodat inwoners langer zelfstandig thuis kunnen wonen, met steun van buren en hun eigen netwerk.");
  await page.getByRole("button", { name: "Antwoord toevoegen" }).click();
  await page.locator("#ld-why-layer").selectOption("practice");
  await page.locator("#ld-why-text").fill("Om geld te besparen op de begroting van de gemeente.");
  await page.getByRole("button", { name: "Antwoord toevoegen" }).click();
  // Blind by default: nothing to compare with until the box is unticked.
  assert.equal(await page.locator(".ld-whisper").count(), 0);
  assert.equal(await page.locator(".ld-stated-why").count(), 0);
  await page.getByLabel("Verberg de antwoorden zolang mensen nog schrijven").uncheck();
  const close = page.locator(".ld-whisper", { hasText: "Wethouder" });
  const far = page.locator(".ld-whisper", { hasText: "Om geld te besparen" });
  await far.waitFor();
  assert.match(await close.getAttribute("class"), /ld-band-kept/);
  assert.match(await close.innerText(), /Lijkt op het waarom/);
  assert.match(await far.getAttribute("class"), /ld-band-lost/);
  assert.match(await far.innerText(), /Lijkt niet op het waarom/);
  assert.doesNotMatch(await far.innerText(), /\d+%/, "a hint, not a score");
  assert.match(await far.innerText(), /Ontbreekt: .*zelfstandig/);
  const perLayer = await page.locator(".ld-per-layer").innerText();
  assert.match(perLayer, /Bestuur\s+1/);
  const whyMd = await downloadBy("Download Markdown");
  assert.ok(whyMd.text.includes("Lijkt niet op het waarom") && whyMd.text.includes("| Uitvoering |"), whyMd.text);
  await shot(page, "after-whispers-nl");
  await noViolations(page, "doorfluister-check (nl)");
  // Hiding the answers while people write (turns on one laptop).
  await page.getByLabel("Verberg de antwoorden zolang mensen nog schrijven").check();
  assert.equal(await page.locator(".ld-whisper").count(), 0);
  await page.getByLabel("Verberg de antwoorden zolang mensen nog schrijven").uncheck();

  // --- Versions: save 1.0, reword a principle, save 2.0, compare.
  await tab("Versies");
  await saveVersion("1.0", "2026-03-12");
  await back();
  await header(page).step("Concretiseren");
  const title = concretise(page).field(/^Korte titel/);
  await title.fill("Zelfstandig thuis, zo lang het kan");
  await title.press("Tab");
  await toAfterPage();
  await tab("Versies");
  await saveVersion("2.0", "2027-03-12");
  const v2 = (await saved(page)).workshop.after.versions.find((v) => v.name === "2.0");
  await page.locator("#ld-compare-b").selectOption(v2.id);
  const reworded = page.locator(".ld-diff-reworded");
  assert.match(await reworded.innerText(), /Anders verwoord \(1\)/);
  assert.match(await reworded.innerText(), /Zo lang mogelijk zelfstandig thuis/);
  assert.match(await reworded.innerText(), /Zelfstandig thuis, zo lang het kan/);
  assert.match(await page.locator(".ld-diff-unchanged h4").innerText(), /Ongewijzigd \(4\)/);
  const cmp = await downloadBy("Download Markdown");
  assert.ok(cmp.text.includes("## Anders verwoord (1)") && cmp.text.includes("Principe was: Zo lang mogelijk zelfstandig thuis"), cmp.text);
  // Plan the evaluation a year after the last version.
  await page.getByRole("button", { name: /Over een jaar na de laatste versie/ }).click();
  await page.locator(".ld-eval-on").waitFor();
  assert.match(await page.locator(".ld-eval-on").innerText(), /Evaluatie gepland op 12 maart 2028/);
  const file = await saved(page);
  assert.equal(file.version, 4);
  assert.equal(file.workshop.after.evaluation_date, "2028-03-12");
  assert.equal(file.workshop.after.options.length, 2);
  assert.equal(file.workshop.after.whispers.length, 2);
  assert.equal(file.workshop.after.congruence.length, 3);
  await shot(page, "after-versions-nl");
  await noViolations(page, "versies (nl)");

  // --- English: every tab, no violations.
  await page.getByRole("button", { name: "Switch to English" }).click();
  for (const [name, shotName] of [["Does this choice fit? (yardstick)", "yardstick"], ["Do we do what we say? (congruence)", "congruence"], ["Does the why get through? (whisper check)", "whispers"], ["Versions", "versions"]]) {
    await tab(name);
    await noViolations(page, `${name} (en)`);
    await shot(page, `after-${shotName}-en`);
  }
  assert.match(await page.locator(".ld-tab-panel").innerText(), /Reworded \(1\)/);
  // Undo goes back one edit at a time (the evaluation date first).
  await page.getByRole("button", { name: /Undo/ }).click();
  assert.equal((await saved(page, (f) => f.workshop.after.evaluation_date === "")).workshop.after.evaluation_date, "");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a refused whisper is not called saved, and its text stays to be shortened", async () => {
  const page = await openPage(env, { storage: workshopFile(workshops.fivePrinciples()) });
  const { open: toAfterPage, tab } = afterCharter(page);
  await toAfterPage();
  await tab("Komt het waarom aan? (doorfluister-check)");
  await page.locator("#ld-why-author").fill("Wethouder");
  await page.locator("#ld-why-text").fill("w".repeat(601));
  await page.getByRole("button", { name: "Antwoord toevoegen" }).click();
  const notices = header(page).notices;
  await page.locator(".ld-notice-error").waitFor();
  assert.doesNotMatch((await notices.allTextContents()).join(" | "), /Antwoord opgeslagen/);
  assert.equal((await page.locator("#ld-why-text").inputValue()).length, 601);
  assert.equal(await page.locator("#ld-why-author").inputValue(), "Wethouder");
  await page.getByLabel("Verberg de antwoorden zolang mensen nog schrijven").uncheck();
  assert.equal(await page.locator(".ld-whisper").count(), 0);
  // Shortened, it is saved, said so once it is there, and the form is empty for the next person.
  await page.locator("#ld-why-text").fill("Zodat inwoners thuis kunnen blijven wonen.");
  await page.getByRole("button", { name: "Antwoord toevoegen" }).click();
  await notices.filter({ hasText: /Antwoord opgeslagen/ }).waitFor();
  await page.locator(".ld-whisper", { hasText: "Wethouder" }).waitFor();
  assert.equal(await page.locator("#ld-why-text").inputValue(), "");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
