#include "services.h"

#include "awsservice.h"
#include "model/kinds.h"

#include "cloud/awswire.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// SNS on the query protocol: publishing to the design's topics, which deliver to the
// functions they invoke, and listing them. An unsigned Publish is SNS's.
class SnsService final : public AwsService
{
public:
    explicit SnsService(AwsEndpoint &endpoint);

    void handle(const AwsRequest &request, const AwsReply &done) override;

private:
    using Function = QJsonObject (SnsService::*)(const AwsRequest &request, AwsError *error);

    // The topic a publish names (TopicArn or TargetArn), or empty with *error.
    QString topicOf(const QJsonObject &input, AwsError *error) const;
    bool publishOne(const QString &topic, const QJsonObject &entry, qint64 cause, QString *id, AwsError *error);

    QJsonObject publish(const AwsRequest &request, AwsError *error);
    QJsonObject publishBatch(const AwsRequest &request, AwsError *error);
    QJsonObject listTopics(const AwsRequest &request, AwsError *error);

    QHash<QString, Function> mOperations;
};

} // namespace

SnsService::SnsService(AwsEndpoint &endpoint)
    : AwsService(Recognition(u"sns"_s).takesQuery({u"Publish"_s, u"PublishBatch"_s}), endpoint)
{
    mOperations = {
        {u"Publish"_s, &SnsService::publish},
        {u"PublishBatch"_s, &SnsService::publishBatch},
        {u"ListTopics"_s, &SnsService::listTopics},
    };
}

void SnsService::handle(const AwsRequest &request, const AwsReply &done)
{
    const Function function = mOperations.value(request.operation);
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
    const QString topic = arn.section(':'_L1, -1);
    const Node *node = cloud().project().architecture().nodeByName(topic);
    if (arn.isEmpty()) {
        *error = {u"InvalidParameter"_s,
                  u"Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter"_s};
        return {};
    }
    if (!arn.startsWith("arn:aws:sns:"_L1) || !node || node->kind != Kinds::Topic) {
        *error = {u"NotFound"_s, u"Topic does not exist"_s, 404};
        return {};
    }
    return topic;
}

bool SnsService::publishOne(const QString &topic, const QJsonObject &entry, qint64 cause, QString *id, AwsError *error)
{
    const QString message = entry.value("Message"_L1).toString();
    if (message.isEmpty()) {
        *error = {u"InvalidParameter"_s, u"Invalid parameter: Empty message"_s};
        return false;
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
    const Result<QString> published = cloud().publish(topic, message, entry.value("Subject"_L1).toString(), cause,
                                                      attributes);
    if (!published) {
        *error = {u"InvalidParameter"_s, published.errorMessage()};
        return false;
    }
    *id = *published;
    return true;
}

QJsonObject SnsService::publish(const AwsRequest &request, AwsError *error)
{
    const QString topic = topicOf(request.parameters, error);
    QString id;
    if (topic.isEmpty() || !publishOne(topic, request.parameters, request.cause, &id, error))
        return {};
    return {{u"MessageId"_s, id}};
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
        QString id;
        if (!publishOne(topic, e.toObject(), request.cause, &id, error))
            return {};
        successful.append(QJsonObject{{u"Id"_s, e["Id"_L1]}, {u"MessageId"_s, id}});
    }
    return {{u"Successful"_s, successful}, {u"Failed"_s, QJsonArray()}};
}

QJsonObject SnsService::listTopics(const AwsRequest &, AwsError *)
{
    QJsonArray topics;
    for (const auto &[id, n] : cloud().project().architecture().nodes())
        if (n.kind == Kinds::Topic)
            topics.append(QJsonObject{{u"TopicArn"_s, cloud().topicArn(n.name)}});
    return {{u"Topics"_s, topics}};
}

AwsService *createSnsService(AwsEndpoint &endpoint)
{
    return new SnsService(endpoint);
}

} // namespace Nimbus
