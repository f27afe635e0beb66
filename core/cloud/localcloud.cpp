#include "localcloud.h"
#include "model/catalog.h"
#include "model/deployedname.h"
#include "model/effectivepolicy.h"
#include "model/filterpolicy.h"
#include "model/kinds.h"

#include "asyncinvoker.h"
#include "cloudevents.h"
#include "document/project.h"
#include "dynamoexpression.h"
#include "eventarchive.h"
#include "eventbus.h"
#include "eventpattern.h"
#include "export/exportmodel.h"
#include "faults.h"
#include "filtercriteria.h"
#include "model/scheduleexpression.h"
#include "requestguard.h"
#include "runtime/functionrunner.h"
#include "runtime/requestid.h"
#include "secretstore.h"
#include "virtualclock.h"
#include "workflow/workflowengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalBlocker>
#include <QTimer>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString text(const Node *node, const char *property, const QString &fallback = {})
{
    const QJsonValue value = node->properties.value(QLatin1String(property));
    return value.isString() ? value.toString() : fallback;
}

int number(const Node *node, const char *property, int fallback)
{
    const QJsonValue value = node->properties.value(QLatin1String(property));
    return value.isDouble() ? value.toInt() : fallback;
}

// SQS's default retention (the catalog's), and that of the dead-letter queues, as exported.
constexpr int kRetentionSeconds = 345600;
constexpr int kDeadLetterRetentionSeconds = 1209600;
} // namespace

QString CloudLogEntry::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Request: return u"request"_s;
    case Kind::Invocation: return u"invocation"_s;
    case Kind::ServiceChange: return u"change"_s;
    case Kind::Retry: return u"retry"_s;
    case Kind::DeadLetter: return u"dead-letter"_s;
    case Kind::LoopStopped: return u"loop-stopped"_s;
    case Kind::Error: return u"error"_s;
    }
    return {};
}

CloudLogEntry CloudLogEntry::failure(Kind kind, qint64 cause, const QString &source, const QString &target,
                                     const QString &detail)
{
    CloudLogEntry entry;
    entry.kind = kind;
    entry.cause = cause;
    entry.source = source;
    entry.target = target;
    entry.ok = false;
    entry.detail = detail;
    return entry;
}

LocalCloud::LocalCloud(Project &project, FunctionRunner &runner, QObject *parent)
    : QObject(parent), mProject(project), mRunner(runner), mVirtualClock(new VirtualClock(nullptr, this)),
      mClock(mVirtualClock), mAsync(std::make_unique<AsyncInvoker>(*this)), mTimer(new QTimer(this)),
      mEventArchive(new EventArchive(*this, this)), mWorkflows(new WorkflowEngine(*this)),
      mFaults(std::make_unique<FaultInjector>()), mSecrets(new SecretStore(this))
{
    qRegisterMetaType<Nimbus::CloudLogEntry>();
    mTimer->setInterval(100);
    connect(mTimer, &QTimer::timeout, this, &LocalCloud::tick);
    // What names a table, its keys or its chaos settings may have changed.
    auto designChanged = [this] {
        mTableReads.forgetAll();
        mServiceThrottles.reset();
    };
    connect(&mProject.architecture(), &Architecture::changed, this, designChanged);
    connect(&mProject.architecture(), &Architecture::modelReset, this, designChanged);
    connect(this, &LocalCloud::madeResourcesChanged, this, [this] {
        mTableReads.forgetTables();
        mServiceThrottles.reset();
    });
    connect(&mRunner, &FunctionRunner::finished, this,
            [this](NodeId function, const InvocationResult &result, bool, qint64) { onFinished(function, result); });
    // Values kept in a file rather than a keychain: the log (the Local Cloud dock, nimbus serve) says so.
    connect(mSecrets, &SecretStore::warning, this, [this](const QString &message) {
        addLog(CloudLogEntry::failure(CloudLogEntry::Kind::Error, 0, tr("secrets"), tr("keychain"), message));
    });
}

LocalCloud::~LocalCloud()
{
    // The executions are written while the state is still open (the engine, a child, goes
    // after the members).
    if (mRunning)
        mWorkflows->stop();
    delete mWorkflows;
}

void LocalCloud::setServiceEndpoint(const QString &url)
{
    mServiceEndpoint = url;
    mRunner.forgetSpecs(); // the functions' AWS_ENDPOINT_URL
}

void LocalCloud::setExtensionPort(quint16 port)
{
    mExtensionPort = port;
    mRunner.forgetSpecs();
}

QString LocalCloud::topicArn(const QString &topic) const
{
    return u"arn:aws:sns:%1:000000000000:%2"_s.arg(mRegion, awsName(topic));
}

QList<QPair<QString, QString>> LocalCloud::environmentOf(const Node &function) const
{
    QList<QPair<QString, QString>> variables;
    const QString endpoint = mServiceEndpoint.isEmpty() ? u"http://127.0.0.1"_s : mServiceEndpoint;
    auto named = [](const QString &name, const char *suffix) {
        const QString base = ExportModel::constantCase(name), tail = '_'_L1 + QLatin1String(suffix);
        return base.endsWith(tail) ? base : base + tail;
    };
    const Architecture &architecture = mProject.architecture();
    for (EdgeId id : architecture.outgoingEdges(function.id)) {
        const Node *target = architecture.node(architecture.edge(id)->to);
        if (!target)
            continue;
        if (target->kind == Kinds::Queue)
            variables.append({named(target->name, "QUEUE") + u"_URL"_s,
                              u"%1/000000000000/%2"_s.arg(endpoint, awsName(target->name))});
        else if (target->kind == Kinds::Table)
            variables.append({named(target->name, "TABLE"), awsName(target->name)});
        else if (target->kind == Kinds::Bucket)
            variables.append({named(target->name, "BUCKET"), awsName(target->name)});
        else if (target->kind == Kinds::Topic)
            variables.append({named(target->name, "TOPIC") + u"_ARN"_s, topicArn(target->name)});
        else if (target->kind == Kinds::EventBus)
            variables.append({named(target->name, "EVENT_BUS") + u"_NAME"_s, EventBus::busName(*target)});
        else if (target->kind == Kinds::Secret) {
            const QString name = target->properties.value("secretName"_L1).toString(target->name);
            variables.append({named(target->name, "SECRET") + u"_ARN"_s, EffectivePolicy::secretArn(name, mRegion)});
            variables.append({named(target->name, "SECRET") + u"_NAME"_s, name});
        } else if (target->kind == Kinds::Parameter)
            variables.append({named(target->name, "PARAMETER") + u"_NAME"_s,
                              target->properties.value("parameterName"_L1).toString(u'/' + target->name)});
        else if (target->kind == Kinds::StateMachine)
            variables.append({named(target->name, "STATE_MACHINE") + u"_ARN"_s, mWorkflows->machineArn(*target)});
        else if (target->kind == Kinds::Function && architecture.edge(id)->type == "calls"_L1)
            variables.append({named(target->name, "FUNCTION") + u"_NAME"_s, target->name});
    }
    if (!mServiceEndpoint.isEmpty()) {
        // What Lambda gives every function, pointed at this machine.
        variables.append({u"AWS_ENDPOINT_URL"_s, mServiceEndpoint});
        variables.append({u"AWS_ACCESS_KEY_ID"_s, u"NIMBUSLOCALACCESSKEY"_s});
        variables.append({u"AWS_SECRET_ACCESS_KEY"_s, u"nimbus-local-secret-access-key"_s});
        // The function's own for this run of the cloud, by which the extension knows it. The
        // same at every invocation: a changed environment would recycle the warm workers.
        QString &token = mFunctionTokens[function.name];
        if (token.isEmpty()) {
            quint32 words[6];
            QRandomGenerator::system()->fillRange(words);
            token = u"nimbus-"_s
                    + QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
            mSessionTokens.insert(token, function.name);
            mSessionTokenOrder.append(token);
            while (mSessionTokenOrder.size() > kSessionTokenLimit) {
                const QString forgotten = mSessionTokenOrder.takeFirst();
                mFunctionTokens.remove(mSessionTokens.take(forgotten));
                mRunner.forgetSpecs(); // the runner's copy of the forgotten one's variables
            }
        }
        variables.append({u"AWS_SESSION_TOKEN"_s, token});
    }
    if (mExtensionPort)
        variables.append({u"PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"_s, QString::number(mExtensionPort)});
    return variables;
}

QString LocalCloud::functionOfSessionToken(const QString &token) const
{
    return token.isEmpty() ? QString() : mSessionTokens.value(token);
}

qint64 LocalCloud::runningInvocationOf(const QString &function) const
{
    qint64 newest = 0;
    for (const Pending &pending : mPending)
        if (pending.entry > newest)
            if (const CloudLogEntry *entry = const_cast<LocalCloud *>(this)->logEntry(pending.entry);
                entry && entry->target == function)
                newest = pending.entry;
    return newest;
}

qint64 LocalCloud::causeOfRequest(const QString &requestId) const
{
    return mPending.value(requestId).entry;
}

QString LocalCloud::requestOfEntry(qint64 entry) const
{
    for (auto it = mPending.cbegin(); it != mPending.cend(); ++it)
        if (it->entry == entry)
            return it.key();
    return {};
}

void LocalCloud::setClock(const CloudClock *clock)
{
    mClock = clock ? clock : mVirtualClock;
}

Result<void> LocalCloud::start(const QString &stateDirectory)
{
    stop();
    auto state = std::make_unique<CloudState>(*mClock);
    if (Result<void> opened = state->open(stateDirectory); !opened)
        return opened;
    mState = std::move(state);
    mTableReads.forgetTables();
    mState->setTableReads(&mTableReads);
    ++mRun;
    mSecrets->setProjectFile(mProject.filePath());
    // A connection an SDK Unsubscribe ended delivers again in the next run: the design has it.
    mUnsubscribedConnections.clear();
    // The stream log is of the state it was written to.
    if (mStreamLogDirectory != stateDirectory)
        mStreamLog.clear();
    mStreamLogDirectory = stateDirectory;
    mNextFiring.clear();
    mNextExpiry.clear();
    mTimeToLive.clear();
    const QDateTime now = mClock->now();
    for (const auto &[id, node] : mProject.architecture().nodes()) {
        if (node.kind != Kinds::Schedule || !node.properties.value("enabled"_L1).toBool(true))
            continue;
        const ScheduleExpression expression =
            ScheduleExpression::parse(text(&node, "expression")).valueOr(ScheduleExpression());
        const QDateTime next = expression.nextAfter(now, now);
        if (next.isValid())
            mNextFiring.insert(node.name, next);
    }
    mEventArchive->reset();
    if (mFaultSeedSet)
        mFaults->restart();
    else
        mFaults->setSeed(QRandomGenerator::global()->generate64());
    mRunning = true;
    mTimer->start();
    QStringList faulty;
    for (const auto &[id, node] : mProject.architecture().nodes())
        if (FaultSettings::of(node).any())
            faulty.append(node.name);
    if (!faulty.isEmpty()) {
        faulty.sort();
        CloudLogEntry entry;
        entry.kind = CloudLogEntry::Kind::ServiceChange;
        entry.source = tr("chaos");
        entry.detail =
            tr("faults injected with seed %1 (into %2)").arg(QString::number(mFaults->seed()), faulty.join(u", "_s));
        addLog(entry);
    }
    QPointer<LocalCloud> self(this);
    mRunner.setEnvironmentHook([self](const Node &function) {
        return self && self->mRunning ? self->environmentOf(function) : QList<QPair<QString, QString>>();
    });
    // Secret values a function read or wrote never reach the run history.
    mRunner.setHiddenValuesHook(
        [store = QPointer<SecretStore>(mSecrets)] { return store ? store->knownValues() : QStringList(); });
    // Executions that were running resume last: their tasks invoke functions at once, which
    // need the hooks above.
    mWorkflows->start();
    startContainers();
    return {};
}

void LocalCloud::setFaultSeed(quint64 seed)
{
    mFaults->setSeed(seed);
    mFaultSeedSet = true;
}

quint64 LocalCloud::faultSeed() const
{
    return mFaults->seed();
}

bool LocalCloud::throttlesServiceCall(const QString &service, const QString &operation, qint64 cause)
{
    const Node *node = resourceNode(service);
    if (!node || !mRunning || !mFaults->nextServiceCall(*node))
        return false;
    addLog(CloudLogEntry::failure(
        CloudLogEntry::Kind::Error, cause, causeName(cause), service,
        tr("%1 throttled (injected fault, seed %2)").arg(operation, QString::number(mFaults->seed()))));
    return true;
}

bool LocalCloud::throttlesServiceCalls() const
{
    if (!mServiceThrottles) {
        auto throttles = [](const Node &node) { return FaultSettings::of(node).throttleRate > 0; };
        bool any = false;
        for (const auto &[id, node] : mProject.architecture().nodes())
            any = any || throttles(node);
        for (const auto &[name, node] : mMadeNodes)
            any = any || throttles(*node);
        mServiceThrottles = any;
    }
    return *mServiceThrottles;
}

QString LocalCloud::iamModeName(IamMode mode)
{
    switch (mode) {
    case IamMode::Off: return u"off"_s;
    case IamMode::Warn: return u"warn"_s;
    case IamMode::Enforce: return u"enforce"_s;
    }
    return {};
}

std::optional<LocalCloud::IamMode> LocalCloud::iamModeFromName(const QString &name)
{
    for (IamMode mode : {IamMode::Off, IamMode::Warn, IamMode::Enforce})
        if (iamModeName(mode) == name)
            return mode;
    return std::nullopt;
}

LocalCloud::IamMode LocalCloud::iamModeOf(const Project &project, QString *problem)
{
    if (project.iamMode().isEmpty())
        return IamMode::Warn;
    if (const std::optional<IamMode> mode = iamModeFromName(project.iamMode()))
        return *mode;
    if (problem)
        *problem = tr("the project's permissions mode '%1' is unknown (saved by a newer version?): the calls of "
                      "functions are checked in warn mode")
                       .arg(project.iamMode());
    return IamMode::Warn;
}

void LocalCloud::setIamMode(IamMode mode)
{
    // What the endpoint's connection threads were let answer was decided in the old mode.
    mTableReads.forgetGrants();
    mIamMode = mode;
}

std::optional<QString> LocalCloud::refusesServiceCall(qint64 cause, const QString &action, const QString &resource,
                                                      const QString &resourceArn, bool objectLevel,
                                                      const QString &caller, bool *quietly)
{
    if (quietly)
        *quietly = true;
    if (mIamMode == IamMode::Off || (!cause && caller.isEmpty()))
        return std::nullopt;
    const Architecture &architecture = mProject.architecture();
    const Node *function = architecture.nodeByName(caller.isEmpty() ? causeName(cause) : caller);
    // A resource made by code is on no connection: on AWS the function's role would not
    // cover it either.
    const Node *target = resourceNode(resource);
    if (!function || function->kind != Kinds::Function || !target)
        return std::nullopt;
    if (EffectivePolicy::of(architecture, *function).allows(action, resource, objectLevel))
        return std::nullopt;
    if (quietly)
        *quietly = false;
    // AWS's own words, with the role the export makes for the function.
    const QString message = u"User: arn:aws:sts::%1:assumed-role/%2/%3 is not authorized to perform: %4 on resource: "
                            "%5 because no identity-based policy allows the %4 action"_s.arg(
                                QLatin1String(EffectivePolicy::kAccountId),
                                ExportModel::identifier(function->name) + "Role"_L1, function->name, action,
                                resourceArn);
    const bool enforce = mIamMode == IamMode::Enforce;
    CloudLogEntry entry = CloudLogEntry::failure(
        CloudLogEntry::Kind::Error, cause, function->name, resource,
        enforce ? tr("%1 denied: %2 has no connection allowing it on %3").arg(action, function->name, resource)
                : tr("%1 allowed, but it would be denied on AWS: %2 has no connection allowing it on %3")
                      .arg(action, function->name, resource));
    entry.deniedAction = action;
    entry.grantingEdge = EffectivePolicy::grantingType(target->kind, action);
    // Kept in the state for `nimbus validate --observed`, after this run.
    if (mRunning) {
        ObservedCall call;
        call.function = function->name;
        call.action = action;
        call.resource = resource;
        call.objectLevel = objectLevel;
        call.grantingEdge = entry.grantingEdge;
        if (Result<void> kept = mState->recordObservedCall(call); !kept)
            entry.detail += u" ("_s + tr("not kept for nimbus validate --observed: %1").arg(kept.errorMessage()) + u')';
    }
    addLog(entry);
    if (!enforce)
        return std::nullopt;
    return message;
}

void LocalCloud::stop()
{
    if (mRunning) {
        mRunner.setEnvironmentHook({});
        mRunner.setHiddenValuesHook({});
    }
    mTimer->stop();
    if (mRunning)
        mWorkflows->stop();
    if (mContainers)
        mContainers->stopAll();
    mRunning = false;
    mTableReads.forgetAll();
    mTableReads.forgetInvocations();
    mPending.clear();
    mAsync->clear();
    mBusyQueues.clear();
    mShards.clear();
    // SDK Subscribe subscriptions are this run's, as the design's connections are not.
    mSubscriptions.clear();
    clearMadeResources();
}

Result<const Node *> LocalCloud::service(const QString &name, const char *kind) const
{
    const Node *node = resourceNode(name);
    if (!node || node->kind != QLatin1String(kind))
        return fail(tr("the design has no %1 named %2").arg(QLatin1String(kind), name));
    if (!mRunning)
        return fail(tr("the local cloud is not running"));
    return node;
}

Result<const Node *> LocalCloud::changing(const QString &name, const char *kind, qint64 cause, const QString &target)
{
    const Result<const Node *> node = service(name, kind);
    if (!node)
        return node;
    if (Result<void> within = withinLoopLimit(cause, causeName(cause), target); !within)
        return within.error();
    return node;
}

QList<const Node *> LocalCloud::consumers(const Node *source) const
{
    QList<const Node *> result;
    const Architecture &architecture = mProject.architecture();
    for (EdgeId id : architecture.outgoingEdges(source->id)) {
        const Edge *edge = architecture.edge(id);
        const Node *target = architecture.node(edge->to);
        if (edge->type == "invokes"_L1 && target
            && (target->kind == Kinds::Function || target->kind == Kinds::Container))
            result.append(target);
    }
    std::sort(result.begin(), result.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
    return result;
}

QList<const Node *> LocalCloud::startedMachines(const Node *source) const
{
    QList<const Node *> result;
    const Architecture &architecture = mProject.architecture();
    for (EdgeId id : architecture.outgoingEdges(source->id)) {
        const Edge *edge = architecture.edge(id);
        const Node *target = architecture.node(edge->to);
        if ((edge->type == "starts"_L1 || edge->type == "targets"_L1) && target && target->kind == Kinds::StateMachine)
            result.append(target);
    }
    std::sort(result.begin(), result.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
    return result;
}

void LocalCloud::startMachines(const Node *source, const QByteArray &input, qint64 cause)
{
    for (const Node *machine : startedMachines(source)) {
        const Result<QString> started = mWorkflows->startExecution(machine->name, input, {}, cause);
        if (!started)
            addLog(CloudLogEntry::failure(CloudLogEntry::Kind::Error, cause, source->name, machine->name,
                                          started.errorMessage()));
    }
}

void LocalCloud::pipeQueue(const Node *queue)
{
    if (!mRunning || startedMachines(queue).isEmpty())
        return;
    const QDateTime next = mState->nextVisible(queue->name);
    if (!next.isValid() || next > mClock->now())
        return;
    // An EventBridge pipe: each message starts an execution with the SQS records of its
    // batch (one message), and is deleted once the execution started, as a pipe to an
    // asynchronous target does.
    for (const QueueMessage &message : receive(queue, 10, 30)) {
        const QJsonObject event = CloudEvents::sqs(mRegion, awsName(queue->name), {message});
        const qint64 change = logChange(queue->name, 0, tr("message %1 through the pipe").arg(message.id));
        startMachines(queue, QJsonDocument(event.value("Records"_L1).toArray()).toJson(QJsonDocument::Compact), change);
        (void)mState->deleteMessage(queue->name, message.receiptHandle);
    }
    emit stateChanged(queue->name);
}

void LocalCloud::placeOnDesign(CloudLogEntry &entry) const
{
    const Architecture &architecture = mProject.architecture();
    auto idOf = [&architecture](const QString &name) {
        const Node *node = architecture.nodeByName(name);
        return node ? node->id : kInvalidNodeId;
    };
    if (entry.fromNode == kInvalidNodeId && !entry.source.isEmpty())
        entry.fromNode = idOf(entry.source);
    if (entry.toNode == kInvalidNodeId && !entry.target.isEmpty())
        entry.toNode = idOf(entry.target);
    if (entry.fromNode == kInvalidNodeId || entry.toNode == kInvalidNodeId || entry.edge != kInvalidEdgeId)
        return;
    for (EdgeId id : architecture.outgoingEdges(entry.fromNode)) {
        if (architecture.edge(id)->to == entry.toNode) {
            entry.edge = id;
            return;
        }
    }
}

qint64 LocalCloud::addLog(CloudLogEntry entry)
{
    entry.id = ++mNextLogId;
    entry.when = mClock->now();
    entry.depth = entry.cause ? depthOf(entry.cause) + 1 : 0;
    placeOnDesign(entry);
    mLog.append(entry);
    if (mLog.size() > kLogLimit)
        mLog.remove(0, mLog.size() - kLogLimit);
    emit logged(entry);
    return entry.id;
}

CloudLogEntry *LocalCloud::logEntry(qint64 id)
{
    for (auto entry = mLog.rbegin(); entry != mLog.rend(); ++entry)
        if (entry->id == id)
            return &*entry;
    return nullptr;
}

void LocalCloud::setHttpStatus(qint64 entry, int status, const QString &detail)
{
    CloudLogEntry *hop = logEntry(entry);
    if (!hop)
        return;
    hop->httpStatus = status;
    if (status >= 400) {
        hop->ok = false;
        if (!detail.isEmpty())
            hop->detail = detail;
    }
    if (hop->finished)
        emit logged(*hop);
}

qint64 LocalCloud::logRefusedRequest(const QString &request, int httpStatus, const QString &detail)
{
    CloudLogEntry entry;
    entry.kind = CloudLogEntry::Kind::Request;
    entry.source = request;
    entry.httpStatus = httpStatus;
    entry.ok = httpStatus < 400;
    entry.detail = detail;
    return addLog(entry);
}

qsizetype LocalCloud::storedCount(const QString &service) const
{
    const Node *node = resourceNode(service);
    if (!mRunning || !node)
        return -1;
    if (node->kind == Kinds::Queue)
        return mState->messages(service).size();
    if (node->kind == Kinds::Table)
        return mState->scan(service).size();
    if (node->kind == Kinds::Bucket)
        return mState->listObjects(service).size();
    return -1;
}

QString LocalCloud::causeName(qint64 cause) const
{
    for (auto it = mLog.crbegin(); cause && it != mLog.crend(); ++it)
        if (it->id == cause)
            return it->target;
    return tr("outside");
}

int LocalCloud::depthOf(qint64 cause) const
{
    for (auto it = mLog.crbegin(); it != mLog.crend(); ++it)
        if (it->id == cause)
            return it->depth;
    return 0;
}

Result<void> LocalCloud::withinLoopLimit(qint64 cause, const QString &source, const QString &target)
{
    if (!cause || depthOf(cause) + 1 <= mLoopLimit)
        return {};
    // Name the chain that led here, oldest first.
    QStringList chain{target};
    for (qint64 id = cause; id;) {
        const auto it = std::find_if(mLog.crbegin(), mLog.crend(), [id](const CloudLogEntry &e) { return e.id == id; });
        if (it == mLog.crend())
            break;
        if (chain.first() != it->target)
            chain.prepend(it->target);
        id = it->cause;
        if (!id && chain.first() != it->source)
            chain.prepend(it->source);
    }
    const QString detail = tr("stopped after %1 hops (the limit is %2): %3")
                               .arg(depthOf(cause) + 1)
                               .arg(mLoopLimit)
                               .arg(chain.join(u" -> "_s));
    addLog(CloudLogEntry::failure(CloudLogEntry::Kind::LoopStopped, cause, source, target, detail));
    return fail(detail);
}

Result<qint64> LocalCloud::deliver(const Node *function, const JsonText &event, const QString &source, qint64 cause,
                                   Completion done, bool rejectWhenBusy, NodeId sourceNode)
{
    if (function->kind == Kinds::Container)
        return deliverToContainer(function, event, source, cause, std::move(done), sourceNode);
    if (Result<void> within = withinLoopLimit(cause, source, function->name); !within)
        return within.error();
    const InjectedFault fault = mFaults->nextInvocation(*function);
    const Result<QString> started = mRunner.invoke(function->id, event, rejectWhenBusy, fault);
    CloudLogEntry entry;
    entry.kind = CloudLogEntry::Kind::Invocation;
    entry.cause = cause;
    entry.source = source;
    entry.target = function->name;
    entry.fromNode = sourceNode;
    if (!started) {
        entry.kind = CloudLogEntry::Kind::Error;
        entry.ok = false;
        entry.detail = started.errorMessage();
        addLog(entry);
        return started.error();
    }
    const QString &requestId = *started;
    entry.detail = tr("running");
    entry.finished = false;
    const qint64 id = addLog(entry);
    QStringList injected;
    if (fault.throttle)
        injected.append(tr("throttled"));
    if (fault.kind != InjectedFault::Kind::None)
        injected.append(FaultSettings::typeName(fault.kind));
    if (fault.latencyMs > 0)
        injected.append(tr("%1 ms latency").arg(fault.latencyMs));
    if (fault.freshWorker)
        injected.append(tr("cold start"));
    const QString what =
        injected.isEmpty()
            ? QString()
            : tr("injected fault: %1, seed %2").arg(injected.join(u", "_s), QString::number(mFaults->seed()));
    mPending.insert(requestId, {id, std::move(done), what});
    // Its function's GetItems may be answered on the endpoint's connection threads from now on.
    mTableReads.publishInvocation(requestId, function->name);
    return id;
}

Result<qint64> LocalCloud::deliverAsync(const Node *function, const QByteArray &event, const QString &source,
                                        qint64 cause)
{
    // A container answers the POST itself; retrying is its business, as with a push.
    if (function->kind == Kinds::Container)
        return deliverToContainer(function, event, source, cause, {}, kInvalidNodeId);
    return mAsync->invoke(*function, event, source, cause);
}

Result<qint64> LocalCloud::invokeAsync(const QString &function, const QByteArray &event, const QString &source,
                                       qint64 cause)
{
    const Result<const Node *> node = service(function, "function");
    if (!node)
        return node.error();
    return mAsync->invoke(**node, event, source, cause);
}

void LocalCloud::sendToDestinations(const Node &function, bool success, const QJsonObject &record, qint64 cause)
{
    if (mRunning)
        mAsync->sendToDestinations(function, success, record, cause);
}

Result<qint64> LocalCloud::invoke(const QString &function, const JsonText &event, const QString &source, qint64 cause,
                                  Completion done, bool rejectWhenBusy, NodeId sourceNode)
{
    const Result<const Node *> node = service(function, "function");
    if (!node)
        return node.error();
    return deliver(*node, event, source, cause, std::move(done), rejectWhenBusy, sourceNode);
}

void LocalCloud::onFinished(NodeId function, const InvocationResult &result)
{
    Q_UNUSED(function)
    const auto it = mPending.find(result.requestId);
    if (it == mPending.end())
        return;
    const Pending pending = it.value();
    mPending.erase(it);
    mTableReads.forgetInvocation(result.requestId);
    // The completion first: what it decides (the HTTP status the gateway answered)
    // belongs to the finished hop.
    if (pending.done)
        pending.done(result);
    CloudLogEntry *entry = logEntry(pending.entry);
    if (!entry)
        return;
    const bool answeredFailure = result.ok && entry->httpStatus >= 400;
    entry->ok = result.ok && !answeredFailure;
    entry->finished = true;
    entry->durationMs = result.durationMs;
    if (!answeredFailure)
        entry->detail = result.ok ? (result.coldStart ? tr("ok, cold start") : tr("ok"))
                                  : result.error.value("errorType"_L1).toString() + ": "_L1
                                        + result.error.value("errorMessage"_L1).toString();
    // Never a mystery: what chaos did to the invocation is said with its outcome.
    if (!pending.injected.isEmpty())
        entry->detail += u" ("_s + pending.injected + u")"_s;
    emit logged(*entry);
}

// ---- queues ----------------------------------------------------------------

Result<QString> LocalCloud::sendMessage(const QString &queue, const QByteArray &body, const QJsonObject &attributes,
                                        int delaySeconds, qint64 cause)
{
    if (isFifo(queue)) {
        const Result<SentMessage> sent = sendFifoMessage(queue, body, attributes, {u"default"_s, {}}, cause);
        return sent ? Result<QString>(sent->id) : Result<QString>(sent.error());
    }
    // A dead-letter queue has no node of its own and delivers to no one.
    const bool deadLetters = isQueue(queue) && !resourceNode(queue);
    const Result<const Node *> node = changing(deadLetters ? queue.chopped(4) : queue, "queue", cause, queue);
    if (!node)
        return node.error();
    if (body.size() > kMessageLimit)
        return fail(
            tr("a message to %1 is %2 bytes; SQS takes at most %3").arg(queue).arg(body.size()).arg(kMessageLimit));
    const Result<QString> id = mState->sendMessage(queue, body, attributes,
                                                   std::max(delaySeconds, deadLetters ? 0 : number(*node, "delay", 0)));
    if (!id)
        return id;
    mMessageCause.insert(*id, logChange(queue, cause, tr("message %1 (%2 bytes)").arg(*id).arg(body.size())));
    emit stateChanged(queue);
    if (!deadLetters)
        deliverQueue(*node);
    return id;
}

Result<SentMessage> LocalCloud::sendFifoMessage(const QString &queue, const QByteArray &body,
                                                const QJsonObject &attributes, const FifoSend &fifo, qint64 cause)
{
    const bool deadLetters = isQueue(queue) && !resourceNode(queue);
    const Result<const Node *> node = changing(deadLetters ? queue.chopped(4) : queue, "queue", cause, queue);
    if (!node)
        return node.error();
    if (!isFifo(queue))
        return fail(tr("%1 is not a FIFO queue").arg(queue));
    if (body.size() > kMessageLimit)
        return fail(
            tr("a message to %1 is %2 bytes; SQS takes at most %3").arg(queue).arg(body.size()).arg(kMessageLimit));
    const Result<SentMessage> sent = mState->sendFifoMessage(queue, body, attributes,
                                                             deadLetters ? 0 : number(*node, "delay", 0), fifo);
    if (!sent)
        return sent;
    if (sent->duplicate) {
        logChange(
            queue, cause,
            tr("duplicate of message %1 (deduplication id %2) not sent again").arg(sent->id, fifo.deduplicationId));
        return sent;
    }
    mMessageCause.insert(
        sent->id, logChange(queue, cause,
                            tr("message %1 (%2 bytes, group %3)").arg(sent->id).arg(body.size()).arg(fifo.groupId)));
    emit stateChanged(queue);
    if (!deadLetters)
        deliverQueue(*node);
    return sent;
}

bool LocalCloud::isFifo(const QString &name) const
{
    const Node *node = resourceNode(name);
    if (!node && name.endsWith("-dlq"_L1)) {
        node = resourceNode(name.chopped(4));
        if (node && node->kind != Kinds::Queue)
            node = nullptr;
    }
    return node && (node->kind == Kinds::Queue || node->kind == Kinds::Topic)
           && node->properties.value("fifo"_L1).toBool();
}

QString LocalCloud::awsName(const QString &name) const
{
    const Node *node = resourceNode(name);
    if (node)
        return deployedName(*node);
    // A dead-letter queue is no node: it is named after its queue.
    const Node *queue = name.endsWith("-dlq"_L1) ? resourceNode(name.chopped(4)) : nullptr;
    return queue && queue->kind == Kinds::Queue ? deadLetterName(*queue) : name;
}

QString LocalCloud::resourceNamed(const QString &kind, const QString &name) const
{
    if (name.isEmpty())
        return {};
    const Architecture &architecture = mProject.architecture();
    // Most nodes have no physical name: the node so named (or the queue of a dead-letter
    // queue so named) answers at once.
    const QString plain = name.endsWith(".fifo"_L1) ? name.chopped(5) : name;
    const bool deadLetter = kind == Kinds::Queue && plain.endsWith("-dlq"_L1) && !resourceNode(plain);
    if (const Node *node = resourceNode(deadLetter ? plain.chopped(4) : plain);
        node && node->kind == kind && physicalName(*node).isEmpty() && awsName(plain) == name)
        return plain;
    const auto named = [&](const Node &node) -> QString {
        if (node.kind != kind || physicalName(node).isEmpty())
            return {};
        if (awsName(node.name) == name)
            return node.name;
        if (kind == Kinds::Queue && awsName(node.name + "-dlq"_L1) == name)
            return node.name + "-dlq"_L1;
        return {};
    };
    for (const auto &[id, node] : architecture.nodes())
        if (const QString found = named(node); !found.isEmpty())
            return found;
    // A made resource the design's node of the same name has taken over is the design's.
    for (const auto &[nodeName, node] : mMadeNodes)
        if (const QString found = named(*node); !found.isEmpty() && !architecture.nodeByName(nodeName))
            return found;
    return {};
}

bool LocalCloud::isQueue(const QString &name) const
{
    if (const Node *node = resourceNode(name))
        return node->kind == Kinds::Queue;
    const Node *base = name.endsWith("-dlq"_L1) ? resourceNode(name.chopped(4)) : nullptr;
    return base && base->kind == Kinds::Queue;
}

// ---- resources made by code for this run ------------------------------------

const Node *LocalCloud::resourceNode(const QString &nodeName) const
{
    if (const Node *node = mProject.architecture().nodeByName(nodeName))
        return node;
    return madeResourceNode(nodeName);
}

QList<const Node *> LocalCloud::resourceNodes(const QString &kind) const
{
    QList<const Node *> result;
    for (const auto &[id, node] : mProject.architecture().nodes())
        if (node.kind == kind)
            result.append(&node);
    std::sort(result.begin(), result.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
    for (const MadeResource &made : mMade)
        if (const Node *node = madeResourceNode(made.node); node && node->kind == kind && isMadeResource(made.node))
            result.append(node);
    return result;
}

const Node *LocalCloud::madeResourceNode(const QString &nodeName) const
{
    const auto it = mMadeNodes.find(nodeName);
    return it == mMadeNodes.end() ? nullptr : it->second.get();
}

bool LocalCloud::isMadeResource(const QString &nodeName) const
{
    return mMadeNodes.count(nodeName) > 0 && !mProject.architecture().nodeByName(nodeName);
}

Result<QString> LocalCloud::makeResource(const QString &kind, const QString &awsName, const QJsonObject &properties,
                                         qint64 cause)
{
    if (!mRunning)
        return fail(tr("the local cloud is not running"));
    if (kind != Kinds::Queue && kind != Kinds::Topic && kind != Kinds::Table && kind != Kinds::Bucket)
        return fail(tr("code can make queues, topics, tables and buckets, not a %1").arg(kind));
    const NodeKind *spec = mProject.catalog().kind(kind);
    if (!spec)
        return fail(tr("the catalog has no kind %1").arg(kind));
    static const QRegularExpression control(u"[\\x00-\\x1f\\x7f]"_s);
    if (awsName.trimmed().isEmpty() || awsName.size() > 256 || awsName.contains(control))
        return fail(tr("a %1 cannot be named '%2': a name has 1 to 256 characters, none of them control characters")
                        .arg(kind, awsName.left(300)));
    // A queue or topic is FIFO by its name, as SQS and SNS have it; a property saying
    // otherwise is a contradiction AWS refuses too.
    const bool fifoKind = kind == Kinds::Queue || kind == Kinds::Topic;
    const bool fifo = fifoKind && awsName.endsWith(".fifo"_L1);
    if (fifoKind && properties.contains("fifo"_L1) && properties.value("fifo"_L1).toBool() != fifo)
        return fail(fifo ? tr("the %1 %2 is named as a FIFO one, but is asked not to be FIFO").arg(kind, awsName)
                         : tr("the FIFO %1 %2 must have a name ending in .fifo").arg(kind, awsName));
    if (const QString existing = resourceNamed(kind, awsName); !existing.isEmpty())
        return existing;
    if (mMade.size() >= kMadeResourceLimit)
        return fail(tr("code has made %1 resources in this run, the most the local cloud makes; %2 %3 was not made "
                       "(declare the resources in the design, or restart the cloud)")
                        .arg(kMadeResourceLimit)
                        .arg(kind, awsName));

    // The node name: the name AWS knows, made a valid node name (a bucket's dots, a
    // queue's .fifo go), unique against the design and what code made already; where
    // it differs from the name AWS knows, that one is its physical name.
    const QString plain = fifo ? awsName.chopped(5) : awsName;
    QString stem = plain;
    stem.replace(QRegularExpression(u"[^A-Za-z0-9_-]+"_s), u"-"_s);
    if (stem.isEmpty() || !stem.at(0).isLetter())
        stem.prepend('n'_L1);
    stem = stem.left(60);
    const auto taken = [this](const QString &name) { return resourceNode(name) || mMadeNodes.count(name) > 0; };
    QString nodeName = stem;
    for (int i = 2; taken(nodeName); ++i)
        nodeName = stem + QString::number(i);

    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->name = nodeName;
    node->properties = spec->defaultProperties(nodeName);
    // What the call said, in the catalog's ids; anything else is not a property of the kind.
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
        if (spec->property(it.key()))
            node->properties.insert(it.key(), it.value());
    if (fifoKind)
        node->properties.insert(u"fifo"_s, fifo);
    node->properties.insert(u"physicalName"_s, nodeName == plain ? QString() : awsName);

    MadeResource made;
    made.kind = kind;
    made.node = nodeName;
    made.awsName = awsName;
    made.madeBy = causeName(cause);
    made.when = mClock->now();
    made.run = mRun;
    mMadeNodes.emplace(nodeName, std::move(node));
    mMade.append(made);
    logChange(nodeName, cause,
              tr("%1 %2 made by %3 for this run (the design does not declare it)").arg(kind, awsName, made.madeBy));
    emit madeResourcesChanged();
    emit stateChanged(nodeName);
    return nodeName;
}

Result<void> LocalCloud::forgetMadeResource(const QString &nodeName)
{
    const auto it = mMadeNodes.find(nodeName);
    if (it == mMadeNodes.end())
        return fail(tr("no resource named %1 was made by code in this run").arg(nodeName));
    mMadeNodes.erase(it);
    mMade.erase(std::remove_if(mMade.begin(), mMade.end(),
                               [&nodeName](const MadeResource &made) { return made.node == nodeName; }),
                mMade.end());
    emit madeResourcesChanged();
    emit stateChanged(nodeName);
    return {};
}

Result<void> LocalCloud::restoreMadeResource(const MadeResource &made, const Node &node)
{
    if (!mRunning)
        return fail(tr("the local cloud is not running"));
    if (made.node != node.name || made.kind != node.kind)
        return fail(tr("%1 does not describe the node %2").arg(made.node, node.name));
    if (made.run != mRun)
        return fail(tr("%1 was made by code in an earlier run of the local cloud").arg(made.node));
    if (resourceNode(made.node))
        return fail(tr("%1 is the name of a resource already").arg(made.node));
    if (mMade.size() >= kMadeResourceLimit)
        return fail(tr("code has made %1 resources in this run, the most the local cloud makes; %2 was not taken back")
                        .arg(kMadeResourceLimit)
                        .arg(made.node));
    auto kept = std::make_unique<Node>(node);
    kept->id = kInvalidNodeId; // not of the design
    mMadeNodes.emplace(made.node, std::move(kept));
    mMade.append(made);
    emit madeResourcesChanged();
    emit stateChanged(made.node);
    return {};
}

Result<void> LocalCloud::removeMadeResource(const QString &nodeName)
{
    const Node *node = madeResourceNode(nodeName);
    if (!node || mProject.architecture().nodeByName(nodeName))
        return fail(tr("no resource named %1 was made by code in this run").arg(nodeName));
    // What it holds goes with it, so that one made again under the same name starts empty.
    if (mRunning) {
        if (node->kind == Kinds::Queue) {
            mState->purgeQueue(nodeName);
            mState->purgeQueue(nodeName + "-dlq"_L1);
        } else if (node->kind == Kinds::Table) {
            const TableKeys keys = tableKeys(nodeName);
            for (const QJsonObject &item : mState->scan(nodeName)) {
                QJsonObject key{{keys.partitionKey, item.value(keys.partitionKey)}};
                if (!keys.sortKey.isEmpty())
                    key.insert(keys.sortKey, item.value(keys.sortKey));
                if (Result<void> deleted = mState->deleteItem(nodeName, keys, key); !deleted)
                    return deleted;
            }
        } else if (node->kind == Kinds::Bucket) {
            for (const StoredObject &object : mState->listObjects(nodeName))
                if (Result<void> deleted = mState->deleteObject(nodeName, object.key); !deleted)
                    return deleted;
        }
    }
    // Its subscriptions (a made topic's, or a made queue's to a topic) end with it, as SNS
    // ends them: a later resource of the same name does not inherit them.
    mSubscriptions.removeIf([&](const TopicSubscription &s) { return s.topic == nodeName || s.endpoint == nodeName; });
    return forgetMadeResource(nodeName);
}

void LocalCloud::clearMadeResources()
{
    if (mMade.isEmpty() && mMadeNodes.empty())
        return;
    mMade.clear();
    mMadeNodes.clear();
    emit madeResourcesChanged();
}

QList<QueueMessage> LocalCloud::receive(const Node *queue, int max, int visibility)
{
    const QString deadLetters = queue->name + "-dlq"_L1;
    QList<QueueMessage> dead;
    const QList<QueueMessage> messages =
        mState->receiveMessages(queue->name, max, visibility, number(queue, "maxReceiveCount", 5), deadLetters, &dead)
            .valueOr({});
    for (const QueueMessage &m : std::as_const(dead)) {
        addLog(CloudLogEntry::failure(
            CloudLogEntry::Kind::DeadLetter, mMessageCause.value(m.id), queue->name, deadLetters,
            tr("message %1 failed %2 times; moved to %3").arg(m.id).arg(m.receiveCount).arg(deadLetters)));
    }
    if (!dead.isEmpty())
        emit stateChanged(deadLetters);
    if (!dead.isEmpty() || !messages.isEmpty())
        emit stateChanged(queue->name);
    return messages;
}

QList<QueueMessage> LocalCloud::receiveMessages(const QString &queue, int max, int visibilityTimeout)
{
    if (!mRunning || !isQueue(queue))
        return {};
    const Node *node = resourceNode(queue);
    if (!node) { // a dead-letter queue: no redrive of its own
        const QList<QueueMessage> messages =
            mState->receiveMessages(queue, max, std::max(visibilityTimeout, 0)).valueOr({});
        if (!messages.isEmpty())
            emit stateChanged(queue);
        return messages;
    }
    return receive(node, max, visibilityTimeout >= 0 ? visibilityTimeout : number(node, "visibilityTimeout", 30));
}

Result<void> LocalCloud::deleteMessage(const QString &queue, const QString &receiptHandle)
{
    if (!mRunning)
        return fail(tr("the local cloud is not running"));
    if (Result<void> deleted = mState->deleteMessage(queue, receiptHandle); !deleted)
        return deleted;
    emit stateChanged(queue);
    return {};
}

Result<void> LocalCloud::changeVisibility(const QString &queue, const QString &receiptHandle, int visibilityTimeout)
{
    if (!mRunning)
        return fail(tr("the local cloud is not running"));
    if (Result<void> changed = mState->changeVisibility(queue, receiptHandle, visibilityTimeout); !changed)
        return changed;
    emit stateChanged(queue);
    return {};
}

void LocalCloud::deliverQueue(const Node *queue)
{
    const QList<const Node *> functions = consumers(queue);
    if (!mRunning || functions.isEmpty())
        return;
    // The timer comes by ten times a second: a cheap look first, the receive (a write
    // transaction) only when a message is in view.
    const QDateTime next = mState->nextVisible(queue->name);
    if (!next.isValid() || next > mClock->now())
        return;
    // Invalid criteria (the validator says why) make no trigger, as Lambda creates none.
    const Result<FilterCriteria> filter = FilterCriteria::parse(text(queue, "filterCriteria"));
    if (!filter)
        return;
    if (number(queue, "batchingWindow", 0) > 0) {
        const QDateTime due = batchDue(queue, *filter);
        if (!due.isValid() || due > mClock->now())
            return;
    }
    // A FIFO queue's batches hold groups no other batch holds (the store keeps a group
    // with a message in flight back), so a function takes several at once, as Lambda
    // scales with a FIFO queue's active groups; a standard queue's one at a time.
    const bool fifo = isFifo(queue->name);
    const int batch = std::clamp(number(queue, "batchSize", 10), 1, fifo ? 10 : 10000); // Lambda's limits
    const int visibility = number(queue, "visibilityTimeout", 30);
    const QString deadLetters = queue->name + "-dlq"_L1;
    // Maximum concurrency: that many batches per function at once.
    const int concurrency = number(queue, "maxConcurrency", 0);
    const int parallel = concurrency > 0 ? concurrency : fifo ? kFifoBatches : 1;
    int allBusy = 0; // functions in a row found with every lane busy
    for (int attempt = 0; attempt < functions.size() * parallel && allBusy < functions.size(); ++attempt) {
        const Node *function = functions.at(mRoundRobin.value(queue->name) % functions.size());
        mRoundRobin[queue->name] += 1;
        QString busyKey;
        for (int lane = 0; lane < parallel && busyKey.isEmpty(); ++lane) {
            const QString key = queue->name + '/'_L1 + function->name + (lane ? u"#%1"_s.arg(lane) : QString());
            if (!mBusyQueues.contains(key))
                busyKey = key;
        }
        if (busyKey.isEmpty()) {
            ++allBusy;
            continue;
        }
        allBusy = 0;
        const QList<QueueMessage> messages = receiveMatching(queue, batch, visibility, *filter);
        if (messages.isEmpty())
            return;
        qint64 cause = 0;
        for (const QueueMessage &m : messages)
            cause = std::max(cause, mMessageCause.value(m.id));
        mBusyQueues.insert(busyKey);
        const QString queueName = queue->name;
        const Result<qint64> id = deliver(function, json(CloudEvents::sqs(mRegion, awsName(queueName), messages)),
                                          queueName, cause,
                                          [this, queueName, busyKey, messages, fifo](const InvocationResult &result) {
            mBusyQueues.remove(busyKey);
            if (mRunning)
                queueBatchDone(queueName, messages, result, fifo);
        });
        if (!id) {
            mBusyQueues.remove(busyKey);
            // Stopped by the loop guard (or the function cannot run): the batch goes to
            // the dead-letter queue at once rather than round again.
            for (const QueueMessage &m : messages) {
                if (fifo)
                    (void)mState->sendFifoMessage(deadLetters, m.body, m.attributes, 0, {m.groupId, {}});
                else
                    (void)mState->sendMessage(deadLetters, m.body, m.attributes);
                (void)mState->deleteMessage(queue->name, m.receiptHandle);
                mMessageCause.remove(m.id);
            }
            addLog(CloudLogEntry::failure(
                CloudLogEntry::Kind::DeadLetter, cause, queue->name, deadLetters,
                tr("%n message(s) not delivered (%1); moved to %2", nullptr, int(messages.size()))
                    .arg(id.errorMessage(), deadLetters)));
            emit stateChanged(queue->name);
            emit stateChanged(deadLetters);
            return;
        }
        emit stateChanged(queue->name);
    }
}

QList<QueueMessage> LocalCloud::receiveMatching(const Node *queue, int max, int visibility,
                                                const FilterCriteria &filter)
{
    if (filter.isEmpty())
        return receive(queue, max, visibility);
    QList<QueueMessage> matching;
    while (matching.size() < max) {
        const QList<QueueMessage> received = receive(queue, max - int(matching.size()), visibility);
        if (received.isEmpty())
            break;
        const QJsonArray records =
            CloudEvents::sqs(mRegion, awsName(queue->name), received).value("Records"_L1).toArray();
        const qsizetype before = matching.size();
        qint64 cause = 0;
        for (qsizetype i = 0; i < received.size(); ++i) {
            const QueueMessage &m = received.at(i);
            if (filter.matchesMessage(records.at(i).toObject())) {
                matching.append(m);
                continue;
            }
            cause = std::max(cause, mMessageCause.value(m.id));
            (void)mState->deleteMessage(queue->name, m.receiptHandle);
            mMessageCause.remove(m.id);
        }
        if (const int dropped = int(received.size() - (matching.size() - before)); dropped > 0) {
            logChange(queue->name, cause,
                      tr("%n message(s) matched none of the filter criteria; deleted", nullptr, dropped));
            emit stateChanged(queue->name);
        }
    }
    return matching;
}

QDateTime LocalCloud::batchDue(const Node *queue, const FilterCriteria &filter) const
{
    const QDateTime now = mClock->now();
    QList<QueueMessage> visible;
    for (const QueueMessage &m : mState->messages(queue->name))
        if (m.visibleAt <= now)
            visible.append(m);
    if (visible.isEmpty())
        return {};
    const QJsonArray records = CloudEvents::sqs(mRegion, awsName(queue->name), visible).value("Records"_L1).toArray();
    QDateTime oldest;
    int matching = 0;
    for (qsizetype i = 0; i < visible.size(); ++i) {
        if (!filter.matchesMessage(records.at(i).toObject()))
            continue;
        ++matching;
        if (!oldest.isValid() || visible.at(i).visibleAt < oldest)
            oldest = visible.at(i).visibleAt;
    }
    // Only messages no filter lets through: they go at once, deleted as Lambda polls.
    if (matching == 0 || matching >= std::clamp(number(queue, "batchSize", 10), 1, isFifo(queue->name) ? 10 : 10000))
        return now;
    return oldest.addSecs(number(queue, "batchingWindow", 0));
}

void LocalCloud::queueBatchDone(const QString &queue, const QList<QueueMessage> &messages,
                                const InvocationResult &result, bool fifo)
{
    // Success deletes the batch, except the items the function reports failed when the
    // queue's trigger takes such reports. One identifier that is not of the batch fails
    // it whole, as Lambda takes it.
    const Node *queueNode = resourceNode(queue);
    const bool reports = !queueNode || queueNode->properties.value("reportBatchItemFailures"_L1).toBool(true);
    QSet<QString> failed;
    if (result.ok && reports) {
        const QJsonArray failures =
            QJsonDocument::fromJson(result.resultJson).object().value("batchItemFailures"_L1).toArray();
        QSet<QString> ids;
        for (const QueueMessage &m : messages)
            ids.insert(m.id);
        for (const QJsonValue &f : failures) {
            const QString id = f.toObject().value("itemIdentifier"_L1).toString();
            if (!ids.contains(id)) {
                failed = ids;
                break;
            }
            failed.insert(id);
        }
    }
    // Of a FIFO queue, what follows a failed message in its group fails with it: deleting
    // it would break the group's order.
    QSet<QString> blocked;
    for (const QueueMessage &m : messages) {
        if (fifo && blocked.contains(m.groupId))
            failed.insert(m.id);
        else if (fifo && failed.contains(m.id))
            blocked.insert(m.groupId);
    }
    for (const QueueMessage &m : messages) {
        if (result.ok && !failed.contains(m.id)) {
            (void)mState->deleteMessage(queue, m.receiptHandle);
            mMessageCause.remove(m.id);
        }
    }
    emit stateChanged(queue);
    if (const Node *node = resourceNode(queue))
        deliverQueue(node);
}

// ---- topics, buckets, tables, schedules --------------------------------------

Result<QString> LocalCloud::publish(const QString &topic, const QString &message, const QString &subject, qint64 cause,
                                    const QJsonObject &attributes)
{
    const FifoSend fifo = isFifo(topic) ? FifoSend{u"default"_s, {}} : FifoSend();
    const Result<SentMessage> sent = publishMessage(topic, message, fifo, subject, cause, attributes);
    return sent ? Result<QString>(sent->id) : Result<QString>(sent.error());
}

Result<SentMessage> LocalCloud::publishMessage(const QString &topic, const QString &message, const FifoSend &fifo,
                                               const QString &subject, qint64 cause, const QJsonObject &attributes,
                                               const QJsonObject &perProtocol)
{
    const Result<const Node *> node = changing(topic, "topic", cause, topic);
    if (!node)
        return node.error();
    if (const qsizetype size = message.toUtf8().size() + subject.toUtf8().size(); size > kMessageLimit)
        return fail(tr("a message to %1 is %2 bytes; SNS takes at most %3").arg(topic).arg(size).arg(kMessageLimit));
    SentMessage sent{newRequestId(), {}, false};
    if (isFifo(topic)) {
        if (fifo.groupId.isEmpty())
            return fail(tr("a message to the FIFO topic %1 needs a message group").arg(topic));
        const Result<SentMessage> numbered = mState->numberFifo(u"sns:"_s + topic, fifo.deduplicationId, sent.id);
        if (!numbered)
            return numbered;
        if (numbered->duplicate) {
            logChange(topic, cause,
                      tr("duplicate of message %1 (deduplication id %2) not published again")
                          .arg(numbered->id, fifo.deduplicationId));
            return numbered;
        }
        sent = *numbered;
    }
    const QList<TopicSubscription> subscribed = topicSubscriptions(topic);
    // Connected functions are among the subscriptions (with their filter policies); what
    // else the topic invokes (a container's push) is not.
    QList<const Node *> others;
    for (const Node *consumer : consumers(*node))
        if (consumer->kind != Kinds::Function)
            others.append(consumer);
    const int subscribers = int(others.size() + subscribed.size());
    const qint64 change = logChange(topic, cause,
                                    tr("message %1 to %n subscriber(s)", nullptr, subscribers).arg(sent.id));
    // MessageStructure json: each protocol its own message, else the default.
    const QString lambdaMessage = perProtocol.value("lambda"_L1).toString(message);
    const QString sqsMessage = perProtocol.value("sqs"_L1).toString(message);
    const QJsonObject event = CloudEvents::sns(mRegion, awsName(topic), sent.id, lambdaMessage, subject, mClock->now(),
                                               attributes);
    for (const Node *consumer : std::as_const(others)) {
        if (!isFifo(topic)) {
            (void)deliverAsync(consumer, json(event), topic, change);
            continue;
        }
        // SNS FIFO topics deliver only to SQS queues; the validator flags such a design too.
        addLog(CloudLogEntry::failure(
            CloudLogEntry::Kind::Error, change, topic, consumer->name,
            tr("the FIFO topic %1 delivers only to queues: %2 was not invoked").arg(topic, consumer->name)));
    }
    // Functions subscribed, by a connection or by Subscribe (each once): the same event,
    // naming their subscription, when it passes the subscription's filter policy.
    for (const TopicSubscription &subscription : subscribed) {
        const Node *function = mProject.architecture().nodeByName(subscription.endpoint);
        if (subscription.protocol != "lambda"_L1 || !function)
            continue;
        if (isFifo(topic)) {
            addLog(CloudLogEntry::failure(
                CloudLogEntry::Kind::Error, change, topic, function->name,
                tr("the FIFO topic %1 delivers only to queues: %2 was not invoked").arg(topic, function->name)));
            continue;
        }
        if (!passesFilterPolicy(subscription, lambdaMessage, attributes)) {
            logChange(topic, change, tr("message %1 filtered out for %2").arg(sent.id, subscription.endpoint));
            continue;
        }
        QJsonObject record = event.value("Records"_L1)[0].toObject();
        record.insert(u"EventSubscriptionArn"_s, subscription.arn);
        (void)deliverAsync(function, json(QJsonObject{{u"Records"_s, QJsonArray{QJsonValue(record)}}}), topic, change);
    }
    startMachines(*node, json(event), change);
    // What a queue gets is SNS's notification JSON, which spells two keys as Lambda's event
    // does not and leaves out a Subject or MessageAttributes it has not.
    const QJsonObject queueEvent = sqsMessage == lambdaMessage
                                       ? event
                                       : CloudEvents::sns(mRegion, awsName(topic), sent.id, sqsMessage, subject,
                                                          mClock->now(), attributes);
    QJsonObject notification = queueEvent.value("Records"_L1)[0]["Sns"_L1].toObject();
    for (const char *key : {"SigningCertUrl", "UnsubscribeUrl"})
        notification.insert(QLatin1String(key).chopped(2) + "RL"_L1, notification.take(QLatin1String(key)));
    if (subject.isEmpty())
        notification.remove(u"Subject"_s);
    if (attributes.isEmpty())
        notification.remove(u"MessageAttributes"_s);
    if (!sent.sequenceNumber.isEmpty())
        notification.insert(u"SequenceNumber"_s, sent.sequenceNumber);
    // A FIFO queue needs a deduplication id: a publish without one is unique.
    const FifoSend forQueues{fifo.groupId, fifo.deduplicationId.isEmpty() ? sent.id : fifo.deduplicationId};
    deliverToQueues(topic, notification, sqsMessage, attributes, forQueues, change);
    return sent;
}

void LocalCloud::deliverToQueues(const QString &topic, const QJsonObject &notification, const QString &message,
                                 const QJsonObject &attributes, const FifoSend &fifo, qint64 cause)
{
    // Raw delivery turns SNS's attributes ({Type, Value}) into SQS's.
    QJsonObject sqsAttributes;
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QJsonObject a = it.value().toObject();
        const QString type = a.value("Type"_L1).toString();
        sqsAttributes.insert(it.key(), QJsonObject{{u"dataType"_s, type},
                                                   {type.startsWith("Binary"_L1) ? u"binaryValue"_s : u"stringValue"_s,
                                                    a.value("Value"_L1)},
                                                   {u"stringListValues"_s, QJsonArray()},
                                                   {u"binaryListValues"_s, QJsonArray()}});
    }
    for (const TopicSubscription &subscription : topicSubscriptions(topic)) {
        if (subscription.protocol != "sqs"_L1)
            continue;
        const QString &queue = subscription.endpoint;
        // SNS takes no FIFO queue's subscription to a standard topic (the validator flags
        // such a connection); a standard queue may take a FIFO topic's messages.
        if (isFifo(queue) && !isFifo(topic)) {
            addLog(CloudLogEntry::failure(
                CloudLogEntry::Kind::Error, cause, topic, queue,
                tr("the FIFO queue %1 cannot subscribe to the standard topic %2: nothing was sent").arg(queue, topic)));
            continue;
        }
        if (!passesFilterPolicy(subscription, message, attributes)) {
            logChange(topic, cause,
                      tr("message %1 filtered out for %2").arg(notification.value("MessageId"_L1).toString(), queue));
            continue;
        }
        const bool raw = subscription.raw;
        QJsonObject envelope = notification;
        envelope.insert(u"UnsubscribeURL"_s,
                        u"%1/?Action=Unsubscribe&SubscriptionArn=%2"_s.arg(mServiceEndpoint, subscription.arn));
        const QByteArray body = raw ? message.toUtf8() : json(envelope);
        const QJsonObject carried = raw ? sqsAttributes : QJsonObject();
        const QString failure = isFifo(queue) ? sendFifoMessage(queue, body, carried, fifo, cause).errorMessage()
                                              : sendMessage(queue, body, carried, 0, cause).errorMessage();
        if (failure.isEmpty())
            continue;
        addLog(CloudLogEntry::failure(CloudLogEntry::Kind::Error, cause, topic, queue, failure));
    }
}

Result<void> LocalCloud::subscribeQueue(const QString &topic, const QString &queue, bool raw)
{
    if (const Result<const Node *> node = service(topic, "topic"); !node)
        return node.error();
    if (!isQueue(queue))
        return fail(tr("the design has no queue named %1").arg(queue));
    if (isFifo(queue) && !isFifo(topic))
        return fail(tr("the FIFO queue %1 cannot subscribe to the standard topic %2").arg(queue, topic));
    for (const TopicSubscription &s : connectionSubscriptions(topic))
        if (s.protocol == "sqs"_L1 && s.endpoint == queue)
            return fail(tr("%1 delivers to %2 already, by a connection of the design").arg(topic, queue));
    mSubscriptions.removeIf(
        [&](const TopicSubscription &s) { return s.topic == topic && s.protocol == "sqs"_L1 && s.endpoint == queue; });
    TopicSubscription subscription;
    subscription.topic = topic;
    subscription.protocol = u"sqs"_s;
    subscription.endpoint = queue;
    subscription.raw = raw;
    const Result<TopicSubscription> made = subscribe(subscription);
    return made ? Result<void>() : Result<void>(made.error());
}

Result<TopicSubscription> LocalCloud::subscribe(TopicSubscription subscription)
{
    if (const Result<const Node *> node = service(subscription.topic, "topic"); !node)
        return node.error();
    const Node *endpoint = mProject.architecture().nodeByName(subscription.endpoint);
    if (subscription.protocol == "sqs"_L1) {
        if (!isQueue(subscription.endpoint))
            return fail(tr("the design has no queue named %1").arg(subscription.endpoint));
        if (isFifo(subscription.endpoint) && !isFifo(subscription.topic))
            return fail(tr("the FIFO queue %1 cannot subscribe to the standard topic %2")
                            .arg(subscription.endpoint, subscription.topic));
    } else if (subscription.protocol == "lambda"_L1) {
        if (!endpoint || endpoint->kind != Kinds::Function)
            return fail(tr("the design has no function named %1").arg(subscription.endpoint));
        if (isFifo(subscription.topic))
            return fail(tr("the FIFO topic %1 delivers only to queues").arg(subscription.topic));
    } else {
        return fail(tr("the local cloud delivers to queues (sqs) and functions (lambda), not %1")
                        .arg(subscription.protocol.left(100)));
    }
    if (const QString problem = filterPolicyProblem(subscription.filterPolicy, subscription.filterScope);
        !problem.isEmpty())
        return fail(problem);
    // What a connection subscribes is its subscription: asked without attributes, or with
    // its own, it is answered; other attributes are refused as SNS refuses them, since the
    // design holds the connection's.
    for (const TopicSubscription &existing : connectionSubscriptions(subscription.topic)) {
        if (existing.protocol != subscription.protocol || existing.endpoint != subscription.endpoint)
            continue;
        const bool noAttributes = !subscription.raw && subscription.filterPolicy.trimmed().isEmpty()
                                  && subscription.filterScope == "MessageAttributes"_L1;
        if (!noAttributes
            && (existing.raw != subscription.raw || existing.filterPolicy != subscription.filterPolicy
                || existing.filterScope != subscription.filterScope))
            return fail(tr("Subscription already exists with different attributes (a connection of the design "
                           "makes it: its properties are set in the Inspector)"));
        return existing;
    }
    for (const TopicSubscription &existing : std::as_const(mSubscriptions)) {
        if (existing.topic != subscription.topic || existing.protocol != subscription.protocol
            || existing.endpoint != subscription.endpoint)
            continue;
        if (existing.raw != subscription.raw || existing.filterPolicy != subscription.filterPolicy
            || existing.filterScope != subscription.filterScope)
            return fail(tr("Subscription already exists with different attributes"));
        return existing;
    }
    if (subscription.arn.isEmpty())
        subscription.arn = topicArn(subscription.topic) + ':'_L1 + newRequestId();
    mSubscriptions.append(subscription);
    return subscription;
}

Result<void> LocalCloud::unsubscribe(const QString &subscriptionArn)
{
    for (const TopicSubscription &s : connectionSubscriptions({})) {
        if (s.arn == subscriptionArn) {
            mUnsubscribedConnections.insert(s.edge);
            return {};
        }
    }
    if (!mSubscriptions.removeIf([&](const TopicSubscription &s) { return s.arn == subscriptionArn; }))
        return fail(tr("there is no subscription %1").arg(subscriptionArn.left(200)));
    return {};
}

QList<TopicSubscription> LocalCloud::connectionSubscriptions(const QString &topic) const
{
    // The ARN is made from the names of the topic and the endpoint, so that it is the same
    // in every run and after reopening the project, as a deployed subscription's is.
    static const QUuid kArnNamespace(u"6f1d3c1e-4b7a-4f0e-9a51-3c0b8a2d5e17"_s);
    const Architecture &architecture = mProject.architecture();
    const Catalog &catalog = mProject.catalog();
    QList<TopicSubscription> result;
    for (const auto &[id, edge] : architecture.edges()) {
        const Node *from = architecture.node(edge.from);
        const Node *to = architecture.node(edge.to);
        if (!from || !to || from->kind != Kinds::Topic || (!topic.isEmpty() && from->name != topic)
            || mUnsubscribedConnections.contains(id))
            continue;
        TopicSubscription s;
        if (edge.type == "delivers"_L1 && to->kind == Kinds::Queue) {
            s.protocol = u"sqs"_s;
            s.endpointArn = CloudEvents::queueArn(mRegion, awsName(to->name));
        } else if (edge.type == "invokes"_L1 && to->kind == Kinds::Function) {
            s.protocol = u"lambda"_s;
            s.endpointArn = u"arn:aws:lambda:%1:000000000000:function:%2"_s.arg(mRegion, awsName(to->name));
        } else {
            continue;
        }
        const QJsonObject properties = catalog.edgeProperties(from->kind, to->kind, edge.type, edge.properties);
        s.topic = from->name;
        s.endpoint = to->name;
        s.edge = id;
        s.raw = s.protocol == "sqs"_L1 && properties.value("rawMessageDelivery"_L1).toBool();
        s.filterPolicy = properties.value("filterPolicy"_L1).toString();
        s.filterScope = properties.value("filterPolicyScope"_L1).toString(u"MessageAttributes"_s);
        const QString name = u"%1/%2/%3"_s.arg(from->name, s.protocol, to->name);
        s.arn = topicArn(from->name) + ':'_L1
                + QUuid::createUuidV5(kArnNamespace, name.toUtf8()).toString(QUuid::WithoutBraces);
        result.append(s);
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const TopicSubscription &a, const TopicSubscription &b) { return a.topic < b.topic; });
    return result;
}

QList<TopicSubscription> LocalCloud::topicSubscriptions(const QString &topic) const
{
    QList<TopicSubscription> result = connectionSubscriptions(topic);
    const qsizetype connected = result.size();
    for (const TopicSubscription &s : mSubscriptions) {
        if (!topic.isEmpty() && s.topic != topic)
            continue;
        // One made by Subscribe before the connection was drawn gives way to it: each
        // message reaches a function or a queue once.
        const bool shadowed = std::any_of(result.cbegin(), result.cbegin() + connected,
                                          [&](const TopicSubscription &c) {
            return c.topic == s.topic && c.protocol == s.protocol && c.endpoint == s.endpoint;
        });
        if (!shadowed)
            result.append(s);
    }
    return result;
}

Result<void> LocalCloud::setSubscriptionAttribute(const QString &subscriptionArn, const QString &name,
                                                  const QString &value)
{
    for (const TopicSubscription &s : connectionSubscriptions({}))
        if (s.arn == subscriptionArn)
            return fail(tr("the subscription %1 is a connection of the design: its properties are set in the "
                           "Inspector")
                            .arg(subscriptionArn.left(200)));
    for (TopicSubscription &s : mSubscriptions) {
        if (s.arn != subscriptionArn)
            continue;
        TopicSubscription changed = s;
        if (name == "RawMessageDelivery"_L1)
            changed.raw = value.compare("true"_L1, Qt::CaseInsensitive) == 0;
        else if (name == "FilterPolicy"_L1)
            changed.filterPolicy = value;
        else if (name == "FilterPolicyScope"_L1)
            changed.filterScope = value;
        else
            return fail(tr("the local cloud does not keep the subscription attribute %1").arg(name.left(100)));
        if (const QString problem = filterPolicyProblem(changed.filterPolicy, changed.filterScope); !problem.isEmpty())
            return fail(problem);
        s = changed;
        return {};
    }
    return fail(tr("there is no subscription %1").arg(subscriptionArn.left(200)));
}

QString LocalCloud::filterPolicyProblem(const QString &policy, const QString &scope)
{
    return FilterPolicy::problem(policy, scope);
}

bool LocalCloud::passesFilterPolicy(const TopicSubscription &subscription, const QString &message,
                                    const QJsonObject &attributes)
{
    return FilterPolicy::matches(subscription.filterPolicy, subscription.filterScope, message, attributes);
}

Result<void> LocalCloud::putObject(const QString &bucket, const QString &key, const QByteArray &data,
                                   const QString &contentType, qint64 cause)
{
    const Result<const Node *> found = changing(bucket, "bucket", cause, bucket);
    if (!found)
        return found.error();
    const Node *node = *found;
    if (data.size() > kObjectLimit)
        return fail(tr("an object of %1 bytes is over the %2 MB a single upload takes")
                        .arg(data.size())
                        .arg(kObjectLimit >> 20));
    // It comes back as a response header: nothing that could end the header line.
    if (RequestGuard::isUnsafeHeaderValue(contentType.toUtf8()) || contentType.size() > 256)
        return fail(tr("the content type of %1 is not a valid header value").arg(key.left(100)));
    const Result<StoredObject> stored = mState->putObject(bucket, key, data, contentType, bucketVersioning(bucket));
    if (!stored)
        return stored.error();
    const qint64 change = logChange(bucket, cause, tr("put %1 (%2 bytes)").arg(key).arg(data.size()));
    emit stateChanged(bucket);
    const QString events = text(node, "events", u"ObjectCreated"_s);
    const bool notifies = events != "ObjectRemoved"_L1 && key.startsWith(text(node, "prefix"))
                          && key.endsWith(text(node, "suffix"));
    if (notifies) {
        const QJsonObject made = CloudEvents::s3(mRegion, awsName(bucket), *stored, u"ObjectCreated:Put"_s, ++mSequence,
                                                 mClock->now());
        if (!passesBucketFilter(node, made, change))
            return {};
        const QByteArray event = json(made);
        for (const Node *function : consumers(node))
            (void)deliverAsync(function, event, bucket, change);
    }
    return {};
}

QString LocalCloud::bucketVersioning(const QString &bucket) const
{
    const QString set = mState->bucketVersioning(bucket);
    if (!set.isEmpty())
        return set;
    const Node *node = resourceNode(bucket);
    return node && node->kind == Kinds::Bucket && node->properties.value(u"versioning"_s).toBool() ? u"Enabled"_s
                                                                                                   : QString();
}

Result<void> LocalCloud::deleteObject(const QString &bucket, const QString &key, qint64 cause, const QString &versionId,
                                      DeletedObject *outcome)
{
    const Result<const Node *> found = changing(bucket, "bucket", cause, bucket);
    if (!found)
        return found.error();
    const Node *node = *found;
    const Result<DeletedObject> deleted = mState->deleteVersioned(bucket, key, bucketVersioning(bucket), versionId);
    if (!deleted)
        return deleted.error();
    if (outcome)
        *outcome = *deleted;
    if (!deleted->existed)
        return {};
    const bool markerMade = deleted->deleteMarker && versionId.isEmpty();
    const qint64 change = logChange(bucket, cause,
                                    markerMade ? tr("deleted %1 (delete marker %2)").arg(key, deleted->versionId)
                                    : versionId.isEmpty() ? tr("deleted %1").arg(key)
                                                          : tr("deleted version %2 of %1").arg(key, versionId));
    emit stateChanged(bucket);
    const QString events = text(node, "events", u"ObjectCreated"_s);
    if (events != "ObjectCreated"_L1 && key.startsWith(text(node, "prefix")) && key.endsWith(text(node, "suffix"))) {
        StoredObject removed;
        removed.key = key;
        removed.versionId = deleted->versionId;
        const QJsonObject made = CloudEvents::s3(mRegion, awsName(bucket), removed,
                                                 markerMade ? u"ObjectRemoved:DeleteMarkerCreated"_s
                                                            : u"ObjectRemoved:Delete"_s,
                                                 ++mSequence, mClock->now());
        if (!passesBucketFilter(node, made, change))
            return {};
        const QByteArray event = json(made);
        for (const Node *function : consumers(node))
            (void)deliverAsync(function, event, bucket, change);
    }
    return {};
}

Result<StoredObject> LocalCloud::completeUpload(const QString &uploadId, const QList<int> &parts, const QString &etag,
                                                qint64 cause)
{
    const Result<MultipartUpload> upload = mState->upload(uploadId);
    if (!upload)
        return upload.error();
    const Result<const Node *> found = changing(upload->bucket, "bucket", cause, upload->bucket);
    if (!found)
        return found.error();
    const Node *node = *found;
    const Result<StoredObject> stored = mState->completeUpload(uploadId, parts, etag, bucketVersioning(upload->bucket));
    if (!stored)
        return stored.error();
    const QString &key = stored->key;
    const qint64 change = logChange(upload->bucket, cause, tr("put %1 (%2 bytes)").arg(key).arg(stored->size));
    emit stateChanged(upload->bucket);
    const QString events = text(node, "events", u"ObjectCreated"_s);
    if (events != "ObjectRemoved"_L1 && key.startsWith(text(node, "prefix")) && key.endsWith(text(node, "suffix"))) {
        const QJsonObject made = CloudEvents::s3(mRegion, awsName(upload->bucket), *stored,
                                                 u"ObjectCreated:CompleteMultipartUpload"_s, ++mSequence,
                                                 mClock->now());
        if (!passesBucketFilter(node, made, change))
            return stored;
        const QByteArray event = json(made);
        for (const Node *function : consumers(node))
            (void)deliverAsync(function, event, upload->bucket, change);
    }
    return stored;
}

TableKeys LocalCloud::tableKeys(const QString &table) const
{
    TableKeys keys;
    if (const Node *node = resourceNode(table)) {
        keys.partitionKey = text(node, "partitionKey", u"id"_s);
        keys.partitionType = text(node, "partitionKeyType", u"S"_s);
        keys.sortKey = text(node, "sortKey");
        keys.sortType = text(node, "sortKeyType", u"S"_s);
    }
    return keys;
}

qint64 LocalCloud::logChange(const QString &service, qint64 cause, const QString &detail)
{
    CloudLogEntry entry;
    entry.kind = CloudLogEntry::Kind::ServiceChange;
    entry.cause = cause;
    entry.source = causeName(cause);
    entry.target = service;
    entry.detail = detail;
    return addLog(entry);
}

// ---- table streams -------------------------------------------------------------

namespace {
// A nullable integer property: nullopt when empty (null) or missing.
std::optional<int> optionalNumber(const Node *node, const char *property)
{
    const QJsonValue value = node->properties.value(QLatin1String(property));
    return value.isDouble() ? std::optional<int>(value.toInt()) : std::nullopt;
}

QString shardKey(const Node *table, const Node *function)
{
    return table->name + '/'_L1 + function->name;
}

// Lambda's limits of a DynamoDB trigger's batch.
int streamBatchSize(const Node *table)
{
    return std::clamp(number(table, "batchSize", 100), 1, 10000);
}

// DynamoDB Streams keep records for a day.
constexpr qint64 kStreamRetentionSeconds = 24 * 60 * 60;

// How old a record may be before the trigger skips it: the trigger's maximum record age,
// at most the stream's retention.
qint64 maximumRecordAgeSeconds(const Node *table)
{
    const std::optional<int> age = optionalNumber(table, "maximumRecordAge");
    return age && *age >= 0 ? std::min<qint64>(*age, kStreamRetentionSeconds) : kStreamRetentionSeconds;
}
} // namespace

void LocalCloud::streamChange(const Node *table, const StreamRecord &record, qint64 change, bool byService)
{
    const QString stream = text(table, "stream", u"NONE"_s);
    if (stream == "NONE"_L1)
        return;
    ShardRecord entry;
    entry.record =
        CloudEvents::dynamodb(mRegion, awsName(table->name), {record}, stream).value("Records"_L1)[0].toObject();
    if (byService) // the service's own deletions, marked as DynamoDB marks them
        entry.record.insert(u"userIdentity"_s,
                            QJsonObject{{u"type"_s, u"Service"_s}, {u"principalId"_s, u"dynamodb.amazonaws.com"_s}});
    entry.arrived = record.when.isValid() ? record.when : mClock->now();
    entry.cause = change;
    QList<ShardRecord> &log = mStreamLog[table->name];
    log.append(entry);
    const QDateTime trimmed = mClock->now().addSecs(-kStreamRetentionSeconds);
    qsizetype old = std::max<qsizetype>(0, log.size() - kStreamLogLimit);
    while (old < log.size() && log.at(old).arrived < trimmed)
        ++old;
    log.remove(0, old);
    // A record no filter lets through is skipped, as Lambda does; invalid criteria (the
    // validator says why) make no trigger.
    const Result<FilterCriteria> filter = FilterCriteria::parse(text(table, "filterCriteria"));
    if (!filter || !filter->matches(entry.record))
        return;
    for (const Node *function : consumers(table)) {
        const bool opened = !mShards.contains(shardKey(table, function));
        StreamShard &open = shard(table, function);
        // A shard opened now at TRIM_HORIZON has read this record with the log.
        if (!opened || text(table, "startingPosition", u"LATEST"_s) != "TRIM_HORIZON"_L1)
            open.records.append(entry);
        deliverStream(table, function);
    }
}

LocalCloud::StreamShard &LocalCloud::shard(const Node *table, const Node *function)
{
    const QString key = shardKey(table, function);
    if (const auto it = mShards.find(key); it != mShards.end())
        return *it;
    StreamShard &opened = mShards[key];
    if (text(table, "startingPosition", u"LATEST"_s) != "TRIM_HORIZON"_L1)
        return opened;
    const Result<FilterCriteria> filter = FilterCriteria::parse(text(table, "filterCriteria"));
    const QDateTime trimmed = mClock->now().addSecs(-kStreamRetentionSeconds);
    for (const ShardRecord &entry : mStreamLog.value(table->name))
        if (filter && entry.arrived >= trimmed && filter->matches(entry.record))
            opened.records.append(entry);
    return opened;
}

QDateTime LocalCloud::streamBatchDue(const Node *table, const StreamShard &shard) const
{
    if (shard.records.isEmpty())
        return {};
    const QDateTime now = mClock->now();
    const int window = std::clamp(number(table, "batchingWindow", 0), 0, 300);
    // A retry or a half of a split batch does not wait for a window.
    if (!shard.batches.isEmpty() || window == 0 || shard.records.size() >= streamBatchSize(table))
        return now;
    // The window begins with the first record waiting, and not before the last
    // invocation ended (Lambda: the next window begins as soon as the previous invocation
    // completes).
    QDateTime from = shard.records.first().arrived;
    if (shard.windowFrom.isValid() && shard.windowFrom > from)
        from = shard.windowFrom;
    return from.addSecs(window);
}

void LocalCloud::deliverStream(const Node *table, const Node *function)
{
    const auto it = mShards.find(shardKey(table, function));
    if (!mRunning || it == mShards.end() || it->busy)
        return;
    StreamShard &shard = *it;
    // Sent once the shard is no longer in use: a send delivers on its own.
    const QList<FailureRecord> skipped = skipOldRecords(table, function, shard);
    const auto sendSkipped = qScopeGuard([&] {
        for (const FailureRecord &failure : skipped)
            sendToDestinations(*function, false, failure.first, failure.second);
    });
    const QDateTime due = streamBatchDue(table, shard);
    if (!due.isValid() || due > mClock->now())
        return;
    if (shard.batches.isEmpty())
        shard.batches.append({std::min<qsizetype>(shard.records.size(), streamBatchSize(table)), 0});
    const qsizetype size = std::min(shard.batches.first().size, shard.records.size());
    QJsonArray records;
    qint64 cause = 0;
    for (qsizetype i = 0; i < size; ++i) {
        ShardRecord &entry = shard.records[i];
        records.append(entry.record);
        cause = std::max(cause, entry.cause);
        ++entry.invokes;
    }
    shard.busy = true;
    const QString tableName = table->name;
    const QString functionName = function->name;
    const Result<qint64> id = deliver(function, json(QJsonObject{{u"Records"_s, records}}), tableName, cause,
                                      [this, tableName, functionName](const InvocationResult &result) {
        if (mRunning)
            streamBatchDone(tableName, functionName, result);
    });
    if (!id) { // stopped by the loop guard, or the function cannot run: the batch is dropped
        shard.busy = false;
        shard.records.remove(0, size);
        shard.batches.removeFirst();
        return;
    }
    shard.lastEntry = *id;
}

void LocalCloud::streamBatchDone(const QString &table, const QString &function, const InvocationResult &result)
{
    const Node *tableNode = mProject.architecture().nodeByName(table);
    const Node *functionNode = mProject.architecture().nodeByName(function);
    const auto it = tableNode && functionNode ? mShards.find(shardKey(tableNode, functionNode)) : mShards.end();
    if (it == mShards.end())
        return;
    StreamShard &shard = *it;
    shard.busy = false;
    shard.windowFrom = mClock->now();
    shard.lastRequestId = result.requestId;
    shard.lastFailed = !result.ok;
    if (shard.batches.isEmpty())
        return;
    const ShardBatch batch = shard.batches.first();
    const qsizetype size = std::min(batch.size, shard.records.size());
    // Processed: the records before the first one reported failed, when the trigger takes
    // such reports (a reported identifier that is not of the batch fails it whole, as
    // Lambda takes it); none when the invocation failed.
    qsizetype processed = 0;
    if (result.ok) {
        processed = size;
        if (tableNode->properties.value("reportBatchItemFailures"_L1).toBool()) {
            QHash<QString, qsizetype> positions;
            for (qsizetype i = 0; i < size; ++i)
                positions.insert(shard.records.at(i).record["dynamodb"_L1]["SequenceNumber"_L1].toString(), i);
            const QJsonArray failures =
                QJsonDocument::fromJson(result.resultJson).object().value("batchItemFailures"_L1).toArray();
            for (const QJsonValue &f : failures)
                processed = std::min(processed, positions.value(f["itemIdentifier"_L1].toString(), 0));
        }
    }
    shard.records.remove(0, processed);
    shard.batches.removeFirst();
    if (processed == size) {
        // What came meanwhile goes at once.
        deliverStream(tableNode, functionNode);
        return;
    }
    const qsizetype left = size - processed;
    const bool bisect = tableNode->properties.value("bisectOnError"_L1).toBool();
    const std::optional<int> retries = optionalNumber(tableNode, "maximumRetryAttempts");
    if (bisect && !result.ok && left > 1) {
        // Split in two, each half tried on its own; a split is not a retry.
        const qsizetype first = (left + 1) / 2;
        shard.batches.prepend({left - first, batch.retries});
        shard.batches.prepend({first, batch.retries});
        logChange(table, shard.lastEntry,
                  tr("a batch of %1 stream records failed in %2; split into %3 and %4")
                      .arg(left)
                      .arg(function)
                      .arg(first)
                      .arg(left - first));
    } else if (bisect && processed > 0) {
        // Of a partial batch response with bisection on, Lambda splits the batch at the
        // record reported: what is left is not a retry either.
        shard.batches.prepend({left, batch.retries});
    } else if (retries && batch.retries >= *retries) {
        const FailureRecord failure = skipRecords(tableNode, functionNode, shard, left, u"RetryAttemptsExhausted"_s);
        deliverStream(tableNode, functionNode);
        sendToDestinations(*functionNode, false, failure.first, failure.second);
        return;
    } else {
        shard.batches.prepend({left, batch.retries + 1});
    }
    // The retry (or the first half) goes on the next tick.
}

QList<LocalCloud::FailureRecord> LocalCloud::skipOldRecords(const Node *table, const Node *function, StreamShard &shard)
{
    QList<FailureRecord> skipped;
    const QDateTime oldest = mClock->now().addSecs(-maximumRecordAgeSeconds(table));
    while (!shard.records.isEmpty() && shard.records.first().arrived < oldest) {
        qsizetype count = 0;
        if (!shard.batches.isEmpty()) {
            // A failed batch is skipped whole once its oldest record is too old.
            count = std::min(shard.batches.takeFirst().size, shard.records.size());
        } else {
            while (count < shard.records.size() && shard.records.at(count).arrived < oldest)
                ++count;
        }
        skipped.append(skipRecords(table, function, shard, count, u"RecordAgeExceeded"_s));
    }
    return skipped;
}

LocalCloud::FailureRecord LocalCloud::skipRecords(const Node *table, const Node *function, StreamShard &shard,
                                                  qsizetype count, const QString &condition)
{
    const QList<ShardRecord> skipped = shard.records.mid(0, count);
    shard.records.remove(0, count);
    qint64 cause = shard.lastEntry;
    for (const ShardRecord &entry : skipped)
        cause = std::max(cause, entry.cause);
    const QString why = condition == "RecordAgeExceeded"_L1
                            ? tr("older than %n second(s)", nullptr, int(maximumRecordAgeSeconds(table)))
                            : tr("retried %n time(s)", nullptr,
                                 optionalNumber(table, "maximumRetryAttempts").value_or(0));
    const qint64 entry = logChange(
        table->name, cause,
        tr("%n stream record(s) skipped by %1, %2", nullptr, int(skipped.size())).arg(function->name, why));
    return {streamFailureRecord(function, shard, skipped, condition), entry};
}

QJsonObject LocalCloud::streamFailureRecord(const Node *function, const StreamShard &shard,
                                            const QList<ShardRecord> &records, const QString &condition) const
{
    int invokes = 0;
    for (const ShardRecord &entry : records)
        invokes = std::max(invokes, entry.invokes);
    auto sequence = [](const ShardRecord &entry) {
        return entry.record["dynamodb"_L1]["SequenceNumber"_L1].toString();
    };
    // DynamoDB's arrival times are to the second, the record's own time to the millisecond.
    auto arrival = [](const ShardRecord &entry) { return entry.arrived.toUTC().toString(Qt::ISODate); };
    QJsonObject response{{u"statusCode"_s, 200}, {u"executedVersion"_s, u"$LATEST"_s}};
    response.insert(u"functionError"_s, shard.lastFailed && invokes > 0 ? QJsonValue(u"Unhandled"_s) : QJsonValue());
    return {{u"requestContext"_s,
             QJsonObject{
                 {u"requestId"_s, shard.lastRequestId.isEmpty() || invokes == 0 ? newRequestId() : shard.lastRequestId},
                 {u"functionArn"_s, AsyncInvoker::functionArn(mRegion, function->name)},
                 {u"condition"_s, condition},
                 {u"approximateInvokeCount"_s, invokes}}},
            {u"responseContext"_s, response},
            {u"version"_s, u"1.0"_s},
            {u"timestamp"_s, mClock->now().toUTC().toString(Qt::ISODateWithMs)},
            {u"DDBStreamBatchInfo"_s,
             QJsonObject{{u"shardId"_s, u"shardId-00000001798761600000-00000001"_s},
                         {u"startSequenceNumber"_s, sequence(records.first())},
                         {u"endSequenceNumber"_s, sequence(records.last())},
                         {u"approximateArrivalOfFirstRecord"_s, arrival(records.first())},
                         {u"approximateArrivalOfLastRecord"_s, arrival(records.last())},
                         {u"batchSize"_s, int(records.size())},
                         {u"streamArn"_s, records.first().record.value("eventSourceARN"_L1).toString()}}}};
}

bool LocalCloud::passesBucketFilter(const Node *bucket, const QJsonObject &event, qint64 change)
{
    // Invalid criteria (the validator says why) make no trigger, as for queues.
    const Result<FilterCriteria> filter = FilterCriteria::parse(text(bucket, "filterCriteria"));
    const QJsonObject record = event.value("Records"_L1)[0].toObject();
    if (filter && filter->matches(record))
        return true;
    if (filter && !consumers(bucket).isEmpty())
        logChange(bucket->name, change,
                  tr("%1 of %2 matched none of the filter criteria; not delivered")
                      .arg(record.value("eventName"_L1).toString(), record["s3"_L1]["object"_L1]["key"_L1].toString()));
    return false;
}

Result<void> LocalCloud::putItem(const QString &table, const QJsonObject &item, qint64 cause)
{
    return storeItem(table, item, DynamoValue::itemSize(item), nullptr, cause);
}

Result<void> LocalCloud::putItem(const QString &table, const DynamoValue::PreparedItem &item, qint64 cause)
{
    return storeItem(table, item.item, item.size, &item.text, cause);
}

Result<void> LocalCloud::storeItem(const QString &table, const QJsonObject &item, qsizetype size,
                                   const QByteArray *text, qint64 cause)
{
    const Result<const Node *> node = changing(table, "table", cause, table);
    if (!node)
        return node.error();
    if (size > kItemLimit)
        return fail(tr("an item of %1 is over DynamoDB's %2 KB").arg(table).arg(kItemLimit >> 10));
    StreamRecord record;
    if (Result<void> put = mState->putItem(table, tableKeys(table), item, &record, text); !put)
        return put;
    mNextExpiry.remove(table);
    const qint64 change = logChange(table, cause, record.eventName + ' '_L1 + QString::fromUtf8(json(record.keys)));
    emit stateChanged(table);
    streamChange(*node, record, change);
    return {};
}

Result<void> LocalCloud::deleteItem(const QString &table, const QJsonObject &key, qint64 cause)
{
    const Result<const Node *> node = changing(table, "table", cause, table);
    if (!node)
        return node.error();
    StreamRecord record;
    if (Result<void> deleted = mState->deleteItem(table, tableKeys(table), key, &record); !deleted)
        return deleted;
    if (record.eventName.isEmpty())
        return {};
    const qint64 change = logChange(table, cause, record.eventName + ' '_L1 + QString::fromUtf8(json(record.keys)));
    emit stateChanged(table);
    streamChange(*node, record, change);
    return {};
}

QJsonArray LocalCloud::putEvents(const QString &bus, const QJsonArray &entries, qint64 cause)
{
    return EventBus(*this).put(bus, entries, cause);
}

Result<void> LocalCloud::fireSchedule(const QString &schedule)
{
    const Result<const Node *> found = service(schedule, "schedule");
    if (!found)
        return found.error();
    const Node *node = *found;
    CloudLogEntry entry;
    entry.kind = CloudLogEntry::Kind::Request;
    entry.source = schedule;
    entry.target = schedule;
    entry.detail = tr("fired (%1)").arg(text(node, "expression"));
    const qint64 change = addLog(entry);
    const QByteArray event = json(CloudEvents::scheduled(mRegion, schedule, mClock->now()));
    for (const Node *function : consumers(node))
        (void)deliverAsync(function, event, schedule, change);
    startMachines(node, event, change);
    return {};
}

void LocalCloud::tick()
{
    if (!mRunning)
        return;
    const QDateTime now = mClock->now();
    for (auto it = mNextFiring.begin(); it != mNextFiring.end(); ++it) {
        if (it.value() > now)
            continue;
        const QString name = it.key();
        const QDateTime due = it.value();
        (void)fireSchedule(name);
        const Node *node = mProject.architecture().nodeByName(name);
        const ScheduleExpression expression =
            ScheduleExpression::parse(node ? text(node, "expression") : QString()).valueOr(ScheduleExpression());
        // A rate counts on from its last firing; a clock moved far ahead fires once.
        it.value() = expression.nextAfter(now, due);
    }
    for (const auto &[id, node] : mProject.architecture().nodes()) {
        if (node.kind == Kinds::Queue) {
            dropExpiredMessages(node.name, number(&node, "messageRetention", kRetentionSeconds));
            dropExpiredMessages(node.name + "-dlq"_L1, kDeadLetterRetentionSeconds);
            deliverQueue(&node);
            pipeQueue(&node);
        } else if (node.kind == Kinds::Table) {
            expireItems(&node);
            if (text(&node, "stream", u"NONE"_s) == "NONE"_L1)
                continue;
            // A function connected since the last tick gets its shard (at its starting
            // position); a batch due (a retry, a window's end) goes.
            for (const Node *function : consumers(&node))
                if (!shard(&node, function).records.isEmpty())
                    deliverStream(&node, function);
        }
    }
    // A queue code made keeps its messages as long as one of the design would.
    const QList<MadeResource> made = mMade; // a copy: what a signal's receiver does cannot change it
    for (const MadeResource &resource : made)
        if (const Node *node = madeResourceNode(resource.node); node && node->kind == Kinds::Queue)
            dropExpiredMessages(resource.node, number(node, "messageRetention", kRetentionSeconds));
    mAsync->tick();
    mEventArchive->expire();
    mWorkflows->tick();
}

// ---- the virtual clock ---------------------------------------------------------

Result<void> LocalCloud::checkFirings(const QDateTime &until) const
{
    int total = 0;
    for (auto it = mNextFiring.cbegin(); it != mNextFiring.cend() && total <= kFiringLimit; ++it) {
        const Node *node = mProject.architecture().nodeByName(it.key());
        const QString expression = node ? text(node, "expression") : QString();
        const ScheduleExpression parsed = ScheduleExpression::parse(expression).valueOr(ScheduleExpression());
        int count = 0;
        for (QDateTime t = it.value(); t.isValid() && t <= until && total + count <= kFiringLimit;
             t = parsed.nextAfter(t, t))
            ++count;
        total += count;
        if (total > kFiringLimit)
            return fail(tr("advancing to %1 would fire the schedules more than %2 times, %3 (%4) alone %5 times or "
                           "more: advance by less")
                            .arg(until.toString(Qt::ISODate))
                            .arg(kFiringLimit)
                            .arg(it.key(), expression)
                            .arg(count));
    }
    return {};
}

QDateTime LocalCloud::nextDue() const
{
    if (!mRunning)
        return {};
    const QDateTime now = mClock->now();
    QDateTime next;
    auto consider = [&](const QDateTime &time) {
        if (time.isValid() && time > now && (!next.isValid() || time < next))
            next = time;
    };
    for (const QDateTime &firing : mNextFiring)
        consider(firing);
    consider(mAsync->nextDue());
    consider(mState->nextVisibleAfter(now));
    for (const auto &[id, node] : mProject.architecture().nodes()) {
        if (node.kind == Kinds::Queue) {
            const QDateTime oldest = mState->oldestSent(node.name);
            const QDateTime oldestDead = mState->oldestSent(node.name + "-dlq"_L1);
            if (oldest.isValid())
                consider(oldest.addSecs(number(&node, "messageRetention", kRetentionSeconds)));
            if (oldestDead.isValid())
                consider(oldestDead.addSecs(kDeadLetterRetentionSeconds));
            const Result<FilterCriteria> filter = FilterCriteria::parse(text(&node, "filterCriteria"));
            if (number(&node, "batchingWindow", 0) > 0 && filter && !consumers(&node).isEmpty())
                consider(batchDue(&node, *filter));
        } else if (node.kind == Kinds::Table) {
            const QString attribute = timeToLiveAttribute(node.name);
            const std::optional<qint64> expiry = attribute.isEmpty() ? std::nullopt
                                                                     : mState->earliestExpiry(node.name, attribute);
            // Expired once the clock's second is past it.
            if (expiry)
                consider(QDateTime::fromSecsSinceEpoch(*expiry + 1, Qt::UTC));
            // A stream batch waiting for its window's end.
            for (const Node *function : consumers(&node))
                if (const auto shard = mShards.constFind(shardKey(&node, function));
                    shard != mShards.cend() && !shard->busy)
                    consider(streamBatchDue(&node, *shard));
        }
    }
    consider(mEventArchive->nextExpiry());
    consider(mWorkflows->nextDue());
    return next;
}

Result<QDateTime> LocalCloud::moveClock(const std::function<QDateTime(const QDateTime &)> &target)
{
    if (!mRunning)
        return fail(tr("the local cloud is not running"));
    if (mClock != mVirtualClock)
        return fail(tr("the local cloud runs on a clock it was given, which it cannot move"));
    const bool wasRunning = mVirtualClock->isRunning();
    Result<QDateTime> moved = fail(tr("nothing is due: no schedule, hidden message, retention, Time to Live or retry"));
    {
        // Still while it steps, so that each thing happens at its own time to the millisecond;
        // one changed signal at the end.
        const QSignalBlocker quiet(mVirtualClock);
        mVirtualClock->pause();
        const QDateTime until = target(mVirtualClock->now());
        if (until.isValid()) {
            const Result<void> bounded = checkFirings(until);
            if (!bounded) {
                moved = bounded.error();
            } else {
                tick();
                for (QDateTime next = nextDue(); next.isValid() && next <= until; next = nextDue()) {
                    mVirtualClock->set(next);
                    tick();
                }
                mVirtualClock->set(until);
                tick();
                moved = until;
            }
        }
        if (wasRunning)
            mVirtualClock->run();
    }
    emit mVirtualClock->changed();
    return moved;
}

Result<QDateTime> LocalCloud::advance(qint64 milliseconds)
{
    if (milliseconds < 0)
        return fail(tr("the local cloud's clock only goes forward"));
    return moveClock([milliseconds](const QDateTime &now) { return now.addMSecs(milliseconds); });
}

Result<QDateTime> LocalCloud::runUntilNextDue()
{
    return moveClock([this](const QDateTime &) { return nextDue(); });
}

void LocalCloud::dropExpiredMessages(const QString &queue, int retentionSeconds)
{
    const QDateTime oldest = mState->oldestSent(queue);
    const QDateTime cutoff = mClock->now().addSecs(-retentionSeconds);
    if (!oldest.isValid() || oldest > cutoff)
        return;
    const int dropped = mState->dropSentBefore(queue, cutoff);
    if (dropped == 0)
        return;
    logChange(
        queue, 0,
        tr("%n message(s) dropped, older than the retention period (%1 s)", nullptr, dropped).arg(retentionSeconds));
    emit stateChanged(queue);
}

QString LocalCloud::timeToLiveAttribute(const QString &table) const
{
    if (const auto set = mTimeToLive.constFind(table); set != mTimeToLive.cend())
        return *set;
    const Node *node = resourceNode(table);
    return node && node->kind == Kinds::Table ? text(node, "ttlAttribute") : QString();
}

void LocalCloud::setTimeToLive(const QString &table, const QString &attribute)
{
    mTimeToLive.insert(table, attribute);
    mNextExpiry.remove(table);
}

void LocalCloud::expireItems(const Node *table)
{
    const QString attribute = timeToLiveAttribute(table->name);
    if (attribute.isEmpty())
        return;
    const qint64 nowSeconds = mClock->now().toSecsSinceEpoch();
    // Read once until the table changes: a tick should not scan every item.
    auto earliest = mNextExpiry.find(table->name);
    if (earliest == mNextExpiry.end())
        earliest = mNextExpiry.insert(table->name, mState->earliestExpiry(table->name, attribute));
    if (!earliest->has_value() || **earliest >= nowSeconds)
        return;
    mNextExpiry.erase(earliest);
    const QList<StreamRecord> records =
        mState->expireItems(table->name, tableKeys(table->name), attribute, nowSeconds).valueOr({});
    if (records.isEmpty())
        return;
    CloudLogEntry entry;
    entry.kind = CloudLogEntry::Kind::ServiceChange;
    entry.source = tr("Time to Live");
    entry.target = table->name;
    entry.detail = tr("%n expired item(s) deleted", nullptr, int(records.size()));
    const qint64 change = addLog(entry);
    emit stateChanged(table->name);
    // The service's deletions, marked as DynamoDB marks them, on the table's stream.
    for (const StreamRecord &record : records)
        streamChange(table, record, change, true);
}

} // namespace Nimbus
