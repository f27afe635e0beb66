// Consumers of one FIFO queue at once through the AWS SDK for JavaScript v3: the
// script sends GROUPS x PER_GROUP messages (bodies "group:index"), then CONSUMERS
// clients receive and delete them in parallel, holding each batch a moment. It fails
// (exit 1) when a consumer gets a message of a group another consumer holds, or a
// group's bodies arrive out of order or twice:
//   node fifo_consumers.mjs QUEUE_URL GROUPS PER_GROUP CONSUMERS
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(`${process.env.NIMBUS_SDK_DIR}/package.json`);
const sqsSdk = require("@aws-sdk/client-sqs");
const [QueueUrl, groupCount, perGroup, consumerCount] = [process.argv[2], ...process.argv.slice(3).map(Number)];
const client = () => new sqsSdk.SQSClient({
    endpoint: process.env.NIMBUS_AWS_ENDPOINT, region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
const groups = Array.from({ length: groupCount }, (_, g) => `group-${g}`);
const sender = client();
const entries = [];
for (let i = 0; i < perGroup; ++i)
    for (const g of groups)
        entries.push({ Id: `${g}-${i}`, MessageBody: `${g}:${i}`, MessageGroupId: g, MessageDeduplicationId: `${g}-${i}` });
for (let at = 0; at < entries.length; at += 10) {
    const sent = await sender.send(new sqsSdk.SendMessageBatchCommand({ QueueUrl, Entries: entries.slice(at, at + 10) }));
    assert.equal(sent.Successful.length, Math.min(10, entries.length - at), JSON.stringify(sent.Failed));
}

const holder = new Map(); // group -> the consumer holding its messages
const arrived = new Map(groups.map((g) => [g, []]));
let deleted = 0;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function consume(me) {
    const sqs = client();
    let attempt = 0;
    while (deleted < entries.length) {
        const got = await sqs.send(new sqsSdk.ReceiveMessageCommand({
            QueueUrl, MaxNumberOfMessages: 1 + Math.floor(Math.random() * 10), MessageSystemAttributeNames: ["All"],
            ReceiveRequestAttemptId: `consumer-${me}-${attempt++}`,
        }));
        const messages = got.Messages ?? [];
        if (messages.length === 0) {
            await pause(2);
            continue;
        }
        for (const m of messages) {
            const [group, index] = m.Body.split(":");
            assert.equal(m.Attributes.MessageGroupId, group);
            const other = holder.get(group);
            assert.ok(other === undefined || other === me,
                `consumer ${me} got ${m.Body} while consumer ${other} holds a message of ${group}`);
            holder.set(group, me);
            arrived.get(group).push(Number(index));
        }
        await pause(Math.floor(Math.random() * 4));
        // Let go of the groups before deleting: once deleted, another consumer may get them.
        for (const m of messages)
            holder.delete(m.Body.split(":")[0]);
        const done = await sqs.send(new sqsSdk.DeleteMessageBatchCommand({
            QueueUrl, Entries: messages.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })),
        }));
        assert.equal(done.Successful.length, messages.length);
        deleted += messages.length;
    }
}

await Promise.all(Array.from({ length: consumerCount }, (_, me) => consume(me)));
for (const [group, indexes] of arrived)
    assert.deepEqual(indexes, Array.from({ length: perGroup }, (_, i) => i), `${group} arrived as ${indexes}`);
console.log(`${entries.length} messages in ${groupCount} groups, in order, by ${consumerCount} consumers`);
