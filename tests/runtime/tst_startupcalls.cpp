// The calls applications make at start to make sure their resources exist (issue 23 item
// 5, the declared part): Create* of a resource the design declares answers as AWS does for
// one that exists; Delete* ends it for this run (until Create* again); Describe and Update
// answer; Create* of one the design does not declare makes it for the run (made by code). Through the
// endpoint's requests and Debian's boto3 (tests/runtime/sdk/startup_calls.py).

#include "cloudfixture.h"

#include <QProcess>
#include <QTest>

#include <optional>

using namespace Nimbus;

class TestStartupCalls : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createBucketAnswersAsS3InTheRegion_data();
    void createBucketAnswersAsS3InTheRegion();
    void deletedResourcesStayInTheDesign();
    void boto3();

private:
    HttpResponseData send(const QString &method, const QString &path, const HttpHeaders &headers = {},
                          const QByteArray &body = {});

    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
};

void TestStartupCalls::init()
{
    // Queues jobs and loop, tables things, events and docs, bucket files, topic alerts.
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mCloud->startAwsProject(), qPrintable(mCloud->error));
}

void TestStartupCalls::cleanup()
{
    mCloud.reset();
}

HttpResponseData TestStartupCalls::send(const QString &method, const QString &path, const HttpHeaders &headers,
                                        const QByteArray &body)
{
    AwsRequest request;
    request.method = method;
    request.path = path;
    request.headers = headers;
    request.headers.append(qMakePair(QByteArray("host"), QByteArray("127.0.0.1:4566")));
    request.host = QStringLiteral("127.0.0.1");
    request.body = body;
    std::optional<HttpResponseData> answer;
    mCloud->endpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000))
        return {0, {}, {}, {}};
    return *answer;
}

void TestStartupCalls::createBucketAnswersAsS3InTheRegion_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("bucket");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answer");
    // S3 answers the owner of a bucket 409 everywhere but in us-east-1, where it keeps its
    // legacy 200.
    QTest::newRow("us-east-1, declared") << "us-east-1"
                                         << "files" << 200 << QByteArray();
    QTest::newRow("eu-west-3, declared") << "eu-west-3"
                                         << "files" << 409 << QByteArray("<Code>BucketAlreadyOwnedByYou</Code>");
    // A bucket the design does not declare is made for the run (made by code).
    QTest::newRow("us-east-1, undeclared") << "us-east-1"
                                           << "photos" << 200 << QByteArray();
    QTest::newRow("eu-west-3, undeclared") << "eu-west-3"
                                           << "photos" << 200 << QByteArray();
}

void TestStartupCalls::createBucketAnswersAsS3InTheRegion()
{
    QFETCH(QString, region);
    QFETCH(QString, bucket);
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    mCloud->cloud->setRegion(region);
    QVERIFY(mCloud->cloud->putObject(QStringLiteral("files"), QStringLiteral("keep.txt"), "kept"));
    const HttpResponseData r = send(QStringLiteral("PUT"), u'/' + bucket);
    QVERIFY2(r.status == status, r.body.constData());
    QVERIFY2(r.body.contains(answer), r.body.constData());
    QCOMPARE(mCloud->cloud->isMadeResource(bucket), bucket == QLatin1String("photos"));
    // Never at the cost of what the bucket holds.
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/keep.txt")).body, QByteArray("kept"));
}

void TestStartupCalls::deletedResourcesStayInTheDesign()
{
    // Deleted for the run, the design keeps each resource: the next run serves it again.
    const QByteArray json = "application/x-amz-json-1.0";
    HttpResponseData r = send(QStringLiteral("POST"), QStringLiteral("/"),
                              {{"x-amz-target", "DynamoDB_20120810.DeleteTable"}, {"content-type", json}},
                              "{\"TableName\":\"things\"}");
    QCOMPARE(r.status, 200);
    r = send(QStringLiteral("POST"), QStringLiteral("/"),
             {{"x-amz-target", "AmazonSQS.DeleteQueue"}, {"content-type", json}},
             "{\"QueueUrl\":\"http://127.0.0.1:4566/000000000000/jobs\"}");
    QCOMPARE(r.status, 200);
    QCOMPARE(send(QStringLiteral("DELETE"), QStringLiteral("/files")).status, 204);
    QCOMPARE(send(QStringLiteral("HEAD"), QStringLiteral("/files")).status, 404);
    QVERIFY(mCloud->project.architecture().nodeByName(QStringLiteral("things")));
    QVERIFY(mCloud->project.architecture().nodeByName(QStringLiteral("jobs")));
    QVERIFY(mCloud->project.architecture().nodeByName(QStringLiteral("files")));
    // The next run (the cloud started again, the endpoint kept, as a scenario's next run
    // and the studio's restart do) serves them again: the services forget what the last
    // run deleted.
    mCloud->cloud->stop();
    QVERIFY(mCloud->cloud->start(mCloud->folder.filePath(QStringLiteral(".nimbus-cloud"))));
    QCOMPARE(send(QStringLiteral("HEAD"), QStringLiteral("/files")).status, 200);
    r = send(QStringLiteral("POST"), QStringLiteral("/"),
             {{"x-amz-target", "AmazonSQS.GetQueueUrl"}, {"content-type", json}}, "{\"QueueName\":\"jobs\"}");
    QCOMPARE(r.status, 200);
    r = send(QStringLiteral("POST"), QStringLiteral("/"),
             {{"x-amz-target", "DynamoDB_20120810.DescribeTable"}, {"content-type", json}},
             "{\"TableName\":\"things\"}");
    QCOMPARE(r.status, 200);
}

void TestStartupCalls::boto3()
{
    NimbusTest::LocalCloudFixture &f = *mCloud;
    f.cloud->setRegion(QStringLiteral("us-west-2"));
    QVERIFY(f.endpoint->listen(QHostAddress::LocalHost, 0));
    QProcess client;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NIMBUS_AWS_ENDPOINT"), f.endpoint->url());
    client.setProcessEnvironment(env);
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/startup_calls.py")});
    QVERIFY(client.waitForStarted());
    // The endpoint answers on this thread: keep the event loop turning while it runs.
    QVERIFY(QTest::qWaitFor([&] { return client.state() == QProcess::NotRunning; }, 180000));
    const QByteArray output = client.readAll();
    QVERIFY2(client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0, output.constData());
}

QTEST_MAIN(TestStartupCalls)
#include "tst_startupcalls.moc"
