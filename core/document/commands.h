#pragma once

#include "model/edge.h"
#include "model/node.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QUndoCommand>

namespace Nimbus {

class Architecture;

// Undo commands: each is one step a user sees, and undoes exactly.
enum CommandId { MoveNodesCommandId = 1, SetPropertyCommandId, RenameNodeCommandId };

// What every command on the design holds: the architecture it changes, and the id by
// which commands of its class merge (-1: it never merges).
class ArchitectureCommand : public QUndoCommand
{
public:
    int id() const override { return mId; }

protected:
    ArchitectureCommand(Architecture *architecture, int id, QUndoCommand *parent)
        : QUndoCommand(parent), mArchitecture(architecture), mId(id)
    { }

    Architecture *mArchitecture;

private:
    int mId;
};

class AddNodeCommand : public ArchitectureCommand
{
public:
    AddNodeCommand(Architecture *architecture, const Node &node, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Node mNode;
};

// Removes nodes and edges; the edges of removed nodes go with them.
class RemoveCommand : public ArchitectureCommand
{
public:
    RemoveCommand(Architecture *architecture, const QList<NodeId> &nodes, const QList<EdgeId> &edges,
                  QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    QList<Node> mNodes;
    QList<Edge> mEdges;
};

// Moves nodes; successive moves of the same nodes while a drag goes on merge into one step.
class MoveNodesCommand : public ArchitectureCommand
{
public:
    MoveNodesCommand(Architecture *architecture, const QHash<NodeId, QPointF> &newPositions, bool finished,
                     QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    QHash<NodeId, QPointF> mOld;
    QHash<NodeId, QPointF> mNew;
    bool mFinished;
};

class ConnectCommand : public ArchitectureCommand
{
public:
    ConnectCommand(Architecture *architecture, const Edge &edge, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Edge mEdge;
};

// Sets one property; typing into the same field merges into one step.
class SetPropertyCommand : public ArchitectureCommand
{
public:
    SetPropertyCommand(Architecture *architecture, NodeId node, const QString &key, const QJsonValue &value,
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    NodeId mNode;
    QString mKey;
    QJsonValue mOld;
    QJsonValue mNew;
};

// Sets one property of a connection. The Inspector sets it when an edit is finished, so
// each such step stands alone (no merging of keystrokes).
class SetEdgePropertyCommand : public ArchitectureCommand
{
public:
    SetEdgePropertyCommand(Architecture *architecture, EdgeId edge, const QString &key, const QJsonValue &value,
                           QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    EdgeId mEdge;
    QString mKey;
    QJsonValue mOld;
    QJsonValue mNew;
};

class RenameNodeCommand : public ArchitectureCommand
{
public:
    RenameNodeCommand(Architecture *architecture, NodeId node, const QString &name, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    NodeId mNode;
    QString mOld;
    QString mNew;
};

} // namespace Nimbus
