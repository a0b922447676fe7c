// The patched string decoding of the JS glue (scripts/fast-strings.mjs) gives the very strings
// the TextDecoder gives: short ASCII, accents, a BOM, long texts. Plain Node, no browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { patch } from "../../scripts/fast-strings.mjs";

// The shape of wasm-bindgen's decodeText (0.2.130), which the patch must find.
const GLUE = `function decodeText(bytes) {
    return cachedTextDecoder.decode(bytes);
}
`;

test("the patched decoding gives the TextDecoder's strings, short ASCII by the fast path", () => {
  const slow = new TextDecoder("utf-8", { ignoreBOM: true });
  let calls = 0;
  const counted = { decode: (bytes) => { calls += 1; return slow.decode(bytes); } };
  const decode = new Function("cachedTextDecoder", `${patch(GLUE)}; return decodeText;`)(counted);
  const texts = ["", "class", "ld-board-card ld-stand-in", "card-1234", "één plan", "\uFEFFbom", "<img src=x onerror=\"1\">",
    "a".repeat(63), "a".repeat(64), `${"x".repeat(62)}é`, "Versleep: eigen regie, samen met partners en zonder drempels (61)", "\u0000\u007f"];
  for (const text of texts) {
    const bytes = new TextEncoder().encode(text);
    assert.equal(decode(bytes), slow.decode(bytes), JSON.stringify(text));
  }
  // Only the texts with a byte above 127 or of 64 bytes or more went to the TextDecoder.
  assert.equal(calls, 5);
  // Invalid UTF-8 is left to the TextDecoder as well (its replacement character).
  const bad = new Uint8Array([0x61, 0xff, 0x62]);
  assert.equal(decode(bad), slow.decode(bad));
});

test("the patch refuses glue without the function it patches (the build fails, it does not go slow)", () => {
  assert.throws(() => patch("function decodeText(b) { return b; }"), /decodeText/);
  assert.throws(() => patch(GLUE + GLUE), /expected one/);
});
