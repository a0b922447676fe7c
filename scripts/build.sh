#!/usr/bin/env bash
# Builds the release app into dist/: wasm (optimised by wasm-opt), its JS glue, one CSS file,
# index.html and boot.js. Plain file names, so a host page can embed them from a static folder.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

cargo build --release --target wasm32-unknown-unknown --bin leidraad --quiet
rm -rf dist && mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist --out-name leidraad \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/leidraad.wasm"
wasm-opt -Oz --strip-debug --strip-producers dist/leidraad_bg.wasm -o dist/leidraad_bg.wasm
# One stylesheet, in a fixed order: tokens and base first, print last. rem sizes become
# multiples of --ld-u (the user's font size at the app's root; see styles/base.css), except in
# media queries, where var() is not allowed and rem already means the browser default.
cat styles/base.css styles/layout.css styles/board.css styles/charter.css styles/facilitate.css styles/print.css \
  | sed -E '/@media/!s/([0-9]*\.?[0-9]+)rem\b/calc(\1 * var(--ld-u))/g' > dist/leidraad.css
cp index.html src/boot.js dist/
echo "[build] dist/ ready: $(du -sh dist | cut -f1)" >&2
