#include "nodeitem.h"

#include "cloud/faults.h"
#include "theme.h"

#include <QFontMetricsF>

#include "model/catalog.h"
#include "model/kinds.h"
#include "model/node.h"

#include <QApplication>
#include <QGraphicsSceneHoverEvent>
#include <QHash>
#include <QJsonDocument>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QRegularExpression>
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

// A runtime as its makers write it: "nodejs20.x" -> "Node.js 20", "python3.12" -> "Python 3.12".
QString runtimeName(const QString &runtime)
{
    static const QRegularExpression versioned(u"^(nodejs|python)([0-9.]+?)(\\.x)?$"_s);
    const QRegularExpressionMatch match = versioned.match(runtime);
    if (!match.hasMatch())
        return runtime;
    return (match.captured(1) == "nodejs"_L1 ? u"Node.js "_s : u"Python "_s) + match.captured(2);
}

// A node's property, or its kind's default when the node does not set it.
QJsonValue valueOf(const Node &node, const NodeKind *kind, const QString &property)
{
    if (node.properties.contains(property))
        return node.properties.value(property);
    const PropertySpec *spec = kind->property(property);
    return spec ? spec->defaultValue : QJsonValue();
}

// "pk: orderId (S)", with " · sk: created (N)" when the table has a sort key.
QString tableKeys(const Node &node, const NodeKind *kind)
{
    auto key = [&](const QString &label, const char *name, const char *type) {
        const QString keyName = valueOf(node, kind, QLatin1String(name)).toString();
        if (keyName.isEmpty())
            return QString();
        return u"%1: %2 (%3)"_s.arg(label, keyName, valueOf(node, kind, QLatin1String(type)).toString());
    };
    const QString partition = key(NodeItem::tr("pk"), "partitionKey", "partitionKeyType");
    const QString sort = key(NodeItem::tr("sk"), "sortKey", "sortKeyType");
    return sort.isEmpty() ? partition : partition + u" · "_s + sort;
}

// The body and the ports' hit circles as one outline (united, not overlapping subpaths:
// where the body and a port's circle overlap, an odd-even fill would leave a hole that no
// press or hover finds). Uniting paths is slow, and there are only four outlines: made once.
QPainterPath shapeFor(bool hasInput, bool hasOutput)
{
    static QPainterPath shapes[4];
    QPainterPath &shape = shapes[(hasInput ? 1 : 0) + (hasOutput ? 2 : 0)];
    if (!shape.isEmpty())
        return shape;
    shape.addRoundedRect(QRectF(0, 0, NodeItem::kWidth, NodeItem::kHeight), 8, 8);
    auto addPortCircle = [&shape](QPointF centre) {
        QPainterPath circle;
        circle.addEllipse(centre, NodeItem::kPortHitRadius, NodeItem::kPortHitRadius);
        shape = shape.united(circle);
    };
    if (hasInput)
        addPortCircle(QPointF(0, NodeItem::kHeight / 2));
    if (hasOutput)
        addPortCircle(QPointF(NodeItem::kWidth, NodeItem::kHeight / 2));
    return shape;
}

// One icon per kind, shared by its nodes: reading an SVG file for each of thousands of
// nodes took most of a big design's drawing, and a shared icon renders each size once.
QIcon iconFor(const QString &iconFile)
{
    static QHash<QString, QIcon> icons;
    auto it = icons.find(iconFile);
    if (it == icons.end())
        it = icons.insert(iconFile, QIcon(u":/nimbus/icons/kinds/"_s + iconFile));
    return it.value();
}
} // namespace

QString NodeItem::detailFor(const Node &node, const NodeKind *kind)
{
    if (!kind)
        return {};
    auto text = [&](const char *property) { return valueOf(node, kind, QLatin1String(property)).toString(); };
    if (node.kind == Kinds::HttpRoute)
        return u"%1 %2"_s.arg(text("method"), text("path"));
    if (node.kind == Kinds::Function) {
        const PropertySpec *memory = kind->property(u"memory"_s);
        const QString unit = memory ? Catalog::text(memory->unit) : QString();
        const int megabytes = valueOf(node, kind, u"memory"_s).toInt();
        return tr("%1 · %2 %3").arg(runtimeName(text("runtime")), QLocale().toString(megabytes), unit);
    }
    if (node.kind == Kinds::Table)
        return tableKeys(node, kind);
    // A queue's or a topic's delivery order (the live depth is the traffic layer's).
    if (node.kind == Kinds::Queue || node.kind == Kinds::Topic)
        return valueOf(node, kind, u"fifo"_s).toBool() ? tr("FIFO") : tr("Standard");
    if (node.kind == Kinds::Schedule)
        return text("expression");
    if (node.kind == Kinds::EventBus)
        return text("busName");
    // A secret's or parameter's name in the cloud, never its value (which the card never knows).
    if (node.kind == Kinds::Secret)
        return valueOf(node, kind, u"generated"_s).toBool() ? tr("%1 · generated").arg(text("secretName"))
                                                            : text("secretName");
    if (node.kind == Kinds::Parameter)
        return u"%1 · %2"_s.arg(text("parameterName"), text("type"));
    // A rule's pattern on one line, as compact as JSON allows.
    if (node.kind == Kinds::Rule) {
        const QJsonDocument pattern = QJsonDocument::fromJson(text("pattern").toUtf8());
        const QString shown = pattern.isObject() ? QString::fromUtf8(pattern.toJson(QJsonDocument::Compact))
                                                 : text("pattern").simplified();
        return valueOf(node, kind, u"enabled"_s).toBool() ? shown : tr("disabled · %1").arg(shown);
    }
    return {};
}

NodeItem::NodeItem(NodeId id, const NodeKind *kind, bool hasInput, bool hasOutput, QGraphicsItem *parent)
    : QGraphicsObject(parent), mId(id), mHasInput(hasInput), mHasOutput(hasOutput)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setCacheMode(DeviceCoordinateCache);
    mShape = shapeFor(hasInput, hasOutput);
    if (kind) {
        mKindId = kind->id;
        mKindName = Catalog::text(kind->name);
        mIcon = iconFor(kind->iconFile);
        mAccent = accentFor(kind->category);
        mProblems = Catalog::text(kind->help);
        setToolTip(mProblems);
    } else {
        mKindName = tr("unknown kind");
        mAccent = Qt::gray;
    }
}

void NodeItem::setName(const QString &name)
{
    updateIfChanged(mName, name);
}

void NodeItem::setDetail(const QString &detail)
{
    updateIfChanged(mDetail, detail);
}

void NodeItem::setSeverity(std::optional<Diagnostic::Severity> severity, const QString &tooltip)
{
    mSeverity = severity;
    mProblems = tooltip;
    refreshToolTip();
    update();
}

void NodeItem::setFaults(const QStringList &faults)
{
    if (faults == mFaults)
        return;
    mFaults = faults;
    refreshToolTip();
    update();
}

QStringList NodeItem::faultsFor(const Node &node)
{
    return FaultSettings::of(node).describe();
}

void NodeItem::refreshToolTip()
{
    // What the card said before (its kind's help, then its problems), and the faults.
    QStringList parts{mProblems};
    if (!mFaults.isEmpty())
        parts.append(tr("Chaos (faults injected by the local cloud):\n%1").arg(u"• "_s + mFaults.join(u"\n• "_s)));
    parts.removeAll(QString());
    setToolTip(parts.join(u"\n\n"_s));
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

    // On a dark canvas a card is lifted a little and ringed in a lighter line, so that it
    // stands out of the background as a white card does on a light one.
    const bool dark = Theme::isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    QColor border = dark ? Theme::mix(base, text, 0.3) : palette.color(QPalette::Mid);
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
    if (detail < kBoxDetail) {
        // Far out, a node is a coloured box: text and icons would be a blur.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(body, selected ? palette.color(QPalette::Highlight) : mAccent);
        return;
    }
    QColor fill = dark ? Theme::mix(base, text, 0.07) : base;
    if (mTargetState == TargetState::Invalid)
        fill = palette.color(QPalette::Window);
    painter->setPen(QPen(border, borderWidth));
    painter->setBrush(fill);
    painter->drawRoundedRect(body, 8, 8);
    if (detail < kTextDetail) {
        // Names too small to read: the card, its category's colour (the bar, and a tile
        // where the icon stands, so the design keeps its look) and its problem only.
        painter->fillRect(QRectF(1, 4, 6, kHeight - 8), mAccent);
        painter->setPen(Qt::NoPen);
        painter->setBrush(mAccent);
        painter->drawRoundedRect(QRectF(16, 14, 32, 32), 6, 6);
        if (mHoveredPort != Port::None) // still where a drag connects
            paintPort(painter, mHoveredPort, palette.color(QPalette::Mid));
        paintSeverity(painter, false);
        return;
    }

    // Accent bar on the left, in the category's colour.
    QPainterPath bar;
    bar.addRoundedRect(QRectF(0, 0, 8, kHeight), 4, 4);
    painter->fillPath(bar, mAccent);

    mIcon.paint(painter, QRect(16, 14, 32, 32));
    paintText(painter, palette);

    if (mHasInput)
        paintPort(painter, Port::Input, palette.color(QPalette::Mid));
    if (mHasOutput)
        paintPort(painter, Port::Output, palette.color(QPalette::Mid));

    paintSeverity(painter, true);
    paintFaultBadge(painter);
}

// Chaos at work: a lightning bolt on purple, left of the problem badge.
void NodeItem::paintFaultBadge(QPainter *painter) const
{
    if (mFaults.isEmpty())
        return;
    const QRectF r = faultBadgeRect();
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0x6a, 0x1b, 0x9a));
    painter->drawEllipse(r);
    QPolygonF bolt;
    const qreal x = r.left(), y = r.top();
    bolt << QPointF(x + 9.5, y + 2.5) << QPointF(x + 4.5, y + 9) << QPointF(x + 8, y + 9) << QPointF(x + 6.5, y + 13.5)
         << QPointF(x + 11.5, y + 7) << QPointF(x + 8, y + 7);
    painter->setBrush(QColor(0xff, 0xd5, 0x4f));
    painter->drawPolygon(bolt);
}

// A problem's badge at the top right: red for an error, amber for a warning.
void NodeItem::paintSeverity(QPainter *painter, bool withSign) const
{
    if (!mSeverity)
        return;
    const bool error = *mSeverity == Diagnostic::Severity::Error;
    const QPointF centre(kWidth - 12, 12);
    painter->setPen(Qt::NoPen);
    painter->setBrush(error ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xf9, 0xa8, 0x25));
    painter->drawEllipse(centre, 8, 8);
    if (!withSign)
        return;
    painter->setPen(Qt::white);
    QFont badge = painter->font();
    badge.setBold(true);
    badge.setPointSizeF(badge.pointSizeF() * 0.8);
    painter->setFont(badge);
    painter->drawText(QRectF(centre.x() - 8, centre.y() - 8, 16, 16), Qt::AlignCenter, error ? u"!"_s : u"?"_s);
}

// Three lines: the name, what the node is in a few words, its kind (beside the cost pill).
void NodeItem::paintText(QPainter *painter, const QPalette &palette)
{
    const qreal left = 52;
    const qreal width = kWidth - left - 10;
    const QFont base = painter->font();
    QFont nameFont = base;
    nameFont.setBold(true);
    painter->setFont(nameFont);
    painter->setPen(palette.color(mTargetState == TargetState::Invalid ? QPalette::PlaceholderText : QPalette::Text));
    painter->drawText(nameRect(), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(nameFont).elidedText(mName, Qt::ElideRight, nameRect().width()));

    QFont detailFont = base;
    detailFont.setPointSizeF(base.pointSizeF() * 0.9);
    if (!mDetail.isEmpty()) {
        painter->setFont(detailFont);
        painter->setPen(palette.color(QPalette::Text));
        const QRectF line(left, 24, width, 17);
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(detailFont).elidedText(mDetail, Qt::ElideMiddle, line.width()));
    }

    QFont kindFont = base;
    kindFont.setPointSizeF(base.pointSizeF() * 0.8);
    painter->setFont(kindFont);
    // Without a detail, the kind takes the second line, as it always did.
    QRectF kindLine = mDetail.isEmpty() ? QRectF(left, 28, width, 18) : QRectF(left, 41, width, 15);
    if (!mCostBadge.isEmpty())
        kindLine.setRight(kWidth - 16 - QFontMetricsF(kindFont).horizontalAdvance(mCostBadge) - 12);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const QString kind = QFontMetricsF(kindFont).elidedText(mKindName, Qt::ElideRight, kindLine.width());
    // Beside the cost, a kind cut short says less than the icon: it gives way.
    if (kind == mKindName || mCostBadge.isEmpty())
        painter->drawText(kindLine, Qt::AlignLeft | Qt::AlignVCenter, kind);
    if (!mCostBadge.isEmpty())
        paintCostBadge(painter, kindFont);
    painter->setFont(base);
}

void NodeItem::paintCostBadge(QPainter *painter, const QFont &font)
{
    painter->setFont(font);
    const qreal width = QFontMetricsF(font).horizontalAdvance(mCostBadge) + 12;
    const QRectF pill(kWidth - width - 8, kHeight - 19, width, 15);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0x2e, 0x7d, 0x32));
    painter->drawRoundedRect(pill, 7, 7);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, mCostBadge);
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
