// Issue 4 in the browser: suggestions stay suggestions (preview, why, accept = one undoable step,
// reject, manual clusters untouched), and look-alike hints while typing a card.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, shot, axe, goPhase, columnCards, workshopFile } from "./lib.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const texts = [
  "Eigen regie bij de inwoner",
  "Zelfredzaamheid staat voorop",
  "Uitgaan van eigen kracht",
  "Zorg dichtbij, in de wijk",
  "Hulp nabij en in de buurt",
  "Eén gezin, één plan, één regisseur",
  "Integraal werken over domeinen heen",
  "Vroeg erbij zijn: preventie",
];

const seeded = workshopFile({
  setup: { title: "Suggesties", organisation: "", date: "", facilitator: "", outcomes: [], groups: [{ id: "grp-1", name: "Beleid" }] },
  sources: [{ id: "src-1", kind: "data", title: "Lange lijst", notes: "" }],
  cards: [
    ...texts.map((text, i) => ({ id: `card-${i + 1}`, text, source: "src-1", group: "grp-1", cluster: null })),
    { id: "card-99", text: "Lokaal wat lokaal kan", source: "src-1", group: null, cluster: "cl-manual" },
  ],
  clusters: [{ id: "cl-manual", name: "Handmatig" }],
});

test("suggested clusters are a preview with reasons; accepting is one undoable step; manual clusters stay", async () => {
  const page = await openPage(env, { storage: seeded });
  await goPhase(page, "Clusteren");
  await page.getByRole("button", { name: "Stel clusters voor" }).click();
  const proposal = page.locator(".ld-proposal", { hasText: "Zelfredzaamheid" });
  await proposal.waitFor();
  assert.match(await proposal.locator(".ld-why").textContent(), /Wat ze delen:.*eigen kracht/i);
  const members = await proposal.locator(".ld-proposal-cards li").allTextContents();
  assert.ok(members.includes("Eigen regie bij de inwoner") && members.includes("Uitgaan van eigen kracht"), members.join(" | "));
  // Nothing changed yet: all eight cards are still loose.
  assert.equal((await columnCards(page, "Nog niet ingedeeld")).length, 8);
  await shot(page, "10-suggest-preview-nl");
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
  await page.locator(".ld-column h3", { hasText: "Eigen kracht" }).waitFor();
  assert.deepEqual((await columnCards(page, "Eigen kracht")).sort(), members.sort());
  assert.deepEqual(await columnCards(page, "Handmatig"), ["Lokaal wat lokaal kan"]);
  // One undo takes the whole accepted group back.
  await page.getByRole("button", { name: "Ongedaan maken" }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll(".ld-column h3")].some((h) => h.textContent === "Eigen kracht"));
  assert.equal((await columnCards(page, "Nog niet ingedeeld")).length, 8);
  assert.deepEqual(await columnCards(page, "Handmatig"), ["Lokaal wat lokaal kan"]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("typing a card that looks like one already there shows it", async () => {
  const page = await openPage(env, { storage: seeded });
  await goPhase(page, "Verzamelen");
  const box = page.locator(".ld-source").first();
  await box.getByLabel("Nieuw principe op een kaart").fill("De inwoner houdt zelf de regie");
  const hint = box.locator(".ld-lookalike");
  await hint.locator("li").first().waitFor();
  assert.match(await hint.textContent(), /Lijkt op een kaart die er al is:.*Eigen regie bij de inwoner/);
  await shot(page, "11-lookalike-nl");
  await box.getByLabel("Nieuw principe op een kaart").fill("Veiligheid gaat altijd voor");
  await page.waitForFunction(() => document.querySelectorAll(".ld-source .ld-lookalike li").length === 0);
  await page.context().close();
});
