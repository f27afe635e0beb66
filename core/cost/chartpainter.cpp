#include "chartpainter.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace Nimbus {

namespace {

// Qt Charts' light theme, which the studio's charts use: text, axis line and grid.
const QColor kText(0x40, 0x40, 0x44);
const QColor kAxisLine(0xb0, 0xb0, 0xb4);
const QColor kGrid(0xe2, 0xe2, 0xe2);
const QColor kMinorGrid(0xf2, 0xf2, 0xf2);

constexpr qreal kMargin = 16;
constexpr qreal kSwatch = 12;

QFont font(int pixelSize, QFont::Weight weight = QFont::Normal)
{
    QFont f;
    f.setPixelSize(pixelSize);
    f.setWeight(weight);
    return f;
}

struct Fonts
{
    QFont title = font(17, QFont::DemiBold);
    QFont axisTitle = font(13, QFont::DemiBold);
    QFont label = font(12);
    QFont legend = font(13);
};

struct LegendEntry
{
    const Chart::Series *series;
    QString text;
    qreal width;
};

// Legend entries flowed into rows that fit `width`; a name longer than a row is elided.
std::vector<std::vector<LegendEntry>> legendRows(const Chart &chart, const QFont &font, qreal width)
{
    const QFontMetricsF metrics(font);
    const qreal gap = metrics.height();
    std::vector<std::vector<LegendEntry>> rows;
    qreal used = 0;
    for (const Chart::Series &s : chart.series) {
        if (!s.inLegend || s.name.isEmpty())
            continue;
        const QString text = metrics.elidedText(s.name, Qt::ElideRight, width - kSwatch - 6);
        const qreal w = kSwatch + 6 + metrics.horizontalAdvance(text);
        if (rows.empty() || used + gap + w > width) {
            rows.emplace_back();
            used = -gap;
        }
        rows.back().push_back({&s, text, w});
        used += gap + w;
    }
    return rows;
}

void drawMarker(QPainter &painter, const Chart::Series &s, const QPointF &at, qreal size)
{
    painter.setPen(QPen(Qt::white, 1.5));
    painter.setBrush(s.colour);
    const QRectF box(at.x() - size / 2, at.y() - size / 2, size, size);
    if (s.style == Chart::Series::Style::Dots)
        painter.drawEllipse(box);
    else
        painter.drawRect(box);
}

void drawLegend(QPainter &painter, const std::vector<std::vector<LegendEntry>> &rows, const QFont &font,
                const QRectF &area)
{
    const QFontMetricsF metrics(font);
    const qreal gap = metrics.height();
    painter.setFont(font);
    qreal y = area.top();
    for (const std::vector<LegendEntry> &row : rows) {
        qreal width = -gap;
        for (const LegendEntry &e : row)
            width += gap + e.width;
        qreal x = area.center().x() - width / 2;
        for (const LegendEntry &e : row) {
            const QPointF centre(x + kSwatch / 2, y + metrics.height() / 2);
            if (e.series->style == Chart::Series::Style::Line) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(e.series->colour);
                painter.drawRoundedRect(QRectF(x, centre.y() - kSwatch / 2, kSwatch, kSwatch), 2, 2);
            } else {
                drawMarker(painter, *e.series, centre, kSwatch);
            }
            painter.setPen(kText);
            painter.drawText(QRectF(x + kSwatch + 6, y, e.width - kSwatch - 6, metrics.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, e.text);
            x += e.width + gap;
        }
        y += metrics.height() + 4;
    }
}

// The plot's x for a value, and y (which grows upwards).
QPointF map(const Chart &chart, const QRectF &plot, const QPointF &value)
{
    return {plot.left() + chart.x.fraction(value.x()) * plot.width(),
            plot.bottom() - chart.y.fraction(value.y()) * plot.height()};
}

void drawGrid(QPainter &painter, const Chart::Axis &axis, const QRectF &plot, bool vertical)
{
    auto line = [&](double v) {
        const qreal f = axis.fraction(v);
        if (f < -1e-9 || f > 1 + 1e-9)
            return;
        if (vertical)
            painter.drawLine(QPointF(plot.left() + f * plot.width(), plot.top()),
                             QPointF(plot.left() + f * plot.width(), plot.bottom()));
        else
            painter.drawLine(QPointF(plot.left(), plot.bottom() - f * plot.height()),
                             QPointF(plot.right(), plot.bottom() - f * plot.height()));
    };
    const std::vector<double> ticks = axis.ticks();
    if (axis.logarithmic && axis.min > 0) {
        // Faint lines at 2-9 times each power of ten help reading values between decades.
        painter.setPen(QPen(kMinorGrid, 1));
        for (int e = int(std::floor(std::log10(axis.min))); e <= int(std::ceil(std::log10(axis.max))); ++e)
            for (int m = 2; m <= 9; ++m)
                line(m * std::pow(10, e));
    }
    painter.setPen(QPen(kGrid, 1));
    for (double v : ticks)
        line(v);
}

void drawLines(QPainter &painter, const Chart &chart, const QRectF &plot)
{
    painter.save();
    painter.setClipRect(plot.adjusted(-8, -8, 8, 8));
    for (const Chart::Series &s : chart.series) {
        if (s.style != Chart::Series::Style::Line || s.points.empty())
            continue;
        QPainterPath path(map(chart, plot, s.points.front()));
        for (size_t i = 1; i < s.points.size(); ++i)
            path.lineTo(map(chart, plot, s.points[i]));
        painter.setPen(QPen(s.colour, 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
    }
    // Markers over every line.
    for (const Chart::Series &s : chart.series)
        if (s.style != Chart::Series::Style::Line)
            for (const QPointF &p : s.points)
                drawMarker(painter, s, map(chart, plot, p), s.markerSize);
    painter.restore();
}

void drawBars(QPainter &painter, const Chart &chart, const QRectF &plot, const QFont &labelFont)
{
    const int count = int(chart.y.categories.size());
    if (count == 0)
        return;
    const QFontMetricsF metrics(labelFont);
    const qreal band = plot.height() / count;
    const qreal thickness = std::min(band * 0.55, 56.0);
    painter.setFont(labelFont);
    for (int c = 0; c < count; ++c) {
        const qreal top = plot.top() + c * band + (band - thickness) / 2;
        double sum = 0;
        for (const Chart::Series &s : chart.series) {
            const double v = c < int(s.values.size()) ? s.values[c] : 0;
            if (!(v > 0))
                continue;
            const qreal left = plot.left() + chart.x.fraction(sum) * plot.width();
            sum += v;
            const qreal right = plot.left() + chart.x.fraction(sum) * plot.width();
            painter.setPen(QPen(Qt::white, 1));
            painter.setBrush(s.colour);
            painter.drawRect(QRectF(left, top, right - left, thickness));
        }
        if (c >= chart.barLabels.size())
            continue;
        // The total after the bar, or inside its end when there is no room after it.
        const QString text = chart.barLabels.at(c);
        const qreal end = plot.left() + chart.x.fraction(sum) * plot.width();
        const qreal width = metrics.horizontalAdvance(text);
        const bool after = end + 6 + width <= plot.right() || end - width - 6 < plot.left();
        painter.setPen(after ? kText : QColor(Qt::white));
        painter.drawText(QRectF(after ? end + 6 : end - width - 6, top, width + 1, thickness),
                         Qt::AlignLeft | Qt::AlignVCenter, text);
    }
}

} // namespace

QImage ChartPainter::render(const Chart &chart, const QSize &size, qreal devicePixelRatio)
{
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    paint(painter, chart, QRectF(QPointF(0, 0), size));
    return image;
}

void ChartPainter::paint(QPainter &painter, const Chart &chart, const QRectF &rect)
{
    const Fonts fonts;
    const QFontMetricsF titleMetrics(fonts.title);
    const QFontMetricsF axisMetrics(fonts.axisTitle);
    const QFontMetricsF labelMetrics(fonts.label);
    const QFontMetricsF legendMetrics(fonts.legend);
    const bool bars = chart.kind == Chart::Kind::HorizontalStackedBars;
    QRectF area = rect.adjusted(kMargin, kMargin * 0.75, -kMargin, -kMargin * 0.75);

    painter.save();
    if (!chart.title.isEmpty()) {
        painter.setFont(fonts.title);
        painter.setPen(kText);
        painter.drawText(QRectF(area.left(), area.top(), area.width(), titleMetrics.height()), Qt::AlignCenter,
                         titleMetrics.elidedText(chart.title, Qt::ElideRight, area.width()));
        area.setTop(area.top() + titleMetrics.height() + 10);
    }
    const auto rows = legendRows(chart, fonts.legend, area.width());
    const qreal legendHeight = rows.empty() ? 0 : rows.size() * (legendMetrics.height() + 4) - 4;
    const QRectF legend(area.left(), area.bottom() - legendHeight, area.width(), legendHeight);
    area.setBottom(area.bottom() - legendHeight - (rows.empty() ? 0 : 12));

    // Tick labels: the left axis' widest sets where the plot begins.
    const std::vector<double> xTicks = chart.x.ticks();
    const std::vector<double> yTicks = chart.y.ticks();
    QStringList yLabels;
    qreal yLabelWidth = 0;
    if (bars) {
        const qreal widest = area.width() * 0.38;
        for (const QString &c : chart.y.categories)
            yLabels << labelMetrics.elidedText(c, Qt::ElideMiddle, widest);
    } else {
        for (double v : yTicks)
            yLabels << chart.y.label(v);
    }
    for (const QString &l : yLabels)
        yLabelWidth = std::max(yLabelWidth, labelMetrics.horizontalAdvance(l));
    const qreal lastXLabel = xTicks.empty() ? 0 : labelMetrics.horizontalAdvance(chart.x.label(xTicks.back()));
    QRectF plot = area;
    plot.setLeft(area.left() + (chart.y.title.isEmpty() ? 0 : axisMetrics.height() + 8) + yLabelWidth + 8);
    plot.setRight(area.right() - std::max(8.0, lastXLabel / 2));
    plot.setTop(area.top() + labelMetrics.height() / 2);
    plot.setBottom(area.bottom() - (chart.x.title.isEmpty() ? 0 : axisMetrics.height() + 4) - labelMetrics.height()
                   - 6);

    // Grid, then the axis lines over it.
    drawGrid(painter, chart.x, plot, true);
    if (!bars)
        drawGrid(painter, chart.y, plot, false);
    painter.setPen(QPen(kAxisLine, 1));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());

    painter.setFont(fonts.label);
    painter.setPen(kText);
    for (double v : xTicks) {
        const qreal x = plot.left() + chart.x.fraction(v) * plot.width();
        const QString text = chart.x.label(v);
        const qreal w = labelMetrics.horizontalAdvance(text);
        painter.drawText(QRectF(x - w / 2 - 1, plot.bottom() + 5, w + 2, labelMetrics.height()), Qt::AlignCenter, text);
    }
    for (int i = 0; i < yLabels.size(); ++i) {
        const qreal y = bars ? plot.top() + (i + 0.5) * plot.height() / yLabels.size()
                             : plot.bottom() - chart.y.fraction(yTicks[i]) * plot.height();
        painter.drawText(
            QRectF(plot.left() - 8 - yLabelWidth, y - labelMetrics.height() / 2, yLabelWidth, labelMetrics.height()),
            Qt::AlignRight | Qt::AlignVCenter, yLabels.at(i));
    }

    painter.setFont(fonts.axisTitle);
    if (!chart.x.title.isEmpty())
        painter.drawText(QRectF(plot.left(), area.bottom() - axisMetrics.height(), plot.width(), axisMetrics.height()),
                         Qt::AlignCenter, chart.x.title);
    if (!chart.y.title.isEmpty()) {
        painter.save();
        painter.translate(area.left(), plot.center().y());
        painter.rotate(-90);
        painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), axisMetrics.height()), Qt::AlignCenter,
                         axisMetrics.elidedText(chart.y.title, Qt::ElideRight, plot.height()));
        painter.restore();
    }

    if (bars)
        drawBars(painter, chart, plot, fonts.label);
    else
        drawLines(painter, chart, plot);
    drawLegend(painter, rows, fonts.legend, legend);
    painter.restore();
}

} // namespace Nimbus
