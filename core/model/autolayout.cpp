#include "autolayout.h"

#include "architecture.h"

#include <QList>
#include <QSet>

#include <algorithm>

namespace Nimbus::AutoLayout {

QHash<NodeId, QPointF> compute(const Architecture &architecture, const Spacing &spacing)
{
    QHash<NodeId, QList<NodeId>> out;
    QHash<NodeId, QList<NodeId>> in;
    for (const auto &[id, edge] : architecture.edges()) {
        if (edge.from == edge.to)
            continue;
        out[edge.from].append(edge.to);
        in[edge.to].append(edge.from);
    }

    // Depth-first search from the sources marks back edges (those closing a loop).
    QSet<QPair<NodeId, NodeId>> backEdges;
    QHash<NodeId, int> state; // 0 unseen, 1 on stack, 2 done
    QList<NodeId> order; // reverse post-order = a topological order of the acyclic rest
    auto visit = [&](NodeId start) {
        QList<QPair<NodeId, int>> stack{{start, 0}};
        state[start] = 1;
        while (!stack.isEmpty()) {
            auto &[node, next] = stack.last();
            const QList<NodeId> &succ = out.value(node);
            if (next < succ.size()) {
                const NodeId w = succ.at(next++);
                if (state.value(w) == 1)
                    backEdges.insert({node, w});
                else if (state.value(w) == 0) {
                    state[w] = 1;
                    stack.append({w, 0});
                }
                continue;
            }
            state[node] = 2;
            order.prepend(node);
            stack.removeLast();
        }
    };
    // Sources first (in id order), then whatever remains (nodes only reachable in loops).
    for (const auto &[id, node] : architecture.nodes())
        if (in.value(id).isEmpty() && state.value(id) == 0)
            visit(id);
    for (const auto &[id, node] : architecture.nodes())
        if (state.value(id) == 0)
            visit(id);

    // Longest path from the sources gives each node its column.
    QHash<NodeId, int> layer;
    for (NodeId id : std::as_const(order)) {
        int l = 0;
        for (NodeId from : in.value(id))
            if (!backEdges.contains({from, id}))
                l = std::max(l, layer.value(from) + 1);
        layer[id] = l;
    }
    int layers = 0;
    for (int l : std::as_const(layer))
        layers = std::max(layers, l + 1);
    QList<QList<NodeId>> columns(layers);
    for (const auto &[id, node] : architecture.nodes())
        columns[layer.value(id)].append(id);

    // A few sweeps of barycentre ordering keep connected nodes near each other's rows.
    QHash<NodeId, qreal> row;
    for (const QList<NodeId> &column : std::as_const(columns))
        for (int i = 0; i < column.size(); ++i)
            row[column.at(i)] = i;
    auto sweep = [&](int c, const QHash<NodeId, QList<NodeId>> &neighbours) {
        QList<NodeId> &column = columns[c];
        QHash<NodeId, qreal> key;
        for (NodeId id : std::as_const(column)) {
            const QList<NodeId> &n = neighbours.value(id);
            if (n.isEmpty()) {
                key[id] = row.value(id);
                continue;
            }
            qreal sum = 0;
            for (NodeId other : n)
                sum += row.value(other);
            key[id] = sum / n.size();
        }
        std::stable_sort(column.begin(), column.end(), [&](NodeId a, NodeId b) { return key[a] < key[b]; });
        for (int i = 0; i < column.size(); ++i)
            row[column.at(i)] = i;
    };
    for (int pass = 0; pass < 4; ++pass) {
        for (int c = 1; c < layers; ++c)
            sweep(c, in);
        for (int c = layers - 2; c >= 0; --c)
            sweep(c, out);
    }

    // Columns are centred vertically against the tallest one; nothing can overlap
    // because each node has its own row slot in its own column.
    int tallest = 0;
    for (const QList<NodeId> &column : std::as_const(columns))
        tallest = std::max(tallest, int(column.size()));
    const qreal rowStep = spacing.node.height() + spacing.rowGap;
    const qreal columnStep = spacing.node.width() + spacing.columnGap;
    QHash<NodeId, QPointF> positions;
    for (int c = 0; c < layers; ++c) {
        const qreal top = (tallest - columns[c].size()) * rowStep / 2;
        for (int i = 0; i < columns[c].size(); ++i)
            positions.insert(columns[c].at(i), QPointF(c * columnStep, top + i * rowStep));
    }
    return positions;
}

} // namespace Nimbus::AutoLayout
