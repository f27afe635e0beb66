// The libraries applications are written with, against the local cloud (issue 23 item 8):
// dynamoose and sqs-consumer (npm, installed by scripts/setup.sh test into
// build/test-libraries), the AWS SDK for JavaScript v3's lib-storage, s3-request-presigner
// and lib-dynamodb (the studio's runtime folder) and boto3's S3 transfer manager (Debian).
// Each row runs one case of a script in tests/runtime/libs against a fresh cloud serving
// tests/runtime/data/libraries/libraries.json, so that a failure names the case and no
// case sees another's items. The cases assert what AWS documents; a case the local cloud
// cannot pass yet is skipped with the reason.

#include "cloudfixture.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Nimbus;

class TestLibraries : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void dynamoose_data();
    void dynamoose();
    void sqsConsumer_data();
    void sqsConsumer();
    void sdkLibraries_data();
    void sdkLibraries();
    void boto3Transfer_data();
    void boto3Transfer();

private:
    // Runs one case (its name in the script) of a node:test script; fails with its output.
    void runNodeCase(const QString &script, const QString &name);
    void runPythonCase(const QString &script, const QString &name);
    void run(const QString &program, const QStringList &arguments, const QByteArray &passed);
    static void addCases(const QStringList &cases);
    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
};

static QString librariesFolder()
{
    return QStringLiteral(NIMBUS_BINARY_DIR "/test-libraries");
}

static QString script(const char *name)
{
    return QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/libs/") + QLatin1String(name);
}

void TestLibraries::initTestCase()
{
    // As for the other npm tools of the tests: a missing install is a failure that says how
    // to install, not a skip.
    for (const char *package : {"dynamoose", "sqs-consumer"})
        QVERIFY2(QFileInfo::exists(librariesFolder()
                                   + QStringLiteral("/node_modules/%1/package.json").arg(QLatin1String(package))),
                 qPrintable(QStringLiteral("%1 is installed into %2 by scripts/setup.sh test")
                                .arg(QLatin1String(package), librariesFolder())));
    QVERIFY2(QFileInfo::exists(qEnvironmentVariable("NIMBUS_DATA_DIR")
                               + QStringLiteral("/runtime/sdk/node_modules/@aws-sdk/lib-storage/package.json")),
             "the AWS SDK for JavaScript v3 is installed into the runtime folder by scripts/setup.sh");
}

void TestLibraries::init()
{
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mLocal->loadCopy(QStringLiteral(NIMBUS_SOURCE_DIR "/tests/runtime/data/libraries"),
                              QStringLiteral("libraries.json")),
             qPrintable(mLocal->error));
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(mLocal->error));
}

void TestLibraries::cleanup()
{
    mLocal.reset();
}

void TestLibraries::addCases(const QStringList &cases)
{
    QTest::addColumn<QString>("name");
    for (const QString &name : cases)
        QTest::newRow(qPrintable(name)) << name;
}

void TestLibraries::run(const QString &program, const QStringList &arguments, const QByteArray &passed)
{
    QProcess client;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NIMBUS_AWS_ENDPOINT"), mLocal->endpoint->url());
    env.insert(QStringLiteral("NIMBUS_SDK_DIR"),
               qEnvironmentVariable("NIMBUS_DATA_DIR") + QStringLiteral("/runtime/sdk"));
    env.insert(QStringLiteral("NIMBUS_LIBRARIES_DIR"), librariesFolder());
    env.insert(QStringLiteral("AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"), QStringLiteral("true"));
    client.setProcessEnvironment(env);
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(program, arguments);
    QVERIFY2(client.waitForStarted(), qPrintable(program + QStringLiteral(" is missing")));
    // The endpoint answers on this thread: keep the event loop turning while it runs.
    if (!QTest::qWaitFor([&] { return client.state() == QProcess::NotRunning; }, 180000)) {
        client.kill();
        client.waitForFinished();
    }
    const QByteArray output = client.readAll();
    // The whole output when it fails (a message of QVERIFY2 is cut short).
    const bool ok = client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0 && output.contains(passed);
    if (!ok)
        fprintf(stderr, "%s\n", output.constData());
    QVERIFY2(ok, output.right(3000).constData());
}

void TestLibraries::runNodeCase(const QString &script, const QString &name)
{
    // node:test reports the other cases as skipped: exactly one must have run and passed.
    run(QStringLiteral("node"),
        {QStringLiteral("--test"), QStringLiteral("--test-name-pattern=^%1$").arg(QRegularExpression::escape(name)),
         script},
        "\n# pass 1\n# fail 0\n");
}

void TestLibraries::runPythonCase(const QString &script, const QString &name)
{
    run(QStringLiteral("/usr/bin/python3"), {script, name}, "Ran 1 test");
}

void TestLibraries::dynamoose_data()
{
    addCases({
        "a model on a declared table saves and reads items with their types",
        "create is a conditional save: a second create of the key fails",
        "save with a condition writes only when it holds",
        "queries on an attribute with a global index go to the index",
        "an index query pages with limit and startAt",
        "update with $ADD, $SET and $REMOVE, and with a condition",
        "a transaction writes all or nothing",
        "a transaction reads several items at once",
        "batchPut, batchGet and batchDelete within DynamoDB's limits",
    });
}

void TestLibraries::dynamoose()
{
    QFETCH(QString, name);
    runNodeCase(script("dynamoose.test.mjs"), name);
}

void TestLibraries::sqsConsumer_data()
{
    addCases({
        "a standard queue consumed one message at a time",
        "batches of up to ten, only the acknowledged ones deleted",
        "a failing message is retried, then moved to the dead-letter queue",
        "a heartbeat keeps a slow message hidden past its visibility timeout",
        "the queue's attributes name its redrive policy",
        "a FIFO queue: each group in order, duplicates dropped",
        "a FIFO group waits for its failing message, which then goes to the dead-letter queue",
    });
}

void TestLibraries::sqsConsumer()
{
    QFETCH(QString, name);
    runNodeCase(script("sqs_consumer.test.mjs"), name);
}

void TestLibraries::sdkLibraries_data()
{
    addCases({
        "lib-storage: a stream of unknown length in 5 MB parts, with tags and metadata",
        "lib-storage: a body under the part size is one PutObject",
        "lib-storage: an aborted upload leaves no object and no upload",
        "presigner: a PUT in its time stores the body, past it is refused",
        "presigner: a GET that overrides the response's headers, and a presigned HEAD",
        "lib-dynamodb: batches of 25 written and read back, sets updated",
        "lib-dynamodb: numbers beyond JavaScript's precision as NumberValue",
        "lib-dynamodb: a parallel scan's segments split the table",
    });
}

void TestLibraries::sdkLibraries()
{
    QFETCH(QString, name);
    runNodeCase(script("aws_libraries.test.mjs"), name);
}

void TestLibraries::boto3Transfer_data()
{
    addCases({
        "S3Transfer.test_upload_fileobj_from_a_stream_and_download_fileobj",
        "S3Transfer.test_managed_copy_in_parts",
        "S3Transfer.test_a_failed_upload_is_aborted",
        "S3Transfer.test_upload_file_under_the_threshold_is_one_put",
    });
}

void TestLibraries::boto3Transfer()
{
    QFETCH(QString, name);
    runPythonCase(script("s3_transfer.py"), name);
}

QTEST_MAIN(TestLibraries)
#include "tst_libraries.moc"
