// The local cloud's events have the fields of AWS's (the sample events of
// resources/events, after aws-sam-cli) and carry the real state they come from.

#include "cloud/cloudevents.h"
#include "runtime/eventtemplates.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Nimbus;

namespace {
// Every key path of an object, arrays by their first element: the event's shape.
QStringList shape(const QJsonValue &value, const QString &prefix = {})
{
    QStringList paths;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString path = prefix + QLatin1Char('/') + it.key();
            paths.append(path);
            // Item images and attribute maps are data, not shape.
            if (it.key() != QLatin1String("Keys") && it.key() != QLatin1String("NewImage")
                && it.key() != QLatin1String("OldImage") && it.key() != QLatin1String("messageAttributes"))
                paths += shape(it.value(), path);
        }
    } else if (value.isArray() && !value.toArray().isEmpty()) {
        paths += shape(value.toArray().first(), prefix + QLatin1String("[]"));
    }
    paths.sort();
    return paths;
}

QJsonObject sample(const QString &id, const QHash<QString, QString> &values = {})
{
    return QJsonDocument::fromJson(EventTemplates::builtin().generate(id, values).valueOr(QByteArray())).object();
}

QueueMessage message(const QByteArray &body, int receives)
{
    QueueMessage m;
    m.id = QStringLiteral("m-") + QString::fromLatin1(body);
    m.body = body;
    m.sent = QDateTime(QDate(2027, 1, 1), QTime(12, 0), Qt::UTC);
    m.receiveCount = receives;
    m.receiptHandle = QStringLiteral("r-") + QString::fromLatin1(body);
    return m;
}
} // namespace

class TestCloudEvents : public QObject
{
    Q_OBJECT

private slots:
    void sqsBatch();
    void snsMessage();
    void s3Object();
    void dynamodbViews_data();
    void dynamodbViews();
    void scheduled();
};

void TestCloudEvents::sqsBatch()
{
    const QJsonObject event = CloudEvents::sqs(QStringLiteral("us-east-1"), QStringLiteral("orders"),
                                               {message("a", 1), message("b", 2), message("c", 1)});
    QCOMPARE(shape(event), shape(sample(QStringLiteral("sqs"))));
    const QJsonArray records = event.value(QStringLiteral("Records")).toArray();
    QCOMPARE(records.size(), 3);
    const QJsonObject second = records.at(1).toObject();
    QCOMPARE(second.value(QStringLiteral("body")).toString(), QStringLiteral("b"));
    QCOMPARE(second.value(QStringLiteral("receiptHandle")).toString(), QStringLiteral("r-b"));
    QCOMPARE(second.value(QStringLiteral("attributes"))
                 .toObject()
                 .value(QStringLiteral("ApproximateReceiveCount"))
                 .toString(),
             QStringLiteral("2"));
    QCOMPARE(second.value(QStringLiteral("md5OfBody")).toString(),
             QString::fromLatin1(QCryptographicHash::hash("b", QCryptographicHash::Md5).toHex()));
    QCOMPARE(second.value(QStringLiteral("eventSourceARN")).toString(),
             QStringLiteral("arn:aws:sqs:us-east-1:000000000000:orders"));
}

void TestCloudEvents::snsMessage()
{
    const QDateTime when(QDate(2027, 1, 1), QTime(12, 0), Qt::UTC);
    const QJsonObject event = CloudEvents::sns(QStringLiteral("eu-west-1"), QStringLiteral("order-events"),
                                               QStringLiteral("id-1"), QStringLiteral("{\"order\":1}"),
                                               QStringLiteral("New order"), when);
    QCOMPARE(shape(event), shape(sample(QStringLiteral("sns"))));
    const QJsonObject sns =
        event.value(QStringLiteral("Records")).toArray().first().toObject().value(QStringLiteral("Sns")).toObject();
    QCOMPARE(sns.value(QStringLiteral("TopicArn")).toString(),
             QStringLiteral("arn:aws:sns:eu-west-1:000000000000:order-events"));
    QCOMPARE(sns.value(QStringLiteral("Message")).toString(), QStringLiteral("{\"order\":1}"));
    QCOMPARE(sns.value(QStringLiteral("Subject")).toString(), QStringLiteral("New order"));
    QCOMPARE(sns.value(QStringLiteral("Timestamp")).toString(), QStringLiteral("2027-01-01T12:00:00.000Z"));
}

void TestCloudEvents::s3Object()
{
    StoredObject object;
    object.key = QStringLiteral("uploads/my photo.jpg");
    object.size = 1234;
    object.etag = QStringLiteral("abc123");
    object.contentType = QStringLiteral("image/jpeg");
    const QDateTime when(QDate(2027, 1, 1), QTime(12, 0), Qt::UTC);
    const QJsonObject event = CloudEvents::s3(QStringLiteral("us-east-1"), QStringLiteral("images"), object,
                                              QStringLiteral("ObjectCreated:Put"), 7, when);
    QCOMPARE(shape(event), shape(sample(QStringLiteral("s3-put"))));
    const QJsonObject s3 =
        event.value(QStringLiteral("Records")).toArray().first().toObject().value(QStringLiteral("s3")).toObject();
    QCOMPARE(s3.value(QStringLiteral("object")).toObject().value(QStringLiteral("key")).toString(),
             QStringLiteral("uploads/my+photo.jpg"));
    QCOMPARE(s3.value(QStringLiteral("object")).toObject().value(QStringLiteral("size")).toInt(), 1234);
    QCOMPARE(s3.value(QStringLiteral("bucket")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("images"));
    // A deletion carries no size or ETag, as S3's does not.
    const QJsonObject removed = CloudEvents::s3(QStringLiteral("us-east-1"), QStringLiteral("images"), object,
                                                QStringLiteral("ObjectRemoved:Delete"), 8, when);
    const QJsonObject removedObject = removed.value(QStringLiteral("Records"))
                                          .toArray()
                                          .first()
                                          .toObject()
                                          .value(QStringLiteral("s3"))
                                          .toObject()
                                          .value(QStringLiteral("object"))
                                          .toObject();
    QVERIFY(!removedObject.contains(QStringLiteral("size")));
    QVERIFY(!removedObject.contains(QStringLiteral("eTag")));
}

void TestCloudEvents::dynamodbViews_data()
{
    QTest::addColumn<QString>("view");
    QTest::addColumn<bool>("hasNew");
    QTest::addColumn<bool>("hasOld");
    QTest::newRow("keys only") << "KEYS_ONLY" << false << false;
    QTest::newRow("new") << "NEW_IMAGE" << true << false;
    QTest::newRow("old") << "OLD_IMAGE" << false << true;
    QTest::newRow("both") << "NEW_AND_OLD_IMAGES" << true << true;
}

void TestCloudEvents::dynamodbViews()
{
    QFETCH(QString, view);
    QFETCH(bool, hasNew);
    QFETCH(bool, hasOld);
    StreamRecord record;
    record.eventName = QStringLiteral("MODIFY");
    record.keys = {{"id", QJsonObject{{"S", "1"}}}};
    record.newImage = {{"id", QJsonObject{{"S", "1"}}}, {"n", QJsonObject{{"N", "2"}}}};
    record.oldImage = {{"id", QJsonObject{{"S", "1"}}}, {"n", QJsonObject{{"N", "1"}}}};
    record.sequenceNumber = 5;
    record.when = QDateTime(QDate(2027, 1, 1), QTime(12, 0), Qt::UTC);
    const QJsonObject event = CloudEvents::dynamodb(QStringLiteral("us-east-1"), QStringLiteral("items"),
                                                    {record, record}, view);
    const QJsonArray records = event.value(QStringLiteral("Records")).toArray();
    QCOMPARE(records.size(), 2);
    const QJsonObject change = records.first().toObject().value(QStringLiteral("dynamodb")).toObject();
    QCOMPARE(change.contains(QStringLiteral("NewImage")), hasNew);
    QCOMPARE(change.contains(QStringLiteral("OldImage")), hasOld);
    QCOMPARE(change.value(QStringLiteral("StreamViewType")).toString(), view);
    if (view == QLatin1String("NEW_AND_OLD_IMAGES")) {
        QCOMPARE(shape(event), shape(sample(QStringLiteral("dynamodb-update"))));
        QCOMPARE(change.value(QStringLiteral("NewImage")).toObject(), record.newImage);
    }
}

void TestCloudEvents::scheduled()
{
    const QJsonObject event = CloudEvents::scheduled(QStringLiteral("us-east-1"), QStringLiteral("nightly"),
                                                     QDateTime(QDate(2027, 1, 2), QTime(2, 0), Qt::UTC));
    QCOMPARE(shape(event), shape(sample(QStringLiteral("eventbridge-scheduled"))));
    QCOMPARE(event.value(QStringLiteral("time")).toString(), QStringLiteral("2027-01-02T02:00:00Z"));
    QCOMPARE(event.value(QStringLiteral("resources")).toArray().first().toString(),
             QStringLiteral("arn:aws:events:us-east-1:000000000000:rule/nightly"));
}

QTEST_GUILESS_MAIN(TestCloudEvents)
#include "tst_cloudevents.moc"
