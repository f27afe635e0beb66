#include "workflowlayout.h"

#include "workflow/aslexpr.h"
#include "workflowedit.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr qreal kLayerGap = 56;
constexpr qreal kColumnGap = 36;
constexpr qreal kHeader = 30; // a container's title bar
constexpr qreal kPadding = 14; // around the machines inside a container
constexpr qreal kFrameTitle = 20; // a branch frame's title
constexpr QSizeF kMarker(64, 26);

using Kind = WorkflowLayout::Link::Kind;

// One arrow before its path is drawn: the states by name inside their scope.
struct Arrow
{
    Kind kind;
    QString from;
    QString to;
    QString label;
};

QList<Arrow> arrowsOf(const QString &name, const QJsonObject &state)
{
    QList<Arrow> arrows;
    for (const QJsonValue &value : state.value("Choices"_L1).toArray()) {
        const QJsonObject rule = value.toObject();
        if (!rule.value("Next"_L1).toString().isEmpty())
            arrows.append({Kind::Choice, name, rule.value("Next"_L1).toString(), Asl::describeChoiceRule(rule)});
    }
    if (state.contains("Default"_L1))
        arrows.append({Kind::Default, name, state.value("Default"_L1).toString(),
                       QCoreApplication::translate("Nimbus::WorkflowLayout", "Default")});
    if (state.contains("Next"_L1))
        arrows.append({Kind::Next, name, state.value("Next"_L1).toString(), {}});
    for (const QJsonValue &value : state.value("Catch"_L1).toArray()) {
        const QJsonObject catcher = value.toObject();
        QStringList errors;
        for (const QJsonValue &error : catcher.value("ErrorEquals"_L1).toArray())
            errors.append(error.toString());
        arrows.append({Kind::Catch, name, catcher.value("Next"_L1).toString(), errors.join(", "_L1)});
    }
    return arrows;
}

bool isTerminal(const QJsonObject &state)
{
    const QString type = state.value("Type"_L1).toString();
    return state.value("End"_L1).toBool() || type == "Succeed"_L1 || type == "Fail"_L1;
}

// The layers of a machine's states: longest path from the start over the arrows that
// do not close a loop; states no path reaches come after, in their own order.
QHash<QString, int> layersOf(const QJsonObject &states, const QString &startAt, QList<QString> &order)
{
    QHash<QString, int> mark; // 1 on the stack, 2 done
    QList<QString> post;
    QSet<QPair<QString, QString>> back;
    std::function<void(const QString &)> visit = [&](const QString &name) {
        mark.insert(name, 1);
        order.append(name);
        for (const QString &next : WorkflowEdit::successors(states.value(name).toObject())) {
            if (!states.contains(next))
                continue;
            if (mark.value(next) == 1)
                back.insert({name, next});
            else if (mark.value(next) == 0)
                visit(next);
        }
        mark.insert(name, 2);
        post.append(name);
    };
    if (states.contains(startAt))
        visit(startAt);
    for (auto it = states.begin(); it != states.end(); ++it)
        if (mark.value(it.key()) == 0)
            visit(it.key());
    QHash<QString, int> layer;
    for (auto it = post.crbegin(); it != post.crend(); ++it) {
        const int here = layer.value(*it, 0);
        layer.insert(*it, here);
        for (const QString &next : WorkflowEdit::successors(states.value(*it).toObject()))
            if (states.contains(next) && !back.contains({*it, next}))
                layer.insert(next, std::max(layer.value(next, 0), here + 1));
    }
    return layer;
}

// Where a state stands in its row, the rows centred on one another: -1, 0, 1 for three.
using Positions = QHash<QString, qreal>;
Positions positionsOf(const QList<QList<QString>> &rows)
{
    Positions positions;
    for (const QList<QString> &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            positions.insert(row.at(i), qreal(i) - qreal(row.size() - 1) / 2);
    return positions;
}

// How many pairs of downward arrows cross: two arrows between the same two layers whose
// ends are in the opposite order to their starts.
int crossingsOf(const QList<QPair<QString, QString>> &arrows, const QHash<QString, int> &layer,
                const Positions &positions)
{
    int crossings = 0;
    for (qsizetype i = 0; i < arrows.size(); ++i) {
        for (qsizetype j = i + 1; j < arrows.size(); ++j) {
            const auto &[a, b] = arrows.at(i);
            const auto &[c, d] = arrows.at(j);
            if (layer.value(a) != layer.value(c) || layer.value(b) != layer.value(d))
                continue;
            const qreal starts = positions.value(a) - positions.value(c);
            const qreal ends = positions.value(b) - positions.value(d);
            crossings += (starts < 0 && ends > 0) || (starts > 0 && ends < 0);
        }
    }
    return crossings;
}

// Orders each layer's states so that fewer arrows cross (Sugiyama's barycentre
// heuristic): sweeps down, each state under the mean of the states leading to it, and up,
// each over the mean of those it leads to; the order with the fewest crossings is kept,
// the walk's order when nothing is better.
void reduceCrossings(QList<QList<QString>> &rows, const QHash<QString, int> &layer,
                     const QList<QPair<QString, QString>> &arrows)
{
    if (rows.size() < 2 || arrows.size() < 2)
        return;
    QList<QList<QString>> best = rows;
    int fewest = crossingsOf(arrows, layer, positionsOf(rows));
    QHash<QString, QList<QString>> before, after;
    for (const auto &[from, to] : arrows) {
        after[from].append(to);
        before[to].append(from);
    }
    auto sortRow = [&rows](qsizetype r, const QHash<QString, QList<QString>> &neighbours) {
        const Positions positions = positionsOf(rows);
        QHash<QString, qreal> centre;
        for (const QString &name : rows.at(r)) {
            const QList<QString> around = neighbours.value(name);
            qreal sum = 0;
            for (const QString &other : around)
                sum += positions.value(other);
            centre.insert(name, around.isEmpty() ? positions.value(name) : sum / qreal(around.size()));
        }
        std::stable_sort(rows[r].begin(), rows[r].end(),
                         [&centre](const QString &a, const QString &b) { return centre.value(a) < centre.value(b); });
    };
    for (int sweep = 0; sweep < 4 && fewest > 0; ++sweep) {
        for (qsizetype r = 1; r < rows.size(); ++r)
            sortRow(r, before);
        for (qsizetype r = rows.size() - 2; r >= 0; --r)
            sortRow(r, after);
        const int crossings = crossingsOf(arrows, layer, positionsOf(rows));
        if (crossings < fewest) {
            fewest = crossings;
            best = rows;
        }
    }
    rows = best;
}

// A Parallel's branches or a Map's iterator, with their frames' titles.
QList<QPair<QString, QJsonObject>> innerMachines(const QJsonObject &state)
{
    QList<QPair<QString, QJsonObject>> inner;
    const QString type = state.value("Type"_L1).toString();
    if (type == "Parallel"_L1) {
        const QJsonArray branches = state.value("Branches"_L1).toArray();
        for (qsizetype i = 0; i < branches.size(); ++i)
            inner.append({u"Branch %1"_s.arg(i + 1), branches.at(i).toObject()});
    } else if (type == "Map"_L1) {
        inner.append({u"Iterator"_s,
                      state.value(state.contains("Iterator"_L1) ? "Iterator"_L1 : "ItemProcessor"_L1).toObject()});
    }
    return inner;
}

class Builder
{
public:
    WorkflowLayout result;

    // Lays out a machine with its top left at origin; its size.
    QSizeF machine(const QJsonObject &machine, const QString &scope, QPointF origin, bool markers);

private:
    QSizeF stateSize(const QJsonObject &state, const QString &path);
    // Places a state's box (and a container's machines) at topLeft.
    void placeState(const QString &path, const QJsonObject &state, const QRectF &rect);
    void addLink(Kind kind, const QString &from, const QString &to, const QString &label, const QRectF &a,
                 const QRectF &b, int sibling);
};

QSizeF Builder::stateSize(const QJsonObject &state, const QString &path)
{
    const QList<QPair<QString, QJsonObject>> inner = innerMachines(state);
    if (inner.isEmpty())
        return {WorkflowLayout::kStateWidth, WorkflowLayout::kStateHeight};
    // Measured on a scratch builder: only the sizes are wanted here.
    qreal width = 0, height = 0;
    for (const auto &[title, machine] : inner) {
        Builder scratch;
        const QSizeF size = scratch.machine(machine, path + '/'_L1 + title, {}, false);
        width += std::max(size.width(), WorkflowLayout::kStateWidth) + 2 * kPadding;
        height = std::max(height, size.height() + kFrameTitle + 2 * kPadding);
    }
    width += kColumnGap * (inner.size() - 1) + 2 * kPadding;
    return {std::max(width, WorkflowLayout::kStateWidth), height + kHeader + kPadding};
}

void Builder::placeState(const QString &path, const QJsonObject &state, const QRectF &rect)
{
    const QString type = state.value("Type"_L1).toString();
    const bool container = type == "Parallel"_L1 || type == "Map"_L1;
    result.boxes.append({path, WorkflowEdit::nameOf(path), type, rect, container});
    if (!container)
        return;
    const QList<QPair<QString, QJsonObject>> inner = innerMachines(state);
    qreal x = rect.left() + kPadding;
    const qreal y = rect.top() + kHeader;
    for (const auto &[title, machine] : inner) {
        const QString scope = path + '/'_L1 + title;
        Builder scratch;
        const QSizeF size = scratch.machine(machine, scope, {}, false);
        const qreal width = std::max(size.width(), WorkflowLayout::kStateWidth) + 2 * kPadding;
        const QRectF frame(x, y, width, rect.bottom() - kPadding - y);
        result.frames.append({path, title, frame});
        const qreal inset = (width - size.width()) / 2;
        this->machine(machine, scope, {x + inset, y + kFrameTitle + kPadding}, false);
        x += width + kColumnGap;
    }
}

QSizeF Builder::machine(const QJsonObject &machine, const QString &scope, QPointF origin, bool markers)
{
    const QJsonObject states = machine.value("States"_L1).toObject();
    const QString startAt = machine.value("StartAt"_L1).toString();
    QList<QString> order;
    const QHash<QString, int> layer = layersOf(states, startAt, order);
    const auto pathOf = [&](const QString &name) { return scope.isEmpty() ? name : scope + '/'_L1 + name; };
    int layers = 0;
    for (int l : layer)
        layers = std::max(layers, l + 1);
    // Each layer's states in the order a walk from the start meets them.
    QList<QList<QString>> rows(layers);
    QHash<QString, QSizeF> sizes;
    QList<QPair<QString, QString>> downward;
    for (const QString &name : order) {
        rows[layer.value(name)].append(name);
        sizes.insert(name, stateSize(states.value(name).toObject(), pathOf(name)));
        for (const QString &next : WorkflowEdit::successors(states.value(name).toObject()))
            if (states.contains(next) && layer.value(next) > layer.value(name))
                downward.append({name, next});
    }
    reduceCrossings(rows, layer, downward);
    qreal width = 0;
    QList<qreal> rowWidths, rowHeights;
    for (const QList<QString> &row : rows) {
        qreal w = -kColumnGap, h = 0;
        for (const QString &name : row) {
            w += sizes.value(name).width() + kColumnGap;
            h = std::max(h, sizes.value(name).height());
        }
        rowWidths.append(std::max<qreal>(w, 0));
        rowHeights.append(h);
        width = std::max(width, w);
    }
    width = std::max(width, markers ? kMarker.width() : 0.0);
    qreal y = origin.y() + (markers ? kMarker.height() + kLayerGap * 0.6 : 0);
    QHash<QString, QRectF> rects;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        qreal x = origin.x() + (width - rowWidths.at(r)) / 2;
        for (const QString &name : rows.at(r)) {
            const QSizeF size = sizes.value(name);
            const QRectF rect(QPointF(x, y + (rowHeights.at(r) - size.height()) / 2), size);
            rects.insert(name, rect);
            placeState(pathOf(name), states.value(name).toObject(), rect);
            x += size.width() + kColumnGap;
        }
        y += rowHeights.at(r) + kLayerGap;
    }
    y -= rows.isEmpty() ? 0 : kLayerGap;
    if (markers) {
        const qreal centre = rects.contains(startAt) ? rects.value(startAt).center().x() : origin.x() + width / 2;
        result.start = QRectF(QPointF(centre - kMarker.width() / 2, origin.y()), kMarker);
        if (rects.contains(startAt))
            addLink(Kind::Start, {}, pathOf(startAt), {}, result.start, rects.value(startAt), 0);
        y += kLayerGap * 0.6;
        result.end = QRectF(QPointF(origin.x() + (width - kMarker.width()) / 2, y), kMarker);
        y += kMarker.height();
    }
    QHash<QPair<QString, QString>, int> siblings;
    for (const QString &name : order) {
        const QJsonObject state = states.value(name).toObject();
        for (const Arrow &arrow : arrowsOf(name, state)) {
            if (!rects.contains(arrow.to))
                continue;
            const int sibling = siblings[{name, arrow.to}]++;
            addLink(arrow.kind, pathOf(name), pathOf(arrow.to), arrow.label, rects.value(name), rects.value(arrow.to),
                    sibling);
        }
        if (markers && isTerminal(state))
            addLink(Kind::End, pathOf(name), {}, {}, rects.value(name), result.end, 0);
    }
    return {width, y - origin.y()};
}

void Builder::addLink(Kind kind, const QString &from, const QString &to, const QString &label, const QRectF &a,
                      const QRectF &b, int sibling)
{
    WorkflowLayout::Link link{kind, from, to, label, {}, {}, false};
    const qreal shift = sibling * 18.0;
    QPainterPath path;
    if (b.top() >= a.bottom() - 1) {
        const QPointF p0(a.center().x() + shift, a.bottom());
        const QPointF p1(b.center().x() + shift, b.top());
        const qreal bend = std::max<qreal>(24, (p1.y() - p0.y()) / 2);
        path.moveTo(p0);
        path.cubicTo(p0 + QPointF(0, bend), p1 - QPointF(0, bend), p1);
    } else {
        // A loop (or a state beside): out of the right side, round and into the other's right side.
        link.back = true;
        const QPointF p0(a.right(), a.center().y() + shift / 2);
        const QPointF p1(b.right(), b.center().y() - shift / 2);
        const qreal out = std::max(a.right(), b.right()) + 48 + shift;
        path.moveTo(p0);
        path.cubicTo(QPointF(out, p0.y()), QPointF(out, p1.y()), p1);
    }
    link.path = path;
    link.labelAt = path.pointAtPercent(0.5);
    result.links.append(link);
}

} // namespace

WorkflowLayout WorkflowLayout::compute(const QJsonObject &definition)
{
    Builder builder;
    const QSizeF size = builder.machine(definition, {}, {0, 0}, true);
    builder.result.bounds = QRectF(QPointF(0, 0), size);
    for (const Link &link : builder.result.links)
        builder.result.bounds |= link.path.boundingRect();
    return builder.result;
}

const WorkflowLayout::Box *WorkflowLayout::box(const QString &path) const
{
    for (const Box &b : boxes)
        if (b.path == path)
            return &b;
    return nullptr;
}

QString WorkflowLayout::stateAt(const QPointF &point) const
{
    // Inner states are placed after their container: the last hit is the innermost.
    QString found;
    for (const Box &b : boxes)
        if (b.rect.contains(point))
            found = b.path;
    return found;
}

} // namespace Nimbus
