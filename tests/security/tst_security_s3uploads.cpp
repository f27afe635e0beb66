// Multipart uploads from strangers (issue 23 item 1): an object's key or an upload id
// chosen by the client never names a file. Parts are files under the state folder's
// uploads/<upload id>/<part number>, where the id is the cloud's own 32 hex digits; an
// upload id with ../ (or anything else) is no upload; an abandoned upload's parts are
// removed on Abort, and a reset empties them all. Driven through the endpoint, as the
// server drives it; each test fails when the protection it names is removed.

#include "cloudfixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Nimbus;

class TestSecurityS3Uploads : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void partFilesStayInTheStateFolder_data();
    void partFilesStayInTheStateFolder();
    void pathLikeUploadIdsAreRefused_data();
    void pathLikeUploadIdsAreRefused();
    void abortRemovesAnAbandonedUploadsParts();
    void resetRemovesEveryUpload();

private:
    HttpResponseData send(const QString &method, const QString &path, const QByteArray &query,
                          const QByteArray &body = {});
    QString createUpload(const QString &key);
    // Every file under the fixture's folder, relative to it.
    QStringList files() const;
    QString state() const { return mCloud->cloud->state().directory(); }

    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
    AwsEndpoint *mEndpoint = nullptr;
};

void TestSecurityS3Uploads::init()
{
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mCloud->startAwsProject(), qPrintable(mCloud->error));
    mEndpoint = mCloud->endpoint.get();
}

void TestSecurityS3Uploads::cleanup()
{
    mEndpoint = nullptr;
    mCloud.reset();
}

HttpResponseData TestSecurityS3Uploads::send(const QString &method, const QString &path, const QByteArray &query,
                                             const QByteArray &body)
{
    AwsRequest request;
    request.method = method;
    request.path = path;
    request.query = query;
    request.headers = {{"host", "127.0.0.1:4566"}};
    request.host = QStringLiteral("127.0.0.1");
    request.body = body;
    std::optional<HttpResponseData> answer;
    mEndpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    return answer.value_or(HttpResponseData{0, {}, {}, {}});
}

QString TestSecurityS3Uploads::createUpload(const QString &key)
{
    const HttpResponseData r = send(QStringLiteral("POST"), QStringLiteral("/files/") + key, "uploads");
    const QString text = QString::fromUtf8(r.body);
    const qsizetype at = text.indexOf(QLatin1String("<UploadId>"));
    return at < 0 ? QString() : text.mid(at + 10, 32);
}

QStringList TestSecurityS3Uploads::files() const
{
    QStringList result;
    const QDir root(mCloud->folder.path());
    QDirIterator it(root.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        result.append(root.relativeFilePath(it.next()));
    result.sort();
    return result;
}

void TestSecurityS3Uploads::partFilesStayInTheStateFolder_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("parent folders") << QStringLiteral("../../../escape.txt");
    QTest::newRow("into the state's buckets") << QStringLiteral("../buckets/files/planted");
    QTest::newRow("absolute") << QStringLiteral("/tmp/absolute.txt");
    QTest::newRow("dot dot") << QStringLiteral("..");
    QTest::newRow("backslashes") << QStringLiteral("..\\..\\escape.txt");
    QTest::newRow("the project file") << QStringLiteral("../../aws.json");
    QTest::newRow("long") << QString(1000, QLatin1Char('a'));
}

void TestSecurityS3Uploads::partFilesStayInTheStateFolder()
{
    QFETCH(QString, key);
    const QStringList before = files();
    const QByteArray project = QFile(mCloud->folder.filePath(QStringLiteral("aws.json"))).exists()
                                   ? QByteArray("exists")
                                   : QByteArray("missing");
    const QString uploadId = createUpload(key);
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(uploadId).hasMatch(), qPrintable(uploadId));
    const QString path = QStringLiteral("/files/") + key;
    const QByteArray part(5 * 1024 * 1024, 'p');
    HttpResponseData r = send(QStringLiteral("PUT"), path, "partNumber=1&uploadId=" + uploadId.toLatin1(), part);
    QCOMPARE(r.status, 200);
    r = send(QStringLiteral("PUT"), path, "partNumber=2&uploadId=" + uploadId.toLatin1(), "last");
    QCOMPARE(r.status, 200);
    // While in progress: the parts are files of the upload's own folder in the state.
    const QString relativeState = QDir(mCloud->folder.path()).relativeFilePath(state());
    const QRegularExpression allowed(
        QStringLiteral("^%1/(state\\.sqlite(-wal|-shm|-journal)?|buckets/files/[0-9a-f]{40}|"
                       "uploads/[0-9a-f]{32}/[0-9]+)$")
            .arg(QRegularExpression::escape(relativeState)));
    for (const QString &file : files())
        QVERIFY2(before.contains(file) || allowed.match(file).hasMatch(), qPrintable(file));
    QVERIFY(QFile::exists(state() + QStringLiteral("/uploads/") + uploadId + QStringLiteral("/1")));
    // Completed: one object file, under its bucket's folder, named by the key's hash.
    const QByteArray complete = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"
                                + QCryptographicHash::hash(part, QCryptographicHash::Md5).toHex()
                                + "</ETag></Part><Part><PartNumber>2</PartNumber><ETag>"
                                + QCryptographicHash::hash("last", QCryptographicHash::Md5).toHex()
                                + "</ETag></Part></CompleteMultipartUpload>";
    r = send(QStringLiteral("POST"), path, "uploadId=" + uploadId.toLatin1(), complete);
    QVERIFY2(r.status == 200, r.body.constData());
    for (const QString &file : files())
        QVERIFY2(before.contains(file) || allowed.match(file).hasMatch(), qPrintable(file));
    QVERIFY(!QDir(state() + QStringLiteral("/uploads/") + uploadId).exists());
    QCOMPARE(QFile(mCloud->folder.filePath(QStringLiteral("aws.json"))).exists() ? QByteArray("exists")
                                                                                 : QByteArray("missing"),
             project);
    QCOMPARE(mCloud->cloud->state().getObject(QStringLiteral("files"), key).valueOr({}).size(), part.size() + 4);
}

void TestSecurityS3Uploads::pathLikeUploadIdsAreRefused_data()
{
    QTest::addColumn<QByteArray>("uploadId");
    QTest::newRow("parent") << QByteArray("..");
    QTest::newRow("the uploads folder's parent") << QByteArray("../buckets");
    QTest::newRow("state folder") << QByteArray("../../.nimbus-cloud");
    QTest::newRow("encoded") << QByteArray("%2e%2e%2f%2e%2e");
    QTest::newRow("absolute") << QByteArray("/tmp");
    QTest::newRow("real id then ..") << QByteArray("REAL/..");
    QTest::newRow("real id in capitals") << QByteArray("REALUPPER");
    QTest::newRow("empty") << QByteArray();
}

void TestSecurityS3Uploads::pathLikeUploadIdsAreRefused()
{
    QFETCH(QByteArray, uploadId);
    // A real upload with a part, which none of the refused requests may touch.
    const QString real = createUpload(QStringLiteral("victim.bin"));
    QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/files/victim.bin"),
                  "partNumber=1&uploadId=" + real.toLatin1(), "victim part")
                 .status,
             200);
    uploadId.replace("REALUPPER", real.toUpper().toLatin1()).replace("REAL", real.toLatin1());
    const QStringList before = files();
    const QByteArray id = "uploadId=" + uploadId;
    for (const QString &path : {QStringLiteral("/files/victim.bin"), QStringLiteral("/files/other.bin")}) {
        const QList<std::pair<QString, QByteArray>> requests{
            {QStringLiteral("PUT"), "partNumber=1&" + id},
            {QStringLiteral("POST"), id},
            {QStringLiteral("DELETE"), id},
            {QStringLiteral("GET"), id},
        };
        for (const auto &[method, query] : requests) {
            const HttpResponseData r = send(
                method, path, query,
                method == QLatin1String("POST")
                    ? QByteArray("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>x</ETag>"
                                 "</Part></CompleteMultipartUpload>")
                    : QByteArray("planted"));
            QVERIFY2(r.status == 404 && r.body.contains("<Code>NoSuchUpload</Code>"),
                     qPrintable(method + QLatin1Char(' ') + path + QLatin1Char(' ') + QString::fromUtf8(r.body)));
        }
    }
    // Nothing was written, moved or removed.
    QCOMPARE(files(), before);
    QVERIFY(QDir(state() + QStringLiteral("/uploads")).exists());
    QVERIFY(QDir(state() + QStringLiteral("/buckets")).exists());
    QFile part(state() + QStringLiteral("/uploads/") + real + QStringLiteral("/1"));
    QVERIFY(part.open(QIODevice::ReadOnly));
    QCOMPARE(part.readAll(), QByteArray("victim part"));
}

void TestSecurityS3Uploads::abortRemovesAnAbandonedUploadsParts()
{
    const QString uploadId = createUpload(QStringLiteral("abandoned.bin"));
    const QByteArray id = uploadId.toLatin1();
    for (int n = 1; n <= 3; ++n)
        QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/files/abandoned.bin"),
                      "partNumber=" + QByteArray::number(n) + "&uploadId=" + id, QByteArray(1024 * n, 'x'))
                     .status,
                 200);
    const QDir folder(state() + QStringLiteral("/uploads/") + uploadId);
    QCOMPARE(folder.entryList(QDir::Files).size(), 3);
    QCOMPARE(send(QStringLiteral("DELETE"), QStringLiteral("/files/abandoned.bin"), "uploadId=" + id).status, 204);
    QVERIFY(!folder.exists());
    for (const QString &file : files())
        QVERIFY2(!file.contains(QLatin1String("/uploads/")), qPrintable(file));
    QVERIFY(!send(QStringLiteral("GET"), QStringLiteral("/files"), "uploads").body.contains(id));
    // Aborted twice: no upload, nothing else removed.
    QCOMPARE(send(QStringLiteral("DELETE"), QStringLiteral("/files/abandoned.bin"), "uploadId=" + id).status, 404);
    QVERIFY(QDir(state() + QStringLiteral("/uploads")).exists());
}

void TestSecurityS3Uploads::resetRemovesEveryUpload()
{
    const QString uploadId = createUpload(QStringLiteral("left.bin"));
    QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/files/left.bin"),
                  "partNumber=1&uploadId=" + uploadId.toLatin1(), "part")
                 .status,
             200);
    const Result<void> reset = mCloud->cloud->state().reset();
    QVERIFY2(reset, qPrintable(reset.errorMessage()));
    QVERIFY(!QDir(state() + QStringLiteral("/uploads/") + uploadId).exists());
    QVERIFY(mCloud->cloud->state().uploads(QStringLiteral("files")).isEmpty());
}

QTEST_GUILESS_MAIN(TestSecurityS3Uploads)
#include "tst_security_s3uploads.moc"
