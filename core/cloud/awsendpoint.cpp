#include "awsendpoint.h"

#include "awswire.h"
#include "document/project.h"
#include "httpmethod.h"
#include "localcloud.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace Nimbus {

namespace {

// The request id of the invocation behind a trace header: the bootstraps set
// _X_AMZN_TRACE_ID to Root=1-<first 8 hex digits of the request id>-<other 24>.
QString requestIdOfTrace(const QByteArray &trace)
{
    static const QRegularExpression root(QStringLiteral("Root=1-([0-9a-f]{8})-([0-9a-f]{24})"));
    const auto match = root.match(QString::fromLatin1(trace));
    if (!match.hasMatch())
        return {};
    const QString hex = match.captured(1) + match.captured(2);
    return QStringLiteral("%1-%2-%3-%4-%5").arg(hex.mid(0, 8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20));
}

// The service named in the signature's credential scope (…/region/service/aws4_request).
QString signingService(const QByteArray &authorization)
{
    static const QRegularExpression scope(QStringLiteral("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request"));
    return scope.match(QString::fromLatin1(authorization)).captured(1);
}

int intOf(const QJsonValue &value, int fallback)
{
    if (value.isDouble())
        return value.toInt();
    bool ok = false;
    const int n = value.toString().toInt(&ok);
    return ok ? n : fallback;
}

// The JSON protocol's exception names for SQS's query error codes.
QString sqsJsonType(const QString &code)
{
    if (code == QLatin1String("AWS.SimpleQueueService.NonExistentQueue"))
        return QStringLiteral("QueueDoesNotExist");
    if (code.startsWith(QLatin1String("AWS.SimpleQueueService.")))
        return code.mid(23);
    if (code == QLatin1String("InvalidAction"))
        return QStringLiteral("UnsupportedOperation");
    return code;
}

// What a message carries to a Lambda event, from the SDK's attribute shape, and back.
QJsonObject lambdaAttributes(const QJsonObject &sdk)
{
    QJsonObject out;
    for (auto it = sdk.begin(); it != sdk.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        QJsonObject a{{QStringLiteral("dataType"), v.value(QLatin1String("DataType"))},
                      {QStringLiteral("stringListValues"), QJsonArray()},
                      {QStringLiteral("binaryListValues"), QJsonArray()}};
        if (v.contains(QLatin1String("StringValue")))
            a.insert(QStringLiteral("stringValue"), v.value(QLatin1String("StringValue")));
        if (v.contains(QLatin1String("BinaryValue")))
            a.insert(QStringLiteral("binaryValue"), v.value(QLatin1String("BinaryValue")));
        out.insert(it.key(), a);
    }
    return out;
}

QJsonObject sdkAttributes(const QJsonObject &lambda)
{
    QJsonObject out;
    for (auto it = lambda.begin(); it != lambda.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        QJsonObject a{{QStringLiteral("DataType"), v.value(QLatin1String("dataType"))}};
        if (v.contains(QLatin1String("stringValue")))
            a.insert(QStringLiteral("StringValue"), v.value(QLatin1String("stringValue")));
        if (v.contains(QLatin1String("binaryValue")))
            a.insert(QStringLiteral("BinaryValue"), v.value(QLatin1String("binaryValue")));
        out.insert(it.key(), a);
    }
    return out;
}

// Checks message attributes as SQS does; the problem, or empty.
QString attributeProblem(const QJsonObject &attributes)
{
    if (attributes.size() > 10)
        return QStringLiteral("Number of message attributes [%1] exceeds the allowed maximum [10].").arg(attributes.size());
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        const QString type = v.value(QLatin1String("DataType")).toString();
        if (type.isEmpty())
            return QStringLiteral("The message attribute '%1' must contain non-empty message attribute type.").arg(it.key());
        const bool binary = type.startsWith(QLatin1String("Binary"));
        if (!type.startsWith(QLatin1String("String")) && !type.startsWith(QLatin1String("Number")) && !binary)
            return QStringLiteral("The type of message attribute '%1' is invalid. You must use only the following supported type prefixes: Binary, Number, String.").arg(it.key());
        if (!v.contains(binary ? QLatin1String("BinaryValue") : QLatin1String("StringValue")))
            return QStringLiteral("The message attribute '%1' must contain non-empty message attribute value for message attribute type '%2'.").arg(it.key(), type);
    }
    return {};
}

// An SQS error in the protocol the request used: query (XML) or JSON, which also names
// the query-protocol code in a header.
HttpResponseData sqsError(const QString &code, const QString &message, bool query, const QString &requestId)
{
    if (query)
        return AwsWire::xmlAnswer(400, AwsWire::queryError(code, message, true, requestId));
    HttpResponseData r = AwsWire::jsonError(400, QStringLiteral("com.amazonaws.sqs#"), sqsJsonType(code), message);
    AwsWire::addHeader(r.headers, "x-amzn-query-error", (code + QStringLiteral(";Sender")).toUtf8());
    return r;
}

HttpResponseData sqsAnswer(const QString &operation, const QJsonObject &result, bool query, const QString &requestId)
{
    return query ? AwsWire::xmlAnswer(200, AwsWire::queryResponse(operation, result, QStringLiteral("http://queue.amazonaws.com/doc/2012-11-05/"),
                                                                  requestId))
                 : AwsWire::jsonAnswer(result);
}

} // namespace

struct AwsEndpoint::Waiting
{
    AwsRequest request;
    QString operation;
    QJsonObject input;
    bool query = false;
    Reply done;
    QDateTime deadline;
};

class AwsEndpoint::Server : public QAbstractHttpServer
{
public:
    explicit Server(AwsEndpoint *owner) : mOwner(owner) {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        GuardedTcpServer::requestRead(socket);
        AwsRequest data;
        readRequest(request, &data);
        QString host = QString::fromLatin1(data.header("host"));
        if (host.startsWith(QLatin1Char('['))) // [::1]:4566
            host = host.mid(1, host.indexOf(QLatin1Char(']')) - 1);
        else if (host.contains(QLatin1Char(':')))
            host = host.left(host.lastIndexOf(QLatin1Char(':')));
        data.host = host;
        auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
        QPointer<QTcpSocket> alive(socket);
        const bool head = data.method == QLatin1String("HEAD");
        auto reply = [responder, alive, head](const HttpResponseData &response) {
            if (!alive)
                return; // the client hung up
            responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
            bool hasLength = false;
            for (const auto &[key, value] : response.headers) {
                responder->writeHeader(key, value);
                hasLength = hasLength || key.compare("content-length", Qt::CaseInsensitive) == 0;
            }
            if (!hasLength)
                responder->writeHeader("content-length", QByteArray::number(response.body.size()));
            if (head)
                responder->writeBody(QByteArray());
            else
                responder->writeBody(response.body);
        };
        if (const auto refusal = mOwner->mGuard.refusal(data.headers)) {
            reply(AwsEndpoint::secured(AwsWire::xmlAnswer(
                403, AwsWire::queryError(QStringLiteral("AccessDenied"), *refusal, true, QString()))));
            return true;
        }
        mOwner->handle(std::move(data), reply);
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    AwsEndpoint *mOwner;
};

AwsEndpoint::AwsEndpoint(LocalCloud &cloud, QObject *parent) : QObject(parent), mCloud(cloud) {}

AwsEndpoint::~AwsEndpoint()
{
    close();
}

bool AwsEndpoint::listen(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    mServer = std::make_unique<Server>(this);
    // DynamoDB takes requests of up to 16 MB; S3 objects of up to kRequestLimit in one PUT,
    // which names its length (S3 refuses a PUT without one; the SDKs' streaming uploads
    // are aws-chunked with a Content-Length). A body of unknown length is held to 16 MB.
    auto bodyLimit = [](const QByteArray &, const HttpHeaders &headers) {
        for (const auto &[name, value] : headers)
            if ((name == "x-amz-target" && value.toLower().startsWith("dynamodb_")) || name == "transfer-encoding")
                return kDynamoRequestLimit;
        return kRequestLimit;
    };
    auto refusal = [](int status, const QString &message) {
        const QString code = status == 413   ? QStringLiteral("EntityTooLarge")
                             : status == 431 ? QStringLiteral("RequestHeaderSectionTooLarge")
                             : status == 403 ? QStringLiteral("AccessDenied")
                                             : QStringLiteral("BadRequest");
        return secured(AwsWire::xmlAnswer(status, AwsWire::queryError(code, message, true, QString())));
    };
    auto *tcp = new GuardedTcpServer(&mGuard, bodyLimit, refusal);
    tcp->setParent(mServer.get()); // closed and deleted with the HTTP server
    mPort = tcp->listen(address, port) ? tcp->serverPort() : 0;
    if (mPort)
        mServer->bind(tcp);
    if (mPort == 0) {
        *error = tr("cannot listen on %1:%2").arg(address.toString()).arg(port);
        mServer.reset();
        return false;
    }
    mAddress = address;
    mGuard.setListenAddress(address);
    return true;
}

void AwsEndpoint::close()
{
    mWaiting.clear();
    mServer.reset();
    mPort = 0;
}

QString AwsEndpoint::url() const
{
    return serverUrl(mAddress, mPort);
}

HttpResponseData AwsEndpoint::secured(HttpResponseData response)
{
    // Stored objects come from anyone: a browser must never sniff them into a page, nor
    // run what one holds with this origin's rights.
    AwsWire::addHeader(response.headers, "x-content-type-options", "nosniff");
    AwsWire::addHeader(response.headers, "content-security-policy", "sandbox");
    return response;
}

QString AwsEndpoint::queueUrl(const QString &endpoint, const QString &queue)
{
    return QStringLiteral("%1/%2/%3").arg(endpoint, QLatin1String(kAccountId), queue);
}

void AwsEndpoint::handle(AwsRequest request, Reply done)
{
    request.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString invocation = requestIdOfTrace(request.header("x-amzn-trace-id"));
    if (!invocation.isEmpty())
        request.cause = mCloud.causeOfRequest(invocation);
    // Every answer names its request, as AWS does.
    Reply reply = [done, id = request.requestId](HttpResponseData response) {
        AwsWire::addHeader(response.headers, "x-amzn-requestid", id.toLatin1());
        AwsWire::addHeader(response.headers, "x-amz-request-id", id.toLatin1());
        done(secured(std::move(response)));
    };
    if (request.body.size() > kRequestLimit) {
        reply(AwsWire::xmlAnswer(413, AwsWire::queryError(QStringLiteral("EntityTooLarge"),
                                                          QStringLiteral("the request body is over %1 MB").arg(kRequestLimit >> 20), true,
                                                          request.requestId)));
        return;
    }
    if (!mCloud.isRunning()) {
        reply(AwsWire::xmlAnswer(503, AwsWire::queryError(QStringLiteral("ServiceUnavailable"),
                                                          QStringLiteral("the local cloud is not running"), false, request.requestId)));
        return;
    }
    const QString target = QString::fromLatin1(request.header("x-amz-target"));
    if (target.startsWith(QLatin1String("DynamoDB_20120810."))) {
        if (request.body.size() > kDynamoRequestLimit) {
            reply(AwsWire::jsonError(413, QStringLiteral("com.amazonaws.dynamodb.v20120810#"), QStringLiteral("RequestEntityTooLarge"),
                                     QStringLiteral("Request entity too large")));
            return;
        }
        dynamodb(request, target.mid(18), reply);
        return;
    }
    if (target.startsWith(QLatin1String("AmazonSQS."))) {
        const QJsonDocument input = QJsonDocument::fromJson(request.body);
        if (!input.isObject() && !request.body.isEmpty()) {
            reply(AwsWire::jsonError(400, QStringLiteral("com.amazonaws.sqs#"), QStringLiteral("InvalidParameterValue"),
                                     QStringLiteral("the request body is not a JSON object")));
            return;
        }
        sqs(request, target.mid(10), input.object(), false, reply);
        return;
    }
    const bool form = request.method == QLatin1String("POST")
                      && request.header("content-type").startsWith("application/x-www-form-urlencoded");
    const QString service = signingService(request.header("authorization"));
    if (form && service != QLatin1String("s3")) {
        const QJsonObject input = AwsWire::queryToJson(AwsWire::formPairs(request.body));
        const QString action = input.value(QLatin1String("Action")).toString();
        const bool isSns = service == QLatin1String("sns")
                           || (service.isEmpty() && (action == QLatin1String("Publish") || action == QLatin1String("PublishBatch")));
        if (isSns)
            sns(request, action, input, reply);
        else
            sqs(request, action, input, true, reply);
        return;
    }
    s3(request, reply);
}

// ---- SQS ---------------------------------------------------------------------------

QString AwsEndpoint::queueOf(const QJsonObject &input, QString *errorCode, QString *message) const
{
    QString name = input.value(QLatin1String("QueueUrl")).toString();
    if (name.isEmpty()) {
        *errorCode = QStringLiteral("MissingParameter");
        *message = QStringLiteral("The request must contain the parameter QueueUrl.");
        return {};
    }
    name = name.section(QLatin1Char('/'), -1);
    if (!mCloud.isQueue(name)) {
        *errorCode = QStringLiteral("AWS.SimpleQueueService.NonExistentQueue");
        *message = QStringLiteral("The specified queue does not exist.");
        return {};
    }
    return name;
}

QJsonObject AwsEndpoint::sqsOperation(const QString &operation, const QJsonObject &input, qint64 cause, QString *errorCode,
                                      QString *message, bool *empty)
{
    auto invalid = [&](const QString &code, const QString &text) {
        *errorCode = code;
        *message = text;
        return QJsonObject();
    };
    if (operation == QLatin1String("GetQueueUrl")) {
        const QString name = input.value(QLatin1String("QueueName")).toString();
        if (!mCloud.isQueue(name))
            return invalid(QStringLiteral("AWS.SimpleQueueService.NonExistentQueue"), QStringLiteral("The specified queue does not exist."));
        return {{QStringLiteral("QueueUrl"), queueUrl(url(), name)}};
    }
    if (operation == QLatin1String("ListQueues")) {
        const QString prefix = input.value(QLatin1String("QueueNamePrefix")).toString();
        QJsonArray urls;
        for (const auto &[id, node] : mCloud.project().architecture().nodes()) {
            if (node.kind != QLatin1String("queue"))
                continue;
            for (const QString &name : {node.name, node.name + QStringLiteral("-dlq")})
                if (name.startsWith(prefix))
                    urls.append(queueUrl(url(), name));
        }
        return {{QStringLiteral("QueueUrls"), urls}};
    }
    const QString queue = queueOf(input, errorCode, message);
    if (queue.isEmpty())
        return {};
    auto sendOne = [&](const QJsonObject &entry, QJsonObject *result) -> bool {
        const QByteArray body = entry.value(QLatin1String("MessageBody")).toString().toUtf8();
        const QJsonObject attributes = entry.value(QLatin1String("MessageAttributes")).toObject();
        const int delay = intOf(entry.value(QLatin1String("DelaySeconds")), 0);
        if (body.isEmpty())
            return invalid(QStringLiteral("MissingParameter"), QStringLiteral("The request must contain the parameter MessageBody.")), false;
        if (body.size() > 256 * 1024)
            return invalid(QStringLiteral("InvalidParameterValue"),
                           QStringLiteral("One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.")), false;
        if (delay < 0 || delay > 900)
            return invalid(QStringLiteral("InvalidParameterValue"),
                           QStringLiteral("Value %1 for parameter DelaySeconds is invalid. Reason: must be between 0 and 900, if provided.").arg(delay)), false;
        if (const QString problem = attributeProblem(attributes); !problem.isEmpty())
            return invalid(QStringLiteral("InvalidParameterValue"), problem), false;
        const QString id = mCloud.sendMessage(queue, body, lambdaAttributes(attributes), delay, cause);
        if (id.isEmpty())
            return invalid(QStringLiteral("InvalidParameterValue"), mCloud.errorString()), false;
        result->insert(QStringLiteral("MessageId"), id);
        result->insert(QStringLiteral("MD5OfMessageBody"), AwsWire::md5Hex(body));
        if (!attributes.isEmpty())
            result->insert(QStringLiteral("MD5OfMessageAttributes"), AwsWire::md5OfMessageAttributes(attributes));
        return true;
    };
    // Batch entries: 1 to 10, distinct ids of letters, digits, - and _.
    auto checkEntries = [&](const QJsonArray &entries) -> bool {
        if (entries.isEmpty())
            return invalid(QStringLiteral("AWS.SimpleQueueService.EmptyBatchRequest"),
                           QStringLiteral("There should be at least one %1 in the request.").arg(operation + QStringLiteral("RequestEntry"))), false;
        if (entries.size() > 10)
            return invalid(QStringLiteral("AWS.SimpleQueueService.TooManyEntriesInBatchRequest"),
                           QStringLiteral("Maximum number of entries per request are 10. You have sent %1.").arg(entries.size())), false;
        QSet<QString> ids;
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,80}$"));
        for (const QJsonValue &e : entries) {
            const QString id = e[QLatin1String("Id")].toString();
            if (!valid.match(id).hasMatch())
                return invalid(QStringLiteral("AWS.SimpleQueueService.InvalidBatchEntryId"),
                               QStringLiteral("A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.")), false;
            if (ids.contains(id))
                return invalid(QStringLiteral("AWS.SimpleQueueService.BatchEntryIdsNotDistinct"),
                               QStringLiteral("Id %1 repeated.").arg(id)), false;
            ids.insert(id);
        }
        return true;
    };
    if (operation == QLatin1String("SendMessage")) {
        QJsonObject result;
        return sendOne(input, &result) ? result : QJsonObject();
    }
    if (operation == QLatin1String("SendMessageBatch")) {
        const QJsonArray entries = input.value(QLatin1String("Entries")).toArray();
        if (!checkEntries(entries))
            return {};
        QJsonArray successful, failed;
        for (const QJsonValue &e : entries) {
            QJsonObject result{{QStringLiteral("Id"), e[QLatin1String("Id")]}};
            QString code, text;
            std::swap(code, *errorCode);
            std::swap(text, *message);
            if (sendOne(e.toObject(), &result)) {
                successful.append(result);
            } else {
                failed.append(QJsonObject{{QStringLiteral("Id"), e[QLatin1String("Id")]}, {QStringLiteral("SenderFault"), true},
                                          {QStringLiteral("Code"), *errorCode}, {QStringLiteral("Message"), *message}});
            }
            *errorCode = code;
            *message = text;
        }
        return {{QStringLiteral("Successful"), successful}, {QStringLiteral("Failed"), failed}};
    }
    if (operation == QLatin1String("ReceiveMessage")) {
        const int max = intOf(input.value(QLatin1String("MaxNumberOfMessages")), 1);
        if (max < 1 || max > 10)
            return invalid(QStringLiteral("InvalidParameterValue"),
                           QStringLiteral("Value %1 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.").arg(max));
        const int visibility = intOf(input.value(QLatin1String("VisibilityTimeout")), -1);
        if (visibility > 43200)
            return invalid(QStringLiteral("InvalidParameterValue"),
                           QStringLiteral("Value %1 for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200, if provided.").arg(visibility));
        const QList<QueueMessage> messages = mCloud.receiveMessages(queue, max, visibility);
        *empty = messages.isEmpty();
        if (messages.isEmpty())
            return {};
        QStringList wanted;
        for (const char *key : {"AttributeNames", "MessageSystemAttributeNames"})
            for (const QJsonValue &v : input.value(QLatin1String(key)).toArray())
                wanted.append(v.toString());
        QStringList wantedAttributes;
        for (const QJsonValue &v : input.value(QLatin1String("MessageAttributeNames")).toArray())
            wantedAttributes.append(v.toString());
        QJsonArray out;
        for (const QueueMessage &m : messages) {
            QJsonObject message{{QStringLiteral("MessageId"), m.id},
                                {QStringLiteral("ReceiptHandle"), m.receiptHandle},
                                {QStringLiteral("MD5OfBody"), AwsWire::md5Hex(m.body)},
                                {QStringLiteral("Body"), QString::fromUtf8(m.body)}};
            const QJsonObject system{{QStringLiteral("SenderId"), QLatin1String(kAccountId)},
                                     {QStringLiteral("SentTimestamp"), QString::number(m.sent.toMSecsSinceEpoch())},
                                     {QStringLiteral("ApproximateReceiveCount"), QString::number(m.receiveCount)},
                                     {QStringLiteral("ApproximateFirstReceiveTimestamp"),
                                      QString::number(mCloud.clock().now().toMSecsSinceEpoch())}};
            QJsonObject attributes;
            for (auto it = system.begin(); it != system.end(); ++it)
                if (wanted.contains(QLatin1String("All")) || wanted.contains(it.key()))
                    attributes.insert(it.key(), it.value());
            if (!attributes.isEmpty())
                message.insert(QStringLiteral("Attributes"), attributes);
            const QJsonObject all = sdkAttributes(m.attributes);
            QJsonObject chosen;
            for (auto it = all.begin(); it != all.end(); ++it) {
                const bool match = std::any_of(wantedAttributes.cbegin(), wantedAttributes.cend(), [&](const QString &w) {
                    return w == QLatin1String("All") || w == QLatin1String(".*") || w == it.key()
                           || (w.endsWith(QLatin1String(".*")) && it.key().startsWith(w.chopped(1)));
                });
                if (match)
                    chosen.insert(it.key(), it.value());
            }
            if (!chosen.isEmpty()) {
                message.insert(QStringLiteral("MessageAttributes"), chosen);
                message.insert(QStringLiteral("MD5OfMessageAttributes"), AwsWire::md5OfMessageAttributes(chosen));
            }
            out.append(message);
        }
        return {{QStringLiteral("Messages"), out}};
    }
    auto receiptProblem = [&](const QString &handle) {
        return invalid(QStringLiteral("ReceiptHandleIsInvalid"),
                       QStringLiteral("The input receipt handle \"%1\" is not a valid receipt handle.").arg(handle));
    };
    if (operation == QLatin1String("DeleteMessage")) {
        const QString handle = input.value(QLatin1String("ReceiptHandle")).toString();
        if (!mCloud.deleteMessage(queue, handle))
            return receiptProblem(handle);
        return {};
    }
    if (operation == QLatin1String("DeleteMessageBatch") || operation == QLatin1String("ChangeMessageVisibilityBatch")) {
        const QJsonArray entries = input.value(QLatin1String("Entries")).toArray();
        if (!checkEntries(entries))
            return {};
        QJsonArray successful, failed;
        for (const QJsonValue &e : entries) {
            const QString handle = e[QLatin1String("ReceiptHandle")].toString();
            const bool ok = operation == QLatin1String("DeleteMessageBatch")
                                ? mCloud.deleteMessage(queue, handle)
                                : mCloud.changeVisibility(queue, handle, intOf(e[QLatin1String("VisibilityTimeout")], 0));
            if (ok)
                successful.append(QJsonObject{{QStringLiteral("Id"), e[QLatin1String("Id")]}});
            else
                failed.append(QJsonObject{{QStringLiteral("Id"), e[QLatin1String("Id")]}, {QStringLiteral("SenderFault"), true},
                                          {QStringLiteral("Code"), QStringLiteral("ReceiptHandleIsInvalid")},
                                          {QStringLiteral("Message"), QStringLiteral("The input receipt handle \"%1\" is not a valid receipt handle.").arg(handle)}});
        }
        return {{QStringLiteral("Successful"), successful}, {QStringLiteral("Failed"), failed}};
    }
    if (operation == QLatin1String("ChangeMessageVisibility")) {
        const QString handle = input.value(QLatin1String("ReceiptHandle")).toString();
        const int timeout = intOf(input.value(QLatin1String("VisibilityTimeout")), -1);
        if (timeout < 0 || timeout > 43200)
            return invalid(QStringLiteral("InvalidParameterValue"),
                           QStringLiteral("Value %1 for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.").arg(timeout));
        if (!mCloud.changeVisibility(queue, handle, timeout))
            return receiptProblem(handle);
        return {};
    }
    if (operation == QLatin1String("PurgeQueue")) {
        mCloud.state().purgeQueue(queue);
        return {};
    }
    if (operation == QLatin1String("GetQueueAttributes")) {
        const QList<QueueMessage> all = mCloud.state().messages(queue);
        const QDateTime now = mCloud.clock().now();
        const auto visible = std::count_if(all.cbegin(), all.cend(), [&](const QueueMessage &m) { return m.visibleAt <= now; });
        const QJsonObject attributes{
            {QStringLiteral("ApproximateNumberOfMessages"), QString::number(visible)},
            {QStringLiteral("ApproximateNumberOfMessagesNotVisible"), QString::number(all.size() - visible)},
            {QStringLiteral("QueueArn"), QStringLiteral("arn:aws:sqs:%1:%2:%3").arg(mCloud.region(), QLatin1String(kAccountId), queue)}};
        return {{QStringLiteral("Attributes"), attributes}};
    }
    return invalid(QStringLiteral("InvalidAction"), QStringLiteral("The action %1 is not valid for this endpoint.").arg(operation));
}

void AwsEndpoint::sqs(const AwsRequest &request, const QString &operation, const QJsonObject &input, bool query, const Reply &done)
{
    QString code, message;
    bool empty = false;
    const QJsonObject result = sqsOperation(operation, input, request.cause, &code, &message, &empty);
    if (!code.isEmpty()) {
        done(sqsError(code, message, query, request.requestId));
        return;
    }
    // Long polling: wait up to WaitTimeSeconds for a message.
    const int wait = intOf(input.value(QLatin1String("WaitTimeSeconds")), 0);
    if (operation == QLatin1String("ReceiveMessage") && empty && wait > 0) {
        if (wait > 20) {
            done(sqsError(QStringLiteral("InvalidParameterValue"),
                          QStringLiteral("Value %1 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.").arg(wait),
                          query, request.requestId));
            return;
        }
        auto waiting = std::make_shared<Waiting>(Waiting{request, operation, input, query, done,
                                                         QDateTime::currentDateTimeUtc().addSecs(wait)});
        mWaiting.append(waiting);
        QTimer::singleShot(100, this, [this, waiting] { pollQueue(waiting); });
        return;
    }
    done(sqsAnswer(operation, result, query, request.requestId));
}

void AwsEndpoint::pollQueue(std::shared_ptr<Waiting> waiting)
{
    if (!mWaiting.contains(waiting))
        return; // closed meanwhile
    QString code, message;
    bool empty = false;
    const QJsonObject result = mCloud.isRunning() ? sqsOperation(waiting->operation, waiting->input, waiting->request.cause, &code, &message, &empty)
                                                  : QJsonObject();
    if (empty && code.isEmpty() && mCloud.isRunning() && QDateTime::currentDateTimeUtc() < waiting->deadline) {
        QTimer::singleShot(100, this, [this, waiting] { pollQueue(waiting); });
        return;
    }
    mWaiting.removeOne(waiting);
    waiting->done(code.isEmpty() ? sqsAnswer(waiting->operation, result, waiting->query, waiting->request.requestId)
                                 : sqsError(code, message, waiting->query, waiting->request.requestId));
}

// ---- SNS ---------------------------------------------------------------------------

void AwsEndpoint::sns(const AwsRequest &request, const QString &operation, const QJsonObject &input, const Reply &done)
{
    auto error = [&](int status, const QString &code, const QString &message) {
        done(AwsWire::xmlAnswer(status, AwsWire::queryError(code, message, true, request.requestId)));
    };
    auto answer = [&](const QJsonObject &result) {
        done(AwsWire::xmlAnswer(200, AwsWire::queryResponse(operation, result, QStringLiteral("http://sns.amazonaws.com/doc/2010-03-31/"),
                                                            request.requestId)));
    };
    QString arn = input.value(QLatin1String("TopicArn")).toString();
    if (arn.isEmpty())
        arn = input.value(QLatin1String("TargetArn")).toString();
    const QString topic = arn.section(QLatin1Char(':'), -1);
    const Node *node = mCloud.project().architecture().nodeByName(topic);
    if (operation == QLatin1String("Publish") || operation == QLatin1String("PublishBatch")) {
        if (arn.isEmpty()) {
            error(400, QStringLiteral("InvalidParameter"), QStringLiteral("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter"));
            return;
        }
        if (!arn.startsWith(QLatin1String("arn:aws:sns:")) || !node || node->kind != QLatin1String("topic")) {
            error(404, QStringLiteral("NotFound"), QStringLiteral("Topic does not exist"));
            return;
        }
    }
    auto publishOne = [&](const QJsonObject &entry, QString *id) -> bool {
        const QString message = entry.value(QLatin1String("Message")).toString();
        if (message.isEmpty()) {
            error(400, QStringLiteral("InvalidParameter"), QStringLiteral("Invalid parameter: Empty message"));
            return false;
        }
        if (message.toUtf8().size() > 256 * 1024) {
            error(400, QStringLiteral("InvalidParameter"), QStringLiteral("Invalid parameter: Message too long"));
            return false;
        }
        // Attributes reach the subscribers as SNS events carry them: {Type, Value}.
        QJsonObject attributes;
        const QJsonObject given = entry.value(QLatin1String("MessageAttributes")).toObject();
        for (auto it = given.begin(); it != given.end(); ++it) {
            const QJsonObject v = it.value().toObject();
            const QString type = v.value(QLatin1String("DataType")).toString();
            if (type.isEmpty() || (!v.contains(QLatin1String("StringValue")) && !v.contains(QLatin1String("BinaryValue")))) {
                error(400, QStringLiteral("ParameterValueInvalid"),
                      QStringLiteral("The message attribute '%1' must contain non-empty message attribute value and type.").arg(it.key()));
                return false;
            }
            attributes.insert(it.key(), QJsonObject{{QStringLiteral("Type"), type},
                                                    {QStringLiteral("Value"), v.contains(QLatin1String("StringValue"))
                                                                                  ? v.value(QLatin1String("StringValue"))
                                                                                  : v.value(QLatin1String("BinaryValue"))}});
        }
        *id = mCloud.publish(topic, message, entry.value(QLatin1String("Subject")).toString(), request.cause, attributes);
        if (id->isEmpty()) {
            error(400, QStringLiteral("InvalidParameter"), mCloud.errorString());
            return false;
        }
        return true;
    };
    if (operation == QLatin1String("Publish")) {
        QString id;
        if (publishOne(input, &id))
            answer({{QStringLiteral("MessageId"), id}});
        return;
    }
    if (operation == QLatin1String("PublishBatch")) {
        const QJsonArray entries = input.value(QLatin1String("PublishBatchRequestEntries")).toArray();
        if (entries.isEmpty()) {
            error(400, QStringLiteral("EmptyBatchRequest"), QStringLiteral("The batch request doesn't contain any entries"));
            return;
        }
        if (entries.size() > 10) {
            error(400, QStringLiteral("TooManyEntriesInBatchRequest"), QStringLiteral("The batch request contains more entries than permissible"));
            return;
        }
        QSet<QString> ids;
        for (const QJsonValue &e : entries) {
            if (ids.contains(e[QLatin1String("Id")].toString())) {
                error(400, QStringLiteral("BatchEntryIdsNotDistinct"), QStringLiteral("Two or more batch entries in the request have the same Id"));
                return;
            }
            ids.insert(e[QLatin1String("Id")].toString());
        }
        QJsonArray successful;
        for (const QJsonValue &e : entries) {
            QString id;
            if (!publishOne(e.toObject(), &id))
                return;
            successful.append(QJsonObject{{QStringLiteral("Id"), e[QLatin1String("Id")]}, {QStringLiteral("MessageId"), id}});
        }
        answer({{QStringLiteral("Successful"), successful}, {QStringLiteral("Failed"), QJsonArray()}});
        return;
    }
    if (operation == QLatin1String("ListTopics")) {
        QJsonArray topics;
        for (const auto &[id, n] : mCloud.project().architecture().nodes())
            if (n.kind == QLatin1String("topic"))
                topics.append(QJsonObject{{QStringLiteral("TopicArn"), mCloud.topicArn(n.name)}});
        answer({{QStringLiteral("Topics"), topics}});
        return;
    }
    error(400, QStringLiteral("InvalidAction"), QStringLiteral("The action %1 is not valid for this endpoint.").arg(operation));
}

} // namespace Nimbus
