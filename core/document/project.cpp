#include "project.h"

#include "commands.h"
#include "model/catalog.h"
#include "model/handlerreference.h"
#include "model/validator.h"
#include "storage/jsoninterchange.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUndoStack>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

Project::Project(const Catalog &catalog, QObject *parent)
    : QObject(parent), mCatalog(catalog), mUndoStack(new QUndoStack(this))
{
    connect(mUndoStack, &QUndoStack::cleanChanged, this, [this] { emit modifiedChanged(isModified()); });
}

Project::~Project()
{
    // Commands point at the architecture; they must go first.
    mUndoStack->clear();
}

void Project::setFilePath(const QString &path)
{
    const QString absolute = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    if (absolute == mFilePath)
        return;
    mFilePath = absolute;
    mFileDirectory = absolute.isEmpty() ? QString() : QFileInfo(absolute).absolutePath();
    emit filePathChanged(mFilePath);
}

QString Project::directory() const
{
    // Kept with the path: every invocation asks (FunctionRunner), and QFileInfo costs.
    return mFilePath.isEmpty() ? mWorkingDirectory : mFileDirectory;
}

QString Project::displayName() const
{
    return mFilePath.isEmpty() ? QCoreApplication::translate("Nimbus::Project", "Untitled")
                               : QFileInfo(mFilePath).completeBaseName();
}

namespace {

// Changes a project's IAM mode; the project's other settings are not undo commands of the
// architecture, so this one holds the project.
class SetIamModeCommand : public QUndoCommand
{
public:
    SetIamModeCommand(Project *project, const QString &from, const QString &to)
        : QUndoCommand(QCoreApplication::translate("Nimbus::Project", "Set Permissions Mode to %1").arg(to)),
          mProject(project), mFrom(from), mTo(to)
    { }
    void redo() override { mProject->restoreIamMode(mTo); }
    void undo() override { mProject->restoreIamMode(mFrom); }

private:
    Project *mProject;
    QString mFrom;
    QString mTo;
};

} // namespace

void Project::setIamMode(const QString &mode)
{
    if (mode == mIamMode || (mode == u"warn"_s && mIamMode.isEmpty()))
        return;
    mUndoStack->push(new SetIamModeCommand(this, mIamMode, mode));
}

void Project::restoreIamMode(const QString &mode)
{
    if (mode == mIamMode)
        return;
    mIamMode = mode;
    emit iamModeChanged(mode);
}

bool Project::isModified() const
{
    return !mUndoStack->isClean() || !mPendingCode.isEmpty();
}

void Project::markSaved()
{
    mUndoStack->setClean();
    const bool hadCode = !mPendingCode.isEmpty();
    mPendingCode.clear();
    if (hadCode)
        emit modifiedChanged(isModified());
}

QString Project::uniqueName(const QString &base) const
{
    QString stem = base;
    stem.replace(QRegularExpression(u"[^A-Za-z0-9_-]+"_s), u"-"_s);
    if (stem.isEmpty() || !stem.at(0).isLetter())
        stem.prepend('n'_L1);
    stem = stem.left(60);
    if (!mArchitecture.nodeByName(stem))
        return stem;
    // Strip a trailing number so that copying "queue2" gives "queue3", not "queue22".
    static const QRegularExpression trailing(u"\\d+$"_s);
    const QString root = QString(stem).remove(trailing);
    for (int i = 2;; ++i) {
        const QString candidate = root + QString::number(i);
        if (!mArchitecture.nodeByName(candidate))
            return candidate;
    }
}

Result<NodeId> Project::addNode(const QString &kindId, QPointF position, const QString &name)
{
    const NodeKind *kind = mCatalog.kind(kindId);
    if (!kind)
        return fail(QCoreApplication::translate("Nimbus::Project", "unknown node kind '%1'").arg(kindId));
    Node node;
    node.name = uniqueName(name.isEmpty() ? kind->id : name);
    node.id = mArchitecture.allocateNodeId();
    node.kind = kindId;
    node.position = position;
    node.properties = kind->defaultProperties(node.name);
    pushStep(new AddNodeCommand(&mArchitecture, node), node.id);
    return node.id;
}

void Project::removeItems(const QList<NodeId> &nodes, const QList<EdgeId> &edges)
{
    if (nodes.isEmpty() && edges.isEmpty())
        return;
    mUndoStack->push(new RemoveCommand(&mArchitecture, nodes, edges));
}

void Project::moveNodes(const QHash<NodeId, QPointF> &positions, bool finished)
{
    if (positions.isEmpty())
        return;
    mUndoStack->push(new MoveNodesCommand(&mArchitecture, positions, finished));
}

Result<EdgeId> Project::connectNodes(NodeId from, NodeId to, const QString &type, const QJsonObject &properties)
{
    const Node *a = mArchitecture.node(from);
    const Node *b = mArchitecture.node(to);
    if (!a || !b)
        return fail(QCoreApplication::translate("Nimbus::Project", "no such node"));
    const QString refusal = mCatalog.connectionRefusal(a->kind, b->kind, type);
    if (!refusal.isEmpty())
        return fail(refusal);
    if (mArchitecture.findEdge(from, to, type))
        return fail(QCoreApplication::translate("Nimbus::Project", "%1 already %2 %3").arg(a->name, type, b->name));
    const EdgeRule *rule = mCatalog.rule(a->kind, b->kind, type);
    if (const QString &property = rule->targetImpliesProperty; !property.isEmpty()) {
        auto valueOf = [&](const Node *n) {
            const PropertySpec *spec = mCatalog.kind(n->kind)->property(property);
            return n->properties.contains(property) ? n->properties.value(property) : spec->defaultValue;
        };
        if (valueOf(b) == rule->targetImpliesValue && valueOf(a) != rule->targetImpliesValue) {
            const QString label = Catalog::text(mCatalog.kind(b->kind)->property(property)->label);
            return fail(QCoreApplication::translate("Nimbus::Project",
                                                    "%1 cannot be connected to %2: %2's %3 is %4, so %1's must be too")
                            .arg(a->name, b->name, label, rule->targetImpliesValue.toVariant().toString()));
        }
    }
    const QJsonObject all = mCatalog.edgeProperties(a->kind, b->kind, type, properties);
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const PropertySpec *spec = rule->property(it.key());
        if (!spec)
            return fail(QCoreApplication::translate("Nimbus::Project", "a connection %1 has no property '%2'")
                            .arg(type, it.key()));
        if (const Result<void> checked = Validator::checkValue(*spec, it.value(), all); !checked)
            return fail(QCoreApplication::translate("Nimbus::Project", "%1: %2")
                            .arg(Catalog::text(spec->label), checked.errorMessage()));
    }
    Edge edge;
    edge.id = mArchitecture.allocateEdgeId();
    edge.from = from;
    edge.to = to;
    edge.type = type;
    edge.properties = properties;
    pushStep(new ConnectCommand(&mArchitecture, edge), edge.to);
    return edge.id;
}

Result<void> Project::setNodeProperty(NodeId node, const QString &key, const QJsonValue &value)
{
    const Node *n = mArchitecture.node(node);
    if (!n)
        return fail(QCoreApplication::translate("Nimbus::Project", "no such node"));
    const NodeKind *kind = mCatalog.kind(n->kind);
    if (!kind || !kind->property(key))
        return fail(QCoreApplication::translate("Nimbus::Project", "%1 has no property '%2'").arg(n->name, key));
    // Values are kept as given, even invalid ones: the field shows them as invalid and
    // the validator reports them; nothing is silently clamped.
    const QJsonValue current = n->properties.value(key);
    if (current == value && n->properties.contains(key))
        return {};
    // A function's runtime or its custom runtime's code choice may call for a scaffold (Go's
    // main.go, a shell bootstrap): written, when it has no code yet, in the same undo step.
    if (key == kind->code.runtimeProperty || (!kind->code.runtimeProperty.isEmpty() && key == "template"_L1)) {
        auto *step = new QUndoCommand(
            QCoreApplication::translate("Nimbus::Project", "Set %1 of %2").arg(kind->property(key)->label, n->name));
        // A handler still the one a function of the old runtime's language is given follows
        // the runtime into the new language (index.handler becomes a Java class, and back).
        if (key == kind->code.runtimeProperty && !kind->code.handlerProperty.isEmpty()) {
            const QJsonObject defaults = kind->defaultProperties(n->name);
            auto valueOf = [&](const QString &property) {
                return n->properties.contains(property) ? n->properties.value(property) : defaults.value(property);
            };
            const QString runtime = valueOf(key).toString();
            const QString handler = valueOf(kind->code.handlerProperty).toString();
            const QString wanted = HandlerReference::conventional(value.toString(), n->name);
            if (handler == HandlerReference::conventional(runtime, n->name) && handler != wanted)
                new SetPropertyCommand(&mArchitecture, node, kind->code.handlerProperty, wanted, step);
        }
        new SetPropertyCommand(&mArchitecture, node, key, value, step);
        pushStep(step, node);
        return {};
    }
    mUndoStack->push(new SetPropertyCommand(&mArchitecture, node, key, value));
    return {};
}

Result<void> Project::setEdgeProperty(EdgeId edge, const QString &key, const QJsonValue &value)
{
    const Edge *e = mArchitecture.edge(edge);
    if (!e)
        return fail(QCoreApplication::translate("Nimbus::Project", "no such connection"));
    const Node *from = mArchitecture.node(e->from);
    const Node *to = mArchitecture.node(e->to);
    const EdgeRule *rule = mCatalog.rule(from->kind, to->kind, e->type);
    const PropertySpec *spec = rule ? rule->property(key) : nullptr;
    if (!spec)
        return fail(QCoreApplication::translate("Nimbus::Project", "the connection %1 %2 %3 has no property '%4'")
                        .arg(from->name, e->type, to->name, key));
    const QJsonObject before = mCatalog.edgeProperties(from->kind, to->kind, e->type, e->properties);
    QJsonObject after = before;
    after.insert(key, value);
    // A value may make another one wrong (a nested filter policy is fine on the body, not on
    // the attributes): the change is refused then too, unless that one was wrong already.
    QList<const PropertySpec *> specs{spec};
    for (const PropertySpec &other : rule->properties)
        if (other.id != key)
            specs.append(&other);
    for (const PropertySpec *checking : std::as_const(specs)) {
        const PropertySpec &other = *checking;
        const Result<void> checked = Validator::checkValue(other, after.value(other.id), after);
        if (!checked && (other.id == key || Validator::checkValue(other, before.value(other.id), before)))
            return fail(QCoreApplication::translate("Nimbus::Project", "%1: %2")
                            .arg(Catalog::text(other.label), checked.errorMessage()));
    }
    // A connection holds what is set only: a value equal to the rule's default is removed,
    // so that an edit back to it makes no undo step and no property a file must carry (a
    // JSON design with none keeps the format older versions read).
    const QJsonValue stored = value == spec->defaultValue ? QJsonValue(QJsonValue::Undefined) : value;
    if (e->properties.value(key) == stored)
        return {};
    mUndoStack->push(new SetEdgePropertyCommand(&mArchitecture, edge, key, stored));
    return {};
}

Result<void> Project::renameNode(NodeId node, const QString &name)
{
    const Node *n = mArchitecture.node(node);
    if (!n)
        return fail(QCoreApplication::translate("Nimbus::Project", "no such node"));
    if (n->name == name)
        return {};
    if (!Validator::isValidName(name)) {
        return fail(QCoreApplication::translate(
                        "Nimbus::Project",
                        "'%1' is not a valid name: start with a letter; use at most 64 letters, digits, '-' or '_'")
                        .arg(name));
    }
    if (mArchitecture.nodeByName(name))
        return fail(QCoreApplication::translate("Nimbus::Project", "another node is already named '%1'").arg(name));
    mUndoStack->push(new RenameNodeCommand(&mArchitecture, node, name));
    return {};
}

QByteArray Project::copyNodes(const QList<NodeId> &nodes) const
{
    return JsonInterchange::write(mArchitecture, nodes);
}

Result<QList<NodeId>> Project::pasteNodes(const QByteArray &fragment, QPointF offset)
{
    JsonInterchange reader;
    if (Result<void> read = reader.read(fragment, QCoreApplication::translate("Nimbus::Project", "clipboard")); !read)
        return read.error();
    const std::map<NodeId, Node> nodes = reader.takeNodes();
    const std::map<EdgeId, Edge> edges = reader.takeEdges();
    if (nodes.empty())
        return QList<NodeId>();
    for (const auto &[id, node] : nodes) {
        if (!mCatalog.kind(node.kind)) {
            return fail(QCoreApplication::translate("Nimbus::Project", "unknown node kind '%1'").arg(node.kind));
        }
    }

    QHash<NodeId, NodeId> newIds;
    mUndoStack->beginMacro(
        QCoreApplication::translate("Nimbus::Commands", "Paste %n node(s)", nullptr, int(nodes.size())));
    for (const auto &[id, original] : nodes) {
        const NodeKind *kind = mCatalog.kind(original.kind);
        Node node = original;
        node.id = mArchitecture.allocateNodeId();
        node.name = uniqueName(original.name);
        node.position = original.position + offset;
        // A copied function gets its own folder when it used the default one.
        if (kind->code.isValid()) {
            const QString oldDefault =
                kind->defaultProperties(original.name).value(kind->code.sourceProperty).toString();
            if (node.properties.value(kind->code.sourceProperty).toString() == oldDefault)
                node.properties.insert(kind->code.sourceProperty,
                                       kind->defaultProperties(node.name).value(kind->code.sourceProperty));
        }
        pushStep(new AddNodeCommand(&mArchitecture, node), node.id);
        newIds.insert(id, node.id);
    }
    for (const auto &[id, edge] : edges) {
        const Node *from = mArchitecture.node(newIds.value(edge.from));
        const Node *to = mArchitecture.node(newIds.value(edge.to));
        if (from && to && mCatalog.connectionRefusal(from->kind, to->kind, edge.type).isEmpty()) {
            Edge copy = edge;
            copy.id = mArchitecture.allocateEdgeId();
            copy.from = from->id;
            copy.to = to->id;
            pushStep(new ConnectCommand(&mArchitecture, copy), copy.to);
        }
    }
    mUndoStack->endMacro();
    QList<NodeId> result = newIds.values();
    std::sort(result.begin(), result.end());
    return result;
}

void Project::arrangeNodes(const QHash<NodeId, QPointF> &positions, const QString &text)
{
    if (positions.isEmpty())
        return;
    mUndoStack->beginMacro(text);
    mUndoStack->push(new MoveNodesCommand(&mArchitecture, positions, true));
    mUndoStack->endMacro();
}

void Project::pushStep(QUndoCommand *step, NodeId node)
{
    if (mStepExtension)
        mStepExtension(step, node);
    mUndoStack->push(step);
}

void Project::setCodeFile(const QString &relativePath, const QByteArray &content)
{
    const bool wasModified = isModified();
    mPendingCode.insert(QDir::cleanPath(relativePath), content);
    if (!wasModified)
        emit modifiedChanged(true);
}

} // namespace Nimbus
