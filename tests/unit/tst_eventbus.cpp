// Event buses in the local cloud: the events PutEvents builds, target input as a rule
// transforms it (InputPath, InputTransformer against AWS's documented examples), routing
// to each kind of target, bus to bus, per-entry errors and the dead-letter queue.

#include "cloud/eventbus.h"
#include "cloudfixture.h"
#include "model/validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Nimbus;

namespace {

// The example event of EventBridge's input transformation documentation.
const QJsonObject kEc2Event = QJsonDocument::fromJson(R"({
    "version": "0",
    "id": "7bf73129-1428-4cd3-a780-95db273d1602",
    "detail-type": "EC2 Instance State-change Notification",
    "source": "aws.ec2",
    "account": "123456789012",
    "time": "2015-11-11T21:29:54Z",
    "region": "us-east-1",
    "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"],
    "detail": {"instance-id": "i-0123456789", "state": "RUNNING"}
})")
                                  .object();

const QByteArray kEcho = "exports.handler = async (event) => event;\n";

QJsonObject order(double total)
{
    return {
        {"Source", "shop.orders"},
        {"DetailType", "order placed"},
        {"Detail", QString::fromUtf8(
                       QJsonDocument(QJsonObject{{"id", "o-1"}, {"total", total}}).toJson(QJsonDocument::Compact))}};
}

} // namespace

class TestEventBus : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void inputTransformer_data();
    void inputTransformer();
    void inputPath_data();
    void inputPath();
    void badInputsAreRefused_data();
    void badInputsAreRefused();
    void putBuildsTheEvent();
    void numericPatternRoutesOnlyLargeOrders();
    void routesToEachTargetKind_data();
    void routesToEachTargetKind();
    void functionTargetGetsTheEvent();
    void busToBus();
    void perEntryErrors_data();
    void perEntryErrors();
    void refusingTargetSendsToDeadLetters();
    void workersGetTheBusName();
    void endpointPutEvents();
    void endpointRefusesElevenEntries();
    void endpointRefusesOtherOperationsByName();
    void endpointDescribesRulesAndBuses();
    void controlPutEvent();
    void validatorSaysWhatIsWrongWithARule_data();
    void validatorSaysWhatIsWrongWithARule();

private:
    // A bus "orders" with a rule "big" of pattern, whose targets get the event.
    NodeId addBusAndRule(const QString &pattern);
    NodeId add(const QString &kind, const QString &name);
    // An EventBridge JSON 1.1 request to the endpoint: its status and answer.
    QPair<long, QJsonObject> events(const QByteArray &operation, const QJsonObject &input);
    std::unique_ptr<NimbusTest::LocalCloudFixture> f;
    NodeId mRule = kInvalidNodeId;
};

void TestEventBus::init()
{
    f = std::make_unique<NimbusTest::LocalCloudFixture>();
}

void TestEventBus::cleanup()
{
    f.reset();
}

NodeId TestEventBus::add(const QString &kind, const QString &name)
{
    return f->project.addNode(kind, {}, name).valueOr(kInvalidNodeId);
}

NodeId TestEventBus::addBusAndRule(const QString &pattern)
{
    const NodeId bus = add("event-bus", "orders");
    mRule = add("rule", "big");
    (void)f->project.setNodeProperty(mRule, "pattern", pattern);
    (void)f->project.connectNodes(bus, mRule, "routes");
    return bus;
}

void TestEventBus::inputTransformer_data()
{
    QTest::addColumn<QString>("paths");
    QTest::addColumn<QString>("inputTemplate");
    QTest::addColumn<QByteArray>("expected");
    const QString paths = R"({"instance": "$.detail.instance-id", "state": "$.detail.state"})";
    // AWS's documented examples: a string outside quotes is written as JSON, inside
    // quotes as its text; escaped quotes in a template stay escaped.
    QTest::newRow("simple string") << paths << R"("instance <instance> is in <state>")"
                                   << QByteArray(R"("instance i-0123456789 is in RUNNING")");
    QTest::newRow("json, variables unquoted") << paths << R"({"instance" : <instance>, "state": <state>})"
                                              << QByteArray(R"({"instance" : "i-0123456789", "state": "RUNNING"})");
    QTest::newRow("json, variables quoted") << paths << R"({"instance" : "<instance>", "state": "<state>"})"
                                            << QByteArray(R"({"instance" : "i-0123456789", "state": "RUNNING"})");
    QTest::newRow("json mixed with static text")
        << paths << R"({"instance" : "<instance>", "state": [ 9, <state>, true ], "Transformed" : "Yes"})"
        << QByteArray(R"({"instance" : "i-0123456789", "state": [ 9, "RUNNING", true ], "Transformed" : "Yes"})");
    QTest::newRow("escaped quotes") << paths << R"("<instance> is in state \"<state>\"")"
                                    << QByteArray(R"("i-0123456789 is in state \"RUNNING\"")");
    QTest::newRow("variables in and out of quotes")
        << paths << R"({"myInstance": <instance>,"myStatus": "<instance> is in state \"<state>\""})"
        << QByteArray(R"({"myInstance": "i-0123456789","myStatus": "i-0123456789 is in state \"RUNNING\""})");
    QTest::newRow("plain text") << paths << "<instance> is in state <state>"
                                << QByteArray("i-0123456789 is in state RUNNING");
    QTest::newRow("an object") << R"({"detail": "$.detail"})"
                               << R"({"d": <detail>})"
                               << QByteArray(R"({"d": {"instance-id":"i-0123456789","state":"RUNNING"}})");
    QTest::newRow("an object inside a string")
        << R"({"detail": "$.detail"})"
        << R"({"d": "<detail>"})" << QByteArray(R"({"d": "{\"instance-id\":\"i-0123456789\",\"state\":\"RUNNING\"}"})");
    QTest::newRow("predefined variables")
        << "{}"
        << R"({"rule": "<aws.events.rule-name>", "at": <aws.events.event.ingestion-time>})"
        << QByteArray(R"({"rule": "big", "at": "2015-11-11T21:29:54Z"})");
    QTest::newRow("a path the event lacks")
        << R"({"zone": "$.detail.zone"})"
        << R"({"zone": <zone>, "text": "in <zone>"})" << QByteArray(R"({"zone": null, "text": "in "})");
    QTest::newRow("unknown variable stays")
        << paths << R"("<nothing> <state>")" << QByteArray(R"("<nothing> RUNNING")");
}

void TestEventBus::inputTransformer()
{
    QFETCH(QString, paths);
    QFETCH(QString, inputTemplate);
    QFETCH(QByteArray, expected);
    const Result<RuleInput> input = RuleInput::fromRule(
        {{"inputMode", "InputTransformer"}, {"inputPathsMap", paths}, {"inputTemplate", inputTemplate}});
    QVERIFY2(input, qPrintable(input.errorMessage()));
    const Result<QByteArray> applied = input->apply(kEc2Event,
                                                    {"big", "arn:aws:events:us-east-1:000000000000:rule/big"});
    QVERIFY2(applied, qPrintable(applied.errorMessage()));
    QCOMPARE(*applied, expected);
}

void TestEventBus::inputPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("the whole event's detail")
        << "$.detail" << QByteArray(R"({"instance-id":"i-0123456789","state":"RUNNING"})");
    QTest::newRow("a field with a dash") << "$.detail.instance-id" << QByteArray(R"("i-0123456789")");
    QTest::newRow("an array element") << "$.resources[0]"
                                      << QByteArray(R"("arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111")");
    QTest::newRow("missing") << "$.detail.zone" << QByteArray("null");
}

void TestEventBus::inputPath()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, expected);
    const Result<RuleInput> input = RuleInput::fromRule({{"inputMode", "InputPath"}, {"inputPath", path}});
    QVERIFY2(input, qPrintable(input.errorMessage()));
    QCOMPARE(input->apply(kEc2Event).valueOr({}), expected);
}

void TestEventBus::badInputsAreRefused_data()
{
    QTest::addColumn<QJsonObject>("properties");
    QTest::addColumn<QString>("message");
    QTest::newRow("constant not JSON") << QJsonObject{{"inputMode", "Input"}, {"input", "{oops"}} << "not valid JSON";
    QTest::newRow("path without $") << QJsonObject{{"inputMode", "InputPath"}, {"inputPath", "detail"}}
                                    << "starts with $";
    QTest::newRow("bracket notation") << QJsonObject{{"inputMode", "InputPath"}, {"inputPath", "$['detail']"}}
                                      << "JSON path EventBridge takes";
    QTest::newRow("empty template") << QJsonObject{{"inputMode", "InputTransformer"}, {"inputPathsMap", "{}"}}
                                    << "template is empty";
    QTest::newRow("paths not an object") << QJsonObject{{"inputMode", "InputTransformer"},
                                                        {"inputPathsMap", "[]"},
                                                        {"inputTemplate", "x"}}
                                         << "not a JSON object";
}

void TestEventBus::badInputsAreRefused()
{
    QFETCH(QJsonObject, properties);
    QFETCH(QString, message);
    const Result<RuleInput> input = RuleInput::fromRule(properties);
    QVERIFY(!input);
    QVERIFY2(input.errorMessage().contains(message), qPrintable(input.errorMessage()));
}

void TestEventBus::putBuildsTheEvent()
{
    addBusAndRule(R"({"source": ["shop.orders"]})");
    const NodeId queue = add("queue", "review");
    (void)f->project.connectNodes(mRule, queue, "targets");
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(f->error));
    QJsonObject entry = order(150);
    entry.insert("Resources", QJsonArray{"arn:aws:shop:order/o-1"});
    const QJsonArray results = f->cloud->putEvents("orders", {entry});
    QCOMPARE(results.size(), 1);
    const QString id = results.at(0)["EventId"].toString();
    QVERIFY(QRegularExpression("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$").match(id).hasMatch());
    const QList<QueueMessage> messages = f->cloud->state().messages("review");
    QCOMPARE(messages.size(), 1);
    const QJsonObject event = QJsonDocument::fromJson(messages.first().body).object();
    QCOMPARE(event["version"].toString(), "0");
    QCOMPARE(event["id"].toString(), id);
    QCOMPARE(event["detail-type"].toString(), "order placed");
    QCOMPARE(event["source"].toString(), "shop.orders");
    QCOMPARE(event["account"].toString(), "000000000000");
    QCOMPARE(event["region"].toString(), "us-east-1");
    QCOMPARE(event["resources"].toArray(), (QJsonArray{"arn:aws:shop:order/o-1"}));
    QVERIFY(QDateTime::fromString(event["time"].toString(), Qt::ISODate).isValid());
    QCOMPARE(event["detail"]["total"].toDouble(), 150.0);
    // Each hop is logged with its cause: the bus, the rule it matched, the queue.
    const QList<CloudLogEntry> toQueue = f->entries(CloudLogEntry::Kind::ServiceChange, "review");
    QCOMPARE(toQueue.size(), 1);
    QCOMPARE(toQueue.first().source, "big");
    QVERIFY(toQueue.first().edge != kInvalidEdgeId);
    const QList<CloudLogEntry> matched = f->entries(CloudLogEntry::Kind::ServiceChange, "big");
    QCOMPARE(matched.size(), 1);
    QCOMPARE(toQueue.first().cause, matched.first().id);
    QCOMPARE(matched.first().source, "orders");
}

void TestEventBus::numericPatternRoutesOnlyLargeOrders()
{
    addBusAndRule(R"({"detail": {"total": [{"numeric": [">", 100]}]}})");
    const NodeId queue = add("queue", "review");
    (void)f->project.connectNodes(mRule, queue, "targets");
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(f->error));
    const QJsonArray results = f->cloud->putEvents("orders", {order(50), order(150), order(100)});
    QCOMPARE(results.size(), 3);
    for (const QJsonValue &r : results)
        QVERIFY(r.toObject().contains("EventId"));
    const QList<QueueMessage> messages = f->cloud->state().messages("review");
    QCOMPARE(messages.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(messages.first().body)["detail"]["total"].toDouble(), 150.0);
}

void TestEventBus::routesToEachTargetKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("queue") << "queue";
    QTest::newRow("topic") << "topic";
}

void TestEventBus::routesToEachTargetKind()
{
    QFETCH(QString, kind);
    addBusAndRule(R"({"detail-type": ["order placed"]})");
    (void)f->project.setNodeProperty(mRule, "inputMode", "InputPath");
    (void)f->project.setNodeProperty(mRule, "inputPath", "$.detail");
    const NodeId target = add(kind, "target");
    (void)f->project.connectNodes(mRule, target, "targets");
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(f->error));
    QVERIFY(f->cloud->putEvents("orders", {order(20)}).at(0).toObject().contains("EventId"));
    // The target's change, caused by the rule's match, travels the rule's connection.
    const QList<CloudLogEntry> changes = f->entries(CloudLogEntry::Kind::ServiceChange, "target");
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().source, "big");
    QVERIFY(changes.first().edge != kInvalidEdgeId);
    QVERIFY(changes.first().ok);
    if (kind == "queue") {
        const QList<QueueMessage> messages = f->cloud->state().messages("target");
        QCOMPARE(messages.size(), 1);
        // The rule's InputPath: the target gets the detail alone.
        QCOMPARE(QJsonDocument::fromJson(messages.first().body).object(), (QJsonObject{{"id", "o-1"}, {"total", 20}}));
    }
}

void TestEventBus::functionTargetGetsTheEvent()
{
    addBusAndRule(R"({"source": ["shop.orders"]})");
    const NodeId function = f->addFunction("audit", kEcho);
    (void)f->project.connectNodes(mRule, function, "targets");
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(f->error));
    QSignalSpy finished(&f->runner, &FunctionRunner::finished);
    const QString id = f->cloud->putEvents("orders", {order(7)}).at(0)["EventId"].toString();
    QVERIFY(f->waitForInvocations("audit", 1));
    const QList<CloudLogEntry> invocations = f->entries(CloudLogEntry::Kind::Invocation, "audit");
    QCOMPARE(invocations.size(), 1);
    QCOMPARE(invocations.first().source, "big");
    QVERIFY2(invocations.first().ok, qPrintable(invocations.first().detail));
    QVERIFY(finished.count() >= 1);
    const auto result = finished.last().at(1).value<InvocationResult>();
    const QJsonObject echoed = QJsonDocument::fromJson(result.resultJson).object();
    QCOMPARE(echoed["id"].toString(), id);
    QCOMPARE(echoed["detail"]["total"].toDouble(), 7.0);
}

void TestEventBus::busToBus()
{
    addBusAndRule(R"({"source": ["shop.orders"]})");
    const NodeId audit = add("event-bus", "audit");
    (void)f->project.setNodeProperty(audit, "busName", "audit-bus");
    (void)f->project.connectNodes(mRule, audit, "targets");
    const NodeId auditRule = add("rule", "everything");
    (void)f->project.setNodeProperty(auditRule, "pattern", R"({"detail-type": ["order placed"]})");
    (void)f->project.connectNodes(audit, auditRule, "routes");
    const NodeId queue = add("queue", "archive");
    (void)f->project.connectNodes(auditRule, queue, "targets");
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(f->error));
    QVERIFY(f->cloud->putEvents("orders", {order(3)}).at(0).toObject().contains("EventId"));
    const QList<QueueMessage> messages = f->cloud->state().messages("archive");
    QCOMPARE(messages.size(), 1);
    const QJsonObject event = QJsonDocument::fromJson(messages.first().body).object();
    QCOMPARE(event["source"].toString(), "shop.orders");
    QCOMPARE(event["detail"]["total"].toDouble(), 3.0);
    // The other bus received it as a put of its own, caused by the first rule.
    const QList<CloudLogEntry> onAudit = f->entries(CloudLogEntry::Kind::ServiceChange, "audit");
    QCOMPARE(onAudit.size(), 1);
    QCOMPARE(onAudit.first().source, "big");
    // By its bus name or ARN too.
    QVERIFY(f->cloud->putEvents("arn:aws:events:us-east-1:000000000000:event-bus/audit-bus", {order(4)})
                .at(0)
                .toObject()
                .contains("EventId"));
    QCOMPARE(f->cloud->state().messages("archive").size(), 2);
}

void TestEventBus::perEntryErrors_data()
{
    QTest::addColumn<QJsonObject>("entry");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QJsonObject noSource = order(1);
    noSource.remove("Source");
    QTest::newRow("no source") << noSource << "InvalidArgument"
                               << "Parameter Source is not valid. Reason: Source is a required argument.";
    QJsonObject noType = order(1);
    noType.remove("DetailType");
    QTest::newRow("no detail type") << noType << "InvalidArgument"
                                    << "Parameter DetailType is not valid. Reason: DetailType is a required argument.";
    QJsonObject malformed = order(1);
    malformed.insert("Detail", "{not json");
    QTest::newRow("malformed detail") << malformed << "MalformedDetail"
                                      << "Detail is malformed.";
    QJsonObject elsewhere = order(1);
    elsewhere.insert("EventBusName", "nowhere");
    QTest::newRow("unknown bus") << elsewhere << "ResourceNotFoundException"
                                 << "Event bus nowhere does not exist.";
}

void TestEventBus::perEntryErrors()
{
    QFETCH(QJsonObject, entry);
    QFETCH(QString, code);
    QFETCH(QString, message);
    addBusAndRule(R"({"source": ["shop.orders"]})");
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(f->error));
    const QJsonArray results = f->cloud->putEvents("orders", {order(1), entry});
    QCOMPARE(results.size(), 2);
    QVERIFY(results.at(0).toObject().contains("EventId"));
    QCOMPARE(results.at(1)["ErrorCode"].toString(), code);
    QCOMPARE(results.at(1)["ErrorMessage"].toString(), message);
}

void TestEventBus::refusingTargetSendsToDeadLetters()
{
    addBusAndRule(R"({"source": ["shop.orders"]})");
    const NodeId function = f->addFunction("audit", kEcho);
    // A source folder outside the project: the runner refuses to start it.
    (void)f->project.setNodeProperty(function, "source", "../elsewhere");
    (void)f->project.connectNodes(mRule, function, "targets");
    add("queue", "undelivered");
    (void)f->project.setNodeProperty(mRule, "deadLetterQueue", "undelivered");
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(f->error));
    const QString id = f->cloud->putEvents("orders", {order(9)}).at(0)["EventId"].toString();
    QVERIFY(!id.isEmpty());
    const QList<QueueMessage> dead = f->cloud->state().messages("undelivered");
    QCOMPARE(dead.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(dead.first().body)["id"].toString(), id);
    QCOMPARE(dead.first().attributes["ERROR_CODE"]["stringValue"].toString(), "SDK_CLIENT_ERROR");
    QCOMPARE(dead.first().attributes["RULE_ARN"]["stringValue"].toString(),
             "arn:aws:events:us-east-1:000000000000:rule/orders/big");
    QCOMPARE(dead.first().attributes["TARGET_ARN"]["stringValue"].toString(),
             "arn:aws:lambda:us-east-1:000000000000:function:audit");
    QCOMPARE(f->entries(CloudLogEntry::Kind::DeadLetter, "undelivered").size(), 1);
}

void TestEventBus::workersGetTheBusName()
{
    const NodeId bus = add("event-bus", "orders");
    (void)f->project.setNodeProperty(bus, "busName", "shop-orders");
    const NodeId function = f->addFunction("checkout", kEcho);
    (void)f->project.connectNodes(function, bus, "publishes");
    const auto variables = f->cloud->environmentOf(*f->project.architecture().node(function));
    QVERIFY(variables.contains(qMakePair(QString("ORDERS_EVENT_BUS_NAME"), QString("shop-orders"))));
}

QPair<long, QJsonObject> TestEventBus::events(const QByteArray &operation, const QJsonObject &input)
{
    const NimbusTest::HttpReply reply = NimbusTest::httpRequest(
        "POST", f->endpoint->url().toUtf8() + "/", QJsonDocument(input).toJson(),
        {"Content-Type: application/x-amz-json-1.1", "X-Amz-Target: AWSEvents." + operation});
    return {reply.status, QJsonDocument::fromJson(reply.body).object()};
}

void TestEventBus::endpointPutEvents()
{
    addBusAndRule(R"({"detail": {"total": [{"numeric": [">", 100]}]}})");
    (void)f->project.connectNodes(mRule, add("queue", "review"), "targets");
    QVERIFY2(f->start(), qPrintable(f->error));
    QJsonObject bad = order(500);
    bad.remove("Source");
    bad.insert("EventBusName", "orders");
    QJsonObject byArn = order(300);
    byArn.insert("EventBusName", "arn:aws:events:us-east-1:000000000000:event-bus/orders");
    QJsonObject small = order(5);
    small.insert("EventBusName", "orders");
    const auto [status, answer] = events("PutEvents", {{"Entries", QJsonArray{byArn, bad, small}}});
    QCOMPARE(status, 200L);
    QCOMPARE(answer["FailedEntryCount"].toInt(), 1);
    const QJsonArray entries = answer["Entries"].toArray();
    QCOMPARE(entries.size(), 3);
    QVERIFY(entries.at(0).toObject().contains("EventId"));
    QCOMPARE(entries.at(1)["ErrorCode"].toString(), "InvalidArgument");
    QVERIFY(entries.at(2).toObject().contains("EventId"));
    // Only the order over 100 reached the queue.
    const QList<QueueMessage> messages = f->cloud->state().messages("review");
    QCOMPARE(messages.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(messages.first().body)["detail"]["total"].toDouble(), 300.0);
}

void TestEventBus::endpointRefusesElevenEntries()
{
    addBusAndRule(R"({"source": ["shop.orders"]})");
    (void)f->project.connectNodes(mRule, add("queue", "review"), "targets");
    QVERIFY2(f->start(), qPrintable(f->error));
    QJsonArray eleven;
    for (int i = 0; i < 11; ++i) {
        QJsonObject entry = order(i);
        entry.insert("EventBusName", "orders");
        eleven.append(entry);
    }
    const auto [status, answer] = events("PutEvents", {{"Entries", eleven}});
    QCOMPARE(status, 400L);
    QCOMPARE(answer["__type"].toString(), "ValidationException");
    QVERIFY(f->cloud->state().messages("review").isEmpty());
    // Over 256 KB in all, as EventBridge counts an entry.
    QJsonObject large = order(1);
    large.insert("EventBusName", "orders");
    large.insert("Detail", QString::fromUtf8(R"({"pad": ")" + QByteArray(130 * 1024, 'x') + R"("})"));
    const auto [tooLarge, why] = events("PutEvents", {{"Entries", QJsonArray{large, large}}});
    QCOMPARE(tooLarge, 400L);
    QCOMPARE(why["message"].toString(), "Total size of the entries in the request is over the limit.");
    QVERIFY(f->cloud->state().messages("review").isEmpty());
}

void TestEventBus::endpointRefusesOtherOperationsByName()
{
    addBusAndRule(R"({"source": ["shop.orders"]})");
    QVERIFY2(f->start(), qPrintable(f->error));
    const auto [status, answer] = events("PutRule", {{"Name", "sneaky"}, {"EventPattern", "{}"}});
    QCOMPARE(status, 501L);
    QCOMPARE(answer["__type"].toString(), "NotImplemented");
    QVERIFY2(answer["message"].toString().contains("AWSEvents.PutRule"), qPrintable(answer["message"].toString()));
}

void TestEventBus::endpointDescribesRulesAndBuses()
{
    addBusAndRule(R"({"source": ["shop.orders"]})");
    const NodeId other = add("rule", "another");
    (void)f->project.connectNodes(f->project.architecture().nodeByName("orders")->id, other, "routes");
    QVERIFY2(f->start(), qPrintable(f->error));
    const auto [listed, rules] = events("ListRules", {{"EventBusName", "orders"}, {"NamePrefix", "b"}});
    QCOMPARE(listed, 200L);
    QCOMPARE(rules["Rules"].toArray().size(), 1);
    QCOMPARE(rules["Rules"][0]["Name"].toString(), "big");
    QCOMPARE(rules["Rules"][0]["Arn"].toString(), "arn:aws:events:us-east-1:000000000000:rule/orders/big");
    QCOMPARE(rules["Rules"][0]["State"].toString(), "ENABLED");
    const auto [described, rule] = events("DescribeRule", {{"EventBusName", "orders"}, {"Name", "big"}});
    QCOMPARE(described, 200L);
    QCOMPARE(rule["EventPattern"].toString(), R"({"source": ["shop.orders"]})");
    const auto [missing, none] = events("DescribeRule", {{"EventBusName", "orders"}, {"Name", "nope"}});
    QCOMPARE(missing, 400L);
    QCOMPARE(none["__type"].toString(), "ResourceNotFoundException");
    const auto [buses, list] = events("ListEventBuses", {});
    QCOMPARE(list["EventBuses"][0]["Name"].toString(), "orders");
    const auto [tested, result] = events("TestEventPattern",
                                         {{"EventPattern", R"({"detail": {"total": [{"numeric": [">", 100]}]}})"},
                                          {"Event", QString::fromUtf8(QJsonDocument(kEc2Event).toJson())}});
    QCOMPARE(tested, 200L);
    QCOMPARE(result["Result"].toBool(), false);
    const auto [invalid, error] = events("TestEventPattern", {{"EventPattern", "{oops"}, {"Event", "{}"}});
    QCOMPARE(invalid, 400L);
    QCOMPARE(error["__type"].toString(), "InvalidEventPatternException");
}

void TestEventBus::controlPutEvent()
{
    addBusAndRule(R"({"source": ["shop.orders"]})");
    (void)f->project.connectNodes(mRule, add("queue", "review"), "targets");
    QVERIFY2(f->start(), qPrintable(f->error));
    QJsonObject bad = order(1);
    bad.insert("Detail", "[1]");
    const NimbusTest::HttpReply reply = f->control(
        "put-event", QJsonDocument(QJsonObject{{"bus", "orders"}, {"entries", QJsonArray{order(2), bad}}}).toJson());
    QCOMPARE(reply.status, 200L);
    const QJsonArray entries = QJsonDocument::fromJson(reply.body)["entries"].toArray();
    QCOMPARE(entries.size(), 2);
    QVERIFY(entries.at(0).toObject().contains("EventId"));
    QCOMPARE(entries.at(1)["ErrorCode"].toString(), "MalformedDetail");
    QCOMPARE(f->cloud->state().messages("review").size(), 1);
}

void TestEventBus::validatorSaysWhatIsWrongWithARule_data()
{
    QTest::addColumn<QString>("property");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message"); // empty: no diagnostic on the rule
    QTest::newRow("valid") << "pattern" << QJsonValue(R"({"detail": {"total": [{"numeric": [">", 100]}]}})")
                           << QString();
    QTest::newRow("pattern not JSON") << "pattern" << QJsonValue("{\"source\": [") << "Event pattern is not valid";
    QTest::newRow("unknown operator") << "pattern" << QJsonValue(R"({"source": [{"biggerThan": 1}]})")
                                      << "Event pattern is not valid";
    QTest::newRow("input path") << "inputPath" << QJsonValue("detail") << "starts with $";
    QTest::newRow("dead-letter queue missing")
        << "deadLetterQueue" << QJsonValue("nowhere") << "the dead-letter queue nowhere is not a queue of the design";
}

void TestEventBus::validatorSaysWhatIsWrongWithARule()
{
    QFETCH(QString, property);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    addBusAndRule(R"({"source": ["shop"]})");
    if (property == "inputPath")
        (void)f->project.setNodeProperty(mRule, "inputMode", "InputPath");
    (void)f->project.setNodeProperty(mRule, property, value);
    QStringList onRule;
    for (const Diagnostic &d : Validator(f->project.catalog(), f->project.architecture()).validate())
        if (d.nodes.contains(mRule) && d.code == "invalid-rule") {
            onRule.append(d.message);
            QCOMPARE(d.property, property == "inputPath" ? QString("inputMode") : property);
        }
    if (message.isEmpty()) {
        QVERIFY2(onRule.isEmpty(), qPrintable(onRule.join('\n')));
        return;
    }
    QCOMPARE(onRule.size(), 1);
    QVERIFY2(onRule.first().contains(message), qPrintable(onRule.first()));
}

QTEST_GUILESS_MAIN(TestEventBus)
#include "tst_eventbus.moc"
