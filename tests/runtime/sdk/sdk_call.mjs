// One operation through the AWS SDK for JavaScript v3 (the runtime folder's clients)
// against the local cloud's endpoint, for tests that check each answer themselves:
//   node sdk_call.mjs sqs SendMessage '{"QueueUrl": "...", ...}'
// prints {"output": {...}} or {"error": name, "code": query code, "message": ...}.
import { createRequire } from "node:module";

const require = createRequire(`${process.env.NIMBUS_SDK_DIR}/package.json`);
const [service, operation, input] = process.argv.slice(2);
const sdk = require(`@aws-sdk/client-${service}`);
// SQSClient, S3Client, DynamoDBClient, EventBridgeClient: the service's client whatever its case.
const Client = Object.values(sdk).find((v) => typeof v === "function"
    && v.name.toLowerCase() === `${service.toLowerCase()}client`);
const client = new Client({
    endpoint: process.env.NIMBUS_AWS_ENDPOINT, region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
try {
    const { $metadata, ...output } = await client.send(new sdk[`${operation}Command`](JSON.parse(input || "{}")));
    console.log(JSON.stringify({ output }));
} catch (err) {
    console.log(JSON.stringify({ error: err.name, code: err.Code ?? err.name, message: err.message }));
}
