#include "functionrunner.h"

#include "document/project.h"
#include "functionspec.h"
#include "instancepool.h"
#include "storage/projectfile.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

FunctionRunner::FunctionRunner(QObject *parent) : QObject(parent), mPool(new InstancePool(this))
{
    connect(mPool, &InstancePool::finished, this, &FunctionRunner::onFinished);
}

FunctionRunner::~FunctionRunner()
{
    mPool->stopAll();
}

void FunctionRunner::setProject(Project *project)
{
    if (mProject) {
        disconnect(mProject, nullptr, this, nullptr);
        disconnect(&mProject->architecture(), nullptr, this, nullptr);
    }
    mPool->stopAll();
    mRunning.clear();
    mReloaded.clear();
    mSpecs.clear();
    mProject = project;
    openHistory();
    if (project) {
        connect(project, &Project::filePathChanged, this, [this] {
            mSpecs.clear();
            openHistory();
        });
        // Any change may be one a definition reads: its node, its layers, its connections.
        connect(&project->architecture(), &Architecture::changed, this, &FunctionRunner::forgetSpecs);
    }
}

void FunctionRunner::openHistory()
{
    // A saved .nimbus project keeps its history in its file; otherwise it lives in memory.
    const QString file = mProject ? mProject->filePath() : QString();
    if (file.isEmpty() || ProjectFile::isJsonPath(file) || !mHistory.open(file)) {
        // An in-memory database opens unless memory runs out; without it runs are not kept.
        (void)mHistory.openInMemory();
    }
}

Result<QString> FunctionRunner::invoke(NodeId function, const JsonText &eventJson, bool reject,
                                       const InjectedFault &fault)
{
    if (!mProject)
        return fail(tr("no project is open"));
    const QString directory = mProject->directory();
    auto known = mSpecs.constFind(function);
    if (known == mSpecs.cend() || known->directory != directory) {
        Result<FunctionSpec> read = FunctionSpec::fromNode(*mProject, function);
        if (!read)
            return read.error();
        FunctionSpec spec = std::move(read).value();
        spec.region = mRegion;
        if (mEnvironmentHook) {
            for (const auto &[name, value] : mEnvironmentHook(*mProject->architecture().node(function))) {
                const bool own = std::any_of(spec.environment.cbegin(), spec.environment.cend(),
                                             [&name = name](const auto &v) { return v.first == name; });
                if (!own)
                    spec.environment.append({name, value});
            }
        }
        // The definition may have changed on the canvas since the last run; an unchanged
        // one keeps its warm instances.
        mPool->setFunction(spec);
        known = mSpecs.insert(function, {std::move(spec), directory});
    }
    // A copy: what the invocation sets off may change the design, and so the cache.
    const QString name = known->spec.name;
    const QString requestId = mPool->invoke(
        name, eventJson, reject ? InstancePool::Overflow::Reject : InstancePool::Overflow::Queue, fault);
    mRunning.insert(requestId, {function, eventJson.text()});
    emit started(function, requestId);
    return requestId;
}

bool FunctionRunner::isRunning(NodeId function) const
{
    for (const Running &r : mRunning)
        if (r.function == function)
            return true;
    return false;
}

void FunctionRunner::reload(NodeId function)
{
    if (!mProject)
        return;
    const Node *node = mProject->architecture().node(function);
    if (!node || !mPool->hasFunction(node->name))
        return;
    mPool->recycle(node->name);
    mReloaded.insert(node->name);
    mSpecs.remove(function); // its folder is read again, as at its first run
}

NodeId FunctionRunner::functionOfFile(const QString &absolutePath) const
{
    if (!mProject)
        return kInvalidNodeId;
    const QString file = QDir::cleanPath(absolutePath);
    for (const auto &[id, node] : mProject->architecture().nodes()) {
        const Result<FunctionSpec> spec = FunctionSpec::fromNode(*mProject, id);
        if (spec && file.startsWith(QDir::cleanPath(spec->sourceDirectory) + '/'_L1))
            return id;
    }
    return kInvalidNodeId;
}

void FunctionRunner::onFinished(const InvocationResult &result)
{
    const Running running = mRunning.take(result.requestId);
    if (running.function == kInvalidNodeId)
        return; // from a project closed since
    bool reloaded = false;
    if (result.coldStart && mReloaded.remove(result.functionName))
        reloaded = true;
    qint64 historyId = 0;
    if (mRecording && mProject && mProject->architecture().node(running.function)) {
        InvocationResult kept = result;
        if (mHiddenValuesHook)
            for (const QString &value : mHiddenValuesHook())
                if (!kept.secrets.contains(value))
                    kept.secrets.append(value);
        historyId = mHistory.record(running.function, running.event, kept).valueOr(0);
    }
    emit finished(running.function, result, reloaded, historyId);
}

} // namespace Nimbus
