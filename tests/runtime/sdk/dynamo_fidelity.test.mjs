// DynamoDB fidelity through the AWS SDK for JavaScript v3 (client-dynamodb and
// lib-dynamodb, from the studio's runtime folder): normalised numbers, a global index
// queried and paged with lib-dynamodb's paginator, transactions with their cancellation
// reasons, ReturnValuesOnConditionCheckFailure, consumed capacity and PartiQL statements
// (ExecuteTransaction refused by name). tst_dynamofidelity runs it against a design with tables users (id; indexes
// byEmail, byTeam KEYS_ONLY, byTeamWithName INCLUDE name), orders (customer, orderId;
// local index byDate), accounts (id) and readings (sensor, at:N).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(`${process.env.NIMBUS_SDK_DIR}/package.json`);
const ddbSdk = require("@aws-sdk/client-dynamodb");
const docSdk = require("@aws-sdk/lib-dynamodb");

const config = {
    endpoint: process.env.NIMBUS_AWS_ENDPOINT, region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
};
const ddb = new ddbSdk.DynamoDBClient(config);
const docs = docSdk.DynamoDBDocumentClient.from(ddb);

async function rejects(promise, name) {
    try {
        await promise;
    } catch (err) {
        assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
        return err;
    }
    assert.fail(`expected ${name}, but the call succeeded`);
}

test("numbers come back normalised", async () => {
    await ddb.send(new ddbSdk.PutItemCommand({
        TableName: "accounts",
        Item: { id: { S: "js-n" }, a: { N: "1.50" }, b: { N: "007" }, c: { N: "1E+2" }, d: { N: "-0" } },
    }));
    const { Item } = await ddb.send(new ddbSdk.GetItemCommand({ TableName: "accounts", Key: { id: { S: "js-n" } } }));
    assert.deepEqual([Item.a.N, Item.b.N, Item.c.N, Item.d.N], ["1.5", "7", "100", "0"]);
    const err = await rejects(ddb.send(new ddbSdk.PutItemCommand({
        TableName: "accounts", Item: { id: { S: "js-big" }, n: { N: "1234567890123456789012345678901234567890" } },
    })), "ValidationException");
    assert.match(err.message, /38 significant digits/);
});

test("a global index is queried and paged through lib-dynamodb", async () => {
    for (let i = 0; i < 25; i++)
        await docs.send(new docSdk.PutCommand({
            TableName: "users", Item: { id: `js${i}`, team: i % 2 ? "odd" : "even", score: i, name: `n${i}`, bio: "b" },
        }));
    await docs.send(new docSdk.PutCommand({ TableName: "users", Item: { id: "js-noteam", name: "alone" } }));
    const ids = [];
    let pages = 0;
    for await (const page of docSdk.paginateQuery({ client: docs, pageSize: 4 }, {
        TableName: "users", IndexName: "byTeamWithName", KeyConditionExpression: "team = :t AND score > :s",
        ExpressionAttributeValues: { ":t": "even", ":s": 5 }, ScanIndexForward: false,
    })) {
        pages++;
        for (const item of page.Items) {
            assert.deepEqual(Object.keys(item).sort(), ["id", "name", "score", "team"]);
            ids.push(item.id);
        }
    }
    assert.deepEqual(ids, ["js24", "js22", "js20", "js18", "js16", "js14", "js12", "js10", "js8", "js6"]);
    assert.ok(pages >= 3);
    const scanned = await docs.send(new docSdk.ScanCommand({ TableName: "users", IndexName: "byTeam" }));
    assert.equal(scanned.Count, 25, "the item without a team is not in the index");
    await rejects(docs.send(new docSdk.QueryCommand({
        TableName: "users", IndexName: "byTeam", KeyConditionExpression: "team = :t",
        ExpressionAttributeValues: { ":t": "odd" }, ConsistentRead: true,
    })), "ValidationException");
    const { Table } = await ddb.send(new ddbSdk.DescribeTableCommand({ TableName: "users" }));
    assert.deepEqual(Table.GlobalSecondaryIndexes.map((i) => i.IndexName), ["byEmail", "byTeam", "byTeamWithName"]);
});

test("a transaction is all or nothing, with its cancellation reasons", async () => {
    await docs.send(new docSdk.PutCommand({ TableName: "accounts", Item: { id: "js-a", balance: 10 } }));
    const err = await rejects(docs.send(new docSdk.TransactWriteCommand({
        TransactItems: [
            { Put: { TableName: "accounts", Item: { id: "js-b", balance: 1 } } },
            {
                Update: {
                    TableName: "accounts", Key: { id: "js-a" }, UpdateExpression: "SET balance = balance - :x",
                    ConditionExpression: "balance >= :x", ExpressionAttributeValues: { ":x": 50 },
                    ReturnValuesOnConditionCheckFailure: "ALL_OLD",
                },
            },
        ],
    })), "TransactionCanceledException");
    assert.deepEqual(err.CancellationReasons.map((r) => r.Code), ["None", "ConditionalCheckFailed"]);
    assert.deepEqual(err.CancellationReasons[1].Item, { id: { S: "js-a" }, balance: { N: "10" } });
    const none = await docs.send(new docSdk.GetCommand({ TableName: "accounts", Key: { id: "js-b" } }));
    assert.equal(none.Item, undefined);
    const done = await docs.send(new docSdk.TransactWriteCommand({
        TransactItems: [
            { Put: { TableName: "accounts", Item: { id: "js-b", balance: 1 } } },
            {
                Update: {
                    TableName: "accounts", Key: { id: "js-a" }, UpdateExpression: "SET balance = balance - :x",
                    ConditionExpression: "balance >= :x", ExpressionAttributeValues: { ":x": 4 },
                },
            },
        ],
        ReturnConsumedCapacity: "TOTAL",
    }));
    assert.equal(done.ConsumedCapacity[0].CapacityUnits, 4);
    const got = await docs.send(new docSdk.TransactGetCommand({
        TransactItems: [
            { Get: { TableName: "accounts", Key: { id: "js-a" } } },
            { Get: { TableName: "accounts", Key: { id: "js-missing" } } },
            { Get: { TableName: "accounts", Key: { id: "js-b" } } },
        ],
    }));
    assert.deepEqual(got.Responses.map((r) => r.Item?.balance), [6, undefined, 1]);
});

test("a failed condition returns the item when asked", async () => {
    await docs.send(new docSdk.PutCommand({ TableName: "accounts", Item: { id: "js-lock", owner: "ann" } }));
    const err = await rejects(ddb.send(new ddbSdk.PutItemCommand({
        TableName: "accounts", Item: { id: { S: "js-lock" }, owner: { S: "bob" } },
        ConditionExpression: "attribute_not_exists(id)", ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    })), "ConditionalCheckFailedException");
    assert.deepEqual(err.Item, { id: { S: "js-lock" }, owner: { S: "ann" } });
});

test("consumed capacity as DynamoDB counts it", async () => {
    const got = await ddb.send(new ddbSdk.GetItemCommand({
        TableName: "accounts", Key: { id: { S: "js-lock" } }, ReturnConsumedCapacity: "TOTAL",
    }));
    assert.equal(got.ConsumedCapacity.CapacityUnits, 0.5);
    const put = await ddb.send(new ddbSdk.PutItemCommand({
        TableName: "users", Item: { id: { S: "js-cap" }, email: { S: "cap@x.org" }, bio: { S: "x".repeat(2000) } },
        ReturnConsumedCapacity: "INDEXES",
    }));
    assert.equal(put.ConsumedCapacity.Table.CapacityUnits, 2);
    assert.equal(put.ConsumedCapacity.GlobalSecondaryIndexes.byEmail.CapacityUnits, 2);
});

test("PartiQL statements through lib-dynamodb", async () => {
    await docs.send(new docSdk.ExecuteStatementCommand({
        Statement: "INSERT INTO accounts VALUE {'id': ?, 'balance': ?, 'tags': ?}",
        Parameters: ["js-pq", 12.5, new Set(["a", "b"])],
    }));
    await rejects(docs.send(new docSdk.ExecuteStatementCommand({
        Statement: "INSERT INTO accounts VALUE {'id': ?}", Parameters: ["js-pq"],
    })), "DuplicateItemException");
    await docs.send(new docSdk.ExecuteStatementCommand({
        Statement: 'UPDATE "accounts" SET balance = balance + ? WHERE id = ?', Parameters: [0.5, "js-pq"],
    }));
    const { Items } = await docs.send(new docSdk.ExecuteStatementCommand({
        Statement: "SELECT id, balance, tags FROM accounts WHERE id = ?", Parameters: ["js-pq"],
    }));
    assert.deepEqual(Items, [{ id: "js-pq", balance: 13, tags: new Set(["a", "b"]) }]);
    const batch = await docs.send(new docSdk.BatchExecuteStatementCommand({
        Statements: [
            { Statement: "SELECT * FROM accounts WHERE id = ?", Parameters: ["js-pq"] },
            { Statement: "DELETE FROM accounts WHERE id = ?", Parameters: ["js-pq"] },
        ],
    }));
    assert.equal(batch.Responses[0].Item.balance, 13);
    const gone = await docs.send(new docSdk.GetCommand({ TableName: "accounts", Key: { id: "js-pq" } }));
    assert.equal(gone.Item, undefined);
    const err = await rejects(ddb.send(new ddbSdk.ExecuteTransactionCommand({
        TransactStatements: [{ Statement: "SELECT * FROM accounts WHERE id = 'x'" }],
    })), "NotImplemented");
    assert.match(err.message, /ExecuteTransaction/);
});
