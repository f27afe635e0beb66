#pragma once

#include "model/diagnostic.h"
#include "model/node.h"

#include <QGraphicsObject>
#include <QIcon>
#include <QPainterPath>
#include <QSet>

namespace Nimbus {

class EdgeItem;
struct Node;
struct NodeKind;

// Draws one node: icon, name, what the node is in a few words (a route's method and path,
// a function's runtime and memory, a queue's type, a table's keys), kind, an input port on the left and an output port
// on the right when the catalog allows connections that way, and a problem badge. A port reacts to the pointer in a
// circle larger than its dot (kPortHitRadius): it lights up and shows a cross cursor, the sign that a drag from there
// connects. It holds no data of its own beyond what it shows; the scene refreshes it from the model.
class NodeItem : public QGraphicsObject
{
    Q_OBJECT

public:
    enum { Type = UserType + 1 };
    enum class Port { None, Input, Output };
    enum class TargetState { Neutral, Valid, Invalid };

    static constexpr qreal kWidth = 196;
    static constexpr qreal kHeight = 60;
    static constexpr qreal kPortRadius = 6;
    // Where a press starts a connection rather than a move: well beyond the painted dot.
    static constexpr qreal kPortHitRadius = 14;
    // Levels of detail (the view's scale): below kTextDetail a card is drawn without its
    // texts, icon and ports, whose text would be too small to read; below kBoxDetail it is
    // a box in its category's colour.
    static constexpr qreal kTextDetail = 0.4;
    static constexpr qreal kBoxDetail = 0.15;

    NodeItem(NodeId id, const NodeKind *kind, bool hasInput, bool hasOutput, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    NodeId nodeId() const { return mId; }
    QString kindId() const { return mKindId; }
    void setName(const QString &name);
    QString name() const { return mName; }
    // The line under the name; empty for kinds that have nothing short to say.
    void setDetail(const QString &detail);
    QString detail() const { return mDetail; }
    // What a node's card says of it: "POST /orders", "Node.js 20 · 256 MB", "pk: id (S)".
    static QString detailFor(const Node &node, const NodeKind *kind);
    void setSeverity(std::optional<Diagnostic::Severity> severity, const QString &tooltip);
    std::optional<Diagnostic::Severity> severity() const { return mSeverity; }
    // The faults the node's Chaos properties inject, one line each: a badge (a lightning
    // bolt left of the problem badge) shows when there are any, and the tooltip lists them.
    void setFaults(const QStringList &faults);
    QStringList faults() const { return mFaults; }
    static QStringList faultsFor(const Node &node);
    // Where the fault badge is drawn, in the item's coordinates.
    static QRectF faultBadgeRect() { return QRectF(kWidth - 42, 4, 16, 16); }
    // A short text in a pill at the bottom right, such as the function's monthly cost.
    void setCostBadge(const QString &text);
    QString costBadge() const { return mCostBadge; }
    TargetState targetState() const { return mTargetState; }
    void setTargetState(TargetState state);
    void setSnapToGrid(qreal grid) { mGrid = grid; }

    QPointF inputPort() const { return mapToScene(QPointF(0, kHeight / 2)); }
    QPointF outputPort() const { return mapToScene(QPointF(kWidth, kHeight / 2)); }
    Port portAt(QPointF scenePos) const;
    // The port under the pointer, drawn highlighted.
    Port hoveredPort() const { return mHoveredPort; }
    QRectF nameRect() const { return QRectF(52, 5, kWidth - 64, 20); }
    // The card's body in scene coordinates, without its ports.
    QRectF bodyRect() const { return QRectF(pos(), QSizeF(kWidth, kHeight)); }
    // The connections routed round this node, to route again when it moves.
    void addDetour(EdgeItem *edge) { mDetours.insert(edge); }
    void removeDetour(EdgeItem *edge) { mDetours.remove(edge); }
    QSet<EdgeItem *> detours() const { return mDetours; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

signals:
    void geometryChanged();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    // Repaints for a value the item shows, unless it shows that value already.
    template<typename T>
    void updateIfChanged(T &shown, const T &value)
    {
        if (shown == value)
            return;
        shown = value;
        update();
    }
    void setHoveredPort(Port port);
    void paintPort(QPainter *painter, Port port, const QColor &ring) const;
    void paintText(QPainter *painter, const QPalette &palette);
    void paintSeverity(QPainter *painter, bool withSign) const;
    void paintCostBadge(QPainter *painter, const QFont &font);
    void paintFaultBadge(QPainter *painter) const;
    void refreshToolTip();

    NodeId mId;
    QString mKindId;
    QString mKindName;
    QString mName;
    QString mDetail;
    QIcon mIcon;
    QColor mAccent;
    bool mHasInput;
    bool mHasOutput;
    QPainterPath mShape; // the body and the ports' hit circles, made once
    Port mHoveredPort = Port::None;
    std::optional<Diagnostic::Severity> mSeverity;
    TargetState mTargetState = TargetState::Neutral;
    qreal mGrid = 0;
    QString mCostBadge;
    QStringList mFaults;
    QString mProblems; // the tooltip without the faults: the kind's help, then the problems
    QSet<EdgeItem *> mDetours;
};

} // namespace Nimbus
