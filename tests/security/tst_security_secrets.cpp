// The Parameters and Secrets extension's endpoint (issue 21 item 4) answers a secret's value
// to the workers only: each refusal below fails when its protection is removed. A page in
// a browser reaches 127.0.0.1:2773 too (a form, an image, DNS rebinding under its own host
// name), and every program of the machine can connect; only a worker knows the session
// token its environment carries.

#include "cloud/secretsextension.h"
#include "cloud/secretstore.h"
#include "cloudfixture.h"

#include <QNetworkInterface>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {

const QString kValue = u"extension-secret-4d1c"_s;

} // namespace

class TestSecuritySecrets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void refusesStrangers_data();
    void refusesStrangers();
    void listensOnLoopbackOnly();

private:
    std::unique_ptr<NimbusTest::LocalCloudFixture> f;
    QByteArray mToken;
};

void TestSecuritySecrets::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("NIMBUS_SECRET_STORE", "file");
}

void TestSecuritySecrets::init()
{
    f = std::make_unique<NimbusTest::LocalCloudFixture>();
    const NodeId db = f->project.addNode(u"secret"_s, {}, u"db"_s).valueOr(kInvalidNodeId);
    const NodeId reader = f->project.addNode(u"function"_s, {}, u"reader"_s).valueOr(kInvalidNodeId);
    QVERIFY(f->project.connectNodes(reader, db, u"reads"_s));
    QVERIFY2(f->start(NimbusTest::LocalCloudFixture::Endpoint), qPrintable(f->error));
    // The token a worker of reader gets.
    for (const auto &[name, value] : f->cloud->environmentOf(*f->project.architecture().node(reader)))
        if (name == u"AWS_SESSION_TOKEN"_s)
            mToken = value.toUtf8();
    QVERIFY(!mToken.isEmpty());
    QVERIFY(f->cloud->secretStore().writeNow(u"db"_s, SecretRecord::withValue({}, u"secret"_s, kValue)));
}

void TestSecuritySecrets::cleanup()
{
    f.reset();
}

void TestSecuritySecrets::refusesStrangers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QList<QByteArray>>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    // TOKEN stands for a worker's token (made by init(), after this).
    const QByteArray token = "X-Aws-Parameters-Secrets-Token: TOKEN";
    const QByteArray get = "/secretsmanager/get?secretId=db";
    // The worker's own request is answered: the rows below differ from it in one thing.
    QTest::newRow("the worker's request")
        << QByteArray("GET") << get << QList<QByteArray>{token} << QByteArray() << 200;
    QTest::newRow("no token") << QByteArray("GET") << get << QList<QByteArray>{} << QByteArray() << 401;
    QTest::newRow("empty token") << QByteArray("GET") << get << QList<QByteArray>{"X-Aws-Parameters-Secrets-Token;"}
                                 << QByteArray() << 401;
    QTest::newRow("another token") << QByteArray("GET") << get
                                   << QList<QByteArray>{"X-Aws-Parameters-Secrets-Token: guessed"} << QByteArray()
                                   << 403;
    // The one token every worker shared before each had its own.
    QTest::newRow("the old shared token")
        << QByteArray("GET") << get << QList<QByteArray>{"X-Aws-Parameters-Secrets-Token: nimbus-local-session-token"}
        << QByteArray() << 403;
    QTest::newRow("the token as a query") << QByteArray("GET") << get + "&X-Aws-Parameters-Secrets-Token=TOKEN"
                                          << QList<QByteArray>{} << QByteArray() << 401;
    QTest::newRow("rebinding Host") << QByteArray("GET") << get << QList<QByteArray>{token, "Host: evil.example:2773"}
                                    << QByteArray() << 403;
    QTest::newRow("loopback-looking Host")
        << QByteArray("GET") << get << QList<QByteArray>{token, "Host: 127.0.0.1.evil.example"} << QByteArray() << 403;
    QTest::newRow("foreign Origin") << QByteArray("GET") << get
                                    << QList<QByteArray>{token, "Origin: https://evil.example"} << QByteArray() << 403;
    QTest::newRow("sandboxed page") << QByteArray("GET") << get << QList<QByteArray>{token, "Origin: null"}
                                    << QByteArray() << 403;
    QTest::newRow("a body") << QByteArray("POST") << get << QList<QByteArray>{token, "Content-Type: text/plain"}
                            << QByteArray("secretId=db") << 413;
    QTest::newRow("another method") << QByteArray("DELETE") << get << QList<QByteArray>{token} << QByteArray() << 405;
    QTest::newRow("a long query") << QByteArray("GET") << get + "&pad=" + QByteArray(8000, 'a')
                                  << QList<QByteArray>{token} << QByteArray() << 400;
}

void TestSecuritySecrets::refusesStrangers()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QList<QByteArray>, headers);
    path.replace("TOKEN", mToken);
    for (QByteArray &header : headers)
        header.replace("TOKEN", mToken);
    QFETCH(QByteArray, body);
    QFETCH(int, status);

    const quint16 port = f->endpoint->secretsExtension().port();
    QVERIFY(port != 0);
    const NimbusTest::HttpReply reply = NimbusTest::httpRequest(
        method, "http://127.0.0.1:" + QByteArray::number(port) + path, body, headers);
    QCOMPARE(int(reply.status), status);
    QCOMPARE(reply.body.contains(kValue.toUtf8()), status == 200);
}

void TestSecuritySecrets::listensOnLoopbackOnly()
{
    const quint16 port = f->endpoint->secretsExtension().port();
    // Every address of the machine but the loopback ones is refused at connect.
    QTcpSocket socket;
    bool tried = false;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        tried = true;
        socket.connectToHost(address, port);
        QVERIFY(!socket.waitForConnected(2000));
        socket.abort();
    }
    if (!tried)
        QSKIP("this machine has no address but the loopback ones");
}

QTEST_MAIN(TestSecuritySecrets)
#include "tst_security_secrets.moc"
