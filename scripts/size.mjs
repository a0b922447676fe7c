// Prints the release build's transfer size (gzip) per file and in total; fails above the budget.
import fs from "node:fs";
import zlib from "node:zlib";

const BUDGET = 400 * 1024;
const files = ["leidraad_bg.wasm", "leidraad.js", "leidraad.css", "boot.js", "index.html"];
let total = 0;
for (const f of files) {
  const raw = fs.readFileSync(`dist/${f}`);
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${f.padEnd(20)} ${String(raw.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzip`);
}
console.log(`total transfer (gzip): ${total} B = ${(total / 1024).toFixed(1)} KiB (budget ${BUDGET / 1024} KiB)`);
if (total > BUDGET) {
  console.error(`size budget exceeded by ${total - BUDGET} B`);
  process.exit(1);
}
