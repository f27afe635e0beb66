#include "architecture.h"

#include <functional>

namespace Nimbus {

Architecture::Architecture(QObject *parent) : QObject(parent) { }

const Node *Architecture::node(NodeId id) const
{
    const auto it = mNodes.find(id);
    return it == mNodes.end() ? nullptr : &it->second;
}

const Node *Architecture::nodeByName(const QString &name) const
{
    for (const auto &[id, n] : mNodes)
        if (n.name == name)
            return &n;
    return nullptr;
}

const Edge *Architecture::edge(EdgeId id) const
{
    const auto it = mEdges.find(id);
    return it == mEdges.end() ? nullptr : &it->second;
}

const Edge *Architecture::findEdge(NodeId from, NodeId to, const QString &type) const
{
    for (const auto &[id, e] : mEdges)
        if (e.from == from && e.to == to && e.type == type)
            return &e;
    return nullptr;
}

namespace {

// The ids of the edges that pass test, in id order.
template<typename Test>
QList<EdgeId> edgeIds(const std::map<EdgeId, Edge> &edges, Test test)
{
    QList<EdgeId> result;
    for (const auto &[edgeId, e] : edges)
        if (test(e))
            result.append(edgeId);
    return result;
}

// Sets (or, value undefined, removes) a node's or connection's property; whether it changed.
bool changeProperty(QJsonObject &properties, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined()) {
        if (!properties.contains(key))
            return false;
        properties.remove(key);
        return true;
    }
    if (properties.contains(key) && properties.value(key) == value)
        return false;
    properties.insert(key, value);
    return true;
}

} // namespace

QList<EdgeId> Architecture::edgesOf(NodeId id) const
{
    return edgeIds(mEdges, [id](const Edge &e) { return e.from == id || e.to == id; });
}

QList<EdgeId> Architecture::incomingEdges(NodeId id) const
{
    return edgeIds(mEdges, [id](const Edge &e) { return e.to == id; });
}

QList<EdgeId> Architecture::outgoingEdges(NodeId id) const
{
    return edgeIds(mEdges, [id](const Edge &e) { return e.from == id; });
}

void Architecture::insertNode(const Node &node)
{
    Q_ASSERT(node.id != kInvalidNodeId && !mNodes.count(node.id));
    mNodes[node.id] = node;
    mLastNodeId = std::max(mLastNodeId, node.id);
    emit nodeAdded(node.id);
    emit changed();
}

void Architecture::removeNode(NodeId id)
{
    Q_ASSERT(edgesOf(id).isEmpty());
    erase(mNodes, id, &Architecture::nodeAboutToBeRemoved, &Architecture::nodeRemoved);
}

void Architecture::setNodePosition(NodeId id, QPointF position)
{
    setNodeField(id, &Node::position, position, &Architecture::nodeMoved);
}

void Architecture::setNodeName(NodeId id, const QString &name)
{
    setNodeField(id, &Node::name, name, &Architecture::nodeRenamed);
}

template<typename T, typename Signal>
void Architecture::setNodeField(NodeId id, T Node::*field, const T &value, Signal fieldChanged)
{
    const auto it = mNodes.find(id);
    if (it == mNodes.end() || it->second.*field == value)
        return;
    it->second.*field = value;
    std::invoke(fieldChanged, this, id, value); // emits the signal
    emit changed();
}

void Architecture::setNodeProperty(NodeId id, const QString &key, const QJsonValue &value)
{
    const auto it = mNodes.find(id);
    if (it == mNodes.end())
        return;
    if (!changeProperty(it->second.properties, key, value))
        return;
    emit nodePropertyChanged(id, key);
    emit changed();
}

void Architecture::insertEdge(const Edge &edge)
{
    Q_ASSERT(edge.id != kInvalidEdgeId && !mEdges.count(edge.id));
    Q_ASSERT(mNodes.count(edge.from) && mNodes.count(edge.to));
    mEdges[edge.id] = edge;
    mLastEdgeId = std::max(mLastEdgeId, edge.id);
    emit edgeAdded(edge.id);
    emit changed();
}

void Architecture::setEdgeProperty(EdgeId id, const QString &key, const QJsonValue &value)
{
    const auto it = mEdges.find(id);
    if (it == mEdges.end())
        return;
    if (!changeProperty(it->second.properties, key, value))
        return;
    emit edgePropertyChanged(id, key);
    emit changed();
}

void Architecture::removeEdge(EdgeId id)
{
    erase(mEdges, id, &Architecture::edgeAboutToBeRemoved, &Architecture::edgeRemoved);
}

template<typename Element, typename Signal>
void Architecture::erase(std::map<quint64, Element> &elements, quint64 id, Signal aboutToBeRemoved, Signal removed)
{
    if (!elements.count(id))
        return;
    std::invoke(aboutToBeRemoved, this, id); // emits the signal
    elements.erase(id);
    std::invoke(removed, this, id);
    emit changed();
}

void Architecture::reset(std::map<NodeId, Node> nodes, std::map<EdgeId, Edge> edges)
{
    mNodes = std::move(nodes);
    mEdges = std::move(edges);
    mLastNodeId = mNodes.empty() ? 0 : mNodes.rbegin()->first;
    mLastEdgeId = mEdges.empty() ? 0 : mEdges.rbegin()->first;
    emit modelReset();
    emit changed();
}

} // namespace Nimbus
