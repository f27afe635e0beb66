// GET /items/{id}: returns one catalogue item from the items table.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";

// Created once per instance and reused by warm invocations.
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE = process.env.ITEMS_TABLE;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const json = (statusCode, body) => ({
    statusCode,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
});

export const handler = async (event) => {
    const id = event.pathParameters?.id;
    if (!id || !ID_PATTERN.test(id)) {
        return json(400, { message: "the item id must be 1 to 64 letters, digits, '-' or '_'" });
    }
    const { Item } = await documents.send(new GetCommand({ TableName: TABLE, Key: { id } }));
    if (!Item) {
        return json(404, { message: `item ${id} not found` });
    }
    const etag = `"${Item.version ?? 0}"`;
    if (event.headers?.["if-none-match"] === etag) {
        return { statusCode: 304, headers: { etag } };
    }
    return { ...json(200, Item), headers: { "content-type": "application/json", etag } };
};
