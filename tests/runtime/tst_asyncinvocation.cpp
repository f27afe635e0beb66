// Lambda's asynchronous invocations in the local cloud, on real Node.js workers and the
// cloud's virtual clock: a failed attempt is retried one and then two minutes later (as
// many times as maximumRetryAttempts says), not once the event is older than
// maximumEventAge, and the destination record goes to the on-failure or on-success
// destination (queue, topic, function, event bus). Topics, buckets, schedules and bus
// rules invoke asynchronously; a synchronous invocation is never retried.

#include "cloud/virtualclock.h"
#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {
const QByteArray kFailing = "exports.handler = async () => { throw new Error('boom'); };\n";
const QByteArray kAnswering = "exports.handler = async (event) => ({ answered: true });\n";
// A destination function: answers the record it got.
const QByteArray kEcho = "exports.handler = async (event) => event;\n";
const QDateTime kStart(QDate(2027, 3, 1), QTime(2, 0), Qt::UTC);
} // namespace

class TestAsyncInvocation : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void retriesOnTheVirtualClock_data();
    void retriesOnTheVirtualClock();
    void oneAdvanceDrivesBothRetries();
    void maximumEventAge();
    void successGoesToOnSuccess();
    void destinations_data();
    void destinations();
    void fifoDestinationRefused();
    void asynchronousSources_data();
    void asynchronousSources();
    void synchronousIsNeverRetried();

private:
    NodeId add(const QString &kind, const QString &name, const QJsonObject &properties = {});
    void connect(NodeId from, NodeId to, const QString &type);
    // Starts the cloud on its virtual clock, standing still at kStart.
    bool start();
    QList<CloudLogEntry> runs(const QString &function) const
    {
        return mLocal->entries(CloudLogEntry::Kind::Invocation, function);
    }
    // The destination records in a queue, oldest first.
    QList<QJsonObject> records(const QString &queue) const;

    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
    Project *mProject = nullptr;
    LocalCloud *mCloud = nullptr;
    QHash<QString, QList<QJsonObject>> mAnswers; // by function
};

void TestAsyncInvocation::init()
{
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    mProject = &mLocal->project;
    mCloud = mLocal->cloud.get();
    mAnswers.clear();
    QObject::connect(&mLocal->runner, &FunctionRunner::finished, this,
                     [this](NodeId, const InvocationResult &result, bool, qint64) {
        mAnswers[result.functionName].append(QJsonDocument::fromJson(result.resultJson).object());
    });
}

void TestAsyncInvocation::cleanup()
{
    mCloud = nullptr;
    mProject = nullptr;
    mLocal.reset();
}

NodeId TestAsyncInvocation::add(const QString &kind, const QString &name, const QJsonObject &properties)
{
    const NodeId id = mProject->addNode(kind, {}, name).valueOr(kInvalidNodeId);
    for (auto it = properties.begin(); it != properties.end(); ++it)
        if (!mProject->setNodeProperty(id, it.key(), it.value()))
            qWarning("cannot set %s", qPrintable(it.key()));
    return id;
}

void TestAsyncInvocation::connect(NodeId from, NodeId to, const QString &type)
{
    const Result<EdgeId> edge = mProject->connectNodes(from, to, type);
    QVERIFY2(edge, qPrintable(edge.errorMessage()));
}

bool TestAsyncInvocation::start()
{
    mCloud->virtualClock().pause();
    mCloud->virtualClock().set(kStart);
    const bool ok = mLocal->start(NimbusTest::LocalCloudFixture::NoServer);
    if (!ok)
        qWarning() << mLocal->error;
    return ok;
}

QList<QJsonObject> TestAsyncInvocation::records(const QString &queue) const
{
    QList<QJsonObject> list;
    for (const QueueMessage &m : mCloud->state().messages(queue))
        list.append(QJsonDocument::fromJson(m.body).object());
    return list;
}

void TestAsyncInvocation::retriesOnTheVirtualClock_data()
{
    QTest::addColumn<int>("retries");
    QTest::newRow("default: 2 retries") << -1;
    QTest::newRow("1 retry") << 1;
    QTest::newRow("no retry") << 0;
}

void TestAsyncInvocation::retriesOnTheVirtualClock()
{
    QFETCH(int, retries);
    const NodeId topic = add(u"topic"_s, u"orders"_s);
    const NodeId worker = mLocal->addFunction(u"worker"_s, kFailing);
    if (retries >= 0)
        QVERIFY(mProject->setNodeProperty(worker, u"maximumRetryAttempts"_s, retries));
    connect(topic, worker, u"invokes"_s);
    connect(worker, add(u"queue"_s, u"failures"_s), u"on-failure"_s);
    QVERIFY(start());
    QVERIFY(mCloud->publish(u"orders"_s, u"hello"_s));
    QVERIFY(mLocal->waitForInvocations(u"worker"_s, 1));
    const int attempts = (retries < 0 ? 2 : retries) + 1;
    QDateTime failedAt = kStart;
    for (int attempt = 2; attempt <= attempts; ++attempt) {
        const qint64 wait = attempt == 2 ? 60'000 : 120'000;
        QVERIFY(records(u"failures"_s).isEmpty());
        QCOMPARE(mCloud->nextDue(), failedAt.addMSecs(wait));
        // Not a second early.
        QVERIFY(mCloud->advance(wait - 1000));
        QCOMPARE(runs(u"worker"_s).size(), attempt - 1);
        QVERIFY(mCloud->advance(1000));
        const QList<CloudLogEntry> tried = runs(u"worker"_s);
        QCOMPARE(tried.size(), attempt);
        QCOMPARE(tried.last().when, failedAt.addMSecs(wait));
        // Each retry is a hop of its own, caused by the failed attempt.
        const QList<CloudLogEntry> retryHops = mLocal->entries(CloudLogEntry::Kind::Retry, u"worker"_s);
        QCOMPARE(retryHops.size(), attempt - 1);
        QCOMPARE(retryHops.last().cause, tried.at(attempt - 2).id);
        QCOMPARE(tried.last().cause, retryHops.last().id);
        QVERIFY2(retryHops.last().detail.contains(u"attempt %1 of %2"_s.arg(attempt).arg(attempts)),
                 qPrintable(retryHops.last().detail));
        QVERIFY(mLocal->waitForInvocations(u"worker"_s, attempt));
        failedAt = failedAt.addMSecs(wait);
    }
    QVERIFY(QTest::qWaitFor([&] { return !records(u"failures"_s).isEmpty(); }, 10000));
    const QList<QJsonObject> failures = records(u"failures"_s);
    QCOMPARE(failures.size(), 1);
    const QJsonObject record = failures.first();
    QCOMPARE(record["version"].toString(), u"1.0"_s);
    QCOMPARE(record["timestamp"].toString(), failedAt.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s));
    QCOMPARE(record["requestContext"]["condition"].toString(), u"RetriesExhausted"_s);
    QCOMPARE(record["requestContext"]["approximateInvokeCount"].toInt(), attempts);
    QCOMPARE(record["requestContext"]["functionArn"].toString(),
             u"arn:aws:lambda:us-east-1:000000000000:function:worker:$LATEST"_s);
    QVERIFY(!record["requestContext"]["requestId"].toString().isEmpty());
    QCOMPARE(record["requestPayload"]["Records"][0]["Sns"]["Message"].toString(), u"hello"_s);
    QCOMPARE(record["responseContext"]["statusCode"].toInt(), 200);
    QCOMPARE(record["responseContext"]["executedVersion"].toString(), u"$LATEST"_s);
    QCOMPARE(record["responseContext"]["functionError"].toString(), u"Unhandled"_s);
    QCOMPARE(record["responsePayload"]["errorMessage"].toString(), u"boom"_s);
    // The message is the last attempt's doing.
    const QList<CloudLogEntry> sent = mLocal->entries(CloudLogEntry::Kind::ServiceChange, u"failures"_s);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().cause, runs(u"worker"_s).last().id);
    QCOMPARE(sent.first().source, u"worker"_s);
    // Nothing more is tried.
    QVERIFY(mCloud->advance(3600'000));
    QCOMPARE(runs(u"worker"_s).size(), attempts);
}

// The attempts run on real time while the clock jumps: advancing three minutes at once
// runs the first retry at 1 minute, and the second is due (at 3 minutes) once it failed.
void TestAsyncInvocation::oneAdvanceDrivesBothRetries()
{
    const NodeId topic = add(u"topic"_s, u"orders"_s);
    const NodeId worker = mLocal->addFunction(u"worker"_s, kFailing);
    connect(topic, worker, u"invokes"_s);
    connect(worker, add(u"queue"_s, u"failures"_s), u"on-failure"_s);
    QVERIFY(start());
    QVERIFY(mCloud->publish(u"orders"_s, u"hello"_s));
    QVERIFY(mLocal->waitForInvocations(u"worker"_s, 1));
    QVERIFY(mCloud->advance(180'000));
    QVERIFY(mLocal->waitForInvocations(u"worker"_s, 2));
    QCOMPARE(runs(u"worker"_s).at(1).when, kStart.addSecs(60));
    // The cloud's own timer ticks while the test waits.
    QVERIFY(mLocal->waitForInvocations(u"worker"_s, 3));
    QCOMPARE(runs(u"worker"_s).at(2).when, kStart.addSecs(180));
    QVERIFY(QTest::qWaitFor([&] { return !records(u"failures"_s).isEmpty(); }, 10000));
    const QJsonObject record = records(u"failures"_s).first();
    QCOMPARE(record["requestContext"]["approximateInvokeCount"].toInt(), 3);
}

void TestAsyncInvocation::maximumEventAge()
{
    const NodeId topic = add(u"topic"_s, u"orders"_s);
    const NodeId worker = mLocal->addFunction(u"worker"_s, kFailing);
    // Old enough for the first retry (60 s), too old for the second (3 minutes in).
    QVERIFY(mProject->setNodeProperty(worker, u"maximumEventAge"_s, 100));
    connect(topic, worker, u"invokes"_s);
    connect(worker, add(u"queue"_s, u"failures"_s), u"on-failure"_s);
    QVERIFY(start());
    QVERIFY(mCloud->publish(u"orders"_s, u"hello"_s));
    QVERIFY(mLocal->waitForInvocations(u"worker"_s, 1));
    QVERIFY(mCloud->advance(60'000));
    QVERIFY(mLocal->waitForInvocations(u"worker"_s, 2));
    // The event is dropped when it is 100 s old, before its retry was due.
    QCOMPARE(mCloud->nextDue(), kStart.addSecs(100));
    QVERIFY(mCloud->runUntilNextDue());
    const QList<QJsonObject> failures = records(u"failures"_s);
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.first()["requestContext"]["condition"].toString(), u"EventAgeExceeded"_s);
    QCOMPARE(failures.first()["requestContext"]["approximateInvokeCount"].toInt(), 2);
    QCOMPARE(failures.first()["timestamp"].toString(), u"2027-03-01T02:01:40.000Z"_s);
    QVERIFY(mCloud->advance(3600'000));
    QCOMPARE(runs(u"worker"_s).size(), 2);
}

void TestAsyncInvocation::successGoesToOnSuccess()
{
    const NodeId topic = add(u"topic"_s, u"orders"_s);
    const NodeId worker = mLocal->addFunction(u"worker"_s, kAnswering);
    connect(topic, worker, u"invokes"_s);
    connect(worker, add(u"queue"_s, u"done"_s), u"on-success"_s);
    connect(worker, add(u"queue"_s, u"failures"_s), u"on-failure"_s);
    QVERIFY(start());
    QVERIFY(mCloud->publish(u"orders"_s, u"hello"_s));
    QVERIFY(mLocal->waitForInvocations(u"worker"_s, 1));
    QVERIFY(QTest::qWaitFor([&] { return !records(u"done"_s).isEmpty(); }, 10000));
    const QJsonObject record = records(u"done"_s).first();
    QCOMPARE(record["requestContext"]["condition"].toString(), u"Success"_s);
    QCOMPARE(record["requestContext"]["approximateInvokeCount"].toInt(), 1);
    QCOMPARE(record["responsePayload"].toObject(), (QJsonObject{{u"answered"_s, true}}));
    QVERIFY(!record["responseContext"].toObject().contains(u"functionError"_s));
    QVERIFY(records(u"failures"_s).isEmpty());
    QVERIFY(!mCloud->nextDue().isValid() || mCloud->nextDue() > kStart.addDays(1)); // only the queue's retention
    QVERIFY(mLocal->entries(CloudLogEntry::Kind::Retry, u"worker"_s).isEmpty());
}

void TestAsyncInvocation::destinations_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("function") << u"function"_s;
    QTest::newRow("topic") << u"topic"_s;
    QTest::newRow("event bus") << u"event-bus"_s;
}

void TestAsyncInvocation::destinations()
{
    QFETCH(QString, kind);
    const NodeId topic = add(u"topic"_s, u"orders"_s);
    const NodeId worker = mLocal->addFunction(u"worker"_s, kFailing);
    QVERIFY(mProject->setNodeProperty(worker, u"maximumRetryAttempts"_s, 0));
    connect(topic, worker, u"invokes"_s);
    const NodeId audit = add(u"queue"_s, u"audit"_s);
    if (kind == "function"_L1) {
        connect(worker, mLocal->addFunction(u"auditor"_s, kEcho), u"on-failure"_s);
    } else if (kind == "topic"_L1) {
        connect(worker, add(u"topic"_s, u"alerts"_s), u"on-failure"_s);
    } else {
        const NodeId bus = add(u"event-bus"_s, u"default"_s);
        const NodeId rule = add(
            u"rule"_s, u"failed"_s,
            {{u"pattern"_s,
              uR"({"source": ["lambda"], "detail-type": ["Lambda Function Invocation Result - Failure"]})"_s}});
        connect(worker, bus, u"on-failure"_s);
        connect(bus, rule, u"routes"_s);
        connect(rule, audit, u"targets"_s);
    }
    QVERIFY(start());
    if (kind == "topic"_L1)
        QVERIFY(mCloud->subscribeQueue(u"alerts"_s, u"audit"_s, true));
    QVERIFY(mCloud->publish(u"orders"_s, u"hello"_s));
    QVERIFY(mLocal->waitForInvocations(u"worker"_s, 1));
    QJsonObject found;
    if (kind == "function"_L1) {
        QVERIFY(QTest::qWaitFor([&] { return !mAnswers.value(u"auditor"_s).isEmpty(); }, 20000));
        found = mAnswers.value(u"auditor"_s).first();
        // The destination function's invocation is caused by the worker's.
        QCOMPARE(runs(u"auditor"_s).first().cause, runs(u"worker"_s).first().id);
    } else {
        QVERIFY(QTest::qWaitFor([&] { return !records(u"audit"_s).isEmpty(); }, 10000));
        found = records(u"audit"_s).first();
        if (kind == "event-bus"_L1) {
            QCOMPARE(found.value("source"_L1).toString(), u"lambda"_s);
            QCOMPARE(found.value("detail-type"_L1).toString(), u"Lambda Function Invocation Result - Failure"_s);
            found = found.value("detail"_L1).toObject();
        }
    }
    const QJsonObject record = found;
    QCOMPARE(record["requestContext"]["condition"].toString(), u"RetriesExhausted"_s);
    QCOMPARE(record["requestContext"]["approximateInvokeCount"].toInt(), 1);
    QCOMPARE(record["requestPayload"]["Records"][0]["Sns"]["Message"].toString(), u"hello"_s);
}

// As AWS: only standard queues and topics take destination records; the refusal is logged.
void TestAsyncInvocation::fifoDestinationRefused()
{
    const NodeId topic = add(u"topic"_s, u"orders"_s);
    const NodeId worker = mLocal->addFunction(u"worker"_s, kFailing);
    QVERIFY(mProject->setNodeProperty(worker, u"maximumRetryAttempts"_s, 0));
    connect(topic, worker, u"invokes"_s);
    connect(worker, add(u"queue"_s, u"failures"_s, {{u"fifo"_s, true}}), u"on-failure"_s);
    QVERIFY(start());
    QVERIFY(mCloud->publish(u"orders"_s, u"hello"_s));
    QVERIFY(mLocal->waitForInvocations(u"worker"_s, 1));
    QVERIFY(
        QTest::qWaitFor([&] { return !mLocal->entries(CloudLogEntry::Kind::Error, u"failures"_s).isEmpty(); }, 10000));
    const CloudLogEntry refused = mLocal->entries(CloudLogEntry::Kind::Error, u"failures"_s).first();
    QCOMPARE(refused.cause, runs(u"worker"_s).first().id);
    QVERIFY2(refused.detail.contains(u"FIFO"_s), qPrintable(refused.detail));
    QVERIFY(mCloud->state().messages(u"failures"_s).isEmpty());
}

void TestAsyncInvocation::asynchronousSources_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("bucket") << u"bucket"_s;
    QTest::newRow("schedule") << u"schedule"_s;
    QTest::newRow("bus rule") << u"rule"_s;
}

void TestAsyncInvocation::asynchronousSources()
{
    QFETCH(QString, source);
    const NodeId worker = mLocal->addFunction(u"worker"_s, kFailing);
    QVERIFY(mProject->setNodeProperty(worker, u"maximumRetryAttempts"_s, 1));
    connect(worker, add(u"queue"_s, u"failures"_s), u"on-failure"_s);
    if (source == "rule"_L1) {
        const NodeId bus = add(u"event-bus"_s, u"default"_s);
        const NodeId rule = add(u"rule"_s, u"orders"_s, {{u"pattern"_s, uR"({"source": ["shop"]})"_s}});
        connect(bus, rule, u"routes"_s);
        connect(rule, worker, u"targets"_s);
    } else {
        connect(add(source, u"trigger"_s), worker, u"invokes"_s);
    }
    QVERIFY(start());
    if (source == "bucket"_L1)
        QVERIFY(mCloud->putObject(u"trigger"_s, u"a.txt"_s, "x"));
    else if (source == "schedule"_L1)
        QVERIFY(mCloud->fireSchedule(u"trigger"_s));
    else
        QCOMPARE(mCloud
                     ->putEvents(
                         u"default"_s,
                         {QJsonObject{{u"Source"_s, u"shop"_s}, {u"DetailType"_s, u"order"_s}, {u"Detail"_s, u"{}"_s}}})
                     .at(0)["EventId"]
                     .isString(),
                 true);
    QVERIFY(mLocal->waitForInvocations(u"worker"_s, 1));
    QVERIFY(mCloud->advance(60'000));
    QVERIFY(mLocal->waitForInvocations(u"worker"_s, 2));
    QVERIFY(QTest::qWaitFor([&] { return !records(u"failures"_s).isEmpty(); }, 10000));
    const QJsonObject record = records(u"failures"_s).first();
    QCOMPARE(record["requestContext"]["approximateInvokeCount"].toInt(), 2);
    const QJsonObject payload = record["requestPayload"].toObject();
    if (source == "bucket"_L1)
        QCOMPARE(payload["Records"][0]["s3"]["object"]["key"].toString(), u"a.txt"_s);
    else if (source == "schedule"_L1)
        QCOMPARE(payload["detail-type"].toString(), u"Scheduled Event"_s);
    else
        QCOMPARE(payload["source"].toString(), u"shop"_s);
}

void TestAsyncInvocation::synchronousIsNeverRetried()
{
    const NodeId worker = mLocal->addFunction(u"worker"_s, kFailing);
    connect(worker, add(u"queue"_s, u"failures"_s), u"on-failure"_s);
    connect(worker, add(u"queue"_s, u"done"_s), u"on-success"_s);
    QVERIFY(start());
    std::optional<InvocationResult> result;
    QVERIFY(mCloud->invoke(u"worker"_s, "{}", u"test"_s, 0, [&](const InvocationResult &r) { result = r; }));
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 20000));
    QVERIFY(!result->ok);
    QVERIFY(mLocal->waitForInvocations(u"worker"_s, 1));
    QVERIFY(mCloud->advance(3600'000));
    QCOMPARE(runs(u"worker"_s).size(), 1);
    QVERIFY(mLocal->entries(CloudLogEntry::Kind::Retry, u"worker"_s).isEmpty());
    QVERIFY(records(u"failures"_s).isEmpty());
    QVERIFY(records(u"done"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestAsyncInvocation)
#include "tst_asyncinvocation.moc"
