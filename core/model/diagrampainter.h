#pragma once

#include "result.h"

#include <QByteArray>
#include <QColor>
#include <QCoreApplication>
#include <QImage>
#include <QRectF>

namespace Nimbus {

class Architecture;
class Catalog;

// Draws a design as the canvas shows it, with QtGui alone, for the places that have no
// widgets (the command-line tool, the MCP server): a rounded card per node at its
// position, with the name, the kind and a badge in the category's colour, and each
// connection at right angles from the source's right side to the target's left side,
// with an arrow head and its type. Text needs a QGuiApplication; offscreen will do.
class DiagramPainter
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::DiagramPainter)

public:
    static constexpr qreal kCardWidth = 196; // NodeItem's card, so positions mean the same
    static constexpr qreal kCardHeight = 60;
    static constexpr qreal kMargin = 40;
    static constexpr int kMaxSide = 8000; // pixels; a larger design is drawn at a lower scale

    DiagramPainter(const Catalog &catalog, const Architecture &architecture);

    void setDark(bool dark) { mDark = dark; }
    // The area drawn, in design coordinates: every card and a margin round them.
    QRectF bounds() const;
    // The scale render() uses for `scale`: lowered so that no side passes kMaxSide.
    qreal fittedScale(qreal scale) const;
    // The whole design on the background; a null image when there are no nodes.
    QImage render(qreal scale = 2.0) const;
    Result<QByteArray> png(qreal scale = 2.0) const;

    // A destination (on-success, on-failure) is drawn dashed, in green or red as on the
    // canvas: a record sent after a run, not an event that starts one.
    static bool isDestination(const QString &edgeType);
    static QColor connectionColour(const QString &edgeType, bool dark = false);
    // The colour of a category's badge and card strip, as on the canvas.
    static QColor accent(const QString &category);

private:
    const Catalog &mCatalog;
    const Architecture &mArchitecture;
    bool mDark = false;
};

} // namespace Nimbus
