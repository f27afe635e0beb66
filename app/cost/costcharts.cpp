#include "costcharts.h"

#include <QCoreApplication>
#include <QGraphicsScene>
#include <QHorizontalStackedBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <memory>

namespace Nimbus::CostCharts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Nimbus::CostCharts", text);
}

constexpr double kFloor = 0.01; // log axes cannot show zero: a free month is drawn at one cent

QString label(const CostEngine &engine, const CostOption &option)
{
    const auto catalog = engine.catalogs().provider(option.provider);
    const QString currency = catalog ? catalog->currency() : QString();
    return QStringLiteral("%1 (%2)").arg(option.label(catalog.get()), currency);
}

} // namespace

std::vector<double> sampleVolumes(double volume, int count)
{
    const double centre = std::max(1e3, volume);
    const double low = std::max(1e3, centre / 1e3);
    const double high = centre * 1e3;
    std::vector<double> v(count);
    for (int i = 0; i < count; ++i)
        v[i] = low * std::pow(high / low, double(i) / (count - 1));
    return v;
}

QChart *volumeChart(const CostEngine &engine, const std::vector<CostOption> &options, double volume,
                    const CostEngine::BreakEven *breakEven)
{
    auto *chart = new QChart;
    chart->setTitle(tr("Monthly cost against monthly requests"));
    auto *x = new QLogValueAxis;
    x->setTitleText(tr("Requests a month"));
    x->setLabelFormat(QStringLiteral("%.0g"));
    x->setBase(10);
    auto *y = new QLogValueAxis;
    y->setTitleText(tr("Cost a month"));
    y->setLabelFormat(QStringLiteral("%g"));
    y->setBase(10);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    const std::vector<double> volumes = sampleVolumes(volume);
    double top = 1;
    for (const CostOption &option : options) {
        auto *series = new QLineSeries;
        series->setName(label(engine, option));
        for (double v : volumes) {
            const double cost = engine.total(option, v);
            if (std::isnan(cost))
                continue;
            series->append(v, std::max(kFloor, cost));
            top = std::max(top, cost);
        }
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    auto *now = new QScatterSeries;
    now->setName(tr("Current volume"));
    now->setMarkerSize(9);
    for (const CostOption &option : options)
        if (const double cost = engine.total(option, volume); !std::isnan(cost))
            now->append(volume, std::max(kFloor, cost));
    chart->addSeries(now);
    now->attachAxis(x);
    now->attachAxis(y);
    for (QLegendMarker *marker : chart->legend()->markers(now))
        marker->setVisible(false); // the dots on the lines say it; the legend names the options
    if (breakEven && breakEven->found) {
        auto *mark = new QScatterSeries;
        mark->setName(tr("Break-even: %L1 requests").arg(breakEven->volume, 0, 'f', 0));
        mark->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        mark->setMarkerSize(13);
        mark->setColor(Qt::red);
        mark->append(breakEven->volume, std::max(kFloor, breakEven->costB));
        chart->addSeries(mark);
        mark->attachAxis(x);
        mark->attachAxis(y);
    }
    x->setRange(volumes.front(), volumes.back());
    y->setRange(kFloor, std::pow(10, std::ceil(std::log10(top))));
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QChart *dayChart(const CostEngine &engine, const std::vector<CostOption> &options, double volume)
{
    auto *chart = new QChart;
    chart->setTitle(tr("Cost of each hour of the busiest day"));
    auto *x = new QValueAxis;
    x->setTitleText(tr("Hour"));
    x->setRange(0, 24); // ticks every two hours, on whole hours
    x->setTickCount(13);
    x->setLabelFormat(QStringLiteral("%d"));
    auto *y = new QValueAxis;
    y->setTitleText(tr("Cost an hour"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double top = 0;
    for (const CostOption &option : options) {
        auto *series = new QLineSeries;
        series->setName(label(engine, option));
        const std::vector<double> hours = engine.hourlyCosts(option, volume);
        for (int h = 0; h < int(hours.size()); ++h) {
            series->append(h, hours[h]);
            top = std::max(top, hours[h]);
        }
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    y->applyNiceNumbers();
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QChart *itemsChart(const std::vector<CostResult> &results)
{
    auto *chart = new QChart;
    chart->setTitle(tr("What each option's bill is made of"));
    QStringList groups;
    for (const CostResult &r : results)
        for (const LineItem &item : r.items)
            if (!groups.contains(item.group))
                groups.append(item.group);
    auto *series = new QHorizontalStackedBarSeries;
    for (const QString &group : groups) {
        auto *set = new QBarSet(group);
        for (const CostResult &r : results) {
            double sum = 0;
            for (const LineItem &item : r.items)
                if (item.group == group)
                    sum += item.cost();
            *set << std::max(0.0, sum);
        }
        series->append(set);
    }
    chart->addSeries(series);
    QStringList categories;
    double top = 0;
    for (const CostResult &r : results) {
        categories << QStringLiteral("%1 (%2)").arg(r.label, r.currency);
        top = std::max(top, r.total());
    }
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    auto *x = new QValueAxis;
    x->setTitleText(tr("Cost a month"));
    x->setRange(0, top > 0 ? top * 1.05 : 1);
    x->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QImage render(QChart *chart, const QSize &size, qreal devicePixelRatio)
{
    QGraphicsScene scene;
    scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), size));
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), size), QRectF(QPointF(0, 0), size));
    }
    scene.removeItem(chart);
    return image;
}

void addToReport(CostReport &report, const CostEngine &engine, const std::vector<CostOption> &options)
{
    const QSize size(900, 480);
    std::unique_ptr<QChart> volume(volumeChart(engine, options, report.volume, report.hasBreakEven ? &report.breakEven : nullptr));
    report.charts.append({volume->title(), render(volume.get(), size)});
    std::unique_ptr<QChart> day(dayChart(engine, options, report.volume));
    report.charts.append({day->title(), render(day.get(), size)});
    std::unique_ptr<QChart> items(itemsChart(report.results));
    report.charts.append({items->title(), render(items.get(), size)});
}

} // namespace Nimbus::CostCharts
