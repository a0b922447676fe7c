// Reading a wasm file's bytes, for the scripts that look inside one (split-wasm.mjs,
// size-segments.mjs): LEB128 numbers, the sections, and the limits of a table or memory.
// Each reader takes the bytes and a position and returns what it read with the position after it.

/** An unsigned LEB128 number at `at`: [value, position after it]. */
export function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** The module's sections as [id, start of body, end of body]. */
export function sections(bytes) {
  const out = [];
  let at = 8; // after the magic number and the version
  while (at < bytes.length) {
    const id = bytes[at++];
    let size;
    [size, at] = leb(bytes, at);
    out.push([id, at, at + size]);
    at += size;
  }
  return out;
}

/** The position after the limits of a table or memory at `at` (flags, minimum, maximum if flagged). */
export function skipLimits(bytes, at) {
  const flags = bytes[at++];
  [, at] = leb(bytes, at);
  if (flags & 1) [, at] = leb(bytes, at);
  return at;
}
