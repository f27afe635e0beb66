#pragma once

#include "model/node.h"
#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

namespace Nimbus {

class AwsEndpoint;
class Catalog;
class FunctionRunner;
class GatewayServer;
class LocalCloud;
class McpServer;
class Project;

// What an agent works on through `nimbus mcp`: one project (opened from a file, or the
// studio's own when attached), its functions' runner and, once started, its local cloud.
// It acts only inside the allowed folders (the project's and those the user passed):
// every path an agent gives is resolved under one of them, as the studio resolves a
// project's paths (Paths::resolveUnder). Each edit is one undo step named as the
// agent's, saved to the project file as the user would save it (not when attached: the
// studio's user saves).
class McpWorkspace : public QObject
{
    Q_OBJECT

public:
    // Standalone: the workspace opens and owns its projects.
    explicit McpWorkspace(const QStringList &allowedFolders, QObject *parent = nullptr);
    // Attached: edits go to the studio's project, which the workspace never replaces.
    McpWorkspace(Project *studioProject, const QStringList &allowedFolders, QObject *parent = nullptr);
    ~McpWorkspace() override;

    QStringList allowedFolders() const { return mAllowed; }
    bool isAttached() const { return mAttached; }
    Project *project() const { return mProject; }
    FunctionRunner *runner() const { return mRunner.get(); }
    LocalCloud *cloud() const { return mCloud.get(); }
    GatewayServer *gateway() const { return mGateway.get(); }
    // The AWS-compatible endpoint's URL while the cloud runs.
    QString endpointUrl() const;

    Result<void> openProject(const QString &path);
    Result<void> createProject(const QString &path);
    // path (absolute, or relative to the first allowed folder) when it lies inside an
    // allowed folder once links are resolved; otherwise why not.
    Result<QString> allowedPath(const QString &path) const;

    // One edit by the agent as one undo step ("Agent: <what>"), saved after.
    Result<void> edit(const QString &what, const std::function<Result<void>()> &change);
    Result<void> save();

    Result<QString> startCloud(int gatewayPort, int awsPort);
    void stopCloud();

    QJsonObject lastCost() const { return mLastCost; }
    void setLastCost(const QJsonObject &report) { mLastCost = report; }

    // Every tool and resource of the workspace on server.
    void registerOn(McpServer &server);

    // The local socket (QLocalServer name, a path in the user's runtime folder) on
    // which the studio serves the project file to `nimbus mcp --attach`.
    static QString attachSocketName(const QString &projectFile);

signals:
    void projectChanged();
    // An edit of the agent's added, changed or connected this node (the studio shows it).
    void nodeTouched(Nimbus::NodeId node);

private:
    Result<void> requireProject() const;
    // A project file the agent names, when this workspace may open or create one there.
    Result<QString> projectPath(const QString &path) const;
    void setProject(std::unique_ptr<Project> project);

    QStringList mAllowed;
    bool mAttached = false;
    std::unique_ptr<Project> mOwned;
    QPointer<Project> mProject;
    std::unique_ptr<FunctionRunner> mRunner;
    std::unique_ptr<LocalCloud> mCloud;
    std::unique_ptr<GatewayServer> mGateway;
    std::unique_ptr<AwsEndpoint> mEndpoint;
    QJsonObject mLastCost;
};

} // namespace Nimbus
