// SQS's queue attributes, SetQueueAttributes, tags and refused characters (issue 23 item 3):
// every attribute GetQueueAttributes answers as SQS does, what SetQueueAttributes sets for
// the run applying to the SDKs' sends and receives, TagQueue/UntagQueue/ListQueueTags, and
// bodies with characters outside XML's refused with InvalidMessageContents, on both of SQS's
// protocols and through Debian's boto3 (tests/runtime/sdk/sqs_attributes.py).

#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QUrl>

#include <optional>

using namespace Nimbus;

namespace {

const QString kQueue = QStringLiteral("http://127.0.0.1:4566/000000000000/jobs");

} // namespace

class TestSqsAttributes : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyAttributeAsSqsAnswersIt();
    void setForTheRun();
    void refusedSettings_data();
    void refusedSettings();
    void tagsOnBothProtocols();
    void invalidCharacters_data();
    void invalidCharacters();
    void boto3();

private:
    HttpResponseData send(const QByteArray &contentType, const QByteArray &target, const QByteArray &body);
    // A JSON-protocol call: its status and body.
    QPair<int, QJsonObject> json(const char *operation, QJsonObject input);
    QJsonObject attributes();

    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
};

void TestSqsAttributes::init()
{
    // Queue jobs: visibility 30 s, maxReceiveCount 2, no consumer.
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mCloud->startAwsProject(), qPrintable(mCloud->error));
}

void TestSqsAttributes::cleanup()
{
    mCloud.reset();
}

HttpResponseData TestSqsAttributes::send(const QByteArray &contentType, const QByteArray &target,
                                         const QByteArray &body)
{
    AwsRequest request;
    request.method = QStringLiteral("POST");
    request.path = QStringLiteral("/");
    request.headers = {{"content-type", contentType}, {"host", "127.0.0.1:4566"}};
    if (!target.isEmpty())
        request.headers.append(qMakePair(QByteArray("x-amz-target"), target));
    request.host = QStringLiteral("127.0.0.1");
    request.body = body;
    std::optional<HttpResponseData> answer;
    mCloud->endpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000))
        return {0, {}, {}, {}};
    return *answer;
}

QPair<int, QJsonObject> TestSqsAttributes::json(const char *operation, QJsonObject input)
{
    if (!input.contains(QLatin1String("QueueUrl")))
        input.insert(QStringLiteral("QueueUrl"), kQueue);
    const HttpResponseData answer = send("application/x-amz-json-1.0", QByteArray("AmazonSQS.") + operation,
                                         QJsonDocument(input).toJson(QJsonDocument::Compact));
    return {answer.status, QJsonDocument::fromJson(answer.body).object()};
}

QJsonObject TestSqsAttributes::attributes()
{
    return json("GetQueueAttributes", {{"AttributeNames", QJsonArray{"All"}}})
        .second.value(QLatin1String("Attributes"))
        .toObject();
}

void TestSqsAttributes::everyAttributeAsSqsAnswersIt()
{
    QCOMPARE(json("SendMessage", {{"MessageBody", "one"}}).first, 200);
    QCOMPARE(json("SendMessage", {{"MessageBody", "later"}, {"DelaySeconds", 60}}).first, 200);
    const QJsonObject all = attributes();
    QCOMPARE(all.value(QLatin1String("VisibilityTimeout")).toString(), QStringLiteral("30"));
    QCOMPARE(all.value(QLatin1String("MessageRetentionPeriod")).toString(), QStringLiteral("345600"));
    QCOMPARE(all.value(QLatin1String("DelaySeconds")).toString(), QStringLiteral("0"));
    QCOMPARE(all.value(QLatin1String("MaximumMessageSize")).toString(), QStringLiteral("262144"));
    QCOMPARE(all.value(QLatin1String("ReceiveMessageWaitTimeSeconds")).toString(), QStringLiteral("0"));
    QCOMPARE(all.value(QLatin1String("SqsManagedSseEnabled")).toString(), QStringLiteral("true"));
    QCOMPARE(all.value(QLatin1String("ApproximateNumberOfMessages")).toString(), QStringLiteral("1"));
    QCOMPARE(all.value(QLatin1String("ApproximateNumberOfMessagesDelayed")).toString(), QStringLiteral("1"));
    QCOMPARE(all.value(QLatin1String("ApproximateNumberOfMessagesNotVisible")).toString(), QStringLiteral("0"));
    QVERIFY(all.value(QLatin1String("QueueArn")).toString().endsWith(QLatin1String(":jobs")));
    const QJsonObject redrive =
        QJsonDocument::fromJson(all.value(QLatin1String("RedrivePolicy")).toString().toUtf8()).object();
    QCOMPARE(redrive.value(QLatin1String("maxReceiveCount")).toInt(), 2);
    QVERIFY(redrive.value(QLatin1String("deadLetterTargetArn")).toString().endsWith(QLatin1String(":jobs-dlq")));
    const qint64 created = all.value(QLatin1String("CreatedTimestamp")).toString().toLongLong();
    QVERIFY(qAbs(created - QDateTime::currentSecsSinceEpoch()) < 3600);
    QCOMPARE(all.value(QLatin1String("LastModifiedTimestamp")).toString().toLongLong(), created);
    QVERIFY(!all.contains(QLatin1String("FifoQueue")));
    // The dead-letter queue keeps messages 14 days and has no redrive of its own.
    const QJsonObject dead = json("GetQueueAttributes", {{"QueueUrl", kQueue + QStringLiteral("-dlq")},
                                                         {"AttributeNames", QJsonArray{"All"}}})
                                 .second.value(QLatin1String("Attributes"))
                                 .toObject();
    QCOMPARE(dead.value(QLatin1String("MessageRetentionPeriod")).toString(), QStringLiteral("1209600"));
    QVERIFY(!dead.contains(QLatin1String("RedrivePolicy")));
    // Named ones only; an unknown name is refused as SQS refuses it.
    const auto one = json("GetQueueAttributes", {{"AttributeNames", QJsonArray{"VisibilityTimeout"}}});
    QCOMPARE(one.second.value(QLatin1String("Attributes")).toObject().keys(), QStringList{"VisibilityTimeout"});
    const auto unknown = json("GetQueueAttributes", {{"AttributeNames", QJsonArray{"Frobnicate"}}});
    QCOMPARE(unknown.first, 400);
    QVERIFY(unknown.second.value(QLatin1String("__type")).toString().endsWith(QLatin1String("InvalidAttributeName")));
}

void TestSqsAttributes::setForTheRun()
{
    QCOMPARE(json("SetQueueAttributes", {{"Attributes", QJsonObject{{"VisibilityTimeout", "0"},
                                                                    {"DelaySeconds", "0"},
                                                                    {"ReceiveMessageWaitTimeSeconds", "2"},
                                                                    {"MaximumMessageSize", "1024"},
                                                                    {"MessageRetentionPeriod", "600"},
                                                                    {"Policy", "{\"Version\":\"2012-10-17\"}"}}}})
                 .first,
             200);
    const QJsonObject all = attributes();
    QCOMPARE(all.value(QLatin1String("VisibilityTimeout")).toString(), QStringLiteral("0"));
    QCOMPARE(all.value(QLatin1String("MessageRetentionPeriod")).toString(), QStringLiteral("600"));
    QCOMPARE(all.value(QLatin1String("Policy")).toString(), QStringLiteral("{\"Version\":\"2012-10-17\"}"));
    QVERIFY(all.value(QLatin1String("LastModifiedTimestamp")).toString().toLongLong()
            >= all.value(QLatin1String("CreatedTimestamp")).toString().toLongLong());
    // A visibility of 0: a received message is visible again at once.
    QCOMPARE(json("SendMessage", {{"MessageBody", "again"}}).first, 200);
    const QString first = json("ReceiveMessage", {}).second.value(QLatin1String("Messages"))[0]["MessageId"].toString();
    const QString second =
        json("ReceiveMessage", {}).second.value(QLatin1String("Messages"))[0]["MessageId"].toString();
    QVERIFY(!first.isEmpty());
    QCOMPARE(second, first);
    // The queue's MaximumMessageSize holds a send to it.
    const auto large = json("SendMessage", {{"MessageBody", QString(2000, QLatin1Char('x'))}});
    QCOMPARE(large.first, 400);
    QVERIFY(large.second.value(QLatin1String("message")).toString().contains(QLatin1String("1024 bytes")));
    // A visibility of 60 hides it (a new message: that one was received twice, the queue's
    // maxReceiveCount, and goes to the dead-letter queue on the next receive).
    QCOMPARE(json("SetQueueAttributes", {{"Attributes", QJsonObject{{"VisibilityTimeout", "60"}}}}).first, 200);
    QCOMPARE(json("SendMessage", {{"MessageBody", "hidden"}}).first, 200);
    QVERIFY(!json("ReceiveMessage", {}).second.value(QLatin1String("Messages")).toArray().isEmpty());
    QVERIFY(json("ReceiveMessage", {}).second.value(QLatin1String("Messages")).toArray().isEmpty());
}

void TestSqsAttributes::refusedSettings_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");
    QTest::newRow("visibility too long") << "VisibilityTimeout"
                                         << "43201"
                                         << "InvalidAttributeValue";
    QTest::newRow("visibility not a number") << "VisibilityTimeout"
                                             << "soon"
                                             << "InvalidAttributeValue";
    QTest::newRow("retention too short") << "MessageRetentionPeriod"
                                         << "59"
                                         << "InvalidAttributeValue";
    QTest::newRow("delay too long") << "DelaySeconds"
                                    << "901"
                                    << "InvalidAttributeValue";
    QTest::newRow("wait too long") << "ReceiveMessageWaitTimeSeconds"
                                   << "21"
                                   << "InvalidAttributeValue";
    QTest::newRow("size too small") << "MaximumMessageSize"
                                    << "1023"
                                    << "InvalidAttributeValue";
    QTest::newRow("redrive without target") << "RedrivePolicy"
                                            << "{\"maxReceiveCount\":3}"
                                            << "InvalidAttributeValue";
    QTest::newRow("policy not JSON") << "Policy"
                                     << "{"
                                     << "InvalidAttributeValue";
    QTest::newRow("unknown") << "Frobnicate"
                             << "1"
                             << "InvalidAttributeName";
    QTest::newRow("FIFO's on a standard queue") << "ContentBasedDeduplication"
                                                << "true"
                                                << "InvalidAttributeName";
    QTest::newRow("FifoQueue cannot change") << "FifoQueue"
                                             << "true"
                                             << "InvalidAttributeName";
}

void TestSqsAttributes::refusedSettings()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, code);
    QJsonObject before = attributes();
    const auto refused = json("SetQueueAttributes", {{"Attributes", QJsonObject{{name, value}}}});
    QCOMPARE(refused.first, 400);
    QVERIFY2(refused.second.value(QLatin1String("__type")).toString().endsWith(code),
             QJsonDocument(refused.second).toJson().constData());
    // Nothing of the request is kept.
    QJsonObject after = attributes();
    for (const QString &counted : {QStringLiteral("CreatedTimestamp"), QStringLiteral("LastModifiedTimestamp")})
        QCOMPARE(after.take(counted), before.take(counted));
    QCOMPARE(after, before);
}

void TestSqsAttributes::tagsOnBothProtocols()
{
    QCOMPARE(json("TagQueue", {{"Tags", QJsonObject{{"team", "orders"}, {"stage", "dev"}}}}).first, 200);
    QCOMPARE(json("ListQueueTags", {}).second.value(QLatin1String("Tags")).toObject(),
             QJsonObject({{"team", "orders"}, {"stage", "dev"}}));
    const QByteArray form = "application/x-www-form-urlencoded";
    const QByteArray queue = "&QueueUrl=" + QUrl::toPercentEncoding(kQueue);
    QCOMPARE(send(form, {}, "Action=UntagQueue&TagKey.1=stage" + queue).status, 200);
    QCOMPARE(send(form, {}, "Action=TagQueue&Tag.1.Key=owner&Tag.1.Value=me" + queue).status, 200);
    const QByteArray listed = send(form, {}, "Action=ListQueueTags" + queue).body;
    QVERIFY2(listed.contains("<Tag><Key>owner</Key><Value>me</Value></Tag>"), listed.constData());
    QVERIFY(listed.contains("<Tag><Key>team</Key><Value>orders</Value></Tag>"));
    QVERIFY(!listed.contains("stage"));
    // DeleteQueue forgets them with the run's settings.
    QCOMPARE(json("DeleteQueue", {}).first, 200);
    QCOMPARE(json("CreateQueue", {{"QueueName", "jobs"}}).first, 200);
    QVERIFY(json("ListQueueTags", {}).second.value(QLatin1String("Tags")).toObject().isEmpty());
}

void TestSqsAttributes::invalidCharacters_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("refused"); // SQS's name of the character, empty when accepted
    QTest::addColumn<bool>("formRefused");
    QTest::newRow("NUL") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << "#x0" << true;
    QTest::newRow("escape") << QStringLiteral("\x1b[0m") << "#x1B" << true;
    // A form is decoded as UTF-8 by Qt, which reads the noncharacter U+FFFE as U+FFFD (one
    // SQS takes); JSON carries it as it is.
    QTest::newRow("U+FFFE") << QStringLiteral("a") + QChar(0xFFFE) << "#xFFFE" << false;
    QTest::newRow("tab, newline, carriage return") << QStringLiteral("a\tb\nc\rd") << "" << false;
    QTest::newRow("beyond the BMP") << QString::fromUcs4(U"party \U0001F389") << "" << false;
}

void TestSqsAttributes::invalidCharacters()
{
    QFETCH(QString, body);
    QFETCH(QString, refused);
    QFETCH(bool, formRefused);
    const auto sent = json("SendMessage", {{"MessageBody", body}});
    QCOMPARE(sent.first, refused.isEmpty() ? 200 : 400);
    if (!refused.isEmpty()) {
        QVERIFY(
            sent.second.value(QLatin1String("__type")).toString().endsWith(QLatin1String("InvalidMessageContents")));
        QVERIFY2(sent.second.value(QLatin1String("message")).toString().contains(u'\'' + refused + u'\''),
                 qPrintable(sent.second.value(QLatin1String("message")).toString()));
    }
    // The query protocol's form, and a batch entry.
    const HttpResponseData form = send("application/x-www-form-urlencoded", {},
                                       "Action=SendMessage&QueueUrl=" + QUrl::toPercentEncoding(kQueue)
                                           + "&MessageBody=" + QUrl::toPercentEncoding(body));
    QCOMPARE(form.status, formRefused ? 400 : 200);
    QCOMPARE(form.body.contains("<Code>InvalidMessageContents</Code>"), formRefused);
    const auto batch = json("SendMessageBatch",
                            {{"Entries", QJsonArray{QJsonObject{{"Id", "a"}, {"MessageBody", body}}}}});
    QCOMPARE(batch.second.value(QLatin1String("Failed")).toArray().size(), refused.isEmpty() ? 0 : 1);
    QCOMPARE(mCloud->cloud->state().messages(QStringLiteral("jobs")).size(),
             (refused.isEmpty() ? 2 : 0) + (formRefused ? 0 : 1));
}

void TestSqsAttributes::boto3()
{
    NimbusTest::LocalCloudFixture &f = *mCloud;
    QVERIFY(f.endpoint->listen(QHostAddress::LocalHost, 0));
    QProcess client;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NIMBUS_AWS_ENDPOINT"), f.endpoint->url());
    client.setProcessEnvironment(env);
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/sqs_attributes.py")});
    QVERIFY(client.waitForStarted());
    // The endpoint answers on this thread: keep the event loop turning while it runs.
    QVERIFY(QTest::qWaitFor([&] { return client.state() == QProcess::NotRunning; }, 180000));
    const QByteArray output = client.readAll();
    QVERIFY2(client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0, output.constData());
}

QTEST_MAIN(TestSqsAttributes)
#include "tst_sqsattributes.moc"
