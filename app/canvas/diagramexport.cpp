#include "diagramexport.h"

#include "canvasscene.h"
#include "document/project.h"
#include "edgeitem.h"
#include "model/catalog.h"
#include "model/diagrampainter.h"
#include "nodeitem.h"
#include "trafficlayer.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QSaveFile>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
QString number(qreal v)
{
    return QString::number(v, 'f', 1);
}

QString pathData(const QPainterPath &path, QPointF origin)
{
    QStringList parts;
    for (int i = 0; i < path.elementCount(); ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        const QPointF p = QPointF(e.x, e.y) - origin;
        if (e.isMoveTo())
            parts.append(u"M %1 %2"_s.arg(number(p.x()), number(p.y())));
        else if (e.isLineTo())
            parts.append(u"L %1 %2"_s.arg(number(p.x()), number(p.y())));
        else if (e.type == QPainterPath::CurveToElement)
            parts.append(u"C %1 %2"_s.arg(number(p.x()), number(p.y())));
        else
            parts.append(u"%1 %2"_s.arg(number(p.x()), number(p.y())));
    }
    return parts.join(' '_L1);
}

// A connection's colour: grey, or a destination's green or red as on the canvas.
QString strokeOf(const QString &edgeType)
{
    return DiagramPainter::isDestination(edgeType) ? DiagramPainter::connectionColour(edgeType).name() : u"#555"_s;
}

QString arrowId(const QString &edgeType)
{
    return DiagramPainter::isDestination(edgeType) ? u"arrow-"_s + edgeType : u"arrow"_s;
}

// The document's start: size, the arrow heads connections end with, a white background.
void writeSvgStart(QXmlStreamWriter &xml, const QRectF &source)
{
    xml.writeStartDocument();
    xml.writeStartElement(u"svg"_s);
    xml.writeDefaultNamespace(u"http://www.w3.org/2000/svg"_s);
    xml.writeAttribute(u"width"_s, number(source.width()));
    xml.writeAttribute(u"height"_s, number(source.height()));
    xml.writeAttribute(u"viewBox"_s, u"0 0 %1 %2"_s.arg(number(source.width()), number(source.height())));
    xml.writeAttribute(u"font-family"_s, u"sans-serif"_s);

    xml.writeStartElement(u"defs"_s);
    // One arrow head per colour of line: plain, and the two destinations'.
    for (const QString &type : {QString(), u"on-success"_s, u"on-failure"_s}) {
        xml.writeStartElement(u"marker"_s);
        xml.writeAttribute(u"id"_s, arrowId(type));
        xml.writeAttribute(u"viewBox"_s, u"0 0 10 10"_s);
        xml.writeAttribute(u"refX"_s, u"10"_s);
        xml.writeAttribute(u"refY"_s, u"5"_s);
        xml.writeAttribute(u"markerWidth"_s, u"8"_s);
        xml.writeAttribute(u"markerHeight"_s, u"8"_s);
        xml.writeAttribute(u"orient"_s, u"auto"_s);
        xml.writeEmptyElement(u"path"_s);
        xml.writeAttribute(u"d"_s, u"M 0 0 L 10 5 L 0 10 z"_s);
        xml.writeAttribute(u"fill"_s, strokeOf(type));
        xml.writeEndElement(); // marker
    }
    xml.writeEndElement(); // defs

    xml.writeEmptyElement(u"rect"_s);
    xml.writeAttribute(u"width"_s, u"100%"_s);
    xml.writeAttribute(u"height"_s, u"100%"_s);
    xml.writeAttribute(u"fill"_s, u"#ffffff"_s);
}

// A connection as a group: its path with an arrow, and its type at the middle.
void writeSvgEdge(QXmlStreamWriter &xml, EdgeId id, const Edge &edge, const EdgeItem *item,
                  const Architecture &architecture, QPointF origin)
{
    xml.writeStartElement(u"g"_s);
    xml.writeAttribute(u"class"_s, u"edge "_s + edge.type);
    xml.writeAttribute(u"id"_s, u"edge-%1"_s.arg(id));
    xml.writeTextElement(
        u"title"_s, u"%1 %2 %3"_s.arg(architecture.node(edge.from)->name, edge.type, architecture.node(edge.to)->name));
    xml.writeEmptyElement(u"path"_s);
    xml.writeAttribute(u"d"_s, pathData(item->path(), origin));
    xml.writeAttribute(u"fill"_s, u"none"_s);
    xml.writeAttribute(u"stroke"_s, strokeOf(edge.type));
    xml.writeAttribute(u"stroke-width"_s, u"1.6"_s);
    if (DiagramPainter::isDestination(edge.type))
        xml.writeAttribute(u"stroke-dasharray"_s, u"6 4"_s); // a record sent after a run
    xml.writeAttribute(u"marker-end"_s, u"url(#%1)"_s.arg(arrowId(edge.type)));
    const QPointF mid = item->labelCentre() + QPointF(0, 8) - origin; // where the canvas writes it
    xml.writeStartElement(u"text"_s);
    xml.writeAttribute(u"x"_s, number(mid.x()));
    xml.writeAttribute(u"y"_s, number(mid.y() - 4));
    xml.writeAttribute(u"font-size"_s, u"10"_s);
    xml.writeAttribute(u"text-anchor"_s, u"middle"_s);
    xml.writeAttribute(u"fill"_s, u"#333"_s);
    xml.writeCharacters(edge.type);
    xml.writeEndElement(); // text
    xml.writeEndElement(); // g
}

// A node as a group: its box, the kind's icon embedded, its name and its kind.
void writeSvgNode(QXmlStreamWriter &xml, const Node &node, const NodeItem *item, const Catalog &catalog, QPointF origin)
{
    const NodeKind *kind = catalog.kind(node.kind);
    const QPointF p = item->pos() - origin;
    xml.writeStartElement(u"g"_s);
    xml.writeAttribute(u"class"_s, u"node "_s + node.kind);
    xml.writeAttribute(u"id"_s, u"node-"_s + node.name);
    xml.writeAttribute(u"transform"_s, u"translate(%1 %2)"_s.arg(number(p.x()), number(p.y())));
    xml.writeTextElement(u"title"_s, kind ? u"%1 (%2)"_s.arg(node.name, Catalog::text(kind->name)) : node.name);
    xml.writeEmptyElement(u"rect"_s);
    xml.writeAttribute(u"width"_s, number(NodeItem::kWidth));
    xml.writeAttribute(u"height"_s, number(NodeItem::kHeight));
    xml.writeAttribute(u"rx"_s, u"8"_s);
    xml.writeAttribute(u"fill"_s, u"#ffffff"_s);
    xml.writeAttribute(u"stroke"_s, u"#999"_s);
    if (kind) {
        // The kind's own SVG icon, embedded so the file stands alone.
        QFile icon(u":/nimbus/icons/kinds/"_s + kind->iconFile);
        if (icon.open(QIODevice::ReadOnly)) {
            xml.writeEmptyElement(u"image"_s);
            xml.writeAttribute(u"x"_s, u"16"_s);
            xml.writeAttribute(u"y"_s, u"14"_s);
            xml.writeAttribute(u"width"_s, u"32"_s);
            xml.writeAttribute(u"height"_s, u"32"_s);
            xml.writeAttribute(u"href"_s,
                               u"data:image/svg+xml;base64,"_s + QString::fromLatin1(icon.readAll().toBase64()));
        }
    }
    // The card's lines: its name, what it says of itself (as on the canvas), its kind.
    const QString detail = NodeItem::detailFor(node, kind);
    struct Line
    {
        QString text;
        const char *size;
        const char *colour;
    };
    QList<Line> lines{{node.name, "13", "#000"}};
    if (!detail.isEmpty())
        lines.append({detail, "11", "#333"});
    lines.append({kind ? Catalog::text(kind->name) : node.kind, detail.isEmpty() ? "11" : "10", "#666"});
    const int step = detail.isEmpty() ? 18 : 15;
    for (int i = 0; i < lines.size(); ++i) {
        xml.writeStartElement(u"text"_s);
        xml.writeAttribute(u"x"_s, u"56"_s);
        xml.writeAttribute(u"y"_s, QString::number((detail.isEmpty() ? 26 : 22) + i * step));
        xml.writeAttribute(u"font-size"_s, QLatin1String(lines[i].size));
        xml.writeAttribute(u"fill"_s, QLatin1String(lines[i].colour));
        if (i == 0)
            xml.writeAttribute(u"font-weight"_s, u"bold"_s);
        xml.writeCharacters(lines[i].text);
        xml.writeEndElement();
    }
    xml.writeEndElement(); // g
}
} // namespace

bool DiagramExport::includes(const QGraphicsItem *item) const
{
    // What code made for a run is not of the design.
    if (item->type() == MadeResourceItem::Type)
        return false;
    if (!mSelectionOnly)
        return true;
    if (item->type() == EdgeItem::Type) {
        // A connection belongs to the selection when both its ends do.
        const Edge *edge = mScene->project()->architecture().edge(static_cast<const EdgeItem *>(item)->edgeId());
        return edge && mScene->nodeItem(edge->from)->isSelected() && mScene->nodeItem(edge->to)->isSelected();
    }
    return item->isSelected();
}

QRectF DiagramExport::area() const
{
    QRectF bounds;
    for (QGraphicsItem *item : mScene->items())
        if ((item->type() == NodeItem::Type || item->type() == EdgeItem::Type) && includes(item))
            bounds |= item->sceneBoundingRect();
    return bounds.adjusted(-20, -20, 20, 20);
}

bool DiagramExport::writePng(const QString &path, qreal scale)
{
    const QRectF source = area();
    if (source.width() <= 40) {
        mError = tr("There is nothing to export.");
        return false;
    }
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(1.0);
    image.fill(QApplication::palette().color(QPalette::Base));
    // Hide what is not exported, render, and restore.
    QList<QGraphicsItem *> hidden;
    for (QGraphicsItem *item : mScene->items())
        if (item->isVisible() && !includes(item)) {
            item->hide();
            hidden.append(item);
        }
    const QList<QGraphicsItem *> selected = mScene->selectedItems();
    mScene->clearSelection();
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        mScene->render(&painter, QRectF(QPointF(), image.size()), source);
    }
    for (QGraphicsItem *item : std::as_const(hidden))
        item->show();
    for (QGraphicsItem *item : selected)
        item->setSelected(true);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        mError = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool DiagramExport::writeSvg(const QString &path)
{
    const QRectF source = area();
    if (source.width() <= 40) {
        mError = tr("There is nothing to export.");
        return false;
    }
    const QPointF origin = source.topLeft();
    const Architecture &architecture = mScene->project()->architecture();
    const Catalog &catalog = mScene->project()->catalog();

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        mError = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    QXmlStreamWriter xml(&file);
    xml.setAutoFormatting(true);
    writeSvgStart(xml, source);
    // Connections first, so nodes are drawn over their ends.
    for (const auto &[id, edge] : architecture.edges()) {
        const EdgeItem *item = mScene->edgeItem(id);
        if (item && includes(item))
            writeSvgEdge(xml, id, edge, item, architecture, origin);
    }
    for (const auto &[id, node] : architecture.nodes()) {
        const NodeItem *item = mScene->nodeItem(id);
        if (item && includes(item))
            writeSvgNode(xml, node, item, catalog, origin);
    }
    xml.writeEndElement(); // svg
    xml.writeEndDocument();
    if (xml.hasError() || !file.commit()) {
        mError = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Nimbus
