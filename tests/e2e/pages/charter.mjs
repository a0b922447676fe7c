// Step 6, Charter: one A4 page that always fits, marked as a draft until finalised; printed to
// PDF by the browser.
import { execFileSync } from "node:child_process";

/** The charter step in `page`. */
export function charter(page) {
  return {
    sheet: page.locator(".ld-sheet"),
    principles: page.locator(".ld-sheet-principles > li"),
    draftMark: (text) => page.locator(".ld-sheet-draft", { hasText: text }),
    /** How the content fits: the density step chosen and the content's height in mm. */
    fit: () => page.evaluate(() => {
      const sheet = document.querySelector(".ld-sheet");
      const inner = document.querySelector(".ld-sheet-inner");
      const mm = sheet.offsetHeight / 297;
      return { density: sheet.dataset.density, used: inner.offsetHeight / mm };
    }),
    /** Prints the page to a PDF file as the browser would. */
    pdf: (file) => page.pdf({ path: file, preferCSSPageSize: true, printBackground: true }),
  };
}

/** Page count and page size of a PDF file (poppler's pdfinfo). */
export function pdfInfo(file) {
  const out = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)[1]), size: /Page size:\s+(.*)/.exec(out)[1] };
}
