#include "runtime/instancepool.h"
#include "runtime/runtimeapi.h"

#include "testutil.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Nimbus;
using namespace Qt::StringLiterals;

// The Lambda Runtime API of a custom runtime's worker listens on 127.0.0.1, where every
// program and web page of the machine reaches it: a request under another Host (DNS
// rebinding) or from a foreign page gets nothing, and no body over Lambda's 6 MB is read;
// an oversized response fails its invocation, not the studio.
class tst_SecurityRuntimeApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void foreignRequestsAreRefused_data();
    void foreignRequestsAreRefused();
    void oversizedResponseFailsTheInvocation_data();
    void oversizedResponseFailsTheInvocation();
    void oversizedResponseFromAWorker();

private:
    QTemporaryDir mDir;
};

namespace {

// Sends raw bytes and reads the whole answer (the server runs in this thread meanwhile).
QByteArray exchange(quint16 port, const QByteArray &request, int waitMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray data;
    const bool whole = QTest::qWaitFor(
        [&] {
        data += socket.readAll();
        const qsizetype end = data.indexOf("\r\n\r\n");
        const qsizetype at = data.toLower().indexOf("content-length:");
        if (end < 0 || at < 0)
            return socket.state() != QAbstractSocket::ConnectedState && !data.isEmpty();
        const qsizetype length = data.mid(at + 15, data.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
        return data.size() >= end + 4 + length;
        },
        waitMs);
    return whole ? data : QByteArray();
}

QByteArray bodyOf(const QByteArray &answer)
{
    return answer.mid(answer.indexOf("\r\n\r\n") + 4);
}

} // namespace

void tst_SecurityRuntimeApi::initTestCase()
{
    qRegisterMetaType<InvocationResult>();
    QVERIFY(mDir.isValid());
}

void tst_SecurityRuntimeApi::foreignRequestsAreRefused_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::newRow("rebinding host") << QByteArray("Host: evil.example:%PORT%\r\n");
    QTest::newRow("loopback-looking name") << QByteArray("Host: 127.0.0.1.nip.io:%PORT%\r\n");
    QTest::newRow("another loopback name") << QByteArray("Host: api.localhost:%PORT%\r\n");
    QTest::newRow("another port") << QByteArray("Host: 127.0.0.1:1\r\n");
    QTest::newRow("no port") << QByteArray("Host: 127.0.0.1\r\n");
    QTest::newRow("no host") << QByteArray();
    QTest::newRow("two hosts") << QByteArray("Host: 127.0.0.1:%PORT%\r\nHost: evil.example\r\n");
    QTest::newRow("foreign page") << QByteArray("Host: 127.0.0.1:%PORT%\r\nOrigin: https://evil.example\r\n");
    QTest::newRow("null origin") << QByteArray("Host: localhost:%PORT%\r\nOrigin: null\r\n");
}

void tst_SecurityRuntimeApi::foreignRequestsAreRefused()
{
    QFETCH(QByteArray, headers);
    RuntimeApi api;
    QVERIFY(api.listen());
    headers.replace("%PORT%", QByteArray::number(api.port()));
    RuntimeApi::Invocation invocation;
    invocation.requestId = u"secret-request"_s;
    invocation.event = R"({"card":"4111"})";
    api.deliver(invocation);
    QSignalSpy ready(&api, &RuntimeApi::ready);
    const QByteArray refused = exchange(api.port(),
                                        "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n" + headers + "\r\n");
    QVERIFY2(refused.startsWith("HTTP/1.1 403"), refused.constData());
    QVERIFY(!refused.contains("4111"));
    QVERIFY(!refused.contains("secret-request"));
    QCOMPARE(ready.count(), 0);
    // A response posted from a foreign page answers nothing either.
    const QByteArray posted = exchange(api.port(), "POST /2018-06-01/runtime/invocation/secret-request/response "
                                                   "HTTP/1.1\r\n"
                                                       + headers + "Content-Length: 2\r\n\r\n{}");
    QVERIFY(posted.startsWith("HTTP/1.1 403"));
    // The worker itself still gets its invocation.
    const QByteArray own = exchange(
        api.port(), "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: " + api.address().toUtf8() + "\r\n\r\n");
    QVERIFY(own.startsWith("HTTP/1.1 200"));
    QCOMPARE(bodyOf(own), invocation.event);
}

void tst_SecurityRuntimeApi::oversizedResponseFailsTheInvocation_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("Content-Length over 6 MB") << false;
    QTest::newRow("chunked past 6 MB") << true;
}

void tst_SecurityRuntimeApi::oversizedResponseFailsTheInvocation()
{
    QFETCH(bool, chunked);
    RuntimeApi api;
    QVERIFY(api.listen());
    RuntimeApi::Invocation invocation;
    invocation.requestId = u"big"_s;
    invocation.event = "{}";
    api.deliver(invocation);
    const QByteArray host = "Host: " + api.address().toUtf8() + "\r\n";
    QVERIFY(exchange(api.port(), "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n" + host + "\r\n")
                .startsWith("HTTP/1.1 200"));
    QSignalSpy failed(&api, &RuntimeApi::failed);
    QSignalSpy responded(&api, &RuntimeApi::responded);
    const QByteArray payload(7 * 1024 * 1024, 'x');
    QByteArray request = "POST /2018-06-01/runtime/invocation/big/response HTTP/1.1\r\n" + host;
    if (chunked)
        request += "Transfer-Encoding: chunked\r\n\r\n" + QByteArray::number(payload.size(), 16) + "\r\n" + payload
                   + "\r\n0\r\n\r\n";
    else // refused from its head: the body is never read (nor all sent)
        request += "Content-Length: " + QByteArray::number(payload.size()) + "\r\n\r\n" + payload.left(65536);
    const QByteArray answer = exchange(api.port(), request, 20000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
    const QJsonObject error = QJsonDocument::fromJson(bodyOf(answer)).object();
    QCOMPARE(error.value("errorType"_L1).toString(), u"RequestEntityTooLarge"_s);
    QCOMPARE(error.value("errorMessage"_L1).toString(), u"Exceeded maximum allowed payload size (6291556 bytes)."_s);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(1).toJsonObject().value("errorType"_L1).toString(), u"Function.ResponseSizeTooLarge"_s);
    QCOMPARE(responded.count(), 0);
    // The API serves on: the next invocation reaches the runtime.
    invocation.requestId = u"after"_s;
    api.deliver(invocation);
    QVERIFY(
        exchange(api.port(), "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n" + host + "\r\n").contains("after"));
}

void tst_SecurityRuntimeApi::oversizedResponseFromAWorker()
{
    if (QStandardPaths::findExecutable(u"curl"_s).isEmpty())
        QSKIP("curl is not installed (scripts/setup.sh test installs it)");
    // A bootstrap that answers its first invocation with 7 MB and the next with a little.
    QVERIFY(QDir().mkpath(mDir.filePath(u"big"_s)));
    QVERIFY(NimbusTest::writeAll(
        mDir.filePath(u"big/bootstrap"_s),
        "#!/bin/bash\nAPI=\"http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/invocation\"\n"
        "head -c 7340032 /dev/zero | tr '\\0' x > \"$TMPDIR_BIG/big.txt\"\nn=0\nwhile true; do\n"
        "  ID=$(curl -sS -D - -o /dev/null \"$API/next\" | grep -Fi Lambda-Runtime-Aws-Request-Id | tr -d '[:space:]' "
        "| cut -d: -f2)\n"
        "  n=$((n+1))\n"
        "  if [ $n = 1 ]; then curl -sS \"$API/$ID/response\" --data-binary @\"$TMPDIR_BIG/big.txt\" > /dev/null || "
        "true;\n"
        "  else curl -sS \"$API/$ID/response\" -d '\"small\"' > /dev/null; fi\ndone\n"));
    QFile::setPermissions(mDir.filePath(u"big/bootstrap"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    FunctionSpec spec;
    spec.name = u"big"_s;
    spec.runtime = u"provided.al2023"_s;
    spec.handler = u"x.handler"_s;
    spec.sourceDirectory = mDir.filePath(u"big"_s);
    spec.timeoutSeconds = 20;
    spec.environment = {{u"TMPDIR_BIG"_s, mDir.path()}};
    InstancePool pool;
    pool.setFunction(spec);
    QSignalSpy finished(&pool, &InstancePool::finished);
    pool.invoke(u"big"_s, "{}");
    QVERIFY(finished.wait(30000));
    const auto first = finished.takeFirst().first().value<InvocationResult>();
    QVERIFY(!first.ok);
    QCOMPARE(first.error.value("errorType"_L1).toString(), u"Function.ResponseSizeTooLarge"_s);
    pool.invoke(u"big"_s, "{}");
    QVERIFY(finished.wait(30000));
    const auto second = finished.takeFirst().first().value<InvocationResult>();
    QVERIFY2(second.ok, qPrintable(QJsonDocument(second.error).toJson()));
    QCOMPARE(second.resultJson, QByteArray("\"small\""));
}

QTEST_GUILESS_MAIN(tst_SecurityRuntimeApi)
#include "tst_security_runtimeapi.moc"
