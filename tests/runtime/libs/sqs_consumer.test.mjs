// sqs-consumer 14 (BBC's polling consumer on the AWS SDK for JavaScript v3) against the
// local cloud's SQS, as an application runs it: a standard queue consumed one message at a
// time and in batches, a slow message kept hidden by heartbeats (ChangeMessageVisibility), a
// failing message returned at once (terminateVisibilityTimeout) until the queue's redrive
// moves it to the dead-letter queue, and a FIFO queue whose groups arrive in order, once
// each, with a failing message holding its group back. Each case asserts what SQS
// documents. tst_libraries runs one case at a time (--test-name-pattern) against
// tests/runtime/data/libraries/libraries.json (queue orders: maxReceiveCount 2, its
// dead-letter queue orders-dlq; FIFO queue payments.fifo: maxReceiveCount 2,
// payments-dlq.fifo), with NIMBUS_AWS_ENDPOINT and NIMBUS_LIBRARIES_DIR.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(`${process.env.NIMBUS_LIBRARIES_DIR}/package.json`);
const { Consumer } = require("sqs-consumer");
const sqsSdk = require("@aws-sdk/client-sqs");

const sqs = new sqsSdk.SQSClient({
    endpoint: process.env.NIMBUS_AWS_ENDPOINT, region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
const urlOf = async (QueueName) => (await sqs.send(new sqsSdk.GetQueueUrlCommand({ QueueName }))).QueueUrl;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function counts(QueueUrl) {
    const { Attributes } = await sqs.send(new sqsSdk.GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["All"] }));
    return [Number(Attributes.ApproximateNumberOfMessages), Number(Attributes.ApproximateNumberOfMessagesNotVisible)];
}

// Runs a consumer with options until done() holds (at most 30 s), then stops it and waits
// for it to finish what it holds; the errors it emitted.
async function consume(options, done) {
    const errors = [];
    const consumer = Consumer.create({ sqs, waitTimeSeconds: 1, pollingWaitTimeMs: 10, ...options });
    consumer.on("error", (err) => errors.push(err));
    consumer.on("processing_error", (err) => errors.push(err));
    consumer.start();
    const deadline = Date.now() + 30000;
    while (!done() && Date.now() < deadline)
        await pause(20);
    consumer.stop({ abort: false });
    while (consumer.status.isPolling)
        await pause(20);
    assert.ok(done(), "the consumer did not finish within 30 s");
    return errors;
}

async function sendAll(QueueUrl, entries) {
    for (let at = 0; at < entries.length; at += 10) {
        const sent = await sqs.send(new sqsSdk.SendMessageBatchCommand({ QueueUrl, Entries: entries.slice(at, at + 10) }));
        assert.equal(sent.Successful.length, Math.min(10, entries.length - at), JSON.stringify(sent.Failed));
    }
}

test("a standard queue consumed one message at a time", async () => {
    const queueUrl = await urlOf("orders");
    await sendAll(queueUrl, Array.from({ length: 5 }, (_, i) => ({
        Id: `m${i}`, MessageBody: JSON.stringify({ order: i }),
        MessageAttributes: { kind: { DataType: "String", StringValue: "order" } },
    })));
    const seen = [];
    const errors = await consume({
        queueUrl, messageAttributeNames: ["All"], attributeNames: ["ApproximateReceiveCount"],
        handleMessage: async (message) => {
            assert.equal(message.MessageAttributes.kind.StringValue, "order");
            assert.equal(message.Attributes.ApproximateReceiveCount, "1");
            seen.push(JSON.parse(message.Body).order);
            return message; // acknowledged: sqs-consumer deletes it
        },
    }, () => seen.length === 5);
    assert.deepEqual(errors, []);
    assert.deepEqual(seen.sort(), [0, 1, 2, 3, 4]);
    // Every message deleted: none left, in view or in flight.
    assert.deepEqual(await counts(queueUrl), [0, 0]);
});

test("batches of up to ten, only the acknowledged ones deleted", async () => {
    const queueUrl = await urlOf("orders");
    await sendAll(queueUrl, Array.from({ length: 25 }, (_, i) => ({ Id: `m${i}`, MessageBody: `${i}` })));
    const sizes = [];
    const handled = new Set();
    const errors = await consume({
        queueUrl, batchSize: 10,
        handleMessageBatch: async (messages) => {
            sizes.push(messages.length);
            messages.forEach((m) => handled.add(m.Body));
            // The odd ones are acknowledged; the even ones stay in flight.
            return messages.filter((m) => Number(m.Body) % 2 === 1);
        },
    }, () => handled.size === 25);
    assert.deepEqual(errors, []);
    assert.ok(sizes.every((n) => n >= 1 && n <= 10), `batch sizes ${sizes}`);
    assert.equal(sizes.reduce((a, b) => a + b, 0), 25, "each message once within its visibility timeout");
    // The 13 unacknowledged messages are still in the queue, invisible for 30 s.
    assert.deepEqual(await counts(queueUrl), [0, 13]);
});

test("a failing message is retried, then moved to the dead-letter queue", async () => {
    const queueUrl = await urlOf("orders");
    const deadUrl = await urlOf("orders-dlq");
    await sendAll(queueUrl, [{ Id: "good", MessageBody: "good" }, { Id: "poison", MessageBody: "poison" }]);
    const attempts = [];
    let good = 0;
    const errors = await consume({
        queueUrl, attributeNames: ["ApproximateReceiveCount"], terminateVisibilityTimeout: true,
        handleMessage: async (message) => {
            if (message.Body === "poison") {
                attempts.push(message.Attributes.ApproximateReceiveCount);
                throw new Error("cannot handle poison");
            }
            good++;
            return message;
        },
    }, () => good === 1 && attempts.length >= 2);
    // A few more receives: with maxReceiveCount 2, SQS moves the message to the dead-letter
    // queue when a receive finds it received twice, instead of giving it a third time.
    const more = [];
    await consume({
        queueUrl, handleMessage: async (message) => { more.push(message.Body); return message; },
    }, () => true);
    for (let i = 0; i < 3 && more.length === 0; ++i)
        await sqs.send(new sqsSdk.ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 0 }));
    assert.deepEqual(attempts, ["1", "2"]);
    assert.deepEqual(more, []);
    assert.ok(errors.some((e) => /cannot handle poison/.test(e.message)), errors.map((e) => e.message).join("; "));
    assert.deepEqual(await counts(queueUrl), [0, 0]);
    const dead = await sqs.send(new sqsSdk.ReceiveMessageCommand({ QueueUrl: deadUrl, MaxNumberOfMessages: 10 }));
    assert.deepEqual(dead.Messages.map((m) => m.Body), ["poison"]);
});

test("a heartbeat keeps a slow message hidden past its visibility timeout", async () => {
    const queueUrl = await urlOf("orders");
    await sendAll(queueUrl, [{ Id: "slow", MessageBody: "slow" }]);
    // Received with a 2 s visibility timeout and handled for 4.5 s: sqs-consumer's heartbeat
    // calls ChangeMessageVisibility every second, so SQS keeps it from a second consumer
    // that polls meanwhile.
    const deliveries = [];
    let handled = false;
    const slow = consume({
        queueUrl, visibilityTimeout: 2, heartbeatInterval: 1,
        handleMessage: async (message) => {
            deliveries.push(`slow:${message.Body}`);
            // Half-way between two heartbeats: one sent as the message is deleted would
            // name a receipt handle SQS no longer knows.
            await pause(4500);
            handled = true;
            return message;
        },
    }, () => handled);
    while (deliveries.length === 0)
        await pause(20);
    const watcher = consume({
        queueUrl, handleMessage: async (message) => { deliveries.push(`watcher:${message.Body}`); return message; },
    }, () => handled);
    const errors = [...await slow, ...await watcher];
    assert.deepEqual(errors, []);
    assert.deepEqual(deliveries, ["slow:slow"]);
    assert.deepEqual(await counts(queueUrl), [0, 0]);
});

test("the queue's attributes name its redrive policy", async () => {
    const queueUrl = await urlOf("orders");
    const { Attributes } = await sqs.send(new sqsSdk.GetQueueAttributesCommand({
        QueueUrl: queueUrl, AttributeNames: ["RedrivePolicy", "VisibilityTimeout"],
    }));
    // SQS answers the RedrivePolicy as JSON text naming the dead-letter queue's ARN.
    assert.deepEqual(JSON.parse(Attributes.RedrivePolicy),
        { deadLetterTargetArn: "arn:aws:sqs:us-east-1:000000000000:orders-dlq", maxReceiveCount: 2 });
    assert.equal(Attributes.VisibilityTimeout, "30");
});

test("a FIFO queue: each group in order, duplicates dropped", async () => {
    const queueUrl = await urlOf("payments.fifo");
    const entries = [];
    for (let i = 0; i < 6; ++i)
        for (const g of ["a", "b", "c"])
            entries.push({ Id: `${g}${i}`, MessageBody: `${g}:${i}`, MessageGroupId: g, MessageDeduplicationId: `${g}-${i}` });
    await sendAll(queueUrl, entries);
    // The same deduplication id within five minutes: accepted, not delivered again.
    const again = await sqs.send(new sqsSdk.SendMessageCommand({
        QueueUrl: queueUrl, MessageBody: "a:0", MessageGroupId: "a", MessageDeduplicationId: "a-0",
    }));
    assert.ok(again.MessageId);
    const arrived = { a: [], b: [], c: [] };
    const sequence = [];
    const errors = await consume({
        queueUrl, batchSize: 10, suppressFifoWarning: true, messageSystemAttributeNames: ["All"],
        handleMessageBatch: async (messages) => {
            for (const m of messages) {
                const [group, index] = m.Body.split(":");
                assert.equal(m.Attributes.MessageGroupId, group);
                sequence.push(BigInt(m.Attributes.SequenceNumber));
                arrived[group].push(Number(index));
            }
            return messages;
        },
    }, () => Object.values(arrived).every((list) => list.length >= 6));
    assert.deepEqual(errors, []);
    for (const list of Object.values(arrived))
        assert.deepEqual(list, [0, 1, 2, 3, 4, 5]);
    assert.equal(new Set(sequence).size, 18, "one sequence number each");
    assert.deepEqual(await counts(queueUrl), [0, 0]);
});

test("a FIFO group waits for its failing message, which then goes to the dead-letter queue", async () => {
    const queueUrl = await urlOf("payments.fifo");
    const deadUrl = await urlOf("payments-dlq.fifo");
    await sendAll(queueUrl, [
        { Id: "x0", MessageBody: "x:bad", MessageGroupId: "x", MessageDeduplicationId: "x0" },
        { Id: "x1", MessageBody: "x:1", MessageGroupId: "x", MessageDeduplicationId: "x1" },
        { Id: "y0", MessageBody: "y:0", MessageGroupId: "y", MessageDeduplicationId: "y0" },
    ]);
    const order = [];
    const errors = await consume({
        queueUrl, suppressFifoWarning: true, terminateVisibilityTimeout: true,
        handleMessage: async (message) => {
            order.push(message.Body);
            if (message.Body === "x:bad")
                throw new Error("bad payment");
            return message;
        },
    }, () => order.includes("x:1") && order.includes("y:0"));
    // x:1 comes only after x:bad has been tried maxReceiveCount (2) times and moved away;
    // group y is not held back by x.
    assert.deepEqual(order.filter((b) => b.startsWith("x:")), ["x:bad", "x:bad", "x:1"]);
    assert.ok(errors.length >= 2);
    const dead = await sqs.send(new sqsSdk.ReceiveMessageCommand({
        QueueUrl: deadUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ["MessageGroupId"],
    }));
    assert.deepEqual(dead.Messages.map((m) => [m.Body, m.Attributes.MessageGroupId]), [["x:bad", "x"]]);
});
