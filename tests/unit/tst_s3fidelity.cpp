// S3 as the SDKs use it, request by request: every subresource is routed to its
// operation and served or refused by name, never taken for an object's body (the old
// data-loss bug: PutObjectTagging stored the <Tagging> XML as the object); tags, stored
// headers and CopyObject's directives; multipart uploads with their part checks and
// the -N ETag; conditional requests, Content-MD5 and the checksums; presigned URLs past
// their X-Amz-Expires. The endpoint is driven directly, as the server does.

#include "cloud/awswire.h"
#include "cloudfixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
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

// The text of the first element of that name in an XML answer.
QString elementOf(const QByteArray &xml, const QString &name)
{
    const QString text = QString::fromUtf8(xml);
    const qsizetype start = text.indexOf(QLatin1Char('<') + name + QLatin1Char('>'));
    if (start < 0)
        return {};
    const qsizetype from = start + name.size() + 2;
    return text.mid(from, text.indexOf(QLatin1String("</") + name + QLatin1Char('>'), from) - from);
}

QByteArray md5Base64(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toBase64();
}

const QByteArray kBody = "the body that must survive";

} // namespace

class TestS3Fidelity : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void subresourcesNeverTouchTheBody_data();
    void subresourcesNeverTouchTheBody();
    void objectTagging();
    void tagsAreChecked_data();
    void tagsAreChecked();
    void storedHeaders();
    void copyDirectives();
    void multipartUpload();
    void multipartPartsAreChecked();
    void multipartAbortRemovesParts();
    void uploadPartCopy();
    void conditionalGet_data();
    void conditionalGet();
    void conditionalPut();
    void digests_data();
    void digests();
    void presignedUrlExpires();
    void largeBodiesAreStreamedFromDisk_data();
    void largeBodiesAreStreamedFromDisk();

private:
    // The bucket subresources' rows of subresourcesNeverTouchTheBody.
    void addBucketRows();
    HttpResponseData send(const QString &method, const QString &target, const HttpHeaders &headers = {},
                          const QByteArray &body = {});
    QByteArray content(const QString &key);

    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
    AwsEndpoint *mEndpoint = nullptr;
};

void TestS3Fidelity::init()
{
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mCloud->startAwsProject(), qPrintable(mCloud->error));
    mEndpoint = mCloud->endpoint.get();
    QCOMPARE(
        send(QStringLiteral("PUT"), QStringLiteral("/files/keep.txt"), {{"content-type", "text/plain"}}, kBody).status,
        200);
}

void TestS3Fidelity::cleanup()
{
    mEndpoint = nullptr;
    mCloud.reset();
}

// target: the path with its query, as a client writes it.
HttpResponseData TestS3Fidelity::send(const QString &method, const QString &target, const HttpHeaders &headers,
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

QByteArray TestS3Fidelity::content(const QString &key)
{
    return mCloud->cloud->state().getObject(QStringLiteral("files"), key).valueOr(QByteArray("<missing>"));
}

void TestS3Fidelity::subresourcesNeverTouchTheBody_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("header"); // name:value, or empty
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answer"); // a part of the answer's body

    const QByteArray tagging = "<Tagging><TagSet><Tag><Key>a</Key><Value>1</Value></Tag></TagSet></Tagging>";
    const QString object = QStringLiteral("/files/keep.txt");
    auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
    row("PutObjectTagging") << "PUT" << object + "?tagging" << QByteArray() << tagging << 200 << QByteArray();
    row("GetObjectTagging") << "GET" << object + "?tagging" << QByteArray() << QByteArray() << 200
                            << QByteArray("<TagSet/>");
    row("DeleteObjectTagging") << "DELETE" << object + "?tagging" << QByteArray() << QByteArray() << 204
                               << QByteArray();
    row("GetObjectAcl") << "GET" << object + "?acl" << QByteArray() << QByteArray() << 200
                        << QByteArray("<Permission>FULL_CONTROL</Permission>");
    row("PutObjectAcl private") << "PUT" << object + "?acl" << QByteArray("x-amz-acl:private") << QByteArray() << 200
                                << QByteArray();
    row("PutObjectAcl public-read") << "PUT" << object + "?acl" << QByteArray("x-amz-acl:public-read") << QByteArray()
                                    << 501 << QByteArray("PutObjectAcl is not implemented");
    row("PutObjectAcl grants") << "PUT" << object + "?acl" << QByteArray() << QByteArray("<AccessControlPolicy/>")
                               << 501 << QByteArray("<Code>NotImplemented</Code>");
    row("PutObjectRetention") << "PUT" << object + "?retention" << QByteArray() << QByteArray("<Retention/>") << 501
                              << QByteArray("PutObjectRetention");
    row("PutObjectLegalHold") << "PUT" << object + "?legal-hold" << QByteArray() << QByteArray("<LegalHold/>") << 501
                              << QByteArray("PutObjectLegalHold");
    row("GetObjectAttributes") << "GET" << object + "?attributes" << QByteArray() << QByteArray() << 501
                               << QByteArray("GetObjectAttributes");
    row("RestoreObject") << "POST" << object + "?restore" << QByteArray() << QByteArray("<RestoreRequest/>") << 501
                         << QByteArray("RestoreObject");
    row("SelectObjectContent") << "POST" << object + "?select&select-type=2" << QByteArray() << QByteArray("<x/>")
                               << 501 << QByteArray("SelectObjectContent");
    row("GetObjectTorrent") << "GET" << object + "?torrent" << QByteArray() << QByteArray() << 501
                            << QByteArray("GetObjectTorrent");
    row("unknown subresource PUT") << "PUT" << object + "?frobnicate" << QByteArray() << QByteArray("x") << 501
                                   << QByteArray("?frobnicate");
    row("unknown subresource DELETE") << "DELETE" << object + "?frobnicate" << QByteArray() << QByteArray() << 501
                                      << QByteArray("?frobnicate");
    row("DELETE another version") << "DELETE" << object + "?versionId=3HL4kqtJlcpXroDTDmJ" << QByteArray()
                                  << QByteArray() << 400 << QByteArray("Invalid version id specified");
    row("GetObject partNumber") << "GET" << object + "?partNumber=1" << QByteArray() << QByteArray() << 501
                                << QByteArray("GetObject with partNumber");
    row("UploadPart unknown upload") << "PUT" << object + "?partNumber=1&uploadId=0123456789abcdef0123456789abcdef"
                                     << QByteArray() << QByteArray("x") << 404 << QByteArray("NoSuchUpload");
    row("UploadPart uploadId ../") << "PUT" << object + "?partNumber=1&uploadId=../../keep" << QByteArray()
                                   << QByteArray("x") << 404 << QByteArray("NoSuchUpload");
    row("AbortMultipartUpload unknown") << "DELETE" << object + "?uploadId=0123456789abcdef0123456789abcdef"
                                        << QByteArray() << QByteArray() << 404 << QByteArray("NoSuchUpload");
    row("ListParts unknown") << "GET" << object + "?uploadId=0123456789abcdef0123456789abcdef" << QByteArray()
                             << QByteArray() << 404 << QByteArray("NoSuchUpload");
    addBucketRows();
}

void TestS3Fidelity::addBucketRows()
{
    const QByteArray tagging = "<Tagging><TagSet><Tag><Key>a</Key><Value>1</Value></Tag></TagSet></Tagging>";
    auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
    row("GetBucketLocation") << "GET" << QStringLiteral("/files?location") << QByteArray() << QByteArray() << 200
                             << QByteArray("<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>");
    row("GetBucketVersioning") << "GET" << QStringLiteral("/files?versioning") << QByteArray() << QByteArray() << 200
                               << QByteArray("<VersioningConfiguration");
    row("GetBucketPolicy") << "GET" << QStringLiteral("/files?policy") << QByteArray() << QByteArray() << 404
                           << QByteArray("<Code>NoSuchBucketPolicy</Code>");
    row("GetBucketAcl") << "GET" << QStringLiteral("/files?acl") << QByteArray() << QByteArray() << 200
                        << QByteArray("FULL_CONTROL");
    row("PutBucketAcl public-read") << "PUT" << QStringLiteral("/files?acl") << QByteArray("x-amz-acl:public-read")
                                    << QByteArray() << 501 << QByteArray("PutBucketAcl");
    row("ListObjectVersions") << "GET" << QStringLiteral("/files?versions") << QByteArray() << QByteArray() << 200
                              << QByteArray("<Key>keep.txt</Key><VersionId>null</VersionId>");
    row("ListMultipartUploads") << "GET" << QStringLiteral("/files?uploads") << QByteArray() << QByteArray() << 200
                                << QByteArray("<ListMultipartUploadsResult");
    row("PutBucketVersioning") << "PUT" << QStringLiteral("/files?versioning") << QByteArray()
                               << QByteArray("<VersioningConfiguration/>") << 200 << QByteArray();
    row("PutBucketPolicy") << "PUT" << QStringLiteral("/files?policy") << QByteArray() << QByteArray("{}") << 501
                           << QByteArray("PutBucketPolicy");
    row("DeleteBucketPolicy") << "DELETE" << QStringLiteral("/files?policy") << QByteArray() << QByteArray() << 501
                              << QByteArray("DeleteBucketPolicy");
    row("PutBucketCors") << "PUT" << QStringLiteral("/files?cors") << QByteArray() << QByteArray("<x/>") << 501
                         << QByteArray("PutBucketCors");
    row("GetBucketLifecycleConfiguration") << "GET" << QStringLiteral("/files?lifecycle") << QByteArray()
                                           << QByteArray() << 501 << QByteArray("GetBucketLifecycleConfiguration");
    row("PutBucketEncryption") << "PUT" << QStringLiteral("/files?encryption") << QByteArray() << QByteArray("<x/>")
                               << 501 << QByteArray("PutBucketEncryption");
    row("PutBucketNotificationConfiguration")
        << "PUT" << QStringLiteral("/files?notification") << QByteArray() << QByteArray("<x/>") << 501
        << QByteArray("PutBucketNotificationConfiguration");
    row("PutObjectLockConfiguration") << "PUT" << QStringLiteral("/files?object-lock") << QByteArray()
                                      << QByteArray("<x/>") << 501 << QByteArray("PutObjectLockConfiguration");
    row("ListBucketAnalyticsConfigurations") << "GET" << QStringLiteral("/files?analytics") << QByteArray()
                                             << QByteArray() << 501 << QByteArray("ListBucketAnalyticsConfigurations");
    row("GetBucketInventoryConfiguration") << "GET" << QStringLiteral("/files?inventory&id=a") << QByteArray()
                                           << QByteArray() << 501 << QByteArray("GetBucketInventoryConfiguration");
    row("DeleteBucketIntelligentTiering")
        << "DELETE" << QStringLiteral("/files?intelligent-tiering&id=a") << QByteArray() << QByteArray() << 501
        << QByteArray("DeleteBucketIntelligentTieringConfiguration");
    row("PutPublicAccessBlock") << "PUT" << QStringLiteral("/files?publicAccessBlock") << QByteArray()
                                << QByteArray("<x/>") << 501 << QByteArray("PutPublicAccessBlock");
    row("DeleteBucketOwnershipControls") << "DELETE" << QStringLiteral("/files?ownershipControls") << QByteArray()
                                         << QByteArray() << 501 << QByteArray("DeleteBucketOwnershipControls");
    row("PutBucketTagging") << "PUT" << QStringLiteral("/files?tagging") << QByteArray() << tagging << 501
                            << QByteArray("PutBucketTagging");
    row("PutBucketLogging") << "PUT" << QStringLiteral("/files?logging") << QByteArray() << QByteArray("<x/>") << 501
                            << QByteArray("PutBucketLogging");
    row("PutBucketRequestPayment") << "PUT" << QStringLiteral("/files?requestPayment") << QByteArray()
                                   << QByteArray("<x/>") << 501 << QByteArray("PutBucketRequestPayment");
    row("GetBucketAccelerateConfiguration") << "GET" << QStringLiteral("/files?accelerate") << QByteArray()
                                            << QByteArray() << 501 << QByteArray("GetBucketAccelerateConfiguration");
    row("PutBucketWebsite") << "PUT" << QStringLiteral("/files?website") << QByteArray() << QByteArray("<x/>") << 501
                            << QByteArray("PutBucketWebsite");
    row("PutBucketReplication") << "PUT" << QStringLiteral("/files?replication") << QByteArray() << QByteArray("<x/>")
                                << 501 << QByteArray("PutBucketReplication");
    row("PutBucketMetricsConfiguration") << "PUT" << QStringLiteral("/files?metrics&id=a") << QByteArray()
                                         << QByteArray("<x/>") << 501 << QByteArray("PutBucketMetricsConfiguration");
    row("unknown bucket subresource") << "GET" << QStringLiteral("/files?frobnicate") << QByteArray() << QByteArray()
                                      << 501 << QByteArray("?frobnicate");
    row("POST that is no form") << "POST" << QStringLiteral("/files") << QByteArray() << QByteArray("key=keep.txt")
                                << 412 << QByteArray("multipart/form-data");
    row("DeleteBucket") << "DELETE" << QStringLiteral("/files") << QByteArray() << QByteArray() << 409
                        << QByteArray("<Code>BucketNotEmpty</Code>");
}

void TestS3Fidelity::subresourcesNeverTouchTheBody()
{
    QFETCH(QString, method);
    QFETCH(QString, target);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    HttpHeaders headers;
    if (!header.isEmpty())
        headers.append(qMakePair(header.left(header.indexOf(':')), header.mid(header.indexOf(':') + 1)));
    const HttpResponseData response = send(method, target, headers, body);
    QVERIFY2(response.status == status, response.body.constData());
    QVERIFY2(response.body.contains(answer), response.body.constData());
    // The object is as it was: body, type, and still listed.
    QCOMPARE(content(QStringLiteral("keep.txt")), kBody);
    const HttpResponseData read = send(QStringLiteral("GET"), QStringLiteral("/files/keep.txt"));
    QCOMPARE(read.body, kBody);
    QCOMPARE(headerOf(read, "content-type"), QByteArray("text/plain"));
    QCOMPARE(mCloud->cloud->state().listObjects(QStringLiteral("files")).size(), 1);
}

void TestS3Fidelity::objectTagging()
{
    HttpResponseData r = send(QStringLiteral("PUT"), QStringLiteral("/files/tagged.txt"),
                              {{"x-amz-tagging", "project=nimbus&stage=dev%20one"}}, "tagged");
    QCOMPARE(r.status, 200);
    r = send(QStringLiteral("HEAD"), QStringLiteral("/files/tagged.txt"));
    QCOMPARE(headerOf(r, "x-amz-tagging-count"), QByteArray("2"));
    r = send(QStringLiteral("GET"), QStringLiteral("/files/tagged.txt?tagging"));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.body.contains("<Tag><Key>project</Key><Value>nimbus</Value></Tag>"), r.body.constData());
    QVERIFY2(r.body.contains("<Tag><Key>stage</Key><Value>dev one</Value></Tag>"), r.body.constData());
    // Replaced as a whole.
    r = send(QStringLiteral("PUT"), QStringLiteral("/files/tagged.txt?tagging"), {},
             "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet><Tag><Key>only</Key>"
             "<Value>this</Value></Tag></TagSet></Tagging>");
    QCOMPARE(r.status, 200);
    r = send(QStringLiteral("GET"), QStringLiteral("/files/tagged.txt?tagging"));
    QVERIFY(r.body.contains("<Key>only</Key>"));
    QVERIFY(!r.body.contains("project"));
    QCOMPARE(content(QStringLiteral("tagged.txt")), QByteArray("tagged"));
    r = send(QStringLiteral("DELETE"), QStringLiteral("/files/tagged.txt?tagging"));
    QCOMPARE(r.status, 204);
    r = send(QStringLiteral("GET"), QStringLiteral("/files/tagged.txt"));
    QCOMPARE(r.body, QByteArray("tagged"));
    QVERIFY(headerOf(r, "x-amz-tagging-count").isEmpty());
    // Of an object that is not there.
    r = send(QStringLiteral("GET"), QStringLiteral("/files/none.txt?tagging"));
    QCOMPARE(r.status, 404);
    QVERIFY(r.body.contains("NoSuchKey"));
    // A new PutObject starts without the old tags.
    send(QStringLiteral("PUT"), QStringLiteral("/files/tagged.txt?tagging"), {},
         "<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>");
    send(QStringLiteral("PUT"), QStringLiteral("/files/tagged.txt"), {}, "again");
    QVERIFY(
        headerOf(send(QStringLiteral("HEAD"), QStringLiteral("/files/tagged.txt")), "x-amz-tagging-count").isEmpty());
}

void TestS3Fidelity::tagsAreChecked_data()
{
    QTest::addColumn<QByteArray>("tagging");
    QTest::addColumn<QByteArray>("code");
    QByteArray eleven;
    for (int i = 0; i < 11; ++i)
        eleven += "k" + QByteArray::number(i) + "=v&";
    eleven.chop(1);
    QTest::newRow("eleven tags") << eleven << QByteArray("<Code>BadRequest</Code>");
    QTest::newRow("long key") << QByteArray(129, 'k') + "=v" << QByteArray("<Code>InvalidTag</Code>");
    QTest::newRow("long value") << "k=" + QByteArray(257, 'v') << QByteArray("<Code>InvalidTag</Code>");
    QTest::newRow("aws: prefix") << QByteArray("aws:x=1") << QByteArray("<Code>InvalidTag</Code>");
    QTest::newRow("same key twice") << QByteArray("k=1&k=2") << QByteArray("<Code>InvalidTag</Code>");
}

void TestS3Fidelity::tagsAreChecked()
{
    QFETCH(QByteArray, tagging);
    QFETCH(QByteArray, code);
    const HttpResponseData r = send(QStringLiteral("PUT"), QStringLiteral("/files/keep.txt"),
                                    {{"x-amz-tagging", tagging}}, "replaced");
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains(code), r.body.constData());
    QCOMPARE(content(QStringLiteral("keep.txt")), kBody);
}

void TestS3Fidelity::storedHeaders()
{
    const HttpHeaders headers{{"X-Amz-Meta-Owner", "ada"},
                              {"x-amz-meta-Count", "3"},
                              {"cache-control", "max-age=60"},
                              {"content-disposition", "attachment; filename=\"a.txt\""},
                              {"content-encoding", "gzip"},
                              {"content-language", "fr"},
                              {"expires", "Thu, 01 Dec 2033 16:00:00 GMT"},
                              {"content-type", "text/csv"}};
    QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/files/meta.csv"), headers, "a,b").status, 200);
    for (const QString &method : {QStringLiteral("GET"), QStringLiteral("HEAD")}) {
        const HttpResponseData r = send(method, QStringLiteral("/files/meta.csv"));
        QCOMPARE(r.status, 200);
        QCOMPARE(headerOf(r, "x-amz-meta-owner"), QByteArray("ada"));
        QCOMPARE(headerOf(r, "x-amz-meta-count"), QByteArray("3"));
        QCOMPARE(headerOf(r, "cache-control"), QByteArray("max-age=60"));
        QCOMPARE(headerOf(r, "content-disposition"), QByteArray("attachment; filename=\"a.txt\""));
        QCOMPARE(headerOf(r, "content-encoding"), QByteArray("gzip"));
        QCOMPARE(headerOf(r, "content-language"), QByteArray("fr"));
        QCOMPARE(headerOf(r, "expires"), QByteArray("Thu, 01 Dec 2033 16:00:00 GMT"));
        QCOMPARE(headerOf(r, "content-type"), QByteArray("text/csv"));
    }
    // aws-chunked is how a body came, not a stored encoding.
    const QByteArray chunked = "3;chunk-signature=00\r\nabc\r\n0;chunk-signature=00\r\n\r\n";
    QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/files/chunked.txt"),
                  {{"content-encoding", "aws-chunked"}, {"x-amz-decoded-content-length", "3"}}, chunked)
                 .status,
             200);
    const HttpResponseData r = send(QStringLiteral("GET"), QStringLiteral("/files/chunked.txt"));
    QCOMPARE(r.body, QByteArray("abc"));
    QVERIFY(headerOf(r, "content-encoding").isEmpty());
    // GetObject's response-* parameters override what is stored.
    const HttpResponseData overridden = send(
        QStringLiteral("GET"),
        QStringLiteral("/files/meta.csv?response-content-disposition=inline&response-content-type=a%2Fb"));
    QCOMPARE(headerOf(overridden, "content-disposition"), QByteArray("inline"));
    QCOMPARE(headerOf(overridden, "content-type"), QByteArray("a/b"));
    // User metadata is held to 2 KB.
    const HttpResponseData tooLarge = send(QStringLiteral("PUT"), QStringLiteral("/files/big-meta"),
                                           {{"x-amz-meta-big", QByteArray(2100, 'x')}}, "x");
    QCOMPARE(tooLarge.status, 400);
    QVERIFY(tooLarge.body.contains("<Code>MetadataTooLarge</Code>"));
}

void TestS3Fidelity::copyDirectives()
{
    send(QStringLiteral("PUT"), QStringLiteral("/files/source.txt"),
         {{"x-amz-meta-owner", "ada"}, {"content-type", "text/x-source"}, {"x-amz-tagging", "t=1"}}, "source");
    // COPY (the default) keeps the headers and tags.
    HttpResponseData r = send(QStringLiteral("PUT"), QStringLiteral("/files/copy1.txt"),
                              {{"x-amz-copy-source", "/files/source.txt"}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("<CopyObjectResult"));
    r = send(QStringLiteral("HEAD"), QStringLiteral("/files/copy1.txt"));
    QCOMPARE(headerOf(r, "x-amz-meta-owner"), QByteArray("ada"));
    QCOMPARE(headerOf(r, "content-type"), QByteArray("text/x-source"));
    QCOMPARE(headerOf(r, "x-amz-tagging-count"), QByteArray("1"));
    // REPLACE takes the request's; the tagging directive REPLACE its x-amz-tagging.
    r = send(QStringLiteral("PUT"), QStringLiteral("/files/copy2.txt"),
             {{"x-amz-copy-source", "files/source.txt"},
              {"x-amz-metadata-directive", "REPLACE"},
              {"x-amz-meta-reviewer", "grace"},
              {"content-type", "text/plain"},
              {"x-amz-tagging-directive", "REPLACE"},
              {"x-amz-tagging", "a=1&b=2"}});
    QCOMPARE(r.status, 200);
    r = send(QStringLiteral("HEAD"), QStringLiteral("/files/copy2.txt"));
    QVERIFY(headerOf(r, "x-amz-meta-owner").isEmpty());
    QCOMPARE(headerOf(r, "x-amz-meta-reviewer"), QByteArray("grace"));
    QCOMPARE(headerOf(r, "content-type"), QByteArray("text/plain"));
    QCOMPARE(headerOf(r, "x-amz-tagging-count"), QByteArray("2"));
    QCOMPARE(content(QStringLiteral("copy2.txt")), QByteArray("source"));
    // Onto itself only with REPLACE.
    r = send(QStringLiteral("PUT"), QStringLiteral("/files/source.txt"), {{"x-amz-copy-source", "files/source.txt"}});
    QCOMPARE(r.status, 400);
    QVERIFY(r.body.contains("<Code>InvalidRequest</Code>"));
    // CopySourceIf*.
    r = send(QStringLiteral("PUT"), QStringLiteral("/files/copy3.txt"),
             {{"x-amz-copy-source", "files/source.txt"}, {"x-amz-copy-source-if-match", "\"nope\""}});
    QCOMPARE(r.status, 412);
    QVERIFY(r.body.contains("<Condition>x-amz-copy-source-If-Match</Condition>"));
    r = send(QStringLiteral("PUT"), QStringLiteral("/files/copy3.txt"),
             {{"x-amz-copy-source", "files/source.txt"},
              {"x-amz-copy-source-if-none-match", '"' + AwsWire::md5Hex("source").toLatin1() + '"'}});
    QCOMPARE(r.status, 412);
    QCOMPARE(content(QStringLiteral("copy3.txt")), QByteArray("<missing>"));
}

void TestS3Fidelity::multipartUpload()
{
    HttpResponseData r = send(QStringLiteral("POST"), QStringLiteral("/files/big.bin?uploads"),
                              {{"content-type", "application/x-big"}, {"x-amz-meta-kind", "parts"}});
    QCOMPARE(r.status, 200);
    const QString uploadId = elementOf(r.body, QStringLiteral("UploadId"));
    QCOMPARE(uploadId.size(), 32);
    const QByteArray part1(5 * 1024 * 1024, 'a'), part2("the end");
    const QString base = QStringLiteral("/files/big.bin?uploadId=") + uploadId;
    r = send(QStringLiteral("PUT"), base + QStringLiteral("&partNumber=2"), {}, part2);
    QCOMPARE(r.status, 200);
    const QByteArray etag2 = headerOf(r, "etag");
    QCOMPARE(etag2, '"' + AwsWire::md5Hex(part2).toLatin1() + '"');
    r = send(QStringLiteral("PUT"), base + QStringLiteral("&partNumber=1"), {{"content-md5", md5Base64(part1)}}, part1);
    QCOMPARE(r.status, 200);
    const QByteArray etag1 = headerOf(r, "etag");
    // In progress, listed; the object is not there yet.
    r = send(QStringLiteral("GET"), QStringLiteral("/files?uploads"));
    QVERIFY2(r.body.contains("<UploadId>" + uploadId.toLatin1() + "</UploadId>"), r.body.constData());
    r = send(QStringLiteral("GET"), base);
    QVERIFY2(r.body.contains("<PartNumber>1</PartNumber>"), r.body.constData());
    QVERIFY(r.body.contains("<Size>" + QByteArray::number(part1.size()) + "</Size>"));
    QVERIFY(r.body.indexOf("<PartNumber>1</PartNumber>") < r.body.indexOf("<PartNumber>2</PartNumber>"));
    QCOMPARE(send(QStringLiteral("HEAD"), QStringLiteral("/files/big.bin")).status, 404);
    const QByteArray complete = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + etag1
                                + "</ETag></Part><Part><PartNumber>2</PartNumber><ETag>" + etag2
                                + "</ETag></Part></CompleteMultipartUpload>";
    r = send(QStringLiteral("POST"), base, {}, complete);
    QVERIFY2(r.status == 200, r.body.constData());
    const QByteArray expected = AwsWire::md5Hex(QCryptographicHash::hash(part1, QCryptographicHash::Md5)
                                                + QCryptographicHash::hash(part2, QCryptographicHash::Md5))
                                    .toLatin1()
                                + "-2";
    QCOMPARE(elementOf(r.body, QStringLiteral("ETag")), "&quot;" + expected + "&quot;");
    r = send(QStringLiteral("GET"), QStringLiteral("/files/big.bin"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body == part1 + part2);
    QCOMPARE(headerOf(r, "etag"), '"' + expected + '"');
    QCOMPARE(headerOf(r, "content-type"), QByteArray("application/x-big"));
    QCOMPARE(headerOf(r, "x-amz-meta-kind"), QByteArray("parts"));
    // Ranges read from the assembled file.
    r = send(QStringLiteral("GET"), QStringLiteral("/files/big.bin"), {{"range", "bytes=5242879-5242882"}});
    QCOMPARE(r.status, 206);
    QCOMPARE(r.body, QByteArray("athe"));
    // Completed: the upload and its parts are gone.
    QCOMPARE(send(QStringLiteral("GET"), base).status, 404);
    QVERIFY(QDir(mCloud->cloud->state().directory() + QStringLiteral("/uploads/") + uploadId).isEmpty());
    QVERIFY(!QDir(mCloud->cloud->state().directory() + QStringLiteral("/uploads/") + uploadId).exists());
}

void TestS3Fidelity::multipartPartsAreChecked()
{
    const QString uploadId = elementOf(send(QStringLiteral("POST"), QStringLiteral("/files/checked.bin?uploads")).body,
                                       QStringLiteral("UploadId"));
    const QString base = QStringLiteral("/files/checked.bin?uploadId=") + uploadId;
    const QByteArray small1("small one"), small2("small two");
    const QByteArray etag1 = headerOf(send(QStringLiteral("PUT"), base + QStringLiteral("&partNumber=1"), {}, small1),
                                      "etag");
    const QByteArray etag2 = headerOf(send(QStringLiteral("PUT"), base + QStringLiteral("&partNumber=2"), {}, small2),
                                      "etag");
    auto part = [](int n, const QByteArray &etag) {
        return "<Part><PartNumber>" + QByteArray::number(n) + "</PartNumber><ETag>" + etag + "</ETag></Part>";
    };
    auto complete = [&](const QByteArray &parts) {
        return send(QStringLiteral("POST"), base, {},
                    "<CompleteMultipartUpload>" + parts + "</CompleteMultipartUpload>");
    };
    HttpResponseData r = complete(part(1, etag1) + part(2, etag2));
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("<Code>EntityTooSmall</Code>"), r.body.constData());
    r = complete(part(2, etag2) + part(1, etag1));
    QVERIFY2(r.body.contains("<Code>InvalidPartOrder</Code>"), r.body.constData());
    r = complete(part(1, "\"0123456789abcdef0123456789abcdef\""));
    QVERIFY2(r.body.contains("<Code>InvalidPart</Code>"), r.body.constData());
    r = complete(part(3, etag2));
    QVERIFY2(r.body.contains("<Code>InvalidPart</Code>"), r.body.constData());
    r = complete({});
    QVERIFY2(r.body.contains("<Code>MalformedXML</Code>"), r.body.constData());
    r = send(QStringLiteral("PUT"), base + QStringLiteral("&partNumber=10001"), {}, "x");
    QCOMPARE(r.status, 400);
    QVERIFY(r.body.contains("Part number must be an integer between 1 and 10000"));
    // The last part alone may be small; a part uploaded again replaces the first.
    send(QStringLiteral("PUT"), base + QStringLiteral("&partNumber=2"), {}, "replaced two");
    r = complete(part(2, '"' + AwsWire::md5Hex("replaced two").toLatin1() + '"'));
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(content(QStringLiteral("checked.bin")), QByteArray("replaced two"));
}

void TestS3Fidelity::multipartAbortRemovesParts()
{
    const QString uploadId = elementOf(
        send(QStringLiteral("POST"), QStringLiteral("/files/abandoned.bin?uploads")).body, QStringLiteral("UploadId"));
    const QString base = QStringLiteral("/files/abandoned.bin?uploadId=") + uploadId;
    QCOMPARE(send(QStringLiteral("PUT"), base + QStringLiteral("&partNumber=1"), {}, "part").status, 200);
    const QDir parts(mCloud->cloud->state().directory() + QStringLiteral("/uploads/") + uploadId);
    QCOMPARE(parts.entryList(QDir::Files).size(), 1);
    // An upload is one key's: another key's request does not find it.
    QCOMPARE(send(QStringLiteral("DELETE"), QStringLiteral("/files/keep.txt?uploadId=") + uploadId).status, 404);
    QCOMPARE(send(QStringLiteral("DELETE"), base).status, 204);
    QVERIFY(!parts.exists());
    QCOMPARE(send(QStringLiteral("GET"), base).status, 404);
    QVERIFY(!send(QStringLiteral("GET"), QStringLiteral("/files?uploads")).body.contains(uploadId.toLatin1()));
    QCOMPARE(send(QStringLiteral("HEAD"), QStringLiteral("/files/abandoned.bin")).status, 404);
}

void TestS3Fidelity::uploadPartCopy()
{
    const QString uploadId = elementOf(send(QStringLiteral("POST"), QStringLiteral("/files/copied.bin?uploads")).body,
                                       QStringLiteral("UploadId"));
    const QString base = QStringLiteral("/files/copied.bin?uploadId=") + uploadId;
    HttpResponseData r = send(QStringLiteral("PUT"), base + QStringLiteral("&partNumber=1"),
                              {{"x-amz-copy-source", "files/keep.txt"}, {"x-amz-copy-source-range", "bytes=4-7"}});
    QVERIFY2(r.status == 200, r.body.constData());
    QVERIFY(r.body.contains("<CopyPartResult"));
    const QString etag =
        elementOf(r.body, QStringLiteral("ETag")).replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    QCOMPARE(etag, u'"' + AwsWire::md5Hex("body") + u'"');
    r = send(QStringLiteral("PUT"), base + QStringLiteral("&partNumber=2"),
             {{"x-amz-copy-source", "files/keep.txt"}, {"x-amz-copy-source-range", "bytes=4-700"}});
    QCOMPARE(r.status, 400);
    QVERIFY(r.body.contains("Range specified is not valid for source object of size: 26"));
    r = send(QStringLiteral("POST"), base, {},
             "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + etag.toLatin1()
                 + "</ETag></Part></CompleteMultipartUpload>");
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(content(QStringLiteral("copied.bin")), QByteArray("body"));
}

void TestS3Fidelity::conditionalGet_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("status");
    const QByteArray etag = '"' + AwsWire::md5Hex(kBody).toLatin1() + '"';
    QTest::newRow("If-Match same") << QByteArray("if-match") << etag << 200;
    QTest::newRow("If-Match other") << QByteArray("if-match") << QByteArray("\"abc\"") << 412;
    QTest::newRow("If-Match *") << QByteArray("if-match") << QByteArray("*") << 200;
    QTest::newRow("If-None-Match same") << QByteArray("if-none-match") << etag << 304;
    QTest::newRow("If-None-Match other") << QByteArray("if-none-match") << QByteArray("\"abc\"") << 200;
    QTest::newRow("If-Modified-Since past")
        << QByteArray("if-modified-since") << QByteArray("Sat, 01 Jan 2000 00:00:00 GMT") << 200;
    QTest::newRow("If-Modified-Since future")
        << QByteArray("if-modified-since") << QByteArray("Fri, 01 Jan 2100 00:00:00 GMT") << 304;
    QTest::newRow("If-Unmodified-Since past")
        << QByteArray("if-unmodified-since") << QByteArray("Sat, 01 Jan 2000 00:00:00 GMT") << 412;
    QTest::newRow("If-Unmodified-Since future")
        << QByteArray("if-unmodified-since") << QByteArray("Fri, 01 Jan 2100 00:00:00 GMT") << 200;
}

void TestS3Fidelity::conditionalGet()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(int, status);
    for (const QString &method : {QStringLiteral("GET"), QStringLiteral("HEAD")}) {
        const HttpResponseData r = send(method, QStringLiteral("/files/keep.txt"), {{name, value}});
        QVERIFY2(r.status == status, qPrintable(method + QString::number(r.status)));
        if (status == 412)
            QVERIFY(r.body.contains("<Code>PreconditionFailed</Code>"));
        if (status != 200)
            QVERIFY(!r.body.contains(kBody));
    }
    // If-Match decides over If-Unmodified-Since, If-None-Match over If-Modified-Since.
    const QByteArray etag = '"' + AwsWire::md5Hex(kBody).toLatin1() + '"';
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/keep.txt"),
                  {{"if-match", etag}, {"if-unmodified-since", "Sat, 01 Jan 2000 00:00:00 GMT"}})
                 .status,
             200);
    QCOMPARE(send(QStringLiteral("GET"), QStringLiteral("/files/keep.txt"),
                  {{"if-none-match", etag}, {"if-modified-since", "Sat, 01 Jan 2000 00:00:00 GMT"}})
                 .status,
             304);
}

void TestS3Fidelity::conditionalPut()
{
    // The lock pattern: the first writer wins, the second gets 412.
    HttpResponseData r = send(QStringLiteral("PUT"), QStringLiteral("/files/lock"), {{"if-none-match", "*"}}, "me");
    QCOMPARE(r.status, 200);
    r = send(QStringLiteral("PUT"), QStringLiteral("/files/lock"), {{"if-none-match", "*"}}, "you");
    QCOMPARE(r.status, 412);
    QVERIFY(r.body.contains("<Condition>If-None-Match</Condition>"));
    QCOMPARE(content(QStringLiteral("lock")), QByteArray("me"));
    // If-Match: only over the version read.
    r = send(QStringLiteral("PUT"), QStringLiteral("/files/lock"), {{"if-match", "\"0000\""}}, "you");
    QCOMPARE(r.status, 412);
    r = send(QStringLiteral("PUT"), QStringLiteral("/files/lock"),
             {{"if-match", '"' + AwsWire::md5Hex("me").toLatin1() + '"'}}, "us");
    QCOMPARE(r.status, 200);
    QCOMPARE(content(QStringLiteral("lock")), QByteArray("us"));
    r = send(QStringLiteral("PUT"), QStringLiteral("/files/nothing-yet"), {{"if-match", "\"0000\""}}, "x");
    QCOMPARE(r.status, 404);
    // DeleteObject with If-Match.
    QCOMPARE(send(QStringLiteral("DELETE"), QStringLiteral("/files/lock"), {{"if-match", "\"0000\""}}).status, 412);
    QCOMPARE(content(QStringLiteral("lock")), QByteArray("us"));
}

void TestS3Fidelity::digests_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    const QByteArray body = "123456789";
    auto be32 = [](quint32 v) {
        const char bytes[] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
        return QByteArray(bytes, 4).toBase64();
    };
    QTest::newRow("Content-MD5") << QByteArray("content-md5") << md5Base64(body) << 200 << QByteArray();
    QTest::newRow("Content-MD5 other") << QByteArray("content-md5") << md5Base64("other") << 400
                                       << QByteArray("<Code>BadDigest</Code>");
    QTest::newRow("Content-MD5 invalid") << QByteArray("content-md5") << QByteArray("nope") << 400
                                         << QByteArray("<Code>InvalidDigest</Code>");
    // The check values of the CRC catalogue for "123456789".
    QTest::newRow("CRC32") << QByteArray("x-amz-checksum-crc32") << be32(0xCBF43926u) << 200 << QByteArray();
    QTest::newRow("CRC32 other") << QByteArray("x-amz-checksum-crc32") << be32(0xCBF43927u) << 400
                                 << QByteArray("The CRC32 you specified did not match");
    QTest::newRow("CRC32C") << QByteArray("x-amz-checksum-crc32c") << be32(0xE3069283u) << 200 << QByteArray();
    QTest::newRow("CRC32C other") << QByteArray("x-amz-checksum-crc32c") << be32(0xCBF43926u) << 400
                                  << QByteArray("<Code>BadDigest</Code>");
    QTest::newRow("CRC64NVME") << QByteArray("x-amz-checksum-crc64nvme")
                               << QByteArray::fromHex("ae8b14860a799888").toBase64() << 200 << QByteArray();
    QTest::newRow("SHA1") << QByteArray("x-amz-checksum-sha1")
                          << QCryptographicHash::hash(body, QCryptographicHash::Sha1).toBase64() << 200 << QByteArray();
    QTest::newRow("SHA256") << QByteArray("x-amz-checksum-sha256")
                            << QCryptographicHash::hash(body, QCryptographicHash::Sha256).toBase64() << 200
                            << QByteArray();
    QTest::newRow("SHA256 other") << QByteArray("x-amz-checksum-sha256")
                                  << QCryptographicHash::hash("x", QCryptographicHash::Sha256).toBase64() << 400
                                  << QByteArray("<Code>BadDigest</Code>");
}

void TestS3Fidelity::digests()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    HttpResponseData r = send(QStringLiteral("PUT"), QStringLiteral("/files/digest"), {{name, value}}, "123456789");
    QVERIFY2(r.status == status, r.body.constData());
    QVERIFY2(r.body.contains(code), r.body.constData());
    QCOMPARE(content(QStringLiteral("digest")), status == 200 ? QByteArray("123456789") : QByteArray("<missing>"));
    if (status == 200 && name.startsWith("x-amz-checksum-"))
        QCOMPARE(headerOf(r, name), value); // echoed
    // The same check on a checksum in an aws-chunked trailer, as the SDKs stream.
    if (!name.startsWith("x-amz-checksum-"))
        return;
    const QByteArray chunked = "9;chunk-signature=00\r\n123456789\r\n0;chunk-signature=00\r\n" + name + ':' + value
                               + "\r\n\r\n";
    r = send(QStringLiteral("PUT"), QStringLiteral("/files/digest-trailer"),
             {{"content-encoding", "aws-chunked"}, {"x-amz-trailer", name}}, chunked);
    QVERIFY2(r.status == status, r.body.constData());
}

void TestS3Fidelity::presignedUrlExpires()
{
    const QString now = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString presign = QStringLiteral(
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20200101%2Fus-east-1%2Fs3%2Faws4_request"
        "&X-Amz-SignedHeaders=host&X-Amz-Signature=00&X-Amz-Expires=");
    HttpResponseData r = send(QStringLiteral("GET"),
                              QStringLiteral("/files/keep.txt?") + presign + QStringLiteral("900&X-Amz-Date=") + now);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, kBody);
    r = send(QStringLiteral("GET"),
             QStringLiteral("/files/keep.txt?") + presign + QStringLiteral("60&X-Amz-Date=20200101T000000Z"));
    QCOMPARE(r.status, 403);
    QVERIFY(r.body.contains("<Code>AccessDenied</Code><Message>Request has expired</Message>"));
    QVERIFY(r.body.contains("<Expires>2020-01-01T00:01:00Z</Expires>"));
    // A presigned PUT past its time stores nothing.
    r = send(QStringLiteral("PUT"),
             QStringLiteral("/files/late.txt?") + presign + QStringLiteral("60&X-Amz-Date=20200101T000000Z"), {},
             "late");
    QCOMPARE(r.status, 403);
    QCOMPARE(content(QStringLiteral("late.txt")), QByteArray("<missing>"));
    r = send(QStringLiteral("GET"),
             QStringLiteral("/files/keep.txt?") + presign + QStringLiteral("604801&X-Amz-Date=") + now);
    QCOMPARE(r.status, 400);
    QVERIFY(r.body.contains("AuthorizationQueryParametersError"));
}

void TestS3Fidelity::largeBodiesAreStreamedFromDisk_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("length"); // 0: answered in memory
    const qint64 big = 3 * 1024 * 1024;
    QTest::newRow("whole large object") << big << QByteArray() << qint64(0) << big;
    QTest::newRow("large range") << big << QByteArray("bytes=1048576-") << qint64(1048576) << big - 1048576;
    QTest::newRow("suffix range") << big << QByteArray("bytes=-2097152") << big - 2097152 << qint64(2097152);
    QTest::newRow("small range of a large object") << big << QByteArray("bytes=10-19") << qint64(0) << qint64(0);
    QTest::newRow("small object") << qint64(1000) << QByteArray() << qint64(0) << qint64(0);
}

void TestS3Fidelity::largeBodiesAreStreamedFromDisk()
{
    QFETCH(qint64, size);
    QFETCH(QByteArray, range);
    QFETCH(qint64, from);
    QFETCH(qint64, length);
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(i * 7 % 251);
    QCOMPARE(send(QStringLiteral("PUT"), QStringLiteral("/files/large.bin"), {}, data).status, 200);
    // As the endpoint's server asks: a body from a file may be streamed.
    AwsRequest request;
    request.method = QStringLiteral("GET");
    request.path = QStringLiteral("/files/large.bin");
    request.host = QStringLiteral("127.0.0.1");
    request.headers = {{"host", "127.0.0.1:4566"}};
    if (!range.isEmpty())
        request.headers.append({"range", range});
    request.bodyFile = std::make_shared<BodyFile>();
    std::optional<HttpResponseData> answer;
    mEndpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    QVERIFY(answer);
    QCOMPARE(answer->status, range.isEmpty() ? 200 : 206);
    if (length == 0) {
        QVERIFY(request.bodyFile->path.isEmpty());
        QVERIFY(!answer->body.isEmpty());
        return;
    }
    // Nothing read here: the server sends the file's part, which holds the bytes asked for.
    QVERIFY(answer->body.isEmpty());
    QCOMPARE(headerOf(*answer, "content-length"), QByteArray::number(length));
    QCOMPARE(request.bodyFile->from, from);
    QCOMPARE(request.bodyFile->length, length);
    QFile file(request.bodyFile->path);
    QVERIFY(file.open(QIODevice::ReadOnly) && file.seek(from));
    QCOMPARE(file.read(length), data.mid(from, length));
    QVERIFY(file.fileName().startsWith(mCloud->cloud->state().directory()));
}

QTEST_GUILESS_MAIN(TestS3Fidelity)
#include "tst_s3fidelity.moc"
