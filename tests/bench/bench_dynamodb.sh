#!/bin/sh
# DynamoDB against `nimbus serve`'s AWS-compatible endpoint (the design of
# tests/runtime/data/aws) and, in the same run, against dynalite (npm, in memory)
# serving the same table: raw HTTP with wrk (GetItem and PutItem bodies from a Lua
# script, as no SDK client can saturate a server), beside the HTTP library's own limit
# (bench_httplimit: Qt HttpServer answering a fixed answer on as many threads as the
# endpoint), then PutItem+GetItem pairs from the AWS SDK for JavaScript v3 and from
# boto3. Reports figures and ratios; asserts nothing about time. Usage: bench_dynamodb.sh BUILD_DIR
set -eu
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tools=$build/bench-tools
work=$(mktemp -d)
nimbus=""
dynalite=""
httplimit=""
trap 'kill $nimbus $dynalite $httplimit 2>/dev/null; rm -rf "$work"' EXIT
# Interrupted (Ctrl+C, a closed pipe), the EXIT trap above still stops the servers.
trap 'exit 130' INT TERM HUP PIPE
seconds=${BENCH_SECONDS:-6}
cp -r "$here/../runtime/data/aws/." "$work/"
"$build/bin/nimbus" serve "$work/aws.json" --port 0 --aws-port 0 --state "$work/state" > "$work/urls" 2> /dev/null &
nimbus=$!
for i in $(seq 1 100); do [ "$(wc -l < "$work/urls")" -ge 2 ] && break; sleep 0.1; done
endpoint=$(sed -n 2p "$work/urls")
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

# One DynamoDB JSON 1.0 request, signed as the SDKs sign (the servers check the form,
# not the signature).
dynamo() { # endpoint operation body
    curl -s -X POST -H "Content-Type: application/x-amz-json-1.0" -H "X-Amz-Target: DynamoDB_20120810.$2" \
        -H "X-Amz-Date: 20261201T000000Z" \
        -H "Authorization: AWS4-HMAC-SHA256 Credential=x/20261201/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0" \
        -d "$3" "$1/"
}

# wrk's request bodies: GetItem of one item, PutItem of a new item each time.
cat > "$work/dynamo.lua" <<'LUA'
local operation = os.getenv("DYNAMO_OPERATION")
local n = 0
local counter = 0
-- Each thread's ids differ: setup runs in the main state, thread_id is a global of the thread's.
function setup(thread)
    counter = counter + 1
    thread:set("thread_id", counter)
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810." .. operation
wrk.headers["X-Amz-Date"] = "20261201T000000Z"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=x/20261201/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0"
local padding = string.rep("x", 200)
function request()
    if operation == "GetItem" then
        return wrk.format(nil, nil, nil, '{"TableName":"things","Key":{"id":{"S":"wrk-seed"}}}')
    end
    n = n + 1
    local id = "wrk-" .. (thread_id or 0) .. "-" .. n
    return wrk.format(nil, nil, nil, '{"TableName":"things","Item":{"id":{"S":"' .. id .. '"},"n":{"N":"' .. n .. '"},"body":{"S":"' .. padding .. '"}}}')
end
LUA

raw() { # label endpoint operation
    # A server that stops answering ends the run when it is nimbus; the baseline's
    # failure is reported and its figures left out.
    if ! DYNAMO_OPERATION=$3 wrk -t2 -c16 -d2s -s "$work/dynamo.lua" "$2/" > "$work/$1.txt" 2>&1 ||
        ! DYNAMO_OPERATION=$3 wrk -t2 -c16 -d${seconds}s --latency -s "$work/dynamo.lua" "$2/" > "$work/$1.txt" 2>&1; then
        echo "  $1: wrk failed: $(tail -n 1 "$work/$1.txt")" >&2
        case "$1" in nimbus_*) return 1 ;; esac
        eval "${1}_rps=0"
        return 0
    fi
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/$1.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/$1.txt")
    errors=$(awk '/Non-2xx/ {print $5}' "$work/$1.txt")
    printf '  %-24s %10s req/s   p50 %8s   non-2xx %s\n' "$1" "$rps" "$p50" "${errors:-0}"
    eval "${1}_rps=$rps"
}
ratio() { # label a b
    awk -v a="$2" -v b="$3" -v l="$1" 'BEGIN { if (b > 0) printf "  %-40s %.2fx\n", l, a / b }'
}

if command -v wrk > /dev/null && [ -x "$tools/node_modules/.bin/dynalite" ]; then
    "$tools/node_modules/.bin/dynalite" --port 43230 > /dev/null 2>&1 &
    dynalite=$!
    # On a loaded 2-core machine node can take long to start it: wait up to 30 s, and
    # should it never answer, say so and measure nimbus alone rather than end the run.
    for i in $(seq 1 300); do dynamo http://127.0.0.1:43230 ListTables '{}' > /dev/null 2>&1 && break; sleep 0.1; done
    if ! dynamo http://127.0.0.1:43230 ListTables '{}' > /dev/null 2>&1; then
        echo "dynalite did not answer on 127.0.0.1:43230 within 30 s: no baseline figures this run" >&2
        kill $dynalite 2>/dev/null || true
        dynalite=""
    fi
    dynamo http://127.0.0.1:43230 CreateTable '{"TableName":"things","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}' > /dev/null || true
    for i in $(seq 1 50); do dynamo http://127.0.0.1:43230 DescribeTable '{"TableName":"things"}' | grep -q ACTIVE && break; sleep 0.1; done
    seed='{"TableName":"things","Item":{"id":{"S":"wrk-seed"},"n":{"N":"1"}}}'
    dynamo "$endpoint" PutItem "$seed" > /dev/null || true
    dynamo http://127.0.0.1:43230 PutItem "$seed" > /dev/null || true
    echo "DynamoDB over raw HTTP, wrk -t2 -c16 -d${seconds}s, $(nproc) cores (nimbus: durable on disk; dynalite: in memory):"
    raw nimbus_get "$endpoint" GetItem
    [ -n "$dynalite" ] && raw dynalite_get http://127.0.0.1:43230 GetItem
    raw nimbus_put "$endpoint" PutItem
    if [ -n "$dynalite" ]; then
        raw dynalite_put http://127.0.0.1:43230 PutItem
        ratio "GetItem, nimbus / dynalite:" "$nimbus_get_rps" "$dynalite_get_rps"
        ratio "PutItem, nimbus / dynalite:" "$nimbus_put_rps" "$dynalite_put_rps"
    fi
    # The HTTP library's limit: Qt HttpServer answering the same small answer on as many
    # threads as `nimbus serve`'s endpoint reads on (ServerThreads::defaultCount(2): half
    # the cores, 2 to 4, and the cloud's own thread) and doing nothing else
    # (bench_httplimit), under the same wrk load.
    lanes=$(( $(nproc) / 2 )); [ "$lanes" -lt 2 ] && lanes=2; [ "$lanes" -gt 4 ] && lanes=4
    [ -n "${NIMBUS_SERVER_THREADS:-}" ] && lanes=$NIMBUS_SERVER_THREADS
    lanes=$((lanes + 1))
    if [ -x "$build/tests/bench_httplimit" ]; then
        echo "  (bare Qt HttpServer on $lanes threads, as the endpoint)"
        "$build/tests/bench_httplimit" 0 "$lanes" > "$work/httplimit.url" 2> /dev/null &
        httplimit=$!
        for i in $(seq 1 100); do [ -s "$work/httplimit.url" ] && break; sleep 0.1; done
        raw qt_httpserver_get "$(head -n 1 "$work/httplimit.url")" GetItem
        kill $httplimit 2>/dev/null || true
        wait $httplimit 2>/dev/null || true
        httplimit=""
        ratio "GetItem, nimbus / bare Qt HttpServer:" "$nimbus_get_rps" "$qt_httpserver_get_rps"
        ratio "PutItem, nimbus / bare Qt HttpServer:" "$nimbus_put_rps" "$qt_httpserver_get_rps"
    fi
else
    echo "wrk or dynalite is missing (scripts/setup.sh test installs them): no raw-HTTP figures" >&2
fi

echo "DynamoDB PutItem+GetItem pairs against $endpoint, $(nproc) cores"
echo "AWS SDK for JavaScript v3 (JSON 1.0):"
node "$here/bench_dynamodb.mjs" "$endpoint" "$build/share/nimbus-studio/runtime/sdk" "${BENCH_PAIRS:-3000}"
if [ -n "$dynalite" ]; then
    echo "the same against dynalite (baseline, same run):"
    node "$here/bench_dynamodb.mjs" http://127.0.0.1:43230 "$build/share/nimbus-studio/runtime/sdk" "${BENCH_PAIRS:-3000}" || echo "  dynalite stopped answering: no SDK baseline figures" >&2
fi
echo "boto3 $(/usr/bin/python3 -c 'import boto3; print(boto3.__version__)') (Debian), sequential:"
/usr/bin/python3 - "$endpoint" "${BENCH_PAIRS:-3000}" <<'PY'
import sys, time
import boto3
endpoint, pairs = sys.argv[1], int(sys.argv[2])
client = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
def pair(i):
    client.put_item(TableName="things", Item={"id": {"S": f"py-{i}"}, "n": {"N": str(i)}, "body": {"S": "x" * 200}})
    assert client.get_item(TableName="things", Key={"id": {"S": f"py-{i}"}})["Item"]["n"]["N"] == str(i)
for i in range(200):
    pair(i)
latencies = []
started = time.perf_counter()
for i in range(pairs):
    t = time.perf_counter()
    pair(i)
    latencies.append((time.perf_counter() - t) * 1000)
seconds = time.perf_counter() - started
latencies.sort()
print(f"{'sequential':22} {pairs / seconds:6.0f} pairs/s   pair p50 {latencies[len(latencies) // 2]:.2f} ms   "
      f"p99 {latencies[int(len(latencies) * 0.99)]:.2f} ms   ({pairs} pairs)")
PY
