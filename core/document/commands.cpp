#include "commands.h"

#include "model/architecture.h"

#include <QCoreApplication>

#include <algorithm>

namespace Nimbus {

AddNodeCommand::AddNodeCommand(Architecture *architecture, const Node &node, QUndoCommand *parent)
    : ArchitectureCommand(architecture, -1, parent), mNode(node)
{
    setText(QCoreApplication::translate("Nimbus::Commands", "Add %1").arg(node.name));
}

void AddNodeCommand::redo()
{
    mArchitecture->insertNode(mNode);
    QUndoCommand::redo(); // children (Project::setStepExtension) act on the node added
}

void AddNodeCommand::undo()
{
    QUndoCommand::undo();
    mArchitecture->removeNode(mNode.id);
}

RemoveCommand::RemoveCommand(Architecture *architecture, const QList<NodeId> &nodes, const QList<EdgeId> &edges,
                             QUndoCommand *parent)
    : ArchitectureCommand(architecture, -1, parent)
{
    QList<EdgeId> edgeIds = edges;
    for (NodeId id : nodes) {
        if (const Node *n = architecture->node(id)) {
            mNodes.append(*n);
            edgeIds += architecture->edgesOf(id);
        }
    }
    std::sort(edgeIds.begin(), edgeIds.end());
    edgeIds.erase(std::unique(edgeIds.begin(), edgeIds.end()), edgeIds.end());
    for (EdgeId id : edgeIds)
        if (const Edge *e = architecture->edge(id))
            mEdges.append(*e);

    if (mNodes.size() == 1 && edges.isEmpty())
        setText(QCoreApplication::translate("Nimbus::Commands", "Delete %1").arg(mNodes.first().name));
    else if (mNodes.isEmpty())
        setText(
            QCoreApplication::translate("Nimbus::Commands", "Delete %n connection(s)", nullptr, int(mEdges.size())));
    else
        setText(QCoreApplication::translate("Nimbus::Commands", "Delete %n node(s)", nullptr, int(mNodes.size())));
}

void RemoveCommand::redo()
{
    for (const Edge &e : std::as_const(mEdges))
        mArchitecture->removeEdge(e.id);
    for (const Node &n : std::as_const(mNodes))
        mArchitecture->removeNode(n.id);
}

void RemoveCommand::undo()
{
    for (const Node &n : std::as_const(mNodes))
        mArchitecture->insertNode(n);
    for (const Edge &e : std::as_const(mEdges))
        mArchitecture->insertEdge(e);
}

MoveNodesCommand::MoveNodesCommand(Architecture *architecture, const QHash<NodeId, QPointF> &newPositions,
                                   bool finished, QUndoCommand *parent)
    : ArchitectureCommand(architecture, MoveNodesCommandId, parent), mNew(newPositions), mFinished(finished)
{
    for (auto it = newPositions.cbegin(); it != newPositions.cend(); ++it)
        if (const Node *n = architecture->node(it.key()))
            mOld.insert(it.key(), n->position);
    setText(
        newPositions.size() == 1 && architecture->node(newPositions.cbegin().key())
            ? QCoreApplication::translate("Nimbus::Commands", "Move %1")
                  .arg(architecture->node(newPositions.cbegin().key())->name)
            : QCoreApplication::translate("Nimbus::Commands", "Move %n node(s)", nullptr, int(newPositions.size())));
}

void MoveNodesCommand::redo()
{
    for (auto it = mNew.cbegin(); it != mNew.cend(); ++it)
        mArchitecture->setNodePosition(it.key(), it.value());
}

void MoveNodesCommand::undo()
{
    for (auto it = mOld.cbegin(); it != mOld.cend(); ++it)
        mArchitecture->setNodePosition(it.key(), it.value());
}

bool MoveNodesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const MoveNodesCommand *>(other);
    // A drag in progress absorbs its next steps; a finished move stands alone.
    if (mFinished || o->mNew.size() != mNew.size())
        return false;
    for (auto it = o->mNew.cbegin(); it != o->mNew.cend(); ++it)
        if (!mNew.contains(it.key()))
            return false;
    mNew = o->mNew;
    mFinished = o->mFinished;
    return true;
}

ConnectCommand::ConnectCommand(Architecture *architecture, const Edge &edge, QUndoCommand *parent)
    : ArchitectureCommand(architecture, -1, parent), mEdge(edge)
{
    const Node *from = architecture->node(edge.from);
    const Node *to = architecture->node(edge.to);
    setText(QCoreApplication::translate("Nimbus::Commands", "Connect %1 to %2")
                .arg(from ? from->name : QString(), to ? to->name : QString()));
}

void ConnectCommand::redo()
{
    mArchitecture->insertEdge(mEdge);
    QUndoCommand::redo();
}

void ConnectCommand::undo()
{
    QUndoCommand::undo();
    mArchitecture->removeEdge(mEdge.id);
}

SetPropertyCommand::SetPropertyCommand(Architecture *architecture, NodeId node, const QString &key,
                                       const QJsonValue &value, QUndoCommand *parent)
    : ArchitectureCommand(architecture, SetPropertyCommandId, parent), mNode(node), mKey(key), mNew(value)
{
    const Node *n = architecture->node(node);
    mOld = n && n->properties.contains(key) ? n->properties.value(key) : QJsonValue(QJsonValue::Undefined);
    setText(QCoreApplication::translate("Nimbus::Commands", "Change %1 of %2").arg(key, n ? n->name : QString()));
}

void SetPropertyCommand::redo()
{
    mArchitecture->setNodeProperty(mNode, mKey, mNew);
}

void SetPropertyCommand::undo()
{
    mArchitecture->setNodeProperty(mNode, mKey, mOld);
}

bool SetPropertyCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetPropertyCommand *>(other);
    if (o->mNode != mNode || o->mKey != mKey)
        return false;
    mNew = o->mNew;
    // Typing back to the original value leaves nothing to undo.
    setObsolete(mNew == mOld);
    return true;
}

SetEdgePropertyCommand::SetEdgePropertyCommand(Architecture *architecture, EdgeId edge, const QString &key,
                                               const QJsonValue &value, QUndoCommand *parent)
    : ArchitectureCommand(architecture, -1, parent), mEdge(edge), mKey(key), mNew(value)
{
    const Edge *e = architecture->edge(edge);
    mOld = e && e->properties.contains(key) ? e->properties.value(key) : QJsonValue(QJsonValue::Undefined);
    const Node *from = e ? architecture->node(e->from) : nullptr;
    const Node *to = e ? architecture->node(e->to) : nullptr;
    setText(QCoreApplication::translate("Nimbus::Commands", "Change %1 of %2 -> %3")
                .arg(key, from ? from->name : QString(), to ? to->name : QString()));
}

void SetEdgePropertyCommand::redo()
{
    mArchitecture->setEdgeProperty(mEdge, mKey, mNew);
}

void SetEdgePropertyCommand::undo()
{
    mArchitecture->setEdgeProperty(mEdge, mKey, mOld);
}

RenameNodeCommand::RenameNodeCommand(Architecture *architecture, NodeId node, const QString &name, QUndoCommand *parent)
    : ArchitectureCommand(architecture, -1, parent), mNode(node), mNew(name)
{
    const Node *n = architecture->node(node);
    mOld = n ? n->name : QString();
    setText(QCoreApplication::translate("Nimbus::Commands", "Rename %1 to %2").arg(mOld, name));
}

void RenameNodeCommand::redo()
{
    mArchitecture->setNodeName(mNode, mNew);
}

void RenameNodeCommand::undo()
{
    mArchitecture->setNodeName(mNode, mOld);
}

} // namespace Nimbus
