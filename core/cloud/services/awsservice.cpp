#include "awsservice.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"

namespace Nimbus {

AwsService::AwsService(const Recognition &recognition, AwsEndpoint &endpoint)
    : QObject(&endpoint), mRecognition(recognition), mEndpoint(endpoint)
{ }

AwsService::~AwsService() = default;

LocalCloud &AwsService::cloud() const
{
    return mEndpoint.cloud();
}

HttpResponseData AwsService::unknownOperation(const AwsRequest &request) const
{
    // The JSON services' framework (coral) names the error itself; the query services
    // say the action is not valid, as SQS and SNS do.
    if (request.protocol == AwsProtocol::Json)
        return AwsWire::jsonError(400, QStringLiteral("com.amazon.coral.service#"),
                                  QStringLiteral("UnknownOperationException"), QString());
    return AwsWire::xmlAnswer(
        400, AwsWire::queryError(QStringLiteral("InvalidAction"),
                                 QStringLiteral("The action %1 is not valid for this endpoint.").arg(request.operation),
                                 true, request.requestId));
}

} // namespace Nimbus
