// Step 4, Kiezen (choose): dot voting in turns, the ranked result, promoting clusters to
// principles, the 5–8 status, and the tension matrix.

/** The choose step in `page` (Dutch labels). */
export function choose(page) {
  const ranked = page.locator(".ld-ranked");
  return {
    /** Sets the dots per voter and the most dots on one cluster. */
    async rules(dots, max) {
      await page.getByLabel(/^Stippen per stemmer/).fill(String(dots));
      await page.getByLabel(/^Hoogstens zoveel stippen/).fill(String(max));
      await page.getByRole("button", { name: "Regels opslaan" }).click();
    },
    /** Makes the groups at the table the voters. */
    groupsVote: () => page.getByRole("button", { name: "De groepen aan tafel laten stemmen" }).click(),
    turn: (name) => page.getByLabel("Wie is aan de beurt?").selectOption({ label: name }),
    /** The "give a dot" button of a cluster. */
    give: (cluster) => page.getByRole("button", { name: `Stip geven: ${cluster}` }),
    nextVoter: () => page.getByRole("button", { name: "Volgende stemmer" }).click(),
    reveal: () => page.getByRole("button", { name: "Uitslag tonen" }).click(),
    /** The cluster names in the ranked result, best first. */
    rankedNames: () => ranked.locator(".ld-ranked-name").allTextContents(),
    rankedRows: page.locator(".ld-ranked-row"),
    promote: (name) => ranked.getByRole("button", { name: `Maak er een principe van: ${name}` }).click(),
    /** The plain-words status of the chosen set (5 to 8). */
    status: page.locator(".ld-chosen .ld-set-status"),
    tensions: page.getByRole("table", { name: "Spanningen tussen de principes" }),
    tensionList: page.locator(".ld-tension-list li"),
    /** The turn's recognition radio of a cluster: "Sterk", "Een beetje" or "Niet". */
    recognise: (cluster, level) =>
      page.getByRole("group", { name: `Herkent u dit? ${cluster}` }).getByRole("radio", { name: level, exact: true }),
    /** The dots and recognition split by group (shown once the result is revealed). */
    split: page.getByRole("table", { name: "Stippen en herkenning per groep" }),
    /** The plain notes that one group gave more than half. */
    dominance: page.locator(".ld-results .ld-split-note"),
  };
}
