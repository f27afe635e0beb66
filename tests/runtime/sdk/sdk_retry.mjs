// One operation through the AWS SDK for JavaScript v3 with the SDK's own retry strategy,
// for tests of injected throttling (tst_faults):
//   node sdk_retry.mjs dynamodb PutItem '{"TableName": "...", ...}' MAX_ATTEMPTS
// prints {"output": {...}, "attempts": n} or {"error": name, "status": http status, "attempts": n}.
// MAX_ATTEMPTS 0 keeps the SDK's default (3 attempts, standard mode).
import { createRequire } from "node:module";

const require = createRequire(`${process.env.NIMBUS_SDK_DIR}/package.json`);
const [service, operation, input, maxAttempts] = process.argv.slice(2);
const sdk = require(`@aws-sdk/client-${service}`);
const Client = Object.values(sdk).find((v) => typeof v === "function" && v.name.toLowerCase() === `${service}client`);
const options = {
    endpoint: process.env.NIMBUS_AWS_ENDPOINT, region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    forcePathStyle: service === "s3",
};
if (Number(maxAttempts) > 0)
    options.maxAttempts = Number(maxAttempts);
const client = new Client(options);
const params = JSON.parse(input || "{}");
if (typeof params.Body === "string")
    params.Body = Buffer.from(params.Body);
try {
    const { $metadata, ...output } = await client.send(new sdk[`${operation}Command`](params));
    console.log(JSON.stringify({ output: { ...output, Payload: undefined, Body: undefined }, attempts: $metadata.attempts }));
} catch (err) {
    console.log(JSON.stringify({ error: err.name, status: err.$metadata?.httpStatusCode ?? 0,
                                 attempts: err.$metadata?.attempts ?? 0, message: err.message }));
}
