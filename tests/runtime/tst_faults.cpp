// Faults per node (issue 26, item 2): the Chaos properties of a function (faultRate,
// faultType, faultLatency, faultThrottleRate, faultColdStart) and of a table, queue or
// bucket (faultThrottleRate), decided by the local cloud's fault seed. Functions run on
// real Node.js workers; the services' throttling is seen through the AWS SDK for
// JavaScript v3 (sdk/sdk_retry.mjs), with its retries off and on.

#include "cloud/faults.h"
#include "cloudfixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace Nimbus;

namespace {
const QByteArray kEcho = "exports.handler = async () => ({ pid: process.pid });\n";
} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void decisionsFollowTheSeed();
    void sameSeedFailsTheSameCalls();
    void faultTypeHasItsShape_data();
    void faultTypeHasItsShape();
    void latencyIsAdded();
    void throttleRefusesWithTooManyRequests();
    void throttledAsyncInvocationIsRetried();
    void gatewayAnswersAThrottledFunction();
    void coldStartEveryCall_data();
    void coldStartEveryCall();
    void serviceThrottlingThroughTheSdk_data();
    void serviceThrottlingThroughTheSdk();
    void sdkRetriesThrottlingAndSucceeds_data();
    void sdkRetriesThrottlingAndSucceeds();
    void seedIsLogged();

private:
    void setProperty(const QString &node, const QString &property, const QJsonValue &value);
    InvocationResult run(const QString &function);
    // The pattern of failures of count invocations: '1' failed, '0' succeeded.
    QString pattern(const QString &function, int count);
    bool restart();
    QJsonObject sdk(const QString &service, const QString &operation, const QJsonObject &input, int maxAttempts);
    static void addServiceRows();

    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
};

void TestFaults::init()
{
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    mLocal->addFunction(QStringLiteral("work"), kEcho);
    setProperty(QStringLiteral("work"), QStringLiteral("timeout"), 1);
    for (const auto &[kind, name] : {std::pair{"table", "orders"}, {"queue", "jobs"}, {"bucket", "photos"}})
        QVERIFY(mLocal->project.addNode(QLatin1String(kind), {}, QLatin1String(name)));
}

void TestFaults::cleanup()
{
    mLocal.reset();
}

void TestFaults::setProperty(const QString &node, const QString &property, const QJsonValue &value)
{
    const Node *found = mLocal->project.architecture().nodeByName(node);
    QVERIFY(found);
    QVERIFY(mLocal->project.setNodeProperty(found->id, property, value));
}

InvocationResult TestFaults::run(const QString &function)
{
    std::optional<InvocationResult> got;
    const Result<qint64> started = mLocal->cloud->invoke(function, "{}", QStringLiteral("test"), 0,
                                                         [&got](const InvocationResult &r) { got = r; });
    if (!started || !QTest::qWaitFor([&] { return got.has_value(); }, 30000))
        return {};
    return *got;
}

QString TestFaults::pattern(const QString &function, int count)
{
    QString failures;
    for (int i = 0; i < count; ++i)
        failures += run(function).ok ? '0' : '1';
    return failures;
}

bool TestFaults::restart()
{
    mLocal->cloud->stop();
    return bool(mLocal->cloud->start(mLocal->folder.filePath(QStringLiteral(".nimbus-cloud"))));
}

void TestFaults::decisionsFollowTheSeed()
{
    auto decisions = [](quint64 seed, double rate) {
        QString out;
        for (quint64 k = 0; k < 400; ++k)
            out += FaultInjector::strikes(seed, QStringLiteral("processOrder"), k, rate) ? '1' : '0';
        return out;
    };
    QCOMPARE(decisions(7, 30), decisions(7, 30));
    QVERIFY(decisions(7, 30) != decisions(8, 30));
    QCOMPARE(decisions(7, 0), QString(400, '0'));
    QCOMPARE(decisions(7, 100), QString(400, '1'));
    const qsizetype struck = decisions(7, 30).count('1');
    QVERIFY2(struck > 80 && struck < 160, qPrintable(QString::number(struck)));
    // Another node's calls are decided apart.
    QVERIFY(FaultInjector::strikes(7, QStringLiteral("a"), 0, 50)
                != FaultInjector::strikes(7, QStringLiteral("b"), 0, 50)
            || FaultInjector::strikes(7, QStringLiteral("a"), 1, 50)
                   != FaultInjector::strikes(7, QStringLiteral("b"), 1, 50)
            || decisions(7, 50) != decisions(9, 50));
}

void TestFaults::sameSeedFailsTheSameCalls()
{
    setProperty(QStringLiteral("work"), QStringLiteral("faultRate"), 50);
    mLocal->cloud->setFaultSeed(42);
    QCOMPARE(mLocal->cloud->faultSeed(), quint64(42));
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(mLocal->error));
    const QString first = pattern(QStringLiteral("work"), 12);
    QString expected;
    for (quint64 k = 0; k < 12; ++k)
        expected += FaultInjector::strikes(42, QStringLiteral("work"), k, 50) ? '1' : '0';
    QCOMPARE(first, expected);
    QVERIFY(first.contains('1') && first.contains('0'));
    QVERIFY(restart());
    QCOMPARE(pattern(QStringLiteral("work"), 12), first);
    mLocal->cloud->setFaultSeed(43);
    QVERIFY(restart());
    QVERIFY(pattern(QStringLiteral("work"), 12) != first);
}

void TestFaults::faultTypeHasItsShape_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<QString>("message");
    QTest::newRow("error") << "error"
                           << "Error"
                           << "Injected fault";
    QTest::newRow("timeout") << "timeout"
                             << "Sandbox.Timedout"
                             << "Task timed out after 1.00 seconds";
    QTest::newRow("crash") << "crash"
                           << "Runtime.ExitError"
                           << "Runtime exited with error";
    QTest::newRow("out-of-memory") << "out-of-memory"
                                   << "Runtime.OutOfMemory"
                                   << "Runtime exited with error";
}

void TestFaults::faultTypeHasItsShape()
{
    QFETCH(QString, type);
    QFETCH(QString, errorType);
    QFETCH(QString, message);
    setProperty(QStringLiteral("work"), QStringLiteral("faultRate"), 100);
    setProperty(QStringLiteral("work"), QStringLiteral("faultType"), type);
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(mLocal->error));
    QElapsedTimer clock;
    clock.start();
    const InvocationResult result = run(QStringLiteral("work"));
    QVERIFY(!result.ok);
    QCOMPARE(result.error.value("errorType").toString(), errorType);
    QVERIFY2(result.error.value("errorMessage").toString().contains(message),
             qPrintable(result.error.value("errorMessage").toString()));
    if (type == QLatin1String("timeout"))
        QVERIFY(clock.elapsed() >= 1000);
    // The log says the fault was injected, so that no one hunts for a bug that is not there.
    const auto hops = mLocal->entries(CloudLogEntry::Kind::Invocation, QStringLiteral("work"));
    QVERIFY(!hops.isEmpty());
    QVERIFY2(hops.last().detail.contains(QLatin1String("injected fault: ") + type), qPrintable(hops.last().detail));
    QVERIFY(!hops.last().ok);
}

void TestFaults::latencyIsAdded()
{
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(mLocal->error));
    QVERIFY(run(QStringLiteral("work")).ok); // warm
    setProperty(QStringLiteral("work"), QStringLiteral("faultLatency"), 400);
    QElapsedTimer clock;
    clock.start();
    const InvocationResult result = run(QStringLiteral("work"));
    QVERIFY(result.ok);
    QVERIFY2(clock.elapsed() >= 400, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(result.durationMs >= 400, qPrintable(QString::number(result.durationMs)));
    const auto hops = mLocal->entries(CloudLogEntry::Kind::Invocation, QStringLiteral("work"));
    QVERIFY2(hops.last().detail.contains(QLatin1String("400 ms latency")), qPrintable(hops.last().detail));
}

void TestFaults::throttleRefusesWithTooManyRequests()
{
    setProperty(QStringLiteral("work"), QStringLiteral("faultThrottleRate"), 100);
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(mLocal->error));
    const InvocationResult result = run(QStringLiteral("work"));
    QVERIFY(!result.ok);
    QCOMPARE(result.error.value("errorType").toString(), QStringLiteral("TooManyRequestsException"));
    // Lambda's Invoke refuses the call itself: 429, as the SDKs retry and report it.
    const QJsonObject answer = sdk(QStringLiteral("lambda"), QStringLiteral("Invoke"),
                                   {{"FunctionName", "work"}, {"Payload", "{}"}}, 1);
    QCOMPARE(answer.value("error").toString(), QStringLiteral("TooManyRequestsException"));
    QCOMPARE(answer.value("status").toInt(), 429);
}

void TestFaults::throttledAsyncInvocationIsRetried()
{
    // Throttled attempts of an asynchronous invocation are no attempts: Lambda tries again
    // a second later, and the invocation runs once the throttling lets it.
    setProperty(QStringLiteral("work"), QStringLiteral("faultThrottleRate"), 100);
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(mLocal->error));
    QVERIFY(mLocal->cloud->invokeAsync(QStringLiteral("work"), "{}", QStringLiteral("test"), 0));
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("work"), 1));
    QVERIFY(QTest::qWaitFor(
        [&] { return mLocal->entries(CloudLogEntry::Kind::Retry, QStringLiteral("work")).size() >= 2; }, 10000));
    setProperty(QStringLiteral("work"), QStringLiteral("faultThrottleRate"), 0);
    QVERIFY(QTest::qWaitFor(
        [&] {
        const auto hops = mLocal->entries(CloudLogEntry::Kind::Invocation, QStringLiteral("work"));
        return hops.last().finished && hops.last().ok;
        },
        15000));
    // Still within the function's 3 attempts: throttles did not use them up.
    for (const CloudLogEntry &retry : mLocal->entries(CloudLogEntry::Kind::Retry, QStringLiteral("work")))
        QVERIFY2(retry.detail.startsWith(QLatin1String("attempt 1 of 3")), qPrintable(retry.detail));
}

void TestFaults::gatewayAnswersAThrottledFunction()
{
    // As for a function at its concurrency limit: API Gateway's 503, the hop failed as injected.
    const NodeId work = mLocal->project.architecture().nodeByName(QStringLiteral("work"))->id;
    mLocal->addRoute(QStringLiteral("GET"), QStringLiteral("/work"), work);
    setProperty(QStringLiteral("work"), QStringLiteral("faultThrottleRate"), 100);
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::Gateway), qPrintable(mLocal->error));
    const NimbusTest::HttpReply reply = NimbusTest::httpRequest("GET", mLocal->gateway->url().toUtf8() + "/work");
    QCOMPARE(reply.status, 503L);
    QVERIFY(mLocal->waitForInvocations(QStringLiteral("work"), 1));
    const auto hops = mLocal->entries(CloudLogEntry::Kind::Invocation, QStringLiteral("work"));
    QVERIFY2(hops.last().detail.contains(QLatin1String("injected fault: throttled")), qPrintable(hops.last().detail));
}

void TestFaults::coldStartEveryCall_data()
{
    QTest::addColumn<bool>("forced");
    QTest::newRow("forced") << true;
    QTest::newRow("not forced") << false;
}

void TestFaults::coldStartEveryCall()
{
    QFETCH(bool, forced);
    setProperty(QStringLiteral("work"), QStringLiteral("faultColdStart"), forced);
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(mLocal->error));
    QSet<int> pids;
    int cold = 0;
    for (int i = 0; i < 3; ++i) {
        const InvocationResult result = run(QStringLiteral("work"));
        QVERIFY(result.ok);
        pids.insert(QJsonDocument::fromJson(result.resultJson).object().value("pid").toInt());
        cold += result.coldStart ? 1 : 0;
    }
    QCOMPARE(pids.size(), forced ? 3 : 1);
    QCOMPARE(cold, forced ? 3 : 1);
}

QJsonObject TestFaults::sdk(const QString &service, const QString &operation, const QJsonObject &input, int maxAttempts)
{
    QProcess client;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NIMBUS_AWS_ENDPOINT"), mLocal->endpoint->url());
    env.insert(QStringLiteral("NIMBUS_SDK_DIR"),
               qEnvironmentVariable("NIMBUS_DATA_DIR") + QStringLiteral("/runtime/sdk"));
    client.setProcessEnvironment(env);
    client.start(QStringLiteral("node"),
                 {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/sdk_retry.mjs"), service, operation,
                  QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact)),
                  QString::number(maxAttempts)});
    // The endpoint answers on this thread: keep the event loop turning while it runs.
    if (!client.waitForStarted() || !QTest::qWaitFor([&] { return client.state() == QProcess::NotRunning; }, 60000))
        return {{"error", "no answer"}};
    const QByteArray output = client.readAllStandardOutput().trimmed();
    const QJsonObject answer = QJsonDocument::fromJson(output.mid(output.lastIndexOf('\n') + 1)).object();
    if (answer.isEmpty())
        return {{"error", "no answer"}, {"message", QString::fromUtf8(output + client.readAllStandardError())}};
    return answer;
}

void TestFaults::addServiceRows()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("status");
    QTest::newRow("DynamoDB") << "orders"
                              << "dynamodb"
                              << "PutItem"
                              << QJsonObject{{"TableName", "orders"},
                                             {"Item", QJsonObject{{"id", QJsonObject{{"S", "1"}}}}}}
                              << "ProvisionedThroughputExceededException" << 400;
    QTest::newRow("SQS") << "jobs"
                         << "sqs"
                         << "SendMessage"
                         << QJsonObject{{"QueueUrl", "http://127.0.0.1/000000000000/jobs"}, {"MessageBody", "hello"}}
                         << "RequestThrottled" << 400;
    QTest::newRow("S3") << "photos"
                        << "s3"
                        << "PutObject" << QJsonObject{{"Bucket", "photos"}, {"Key", "a.txt"}, {"Body", "hello"}}
                        << "SlowDown" << 503;
}

void TestFaults::serviceThrottlingThroughTheSdk_data()
{
    addServiceRows();
}

void TestFaults::serviceThrottlingThroughTheSdk()
{
    QFETCH(QString, node);
    QFETCH(QString, service);
    QFETCH(QString, operation);
    QFETCH(QJsonObject, input);
    QFETCH(QString, error);
    QFETCH(int, status);
    setProperty(node, QStringLiteral("faultThrottleRate"), 100);
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(mLocal->error));
    const QJsonObject answer = sdk(service, operation, input, 1);
    QCOMPARE(answer.value("error").toString(), error);
    QCOMPARE(answer.value("status").toInt(), status);
    QCOMPARE(answer.value("attempts").toInt(), 1);
    const auto refusals = mLocal->entries(CloudLogEntry::Kind::Error, node);
    QCOMPARE(refusals.size(), 1);
    QVERIFY2(refusals.first().detail.contains(QLatin1String("injected fault")), qPrintable(refusals.first().detail));
    // Nothing reached the service.
    QCOMPARE(mLocal->cloud->storedCount(node), 0);
}

void TestFaults::sdkRetriesThrottlingAndSucceeds_data()
{
    addServiceRows();
}

void TestFaults::sdkRetriesThrottlingAndSucceeds()
{
    QFETCH(QString, node);
    QFETCH(QString, service);
    QFETCH(QString, operation);
    QFETCH(QJsonObject, input);
    // A seed whose first call on the node is throttled and whose second is not: the SDK's
    // standard retry gets through on its second attempt.
    quint64 seed = 1;
    while (!FaultInjector::strikes(seed, node, 0, 50, FaultInjector::kThrottleSalt)
           || FaultInjector::strikes(seed, node, 1, 50, FaultInjector::kThrottleSalt))
        ++seed;
    setProperty(node, QStringLiteral("faultThrottleRate"), 50);
    mLocal->cloud->setFaultSeed(seed);
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(mLocal->error));
    const QJsonObject answer = sdk(service, operation, input, 0);
    QVERIFY2(answer.contains("output"), qPrintable(QJsonDocument(answer).toJson()));
    QCOMPARE(answer.value("attempts").toInt(), 2);
    QCOMPARE(mLocal->entries(CloudLogEntry::Kind::Error, node).size(), 1);
    QCOMPARE(mLocal->cloud->storedCount(node), 1);
}

void TestFaults::seedIsLogged()
{
    setProperty(QStringLiteral("photos"), QStringLiteral("faultThrottleRate"), 10);
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::NoServer), qPrintable(mLocal->error));
    const QString expected = QStringLiteral("faults injected with seed %1").arg(mLocal->cloud->faultSeed());
    const bool logged = std::any_of(mLocal->cloud->log().cbegin(), mLocal->cloud->log().cend(),
                                    [&](const CloudLogEntry &e) { return e.detail.startsWith(expected); });
    QVERIFY(logged);
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
