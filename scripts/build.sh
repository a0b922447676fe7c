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
# One stylesheet, in a fixed order: tokens and base first, print last.
cat styles/base.css styles/layout.css styles/board.css styles/charter.css styles/print.css > dist/leidraad.css
cp index.html src/boot.js dist/
echo "[build] dist/ ready: $(du -sh dist | cut -f1)" >&2
