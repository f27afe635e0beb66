#include "diagrampainter.h"

#include "architecture.h"
#include "catalog.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
constexpr qreal kStub = 20; // how far a connection runs straight out of and into a card

struct Colours
{
    QColor background, card, border, shadow, text, muted, line;
};

// The canvas's colours on a light and on a dark palette; on dark, a card is lifted a little.
Colours coloursFor(bool dark)
{
    if (dark)
        return {QColor(0x1e1f22), QColor(0x2b2d31), QColor(0x4f535a), QColor(0, 0, 0, 70),
                QColor(0xe8eaed), QColor(0xa4a9b1), QColor(0x8a8f98)};
    return {QColor(0xffffff), QColor(0xffffff), QColor(0xb4b9c2), QColor(0, 0, 0, 24),
            QColor(0x1f2328), QColor(0x5f656e), QColor(0x868b94)};
}

// Sizes in pixels of the design, so that the picture does not depend on a screen's dpi.
QFont font(int pixels, bool bold = false)
{
    QFont f;
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

QRectF cardOf(const Node &node)
{
    return QRectF(node.position, QSizeF(DiagramPainter::kCardWidth, DiagramPainter::kCardHeight));
}

// Without repeated points and without points in the middle of a straight run.
QList<QPointF> simplified(const QList<QPointF> &points)
{
    QList<QPointF> out;
    for (const QPointF &p : points) {
        if (!out.isEmpty() && out.last() == p)
            continue;
        if (out.size() >= 2) {
            const QPointF a = out.at(out.size() - 2), b = out.last();
            if ((a.x() == b.x() && b.x() == p.x()) || (a.y() == b.y() && b.y() == p.y()))
                out.removeLast();
        }
        out.append(p);
    }
    return out;
}

// How many cards other than its ends a route runs through.
int crossings(const QList<QPointF> &points, const QList<QRectF> &cards, const QRectF &from, const QRectF &to)
{
    int count = 0;
    for (const QRectF &card : cards) {
        if (card == from || card == to)
            continue;
        for (int i = 1; i < points.size(); ++i) {
            if (QRectF(points.at(i - 1), points.at(i)).normalized().adjusted(-1, -1, 1, 1).intersects(card)) {
                ++count;
                break;
            }
        }
    }
    return count;
}

// As the canvas routes a connection: out of the right side, in at the left, at right
// angles; one that goes back runs round under (or over) both cards. Of a few such routes,
// the first that runs through the fewest other cards; no search round them.
QList<QPointF> route(const QRectF &from, const QRectF &to, const QList<QRectF> &cards)
{
    const QPointF out(from.right(), from.center().y()), in(to.left(), to.center().y());
    const QPointF start = out + QPointF(kStub, 0), end = in - QPointF(kStub, 0);
    QList<QList<QPointF>> candidates;
    if (end.x() >= start.x()) {
        // Just past a stub, not on it: a connection going back turns there.
        const qreal middle = (start.x() + end.x()) / 2;
        for (const qreal x : {middle, std::min(start.x() + 10, middle), std::max(end.x() - 10, middle)})
            candidates.append(simplified({out, QPointF(x, out.y()), QPointF(x, in.y()), in}));
    } else {
        for (const qreal y : {std::max(from.bottom(), to.bottom()) + kStub, std::min(from.top(), to.top()) - kStub})
            candidates.append(simplified({out, start, QPointF(start.x(), y), QPointF(end.x(), y), end, in}));
    }
    return *std::min_element(candidates.cbegin(), candidates.cend(), [&](const auto &a, const auto &b) {
        return crossings(a, cards, from, to) < crossings(b, cards, from, to);
    });
}

// Where the label goes: the middle of the longest horizontal run, the later one of equals.
QPointF labelCentre(const QList<QPointF> &points)
{
    QPointF centre = (points.first() + points.last()) / 2;
    qreal longest = -1;
    for (int i = 1; i < points.size(); ++i) {
        const QLineF segment(points.at(i - 1), points.at(i));
        if (segment.y1() == segment.y2() && segment.length() >= longest - 1) {
            longest = segment.length();
            centre = segment.center();
        }
    }
    return centre;
}

void paintConnection(QPainter &p, const QList<QPointF> &points, const QColor &colour, bool dashed)
{
    QPainterPath path(points.first());
    for (int i = 1; i < points.size(); ++i)
        path.lineTo(points.at(i));
    p.setPen(QPen(colour, 1.3, dashed ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    const QPointF tip = points.last();
    const QLineF last(points.at(points.size() - 2), tip);
    const QPointF back = (tip - last.p1()) / last.length();
    const QPointF normal(-back.y(), back.x()), base = tip - back * 11;
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawPolygon(QPolygonF{tip, base + normal * 5, base - normal * 5});
}

// The label on its line; moved back off the arrow head when its run is short.
void paintLabel(QPainter &p, const QString &label, QPointF centre, QPointF tip, const Colours &c)
{
    const QFont f = font(11);
    const QFontMetricsF metrics(f);
    QRectF box(0, 0, metrics.horizontalAdvance(label) + 10, metrics.height() + 2);
    box.moveCenter(centre);
    if (box.intersects(QRectF(tip.x() - 13, tip.y() - 6, 13, 12)))
        box.moveRight(tip.x() - 13);
    p.setFont(f);
    p.setPen(QPen(c.line, 0.8));
    p.setBrush(c.background);
    p.drawRoundedRect(box, 4, 4);
    p.setPen(c.text);
    p.drawText(box, Qt::AlignCenter, label);
}

void paintCard(QPainter &p, const QRectF &card, const QString &name, const QString &kind, const QColor &accent,
               const Colours &c)
{
    p.setPen(Qt::NoPen);
    p.setBrush(c.shadow);
    p.drawRoundedRect(card.translated(0, 2), 8, 8);
    p.setPen(QPen(c.border, 1.2));
    p.setBrush(c.card);
    p.drawRoundedRect(card, 8, 8);
    // The left edge and the badge in the category's colour, as on the canvas.
    QPainterPath outline;
    outline.addRoundedRect(card.adjusted(-0.6, -0.6, 0.6, 0.6), 8.6, 8.6);
    p.save();
    p.setClipRect(QRectF(card.left() - 1, card.top() - 1, 7, card.height() + 2));
    p.fillPath(outline, accent);
    p.restore();
    const QRectF badge(card.left() + 16, card.top() + 14, 32, 32);
    p.setPen(Qt::NoPen);
    p.setBrush(accent);
    p.drawRoundedRect(badge, 7, 7);
    p.setFont(font(16, true));
    p.setPen(Qt::white);
    p.drawText(badge, Qt::AlignCenter, kind.left(1).toUpper());

    const qreal left = card.left() + 58, width = card.right() - 10 - left;
    const QFont nameFont = font(13, true), kindFont = font(11);
    const QRectF nameLine(left, card.top() + 10, width, 20), kindLine(left, card.top() + 30, width, 18);
    p.setFont(nameFont);
    p.setPen(c.text);
    p.drawText(nameLine, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(nameFont).elidedText(name, Qt::ElideRight, width));
    p.setFont(kindFont);
    p.setPen(c.muted);
    p.drawText(kindLine, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(kindFont).elidedText(kind, Qt::ElideRight, width));
}
} // namespace

DiagramPainter::DiagramPainter(const Catalog &catalog, const Architecture &architecture)
    : mCatalog(catalog), mArchitecture(architecture)
{ }

bool DiagramPainter::isDestination(const QString &edgeType)
{
    return edgeType == "on-success"_L1 || edgeType == "on-failure"_L1;
}

QColor DiagramPainter::connectionColour(const QString &edgeType, bool dark)
{
    // The canvas's theme: green and red that read on either background.
    if (edgeType == "on-success"_L1)
        return dark ? QColor(0x66bb6a) : QColor(0x2e7d32);
    if (edgeType == "on-failure"_L1)
        return dark ? QColor(0xff6b6b) : QColor(0xc62828);
    return coloursFor(dark).line;
}

QColor DiagramPainter::accent(const QString &category)
{
    if (category == "Triggers"_L1)
        return QColor(0x7c, 0x4d, 0xff);
    if (category == "Compute"_L1)
        return QColor(0xf5, 0x7c, 0x00);
    if (category.isEmpty())
        return Qt::gray; // a kind the catalog does not know
    return QColor(0x15, 0x65, 0xc0);
}

QRectF DiagramPainter::bounds() const
{
    QRectF area;
    for (const auto &[id, node] : mArchitecture.nodes())
        area = area.isNull() ? cardOf(node) : area.united(cardOf(node));
    // The margin holds what reaches out of the cards: a connection going back, a label.
    return area.isNull() ? area : area.adjusted(-kMargin, -kMargin, kMargin, kMargin);
}

qreal DiagramPainter::fittedScale(qreal scale) const
{
    const QRectF area = bounds();
    if (area.isNull())
        return scale;
    return std::min({scale, kMaxSide / area.width(), kMaxSide / area.height()});
}

QImage DiagramPainter::render(qreal scale) const
{
    const QRectF area = bounds();
    if (area.isNull() || scale <= 0)
        return {};
    scale = fittedScale(scale);
    const QSize size(std::min(kMaxSide, qCeil(area.width() * scale)), std::min(kMaxSide, qCeil(area.height() * scale)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    const Colours c = coloursFor(mDark);
    image.fill(c.background);
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    p.scale(scale, scale);
    p.translate(-area.topLeft());

    QList<QRectF> cards;
    for (const auto &[id, node] : mArchitecture.nodes())
        cards.append(cardOf(node));
    // Connections under the cards, as on the canvas; labels over the lines.
    struct Label
    {
        QString text;
        QPointF centre, tip;
    };
    QList<Label> labels;
    for (const auto &[id, edge] : mArchitecture.edges()) {
        const Node *from = mArchitecture.node(edge.from), *to = mArchitecture.node(edge.to);
        if (!from || !to)
            continue;
        const QList<QPointF> points = route(cardOf(*from), cardOf(*to), cards);
        paintConnection(p, points, connectionColour(edge.type, mDark), isDestination(edge.type));
        const EdgeType *type = mCatalog.edgeType(edge.type);
        labels.append({type ? Catalog::text(type->label) : edge.type, labelCentre(points), points.last()});
    }
    for (const Label &label : std::as_const(labels))
        paintLabel(p, label.text, label.centre, label.tip, c);
    for (const auto &[id, node] : mArchitecture.nodes()) {
        const NodeKind *kind = mCatalog.kind(node.kind);
        paintCard(p, cardOf(node), node.name, kind ? Catalog::text(kind->name) : tr("unknown kind"),
                  accent(kind ? kind->category : QString()), c);
    }
    return image;
}

Result<QByteArray> DiagramPainter::png(qreal scale) const
{
    if (mArchitecture.nodeCount() == 0)
        return fail(tr("the design has no nodes"));
    if (scale <= 0)
        return fail(tr("the scale must be more than 0, not %1").arg(scale));
    const QImage image = render(scale);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (image.isNull() || !buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG"))
        return fail(tr("the diagram could not be written as a PNG"));
    return bytes;
}

} // namespace Nimbus
