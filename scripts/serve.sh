#!/usr/bin/env bash
# Builds Leidraad (installing what is missing) and starts its server: the app and live rooms on
# http://127.0.0.1:${PORT:-8080}/. HOST=0.0.0.0 lets the devices of a live room in from the
# network (phones, tables' laptops). Rooms are kept in ${LEIDRAAD_DB:-leidraad-rooms.sqlite3};
# see README "Live room" for every setting.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --profile server -p leidraad-server --quiet
target="${CARGO_TARGET_DIR:-target}"
PORT="${PORT:-8080}" HOST="${HOST:-127.0.0.1}" LEIDRAAD_DIST="${LEIDRAAD_DIST:-dist}" \
  exec "$target/server/leidraad-server"
