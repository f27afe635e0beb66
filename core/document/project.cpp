#include "project.h"

#include "commands.h"
#include "model/catalog.h"
#include "model/validator.h"
#include "storage/jsoninterchange.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUndoStack>

#include <algorithm>

namespace Nimbus {

namespace {
void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}
} // namespace

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
    emit filePathChanged(mFilePath);
}

QString Project::directory() const
{
    return mFilePath.isEmpty() ? mWorkingDirectory : QFileInfo(mFilePath).absolutePath();
}

QString Project::displayName() const
{
    return mFilePath.isEmpty() ? QCoreApplication::translate("Nimbus::Project", "Untitled")
                               : QFileInfo(mFilePath).completeBaseName();
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
    stem.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    if (stem.isEmpty() || !stem.at(0).isLetter())
        stem.prepend(QLatin1Char('n'));
    stem = stem.left(60);
    if (!mArchitecture.nodeByName(stem))
        return stem;
    // Strip a trailing number so that copying "queue2" gives "queue3", not "queue22".
    static const QRegularExpression trailing(QStringLiteral("\\d+$"));
    const QString root = QString(stem).remove(trailing);
    for (int i = 2;; ++i) {
        const QString candidate = root + QString::number(i);
        if (!mArchitecture.nodeByName(candidate))
            return candidate;
    }
}

NodeId Project::addNode(const QString &kindId, QPointF position, const QString &name, QString *error)
{
    const NodeKind *kind = mCatalog.kind(kindId);
    if (!kind) {
        setError(error, QCoreApplication::translate("Nimbus::Project", "unknown node kind '%1'").arg(kindId));
        return kInvalidNodeId;
    }
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

EdgeId Project::connectNodes(NodeId from, NodeId to, const QString &type, QString *error)
{
    const Node *a = mArchitecture.node(from);
    const Node *b = mArchitecture.node(to);
    if (!a || !b) {
        setError(error, QCoreApplication::translate("Nimbus::Project", "no such node"));
        return kInvalidEdgeId;
    }
    const QString refusal = mCatalog.connectionRefusal(a->kind, b->kind, type);
    if (!refusal.isEmpty()) {
        setError(error, refusal);
        return kInvalidEdgeId;
    }
    if (mArchitecture.findEdge(from, to, type)) {
        setError(error, QCoreApplication::translate("Nimbus::Project", "%1 already %2 %3").arg(a->name, type, b->name));
        return kInvalidEdgeId;
    }
    Edge edge;
    edge.id = mArchitecture.allocateEdgeId();
    edge.from = from;
    edge.to = to;
    edge.type = type;
    pushStep(new ConnectCommand(&mArchitecture, edge), edge.to);
    return edge.id;
}

bool Project::setNodeProperty(NodeId node, const QString &key, const QJsonValue &value, QString *error)
{
    const Node *n = mArchitecture.node(node);
    if (!n) {
        setError(error, QCoreApplication::translate("Nimbus::Project", "no such node"));
        return false;
    }
    const NodeKind *kind = mCatalog.kind(n->kind);
    if (!kind || !kind->property(key)) {
        setError(error, QCoreApplication::translate("Nimbus::Project", "%1 has no property '%2'").arg(n->name, key));
        return false;
    }
    // Values are kept as given, even invalid ones: the field shows them as invalid and
    // the validator reports them; nothing is silently clamped.
    const QJsonValue current = n->properties.value(key);
    if (current == value && n->properties.contains(key))
        return true;
    mUndoStack->push(new SetPropertyCommand(&mArchitecture, node, key, value));
    return true;
}

bool Project::renameNode(NodeId node, const QString &name, QString *error)
{
    const Node *n = mArchitecture.node(node);
    if (!n) {
        setError(error, QCoreApplication::translate("Nimbus::Project", "no such node"));
        return false;
    }
    if (n->name == name)
        return true;
    if (!Validator::isValidName(name)) {
        setError(error, QCoreApplication::translate(
                            "Nimbus::Project",
                            "'%1' is not a valid name: start with a letter; use at most 64 letters, digits, '-' or '_'")
                            .arg(name));
        return false;
    }
    if (mArchitecture.nodeByName(name)) {
        setError(error, QCoreApplication::translate("Nimbus::Project", "another node is already named '%1'").arg(name));
        return false;
    }
    mUndoStack->push(new RenameNodeCommand(&mArchitecture, node, name));
    return true;
}

QByteArray Project::copyNodes(const QList<NodeId> &nodes) const
{
    return JsonInterchange::write(mArchitecture, nodes);
}

QList<NodeId> Project::pasteNodes(const QByteArray &fragment, QPointF offset, QString *error)
{
    JsonInterchange reader;
    if (Result<void> read = reader.read(fragment, QCoreApplication::translate("Nimbus::Project", "clipboard")); !read) {
        setError(error, read.errorMessage());
        return {};
    }
    const std::map<NodeId, Node> nodes = reader.takeNodes();
    const std::map<EdgeId, Edge> edges = reader.takeEdges();
    if (nodes.empty())
        return {};
    for (const auto &[id, node] : nodes) {
        if (!mCatalog.kind(node.kind)) {
            setError(error, QCoreApplication::translate("Nimbus::Project", "unknown node kind '%1'").arg(node.kind));
            return {};
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
