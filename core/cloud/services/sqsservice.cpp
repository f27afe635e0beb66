#include "services.h"

#include "awsservice.h"
#include "model/kinds.h"

#include "cloud/awsendpoint.h"
#include "cloud/awswire.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>
#include <functional>
#include <memory>

#include <algorithm>

using namespace Qt::StringLiterals;

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
    if (code == "AWS.SimpleQueueService.NonExistentQueue"_L1)
        return u"QueueDoesNotExist"_s;
    if (code.startsWith("AWS.SimpleQueueService."_L1))
        return code.mid(23);
    if (code == "QueueAlreadyExists"_L1)
        return u"QueueNameExists"_s;
    if (code == "InvalidAction"_L1)
        return u"UnsupportedOperation"_s;
    return code;
}

// Message attributes between the SDK's shape (DataType, StringValue, BinaryValue) and
// the Lambda event's (dataType, stringValue, binaryValue, and lists it always has).
QJsonObject convertedAttributes(const QJsonObject &attributes, bool toLambda)
{
    static const QLatin1String sdk[] = {"DataType"_L1, "StringValue"_L1, "BinaryValue"_L1};
    static const QLatin1String lambda[] = {"dataType"_L1, "stringValue"_L1, "binaryValue"_L1};
    const QLatin1String *from = toLambda ? sdk : lambda;
    const QLatin1String *to = toLambda ? lambda : sdk;
    QJsonObject out;
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        QJsonObject a{{to[0], v.value(from[0])}};
        if (toLambda) {
            a.insert(u"stringListValues"_s, QJsonArray());
            a.insert(u"binaryListValues"_s, QJsonArray());
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
        return u"Number of message attributes [%1] exceeds the allowed maximum [10]."_s.arg(attributes.size());
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        const QString type = v.value("DataType"_L1).toString();
        if (type.isEmpty())
            return u"The message attribute '%1' must contain non-empty message attribute type."_s.arg(it.key());
        const bool binary = type.startsWith("Binary"_L1);
        if (!type.startsWith("String"_L1) && !type.startsWith("Number"_L1) && !binary)
            return QStringLiteral("The type of message attribute '%1' is invalid. You must use only the following "
                                  "supported type prefixes: Binary, Number, String.")
                .arg(it.key());
        if (!v.contains(binary ? "BinaryValue"_L1 : "StringValue"_L1))
            return QStringLiteral("The message attribute '%1' must contain non-empty message attribute value for "
                                  "message attribute type '%2'.")
                .arg(it.key(), type);
    }
    return {};
}

// An SQS error in the protocol the request used: query (XML) or JSON, which also names
// the query-protocol code in a header.
HttpResponseData sqsError(const QString &code, const QString &message, bool query, const QString &requestId,
                          int status = 400)
{
    if (query)
        return AwsWire::xmlAnswer(status, AwsWire::queryError(code, message, true, requestId));
    HttpResponseData r = AwsWire::jsonError(status, u"com.amazonaws.sqs#"_s, sqsJsonType(code), message);
    AwsWire::addHeader(r.headers, "x-amzn-query-error", (code + u";Sender"_s).toUtf8());
    return r;
}

HttpResponseData sqsAnswer(const QString &operation, const QJsonObject &result, bool query, const QString &requestId)
{
    return query ? AwsWire::xmlAnswer(
               200,
               AwsWire::queryResponse(operation, result, u"http://queue.amazonaws.com/doc/2012-11-05/"_s, requestId))
                 : AwsWire::jsonAnswer(result);
}

const QString kReceiptProblem = u"The input receipt handle \"%1\" is not a valid receipt handle."_s;
const QString kNotForThisType = u"Value %1 for parameter %2 is invalid. Reason: The request include parameter that is "
                                "not valid for this queue type."_s;

// A message group or deduplication id as SQS takes it: 1 to 128 letters, digits and
// punctuation. The problem, or empty.
QString fifoIdProblem(const QString &parameter, const QString &value)
{
    static const QRegularExpression valid(u"^[A-Za-z0-9!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]{1,128}$"_s);
    if (valid.match(value).hasMatch())
        return {};
    return u"Value %1 for parameter %2 is invalid. Reason: %2 can only include alphanumeric and punctuation "
           "characters. 1 to 128 in length."_s.arg(value.left(160), parameter);
}

// A request's queue attributes: the JSON protocol's map, or the query's Attribute.N entries.
QJsonObject queueAttributesOf(const QJsonObject &input)
{
    QJsonObject attributes = input.value("Attributes"_L1).toObject();
    for (const QJsonValue &entry : input.value("Attribute"_L1).toArray())
        attributes.insert(entry["Name"_L1].toString(), entry["Value"_L1]);
    return attributes;
}

// The first character SQS refuses in a message (outside XML's characters), as SQS names
// it ("#x0"); empty when there is none.
QString invalidCharacter(const QString &text)
{
    const QList<uint> characters = text.toUcs4();
    for (const uint c : characters) {
        const bool valid = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                           || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
        if (!valid)
            return u"#x"_s + QString::number(c, 16).toUpper();
    }
    return {};
}

bool isTrue(const QJsonValue &value)
{
    return value.isBool() ? value.toBool() : value.toString().compare("true"_L1, Qt::CaseInsensitive) == 0;
}

// SQS on its JSON and query protocols: the queues of the design and their dead-letter
// queues, with long polling. It also takes the forms no other service claims.
class SqsService final : public AwsService
{
public:
    explicit SqsService(AwsEndpoint &endpoint);

    void handle(const AwsRequest &request, const AwsReply &done) override;

protected:
    // A new start of the cloud serves the design as it is: what this run deleted or set goes.
    void startRun() override
    {
        mDeleted.clear();
        mContentDeduplication.clear();
        mSet.clear();
        mCreated.clear();
        mModified.clear();
        mTags.clear();
    }

public:
    void close() override;

protected:
    QStringList servedOperations() const override { return mOperations.keys(); }

private:
    struct Call
    {
        QString operation;
        QJsonObject input;
        qint64 cause = 0;
        QString queue; // for the operations on a queue, once it is known to exist
    };
    using Function = QJsonObject (SqsService::*)(const Call &call, AwsError *error);
    struct Operation
    {
        Function function = nullptr;
        bool onQueue = true; // needs an existing QueueUrl
    };
    struct Waiting;
    // What a FIFO receive with a ReceiveRequestAttemptId got, and until when it is repeated.
    struct Attempt
    {
        QList<QueueMessage> messages;
        QDateTime until;
    };
    bool stillInFlight(const QString &queue, const Attempt &attempt) const;

    // The answer of one operation, or *error.
    QJsonObject run(Call call, AwsError *error);
    HttpResponseData answer(const AwsRequest &request, const QJsonObject &result, const AwsError &error) const;
    void poll(std::shared_ptr<Waiting> waiting);
    QString queueOf(const QJsonObject &input, AwsError *error) const;
    // The design's queue (its node name, or <queue>-dlq) that SQS knows by name: its
    // physical name, else its node's; a FIFO queue's ends in ".fifo", no other's does.
    // Empty when none.
    QString queueNamed(const QString &name) const;
    bool contentDeduplication(const QString &queue) const;
    // A FIFO send's group and deduplication id, checked as SQS checks them.
    bool fifoOf(const Call &call, const QJsonObject &entry, const QByteArray &body, FifoSend *fifo,
                AwsError *error) const;
    bool sendOne(const Call &call, const QJsonObject &entry, QJsonObject *result, AwsError *error);
    bool checkEntries(const Call &call, const QJsonArray &entries, AwsError *error) const;
    QJsonObject received(const QJsonObject &input, const QList<QueueMessage> &messages) const;
    // DeleteMessageBatch and ChangeMessageVisibilityBatch: change is applied to each entry.
    QJsonObject byReceipt(const Call &call, const std::function<bool(const QJsonObject &entry)> &change,
                          AwsError *error);

    QJsonObject getQueueUrl(const Call &call, AwsError *error);
    QJsonObject listQueues(const Call &call, AwsError *error);
    QJsonObject sendMessage(const Call &call, AwsError *error);
    QJsonObject sendMessageBatch(const Call &call, AwsError *error);
    QJsonObject receiveMessage(const Call &call, AwsError *error);
    QJsonObject deleteMessage(const Call &call, AwsError *error);
    QJsonObject deleteMessageBatch(const Call &call, AwsError *error);
    QJsonObject changeMessageVisibility(const Call &call, AwsError *error);
    QJsonObject changeMessageVisibilityBatch(const Call &call, AwsError *error);
    QJsonObject purgeQueue(const Call &call, AwsError *error);
    QJsonObject getQueueAttributes(const Call &call, AwsError *error);
    QJsonObject setQueueAttributes(const Call &call, AwsError *error);
    QJsonObject createQueue(const Call &call, AwsError *error);
    QJsonObject deleteQueue(const Call &call, AwsError *error);
    QJsonObject tagQueue(const Call &call, AwsError *error);
    QJsonObject untagQueue(const Call &call, AwsError *error);
    QJsonObject listQueueTags(const Call &call, AwsError *error);

    // Every attribute of a queue as GetQueueAttributes answers it: the design's settings,
    // what SetQueueAttributes set in this run, the counts and timestamps.
    QJsonObject attributesOf(const QString &queue);
    // Checks attributes as SetQueueAttributes takes them (names, values, FIFO only ones);
    // false with *error.
    bool checkAttributes(const QString &queue, const QJsonObject &attributes, AwsError *error) const;
    // An attribute set in this run, as a number, or fallback.
    int setting(const QString &queue, const char *name, int fallback) const;

    QHash<QString, Operation> mOperations;
    QList<std::shared_ptr<Waiting>> mWaiting;
    QHash<QString, bool> mContentDeduplication; // queue -> as CreateQueue or SetQueueAttributes set it
    QHash<QString, Attempt> mAttempts; // "queue/ReceiveRequestAttemptId" -> what it received
    // The design's queues DeleteQueue deleted in this run: missing until CreateQueue.
    QSet<QString> mDeleted;
    // What SetQueueAttributes (or a CreateQueue making a queue again) set in this run, by
    // queue: attribute name -> its value as SQS answers it.
    QHash<QString, QJsonObject> mSet;
    QHash<QString, QDateTime> mCreated; // when the run first served a queue, or CreateQueue made it again
    QHash<QString, QDateTime> mModified; // the last SetQueueAttributes
    QHash<QString, QJsonObject> mTags; // queue -> tag key -> value, for this run
};

} // namespace

struct SqsService::Waiting
{
    AwsRequest request;
    Call call;
    AwsReply done;
    QDateTime deadline;
};

SqsService::SqsService(AwsEndpoint &endpoint)
    : AwsService(Recognition(u"sqs"_s).byTarget(u"AmazonSQS."_s).takesQuery().asFallback(), endpoint)
{
    mOperations = {
        {u"GetQueueUrl"_s, {&SqsService::getQueueUrl, false}},
        {u"ListQueues"_s, {&SqsService::listQueues, false}},
        {u"SendMessage"_s, {&SqsService::sendMessage}},
        {u"SendMessageBatch"_s, {&SqsService::sendMessageBatch}},
        {u"ReceiveMessage"_s, {&SqsService::receiveMessage}},
        {u"DeleteMessage"_s, {&SqsService::deleteMessage}},
        {u"DeleteMessageBatch"_s, {&SqsService::deleteMessageBatch}},
        {u"ChangeMessageVisibility"_s, {&SqsService::changeMessageVisibility}},
        {u"ChangeMessageVisibilityBatch"_s, {&SqsService::changeMessageVisibilityBatch}},
        {u"PurgeQueue"_s, {&SqsService::purgeQueue}},
        {u"GetQueueAttributes"_s, {&SqsService::getQueueAttributes}},
        {u"SetQueueAttributes"_s, {&SqsService::setQueueAttributes}},
        {u"CreateQueue"_s, {&SqsService::createQueue, false}},
        {u"DeleteQueue"_s, {&SqsService::deleteQueue}},
        {u"TagQueue"_s, {&SqsService::tagQueue}},
        {u"UntagQueue"_s, {&SqsService::untagQueue}},
        {u"ListQueueTags"_s, {&SqsService::listQueueTags}},
    };
    servePartly(
        u"CreateQueue"_s,
        QStringLiteral("the design's queues: their URL, or made again (empty) after DeleteQueue in this run; "
                       "the attributes and tags it gives are set for the run (SQS refuses values that differ "
                       "with QueueAlreadyExists); a queue the design does not declare is made for the run (made "
                       "by code)"));
    servePartly(u"DeleteQueue"_s, QStringLiteral("for this run: the design's queue loses its messages and is missing "
                                                 "until CreateQueue; its connections still deliver"));
    servePartly(u"SetQueueAttributes"_s,
                QStringLiteral("for this run; MessageRetentionPeriod and RedrivePolicy are kept and answered while "
                               "the design's retention and dead-letter queue apply; MaximumMessageSize up to 262144"));
    servePartly(u"TagQueue"_s, u"for this run"_s);
    servePartly(u"UntagQueue"_s, u"for this run"_s);
    const QString permissions = u"permissions come from the design's connections"_s;
    const QString moves = u"dead-letter queue redrives (message move tasks) are not emulated"_s;
    refuse(u"AddPermission"_s, permissions);
    refuse(u"RemovePermission"_s, permissions);
    refuse(u"ListDeadLetterSourceQueues"_s, u"a queue's dead-letter queue is <queue>-dlq on the canvas"_s);
    refuse(u"StartMessageMoveTask"_s, moves);
    refuse(u"CancelMessageMoveTask"_s, moves);
    refuse(u"ListMessageMoveTasks"_s, moves);
}

void SqsService::close()
{
    mWaiting.clear();
}

void SqsService::handle(const AwsRequest &request, const AwsReply &done)
{
    if (const std::optional<QString> note = refusal(request.operation)) {
        done(refusedOperation(request, *note));
        return;
    }
    Call call{request.operation, request.parameters, request.cause, QString()};
    if (request.protocol == AwsProtocol::Json) {
        const QJsonDocument input = QJsonDocument::fromJson(request.body);
        if (!input.isObject() && !request.body.isEmpty()) {
            done(AwsWire::jsonError(400, u"com.amazonaws.sqs#"_s, u"InvalidParameterValue"_s,
                                    u"the request body is not a JSON object"_s));
            return;
        }
        call.input = input.object();
    }
    AwsError error;
    const QJsonObject result = run(call, &error);
    // Long polling: wait up to WaitTimeSeconds for a message.
    // Without WaitTimeSeconds, the queue's ReceiveMessageWaitTimeSeconds.
    const int wait = intOf(call.input.value("WaitTimeSeconds"_L1),
                           setting(queueNamed(call.input.value("QueueUrl"_L1).toString().section('/'_L1, -1)),
                                   "ReceiveMessageWaitTimeSeconds", 0));
    if (error.code.isEmpty() && call.operation == "ReceiveMessage"_L1 && result.isEmpty() && wait > 0) {
        if (wait > 20) {
            done(answer(
                request, {},
                {u"InvalidParameterValue"_s,
                 u"Value %1 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided."_s
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
    AwsError error;
    const QJsonObject result = cloud().isRunning() ? run(waiting->call, &error) : QJsonObject();
    if (result.isEmpty() && error.code.isEmpty() && cloud().isRunning()
        && QDateTime::currentDateTimeUtc() < waiting->deadline) {
        QTimer::singleShot(100, this, [this, waiting] { poll(waiting); });
        return;
    }
    mWaiting.removeOne(waiting);
    waiting->done(answer(waiting->request, result, error));
}

HttpResponseData SqsService::answer(const AwsRequest &request, const QJsonObject &result, const AwsError &error) const
{
    const bool query = request.protocol == AwsProtocol::Query;
    if (!error.code.isEmpty())
        return sqsError(error.code, error.message, query, request.requestId, error.status);
    return sqsAnswer(request.operation, result, query, request.requestId);
}

QJsonObject SqsService::run(Call call, AwsError *error)
{
    const Operation operation = mOperations.value(call.operation);
    if (operation.function && !operation.onQueue)
        return (this->*operation.function)(call, error);
    // An operation it does not know is checked for its queue first, as it always was.
    call.queue = queueOf(call.input, error);
    if (call.queue.isEmpty())
        return {};
    if (!operation.function) {
        *error = {u"InvalidAction"_s, u"The action %1 is not valid for this endpoint."_s.arg(call.operation)};
        return {};
    }
    return (this->*operation.function)(call, error);
}

QString SqsService::queueOf(const QJsonObject &input, AwsError *error) const
{
    QString name = input.value("QueueUrl"_L1).toString();
    if (name.isEmpty()) {
        *error = {u"MissingParameter"_s, u"The request must contain the parameter QueueUrl."_s};
        return {};
    }
    name = queueNamed(name.section('/'_L1, -1));
    if (name.isEmpty())
        *error = {u"AWS.SimpleQueueService.NonExistentQueue"_s, u"The specified queue does not exist."_s};
    return name;
}

QString SqsService::queueNamed(const QString &name) const
{
    const QString queue = cloud().resourceNamed(Kinds::Queue, name);
    return mDeleted.contains(queue) ? QString() : queue;
}

bool SqsService::contentDeduplication(const QString &queue) const
{
    if (const auto it = mContentDeduplication.constFind(queue); it != mContentDeduplication.constEnd())
        return *it;
    const Node *node = cloud().resourceNode(queue);
    return node && node->properties.value("contentBasedDeduplication"_L1).toBool();
}

QJsonObject SqsService::getQueueUrl(const Call &call, AwsError *error)
{
    const QString name = call.input.value("QueueName"_L1).toString();
    const QString queue = queueNamed(name);
    if (queue.isEmpty()) {
        *error = {u"AWS.SimpleQueueService.NonExistentQueue"_s, u"The specified queue does not exist."_s};
        return {};
    }
    return {{u"QueueUrl"_s, AwsEndpoint::queueUrl(endpoint().url(), cloud().awsName(queue))}};
}

QJsonObject SqsService::listQueues(const Call &call, AwsError *)
{
    const QString prefix = call.input.value("QueueNamePrefix"_L1).toString();
    QJsonArray urls;
    for (const Node *node : cloud().resourceNodes(Kinds::Queue)) {
        for (const QString &name : {node->name, node->name + u"-dlq"_s})
            if (cloud().awsName(name).startsWith(prefix) && !mDeleted.contains(name))
                urls.append(AwsEndpoint::queueUrl(endpoint().url(), cloud().awsName(name)));
    }
    return {{u"QueueUrls"_s, urls}};
}

bool SqsService::sendOne(const Call &call, const QJsonObject &entry, QJsonObject *result, AwsError *error)
{
    const QByteArray body = entry.value("MessageBody"_L1).toString().toUtf8();
    const QJsonObject attributes = entry.value("MessageAttributes"_L1).toObject();
    // A message's own delay, else the queue's as SetQueueAttributes set it (the design's
    // applies in any case).
    const int delay = intOf(entry.value("DelaySeconds"_L1),
                            cloud().isFifo(call.queue) ? 0 : setting(call.queue, "DelaySeconds", 0));
    const int maximumSize = setting(call.queue, "MaximumMessageSize", int(LocalCloud::kMessageLimit));
    const QString invalid = u"InvalidParameterValue"_s;
    const bool fifo = cloud().isFifo(call.queue);
    FifoSend fifoSend;
    if (body.isEmpty())
        *error = {u"MissingParameter"_s, u"The request must contain the parameter MessageBody."_s};
    else if (body.size() > maximumSize)
        *error = {invalid, u"One or more parameters are invalid. Reason: Message must be shorter than %1 bytes."_s.arg(
                               maximumSize)};
    else if (const QString character = invalidCharacter(entry.value("MessageBody"_L1).toString()); !character.isEmpty())
        *error = {u"InvalidMessageContents"_s,
                  u"Invalid binary character '%1' was found in the message body, the set of allowed characters is "
                  "#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF"_s.arg(character)};
    else if (delay < 0 || delay > 900)
        *error = {
            invalid,
            u"Value %1 for parameter DelaySeconds is invalid. Reason: must be between 0 and 900, if provided."_s.arg(
                delay)};
    else if (const QString problem = attributeProblem(attributes); !problem.isEmpty())
        *error = {invalid, problem};
    // A FIFO queue takes no delay of a message's own (the queue's applies), and only it
    // takes a deduplication id.
    else if (fifo && delay != 0)
        *error = {invalid, kNotForThisType.arg(QString::number(delay), u"DelaySeconds"_s)};
    else if (!fifo && entry.contains("MessageDeduplicationId"_L1))
        *error = {invalid, kNotForThisType.arg(entry.value("MessageDeduplicationId"_L1).toString(),
                                               u"MessageDeduplicationId"_s)};
    if (!error->code.isEmpty() || (fifo && !fifoOf(call, entry, body, &fifoSend, error)))
        return false;
    const QJsonObject stored = convertedAttributes(attributes, true);
    Result<SentMessage> sent = fifo ? cloud().sendFifoMessage(call.queue, body, stored, fifoSend, call.cause)
                                    : Result<SentMessage>(Error{});
    if (!fifo) {
        const Result<QString> id = cloud().sendMessage(call.queue, body, stored, delay, call.cause);
        sent = id ? Result<SentMessage>(SentMessage{*id, {}, false}) : Result<SentMessage>(id.error());
    }
    if (!sent) {
        *error = {invalid, sent.errorMessage()};
        return false;
    }
    result->insert(u"MessageId"_s, sent->id);
    if (fifo)
        result->insert(u"SequenceNumber"_s, sent->sequenceNumber);
    result->insert(u"MD5OfMessageBody"_s, AwsWire::md5Hex(body));
    if (!attributes.isEmpty())
        result->insert(u"MD5OfMessageAttributes"_s, AwsWire::md5OfMessageAttributes(attributes));
    return true;
}

bool SqsService::fifoOf(const Call &call, const QJsonObject &entry, const QByteArray &body, FifoSend *fifo,
                        AwsError *error) const
{
    const QString invalid = u"InvalidParameterValue"_s;
    fifo->groupId = entry.value("MessageGroupId"_L1).toString();
    fifo->deduplicationId = entry.value("MessageDeduplicationId"_L1).toString();
    if (fifo->groupId.isEmpty())
        *error = {u"MissingParameter"_s, u"The request must contain the parameter MessageGroupId."_s};
    else if (const QString problem = fifoIdProblem(u"MessageGroupId"_s, fifo->groupId); !problem.isEmpty())
        *error = {invalid, problem};
    else if (const QString problem = fifoIdProblem(u"MessageDeduplicationId"_s, fifo->deduplicationId);
             !fifo->deduplicationId.isEmpty() && !problem.isEmpty())
        *error = {invalid, problem};
    else if (!fifo->deduplicationId.isEmpty())
        return true;
    else if (contentDeduplication(call.queue))
        fifo->deduplicationId = QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    else
        *error = {invalid, QStringLiteral("The queue should either have ContentBasedDeduplication enabled or "
                                          "MessageDeduplicationId provided explicitly")};
    return error->code.isEmpty();
}

// Batch entries: 1 to 10, distinct ids of letters, digits, - and _.
bool SqsService::checkEntries(const Call &call, const QJsonArray &entries, AwsError *error) const
{
    if (entries.isEmpty()) {
        *error = {u"AWS.SimpleQueueService.EmptyBatchRequest"_s,
                  u"There should be at least one %1 in the request."_s.arg(call.operation + u"RequestEntry"_s)};
        return false;
    }
    if (entries.size() > 10) {
        *error = {u"AWS.SimpleQueueService.TooManyEntriesInBatchRequest"_s,
                  u"Maximum number of entries per request are 10. You have sent %1."_s.arg(entries.size())};
        return false;
    }
    QSet<QString> ids;
    static const QRegularExpression valid(u"^[A-Za-z0-9_-]{1,80}$"_s);
    for (const QJsonValue &e : entries) {
        const QString id = e["Id"_L1].toString();
        if (!valid.match(id).hasMatch()) {
            *error = {u"AWS.SimpleQueueService.InvalidBatchEntryId"_s,
                      QStringLiteral("A batch entry id can only contain alphanumeric characters, hyphens and "
                                     "underscores. It can be at most 80 letters long.")};
            return false;
        }
        if (ids.contains(id)) {
            *error = {u"AWS.SimpleQueueService.BatchEntryIdsNotDistinct"_s, u"Id %1 repeated."_s.arg(id)};
            return false;
        }
        ids.insert(id);
    }
    return true;
}

QJsonObject SqsService::sendMessage(const Call &call, AwsError *error)
{
    QJsonObject result;
    return sendOne(call, call.input, &result, error) ? result : QJsonObject();
}

QJsonObject SqsService::sendMessageBatch(const Call &call, AwsError *error)
{
    const QJsonArray entries = call.input.value("Entries"_L1).toArray();
    if (!checkEntries(call, entries, error))
        return {};
    QJsonArray successful, failed;
    for (const QJsonValue &e : entries) {
        QJsonObject result{{u"Id"_s, e["Id"_L1]}};
        AwsError entryError;
        if (sendOne(call, e.toObject(), &result, &entryError))
            successful.append(result);
        else
            failed.append(QJsonObject{{u"Id"_s, e["Id"_L1]},
                                      {u"SenderFault"_s, true},
                                      {u"Code"_s, entryError.code},
                                      {u"Message"_s, entryError.message}});
    }
    return {{u"Successful"_s, successful}, {u"Failed"_s, failed}};
}

QJsonObject SqsService::receiveMessage(const Call &call, AwsError *error)
{
    const int max = intOf(call.input.value("MaxNumberOfMessages"_L1), 1);
    if (max < 1 || max > 10) {
        *error = {
            u"InvalidParameterValue"_s,
            u"Value %1 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided."_s
                .arg(max)};
        return {};
    }
    const int visibility = intOf(call.input.value("VisibilityTimeout"_L1), -1);
    if (visibility > 43200) {
        *error = {u"InvalidParameterValue"_s,
                  QStringLiteral("Value %1 for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and "
                                 "43200, if provided.")
                      .arg(visibility)};
        return {};
    }
    const QString attempt = call.input.value("ReceiveRequestAttemptId"_L1).toString();
    if (const QString problem = fifoIdProblem(u"ReceiveRequestAttemptId"_s, attempt);
        !attempt.isEmpty() && !problem.isEmpty()) {
        *error = {u"InvalidParameterValue"_s, problem};
        return {};
    }
    // A FIFO receive retried with its attempt id gets what the first got, while that is
    // still in flight under the same receipt handles (within five minutes), as SQS does.
    const bool repeatable = !attempt.isEmpty() && cloud().isFifo(call.queue);
    const QString attemptKey = call.queue + u'/' + attempt;
    if (repeatable && stillInFlight(call.queue, mAttempts.value(attemptKey)))
        return received(call.input, mAttempts.value(attemptKey).messages);
    const QList<QueueMessage> messages = cloud().receiveMessages(
        call.queue, max, visibility >= 0 ? visibility : setting(call.queue, "VisibilityTimeout", -1));
    if (messages.isEmpty())
        return {};
    if (repeatable) {
        const QDateTime now = cloud().clock().now();
        mAttempts.removeIf([&](QHash<QString, Attempt>::iterator it) { return it->until <= now; });
        mAttempts.insert(attemptKey, {messages, now.addSecs(QueueStore::kDeduplicationSeconds)});
    }
    return received(call.input, messages);
}

bool SqsService::stillInFlight(const QString &queue, const Attempt &attempt) const
{
    const QDateTime now = cloud().clock().now();
    if (attempt.messages.isEmpty() || attempt.until <= now)
        return false;
    QHash<QString, QString> receipts; // message id -> its receipt handle now, while hidden
    for (const QueueMessage &m : cloud().state().messages(queue))
        if (m.visibleAt > now)
            receipts.insert(m.id, m.receiptHandle);
    return std::all_of(attempt.messages.cbegin(), attempt.messages.cend(),
                       [&](const QueueMessage &m) { return receipts.value(m.id) == m.receiptHandle; });
}

QJsonObject SqsService::received(const QJsonObject &input, const QList<QueueMessage> &messages) const
{
    QStringList wanted;
    for (const char *key : {"AttributeNames", "MessageSystemAttributeNames"})
        for (const QJsonValue &v : input.value(QLatin1String(key)).toArray())
            wanted.append(v.toString());
    QStringList wantedAttributes;
    for (const QJsonValue &v : input.value("MessageAttributeNames"_L1).toArray())
        wantedAttributes.append(v.toString());
    QJsonArray out;
    for (const QueueMessage &m : messages) {
        QJsonObject message{{u"MessageId"_s, m.id},
                            {u"ReceiptHandle"_s, m.receiptHandle},
                            {u"MD5OfBody"_s, AwsWire::md5Hex(m.body)},
                            {u"Body"_s, QString::fromUtf8(m.body)}};
        QJsonObject system{
            {u"SenderId"_s, QLatin1String(AwsEndpoint::kAccountId)},
            {u"SentTimestamp"_s, QString::number(m.sent.toMSecsSinceEpoch())},
            {u"ApproximateReceiveCount"_s, QString::number(m.receiveCount)},
            {u"ApproximateFirstReceiveTimestamp"_s, QString::number(cloud().clock().now().toMSecsSinceEpoch())}};
        if (!m.groupId.isEmpty()) {
            system.insert(u"MessageGroupId"_s, m.groupId);
            system.insert(u"MessageDeduplicationId"_s, m.deduplicationId);
            system.insert(u"SequenceNumber"_s, m.sequenceNumber);
        }
        QJsonObject attributes;
        for (auto it = system.begin(); it != system.end(); ++it)
            if (wanted.contains("All"_L1) || wanted.contains(it.key()))
                attributes.insert(it.key(), it.value());
        if (!attributes.isEmpty())
            message.insert(u"Attributes"_s, attributes);
        const QJsonObject all = convertedAttributes(m.attributes, false);
        QJsonObject chosen;
        for (auto it = all.begin(); it != all.end(); ++it) {
            const bool match = std::any_of(wantedAttributes.cbegin(), wantedAttributes.cend(), [&](const QString &w) {
                return w == "All"_L1 || w == ".*"_L1 || w == it.key()
                       || (w.endsWith(".*"_L1) && it.key().startsWith(w.chopped(1)));
            });
            if (match)
                chosen.insert(it.key(), it.value());
        }
        if (!chosen.isEmpty()) {
            message.insert(u"MessageAttributes"_s, chosen);
            message.insert(u"MD5OfMessageAttributes"_s, AwsWire::md5OfMessageAttributes(chosen));
        }
        out.append(message);
    }
    return {{u"Messages"_s, out}};
}

QJsonObject SqsService::deleteMessage(const Call &call, AwsError *error)
{
    const QString handle = call.input.value("ReceiptHandle"_L1).toString();
    if (!cloud().deleteMessage(call.queue, handle))
        *error = {u"ReceiptHandleIsInvalid"_s, kReceiptProblem.arg(handle)};
    return {};
}

QJsonObject SqsService::byReceipt(const Call &call, const std::function<bool(const QJsonObject &)> &change,
                                  AwsError *error)
{
    const QJsonArray entries = call.input.value("Entries"_L1).toArray();
    if (!checkEntries(call, entries, error))
        return {};
    QJsonArray successful, failed;
    for (const QJsonValue &e : entries) {
        if (change(e.toObject()))
            successful.append(QJsonObject{{u"Id"_s, e["Id"_L1]}});
        else
            failed.append(QJsonObject{{u"Id"_s, e["Id"_L1]},
                                      {u"SenderFault"_s, true},
                                      {u"Code"_s, u"ReceiptHandleIsInvalid"_s},
                                      {u"Message"_s, kReceiptProblem.arg(e["ReceiptHandle"_L1].toString())}});
    }
    return {{u"Successful"_s, successful}, {u"Failed"_s, failed}};
}

QJsonObject SqsService::deleteMessageBatch(const Call &call, AwsError *error)
{
    return byReceipt(
        call,
        [&](const QJsonObject &entry) {
        return bool(cloud().deleteMessage(call.queue, entry.value("ReceiptHandle"_L1).toString()));
        },
        error);
}

QJsonObject SqsService::changeMessageVisibility(const Call &call, AwsError *error)
{
    const QString handle = call.input.value("ReceiptHandle"_L1).toString();
    const int timeout = intOf(call.input.value("VisibilityTimeout"_L1), -1);
    if (timeout < 0 || timeout > 43200)
        *error = {u"InvalidParameterValue"_s,
                  u"Value %1 for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200."_s.arg(
                      timeout)};
    else if (!cloud().changeVisibility(call.queue, handle, timeout))
        *error = {u"ReceiptHandleIsInvalid"_s, kReceiptProblem.arg(handle)};
    return {};
}

QJsonObject SqsService::changeMessageVisibilityBatch(const Call &call, AwsError *error)
{
    return byReceipt(
        call,
        [&](const QJsonObject &entry) {
        return bool(cloud().changeVisibility(call.queue, entry.value("ReceiptHandle"_L1).toString(),
                                             intOf(entry.value("VisibilityTimeout"_L1), 0)));
        },
        error);
}

QJsonObject SqsService::purgeQueue(const Call &call, AwsError *)
{
    cloud().state().purgeQueue(call.queue);
    return {};
}

QJsonObject SqsService::attributesOf(const QString &queue)
{
    const bool deadLetter = !cloud().resourceNode(queue);
    const Node *node = cloud().resourceNode(deadLetter ? queue.chopped(4) : queue);
    auto property = [&](const char *name, int fallback) {
        const QJsonValue value = node && !deadLetter ? node->properties.value(QLatin1String(name)) : QJsonValue();
        return QString::number(value.isDouble() ? value.toInt() : fallback);
    };
    const QList<QueueMessage> all = cloud().state().messages(queue);
    const QDateTime now = cloud().clock().now();
    qsizetype visible = 0, delayed = 0;
    for (const QueueMessage &m : all) {
        if (m.visibleAt <= now)
            ++visible;
        else if (m.receiveCount == 0)
            ++delayed;
    }
    const QDateTime created = mCreated.contains(queue) ? mCreated.value(queue) : *mCreated.insert(queue, now);
    auto arnOf = [&](const QString &name) {
        return u"arn:aws:sqs:%1:%2:%3"_s.arg(cloud().region(), QLatin1String(AwsEndpoint::kAccountId),
                                             cloud().awsName(name));
    };
    // The design's settings; a dead-letter queue keeps messages 14 days, as exported.
    QJsonObject attributes{
        {u"QueueArn"_s, arnOf(queue)},
        {u"ApproximateNumberOfMessages"_s, QString::number(visible)},
        {u"ApproximateNumberOfMessagesNotVisible"_s, QString::number(all.size() - visible - delayed)},
        {u"ApproximateNumberOfMessagesDelayed"_s, QString::number(delayed)},
        {u"CreatedTimestamp"_s, QString::number(created.toSecsSinceEpoch())},
        {u"LastModifiedTimestamp"_s, QString::number(mModified.value(queue, created).toSecsSinceEpoch())},
        {u"VisibilityTimeout"_s, property("visibilityTimeout", 30)},
        {u"MaximumMessageSize"_s, QString::number(LocalCloud::kMessageLimit)},
        {u"MessageRetentionPeriod"_s, deadLetter ? u"1209600"_s : property("messageRetention", 345600)},
        {u"DelaySeconds"_s, property("delay", 0)},
        {u"ReceiveMessageWaitTimeSeconds"_s, u"0"_s},
        {u"SqsManagedSseEnabled"_s, u"true"_s},
    };
    if (!deadLetter)
        attributes.insert(
            u"RedrivePolicy"_s,
            QString::fromUtf8(QJsonDocument(QJsonObject{{u"deadLetterTargetArn"_s, arnOf(queue + u"-dlq"_s)},
                                                        {u"maxReceiveCount"_s, property("maxReceiveCount", 5).toInt()}})
                                  .toJson(QJsonDocument::Compact)));
    if (cloud().isFifo(queue)) {
        attributes.insert(u"FifoQueue"_s, u"true"_s);
        attributes.insert(u"ContentBasedDeduplication"_s, contentDeduplication(queue) ? u"true"_s : u"false"_s);
        attributes.insert(u"DeduplicationScope"_s, u"queue"_s);
        attributes.insert(u"FifoThroughputLimit"_s, u"perQueue"_s);
    }
    const QJsonObject set = mSet.value(queue);
    for (auto it = set.begin(); it != set.end(); ++it)
        attributes.insert(it.key(), it.value());
    return attributes;
}

int SqsService::setting(const QString &queue, const char *name, int fallback) const
{
    const QJsonValue value = mSet.value(queue).value(QLatin1String(name));
    return value.isUndefined() ? fallback : intOf(value, fallback);
}

QJsonObject SqsService::getQueueAttributes(const Call &call, AwsError *error)
{
    const QJsonObject attributes = attributesOf(call.queue);
    static const QStringList names{u"All"_s,
                                   u"Policy"_s,
                                   u"VisibilityTimeout"_s,
                                   u"MaximumMessageSize"_s,
                                   u"MessageRetentionPeriod"_s,
                                   u"ApproximateNumberOfMessages"_s,
                                   u"ApproximateNumberOfMessagesNotVisible"_s,
                                   u"CreatedTimestamp"_s,
                                   u"LastModifiedTimestamp"_s,
                                   u"QueueArn"_s,
                                   u"ApproximateNumberOfMessagesDelayed"_s,
                                   u"DelaySeconds"_s,
                                   u"ReceiveMessageWaitTimeSeconds"_s,
                                   u"RedrivePolicy"_s,
                                   u"FifoQueue"_s,
                                   u"ContentBasedDeduplication"_s,
                                   u"KmsMasterKeyId"_s,
                                   u"KmsDataKeyReusePeriodSeconds"_s,
                                   u"DeduplicationScope"_s,
                                   u"FifoThroughputLimit"_s,
                                   u"RedriveAllowPolicy"_s,
                                   u"SqsManagedSseEnabled"_s};
    // Only the attributes asked for, as SQS answers; all when none is named.
    QStringList wanted;
    for (const QJsonValue &v : call.input.value("AttributeNames"_L1).toArray()) {
        if (!names.contains(v.toString())) {
            *error = {u"InvalidAttributeName"_s, u"Unknown Attribute %1."_s.arg(v.toString().left(100))};
            return {};
        }
        wanted.append(v.toString());
    }
    if (wanted.isEmpty() || wanted.contains("All"_L1))
        return {{u"Attributes"_s, attributes}};
    QJsonObject chosen;
    for (const QString &name : std::as_const(wanted))
        if (attributes.contains(name))
            chosen.insert(name, attributes.value(name));
    return {{u"Attributes"_s, chosen}};
}

bool SqsService::checkAttributes(const QString &queue, const QJsonObject &attributes, AwsError *error) const
{
    // name -> the range SQS takes; the FIFO ones and the documents are checked apart.
    static const QHash<QString, QPair<int, int>> ranges{
        {u"VisibilityTimeout"_s, {0, 43200}},
        {u"MaximumMessageSize"_s, {1024, int(LocalCloud::kMessageLimit)}},
        {u"MessageRetentionPeriod"_s, {60, 1209600}},
        {u"DelaySeconds"_s, {0, 900}},
        {u"ReceiveMessageWaitTimeSeconds"_s, {0, 20}},
        {u"KmsDataKeyReusePeriodSeconds"_s, {60, 86400}},
    };
    static const QHash<QString, QStringList> choices{
        {u"ContentBasedDeduplication"_s, {u"true"_s, u"false"_s}},
        {u"DeduplicationScope"_s, {u"messageGroup"_s, u"queue"_s}},
        {u"FifoThroughputLimit"_s, {u"perQueue"_s, u"perMessageGroupId"_s}},
        {u"SqsManagedSseEnabled"_s, {u"true"_s, u"false"_s}},
    };
    static const QStringList documents{u"Policy"_s, u"RedrivePolicy"_s, u"RedriveAllowPolicy"_s};
    const bool fifo = cloud().isFifo(queue);
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QString &name = it.key();
        const QString value = it.value().isDouble() ? QString::number(it.value().toInt()) : it.value().toString();
        const bool fifoOnly = name == "ContentBasedDeduplication"_L1 || name == "DeduplicationScope"_L1
                              || name == "FifoThroughputLimit"_L1;
        if ((!ranges.contains(name) && !choices.contains(name) && !documents.contains(name)
             && name != "KmsMasterKeyId"_L1)
            || (fifoOnly && !fifo)) {
            *error = {u"InvalidAttributeName"_s, u"Unknown Attribute %1."_s.arg(name.left(100))};
            return false;
        }
        bool valid = true;
        if (const auto range = ranges.constFind(name); range != ranges.constEnd()) {
            bool number = false;
            const int n = value.toInt(&number);
            valid = number && n >= range->first && n <= range->second;
        } else if (const auto allowed = choices.constFind(name); allowed != choices.constEnd()) {
            valid = allowed->contains(value);
        } else if (documents.contains(name) && !value.isEmpty()) {
            valid = QJsonDocument::fromJson(value.toUtf8()).isObject();
            if (valid && name == "RedrivePolicy"_L1) {
                const QJsonObject policy = QJsonDocument::fromJson(value.toUtf8()).object();
                const int count = intOf(policy.value("maxReceiveCount"_L1), 0);
                valid = policy.value("deadLetterTargetArn"_L1).toString().startsWith("arn:aws:sqs:"_L1) && count >= 1
                        && count <= 1000;
            }
        }
        if (!valid) {
            *error = {u"InvalidAttributeValue"_s, u"Invalid value for the parameter %1."_s.arg(name)};
            return false;
        }
    }
    return true;
}

// SetQueueAttributes for this run: every attribute SQS takes is checked, kept and answered
// by GetQueueAttributes; VisibilityTimeout, DelaySeconds, ReceiveMessageWaitTimeSeconds and
// MaximumMessageSize apply to the SDKs' sends and receives, ContentBasedDeduplication to
// FIFO sends.
QJsonObject SqsService::setQueueAttributes(const Call &call, AwsError *error)
{
    const QJsonObject attributes = queueAttributesOf(call.input);
    if (!checkAttributes(call.queue, attributes, error))
        return {};
    QJsonObject &set = mSet[call.queue];
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QString value = it.value().isDouble() ? QString::number(it.value().toInt()) : it.value().toString();
        if (it.key() == "ContentBasedDeduplication"_L1)
            mContentDeduplication.insert(call.queue, value == "true"_L1);
        else
            set.insert(it.key(), value);
    }
    attributesOf(call.queue); // its creation time comes before this change
    mModified.insert(call.queue, cloud().clock().now());
    return {};
}

// Tags of a request: the JSON protocol's map (Tags, or CreateQueue's tags), or the query's
// Tag.N.Key/Value entries.
static QJsonObject tagsOf(const QJsonObject &input, const char *jsonName)
{
    QJsonObject tags = input.value(QLatin1String(jsonName)).toObject();
    for (const QJsonValue &entry : input.value("Tag"_L1).toArray())
        tags.insert(entry["Key"_L1].toString(), entry["Value"_L1].toString());
    return tags;
}

QJsonObject SqsService::tagQueue(const Call &call, AwsError *error)
{
    const QJsonObject tags = tagsOf(call.input, "Tags");
    QJsonObject &kept = mTags[call.queue];
    QJsonObject after = kept;
    for (auto it = tags.begin(); it != tags.end(); ++it)
        after.insert(it.key(), it.value());
    if (tags.isEmpty()) {
        *error = {u"MissingParameter"_s, u"The request must contain the parameter Tags."_s};
        return {};
    }
    if (after.size() > 50) {
        *error = {u"InvalidParameterValue"_s, u"Too many tags added for queue %1."_s.arg(cloud().awsName(call.queue))};
        return {};
    }
    kept = after;
    return {};
}

QJsonObject SqsService::untagQueue(const Call &call, AwsError *)
{
    QJsonArray keys = call.input.value("TagKeys"_L1).toArray();
    for (const QJsonValue &key : call.input.value("TagKey"_L1).toArray())
        keys.append(key);
    QJsonObject &kept = mTags[call.queue];
    for (const QJsonValue &key : std::as_const(keys))
        kept.remove(key.toString());
    return {};
}

QJsonObject SqsService::listQueueTags(const Call &call, AwsError *)
{
    const QJsonObject tags = mTags.value(call.queue);
    return tags.isEmpty() ? QJsonObject() : QJsonObject{{u"Tags"_s, tags}};
}

// The design's queues exist already: CreateQueue answers their URL when what it asks
// for agrees with them, as SQS answers for a queue that exists. A queue the design does not
// declare is made for this run (LocalCloud::makeResource): the canvas shows it as made by code.
QJsonObject SqsService::createQueue(const Call &call, AwsError *error)
{
    const QString name = call.input.value("QueueName"_L1).toString();
    const QJsonObject attributes = queueAttributesOf(call.input);
    const bool fifo = isTrue(attributes.value("FifoQueue"_L1));
    if (name.isEmpty()) {
        *error = {u"MissingParameter"_s, u"The request must contain the parameter QueueName."_s};
        return {};
    }
    if (fifo != name.endsWith(".fifo"_L1)) {
        *error = {u"InvalidParameterValue"_s,
                  fifo ? QStringLiteral("The name of a FIFO queue can only include alphanumeric characters, hyphens, "
                                        "or underscores, must end with .fifo suffix and be 1 to 80 in length.")
                       : QStringLiteral("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 "
                                        "in length")};
        return {};
    }
    // A queue deleted in this run is made again.
    QString queue = cloud().resourceNamed(Kinds::Queue, name);
    bool made = false;
    if (queue.isEmpty()) {
        const QString other = fifo ? name.chopped(5) : name + u".fifo"_s;
        if (!queueNamed(other).isEmpty()) {
            *error = {u"QueueAlreadyExists"_s,
                      u"A queue already exists with the same name and a different value for attribute FifoQueue"_s};
            return {};
        }
        static const QRegularExpression valid(u"^[A-Za-z0-9_-]{1,80}$"_s);
        if (!valid.match(fifo ? name.chopped(5) : name).hasMatch() || name.size() > 80) {
            *error = {u"InvalidParameterValue"_s,
                      QStringLiteral("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 "
                                     "in length")};
            return {};
        }
        const Result<QString> making = cloud().makeResource(
            Kinds::Queue, name,
            {{u"fifo"_s, fifo},
             {u"contentBasedDeduplication"_s, fifo && isTrue(attributes.value("ContentBasedDeduplication"_L1))}},
            call.cause);
        if (!making) {
            *error = {u"OverLimit"_s, making.errorMessage(), 403};
            return {};
        }
        queue = *making;
        made = true;
    }
    // What it asks for is set for this run, as SetQueueAttributes sets it (SQS would refuse
    // values that differ from an existing queue's with QueueAlreadyExists).
    QJsonObject settable = attributes;
    settable.remove(u"FifoQueue"_s);
    if (!checkAttributes(queue, settable, error)) {
        if (made) // the request fails whole
            (void)cloud().removeMadeResource(queue);
        return {};
    }
    if (mDeleted.remove(queue))
        mCreated.insert(queue, cloud().clock().now());
    QJsonObject &set = mSet[queue];
    for (auto it = settable.begin(); it != settable.end(); ++it) {
        const QString value = it.value().isDouble() ? QString::number(it.value().toInt()) : it.value().toString();
        if (it.key() == "ContentBasedDeduplication"_L1)
            mContentDeduplication.insert(queue, value == "true"_L1);
        else
            set.insert(it.key(), value);
    }
    const QJsonObject tags = tagsOf(call.input, "tags");
    for (auto it = tags.begin(); it != tags.end(); ++it)
        mTags[queue].insert(it.key(), it.value());
    return {{u"QueueUrl"_s, AwsEndpoint::queueUrl(endpoint().url(), cloud().awsName(queue))}};
}

// DeleteQueue for this run: the design keeps the queue; the run forgets its messages and
// what was set on it, and answers as SQS does for a missing queue until CreateQueue.
QJsonObject SqsService::deleteQueue(const Call &call, AwsError *error)
{
    cloud().state().purgeQueue(call.queue);
    mContentDeduplication.remove(call.queue);
    mSet.remove(call.queue);
    mTags.remove(call.queue);
    mModified.remove(call.queue);
    if (cloud().isMadeResource(call.queue)) { // made by code in this run: gone
        if (const Result<void> removed = cloud().removeMadeResource(call.queue); !removed)
            *error = {u"InternalError"_s, removed.errorMessage(), 500};
        return {};
    }
    mDeleted.insert(call.queue);
    return {};
}

AwsService *createSqsService(AwsEndpoint &endpoint)
{
    return new SqsService(endpoint);
}

} // namespace Nimbus
