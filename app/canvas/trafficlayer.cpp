#include "trafficlayer.h"

#include "canvasscene.h"
#include "document/commands.h"
#include "document/project.h"
#include "edgeitem.h"
#include "model/architecture.h"
#include "model/catalog.h"
#include "model/kinds.h"
#include "nodeitem.h"
#include "theme.h"

#include <QApplication>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QTimer>
#include <QVariantAnimation>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
constexpr qreal kPulseRadius = 16; // the glow; the dot itself is a third of it
constexpr int kRefreshMs = 250;

QFont badgeFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

// The child item of type T of a node's item, if it has one.
template<typename T>
T *childOf(NodeItem *item)
{
    if (!item)
        return nullptr;
    for (QGraphicsItem *child : item->childItems())
        if (child->type() == T::Type)
            return static_cast<T *>(child);
    return nullptr;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}
} // namespace

// ---- the items ----------------------------------------------------------------

PulseItem::PulseItem(EdgeId edge, const QColor &colour, bool failed) : mEdge(edge), mColour(colour), mFailed(failed)
{
    // The same size on screen at any zoom: a dot, not a blob or a speck.
    setFlag(ItemIgnoresTransformations);
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(12);
}

QRectF PulseItem::boundingRect() const
{
    return QRectF(-kPulseRadius, -kPulseRadius, 2 * kPulseRadius, 2 * kPulseRadius);
}

void PulseItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QRadialGradient glow(QPointF(0, 0), kPulseRadius);
    QColor inner = mColour;
    inner.setAlphaF(0.6);
    QColor outer = mColour;
    outer.setAlphaF(0);
    glow.setColorAt(0.25, inner);
    glow.setColorAt(1, outer);
    painter->setPen(Qt::NoPen);
    painter->setBrush(glow);
    painter->drawEllipse(boundingRect());
    // The dot, ringed in the canvas colour so that it stands out of the line it runs on.
    painter->setPen(QPen(QApplication::palette().color(QPalette::Base), 1.2));
    painter->setBrush(mColour);
    painter->drawEllipse(QPointF(0, 0), kPulseRadius / 3, kPulseRadius / 3);
}

NodeOverlayItem::NodeOverlayItem(QGraphicsItem *node) : QGraphicsItem(node)
{
    setAcceptedMouseButtons(Qt::NoButton);
}

void NodeOverlayItem::setRect(const QRectF &rect)
{
    prepareGeometryChange();
    mRect = rect;
}

void CounterBadgeItem::setText(const QString &text, bool alarm)
{
    if (text == mText && alarm == mAlarm)
        return;
    mText = text;
    mAlarm = alarm;
    const QFontMetricsF metrics(badgeFont());
    const qreal width = metrics.horizontalAdvance(text) + 16;
    // Centred under the node, clear of its ports.
    setRect(QRectF((NodeItem::kWidth - width) / 2, NodeItem::kHeight + 4, width, metrics.height() + 6));
    update();
}

void CounterBadgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = QApplication::palette();
    // The pill inside the item's rectangle, its pen included.
    const QRectF pill = boundingRect().adjusted(1, 1, -1, -1);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(mAlarm ? Theme::failure(palette) : Theme::edge(palette), 1));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter->setFont(badgeFont());
    painter->setPen(mAlarm ? Theme::failure(palette) : palette.color(QPalette::Text));
    painter->drawText(pill, Qt::AlignCenter, mText);
}

HeatItem::HeatItem(QGraphicsItem *node) : NodeOverlayItem(node)
{
    // A halo: behind the node's opaque body, so only its rim shows.
    setFlag(ItemStacksBehindParent);
    setRect(QRectF(-6, -6, NodeItem::kWidth + 12, NodeItem::kHeight + 12));
}

QColor HeatItem::colourFor(double milliseconds)
{
    const double t = std::clamp(std::log(std::max(milliseconds, 1.0) / kCool) / std::log(kHot / kCool), 0.0, 1.0);
    const QColor neutral = Theme::muted();
    QColor colour = t < 0.5 ? Theme::mix(neutral, Theme::warning(), t * 2)
                            : Theme::mix(Theme::warning(), Theme::failure(), (t - 0.5) * 2);
    colour.setAlphaF(0.3 + 0.55 * t);
    return colour;
}

void HeatItem::setMedian(double milliseconds)
{
    mMedian = milliseconds;
    const QColor colour = colourFor(milliseconds);
    if (colour != mColour) {
        mColour = colour;
        update();
    }
}

void HeatItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(mColour);
    painter->drawRoundedRect(boundingRect(), 12, 12);
}

MadeResourceItem::MadeResourceItem(const MadeResource &made, const Node &node, const NodeKind *kind)
    : mNodeName(made.node), mKindId(made.kind), mAwsName(made.awsName), mMadeBy(made.madeBy)
{
    // Not a design's node: never selected, moved or connected with them.
    setAcceptedMouseButtons(Qt::LeftButton);
    setZValue(1);
    if (kind) {
        mKindName = Catalog::text(kind->name);
        mIcon = QIcon(u":/nimbus/icons/kinds/"_s + kind->iconFile);
        mDetail = NodeItem::detailFor(node, kind);
    }
    setToolTip(tr("%1 %2 was made by %3 for this run; the design does not declare it. \"Add to design\" makes it "
                  "a node of the design.")
                   .arg(mKindName, mAwsName, mMadeBy));
}

QString MadeResourceItem::caption() const
{
    return tr("made by %1").arg(mMadeBy);
}

QRectF MadeResourceItem::boundingRect() const
{
    return QRectF(-2, -2, kWidth + 4, kHeight + 4);
}

void MadeResourceItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = QApplication::palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor accent(0x15, 0x65, 0xc0); // the services' colour, as on the design's cards
    painter->setRenderHint(QPainter::Antialiasing);
    // The card, see-through and dashed: there for this run, not in the design.
    const QRectF body(0, 0, kWidth, NodeItem::kHeight);
    painter->setPen(QPen(accent, 1.6, outlineStyle()));
    painter->setBrush(Theme::mix(base, text, 0.03));
    painter->drawRoundedRect(body, 8, 8);
    painter->setOpacity(0.75);
    mIcon.paint(painter, QRect(16, 14, 32, 32));
    painter->setOpacity(1);
    QFont font = QApplication::font();
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(text);
    const QFontMetricsF metrics(font);
    painter->drawText(QRectF(56, 5, kWidth - 64, 20), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(mNodeName, Qt::ElideRight, kWidth - 64));
    font.setBold(false);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    painter->setPen(Theme::muted());
    const QFontMetricsF small(font);
    const QString line = mDetail.isEmpty() ? mKindName : mKindName + u" · "_s + mDetail;
    painter->drawText(QRectF(56, 26, kWidth - 64, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      small.elidedText(line, Qt::ElideRight, kWidth - 64));
    // The name AWS knows where the node's differs, and what it holds.
    QStringList third;
    if (mAwsName != mNodeName)
        third << mAwsName;
    if (!mCounter.isEmpty())
        third << mCounter;
    painter->drawText(QRectF(56, 42, kWidth - 64, 16), Qt::AlignLeft | Qt::AlignVCenter,
                      small.elidedText(third.join(u" · "_s), Qt::ElideMiddle, kWidth - 64));
    // Who made it, and the way into the design.
    font.setItalic(true);
    painter->setFont(font);
    painter->drawText(QRectF(2, 66, addButtonRect().left() - 6, 22), Qt::AlignLeft | Qt::AlignVCenter,
                      small.elidedText(caption(), Qt::ElideMiddle, addButtonRect().left() - 6));
    font.setItalic(false);
    painter->setFont(font);
    const QRectF button = addButtonRect();
    painter->setPen(QPen(accent, 1));
    painter->setBrush(base);
    painter->drawRoundedRect(button, button.height() / 2, button.height() / 2);
    painter->setPen(accent);
    painter->drawText(button, Qt::AlignCenter, tr("Add to design"));
}

void MadeResourceItem::setCounter(const QString &text)
{
    if (text == mCounter)
        return;
    mCounter = text;
    update();
}

void MadeResourceItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    // Taken whole, so that a press here starts no rubber band over the design.
    mPressedOnButton = event->button() == Qt::LeftButton && addButtonRect().contains(event->pos());
    event->accept();
}

void MadeResourceItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    const bool clicked = mPressedOnButton && addButtonRect().contains(event->pos());
    mPressedOnButton = false;
    event->accept();
    if (clicked)
        emit addToDesignRequested(mNodeName);
}

void MadeResourceItem::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    QMenu menu;
    QAction *add = menu.addAction(tr("Add to design"));
    event->accept();
    if (menu.exec(event->screenPos()) == add)
        emit addToDesignRequested(mNodeName);
}

// ---- the layer ----------------------------------------------------------------

TrafficLayer::TrafficLayer(CanvasScene *scene, QGraphicsView *view, QObject *parent)
    : QObject(parent), mScene(scene), mView(view), mThrottle(new QTimer(this))
{
    // Counters follow a busy cloud a few times a second, not at every hop.
    mThrottle->setSingleShot(true);
    mThrottle->setInterval(kRefreshMs);
    connect(mThrottle, &QTimer::timeout, this, &TrafficLayer::refreshCounters);
}

TrafficLayer::~TrafficLayer()
{
    clear();
}

void TrafficLayer::setCloud(LocalCloud *cloud)
{
    // (A cloud that has gone reads as none: clear all the same.)
    if (cloud && cloud == mCloud)
        return;
    disconnect(mLogged);
    disconnect(mChanged);
    disconnect(mMadeChanged);
    disconnect(mNodeAdded);
    disconnect(mNodeRemoved);
    clear();
    mCloud = cloud;
    if (!cloud)
        return;
    mLastSeen = cloud->log().isEmpty() ? 0 : cloud->log().constLast().id;
    mLogged = connect(cloud, &LocalCloud::logged, this, &TrafficLayer::showHop);
    mMadeChanged = connect(cloud, &LocalCloud::madeResourcesChanged, this, &TrafficLayer::syncMadeResources);
    const Architecture *architecture = &cloud->project().architecture();
    mNodeRemoved = connect(architecture, &Architecture::nodeRemoved, this, [this](NodeId id) {
        if (const auto adopted = mAdopted.constFind(id); adopted != mAdopted.cend() && mCloud) {
            if (const Result<void> back = mCloud->restoreMadeResource(adopted->first, adopted->second); !back)
                emit statusMessage(back.errorMessage());
        }
    });
    mNodeAdded = connect(architecture, &Architecture::nodeAdded, this, [this](NodeId id) {
        if (const auto adopted = mAdopted.constFind(id);
            adopted != mAdopted.cend() && mCloud && mCloud->madeResourceNode(adopted->first.node))
            (void)mCloud->forgetMadeResource(adopted->first.node);
    });
    mChanged = connect(cloud, &LocalCloud::stateChanged, this, [this](const QString &service) {
        mChangedServices.insert(service);
        scheduleRefresh();
    });
    if (Project *project = mScene ? mScene->project() : nullptr)
        for (const auto &[id, node] : project->architecture().nodes())
            mChangedServices.insert(node.name);
    refreshCounters();
    syncMadeResources();
}

void TrafficLayer::clear()
{
    mThrottle->stop();
    for (const QPointer<PulseItem> &pulse : std::as_const(mPulses))
        delete pulse.data();
    mPulses.clear();
    if (Project *project = mScene ? mScene->project() : nullptr) {
        for (const auto &[id, node] : project->architecture().nodes()) {
            delete badge(id);
            delete heat(id);
        }
    }
    mStats.clear();
    mStored.clear();
    mChangedServices.clear();
    mUnfinished.clear();
    mLastSeen = 0;
    for (const QPointer<MadeResourceItem> &item : std::as_const(mMadeItems))
        delete item.data();
    mMadeItems.clear();
    mGridPlaced = 0;
    mAdopted.clear();
}

QList<PulseItem *> TrafficLayer::pulses() const
{
    QList<PulseItem *> live;
    for (const QPointer<PulseItem> &pulse : mPulses)
        if (pulse)
            live.append(pulse);
    return live;
}

CounterBadgeItem *TrafficLayer::badge(NodeId node) const
{
    return mScene ? childOf<CounterBadgeItem>(mScene->nodeItem(node)) : nullptr;
}

HeatItem *TrafficLayer::heat(NodeId node) const
{
    return mScene ? childOf<HeatItem>(mScene->nodeItem(node)) : nullptr;
}

void TrafficLayer::showHop(const CloudLogEntry &entry)
{
    // An invocation is logged when it starts and again when it ends.
    const bool first = entry.id > mLastSeen;
    const bool ended = entry.finished && (first || mUnfinished.remove(entry.id));
    if (first) {
        mLastSeen = entry.id;
        if (!entry.finished)
            mUnfinished.insert(entry.id);
    }
    if (!first && !ended)
        return;
    count(entry, first, ended);
    if (first)
        pulse(entry.edge, !entry.ok, false);
    else if (!entry.ok)
        pulse(entry.edge, true, true); // the failure runs back to whoever asked
    scheduleRefresh();
}

void TrafficLayer::count(const CloudLogEntry &entry, bool first, bool ended)
{
    const Project *project = mScene ? mScene->project() : nullptr;
    if (!project)
        return;
    auto tally = [&](NodeId id) {
        if (id == kInvalidNodeId)
            return;
        Stats &stats = mStats[id];
        stats.hops += first ? 1 : 0;
        stats.failures += ended && !entry.ok ? 1 : 0;
    };
    tally(entry.toNode);
    // A request through a route counts on the route too.
    const Node *from = project->architecture().node(entry.fromNode);
    if (from && from->kind == Kinds::HttpRoute && entry.fromNode != entry.toNode)
        tally(entry.fromNode);
    if (ended && entry.kind == CloudLogEntry::Kind::Invocation && entry.toNode != kInvalidNodeId) {
        QList<double> &durations = mStats[entry.toNode].durations;
        durations.append(entry.durationMs);
        if (durations.size() > kRecentDurations)
            durations.removeFirst();
    }
}

bool TrafficLayer::onScreen(const QRectF &sceneRect) const
{
    if (!mView || !mView->isVisible())
        return true; // nothing tells what a user sees; animate
    return mView->mapToScene(mView->viewport()->rect()).boundingRect().intersects(sceneRect);
}

void TrafficLayer::pulse(EdgeId edge, bool failed, bool backwards)
{
    mPulses.removeAll(nullptr); // those a rebuilt scene took along
    EdgeItem *item = mScene ? mScene->edgeItem(edge) : nullptr;
    if (!item || !onScreen(item->sceneBoundingRect()) || pulses().size() >= kMaxPulses)
        return;
    QPainterPath path = item->sceneTransform().map(item->path());
    if (backwards)
        path = path.toReversed();
    // A connection lights up as it does when selected; a failure in red.
    const QPalette palette = QApplication::palette();
    const QColor colour = failed ? Theme::failure(palette)
                                 : Theme::readable(palette.color(QPalette::Highlight), palette, 4.5);
    auto *dot = new PulseItem(edge, colour, failed);
    dot->setPos(path.pointAtPercent(0));
    mScene->addItem(dot);
    mPulses.append(dot);
    // Owned by the dot: a scene that clears its items takes the animation along.
    auto *animation = new QVariantAnimation(dot);
    animation->setStartValue(0.0);
    animation->setEndValue(1.0);
    animation->setDuration(kPulseMs);
    animation->setEasingCurve(QEasingCurve::InOutSine);
    const qreal length = path.length();
    connect(animation, &QVariantAnimation::valueChanged, dot, [dot, path, length](const QVariant &value) {
        dot->setPos(path.pointAtPercent(path.percentAtLength(value.toReal() * length)));
    });
    connect(animation, &QVariantAnimation::finished, this, [this, dot] {
        mPulses.removeAll(QPointer<PulseItem>(dot));
        dot->deleteLater();
    });
    animation->start();
}

void TrafficLayer::selectHop(const CloudLogEntry &entry)
{
    if (!mScene)
        return;
    NodeItem *node = mScene->nodeItem(entry.toNode != kInvalidNodeId ? entry.toNode : entry.fromNode);
    EdgeItem *edge = mScene->edgeItem(entry.edge);
    if (!node && !edge)
        return;
    mScene->clearSelection();
    if (edge)
        edge->setSelected(true);
    if (node)
        node->setSelected(true);
    const QRectF shown = node ? node->sceneBoundingRect() : edge->sceneBoundingRect();
    if (mView && !mView->mapToScene(mView->viewport()->rect()).boundingRect().contains(shown))
        mView->centerOn(shown.center());
    pulse(entry.edge, !entry.ok, false);
}

void TrafficLayer::scheduleRefresh()
{
    if (!mThrottle->isActive())
        mThrottle->start();
}

QString TrafficLayer::countersOf(const Node &node, bool *alarm) const
{
    const Stats stats = mStats.value(node.id);
    const QLocale locale;
    QStringList parts;
    *alarm = stats.failures > 0;
    if (const qsizetype stored = mStored.value(node.name, -1); stored >= 0) {
        parts << (node.kind == Kinds::Queue   ? tr("%Ln message(s) waiting", nullptr, int(stored))
                  : node.kind == Kinds::Table ? tr("%Ln item(s)", nullptr, int(stored))
                                              : tr("%Ln object(s)", nullptr, int(stored)));
    } else if (stats.hops > 0 && node.kind == Kinds::Function) {
        parts << tr("%Ln invocation(s)", nullptr, stats.hops);
        if (stats.failures > 0)
            parts << tr("%Ln error(s)", nullptr, stats.failures);
        if (!stats.durations.isEmpty())
            parts << tr("p50 %1 ms").arg(locale.toString(median(stats.durations), 'f', 0));
    } else if (stats.hops > 0 && node.kind == Kinds::HttpRoute) {
        parts << tr("%Ln request(s)", nullptr, stats.hops);
        if (stats.failures > 0)
            parts << tr("%Ln failed", nullptr, stats.failures);
    } else if (stats.hops > 0 && node.kind == Kinds::Topic) {
        parts << tr("%Ln message(s) published", nullptr, stats.hops);
    } else if (stats.hops > 0 && node.kind == Kinds::Schedule) {
        parts << tr("fired %Ln time(s)", nullptr, stats.hops);
    }
    return parts.join(u" · "_s);
}

void TrafficLayer::showCounters(NodeItem *item, const Node &node)
{
    bool alarm = false;
    const QString text = countersOf(node, &alarm);
    CounterBadgeItem *counters = childOf<CounterBadgeItem>(item);
    if (text.isEmpty()) {
        delete counters;
    } else {
        if (!counters)
            counters = new CounterBadgeItem(item);
        counters->setText(text, alarm);
    }
    const QList<double> durations = mStats.value(node.id).durations;
    if (node.kind != Kinds::Function || durations.isEmpty())
        return;
    HeatItem *halo = childOf<HeatItem>(item);
    if (!halo)
        halo = new HeatItem(item);
    const double p50 = median(durations);
    halo->setMedian(p50);
    halo->setToolTip(tr("Median duration of the last %Ln invocation(s): %1 ms", nullptr, int(durations.size()))
                         .arg(QLocale().toString(p50, 'f', 0)));
}

void TrafficLayer::refreshCounters()
{
    mThrottle->stop();
    const Project *project = mScene ? mScene->project() : nullptr;
    if (!mCloud || !project)
        return;
    for (const QString &service : std::as_const(mChangedServices))
        mStored.insert(service, mCloud->storedCount(service));
    mChangedServices.clear();
    for (const auto &[id, node] : project->architecture().nodes())
        if (NodeItem *item = mScene->nodeItem(id))
            showCounters(item, node);
    for (const QPointer<MadeResourceItem> &item : std::as_const(mMadeItems)) {
        const Node *node = item ? mCloud->madeResourceNode(item->nodeName()) : nullptr;
        if (!node)
            continue;
        bool alarm = false;
        item->setCounter(countersOf(*node, &alarm));
    }
}

// ---- resources made by code ---------------------------------------------------

QList<MadeResourceItem *> TrafficLayer::madeResourceItems() const
{
    QList<MadeResourceItem *> items;
    for (const QPointer<MadeResourceItem> &item : mMadeItems)
        if (item)
            items.append(item);
    return items;
}

MadeResourceItem *TrafficLayer::madeResourceItem(const QString &nodeName) const
{
    return mMadeItems.value(nodeName);
}

void TrafficLayer::syncMadeResources()
{
    const QList<MadeResource> made = mCloud ? mCloud->madeResources() : QList<MadeResource>();
    QSet<QString> shown;
    for (const MadeResource &resource : made) {
        // One the design has taken over is the design's node's to show.
        if (!mScene || !mCloud->isMadeResource(resource.node))
            continue;
        shown.insert(resource.node);
        if (mMadeItems.value(resource.node))
            continue;
        const Node *node = mCloud->madeResourceNode(resource.node);
        if (!node)
            continue;
        auto *item = new MadeResourceItem(resource, *node, mCloud->project().catalog().kind(resource.kind));
        int gridIndex = -1;
        item->setPos(placeFor(resource, &gridIndex));
        if (gridIndex >= 0)
            mGridPlaced = gridIndex + 1;
        mScene->addItem(item);
        // Queued: adding it to the design takes the item away, which its own click must not see.
        connect(
            item, &MadeResourceItem::addToDesignRequested, this,
            [this](const QString &nodeName) {
            if (const Result<NodeId> added = addToDesign(nodeName); !added)
                emit statusMessage(added.errorMessage());
            },
            Qt::QueuedConnection);
        mMadeItems.insert(resource.node, item);
        mChangedServices.insert(resource.node);
        scheduleRefresh();
    }
    for (auto it = mMadeItems.begin(); it != mMadeItems.end();) {
        if (it.value() && shown.contains(it.key())) {
            ++it;
            continue;
        }
        if (MadeResourceItem *item = it.value()) {
            if (item->scene())
                item->scene()->removeItem(item);
            item->deleteLater();
        }
        it = mMadeItems.erase(it);
    }
}

QPointF TrafficLayer::placeFor(const MadeResource &made, int *gridIndex) const
{
    constexpr qreal kGap = 40;
    const QSizeF size(MadeResourceItem::kWidth, MadeResourceItem::kHeight);
    const auto free = [this, size](QPointF at) {
        const QRectF spot = QRectF(at, size).adjusted(-10, -10, 10, 10);
        if (!mScene->nodesIn(spot).isEmpty())
            return false;
        for (const QPointer<MadeResourceItem> &item : mMadeItems)
            if (item && item->sceneBoundingRect().intersects(spot))
                return false;
        return true;
    };
    // Beside the function that made it, below what it made before.
    const Project *project = mScene->project();
    const Node *maker = project ? project->architecture().nodeByName(made.madeBy) : nullptr;
    if (NodeItem *makerItem = maker ? mScene->nodeItem(maker->id) : nullptr) {
        const QPointF start = makerItem->pos() + QPointF(NodeItem::kWidth + 2 * kGap, NodeItem::kHeight / 2);
        for (int row = 0; row < 8; ++row)
            if (const QPointF at = start + QPointF(0, row * (size.height() + kGap / 2)); free(at))
                return at;
    }
    // Else in a grid under the design, eight to a row.
    QRectF design;
    if (project)
        for (const auto &[id, node] : project->architecture().nodes())
            if (NodeItem *item = mScene->nodeItem(id))
                design |= item->sceneBoundingRect();
    const QPointF origin = design.isNull() ? QPointF() : QPointF(design.left(), design.bottom() + 2 * kGap);
    for (int index = mGridPlaced;; ++index) {
        const QPointF at = origin + QPointF((index % 8) * (size.width() + kGap), (index / 8) * (size.height() + kGap));
        if (free(at) || index > mGridPlaced + 64) {
            *gridIndex = index;
            return at;
        }
    }
}

Result<NodeId> TrafficLayer::addToDesign(const QString &nodeName)
{
    Project *project = mScene ? mScene->project() : nullptr;
    const Node *made = mCloud && mCloud->isMadeResource(nodeName) ? mCloud->madeResourceNode(nodeName) : nullptr;
    if (!project || !made || &mCloud->project() != project)
        return fail(tr("%1 is not a resource made by code in this run").arg(nodeName));
    // The same name, so that the design's node serves what the made one holds.
    if (project->architecture().nodeByName(nodeName))
        return fail(tr("The design has a node named %1 already.").arg(nodeName));
    Node node = *made;
    node.id = project->architecture().allocateNodeId();
    const MadeResourceItem *item = madeResourceItem(nodeName);
    node.position = item ? item->pos() : QPointF();
    // One step with the made resource's kind, name and properties (a FIFO queue's, a
    // table's keys): undone, the node goes again.
    auto *step = new AddNodeCommand(&project->architecture(), node);
    step->setText(tr("Add %1 (made by %2) to the design").arg(nodeName, item ? item->madeBy() : tr("code")));
    for (const MadeResource &resource : mCloud->madeResources())
        if (resource.node == nodeName)
            mAdopted.insert(node.id, {resource, *made});
    project->undoStack()->push(step);
    (void)mCloud->forgetMadeResource(nodeName);
    return node.id;
}

} // namespace Nimbus
