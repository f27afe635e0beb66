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

class AddNodeCommand : public QUndoCommand
{
public:
    AddNodeCommand(Architecture *architecture, const Node &node, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Architecture *mArchitecture;
    Node mNode;
};

// Removes nodes and edges; the edges of removed nodes go with them.
class RemoveCommand : public QUndoCommand
{
public:
    RemoveCommand(Architecture *architecture, const QList<NodeId> &nodes, const QList<EdgeId> &edges,
                  QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Architecture *mArchitecture;
    QList<Node> mNodes;
    QList<Edge> mEdges;
};

// Moves nodes; successive moves of the same nodes while a drag goes on merge into one step.
class MoveNodesCommand : public QUndoCommand
{
public:
    MoveNodesCommand(Architecture *architecture, const QHash<NodeId, QPointF> &newPositions, bool finished,
                     QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return MoveNodesCommandId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    Architecture *mArchitecture;
    QHash<NodeId, QPointF> mOld;
    QHash<NodeId, QPointF> mNew;
    bool mFinished;
};

class ConnectCommand : public QUndoCommand
{
public:
    ConnectCommand(Architecture *architecture, const Edge &edge, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Architecture *mArchitecture;
    Edge mEdge;
};

// Sets one property; typing into the same field merges into one step.
class SetPropertyCommand : public QUndoCommand
{
public:
    SetPropertyCommand(Architecture *architecture, NodeId node, const QString &key, const QJsonValue &value,
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return SetPropertyCommandId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    Architecture *mArchitecture;
    NodeId mNode;
    QString mKey;
    QJsonValue mOld;
    QJsonValue mNew;
};

class RenameNodeCommand : public QUndoCommand
{
public:
    RenameNodeCommand(Architecture *architecture, NodeId node, const QString &name, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Architecture *mArchitecture;
    NodeId mNode;
    QString mOld;
    QString mNew;
};

} // namespace Nimbus
