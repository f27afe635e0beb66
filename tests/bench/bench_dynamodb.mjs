// DynamoDB PutItem + GetItem pairs per second from the AWS SDK for JavaScript v3
// against the local cloud's endpoint: one client in sequence, then 16 pairs in flight.
// Reports figures; asserts only that every item read back is the one written.
// Usage: node bench_dynamodb.mjs ENDPOINT SDK_DIR [PAIRS]
import { createRequire } from "node:module";

const [endpoint, sdkDir, pairsArg] = process.argv.slice(2);
const require = createRequire(`${sdkDir}/package.json`);
const { DynamoDBClient, PutItemCommand, GetItemCommand } = require("@aws-sdk/client-dynamodb");
const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
const pairs = Number(pairsArg ?? 3000);

async function pair(i) {
    const id = `item-${i}`;
    await client.send(new PutItemCommand({ TableName: "things", Item: { id: { S: id }, n: { N: String(i) }, body: { S: "x".repeat(200) } } }));
    const { Item } = await client.send(new GetItemCommand({ TableName: "things", Key: { id: { S: id } } }));
    if (Item?.n?.N !== String(i)) throw new Error(`item ${id} came back as ${JSON.stringify(Item)}`);
}

async function run(label, concurrency) {
    for (let i = 0; i < 200; ++i) await pair(i); // warm up
    const latencies = [];
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < pairs) {
            const i = next++;
            const t = process.hrtime.bigint();
            await pair(i);
            latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
    }));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
    console.log(`${label.padEnd(22)} ${(pairs / seconds).toFixed(0).padStart(6)} pairs/s   pair p50 ${at(0.5)} ms   p99 ${at(0.99)} ms   (${pairs} pairs)`);
}

await run("sequential", 1);
await run("16 in flight", 16);
