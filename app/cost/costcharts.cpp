#include "costcharts.h"

#include "cost/reportcharts.h"
#include "theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsTextItem>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Nimbus::CostCharts {

namespace {

// Where a value lies along an axis as drawn: log10 of it on a logarithmic axis.
qreal along(const Chart::Axis &axis, qreal value)
{
    return axis.logarithmic ? std::log10(value) : value;
}

// An axis labelled at the data's ticks as the reports label them (1K, 10M, 0.01 on a
// logarithmic axis, drawn linear over log10 of the values; 0, 2, 4 on a linear one), in
// the user's locale, never in printf's 1e+07.
QAbstractAxis *tickAxis(const Chart::Axis &axis)
{
    auto *a = new QCategoryAxis;
    a->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    a->setStartValue(along(axis, axis.min));
    for (double tick : axis.ticks())
        a->append(axis.label(tick), along(axis, tick));
    a->setTitleText(axis.title);
    a->setRange(along(axis, axis.min), along(axis, axis.max));
    // Qt Charts elides a category's label to "..." when its band is shorter than the text
    // (nine decades of USD in a short dock): the ticks are spaced to be read, so draw them whole.
    a->setTruncateLabels(false);
    return a;
}

// "USD / month": the currencies the options are priced in, over a period.
QString perPeriod(QStringList currencies, const QString &period)
{
    currencies.removeDuplicates();
    currencies.removeAll(QString());
    //: a chart's axis title: currencies over a period, "USD / month"
    return QCoreApplication::translate("Nimbus::CostCharts", "%1 / %2").arg(currencies.join(u", "_s), period);
}

QStringList currenciesOf(const CostEngine &engine, const std::vector<CostOption> &options)
{
    QStringList currencies;
    for (const CostOption &option : options)
        if (const auto catalog = engine.catalogs().provider(option.provider))
            currencies.append(catalog->currency());
    return currencies;
}

// The studio's charts sit in tabs that name them: the title becomes the tooltip, and the
// plot takes the room a title and wide margins would take (a dock is often short).
void prepare(QChart *chart, const Chart &data)
{
    chart->setToolTip(data.title);
    chart->setMargins(QMargins(4, 4, 4, 4));
}

// A QChart with one Qt Charts series per series of `data`, on the axes given, in the
// theme's colours.
QChart *lineChart(const Chart &data, QAbstractAxis *x, QAbstractAxis *y)
{
    auto *chart = new QChart;
    prepare(chart, data);
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
            scatter->setBorderColor(Theme::chartBackground());
            series = scatter;
        }
        series->setName(s.name);
        for (const QPointF &p : s.points)
            series->append(along(data.x, p.x()), along(data.y, p.y()));
        chart->addSeries(series);
        series->setColor(Theme::readable(s.colour)); // after addSeries, which applies the theme's colours
        series->attachAxis(x);
        series->attachAxis(y);
        if (!s.inLegend)
            for (QLegendMarker *marker : chart->legend()->markers(series))
                marker->setVisible(false);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true); // a long option name is elided
    return chart;
}

// A vertical line at the project's volume from the bottom of the chart to its top,
// labelled beside its top: "You are here: 1.2M requests / month".
void addHereMarker(QChart *chart, const Chart &data, double volume)
{
    if (!(volume > 0) || volume < data.x.min || volume > data.x.max)
        return;
    Chart::Axis requests;
    requests.logarithmic = true;
    auto *line = new QLineSeries;
    line->setObjectName(u"youAreHere"_s);
    line->setName(QCoreApplication::translate("Nimbus::CostCharts", "You are here: %1 requests / month")
                      .arg(requests.label(volume)));
    line->append(along(data.x, volume), along(data.y, data.y.min));
    line->append(along(data.x, volume), along(data.y, data.y.max));
    chart->addSeries(line);
    line->setPen(QPen(Theme::muted(), 1.5, Qt::DashLine));
    for (QAbstractAxis *axis : chart->axes())
        line->attachAxis(axis);
    for (QLegendMarker *marker : chart->legend()->markers(line))
        marker->setVisible(false); // the label says what it is
    auto *label = new QGraphicsTextItem(line->name(), chart);
    label->setObjectName(u"youAreHereLabel"_s);
    label->setDefaultTextColor(Theme::chartText());
    label->setZValue(10);
    // Beside the top of the line, inside the plot area: right of it, or left near the right edge.
    const auto place = [chart, line, label] {
        const QPointF top = chart->mapToPosition(line->at(1), line);
        const qreal width = label->boundingRect().width();
        const bool left = top.x() + width + 6 > chart->plotArea().right();
        label->setPos(left ? top.x() - width - 4 : top.x() + 4, top.y() + 2);
    };
    QObject::connect(chart, &QChart::plotAreaChanged, label, place);
    place();
}

} // namespace

QChart *volumeChart(const CostEngine &engine, const std::vector<CostOption> &options, double volume,
                    const CostEngine::BreakEven *breakEven)
{
    Chart data = ReportCharts::volume(engine, options, volume, breakEven);
    data.x.title = QCoreApplication::translate("Nimbus::CostCharts", "Requests / month");
    data.y.title = perPeriod(currenciesOf(engine, options), QCoreApplication::translate("Nimbus::CostCharts", "month"));
    QChart *chart = lineChart(data, tickAxis(data.x), tickAxis(data.y));
    addHereMarker(chart, data, volume);
    Theme::applyTo(chart);
    return chart;
}

QChart *dayChart(const CostEngine &engine, const std::vector<CostOption> &options, double volume)
{
    Chart data = ReportCharts::day(engine, options, volume);
    data.x.title = QCoreApplication::translate("Nimbus::CostCharts", "Hour of the day");
    data.y.title = perPeriod(currenciesOf(engine, options), QCoreApplication::translate("Nimbus::CostCharts", "hour"));
    QChart *chart = lineChart(data, tickAxis(data.x), tickAxis(data.y));
    Theme::applyTo(chart);
    return chart;
}

QChart *itemsChart(const std::vector<CostResult> &results)
{
    Chart data = ReportCharts::items(results);
    QStringList currencies;
    for (const CostResult &r : results)
        currencies.append(r.currency);
    data.x.title = perPeriod(currencies, QCoreApplication::translate("Nimbus::CostCharts", "month"));
    auto *chart = new QChart;
    prepare(chart, data);
    auto *series = new QHorizontalStackedBarSeries;
    for (const Chart::Series &s : data.series) {
        auto *set = new QBarSet(s.name);
        for (double v : s.values)
            *set << v;
        series->append(set);
    }
    chart->addSeries(series);
    for (int i = 0; i < int(data.series.size()); ++i) {
        series->barSets().at(i)->setColor(Theme::readable(data.series[i].colour));
        series->barSets().at(i)->setBorderColor(Theme::chartBackground());
    }
    auto *y = new QBarCategoryAxis;
    y->append(data.y.categories);
    QAbstractAxis *x = tickAxis(data.x);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    Theme::applyTo(chart);
    return chart;
}

} // namespace Nimbus::CostCharts
