// Step 2, Verzamelen (collect): sources (case, data, appreciative example) with the candidate
// principles on cards, look-alike hints while typing, and the inspiration library.
import { header } from "./header.mjs";

/** The collect step in `page` (Dutch labels). */
export function collect(page) {
  const source = (title) => page.locator(".ld-source", { has: page.locator("h3", { hasText: title }) });
  return {
    /** The box of the source with this title. */
    source,
    /** Adds a source of a kind ("Situatie" | "Gegevens" | "Goed voorbeeld"). */
    async addSource(kind, title, notes = "") {
      await page.getByRole("radio", { name: new RegExp(`^${kind}`) }).check();
      await page.getByLabel("Titel", { exact: true }).fill(title);
      if (notes) await page.getByLabel(/^Aantekeningen/).fill(notes);
      await page.locator(".ld-new-source").getByRole("button", { name: "Toevoegen" }).click();
      await page.locator(".ld-source h3", { hasText: title }).first().waitFor();
    },
    /** Adds a card under the source with this title, optionally as a group. */
    async addCard(sourceTitle, text, group) {
      const box = source(sourceTitle);
      await box.getByLabel("Nieuwe kaart").fill(text);
      if (group) await box.getByLabel("Geschreven door").selectOption({ label: group });
      await box.getByRole("button", { name: "Kaart toevoegen" }).click();
      await box.locator(".ld-card-row", { hasText: text }).first().waitFor();
    },
    /** Goes to the step and collects three sources of the three kinds with four cards, each
     *  written by another of the default groups. */
    async fourCards() {
      await header(page).step("Verzamelen");
      await this.addSource("Situatie", "Gezin met schulden en zorgen", "Vader werkt, moeder mantelzorger.");
      await this.addCard("Gezin met schulden", "Eén gezin, één plan, één regisseur", "Uitvoering");
      await this.addCard("Gezin met schulden", "Eigen regie bij de inwoner", "Inwoners");
      await this.addSource("Gegevens", "Cijfers jeugdhulp 2025");
      await this.addCard("Cijfers jeugdhulp", "Normaliseren: niet alles is een probleem", "Beleid");
      await this.addSource("Goed voorbeeld", "Buurtteam Noord");
      await this.addCard("Buurtteam Noord", "Zorg dichtbij, in de wijk", "Maatschappelijke partners");
    },
    /** Types a card's text under a source without adding it. */
    typeCard: (box, text) => box.getByLabel("Nieuwe kaart").fill(text),
    /** Presses "Kaart toevoegen" under a source (whatever happens next). */
    pressAddCard: (box) => box.getByRole("button", { name: "Kaart toevoegen" }).click(),
    library: {
      toggle: page.getByRole("button", { name: "Bekijk de inspiratie" }),
      search: page.getByLabel("Zoek in de inspiratie"),
      count: page.locator("#ld-library-count"),
      items: page.locator(".ld-library-item"),
    },
  };
}
