#include "awsservice.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"

#include <algorithm>

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

HttpResponseData AwsService::refusedOperation(const AwsRequest &request, const QString &note) const
{
    // Named as the request named it: AWSEvents.PutRule, or the query protocol's action.
    const QString name = request.protocol == AwsProtocol::Json ? mRecognition.targetPrefix + request.operation
                                                               : request.operation;
    const QString message = u"%1 is not served by the local cloud: %2"_s.arg(name, note);
    if (request.protocol == AwsProtocol::Json) {
        HttpResponseData answer = AwsWire::jsonError(501, QString(), u"NotImplemented"_s, message);
        // SQS's JSON protocol names the query protocol's code too; other services ignore it.
        AwsWire::addHeader(answer.headers, "x-amzn-query-error", "NotImplemented;Sender");
        return answer;
    }
    return AwsWire::xmlAnswer(501, AwsWire::queryError(u"NotImplemented"_s, message, true, request.requestId));
}

void AwsService::servePartly(const QString &operation, const QString &note)
{
    mPartly.insert(operation, note);
}

void AwsService::refuse(const QString &operation, const QString &note, const QString &request)
{
    mRefused.append({name(), operation, OperationStatus::Refused, note, request});
}

std::optional<QString> AwsService::refusal(const QString &operation) const
{
    for (const AwsOperation &refused : mRefused)
        if (refused.name == operation)
            return refused.note;
    return std::nullopt;
}

QList<AwsOperation> AwsService::operations() const
{
    QList<AwsOperation> all = mRefused;
    for (const QString &served : servedOperations()) {
        const auto partly = mPartly.constFind(served);
        all.append({name(), served, partly == mPartly.constEnd() ? OperationStatus::Served : OperationStatus::Partly,
                    partly == mPartly.constEnd() ? QString() : *partly, QString()});
    }
    std::sort(all.begin(), all.end(), [](const AwsOperation &a, const AwsOperation &b) { return a.name < b.name; });
    return all;
}

QString AwsService::statusName(OperationStatus status)
{
    switch (status) {
    case OperationStatus::Served: return u"served"_s;
    case OperationStatus::Partly: return u"partly"_s;
    case OperationStatus::Refused: break;
    }
    return u"refused"_s;
}

} // namespace Nimbus
