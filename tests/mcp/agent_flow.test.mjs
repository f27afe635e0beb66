// An agent's whole loop through `nimbus mcp`, driven by the official MCP TypeScript SDK
// (@modelcontextprotocol/sdk, installed by scripts/setup.sh test into build/mcp-client):
// it builds a route -> function -> table design from nothing, writes the function,
// invokes it, starts the local cloud, posts an order, reads the hops and the table,
// prices the design and draws it; then the protocol's errors, through the SDK and raw.
//
// Environment: NIMBUS_CLI (the nimbus binary), WORK (an empty folder), MCP_SDK_DIR (the
// folder whose node_modules has the SDK), and ATTACH_PROJECT to drive a project that
// the studio has open (`nimbus mcp --attach`) instead of `nimbus mcp --allow WORK`.
// Exits 1 with what failed at the first failed check; prints a JSON summary on success.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const cli = process.env.NIMBUS_CLI;
const work = process.env.WORK;
const attachProject = process.env.ATTACH_PROJECT ?? "";
const sdkDir = process.env.MCP_SDK_DIR ?? process.cwd();

class CheckFailed extends Error {}

function check(condition, what, detail) {
    if (!condition) {
        const shown = detail === undefined ? "" : `\n${typeof detail === "string" ? detail : JSON.stringify(detail, null, 2)}`;
        throw new CheckFailed(`${what}${shown}`);
    }
}

// The SDK as an agent's host loads it: the package's own entry points, resolved from
// MCP_SDK_DIR (ES modules ignore NODE_PATH).
function loadSdk() {
    const require = createRequire(path.join(path.resolve(sdkDir), "package.json"));
    try {
        const { Client } = require("@modelcontextprotocol/sdk/client/index.js");
        const { StdioClientTransport } = require("@modelcontextprotocol/sdk/client/stdio.js");
        const { McpError } = require("@modelcontextprotocol/sdk/types.js");
        return { Client, StdioClientTransport, McpError };
    } catch (error) {
        throw new CheckFailed(`the MCP SDK is not installed in ${sdkDir}/node_modules (scripts/setup.sh test): ${error.message}`);
    }
}

function serverArguments() {
    return attachProject ? ["mcp", "--attach", attachProject] : ["mcp", "--allow", work];
}

const plannedTools = [
    "create_project", "open_project", "list_node_kinds", "get_design", "add_node", "update_node",
    "connect_nodes", "disconnect_nodes", "remove_nodes", "undo", "redo", "validate",
    "read_function_file", "write_function_file", "invoke_function", "list_event_templates",
    "start_cloud", "stop_cloud", "http_request", "cloud_action", "read_hops", "service_state",
    "cost", "export_project", "render_diagram",
];

// createOrder: POST /orders puts the order into the orders table through the AWS SDK
// (the table's name in ORDERS_TABLE, as the local cloud and the exports set it) and
// answers 201; a body that is not an order is refused before the table is touched.
const handlerSource = `// POST /orders: stores an order in the orders table.
import { randomUUID } from "node:crypto";
import { DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";

const db = new DynamoDBClient({});
const reply = (statusCode, body) => ({
    statusCode,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
});

export const handler = async (event) => {
    let order;
    try {
        const raw = event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString("utf8") : event.body;
        order = JSON.parse(raw ?? "");
    } catch {
        return reply(400, { message: "the body is not valid JSON" });
    }
    if (typeof order?.customerId !== "string" || typeof order?.total !== "number") {
        return reply(422, { message: "customerId and total are required" });
    }
    const id = randomUUID();
    await db.send(new PutItemCommand({
        TableName: process.env.ORDERS_TABLE,
        Item: { id: { S: id }, customerId: { S: order.customerId }, total: { N: String(order.total) } },
    }));
    return reply(201, { id, customerId: order.customerId, total: order.total });
};
`;

const summary = { mode: attachProject ? "attached" : "standalone", tools: 0, steps: [] };

function step(name) {
    summary.steps.push(name);
}

// A tools/call that must succeed: its structured result.
async function call(client, name, args = {}) {
    const result = await client.callTool({ name, arguments: args }, undefined, { timeout: 120000 });
    const text = (result.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n");
    check(!result.isError, `${name} failed: ${text}`, args);
    if (result.structuredContent !== undefined)
        return result.structuredContent;
    try {
        return JSON.parse(text);
    } catch {
        return { text };
    }
}

async function listTools(client) {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    for (const name of plannedTools)
        check(names.includes(name), `tools/list has no ${name}`, names);
    for (const tool of tools) {
        check(tool.inputSchema?.type === "object", `${tool.name}'s inputSchema is not of type object`, tool.inputSchema);
        check(typeof tool.description === "string" && tool.description.length > 0, `${tool.name} has no description`);
    }
    summary.tools = tools.length;
    step("tools/list");
    return tools;
}

function nodeNames(design) {
    return (design.nodes ?? []).map((n) => n.name).sort();
}

async function buildDesign(client) {
    if (!attachProject) {
        await call(client, "create_project", { path: path.join(work, "agent.nimbus") });
        step("create_project");
    }
    const kinds = await call(client, "list_node_kinds");
    const kindIds = JSON.stringify(kinds);
    for (const kind of ["http-route", "function", "table"])
        check(kindIds.includes(`"${kind}"`), `list_node_kinds has no ${kind}`, kinds);

    // A route made as GET /orders/{id}, then changed into POST /orders below.
    await call(client, "add_node", { kind: "http-route", name: "ordersRoute", x: 0, y: 0,
                                     properties: { method: "GET", path: "/orders/{id}" } });
    await call(client, "add_node", { kind: "function", name: "createOrder", x: 340, y: 0,
                                     properties: { runtime: "nodejs20.x" } });
    await call(client, "add_node", { kind: "table", name: "orders", x: 680, y: 0,
                                     properties: { partitionKey: "id" } });
    await call(client, "connect_nodes", { from: "ordersRoute", to: "createOrder" });
    await call(client, "connect_nodes", { from: "createOrder", to: "orders", type: "writes" });
    await call(client, "update_node", { node: "ordersRoute", properties: { method: "POST", path: "/orders" } });
    await call(client, "update_node", { node: "createOrder", properties: { memory: 256, timeout: 10 } });
    step("add_node, connect_nodes, update_node");

    // One step undone and done again leaves the design as it was.
    await call(client, "undo");
    let design = await call(client, "get_design");
    check(!JSON.stringify(design).includes('"memory":256'), "undo did not take back the last change (createOrder's memory)",
          design);
    await call(client, "redo");
    design = await call(client, "get_design");
    check(JSON.stringify(nodeNames(design)) === JSON.stringify(["createOrder", "orders", "ordersRoute"]),
          "get_design does not have the three nodes", design);
    check(JSON.stringify(design).includes('"memory":256'), "redo did not make the last change again", design);
    const route = design.nodes.find((n) => n.name === "ordersRoute");
    check(route.properties?.method === "POST" && route.properties?.path === "/orders",
          "update_node did not change the route into POST /orders", route);
    check((design.edges ?? []).length === 2, "the design does not have the two connections", design.edges);
    step("undo, redo, get_design");
    return design;
}

async function writeAndCheck(client) {
    const before = await call(client, "read_function_file", { function: "createOrder" });
    check(typeof before.path === "string" && typeof before.content === "string",
          "read_function_file does not give path and content", before);
    // An ES module, as the studio's Node.js scaffolds are; the handler index.handler finds it.
    await call(client, "write_function_file", { function: "createOrder", file: "index.mjs", content: handlerSource });
    const after = await call(client, "read_function_file", { function: "createOrder" });
    check(after.path.endsWith("createOrder/index.mjs") && after.content === handlerSource,
          "read_function_file does not give back the handler file written", after);
    step("write_function_file");

    const report = await call(client, "validate");
    check(report.errors === 0 && Array.isArray(report.diagnostics), "validate reports errors", report);
    step("validate");
}

function statusOf(invocation) {
    let result = invocation.result;
    if (typeof result === "string") {
        try {
            result = JSON.parse(result);
        } catch {
            return undefined;
        }
    }
    return result?.statusCode;
}

// Before the local cloud runs, the handler has no table to write to: the invocation takes
// the path that refuses a body that is not an order, which never reaches the table.
async function invokeOffline(client) {
    const templates = await call(client, "list_event_templates");
    check(JSON.stringify(templates).includes("apigateway-http-v2"), "list_event_templates has no apigateway-http-v2",
          templates);
    const invocation = await call(client, "invoke_function", {
        function: "createOrder", template: "apigateway-http-v2",
        parameters: { method: "POST", route: "/orders", path: "/orders", body: "{\"note\":\"not an order\"}" },
    });
    check(invocation.ok === true && invocation.error === undefined && "result" in invocation,
          "invoke_function createOrder did not run", invocation);
    check(statusOf(invocation) === 422, "createOrder did not refuse a body that is not an order with 422", invocation);
    check(Array.isArray(invocation.logs) && invocation.report?.durationMs >= 0, "the invocation has no logs and report",
          invocation);
    step("invoke_function (template, no cloud)");
}

// While the local cloud runs, an invocation's SDK calls reach its services (the tool's
// description says so): the same template with an order stores it.
async function invokeServed(client) {
    const invocation = await call(client, "invoke_function", {
        function: "createOrder", template: "apigateway-http-v2",
        parameters: { method: "POST", route: "/orders", path: "/orders",
                      body: JSON.stringify({ customerId: "c-7", total: 3 }) },
    });
    check(statusOf(invocation) === 201, "createOrder, invoked while the cloud runs, did not answer 201", invocation);
    step("invoke_function (template, cloud running)");
    return JSON.parse(invocation.result.body).id;
}

async function serveAndRead(client) {
    const cloud = await call(client, "start_cloud", { port: 0, awsPort: 0 });
    check(typeof cloud.gateway === "string" && /:\d+/.test(cloud.gateway), "start_cloud gives no gateway URL", cloud);
    step("start_cloud");
    const invokedId = await invokeServed(client);

    const response = await call(client, "http_request", {
        method: "POST", path: "/orders", headers: { "content-type": "application/json" },
        body: JSON.stringify({ customerId: "c-42", total: 19.5 }),
    });
    check(response.status === 201, "POST /orders did not answer 201", response);
    const order = JSON.parse(response.body);
    check(typeof order.id === "string", "POST /orders did not answer the order's id", response);
    step("http_request POST /orders");

    const { hops } = await call(client, "read_hops", {});
    check(Array.isArray(hops), "read_hops gives no hops", hops);
    const hopText = hops.map((h) => `${h.source} -> ${h.target}`);
    check(hops.some((h) => /POST \/orders|ordersRoute/.test(h.source ?? "") && h.target === "createOrder"),
          "read_hops has no hop from the route to createOrder", hopText);
    check(hops.some((h) => h.source === "createOrder" && h.target === "orders"),
          "read_hops has no hop from createOrder to orders", hopText);
    summary.hops = hopText;
    step("read_hops");

    const state = await call(client, "service_state", { service: "orders" });
    const stored = JSON.stringify(state);
    check(stored.includes(order.id) && stored.includes("c-42"), "service_state orders does not show the posted order",
          state);
    check(stored.includes(invokedId), "service_state orders does not show the invoked order", state);
    step("service_state");
    return order;
}

async function priceAndDraw(client) {
    const report = await call(client, "cost", { provider: "aws", requests: 1000000 });
    const text = JSON.stringify(report);
    check(/total/i.test(text), "cost gives no totals", report);
    step("cost");

    const drawn = await client.callTool({ name: "render_diagram", arguments: {} }, undefined, { timeout: 120000 });
    check(!drawn.isError, "render_diagram failed", drawn.content);
    const image = (drawn.content ?? []).find((c) => c.type === "image");
    check(image && image.mimeType === "image/png", "render_diagram gives no PNG image block",
          (drawn.content ?? []).map((c) => ({ type: c.type, mimeType: c.mimeType })));
    const png = Buffer.from(image.data, "base64");
    check(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
          "render_diagram's image does not start with the PNG signature");
    // The size from the PNG's own header (IHDR), which the structured result may repeat.
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    check(png.subarray(12, 16).toString("latin1") === "IHDR" && width > 0 && height > 0,
          "render_diagram's PNG has no size", { width, height });
    for (const [name, value] of [["width", width], ["height", height]]) {
        const given = drawn.structuredContent?.[name];
        check(given === undefined || given === value, `render_diagram's ${name} is not the PNG's`, drawn.structuredContent);
    }
    summary.diagram = { width, height, bytes: png.length };
    step("render_diagram");

    await call(client, "stop_cloud");
    step("stop_cloud");
}

async function resources(client) {
    const { resources: listed } = await client.listResources();
    const design = listed.find((r) => r.uri === "nimbus://design");
    check(design, "resources/list has no nimbus://design", listed.map((r) => r.uri));
    const { contents } = await client.readResource({ uri: "nimbus://design" });
    check(contents?.length === 1 && typeof contents[0].text === "string", "resources/read of the design gives no text",
          contents);
    const read = JSON.parse(contents[0].text);
    check(JSON.stringify(nodeNames(read)) === JSON.stringify(["createOrder", "orders", "ordersRoute"]),
          "the design resource does not have the three nodes", read);
    check(listed.some((r) => r.uri === "nimbus://cost/last"), "resources/list has no nimbus://cost/last after cost",
          listed.map((r) => r.uri));
    const code = listed.find((r) => r.uri.startsWith("nimbus://functions/createOrder/"));
    check(code, "resources/list has no file of createOrder", listed.map((r) => r.uri));
    const { contents: codeContents } = await client.readResource({ uri: code.uri });
    check(codeContents?.[0]?.text === handlerSource, `resources/read of ${code.uri} is not the handler written`,
          codeContents);
    summary.resources = listed.length;
    step("resources/list, resources/read");
}

// Errors through the SDK: an unknown tool is a JSON-RPC error (-32602, as the 2025-11-25
// revision's tools page shows); arguments that do not fit the schema are a tool result
// with isError that names the argument, so that the model can correct itself.
async function sdkErrors(client, McpError) {
    let error;
    try {
        await client.callTool({ name: "no_such_tool", arguments: {} });
    } catch (e) {
        error = e;
    }
    check(error instanceof McpError && error.code === -32602, "an unknown tool is not a -32602 error",
          error ? { name: error.name, code: error.code, message: error.message } : "it succeeded");

    const wrong = await client.callTool({ name: "add_node", arguments: { kind: 42 } });
    const text = (wrong.content ?? []).map((c) => c.text ?? "").join("\n");
    check(wrong.isError === true, "add_node with a number for kind is not a tool error", wrong);
    check(/kind/.test(text), "the tool error for wrong arguments does not name the argument", text);
    step("unknown tool -32602, wrong arguments isError");
}

// The same server without the SDK: a line that is not JSON is answered with a parse error
// whose id is null; an unknown method with -32601.
function rawErrors() {
    return new Promise((resolve, reject) => {
        const server = spawn(cli, serverArguments(), { env: process.env, stdio: ["pipe", "pipe", "pipe"] });
        let buffer = "";
        let stderr = "";
        const answers = [];
        const timer = setTimeout(() => {
            server.kill();
            reject(new CheckFailed(`the raw server did not answer in time; it answered ${JSON.stringify(answers)}; stderr: ${stderr}`));
        }, 30000);
        server.stderr.on("data", (d) => (stderr += d));
        server.on("error", (e) => reject(new CheckFailed(`cannot start ${cli}: ${e.message}`)));
        server.stdout.on("data", (data) => {
            buffer += data;
            let newline;
            while ((newline = buffer.indexOf("\n")) >= 0) {
                const line = buffer.slice(0, newline);
                buffer = buffer.slice(newline + 1);
                if (line.trim().length === 0)
                    continue;
                try {
                    answers.push(JSON.parse(line));
                } catch {
                    clearTimeout(timer);
                    server.kill();
                    reject(new CheckFailed(`the server wrote a line that is not JSON: ${line}`));
                    return;
                }
            }
            const parseError = answers.find((a) => a.error?.code === -32700);
            const unknown = answers.find((a) => a.id === 2);
            if (parseError && unknown) {
                clearTimeout(timer);
                server.stdin.end();
                resolve({ parseError, unknown });
            }
        });
        server.stdin.write("{this is not json\n");
        server.stdin.write(JSON.stringify({
            jsonrpc: "2.0", id: 1, method: "initialize",
            params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
        }) + "\n");
        server.stdin.write(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }) + "\n");
        server.stdin.write(JSON.stringify({ jsonrpc: "2.0", id: 2, method: "nimbus/no_such_method", params: {} }) + "\n");
    }).then(({ parseError, unknown }) => {
        check(parseError.jsonrpc === "2.0" && "id" in parseError && parseError.id === null,
              "the parse error's id is not null", parseError);
        check(typeof parseError.error.message === "string", "the parse error has no message", parseError);
        check(unknown.error?.code === -32601, "an unknown method is not answered with -32601", unknown);
        step("raw: bad JSON -32700 with id null, unknown method -32601");
    });
}

async function main() {
    check(cli, "NIMBUS_CLI is not set");
    check(work || attachProject, "WORK (or ATTACH_PROJECT) is not set");
    const { Client, StdioClientTransport, McpError } = loadSdk();

    const transport = new StdioClientTransport({
        command: cli, args: serverArguments(), env: { ...process.env }, stderr: "pipe",
    });
    let serverLog = "";
    transport.stderr?.on("data", (d) => (serverLog += d));
    const client = new Client({ name: "nimbus-agent-flow-test", version: "1.0.0" });
    try {
        await client.connect(transport, { timeout: 20000 });
        summary.server = client.getServerVersion();
        const capabilities = client.getServerCapabilities();
        check(capabilities?.tools && capabilities?.resources, "the server does not declare tools and resources",
              capabilities);
        await listTools(client);
        await buildDesign(client);
        await writeAndCheck(client);
        await invokeOffline(client);
        await serveAndRead(client);
        await priceAndDraw(client);
        await resources(client);
        await sdkErrors(client, McpError);
    } catch (error) {
        if (serverLog)
            error.message += `\n--- the server's standard error ---\n${serverLog.slice(-4000)}`;
        throw error;
    } finally {
        await client.close();
    }
    await rawErrors();
    console.log(JSON.stringify({ ok: true, ...summary }, null, 2));
}

main().catch((error) => {
    console.error(`FAILED: ${error instanceof CheckFailed ? error.message : error.stack ?? error}`);
    process.exit(1);
});
