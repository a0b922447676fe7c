// Step 1, Voorbereiden (set up): the session's title, organisation, facilitator, the intended
// societal outcomes and the groups at the table.

/** The set-up step in `page` (Dutch labels). */
export function setup(page) {
  /** Types into a field and leaves it: leaving commits the text as one change. */
  const set = async (label, value) => {
    await page.getByLabel(label).fill(value);
    await page.getByLabel(label).press("Tab");
  };
  return {
    title: page.getByLabel("Titel van de werksessie"),
    setTitle: (text) => set("Titel van de werksessie", text),
    setOrganisation: (text) => set(/^Organisatie/, text),
    setFacilitator: (text) => set(/^Begeleider/, text),
    async addOutcome(text) {
      await page.getByLabel("Nieuw resultaat").fill(text);
      await page.getByRole("button", { name: "Resultaat toevoegen" }).click();
    },
    /** Adds a group and waits until it is in the list. */
    async addGroup(name) {
      await page.getByLabel("Nieuwe groep").fill(name);
      await page.getByRole("button", { name: "Groep toevoegen" }).click();
      await page.waitForFunction((g) => [...document.querySelectorAll(".ld-plain-list input")].some((i) => i.value === g), name);
    },
    /** The names of the groups in the list. */
    groups: () => page.locator(".ld-plain-list input[id^='ld-group-']").evaluateAll((els) => els.map((e) => e.value)),
  };
}
