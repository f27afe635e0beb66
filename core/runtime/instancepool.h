#pragma once

#include "functionspec.h"
#include "injectedfault.h"
#include "invocationresult.h"
#include "jsontext.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QQueue>
#include <QSet>

class QFileSystemWatcher;

namespace Nimbus {

class Instance;

// Keeps the warm instances of each function: a cold start spawns one, warm invocations
// reuse the most recently used idle one, idle instances end after a while (scale to
// zero), and a function's concurrency limit rejects or queues the excess.
// Everything is asynchronous: invoke() returns at once; finished() reports.
class InstancePool : public QObject
{
    Q_OBJECT

public:
    enum class Overflow { Reject, Queue };
    static constexpr qsizetype kPayloadLimit = 6 * 1024 * 1024; // Lambda's synchronous limit
    static constexpr int kDefaultConcurrency = 32; // for functions without their own limit

    explicit InstancePool(QObject *parent = nullptr);
    ~InstancePool() override;

    // Adds or updates a function; a changed definition recycles its instances.
    void setFunction(const FunctionSpec &spec);
    bool hasFunction(const QString &name) const { return mFunctions.contains(name); }
    // Returns the request id; the result arrives through finished(). fault: what to inject
    // (a throttle answers at once; a fresh worker serves this invocation only).
    QString invoke(const QString &function, const JsonText &eventJson, Overflow overflow = Overflow::Reject,
                   const InjectedFault &fault = {});
    // New code on disk: idle instances end now, busy ones after their invocation.
    // The pool watches each function's source folder and does this by itself.
    void recycle(const QString &function);
    void stopAll();
    // Ends an invocation waiting or running: it finishes failed, as "Cancelled".
    // False when no such request is under way.
    bool cancel(const QString &requestId);

    void setIdleTimeout(int milliseconds) { mIdleTimeoutMs = milliseconds; }
    int idleTimeout() const { return mIdleTimeoutMs; }
    // Spare workers: after a cold start, one worker of that runtime's interpreter is
    // started ahead (interpreter and bootstrap loaded, no user code), and the next cold
    // start of any function it can serve takes it instead of spawning (the edit-run loop:
    // a save recycles, the next Invoke only loads the handler). At most one per
    // interpreter; they end with the pool. Off unless turned on (the studio does).
    void setSparesEnabled(bool enabled);
    bool sparesEnabled() const { return mSparesEnabled; }
    // The spares ready to take a function: interpreter and bootstrap loaded (not counted
    // as any function's instances).
    int spareCount() const;
    QList<qint64> spareProcessIds() const;
    int instanceCount(const QString &function) const;
    int busyCount(const QString &function) const;

signals:
    void finished(const Nimbus::InvocationResult &result);
    // A streamed response's bytes as a custom runtime sends them, before finished().
    void streamed(const QString &requestId, const QByteArray &chunk);

private:
    struct Pending
    {
        QString requestId;
        JsonText event;
        InjectedFault fault;
    };
    struct Function
    {
        FunctionSpec spec;
        QList<Instance *> idle; // most recently used last
        QList<Instance *> busy;
        QQueue<Pending> queue;
    };

    void run(Function &function, const QString &requestId, const JsonText &event, const InjectedFault &fault);
    void onFinished(Instance *instance, const InvocationResult &result);
    void retire(Instance *instance);
    void deliverLater(InvocationResult result);
    int limitOf(const Function &function) const;
    void watch(const FunctionSpec &spec);
    // A started instance for spec: a spare bound to it when one can be, else a new one.
    Result<Instance *> startInstance(const FunctionSpec &spec);
    void ensureSpare(const QString &runtime, int memoryMB);

    QHash<QString, Function> mFunctions;
    QHash<Instance *, QString> mOwner;
    QSet<Instance *> mSingleUse; // fresh workers of a forced cold start: retired once they have served
    // Code changed on disk (the editor's save, git checkout ...) recycles the function.
    QFileSystemWatcher *mWatcher;
    QMultiHash<QString, QString> mWatchedBy; // path -> the functions whose code or layer it is
    QHash<QString, QDateTime> mRecycledAt; // function -> its last recycle
    QSet<QString> mBuilding; // functions whose bootstrap is being built in their folder
    int mIdleTimeoutMs = 5 * 60 * 1000;
    bool mSparesEnabled = false;
    QHash<QString, Instance *> mSpares; // interpreter -> its spare
};

} // namespace Nimbus
