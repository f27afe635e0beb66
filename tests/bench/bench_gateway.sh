#!/bin/sh
# Requests per second and latency of GET /items/{id} through the local gateway
# (`nimbus serve`) with a warm Node.js function, beside serverless-offline serving the
# same handler, measured the same way in the same run with wrk on loopback.
# Reports figures; asserts nothing about time. Usage: bench_gateway.sh BUILD_DIR
set -u
build=$(cd "$1" && pwd)
tools=$build/bench-tools
work=$(mktemp -d)
trap 'kill $nimbus $offline 2>/dev/null; rm -rf "$work"' EXIT
nimbus=""
offline=""
if ! command -v wrk > /dev/null || [ ! -x "$tools/node_modules/.bin/serverless" ]; then
    echo "wrk or serverless-offline is missing; run scripts/setup.sh test." >&2
    exit 1
fi
threads=2
connections=16
seconds=${BENCH_SECONDS:-8}

mkdir -p "$work/functions/getItem"
cat > "$work/functions/getItem/index.js" <<'JS'
exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ id: event.pathParameters.id }) });
JS
cp "$work/functions/getItem/index.js" "$work/index.js"
cat > "$work/bench.json" <<'JSON'
{"format": "nimbus-project", "version": 1,
 "nodes": [{"name": "itemRoute", "kind": "http-route", "properties": {"method": "GET", "path": "/items/{id}"}},
           {"name": "getItem", "kind": "function", "properties": {"source": "functions/getItem", "memory": 128}}],
 "edges": [{"from": "itemRoute", "to": "getItem", "type": "invokes"}]}
JSON
cat > "$work/serverless.yml" <<'YAML'
service: bench
frameworkVersion: '3'
provider:
  name: aws
  runtime: nodejs20.x
plugins:
  - serverless-offline
functions:
  getItem:
    handler: index.handler
    events:
      - httpApi:
          method: GET
          path: /items/{id}
YAML
ln -s "$tools/node_modules" "$work/node_modules"

measure() { # name url
    for i in $(seq 1 100); do
        node -e "fetch(process.argv[1]).then(r => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))" "$2" && break
        sleep 0.2
    done
    wrk -t$threads -c$connections -d3s "$2" > /dev/null 2>&1 # warm every instance up
    wrk -t$threads -c$connections -d${seconds}s --latency "$2" > "$work/$1.txt" 2>&1
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/$1.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/$1.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/$1.txt")
    errors=$(awk '/Non-2xx/ {print $5}' "$work/$1.txt")
    printf '%-20s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-0}"
    eval "${1}_rps=$rps"
}

echo "GET /items/{id}, warm Node.js 20 handler, wrk -t$threads -c$connections -d${seconds}s on loopback, $(nproc) cores"
"$build/bin/nimbus" serve "$work/bench.json" --port 43110 --state "$work/state" > /dev/null 2>&1 &
nimbus=$!
measure nimbus_serve "http://127.0.0.1:43110/items/42"
kill $nimbus; wait $nimbus 2>/dev/null; nimbus=""

(cd "$work" && SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off AWS_ACCESS_KEY_ID=AKIAEXAMPLE \
    AWS_SECRET_ACCESS_KEY=example HOME="$work/home" exec ./node_modules/.bin/serverless offline \
    --httpPort 43120 --lambdaPort 43122 > "$work/offline.log" 2>&1) &
offline=$!
measure serverless_offline "http://127.0.0.1:43120/items/42"
kill $offline 2>/dev/null; pkill -P $offline 2>/dev/null; offline=""

awk -v a="$nimbus_serve_rps" -v b="$serverless_offline_rps" 'BEGIN { if (b > 0) printf "nimbus serve / serverless-offline throughput: %.2fx\n", a / b }'
