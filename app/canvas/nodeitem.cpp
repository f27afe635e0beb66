#include "nodeitem.h"

#include <QFontMetricsF>

#include "model/catalog.h"

#include <QApplication>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
// One accent colour per category, so the diagram reads at a glance.
QColor accentFor(const QString &category)
{
    if (category == "Triggers"_L1)
        return QColor(0x7c, 0x4d, 0xff);
    if (category == "Compute"_L1)
        return QColor(0xf5, 0x7c, 0x00);
    return QColor(0x15, 0x65, 0xc0);
}
} // namespace

NodeItem::NodeItem(NodeId id, const NodeKind *kind, bool hasInput, bool hasOutput, QGraphicsItem *parent)
    : QGraphicsObject(parent), mId(id), mHasInput(hasInput), mHasOutput(hasOutput)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setCacheMode(DeviceCoordinateCache);
    // One outline (united, not overlapping subpaths): where the body and a port's circle
    // overlap, an odd-even fill would leave a hole that no press or hover finds.
    mShape.addRoundedRect(QRectF(0, 0, kWidth, kHeight), 8, 8);
    auto addPortCircle = [this](QPointF centre) {
        QPainterPath circle;
        circle.addEllipse(centre, kPortHitRadius, kPortHitRadius);
        mShape = mShape.united(circle);
    };
    if (hasInput)
        addPortCircle(QPointF(0, kHeight / 2));
    if (hasOutput)
        addPortCircle(QPointF(kWidth, kHeight / 2));
    if (kind) {
        mKindId = kind->id;
        mKindName = Catalog::text(kind->name);
        mIcon = QIcon(u":/nimbus/icons/kinds/"_s + kind->iconFile);
        mAccent = accentFor(kind->category);
        setToolTip(Catalog::text(kind->help));
    } else {
        mKindName = tr("unknown kind");
        mAccent = Qt::gray;
    }
}

void NodeItem::setName(const QString &name)
{
    updateIfChanged(mName, name);
}

void NodeItem::setSeverity(std::optional<Diagnostic::Severity> severity, const QString &tooltip)
{
    mSeverity = severity;
    setToolTip(tooltip);
    update();
}

void NodeItem::setTargetState(TargetState state)
{
    updateIfChanged(mTargetState, state);
}

void NodeItem::setCostBadge(const QString &text)
{
    updateIfChanged(mCostBadge, text);
}

NodeItem::Port NodeItem::portAt(QPointF scenePos) const
{
    if (mHasOutput && QLineF(scenePos, outputPort()).length() <= kPortHitRadius)
        return Port::Output;
    if (mHasInput && QLineF(scenePos, inputPort()).length() <= kPortHitRadius)
        return Port::Input;
    return Port::None;
}

void NodeItem::setHoveredPort(Port port)
{
    if (port == mHoveredPort)
        return;
    mHoveredPort = port;
    update();
    if (port == Port::None)
        unsetCursor();
    else
        setCursor(Qt::CrossCursor);
}

void NodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    setHoveredPort(portAt(event->scenePos()));
    QGraphicsObject::hoverMoveEvent(event);
}

void NodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    setHoveredPort(Port::None);
    QGraphicsObject::hoverLeaveEvent(event);
}

QRectF NodeItem::boundingRect() const
{
    const qreal m = kPortHitRadius + 2;
    return QRectF(-m, -m, kWidth + 2 * m, kHeight + 2 * m);
}

QPainterPath NodeItem::shape() const
{
    return mShape;
}

// A port's dot; the hovered one larger, in the highlight colour, on a halo.
void NodeItem::paintPort(QPainter *painter, Port port, const QColor &ring) const
{
    const QPointF centre(port == Port::Input ? 0 : kWidth, kHeight / 2);
    if (port != mHoveredPort) {
        painter->setPen(QPen(ring, 1.2));
        painter->setBrush(mAccent);
        painter->drawEllipse(centre, kPortRadius, kPortRadius);
        return;
    }
    const QPalette palette = QApplication::palette();
    QColor halo = palette.color(QPalette::Highlight);
    halo.setAlpha(70);
    painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
    painter->setBrush(halo);
    painter->drawEllipse(centre, kPortHitRadius - 2, kPortHitRadius - 2);
    // A ring in the background colour keeps the dot apart from a halo of the same hue.
    painter->setPen(QPen(palette.color(QPalette::Base), 2));
    painter->setBrush(mAccent);
    painter->drawEllipse(centre, kPortRadius + 2, kPortRadius + 2);
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = QApplication::palette();
    const bool selected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);

    QColor border = palette.color(QPalette::Mid);
    qreal borderWidth = 1.2;
    if (mTargetState == TargetState::Valid) {
        border = QColor(0x2e, 0x7d, 0x32);
        borderWidth = 3;
    } else if (selected) {
        border = palette.color(QPalette::Highlight);
        borderWidth = 2.5;
    }
    const QRectF body(0, 0, kWidth, kHeight);
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (detail < 0.15) {
        // Far out, a node is a coloured box: text and icons would be a blur.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(body, selected ? palette.color(QPalette::Highlight) : mAccent);
        return;
    }
    QColor fill = palette.color(QPalette::Base);
    if (mTargetState == TargetState::Invalid)
        fill = palette.color(QPalette::Window);
    painter->setPen(QPen(border, borderWidth));
    painter->setBrush(fill);
    painter->drawRoundedRect(body, 8, 8);

    // Accent bar on the left, in the category's colour.
    QPainterPath bar;
    bar.addRoundedRect(QRectF(0, 0, 8, kHeight), 4, 4);
    painter->fillPath(bar, mAccent);

    mIcon.paint(painter, QRect(16, 14, 32, 32));

    QFont nameFont = painter->font();
    nameFont.setBold(true);
    painter->setFont(nameFont);
    painter->setPen(palette.color(mTargetState == TargetState::Invalid ? QPalette::PlaceholderText : QPalette::Text));
    const QFontMetricsF nameMetrics(nameFont);
    painter->drawText(nameRect(), Qt::AlignLeft | Qt::AlignVCenter,
                      nameMetrics.elidedText(mName, Qt::ElideRight, nameRect().width()));
    QFont kindFont = painter->font();
    kindFont.setBold(false);
    kindFont.setPointSizeF(kindFont.pointSizeF() * 0.85);
    painter->setFont(kindFont);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(QRectF(52, 32, kWidth - 64, 18), Qt::AlignLeft | Qt::AlignVCenter, mKindName);

    if (mHasInput)
        paintPort(painter, Port::Input, palette.color(QPalette::Mid));
    if (mHasOutput)
        paintPort(painter, Port::Output, palette.color(QPalette::Mid));

    if (!mCostBadge.isEmpty()) {
        QFont font = kindFont;
        font.setPointSizeF(kindFont.pointSizeF() * 0.95);
        painter->setFont(font);
        const qreal width = QFontMetricsF(font).horizontalAdvance(mCostBadge) + 12;
        const QRectF pill(kWidth - width - 8, kHeight - 21, width, 15);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x2e, 0x7d, 0x32));
        painter->drawRoundedRect(pill, 7, 7);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, mCostBadge);
    }

    if (mSeverity) {
        const bool error = *mSeverity == Diagnostic::Severity::Error;
        const QPointF centre(kWidth - 12, 12);
        painter->setPen(Qt::NoPen);
        painter->setBrush(error ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xf9, 0xa8, 0x25));
        painter->drawEllipse(centre, 8, 8);
        painter->setPen(Qt::white);
        QFont badge = nameFont;
        badge.setPointSizeF(nameFont.pointSizeF() * 0.8);
        painter->setFont(badge);
        painter->drawText(QRectF(centre.x() - 8, centre.y() - 8, 16, 16), Qt::AlignCenter, error ? u"!"_s : u"?"_s);
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange && mGrid > 0) {
        const QPointF p = value.toPointF();
        return QPointF(std::round(p.x() / mGrid) * mGrid, std::round(p.y() / mGrid) * mGrid);
    }
    if (change == ItemPositionHasChanged)
        emit geometryChanged();
    return QGraphicsObject::itemChange(change, value);
}

} // namespace Nimbus
