#pragma once

#include "cloud/statestore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Nimbus {

// One execution of a state machine as DescribeExecution tells it.
struct ExecutionRecord
{
    QString arn;
    QString name;
    QString machine; // the design's node
    QString machineArn;
    QString type; // STANDARD or EXPRESS
    QString status; // RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED
    QJsonValue input;
    QJsonValue output; // once SUCCEEDED
    QString error;
    QString cause;
    QDateTime started;
    QDateTime stopped;
    int transitions = 0; // states entered (what Standard workflows are billed for)
    // Where a restart of the cloud resumes a running execution: the top-level state it was
    // in, the raw input of that state, and until when a Wait state waits.
    QJsonObject checkpoint;

    bool running() const { return status == QLatin1String("RUNNING"); }
};

// One event of an execution's history, as GetExecutionHistory gives it: its id, the id
// of the event that led to it, its type ("TaskStateEntered") and its details under their
// key ("stateEnteredEventDetails": {...}).
struct ExecutionEvent
{
    qint64 id = 0;
    qint64 previous = 0;
    QDateTime when;
    QString type;
    QString detailsKey;
    QJsonObject details;

    QJsonObject toJson() const;
};

// The executions of Standard state machines and their histories, in the state database,
// so that they outlive a restart of the local cloud (Express executions are not kept, as
// AWS keeps none).
class ExecutionStore : public StateStore
{
public:
    explicit ExecutionStore(StateConnection &connection) : StateStore(connection) { }

    Result<void> saveExecution(const ExecutionRecord &execution);
    // Executions and their new events, written in one transaction.
    struct Change
    {
        ExecutionRecord execution;
        QList<ExecutionEvent> events;
    };
    Result<void> saveChanges(const QList<Change> &changes);
    Result<void> saveEvents(const QString &execution, const QList<ExecutionEvent> &events);
    std::optional<ExecutionRecord> execution(const QString &arn) const;
    // The machine's executions, newest first; of one status when status is not empty; at most limit.
    QList<ExecutionRecord> executions(const QString &machine, const QString &status = {}, int limit = 1000) const;
    QList<ExecutionRecord> runningExecutions() const;
    QList<ExecutionEvent> events(const QString &execution) const;
    // The number of executions kept for machine, and deletes the oldest finished beyond keep.
    int trimExecutions(const QString &machine, int keep);
    // The machine's finished executions (every status but RUNNING), newest first, at most
    // limit: what the cost model measures, and only that (arn, type, status, times and
    // transitions; no input, output or history).
    QList<ExecutionRecord> finishedExecutions(const QString &machine, int limit) const;

protected:
    Result<void> createTables();
    Result<void> clear();
};

} // namespace Nimbus
