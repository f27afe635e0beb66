// The AWS SDK for JavaScript v3 (the clients Lambda bundles, from the studio's runtime
// folder) against the local cloud's endpoint: every operation the local cloud serves,
// with pagination, conditional failures and error codes. tst_awsendpoint runs it with
// NIMBUS_AWS_ENDPOINT set to a running endpoint and the design it serves:
// queue jobs (maxReceiveCount 2) and its jobs-dlq, tables things (id), events (device, at:N)
// and docs (folder, name), bucket files, topic alerts.
import assert from "node:assert/strict";
import http from "node:http";
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { test } from "node:test";

const require = createRequire(`${process.env.NIMBUS_SDK_DIR}/package.json`);
const sqsSdk = require("@aws-sdk/client-sqs");
const ddbSdk = require("@aws-sdk/client-dynamodb");
const docSdk = require("@aws-sdk/lib-dynamodb");
const s3Sdk = require("@aws-sdk/client-s3");
const snsSdk = require("@aws-sdk/client-sns");
const { NodeHttpHandler } = require("@smithy/node-http-handler");

const endpoint = process.env.NIMBUS_AWS_ENDPOINT;
const config = { endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } };
const sqs = new sqsSdk.SQSClient(config);
const ddb = new ddbSdk.DynamoDBClient(config);
const docs = docSdk.DynamoDBDocumentClient.from(ddb);
const s3 = new s3Sdk.S3Client({ ...config, forcePathStyle: true });
const sns = new snsSdk.SNSClient(config);

async function rejects(promise, name) {
    try {
        await promise;
    } catch (err) {
        assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
        return err;
    }
    assert.fail(`expected ${name}, but the call succeeded`);
}

test("SQS: queue URL, send with attributes, receive, change visibility, delete", async () => {
    const { QueueUrl } = await sqs.send(new sqsSdk.GetQueueUrlCommand({ QueueName: "jobs" }));
    assert.match(QueueUrl, /\/000000000000\/jobs$/);
    // The SDK checks MD5OfMessageBody and MD5OfMessageAttributes itself.
    const sent = await sqs.send(new sqsSdk.SendMessageCommand({
        QueueUrl, MessageBody: "hello",
        MessageAttributes: { kind: { DataType: "String", StringValue: "greeting" }, n: { DataType: "Number", StringValue: "3" } },
    }));
    assert.ok(sent.MessageId);
    const received = await sqs.send(new sqsSdk.ReceiveMessageCommand({
        QueueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ["All"], MessageSystemAttributeNames: ["All"], VisibilityTimeout: 30,
    }));
    assert.equal(received.Messages.length, 1);
    const [m] = received.Messages;
    assert.equal(m.Body, "hello");
    assert.equal(m.MessageAttributes.kind.StringValue, "greeting");
    assert.equal(m.Attributes.ApproximateReceiveCount, "1");
    // In flight: invisible until its visibility is changed to 0.
    const hidden = await sqs.send(new sqsSdk.ReceiveMessageCommand({ QueueUrl }));
    assert.equal(hidden.Messages, undefined);
    await sqs.send(new sqsSdk.ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 }));
    const again = await sqs.send(new sqsSdk.ReceiveMessageCommand({ QueueUrl }));
    assert.equal(again.Messages[0].MessageId, m.MessageId);
    await sqs.send(new sqsSdk.DeleteMessageCommand({ QueueUrl, ReceiptHandle: again.Messages[0].ReceiptHandle }));
    await rejects(sqs.send(new sqsSdk.DeleteMessageCommand({ QueueUrl, ReceiptHandle: "not-a-handle" })), "ReceiptHandleIsInvalid");
});

test("SQS: batches, long polling, dead letters and errors", async () => {
    const { QueueUrl } = await sqs.send(new sqsSdk.GetQueueUrlCommand({ QueueName: "jobs" }));
    const batch = await sqs.send(new sqsSdk.SendMessageBatchCommand({
        QueueUrl, Entries: [1, 2, 3].map((i) => ({ Id: `m${i}`, MessageBody: `body ${i}` })),
    }));
    assert.deepEqual(batch.Successful.map((s) => s.Id).sort(), ["m1", "m2", "m3"]);
    const got = await sqs.send(new sqsSdk.ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    assert.equal(got.Messages.length, 3);
    const deleted = await sqs.send(new sqsSdk.DeleteMessageBatchCommand({
        QueueUrl, Entries: got.Messages.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })),
    }));
    assert.equal(deleted.Successful.length, 3);
    await rejects(sqs.send(new sqsSdk.SendMessageBatchCommand({ QueueUrl, Entries: [] })), "EmptyBatchRequest");
    // Long polling answers when the wait is over, empty.
    const started = Date.now();
    const empty = await sqs.send(new sqsSdk.ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    assert.equal(empty.Messages, undefined);
    assert.ok(Date.now() - started >= 900, "the receive waited");
    // Received twice without a delete (maxReceiveCount 2): the third receive moves it.
    await sqs.send(new sqsSdk.SendMessageCommand({ QueueUrl, MessageBody: "poison" }));
    for (let i = 0; i < 2; ++i) {
        const r = await sqs.send(new sqsSdk.ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0 }));
        assert.equal(r.Messages[0].Body, "poison");
    }
    assert.equal((await sqs.send(new sqsSdk.ReceiveMessageCommand({ QueueUrl }))).Messages, undefined);
    const dlq = await sqs.send(new sqsSdk.GetQueueUrlCommand({ QueueName: "jobs-dlq" }));
    const dead = await sqs.send(new sqsSdk.ReceiveMessageCommand({ QueueUrl: dlq.QueueUrl }));
    assert.equal(dead.Messages[0].Body, "poison");
    await sqs.send(new sqsSdk.DeleteMessageCommand({ QueueUrl: dlq.QueueUrl, ReceiptHandle: dead.Messages[0].ReceiptHandle }));
    const missing = await rejects(sqs.send(new sqsSdk.GetQueueUrlCommand({ QueueName: "nowhere" })), "QueueDoesNotExist");
    assert.equal(missing.$metadata.httpStatusCode, 400);
    await rejects(sqs.send(new sqsSdk.SendMessageCommand({ QueueUrl: `${endpoint}/000000000000/nowhere`, MessageBody: "x" })),
                  "QueueDoesNotExist");
});

test("DynamoDB: typed values are kept exactly", async () => {
    const item = {
        id: { S: "all-types" }, s: { S: "ünïcødé ✓" }, n: { N: "12345678901234567890.123456789" }, b: { B: new Uint8Array([0, 1, 254, 255]) },
        yes: { BOOL: true }, nothing: { NULL: true }, m: { M: { inner: { L: [{ N: "1" }, { S: "two" }] } } },
        ss: { SS: ["a", "b"] }, ns: { NS: ["1", "2.5"] },
    };
    await ddb.send(new ddbSdk.PutItemCommand({ TableName: "things", Item: item }));
    const { Item } = await ddb.send(new ddbSdk.GetItemCommand({ TableName: "things", Key: { id: { S: "all-types" } } }));
    assert.deepEqual(Item, item);
    const projected = await ddb.send(new ddbSdk.GetItemCommand({
        TableName: "things", Key: { id: { S: "all-types" } }, ProjectionExpression: "#s, m.inner[1]", ExpressionAttributeNames: { "#s": "s" },
    }));
    assert.deepEqual(projected.Item, { s: item.s, m: { M: { inner: { L: [{ S: "two" }] } } } });
    const none = await ddb.send(new ddbSdk.GetItemCommand({ TableName: "things", Key: { id: { S: "absent" } } }));
    assert.equal(none.Item, undefined);
});

test("DynamoDB: conditions and updates", async () => {
    await docs.send(new docSdk.PutCommand({ TableName: "things", Item: { id: "c1", price: 10, count: 1, tags: new Set(["x"]), old: "gone soon" } }));
    await rejects(docs.send(new docSdk.PutCommand({
        TableName: "things", Item: { id: "c1" }, ConditionExpression: "attribute_not_exists(id)",
    })), "ConditionalCheckFailedException");
    const updated = await docs.send(new docSdk.UpdateCommand({
        TableName: "things", Key: { id: "c1" },
        UpdateExpression: "SET price = :p, #c = #c + :one, note = if_not_exists(note, :note) REMOVE old ADD tags :t, visits :one",
        ConditionExpression: "attribute_exists(id) AND price < :max",
        ExpressionAttributeNames: { "#c": "count" },
        ExpressionAttributeValues: { ":p": 12.5, ":one": 1, ":note": "new", ":t": new Set(["y"]), ":max": 100 },
        ReturnValues: "ALL_NEW",
    }));
    assert.equal(updated.Attributes.price, 12.5);
    assert.equal(updated.Attributes.count, 2);
    assert.equal(updated.Attributes.visits, 1);
    assert.equal(updated.Attributes.note, "new");
    assert.deepEqual([...updated.Attributes.tags].sort(), ["x", "y"]);
    assert.equal(updated.Attributes.old, undefined);
    await rejects(docs.send(new docSdk.UpdateCommand({
        TableName: "things", Key: { id: "c1" }, UpdateExpression: "SET price = :p", ConditionExpression: "price > :p",
        ExpressionAttributeValues: { ":p": 50 },
    })), "ConditionalCheckFailedException");
    await rejects(docs.send(new docSdk.UpdateCommand({
        TableName: "things", Key: { id: "c1" }, UpdateExpression: "SET price = :p", ExpressionAttributeValues: { ":p": 1, ":unused": 2 },
    })), "ValidationException");
    await rejects(docs.send(new docSdk.UpdateCommand({
        TableName: "things", Key: { id: "c1" }, UpdateExpression: "SET price = = :p", ExpressionAttributeValues: { ":p": 1 },
    })), "ValidationException");
    const deleted = await docs.send(new docSdk.DeleteCommand({ TableName: "things", Key: { id: "c1" }, ReturnValues: "ALL_OLD" }));
    assert.equal(deleted.Attributes.price, 12.5);
    await rejects(docs.send(new docSdk.DeleteCommand({ TableName: "things", Key: { id: "c1" }, ConditionExpression: "attribute_exists(id)" })),
                  "ConditionalCheckFailedException");
    await rejects(ddb.send(new ddbSdk.GetItemCommand({ TableName: "nowhere", Key: { id: { S: "1" } } })), "ResourceNotFoundException");
    await rejects(ddb.send(new ddbSdk.GetItemCommand({ TableName: "things", Key: { id: { N: "1" } } })), "ValidationException");
});

test("DynamoDB: query with every key condition, pagination and order", async () => {
    const writes = [];
    for (let at = 1; at <= 30; ++at)
        writes.push({ PutRequest: { Item: { device: "d1", at, reading: at * 10 } } });
    for (let i = 0; i < writes.length; i += 25)
        await docs.send(new docSdk.BatchWriteCommand({ RequestItems: { events: writes.slice(i, i + 25) } }));
    await docs.send(new docSdk.PutCommand({ TableName: "events", Item: { device: "d2", at: 1 } }));
    const query = async (condition, values, extra = {}) => (await docs.send(new docSdk.QueryCommand({
        TableName: "events", KeyConditionExpression: `device = :d${condition ? " AND " + condition : ""}`,
        ExpressionAttributeValues: { ":d": "d1", ...values }, ...extra,
    }))).Items.map((i) => i.at);
    assert.equal((await query("", {})).length, 30);
    assert.deepEqual(await query("at = :a", { ":a": 7 }), [7]);
    assert.deepEqual(await query("at < :a", { ":a": 3 }), [1, 2]);
    assert.deepEqual(await query("at <= :a", { ":a": 3 }), [1, 2, 3]);
    assert.deepEqual(await query("at > :a", { ":a": 28 }), [29, 30]);
    assert.deepEqual(await query("at >= :a", { ":a": 28 }), [28, 29, 30]);
    assert.deepEqual(await query("at BETWEEN :a AND :b", { ":a": 10, ":b": 12 }), [10, 11, 12]);
    assert.deepEqual(await query("at > :a", { ":a": 27 }, { ScanIndexForward: false }), [30, 29, 28]);
    assert.deepEqual(await query("at > :a", { ":a": 20 }, { FilterExpression: "reading > :r", ExpressionAttributeValues: { ":d": "d1", ":a": 20, ":r": 280 } }), [29, 30]);
    // Pages of 7 until LastEvaluatedKey is gone.
    const seen = [];
    let start;
    let pages = 0;
    do {
        const page = await docs.send(new docSdk.QueryCommand({
            TableName: "events", KeyConditionExpression: "device = :d", ExpressionAttributeValues: { ":d": "d1" }, Limit: 7, ExclusiveStartKey: start,
        }));
        seen.push(...page.Items.map((i) => i.at));
        start = page.LastEvaluatedKey;
        ++pages;
    } while (start);
    assert.equal(pages, 5);
    assert.deepEqual(seen, Array.from({ length: 30 }, (_, i) => i + 1));
    // begins_with on a string sort key.
    for (const name of ["notes/a", "notes/b", "photos/c"])
        await docs.send(new docSdk.PutCommand({ TableName: "docs", Item: { folder: "f", name } }));
    const notes = await docs.send(new docSdk.QueryCommand({
        TableName: "docs", KeyConditionExpression: "folder = :f AND begins_with(#n, :p)",
        ExpressionAttributeNames: { "#n": "name" }, ExpressionAttributeValues: { ":f": "f", ":p": "notes/" },
    }));
    assert.deepEqual(notes.Items.map((i) => i.name), ["notes/a", "notes/b"]);
    await rejects(docs.send(new docSdk.QueryCommand({ TableName: "events", KeyConditionExpression: "at = :a", ExpressionAttributeValues: { ":a": 1 } })),
                  "ValidationException");
});

test("DynamoDB: scan, batch get, describe", async () => {
    let start;
    let total = 0;
    let matched = 0;
    do {
        const page = await docs.send(new docSdk.ScanCommand({
            TableName: "events", Limit: 8, ExclusiveStartKey: start, FilterExpression: "attribute_exists(reading)",
        }));
        total += page.ScannedCount;
        matched += page.Count;
        start = page.LastEvaluatedKey;
    } while (start);
    assert.equal(total, 31);
    assert.equal(matched, 30);
    const got = await docs.send(new docSdk.BatchGetCommand({
        RequestItems: { events: { Keys: [{ device: "d1", at: 5 }, { device: "d2", at: 1 }, { device: "d9", at: 1 }] } },
    }));
    assert.equal(got.Responses.events.length, 2);
    const { Table } = await ddb.send(new ddbSdk.DescribeTableCommand({ TableName: "events" }));
    assert.equal(Table.TableStatus, "ACTIVE");
    assert.deepEqual(Table.KeySchema, [{ AttributeName: "device", KeyType: "HASH" }, { AttributeName: "at", KeyType: "RANGE" }]);
    assert.equal(Table.ItemCount, 31);
});

test("S3: put, get with range, head, list with pages and folders, copy, delete", async () => {
    await s3.send(new s3Sdk.PutObjectCommand({ Bucket: "files", Key: "docs/readme.txt", Body: "0123456789", ContentType: "text/plain" }));
    const got = await s3.send(new s3Sdk.GetObjectCommand({ Bucket: "files", Key: "docs/readme.txt" }));
    assert.equal(await got.Body.transformToString(), "0123456789");
    assert.equal(got.ContentType, "text/plain");
    const part = await s3.send(new s3Sdk.GetObjectCommand({ Bucket: "files", Key: "docs/readme.txt", Range: "bytes=2-4" }));
    assert.equal(await part.Body.transformToString(), "234");
    assert.equal(part.ContentRange, "bytes 2-4/10");
    const head = await s3.send(new s3Sdk.HeadObjectCommand({ Bucket: "files", Key: "docs/readme.txt" }));
    assert.equal(head.ContentLength, 10);
    // A stream of unknown content goes aws-chunked, with its checksum in a trailer.
    await s3.send(new s3Sdk.PutObjectCommand({ Bucket: "files", Key: "docs/stream.bin", Body: Readable.from([Buffer.from("abc"), Buffer.from("def")]), ContentLength: 6 }));
    const streamed = await s3.send(new s3Sdk.GetObjectCommand({ Bucket: "files", Key: "docs/stream.bin" }));
    assert.equal(await streamed.Body.transformToString(), "abcdef");
    for (let i = 0; i < 5; ++i)
        await s3.send(new s3Sdk.PutObjectCommand({ Bucket: "files", Key: `logs/2026/${i}.log`, Body: `line ${i}` }));
    const keys = [];
    let token;
    do {
        const page = await s3.send(new s3Sdk.ListObjectsV2Command({ Bucket: "files", Prefix: "logs/", MaxKeys: 2, ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).map((o) => o.Key));
        token = page.NextContinuationToken;
    } while (token);
    assert.deepEqual(keys, [0, 1, 2, 3, 4].map((i) => `logs/2026/${i}.log`));
    const folders = await s3.send(new s3Sdk.ListObjectsV2Command({ Bucket: "files", Delimiter: "/" }));
    assert.deepEqual(folders.CommonPrefixes.map((p) => p.Prefix), ["docs/", "logs/"]);
    await s3.send(new s3Sdk.CopyObjectCommand({ Bucket: "files", Key: "copies/readme.txt", CopySource: "files/docs/readme.txt" }));
    const copied = await s3.send(new s3Sdk.GetObjectCommand({ Bucket: "files", Key: "copies/readme.txt" }));
    assert.equal(await copied.Body.transformToString(), "0123456789");
    await s3.send(new s3Sdk.DeleteObjectCommand({ Bucket: "files", Key: "copies/readme.txt" }));
    await rejects(s3.send(new s3Sdk.GetObjectCommand({ Bucket: "files", Key: "copies/readme.txt" })), "NoSuchKey");
    await rejects(s3.send(new s3Sdk.HeadObjectCommand({ Bucket: "files", Key: "copies/readme.txt" })), "NotFound");
    await rejects(s3.send(new s3Sdk.GetObjectCommand({ Bucket: "files", Key: "docs/readme.txt", Range: "bytes=50-60" })), "InvalidRange");
    await rejects(s3.send(new s3Sdk.GetObjectCommand({ Bucket: "nowhere", Key: "x" })), "NoSuchBucket");
    const removed = await s3.send(new s3Sdk.DeleteObjectsCommand({
        Bucket: "files", Delete: { Objects: [0, 1, 2, 3, 4].map((i) => ({ Key: `logs/2026/${i}.log` })) },
    }));
    assert.equal(removed.Deleted.length, 5);
    const left = await s3.send(new s3Sdk.ListObjectsV2Command({ Bucket: "files", Prefix: "logs/" }));
    assert.equal(left.KeyCount, 0);
});

test("S3: virtual-hosted-style addressing", async () => {
    // files.s3.localhost is this machine (RFC 6761; the resolver is told so here, as
    // browsers and systemd do); the bucket is in the host name. A name of any other
    // domain is refused, as DNS rebinding would use it (tests/security).
    const lookup = (host, options, callback) => options && options.all
        ? callback(null, [{ address: "127.0.0.1", family: 4 }]) : callback(null, "127.0.0.1", 4);
    const port = new URL(endpoint).port;
    const hosted = new s3Sdk.S3Client({
        ...config, endpoint: `http://s3.localhost:${port}`, forcePathStyle: false,
        requestHandler: new NodeHttpHandler({ httpAgent: new http.Agent({ lookup }) }),
    });
    await hosted.send(new s3Sdk.PutObjectCommand({ Bucket: "files", Key: "hosted.txt", Body: "by host" }));
    const got = await s3.send(new s3Sdk.GetObjectCommand({ Bucket: "files", Key: "hosted.txt" }));
    assert.equal(await got.Body.transformToString(), "by host");
});

test("SNS: publish and publish batch", async () => {
    const arn = "arn:aws:sns:us-east-1:000000000000:alerts";
    const one = await sns.send(new snsSdk.PublishCommand({
        TopicArn: arn, Message: "disk full", Subject: "alert",
        MessageAttributes: { severity: { DataType: "String", StringValue: "js-attr" } },
    }));
    assert.ok(one.MessageId);
    const batch = await sns.send(new snsSdk.PublishBatchCommand({
        TopicArn: arn, PublishBatchRequestEntries: [{ Id: "a", Message: "one" }, { Id: "b", Message: "two" }],
    }));
    assert.deepEqual(batch.Successful.map((s) => s.Id), ["a", "b"]);
    await rejects(sns.send(new snsSdk.PublishCommand({ TopicArn: "arn:aws:sns:us-east-1:000000000000:nowhere", Message: "x" })), "NotFoundException");
});
