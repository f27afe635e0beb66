// The cost report's charts as data (ReportCharts, Chart) and as pictures (ChartPainter):
// the volumes sampled, the axes' ranges and ticks, the studio's colours, and pictures that
// show the data: drawn, the same for the same data, different for different data.

#include "cost/chartpainter.h"
#include "cost/costreport.h"
#include "cost/reportcharts.h"
#include "testutil.h"

#include <QtTest>

#include <cmath>

using namespace Nimbus;

class tst_ReportCharts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sampleVolumes_data();
    void sampleVolumes();
    void axisTicks_data();
    void axisTicks();
    void niceAxis_data();
    void niceAxis();
    void volumeChartRanges_data();
    void volumeChartRanges();
    void dayChartRanges();
    void itemsChartStacksTheBill();
    void picturesShowTheData();
    void reportGetsThreePictures();

private:
    CostEngine engine(TrafficProfile profile = TrafficProfile::constant()) const;
    std::vector<CostOption> options() const;
    std::unique_ptr<Project> mProject;
};

namespace {
// Pixels that are not the white background.
int inkedPixels(const QImage &image)
{
    int inked = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            inked += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
    return inked;
}
} // namespace

void tst_ReportCharts::initTestCase()
{
    mProject = std::make_unique<Project>(Catalog::builtin());
    QVERIFY(NimbusTest::loadExample(*mProject));
}

CostEngine tst_ReportCharts::engine(TrafficProfile profile) const
{
    Workload w = Workload::fromArchitecture(mProject->catalog(), mProject->architecture());
    w.profile = std::move(profile);
    return CostEngine(w, PricingCatalogs::load({}));
}

std::vector<CostOption> tst_ReportCharts::options() const
{
    CostOption serverless;
    CostOption fleet;
    fleet.kind = CostOption::Kind::VmFleet;
    fleet.instanceType = "t3.small";
    CostOption containers;
    containers.kind = CostOption::Kind::Containers;
    return {serverless, fleet, containers};
}

void tst_ReportCharts::sampleVolumes_data()
{
    QTest::addColumn<double>("volume");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("first");
    QTest::addColumn<double>("last");
    QTest::newRow("a million") << 1e6 << 49 << 1e3 << 1e9;
    QTest::newRow("twenty million") << 2e7 << 49 << 2e4 << 2e10;
    QTest::newRow("nothing yet: from a thousand") << 0.0 << 49 << 1e3 << 1e6;
    QTest::newRow("small: never below a thousand") << 5e4 << 25 << 1e3 << 5e7;
    QTest::newRow("two points") << 1e6 << 2 << 1e3 << 1e9;
}

void tst_ReportCharts::sampleVolumes()
{
    QFETCH(double, volume);
    QFETCH(int, count);
    QFETCH(double, first);
    QFETCH(double, last);
    const std::vector<double> v = ReportCharts::sampleVolumes(volume, count);
    QCOMPARE(int(v.size()), count);
    QVERIFY(std::abs(v.front() / first - 1) < 1e-9);
    QVERIFY(std::abs(v.back() / last - 1) < 1e-9);
    // Evenly spaced on the log axis: the same ratio between neighbours.
    for (size_t i = 1; i + 1 < v.size(); ++i)
        QVERIFY(std::abs((v[i + 1] / v[i]) / (v[1] / v[0]) - 1) < 1e-9);
}

void tst_ReportCharts::axisTicks_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<bool>("logarithmic");
    QTest::addColumn<double>("step");
    QTest::addColumn<QList<double>>("ticks");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("cost, log") << 0.01 << 1e4 << true << 0.0 << QList<double>{0.01, 0.1, 1, 10, 100, 1e3, 1e4}
                               << QStringList{"0.01", "0.1", "1", "10", "100", "1K", "10K"};
    QTest::newRow("requests, log, between decades")
        << 2e4 << 2e10 << true << 0.0 << QList<double>{1e5, 1e6, 1e7, 1e8, 1e9, 1e10}
        << QStringList{"100K", "1M", "10M", "100M", "1B", "10B"};
    QTest::newRow("log, wide: every second decade")
        << 1.0 << 1e12 << true << 0.0 << QList<double>{1, 1e2, 1e4, 1e6, 1e8, 1e10, 1e12}
        << QStringList{"1", "100", "10K", "1M", "100M", "10B", "1T"};
    QTest::newRow("hours") << 0.0 << 24.0 << false << 2.0
                           << QList<double>{0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24}
                           << QStringList{"0", "2", "4", "6", "8", "10", "12", "14", "16", "18", "20", "22", "24"};
    QTest::newRow("cents an hour") << 0.0 << 0.06 << false << 0.0 << QList<double>{0, 0.02, 0.04, 0.06}
                                   << QStringList{"0.00", "0.02", "0.04", "0.06"};
    QTest::newRow("quarters") << 0.0 << 10.0 << false << 2.5 << QList<double>{0, 2.5, 5, 7.5, 10}
                              << QStringList{"0.0", "2.5", "5.0", "7.5", "10.0"};
}

void tst_ReportCharts::axisTicks()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(bool, logarithmic);
    QFETCH(double, step);
    QFETCH(QList<double>, ticks);
    QFETCH(QStringList, labels);
    QLocale english = QLocale::c();
    english.setNumberOptions({}); // the C locale leaves out group separators; a user's does not
    QLocale::setDefault(english);
    Chart::Axis axis;
    axis.min = min;
    axis.max = max;
    axis.logarithmic = logarithmic;
    axis.step = step;
    const std::vector<double> got = axis.ticks();
    QCOMPARE(int(got.size()), int(ticks.size()));
    QStringList gotLabels;
    for (size_t i = 0; i < got.size(); ++i) {
        QVERIFY2(std::abs(got[i] - ticks[int(i)]) <= 1e-9 * std::max(1.0, ticks[int(i)]),
                 qPrintable(QString::number(got[i])));
        gotLabels << axis.label(got[i]);
    }
    QCOMPARE(gotLabels, labels);
    QCOMPARE(axis.fraction(min), 0.0);
    QCOMPARE(axis.fraction(max), 1.0);
    QLocale::setDefault(QLocale::system());
}

void tst_ReportCharts::niceAxis_data()
{
    QTest::addColumn<double>("top");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("step");
    QTest::newRow("nothing") << 0.0 << 1.0 << 0.0;
    QTest::newRow("cents") << 0.0589 << 0.06 << 0.02;
    QTest::newRow("forty dollars") << 41.06 << 50.0 << 10.0;
    QTest::newRow("exactly a step") << 40.0 << 40.0 << 10.0;
    QTest::newRow("quarters") << 11.2 << 12.5 << 2.5;
    QTest::newRow("thousands") << 7300.0 << 8000.0 << 2000.0;
}

void tst_ReportCharts::niceAxis()
{
    QFETCH(double, top);
    QFETCH(double, max);
    QFETCH(double, step);
    const Chart::Axis axis = Chart::niceAxis(top, "t");
    QCOMPARE(axis.title, QString("t"));
    QCOMPARE(axis.min, 0.0);
    QVERIFY2(std::abs(axis.max - max) < 1e-9, qPrintable(QString::number(axis.max)));
    QVERIFY2(std::abs(axis.step - step) < 1e-9, qPrintable(QString::number(axis.step)));
    QVERIFY(axis.max >= top);
}

void tst_ReportCharts::volumeChartRanges_data()
{
    QTest::addColumn<double>("volume");
    QTest::newRow("a million") << 1e6;
    QTest::newRow("twenty million") << 2e7;
    QTest::newRow("a billion") << 1e9;
}

void tst_ReportCharts::volumeChartRanges()
{
    QFETCH(double, volume);
    const CostEngine e = engine();
    const std::vector<CostOption> o = options();
    const CostEngine::BreakEven breakEven = e.breakEven(o[0], o[1]);
    QVERIFY(breakEven.found);
    const Chart chart = ReportCharts::volume(e, o, volume, &breakEven);
    QCOMPARE(chart.kind, Chart::Kind::Lines);
    const std::vector<double> volumes = ReportCharts::sampleVolumes(volume);
    QCOMPARE(chart.x.min, volumes.front());
    QCOMPARE(chart.x.max, volumes.back());
    QVERIFY(chart.x.logarithmic && chart.y.logarithmic);
    QCOMPARE(chart.y.min, ReportCharts::kFloor);
    // The top is the power of ten above the dearest point.
    double top = 0;
    for (int i = 0; i < 3; ++i) {
        const Chart::Series &s = chart.series[i];
        QCOMPARE(s.colour, ReportCharts::colour(i));
        QCOMPARE(s.points.size(), volumes.size());
        for (const QPointF &p : s.points)
            top = std::max(top, p.y());
    }
    QVERIFY(chart.y.max >= top && chart.y.max < top * 10);
    QCOMPARE(std::log10(chart.y.max), std::round(std::log10(chart.y.max)));
    // The current volume on each line, and the break-even in red.
    QCOMPARE(chart.series.size(), size_t(5));
    QCOMPARE(chart.series[3].points.size(), size_t(3));
    QCOMPARE(chart.series[3].points[0].x(), volume);
    QVERIFY(!chart.series[3].inLegend);
    QVERIFY(chart.series[4].name.startsWith("Break-even"));
    QCOMPARE(chart.series[4].colour, QColor(Qt::red));
    QCOMPARE(chart.series[4].points.at(0).x(), breakEven.volume);
    // The studio's theme: Qt Charts' light colours.
    QCOMPARE(ReportCharts::colour(0), QColor(0x20, 0x9f, 0xdf));
    QCOMPARE(ReportCharts::colour(4), QColor(0xbf, 0x59, 0x3e));
    QVERIFY(ReportCharts::colour(5) != ReportCharts::colour(0));
}

void tst_ReportCharts::dayChartRanges()
{
    const CostEngine e = engine(TrafficProfile::dailyPeaks());
    const Chart chart = ReportCharts::day(e, options(), 2e7);
    QCOMPARE(chart.x.min, 0.0);
    QCOMPARE(chart.x.max, 24.0);
    QCOMPARE(int(chart.x.ticks().size()), 13);
    QCOMPARE(chart.y.min, 0.0);
    double top = 0;
    for (const Chart::Series &s : chart.series) {
        QCOMPARE(s.points.size(), size_t(24));
        for (const QPointF &p : s.points)
            top = std::max(top, p.y());
    }
    QVERIFY(top > 0);
    QVERIFY(chart.y.max >= top * 1.1 && chart.y.max <= top * 1.1 * 2.5);
}

void tst_ReportCharts::itemsChartStacksTheBill()
{
    const CostEngine e = engine();
    const CostReport report = CostReport::make(e, options(), 2e7);
    const Chart chart = ReportCharts::items(report.results);
    QCOMPARE(chart.kind, Chart::Kind::HorizontalStackedBars);
    QCOMPARE(chart.y.categories.size(), 3);
    QCOMPARE(chart.barLabels.size(), 3);
    double top = 0;
    for (int c = 0; c < 3; ++c) {
        // Each bar adds up to the option's bill.
        double sum = 0;
        for (const Chart::Series &s : chart.series)
            sum += s.values.at(c);
        QVERIFY2(std::abs(sum - report.results[c].total()) < 0.01, qPrintable(chart.y.categories.at(c)));
        QCOMPARE(chart.barLabels.at(c), CostReport::money(report.results[c].total(), report.results[c].currency));
        top = std::max(top, sum);
    }
    QVERIFY(chart.x.max >= top);
}

void tst_ReportCharts::picturesShowTheData()
{
    const CostEngine e = engine();
    const std::vector<CostOption> o = options();
    const QSize size(900, 480);
    const QImage picture = ChartPainter::render(ReportCharts::volume(e, o, 1e6, nullptr), size);
    QCOMPARE(picture.size(), QSize(1800, 960));
    QCOMPARE(picture.devicePixelRatio(), 2.0);
    // Drawn: lines, text and grid cover a good part of the picture, not all of it.
    const int inked = inkedPixels(picture);
    QVERIFY2(inked > picture.width() * picture.height() / 50, qPrintable(QString::number(inked)));
    QVERIFY(inked < picture.width() * picture.height() / 2);
    // The options' colours are there.
    bool blue = false;
    for (int y = 0; y < picture.height() && !blue; ++y)
        for (int x = 0; x < picture.width() && !blue; ++x)
            blue = picture.pixelColor(x, y) == ReportCharts::colour(0);
    QVERIFY(blue);

    // The same data, the same picture; other data, another one.
    QCOMPARE(ChartPainter::render(ReportCharts::volume(e, o, 1e6, nullptr), size), picture);
    QVERIFY(ChartPainter::render(ReportCharts::volume(e, o, 1e8, nullptr), size) != picture);
    const CostEngine::BreakEven breakEven = e.breakEven(o[0], o[1]);
    QVERIFY(ChartPainter::render(ReportCharts::volume(e, o, 1e6, &breakEven), size) != picture);
    const QImage day = ChartPainter::render(ReportCharts::day(e, o, 2e7), size);
    QVERIFY(ChartPainter::render(ReportCharts::day(engine(TrafficProfile::dailyPeaks()), o, 2e7), size) != day);
    const std::vector<CostResult> results = CostReport::make(e, o, 2e7).results;
    const QImage items = ChartPainter::render(ReportCharts::items(results), size);
    QVERIFY(inkedPixels(items) > items.width() * items.height() / 50);
    QVERIFY(ChartPainter::render(ReportCharts::items({results[0], results[1]}), size) != items);

    // An empty chart draws its frame without failing.
    Chart empty;
    empty.kind = Chart::Kind::HorizontalStackedBars;
    QCOMPARE(ChartPainter::render(empty, size, 1).size(), size);
}

void tst_ReportCharts::reportGetsThreePictures()
{
    const CostEngine e = engine();
    CostReport report = CostReport::make(e, options(), 2e7);
    ReportCharts::addToReport(report, e, options());
    QCOMPARE(report.charts.size(), 3);
    QCOMPARE(report.charts.at(0).first, QString("Monthly cost against monthly requests"));
    QCOMPARE(report.charts.at(1).first, QString("Cost of each hour of the busiest day"));
    QCOMPARE(report.charts.at(2).first, QString("What each option's bill is made of"));
    for (const auto &chart : report.charts)
        QCOMPARE(chart.second.size(), ReportCharts::kPictureSize * 2);
    // The HTML shows them at their logical size.
    QVERIFY(report.html().contains("width=\"900\""));
}

QTEST_MAIN(tst_ReportCharts)
#include "tst_reportcharts.moc"
