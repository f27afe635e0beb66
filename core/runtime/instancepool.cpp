#include "instancepool.h"

#include "instance.h"
#include "requestid.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonArray>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
InvocationResult errorResult(const FunctionSpec &spec, const QString &requestId, const QString &type,
                             const QString &message)
{
    InvocationResult r;
    r.functionName = spec.name;
    r.requestId = requestId;
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.memorySizeMB = spec.memoryMB;
    r.error = QJsonObject{{u"errorType"_s, type}, {u"errorMessage"_s, message}, {u"stackTrace"_s, QJsonArray()}};
    return r;
}

bool sameSpec(const FunctionSpec &a, const FunctionSpec &b)
{
    return a.runtime == b.runtime && a.handler == b.handler && a.sourceDirectory == b.sourceDirectory
           && a.memoryMB == b.memoryMB && a.timeoutSeconds == b.timeoutSeconds && a.environment == b.environment
           && a.region == b.region && a.layers == b.layers;
}
} // namespace

InstancePool::InstancePool(QObject *parent) : QObject(parent), mWatcher(new QFileSystemWatcher(this))
{
    auto changed = [this](const QString &path) {
        // A layer's file is every function's that the layer extends.
        for (const QString &function : mWatchedBy.values(path)) {
            if (mBuilding.contains(function))
                continue; // a Go build writing the bootstrap is not new code
            // A change already acted on (the editor saved, then asked for the recycle) must
            // not end the instance that started on the new code.
            const QDateTime modified = QFileInfo(path).lastModified();
            const QDateTime recycled = mRecycledAt.value(function);
            if (!modified.isValid() || !recycled.isValid() || modified > recycled)
                recycle(function);
            // Editors that save by replacing the file drop it from the watch; add it back.
            if (auto it = mFunctions.find(function); it != mFunctions.end())
                watch(it->spec);
        }
    };
    connect(mWatcher, &QFileSystemWatcher::fileChanged, this, changed);
    connect(mWatcher, &QFileSystemWatcher::directoryChanged, this, changed);
}

void InstancePool::watch(const FunctionSpec &spec)
{
    constexpr int kMaxWatched = 500;
    QStringList paths{spec.sourceDirectory};
    QDirIterator it(spec.sourceDirectory, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext() && paths.size() < kMaxWatched) {
        const QString path = it.next();
        // Dependencies are not the function's code.
        if (path.contains("/node_modules"_L1) || path.contains("/__pycache__"_L1))
            continue;
        paths.append(path);
    }
    // A layer's content is what the function imports: a change to it recycles the
    // function's instances as new code does (its folders, and its files up to the limit).
    for (const QString &layer : spec.layers) {
        if (!QFileInfo(layer).isDir())
            continue;
        paths.append(layer);
        QDirIterator inLayer(layer, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (inLayer.hasNext() && paths.size() < kMaxWatched) {
            const QString path = inLayer.next();
            if (!path.contains("/__pycache__"_L1))
                paths.append(path);
        }
    }
    for (const QString &path : std::as_const(paths))
        if (!mWatchedBy.contains(path, spec.name))
            mWatchedBy.insert(path, spec.name);
    const QStringList already = mWatcher->files() + mWatcher->directories();
    QStringList fresh;
    for (const QString &path : std::as_const(paths))
        if (!already.contains(path))
            fresh.append(path);
    if (!fresh.isEmpty())
        mWatcher->addPaths(fresh);
}

InstancePool::~InstancePool()
{
    stopAll();
}

void InstancePool::setFunction(const FunctionSpec &spec)
{
    auto it = mFunctions.find(spec.name);
    if (it == mFunctions.end()) {
        mFunctions.insert(spec.name, Function{spec, {}, {}, {}});
        watch(spec);
        return;
    }
    const bool changed = !sameSpec(it->spec, spec);
    it->spec = spec;
    if (changed) {
        recycle(spec.name);
        watch(spec);
    }
}

int InstancePool::limitOf(const Function &function) const
{
    return function.spec.reservedConcurrency >= 0 ? function.spec.reservedConcurrency : kDefaultConcurrency;
}

QString InstancePool::invoke(const QString &name, const JsonText &eventJson, Overflow overflow,
                             const InjectedFault &fault)
{
    const QString requestId = newRequestId();
    auto it = mFunctions.find(name);
    if (it == mFunctions.end()) {
        FunctionSpec unknown;
        unknown.name = name;
        deliverLater(
            errorResult(unknown, requestId, u"ResourceNotFoundException"_s, tr("Function not found: %1").arg(name)));
        return requestId;
    }
    if (eventJson.text().size() > kPayloadLimit) {
        deliverLater(errorResult(it->spec, requestId, u"RequestEntityTooLargeException"_s,
                                 tr("Request must be smaller than %1 bytes for the InvokeFunction operation "
                                    "(this one is %2 bytes)")
                                     .arg(kPayloadLimit)
                                     .arg(eventJson.text().size())));
        return requestId;
    }
    if (fault.throttle) {
        deliverLater(errorResult(it->spec, requestId, u"TooManyRequestsException"_s,
                                 tr("Rate Exceeded. %1 was throttled (injected fault).").arg(name)));
        return requestId;
    }
    if (it->busy.size() >= limitOf(*it)) {
        if (overflow == Overflow::Queue) {
            it->queue.enqueue({requestId, eventJson, fault});
        } else {
            deliverLater(
                errorResult(it->spec, requestId, u"TooManyRequestsException"_s,
                            tr("Rate Exceeded. %1 allows %2 concurrent invocations.").arg(name).arg(limitOf(*it))));
        }
        return requestId;
    }
    run(*it, requestId, eventJson, fault);
    return requestId;
}

void InstancePool::run(Function &function, const QString &requestId, const JsonText &event, const InjectedFault &fault)
{
    Instance *instance = nullptr;
    while (!fault.freshWorker && !function.idle.isEmpty() && !instance) {
        Instance *candidate = function.idle.takeLast();
        if (candidate->state() == Instance::State::Idle)
            instance = candidate;
        else
            retire(candidate);
    }
    if (!instance) {
        const Result<Instance *> started = startInstance(function.spec);
        if (!started) {
            deliverLater(errorResult(function.spec, requestId, u"Runtime.StartError"_s, started.errorMessage()));
            return;
        }
        instance = *started;
        mOwner.insert(instance, function.spec.name);
        if (fault.freshWorker)
            mSingleUse.insert(instance);
        connect(instance, &Instance::finished, this,
                [this, instance](const InvocationResult &r) { onFinished(instance, r); });
        connect(instance, &Instance::streamed, this, &InstancePool::streamed);
    }
    // An idle instance's scale-to-zero timer stops while it works.
    if (auto *idleTimer = instance->findChild<QTimer *>(u"idleTimer"_s))
        idleTimer->stop();
    function.busy.append(instance);
    instance->invoke(requestId, event, fault);
}

Result<Instance *> InstancePool::startInstance(const FunctionSpec &spec)
{
    // The spec may have been read a while ago (FunctionRunner keeps it): its folders are
    // confined again before any code of theirs runs.
    if (const QString problem = spec.folderProblem(); !problem.isEmpty())
        return Error{problem};
    const QString interpreter = Instance::interpreterOf(spec.runtime);
    if (mSparesEnabled && Instance::canUseSpare(spec)) {
        // The next spare starts once this cold start is under way, not beside it.
        QTimer::singleShot(250, this,
                           [this, runtime = spec.runtime, memory = spec.memoryMB] { ensureSpare(runtime, memory); });
        if (Instance *spare = mSpares.take(interpreter)) {
            spare->disconnect(this);
            spare->setParent(this);
            if (spare->bind(spec))
                return spare;
            spare->stop();
            spare->deleteLater();
        }
    }
    auto *instance = new Instance(spec, this);
    connect(instance, &Instance::building, this, [this, name = spec.name] { mBuilding.insert(name); });
    connect(instance, &Instance::built, this, [this, name = spec.name] {
        mBuilding.remove(name);
        mRecycledAt.insert(name, QDateTime::currentDateTime());
    });
    if (const Result<void> started = instance->start(); !started) {
        instance->deleteLater();
        return started.error();
    }
    return instance;
}

void InstancePool::ensureSpare(const QString &runtime, int memoryMB)
{
    const QString interpreter = Instance::interpreterOf(runtime);
    if (!mSparesEnabled || mSpares.contains(interpreter))
        return;
    const Result<Instance *> spare = Instance::startSpare(runtime, memoryMB, this);
    if (!spare)
        return; // the next cold start spawns as before
    mSpares.insert(interpreter, *spare);
    // A spare that ends on its own is forgotten; the next cold start makes another.
    connect(*spare, &Instance::stopped, this, [this, interpreter, instance = *spare] {
        if (mSpares.value(interpreter) == instance) {
            mSpares.remove(interpreter);
            instance->deleteLater();
        }
    });
}

void InstancePool::setSparesEnabled(bool enabled)
{
    mSparesEnabled = enabled;
    if (!enabled)
        stopAll();
}

QList<qint64> InstancePool::spareProcessIds() const
{
    QList<qint64> ids;
    for (const Instance *spare : mSpares)
        ids.append(spare->processId());
    return ids;
}

int InstancePool::spareCount() const
{
    return int(
        std::count_if(mSpares.cbegin(), mSpares.cend(), [](const Instance *spare) { return spare->isSpareReady(); }));
}

void InstancePool::onFinished(Instance *instance, const InvocationResult &result)
{
    const QString name = mOwner.value(instance);
    auto it = mFunctions.find(name);
    if (it != mFunctions.end()) {
        it->busy.removeAll(instance);
        if (instance->state() == Instance::State::Idle && !mSingleUse.contains(instance)) {
            it->idle.append(instance);
            auto *idleTimer = instance->findChild<QTimer *>(u"idleTimer"_s);
            if (!idleTimer) {
                idleTimer = new QTimer(instance);
                idleTimer->setObjectName(u"idleTimer"_s);
                idleTimer->setSingleShot(true);
                connect(idleTimer, &QTimer::timeout, this, [this, instance] {
                    auto f = mFunctions.find(mOwner.value(instance));
                    if (f != mFunctions.end())
                        f->idle.removeAll(instance);
                    retire(instance);
                });
            }
            idleTimer->start(mIdleTimeoutMs);
        } else {
            retire(instance); // crashed, timed out or out of memory: the next call gets a fresh one
        }
    }
    emit finished(result);
    if (it != mFunctions.end() && !it->queue.isEmpty() && it->busy.size() < limitOf(*it)) {
        const Pending next = it->queue.dequeue();
        run(*it, next.requestId, next.event, next.fault);
    }
}

void InstancePool::retire(Instance *instance)
{
    mOwner.remove(instance);
    mSingleUse.remove(instance);
    instance->disconnect(this);
    instance->stop();
    instance->deleteLater();
}

void InstancePool::recycle(const QString &name)
{
    auto it = mFunctions.find(name);
    if (it == mFunctions.end())
        return;
    mRecycledAt.insert(name, QDateTime::currentDateTime());
    for (Instance *instance : std::as_const(it->idle))
        retire(instance);
    it->idle.clear();
    // Busy instances finish their invocation, then end (onFinished sees them stopped).
    for (Instance *instance : std::as_const(it->busy))
        instance->stop();
}

void InstancePool::stopAll()
{
    for (auto it = mFunctions.begin(); it != mFunctions.end(); ++it) {
        for (Instance *instance : std::as_const(it->idle))
            retire(instance);
        it->idle.clear();
    }
    // Spares too (the next cold start makes another while they are enabled).
    for (Instance *spare : std::as_const(mSpares)) {
        spare->disconnect(this);
        spare->stop();
        spare->deleteLater();
    }
    mSpares.clear();
}

int InstancePool::instanceCount(const QString &name) const
{
    const auto it = mFunctions.constFind(name);
    return it == mFunctions.cend() ? 0 : int(it->idle.size() + it->busy.size());
}

int InstancePool::busyCount(const QString &name) const
{
    const auto it = mFunctions.constFind(name);
    return it == mFunctions.cend() ? 0 : int(it->busy.size());
}

bool InstancePool::cancel(const QString &requestId)
{
    for (auto it = mFunctions.begin(); it != mFunctions.end(); ++it) {
        for (qsizetype i = 0; i < it->queue.size(); ++i) {
            if (it->queue.at(i).requestId == requestId) {
                it->queue.removeAt(i);
                deliverLater(errorResult(it->spec, requestId, u"Cancelled"_s,
                                         tr("the invocation was cancelled before it started")));
                return true;
            }
        }
        for (Instance *instance : std::as_const(it->busy)) {
            if (instance->currentRequest() == requestId) {
                instance->cancel(); // finishes it, through onFinished
                return true;
            }
        }
    }
    return false;
}

void InstancePool::deliverLater(InvocationResult result)
{
    // Results always arrive after invoke() has returned, whatever happened.
    QTimer::singleShot(0, this, [this, result] { emit finished(result); });
}

} // namespace Nimbus
