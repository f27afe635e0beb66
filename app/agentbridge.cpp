#include "agentbridge.h"

#include "preferences/preferences.h"
#include "projectmanager.h"

#include "document/project.h"
#include "mcp/mcpserver.h"
#include "mcp/mcpworkspace.h"

#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>

#include <algorithm>
#include <functional>
#include <memory>
#include <utility>

namespace Nimbus {

namespace {
Q_LOGGING_CATEGORY(lcAgents, "nimbus.agents")

// How long to wait for an answer on a socket that exists before taking it as stale. A
// live server accepts at once (the kernel queues the connection); a dead one refuses.
constexpr int kProbeMilliseconds = 300;
} // namespace

// One client of the socket: the lines it sends go to its own McpServer, whose workspace
// edits the studio's project. The server and workspace are made at the first line, so a
// peer that only checks whether the socket is served is not counted as an agent.
class AgentConnection : public QObject
{
public:
    AgentConnection(QLocalSocket *socket, Project *project, QObject *parent);
    ~AgentConnection() override { shutdown(); }

    void start();
    bool hasSpoken() const { return mServer != nullptr; }
    // Closes the socket and lets the workspace go now (it points at the project).
    void shutdown();

    std::function<void()> onSpoke;
    std::function<void(NodeId)> onTouched;
    std::function<void()> onClosed;

private:
    void read();
    void serve(const QByteArray &line);

    QLocalSocket *mSocket;
    QPointer<Project> mProject;
    QByteArray mBuffer;
    // The workspace goes before the server whose tools point at it.
    std::unique_ptr<McpServer> mServer;
    std::unique_ptr<McpWorkspace> mWorkspace;
    bool mOpen = true;
};

AgentConnection::AgentConnection(QLocalSocket *socket, Project *project, QObject *parent)
    : QObject(parent), mSocket(socket), mProject(project)
{
    socket->setParent(this);
}

void AgentConnection::start()
{
    connect(mSocket, &QLocalSocket::readyRead, this, &AgentConnection::read);
    // Queued: a write that fails inside McpServer::receive must not delete the server there.
    connect(mSocket, &QLocalSocket::disconnected, this, &AgentConnection::shutdown, Qt::QueuedConnection);
    if (mSocket->state() != QLocalSocket::ConnectedState)
        QMetaObject::invokeMethod(this, &AgentConnection::shutdown, Qt::QueuedConnection);
    else if (mSocket->bytesAvailable() > 0)
        read();
}

void AgentConnection::shutdown()
{
    if (!mOpen)
        return;
    mOpen = false;
    mSocket->disconnect(this);
    mSocket->abort();
    mWorkspace.reset();
    mServer.reset();
    if (onClosed)
        onClosed();
}

void AgentConnection::read()
{
    mBuffer += mSocket->readAll();
    const QPointer<AgentConnection> alive(this);
    qsizetype start = 0;
    bool tooLong = false;
    for (qsizetype end = mBuffer.indexOf('\n'); end >= 0 && !tooLong; end = mBuffer.indexOf('\n', start)) {
        QByteArray line = mBuffer.mid(start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        tooLong = line.size() > McpServer::kMessageLimit;
        if (!tooLong && !line.trimmed().isEmpty())
            serve(line);
        if (!alive || !mOpen)
            return;
    }
    mBuffer.remove(0, start);
    // A line longer than the protocol allows (finished or not): not a client to serve.
    if (tooLong || mBuffer.size() > McpServer::kMessageLimit) {
        qCWarning(lcAgents) << "An agent sent a message over" << McpServer::kMessageLimit << "bytes; closing it";
        shutdown();
    }
}

void AgentConnection::serve(const QByteArray &line)
{
    if (!mServer) {
        if (!mProject) {
            shutdown();
            return;
        }
        mServer = std::make_unique<McpServer>();
        mWorkspace = std::make_unique<McpWorkspace>(mProject.data(),
                                                    QStringList{QFileInfo(mProject->filePath()).absolutePath()});
        mWorkspace->registerOn(*mServer);
        connect(mWorkspace.get(), &McpWorkspace::nodeTouched, this, [this](NodeId node) {
            if (onTouched)
                onTouched(node);
        });
        connect(mServer.get(), &McpServer::send, this, [this](const QByteArray &message) {
            if (mOpen)
                mSocket->write(message + '\n');
        });
        if (onSpoke)
            onSpoke();
    }
    mServer->receive(line);
}

AgentBridge::AgentBridge(ProjectManager *projects, QObject *parent) : QObject(parent), mProjects(projects)
{
    Preferences &preferences = Preferences::instance();
    mEnabled = preferences.agentsMayAttach();
    connect(&preferences, &Preferences::changed, this,
            [this] { setEnabled(Preferences::instance().agentsMayAttach()); });
    connect(projects, &ProjectManager::currentProjectChanged, this, &AgentBridge::follow);
    follow(projects->project());
}

AgentBridge::~AgentBridge()
{
    closeConnections();
    stop();
}

void AgentBridge::setEnabled(bool on)
{
    if (on == mEnabled)
        return;
    mEnabled = on;
    relisten();
}

QString AgentBridge::serverName() const
{
    return mServer ? mServer->fullServerName() : QString();
}

bool AgentBridge::isListening() const
{
    return mServer && mServer->isListening();
}

int AgentBridge::agentCount() const
{
    return int(std::count_if(mConnections.begin(), mConnections.end(),
                             [](const AgentConnection *c) { return c->hasSpoken(); }));
}

QString AgentBridge::status() const
{
    return mStatus;
}

void AgentBridge::follow(Project *project)
{
    if (mProject)
        mProject->disconnect(this);
    mProject = project;
    if (project) {
        connect(project, &Project::filePathChanged, this, &AgentBridge::relisten);
        // ProjectManager::closeProject deletes the project without telling its views.
        connect(project, &QObject::destroyed, this, [this] {
            closeConnections();
            stop();
            updateStatus();
        });
    }
    relisten();
}

// Connections end with the project or its file: their workspaces and allowed folders
// were the old one's.
void AgentBridge::relisten()
{
    closeConnections();
    stop();
    if (mEnabled && mProject && !mProject->filePath().isEmpty())
        listen(McpWorkspace::attachSocketName(QFileInfo(mProject->filePath()).absoluteFilePath()));
    updateStatus();
}

void AgentBridge::listen(const QString &name)
{
    // A socket that answers is another studio's on the same project: leave it to that one.
    QLocalSocket probe;
    probe.connectToServer(name);
    if (probe.waitForConnected(kProbeMilliseconds)) {
        probe.abort();
        qCInfo(lcAgents) << "Another studio serves agents on" << name << "; this one does not";
        emit message(tr("Another Nimbus Studio serves agents for this project; agents attach to that one."));
        return;
    }
    QLocalServer::removeServer(name); // left by a studio that ended without closing it
    mServer = new QLocalServer(this);
    // Owner-only: whoever can connect edits the project and runs its functions.
    mServer->setSocketOptions(QLocalServer::UserAccessOption);
    if (!mServer->listen(name)) {
        qCWarning(lcAgents) << "Cannot serve agents on" << name << ":" << mServer->errorString();
        emit message(tr("Agents cannot attach to this project: %1").arg(mServer->errorString()));
        delete mServer;
        mServer = nullptr;
        return;
    }
    qCInfo(lcAgents) << "Serving agents on" << mServer->fullServerName();
    connect(mServer, &QLocalServer::newConnection, this, &AgentBridge::accept);
}

void AgentBridge::stop()
{
    if (!mServer)
        return;
    mServer->close();
    delete mServer;
    mServer = nullptr;
}

void AgentBridge::accept()
{
    while (QLocalSocket *socket = mServer->nextPendingConnection()) {
        auto *connection = new AgentConnection(socket, mProject, this);
        connection->onSpoke = [this] { updateStatus(); };
        connection->onTouched = [this](NodeId node) { emit agentTouched(node); };
        connection->onClosed = [this, connection] { drop(connection); };
        mConnections.append(connection);
        connection->start();
    }
}

void AgentBridge::drop(AgentConnection *connection)
{
    if (mConnections.removeOne(connection))
        connection->deleteLater();
    updateStatus();
}

void AgentBridge::closeConnections()
{
    const QList<AgentConnection *> connections = std::exchange(mConnections, {});
    for (AgentConnection *connection : connections) {
        connection->onClosed = nullptr;
        connection->shutdown();
        connection->deleteLater();
    }
}

void AgentBridge::updateStatus()
{
    const QString status = agentCount() > 0 ? tr("An agent is connected") : QString();
    if (status == mStatus)
        return;
    mStatus = status;
    emit statusChanged(status);
}

} // namespace Nimbus
