// Sends every message it gets back to its own queue: a loop the local cloud must stop.
const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");

const sqs = new SQSClient({});

exports.handler = async (event) => {
    for (const record of event.Records)
        await sqs.send(new SendMessageCommand({ QueueUrl: process.env.LOOP_QUEUE_URL, MessageBody: record.body }));
    return {};
};
