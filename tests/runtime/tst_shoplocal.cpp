// The bundled shop example end to end on the local cloud, with its handlers exactly as
// written for Lambda (AWS SDK for JavaScript v3 and boto3): HTTP through the gateway,
// the queue, the tables, the buckets, the topic, the event bus and its rule, the schedule
// on the cloud's virtual clock, and a failed asynchronous invocation's destination, every
// hop logged.

#include "cloud/virtualclock.h"
#include "cloudfixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

class TestShopLocal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void itemWrittenBySdkIsServed();
    void orderFlowsThroughTheDesign();
    void badOrdersAreRefused_data();
    void badOrdersAreRefused();
    void uploadedImageIsDescribed();
    void nightlyReportIsWritten();
    void bigOrdersGoToReview_data();
    void bigOrdersGoToReview();
    // These move the cloud's clock: last.
    void failedNotificationGoesToItsDestination();
    void nightlyJobRunsWhenTheClockPassesTwo();

private:
    QString placeOrder(const QString &email, double unitPrice);
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QNetworkReply *reply = nullptr;
        QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
        QHash<QByteArray, QByteArray> headers;
    };
    Answer request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
    QList<CloudLogEntry> entries(CloudLogEntry::Kind kind, const QString &target) const
    {
        return mLocal->entries(kind, target);
    }
    bool waitForInvocation(const QString &function, int count)
    {
        return mLocal->waitForInvocations(function, count, 60000);
    }
    void runNode(const QString &script);

    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
    LocalCloud *mCloud = nullptr;
    GatewayServer *mGateway = nullptr;
    AwsEndpoint *mEndpoint = nullptr;
    QNetworkAccessManager mNetwork;
};

void TestShopLocal::initTestCase()
{
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(
        mLocal->loadCopy(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/examples/shop"), QStringLiteral("shop.json")),
        qPrintable(mLocal->error));
    QVERIFY2(mLocal->start(), qPrintable(mLocal->error));
    mCloud = mLocal->cloud.get();
    mGateway = mLocal->gateway.get();
    mEndpoint = mLocal->endpoint.get();
    mNetwork.setProxy(QNetworkProxy::NoProxy);
}

void TestShopLocal::cleanupTestCase()
{
    mGateway = nullptr;
    mEndpoint = nullptr;
    mCloud = nullptr;
    mLocal.reset();
}

TestShopLocal::Answer TestShopLocal::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                             const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(mGateway->url() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = mNetwork.sendCustomRequest(request, method, body);
    Answer answer;
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 60000))
        return answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        answer.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return answer;
}

void TestShopLocal::runNode(const QString &script)
{
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("AWS_ENDPOINT_URL"), mEndpoint->url());
    env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("local"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("local"));
    env.insert(QStringLiteral("NODE_PATH"),
               qEnvironmentVariable("NIMBUS_DATA_DIR") + QStringLiteral("/runtime/sdk/node_modules"));
    env.insert(QStringLiteral("AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"), QStringLiteral("true"));
    node.setProcessEnvironment(env);
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.start(QStringLiteral("node"), {QStringLiteral("-e"), script});
    QVERIFY(node.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 60000));
    QVERIFY2(node.exitCode() == 0, node.readAll().constData());
}

void TestShopLocal::itemWrittenBySdkIsServed()
{
    // A PutItem from the SDK, then GET /items/{id} through the gateway and getItem.
    runNode(QStringLiteral(R"(
        const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");
        new DynamoDBClient({}).send(new PutItemCommand({ TableName: "items", Item: {
            id: { S: "42" }, name: { S: "Teapot" }, price: { N: "19.90" }, version: { N: "3" } } }))
            .catch((e) => { console.error(e); process.exit(1); });)"));
    const Answer item = request("GET", QStringLiteral("/items/42"));
    QCOMPARE(item.status, 200);
    QCOMPARE(QJsonDocument::fromJson(item.body).object(),
             QJsonObject({{"id", "42"}, {"name", "Teapot"}, {"price", 19.9}, {"version", 3}}));
    QCOMPARE(item.header("etag"), QByteArray("\"3\""));
    QCOMPARE(request("GET", QStringLiteral("/items/42"), {}, {{"If-None-Match", "\"3\""}}).status, 304);
    QCOMPARE(request("GET", QStringLiteral("/items/43")).status, 404);
    QCOMPARE(request("GET", QStringLiteral("/items/not%20valid")).status, 400);
    // Each request is one hop, from the route to the function.
    const auto hops = entries(CloudLogEntry::Kind::Invocation, QStringLiteral("getItem"));
    QCOMPARE(hops.size(), 4);
    QCOMPARE(hops.first().source, QStringLiteral("GET /items/42"));
}

void TestShopLocal::orderFlowsThroughTheDesign()
{
    const QByteArray order = R"({"customerId":"c-1","email":"ada@example.org",
                                 "items":[{"itemId":"42","quantity":2,"unitPrice":19.9},{"itemId":"7","quantity":1,"unitPrice":5}]})";
    const Answer accepted = request("POST", QStringLiteral("/orders"), order);
    QCOMPARE(accepted.status, 202);
    const QString orderId = QJsonDocument::fromJson(accepted.body).object().value("orderId").toString();
    QVERIFY(!orderId.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(accepted.body).object().value("total").toDouble(), 44.8);
    // createOrder -> orders-queue -> processOrder -> orders, receipts, order-events -> notifyCustomer
    QVERIFY(waitForInvocation(QStringLiteral("notifyCustomer"), 1));
    const auto stored = mCloud->state()
                            .getItem(QStringLiteral("orders"), mCloud->tableKeys(QStringLiteral("orders")),
                                     QJsonObject{{"orderId", QJsonObject{{"S", orderId}}}})
                            .valueOr(std::nullopt);
    QVERIFY(stored);
    QCOMPARE(stored->value("status").toObject().value("S").toString(), QStringLiteral("received"));
    QCOMPARE(stored->value("total").toObject().value("N").toString(), QStringLiteral("44.8"));
    QCOMPARE(stored->value("items").toObject().value("L").toArray().size(), 2);
    const auto receipt = mCloud->state().getObject(QStringLiteral("receipts"),
                                                   QStringLiteral("receipts/%1.txt").arg(orderId));
    QVERIFY(receipt);
    QVERIFY2(receipt->startsWith("Receipt for order " + orderId.toUtf8()), receipt->constData());
    QVERIFY(receipt->contains("44.80"));
    // The chain, hop by hop, each caused by the one before.
    const CloudLogEntry notify = entries(CloudLogEntry::Kind::Invocation, QStringLiteral("notifyCustomer")).first();
    QVERIFY(notify.ok);
    QStringList chain;
    for (qint64 id = notify.id; id;) {
        const auto it = std::find_if(mCloud->log().cbegin(), mCloud->log().cend(),
                                     [id](const CloudLogEntry &e) { return e.id == id; });
        QVERIFY(it != mCloud->log().cend());
        chain.prepend(it->target);
        id = it->cause;
    }
    QCOMPARE(chain, QStringList({"createOrder", "orders-queue", "processOrder", "order-events", "notifyCustomer"}));
    QCOMPARE(entries(CloudLogEntry::Kind::ServiceChange, QStringLiteral("orders")).first().source,
             QStringLiteral("processOrder"));
    QCOMPARE(entries(CloudLogEntry::Kind::ServiceChange, QStringLiteral("receipts")).first().source,
             QStringLiteral("processOrder"));
    // The queue is empty again: processOrder's batch was deleted once it succeeded.
    QVERIFY(QTest::qWaitFor([&] { return mCloud->state().messages(QStringLiteral("orders-queue")).isEmpty(); }, 10000));
}

void TestShopLocal::badOrdersAreRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("not JSON") << QByteArray("{oops") << 400;
    QTest::newRow("no items") << QByteArray(R"({"customerId":"c","email":"a@b.co","items":[]})") << 422;
    QTest::newRow("bad e-mail") << QByteArray(
        R"({"customerId":"c","email":"nope","items":[{"itemId":"1","quantity":1,"unitPrice":1}]})")
                                << 422;
}

void TestShopLocal::badOrdersAreRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const int before = int(entries(CloudLogEntry::Kind::ServiceChange, QStringLiteral("orders-queue")).size());
    QCOMPARE(request("POST", QStringLiteral("/orders"), body).status, status);
    QCOMPARE(int(entries(CloudLogEntry::Kind::ServiceChange, QStringLiteral("orders-queue")).size()), before);
}

void TestShopLocal::uploadedImageIsDescribed()
{
    // A 3x2 PNG header is all describeImage reads (with a ranged GetObject).
    QByteArray png = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452000000030000000208060000009d74cb");
    png += QByteArray(64, '\0');
    QVERIFY(mCloud->putObject(QStringLiteral("images"), QStringLiteral("uploads/tiny.png"), png,
                              QStringLiteral("image/png")));
    QVERIFY(waitForInvocation(QStringLiteral("describeImage"), 1));
    const auto metadata = mCloud->state()
                              .getItem(QStringLiteral("image-metadata"),
                                       mCloud->tableKeys(QStringLiteral("image-metadata")),
                                       QJsonObject{{"key", QJsonObject{{"S", "uploads/tiny.png"}}}})
                              .valueOr(std::nullopt);
    QVERIFY(metadata);
    QCOMPARE(metadata->value("format").toObject().value("S").toString(), QStringLiteral("png"));
    QCOMPARE(metadata->value("width").toObject().value("N").toString(), QStringLiteral("3"));
    QCOMPARE(metadata->value("height").toObject().value("N").toString(), QStringLiteral("2"));
}

void TestShopLocal::nightlyReportIsWritten()
{
    QVERIFY(mCloud->fireSchedule(QStringLiteral("nightly")));
    QVERIFY(waitForInvocation(QStringLiteral("dailyReport"), 1));
    QVERIFY(entries(CloudLogEntry::Kind::Invocation, QStringLiteral("dailyReport")).first().ok);
    const QString day = QDateTime::currentDateTimeUtc().addDays(-1).toString(QStringLiteral("yyyy-MM-dd"));
    const auto report = mCloud->state().getObject(QStringLiteral("reports"), QStringLiteral("daily/%1.csv").arg(day));
    QVERIFY(report);
    QVERIFY2(report->startsWith("metric,value\r\norders,0"), report->constData());
}

QString TestShopLocal::placeOrder(const QString &email, double unitPrice)
{
    const QJsonObject order{
        {"customerId", "c-9"},
        {"email", email},
        {"items", QJsonArray{QJsonObject{{"itemId", "42"}, {"quantity", 2}, {"unitPrice", unitPrice}}}}};
    const Answer accepted = request("POST", QStringLiteral("/orders"), QJsonDocument(order).toJson());
    if (accepted.status != 202)
        return {};
    return QJsonDocument::fromJson(accepted.body).object().value("orderId").toString();
}

void TestShopLocal::bigOrdersGoToReview_data()
{
    QTest::addColumn<double>("unitPrice");
    QTest::addColumn<bool>("reviewed");
    // Two of each: totals of 100.02 and 99.98 on either side of the rule's "numeric": [">", 100].
    QTest::newRow("over 100") << 50.01 << true;
    QTest::newRow("under 100") << 49.99 << false;
    QTest::newRow("exactly 100") << 50.0 << false;
}

void TestShopLocal::bigOrdersGoToReview()
{
    QFETCH(double, unitPrice);
    QFETCH(bool, reviewed);
    const int before = int(entries(CloudLogEntry::Kind::Invocation, QStringLiteral("notifyCustomer")).size());
    const QString orderId = placeOrder(QStringLiteral("ada@example.org"), unitPrice);
    QVERIFY(!orderId.isEmpty());
    // processOrder put "Order Placed" on shop-events before it returned; notifyCustomer came
    // through the topic at the same time.
    QVERIFY(waitForInvocation(QStringLiteral("notifyCustomer"), before + 1));
    QVERIFY(QTest::qWaitFor(
        [&] {
        const auto done = entries(CloudLogEntry::Kind::Invocation, QStringLiteral("processOrder"));
        return !done.isEmpty() && done.last().finished;
        },
        30000));
    QVERIFY(entries(CloudLogEntry::Kind::Invocation, QStringLiteral("processOrder")).last().ok);
    bool found = false;
    for (const QueueMessage &m : mCloud->state().messages(QStringLiteral("order-review"))) {
        // The rule's InputPath $.detail: the queue gets the event's detail alone.
        const QJsonObject detail = QJsonDocument::fromJson(m.body).object();
        if (detail.value("orderId").toString() == orderId) {
            QCOMPARE(detail.value("total").toDouble(), unitPrice * 2);
            found = true;
        }
    }
    QCOMPARE(found, reviewed);
}

void TestShopLocal::failedNotificationGoesToItsDestination()
{
    // The topic invokes notifyCustomer asynchronously; it fails for a reserved domain, is
    // retried after one and then two minutes of the cloud's clock, and its record then goes
    // to its on-failure destination, the notify-failures queue.
    mCloud->virtualClock().pause();
    const int before = int(entries(CloudLogEntry::Kind::Invocation, QStringLiteral("notifyCustomer")).size());
    const QString orderId = placeOrder(QStringLiteral("bob@shop.invalid"), 5);
    QVERIFY(!orderId.isEmpty());
    QVERIFY(waitForInvocation(QStringLiteral("notifyCustomer"), before + 1));
    auto finishedFailures = [&] {
        int n = 0;
        for (const CloudLogEntry &e : entries(CloudLogEntry::Kind::Invocation, QStringLiteral("notifyCustomer")))
            n += e.finished && !e.ok;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(finishedFailures(), 1, 30000);
    QVERIFY(mCloud->state().messages(QStringLiteral("notify-failures")).isEmpty());
    QVERIFY(mCloud->advance(60'000));
    QTRY_COMPARE_WITH_TIMEOUT(finishedFailures(), 2, 30000);
    QVERIFY(mCloud->state().messages(QStringLiteral("notify-failures")).isEmpty());
    QVERIFY(mCloud->advance(120'000));
    QTRY_COMPARE_WITH_TIMEOUT(finishedFailures(), 3, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(mCloud->state().messages(QStringLiteral("notify-failures")).size(), 1, 30000);
    const QJsonObject record =
        QJsonDocument::fromJson(mCloud->state().messages(QStringLiteral("notify-failures")).first().body).object();
    const QJsonObject context = record.value("requestContext").toObject();
    QCOMPARE(context.value("condition").toString(), QStringLiteral("RetriesExhausted"));
    QCOMPARE(context.value("approximateInvokeCount").toInt(), 3);
    QVERIFY(context.value("functionArn").toString().endsWith(QStringLiteral(":function:notifyCustomer:$LATEST")));
    QCOMPARE(record.value("responseContext").toObject().value("functionError").toString(), QStringLiteral("Unhandled"));
    QVERIFY(record.value("responsePayload")
                .toObject()
                .value("errorMessage")
                .toString()
                .contains(QStringLiteral("bob@shop.invalid")));
    // The request it failed on: the SNS event carrying the order.
    const QString message = record.value("requestPayload")["Records"][0]["Sns"]["Message"].toString();
    QCOMPARE(QJsonDocument::fromJson(message.toUtf8()).object().value("orderId").toString(), orderId);
    mCloud->virtualClock().run();
}

void TestShopLocal::nightlyJobRunsWhenTheClockPassesTwo()
{
    // cron(0 2 * * ? *): from 01:59:30 UTC, a minute of the cloud's clock runs the job once.
    VirtualClock &clock = mCloud->virtualClock();
    clock.pause();
    const QDateTime now = clock.now();
    // Never forward past a 02:00 (a moved clock fires what it passed): today's 01:59:30
    // when it is still ahead of or just behind now, else tomorrow's.
    const QDate day = now.toUTC().time() < QTime(1, 59, 30) ? now.toUTC().date() : now.toUTC().date().addDays(1);
    clock.set(QDateTime(day, QTime(1, 59, 30), Qt::UTC));
    const int before = int(entries(CloudLogEntry::Kind::Invocation, QStringLiteral("dailyReport")).size());
    QVERIFY(mCloud->advance(20'000));
    QCOMPARE(int(entries(CloudLogEntry::Kind::Invocation, QStringLiteral("dailyReport")).size()), before);
    QVERIFY(mCloud->advance(60'000));
    QVERIFY(waitForInvocation(QStringLiteral("dailyReport"), before + 1));
    const auto runs = entries(CloudLogEntry::Kind::Invocation, QStringLiteral("dailyReport"));
    QCOMPARE(int(runs.size()), before + 1);
    QCOMPARE(runs.last().source, QStringLiteral("nightly"));
    clock.run();
}

QTEST_GUILESS_MAIN(TestShopLocal)
#include "tst_shoplocal.moc"
