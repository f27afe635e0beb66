#include "snsservice.h"

#include "cloud/awswire.h"
#include "cloud/localcloud.h"
#include "document/project.h"

#include <QJsonArray>
#include <QSet>

namespace Nimbus {

SnsService::SnsService(AwsEndpoint &endpoint)
    : AwsService(
        Recognition(QStringLiteral("sns")).takesQuery({QStringLiteral("Publish"), QStringLiteral("PublishBatch")}),
        endpoint)
{
    mOperations = {
        {QStringLiteral("Publish"), &SnsService::publish},
        {QStringLiteral("PublishBatch"), &SnsService::publishBatch},
        {QStringLiteral("ListTopics"), &SnsService::listTopics},
    };
}

void SnsService::handle(const AwsRequest &request, const AwsReply &done)
{
    const Function function = mOperations.value(request.operation);
    if (!function) {
        done(unknownOperation(request));
        return;
    }
    Error error;
    const QJsonObject result = (this->*function)(request, &error);
    if (!error.code.isEmpty()) {
        done(AwsWire::xmlAnswer(error.status, AwsWire::queryError(error.code, error.message, true, request.requestId)));
        return;
    }
    done(AwsWire::xmlAnswer(200, AwsWire::queryResponse(request.operation, result,
                                                        QStringLiteral("http://sns.amazonaws.com/doc/2010-03-31/"),
                                                        request.requestId)));
}

QString SnsService::topicOf(const QJsonObject &input, Error *error) const
{
    QString arn = input.value(QLatin1String("TopicArn")).toString();
    if (arn.isEmpty())
        arn = input.value(QLatin1String("TargetArn")).toString();
    const QString topic = arn.section(QLatin1Char(':'), -1);
    const Node *node = cloud().project().architecture().nodeByName(topic);
    if (arn.isEmpty()) {
        *error = {400, QStringLiteral("InvalidParameter"),
                  QStringLiteral("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter")};
        return {};
    }
    if (!arn.startsWith(QLatin1String("arn:aws:sns:")) || !node || node->kind != QLatin1String("topic")) {
        *error = {404, QStringLiteral("NotFound"), QStringLiteral("Topic does not exist")};
        return {};
    }
    return topic;
}

bool SnsService::publishOne(const QString &topic, const QJsonObject &entry, qint64 cause, QString *id, Error *error)
{
    const QString message = entry.value(QLatin1String("Message")).toString();
    if (message.isEmpty()) {
        *error = {400, QStringLiteral("InvalidParameter"), QStringLiteral("Invalid parameter: Empty message")};
        return false;
    }
    if (message.toUtf8().size() > 256 * 1024) {
        *error = {400, QStringLiteral("InvalidParameter"), QStringLiteral("Invalid parameter: Message too long")};
        return false;
    }
    // Attributes reach the subscribers as SNS events carry them: {Type, Value}.
    QJsonObject attributes;
    const QJsonObject given = entry.value(QLatin1String("MessageAttributes")).toObject();
    for (auto it = given.begin(); it != given.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        const QString type = v.value(QLatin1String("DataType")).toString();
        if (type.isEmpty()
            || (!v.contains(QLatin1String("StringValue")) && !v.contains(QLatin1String("BinaryValue")))) {
            *error = {
                400, QStringLiteral("ParameterValueInvalid"),
                QStringLiteral("The message attribute '%1' must contain non-empty message attribute value and type.")
                    .arg(it.key())};
            return false;
        }
        attributes.insert(it.key(),
                          QJsonObject{{QStringLiteral("Type"), type},
                                      {QStringLiteral("Value"), v.contains(QLatin1String("StringValue"))
                                                                    ? v.value(QLatin1String("StringValue"))
                                                                    : v.value(QLatin1String("BinaryValue"))}});
    }
    const Result<QString> published = cloud().publish(topic, message, entry.value(QLatin1String("Subject")).toString(),
                                                      cause, attributes);
    if (!published) {
        *error = {400, QStringLiteral("InvalidParameter"), published.errorMessage()};
        return false;
    }
    *id = *published;
    return true;
}

QJsonObject SnsService::publish(const AwsRequest &request, Error *error)
{
    const QString topic = topicOf(request.parameters, error);
    QString id;
    if (topic.isEmpty() || !publishOne(topic, request.parameters, request.cause, &id, error))
        return {};
    return {{QStringLiteral("MessageId"), id}};
}

QJsonObject SnsService::publishBatch(const AwsRequest &request, Error *error)
{
    const QString topic = topicOf(request.parameters, error);
    if (topic.isEmpty())
        return {};
    const QJsonArray entries = request.parameters.value(QLatin1String("PublishBatchRequestEntries")).toArray();
    if (entries.isEmpty()) {
        *error = {400, QStringLiteral("EmptyBatchRequest"),
                  QStringLiteral("The batch request doesn't contain any entries")};
        return {};
    }
    if (entries.size() > 10) {
        *error = {400, QStringLiteral("TooManyEntriesInBatchRequest"),
                  QStringLiteral("The batch request contains more entries than permissible")};
        return {};
    }
    QSet<QString> ids;
    for (const QJsonValue &e : entries) {
        if (ids.contains(e[QLatin1String("Id")].toString())) {
            *error = {400, QStringLiteral("BatchEntryIdsNotDistinct"),
                      QStringLiteral("Two or more batch entries in the request have the same Id")};
            return {};
        }
        ids.insert(e[QLatin1String("Id")].toString());
    }
    QJsonArray successful;
    for (const QJsonValue &e : entries) {
        QString id;
        if (!publishOne(topic, e.toObject(), request.cause, &id, error))
            return {};
        successful.append(
            QJsonObject{{QStringLiteral("Id"), e[QLatin1String("Id")]}, {QStringLiteral("MessageId"), id}});
    }
    return {{QStringLiteral("Successful"), successful}, {QStringLiteral("Failed"), QJsonArray()}};
}

QJsonObject SnsService::listTopics(const AwsRequest &, Error *)
{
    QJsonArray topics;
    for (const auto &[id, n] : cloud().project().architecture().nodes())
        if (n.kind == QLatin1String("topic"))
            topics.append(QJsonObject{{QStringLiteral("TopicArn"), cloud().topicArn(n.name)}});
    return {{QStringLiteral("Topics"), topics}};
}

} // namespace Nimbus
