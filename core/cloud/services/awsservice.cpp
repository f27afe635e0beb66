#include "awsservice.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"

using namespace Qt::StringLiterals;

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
        return AwsWire::jsonError(400, u"com.amazon.coral.service#"_s, u"UnknownOperationException"_s, QString());
    return AwsWire::xmlAnswer(
        400, AwsWire::queryError(u"InvalidAction"_s,
                                 u"The action %1 is not valid for this endpoint."_s.arg(request.operation), true,
                                 request.requestId));
}

} // namespace Nimbus
