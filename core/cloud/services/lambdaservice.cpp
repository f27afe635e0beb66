#include "services.h"

#include "awsservice.h"
#include "model/kinds.h"

#include "cloud/asyncinvoker.h"
#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/localcloud.h"
#include "document/project.h"
#include "runtime/invocationresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// Lambda's payload quotas: a synchronous invocation's request and an asynchronous one's.
constexpr qsizetype kSyncPayloadLimit = 6 * 1024 * 1024;
constexpr qsizetype kAsyncPayloadLimit = 256 * 1024;
// What the Tail log type returns of an invocation's log: its last 4 KB.
constexpr qsizetype kLogTail = 4 * 1024;

// Lambda (REST-JSON, signed for "lambda"): Invoke of the design's functions, synchronous
// (RequestResponse), asynchronous (Event: retried and sent to destinations as Lambda does,
// see AsyncInvoker) or a DryRun. Functions are made on the canvas, so every other
// operation is refused by name.
class LambdaService final : public AwsService
{
public:
    explicit LambdaService(AwsEndpoint &endpoint);

    void handle(const AwsRequest &request, const AwsReply &done) override;

protected:
    QStringList servedOperations() const override { return {u"Invoke"_s}; }

private:
    void invoke(const AwsRequest &request, const QString &functionName, const AwsReply &done);
    // The operation a REST request names, for the answer to one the local cloud does not serve.
    static QString operationOf(const AwsRequest &request);
};

// Lambda's error answer: the code in X-Amzn-ErrorType, {"Type", "Message"} as the body.
HttpResponseData lambdaError(int status, const QString &code, const QString &message, bool user = true)
{
    HttpResponseData r;
    r.status = status;
    AwsWire::addHeader(r.headers, "content-type", "application/json");
    AwsWire::addHeader(r.headers, "x-amzn-errortype", code.toUtf8());
    r.body = QJsonDocument(QJsonObject{{u"Type"_s, user ? u"User"_s : u"Service"_s}, {u"Message"_s, message}})
                 .toJson(QJsonDocument::Compact);
    r.problem = code + u": "_s + message;
    return r;
}

} // namespace

AwsService *createLambdaService(AwsEndpoint &endpoint)
{
    return new LambdaService(endpoint);
}

namespace {

// Lambda's operations that the local cloud refuses, by the method and path that name them
// ({function} a function's name or ARN).
const char *const kRefused[][3] = {
    {"ListFunctions", "GET", "/2015-03-31/functions"},
    {"CreateFunction", "POST", "/2015-03-31/functions"},
    {"GetFunction", "GET", "/2015-03-31/functions/{function}"},
    {"DeleteFunction", "DELETE", "/2015-03-31/functions/{function}"},
    {"GetFunctionConfiguration", "GET", "/2015-03-31/functions/{function}/configuration"},
    {"UpdateFunctionConfiguration", "PUT", "/2015-03-31/functions/{function}/configuration"},
    {"UpdateFunctionCode", "PUT", "/2015-03-31/functions/{function}/code"},
    {"InvokeAsync", "POST", "/2014-11-13/functions/{function}/invoke-async"},
    {"InvokeWithResponseStream", "POST", "/2021-11-15/functions/{function}/response-streaming-invocations"},
    {"GetFunctionEventInvokeConfig", "GET", "/2019-09-25/functions/{function}/event-invoke-config"},
    {"PutFunctionEventInvokeConfig", "PUT", "/2019-09-25/functions/{function}/event-invoke-config"},
    {"UpdateFunctionEventInvokeConfig", "POST", "/2019-09-25/functions/{function}/event-invoke-config"},
    {"ListEventSourceMappings", "GET", "/2015-03-31/event-source-mappings"},
    {"CreateEventSourceMapping", "POST", "/2015-03-31/event-source-mappings"},
    {"AddPermission", "POST", "/2015-03-31/functions/{function}/policy"},
    {"GetPolicy", "GET", "/2015-03-31/functions/{function}/policy"},
};

const QString kRefusedNote = u"make functions and their settings on the canvas"_s;

} // namespace

LambdaService::LambdaService(AwsEndpoint &endpoint) : AwsService(Recognition(u"lambda"_s).takesRest(), endpoint)
{
    for (const auto &[name, method, path] : kRefused)
        refuse(QLatin1String(name), kRefusedNote, QLatin1String(method) + u' ' + QLatin1String(path));
}

QString LambdaService::operationOf(const AwsRequest &request)
{
    static const QList<std::pair<QString, QRegularExpression>> operations = [] {
        QList<std::pair<QString, QRegularExpression>> list;
        for (const auto &[name, method, path] : kRefused) {
            const QString pattern =
                QRegularExpression::escape(QLatin1String(path)).replace(u"\\{function\\}"_s, u"[^/]+"_s);
            list.append({QLatin1String(name), QRegularExpression(u'^' + pattern + u"/?$"_s)});
        }
        return list;
    }();
    for (qsizetype i = 0; i < operations.size(); ++i)
        if (request.method == QLatin1String(kRefused[i][1]) && operations.at(i).second.match(request.path).hasMatch())
            return operations.at(i).first;
    return request.method + u" "_s + request.path;
}

void LambdaService::handle(const AwsRequest &request, const AwsReply &done)
{
    static const QRegularExpression invocations(u"^/2015-03-31/functions/([^/]+)/invocations/?$"_s);
    const QRegularExpressionMatch match = invocations.match(request.path);
    if (request.method != "POST"_L1 || !match.hasMatch()) {
        done(lambdaError(501, u"NotImplemented"_s,
                         u"Lambda %1 is not served by the local cloud: %2"_s.arg(operationOf(request), kRefusedNote)));
        return;
    }
    invoke(request, match.captured(1), done);
}

void LambdaService::invoke(const AwsRequest &request, const QString &functionName, const AwsReply &done)
{
    LocalCloud &cloud = this->cloud();
    // FunctionName is the name, name:qualifier, a partial ARN (000000000000:function:name)
    // or the full ARN, with or without the qualifier.
    QStringList parts = functionName.split(':'_L1);
    QString name, qualifier = QUrlQuery(QString::fromUtf8(request.query)).queryItemValue(u"Qualifier"_s);
    if (parts.size() >= 7 && parts.at(0) == "arn"_L1 && parts.at(5) == "function"_L1)
        parts = parts.mid(6);
    else if (parts.size() >= 3 && parts.at(1) == "function"_L1)
        parts = parts.mid(2);
    if (parts.size() <= 2) {
        name = parts.value(0);
        if (parts.size() == 2)
            qualifier = parts.at(1);
    }
    const Node *node = name.isEmpty() ? nullptr : cloud.project().architecture().nodeByName(name);
    const QString arn = AsyncInvoker::functionArn(cloud.region(), name.isEmpty() ? functionName : name);
    if (!node || node->kind != Kinds::Function || (!qualifier.isEmpty() && qualifier != "$LATEST"_L1)) {
        done(lambdaError(404, u"ResourceNotFoundException"_s,
                         u"Function not found: %1"_s.arg(qualifier.isEmpty() ? arn : arn + ':'_L1 + qualifier)));
        return;
    }
    const QString type = QString::fromLatin1(request.header("x-amz-invocation-type"));
    const bool event = type == "Event"_L1;
    if (!type.isEmpty() && !event && type != "RequestResponse"_L1 && type != "DryRun"_L1) {
        done(lambdaError(400, u"InvalidParameterValueException"_s,
                         u"1 validation error detected: Value '%1' at 'invocationType' failed to satisfy constraint: "
                         "Member must satisfy enum value set: [Event, RequestResponse, DryRun]"_s.arg(type)));
        return;
    }
    const qsizetype limit = event ? kAsyncPayloadLimit : kSyncPayloadLimit;
    if (request.body.size() > limit) {
        done(lambdaError(413, u"RequestEntityTooLargeException"_s,
                         u"Request must be smaller than %1 bytes for the InvokeFunction operation"_s.arg(limit)));
        return;
    }
    const QByteArray payload = request.body.isEmpty() ? QByteArray("{}") : request.body;
    // One JSON value: "1,2" would make an array of two here, and is not one.
    if (const QJsonDocument parsed = QJsonDocument::fromJson("[" + payload + "]");
        !parsed.isArray() || parsed.array().size() != 1) {
        done(lambdaError(400, u"InvalidRequestContentException"_s, u"Could not parse request body into json"_s));
        return;
    }
    HttpResponseData answer;
    if (type == "DryRun"_L1) {
        answer.status = 204;
        done(answer);
        return;
    }
    const QString caller = cloud.causeName(request.cause);
    if (event) {
        if (const Result<qint64> queued = cloud.invokeAsync(name, payload, caller, request.cause); !queued) {
            done(lambdaError(500, u"ServiceException"_s, queued.errorMessage(), false));
            return;
        }
        answer.status = 202;
        done(answer);
        return;
    }
    const bool tail = request.header("x-amz-log-type") == "Tail";
    const Result<qint64> started = cloud.invoke(name, payload, caller, request.cause,
                                                [done, tail](const InvocationResult &result) {
        HttpResponseData answer;
        AwsWire::addHeader(answer.headers, "content-type", "application/json");
        AwsWire::addHeader(answer.headers, "x-amz-executed-version", "$LATEST");
        if (tail)
            AwsWire::addHeader(answer.headers, "x-amz-log-result",
                               result.logs.join('\n'_L1).toUtf8().right(kLogTail).toBase64());
        if (result.ok) {
            answer.body = result.resultJson.isEmpty() ? QByteArray("null") : result.resultJson;
        } else if (result.error.value("errorType"_L1).toString() == "TooManyRequestsException"_L1) {
            // A throttled invocation is no function error: Lambda refuses the call itself (429).
            HttpResponseData refused = lambdaError(429, u"TooManyRequestsException"_s,
                                                   result.error.value("errorMessage"_L1).toString());
            AwsWire::addHeader(refused.headers, "x-amzn-requestid", result.requestId.toUtf8());
            done(refused);
            return;
        } else {
            AwsWire::addHeader(answer.headers, "x-amz-function-error", "Unhandled");
            answer.body = QJsonDocument(result.error).toJson(QJsonDocument::Compact);
        }
        done(answer);
    });
    if (!started)
        done(lambdaError(500, u"ServiceException"_s, started.errorMessage(), false));
}

} // namespace Nimbus
