#!/usr/bin/env bash
# Installs everything Leidraad needs to build and test, idempotently.
# Fast when all is present: every step first checks what is already there.
#   scripts/setup.sh          build tools (wasm32 target, rust-src, wasm-bindgen-cli, wasm-opt via npm,
#                             wasm-split via apt)
#   scripts/setup.sh --test   also the browser test tools (Chromium, chromedriver, poppler, npm test deps)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

log() { printf '[setup] %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$PATH"

# 1. The wasm32 target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 1b. The standard library's source: the pages' wasm is built with its own copy of it
# (scripts/cargo-wasm.sh).
if [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ]; then
  log "adding the rust-src component"
  rustup component add rust-src
fi

# 2. wasm-bindgen-cli at exactly the version in Cargo.lock (the two must match).
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wb_version" ]; then
  log "cannot read the wasm-bindgen version from Cargo.lock"; exit 1
fi
have_wb=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_wb" != "$wb_version" ]; then
  log "installing wasm-bindgen-cli $wb_version (about 2 minutes, once)"
  # Not --locked: its lockfile names a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

# 3. npm packages: binaryen (wasm-opt that understands current Rust output), esbuild (minifies
# the JS glue and the CSS), and the test tools.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 3b. wasm-split (Binaryen 108, Debian's package: the npm binaryen has no wasm-split), which cuts
# the workshop page's wasm in two (scripts/split-wasm.mjs). Unpacked into .tools/binaryen, not
# installed: its wasm-opt is older than the npm one the build uses.
if [ ! -x .tools/binaryen/usr/bin/wasm-split ]; then
  log "fetching wasm-split (Debian's binaryen package) into .tools/binaryen"
  tmp=$(mktemp -d)
  if ! (cd "$tmp" && apt-get download binaryen >/dev/null 2>&1); then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    (cd "$tmp" && apt-get download binaryen >/dev/null)
  fi
  mkdir -p .tools
  rm -rf .tools/binaryen && dpkg -x "$tmp"/binaryen_*.deb .tools/binaryen
  rm -rf "$tmp"
fi

# 4. A C compiler: the live room server compiles SQLite in (rusqlite's `bundled`).
if ! command -v cc >/dev/null; then
  log "installing a C compiler (gcc) from apt, for SQLite in the live room server"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq gcc libc6-dev >/dev/null
fi

if [ "$want_test" = 1 ]; then
  # 5. Chromium, chromedriver and pdfinfo from Debian.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdfinfo >/dev/null; then
    log "installing chromium, chromium-driver, poppler-utils from apt"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
  fi
fi
log "ready"
