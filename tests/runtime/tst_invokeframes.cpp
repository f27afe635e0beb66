// The frame that carries an invocation to a Node.js or Python worker: its event is
// written as the bytes it came as when they are one JSON value, and parsed otherwise, so
// that no event can end the worker's read of the frame or set the frame's other keys
// (its request id, its type, its context).

#include "cloudfixture.h"
#include "runtime/invocationresult.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Nimbus;
using namespace NimbusTest;
using namespace Qt::StringLiterals;

class TestInvokeFrames : public QObject
{
    Q_OBJECT

private slots:
    void eventThatIsNotOneValue_data();
    void eventThatIsNotOneValue();
    void lambdaInvokeRefusesMoreThanOneValue();
};

void TestInvokeFrames::eventThatIsNotOneValue_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QByteArray>("seen"); // what the handler answers it was given
    QTest::addColumn<bool>("written"); // given as an object QJsonDocument wrote (JsonText::of)
    const QList<QPair<QString, QByteArray>> events = {
        {u"one value"_s, QByteArray(R"({"a":1})")},
        {u"two values"_s, QByteArray("1,2")},
        {u"keys of the frame"_s, QByteArray(R"({},"requestId":"forged","type":"ready")")},
        {u"a text"_s, QByteArray("Order 7 shipped")},
    };
    // Bytes that are not one JSON value reach the handler as no event (null, None).
    const QList<QByteArray> seenByNode = {R"({"a":1})", "null", "null", "null"};
    const QList<QByteArray> seenByPython = {R"({"a":1})", R"("none")", R"("none")", R"("none")"};
    for (qsizetype i = 0; i < events.size(); ++i) {
        QTest::addRow("nodejs, %s", qPrintable(events.at(i).first))
            << u"nodejs20.x"_s << events.at(i).second << seenByNode.at(i) << false;
        QTest::addRow("python, %s", qPrintable(events.at(i).first))
            << u"python3.12"_s << events.at(i).second << seenByPython.at(i) << false;
    }
    // The gateway's events: known to be one value, so written into the frame unread.
    const QByteArray quoted = R"({"body":"say \"hi\",\n\"requestId\":\"forged\"","n":[1,2.5,null]})";
    QTest::addRow("nodejs, written by QJsonDocument") << u"nodejs20.x"_s << quoted << quoted << true;
    QTest::addRow("python, written by QJsonDocument") << u"python3.12"_s << quoted << quoted << true;
}

void TestInvokeFrames::eventThatIsNotOneValue()
{
    QFETCH(QString, runtime);
    QFETCH(QByteArray, event);
    QFETCH(QByteArray, seen);
    QFETCH(bool, written);
    LocalCloudFixture fixture;
    const bool python = runtime.startsWith(u"python"_s);
    const QByteArray code = python ? QByteArray("def handler(event, context):\n"
                                                "    return 'none' if event is None else event\n")
                                   : QByteArray(
                                       "exports.handler = async (event) => event === undefined ? 'none' : event;\n");
    const NodeId function = fixture.addFunction(u"echo"_s, code);
    QVERIFY(function != kInvalidNodeId);
    if (python) {
        QDir source(fixture.folder.filePath(u"functions/echo"_s));
        QFile::rename(source.filePath(u"index.js"_s), source.filePath(u"handler.py"_s));
        QVERIFY(fixture.project.setNodeProperty(function, u"runtime"_s, runtime));
        QVERIFY(fixture.project.setNodeProperty(function, u"handler"_s, u"handler.handler"_s));
    }
    QSignalSpy finished(&fixture.runner, &FunctionRunner::finished);
    // Bytes alone are never taken as known to be one value.
    QVERIFY(!JsonText(event).isKnownOneValue());
    const JsonText given = written ? JsonText::of(QJsonDocument::fromJson(event).object()) : JsonText(event);
    QCOMPARE(given.isKnownOneValue(), written);
    const Result<QString> started = fixture.runner.invoke(function, given);
    QVERIFY2(started, qPrintable(started.errorMessage()));
    QVERIFY(finished.wait(30000));
    const auto result = finished.first().at(1).value<InvocationResult>();
    QVERIFY2(result.ok, QJsonDocument(result.error).toJson().constData());
    QCOMPARE(result.requestId, *started);
    QCOMPARE(QJsonDocument::fromJson("[" + result.resultJson + "]").toJson(QJsonDocument::Compact),
             QJsonDocument::fromJson("[" + seen + "]").toJson(QJsonDocument::Compact));
    // The worker lives on: a second invocation is warm.
    finished.clear();
    QVERIFY(fixture.runner.invoke(function, R"({"again":true})"));
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.first().at(1).value<InvocationResult>().coldStart);
}

void TestInvokeFrames::lambdaInvokeRefusesMoreThanOneValue()
{
    // Lambda's Invoke takes one JSON document: "1,2" is not one.
    LocalCloudFixture fixture;
    QVERIFY(fixture.addFunction(u"echo"_s, "exports.handler = async (event) => event;\n") != kInvalidNodeId);
    QVERIFY2(fixture.start(LocalCloudFixture::NoServer), qPrintable(fixture.error));
    AwsEndpoint endpoint(*fixture.cloud);
    AwsRequest request;
    request.method = u"POST"_s;
    request.path = u"/2015-03-31/functions/echo/invocations"_s;
    request.headers = {{"host", "127.0.0.1:4566"},
                       {"authorization", "AWS4-HMAC-SHA256 Credential=x/20261201/us-east-1/lambda/aws4_request, "
                                         "SignedHeaders=host, Signature=0"}};
    request.host = u"127.0.0.1"_s;
    request.body = "1,2";
    std::optional<HttpResponseData> answer;
    endpoint.handle(request, [&](const HttpResponseData &r) { answer = r; });
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(answer->status, 400);
    QVERIFY(answer->problem.startsWith(u"InvalidRequestContentException"_s));
    QVERIFY(answer->body.contains("Could not parse request body into json"));
}

QTEST_GUILESS_MAIN(TestInvokeFrames)
#include "tst_invokeframes.moc"
