#pragma once

#include "cost/costmodel.h"

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace Nimbus {

// The cost view's interactive charts (Qt Charts), built from the same data as the report's
// pictures (ReportCharts), so the studio and a report show the same numbers in the same hues
// (made readable on the theme's background, Theme::readable). Axes are labelled by the view
// (1K, 1M, in the user's locale) and titled with the currency over a period ("USD / month").
namespace CostCharts {

// Monthly cost against monthly requests (log axes) for each option, the current volume
// and the break-even between options[a] and options[b] marked.
QChart *volumeChart(const CostEngine &engine, const std::vector<CostOption> &options, double volume,
                    const CostEngine::BreakEven *breakEven);
// Cost of each hour of the busiest day of the traffic profile.
QChart *dayChart(const CostEngine &engine, const std::vector<CostOption> &options, double volume);
// Each option's bill as a bar stacked by line-item group.
QChart *itemsChart(const std::vector<CostResult> &results);

} // namespace CostCharts
} // namespace Nimbus
