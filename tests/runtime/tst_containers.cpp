// Serverless containers (issue 20 item 6): a container node's instances start on the
// first request (its local command, a Node.js HTTP server, with PORT), are reused, scale
// out above their concurrency up to the maximum and back to zero after the idle timeout;
// the gateway proxies a route to them (method, path, query, headers, body, status, answer
// headers) and events reach them as CloudEvents; a command that exits or never listens
// answers 503 naming the node without the studio hanging.

#include "cloudfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <future>
#include <sys/types.h>
#include <vector>

using namespace Nimbus;
using namespace NimbusTest;

namespace {

// Answers every request with what it received; /slow?ms=N waits first, /teapot is a
// 418; a POST to /events is kept in events.jsonl of its folder.
const QByteArray kServer = R"(const http = require('http');
const fs = require('fs');
const port = Number(process.env.PORT);
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url, 'http://localhost');
    const body = Buffer.concat(chunks).toString();
    if (req.method === 'POST' && url.pathname === '/')
      fs.appendFileSync('events.jsonl', JSON.stringify({ headers: req.headers, body }) + '\n');
    const reply = () => {
      res.statusCode = url.pathname === '/teapot' ? 418 : 200;
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-served-by', String(process.pid));
      res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
      res.end(JSON.stringify({ method: req.method, path: url.pathname, query: url.search, headers: req.headers,
                               body, pid: process.pid, service: process.env.K_SERVICE,
                               greeting: process.env.GREETING, queueUrl: process.env.JOBS_QUEUE_URL,
                               host: process.env.HOST }));
    };
    if (url.pathname === '/slow')
      setTimeout(reply, Number(url.searchParams.get('ms') || 500));
    else
      reply();
  });
}).listen(port, '127.0.0.1');
)";

bool alive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

} // namespace

class TestContainers : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void coldStartThenWarm();
    void proxiesRequestsAndAnswers_data();
    void proxiesRequestsAndAnswers();
    void scalesOutAboveConcurrency();
    void scalesToZeroAfterIdle();
    void startFailuresNameTheNode_data();
    void startFailuresNameTheNode();
    void queueMessagesArriveAsCloudEvents();
    void stopKillsTheInstances();

private:
    // A container node running the server above from containers/<name>, reached by
    // ANY /{proxy+} (and / itself).
    NodeId addContainer(LocalCloudFixture &f, const QString &name = QStringLiteral("web"),
                        const QString &command = QStringLiteral("node server.js"));
};

void TestContainers::init()
{
    // The machine's engine (if any) must not take over: these nodes have no image anyway.
    qputenv("NIMBUS_CONTAINER_ENGINE", "none");
}

NodeId TestContainers::addContainer(LocalCloudFixture &f, const QString &name, const QString &command)
{
    const NodeId id = f.project.addNode(QStringLiteral("container"), {}, name).valueOr(kInvalidNodeId);
    QDir().mkpath(f.folder.filePath(QStringLiteral("containers/") + name));
    QFile file(f.folder.filePath(QStringLiteral("containers/%1/server.js").arg(name)));
    if (!file.open(QIODevice::WriteOnly) || file.write(kServer) != kServer.size())
        qWarning("cannot write the server");
    file.close();
    (void)f.project.setNodeProperty(id, QStringLiteral("command"), command);
    (void)f.project.setNodeProperty(
        id, QStringLiteral("environment"),
        QJsonArray{QJsonValue(QJsonObject{{QStringLiteral("name"), QStringLiteral("GREETING")},
                                          {QStringLiteral("value"), QStringLiteral("hello")}})});
    f.addRoute(QStringLiteral("ANY"), QStringLiteral("/{proxy+}"), id);
    return id;
}

void TestContainers::coldStartThenWarm()
{
    LocalCloudFixture f;
    const NodeId web = addContainer(f);
    // It writes to a queue, as a function would: it gets the queue's URL.
    const NodeId jobs = f.project.addNode(QStringLiteral("queue"), {}, QStringLiteral("jobs")).valueOr(0);
    QVERIFY(f.project.connectNodes(web, jobs, QStringLiteral("writes")));
    QVERIFY2(f.start(LocalCloudFixture::Gateway | LocalCloudFixture::Endpoint), qPrintable(f.error));
    QCOMPARE(f.cloud->containers().instanceCount(QStringLiteral("web")), 0);
    const HttpReply first = f.request("GET", QStringLiteral("/hello"));
    QCOMPARE(first.status, 200L);
    const QJsonObject one = QJsonDocument::fromJson(first.body).object();
    QCOMPARE(one.value("service").toString(), QStringLiteral("web"));
    QCOMPARE(one.value("greeting").toString(), QStringLiteral("hello"));
    // Servers that read HOST listen on this machine only: the gateway is the way in.
    QCOMPARE(one.value("host").toString(), QStringLiteral("127.0.0.1"));
    QVERIFY2(one.value("queueUrl").toString().endsWith(QStringLiteral("/000000000000/jobs")),
             qPrintable(one.value("queueUrl").toString()));
    QCOMPARE(f.cloud->containers().instanceCount(QStringLiteral("web")), 1);
    const HttpReply second = f.request("GET", QStringLiteral("/again"));
    QCOMPARE(second.status, 200L);
    QCOMPARE(QJsonDocument::fromJson(second.body).object().value("pid").toInt(), one.value("pid").toInt());
    QCOMPARE(f.cloud->containers().instanceCount(QStringLiteral("web")), 1);
    // The event log: one start, the first request cold, the second warm.
    const QList<CloudLogEntry> changes = f.entries(CloudLogEntry::Kind::ServiceChange, QStringLiteral("web"));
    QCOMPARE(changes.size(), 1);
    QVERIFY2(changes.first().detail.startsWith(QStringLiteral("instance 1 started in")),
             qPrintable(changes.first().detail));
    QVERIFY(f.waitForInvocations(QStringLiteral("web"), 2));
    const QList<CloudLogEntry> hops = f.entries(CloudLogEntry::Kind::Invocation, QStringLiteral("web"));
    QCOMPARE(hops.size(), 2);
    QVERIFY2(hops.at(0).detail.contains(QStringLiteral("cold start")), qPrintable(hops.at(0).detail));
    QVERIFY2(!hops.at(1).detail.contains(QStringLiteral("cold start")), qPrintable(hops.at(1).detail));
    QCOMPARE(hops.at(0).source, QStringLiteral("GET /hello"));
    QCOMPARE(hops.at(1).httpStatus, 200);
    QVERIFY(hops.at(0).ok);
}

void TestContainers::proxiesRequestsAndAnswers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<long>("status");
    QTest::addColumn<QString>("query");
    QTest::newRow("get with a query") << QByteArray("GET") << QStringLiteral("/items/7?x=1&y=two") << QByteArray()
                                      << 200L << QStringLiteral("?x=1&y=two");
    QTest::newRow("post with a body") << QByteArray("POST") << QStringLiteral("/orders") << QByteArray("{\"n\":3}")
                                      << 200L << QString();
    QTest::newRow("put") << QByteArray("PUT") << QStringLiteral("/orders/1") << QByteArray("data") << 200L << QString();
    QTest::newRow("delete") << QByteArray("DELETE") << QStringLiteral("/orders/1") << QByteArray() << 200L << QString();
    // The container gets the path as it was sent: an encoded "/" is not a separator.
    QTest::newRow("an encoded path as sent")
        << QByteArray("GET") << QStringLiteral("/items/a%20b%2Fc%C3%A9") << QByteArray() << 200L << QString();
    QTest::newRow("the server's status") << QByteArray("GET") << QStringLiteral("/teapot") << QByteArray() << 418L
                                         << QString();
}

void TestContainers::proxiesRequestsAndAnswers()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(long, status);
    QFETCH(QString, query);
    LocalCloudFixture f;
    addContainer(f);
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const HttpReply reply = f.request(method, path, body,
                                      {"X-Custom: value 1", "Content-Type: application/json", "Connection: close"});
    QCOMPARE(reply.status, status);
    const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(answer.value("method").toString().toUtf8(), method);
    QCOMPARE(answer.value("path").toString(), path.section(QLatin1Char('?'), 0, 0));
    QCOMPARE(answer.value("query").toString(), query);
    QCOMPARE(answer.value("body").toString().toUtf8(), body);
    const QJsonObject headers = answer.value("headers").toObject();
    QCOMPARE(headers.value("x-custom").toString(), QStringLiteral("value 1"));
    QCOMPARE(headers.value("content-type").toString(), QStringLiteral("application/json"));
    QCOMPARE(headers.value("x-forwarded-for").toString(), QStringLiteral("127.0.0.1"));
    // The server's headers come back, each cookie on its own line.
    const QByteArray head = reply.headers.toLower();
    QVERIFY2(head.contains("x-served-by: "), head.constData());
    QVERIFY2(head.contains("set-cookie: a=1; path=/\r\n"), head.constData());
    QVERIFY2(head.contains("set-cookie: b=2; path=/\r\n"), head.constData());
    QVERIFY2(head.contains("content-type: application/json"), head.constData());
}

void TestContainers::scalesOutAboveConcurrency()
{
    LocalCloudFixture f;
    const NodeId web = addContainer(f);
    QVERIFY(f.project.setNodeProperty(web, QStringLiteral("concurrency"), 1));
    QVERIFY(f.project.setNodeProperty(web, QStringLiteral("maxInstances"), 2));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const QByteArray url = (f.gateway->url() + QStringLiteral("/slow?ms=700")).toUtf8();
    // Three at once: two instances (the maximum) serve them, the third waits for one.
    std::vector<std::future<HttpReply>> replies;
    for (int i = 0; i < 3; ++i)
        replies.push_back(
            std::async(std::launch::async, performHttp, QByteArray("GET"), url, QByteArray(), QList<QByteArray>()));
    QVERIFY(QTest::qWaitFor(
        [&] {
        return std::all_of(replies.begin(), replies.end(), [](std::future<HttpReply> &r) {
            return r.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready;
        });
        },
        30000));
    QSet<int> pids;
    for (std::future<HttpReply> &r : replies) {
        const HttpReply reply = r.get();
        QCOMPARE(reply.status, 200L);
        pids.insert(QJsonDocument::fromJson(reply.body).object().value("pid").toInt());
    }
    QCOMPARE(pids.size(), 2);
    QCOMPARE(f.cloud->containers().instanceCount(QStringLiteral("web")), 2);
    QCOMPARE(f.entries(CloudLogEntry::Kind::ServiceChange, QStringLiteral("web")).size(), 2);
}

void TestContainers::scalesToZeroAfterIdle()
{
    LocalCloudFixture f;
    const NodeId web = addContainer(f);
    QVERIFY(f.project.setNodeProperty(web, QStringLiteral("idleTimeout"), 1));
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const HttpReply reply = f.request("GET", QStringLiteral("/ping"));
    QCOMPARE(reply.status, 200L);
    const qint64 pid = QJsonDocument::fromJson(reply.body).object().value("pid").toInt();
    QVERIFY(alive(pid));
    QCOMPARE(f.cloud->containers().instanceCount(QStringLiteral("web")), 1);
    QVERIFY(QTest::qWaitFor([&] { return f.cloud->containers().instanceCount(QStringLiteral("web")) == 0; }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return !alive(pid); }, 5000));
    const QList<CloudLogEntry> changes = f.entries(CloudLogEntry::Kind::ServiceChange, QStringLiteral("web"));
    QCOMPARE(changes.size(), 2);
    QVERIFY2(changes.last().detail.contains(QStringLiteral("stopped: idle for 1 s")),
             qPrintable(changes.last().detail));
    // The next request starts from zero again.
    QCOMPARE(f.request("GET", QStringLiteral("/ping")).status, 200L);
    QCOMPARE(f.cloud->containers().instanceCount(QStringLiteral("web")), 1);
}

void TestContainers::startFailuresNameTheNode_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("reason");
    QTest::newRow("exits") << QStringLiteral("node -e \"console.log('bad config'); process.exit(3)\"")
                           << QStringLiteral("exited with code 3 before listening on port");
    QTest::newRow("never listens") << QStringLiteral("node -e \"setTimeout(() => {}, 60000)\"")
                                   << QStringLiteral("did not listen on port");
    QTest::newRow("no such program") << QStringLiteral("./no-such-server --port 1") << QStringLiteral("cannot run");
    QTest::newRow("no command") << QString() << QStringLiteral("has no local command");
}

void TestContainers::startFailuresNameTheNode()
{
    QFETCH(QString, command);
    QFETCH(QString, reason);
    LocalCloudFixture f;
    addContainer(f, QStringLiteral("broken"), command);
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    f.cloud->containers().setStartTimeout(1500);
    QElapsedTimer clock;
    clock.start();
    const HttpReply reply = f.request("GET", QStringLiteral("/ping"), {}, {});
    QCOMPARE(reply.status, 503L);
    QVERIFY(clock.elapsed() < 10000);
    const QString message = QJsonDocument::fromJson(reply.body).object().value("message").toString();
    QVERIFY2(message.contains(QStringLiteral("container 'broken'")), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    if (QTest::currentDataTag() == QByteArrayLiteral("exits"))
        QVERIFY2(message.contains(QStringLiteral("bad config")), qPrintable(message));
    // The failure is in the event log, and the hop failed with 503.
    QVERIFY(!f.entries(CloudLogEntry::Kind::Error, QStringLiteral("broken")).isEmpty());
    const QList<CloudLogEntry> hops = f.entries(CloudLogEntry::Kind::Invocation, QStringLiteral("broken"));
    QCOMPARE(hops.size(), 1);
    QCOMPARE(hops.first().httpStatus, 503);
    QVERIFY(!hops.first().ok);
    QCOMPARE(f.cloud->containers().instanceCount(QStringLiteral("broken")), 0);
}

void TestContainers::queueMessagesArriveAsCloudEvents()
{
    LocalCloudFixture f;
    const NodeId web = addContainer(f);
    const NodeId queue = f.project.addNode(QStringLiteral("queue"), {}, QStringLiteral("orders")).valueOr(0);
    QVERIFY(f.project.connectNodes(queue, web, QStringLiteral("invokes")));
    QVERIFY2(f.start(LocalCloudFixture::NoServer), qPrintable(f.error));
    QVERIFY(f.cloud->sendMessage(QStringLiteral("orders"), "order 42"));
    QVERIFY(f.waitForInvocations(QStringLiteral("web"), 1));
    const CloudLogEntry hop = f.entries(CloudLogEntry::Kind::Invocation, QStringLiteral("web")).first();
    QVERIFY2(hop.ok, qPrintable(hop.detail));
    QCOMPARE(hop.source, QStringLiteral("orders"));
    QFile events(f.folder.filePath(QStringLiteral("containers/web/events.jsonl")));
    QVERIFY(events.open(QIODevice::ReadOnly));
    const QJsonObject received = QJsonDocument::fromJson(events.readLine()).object();
    const QJsonObject headers = received.value("headers").toObject();
    QCOMPARE(headers.value("ce-specversion").toString(), QStringLiteral("1.0"));
    QCOMPARE(headers.value("ce-type").toString(), QStringLiteral("aws.sqs"));
    QCOMPARE(headers.value("ce-source").toString(), QStringLiteral("/nimbus/orders"));
    QVERIFY(!headers.value("ce-id").toString().isEmpty());
    const QJsonObject event = QJsonDocument::fromJson(received.value("body").toString().toUtf8()).object();
    QCOMPARE(event.value("Records").toArray().first().toObject().value("body").toString(), QStringLiteral("order 42"));
    // A 2xx answer deleted the message.
    QVERIFY(QTest::qWaitFor([&] { return f.cloud->storedCount(QStringLiteral("orders")) == 0; }, 5000));
}

void TestContainers::stopKillsTheInstances()
{
    LocalCloudFixture f;
    addContainer(f);
    QVERIFY2(f.start(LocalCloudFixture::Gateway), qPrintable(f.error));
    const HttpReply reply = f.request("GET", QStringLiteral("/ping"));
    QCOMPARE(reply.status, 200L);
    const qint64 pid = QJsonDocument::fromJson(reply.body).object().value("pid").toInt();
    QVERIFY(alive(pid));
    f.cloud->stop();
    QVERIFY(QTest::qWaitFor([&] { return !alive(pid); }, 3000));
    QCOMPARE(f.cloud->containers().instanceCount(QStringLiteral("web")), 0);
}

QTEST_GUILESS_MAIN(TestContainers)
#include "tst_containers.moc"
