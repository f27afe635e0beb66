#include "edgerouter.h"

#include <QLineF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <vector>

namespace Nimbus {

namespace {

constexpr qreal kBendCost = 40;
enum Direction { East, West, North, South };

// Drops repeated points and the middle one of three on a line.
QList<QPointF> simplified(const QList<QPointF> &points)
{
    QList<QPointF> result;
    for (const QPointF &p : points) {
        if (!result.isEmpty() && QLineF(result.last(), p).length() < 0.01)
            continue;
        if (result.size() >= 2) {
            const QPointF a = result.at(result.size() - 2);
            const QPointF b = result.last();
            if ((qFuzzyCompare(a.x(), b.x()) && qFuzzyCompare(b.x(), p.x()))
                || (qFuzzyCompare(a.y(), b.y()) && qFuzzyCompare(b.y(), p.y())))
                result.removeLast();
        }
        result.append(p);
    }
    return result;
}

bool segmentCrosses(QPointF a, QPointF b, const QRectF &r)
{
    const qreal left = std::min(a.x(), b.x()), right = std::max(a.x(), b.x());
    const qreal top = std::min(a.y(), b.y()), bottom = std::max(a.y(), b.y());
    return left < r.right() && right > r.left() && top < r.bottom() && bottom > r.top();
}

std::vector<qreal> uniqueSorted(std::vector<qreal> values)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end(), [](qreal a, qreal b) { return std::abs(a - b) < 0.5; }),
                 values.end());
    return values;
}

// The channels of a search: lines through both ends and just outside every obstacle's sides.
struct Grid
{
    std::vector<qreal> xs;
    std::vector<qreal> ys;
    QList<QRectF> blocked; // the obstacles grown by the clearance

    int index(int xi, int yi, int dir) const { return (yi * int(xs.size()) + xi) * 4 + dir; }
    bool free(QPointF a, QPointF b) const
    {
        return std::none_of(blocked.cbegin(), blocked.cend(), [&](const QRectF &r) { return segmentCrosses(a, b, r); });
    }
    int find(const std::vector<qreal> &axis, qreal v) const
    {
        return int(std::lower_bound(axis.begin(), axis.end(), v - 0.5) - axis.begin());
    }
};

Grid grid(QPointF start, QPointF end, const QList<QRectF> &obstacles)
{
    const qreal channel = EdgeRouter::kStub;
    Grid g;
    std::vector<qreal> xs{start.x(), end.x(), (start.x() + end.x()) / 2};
    std::vector<qreal> ys{start.y(), end.y()};
    for (const QRectF &r : obstacles) {
        xs.insert(xs.end(), {r.left() - channel, r.right() + channel});
        ys.insert(ys.end(), {r.top() - channel, r.bottom() + channel});
        g.blocked.append(r.adjusted(-EdgeRouter::kClearance, -EdgeRouter::kClearance, EdgeRouter::kClearance,
                                    EdgeRouter::kClearance));
    }
    g.xs = uniqueSorted(xs);
    g.ys = uniqueSorted(ys);
    return g;
}

} // namespace

QList<QPointF> EdgeRouter::simpleRoute(QPointF from, QPointF to, const QRectF &fromRect, const QRectF &toRect)
{
    const QPointF start = from + QPointF(kStub, 0);
    const QPointF end = to - QPointF(kStub, 0);
    if (end.x() >= start.x()) {
        const qreal middle = (start.x() + end.x()) / 2;
        return simplified({from, QPointF(middle, from.y()), QPointF(middle, to.y()), to});
    }
    // Backwards: out to the right, round under both nodes, in from the left.
    const qreal below = std::max(fromRect.bottom(), toRect.bottom()) + kStub;
    return simplified({from, start, QPointF(start.x(), below), QPointF(end.x(), below), end, to});
}

QList<QPointF> EdgeRouter::route(QPointF from, QPointF to, const QList<QRectF> &obstacles)
{
    const QPointF start = from + QPointF(kStub, 0);
    const QPointF end = to - QPointF(kStub, 0);
    const Grid g = grid(start, end, obstacles);
    const int columns = int(g.xs.size());
    const int rows = int(g.ys.size());
    const int startX = g.find(g.xs, start.x()), startY = g.find(g.ys, start.y());
    const int endX = g.find(g.xs, end.x()), endY = g.find(g.ys, end.y());
    std::vector<qreal> cost(size_t(columns * rows * 4), std::numeric_limits<qreal>::max());
    std::vector<int> previous(cost.size(), -1);
    using Entry = std::pair<qreal, int>; // estimate, state
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> open;
    auto estimate = [&](int xi, int yi) { return std::abs(g.xs[xi] - end.x()) + std::abs(g.ys[yi] - end.y()); };
    const int first = g.index(startX, startY, East);
    cost[first] = 0;
    open.push({estimate(startX, startY), first});
    constexpr int kStep[4][2] = {{1, 0}, {-1, 0}, {0, -1}, {0, 1}};
    constexpr Direction kOpposite[4] = {West, East, South, North};
    int goal = -1;
    while (!open.empty()) {
        const auto [guess, state] = open.top();
        open.pop();
        const int dir = state % 4, xi = (state / 4) % columns, yi = (state / 4) / columns;
        if (guess - estimate(xi, yi) > cost[state] + 0.01)
            continue; // a stale entry
        if (xi == endX && yi == endY) { // never from the east: that is through the node
            goal = state;
            break;
        }
        const QPointF here(g.xs[xi], g.ys[yi]);
        for (int next = 0; next < 4; ++next) {
            const int nx = xi + kStep[next][0], ny = yi + kStep[next][1];
            if (next == kOpposite[dir] || nx < 0 || ny < 0 || nx >= columns || ny >= rows)
                continue;
            const QPointF there(g.xs[nx], g.ys[ny]);
            if (!g.free(here, there))
                continue;
            const qreal step = QLineF(here, there).length() + (next == dir ? 0 : kBendCost);
            const int target = g.index(nx, ny, next);
            if (cost[state] + step + 0.01 < cost[target]) {
                cost[target] = cost[state] + step;
                previous[target] = state;
                open.push({cost[target] + estimate(nx, ny), target});
            }
        }
    }
    if (goal < 0)
        return {};
    QList<QPointF> corners{to};
    for (int state = goal; state >= 0; state = previous[state])
        corners.prepend(QPointF(g.xs[(state / 4) % columns], g.ys[(state / 4) / columns]));
    corners.prepend(from);
    return simplified(corners);
}

bool EdgeRouter::crosses(const QList<QPointF> &points, const QRectF &rect, qreal clearance)
{
    const QRectF grown = rect.adjusted(-clearance, -clearance, clearance, clearance);
    for (int i = 1; i < points.size(); ++i)
        if (segmentCrosses(points.at(i - 1), points.at(i), grown))
            return true;
    return false;
}

QList<EdgeRouter::Bend> EdgeRouter::bends(const QList<QPointF> &points, qreal radius)
{
    QList<Bend> result;
    for (int i = 1; i + 1 < points.size(); ++i) {
        const QPointF corner = points.at(i);
        const QLineF in(corner, points.at(i - 1));
        const QLineF out(corner, points.at(i + 1));
        // Half the shorter leg at most, so that two close corners do not overlap.
        const qreal r = std::min({radius, in.length() / 2, out.length() / 2});
        result.append({in.pointAt(r / in.length()), corner, out.pointAt(r / out.length())});
    }
    return result;
}

QPainterPath EdgeRouter::path(const QList<QPointF> &points, qreal radius)
{
    QPainterPath path;
    if (points.isEmpty())
        return path;
    path.moveTo(points.first());
    for (const Bend &bend : bends(points, radius)) {
        path.lineTo(bend.in);
        path.quadTo(bend.corner, bend.out);
    }
    path.lineTo(points.last());
    return path;
}

} // namespace Nimbus
