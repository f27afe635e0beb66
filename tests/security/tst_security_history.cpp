// Issue 17, run history: a request to the local cloud's gateway with credentials
// (Authorization, Proxy-Authorization, Cookie, X-Api-Key) reaches a function that has a
// secret variable. The function receives the real values; the run history in the
// project's .nimbus file, read back and grepped byte for byte, holds none of them.

#include "cloudfixture.h"
#include "runtime/runhistory.h"
#include "storage/projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
    std::unique_ptr<NimbusTest::LocalCloudFixture> mLocal;
    Project *mProject = nullptr;
    FunctionRunner *mRunner = nullptr;
    const QTemporaryDir *mDir = nullptr;
    NodeId mFunction = kInvalidNodeId;
    qsizetype mPasswordsInDesign = 0;
};

void tst_SecurityHistory::initTestCase()
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    qRegisterMetaType<InvocationResult>();
    mLocal = std::make_unique<NimbusTest::LocalCloudFixture>();
    mProject = &mLocal->project;
    mRunner = &mLocal->runner;
    mDir = &mLocal->folder;
    // It logs all it got, as a handler being debugged does, and answers with a cookie.
    mFunction = mLocal->addFunction(
        QStringLiteral("whoami"),
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
              "      password: process.env.DB_PASSWORD }) };\n};\n");
    QVERIFY(mProject->setNodeProperty(
        mFunction, QStringLiteral("environment"),
        QJsonArray{QJsonObject{{"name", "DB_PASSWORD"}, {"value", QString::fromLatin1(kPassword)}},
                   QJsonObject{{"name", "GREETING"}, {"value", "plain-greeting"}}}));
    for (const auto &[path, format] : {std::pair{"/v1/who", "1.0"}, std::pair{"/v2/who", "2.0"}})
        mLocal->addRoute(QStringLiteral("GET"), QString::fromLatin1(path), mFunction, false,
                         QString::fromLatin1(format));
    ProjectFile file;
    const auto saved = file.save(*mProject, mDir->filePath(QStringLiteral("p.nimbus")));
    QVERIFY2(saved, qPrintable(saved.errorMessage()));
    mPasswordsInDesign = rawBytes(mDir->filePath(QStringLiteral("p.nimbus"))).count(kPassword);
    QVERIFY(mPasswordsInDesign > 0);
    QVERIFY2(mLocal->start(NimbusTest::LocalCloudFixture::Gateway), qPrintable(mLocal->error));
}

void tst_SecurityHistory::cleanupTestCase()
{
    mDir = nullptr;
    mRunner = nullptr;
    mProject = nullptr;
    mLocal.reset();
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
    const NimbusTest::HttpReply reply = mLocal->request("GET", path, {}, headers);
    const QByteArray body = reply.body;
    QCOMPARE(reply.status, 200L);

    // The function got the real values.
    const QJsonObject seen = QJsonDocument::fromJson(body).object();
    QCOMPARE(seen.value("authorization").toString().toLatin1(), "Bearer " + kBearer);
    QCOMPARE(seen.value("proxy").toString().toLatin1(), "Basic " + kProxyCredentials);
    QCOMPARE(seen.value("key").toString().toLatin1(), kApiKey);
    QVERIFY(seen.value("cookie").toString().contains(QString::fromLatin1(kSession)));
    QCOMPARE(seen.value("password").toString().toLatin1(), kPassword);

    // The run is in the project's file, without them.
    QTRY_COMPARE_WITH_TIMEOUT(mRunner->history().entries(mFunction).size(), before + 1, 10000);
    const QByteArray bytes = rawBytes(mDir->filePath(QStringLiteral("p.nimbus")));
    QVERIFY(bytes.contains(mRunner->history().entries(mFunction).value(0).result.requestId.toLatin1()));
    for (const QByteArray &secret : kRequestSecrets)
        QVERIFY2(!bytes.contains(secret), secret.constData());
    QCOMPARE(bytes.count(kPassword), mPasswordsInDesign);
    QVERIFY(bytes.contains("password [redacted] plain-greeting")); // the log is there, readable

    RunHistory reopened;
    QVERIFY(reopened.open(mDir->filePath(QStringLiteral("p.nimbus"))));
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
