#pragma once

#include "model/edge.h"

#include <QGraphicsPathItem>

namespace Nimbus {

class NodeItem;

// A connection drawn as a curve from an output port to an input port, with an
// arrowhead and its meaning ("invokes", "writes" ...) at the middle.
class EdgeItem : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 2 };

    EdgeItem(EdgeId id, const QString &label, NodeItem *from, NodeItem *to, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    EdgeId edgeId() const { return mId; }
    void updatePath();

    // The curve between two points, shared with the connection being dragged.
    static QPainterPath curve(QPointF from, QPointF to);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    EdgeId mId;
    QString mLabel;
    NodeItem *mFrom;
    NodeItem *mTo;
    // Computed when the path changes, not at every paint.
    QPolygonF mArrow;
    QPointF mLabelCentre;
};

} // namespace Nimbus
