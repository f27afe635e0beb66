#!/bin/sh
# Queries on a global secondary index over BENCH_ITEMS items (100000 for the issue's figure;
# 5000 unless set, so that the ordinary test pass stays short) through the AWS SDK for
# JavaScript v3, against `nimbus serve` (the catalog table of
# tests/runtime/data/libraries, index byCategory) and, in the same run, against dynalite
# (npm, in memory) serving the same table and index: the load by BatchWriteItem, queries of
# a price range with Limit 25 in sequence and 16 in flight, whole categories. Reports the
# ratios first, then the figures, and whether both answered the same items. Asserts nothing
# about time. Usage: bench_dynamoquery.sh BUILD_DIR
set -eu
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
sdk="$build/share/nimbus-studio/runtime/sdk"
tools=$build/bench-tools
items=${BENCH_ITEMS:-5000}
queries=${BENCH_QUERIES:-2000}
work=$(mktemp -d)
nimbus=""
client=""
dynalite=""
# Interrupted or not, no server is left behind.
cleanup() {
    [ -n "$client" ] && kill "$client" 2>/dev/null
    [ -n "$nimbus" ] && kill "$nimbus" 2>/dev/null
    [ -n "$dynalite" ] && kill "$dynalite" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP PIPE
# A client runs in the background while the shell waits, so that a signal is handled at once.
run_client() { # output, command...
    out=$1
    shift
    "$@" > "$out" &
    client=$!
    wait "$client"
    status=$?
    client=""
    return $status
}
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

cp "$here/../runtime/data/libraries/libraries.json" "$work/"
: > "$work/urls"
"$build/bin/nimbus" serve "$work/libraries.json" --port 0 --aws-port 0 --state "$work/state" > "$work/urls" 2> "$work/serve.log" &
nimbus=$!
for i in $(seq 1 100); do [ "$(wc -l < "$work/urls")" -ge 2 ] && break; sleep 0.1; done
endpoint=$(sed -n 2p "$work/urls")
[ -n "$endpoint" ] || { cat "$work/serve.log" >&2; exit 1; }

run_client "$work/nimbus.txt" node "$here/bench_dynamoquery.mjs" "$endpoint" "$sdk" "$items" "$queries"
kill "$nimbus" 2>/dev/null && wait "$nimbus" 2>/dev/null || true
nimbus=""

if [ -x "$tools/node_modules/.bin/dynalite" ]; then
    # A port of its own: dynalite cannot be asked for a free one and print it.
    port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
    "$tools/node_modules/.bin/dynalite" --port "$port" > /dev/null 2>&1 &
    dynalite=$!
    for i in $(seq 1 300); do
        node -e 'require("net").connect(process.argv[1], "127.0.0.1").on("connect", () => process.exit(0)).on("error", () => process.exit(1))' "$port" && break
        sleep 0.1
    done
    run_client "$work/dynalite.txt" node "$here/bench_dynamoquery.mjs" "http://127.0.0.1:$port" "$sdk" "$items" "$queries" create ||
        { echo "dynalite stopped answering: no baseline figures this run" >&2; : > "$work/dynalite.txt"; }
else
    echo "dynalite is missing from $tools (scripts/setup.sh test installs it): no baseline figures" >&2
    : > "$work/dynalite.txt"
fi

echo "Query on a global secondary index over $items items, AWS SDK for JavaScript v3, $(nproc) cores (nimbus: durable on disk; dynalite: in memory)"
grep '^RATE' "$work/nimbus.txt" | while read -r _ row rate; do
    base=$(awk -v r="$row" '$1 == "RATE" && $2 == r {print $3}' "$work/dynalite.txt")
    awk -v a="$rate" -v b="${base:-0}" -v l="$row" \
        'BEGIN { gsub(/_/, " ", l); if (b > 0) printf "  %-46s nimbus / dynalite %.2fx\n", l ":", a / b }'
done
echo "nimbus serve:"
grep -v '^RATE\|^DIGEST' "$work/nimbus.txt"
if [ -s "$work/dynalite.txt" ]; then
    echo "dynalite (baseline, same run):"
    grep -v '^RATE\|^DIGEST' "$work/dynalite.txt"
    a=$(awk '$1 == "DIGEST" {print $2}' "$work/nimbus.txt")
    b=$(awk '$1 == "DIGEST" {print $2}' "$work/dynalite.txt")
    if [ "$a" != "$b" ]; then echo "the answers differ (nimbus $a, dynalite $b)" >&2; exit 1; fi
    echo "the first 100 range queries answered the same items on both"
fi
