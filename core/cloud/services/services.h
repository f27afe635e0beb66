#pragma once

#include <QList>
#include <QString>

namespace Nimbus {

class AwsEndpoint;
class AwsService;
class LocalCloud;
struct Node;

// The AWS services the local cloud emulates, each one class in its own file
// (sqsservice.cpp ...), made here as a child of the endpoint that routes to it.
AwsService *createSqsService(AwsEndpoint &endpoint);
AwsService *createSnsService(AwsEndpoint &endpoint);
AwsService *createS3Service(AwsEndpoint &endpoint);
AwsService *createDynamoDbService(AwsEndpoint &endpoint);
AwsService *createEventBridgeService(AwsEndpoint &endpoint);
AwsService *createLambdaService(AwsEndpoint &endpoint);
AwsService *createSecretsManagerService(AwsEndpoint &endpoint);
AwsService *createSsmService(AwsEndpoint &endpoint);
AwsService *createStepFunctionsService(AwsEndpoint &endpoint);

// The design's secret a SecretId names (its name, ARN or partial ARN), or null.
const Node *secretNode(const LocalCloud &cloud, const QString &secretId);
// The design's parameters by name, and the one a name or ARN names (or null).
QList<const Node *> parameterNodes(const LocalCloud &cloud);
const Node *parameterNode(const LocalCloud &cloud, const QString &nameOrArn);

} // namespace Nimbus
