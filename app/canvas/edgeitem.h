#pragma once

#include "edgerouter.h"
#include "model/edge.h"

#include <QGraphicsPathItem>
#include <QPalette>
#include <QPen>
#include <QPointer>

namespace Nimbus {

class NodeItem;

// A connection drawn from an output port to an input port, with an arrowhead and its
// meaning ("invokes", "writes" ...) on its longest horizontal run. It runs at right angles
// around the nodes in its way (EdgeRouter), which it finds in its scene when its ends move.
class EdgeItem : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 2 };
    // How the line is drawn: most connections plain; a function's asynchronous
    // destinations dashed, in the colour of the outcome that sends the record there.
    enum class Look { Plain, OnSuccess, OnFailure };

    EdgeItem(EdgeId id, const QString &label, NodeItem *from, NodeItem *to, QGraphicsItem *parent = nullptr);
    ~EdgeItem() override;

    int type() const override { return Type; }
    EdgeId edgeId() const { return mId; }
    // The look of a connection of that type ("on-success" ...).
    static Look lookOf(const QString &edgeType);
    void setLook(Look look);
    Look look() const { return mLook; }
    // The pen the line is drawn with in palette, selected or not.
    QPen linePen(const QPalette &palette, bool selected) const;
    void updatePath();
    // The corners of the route drawn (ports included).
    const QList<QPointF> &route() const { return mRoute; }
    // Where the connection's type is written (on its longest horizontal run).
    QPointF labelCentre() const { return mLabelCentre; }
    // What is written there: its type, and what its properties change ("delivers, raw").
    const QString &label() const { return mLabel; }
    void setLabel(const QString &label);
    // Routes again the connections that run across node, or went round it, after it moved
    // or appeared.
    static void rerouteAcross(NodeItem *node);

    // The simple route between two points, for the connection being dragged.
    static QPainterPath curve(QPointF from, QPointF to);

    // A route looks for nodes in its way only within an area this large (in scene units²)
    // and among this many nodes; a longer one keeps the simple route, so that a diagram of
    // thousands of nodes still opens fast.
    static constexpr qreal kMaxSearchArea = 2.0e6;
    static constexpr int kMaxObstacles = 60;
    // Below this level of detail (the view's scale), a connection is a plain line through
    // its corners, without arrowhead or label: as far out as the cards lose their text.
    static constexpr qreal kPlainDetail = 0.4;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    // The route, and the nodes it goes round (none for the simple route).
    QList<QPointF> routeAround(QList<NodeItem *> &avoided) const;
    bool crossesANode(const QList<QPointF> &route) const;
    // The nodes whose bounding rectangles meet rect (the canvas keeps a grid of them).
    QList<NodeItem *> nodesIn(const QRectF &rect) const;
    void setAvoided(const QList<NodeItem *> &nodes);
    void paintLabel(QPainter *painter, const QRectF &exposed, const QColor &colour) const;

    EdgeId mId;
    QString mLabel;
    Look mLook = Look::Plain;
    NodeItem *mFrom;
    NodeItem *mTo;
    QList<QPointF> mRoute;
    QList<QLineF> mRuns; // the route's straight parts, between its bends
    QList<EdgeRouter::Bend> mBends;
    QList<QPointer<NodeItem>> mAvoided; // each knows: its move routes this connection again
    // Computed when the path changes, not at every paint.
    QPolygonF mArrow;
    QPointF mLabelCentre;
    QRectF mBounds;
    mutable QPainterPath mShape; // the hit area, made when first asked
    mutable QSizeF mLabelSize; // in a font of mLabelFontSize
    mutable qreal mLabelFontSize = 0;
};

} // namespace Nimbus
