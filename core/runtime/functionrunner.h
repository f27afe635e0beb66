#pragma once

#include "functionspec.h"
#include "injectedfault.h"
#include "invocationresult.h"
#include "jsontext.h"
#include "model/node.h"
#include "runhistory.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

namespace Nimbus {

class InstancePool;
class Project;

// Runs the functions of one open project: brings each function's definition to the
// instance pool before it runs, keeps every invocation in the project's run history
// (in memory for a project never saved), and recycles a function's instances when its
// code is saved so that the next run is a cold start on the new code.
class FunctionRunner : public QObject
{
    Q_OBJECT

public:
    explicit FunctionRunner(QObject *parent = nullptr);
    ~FunctionRunner() override;

    void setProject(Project *project);
    Project *project() const { return mProject; }
    InstancePool *pool() const { return mPool; }
    RunHistory &history() { return mHistory; }
    // Whether invocations go into the run history (on by default). `nimbus serve` of a
    // JSON project turns it off: that history would live in memory, seen by no one.
    void setRecording(bool on) { mRecording = on; }
    // The region functions run in (AWS_REGION), us-east-1 unless set.
    void setRegion(const QString &region)
    {
        mRegion = region;
        forgetSpecs();
    }

    // Starts an invocation; its request id, or why it cannot start.
    // A function at its concurrency limit queues the invocation, or with reject turns
    // it away (a TooManyRequestsException result), as API Gateway's callers see. fault: what
    // the local cloud's chaos settings inject into this invocation.
    Result<QString> invoke(NodeId function, const JsonText &eventJson, bool reject = false,
                           const InjectedFault &fault = {});
    bool isRunning(NodeId function) const;
    // Variables added to every function's own while set (the local cloud's resources);
    // the function's own of the same name win.
    using EnvironmentHook = std::function<QList<QPair<QString, QString>>(const Node &function)>;
    void setEnvironmentHook(EnvironmentHook hook)
    {
        mEnvironmentHook = std::move(hook);
        forgetSpecs();
    }
    // What invoke() read of each function is kept until the design changes, the project
    // moves, the region or the environment hook is set, or the function is reloaded; a
    // hook whose variables change otherwise (the local cloud's endpoint) says so here.
    void forgetSpecs() { mSpecs.clear(); }
    // Values the run history hides besides the secret variables' while set (the values of
    // the design's secrets and parameters the local cloud knows), asked as each run ends.
    using HiddenValuesHook = std::function<QStringList()>;
    void setHiddenValuesHook(HiddenValuesHook hook) { mHiddenValuesHook = std::move(hook); }
    // The code of a function changed (saved in the editor): its instances end.
    void reload(NodeId function);
    // The function whose source folder holds a file, if any.
    NodeId functionOfFile(const QString &absolutePath) const;

signals:
    void started(Nimbus::NodeId function, const QString &requestId);
    // reloaded: a cold start caused by new code. historyId: 0 when not recorded.
    void finished(Nimbus::NodeId function, const Nimbus::InvocationResult &result, bool reloaded, qint64 historyId);

private:
    void openHistory();
    void onFinished(const InvocationResult &result);

    QPointer<Project> mProject;
    InstancePool *mPool;
    RunHistory mHistory;
    struct Running
    {
        NodeId function = kInvalidNodeId;
        QByteArray event;
    };
    QHash<QString, Running> mRunning; // by request id
    // Each function's definition as invoke() last read it and gave it to the pool, and the
    // project folder it was read against: reading it again (its catalog defaults, its
    // confined source folder on disk, the cloud's variables) cost a warm invocation more
    // than the rest of its way through the runner.
    struct KnownSpec
    {
        FunctionSpec spec;
        QString directory;
    };
    QHash<NodeId, KnownSpec> mSpecs;
    QSet<QString> mReloaded;
    EnvironmentHook mEnvironmentHook;
    HiddenValuesHook mHiddenValuesHook;
    bool mRecording = true;
    QString mRegion = QStringLiteral("us-east-1"); // functions whose next cold start is new code
};

} // namespace Nimbus
