#pragma once

#include "cloud/localcloud.h"
#include "model/edge.h"

#include <QColor>
#include <QGraphicsObject>
#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QSet>

class QGraphicsView;
class QTimer;

namespace Nimbus {

class CanvasScene;
class NodeItem;
struct NodeKind;

// A glowing dot that travels along a connection for one hop, then goes.
class PulseItem : public QGraphicsObject
{
    Q_OBJECT

public:
    enum { Type = UserType + 20 };

    PulseItem(EdgeId edge, const QColor &colour, bool failed);

    int type() const override { return Type; }
    EdgeId edgeId() const { return mEdge; }
    QColor colour() const { return mColour; }
    bool failed() const { return mFailed; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    EdgeId mEdge;
    QColor mColour;
    bool mFailed;
};

// What the layer draws on a node's item, so that it moves and goes with the node. It
// takes no clicks: the node under it keeps them.
class NodeOverlayItem : public QGraphicsItem
{
public:
    explicit NodeOverlayItem(QGraphicsItem *node);
    QRectF boundingRect() const override { return mRect; }

protected:
    void setRect(const QRectF &rect);

private:
    QRectF mRect;
};

// A node's live counters while the local cloud runs, in a pill under the node.
class CounterBadgeItem : public NodeOverlayItem
{
public:
    enum { Type = UserType + 21 };
    using NodeOverlayItem::NodeOverlayItem;
    int type() const override { return Type; }

    // alarm: something failed; the pill says it in the failure colour.
    void setText(const QString &text, bool alarm);
    QString text() const { return mText; }
    bool alarm() const { return mAlarm; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString mText;
    bool mAlarm = false;
};

// A function's heat: a halo behind its node, from neutral to orange and red as the
// median duration of its recent invocations grows.
class HeatItem : public NodeOverlayItem
{
public:
    enum { Type = UserType + 22 };
    // The colour for a median duration: neutral up to kCool ms, red from kHot ms.
    static constexpr double kCool = 100;
    static constexpr double kHot = 2000;
    static QColor colourFor(double milliseconds);

    explicit HeatItem(QGraphicsItem *node);
    int type() const override { return Type; }
    void setMedian(double milliseconds);
    double median() const { return mMedian; }
    QColor colour() const { return mColour; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    double mMedian = 0;
    QColor mColour;
};

// A resource that code made for this run (LocalCloud::madeResources()), drawn as its
// kind's node with a dashed outline and a caption naming the function (or "outside")
// that made it, with an "Add to design" button (also in its context menu). It stands
// beside the design without being of it: never selected with the design's nodes, saved,
// exported or validated, and gone when the cloud stops.
class MadeResourceItem : public QGraphicsObject
{
    Q_OBJECT

public:
    enum { Type = UserType + 23 };
    static constexpr qreal kWidth = 196; // a node's card, and a row for the caption and the button
    static constexpr qreal kHeight = 90;

    MadeResourceItem(const MadeResource &made, const Node &node, const NodeKind *kind);

    int type() const override { return Type; }
    QString nodeName() const { return mNodeName; }
    QString kindId() const { return mKindId; }
    QString madeBy() const { return mMadeBy; }
    // "made by <function>", under the card.
    QString caption() const;
    // The outline's pen style: dashed, the sign of what the design does not declare.
    Qt::PenStyle outlineStyle() const { return Qt::DashLine; }
    // What it holds, as a design's node's counters say it ("2 messages waiting").
    void setCounter(const QString &text);
    QString counter() const { return mCounter; }
    // Where the "Add to design" button is, in the item's coordinates.
    QRectF addButtonRect() const { return QRectF(kWidth - 108, 66, 104, 22); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

signals:
    void addToDesignRequested(const QString &nodeName);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    QString mNodeName;
    QString mKindId;
    QString mKindName;
    QString mAwsName;
    QString mMadeBy;
    QString mDetail;
    QString mCounter;
    QIcon mIcon;
    bool mPressedOnButton = false;
};

// The local cloud's traffic on the canvas: each hop pulses along the connection it
// travelled (red when it failed; a failed answer runs back), nodes carry live counters
// (invocations and errors, requests, messages waiting, items, objects) and functions a
// heat halo by latency. Everything shows only while a cloud is set, and goes with it.
class TrafficLayer : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPulseMs = 550;
    // Beyond this many pulses at once, new hops are counted but not animated.
    static constexpr int kMaxPulses = 48;
    // Durations the median is taken over, per function.
    static constexpr int kRecentDurations = 20;

    // view: to leave off-screen hops unanimated and centre a selected hop (may be null).
    TrafficLayer(CanvasScene *scene, QGraphicsView *view, QObject *parent = nullptr);
    ~TrafficLayer() override;

    // Follows the hops of cloud from now on; nullptr (the cloud stopped) clears the canvas.
    void setCloud(LocalCloud *cloud);
    LocalCloud *cloud() const { return mCloud; }

    // One hop as the cloud logs it: counted, and animated the first time it is seen or
    // when it ends in a failure.
    void showHop(const CloudLogEntry &entry);
    // Selects the node a hop reached (or came from) and the connection it travelled,
    // brings it into view, and pulses it again.
    void selectHop(const CloudLogEntry &entry);

    QList<PulseItem *> pulses() const;
    CounterBadgeItem *badge(NodeId node) const;
    HeatItem *heat(NodeId node) const;
    // Refreshes the counters now rather than at the next throttled refresh.
    void refreshCounters();

    // The items of the resources code made in this run, by node name.
    QList<MadeResourceItem *> madeResourceItems() const;
    MadeResourceItem *madeResourceItem(const QString &nodeName) const;
    // "Add to design": a node of the made resource's kind, name and properties where its
    // item stands, in one undo step; the cloud then forgets it, and the design's node
    // serves it with what it holds. The new node's id, or why it cannot be added.
    Result<NodeId> addToDesign(const QString &nodeName);

signals:
    // What went wrong with a gesture on the layer's items, for the status bar.
    void statusMessage(const QString &message);

private:
    // What the layer has seen of one node's hops since the cloud started.
    struct Stats
    {
        int hops = 0;
        int failures = 0;
        QList<double> durations; // the most recent last
    };

    void clear();
    void pulse(EdgeId edge, bool failed, bool backwards);
    bool onScreen(const QRectF &sceneRect) const;
    void count(const CloudLogEntry &entry, bool first, bool ended);
    void scheduleRefresh();
    // The counters' text for a node, empty for none; alarm when some failed.
    QString countersOf(const Node &node, bool *alarm) const;
    void showCounters(NodeItem *item, const Node &node);
    // Draws what the cloud made by code and no longer draws what it forgot.
    void syncMadeResources();
    // Where a made resource goes: beside the function that made it, else in a grid under
    // the design, where no node stands. index: its place among those in the grid.
    QPointF placeFor(const MadeResource &made, int *gridIndex) const;

    QPointer<CanvasScene> mScene; // the window may take it down first
    QPointer<QGraphicsView> mView;
    QPointer<LocalCloud> mCloud;
    QMetaObject::Connection mLogged;
    QMetaObject::Connection mChanged;
    QTimer *mThrottle;
    QList<QPointer<PulseItem>> mPulses;
    QHash<NodeId, Stats> mStats;
    QHash<QString, qsizetype> mStored; // what each queue, table and bucket holds
    QSet<QString> mChangedServices; // whose stored count is out of date
    qint64 mLastSeen = 0;
    QSet<qint64> mUnfinished; // hops seen running, not yet ended
    QMetaObject::Connection mMadeChanged;
    QMetaObject::Connection mNodeAdded;
    QMetaObject::Connection mNodeRemoved;
    // What "Add to design" took from the cloud, by the id of the node it made: undone (or
    // deleted), the node's resource goes back to the cloud as made by code; redone, it
    // is the design's again.
    QHash<NodeId, QPair<MadeResource, Node>> mAdopted;
    QHash<QString, QPointer<MadeResourceItem>> mMadeItems; // by node name
    int mGridPlaced = 0; // made resources placed in the grid under the design
};

} // namespace Nimbus
