#pragma once

#include "edge.h"
#include "node.h"

#include <QList>
#include <QObject>

#include <map>

namespace Nimbus {

// The graph of nodes and edges of one project. Views observe it through its signals;
// user edits reach it through the undo commands of Project, never directly.
class Architecture : public QObject
{
    Q_OBJECT

public:
    explicit Architecture(QObject *parent = nullptr);

    const std::map<NodeId, Node> &nodes() const { return mNodes; }
    const std::map<EdgeId, Edge> &edges() const { return mEdges; }
    int nodeCount() const { return int(mNodes.size()); }
    int edgeCount() const { return int(mEdges.size()); }

    const Node *node(NodeId id) const;
    const Node *nodeByName(const QString &name) const;
    const Edge *edge(EdgeId id) const;
    const Edge *findEdge(NodeId from, NodeId to, const QString &type) const;
    QList<EdgeId> edgesOf(NodeId id) const;
    QList<EdgeId> incomingEdges(NodeId id) const;
    QList<EdgeId> outgoingEdges(NodeId id) const;

    // Low-level mutators for undo commands and loaders. They keep ids as given.
    void insertNode(const Node &node);
    void removeNode(NodeId id); // the node's edges must have been removed first
    void setNodePosition(NodeId id, QPointF position);
    void setNodeName(NodeId id, const QString &name);
    void setNodeProperty(NodeId id, const QString &key, const QJsonValue &value);
    void insertEdge(const Edge &edge);
    // Sets one property of a connection (undefined: removes it, so its default applies).
    void setEdgeProperty(EdgeId id, const QString &key, const QJsonValue &value);
    void removeEdge(EdgeId id);

    // Replaces everything at once (opening a file); emits modelReset only.
    void reset(std::map<NodeId, Node> nodes, std::map<EdgeId, Edge> edges);

    NodeId allocateNodeId() { return ++mLastNodeId; }
    EdgeId allocateEdgeId() { return ++mLastEdgeId; }

signals:
    void nodeAdded(Nimbus::NodeId id);
    void nodeAboutToBeRemoved(Nimbus::NodeId id);
    void nodeRemoved(Nimbus::NodeId id);
    void nodeMoved(Nimbus::NodeId id, QPointF position);
    void nodeRenamed(Nimbus::NodeId id, const QString &name);
    void nodePropertyChanged(Nimbus::NodeId id, const QString &key);
    void edgeAdded(Nimbus::EdgeId id);
    void edgePropertyChanged(Nimbus::EdgeId id, const QString &key);
    void edgeAboutToBeRemoved(Nimbus::EdgeId id);
    void edgeRemoved(Nimbus::EdgeId id);
    void modelReset();
    // Any of the above; for observers that only recompute (validation, titles).
    void changed();

private:
    // Sets a field of a node and emits fieldChanged(id, value), then changed(); nothing
    // when the node is missing or the field already holds value.
    template<typename T, typename Signal>
    void setNodeField(NodeId id, T Node::*field, const T &value, Signal fieldChanged);
    // Removes a node or an edge between its two signals, then emits changed().
    template<typename Element, typename Signal>
    void erase(std::map<quint64, Element> &elements, quint64 id, Signal aboutToBeRemoved, Signal removed);

    std::map<NodeId, Node> mNodes;
    std::map<EdgeId, Edge> mEdges;
    NodeId mLastNodeId = 0;
    EdgeId mLastEdgeId = 0;
};

} // namespace Nimbus
