#include "diagramexport.h"

#include "canvasscene.h"
#include "document/project.h"
#include "edgeitem.h"
#include "model/catalog.h"
#include "nodeitem.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QSaveFile>
#include <QXmlStreamWriter>

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
            parts.append(QStringLiteral("M %1 %2").arg(number(p.x()), number(p.y())));
        else if (e.isLineTo())
            parts.append(QStringLiteral("L %1 %2").arg(number(p.x()), number(p.y())));
        else if (e.type == QPainterPath::CurveToElement)
            parts.append(QStringLiteral("C %1 %2").arg(number(p.x()), number(p.y())));
        else
            parts.append(QStringLiteral("%1 %2").arg(number(p.x()), number(p.y())));
    }
    return parts.join(QLatin1Char(' '));
}

// The document's start: size, the arrow head connections end with, a white background.
void writeSvgStart(QXmlStreamWriter &xml, const QRectF &source)
{
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("svg"));
    xml.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    xml.writeAttribute(QStringLiteral("width"), number(source.width()));
    xml.writeAttribute(QStringLiteral("height"), number(source.height()));
    xml.writeAttribute(QStringLiteral("viewBox"),
                       QStringLiteral("0 0 %1 %2").arg(number(source.width()), number(source.height())));
    xml.writeAttribute(QStringLiteral("font-family"), QStringLiteral("sans-serif"));

    xml.writeStartElement(QStringLiteral("defs"));
    xml.writeStartElement(QStringLiteral("marker"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("arrow"));
    xml.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("0 0 10 10"));
    xml.writeAttribute(QStringLiteral("refX"), QStringLiteral("10"));
    xml.writeAttribute(QStringLiteral("refY"), QStringLiteral("5"));
    xml.writeAttribute(QStringLiteral("markerWidth"), QStringLiteral("8"));
    xml.writeAttribute(QStringLiteral("markerHeight"), QStringLiteral("8"));
    xml.writeAttribute(QStringLiteral("orient"), QStringLiteral("auto"));
    xml.writeEmptyElement(QStringLiteral("path"));
    xml.writeAttribute(QStringLiteral("d"), QStringLiteral("M 0 0 L 10 5 L 0 10 z"));
    xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("#555"));
    xml.writeEndElement(); // marker
    xml.writeEndElement(); // defs

    xml.writeEmptyElement(QStringLiteral("rect"));
    xml.writeAttribute(QStringLiteral("width"), QStringLiteral("100%"));
    xml.writeAttribute(QStringLiteral("height"), QStringLiteral("100%"));
    xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("#ffffff"));
}

// A connection as a group: its path with an arrow, and its type at the middle.
void writeSvgEdge(QXmlStreamWriter &xml, EdgeId id, const Edge &edge, const EdgeItem *item,
                  const Architecture &architecture, QPointF origin)
{
    xml.writeStartElement(QStringLiteral("g"));
    xml.writeAttribute(QStringLiteral("class"), QStringLiteral("edge ") + edge.type);
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("edge-%1").arg(id));
    xml.writeTextElement(QStringLiteral("title"),
                         QStringLiteral("%1 %2 %3")
                             .arg(architecture.node(edge.from)->name, edge.type, architecture.node(edge.to)->name));
    xml.writeEmptyElement(QStringLiteral("path"));
    xml.writeAttribute(QStringLiteral("d"), pathData(item->path(), origin));
    xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("none"));
    xml.writeAttribute(QStringLiteral("stroke"), QStringLiteral("#555"));
    xml.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("1.6"));
    xml.writeAttribute(QStringLiteral("marker-end"), QStringLiteral("url(#arrow)"));
    const QPointF mid = item->path().pointAtPercent(0.5) - origin;
    xml.writeStartElement(QStringLiteral("text"));
    xml.writeAttribute(QStringLiteral("x"), number(mid.x()));
    xml.writeAttribute(QStringLiteral("y"), number(mid.y() - 4));
    xml.writeAttribute(QStringLiteral("font-size"), QStringLiteral("10"));
    xml.writeAttribute(QStringLiteral("text-anchor"), QStringLiteral("middle"));
    xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("#333"));
    xml.writeCharacters(edge.type);
    xml.writeEndElement(); // text
    xml.writeEndElement(); // g
}

// A node as a group: its box, the kind's icon embedded, its name and its kind.
void writeSvgNode(QXmlStreamWriter &xml, const Node &node, const NodeItem *item, const Catalog &catalog, QPointF origin)
{
    const NodeKind *kind = catalog.kind(node.kind);
    const QPointF p = item->pos() - origin;
    xml.writeStartElement(QStringLiteral("g"));
    xml.writeAttribute(QStringLiteral("class"), QStringLiteral("node ") + node.kind);
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("node-") + node.name);
    xml.writeAttribute(QStringLiteral("transform"),
                       QStringLiteral("translate(%1 %2)").arg(number(p.x()), number(p.y())));
    xml.writeTextElement(QStringLiteral("title"),
                         kind ? QStringLiteral("%1 (%2)").arg(node.name, Catalog::text(kind->name)) : node.name);
    xml.writeEmptyElement(QStringLiteral("rect"));
    xml.writeAttribute(QStringLiteral("width"), number(NodeItem::kWidth));
    xml.writeAttribute(QStringLiteral("height"), number(NodeItem::kHeight));
    xml.writeAttribute(QStringLiteral("rx"), QStringLiteral("8"));
    xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("#ffffff"));
    xml.writeAttribute(QStringLiteral("stroke"), QStringLiteral("#999"));
    if (kind) {
        // The kind's own SVG icon, embedded so the file stands alone.
        QFile icon(QStringLiteral(":/nimbus/icons/kinds/") + kind->iconFile);
        if (icon.open(QIODevice::ReadOnly)) {
            xml.writeEmptyElement(QStringLiteral("image"));
            xml.writeAttribute(QStringLiteral("x"), QStringLiteral("16"));
            xml.writeAttribute(QStringLiteral("y"), QStringLiteral("14"));
            xml.writeAttribute(QStringLiteral("width"), QStringLiteral("32"));
            xml.writeAttribute(QStringLiteral("height"), QStringLiteral("32"));
            xml.writeAttribute(QStringLiteral("href"), QStringLiteral("data:image/svg+xml;base64,")
                                                           + QString::fromLatin1(icon.readAll().toBase64()));
        }
    }
    xml.writeStartElement(QStringLiteral("text"));
    xml.writeAttribute(QStringLiteral("x"), QStringLiteral("56"));
    xml.writeAttribute(QStringLiteral("y"), QStringLiteral("26"));
    xml.writeAttribute(QStringLiteral("font-size"), QStringLiteral("13"));
    xml.writeAttribute(QStringLiteral("font-weight"), QStringLiteral("bold"));
    xml.writeCharacters(node.name);
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("text"));
    xml.writeAttribute(QStringLiteral("x"), QStringLiteral("56"));
    xml.writeAttribute(QStringLiteral("y"), QStringLiteral("44"));
    xml.writeAttribute(QStringLiteral("font-size"), QStringLiteral("11"));
    xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("#666"));
    xml.writeCharacters(kind ? Catalog::text(kind->name) : node.kind);
    xml.writeEndElement();
    xml.writeEndElement(); // g
}
} // namespace

bool DiagramExport::includes(const QGraphicsItem *item) const
{
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
