#pragma once

#include <QColor>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <vector>

namespace Nimbus {

// A chart as data: what to draw, not how. The studio shows it with Qt Charts, a report
// paints it into a picture (ChartPainter), so both draw the same numbers in the same colours.
struct Chart
{
    enum class Kind {
        Lines, // series of points on two numeric axes
        HorizontalStackedBars // one bar per y category, stacked by series (Series::values)
    };

    struct Axis
    {
        QString title;
        double min = 0;
        double max = 1;
        bool logarithmic = false; // base 10; min must then be above zero
        double step = 0; // between ticks of a linear axis; 0: a round step for about five
        QStringList categories; // a category axis: one per bar, the first at the top

        // Where the axis has ticks (and grid lines): powers of ten of a logarithmic axis,
        // multiples of the step of a linear one. Empty for a category axis.
        std::vector<double> ticks() const;
        // A tick's label in the user's locale, with the decimals that tell ticks apart.
        QString label(double value) const;
        // Where `value` falls along the axis, 0 at min and 1 at max (log scale when logarithmic).
        double fraction(double value) const;
    };

    struct Series
    {
        enum class Style { Line, Dots, Squares };
        QString name;
        QColor colour;
        Style style = Style::Line;
        qreal markerSize = 9; // Dots and Squares
        bool inLegend = true;
        std::vector<QPointF> points; // Lines
        std::vector<double> values; // bars: one per category, in the categories' order
    };

    Kind kind = Kind::Lines;
    QString title;
    Axis x;
    Axis y;
    std::vector<Series> series;
    QStringList barLabels; // bars: written at the end of each category's bar

    // A round step of about range / count: 1, 2, 2.5 or 5 times a power of ten.
    static double niceStep(double range, int count = 5);
    // `top` rounded up to a multiple of the axis' round step (1 when top is not above 0).
    static Axis niceAxis(double top, const QString &title);
};

} // namespace Nimbus
