// Step 5, Concretiseren (make concrete): one principle at a time, every field with a counter,
// the cards it came from.

/** The concretise step in `page` (Dutch labels). */
export function concretise(page) {
  return {
    /** Chooses a principle in the list of principles. */
    pick: (title) => page.getByRole("navigation", { name: "Kies een principe" }).getByRole("button", { name: title }).click(),
    meaning: page.getByLabel(/^Wat bedoelen we/),
    field: (label) => page.getByLabel(label),
    /** Goes to the next principle and waits until its form shows `title`. */
    async next(title) {
      await page.getByRole("button", { name: /Volgende/ }).first().click();
      if (title) await page.locator(".ld-principle-form h3", { hasText: title }).waitFor();
    },
    /** Where the principle comes from: its cards with source and group. */
    provenance: page.locator(".ld-provenance"),
  };
}
