// The delivery settings of queue and table stream triggers, as Lambda's event source
// mappings define them: filter criteria (records that match no pattern are dropped),
// ReportBatchItemFailures, the batching window on the cloud's clock and maximum
// concurrency; a table stream's batch size, retries, record age, split on error and
// starting position with its on-failure destination; a bucket's filter criteria;
// delivered to real Node.js workers.

#include "cloud/virtualclock.h"
#include "cloudfixture.h"
#include "model/validator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

#include <algorithm>

using namespace Nimbus;

namespace {
// Answers the bodies of the messages it got.
const QByteArray kBodies = "exports.handler = async (event) => ({ bodies: event.Records.map(r => r.body) });\n";
// Answers the stream record's event name.
const QByteArray kEventName = "exports.handler = async (event) => ({ names: event.Records.map(r => r.eventName) });\n";
// Takes a while, so that batches overlap, and says when it ran (real time, milliseconds).
const QByteArray kSlow = "exports.handler = async (event) => { const start = Date.now();"
                         " await new Promise(r => setTimeout(r, 500)); return { start, end: Date.now() }; };\n";
// Writes the keys of each stream batch it processes to a line of the file "batches"; fails
// a batch that holds an item whose status is "poison" (and writes nothing of it).
const QByteArray kStreamAudit =
    "const fs = require('fs'); const path = require('path');\n"
    "exports.handler = async (e) => {\n"
    "  const keys = e.Records.map(r => r.dynamodb.Keys.id.S).join(',');\n"
    "  if (e.Records.some(r => ((r.dynamodb.NewImage || {}).status || {}).S === 'poison'))\n"
    "    throw new Error('cannot process ' + keys);\n"
    "  fs.appendFileSync(path.join(__dirname, 'batches'), keys + '\\n');\n"
    "  return {};\n"
    "};\n";
// Fails every batch.
const QByteArray kThrow = "exports.handler = async () => { throw new Error('cannot process'); };\n";
// Takes a while and says which keys it had, and when it ran (real time, milliseconds).
const QByteArray kSlowStream = "exports.handler = async (e) => { const start = Date.now();"
                               " await new Promise(r => setTimeout(r, 300));"
                               " return { keys: e.Records.map(r => r.dynamodb.Keys.id.S).join(','), start,"
                               " end: Date.now() }; };\n";
const QString kStreamArn = QStringLiteral("arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/");
} // namespace

class TestTriggerSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void queueFilterCriteria_data();
    void queueFilterCriteria();
    void streamFilterCriteria_data();
    void streamFilterCriteria();
    void reportBatchItemFailures_data();
    void reportBatchItemFailures();
    void streamReportBatchItemFailures_data();
    void streamReportBatchItemFailures();
    void batchingWindow_data();
    void batchingWindow();
    void batchingWindowOnTheVirtualClock();
    void maxConcurrency_data();
    void maxConcurrency();
    void streamBatching_data();
    void streamBatching();
    void streamBatchingWindowOnTheVirtualClock();
    void streamOneBatchInFlight();
    void streamRetriesThenOnFailure_data();
    void streamRetriesThenOnFailure();
    void streamRecordAge_data();
    void streamRecordAge();
    void streamBisectIsolatesPoison_data();
    void streamBisectIsolatesPoison();
    void streamStartingPosition_data();
    void streamStartingPosition();
    void bucketFilterCriteria_data();
    void bucketFilterCriteria();
    void queueSettingsThroughTheSdks_data();
    void queueSettingsThroughTheSdks();
    void streamSettingsThroughTheSdks_data();
    void streamSettingsThroughTheSdks();

private:
    NodeId addService(const QString &kind, const QString &name, const QJsonObject &properties);
    void connect(NodeId from, NodeId to);
    QList<CloudLogEntry> invocations(const QString &function) const
    {
        return mLocal->entries(CloudLogEntry::Kind::Invocation, function);
    }
    bool start();
    // One operation through an SDK ("js": JavaScript v3, "py": boto3) against the cloud's
    // endpoint (sdk/sdk_call.*): {"output": ...} or {"error", "code", "message"}.
    QJsonObject sdkCall(const QString &sdk, const QString &service, const QString &operation, const QJsonObject &input);
    // Ticks until the queue is empty and every invocation of function has finished and answered.
    bool drain(const QString &queue, const QString &function);
    // The strings under key in every answer so far, sorted.
    QStringList answered(const QString &key) const;
    // A table "orders" with a stream of new images and the trigger settings given, and a
    // function with code; the function's node, connected to the table when connected.
    NodeId addStream(const QJsonObject &settings, const QString &function, const QByteArray &code,
                     bool connected = true);
    // A queue "failures" that the function's on-failure destination is.
    void addOnFailureQueue(NodeId function);
    // The bodies of the messages in failures, parsed, in the order sent.
    QList<QJsonObject> failureRecords() const;
    // An item of orders with this key and status.
    bool put(const char *id, const char *status = "good");
    // The lines the function's code wrote to its file "batches" (kStreamAudit).
    QStringList batches(const QString &function) const;
    // Ticks until the function has written count lines to its file and every invocation of
    // it has finished.
    bool waitForBatches(const QString &function, int count);
    NodeId mTable = kInvalidNodeId;

    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
    QList<QJsonObject> mAnswers;
    Project *mProject = nullptr;
    LocalCloud *mCloud = nullptr;
    ManualClock mClock;
};

void TestTriggerSettings::init()
{
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    mProject = &mLocal->project;
    mCloud = mLocal->cloud.get();
    mClock.set(QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC));
    mCloud->setClock(&mClock);
    mAnswers.clear();
    QObject::connect(&mLocal->runner, &FunctionRunner::finished, this,
                     [this](NodeId, const InvocationResult &result, bool, qint64) {
        mAnswers.append(QJsonDocument::fromJson(result.resultJson).object());
    });
}

void TestTriggerSettings::cleanup()
{
    mCloud = nullptr;
    mProject = nullptr;
    mLocal.reset();
}

NodeId TestTriggerSettings::addService(const QString &kind, const QString &name, const QJsonObject &properties)
{
    const NodeId id = mProject->addNode(kind, {}, name).valueOr(kInvalidNodeId);
    for (auto it = properties.begin(); it != properties.end(); ++it)
        if (!mProject->setNodeProperty(id, it.key(), it.value()))
            qWarning("cannot set %s", qPrintable(it.key()));
    return id;
}

void TestTriggerSettings::connect(NodeId from, NodeId to)
{
    const Result<EdgeId> edge = mProject->connectNodes(from, to, QStringLiteral("invokes"));
    QVERIFY2(edge, qPrintable(edge.errorMessage()));
}

bool TestTriggerSettings::start()
{
    const bool ok = mLocal->start(NimbusTest::LocalCloudFixture::NoServer);
    if (!ok)
        qWarning() << mLocal->error;
    return ok;
}

QJsonObject TestTriggerSettings::sdkCall(const QString &sdk, const QString &service, const QString &operation,
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
        return QJsonObject{{"error", "no answer"}};
    const QByteArray output = client.readAllStandardOutput().trimmed();
    const QJsonObject answer = QJsonDocument::fromJson(output.mid(output.lastIndexOf('\n') + 1)).object();
    if (answer.isEmpty())
        return {{"error", "no answer"}, {"message", QString::fromUtf8(output + client.readAllStandardError())}};
    return answer;
}

bool TestTriggerSettings::drain(const QString &queue, const QString &function)
{
    return QTest::qWaitFor(
        [&] {
        mCloud->tick();
        const QList<CloudLogEntry> runs = invocations(function);
        return mCloud->state().messages(queue).isEmpty()
               && std::all_of(runs.cbegin(), runs.cend(), [](const CloudLogEntry &e) { return e.finished; })
               && mAnswers.size() == runs.size();
        },
        30000);
}

QStringList TestTriggerSettings::answered(const QString &key) const
{
    QStringList values;
    for (const QJsonObject &answer : mAnswers)
        for (const QJsonValue &v : answer.value(key).toArray())
            values.append(v.toString());
    values.sort();
    return values;
}

NodeId TestTriggerSettings::addStream(const QJsonObject &settings, const QString &function, const QByteArray &code,
                                      bool connected)
{
    QJsonObject properties{{"stream", "NEW_IMAGE"}};
    for (auto it = settings.begin(); it != settings.end(); ++it)
        properties.insert(it.key(), it.value());
    mTable = addService(QStringLiteral("table"), QStringLiteral("orders"), properties);
    const NodeId id = mLocal->addFunction(function, code);
    if (connected)
        connect(mTable, id);
    return id;
}

void TestTriggerSettings::addOnFailureQueue(NodeId function)
{
    const NodeId queue = addService(QStringLiteral("queue"), QStringLiteral("failures"), {});
    const Result<EdgeId> edge = mProject->connectNodes(function, queue, QStringLiteral("on-failure"));
    QVERIFY2(edge, qPrintable(edge.errorMessage()));
}

QList<QJsonObject> TestTriggerSettings::failureRecords() const
{
    QList<QJsonObject> records;
    for (const QueueMessage &m : mCloud->state().messages(QStringLiteral("failures")))
        records.append(QJsonDocument::fromJson(m.body).object());
    return records;
}

bool TestTriggerSettings::put(const char *id, const char *status)
{
    const Result<void> put = mCloud->putItem(QStringLiteral("orders"),
                                             {{"id", QJsonObject{{"S", id}}}, {"status", QJsonObject{{"S", status}}}});
    if (!put)
        qWarning() << put.errorMessage();
    return bool(put);
}

QStringList TestTriggerSettings::batches(const QString &function) const
{
    QFile file(mLocal->folder.filePath(QStringLiteral("functions/%1/batches").arg(function)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool TestTriggerSettings::waitForBatches(const QString &function, int count)
{
    return QTest::qWaitFor(
        [&] {
        mCloud->tick();
        const QList<CloudLogEntry> runs = invocations(function);
        return batches(function).size() >= count
               && std::all_of(runs.cbegin(), runs.cend(), [](const CloudLogEntry &e) { return e.finished; });
        },
        30000);
}

void TestTriggerSettings::queueFilterCriteria_data()
{
    QTest::addColumn<QString>("criteria");
    QTest::addColumn<QStringList>("bodies");
    QTest::addColumn<QStringList>("delivered");

    const QStringList orders{R"({"order": 1, "total": 50})", R"({"order": 2, "total": 150})",
                             R"({"order": 3, "total": 100})", R"({"order": 4, "total": 101})", "total 500"};
    QTest::newRow("no filter") << "" << orders << QStringList(orders);
    QTest::newRow("numeric on a JSON body")
        << R"({"body": {"total": [{"numeric": [">", 100]}]}})" << orders
        << QStringList{R"({"order": 2, "total": 150})", R"({"order": 4, "total": 101})"};
    // A plain-string pattern matches plain bodies only, never a JSON one.
    QTest::newRow("plain body") << R"({"body": ["ping"]})" << QStringList{"ping", "pong", R"({"body": "ping"})"}
                                << QStringList{"ping"};
    QTest::newRow("Lambda's Filters, two ORed")
        << R"({"Filters": [{"Pattern": "{\"body\": {\"kind\": [{\"prefix\": \"order.\"}]}}"},
                           {"Pattern": "{\"body\": {\"urgent\": [true]}}"}]})"
        << QStringList{R"({"kind": "order.placed"})", R"({"kind": "refund", "urgent": true})", R"({"kind": "refund"})",
                       "order.placed"}
        << QStringList{R"({"kind": "order.placed"})", R"({"kind": "refund", "urgent": true})"};
}

void TestTriggerSettings::queueFilterCriteria()
{
    QFETCH(QString, criteria);
    QFETCH(QStringList, bodies);
    QFETCH(QStringList, delivered);

    const NodeId queue = addService(QStringLiteral("queue"), QStringLiteral("orders"),
                                    {{"batchSize", 2}, {"filterCriteria", criteria}, {"maxReceiveCount", 1}});
    connect(queue, mLocal->addFunction(QStringLiteral("review"), kBodies));
    QVERIFY(start());
    for (const QString &body : bodies)
        QVERIFY(mCloud->sendMessage(QStringLiteral("orders"), body.toUtf8()));
    QVERIFY(drain(QStringLiteral("orders"), QStringLiteral("review")));
    delivered.sort();
    QCOMPARE(answered(QStringLiteral("bodies")), delivered);
    // The others left the queue as Lambda deletes them: not kept, not dead letters.
    QVERIFY(mCloud->state().messages(QStringLiteral("orders")).isEmpty());
    QVERIFY(mCloud->state().messages(QStringLiteral("orders-dlq")).isEmpty());
    for (const CloudLogEntry &run : invocations(QStringLiteral("review")))
        QVERIFY2(run.ok, qPrintable(run.detail));
    const bool dropLogged = std::any_of(mCloud->log().cbegin(), mCloud->log().cend(), [](const CloudLogEntry &e) {
        return e.kind == CloudLogEntry::Kind::ServiceChange && e.detail.contains(QLatin1String("filter criteria"));
    });
    QCOMPARE(dropLogged, delivered.size() < bodies.size());
}

void TestTriggerSettings::streamFilterCriteria_data()
{
    QTest::addColumn<QString>("criteria");
    QTest::addColumn<QStringList>("delivered");

    // The changes: INSERT a (draft), MODIFY a (paid), INSERT b (paid), REMOVE a.
    QTest::newRow("no filter") << "" << QStringList{"INSERT", "INSERT", "MODIFY", "REMOVE"};
    QTest::newRow("eventName INSERT") << R"({"eventName": ["INSERT"]})" << QStringList{"INSERT", "INSERT"};
    QTest::newRow("new image in DynamoDB JSON")
        << R"({"dynamodb": {"NewImage": {"status": {"S": ["paid"]}}}})" << QStringList{"INSERT", "MODIFY"};
    QTest::newRow("anything-but, or a removal")
        << R"([{"eventName": [{"anything-but": ["INSERT", "REMOVE"]}]}, {"eventName": ["REMOVE"]}])"
        << QStringList{"MODIFY", "REMOVE"};
}

void TestTriggerSettings::streamFilterCriteria()
{
    QFETCH(QString, criteria);
    QFETCH(QStringList, delivered);

    const NodeId table = addService(QStringLiteral("table"), QStringLiteral("orders"),
                                    {{"stream", "NEW_AND_OLD_IMAGES"}, {"filterCriteria", criteria}});
    connect(table, mLocal->addFunction(QStringLiteral("audit"), kEventName));
    QVERIFY(start());
    const QString orders = QStringLiteral("orders");
    auto item = [](const char *id, const char *status) {
        return QJsonObject{{"id", QJsonObject{{"S", id}}}, {"status", QJsonObject{{"S", status}}}};
    };
    QVERIFY(mCloud->putItem(orders, item("a", "draft")));
    QVERIFY(mCloud->putItem(orders, item("a", "paid")));
    QVERIFY(mCloud->putItem(orders, item("b", "paid")));
    QVERIFY(mCloud->deleteItem(orders, QJsonObject{{"id", QJsonObject{{"S", "a"}}}}));
    // The stream goes as Lambda's shard: the first change at once, the others (those the
    // filter lets through) together once it has answered; what no filter lets through is
    // not delivered at all.
    QVERIFY(QTest::qWaitFor([&] { return answered(QStringLiteral("names")).size() >= delivered.size(); }, 20000));
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("audit"), 1));
    QCOMPARE(answered(QStringLiteral("names")), delivered);
    QVERIFY(invocations(QStringLiteral("audit")).size() <= 2);
}

void TestTriggerSettings::reportBatchItemFailures_data()
{
    QTest::addColumn<bool>("report");
    QTest::addColumn<QByteArray>("identifier"); // JavaScript: the identifier reported for the "bad" record
    QTest::addColumn<QStringList>("left");

    QTest::newRow("reported") << true << QByteArray("r.messageId") << QStringList{"bad"};
    QTest::newRow("not taken") << false << QByteArray("r.messageId") << QStringList();
    // An identifier that is not of the batch fails it whole.
    QTest::newRow("unknown identifier") << true << QByteArray("'no-such-message'")
                                        << QStringList{"bad", "fine", "good"};
}

void TestTriggerSettings::reportBatchItemFailures()
{
    QFETCH(bool, report);
    QFETCH(QByteArray, identifier);
    QFETCH(QStringList, left);

    const NodeId queue = addService(
        QStringLiteral("queue"), QStringLiteral("jobs"),
        {{"batchSize", 10}, {"visibilityTimeout", 60}, {"reportBatchItemFailures", report}});
    connect(queue, mLocal->addFunction(QStringLiteral("picky"), "exports.handler = async (e) => ({ batchItemFailures: "
                                                                "e.Records.filter(r => r.body === 'bad')"
                                                                ".map(r => ({ itemIdentifier: "
                                                                    + identifier + " })) });\n"));
    QVERIFY(start());
    const QString jobs = QStringLiteral("jobs");
    // Queued before any consumer runs so that they travel in one batch.
    for (const char *body : {"good", "bad", "fine"})
        QVERIFY(mCloud->state().sendMessage(jobs, body));
    mCloud->tick();
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("picky"), 1));
    QCOMPARE(invocations(QStringLiteral("picky")).size(), 1);
    auto bodies = [&] {
        QStringList result;
        for (const QueueMessage &m : mCloud->state().messages(jobs))
            result.append(QString::fromUtf8(m.body));
        result.sort();
        return result;
    };
    QCOMPARE(bodies(), left);
    if (left.isEmpty())
        return;
    for (const QueueMessage &m : mCloud->state().messages(jobs))
        QCOMPARE(m.receiveCount, 1);
    // Back after the visibility timeout, received again.
    mClock.advance(60'000);
    mCloud->tick();
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("picky"), 2));
    QCOMPARE(bodies(), left);
    for (const QueueMessage &m : mCloud->state().messages(jobs))
        QCOMPARE(m.receiveCount, 2);
}

void TestTriggerSettings::streamReportBatchItemFailures_data()
{
    QTest::addColumn<bool>("report");
    // JavaScript: what the function does, the first time, with the record whose status is "bad".
    QTest::addColumn<QByteArray>("onBad");
    QTest::addColumn<QString>("badKey");
    QTest::addColumn<QStringList>("batches"); // the keys of each batch, in order

    const QByteArray reportIt = "return { batchItemFailures: [{ itemIdentifier: bad.dynamodb.SequenceNumber }] };";
    const QByteArray throwIt = "throw new Error('cannot process ' + bad.dynamodb.Keys.id.S);";
    // a goes alone; b, c and d come while it runs and travel together.
    QTest::newRow("c reported: c and d again") << true << reportIt << "c" << QStringList{"a", "b,c,d", "c,d"};
    QTest::newRow("b reported: the batch again") << true << reportIt << "b" << QStringList{"a", "b,c,d", "b,c,d"};
    QTest::newRow("a failure: the batch again") << true << throwIt << "c" << QStringList{"a", "b,c,d", "b,c,d"};
    // Off: the stream still goes as a shard (Lambda has no other way), and the function's
    // report changes nothing.
    QTest::newRow("not taken") << false << reportIt << "c" << QStringList{"a", "b,c,d"};
}

void TestTriggerSettings::streamReportBatchItemFailures()
{
    QFETCH(bool, report);
    QFETCH(QByteArray, onBad);
    QFETCH(QString, badKey);
    QFETCH(QStringList, batches);

    const NodeId table = addService(QStringLiteral("table"), QStringLiteral("orders"),
                                    {{"stream", "NEW_IMAGE"}, {"reportBatchItemFailures", report}});
    // Writes the keys of each batch to a file; fails the "bad" record once (a file marks it).
    connect(table, mLocal->addFunction(QStringLiteral("audit"),
                                       "const fs = require('fs'); const path = require('path');\n"
                                       "exports.handler = async (e) => {\n"
                                       "  fs.appendFileSync(path.join(__dirname, 'batches'),"
                                       " e.Records.map(r => r.dynamodb.Keys.id.S).join(',') + '\\n');\n"
                                       "  const bad = e.Records.find(r => r.dynamodb.NewImage.status.S === 'bad');\n"
                                       "  const marker = path.join(__dirname, 'failed');\n"
                                       "  if (bad && !fs.existsSync(marker)) { fs.writeFileSync(marker, '');\n    "
                                           + onBad + " }\n  return {};\n};\n"));
    QVERIFY(start());
    const QString orders = QStringLiteral("orders");
    for (const char *id : {"a", "b", "c", "d"}) {
        const char *status = QLatin1String(id) == badKey ? "bad" : "good";
        QVERIFY(mCloud->putItem(orders, {{"id", QJsonObject{{"S", id}}}, {"status", QJsonObject{{"S", status}}}}));
    }
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("audit"), int(batches.size())));
    QFile file(mLocal->folder.filePath(QStringLiteral("functions/audit/batches")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList seen = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(seen, batches);
    // Nothing left to retry.
    mCloud->tick();
    QCOMPARE(invocations(QStringLiteral("audit")).size(), int(batches.size()));
}

void TestTriggerSettings::batchingWindow_data()
{
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("invocationsBeforeWindowEnds"); // once the three messages are sent
    QTest::addColumn<int>("firstBatch"); // records in the first invocation

    // No window: the first message goes at once, the others wait for its batch.
    QTest::newRow("no window") << 10 << 0 << 1 << 1;
    // A window of 20 s: the three sent within it travel together when it ends.
    QTest::newRow("window of 20 s") << 10 << 20 << 0 << 3;
    // A full batch does not wait for the window.
    QTest::newRow("full batch") << 3 << 300 << 1 << 3;
}

void TestTriggerSettings::batchingWindow()
{
    QFETCH(int, batchSize);
    QFETCH(int, window);
    QFETCH(int, invocationsBeforeWindowEnds);
    QFETCH(int, firstBatch);

    const NodeId queue = addService(QStringLiteral("queue"), QStringLiteral("orders"),
                                    {{"batchSize", batchSize}, {"batchingWindow", window}});
    connect(queue, mLocal->addFunction(QStringLiteral("batcher"), kBodies));
    QVERIFY(start());
    const QString batcher = QStringLiteral("batcher");
    for (int i = 0; i < 3; ++i) {
        if (i > 0)
            mClock.advance(5'000);
        QVERIFY(mCloud->sendMessage(QStringLiteral("orders"), QByteArray::number(i)));
        mCloud->tick();
    }
    QCOMPARE(invocations(batcher).size(), invocationsBeforeWindowEnds);
    // 10 s after the first message, within the window: still waiting.
    mClock.advance(window > 0 ? 9'000 : 0);
    mCloud->tick();
    QCOMPARE(invocations(batcher).size(), invocationsBeforeWindowEnds);
    mClock.advance(window * 1000);
    QVERIFY(drain(QStringLiteral("orders"), batcher));
    QVERIFY(!invocations(batcher).isEmpty());
    QCOMPARE(mAnswers.first().value("bodies").toArray().size(), firstBatch);
    QCOMPARE(answered(QStringLiteral("bodies")), (QStringList{"0", "1", "2"}));
}

void TestTriggerSettings::batchingWindowOnTheVirtualClock()
{
    const NodeId queue = addService(QStringLiteral("queue"), QStringLiteral("orders"),
                                    {{"batchSize", 10}, {"batchingWindow", 30}});
    connect(queue, mLocal->addFunction(QStringLiteral("batcher"), kBodies));
    const QDateTime start(QDate(2027, 3, 1), QTime(2, 0), Qt::UTC);
    mCloud->setClock(nullptr);
    mCloud->virtualClock().pause();
    mCloud->virtualClock().set(start);
    QVERIFY(this->start());
    QVERIFY(mCloud->sendMessage(QStringLiteral("orders"), "first"));
    QVERIFY(mCloud->advance(10'000));
    QVERIFY(mCloud->sendMessage(QStringLiteral("orders"), "second"));
    QVERIFY(invocations(QStringLiteral("batcher")).isEmpty());
    QCOMPARE(mCloud->nextDue(), start.addSecs(30));
    // Advancing by an hour stops when the window ends: the batch goes at 02:00:30.
    QVERIFY(mCloud->advance(3600'000));
    const QList<CloudLogEntry> runs = invocations(QStringLiteral("batcher"));
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().when, start.addSecs(30));
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("batcher"), 1));
    QVERIFY(QTest::qWaitFor([&] { return !mAnswers.isEmpty(); }, 10000));
    QCOMPARE(answered(QStringLiteral("bodies")), (QStringList{"first", "second"}));
}

void TestTriggerSettings::maxConcurrency_data()
{
    QTest::addColumn<QJsonValue>("maxConcurrency");
    QTest::addColumn<int>("peak"); // batches in flight at most, and at some point

    QTest::newRow("empty: one at a time") << QJsonValue(QJsonValue::Null) << 1;
    QTest::newRow("2") << QJsonValue(2) << 2;
    QTest::newRow("3") << QJsonValue(3) << 3;
}

void TestTriggerSettings::maxConcurrency()
{
    QFETCH(QJsonValue, maxConcurrency);
    QFETCH(int, peak);

    const NodeId queue = addService(QStringLiteral("queue"), QStringLiteral("jobs"),
                                    {{"batchSize", 1}, {"maxConcurrency", maxConcurrency}});
    connect(queue, mLocal->addFunction(QStringLiteral("slow"), kSlow));
    QVERIFY(start());
    for (int i = 0; i < 8; ++i)
        QVERIFY(mCloud->state().sendMessage(QStringLiteral("jobs"), QByteArray::number(i)));
    mCloud->tick();
    QVERIFY(drain(QStringLiteral("jobs"), QStringLiteral("slow")));
    QCOMPARE(invocations(QStringLiteral("slow")).size(), 8);
    // The most runs that overlapped: a batch is only delivered once another has answered,
    // so a run beyond the limit would overlap the others.
    int highest = 0;
    for (const QJsonObject &a : std::as_const(mAnswers)) {
        const auto overlapping = std::count_if(mAnswers.cbegin(), mAnswers.cend(), [&](const QJsonObject &b) {
            return b.value("start").toDouble() <= a.value("start").toDouble()
                   && b.value("end").toDouble() > a.value("start").toDouble();
        });
        highest = std::max(highest, int(overlapping));
    }
    QCOMPARE(highest, peak);
}

void TestTriggerSettings::streamBatching_data()
{
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("invocationsBeforeWindowEnds"); // once the five changes are made
    QTest::addColumn<QStringList>("expected"); // the keys of each batch, in order

    // No window: the first change goes at once, the others wait for it, two at a time.
    QTest::newRow("batch size 2, no window") << 2 << 0 << 1 << QStringList{"a", "b,c", "d,e"};
    // A window of 30 s: the five made within 20 s travel together when it ends.
    QTest::newRow("window of 30 s") << 10 << 30 << 0 << QStringList{"a,b,c,d,e"};
    // A full batch does not wait for the window.
    QTest::newRow("full batch") << 5 << 300 << 1 << QStringList{"a,b,c,d,e"};
}

void TestTriggerSettings::streamBatching()
{
    QFETCH(int, batchSize);
    QFETCH(int, window);
    QFETCH(int, invocationsBeforeWindowEnds);
    QFETCH(QStringList, expected);

    addStream({{"batchSize", batchSize}, {"batchingWindow", window}}, QStringLiteral("audit"), kStreamAudit);
    QVERIFY(start());
    const QString audit = QStringLiteral("audit");
    const char *keys[] = {"a", "b", "c", "d", "e"};
    for (int i = 0; i < 5; ++i) {
        if (i > 0)
            mClock.advance(5'000);
        QVERIFY(put(keys[i]));
        mCloud->tick();
    }
    QCOMPARE(invocations(audit).size(), invocationsBeforeWindowEnds);
    if (window > 0) {
        // 29 s after the first change, within the window: still waiting.
        mClock.advance(9'000);
        mCloud->tick();
        QCOMPARE(invocations(audit).size(), invocationsBeforeWindowEnds);
    }
    mClock.advance(window * 1000);
    mCloud->tick();
    QVERIFY(waitForBatches(audit, int(expected.size())));
    QCOMPARE(batches(audit), expected);
}

void TestTriggerSettings::streamBatchingWindowOnTheVirtualClock()
{
    addStream({{"batchingWindow", 30}}, QStringLiteral("audit"), kStreamAudit);
    const QDateTime start(QDate(2027, 3, 1), QTime(2, 0), Qt::UTC);
    mCloud->setClock(nullptr);
    mCloud->virtualClock().pause();
    mCloud->virtualClock().set(start);
    QVERIFY(this->start());
    QVERIFY(put("a"));
    QVERIFY(mCloud->advance(10'000));
    QVERIFY(put("b"));
    QVERIFY(invocations(QStringLiteral("audit")).isEmpty());
    QCOMPARE(mCloud->nextDue(), start.addSecs(30));
    // Advancing by an hour stops when the window ends: the batch goes at 02:00:30.
    QVERIFY(mCloud->advance(3600'000));
    const QList<CloudLogEntry> runs = invocations(QStringLiteral("audit"));
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().when, start.addSecs(30));
    QVERIFY(waitForBatches(QStringLiteral("audit"), 1));
    QCOMPARE(batches(QStringLiteral("audit")), QStringList{"a,b"});
    QVERIFY(!mCloud->nextDue().isValid());
}

void TestTriggerSettings::streamOneBatchInFlight()
{
    addStream({{"batchSize", 2}}, QStringLiteral("slow"), kSlowStream);
    QVERIFY(start());
    for (const char *id : {"a", "b", "c", "d", "e", "f"})
        QVERIFY(put(id));
    // One batch at a time: the first change alone, then the others in order, two at a time.
    QCOMPARE(invocations(QStringLiteral("slow")).size(), 1);
    QVERIFY(QTest::qWaitFor([&] { return mAnswers.size() == 4; }, 30000));
    QStringList keys;
    for (const QJsonObject &answer : std::as_const(mAnswers))
        keys.append(answer.value("keys").toString());
    QCOMPARE(keys, (QStringList{"a", "b,c", "d,e", "f"}));
    for (qsizetype i = 1; i < mAnswers.size(); ++i)
        QVERIFY2(mAnswers.at(i).value("start").toDouble() >= mAnswers.at(i - 1).value("end").toDouble(),
                 "a batch started before the one before it had answered");
}

void TestTriggerSettings::streamRetriesThenOnFailure_data()
{
    QTest::addColumn<int>("retries");

    QTest::newRow("no retry") << 0;
    QTest::newRow("two retries") << 2;
}

void TestTriggerSettings::streamRetriesThenOnFailure()
{
    QFETCH(int, retries);

    const NodeId function = addStream({{"batchSize", 1}, {"maximumRetryAttempts", retries}}, QStringLiteral("audit"),
                                      kThrow);
    addOnFailureQueue(function);
    QVERIFY(start());
    QVERIFY(put("a"));
    QVERIFY(put("b"));
    // Each record is tried 1 + retries times, skipped, and the next one goes.
    QVERIFY(QTest::qWaitFor([&] { return failureRecords().size() == 2; }, 30000));
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("audit"), 2 * (retries + 1)));
    mCloud->tick();
    QCOMPARE(invocations(QStringLiteral("audit")).size(), 2 * (retries + 1));
    const QList<QJsonObject> records = failureRecords();
    QCOMPARE(records.size(), 2);
    QStringList sequences;
    for (const QJsonObject &record : records) {
        const QJsonObject context = record.value("requestContext").toObject();
        QCOMPARE(context.value("condition").toString(), QStringLiteral("RetryAttemptsExhausted"));
        QCOMPARE(context.value("approximateInvokeCount").toInt(), retries + 1);
        QCOMPARE(context.value("functionArn").toString(),
                 QStringLiteral("arn:aws:lambda:us-east-1:000000000000:function:audit"));
        QVERIFY(!context.value("requestId").toString().isEmpty());
        QCOMPARE(record.value("responseContext").toObject(),
                 (QJsonObject{{"statusCode", 200}, {"executedVersion", "$LATEST"}, {"functionError", "Unhandled"}}));
        QCOMPARE(record.value("version").toString(), QStringLiteral("1.0"));
        QCOMPARE(record.value("timestamp").toString(), QStringLiteral("2027-01-01T00:00:00.000Z"));
        const QJsonObject batch = record.value("DDBStreamBatchInfo").toObject();
        QCOMPARE(batch.value("batchSize").toInt(), 1);
        QVERIFY(batch.value("shardId").toString().startsWith(QLatin1String("shardId-")));
        QVERIFY(!batch.value("startSequenceNumber").toString().isEmpty());
        QCOMPARE(batch.value("endSequenceNumber"), batch.value("startSequenceNumber"));
        QCOMPARE(batch.value("approximateArrivalOfFirstRecord").toString(), QStringLiteral("2027-01-01T00:00:00Z"));
        QCOMPARE(batch.value("approximateArrivalOfLastRecord").toString(), QStringLiteral("2027-01-01T00:00:00Z"));
        QVERIFY(batch.value("streamArn").toString().startsWith(kStreamArn));
        sequences.append(batch.value("startSequenceNumber").toString());
    }
    // In the stream's order: a, then b.
    QVERIFY(sequences.at(0).toLongLong() < sequences.at(1).toLongLong());
}

void TestTriggerSettings::streamRecordAge_data()
{
    QTest::addColumn<QJsonValue>("maximumRecordAge");
    QTest::addColumn<qint64>("stillRetried"); // ms after the change: not yet too old

    QTest::newRow("60 s") << QJsonValue(60) << qint64(59'000);
    // Empty: until the stream's 24 hours.
    QTest::newRow("empty: a day") << QJsonValue(QJsonValue::Null) << qint64(86'399'000);
}

void TestTriggerSettings::streamRecordAge()
{
    QFETCH(QJsonValue, maximumRecordAge);
    QFETCH(qint64, stillRetried);

    const NodeId function = addStream({{"maximumRecordAge", maximumRecordAge}}, QStringLiteral("audit"), kThrow);
    addOnFailureQueue(function);
    QVERIFY(start());
    QVERIFY(put("a"));
    // Failed, and retried on the ticks while the clock stands still.
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("audit"), 2));
    mClock.advance(stillRetried);
    mCloud->tick();
    QVERIFY(failureRecords().isEmpty());
    // Two seconds on, the record is too old: skipped, and described to the destination.
    mClock.advance(2'000);
    QVERIFY(QTest::qWaitFor(
        [&] {
        mCloud->tick();
        return !failureRecords().isEmpty();
        },
        30000));
    const QJsonObject record = failureRecords().first();
    QCOMPARE(record.value("requestContext")["condition"].toString(), QStringLiteral("RecordAgeExceeded"));
    QVERIFY(record.value("requestContext")["approximateInvokeCount"].toInt() >= 2);
    QCOMPARE(record.value("DDBStreamBatchInfo")["batchSize"].toInt(), 1);
    // Nothing is retried after that.
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("audit"), 2));
    const qsizetype runs = invocations(QStringLiteral("audit")).size();
    mCloud->tick();
    QCOMPARE(invocations(QStringLiteral("audit")).size(), runs);
    QCOMPARE(failureRecords().size(), 1);
}

void TestTriggerSettings::streamBisectIsolatesPoison_data()
{
    QTest::addColumn<bool>("bisect");
    QTest::addColumn<QStringList>("processed"); // the batches the function processed
    QTest::addColumn<int>("runs");
    QTest::addColumn<int>("skipped"); // records in the on-failure record
    QTest::addColumn<int>("invokeCount"); // its approximateInvokeCount

    // a, b, poison, d in one batch, one retry allowed.
    // Split: [a b p d] fails; [a b] goes; [p d] fails; [p] fails, is retried once and
    // skipped; [d] goes. The splits are not retries.
    QTest::newRow("split on error") << true << QStringList{"a,b", "d"} << 6 << 1 << 4;
    // Not split: the batch fails twice and is skipped whole.
    QTest::newRow("not split") << false << QStringList() << 2 << 4 << 2;
}

void TestTriggerSettings::streamBisectIsolatesPoison()
{
    QFETCH(bool, bisect);
    QFETCH(QStringList, processed);
    QFETCH(int, runs);
    QFETCH(int, skipped);
    QFETCH(int, invokeCount);

    const NodeId function = addStream({{"batchingWindow", 10}, {"bisectOnError", bisect}, {"maximumRetryAttempts", 1}},
                                      QStringLiteral("audit"), kStreamAudit);
    addOnFailureQueue(function);
    QVERIFY(start());
    QVERIFY(put("a"));
    QVERIFY(put("b"));
    QVERIFY(put("p", "poison"));
    QVERIFY(put("d"));
    mClock.advance(10'000);
    mCloud->tick();
    QVERIFY(QTest::qWaitFor(
        [&] {
        mCloud->tick();
        const QList<CloudLogEntry> all = invocations(QStringLiteral("audit"));
        return !failureRecords().isEmpty() && all.size() >= runs
               && std::all_of(all.cbegin(), all.cend(), [](const CloudLogEntry &e) { return e.finished; });
        },
        30000));
    QCOMPARE(batches(QStringLiteral("audit")), processed);
    QCOMPARE(invocations(QStringLiteral("audit")).size(), runs);
    const QList<QJsonObject> records = failureRecords();
    QCOMPARE(records.size(), 1);
    const QJsonObject batch = records.first().value("DDBStreamBatchInfo").toObject();
    QCOMPARE(batch.value("batchSize").toInt(), skipped);
    QCOMPARE(batch.value("startSequenceNumber") == batch.value("endSequenceNumber"), skipped == 1);
    QCOMPARE(records.first().value("requestContext")["condition"].toString(), QStringLiteral("RetryAttemptsExhausted"));
    QCOMPARE(records.first().value("requestContext")["approximateInvokeCount"].toInt(), invokeCount);
}

void TestTriggerSettings::streamStartingPosition_data()
{
    QTest::addColumn<QString>("position");
    QTest::addColumn<QStringList>("firstRun"); // a and b made before the function was connected, then c
    QTest::addColumn<QStringList>("restarted"); // the cloud started again on its state, then d

    QTest::newRow("TRIM_HORIZON") << "TRIM_HORIZON" << QStringList{"a,b", "c"} << QStringList{"a,b,c", "d"};
    QTest::newRow("LATEST") << "LATEST" << QStringList{"c"} << QStringList{"d"};
}

void TestTriggerSettings::streamStartingPosition()
{
    QFETCH(QString, position);
    QFETCH(QStringList, firstRun);
    QFETCH(QStringList, restarted);

    const QString audit = QStringLiteral("audit");
    const NodeId function = addStream({{"startingPosition", position}}, audit, kStreamAudit, false);
    QVERIFY(start());
    QVERIFY(put("a"));
    QVERIFY(put("b"));
    // Connected now: its trigger starts at the oldest record of the day, or at the next.
    connect(mTable, function);
    mCloud->tick();
    QVERIFY(waitForBatches(audit, int(firstRun.size()) - 1));
    QVERIFY(put("c"));
    QVERIFY(waitForBatches(audit, int(firstRun.size())));
    QCOMPARE(batches(audit), firstRun);

    // Started again on the same state: read from the start of the day again, or not.
    QVERIFY(start());
    mCloud->tick();
    QVERIFY(waitForBatches(audit, int(firstRun.size() + restarted.size()) - 1));
    QVERIFY(put("d"));
    QVERIFY(waitForBatches(audit, int(firstRun.size() + restarted.size())));
    QCOMPARE(batches(audit).mid(firstRun.size()), restarted);

    // A day later nothing is left to read again.
    mClock.advance(86'401'000);
    QVERIFY(start());
    mCloud->tick();
    QVERIFY(put("e"));
    QVERIFY(waitForBatches(audit, int(firstRun.size() + restarted.size()) + 1));
    QCOMPARE(batches(audit).mid(firstRun.size() + restarted.size()), QStringList{"e"});
}

void TestTriggerSettings::bucketFilterCriteria_data()
{
    QTest::addColumn<QString>("criteria");
    QTest::addColumn<QStringList>("delivered");
    QTest::addColumn<bool>("valid");

    // The changes: put small.png (10 bytes), big.png (2,000 bytes), notes.txt (10 bytes);
    // delete small.png.
    QTest::newRow("no filter") << ""
                               << QStringList{"ObjectCreated:Put big.png", "ObjectCreated:Put notes.txt",
                                              "ObjectCreated:Put small.png", "ObjectRemoved:Delete small.png"}
                               << true;
    QTest::newRow("size over 1 KB") << R"({"s3": {"object": {"size": [{"numeric": [">", 1024]}]}}})"
                                    << QStringList{"ObjectCreated:Put big.png"} << true;
    QTest::newRow("key suffix") << R"({"s3": {"object": {"key": [{"suffix": ".txt"}]}}})"
                                << QStringList{"ObjectCreated:Put notes.txt"} << true;
    QTest::newRow("created, or a removal of a .png")
        << R"([{"eventName": [{"prefix": "ObjectCreated:"}], "s3": {"object": {"size": [{"numeric": ["<", 100]}]}}},
              {"eventName": [{"prefix": "ObjectRemoved:"}], "s3": {"object": {"key": [{"suffix": ".png"}]}}}])"
        << QStringList{"ObjectCreated:Put notes.txt", "ObjectCreated:Put small.png", "ObjectRemoved:Delete small.png"}
        << true;
    // Invalid criteria make no trigger, and the validator says why.
    QTest::newRow("invalid") << R"({"s3": {"object": {"size": [{"numeric": [">", "big"]}]}}})" << QStringList()
                             << false;
}

void TestTriggerSettings::bucketFilterCriteria()
{
    QFETCH(QString, criteria);
    QFETCH(QStringList, delivered);
    QFETCH(bool, valid);

    const NodeId bucket = addService(QStringLiteral("bucket"), QStringLiteral("uploads"),
                                     {{"events", "All"}, {"filterCriteria", criteria}});
    connect(bucket,
            mLocal->addFunction(QStringLiteral("thumb"), "exports.handler = async (e) => ({ names: e.Records.map("
                                                         "r => r.eventName + ' ' + r.s3.object.key) });\n"));
    bool reported = false;
    for (const Diagnostic &d : Validator(mProject->catalog(), mProject->architecture()).validate())
        reported = reported || (d.code == QLatin1String("invalid-filter") && d.nodes.contains(bucket));
    QCOMPARE(reported, !valid);
    QVERIFY(start());
    const QString uploads = QStringLiteral("uploads");
    QVERIFY(mCloud->putObject(uploads, QStringLiteral("small.png"), QByteArray(10, 'x')));
    QVERIFY(mCloud->putObject(uploads, QStringLiteral("big.png"), QByteArray(2000, 'x')));
    QVERIFY(mCloud->putObject(uploads, QStringLiteral("notes.txt"), QByteArray(10, 'x')));
    QVERIFY(mCloud->deleteObject(uploads, QStringLiteral("small.png")));
    // Each event is delivered, or not, as the change happens.
    QCOMPARE(invocations(QStringLiteral("thumb")).size(), int(delivered.size()));
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("thumb"), int(delivered.size())));
    QVERIFY(QTest::qWaitFor([&] { return mAnswers.size() == delivered.size(); }, 20000));
    QCOMPARE(answered(QStringLiteral("names")), delivered);
    // What was not delivered is in the log, when the criteria are valid.
    const auto skipped = std::count_if(mCloud->log().cbegin(), mCloud->log().cend(), [](const CloudLogEntry &e) {
        return e.kind == CloudLogEntry::Kind::ServiceChange && e.detail.contains(QLatin1String("filter criteria"));
    });
    QCOMPARE(int(skipped), valid ? 4 - int(delivered.size()) : 0);
}

// Issue 22 item 10, delivery settings through the real SDKs: messages sent with the AWS SDK
// for JavaScript v3 and with boto3 (SendMessageBatch through the local cloud's endpoint,
// sdk/sdk_call.*) reach a function through the queue's filter criteria - an order of 50 is
// dropped, those over 100 delivered - and its ReportBatchItemFailures answer returns only
// the failed order to the queue, where the SDK's ReceiveMessage finds it once its
// visibility timeout has passed on the cloud's clock, and the function gets it again.
void TestTriggerSettings::queueSettingsThroughTheSdks_data()
{
    QTest::addColumn<QString>("sdk");
    QTest::newRow("JavaScript v3") << "js";
    QTest::newRow("boto3") << "py";
}

void TestTriggerSettings::queueSettingsThroughTheSdks()
{
    QFETCH(QString, sdk);
    const NodeId queue = addService(QStringLiteral("queue"), QStringLiteral("orders"),
                                    {{"filterCriteria", R"({"body": {"total": [{"numeric": [">", 100]}]}})"},
                                     {"reportBatchItemFailures", true},
                                     {"batchSize", 10},
                                     {"visibilityTimeout", 30}});
    connect(queue,
            mLocal->addFunction(
                QStringLiteral("review"),
                "exports.handler = async (e) => ({ totals: e.Records.map(r => String(JSON.parse(r.body).total)),\n"
                "  batchItemFailures: e.Records.filter(r => JSON.parse(r.body).total === 666)\n"
                "    .map(r => ({ itemIdentifier: r.messageId })) });\n"));
    QVERIFY(mLocal->start(NimbusTest::LocalCloudFixture::Endpoint));
    const QString queueUrl = mLocal->endpoint->url() + QStringLiteral("/000000000000/orders");
    const auto call = [&](const QString &operation, const QJsonObject &input) {
        return sdkCall(sdk, QStringLiteral("sqs"), operation, input);
    };
    QJsonArray entries;
    for (int total : {50, 150, 666, 200})
        entries.append(QJsonObject{{"Id", QStringLiteral("o%1").arg(total)},
                                   {"MessageBody", QStringLiteral(R"({"total": %1})").arg(total)}});
    const QJsonObject sent = call(QStringLiteral("SendMessageBatch"), {{"QueueUrl", queueUrl}, {"Entries", entries}});
    QVERIFY2(sent.value("output").toObject().value("Successful").toArray().size() == 4,
             QJsonDocument(sent).toJson().constData());

    // Only the orders over 100 reach the function (the order of 50 is deleted unseen) ...
    QVERIFY(QTest::qWaitFor(
        [&] {
        mCloud->tick();
        const QList<CloudLogEntry> runs = invocations(QStringLiteral("review"));
        return !runs.isEmpty()
               && std::all_of(runs.cbegin(), runs.cend(), [](const CloudLogEntry &e) { return e.finished; })
               && mAnswers.size() == runs.size() && answered(QStringLiteral("totals")).size() >= 3;
        },
        30000));
    QCOMPARE(answered(QStringLiteral("totals")), (QStringList{"150", "200", "666"}));
    // ... and of those, only the reported one stays in the queue, in flight.
    const QList<QueueMessage> left = mCloud->state().messages(QStringLiteral("orders"));
    QCOMPARE(left.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(left.first().body).object().value("total").toInt(), 666);
    QVERIFY(call(QStringLiteral("ReceiveMessage"), {{"QueueUrl", queueUrl}})
                .value("output")
                .toObject()
                .value("Messages")
                .toArray()
                .isEmpty());
    // Visible again once its visibility timeout has passed on the cloud's clock, it goes to
    // the function again, alone.
    mClock.advance(31'000);
    QVERIFY(QTest::qWaitFor(
        [&] {
        mCloud->tick();
        return answered(QStringLiteral("totals")).size() == 4;
        },
        30000));
    QCOMPARE(answered(QStringLiteral("totals")), (QStringList{"150", "200", "666", "666"}));
    QCOMPARE(mAnswers.last().value("totals").toArray(), QJsonArray{"666"});
}

// A table's stream settings with the changes made through the real SDKs (PutItem,
// UpdateItem and DeleteItem of the AWS SDK for JavaScript v3 and of boto3): the filter
// criteria pass only INSERT records, in batches of the table's batch size or when the
// batching window on the cloud's clock ends, in order.
void TestTriggerSettings::streamSettingsThroughTheSdks_data()
{
    QTest::addColumn<QString>("sdk");
    QTest::newRow("JavaScript v3") << "js";
    QTest::newRow("boto3") << "py";
}

void TestTriggerSettings::streamSettingsThroughTheSdks()
{
    QFETCH(QString, sdk);
    addStream({{"filterCriteria", R"({"eventName": ["INSERT"]})"}, {"batchSize", 2}, {"batchingWindow", 60}},
              QStringLiteral("inserts"),
              "exports.handler = async (e) => ({ names: e.Records.map(r => r.eventName + ' '"
              " + r.dynamodb.Keys.id.S) });\n");
    QVERIFY(mLocal->start(NimbusTest::LocalCloudFixture::Endpoint));
    const auto item = [](const char *id) {
        return QJsonObject{
            {"TableName", "orders"},
            {"Item", QJsonObject{{"id", QJsonObject{{"S", id}}}, {"status", QJsonObject{{"S", "new"}}}}}};
    };
    for (const char *id : {"a", "b", "c"}) {
        const QJsonObject put = sdkCall(sdk, QStringLiteral("dynamodb"), QStringLiteral("PutItem"), item(id));
        QVERIFY2(put.contains("output"), QJsonDocument(put).toJson().constData());
    }
    const QJsonObject key{{"id", QJsonObject{{"S", "a"}}}};
    QVERIFY(sdkCall(sdk, QStringLiteral("dynamodb"), QStringLiteral("UpdateItem"),
                    {{"TableName", "orders"},
                     {"Key", key},
                     {"UpdateExpression", "SET #s = :s"},
                     {"ExpressionAttributeNames", QJsonObject{{"#s", "status"}}},
                     {"ExpressionAttributeValues", QJsonObject{{":s", QJsonObject{{"S", "paid"}}}}}})
                .contains("output"));
    QVERIFY(
        sdkCall(sdk, QStringLiteral("dynamodb"), QStringLiteral("DeleteItem"), {{"TableName", "orders"}, {"Key", key}})
            .contains("output"));
    const auto settled = [&](int records) {
        return QTest::qWaitFor(
            [&] {
            mCloud->tick();
            const QList<CloudLogEntry> runs = invocations(QStringLiteral("inserts"));
            return answered(QStringLiteral("names")).size() >= records
                   && std::all_of(runs.cbegin(), runs.cend(), [](const CloudLogEntry &e) { return e.finished; });
            },
            30000);
    };
    // A full batch of two goes at once; the third INSERT waits for the batching window of
    // the cloud's clock, and neither the MODIFY nor the REMOVE of "a" goes at all.
    QVERIFY(settled(2));
    QCOMPARE(mAnswers.size(), 1);
    QCOMPARE(mAnswers.first().value("names").toArray(), (QJsonArray{"INSERT a", "INSERT b"}));
    mClock.advance(61'000);
    QVERIFY(settled(3));
    QCOMPARE(answered(QStringLiteral("names")), (QStringList{"INSERT a", "INSERT b", "INSERT c"}));
    QCOMPARE(mAnswers.size(), 2);
    QCOMPARE(mAnswers.last().value("names").toArray(), QJsonArray{"INSERT c"});
}

QTEST_GUILESS_MAIN(TestTriggerSettings)
#include "tst_triggersettings.moc"
