#include "services.h"

#include "awsservice.h"
#include "model/kinds.h"

#include "cloud/awswire.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <optional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

bool isTrue(const QJsonValue &value)
{
    return value.isBool() ? value.toBool() : value.toString().compare("true"_L1, Qt::CaseInsensitive) == 0;
}

// SNS on the query protocol: publishing to the design's topics, which deliver to the
// functions they invoke and to what Subscribe adds (queues and functions, raw or in
// SNS's envelope, through filter policies), MessageStructure json per protocol, and
// listing them. An unsigned Publish is SNS's.
class SnsService final : public AwsService
{
public:
    explicit SnsService(AwsEndpoint &endpoint);

    void handle(const AwsRequest &request, const AwsReply &done) override;

protected:
    // A new start of the cloud serves the design as it is: what this run deleted or set goes.
    void startRun() override
    {
        mDeleted.clear();
        mContentDeduplication.clear();
    }

public:
private:
    using Function = QJsonObject (SnsService::*)(const AwsRequest &request, AwsError *error);

    // The topic a publish names (TopicArn or TargetArn), or empty with *error.
    QString topicOf(const QJsonObject &input, AwsError *error) const;
    // The design's topic an SNS name names: a FIFO topic's name ends in ".fifo", no
    // other's does. Empty when none.
    QString topicNamed(const QString &name) const;
    bool publishOne(const QString &topic, const QJsonObject &entry, qint64 cause, SentMessage *sent, AwsError *error);
    // A FIFO publish's group and deduplication id, checked as SNS checks them.
    bool fifoOf(const QString &topic, const QJsonObject &entry, const QString &message, FifoSend *fifo,
                AwsError *error) const;
    bool contentDeduplication(const QString &topic) const;

    QJsonObject publish(const AwsRequest &request, AwsError *error);
    QJsonObject publishBatch(const AwsRequest &request, AwsError *error);
    QJsonObject listTopics(const AwsRequest &request, AwsError *error);
    QJsonObject createTopic(const AwsRequest &request, AwsError *error);
    QJsonObject deleteTopic(const AwsRequest &request, AwsError *error);
    QJsonObject subscribe(const AwsRequest &request, AwsError *error);
    QJsonObject getTopicAttributes(const AwsRequest &request, AwsError *error);
    QJsonObject setTopicAttributes(const AwsRequest &request, AwsError *error);
    QJsonObject unsubscribe(const AwsRequest &request, AwsError *error);
    QJsonObject listSubscriptions(const AwsRequest &request, AwsError *error);
    QJsonObject getSubscriptionAttributes(const AwsRequest &request, AwsError *error);
    QJsonObject setSubscriptionAttributes(const AwsRequest &request, AwsError *error);
    // The subscription a request's SubscriptionArn names, or none with *error.
    std::optional<TopicSubscription> subscriptionOf(const QJsonObject &input, AwsError *error) const;
    QJsonObject subscriptionEntry(const TopicSubscription &subscription) const;

    QStringList servedOperations() const override { return mOperations.keys(); }

    QHash<QString, Function> mOperations;
    QHash<QString, bool> mContentDeduplication; // topic -> as CreateTopic or SetTopicAttributes set it
    // The design's topics DeleteTopic deleted in this run: missing until CreateTopic.
    QSet<QString> mDeleted;
};

} // namespace

SnsService::SnsService(AwsEndpoint &endpoint)
    : AwsService(Recognition(u"sns"_s).takesQuery({u"Publish"_s, u"PublishBatch"_s}), endpoint)
{
    mOperations = {
        {u"Publish"_s, &SnsService::publish},
        {u"PublishBatch"_s, &SnsService::publishBatch},
        {u"ListTopics"_s, &SnsService::listTopics},
        {u"CreateTopic"_s, &SnsService::createTopic},
        {u"DeleteTopic"_s, &SnsService::deleteTopic},
        {u"Subscribe"_s, &SnsService::subscribe},
        {u"GetTopicAttributes"_s, &SnsService::getTopicAttributes},
        {u"SetTopicAttributes"_s, &SnsService::setTopicAttributes},
        {u"Unsubscribe"_s, &SnsService::unsubscribe},
        {u"ListSubscriptions"_s, &SnsService::listSubscriptions},
        {u"ListSubscriptionsByTopic"_s, &SnsService::listSubscriptions},
        {u"GetSubscriptionAttributes"_s, &SnsService::getSubscriptionAttributes},
        {u"SetSubscriptionAttributes"_s, &SnsService::setSubscriptionAttributes},
    };
    servePartly(u"CreateTopic"_s,
                QStringLiteral("the design's topics: their ARN, also after DeleteTopic in this run; "
                               "a topic the design does not declare is made for the run (made by code)"));
    servePartly(u"DeleteTopic"_s, QStringLiteral("for this run: the design's topic ends its subscriptions and is "
                                                 "missing until CreateTopic"));
    servePartly(u"Subscribe"_s, u"protocols sqs and lambda; http(s), email, sms, application and firehose refused"_s);
    servePartly(u"SetTopicAttributes"_s, u"ContentBasedDeduplication only; the others are accepted and not kept"_s);
    const QString permissions = u"permissions come from the design's connections"_s;
    const QString noTags = u"topics have no tags here"_s;
    const QString push = u"mobile push and SMS are not emulated"_s;
    refuse(u"ConfirmSubscription"_s, u"subscriptions to queues and functions need no confirmation"_s);
    refuse(u"AddPermission"_s, permissions);
    refuse(u"RemovePermission"_s, permissions);
    refuse(u"TagResource"_s, noTags);
    refuse(u"UntagResource"_s, noTags);
    refuse(u"ListTagsForResource"_s, noTags);
    refuse(u"GetDataProtectionPolicy"_s, u"data protection policies are not emulated"_s);
    refuse(u"PutDataProtectionPolicy"_s, u"data protection policies are not emulated"_s);
    for (const char *operation : {"CreatePlatformApplication",
                                  "DeletePlatformApplication",
                                  "ListPlatformApplications",
                                  "GetPlatformApplicationAttributes",
                                  "SetPlatformApplicationAttributes",
                                  "CreatePlatformEndpoint",
                                  "DeleteEndpoint",
                                  "GetEndpointAttributes",
                                  "SetEndpointAttributes",
                                  "ListEndpointsByPlatformApplication",
                                  "CheckIfPhoneNumberIsOptedOut",
                                  "ListPhoneNumbersOptedOut",
                                  "OptInPhoneNumber",
                                  "GetSMSAttributes",
                                  "SetSMSAttributes",
                                  "ListOriginationNumbers",
                                  "GetSMSSandboxAccountStatus",
                                  "CreateSMSSandboxPhoneNumber",
                                  "DeleteSMSSandboxPhoneNumber",
                                  "ListSMSSandboxPhoneNumbers",
                                  "VerifySMSSandboxPhoneNumber"})
        refuse(QLatin1String(operation), push);
}

void SnsService::handle(const AwsRequest &request, const AwsReply &done)
{
    const Function function = mOperations.value(request.operation);
    if (const std::optional<QString> note = refusal(request.operation)) {
        done(refusedOperation(request, *note));
        return;
    }
    if (!function) {
        done(unknownOperation(request));
        return;
    }
    AwsError error;
    const QJsonObject result = (this->*function)(request, &error);
    if (!error.code.isEmpty()) {
        done(AwsWire::xmlAnswer(error.status, AwsWire::queryError(error.code, error.message, true, request.requestId)));
        return;
    }
    done(AwsWire::xmlAnswer(200,
                            AwsWire::queryResponse(request.operation, result,
                                                   u"http://sns.amazonaws.com/doc/2010-03-31/"_s, request.requestId)));
}

QString SnsService::topicOf(const QJsonObject &input, AwsError *error) const
{
    QString arn = input.value("TopicArn"_L1).toString();
    if (arn.isEmpty())
        arn = input.value("TargetArn"_L1).toString();
    const QString topic = topicNamed(arn.section(':'_L1, -1));
    if (arn.isEmpty()) {
        *error = {u"InvalidParameter"_s,
                  u"Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter"_s};
        return {};
    }
    if (!arn.startsWith("arn:aws:sns:"_L1) || topic.isEmpty()) {
        *error = {u"NotFound"_s, u"Topic does not exist"_s, 404};
        return {};
    }
    return topic;
}

QString SnsService::topicNamed(const QString &name) const
{
    const QString topic = cloud().resourceNamed(Kinds::Topic, name);
    return mDeleted.contains(topic) ? QString() : topic;
}

bool SnsService::contentDeduplication(const QString &topic) const
{
    if (const auto it = mContentDeduplication.constFind(topic); it != mContentDeduplication.constEnd())
        return *it;
    const Node *node = cloud().resourceNode(topic);
    return node && node->properties.value("contentBasedDeduplication"_L1).toBool();
}

bool SnsService::fifoOf(const QString &topic, const QJsonObject &entry, const QString &message, FifoSend *fifo,
                        AwsError *error) const
{
    static const QRegularExpression valid(u"^[A-Za-z0-9!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]{1,128}$"_s);
    fifo->groupId = entry.value("MessageGroupId"_L1).toString();
    fifo->deduplicationId = entry.value("MessageDeduplicationId"_L1).toString();
    const QString invalid = u"InvalidParameter"_s;
    if (!cloud().isFifo(topic)) {
        if (entry.contains("MessageDeduplicationId"_L1))
            *error = {invalid,
                      QStringLiteral("Invalid parameter: MessageDeduplicationId Reason: The request includes "
                                     "MessageDeduplicationId parameter that is not valid for this topic type")};
        *fifo = {};
        return error->code.isEmpty();
    }
    if (fifo->groupId.isEmpty())
        *error = {invalid, u"Invalid parameter: The MessageGroupId parameter is required for FIFO topics"_s};
    else if (!valid.match(fifo->groupId).hasMatch())
        *error = {invalid, QStringLiteral("Invalid parameter: MessageGroupId Reason: MessageGroupId can only include "
                                          "alphanumeric and punctuation characters. 1 to 128 in length.")};
    else if (!fifo->deduplicationId.isEmpty() && !valid.match(fifo->deduplicationId).hasMatch())
        *error = {invalid, QStringLiteral("Invalid parameter: MessageDeduplicationId Reason: MessageDeduplicationId "
                                          "can only include alphanumeric and punctuation characters. 1 to 128 in "
                                          "length.")};
    else if (fifo->deduplicationId.isEmpty() && contentDeduplication(topic))
        fifo->deduplicationId = QString::fromLatin1(
            QCryptographicHash::hash(message.toUtf8(), QCryptographicHash::Sha256).toHex());
    else if (fifo->deduplicationId.isEmpty())
        *error = {invalid, QStringLiteral("Invalid parameter: The topic should either have ContentBasedDeduplication "
                                          "enabled or MessageDeduplicationId provided explicitly")};
    return error->code.isEmpty();
}

bool SnsService::publishOne(const QString &topic, const QJsonObject &entry, qint64 cause, SentMessage *sent,
                            AwsError *error)
{
    QString message = entry.value("Message"_L1).toString();
    if (message.isEmpty()) {
        *error = {u"InvalidParameter"_s, u"Invalid parameter: Empty message"_s};
        return false;
    }
    // MessageStructure json: a message per protocol, "default" for the others.
    QJsonObject perProtocol;
    const QString structure = entry.value("MessageStructure"_L1).toString();
    if (!structure.isEmpty() && structure != "json"_L1) {
        *error = {u"InvalidParameter"_s, u"Invalid parameter: MessageStructure"_s};
        return false;
    }
    if (structure == "json"_L1) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(message.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            *error = {u"InvalidParameter"_s,
                      u"Invalid parameter: Message Structure - JSON message body failed to parse"_s};
            return false;
        }
        const QJsonObject byProtocol = document.object();
        if (!byProtocol.value("default"_L1).isString()) {
            *error = {u"InvalidParameter"_s, u"Invalid parameter: Message Structure - No default entry in JSON "
                                             "message body"_s};
            return false;
        }
        for (auto it = byProtocol.begin(); it != byProtocol.end(); ++it) {
            if (!it.value().isString()) {
                *error = {u"InvalidParameter"_s,
                          u"Invalid parameter: Message Structure - JSON message body failed to parse"_s};
                return false;
            }
            perProtocol.insert(it.key(), it.value());
        }
        message = byProtocol.value("default"_L1).toString();
    }
    if (message.toUtf8().size() > 256 * 1024) {
        *error = {u"InvalidParameter"_s, u"Invalid parameter: Message too long"_s};
        return false;
    }
    // Attributes reach the subscribers as SNS events carry them: {Type, Value}.
    QJsonObject attributes;
    const QJsonObject given = entry.value("MessageAttributes"_L1).toObject();
    for (auto it = given.begin(); it != given.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        const QString type = v.value("DataType"_L1).toString();
        if (type.isEmpty() || (!v.contains("StringValue"_L1) && !v.contains("BinaryValue"_L1))) {
            *error = {
                u"ParameterValueInvalid"_s,
                u"The message attribute '%1' must contain non-empty message attribute value and type."_s.arg(it.key())};
            return false;
        }
        attributes.insert(it.key(),
                          QJsonObject{{u"Type"_s, type},
                                      {u"Value"_s, v.contains("StringValue"_L1) ? v.value("StringValue"_L1)
                                                                                : v.value("BinaryValue"_L1)}});
    }
    FifoSend fifo;
    if (!fifoOf(topic, entry, message, &fifo, error))
        return false;
    const Result<SentMessage> published = cloud().publishMessage(
        topic, message, fifo, entry.value("Subject"_L1).toString(), cause, attributes, perProtocol);
    if (!published) {
        *error = {u"InvalidParameter"_s, published.errorMessage()};
        return false;
    }
    *sent = *published;
    return true;
}

QJsonObject SnsService::publish(const AwsRequest &request, AwsError *error)
{
    const QString topic = topicOf(request.parameters, error);
    SentMessage sent;
    if (topic.isEmpty() || !publishOne(topic, request.parameters, request.cause, &sent, error))
        return {};
    QJsonObject result{{u"MessageId"_s, sent.id}};
    if (!sent.sequenceNumber.isEmpty())
        result.insert(u"SequenceNumber"_s, sent.sequenceNumber);
    return result;
}

QJsonObject SnsService::publishBatch(const AwsRequest &request, AwsError *error)
{
    const QString topic = topicOf(request.parameters, error);
    if (topic.isEmpty())
        return {};
    const QJsonArray entries = request.parameters.value("PublishBatchRequestEntries"_L1).toArray();
    if (entries.isEmpty()) {
        *error = {u"EmptyBatchRequest"_s, u"The batch request doesn't contain any entries"_s};
        return {};
    }
    if (entries.size() > 10) {
        *error = {u"TooManyEntriesInBatchRequest"_s, u"The batch request contains more entries than permissible"_s};
        return {};
    }
    QSet<QString> ids;
    for (const QJsonValue &e : entries) {
        if (ids.contains(e["Id"_L1].toString())) {
            *error = {u"BatchEntryIdsNotDistinct"_s, u"Two or more batch entries in the request have the same Id"_s};
            return {};
        }
        ids.insert(e["Id"_L1].toString());
    }
    QJsonArray successful;
    for (const QJsonValue &e : entries) {
        SentMessage sent;
        if (!publishOne(topic, e.toObject(), request.cause, &sent, error))
            return {};
        QJsonObject result{{u"Id"_s, e["Id"_L1]}, {u"MessageId"_s, sent.id}};
        if (!sent.sequenceNumber.isEmpty())
            result.insert(u"SequenceNumber"_s, sent.sequenceNumber);
        successful.append(result);
    }
    return {{u"Successful"_s, successful}, {u"Failed"_s, QJsonArray()}};
}

QJsonObject SnsService::listTopics(const AwsRequest &, AwsError *)
{
    QJsonArray topics;
    for (const Node *node : cloud().resourceNodes(Kinds::Topic))
        if (!mDeleted.contains(node->name))
            topics.append(QJsonObject{{u"TopicArn"_s, cloud().topicArn(node->name)}});
    return {{u"Topics"_s, topics}};
}

// The design's topics exist already: CreateTopic answers a topic's ARN when what it asks
// for agrees with it, as SNS answers for a topic that exists. A topic the design does not
// declare is made for this run (LocalCloud::makeResource): the canvas shows it as made by code.
QJsonObject SnsService::createTopic(const AwsRequest &request, AwsError *error)
{
    const QString name = request.parameters.value("Name"_L1).toString();
    const QJsonObject attributes = request.parameters.value("Attributes"_L1).toObject();
    const bool fifo = isTrue(attributes.value("FifoTopic"_L1));
    if (name.isEmpty()) {
        *error = {u"InvalidParameter"_s, u"Invalid parameter: Topic Name"_s};
        return {};
    }
    if (fifo != name.endsWith(".fifo"_L1)) {
        *error = {u"InvalidParameter"_s,
                  fifo ? QStringLiteral("Fifo Topic names must end with .fifo and must be made up of only uppercase "
                                        "and lowercase ASCII letters, numbers, underscores, and hyphens, and must be "
                                        "between 1 and 256 characters long.")
                       : u"Invalid parameter: Topic Name"_s};
        return {};
    }
    // A topic deleted in this run is made again.
    QString topic = cloud().resourceNamed(Kinds::Topic, name);
    if (topic.isEmpty()) {
        static const QRegularExpression valid(u"^[A-Za-z0-9_-]{1,256}$"_s);
        if (!valid.match(fifo ? name.chopped(5) : name).hasMatch() || name.size() > 256) {
            *error = {u"InvalidParameter"_s, u"Invalid parameter: Topic Name"_s};
            return {};
        }
        QJsonObject properties{
            {u"fifo"_s, fifo},
            {u"contentBasedDeduplication"_s, fifo && isTrue(attributes.value("ContentBasedDeduplication"_L1))}};
        if (attributes.contains("DisplayName"_L1))
            properties.insert(u"displayName"_s, attributes.value("DisplayName"_L1).toString().left(100));
        const Result<QString> made = cloud().makeResource(Kinds::Topic, name, properties, request.cause);
        if (!made) {
            *error = {u"TopicLimitExceeded"_s, made.errorMessage(), 403};
            return {};
        }
        topic = *made;
    }
    mDeleted.remove(topic);
    if (fifo && attributes.contains("ContentBasedDeduplication"_L1))
        mContentDeduplication.insert(topic, isTrue(attributes.value("ContentBasedDeduplication"_L1)));
    return {{u"TopicArn"_s, cloud().topicArn(topic)}};
}

// DeleteTopic for this run: the design keeps the topic; its subscriptions end (the
// connections' for this run) and it answers as missing until CreateTopic. As SNS, deleting
// a topic that is not there succeeds.
QJsonObject SnsService::deleteTopic(const AwsRequest &request, AwsError *error)
{
    AwsError missing;
    const QString topic = topicOf(request.parameters, &missing);
    if (topic.isEmpty()) {
        if (missing.code != "NotFound"_L1)
            *error = missing;
        return {};
    }
    for (const TopicSubscription &subscription : cloud().topicSubscriptions(topic))
        (void)cloud().unsubscribe(subscription.arn);
    mContentDeduplication.remove(topic);
    if (cloud().isMadeResource(topic)) { // made by code in this run: gone
        if (const Result<void> removed = cloud().removeMadeResource(topic); !removed)
            *error = {u"InternalError"_s, removed.errorMessage(), 500};
        return {};
    }
    mDeleted.insert(topic);
    return {};
}

// Queues (sqs) and functions (lambda) subscribe, with SNS's RawMessageDelivery (queues),
// FilterPolicy and FilterPolicyScope; a FIFO queue only to a FIFO topic. Other protocols
// (http, email, sms ...) are refused by name.
QJsonObject SnsService::subscribe(const AwsRequest &request, AwsError *error)
{
    const QString topic = topicOf(request.parameters, error);
    if (topic.isEmpty())
        return {};
    const QString protocol = request.parameters.value("Protocol"_L1).toString();
    const QString endpoint = request.parameters.value("Endpoint"_L1).toString();
    TopicSubscription subscription;
    subscription.topic = topic;
    subscription.protocol = protocol;
    subscription.endpointArn = endpoint;
    if (protocol == "sqs"_L1) {
        // The queue SQS knows by the ARN's name (its physical name, with .fifo for a FIFO one).
        const QString name = endpoint.section(':'_L1, -1);
        const bool fifoQueue = name.endsWith(".fifo"_L1);
        subscription.endpoint = cloud().resourceNamed(Kinds::Queue, name);
        if (!endpoint.startsWith("arn:aws:sqs:"_L1) || subscription.endpoint.isEmpty()) {
            *error = {u"InvalidParameter"_s, u"Invalid parameter: SQS endpoint ARN"_s};
            return {};
        }
        if (fifoQueue && !cloud().isFifo(topic)) {
            *error = {u"InvalidParameter"_s,
                      QStringLiteral("Invalid parameter: Invalid parameter: Endpoint Reason: FIFO "
                                     "SQS Queues can not be subscribed to standard SNS topics")};
            return {};
        }
    } else if (protocol == "lambda"_L1) {
        // arn:aws:lambda:region:account:function:name
        subscription.endpoint = endpoint.section(':'_L1, 6, 6);
        const Node *function = cloud().project().architecture().nodeByName(subscription.endpoint);
        if (!endpoint.startsWith("arn:aws:lambda:"_L1) || !function || function->kind != Kinds::Function) {
            *error = {u"InvalidParameter"_s, u"Invalid parameter: Lambda endpoint ARN"_s};
            return {};
        }
    } else if (QStringList{u"http"_s, u"https"_s, u"email"_s, u"email-json"_s, u"sms"_s, u"application"_s,
                           u"firehose"_s}
                   .contains(protocol)) {
        *error = {u"NotImplemented"_s,
                  u"Subscribe with protocol %1 is not implemented by the local cloud: it delivers to queues (sqs) "
                  "and functions (lambda)"_s.arg(protocol),
                  501};
        return {};
    } else {
        *error = {u"InvalidParameter"_s, u"Invalid parameter: Invalid protocol type: %1"_s.arg(protocol.left(100))};
        return {};
    }
    const QJsonObject attributes = request.parameters.value("Attributes"_L1).toObject();
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        if (it.key() == "RawMessageDelivery"_L1) {
            subscription.raw = isTrue(it.value());
        } else if (it.key() == "FilterPolicy"_L1) {
            subscription.filterPolicy = it.value().toString();
        } else if (it.key() == "FilterPolicyScope"_L1) {
            subscription.filterScope = it.value().toString();
        } else if (it.key() != "DeliveryPolicy"_L1 && it.key() != "RedrivePolicy"_L1) {
            *error = {u"InvalidParameter"_s,
                      u"Invalid parameter: Attributes Reason: Unknown attribute %1"_s.arg(it.key().left(100))};
            return {};
        }
    }
    if (subscription.raw && protocol == "lambda"_L1) {
        *error = {u"InvalidParameter"_s, QStringLiteral("Invalid parameter: Attributes Reason: Delivery protocol "
                                                        "[lambda] does not support raw message delivery.")};
        return {};
    }
    if (const QString problem = LocalCloud::filterPolicyProblem(subscription.filterPolicy, subscription.filterScope);
        !problem.isEmpty()) {
        *error = {u"InvalidParameter"_s, problem};
        return {};
    }
    const Result<TopicSubscription> made = cloud().subscribe(subscription);
    if (!made) {
        *error = {u"InvalidParameter"_s, u"Invalid parameter: "_s + made.errorMessage()};
        return {};
    }
    return {{u"SubscriptionArn"_s, made->arn}};
}

std::optional<TopicSubscription> SnsService::subscriptionOf(const QJsonObject &input, AwsError *error) const
{
    const QString arn = input.value("SubscriptionArn"_L1).toString();
    for (const TopicSubscription &s : cloud().topicSubscriptions())
        if (s.arn == arn)
            return s;
    if (arn.isEmpty())
        *error = {u"InvalidParameter"_s,
                  u"Invalid parameter: SubscriptionArn Reason: no value for required parameter"_s};
    else if (!arn.startsWith("arn:aws:sns:"_L1))
        *error = {u"InvalidParameter"_s, u"Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 "
                                         "elements, not 1"_s};
    else
        *error = {u"NotFound"_s, u"Subscription does not exist"_s, 404};
    return std::nullopt;
}

QJsonObject SnsService::subscriptionEntry(const TopicSubscription &subscription) const
{
    return {{u"SubscriptionArn"_s, subscription.arn},
            {u"Owner"_s, u"000000000000"_s},
            {u"Protocol"_s, subscription.protocol},
            {u"Endpoint"_s, subscription.endpointArn},
            {u"TopicArn"_s, cloud().topicArn(subscription.topic)}};
}

QJsonObject SnsService::unsubscribe(const AwsRequest &request, AwsError *error)
{
    const std::optional<TopicSubscription> subscription = subscriptionOf(request.parameters, error);
    if (subscription)
        (void)cloud().unsubscribe(subscription->arn);
    return {};
}

// ListSubscriptions and ListSubscriptionsByTopic: 100 a page, NextToken the index.
QJsonObject SnsService::listSubscriptions(const AwsRequest &request, AwsError *error)
{
    QString topic;
    if (request.operation == "ListSubscriptionsByTopic"_L1) {
        topic = topicOf(request.parameters, error);
        if (topic.isEmpty())
            return {};
    }
    const QList<TopicSubscription> all = cloud().topicSubscriptions(topic);
    bool ok = true;
    const QString token = request.parameters.value("NextToken"_L1).toString();
    const qsizetype from = token.isEmpty() ? 0 : token.toLongLong(&ok);
    if (!ok || from < 0 || from > all.size()) {
        *error = {u"InvalidParameter"_s, u"Invalid parameter: NextToken"_s};
        return {};
    }
    QJsonArray page;
    constexpr qsizetype pageSize = 100;
    for (qsizetype i = from; i < std::min(all.size(), from + pageSize); ++i)
        page.append(subscriptionEntry(all.at(i)));
    QJsonObject result{{u"Subscriptions"_s, page}};
    if (from + pageSize < all.size())
        result.insert(u"NextToken"_s, QString::number(from + pageSize));
    return result;
}

QJsonObject SnsService::getSubscriptionAttributes(const AwsRequest &request, AwsError *error)
{
    const std::optional<TopicSubscription> subscription = subscriptionOf(request.parameters, error);
    if (!subscription)
        return {};
    QJsonObject attributes = subscriptionEntry(*subscription);
    attributes.insert(u"ConfirmationWasAuthenticated"_s, u"true"_s);
    attributes.insert(u"PendingConfirmation"_s, u"false"_s);
    attributes.insert(u"SubscriptionPrincipal"_s, u"arn:aws:iam::000000000000:root"_s);
    attributes.insert(u"RawMessageDelivery"_s, subscription->raw ? u"true"_s : u"false"_s);
    if (!subscription->filterPolicy.isEmpty()) {
        attributes.insert(u"FilterPolicy"_s, subscription->filterPolicy);
        attributes.insert(u"FilterPolicyScope"_s, subscription->filterScope);
    }
    return {{u"Attributes"_s, attributes}};
}

QJsonObject SnsService::setSubscriptionAttributes(const AwsRequest &request, AwsError *error)
{
    const std::optional<TopicSubscription> subscription = subscriptionOf(request.parameters, error);
    if (!subscription)
        return {};
    // The query form's AttributeName arrives as the JSON protocol names lists (AttributeNames).
    const QString name =
        request.parameters.value("AttributeName"_L1).toString(request.parameters.value("AttributeNames"_L1).toString());
    const QString value = request.parameters.value("AttributeValue"_L1).toString();
    if (name == "DeliveryPolicy"_L1 || name == "RedrivePolicy"_L1 || name == "SubscriptionRoleArn"_L1) {
        *error = {u"NotImplemented"_s,
                  u"SetSubscriptionAttributes of %1 is not implemented by the local cloud"_s.arg(name), 501};
        return {};
    }
    if (name != "RawMessageDelivery"_L1 && name != "FilterPolicy"_L1 && name != "FilterPolicyScope"_L1) {
        *error = {u"InvalidParameter"_s, u"Invalid parameter: AttributeName"_s};
        return {};
    }
    if (name == "RawMessageDelivery"_L1 && subscription->protocol == "lambda"_L1) {
        *error = {u"InvalidParameter"_s, QStringLiteral("Invalid parameter: Delivery protocol [lambda] does not "
                                                        "support raw message delivery.")};
        return {};
    }
    if (const Result<void> done = cloud().setSubscriptionAttribute(subscription->arn, name, value); !done) {
        *error = {u"InvalidParameter"_s, done.errorMessage()};
        return {};
    }
    return {};
}

QJsonObject SnsService::getTopicAttributes(const AwsRequest &request, AwsError *error)
{
    const QString topic = topicOf(request.parameters, error);
    if (topic.isEmpty())
        return {};
    // The subscriptions Subscribe made (the canvas's connections to functions aside).
    const qsizetype subscribed = cloud().topicSubscriptions(topic).size();
    QJsonObject attributes{{u"TopicArn"_s, cloud().topicArn(topic)},
                           {u"Owner"_s, u"000000000000"_s},
                           {u"DisplayName"_s, QString()},
                           {u"SubscriptionsConfirmed"_s, QString::number(subscribed)},
                           {u"SubscriptionsPending"_s, u"0"_s},
                           {u"SubscriptionsDeleted"_s, u"0"_s},
                           {u"EffectiveDeliveryPolicy"_s,
                            u"{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,\"maxDelayTarget\":20,"
                            "\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,"
                            "\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\""
                            ":false}}"_s}};
    if (cloud().isFifo(topic)) {
        attributes.insert(u"FifoTopic"_s, u"true"_s);
        attributes.insert(u"ContentBasedDeduplication"_s, contentDeduplication(topic) ? u"true"_s : u"false"_s);
    }
    return {{u"Attributes"_s, attributes}};
}

QJsonObject SnsService::setTopicAttributes(const AwsRequest &request, AwsError *error)
{
    const QString topic = topicOf(request.parameters, error);
    if (topic.isEmpty())
        return {};
    if (request.parameters.value("AttributeName"_L1).toString(request.parameters.value("AttributeNames"_L1).toString())
        == "ContentBasedDeduplication"_L1) {
        if (!cloud().isFifo(topic)) {
            *error = {u"InvalidParameter"_s, u"Invalid parameter: AttributeName"_s};
            return {};
        }
        mContentDeduplication.insert(topic, isTrue(request.parameters.value("AttributeValue"_L1)));
    }
    return {};
}

AwsService *createSnsService(AwsEndpoint &endpoint)
{
    return new SnsService(endpoint);
}

} // namespace Nimbus
