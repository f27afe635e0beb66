#pragma once

#include "cost/costmodel.h"
#include "cost/costreport.h"

#include <QImage>
#include <QSize>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace Nimbus {

// The cost view's charts, built from the engine's results (Qt Charts). The view shows
// them; the report embeds them as pictures (render()).
namespace CostCharts {

// Monthly cost against monthly requests (log axes) for each option, the current volume
// and the break-even between options[a] and options[b] marked.
QChart *volumeChart(const CostEngine &engine, const std::vector<CostOption> &options, double volume,
                    const CostEngine::BreakEven *breakEven);
// Cost of each hour of the busiest day of the traffic profile.
QChart *dayChart(const CostEngine &engine, const std::vector<CostOption> &options, double volume);
// Each option's bill as a bar stacked by line-item group.
QChart *itemsChart(const std::vector<CostResult> &results);

// Adds the three charts to a report, as pictures.
void addToReport(CostReport &report, const CostEngine &engine, const std::vector<CostOption> &options);

// Draws a chart into a picture (needs a QApplication).
QImage render(QChart *chart, const QSize &size, qreal devicePixelRatio = 2);

// The volumes the volume chart samples (log-spaced around the current volume).
std::vector<double> sampleVolumes(double volume, int count = 49);

} // namespace CostCharts
} // namespace Nimbus
