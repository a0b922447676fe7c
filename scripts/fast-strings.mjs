// Patches the JS glue wasm-bindgen wrote (scripts/build.sh, before minifying): strings from the
// wasm that are short and ASCII (what Yew hands the DOM: tag and attribute names, classes, ids)
// are decoded by a plain loop instead of `TextDecoder.decode`, whose fixed cost per call in
// Chromium is about 5 times the loop's for such strings (1.9 us against 0.4 us per string,
// measured in headless Chromium; from about 70 bytes on the two cost the same). Opening
// Clusteren at 1,000 cards decodes some 20,000 of them. Any other string (longer, or with a byte
// above 127) still goes through the TextDecoder, so the result is the same string
// (tests/e2e/fast-strings.test.mjs). Fails the build if the glue no longer has the function.
// Usage: node scripts/fast-strings.mjs dist/leidraad.js
import fs from "node:fs";
import { pathToFileURL } from "node:url";

const HEAD = "function decodeText(bytes) {\n";
const FAST = `    if (bytes.length < 64) {
        let s = "", i = 0;
        for (; i < bytes.length && bytes[i] < 128; i++) s += String.fromCharCode(bytes[i]);
        if (i === bytes.length) return s;
    }
`;

/** The glue with the fast path at the top of its `decodeText`; throws if it has no such function. */
export function patch(glue) {
  if (glue.split(HEAD).length !== 2) throw new Error(`expected one "${HEAD.trim()}" (wasm-bindgen's glue changed?)`);
  return glue.replace(HEAD, HEAD + FAST);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  try {
    fs.writeFileSync(file, patch(fs.readFileSync(file, "utf8")));
  } catch (e) {
    console.error(`[fast-strings] ${file}: ${e.message}`);
    process.exit(1);
  }
}
