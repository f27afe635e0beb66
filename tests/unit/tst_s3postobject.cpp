// Presigned POST form uploads (issue 23 item 1), as browsers send them and S3 checks
// them: multipart/form-data with the key (and ${filename}), the policy's expiration and
// each condition (exact, eq, starts-with, content-length-range), every field covered
// by one, the signature fields, success_action_status / success_action_redirect, and
// the stored type, metadata and tags. The endpoint is driven directly, as the server
// does; each case follows AWS's "Creating an HTML form" and POST policy documents.

#include "cloud/awswire.h"
#include "cloudfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

using Fields = QList<QPair<QByteArray, QByteArray>>;

const QByteArray kBoundary = "----nimbusFormBoundary7MA4YWxkTrZu0gW";

QByteArray form(const Fields &fields, const QByteArray &file, const QByteArray &fileName = "photo.png")
{
    QByteArray body;
    for (const auto &[name, value] : fields)
        body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file + "\r\n--" + kBoundary + "--\r\n";
    return body;
}

QByteArray policy(const QJsonArray &conditions, qint64 secondsLeft = 600)
{
    const QJsonObject document{
        {"expiration", QDateTime::currentDateTimeUtc().addSecs(secondsLeft).toString(Qt::ISODateWithMs)},
        {"conditions", conditions}};
    return QJsonDocument(document).toJson(QJsonDocument::Compact).toBase64();
}

// The fields a SigV4 presigned POST carries beside its own (boto3's and the JS SDK's).
Fields signedFields(const QByteArray &key, const QJsonArray &extraConditions, const Fields &extraFields = {},
                    qint64 secondsLeft = 600)
{
    QJsonArray conditions{QJsonObject{{"bucket", "files"}}, QJsonObject{{"key", QString::fromUtf8(key)}},
                          QJsonObject{{"x-amz-algorithm", "AWS4-HMAC-SHA256"}},
                          QJsonObject{{"x-amz-credential", "local/20260101/us-east-1/s3/aws4_request"}},
                          QJsonObject{{"x-amz-date", "20260101T000000Z"}}};
    for (const QJsonValue &c : extraConditions)
        conditions.append(c);
    Fields fields{{"key", key},
                  {"x-amz-algorithm", "AWS4-HMAC-SHA256"},
                  {"x-amz-credential", "local/20260101/us-east-1/s3/aws4_request"},
                  {"x-amz-date", "20260101T000000Z"}};
    fields += extraFields;
    fields += {{"policy", policy(conditions, secondsLeft)}, {"x-amz-signature", "0123abcd"}};
    return fields;
}

} // namespace

class TestS3PostObject : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void policyIsChecked_data();
    void policyIsChecked();
    void successAction_data();
    void successAction();
    void storesWhatTheFormSays();
    void notAForm();

private:
    HttpResponseData post(const QByteArray &body, const QByteArray &contentType = {});

    std::unique_ptr<NimbusTest::LocalCloudFixture> mCloud;
    AwsEndpoint *mEndpoint = nullptr;
};

void TestS3PostObject::init()
{
    mCloud = std::make_unique<NimbusTest::LocalCloudFixture>();
    QVERIFY2(mCloud->startAwsProject(), qPrintable(mCloud->error));
    mEndpoint = mCloud->endpoint.get();
}

void TestS3PostObject::cleanup()
{
    mEndpoint = nullptr;
    mCloud.reset();
}

HttpResponseData TestS3PostObject::post(const QByteArray &body, const QByteArray &contentType)
{
    AwsRequest request;
    request.method = QStringLiteral("POST");
    request.path = QStringLiteral("/files");
    request.headers = {
        {"host", "127.0.0.1:4566"},
        {"content-type", contentType.isEmpty() ? "multipart/form-data; boundary=" + kBoundary : contentType}};
    request.host = QStringLiteral("127.0.0.1");
    request.body = body;
    std::optional<HttpResponseData> answer;
    mEndpoint->handle(request, [&](const HttpResponseData &r) { answer = r; });
    return answer.value_or(HttpResponseData{0, {}, {}, {}});
}

void TestS3PostObject::policyIsChecked_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("stored"); // the key stored, or empty for none

    const QByteArray file = "png bytes";
    QTest::newRow("signed V4") << form(signedFields("up/a.png", {}), file) << 204 << QByteArray()
                               << QStringLiteral("up/a.png");
    QTest::newRow("${filename}") << form(
        signedFields("up/${filename}", {QJsonValue(QJsonArray{"starts-with", "$key", "up/"})}), file, "cat.png")
                                 << 403 << QByteArray("Policy Condition failed") << QString();
    QTest::newRow("${filename} with starts-with")
        << form(Fields{{"key", "up/${filename}"},
                       {"policy", policy({QJsonObject{{"bucket", "files"}}, QJsonArray{"starts-with", "$key", "up/"}})},
                       {"AWSAccessKeyId", "local"},
                       {"signature", "abc"}},
                file, "cat.png")
        << 204 << QByteArray() << QStringLiteral("up/cat.png");
    QTest::newRow("expired") << form(signedFields("up/a.png", {}, {}, -60), file) << 403
                             << QByteArray("Invalid according to Policy: Policy expired.") << QString();
    QTest::newRow("other bucket") << form(
        Fields{{"key", "a"},
               {"policy", policy({QJsonObject{{"bucket", "other"}}, QJsonObject{{"key", "a"}}})},
               {"AWSAccessKeyId", "local"},
               {"signature", "abc"}},
        file) << 403 << QByteArray("Policy Condition failed: {&quot;bucket&quot;:&quot;other&quot;}")
                                  << QString();
    QTest::newRow("wrong key")
        << form(Fields{{"key", "elsewhere.png"},
                       {"policy", policy({QJsonObject{{"bucket", "files"}}, QJsonArray{"starts-with", "$key", "up/"}})},
                       {"AWSAccessKeyId", "local"},
                       {"signature", "abc"}},
                file)
        << 403 << QByteArray("Policy Condition failed: [&quot;starts-with&quot;,&quot;$key&quot;,&quot;up/&quot;]")
        << QString();
    QTest::newRow("field without a condition")
        << form(signedFields("up/a.png", {}, {{"x-amz-meta-owner", "mallory"}}), file) << 403
        << QByteArray("Extra input fields: x-amz-meta-owner") << QString();
    QTest::newRow("x-ignore- fields need none")
        << form(signedFields("up/a.png", {}, {{"x-ignore-tracking", "1"}}), file) << 204 << QByteArray()
        << QStringLiteral("up/a.png");
    QTest::newRow("eq on Content-Type") << form(
        signedFields("up/a.png", {QJsonValue(QJsonArray{"eq", "$Content-Type", "image/png"})},
                     {{"Content-Type", "image/gif"}}),
        file) << 403 << QByteArray("Policy Condition failed")
                                        << QString();
    QTest::newRow("too large") << form(signedFields("up/a.png", {QJsonValue(QJsonArray{"content-length-range", 1, 4})}),
                                       file)
                               << 400 << QByteArray("EntityTooLarge") << QString();
    QTest::newRow("too small") << form(
        signedFields("up/a.png", {QJsonValue(QJsonArray{"content-length-range", 100, 200})}), file)
                               << 400 << QByteArray("EntityTooSmall") << QString();
    QTest::newRow("within range") << form(
        signedFields("up/a.png", {QJsonValue(QJsonArray{"content-length-range", 1, 100})}), file)
                                  << 204 << QByteArray() << QStringLiteral("up/a.png");
    QTest::newRow("no policy") << form(Fields{{"key", "up/a.png"}, {"AWSAccessKeyId", "local"}, {"signature", "x"}},
                                       file)
                               << 400 << QByteArray("a field named 'policy'") << QString();
    QTest::newRow("anonymous") << form(Fields{{"key", "up/a.png"}}, file) << 403 << QByteArray("AccessDenied")
                               << QString();
    QTest::newRow("no key") << form(Fields{{"policy", policy({})}, {"x-amz-signature", "x"}}, file) << 400
                            << QByteArray("a field named 'key'") << QString();
    QTest::newRow("no file") << QByteArray("--" + kBoundary
                                           + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\na"
                                             "\r\n--"
                                           + kBoundary + "--\r\n")
                             << 400 << QByteArray("POST requires exactly one file upload per request.") << QString();
    QTest::newRow("policy not JSON") << form(Fields{{"key", "a"}, {"policy", "bm90IGpzb24="}, {"signature", "x"}}, file)
                                     << 400 << QByteArray("InvalidPolicyDocument") << QString();
    QTest::newRow("policy without expiration") << form(
        Fields{{"key", "a"}, {"policy", QByteArray(R"({"conditions":[]})").toBase64()}, {"signature", "x"}}, file)
                                               << 400 << QByteArray("Policy missing expiration.") << QString();
    Fields many;
    for (int i = 0; i < 101; ++i)
        many.append({"x-ignore-" + QByteArray::number(i), "1"});
    QTest::newRow("over 100 fields") << form(signedFields("up/a.png", {}, many), file) << 400
                                     << QByteArray("MalformedPOSTRequest") << QString();
    QTest::newRow("not multipart") << QByteArray("key=a") << 400 << QByteArray("MalformedPOSTRequest") << QString();
}

void TestS3PostObject::policyIsChecked()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    QFETCH(QString, stored);
    const HttpResponseData r = post(body);
    QVERIFY2(r.status == status, qPrintable(QString::number(r.status) + QLatin1Char(' ') + QString::fromUtf8(r.body)));
    QVERIFY2(r.body.contains(answer), r.body.constData());
    const QList<StoredObject> objects = mCloud->cloud->state().listObjects(QStringLiteral("files"),
                                                                           QStringLiteral("up/"));
    if (stored.isEmpty()) {
        QVERIFY(objects.isEmpty());
    } else {
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects.first().key, stored);
        QCOMPARE(mCloud->cloud->state().getObject(QStringLiteral("files"), stored).valueOr({}),
                 QByteArray("png bytes"));
    }
}

void TestS3PostObject::successAction_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answer");
    QTest::newRow("default") << QByteArray() << QByteArray() << 204 << QByteArray();
    QTest::newRow("200") << QByteArray("success_action_status") << QByteArray("200") << 200 << QByteArray();
    QTest::newRow("201") << QByteArray("success_action_status") << QByteArray("201") << 201
                         << QByteArray("<PostResponse");
    QTest::newRow("other") << QByteArray("success_action_status") << QByteArray("404") << 204 << QByteArray();
    QTest::newRow("redirect") << QByteArray("success_action_redirect") << QByteArray("http://localhost:3000/done")
                              << 303 << QByteArray();
}

void TestS3PostObject::successAction()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, value);
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    QJsonArray conditions;
    Fields extra;
    if (!field.isEmpty()) {
        conditions.append(QJsonObject{{QString::fromLatin1(field), QString::fromLatin1(value)}});
        extra.append({field, value});
    }
    const HttpResponseData r = post(form(signedFields("up/a.png", conditions, extra), "png bytes"));
    QCOMPARE(r.status, status);
    QVERIFY2(r.body.contains(answer), r.body.constData());
    QCOMPARE(headerOf(r, "etag"), QByteArray("\"") + AwsWire::md5Hex("png bytes").toLatin1() + '"');
    if (status == 303) {
        QVERIFY2(headerOf(r, "location").startsWith("http://localhost:3000/done?bucket=files&key=up/a.png&etag="),
                 headerOf(r, "location").constData());
    } else {
        QVERIFY(headerOf(r, "location").endsWith("/files/up/a.png"));
    }
    if (status == 201)
        QVERIFY(r.body.contains("<Key>up/a.png</Key>"));
}

void TestS3PostObject::storesWhatTheFormSays()
{
    const QByteArray tagging = "<Tagging><TagSet><Tag><Key>stage</Key><Value>dev</Value></Tag></TagSet></Tagging>";
    const HttpResponseData r = post(
        form(signedFields("up/a.png",
                          {QJsonArray{"starts-with", "$Content-Type", "image/"},
                           QJsonObject{{"x-amz-meta-owner", "ada"}}, QJsonObject{{"Cache-Control", "max-age=60"}},
                           QJsonObject{{"tagging", QString::fromLatin1(tagging)}}},
                          {{"Content-Type", "image/png"},
                           {"x-amz-meta-owner", "ada"},
                           {"Cache-Control", "max-age=60"},
                           {"tagging", tagging}}),
             "png bytes"));
    QVERIFY2(r.status == 204, r.body.constData());
    const Result<StoredObject> object = mCloud->cloud->state().objectInfo(QStringLiteral("files"),
                                                                          QStringLiteral("up/a.png"));
    QVERIFY(object);
    QCOMPARE(object->contentType, QStringLiteral("image/png"));
    QCOMPARE(object->headers.value(QStringLiteral("x-amz-meta-owner")), QStringLiteral("ada"));
    QCOMPARE(object->headers.value(QStringLiteral("cache-control")), QStringLiteral("max-age=60"));
    QCOMPARE(object->tags.value(QStringLiteral("stage")), QStringLiteral("dev"));
}

void TestS3PostObject::notAForm()
{
    const HttpResponseData r = post("key=a", "application/octet-stream");
    QCOMPARE(r.status, 412);
    QVERIFY(r.body.contains("multipart/form-data"));
}

QTEST_GUILESS_MAIN(TestS3PostObject)
#include "tst_s3postobject.moc"
