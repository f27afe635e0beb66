// SNS subscriptions drawn as connections, through boto3 (Debian's python3-boto3): the
// design's connection alerts -> jobs with a filter policy is listed, described and
// answered by Subscribe as SNS answers a subscription, and fans out to the queue through
// its filter policy in SNS's envelope (tests/runtime/sdk/sns_connections.py).

#include "cloudfixture.h"

#include <QProcess>
#include <QTest>

using namespace Nimbus;

class tst_SnsConnections : public QObject
{
    Q_OBJECT

private slots:
    void connectionThroughBoto3();
};

void tst_SnsConnections::connectionThroughBoto3()
{
    if (!QFile::exists(QStringLiteral("/usr/bin/python3")))
        QSKIP("Debian's python3 (with python3-boto3) is not installed");
    NimbusTest::LocalCloudFixture local;
    QVERIFY2(local.loadCopy(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/aws"), QStringLiteral("aws.json")),
             qPrintable(local.error));
    QVERIFY2(local.start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(local.error));
    const Architecture &a = local.project.architecture();
    const Result<EdgeId> edge = local.project.connectNodes(a.nodeByName("alerts")->id, a.nodeByName("jobs")->id,
                                                           "delivers",
                                                           {{"filterPolicy", "{\"severity\": [\"high\"]}"}});
    QVERIFY2(edge, qPrintable(edge.errorMessage()));

    QProcess client;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NIMBUS_AWS_ENDPOINT"), local.endpoint->url());
    client.setProcessEnvironment(env);
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/sdk/sns_connections.py")});
    QVERIFY(client.waitForStarted());
    // The endpoint answers on this thread: keep the event loop turning while it runs.
    QVERIFY(QTest::qWaitFor([&] { return client.state() == QProcess::NotRunning; }, 180000));
    const QByteArray output = client.readAll();
    QVERIFY2(client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0, output.constData());
    // Subscribe made no second subscription: the connection's and onAlert's only.
    QCOMPARE(local.cloud->topicSubscriptions(QStringLiteral("alerts")).size(), 2);
}

QTEST_GUILESS_MAIN(tst_SnsConnections)
#include "tst_snsconnections.moc"
