// Validates a CloudFormation/SAM template with the cfn-lint npm package and fails on
// any critical finding. The package's resource specification dates from 2019: a few
// findings are about properties AWS added since. Those, and only those, are listed
// here with the date the property appeared; each is checked to concern exactly the
// construct named, so that anything else still fails.
'use strict';
const path = require('path');
const api = require('cfn-lint/lib/api');
const parser = require('cfn-lint/lib/parser');

const file = process.argv[2];
const result = api.validateFile(file, {});
const template = parser.openFile(file); // the linter's own reading, short-form tags included

// [message pattern, resource path pattern, why it is not an error]
const newerThanSpecification = [
  [/^Architectures is not a valid property of AWS::(Serverless|Lambda)::Function$/, /Properties > Architectures$/,
   'Architectures (arm64/Graviton), added to Lambda and SAM in 2021-09'],
  [/^Invalid SAM Globals resource type: HttpApi\.$/, /^Globals/, 'SAM HttpApi globals, added 2019-11'],
  [/^Expecting a JSON object, got \[/, /Events > \w+ > Properties > Filter > S3Key > Rules$/,
   'S3 event key filter rules: the 2019 specification types S3Key as JSON text'],
  [/AWS::Serverless::Function\.KinesisEvent/, /Events > \w+$|Events > \w+ > Properties > (Enabled|Description|Schedule)$/,
   'Schedule events with Enabled and Description (SAM 2020): the linter falls back to guessing another event type'],
  [/^(CorsConfiguration|AutoDeploy|PayloadFormatVersion) is not a valid property of AWS::ApiGatewayV2::(Api|Stage|Integration)$/,
   /Properties > (CorsConfiguration|AutoDeploy|PayloadFormatVersion)$/, 'HTTP APIs (API Gateway v2 for HTTP), added 2020-03'],
  [/^Required property (RouteSelectionExpression|DeploymentId) missing for type AWS::ApiGatewayV2::(Api|Stage)$/, /Properties$/,
   'required only for WebSocket APIs before HTTP APIs existed (2020-03)'],
  [/^Expecting a JSON object, got ''$/, /^Resources > ApiGatewayRestApi > Properties > Policy$/,
   'Serverless Framework writes an empty resource policy on REST APIs, which CloudFormation accepts'],
  [/^Required property (StartingPosition|Stream) missing for type AWS::Serverless::Function\.KinesisEvent$/, /Events > \w+ > Properties$/,
   'same: a Schedule event guessed as Kinesis'],
];

let failures = 0;
let tolerated = 0;
for (const error of (result.errors.crit || [])) {
  const known = newerThanSpecification.find(([message, where]) => message.test(error.message) && where.test(error.resource));
  if (known && isScheduleOrOther(known, error)) {
    ++tolerated;
    continue;
  }
  ++failures;
  console.error(`${path.basename(file)}: ${error.resource}: ${error.message}`);
}

// A Kinesis finding is tolerated only on an event that is really of type Schedule.
function isScheduleOrOther(known, error) {
  if (!/Kinesis/.test(String(known[0])) && !/Kinesis/.test(error.message)) return true;
  const parts = error.resource.split(' > ');
  const event = template.Resources[parts[1]].Properties.Events[parts[4]];
  return event && event.Type === 'Schedule';
}

console.log(`${path.basename(file)}: ${failures} critical finding(s), ${tolerated} about properties newer than cfn-lint's 2019 specification`);
process.exit(failures ? 1 : 0);
