// The Model Context Protocol as McpServer speaks it: JSON-RPC 2.0 framing and errors,
// version negotiation, tools (schemas checked before a tool runs, results and tool
// errors, progress, cancellation), resources and log levels. The tools here are the
// test's own; the workspace's are tried by the MCP SDK (tests/mcp).

#include "mcp/mcpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTest>

using namespace Nimbus;

class TestMcpServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void framingErrors_data();
    void framingErrors();
    void initializeNegotiatesTheVersion_data();
    void initializeNegotiatesTheVersion();
    void notificationsAreNeverAnswered();
    void toolsAreListedWithTheirSchemas();
    void argumentsAreCheckedAgainstTheSchema_data();
    void argumentsAreCheckedAgainstTheSchema();
    void unknownToolIsAProtocolError();
    void asynchronousToolAnswersLater();
    void cancelledCallIsNotAnswered();
    void progressFollowsTheToken();
    void duplicateIdsOfRunningCallsAreRefused();
    void resourcesAreListedAndRead();
    void logLevelFiltersMessages();

private:
    // Sends one line; the messages the server sent back.
    QList<QJsonObject> exchange(const QByteArray &line);
    QJsonObject call(int id, const QString &tool, const QJsonObject &arguments, const QJsonObject &meta = {});

    std::unique_ptr<McpServer> mServer;
    QList<QJsonObject> mSent;
    QPointer<McpCall> mHeld; // the slow tool's call
};

void TestMcpServer::init()
{
    mServer = std::make_unique<McpServer>();
    mSent.clear();
    connect(mServer.get(), &McpServer::send, this,
            [this](const QByteArray &line) { mSent.append(QJsonDocument::fromJson(line).object()); });
    const QJsonObject echoSchema{
        {"type", "object"},
        {"properties",
         QJsonObject{{"text", QJsonObject{{"type", "string"}}},
                     {"count", QJsonObject{{"type", "integer"}, {"minimum", 1}, {"maximum", 10}}},
                     {"mode", QJsonObject{{"type", "string"}, {"enum", QJsonArray{"loud", "quiet"}}}},
                     {"tags", QJsonObject{{"type", "array"}, {"items", QJsonObject{{"type", "string"}}}}}}},
        {"required", QJsonArray{"text"}},
        {"additionalProperties", false}};
    mServer->addTool({"echo", "Echo", "Says it back.", echoSchema, [](McpCall *c) {
                          if (c->arguments().value("text") == "fail")
                              c->fail("it failed");
                          else
                              c->finish({{"text", c->arguments().value("text")}});
                      }});
    mServer->addTool({"slow", "Slow", "Answers when the test says.", QJsonObject{{"type", "object"}},
                      [this](McpCall *c) { mHeld = c; }});
    mServer->setResourceLister([] {
        return QList<McpResource>{
            {"nimbus://design", "design.json", "The design.", "application/json",
             [] { return QByteArray(R"({"nodes":[]})"); }},
            {"nimbus://picture", "p.png", "A picture.", "image/png", [] { return QByteArray("\x89PNG", 4); }}};
    });
}

QList<QJsonObject> TestMcpServer::exchange(const QByteArray &line)
{
    mSent.clear();
    mServer->receive(line);
    return mSent;
}

QJsonObject TestMcpServer::call(int id, const QString &tool, const QJsonObject &arguments, const QJsonObject &meta)
{
    QJsonObject params{{"name", tool}, {"arguments", arguments}};
    if (!meta.isEmpty())
        params.insert("_meta", meta);
    const QList<QJsonObject> sent = exchange(
        QJsonDocument(QJsonObject{{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/call"}, {"params", params}})
            .toJson(QJsonDocument::Compact));
    return sent.isEmpty() ? QJsonObject() : sent.last();
}

void TestMcpServer::framingErrors_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("code");
    QTest::addColumn<QJsonValue>("id");
    QTest::newRow("not JSON") << QByteArray("{oops") << -32700 << QJsonValue(QJsonValue::Null);
    QTest::newRow("a batch") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])") << -32600
                             << QJsonValue(QJsonValue::Null);
    QTest::newRow("no jsonrpc member") << QByteArray(R"({"id":3,"method":"ping"})") << -32600 << QJsonValue(3);
    QTest::newRow("id of a wrong type") << QByteArray(R"({"jsonrpc":"2.0","id":{},"method":"ping"})") << -32600
                                        << QJsonValue(QJsonValue::Null);
    QTest::newRow("no method") << QByteArray(R"({"jsonrpc":"2.0","id":"x"})") << -32600 << QJsonValue("x");
    QTest::newRow("unknown method") << QByteArray(R"({"jsonrpc":"2.0","id":4,"method":"prompts/list"})") << -32601
                                    << QJsonValue(4);
    QTest::newRow("bad log level") << QByteArray(
        R"({"jsonrpc":"2.0","id":5,"method":"logging/setLevel","params":{"level":"loud"}})")
                                   << -32602 << QJsonValue(5);
    QTest::newRow("too large") << QByteArray(McpServer::kMessageLimit + 1, 'x') << -32600
                               << QJsonValue(QJsonValue::Null);
}

void TestMcpServer::framingErrors()
{
    QFETCH(QByteArray, line);
    QFETCH(int, code);
    QFETCH(QJsonValue, id);
    const QList<QJsonObject> sent = exchange(line);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().value("jsonrpc"), "2.0");
    QCOMPARE(sent.first().value("id"), id);
    QCOMPARE(sent.first().value("error").toObject().value("code").toInt(), code);
    QVERIFY(!sent.first().value("error").toObject().value("message").toString().isEmpty());
}

void TestMcpServer::initializeNegotiatesTheVersion_data()
{
    QTest::addColumn<QString>("asked");
    QTest::addColumn<QString>("given");
    QTest::newRow("current") << "2025-11-25"
                             << "2025-11-25";
    QTest::newRow("earlier, supported") << "2025-03-26"
                                        << "2025-03-26";
    QTest::newRow("unknown: the newest") << "1999-01-01"
                                         << "2025-11-25";
}

void TestMcpServer::initializeNegotiatesTheVersion()
{
    QFETCH(QString, asked);
    QFETCH(QString, given);
    mServer->setInstructions("Use the tools.");
    const QList<QJsonObject> sent = exchange(
        QJsonDocument(
            QJsonObject{{"jsonrpc", "2.0"},
                        {"id", 1},
                        {"method", "initialize"},
                        {"params", QJsonObject{{"protocolVersion", asked},
                                               {"capabilities", QJsonObject()},
                                               {"clientInfo", QJsonObject{{"name", "t"}, {"version", "1"}}}}}})
            .toJson(QJsonDocument::Compact));
    QCOMPARE(sent.size(), 1);
    const QJsonObject result = sent.first().value("result").toObject();
    QCOMPARE(result.value("protocolVersion").toString(), given);
    QVERIFY(result.value("capabilities").toObject().contains("tools"));
    QVERIFY(result.value("capabilities").toObject().contains("resources"));
    QVERIFY(result.value("capabilities").toObject().contains("logging"));
    QCOMPARE(result.value("serverInfo").toObject().value("name"), "nimbus");
    QCOMPARE(result.value("instructions"), "Use the tools.");
}

void TestMcpServer::notificationsAreNeverAnswered()
{
    QVERIFY(exchange(R"({"jsonrpc":"2.0","method":"notifications/initialized"})").isEmpty());
    QVERIFY(exchange(R"({"jsonrpc":"2.0","method":"no/such/notification"})").isEmpty());
    // A response to a request of the server's is not a request.
    QVERIFY(exchange(R"({"jsonrpc":"2.0","id":9,"result":{}})").isEmpty());
    QVERIFY(exchange("   ").isEmpty());
}

void TestMcpServer::toolsAreListedWithTheirSchemas()
{
    const QList<QJsonObject> sent = exchange(R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})");
    const QJsonArray tools = sent.value(0).value("result").toObject().value("tools").toArray();
    QCOMPARE(tools.size(), 2);
    QCOMPARE(tools.at(0).toObject().value("name"), "echo");
    QCOMPARE(tools.at(0).toObject().value("inputSchema").toObject().value("type"), "object");
    QCOMPARE(tools.at(0).toObject().value("annotations").toObject().value("openWorldHint"), false);
}

void TestMcpServer::argumentsAreCheckedAgainstTheSchema_data()
{
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<QString>("problem"); // empty: the tool runs
    QTest::newRow("fits") << QJsonObject{{"text", "hi"}, {"count", 3}, {"mode", "loud"}} << QString();
    QTest::newRow("missing required") << QJsonObject{{"count", 3}} << "'text' is required";
    QTest::newRow("wrong type") << QJsonObject{{"text", 5}} << "'text' must be of type string";
    QTest::newRow("not an integer") << QJsonObject{{"text", "a"}, {"count", 1.5}} << "'count' must be of type integer";
    QTest::newRow("below minimum") << QJsonObject{{"text", "a"}, {"count", 0}} << "'count' must be at least 1";
    QTest::newRow("above maximum") << QJsonObject{{"text", "a"}, {"count", 11}} << "'count' must be at most 10";
    QTest::newRow("not in enum") << QJsonObject{{"text", "a"}, {"mode", "shout"}} << "'mode' must be one of";
    QTest::newRow("array item") << QJsonObject{{"text", "a"}, {"tags", QJsonArray{"x", 2}}}
                                << "'tags[1]' must be of type string";
    QTest::newRow("unknown argument") << QJsonObject{{"text", "a"}, {"colour", "red"}} << "'colour' is not an argument";
    QTest::newRow("tool's own error") << QJsonObject{{"text", "fail"}} << "it failed";
}

void TestMcpServer::argumentsAreCheckedAgainstTheSchema()
{
    QFETCH(QJsonObject, arguments);
    QFETCH(QString, problem);
    const QJsonObject answer = call(7, "echo", arguments);
    QCOMPARE(answer.value("id"), 7);
    // Wrong arguments are the tool's error, for the model to correct, not a protocol error.
    const QJsonObject result = answer.value("result").toObject();
    QCOMPARE(result.value("isError").toBool(), !problem.isEmpty());
    const QString text = result.value("content").toArray().at(0).toObject().value("text").toString();
    if (problem.isEmpty()) {
        QCOMPARE(result.value("structuredContent").toObject().value("text"), arguments.value("text"));
        QCOMPARE(QJsonDocument::fromJson(text.toUtf8()).object(), result.value("structuredContent").toObject());
    } else {
        QVERIFY2(text.contains(problem), qPrintable(text));
    }
}

void TestMcpServer::unknownToolIsAProtocolError()
{
    const QJsonObject answer = call(8, "nope", {});
    QCOMPARE(answer.value("error").toObject().value("code").toInt(), -32602);
    QVERIFY(answer.value("error").toObject().value("message").toString().contains("nope"));
}

void TestMcpServer::asynchronousToolAnswersLater()
{
    QVERIFY(call(10, "slow", {}).isEmpty());
    QCOMPARE(mServer->pendingCalls(), 1);
    QVERIFY(mHeld);
    mHeld->finish({{"done", true}});
    QCOMPARE(mSent.size(), 1);
    QCOMPARE(mSent.first().value("id"), 10);
    QCOMPARE(mServer->pendingCalls(), 0);
    // A second answer to the same call goes nowhere.
    if (mHeld)
        mHeld->fail("again");
    QCOMPARE(mSent.size(), 1);
}

void TestMcpServer::cancelledCallIsNotAnswered()
{
    QVERIFY(call(11, "slow", {}).isEmpty());
    QVERIFY(mHeld);
    bool told = false;
    connect(mHeld, &McpCall::cancelled, this, [&] { told = true; });
    QVERIFY(exchange(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":11,"reason":"x"}})")
                .isEmpty());
    QVERIFY(told);
    QVERIFY(mHeld->isCancelled());
    mHeld->finish({{"late", true}});
    QVERIFY(mSent.isEmpty());
    QCOMPARE(mServer->pendingCalls(), 0);
}

void TestMcpServer::progressFollowsTheToken()
{
    QVERIFY(call(12, "slow", {}, QJsonObject{{"progressToken", "tok"}}).isEmpty());
    mHeld->progress(1, 4, "a quarter");
    QCOMPARE(mSent.size(), 1);
    const QJsonObject progress = mSent.first();
    QCOMPARE(progress.value("method"), "notifications/progress");
    QCOMPARE(progress.value("params").toObject().value("progressToken"), "tok");
    QCOMPARE(progress.value("params").toObject().value("progress").toDouble(), 1.0);
    QCOMPARE(progress.value("params").toObject().value("total").toDouble(), 4.0);
    mHeld->finish({});
    // Without a token, no progress is sent.
    QVERIFY(call(13, "slow", {}).isEmpty());
    mSent.clear();
    mHeld->progress(1, 2);
    QVERIFY(mSent.isEmpty());
    mHeld->finish({});
}

void TestMcpServer::duplicateIdsOfRunningCallsAreRefused()
{
    QVERIFY(call(14, "slow", {}).isEmpty());
    const QJsonObject second = call(14, "echo", {{"text", "x"}});
    QCOMPARE(second.value("error").toObject().value("code").toInt(), -32600);
    // The string "14" is another id.
    QVERIFY(
        exchange(
            R"({"jsonrpc":"2.0","id":"14","method":"tools/call","params":{"name":"echo","arguments":{"text":"y"}}})")
            .value(0)
            .contains("result"));
    mHeld->finish({});
}

void TestMcpServer::resourcesAreListedAndRead()
{
    const QJsonArray list = exchange(R"({"jsonrpc":"2.0","id":20,"method":"resources/list"})")
                                .value(0)
                                .value("result")
                                .toObject()
                                .value("resources")
                                .toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value("uri"), "nimbus://design");
    const QJsonObject text =
        exchange(R"({"jsonrpc":"2.0","id":21,"method":"resources/read","params":{"uri":"nimbus://design"}})")
            .value(0)
            .value("result")
            .toObject()
            .value("contents")
            .toArray()
            .at(0)
            .toObject();
    QCOMPARE(text.value("text"), R"({"nodes":[]})");
    const QJsonObject blob =
        exchange(R"({"jsonrpc":"2.0","id":22,"method":"resources/read","params":{"uri":"nimbus://picture"}})")
            .value(0)
            .value("result")
            .toObject()
            .value("contents")
            .toArray()
            .at(0)
            .toObject();
    QCOMPARE(QByteArray::fromBase64(blob.value("blob").toString().toLatin1()), QByteArray("\x89PNG", 4));
    const QJsonObject missing =
        exchange(R"({"jsonrpc":"2.0","id":23,"method":"resources/read","params":{"uri":"nimbus://nothing"}})").value(0);
    QCOMPARE(missing.value("error").toObject().value("code").toInt(), -32002);
}

void TestMcpServer::logLevelFiltersMessages()
{
    mServer->log("info", "cloud", "a hop");
    QCOMPARE(mSent.size(), 1);
    QCOMPARE(mSent.first().value("method"), "notifications/message");
    QCOMPARE(exchange(R"({"jsonrpc":"2.0","id":30,"method":"logging/setLevel","params":{"level":"error"}})").size(), 1);
    mSent.clear();
    mServer->log("warning", "cloud", "filtered");
    QVERIFY(mSent.isEmpty());
    mServer->log("error", "cloud", "shown");
    QCOMPARE(mSent.size(), 1);
}

QTEST_GUILESS_MAIN(TestMcpServer)
#include "tst_mcpserver.moc"
