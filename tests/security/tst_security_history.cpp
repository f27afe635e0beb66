// Issue 17, run history: a request to the local cloud's gateway with credentials
// (Authorization, Proxy-Authorization, Cookie, X-Api-Key) reaches a function that has a
// secret variable. The function receives the real values; the run history in the
// project's .nimbus file, read back and grepped byte for byte, holds none of them.

#include "cloud/gatewayserver.h"
#include "cloud/localcloud.h"
#include "document/project.h"
#include "model/catalog.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "runtime/runhistory.h"
#include "storage/projectfile.h"
#include "testutil.h"

#include <curl/curl.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <future>

using namespace Nimbus;

namespace {
const QByteArray kBearer = "tok-a8c1e2f4d6b3";
const QByteArray kSession = "sess-93f0aa71c4";
const QByteArray kApiKey = "apikey-5d2e77b019";
const QByteArray kProxyCredentials = "cHJveHl1c2VyOnByb3h5cGFzcw=="; // proxyuser:proxypass
const QByteArray kPassword = "db-pass-Zr81xQ04";
const QByteArray kServerSession = "srv-sess-61be0c";
// What only a request or a run knows; the password is also in the design (the function's
// variables are part of the project), so the run must add no copy of it.
const QByteArrayList kRequestSecrets = {kBearer, kSession, kApiKey, kProxyCredentials, kServerSession};

size_t collect(char *data, size_t size, size_t count, void *target)
{
    static_cast<QByteArray *>(target)->append(data, qsizetype(size * count));
    return size * count;
}

QByteArray get(const QByteArray &url, const QList<QByteArray> &headers, long *status)
{
    QByteArray body;
    CURL *curl = curl_easy_init();
    curl_slist *list = nullptr;
    for (const QByteArray &h : headers)
        list = curl_slist_append(list, h.constData());
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    *status = 0;
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, status);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    return body;
}

// The project file and SQLite's companions, as a copy or a backup would take them.
QByteArray rawBytes(const QString &path)
{
    QByteArray bytes;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-journal")}) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            bytes += f.readAll();
    }
    return bytes;
}
} // namespace

class tst_SecurityHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void gatewayRequestsKeepNoSecrets_data();
    void gatewayRequestsKeepNoSecrets();

private:
    QTemporaryDir mDir;
    std::unique_ptr<Project> mProject;
    std::unique_ptr<FunctionRunner> mRunner;
    std::unique_ptr<LocalCloud> mCloud;
    std::unique_ptr<GatewayServer> mGateway;
    NodeId mFunction = kInvalidNodeId;
    qsizetype mPasswordsInDesign = 0;
};

void tst_SecurityHistory::initTestCase()
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    qRegisterMetaType<InvocationResult>();
    mProject = std::make_unique<Project>(Catalog::builtin());
    mProject->setWorkingDirectory(mDir.path());
    mFunction = mProject->addNode(QStringLiteral("function"), {}, QStringLiteral("whoami"));
    mProject->setNodeProperty(
        mFunction, QStringLiteral("environment"),
        QJsonArray{QJsonObject{{"name", "DB_PASSWORD"}, {"value", QString::fromLatin1(kPassword)}},
                   QJsonObject{{"name", "GREETING"}, {"value", "plain-greeting"}}});
    // It logs all it got, as a handler being debugged does, and answers with a cookie.
    QDir().mkpath(mDir.filePath(QStringLiteral("functions/whoami")));
    QVERIFY(NimbusTest::writeAll(
        mDir.filePath(QStringLiteral("functions/whoami/index.js")),
        "exports.handler = async (event) => {\n"
        "  const h = {};\n"
        "  for (const [k, v] of Object.entries(event.headers || {})) h[k.toLowerCase()] = v;\n"
        "  console.log('event', JSON.stringify(event));\n"
        "  console.log('password', process.env.DB_PASSWORD, process.env.GREETING);\n"
        "  return { statusCode: 200, headers: { 'Set-Cookie': 'sid="
            + kServerSession
            + "; Path=/; HttpOnly' },\n"
              "    body: JSON.stringify({ authorization: h.authorization, proxy: h['proxy-authorization'],\n"
              "      key: h['x-api-key'], cookie: h.cookie || (event.cookies || []).join('; '),\n"
              "      password: process.env.DB_PASSWORD }) };\n};\n"));
    for (const auto &[path, format] : {std::pair{"/v1/who", "1.0"}, std::pair{"/v2/who", "2.0"}}) {
        const NodeId route = mProject->addNode(QStringLiteral("http-route"), {});
        mProject->setNodeProperty(route, QStringLiteral("method"), QStringLiteral("GET"));
        mProject->setNodeProperty(route, QStringLiteral("path"), QString::fromLatin1(path));
        mProject->setNodeProperty(route, QStringLiteral("payloadFormat"), QString::fromLatin1(format));
        mProject->connectNodes(route, mFunction, QStringLiteral("invokes"));
    }
    ProjectFile file;
    const auto saved = file.save(*mProject, mDir.filePath(QStringLiteral("p.nimbus")));
    QVERIFY2(saved, qPrintable(saved.errorMessage()));
    mRunner = std::make_unique<FunctionRunner>();
    mRunner->setProject(mProject.get());
    mPasswordsInDesign = rawBytes(mDir.filePath(QStringLiteral("p.nimbus"))).count(kPassword);
    QVERIFY(mPasswordsInDesign > 0);
    mCloud = std::make_unique<LocalCloud>(*mProject, *mRunner);
    QString error;
    QVERIFY2(mCloud->start(mDir.filePath(QStringLiteral(".nimbus-cloud")), &error), qPrintable(error));
    mGateway = std::make_unique<GatewayServer>(*mCloud);
    QVERIFY2(mGateway->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
}

void tst_SecurityHistory::cleanupTestCase()
{
    mGateway.reset();
    mCloud.reset();
    if (mRunner)
        mRunner->pool()->stopAll();
    mRunner.reset();
    mProject.reset();
    curl_global_cleanup();
}

void tst_SecurityHistory::gatewayRequestsKeepNoSecrets_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("REST API (payload 1.0)") << "/v1/who";
    QTest::newRow("HTTP API (payload 2.0)") << "/v2/who";
}

void tst_SecurityHistory::gatewayRequestsKeepNoSecrets()
{
    QFETCH(QString, path);
    const int before = mRunner->history().entries(mFunction).size();
    const QList<QByteArray> headers = {"Authorization: Bearer " + kBearer,
                                       "Cookie: session=" + kSession + "; theme=dark", "X-Api-Key: " + kApiKey,
                                       "Proxy-Authorization: Basic " + kProxyCredentials};
    long status = 0;
    auto reply = std::async(std::launch::async, get, (mGateway->url() + path).toUtf8(), headers, &status);
    QVERIFY(QTest::qWaitFor([&] { return reply.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; },
                            40000));
    const QByteArray body = reply.get();
    QCOMPARE(status, 200L);

    // The function got the real values.
    const QJsonObject seen = QJsonDocument::fromJson(body).object();
    QCOMPARE(seen.value("authorization").toString().toLatin1(), "Bearer " + kBearer);
    QCOMPARE(seen.value("proxy").toString().toLatin1(), "Basic " + kProxyCredentials);
    QCOMPARE(seen.value("key").toString().toLatin1(), kApiKey);
    QVERIFY(seen.value("cookie").toString().contains(QString::fromLatin1(kSession)));
    QCOMPARE(seen.value("password").toString().toLatin1(), kPassword);

    // The run is in the project's file, without them.
    QTRY_COMPARE_WITH_TIMEOUT(mRunner->history().entries(mFunction).size(), before + 1, 10000);
    const QByteArray bytes = rawBytes(mDir.filePath(QStringLiteral("p.nimbus")));
    QVERIFY(bytes.contains(mRunner->history().entries(mFunction).value(0).result.requestId.toLatin1()));
    for (const QByteArray &secret : kRequestSecrets)
        QVERIFY2(!bytes.contains(secret), secret.constData());
    QCOMPARE(bytes.count(kPassword), mPasswordsInDesign);
    QVERIFY(bytes.contains("password [redacted] plain-greeting")); // the log is there, readable

    RunHistory reopened;
    QVERIFY(reopened.open(mDir.filePath(QStringLiteral("p.nimbus"))));
    const RunHistory::Entry entry = reopened.entries(mFunction).value(0);
    QVERIFY(entry.result.ok);
    const QByteArray stored = entry.event + entry.result.resultJson + entry.result.logs.join('\n').toUtf8();
    for (const QByteArray &secret : kRequestSecrets + QByteArrayList{kPassword})
        QVERIFY2(!stored.contains(secret), secret.constData());
    QVERIFY(stored.contains("[redacted]"));
    QVERIFY(entry.result.logs.join('\n').contains("password [redacted] plain-greeting"));
    QJsonObject storedHeaders;
    const QJsonObject event = QJsonDocument::fromJson(entry.event).object();
    const QJsonObject eventHeaders = event.value("headers").toObject();
    for (auto it = eventHeaders.begin(); it != eventHeaders.end(); ++it)
        storedHeaders.insert(it.key().toLower(), it.value());
    QCOMPARE(storedHeaders.value("authorization").toString(), QStringLiteral("Bearer [redacted]"));
    QCOMPARE(storedHeaders.value("x-api-key").toString(), QStringLiteral("[redacted]"));
}

QTEST_GUILESS_MAIN(tst_SecurityHistory)
#include "tst_security_history.moc"
