// FIFO queues and topics as SQS and SNS define them, through the real SDKs (the AWS SDK
// for JavaScript v3 of the runtime folder and Debian's boto3, one operation a process
// by sdk/sdk_call.*, so that the test moves the cloud's clock between calls):
// deduplication by id and by content within five minutes, the parameters SQS refuses,
// sequence numbers, per-group order under concurrent consumers (sdk/fifo_consumers.*),
// a FIFO topic delivering to a FIFO queue; and the trigger of a function connected to
// a FIFO queue: one batch in flight per group, in order, a failed message holding its
// group back until it goes to the FIFO dead-letter queue.

#include "cloudfixture.h"
#include "model/validator.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <numeric>

using namespace Nimbus;

namespace {
// Answers what each record was, and when (wall time) the batch began and ended.
const QByteArray kRecorder = "exports.handler = async (event) => {\n"
                             "  const start = Date.now();\n"
                             "  await new Promise((resolve) => setTimeout(resolve, 20));\n"
                             "  return { start, end: Date.now(), records: event.Records.map((r) => ({ body: r.body,\n"
                             "    group: r.attributes.MessageGroupId, sequence: r.attributes.SequenceNumber,\n"
                             "    dedup: r.attributes.MessageDeduplicationId, arn: r.eventSourceARN })) };\n"
                             "};\n";
// Fails a batch holding the body "bad".
const QByteArray kPicky = "exports.handler = async (event) => {\n"
                          "  if (event.Records.some((r) => r.body === 'bad')) throw new Error('bad message');\n"
                          "  return { bodies: event.Records.map((r) => r.body) };\n"
                          "};\n";
// Reports the record with the body "p2" failed (ReportBatchItemFailures).
const QByteArray kReporter = "exports.handler = async (event) => ({ batchItemFailures: event.Records\n"
                             "  .filter((r) => r.body === 'p2').map((r) => ({ itemIdentifier: r.messageId })) });\n";
constexpr qint64 kMinute = 60'000;
} // namespace

class TestFifo : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void deduplicatesWithinFiveMinutes_data();
    void deduplicatesWithinFiveMinutes();
    void refusesWhatSqsRefuses_data();
    void refusesWhatSqsRefuses();
    void sequenceNumbersIncrease_data();
    void sequenceNumbersIncrease();
    void retriedReceiveGetsTheSameMessages_data();
    void retriedReceiveGetsTheSameMessages();
    void perGroupOrderUnderConcurrentConsumers_data();
    void perGroupOrderUnderConcurrentConsumers();
    void triggerTakesOneBatchPerGroup();
    void failedMessageHoldsItsGroupBack();
    void reportedFailureHoldsTheRestOfItsGroup();
    void validatorRefusesFifoBatchesOverTen_data();
    void validatorRefusesFifoBatchesOverTen();
    void fifoTopicToFifoQueue_data();
    void fifoTopicToFifoQueue();
    void fifoTopicInvokesNoFunction();

private:
    static void addSdkRows();
    NodeId addService(const QString &kind, const QString &name, const QJsonObject &properties);
    // One operation through an SDK ("js" or "py"): {"output": ...} or {"error", "code", "message"}.
    const QJsonObject call(const QString &sdk, const QString &service, const QString &operation,
                           const QJsonObject &input = {});
    QJsonObject send(const QString &sdk, const QJsonObject &input);
    // Receives (and deletes) everything visible in queue, oldest first.
    QJsonArray drain(const QString &sdk, const QString &queueUrl);
    QString url(const QString &queue) const;
    // The results of a function's finished invocations, oldest first.
    QList<QJsonObject> results(const QString &function) const;

    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
    LocalCloud *mCloud = nullptr;
    ManualClock mClock;
    QHash<QString, QList<QJsonObject>> mResults; // function -> what it answered
};

void TestFifo::init()
{
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    mCloud = mLocal->cloud.get();
    mCloud->setClock(&mClock);
    mResults.clear();
    const QJsonObject fifo{{"fifo", true}};
    addService(QStringLiteral("queue"), QStringLiteral("orders"), fifo);
    addService(QStringLiteral("queue"), QStringLiteral("plain"), {});
    addService(QStringLiteral("topic"), QStringLiteral("events"), fifo);
    addService(QStringLiteral("topic"), QStringLiteral("news"), {});
    const NodeId work = addService(QStringLiteral("queue"), QStringLiteral("work"), {{"fifo", true}, {"batchSize", 5}});
    QVERIFY(mLocal->project.connectNodes(work, mLocal->addFunction(QStringLiteral("recorder"), kRecorder),
                                         QStringLiteral("invokes")));
    const NodeId strict = addService(QStringLiteral("queue"), QStringLiteral("strict"),
                                     {{"fifo", true}, {"batchSize", 1}, {"maxReceiveCount", 2}});
    QVERIFY(mLocal->project.connectNodes(strict, mLocal->addFunction(QStringLiteral("picky"), kPicky),
                                         QStringLiteral("invokes")));
    QObject::connect(&mLocal->runner, &FunctionRunner::finished, this,
                     [this](NodeId function, const InvocationResult &result, bool, qint64) {
        const Node *node = mLocal->project.architecture().node(function);
        if (node && result.ok)
            mResults[node->name].append(QJsonDocument::fromJson(result.resultJson).object());
    });
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(mLocal->error));
}

void TestFifo::cleanup()
{
    mCloud = nullptr;
    mLocal.reset();
}

void TestFifo::addSdkRows()
{
    QTest::addColumn<QString>("sdk");
    QTest::newRow("JavaScript v3") << "js";
    QTest::newRow("boto3") << "py";
}

NodeId TestFifo::addService(const QString &kind, const QString &name, const QJsonObject &properties)
{
    const NodeId id = mLocal->project.addNode(kind, {}, name).valueOr(kInvalidNodeId);
    for (auto it = properties.begin(); it != properties.end(); ++it)
        (void)mLocal->project.setNodeProperty(id, it.key(), it.value());
    return id;
}

QString TestFifo::url(const QString &queue) const
{
    return mLocal->endpoint->url() + QStringLiteral("/000000000000/") + queue;
}

const QJsonObject TestFifo::call(const QString &sdk, const QString &service, const QString &operation,
                                 const QJsonObject &input)
{
    QProcess client;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NIMBUS_AWS_ENDPOINT"), mLocal->endpoint->url());
    env.insert(QStringLiteral("NIMBUS_SDK_DIR"),
               qEnvironmentVariable("NIMBUS_DATA_DIR") + QStringLiteral("/runtime/sdk"));
    client.setProcessEnvironment(env);
    const bool js = sdk == QLatin1String("js");
    client.start(js ? QStringLiteral("node") : QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/sdk_call.") + (js ? "mjs" : "py"), service,
                  operation, QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact))});
    // The endpoint answers on this thread: keep the event loop turning while it runs.
    if (!client.waitForStarted() || !QTest::qWaitFor([&] { return client.state() == QProcess::NotRunning; }, 60000))
        return {{"error", "no answer"}};
    const QByteArray output = client.readAllStandardOutput().trimmed();
    const QJsonObject answer = QJsonDocument::fromJson(output.mid(output.lastIndexOf('\n') + 1)).object();
    if (answer.isEmpty())
        return {{"error", "no answer"}, {"message", QString::fromUtf8(output + client.readAllStandardError())}};
    return answer;
}

QJsonObject TestFifo::send(const QString &sdk, const QJsonObject &input)
{
    return call(sdk, QStringLiteral("sqs"), QStringLiteral("SendMessage"), input).value("output").toObject();
}

QJsonArray TestFifo::drain(const QString &sdk, const QString &queueUrl)
{
    QJsonArray all;
    // boto3 of Debian names the system attributes the old way.
    const QString names = sdk == QLatin1String("js") ? QStringLiteral("MessageSystemAttributeNames")
                                                     : QStringLiteral("AttributeNames");
    for (;;) {
        const QJsonArray got = call(sdk, QStringLiteral("sqs"), QStringLiteral("ReceiveMessage"),
                                    {{"QueueUrl", queueUrl}, {"MaxNumberOfMessages", 10}, {names, QJsonArray{"All"}}})
                                   .value("output")
                                   .toObject()
                                   .value("Messages")
                                   .toArray();
        if (got.isEmpty())
            return all;
        QJsonArray entries;
        for (const QJsonValue &m : got) {
            all.append(m);
            entries.append(
                QJsonObject{{"Id", QStringLiteral("d%1").arg(entries.size())}, {"ReceiptHandle", m["ReceiptHandle"]}});
        }
        (void)call(sdk, QStringLiteral("sqs"), QStringLiteral("DeleteMessageBatch"),
                   {{"QueueUrl", queueUrl}, {"Entries", entries}});
    }
}

QList<QJsonObject> TestFifo::results(const QString &function) const
{
    return mResults.value(function);
}

void TestFifo::deduplicatesWithinFiveMinutes_data()
{
    QTest::addColumn<QString>("sdk");
    QTest::addColumn<bool>("byContent");
    QTest::addColumn<bool>("fromDesign"); // the queue's property, not CreateQueue
    QTest::newRow("JavaScript v3, by id") << "js" << false << false;
    QTest::newRow("JavaScript v3, by content") << "js" << true << false;
    QTest::newRow("JavaScript v3, by content, from the design") << "js" << true << true;
    QTest::newRow("boto3, by id") << "py" << false << false;
    QTest::newRow("boto3, by content") << "py" << true << false;
}

void TestFifo::deduplicatesWithinFiveMinutes()
{
    QFETCH(QString, sdk);
    QFETCH(bool, byContent);
    QFETCH(bool, fromDesign);
    const QString queueUrl = url(QStringLiteral("orders.fifo"));
    if (fromDesign) {
        const Node *orders = mLocal->project.architecture().nodeByName(QStringLiteral("orders"));
        QVERIFY(orders);
        QVERIFY(mLocal->project.setNodeProperty(orders->id, QStringLiteral("contentBasedDeduplication"), true));
    } else if (byContent) {
        // The design's queue exists: CreateQueue answers its URL and sets what it may.
        const QJsonObject created = call(
            sdk, QStringLiteral("sqs"), QStringLiteral("CreateQueue"),
            {{"QueueName", "orders.fifo"},
             {"Attributes", QJsonObject{{"FifoQueue", "true"}, {"ContentBasedDeduplication", "true"}}}});
        QCOMPARE(created["output"]["QueueUrl"].toString(), queueUrl);
    }
    const auto message = [&](const QString &body) {
        QJsonObject m{{"QueueUrl", queueUrl}, {"MessageBody", body}, {"MessageGroupId", "g"}};
        if (!byContent)
            m.insert("MessageDeduplicationId", "d1");
        return m;
    };
    const QJsonObject first = send(sdk, message(QStringLiteral("same")));
    QVERIFY2(!first["MessageId"].toString().isEmpty(), QJsonDocument(first).toJson().constData());
    // By id, another body is a duplicate too; by content, the same body.
    const QString again = byContent ? QStringLiteral("same") : QStringLiteral("other");
    const QJsonObject duplicate = send(sdk, message(again));
    QCOMPARE(duplicate["MessageId"], first["MessageId"]);
    QCOMPARE(duplicate["SequenceNumber"], first["SequenceNumber"]);
    mClock.advance(5 * kMinute - 1000);
    QCOMPARE(send(sdk, message(again))["MessageId"], first["MessageId"]);
    if (byContent) // another body is another message
        QVERIFY(send(sdk, message(QStringLiteral("different")))["MessageId"] != first["MessageId"]);
    mClock.advance(2000); // five minutes and a second after the first
    const QJsonObject later = send(sdk, message(again));
    QVERIFY(!later["MessageId"].toString().isEmpty());
    QVERIFY(later["MessageId"] != first["MessageId"]);
    QVERIFY(later["SequenceNumber"].toString() > first["SequenceNumber"].toString());
    QStringList bodies;
    for (const QJsonValue &m : drain(sdk, queueUrl))
        bodies.append(m["Body"].toString());
    const QStringList expected = byContent ? QStringList{"same", "different", "same"} : QStringList{"same", "other"};
    QCOMPARE(bodies, expected);
}

void TestFifo::refusesWhatSqsRefuses_data()
{
    QTest::addColumn<QString>("sdk");
    QTest::addColumn<QString>("queue");
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("code"); // empty: sent
    QTest::addColumn<QString>("message");
    const QString group129(129, QLatin1Char('g'));
    for (const char *sdk : {"js", "py"}) {
        const auto row = [sdk](const char *name) -> QTestData & {
            return QTest::addRow("%s, %s", sdk, name) << QString::fromLatin1(sdk);
        };
        row("no group") << "orders.fifo" << QJsonObject{{"MessageDeduplicationId", "d"}} << "MissingParameter"
                        << "The request must contain the parameter MessageGroupId.";
        row("group of 129 characters") << "orders.fifo" << QJsonObject{{"MessageGroupId", group129}}
                                       << "InvalidParameterValue"
                                       << "1 to 128 in length";
        row("group with a space") << "orders.fifo" << QJsonObject{{"MessageGroupId", "two words"}}
                                  << "InvalidParameterValue"
                                  << "alphanumeric and punctuation";
        row("group beyond ASCII") << "orders.fifo" << QJsonObject{{"MessageGroupId", QString::fromUtf8("grüppe")}}
                                  << "InvalidParameterValue"
                                  << "alphanumeric and punctuation";
        row("deduplication id of 129 characters")
            << "orders.fifo" << QJsonObject{{"MessageGroupId", "g"}, {"MessageDeduplicationId", group129}}
            << "InvalidParameterValue"
            << "MessageDeduplicationId";
        row("a delay of its own") << "orders.fifo"
                                  << QJsonObject{{"MessageGroupId", "g"},
                                                 {"MessageDeduplicationId", "d"},
                                                 {"DelaySeconds", 5}}
                                  << "InvalidParameterValue"
                                  << "not valid for this queue type";
        row("no deduplication") << "orders.fifo" << QJsonObject{{"MessageGroupId", "g"}} << "InvalidParameterValue"
                                << "either have ContentBasedDeduplication enabled or MessageDeduplicationId";
        row("deduplication id to a standard queue")
            << "plain" << QJsonObject{{"MessageDeduplicationId", "d"}} << "InvalidParameterValue"
            << "not valid for this queue type";
        row("group of 128 characters and punctuation")
            << "orders.fifo"
            << QJsonObject{{"MessageGroupId", QString(96, QLatin1Char('g')) + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"},
                           {"MessageDeduplicationId", "d"}}
            << ""
            << "";
    }
}

void TestFifo::refusesWhatSqsRefuses()
{
    QFETCH(QString, sdk);
    QFETCH(QString, queue);
    QFETCH(QJsonObject, input);
    QFETCH(QString, code);
    QFETCH(QString, message);
    input.insert("QueueUrl", url(queue));
    input.insert("MessageBody", "refused?");
    const QJsonObject answer = call(sdk, QStringLiteral("sqs"), QStringLiteral("SendMessage"), input);
    const QByteArray text = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    QCOMPARE(answer["code"].toString(), code);
    QVERIFY2(answer["message"].toString().contains(message), text.constData());
    // Nothing refused was stored.
    QCOMPARE(mCloud->state().messages(queue.section(QLatin1Char('.'), 0, 0)).size(), code.isEmpty() ? 1 : 0);
}

void TestFifo::sequenceNumbersIncrease_data()
{
    addSdkRows();
}

void TestFifo::sequenceNumbersIncrease()
{
    QFETCH(QString, sdk);
    const QString queueUrl = url(QStringLiteral("orders.fifo"));
    QJsonArray entries;
    for (int i = 0; i < 10; ++i)
        entries.append(QJsonObject{{"Id", QStringLiteral("e%1").arg(i)},
                                   {"MessageBody", QStringLiteral("m%1").arg(i)},
                                   {"MessageGroupId", QStringLiteral("g%1").arg(i % 3)},
                                   {"MessageDeduplicationId", QStringLiteral("dedup-%1").arg(i)}});
    const QJsonObject batch = call(sdk, QStringLiteral("sqs"), QStringLiteral("SendMessageBatch"),
                                   {{"QueueUrl", queueUrl}, {"Entries", entries}});
    QHash<QString, QString> sequenceOf; // body -> its number
    QStringList sequences;
    for (const QJsonValue &s : batch["output"]["Successful"].toArray()) {
        sequenceOf.insert(QStringLiteral("m") + s["Id"].toString().mid(1), s["SequenceNumber"].toString());
        sequences.append(s["SequenceNumber"].toString());
    }
    QCOMPARE(sequences.size(), 10);
    for (int i = 10; i < 12; ++i) {
        const QJsonObject sent = send(sdk, {{"QueueUrl", queueUrl},
                                            {"MessageBody", QStringLiteral("m%1").arg(i)},
                                            {"MessageGroupId", "g0"},
                                            {"MessageDeduplicationId", QStringLiteral("dedup-%1").arg(i)}});
        sequenceOf.insert(QStringLiteral("m%1").arg(i), sent["SequenceNumber"].toString());
        sequences.append(sent["SequenceNumber"].toString());
    }
    // Decimal strings of one length that grow with each message.
    static const QRegularExpression digits(QStringLiteral("^[0-9]{20}$"));
    for (int i = 0; i < sequences.size(); ++i) {
        QVERIFY2(digits.match(sequences.at(i)).hasMatch(), qPrintable(sequences.at(i)));
        QVERIFY2(i == 0 || sequences.at(i) > sequences.at(i - 1), qPrintable(sequences.join(u' ')));
    }
    // Received messages carry theirs, their group and deduplication id.
    const QJsonArray received = drain(sdk, queueUrl);
    QCOMPARE(received.size(), 12);
    QHash<QString, QStringList> groups;
    for (const QJsonValue &m : received) {
        const QString body = m["Body"].toString();
        const QJsonObject attributes = m["Attributes"].toObject();
        QCOMPARE(attributes["SequenceNumber"].toString(), sequenceOf.value(body));
        QCOMPARE(attributes["MessageDeduplicationId"].toString(), QStringLiteral("dedup-") + body.mid(1));
        groups[attributes["MessageGroupId"].toString()].append(attributes["SequenceNumber"].toString());
    }
    for (const QStringList &numbers : std::as_const(groups)) {
        QStringList sorted = numbers;
        sorted.sort();
        QCOMPARE(numbers, sorted); // in order within each group
    }
    const QJsonObject attributes = call(sdk, QStringLiteral("sqs"), QStringLiteral("GetQueueAttributes"),
                                        {{"QueueUrl", queueUrl},
                                         {"AttributeNames", QJsonArray{"All"}}})["output"]["Attributes"]
                                       .toObject();
    QCOMPARE(attributes["FifoQueue"].toString(), QStringLiteral("true"));
    QCOMPARE(attributes["ContentBasedDeduplication"].toString(), QStringLiteral("false"));
    QVERIFY(attributes["QueueArn"].toString().endsWith(QLatin1String(":orders.fifo")));
}

void TestFifo::retriedReceiveGetsTheSameMessages_data()
{
    addSdkRows();
}

void TestFifo::retriedReceiveGetsTheSameMessages()
{
    QFETCH(QString, sdk);
    const QString queueUrl = url(QStringLiteral("orders.fifo"));
    for (const char *body : {"first", "second"})
        QVERIFY(!send(sdk, {{"QueueUrl", queueUrl},
                            {"MessageBody", body},
                            {"MessageGroupId", "g"},
                            {"MessageDeduplicationId", body}})["MessageId"]
                     .toString()
                     .isEmpty());
    const auto receive = [&](const char *attempt) {
        return call(sdk, QStringLiteral("sqs"), QStringLiteral("ReceiveMessage"),
                    {{"QueueUrl", queueUrl}, {"ReceiveRequestAttemptId", attempt}})["output"]["Messages"]
            .toArray();
    };
    const QJsonArray first = receive("attempt-1");
    QCOMPARE(first.size(), 1);
    QCOMPARE(first[0]["Body"].toString(), QStringLiteral("first"));
    // The answer was lost, say: the retry gets the same message and receipt handle.
    const QJsonArray retried = receive("attempt-1");
    QCOMPARE(retried.size(), 1);
    QCOMPARE(retried[0]["MessageId"], first[0]["MessageId"]);
    QCOMPARE(retried[0]["ReceiptHandle"], first[0]["ReceiptHandle"]);
    QVERIFY(receive("attempt-2").isEmpty()); // its group is in flight
    QVERIFY(call(sdk, QStringLiteral("sqs"), QStringLiteral("DeleteMessage"),
                 {{"QueueUrl", queueUrl}, {"ReceiptHandle", first[0]["ReceiptHandle"]}})
                .contains("output"));
    const QJsonArray after = receive("attempt-1"); // what it got is gone: a new receive
    QCOMPARE(after.size(), 1);
    QCOMPARE(after[0]["Body"].toString(), QStringLiteral("second"));
    QCOMPARE(call(sdk, QStringLiteral("sqs"), QStringLiteral("ReceiveMessage"),
                  {{"QueueUrl", queueUrl}, {"ReceiveRequestAttemptId", "not an id"}})["code"]
                 .toString(),
             QStringLiteral("InvalidParameterValue"));
}

void TestFifo::perGroupOrderUnderConcurrentConsumers_data()
{
    addSdkRows();
}

void TestFifo::perGroupOrderUnderConcurrentConsumers()
{
    QFETCH(QString, sdk);
    QProcess consumers;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NIMBUS_AWS_ENDPOINT"), mLocal->endpoint->url());
    env.insert(QStringLiteral("NIMBUS_SDK_DIR"),
               qEnvironmentVariable("NIMBUS_DATA_DIR") + QStringLiteral("/runtime/sdk"));
    consumers.setProcessEnvironment(env);
    consumers.setProcessChannelMode(QProcess::MergedChannels);
    const bool js = sdk == QLatin1String("js");
    // 5 groups of 50 messages, 4 consumers at once.
    consumers.start(js ? QStringLiteral("node") : QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/fifo_consumers.") + (js ? "mjs" : "py"),
                     url(QStringLiteral("orders.fifo")), "5", "50", "4"});
    QVERIFY(consumers.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return consumers.state() == QProcess::NotRunning; }, 240000));
    const QByteArray output = consumers.readAll();
    QVERIFY2(consumers.exitStatus() == QProcess::NormalExit && consumers.exitCode() == 0, output.constData());
    QVERIFY(mCloud->state().messages(QStringLiteral("orders")).isEmpty());
}

void TestFifo::triggerTakesOneBatchPerGroup()
{
    // 4 groups of 12 messages, sent interleaved: the function gets batches of 5 at most.
    for (int i = 0; i < 12; ++i)
        for (int g = 0; g < 4; ++g) {
            const Result<SentMessage> sent = mCloud->sendFifoMessage(
                QStringLiteral("work"), QStringLiteral("g%1:%2").arg(g).arg(i).toUtf8(), {},
                {QStringLiteral("g%1").arg(g), QStringLiteral("d%1-%2").arg(g).arg(i)});
            QVERIFY2(sent, qPrintable(sent.errorMessage()));
        }
    QVERIFY(QTest::qWaitFor(
        [&] {
        mCloud->tick();
        return mCloud->state().messages(QStringLiteral("work")).isEmpty();
        },
        60000));
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("recorder"), 1));
    QList<QJsonObject> batches = results(QStringLiteral("recorder"));
    std::sort(batches.begin(), batches.end(),
              [](const QJsonObject &a, const QJsonObject &b) { return a["start"].toDouble() < b["start"].toDouble(); });
    QHash<QString, QList<int>> order; // group -> indexes as processed
    QHash<QString, QList<QPair<double, double>>> spans; // group -> when its batches ran
    for (const QJsonObject &batch : std::as_const(batches)) {
        QSet<QString> groups;
        for (const QJsonValue &r : batch["records"].toArray()) {
            const QString group = r["group"].toString();
            QVERIFY2(r["body"].toString().startsWith(group + u':'), qPrintable(r["body"].toString()));
            QCOMPARE(r["dedup"].toString(), QLatin1Char('d') + r["body"].toString().mid(1).replace(u':', u'-'));
            QCOMPARE(r["sequence"].toString().size(), 20);
            QVERIFY(r["arn"].toString().endsWith(QLatin1String(":work.fifo")));
            order[group].append(r["body"].toString().section(u':', 1).toInt());
            groups.insert(group);
        }
        for (const QString &group : std::as_const(groups))
            spans[group].append({batch["start"].toDouble(), batch["end"].toDouble()});
    }
    QCOMPARE(order.size(), 4);
    for (auto it = order.cbegin(); it != order.cend(); ++it) {
        QList<int> expected(12);
        std::iota(expected.begin(), expected.end(), 0);
        QCOMPARE(it.value(), expected);
        // A group's batches one after another, never two at once.
        const QList<QPair<double, double>> &runs = spans.value(it.key());
        for (int i = 1; i < runs.size(); ++i)
            QVERIFY2(runs.at(i).first >= runs.at(i - 1).second, qPrintable(it.key()));
    }
}

void TestFifo::failedMessageHoldsItsGroupBack()
{
    // strict: batches of one, two receives before the dead-letter queue.
    const auto sendTo = [&](const char *body, const char *group) {
        const Result<SentMessage> sent = mCloud->sendFifoMessage(QStringLiteral("strict"), body, {},
                                                                 {group, QString::fromLatin1(body)});
        QVERIFY2(sent, qPrintable(sent.errorMessage()));
    };
    sendTo("bad", "a");
    sendTo("a2", "a");
    sendTo("b1", "b");
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("picky"), 2));
    const auto processed = [&] {
        QStringList bodies;
        for (const QJsonObject &r : results(QStringLiteral("picky")))
            for (const QJsonValue &b : r["bodies"].toArray())
                bodies.append(b.toString());
        return bodies;
    };
    QVERIFY(QTest::qWaitFor([&] { return processed() == QStringList{"b1"}; }, 20000));
    // "bad" failed and is in flight again only after its visibility timeout: a2 waits.
    for (int i = 0; i < 5; ++i)
        mCloud->tick();
    QCOMPARE(processed(), QStringList{"b1"});
    mClock.advance(31'000);
    mCloud->tick();
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("picky"), 3));
    QCOMPARE(processed(), QStringList{"b1"});
    // Received twice: the next receive moves it to the FIFO dead-letter queue, and a2 goes.
    mClock.advance(31'000);
    QVERIFY(QTest::qWaitFor(
        [&] {
        mCloud->tick();
        return processed() == QStringList({"b1", "a2"});
        },
        20000));
    const QList<QueueMessage> dead = mCloud->state().messages(QStringLiteral("strict-dlq"));
    QCOMPARE(dead.size(), 1);
    QCOMPARE(dead.first().body, QByteArray("bad"));
    QCOMPARE(dead.first().groupId, QStringLiteral("a"));
    QVERIFY(mCloud->isFifo(QStringLiteral("strict-dlq")));
    QCOMPARE(mCloud->awsName(QStringLiteral("strict-dlq")), QStringLiteral("strict-dlq.fifo"));
}

void TestFifo::reportedFailureHoldsTheRestOfItsGroup()
{
    const NodeId queue = addService(QStringLiteral("queue"), QStringLiteral("partial"), {{"fifo", true}});
    QVERIFY(mLocal->project.connectNodes(queue, mLocal->addFunction(QStringLiteral("reporter"), kReporter),
                                         QStringLiteral("invokes")));
    // One batch: p1, p2, p3 of group x and q1 of group y; the function reports p2 failed.
    for (const char *body : {"p1", "p2", "p3", "q1"}) {
        const QString group = body[0] == 'p' ? QStringLiteral("x") : QStringLiteral("y");
        // Into the store, so that the next delivery takes them all in one batch.
        QVERIFY(mCloud->state().sendFifoMessage(QStringLiteral("partial"), body, {}, 0,
                                                {group, QString::fromLatin1(body)}));
    }
    mCloud->tick();
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("reporter"), 1));
    // p3 follows the failed p2 in its group: it stays too, or the group's order breaks.
    QStringList left;
    for (const QueueMessage &m : mCloud->state().messages(QStringLiteral("partial")))
        left.append(QString::fromUtf8(m.body));
    QCOMPARE(left, QStringList({"p2", "p3"}));
}

void TestFifo::validatorRefusesFifoBatchesOverTen_data()
{
    QTest::addColumn<bool>("fifo");
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<bool>("refused");
    QTest::newRow("FIFO, 10") << true << 10 << false;
    QTest::newRow("FIFO, 11") << true << 11 << true;
    QTest::newRow("standard, 100") << false << 100 << false;
}

void TestFifo::validatorRefusesFifoBatchesOverTen()
{
    QFETCH(bool, fifo);
    QFETCH(int, batchSize);
    QFETCH(bool, refused);
    Project project(Catalog::builtin());
    const NodeId queue = project.addNode(QStringLiteral("queue"), {}, QStringLiteral("q")).valueOr(kInvalidNodeId);
    QVERIFY(project.setNodeProperty(queue, QStringLiteral("fifo"), fifo));
    QVERIFY(project.setNodeProperty(queue, QStringLiteral("batchSize"), batchSize));
    const QList<Diagnostic> diagnostics = Validator(Catalog::builtin(), project.architecture()).validate();
    const bool found = std::any_of(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic &d) {
        return d.code == QLatin1String("fifo-batch-size") && d.severity == Diagnostic::Severity::Error;
    });
    QCOMPARE(found, refused);
}

void TestFifo::fifoTopicToFifoQueue_data()
{
    QTest::addColumn<QString>("sdk");
    QTest::addColumn<bool>("raw");
    QTest::newRow("JavaScript v3, notification") << "js" << false;
    QTest::newRow("JavaScript v3, raw") << "js" << true;
    QTest::newRow("boto3, notification") << "py" << false;
    QTest::newRow("boto3, raw") << "py" << true;
}

void TestFifo::fifoTopicToFifoQueue()
{
    QFETCH(QString, sdk);
    QFETCH(bool, raw);
    const QString sns = QStringLiteral("sns");
    const QJsonObject created = call(
        sdk, sns, QStringLiteral("CreateTopic"),
        {{"Name", "events.fifo"},
         {"Attributes", QJsonObject{{"FifoTopic", "true"}, {"ContentBasedDeduplication", "true"}}}});
    const QString topicArn = created["output"]["TopicArn"].toString();
    QVERIFY2(topicArn.endsWith(QLatin1String(":events.fifo")), QJsonDocument(created).toJson().constData());
    const QString queueArn = QStringLiteral("arn:aws:sqs:us-east-1:000000000000:orders.fifo");
    const QJsonObject subscribed = call(sdk, sns, QStringLiteral("Subscribe"),
                                        {{"TopicArn", topicArn},
                                         {"Protocol", "sqs"},
                                         {"Endpoint", queueArn},
                                         {"Attributes", QJsonObject{{"RawMessageDelivery", raw ? "true" : "false"}}}});
    QVERIFY2(subscribed["output"]["SubscriptionArn"].toString().startsWith(topicArn),
             QJsonDocument(subscribed).toJson().constData());
    const auto publish = [&](const QString &message,
                             const QJsonObject &more = {{"MessageGroupId", "g1"}}) -> const QJsonObject {
        QJsonObject input = more;
        input.insert("TopicArn", topicArn);
        input.insert("Message", message);
        return call(sdk, sns, QStringLiteral("Publish"), input);
    };
    const QJsonObject one = publish(QStringLiteral("one"))["output"].toObject();
    const QJsonObject two = publish(QStringLiteral("two"))["output"].toObject();
    QVERIFY(two["SequenceNumber"].toString() > one["SequenceNumber"].toString());
    QCOMPARE(publish(QStringLiteral("one"))["output"]["MessageId"], one["MessageId"]); // by content
    const QJsonObject noGroup = publish(QStringLiteral("three"), {});
    QCOMPARE(noGroup["code"].toString(), QStringLiteral("InvalidParameter"));
    QVERIFY(
        noGroup["message"].toString().contains(QLatin1String("MessageGroupId parameter is required for FIFO topics")));
    QCOMPARE(publish(QStringLiteral("three"), {{"MessageGroupId", QString(129, u'g')}})["code"].toString(),
             QStringLiteral("InvalidParameter"));

    const QJsonArray received = drain(sdk, url(QStringLiteral("orders.fifo")));
    QCOMPARE(received.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QString message = i == 0 ? QStringLiteral("one") : QStringLiteral("two");
        const QJsonObject attributes = received[i]["Attributes"].toObject();
        QCOMPARE(attributes["MessageGroupId"].toString(), QStringLiteral("g1"));
        QCOMPARE(attributes["MessageDeduplicationId"].toString(),
                 QString::fromLatin1(QCryptographicHash::hash(message.toUtf8(), QCryptographicHash::Sha256).toHex()));
        const QString body = received[i]["Body"].toString();
        if (raw) {
            QCOMPARE(body, message);
            continue;
        }
        const QJsonObject notification = QJsonDocument::fromJson(body.toUtf8()).object();
        QCOMPARE(notification["Message"].toString(), message);
        QCOMPARE(notification["TopicArn"].toString(), topicArn);
        QVERIFY(notification.contains("SigningCertURL") && notification.contains("UnsubscribeURL"));
        QCOMPARE(notification["SequenceNumber"].toString(), (i == 0 ? one : two)["SequenceNumber"].toString());
    }
    // A FIFO queue cannot subscribe to a standard topic; a standard queue can to a FIFO one.
    const QJsonObject refused = call(
        sdk, sns, QStringLiteral("Subscribe"),
        {{"TopicArn", mCloud->topicArn(QStringLiteral("news"))}, {"Protocol", "sqs"}, {"Endpoint", queueArn}});
    QCOMPARE(refused["code"].toString(), QStringLiteral("InvalidParameter"));
    QVERIFY2(refused["message"].toString().contains(
                 QLatin1String("FIFO SQS Queues can not be subscribed to standard SNS topics")),
             qPrintable(refused["message"].toString()));
    QVERIFY(
        call(sdk, sns, QStringLiteral("Subscribe"),
             {{"TopicArn", topicArn}, {"Protocol", "sqs"}, {"Endpoint", "arn:aws:sqs:us-east-1:000000000000:plain"}})
            .contains("output"));
    QVERIFY(publish(QStringLiteral("four")).contains("output"));
    QCOMPARE(mCloud->state().messages(QStringLiteral("plain")).size(), 1);
}

void TestFifo::fifoTopicInvokesNoFunction()
{
    // SNS FIFO topics deliver only to SQS queues: a function connected to one is not run
    // (the validator flags the design), and the log says why; the standard topic runs it.
    const Architecture &a = mLocal->project.architecture();
    const NodeId recorder = a.nodeByName(QStringLiteral("recorder"))->id;
    QVERIFY(
        mLocal->project.connectNodes(a.nodeByName(QStringLiteral("events"))->id, recorder, QStringLiteral("invokes")));
    QVERIFY(
        mLocal->project.connectNodes(a.nodeByName(QStringLiteral("news"))->id, recorder, QStringLiteral("invokes")));
    QVERIFY(mCloud->publishMessage(QStringLiteral("events"), QStringLiteral("{}"), {QStringLiteral("g"), {}}, {}, 0));
    const QList<CloudLogEntry> refused = mLocal->entries(CloudLogEntry::Kind::Error, QStringLiteral("recorder"));
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused.first().detail.contains(QLatin1String("delivers only to queues")),
             qPrintable(refused.first().detail));
    QVERIFY(mCloud->publishMessage(QStringLiteral("news"), QStringLiteral("{}"), {}, {}, 0));
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("recorder"), 1));
    QCOMPARE(mLocal->entries(CloudLogEntry::Kind::Invocation, QStringLiteral("recorder")).size(), 1);
}

QTEST_GUILESS_MAIN(TestFifo)
#include "tst_fifo.moc"
