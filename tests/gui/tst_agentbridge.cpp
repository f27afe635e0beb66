// An agent attached with `nimbus mcp --attach` works on the project open in the studio:
// the studio serves MCP on a socket named after the project file, readable by the user
// alone; an agent's edit is an undo step named as the agent's and shows on the canvas;
// the socket follows the open project, closes with it, and a second studio on the same
// project leaves it to the first.

#include "agentbridge.h"
#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/nodeitem.h"
#include "mainwindow.h"
#include "preferences/preferences.h"
#include "projectmanager.h"

#include "mcp/mcpserver.h"
#include "mcp/mcpworkspace.h"
#include "storage/projectfile.h"

#include "testutil.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

using namespace Nimbus;
using namespace NimbusTest;

namespace {

// A client speaking MCP over the socket as `nimbus mcp --attach` relays it.
class Client
{
public:
    bool connectTo(const QString &name)
    {
        mSocket.connectToServer(name);
        return mSocket.waitForConnected(2000);
    }
    QLocalSocket &socket() { return mSocket; }

    void sendLine(const QByteArray &line)
    {
        mSocket.write(line + '\n');
        mSocket.flush();
    }
    void notify(const QString &method)
    {
        sendLine(QJsonDocument(QJsonObject{{"jsonrpc", "2.0"}, {"method", method}}).toJson(QJsonDocument::Compact));
    }
    // Sends a request and waits for its answer (empty when none came).
    QJsonObject request(const QString &method, const QJsonObject &params)
    {
        const int id = ++mLastId;
        sendLine(QJsonDocument(QJsonObject{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}})
                     .toJson(QJsonDocument::Compact));
        QJsonObject answer;
        const bool answered = QTest::qWaitFor(
            [&] {
            mBuffer += mSocket.readAll();
            for (qsizetype end = mBuffer.indexOf('\n'); end >= 0; end = mBuffer.indexOf('\n')) {
                const QJsonObject message = QJsonDocument::fromJson(mBuffer.left(end)).object();
                mBuffer.remove(0, end + 1);
                if (message.value("id").toInt() == id)
                    answer = message;
            }
            return !answer.isEmpty();
            },
            5000);
        return answered ? answer : QJsonObject();
    }
    bool initialize()
    {
        const QJsonObject answer = request(
            "initialize", {{"protocolVersion", McpServer::kProtocolVersion},
                           {"capabilities", QJsonObject()},
                           {"clientInfo", QJsonObject{{"name", "tst_agentbridge"}, {"version", "1"}}}});
        notify("notifications/initialized");
        return answer.value("result").toObject().contains("serverInfo");
    }
    QJsonObject callTool(const QString &name, const QJsonObject &arguments)
    {
        return request("tools/call", {{"name", name}, {"arguments", arguments}}).value("result").toObject();
    }
    QJsonObject addFunction(const QString &name)
    {
        return callTool("add_node", {{"kind", "function"}, {"name", name}});
    }

private:
    QLocalSocket mSocket;
    QByteArray mBuffer;
    int mLastId = 0;
};

bool isClosed(QLocalSocket &socket)
{
    return QTest::qWaitFor([&] { return socket.state() == QLocalSocket::UnconnectedState; }, 5000);
}

} // namespace

class tst_AgentBridge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void agentEditIsAnUndoStep();
    void secondClientWorks();
    void closingTheProjectClosesTheSocket();
    void socketFollowsTheProjectFile();
    void secondStudioDoesNotSteal();
    void staleSocketIsReplaced();
    void socketIsOwnerOnly();
    void overlongLineClosesTheConnection();
    void preferenceTurnsItOff();
    void windowShowsTheAgentsWork();

private:
    // A saved, empty project at dir/name.nimbus, open in a manager.
    Project *openSaved(ProjectManager &manager, const QString &name);

    std::unique_ptr<QTemporaryDir> mDir;
};

void tst_AgentBridge::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Preferences::instance().setAgentsMayAttach(true);
}

void tst_AgentBridge::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

Project *tst_AgentBridge::openSaved(ProjectManager &manager, const QString &name)
{
    const QString path = mDir->filePath(name + ".nimbus");
    auto *project = new Project(Catalog::builtin());
    if (!QFileInfo::exists(path)) {
        ProjectFile writer;
        if (const Result<void> saved = writer.save(*project, path); !saved) {
            qWarning("%s", qPrintable(saved.errorMessage()));
            delete project;
            return nullptr;
        }
    }
    project->setFilePath(path);
    project->markSaved();
    manager.setProject(project, false);
    return project;
}

void tst_AgentBridge::agentEditIsAnUndoStep()
{
    ProjectManager manager;
    Project *project = openSaved(manager, "shop");
    QVERIFY(project);
    AgentBridge bridge(&manager);
    QVERIFY(bridge.isListening());
    QCOMPARE(bridge.serverName(), McpWorkspace::attachSocketName(project->filePath()));
    QVERIFY(bridge.status().isEmpty());

    QSignalSpy status(&bridge, &AgentBridge::statusChanged);
    Client agent;
    QVERIFY(agent.connectTo(bridge.serverName()));
    QVERIFY(agent.initialize());
    QCOMPARE(bridge.status(), QStringLiteral("An agent is connected"));
    QCOMPARE(status.count(), 1);

    const QJsonObject added = agent.addFunction("agentfn");
    QVERIFY2(!added.value("isError").toBool(), QJsonDocument(added).toJson().constData());
    const Node *node = project->architecture().nodeByName("agentfn");
    QVERIFY(node);
    QCOMPARE(node->kind, QStringLiteral("function"));
    QUndoStack *stack = project->undoStack();
    QVERIFY2(stack->text(stack->index() - 1).startsWith("Agent:"), qPrintable(stack->text(stack->index() - 1)));
    QVERIFY(project->isModified()); // the user saves an attached project

    stack->undo();
    QVERIFY(!project->architecture().nodeByName("agentfn"));

    agent.socket().disconnectFromServer();
    QTRY_VERIFY(bridge.status().isEmpty());
    QCOMPARE(bridge.agentCount(), 0);
}

void tst_AgentBridge::secondClientWorks()
{
    ProjectManager manager;
    Project *project = openSaved(manager, "two");
    QVERIFY(project);
    AgentBridge bridge(&manager);
    Client first, second;
    QVERIFY(first.connectTo(bridge.serverName()));
    QVERIFY(first.initialize());
    QVERIFY(second.connectTo(bridge.serverName()));
    QVERIFY(second.initialize());
    QCOMPARE(bridge.agentCount(), 2);
    QVERIFY(!first.addFunction("one").value("isError").toBool());
    QVERIFY(!second.addFunction("two").value("isError").toBool());
    QVERIFY(project->architecture().nodeByName("one"));
    QVERIFY(project->architecture().nodeByName("two"));

    // One leaving does not end the other.
    first.socket().disconnectFromServer();
    QTRY_COMPARE(bridge.agentCount(), 1);
    QCOMPARE(bridge.status(), QStringLiteral("An agent is connected"));
    QVERIFY(!second.addFunction("three").value("isError").toBool());
    QVERIFY(project->architecture().nodeByName("three"));
}

void tst_AgentBridge::closingTheProjectClosesTheSocket()
{
    ProjectManager manager;
    QVERIFY(openSaved(manager, "first"));
    AgentBridge bridge(&manager);
    const QString firstName = bridge.serverName();
    Client agent;
    QVERIFY(agent.connectTo(firstName));
    QVERIFY(agent.initialize());

    // Another project: the agent's workspace pointed at the old one.
    Project *second = openSaved(manager, "second");
    QVERIFY(isClosed(agent.socket()));
    QTRY_VERIFY(bridge.status().isEmpty());
    QVERIFY(!QFileInfo::exists(firstName));
    QCOMPARE(bridge.serverName(), McpWorkspace::attachSocketName(second->filePath()));

    Client next;
    QVERIFY(next.connectTo(bridge.serverName()));
    QVERIFY(next.initialize());
    const QString secondName = bridge.serverName();
    manager.closeProject();
    QVERIFY(isClosed(next.socket()));
    QVERIFY(!bridge.isListening());
    QVERIFY(!QFileInfo::exists(secondName));

    // A project never saved has no socket.
    manager.setProject(new Project(Catalog::builtin()), true);
    QVERIFY(!bridge.isListening());
}

void tst_AgentBridge::socketFollowsTheProjectFile()
{
    ProjectManager manager;
    Project *project = openSaved(manager, "before");
    AgentBridge bridge(&manager);
    const QString before = bridge.serverName();
    Client agent;
    QVERIFY(agent.connectTo(before));
    QVERIFY(agent.initialize());
    // Save As elsewhere: the agent's allowed folder was the old file's.
    project->setFilePath(mDir->filePath("after.nimbus"));
    QVERIFY(isClosed(agent.socket()));
    QCOMPARE(bridge.serverName(), McpWorkspace::attachSocketName(mDir->filePath("after.nimbus")));
    QVERIFY(!QFileInfo::exists(before));
    Client again;
    QVERIFY(again.connectTo(bridge.serverName()));
    QVERIFY(again.initialize());
}

void tst_AgentBridge::secondStudioDoesNotSteal()
{
    ProjectManager firstStudio;
    QVERIFY(openSaved(firstStudio, "shared"));
    AgentBridge first(&firstStudio);
    QVERIFY(first.isListening());

    ProjectManager secondStudio;
    auto *copy = new Project(Catalog::builtin());
    copy->setFilePath(mDir->filePath("shared.nimbus"));
    AgentBridge second(&secondStudio);
    QSignalSpy told(&second, &AgentBridge::message);
    secondStudio.setProject(copy, false);
    QVERIFY(!second.isListening());
    QCOMPARE(told.count(), 1);

    // The first studio still serves its agents.
    Client agent;
    QVERIFY(agent.connectTo(McpWorkspace::attachSocketName(copy->filePath())));
    QVERIFY(agent.initialize());
    QTRY_COMPARE(first.agentCount(), 1);
    QCOMPARE(second.agentCount(), 0);
}

void tst_AgentBridge::staleSocketIsReplaced()
{
    const QString path = mDir->filePath("stale.nimbus");
    const QString name = McpWorkspace::attachSocketName(path);
    // A socket file with nobody behind it, as a studio that crashed leaves: a server's
    // socket moved to the name, then the server gone.
    {
        QLocalServer dead;
        const QString elsewhere = QFileInfo(name).absolutePath() + "/tst_agentbridge-dead";
        QVERIFY(dead.listen(elsewhere));
        QFile::remove(name);
        QVERIFY(QFile::rename(elsewhere, name));
    }
    QVERIFY(QFileInfo::exists(name));
    ProjectManager manager;
    QVERIFY(openSaved(manager, "stale"));
    AgentBridge bridge(&manager);
    QVERIFY(bridge.isListening());
    Client agent;
    QVERIFY(agent.connectTo(name));
    QVERIFY(agent.initialize());
}

void tst_AgentBridge::socketIsOwnerOnly()
{
    ProjectManager manager;
    QVERIFY(openSaved(manager, "private"));
    AgentBridge bridge(&manager);
    QVERIFY(bridge.isListening());
    const QFileInfo socket(bridge.serverName());
    QVERIFY(socket.exists());
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                                      | QFile::WriteOther | QFile::ExeOther;
    QCOMPARE(socket.permissions() & others, QFile::Permissions());
}

void tst_AgentBridge::overlongLineClosesTheConnection()
{
    ProjectManager manager;
    Project *project = openSaved(manager, "long");
    AgentBridge bridge(&manager);
    Client flooder;
    QVERIFY(flooder.connectTo(bridge.serverName()));
    QVERIFY(flooder.initialize());
    flooder.socket().write(QByteArray(McpServer::kMessageLimit + 1024, 'x'));
    QVERIFY(isClosed(flooder.socket()));
    // The others are served as before.
    Client agent;
    QVERIFY(agent.connectTo(bridge.serverName()));
    QVERIFY(agent.initialize());
    QVERIFY(!agent.addFunction("fine").value("isError").toBool());
    QVERIFY(project->architecture().nodeByName("fine"));
}

void tst_AgentBridge::preferenceTurnsItOff()
{
    ProjectManager manager;
    QVERIFY(openSaved(manager, "prefs"));
    AgentBridge bridge(&manager);
    Client agent;
    QVERIFY(agent.connectTo(bridge.serverName()));
    QVERIFY(agent.initialize());
    Preferences::instance().setAgentsMayAttach(false);
    QVERIFY(!bridge.isEnabled());
    QVERIFY(!bridge.isListening());
    QVERIFY(isClosed(agent.socket()));
    Preferences::instance().setAgentsMayAttach(true);
    QVERIFY(bridge.isListening());
}

void tst_AgentBridge::windowShowsTheAgentsWork()
{
    const QString path = mDir->filePath("window.nimbus");
    {
        Project project(Catalog::builtin());
        ProjectFile writer;
        QVERIFY(writer.save(project, path));
    }
    MainWindow window;
    QVERIFY(window.openFile(path));
    auto *status = window.findChild<QLabel *>("agentStatus");
    QVERIFY(status);
    QVERIFY(status->text().isEmpty());

    Client agent;
    QVERIFY(agent.connectTo(McpWorkspace::attachSocketName(path)));
    QVERIFY(agent.initialize());
    QCOMPARE(status->text(), QStringLiteral("An agent is connected"));
    QVERIFY(!agent.addFunction("agentfn").value("isError").toBool());
    const Node *node = window.project()->architecture().nodeByName("agentfn");
    QVERIFY(node);
    QTRY_VERIFY(window.canvasScene()->nodeItem(node->id)); // on the canvas as it happens
    QUndoStack *stack = window.project()->undoStack();
    QVERIFY(stack->undoText().startsWith("Agent:"));

    // A node the agent puts far away comes into view, and the user's selection stays.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(300); // the first fit of a design just shown is done
    auto *view = window.findChild<CanvasView *>();
    QVERIFY(view);
    window.canvasScene()->selectNodes({node->id});
    QVERIFY(!agent.callTool("add_node", {{"kind", "queue"}, {"name", "faraway"}, {"x", 6000}, {"y", 4000}})
                 .value("isError")
                 .toBool());
    const Node *far = window.project()->architecture().nodeByName("faraway");
    QVERIFY(far);
    QTRY_VERIFY(window.canvasScene()->nodeItem(far->id));
    const QRectF shown = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY2(shown.intersects(window.canvasScene()->nodeItem(far->id)->sceneBoundingRect()),
             qPrintable(QStringLiteral("view shows %1,%2 %3x%4")
                            .arg(shown.x())
                            .arg(shown.y())
                            .arg(shown.width())
                            .arg(shown.height())));
    QCOMPARE(window.canvasScene()->selectedNodes(), QList<NodeId>{node->id});

    agent.socket().disconnectFromServer();
    QTRY_VERIFY(status->text().isEmpty());
}

QTEST_MAIN(tst_AgentBridge)
#include "tst_agentbridge.moc"
