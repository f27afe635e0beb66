// The local cloud delivering along the canvas's connections to real Node.js workers:
// queue batches, retries and dead letters, topic fan-out, bucket and table events,
// schedules on a test clock, the loop guard, state across restarts.

#include "cloud/services/awsservice.h"
#include "cloud/virtualclock.h"
#include "cloudfixture.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

namespace {
// Answers what it received: how many records, and the first one.
const QByteArray kEcho = "exports.handler = async (event) => ({ records: (event.Records || []).length,"
                         " first: (event.Records || [])[0] || event });\n";
const QByteArray kFail = "exports.handler = async () => { throw new Error('cannot process'); };\n";
} // namespace

class TestLocalCloud : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void queueBatchesReachTheConsumer();
    void failingConsumerEndsInDeadLetters();
    void partialBatchFailure();
    void topicFansOut();
    void bucketPutTriggersConsumer();
    void tableChangesStream();
    void schedulesFireOnTheClock();
    void loopIsStopped();
    void stateSurvivesRestart();
    void unknownServiceIsAnError();
    // The virtual clock, moved by advance() and runUntilNextDue().
    void advanceFiresEachScheduleAtItsTime_data();
    void advanceFiresEachScheduleAtItsTime();
    void advanceRefusesTooManyFirings();
    void aDayOfSchedulesOnTheVirtualClock();
    void delayedMessageVisibleOnlyAfterAdvance();
    void visibilityTimeoutEndsOnAdvance();
    void retentionDropsOldMessages();
    void timeToLiveDeletesAsTheService();
    void timeToLiveThroughTheDynamoDbApi();
    void tableReadsSeeWritesOfEveryPath();
    void answeredWritesSurviveAKill();
    void pausedCloudClockStaysStill();

private:
    // A DynamoDB request handed to endpoint; its answer, which may come a turn of the
    // event loop later (when the writes it waits for are committed).
    static HttpResponseData dynamo(AwsEndpoint &endpoint, const char *operation, const QJsonObject &input);
    NodeId addFunction(const QString &name, const QByteArray &code);
    NodeId addService(const QString &kind, const QString &name, const QJsonObject &properties = {});
    void connect(NodeId from, NodeId to, const QString &type = QStringLiteral("invokes"));
    QList<CloudLogEntry> invocations(const QString &function) const;
    bool waitForInvocations(const QString &function, int count);
    bool start();
    // The cloud back on its own virtual clock, paused at start.
    void useVirtualClock(const QDateTime &start);
    // What each finished invocation of the runner answered, as JSON, in order.
    QList<QJsonObject> answers() const { return mAnswers; }

    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
    QList<QJsonObject> mAnswers;
    Project *mProject = nullptr;
    LocalCloud *mCloud = nullptr;
    ManualClock mClock;
};

void TestLocalCloud::init()
{
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    mProject = &mLocal->project;
    mCloud = mLocal->cloud.get();
    mCloud->setClock(&mClock);
    mAnswers.clear();
    QObject::connect(&mLocal->runner, &FunctionRunner::finished, this,
                     [this](NodeId, const InvocationResult &result, bool, qint64) {
        mAnswers.append(QJsonDocument::fromJson(result.resultJson).object());
    });
}

void TestLocalCloud::useVirtualClock(const QDateTime &start)
{
    mCloud->setClock(nullptr);
    mCloud->virtualClock().pause();
    mCloud->virtualClock().set(start);
}

void TestLocalCloud::cleanup()
{
    mCloud = nullptr;
    mProject = nullptr;
    mLocal.reset();
}

NodeId TestLocalCloud::addFunction(const QString &name, const QByteArray &code)
{
    return mLocal->addFunction(name, code);
}

NodeId TestLocalCloud::addService(const QString &kind, const QString &name, const QJsonObject &properties)
{
    const NodeId id = mProject->addNode(kind, {}, name).valueOr(kInvalidNodeId);
    for (auto it = properties.begin(); it != properties.end(); ++it)
        (void)mProject->setNodeProperty(id, it.key(), it.value());
    return id;
}

void TestLocalCloud::connect(NodeId from, NodeId to, const QString &type)
{
    const Result<EdgeId> edge = mProject->connectNodes(from, to, type);
    QVERIFY2(edge, qPrintable(edge.errorMessage()));
}

QList<CloudLogEntry> TestLocalCloud::invocations(const QString &function) const
{
    return mLocal->entries(CloudLogEntry::Kind::Invocation, function);
}

bool TestLocalCloud::waitForInvocations(const QString &function, int count)
{
    return mLocal->waitForInvocations(function, count);
}

bool TestLocalCloud::start()
{
    const bool ok = mLocal->start(NimbusTest::LocalCloudFixture::NoServer);
    if (!ok)
        qWarning() << mLocal->error;
    return ok;
}

void TestLocalCloud::queueBatchesReachTheConsumer()
{
    const NodeId queue = addService(QStringLiteral("queue"), QStringLiteral("jobs"), {{"batchSize", 3}});
    connect(queue, addFunction(QStringLiteral("worker"), kEcho));
    QVERIFY(start());
    // Sent while the first batch runs: they wait for it, then go in batches of 3.
    for (int i = 0; i < 5; ++i)
        QVERIFY(mCloud->sendMessage(QStringLiteral("jobs"), QByteArray::number(i)));
    QVERIFY(QTest::qWaitFor(
        [&] {
        mCloud->tick();
        return mCloud->state().messages(QStringLiteral("jobs")).isEmpty();
        },
        20000));
    const QList<CloudLogEntry> runs = invocations(QStringLiteral("worker"));
    QVERIFY(runs.size() >= 2);
    for (const CloudLogEntry &run : runs) {
        QVERIFY2(run.ok, qPrintable(run.detail));
        QCOMPARE(run.source, QStringLiteral("jobs"));
        QCOMPARE(run.depth, 1); // outside -> jobs -> worker
    }
}

void TestLocalCloud::failingConsumerEndsInDeadLetters()
{
    const NodeId queue = addService(QStringLiteral("queue"), QStringLiteral("orders"),
                                    {{"maxReceiveCount", 2}, {"visibilityTimeout", 10}});
    connect(queue, addFunction(QStringLiteral("broken"), kFail));
    QVERIFY(start());
    QVERIFY(mCloud->sendMessage(QStringLiteral("orders"), "poison"));
    QVERIFY(waitForInvocations(QStringLiteral("broken"), 1));
    QVERIFY(!invocations(QStringLiteral("broken")).first().ok);
    QVERIFY(invocations(QStringLiteral("broken")).first().detail.contains(QLatin1String("cannot process")));
    // Still there, hidden; after the visibility timeout it is retried.
    QCOMPARE(mCloud->state().messages(QStringLiteral("orders")).size(), 1);
    mClock.advance(10'000);
    mCloud->tick();
    QVERIFY(waitForInvocations(QStringLiteral("broken"), 2));
    // Received twice (maxReceiveCount): the next time it goes to the dead-letter queue.
    mClock.advance(10'000);
    mCloud->tick();
    QVERIFY(mCloud->state().messages(QStringLiteral("orders")).isEmpty());
    QCOMPARE(mCloud->state().messages(QStringLiteral("orders-dlq")).size(), 1);
    QCOMPARE(invocations(QStringLiteral("broken")).size(), 2);
    const bool logged = std::any_of(mCloud->log().cbegin(), mCloud->log().cend(),
                                    [](const CloudLogEntry &e) { return e.kind == CloudLogEntry::Kind::DeadLetter; });
    QVERIFY(logged);
}

void TestLocalCloud::partialBatchFailure()
{
    const NodeId queue = addService(QStringLiteral("queue"), QStringLiteral("jobs"), {{"batchSize", 10}});
    // Reports the message whose body is "bad" as failed; the rest are done.
    connect(queue, addFunction(QStringLiteral("picky"),
                               "exports.handler = async (e) => ({ batchItemFailures: e.Records"
                               ".filter(r => r.body === 'bad').map(r => ({ itemIdentifier: r.messageId })) });\n"));
    QVERIFY(mProject->setNodeProperty(queue, QStringLiteral("visibilityTimeout"), 60));
    mClock.set(QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC));
    QVERIFY(start());
    // Queued before any consumer runs so that they travel in one batch.
    QVERIFY(mCloud->state().sendMessage(QStringLiteral("jobs"), "good"));
    QVERIFY(mCloud->state().sendMessage(QStringLiteral("jobs"), "bad"));
    QVERIFY(mCloud->state().sendMessage(QStringLiteral("jobs"), "fine"));
    mCloud->tick();
    QVERIFY(waitForInvocations(QStringLiteral("picky"), 1));
    const QList<QueueMessage> left = mCloud->state().messages(QStringLiteral("jobs"));
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().body, QByteArray("bad"));
}

void TestLocalCloud::topicFansOut()
{
    const NodeId topic = addService(QStringLiteral("topic"), QStringLiteral("events"));
    connect(topic, addFunction(QStringLiteral("mailer"), kEcho));
    connect(topic, addFunction(QStringLiteral("auditor"), kEcho));
    QVERIFY(start());
    QVERIFY(mCloud->publish(QStringLiteral("events"), QStringLiteral("{\"order\":7}"), QStringLiteral("New")));
    QVERIFY(waitForInvocations(QStringLiteral("mailer"), 1));
    QVERIFY(waitForInvocations(QStringLiteral("auditor"), 1));
    QVERIFY(invocations(QStringLiteral("mailer")).first().ok);
    QCOMPARE(invocations(QStringLiteral("auditor")).first().source, QStringLiteral("events"));
}

void TestLocalCloud::bucketPutTriggersConsumer()
{
    const NodeId bucket = addService(QStringLiteral("bucket"), QStringLiteral("images"), {{"prefix", "uploads/"}});
    connect(bucket, addFunction(QStringLiteral("thumbnailer"), kEcho));
    QVERIFY(start());
    QVERIFY(mCloud->putObject(QStringLiteral("images"), QStringLiteral("uploads/cat.png"), "png",
                              QStringLiteral("image/png")));
    QVERIFY(mCloud->putObject(QStringLiteral("images"), QStringLiteral("other/dog.png"), "png"));
    QVERIFY(waitForInvocations(QStringLiteral("thumbnailer"), 1));
    QTest::qWait(300);
    QCOMPARE(invocations(QStringLiteral("thumbnailer")).size(), 1); // the prefix filters the other
    QCOMPARE(mCloud->state().listObjects(QStringLiteral("images")).size(), 2);
}

void TestLocalCloud::tableChangesStream()
{
    const NodeId table = addService(QStringLiteral("table"), QStringLiteral("accounts"),
                                    {{"partitionKey", "id"}, {"stream", "NEW_IMAGE"}});
    connect(table, addFunction(QStringLiteral("onChange"), kEcho));
    addService(QStringLiteral("table"), QStringLiteral("quiet"), {{"partitionKey", "id"}});
    QVERIFY(start());
    QVERIFY(mCloud->putItem(QStringLiteral("accounts"),
                            {{"id", QJsonObject{{"S", "a1"}}}, {"name", QJsonObject{{"S", "Ann"}}}}));
    QVERIFY(mCloud->putItem(QStringLiteral("quiet"), {{"id", QJsonObject{{"S", "q"}}}}));
    QVERIFY(mCloud->deleteItem(QStringLiteral("accounts"), {{"id", QJsonObject{{"S", "a1"}}}}));
    QVERIFY(waitForInvocations(QStringLiteral("onChange"), 2));
    QCOMPARE(invocations(QStringLiteral("onChange")).size(), 2);
    const Result<void> refused = mCloud->putItem(QStringLiteral("accounts"), {{"name", QJsonObject{{"S", "no key"}}}});
    QVERIFY(!refused);
    QVERIFY(refused.errorMessage().contains(QLatin1String("partition key")));
}

void TestLocalCloud::schedulesFireOnTheClock()
{
    const NodeId schedule = addService(QStringLiteral("schedule"), QStringLiteral("sweep"),
                                       {{"expression", "rate(5 minutes)"}});
    connect(schedule, addFunction(QStringLiteral("sweeper"), kEcho));
    mClock.set(QDateTime(QDate(2027, 1, 1), QTime(10, 0), Qt::UTC));
    QVERIFY(start());
    QCOMPARE(mCloud->nextFirings().value(QStringLiteral("sweep")), QDateTime(QDate(2027, 1, 1), QTime(10, 5), Qt::UTC));
    mClock.advance(4 * 60'000);
    mCloud->tick();
    QTest::qWait(100);
    QVERIFY(invocations(QStringLiteral("sweeper")).isEmpty());
    mClock.advance(60'000);
    mCloud->tick();
    QVERIFY(waitForInvocations(QStringLiteral("sweeper"), 1));
    QCOMPARE(mCloud->nextFirings().value(QStringLiteral("sweep")),
             QDateTime(QDate(2027, 1, 1), QTime(10, 10), Qt::UTC));
    // Fire now, whatever the clock says.
    QVERIFY(mCloud->fireSchedule(QStringLiteral("sweep")));
    QVERIFY(waitForInvocations(QStringLiteral("sweeper"), 2));
}

void TestLocalCloud::loopIsStopped()
{
    // A consumer that (as its SDK call would) sends back to its own queue: the cloud is
    // told the cause of each send, and stops the chain at the limit.
    const NodeId queue = addService(QStringLiteral("queue"), QStringLiteral("loop"));
    const NodeId echo = addFunction(QStringLiteral("echoer"), kEcho);
    connect(queue, echo);
    connect(echo, queue, QStringLiteral("writes"));
    mCloud->setLoopLimit(4);
    QVERIFY(start());
    // outside -> loop (hop 0) -> echoer (1) -> loop (2) -> echoer (3) -> loop (4) -> echoer (5: stopped)
    QVERIFY(mCloud->sendMessage(QStringLiteral("loop"), "first"));
    QVERIFY(waitForInvocations(QStringLiteral("echoer"), 1));
    QVERIFY(
        mCloud->sendMessage(QStringLiteral("loop"), "again", {}, 0, invocations(QStringLiteral("echoer")).last().id));
    QVERIFY(waitForInvocations(QStringLiteral("echoer"), 2));
    QVERIFY(mCloud->sendMessage(QStringLiteral("loop"), "and again", {}, 0,
                                invocations(QStringLiteral("echoer")).last().id));
    QVERIFY(QTest::qWaitFor([&] { return !mCloud->state().messages(QStringLiteral("loop-dlq")).isEmpty(); }, 5000));
    QCOMPARE(invocations(QStringLiteral("echoer")).size(), 2);
    QVERIFY(mCloud->state().messages(QStringLiteral("loop")).isEmpty());
    int stopped = 0;
    for (const CloudLogEntry &e : mCloud->log()) {
        if (e.kind == CloudLogEntry::Kind::LoopStopped) {
            ++stopped;
            QVERIFY2(e.detail.contains(QLatin1String("stopped after 5 hops (the limit is 4)")), qPrintable(e.detail));
            QVERIFY(e.detail.contains(QLatin1String("outside -> loop -> echoer -> loop -> echoer -> loop -> echoer")));
        }
    }
    QCOMPARE(stopped, 1);
    // A send that is itself past the limit is refused.
    qint64 lastChange = 0;
    for (const CloudLogEntry &e : mCloud->log())
        if (e.kind == CloudLogEntry::Kind::ServiceChange)
            lastChange = e.id; // the third message, at hop 4
    const Result<QString> tooDeep = mCloud->sendMessage(QStringLiteral("loop"), "too deep", {}, 0, lastChange);
    QVERIFY(!tooDeep);
    QVERIFY(tooDeep.errorMessage().contains(QLatin1String("the limit is 4")));
}

void TestLocalCloud::stateSurvivesRestart()
{
    addService(QStringLiteral("queue"), QStringLiteral("backlog"));
    addService(QStringLiteral("bucket"), QStringLiteral("files"));
    QVERIFY(start());
    QVERIFY(mCloud->sendMessage(QStringLiteral("backlog"), "kept"));
    QVERIFY(mCloud->putObject(QStringLiteral("files"), QStringLiteral("a.txt"), "A"));
    mCloud->stop();
    QVERIFY(!mCloud->sendMessage(QStringLiteral("backlog"), "x")); // not running
    QVERIFY(start());
    QCOMPARE(mCloud->state().messages(QStringLiteral("backlog")).size(), 1);
    QCOMPARE(mCloud->state().getObject(QStringLiteral("files"), QStringLiteral("a.txt")).valueOr(QByteArray()),
             QByteArray("A"));
}

void TestLocalCloud::unknownServiceIsAnError()
{
    addService(QStringLiteral("queue"), QStringLiteral("jobs"));
    QVERIFY(start());
    const Result<QString> sent = mCloud->sendMessage(QStringLiteral("nope"), "x");
    QVERIFY(!sent);
    QVERIFY(sent.errorMessage().contains(QLatin1String("no queue named nope")));
    QVERIFY(!mCloud->putObject(QStringLiteral("jobs"), QStringLiteral("k"), "x")); // a queue is not a bucket
}

namespace {
const QDateTime kNewYear(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
}

void TestLocalCloud::advanceFiresEachScheduleAtItsTime_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<qint64>("advance");
    QTest::addColumn<QStringList>("firings"); // UTC, from 2027-01-01T00:00:00Z
    QStringList hourly;
    for (int hour = 1; hour <= 24; ++hour)
        hourly.append(kNewYear.addSecs(hour * 3600).toString(Qt::ISODate));
    QTest::newRow("rate(1 hour) over a day") << "rate(1 hour)" << qint64(86'400'000) << hourly;
    QTest::newRow("rate(1 hour) over 6 h") << "rate(1 hour)" << qint64(6 * 3'600'000) << hourly.mid(0, 6);
    QTest::newRow("nightly cron over a day")
        << "cron(0 2 * * ? *)" << qint64(86'400'000) << QStringList{"2027-01-01T02:00:00Z"};
    QTest::newRow("nightly cron over two days")
        << "cron(0 2 * * ? *)" << qint64(2 * 86'400'000) << QStringList{"2027-01-01T02:00:00Z", "2027-01-02T02:00:00Z"};
    QTest::newRow("nightly cron, not yet") << "cron(0 2 * * ? *)" << qint64(3'600'000) << QStringList();
    QTest::newRow("quarter hours over an hour")
        << "cron(0/15 * * * ? *)" << qint64(3'600'000)
        << QStringList{"2027-01-01T00:15:00Z", "2027-01-01T00:30:00Z", "2027-01-01T00:45:00Z", "2027-01-01T01:00:00Z"};
}

void TestLocalCloud::advanceFiresEachScheduleAtItsTime()
{
    QFETCH(QString, expression);
    QFETCH(qint64, advance);
    QFETCH(QStringList, firings);
    const NodeId schedule = addService(QStringLiteral("schedule"), QStringLiteral("job"), {{"expression", expression}});
    connect(schedule, addFunction(QStringLiteral("runner"), kEcho));
    useVirtualClock(kNewYear);
    QVERIFY(start());
    QElapsedTimer timer;
    timer.start();
    const Result<QDateTime> moved = mCloud->advance(advance);
    qDebug("advancing %s by %lld s over %d firing(s) took %lld ms", qPrintable(expression), advance / 1000,
           int(firings.size()), timer.elapsed());
    QVERIFY2(moved, qPrintable(moved.errorMessage()));
    QCOMPARE(*moved, kNewYear.addMSecs(advance));
    QCOMPARE(mCloud->clock().now(), kNewYear.addMSecs(advance));
    // Each firing logged at its own time...
    QStringList logged;
    for (const CloudLogEntry &e : mLocal->entries(CloudLogEntry::Kind::Request, QStringLiteral("job")))
        logged.append(e.when.toString(Qt::ISODate));
    QCOMPARE(logged, firings);
    // ... and each event carries it, as EventBridge stamps a scheduled event.
    QVERIFY(waitForInvocations(QStringLiteral("runner"), int(firings.size())));
    QVERIFY(QTest::qWaitFor([&] { return answers().size() == firings.size(); }, 20000));
    QStringList stamped;
    for (const QJsonObject &answer : answers())
        stamped.append(answer.value("first").toObject().value("time").toString());
    stamped.sort();
    QCOMPARE(stamped, firings);
    QCOMPARE(invocations(QStringLiteral("runner")).size(), firings.size());
}

void TestLocalCloud::advanceRefusesTooManyFirings()
{
    // No function behind it: thousands of firings are only logged.
    addService(QStringLiteral("schedule"), QStringLiteral("poller"), {{"expression", "rate(1 minute)"}});
    useVirtualClock(kNewYear);
    QVERIFY(start());
    const Result<QDateTime> refused = mCloud->advance(8LL * 86'400'000); // 11,520 firings
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains(QLatin1String("more than 10000 times")),
             qPrintable(refused.errorMessage()));
    QVERIFY2(refused.errorMessage().contains(QLatin1String("poller (rate(1 minute))")),
             qPrintable(refused.errorMessage()));
    QCOMPARE(mCloud->clock().now(), kNewYear);
    QVERIFY(mLocal->entries(CloudLogEntry::Kind::Request, QStringLiteral("poller")).isEmpty());
    // Within the bound, it goes.
    QElapsedTimer timer;
    timer.start();
    QVERIFY(mCloud->advance(3LL * 86'400'000));
    qDebug("advancing 3 days of rate(1 minute) (4320 firings, no function) took %lld ms", timer.elapsed());
    QCOMPARE(mLocal->entries(CloudLogEntry::Kind::Request, QStringLiteral("poller")).size(), 3 * 1440);
    QCOMPARE(mCloud->nextFirings().value(QStringLiteral("poller")), kNewYear.addDays(3).addSecs(60));
}

// Issue 22 item 10: the virtual clock drives a day of schedules - four
// schedules (every minute, every 5 minutes, every quarter hour, nightly: 1,825 firings, each
// with its scheduled event built and logged at its own time) and a queue's delayed messages
// becoming visible on the way. Functions invoked on the way run in real time, so none is
// connected here (tst_shoplocal runs the nightly job itself). How long it takes is printed
// (on 2 cores about 0.1 s against the 1 s), not asserted.
void TestLocalCloud::aDayOfSchedulesOnTheVirtualClock()
{
    addService(QStringLiteral("schedule"), QStringLiteral("minutely"), {{"expression", "rate(1 minute)"}});
    addService(QStringLiteral("schedule"), QStringLiteral("fiveMinutes"), {{"expression", "rate(5 minutes)"}});
    addService(QStringLiteral("schedule"), QStringLiteral("quarters"), {{"expression", "cron(0/15 * * * ? *)"}});
    addService(QStringLiteral("schedule"), QStringLiteral("nightly"), {{"expression", "cron(0 2 * * ? *)"}});
    addService(QStringLiteral("queue"), QStringLiteral("later"));
    useVirtualClock(kNewYear);
    QVERIFY(start());
    QVERIFY(mCloud->sendMessage(QStringLiteral("later"), "in 15 minutes", {}, 900));
    QVERIFY(mCloud->receiveMessages(QStringLiteral("later"), 10, 30).isEmpty());
    QElapsedTimer timer;
    timer.start();
    const Result<QDateTime> moved = mCloud->advance(86'400'000);
    const qint64 took = timer.elapsed();
    QVERIFY2(moved, qPrintable(moved.errorMessage()));
    QCOMPARE(mLocal->entries(CloudLogEntry::Kind::Request, QStringLiteral("minutely")).size(), 1440);
    QCOMPARE(mLocal->entries(CloudLogEntry::Kind::Request, QStringLiteral("fiveMinutes")).size(), 288);
    QCOMPARE(mLocal->entries(CloudLogEntry::Kind::Request, QStringLiteral("quarters")).size(), 96);
    const QList<CloudLogEntry> nightly = mLocal->entries(CloudLogEntry::Kind::Request, QStringLiteral("nightly"));
    QCOMPARE(nightly.size(), 1);
    QCOMPARE(nightly.first().when, kNewYear.addSecs(2 * 3600));
    QCOMPARE(mCloud->receiveMessages(QStringLiteral("later"), 10, 30).size(), 1);
    // A figure, not an assertion: speed is the benchmarks' to report (an ASan build is slower).
    qInfo("a day of schedules on the virtual clock: %lld ms", took);
}

void TestLocalCloud::delayedMessageVisibleOnlyAfterAdvance()
{
    addService(QStringLiteral("queue"), QStringLiteral("later"));
    useVirtualClock(kNewYear);
    QVERIFY(start());
    QVERIFY(mCloud->sendMessage(QStringLiteral("later"), "wake up", {}, 600));
    QVERIFY(mCloud->receiveMessages(QStringLiteral("later"), 10, 30).isEmpty());
    QCOMPARE(mCloud->nextDue(), kNewYear.addSecs(600));
    QVERIFY(mCloud->advance(599'000));
    QVERIFY(mCloud->receiveMessages(QStringLiteral("later"), 10, 30).isEmpty());
    // The next thing due is the message becoming visible.
    const Result<QDateTime> next = mCloud->runUntilNextDue();
    QVERIFY2(next, qPrintable(next.errorMessage()));
    QCOMPARE(*next, kNewYear.addSecs(600));
    const QList<QueueMessage> got = mCloud->receiveMessages(QStringLiteral("later"), 10, 30);
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first().body, QByteArray("wake up"));
}

void TestLocalCloud::visibilityTimeoutEndsOnAdvance()
{
    addService(QStringLiteral("queue"), QStringLiteral("work"), {{"visibilityTimeout", 900}});
    useVirtualClock(kNewYear);
    QVERIFY(start());
    QVERIFY(mCloud->sendMessage(QStringLiteral("work"), "job"));
    QCOMPARE(mCloud->receiveMessages(QStringLiteral("work"), 10, -1).size(), 1); // the queue's 15 minutes
    QVERIFY(mCloud->receiveMessages(QStringLiteral("work"), 10, -1).isEmpty());
    QVERIFY(mCloud->advance(899'000));
    QVERIFY(mCloud->receiveMessages(QStringLiteral("work"), 10, -1).isEmpty());
    QVERIFY(mCloud->advance(1000));
    const QList<QueueMessage> again = mCloud->receiveMessages(QStringLiteral("work"), 10, -1);
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.first().receiveCount, 2);
}

void TestLocalCloud::retentionDropsOldMessages()
{
    addService(QStringLiteral("queue"), QStringLiteral("brief"), {{"messageRetention", 60}});
    useVirtualClock(kNewYear);
    QVERIFY(start());
    QVERIFY(mCloud->sendMessage(QStringLiteral("brief"), "old"));
    QVERIFY(mCloud->advance(30'000));
    QVERIFY(mCloud->sendMessage(QStringLiteral("brief"), "young"));
    QCOMPARE(mCloud->nextDue(), kNewYear.addSecs(60));
    QVERIFY(mCloud->advance(29'000));
    QCOMPARE(mCloud->state().messages(QStringLiteral("brief")).size(), 2);
    QVERIFY(mCloud->advance(1000));
    const QList<QueueMessage> left = mCloud->state().messages(QStringLiteral("brief"));
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().body, QByteArray("young"));
    const QList<CloudLogEntry> changes = mLocal->entries(CloudLogEntry::Kind::ServiceChange, QStringLiteral("brief"));
    QVERIFY(changes.last().detail.contains(QLatin1String("1 message(s) dropped")));
    QCOMPARE(changes.last().when, kNewYear.addSecs(60));
}

void TestLocalCloud::timeToLiveDeletesAsTheService()
{
    // One record a batch: each change is an invocation of its own (the stream goes as
    // Lambda's shard, one batch at a time, which would gather the changes made meanwhile).
    const NodeId table = addService(
        QStringLiteral("table"), QStringLiteral("sessions"),
        {{"partitionKey", "id"}, {"stream", "OLD_IMAGE"}, {"ttlAttribute", "expires"}, {"batchSize", 1}});
    connect(table, addFunction(QStringLiteral("onExpiry"), kEcho));
    useVirtualClock(kNewYear);
    QVERIFY(start());
    const qint64 inAnHour = kNewYear.toSecsSinceEpoch() + 3600;
    auto item = [](const char *id, const QJsonValue &expires) {
        QJsonObject item{{"id", QJsonObject{{"S", id}}}};
        if (!expires.isNull())
            item.insert("expires", expires);
        return item;
    };
    QVERIFY(mCloud->putItem(QStringLiteral("sessions"), item("short", QJsonObject{{"N", QString::number(inAnHour)}})));
    QVERIFY(mCloud->putItem(QStringLiteral("sessions"), item("kept", QJsonValue())));
    QVERIFY(mCloud->putItem(QStringLiteral("sessions"),
                            item("long", QJsonObject{{"N", QString::number(inAnHour + 86400)}})));
    // Not a number: never expires.
    QVERIFY(mCloud->putItem(QStringLiteral("sessions"), item("text", QJsonObject{{"S", "1"}})));
    QVERIFY(waitForInvocations(QStringLiteral("onExpiry"), 4));
    // At its second it is not yet past; the second after, it is.
    QVERIFY(mCloud->advance(3'600'000));
    QCOMPARE(mCloud->state().scan(QStringLiteral("sessions")).size(), 4);
    const Result<QDateTime> next = mCloud->runUntilNextDue();
    QVERIFY2(next, qPrintable(next.errorMessage()));
    QCOMPARE(*next, kNewYear.addSecs(3601));
    QStringList left;
    for (const QJsonObject &i : mCloud->state().scan(QStringLiteral("sessions")))
        left.append(i.value("id").toObject().value("S").toString());
    QCOMPARE(left, (QStringList{"kept", "long", "text"}));
    // The stream has the deletion, marked as the service's own.
    QVERIFY(waitForInvocations(QStringLiteral("onExpiry"), 5));
    QVERIFY(QTest::qWaitFor([&] { return answers().size() == 5; }, 20000));
    QJsonObject removal;
    for (const QJsonObject &answer : answers())
        if (answer.value("first").toObject().value("eventName") == QLatin1String("REMOVE"))
            removal = answer.value("first").toObject();
    QCOMPARE(removal.value("userIdentity").toObject(),
             (QJsonObject{{"type", "Service"}, {"principalId", "dynamodb.amazonaws.com"}}));
    QCOMPARE(removal.value("dynamodb").toObject().value("Keys").toObject(),
             (QJsonObject{{"id", QJsonObject{{"S", "short"}}}}));
    QVERIFY(removal.value("dynamodb").toObject().contains("OldImage"));
    // What a function deletes is not the service's.
    for (const QJsonObject &answer : answers())
        if (answer.value("first").toObject().value("eventName") != QLatin1String("REMOVE"))
            QVERIFY(!answer.value("first").toObject().contains("userIdentity"));
    // The day after, the long one goes too; the others stay.
    QVERIFY(mCloud->advance(86'400'000));
    QCOMPARE(mCloud->state().scan(QStringLiteral("sessions")).size(), 2);
}

void TestLocalCloud::timeToLiveThroughTheDynamoDbApi()
{
    addService(QStringLiteral("table"), QStringLiteral("carts"), {{"partitionKey", "id"}});
    useVirtualClock(kNewYear);
    QVERIFY(start());
    AwsEndpoint endpoint(*mCloud); // not listening: its requests are handed to it
    auto call = [&endpoint](const char *operation, const QJsonObject &input) {
        AwsRequest request;
        request.method = QStringLiteral("POST");
        request.path = QStringLiteral("/");
        request.headers = {{"content-type", "application/x-amz-json-1.0"},
                           {"x-amz-target", QByteArray("DynamoDB_20120810.") + operation},
                           {"host", "127.0.0.1:4566"}};
        request.host = QStringLiteral("127.0.0.1");
        request.body = QJsonDocument(input).toJson(QJsonDocument::Compact);
        HttpResponseData answer;
        endpoint.handle(request, [&answer](const HttpResponseData &r) { answer = r; });
        return answer;
    };
    const QJsonObject table{{"TableName", "carts"}};
    HttpResponseData answer = call("DescribeTimeToLive", table);
    QCOMPARE(answer.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object(),
             (QJsonObject{{"TimeToLiveDescription", QJsonObject{{"TimeToLiveStatus", "DISABLED"}}}}));
    const QJsonObject on{{"AttributeName", "expiresAt"}, {"Enabled", true}};
    answer = call("UpdateTimeToLive", {{"TableName", "carts"}, {"TimeToLiveSpecification", on}});
    QCOMPARE(answer.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object(), (QJsonObject{{"TimeToLiveSpecification", on}}));
    QCOMPARE(mCloud->timeToLiveAttribute(QStringLiteral("carts")), QStringLiteral("expiresAt"));
    answer = call("DescribeTimeToLive", table);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object(),
             (QJsonObject{{"TimeToLiveDescription",
                           QJsonObject{{"TimeToLiveStatus", "ENABLED"}, {"AttributeName", "expiresAt"}}}}));
    answer = call("UpdateTimeToLive", {{"TableName", "carts"}, {"TimeToLiveSpecification", on}});
    QCOMPARE(answer.status, 400);
    QVERIFY2(answer.body.contains("TimeToLive is already enabled"), answer.body.constData());
    // The attribute it named is the one that expires items.
    const QString inAMinute = QString::number(kNewYear.toSecsSinceEpoch() + 60);
    QVERIFY(mCloud->putItem(QStringLiteral("carts"),
                            {{"id", QJsonObject{{"S", "c1"}}}, {"expiresAt", QJsonObject{{"N", inAMinute}}}}));
    QVERIFY(mCloud->advance(61'000));
    QVERIFY(mCloud->state().scan(QStringLiteral("carts")).isEmpty());
    answer = call("UpdateTimeToLive",
                  {{"TableName", "carts"},
                   {"TimeToLiveSpecification", QJsonObject{{"AttributeName", "expiresAt"}, {"Enabled", false}}}});
    QCOMPARE(answer.status, 200);
    QVERIFY(mCloud->timeToLiveAttribute(QStringLiteral("carts")).isEmpty());
    answer = call("UpdateTimeToLive", {{"TableName", "ghost"}, {"TimeToLiveSpecification", on}});
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.body.contains("ResourceNotFoundException"));
}

HttpResponseData TestLocalCloud::dynamo(AwsEndpoint &endpoint, const char *operation, const QJsonObject &input)
{
    AwsRequest request;
    request.method = QStringLiteral("POST");
    request.path = QStringLiteral("/");
    request.headers = {{"content-type", "application/x-amz-json-1.0"},
                       {"x-amz-target", QByteArray("DynamoDB_20120810.") + operation},
                       {"host", "127.0.0.1:4566"}};
    request.host = QStringLiteral("127.0.0.1");
    request.body = QJsonDocument(input).toJson(QJsonDocument::Compact);
    auto answer = std::make_shared<std::optional<HttpResponseData>>();
    endpoint.handle(request, [answer](const HttpResponseData &r) { *answer = r; });
    if (!QTest::qWaitFor([&] { return answer->has_value(); }, 5000))
        return {};
    return **answer;
}

void TestLocalCloud::tableReadsSeeWritesOfEveryPath()
{
    // GetItem answers from memory kept beside SQLite: a write through the studio's
    // paths (the local cloud's API, a reset) is seen at once, as one through the API is
    // by the studio's table view (a scan, from SQLite).
    addService(QStringLiteral("table"), QStringLiteral("carts"), {{"partitionKey", "id"}});
    QVERIFY(start());
    AwsEndpoint endpoint(*mCloud);
    const QJsonObject key{{"id", QJsonObject{{"S", "c1"}}}};
    const QJsonObject get{{"TableName", "carts"}, {"Key", key}};
    auto itemOf = [](const HttpResponseData &answer) {
        return QJsonDocument::fromJson(answer.body).object().value("Item").toObject();
    };
    HttpResponseData answer = dynamo(endpoint, "GetItem", get);
    QCOMPARE(answer.status, 200);
    QVERIFY(itemOf(answer).isEmpty());
    QVERIFY(
        mCloud->putItem(QStringLiteral("carts"), {{"id", QJsonObject{{"S", "c1"}}}, {"n", QJsonObject{{"N", "1"}}}}));
    QCOMPARE(itemOf(dynamo(endpoint, "GetItem", get)).value("n").toObject().value("N").toString(), QStringLiteral("1"));
    answer = dynamo(endpoint, "PutItem",
                    {{"TableName", "carts"},
                     {"Item", QJsonObject{{"id", QJsonObject{{"S", "c1"}}}, {"n", QJsonObject{{"N", "2"}}}}}});
    QCOMPARE(answer.status, 200);
    const QList<QJsonObject> scanned = mCloud->state().scan(QStringLiteral("carts"));
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned.first().value("n").toObject().value("N").toString(), QStringLiteral("2"));
    QCOMPARE(itemOf(dynamo(endpoint, "GetItem", get)).value("n").toObject().value("N").toString(), QStringLiteral("2"));
    // A conditional write reads the item first: it sees the studio's delete.
    QVERIFY(mCloud->deleteItem(QStringLiteral("carts"), key));
    QVERIFY(itemOf(dynamo(endpoint, "GetItem", get)).isEmpty());
    answer = dynamo(endpoint, "PutItem",
                    {{"TableName", "carts"},
                     {"Item", QJsonObject{{"id", QJsonObject{{"S", "c1"}}}, {"n", QJsonObject{{"N", "3"}}}}},
                     {"ConditionExpression", "attribute_not_exists(id)"}});
    QCOMPARE(answer.status, 200);
    QVERIFY(mCloud->state().reset());
    QVERIFY(itemOf(dynamo(endpoint, "GetItem", get)).isEmpty());
    QVERIFY(mCloud->state().scan(QStringLiteral("carts")).isEmpty());
}

void TestLocalCloud::answeredWritesSurviveAKill()
{
    // `nimbus serve` commits the PutItems of a turn of its event loop together and
    // answers them after the commit: killed (SIGKILL) the moment the 300th answer is
    // in, with more requests on their way, every item it answered is in the state.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString source = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/aws/aws.json");
    QVERIFY(QFile::copy(source, dir.filePath(QStringLiteral("aws.json"))));
    QProcess serve;
    serve.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"),
                {QStringLiteral("serve"), dir.filePath(QStringLiteral("aws.json")), QStringLiteral("--port"),
                 QStringLiteral("0"), QStringLiteral("--aws-port"), QStringLiteral("0"), QStringLiteral("--state"),
                 dir.filePath(QStringLiteral("state"))});
    QVERIFY(QTest::qWaitFor([&] { return serve.peek(4096).count('\n') >= 2; }, 20000));
    (void)serve.readLine();
    const QUrl aws(QString::fromUtf8(serve.readLine().trimmed()));
    QVERIFY2(aws.port() > 0, qPrintable(aws.toString()));

    constexpr int kConnections = 8;
    constexpr int kAnswered = 300;
    QSet<QString> answered;
    int sent = 0;
    bool failed = false;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    QHash<QTcpSocket *, QPair<QString, QByteArray>> pending; // socket -> (id, what came so far)
    auto send = [&](QTcpSocket *socket) {
        const QString id = QStringLiteral("kill-%1").arg(++sent);
        const QByteArray body = QJsonDocument(QJsonObject{{"TableName", "things"},
                                                          {"Item", QJsonObject{{"id", QJsonObject{{"S", id}}}}}})
                                    .toJson(QJsonDocument::Compact);
        socket->write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                      "X-Amz-Target: DynamoDB_20120810.PutItem\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        pending[socket] = {id, {}};
    };
    for (int i = 0; i < kConnections; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *raw = socket.get();
        QObject::connect(raw, &QTcpSocket::readyRead, raw, [&, raw] {
            if (answered.size() >= kAnswered)
                return;
            auto &[id, received] = pending[raw];
            received += raw->readAll();
            const qsizetype headEnd = received.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const qsizetype at = received.toLower().indexOf("content-length:");
            const qsizetype length = received.mid(at + 15, received.indexOf('\r', at) - at - 15).trimmed().toLongLong();
            if (received.size() < headEnd + 4 + length)
                return;
            if (!received.startsWith("HTTP/1.1 200")) {
                failed = true;
                qWarning() << received;
                return;
            }
            answered.insert(id);
            if (answered.size() == kAnswered)
                serve.kill(); // SIGKILL, before anything else runs
            else
                send(raw);
        });
        raw->connectToHost(QStringLiteral("127.0.0.1"), quint16(aws.port()));
        QVERIFY(raw->waitForConnected(5000));
        sockets.push_back(std::move(socket));
    }
    for (const auto &socket : sockets)
        send(socket.get());
    QVERIFY(QTest::qWaitFor([&] { return failed || answered.size() >= kAnswered; }, 60000));
    QVERIFY(!failed);
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitStatus(), QProcess::CrashExit);
    QVERIFY2(sent > kAnswered, "requests were on their way when it was killed");

    Database db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("state/state.sqlite")), Database::Mode::ReadWrite));
    QSet<QString> stored;
    Statement select(db, QStringLiteral("SELECT pk FROM items WHERE tbl = 'things'"));
    while (select.next())
        stored.insert(select.columnText(0).mid(2)); // "S:kill-1"
    QVERIFY(select.status());
    const QSet<QString> lost = answered - stored;
    QVERIFY2(lost.isEmpty(), qPrintable(QStringList(lost.values()).join(QLatin1Char(' '))));
}

void TestLocalCloud::pausedCloudClockStaysStill()
{
    mCloud->setClock(nullptr);
    QVERIFY(start());
    // Its own clock runs on the system's time until paused.
    QVERIFY(mCloud->virtualClock().isRunning());
    QVERIFY(qAbs(mCloud->clock().now().msecsTo(QDateTime::currentDateTimeUtc())) < 60'000);
    mCloud->virtualClock().pause();
    const QDateTime paused = mCloud->clock().now();
    QTest::qWait(150);
    mCloud->tick();
    QCOMPARE(mCloud->clock().now(), paused);
    // An advance keeps it paused, and a running clock running.
    QVERIFY(mCloud->advance(60'000));
    QCOMPARE(mCloud->clock().now(), paused.addSecs(60));
    QVERIFY(!mCloud->virtualClock().isRunning());
    mCloud->virtualClock().run();
    QVERIFY(mCloud->advance(60'000));
    QVERIFY(mCloud->virtualClock().isRunning());
    QVERIFY(mCloud->clock().now() >= paused.addSecs(120));
    // A cloud on a clock it was given cannot move it.
    mCloud->setClock(&mClock);
    QVERIFY(!mCloud->advance(1000));
}

QTEST_GUILESS_MAIN(TestLocalCloud)
#include "tst_localcloud.moc"
