// The least work the Lambda process model needs, written plainly: the "bare Node.js front +
// worker processes" baseline of bench_gateway.sh, which measures what the machine can do
// for this model beside `nimbus serve`, which does the same with more to it.
// Usage: node lambda_model_front.mjs PORT HANDLER_FILE [WORKERS] [MEMORY_MB] [EVENT]
// The front is a Node.js http server on 127.0.0.1:PORT. For each GET /items/{id} it builds
// an event and hands it, as JSON in a length-prefixed frame
// over a Unix socket, to one of WORKERS worker processes (lambda_model_worker.mjs, 16 by
// default); each worker runs one invocation at a time, as a Lambda instance does, and a
// request that finds every worker busy waits in a queue for the first one free. The
// worker's result ({statusCode, body}) is parsed and answered with that status and body.
// Workers start node as Lambda's Node.js runtimes do, with a heap sized from the
// function's memory (MEMORY_MB, 128 unless given: the benchmark project's), as nimbus
// serve starts its own.
// EVENT "minimal" (the default) is the least a handler of this route reads: a small API
// Gateway v1 proxy event, and a context of the request id alone. EVENT "http-api" is what
// Lambda hands a function behind an HTTP API route: the payload 2.0 event with every field
// API Gateway documents for it, and the whole Node.js context (its properties and
// methods), built per invocation in the worker as Lambda's runtime builds it.
import http from "node:http";
import net from "node:net";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readFrames, writeFrame } from "./lambda_model_frames.mjs";

const port = Number(process.argv[2]);
const handlerFile = path.resolve(process.argv[3]);
const workerCount = Number(process.argv[4] ?? 16);
const memoryMB = Number(process.argv[5] ?? 128);
const eventKind = process.argv[6] ?? "minimal";
if (eventKind !== "minimal" && eventKind !== "http-api") {
    console.error(`unknown EVENT ${eventKind}: minimal or http-api`);
    process.exit(2);
}
const newSpace = Math.floor(memoryMB / 10);
const nodeArguments = ["--expose-gc", "--max-http-header-size=81920", `--max-semi-space-size=${Math.max(Math.floor(newSpace / 2), 1)}`,
                       `--max-old-space-size=${memoryMB - newSpace}`];
const workerScript = fileURLToPath(new URL("./lambda_model_worker.mjs", import.meta.url));

const socketDir = mkdtempSync(path.join(tmpdir(), "lambda-model-"));
const socketPath = path.join(socketDir, "front.sock");
const workers = [];
const idle = [];    // connected workers with no invocation
const waiting = []; // [event JSON, response] of requests that found every worker busy

// Stopped (the benchmark's EXIT trap sends TERM), the front stops its workers too; they
// would also exit when their socket closes.
function stop() {
    for (const worker of workers)
        worker.kill();
    rmSync(socketDir, { recursive: true, force: true });
    process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

function invoke(worker, eventJson, response) {
    worker.response = response;
    writeFrame(worker, eventJson);
}

// A worker that finished takes the oldest waiting request, else it waits for one.
function release(worker) {
    const next = waiting.shift();
    if (next)
        invoke(worker, next[0], next[1]);
    else
        idle.push(worker);
}

function answer(response, resultJson) {
    let result;
    try {
        result = JSON.parse(resultJson);
    } catch {
        result = null;
    }
    if (!result || typeof result.statusCode !== "number") {
        response.writeHead(502, { "content-type": "application/json" });
        response.end(JSON.stringify({ message: "Internal server error" }));
        return;
    }
    const body = typeof result.body === "string" ? result.body : "";
    // API Gateway's content type when the handler names none.
    response.writeHead(result.statusCode, {
        "content-type": "application/json",
        ...result.headers,
        "content-length": Buffer.byteLength(body),
    });
    response.end(body);
}

// The worker side: each connection on the Unix socket is one worker, idle once connected.
let connected = 0;
const channel = net.createServer((worker) => {
    worker.response = null;
    readFrames(worker, (resultJson) => {
        const response = worker.response;
        worker.response = null;
        answer(response, resultJson);
        release(worker);
    });
    worker.on("close", () => {
        if (worker.response) { // the worker died during an invocation
            worker.response.writeHead(502);
            worker.response.end();
        }
        const at = idle.indexOf(worker);
        if (at >= 0)
            idle.splice(at, 1);
    });
    idle.push(worker);
    // The front serves HTTP once every worker is ready, so that no measured request
    // waits for a worker still starting.
    if (++connected === workerCount)
        front.listen(port, "127.0.0.1");
});
channel.listen(socketPath, () => {
    for (let i = 0; i < workerCount; ++i)
        workers.push(spawn(process.execPath, [...nodeArguments, workerScript, socketPath, handlerFile, eventKind, String(memoryMB)], { stdio: ["ignore", "inherit", "inherit"] }));
});

// The HTTP side: the route GET /items/{id}, as the benchmark's project declares it.
const front = http.createServer((request, response) => {
    const query = request.url.indexOf("?");
    const requestPath = query < 0 ? request.url : request.url.slice(0, query);
    const parts = requestPath.split("/");
    if (request.method !== "GET" || parts.length !== 3 || parts[1] !== "items" || parts[2] === "") {
        response.writeHead(404, { "content-type": "application/json" });
        response.end(JSON.stringify({ message: "Not Found" }));
        return;
    }
    const requestId = randomUUID();
    const id = decodeURIComponent(parts[2]);
    const event = eventKind === "http-api" ? httpApiEvent(request, requestPath, query < 0 ? "" : request.url.slice(query + 1), id, requestId)
                                           : minimalEvent(request, requestPath, id, requestId);
    const eventJson = JSON.stringify(event);
    const worker = idle.pop();
    if (worker)
        invoke(worker, eventJson, response);
    else
        waiting.push([eventJson, response]);
});

// A minimal API Gateway v1 proxy event. The route is a GET, so there is no body to read.
function minimalEvent(request, requestPath, id, requestId) {
    return {
        resource: "/items/{id}",
        path: requestPath,
        httpMethod: request.method,
        headers: request.headers,
        queryStringParameters: null,
        pathParameters: { id },
        requestContext: { requestId, resourcePath: "/items/{id}", httpMethod: request.method, path: requestPath, stage: "$default" },
        body: null,
        isBase64Encoded: false,
    };
}

// The HTTP API payload 2.0 event, field by field as API Gateway documents it
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
// Node.js already joins repeated headers with commas and lower-cases their names, as the
// payload asks; a GET has no body and there are no cookies to split here.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n) => (n < 10 ? "0" : "") + n;
function clfTime(when) {
    return `${two(when.getUTCDate())}/${MONTHS[when.getUTCMonth()]}/${when.getUTCFullYear()}:${two(when.getUTCHours())}:`
        + `${two(when.getUTCMinutes())}:${two(when.getUTCSeconds())} +0000`;
}
function httpApiEvent(request, requestPath, rawQueryString, id, requestId) {
    const when = new Date();
    const host = (request.headers.host ?? "localhost").replace(/:[0-9]+$/, "");
    // As nimbus serve names it: an address has no labels, so its prefix is all of it.
    const address = /^[0-9.]+$/.test(host) || host.startsWith("[");
    return {
        version: "2.0",
        routeKey: "GET /items/{id}",
        rawPath: requestPath,
        rawQueryString,
        headers: request.headers,
        requestContext: {
            accountId: "000000000000",
            apiId: "local",
            domainName: host,
            domainPrefix: address ? host : host.split(".")[0],
            http: { method: request.method, path: requestPath, protocol: `HTTP/${request.httpVersion}`,
                    sourceIp: request.socket.remoteAddress, userAgent: request.headers["user-agent"] ?? "" },
            requestId,
            routeKey: "GET /items/{id}",
            stage: "$default",
            time: clfTime(when),
            timeEpoch: when.getTime(),
        },
        pathParameters: { id },
        isBase64Encoded: false,
    };
}
