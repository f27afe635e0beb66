// The local API gateway over real HTTP (libcurl, from another thread) to real Node.js
// functions: parameters, queries, bodies, answers, and every status API Gateway gives.

#include "cloudfixture.h"

#include <curl/curl.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <future>

using namespace Nimbus;

using NimbusTest::HttpReply;

class TestGateway : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void requests_data();
    void requests();
    void corsPreflight();
    void oversizedBody();
    void concurrentRequestsAndThrottling();
    void eachRequestIsLogged();
    void failedAnswersAreLoggedFailed_data();
    void failedAnswersAreLoggedFailed();
    void unmatchedRoutesAreLogged();
    void clientHangsUpBeforeTheAnswer();

private:
    NodeId function(const QString &name, const QByteArray &code, int timeout = 3);
    HttpReply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                      QList<QByteArray> headers = {})
    {
        return mLocal->request(method, path, body, headers);
    }

    // The last hop logged for this request (source "GET /x"), nullptr if none.
    const CloudLogEntry *lastHopOf(const QString &request) const;

    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
};

const CloudLogEntry *TestGateway::lastHopOf(const QString &request) const
{
    const auto it = std::find_if(mLocal->cloud->log().crbegin(), mLocal->cloud->log().crend(),
                                 [&request](const CloudLogEntry &e) { return e.source == request; });
    return it == mLocal->cloud->log().crend() ? nullptr : &*it;
}

NodeId TestGateway::function(const QString &name, const QByteArray &code, int timeout)
{
    const NodeId id = mLocal->addFunction(name, code);
    (void)mLocal->project.setNodeProperty(id, QStringLiteral("timeout"), timeout);
    return id;
}

void TestGateway::initTestCase()
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    const NodeId getter = function(
        QStringLiteral("getItem"),
        "exports.handler = async (e) => ({ statusCode: 200, headers: { 'x-route': e.routeKey },"
        " cookies: ['seen=1'], body: JSON.stringify({ id: e.pathParameters.id, query: e.queryStringParameters || null,"
        " cookies: e.cookies || null }) });\n");
    const NodeId echo = function(QStringLiteral("echo"), "exports.handler = async (e) => ({ body: e.body, base64: "
                                                         "e.isBase64Encoded, type: e.headers['content-type'] });\n");
    const NodeId failing = function(QStringLiteral("failing"),
                                    "exports.handler = async () => { throw new Error('boom'); };\n");
    const NodeId slow = function(
        QStringLiteral("slow"),
        "exports.handler = async () => { await new Promise(r => setTimeout(r, 3000)); return 'late'; };\n", 1);
    const NodeId bad = function(QStringLiteral("bad"), "exports.handler = async () => ({ statusCode: 'teapot' });\n");
    const NodeId legacy = function(
        QStringLiteral("legacy"),
        "exports.handler = async (e) => ({ statusCode: 200, body: e.resource + ' ' + e.httpMethod });\n");
    const NodeId plain = function(QStringLiteral("plain"), "exports.handler = async (e) => ({ hello: 'world' });\n");
    const NodeId busy = function(QStringLiteral("busy"),
                                 "exports.handler = async () => { await new Promise(r => setTimeout(r, 2000)); return "
                                 "{ statusCode: 200, body: 'done' }; };\n");
    const NodeId refusing = function(
        QStringLiteral("refusing"),
        "exports.handler = async () => ({ statusCode: 400, body: 'quantity is missing' });\n");
    // What each kind of API hands the function of a percent-encoded path.
    const NodeId httpPath = function(
        QStringLiteral("httpPath"),
        "exports.handler = async (e) => ({ statusCode: 200, body: JSON.stringify({ raw: "
        "e.rawPath, path: e.requestContext.http.path, name: e.pathParameters.name }) });\n");
    const NodeId restPath = function(QStringLiteral("restPath"),
                                     "exports.handler = async (e) => ({ statusCode: 200, body: JSON.stringify({ path: "
                                     "e.path, context: e.requestContext.path, name: e.pathParameters.name }) });\n");
    QVERIFY(mLocal->project.setNodeProperty(busy, QStringLiteral("reservedConcurrency"), 1));
    mLocal->addRoute(QStringLiteral("GET"), QStringLiteral("/items/{id}"), getter, true);
    mLocal->addRoute(QStringLiteral("POST"), QStringLiteral("/echo"), echo);
    mLocal->addRoute(QStringLiteral("GET"), QStringLiteral("/fail"), failing);
    mLocal->addRoute(QStringLiteral("GET"), QStringLiteral("/slow"), slow);
    mLocal->addRoute(QStringLiteral("GET"), QStringLiteral("/bad"), bad);
    mLocal->addRoute(QStringLiteral("ANY"), QStringLiteral("/legacy/{proxy+}"), legacy, false, QStringLiteral("1.0"));
    mLocal->addRoute(QStringLiteral("GET"), QStringLiteral("/plain"), plain);
    mLocal->addRoute(QStringLiteral("GET"), QStringLiteral("/busy"), busy);
    mLocal->addRoute(QStringLiteral("POST"), QStringLiteral("/refuse"), refusing);
    mLocal->addRoute(QStringLiteral("GET"), QStringLiteral("/http-path/{name}"), httpPath);
    mLocal->addRoute(QStringLiteral("GET"), QStringLiteral("/rest-path/{name}"), restPath, false,
                     QStringLiteral("1.0"));

    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::Gateway), qPrintable(mLocal->error));
    QVERIFY(mLocal->gateway->url().startsWith(QLatin1String("http://127.0.0.1:")));
}

void TestGateway::cleanupTestCase()
{
    mLocal.reset();
    curl_global_cleanup();
}

void TestGateway::requests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected"); // in the body
    QTest::newRow("path parameter and query")
        << QByteArray("GET") << "/items/42?color=red&size=m&size=l" << QByteArray() << QByteArray("Cookie: a=1; b=2")
        << 200 << QByteArray(R"({"id":"42","query":{"color":"red","size":"m,l"},"cookies":["a=1","b=2"]})");
    QTest::newRow("json body") << QByteArray("POST") << "/echo" << QByteArray(R"({"n":1})")
                               << QByteArray("Content-Type: application/json") << 200
                               << QByteArray(R"({"body":"{\"n\":1}","base64":false,"type":"application/json"})");
    QTest::newRow("binary body") << QByteArray("POST") << "/echo" << QByteArray("\x01\x02\xff", 3)
                                 << QByteArray("Content-Type: application/octet-stream") << 200
                                 << QByteArray(R"({"body":"AQL/","base64":true)");
    QTest::newRow("plain object") << QByteArray("GET") << "/plain" << QByteArray() << QByteArray() << 200
                                  << QByteArray(R"({"hello":"world"})");
    // An HTTP API decodes the path and its parameters; a REST API hands them as they were
    // sent, an encoded "/" inside one parameter.
    QTest::newRow("HTTP API path decoded")
        << QByteArray("GET") << "/http-path/a%20b" << QByteArray() << QByteArray() << 200
        << QByteArray(R"({"raw":"/http-path/a b","path":"/http-path/a b","name":"a b"})");
    QTest::newRow("HTTP API non-ASCII path decoded")
        << QByteArray("GET") << "/http-path/caf%C3%A9" << QByteArray() << QByteArray() << 200
        << QByteArray(
               "{\"raw\":\"/http-path/caf\xc3\xa9\",\"path\":\"/http-path/caf\xc3\xa9\",\"name\":\"caf\xc3\xa9\"}");
    QTest::newRow("REST API path as sent")
        << QByteArray("GET") << "/rest-path/a%20b" << QByteArray() << QByteArray() << 200
        << QByteArray(R"({"path":"/rest-path/a%20b","context":"/rest-path/a%20b","name":"a%20b"})");
    QTest::newRow("REST API encoded slash in a parameter")
        << QByteArray("GET") << "/rest-path/a%2Fb" << QByteArray() << QByteArray() << 200
        << QByteArray(R"({"path":"/rest-path/a%2Fb","context":"/rest-path/a%2Fb","name":"a%2Fb"})");
    QTest::newRow("REST API non-ASCII path as sent")
        << QByteArray("GET") << "/rest-path/caf%C3%A9" << QByteArray() << QByteArray() << 200
        << QByteArray(R"({"path":"/rest-path/caf%C3%A9","context":"/rest-path/caf%C3%A9","name":"caf%C3%A9"})");
    QTest::newRow("REST payload") << QByteArray("DELETE") << "/legacy/a/b" << QByteArray() << QByteArray() << 200
                                  << QByteArray("/legacy/{proxy+} DELETE");
    QTest::newRow("no route") << QByteArray("GET") << "/nowhere" << QByteArray() << QByteArray() << 404
                              << QByteArray(R"({"message":"Not Found"})");
    QTest::newRow("wrong method") << QByteArray("DELETE") << "/items/1" << QByteArray() << QByteArray() << 404
                                  << QByteArray();
    QTest::newRow("function error") << QByteArray("GET") << "/fail" << QByteArray() << QByteArray() << 502
                                    << QByteArray(R"({"message":"Internal Server Error"})");
    QTest::newRow("malformed answer") << QByteArray("GET") << "/bad" << QByteArray() << QByteArray() << 502
                                      << QByteArray();
    QTest::newRow("timeout") << QByteArray("GET") << "/slow" << QByteArray() << QByteArray() << 504
                             << QByteArray(R"({"message":"Endpoint request timed out"})");
}

void TestGateway::requests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, header);
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    const HttpReply reply = request(method, path, body,
                                    header.isEmpty() ? QList<QByteArray>{} : QList<QByteArray>{header});
    QVERIFY2(reply.status == status,
             qPrintable(QStringLiteral("%1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body))));
    QVERIFY2(reply.body.contains(expected), reply.body.constData());
}

void TestGateway::corsPreflight()
{
    const HttpReply preflight = request("OPTIONS", QStringLiteral("/items/1"), {},
                                        {"Origin: http://localhost:3000", "Access-Control-Request-Method: GET"});
    QCOMPARE(preflight.status, 204L);
    QVERIFY(preflight.headers.toLower().contains("access-control-allow-origin: http://localhost:3000"));
    const HttpReply get = request("GET", QStringLiteral("/items/1"), {}, {"Origin: http://localhost:3000"});
    QCOMPARE(get.status, 200L);
    QVERIFY(get.headers.toLower().contains("access-control-allow-origin: http://localhost:3000"));
    QVERIFY(get.headers.toLower().contains("set-cookie: seen=1"));
    QVERIFY(get.headers.toLower().contains("x-route: get /items/{id}"));
    // A route without CORS gets none.
    const HttpReply other = request("OPTIONS", QStringLiteral("/plain"), {},
                                    {"Origin: http://localhost:5173", "Access-Control-Request-Method: GET"});
    QCOMPARE(other.status, 404L);
    // A page of another site gets nothing at all (tests/security covers the rest).
    const HttpReply foreign = request("OPTIONS", QStringLiteral("/items/1"), {},
                                      {"Origin: http://x", "Access-Control-Request-Method: GET"});
    QCOMPARE(foreign.status, 403L);
}

void TestGateway::oversizedBody()
{
    const HttpReply reply = request("POST", QStringLiteral("/echo"), QByteArray(GatewayServer::kPayloadLimit + 1, 'x'),
                                    {"Content-Type: text/plain"});
    QCOMPARE(reply.status, 413L);
}

void TestGateway::concurrentRequestsAndThrottling()
{
    // busy allows one instance at a time: of three at once, one runs, the rest are 503.
    std::vector<std::future<HttpReply>> futures;
    const QByteArray url = (mLocal->gateway->url() + QStringLiteral("/busy")).toUtf8();
    for (int i = 0; i < 3; ++i)
        futures.push_back(std::async(std::launch::async, NimbusTest::performHttp, QByteArray("GET"), url, QByteArray(),
                                     QList<QByteArray>{}));
    QVERIFY(QTest::qWaitFor(
        [&] {
        return std::all_of(futures.begin(), futures.end(), [](auto &f) {
            return f.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready;
        });
        },
        30000));
    QList<long> statuses;
    for (auto &f : futures)
        statuses.append(f.get().status);
    std::sort(statuses.begin(), statuses.end());
    QCOMPARE(statuses, (QList<long>{200, 503, 503}));
    // Unlimited functions serve many requests at once.
    std::vector<std::future<HttpReply>> many;
    const QByteArray item = (mLocal->gateway->url() + QStringLiteral("/items/7")).toUtf8();
    for (int i = 0; i < 8; ++i)
        many.push_back(std::async(std::launch::async, NimbusTest::performHttp, QByteArray("GET"), item, QByteArray(),
                                  QList<QByteArray>{}));
    QVERIFY(QTest::qWaitFor(
        [&] {
        return std::all_of(many.begin(), many.end(), [](auto &f) {
            return f.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready;
        });
        },
        30000));
    for (auto &f : many)
        QCOMPARE(f.get().status, 200L);
}

void TestGateway::eachRequestIsLogged()
{
    request("GET", QStringLiteral("/items/99"));
    const auto it = std::find_if(mLocal->cloud->log().crbegin(), mLocal->cloud->log().crend(),
                                 [](const CloudLogEntry &e) { return e.source == QLatin1String("GET /items/99"); });
    QVERIFY(it != mLocal->cloud->log().crend());
    QCOMPARE(it->target, QStringLiteral("getItem"));
    QVERIFY(it->ok);
    QVERIFY(it->finished);
    QCOMPARE(it->httpStatus, 200);
    // The hop travelled the route's connection to the function.
    const Architecture &design = mLocal->project.architecture();
    QCOMPARE(design.node(it->toNode)->name, QStringLiteral("getItem"));
    QCOMPARE(design.node(it->fromNode)->kind, QStringLiteral("http-route"));
    QVERIFY(design.edge(it->edge));
    QCOMPARE(design.edge(it->edge)->from, it->fromNode);
    QCOMPARE(design.edge(it->edge)->to, it->toNode);
}

void TestGateway::failedAnswersAreLoggedFailed_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::newRow("function answers 400") << QByteArray("POST") << "/refuse" << 400 << "quantity is missing";
    QTest::newRow("function throws") << QByteArray("GET") << "/fail" << 502 << "boom";
    QTest::newRow("function answers badly") << QByteArray("GET") << "/bad" << 502 << "statusCode";
}

void TestGateway::failedAnswersAreLoggedFailed()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, detail);
    QCOMPARE(request(method, path).status, long(status));
    const QString what = QString::fromLatin1(method) + QLatin1Char(' ') + path;
    QVERIFY(QTest::qWaitFor([&] { return lastHopOf(what) && lastHopOf(what)->finished; }, 10000));
    const CloudLogEntry *hop = lastHopOf(what);
    QCOMPARE(hop->kind, CloudLogEntry::Kind::Invocation);
    QVERIFY(!hop->ok);
    QCOMPARE(hop->httpStatus, status);
    QVERIFY2(hop->detail.contains(detail), qPrintable(hop->detail));
}

void TestGateway::unmatchedRoutesAreLogged()
{
    QCOMPARE(request("DELETE", QStringLiteral("/nowhere/7")).status, 404L);
    const CloudLogEntry *hop = lastHopOf(QStringLiteral("DELETE /nowhere/7"));
    QVERIFY(hop);
    QCOMPARE(hop->kind, CloudLogEntry::Kind::Request);
    QVERIFY(!hop->ok);
    QCOMPARE(hop->httpStatus, 404);
    QVERIFY(hop->target.isEmpty());
    QCOMPARE(hop->toNode, kInvalidNodeId);
    QCOMPARE(hop->edge, kInvalidEdgeId);
    QVERIFY2(hop->detail.contains(QLatin1String("DELETE /nowhere/7")), qPrintable(hop->detail));
}

void TestGateway::clientHangsUpBeforeTheAnswer()
{
    // The client gives up after 200 ms; the function answers (504) a second later to
    // nobody. The gateway must shrug and go on serving.
    const QByteArray url = (mLocal->gateway->url() + QStringLiteral("/slow")).toUtf8();
    auto impatient = std::async(std::launch::async, [url] {
        CURL *curl = curl_easy_init();
        curl_easy_setopt(curl, CURLOPT_URL, url.constData());
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 200L);
        curl_easy_setopt(
            curl, CURLOPT_WRITEFUNCTION, +[](char *, size_t size, size_t count, void *) { return size * count; });
        const CURLcode code = curl_easy_perform(curl);
        curl_easy_cleanup(curl);
        return code;
    });
    QVERIFY(QTest::qWaitFor(
        [&] { return impatient.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; }, 10000));
    QCOMPARE(impatient.get(), CURLE_OPERATION_TIMEDOUT);
    QTest::qWait(1500); // the function times out and its answer finds no client
    QCOMPARE(request("GET", QStringLiteral("/items/5")).status, 200L);
}

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
