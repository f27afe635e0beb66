// A worker of the Lambda model baseline (see lambda_model_front.mjs): one process that
// holds a handler and runs one invocation at a time, as a Lambda instance does.
// Usage: node lambda_model_worker.mjs SOCKET HANDLER_FILE [EVENT] [MEMORY_MB]
// It connects to the front's Unix socket, then for each frame (an API Gateway event as
// JSON: the front's small v1 event, or with EVENT "http-api" the payload 2.0 one) parses
// the event, awaits the handler's exports.handler(event, context) and sends back the
// result as JSON in a frame. The context is the request id alone, or with "http-api"
// Lambda's whole Node.js context. It exits when the front closes the socket.
import net from "node:net";
import { createRequire } from "node:module";
import { readFrames, writeFrame } from "./lambda_model_frames.mjs";

const [socketPath, handlerFile, eventKind = "minimal", memoryMB = "128"] = process.argv.slice(2);
// The benchmark's handler is a CommonJS module (exports.handler), as Lambda's Node.js
// runtime loads an index.js.
const { handler } = createRequire(import.meta.url)(handlerFile);

const socket = net.connect(socketPath);
socket.on("close", () => process.exit(0));
socket.on("error", () => process.exit(1));
readFrames(socket, async (text) => {
    const event = JSON.parse(text);
    const context = eventKind === "http-api" ? lambdaContext(event.requestContext.requestId)
                                             // The least of Lambda's context: the request id the handler may log.
                                             : { awsRequestId: event.requestContext.requestId };
    let result;
    try {
        result = await handler(event, context);
    } catch (error) {
        // Lambda answers an error as the gateway's 502; the front passes the status on.
        result = { statusCode: 502, body: JSON.stringify({ message: "Internal server error" }) };
    }
    writeFrame(socket, JSON.stringify(result));
});

// Lambda's Node.js context, with its legacy methods, as the runtime builds it for each
// invocation (the deadline from the function's timeout, 3 s by default).
const functionName = "getItem";
const arn = `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`;
function lambdaContext(awsRequestId) {
    const deadline = Date.now() + 3000;
    return {
        functionName,
        functionVersion: "$LATEST",
        invokedFunctionArn: arn,
        memoryLimitInMB: memoryMB,
        awsRequestId,
        logGroupName: `/aws/lambda/${functionName}`,
        logStreamName: "2026/12/06/[$LATEST]0123456789abcdef",
        callbackWaitsForEmptyEventLoop: true,
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
        done: () => {},
        succeed: () => {},
        fail: () => {},
    };
}
