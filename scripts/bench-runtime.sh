#!/usr/bin/env bash
# Runs the local runtime benchmark, including `serverless invoke local` (serverless@3,
# installed from npm into build/bench-tools) on the same trivial handler.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/tests/bench_runtime ] || { echo "build first: scripts/setup.sh test" >&2; exit 2; }
tools=build/bench-tools
if [ ! -x "$tools/node_modules/.bin/serverless" ]; then
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-audit --no-fund serverless@3 >/dev/null
fi
# serverless v3 asks about telemetry and updates unless told not to.
export SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off SLS_DEPRECATION_DISABLE='*'
NIMBUS_DATA_DIR="$PWD/build/share/nimbus-studio" build/tests/bench_runtime "$PWD/$tools/node_modules/.bin/serverless"
