#!/bin/sh
# EventBridge PutEvents through the AWS SDK for JavaScript v3 against `nimbus serve` (a bus
# whose rule matches half the events by a numeric pattern and sends them to a queue) and,
# in the same run, against the bare limit: a plain Node.js `http` server that answers every
# PutEvents with a fixed success, so the ratio shows what the local cloud's parsing,
# matching, routing and durable queue cost on top of the SDK and HTTP. No npm peer
# emulates EventBridge without Docker. Reports figures and ratios; asserts nothing about
# time. Usage: bench_eventbridge.sh BUILD_DIR
set -eu
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
nimbus=""
bare=""
trap 'kill $nimbus $bare 2>/dev/null; rm -rf "$work"' EXIT
# Interrupted (Ctrl+C, a closed pipe), the EXIT trap above still stops the servers.
trap 'exit 130' INT TERM HUP PIPE
sdk="$build/share/nimbus-studio/runtime/sdk"
calls=${BENCH_CALLS:-2000}
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

cat > "$work/events.json" <<'JSON'
{
    "format": "nimbus-project",
    "version": 1,
    "nodes": [
        {"kind": "event-bus", "name": "orders", "position": [0, 0], "properties": {"busName": "orders"}},
        {"kind": "rule", "name": "big-orders", "position": [300, 0],
         "properties": {"pattern": "{\"source\": [\"shop.orders\"], \"detail\": {\"total\": [{\"numeric\": [\">=\", 100]}]}}"}},
        {"kind": "queue", "name": "review", "position": [600, 0], "properties": {}}
    ],
    "edges": [
        {"from": "orders", "to": "big-orders", "type": "routes"},
        {"from": "big-orders", "to": "review", "type": "targets"}
    ]
}
JSON
"$build/bin/nimbus" serve "$work/events.json" --port 0 --aws-port 0 --state "$work/state" > "$work/urls" 2> "$work/serve.log" &
nimbus=$!
for i in $(seq 1 100); do [ "$(wc -l < "$work/urls")" -ge 2 ] && break; sleep 0.1; done
endpoint=$(sed -n 2p "$work/urls")
[ -n "$endpoint" ] || { cat "$work/serve.log" >&2; exit 1; }

# The bare limit: PutEvents' success answer, one id per entry, from Node's own http server.
cat > "$work/bare.mjs" <<'JS'
import http from "node:http";
let n = 0;
const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
        const entries = JSON.parse(Buffer.concat(chunks).toString()).Entries ?? [];
        const body = JSON.stringify({ FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: `bare-${++n}` })) });
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": String(n) });
        res.end(body);
    });
});
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}`));
JS
node "$work/bare.mjs" > "$work/bare.url" &
bare=$!
for i in $(seq 1 100); do [ -s "$work/bare.url" ] && break; sleep 0.1; done

echo "EventBridge PutEvents, AWS SDK for JavaScript v3, $calls calls per row, $(nproc) cores:"
echo "nimbus serve ($endpoint; matched events go to a durable queue):"
node "$here/bench_eventbridge.mjs" "$endpoint" "$sdk" orders "$calls" | tee "$work/nimbus.txt" | grep -v '^RATE'
echo "bare Node.js http server answering PutEvents (the limit, same run):"
node "$here/bench_eventbridge.mjs" "$(cat "$work/bare.url")" "$sdk" orders "$calls" | tee "$work/bare.txt" | grep -v '^RATE'
for row in 1_entry,_sequential 1_entry,_16_in_flight 10_entries,_16_in_flight; do
    a=$(awk -v r="$row" '$1 == "RATE" && $2 == r {print $3}' "$work/nimbus.txt")
    b=$(awk -v r="$row" '$1 == "RATE" && $2 == r {print $3}' "$work/bare.txt")
    awk -v a="$a" -v b="$b" -v l="$row" 'BEGIN { gsub(/_/, " ", l); if (b > 0) printf "  %-36s %.2fx the bare server\n", l ":", a / b }'
done
# What the rule routed: every event with a total of 100 or more (half of them).
kill $nimbus 2>/dev/null && wait $nimbus 2>/dev/null || true
nimbus=""
echo "messages the rule sent to the review queue: $(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from messages").fetchone()[0])' "$work/state/state.sqlite" 2>/dev/null || echo '?')"
