// Na het charter, the set in practice (file format version 3): owners and the adoption route
// (shown on the charter once adopted), actions from the implications (overdue ones marked; CSV
// formula-safe and Markdown; by keyboard and by touch), the results monitor per outcome, and the
// guided evaluation after a year with its one-page summary printed to PDF. axe-core in Dutch and
// English on every new tab; screenshots.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { appServer, openPage, shot, saved, workshopFile, OUT, noViolations, header, afterCharter, pdfInfo, workshops } from "./lib.mjs";

const env = appServer();

/** Five principles serving two outcomes, with implications, finished (a version 1 file: the
 *  app migrates it). */
function finishedSet() {
  const w = workshops.fivePrinciples();
  w.setup.outcomes = [
    { id: "o-1", text: "Inwoners doen mee in hun buurt" },
    { id: "o-2", text: "Minder inwoners hebben zware zorg nodig" },
  ];
  w.principles[0].outcome = "o-1";
  w.principles[1].outcome = "o-2";
  w.principles[1].text.access = "Het wijkteam is bereikbaar zonder verwijzing.";
  w.finalised = { reason: null };
  return w;
}

/** A version 3 file with something in every part after the workshop. */
function inPractice() {
  const w = finishedSet();
  w.after = {
    options: [], assessments: [], congruence: [], whispers: [], versions: [], evaluation_date: "2027-03-12",
    owners: [{ principle: "p-1", owner: "Wethouder Jansen", ambassadors: ["Anna", "Bram"] }],
    adoption: { by: "council", planned: "2026-05-01", decided: "2026-06-15", reference: "RB 2026/42" },
    tasks: [
      { id: "act-1", principle: "p-1", implication: "offer", who: "Team Zuid", what: "Klussendienst starten", due: "2026-09-01", status: "done" },
      { id: "act-2", principle: "p-2", implication: "access", who: "Wijkteam", what: "Inloopspreekuur in de bibliotheek", due: "2020-01-01", status: "busy" },
      { id: "act-3", principle: "p-4", implication: "procurement", who: "Inkoop", what: "Contracten belonen preventie", due: "2099-12-31", status: "open" },
    ],
    indicators: [
      { id: "ind-1", outcome: "o-1", name: "Inwoners die vrijwilligerswerk doen", source: "CBS", baseline: "28 %", baseline_date: "2026-01-01", target: "32 %", measured: "", measured_date: "" },
      { id: "ind-2", outcome: "o-2", name: "Inwoners met een indicatie voor zware zorg", source: "Monitor sociaal domein", baseline: "4,1 %", baseline_date: "2026-01-01", target: "3,5 %", measured: "3,9 %", measured_date: "2027-01-01" },
      { id: "ind-3", outcome: "o-2", name: "Cliënten die zich gehoord voelen", source: "Cliëntervaringsonderzoek", baseline: "71 %", baseline_date: "2026-01-01", target: "80 %", measured: "", measured_date: "" },
    ],
    assumptions: [], evaluation: { held: "", decision: null, note: "" },
  };
  return JSON.stringify({ format: "leidraad-workshop", version: 3, workshop: w });
}

test("owners and ambassadors per principle, and the adoption on the charter", async () => {
  const page = await openPage(env, { storage: workshopFile(finishedSet()) });
  const { open: toAfterPage, back, tab } = afterCharter(page);
  await toAfterPage();
  await tab("Eigenaren en besluit");
  const owner = page.locator("#ld-owner-1");
  await owner.fill("Wethouder Jansen");
  await owner.press("Tab");
  const ambassadors = page.locator("#ld-ambassadors-1");
  await ambassadors.fill("Anna, Bram , , Anna");
  await ambassadors.press("Tab");
  let file = await saved(page, (f) => f.workshop.after.owners?.[0]?.ambassadors?.length === 2);
  assert.equal(file.version, 4);
  assert.deepEqual(file.workshop.after.owners, [{ principle: "p-1", owner: "Wethouder Jansen", ambassadors: ["Anna", "Bram"] }]);
  assert.equal(await page.locator("#ld-ambassadors-1").inputValue(), "Anna, Bram");

  await page.locator("#ld-adoption-by").selectOption("college");
  await page.locator("#ld-adoption-planned").fill("2027-02-01");
  await page.locator("#ld-adoption-decided").fill("2027-03-12");
  await page.locator("#ld-adoption-reference").fill("2027/123");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  const line = "Vastgesteld door het college op 12 maart 2027 (kenmerk 2027/123).";
  await page.locator(".ld-adoption-line", { hasText: line }).waitFor();
  file = await saved(page, (f) => f.workshop.after.adoption?.decided === "2027-03-12");
  assert.deepEqual(file.workshop.after.adoption, { by: "college", planned: "2027-02-01", decided: "2027-03-12", reference: "2027/123" });
  await shot(page, "after-owners-nl");
  await noViolations(page, "eigenaren en besluit (nl)");

  // The charter says who adopted it, instead of who still has to.
  await back();
  await header(page).step("Charter");
  const adopt = page.locator(".ld-sheet-adopt");
  await adopt.waitFor();
  assert.match(await adopt.innerText(), /Vastgesteld door het college op 12 maart 2027 \(kenmerk 2027\/123\)\./);
  assert.doesNotMatch(await adopt.innerText(), /moet de set nog vaststellen/);
  await shot(page, "charter-adopted-nl");

  await toAfterPage();
  await page.getByRole("button", { name: "Switch to English" }).click();
  await tab("Owners and adoption");
  assert.match(await page.locator(".ld-adoption-line").innerText(), /Adopted by the municipal executive on 12 March 2027 \(reference 2027\/123\)\./);
  await noViolations(page, "owners and adoption (en)");
  await shot(page, "after-owners-en");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("actions from the implications: keyboard, overdue, status, CSV and Markdown", async () => {
  const page = await openPage(env, { storage: workshopFile(finishedSet()) });
  const { open: toAfterPage, tab, downloadBy } = afterCharter(page);
  await toAfterPage();
  await tab("Acties");
  // What the chosen implication asks is shown beside the form.
  await page.locator("#ld-task-principle").selectOption("p-2");
  await page.locator("#ld-task-implication").selectOption("access");
  assert.match(await page.locator("#ld-task-asks").innerText(), /bereikbaar zonder verwijzing/);
  // By keyboard: type, Tab on to who, Enter submits.
  await page.locator("#ld-task-due").fill("2020-01-01");
  await page.locator("#ld-task-what").focus();
  await page.keyboard.type("=HYPERLINK(\"http://x\")");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "ld-task-who");
  await page.keyboard.type("Wijkteam");
  await page.keyboard.press("Enter");
  await page.locator(".ld-task").first().waitFor();
  assert.equal(await page.locator("#ld-task-1-what").inputValue(), "=HYPERLINK(\"http://x\")");
  assert.equal(await page.locator("#ld-task-what").inputValue(), "", "the form is empty for the next one");
  // A second one, later.
  await page.locator("#ld-task-principle").selectOption("p-1");
  await page.locator("#ld-task-what").fill("Klussendienst starten");
  await page.locator("#ld-task-due").fill("2099-12-31");
  await page.getByRole("button", { name: "Actie toevoegen" }).click();
  await page.locator(".ld-task").nth(1).waitFor();
  // The list follows the charter's order: the new one for the first principle comes first.
  assert.equal(await page.locator("#ld-task-1-what").inputValue(), "Klussendienst starten");
  // The one from 2020 is overdue.
  const late = page.locator(".ld-task.ld-task-late");
  assert.equal(await late.count(), 1);
  assert.match(await late.innerText(), /Zorg dichtbij · Toegang\s+Te laat/);
  assert.match(await page.locator(".ld-task-counts").innerText(), /Open 2 · Bezig 0 · Klaar 0 · Te laat 1/);
  await shot(page, "after-actions-nl");
  await noViolations(page, "acties (nl)");

  const csv = await downloadBy("Download CSV");
  assert.match(csv.name, /^acties-leidende-principes-sociaal-domein\.csv$/);
  assert.ok(csv.text.includes("'=HYPERLINK"), csv.text);
  assert.ok(!/(^|;)=HYPERLINK/m.test(csv.text), "no cell starts with =");
  assert.ok(csv.text.includes("Open — te laat"), csv.text);
  const md = await downloadBy("Download Markdown");
  assert.ok(md.text.includes("| Zorg dichtbij | Toegang | Wijkteam | '\\=HYPERLINK(\"http://x\") | 1 januari 2020 | Open — te laat |"), md.text);

  // Done: no longer overdue.
  await page.locator("#ld-task-2-status").selectOption("done");
  await page.locator(".ld-task-done", { hasText: "Zorg dichtbij" }).waitFor();
  assert.equal(await late.count(), 0);
  const file = await saved(page, (f) => f.workshop.after.tasks?.some((t) => t.status === "done"));
  assert.deepEqual(file.workshop.after.tasks.map((t) => [t.principle, t.implication, t.due, t.status]), [["p-2", "access", "2020-01-01", "done"], ["p-1", "access", "2099-12-31", "open"]]);

  await page.getByRole("button", { name: "Switch to English" }).click();
  await tab("Actions");
  await noViolations(page, "actions (en)");
  await shot(page, "after-actions-en");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an action by touch on a phone", async () => {
  const page = await openPage(env, { viewport: { width: 390, height: 844 }, hasTouch: true, storage: workshopFile(finishedSet()) });
  const { open: toAfterPage } = afterCharter(page);
  await toAfterPage();
  await page.getByRole("tab", { name: "Acties" }).tap();
  await page.locator("#ld-task-what").tap();
  await page.locator("#ld-task-what").fill("Buurtkamer openen");
  await page.getByRole("button", { name: "Actie toevoegen" }).tap();
  await page.locator(".ld-task").first().waitFor();
  assert.equal(await page.locator("#ld-task-1-what").inputValue(), "Buurtkamer openen");
  await page.locator("#ld-task-1-status").selectOption("busy");
  await saved(page, (f) => f.workshop.after.tasks?.[0]?.status === "busy");
  // Nothing wider than the phone.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scrolling");
  await shot(page, "after-actions-touch-nl");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the results monitor and the guided evaluation after a year, printed on one page", async () => {
  const page = await openPage(env, { storage: inPractice() });
  const { open: toAfterPage, tab } = afterCharter(page);
  await toAfterPage();

  // --- Results monitor: an indicator for an outcome.
  await tab("Resultaten volgen");
  await page.locator("#ld-indicator-outcome").selectOption("o-1");
  await page.locator("#ld-indicator-name").fill("Inwoners die hun buren kennen");
  await page.locator("#ld-indicator-source").fill("Buurtmonitor");
  await page.locator("#ld-indicator-baseline").fill("54 %");
  await page.locator("#ld-indicator-baseline-date").fill("2026-02-01");
  await page.locator("#ld-indicator-target").fill("60 %");
  await page.getByRole("button", { name: "Indicator toevoegen" }).click();
  const first = page.locator(".ld-monitor-outcome").first();
  await first.locator("tr", { hasText: "Inwoners die hun buren kennen" }).waitFor();
  assert.match(await first.innerText(), /Principes die hieraan bijdragen: Zo lang mogelijk zelfstandig thuis/);
  assert.match(await first.innerText(), /54 % \(1 februari 2026\)/);
  await shot(page, "after-monitor-nl");
  await noViolations(page, "resultaten volgen (nl)");

  // --- The evaluation: the steps in order.
  await tab("Evaluatie na een jaar");
  const steps = page.locator(".ld-eval-steps > li h3");
  assert.deepEqual(await steps.allInnerTexts(), [
    "1. Resultaten naast de nulmeting",
    "2. Doen we wat we zeggen? (congruentie)",
    "3. Komt het waarom aan? (doorfluister-check)",
    "4. Hoe staan de acties ervoor?",
    "5. Blijft de set, of komt er een versie 2.0?",
  ]);
  const measure = page.locator("#ld-measure-1");
  await measure.fill("30 %");
  await measure.press("Tab");
  await page.locator("#ld-measure-1-date").fill("2027-02-01");
  await page.locator("#ld-measure-1-date").press("Tab");
  await saved(page, (f) => f.workshop.after.indicators[0].measured_date === "2027-02-01");
  // The policy theory's assumption, asked again.
  const first_ = page.locator(".ld-eval-assumption").first();
  assert.match(await first_.innerText(), /Omdat we aannemen dat mensen gezonder/);
  assert.match(await first_.innerText(), /Inwoners doen mee in hun buurt · Inwoners die vrijwilligerswerk doen/);
  await page.locator("#ld-assume-1").selectOption("partly");
  const note = page.locator("#ld-assume-1-note");
  await note.fill("Buren helpen, maar minder dan gedacht");
  await note.press("Tab");
  await saved(page, (f) => f.workshop.after.assumptions[0]?.note === "Buren helpen, maar minder dan gedacht");
  // The actions' standing: the one from 2020 is overdue.
  assert.match(await page.locator(".ld-eval-late").innerText(), /Te laat Zorg dichtbij — Inloopspreekuur in de bibliotheek \(1 januari 2020\)/);
  // Step 2 opens the congruence check; back again.
  await page.getByRole("button", { name: "Beantwoord de vragen opnieuw" }).click();
  await page.getByRole("tab", { name: "Doen we wat we zeggen? (congruentie)", selected: true }).waitFor();
  await tab("Evaluatie na een jaar");
  // The decision.
  await page.locator("#ld-eval-held").fill("2027-03-12");
  await page.getByLabel("We maken een nieuwe versie (2.0)").check();
  await page.locator("#ld-eval-note").fill("Preventie krijgt een eigen principe.");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  const file = await saved(page, (f) => f.workshop.after.evaluation?.decision === "revise");
  assert.deepEqual(file.workshop.after.evaluation, { held: "2027-03-12", decision: "revise", note: "Preventie krijgt een eigen principe." });
  await page.getByRole("button", { name: "Sla de huidige set op als versie" }).waitFor();

  const sheet = page.locator(".ld-eval-sheet");
  const summary = await sheet.innerText();
  assert.match(summary, /Evaluatie van de leidende principes — Leidende principes Sociaal Domein/);
  assert.match(summary, /Inwoners die vrijwilligerswerk doen\s+28 % \(1 januari 2026\)\s+30 % \(1 februari 2027\)\s+32 %/);
  assert.match(summary, /Zo lang mogelijk zelfstandig thuis: Deels/);
  assert.match(summary, /Open 1 · Bezig 1 · Klaar 1 · Te laat 1/);
  assert.match(summary, /We maken een nieuwe versie \(2\.0\) — Preventie krijgt een eigen principe\./);
  await shot(page, "after-evaluation-nl");
  await noViolations(page, "evaluatie (nl)");

  // One printed page.
  const pdf = path.join(OUT, "after-evaluation.pdf");
  await page.emulateMedia({ media: "print" });
  await shot(page, "after-evaluation-print");
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  await page.emulateMedia({ media: "screen" });
  const info = pdfInfo(pdf);
  assert.equal(info.pages, 1, JSON.stringify(info));

  // Step 5 leads to Versions, where 2.0 is saved.
  await page.getByRole("button", { name: "Sla de huidige set op als versie" }).click();
  await page.getByRole("tab", { name: "Versies", selected: true }).waitFor();

  // English.
  await page.getByRole("button", { name: "Switch to English" }).click();
  for (const [name, shotName] of [["Results monitor", "monitor"], ["Evaluation after a year", "evaluation"]]) {
    await tab(name);
    await noViolations(page, `${name} (en)`);
    await shot(page, `after-${shotName}-en`);
  }
  assert.match(await page.locator(".ld-eval-sheet").innerText(), /Open 1 · In progress 1 · Done 1 · Overdue 1/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
