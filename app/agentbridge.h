#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include "model/node.h"

class QLocalServer;
class QLocalSocket;

namespace Nimbus {

class AgentConnection;
class Project;
class ProjectManager;

// Lets a coding agent work on the project open in the studio: while the open project has
// a file, a local socket named McpWorkspace::attachSocketName(file), readable by the user
// alone, serves the Model Context Protocol to `nimbus mcp --attach`. Each connection has
// its own McpServer and attached McpWorkspace, so an agent's edits land on the project's
// undo stack as steps named "Agent: ...", and the canvas shows them as they come. A
// second studio on the same project leaves the socket to the first and says so.
class AgentBridge : public QObject
{
    Q_OBJECT

public:
    explicit AgentBridge(ProjectManager *projects, QObject *parent = nullptr);
    ~AgentBridge() override;

    // On by default; off closes the socket and every connection.
    void setEnabled(bool on);
    bool isEnabled() const { return mEnabled; }

    // The socket's full path while serving, empty otherwise.
    QString serverName() const;
    bool isListening() const;
    // Connections that have spoken at least once (a peer that only checks whether the
    // socket is served, as a second studio does, is not an agent).
    int agentCount() const;
    // "An agent is connected", or empty.
    QString status() const;

signals:
    // status() changed.
    void statusChanged(const QString &status);
    // Something the user should read in the status bar (the socket is another studio's).
    void message(const QString &text);
    // An agent added, changed or connected this node of the open project.
    void agentTouched(Nimbus::NodeId node);

private:
    void follow(Project *project);
    void relisten();
    void listen(const QString &name);
    void stop();
    void accept();
    void drop(AgentConnection *connection);
    void closeConnections();
    void updateStatus();

    ProjectManager *mProjects;
    QPointer<Project> mProject;
    QLocalServer *mServer = nullptr;
    QList<AgentConnection *> mConnections;
    QString mStatus;
    bool mEnabled = true;
};

} // namespace Nimbus
