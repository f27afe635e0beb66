// "Update prices from URL" against a local HTTP server: a good catalog is installed,
// with progress; a failing, slow, oversized, cancelled or invalid download keeps the
// last good one.

#include "cost/pricingcatalog.h"
#include "cost/pricingupdater.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace Nimbus;

namespace {

QByteArray catalog(const QString &collected)
{
    QJsonObject o = QJsonDocument::fromJson(
                        NimbusTest::readAll(QStringLiteral(NIMBUS_SOURCE_DIR "/resources/pricing/aws-us-east-1.json")))
                        .object();
    o["collected"] = collected;
    return QJsonDocument(o).toJson();
}

// Serves the test routes from its own thread, so that slow answers do not block the test.
class Server : public QThread
{
public:
    quint16 port = 0;
    QSemaphore ready;

protected:
    void run() override
    {
        QHttpServer server;
        server.route("/good.json", [] { return QHttpServerResponse("application/json", catalog("2026-12-01")); });
        server.route("/newer.json", [] { return QHttpServerResponse("application/json", catalog("2027-01-15")); });
        server.route("/invalid.json", [] {
            QJsonObject bad = QJsonDocument::fromJson(catalog("2026-12-24")).object();
            QJsonArray prices = bad["prices"].toArray();
            QJsonObject first = prices[0].toObject();
            first["price"] = "free";
            prices[0] = first;
            bad["prices"] = prices;
            return QHttpServerResponse("application/json", QJsonDocument(bad).toJson());
        });
        server.route("/garbage", [] { return QHttpServerResponse("text/html", "<html>not json</html>"); });
        server.route("/huge.json",
                     [] { return QHttpServerResponse("application/json", QByteArray(3 * 1024 * 1024, ' ')); });
        server.route("/slow.json", [] {
            QThread::msleep(3000);
            return QHttpServerResponse("application/json", catalog("2026-12-31"));
        });
        port = server.listen(QHostAddress::LocalHost);
        ready.release();
        exec();
    }
};

// Answers TLS with the configuration given (a self-signed certificate).
class TlsServer : public QTcpServer
{
public:
    QSslConfiguration tls;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSslConfiguration(tls);
        socket->setSocketDescriptor(descriptor);
        socket->startServerEncryption();
    }
};

} // namespace

class TestPricingUpdater : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusesPlainHttpElsewhere_data();
    void refusesPlainHttpElsewhere();
    void installsAGoodCatalog();
    void reportsProgress();
    void failuresKeepTheLastGood_data();
    void failuresKeepTheLastGood();
    void cancel();
    void certificatesAreChecked();

private:
    Result<QString> run(const QString &path, PricingUpdater::Limits limits = {});
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(mServer.port).arg(path));
    }
    QString installedCollected() const;

    Server mServer;
    QTemporaryDir mDir;
};

void TestPricingUpdater::initTestCase()
{
    mServer.start();
    mServer.ready.acquire();
    QVERIFY(mServer.port != 0);
}

void TestPricingUpdater::cleanupTestCase()
{
    mServer.quit();
    mServer.wait();
}

Result<QString> TestPricingUpdater::run(const QString &path, PricingUpdater::Limits limits)
{
    QFuture<Result<QString>> update = PricingUpdater::update(url(path), mDir.path(), limits);
    if (!QTest::qWaitFor([&] { return update.isFinished(); }, 20000))
        return fail("no answer");
    return update.result();
}

QString TestPricingUpdater::installedCollected() const
{
    return PricingCatalogs::load(mDir.path()).provider("aws")->collected();
}

void TestPricingUpdater::refusesPlainHttpElsewhere_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << "https://prices.example.com/aws.json" << true;
    QTest::newRow("http loopback") << "http://127.0.0.1:9/aws.json" << true;
    QTest::newRow("http localhost") << "http://localhost/aws.json" << true;
    QTest::newRow("http elsewhere") << "http://prices.example.com/aws.json" << false;
    QTest::newRow("ftp") << "ftp://prices.example.com/aws.json" << false;
    QTest::newRow("file") << "file:///etc/passwd" << false;
}

void TestPricingUpdater::refusesPlainHttpElsewhere()
{
    QFETCH(QString, address);
    QFETCH(bool, accepted);
    QCOMPARE(PricingUpdater::refusal(QUrl(address)).isEmpty(), accepted);
}

void TestPricingUpdater::installsAGoodCatalog()
{
    Result<QString> updated = run("/good.json");
    QVERIFY2(updated, qPrintable(updated.errorMessage()));
    QVERIFY2(updated->contains("collected 2026-12-01"), qPrintable(*updated));
    QCOMPARE(installedCollected(), QStringLiteral("2026-12-01"));
    // A newer one replaces it.
    updated = run("/newer.json");
    QVERIFY2(updated, qPrintable(updated.errorMessage()));
    QCOMPARE(installedCollected(), QStringLiteral("2027-01-15"));
}

// The future's progress is in bytes and ends at the catalog's size.
void TestPricingUpdater::reportsProgress()
{
    QFutureWatcher<Result<QString>> watcher;
    QList<int> values;
    connect(&watcher, &QFutureWatcherBase::progressValueChanged, this, [&](int value) { values.append(value); });
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(PricingUpdater::update(url("/good.json"), mDir.path()));
    QVERIFY(finished.wait(20000));
    QVERIFY2(watcher.result(), qPrintable(watcher.result().errorMessage()));
    const int size = int(catalog("2026-12-01").size());
    QCOMPARE(watcher.progressMaximum(), size);
    QVERIFY(!values.isEmpty());
    QCOMPARE(values.last(), size);
}

void TestPricingUpdater::failuresKeepTheLastGood_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<QString>("why");
    QTest::newRow("not found") << "/missing.json" << 10000 << "HTTP 404";
    QTest::newRow("not json") << "/garbage" << 10000 << "not a valid pricing catalog";
    QTest::newRow("schema error") << "/invalid.json" << 10000 << "prices[0].price: expected a number";
    QTest::newRow("too large") << "/huge.json" << 10000 << "larger than";
    QTest::newRow("timeout") << "/slow.json" << 500 << "no complete answer within 0.5 s";
}

void TestPricingUpdater::failuresKeepTheLastGood()
{
    QVERIFY(run("/good.json"));
    const QByteArray before = NimbusTest::readAll(mDir.filePath("aws.json"));
    QFETCH(QString, path);
    QFETCH(int, timeoutMs);
    QFETCH(QString, why);
    PricingUpdater::Limits limits;
    limits.timeoutMs = timeoutMs;
    limits.maxBytes = 1024 * 1024;
    const Result<QString> updated = run(path, limits);
    QVERIFY(!updated);
    QVERIFY2(updated.errorMessage().contains(why), qPrintable(updated.errorMessage()));
    QVERIFY(updated.errorMessage().contains("unchanged"));
    QCOMPARE(NimbusTest::readAll(mDir.filePath("aws.json")), before);
    QCOMPARE(installedCollected(), QStringLiteral("2026-12-01"));
}

void TestPricingUpdater::cancel()
{
    QVERIFY(run("/good.json"));
    const QByteArray before = NimbusTest::readAll(mDir.filePath("aws.json"));
    QFutureWatcher<Result<QString>> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    QElapsedTimer timer;
    timer.start();
    watcher.setFuture(PricingUpdater::update(url("/slow.json"), mDir.path()));
    QTest::qWait(200);
    QVERIFY(watcher.isRunning());
    watcher.cancel();
    QVERIFY(finished.wait(5000));
    // The transfer stopped: the server answers only after 3 s.
    QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(watcher.isCanceled());
    QCOMPARE(watcher.future().resultCount(), 0);
    QCOMPARE(NimbusTest::readAll(mDir.filePath("aws.json")), before);
    QCOMPARE(installedCollected(), QStringLiteral("2026-12-01"));
}

void TestPricingUpdater::certificatesAreChecked()
{
    // An https server with a self-signed certificate: the download must fail.
    QTemporaryDir keys;
    const QString key = keys.filePath("key.pem"), cert = keys.filePath("cert.pem");
    const int rc = QProcess::execute("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                                                 "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"});
    QCOMPARE(rc, 0);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    QFile k(key), c(cert);
    QVERIFY(k.open(QIODevice::ReadOnly) && c.open(QIODevice::ReadOnly));
    tls.setPrivateKey(QSslKey(&k, QSsl::Rsa));
    tls.setLocalCertificate(QSslCertificate(&c));
    TlsServer server;
    server.tls = tls;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    PricingUpdater::Limits limits;
    limits.timeoutMs = 5000;
    QFutureWatcher<Result<QString>> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(PricingUpdater::update(
        QUrl(QStringLiteral("https://127.0.0.1:%1/aws.json").arg(server.serverPort())), mDir.path(), limits));
    QVERIFY(finished.wait(15000));
    QVERIFY(!watcher.result());
    const QString message = watcher.result().errorMessage();
    QVERIFY2(message.contains("certificate", Qt::CaseInsensitive) || message.contains("SSL", Qt::CaseInsensitive),
             qPrintable(message));
}

QTEST_GUILESS_MAIN(TestPricingUpdater)
#include "tst_pricingupdater.moc"
