#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Nimbus {

class Architecture;
struct CloudLogEntry;

// A scenario written from a recorded run of the local cloud: the HTTP request of one log
// entry becomes a request step expecting the status its client got, and the hops it
// caused (through CloudLogEntry::cause, transitively) become expectations - an item, an
// object or a message for each change of a table, a bucket or a queue where the log says
// enough to write one (a "# check:" comment where it does not), and the nodes it went
// through as expect-hops. The log does not keep request bodies: without an Exchange the
// step gets a placeholder for one.
class ScenarioScaffold
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::ScenarioScaffold)

public:
    // What the log does not keep of the request, when the caller found it (the function's
    // run history): the body it sent and the body it was answered. With the answer, values
    // of it that the expectations name (a generated id in a table's key or an object's key)
    // are captured from it as ${variables}, so that the scenario holds on a fresh run.
    struct Exchange
    {
        QJsonValue body = QJsonValue::Undefined; // JSON, or a string
        QJsonValue answer = QJsonValue::Undefined;
    };
    // The exchange in an API Gateway event and the function's answer to it (a proxy
    // response, or the value itself), when the event is of method and path.
    static std::optional<Exchange> exchangeOf(const QByteArray &event, const QByteArray &result, const QString &method,
                                              const QString &path);
    // When the event was received (requestContext's timeEpoch), in ms since the epoch; 0 when unknown.
    static qint64 eventTime(const QByteArray &event);

    // Whether entry is an HTTP request's first hop ("POST /orders" as its source).
    static bool isRequest(const CloudLogEntry &entry);
    // The YAML text of the scenario (name: its name, else the request), or why not: no such
    // entry in log, or it is not an HTTP request.
    static Result<QByteArray> fromRequest(const QList<CloudLogEntry> &log, qint64 requestEntryId,
                                          const Architecture &architecture, const QString &name = {});
    static Result<QByteArray> fromRequest(const QList<CloudLogEntry> &log, qint64 requestEntryId,
                                          const Architecture &architecture, const QString &name,
                                          const Exchange &exchange);
    // Whether name can be a scenario's file name in scenarios/ (no folder, no "..", no
    // character a file system refuses); ".yaml" is added when missing.
    static bool isValidFileName(const QString &name);
};

} // namespace Nimbus
