// The design tools of `nimbus mcp`: the project, its nodes and connections, undo, validate.

#include "document/project.h"
#include "mcptools.h"
#include "mcpworkspace.h"
#include "model/catalog.h"
#include "model/diagnostic.h"
#include "model/validator.h"
#include "runtime/scaffold.h"
#include "storage/jsoninterchange.h"

#include <QJsonDocument>
#include <QPointer>
#include <QUndoStack>

#include <optional>

using namespace Qt::StringLiterals;

namespace Nimbus::McpTools {

QJsonObject argument(const char *type, const QString &description)
{
    return {{u"type"_s, QString::fromLatin1(type)}, {u"description"_s, description}};
}

QJsonObject enumArgument(const QStringList &values, const QString &description)
{
    return {{u"type"_s, u"string"_s}, {u"enum"_s, QJsonArray::fromStringList(values)}, {u"description"_s, description}};
}

QJsonObject objectSchema(std::initializer_list<QPair<QString, QJsonObject>> properties, const QStringList &required)
{
    QJsonObject members;
    for (const auto &[name, schema] : properties)
        members.insert(name, schema);
    QJsonObject schema{{u"type"_s, u"object"_s}, {u"properties"_s, members}, {u"additionalProperties"_s, false}};
    if (!required.isEmpty())
        schema.insert(u"required"_s, QJsonArray::fromStringList(required));
    return schema;
}

Result<const Node *> nodeNamed(const McpWorkspace &workspace, const QString &name)
{
    if (!workspace.project())
        return fail(McpWorkspace::tr("no project is open: call open_project or create_project first"));
    if (const Node *node = workspace.project()->architecture().nodeByName(name))
        return node;
    return fail(McpWorkspace::tr("the design has no node named '%1' (get_design lists them)").arg(name));
}

bool failed(McpCall *call, const Result<void> &result)
{
    if (result)
        return false;
    call->fail(result.errorMessage());
    return true;
}

namespace {

QJsonObject kindJson(const NodeKind &kind)
{
    QJsonArray properties;
    for (const PropertySpec &p : kind.properties) {
        QJsonObject property{{u"id"_s, p.id},
                             {u"label"_s, p.label},
                             {u"type"_s, propertyTypeName(p.type)},
                             {u"default"_s, p.defaultValue}};
        if (!p.help.isEmpty())
            property.insert(u"help"_s, p.help);
        if (!p.values.isEmpty())
            property.insert(u"values"_s, QJsonArray::fromStringList(p.values));
        if (p.minimum)
            property.insert(u"minimum"_s, *p.minimum);
        if (p.maximum)
            property.insert(u"maximum"_s, *p.maximum);
        if (!p.unit.isEmpty())
            property.insert(u"unit"_s, p.unit);
        properties.append(property);
    }
    return {{u"id"_s, kind.id},
            {u"name"_s, kind.name},
            {u"category"_s, kind.category},
            {u"help"_s, kind.help},
            {u"runsCode"_s, kind.code.isValid()},
            {u"properties"_s, properties}};
}

QJsonObject catalogJson(const Catalog &catalog)
{
    QJsonArray kinds;
    for (const NodeKind *kind : catalog.kinds())
        kinds.append(kindJson(*kind));
    QJsonArray connections;
    for (const EdgeRule &rule : catalog.rules())
        connections.append(QJsonObject{
            {u"from"_s, rule.from}, {u"to"_s, rule.to}, {u"type"_s, rule.type}, {u"meaning"_s, rule.meaning}});
    return {{u"kinds"_s, kinds}, {u"connections"_s, connections}};
}

QJsonObject designJson(const Project &project)
{
    QJsonObject design = QJsonDocument::fromJson(JsonInterchange::write(project.architecture())).object();
    design.insert(u"file"_s, project.filePath());
    return design;
}

// Where a node goes when the agent does not say: triggers, compute and services each in
// a column of their own, so that a design built in any order reads left to right.
QPointF nextPosition(const Project &project, const QString &kindId)
{
    const NodeKind *kind = project.catalog().kind(kindId);
    const QStringList categories = project.catalog().categories();
    const qsizetype column = kind ? qMax<qsizetype>(0, categories.indexOf(kind->category)) : 0;
    int below = 0;
    for (const auto &[id, node] : project.architecture().nodes()) {
        const NodeKind *other = project.catalog().kind(node.kind);
        below += other && kind && other->category == kind->category;
    }
    return QPointF(80 + 320 * column, 80 + 140 * below);
}

Result<void> setProperties(Project &project, NodeId node, const QJsonObject &properties)
{
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const Node *n = project.architecture().node(node);
        const PropertySpec *spec = project.catalog().kind(n->kind)->property(it.key());
        if (!spec)
            return fail(
                McpWorkspace::tr("%1 has no property '%2' (list_node_kinds lists them)").arg(n->name, it.key()));
        if (const Result<void> valid = Validator::checkValue(*spec, it.value()); !valid)
            return fail(McpWorkspace::tr("%1.%2: %3").arg(n->name, it.key(), valid.errorMessage()));
        if (const Result<void> set = project.setNodeProperty(node, it.key(), it.value()); !set)
            return set;
    }
    return {};
}

// The connection type from -> to: the one asked, or the only one the catalog allows.
Result<QString> connectionType(const Project &project, const Node &from, const Node &to, const QString &asked)
{
    if (!asked.isEmpty())
        return asked;
    const QList<const EdgeRule *> rules = project.catalog().rulesBetween(from.kind, to.kind);
    if (rules.size() == 1)
        return rules.first()->type;
    if (rules.isEmpty())
        return fail(McpWorkspace::tr("a %1 cannot be connected to a %2").arg(from.kind, to.kind));
    QStringList types;
    for (const EdgeRule *rule : rules)
        types << rule->type;
    return fail(McpWorkspace::tr("say which connection: %1").arg(types.join(u", "_s)));
}

void addProjectTools(McpServer &server, McpWorkspace &w)
{
    server.addTool(
        {u"create_project"_s, McpWorkspace::tr("Create a project"),
         McpWorkspace::tr("Creates an empty project file (.nimbus, or .json for the readable form) "
                          "inside an allowed folder and opens it."),
         objectSchema({{u"path"_s, argument("string", McpWorkspace::tr("The project file to create."))}}, {u"path"_s}),
         [&w](McpCall *call) {
        if (!failed(call, w.createProject(call->arguments().value("path"_L1).toString())))
            call->finish({{u"path"_s, w.project()->filePath()}});
         }});
    server.addTool({u"open_project"_s, McpWorkspace::tr("Open a project"),
                    McpWorkspace::tr("Opens a .nimbus or .json project inside an allowed folder."),
                    objectSchema({{u"path"_s, argument("string", McpWorkspace::tr("The project file."))}}, {u"path"_s}),
                    [&w](McpCall *call) {
        if (!failed(call, w.openProject(call->arguments().value("path"_L1).toString())))
            call->finish(designJson(*w.project()));
                    }});
    server.addTool({u"list_node_kinds"_s, McpWorkspace::tr("List node kinds"),
                    McpWorkspace::tr("The node kinds of the catalog with their properties (type, default, "
                                     "allowed values), and which connections each pair of kinds allows."),
                    objectSchema({}), [](McpCall *call) { call->finish(catalogJson(Catalog::builtin())); }, true});
    server.addTool({u"get_design"_s, McpWorkspace::tr("Get the design"),
                    McpWorkspace::tr("The open project's nodes and connections as Nimbus's JSON interchange."),
                    objectSchema({}),
                    [&w](McpCall *call) {
        if (!w.project())
            call->fail(McpWorkspace::tr("no project is open: call open_project or create_project first"));
        else
            call->finish(designJson(*w.project()));
                    },
                    true});
}

// The arguments of add_node and update_node: the kind or the node (required), and its
// name, position and properties.
QJsonObject nodeSchema(const QString &subject, const QString &subjectHelp, const QString &nameHelp)
{
    return objectSchema({{subject, argument("string", subjectHelp)},
                         {u"name"_s, argument("string", nameHelp)},
                         {u"x"_s, argument("number", McpWorkspace::tr("Position on the canvas."))},
                         {u"y"_s, argument("number", McpWorkspace::tr("Position on the canvas."))},
                         {u"properties"_s, argument("object", McpWorkspace::tr("Property values by id."))}},
                        {subject});
}

void addNodeTool(McpServer &server, McpWorkspace &w)
{
    server.addTool(
        {u"add_node"_s, McpWorkspace::tr("Add a node"),
         McpWorkspace::tr("Adds a node of a kind (see list_node_kinds) with a name and properties; a function "
                          "gets a handler file scaffolded for its runtime. The name given back may carry a "
                          "number when the name was taken."),
         nodeSchema(u"kind"_s, McpWorkspace::tr("The kind's id, e.g. function."), McpWorkspace::tr("The node's name.")),
         [&w](McpCall *call) {
        const QJsonObject a = call->arguments();
        const QString name = a.value("name"_L1).toString();
        if (!name.isEmpty() && !Validator::isValidName(name)) {
            call->fail(McpWorkspace::tr("'%1' is not a valid node name (letters, digits, - and _)").arg(name));
            return;
        }
        NodeId added = kInvalidNodeId;
        const Result<void> done = w.edit(
            McpWorkspace::tr("Add %1").arg(name.isEmpty() ? a.value("kind"_L1).toString() : name),
            [&]() -> Result<void> {
                Project &p = *w.project();
                const QPointF at = a.contains("x"_L1) || a.contains("y"_L1)
                                       ? QPointF(a.value("x"_L1).toDouble(), a.value("y"_L1).toDouble())
                                       : nextPosition(p, a.value("kind"_L1).toString());
                const Result<NodeId> id = p.addNode(a.value("kind"_L1).toString(), at, name);
                if (!id)
                    return id.error();
                added = *id;
                return setProperties(p, added, a.value("properties"_L1).toObject());
            });
        if (failed(call, done))
            return;
        const Node *node = w.project()->architecture().node(added);
        emit w.nodeTouched(added);
        QString scaffold;
        if (!w.isAttached()) // the studio writes its own scaffolds with the step
            Scaffold::ensure(*w.project(), added, &scaffold);
        call->finish({{u"name"_s, node->name},
                      {u"kind"_s, node->kind},
                      {u"properties"_s, node->properties},
                      {u"handlerFile"_s, scaffold}});
         }});
}

void addUpdateTool(McpServer &server, McpWorkspace &w)
{
    server.addTool({u"update_node"_s, McpWorkspace::tr("Change a node"),
                    McpWorkspace::tr("Renames, moves or sets properties of a node, as one undo step."),
                    nodeSchema(u"node"_s, McpWorkspace::tr("The node's name."), McpWorkspace::tr("A new name.")),
                    [&w](McpCall *call) {
        const QJsonObject a = call->arguments();
        const Result<const Node *> node = nodeNamed(w, a.value("node"_L1).toString());
        if (!node) {
            call->fail(node.errorMessage());
            return;
        }
        const NodeId id = (*node)->id;
        const Result<void> done = w.edit(McpWorkspace::tr("Change %1").arg((*node)->name), [&]() -> Result<void> {
            Project &p = *w.project();
            if (const Result<void> set = setProperties(p, id, a.value("properties"_L1).toObject()); !set)
                return set;
            if (a.contains("x"_L1) || a.contains("y"_L1)) {
                const QPointF now = p.architecture().node(id)->position;
                p.moveNodes({{id, QPointF(a.value("x"_L1).toDouble(now.x()), a.value("y"_L1).toDouble(now.y()))}});
            }
            const QString name = a.value("name"_L1).toString();
            if (a.contains("name"_L1) && name != p.architecture().node(id)->name)
                return p.renameNode(id, name);
            return {};
        });
        if (!failed(call, done)) {
            const Node *n = w.project()->architecture().node(id);
            emit w.nodeTouched(id);
            call->finish({{u"name"_s, n->name}, {u"kind"_s, n->kind}, {u"properties"_s, n->properties}});
        }
                    }});
}

// The two nodes a connection tool names (from, to); none after failing the call.
using Ends = QPair<const Node *, const Node *>;
std::optional<Ends> endsOf(const McpWorkspace &w, McpCall *call)
{
    const Result<const Node *> from = nodeNamed(w, call->arguments().value("from"_L1).toString());
    const Result<const Node *> to = nodeNamed(w, call->arguments().value("to"_L1).toString());
    if (from && to)
        return Ends(*from, *to);
    call->fail(from ? to.errorMessage() : from.errorMessage());
    return std::nullopt;
}

void addConnectionTools(McpServer &server, McpWorkspace &w)
{
    const QJsonObject schema = objectSchema(
        {{u"from"_s, argument("string", McpWorkspace::tr("The source node's name."))},
         {u"to"_s, argument("string", McpWorkspace::tr("The target node's name."))},
         {u"type"_s, argument("string", McpWorkspace::tr("The connection type; may be left out when "
                                                         "the catalog allows only one."))}},
        {u"from"_s, u"to"_s});
    QJsonObject connectSchema = schema;
    QJsonObject members = connectSchema.value("properties"_L1).toObject();
    members.insert(u"properties"_s,
                   argument("object", McpWorkspace::tr("The connection's properties, where its rule has some: a "
                                                       "topic's subscription of a queue or function takes "
                                                       "filterPolicy (JSON text), filterPolicyScope (MessageAttributes "
                                                       "or MessageBody) and, to a queue, rawMessageDelivery.")));
    connectSchema.insert(u"properties"_s, members);
    server.addTool(
        {u"connect_nodes"_s, McpWorkspace::tr("Connect two nodes"),
         McpWorkspace::tr("Connects two nodes (a route invokes a function, a function writes a table, a topic "
                          "delivers to a queue...); the catalog's rules decide what is allowed."),
         connectSchema, [&w](McpCall *call) {
             const QJsonObject a = call->arguments();
             const std::optional<Ends> ends = endsOf(w, call);
             if (!ends)
                 return;
             const Node *from = ends->first, *to = ends->second;
             const Result<QString> type = connectionType(*w.project(), *from, *to, a.value("type"_L1).toString());
             if (!type) {
                 call->fail(type.errorMessage());
                 return;
             }
             const NodeId source = from->id, target = to->id;
             const QString what = McpWorkspace::tr("Connect %1 to %2").arg(from->name, to->name);
             if (failed(call, w.edit(what, [&]() -> Result<void> {
                     const Result<EdgeId> edge = w.project()->connectNodes(source, target, *type,
                                                                           a.value("properties"_L1).toObject());
                     return edge ? Result<void>() : Result<void>(edge.error());
                 })))
                 return;
             emit w.nodeTouched(target);
             if (!w.isAttached())
                 Scaffold::ensure(*w.project(), target);
             QJsonObject answer{{u"from"_s, a.value("from"_L1)}, {u"to"_s, a.value("to"_L1)}, {u"type"_s, *type}};
             if (const Edge *made = w.project()->architecture().findEdge(source, target, *type);
                 made && !made->properties.isEmpty())
                 answer.insert(u"properties"_s, made->properties);
             call->finish(answer);
         }});
    server.addTool({u"disconnect_nodes"_s, McpWorkspace::tr("Disconnect two nodes"),
                    McpWorkspace::tr("Removes the connections from one node to another (of one type, if given)."),
                    schema, [&w](McpCall *call) {
                        const QJsonObject a = call->arguments();
                        const std::optional<Ends> ends = endsOf(w, call);
                        if (!ends)
                            return;
                        const Node *from = ends->first, *to = ends->second;
                        QList<EdgeId> edges;
                        const Architecture &design = w.project()->architecture();
                        for (EdgeId id : design.outgoingEdges(from->id)) {
                            const Edge *e = design.edge(id);
                            if (e->to == to->id && (!a.contains("type"_L1) || e->type == a.value("type"_L1).toString()))
                                edges.append(id);
                        }
                        if (edges.isEmpty()) {
                            call->fail(McpWorkspace::tr("%1 is not connected to %2").arg(from->name, to->name));
                            return;
                        }
                        const QString what = McpWorkspace::tr("Disconnect %1 from %2").arg(from->name, to->name);
                        if (!failed(call, w.edit(what, [&]() -> Result<void> {
                                w.project()->removeItems({}, edges);
                                return {};
                            })))
                            call->finish({{u"removed"_s, edges.size()}});
                    }});
}

void addRemoveTool(McpServer &server, McpWorkspace &w)
{
    server.addTool(
        {u"remove_nodes"_s, McpWorkspace::tr("Remove nodes"),
         McpWorkspace::tr("Removes nodes and their connections (their code files stay on disk)."),
         objectSchema({{u"nodes"_s, QJsonObject{{u"type"_s, u"array"_s},
                                                {u"items"_s, argument("string", McpWorkspace::tr("A node's name."))},
                                                {u"description"_s, McpWorkspace::tr("The nodes' names.")}}}},
                      {u"nodes"_s}),
         [&w](McpCall *call) {
        QList<NodeId> ids;
        QStringList names;
        for (const QJsonValue &name : call->arguments().value("nodes"_L1).toArray()) {
            const Result<const Node *> node = nodeNamed(w, name.toString());
            if (!node) {
                call->fail(node.errorMessage());
                return;
            }
            ids.append((*node)->id);
            names.append((*node)->name);
        }
        if (!failed(call, w.edit(McpWorkspace::tr("Remove %1").arg(names.join(u", "_s)), [&]() -> Result<void> {
                w.project()->removeItems(ids);
                return {};
            })))
            call->finish({{u"removed"_s, QJsonArray::fromStringList(names)}});
         }});
}

void addUndoTools(McpServer &server, McpWorkspace &w)
{
    for (const bool undo : {true, false}) {
        server.addTool({undo ? u"undo"_s : u"redo"_s, undo ? McpWorkspace::tr("Undo") : McpWorkspace::tr("Redo"),
                        undo ? McpWorkspace::tr("Undoes the last step of the design (the agent's or the user's).")
                             : McpWorkspace::tr("Redoes the step undone last."),
                        objectSchema({}),
                        [&w, undo](McpCall *call) {
            if (!w.project()) {
                call->fail(McpWorkspace::tr("no project is open"));
                return;
            }
            QUndoStack *stack = w.project()->undoStack();
            if (undo ? !stack->canUndo() : !stack->canRedo()) {
                call->fail(undo ? McpWorkspace::tr("nothing to undo") : McpWorkspace::tr("nothing to redo"));
                return;
            }
            const QString text = undo ? stack->undoText() : stack->redoText();
            undo ? stack->undo() : stack->redo();
            if (!failed(call, w.save()))
                call->finish({{undo ? u"undone"_s : u"redone"_s, text}});
                        }});
    }
}

void addValidateTool(McpServer &server, McpWorkspace &w)
{
    server.addTool({u"validate"_s, McpWorkspace::tr("Validate the design"),
                    McpWorkspace::tr("Checks the design as the studio's Problems panel does: forbidden connections, "
                                     "property values, duplicate routes, handler files, event loops."),
                    objectSchema({}),
                    [&w](McpCall *call) {
        if (!w.project()) {
            call->fail(McpWorkspace::tr("no project is open"));
            return;
        }
        Validator validator(w.project()->catalog(), w.project()->architecture());
        validator.setProjectDirectory(w.project()->directory());
        const QList<Diagnostic> found = validator.validate();
        int errors = 0, warnings = 0;
        for (const Diagnostic &d : found) {
            errors += d.severity == Diagnostic::Severity::Error;
            warnings += d.severity == Diagnostic::Severity::Warning;
        }
        call->finish({{u"errors"_s, errors},
                      {u"warnings"_s, warnings},
                      {u"diagnostics"_s, Validator::toJson(w.project()->architecture(), found)}});
                    },
                    true});
}

} // namespace

void addDesignTools(McpServer &server, McpWorkspace &workspace)
{
    addProjectTools(server, workspace);
    addNodeTool(server, workspace);
    addUpdateTool(server, workspace);
    addConnectionTools(server, workspace);
    addRemoveTool(server, workspace);
    addUndoTools(server, workspace);
    addValidateTool(server, workspace);
}

} // namespace Nimbus::McpTools
