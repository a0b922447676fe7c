// The header, on every step: the step bar, undo/redo, the language, the "Bestand" (file) menu,
// the "Dit apparaat" (device) menu, the live region and the notices.
import { download } from "../lib.mjs";

/** The header of the app in `page`. */
export function header(page) {
  const fileMenu = page.locator(".ld-file-menu");
  const device = page.locator(".ld-device");
  return {
    /** Goes to a step by its button in the step bar (Dutch or English name). */
    async step(name) {
      await page.getByRole("navigation").getByRole("button", { name: new RegExp(name) }).click();
      await page.waitForSelector(".leidraad .ld-phase");
    },
    /** The names of the steps in the step bar, without their numbers. */
    async steps() {
      const texts = await page.getByRole("navigation").getByRole("button").allTextContents();
      return texts.map((s) => s.replace(/^\d+/, "").trim());
    },
    /** The slug of the step on screen (`data-phase`). */
    phase: () => page.locator(".leidraad").getAttribute("data-phase"),
    undoButton: page.getByRole("button", { name: "Ongedaan maken" }),
    undo: () => page.getByRole("button", { name: "Ongedaan maken" }).click(),
    /** Switches the interface to English and waits until it is. */
    async toEnglish() {
      await page.getByRole("button", { name: "Switch to English" }).click();
      await page.locator(".leidraad[lang=en]").waitFor();
    },
    /** What the aria-live region says now. */
    live: () => page.locator(".ld-live").textContent(),
    /** Waits until the aria-live region says something that includes `text`. */
    hears: (text) => page.waitForFunction((t) => document.querySelector(".ld-live").textContent.includes(t), text),
    /** The notices under the header. */
    notices: page.locator(".ld-notice-area .ld-notice"),
    /** The "Opgeslagen" status. */
    savedStatus: page.locator(".ld-saved"),
    file: {
      menu: fileMenu,
      /** Opens the file menu if it is closed. */
      async open() {
        if (!(await fileMenu.evaluate((d) => d.open))) await fileMenu.locator("summary").click();
      },
      /** Downloads through a button of the file menu; the file is kept in test-output/. */
      async download(buttonName) {
        await this.open();
        return download(page, () => page.locator(".ld-file-panel").getByRole("button", { name: buttonName }).click());
      },
      /** Chooses a file to open ("#ld-open-file") or merge ("#ld-merge-file"). */
      async choose(input, name, text) {
        await this.open();
        await page.setInputFiles(input, { name, mimeType: "application/json", buffer: Buffer.from(text) });
      },
      /** The outcome of the last open or merge. */
      outcome: page.locator(".ld-file-outcome"),
    },
    device: {
      menu: device,
      /** Opens or closes the device menu. */
      toggle: () => device.locator("summary").click(),
      body: device.locator(".ld-menu-body"),
      download: () => download(page, () => device.getByRole("button", { name: "Download de werksessie" }).click(), { prefix: "trust-" }),
    },
  };
}
