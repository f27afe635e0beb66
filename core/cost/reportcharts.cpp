#include "reportcharts.h"

#include "chartpainter.h"
#include "costreport.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QString optionName(const CostEngine &engine, const CostOption &option)
{
    const auto catalog = engine.catalogs().provider(option.provider);
    const QString currency = catalog ? catalog->currency() : QString();
    return u"%1 (%2)"_s.arg(option.label(catalog.get()), currency);
}

// An axis title with the options' currencies: "Cost a month (USD)"; several when the
// options are priced in several.
QString withCurrencies(const QString &title, const CostEngine &engine, const std::vector<CostOption> &options)
{
    QStringList currencies;
    for (const CostOption &option : options)
        if (const auto catalog = engine.catalogs().provider(option.provider);
            catalog && !catalog->currency().isEmpty() && !currencies.contains(catalog->currency()))
            currencies.append(catalog->currency());
    return currencies.isEmpty() ? title : u"%1 (%2)"_s.arg(title, currencies.join(", "_L1));
}

// One line per option, in the charts' colours from the first, through the points
// pointsOf gives; an unknown cost (NaN) leaves a gap, a cost below floor is drawn at
// floor. Returns the highest cost.
double addOptionLines(Chart &chart, const CostEngine &engine, const std::vector<CostOption> &options,
                      const std::function<std::vector<QPointF>(const CostOption &)> &pointsOf, double floor)
{
    double top = 0;
    int index = 0;
    for (const CostOption &option : options) {
        Chart::Series series;
        series.name = optionName(engine, option);
        series.colour = ReportCharts::colour(index++);
        for (const QPointF &p : pointsOf(option)) {
            if (std::isnan(p.y()))
                continue;
            series.points.emplace_back(p.x(), std::max(floor, p.y()));
            top = std::max(top, p.y());
        }
        chart.series.push_back(std::move(series));
    }
    return top;
}

} // namespace

QColor ReportCharts::colour(int index)
{
    static const QRgb kTheme[] = {0x209fdf, 0x99ca53, 0xf6a625, 0x6d5fd5, 0xbf593e};
    constexpr int kCount = int(sizeof kTheme / sizeof *kTheme);
    const QColor base = QColor::fromRgb(kTheme[std::max(0, index) % kCount]);
    // Past the theme's five, the same hues again, lighter then darker, so neighbours differ.
    switch (std::max(0, index) / kCount % 3) {
    case 1: return base.lighter(140);
    case 2: return base.darker(140);
    default: return base;
    }
}

std::vector<double> ReportCharts::sampleVolumes(double volume, int count)
{
    const double centre = std::max(1e3, volume);
    const double low = std::max(1e3, centre / 1e3);
    const double high = centre * 1e3;
    std::vector<double> v(std::max(2, count));
    for (int i = 0; i < int(v.size()); ++i)
        v[i] = low * std::pow(high / low, double(i) / (int(v.size()) - 1));
    return v;
}

Chart ReportCharts::volume(const CostEngine &engine, const std::vector<CostOption> &options, double volume,
                           const CostEngine::BreakEven *breakEven)
{
    Chart chart;
    chart.title = tr("Monthly cost against monthly requests");
    const std::vector<double> volumes = sampleVolumes(volume);
    const auto costs = [&](const CostOption &option) {
        std::vector<QPointF> points;
        for (double v : volumes)
            points.emplace_back(v, engine.total(option, v));
        return points;
    };
    const double top = std::max(1.0, addOptionLines(chart, engine, options, costs, kFloor));
    Chart::Series now;
    now.name = tr("Current volume");
    now.colour = colour(int(options.size()));
    now.style = Chart::Series::Style::Dots;
    now.inLegend = false; // the dots on the lines say it; the legend names the options
    for (const CostOption &option : options)
        if (const double cost = engine.total(option, volume); !std::isnan(cost))
            now.points.emplace_back(volume, std::max(kFloor, cost));
    chart.series.push_back(std::move(now));
    if (breakEven && breakEven->found) {
        Chart::Series mark;
        mark.name = tr("Break-even: %L1 requests").arg(breakEven->volume, 0, 'f', 0);
        mark.colour = Qt::red;
        mark.style = Chart::Series::Style::Squares;
        mark.markerSize = 13;
        mark.points.emplace_back(breakEven->volume, std::max(kFloor, breakEven->costB));
        chart.series.push_back(std::move(mark));
    }
    chart.x.title = tr("Requests a month");
    chart.x.logarithmic = true;
    chart.x.min = volumes.front();
    chart.x.max = volumes.back();
    chart.y.title = withCurrencies(tr("Cost a month"), engine, options);
    chart.y.logarithmic = true;
    chart.y.min = kFloor;
    chart.y.max = std::pow(10, std::ceil(std::log10(top)));
    return chart;
}

Chart ReportCharts::day(const CostEngine &engine, const std::vector<CostOption> &options, double volume)
{
    Chart chart;
    chart.title = tr("Cost of each hour of the busiest day");
    const auto costs = [&](const CostOption &option) {
        const std::vector<double> hours = engine.hourlyCosts(option, volume);
        std::vector<QPointF> points;
        for (int h = 0; h < int(hours.size()); ++h)
            points.emplace_back(h, hours[h]);
        return points;
    };
    const double top = addOptionLines(chart, engine, options, costs, std::numeric_limits<double>::lowest());
    chart.x.title = tr("Hour");
    chart.x.max = 24;
    chart.x.step = 2; // ticks every two hours, on whole hours
    chart.y = Chart::niceAxis(top * 1.1, withCurrencies(tr("Cost an hour"), engine, options));
    return chart;
}

Chart ReportCharts::items(const std::vector<CostResult> &results)
{
    Chart chart;
    chart.kind = Chart::Kind::HorizontalStackedBars;
    chart.title = tr("What each option's bill is made of");
    QStringList groups;
    for (const CostResult &r : results)
        for (const LineItem &item : r.items)
            if (!groups.contains(item.group))
                groups.append(item.group);
    for (int g = 0; g < groups.size(); ++g) {
        Chart::Series series;
        series.name = groups.at(g);
        series.colour = colour(g);
        for (const CostResult &r : results) {
            double sum = 0;
            for (const LineItem &item : r.items)
                if (item.group == groups.at(g))
                    sum += item.cost();
            series.values.push_back(std::max(0.0, sum));
        }
        chart.series.push_back(std::move(series));
    }
    double top = 0;
    for (const CostResult &r : results) {
        chart.y.categories << u"%1 (%2)"_s.arg(r.label, r.currency);
        chart.barLabels << CostReport::money(r.total(), r.currency);
        top = std::max(top, r.total());
    }
    chart.x = Chart::niceAxis(top * 1.05, tr("Cost a month"));
    return chart;
}

void ReportCharts::addToReport(CostReport &report, const CostEngine &engine, const std::vector<CostOption> &options,
                               const QSize &size)
{
    const Chart charts[] = {
        volume(engine, options, report.volume, report.hasBreakEven ? &report.breakEven : nullptr),
        day(engine, options, report.volume),
        items(report.results),
    };
    for (const Chart &chart : charts)
        report.charts.append({chart.title, ChartPainter::render(chart, size)});
}

} // namespace Nimbus
