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
    } catch (error) {
      console.error(`${file}: ${object.kind} ${object.metadata?.name}: ${error.message}`);
      ++failures;
    }
  }
}
console.log(`${documents} Knative document(s), ${failures} invalid`);
process.exit(failures || !documents ? 1 : 0);
