#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Nimbus {

class Architecture;
struct CloudLogEntry;

// A scenario written from a recorded run of the local cloud: the HTTP request of one log
// entry becomes a request step expecting the status its client got, and the hops it
// caused (through CloudLogEntry::cause, transitively) become expectations - an item, an
// object or a message for each change of a table, a bucket or a queue where the log says
// enough to write one (a "# check:" comment where it does not), and the nodes it went
// through as expect-hops. The log does not keep request bodies: the step gets a
// placeholder for one.
class ScenarioScaffold
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::ScenarioScaffold)

public:
    // Whether entry is an HTTP request's first hop ("POST /orders" as its source).
    static bool isRequest(const CloudLogEntry &entry);
    // The YAML text of the scenario (name: its name, else the request), or why not: no such
    // entry in log, or it is not an HTTP request.
    static Result<QByteArray> fromRequest(const QList<CloudLogEntry> &log, qint64 requestEntryId,
                                          const Architecture &architecture, const QString &name = {});
    // Whether name can be a scenario's file name in scenarios/ (no folder, no "..", no
    // character a file system refuses); ".yaml" is added when missing.
    static bool isValidFileName(const QString &name);
};

} // namespace Nimbus
