#!/usr/bin/env bash
# Builds the release app into dist/: two pages, each a binary of one crate, each with its wasm
# (optimised by wasm-opt) and JS glue, one shared CSS file and one small boot script:
#   index.html + boot.js           + leidraad.js       + leidraad_bg.wasm        the workshop
#                                                        + leidraad-later_bg.wasm  (its other steps,
#     fetched once the page has started: scripts/split-wasm.mjs)
#                                    leidraad-room.js  + leidraad-room_bg.wasm   the same page with the
#     live room in it, started by boot.js instead only on the room server's page when it leads or
#     joins a room (src/bin/room.rs), so the page everyone loads carries none of the room's code
#                                    leidraad-projector.js + leidraad-projector_bg.wasm  its projector
#     view (the page's address with ?leidraad=projector, src/bin/projector.rs), also picked by boot.js
#   after.html + boot.js?app=after + leidraad-after.js + leidraad-after_bg.wasm  after the charter
#   join.html  + boot.js?app=live  + leidraad-live.js  + leidraad-live_bg.wasm   a live room's participant
#     (with its own small stylesheet live.css: a phone loads only this page)
#   leidraad-suggest.js + leidraad-suggest_bg.wasm  not a page: the board's cluster suggestions,
#     built for speed (profile `suggest`, wasm-opt -O3) and fetched by the workshop page only
#     when suggestions are first asked for
# Plain file names, so a host page can embed them from a static folder.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

target="${CARGO_TARGET_DIR:-target}"
# wasm-opt, for size. --low-memory-unused: Rust's stack grows down from 1 MiB towards address 0,
# so the lowest 1 KiB is never used and address arithmetic may fold into load/store offsets
# (about 2.5 KiB gzip off the workshop page). --converge would take another 0.5 KiB but makes
# wasm-opt several times slower. scripts/size-breakdown.sh uses the same flags.
WASM_OPT_FLAGS="--low-memory-unused -Oz"
# One build of the crate (through scripts/cargo-wasm.sh: the compiler options every wasm build
# shares): each page is a binary (src/bin/<page>.rs) and links in only what its
# root component uses. Then per page: the JS glue under the page's file name, and wasm-opt.
scripts/cargo-wasm.sh build --release --bin room --bin projector --bin after --bin live --quiet
# The workshop page with the names scripts/split-wasm.mjs cuts it by (scripts/cargo-wasm.sh --split:
# its own target folder, target/split).
scripts/cargo-wasm.sh --split build --release --bin workshop --quiet
# The suggestion module: the same crate with the `suggest` profile (opt-level 3, Cargo.toml).
scripts/cargo-wasm.sh build --profile suggest --bin suggest --quiet
rm -rf dist && mkdir -p dist
# Each page as "binary:file name in dist/"; the file names are what host pages embed.
pages="workshop:leidraad room:leidraad-room projector:leidraad-projector after:leidraad-after live:leidraad-live"
for page in $pages; do
  bin="${page%%:*}" name="${page##*:}"
  built="$target"
  [ "$name" = leidraad ] && built="$target/split"
  wasm-bindgen --target web --no-typescript --out-dir dist --out-name "$name" \
    "$built/wasm32-unknown-unknown/release/$bin.wasm"
  if [ "$name" = leidraad ]; then
    # The workshop page's wasm in two parts (scripts/split-wasm.mjs): what the page starts with
    # and shows first, and the rest (leidraad-later_bg.wasm), fetched once the page has started.
    node scripts/split-wasm.mjs dist/leidraad_bg.wasm dist/leidraad_bg.wasm dist/leidraad-later_bg.wasm
    wasm-opt $WASM_OPT_FLAGS --strip-debug --strip-producers dist/leidraad-later_bg.wasm -o dist/leidraad-later_bg.wasm
    node scripts/split-wasm.mjs --glue dist/leidraad.js leidraad-later_bg.wasm
  fi
  wasm-opt $WASM_OPT_FLAGS --strip-debug --strip-producers "dist/${name}_bg.wasm" -o "dist/${name}_bg.wasm"
  # Short ASCII strings from the wasm decoded without TextDecoder (see the script): faster DOM building.
  node scripts/fast-strings.mjs "dist/$name.js"
  # The JS glue minified (names of locals and whitespace; exports and the wasm's import names
  # stay): about 2 KiB gzip off each page. Bundled: a snippet of JS in the Rust code
  # (wasm-bindgen's dist/snippets/, e.g. the workshop page's loader of the suggestion module)
  # becomes part of the glue instead of a request of its own.
  esbuild "dist/$name.js" --bundle --minify --format=esm --allow-overwrite --outfile="dist/$name.js" --log-level=warning
done
# The suggestion module: speed over size (hot numeric code; see docs/suggest.md).
wasm-bindgen --target web --no-typescript --out-dir dist --out-name leidraad-suggest \
  "$target/wasm32-unknown-unknown/suggest/suggest.wasm"
wasm-opt --low-memory-unused -O3 --strip-debug --strip-producers dist/leidraad-suggest_bg.wasm -o dist/leidraad-suggest_bg.wasm
esbuild dist/leidraad-suggest.js --minify --format=esm --allow-overwrite --outfile=dist/leidraad-suggest.js --log-level=warning
rm -rf dist/snippets  # bundled into the glue above (wasm-bindgen writes them for every module)
# One stylesheet, in a fixed order: tokens and base first, print last. rem sizes become
# multiples of --ld-u (the user's font size at the app's root; see styles/base.css), except in
# media queries, where var() is not allowed and rem already means the browser default.
units() { sed -E '/@media/!s/([0-9]*\.?[0-9]+)rem\b/calc(\1 * var(--ld-u))/g'; }
cat styles/base.css styles/layout.css styles/board.css styles/charter.css styles/facilitate.css styles/host.css styles/after.css styles/print.css \
  | units | esbuild --loader=css --minify --log-level=warning > dist/leidraad.css
cat styles/base.css styles/live.css | units | esbuild --loader=css --minify --log-level=warning > dist/live.css
# (minified: comments and whitespace out, about 3 KiB gzip off every page; the sources keep them)
cp index.html after.html join.html src/boot.js dist/
cp data/library.json dist/  # the inspiration library, fetched when first opened (not in the first load)
node scripts/precompress.mjs dist  # FILE.gz beside each: what the servers send a browser that accepts gzip
echo "[build] dist/ ready: $(du -sh dist | cut -f1)" >&2
