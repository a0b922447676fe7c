#!/usr/bin/env bash
# What takes the space in each page's wasm. Builds the release app (scripts/build.sh) and
# prints, per page binary, the 30 largest items (`twiggy top`), the largest dominator
# subtrees (`twiggy dominators`: what would go if that function or data went), the generic
# functions copied most (`twiggy monos`), what the largest data segments hold (their first
# readable strings: interface texts, panic messages, tables), then the transfer sizes and
# budgets (scripts/size.mjs).
#   scripts/size-breakdown.sh             build, then break down every page
#   scripts/size-breakdown.sh --no-build  break down what cargo built last
#
# Installs twiggy from crates.io the first time (a few minutes, once); scripts/setup.sh does not,
# since only this command needs it. The wasm in dist/ has no function names (wasm-opt strips
# them), so each page's wasm is put through wasm-bindgen and wasm-opt again here (the flags of
# scripts/build.sh), keeping
# the names (-g): the same code as shipped, readable.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if ! command -v twiggy >/dev/null; then
  echo "[size-breakdown] installing twiggy from crates.io (once)" >&2
  cargo install twiggy --locked
fi
[ "${1:-}" = "--no-build" ] || scripts/build.sh

target="${CARGO_TARGET_DIR:-target}"
# Every wasm binary cargo built for the pages, as cargo reports it (fresh builds report too).
wasms() {
  scripts/cargo-wasm.sh build --release --bins --quiet --message-format=json "$@" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const l of s.split("\n")){if(!l)continue;const m=JSON.parse(l);if(m.reason==="compiler-artifact"&&m.executable)console.log(m.executable)}})'
}
list=$(wasms)
# While the after-the-charter page is a cargo feature in its own target dir (scripts/build.sh).
if grep -q '^after-tools' Cargo.toml; then
  list+=$'\n'$(CARGO_TARGET_DIR="$target/after-tools" wasms --features after-tools | sed 's/$/ after-tools/')
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while read -r wasm variant; do
  [ -n "$wasm" ] || continue
  name="$(basename "$wasm" .wasm)${variant:+-$variant}"
  wasm-bindgen --target web --no-typescript --out-dir "$tmp/$name" --out-name "$name" "$wasm"
  wasm-opt --low-memory-unused -Oz -g "$tmp/$name/${name}_bg.wasm" -o "$tmp/$name/named.wasm"
  echo "=== $name ($(stat -c %s "$tmp/$name/named.wasm") B after wasm-opt, with names) ==="
  echo "--- largest items (twiggy top -n 30) ---"
  twiggy top -n 30 "$tmp/$name/named.wasm"
  echo "--- largest dominator subtrees (twiggy dominators -r 40) ---"
  twiggy dominators -r 40 "$tmp/$name/named.wasm"
  echo "--- generic code copied most (twiggy monos: bloat = all copies but the largest) ---"
  twiggy monos -m 15 -n 2 "$tmp/$name/named.wasm"
  echo "--- what the largest data segments hold (scripts/size-segments.mjs) ---"
  node scripts/size-segments.mjs "$tmp/$name/named.wasm"
  echo
done <<<"$list"
node scripts/size.mjs
