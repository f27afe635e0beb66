#include "edgeitem.h"

#include "canvasscene.h"
#include "edgerouter.h"
#include "nodeitem.h"
#include "theme.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPathStroker>
#include <QSet>
#include <QStyleOptionGraphicsItem>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
// The point half way along a route's corners.
QPointF halfWay(const QList<QPointF> &route)
{
    qreal total = 0;
    for (int i = 1; i < route.size(); ++i)
        total += QLineF(route.at(i - 1), route.at(i)).length();
    qreal left = total / 2;
    for (int i = 1; i < route.size(); ++i) {
        const QLineF segment(route.at(i - 1), route.at(i));
        if (segment.length() >= left && segment.length() > 0)
            return segment.pointAt(left / segment.length());
        left -= segment.length();
    }
    return route.isEmpty() ? QPointF() : route.first();
}
} // namespace

EdgeItem::EdgeItem(EdgeId id, const QString &label, NodeItem *from, NodeItem *to, QGraphicsItem *parent)
    : QGraphicsPathItem(parent), mId(id), mLabel(label), mFrom(from), mTo(to)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemUsesExtendedStyleOption); // paint() gets the exposed rectangle
    setZValue(-1);
    updatePath();
}

QPainterPath EdgeItem::curve(QPointF from, QPointF to)
{
    // The connection being dragged has the shape it will take: at right angles, left to right.
    return EdgeRouter::path(EdgeRouter::simpleRoute(from, to, QRectF(from, QSizeF()), QRectF(to, QSizeF())));
}

QList<QPointF> EdgeItem::routeAround(QList<NodeItem *> &avoided) const
{
    const QPointF from = mFrom->outputPort();
    const QPointF to = mTo->inputPort();
    const QRectF fromRect = mFrom->bodyRect();
    const QRectF toRect = mTo->bodyRect();
    const QList<QPointF> simple = EdgeRouter::simpleRoute(from, to, fromRect, toRect);
    if (!scene() || mFrom == mTo)
        return simple;
    QRectF area = fromRect.united(toRect);
    for (const QPointF &p : simple)
        area = area.united(QRectF(p, QSizeF(1, 1)));
    area.adjust(-2 * EdgeRouter::kStub, -2 * EdgeRouter::kStub, 2 * EdgeRouter::kStub, 2 * EdgeRouter::kStub);
    if (area.width() * area.height() > kMaxSearchArea || !crossesANode(simple))
        return simple;
    QList<QRectF> obstacles{fromRect, toRect};
    bool blocked = false;
    for (NodeItem *node : nodesIn(area)) {
        if (node == mFrom || node == mTo)
            continue;
        avoided.append(node);
        obstacles.append(node->bodyRect());
        blocked = blocked || EdgeRouter::crosses(simple, node->bodyRect(), EdgeRouter::kClearance / 2);
    }
    const QList<QPointF> routed = blocked && obstacles.size() <= kMaxObstacles ? EdgeRouter::route(from, to, obstacles)
                                                                               : QList<QPointF>();
    if (routed.isEmpty())
        avoided.clear(); // the simple route goes round nothing
    return routed.isEmpty() ? simple : routed;
}

QList<NodeItem *> EdgeItem::nodesIn(const QRectF &rect) const
{
    if (auto *canvas = qobject_cast<CanvasScene *>(scene()))
        return canvas->nodesIn(rect);
    QList<NodeItem *> nodes;
    for (QGraphicsItem *item : scene()->items(rect, Qt::IntersectsItemBoundingRect))
        if (item->type() == NodeItem::Type)
            nodes.append(static_cast<NodeItem *>(item));
    return nodes;
}

// Whether a node other than the ends stands on the route; asked segment by segment, a
// thin strip each, which finds far fewer items than the route's whole area.
bool EdgeItem::crossesANode(const QList<QPointF> &route) const
{
    const qreal margin = EdgeRouter::kClearance / 2;
    for (int i = 1; i < route.size(); ++i) {
        const QRectF strip =
            QRectF(route.at(i - 1), route.at(i)).normalized().adjusted(-margin, -margin, margin, margin);
        for (NodeItem *node : nodesIn(strip)) {
            if (node != mFrom && node != mTo && EdgeRouter::crosses(route, node->bodyRect(), margin))
                return true;
        }
    }
    return false;
}

void EdgeItem::setAvoided(const QList<NodeItem *> &nodes)
{
    for (const QPointer<NodeItem> &node : std::as_const(mAvoided))
        if (node)
            node->removeDetour(this);
    mAvoided.clear();
    for (NodeItem *node : nodes) {
        node->addDetour(this);
        mAvoided.append(node);
    }
}

EdgeItem::~EdgeItem()
{
    setAvoided({});
}

void EdgeItem::updatePath()
{
    prepareGeometryChange();
    QList<NodeItem *> avoided;
    mRoute = routeAround(avoided);
    setAvoided(avoided);
    setPath(EdgeRouter::path(mRoute));
    mShape.clear(); // made again when asked
    // The same line in the pieces paint() draws: straight runs, and the bends between them.
    mBends = EdgeRouter::bends(mRoute);
    mRuns.clear();
    QPointF start = mRoute.first();
    for (const EdgeRouter::Bend &bend : std::as_const(mBends)) {
        mRuns.append(QLineF(start, bend.in));
        start = bend.out;
    }
    mRuns.append(QLineF(start, mRoute.last()));
    const QRectF corners = QPolygonF(mRoute).boundingRect();
    mBounds = corners.adjusted(-45, -25, 45, 25); // the line's hit area, the arrowhead and the label
    // Arrowhead at the input port, along the last segment.
    const QPointF tip = mRoute.last();
    const QLineF last(mRoute.at(mRoute.size() - 2), tip);
    const QPointF back = last.length() > 0 ? (tip - last.p1()) / last.length() : QPointF(1, 0);
    const QPointF normal(-back.y(), back.x());
    const QPointF base = tip - back * 11;
    mArrow = QPolygonF{tip - back * 1.5, base + normal * 5, base - normal * 5};
    // The label on the longest horizontal run, where it reads best; else half way.
    mLabelCentre = halfWay(mRoute);
    qreal longest = 0;
    for (int i = 1; i < mRoute.size(); ++i) {
        const QLineF segment(mRoute.at(i - 1), mRoute.at(i));
        // Ties go to the later run: a fan of connections out of one port parts there.
        if (qFuzzyCompare(segment.y1(), segment.y2()) && segment.length() >= longest - 1) {
            longest = segment.length();
            mLabelCentre = segment.center();
        }
    }
}

void EdgeItem::rerouteAcross(NodeItem *node)
{
    if (!node->scene())
        return;
    const QRectF area = node->bodyRect().adjusted(-EdgeRouter::kClearance, -EdgeRouter::kClearance,
                                                  EdgeRouter::kClearance, EdgeRouter::kClearance);
    // Those that went round where it was, and those it now stands in the way of.
    QSet<EdgeItem *> edges = node->detours();
    for (QGraphicsItem *item : node->scene()->items(area))
        if (item->type() == Type)
            edges.insert(static_cast<EdgeItem *>(item));
    for (EdgeItem *edge : std::as_const(edges))
        edge->updatePath();
}

QVariant EdgeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    // Once in a scene, the route can see the nodes in its way.
    if (change == ItemSceneHasChanged)
        updatePath();
    return QGraphicsPathItem::itemChange(change, value);
}

QRectF EdgeItem::boundingRect() const
{
    return mBounds;
}

QPainterPath EdgeItem::shape() const
{
    if (mShape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(10);
        mShape = stroker.createStroke(path());
    }
    return mShape;
}

EdgeItem::Look EdgeItem::lookOf(const QString &edgeType)
{
    if (edgeType == "on-success"_L1)
        return Look::OnSuccess;
    if (edgeType == "on-failure"_L1)
        return Look::OnFailure;
    return Look::Plain;
}

void EdgeItem::setLook(Look look)
{
    mLook = look;
    update();
}

QPen EdgeItem::linePen(const QPalette &palette, bool selected) const
{
    // Half way between the text and the canvas, so the line reads on light and dark alike;
    // a destination in the theme's green or red, which read on either Base too.
    QColor colour = Theme::edge(palette);
    if (mLook == Look::OnSuccess)
        colour = Theme::success(palette);
    else if (mLook == Look::OnFailure)
        colour = Theme::failure(palette);
    if (selected)
        colour = palette.color(QPalette::Highlight);
    // A cosmetic pen takes the rasteriser's fast path, which matters for long lines that
    // cross the whole view.
    QPen pen(colour, selected ? 2.0 : 1.0);
    pen.setCosmetic(true);
    // Dashed: a record sent after the run, not an event that starts one.
    if (mLook != Look::Plain)
        pen.setStyle(Qt::DashLine);
    return pen;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = QApplication::palette();
    const bool selected = option->state & QStyle::State_Selected;
    const QPen pen = linePen(palette, selected);
    const QColor colour = pen.color();
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    if (detail < kPlainDetail) {
        // Far out, a plain line through the corners: no curves, arrowhead nor label.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->drawPolyline(mRoute.constData(), int(mRoute.size()));
        return;
    }
    const QRectF exposed = option->exposedRect.adjusted(-12, -12, 12, 12);
    // The runs are level or upright: crisp without antialiasing, which is several times
    // faster where thousands of connections cross the view. The bends are smoothed.
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->drawLines(mRuns.constData(), int(mRuns.size()));
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPainterPath bends;
    for (const EdgeRouter::Bend &bend : std::as_const(mBends)) {
        if (!exposed.contains(bend.corner))
            continue;
        bends.moveTo(bend.in);
        bends.quadTo(bend.corner, bend.out);
    }
    if (!bends.isEmpty())
        painter->drawPath(bends);

    if (exposed.intersects(mArrow.boundingRect())) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawPolygon(mArrow);
    }
    paintLabel(painter, exposed, colour);
}

void EdgeItem::setLabel(const QString &label)
{
    if (label == mLabel)
        return;
    mLabel = label;
    mLabelFontSize = 0; // measured again
    update();
}

// The meaning at the label's place, on a background so the line does not cross the text.
void EdgeItem::paintLabel(QPainter *painter, const QRectF &exposed, const QColor &colour) const
{
    const QFont base = painter->font();
    QFont font = base;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    // Most connections cross the view far from their label: measured once per font size.
    if (mLabelFontSize != font.pointSizeF()) {
        mLabelFontSize = font.pointSizeF();
        const QFontMetricsF metrics(font);
        mLabelSize = QSizeF(metrics.horizontalAdvance(mLabel) + 10, metrics.height() + 2);
    }
    QRectF box(QPointF(), mLabelSize);
    box.moveCenter(mLabelCentre);
    if (!exposed.intersects(box))
        return;
    const QPalette palette = QApplication::palette();
    painter->setFont(font);
    painter->setBrush(palette.color(QPalette::Base));
    painter->setPen(QPen(colour, 0.8));
    painter->drawRoundedRect(box, 4, 4);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(box, Qt::AlignCenter, mLabel);
    painter->setFont(base);
}
} // namespace Nimbus
