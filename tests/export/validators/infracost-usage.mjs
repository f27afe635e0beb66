// Checks an Infracost usage file: YAML that the yaml package reads without an error or a
// warning (duplicate keys included), valid against infracost-usage.schema.json (written
// from Infracost's usage file reference, which has no published schema of its own), and,
// given the Terraform folder, keyed only by resources its .tf files declare.
// Usage: node infracost-usage.mjs FILE [TERRAFORM_FOLDER]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv';
import YAML from 'yaml';
import { parse } from '@cdktf/hcl2json';

const Ajv = AjvModule.default || AjvModule;
const [file, folder] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(fs.readFileSync(path.join(here, 'infracost-usage.schema.json'), 'utf8'));
const problems = [];

const document = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { uniqueKeys: true, strict: true });
for (const e of [...document.errors, ...document.warnings]) problems.push(`YAML: ${e.message}`);
const usage = document.toJS() || {};

const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
if (!validate(usage))
  for (const e of validate.errors) problems.push(`schema: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);

if (folder) {
  const declared = new Set();
  for (const name of fs.readdirSync(folder).filter((f) => f.endsWith('.tf')).sort()) {
    const json = await parse(name, fs.readFileSync(path.join(folder, name), 'utf8'));
    for (const [type, instances] of Object.entries(json.resource || {}))
      for (const instance of Object.keys(instances)) declared.add(`${type}.${instance}`);
  }
  for (const address of Object.keys(usage.resource_usage || {}))
    if (!declared.has(address)) problems.push(`${address}: not a resource of ${folder}`);
}

for (const p of problems) console.error(`${file}: ${p}`);
const resources = Object.keys(usage.resource_usage || {}).length;
console.log(`${resources} resource(s) with usage, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
