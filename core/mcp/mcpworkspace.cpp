#include "mcpworkspace.h"

#include "cloud/awsendpoint.h"
#include "cloud/gatewayserver.h"
#include "cloud/localcloud.h"
#include "document/project.h"
#include "mcpserver.h"
#include "mcptools.h"
#include "model/catalog.h"
#include "paths.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "storage/projectfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QStringList absoluteFolders(const QStringList &folders)
{
    QStringList result;
    for (const QString &folder : folders)
        if (!folder.isEmpty())
            result.append(QDir::cleanPath(QFileInfo(folder).absoluteFilePath()));
    result.removeDuplicates();
    return result;
}

} // namespace

McpWorkspace::McpWorkspace(const QStringList &allowedFolders, QObject *parent)
    : QObject(parent), mAllowed(absoluteFolders(allowedFolders)), mRunner(std::make_unique<FunctionRunner>())
{ }

McpWorkspace::McpWorkspace(Project *studioProject, const QStringList &allowedFolders, QObject *parent)
    : McpWorkspace(allowedFolders, parent)
{
    mAttached = true;
    mProject = studioProject;
    mRunner->setProject(studioProject);
    if (studioProject && !studioProject->directory().isEmpty())
        mAllowed = absoluteFolders(QStringList{studioProject->directory()} + mAllowed);
}

McpWorkspace::~McpWorkspace()
{
    stopCloud();
    mRunner->pool()->stopAll();
}

QString McpWorkspace::attachSocketName(const QString &projectFile)
{
    // A path in the user's own runtime folder (XDG_RUNTIME_DIR, mode 0700), named by
    // the project file so that a studio serves only the project it has open.
    QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath();
    const QByteArray key = QDir::cleanPath(QFileInfo(projectFile).absoluteFilePath()).toUtf8();
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16);
    return QDir(folder).filePath(u"nimbus-agent-"_s + QString::fromLatin1(hash));
}

Result<QString> McpWorkspace::allowedPath(const QString &path) const
{
    if (path.isEmpty() || path.contains(QChar(0)))
        return fail(tr("give a path"));
    QString base = mProject && !mProject->directory().isEmpty() ? mProject->directory() : mAllowed.value(0);
    const QString absolute = QDir::cleanPath(
        QDir::isAbsolutePath(path) ? path : QDir(base.isEmpty() ? QDir::currentPath() : base).filePath(path));
    for (const QString &root : mAllowed)
        if (Paths::staysUnder(root, absolute))
            return absolute;
    return fail(tr("%1 is outside the folders this server may use (%2); start nimbus mcp with --allow to add one")
                    .arg(QDir::toNativeSeparators(path), mAllowed.join(u", "_s)));
}

Result<void> McpWorkspace::requireProject() const
{
    if (!mProject)
        return fail(tr("no project is open: call open_project or create_project first"));
    return {};
}

void McpWorkspace::setProject(std::unique_ptr<Project> project)
{
    stopCloud();
    mRunner->pool()->stopAll();
    mRunner->setProject(project.get());
    mProject = project.get();
    mOwned = std::move(project);
    mLastCost = {};
    emit projectChanged();
}

Result<QString> McpWorkspace::projectPath(const QString &path) const
{
    if (mAttached)
        return fail(tr("this server works on the project the studio has open"));
    return allowedPath(path);
}

Result<void> McpWorkspace::openProject(const QString &path)
{
    const Result<QString> file = projectPath(path);
    if (!file)
        return file.error();
    auto project = std::make_unique<Project>(Catalog::builtin());
    ProjectFile loader;
    if (const Result<void> loaded = loader.load(*file, *project); !loaded)
        return loaded;
    setProject(std::move(project));
    return {};
}

Result<void> McpWorkspace::createProject(const QString &path)
{
    const Result<QString> file = projectPath(path);
    if (!file)
        return file.error();
    if (!file->endsWith(".nimbus"_L1) && !ProjectFile::isJsonPath(*file))
        return fail(tr("%1: a project file ends in .nimbus or .json").arg(QDir::toNativeSeparators(*file)));
    if (QFileInfo::exists(*file))
        return fail(tr("%1 exists; open it with open_project").arg(QDir::toNativeSeparators(*file)));
    auto project = std::make_unique<Project>(Catalog::builtin());
    ProjectFile writer;
    if (const Result<void> saved = writer.save(*project, *file); !saved)
        return saved;
    project->setFilePath(*file);
    project->markSaved();
    setProject(std::move(project));
    return {};
}

Result<void> McpWorkspace::edit(const QString &what, const std::function<Result<void>()> &change)
{
    if (const Result<void> open = requireProject(); !open)
        return open;
    QUndoStack *stack = mProject->undoStack();
    // One tool call, one undo step, named as the agent's; all of it or nothing.
    stack->beginMacro(tr("Agent: %1").arg(what));
    const Result<void> changed = change();
    stack->endMacro();
    if (!changed) {
        stack->undo();
        auto *drop = new QUndoCommand; // pushing it drops the undone step from the redo list
        drop->setObsolete(true);
        stack->push(drop);
        return changed;
    }
    return save();
}

Result<void> McpWorkspace::save()
{
    if (const Result<void> open = requireProject(); !open)
        return open;
    // The studio's user saves an attached project, as they would any other change.
    if (mAttached || mProject->filePath().isEmpty())
        return {};
    ProjectFile writer;
    if (const Result<void> saved = writer.save(*mProject, mProject->filePath()); !saved)
        return saved;
    mProject->markSaved();
    return {};
}

Result<QString> McpWorkspace::startCloud(int gatewayPort, int awsPort)
{
    if (const Result<void> open = requireProject(); !open)
        return open.error();
    if (mCloud && mCloud->isRunning())
        return mGateway->url();
    stopCloud();
    mCloud = std::make_unique<LocalCloud>(*mProject, *mRunner);
    // The project's permissions mode, as the studio and nimbus serve run it.
    mCloud->setIamMode(LocalCloud::iamModeOf(*mProject));
    const QString state = QDir(mProject->directory()).filePath(u".nimbus-cloud"_s);
    if (const Result<void> started = mCloud->start(state); !started) {
        mCloud.reset();
        return started.error();
    }
    // This machine only, with the gateway's and the endpoint's own Host and Origin checks.
    mGateway = std::make_unique<GatewayServer>(*mCloud);
    mEndpoint = std::make_unique<AwsEndpoint>(*mCloud);
    Result<void> listening = mGateway->listen(QHostAddress::LocalHost, quint16(gatewayPort));
    if (listening)
        listening = mEndpoint->listen(QHostAddress::LocalHost, quint16(awsPort));
    if (!listening) {
        stopCloud();
        return listening.error();
    }
    mCloud->setServiceEndpoint(mEndpoint->url());
    return mGateway->url();
}

void McpWorkspace::stopCloud()
{
    if (mGateway)
        mGateway->close();
    if (mEndpoint)
        mEndpoint->close();
    if (mCloud)
        mCloud->stop();
    mGateway.reset();
    mEndpoint.reset();
    mCloud.reset();
}

QString McpWorkspace::endpointUrl() const
{
    return mEndpoint ? mEndpoint->url() : QString();
}

void McpWorkspace::registerOn(McpServer &server)
{
    server.setInstructions(tr("Nimbus Studio designs serverless systems on a canvas and runs them on this machine. "
                              "Open or create a project, look at list_node_kinds, build the design with add_node and "
                              "connect_nodes (nodes are named), write each function's code with write_function_file, "
                              "check with validate, run a function with invoke_function, run the whole design with "
                              "start_cloud and http_request, read what happened with read_hops, price it with cost and "
                              "write deployment files with export_project. Each edit is one undo step in the studio."));
    McpTools::addDesignTools(server, *this);
    McpTools::addRunTools(server, *this);
    McpTools::addCloudTools(server, *this);
    server.setResourceLister([this] { return McpTools::resources(*this); });
    connect(this, &McpWorkspace::projectChanged, &server, &McpServer::resourcesChanged);
}

} // namespace Nimbus
