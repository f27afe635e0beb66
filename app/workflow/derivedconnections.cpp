#include "derivedconnections.h"

#include "workflowstarter.h"

#include "document/project.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "workflow/asldefinition.h"
#include "workflow/workflowengine.h"

#include <QFile>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Nimbus {

Result<QJsonObject> DerivedConnections::readDefinition(const Project &project, NodeId machine)
{
    const Result<QString> path = WorkflowStarter::definitionPath(project, machine);
    if (!path)
        return path.error();
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("%1: %2").arg(*path, file.errorString()));
    return AslDefinition::parse(file.read(WorkflowEngine::kDefinitionLimit + 1));
}

QList<DerivedConnections::Missing> DerivedConnections::missing(const Project &project, NodeId machine,
                                                               const QJsonObject &definition)
{
    const Architecture &design = project.architecture();
    const Node *from = design.node(machine);
    if (!from)
        return {};
    QStringList names;
    for (const auto &[id, node] : design.nodes())
        names.append(node.name);
    QList<Missing> result;
    for (const AslReference &reference : AslDefinition::references(definition, names)) {
        const Node *to = design.nodeByName(reference.node);
        if (!to || design.findEdge(machine, to->id, reference.edge))
            continue;
        if (!project.catalog().connectionRefusal(from->kind, to->kind, reference.edge).isEmpty())
            continue;
        result.append({to->id, reference.edge, reference.states});
    }
    return result;
}

int DerivedConnections::addMissing(Project &project, NodeId machine, const QJsonObject &definition)
{
    const QList<Missing> wanted = missing(project, machine, definition);
    if (wanted.isEmpty())
        return 0;
    const Node *from = project.architecture().node(machine);
    project.undoStack()->beginMacro(tr("Connect %1 to what its states use").arg(from->name));
    int added = 0;
    for (const Missing &m : wanted)
        added += project.connectNodes(machine, m.to, m.type) ? 1 : 0;
    project.undoStack()->endMacro();
    return added;
}

QStringList DerivedConnections::statesUsing(const Project &project, const Edge &edge)
{
    const Architecture &design = project.architecture();
    const Node *from = design.node(edge.from);
    const Node *to = design.node(edge.to);
    if (!from || !to || from->kind != Kinds::StateMachine)
        return {};
    const Result<QJsonObject> definition = readDefinition(project, edge.from);
    if (!definition)
        return {};
    for (const AslReference &reference : AslDefinition::references(*definition, {to->name}))
        if (reference.node == to->name && reference.edge == edge.type)
            return reference.states;
    return {};
}

} // namespace Nimbus
