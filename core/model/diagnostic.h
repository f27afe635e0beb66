#pragma once

#include "edge.h"
#include "node.h"

#include <QList>
#include <QString>

namespace Nimbus {

// One problem found in a project: what, how bad, and which nodes/edge it concerns.
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };

    Severity severity = Severity::Error;
    QString code; // stable identifier of the rule, e.g. "event-loop"
    QString message; // names the nodes involved
    QList<NodeId> nodes; // first one is the node to select
    EdgeId edge = kInvalidEdgeId;
    QString property; // the property concerned, if any

    static QString severityName(Severity severity);
};

inline bool hasErrors(const QList<Diagnostic> &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            return true;
    return false;
}

} // namespace Nimbus
