// What the largest data segments of a wasm file hold: for each segment of at least MIN bytes
// (default 3000), its size and the first readable strings in it, so a line of `twiggy top`
// such as `data segment ".rodata.69"` can be told apart (interface texts, panic messages, number
// formatting tables, word lists ...). Used by scripts/size-breakdown.sh.
//   node scripts/size-segments.mjs FILE.wasm [MIN]
import fs from "node:fs";
import { leb, sections } from "./wasm-bytes.mjs";

const [file, minArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/size-segments.mjs FILE.wasm [MIN]");
  process.exit(2);
}
const min = Number(minArg ?? 3000);
const b = fs.readFileSync(file);
const rows = [];
for (const [id, start] of sections(b)) {
  if (id !== 11) continue; // the data section
  let i = start, count;
  [count, i] = leb(b, i);
  for (let k = 0; k < count; k++) {
    let flag, len;
    [flag, i] = leb(b, i);
    if (flag === 2) [, i] = leb(b, i); // memory index
    if (flag !== 1) { // an offset expression up to its `end` opcode (0x0b)
      while (b[i] !== 0x0b) i++;
      i++;
    }
    [len, i] = leb(b, i);
    const data = b.subarray(i, i + len);
    i += len;
    if (len < min) continue;
    const text = data.toString("latin1");
    const strings = text.match(/[\x20-\x7e]{6,}/g) ?? [];
    const readable = strings.reduce((n, s) => n + s.length, 0);
    rows.push({ k, len, readable, preview: strings.slice(0, 6).map((s) => s.slice(0, 40)).join(" | ") });
  }
}
rows.sort((a, b) => b.len - a.len);
for (const r of rows) {
  console.log(`segment ${String(r.k).padStart(4)} ${String(r.len).padStart(7)} B (${r.readable} B readable text): ${r.preview}`);
}
