#pragma once

#include "model/node.h"
#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Nimbus {

class Project;

// The definition file of a state-machine node: where it is (its `definition` property,
// confined to the project's folder) and the small valid machine a new node starts with
// (a Task that invokes the function it is connected to, or a Pass, then Succeed).
class WorkflowStarter
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::WorkflowStarter)

public:
    static Result<QString> definitionPath(const Project &project, NodeId machine);
    static QByteArray starterDefinition(const Project &project, NodeId machine);
    // Writes the starter unless the file exists; its absolute path.
    static Result<QString> ensure(const Project &project, NodeId machine);
};

} // namespace Nimbus
