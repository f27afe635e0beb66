// Physical names (issue 23 item 7), the services' side: a queue, topic, table or bucket
// node with a physicalName property is served under that name only, and every name, URL
// and ARN the services answer is the physical one. Through the endpoint's requests on each
// protocol, and through Debian's boto3 (tests/runtime/sdk/physical_names.py).

#include "cloudfixture.h"

#include "cloud/awswire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QUrl>

#include <optional>

using namespace Nimbus;

namespace {

QByteArray signedFor(const char *service)
{
    return QByteArray("AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/") + service
           + "/aws4_request, SignedHeaders=host, Signature=00";
}

// The value at a path of keys and array indices ("Responses/players"), undefined when none.
QJsonValue pick(const QJsonObject &root, const QString &path)
{
    QJsonValue value = root;
    for (const QString &step : path.split(QLatin1Char('/'))) {
        bool index = false;
        const int i = step.toInt(&index);
        value = index ? value.toArray().at(i) : value.toObject().value(step);
    }
    return value;
}

QJsonObject S(const char *value)
{
    return {{QStringLiteral("S"), QLatin1String(value)}};
}

} // namespace

class TestPhysicalNames : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void tablesByTheirPhysicalName();
    void queuesByTheirPhysicalName();
    void topicsByTheirPhysicalName();
    void bucketsByTheirPhysicalName();
    void throttlingFindsTheNodeOfAPhysicalName();
    void boto3();

private:
    // A node of kind named name whose physicalName is physical (none when empty).
    NodeId add(const char *kind, const char *name, const char *physical);
    HttpResponseData send(const QString &method, const QString &path, const HttpHeaders &headers,
                          const QByteArray &body, const QByteArray &host = "127.0.0.1:4566");
    // A JSON-protocol call: its status and body.
    QPair<int, QJsonObject> json(const QByteArray &target, const QJsonObject &input);
    // A query-protocol call signed for service: its status and XML.
    QPair<int, QByteArray> query(const char *service, const QByteArray &form);

    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
};

NodeId TestPhysicalNames::add(const char *kind, const char *name, const char *physical)
{
    const NodeId id = mCloud->project.addNode(QLatin1String(kind), {}, QLatin1String(name)).valueOr(kInvalidNodeId);
    if (*physical)
        (void)mCloud->project.setNodeProperty(id, QStringLiteral("physicalName"), QLatin1String(physical));
    return id;
}

void TestPhysicalNames::init()
{
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    add("table", "Players", "players");
    add("table", "Scores", "");
    add("queue", "Jobs", "jobs-queue");
    const NodeId orders = add("queue", "Orders", "orders");
    (void)mCloud->project.setNodeProperty(orders, QStringLiteral("fifo"), true);
    add("topic", "Alerts", "alerts-topic");
    add("bucket", "Uploads", "my-uploads");
    const NodeId busy = add("table", "Busy", "busy-table");
    (void)mCloud->project.setNodeProperty(busy, QStringLiteral("faultThrottleRate"), 100);
    mCloud->endpoint = std::make_unique<AwsEndpoint>(*mCloud->cloud);
    QVERIFY2(mCloud->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(mCloud->error));
}

void TestPhysicalNames::cleanup()
{
    mCloud.reset();
}

HttpResponseData TestPhysicalNames::send(const QString &method, const QString &path, const HttpHeaders &headers,
                                         const QByteArray &body, const QByteArray &host)
{
    AwsRequest request;
    request.method = method;
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    request.path = question < 0 ? path : path.left(question);
    request.query = question < 0 ? QByteArray() : path.mid(question + 1).toUtf8();
    request.headers = headers;
    request.headers.append(qMakePair(QByteArray("host"), host));
    request.host = QString::fromLatin1(host.left(host.indexOf(':')));
    request.body = body;
    std::optional<HttpResponseData> answer;
    mCloud->endpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000))
        return {0, {}, {}, {}};
    return *answer;
}

QPair<int, QJsonObject> TestPhysicalNames::json(const QByteArray &target, const QJsonObject &input)
{
    const HttpResponseData answer = send(QStringLiteral("POST"), QStringLiteral("/"),
                                         {{"x-amz-target", target}, {"content-type", "application/x-amz-json-1.0"}},
                                         QJsonDocument(input).toJson(QJsonDocument::Compact));
    return {answer.status, QJsonDocument::fromJson(answer.body).object()};
}

QPair<int, QByteArray> TestPhysicalNames::query(const char *service, const QByteArray &form)
{
    const HttpResponseData answer = send(
        QStringLiteral("POST"), QStringLiteral("/"),
        {{"content-type", "application/x-www-form-urlencoded"}, {"authorization", signedFor(service)}}, form);
    return {answer.status, answer.body};
}

void TestPhysicalNames::tablesByTheirPhysicalName()
{
    const QJsonObject item{{QStringLiteral("id"), S("p1")}, {QStringLiteral("score"), QJsonObject{{"N", "7"}}}};
    auto put = json("DynamoDB_20120810.PutItem",
                    {{"TableName", "players"}, {"Item", item}, {"ReturnConsumedCapacity", "TOTAL"}});
    QCOMPARE(put.first, 200);
    QCOMPARE(pick(put.second, QStringLiteral("ConsumedCapacity/TableName")).toString(), QStringLiteral("players"));
    // Kept under the node, served under the physical name only.
    QCOMPARE(mCloud->cloud->state().scan(QStringLiteral("Players")).size(), 1);
    const auto byNodeName = json("DynamoDB_20120810.GetItem",
                                 {{"TableName", "Players"}, {"Key", QJsonObject{{"id", S("p1")}}}});
    QCOMPARE(byNodeName.first, 400);
    QVERIFY(pick(byNodeName.second, QStringLiteral("__type"))
                .toString()
                .endsWith(QLatin1String("ResourceNotFoundException")));
    const auto described = json("DynamoDB_20120810.DescribeTable", {{"TableName", "players"}});
    QCOMPARE(pick(described.second, QStringLiteral("Table/TableName")).toString(), QStringLiteral("players"));
    QVERIFY(
        pick(described.second, QStringLiteral("Table/TableArn")).toString().endsWith(QLatin1String(":table/players")));
    // By its ARN too.
    const auto byArn = json("DynamoDB_20120810.DescribeTable",
                            {{"TableName", pick(described.second, QStringLiteral("Table/TableArn")).toString()}});
    QCOMPARE(byArn.first, 200);
    const QJsonArray names =
        json("DynamoDB_20120810.ListTables", {}).second.value(QLatin1String("TableNames")).toArray();
    QVERIFY(names.contains(QStringLiteral("players")));
    QVERIFY(names.contains(QStringLiteral("Scores")));
    QVERIFY(!names.contains(QStringLiteral("Players")));
    // Batches, transactions and PartiQL name it as AWS does.
    const auto batch = json(
        "DynamoDB_20120810.BatchGetItem",
        {{"RequestItems", QJsonObject{{"players", QJsonObject{{"Keys", QJsonArray{QJsonObject{{"id", S("p1")}}}}}}}}});
    QCOMPARE(batch.first, 200);
    QCOMPARE(pick(batch.second, QStringLiteral("Responses/players")).toArray().size(), 1);
    const auto transaction = json(
        "DynamoDB_20120810.TransactGetItems",
        {{"TransactItems", QJsonArray{QJsonObject{{"Get", QJsonObject{{"TableName", "players"},
                                                                      {"Key", QJsonObject{{"id", S("p1")}}}}}}}}});
    QCOMPARE(transaction.first, 200);
    QCOMPARE(pick(transaction.second, QStringLiteral("Responses/0/Item/score/N")).toString(), QStringLiteral("7"));
    const auto select = json("DynamoDB_20120810.ExecuteStatement",
                             {{"Statement", "SELECT * FROM \"players\" WHERE id = 'p1'"}});
    QCOMPARE(select.first, 200);
    QCOMPARE(pick(select.second, QStringLiteral("Items")).toArray().size(), 1);
    const auto selectNode = json("DynamoDB_20120810.ExecuteStatement", {{"Statement", "SELECT * FROM \"Players\""}});
    QVERIFY(pick(selectNode.second, QStringLiteral("__type"))
                .toString()
                .endsWith(QLatin1String("ResourceNotFoundException")));
}

void TestPhysicalNames::queuesByTheirPhysicalName()
{
    auto url = json("AmazonSQS.GetQueueUrl", {{"QueueName", "jobs-queue"}});
    QCOMPARE(url.first, 200);
    const QString queueUrl = pick(url.second, QStringLiteral("QueueUrl")).toString();
    QVERIFY2(queueUrl.endsWith(QLatin1String("/000000000000/jobs-queue")), qPrintable(queueUrl));
    QCOMPARE(json("AmazonSQS.GetQueueUrl", {{"QueueName", "Jobs"}}).first, 400);
    QCOMPARE(json("AmazonSQS.SendMessage", {{"QueueUrl", queueUrl}, {"MessageBody", "hello"}}).first, 200);
    QCOMPARE(mCloud->cloud->state().messages(QStringLiteral("Jobs")).size(), 1);
    const QString byNodeName = queueUrl.chopped(10) + QStringLiteral("Jobs");
    QCOMPARE(json("AmazonSQS.SendMessage", {{"QueueUrl", byNodeName}, {"MessageBody", "x"}}).first, 400);
    const QJsonObject attributes = json("AmazonSQS.GetQueueAttributes",
                                        {{"QueueUrl", queueUrl}, {"AttributeNames", QJsonArray{"All"}}})
                                       .second.value(QLatin1String("Attributes"))
                                       .toObject();
    QVERIFY(attributes.value(QLatin1String("QueueArn")).toString().endsWith(QLatin1String(":jobs-queue")));
    QCOMPARE(
        json("AmazonSQS.CreateQueue", {{"QueueName", "jobs-queue"}}).second.value(QLatin1String("QueueUrl")).toString(),
        queueUrl);
    // ListQueues names each queue and dead-letter queue as SQS knows it; the query protocol too.
    QStringList names;
    for (const QJsonValue &v : json("AmazonSQS.ListQueues", {}).second.value(QLatin1String("QueueUrls")).toArray())
        names.append(v.toString().section(QLatin1Char('/'), -1));
    names.sort();
    QCOMPARE(names, QStringList({"jobs-queue", "jobs-queue-dlq", "orders-dlq.fifo", "orders.fifo"}));
    const auto listed = query("sqs", "Action=ListQueues");
    QVERIFY(listed.second.contains("/jobs-queue</QueueUrl>"));
    QVERIFY(!listed.second.contains("/Jobs<"));
    // A FIFO queue's physical name takes .fifo as its node name did.
    QCOMPARE(json("AmazonSQS.GetQueueUrl", {{"QueueName", "orders.fifo"}}).first, 200);
    QCOMPARE(json("AmazonSQS.GetQueueUrl", {{"QueueName", "orders"}}).first, 400);
    QCOMPARE(json("AmazonSQS.GetQueueUrl", {{"QueueName", "Orders.fifo"}}).first, 400);
    QCOMPARE(json("AmazonSQS.GetQueueUrl", {{"QueueName", "jobs-queue-dlq"}}).first, 200);
}

void TestPhysicalNames::topicsByTheirPhysicalName()
{
    const auto created = query("sns", "Action=CreateTopic&Name=alerts-topic");
    QCOMPARE(created.first, 200);
    QVERIFY2(created.second.contains(":alerts-topic</TopicArn>"), created.second.constData());
    const QByteArray arn = "arn:aws:sns:us-east-1:000000000000:alerts-topic";
    QCOMPARE(
        query("sns", "Action=Publish&Message=hi&TopicArn=" + QUrl::toPercentEncoding(QString::fromLatin1(arn))).first,
        200);
    QCOMPARE(query("sns", "Action=Publish&Message=hi&TopicArn="
                              + QUrl::toPercentEncoding(QStringLiteral("arn:aws:sns:us-east-1:000000000000:Alerts")))
                 .first,
             404);
    // The node's name is no topic's name on AWS: CreateTopic of it makes another topic, for
    // the run (made by code), beside the design's.
    QVERIFY(!query("sns", "Action=ListTopics").second.contains(":Alerts<"));
    const auto other = query("sns", "Action=CreateTopic&Name=Alerts");
    QCOMPARE(other.first, 200);
    QVERIFY2(other.second.contains(":Alerts</TopicArn>"), other.second.constData());
    QCOMPARE(mCloud->cloud->madeResources().size(), 1);
    QVERIFY(mCloud->cloud->madeResources().first().node != QLatin1String("Alerts"));
    const auto topics = query("sns", "Action=ListTopics");
    QVERIFY(topics.second.contains(":alerts-topic</TopicArn>"));
    QVERIFY(topics.second.contains(":Alerts</TopicArn>"));
    // A queue subscribes by its physical ARN.
    const auto subscribed = query(
        "sns",
        "Action=Subscribe&Protocol=sqs&TopicArn=" + QUrl::toPercentEncoding(QString::fromLatin1(arn))
            + "&Endpoint=" + QUrl::toPercentEncoding(QStringLiteral("arn:aws:sqs:us-east-1:000000000000:jobs-queue")));
    QVERIFY2(subscribed.first == 200, subscribed.second.constData());
    QCOMPARE(query("sns", "Action=Subscribe&Protocol=sqs&TopicArn=" + QUrl::toPercentEncoding(QString::fromLatin1(arn))
                              + "&Endpoint="
                              + QUrl::toPercentEncoding(QStringLiteral("arn:aws:sqs:us-east-1:000000000000:Jobs")))
                 .first,
             400);
}

void TestPhysicalNames::bucketsByTheirPhysicalName()
{
    QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/my-uploads/a.txt"), {}, "data").status, 200);
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/my-uploads/a.txt"), {}, {}).body, QByteArray("data"));
    const HttpResponseData byNodeName = send(QStringLiteral("GET"), QStringLiteral("/Uploads/a.txt"), {}, {});
    QCOMPARE(byNodeName.status, 404);
    QVERIFY(byNodeName.body.contains("<Code>NoSuchBucket</Code>"));
    // Virtual-hosted style names it in the host.
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/a.txt"), {}, {}, "my-uploads.s3.localhost:4566").body,
             QByteArray("data"));
    const QByteArray buckets = send(QStringLiteral("GET"), QStringLiteral("/"), {}, {}).body;
    QVERIFY(buckets.contains("<Name>my-uploads</Name>"));
    QVERIFY(!buckets.contains("<Name>Uploads</Name>"));
    QVERIFY(send(QStringLiteral("GET"), QStringLiteral("/my-uploads?list-type=2"), {}, {})
                .body.contains("<Name>my-uploads</Name>"));
    const HttpResponseData upload = send(QStringLiteral("POST"), QStringLiteral("/my-uploads/big.bin?uploads"), {}, {});
    QVERIFY2(upload.body.contains("<Bucket>my-uploads</Bucket>"), upload.body.constData());
    // A copy names its source by the physical name.
    QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/my-uploads/b.txt"),
                  {{"x-amz-copy-source", "/my-uploads/a.txt"}}, {})
                 .status,
             200);
    QCOMPARE(
        send(QStringLiteral("PUT"), QStringLiteral("/my-uploads/c.txt"), {{"x-amz-copy-source", "/Uploads/a.txt"}}, {})
            .status,
        404);
}

void TestPhysicalNames::throttlingFindsTheNodeOfAPhysicalName()
{
    // The node's Chaos settings apply to the requests naming its physical name.
    const auto put = json("DynamoDB_20120810.PutItem",
                          {{"TableName", "busy-table"}, {"Item", QJsonObject{{"id", S("x")}}}});
    QCOMPARE(put.first, 400);
    QVERIFY2(pick(put.second, QStringLiteral("__type")).toString().contains(QLatin1String("Throughput")),
             qPrintable(pick(put.second, QStringLiteral("__type")).toString()));
}

void TestPhysicalNames::boto3()
{
    NimbusTest::LocalCloudFixture &f = *mCloud;
    f.endpoint = std::make_unique<AwsEndpoint>(*f.cloud);
    QVERIFY(f.endpoint->listen(QHostAddress::LocalHost, 0));
    QProcess client;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NIMBUS_AWS_ENDPOINT"), f.endpoint->url());
    client.setProcessEnvironment(env);
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/physical_names.py")});
    QVERIFY(client.waitForStarted());
    // The endpoint answers on this thread: keep the event loop turning while it runs.
    QVERIFY(QTest::qWaitFor([&] { return client.state() == QProcess::NotRunning; }, 180000));
    const QByteArray output = client.readAll();
    QVERIFY2(client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0, output.constData());
}

QTEST_MAIN(TestPhysicalNames)
#include "tst_physicalnames.moc"
