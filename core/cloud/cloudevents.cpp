#include "cloudevents.h"
#include "runtime/requestid.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Nimbus::CloudEvents {

namespace {
QString uuid()
{
    return newRequestId();
}

QString iso(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

// S3 and DynamoDB sequencers: hex / decimal strings that grow with each change.
QString sequencer(qint64 sequence)
{
    return u"%1"_s.arg(sequence, 16, 16, '0'_L1).toUpper();
}
} // namespace

QString queueArn(const QString &region, const QString &queue)
{
    return u"arn:aws:sqs:%1:%2:%3"_s.arg(region, QLatin1String(kAccount), queue);
}

QString topicArn(const QString &region, const QString &topic)
{
    return u"arn:aws:sns:%1:%2:%3"_s.arg(region, QLatin1String(kAccount), topic);
}

QString tableArn(const QString &region, const QString &table)
{
    return u"arn:aws:dynamodb:%1:%2:table/%3"_s.arg(region, QLatin1String(kAccount), table);
}

QJsonObject sqs(const QString &region, const QString &queue, const QList<QueueMessage> &messages)
{
    QJsonArray records;
    for (const QueueMessage &m : messages) {
        const QString sent = QString::number(m.sent.toMSecsSinceEpoch());
        QJsonObject attributes{{u"ApproximateReceiveCount"_s, QString::number(m.receiveCount)},
                               {u"SentTimestamp"_s, sent},
                               {u"SenderId"_s, QLatin1String(kAccount)},
                               {u"ApproximateFirstReceiveTimestamp"_s, sent}};
        // A FIFO queue's messages carry their group, deduplication id and number, as Lambda's.
        if (!m.groupId.isEmpty()) {
            attributes.insert(u"MessageGroupId"_s, m.groupId);
            attributes.insert(u"MessageDeduplicationId"_s, m.deduplicationId);
            attributes.insert(u"SequenceNumber"_s, m.sequenceNumber);
        }
        records.append(QJsonObject{
            {u"messageId"_s, m.id},
            {u"receiptHandle"_s, m.receiptHandle},
            {u"body"_s, QString::fromUtf8(m.body)},
            {u"attributes"_s, attributes},
            {u"messageAttributes"_s, m.attributes},
            {u"md5OfBody"_s, QString::fromLatin1(QCryptographicHash::hash(m.body, QCryptographicHash::Md5).toHex())},
            {u"eventSource"_s, u"aws:sqs"_s},
            {u"eventSourceARN"_s, queueArn(region, queue)},
            {u"awsRegion"_s, region}});
    }
    return {{u"Records"_s, records}};
}

QJsonObject sns(const QString &region, const QString &topic, const QString &messageId, const QString &message,
                const QString &subject, const QDateTime &when, const QJsonObject &attributes)
{
    const QString arn = topicArn(region, topic);
    QJsonObject body{{u"Type"_s, u"Notification"_s},
                     {u"MessageId"_s, messageId},
                     {u"TopicArn"_s, arn},
                     {u"Subject"_s, subject.isEmpty() ? QJsonValue() : QJsonValue(subject)},
                     {u"Message"_s, message},
                     {u"Timestamp"_s, iso(when)},
                     {u"SignatureVersion"_s, u"1"_s},
                     {u"Signature"_s, u"local"_s},
                     {u"SigningCertUrl"_s, QString()},
                     {u"UnsubscribeUrl"_s, QString()},
                     {u"MessageAttributes"_s, attributes}};
    const QJsonObject record{{u"EventSource"_s, u"aws:sns"_s},
                             {u"EventVersion"_s, u"1.0"_s},
                             {u"EventSubscriptionArn"_s, arn + ':'_L1 + uuid()},
                             {u"Sns"_s, body}};
    return {{u"Records"_s, QJsonArray{record}}};
}

QJsonObject s3(const QString &region, const QString &bucket, const StoredObject &object, const QString &eventName,
               qint64 sequence, const QDateTime &when)
{
    // Keys in S3 events are URL-encoded, spaces as '+'.
    QString key = QString::fromUtf8(QUrl::toPercentEncoding(object.key, "/"));
    key.replace("%20"_L1, "+"_L1);
    QJsonObject s3Object{{u"key"_s, key}, {u"sequencer"_s, sequencer(sequence)}};
    if (eventName.startsWith("ObjectCreated"_L1)) {
        s3Object.insert(u"size"_s, object.size);
        s3Object.insert(u"eTag"_s, object.etag);
    }
    if (!object.versionId.isEmpty())
        s3Object.insert(u"versionId"_s, object.versionId);
    const QJsonObject record{
        {u"eventVersion"_s, u"2.1"_s},
        {u"eventSource"_s, u"aws:s3"_s},
        {u"awsRegion"_s, region},
        {u"eventTime"_s, iso(when)},
        {u"eventName"_s, eventName},
        {u"userIdentity"_s, QJsonObject{{u"principalId"_s, u"AWS:LOCAL"_s}}},
        {u"requestParameters"_s, QJsonObject{{u"sourceIPAddress"_s, u"127.0.0.1"_s}}},
        {u"responseElements"_s, QJsonObject{{u"x-amz-request-id"_s, uuid()}, {u"x-amz-id-2"_s, u"local"_s}}},
        {u"s3"_s,
         QJsonObject{{u"s3SchemaVersion"_s, u"1.0"_s},
                     {u"configurationId"_s, u"nimbus"_s},
                     {u"bucket"_s, QJsonObject{{u"name"_s, bucket},
                                               {u"ownerIdentity"_s, QJsonObject{{u"principalId"_s, u"LOCAL"_s}}},
                                               {u"arn"_s, u"arn:aws:s3:::"_s + bucket}}},
                     {u"object"_s, s3Object}}}};
    return {{u"Records"_s, QJsonArray{record}}};
}

QJsonObject dynamodb(const QString &region, const QString &table, const QList<StreamRecord> &records,
                     const QString &viewType)
{
    QJsonArray list;
    const QString streamArn = tableArn(region, table) + "/stream/2027-01-01T00:00:00.000"_L1;
    for (const StreamRecord &r : records) {
        QJsonObject change{{u"ApproximateCreationDateTime"_s, double(r.when.toSecsSinceEpoch())},
                           {u"Keys"_s, r.keys},
                           {u"SequenceNumber"_s, QString::number(r.sequenceNumber * 100)},
                           {u"StreamViewType"_s, viewType}};
        const bool newImage = viewType == "NEW_IMAGE"_L1 || viewType == "NEW_AND_OLD_IMAGES"_L1;
        const bool oldImage = viewType == "OLD_IMAGE"_L1 || viewType == "NEW_AND_OLD_IMAGES"_L1;
        if (newImage && !r.newImage.isEmpty())
            change.insert(u"NewImage"_s, r.newImage);
        if (oldImage && !r.oldImage.isEmpty())
            change.insert(u"OldImage"_s, r.oldImage);
        change.insert(u"SizeBytes"_s,
                      QJsonDocument(r.newImage.isEmpty() ? r.keys : r.newImage).toJson(QJsonDocument::Compact).size());
        list.append(QJsonObject{{u"eventID"_s, uuid()},
                                {u"eventName"_s, r.eventName},
                                {u"eventVersion"_s, u"1.1"_s},
                                {u"eventSource"_s, u"aws:dynamodb"_s},
                                {u"awsRegion"_s, region},
                                {u"dynamodb"_s, change},
                                {u"eventSourceARN"_s, streamArn}});
    }
    return {{u"Records"_s, list}};
}

QJsonObject scheduled(const QString &region, const QString &rule, const QDateTime &when)
{
    return {{u"version"_s, u"0"_s},
            {u"id"_s, uuid()},
            {u"detail-type"_s, u"Scheduled Event"_s},
            {u"source"_s, u"aws.events"_s},
            {u"account"_s, QLatin1String(kAccount)},
            {u"time"_s, when.toUTC().toString(Qt::ISODate)},
            {u"region"_s, region},
            {u"resources"_s, QJsonArray{u"arn:aws:events:%1:%2:rule/%3"_s.arg(region, QLatin1String(kAccount), rule)}},
            {u"detail"_s, QJsonObject()}};
}

} // namespace Nimbus::CloudEvents
