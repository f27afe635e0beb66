// SNS subscriptions drawn as connections (issue 23 item 4): a topic "delivers" to a queue
// and "invokes" a function, with the connection's filter policy (on the attributes or on
// the body), raw message delivery (queues) and the SNS envelope otherwise; a FIFO queue
// only from a FIFO topic; the connections' subscriptions listed by ListSubscriptions(ByTopic)
// with ARNs that stay the same, answered by GetSubscriptionAttributes, and an SDK Subscribe
// of what a connection subscribes answered with that subscription (each message reaches a
// queue or a function once). The AWS endpoint is driven directly, as the server does.

#include "cloudfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

using namespace Nimbus;

namespace {

using Form = QList<QPair<QString, QString>>;

const QString kTopic = QStringLiteral("arn:aws:sns:us-east-1:000000000000:alerts");
const QString kQueue = QStringLiteral("arn:aws:sqs:us-east-1:000000000000:jobs");
const QString kFunction = QStringLiteral("arn:aws:lambda:us-east-1:000000000000:function:onAlert");
const char *const kRedPolicy = "{\"color\": [\"red\"]}";

QStringList elementsOf(const QByteArray &xml, const QString &name)
{
    QStringList found;
    const QRegularExpression re(QStringLiteral("<%1>([^<]*)</%1>").arg(name));
    for (auto it = re.globalMatch(QString::fromUtf8(xml)); it.hasNext();)
        found.append(it.next().captured(1));
    return found;
}

// A Publish form's message attributes from "name|type|value" (";" between).
Form attributes(const QString &given)
{
    Form form;
    int n = 0;
    for (const QString &entry : given.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList a = entry.split(QLatin1Char('|'));
        const QString prefix = QStringLiteral("MessageAttributes.entry.%1.").arg(++n);
        form.append({prefix + "Name", a[0]});
        form.append({prefix + "Value.DataType", a[1]});
        form.append({prefix + "Value.StringValue", a[2]});
    }
    return form;
}

} // namespace

class tst_TopicConnections : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void envelopeOrRaw_data();
    void envelopeOrRaw();
    void queueFilterPolicy_data();
    void queueFilterPolicy();
    void functionFilterPolicy();
    void fifoQueueOnlyFromFifoTopic();
    void listedAndDescribed();
    void subscribeReturnsTheConnection();
    void subscribeBeforeTheConnection();
    void messageStructureJson();
    void unsubscribeForThisRun();

private:
    HttpResponseData call(const QString &action, const Form &form);
    HttpResponseData publish(const QString &message, const QString &given = {}, const Form &more = {});
    EdgeId connectQueue(const QJsonObject &properties = {});
    QList<QueueMessage> queued(const QString &queue = QStringLiteral("jobs")) const
    {
        return mCloud->cloud->state().messages(queue);
    }
    int invocations(const QString &function) const;
    Project &project() { return mCloud->project; }

    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
};

void tst_TopicConnections::init()
{
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mCloud->startAwsProject(), qPrintable(mCloud->error));
}

void tst_TopicConnections::cleanup()
{
    mCloud.reset();
}

HttpResponseData tst_TopicConnections::call(const QString &action, const Form &form)
{
    QByteArray body = "Action=" + action.toLatin1() + "&Version=2010-03-31";
    for (const auto &[name, value] : form)
        body += '&' + QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    AwsRequest request;
    request.method = QStringLiteral("POST");
    request.path = QStringLiteral("/");
    request.host = QStringLiteral("127.0.0.1");
    request.headers = {{"host", "127.0.0.1:4566"},
                       {"content-type", "application/x-www-form-urlencoded; charset=utf-8"},
                       {"authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/sns/aws4_request, "
                                         "SignedHeaders=host, Signature=0"}};
    request.body = body;
    std::optional<HttpResponseData> answer;
    mCloud->endpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    return answer.value_or(HttpResponseData{0, {}, {}, {}});
}

HttpResponseData tst_TopicConnections::publish(const QString &message, const QString &given, const Form &more)
{
    Form form{{QStringLiteral("TopicArn"), kTopic}, {QStringLiteral("Message"), message}};
    form += attributes(given);
    form += more;
    return call(QStringLiteral("Publish"), form);
}

EdgeId tst_TopicConnections::connectQueue(const QJsonObject &properties)
{
    const Architecture &a = project().architecture();
    const Result<EdgeId> made = project().connectNodes(a.nodeByName("alerts")->id, a.nodeByName("jobs")->id, "delivers",
                                                       properties);
    if (!made)
        qWarning("%s", qPrintable(made.errorMessage()));
    return made.valueOr(kInvalidEdgeId);
}

int tst_TopicConnections::invocations(const QString &function) const
{
    // An invocation is logged when it starts, within the publish that causes it.
    int count = 0;
    for (const CloudLogEntry &e : mCloud->cloud->log())
        if (e.kind == CloudLogEntry::Kind::Invocation && e.target == function)
            ++count;
    return count;
}

void tst_TopicConnections::envelopeOrRaw_data()
{
    QTest::addColumn<bool>("raw");
    QTest::newRow("SNS envelope") << false;
    QTest::newRow("raw") << true;
}

void tst_TopicConnections::envelopeOrRaw()
{
    QFETCH(bool, raw);
    const EdgeId edge = connectQueue(raw ? QJsonObject{{"rawMessageDelivery", true}} : QJsonObject());
    QVERIFY(edge != kInvalidEdgeId);
    const HttpResponseData r = publish("hello", "color|String|red;size|Number|3",
                                       {{QStringLiteral("Subject"), QStringLiteral("greeting")}});
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(queued().size(), 1);
    const QueueMessage m = queued().first();
    // The hop is logged along the connection, for the canvas's animation.
    const QList<CloudLogEntry> log = mCloud->cloud->log();
    QVERIFY(std::any_of(log.cbegin(), log.cend(), [&](const CloudLogEntry &e) {
        return e.kind == CloudLogEntry::Kind::ServiceChange && e.target == "jobs" && e.edge == edge;
    }));
    if (raw) {
        QCOMPARE(m.body, QByteArray("hello"));
        QCOMPARE(m.attributes.value("color")["stringValue"].toString(), QStringLiteral("red"));
        QCOMPARE(m.attributes.value("color")["dataType"].toString(), QStringLiteral("String"));
        QCOMPARE(m.attributes.value("size")["dataType"].toString(), QStringLiteral("Number"));
        return;
    }
    QVERIFY(m.attributes.isEmpty());
    const QJsonObject envelope = QJsonDocument::fromJson(m.body).object();
    QStringList keys = envelope.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{"Message", "MessageAttributes", "MessageId", "Signature", "SignatureVersion",
                                "SigningCertURL", "Subject", "Timestamp", "TopicArn", "Type", "UnsubscribeURL"}));
    QCOMPARE(envelope.value("Type").toString(), QStringLiteral("Notification"));
    QCOMPARE(envelope.value("TopicArn").toString(), kTopic);
    QCOMPARE(envelope.value("Subject").toString(), QStringLiteral("greeting"));
    QCOMPARE(envelope.value("Message").toString(), QStringLiteral("hello"));
    QCOMPARE(envelope.value("MessageId").toString(), elementsOf(r.body, "MessageId").value(0));
    QCOMPARE(envelope.value("MessageAttributes")["size"]["Type"].toString(), QStringLiteral("Number"));
    QCOMPARE(envelope.value("MessageAttributes")["size"]["Value"].toString(), QStringLiteral("3"));
    const QString arn = mCloud->cloud->topicSubscriptions("alerts").at(1).arn; // after onAlert's
    QVERIFY2(envelope.value("UnsubscribeURL").toString().contains(arn),
             qPrintable(envelope.value("UnsubscribeURL").toString()));
}

void tst_TopicConnections::queueFilterPolicy_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("delivered");
    const QString attrs = QStringLiteral("MessageAttributes"), body = QStringLiteral("MessageBody");
    QTest::newRow("no policy") << attrs << ""
                               << ""
                               << "m" << true;
    QTest::newRow("attribute matches") << attrs << kRedPolicy << "color|String|red"
                                       << "m" << true;
    QTest::newRow("attribute differs") << attrs << kRedPolicy << "color|String|blue"
                                       << "m" << false;
    QTest::newRow("attribute missing") << attrs << kRedPolicy << ""
                                       << "m" << false;
    QTest::newRow("numeric attribute") << attrs << "{\"price\": [{\"numeric\": [\">=\", 100]}]}"
                                       << "price|Number|120"
                                       << "m" << true;
    QTest::newRow("body matches") << body << "{\"order\": {\"total\": [{\"numeric\": [\">\", 100]}]}}"
                                  << ""
                                  << "{\"order\": {\"total\": 150}}" << true;
    QTest::newRow("body below") << body << "{\"order\": {\"total\": [{\"numeric\": [\">\", 100]}]}}"
                                << ""
                                << "{\"order\": {\"total\": 50}}" << false;
    QTest::newRow("body ignores attributes") << body << kRedPolicy << "color|String|red"
                                             << "{\"color\": \"blue\"}" << false;
}

void tst_TopicConnections::queueFilterPolicy()
{
    QFETCH(QString, scope);
    QFETCH(QString, policy);
    QFETCH(QString, given);
    QFETCH(QString, message);
    QFETCH(bool, delivered);
    QVERIFY(connectQueue({{"filterPolicy", policy}, {"filterPolicyScope", scope}, {"rawMessageDelivery", true}})
            != kInvalidEdgeId);
    QCOMPARE(publish(message, given).status, 200);
    QCOMPARE(queued().size(), delivered ? 1 : 0);
    if (delivered)
        QCOMPARE(queued().first().body, message.toUtf8());
}

void tst_TopicConnections::functionFilterPolicy()
{
    // alerts invokes onAlert in the design: every message reaches it until it filters.
    const Architecture &a = project().architecture();
    const Edge *edge = a.findEdge(a.nodeByName("alerts")->id, a.nodeByName("onAlert")->id, "invokes");
    QVERIFY(edge);
    QCOMPARE(publish("first", "color|String|blue").status, 200);
    QCOMPARE(invocations("onAlert"), 1);
    QVERIFY(project().setEdgeProperty(edge->id, "filterPolicy", QString::fromLatin1(kRedPolicy)));
    QCOMPARE(publish("blue", "color|String|blue").status, 200);
    QCOMPARE(invocations("onAlert"), 1);
    QCOMPARE(publish("red", "color|String|red").status, 200);
    QCOMPARE(invocations("onAlert"), 2);
    const QList<CloudLogEntry> log = mCloud->cloud->log();
    QVERIFY(std::any_of(log.cbegin(), log.cend(),
                        [](const CloudLogEntry &e) { return e.detail.contains("filtered out for onAlert"); }));
    // On the body.
    QVERIFY(project().setEdgeProperty(edge->id, "filterPolicyScope", "MessageBody"));
    QVERIFY(project().setEdgeProperty(edge->id, "filterPolicy", "{\"level\": [\"high\"]}"));
    QCOMPARE(publish("{\"level\": \"low\"}", "color|String|red").status, 200);
    QCOMPARE(invocations("onAlert"), 2);
    QCOMPARE(publish("{\"level\": \"high\"}").status, 200);
    QCOMPARE(invocations("onAlert"), 3);
    // Undone to no policy: every message again.
    project().undoStack()->undo();
    project().undoStack()->undo();
    project().undoStack()->undo();
    QCOMPARE(publish("any").status, 200);
    QCOMPARE(invocations("onAlert"), 4);
}

void tst_TopicConnections::fifoQueueOnlyFromFifoTopic()
{
    Project &p = project();
    const NodeId ticks = p.addNode("topic", {0, 400}, "ticks").value();
    QCOMPARE(p.architecture().node(ticks)->name, QStringLiteral("ticks"));
    QVERIFY(p.setNodeProperty(ticks, "fifo", true));
    const NodeId ordered = p.addNode("queue", {200, 400}, "ordered").value();
    QVERIFY(p.setNodeProperty(ordered, "fifo", true));
    const NodeId alerts = p.architecture().nodeByName("alerts")->id;
    // FIFO to FIFO: delivered in its group.
    QCOMPARE(p.architecture().node(ordered)->name, QStringLiteral("ordered"));
    QVERIFY(p.connectNodes(ticks, ordered, "delivers", {{"rawMessageDelivery", true}}));
    const Result<SentMessage> sent = mCloud->cloud->publishMessage("ticks", "first", FifoSend{"g1", "d1"});
    QVERIFY2(sent, qPrintable(sent.errorMessage()));
    QCOMPARE(queued("ordered").size(), 1);
    QCOMPARE(queued("ordered").first().groupId, QStringLiteral("g1"));
    QCOMPARE(queued("ordered").first().body, QByteArray("first"));
    // A standard topic to a FIFO queue: refused on the canvas; from a file, nothing is sent
    // and the hop is logged as failed.
    QVERIFY(!p.connectNodes(alerts, ordered, "delivers"));
    Edge edge;
    edge.id = p.architecture().allocateEdgeId();
    edge.from = alerts;
    edge.to = ordered;
    edge.type = QStringLiteral("delivers");
    p.architecture().insertEdge(edge);
    QCOMPARE(publish("second").status, 200);
    QCOMPARE(queued("ordered").size(), 1);
    const QList<CloudLogEntry> log = mCloud->cloud->log();
    QVERIFY(std::any_of(log.cbegin(), log.cend(), [&](const CloudLogEntry &e) {
        return !e.ok && e.target == "ordered" && e.edge == edge.id && e.detail.contains("standard topic alerts");
    }));
}

void tst_TopicConnections::listedAndDescribed()
{
    QVERIFY(connectQueue({{"filterPolicy", kRedPolicy}, {"rawMessageDelivery", true}}) != kInvalidEdgeId);
    const HttpResponseData list = call("ListSubscriptionsByTopic", {{"TopicArn", kTopic}});
    QCOMPARE(list.status, 200);
    // The connection to onAlert (in the design) and the new one to jobs.
    QCOMPARE(elementsOf(list.body, "Protocol"), (QStringList{"lambda", "sqs"}));
    QCOMPARE(elementsOf(list.body, "Endpoint"), (QStringList{kFunction, kQueue}));
    const QStringList arns = elementsOf(list.body, "SubscriptionArn");
    QCOMPARE(arns.size(), 2);
    for (const QString &arn : arns)
        QVERIFY2(arn.startsWith(kTopic + ':'), qPrintable(arn));
    QCOMPARE(elementsOf(call("ListSubscriptions", {}).body, "SubscriptionArn"), arns);
    const HttpResponseData details = call("GetSubscriptionAttributes", {{"SubscriptionArn", arns.at(1)}});
    QCOMPARE(details.status, 200);
    QVERIFY2(details.body.contains("<key>RawMessageDelivery</key><value>true</value>"), details.body.constData());
    QVERIFY2(details.body.contains("<key>FilterPolicy</key><value>{&quot;color&quot;: [&quot;red&quot;]}</value>")
                 || details.body.contains("<key>FilterPolicy</key><value>{\"color\": [\"red\"]}</value>"),
             details.body.constData());
    const HttpResponseData topic = call("GetTopicAttributes", {{"TopicArn", kTopic}});
    QVERIFY2(topic.body.contains("<key>SubscriptionsConfirmed</key><value>2</value>"), topic.body.constData());
    // The same ARNs in another run of the same design.
    LocalCloud other(project(), mCloud->runner);
    QStringList again;
    for (const TopicSubscription &s : other.topicSubscriptions("alerts"))
        again.append(s.arn);
    QCOMPARE(again, arns);
    // Its attributes belong to the design: SetSubscriptionAttributes is refused by name.
    const HttpResponseData set = call(
        "SetSubscriptionAttributes",
        {{"SubscriptionArn", arns.at(1)}, {"AttributeName", "RawMessageDelivery"}, {"AttributeValue", "false"}});
    QCOMPARE(set.status, 400);
    QVERIFY2(set.body.contains("connection of the design"), set.body.constData());
}

void tst_TopicConnections::subscribeReturnsTheConnection()
{
    QVERIFY(connectQueue() != kInvalidEdgeId);
    const QString queueArn = mCloud->cloud->topicSubscriptions("alerts").at(1).arn;
    const QString functionArn = mCloud->cloud->topicSubscriptions("alerts").at(0).arn;
    const HttpResponseData queue = call("Subscribe", {{"TopicArn", kTopic}, {"Protocol", "sqs"}, {"Endpoint", kQueue}});
    QCOMPARE(queue.status, 200);
    QCOMPARE(elementsOf(queue.body, "SubscriptionArn"), QStringList{queueArn});
    const HttpResponseData function = call("Subscribe",
                                           {{"TopicArn", kTopic}, {"Protocol", "lambda"}, {"Endpoint", kFunction}});
    QCOMPARE(function.status, 200);
    QCOMPARE(elementsOf(function.body, "SubscriptionArn"), QStringList{functionArn});
    // Other attributes than the connection's are refused, as SNS refuses them.
    const HttpResponseData other = call("Subscribe", {{"TopicArn", kTopic},
                                                      {"Protocol", "sqs"},
                                                      {"Endpoint", kQueue},
                                                      {"Attributes.entry.1.key", "RawMessageDelivery"},
                                                      {"Attributes.entry.1.value", "true"}});
    QCOMPARE(other.status, 400);
    QVERIFY2(other.body.contains("already exists with different attributes"), other.body.constData());
    QCOMPARE(elementsOf(call("ListSubscriptionsByTopic", {{"TopicArn", kTopic}}).body, "SubscriptionArn").size(), 2);
    // One message each: the function is invoked once, the queue gets one copy.
    QCOMPARE(publish("once").status, 200);
    QCOMPARE(invocations("onAlert"), 1);
    QCOMPARE(queued().size(), 1);
}

void tst_TopicConnections::subscribeBeforeTheConnection()
{
    // A Subscribe made while the design had no connection gives way to the connection
    // drawn afterwards: one delivery, one subscription listed.
    const HttpResponseData made = call("Subscribe", {{"TopicArn", kTopic}, {"Protocol", "sqs"}, {"Endpoint", kQueue}});
    QCOMPARE(made.status, 200);
    QCOMPARE(mCloud->cloud->topicSubscriptions("alerts").size(), 2);
    QVERIFY(connectQueue({{"rawMessageDelivery", true}}) != kInvalidEdgeId);
    const QList<TopicSubscription> subscriptions = mCloud->cloud->topicSubscriptions("alerts");
    QCOMPARE(subscriptions.size(), 2);
    QVERIFY(subscriptions.at(1).edge != kInvalidEdgeId);
    QCOMPARE(publish("once").status, 200);
    QCOMPARE(queued().size(), 1);
    QCOMPARE(queued().first().body, QByteArray("once")); // the connection's raw delivery
}

void tst_TopicConnections::messageStructureJson()
{
    QVERIFY(connectQueue({{"rawMessageDelivery", true}}) != kInvalidEdgeId);
    const HttpResponseData r = publish("{\"default\": \"d\", \"sqs\": \"for queues\", \"lambda\": \"for functions\"}",
                                       {}, {{"MessageStructure", "json"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(queued().size(), 1);
    QCOMPARE(queued().first().body, QByteArray("for queues"));
    QCOMPARE(invocations("onAlert"), 1);
}

void tst_TopicConnections::unsubscribeForThisRun()
{
    QVERIFY(connectQueue() != kInvalidEdgeId);
    const QString arn = mCloud->cloud->topicSubscriptions("alerts").at(1).arn;
    QCOMPARE(call("Unsubscribe", {{"SubscriptionArn", arn}}).status, 200);
    QCOMPARE(elementsOf(call("ListSubscriptionsByTopic", {{"TopicArn", kTopic}}).body, "SubscriptionArn").size(), 1);
    QCOMPARE(publish("gone").status, 200);
    QVERIFY(queued().isEmpty());
    // The design keeps its connection, and the next run delivers along it again.
    QCOMPARE(project().architecture().edgeCount(), 7);
    mCloud->cloud->stop();
    QVERIFY(mCloud->cloud->start(mCloud->folder.filePath(".nimbus-cloud")));
    QCOMPARE(mCloud->cloud->topicSubscriptions("alerts").size(), 2);
    QCOMPARE(publish("back").status, 200);
    QCOMPARE(queued().size(), 1);
}

QTEST_GUILESS_MAIN(tst_TopicConnections)
#include "tst_topicconnections.moc"
