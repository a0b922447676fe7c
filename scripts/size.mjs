// Prints each page's transfer size (gzip) per file and in total; fails when a page is above
// the budget. Two pages are built (see scripts/build.sh): the workshop, and the tools used
// after the charter; a visitor loads one of them, so each is held to the budget on its own.
import fs from "node:fs";
import zlib from "node:zlib";

const BUDGET = 400 * 1024;
const pages = {
  "workshop (index.html)": ["index.html", "boot.js", "leidraad.js", "leidraad_bg.wasm", "leidraad.css"],
  "after the charter (after.html)": ["after.html", "boot.js", "leidraad-after.js", "leidraad-after_bg.wasm", "leidraad.css"],
};
let failed = false;
for (const [page, files] of Object.entries(pages)) {
  console.log(`${page}:`);
  let total = 0;
  for (const f of files) {
    const raw = fs.readFileSync(`dist/${f}`);
    const gz = zlib.gzipSync(raw, { level: 9 }).length;
    total += gz;
    console.log(`  ${f.padEnd(24)} ${String(raw.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzip`);
  }
  console.log(`  total transfer (gzip): ${total} B = ${(total / 1024).toFixed(1)} KiB (budget ${BUDGET / 1024} KiB)`);
  if (total > BUDGET) {
    console.error(`  size budget exceeded by ${total - BUDGET} B`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
