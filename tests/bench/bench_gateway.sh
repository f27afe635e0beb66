#!/bin/sh
# Requests per second and latency through the local gateway (`nimbus serve`), each
# beside its baselines measured the same way in the same run with wrk on loopback:
# 1. GET /items/{id} answered by a warm Node.js function, beside a bare Node.js `http`
#    server answering the same JSON (the machine's limit for one Node.js process), a bare
#    Node.js front handing each request to one of 16 Node.js worker processes (the least
#    work of the Lambda process model that nimbus serve follows: the machine's limit for
#    this model; lambda_model_front.mjs), the same model handing its workers Lambda's
#    whole HTTP API event and context, and serverless-offline serving the same handler;
# 2. the example's real path: GET /items/{id} whose handler reads the item from a table
#    through the AWS SDK, beside serverless-offline with dynalite (npm, in memory)
#    serving the same handler and table, and beside the Lambda model's front and worker
#    processes running the same handler with Lambda's event and context (taking turns
#    with nimbus serve for the steady figure), against nimbus serve's endpoint and against
#    dynalite; and the same front with only twice as many worker processes as cores
#    (requests wait for a free one, which is not Lambda's model), to show what sixteen
#    processes sharing the cores cost.
# Reports figures and ratios; asserts nothing about time. Usage: bench_gateway.sh BUILD_DIR
set -u
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tools=$build/bench-tools
work=$(mktemp -d)
trap 'kill $nimbus $offline $bare $model $dynalite 2>/dev/null; rm -rf "$work"' EXIT
# Interrupted (Ctrl+C, a closed pipe), the EXIT trap above still stops the servers.
trap 'exit 130' INT TERM HUP PIPE
nimbus=""
offline=""
bare=""
model=""
dynalite=""
if ! command -v wrk > /dev/null || [ ! -x "$tools/node_modules/.bin/serverless" ]; then
    echo "wrk or serverless-offline is missing; run scripts/setup.sh test." >&2
    exit 1
fi
threads=2
connections=16
seconds=${BENCH_SECONDS:-8}
steady=${BENCH_STEADY:-20} # seconds of load before the real path's steady-state figures

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

# The real path: the handler reads the item through the SDK, from the table its
# variable names, at the endpoint AWS_ENDPOINT_URL names (nimbus serve sets both).
mkdir -p "$work/real/functions/getItem"
cat > "$work/real/functions/getItem/index.js" <<'JS'
const { DynamoDBClient, GetItemCommand } = require("@aws-sdk/client-dynamodb");
const client = new DynamoDBClient({});
exports.handler = async (event) => {
    const { Item } = await client.send(new GetItemCommand({ TableName: process.env.ITEMS_TABLE, Key: { id: { S: event.pathParameters.id } } }));
    return Item ? { statusCode: 200, body: JSON.stringify({ id: Item.id.S, name: Item.name.S }) } : { statusCode: 404, body: "{}" };
};
JS
cp "$work/real/functions/getItem/index.js" "$work/real/index.js"
cat > "$work/real/bench.json" <<'JSON'
{"format": "nimbus-project", "version": 1,
 "nodes": [{"name": "itemRoute", "kind": "http-route", "properties": {"method": "GET", "path": "/items/{id}"}},
           {"name": "getItem", "kind": "function", "properties": {"source": "functions/getItem", "memory": 128}},
           {"name": "items", "kind": "table", "properties": {"partitionKey": "id"}}],
 "edges": [{"from": "itemRoute", "to": "getItem", "type": "invokes"},
           {"from": "getItem", "to": "items", "type": "reads"}]}
JSON
sed -e 's/^service: bench/service: benchreal/' "$work/serverless.yml" > "$work/real/serverless.yml"
cat >> "$work/real/serverless.yml" <<'YAML'
custom:
  serverless-offline:
    noTimeout: true
YAML
sed -i 's/^  runtime: nodejs20.x/  runtime: nodejs20.x\n  environment:\n    ITEMS_TABLE: items\n    AWS_ENDPOINT_URL: http:\/\/127.0.0.1:43130\n    AWS_REGION: us-east-1/' "$work/real/serverless.yml"
ln -s "$tools/node_modules" "$work/real/node_modules"

# A DynamoDB JSON 1.0 request, signed as the SDKs sign (the servers check the form only).
dynamo() { # endpoint operation body
    curl -s -X POST -H "Content-Type: application/x-amz-json-1.0" -H "X-Amz-Target: DynamoDB_20120810.$2" \
        -H "X-Amz-Date: 20261201T000000Z" \
        -H "Authorization: AWS4-HMAC-SHA256 Credential=x/20261201/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0" \
        -d "$3" "$1/"
}
item='{"TableName":"items","Item":{"id":{"S":"42"},"name":{"S":"the answer"}}}'

ratio() { # label a b
    awk -v a="$2" -v b="$3" -v l="$1" 'BEGIN { if (b > 0) printf "%-74s %.2fx\n", l, a / b }'
}

# The CPU clock ticks a process has used, and those its child processes have (/proc).
cpu_ticks() { # pid -> "own children"
    for stat in /proc/[0-9]*/stat; do cat "$stat" 2> /dev/null; done |
        awk -v pid="$1" '{ id = $1; sub(/^.*\) /, ""); if (id == pid) own += $12 + $13; else if ($2 == pid) kids += $12 + $13 }
                         END { print own + 0, kids + 0 }'
}

# watched: the server's pid, when its CPU a request (and its worker processes') is wanted.
watched=""
measure() { # name url [warm-up seconds] [the server's log, shown if it never answers]
    answered=""
    for i in $(seq 1 150); do
        node -e "fetch(process.argv[1]).then(r => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))" "$2" &&
            answered=1 && break
        sleep 0.2
    done
    if [ -z "$answered" ]; then
        echo "$1: $2 did not answer 200 within about 40 s" >&2
        [ -n "${4:-}" ] && tail -n 20 "$4" >&2
    fi
    # Every stack starts its timed warm-up with as many instances as connections, each with
    # its handler loaded: one burst of as many requests as connections at once. nimbus serve
    # (as Lambda) starts an instance for each request that finds none free, where the
    # model's front starts its workers before it listens; without the burst, nimbus's cold
    # starts would take part of the warm-up below, and its workers would begin the measured
    # window having served fewer requests than the model's.
    node -e "Promise.all(Array.from({ length: +process.argv[2] }, () => fetch(process.argv[1]).then((r) => r.text())))
                 .then(() => process.exit(0), () => process.exit(1))" "$2" $connections
    wrk -t$threads -c$connections -d${3:-3}s "$2" > /dev/null 2>&1 # warm every instance up
    window "$1" "$2"
}

# One measured run of wrk against a stack already warm: its figures, and its server's CPU
# (and its worker processes') a request when watched names the server.
window() { # name url
    [ -n "$watched" ] && before=$(cpu_ticks "$watched")
    wrk -t$threads -c$connections -d${seconds}s --latency "$2" > "$work/$1.txt" 2>&1
    [ -n "$watched" ] && after=$(cpu_ticks "$watched")
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/$1.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/$1.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/$1.txt")
    errors=$(awk '/Non-2xx/ {print $5}' "$work/$1.txt")
    # wrk prints "Socket errors: connect C, read R, write W, timeout T" only when there are some.
    timeouts=$(awk '/Socket errors/ {print $NF}' "$work/$1.txt")
    printf '%-24s %10s req/s   p50 %8s   p99 %8s   non-2xx %s   timeouts %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-0}" \
        "${timeouts:-0}"
    if [ -n "$watched" ]; then
        echo "$before $after $(awk '/requests in/ {print $1}' "$work/$1.txt")" |
            awk -v hz="$(getconf CLK_TCK)" '$5 > 0 { printf "%-24s CPU a request: the server %.0f us, its worker processes %.0f us\n", "",
                                                     ($3 - $1) / hz / $5 * 1e6, ($4 - $2) / hz / $5 * 1e6 }'
    fi
    eval "${1}_rps=$rps"
}

echo "GET /items/{id}, warm Node.js 20 handler, wrk -t$threads -c$connections -d${seconds}s on loopback, $(nproc) cores"
cat > "$work/bare.js" <<'JS'
require("node:http").createServer((request, response) => {
    const id = request.url.split("/")[2];
    const body = JSON.stringify({ id });
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    response.end(body);
}).listen(43140, "127.0.0.1");
JS
node "$work/bare.js" &
bare=$!
measure bare_node "http://127.0.0.1:43140/items/42"
kill $bare; wait $bare 2>/dev/null; bare=""
# The Lambda model's limit: a front and one worker process per wrk connection, each worker
# running one invocation at a time (TERM stops the front, which stops its workers). Its CPU
# a request and nimbus serve's, each with its worker processes', are printed beside.
node "$here/lambda_model_front.mjs" 43150 "$work/functions/getItem/index.js" $connections &
model=$!
watched=$model
measure front_workers "http://127.0.0.1:43150/items/42"
kill $model; wait $model 2>/dev/null; model=""
# The same model handing each worker what Lambda hands a function behind an HTTP API
# route, as nimbus serve does: the payload 2.0 event with all its fields and the whole
# Node.js context (the model above sends a small v1 event and a context of one key).
node "$here/lambda_model_front.mjs" 43149 "$work/functions/getItem/index.js" $connections 128 http-api &
model=$!
watched=$model
measure model_lambda_event "http://127.0.0.1:43149/items/42"
kill $model; wait $model 2>/dev/null; model=""
"$build/bin/nimbus" serve "$work/bench.json" --port 43110 --state "$work/state" > /dev/null 2>&1 &
nimbus=$!
watched=$nimbus
measure nimbus_serve "http://127.0.0.1:43110/items/42"
watched=""
kill $nimbus; wait $nimbus 2>/dev/null; nimbus=""

(cd "$work" && SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off AWS_ACCESS_KEY_ID=AKIAEXAMPLE \
    AWS_SECRET_ACCESS_KEY=example HOME="$work/home" exec ./node_modules/.bin/serverless offline \
    --httpPort 43120 --lambdaPort 43122 > "$work/offline.log" 2>&1) &
offline=$!
measure serverless_offline "http://127.0.0.1:43120/items/42" 3 "$work/offline.log"
kill $offline 2>/dev/null; pkill -P $offline 2>/dev/null; offline=""

ratio "nimbus serve / bare front + worker processes (the Lambda model's limit):" "$nimbus_serve_rps" "$front_workers_rps"
ratio "nimbus serve / the same with Lambda's event and context:" "$nimbus_serve_rps" "$model_lambda_event_rps"
ratio "the model with Lambda's event and context / with the small event:" "$model_lambda_event_rps" "$front_workers_rps"
ratio "nimbus serve / bare Node.js http server:" "$nimbus_serve_rps" "$bare_node_rps"
ratio "bare front + worker processes / bare Node.js http server:" "$front_workers_rps" "$bare_node_rps"
ratio "the same with Lambda's event and context / bare Node.js http server:" "$model_lambda_event_rps" "$bare_node_rps"
ratio "nimbus serve / serverless-offline:" "$nimbus_serve_rps" "$serverless_offline_rps"

echo
echo "The example's real path: GET /items/{id}, the handler reads the item through the SDK"
"$build/bin/nimbus" serve "$work/real/bench.json" --port 43110 --aws-port 43111 --state "$work/real/state" > /dev/null 2>&1 &
nimbus=$!
for i in $(seq 1 100); do dynamo http://127.0.0.1:43111 PutItem "$item" > /dev/null 2>&1 && break; sleep 0.1; done
watched=$nimbus
measure nimbus_real "http://127.0.0.1:43110/items/42"
watched=""
# The Lambda model's limit on the real path: the bare front and its worker processes
# running the same handler with Lambda's HTTP API event and context, reading through the
# SDK from the same endpoint (nimbus serve's, whose gateway is idle meanwhile).
model_port=43150
start_model() { # endpoint [workers]
    # Each run on a port of its own: the last front's port may not be free yet.
    model_port=$((model_port + 1))
    # (NODE_NO_WARNINGS: the SDK's notice about Node.js versions, once from each worker.)
    (cd "$work/real" && ITEMS_TABLE=items AWS_ENDPOINT_URL=$1 AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=AKIAEXAMPLE \
        AWS_SECRET_ACCESS_KEY=example NODE_NO_WARNINGS=1 exec node "$here/lambda_model_front.mjs" $model_port "$work/real/index.js" \
        "${2:-$connections}" 128 http-api) &
    model=$!
}
model_real() { # name endpoint [workers]
    start_model "$2" "${3:-}"
    watched=$model
    measure "$1" "http://127.0.0.1:$model_port/items/42"
    measure "${1}_steady" "http://127.0.0.1:$model_port/items/42" "$steady"
    watched=""
    kill $model; wait $model 2>/dev/null; model=""
}
start_model http://127.0.0.1:43111
watched=$model
measure model_real "http://127.0.0.1:$model_port/items/42"
# The SDK's code is optimised by each process's JIT as it runs: about 1.3 ms of CPU a
# GetItem for a process's first few hundred calls, 0.6 ms after a few thousand. Sixteen
# instances (one request each at a time, as Lambda runs them) take sixteen times as long
# to get there as one process serving every request, so the real path is measured again
# once both stacks have served for a while. Both stay up and take turns, window by
# window, the first of each pair changing every round, so that neither gains from the
# order in which they run.
round=1
rounds=$(((steady + seconds - 1) / seconds + 1)) # at least $steady s of each stack's own load first
echo "(nimbus serve and the model, ${seconds} s each in turn, ${rounds} rounds: the last is the steady figure)"
while [ $round -le $rounds ]; do
    suffix="_$round"
    [ $round = $rounds ] && suffix="_steady"
    if [ $((round % 2)) = 1 ]; then
        watched=$nimbus; window "nimbus_real$suffix" "http://127.0.0.1:43110/items/42"
        watched=$model; window "model_real$suffix" "http://127.0.0.1:$model_port/items/42"
    else
        watched=$model; window "model_real$suffix" "http://127.0.0.1:$model_port/items/42"
        watched=$nimbus; window "nimbus_real$suffix" "http://127.0.0.1:43110/items/42"
    fi
    round=$((round + 1))
done
watched=""
kill $model; wait $model 2>/dev/null; model=""
# The same front and handler with fewer worker processes than wrk's connections: each
# process then serves more of the calls, and its JIT optimises the SDK sooner. Lambda
# would run one instance per concurrent request, as nimbus serve and the model do; this
# figure only shows how much of the distance to the peer the process count is.
few=$(($(nproc) * 2))
model_real model_few http://127.0.0.1:43111 $few
kill $nimbus; wait $nimbus 2>/dev/null; nimbus=""
ratio "real path, nimbus serve / the Lambda model's limit (same endpoint):" "$nimbus_real_rps" "$model_real_rps"
ratio "real path after ${steady} s more, nimbus serve / the Lambda model's limit:" "$nimbus_real_steady_rps" \
    "$model_real_steady_rps"
ratio "real path, the model with $few workers / with $connections:" "$model_few_rps" "$model_real_rps"
ratio "real path after ${steady} s more, the same:" "$model_few_steady_rps" "$model_real_steady_rps"

if [ -x "$tools/node_modules/.bin/dynalite" ]; then
    "$tools/node_modules/.bin/dynalite" --port 43130 > /dev/null 2>&1 &
    dynalite=$!
    for i in $(seq 1 100); do dynamo http://127.0.0.1:43130 ListTables '{}' > /dev/null 2>&1 && break; sleep 0.1; done
    dynamo http://127.0.0.1:43130 CreateTable '{"TableName":"items","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}' > /dev/null
    for i in $(seq 1 50); do dynamo http://127.0.0.1:43130 DescribeTable '{"TableName":"items"}' | grep -q ACTIVE && break; sleep 0.1; done
    dynamo http://127.0.0.1:43130 PutItem "$item" > /dev/null
    (cd "$work/real" && SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off AWS_ACCESS_KEY_ID=AKIAEXAMPLE \
        AWS_SECRET_ACCESS_KEY=example HOME="$work/home" exec ./node_modules/.bin/serverless offline \
        --httpPort 43120 --lambdaPort 43122 > "$work/offline-real.log" 2>&1) &
    offline=$!
    measure offline_dynalite "http://127.0.0.1:43120/items/42" 3 "$work/offline-real.log"
    measure offline_dynalite_steady "http://127.0.0.1:43120/items/42" "$steady"
    kill $offline 2>/dev/null; pkill -P $offline 2>/dev/null; offline=""
    # The Lambda model against the peer with the same table server: how far above
    # serverless-offline (a worker thread for each concurrent request) the model itself can go.
    model_real model_dynalite http://127.0.0.1:43130
    ratio "real path, nimbus serve / serverless-offline+dynalite:" "$nimbus_real_rps" "$offline_dynalite_rps"
    ratio "real path after ${steady} s more, nimbus serve / serverless-offline+dynalite:" "$nimbus_real_steady_rps" \
        "$offline_dynalite_steady_rps"
    ratio "real path, the Lambda model's limit with dynalite / serverless-offline+dynalite:" "$model_dynalite_rps" \
        "$offline_dynalite_rps"
    ratio "real path after ${steady} s more, the same:" "$model_dynalite_steady_rps" "$offline_dynalite_steady_rps"
    ratio "real path, the model with $few workers (nimbus serve's endpoint) / serverless-offline+dynalite:" \
        "$model_few_rps" "$offline_dynalite_rps"
    ratio "real path after ${steady} s more, the same:" "$model_few_steady_rps" "$offline_dynalite_steady_rps"
else
    echo "dynalite is missing (scripts/setup.sh test installs it): no peer figure for the real path" >&2
fi
