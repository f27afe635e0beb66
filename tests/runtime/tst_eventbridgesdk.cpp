// Event buses with the real SDKs: a function on the canvas publishes "order placed"
// through the AWS SDK for JavaScript v3 (the runtime folder's @aws-sdk/client-eventbridge)
// or Debian's boto3, to the bus its connection names in <BUS>_EVENT_BUS_NAME; a rule with
// a numeric pattern routes only the orders over 100 to the review queue. The SDKs' own
// view of a refused entry and of an operation the cloud does not serve is checked too.

#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Nimbus;

namespace {

// Publishes the order it is given, and answers what PutEvents answered.
const QByteArray kNodePublisher = R"(
const { EventBridgeClient, PutEventsCommand, PutRuleCommand } = require("@aws-sdk/client-eventbridge");
const events = new EventBridgeClient({});

exports.handler = async (event) => {
    if (event.putRule) {
        try {
            await events.send(new PutRuleCommand({ Name: "sneaky", EventPattern: "{}" }));
            return { refused: false };
        } catch (error) {
            return { refused: true, name: error.name, status: error.$metadata.httpStatusCode };
        }
    }
    const entry = { EventBusName: process.env.ORDERS_EVENT_BUS_NAME, Source: "shop.orders",
                    DetailType: "order placed", Detail: JSON.stringify({ id: event.id, total: event.total }) };
    const entries = event.broken ? [entry, { ...entry, Detail: "not json" }] : [entry];
    const answer = await events.send(new PutEventsCommand({ Entries: entries }));
    return { failed: answer.FailedEntryCount, entries: answer.Entries };
};
)";

const QByteArray kPythonPublisher = R"(
import json
import os

import boto3
from botocore.exceptions import ClientError

events = boto3.client("events")


def handler(event, context):
    if event.get("putRule"):
        try:
            events.put_rule(Name="sneaky", EventPattern="{}")
            return {"refused": False}
        except ClientError as error:
            return {"refused": True, "name": error.response["Error"]["Code"],
                    "status": error.response["ResponseMetadata"]["HTTPStatusCode"]}
    entry = {"EventBusName": os.environ["ORDERS_EVENT_BUS_NAME"], "Source": "shop.orders",
             "DetailType": "order placed", "Detail": json.dumps({"id": event["id"], "total": event["total"]})}
    entries = [entry, dict(entry, Detail="not json")] if event.get("broken") else [entry]
    answer = events.put_events(Entries=entries)
    return {"failed": answer["FailedEntryCount"], "entries": answer["Entries"]}
)";

} // namespace

class TestEventBridgeSdk : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void ordersOverOneHundredReachTheQueue_data();
    void ordersOverOneHundredReachTheQueue();
    void refusedEntriesAreSaid_data();
    void refusedEntriesAreSaid();
    void otherOperationsAreNotImplemented_data();
    void otherOperationsAreNotImplemented();

private:
    // The design: checkout (in language) publishes to the bus "orders" (bus name
    // shop-orders), whose rule "big" sends the orders over 100 to the queue "review".
    void build(const QString &language);
    // Runs checkout with event; its answer.
    QJsonObject run(const QJsonObject &event);

    std::unique_ptr<NimbusTest::LocalCloudFixture> f;
};

void TestEventBridgeSdk::init()
{
    f = std::make_unique<NimbusTest::LocalCloudFixture>();
}

void TestEventBridgeSdk::cleanup()
{
    f.reset();
}

void TestEventBridgeSdk::build(const QString &language)
{
    NodeId checkout = kInvalidNodeId;
    if (language == "node") {
        checkout = f->addFunction("checkout", kNodePublisher);
    } else {
        checkout = f->project.addNode("function", {}, "checkout").valueOr(kInvalidNodeId);
        QVERIFY(f->project.setNodeProperty(checkout, "runtime", "python3.11"));
        QVERIFY(f->project.setNodeProperty(checkout, "handler", "app.handler"));
        QDir().mkpath(f->folder.filePath("functions/checkout"));
        QFile file(f->folder.filePath("functions/checkout/app.py"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kPythonPublisher);
    }
    QVERIFY(f->project.setNodeProperty(checkout, "timeout", 30));
    const NodeId bus = f->project.addNode("event-bus", {}, "orders").valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(bus, "busName", "shop-orders"));
    const NodeId rule = f->project.addNode("rule", {}, "big").valueOr(kInvalidNodeId);
    QVERIFY(f->project.setNodeProperty(rule, "pattern", R"({"detail": {"total": [{"numeric": [">", 100]}]}})"));
    const NodeId review = f->project.addNode("queue", {}, "review").valueOr(kInvalidNodeId);
    QVERIFY(f->project.connectNodes(checkout, bus, "publishes"));
    QVERIFY(f->project.connectNodes(bus, rule, "routes"));
    QVERIFY(f->project.connectNodes(rule, review, "targets"));
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));
}

QJsonObject TestEventBridgeSdk::run(const QJsonObject &event)
{
    std::optional<InvocationResult> result;
    const Result<qint64> entry = f->cloud->invoke("checkout", QJsonDocument(event).toJson(), "test", 0,
                                                  [&](const InvocationResult &r) { result = r; });
    if (!entry || !QTest::qWaitFor([&] { return result.has_value(); }, 90000))
        return {{"error", entry ? QString("no answer") : entry.errorMessage()}};
    if (!result->ok)
        return {{"error", result->error.value("errorMessage").toString()}};
    return QJsonDocument::fromJson(result->resultJson).object();
}

void TestEventBridgeSdk::ordersOverOneHundredReachTheQueue_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("JavaScript v3") << "node";
    QTest::newRow("boto3") << "python";
}

void TestEventBridgeSdk::ordersOverOneHundredReachTheQueue()
{
    QFETCH(QString, language);
    build(language);
    for (const auto &[id, total] : {std::pair{"small", 50}, std::pair{"large", 150}, std::pair{"edge", 100}}) {
        const QJsonObject answer = run({{"id", id}, {"total", total}});
        QVERIFY2(!answer.contains("error"), qPrintable(answer.value("error").toString()));
        QCOMPARE(answer["failed"].toInt(), 0);
        QVERIFY(!answer["entries"][0]["EventId"].toString().isEmpty());
    }
    const QList<QueueMessage> messages = f->cloud->state().messages("review");
    QCOMPARE(messages.size(), 1);
    const QJsonObject event = QJsonDocument::fromJson(messages.first().body).object();
    QCOMPARE(event["detail-type"].toString(), "order placed");
    QCOMPARE(event["detail"]["id"].toString(), "large");
    // The queue's message is the function's doing, through the bus and the rule.
    const auto put = std::find_if(f->cloud->log().cbegin(), f->cloud->log().cend(), [](const CloudLogEntry &e) {
        return e.kind == CloudLogEntry::Kind::ServiceChange && e.target == QLatin1String("orders");
    });
    QVERIFY(put != f->cloud->log().cend());
    QCOMPARE(put->source, "checkout");
}

void TestEventBridgeSdk::refusedEntriesAreSaid_data()
{
    ordersOverOneHundredReachTheQueue_data();
}

void TestEventBridgeSdk::refusedEntriesAreSaid()
{
    QFETCH(QString, language);
    build(language);
    const QJsonObject answer = run({{"id", "x"}, {"total", 500}, {"broken", true}});
    QVERIFY2(!answer.contains("error"), qPrintable(answer.value("error").toString()));
    QCOMPARE(answer["failed"].toInt(), 1);
    QVERIFY(!answer["entries"][0]["EventId"].toString().isEmpty());
    QCOMPARE(answer["entries"][1]["ErrorCode"].toString(), "MalformedDetail");
    QCOMPARE(f->cloud->state().messages("review").size(), 1);
}

void TestEventBridgeSdk::otherOperationsAreNotImplemented_data()
{
    ordersOverOneHundredReachTheQueue_data();
}

void TestEventBridgeSdk::otherOperationsAreNotImplemented()
{
    QFETCH(QString, language);
    build(language);
    const QJsonObject answer = run({{"putRule", true}});
    QVERIFY2(!answer.contains("error"), qPrintable(answer.value("error").toString()));
    QCOMPARE(answer["refused"].toBool(), true);
    QCOMPARE(answer["name"].toString(), "NotImplemented");
    QCOMPARE(answer["status"].toInt(), 501);
}

QTEST_GUILESS_MAIN(TestEventBridgeSdk)
#include "tst_eventbridgesdk.moc"
