// The delivery settings of queue and table stream triggers, as Lambda's event source
// mappings define them: filter criteria (records that match no pattern are dropped),
// ReportBatchItemFailures, the batching window on the cloud's clock and maximum
// concurrency, delivered to real Node.js workers.

#include "cloud/virtualclock.h"
#include "cloudfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
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

private:
    NodeId addService(const QString &kind, const QString &name, const QJsonObject &properties);
    void connect(NodeId from, NodeId to);
    QList<CloudLogEntry> invocations(const QString &function) const
    {
        return mLocal->entries(CloudLogEntry::Kind::Invocation, function);
    }
    bool start();
    // Ticks until the queue is empty and every invocation of function has finished and answered.
    bool drain(const QString &queue, const QString &function);
    // The strings under key in every answer so far, sorted.
    QStringList answered(const QString &key) const;

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
    // A stream record is delivered (or skipped) as the change happens.
    QCOMPARE(invocations(QStringLiteral("audit")).size(), int(delivered.size()));
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("audit"), int(delivered.size())));
    QVERIFY(QTest::qWaitFor([&] { return mAnswers.size() == delivered.size(); }, 10000));
    QCOMPARE(answered(QStringLiteral("names")), delivered);
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
    // Off: each change goes to the function as it happens, and a report changes nothing.
    QTest::newRow("not taken") << false << reportIt << "c" << QStringList{"a", "b", "c", "d"};
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
    QStringList seen = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!report) { // delivered at once, concurrently: in any order
        seen.sort();
        batches.sort();
    }
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

QTEST_GUILESS_MAIN(TestTriggerSettings)
#include "tst_triggersettings.moc"
