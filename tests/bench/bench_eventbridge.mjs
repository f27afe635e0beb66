// EventBridge PutEvents from the AWS SDK for JavaScript v3 (the client Lambda bundles):
// one entry per call and ten per call, one client in sequence and 16 calls in flight.
// Reports figures; asserts only that every entry was accepted.
// Usage: node bench_eventbridge.mjs ENDPOINT SDK_DIR BUS [CALLS]
import { createRequire } from "node:module";

const [endpoint, sdkDir, bus, callsArg] = process.argv.slice(2);
const require = createRequire(`${sdkDir}/package.json`);
const { EventBridgeClient, PutEventsCommand } = require("@aws-sdk/client-eventbridge");
const client = new EventBridgeClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
const calls = Number(callsArg ?? 2000);

// Half the orders are over 100, which the bench design's rule routes to its queue.
const entry = (i) => ({
    EventBusName: bus,
    Source: "shop.orders",
    DetailType: "Order Placed",
    Detail: JSON.stringify({ orderId: `o-${i}`, total: i % 200, items: [{ itemId: "42", quantity: 1 }] }),
});

async function put(i, entries) {
    const answer = await client.send(new PutEventsCommand({ Entries: Array.from({ length: entries }, (_, k) => entry(i * entries + k)) }));
    if (answer.FailedEntryCount !== 0 || answer.Entries.length !== entries)
        throw new Error(`PutEvents failed: ${JSON.stringify(answer)}`);
}

async function run(label, entries, concurrency) {
    for (let i = 0; i < 100; ++i) await put(i, entries); // warm up
    const latencies = [];
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < calls) {
            const i = next++;
            const t = process.hrtime.bigint();
            await put(i, entries);
            latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
    }));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
    const rate = (calls * entries) / seconds;
    console.log(`${label.padEnd(26)} ${rate.toFixed(0).padStart(7)} events/s   call p50 ${at(0.5)} ms   p99 ${at(0.99)} ms`);
    console.log(`RATE ${label.replace(/ /g, "_")} ${rate.toFixed(0)}`);
}

await run("1 entry, sequential", 1, 1);
await run("1 entry, 16 in flight", 1, 16);
await run("10 entries, 16 in flight", 10, 16);
