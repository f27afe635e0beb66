// Object versions from strangers (issue 23 item 1): a version id chosen by the client
// never names a file. Older versions are files under the state folder's
// buckets/<bucket>/versions/, named by a hash of the key and the cloud's own id (32
// letters and digits, or "null"); any other id is refused with 400 before anything is
// looked up, by GET, HEAD, DELETE, a copy source, DeleteObjects and tagging, and nothing
// is read, written, moved or removed. Driven through the endpoint, as the server drives
// it; each test fails when the protection it names is removed.

#include "cloudfixture.h"

#include <QCryptographicHash>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Nimbus;

class TestSecurityS3Versions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void versionFilesStayInTheStateFolder_data();
    void versionFilesStayInTheStateFolder();
    void craftedVersionIdsAreRefused_data();
    void craftedVersionIdsAreRefused();

private:
    HttpResponseData send(const QString &method, const QString &path, const QByteArray &query,
                          const QByteArray &body = {}, const HttpHeaders &headers = {});
    QByteArray versionOf(const HttpResponseData &r) const;
    QStringList files() const;
    QString state() const { return mCloud->cloud->state().directory(); }

    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
    AwsEndpoint *mEndpoint = nullptr;
};

void TestSecurityS3Versions::init()
{
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mCloud->startAwsProject(), qPrintable(mCloud->error));
    mEndpoint = mCloud->endpoint.get();
    QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/files"), "versioning",
                  "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>")
                 .status,
             200);
}

void TestSecurityS3Versions::cleanup()
{
    mEndpoint = nullptr;
    mCloud.reset();
}

HttpResponseData TestSecurityS3Versions::send(const QString &method, const QString &path, const QByteArray &query,
                                              const QByteArray &body, const HttpHeaders &headers)
{
    AwsRequest request;
    request.method = method;
    request.path = path;
    request.query = query;
    request.headers = headers;
    request.headers.append(qMakePair(QByteArray("host"), QByteArray("127.0.0.1:4566")));
    request.host = QStringLiteral("127.0.0.1");
    request.body = body;
    std::optional<HttpResponseData> answer;
    mEndpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    return answer.value_or(HttpResponseData{0, {}, {}, {}});
}

QByteArray TestSecurityS3Versions::versionOf(const HttpResponseData &r) const
{
    for (const auto &[name, value] : r.headers)
        if (name.compare("x-amz-version-id", Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QStringList TestSecurityS3Versions::files() const
{
    QStringList result;
    const QDir root(mCloud->folder.path());
    QDirIterator it(root.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        result.append(root.relativeFilePath(it.next()));
    result.sort();
    return result;
}

void TestSecurityS3Versions::versionFilesStayInTheStateFolder_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("parent folders") << QStringLiteral("../../../escape.txt");
    QTest::newRow("into the versions folder") << QStringLiteral("../versions/planted");
    QTest::newRow("absolute") << QStringLiteral("/tmp/absolute.txt");
    QTest::newRow("the project file") << QStringLiteral("../../aws.json");
    QTest::newRow("plain") << QStringLiteral("report.csv");
}

void TestSecurityS3Versions::versionFilesStayInTheStateFolder()
{
    QFETCH(QString, key);
    const QStringList before = files();
    const QString path = QStringLiteral("/files/") + key;
    const QByteArray v1 = versionOf(send(QStringLiteral("PUT"), path, {}, "one"));
    const QByteArray v2 = versionOf(send(QStringLiteral("PUT"), path, {}, "two"));
    QVERIFY(v1.size() == 32 && v2.size() == 32);
    QCOMPARE(send(QStringLiteral("DELETE"), path, {}).status, 204);
    const QString relativeState = QDir(mCloud->folder.path()).relativeFilePath(state());
    const QRegularExpression allowed(
        QStringLiteral("^%1/(state\\.sqlite(-wal|-shm|-journal)?|buckets/files/(versions/)?[0-9a-f]{40})$")
            .arg(QRegularExpression::escape(relativeState)));
    for (const QString &file : files())
        QVERIFY2(before.contains(file) || allowed.match(file).hasMatch(), qPrintable(file));
    QCOMPARE(QDir(state() + QStringLiteral("/buckets/files/versions")).entryList(QDir::Files).size(), 2);
    QCOMPARE(send(QStringLiteral("GET"), path, "versionId=" + v1).body, QByteArray("one"));
    // Removing every version removes every file.
    for (const QByteArray &id : {v1, v2})
        QCOMPARE(send(QStringLiteral("DELETE"), path, "versionId=" + id).status, 204);
    QCOMPARE(QDir(state() + QStringLiteral("/buckets/files/versions")).entryList(QDir::Files).size(), 0);
}

void TestSecurityS3Versions::craftedVersionIdsAreRefused_data()
{
    QTest::addColumn<QByteArray>("versionId");
    QTest::newRow("parent") << QByteArray("..");
    QTest::newRow("to the current object") << QByteArray("../KEYHASH");
    QTest::newRow("out of the state") << QByteArray("../../../../../sentinel.txt");
    QTest::newRow("encoded") << QByteArray("%2e%2e%2f%2e%2e%2fsentinel.txt");
    QTest::newRow("absolute") << QByteArray("/tmp/sentinel.txt");
    QTest::newRow("null then ..") << QByteArray("null/../..");
    QTest::newRow("real id then ..") << QByteArray("REAL/..");
    QTest::newRow("real id with a NUL") << QByteArray("REAL%00");
    QTest::newRow("too long") << QByteArray(33, 'a');
    QTest::newRow("empty") << QByteArray();
}

void TestSecurityS3Versions::craftedVersionIdsAreRefused()
{
    QFETCH(QByteArray, versionId);
    const QString victim = QStringLiteral("/files/victim.txt");
    const QByteArray real = versionOf(send(QStringLiteral("PUT"), victim, {}, "victim one"));
    QCOMPARE(send(QStringLiteral("PUT"), victim, {}, "victim two").status, 200);
    QFile sentinel(mCloud->folder.filePath(QStringLiteral("sentinel.txt")));
    QVERIFY(sentinel.open(QIODevice::WriteOnly) && sentinel.write("outside") == 7);
    sentinel.close();
    versionId.replace("REAL", real)
        .replace("KEYHASH", QCryptographicHash::hash("victim.txt", QCryptographicHash::Sha1).toHex());
    const QStringList before = files();
    const QByteArray query = "versionId=" + versionId;
    const QList<std::pair<QString, QByteArray>> requests{
        {QStringLiteral("GET"), query},
        {QStringLiteral("HEAD"), query},
        {QStringLiteral("DELETE"), query},
        {QStringLiteral("GET"), query + "&tagging"},
        {QStringLiteral("PUT"), query + "&tagging"},
        {QStringLiteral("DELETE"), query + "&tagging"},
    };
    for (const auto &[method, q] : requests) {
        const HttpResponseData r = send(method, victim, q, "<Tagging><TagSet/></Tagging>");
        QVERIFY2(r.status == 400, qPrintable(method + QLatin1Char(' ') + QString::fromUtf8(q) + QLatin1Char(' ')
                                             + QString::number(r.status) + QString::fromUtf8(r.body)));
    }
    const HttpResponseData copied = send(QStringLiteral("PUT"), QStringLiteral("/files/copy.txt"), {}, {},
                                         {{"x-amz-copy-source", "/files/victim.txt?versionId=" + versionId}});
    QCOMPARE(copied.status, 400);
    const HttpResponseData many = send(QStringLiteral("POST"), QStringLiteral("/files"), "delete",
                                       "<Delete><Object><Key>victim.txt</Key><VersionId>" + versionId
                                           + "</VersionId></Object></Delete>");
    QCOMPARE(many.status, 200);
    QVERIFY2(many.body.contains("<Error>"), many.body.constData());
    // Nothing was written, moved or removed; both versions read as they were.
    QCOMPARE(files(), before);
    QVERIFY(sentinel.open(QIODevice::ReadOnly));
    QCOMPARE(sentinel.readAll(), QByteArray("outside"));
    QCOMPARE(send(QStringLiteral("GET"), victim, {}).body, QByteArray("victim two"));
    QCOMPARE(send(QStringLiteral("GET"), victim, "versionId=" + real).body, QByteArray("victim one"));
}

QTEST_GUILESS_MAIN(TestSecurityS3Versions)
#include "tst_security_s3versions.moc"
