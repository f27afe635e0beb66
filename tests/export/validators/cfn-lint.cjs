// Validates a CloudFormation/SAM template with the cfn-lint npm package and fails on
// any critical finding. The package's resource specification dates from 2019: a few
// findings are about properties AWS added since. Those, and only those, are listed
// here with the date the property appeared; each is checked to concern exactly the
// construct named, so that anything else still fails.
'use strict';
const path = require('path');
const api = require('cfn-lint/lib/api');
const parser = require('cfn-lint/lib/parser');

// Resource types and properties AWS added after that specification, described as AWS's
// CloudFormation and SAM specifications describe them, with the date each appeared: the
// linter then checks them like the others (a misspelt property still fails).
const awsData = require('cfn-lint/lib/awsData');
const samData = require('cfn-lint/lib/samData');
const p = (type) => ({ Documentation: '', Required: false, UpdateType: 'Mutable', PrimitiveType: type });
const t = (type) => ({ Documentation: '', Required: false, UpdateType: 'Mutable', Type: type });
const list = (item) => ({ Documentation: '', Required: false, UpdateType: 'Mutable', Type: 'List', ItemType: item });
const strings = () => ({ Documentation: '', Required: false, UpdateType: 'Mutable', Type: 'List', PrimitiveItemType: 'String' });
const required = (spec) => Object.assign(spec, { Required: true });
const attributes = (...names) => Object.fromEntries(names.map((n) => [n, { PrimitiveType: 'String' }]));
const cfn = awsData.awsResources;
Object.assign(cfn.ResourceTypes, {
  // 2019-10 (Description 2024-05)
  'AWS::Events::EventBus': { Documentation: '', Attributes: attributes('Arn', 'Name', 'Policy'),
    Properties: { Name: required(p('String')), EventSourceName: p('String'), Description: p('String') } },
  // 2020-11
  'AWS::Events::Archive': { Documentation: '', Attributes: attributes('Arn', 'ArchiveName'),
    Properties: { ArchiveName: p('String'), SourceArn: required(p('String')), Description: p('String'),
      EventPattern: p('Json'), RetentionDays: p('Integer') } },
  // 2019-11
  'AWS::Lambda::EventInvokeConfig': { Documentation: '', Properties: {
    FunctionName: required(p('String')), Qualifier: required(p('String')), MaximumEventAgeInSeconds: p('Integer'),
    MaximumRetryAttempts: p('Integer'), DestinationConfig: t('DestinationConfig') } },
});
Object.assign(cfn.PropertyTypes, {
  'AWS::Events::Rule.RetryPolicy': { Documentation: '', Properties: { MaximumEventAgeInSeconds: p('Integer'), MaximumRetryAttempts: p('Integer') } },
  'AWS::Events::Rule.DeadLetterConfig': { Documentation: '', Properties: { Arn: p('String') } },
  'AWS::Lambda::EventInvokeConfig.DestinationConfig': { Documentation: '', Properties: { OnSuccess: t('OnSuccess'), OnFailure: t('OnFailure') } },
  'AWS::Lambda::EventInvokeConfig.OnSuccess': { Documentation: '', Properties: { Destination: required(p('String')) } },
  'AWS::Lambda::EventInvokeConfig.OnFailure': { Documentation: '', Properties: { Destination: required(p('String')) } },
  'AWS::Lambda::EventSourceMapping.DestinationConfig': { Documentation: '', Properties: { OnFailure: t('OnFailure') } },
  'AWS::Lambda::EventSourceMapping.OnFailure': { Documentation: '', Properties: { Destination: p('String') } },
  'AWS::Lambda::EventSourceMapping.FilterCriteria': { Documentation: '', Properties: { Filters: list('Filter') } },
  'AWS::Lambda::EventSourceMapping.Filter': { Documentation: '', Properties: { Pattern: p('String') } },
  'AWS::Lambda::EventSourceMapping.ScalingConfig': { Documentation: '', Properties: { MaximumConcurrency: p('Integer') } },
});
// Event bus rules: 2019-10 (EventBusName), 2020-10 (a target's RetryPolicy and DeadLetterConfig).
cfn.ResourceTypes['AWS::Events::Rule'].Properties.EventBusName = p('String');
Object.assign(cfn.PropertyTypes['AWS::Events::Rule.Target'].Properties,
  { RetryPolicy: t('RetryPolicy'), DeadLetterConfig: t('DeadLetterConfig') });
// FIFO topics: 2020-10.
Object.assign(cfn.ResourceTypes['AWS::SNS::Topic'].Properties, { FifoTopic: p('Boolean'), ContentBasedDeduplication: p('Boolean') });
// A subscription's filter policy applied to the message body (FilterPolicyScope): 2022-11.
cfn.ResourceTypes['AWS::SNS::Subscription'].Properties.FilterPolicyScope = p('String');
// Event source mappings: batching window 2019-09, stream error handling 2019-11, filters and
// partial batch responses 2021-11, maximum concurrency 2023-01.
Object.assign(cfn.ResourceTypes['AWS::Lambda::EventSourceMapping'].Properties, {
  MaximumBatchingWindowInSeconds: p('Integer'), BisectBatchOnFunctionError: p('Boolean'),
  MaximumRetryAttempts: p('Integer'), MaximumRecordAgeInSeconds: p('Integer'), DestinationConfig: t('DestinationConfig'),
  FilterCriteria: t('FilterCriteria'), FunctionResponseTypes: strings(), ScalingConfig: t('ScalingConfig'),
});

// SAM: EventBridgeRule events (SAM 1.19, 2019-12), EventInvokeConfig (1.17, 2019-11), the
// same event source mapping settings on SQS and DynamoDB events.
const sam = samData.samResources20161031;
const fn = 'AWS::Serverless::Function';
sam.ResourceTypes[fn].Properties.EventInvokeConfig = t('EventInvokeConfig');
sam.PropertyTypes[fn + '.EventSource'].Properties.Properties.Type.push('EventSource#Properties<EventBridgeRuleEvent>');
Object.assign(sam.PropertyTypes, {
  [fn + '.EventBridgeRuleEvent']: { Documentation: '', Properties: {
    Pattern: required(p('Json')), EventBusName: p('String'), Input: p('String'), InputPath: p('String'),
    InputTransformer: t('InputTransformer'), RetryPolicy: t('RetryPolicy'), DeadLetterConfig: t('EventBridgeDeadLetterConfig'),
    State: p('String'), RuleName: p('String') } },
  [fn + '.InputTransformer']: { Documentation: '', Properties: { InputPathsMap: p('Json'), InputTemplate: required(p('String')) } },
  [fn + '.RetryPolicy']: { Documentation: '', Properties: { MaximumEventAgeInSeconds: p('Integer'), MaximumRetryAttempts: p('Integer') } },
  [fn + '.EventBridgeDeadLetterConfig']: { Documentation: '', Properties: { Arn: p('String'), Type: p('String'), QueueLogicalId: p('String') } },
  [fn + '.EventInvokeConfig']: { Documentation: '', Properties: {
    MaximumEventAgeInSeconds: p('Integer'), MaximumRetryAttempts: p('Integer'), DestinationConfig: t('EventInvokeDestinationConfig') } },
  [fn + '.EventInvokeDestinationConfig']: { Documentation: '', Properties: { OnSuccess: t('Destination'), OnFailure: t('Destination') } },
  [fn + '.Destination']: { Documentation: '', Properties: { Destination: p('String'), Type: p('String') } },
  [fn + '.StreamDestinationConfig']: { Documentation: '', Properties: { OnFailure: t('Destination') } },
  [fn + '.FilterCriteria']: { Documentation: '', Properties: { Filters: list('Filter') } },
  [fn + '.Filter']: { Documentation: '', Properties: { Pattern: p('String') } },
  [fn + '.ScalingConfig']: { Documentation: '', Properties: { MaximumConcurrency: p('Integer') } },
});
// SAM's SNS events: FilterPolicyScope (SAM 1.57, 2022-11).
sam.PropertyTypes[fn + '.SNSEvent'].Properties.FilterPolicyScope = p('String');
Object.assign(sam.PropertyTypes[fn + '.SQSEvent'].Properties, {
  MaximumBatchingWindowInSeconds: p('Integer'), FilterCriteria: t('FilterCriteria'), FunctionResponseTypes: strings(),
  ScalingConfig: t('ScalingConfig') });
Object.assign(sam.PropertyTypes[fn + '.DynamoDBEvent'].Properties, {
  MaximumBatchingWindowInSeconds: p('Integer'), BisectBatchOnFunctionError: p('Boolean'), MaximumRetryAttempts: p('Integer'),
  MaximumRecordAgeInSeconds: p('Integer'), DestinationConfig: t('StreamDestinationConfig'), FilterCriteria: t('FilterCriteria'),
  FunctionResponseTypes: strings() });

// SAM: AWS::Serverless::StateMachine (SAM 1.20, 2020-05), its events (Api, Schedule,
// ScheduleV2, CloudWatchEvent, EventBridgeRule) read as JSON; CloudFormation: AWS::Pipes::Pipe
// (2022-12), which starts a state machine from a queue.
const sm = 'AWS::Serverless::StateMachine';
sam.ResourceTypes[sm] = { Documentation: '', Attributes: attributes('Arn', 'Name'), Properties: {
  Definition: p('Json'), DefinitionUri: p('String'), DefinitionSubstitutions: p('Json'), Events: { Documentation: '',
    Required: false, UpdateType: 'Mutable', Type: 'Map', ItemType: 'EventSource' }, Logging: p('Json'), Name: p('String'),
  PermissionsBoundary: p('String'), Policies: { Documentation: '', Required: false, UpdateType: 'Mutable',
    Type: 'List', PrimitiveItemType: 'Json' }, Role: p('String'), Tags: p('Json'), Tracing: p('Json'),
  Type: p('String'), AutoPublishAlias: p('String') } };
sam.PropertyTypes[sm + '.EventSource'] = { Documentation: '', Properties: { Type: required(p('String')),
  Properties: required(p('Json')) } };
cfn.ResourceTypes['AWS::Pipes::Pipe'] = { Documentation: '', Attributes: attributes('Arn', 'CurrentState'),
  Properties: { Name: p('String'), RoleArn: required(p('String')), Source: required(p('String')),
    Target: required(p('String')), SourceParameters: p('Json'), TargetParameters: p('Json'), Description: p('String'),
    DesiredState: p('String'), Enrichment: p('String') } };

// Layers: SAM's AWS::Serverless::LayerVersion and a function's Layers (SAM 1.8, 2018-11,
// missing from the package's SAM specification), and CompatibleArchitectures on layers
// (2021-09), as SAM's and CloudFormation's specifications describe them.
sam.ResourceTypes['AWS::Serverless::LayerVersion'] = { Documentation: '', Attributes: {}, Properties: {
  ContentUri: required(p('String')), LayerName: p('String'), Description: p('String'), CompatibleRuntimes: strings(),
  CompatibleArchitectures: strings(), LicenseInfo: p('String'), RetentionPolicy: p('String') } };
sam.ResourceTypes[fn].Properties.Layers = strings();
cfn.ResourceTypes['AWS::Lambda::LayerVersion'].Properties.CompatibleArchitectures = strings();

// Step Functions: StateMachineType (2019-09), Definition as JSON and its
// DefinitionSubstitutions (2021-03, since when DefinitionString is no longer required),
// LoggingConfiguration (2020-02) and TracingConfiguration (2020-09).
const stateMachine = cfn.ResourceTypes['AWS::StepFunctions::StateMachine'].Properties;
stateMachine.DefinitionString.Required = false;
Object.assign(stateMachine, { StateMachineType: p('String'), Definition: p('Json'), DefinitionSubstitutions: p('Json'),
  LoggingConfiguration: p('Json'), TracingConfiguration: p('Json') });

// Cognito app clients: the hosted UI's OAuth settings (2019-11) and token validities
// (2020-08); HTTP APIs' JWT authorizers (2020-03), which need no AuthorizerUri.
Object.assign(cfn.ResourceTypes['AWS::Cognito::UserPoolClient'].Properties, {
  AllowedOAuthFlowsUserPoolClient: p('Boolean'), AllowedOAuthFlows: strings(), AllowedOAuthScopes: strings(),
  CallbackURLs: strings(), LogoutURLs: strings(), SupportedIdentityProviders: strings(),
  AccessTokenValidity: p('Integer'), IdTokenValidity: p('Integer'), TokenValidityUnits: p('Json') });
const authorizer = cfn.ResourceTypes['AWS::ApiGatewayV2::Authorizer'].Properties;
authorizer.AuthorizerUri.Required = false;
authorizer.JwtConfiguration = p('Json');

// HTTP APIs' first-class AWS service integrations (IntegrationSubtype, 2020): a route that
// starts a state machine (StepFunctions-StartExecution).
cfn.ResourceTypes['AWS::ApiGatewayV2::Integration'].Properties.IntegrationSubtype = p('String');

// HTTP APIs' private integrations (2020-03): a VPC link, and an integration's ConnectionId
// into it, which the containers' routes (ECS on Fargate behind Cloud Map) use.
cfn.ResourceTypes['AWS::ApiGatewayV2::VpcLink'] = { Documentation: '', Attributes: attributes('VpcLinkId'),
  Properties: { Name: required(p('String')), SubnetIds: required(strings()), SecurityGroupIds: strings(),
    Tags: p('Json') } };
cfn.ResourceTypes['AWS::ApiGatewayV2::Integration'].Properties.ConnectionId = p('String');

// SAM: a route's own authorizer on an HttpApi event (SAM 1.20, 2020-02); the package knows
// no HttpApi event and reads it as a REST Api event.
sam.PropertyTypes[fn + '.ApiEvent'].Properties.Auth = p('Json');

const file = process.argv[2];
const result = api.validateFile(file, {});
const template = parser.openFile(file); // the linter's own reading, short-form tags included

// [message pattern, resource path pattern, why it is not an error]
const newerThanSpecification = [
  [/^Architectures is not a valid property of AWS::(Serverless|Lambda)::Function$/, /Properties > Architectures$/,
   'Architectures (arm64/Graviton), added to Lambda and SAM in 2021-09'],
  [/^Invalid SAM Globals resource type: HttpApi\.$/, /^Globals/, 'SAM HttpApi globals, added 2019-11'],
  [/^Intrinsic function (Fn::Sub|Ref) is not supported here$/,
   /^Globals > HttpApi > Auth > Authorizers > \w+ > JwtConfiguration > (issuer|audience > \d+)$/,
   'SAM HttpApi globals (2019-11): the package does not know them, so it reads their JWT issuer and audience as literal text'],
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
  [/^Expecting an ARN, got 'arn:\$\{aws\}:events:\$\{[a-z0-9-]+\}:\$\{[0-9]+\}:event-bus\/default'$/, /./,
   'not newer, a linter bug: its reading of !Sub keeps ${} around the pseudo parameters of the default bus\'s ARN'],
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
