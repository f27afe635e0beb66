#include "edgeitem.h"

#include "nodeitem.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace Nimbus {

EdgeItem::EdgeItem(EdgeId id, const QString &label, NodeItem *from, NodeItem *to, QGraphicsItem *parent)
    : QGraphicsPathItem(parent), mId(id), mLabel(label), mFrom(from), mTo(to)
{
    setFlag(ItemIsSelectable);
    setZValue(-1);
    updatePath();
}

QPainterPath EdgeItem::curve(QPointF from, QPointF to)
{
    QPainterPath path(from);
    // Horizontal tangents, so flows read left to right even when a link goes back.
    const qreal dx = std::max(60.0, std::abs(to.x() - from.x()) / 2);
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    return path;
}

void EdgeItem::updatePath()
{
    prepareGeometryChange();
    setPath(curve(mFrom->outputPort(), mTo->inputPort()));
}

QRectF EdgeItem::boundingRect() const
{
    return QGraphicsPathItem::boundingRect().adjusted(-40, -20, 40, 20);
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(path());
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = QApplication::palette();
    const bool selected = option->state & QStyle::State_Selected;
    const QColor colour = selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Dark);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colour, selected ? 2.5 : 1.6));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());

    // Arrowhead at the input port, along the curve's last tangent.
    const QPointF tip = path().pointAtPercent(1.0);
    const qreal radians = -path().angleAtPercent(0.99) * M_PI / 180.0;
    const QPointF back(std::cos(radians), std::sin(radians));
    const QPointF normal(-back.y(), back.x());
    const QPointF base = tip - back * 11;
    QPolygonF head{tip - back * 1.5, base + normal * 5, base - normal * 5};
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(head);

    // The meaning at the middle, on a background so the line does not cross the text.
    const QPointF mid = path().pointAtPercent(0.5);
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    QRectF box(0, 0, metrics.horizontalAdvance(mLabel) + 10, metrics.height() + 2);
    box.moveCenter(mid);
    painter->setBrush(palette.color(QPalette::Base));
    painter->setPen(QPen(colour, 0.8));
    painter->drawRoundedRect(box, 4, 4);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(box, Qt::AlignCenter, mLabel);
}

} // namespace Nimbus
