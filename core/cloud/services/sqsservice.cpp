#include "sqsservice.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace Nimbus {

namespace {

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

// Message attributes between the SDK's shape (DataType, StringValue, BinaryValue) and
// the Lambda event's (dataType, stringValue, binaryValue, and lists it always has).
QJsonObject convertedAttributes(const QJsonObject &attributes, bool toLambda)
{
    static const QLatin1String sdk[] = {QLatin1String("DataType"), QLatin1String("StringValue"),
                                        QLatin1String("BinaryValue")};
    static const QLatin1String lambda[] = {QLatin1String("dataType"), QLatin1String("stringValue"),
                                           QLatin1String("binaryValue")};
    const QLatin1String *from = toLambda ? sdk : lambda;
    const QLatin1String *to = toLambda ? lambda : sdk;
    QJsonObject out;
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        QJsonObject a{{to[0], v.value(from[0])}};
        if (toLambda) {
            a.insert(QStringLiteral("stringListValues"), QJsonArray());
            a.insert(QStringLiteral("binaryListValues"), QJsonArray());
        }
        for (int i = 1; i < 3; ++i)
            if (v.contains(from[i]))
                a.insert(to[i], v.value(from[i]));
        out.insert(it.key(), a);
    }
    return out;
}

// Checks message attributes as SQS does; the problem, or empty.
QString attributeProblem(const QJsonObject &attributes)
{
    if (attributes.size() > 10)
        return QStringLiteral("Number of message attributes [%1] exceeds the allowed maximum [10].")
            .arg(attributes.size());
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        const QString type = v.value(QLatin1String("DataType")).toString();
        if (type.isEmpty())
            return QStringLiteral("The message attribute '%1' must contain non-empty message attribute type.")
                .arg(it.key());
        const bool binary = type.startsWith(QLatin1String("Binary"));
        if (!type.startsWith(QLatin1String("String")) && !type.startsWith(QLatin1String("Number")) && !binary)
            return QStringLiteral("The type of message attribute '%1' is invalid. You must use only the following "
                                  "supported type prefixes: Binary, Number, String.")
                .arg(it.key());
        if (!v.contains(binary ? QLatin1String("BinaryValue") : QLatin1String("StringValue")))
            return QStringLiteral("The message attribute '%1' must contain non-empty message attribute value for "
                                  "message attribute type '%2'.")
                .arg(it.key(), type);
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
    return query ? AwsWire::xmlAnswer(
               200, AwsWire::queryResponse(operation, result,
                                           QStringLiteral("http://queue.amazonaws.com/doc/2012-11-05/"), requestId))
                 : AwsWire::jsonAnswer(result);
}

const QString kReceiptProblem = QStringLiteral("The input receipt handle \"%1\" is not a valid receipt handle.");

} // namespace

struct SqsService::Waiting
{
    AwsRequest request;
    Call call;
    AwsReply done;
    QDateTime deadline;
};

SqsService::SqsService(AwsEndpoint &endpoint)
    : AwsService(Recognition(QStringLiteral("sqs")).byTarget(QStringLiteral("AmazonSQS.")).takesQuery().asFallback(),
                 endpoint)
{
    mOperations = {
        {QStringLiteral("GetQueueUrl"), {&SqsService::getQueueUrl, false}},
        {QStringLiteral("ListQueues"), {&SqsService::listQueues, false}},
        {QStringLiteral("SendMessage"), {&SqsService::sendMessage}},
        {QStringLiteral("SendMessageBatch"), {&SqsService::sendMessageBatch}},
        {QStringLiteral("ReceiveMessage"), {&SqsService::receiveMessage}},
        {QStringLiteral("DeleteMessage"), {&SqsService::deleteMessage}},
        {QStringLiteral("DeleteMessageBatch"), {&SqsService::deleteMessageBatch}},
        {QStringLiteral("ChangeMessageVisibility"), {&SqsService::changeMessageVisibility}},
        {QStringLiteral("ChangeMessageVisibilityBatch"), {&SqsService::changeMessageVisibilityBatch}},
        {QStringLiteral("PurgeQueue"), {&SqsService::purgeQueue}},
        {QStringLiteral("GetQueueAttributes"), {&SqsService::getQueueAttributes}},
    };
}

SqsService::~SqsService() = default;

void SqsService::close()
{
    mWaiting.clear();
}

void SqsService::handle(const AwsRequest &request, const AwsReply &done)
{
    Call call{request.operation, request.parameters, request.cause, QString()};
    if (request.protocol == AwsProtocol::Json) {
        const QJsonDocument input = QJsonDocument::fromJson(request.body);
        if (!input.isObject() && !request.body.isEmpty()) {
            done(AwsWire::jsonError(400, QStringLiteral("com.amazonaws.sqs#"), QStringLiteral("InvalidParameterValue"),
                                    QStringLiteral("the request body is not a JSON object")));
            return;
        }
        call.input = input.object();
    }
    Error error;
    const QJsonObject result = run(call, &error);
    // Long polling: wait up to WaitTimeSeconds for a message.
    const int wait = intOf(call.input.value(QLatin1String("WaitTimeSeconds")), 0);
    if (error.code.isEmpty() && call.operation == QLatin1String("ReceiveMessage") && result.isEmpty() && wait > 0) {
        if (wait > 20) {
            done(answer(
                request, {},
                {QStringLiteral("InvalidParameterValue"),
                 QStringLiteral(
                     "Value %1 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.")
                     .arg(wait)}));
            return;
        }
        auto waiting = std::make_shared<Waiting>(
            Waiting{request, call, done, QDateTime::currentDateTimeUtc().addSecs(wait)});
        mWaiting.append(waiting);
        QTimer::singleShot(100, this, [this, waiting] { poll(waiting); });
        return;
    }
    done(answer(request, result, error));
}

void SqsService::poll(std::shared_ptr<Waiting> waiting)
{
    if (!mWaiting.contains(waiting))
        return; // closed meanwhile
    Error error;
    const QJsonObject result = cloud().isRunning() ? run(waiting->call, &error) : QJsonObject();
    if (result.isEmpty() && error.code.isEmpty() && cloud().isRunning()
        && QDateTime::currentDateTimeUtc() < waiting->deadline) {
        QTimer::singleShot(100, this, [this, waiting] { poll(waiting); });
        return;
    }
    mWaiting.removeOne(waiting);
    waiting->done(answer(waiting->request, result, error));
}

HttpResponseData SqsService::answer(const AwsRequest &request, const QJsonObject &result, const Error &error) const
{
    const bool query = request.protocol == AwsProtocol::Query;
    if (!error.code.isEmpty())
        return sqsError(error.code, error.message, query, request.requestId);
    return sqsAnswer(request.operation, result, query, request.requestId);
}

QJsonObject SqsService::run(Call call, Error *error)
{
    const Operation operation = mOperations.value(call.operation);
    if (operation.function && !operation.onQueue)
        return (this->*operation.function)(call, error);
    // An operation it does not know is checked for its queue first, as it always was.
    call.queue = queueOf(call.input, error);
    if (call.queue.isEmpty())
        return {};
    if (!operation.function) {
        *error = {QStringLiteral("InvalidAction"),
                  QStringLiteral("The action %1 is not valid for this endpoint.").arg(call.operation)};
        return {};
    }
    return (this->*operation.function)(call, error);
}

QString SqsService::queueOf(const QJsonObject &input, Error *error) const
{
    QString name = input.value(QLatin1String("QueueUrl")).toString();
    if (name.isEmpty()) {
        *error = {QStringLiteral("MissingParameter"),
                  QStringLiteral("The request must contain the parameter QueueUrl.")};
        return {};
    }
    name = name.section(QLatin1Char('/'), -1);
    if (!cloud().isQueue(name)) {
        *error = {QStringLiteral("AWS.SimpleQueueService.NonExistentQueue"),
                  QStringLiteral("The specified queue does not exist.")};
        return {};
    }
    return name;
}

QJsonObject SqsService::getQueueUrl(const Call &call, Error *error)
{
    const QString name = call.input.value(QLatin1String("QueueName")).toString();
    if (!cloud().isQueue(name)) {
        *error = {QStringLiteral("AWS.SimpleQueueService.NonExistentQueue"),
                  QStringLiteral("The specified queue does not exist.")};
        return {};
    }
    return {{QStringLiteral("QueueUrl"), AwsEndpoint::queueUrl(endpoint().url(), name)}};
}

QJsonObject SqsService::listQueues(const Call &call, Error *)
{
    const QString prefix = call.input.value(QLatin1String("QueueNamePrefix")).toString();
    QJsonArray urls;
    for (const auto &[id, node] : cloud().project().architecture().nodes()) {
        if (node.kind != QLatin1String("queue"))
            continue;
        for (const QString &name : {node.name, node.name + QStringLiteral("-dlq")})
            if (name.startsWith(prefix))
                urls.append(AwsEndpoint::queueUrl(endpoint().url(), name));
    }
    return {{QStringLiteral("QueueUrls"), urls}};
}

bool SqsService::sendOne(const Call &call, const QJsonObject &entry, QJsonObject *result, Error *error)
{
    const QByteArray body = entry.value(QLatin1String("MessageBody")).toString().toUtf8();
    const QJsonObject attributes = entry.value(QLatin1String("MessageAttributes")).toObject();
    const int delay = intOf(entry.value(QLatin1String("DelaySeconds")), 0);
    const QString invalid = QStringLiteral("InvalidParameterValue");
    if (body.isEmpty())
        *error = {QStringLiteral("MissingParameter"),
                  QStringLiteral("The request must contain the parameter MessageBody.")};
    else if (body.size() > 256 * 1024)
        *error = {
            invalid,
            QStringLiteral("One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.")};
    else if (delay < 0 || delay > 900)
        *error = {invalid,
                  QStringLiteral(
                      "Value %1 for parameter DelaySeconds is invalid. Reason: must be between 0 and 900, if provided.")
                      .arg(delay)};
    else if (const QString problem = attributeProblem(attributes); !problem.isEmpty())
        *error = {invalid, problem};
    if (!error->code.isEmpty())
        return false;
    const Result<QString> id = cloud().sendMessage(call.queue, body, convertedAttributes(attributes, true), delay,
                                                   call.cause);
    if (!id) {
        *error = {invalid, id.errorMessage()};
        return false;
    }
    result->insert(QStringLiteral("MessageId"), *id);
    result->insert(QStringLiteral("MD5OfMessageBody"), AwsWire::md5Hex(body));
    if (!attributes.isEmpty())
        result->insert(QStringLiteral("MD5OfMessageAttributes"), AwsWire::md5OfMessageAttributes(attributes));
    return true;
}

// Batch entries: 1 to 10, distinct ids of letters, digits, - and _.
bool SqsService::checkEntries(const Call &call, const QJsonArray &entries, Error *error) const
{
    if (entries.isEmpty()) {
        *error = {QStringLiteral("AWS.SimpleQueueService.EmptyBatchRequest"),
                  QStringLiteral("There should be at least one %1 in the request.")
                      .arg(call.operation + QStringLiteral("RequestEntry"))};
        return false;
    }
    if (entries.size() > 10) {
        *error = {
            QStringLiteral("AWS.SimpleQueueService.TooManyEntriesInBatchRequest"),
            QStringLiteral("Maximum number of entries per request are 10. You have sent %1.").arg(entries.size())};
        return false;
    }
    QSet<QString> ids;
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,80}$"));
    for (const QJsonValue &e : entries) {
        const QString id = e[QLatin1String("Id")].toString();
        if (!valid.match(id).hasMatch()) {
            *error = {QStringLiteral("AWS.SimpleQueueService.InvalidBatchEntryId"),
                      QStringLiteral("A batch entry id can only contain alphanumeric characters, hyphens and "
                                     "underscores. It can be at most 80 letters long.")};
            return false;
        }
        if (ids.contains(id)) {
            *error = {QStringLiteral("AWS.SimpleQueueService.BatchEntryIdsNotDistinct"),
                      QStringLiteral("Id %1 repeated.").arg(id)};
            return false;
        }
        ids.insert(id);
    }
    return true;
}

QJsonObject SqsService::sendMessage(const Call &call, Error *error)
{
    QJsonObject result;
    return sendOne(call, call.input, &result, error) ? result : QJsonObject();
}

QJsonObject SqsService::sendMessageBatch(const Call &call, Error *error)
{
    const QJsonArray entries = call.input.value(QLatin1String("Entries")).toArray();
    if (!checkEntries(call, entries, error))
        return {};
    QJsonArray successful, failed;
    for (const QJsonValue &e : entries) {
        QJsonObject result{{QStringLiteral("Id"), e[QLatin1String("Id")]}};
        Error entryError;
        if (sendOne(call, e.toObject(), &result, &entryError))
            successful.append(result);
        else
            failed.append(QJsonObject{{QStringLiteral("Id"), e[QLatin1String("Id")]},
                                      {QStringLiteral("SenderFault"), true},
                                      {QStringLiteral("Code"), entryError.code},
                                      {QStringLiteral("Message"), entryError.message}});
    }
    return {{QStringLiteral("Successful"), successful}, {QStringLiteral("Failed"), failed}};
}

QJsonObject SqsService::receiveMessage(const Call &call, Error *error)
{
    const int max = intOf(call.input.value(QLatin1String("MaxNumberOfMessages")), 1);
    if (max < 1 || max > 10) {
        *error = {
            QStringLiteral("InvalidParameterValue"),
            QStringLiteral(
                "Value %1 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.")
                .arg(max)};
        return {};
    }
    const int visibility = intOf(call.input.value(QLatin1String("VisibilityTimeout")), -1);
    if (visibility > 43200) {
        *error = {QStringLiteral("InvalidParameterValue"),
                  QStringLiteral("Value %1 for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and "
                                 "43200, if provided.")
                      .arg(visibility)};
        return {};
    }
    const QList<QueueMessage> messages = cloud().receiveMessages(call.queue, max, visibility);
    if (messages.isEmpty())
        return {};
    return received(call.input, messages);
}

QJsonObject SqsService::received(const QJsonObject &input, const QList<QueueMessage> &messages) const
{
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
        const QJsonObject system{{QStringLiteral("SenderId"), QLatin1String(AwsEndpoint::kAccountId)},
                                 {QStringLiteral("SentTimestamp"), QString::number(m.sent.toMSecsSinceEpoch())},
                                 {QStringLiteral("ApproximateReceiveCount"), QString::number(m.receiveCount)},
                                 {QStringLiteral("ApproximateFirstReceiveTimestamp"),
                                  QString::number(cloud().clock().now().toMSecsSinceEpoch())}};
        QJsonObject attributes;
        for (auto it = system.begin(); it != system.end(); ++it)
            if (wanted.contains(QLatin1String("All")) || wanted.contains(it.key()))
                attributes.insert(it.key(), it.value());
        if (!attributes.isEmpty())
            message.insert(QStringLiteral("Attributes"), attributes);
        const QJsonObject all = convertedAttributes(m.attributes, false);
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

QJsonObject SqsService::deleteMessage(const Call &call, Error *error)
{
    const QString handle = call.input.value(QLatin1String("ReceiptHandle")).toString();
    if (!cloud().deleteMessage(call.queue, handle))
        *error = {QStringLiteral("ReceiptHandleIsInvalid"), kReceiptProblem.arg(handle)};
    return {};
}

QJsonObject SqsService::byReceipt(const Call &call, const std::function<bool(const QJsonObject &)> &change,
                                  Error *error)
{
    const QJsonArray entries = call.input.value(QLatin1String("Entries")).toArray();
    if (!checkEntries(call, entries, error))
        return {};
    QJsonArray successful, failed;
    for (const QJsonValue &e : entries) {
        if (change(e.toObject()))
            successful.append(QJsonObject{{QStringLiteral("Id"), e[QLatin1String("Id")]}});
        else
            failed.append(QJsonObject{
                {QStringLiteral("Id"), e[QLatin1String("Id")]},
                {QStringLiteral("SenderFault"), true},
                {QStringLiteral("Code"), QStringLiteral("ReceiptHandleIsInvalid")},
                {QStringLiteral("Message"), kReceiptProblem.arg(e[QLatin1String("ReceiptHandle")].toString())}});
    }
    return {{QStringLiteral("Successful"), successful}, {QStringLiteral("Failed"), failed}};
}

QJsonObject SqsService::deleteMessageBatch(const Call &call, Error *error)
{
    return byReceipt(
        call,
        [&](const QJsonObject &entry) {
        return bool(cloud().deleteMessage(call.queue, entry.value(QLatin1String("ReceiptHandle")).toString()));
        },
        error);
}

QJsonObject SqsService::changeMessageVisibility(const Call &call, Error *error)
{
    const QString handle = call.input.value(QLatin1String("ReceiptHandle")).toString();
    const int timeout = intOf(call.input.value(QLatin1String("VisibilityTimeout")), -1);
    if (timeout < 0 || timeout > 43200)
        *error = {
            QStringLiteral("InvalidParameterValue"),
            QStringLiteral("Value %1 for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.")
                .arg(timeout)};
    else if (!cloud().changeVisibility(call.queue, handle, timeout))
        *error = {QStringLiteral("ReceiptHandleIsInvalid"), kReceiptProblem.arg(handle)};
    return {};
}

QJsonObject SqsService::changeMessageVisibilityBatch(const Call &call, Error *error)
{
    return byReceipt(
        call,
        [&](const QJsonObject &entry) {
        return bool(cloud().changeVisibility(call.queue, entry.value(QLatin1String("ReceiptHandle")).toString(),
                                             intOf(entry.value(QLatin1String("VisibilityTimeout")), 0)));
        },
        error);
}

QJsonObject SqsService::purgeQueue(const Call &call, Error *)
{
    cloud().state().purgeQueue(call.queue);
    return {};
}

QJsonObject SqsService::getQueueAttributes(const Call &call, Error *)
{
    const QList<QueueMessage> all = cloud().state().messages(call.queue);
    const QDateTime now = cloud().clock().now();
    const auto visible = std::count_if(all.cbegin(), all.cend(),
                                       [&](const QueueMessage &m) { return m.visibleAt <= now; });
    const QJsonObject attributes{
        {QStringLiteral("ApproximateNumberOfMessages"), QString::number(visible)},
        {QStringLiteral("ApproximateNumberOfMessagesNotVisible"), QString::number(all.size() - visible)},
        {QStringLiteral("QueueArn"), QStringLiteral("arn:aws:sqs:%1:%2:%3")
                                         .arg(cloud().region(), QLatin1String(AwsEndpoint::kAccountId), call.queue)}};
    return {{QStringLiteral("Attributes"), attributes}};
}

} // namespace Nimbus
