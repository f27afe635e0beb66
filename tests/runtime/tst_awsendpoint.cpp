// The AWS-compatible endpoint with the real SDKs: AWS SDK for JavaScript v3 (the
// runtime folder's) and Debian's boto3 run every served operation against it
// (sdk/*.mjs, sdk/*.py); handlers reach the services through their SDK unchanged,
// with the resource variables, and what they write is logged with its cause; a loop
// made through the SDK is stopped; botocore's "Expect: 100-continue" is answered.

#include "cloudfixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;

class TestAwsEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sdkForJavaScript();
    void boto3();
    void s3WithBoto3();
    void s3WithSdkForJavaScript();
    void s3VersioningWithBoto3();
    void s3VersioningWithSdkForJavaScript();
    void snsSubscriptionsWithBoto3();
    void resourceVariables();
    void handlersUseTheSdk_data();
    void handlersUseTheSdk();
    void loopThroughTheSdkIsStopped();
    void expectContinueIsAnswered();
    void notRunningIsUnavailable();

private:
    void runClient(const QString &program, const QStringList &arguments);
    // The results onAlert gave, as JSON text, newest first.
    QStringList alertResults() const;
    int invocations(const QString &function) const;
    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
    Project *mProject = nullptr;
    FunctionRunner *mRunner = nullptr;
    LocalCloud *mCloud = nullptr;
    AwsEndpoint *mEndpoint = nullptr;
};

void TestAwsEndpoint::init()
{
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mLocal->loadCopy(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/aws"), QStringLiteral("aws.json")),
             qPrintable(mLocal->error));
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(mLocal->error));
    mProject = &mLocal->project;
    mRunner = &mLocal->runner;
    mCloud = mLocal->cloud.get();
    mEndpoint = mLocal->endpoint.get();
}

void TestAwsEndpoint::cleanup()
{
    mEndpoint = nullptr;
    mCloud = nullptr;
    mRunner = nullptr;
    mProject = nullptr;
    mLocal.reset();
}

int TestAwsEndpoint::invocations(const QString &function) const
{
    int count = 0;
    for (const CloudLogEntry &e : mCloud->log())
        count += e.kind == CloudLogEntry::Kind::Invocation && e.target == function && e.finished && e.ok;
    return count;
}

QStringList TestAwsEndpoint::alertResults() const
{
    QStringList results;
    const Node *onAlert = mProject->architecture().nodeByName(QStringLiteral("onAlert"));
    for (const RunHistory::Entry &e : mRunner->history().entries(onAlert->id))
        results.append(QString::fromUtf8(e.result.resultJson));
    return results;
}

void TestAwsEndpoint::runClient(const QString &program, const QStringList &arguments)
{
    QProcess client;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NIMBUS_AWS_ENDPOINT"), mEndpoint->url());
    env.insert(QStringLiteral("NIMBUS_SDK_DIR"),
               qEnvironmentVariable("NIMBUS_DATA_DIR") + QStringLiteral("/runtime/sdk"));
    client.setProcessEnvironment(env);
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(program, arguments);
    QVERIFY2(client.waitForStarted(), qPrintable(program + QStringLiteral(" is missing")));
    // The endpoint answers on this thread: keep the event loop turning while it runs.
    QVERIFY(QTest::qWaitFor([&] { return client.state() == QProcess::NotRunning; }, 180000));
    const QByteArray output = client.readAll();
    QVERIFY2(client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0, output.constData());
}

void TestAwsEndpoint::sdkForJavaScript()
{
    runClient(QStringLiteral("node"), {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/sdk_v3.test.mjs")});
    // Its three publishes reached the topic's subscriber as SNS events.
    QVERIFY(QTest::qWaitFor([&] { return invocations(QStringLiteral("onAlert")) == 3; }, 20000));
    // The message attributes reach the subscriber as SNS events carry them.
    QVERIFY2(alertResults().join(QLatin1Char('\n')).contains(R"({"severity":{"Type":"String","Value":"js-attr"}})"),
             qPrintable(alertResults().join(QLatin1Char('\n'))));
}

void TestAwsEndpoint::boto3()
{
    // Debian's interpreter, with Debian's boto3 (query protocol for SQS).
    runClient(QStringLiteral("/usr/bin/python3"),
              {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/boto3_test.py")});
    QVERIFY(QTest::qWaitFor([&] { return invocations(QStringLiteral("onAlert")) == 2; }, 20000));
    QVERIFY2(alertResults().join(QLatin1Char('\n')).contains(R"({"severity":{"Type":"String","Value":"py-attr"}})"),
             qPrintable(alertResults().join(QLatin1Char('\n'))));
}

void TestAwsEndpoint::s3WithBoto3()
{
    // upload_file's multipart transfer of 20 MB, tagging, the lock pattern, presigned URLs.
    runClient(QStringLiteral("/usr/bin/python3"),
              {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/s3_fidelity.py")});
    const Result<StoredObject> big = mCloud->state().objectInfo(QStringLiteral("files"), QStringLiteral("py/big.bin"));
    QVERIFY(big);
    QCOMPARE(big->size, 20 * 1024 * 1024);
    QVERIFY2(big->etag.endsWith(QLatin1String("-3")), qPrintable(big->etag));
    QCOMPARE(mCloud->state().getObject(QStringLiteral("files"), QStringLiteral("py/tagged.txt")).valueOr({}),
             QByteArray("keep me"));
}

void TestAwsEndpoint::s3WithSdkForJavaScript()
{
    // @aws-sdk/lib-storage's Upload of 12 MB, tagging, the lock pattern, presigned URLs.
    runClient(QStringLiteral("node"), {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/s3_fidelity.test.mjs")});
    const Result<StoredObject> big = mCloud->state().objectInfo(QStringLiteral("files"), QStringLiteral("js/big.bin"));
    QVERIFY(big);
    QCOMPARE(big->size, 12 * 1024 * 1024);
    QCOMPARE(mCloud->state().getObject(QStringLiteral("files"), QStringLiteral("js/tagged.txt")).valueOr({}),
             QByteArray("keep me"));
}

void TestAwsEndpoint::s3VersioningWithBoto3()
{
    // Versions, delete markers, the paginator over ListObjectVersions, a restore, Suspended.
    runClient(QStringLiteral("/usr/bin/python3"),
              {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/s3_versioning.py")});
    QCOMPARE(mCloud->state().listVersions(QStringLiteral("files"), QStringLiteral("py/p/")).size(), 9);
}

void TestAwsEndpoint::s3VersioningWithSdkForJavaScript()
{
    runClient(QStringLiteral("node"), {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/s3_versioning.test.mjs")});
    QCOMPARE(mCloud->state().listVersions(QStringLiteral("files"), QStringLiteral("js/p/")).size(), 6);
}

void TestAwsEndpoint::snsSubscriptionsWithBoto3()
{
    // A topic fans out to a queue through filter policies, raw and in SNS's envelope.
    runClient(QStringLiteral("/usr/bin/python3"),
              {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/sns_subscriptions.py")});
    // What Subscribe made is gone; the design's connection alerts -> onAlert stays.
    QCOMPARE(mCloud->topicSubscriptions().size(), 1);
    QVERIFY(mCloud->topicSubscriptions().first().edge != kInvalidEdgeId);
}

void TestAwsEndpoint::resourceVariables()
{
    const auto variables = [&](const QString &function) {
        QHash<QString, QString> result;
        for (const auto &[name, value] : mCloud->environmentOf(*mProject->architecture().nodeByName(function)))
            result.insert(name, value);
        return result;
    };
    const auto pywriter = variables(QStringLiteral("pywriter"));
    QCOMPARE(pywriter.value(QStringLiteral("THINGS_TABLE")), QStringLiteral("things"));
    QCOMPARE(pywriter.value(QStringLiteral("FILES_BUCKET")), QStringLiteral("files"));
    QCOMPARE(pywriter.value(QStringLiteral("AWS_ENDPOINT_URL")), mEndpoint->url());
    QVERIFY(!pywriter.value(QStringLiteral("AWS_ACCESS_KEY_ID")).isEmpty());
    QCOMPARE(variables(QStringLiteral("bouncer")).value(QStringLiteral("LOOP_QUEUE_URL")),
             mEndpoint->url() + QStringLiteral("/000000000000/loop"));
    // Only what the function is connected to.
    QVERIFY(!variables(QStringLiteral("writer")).contains(QStringLiteral("FILES_BUCKET")));
    // A function's own variable of the same name wins over the cloud's.
    const NodeId writer = mProject->architecture().nodeByName(QStringLiteral("writer"))->id;
    QVERIFY(mProject->setNodeProperty(
        writer, QStringLiteral("environment"),
        QJsonArray{QJsonObject{{"name", "THINGS_TABLE"}, {"value", "elsewhere"}, {"secret", false}}}));
    bool finished = false, ok = true;
    const Result<qint64> entry = mCloud->invoke(QStringLiteral("writer"), R"({"id":"w0"})", QStringLiteral("test"), 0,
                                                [&](const InvocationResult &r) {
        finished = true;
        ok = r.ok;
    });
    QVERIFY2(entry, qPrintable(entry.errorMessage()));
    QVERIFY(QTest::qWaitFor([&] { return finished; }, 30000));
    QVERIFY2(!ok, "the table 'elsewhere' does not exist, so the put fails");
}

void TestAwsEndpoint::handlersUseTheSdk_data()
{
    QTest::addColumn<QString>("function");
    QTest::addColumn<QString>("id");
    QTest::newRow("Node.js ES module, lib-dynamodb") << "writer"
                                                     << "w1";
    QTest::newRow("Python, Debian's boto3") << "pywriter"
                                            << "p1";
}

void TestAwsEndpoint::handlersUseTheSdk()
{
    QFETCH(QString, function);
    QFETCH(QString, id);
    std::optional<InvocationResult> result;
    const Result<qint64> entry = mCloud->invoke(function, QJsonDocument(QJsonObject{{"id", id}}).toJson(),
                                                QStringLiteral("test"), 0,
                                                [&](const InvocationResult &r) { result = r; });
    QVERIFY2(entry, qPrintable(entry.errorMessage()));
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 60000));
    QVERIFY2(result->ok, result->error.value("errorMessage").toString().toUtf8().constData());
    const auto item = mCloud->state()
                          .getItem(QStringLiteral("things"), mCloud->tableKeys(QStringLiteral("things")),
                                   QJsonObject{{"id", QJsonObject{{"S", id}}}})
                          .valueOr(std::nullopt);
    QVERIFY(item);
    QCOMPARE(item->value("by").toObject().value("S").toString(), function);
    // The write is logged as the function's doing, one hop after its invocation.
    const auto change = std::find_if(mCloud->log().cbegin(), mCloud->log().cend(), [](const CloudLogEntry &e) {
        return e.kind == CloudLogEntry::Kind::ServiceChange && e.target == QLatin1String("things");
    });
    QVERIFY(change != mCloud->log().cend());
    QCOMPARE(change->cause, *entry);
    QCOMPARE(change->source, function);
    QCOMPARE(change->depth, 1);
    if (function == QLatin1String("pywriter")) {
        // botocore 1.29 does not read AWS_ENDPOINT_URL; the bootstrap points it there.
        QCOMPARE(QJsonDocument::fromJson(result->resultJson).object().value("endpoint").toString(), mEndpoint->url());
        QCOMPARE(mCloud->state().getObject(QStringLiteral("files"), QStringLiteral("py/p1.txt")).valueOr(QByteArray()),
                 QByteArray("from python"));
    }
}

void TestAwsEndpoint::loopThroughTheSdkIsStopped()
{
    // bouncer sends what it gets back to its own queue, through the SDK.
    mCloud->setLoopLimit(6);
    QVERIFY(mCloud->sendMessage(QStringLiteral("loop"), "round and round"));
    QVERIFY(QTest::qWaitFor(
        [&] {
        return std::any_of(mCloud->log().cbegin(), mCloud->log().cend(),
                           [](const CloudLogEntry &e) { return e.kind == CloudLogEntry::Kind::LoopStopped; });
        },
        60000));
    const auto stopped = std::find_if(mCloud->log().cbegin(), mCloud->log().cend(), [](const CloudLogEntry &e) {
        return e.kind == CloudLogEntry::Kind::LoopStopped;
    });
    QVERIFY2(stopped->detail.contains(QLatin1String("loop -> bouncer -> loop -> bouncer")),
             qPrintable(stopped->detail));
    QCOMPARE(invocations(QStringLiteral("bouncer")), 3);
}

void TestAwsEndpoint::expectContinueIsAnswered()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, mEndpoint->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(
        "PUT /files/expect.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    QByteArray answer;
    QVERIFY(QTest::qWaitFor(
        [&] {
        answer += socket.readAll();
        return answer.contains("\r\n\r\n");
        },
        5000));
    QVERIFY2(answer.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), answer.constData());
    socket.write("hello");
    QVERIFY(QTest::qWaitFor(
        [&] {
        answer += socket.readAll();
        return answer.contains("200 OK");
        },
        5000));
    QCOMPARE(mCloud->state().getObject(QStringLiteral("files"), QStringLiteral("expect.txt")).valueOr(QByteArray()),
             QByteArray("hello"));
}

void TestAwsEndpoint::notRunningIsUnavailable()
{
    // Closing frees the port: the studio's Stop and Start get the same one back.
    const quint16 port = mEndpoint->port();
    mEndpoint->close();
    const Result<void> listening = mEndpoint->listen(QHostAddress::LocalHost, port);
    QVERIFY2(listening, qPrintable(listening.errorMessage()));

    mCloud->stop();
    std::optional<HttpResponseData> answer;
    AwsRequest request;
    request.method = QStringLiteral("GET");
    request.path = QStringLiteral("/files/x");
    mEndpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    QVERIFY(answer);
    QCOMPARE(answer->status, 503);
    QVERIFY(answer->body.contains("ServiceUnavailable"));
}

QTEST_GUILESS_MAIN(TestAwsEndpoint)
#include "tst_awsendpoint.moc"
