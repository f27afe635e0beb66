#pragma once

#include "chart.h"

#include <QImage>
#include <QRectF>
#include <QSize>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace Nimbus {

// Draws a Chart with QPainter: title, axes with their titles, ticks and grid, the series,
// and a legend that wraps instead of cutting names short. QtGui only, so a chart can be
// drawn where there are no widgets (the command-line tool, a report written offscreen).
// Drawing text needs a QGuiApplication; the offscreen platform will do.
class ChartPainter
{
public:
    // The chart on white, `size` in logical pixels, at `devicePixelRatio` times the pixels.
    static QImage render(const Chart &chart, const QSize &size, qreal devicePixelRatio = 2);
    // The chart into `rect` of a painter that is already set up (antialiasing is the caller's).
    static void paint(QPainter &painter, const Chart &chart, const QRectF &rect);
};

} // namespace Nimbus
