#!/bin/sh
# DynamoDB PutItem+GetItem pairs per second from the AWS SDK for JavaScript v3 and from
# boto3 against `nimbus serve`'s AWS-compatible endpoint (the design of
# tests/runtime/data/aws). Reports figures. Usage: bench_dynamodb.sh BUILD_DIR
set -eu
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $nimbus 2>/dev/null; rm -rf "$work"' EXIT
cp -r "$here/../runtime/data/aws/." "$work/"
"$build/bin/nimbus" serve "$work/aws.json" --port 0 --aws-port 0 --state "$work/state" > "$work/urls" 2> /dev/null &
nimbus=$!
for i in $(seq 1 100); do [ "$(wc -l < "$work/urls")" -ge 2 ] && break; sleep 0.1; done
endpoint=$(sed -n 2p "$work/urls")
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
echo "DynamoDB PutItem+GetItem pairs against $endpoint, $(nproc) cores"
echo "AWS SDK for JavaScript v3 (JSON 1.0):"
node "$here/bench_dynamodb.mjs" "$endpoint" "$build/share/nimbus-studio/runtime/sdk" "${BENCH_PAIRS:-3000}"
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
