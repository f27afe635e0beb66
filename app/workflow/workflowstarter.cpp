#include "workflowstarter.h"

#include "aslformat.h"

#include "document/project.h"
#include "model/kinds.h"
#include "paths.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Nimbus {

Result<QString> WorkflowStarter::definitionPath(const Project &project, NodeId machine)
{
    const Node *node = project.architecture().node(machine);
    if (!node || node->kind != Kinds::StateMachine)
        return fail(tr("no such state machine"));
    if (project.directory().isEmpty())
        return fail(tr("Save the project first: a state machine's definition is kept beside it."));
    const QString relative = node->properties.value("definition"_L1).toString();
    if (relative.isEmpty())
        return fail(tr("%1 (state machine): Definition names no file").arg(node->name));
    const Result<QString> path = Paths::resolveUnder(project.directory(), relative);
    if (!path)
        return fail(tr("%1 (state machine): Definition: %2").arg(node->name, path.errorMessage()));
    return QDir::cleanPath(*path);
}

QByteArray WorkflowStarter::starterDefinition(const Project &project, NodeId machine)
{
    const Architecture &design = project.architecture();
    const Node *node = design.node(machine);
    QString function;
    for (EdgeId id : design.edgesOf(machine)) {
        const Edge *edge = design.edge(id);
        const Node *to = edge && edge->from == machine ? design.node(edge->to) : nullptr;
        if (to && to->kind == Kinds::Function && edge->type == "invokes"_L1) {
            function = to->name;
            break;
        }
    }
    QJsonObject first;
    QString firstName;
    if (function.isEmpty()) {
        firstName = u"Hello"_s;
        first = {{u"Type"_s, u"Pass"_s},
                 {u"Result"_s, QJsonObject{{u"message"_s, u"Hello from %1"_s.arg(node ? node->name : QString())}}},
                 {u"ResultPath"_s, u"$.greeting"_s},
                 {u"Next"_s, u"Done"_s}};
    } else {
        firstName = function;
        first = {
            {u"Type"_s, u"Task"_s},
            {u"Resource"_s, u"arn:aws:states:::lambda:invoke"_s},
            {u"Parameters"_s, QJsonObject{{u"FunctionName"_s, u"${%1}"_s.arg(function)}, {u"Payload.$"_s, u"$"_s}}},
            {u"OutputPath"_s, u"$.Payload"_s},
            {u"Next"_s, u"Done"_s}};
    }
    const QJsonObject definition{
        {u"Comment"_s, u"A new workflow: add states from the palette, connect them, and start an execution."_s},
        {u"StartAt"_s, firstName},
        {u"States"_s, QJsonObject{{firstName, first}, {u"Done"_s, QJsonObject{{u"Type"_s, u"Succeed"_s}}}}}};
    return AslFormat::write(definition);
}

Result<QString> WorkflowStarter::ensure(const Project &project, NodeId machine)
{
    const Result<QString> path = definitionPath(project, machine);
    if (!path || QFileInfo::exists(*path))
        return path;
    QDir().mkpath(QFileInfo(*path).absolutePath());
    // The folder made may not lead out of the project either (a link among its parts).
    if (!Paths::staysUnder(project.directory(), *path))
        return fail(tr("%1 is outside the project's folder").arg(QDir::toNativeSeparators(*path)));
    QSaveFile file(*path);
    if (!file.open(QIODevice::WriteOnly) || file.write(starterDefinition(project, machine)) < 0 || !file.commit())
        return fail(tr("%1: %2").arg(QDir::toNativeSeparators(*path), file.errorString()));
    return path;
}

} // namespace Nimbus
