// dynamoose 4 (an object modelling library on the AWS SDK for JavaScript v3) against the
// local cloud's DynamoDB, as an application uses it with its defaults: a model on a table
// the design declares (dynamoose checks it with DescribeTable and waits for it to be
// ACTIVE), conditional saves, queries that dynamoose sends to a global index, updates with
// conditions, and transactions. Each case asserts what DynamoDB documents. tst_libraries
// runs one case at a time (--test-name-pattern) against tests/runtime/data/libraries/libraries.json
// (tables people with indexes byEmail and byTeam (team, score), accounts, catalog (pk, sk)
// with index byCategory (category, price)), with NIMBUS_AWS_ENDPOINT and
// NIMBUS_LIBRARIES_DIR (where scripts/setup.sh test installs tests/runtime/libs/package.json).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(`${process.env.NIMBUS_LIBRARIES_DIR}/package.json`);
const dynamoose = require("dynamoose");
const { DynamoDB } = require("@aws-sdk/client-dynamodb");

// dynamoose calls the aggregated client's methods (describeTable, putItem ...).
dynamoose.aws.ddb.set(new DynamoDB({
    endpoint: process.env.NIMBUS_AWS_ENDPOINT, region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
}));
const Person = dynamoose.model("people", new dynamoose.Schema({
    id: { type: String, hashKey: true },
    email: { type: String, index: { name: "byEmail", type: "global" } },
    team: { type: String, index: { name: "byTeam", type: "global", rangeKey: "score" } },
    score: Number,
    name: String,
    tags: { type: Set, schema: [String] },
    address: { type: Object, schema: { city: String, zip: String } },
    joined: Date,
}, { timestamps: true }));
const Account = dynamoose.model("accounts", new dynamoose.Schema({
    id: { type: String, hashKey: true },
    balance: Number,
    owner: String,
}));
const Product = dynamoose.model("catalog", new dynamoose.Schema({
    pk: { type: String, hashKey: true },
    sk: { type: String, rangeKey: true },
    category: { type: String, index: { name: "byCategory", type: "global", rangeKey: "price" } },
    price: Number,
}));

async function rejects(promise, name) {
    try {
        await promise;
    } catch (err) {
        assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
        return err;
    }
    assert.fail(`expected ${name}, but the call succeeded`);
}

async function seedPeople() {
    await Person.batchPut([
        { id: "p1", email: "ann@x.org", team: "red", score: 30, name: "Ann" },
        { id: "p2", email: "bob@x.org", team: "red", score: 10, name: "Bob" },
        { id: "p3", email: "cy@x.org", team: "blue", score: 20, name: "Cy" },
        { id: "p4", team: "red", score: 20, name: "Di" },
        { id: "p5", name: "Ed" },
    ]);
}

test("a model on a declared table saves and reads items with their types", async () => {
    // The table is the design's: dynamoose's DescribeTable finds it ACTIVE and creates nothing.
    const table = await Person.table().create({ return: "request" });
    assert.equal(table.TableName, "people");
    const joined = new Date("2026-03-01T12:00:00Z");
    await Person.create({
        id: "t1", email: "t@x.org", name: "Tess", tags: new Set(["a", "b"]),
        address: { city: "Lyon", zip: "69001" }, joined,
    });
    const got = await Person.get("t1");
    assert.equal(got.name, "Tess");
    assert.deepEqual([...got.tags].sort(), ["a", "b"]);
    assert.deepEqual(got.address, { city: "Lyon", zip: "69001" });
    assert.equal(got.joined.getTime(), joined.getTime());
    // timestamps: createdAt and updatedAt are stored as numbers and come back as dates.
    assert.ok(got.createdAt instanceof Date && got.updatedAt instanceof Date);
    assert.equal(await Person.get("nobody"), undefined);
});

test("create is a conditional save: a second create of the key fails", async () => {
    await Person.create({ id: "c1", name: "first" });
    // dynamoose's create is PutItem with attribute_not_exists on the key; DynamoDB refuses
    // it with ConditionalCheckFailedException and keeps the item.
    await rejects(Person.create({ id: "c1", name: "second" }), "ConditionalCheckFailedException");
    assert.equal((await Person.get("c1")).name, "first");
    // overwrite: true is an ordinary PutItem.
    await Person.create({ id: "c1", name: "second" }, { overwrite: true });
    assert.equal((await Person.get("c1")).name, "second");
});

test("save with a condition writes only when it holds", async () => {
    const account = await Account.create({ id: "a1", balance: 10, owner: "ann" });
    account.balance = 5;
    await account.save({ condition: new dynamoose.Condition("owner").eq("ann") });
    account.balance = 0;
    await rejects(account.save({ condition: new dynamoose.Condition("owner").eq("bob") }),
        "ConditionalCheckFailedException");
    assert.equal((await Account.get("a1")).balance, 5);
});

test("queries on an attribute with a global index go to the index", async () => {
    await seedPeople();
    // dynamoose picks byEmail itself for a query on email.
    const byEmail = await Person.query("email").eq("bob@x.org").exec();
    assert.deepEqual(byEmail.map((p) => p.id), ["p2"]);
    // On byTeam: the index's sort key orders the items; descending with a key condition.
    const red = await Person.query("team").eq("red").using("byTeam").exec();
    assert.deepEqual(red.map((p) => `${p.id}:${p.score}`), ["p2:10", "p4:20", "p1:30"]);
    const top = await Person.query("team").eq("red").where("score").ge(20).sort("descending").using("byTeam").exec();
    assert.deepEqual(top.map((p) => p.id), ["p1", "p4"]);
    // A filter on a non-key attribute after the key condition.
    const named = await Person.query("team").eq("red").filter("name").beginsWith("B").using("byTeam").exec();
    assert.deepEqual(named.map((p) => p.id), ["p2"]);
    // Count, and an index scan: the items without the index's keys are not in it (sparse).
    const counted = await Person.query("team").eq("red").using("byTeam").count().exec();
    assert.equal(counted.count, 3);
    const inIndex = await Person.scan("id").beginsWith("p").using("byEmail").exec();
    assert.deepEqual(inIndex.map((p) => p.id).sort(), ["p1", "p2", "p3"]);
});

test("an index query pages with limit and startAt", async () => {
    for (let i = 0; i < 7; ++i)
        await Product.create({ pk: `item${i}`, sk: "v1", category: "tools", price: 100 - i });
    await Product.create({ pk: "other", sk: "v1", category: "toys", price: 1 });
    const seen = [];
    let page = await Product.query("category").eq("tools").using("byCategory").limit(3).exec();
    let pages = 1;
    seen.push(...page.map((p) => p.price));
    while (page.lastKey) {
        // An index's LastEvaluatedKey holds the index's keys and the table's.
        assert.deepEqual(Object.keys(page.lastKey).sort(), ["category", "pk", "price", "sk"]);
        page = await Product.query("category").eq("tools").using("byCategory").limit(3).startAt(page.lastKey).exec();
        seen.push(...page.map((p) => p.price));
        assert.ok(++pages < 10);
    }
    assert.deepEqual(seen, [94, 95, 96, 97, 98, 99, 100]);
    assert.equal(pages, 3);
});

test("update with $ADD, $SET and $REMOVE, and with a condition", async () => {
    await Person.create({ id: "u1", name: "Una", score: 1, team: "green" });
    const updated = await Person.update({ id: "u1" }, { $ADD: { score: 4 }, $SET: { name: "Uma" }, $REMOVE: ["team"] });
    assert.equal(updated.score, 5);
    assert.equal(updated.name, "Uma");
    assert.equal(updated.team, undefined);
    // Gone from the index as well as from the item.
    assert.deepEqual((await Person.query("team").eq("green").using("byTeam").exec()).map((p) => p.id), []);
    await rejects(Person.update({ id: "u1" }, { $ADD: { score: 1 } }, { condition: new dynamoose.Condition("score").gt(10) }),
        "ConditionalCheckFailedException");
    assert.equal((await Person.get("u1")).score, 5);
});

test("a transaction writes all or nothing", async () => {
    await Account.batchPut([{ id: "from", balance: 50 }, { id: "to", balance: 0 }]);
    const move = (amount) => dynamoose.transaction([
        Account.transaction.update({ id: "from" }, { $ADD: { balance: -amount } },
            { condition: new dynamoose.Condition("balance").ge(amount) }),
        Account.transaction.update({ id: "to" }, { $ADD: { balance: amount } }),
        Account.transaction.create({ id: `log-${amount}`, balance: amount }),
    ]);
    await move(30);
    assert.deepEqual([(await Account.get("from")).balance, (await Account.get("to")).balance], [20, 30]);
    // The condition fails: DynamoDB cancels the transaction with a reason per action and
    // writes none of them.
    const err = await rejects(move(40), "TransactionCanceledException");
    assert.match(err.message, /ConditionalCheckFailed/);
    assert.deepEqual([(await Account.get("from")).balance, (await Account.get("to")).balance], [20, 30]);
    assert.equal(await Account.get("log-40"), undefined);
    // A condition check on another item, and a create of an existing key, cancel it too.
    await rejects(dynamoose.transaction([
        Account.transaction.condition("to", new dynamoose.Condition("balance").eq(0)),
        Account.transaction.update({ id: "from" }, { $ADD: { balance: 1 } }),
    ]), "TransactionCanceledException");
    await rejects(move(0).then(() => move(0)), "TransactionCanceledException");
    assert.equal((await Account.get("from")).balance, 20);
});

test("a transaction reads several items at once", async () => {
    await Account.batchPut([{ id: "r1", balance: 1 }, { id: "r2", balance: 2 }]);
    // TransactGetItems answers in the order asked. (dynamoose cannot read the empty answer
    // DynamoDB gives for a missing item, so every item asked for exists.)
    const got = await dynamoose.transaction([Account.transaction.get("r2"), Account.transaction.get("r1")]);
    assert.deepEqual(got.map((a) => a.balance), [2, 1]);
});

test("batchPut, batchGet and batchDelete within DynamoDB's limits", async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ id: `b${i}`, balance: i }));
    // BatchWriteItem takes at most 25 requests (dynamoose sends what it is given).
    const err = await rejects(Account.batchPut(items), "ValidationException");
    assert.match(err.message, /less than or equal to 25/);
    await Account.batchPut(items.slice(0, 25));
    await Account.batchPut(items.slice(25));
    const got = await Account.batchGet(Array.from({ length: 30 }, (_, i) => `b${i}`).concat(["none"]));
    assert.equal(got.length, 30);
    assert.deepEqual(got.unprocessedKeys, []);
    await Account.batchDelete(["b0", "b1", "b2"]);
    assert.equal((await Account.scan("id").beginsWith("b").count().exec()).count, 27);
});
