#include "scenariorunner.h"

#include "cloud/awsendpoint.h"
#include "cloud/cloudstate.h"
#include "cloud/gatewayserver.h"
#include "cloud/httpclient.h"
#include "cloud/localcloud.h"
#include "cloud/routeauthorizer.h"
#include "cloud/userpool.h"
#include "cloud/virtualclock.h"
#include "document/project.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "runtime/functionrunner.h"
#include "runtime/instancepool.h"
#include "storage/projectfile.h"
#include "workflow/workflowengine.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

using Kind = ScenarioStep::Kind;

constexpr int kPollMs = 20;
// Nothing running and nothing logged for this long, after the cloud was asked to deliver
// what is due: settled.
constexpr int kQuietMs = 100;
// Where a scenario's clock starts when it does not say: a fixed time, so runs repeat.
const char *const kDefaultStart = "2027-01-04T08:00:00Z";

QJsonValue parsedOrText(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(text);
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

QByteArray bodyOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toUtf8();
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isDouble())
        return QByteArray::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? "true" : "false";
    return {};
}

QString text(const QJsonValue &args, const char *key)
{
    const QJsonValue v = args[QLatin1String(key)];
    return v.isString() ? v.toString() : QString::fromUtf8(bodyOf(v));
}

} // namespace

ScenarioRunner::ScenarioRunner(const QString &projectPath, Scenario scenario, QObject *parent)
    : QObject(parent), mProjectPath(projectPath), mScenario(std::move(scenario)), mPoll(new QTimer(this))
{
    qRegisterMetaType<Nimbus::ScenarioStepResult>();
    qRegisterMetaType<Nimbus::ScenarioResult>();
    mPoll->setInterval(kPollMs);
    connect(mPoll, &QTimer::timeout, this, &ScenarioRunner::poll);
    mResult.name = mScenario.name;
    mResult.fileName = mScenario.fileName;
}

ScenarioRunner::~ScenarioRunner()
{
    ++mGeneration;
    if (mEndpoint)
        mEndpoint->close();
    if (mGateway)
        mGateway->close();
    mEndpoint.reset();
    mGateway.reset();
    if (mCloud)
        mCloud->stop();
    mCloud.reset();
    if (mRunner)
        mRunner->pool()->stopAll();
}

const ScenarioStep &ScenarioRunner::currentStep() const
{
    return mStep < mScenario.steps.size() ? mScenario.steps.at(mStep)
                                          : mScenario.invariants.at(mStep - mScenario.steps.size());
}

void ScenarioRunner::start()
{
    if (mRunning)
        return;
    mRunning = true;
    mCancelled = false;
    mRunClock.start();
    mResult = {};
    mResult.name = mScenario.name;
    mResult.fileName = mScenario.fileName;
    mResult.seed = mSeedOverride.value_or(mScenario.seed.value_or(1));
    if (const Result<void> ready = setUp(); !ready) {
        mResult.error = ready.errorMessage();
        // Said after start() returns, as every other outcome is.
        QTimer::singleShot(0, this, &ScenarioRunner::finish);
        return;
    }
    mRun = 0;
    beginRun();
}

void ScenarioRunner::cancel()
{
    if (!mRunning || mCancelled)
        return;
    mCancelled = true;
    ++mGeneration;
    mPoll->stop();
    stepDone(false, tr("cancelled"));
}

Result<void> ScenarioRunner::setUp()
{
    mProject = std::make_unique<Project>(Catalog::builtin());
    if (const Result<void> loaded = ProjectFile().load(mProjectPath, *mProject); !loaded)
        return loaded;
    // The scenario's faults: properties of its copy of the design, for these runs only.
    for (auto it = mScenario.faults.cbegin(); it != mScenario.faults.cend(); ++it) {
        const Node *node = mProject->architecture().nodeByName(it.key());
        if (!node)
            return fail(tr("%1: faults: the design has no node named %2").arg(mScenario.fileName, it.key()));
        const NodeKind *kind = mProject->catalog().kind(node->kind);
        for (auto p = it.value().begin(); p != it.value().end(); ++p) {
            if (!kind || !kind->property(p.key()))
                return fail(tr("%1: faults: a %2 has no property %3").arg(mScenario.fileName, node->kind, p.key()));
            if (const Result<void> set = mProject->setNodeProperty(node->id, p.key(), p.value()); !set)
                return fail(tr("%1: faults: %2.%3: %4").arg(mScenario.fileName, it.key(), p.key(), set.errorMessage()));
        }
    }
    if (const Result<void> names = checkNames(); !names)
        return names;
    mRunner = std::make_unique<FunctionRunner>();
    mRunner->setProject(mProject.get());
    mRunner->setRecording(false);
    connect(mRunner.get(), &FunctionRunner::finished, this,
            [this](NodeId function, const InvocationResult &result, bool, qint64) {
        const Node *node = mProject->architecture().node(function);
        if (!node)
            return;
        mFunctionLogs[node->name].append(result.logs);
        // Lambda's runtime logs an error the handler did not catch, as this line.
        if (!result.ok)
            mFunctionLogs[node->name].append(
                u"ERROR\tInvoke Error \t"_s
                + QString::fromUtf8(QJsonDocument(result.error).toJson(QJsonDocument::Compact)));
    });
    mCloud = std::make_unique<LocalCloud>(*mProject, *mRunner);
    // The project's permissions mode, as the studio and nimbus serve run it.
    mCloud->setIamMode(LocalCloud::iamModeOf(*mProject));
    connect(mCloud.get(), &LocalCloud::logged, this, [this] {
        mSinceLog.restart();
        mTicked = false;
    });
    mStateRoot = std::make_unique<QTemporaryDir>();
    if (!mStateRoot->isValid())
        return fail(tr("cannot make a state folder: %1").arg(mStateRoot->errorString()));
    return {};
}

Result<void> ScenarioRunner::checkNames() const
{
    // Each node a step names, of the kind the step needs: said with the step's place.
    static const QList<QPair<const char *, QLatin1String>> roles = {
        {"queue", Kinds::Queue},          {"topic", Kinds::Topic},  {"bucket", Kinds::Bucket},
        {"table", Kinds::Table},          {"bus", Kinds::EventBus}, {"function", Kinds::Function},
        {"machine", Kinds::StateMachine},
    };
    QList<ScenarioStep> all = mScenario.steps + mScenario.invariants;
    for (const ScenarioStep &step : mScenario.steps + mScenario.invariants)
        all += step.alternatives;
    for (const ScenarioStep &step : std::as_const(all)) {
        const QString place = u"%1:%2:%3"_s.arg(mScenario.fileName).arg(step.line).arg(step.column);
        for (const auto &[role, kind] : roles) {
            const QJsonValue name = step.args[QLatin1String(role)];
            if (!name.isString() || name.toString().contains("${"_L1))
                continue;
            // A queue's dead-letter queue is the local cloud's own, named after it.
            QString nodeName = name.toString();
            if (kind == Kinds::Queue && nodeName.endsWith("-dlq"_L1))
                nodeName.chop(4);
            const Node *node = mProject->architecture().nodeByName(nodeName);
            if (!node || node->kind != kind)
                return fail(
                    tr("%1: the design has no %2 named %3").arg(place, QString::fromUtf8(role), name.toString()));
        }
        if (step.kind == Kind::ExpectHops)
            for (const QJsonValue &name : step.args.toArray())
                if (!mProject->architecture().nodeByName(name.toString()))
                    return fail(tr("%1: the design has no node named %2").arg(place, name.toString()));
    }
    return {};
}

void ScenarioRunner::beginRun()
{
    const quint64 seed = mResult.seed + quint64(mRun);
    mCloud->stop();
    mVariables.clear();
    mFunctionLogs.clear();
    mStep = 0;
    VirtualClock &clock = mCloud->virtualClock();
    clock.set(QDateTime::fromString(
        mScenario.clockStart.isEmpty() ? QString::fromLatin1(kDefaultStart) : mScenario.clockStart, Qt::ISODate));
    clock.pause();
    // The faults' choices: the same for the same seed.
    mCloud->setFaultSeed(seed);
    Result<void> started = mCloud->start(mStateRoot->filePath(u"run-%1"_s.arg(mRun)));
    if (started && !mGateway) {
        mGateway = std::make_unique<GatewayServer>(*mCloud);
        started = mGateway->listen(QHostAddress::LocalHost, 0);
    }
    if (started && !mEndpoint) {
        mEndpoint = std::make_unique<AwsEndpoint>(*mCloud);
        started = mEndpoint->listen(QHostAddress::LocalHost, 0);
    }
    if (!started) {
        mResult.error = started.errorMessage();
        QTimer::singleShot(0, this, &ScenarioRunner::finish);
        return;
    }
    mCloud->setServiceEndpoint(mEndpoint->url());
    mRunStart = mCloud->log().isEmpty() ? 0 : mCloud->log().constLast().id;
    mSinceLog.start();
    // Steps run from the event loop, so that start() returns before anything is said.
    QTimer::singleShot(0, this, &ScenarioRunner::runStep);
}

void ScenarioRunner::runStep()
{
    if (mCancelled)
        return;
    if (mStep >= mScenario.steps.size() + mScenario.invariants.size()) {
        endRun(true);
        return;
    }
    ++mGeneration;
    const ScenarioStep &step = currentStep();
    mStepClock.start();
    QStringList missing;
    mArgs = ScenarioJson::substitute(step.args, mVariables, &missing);
    if (!missing.isEmpty()) {
        stepDone(false, tr("no variable named %1 was captured before this step").arg(missing.join(", "_L1)));
        return;
    }
    if (step.isExpectation()) {
        mBudgetMs = step.withinMs;
        mPoll->start();
        return;
    }
    if (step.kind == Kind::Advance) {
        // What came before happens first: the clock moves once the cloud has settled.
        mSettling = true;
        mPoll->start();
        return;
    }
    if (!mCloud->log().isEmpty())
        mMarker = mCloud->log().constLast().id;
    mFunctionLogs.clear();
    act(step, mArgs);
}

void ScenarioRunner::act(const ScenarioStep &step, const QJsonValue &args)
{
    Result<void> done;
    switch (step.kind) {
    case Kind::Request: return request(step, args);
    case Kind::Invoke: return invoke(step, args);
    case Kind::StartWorkflow: {
        const QByteArray input = args.toObject().contains("input"_L1) ? bodyOf(args["input"_L1]) : QByteArray("{}");
        const Result<QString> arn = mCloud->workflows().startExecution(text(args, "machine"), input,
                                                                       text(args, "name"));
        if (!arn) {
            stepDone(false, arn.errorMessage());
            return;
        }
        stepDone(true, {}, QJsonObject{{u"executionArn"_s, *arn}, {u"name"_s, arn->section(u':', 7, 7)}});
        return;
    }
    case Kind::SendMessage: {
        const QString queue = text(args, "queue");
        const QByteArray body = bodyOf(args["body"_L1]);
        if (mCloud->isFifo(queue))
            done = mCloud
                       ->sendFifoMessage(queue, body, {},
                                         {args["group"_L1].toString(u"default"_s), text(args, "deduplication-id")})
                       .error();
        else
            done = mCloud->sendMessage(queue, body).error();
        if (args.toObject().contains("group"_L1) && !mCloud->isFifo(queue))
            done = fail(tr("%1 is not a FIFO queue: it takes no group").arg(queue));
        break;
    }
    case Kind::Publish:
        if (mCloud->isFifo(text(args, "topic")))
            done = mCloud
                       ->publishMessage(text(args, "topic"), text(args, "message"),
                                        {args["group"_L1].toString(u"default"_s), {}}, text(args, "subject"))
                       .error();
        else
            done = mCloud->publish(text(args, "topic"), text(args, "message"), text(args, "subject")).error();
        break;
    case Kind::PutObject:
        done = mCloud->putObject(text(args, "bucket"), text(args, "key"), bodyOf(args["body"_L1]),
                                 text(args, "content-type"));
        break;
    case Kind::PutItem:
        if (!args["item"_L1].isObject())
            done = fail(tr("item is a mapping of attributes"));
        else
            done = mCloud->putItem(text(args, "table"), ScenarioJson::toItem(args["item"_L1].toObject()));
        break;
    case Kind::PutEvent: {
        const QJsonArray results = mCloud->putEvents(
            text(args, "bus"), QJsonArray{QJsonObject{{u"Source"_s, text(args, "source")},
                                                      {u"DetailType"_s, text(args, "detail-type")},
                                                      {u"Detail"_s, QString::fromUtf8(bodyOf(args["detail"_L1]))}}});
        const QJsonObject first = results.at(0).toObject();
        if (first.contains("ErrorCode"_L1))
            done = fail(u"%1: %2"_s.arg(first["ErrorCode"_L1].toString(), first["ErrorMessage"_L1].toString()));
        break;
    }
    default: break;
    }
    stepDone(bool(done), done.errorMessage());
}

void ScenarioRunner::request(const ScenarioStep &step, const QJsonValue &args)
{
    const QString line = args.toString();
    HttpClient::Request request;
    request.method = line.section(u' ', 0, 0).toLatin1();
    request.url = mGateway->url() + line.section(u' ', 1);
    const QJsonObject extra = ScenarioJson::substitute(step.extra, mVariables).toObject();
    if (extra.contains("body"_L1)) {
        request.body = bodyOf(extra["body"_L1]);
        if (!extra["body"_L1].isString())
            request.headers.append("Content-Type: application/json");
    }
    const QJsonObject headers = extra["headers"_L1].toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        request.headers.append(it.key().toUtf8() + ": " + bodyOf(it.value()));
    if (extra.contains("token"_L1)) {
        // A token of a user pool of the design, as nimbus token mints it.
        const QJsonObject token = extra["token"_L1].toObject();
        const QString poolName = token["pool"_L1].toString();
        const LocalUserPool *pool = mGateway->authorizer().pool(poolName);
        if (!pool) {
            stepDone(false, tr("the design has no user pool %1").arg(poolName));
            return;
        }
        LocalUserPool::TokenRequest ask;
        ask.user = token["user"_L1].toString(pool->users().value(0));
        for (const QJsonValue &scope : token["scopes"_L1].toArray())
            ask.scopes.append(scope.toString());
        ask.now = mCloud->clock().now();
        const Result<QByteArray> minted = pool->mint(mGateway->authorizer().issuer(poolName), ask);
        if (!minted) {
            stepDone(false, minted.errorMessage());
            return;
        }
        request.headers.append("Authorization: Bearer " + *minted);
    }
    const int generation = mGeneration;
    QPointer<ScenarioRunner> self(this);
    request.cancelled = [self, generation] { return !self || self->mGeneration != generation; };
    auto *watcher = new QFutureWatcher<Result<HttpClient::Answer>>(this);
    connect(watcher, &QFutureWatcher<Result<HttpClient::Answer>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != mGeneration)
            return;
        const Result<HttpClient::Answer> answer = watcher->result();
        if (!answer) {
            stepDone(false, answer.errorMessage());
            return;
        }
        const QJsonObject got{
            {u"status"_s, int(answer->status)},
            {u"body"_s, parsedOrText(answer->body)},
            {u"headers"_s, QJsonObject{{u"content-type"_s, QString::fromLatin1(answer->contentType)}}}};
        QJsonValue expected = ScenarioJson::substitute(currentStep().expect, mVariables);
        if (expected.isUndefined())
            expected = QJsonObject{{u"status"_s, QJsonObject{{u"$lt"_s, 400}}}};
        const QString why = ScenarioJson::mismatch(expected, got);
        stepDone(why.isEmpty(), why, got);
    });
    watcher->setFuture(QtConcurrent::run([request] { return HttpClient::exchange(request); }));
}

void ScenarioRunner::invoke(const ScenarioStep &step, const QJsonValue &args)
{
    Q_UNUSED(step)
    const int generation = mGeneration;
    const QByteArray event = args.toObject().contains("event"_L1) ? bodyOf(args["event"_L1]) : QByteArray("{}");
    QPointer<ScenarioRunner> self(this);
    const Result<qint64> started = mCloud->invoke(text(args, "function"), event, u"scenario"_s, 0,
                                                  [self, generation](const InvocationResult &r) {
        if (!self || generation != self->mGeneration)
            return;
        QJsonObject got;
        if (r.ok)
            got.insert(u"result"_s, parsedOrText(r.resultJson));
        else
            got.insert(u"error"_s, r.error);
        QJsonValue expected = ScenarioJson::substitute(self->currentStep().expect, self->mVariables);
        if (expected.isUndefined() && !r.ok) {
            self->stepDone(false,
                           tr("the function failed: %1: %2")
                               .arg(r.error["errorType"_L1].toString(), r.error["errorMessage"_L1].toString()),
                           got);
            return;
        }
        const QString why = expected.isUndefined() ? QString() : ScenarioJson::mismatch(expected, got);
        // Finish once the invocation's own hop is logged, not inside the runner's callback.
        QTimer::singleShot(0, self, [self, why, got, generation] {
            if (self && generation == self->mGeneration)
                self->stepDone(why.isEmpty(), why, got);
        });
    });
    if (!started)
        stepDone(false, started.errorMessage());
}

void ScenarioRunner::advance(const QJsonValue &args)
{
    const QString by = args.toString();
    Result<QDateTime> moved = by == "next"_L1 ? mCloud->runUntilNextDue() : Result<QDateTime>(QDateTime());
    if (by != "next"_L1)
        moved = mCloud->advance(VirtualClock::parseDuration(by).valueOr(0));
    mMarker = mCloud->log().isEmpty() ? 0 : mCloud->log().constLast().id;
    stepDone(bool(moved), moved.errorMessage());
}

bool ScenarioRunner::settled()
{
    const QList<CloudLogEntry> &log = mCloud->log();
    for (qsizetype i = log.size() - 1; i >= 0 && log.at(i).id > mRunStart; --i)
        if (!log.at(i).finished)
            return false;
    if (mSinceLog.elapsed() < kQuietMs / 2)
        return false;
    if (!mTicked) {
        // What is due now (a message a function just sent) is delivered without waiting for
        // the cloud's own 100 ms tick; it logs what it does, which starts the quiet again.
        mTicked = true;
        mCloud->tick();
        return false;
    }
    if (mSinceLog.elapsed() < kQuietMs)
        return false;
    mTicked = false;
    return true;
}

void ScenarioRunner::poll()
{
    if (mDraining) {
        // What the run started ends before the next run starts on a fresh state, so that a
        // late write does not reach it.
        if (!settled() && mStepClock.elapsed() <= mSettleLimitMs)
            return;
        mDraining = false;
        mPoll->stop();
        nextRun();
        return;
    }
    const ScenarioStep &step = currentStep();
    if (mStepClock.elapsed() > mSettleLimitMs) {
        mPoll->stop();
        QJsonValue found;
        const QString why = step.isExpectation() ? check(step, mArgs, &found) : QString();
        stepDone(false, tr("the local cloud did not settle within %1 s of real time%2")
                            .arg(mSettleLimitMs / 1000)
                            .arg(why.isEmpty() ? QString() : u"; "_s + why));
        return;
    }
    if (mSettling) {
        if (!settled())
            return;
        mSettling = false;
        mPoll->stop();
        advance(mArgs);
        return;
    }
    QJsonValue found;
    const QString why = check(step, mArgs, &found);
    if (why.isEmpty()) {
        mPoll->stop();
        stepDone(true, {}, found);
        return;
    }
    if (!settled())
        return;
    if (mBudgetMs <= 0) {
        mPoll->stop();
        stepDone(false, why);
        return;
    }
    // Settled and not there yet: the clock moves on to the next thing due, within budget.
    const QDateTime now = mCloud->clock().now();
    const QDateTime next = mCloud->nextDue();
    const qint64 step_ = next.isValid() ? std::max<qint64>(1, now.msecsTo(next)) : mBudgetMs;
    const qint64 by = std::min(step_, mBudgetMs);
    mBudgetMs -= by;
    if (const Result<QDateTime> moved = mCloud->advance(by); !moved) {
        mPoll->stop();
        stepDone(false, moved.errorMessage());
        return;
    }
    mSinceLog.restart();
}

QString ScenarioRunner::check(const ScenarioStep &step, const QJsonValue &args, QJsonValue *found) const
{
    auto counted = [&](const QList<QJsonValue> &values, const QJsonValue &matcher, const QString &what) -> QString {
        QList<QJsonValue> matching;
        QString closest;
        for (const QJsonValue &v : values) {
            const QString why = matcher.isUndefined() ? QString() : ScenarioJson::mismatch(matcher, v);
            if (why.isEmpty())
                matching.append(v);
            else if (closest.isEmpty())
                closest = why;
        }
        const QJsonValue count = args["count"_L1];
        if (count.isDouble() ? matching.size() == qsizetype(count.toDouble()) : !matching.isEmpty()) {
            *found = matching.isEmpty() ? QJsonValue() : matching.first();
            return {};
        }
        if (count.isDouble())
            return tr("%1: expected %2 matching, found %3").arg(what).arg(count.toDouble()).arg(matching.size());
        if (values.isEmpty())
            return tr("%1 is empty").arg(what);
        return tr("nothing in %1 matches (%2 looked at; the first differs at %3)")
            .arg(what)
            .arg(values.size())
            .arg(closest);
    };
    switch (step.kind) {
    case Kind::ExpectItem: {
        QList<QJsonValue> items;
        for (const QJsonObject &item : mCloud->state().scan(text(args, "table")))
            items.append(ScenarioJson::fromItem(item));
        return counted(items, args["matches"_L1], tr("the table %1").arg(text(args, "table")));
    }
    case Kind::ExpectMessage: {
        QList<QJsonValue> bodies;
        for (const QueueMessage &m : mCloud->state().messages(text(args, "queue")))
            bodies.append(parsedOrText(m.body));
        return counted(bodies, args["matches"_L1], tr("the queue %1").arg(text(args, "queue")));
    }
    case Kind::ExpectObject: {
        const Result<QByteArray> data = mCloud->state().getObject(text(args, "bucket"), text(args, "key"));
        if (!data)
            return tr("the bucket %1 has no object %2").arg(text(args, "bucket"), text(args, "key"));
        *found = QJsonObject{{u"body"_s, parsedOrText(*data)}, {u"size"_s, data->size()}};
        if (!args.toObject().contains("body"_L1))
            return {};
        return ScenarioJson::mismatch(args["body"_L1], parsedOrText(*data), u"body"_s);
    }
    case Kind::ExpectHops: {
        QStringList path;
        for (const CloudLogEntry &entry : mCloud->log()) {
            if (entry.id <= mMarker)
                continue;
            for (const QString &name : {entry.source, entry.target})
                if (!name.isEmpty() && (path.isEmpty() || path.constLast() != name))
                    path.append(name);
        }
        qsizetype at = 0;
        const QJsonArray wanted = args.toArray();
        for (const QString &name : std::as_const(path))
            if (at < wanted.size() && name == wanted.at(at).toString())
                ++at;
        *found = QJsonArray::fromStringList(path);
        if (at == wanted.size())
            return {};
        return tr("the hops did not reach %1 after %2: they went %3")
            .arg(wanted.at(at).toString(), at > 0 ? wanted.at(at - 1).toString() : tr("the action"),
                 path.isEmpty() ? tr("nowhere") : path.join(u" -> "_s));
    }
    case Kind::ExpectOneOf: {
        QStringList why;
        for (const ScenarioStep &alternative : step.alternatives) {
            const QString one = check(alternative, ScenarioJson::substitute(alternative.args, mVariables), found);
            if (one.isEmpty())
                return {};
            why.append(one);
        }
        return tr("none holds: %1").arg(why.join(u"; "_s));
    }
    case Kind::ExpectLog: {
        const QString wanted = text(args, "contains");
        const QString function = text(args, "function");
        for (auto it = mFunctionLogs.cbegin(); it != mFunctionLogs.cend(); ++it) {
            if (!function.isEmpty() && it.key() != function)
                continue;
            for (const QString &line : it.value())
                if (line.contains(wanted)) {
                    *found = line;
                    return {};
                }
        }
        return tr("no log line of %1 contains \"%2\"").arg(function.isEmpty() ? tr("any function") : function, wanted);
    }
    case Kind::ExpectWorkflow: {
        const QString machine = text(args, "machine");
        const QString wanted = text(args, "status");
        QList<ExecutionRecord> executions;
        if (args.toObject().contains("execution"_L1)) {
            if (const std::optional<ExecutionRecord> one = mCloud->workflows().execution(text(args, "execution")))
                executions.append(*one);
        } else {
            executions = mCloud->workflows().executions(machine);
        }
        if (executions.isEmpty())
            return tr("%1 has no execution").arg(machine);
        QString closest;
        for (const ExecutionRecord &e : std::as_const(executions)) {
            QJsonObject got{{u"status"_s, e.status}, {u"name"_s, e.name}};
            if (e.status == "SUCCEEDED"_L1)
                got.insert(u"output"_s, e.output);
            else if (!e.error.isEmpty())
                got.insert(u"error"_s, QJsonObject{{u"error"_s, e.error}, {u"cause"_s, e.cause}});
            QString why = e.status == wanted ? QString() : tr("execution %1 is %2").arg(e.name, e.status);
            if (why.isEmpty() && args.toObject().contains("output"_L1))
                why = ScenarioJson::mismatch(args["output"_L1], e.output, u"output"_s);
            if (why.isEmpty() && args.toObject().contains("error"_L1))
                why = ScenarioJson::mismatch(args["error"_L1], e.error, u"error"_s);
            if (why.isEmpty()) {
                *found = got;
                return {};
            }
            if (closest.isEmpty())
                closest = why;
        }
        return tr("no execution of %1 is %2 as expected (%3)").arg(machine, wanted, closest);
    }
    default: return {};
    }
}

void ScenarioRunner::stepDone(bool passed, QString message, const QJsonValue &answer)
{
    if (!mRunning)
        return;
    const ScenarioStep &step = currentStep();
    if (passed)
        for (auto it = step.capture.begin(); it != step.capture.end(); ++it) {
            const QJsonValue value = ScenarioJson::at(answer, it.value().toString());
            if (value.isUndefined()) {
                passed = false;
                message = tr("nothing to capture as %1 at %2").arg(it.key(), it.value().toString());
                break;
            }
            mVariables.insert(it.key(), value);
        }
    ScenarioStepResult result;
    result.run = mRun;
    result.invariant = mStep >= mScenario.steps.size();
    result.index = result.invariant ? mStep - int(mScenario.steps.size()) : mStep;
    result.name = step.name;
    result.passed = passed;
    result.message = message;
    result.durationMs = mStepClock.isValid() ? double(mStepClock.nsecsElapsed()) / 1e6 : 0;
    result.line = step.line;
    result.column = step.column;
    if (!passed && mCloud) {
        for (const CloudLogEntry &entry : mCloud->log())
            if (entry.id > mMarker && entry.id > mRunStart && result.hops.size() < 200)
                result.hops.append(u"%1 -> %2%3: %4"_s.arg(entry.source, entry.target,
                                                           entry.ok ? QString() : u" (failed)"_s, entry.detail));
        for (auto it = mFunctionLogs.cbegin(); it != mFunctionLogs.cend(); ++it)
            for (const QString &line : it.value())
                if (result.logs.size() < 200)
                    result.logs.append(it.key() + u": "_s + line.trimmed());
    }
    mResult.steps.append(result);
    emit stepFinished(result);
    if (!passed) {
        endRun(false);
        return;
    }
    ++mStep;
    // The next step on a fresh stack: answers arrive inside callbacks of the cloud.
    QTimer::singleShot(0, this, &ScenarioRunner::runStep);
}

void ScenarioRunner::endRun(bool passed)
{
    mPoll->stop();
    ++mGeneration;
    mResult.runs = mRun + 1;
    emit runFinished(mRun, passed);
    if (!passed) {
        mResult.failedRun = mRun;
        mResult.failingSeed = mResult.seed + quint64(mRun);
        finish();
        return;
    }
    if (mRun + 1 < mScenario.repeat && !mCancelled) {
        mDraining = true;
        mStepClock.start();
        mPoll->start();
        return;
    }
    mResult.passed = true;
    finish();
}

void ScenarioRunner::nextRun()
{
    ++mRun;
    // Only the last run's steps are kept, or the failing one's: a long property run would
    // otherwise keep thousands.
    mResult.steps.clear();
    beginRun();
}

void ScenarioRunner::finish()
{
    if (!mRunning)
        return;
    mRunning = false;
    mPoll->stop();
    if (mCloud)
        mCloud->stop();
    if (mResult.error.isEmpty() && mCancelled)
        mResult.error = tr("cancelled");
    mResult.passed = mResult.passed && mResult.error.isEmpty();
    mResult.durationMs = double(mRunClock.nsecsElapsed()) / 1e6;
    emit finished(mResult);
}

} // namespace Nimbus
