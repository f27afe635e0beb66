#include "runtime/runtimeapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using namespace Nimbus;
using namespace Qt::StringLiterals;

// The Lambda Runtime API's protocol as RuntimeApi serves it: what /next carries, what
// each wrong request is answered (the Runtime API's own status and errorType), and a
// streamed response's chunks as they arrive.
class tst_RuntimeApi : public QObject
{
    Q_OBJECT

private slots:
    void nextCarriesTheInvocation();
    void nextWaitsForAnInvocation();
    void wrongRequests_data();
    void wrongRequests();
    void responseAndErrors_data();
    void responseAndErrors();
    void streamedResponseArrivesInChunks();
    void streamedErrorInTrailers();

private:
    static HttpResponseData call(RuntimeApi &api, const QString &method, const QString &path,
                                 const QByteArray &body = {}, const HttpHeaders &headers = {});
};

namespace {

RuntimeApi::Invocation invocation(const QString &id)
{
    RuntimeApi::Invocation i;
    i.requestId = id;
    i.event = R"({"order":42})";
    i.deadlineMs = 1893456000000;
    i.functionArn = u"arn:aws:lambda:us-east-1:000000000000:function:orders"_s;
    return i;
}

QByteArray header(const HttpResponseData &response, const char *name)
{
    for (const auto &[key, value] : response.headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QString errorType(const HttpResponseData &response)
{
    return QJsonDocument::fromJson(response.body).object().value("errorType"_L1).toString();
}

// Reads one whole HTTP answer (with a Content-Length) from a socket, the server running
// in this thread meanwhile.
QByteArray readAnswer(QTcpSocket &socket)
{
    QByteArray data;
    const bool whole = QTest::qWaitFor(
        [&] {
        data += socket.readAll();
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const qsizetype at = data.toLower().indexOf("content-length:");
        const qsizetype length = data.mid(at + 15, data.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
        return data.size() >= end + 4 + length;
        },
        5000);
    return whole ? data : QByteArray();
}

} // namespace

HttpResponseData tst_RuntimeApi::call(RuntimeApi &api, const QString &method, const QString &path,
                                      const QByteArray &body, const HttpHeaders &headers)
{
    HttpRequestData request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.headers = headers;
    std::optional<HttpResponseData> answer;
    api.handle(request, [&answer](const HttpResponseData &response) { answer = response; });
    return answer.value_or(HttpResponseData{0, {}, {}, {}});
}

void tst_RuntimeApi::nextCarriesTheInvocation()
{
    RuntimeApi api;
    QSignalSpy ready(&api, &RuntimeApi::ready);
    RuntimeApi::Invocation i = invocation(u"req-1"_s);
    i.clientContext = R"({"client":{"installation_id":"x"}})";
    i.cognitoIdentity = R"({"cognitoIdentityId":"id","cognitoIdentityPoolId":"pool"})";
    api.deliver(i);
    const HttpResponseData next = call(api, u"GET"_s, u"/2018-06-01/runtime/invocation/next"_s);
    QCOMPARE(next.status, 200);
    QCOMPARE(next.body, i.event);
    QCOMPARE(header(next, "Lambda-Runtime-Aws-Request-Id"), QByteArray("req-1"));
    QCOMPARE(header(next, "Lambda-Runtime-Deadline-Ms"), QByteArray("1893456000000"));
    QCOMPARE(header(next, "Lambda-Runtime-Invoked-Function-Arn"), i.functionArn.toUtf8());
    QVERIFY(header(next, "Lambda-Runtime-Trace-Id").startsWith("Root=1-"));
    QCOMPARE(header(next, "Lambda-Runtime-Client-Context"), i.clientContext);
    QCOMPARE(header(next, "Lambda-Runtime-Cognito-Identity"), i.cognitoIdentity);
    QCOMPARE(ready.count(), 1);
    QVERIFY(api.initialised());
}

void tst_RuntimeApi::nextWaitsForAnInvocation()
{
    RuntimeApi api;
    HttpRequestData request;
    request.method = u"GET"_s;
    request.path = u"/2018-06-01/runtime/invocation/next"_s;
    std::optional<HttpResponseData> answer;
    api.handle(request, [&answer](const HttpResponseData &response) { answer = response; });
    QVERIFY(!answer); // a long poll
    api.deliver(invocation(u"req-2"_s));
    QVERIFY(answer);
    QCOMPARE(header(*answer, "Lambda-Runtime-Aws-Request-Id"), QByteArray("req-2"));
    // No Client-Context or Cognito-Identity header when the invocation has none.
    QVERIFY(header(*answer, "Lambda-Runtime-Client-Context").isEmpty());
}

void tst_RuntimeApi::wrongRequests_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorType");
    const QString base = u"/2018-06-01/runtime/"_s;
    QTest::newRow("response, unknown id")
        << u"POST"_s << base + u"invocation/nope/response"_s << 400 << u"InvalidRequestID"_s;
    QTest::newRow("error, unknown id") << u"POST"_s << base + u"invocation/nope/error"_s << 400
                                       << u"InvalidRequestID"_s;
    QTest::newRow("second response") << u"POST"_s << base + u"invocation/answered/response"_s << 403
                                     << u"InvalidStateTransition"_s;
    QTest::newRow("next while invoked") << u"GET"_s << base + u"invocation/next"_s << 403
                                        << u"InvalidStateTransition"_s;
    QTest::newRow("init error after init") << u"POST"_s << base + u"init/error"_s << 403 << u"InvalidStateTransition"_s;
    QTest::newRow("GET response") << u"GET"_s << base + u"invocation/current/response"_s << 405
                                  << u"MethodNotAllowed"_s;
    QTest::newRow("POST next") << u"POST"_s << base + u"invocation/next"_s << 405 << u"MethodNotAllowed"_s;
    QTest::newRow("other version") << u"GET"_s << u"/2020-01-01/runtime/invocation/next"_s << 404 << u"NotFound"_s;
    QTest::newRow("unknown path") << u"GET"_s << base + u"invocation"_s << 404 << u"NotFound"_s;
}

void tst_RuntimeApi::wrongRequests()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, errorType);
    RuntimeApi api;
    // One invocation answered, one handed out and running.
    api.deliver(invocation(u"answered"_s));
    call(api, u"GET"_s, u"/2018-06-01/runtime/invocation/next"_s);
    QCOMPARE(call(api, u"POST"_s, u"/2018-06-01/runtime/invocation/answered/response"_s, "1").status, 202);
    api.deliver(invocation(u"current"_s));
    QCOMPARE(call(api, u"GET"_s, u"/2018-06-01/runtime/invocation/next"_s).status, 200);

    QSignalSpy responded(&api, &RuntimeApi::responded);
    QSignalSpy failed(&api, &RuntimeApi::failed);
    const HttpResponseData answer = call(api, method, path, "{}");
    QCOMPARE(answer.status, status);
    QCOMPARE(::errorType(answer), errorType);
    QVERIFY(!QJsonDocument::fromJson(answer.body).object().value("errorMessage"_L1).toString().isEmpty());
    QCOMPARE(responded.count(), 0);
    QCOMPARE(failed.count(), 0);
    // The invocation under way can still be answered.
    QCOMPARE(call(api, u"POST"_s, u"/2018-06-01/runtime/invocation/current/response"_s, "2").status, 202);
}

void tst_RuntimeApi::responseAndErrors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("typeHeader");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<QString>("errorMessage");
    QTest::newRow("response") << u"response"_s << QByteArray() << QByteArray(R"({"ok":true})") << QString()
                              << QString();
    QTest::newRow("error document") << u"error"_s << QByteArray("Unhandled")
                                    << QByteArray(R"({"errorMessage":"boom","errorType":"TypeError",)"
                                                  R"("stackTrace":["at x"]})")
                                    << u"TypeError"_s << u"boom"_s;
    QTest::newRow("error header only") << u"error"_s << QByteArray("Runtime.Crash") << QByteArray("plain text")
                                       << u"Runtime.Crash"_s << u"plain text"_s;
    QTest::newRow("error nothing") << u"error"_s << QByteArray() << QByteArray() << u"Runtime.Unknown"_s << QString();
}

void tst_RuntimeApi::responseAndErrors()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, typeHeader);
    QFETCH(QByteArray, body);
    QFETCH(QString, errorType);
    QFETCH(QString, errorMessage);
    RuntimeApi api;
    api.deliver(invocation(u"req-3"_s));
    call(api, u"GET"_s, u"/2018-06-01/runtime/invocation/next"_s);
    QSignalSpy responded(&api, &RuntimeApi::responded);
    QSignalSpy failed(&api, &RuntimeApi::failed);
    HttpHeaders headers;
    if (!typeHeader.isEmpty())
        headers.append({"lambda-runtime-function-error-type", typeHeader});
    const HttpResponseData answer = call(api, u"POST"_s, u"/2018-06-01/runtime/invocation/req-3/"_s + kind, body,
                                         headers);
    QCOMPARE(answer.status, 202);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value("status"_L1).toString(), u"OK"_s);
    if (kind == "response"_L1) {
        QCOMPARE(responded.count(), 1);
        QCOMPARE(responded.first().at(1).toByteArray(), body);
        return;
    }
    QCOMPARE(failed.count(), 1);
    const QJsonObject error = failed.first().at(1).toJsonObject();
    QCOMPARE(error.value("errorType"_L1).toString(), errorType);
    QCOMPARE(error.value("errorMessage"_L1).toString(), errorMessage);
    QVERIFY(error.value("stackTrace"_L1).isArray());
}

void tst_RuntimeApi::streamedResponseArrivesInChunks()
{
    RuntimeApi api;
    QVERIFY(api.listen());
    api.deliver(invocation(u"req-s"_s));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, api.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: " + api.address().toUtf8() + "\r\n\r\n");
    QVERIFY(readAnswer(socket).contains("req-s"));

    QSignalSpy streamed(&api, &RuntimeApi::streamed);
    QSignalSpy responded(&api, &RuntimeApi::responded);
    socket.write("POST /2018-06-01/runtime/invocation/req-s/response HTTP/1.1\r\nHost: " + api.address().toUtf8()
                 + "\r\nLambda-Runtime-Function-Response-Mode: streaming\r\nTransfer-Encoding: chunked\r\n"
                   "Content-Type: text/plain\r\n\r\n6\r\nhello \r\n");
    // The first chunk is told before the runtime has sent the rest.
    QTRY_COMPARE(streamed.count(), 1);
    QCOMPARE(streamed.first().at(0).toString(), u"req-s"_s);
    QCOMPARE(streamed.first().at(1).toByteArray(), QByteArray("hello "));
    QCOMPARE(responded.count(), 0);
    socket.write("5\r\nworld\r\n0\r\n\r\n");
    QTRY_COMPARE(responded.count(), 1);
    QCOMPARE(responded.first().at(1).toByteArray(), QByteArray("hello world"));
    QCOMPARE(streamed.count(), 2);
    QVERIFY(readAnswer(socket).startsWith("HTTP/1.1 202"));
}

void tst_RuntimeApi::streamedErrorInTrailers()
{
    RuntimeApi api;
    QVERIFY(api.listen());
    api.deliver(invocation(u"req-t"_s));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, api.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: localhost:" + QByteArray::number(api.port())
                 + "\r\n\r\n");
    QVERIFY(readAnswer(socket).contains("req-t"));
    QSignalSpy failed(&api, &RuntimeApi::failed);
    const QByteArray errorBody = QByteArray(R"({"errorMessage":"stream broke","errorType":"Error"})").toBase64();
    socket.write("POST /2018-06-01/runtime/invocation/req-t/response HTTP/1.1\r\nHost: 127.0.0.1:"
                 + QByteArray::number(api.port())
                 + "\r\nLambda-Runtime-Function-Response-Mode: streaming\r\nTransfer-Encoding: chunked\r\n"
                   "Trailer: Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body\r\n\r\n"
                   "4\r\npart\r\n0\r\nLambda-Runtime-Function-Error-Type: Error\r\n"
                   "Lambda-Runtime-Function-Error-Body: "
                 + errorBody + "\r\n\r\n");
    QTRY_COMPARE(failed.count(), 1);
    const QJsonObject error = failed.first().at(1).toJsonObject();
    QCOMPARE(error.value("errorType"_L1).toString(), u"Error"_s);
    QCOMPARE(error.value("errorMessage"_L1).toString(), u"stream broke"_s);
}

QTEST_GUILESS_MAIN(tst_RuntimeApi)
#include "tst_runtimeapi.moc"
