// POST /orders: validates an order and queues it for processing.
const { randomUUID } = require("node:crypto");
const { SQSClient, SendMessageCommand, GetQueueUrlCommand } = require("@aws-sdk/client-sqs");

const sqs = new SQSClient({});
let queueUrl = process.env.ORDERS_QUEUE_URL;

const reply = (statusCode, body) => ({
    statusCode,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
});

// Returns a list of problems; empty when the order can be accepted.
function problemsOf(order) {
    const problems = [];
    if (typeof order !== "object" || order === null) return ["the body must be a JSON object"];
    if (typeof order.customerId !== "string" || order.customerId.length === 0) problems.push("customerId is required");
    if (typeof order.email !== "string" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(order.email)) problems.push("email is invalid");
    if (!Array.isArray(order.items) || order.items.length === 0) {
        problems.push("items must be a non-empty list");
    } else {
        order.items.forEach((item, i) => {
            if (typeof item.itemId !== "string") problems.push(`items[${i}].itemId is required`);
            if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > 100) problems.push(`items[${i}].quantity must be 1 to 100`);
            if (typeof item.unitPrice !== "number" || item.unitPrice < 0) problems.push(`items[${i}].unitPrice must be a positive number`);
        });
    }
    return problems;
}

exports.handler = async (event) => {
    let order;
    try {
        const raw = event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString("utf8") : event.body;
        order = JSON.parse(raw ?? "");
    } catch {
        return reply(400, { message: "the body is not valid JSON" });
    }
    const problems = problemsOf(order);
    if (problems.length > 0) return reply(422, { message: "the order was refused", problems });

    const total = order.items.reduce((sum, item) => sum + item.quantity * Math.round(item.unitPrice * 100), 0) / 100;
    const accepted = {
        orderId: randomUUID(),
        customerId: order.customerId,
        email: order.email,
        items: order.items.map(({ itemId, quantity, unitPrice }) => ({ itemId, quantity, unitPrice })),
        total,
        createdAt: new Date().toISOString(),
    };
    if (!queueUrl) {
        ({ QueueUrl: queueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: process.env.ORDERS_QUEUE })));
    }
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(accepted) }));
    return reply(202, { orderId: accepted.orderId, total, status: "accepted" });
};
