#include "costcharts.h"

#include "cost/reportcharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace Nimbus::CostCharts {

namespace {

// A QChart with one Qt Charts series per series of `data`, on the axes given.
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
            series->append(p);
        chart->addSeries(series);
        series->setColor(s.colour); // after addSeries, which applies the theme's colours
        series->attachAxis(x);
        series->attachAxis(y);
        if (!s.inLegend)
            for (QLegendMarker *marker : chart->legend()->markers(series))
                marker->setVisible(false);
    }
    x->setRange(data.x.min, data.x.max);
    y->setRange(data.y.min, data.y.max);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

} // namespace

QChart *volumeChart(const CostEngine &engine, const std::vector<CostOption> &options, double volume,
                    const CostEngine::BreakEven *breakEven)
{
    auto *x = new QLogValueAxis;
    x->setLabelFormat(u"%.0g"_s);
    x->setBase(10);
    auto *y = new QLogValueAxis;
    y->setLabelFormat(u"%g"_s);
    y->setBase(10);
    return lineChart(ReportCharts::volume(engine, options, volume, breakEven), x, y);
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
