#pragma once

#include "chart.h"
#include "costmodel.h"

#include <QCoreApplication>
#include <QImage>
#include <QSize>

#include <vector>

namespace Nimbus {

class CostReport;

// The three charts of a cost comparison, as data (Chart): what the studio's chart views
// show and what a report embeds as pictures. Needs no widgets: a report is drawn by the
// command-line tool with QtGui alone.
class ReportCharts
{
    // The studio's charts said these words first; one context keeps their translations.
    Q_DECLARE_TR_FUNCTIONS(Nimbus::CostCharts)

public:
    // Monthly cost against monthly requests (log axes) for each option, the current volume
    // and the break-even marked.
    static Chart volume(const CostEngine &engine, const std::vector<CostOption> &options, double volume,
                        const CostEngine::BreakEven *breakEven);
    // Cost of each hour of the busiest day of the traffic profile.
    static Chart day(const CostEngine &engine, const std::vector<CostOption> &options, double volume);
    // Each option's bill as a bar stacked by line-item group.
    static Chart items(const std::vector<CostResult> &results);

    // Adds the three charts to a report as pictures of `size` (logical pixels, drawn at twice
    // the resolution). Needs a QGuiApplication (the offscreen platform will do).
    static void addToReport(CostReport &report, const CostEngine &engine, const std::vector<CostOption> &options,
                            const QSize &size = kPictureSize);

    // The volumes the volume chart samples (log-spaced around the current volume).
    static std::vector<double> sampleVolumes(double volume, int count = 49);
    // The colours of Qt Charts' light theme, which the studio's charts use: one per series.
    static QColor colour(int index);

    static constexpr QSize kPictureSize{900, 480};
    // Log axes cannot show zero: a free month is drawn at one cent.
    static constexpr double kFloor = 0.01;
};

} // namespace Nimbus
