// Issue 28's "safe by default": an agent driving `nimbus mcp` acts only inside the
// project's folder and the folders the user passed, whatever paths it gives (.., absolute,
// links that lead out, a hostile project's source folder); the local cloud it starts
// listens on this machine only; its HTTP requests go to that gateway and nowhere else.
// Each test fails when the protection it proves is removed.

#include "mcp/mcpserver.h"
#include "mcp/mcpworkspace.h"
#include "testutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Nimbus;

class TestSecurityMcp : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void projectFilesStayInAllowedFolders_data();
    void projectFilesStayInAllowedFolders();
    void functionFilesStayInTheirFolder_data();
    void functionFilesStayInTheirFolder();
    void hostileSourceFolderIsRefused();
    void outputsStayInAllowedFolders_data();
    void outputsStayInAllowedFolders();
    void cloudListensOnThisMachineOnly();
    void requestsGoToTheGatewayOnly_data();
    void requestsGoToTheGatewayOnly();

private:
    // The tool's answer: its structured result, or its error text in "error".
    QJsonObject call(const QString &tool, const QJsonObject &arguments);

    std::unique_ptr<QTemporaryDir> mRoot;
    QString mAllowed; // the folder the agent may use
    QString mOutside; // a sibling it may not
    std::unique_ptr<McpWorkspace> mWorkspace;
    std::unique_ptr<McpServer> mServer;
    QJsonObject mLast;
};

void TestSecurityMcp::init()
{
    mRoot = std::make_unique<QTemporaryDir>();
    mAllowed = mRoot->filePath("work");
    mOutside = mRoot->filePath("home");
    QVERIFY(QDir().mkpath(mAllowed) && QDir().mkpath(mOutside));
    QFile secret(mOutside + "/id_rsa");
    QVERIFY(secret.open(QIODevice::WriteOnly) && secret.write("PRIVATE KEY") > 0);
    secret.close();
    // A link inside the allowed folder that leads out of it.
    QVERIFY(QFile::link(mOutside, mAllowed + "/way-out"));
    mWorkspace = std::make_unique<McpWorkspace>(QStringList{mAllowed});
    mServer = std::make_unique<McpServer>();
    mWorkspace->registerOn(*mServer);
    connect(mServer.get(), &McpServer::send, this, [this](const QByteArray &line) {
        const QJsonObject message = QJsonDocument::fromJson(line).object();
        if (message.contains("id"))
            mLast = message;
    });
    QVERIFY(!call("create_project", {{"path", "shop.nimbus"}}).contains("error"));
    QVERIFY(!call("add_node", {{"kind", "function"}, {"name", "fn"}}).contains("error"));
}

void TestSecurityMcp::cleanup()
{
    mServer.reset();
    mWorkspace.reset();
    mRoot.reset();
}

QJsonObject TestSecurityMcp::call(const QString &tool, const QJsonObject &arguments)
{
    mLast = {};
    mServer->receive(QJsonDocument(QJsonObject{{"jsonrpc", "2.0"},
                                               {"id", 1},
                                               {"method", "tools/call"},
                                               {"params", QJsonObject{{"name", tool}, {"arguments", arguments}}}})
                         .toJson(QJsonDocument::Compact));
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!mLast.isEmpty(), 20000); }();
    const QJsonObject result = mLast.value("result").toObject();
    if (mLast.contains("error") || result.value("isError").toBool())
        return {{"error", mLast.contains("error")
                              ? mLast.value("error").toObject().value("message").toString()
                              : result.value("content").toArray().at(0).toObject().value("text").toString()}};
    return result.value("structuredContent").toObject();
}

void TestSecurityMcp::projectFilesStayInAllowedFolders_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("path"); // "{out}" is the outside folder
    QTest::newRow("create, absolute outside") << "create_project"
                                              << "{out}/evil.nimbus";
    QTest::newRow("create, dot-dot") << "create_project"
                                     << "../home/evil.nimbus";
    QTest::newRow("create, through a link") << "create_project"
                                            << "way-out/evil.nimbus";
    QTest::newRow("open, outside") << "open_project"
                                   << "{out}/id_rsa";
}

void TestSecurityMcp::projectFilesStayInAllowedFolders()
{
    QFETCH(QString, tool);
    QFETCH(QString, path);
    const QJsonObject answer = call(tool, {{"path", QString(path).replace("{out}", mOutside)}});
    QVERIFY2(answer.value("error").toString().contains("outside the folders"),
             qPrintable(answer.value("error").toString()));
    QVERIFY(!QFile::exists(mOutside + "/evil.nimbus"));
}

void TestSecurityMcp::functionFilesStayInTheirFolder_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("dot-dot to the home") << "../../../home/id_rsa";
    QTest::newRow("absolute") << "{out}/id_rsa";
    QTest::newRow("through a link") << "../../way-out/id_rsa";
}

void TestSecurityMcp::functionFilesStayInTheirFolder()
{
    QFETCH(QString, file);
    const QString path = QString(file).replace("{out}", mOutside);
    const QJsonObject read = call("read_function_file", {{"function", "fn"}, {"file", path}});
    QVERIFY2(read.contains("error"), "read outside the function's folder");
    QVERIFY(!read.value("error").toString().contains("PRIVATE KEY"));
    const QJsonObject written = call("write_function_file", {{"function", "fn"}, {"file", path}, {"content", "pwned"}});
    QVERIFY2(written.contains("error"), "wrote outside the function's folder");
    QCOMPARE(NimbusTest::readAll(mOutside + "/id_rsa"), QByteArray("PRIVATE KEY"));
    // Its own handler file is fine.
    QVERIFY(!call("write_function_file", {{"function", "fn"}, {"content", "export const handler = async () => 1;"}})
                 .contains("error"));
}

void TestSecurityMcp::hostileSourceFolderIsRefused()
{
    // A project from a stranger whose function's source folder is a link out of the project.
    QVERIFY(QFile::link(mOutside, mAllowed + "/functions/evil"));
    QVERIFY(
        !call("add_node", {{"kind", "function"},
                           {"name", "evil"},
                           {"properties", QJsonObject{{"source", "functions/evil"}, {"handler", "id_rsa.handler"}}}})
             .contains("error"));
    QVERIFY(call("read_function_file", {{"function", "evil"}, {"file", "id_rsa"}}).contains("error"));
    QVERIFY(
        call("write_function_file", {{"function", "evil"}, {"file", "id_rsa"}, {"content", "x"}}).contains("error"));
    QCOMPARE(NimbusTest::readAll(mOutside + "/id_rsa"), QByteArray("PRIVATE KEY"));
}

void TestSecurityMcp::outputsStayInAllowedFolders_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QJsonObject>("arguments");
    QTest::newRow("export outside") << "export_project" << QJsonObject{{"target", "sam"}, {"folder", "{out}/deploy"}};
    QTest::newRow("export through a link")
        << "export_project" << QJsonObject{{"target", "sam"}, {"folder", "way-out/deploy"}};
    QTest::newRow("diagram outside") << "render_diagram" << QJsonObject{{"path", "{out}/d.png"}};
    QTest::newRow("diagram over a dot-dot") << "render_diagram" << QJsonObject{{"path", "../home/d.png"}};
}

void TestSecurityMcp::outputsStayInAllowedFolders()
{
    QFETCH(QString, tool);
    QFETCH(QJsonObject, arguments);
    for (auto it = arguments.begin(); it != arguments.end(); ++it)
        it.value() = it.value().toString().replace("{out}", mOutside);
    const QJsonObject answer = call(tool, arguments);
    QVERIFY2(answer.value("error").toString().contains("outside the folders"),
             qPrintable(answer.value("error").toString()));
    QCOMPARE(QDir(mOutside).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{"id_rsa"});
}

void TestSecurityMcp::cloudListensOnThisMachineOnly()
{
    const QJsonObject started = call("start_cloud", {});
    QVERIFY2(!started.contains("error"), qPrintable(started.value("error").toString()));
    QCOMPARE(QUrl(started.value("gateway").toString()).host(), "127.0.0.1");
    QCOMPARE(QUrl(started.value("aws").toString()).host(), "127.0.0.1");
    QVERIFY(!call("stop_cloud", {}).contains("error"));
}

void TestSecurityMcp::requestsGoToTheGatewayOnly_data()
{
    QTest::addColumn<QJsonObject>("arguments");
    QTest::newRow("user info trick") << QJsonObject{{"method", "GET"}, {"path", "@evil.example/x"}};
    QTest::newRow("another host") << QJsonObject{{"method", "GET"}, {"path", "http://evil.example/"}};
    QTest::newRow("scheme-relative") << QJsonObject{{"method", "GET"}, {"path", "//evil.example/"}};
    QTest::newRow("request smuggling in the path")
        << QJsonObject{{"method", "GET"}, {"path", "/x HTTP/1.1\r\nHost: evil"}};
    QTest::newRow("header injection") << QJsonObject{
        {"method", "GET"}, {"path", "/x"}, {"headers", QJsonObject{{"X-A", "1\r\nHost: evil"}}}};
}

void TestSecurityMcp::requestsGoToTheGatewayOnly()
{
    QFETCH(QJsonObject, arguments);
    QVERIFY(!call("start_cloud", {}).contains("error"));
    const QJsonObject answer = call("http_request", arguments);
    QVERIFY2(answer.contains("error"), "a request that could leave the gateway was sent");
    QVERIFY(!answer.contains("status"));
}

QTEST_MAIN(TestSecurityMcp) // render_diagram draws with QtGui
#include "tst_security_mcp.moc"
