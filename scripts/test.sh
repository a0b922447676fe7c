#!/usr/bin/env bash
# Runs every test: native (domain, suggestions, components), the release build with its size
# budget, and the browser tests in headless Chromium. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
mkdir -p test-output

echo "== format and lints (cargo fmt --check, clippy -D warnings), the app and the live room server"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== native tests (cargo test --workspace: the app, the live protocol, the live room server)"
cargo test --workspace --quiet 2>&1 | tee test-output/cargo-test.log

echo "== release build"
scripts/build.sh

echo "== size"
node scripts/size.mjs

echo "== the live room server, for the browser tests that run against it (tests/e2e/live.test.mjs)"
cargo build --profile server -p leidraad-server --quiet

echo "== browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
