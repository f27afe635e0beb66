// SNS subscriptions (issue 23 item 4) as the SDKs make them: Subscribe of queues (sqs)
// and functions (lambda) with RawMessageDelivery, FilterPolicy and FilterPolicyScope
// (attribute and payload policies with SNS's operators: exact, prefix, anything-but,
// numeric, exists, String.Array, $or), Unsubscribe, ListSubscriptions(ByTopic),
// Get/SetSubscriptionAttributes, GetTopicAttributes; SNS's envelope on queues unless raw;
// MessageStructure json per protocol. The endpoint is driven directly, as the server
// does; each case follows AWS's SNS documentation.

#include "cloudfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using namespace Nimbus;

namespace {

QStringList elementsOf(const QByteArray &xml, const QString &name)
{
    QStringList found;
    const QRegularExpression re(QStringLiteral("<%1>([^<]*)</%1>").arg(name));
    for (auto it = re.globalMatch(QString::fromUtf8(xml)); it.hasNext();)
        found.append(it.next().captured(1));
    return found;
}

using Form = QList<QPair<QString, QString>>;

const QString kTopic = QStringLiteral("arn:aws:sns:us-east-1:000000000000:alerts");
const QString kQueue = QStringLiteral("arn:aws:sqs:us-east-1:000000000000:jobs");

// A message attribute's entries of a Publish form from "name|type|value" (";" between).
Form attributes(const QString &given)
{
    Form form;
    int n = 0;
    for (const QString &entry : given.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList a = entry.split(QLatin1Char('|'));
        const QString prefix = QStringLiteral("MessageAttributes.entry.%1.").arg(++n);
        form.append({prefix + QStringLiteral("Name"), a[0]});
        form.append({prefix + QStringLiteral("Value.DataType"), a[1]});
        form.append({prefix
                         + (a[1].startsWith(QLatin1String("Binary")) ? QStringLiteral("Value.BinaryValue")
                                                                     : QStringLiteral("Value.StringValue")),
                     a[2]});
    }
    return form;
}

} // namespace

class TestSnsSubscriptions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void filterPolicies_data();
    void filterPolicies();
    void invalidFilterPolicies_data();
    void invalidFilterPolicies();
    void envelopeOrRaw();
    void messageStructureJson_data();
    void messageStructureJson();
    void subscriptionLifecycle();
    void lambdaSubscriptions();

private:
    HttpResponseData call(const QString &action, const Form &form);
    QString subscribe(const Form &attributes = {});
    QList<QueueMessage> queued() const { return mCloud->cloud->state().messages(QStringLiteral("jobs")); }

    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
    AwsEndpoint *mEndpoint = nullptr;
};

void TestSnsSubscriptions::init()
{
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mCloud->startAwsProject(), qPrintable(mCloud->error));
    mEndpoint = mCloud->endpoint.get();
}

void TestSnsSubscriptions::cleanup()
{
    mEndpoint = nullptr;
    mCloud.reset();
}

HttpResponseData TestSnsSubscriptions::call(const QString &action, const Form &form)
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
    mEndpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    return answer.value_or(HttpResponseData{0, {}, {}, {}});
}

QString TestSnsSubscriptions::subscribe(const Form &attributes)
{
    Form form{{QStringLiteral("TopicArn"), kTopic},
              {QStringLiteral("Protocol"), QStringLiteral("sqs")},
              {QStringLiteral("Endpoint"), kQueue}};
    int n = 0;
    for (const auto &[name, value] : attributes) {
        form.append({QStringLiteral("Attributes.entry.%1.key").arg(++n), name});
        form.append({QStringLiteral("Attributes.entry.%1.value").arg(n), value});
    }
    const HttpResponseData r = call(QStringLiteral("Subscribe"), form);
    if (r.status != 200)
        qWarning("Subscribe: %d %s", r.status, r.body.constData());
    return elementsOf(r.body, QStringLiteral("SubscriptionArn")).value(0);
}

void TestSnsSubscriptions::filterPolicies_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("given"); // name|type|value;...
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("delivered");

    using A = QString;
    const QString attrs = QStringLiteral("MessageAttributes"), body = QStringLiteral("MessageBody");
    const A red = QStringLiteral("color|String|red");
    QTest::newRow("exact") << attrs << R"({"color": ["red", "green"]})" << red << "m" << true;
    QTest::newRow("exact, other value") << attrs << R"({"color": ["blue"]})" << red << "m" << false;
    QTest::newRow("attribute missing") << attrs << R"({"size": ["L"]})" << red << "m" << false;
    QTest::newRow("prefix") << attrs << R"({"color": [{"prefix": "re"}]})" << red << "m" << true;
    QTest::newRow("suffix") << attrs << R"({"color": [{"suffix": "een"}]})" << red << "m" << false;
    QTest::newRow("anything-but") << attrs << R"({"color": [{"anything-but": ["red"]}]})" << red << "m" << false;
    QTest::newRow("anything-but other") << attrs << R"({"color": [{"anything-but": ["blue"]}]})" << red << "m" << true;
    QTest::newRow("numeric range") << attrs << R"({"price": [{"numeric": [">", 100, "<=", 200]}]})"
                                   << A(QStringLiteral("price|Number|") + QStringLiteral("150")) << "m" << true;
    QTest::newRow("numeric below") << attrs << R"({"price": [{"numeric": [">", 100]}]})"
                                   << A(QStringLiteral("price|Number|") + QStringLiteral("50")) << "m" << false;
    QTest::newRow("numeric on a String is no number")
        << attrs << R"({"price": [{"numeric": [">", 100]}]})"
        << A(QStringLiteral("price|String|") + QStringLiteral("150")) << "m" << false;
    QTest::newRow("exact number") << attrs << R"({"price": [150]})"
                                  << A(QStringLiteral("price|Number|") + QStringLiteral("150.0")) << "m" << true;
    QTest::newRow("exists false") << attrs << R"({"color": [{"exists": false}]})" << A() << "m" << true;
    QTest::newRow("exists true, missing") << attrs << R"({"color": [{"exists": true}]})" << A() << "m" << false;
    QTest::newRow("String.Array") << attrs << R"({"tags": ["b"]})"
                                  << A(QStringLiteral("tags|String.Array|") + QStringLiteral(R"(["a", "b"])")) << "m"
                                  << true;
    QTest::newRow("$or") << attrs << R"({"$or": [{"color": ["blue"]}, {"size": ["L"]}]})"
                         << A(QStringLiteral("size|String|") + QStringLiteral("L")) << "m" << true;
    QTest::newRow("two keys, both must hold") << attrs << R"({"color": ["red"], "size": ["L"]})" << red << "m" << false;
    QTest::newRow("payload nested numeric") << body << R"({"order": {"total": [{"numeric": [">", 100]}]}})" << A{}
                                            << R"({"order": {"total": 150, "id": "o1"}})" << true;
    QTest::newRow("payload below") << body << R"({"order": {"total": [{"numeric": [">", 100]}]}})" << A{}
                                   << R"({"order": {"total": 50}})" << false;
    QTest::newRow("payload ignores attributes")
        << body << R"({"color": ["red"]})" << red << R"({"color": "blue"})" << false;
    QTest::newRow("payload not JSON") << body << R"({"color": ["red"]})" << A() << "red" << false;
}

void TestSnsSubscriptions::filterPolicies()
{
    QFETCH(QString, scope);
    QFETCH(QString, policy);
    QFETCH(QString, given);
    QFETCH(QString, message);
    QFETCH(bool, delivered);
    QVERIFY(!subscribe({{QStringLiteral("RawMessageDelivery"), QStringLiteral("true")},
                        {QStringLiteral("FilterPolicy"), policy},
                        {QStringLiteral("FilterPolicyScope"), scope}})
                 .isEmpty());
    Form form{{QStringLiteral("TopicArn"), kTopic}, {QStringLiteral("Message"), message}};
    form += attributes(given);
    const HttpResponseData r = call(QStringLiteral("Publish"), form);
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(queued().size(), delivered ? 1 : 0);
    if (delivered)
        QCOMPARE(queued().first().body, message.toUtf8());
}

void TestSnsSubscriptions::invalidFilterPolicies_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("answer");
    QTest::newRow("not JSON") << "FilterPolicy"
                              << "{color" << QByteArray("failed to parse JSON");
    QTest::newRow("six keys") << "FilterPolicy"
                              << R"({"a":["1"],"b":["1"],"c":["1"],"d":["1"],"e":["1"],"f":["1"]})"
                              << QByteArray("more than 5 keys");
    QTest::newRow("nested on attributes")
        << "FilterPolicy"
        << R"({"order": {"total": ["1"]}})" << QByteArray("must be an object or an array");
    QTest::newRow("not an array") << "FilterPolicy"
                                  << R"({"color": "red"})" << QByteArray("FilterPolicy");
    QTest::newRow("unknown scope") << "FilterPolicyScope"
                                   << "Everything" << QByteArray("FilterPolicyScope");
    QTest::newRow("unknown attribute") << "Colour"
                                       << "red" << QByteArray("Unknown attribute Colour");
}

void TestSnsSubscriptions::invalidFilterPolicies()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QByteArray, answer);
    Form form{{QStringLiteral("TopicArn"), kTopic},
              {QStringLiteral("Protocol"), QStringLiteral("sqs")},
              {QStringLiteral("Endpoint"), kQueue},
              {QStringLiteral("Attributes.entry.1.key"), name},
              {QStringLiteral("Attributes.entry.1.value"), value}};
    const HttpResponseData r = call(QStringLiteral("Subscribe"), form);
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("InvalidParameter") && r.body.contains(answer), r.body.constData());
    QCOMPARE(mCloud->cloud->topicSubscriptions().size(), 1); // the design's connection alerts -> onAlert
    // The same through SetSubscriptionAttributes, on a subscription that exists.
    if (name.startsWith(QLatin1String("Filter"))) {
        const QString arn = subscribe();
        const HttpResponseData set = call(QStringLiteral("SetSubscriptionAttributes"),
                                          {{QStringLiteral("SubscriptionArn"), arn},
                                           {QStringLiteral("AttributeName"), name},
                                           {QStringLiteral("AttributeValue"), value}});
        QCOMPARE(set.status, 400);
        QVERIFY(mCloud->cloud->topicSubscriptions().first().filterPolicy.isEmpty());
    }
}

void TestSnsSubscriptions::envelopeOrRaw()
{
    const QString arn = subscribe();
    QVERIFY(arn.startsWith(kTopic + QLatin1Char(':')));
    Form form{{QStringLiteral("TopicArn"), kTopic}, {QStringLiteral("Message"), QStringLiteral("hello")}};
    form += attributes(QStringLiteral("color|String|red"));
    QCOMPARE(call(QStringLiteral("Publish"), form).status, 200);
    QCOMPARE(queued().size(), 1);
    // SNS's notification JSON, as SNS puts it on a queue.
    const QJsonObject envelope = QJsonDocument::fromJson(queued().first().body).object();
    QCOMPARE(envelope.value("Type").toString(), QStringLiteral("Notification"));
    QCOMPARE(envelope.value("TopicArn").toString(), kTopic);
    QCOMPARE(envelope.value("Message").toString(), QStringLiteral("hello"));
    QVERIFY(!envelope.value("MessageId").toString().isEmpty());
    QVERIFY(envelope.contains("Timestamp") && envelope.contains("Signature") && envelope.contains("SigningCertURL"));
    QVERIFY(!envelope.contains("Subject"));
    QVERIFY2(envelope.value("UnsubscribeURL").toString().contains(arn),
             qPrintable(envelope.value("UnsubscribeURL").toString()));
    QCOMPARE(envelope.value("MessageAttributes")["color"]["Type"].toString(), QStringLiteral("String"));
    QCOMPARE(envelope.value("MessageAttributes")["color"]["Value"].toString(), QStringLiteral("red"));
    QVERIFY(queued().first().attributes.isEmpty());
    // Raw: the message alone, the attributes as the queue's.
    QCOMPARE(call(QStringLiteral("SetSubscriptionAttributes"),
                  {{QStringLiteral("SubscriptionArn"), arn},
                   {QStringLiteral("AttributeName"), QStringLiteral("RawMessageDelivery")},
                   {QStringLiteral("AttributeValue"), QStringLiteral("true")}})
                 .status,
             200);
    QCOMPARE(call(QStringLiteral("Publish"), form).status, 200);
    QCOMPARE(queued().size(), 2);
    QCOMPARE(queued().last().body, QByteArray("hello"));
    QCOMPARE(queued().last().attributes.value("color")["stringValue"].toString(), QStringLiteral("red"));
}

void TestSnsSubscriptions::messageStructureJson_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("queued"); // what the raw queue gets
    QTest::newRow("sqs entry") << R"({"default": "d", "sqs": "for queues", "lambda": "for functions"})" << 200
                               << QByteArray("for queues");
    QTest::newRow("default") << R"({"default": "d", "email": "e"})" << 200 << QByteArray("d");
    QTest::newRow("no default") << R"({"sqs": "q"})" << 400 << QByteArray("No default entry");
    QTest::newRow("not JSON") << "plain" << 400 << QByteArray("failed to parse");
    QTest::newRow("not a string") << R"({"default": {"a": 1}})" << 400 << QByteArray("Message Structure");
}

void TestSnsSubscriptions::messageStructureJson()
{
    QFETCH(QString, message);
    QFETCH(int, status);
    QFETCH(QByteArray, queued);
    QVERIFY(!subscribe({{QStringLiteral("RawMessageDelivery"), QStringLiteral("true")}}).isEmpty());
    const HttpResponseData r = call(QStringLiteral("Publish"),
                                    {{QStringLiteral("TopicArn"), kTopic},
                                     {QStringLiteral("Message"), message},
                                     {QStringLiteral("MessageStructure"), QStringLiteral("json")}});
    QCOMPARE(r.status, status);
    if (status != 200) {
        QVERIFY2(r.body.contains(queued), r.body.constData());
        QVERIFY(this->queued().isEmpty());
        return;
    }
    QCOMPARE(this->queued().size(), 1);
    QCOMPARE(this->queued().first().body, queued);
}

void TestSnsSubscriptions::subscriptionLifecycle()
{
    const QString arn = subscribe({{QStringLiteral("FilterPolicy"), QStringLiteral(R"({"color": ["red"]})")}});
    QVERIFY(!arn.isEmpty());
    // The same subscription again is the same; with other attributes it is refused.
    QCOMPARE(subscribe({{QStringLiteral("FilterPolicy"), QStringLiteral(R"({"color": ["red"]})")}}), arn);
    QVERIFY(subscribe({{QStringLiteral("RawMessageDelivery"), QStringLiteral("true")}}).isEmpty());
    // Listed after the subscription the design's connection alerts -> onAlert makes.
    const QString connection = mCloud->cloud->topicSubscriptions().first().arn;
    for (const QString &action : {QStringLiteral("ListSubscriptions"), QStringLiteral("ListSubscriptionsByTopic")}) {
        const HttpResponseData list = call(action, {{QStringLiteral("TopicArn"), kTopic}});
        QCOMPARE(list.status, 200);
        QCOMPARE(elementsOf(list.body, QStringLiteral("SubscriptionArn")), (QStringList{connection, arn}));
        QCOMPARE(elementsOf(list.body, QStringLiteral("Protocol")),
                 (QStringList{QStringLiteral("lambda"), QStringLiteral("sqs")}));
        QCOMPARE(elementsOf(list.body, QStringLiteral("Endpoint")).value(1), kQueue);
    }
    const HttpResponseData details = call(QStringLiteral("GetSubscriptionAttributes"),
                                          {{QStringLiteral("SubscriptionArn"), arn}});
    QVERIFY2(details.body.contains("<key>RawMessageDelivery</key><value>false</value>"), details.body.constData());
    QVERIFY2(details.body.contains("<key>FilterPolicyScope</key><value>MessageAttributes</value>"),
             details.body.constData());
    const HttpResponseData topic = call(QStringLiteral("GetTopicAttributes"), {{QStringLiteral("TopicArn"), kTopic}});
    QVERIFY2(topic.body.contains("<key>SubscriptionsConfirmed</key><value>2</value>"), topic.body.constData());
    // The filter changed: blue passes, red no longer.
    QCOMPARE(call(QStringLiteral("SetSubscriptionAttributes"),
                  {{QStringLiteral("SubscriptionArn"), arn},
                   {QStringLiteral("AttributeName"), QStringLiteral("FilterPolicy")},
                   {QStringLiteral("AttributeValue"), QStringLiteral(R"({"color": ["blue"]})")}})
                 .status,
             200);
    for (const QString &color : {QStringLiteral("red"), QStringLiteral("blue")}) {
        Form form{{QStringLiteral("TopicArn"), kTopic}, {QStringLiteral("Message"), color}};
        form += attributes(QStringLiteral("color|String|") + color);
        QCOMPARE(call(QStringLiteral("Publish"), form).status, 200);
    }
    QCOMPARE(queued().size(), 1);
    QCOMPARE(QJsonDocument::fromJson(queued().first().body)["Message"].toString(), QStringLiteral("blue"));
    // Unsubscribed: nothing more.
    QCOMPARE(call(QStringLiteral("Unsubscribe"), {{QStringLiteral("SubscriptionArn"), arn}}).status, 200);
    QCOMPARE(mCloud->cloud->topicSubscriptions().size(), 1); // the connection's
    QCOMPARE(call(QStringLiteral("Publish"),
                  {{QStringLiteral("TopicArn"), kTopic}, {QStringLiteral("Message"), QStringLiteral("late")}})
                 .status,
             200);
    QCOMPARE(queued().size(), 1);
    const HttpResponseData again = call(QStringLiteral("Unsubscribe"), {{QStringLiteral("SubscriptionArn"), arn}});
    QCOMPARE(again.status, 404);
    QVERIFY(again.body.contains("NotFound"));
    // Protocols the local cloud does not deliver to are refused by name.
    const HttpResponseData http = call(QStringLiteral("Subscribe"),
                                       {{QStringLiteral("TopicArn"), kTopic},
                                        {QStringLiteral("Protocol"), QStringLiteral("https")},
                                        {QStringLiteral("Endpoint"), QStringLiteral("https://example.com/hook")}});
    QCOMPARE(http.status, 501);
    QVERIFY(http.body.contains("Subscribe with protocol https"));
    // A Subscribe lasts its run: started again, the cloud has the design's connections only.
    QVERIFY(!subscribe({}).isEmpty());
    QCOMPARE(mCloud->cloud->topicSubscriptions().size(), 2);
    mCloud->cloud->stop();
    QVERIFY(mCloud->cloud->start(mCloud->folder.filePath(QStringLiteral(".nimbus-cloud"))));
    QCOMPARE(mCloud->cloud->topicSubscriptions().size(), 1);
}

void TestSnsSubscriptions::lambdaSubscriptions()
{
    const QString function = QStringLiteral("arn:aws:lambda:us-east-1:000000000000:function:writer");
    const Form form{{QStringLiteral("TopicArn"), kTopic},
                    {QStringLiteral("Protocol"), QStringLiteral("lambda")},
                    {QStringLiteral("Endpoint"), function}};
    Form raw = form;
    raw += {{QStringLiteral("Attributes.entry.1.key"), QStringLiteral("RawMessageDelivery")},
            {QStringLiteral("Attributes.entry.1.value"), QStringLiteral("true")}};
    const HttpResponseData refused = call(QStringLiteral("Subscribe"), raw);
    QCOMPARE(refused.status, 400);
    QVERIFY(refused.body.contains("does not support raw message delivery"));
    const HttpResponseData unknown = call(
        QStringLiteral("Subscribe"),
        {{QStringLiteral("TopicArn"), kTopic},
         {QStringLiteral("Protocol"), QStringLiteral("lambda")},
         {QStringLiteral("Endpoint"), QStringLiteral("arn:aws:lambda:us-east-1:000000000000:function:nobody")}});
    QCOMPARE(unknown.status, 400);
    const HttpResponseData made = call(QStringLiteral("Subscribe"), form);
    QCOMPARE(made.status, 200);
    const QString arn = elementsOf(made.body, QStringLiteral("SubscriptionArn")).value(0);
    const HttpResponseData list = call(QStringLiteral("ListSubscriptionsByTopic"),
                                       {{QStringLiteral("TopicArn"), kTopic}});
    // After the subscription of the design's connection alerts -> onAlert.
    QCOMPARE(elementsOf(list.body, QStringLiteral("Endpoint")),
             (QStringList{QStringLiteral("arn:aws:lambda:us-east-1:000000000000:function:onAlert"), function}));
    QCOMPARE(mCloud->cloud->topicSubscriptions().last().endpoint, QStringLiteral("writer"));
    QCOMPARE(mCloud->cloud->topicSubscriptions().last().arn, arn);
    // A publish invokes it (beside onAlert, which the canvas connects).
    const auto invoked = [&](const QString &function) {
        for (const CloudLogEntry &e : mCloud->cloud->log())
            if (e.kind == CloudLogEntry::Kind::Invocation && e.target == function)
                return true;
        return false;
    };
    QVERIFY(!invoked(QStringLiteral("writer")));
    QCOMPARE(call(QStringLiteral("Publish"),
                  {{QStringLiteral("TopicArn"), kTopic}, {QStringLiteral("Message"), QStringLiteral("to functions")}})
                 .status,
             200);
    QVERIFY(QTest::qWaitFor([&] { return invoked(QStringLiteral("writer")); }, 5000));
    QVERIFY(invoked(QStringLiteral("onAlert")));
}

QTEST_GUILESS_MAIN(TestSnsSubscriptions)
#include "tst_snssubscriptions.moc"
