#pragma once

#include "model/edge.h"
#include "model/node.h"
#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Nimbus {

class Project;

// The connections a state machine's definition implies on the design (its Task states
// invoke functions, write queues and tables, publish to topics, start machines), as
// AslDefinition::references finds them: the ones the design lacks, added as one undo
// step when the definition is saved; and, when such a connection is deleted on the
// canvas, the states that still use it.
class DerivedConnections
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::DerivedConnections)

public:
    struct Missing
    {
        NodeId to = kInvalidNodeId;
        QString type;
        QStringList states;
    };

    // The machine's definition as its file holds it (no substitution).
    static Result<QJsonObject> readDefinition(const Project &project, NodeId machine);
    // What definition uses that the design does not connect yet, where the catalog allows it.
    static QList<Missing> missing(const Project &project, NodeId machine, const QJsonObject &definition);
    // Adds them as one undo step; how many.
    static int addMissing(Project &project, NodeId machine, const QJsonObject &definition);
    // The states of the machine edge leaves from that use edge (its file read now); empty
    // when none does or edge does not leave a state machine.
    static QStringList statesUsing(const Project &project, const Edge &edge);
};

} // namespace Nimbus
