// Step 7, Na het charter (after the charter), its own page: the yardstick (meetlat), the
// congruence check, the doorfluister-check (whispers) and versions, as tabs.
import { download } from "../lib.mjs";

/** The after-the-charter page in `page` (Dutch labels). */
export function afterCharter(page) {
  return {
    /** Follows the step-bar link from the workshop to this page. */
    async open() {
      await page.getByRole("link", { name: /Na het charter/ }).click();
      await page.waitForSelector('.leidraad[data-phase="after"] .ld-header');
    },
    /** Follows the link back to the workshop. */
    async back() {
      await page.getByRole("link", { name: /Terug naar de werksessie/ }).click();
      await page.waitForSelector(".leidraad .ld-header");
    },
    async tab(name) {
      await page.getByRole("tab", { name }).click();
      await page.waitForSelector(`.ld-tab-panel`);
    },
    /** Downloads through the first button with exactly this name; kept as after-<name>. */
    downloadBy: (name) => download(page, () => page.getByRole("button", { name, exact: true }).first().click(), { prefix: "after-" }),
    /** Adds a budget option to the yardstick. */
    async addOption(title, amount, description = "") {
      await page.locator("#ld-option-title").fill(title);
      await page.locator("#ld-option-amount").fill(amount);
      if (description) await page.locator("#ld-option-description").fill(description);
      await page.getByRole("button", { name: "Optie toevoegen" }).click();
      await page.locator(".ld-option h3", { hasText: title }).first().waitFor();
    },
    /** Saves a version with a name and date. */
    async saveVersion(name, date) {
      await page.locator("#ld-version-name").fill(name);
      await page.locator("#ld-version-date").fill(date);
      await page.getByRole("button", { name: "Versie opslaan" }).click();
      await page.locator(".ld-version-list li", { hasText: name }).waitFor();
    },
  };
}
