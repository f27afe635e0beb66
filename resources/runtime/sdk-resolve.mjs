// Module resolution hook of the Node.js worker: a bare import that the function's own
// node_modules cannot satisfy is looked up in the studio's runtime SDK folder, the way
// Lambda's Node.js runtimes offer the AWS SDK to ES module handlers.
import path from "node:path";
import { pathToFileURL } from "node:url";

let fallbackParent = null;

export async function initialize(data) {
    if (data && data.sdkDirectory)
        fallbackParent = pathToFileURL(path.join(data.sdkDirectory, "package.json")).href;
}

export async function resolve(specifier, context, nextResolve) {
    try {
        return await nextResolve(specifier, context);
    } catch (err) {
        const bare = !specifier.startsWith(".") && !specifier.startsWith("/") && !specifier.includes(":");
        if (!fallbackParent || !bare || err?.code !== "ERR_MODULE_NOT_FOUND")
            throw err;
        return nextResolve(specifier, { ...context, parentURL: fallbackParent });
    }
}
