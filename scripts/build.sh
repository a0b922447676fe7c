#!/usr/bin/env bash
# Builds the release app into dist/: two pages from one crate, each with its wasm (optimised by
# wasm-opt) and JS glue, one shared CSS file and one small boot script:
#   index.html + boot.js           + leidraad.js       + leidraad_bg.wasm        the workshop
#   after.html + boot.js?app=after + leidraad-after.js + leidraad-after_bg.wasm  after the charter
# Plain file names, so a host page can embed them from a static folder.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

target="${CARGO_TARGET_DIR:-target}"
# The after-the-charter page has its own target dir, so the two builds do not undo each other.
cargo build --release --target wasm32-unknown-unknown --bin leidraad --quiet
CARGO_TARGET_DIR="$target/after-tools" \
  cargo build --release --target wasm32-unknown-unknown --bin leidraad --features after-tools --quiet
rm -rf dist && mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist --out-name leidraad \
  "$target/wasm32-unknown-unknown/release/leidraad.wasm"
wasm-bindgen --target web --no-typescript --out-dir dist --out-name leidraad-after \
  "$target/after-tools/wasm32-unknown-unknown/release/leidraad.wasm"
for wasm in dist/leidraad_bg.wasm dist/leidraad-after_bg.wasm; do
  wasm-opt -Oz --strip-debug --strip-producers "$wasm" -o "$wasm"
done
# One stylesheet, in a fixed order: tokens and base first, print last. rem sizes become
# multiples of --ld-u (the user's font size at the app's root; see styles/base.css), except in
# media queries, where var() is not allowed and rem already means the browser default.
cat styles/base.css styles/layout.css styles/board.css styles/charter.css styles/facilitate.css styles/after.css styles/print.css \
  | sed -E '/@media/!s/([0-9]*\.?[0-9]+)rem\b/calc(\1 * var(--ld-u))/g' > dist/leidraad.css
cp index.html after.html src/boot.js dist/
cp data/library.json dist/  # the inspiration library, fetched when first opened (not in the first load)
echo "[build] dist/ ready: $(du -sh dist | cut -f1)" >&2
