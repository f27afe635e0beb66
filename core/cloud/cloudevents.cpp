#include "cloudevents.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

namespace Nimbus::CloudEvents {

namespace {
QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString iso(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

// S3 and DynamoDB sequencers: hex / decimal strings that grow with each change.
QString sequencer(qint64 sequence)
{
    return QStringLiteral("%1").arg(sequence, 16, 16, QLatin1Char('0')).toUpper();
}
} // namespace

QString queueArn(const QString &region, const QString &queue)
{
    return QStringLiteral("arn:aws:sqs:%1:%2:%3").arg(region, QLatin1String(kAccount), queue);
}

QString topicArn(const QString &region, const QString &topic)
{
    return QStringLiteral("arn:aws:sns:%1:%2:%3").arg(region, QLatin1String(kAccount), topic);
}

QString tableArn(const QString &region, const QString &table)
{
    return QStringLiteral("arn:aws:dynamodb:%1:%2:table/%3").arg(region, QLatin1String(kAccount), table);
}

QJsonObject sqs(const QString &region, const QString &queue, const QList<QueueMessage> &messages)
{
    QJsonArray records;
    for (const QueueMessage &m : messages) {
        const QString sent = QString::number(m.sent.toMSecsSinceEpoch());
        QJsonObject attributes{{QStringLiteral("ApproximateReceiveCount"), QString::number(m.receiveCount)},
                               {QStringLiteral("SentTimestamp"), sent},
                               {QStringLiteral("SenderId"), QLatin1String(kAccount)},
                               {QStringLiteral("ApproximateFirstReceiveTimestamp"), sent}};
        records.append(
            QJsonObject{{QStringLiteral("messageId"), m.id},
                        {QStringLiteral("receiptHandle"), m.receiptHandle},
                        {QStringLiteral("body"), QString::fromUtf8(m.body)},
                        {QStringLiteral("attributes"), attributes},
                        {QStringLiteral("messageAttributes"), m.attributes},
                        {QStringLiteral("md5OfBody"),
                         QString::fromLatin1(QCryptographicHash::hash(m.body, QCryptographicHash::Md5).toHex())},
                        {QStringLiteral("eventSource"), QStringLiteral("aws:sqs")},
                        {QStringLiteral("eventSourceARN"), queueArn(region, queue)},
                        {QStringLiteral("awsRegion"), region}});
    }
    return {{QStringLiteral("Records"), records}};
}

QJsonObject sns(const QString &region, const QString &topic, const QString &messageId, const QString &message,
                const QString &subject, const QDateTime &when, const QJsonObject &attributes)
{
    const QString arn = topicArn(region, topic);
    QJsonObject body{{QStringLiteral("Type"), QStringLiteral("Notification")},
                     {QStringLiteral("MessageId"), messageId},
                     {QStringLiteral("TopicArn"), arn},
                     {QStringLiteral("Subject"), subject.isEmpty() ? QJsonValue() : QJsonValue(subject)},
                     {QStringLiteral("Message"), message},
                     {QStringLiteral("Timestamp"), iso(when)},
                     {QStringLiteral("SignatureVersion"), QStringLiteral("1")},
                     {QStringLiteral("Signature"), QStringLiteral("local")},
                     {QStringLiteral("SigningCertUrl"), QString()},
                     {QStringLiteral("UnsubscribeUrl"), QString()},
                     {QStringLiteral("MessageAttributes"), attributes}};
    const QJsonObject record{{QStringLiteral("EventSource"), QStringLiteral("aws:sns")},
                             {QStringLiteral("EventVersion"), QStringLiteral("1.0")},
                             {QStringLiteral("EventSubscriptionArn"), arn + QLatin1Char(':') + uuid()},
                             {QStringLiteral("Sns"), body}};
    return {{QStringLiteral("Records"), QJsonArray{record}}};
}

QJsonObject s3(const QString &region, const QString &bucket, const StoredObject &object, const QString &eventName,
               qint64 sequence, const QDateTime &when)
{
    // Keys in S3 events are URL-encoded, spaces as '+'.
    QString key = QString::fromUtf8(QUrl::toPercentEncoding(object.key, "/"));
    key.replace(QLatin1String("%20"), QLatin1String("+"));
    QJsonObject s3Object{{QStringLiteral("key"), key}, {QStringLiteral("sequencer"), sequencer(sequence)}};
    if (eventName.startsWith(QLatin1String("ObjectCreated"))) {
        s3Object.insert(QStringLiteral("size"), object.size);
        s3Object.insert(QStringLiteral("eTag"), object.etag);
    }
    const QJsonObject record{
        {QStringLiteral("eventVersion"), QStringLiteral("2.1")},
        {QStringLiteral("eventSource"), QStringLiteral("aws:s3")},
        {QStringLiteral("awsRegion"), region},
        {QStringLiteral("eventTime"), iso(when)},
        {QStringLiteral("eventName"), eventName},
        {QStringLiteral("userIdentity"), QJsonObject{{QStringLiteral("principalId"), QStringLiteral("AWS:LOCAL")}}},
        {QStringLiteral("requestParameters"),
         QJsonObject{{QStringLiteral("sourceIPAddress"), QStringLiteral("127.0.0.1")}}},
        {QStringLiteral("responseElements"), QJsonObject{{QStringLiteral("x-amz-request-id"), uuid()},
                                                         {QStringLiteral("x-amz-id-2"), QStringLiteral("local")}}},
        {QStringLiteral("s3"),
         QJsonObject{{QStringLiteral("s3SchemaVersion"), QStringLiteral("1.0")},
                     {QStringLiteral("configurationId"), QStringLiteral("nimbus")},
                     {QStringLiteral("bucket"),
                      QJsonObject{{QStringLiteral("name"), bucket},
                                  {QStringLiteral("ownerIdentity"),
                                   QJsonObject{{QStringLiteral("principalId"), QStringLiteral("LOCAL")}}},
                                  {QStringLiteral("arn"), QStringLiteral("arn:aws:s3:::") + bucket}}},
                     {QStringLiteral("object"), s3Object}}}};
    return {{QStringLiteral("Records"), QJsonArray{record}}};
}

QJsonObject dynamodb(const QString &region, const QString &table, const QList<StreamRecord> &records,
                     const QString &viewType)
{
    QJsonArray list;
    const QString streamArn = tableArn(region, table) + QLatin1String("/stream/2027-01-01T00:00:00.000");
    for (const StreamRecord &r : records) {
        QJsonObject change{{QStringLiteral("ApproximateCreationDateTime"), double(r.when.toSecsSinceEpoch())},
                           {QStringLiteral("Keys"), r.keys},
                           {QStringLiteral("SequenceNumber"), QString::number(r.sequenceNumber * 100)},
                           {QStringLiteral("StreamViewType"), viewType}};
        const bool newImage = viewType == QLatin1String("NEW_IMAGE") || viewType == QLatin1String("NEW_AND_OLD_IMAGES");
        const bool oldImage = viewType == QLatin1String("OLD_IMAGE") || viewType == QLatin1String("NEW_AND_OLD_IMAGES");
        if (newImage && !r.newImage.isEmpty())
            change.insert(QStringLiteral("NewImage"), r.newImage);
        if (oldImage && !r.oldImage.isEmpty())
            change.insert(QStringLiteral("OldImage"), r.oldImage);
        change.insert(QStringLiteral("SizeBytes"),
                      QJsonDocument(r.newImage.isEmpty() ? r.keys : r.newImage).toJson(QJsonDocument::Compact).size());
        list.append(QJsonObject{{QStringLiteral("eventID"), uuid()},
                                {QStringLiteral("eventName"), r.eventName},
                                {QStringLiteral("eventVersion"), QStringLiteral("1.1")},
                                {QStringLiteral("eventSource"), QStringLiteral("aws:dynamodb")},
                                {QStringLiteral("awsRegion"), region},
                                {QStringLiteral("dynamodb"), change},
                                {QStringLiteral("eventSourceARN"), streamArn}});
    }
    return {{QStringLiteral("Records"), list}};
}

QJsonObject scheduled(const QString &region, const QString &rule, const QDateTime &when)
{
    return {{QStringLiteral("version"), QStringLiteral("0")},
            {QStringLiteral("id"), uuid()},
            {QStringLiteral("detail-type"), QStringLiteral("Scheduled Event")},
            {QStringLiteral("source"), QStringLiteral("aws.events")},
            {QStringLiteral("account"), QLatin1String(kAccount)},
            {QStringLiteral("time"), when.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("region"), region},
            {QStringLiteral("resources"),
             QJsonArray{QStringLiteral("arn:aws:events:%1:%2:rule/%3").arg(region, QLatin1String(kAccount), rule)}},
            {QStringLiteral("detail"), QJsonObject()}};
}

} // namespace Nimbus::CloudEvents
