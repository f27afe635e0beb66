// Query on a global secondary index through the AWS SDK for JavaScript v3: ITEMS items of
// the catalog table (pk, sk; index byCategory: category, price; projection ALL) in 100
// categories, written with BatchWriteItem (25 a call, 8 calls in flight), then queries of
// one category with a price range and Limit 25, in sequence and 16 in flight, and whole
// categories (ITEMS / 100 items, paged as DynamoDB pages). Prints RATE lines for the
// script to compare and a digest of the answers, the same from every server that answers
// as DynamoDB does. Asserts only that the answers agree with the items written.
// Usage: node bench_dynamoquery.mjs ENDPOINT SDK_DIR ITEMS QUERIES [create]
import { createHash } from "node:crypto";
import { createRequire } from "node:module";

const [endpoint, sdkDir, itemsArg, queriesArg, create] = process.argv.slice(2);
const require = createRequire(`${sdkDir}/package.json`);
const ddb = require("@aws-sdk/client-dynamodb");
const client = new ddb.DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
const items = Number(itemsArg);
const queries = Number(queriesArg);
const categories = 100;
const TableName = "catalog";

if (create === "create") {
    // The table the design declares for nimbus, made the same for a server without a design.
    await client.send(new ddb.CreateTableCommand({
        TableName, BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "S" },
            { AttributeName: "category", AttributeType: "S" }, { AttributeName: "price", AttributeType: "N" }],
        KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
        GlobalSecondaryIndexes: [{
            IndexName: "byCategory", Projection: { ProjectionType: "ALL" },
            KeySchema: [{ AttributeName: "category", KeyType: "HASH" }, { AttributeName: "price", KeyType: "RANGE" }],
        }],
    }));
    for (let i = 0; i < 100; ++i) {
        const { Table } = await client.send(new ddb.DescribeTableCommand({ TableName }));
        if (Table.TableStatus === "ACTIVE" && Table.GlobalSecondaryIndexes.every((g) => g.IndexStatus === "ACTIVE"))
            break;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

const price = (i) => ((i * 7919) % 100000) / 100; // 0 to 999.99, spread over the categories
const item = (i) => ({
    pk: { S: `item-${i}` }, sk: { S: "v1" }, category: { S: `cat-${i % categories}` },
    price: { N: String(price(i)) }, name: { S: `name ${i}` }, body: { S: "x".repeat(100) },
});

async function inFlight(count, concurrency, work) {
    let next = 0;
    const latencies = [];
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < count) {
            const i = next++;
            const t = process.hrtime.bigint();
            await work(i);
            latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
    }));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    return { seconds, p50: latencies[Math.floor(latencies.length / 2)], p99: latencies[Math.floor(latencies.length * 0.99)] };
}

function report(label, count, unit, r) {
    console.log(`  ${label.padEnd(40)} ${(count / r.seconds).toFixed(0).padStart(7)} ${unit}/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms`);
    console.log(`RATE ${label.replace(/ /g, "_")} ${count / r.seconds}`);
}

const batches = Math.ceil(items / 25);
const load = await inFlight(batches, 8, async (b) => {
    let requests = { [TableName]: [] };
    for (let i = b * 25; i < Math.min(items, b * 25 + 25); ++i)
        requests[TableName].push({ PutRequest: { Item: item(i) } });
    while (Object.keys(requests).length > 0) {
        const { UnprocessedItems } = await client.send(new ddb.BatchWriteItemCommand({ RequestItems: requests }));
        requests = UnprocessedItems ?? {};
    }
});
report(`load ${items} items (BatchWriteItem)`, items, "items", load);

const answers = []; // the first 100 queries' items, by query
async function rangeQuery(q) {
    const low = (q * 37) % 900;
    const { Items } = await client.send(new ddb.QueryCommand({
        TableName, IndexName: "byCategory", Limit: 25,
        KeyConditionExpression: "category = :c AND price BETWEEN :low AND :high",
        ExpressionAttributeValues: { ":c": { S: `cat-${q % categories}` }, ":low": { N: String(low) }, ":high": { N: String(low + 100) } },
    }));
    let last = -1;
    for (const it of Items) {
        const p = Number(it.price.N);
        if (it.category.S !== `cat-${q % categories}` || p < low || p > low + 100 || p < last)
            throw new Error(`query ${q} answered ${JSON.stringify(it)}`);
        last = p;
    }
    if (q < 100)
        answers[q] = Items.map((it) => it.pk.S).join(",");
}
await inFlight(Math.min(200, queries), 4, rangeQuery); // warm up
report("Query, price range, Limit 25, sequential", queries, "queries", await inFlight(queries, 1, rangeQuery));
report("Query, price range, Limit 25, 16 in flight", queries, "queries", await inFlight(queries, 16, rangeQuery));

const perCategory = Math.floor(items / categories);
const wholeCount = Math.min(categories, Math.max(10, Math.floor(queries / 20)));
const whole = await inFlight(wholeCount, 4, async (c) => {
    let count = 0;
    let ExclusiveStartKey;
    do {
        const page = await client.send(new ddb.QueryCommand({
            TableName, IndexName: "byCategory", KeyConditionExpression: "category = :c",
            ExpressionAttributeValues: { ":c": { S: `cat-${c}` } }, ExclusiveStartKey,
        }));
        count += page.Count;
        ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    if (count < perCategory)
        throw new Error(`cat-${c} answered ${count} items of ${perCategory}`);
});
report(`whole category (${perCategory} items), 4 in flight`, wholeCount, "queries", whole);
console.log(`DIGEST ${createHash("sha256").update(answers.join(";")).digest("hex").slice(0, 16)}`);
