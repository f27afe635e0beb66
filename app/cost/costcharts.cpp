#include "costcharts.h"

#include "cost/reportcharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Nimbus::CostCharts {

namespace {

// Where a value lies along an axis as drawn: log10 of it on a logarithmic axis.
qreal along(const Chart::Axis &axis, qreal value)
{
    return axis.logarithmic ? std::log10(value) : value;
}

// A logarithmic axis drawn as a linear one over log10 of the values, labelled at its
// decades as the reports label them (1K, 10M, 0.01), never in printf's 1e+07.
QAbstractAxis *decadeAxis(const Chart::Axis &axis)
{
    auto *a = new QCategoryAxis;
    a->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    a->setStartValue(along(axis, axis.min));
    for (double tick : axis.ticks())
        a->append(axis.label(tick), along(axis, tick));
    return a;
}

// A QChart with one Qt Charts series per series of `data`, on the axes given (a
// logarithmic axis of data as made by decadeAxis).
QChart *lineChart(const Chart &data, QAbstractAxis *x, QAbstractAxis *y)
{
    auto *chart = new QChart;
    chart->setTitle(data.title);
    x->setTitleText(data.x.title);
    y->setTitleText(data.y.title);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (const Chart::Series &s : data.series) {
        QXYSeries *series = nullptr;
        if (s.style == Chart::Series::Style::Line) {
            series = new QLineSeries;
        } else {
            auto *scatter = new QScatterSeries;
            scatter->setMarkerSize(s.markerSize);
            scatter->setMarkerShape(s.style == Chart::Series::Style::Squares ? QScatterSeries::MarkerShapeRectangle
                                                                             : QScatterSeries::MarkerShapeCircle);
            series = scatter;
        }
        series->setName(s.name);
        for (const QPointF &p : s.points)
            series->append(along(data.x, p.x()), along(data.y, p.y()));
        chart->addSeries(series);
        series->setColor(s.colour); // after addSeries, which applies the theme's colours
        series->attachAxis(x);
        series->attachAxis(y);
        if (!s.inLegend)
            for (QLegendMarker *marker : chart->legend()->markers(series))
                marker->setVisible(false);
    }
    x->setRange(along(data.x, data.x.min), along(data.x, data.x.max));
    y->setRange(along(data.y, data.y.min), along(data.y, data.y.max));
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

} // namespace

QChart *volumeChart(const CostEngine &engine, const std::vector<CostOption> &options, double volume,
                    const CostEngine::BreakEven *breakEven)
{
    const Chart data = ReportCharts::volume(engine, options, volume, breakEven);
    return lineChart(data, decadeAxis(data.x), decadeAxis(data.y));
}

QChart *dayChart(const CostEngine &engine, const std::vector<CostOption> &options, double volume)
{
    auto *x = new QValueAxis;
    x->setTickCount(13); // every two hours, on whole hours
    x->setLabelFormat(u"%d"_s);
    auto *y = new QValueAxis;
    QChart *chart = lineChart(ReportCharts::day(engine, options, volume), x, y);
    y->applyNiceNumbers();
    return chart;
}

QChart *itemsChart(const std::vector<CostResult> &results)
{
    const Chart data = ReportCharts::items(results);
    auto *chart = new QChart;
    chart->setTitle(data.title);
    auto *series = new QHorizontalStackedBarSeries;
    for (const Chart::Series &s : data.series) {
        auto *set = new QBarSet(s.name);
        for (double v : s.values)
            *set << v;
        series->append(set);
    }
    chart->addSeries(series);
    for (int i = 0; i < int(data.series.size()); ++i)
        series->barSets().at(i)->setColor(data.series[i].colour);
    auto *y = new QBarCategoryAxis;
    y->append(data.y.categories);
    auto *x = new QValueAxis;
    x->setTitleText(data.x.title);
    x->setRange(data.x.min, data.x.max);
    x->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

} // namespace Nimbus::CostCharts
