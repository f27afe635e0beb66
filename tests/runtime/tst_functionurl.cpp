// Function URLs (issue 20 item 5): the gateway serves a function's URL at /_url/<name>/
// with the Function URL event, AWS_IAM auth (unsigned refused with 403), CORS for the
// origins configured, and in RESPONSE_STREAM mode the chunks of an
// awslambda.streamifyResponse handler as it writes them (chunked transfer encoding).

#include "cloudfixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <future>

using namespace Nimbus;
using namespace NimbusTest;

namespace {

// Each chunk curl delivers and the milliseconds since the request started.
struct TimedChunks
{
    QElapsedTimer clock;
    QList<QPair<qint64, QByteArray>> chunks;
};

size_t recordChunk(char *data, size_t size, size_t count, void *target)
{
    auto *timed = static_cast<TimedChunks *>(target);
    timed->chunks.append({timed->clock.elapsed(), QByteArray(data, qsizetype(size * count))});
    return size * count;
}

struct StreamedReply
{
    long status = 0;
    QByteArray headers;
    TimedChunks timed;
};

StreamedReply streamedGet(const QByteArray &url)
{
    StreamedReply reply;
    CURL *curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, recordChunk);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.timed);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collectCurlData);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply.headers);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    reply.timed.clock.start();
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    curl_easy_cleanup(curl);
    return reply;
}

const QByteArray kEcho = R"(exports.handler = async (event) => ({
    statusCode: 201,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rawPath: event.rawPath, routeKey: event.routeKey, query: event.queryStringParameters,
                           context: event.requestContext, body: event.body }),
});
)";

} // namespace

class TestFunctionUrl : public QObject
{
    Q_OBJECT

private slots:
    void servesTheFunctionUrlEvent();
    void awsIamRefusesUnsignedRequests();
    void corsForConfiguredOrigins();
    void streamsChunksAsTheHandlerWritesThem();
    void streamedPreludeSetsStatusAndHeaders();
};

void TestFunctionUrl::servesTheFunctionUrlEvent()
{
    LocalCloudFixture f;
    const NodeId echo = f.addFunction(QStringLiteral("echo"), kEcho);
    QVERIFY(f.project.setNodeProperty(echo, QStringLiteral("functionUrl"), true));
    QVERIFY(f.project.setNodeProperty(echo, QStringLiteral("functionUrlAuth"), QStringLiteral("NONE")));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    QCOMPARE(f.gateway->functionUrls().size(), 1);
    const QByteArray url = (f.gateway->url() + FunctionUrl::pathOf(QStringLiteral("echo"))).toUtf8();
    const HttpReply reply = httpRequest("POST", url + "items/7?x=1", "hello", {"Content-Type: text/plain"});
    QCOMPARE(reply.status, 201L);
    const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(answer.value("rawPath").toString(), QStringLiteral("/items/7"));
    // A function URL hands the path as it was sent, percent-encoded.
    const HttpReply encoded = httpRequest("POST", url + "items/a%20b%2Fc", "", {"Content-Type: text/plain"});
    QCOMPARE(encoded.status, 201L);
    const QJsonObject encodedAnswer = QJsonDocument::fromJson(encoded.body).object();
    QCOMPARE(encodedAnswer.value("rawPath").toString(), QStringLiteral("/items/a%20b%2Fc"));
    QCOMPARE(encodedAnswer.value("context").toObject().value("http").toObject().value("path").toString(),
             QStringLiteral("/items/a%20b%2Fc"));
    QCOMPARE(answer.value("routeKey").toString(), QStringLiteral("$default"));
    QCOMPARE(answer.value("query").toObject().value("x").toString(), QStringLiteral("1"));
    QCOMPARE(answer.value("body").toString(), QStringLiteral("hello"));
    const QJsonObject context = answer.value("context").toObject();
    QCOMPARE(context.value("domainName").toString(), QStringLiteral("echo.lambda-url.us-east-1.on.aws"));
    QCOMPARE(context.value("accountId").toString(), QStringLiteral("anonymous"));
    QCOMPARE(context.value("http").toObject().value("method").toString(), QStringLiteral("POST"));
    // A function without a URL has none.
    f.addFunction(QStringLiteral("other"), kEcho);
    QCOMPARE(httpRequest("GET", (f.gateway->url() + QStringLiteral("/_url/other/")).toUtf8()).status, 404L);
}

void TestFunctionUrl::awsIamRefusesUnsignedRequests()
{
    LocalCloudFixture f;
    const NodeId echo = f.addFunction(QStringLiteral("echo"), kEcho);
    QVERIFY(f.project.setNodeProperty(echo, QStringLiteral("functionUrl"), true));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const QByteArray url = (f.gateway->url() + FunctionUrl::pathOf(QStringLiteral("echo"))).toUtf8();
    const HttpReply unsigned_ = httpRequest("GET", url);
    QCOMPARE(unsigned_.status, 403L);
    QCOMPARE(unsigned_.body, QByteArray(R"({"Message":"Forbidden"})"));
    const HttpReply signedReply = httpRequest(
        "GET", url, {},
        {"Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20270101/us-east-1/lambda/aws4_request, "
         "SignedHeaders=host;x-amz-date, Signature=0123456789abcdef",
         "X-Amz-Date: 20270101T000000Z"});
    QCOMPARE(signedReply.status, 201L);
    const QJsonObject iam = QJsonDocument::fromJson(signedReply.body)
                                .object()
                                .value("context")
                                .toObject()
                                .value("authorizer")
                                .toObject()
                                .value("iam")
                                .toObject();
    QCOMPARE(iam.value("accessKey").toString(), QStringLiteral("AKIDEXAMPLE"));
}

void TestFunctionUrl::corsForConfiguredOrigins()
{
    LocalCloudFixture f;
    const NodeId echo = f.addFunction(QStringLiteral("echo"), kEcho);
    QVERIFY(f.project.setNodeProperty(echo, QStringLiteral("functionUrl"), true));
    QVERIFY(f.project.setNodeProperty(echo, QStringLiteral("functionUrlAuth"), QStringLiteral("NONE")));
    QVERIFY(
        f.project.setNodeProperty(echo, QStringLiteral("functionUrlCors"), QStringLiteral("http://localhost:5173")));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const QByteArray url = (f.gateway->url() + FunctionUrl::pathOf(QStringLiteral("echo"))).toUtf8();
    const HttpReply allowed = httpRequest("GET", url, {}, {"Origin: http://localhost:5173"});
    QCOMPARE(allowed.status, 201L);
    QVERIFY2(allowed.headers.toLower().contains("access-control-allow-origin: http://localhost:5173"),
             allowed.headers.constData());
    const HttpReply other = httpRequest("GET", url, {}, {"Origin: http://localhost:8080"});
    QVERIFY(!other.headers.toLower().contains("access-control-allow-origin"));
    const HttpReply preflight = httpRequest("OPTIONS", url, {},
                                            {"Origin: http://localhost:5173", "Access-Control-Request-Method: POST"});
    QCOMPARE(preflight.status, 200L);
    QVERIFY(preflight.headers.toLower().contains("access-control-allow-methods"));
}

void TestFunctionUrl::streamsChunksAsTheHandlerWritesThem()
{
    LocalCloudFixture f;
    const NodeId stream = f.addFunction(QStringLiteral("stream"), R"(
exports.handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
    responseStream.write("a");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    responseStream.write("b");
    responseStream.end();
});
)");
    QVERIFY(f.project.setNodeProperty(stream, QStringLiteral("functionUrl"), true));
    QVERIFY(f.project.setNodeProperty(stream, QStringLiteral("functionUrlAuth"), QStringLiteral("NONE")));
    QVERIFY(f.project.setNodeProperty(stream, QStringLiteral("invokeMode"), QStringLiteral("RESPONSE_STREAM")));
    QVERIFY(f.project.setNodeProperty(stream, QStringLiteral("timeout"), 10));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const QByteArray url = (f.gateway->url() + FunctionUrl::pathOf(QStringLiteral("stream"))).toUtf8();
    auto future = std::async(std::launch::async, streamedGet, url);
    QVERIFY(QTest::qWaitFor([&] { return future.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; },
                            30000));
    const StreamedReply reply = future.get();
    QCOMPARE(reply.status, 200L);
    QVERIFY2(reply.headers.toLower().contains("transfer-encoding: chunked"), reply.headers.constData());
    QByteArray body;
    for (const auto &chunk : reply.timed.chunks)
        body += chunk.second;
    QCOMPARE(body, QByteArray("ab"));
    // "a" arrived on its own, before the handler wrote "b" (a second later) and ended.
    QVERIFY(reply.timed.chunks.size() >= 2);
    QCOMPARE(reply.timed.chunks.first().second, QByteArray("a"));
    QVERIFY2(reply.timed.chunks.last().first - reply.timed.chunks.first().first >= 500,
             qPrintable(QStringLiteral("first at %1 ms, last at %2 ms")
                            .arg(reply.timed.chunks.first().first)
                            .arg(reply.timed.chunks.last().first)));
}

void TestFunctionUrl::streamedPreludeSetsStatusAndHeaders()
{
    LocalCloudFixture f;
    const NodeId stream = f.addFunction(QStringLiteral("page"), R"(
exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
    responseStream = awslambda.HttpResponseStream.from(responseStream, {
        statusCode: 202, headers: { "content-type": "text/html", "x-custom": "yes" }, cookies: ["a=1"] });
    responseStream.write("<p>one</p>");
    responseStream.end("<p>two</p>");
});
)");
    QVERIFY(f.project.setNodeProperty(stream, QStringLiteral("functionUrl"), true));
    QVERIFY(f.project.setNodeProperty(stream, QStringLiteral("functionUrlAuth"), QStringLiteral("NONE")));
    QVERIFY(f.project.setNodeProperty(stream, QStringLiteral("invokeMode"), QStringLiteral("RESPONSE_STREAM")));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const HttpReply reply = httpRequest("GET",
                                        (f.gateway->url() + FunctionUrl::pathOf(QStringLiteral("page"))).toUtf8());
    QCOMPARE(reply.status, 202L);
    QCOMPARE(reply.body, QByteArray("<p>one</p><p>two</p>"));
    const QByteArray headers = reply.headers.toLower();
    QVERIFY2(headers.contains("content-type: text/html"), reply.headers.constData());
    QVERIFY(headers.contains("x-custom: yes"));
    QVERIFY(headers.contains("set-cookie: a=1"));
}

QTEST_GUILESS_MAIN(TestFunctionUrl)
#include "tst_functionurl.moc"
