// Validates Knative documents with @kubernetes-models/knative: each document of each
// file, parsed with the yaml package, becomes the model class of its apiVersion and
// kind, whose validate() throws on anything the CRD schema refuses.
import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { Service } from '@kubernetes-models/knative/serving.knative.dev/v1/Service';
import { Broker } from '@kubernetes-models/knative/eventing.knative.dev/v1/Broker';
import { Trigger } from '@kubernetes-models/knative/eventing.knative.dev/v1/Trigger';
import { PingSource } from '@kubernetes-models/knative/sources.knative.dev/v1/PingSource';

const classes = {
  'serving.knative.dev/v1 Service': Service,
  'eventing.knative.dev/v1 Broker': Broker,
  'eventing.knative.dev/v1 Trigger': Trigger,
  'sources.knative.dev/v1 PingSource': PingSource,
};

// The models describe a Trigger's filter, not its newer filters field (its CRD schema
// leaves it open), so each filter is checked as Knative's webhook checks it
// (eventing's SubscriptionsAPIFilter): exactly one dialect; exact, prefix and suffix
// with one attribute whose value is a string (prefix and suffix not empty); all and any
// a list of filters; not one filter; cesql a string.
function filterProblem(filter, where) {
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) return `${where}: not an object`;
  const dialects = Object.keys(filter);
  if (dialects.length !== 1) return `${where}: ${dialects.length} dialects, exactly one expected`;
  const [dialect] = dialects;
  const value = filter[dialect];
  if (['exact', 'prefix', 'suffix'].includes(dialect)) {
    if (!value || typeof value !== 'object' || Object.keys(value).length !== 1)
      return `${where}.${dialect}: exactly one attribute expected`;
    const [attribute, text] = Object.entries(value)[0];
    if (!/^[a-z0-9]+$/.test(attribute)) return `${where}.${dialect}: '${attribute}' is not a CloudEvents attribute name`;
    if (typeof text !== 'string' || (dialect !== 'exact' && text === ''))
      return `${where}.${dialect}.${attribute}: a non-empty string expected`;
    return null;
  }
  if (dialect === 'all' || dialect === 'any') {
    if (!Array.isArray(value) || value.length === 0) return `${where}.${dialect}: a list of filters expected`;
    for (let i = 0; i < value.length; ++i) {
      const problem = filterProblem(value[i], `${where}.${dialect}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (dialect === 'not') return filterProblem(value, `${where}.not`);
  if (dialect === 'cesql') return typeof value === 'string' && value ? null : `${where}.cesql: an expression expected`;
  return `${where}: unknown dialect '${dialect}'`;
}

function triggerProblem(object) {
  const filters = object.spec?.filters;
  if (filters === undefined) return null;
  if (!Array.isArray(filters)) return 'spec.filters: a list expected';
  for (let i = 0; i < filters.length; ++i) {
    const problem = filterProblem(filters[i], `spec.filters[${i}]`);
    if (problem) return problem;
  }
  return null;
}

let failures = 0;
let documents = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    if (doc.errors.length) {
      console.error(`${file}: ${doc.errors[0].message}`);
      ++failures;
      continue;
    }
    const object = doc.toJS();
    const Model = classes[`${object.apiVersion} ${object.kind}`];
    ++documents;
    if (!Model) {
      console.error(`${file}: no model for ${object.apiVersion} ${object.kind}`);
      ++failures;
      continue;
    }
    try {
      new Model(object).validate();
      const problem = object.kind === 'Trigger' ? triggerProblem(object) : null;
      if (problem) throw new Error(problem);
    } catch (error) {
      console.error(`${file}: ${object.kind} ${object.metadata?.name}: ${error.message}`);
      ++failures;
    }
  }
}
console.log(`${documents} Knative document(s), ${failures} invalid`);
process.exit(failures || !documents ? 1 : 0);
