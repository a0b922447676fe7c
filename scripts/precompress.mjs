// Writes a gzip copy (level 9) beside each compressible file of the built app: FILE.gz next to
// FILE, only where it is smaller. The app's server (server/, scripts/serve.sh) and the tests'
// server (scripts/serve.mjs) send the .gz to a browser that accepts gzip, with
// Content-Encoding: gzip; a web server such as nginx can do the same (`gzip_static on`).
// Without it a first visit downloads the wasm uncompressed: about 2.5 times as many bytes.
// HTML is left out: the live server changes index.html as it sends it.
//   node scripts/precompress.mjs [dir]   (scripts/build.sh runs it on dist/)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const COMPRESSIBLE = new Set([".wasm", ".js", ".css", ".json", ".svg"]);
const dir = process.argv[2] || "dist";
let raw = 0, packed = 0;
for (const name of fs.readdirSync(dir)) {
  const file = path.join(dir, name);
  if (!COMPRESSIBLE.has(path.extname(name)) || !fs.statSync(file).isFile()) continue;
  const body = fs.readFileSync(file);
  const gz = zlib.gzipSync(body, { level: 9 });
  if (gz.length >= body.length) continue;
  fs.writeFileSync(`${file}.gz`, gz);
  raw += body.length;
  packed += gz.length;
}
console.error(`[precompress] ${dir}: ${(raw / 1024).toFixed(0)} KiB -> ${(packed / 1024).toFixed(0)} KiB gzip`);
