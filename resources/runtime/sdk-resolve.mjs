// Module resolution hook of the Node.js worker: a bare import that the function's own
// node_modules cannot satisfy is looked up in its layers' node_modules folders (in
// NODE_PATH's order, the last layer first), then in the studio's runtime SDK folder, the
// way Lambda's Node.js runtimes offer /opt/nodejs/node_modules and the AWS SDK to ES
// module handlers.
import path from "node:path";
import { pathToFileURL } from "node:url";

let fallbackParent = null;
let layerParents = [];

export async function initialize(data) {
    if (data && data.sdkDirectory)
        fallbackParent = pathToFileURL(path.join(data.sdkDirectory, "package.json")).href;
    // A file beside each node_modules folder: resolving from it looks in that folder.
    if (data && Array.isArray(data.layerModules))
        layerParents = data.layerModules.filter((dir) => dir && path.basename(dir) === "node_modules")
            .map((dir) => pathToFileURL(path.join(dir, "..", "package.json")).href);
}

export async function resolve(specifier, context, nextResolve) {
    try {
        return await nextResolve(specifier, context);
    } catch (err) {
        const bare = !specifier.startsWith(".") && !specifier.startsWith("/") && !specifier.includes(":");
        if (!bare || err?.code !== "ERR_MODULE_NOT_FOUND")
            throw err;
        for (const parentURL of layerParents) {
            try {
                return await nextResolve(specifier, { ...context, parentURL });
            } catch (inner) {
                if (inner?.code !== "ERR_MODULE_NOT_FOUND")
                    throw inner;
            }
        }
        if (!fallbackParent)
            throw err;
        return nextResolve(specifier, { ...context, parentURL: fallbackParent });
    }
}
