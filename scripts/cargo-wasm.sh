#!/usr/bin/env bash
# cargo for the pages' wasm. Every wasm build goes through here (scripts/build.sh,
# scripts/size-live.sh, scripts/size-breakdown.sh), so what is shipped and what is measured are
# the same code:
#   scripts/cargo-wasm.sh build --release --bin workshop ...
#   scripts/cargo-wasm.sh --split build --release --bin workshop   (see below)
# Two options of the compiler that are not yet stable, each measured on the workshop page's wasm
# (gzip, scripts/size.mjs's zlib level 9; 439.1 KiB without them):
#   -Zbuild-std=std,panic_abort  Rust's standard library compiled with the pages' own profile
#                                (opt-level "z", LTO, panic = "abort"), not the prebuilt copy
#                                made for speed: 433.2 KiB (-5.9)
#   -Zlocation-detail=none       panics keep their message but not the file and line they come
#                                from (the crash message and its download are unchanged): 426.4
#                                KiB (-6.8 more, -12.7 together)
# Measured and not taken: -Cpanic=immediate-abort (416.5 KiB, -22.6) ends the page without the
# panic hook, so no crash message, no download of the last save and nothing in the console;
# -Zfmt-debug=shallow (-0.1).
# --split (first argument): the build of the workshop page that scripts/split-wasm.mjs cuts in
# two, with names it can tell the functions apart by, in a target folder of its own (these
# flags would otherwise rebuild the other pages each time):
#   -Csymbol-mangling-version=v0  names that include a generic function's type arguments, so a
#                                 Yew component's `view` is named after the component (the names
#                                 are stripped by wasm-opt; no change in code)
#   -Zmerge-functions=disabled    no function stands in for an identical one under the first
#                                 one's name (the board's `Vec<Card>` code serving Voorbereiden,
#                                 say), so a name says truly what a function is for. On the
#                                 other pages it would cost 0.2 to 2.9 KiB: hence only here.
# RUSTC_BOOTSTRAP=1 lets this stable toolchain take them; -Zbuild-std needs the rust-src
# component (scripts/setup.sh adds it). The first build compiles the standard library (about two
# minutes more, once per profile and target folder).
set -euo pipefail
export RUSTC_BOOTSTRAP=1
flags="-Zlocation-detail=none"
if [ "$1" = --split ]; then
  shift
  flags="$flags -Csymbol-mangling-version=v0 -Zmerge-functions=disabled"
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/split"
fi
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags"
sub="$1"
shift
exec cargo "$sub" --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort "$@"
