#include "asyncinvoker.h"

#include "awswire.h"
#include "document/project.h"
#include "eventbus.h"
#include "localcloud.h"
#include "model/kinds.h"
#include "runtime/invocationresult.h"
#include "runtime/requestid.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A payload or an answer as the JSON value it is (an object, a string, a number ...);
// text that is no JSON as a string, nothing as null.
QJsonValue jsonValue(const QByteArray &text)
{
    if (text.trimmed().isEmpty())
        return QJsonValue::Null;
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + text + ']');
    if (wrapped.isArray() && wrapped.array().size() == 1)
        return wrapped.array().at(0);
    return QString::fromUtf8(text);
}

int property(const Node &node, const char *name, int fallback, int min, int max)
{
    const QJsonValue value = node.properties.value(QLatin1String(name));
    return std::clamp(value.isDouble() ? value.toInt() : fallback, min, max);
}

} // namespace

QString AsyncInvoker::functionArn(const QString &region, const QString &function)
{
    return u"arn:aws:lambda:%1:000000000000:function:%2"_s.arg(region, function);
}

QJsonObject AsyncInvoker::record(const QString &region, const QString &function, const QString &requestId,
                                 const QDateTime &when, const QString &condition, int attempts, const QByteArray &event,
                                 const QJsonValue &response)
{
    const QJsonObject requestContext{
        {u"requestId"_s, requestId},
        {u"functionArn"_s, functionArn(region, function) + u":$LATEST"_s},
        {u"condition"_s, condition},
        {u"approximateInvokeCount"_s, attempts},
    };
    QJsonObject responseContext{{u"statusCode"_s, 200}, {u"executedVersion"_s, u"$LATEST"_s}};
    if (condition != "Success"_L1)
        responseContext.insert(u"functionError"_s, u"Unhandled"_s);
    return {
        {u"version"_s, u"1.0"_s},
        {u"timestamp"_s, AwsWire::isoTime(when)},
        {u"requestContext"_s, requestContext},
        {u"requestPayload"_s, jsonValue(event)},
        {u"responseContext"_s, responseContext},
        {u"responsePayload"_s, response},
    };
}

int AsyncInvoker::retries(const QString &function) const
{
    const Node *node = mCloud.project().architecture().nodeByName(function);
    return node ? property(*node, "maximumRetryAttempts", kDefaultRetries, 0, 2) : kDefaultRetries;
}

qint64 AsyncInvoker::maximumAgeMs(const QString &function) const
{
    const Node *node = mCloud.project().architecture().nodeByName(function);
    const int seconds = node ? property(*node, "maximumEventAge", kDefaultEventAgeSeconds, 60, kDefaultEventAgeSeconds)
                             : kDefaultEventAgeSeconds;
    return qint64(seconds) * 1000;
}

Result<qint64> AsyncInvoker::invoke(const Node &function, const QByteArray &event, const QString &source, qint64 cause,
                                    NodeId sourceNode)
{
    // One request id for every attempt, as Lambda's record and retries keep it.
    const QString requestId = newRequestId();
    Event queued;
    queued.function = function.name;
    queued.payload = event;
    queued.source = source;
    queued.sourceNode = sourceNode;
    queued.received = mCloud.clock().now();
    mEvents.insert(requestId, queued);
    return attempt(requestId, cause);
}

Result<qint64> AsyncInvoker::attempt(const QString &requestId, qint64 cause)
{
    const auto it = mEvents.find(requestId);
    if (it == mEvents.end())
        return fail(tr("no asynchronous event %1 waits").arg(requestId));
    const Node *function = mCloud.project().architecture().nodeByName(it->function);
    if (!function || function->kind != Kinds::Function) {
        const QString name = it->function;
        mEvents.erase(it);
        return fail(tr("the design has no function named %1").arg(name));
    }
    it->attempts += 1;
    it->startedAt = mCloud.clock().now();
    it->retryAt = QDateTime();
    const Result<qint64> started = mCloud.deliver(
        function, it->payload, it->source, cause,
        [this, requestId](const InvocationResult &result) { finished(requestId, result); }, false, it->sourceNode);
    // Stopped by the loop guard, or the function cannot run: logged, and no retry would
    // fare better.
    if (!started) {
        mEvents.remove(requestId);
        return started;
    }
    if (const auto running = mEvents.find(requestId); running != mEvents.end())
        running->lastEntry = *started;
    return started;
}

void AsyncInvoker::finished(const QString &requestId, const InvocationResult &result)
{
    const auto it = mEvents.find(requestId);
    if (it == mEvents.end())
        return;
    it->response = result.ok ? jsonValue(result.resultJson) : QJsonValue(result.error);
    if (result.ok) {
        conclude(requestId, u"Success"_s);
        return;
    }
    const QDateTime deadline = it->received.addMSecs(maximumAgeMs(it->function));
    if (result.error.value("errorType"_L1).toString() == "TooManyRequestsException"_L1) {
        it->attempts -= 1;
        const qint64 wait = std::min(kFirstThrottleRetryMs << std::min(it->throttles, 20), kLongestThrottleRetryMs);
        it->throttles += 1;
        it->retryAt = it->startedAt.addMSecs(wait);
        if (it->retryAt > deadline && mCloud.clock().now() >= deadline)
            conclude(requestId, u"EventAgeExceeded"_s);
        return;
    }
    it->throttles = 0;
    if (it->attempts > retries(it->function)) {
        conclude(requestId, u"RetriesExhausted"_s);
        return;
    }
    // From the attempt's start (see the class's comment); a retry already due starts on
    // the next tick.
    it->retryAt = it->startedAt.addMSecs(it->attempts == 1 ? kFirstRetryMs : kSecondRetryMs);
    if (it->retryAt > deadline && mCloud.clock().now() >= deadline)
        conclude(requestId, u"EventAgeExceeded"_s);
}

void AsyncInvoker::tick()
{
    const QDateTime now = mCloud.clock().now();
    // Collected first: a retry that cannot start, or a record sent, changes mEvents.
    QStringList due, expired;
    for (auto it = mEvents.cbegin(); it != mEvents.cend(); ++it) {
        if (!it->retryAt.isValid())
            continue;
        // An event exactly as old as its maximum age is still tried; an older one not.
        const QDateTime deadline = it->received.addMSecs(maximumAgeMs(it->function));
        if (it->retryAt <= deadline) {
            if (it->retryAt <= now)
                due.append(it.key());
        } else if (deadline <= now) {
            expired.append(it.key());
        }
    }
    for (const QString &requestId : std::as_const(expired))
        conclude(requestId, u"EventAgeExceeded"_s);
    for (const QString &requestId : std::as_const(due)) {
        const auto it = mEvents.find(requestId);
        if (it == mEvents.end())
            continue;
        CloudLogEntry entry;
        entry.kind = CloudLogEntry::Kind::Retry;
        entry.cause = it->lastEntry;
        entry.source = it->source;
        entry.target = it->function;
        entry.fromNode = it->sourceNode;
        entry.detail = tr("attempt %1 of %2 of asynchronous request %3")
                           .arg(it->attempts + 1)
                           .arg(retries(it->function) + 1)
                           .arg(requestId);
        (void)attempt(requestId, mCloud.addLog(entry));
    }
}

QDateTime AsyncInvoker::nextDue() const
{
    QDateTime next;
    for (const Event &event : mEvents) {
        if (!event.retryAt.isValid())
            continue;
        const QDateTime deadline = event.received.addMSecs(maximumAgeMs(event.function));
        const QDateTime due = event.retryAt <= deadline ? event.retryAt : deadline;
        if (!next.isValid() || due < next)
            next = due;
    }
    return next;
}

void AsyncInvoker::clear()
{
    mEvents.clear();
}

void AsyncInvoker::conclude(const QString &requestId, const QString &condition)
{
    const Event event = mEvents.take(requestId);
    const Node *function = mCloud.project().architecture().nodeByName(event.function);
    if (!function)
        return;
    const QJsonObject made = record(mCloud.region(), event.function, requestId, mCloud.clock().now(), condition,
                                    event.attempts, event.payload, event.response);
    sendToDestinations(*function, condition == "Success"_L1, made, event.lastEntry);
}

void AsyncInvoker::sendToDestinations(const Node &function, bool success, const QJsonObject &record, qint64 cause)
{
    const Architecture &architecture = mCloud.project().architecture();
    const QLatin1String type = success ? "on-success"_L1 : "on-failure"_L1;
    QList<const Node *> destinations;
    for (EdgeId id : architecture.outgoingEdges(function.id)) {
        const Edge *edge = architecture.edge(id);
        if (const Node *to = architecture.node(edge->to); to && edge->type == type)
            destinations.append(to);
    }
    std::sort(destinations.begin(), destinations.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
    const QByteArray body = compact(record);
    for (const Node *destination : std::as_const(destinations)) {
        QString error;
        if (mCloud.isFifo(destination->name)) {
            // As AWS: a FIFO queue or topic cannot be a destination (nothing gives the record a group).
            error = tr("%1 is FIFO; Lambda sends records to standard queues and topics only").arg(destination->name);
        } else if (destination->kind == Kinds::Queue) {
            error = mCloud.sendMessage(destination->name, body, {}, 0, cause).errorMessage();
        } else if (destination->kind == Kinds::Topic) {
            error = mCloud.publish(destination->name, QString::fromUtf8(body), {}, cause).errorMessage();
        } else if (destination->kind == Kinds::Function) {
            error = invoke(*destination, body, function.name, cause, function.id).errorMessage();
        } else if (destination->kind == Kinds::EventBus) {
            // The event Lambda puts on a bus: its source "lambda", the record as its detail.
            const QJsonObject entry{
                {u"Source"_s, u"lambda"_s},
                {u"DetailType"_s, success ? u"Lambda Function Invocation Result - Success"_s
                                          : u"Lambda Function Invocation Result - Failure"_s},
                {u"Detail"_s, QString::fromUtf8(body)},
                {u"Resources"_s, QJsonArray{functionArn(mCloud.region(), function.name) + u":$LATEST"_s}},
                {u"EventBusName"_s, EventBus::busName(*destination)},
            };
            const QJsonArray results = mCloud.putEvents(EventBus::busName(*destination), QJsonArray{entry}, cause);
            error = results.at(0).toObject().value("ErrorMessage"_L1).toString();
        } else {
            error = tr("%1 is not a destination Lambda sends to").arg(destination->name);
        }
        if (error.isEmpty())
            continue;
        CloudLogEntry lost;
        lost.kind = CloudLogEntry::Kind::Error;
        lost.cause = cause;
        lost.source = function.name;
        lost.target = destination->name;
        lost.ok = false;
        lost.detail = tr("the record of an asynchronous invocation did not reach %1: %2").arg(destination->name, error);
        mCloud.addLog(lost);
    }
}

} // namespace Nimbus
