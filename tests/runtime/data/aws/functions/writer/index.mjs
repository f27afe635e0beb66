// Writes one item through the SDK, as a handler on Lambda would (ES module).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event) => {
    await documents.send(new PutCommand({ TableName: process.env.THINGS_TABLE, Item: { id: event.id, by: "writer" } }));
    return { written: event.id };
};
