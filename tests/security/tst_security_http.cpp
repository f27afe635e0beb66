// Issue 17's attacks on the local cloud's two ports, replayed over real sockets: web
// pages (cross-site forms, text/plain POSTs, DNS rebinding), the control path, oversized
// and malformed bodies, injected headers, huge batches, and `nimbus serve`'s memory
// under a 1 GB upload. Each test fails when the protection it names is removed.

#include "cloud/awswire.h"
#include "cloud/cloudstate.h"
#include "cloud/eventarchive.h"
#include "cloud/eventbus.h"
#include "cloud/requestguard.h"
#include "cloudfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <future>

using namespace Nimbus;

namespace {

struct Answer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    qint64 sent = 0; // bytes of the request the server took before it answered or closed
};

// One request over a plain socket (the server runs on the test's thread, so the client
// is another thread). streamBytes: after head + body, keep sending that many zero
// bytes (as chunks when chunked) until the server closes the connection.
Answer exchange(quint16 port, const QByteArray &request, qint64 streamBytes = 0, bool chunked = false)
{
    Answer answer;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval timeout{20, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return answer;
    }
    auto sendAll = [&](const char *data, qint64 size) {
        while (size > 0) {
            const ssize_t n = ::send(fd, data, size_t(size), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            answer.sent += n;
            data += n;
            size -= n;
        }
        return true;
    };
    bool open = sendAll(request.constData(), request.size());
    const QByteArray zeros(1 << 20, '\0');
    const QByteArray chunkLine = QByteArray::number(zeros.size(), 16) + "\r\n";
    for (qint64 left = streamBytes; open && left > 0; left -= zeros.size()) {
        if (chunked)
            open = sendAll(chunkLine.constData(), chunkLine.size());
        open = open && sendAll(zeros.constData(), zeros.size());
        if (chunked && open)
            open = sendAll("\r\n", 2);
        // An answer that came early ends the upload, as a client reading it would.
        char peek;
        if (open && ::recv(fd, &peek, 1, MSG_PEEK | MSG_DONTWAIT) > 0)
            break;
    }
    if (open && chunked && streamBytes > 0)
        sendAll("0\r\n\r\n", 5);
    QByteArray received;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        received.append(buffer, n);
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QByteArray head = received.left(end);
            const qsizetype at = head.toLower().indexOf("content-length:");
            const qint64 length = at < 0 ? 0
                                         : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
            if (received.size() - end - 4 >= length)
                break;
        }
    }
    ::close(fd);
    const qsizetype end = received.indexOf("\r\n\r\n");
    answer.head = received.left(end);
    answer.body = end < 0 ? QByteArray() : received.mid(end + 4);
    answer.status = received.startsWith("HTTP/1.1 ") ? received.mid(9, 3).toInt() : 0;
    return answer;
}

QByteArray formRequest(const QByteArray &body)
{
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nContent-Type: "
           "application/x-www-form-urlencoded\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// An event as a bus archives it, from my.app (which the rule "keep" sends to the queue).
QJsonObject archivedEvent(int number, const QString &secret)
{
    return {{"version", "0"},
            {"id", QStringLiteral("event-%1").arg(number)},
            {"detail-type", "audit"},
            {"source", "my.app"},
            {"account", "000000000000"},
            {"time", "2020-06-01T12:00:00Z"},
            {"region", "us-east-1"},
            {"resources", QJsonArray()},
            {"detail", QJsonObject{{"number", number}, {"secret", secret}}}};
}

// The control path's request for operation with the run's token: what a leaked token
// would let a page send, so that the Host and Origin checks are proved on their own.
QByteArray controlRequest(const QByteArray &operation, const QByteArray &json, const QByteArray &token,
                          const QByteArray &extra)
{
    return "POST /_nimbus/" + operation + " HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nContent-Type: application/json\r\n"
           + GatewayServer::kTokenHeader + ": " + token + "\r\n" + extra
           + "Content-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json;
}

QByteArray statusLine(const Answer &a)
{
    return QByteArray::number(a.status) + " " + a.head.left(200) + " | " + a.body.left(300);
}

} // namespace

class TestSecurityHttp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void foreignRequestsRefused_data();
    void foreignRequestsRefused();
    void ownToolsAccepted_data();
    void ownToolsAccepted();
    void originRules_data();
    void originRules();
    void controlPathNeedsJsonAndToken();
    void controlPathHasServiceLimits_data();
    void controlPathHasServiceLimits();
    void archiveAnswersArePaged();
    void eventBridgeArchiveLimits_data();
    void eventBridgeArchiveLimits();
    void storedObjectsNeverRenderInBrowser();
    void functionHeaderInjection();
    void awsChunkedOverflow();
    void oversizedBodiesRefusedBeforeBuffered_data();
    void oversizedBodiesRefusedBeforeBuffered();
    void oversizedInvokePayloadRefused_data();
    void oversizedInvokePayloadRefused();
    void foreignBodiesAreNeverRead();
    void malformedHeadsRefused_data();
    void malformedHeadsRefused();
    void gatewayHeadHasNoBody();
    void hugeBatchesRefusedAtOnce();
    void bigScansArePaged();
    void serveStaysSmallUnderHugeUploads();
    void cloudTrustsOnlyALiveLoopbackServer_data();
    void cloudTrustsOnlyALiveLoopbackServer();

private:
    Answer send(bool aws, const QByteArray &request, qint64 streamBytes = 0, bool chunked = false);
    QByteArray control(const QString &operation, const QJsonObject &body, const QByteArray &token,
                       const QByteArray &type, int *status);
    int queueDepth();

    QTemporaryDir mDir;
    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
    LocalCloud *mCloud = nullptr;
    GatewayServer *mGateway = nullptr;
    AwsEndpoint *mEndpoint = nullptr;
};

Answer TestSecurityHttp::send(bool aws, const QByteArray &request, qint64 streamBytes, bool chunked)
{
    QByteArray text = request;
    const quint16 port = aws ? mEndpoint->port() : mGateway->port();
    text.replace("PORT", QByteArray::number(port));
    auto future = std::async(std::launch::async, exchange, port, text, streamBytes, chunked);
    if (!QTest::qWaitFor([&] { return future.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; },
                         120000))
        return {};
    return future.get();
}

int TestSecurityHttp::queueDepth()
{
    const Answer a = send(
        true, formRequest("Action=GetQueueAttributes&QueueUrl=jobs&AttributeName.1=ApproximateNumberOfMessages"));
    const qsizetype at = a.body.indexOf("<Value>");
    return at < 0 ? -1 : a.body.mid(at + 7, a.body.indexOf("</Value>") - at - 7).toInt();
}

void TestSecurityHttp::initTestCase()
{
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    auto function = [&](const QString &name, const QByteArray &code) { return mLocal->addFunction(name, code); };
    auto route = [&](const QString &path, NodeId fn, bool cors) {
        mLocal->addRoute(QStringLiteral("ANY"), path, fn, cors);
    };
    route(QStringLiteral("/items/{id}"),
          function(QStringLiteral("getItem"), "exports.handler = async (e) => ({ id: e.pathParameters.id });\n"), true);
    route(QStringLiteral("/inject"),
          function(QStringLiteral("inject"),
                   "exports.handler = async () => ({ statusCode: 200, headers: { 'x-a': 'b\\r\\nSet-Cookie: "
                   "session=stolen' }, body: 'x' });\n"),
          false);
    route(QStringLiteral("/injectName"),
          function(QStringLiteral("injectName"), "exports.handler = async () => ({ statusCode: 200, headers: { 'x-a: "
                                                 "b\\r\\nSet-Cookie': 'c' }, body: 'x' });\n"),
          false);
    QVERIFY(mLocal->project.addNode(QStringLiteral("queue"), {}, QStringLiteral("jobs")));
    QVERIFY(mLocal->project.addNode(QStringLiteral("topic"), {}, QStringLiteral("news")));
    QVERIFY(mLocal->project.addNode(QStringLiteral("bucket"), {}, QStringLiteral("files")));
    QVERIFY(mLocal->project.addNode(QStringLiteral("table"), {}, QStringLiteral("items")));
    // An event bus whose rule sends every event of source my.app to the queue.
    const auto bus = mLocal->project.addNode(QStringLiteral("event-bus"), {}, QStringLiteral("default"));
    const auto rule = mLocal->project.addNode(QStringLiteral("rule"), {}, QStringLiteral("toJobs"));
    QVERIFY(bus && rule);
    QVERIFY(mLocal->project.connectNodes(*bus, *rule, QStringLiteral("routes")));
    QVERIFY(mLocal->project.connectNodes(*rule, mLocal->project.architecture().nodeByName(QStringLiteral("jobs"))->id,
                                         QStringLiteral("targets")));

    // A bus that archives, whose rule also sends my.app's events to the queue: a replay
    // that should not have run shows as a message.
    const auto audit = mLocal->project.addNode(QStringLiteral("event-bus"), {}, QStringLiteral("audit"));
    const auto keep = mLocal->project.addNode(QStringLiteral("rule"), {}, QStringLiteral("keep"));
    QVERIFY(audit && keep);
    QVERIFY(mLocal->project.setNodeProperty(*audit, QStringLiteral("archive"), true));
    QVERIFY(mLocal->project.connectNodes(*audit, *keep, QStringLiteral("routes")));
    QVERIFY(mLocal->project.connectNodes(*keep, mLocal->project.architecture().nodeByName(QStringLiteral("jobs"))->id,
                                         QStringLiteral("targets")));

    QVERIFY2(mLocal->start(), qPrintable(mLocal->error));
    mCloud = mLocal->cloud.get();
    mGateway = mLocal->gateway.get();
    mEndpoint = mLocal->endpoint.get();
    QVERIFY(mCloud->putObject(QStringLiteral("files"), QStringLiteral("keep.txt"), "precious",
                              QStringLiteral("text/plain")));
    // An archived event that only the run's own tools may read or replay.
    QVERIFY(mCloud->state().archiveEvent(QStringLiteral("audit-archive"), archivedEvent(0, QStringLiteral("precious")),
                                         QDateTime(QDate(2020, 6, 1), QTime(12, 0), Qt::UTC)));
}

void TestSecurityHttp::cleanupTestCase()
{
    mEndpoint = nullptr;
    mGateway = nullptr;
    mCloud = nullptr;
    mLocal.reset();
}

void TestSecurityHttp::foreignRequestsRefused_data()
{
    QTest::addColumn<bool>("aws");
    QTest::addColumn<QByteArray>("request");
    const QByteArray sendForm = "Action=SendMessage&QueueUrl=jobs&MessageBody=pwned";
    auto form = [&](const QByteArray &extra, const QByteArray &body) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nContent-Type: application/x-www-form-urlencoded\r\n" + extra
               + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    };
    QTest::newRow("cross-site form SendMessage") << true << form("Origin: https://evil.example\r\n", sendForm);
    QTest::newRow("cross-site form Publish")
        << true
        << form("Origin: https://evil.example\r\n",
                "Action=Publish&TopicArn=arn:aws:sns:us-east-1:000000000000:news&Message=x");
    QTest::newRow("cross-site form PurgeQueue, fetch metadata only")
        << true << form("Sec-Fetch-Site: cross-site\r\n", "Action=PurgeQueue&QueueUrl=jobs");
    QTest::newRow("sandboxed page (Origin: null)") << true << form("Origin: null\r\n", sendForm);
    const QByteArray deletion = "<Delete><Object><Key>keep.txt</Key></Object><Quiet>true</Quiet></Delete>";
    QTest::newRow("text/plain S3 delete") << true
                                          << "POST /files?delete HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nOrigin: "
                                             "http://evil.example\r\nContent-Type: text/plain\r\n"
                                             "Content-Length: "
                                                 + QByteArray::number(deletion.size()) + "\r\n\r\n" + deletion;
    QTest::newRow("rebinding Host on the AWS endpoint")
        << true << QByteArray("GET /files/keep.txt HTTP/1.1\r\nHost: evil.example:PORT\r\n\r\n");
    QTest::newRow("rebinding Host with a loopback-looking name")
        << true << QByteArray("GET /files/keep.txt HTTP/1.1\r\nHost: 127.0.0.1.evil.example:PORT\r\n\r\n");
    QTest::newRow("rebinding Host, form write")
        << true << form("", sendForm).replace("Host: 127.0.0.1:PORT", "Host: evil.example:PORT");
    QTest::newRow("no Host") << true << QByteArray("GET /files/keep.txt HTTP/1.0\r\n\r\n");
    QTest::newRow("rebinding Host on a gateway route")
        << false << QByteArray("GET /items/1 HTTP/1.1\r\nHost: evil.example\r\n\r\n");
    const QByteArray message = R"({"queue":"jobs","body":"pwn"})";
    const QByteArray length = "Content-Length: " + QByteArray::number(message.size()) + "\r\n\r\n";
    QTest::newRow("rebinding Host on the control path")
        << false
        << "POST /_nimbus/send-message HTTP/1.1\r\nHost: evil.example:PORT\r\nContent-Type: application/json\r\n"
               + length + message;
    QTest::newRow("cross-site text/plain to the control path")
        << false
        << "POST /_nimbus/send-message HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nOrigin: https://evil.example\r\n"
           "Content-Type: text/plain\r\n"
               + length + message;
    QTest::newRow("a public name that points at 127.0.0.1")
        << true << QByteArray("GET /keep.txt HTTP/1.1\r\nHost: files.s3.localhost.localstack.cloud:PORT\r\n\r\n");
    QTest::newRow("two Hosts")
        << true << QByteArray("GET /files/keep.txt HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nHost: evil.example\r\n\r\n");
    const QByteArray putEvents =
        R"({"Entries":[{"Source":"my.app","DetailType":"x","Detail":"{}","EventBusName":"default"}]})";
    auto events = [&](const QByteArray &extra) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nContent-Type: application/x-amz-json-1.1\r\n"
               "X-Amz-Target: AWSEvents.PutEvents\r\n"
               + extra + "Content-Length: " + QByteArray::number(putEvents.size()) + "\r\n\r\n" + putEvents;
    };
    QTest::newRow("cross-site PutEvents") << true << events("Origin: https://evil.example\r\n");
    QTest::newRow("rebinding Host, PutEvents")
        << true << events("").replace("Host: 127.0.0.1:PORT", "Host: evil.example:PORT");
    // The archive's operations, even with the run's token: a rebinding page reads nothing
    // and replays nothing (a replay of the audit archive would put a message in the queue).
    const QByteArray token = mGateway->controlToken();
    const QByteArray range = R"({"bus":"audit","from":"2020-01-01T00:00:00Z","to":"2021-01-01T00:00:00Z")";
    const QByteArray rebound = "Host: evil.example:PORT\r\n";
    const QByteArray crossSite = "Origin: https://evil.example\r\nSec-Fetch-Site: cross-site\r\n";
    QTest::newRow("rebinding Host, archive")
        << false << controlRequest("archive", range + "}", token, "").replace("Host: 127.0.0.1:PORT\r\n", rebound);
    QTest::newRow("cross-site archive") << false << controlRequest("archive", range + "}", token, crossSite);
    QTest::newRow("rebinding Host, replay") << false
                                            << controlRequest("replay", range + R"(,"name":"rebound"})", token, "")
                                                   .replace("Host: 127.0.0.1:PORT\r\n", rebound);
    QTest::newRow("cross-site replay") << false
                                       << controlRequest("replay", range + R"(,"name":"crossed"})", token, crossSite);
    QTest::newRow("rebinding Host, replay-status")
        << false
        << controlRequest("replay-status", R"({"name":"rebound"})", token, "")
               .replace("Host: 127.0.0.1:PORT\r\n", rebound);
    QTest::newRow("cross-site replay-status")
        << false << controlRequest("replay-status", R"({"name":"crossed"})", token, crossSite);
    QTest::newRow("foreign Origin on a user route")
        << false << QByteArray("GET /items/1 HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nOrigin: https://evil.example\r\n\r\n");
}

void TestSecurityHttp::foreignRequestsRefused()
{
    QFETCH(bool, aws);
    QFETCH(QByteArray, request);
    const int before = queueDepth();
    QCOMPARE(before, 0);
    const Answer a = send(aws, request);
    QVERIFY2(a.status == 403 || (a.status == 400 && !request.contains("Host:")), statusLine(a).constData());
    QVERIFY2(!a.body.contains("precious"), a.body.constData());
    // Nothing happened: no message, the object is still there, no replay started.
    QCOMPARE(queueDepth(), 0);
    QVERIFY(mCloud->state().getObject(QStringLiteral("files"), QStringLiteral("keep.txt")).hasValue());
    QVERIFY(mCloud->eventArchive().replays().isEmpty());
}

void TestSecurityHttp::ownToolsAccepted_data()
{
    QTest::addColumn<bool>("aws");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("127.0.0.1") << true << QByteArray("GET /files/keep.txt HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n\r\n")
                               << QByteArray("precious");
    QTest::newRow("localhost") << true << QByteArray("GET /files/keep.txt HTTP/1.1\r\nHost: localhost:PORT\r\n\r\n")
                               << QByteArray("precious");
    QTest::newRow("[::1]") << true << QByteArray("GET /files/keep.txt HTTP/1.1\r\nHost: [::1]:PORT\r\n\r\n")
                           << QByteArray("precious");
    QTest::newRow("no port") << true << QByteArray("GET /files/keep.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
                             << QByteArray("precious");
    QTest::newRow("virtual-hosted bucket")
        << true << QByteArray("GET /keep.txt HTTP/1.1\r\nHost: files.s3.localhost:PORT\r\n\r\n")
        << QByteArray("precious");
    QTest::newRow("page of this machine on another name")
        << false
        << QByteArray("GET /items/9 HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nOrigin: "
                      "http://localhost:5173\r\nSec-Fetch-Site: cross-site\r\n\r\n")
        << QByteArray("\"9\"");
    QTest::newRow("user route") << false << QByteArray("GET /items/7 HTTP/1.1\r\nHost: localhost:PORT\r\n\r\n")
                                << QByteArray("\"7\"");
    QTest::newRow("page of this machine")
        << false
        << QByteArray("GET /items/8 HTTP/1.1\r\nHost: localhost:PORT\r\nOrigin: http://localhost:5173\r\n"
                      "Sec-Fetch-Site: same-site\r\n\r\n")
        << QByteArray("\"8\"");
}

void TestSecurityHttp::ownToolsAccepted()
{
    QFETCH(bool, aws);
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, expected);
    const Answer a = send(aws, request);
    QVERIFY2(a.status == 200, statusLine(a).constData());
    QVERIFY2(a.body.contains(expected), a.body.constData());
}

void TestSecurityHttp::originRules_data()
{
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("localhost with port") << QByteArray("http://localhost:5173") << true;
    QTest::newRow("https loopback") << QByteArray("https://127.0.0.1") << true;
    QTest::newRow("IPv6 loopback") << QByteArray("http://[::1]:8080") << true;
    QTest::newRow("a .localhost name (some browsers ask DNS)") << QByteArray("http://app.localhost:3000") << false;
    QTest::newRow("foreign") << QByteArray("https://evil.example") << false;
    QTest::newRow("loopback as a subdomain") << QByteArray("http://localhost.evil.example") << false;
    QTest::newRow("null") << QByteArray("null") << false;
    QTest::newRow("file") << QByteArray("file://") << false;
    QTest::newRow("user info") << QByteArray("http://localhost@evil.example") << false;
    QTest::newRow("path") << QByteArray("http://localhost/x") << false;
}

void TestSecurityHttp::originRules()
{
    QFETCH(QByteArray, origin);
    QFETCH(bool, loopback);
    QCOMPARE(RequestGuard::isLoopbackOrigin(origin), loopback);
}

QByteArray TestSecurityHttp::control(const QString &operation, const QJsonObject &body, const QByteArray &token,
                                     const QByteArray &type, int *status)
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QByteArray request = "POST /_nimbus/" + operation.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nContent-Type: "
                         + type + "\r\nContent-Length: " + QByteArray::number(json.size()) + "\r\n";
    if (!token.isNull())
        request += QByteArray(GatewayServer::kTokenHeader) + ": " + token + "\r\n";
    const Answer a = send(false, request + "\r\n" + json);
    *status = a.status;
    return a.body;
}

void TestSecurityHttp::controlPathNeedsJsonAndToken()
{
    const QJsonObject message{{QStringLiteral("queue"), QStringLiteral("jobs")},
                              {QStringLiteral("body"), QStringLiteral("hi")}};
    int status = 0;
    const QByteArray token = mGateway->controlToken();
    QCOMPARE(token.size(), 64);
    control(QStringLiteral("send-message"), message, QByteArray(), "application/json", &status);
    QCOMPARE(status, 403);
    control(QStringLiteral("send-message"), message, token.left(63) + 'x', "application/json", &status);
    QCOMPARE(status, 403);
    control(QStringLiteral("send-message"), message, token, "text/plain", &status);
    QCOMPARE(status, 415);
    control(QStringLiteral("send-message"), message, token, "application/x-www-form-urlencoded", &status);
    QCOMPARE(status, 415);
    QCOMPARE(queueDepth(), 0);
    const QByteArray answer = control(QStringLiteral("send-message"), message, token, "application/json; charset=utf-8",
                                      &status);
    QVERIFY2(status == 200, answer.constData());
    QCOMPARE(queueDepth(), 1);
    // The archive's operations are behind the same checks: without the token, or as
    // anything but a JSON object, nothing is read and nothing is replayed.
    const QJsonObject range{{"bus", "audit"}, {"from", "2020-01-01T00:00:00Z"}, {"to", "2021-01-01T00:00:00Z"}};
    QJsonObject replay = range;
    replay.insert(QStringLiteral("name"), QStringLiteral("checked"));
    const QList<QPair<QString, QJsonObject>> archiveOperations = {
        {QStringLiteral("archive"), range},
        {QStringLiteral("replay"), replay},
        {QStringLiteral("replay-status"), QJsonObject{{"name", "checked"}}}};
    for (const auto &[operation, body] : archiveOperations) {
        const QByteArray refusals[] = {
            control(operation, body, QByteArray(), "application/json", &status),
            QByteArray::number(status),
            control(operation, body, token.left(63) + 'x', "application/json", &status),
            QByteArray::number(status),
            control(operation, body, token, "text/plain", &status),
            QByteArray::number(status),
        };
        QCOMPARE(refusals[1], QByteArray("403"));
        QCOMPARE(refusals[3], QByteArray("403"));
        QCOMPARE(refusals[5], QByteArray("415"));
        for (int i = 0; i < 6; i += 2)
            QVERIFY2(!refusals[i].contains("precious"), refusals[i].constData());
        const Answer array = send(false, controlRequest(operation.toUtf8(), "[1]", token, ""));
        QVERIFY2(array.status == 400 && array.body.contains("not a JSON object"), statusLine(array).constData());
    }
    QCOMPARE(queueDepth(), 1); // the message sent above, nothing replayed
    QVERIFY(mCloud->eventArchive().replays().isEmpty());
    // With them, the same requests are served: the refusals were the checks'.
    QByteArray served = control(QStringLiteral("archive"), range, token, "application/json", &status);
    QVERIFY2(status == 200 && served.contains("precious"), served.constData());
    served = control(QStringLiteral("replay"), replay, token, "application/json", &status);
    QVERIFY2(status == 200, served.constData());
    QTRY_VERIFY(!mCloud->eventArchive().replay(QStringLiteral("checked"))->isActive());
    served = control(QStringLiteral("replay-status"), QJsonObject{{"name", "checked"}}, token, "application/json",
                     &status);
    QVERIFY2(status == 200 && served.contains("COMPLETED"), served.constData());
    QCOMPARE(queueDepth(), 2);
    // A second gateway has a token of its own.
    GatewayServer other(*mCloud);
    QVERIFY(other.controlToken() != token);
    send(true, formRequest("Action=PurgeQueue&QueueUrl=jobs"));
    QCOMPARE(queueDepth(), 0);
}

void TestSecurityHttp::controlPathHasServiceLimits_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("queue message over 256 KB")
        << "send-message" << QJsonObject{{"queue", "jobs"}, {"body", QString(256 * 1024 + 1, QLatin1Char('m'))}}
        << QByteArray("SQS takes at most");
    QTest::newRow("topic message over 256 KB")
        << "publish" << QJsonObject{{"topic", "news"}, {"message", QString(256 * 1024 + 1, QLatin1Char('m'))}}
        << QByteArray("SNS takes at most");
    QTest::newRow("item over 400 KB")
        << "put-item"
        << QJsonObject{{"table", "items"},
                       {"item", QJsonObject{{"id", QJsonObject{{"S", "1"}}},
                                            {"blob", QJsonObject{{"S", QString(401 * 1024, QLatin1Char('i'))}}}}}}
        << QByteArray("400 KB");
    QTest::newRow("content type with a line break")
        << "put-object"
        << QJsonObject{{"bucket", "files"},
                       {"key", "x.html"},
                       {"contentType", "text/html\r\nSet-Cookie: session=stolen"},
                       {"body", "PGI+"}}
        << QByteArray("not a valid header value");
    QTest::newRow("body not base64") << "put-object" << QJsonObject{{"bucket", "files"}, {"key", "y"}, {"body", "%%%"}}
                                     << QByteArray("not base64");

    // The archive's operations: bad input is a 400 that says what is wrong, never an open
    // range or a replay of something else.
    auto archive = [](const QJsonObject &extra) {
        QJsonObject body{{"bus", "audit"}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return body;
    };
    auto replay = [&](const QJsonObject &extra) {
        QJsonObject body = archive(
            {{"from", "2020-01-01T00:00:00Z"}, {"to", "2021-01-01T00:00:00Z"}, {"name", "refused"}});
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return body;
    };
    const QByteArray notATime = "not an ISO 8601 date and time";
    QTest::newRow("archive, from not a time") << "archive" << archive({{"from", "yesterday"}}) << notATime;
    QTest::newRow("archive, to not a date") << "archive" << archive({{"to", "2027-13-45T00:00:00Z"}}) << notATime;
    QTest::newRow("archive, from a number") << "archive" << archive({{"from", 1700000000}}) << notATime;
    QTest::newRow("archive, from after to")
        << "archive" << archive({{"from", "2021-01-01T00:00:00Z"}, {"to", "2020-01-01T00:00:00Z"}})
        << QByteArray("is after to");
    QTest::newRow("archive, unknown bus")
        << "archive" << QJsonObject{{"bus", "nowhere"}} << QByteArray("the design has no event bus nowhere");
    QTest::newRow("archive, bus without an archive")
        << "archive" << QJsonObject{{"bus", "default"}} << QByteArray("has no archive");
    QTest::newRow("archive, bus not a name")
        << "archive" << QJsonObject{{"bus", QJsonArray{"audit"}}} << QByteArray("bus is the name of an event bus");
    QTest::newRow("archive, limit over the page") << "archive" << archive({{"limit", GatewayServer::kArchivePage + 1}})
                                                  << QByteArray("not a number of events from 1 to 1000");
    QTest::newRow("archive, limit 0") << "archive" << archive({{"limit", 0}})
                                      << QByteArray("not a number of events from 1 to 1000");
    QTest::newRow("archive, after negative")
        << "archive" << archive({{"after", -1}}) << QByteArray("not the \\\"next\\\" of an answer that was cut");
    QTest::newRow("archive, after not a number") << "archive" << archive({{"after", "1; DROP TABLE archived_events"}})
                                                 << QByteArray("not the \\\"next\\\" of an answer that was cut");
    QTest::newRow("replay, from not a time") << "replay" << replay({{"from", "noon"}}) << notATime;
    QTest::newRow("replay, from after to")
        << "replay" << replay({{"from", "2021-01-01T00:00:00Z"}, {"to", "2020-01-01T00:00:00Z"}})
        << QByteArray("is after to");
    QTest::newRow("replay, open range") << "replay" << replay({{"to", ""}}) << QByteArray("give both from and to");
    QTest::newRow("replay, end in the future")
        << "replay" << replay({{"to", "2999-01-01T00:00:00Z"}}) << QByteArray("must not be after the cloud's time");
    QTest::newRow("replay, no name") << "replay" << replay({{"name", QJsonValue()}}) << QByteArray("not 1 to 64");
    QTest::newRow("replay, name with a path") << "replay" << replay({{"name", "../x y"}}) << QByteArray("not 1 to 64");
    QTest::newRow("replay, name of 65") << "replay" << replay({{"name", QString(65, QLatin1Char('n'))}})
                                        << QByteArray("not 1 to 64");
    QTest::newRow("replay, rules not a list")
        << "replay" << replay({{"rules", "keep"}}) << QByteArray("rules is a list of rule names");
    QTest::newRow("replay, rule not a name")
        << "replay" << replay({{"rules", QJsonArray{5}}}) << QByteArray("5 is not a rule of the event bus audit");
    QTest::newRow("replay, unknown rule") << "replay" << replay({{"rules", QJsonArray{"keep", "nope"}}})
                                          << QByteArray("nope is not a rule of the event bus audit");
    // One rule named 301 times: every name is a rule of the bus, the list is what is refused.
    QJsonArray many, huge;
    for (int i = 0; i <= EventArchive::kMaxReplayRules; ++i)
        many.append(QStringLiteral("keep"));
    for (int i = 0; i < 200000; ++i)
        huge.append(QStringLiteral("keep"));
    QTest::newRow("replay, 301 rules") << "replay" << replay({{"rules", many}})
                                       << QByteArray("301 rules named; a replay goes to at most 300");
    QTest::newRow("replay, 200,000 rules") << "replay" << replay({{"rules", huge}}) << QByteArray("200000 rules named");
    QTest::newRow("replay-status, name of 100 KB")
        << "replay-status" << QJsonObject{{"name", QString(100 * 1024, QLatin1Char('n'))}}
        << QByteArray("no replay nnnn");
}

void TestSecurityHttp::controlPathHasServiceLimits()
{
    QFETCH(QString, operation);
    QFETCH(QJsonObject, body);
    QFETCH(QByteArray, error);
    int status = 0;
    const QByteArray answer = control(operation, body, mGateway->controlToken(), "application/json", &status);
    QVERIFY2(status == 400, answer.left(300).constData());
    QVERIFY2(answer.contains(error), answer.left(300).constData());
    // An error says what was sent in short, not all of it back.
    QVERIFY2(answer.size() < 1024, answer.left(300).constData());
    QCOMPARE(queueDepth(), 0);
    QVERIFY(!mCloud->state().getObject(QStringLiteral("files"), QStringLiteral("x.html")).hasValue());
}

void TestSecurityHttp::archiveAnswersArePaged()
{
    // 2,500 events in 2021: one answer holds at most kArchivePage of them and says it was
    // cut; asking after its "next" gives the rest, every event once.
    const QDateTime start(QDate(2021, 3, 1), QTime(0, 0), Qt::UTC);
    const int total = 2500;
    for (int i = 0; i < total; ++i)
        QVERIFY(mCloud->state().archiveEvent(QStringLiteral("audit-archive"), archivedEvent(i, QStringLiteral("s")),
                                             start.addSecs(i)));
    const QByteArray token = mGateway->controlToken();
    QJsonObject request{{"bus", "audit"}, {"from", "2021-01-01T00:00:00Z"}, {"to", "2022-01-01T00:00:00Z"}};
    QSet<int> seen;
    QList<int> pageSizes;
    for (;;) {
        int status = 0;
        const QByteArray body = control(QStringLiteral("archive"), request, token, "application/json", &status);
        QVERIFY2(status == 200, body.left(300).constData());
        const QJsonObject page = QJsonDocument::fromJson(body).object();
        const QJsonArray events = page.value("events").toArray();
        QVERIFY2(events.size() <= GatewayServer::kArchivePage, qPrintable(QString::number(events.size())));
        QCOMPARE(page.value("total").toInteger(), qint64(total));
        pageSizes.append(int(events.size()));
        for (const QJsonValue &event : events) {
            const int number = event["event"]["detail"]["number"].toInt();
            QVERIFY2(!seen.contains(number), qPrintable(QString::number(number)));
            seen.insert(number);
        }
        if (!page.value("truncated").toBool()) {
            QVERIFY(!page.contains("next"));
            break;
        }
        QVERIFY(page.value("next").toInteger() > request.value("after").toInteger());
        request.insert(QStringLiteral("after"), page.value("next"));
        QVERIFY(pageSizes.size() < 10);
    }
    QCOMPARE(pageSizes, (QList<int>{1000, 1000, 500}));
    QCOMPARE(seen.size(), total);

    // A smaller page when asked.
    int status = 0;
    request.remove(QStringLiteral("after"));
    request.insert(QStringLiteral("limit"), 10);
    QJsonObject page = QJsonDocument::fromJson(
                           control(QStringLiteral("archive"), request, token, "application/json", &status))
                           .object();
    QCOMPARE(page.value("events").toArray().size(), 10);
    QVERIFY(page.value("truncated").toBool());

    // Forty events of 250 KB in 2022: an answer stops before 8 MB of them.
    const QDateTime later(QDate(2022, 3, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < 40; ++i)
        QVERIFY(mCloud->state().archiveEvent(QStringLiteral("audit-archive"),
                                             archivedEvent(i, QString(250000, QLatin1Char('b'))), later.addSecs(i)));
    request = {{"bus", "audit"}, {"from", "2022-01-01T00:00:00Z"}, {"to", "2023-01-01T00:00:00Z"}};
    seen.clear();
    int pages = 0;
    for (;; ++pages) {
        const QByteArray body = control(QStringLiteral("archive"), request, token, "application/json", &status);
        QCOMPARE(status, 200);
        QVERIFY2(body.size() < GatewayServer::kArchivePageBytes + 300000, qPrintable(QString::number(body.size())));
        page = QJsonDocument::fromJson(body).object();
        for (const QJsonValue &event : page.value("events").toArray())
            seen.insert(event["event"]["detail"]["number"].toInt());
        if (!page.value("truncated").toBool())
            break;
        request.insert(QStringLiteral("after"), page.value("next"));
        QVERIFY(pages < 10);
    }
    QVERIFY(pages >= 1);
    QCOMPARE(seen.size(), 40);
    qInfo("2,500 archived events in %lld answers of at most %d; 40 of 250 KB in %d", qint64(pageSizes.size()),
          GatewayServer::kArchivePage, pages + 1);
}

void TestSecurityHttp::eventBridgeArchiveLimits_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("message");
    const QString region = mCloud->region();
    const QString busArn = EventBus::busArn(region, QStringLiteral("audit"));
    const QString archiveArn = EventArchive::archiveArn(region, QStringLiteral("audit-archive"));
    const QString ruleArn = EventBus::ruleArn(region, QStringLiteral("audit"), QStringLiteral("keep"));
    const QByteArray invalid = "ValidationException";
    auto replay = [&](const QJsonObject &extra) {
        QJsonObject input{{"ReplayName", "limits"},
                          {"EventSourceArn", archiveArn},
                          {"EventStartTime", 1577836800},
                          {"EventEndTime", 1609459200},
                          {"Destination", QJsonObject{{"Arn", busArn}}}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            input.insert(it.key(), it.value());
        return input;
    };
    const QString name49(49, QLatin1Char('a'));
    const QString name65(65, QLatin1Char('r'));
    const QString text513(513, QLatin1Char('d'));
    QTest::newRow("DescribeArchive, name of 49")
        << QByteArray("DescribeArchive") << QJsonObject{{"ArchiveName", name49}} << 400 << invalid
        << QByteArray("length less than or equal to 48");
    QTest::newRow("DeleteArchive, name with a slash")
        << QByteArray("DeleteArchive") << QJsonObject{{"ArchiveName", "audit-archive/x"}} << 400 << invalid
        << QByteArray("regular expression pattern");
    QTest::newRow("CreateArchive, name of 49")
        << QByteArray("CreateArchive") << QJsonObject{{"ArchiveName", name49}, {"EventSourceArn", busArn}} << 400
        << invalid << QByteArray("length less than or equal to 48");
    QTest::newRow("CreateArchive, description of 513")
        << QByteArray("CreateArchive")
        << QJsonObject{{"ArchiveName", "mine"}, {"EventSourceArn", busArn}, {"Description", text513}} << 400 << invalid
        << QByteArray("'description' failed to satisfy constraint: Member must have length less than or equal to 512");
    QTest::newRow("CreateArchive, pattern of 4097")
        << QByteArray("CreateArchive")
        << QJsonObject{{"ArchiveName", "mine"},
                       {"EventSourceArn", busArn},
                       {"EventPattern", R"({"source":[")" + QString(4082, QLatin1Char('p')) + R"("]})"}}
        << 400 << invalid << QByteArray("'eventPattern' failed to satisfy constraint");
    QTest::newRow("UpdateArchive, description of 513")
        << QByteArray("UpdateArchive") << QJsonObject{{"ArchiveName", "audit-archive"}, {"Description", text513}} << 400
        << invalid << QByteArray("less than or equal to 512");
    QTest::newRow("UpdateArchive, pattern of 4097")
        << QByteArray("UpdateArchive")
        << QJsonObject{{"ArchiveName", "audit-archive"},
                       {"EventPattern", R"({"source":[")" + QString(4082, QLatin1Char('p')) + R"("]})"}}
        << 400 << invalid << QByteArray("less than or equal to 4096");
    QTest::newRow("UpdateArchive, retention past an int")
        << QByteArray("UpdateArchive") << QJsonObject{{"ArchiveName", "audit-archive"}, {"RetentionDays", 1e12}} << 400
        << invalid << QByteArray("'retentionDays'");
    QTest::newRow("UpdateArchive, retention of 1.5")
        << QByteArray("UpdateArchive") << QJsonObject{{"ArchiveName", "audit-archive"}, {"RetentionDays", 1.5}} << 400
        << invalid << QByteArray("'retentionDays'");
    QTest::newRow("ListArchives, Limit 101") << QByteArray("ListArchives") << QJsonObject{{"Limit", 101}} << 400
                                             << invalid << QByteArray("less than or equal to 100");
    QTest::newRow("ListArchives, Limit 0")
        << QByteArray("ListArchives") << QJsonObject{{"Limit", 0}} << 400 << invalid << QByteArray("'limit'");
    QTest::newRow("ListArchives, NextToken not one of ours")
        << QByteArray("ListArchives") << QJsonObject{{"NextToken", "' OR 1=1"}} << 400 << invalid
        << QByteArray("NextToken is not valid");
    QTest::newRow("ListArchives, NamePrefix of 49") << QByteArray("ListArchives") << QJsonObject{{"NamePrefix", name49}}
                                                    << 400 << invalid << QByteArray("'namePrefix'");
    QTest::newRow("ListArchives, unknown State") << QByteArray("ListArchives") << QJsonObject{{"State", "ALL"}} << 400
                                                 << invalid << QByteArray("enum value set");
    QTest::newRow("ListArchives, EventSourceArn of 1601")
        << QByteArray("ListArchives") << QJsonObject{{"EventSourceArn", busArn + QString(1601, QLatin1Char('x'))}}
        << 400 << invalid << QByteArray("less than or equal to 1600");
    QTest::newRow("ListReplays, Limit 101") << QByteArray("ListReplays") << QJsonObject{{"Limit", 101}} << 400
                                            << invalid << QByteArray("less than or equal to 100");
    QTest::newRow("ListReplays, NamePrefix of 65") << QByteArray("ListReplays") << QJsonObject{{"NamePrefix", name65}}
                                                   << 400 << invalid << QByteArray("less than or equal to 64");
    QTest::newRow("ListReplays, unknown State") << QByteArray("ListReplays") << QJsonObject{{"State", "DONE"}} << 400
                                                << invalid << QByteArray("enum value set");
    QTest::newRow("StartReplay, name of 65") << QByteArray("StartReplay") << replay({{"ReplayName", name65}}) << 400
                                             << invalid << QByteArray("less than or equal to 64");
    QTest::newRow("StartReplay, description of 513") << QByteArray("StartReplay") << replay({{"Description", text513}})
                                                     << 400 << invalid << QByteArray("less than or equal to 512");
    QTest::newRow("StartReplay, start past the year 9999")
        << QByteArray("StartReplay") << replay({{"EventStartTime", 1e300}}) << 400 << invalid
        << QByteArray("'eventStartTime'");
    QTest::newRow("StartReplay, end not a number")
        << QByteArray("StartReplay") << replay({{"EventEndTime", "tomorrow"}}) << 400 << invalid
        << QByteArray("'eventEndTime'");
    QJsonArray filters;
    for (int i = 0; i <= EventArchive::kMaxReplayRules; ++i)
        filters.append(ruleArn);
    QTest::newRow("StartReplay, 301 FilterArns")
        << QByteArray("StartReplay") << replay({{"Destination", QJsonObject{{"Arn", busArn}, {"FilterArns", filters}}}})
        << 400 << invalid << QByteArray("'destination.filterArns'");
    QTest::newRow("StartReplay, FilterArn of 1601")
        << QByteArray("StartReplay")
        << replay({{"Destination", QJsonObject{{"Arn", busArn},
                                               {"FilterArns", QJsonArray{ruleArn + QString(1601, QLatin1Char('x'))}}}}})
        << 400 << invalid << QByteArray("less than or equal to 1600");
    QTest::newRow("DescribeReplay, name of 65") << QByteArray("DescribeReplay") << QJsonObject{{"ReplayName", name65}}
                                                << 400 << invalid << QByteArray("less than or equal to 64");
    QTest::newRow("CancelReplay, name with a space") << QByteArray("CancelReplay") << QJsonObject{{"ReplayName", "a b"}}
                                                     << 400 << invalid << QByteArray("regular expression pattern");
    // What the local cloud does not serve is refused by name, never half done.
    for (const char *operation : {"PutRule", "PutTargets", "CreateEventBus", "DeleteRule", "PutPermission",
                                  "CreateApiDestination", "TagResource"})
        QTest::newRow(operation) << QByteArray(operation) << QJsonObject{{"Name", "x"}} << 501
                                 << QByteArray("NotImplemented") << "AWSEvents." + QByteArray(operation);
}

void TestSecurityHttp::eventBridgeArchiveLimits()
{
    QFETCH(QByteArray, operation);
    QFETCH(QJsonObject, input);
    QFETCH(int, status);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, message);
    const QByteArray body = QJsonDocument(input).toJson(QJsonDocument::Compact);
    const Answer a = send(true, "POST / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nX-Amz-Target: AWSEvents." + operation
                                    + "\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: "
                                    + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY2(a.status == status, statusLine(a).constData());
    QVERIFY2(a.body.contains(type), a.body.constData());
    QVERIFY2(a.body.contains(message), a.body.constData());
    // Nothing changed: the archive is as the design made it, no replay ran.
    const std::optional<ArchiveInfo> archive = mCloud->eventArchive().archive(QStringLiteral("audit-archive"));
    QVERIFY(archive);
    QVERIFY(archive->description.isEmpty() && archive->pattern.isEmpty() && !archive->retentionDays);
    QVERIFY(!mCloud->eventArchive().replay(QStringLiteral("limits")));
    QCOMPARE(queueDepth(), 0);
}

void TestSecurityHttp::storedObjectsNeverRenderInBrowser()
{
    int status = 0;
    const QJsonObject page{
        {"bucket", "files"},
        {"key", "page.html"},
        {"contentType", "text/html"},
        {"body", QString::fromLatin1(QByteArray("<script>alert(document.cookie)</script>").toBase64())}};
    control(QStringLiteral("put-object"), page, mGateway->controlToken(), "application/json", &status);
    QCOMPARE(status, 200);
    const Answer a = send(true, "GET /files/page.html HTTP/1.1\r\nHost: localhost:PORT\r\n\r\n");
    QCOMPARE(a.status, 200);
    const QByteArray head = a.head.toLower();
    QVERIFY2(head.contains("\r\nx-content-type-options: nosniff"), head.constData());
    QVERIFY2(head.contains("\r\ncontent-security-policy: sandbox"), head.constData());
    // Every other answer of the endpoint too (an error is a document a browser could open).
    const Answer missing = send(true, "GET /files/none.html HTTP/1.1\r\nHost: localhost:PORT\r\n\r\n");
    QCOMPARE(missing.status, 404);
    QVERIFY(missing.head.toLower().contains("content-security-policy: sandbox"));
}

void TestSecurityHttp::functionHeaderInjection()
{
    for (const char *path : {"/inject", "/injectName"}) {
        const Answer a = send(false, QByteArray("GET ") + path + " HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n\r\n");
        QVERIFY2(a.status == 502, statusLine(a).constData());
        QVERIFY2(!a.head.toLower().contains("set-cookie"), a.head.constData());
    }
}

void TestSecurityHttp::awsChunkedOverflow()
{
    // The decoder refuses sizes that would overflow its bounds check.
    QVERIFY(!AwsWire::decodeAwsChunked("7fffffffffffffff;chunk-signature=0\r\nabc\r\n0\r\n\r\n").has_value());
    QVERIFY(!AwsWire::decodeAwsChunked("7ffffffffffffffa\r\nabc\r\n").has_value());
    QVERIFY(!AwsWire::decodeAwsChunked("ffffffffffffffff\r\nabc\r\n").has_value());
    QCOMPARE(AwsWire::decodeAwsChunked("3;chunk-signature=0\r\nabc\r\n0\r\n\r\n").value(), QByteArray("abc"));
    // The 60-byte request that used to kill nimbus serve gets a 400, and the next one is served.
    const QByteArray body = "7fffffffffffffff\r\nabc\r\n";
    const Answer a = send(true, "PUT /files/boom HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nContent-Encoding: aws-chunked\r\n"
                                "Content-Length: "
                                    + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY2(a.status == 400, statusLine(a).constData());
    QCOMPARE(send(true, "GET /files/keep.txt HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n\r\n").status, 200);
}

void TestSecurityHttp::oversizedBodiesRefusedBeforeBuffered_data()
{
    QTest::addColumn<bool>("aws");
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<qint64>("stream");
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<qint64>("limit"); // the most the server may take before it answers
    const qint64 gb = 1024LL * 1024 * 1024;
    QTest::newRow("AWS endpoint, 1 GB with Content-Length")
        << true << QByteArray("PUT /files/big HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nContent-Length: 1073741824\r\n\r\n")
        << gb << false << qint64(32 << 20);
    QTest::newRow("DynamoDB, 100 MB JSON")
        << true
        << QByteArray("POST / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nX-Amz-Target: DynamoDB_20120810.BatchGetItem\r\n"
                      "Content-Type: application/x-amz-json-1.0\r\nContent-Length: 104857600\r\n\r\n")
        << qint64(100 << 20) << false << qint64(32 << 20);
    // Under the endpoint's 64 MB, far over the 6 MB a Lambda invocation takes.
    QTest::newRow("Lambda Invoke, 48 MB")
        << true
        << QByteArray("POST /2015-03-31/functions/getItem/invocations HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n"
                      "Authorization: AWS4-HMAC-SHA256 Credential=K/20270101/us-east-1/lambda/aws4_request, "
                      "SignedHeaders=host, Signature=0\r\nContent-Length: 50331648\r\n\r\n")
        << qint64(48 << 20) << false << qint64(24 << 20);
    QTest::newRow("gateway, 200 MB chunked")
        << false << QByteArray("POST /items/1 HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nTransfer-Encoding: chunked\r\n\r\n")
        << qint64(200 << 20) << true << qint64(GatewayServer::kPayloadLimit + (24 << 20));
    QTest::newRow("control path, 1 GB object")
        << false
        << QByteArray("POST /_nimbus/put-object HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nContent-Type: application/json\r\n"
                      "Content-Length: 1073741824\r\n\r\n")
        << gb << false << qint64(32 << 20);
    QTest::newRow("endless head") << false << QByteArray("GET /items/1 HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nX-Long: ")
                                  << qint64(64 << 20) << false << qint64(32 << 20);
}

void TestSecurityHttp::oversizedBodiesRefusedBeforeBuffered()
{
    QFETCH(bool, aws);
    QFETCH(QByteArray, head);
    QFETCH(qint64, stream);
    QFETCH(bool, chunked);
    QFETCH(qint64, limit);
    const Answer a = send(aws, head, stream, chunked);
    // Refused, and long before the whole body was taken (a socket buffer or two after the limit).
    QVERIFY2(a.status == 413 || a.status == 431, statusLine(a).constData());
    QVERIFY2(a.sent < limit, qPrintable(QStringLiteral("the server took %1 bytes").arg(a.sent)));
    QVERIFY(a.head.toLower().contains("connection: close"));
    // It still serves.
    QCOMPARE(send(true, "GET /files/keep.txt HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n\r\n").status, 200);
}

void TestSecurityHttp::oversizedInvokePayloadRefused_data()
{
    QTest::addColumn<QByteArray>("invocationType");
    QTest::addColumn<int>("size");
    QTest::newRow("RequestResponse, 6 MB and a byte") << QByteArray("RequestResponse") << (6 * 1024 * 1024 + 1);
    QTest::newRow("Event, 256 KB and a byte") << QByteArray("Event") << (256 * 1024 + 1);
}

// Lambda's payload quotas: refused with Lambda's own error, and the function never runs.
void TestSecurityHttp::oversizedInvokePayloadRefused()
{
    QFETCH(QByteArray, invocationType);
    QFETCH(int, size);
    const auto runs = [this] {
        return std::count_if(mCloud->log().cbegin(), mCloud->log().cend(), [](const CloudLogEntry &e) {
            return e.kind == CloudLogEntry::Kind::Invocation && e.target == QLatin1String("getItem");
        });
    };
    const auto before = runs();
    const QByteArray payload = "\"" + QByteArray(size - 2, 'x') + "\"";
    const Answer a = send(true, "POST /2015-03-31/functions/getItem/invocations HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n"
                                "Authorization: AWS4-HMAC-SHA256 Credential=K/20270101/us-east-1/lambda/aws4_request, "
                                "SignedHeaders=host, Signature=0\r\nX-Amz-Invocation-Type: "
                                    + invocationType + "\r\nContent-Length: " + QByteArray::number(payload.size())
                                    + "\r\n\r\n" + payload);
    QCOMPARE(a.status, 413);
    QVERIFY2(a.head.toLower().contains("x-amzn-errortype: requestentitytoolargeexception"), a.head.constData());
    QCOMPARE(runs(), before);
}

void TestSecurityHttp::foreignBodiesAreNeverRead()
{
    // A page's no-cors POST of 90 MB: refused on its head, the body is never buffered.
    const QByteArray head =
        "POST /_nimbus/send-message HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nOrigin: https://evil.example\r\n"
        "Sec-Fetch-Site: cross-site\r\nContent-Type: text/plain\r\nContent-Length: 94371840\r\n\r\n";
    for (bool aws : {false, true}) {
        const Answer a = send(aws, head, 90 << 20);
        QVERIFY2(a.status == 403, statusLine(a).constData());
        QVERIFY2(a.sent < (16 << 20), qPrintable(QStringLiteral("the server took %1 bytes").arg(a.sent)));
    }
}

void TestSecurityHttp::malformedHeadsRefused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("two Content-Lengths") << QByteArray(
        "PUT /files/x HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nContent-Length: 999999999\r\n"
        "Content-Length: 5\r\n\r\nhello") << 400;
    QTest::newRow("LF-only head over the limit")
        << QByteArray("PUT /files/x HTTP/1.1\nHost: 127.0.0.1:PORT\nContent-Length: 1073741824\n\nxxxx") << 413;
    QTest::newRow("DynamoDB target without a space")
        << QByteArray("POST / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nX-Amz-Target:DynamoDB_20120810.PutItem\r\n"
                      "Content-Length: 33554432\r\n\r\n")
        << 413;
    QTest::newRow("Range suffix that overflows") << QByteArray(
        "GET /files/keep.txt HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nRange: bytes=-9223372036854775808\r\n\r\n")
                                                 << 416;
}

void TestSecurityHttp::malformedHeadsRefused()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    const Answer a = send(true, request);
    QVERIFY2(a.status == status, statusLine(a).constData());
    QVERIFY(!mCloud->state().getObject(QStringLiteral("files"), QStringLiteral("x")).hasValue());
}

void TestSecurityHttp::gatewayHeadHasNoBody()
{
    // A body after a HEAD answer would be read as the next answer on the connection.
    const Answer a = send(false, "HEAD /items/5 HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nConnection: close\r\n\r\n");
    QCOMPARE(a.status, 200);
    QVERIFY2(a.body.isEmpty(), a.body.constData());
}

void TestSecurityHttp::hugeBatchesRefusedAtOnce()
{
    // 200,000 keys: refused by count before a single key is read.
    QJsonArray keys;
    for (int i = 0; i < 200000; ++i)
        keys.append(QJsonObject{{"id", QJsonObject{{"S", QString::number(i)}}}});
    const QByteArray body = QJsonDocument(
                                QJsonObject{{"RequestItems", QJsonObject{{"items", QJsonObject{{"Keys", keys}}}}}})
                                .toJson(QJsonDocument::Compact);
    QVERIFY(body.size() < AwsEndpoint::kDynamoRequestLimit);
    QElapsedTimer timer;
    timer.start();
    const Answer a = send(true,
                          "POST / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nX-Amz-Target: DynamoDB_20120810.BatchGetItem\r\n"
                          "Content-Type: application/x-amz-json-1.0\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY2(a.status == 400, statusLine(a).constData());
    QVERIFY2(a.body.contains("Too many items requested for the BatchGetItem call"), a.body.constData());
    qInfo("200,000-key BatchGetItem refused in %lld ms", timer.elapsed());
    // BatchWriteItem likewise: counted before any item is checked.
    QJsonArray puts;
    for (int i = 0; i < 50000; ++i)
        puts.append(QJsonObject{
            {"PutRequest", QJsonObject{{"Item", QJsonObject{{"id", QJsonObject{{"S", QString::number(i)}}}}}}}});
    const QByteArray write =
        QJsonDocument(QJsonObject{{"RequestItems", QJsonObject{{"items", puts}}}}).toJson(QJsonDocument::Compact);
    const Answer w = send(
        true, "POST / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nX-Amz-Target: DynamoDB_20120810.BatchWriteItem\r\n"
              "Content-Type: application/x-amz-json-1.0\r\nContent-Length: "
                  + QByteArray::number(write.size()) + "\r\n\r\n" + write);
    QVERIFY2(w.status == 400 && w.body.contains("less than or equal to 25"), statusLine(w).constData());
}

void TestSecurityHttp::bigScansArePaged()
{
    // A big table is read a page at a time from where the last page ended, so that no
    // Scan holds the server for long: every item comes back once.
    const int total = 25000;
    const TableKeys keys = mCloud->tableKeys(QStringLiteral("items"));
    for (int i = 0; i < total; ++i)
        QVERIFY(mCloud->state().putItem(
            QStringLiteral("items"), keys,
            {{"id", QJsonObject{{"S", QStringLiteral("k%1").arg(i, 6, 10, QLatin1Char('0'))}}}}));
    QSet<QString> seen;
    QJsonObject start;
    int pages = 0;
    qint64 longest = 0;
    do {
        QJsonObject input{{"TableName", "items"}};
        if (!start.isEmpty())
            input.insert("ExclusiveStartKey", start);
        const QByteArray body = QJsonDocument(input).toJson(QJsonDocument::Compact);
        QElapsedTimer timer;
        timer.start();
        const Answer a = send(true,
                              "POST / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nX-Amz-Target: DynamoDB_20120810.Scan\r\n"
                              "Content-Type: application/x-amz-json-1.0\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        longest = std::max(longest, timer.elapsed());
        QVERIFY2(a.status == 200, statusLine(a).constData());
        const QJsonObject page = QJsonDocument::fromJson(a.body).object();
        const QJsonArray items = page.value("Items").toArray();
        QVERIFY2(items.size() <= 10001, qPrintable(QString::number(items.size())));
        for (const QJsonValue &item : items) {
            const QString id = item["id"]["S"].toString();
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.insert(id);
        }
        start = page.value("LastEvaluatedKey").toObject();
        QVERIFY(++pages < 10);
    } while (!start.isEmpty());
    QCOMPARE(seen.size(), total);
    QVERIFY(pages >= 3);
    qInfo("a %d-item table scanned in %d pages, the longest %lld ms", total, pages, longest);
    for (int i = 0; i < total; ++i)
        (void)mCloud->state().deleteItem(
            QStringLiteral("items"), keys,
            {{"id", QJsonObject{{"S", QStringLiteral("k%1").arg(i, 6, 10, QLatin1Char('0'))}}}});
}

void TestSecurityHttp::serveStaysSmallUnderHugeUploads()
{
    // nimbus serve on a small project, its peak resident memory read from the kernel.
    const QString dir = mDir.filePath(QStringLiteral("serve"));
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/functions/getItem")));
    QFile code(dir + QStringLiteral("/functions/getItem/index.js"));
    QVERIFY(code.open(QIODevice::WriteOnly));
    code.write("exports.handler = async (e) => ({ id: e.pathParameters.id });\n");
    code.close();
    QFile json(dir + QStringLiteral("/small.json"));
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(R"({"format": "nimbus-project", "version": 1,
        "nodes": [{"name": "route", "kind": "http-route", "properties": {"method": "ANY", "path": "/items/{id}"}},
                  {"name": "getItem", "kind": "function", "properties": {"source": "functions/getItem"}},
                  {"name": "files", "kind": "bucket"}, {"name": "jobs", "kind": "queue"}],
        "edges": [{"from": "route", "to": "getItem", "type": "invokes"}]})");
    json.close();
    QProcess serve;
    serve.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"),
                {QStringLiteral("serve"), json.fileName(), QStringLiteral("--port"), QStringLiteral("0"),
                 QStringLiteral("--aws-port"), QStringLiteral("0")});
    QVERIFY(QTest::qWaitFor([&] { return serve.peek(4096).count('\n') >= 2; }, 20000));
    const quint16 gateway = QUrl(QString::fromLatin1(serve.readLine().trimmed())).port();
    const quint16 aws = QUrl(QString::fromLatin1(serve.readLine().trimmed())).port();
    auto peakKb = [&] {
        QFile status(QStringLiteral("/proc/%1/status").arg(serve.processId()));
        if (!status.open(QIODevice::ReadOnly))
            return -1LL;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toLongLong();
        return -1LL;
    };
    const qint64 before = peakKb();
    auto upload = [&](quint16 port, const QByteArray &head, qint64 bytes, bool chunked) {
        QByteArray text = head;
        text.replace("PORT", QByteArray::number(port));
        auto future = std::async(std::launch::async, exchange, port, text, bytes, chunked);
        if (!QTest::qWaitFor([&] { return future.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; },
                             300000))
            qWarning("an upload did not end in 5 minutes");
        return future.get();
    };
    const qint64 gb = 1024LL * 1024 * 1024;
    const Answer declared = upload(
        aws, "PUT /files/big HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nContent-Length: 1073741824\r\n\r\n", gb, false);
    QCOMPARE(declared.status, 413);
    const Answer streamed = upload(
        aws, "PUT /files/big HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nTransfer-Encoding: chunked\r\n\r\n", gb, true);
    QCOMPARE(streamed.status, 413);
    const Answer gatewayStream = upload(
        gateway, "POST /items/1 HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nTransfer-Encoding: chunked\r\n\r\n", 200 << 20,
        true);
    QCOMPARE(gatewayStream.status, 413);
    const Answer object = upload(
        gateway,
        "POST /_nimbus/put-object HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nContent-Type: application/json\r\n"
        "Content-Length: 1073741824\r\n\r\n",
        gb, false);
    QCOMPARE(object.status, 413);
    const qint64 peak = peakKb();
    qInfo("nimbus serve peak resident memory: %lld MB before, %lld MB after 1 GB uploads to both ports (the server "
          "took %lld MB of the "
          "streamed one)",
          before / 1024, peak / 1024, streamed.sent >> 20);
    QVERIFY2(peak > 0 && peak < 200 * 1024, qPrintable(QStringLiteral("peak %1 MB").arg(peak / 1024)));
    ::kill(pid_t(serve.processId()), SIGTERM);
    QVERIFY(serve.waitForFinished(20000));
}

void TestSecurityHttp::cloudTrustsOnlyALiveLoopbackServer_data()
{
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<bool>("alivePid");
    QTest::addColumn<QString>("twist");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("a dead process") << "http://127.0.0.1:9" << false << "" << QByteArray("is not running");
    QTest::newRow("a pid reused by another program")
        << "http://127.0.0.1:9" << true << "" << QByteArray("is not running");
    QTest::newRow("a foreign host") << "http://203.0.113.7:3000" << true << ""
                                    << QByteArray("not the local cloud's address");
    QTest::newRow("https") << "https://127.0.0.1:3000" << true << "" << QByteArray("not the local cloud's address");
    QTest::newRow("file") << "file:///etc/passwd" << true << "" << QByteArray("not the local cloud's address");
    QTest::newRow("a name") << "http://evil.example:3000" << true << "" << QByteArray("not the local cloud's address");
    QTest::newRow("a link") << "http://127.0.0.1:9" << true << "link"
                            << QByteArray("not a file nimbus serve wrote for you");
    QTest::newRow("writable by others") << "http://127.0.0.1:9" << true << "writable"
                                        << QByteArray("not a file nimbus serve wrote for you");
}

void TestSecurityHttp::cloudTrustsOnlyALiveLoopbackServer()
{
    QFETCH(QString, gateway);
    QFETCH(bool, alivePid);
    QFETCH(QString, twist);
    QFETCH(QByteArray, message);
    QTemporaryDir dir;
    QFile json(dir.filePath(QStringLiteral("p.json")));
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(
        R"({"format": "nimbus-project", "version": 1, "nodes": [{"name": "jobs", "kind": "queue"}], "edges": []})");
    json.close();
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral(".nimbus-cloud"))));
    QFile server(dir.filePath(twist == QLatin1String("link") ? QStringLiteral("elsewhere.json")
                                                             : QStringLiteral(".nimbus-cloud/server.json")));
    QVERIFY(server.open(QIODevice::WriteOnly));
    // A pid that is surely gone: a child that has been reaped.
    QProcess gone;
    gone.start(QStringLiteral("true"));
    QVERIFY(gone.waitForFinished());
    const qint64 pid = alivePid ? QCoreApplication::applicationPid() : gone.processId();
    server.write(
        QJsonDocument(QJsonObject{{"gateway", gateway}, {"token", "t"}, {"pid", alivePid ? pid : qint64(999999999)}})
            .toJson());
    server.close();
    if (twist == QLatin1String("link"))
        QVERIFY(QFile::link(server.fileName(), dir.filePath(QStringLiteral(".nimbus-cloud/server.json"))));
    if (twist == QLatin1String("writable"))
        QVERIFY(server.setPermissions(server.permissions() | QFileDevice::WriteOther));
    QProcess cloud;
    cloud.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"),
                {QStringLiteral("cloud"), json.fileName(), QStringLiteral("send-message"), QStringLiteral("jobs"),
                 QStringLiteral("x")});
    QVERIFY(cloud.waitForFinished(20000));
    const QByteArray err = cloud.readAllStandardError();
    QCOMPARE(cloud.exitCode(), 3);
    QVERIFY2(err.contains(message), err.constData());
}

QTEST_GUILESS_MAIN(TestSecurityHttp)
#include "tst_security_http.moc"
