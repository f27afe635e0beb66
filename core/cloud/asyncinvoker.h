#pragma once

#include "model/ids.h"
#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Nimbus {

class LocalCloud;
struct InvocationResult;
struct Node;

// Lambda's asynchronous invocations in the local cloud: what a topic, a bucket, a
// schedule, a bus rule or another function's Invoke (InvocationType Event) sends to a
// function. As Lambda does, a failed attempt (an error, a timeout, a crash) is tried
// again up to the function's maximumRetryAttempts times, about one and then two
// minutes later on the cloud's clock, unless the event has by then waited longer than
// its maximumEventAge; each retry is a Retry hop caused by the failed attempt. The waits
// count from the failed attempt's start on the cloud's clock: the attempts run on real
// time, and a clock moved on meanwhile (advance(3 minutes)) should not push the next
// retry further back; on a running clock this is earlier than Lambda by the attempt's
// duration. Once it succeeds, or fails for the last time, a record of the invocation goes
// to the function's on-success or on-failure destinations (queue, topic, function or
// event bus), each send a hop caused by the last attempt.
class AsyncInvoker
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::AsyncInvoker)

public:
    // Lambda's waits before the first and the second retry.
    static constexpr qint64 kFirstRetryMs = 60 * 1000;
    static constexpr qint64 kSecondRetryMs = 2 * 60 * 1000;
    // A throttled attempt (TooManyRequestsException) is no attempt: Lambda tries again 1 s
    // later, doubling the wait up to 5 minutes, until the event's maximum age.
    static constexpr qint64 kFirstThrottleRetryMs = 1000;
    static constexpr qint64 kLongestThrottleRetryMs = 5 * 60 * 1000;
    // Lambda's defaults for a function that sets neither.
    static constexpr int kDefaultRetries = 2;
    static constexpr int kDefaultEventAgeSeconds = 6 * 60 * 60;

    explicit AsyncInvoker(LocalCloud &cloud) : mCloud(cloud) { }

    // Runs the function's first attempt at the event now. source names the node (or
    // caller) it came from, sourceNode the node where the design has one. The id of the
    // first attempt's log entry, or why it could not start (no retry then: the loop guard
    // stopped it, or the function cannot run).
    Result<qint64> invoke(const Node &function, const QByteArray &event, const QString &source, qint64 cause,
                          NodeId sourceNode = kInvalidNodeId);
    // Sends record as it is to the function's on-success (success) or on-failure
    // destinations, each send caused by cause.
    void sendToDestinations(const Node &function, bool success, const QJsonObject &record, qint64 cause);
    // Lambda's destination record of an invocation: condition "Success", "RetriesExhausted"
    // or "EventAgeExceeded"; response is the function's answer (success) or its error
    // object (failure), as the last attempt gave it.
    static QJsonObject record(const QString &region, const QString &function, const QString &requestId,
                              const QDateTime &when, const QString &condition, int attempts, const QByteArray &event,
                              const QJsonValue &response);
    static QString functionArn(const QString &region, const QString &function);

    // The retries whose time has come start; events too old to try again go to their
    // on-failure destinations.
    void tick();
    // When the next retry is due or the next waiting event becomes too old; invalid when
    // none waits.
    QDateTime nextDue() const;
    // The cloud stops: what waits is dropped.
    void clear();
    // Events waiting for a retry.
    qsizetype waiting() const { return mEvents.size(); }

private:
    struct Event
    {
        QString function;
        QByteArray payload;
        QString source;
        NodeId sourceNode = kInvalidNodeId;
        QDateTime received; // when Lambda queued it: its age counts from here
        int attempts = 0;
        qint64 lastEntry = 0; // the log entry of the attempt running or last run
        QDateTime startedAt; // when the attempt running or last run started
        QDateTime retryAt; // invalid while an attempt runs
        QJsonValue response; // the last attempt's answer or error object
        int throttles = 0; // attempts throttled in a row (not counted as attempts)
    };

    // Starts the next attempt of the event with this request id, caused by cause: the id of
    // its log entry, or why it could not start (the event is then forgotten).
    Result<qint64> attempt(const QString &requestId, qint64 cause);
    void finished(const QString &requestId, const InvocationResult &result);
    // The event's end: its record to the destinations, and it is forgotten.
    void conclude(const QString &requestId, const QString &condition);
    int retries(const QString &function) const;
    qint64 maximumAgeMs(const QString &function) const;

    LocalCloud &mCloud;
    QHash<QString, Event> mEvents; // by Lambda's request id for the invocation
};

} // namespace Nimbus
