#pragma once

namespace Nimbus {

class AwsEndpoint;
class AwsService;

// The AWS services the local cloud emulates, each one class in its own file
// (sqsservice.cpp ...), made here as a child of the endpoint that routes to it.
AwsService *createSqsService(AwsEndpoint &endpoint);
AwsService *createSnsService(AwsEndpoint &endpoint);
AwsService *createS3Service(AwsEndpoint &endpoint);
AwsService *createDynamoDbService(AwsEndpoint &endpoint);
AwsService *createEventBridgeService(AwsEndpoint &endpoint);
AwsService *createLambdaService(AwsEndpoint &endpoint);

} // namespace Nimbus
