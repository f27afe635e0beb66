#pragma once

#include "asldefinition.h"
#include "aslexpr.h"
#include "executionstore.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace Nimbus {

class AwsEndpoint;
class LocalCloud;
struct Node;

// The design's state machines, run on the local cloud as AWS Step Functions runs them:
// the Amazon States Language in JSONPath mode, every state type, Retry and Catch, the
// Lambda, SQS, SNS, DynamoDB, EventBridge and nested Step Functions integrations with
// their request-response, .sync and .waitForTaskToken patterns, and AWS's history
// events. Work that waits (a Task's function, a Wait, a retry's interval, a timeout) does
// not hold the thread: functions answer through the cloud's invocations and times are
// met on the cloud's clock by tick(), so moving the virtual clock runs a 24-hour Wait now.
// Standard executions and their histories are kept in the cloud's state and resume after
// a restart at the top-level state they were in; Express ones live in memory only.
class WorkflowEngine : public QObject
{
    Q_OBJECT

public:
    // AWS's limits: a state's input or output, and the events of a Standard execution.
    static constexpr qsizetype kPayloadLimit = 256 * 1024;
    static constexpr int kHistoryLimit = 25000;
    // Finished executions kept per machine (the oldest go first).
    static constexpr int kKeptExecutions = 1000;
    // How long an Express execution may run (five minutes).
    static constexpr int kExpressLimit = 300;
    // The definition file's limit, as AWS's (1 MB).
    static constexpr qsizetype kDefinitionLimit = 1024 * 1024;

    explicit WorkflowEngine(LocalCloud &cloud);
    ~WorkflowEngine() override;

    // The AWS endpoint whose services the DynamoDB tasks call (not owned; may be null:
    // those tasks then fail with a States.Runtime error that says so).
    void setEndpoint(AwsEndpoint *endpoint) { mEndpoint = endpoint; }
    // Opens the stored executions and resumes the running ones (the cloud started).
    void start();
    // Stops every running execution without recording an end: they resume at the next start.
    void stop();

    // The design's state-machine nodes, and the one a name or ARN names (or null).
    QList<const Node *> machines() const;
    const Node *machine(const QString &nameOrArn) const;
    QString machineArn(const Node &machine) const;
    // The machine's definition, read from its file (confined to the project's folder), its
    // ${name} substitutions resolved to the design's resources, and validated: the
    // definition, or why it cannot run (the first error, naming the state).
    Result<QJsonObject> definition(const Node &machine) const;

    // Starts an execution of machine with input (a JSON text; empty is {}); name is the
    // execution's (a UUID when empty), unique among the machine's kept executions. cause
    // is the cloud log entry of whoever started it. done, if given, is told when it ends.
    // Its ARN, or why it did not start (error names a StepFunctions error code first:
    // "ExecutionAlreadyExists: ...").
    using Finished = std::function<void(const ExecutionRecord &)>;
    Result<QString> startExecution(const QString &machine, const QByteArray &input, const QString &name = {},
                                   qint64 cause = 0, Finished done = {});
    // Stops a running execution as StopExecution does (ABORTED, with error and cause).
    Result<void> stopExecution(const QString &arn, const QString &error = {}, const QString &cause = {});
    // The callback pattern: the task waiting on token succeeds with output (JSON text),
    // fails with error and cause, or is kept alive (its heartbeat timer starts again).
    Result<void> sendTaskSuccess(const QString &token, const QByteArray &output);
    Result<void> sendTaskFailure(const QString &token, const QString &error, const QString &cause);
    Result<void> sendTaskHeartbeat(const QString &token);

    std::optional<ExecutionRecord> execution(const QString &arn) const;
    QList<ExecutionRecord> executions(const QString &machine, const QString &status = {}) const;
    QList<ExecutionEvent> history(const QString &arn) const;

    // Ends every Wait state now (and every retry's interval), as if its time had come:
    // "advance time" in the studio. How many waits it ended.
    int skipWaits();
    // Runs what is due on the cloud's clock: Waits, retries, timeouts. The cloud calls it.
    void tick();
    // When the next wait, retry or timeout is due; invalid when none.
    QDateTime nextDue() const;

signals:
    // An execution's history grew (event) or its status changed, for the studio's live path.
    void eventAdded(const QString &execution, const Nimbus::ExecutionEvent &event);
    void executionChanged(const Nimbus::ExecutionRecord &execution);

private:
    struct Execution;
    struct Frame;
    struct Timer;
    struct Event;
    // The value whose JSON text an event's details carry, made into text only when the
    // history is read or saved: most Express histories are never read.
    enum class Payload { None, Input, Output, Parameters };
    using FramePtr = std::shared_ptr<Frame>;
    using Outcome = Asl::Outcome<QJsonValue>;

    Result<QString> begin(const Node &machine, const QJsonObject &definition, const QJsonValue &input,
                          const QString &name, qint64 cause, Finished done, const QJsonObject &resumeFrom = {});
    // Runs states of frame from name with input until one waits or the frame ends.
    void run(const FramePtr &frame, QString name, QJsonValue input);
    // A state's work ended (result or failure): Retry, Catch, the output, and what comes next.
    // True when the frame can go on at once with name and input set.
    bool settle(const FramePtr &frame, const QString &name, const QJsonValue &rawInput, const Outcome &outcome,
                QString &next, QJsonValue &output);
    void finishFrame(const FramePtr &frame, const Outcome &outcome);
    void finishExecution(Execution &execution, const QString &status, const Outcome &outcome);
    // Starts a state's asynchronous work; its end comes through settleAsync.
    void startTask(const FramePtr &frame, const QString &name, const QJsonObject &state, const QJsonValue &rawInput,
                   const QJsonValue &effective);
    void startParallel(const FramePtr &frame, const QString &name, const QJsonObject &state, const QJsonValue &rawInput,
                       const QJsonValue &effective);
    void startMap(const FramePtr &frame, const QString &name, const QJsonObject &state, const QJsonValue &rawInput,
                  const QJsonValue &effective);
    // Does a Task's work (a function, a message, a table call, a nested execution); answer
    // is told its result or failure, once, perhaps later.
    void perform(const FramePtr &frame, const AslResource &resource, const QJsonValue &parameters,
                 const std::function<void(const Outcome &)> &answer);
    void settleAsync(const FramePtr &frame, const QString &name, const QJsonValue &rawInput, const Outcome &outcome);
    // Adds an event whose details are details, with state as their "name" when not null and
    // payload's text under the payload kind's field ("input" with "inputDetails" ...).
    qint64 addEvent(Execution &execution, const FramePtr &frame, const QString &type, const QString &detailsKey = {},
                    const QJsonObject &details = {}, Payload kind = Payload::None, const QJsonValue &payload = {},
                    const QString &state = {});
    QJsonObject context(const FramePtr &frame, const QString &state) const;
    // What the state's paths read, input and its context object, made if a path reads "$$".
    Asl::Scope scopeOf(const FramePtr &frame, const QString &state, const QJsonValue &input) const;
    qint64 schedule(const QDateTime &due, std::function<void()> fire, bool isWait, Execution *execution);
    void cancelTimers(Execution *execution);
    void persist(Execution &execution);
    void flush();
    QString resolve(const QString &reference) const;
    Result<QJsonObject> readDefinition(const Node &machine, const QString &path) const;

    LocalCloud &mCloud;
    AwsEndpoint *mEndpoint = nullptr;
    bool mRunning = false;
    std::map<QString, std::unique_ptr<Execution>> mExecutions; // running ones, by ARN
    QHash<QString, QString> mTokens; // task token -> execution ARN
    std::map<qint64, std::unique_ptr<Timer>> mTimers;
    qint64 mNextTimer = 1;
    QList<ExecutionRecord> mExpress; // finished Express executions, newest last
    QHash<QString, QList<Event>> mExpressHistory;
    QList<QString> mDirty; // executions whose record or events wait to be written
    QHash<QString, int> mFinishedSinceTrim; // per machine
    mutable QDateTime mTimeTextOf;
    mutable QString mTimeText;
    QTimer mFlushTimer;
    // Definitions as definition() read them, by machine, with what they were read from.
    struct CachedDefinition
    {
        QString fingerprint;
        QJsonObject definition;
        QString error;
    };
    mutable QHash<QString, CachedDefinition> mDefinitions;
};

} // namespace Nimbus
