#pragma once

#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>

namespace Nimbus {

// Orthogonal routes for connections: from an output port, leaving to the right, to an
// input port, entered from the left, around the nodes in between. A route is a list of
// corner points; simpleRoute() is the cheap three-segment one, route() searches the
// channels between obstacles (a sparse grid through their sides, A* with a cost per
// bend) and is meant for a handful of obstacles, not a whole diagram.
class EdgeRouter
{
public:
    // How far a route keeps from a node, and how far it runs straight out of a port.
    static constexpr qreal kClearance = 10;
    static constexpr qreal kStub = 20;

    // Three segments through the middle column (a back link goes round under both nodes).
    static QList<QPointF> simpleRoute(QPointF from, QPointF to, const QRectF &fromRect, const QRectF &toRect);
    // The shortest route with few bends that avoids obstacles (the two ends' own rectangles
    // included); empty when none is found.
    static QList<QPointF> route(QPointF from, QPointF to, const QList<QRectF> &obstacles);
    // Whether a route passes through rect (grown by clearance).
    static bool crosses(const QList<QPointF> &points, const QRectF &rect, qreal clearance = 0);
    // A rounded corner: from in, bent at corner, to out.
    struct Bend
    {
        QPointF in;
        QPointF corner;
        QPointF out;
    };
    // The rounded corners of a route, in order (none for a straight line).
    static QList<Bend> bends(const QList<QPointF> &points, qreal radius = 8);
    // The route drawn with rounded corners.
    static QPainterPath path(const QList<QPointF> &points, qreal radius = 8);
};

} // namespace Nimbus
