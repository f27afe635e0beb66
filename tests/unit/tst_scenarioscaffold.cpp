// ScenarioScaffold: a request of a recorded local-cloud log becomes a scenario that
// Scenario::parse accepts, with the steps and expectations its hops justify.

#include "cloud/localcloud.h"
#include "document/project.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "scenario/scenario.h"
#include "scenario/scenarioscaffold.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace Nimbus;
using namespace Qt::StringLiterals;

class TestScenarioScaffold : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void requestBecomesSteps();
    void unrelatedHopsAreLeftOut();
    void exchangeGivesBodyAndCaptures();
    void exchangeOfAnEvent_data();
    void exchangeOfAnEvent();
    void notARequestIsRefused_data();
    void notARequestIsRefused();
    void fileNames_data();
    void fileNames();

private:
    CloudLogEntry entry(qint64 id, qint64 cause, CloudLogEntry::Kind kind, const QString &source, const QString &target,
                        const QString &detail = {}, int status = 0) const;
    Project mProject{Catalog::builtin()};
    QList<CloudLogEntry> mLog;
};

CloudLogEntry TestScenarioScaffold::entry(qint64 id, qint64 cause, CloudLogEntry::Kind kind, const QString &source,
                                          const QString &target, const QString &detail, int status) const
{
    CloudLogEntry e;
    e.id = id;
    e.cause = cause;
    e.kind = kind;
    e.source = source;
    e.target = target;
    e.detail = detail;
    e.httpStatus = status;
    return e;
}

void TestScenarioScaffold::initTestCase()
{
    // The shop's shape: a route to createOrder, a queue it consumes, a table, a bucket, a
    // topic, and a review queue nobody consumes.
    QHash<QString, NodeId> ids;
    const QList<QPair<QString, QString>> nodes = {
        {u"createOrder"_s, Kinds::Function},    {u"orders-queue"_s, Kinds::Queue},
        {u"processOrder"_s, Kinds::Function},   {u"orders"_s, Kinds::Table},
        {u"receipts"_s, Kinds::Bucket},         {u"order-events"_s, Kinds::Topic},
        {u"notifyCustomer"_s, Kinds::Function}, {u"order-review"_s, Kinds::Queue}};
    for (const auto &[name, kind] : nodes) {
        const Result<NodeId> id = mProject.addNode(kind, {}, name);
        QVERIFY2(id, qPrintable(id.errorMessage()));
        ids.insert(name, *id);
    }
    QVERIFY(mProject.connectNodes(ids[u"orders-queue"_s], ids[u"processOrder"_s], u"invokes"_s));

    using K = CloudLogEntry::Kind;
    mLog = {
        entry(9, 0, K::Invocation, u"GET /orders"_s, u"createOrder"_s, u"done"_s, 200), // another request
        entry(10, 0, K::Invocation, u"POST /orders"_s, u"createOrder"_s, u"done"_s, 202),
        entry(11, 10, K::ServiceChange, u"createOrder"_s, u"orders-queue"_s, u"message m-1 (120 bytes)"_s),
        entry(12, 9, K::ServiceChange, u"createOrder"_s, u"orders"_s, u"INSERT {\"orderId\":{\"S\":\"other\"}}"_s),
        entry(13, 11, K::Invocation, u"orders-queue"_s, u"processOrder"_s, u"done"_s),
        entry(14, 13, K::ServiceChange, u"processOrder"_s, u"orders"_s, u"INSERT {\"orderId\":{\"S\":\"o-1\"}}"_s),
        entry(15, 13, K::ServiceChange, u"processOrder"_s, u"receipts"_s, u"put receipts/o-1.txt (40 bytes)"_s),
        entry(16, 13, K::ServiceChange, u"processOrder"_s, u"receipts"_s, u"deleted tmp/o-1"_s),
        entry(17, 13, K::ServiceChange, u"processOrder"_s, u"order-events"_s, u"published"_s),
        entry(18, 17, K::Invocation, u"order-events"_s, u"notifyCustomer"_s, u"done"_s),
        entry(19, 13, K::ServiceChange, u"processOrder"_s, u"order-review"_s, u"message m-2 (30 bytes)"_s),
        entry(20, 13, K::ServiceChange, u"processOrder"_s, u"order-review"_s, u"message m-3 (30 bytes)"_s),
    };
}

void TestScenarioScaffold::requestBecomesSteps()
{
    const Result<QByteArray> yaml = ScenarioScaffold::fromRequest(mLog, 10, mProject.architecture(),
                                                                  u"An order, as recorded"_s);
    QVERIFY2(yaml, qPrintable(yaml.errorMessage()));
    const Result<Scenario> scenario = Scenario::parse(*yaml, u"recorded.yaml"_s);
    QVERIFY2(scenario, qPrintable(scenario.errorMessage() + u"\n"_s + QString::fromUtf8(*yaml)));
    QCOMPARE(scenario->name, u"An order, as recorded"_s);

    using K = ScenarioStep::Kind;
    const QList<ScenarioStep> &steps = scenario->steps;
    QList<K> kinds;
    for (const ScenarioStep &step : steps)
        kinds.append(step.kind);
    QCOMPARE(kinds, (QList<K>{K::Request, K::ExpectItem, K::ExpectObject, K::ExpectMessage, K::ExpectHops}));

    QCOMPARE(steps[0].args.toString(), u"POST /orders"_s);
    QCOMPARE(steps[0].expect[u"status"_s].toInt(), 202);
    QVERIFY2(yaml->contains("# body:"), yaml->constData()); // the log keeps no body: a placeholder

    QCOMPARE(steps[1].args[u"table"_s].toString(), u"orders"_s);
    QCOMPARE(steps[1].args[u"matches"_s].toObject(), (QJsonObject{{u"orderId"_s, u"o-1"_s}}));
    QCOMPARE(steps[1].withinMs, 60000);

    QCOMPARE(steps[2].args[u"bucket"_s].toString(), u"receipts"_s);
    QCOMPARE(steps[2].args[u"key"_s].toString(), u"receipts/o-1.txt"_s);

    // order-review has no consumer: its two messages stay there. orders-queue's is consumed.
    QCOMPARE(steps[3].args[u"queue"_s].toString(), u"order-review"_s);
    QCOMPARE(steps[3].args[u"count"_s].toInt(), 2);
    QVERIFY2(yaml->contains("# check: a message went through orders-queue"), yaml->constData());
    // What the log does not say enough about is a comment, not a guess.
    QVERIFY2(yaml->contains("# check: receipts: deleted tmp/o-1"), yaml->constData());

    QCOMPARE(steps[4].args.toArray(),
             QJsonArray::fromStringList({u"createOrder"_s, u"orders-queue"_s, u"processOrder"_s, u"orders"_s,
                                         u"receipts"_s, u"order-events"_s, u"notifyCustomer"_s, u"order-review"_s}));
}

void TestScenarioScaffold::unrelatedHopsAreLeftOut()
{
    const Result<QByteArray> yaml = ScenarioScaffold::fromRequest(mLog, 9, mProject.architecture());
    QVERIFY2(yaml, qPrintable(yaml.errorMessage()));
    const Result<Scenario> scenario = Scenario::parse(*yaml, u"other.yaml"_s);
    QVERIFY2(scenario, qPrintable(scenario.errorMessage()));
    QCOMPARE(scenario->name, u"GET /orders"_s);
    QCOMPARE(scenario->steps.size(), 3);
    QCOMPARE(scenario->steps[1].args[u"matches"_s].toObject(), (QJsonObject{{u"orderId"_s, u"other"_s}}));
    QCOMPARE(scenario->steps[2].args.toArray(), QJsonArray::fromStringList({u"createOrder"_s, u"orders"_s}));
    QVERIFY(!yaml->contains("receipts"));
}

void TestScenarioScaffold::exchangeGivesBodyAndCaptures()
{
    // The recorded run's made-up id, found in the answer, becomes a variable captured from it.
    QList<CloudLogEntry> log = mLog;
    for (CloudLogEntry &e : log) {
        e.detail.replace(u"o-1"_s, u"3f2a9c1e-77"_s);
    }
    ScenarioScaffold::Exchange exchange;
    exchange.body = QJsonObject{{u"customerId"_s, u"c1"_s}, {u"items"_s, QJsonArray{1, 2}}};
    exchange.answer = QJsonObject{{u"orderId"_s, u"3f2a9c1e-77"_s}, {u"status"_s, u"accepted"_s}};
    const Result<QByteArray> yaml = ScenarioScaffold::fromRequest(log, 10, mProject.architecture(), {}, exchange);
    QVERIFY2(yaml, qPrintable(yaml.errorMessage()));
    const Result<Scenario> scenario = Scenario::parse(*yaml, u"recorded.yaml"_s);
    QVERIFY2(scenario, qPrintable(scenario.errorMessage() + u"\n"_s + QString::fromUtf8(*yaml)));
    QVERIFY2(!yaml->contains("# body:"), yaml->constData());
    const ScenarioStep &request = scenario->steps.at(0);
    QCOMPARE(request.extra.value(u"body"_s).toObject(), exchange.body.toObject());
    QCOMPARE(request.capture, (QJsonObject{{u"orderId"_s, u"body.orderId"_s}}));
    QCOMPARE(scenario->steps.at(1).args[u"matches"_s].toObject(), (QJsonObject{{u"orderId"_s, u"${orderId}"_s}}));
    QCOMPARE(scenario->steps.at(2).args[u"key"_s].toString(), u"receipts/${orderId}.txt"_s);
}

void TestScenarioScaffold::exchangeOfAnEvent_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QByteArray>("result");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QJsonValue>("body");
    QTest::addColumn<QJsonValue>("answer");
    const QByteArray http = R"({"rawPath": "/orders", "body": "{\"a\": 1}", "isBase64Encoded": false,
        "requestContext": {"http": {"method": "POST"}, "timeEpoch": 1700000000123}})";
    QTest::newRow("HTTP API, proxy answer")
        << http << QByteArray(R"({"statusCode": 202, "body": "{\"orderId\": \"x\"}"})") << true
        << QJsonValue(QJsonObject{{u"a"_s, 1}}) << QJsonValue(QJsonObject{{u"orderId"_s, u"x"_s}});
    QTest::newRow("HTTP API, plain answer")
        << http << QByteArray(R"({"ok": true})") << true << QJsonValue(QJsonObject{{u"a"_s, 1}})
        << QJsonValue(QJsonObject{{u"ok"_s, true}});
    QTest::newRow("REST API, text body") << QByteArray(
        R"({"httpMethod": "POST", "path": "/orders", "body": "hello", "requestContext": {}})")
                                         << QByteArray(R"({"statusCode": 200, "body": "fine"})") << true
                                         << QJsonValue(u"hello"_s) << QJsonValue(u"fine"_s);
    QTest::newRow("another path") << QByteArray(
        R"({"rawPath": "/items", "requestContext": {"http": {"method": "POST"}}})")
                                  << QByteArray() << false << QJsonValue() << QJsonValue();
}

void TestScenarioScaffold::exchangeOfAnEvent()
{
    QFETCH(QByteArray, event);
    QFETCH(QByteArray, result);
    QFETCH(bool, found);
    const std::optional<ScenarioScaffold::Exchange> exchange = ScenarioScaffold::exchangeOf(event, result, u"POST"_s,
                                                                                            u"/orders"_s);
    QCOMPARE(exchange.has_value(), found);
    if (!found)
        return;
    QFETCH(QJsonValue, body);
    QFETCH(QJsonValue, answer);
    QCOMPARE(exchange->body, body);
    QCOMPARE(exchange->answer, answer);
    if (event.contains("timeEpoch"))
        QCOMPARE(ScenarioScaffold::eventTime(event), qint64(1700000000123));
}

void TestScenarioScaffold::notARequestIsRefused_data()
{
    QTest::addColumn<qint64>("id");
    QTest::newRow("a queue's message") << qint64(11);
    QTest::newRow("an invocation by a queue") << qint64(13);
    QTest::newRow("no such entry") << qint64(999);
}

void TestScenarioScaffold::notARequestIsRefused()
{
    QFETCH(qint64, id);
    const Result<QByteArray> yaml = ScenarioScaffold::fromRequest(mLog, id, mProject.architecture());
    QVERIFY(!yaml);
    QVERIFY(!yaml.errorMessage().isEmpty());
}

void TestScenarioScaffold::fileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"order-placed"_s << true;
    QTest::newRow("with .yaml") << u"order placed.yaml"_s << true;
    QTest::newRow("a folder") << u"sub/order"_s << false;
    QTest::newRow("up") << u"../order"_s << false;
    QTest::newRow("dots") << u"a..b"_s << false;
    QTest::newRow("backslash") << u"a\\b"_s << false;
    QTest::newRow("hidden") << u".order"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestScenarioScaffold::fileNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(ScenarioScaffold::isValidFileName(name), valid);
}

QTEST_GUILESS_MAIN(TestScenarioScaffold)
#include "tst_scenarioscaffold.moc"
