// What the largest data segments of a wasm file hold: for each segment of at least MIN bytes
// (default 3000), its size and the first readable strings in it, so a line of `twiggy top`
// such as `data segment ".rodata.69"` can be told apart (interface texts, panic messages, number
// formatting tables, word lists ...). Used by scripts/size-breakdown.sh.
//   node scripts/size-segments.mjs FILE.wasm [MIN]
import fs from "node:fs";

const [file, minArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/size-segments.mjs FILE.wasm [MIN]");
  process.exit(2);
}
const min = Number(minArg ?? 3000);
const b = fs.readFileSync(file);
let i = 8; // after the magic number and the version
const leb = () => {
  let r = 0, shift = 0, x;
  do {
    x = b[i++];
    r += (x & 0x7f) * 2 ** shift;
    shift += 7;
  } while (x & 0x80);
  return r;
};
const rows = [];
while (i < b.length) {
  const id = b[i++];
  const size = leb();
  const end = i + size;
  if (id === 11) { // the data section
    const count = leb();
    for (let k = 0; k < count; k++) {
      const flag = leb();
      if (flag === 2) leb(); // memory index
      if (flag !== 1) { // an offset expression up to its `end` opcode (0x0b)
        while (b[i] !== 0x0b) i++;
        i++;
      }
      const len = leb();
      const data = b.subarray(i, i + len);
      i += len;
      if (len < min) continue;
      const text = data.toString("latin1");
      const strings = text.match(/[\x20-\x7e]{6,}/g) ?? [];
      const readable = strings.reduce((n, s) => n + s.length, 0);
      rows.push({ k, len, readable, preview: strings.slice(0, 6).map((s) => s.slice(0, 40)).join(" | ") });
    }
  }
  i = end;
}
rows.sort((a, b) => b.len - a.len);
for (const r of rows) {
  console.log(`segment ${String(r.k).padStart(4)} ${String(r.len).padStart(7)} B (${r.readable} B readable text): ${r.preview}`);
}
