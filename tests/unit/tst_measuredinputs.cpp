// Measured inputs: figures taken from fake run histories with known durations, memory,
// logs and results (percentiles, the runs behind each figure, the warning under ten
// runs), the right-size memory table's assumed durations and costs, and the report's
// measured sections in each format.

#include "cost/costmodel.h"
#include "cost/costreport.h"
#include "runtime/runhistory.h"

#include <QJsonArray>
#include <QtTest>

#include <cmath>

using namespace Nimbus;
using namespace Qt::StringLiterals;

namespace {

constexpr NodeId kNode = 7;

// One recorded run: its duration, whether it succeeded, what it logged and returned.
struct FakeRun
{
    double durationMs;
    bool ok = true;
    int memoryUsedMb = 0;
    int logBytes = 0; // one log line of this many bytes (none when 0)
    int resultBytes = 2; // the result: a JSON string of this many bytes
};

Result<void> record(RunHistory &history, NodeId node, const FakeRun &run)
{
    InvocationResult r;
    r.requestId = u"r"_s;
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.ok = run.ok;
    r.durationMs = run.durationMs;
    r.maxMemoryUsedMB = run.memoryUsedMb;
    if (run.logBytes > 0)
        r.logs << QString(run.logBytes, 'x'_L1);
    if (run.ok)
        r.resultJson = '"' + QByteArray(std::max(0, run.resultBytes - 2), 'a') + '"';
    else
        r.error = QJsonObject{{u"errorType"_s, u"Error"_s}};
    const Result<qint64> recorded = history.record(node, "{}", r);
    if (!recorded)
        return recorded.error();
    return {};
}

// Durations 1, 2, ... n ms, every run ok.
QList<FakeRun> ascending(int n)
{
    QList<FakeRun> runs;
    for (int i = 1; i <= n; ++i)
        runs.append(FakeRun{double(i)});
    return runs;
}

Workload oneFunction(double durationMs, int memoryMb)
{
    Workload w = Workload::single(1'000'000, durationMs, memoryMb, u"x86_64"_s, false);
    w.functions.front().node = kNode;
    w.functions.front().name = u"resize"_s;
    return w;
}

CostOption lambda()
{
    CostOption o;
    o.provider = u"aws"_s;
    o.freeTier = false;
    o.gateway = u"none"_s;
    return o;
}

} // namespace

Q_DECLARE_METATYPE(QList<FakeRun>)

class tst_MeasuredInputs : public QObject
{
    Q_OBJECT

private slots:
    void percentile_data();
    void percentile();
    void figuresFromRunHistory_data();
    void figuresFromRunHistory();
    void durationsAreThoseOfUseMeasuredDurations();
    void noRunsKeepTheTypedDuration();
    void scenarioDurationIsNotMeasured();
    void rightSizeDurations_data();
    void rightSizeDurations();
    void rightSizeCosts_data();
    void rightSizeCosts();
    void rightSizeMarksSizesTooSmall();
    void reportShowsMeasuredFigures();
    void reportWithoutMeasuredIsUnchanged();
};

void tst_MeasuredInputs::percentile_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("percent");
    QTest::addColumn<double>("expected");
    QTest::newRow("none") << QList<double>{} << 50.0 << 0.0;
    QTest::newRow("one") << QList<double>{42} << 95.0 << 42.0;
    QTest::newRow("p50 of 1..10") << QList<double>{3, 1, 2, 10, 9, 8, 7, 6, 5, 4} << 50.0 << 5.0;
    QTest::newRow("p95 of 1..10") << QList<double>{3, 1, 2, 10, 9, 8, 7, 6, 5, 4} << 95.0 << 10.0;
    QTest::newRow("p95 of 1..20") << QList<double>{20, 19, 18, 17, 16, 15, 14, 13, 12, 11,
                                                   10, 9,  8,  7,  6,  5,  4,  3,  2,  1}
                                  << 95.0 << 19.0;
    QTest::newRow("p50 of 1..4") << QList<double>{4, 3, 2, 1} << 50.0 << 2.0;
    QTest::newRow("p100") << QList<double>{4, 3, 2, 1} << 100.0 << 4.0;
}

void tst_MeasuredInputs::percentile()
{
    QFETCH(QList<double>, values);
    QFETCH(double, percent);
    QFETCH(double, expected);
    QCOMPARE(FunctionMeasurement::percentile(std::vector<double>(values.begin(), values.end()), percent), expected);
}

void tst_MeasuredInputs::figuresFromRunHistory_data()
{
    QTest::addColumn<QList<FakeRun>>("runs");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("durationRuns");
    QTest::addColumn<double>("p50");
    QTest::addColumn<double>("p95");
    QTest::addColumn<double>("mean");
    QTest::addColumn<int>("logRuns");
    QTest::addColumn<double>("logBytes");
    QTest::addColumn<double>("responseBytes");
    QTest::addColumn<double>("peakMemory");
    QTest::addColumn<int>("memoryRuns");
    QTest::addColumn<bool>("fewRuns");

    QTest::newRow("twenty runs, 1..20 ms")
        << ascending(20) << 100 << 20 << 10.0 << 19.0 << 10.5 << 20 << 0.0 << 2.0 << 0.0 << 0 << false;
    QTest::newRow("exactly ten runs") << ascending(10) << 100 << 10 << 5.0 << 10.0 << 5.5 << 10 << 0.0 << 2.0 << 0.0
                                      << 0 << false;
    QTest::newRow("nine runs warn") << ascending(9) << 100 << 9 << 5.0 << 9.0 << 5.0 << 9 << 0.0 << 2.0 << 0.0 << 0
                                    << true;
    // Logs: every run; durations and responses: successful runs only; memory: runs that reported it.
    QTest::newRow("failures and logs") << QList<FakeRun>{{100, true, 60, 100, 12},
                                                         {300, true, 80, 300, 22},
                                                         {5000, false, 0, 1100, 0},
                                                         {200, true, 70, 0, 32}}
                                       << 100 << 3 << 200.0 << 300.0 << 200.0 << 4 << 375.0 << 22.0 << 80.0 << 3
                                       << true;
    // Only the latest runs count: the limit takes the 10 newest of 1..30 ms (21..30).
    QTest::newRow("latest runs only") << ascending(30) << 10 << 10 << 25.0 << 30.0 << 25.5 << 10 << 0.0 << 2.0 << 0.0
                                      << 0 << false;
    QTest::newRow("no runs") << QList<FakeRun>{} << 100 << 0 << 0.0 << 0.0 << 0.0 << 0 << 0.0 << 0.0 << 0.0 << 0
                             << true;
}

void tst_MeasuredInputs::figuresFromRunHistory()
{
    QFETCH(QList<FakeRun>, runs);
    QFETCH(int, limit);
    RunHistory history;
    QVERIFY(history.openInMemory());
    for (const FakeRun &run : std::as_const(runs))
        QVERIFY(record(history, kNode, run));
    QVERIFY(record(history, kNode + 1, {99999})); // another function's run counts for it only

    Workload w = oneFunction(123, 512);
    w.useMeasuredInputs(history, limit);
    QVERIFY(w.measured);
    const FunctionLoad &f = w.functions.front();
    const FunctionMeasurement &m = f.measured;
    QCOMPARE(m.runs, int(std::min<qsizetype>(runs.size(), limit)));
    QTEST(m.p50DurationMs.runs, "durationRuns");
    QTEST(m.p95DurationMs.runs, "durationRuns");
    QTEST(m.p50DurationMs.value, "p50");
    QTEST(m.p95DurationMs.value, "p95");
    QTEST(m.meanDurationMs.value, "mean");
    QTEST(m.logBytes.runs, "logRuns");
    QTEST(m.logBytes.value, "logBytes");
    QTEST(m.responseBytes.value, "responseBytes");
    QTEST(m.peakMemoryUsedMb.value, "peakMemory");
    QTEST(m.peakMemoryUsedMb.runs, "memoryRuns");
    QTEST(m.p50DurationMs.fewRuns(), "fewRuns");
    QCOMPARE(m.memorySettingMb, 512);
    // The cost model prices the mean of the successful runs; with none, the typed duration.
    QFETCH(int, durationRuns);
    QFETCH(double, mean);
    QCOMPARE(f.durationMeasured, durationRuns > 0);
    QCOMPARE(f.durationMs, durationRuns > 0 ? mean : 123.0);
}

void tst_MeasuredInputs::durationsAreThoseOfUseMeasuredDurations()
{
    RunHistory history;
    QVERIFY(history.openInMemory());
    for (const FakeRun &run : QList<FakeRun>{{10}, {20}, {1000, false}, {60}})
        QVERIFY(record(history, kNode, run));
    Workload before = oneFunction(5, 128);
    Workload after = before;
    QCOMPARE(before.useMeasuredDurations(history), 1);
    QCOMPARE(after.useMeasuredInputs(history), 1);
    QCOMPARE(after.functions.front().durationMs, before.functions.front().durationMs);
    QCOMPARE(before.functions.front().durationMs, 30.0);
    QVERIFY(!before.measured); // the old call changes durations only
}

void tst_MeasuredInputs::noRunsKeepTheTypedDuration()
{
    RunHistory history;
    QVERIFY(history.openInMemory());
    QVERIFY(record(history, kNode, {700, false, 0, 40}));
    Workload w = oneFunction(250, 256);
    QCOMPARE(w.useMeasuredInputs(history), 0);
    QCOMPARE(w.functions.front().durationMs, 250.0);
    QVERIFY(!w.functions.front().durationMeasured);
    QCOMPARE(w.functions.front().measured.logBytes.value, 40.0); // the failed run's logs still count
}

void tst_MeasuredInputs::scenarioDurationIsNotMeasured()
{
    RunHistory history;
    QVERIFY(history.openInMemory());
    QVERIFY(record(history, kNode, {40}));
    Workload w = oneFunction(250, 256);
    w.useMeasuredInputs(history);
    QVERIFY(w.applyJson(QJsonObject{{u"functions"_s, QJsonObject{{u"resize"_s, QJsonObject{{u"memoryMb"_s, 512}}}}}}));
    QVERIFY(w.functions.front().durationMeasured);
    QVERIFY(w.applyJson(QJsonObject{{u"functions"_s, QJsonObject{{u"resize"_s, QJsonObject{{u"durationMs"_s, 90}}}}}}));
    QVERIFY(!w.functions.front().durationMeasured);
}

void tst_MeasuredInputs::rightSizeDurations_data()
{
    QTest::addColumn<double>("durationMs");
    QTest::addColumn<int>("baseMb");
    QTest::addColumn<QList<double>>("expected"); // at 128, 256, 512, 1024, 1536, 2048, 3008 MB
    const double oneVcpu = 400.0 * 512 / 1769; // no faster than at 1,769 MB
    QTest::newRow("400 ms at 512 MB") << 400.0 << 512
                                      << QList<double>{1600, 800, 400, 200, 400.0 * 512 / 1536, oneVcpu, oneVcpu};
    QTest::newRow("100 ms at 128 MB")
        << 100.0 << 128 << QList<double>{100, 50, 25, 12.5, 100.0 * 128 / 1536, 100.0 * 128 / 1769, 100.0 * 128 / 1769};
    // Measured above one vCPU: smaller sizes slow down from the one-vCPU speed.
    QTest::newRow("50 ms at 3008 MB")
        << 50.0 << 3008
        << QList<double>{
               50.0 * 1769 / 128, 50.0 * 1769 / 256, 50.0 * 1769 / 512, 50.0 * 1769 / 1024, 50.0 * 1769 / 1536, 50, 50};
    QTest::newRow("floored at 1 ms") << 2.0 << 128 << QList<double>{2, 1, 1, 1, 1, 1, 1};
}

void tst_MeasuredInputs::rightSizeDurations()
{
    QFETCH(double, durationMs);
    QFETCH(int, baseMb);
    QFETCH(QList<double>, expected);
    const std::vector<int> &sizes = CostEngine::rightSizeMemoriesMb();
    QCOMPARE(sizes, (std::vector<int>{128, 256, 512, 1024, 1536, 2048, 3008}));
    for (size_t i = 0; i < sizes.size(); ++i)
        QVERIFY2(qFuzzyCompare(CostEngine::scaledDuration(durationMs, baseMb, sizes[i]), expected.at(int(i))),
                 qPrintable(u"%1 MB"_s.arg(sizes[i])));
}

void tst_MeasuredInputs::rightSizeCosts_data()
{
    QTest::addColumn<double>("durationMs");
    QTest::addColumn<int>("memoryMb");
    QTest::addColumn<double>("invocations");
    QTest::newRow("400 ms at 512 MB, a million") << 400.0 << 512 << 1e6;
    QTest::newRow("35.5 ms at 1024 MB, ten million") << 35.5 << 1024 << 1e7;
    QTest::newRow("2 s at 128 MB, fifty thousand") << 2000.0 << 128 << 5e4;
}

// Each cell is the function's requests plus its compute at that size, priced from the
// shipped catalog's own prices (no free tier), the duration rounded up to Lambda's 1 ms.
void tst_MeasuredInputs::rightSizeCosts()
{
    QFETCH(double, durationMs);
    QFETCH(int, memoryMb);
    QFETCH(double, invocations);
    const PricingCatalogs catalogs = PricingCatalogs::load({});
    const auto aws = catalogs.provider(u"aws"_s);
    QVERIFY(aws);
    const Price *requests = aws->price(u"function.requests"_s);
    const Price *compute = aws->price(u"function.compute.x86_64"_s);
    QVERIFY(requests && compute);

    RunHistory history;
    QVERIFY(history.openInMemory());
    for (int i = 0; i < 12; ++i)
        QVERIFY(record(history, kNode, {durationMs}));
    Workload w = oneFunction(1, memoryMb);
    w.monthlyRequests = invocations;
    w.useMeasuredInputs(history);
    const CostEngine engine(w, catalogs);
    const std::vector<CostEngine::RightSize> rows = engine.rightSize(lambda(), invocations);
    QCOMPARE(rows.size(), size_t(1));
    const CostEngine::RightSize &row = rows.front();
    QCOMPARE(row.function, u"resize"_s);
    QVERIFY(row.measured);
    QCOMPARE(row.runs, 12);
    QCOMPARE(row.baseMemoryMb, memoryMb);
    QCOMPARE(row.cells.size(), size_t(7));
    int cheapest = 0;
    for (size_t i = 0; i < row.cells.size(); ++i) {
        const int mb = CostEngine::rightSizeMemoriesMb()[i];
        const double duration = CostEngine::scaledDuration(durationMs, memoryMb, mb);
        const double gbSeconds = invocations * std::ceil(duration - 1e-9) / 1000 * mb / 1024.0;
        const double expected = invocations * requests->tiers.front().price / requests->per
                                + gbSeconds * compute->tiers.front().price / compute->per;
        QCOMPARE(row.cells[i].memoryMb, mb);
        QVERIFY(!row.cells[i].tooSmall);
        QVERIFY2(std::abs(row.cells[i].monthlyCost - expected) < 1e-9,
                 qPrintable(u"%1 MB: %2, expected %3"_s.arg(mb).arg(row.cells[i].monthlyCost).arg(expected)));
        if (row.cells[i].monthlyCost < row.cells[size_t(cheapest)].monthlyCost)
            cheapest = int(i);
    }
    QCOMPARE(row.cheapest, cheapest);
    // The current size's cell is what the bill charges the function.
    const CostResult bill = engine.evaluate(lambda(), invocations);
    const auto current = std::find_if(row.cells.begin(), row.cells.end(),
                                      [&](const CostEngine::RightSize::Cell &c) { return c.memoryMb == memoryMb; });
    QVERIFY(current != row.cells.end());
    QVERIFY(std::abs(current->monthlyCost - bill.perFunction.value(u"resize"_s)) < 1e-9);
}

void tst_MeasuredInputs::rightSizeMarksSizesTooSmall()
{
    RunHistory history;
    QVERIFY(history.openInMemory());
    for (int i = 0; i < 3; ++i)
        QVERIFY(record(history, kNode, {800, true, 300 + i}));
    Workload w = oneFunction(1, 512);
    w.useMeasuredInputs(history);
    const std::vector<CostEngine::RightSize> rows =
        CostEngine(w, PricingCatalogs::load({})).rightSize(lambda(), w.monthlyRequests);
    const CostEngine::RightSize &row = rows.front();
    QCOMPARE(row.peakMemoryUsedMb, 302.0);
    QVERIFY(row.cells[0].tooSmall); // 128 MB
    QVERIFY(row.cells[1].tooSmall); // 256 MB
    QVERIFY(!row.cells[2].tooSmall); // 512 MB
    QVERIFY(row.cheapest >= 2);
}

void tst_MeasuredInputs::reportShowsMeasuredFigures()
{
    RunHistory history;
    QVERIFY(history.openInMemory());
    for (const FakeRun &run : ascending(4))
        QVERIFY(record(history, kNode, {run.durationMs * 100, true, 90, 250, 1026}));
    Workload w = oneFunction(1, 512);
    w.useMeasuredInputs(history);
    const CostEngine engine(w, PricingCatalogs::load({}));
    CostOption fleet = lambda();
    fleet.kind = CostOption::Kind::VmFleet;
    const CostReport report = CostReport::make(engine, {lambda(), fleet}, w.monthlyRequests);
    QCOMPARE(report.rightSize.size(), size_t(1));
    QCOMPARE(report.rightSizeCurrency, u"USD"_s);

    const QJsonObject json = report.toJson();
    const QJsonObject figures = json["measured"_L1]["functions"_L1]["resize"_L1].toObject();
    QCOMPARE(figures["runs"_L1].toInt(), 4);
    QCOMPARE(figures["durationP50Ms"_L1]["value"_L1].toDouble(), 200.0);
    QCOMPARE(figures["durationP95Ms"_L1]["value"_L1].toDouble(), 400.0);
    QCOMPARE(figures["durationP95Ms"_L1]["runs"_L1].toInt(), 4);
    QCOMPARE(figures["logBytes"_L1]["value"_L1].toDouble(), 250.0);
    QCOMPARE(figures["responseBytes"_L1]["value"_L1].toDouble(), 1026.0);
    QCOMPARE(figures["memoryUsedMb"_L1]["value"_L1].toDouble(), 90.0);
    QVERIFY(figures["logBytes"_L1]["fewRuns"_L1].toBool());
    QVERIFY(figures["logBytes"_L1]["warning"_L1].toString().contains("fewer than 10"_L1));
    QVERIFY(json["measured"_L1]["summary"_L1].toString().startsWith("Measured from 4 local run"_L1));
    const QJsonArray sizes = json["rightSize"_L1]["functions"_L1][0]["sizes"_L1].toArray();
    QCOMPARE(sizes.size(), 7);
    QCOMPARE(sizes[6]["memoryMb"_L1].toInt(), 3008);
    QCOMPARE(sizes[2]["durationMs"_L1].toDouble(), 250.0); // the mean, at the 512 MB it was measured at
    // The size it runs at costs what the bill charges it, to the cent.
    const double charged = report.results.front().perFunction.value(u"resize"_s);
    QCOMPARE(sizes[2]["monthlyCost"_L1].toDouble(), std::round(charged * 100) / 100);
    QVERIFY(json["rightSize"_L1]["assumption"_L1].toString().contains("1769 MB"_L1));
    QVERIFY(json["assumptions"_L1].toArray().contains(CostEngine::rightSizeAssumption()));

    const QString table = report.table();
    QVERIFY(table.contains("Measured from 4 local run"_L1));
    QVERIFY(table.contains("only 4 run"_L1) && table.contains("fewer than 10"_L1));
    QVERIFY(table.contains("Right-size memory"_L1));
    QVERIFY(table.contains("3008 MB"_L1));
    const QByteArray csv = report.csv();
    QVERIFY(csv.contains("measured,resize,durationP95Ms,400.000,ms,4,"));
    QVERIFY(csv.contains("right_size,resize,128,1000.000,"));
    const QString html = report.html();
    QVERIFY(html.contains("<h2>Measured from local runs</h2>"_L1));
    QVERIFY(html.contains("<h2>Right-size memory</h2>"_L1));
}

void tst_MeasuredInputs::reportWithoutMeasuredIsUnchanged()
{
    const Workload w = oneFunction(100, 512);
    const CostReport report = CostReport::make(CostEngine(w, PricingCatalogs::load({})), {lambda()}, 1e6);
    QVERIFY(report.rightSize.empty());
    QVERIFY(!report.toJson().contains("measured"_L1));
    QVERIFY(!report.toJson().contains("rightSize"_L1));
    QVERIFY(!report.csv().contains("right_size"));
    QVERIFY(!report.table().contains("Right-size"_L1));
    QVERIFY(!report.html().contains("Measured from local runs"_L1));
}

QTEST_GUILESS_MAIN(tst_MeasuredInputs)
#include "tst_measuredinputs.moc"
