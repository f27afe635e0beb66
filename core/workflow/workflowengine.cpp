#include "workflowengine.h"

#include "cloud/awsendpoint.h"
#include "cloud/eventbus.h"
#include "cloud/localcloud.h"
#include "document/project.h"
#include "model/kinds.h"
#include "paths.h"
#include "runtime/requestid.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaMethod>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>
#include <deque>
#include <optional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QByteArray compact(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// A size no smaller than that of value's compact JSON text (each character of a string
// counted as an escape's six bytes, a number as 32), without writing the text; counting
// stops once it is past limit.
qsizetype textSizeBound(const QJsonValue &value, qsizetype limit)
{
    switch (value.type()) {
    case QJsonValue::String: return 6 * value.toString().size() + 2;
    case QJsonValue::Array: {
        qsizetype size = 2;
        for (const QJsonValue &item : value.toArray()) {
            size += textSizeBound(item, limit) + 1;
            if (size > limit)
                break;
        }
        return size;
    }
    case QJsonValue::Object: {
        qsizetype size = 2;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end() && size <= limit; ++it)
            size += 6 * it.key().size() + 4 + textSizeBound(it.value(), limit);
        return size;
    }
    default: return 32; // a number, true, false, null
    }
}

// Whether value's compact JSON text is over limit bytes: counted only when it could be.
bool textOver(const QJsonValue &value, qsizetype limit)
{
    return textSizeBound(value, limit) > limit && compact(value).size() > limit;
}

QString text(const QJsonValue &value)
{
    return QString::fromUtf8(compact(value));
}

// A JSON text as a value (any JSON value, not only an object); nullopt when it is not JSON.
std::optional<QJsonValue> parseValue(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return QJsonValue(QJsonObject());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + json + "]", &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().first();
}

Asl::Failure failure(const QString &error, const QString &cause)
{
    return Asl::Failure{error, cause};
}

QJsonObject sdkMetadata(const QString &requestId)
{
    return {{u"SdkHttpMetadata"_s, QJsonObject{{u"HttpStatusCode"_s, 200}}},
            {u"SdkResponseMetadata"_s, QJsonObject{{u"RequestId"_s, requestId}}}};
}

// Whether an error a state raised is one of names, as Retry and Catch match them.
bool errorMatches(const QJsonArray &names, const QString &error)
{
    for (const QJsonValue &v : names) {
        const QString name = v.toString();
        if (name == error)
            return true;
        // States.ALL matches every error but the terminal ones.
        if (name == "States.ALL"_L1 && error != "States.Runtime"_L1 && error != "States.DataLimitExceeded"_L1)
            return true;
        if (name == "States.TaskFailed"_L1 && error != "States.Timeout"_L1 && error != "States.Runtime"_L1
            && error != "States.DataLimitExceeded"_L1)
            return true;
    }
    return false;
}

} // namespace

struct WorkflowEngine::Timer
{
    QDateTime due;
    std::function<void()> fire;
    bool isWait = false;
    Execution *execution = nullptr;
};

// An event of the history as the engine keeps it: the state's name and the payload (a
// state's input or output) join its details when it is first read.
struct WorkflowEngine::Event
{
    mutable ExecutionEvent event;
    QString state;
    mutable QJsonValue payload;
    Payload kind = Payload::None;
    mutable bool made = false;

    // The event as GetExecutionHistory gives it.
    const ExecutionEvent &get() const
    {
        if (made)
            return event;
        if (!state.isNull())
            event.details.insert(u"name"_s, state);
        const QJsonObject notTruncated{{u"truncated"_s, false}};
        switch (kind) {
        case Payload::None: break;
        case Payload::Input:
            event.details.insert(u"input"_s, text(payload));
            event.details.insert(u"inputDetails"_s, notTruncated);
            break;
        case Payload::Output:
            event.details.insert(u"output"_s, text(payload));
            event.details.insert(u"outputDetails"_s, notTruncated);
            break;
        case Payload::Parameters: event.details.insert(u"parameters"_s, text(payload)); break;
        }
        payload = QJsonValue();
        made = true;
        return event;
    }
};

namespace {

template<typename Events>
QList<ExecutionEvent> madeEvents(const Events &events, qsizetype from = 0)
{
    QList<ExecutionEvent> made;
    made.reserve(events.size() - from);
    for (qsizetype i = from; i < events.size(); ++i)
        made.append(events.at(i).get());
    return made;
}

} // namespace

struct WorkflowEngine::Execution
{
    ExecutionRecord record;
    QJsonObject definition;
    QList<Event> events;
    qsizetype persistedEvents = 0;
    NodeId node = kInvalidNodeId;
    qint64 logEntry = 0;
    Finished done;
    bool ended = false;
    QList<Finished> waiters; // nested .sync tasks waiting for this execution
    // The callback pattern's tasks waiting on their token: what ends each.
    QHash<QString, std::function<void(const Outcome &)>> tokens;
    QHash<QString, qint64> heartbeats; // token -> its heartbeat timer
    QJsonObject context; // the context object's Execution and StateMachine
    QHash<QString, int> heartbeatSeconds;
    // The top-level state the execution is in and its raw input, put into the record's
    // checkpoint when the record is read or saved (not at every state).
    QString checkpointState;
    QJsonValue checkpointInput;
    bool checkpointPending = false;

    const ExecutionRecord &current()
    {
        if (checkpointPending) {
            record.checkpoint = {{u"state"_s, checkpointState}, {u"input"_s, checkpointInput}};
            checkpointPending = false;
        }
        return record;
    }
    FramePtr root;
};

// One sequence of states running: the execution's machine, a Parallel branch or a Map
// iteration. done is told how it ended.
struct WorkflowEngine::Frame
{
    Execution *execution = nullptr;
    QJsonObject machine;
    bool topLevel = false;
    bool cancelled = false;
    std::function<void(const Outcome &)> done;
    qint64 lastEvent = 0;
    QHash<QString, QList<int>> retries; // per state, the attempts each retrier made
    QDateTime entered;
    int mapIndex = -1;
    QJsonValue mapItem;
    QList<FramePtr> children;

    void cancel()
    {
        cancelled = true;
        for (const FramePtr &child : children)
            child->cancel();
        children.clear();
    }
};

WorkflowEngine::WorkflowEngine(LocalCloud &cloud) : QObject(&cloud), mCloud(cloud)
{
    mFlushTimer.setSingleShot(true);
    mFlushTimer.setInterval(0);
    connect(&mFlushTimer, &QTimer::timeout, this, &WorkflowEngine::flush);
}

WorkflowEngine::~WorkflowEngine()
{
    stop();
}

void WorkflowEngine::start()
{
    mRunning = true;
    for (const ExecutionRecord &record : mCloud.state().runningExecutions()) {
        const Node *node = machine(record.machine);
        const Result<QJsonObject> definition = node ? this->definition(*node) : Result<QJsonObject>(fail({}));
        if (!node || !definition) {
            ExecutionRecord ended = record;
            ended.status = u"FAILED"_s;
            ended.error = u"States.Runtime"_s;
            ended.cause = node ? definition.errorMessage()
                               : u"the state machine %1 is no longer in the design"_s.arg(record.machine);
            ended.stopped = mCloud.clock().now();
            (void)mCloud.state().saveExecution(ended);
            continue;
        }
        (void)begin(*node, *definition, record.input, record.name, 0, {},
                    record.checkpoint.isEmpty() ? QJsonObject{{u"resume"_s, true}} : record.checkpoint);
    }
}

void WorkflowEngine::stop()
{
    flush();
    for (auto &entry : mExecutions) {
        if (entry.second->root)
            entry.second->root->cancel();
        entry.second->ended = true;
    }
    mExecutions.clear();
    mTimers.clear();
    mTokens.clear();
    mRunning = false;
}

// ---- the design's machines ----

QList<const Node *> WorkflowEngine::machines() const
{
    QList<const Node *> found;
    for (const auto &entry : mCloud.project().architecture().nodes())
        if (entry.second.kind == Kinds::StateMachine)
            found.append(&entry.second);
    return found;
}

const Node *WorkflowEngine::machine(const QString &nameOrArn) const
{
    const QString name = AslDefinition::resourceName(nameOrArn);
    for (const Node *node : machines())
        if (node->name == name || node->properties.value("stateMachineName"_L1).toString() == name)
            return node;
    return nullptr;
}

QString WorkflowEngine::machineArn(const Node &machine) const
{
    return u"arn:aws:states:%1:%2:stateMachine:%3"_s.arg(
        mCloud.region(), QLatin1String(AwsEndpoint::kAccountId),
        machine.properties.value("stateMachineName"_L1).toString(machine.name));
}

QString WorkflowEngine::resolve(const QString &reference) const
{
    const Node *node = mCloud.project().architecture().nodeByName(reference);
    if (!node)
        return {};
    const QString account = QLatin1String(AwsEndpoint::kAccountId);
    if (node->kind == Kinds::Function)
        return u"arn:aws:lambda:%1:%2:function:%3"_s.arg(mCloud.region(), account, node->name);
    if (node->kind == Kinds::Queue)
        return AwsEndpoint::queueUrl(mCloud.serviceEndpoint().isEmpty() ? u"http://127.0.0.1"_s
                                                                        : mCloud.serviceEndpoint(),
                                     mCloud.awsName(node->name));
    if (node->kind == Kinds::Topic)
        return mCloud.topicArn(node->name);
    if (node->kind == Kinds::StateMachine)
        return machineArn(*node);
    if (node->kind == Kinds::EventBus)
        return EventBus::busName(*node);
    return node->name; // a table, a bucket: its name
}

Result<QJsonObject> WorkflowEngine::definition(const Node &machine) const
{
    const QString relative = machine.properties.value("definition"_L1).toString();
    const Result<QString> path = Paths::resolveUnder(mCloud.project().directory(), relative);
    if (!path)
        return fail(u"%1: the definition file: %2"_s.arg(machine.name, path.errorMessage()));
    // A definition is read, resolved and validated once while its file, the design's names
    // and the endpoint stay the same: executions start at thousands a second.
    const QFileInfo info(*path);
    QString fingerprint = u"%1|%2|%3|%4|%5"_s.arg(*path, QString::number(info.size()),
                                                  QString::number(info.lastModified().toMSecsSinceEpoch()),
                                                  mCloud.serviceEndpoint(), mCloud.region());
    for (const auto &[id, node] : mCloud.project().architecture().nodes())
        fingerprint += u'|' + node.name + u':' + node.kind;
    if (const auto cached = mDefinitions.constFind(machine.name);
        cached != mDefinitions.cend() && cached->fingerprint == fingerprint)
        return cached->error.isEmpty() ? Result<QJsonObject>(cached->definition)
                                       : Result<QJsonObject>(fail(cached->error));
    const Result<QJsonObject> read = readDefinition(machine, *path);
    mDefinitions.insert(machine.name,
                        {fingerprint, read ? *read : QJsonObject(), read ? QString() : read.errorMessage()});
    return read;
}

Result<QJsonObject> WorkflowEngine::readDefinition(const Node &machine, const QString &path) const
{
    const QString relative = machine.properties.value("definition"_L1).toString();
    // A regular file only: opening a FIFO would block the cloud's thread until something writes.
    if (const QFileInfo info(path); info.exists() && !info.isFile())
        return fail(u"%1: its definition %2 is not a regular file"_s.arg(machine.name, relative));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"%1: cannot read its definition %2: %3"_s.arg(machine.name, relative, file.errorString()));
    if (file.size() > kDefinitionLimit)
        return fail(u"%1: its definition %2 is over AWS's 1 MB"_s.arg(machine.name, relative));
    QByteArray content = file.readAll();
    // DefinitionSubstitutions: ${name} of a design's node is what CloudFormation's
    // substitution gives for it in the exports.
    static const QRegularExpression substitution(u"\\$\\{([A-Za-z0-9_.-]+)\\}"_s);
    QString source = QString::fromUtf8(content);
    QString resolved;
    qsizetype last = 0;
    for (auto it = substitution.globalMatch(source); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString value = resolve(m.captured(1));
        resolved += QStringView(source).mid(last, m.capturedStart() - last);
        resolved += value.isEmpty() ? m.captured(0) : value;
        last = m.capturedEnd();
    }
    resolved += QStringView(source).mid(last);
    const Result<QJsonObject> parsed = AslDefinition::parse(resolved.toUtf8());
    if (!parsed)
        return fail(u"%1: %2: %3"_s.arg(machine.name, relative, parsed.errorMessage()));
    for (const AslDiagnostic &d : AslDefinition::validate(*parsed))
        if (d.severity == AslDiagnostic::Severity::Error)
            return fail(u"%1: %2: %3"_s.arg(machine.name, relative, d.text()));
    return *parsed;
}

// ---- executions ----

Result<QString> WorkflowEngine::startExecution(const QString &machineName, const QByteArray &input, const QString &name,
                                               qint64 cause, Finished done)
{
    if (!mRunning)
        return fail(u"ServiceUnavailable: the local cloud is not running"_s);
    const Node *node = machine(machineName);
    if (!node)
        return fail(u"StateMachineDoesNotExist: State Machine Does Not Exist: '%1'"_s.arg(machineName));
    const std::optional<QJsonValue> value = parseValue(input);
    if (!value)
        return fail(u"InvalidExecutionInput: Invalid State Machine Execution Input: the input is not JSON"_s);
    if (input.size() > kPayloadLimit)
        return fail(u"InvalidExecutionInput: the input is over 256 KB"_s);
    static const QRegularExpression validName(u"^[A-Za-z0-9_-]{1,80}$"_s);
    if (!name.isEmpty() && !validName.match(name).hasMatch())
        return fail(u"InvalidName: Invalid Name: '%1'"_s.arg(name));
    const Result<QJsonObject> definition = this->definition(*node);
    if (!definition)
        return fail(u"InvalidDefinition: %1"_s.arg(definition.errorMessage()));
    // A machine that starts itself (or a ring of machines, or functions that start it) is
    // stopped at the cloud's loop limit, as every other chain of events.
    if (const Result<void> within = mCloud.withinLoopLimit(cause, mCloud.causeName(cause), node->name); !within)
        return fail(u"ExecutionLimitExceeded: %1"_s.arg(within.errorMessage()));
    return begin(*node, *definition, *value, name, cause, std::move(done));
}

Result<QString> WorkflowEngine::begin(const Node &node, const QJsonObject &definition, const QJsonValue &input,
                                      const QString &givenName, qint64 cause, Finished done,
                                      const QJsonObject &resumeFrom)
{
    const bool express = node.properties.value("type"_L1).toString() == "EXPRESS"_L1;
    const QString name = givenName.isEmpty() ? newRequestId() : givenName;
    const QString machineName = node.properties.value("stateMachineName"_L1).toString(node.name);
    const QString prefix = u"arn:aws:states:%1:%2:"_s.arg(mCloud.region(), QLatin1String(AwsEndpoint::kAccountId));
    const QString arn = express ? u"%1express:%2:%3:%4"_s.arg(prefix, machineName, name, newRequestId())
                                : u"%1execution:%2:%3"_s.arg(prefix, machineName, name);
    const bool resuming = !resumeFrom.isEmpty();
    // A name of the caller's may be taken; a generated one is a new UUID.
    if (!resuming && !givenName.isEmpty() && (mExecutions.count(arn) || (!express && mCloud.state().execution(arn))))
        return fail(u"ExecutionAlreadyExists: Execution Already Exists: '%1'"_s.arg(arn));

    auto execution = std::make_unique<Execution>();
    Execution &ex = *execution;
    ex.definition = definition;
    ex.node = node.id;
    ex.done = std::move(done);
    if (resuming) {
        if (const auto stored = mCloud.state().execution(arn)) {
            ex.record = *stored;
            for (const ExecutionEvent &event : mCloud.state().events(arn))
                ex.events.append({event, {}, {}, Payload::None, true});
            ex.persistedEvents = ex.events.size();
        }
    }
    ExecutionRecord &r = ex.record;
    r.arn = arn;
    r.name = name;
    r.machine = node.name;
    r.machineArn = machineArn(node);
    r.type = express ? u"EXPRESS"_s : u"STANDARD"_s;
    r.status = u"RUNNING"_s;
    r.input = input;
    if (!resuming)
        r.started = mCloud.clock().now();

    CloudLogEntry entry;
    entry.kind = CloudLogEntry::Kind::ServiceChange;
    entry.cause = cause;
    entry.source = mCloud.causeName(cause);
    entry.target = node.name;
    entry.toNode = node.id;
    entry.detail = resuming ? tr("execution %1 resumed").arg(name) : tr("execution %1 started").arg(name);
    ex.logEntry = mCloud.addLog(entry);

    auto root = std::make_shared<Frame>();
    root->execution = &ex;
    root->machine = definition;
    root->topLevel = true;
    root->done = [this, &ex](const Outcome &outcome) {
        finishExecution(ex, outcome ? u"SUCCEEDED"_s : u"FAILED"_s, outcome);
    };
    ex.root = root;
    Execution *raw = execution.get();
    mExecutions[arn] = std::move(execution);

    if (!resuming)
        addEvent(
            ex, root, u"ExecutionStarted"_s, u"executionStartedEventDetails"_s,
            {{u"roleArn"_s, u"arn:aws:iam::%1:role/%2-role"_s.arg(QLatin1String(AwsEndpoint::kAccountId), node.name)}},
            Payload::Input, input);
    // The node's timeout, else the definition's, else AWS's limit for Express workflows.
    int timeout = node.properties.value("timeout"_L1).toInt(definition.value("TimeoutSeconds"_L1).toInt());
    if (timeout <= 0 && express)
        timeout = kExpressLimit;
    if (timeout > 0) {
        schedule(
            r.started.addSecs(timeout),
            [this, raw, timeout] {
            finishExecution(*raw, u"TIMED_OUT"_s,
                            failure(u"States.Timeout"_s, u"The execution timed out after %1 seconds"_s.arg(timeout)));
            },
            false, raw);
    }
    emit executionChanged(r);
    persist(ex);

    QString first = definition.value("StartAt"_L1).toString();
    QJsonValue firstInput = input;
    if (resuming && resumeFrom.contains("state"_L1)) {
        first = resumeFrom.value("state"_L1).toString();
        firstInput = resumeFrom.value("input"_L1);
        if (!definition.value("States"_L1).toObject().contains(first))
            first = definition.value("StartAt"_L1).toString();
    }
    if (resuming && resumeFrom.contains("waitUntil"_L1)) {
        // A Wait that was waiting goes on waiting for the rest of its time only.
        const QDateTime until = QDateTime::fromString(resumeFrom.value("waitUntil"_L1).toString(), Qt::ISODateWithMs);
        schedule(
            until,
            [this, root, first, firstInput] {
            QString next;
            QJsonValue output;
            if (settle(root, first, firstInput, Outcome(firstInput), next, output))
                run(root, next, output);
            },
            true, raw);
        return arn;
    }
    run(root, first, firstInput);
    return arn;
}

QJsonObject WorkflowEngine::context(const FramePtr &frame, const QString &state) const
{
    Execution &ex = *frame->execution;
    // The execution's and the machine's parts are made once: a context is made per state.
    if (ex.context.isEmpty())
        ex.context = {
            {u"Execution"_s, QJsonObject{{u"Id"_s, ex.record.arn},
                                         {u"Input"_s, ex.record.input},
                                         {u"Name"_s, ex.record.name},
                                         {u"RoleArn"_s, u"arn:aws:iam::%1:role/%2-role"_s.arg(
                                                            QLatin1String(AwsEndpoint::kAccountId), ex.record.machine)},
                                         {u"StartTime"_s, ex.record.started.toString(Qt::ISODateWithMs)},
                                         {u"RedriveCount"_s, 0}}},
            {u"StateMachine"_s, QJsonObject{{u"Id"_s, ex.record.machineArn}, {u"Name"_s, ex.record.machine}}},
        };
    QJsonObject context = ex.context;
    int retries = 0;
    for (int n : frame->retries.value(state))
        retries += n;
    // States entered in the same millisecond share the text of their time (formatting one
    // costs more than the rest of a Pass state).
    if (frame->entered != mTimeTextOf) {
        mTimeTextOf = frame->entered;
        mTimeText = frame->entered.toString(Qt::ISODateWithMs);
    }
    context.insert(u"State"_s,
                   QJsonObject{{u"EnteredTime"_s, mTimeText}, {u"Name"_s, state}, {u"RetryCount"_s, retries}});
    if (frame->mapIndex >= 0)
        context.insert(u"Map"_s, QJsonObject{{u"Item"_s, QJsonObject{{u"Index"_s, frame->mapIndex},
                                                                     {u"Value"_s, frame->mapItem}}}});
    return context;
}

Asl::Scope WorkflowEngine::scopeOf(const FramePtr &frame, const QString &state, const QJsonValue &input) const
{
    return {input, {}, [this, frame, state, made = std::optional<QJsonValue>()]() mutable {
                if (!made)
                    made = QJsonValue(context(frame, state));
                return *made;
            }};
}

qint64 WorkflowEngine::addEvent(Execution &ex, const FramePtr &frame, const QString &type, const QString &detailsKey,
                                const QJsonObject &details, Payload kind, const QJsonValue &payload,
                                const QString &state)
{
    const qint64 last = ex.events.isEmpty() ? 0 : ex.events.last().event.id;
    Event added;
    ExecutionEvent &event = added.event;
    event.id = last + 1;
    event.previous = frame ? frame->lastEvent : last;
    event.when = mCloud.clock().now();
    event.type = type;
    event.detailsKey = detailsKey;
    event.details = details;
    added.state = state;
    added.payload = payload;
    added.kind = kind;
    added.made = state.isNull() && kind == Payload::None;
    const qint64 id = event.id;
    if (frame)
        frame->lastEvent = id;
    ex.events.append(std::move(added));
    // Only the studio's run panel listens: the event is made for it alone.
    static const QMetaMethod kEventAdded = QMetaMethod::fromSignal(&WorkflowEngine::eventAdded);
    if (isSignalConnected(kEventAdded))
        emit eventAdded(ex.record.arn, ex.events.last().get());
    return id;
}

namespace {

// The state's effective input: InputPath applied (null: {}).
Asl::Outcome<QJsonValue> inputOf(const QJsonObject &state, const Asl::Scope &scope)
{
    const QJsonValue path = state.value("InputPath"_L1);
    if (path.isNull())
        return QJsonValue(QJsonObject());
    if (path.isUndefined())
        return scope.input;
    return Asl::evaluatePath(path.toString(), scope, u"InputPath"_s);
}

QString typeOf(const QJsonObject &state)
{
    return state.value("Type"_L1).toString();
}

} // namespace

void WorkflowEngine::run(const FramePtr &frameRef, QString name, QJsonValue input)
{
    // The frame may be dropped by its parent while its last state ends: hold it.
    const FramePtr frame = frameRef;
    Execution &ex = *frame->execution;
    const QJsonObject states = frame->machine.value("States"_L1).toObject();
    for (;;) {
        if (frame->cancelled || ex.ended)
            return;
        const QJsonObject state = states.value(name).toObject();
        const QString type = typeOf(state);
        frame->entered = mCloud.clock().now();
        frame->retries.remove(name);
        ++ex.record.transitions;
        if (frame->topLevel) {
            ex.checkpointState = name;
            ex.checkpointInput = input;
            ex.checkpointPending = true;
        }
        if (!ex.record.machineArn.isEmpty() && ex.events.size() >= kHistoryLimit) {
            finishExecution(
                ex, u"FAILED"_s,
                failure(u"States.Runtime"_s,
                        u"The execution reached the limit of %1 events in its history"_s.arg(kHistoryLimit)));
            return;
        }
        addEvent(ex, frame, type + u"StateEntered"_s, u"stateEnteredEventDetails"_s, {}, Payload::Input, input, name);

        const Asl::Scope scope = scopeOf(frame, name, input);
        const Outcome effective = inputOf(state, scope);
        if (!effective) {
            QString next;
            QJsonValue output;
            if (!settle(frame, name, input, effective, next, output))
                return;
            name = next;
            input = output;
            continue;
        }
        const Asl::Scope inner{*effective, {}, scope.makeContext};

        if (type == "Choice"_L1) {
            QString next = state.value("Default"_L1).toString();
            bool matched = false;
            for (const QJsonValue &rule : state.value("Choices"_L1).toArray()) {
                const Asl::Outcome<bool> match = Asl::matchesChoiceRule(rule.toObject(), inner);
                if (!match) {
                    finishFrame(frame, match.failure);
                    return;
                }
                if (*match) {
                    next = rule.toObject().value("Next"_L1).toString();
                    matched = true;
                    break;
                }
            }
            if (!matched && !state.contains("Default"_L1)) {
                finishFrame(frame, failure(u"States.NoChoiceMatched"_s,
                                           u"No Matches! in state '%1' for input %2"_s.arg(name, text(*effective))));
                return;
            }
            Outcome output = *effective;
            if (state.contains("OutputPath"_L1))
                output = state.value("OutputPath"_L1).isNull()
                             ? Outcome(QJsonValue(QJsonObject()))
                             : Asl::evaluatePath(state.value("OutputPath"_L1).toString(), inner, u"OutputPath"_s);
            if (!output) {
                finishFrame(frame, output.failure);
                return;
            }
            addEvent(ex, frame, u"ChoiceStateExited"_s, u"stateExitedEventDetails"_s, {}, Payload::Output, *output,
                     name);
            name = next;
            input = *output;
            continue;
        }
        if (type == "Succeed"_L1 || type == "Pass"_L1 || type == "Wait"_L1) {
            Outcome result = *effective;
            if (type == "Pass"_L1) {
                if (state.contains("Result"_L1))
                    result = state.value("Result"_L1);
                else if (state.contains("Parameters"_L1))
                    result = Asl::applyTemplate(state.value("Parameters"_L1), inner);
            }
            if (type == "Wait"_L1 && result) {
                QDateTime until;
                if (state.contains("Seconds"_L1) || state.contains("SecondsPath"_L1)) {
                    QJsonValue seconds = state.value("Seconds"_L1);
                    if (state.contains("SecondsPath"_L1)) {
                        const Outcome found = Asl::evaluatePath(state.value("SecondsPath"_L1).toString(), inner,
                                                                u"SecondsPath"_s);
                        if (!found) {
                            finishFrame(frame, found.failure);
                            return;
                        }
                        seconds = *found;
                    }
                    if (!seconds.isDouble() || seconds.toDouble() < 0) {
                        finishFrame(frame, failure(u"States.Runtime"_s,
                                                   u"The SecondsPath parameter does not reference a valid integer "
                                                   "value: %1"_s.arg(text(seconds))));
                        return;
                    }
                    until = frame->entered.addMSecs(qint64(seconds.toDouble() * 1000));
                } else {
                    QJsonValue stamp = state.value("Timestamp"_L1);
                    if (state.contains("TimestampPath"_L1)) {
                        const Outcome found = Asl::evaluatePath(state.value("TimestampPath"_L1).toString(), inner,
                                                                u"TimestampPath"_s);
                        if (!found) {
                            finishFrame(frame, found.failure);
                            return;
                        }
                        stamp = *found;
                    }
                    until = QDateTime::fromString(stamp.toString(), Qt::ISODateWithMs);
                    if (!until.isValid()) {
                        finishFrame(frame, failure(u"States.Runtime"_s,
                                                   u"The TimestampPath parameter does not reference a valid ISO-8601 "
                                                   "extended offset date-time format string: %1"_s.arg(text(stamp))));
                        return;
                    }
                }
                if (until > mCloud.clock().now()) {
                    if (frame->topLevel) {
                        ex.current();
                        ex.record.checkpoint.insert(u"waitUntil"_s, until.toString(Qt::ISODateWithMs));
                    }
                    persist(ex);
                    const QJsonValue waited = *effective;
                    schedule(
                        until,
                        [this, frame, name, input, waited] {
                        if (frame->cancelled || frame->execution->ended)
                            return;
                        QString next;
                        QJsonValue output;
                        if (settle(frame, name, input, Outcome(waited), next, output))
                            run(frame, next, output);
                        },
                        true, &ex);
                    return;
                }
            }
            QString next;
            QJsonValue output;
            // Pass and Wait put their result at ResultPath (Wait's result is its input);
            // Succeed only filters its input.
            if (!settle(frame, name, input, type == "Succeed"_L1 ? Outcome(input) : result, next, output))
                return;
            name = next;
            input = output;
            continue;
        }
        if (type == "Fail"_L1) {
            QString error = state.value("Error"_L1).toString();
            QString cause = state.value("Cause"_L1).toString();
            for (const auto &[field, target] : {std::pair{"ErrorPath", &error}, std::pair{"CausePath", &cause}}) {
                if (!state.contains(QLatin1String(field)))
                    continue;
                const Outcome found = Asl::evaluatePath(state.value(QLatin1String(field)).toString(), inner,
                                                        QLatin1String(field));
                if (!found) {
                    finishFrame(frame, found.failure);
                    return;
                }
                *target = found->isString() ? found->toString() : text(*found);
            }
            finishFrame(frame, failure(error, cause));
            return;
        }
        if (type == "Task"_L1) {
            Outcome parameters = *effective;
            // A callback task's parameters name $$.Task.Token: startTask makes them with it.
            const bool callback = AslResource::parse(state.value("Resource"_L1).toString()).pattern
                                  == AslResource::Pattern::WaitForTaskToken;
            if (state.contains("Parameters"_L1) && !callback)
                parameters = Asl::applyTemplate(state.value("Parameters"_L1), inner);
            if (!parameters) {
                QString next;
                QJsonValue output;
                if (!settle(frame, name, input, parameters, next, output))
                    return;
                name = next;
                input = output;
                continue;
            }
            startTask(frame, name, state, input, *parameters);
            return;
        }
        if (type == "Parallel"_L1) {
            Outcome parameters = *effective;
            if (state.contains("Parameters"_L1))
                parameters = Asl::applyTemplate(state.value("Parameters"_L1), inner);
            if (!parameters) {
                finishFrame(frame, parameters.failure);
                return;
            }
            startParallel(frame, name, state, input, *parameters);
            return;
        }
        if (type == "Map"_L1) {
            startMap(frame, name, state, input, *effective);
            return;
        }
        finishFrame(frame, failure(u"States.Runtime"_s, u"unknown state type %1 in state '%2'"_s.arg(type, name)));
        return;
    }
}

bool WorkflowEngine::settle(const FramePtr &frame, const QString &name, const QJsonValue &rawInput,
                            const Outcome &outcome, QString &next, QJsonValue &output)
{
    Execution &ex = *frame->execution;
    const QJsonObject state = frame->machine.value("States"_L1).toObject().value(name).toObject();
    const QString type = typeOf(state);
    Outcome result = outcome;
    if (result) {
        if (state.contains("ResultSelector"_L1))
            result = Asl::applyTemplate(state.value("ResultSelector"_L1), scopeOf(frame, name, *result));
        if (result && type != "Succeed"_L1) {
            const QJsonValue path = state.value("ResultPath"_L1);
            if (path.isNull())
                result = rawInput;
            else
                result = Asl::placeAtPath(rawInput, path.toString(u"$"_s), *result);
        } else if (result) {
            result = rawInput; // Succeed: its input goes on
            if (state.contains("InputPath"_L1))
                result = state.value("InputPath"_L1).isNull()
                             ? Outcome(QJsonValue(QJsonObject()))
                             : Asl::evaluatePath(state.value("InputPath"_L1).toString(), scopeOf(frame, name, rawInput),
                                                 u"InputPath"_s);
        }
        if (result && state.contains("OutputPath"_L1)) {
            result = state.value("OutputPath"_L1).isNull()
                         ? Outcome(QJsonValue(QJsonObject()))
                         : Asl::evaluatePath(state.value("OutputPath"_L1).toString(), scopeOf(frame, name, *result),
                                             u"OutputPath"_s);
        }
        if (result && textOver(*result, kPayloadLimit))
            result = failure(u"States.DataLimitExceeded"_s,
                             u"The state/task '%1' returned a result with a size exceeding the maximum number of bytes "
                             "service limit."_s.arg(name));
        if (result) {
            addEvent(ex, frame, type + u"StateExited"_s, u"stateExitedEventDetails"_s, {}, Payload::Output, *result,
                     name);
            if (type == "Succeed"_L1 || state.value("End"_L1).toBool()) {
                finishFrame(frame, result);
                return false;
            }
            next = state.value("Next"_L1).toString();
            output = *result;
            return true;
        }
    }

    const Asl::Failure &f = result.failure;
    const QJsonArray retriers = state.value("Retry"_L1).toArray();
    for (int i = 0; i < retriers.size(); ++i) {
        const QJsonObject retrier = retriers.at(i).toObject();
        if (!errorMatches(retrier.value("ErrorEquals"_L1).toArray(), f.error))
            continue;
        QList<int> &attempts = frame->retries[name];
        while (attempts.size() < retriers.size())
            attempts.append(0);
        const int made = attempts[i];
        if (made >= retrier.value("MaxAttempts"_L1).toInt(3))
            break; // this retrier is spent: the catchers decide
        attempts[i] = made + 1;
        double delay = retrier.value("IntervalSeconds"_L1).toDouble(1)
                       * std::pow(retrier.value("BackoffRate"_L1).toDouble(2.0), made);
        if (retrier.contains("MaxDelaySeconds"_L1))
            delay = std::min(delay, retrier.value("MaxDelaySeconds"_L1).toDouble());
        if (retrier.value("JitterStrategy"_L1).toString() == "FULL"_L1)
            delay = QRandomGenerator::global()->bounded(delay);
        ++ex.record.transitions; // a retry is a transition, as AWS bills it
        const QJsonValue raw = rawInput;
        schedule(
            mCloud.clock().now().addMSecs(qint64(delay * 1000)),
            [this, frame, name, raw] {
            if (frame->cancelled || frame->execution->ended)
                return;
            const QJsonObject s = frame->machine.value("States"_L1).toObject().value(name).toObject();
            const Asl::Scope scope = scopeOf(frame, name, raw);
            const Outcome effective = inputOf(s, scope);
            Outcome parameters = effective;
            const bool callback = AslResource::parse(s.value("Resource"_L1).toString()).pattern
                                  == AslResource::Pattern::WaitForTaskToken;
            if (effective && s.contains("Parameters"_L1) && !callback)
                parameters = Asl::applyTemplate(s.value("Parameters"_L1), {*effective, {}, scope.makeContext});
            if (!parameters) {
                settleAsync(frame, name, raw, parameters);
                return;
            }
            const QString type = typeOf(s);
            if (type == "Task"_L1)
                startTask(frame, name, s, raw, *parameters);
            else if (type == "Parallel"_L1)
                startParallel(frame, name, s, raw, *parameters);
            else
                startMap(frame, name, s, raw, *effective);
            },
            true, &ex);
        return false;
    }
    for (const QJsonValue &value : state.value("Catch"_L1).toArray()) {
        const QJsonObject catcher = value.toObject();
        if (!errorMatches(catcher.value("ErrorEquals"_L1).toArray(), f.error))
            continue;
        const QJsonObject errorOutput{{u"Error"_s, f.error}, {u"Cause"_s, f.cause}};
        const QJsonValue path = catcher.value("ResultPath"_L1);
        const Outcome caught = path.isNull() ? Outcome(rawInput)
                                             : Asl::placeAtPath(rawInput, path.toString(u"$"_s), errorOutput);
        if (!caught)
            break;
        addEvent(ex, frame, type + u"StateExited"_s, u"stateExitedEventDetails"_s, {}, Payload::Output, *caught, name);
        next = catcher.value("Next"_L1).toString();
        output = *caught;
        return true;
    }
    finishFrame(frame,
                result.failure.error.isEmpty() ? failure(u"States.Runtime"_s, result.failure.cause) : result.failure);
    return false;
}

void WorkflowEngine::settleAsync(const FramePtr &frame, const QString &name, const QJsonValue &rawInput,
                                 const Outcome &outcome)
{
    if (frame->cancelled || frame->execution->ended)
        return;
    QString next;
    QJsonValue output;
    if (settle(frame, name, rawInput, outcome, next, output))
        run(frame, next, output);
}

void WorkflowEngine::finishFrame(const FramePtr &frameRef, const Outcome &outcome)
{
    const FramePtr frame = frameRef;
    if (frame->cancelled)
        return;
    frame->cancelled = !frame->topLevel; // a branch or an iteration ends once
    if (frame->done)
        frame->done(outcome);
}

void WorkflowEngine::finishExecution(Execution &ex, const QString &status, const Outcome &outcome)
{
    if (ex.ended)
        return;
    ex.ended = true;
    if (ex.root)
        ex.root->cancel();
    ExecutionRecord &r = ex.record;
    r.status = status;
    r.stopped = mCloud.clock().now();
    r.checkpoint = {};
    ex.checkpointPending = false;
    if (outcome) {
        r.output = *outcome;
        addEvent(ex, nullptr, u"ExecutionSucceeded"_s, u"executionSucceededEventDetails"_s, {}, Payload::Output,
                 *outcome);
    } else {
        r.error = outcome.failure.error;
        r.cause = outcome.failure.cause;
        const QString type = status == "TIMED_OUT"_L1 ? u"ExecutionTimedOut"_s
                             : status == "ABORTED"_L1 ? u"ExecutionAborted"_s
                                                      : u"ExecutionFailed"_s;
        const QString key = status == "TIMED_OUT"_L1 ? u"executionTimedOutEventDetails"_s
                            : status == "ABORTED"_L1 ? u"executionAbortedEventDetails"_s
                                                     : u"executionFailedEventDetails"_s;
        addEvent(ex, nullptr, type, key, {{u"error"_s, r.error}, {u"cause"_s, r.cause}});
    }
    cancelTimers(&ex);
    for (auto it = mTokens.begin(); it != mTokens.end();)
        it = it.value() == r.arn ? mTokens.erase(it) : std::next(it);

    CloudLogEntry entry = CloudLogEntry::failure(CloudLogEntry::Kind::ServiceChange, ex.logEntry, r.machine, r.machine,
                                                 {});
    entry.ok = outcome.value.has_value();
    entry.toNode = ex.node;
    entry.detail = outcome ? tr("execution %1 succeeded").arg(r.name)
                           : tr("execution %1 %2: %3").arg(r.name, status.toLower(), r.error);
    mCloud.addLog(entry);

    persist(ex);
    emit executionChanged(r);
    const ExecutionRecord finished = r;
    const Finished done = std::move(ex.done);
    const QList<Finished> waiters = std::move(ex.waiters);
    if (r.type == "EXPRESS"_L1) {
        mExpress.append(finished);
        mExpressHistory.insert(r.arn, ex.events);
        while (mExpress.size() > kKeptExecutions)
            mExpressHistory.remove(mExpress.takeFirst().arn);
    }
    // The execution's object goes once the event loop comes back: callers up the stack use it.
    const QString arn = r.arn;
    QTimer::singleShot(0, this, [this, arn] {
        flush();
        mExecutions.erase(arn);
    });
    if (done)
        done(finished);
    for (const Finished &waiter : waiters)
        waiter(finished);
}

// ---- Task states ----

void WorkflowEngine::startTask(const FramePtr &frame, const QString &name, const QJsonObject &state,
                               const QJsonValue &rawInput, const QJsonValue &givenParameters)
{
    Execution &ex = *frame->execution;
    const AslResource resource = AslResource::parse(state.value("Resource"_L1).toString());
    const QString resourceType = resource.resourceType();
    const QString resourceName = resource.resourceName();
    const bool plainLambda = resource.service == AslResource::Service::LambdaArn;

    // The callback pattern: a token for this attempt, in the context its parameters are made with.
    QString token;
    QJsonValue parameters = givenParameters;
    if (resource.pattern == AslResource::Pattern::WaitForTaskToken) {
        token = QString::fromLatin1(
            QCryptographicHash::hash(QUuid::createUuid().toByteArray(), QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QJsonObject withToken = context(frame, name);
        withToken.insert(u"Task"_s, QJsonObject{{u"Token"_s, token}});
        const Outcome effective = inputOf(state, {rawInput, withToken});
        const Outcome made = effective && state.contains("Parameters"_L1)
                                 ? Asl::applyTemplate(state.value("Parameters"_L1), {*effective, withToken})
                                 : effective;
        if (!made) {
            const QJsonValue raw = rawInput;
            QTimer::singleShot(0, this, [this, frame, name, raw, made] { settleAsync(frame, name, raw, made); });
            return;
        }
        parameters = *made;
    }
    const Asl::Scope scope = scopeOf(frame, name, rawInput);
    auto seconds = [&](const char *field, const char *pathField) -> int {
        if (state.contains(QLatin1String(pathField))) {
            const Outcome v = Asl::evaluatePath(state.value(QLatin1String(pathField)).toString(), scope);
            return v ? v->toInt() : 0;
        }
        return state.value(QLatin1String(field)).toInt();
    };
    const int timeout = seconds("TimeoutSeconds", "TimeoutSecondsPath");
    const int heartbeat = seconds("HeartbeatSeconds", "HeartbeatSecondsPath");

    if (plainLambda) {
        QJsonObject details{{u"resource"_s, resource.arn}};
        if (timeout > 0)
            details.insert(u"timeoutInSeconds"_s, timeout);
        addEvent(ex, frame, u"LambdaFunctionScheduled"_s, u"lambdaFunctionScheduledEventDetails"_s, details,
                 Payload::Input, parameters);
        addEvent(ex, frame, u"LambdaFunctionStarted"_s);
    } else {
        QJsonObject details{
            {u"resourceType"_s, resourceType}, {u"resource"_s, resourceName}, {u"region"_s, mCloud.region()}};
        if (timeout > 0)
            details.insert(u"timeoutInSeconds"_s, timeout);
        if (heartbeat > 0)
            details.insert(u"heartbeatInSeconds"_s, heartbeat);
        addEvent(ex, frame, u"TaskScheduled"_s, u"taskScheduledEventDetails"_s, details, Payload::Parameters,
                 parameters);
        addEvent(ex, frame, u"TaskStarted"_s, u"taskStartedEventDetails"_s,
                 {{u"resourceType"_s, resourceType}, {u"resource"_s, resourceName}});
    }

    // The task ends once: by its work, its timeout, its heartbeat or its token.
    auto settled = std::make_shared<bool>(false);
    auto timers = std::make_shared<QList<qint64>>();
    const QJsonValue raw = rawInput;
    auto complete = [this, frame, name, raw, settled, timers, plainLambda, resourceType,
                     resourceName](const Outcome &outcome, bool timedOut = false) {
        if (*settled || frame->cancelled || frame->execution->ended)
            return;
        *settled = true;
        for (qint64 id : *timers)
            mTimers.erase(id);
        Execution &ex = *frame->execution;
        if (plainLambda) {
            if (outcome)
                addEvent(ex, frame, u"LambdaFunctionSucceeded"_s, u"lambdaFunctionSucceededEventDetails"_s, {},
                         Payload::Output, *outcome);
            else
                addEvent(ex, frame, timedOut ? u"LambdaFunctionTimedOut"_s : u"LambdaFunctionFailed"_s,
                         timedOut ? u"lambdaFunctionTimedOutEventDetails"_s : u"lambdaFunctionFailedEventDetails"_s,
                         {{u"error"_s, outcome.failure.error}, {u"cause"_s, outcome.failure.cause}});
        } else if (outcome) {
            addEvent(ex, frame, u"TaskSucceeded"_s, u"taskSucceededEventDetails"_s,
                     {{u"resourceType"_s, resourceType}, {u"resource"_s, resourceName}}, Payload::Output, *outcome);
        } else {
            addEvent(ex, frame, timedOut ? u"TaskTimedOut"_s : u"TaskFailed"_s,
                     timedOut ? u"taskTimedOutEventDetails"_s : u"taskFailedEventDetails"_s,
                     {{u"resourceType"_s, resourceType},
                      {u"resource"_s, resourceName},
                      {u"error"_s, outcome.failure.error},
                      {u"cause"_s, outcome.failure.cause}});
        }
        // Not from inside the caller's stack: the function's answer may come synchronously.
        QTimer::singleShot(0, this, [this, frame, name, raw, outcome] { settleAsync(frame, name, raw, outcome); });
    };
    if (timeout > 0)
        timers->append(schedule(
            mCloud.clock().now().addSecs(timeout),
            [complete, timeout] {
            complete(failure(u"States.Timeout"_s, u"The task did not finish within %1 seconds"_s.arg(timeout)), true);
            },
            false, &ex));

    // The callback pattern: the work's own answer only says it was sent; the token ends the task.
    std::function<void(const Outcome &)> answer = complete;
    if (resource.pattern == AslResource::Pattern::WaitForTaskToken) {
        mTokens.insert(token, ex.record.arn);
        ex.tokens.insert(token, complete);
        if (heartbeat > 0) {
            ex.heartbeatSeconds.insert(token, heartbeat);
            const qint64 id = schedule(
                mCloud.clock().now().addSecs(heartbeat),
                [complete] {
                complete(failure(u"States.HeartbeatTimeout"_s, u"The task did not send a heartbeat in time"_s), true);
                },
                false, &ex);
            ex.heartbeats.insert(token, id);
            timers->append(id);
        }
        answer = [this, frame, resourceType, resourceName, complete](const Outcome &sent) {
            if (!sent) {
                complete(sent);
                return;
            }
            if (frame->cancelled || frame->execution->ended)
                return;
            addEvent(*frame->execution, frame, u"TaskSubmitted"_s, u"taskSubmittedEventDetails"_s,
                     {{u"resourceType"_s, resourceType}, {u"resource"_s, resourceName}}, Payload::Output, *sent);
        };
        perform(frame, resource, parameters, answer);
        return;
    }
    perform(frame, resource, parameters, answer);
}

void WorkflowEngine::perform(const FramePtr &frame, const AslResource &resource, const QJsonValue &parameters,
                             const std::function<void(const Outcome &)> &answer)
{
    Execution &ex = *frame->execution;
    const QJsonObject p = parameters.toObject();
    const qint64 cause = ex.logEntry;
    const Node *machineNode = mCloud.project().architecture().node(ex.node);
    const QString source = machineNode ? machineNode->name : ex.record.machine;
    using S = AslResource::Service;
    // A value the service takes as text: a string as it is, anything else as JSON.
    auto asText = [](const QJsonValue &v) { return v.isString() ? v.toString() : text(v); };

    switch (resource.service) {
    case S::Lambda:
    case S::LambdaArn: {
        const bool plain = resource.service == S::LambdaArn;
        const QString function = AslDefinition::resourceName(plain ? resource.function
                                                                   : p.value("FunctionName"_L1).toString());
        if (!plain && !p.contains("FunctionName"_L1)) {
            answer(failure(u"States.Runtime"_s, u"lambda:invoke needs FunctionName in its Parameters"_s));
            return;
        }
        const QJsonValue payload = plain ? parameters : p.value("Payload"_L1);
        const QByteArray event = payload.isUndefined() ? QByteArray("{}") : compact(payload);
        const bool async = !plain && p.value("InvocationType"_L1).toString() == "Event"_L1;
        const Node *target = mCloud.project().architecture().nodeByName(function);
        if (!target || target->kind != Kinds::Function) {
            answer(failure(u"Lambda.ResourceNotFoundException"_s,
                           u"Function not found: arn:aws:lambda:%1:%2:function:%3"_s.arg(
                               mCloud.region(), QLatin1String(AwsEndpoint::kAccountId), function)));
            return;
        }
        if (async) {
            const Result<qint64> sent = mCloud.invokeAsync(function, event, source, cause);
            if (!sent)
                answer(failure(u"Lambda.ServiceException"_s, sent.errorMessage()));
            else
                answer(QJsonValue(QJsonObject{{u"Payload"_s, QString()}, {u"StatusCode"_s, 202}}));
            return;
        }
        const Result<qint64> started = mCloud.invoke(
            function, event, source, cause,
            [answer, plain](const InvocationResult &result) {
            if (!result.ok) {
                const QString type = result.error.value("errorType"_L1).toString();
                QJsonObject cause{{u"errorMessage"_s, result.error.value("errorMessage"_L1)}, {u"errorType"_s, type}};
                if (result.error.contains("stackTrace"_L1))
                    cause.insert(u"trace"_s, result.error.value("stackTrace"_L1));
                const QString error = type == "TooManyRequestsException"_L1 ? u"Lambda.TooManyRequestsException"_s
                                      : type.isEmpty()                      ? u"Lambda.Unknown"_s
                                                                            : type;
                answer(failure(error, text(cause)));
                return;
            }
            const std::optional<QJsonValue> value = parseValue(result.resultJson);
            const QJsonValue payload = value ? *value : QJsonValue(QString::fromUtf8(result.resultJson));
            if (plain) {
                answer(payload);
                return;
            }
            QJsonObject output = sdkMetadata(result.requestId);
            output.insert(u"ExecutedVersion"_s, u"$LATEST"_s);
            output.insert(u"Payload"_s, payload);
            output.insert(u"StatusCode"_s, 200);
            answer(QJsonValue(output));
            },
            false, ex.node);
        if (!started)
            answer(failure(u"Lambda.ServiceException"_s, started.errorMessage()));
        return;
    }
    case S::SqsSend: {
        QString queue = AslDefinition::resourceName(p.value("QueueUrl"_L1).toString());
        if (queue.endsWith(".fifo"_L1))
            queue.chop(5);
        if (!mCloud.isQueue(queue)) {
            answer(
                failure(u"SQS.QueueDoesNotExistException"_s,
                        u"The specified queue does not exist (QueueUrl %1)"_s.arg(p.value("QueueUrl"_L1).toString())));
            return;
        }
        const QByteArray body = asText(p.value("MessageBody"_L1)).toUtf8();
        const QJsonObject attributes = p.value("MessageAttributes"_L1).toObject();
        QString id;
        if (mCloud.isFifo(queue)) {
            const Result<SentMessage> sent = mCloud.sendFifoMessage(
                queue, body, attributes,
                {p.value("MessageGroupId"_L1).toString(), p.value("MessageDeduplicationId"_L1).toString()}, cause);
            if (!sent) {
                answer(failure(u"SQS.AmazonSQSException"_s, sent.errorMessage()));
                return;
            }
            id = sent->id;
        } else {
            const Result<QString> sent = mCloud.sendMessage(queue, body, attributes, p.value("DelaySeconds"_L1).toInt(),
                                                            cause);
            if (!sent) {
                answer(failure(u"SQS.AmazonSQSException"_s, sent.errorMessage()));
                return;
            }
            id = *sent;
        }
        QJsonObject output = sdkMetadata(newRequestId());
        output.insert(u"MessageId"_s, id);
        output.insert(u"Md5OfMessageBody"_s,
                      QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex()));
        answer(QJsonValue(output));
        return;
    }
    case S::SnsPublish: {
        const QString topic =
            AslDefinition::resourceName(p.value("TopicArn"_L1).toString()).remove(QRegularExpression(u"\\.fifo$"_s));
        const Node *node = mCloud.project().architecture().nodeByName(topic);
        if (!node || node->kind != Kinds::Topic) {
            answer(failure(u"SNS.NotFoundException"_s,
                           u"Topic does not exist (TopicArn %1)"_s.arg(p.value("TopicArn"_L1).toString())));
            return;
        }
        const QString message = asText(p.value("Message"_L1));
        const QString subject = p.value("Subject"_L1).toString();
        const QJsonObject attributes = p.value("MessageAttributes"_L1).toObject();
        Result<QString> sent = fail({});
        if (mCloud.isFifo(topic)) {
            const Result<SentMessage> fifo = mCloud.publishMessage(
                topic, message,
                {p.value("MessageGroupId"_L1).toString(), p.value("MessageDeduplicationId"_L1).toString()}, subject,
                cause, attributes);
            sent = fifo ? Result<QString>(fifo->id) : Result<QString>(fifo.error());
        } else {
            sent = mCloud.publish(topic, message, subject, cause, attributes);
        }
        if (!sent) {
            answer(failure(u"SNS.InvalidParameterException"_s, sent.errorMessage()));
            return;
        }
        QJsonObject output = sdkMetadata(newRequestId());
        output.insert(u"MessageId"_s, *sent);
        answer(QJsonValue(output));
        return;
    }
    case S::DynamoGet:
    case S::DynamoPut:
    case S::DynamoUpdate:
    case S::DynamoDelete: {
        if (!mEndpoint) {
            answer(failure(u"States.Runtime"_s, u"DynamoDB tasks need the local cloud's AWS endpoint"_s));
            return;
        }
        QJsonObject body = p;
        body.insert(u"TableName"_s, AslDefinition::resourceName(p.value("TableName"_L1).toString()));
        const QString operation = resource.resourceName().left(1).toUpper() + resource.resourceName().mid(1);
        AwsRequest request;
        request.method = u"POST"_s;
        request.path = u"/"_s;
        request.headers = {{"x-amz-target", "DynamoDB_20120810." + operation.toLatin1()},
                           {"content-type", "application/x-amz-json-1.0"},
                           {"host", "localhost"}};
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.cause = cause;
        request.when = mCloud.clock().now();
        mEndpoint->handle(request, [answer](const HttpResponseData &response) {
            const QJsonObject reply = QJsonDocument::fromJson(response.body).object();
            if (response.status != 200) {
                const QString code = reply.value("__type"_L1).toString().section(u'#', -1);
                answer(failure(u"DynamoDB."_s + (code.isEmpty() ? u"AmazonDynamoDBException"_s : code),
                               reply.value("message"_L1).toString(reply.value("Message"_L1).toString())));
                return;
            }
            QJsonObject output = reply;
            const QJsonObject metadata = sdkMetadata(newRequestId());
            for (auto it = metadata.begin(); it != metadata.end(); ++it)
                output.insert(it.key(), it.value());
            answer(QJsonValue(output));
        });
        return;
    }
    case S::StartExecution: {
        const QString target = p.value("StateMachineArn"_L1).toString();
        const QJsonValue input = p.value("Input"_L1);
        const QByteArray inputText = input.isUndefined() ? QByteArray("{}")
                                     : input.isString()  ? input.toString().toUtf8()
                                                         : compact(input);
        const bool sync = resource.pattern == AslResource::Pattern::Sync;
        const bool jsonOutput = resource.arn.endsWith(":2"_L1);
        Finished whenDone;
        if (sync)
            whenDone = [answer, jsonOutput](const ExecutionRecord &child) {
                QJsonObject described{{u"ExecutionArn"_s, child.arn},
                                      {u"Input"_s, text(child.input)},
                                      {u"InputDetails"_s, QJsonObject{{u"Included"_s, true}}},
                                      {u"Name"_s, child.name},
                                      {u"StartDate"_s, child.started.toMSecsSinceEpoch()},
                                      {u"StateMachineArn"_s, child.machineArn},
                                      {u"Status"_s, child.status},
                                      {u"StopDate"_s, child.stopped.toMSecsSinceEpoch()}};
                if (child.status == "SUCCEEDED"_L1) {
                    described.insert(u"Output"_s, jsonOutput ? child.output : QJsonValue(text(child.output)));
                    described.insert(u"OutputDetails"_s, QJsonObject{{u"Included"_s, true}});
                    answer(QJsonValue(described));
                } else {
                    described.insert(u"Error"_s, child.error);
                    described.insert(u"Cause"_s, child.cause);
                    answer(failure(u"States.TaskFailed"_s, text(described)));
                }
            };
        const Result<QString> started = startExecution(target, inputText, p.value("Name"_L1).toString(), cause,
                                                       whenDone);
        if (!started) {
            const QString code = started.errorMessage().section(u':', 0, 0);
            answer(failure(u"StepFunctions."_s + code + u"Exception"_s,
                           started.errorMessage().section(u':', 1).trimmed()));
            return;
        }
        if (!sync) {
            const std::optional<ExecutionRecord> child = execution(*started);
            answer(QJsonValue(QJsonObject{{u"ExecutionArn"_s, *started},
                                          {u"StartDate"_s, child ? child->started.toMSecsSinceEpoch() : 0}}));
        }
        return;
    }
    case S::PutEvents: {
        QJsonArray entries;
        for (const QJsonValue &value : p.value("Entries"_L1).toArray()) {
            QJsonObject entry = value.toObject();
            if (entry.contains("Detail"_L1) && !entry.value("Detail"_L1).isString())
                entry.insert(u"Detail"_s, text(entry.value("Detail"_L1)));
            entries.append(entry);
        }
        const QJsonArray results = mCloud.putEvents(u"default"_s, entries, cause);
        int failed = 0;
        for (const QJsonValue &r : results)
            failed += r.toObject().contains("ErrorCode"_L1) ? 1 : 0;
        QJsonObject output = sdkMetadata(newRequestId());
        output.insert(u"Entries"_s, results);
        output.insert(u"FailedEntryCount"_s, failed);
        if (failed)
            answer(failure(u"EventBridge.FailedEntry"_s, text(output)));
        else
            answer(QJsonValue(output));
        return;
    }
    case S::Invalid: break;
    }
    answer(failure(u"States.Runtime"_s, u"The resource %1 is not served by the local executor"_s.arg(resource.arn)));
}

// ---- Parallel and Map ----

void WorkflowEngine::startParallel(const FramePtr &frame, const QString &name, const QJsonObject &state,
                                   const QJsonValue &rawInput, const QJsonValue &effective)
{
    Execution &ex = *frame->execution;
    addEvent(ex, frame, u"ParallelStateStarted"_s);
    const QJsonArray branches = state.value("Branches"_L1).toArray();
    struct Join
    {
        QJsonArray results;
        qsizetype remaining = 0;
        bool failed = false;
        QList<FramePtr> children;
    };
    auto join = std::make_shared<Join>();
    join->remaining = branches.size();
    for (int i = 0; i < branches.size(); ++i)
        join->results.append(QJsonValue());
    const QJsonValue raw = rawInput;
    for (int i = 0; i < branches.size(); ++i) {
        auto child = std::make_shared<Frame>();
        child->execution = &ex;
        child->machine = branches.at(i).toObject();
        child->lastEvent = frame->lastEvent;
        child->mapIndex = frame->mapIndex;
        child->mapItem = frame->mapItem;
        frame->children.append(child);
        join->children.append(child);
        std::weak_ptr<Frame> weakChild = child;
        child->done = [this, frame, name, raw, join, i, weakChild](const Outcome &outcome) {
            if (join->failed || frame->cancelled)
                return;
            if (const FramePtr c = weakChild.lock())
                frame->lastEvent = std::max(frame->lastEvent, c->lastEvent);
            if (!outcome) {
                join->failed = true;
                for (const FramePtr &other : join->children)
                    other->cancel();
                frame->children.clear();
                QTimer::singleShot(0, this, [join] { join->children.clear(); });
                addEvent(*frame->execution, frame, u"ParallelStateFailed"_s);
                QTimer::singleShot(0, this,
                                   [this, frame, name, raw, outcome] { settleAsync(frame, name, raw, outcome); });
                return;
            }
            join->results[i] = *outcome;
            if (--join->remaining == 0) {
                frame->children.clear();
                QTimer::singleShot(0, this, [join] { join->children.clear(); });
                addEvent(*frame->execution, frame, u"ParallelStateSucceeded"_s);
                const QJsonValue results = join->results;
                QTimer::singleShot(
                    0, this, [this, frame, name, raw, results] { settleAsync(frame, name, raw, Outcome(results)); });
            }
        };
    }
    for (const FramePtr &child : join->children)
        if (!join->failed)
            run(child, child->machine.value("StartAt"_L1).toString(), effective);
}

void WorkflowEngine::startMap(const FramePtr &frame, const QString &name, const QJsonObject &state,
                              const QJsonValue &rawInput, const QJsonValue &effective)
{
    Execution &ex = *frame->execution;
    const Asl::Scope scope = scopeOf(frame, name, effective);
    const Outcome items = state.contains("ItemsPath"_L1)
                              ? Asl::evaluatePath(state.value("ItemsPath"_L1).toString(), scope, u"ItemsPath"_s)
                              : Outcome(effective);
    if (!items || !items->isArray()) {
        settleAsync(frame, name, rawInput,
                    items ? Outcome(failure(
                        u"States.Runtime"_s,
                        u"Map state '%1': the ItemsPath does not select an array: %2"_s.arg(name, text(*items))))
                          : items);
        return;
    }
    const QJsonArray list = items->toArray();
    addEvent(ex, frame, u"MapStateStarted"_s, u"mapStateStartedEventDetails"_s, {{u"length"_s, list.size()}});
    const QJsonObject processor =
        state.value(state.contains("Iterator"_L1) ? "Iterator"_L1 : "ItemProcessor"_L1).toObject();
    const QJsonValue selector = state.contains("ItemSelector"_L1) ? state.value("ItemSelector"_L1)
                                                                  : state.value("Parameters"_L1);
    const int maxConcurrency = state.value("MaxConcurrency"_L1).toInt(0);
    const bool tolerates = state.contains("ToleratedFailureCount"_L1)
                           || state.contains("ToleratedFailurePercentage"_L1);
    const int toleratedCount = state.value("ToleratedFailureCount"_L1).toInt(tolerates ? INT_MAX : 0);
    const double toleratedPercent = state.value("ToleratedFailurePercentage"_L1).toDouble(tolerates ? 100.0 : 0.0);

    struct MapRun
    {
        QJsonArray items;
        QJsonArray results;
        qsizetype next = 0;
        qsizetype running = 0;
        qsizetype finished = 0;
        int failures = 0;
        bool over = false;
        bool launching = false;
        QList<FramePtr> children;
        QJsonObject context; // the Map state's, made for the first item that reads it
    };
    auto m = std::make_shared<MapRun>();
    m->items = list;
    for (qsizetype i = 0; i < list.size(); ++i)
        m->results.append(QJsonValue());
    const QJsonValue raw = rawInput;
    const QString processorName = name;

    auto end = [this, frame, name, raw, m](const Outcome &outcome) {
        m->over = true;
        for (const FramePtr &c : m->children)
            c->cancel();
        frame->children.clear();
        // The iterations go once the event loop comes back: one of them is calling this.
        QTimer::singleShot(0, this, [m] { m->children.clear(); });
        addEvent(*frame->execution, frame, outcome ? u"MapStateSucceeded"_s : u"MapStateFailed"_s);
        QTimer::singleShot(0, this, [this, frame, name, raw, outcome] { settleAsync(frame, name, raw, outcome); });
    };
    if (list.isEmpty()) {
        end(QJsonValue(QJsonArray()));
        return;
    }
    // Starts iterations up to the concurrency; an iteration that ends at once does not
    // start the next from inside itself, so 10,000 items do not make 10,000 frames deep.
    auto launch = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weakLaunch = launch;
    *launch = [this, frame, m, processor, selector, maxConcurrency, toleratedCount, toleratedPercent, end,
               processorName, weakLaunch, effective]() {
        if (m->launching)
            return;
        m->launching = true;
        const auto again = weakLaunch.lock();
        while (!m->over && !frame->cancelled && m->next < m->items.size()
               && (maxConcurrency <= 0 || m->running < maxConcurrency)) {
            const qsizetype index = m->next++;
            ++m->running;
            auto child = std::make_shared<Frame>();
            child->execution = frame->execution;
            child->machine = processor;
            child->mapIndex = int(index);
            child->mapItem = m->items.at(index);
            child->lastEvent = frame->lastEvent;
            m->children.append(child);
            frame->children.append(child);
            addEvent(*frame->execution, frame, u"MapIterationStarted"_s, u"mapIterationStartedEventDetails"_s,
                     {{u"name"_s, processorName}, {u"index"_s, int(index)}});
            child->done = [this, frame, m, index, end, toleratedCount, toleratedPercent, processorName,
                           again](const Outcome &outcome) {
                if (m->over)
                    return;
                --m->running;
                ++m->finished;
                addEvent(*frame->execution, frame, outcome ? u"MapIterationSucceeded"_s : u"MapIterationFailed"_s,
                         outcome ? u"mapIterationSucceededEventDetails"_s : u"mapIterationFailedEventDetails"_s,
                         {{u"name"_s, processorName}, {u"index"_s, int(index)}});
                if (outcome) {
                    m->results[index] = *outcome;
                } else {
                    ++m->failures;
                    m->results[index] = QJsonObject{{u"Error"_s, outcome.failure.error},
                                                    {u"Cause"_s, outcome.failure.cause}};
                    const double percent = 100.0 * m->failures / double(m->items.size());
                    if (m->failures > toleratedCount || percent > toleratedPercent) {
                        end(toleratedCount == 0 && toleratedPercent == 0.0
                                ? outcome
                                : Outcome(failure(u"States.ExceedToleratedFailureThreshold"_s,
                                                  u"The Map state '%1' failed %2 of %3 items"_s.arg(processorName)
                                                      .arg(m->failures)
                                                      .arg(m->items.size()))));
                        return;
                    }
                }
                if (m->finished == m->items.size()) {
                    end(QJsonValue(m->results));
                    return;
                }
                if (again)
                    (*again)();
            };
            Outcome input = child->mapItem;
            if (!selector.isUndefined() && !selector.isNull()) {
                // The Map state's context is made once, each item's only adds the item.
                auto itemContext = [this, frame, m, processorName, index, item = child->mapItem,
                                    made = std::optional<QJsonValue>()]() mutable {
                    if (!made) {
                        if (m->context.isEmpty())
                            m->context = context(frame, processorName);
                        QJsonObject ctx = m->context;
                        ctx.insert(u"Map"_s,
                                   QJsonObject{{u"Item"_s, QJsonObject{{u"Index"_s, int(index)}, {u"Value"_s, item}}}});
                        made = QJsonValue(ctx);
                    }
                    return *made;
                };
                input = Asl::applyTemplate(selector, {effective, {}, itemContext});
            }
            if (!input)
                child->done(input);
            else
                run(child, processor.value("StartAt"_L1).toString(), *input);
        }
        // The loop goes on while an iteration that ended inside it left room: it did not
        // start the next one itself.
        m->launching = false;
    };
    // The iterations hold the launcher (each calls it when it ends) until the Map ends.
    (*launch)();
}

// ---- times ----

qint64 WorkflowEngine::schedule(const QDateTime &due, std::function<void()> fire, bool isWait, Execution *execution)
{
    const qint64 id = mNextTimer++;
    auto timer = std::make_unique<Timer>();
    timer->due = due;
    timer->fire = std::move(fire);
    timer->isWait = isWait;
    timer->execution = execution;
    mTimers.emplace(id, std::move(timer));
    return id;
}

void WorkflowEngine::cancelTimers(Execution *execution)
{
    for (auto it = mTimers.begin(); it != mTimers.end();)
        it = it->second->execution == execution ? mTimers.erase(it) : std::next(it);
}

void WorkflowEngine::tick()
{
    if (!mRunning)
        return;
    const QDateTime now = mCloud.clock().now();
    QList<qint64> due;
    for (const auto &entry : mTimers)
        if (entry.second->due <= now)
            due.append(entry.first);
    for (qint64 id : due) {
        auto found = mTimers.find(id);
        if (found == mTimers.end())
            continue; // an earlier one cancelled it
        const std::function<void()> fire = std::move(found->second->fire);
        mTimers.erase(found);
        fire();
    }
}

QDateTime WorkflowEngine::nextDue() const
{
    QDateTime first;
    for (const auto &entry : mTimers)
        if (!first.isValid() || entry.second->due < first)
            first = entry.second->due;
    return first;
}

int WorkflowEngine::skipWaits()
{
    QList<qint64> waits;
    for (const auto &entry : mTimers)
        if (entry.second->isWait)
            waits.append(entry.first);
    for (qint64 id : waits) {
        auto found = mTimers.find(id);
        if (found == mTimers.end())
            continue;
        const std::function<void()> fire = std::move(found->second->fire);
        mTimers.erase(found);
        fire();
    }
    return int(waits.size());
}

// ---- what the API asks ----

Result<void> WorkflowEngine::stopExecution(const QString &arn, const QString &error, const QString &cause)
{
    const auto found = mExecutions.find(arn);
    if (found == mExecutions.end() || found->second->ended) {
        if (execution(arn))
            return {}; // AWS answers a stop of a finished execution with its stop date
        return fail(u"ExecutionDoesNotExist: Execution Does Not Exist: '%1'"_s.arg(arn));
    }
    finishExecution(*found->second, u"ABORTED"_s, failure(error, cause));
    return {};
}

Result<void> WorkflowEngine::sendTaskSuccess(const QString &token, const QByteArray &output)
{
    const auto arn = mTokens.find(token);
    if (arn == mTokens.end())
        return fail(u"TaskDoesNotExist: Task Does Not Exist"_s);
    const std::optional<QJsonValue> value = parseValue(output);
    if (!value)
        return fail(u"InvalidOutput: Invalid Output: the output is not JSON"_s);
    Execution &ex = *mExecutions.at(*arn);
    const auto complete = ex.tokens.take(token);
    mTokens.erase(arn);
    if (complete)
        complete(*value);
    return {};
}

Result<void> WorkflowEngine::sendTaskFailure(const QString &token, const QString &error, const QString &cause)
{
    const auto arn = mTokens.find(token);
    if (arn == mTokens.end())
        return fail(u"TaskDoesNotExist: Task Does Not Exist"_s);
    Execution &ex = *mExecutions.at(*arn);
    const auto complete = ex.tokens.take(token);
    mTokens.erase(arn);
    if (complete)
        complete(failure(error.isEmpty() ? u"States.TaskFailed"_s : error, cause));
    return {};
}

Result<void> WorkflowEngine::sendTaskHeartbeat(const QString &token)
{
    const auto arn = mTokens.find(token);
    if (arn == mTokens.end())
        return fail(u"TaskDoesNotExist: Task Does Not Exist"_s);
    Execution &ex = *mExecutions.at(*arn);
    if (const auto timer = mTimers.find(ex.heartbeats.value(token)); timer != mTimers.end())
        timer->second->due = mCloud.clock().now().addSecs(ex.heartbeatSeconds.value(token));
    return {};
}

std::optional<ExecutionRecord> WorkflowEngine::execution(const QString &arn) const
{
    if (const auto found = mExecutions.find(arn); found != mExecutions.end())
        return found->second->current();
    for (const ExecutionRecord &e : mExpress)
        if (e.arn == arn)
            return e;
    if (!mRunning)
        return std::nullopt;
    return mCloud.state().execution(arn);
}

QList<ExecutionRecord> WorkflowEngine::executions(const QString &machineName, const QString &status) const
{
    const Node *node = machine(machineName);
    if (!node)
        return {};
    QList<ExecutionRecord> found;
    QSet<QString> seen;
    for (const auto &entry : mExecutions) {
        const ExecutionRecord &r = entry.second->current();
        if (r.machine == node->name && (status.isEmpty() || r.status == status)) {
            found.append(r);
            seen.insert(r.arn);
        }
    }
    for (auto it = mExpress.crbegin(); it != mExpress.crend(); ++it)
        if (it->machine == node->name && (status.isEmpty() || it->status == status))
            found.append(*it);
    if (mRunning)
        for (const ExecutionRecord &r : mCloud.state().executions(node->name, status))
            if (!seen.contains(r.arn))
                found.append(r);
    std::stable_sort(found.begin(), found.end(),
                     [](const ExecutionRecord &a, const ExecutionRecord &b) { return a.started > b.started; });
    return found;
}

QList<ExecutionEvent> WorkflowEngine::history(const QString &arn) const
{
    if (const auto found = mExecutions.find(arn); found != mExecutions.end())
        return madeEvents(found->second->events);
    if (const auto found = mExpressHistory.constFind(arn); found != mExpressHistory.cend())
        return madeEvents(*found);
    return mRunning ? mCloud.state().events(arn) : QList<ExecutionEvent>();
}

// ---- keeping them ----

void WorkflowEngine::persist(Execution &execution)
{
    if (execution.record.type != "STANDARD"_L1)
        return;
    if (!mDirty.contains(execution.record.arn))
        mDirty.append(execution.record.arn);
    if (!mFlushTimer.isActive())
        mFlushTimer.start();
}

void WorkflowEngine::flush()
{
    if (mDirty.isEmpty() || !mRunning)
        return;
    QList<ExecutionStore::Change> changes;
    QSet<QString> machinesDone;
    for (const QString &arn : std::as_const(mDirty)) {
        const auto found = mExecutions.find(arn);
        if (found == mExecutions.end())
            continue;
        Execution &ex = *found->second;
        changes.append({ex.current(), madeEvents(ex.events, ex.persistedEvents)});
        ex.persistedEvents = ex.events.size();
        if (ex.ended)
            machinesDone.insert(ex.record.machine);
    }
    mDirty.clear();
    if (const Result<void> saved = mCloud.state().saveChanges(changes); !saved)
        qWarning("nimbus: the executions could not be saved: %s", qPrintable(saved.errorMessage()));
    // The oldest finished executions go in steps of a hundred, not at every end.
    for (const QString &machine : machinesDone)
        if (++mFinishedSinceTrim[machine] >= 100) {
            mFinishedSinceTrim.remove(machine);
            (void)mCloud.state().trimExecutions(machine, kKeptExecutions);
        }
}

} // namespace Nimbus
