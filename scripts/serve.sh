#!/usr/bin/env bash
# Builds Leidraad (installing what is missing) and serves it on http://127.0.0.1:${PORT:-8080}/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8080}" dist
