// Parses Terraform files with @cdktf/hcl2json (HashiCorp's HCL parser compiled to
// WebAssembly) and checks the resources an export must contain: argv[2] is the
// folder, then "type=count" pairs.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';

const [folder, ...expectations] = process.argv.slice(2);
const resources = {};
let failures = 0;
for (const name of fs.readdirSync(folder).filter((f) => f.endsWith('.tf')).sort()) {
  try {
    const json = await parse(name, fs.readFileSync(path.join(folder, name), 'utf8'));
    for (const [type, instances] of Object.entries(json.resource || {}))
      resources[type] = (resources[type] || 0) + Object.keys(instances).length;
  } catch (error) {
    console.error(`${name}: ${error.message || error}`);
    ++failures;
  }
}
for (const expectation of expectations) {
  const [type, count] = expectation.split('=');
  if ((resources[type] || 0) !== Number(count)) {
    console.error(`expected ${count} ${type}, found ${resources[type] || 0}`);
    ++failures;
  }
}
console.log(`${Object.values(resources).reduce((a, b) => a + b, 0)} resource(s) parsed, ${failures} problem(s)`);
process.exit(failures ? 1 : 0);
