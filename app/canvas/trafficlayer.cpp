#include "trafficlayer.h"

#include "canvasscene.h"
#include "document/project.h"
#include "edgeitem.h"
#include "model/kinds.h"
#include "nodeitem.h"
#include "theme.h"

#include <QApplication>
#include <QGraphicsView>
#include <QLocale>
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
    clear();
    mCloud = cloud;
    if (!cloud)
        return;
    mLastSeen = cloud->log().isEmpty() ? 0 : cloud->log().constLast().id;
    mLogged = connect(cloud, &LocalCloud::logged, this, &TrafficLayer::showHop);
    mChanged = connect(cloud, &LocalCloud::stateChanged, this, [this](const QString &service) {
        mChangedServices.insert(service);
        scheduleRefresh();
    });
    if (Project *project = mScene ? mScene->project() : nullptr)
        for (const auto &[id, node] : project->architecture().nodes())
            mChangedServices.insert(node.name);
    refreshCounters();
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
}

} // namespace Nimbus
