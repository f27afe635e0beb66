// Nimbus Studio's Node.js worker: loads one function's handler and runs invocations
// sent by the studio. Invocations and results travel on file descriptor 3 as
// length-prefixed JSON frames, never on stdout, so console.log cannot corrupt them.
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import fs from "node:fs";
import Module, { register } from "node:module";
import { spawnSync } from "node:child_process";
import util from "node:util";
import { Writable } from "node:stream";

// The AWS SDK that Lambda bundles and the layers' node_modules, for ES modules (CommonJS
// finds them through NODE_PATH).
if (process.env.NIMBUS_SDK_DIR && typeof register === "function")
    register("./sdk-resolve.mjs", import.meta.url, { data: {
        sdkDirectory: process.env.NIMBUS_SDK_DIR,
        layerModules: process.env.NIMBUS_OPT_PATH ? (process.env.NODE_PATH || "").split(path.delimiter) : [],
    } });
// The ES modules the handler's load evaluates, timed for the cold-start profile.
if (typeof register === "function") {
    register("./import-timer.mjs", import.meta.url, { data: { ownFolder: new URL(".", import.meta.url).href } });
    // The hooks run on a thread of their own, started by the first import that goes
    // through them: started now, so that a spare worker has it running before its
    // function comes, and the handler's load pays only for the handler.
    await import("data:text/javascript,export default 0");
}

const PAYLOAD_LIMIT = 6 * 1024 * 1024;

// The studio's frames, read from the start: those that arrive before the handler is
// loaded wait in early until onFrame takes them. The channel hands its bytes straight to
// readFrames (net.Socket's onread) instead of through a readable stream: per invocation
// that is one call instead of the stream's push, buffering and 'data' event. The read
// buffer is read in place up to nread (no view made of it per read).
const early = [];
let onFrame = (message) => early.push(message);
let partChunks = []; // an incomplete frame's bytes, copied out of the read buffer
let partLength = 0;
function readFrames(nread, chunk) {
    let data = chunk;
    let end = nread;
    if (partLength) {
        partChunks.push(Buffer.from(chunk.subarray(0, nread)));
        partLength += nread;
        if (partChunks[0].length < 4 && partLength >= 4)
            partChunks = [Buffer.concat(partChunks, partLength)];
        // A large event comes in many reads: joined once, when it is all there.
        if (partLength < 4 || partLength < 4 + partChunks[0].readUInt32BE(0)) return;
        data = Buffer.concat(partChunks, partLength);
        end = partLength;
        partChunks = [];
        partLength = 0;
    }
    let offset = 0;
    while (end - offset >= 4) {
        const length = data.readUInt32BE(offset);
        if (end - offset - 4 < length) break;
        const message = parseFrame(data.toString("utf8", offset + 4, offset + 4 + length));
        offset += 4 + length;
        onFrame(message);
    }
    if (offset < end) {
        partChunks.push(Buffer.from(data.subarray(offset, end)));
        partLength = end - offset;
    }
}

// An invocation frame as instance.cpp writes it on its usual path: its head, the
// function's context (the same bytes for every invocation of a worker) and the event,
// which is one JSON value. Only the event is parsed each time: the context of the frame
// before is reused when the frame carries the same text. Any other frame, or one that
// does not read as exactly that, is parsed whole.
const INVOKE_HEAD = '{"type":"invoke","requestId":"';
const DEADLINE_KEY = '","deadlineMs":';
const CONTEXT_KEY = ',"context":';
const EVENT_KEY = ',"event":';
let knownContextText = null; // the context's text, as JSON.stringify writes it again
let knownContext = null;
let knownContextUsable = true; // false once the studio's text of it differs from ours
function parseFrame(text) {
    if (!text.startsWith(INVOKE_HEAD)) return JSON.parse(text);
    const idEnd = text.indexOf('"', INVOKE_HEAD.length);
    const contextAt = idEnd < 0 || !text.startsWith(DEADLINE_KEY, idEnd) ? -1 : text.indexOf(",", idEnd + DEADLINE_KEY.length);
    if (contextAt < 0 || !text.startsWith(CONTEXT_KEY, contextAt)) return JSON.parse(text);
    const contextStart = contextAt + CONTEXT_KEY.length;
    if (knownContextText !== null && text.startsWith(knownContextText, contextStart)
        && text.startsWith(EVENT_KEY, contextStart + knownContextText.length) && text.endsWith("}")) {
        const requestId = text.slice(INVOKE_HEAD.length, idEnd);
        const deadline = text.slice(idEnd + DEADLINE_KEY.length, contextAt);
        // The event's text must be one JSON value (else the frame was something else).
        let event;
        let isEvent = !requestId.includes("\\") && /^-?[0-9]+$/.test(deadline);
        if (isEvent) {
            try {
                event = JSON.parse(text.slice(contextStart + knownContextText.length + EVENT_KEY.length, -1));
            } catch {
                isEvent = false;
            }
        }
        // requestIdJson: the id as the frame wrote it, for the answer.
        if (isEvent) return { type: "invoke", requestId, requestIdJson: text.slice(INVOKE_HEAD.length - 1, idEnd + 1), deadlineMs: Number(deadline), context: knownContext, event };
    }
    const message = JSON.parse(text);
    if (knownContextUsable && message.type === "invoke" && message.context && typeof message.context === "object") {
        const contextText = JSON.stringify(message.context);
        knownContextUsable = text.startsWith(contextText, contextStart);
        knownContextText = knownContextUsable ? contextText : null;
        knownContext = knownContextUsable ? message.context : null;
    }
    return message;
}
const channel = new net.Socket({ fd: 3, readable: true, writable: true,
                                 onread: { buffer: Buffer.allocUnsafe(64 * 1024), callback: readFrames } });

// A frame goes straight to the socket when nothing waits before it (the usual case: one
// write call, no stream machinery); the stream takes it when the socket is full or
// earlier frames still wait, so that frames keep their order. A frame that fits is
// written into one buffer kept for the worker's life (a write to the socket is done when
// writeSync returns), so that it is neither measured nor allocated first.
let outBuffer = Buffer.allocUnsafe(64 * 1024);
function sendText(text) {
    let frame;
    let length;
    if (4 + 3 * text.length <= outBuffer.length) { // UTF-8 needs at most 3 bytes per UTF-16 unit
        frame = outBuffer;
        length = 4 + frame.write(text, 4);
    } else {
        length = 4 + Buffer.byteLength(text, "utf8");
        frame = Buffer.allocUnsafe(length);
        frame.write(text, 4);
    }
    frame.writeUInt32BE(length - 4, 0);
    let written = 0;
    if (channel.writableLength === 0 && !channel.destroyed) {
        try {
            written = fs.writeSync(3, frame, 0, length);
        } catch {
            // EAGAIN: the socket is full. Any other error is the stream's to report.
        }
        if (written === length) return;
    }
    // The stream keeps what it is given until it is written: a copy, when it is the shared buffer.
    channel.write(frame === outBuffer ? Buffer.from(frame.subarray(written, length)) : frame.subarray(written, length));
}
function send(message) {
    sendText(JSON.stringify(message));
}

channel.on("end", () => process.exit(0));
channel.on("error", () => process.exit(0));

// A spare worker, started before a function needs it, becomes that function's worker
// when the studio's first frame names it: its variables (the spare started with the
// runtime's only, never a function's) and its folder. Only then is user code loaded.
// It tells the studio when it is up, so that the studio knows a bind now only loads the handler.
async function becomeFunction() {
    if (!early.length) send({ type: "spare" });
    const load = early.length ? early.shift() : await new Promise((resolve) => {
        onFrame = (message) => {
            onFrame = (later) => early.push(later);
            resolve(message);
        };
    });
    if (!load || load.type !== "load") process.exit(1);
    for (const name of Object.keys(process.env)) delete process.env[name];
    Object.assign(process.env, load.env);
    process.chdir(load.cwd);
    Module._initPaths(); // NODE_PATH, for CommonJS requires
}

// A frame of this worker or of Node.js itself says nothing about the user's code.
const ownFile = new URL(import.meta.url).pathname;
function isUserFrame(line) {
    return line && !line.includes(ownFile) && !line.includes("node:internal/") && !line.includes("(node:");
}

function errorOf(err, fallbackType = "Error") {
    if (err instanceof Error) {
        const lines = String(err.stack || "").split("\n");
        return {
            errorType: err.name || fallbackType,
            errorMessage: err.message,
            stackTrace: lines.slice(1).map((l) => l.trim()).filter(isUserFrame),
        };
    }
    return { errorType: fallbackType, errorMessage: typeof err === "string" ? err : JSON.stringify(err) ?? String(err), stackTrace: [] };
}

let loadedFile = null; // the handler's module, for the import timings

async function loadHandler() {
    const taskRoot = process.env.LAMBDA_TASK_ROOT;
    const spec = process.env._HANDLER;
    const slash = spec.lastIndexOf("/");
    const dot = spec.indexOf(".", slash + 1);
    const modulePath = spec.slice(0, dot);
    const functionPath = spec.slice(dot + 1).split(".");
    let file = null;
    for (const ext of [".js", ".mjs", ".cjs"]) {
        const candidate = path.resolve(taskRoot, modulePath + ext);
        if (fs.existsSync(candidate)) { file = candidate; break; }
    }
    if (!file) {
        const e = new Error(`Cannot find module '${modulePath}' in ${taskRoot}`);
        e.name = "Runtime.ImportModuleError";
        throw e;
    }
    loadedFile = file;
    // import() loads CommonJS and ES modules alike; a CommonJS module's exports are its default.
    let mod;
    try {
        mod = await import(pathToFileURL(file).href);
    } catch (err) {
        // As Lambda reports it: a module that cannot load, or one it imports that is missing.
        if (err && (err.code === "ERR_MODULE_NOT_FOUND" || err.code === "MODULE_NOT_FOUND")) {
            const e = new Error(`${err.name}: ${err.message}`);
            e.name = "Runtime.ImportModuleError";
            e.stack = err.stack;
            throw e;
        }
        // Lambda's name for it; the stack keeps where the error is (V8 puts the place,
        // "file:///...:LINE", on the first line of a syntax error's stack).
        if (err instanceof SyntaxError) {
            const e = new Error(`SyntaxError: ${err.message}`);
            e.name = "Runtime.UserCodeSyntaxError";
            let place = String(err.stack || "").split("\n")[0].match(/^((?:file:\/\/)?\/.*):(\d+)$/);
            // An ES module's syntax error does not say where; node --check does.
            if (!place) {
                const check = spawnSync(process.execPath, ["--check", file], { encoding: "utf8", timeout: 5000 });
                place = String(check.stderr || "").split("\n")[0].match(/^(\/.*):(\d+)$/);
            }
            e.stack = `${e.name}: ${e.message}\n` + (place ? `    at ${place[1]}:${place[2]}:1\n` : "")
                + String(err.stack || "").split("\n").filter((l) => /^\s+at /.test(l)).join("\n");
            throw e;
        }
        throw err;
    }
    let handler = mod;
    for (const part of functionPath) handler = handler?.[part] ?? handler?.default?.[part];
    if (typeof handler !== "function") {
        const e = new Error(`${modulePath}.${functionPath.join(".")} is undefined or not exported`);
        e.name = "Runtime.HandlerNotFound";
        throw e;
    }
    return handler;
}

function makeContext(invocation) {
    const deadline = invocation.deadlineMs;
    const c = invocation.context;
    const context = {
        functionName: c.functionName,
        functionVersion: "$LATEST",
        invokedFunctionArn: c.invokedFunctionArn,
        memoryLimitInMB: String(c.memoryLimitInMB),
        awsRequestId: invocation.requestId,
        logGroupName: c.logGroupName,
        logStreamName: c.logStreamName,
        callbackWaitsForEmptyEventLoop: true,
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    return context;
}

// Times each module the handler's load executes (cumulative includes what it imported,
// self does not), and the handler's own module as a whole: CommonJS modules through
// Module.prototype.load, which Node.js calls for a module not loaded yet with its file
// already resolved (wrapping Module._load instead meant resolving every require once
// more, for cached ones too), ES modules through the calls import-timer.mjs puts around
// their bodies.
function timeImports() {
    const times = new Map();
    const stack = [];
    const load = Module.prototype.load;
    Module.prototype.load = function (filename) {
        if (typeof filename !== "string" || !path.isAbsolute(filename))
            return load.apply(this, arguments);
        stack.push(0);
        const start = process.hrtime.bigint();
        try {
            return load.apply(this, arguments);
        } finally {
            const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
            const children = stack.pop();
            if (stack.length) stack[stack.length - 1] += elapsed;
            times.set(filename, { module: filename, cumulativeMs: elapsed, selfMs: elapsed - children });
        }
    };
    const esm = new Map(); // url -> { start, end, importer }
    globalThis.__nimbusModuleStart = (url, importer) => esm.set(url, { start: process.hrtime.bigint(), importer });
    globalThis.__nimbusModuleEnd = (url) => {
        const module = esm.get(url);
        if (module) module.end = process.hrtime.bigint();
    };
    return {
        stop(handlerFile, totalMs) {
            Module.prototype.load = load;
            delete globalThis.__nimbusModuleStart;
            delete globalThis.__nimbusModuleEnd;
            addModules(times, esm);
            if (handlerFile && !times.has(handlerFile)) {
                const children = [...times.values()].reduce((sum, t) => sum + t.cumulativeMs, 0);
                times.set(handlerFile, { module: handlerFile, cumulativeMs: totalMs, selfMs: Math.max(0, totalMs - children) });
            } else if (handlerFile) {
                times.get(handlerFile).cumulativeMs = totalMs;
            }
            return [...times.values()].sort((a, b) => b.cumulativeMs - a.cumulativeMs).slice(0, 200);
        },
    };
}

// The ES modules that ran to their end, each with its own time and, as cumulative, the
// time of the modules it imported first added to its own.
function addModules(times, esm) {
    const selfOf = new Map();
    for (const [url, m] of esm)
        if (m.end !== undefined) selfOf.set(url, Number(m.end - m.start) / 1e6);
    const cumulative = new Map();
    const cumulativeOf = (url, depth) => {
        if (cumulative.has(url)) return cumulative.get(url);
        let total = selfOf.get(url) ?? 0;
        if (depth < 1000)
            for (const [child, m] of esm)
                if (m.importer === url && child !== url && selfOf.has(child)) total += cumulativeOf(child, depth + 1);
        cumulative.set(url, total);
        return total;
    };
    for (const [url, self] of selfOf) {
        const file = fileURLToPath(url);
        if (!times.has(file)) times.set(file, { module: file, cumulativeMs: cumulativeOf(url, 0), selfMs: self });
    }
}

// Response streaming, as Lambda's Node.js runtime offers it: awslambda.streamifyResponse
// marks a handler (event, responseStream, context); what it writes goes to the studio
// chunk by chunk, before the result. HttpResponseStream.from writes a Function URL's
// prelude ({statusCode, headers, cookies}) and the eight NUL bytes that end it.
const STREAMING = Symbol.for("aws.lambda.runtime.handler.streaming");
const STREAM_LIMIT = 20 * 1024 * 1024;
class ResponseStream extends Writable {
    constructor(requestId) {
        super();
        this.requestId = requestId;
        this.contentType = "application/octet-stream";
        this.written = 0;
    }
    setContentType(type) { this.contentType = String(type); }
    _write(chunk, encoding, callback) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding);
        this.written += bytes.length;
        if (this.written > STREAM_LIMIT) {
            callback(Object.assign(new Error(`Response payload size exceeded maximum allowed payload size (${STREAM_LIMIT} bytes).`), { name: "Function.ResponseSizeTooLarge" }));
            return;
        }
        send({ type: "chunk", requestId: this.requestId, data: bytes.toString("base64") });
        callback();
    }
}
globalThis.awslambda = {
    streamifyResponse(handler) {
        const streaming = (event, responseStream, context) => handler(event, responseStream, context);
        streaming[STREAMING] = "response";
        return streaming;
    },
    HttpResponseStream: {
        from(stream, prelude) {
            stream.setContentType?.("application/vnd.awslambda.http-integration-response");
            stream.write(Buffer.concat([Buffer.from(JSON.stringify(prelude ?? {})), Buffer.alloc(8)]));
            return stream;
        },
    },
};

// Lambda's store of the running invocation (@aws/lambda-invoke-store): the runtime puts
// one in awslambda.InvokeStore, where the library's InvokeStore.getInstanceAsync() finds
// it, and sets the request id and the X-Ray trace header in it for each invocation; the
// SDK's recursion detection reads the header there before _X_AMZN_TRACE_ID, and logging
// and tracing libraries read the request id. The library's API over one context at a
// time, as its single-invocation store keeps it: this worker runs one invocation at a time.
const STORE_KEYS = Object.freeze({
    REQUEST_ID: Symbol.for("_AWS_LAMBDA_REQUEST_ID"),
    X_RAY_TRACE_ID: Symbol.for("_AWS_LAMBDA_X_RAY_TRACE_ID"),
    TENANT_ID: Symbol.for("_AWS_LAMBDA_TENANT_ID"),
    TRACEPARENT: Symbol.for("_AWS_LAMBDA_TRACEPARENT"),
    TRACESTATE: Symbol.for("_AWS_LAMBDA_TRACESTATE"),
    BAGGAGE: Symbol.for("_AWS_LAMBDA_BAGGAGE"),
});
const protectedKeys = new Set(Object.values(STORE_KEYS));
let storeContext; // the running invocation's: its request id, and what its code set
let invocationContext; // the one start() made, whose trace header is made when asked for
globalThis.awslambda.InvokeStore = {
    PROTECTED_KEYS: STORE_KEYS,
    isProtectedKey: (key) => protectedKeys.has(key),
    // The trace header is made when first asked for (see currentTrace below).
    getContext() {
        const trace = storeContext !== undefined && storeContext === invocationContext ? currentTrace() : undefined;
        if (trace !== undefined)
            storeContext[STORE_KEYS.X_RAY_TRACE_ID] = trace;
        return storeContext;
    },
    hasContext: () => storeContext !== undefined,
    get(key) {
        if (key === STORE_KEYS.X_RAY_TRACE_ID && storeContext !== undefined && storeContext === invocationContext)
            return currentTrace();
        return storeContext?.[key];
    },
    set(key, value) {
        if (protectedKeys.has(key))
            throw new Error(`Cannot modify protected Lambda context field: ${String(key)}`);
        storeContext = storeContext || {};
        storeContext[key] = value;
    },
    run(context, fn) {
        storeContext = context;
        return fn();
    },
    getRequestId() { return this.get(STORE_KEYS.REQUEST_ID) ?? "-"; },
    getXRayTraceId() { return this.get(STORE_KEYS.X_RAY_TRACE_ID); },
    getTenantId() { return this.get(STORE_KEYS.TENANT_ID); },
    getTraceparent() { return this.get(STORE_KEYS.TRACEPARENT); },
    getTracestate() { return this.get(STORE_KEYS.TRACESTATE); },
    getBaggage() { return this.get(STORE_KEYS.BAGGAGE); },
};

async function runStreaming(handler, event, context, requestId) {
    const stream = new ResponseStream(requestId);
    const done = new Promise((resolve, reject) => {
        stream.on("finish", resolve);
        stream.on("error", reject);
    });
    await handler(event, stream, context);
    if (!stream.writableEnded) stream.end();
    await done;
}

// Lambda's advanced logging controls: with AWS_LAMBDA_LOG_FORMAT=JSON each console call
// becomes one JSON object per line ({timestamp, level, requestId, message}), and calls
// below AWS_LAMBDA_LOG_LEVEL are dropped, as Lambda's Node.js runtime does. In Text mode
// the lines stay as written.
const LOG_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];
let currentRequestId;
function structureLogs() {
    if (String(process.env.AWS_LAMBDA_LOG_FORMAT || "").toUpperCase() !== "JSON") return;
    const wanted = LOG_LEVELS.indexOf(String(process.env.AWS_LAMBDA_LOG_LEVEL || "INFO").toUpperCase());
    const least = wanted < 0 ? LOG_LEVELS.indexOf("INFO") : wanted;
    // A level below the one asked for logs nothing: its method is an empty one.
    const method = (level) => LOG_LEVELS.indexOf(level) < least ? () => {} : (...args) => {
        const record = { timestamp: new Date().toISOString(), level, requestId: currentRequestId };
        if (args.length === 1 && args[0] instanceof Error) {
            record.message = util.format(args[0]);
            record.errorType = args[0].name;
            record.errorMessage = args[0].message;
            record.stackTrace = String(args[0].stack || "").split("\n");
        } else {
            record.message = util.format(...args);
        }
        process.stdout.write(JSON.stringify(record) + "\n");
    };
    console.trace = method("TRACE");
    console.debug = method("DEBUG");
    console.info = method("INFO");
    console.log = method("INFO");
    console.warn = method("WARN");
    console.error = method("ERROR");
    console.fatal = method("FATAL");
}

// The X-Ray trace header of the invocation running, which Lambda's runtime puts in
// process.env._X_AMZN_TRACE_ID for each. Setting a variable for real calls setenv(),
// which keeps every value it was ever given (glibc cannot free one that a getenv may
// still hold): a new header per invocation cost a warm invocation a third of its time
// and grew the worker by 128 bytes each, until a busy worker crossed its memory size.
// process.env serves it from traceHeader instead, to the code and to every child process
// (child_process reads the variables it passes from process.env); only native code that
// calls getenv() itself does not see it. The header is made of the request id when it
// is first read: most invocations never read it.
const TRACE_VARIABLE = "_X_AMZN_TRACE_ID";
let traceHeader;
let traceOfRequest = null; // the request id traceHeader is still to be made of
function currentTrace() {
    if (traceOfRequest !== null) {
        const digits = traceOfRequest.replaceAll("-", "");
        traceHeader = `Root=1-${digits.slice(0, 8)}-${digits.slice(8, 32)};Parent=${digits.slice(16, 32)};Sampled=0`;
        traceOfRequest = null;
    }
    return traceHeader;
}
function setTrace(value) {
    traceOfRequest = null;
    traceHeader = value;
}
function serveTraceHeader() {
    const variables = process.env;
    if (Object.prototype.hasOwnProperty.call(variables, TRACE_VARIABLE)) {
        traceHeader = variables[TRACE_VARIABLE];
        delete variables[TRACE_VARIABLE];
    }
    const isTrace = (key) => key === TRACE_VARIABLE;
    process.env = new Proxy(variables, {
        get: (target, key) => (isTrace(key) ? currentTrace() : target[key]),
        set: (target, key, value) => {
            if (isTrace(key)) setTrace(`${value}`);
            else target[key] = value;
            return true;
        },
        has: (target, key) => (isTrace(key) ? currentTrace() !== undefined : key in target),
        deleteProperty: (target, key) => {
            if (isTrace(key)) setTrace(undefined);
            else delete target[key];
            return true;
        },
        ownKeys: (target) => {
            const keys = Reflect.ownKeys(target);
            if (currentTrace() !== undefined) keys.push(TRACE_VARIABLE);
            return keys;
        },
        getOwnPropertyDescriptor: (target, key) => {
            if (!isTrace(key)) return Reflect.getOwnPropertyDescriptor(target, key);
            const header = currentTrace();
            return header === undefined ? undefined : { value: header, writable: true, enumerable: true, configurable: true };
        },
        defineProperty: (target, key, descriptor) => {
            if (!isTrace(key)) return Reflect.defineProperty(target, key, descriptor);
            setTrace(`${descriptor.value}`);
            return true;
        },
    });
}

if (process.env.NIMBUS_SPARE === "1")
    await becomeFunction();
structureLogs();
serveTraceHeader();
let handler;
let initError = null;
const initStart = process.hrtime.bigint();
const importTimer = timeImports();
try {
    handler = await loadHandler();
} catch (err) {
    initError = errorOf(err, "Runtime.ImportModuleError");
}
const initDurationMs = Number(process.hrtime.bigint() - initStart) / 1e6;
const imports = importTimer.stop(loadedFile, initDurationMs);
send(initError ? { type: "initError", error: initError, initDurationMs }
               : { type: "ready", initDurationMs, imports });

// Invocations run one at a time, in the order they came: one that comes while another
// runs waits in waiting. The first is started from the read that brought its frame, and
// its answer is sent from the call that settles it (the handler's callback, its
// promise's reaction): no promise chain of our own around it.
const waiting = [];
let running = false;
onFrame = (message) => {
    if (running || waiting.length) waiting.push(message);
    else start(message);
};
function startNext() {
    while (!running && waiting.length) start(waiting.shift());
}
function finished() {
    running = false;
    if (waiting.length) queueMicrotask(startNext);
}
for (const message of early.splice(0)) onFrame(message);

// Calls back once everything written to stdout and stderr so far has reached the pipe
// (an empty write's callback runs after the writes queued before it), so that the
// studio has every log line of an invocation before its result.
// Nothing to wait for when neither stream holds bytes: a write to a pipe on Linux is
// synchronous, so what the invocation logged is in the pipe already.
function afterOutput(then) {
    const stdoutWaits = process.stdout.writableLength > 0;
    const stderrWaits = process.stderr.writableLength > 0;
    if (!stdoutWaits && !stderrWaits) {
        then();
        return;
    }
    let left = (stdoutWaits ? 1 : 0) + (stderrWaits ? 1 : 0);
    const written = () => {
        if (--left === 0) then();
    };
    if (stdoutWaits) process.stdout.write("", written);
    if (stderrWaits) process.stderr.write("", written);
}

function reply(text) {
    afterOutput(() => {
        sendText(text);
        finished();
    });
}

function start(message) {
    if (message.type !== "invoke") return;
    const requestId = message.requestId;
    if (initError) {
        send({ type: "error", requestId, error: initError });
        return;
    }
    running = true;
    const context = makeContext(message);
    currentRequestId = requestId;
    // The X-Ray trace header Lambda sets, made of this request id when it is first read;
    // the SDK sends it with every call (recursion detection), which tells the local cloud
    // what caused a write.
    traceOfRequest = requestId;
    traceHeader = undefined;
    storeContext = invocationContext = { [STORE_KEYS.REQUEST_ID]: requestId };
    if (handler[STREAMING] === "response") {
        runStreaming(handler, message.event, context, requestId)
            .then(() => ({ type: "result", requestId, streamed: true }), (err) => ({ type: "error", requestId, error: errorOf(err) }))
            .then((answer) => reply(JSON.stringify(answer)));
        return;
    }
    run(message.event, context, requestId, message.requestIdJson);
}

// Runs the handler, async or callback style. Its answer goes once it is settled and the
// handler has returned: what the handler logs after calling its callback is still this
// invocation's.
function run(event, context, requestId, requestIdJson) {
    let settled = false;
    let returned = false;
    let failure;
    let value;
    const finish = (err, result) => {
        if (settled) return;
        settled = true;
        failure = err;
        value = result;
        if (returned) answer(requestId, requestIdJson, failure, value);
    };
    // The legacy context methods still found in older handlers.
    context.done = (err, result) => finish(err, result);
    context.succeed = (result) => finish(null, result);
    context.fail = (err) => finish(err ?? new Error("handler failed"));
    try {
        const promise = handler(event, context, finish);
        if (promise && typeof promise.then === "function") promise.then((v) => finish(null, v), (e) => finish(e ?? new Error("rejected")));
        else if (handler.length < 3) finish(null, promise);
    } catch (err) {
        finish(err);
    }
    returned = true;
    // Settled while the handler ran (a plain return, a callback called at once): the
    // answer waits one microtask, so that what the handler queued before returning (a
    // Promise.resolve().then(...) that logs) still runs inside this invocation.
    if (settled) queueMicrotask(() => answer(requestId, requestIdJson, failure, value));
}

function answer(requestId, requestIdJson, failure, value) {
    let text;
    try {
        if (failure !== undefined && failure !== null) throw failure;
        let body;
        try {
            body = JSON.stringify(value === undefined ? null : value);
        } catch (err) {
            throw Object.assign(new Error(`Unable to stringify response body: ${err.message}`), { name: "Runtime.ResponseSerializationError" });
        }
        // Measured only when it could be over: UTF-8 takes at most 3 bytes per UTF-16 unit.
        if (typeof body !== "string" || 3 * body.length > PAYLOAD_LIMIT) {
            const size = Buffer.byteLength(body, "utf8");
            if (size > PAYLOAD_LIMIT)
                throw Object.assign(new Error(`Response payload size (${size} bytes) exceeded maximum allowed payload size (${PAYLOAD_LIMIT} bytes).`), { name: "Function.ResponseSizeTooLarge" });
        }
        // The frame's head is one line; the result's JSON text follows it as it is.
        text = '{"type":"result","requestId":' + (requestIdJson ?? JSON.stringify(requestId)) + "}\n" + body;
    } catch (err) {
        text = JSON.stringify({ type: "error", requestId, error: errorOf(err) });
    }
    reply(text);
}
