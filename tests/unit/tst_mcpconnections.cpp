// An agent connects a topic's subscriptions with their settings through nimbus mcp's
// connect_nodes: the properties land on the connection in one step, and a value the
// connection's rule does not take is refused with the reason, changing nothing.

#include "document/project.h"
#include "mcp/mcpserver.h"
#include "mcp/mcpworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Nimbus;

class TestMcpConnections : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void subscriptionSettingsLandOnTheConnection();
    void refusedSettingsChangeNothing_data();
    void refusedSettingsChangeNothing();

private:
    // The tool's answer: its structured result, or its error text in "error".
    QJsonObject call(const QString &tool, const QJsonObject &arguments);
    const Edge *edge(const QString &from, const QString &to) const;

    std::unique_ptr<QTemporaryDir> mRoot;
    std::unique_ptr<McpWorkspace> mWorkspace;
    std::unique_ptr<McpServer> mServer;
    QJsonObject mLast;
};

void TestMcpConnections::init()
{
    mRoot = std::make_unique<QTemporaryDir>();
    mWorkspace = std::make_unique<McpWorkspace>(QStringList{mRoot->path()});
    mServer = std::make_unique<McpServer>();
    mWorkspace->registerOn(*mServer);
    connect(mServer.get(), &McpServer::send, this, [this](const QByteArray &line) {
        const QJsonObject message = QJsonDocument::fromJson(line).object();
        if (message.contains(QStringLiteral("id")))
            mLast = message;
    });
    QVERIFY(!call(QStringLiteral("create_project"), {{QStringLiteral("path"), QStringLiteral("shop.nimbus")}})
                 .contains(QStringLiteral("error")));
    for (const auto &[kind, name] :
         {std::pair{"topic", "orders"}, std::pair{"queue", "audit"}, std::pair{"function", "notify"}})
        QVERIFY(!call(QStringLiteral("add_node"),
                      {{QStringLiteral("kind"), QLatin1String(kind)}, {QStringLiteral("name"), QLatin1String(name)}})
                     .contains(QStringLiteral("error")));
}

void TestMcpConnections::cleanup()
{
    mServer.reset();
    mWorkspace.reset();
    mRoot.reset();
}

QJsonObject TestMcpConnections::call(const QString &tool, const QJsonObject &arguments)
{
    mLast = {};
    mServer->receive(
        QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                  {QStringLiteral("id"), 1},
                                  {QStringLiteral("method"), QStringLiteral("tools/call")},
                                  {QStringLiteral("params"), QJsonObject{{QStringLiteral("name"), tool},
                                                                         {QStringLiteral("arguments"), arguments}}}})
            .toJson(QJsonDocument::Compact));
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!mLast.isEmpty(), 20000); }();
    const QJsonObject result = mLast.value(QStringLiteral("result")).toObject();
    if (mLast.contains(QStringLiteral("error")) || result.value(QStringLiteral("isError")).toBool())
        return {{QStringLiteral("error"),
                 mLast.contains(QStringLiteral("error"))
                     ? mLast.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString()
                     : result.value(QStringLiteral("content"))
                           .toArray()
                           .at(0)
                           .toObject()
                           .value(QStringLiteral("text"))
                           .toString()}};
    return result.value(QStringLiteral("structuredContent")).toObject();
}

const Edge *TestMcpConnections::edge(const QString &from, const QString &to) const
{
    const Architecture &design = mWorkspace->project()->architecture();
    const Node *a = design.nodeByName(from);
    const Node *b = design.nodeByName(to);
    for (const auto &[id, e] : design.edges())
        if (a && b && e.from == a->id && e.to == b->id)
            return &e;
    return nullptr;
}

void TestMcpConnections::subscriptionSettingsLandOnTheConnection()
{
    const QJsonObject policy{{QStringLiteral("filterPolicy"), QStringLiteral("{\"store\": [\"example_corp\"]}")},
                             {QStringLiteral("rawMessageDelivery"), true}};
    const QJsonObject answer = call(QStringLiteral("connect_nodes"),
                                    {{QStringLiteral("from"), QStringLiteral("orders")},
                                     {QStringLiteral("to"), QStringLiteral("audit")},
                                     {QStringLiteral("properties"), policy}});
    QVERIFY2(!answer.contains(QStringLiteral("error")), qPrintable(answer.value(QStringLiteral("error")).toString()));
    QCOMPARE(answer.value(QStringLiteral("type")).toString(), QStringLiteral("delivers"));
    QCOMPARE(answer.value(QStringLiteral("properties")).toObject(), policy);
    const Edge *made = edge(QStringLiteral("orders"), QStringLiteral("audit"));
    QVERIFY(made);
    QCOMPARE(made->properties, policy);
    // One step: undo takes the connection and its settings away together.
    QVERIFY(!call(QStringLiteral("undo"), {}).contains(QStringLiteral("error")));
    QVERIFY(!edge(QStringLiteral("orders"), QStringLiteral("audit")));
}

void TestMcpConnections::refusedSettingsChangeNothing_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<QJsonObject>("properties");
    QTest::addColumn<QString>("message");
    QTest::newRow("policy not JSON") << "audit"
                                     << QJsonObject{{QStringLiteral("filterPolicy"), QStringLiteral("{store")}}
                                     << "Filter policy: not a filter policy SNS takes";
    QTest::newRow("scope not one SNS has")
        << "audit" << QJsonObject{{QStringLiteral("filterPolicyScope"), QStringLiteral("Everything")}}
        << "Filter policy scope: 'Everything'";
    QTest::newRow("raw delivery to a function")
        << "notify" << QJsonObject{{QStringLiteral("rawMessageDelivery"), true}} << "rawMessageDelivery";
}

void TestMcpConnections::refusedSettingsChangeNothing()
{
    QFETCH(QString, to);
    QFETCH(QJsonObject, properties);
    QFETCH(QString, message);
    const QJsonObject answer = call(QStringLiteral("connect_nodes"),
                                    {{QStringLiteral("from"), QStringLiteral("orders")},
                                     {QStringLiteral("to"), to},
                                     {QStringLiteral("properties"), properties}});
    QVERIFY(answer.contains(QStringLiteral("error")));
    QVERIFY2(answer.value(QStringLiteral("error")).toString().contains(message),
             qPrintable(answer.value(QStringLiteral("error")).toString()));
    QVERIFY(!edge(QStringLiteral("orders"), to));
}

QTEST_MAIN(TestMcpConnections)
#include "tst_mcpconnections.moc"
