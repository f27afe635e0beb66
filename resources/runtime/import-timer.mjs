// Module hooks of the Node.js worker that time the ES modules a handler's load
// evaluates, for the cold-start profile. Each ES module from a file gets two calls
// around its body: imports are hoisted, so the first runs once its dependencies have
// been evaluated and the pair measures the module's own time. The module that
// resolved a dependency first is remembered as its importer, so the worker can add a
// dependency's time to its importer's (a module that several import counts once, under
// the first). CommonJS modules are timed by the worker itself, through Module._load.
const importerOf = new Map();
let ownFolder = "";

export async function initialize(data) {
    if (data && data.ownFolder)
        ownFolder = data.ownFolder;
}

export async function resolve(specifier, context, nextResolve) {
    const resolved = await nextResolve(specifier, context);
    if (context.parentURL && resolved.url.startsWith("file:") && !importerOf.has(resolved.url))
        importerOf.set(resolved.url, context.parentURL);
    return resolved;
}

export async function load(url, context, nextLoad) {
    const loaded = await nextLoad(url, context);
    const ours = ownFolder && url.startsWith(ownFolder) && !url.slice(ownFolder.length).includes("/");
    if (loaded.format !== "module" || !url.startsWith("file:") || ours)
        return loaded;
    let source = typeof loaded.source === "string" ? loaded.source : Buffer.from(loaded.source).toString("utf8");
    const args = `${JSON.stringify(url)}, ${JSON.stringify(importerOf.get(url) ?? null)}`;
    // On the first line, so that no line of the user's code moves; after a #! line,
    // which must stay first.
    const start = `globalThis.__nimbusModuleStart?.(${args});`;
    if (source.startsWith("#!")) {
        const end = source.indexOf("\n");
        source = end < 0 ? source + "\n" + start : source.slice(0, end + 1) + start + source.slice(end + 1);
    } else {
        source = start + source;
    }
    source += `\n;globalThis.__nimbusModuleEnd?.(${JSON.stringify(url)});\n`;
    return { ...loaded, source };
}
