// GET /orders/{orderId}: one order from the orders table, for the shop's staff only.
// The route is protected by the staff user pool (a JWT authorizer): API Gateway checks
// the token before this runs, and passes its claims in requestContext.authorizer.jwt.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";

// Created once per instance and reused by warm invocations.
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE = process.env.ORDERS_TABLE;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const json = (statusCode, body) => ({
    statusCode,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
});

export const handler = async (event) => {
    const orderId = event.pathParameters?.orderId;
    if (!orderId || !ID_PATTERN.test(orderId)) {
        return json(400, { message: "the order id must be 1 to 64 letters, digits, '-' or '_'" });
    }
    const { Item } = await documents.send(new GetCommand({ TableName: TABLE, Key: { orderId } }));
    if (!Item) {
        return json(404, { message: `order ${orderId} not found` });
    }
    const viewer = event.requestContext?.authorizer?.jwt?.claims?.username ?? "unknown";
    console.log(`order ${orderId} read by ${viewer}`);
    return json(200, Item);
};
