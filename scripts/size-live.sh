#!/usr/bin/env bash
# What the live room costs the workshop page everyone loads: that page's binary as shipped (with
# its Live switch, src/bin/workshop.rs) and once without it (src/bin/workshop-without-live.rs:
# the same page, `offer_live_switch()` not called, so no live code is reachable and the linker
# leaves it out), each through wasm-bindgen, wasm-opt and esbuild with scripts/build.sh's flags,
# then gzip level 9 as scripts/size.mjs measures. Prints both and the difference (the live
# share), and the page's live build (src/bin/room.rs, started by boot.js only when the page
# leads or joins a room) beside them.
#   scripts/size-live.sh
# The first run builds the crate once more with the feature `size-probe` (a few minutes); later
# runs only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-target}"
# The shipped page as scripts/build.sh builds it (nothing to do right after it), and the probe
# (the feature only makes cargo build the probe; it changes no code).
scripts/cargo-wasm.sh build --release --quiet --bin workshop --bin room
scripts/cargo-wasm.sh build --release --quiet --features size-probe --bin workshop-without-live
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for bin in workshop workshop-without-live room; do
  wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name "$bin" \
    "$target/wasm32-unknown-unknown/release/$bin.wasm"
  wasm-opt --low-memory-unused -Oz --strip-debug --strip-producers "$tmp/${bin}_bg.wasm" -o "$tmp/${bin}_bg.wasm"
  node scripts/fast-strings.mjs "$tmp/$bin.js"
  esbuild "$tmp/$bin.js" --minify --format=esm --allow-overwrite --outfile="$tmp/$bin.js" --log-level=warning
done
node -e '
const fs = require("fs"), zlib = require("zlib"), dir = process.argv[1];
const gz = (f) => zlib.gzipSync(fs.readFileSync(`${dir}/${f}`), { level: 9 }).length;
const size = (b) => gz(`${b}_bg.wasm`) + gz(`${b}.js`);
const [with_, without, room] = [size("workshop"), size("workshop-without-live"), size("room")];
const k = (n) => (n / 1024).toFixed(1) + " KiB";
console.log(`workshop page wasm + JS glue (gzip): with its Live switch ${k(with_)}, without ${k(without)}`);
console.log(`live share of the workshop page: ${with_ - without} B = ${k(with_ - without)}`);
console.log(`the live build of the page (leidraad-room), loaded only to lead or join a room: ${k(room)} (+${k(room - with_)})`);
' "$tmp"
