// S3 versioning as the SDKs use it (issue 23 item 1): PutBucketVersioning and
// GetBucketVersioning (or the bucket node's Versioning property), a version id on every
// write, GET, HEAD and DELETE by version, delete markers with S3's 404 and 405 answers,
// ListObjectVersions with its key-marker / version-id-marker pages, CopyObject from a
// version (restoring it), the null version of a suspended bucket, and DeleteObjects by
// version. The endpoint is driven directly, as the server does; each case follows
// AWS's S3 API reference.

#include "cloud/awswire.h"
#include "cloudfixture.h"

#include <QRegularExpression>
#include <QTest>

using namespace Nimbus;

namespace {

QByteArray headerOf(const HttpResponseData &response, const QByteArray &name)
{
    for (const auto &[key, value] : response.headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

// Every text of the elements of that name in an XML answer, in order.
QStringList elementsOf(const QByteArray &xml, const QString &name)
{
    QStringList found;
    const QRegularExpression re(QStringLiteral("<%1>([^<]*)</%1>").arg(name));
    for (auto it = re.globalMatch(QString::fromUtf8(xml)); it.hasNext();)
        found.append(it.next().captured(1));
    return found;
}

const QByteArray kEnabled = "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>";
const QByteArray kSuspended = "<VersioningConfiguration><Status>Suspended</Status></VersioningConfiguration>";

} // namespace

class TestS3Versioning : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void bucketVersioning_data();
    void bucketVersioning();
    void designPropertyEnablesVersioning();
    void unversionedBucketHasNoVersionIds();
    void everyWriteHasAVersion();
    void deleteMarkers();
    void deletingTheCurrentVersionPromotesTheNext();
    void suspendedWritesTheNullVersion();
    void listObjectVersionsPages_data();
    void listObjectVersionsPages();
    void copyFromAVersion();
    void badVersionIds_data();
    void badVersionIds();
    void deleteObjectsByVersion();

private:
    HttpResponseData send(const QString &method, const QString &target, const HttpHeaders &headers = {},
                          const QByteArray &body = {});
    QByteArray put(const QString &key, const QByteArray &body); // its version id
    void enable()
    {
        QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/files?versioning"), {}, kEnabled).status, 200);
    }

    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
    AwsEndpoint *mEndpoint = nullptr;
};

void TestS3Versioning::init()
{
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mCloud->startAwsProject(), qPrintable(mCloud->error));
    mEndpoint = mCloud->endpoint.get();
}

void TestS3Versioning::cleanup()
{
    mEndpoint = nullptr;
    mCloud.reset();
}

HttpResponseData TestS3Versioning::send(const QString &method, const QString &target, const HttpHeaders &headers,
                                        const QByteArray &body)
{
    AwsRequest request;
    request.method = method;
    const qsizetype question = target.indexOf(u'?');
    request.path = question < 0 ? target : target.left(question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1).toUtf8();
    request.headers = headers;
    request.headers.append(qMakePair(QByteArray("host"), QByteArray("127.0.0.1:4566")));
    request.host = QStringLiteral("127.0.0.1");
    request.body = body;
    std::optional<HttpResponseData> answer;
    mEndpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    return answer.value_or(HttpResponseData{0, {}, {}, {}});
}

QByteArray TestS3Versioning::put(const QString &key, const QByteArray &body)
{
    const HttpResponseData r = send(QStringLiteral("PUT"), QStringLiteral("/files/") + key, {}, body);
    if (r.status != 200)
        qWarning("PUT %s: %d %s", qPrintable(key), r.status, r.body.constData());
    return headerOf(r, "x-amz-version-id");
}

void TestS3Versioning::bucketVersioning_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answer"); // in the answer's body
    QTest::addColumn<QString>("after"); // GetBucketVersioning's Status afterwards

    QTest::newRow("Enabled") << kEnabled << 200 << QByteArray() << QStringLiteral("Enabled");
    QTest::newRow("Suspended") << kSuspended << 200 << QByteArray() << QStringLiteral("Suspended");
    QTest::newRow("no status changes nothing")
        << QByteArray("<VersioningConfiguration/>") << 200 << QByteArray() << QString();
    QTest::newRow("unknown status") << QByteArray(
        "<VersioningConfiguration><Status>On</Status></VersioningConfiguration>")
                                    << 400 << QByteArray("MalformedXML") << QString();
    QTest::newRow("not XML") << QByteArray("Enabled") << 400 << QByteArray("MalformedXML") << QString();
    QTest::newRow("MFA delete") << QByteArray("<VersioningConfiguration><Status>Enabled</Status>"
                                              "<MfaDelete>Enabled</MfaDelete></VersioningConfiguration>")
                                << 501 << QByteArray("PutBucketVersioning with MfaDelete") << QString();
}

void TestS3Versioning::bucketVersioning()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    QFETCH(QString, after);
    const HttpResponseData r = send(QStringLiteral("PUT"), QStringLiteral("/files?versioning"), {}, body);
    QCOMPARE(r.status, status);
    QVERIFY2(r.body.contains(answer), r.body.constData());
    const HttpResponseData got = send(QStringLiteral("GET"), QStringLiteral("/files?versioning"));
    QCOMPARE(got.status, 200);
    QCOMPARE(elementsOf(got.body, QStringLiteral("Status")).value(0), after);
}

void TestS3Versioning::designPropertyEnablesVersioning()
{
    const Node *bucket = mCloud->project.architecture().nodeByName(QStringLiteral("files"));
    QVERIFY(bucket);
    QVERIFY(mCloud->project.setNodeProperty(bucket->id, QStringLiteral("versioning"), true));
    const HttpResponseData got = send(QStringLiteral("GET"), QStringLiteral("/files?versioning"));
    QCOMPARE(elementsOf(got.body, QStringLiteral("Status")), QStringList{QStringLiteral("Enabled")});
    QCOMPARE(put(QStringLiteral("a.txt"), "1").size(), 32);
    // PutBucketVersioning wins over the design for this run.
    QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/files?versioning"), {}, kSuspended).status, 200);
    QCOMPARE(put(QStringLiteral("a.txt"), "2"), QByteArray("null"));
}

void TestS3Versioning::unversionedBucketHasNoVersionIds()
{
    QVERIFY(put(QStringLiteral("a.txt"), "1").isEmpty());
    QVERIFY(put(QStringLiteral("a.txt"), "2").isEmpty());
    const HttpResponseData got = send(QStringLiteral("GET"), QStringLiteral("/files/a.txt"));
    QCOMPARE(got.body, QByteArray("2"));
    QVERIFY(headerOf(got, "x-amz-version-id").isEmpty());
    // Its one version is "null", named or listed.
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt?versionId=null")).body, QByteArray("2"));
    const HttpResponseData list = send(QStringLiteral("GET"), QStringLiteral("/files?versions"));
    QCOMPARE(elementsOf(list.body, QStringLiteral("VersionId")), QStringList{QStringLiteral("null")});
    const HttpResponseData deleted = send(QStringLiteral("DELETE"), QStringLiteral("/files/a.txt"));
    QCOMPARE(deleted.status, 204);
    QVERIFY(headerOf(deleted, "x-amz-delete-marker").isEmpty());
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files?versions")).body.count("<Version>"), 0);
}

void TestS3Versioning::everyWriteHasAVersion()
{
    enable();
    const QByteArray v1 = put(QStringLiteral("a.txt"), "first");
    const QByteArray v2 = put(QStringLiteral("a.txt"), "second");
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9]{32}$")).match(QString::fromLatin1(v1)).hasMatch(), v1);
    QVERIFY(v2.size() == 32 && v1 != v2);
    const HttpResponseData latest = send(QStringLiteral("GET"), QStringLiteral("/files/a.txt"));
    QCOMPARE(latest.body, QByteArray("second"));
    QCOMPARE(headerOf(latest, "x-amz-version-id"), v2);
    const HttpResponseData old = send(QStringLiteral("GET"), QStringLiteral("/files/a.txt?versionId=") + v1);
    QCOMPARE(old.status, 200);
    QCOMPARE(old.body, QByteArray("first"));
    QCOMPARE(headerOf(old, "x-amz-version-id"), v1);
    const HttpResponseData head = send(QStringLiteral("HEAD"), QStringLiteral("/files/a.txt?versionId=") + v1);
    QCOMPARE(head.status, 200);
    QCOMPARE(headerOf(head, "content-length"), QByteArray("5"));
    // A range of an older version.
    const HttpResponseData range = send(QStringLiteral("GET"), QStringLiteral("/files/a.txt?versionId=") + v1,
                                        {{"range", "bytes=1-3"}});
    QCOMPARE(range.status, 206);
    QCOMPARE(range.body, QByteArray("irs"));
    // Multipart uploads are versions too.
    const HttpResponseData created = send(QStringLiteral("POST"), QStringLiteral("/files/a.txt?uploads"));
    const QString upload = elementsOf(created.body, QStringLiteral("UploadId")).value(0);
    const HttpResponseData part = send(QStringLiteral("PUT"),
                                       QStringLiteral("/files/a.txt?partNumber=1&uploadId=") + upload, {}, "third");
    const QByteArray complete = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"
                                + headerOf(part, "etag") + "</ETag></Part></CompleteMultipartUpload>";
    const HttpResponseData completed = send(QStringLiteral("POST"), QStringLiteral("/files/a.txt?uploadId=") + upload,
                                            {}, complete);
    QCOMPARE(completed.status, 200);
    const QByteArray v3 = headerOf(completed, "x-amz-version-id");
    QVERIFY(v3.size() == 32 && v3 != v2);
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt?versionId=") + v2).body, QByteArray("second"));
}

void TestS3Versioning::deleteMarkers()
{
    enable();
    const QByteArray v1 = put(QStringLiteral("a.txt"), "kept");
    const HttpResponseData deleted = send(QStringLiteral("DELETE"), QStringLiteral("/files/a.txt"));
    QCOMPARE(deleted.status, 204);
    QCOMPARE(headerOf(deleted, "x-amz-delete-marker"), QByteArray("true"));
    const QByteArray marker = headerOf(deleted, "x-amz-version-id");
    QVERIFY(marker.size() == 32 && marker != v1);
    // The latest version is a delete marker: 404, saying so.
    const HttpResponseData gone = send(QStringLiteral("GET"), QStringLiteral("/files/a.txt"));
    QCOMPARE(gone.status, 404);
    QVERIFY(gone.body.contains("NoSuchKey"));
    QCOMPARE(headerOf(gone, "x-amz-delete-marker"), QByteArray("true"));
    QCOMPARE(headerOf(gone, "x-amz-version-id"), marker);
    QCOMPARE(send(QStringLiteral("HEAD"), QStringLiteral("/files/a.txt")).status, 404);
    // Listings no longer show it.
    QVERIFY(!send(QStringLiteral("GET"), QStringLiteral("/files?list-type=2")).body.contains("<Key>a.txt</Key>"));
    // The marker named by its id: 405 with its time.
    for (const QString &method : {QStringLiteral("GET"), QStringLiteral("HEAD")}) {
        const HttpResponseData named = send(method, QStringLiteral("/files/a.txt?versionId=") + marker);
        QCOMPARE(named.status, 405);
        QCOMPARE(headerOf(named, "x-amz-delete-marker"), QByteArray("true"));
        QVERIFY(!headerOf(named, "last-modified").isEmpty());
    }
    // The older version is still there.
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt?versionId=") + v1).body, QByteArray("kept"));
    const HttpResponseData list = send(QStringLiteral("GET"), QStringLiteral("/files?versions"));
    QCOMPARE(list.body.count("<DeleteMarker>"), 1);
    QCOMPARE(list.body.count("<Version>"), 1);
    QCOMPARE(elementsOf(list.body, QStringLiteral("IsLatest")),
             (QStringList{QStringLiteral("true"), QStringLiteral("false")}));
    // Removing the marker brings the object back.
    const HttpResponseData undeleted = send(QStringLiteral("DELETE"),
                                            QStringLiteral("/files/a.txt?versionId=") + marker);
    QCOMPARE(undeleted.status, 204);
    QCOMPARE(headerOf(undeleted, "x-amz-delete-marker"), QByteArray("true"));
    QCOMPARE(headerOf(undeleted, "x-amz-version-id"), marker);
    const HttpResponseData back = send(QStringLiteral("GET"), QStringLiteral("/files/a.txt"));
    QCOMPARE(back.status, 200);
    QCOMPARE(back.body, QByteArray("kept"));
    QCOMPARE(headerOf(back, "x-amz-version-id"), v1);
}

void TestS3Versioning::deletingTheCurrentVersionPromotesTheNext()
{
    enable();
    const QByteArray v1 = put(QStringLiteral("a.txt"), "one");
    const QByteArray v2 = put(QStringLiteral("a.txt"), "two");
    const HttpResponseData removed = send(QStringLiteral("DELETE"), QStringLiteral("/files/a.txt?versionId=") + v2);
    QCOMPARE(removed.status, 204);
    QVERIFY(headerOf(removed, "x-amz-delete-marker").isEmpty());
    QCOMPARE(headerOf(removed, "x-amz-version-id"), v2);
    const HttpResponseData got = send(QStringLiteral("GET"), QStringLiteral("/files/a.txt"));
    QCOMPARE(got.body, QByteArray("one"));
    QCOMPARE(headerOf(got, "x-amz-version-id"), v1);
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt?versionId=") + v2).status, 404);
    QVERIFY(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt?versionId=") + v2).body.contains("NoSuchVersion"));
    // The last version gone, the key is gone.
    QCOMPARE(send(QStringLiteral("DELETE"), QStringLiteral("/files/a.txt?versionId=") + v1).status, 204);
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt")).status, 404);
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files?versions&prefix=a.txt")).body.count("<Key>"), 0);
}

void TestS3Versioning::suspendedWritesTheNullVersion()
{
    // An object from before versioning is the null version, kept when versioning starts.
    QVERIFY(put(QStringLiteral("a.txt"), "before").isEmpty());
    enable();
    const QByteArray v1 = put(QStringLiteral("a.txt"), "enabled");
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt?versionId=null")).body, QByteArray("before"));
    QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/files?versioning"), {}, kSuspended).status, 200);
    QCOMPARE(put(QStringLiteral("a.txt"), "suspended 1"), QByteArray("null"));
    QCOMPARE(put(QStringLiteral("a.txt"), "suspended 2"), QByteArray("null"));
    // The null version was replaced, the enabled one kept: two versions.
    const HttpResponseData list = send(QStringLiteral("GET"), QStringLiteral("/files?versions"));
    QCOMPARE(elementsOf(list.body, QStringLiteral("VersionId")),
             (QStringList{QStringLiteral("null"), QString::fromLatin1(v1)}));
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt")).body, QByteArray("suspended 2"));
    // A DELETE makes the null delete marker, removing the null version.
    const HttpResponseData deleted = send(QStringLiteral("DELETE"), QStringLiteral("/files/a.txt"));
    QCOMPARE(headerOf(deleted, "x-amz-delete-marker"), QByteArray("true"));
    QCOMPARE(headerOf(deleted, "x-amz-version-id"), QByteArray("null"));
    const HttpResponseData after = send(QStringLiteral("GET"), QStringLiteral("/files?versions"));
    QCOMPARE(after.body.count("<DeleteMarker>"), 1);
    QCOMPARE(elementsOf(after.body, QStringLiteral("VersionId")),
             (QStringList{QStringLiteral("null"), QString::fromLatin1(v1)}));
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt?versionId=") + v1).body, QByteArray("enabled"));
}

void TestS3Versioning::listObjectVersionsPages_data()
{
    QTest::addColumn<int>("maxKeys");
    QTest::addColumn<QString>("extra");
    QTest::newRow("1 a page") << 1 << QString();
    QTest::newRow("2 a page") << 2 << QString();
    QTest::newRow("3 a page") << 3 << QString();
    QTest::newRow("all at once") << 1000 << QString();
    QTest::newRow("url encoded") << 2 << QStringLiteral("&encoding-type=url");
}

void TestS3Versioning::listObjectVersionsPages()
{
    QFETCH(int, maxKeys);
    QFETCH(QString, extra);
    enable();
    // b.txt: 3 versions; c.txt: a version and a delete marker; d.txt: one.
    QList<QPair<QString, QByteArray>> expected; // key, version id, newest first per key
    QByteArray b[3];
    for (int i = 0; i < 3; ++i)
        b[i] = put(QStringLiteral("b.txt"), QByteArray::number(i));
    const QByteArray c = put(QStringLiteral("c.txt"), "c");
    const QByteArray cMarker = headerOf(send(QStringLiteral("DELETE"), QStringLiteral("/files/c.txt")),
                                        "x-amz-version-id");
    const QByteArray d = put(QStringLiteral("d.txt"), "d");
    expected = {{QStringLiteral("b.txt"), b[2]},    {QStringLiteral("b.txt"), b[1]}, {QStringLiteral("b.txt"), b[0]},
                {QStringLiteral("c.txt"), cMarker}, {QStringLiteral("c.txt"), c},    {QStringLiteral("d.txt"), d}};
    QList<QPair<QString, QByteArray>> seen;
    QString keyMarker, versionMarker;
    for (int page = 0; page < 20; ++page) {
        QString target = QStringLiteral("/files?versions&max-keys=%1").arg(maxKeys) + extra;
        if (!keyMarker.isEmpty())
            target += QStringLiteral("&key-marker=") + keyMarker;
        if (!versionMarker.isEmpty())
            target += QStringLiteral("&version-id-marker=") + versionMarker;
        const HttpResponseData r = send(QStringLiteral("GET"), target);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("<ListVersionsResult"));
        const QStringList keys = elementsOf(r.body, QStringLiteral("Key"));
        const QStringList ids = elementsOf(r.body, QStringLiteral("VersionId"));
        QCOMPARE(keys.size(), ids.size());
        QVERIFY(keys.size() <= maxKeys);
        for (qsizetype i = 0; i < keys.size(); ++i)
            seen.append({keys.at(i), ids.at(i).toLatin1()});
        if (elementsOf(r.body, QStringLiteral("IsTruncated")).value(0) != QLatin1String("true"))
            break;
        keyMarker = elementsOf(r.body, QStringLiteral("NextKeyMarker")).value(0);
        versionMarker = elementsOf(r.body, QStringLiteral("NextVersionIdMarker")).value(0);
        QVERIFY(!keyMarker.isEmpty() && !versionMarker.isEmpty());
    }
    QCOMPARE(seen, expected);
    // A key-marker alone starts after every version of that key.
    const HttpResponseData after = send(QStringLiteral("GET"), QStringLiteral("/files?versions&key-marker=b.txt"));
    QCOMPARE(elementsOf(after.body, QStringLiteral("Key")).value(0), QStringLiteral("c.txt"));
    // A version-id-marker needs a key-marker.
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files?versions&version-id-marker=") + d).status, 400);
}

void TestS3Versioning::copyFromAVersion()
{
    enable();
    const QByteArray v1 = put(QStringLiteral("a.txt"), "good");
    const QByteArray v2 = put(QStringLiteral("a.txt"), "broken");
    // Restoring v1: a copy of it over its own key is the new latest version.
    const HttpResponseData copied = send(QStringLiteral("PUT"), QStringLiteral("/files/a.txt"),
                                         {{"x-amz-copy-source", "/files/a.txt?versionId=" + v1}});
    QCOMPARE(copied.status, 200);
    QCOMPARE(headerOf(copied, "x-amz-copy-source-version-id"), v1);
    const QByteArray v3 = headerOf(copied, "x-amz-version-id");
    QVERIFY(v3.size() == 32 && v3 != v1 && v3 != v2);
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt")).body, QByteArray("good"));
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt?versionId=") + v2).body, QByteArray("broken"));
    // To another key, and a part from a version.
    QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/files/b.txt"),
                  {{"x-amz-copy-source", "files/a.txt?versionId=" + v2}})
                 .status,
             200);
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/b.txt")).body, QByteArray("broken"));
    // The current version over itself without changes is still illegal.
    QCOMPARE(
        send(QStringLiteral("PUT"), QStringLiteral("/files/a.txt"), {{"x-amz-copy-source", "/files/a.txt"}}).status,
        400);
    // A delete marker cannot be a source, an unknown version is none.
    const QByteArray marker = headerOf(send(QStringLiteral("DELETE"), QStringLiteral("/files/b.txt")),
                                       "x-amz-version-id");
    const HttpResponseData fromMarker = send(QStringLiteral("PUT"), QStringLiteral("/files/c.txt"),
                                             {{"x-amz-copy-source", "/files/b.txt?versionId=" + marker}});
    QCOMPARE(fromMarker.status, 400);
    QVERIFY(fromMarker.body.contains("InvalidRequest"));
    QCOMPARE(
        send(QStringLiteral("PUT"), QStringLiteral("/files/c.txt"), {{"x-amz-copy-source", "/files/b.txt"}}).status,
        404);
    const HttpResponseData unknown = send(
        QStringLiteral("PUT"), QStringLiteral("/files/c.txt"),
        {{"x-amz-copy-source", "/files/a.txt?versionId=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}});
    QCOMPARE(unknown.status, 404);
    QVERIFY(unknown.body.contains("NoSuchVersion"));
}

void TestS3Versioning::badVersionIds_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("versionId");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("GET unknown") << "GET"
                                 << "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" << 404 << QByteArray("NoSuchVersion");
    QTest::newRow("HEAD unknown") << "HEAD"
                                  << "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" << 404 << QByteArray("NoSuchVersion");
    QTest::newRow("GET short") << "GET"
                               << "abc" << 400 << QByteArray("InvalidArgument");
    QTest::newRow("GET empty") << "GET"
                               << "" << 400 << QByteArray("Version id cannot be the empty string");
    QTest::newRow("GET path") << "GET"
                              << "../../../../etc/passwd" << 400 << QByteArray("InvalidArgument");
    QTest::newRow("DELETE path") << "DELETE"
                                 << "..%2F..%2Fkeep.txt" << 400 << QByteArray("InvalidArgument");
    QTest::newRow("DELETE unknown") << "DELETE"
                                    << "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" << 204 << QByteArray();
    QTest::newRow("tagging of unknown") << "GET"
                                        << "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&tagging" << 404
                                        << QByteArray("NoSuchVersion");
}

void TestS3Versioning::badVersionIds()
{
    QFETCH(QString, method);
    QFETCH(QString, versionId);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    enable();
    put(QStringLiteral("a.txt"), "a");
    const HttpResponseData r = send(method, QStringLiteral("/files/a.txt?versionId=") + versionId);
    QCOMPARE(r.status, status);
    if (method != QLatin1String("HEAD"))
        QVERIFY2(r.body.contains(code), r.body.constData());
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt")).body, QByteArray("a"));
}

void TestS3Versioning::deleteObjectsByVersion()
{
    enable();
    const QByteArray v1 = put(QStringLiteral("a.txt"), "one");
    const QByteArray v2 = put(QStringLiteral("a.txt"), "two");
    put(QStringLiteral("b.txt"), "b");
    const QByteArray request = "<Delete><Object><Key>a.txt</Key><VersionId>" + v2
                               + "</VersionId></Object><Object><Key>b.txt</Key></Object></Delete>";
    const HttpResponseData r = send(QStringLiteral("POST"), QStringLiteral("/files?delete"), {}, request);
    QCOMPARE(r.status, 200);
    QCOMPARE(elementsOf(r.body, QStringLiteral("VersionId")), QStringList{QString::fromLatin1(v2)});
    QCOMPARE(elementsOf(r.body, QStringLiteral("DeleteMarker")), QStringList{QStringLiteral("true")});
    QCOMPARE(elementsOf(r.body, QStringLiteral("DeleteMarkerVersionId")).value(0).size(), 32);
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt")).body, QByteArray("one"));
    QCOMPARE(headerOf(send(QStringLiteral("GET"), QStringLiteral("/files/a.txt")), "x-amz-version-id"), v1);
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/b.txt")).status, 404);
}

QTEST_GUILESS_MAIN(TestS3Versioning)
#include "tst_s3versioning.moc"
