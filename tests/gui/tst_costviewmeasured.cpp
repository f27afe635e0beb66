// The cost view's Measured tab, driven through its widgets on the offscreen platform:
// runs recorded in the example's history, Use Measured Inputs, then the figures with the
// runs behind each and the warning under ten runs, and the right-size memory table.

#include "cost/costreport.h"
#include "cost/costview.h"
#include "mainwindow.h"
#include "runtime/functionrunner.h"
#include "testutil.h"

#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Nimbus;
using namespace Qt::StringLiterals;

class tst_CostViewMeasured : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void measuredTabShowsFiguresAndRightSize();

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *widget = mWindow->costView()->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget named %s", name);
        return widget;
    }
    void recordRuns(const QString &function, const QList<double> &durations, int memoryUsedMb, int logBytes);
    // The row of a table whose first two cells are these, or -1.
    static int row(const QTableWidget *table, const QString &first, const QString &second = {});

    std::unique_ptr<MainWindow> mWindow;
    QTemporaryDir mDir;
};

void tst_CostViewMeasured::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_CostViewMeasured::init()
{
    mWindow = std::make_unique<MainWindow>();
    mWindow->costView()->setPricingDirectory(mDir.filePath("pricing")); // shipped prices only
    QVERIFY(mWindow->openExample("shop"));
    mWindow->resize(1400, 900);
    mWindow->show();
    mWindow->showCost();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
}

void tst_CostViewMeasured::cleanup()
{
    mWindow.reset();
}

void tst_CostViewMeasured::recordRuns(const QString &function, const QList<double> &durations, int memoryUsedMb,
                                      int logBytes)
{
    const FunctionLoad *f = mWindow->costView()->workload().function(function);
    QVERIFY(f);
    for (double ms : durations) {
        InvocationResult r;
        r.functionName = function;
        r.startedAt = QDateTime::currentDateTimeUtc();
        r.ok = true;
        r.resultJson = R"({"ok":true})";
        r.logs << QString(logBytes, 'x'_L1);
        r.durationMs = ms;
        r.maxMemoryUsedMB = memoryUsedMb;
        QVERIFY(mWindow->runner()->history().record(f->node, "{}", r));
    }
}

int tst_CostViewMeasured::row(const QTableWidget *table, const QString &first, const QString &second)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text() == first && (second.isEmpty() || table->item(r, 1)->text() == second))
            return r;
    return -1;
}

void tst_CostViewMeasured::measuredTabShowsFiguresAndRightSize()
{
    CostView *view = mWindow->costView();
    view->setVolume(2e7); // past the free tier: every size costs something
    QVERIFY(view->workload().function("createOrder") && view->workload().function("getItem"));
    // createOrder: 12 runs of 10..120 ms; getItem: 3 runs, too few to trust.
    QList<double> durations;
    for (int i = 1; i <= 12; ++i)
        durations << 10.0 * i;
    recordRuns(u"createOrder"_s, durations, 64, 200);
    recordRuns(u"getItem"_s, {30, 40, 50}, 40, 100);

    // Before: the tab says nothing is measured, and there is no right-size table.
    QTabWidget *tabs = child<QTabWidget>("costTabs");
    QWidget *page = child<QWidget>("measuredPage");
    tabs->setCurrentWidget(page);
    QVERIFY(child<QLabel>("measuredSummary")->text().contains("Nothing measured"_L1));
    QCOMPARE(child<QTableWidget>("rightSizeTable")->rowCount(), 0);

    QTest::mouseClick(child<QPushButton>("measured"), Qt::LeftButton);

    QCOMPARE(view->workload().function("createOrder")->durationMs, 65.0); // the mean
    const QString summary = child<QLabel>("measuredSummary")->text();
    QVERIFY2(summary.startsWith("Measured from 15 local run"_L1), qPrintable(summary));
    QVERIFY2(summary.contains("fewer than 10"_L1) && summary.contains("getItem"_L1), qPrintable(summary));
    QVERIFY2(!summary.contains("createOrder"_L1), qPrintable(summary));

    // The figures, each with its runs; the warning only where fewer than ten.
    const QTableWidget *figures = child<QTableWidget>("measuredTable");
    const int p95 = row(figures, u"createOrder"_s, u"duration, p95"_s);
    QVERIFY(p95 >= 0);
    QCOMPARE(figures->item(p95, 2)->text(), u"120.0 ms"_s);
    QCOMPARE(figures->item(p95, 3)->text(), u"12"_s);
    QVERIFY(figures->item(p95, 4)->text().isEmpty());
    const int p50 = row(figures, u"createOrder"_s, u"duration, p50"_s);
    QCOMPARE(figures->item(p50, 2)->text(), u"60.0 ms"_s);
    const int logs = row(figures, u"createOrder"_s, u"log bytes per invocation"_s);
    QCOMPARE(figures->item(logs, 2)->text(), u"200 B"_s);
    const int few = row(figures, u"getItem"_s, u"duration, p50"_s);
    QCOMPARE(figures->item(few, 2)->text(), u"40.0 ms"_s);
    QCOMPARE(figures->item(few, 3)->text(), u"3"_s);
    QVERIFY(figures->item(few, 4)->text().contains("fewer than 10"_L1));

    // The right-size table: every function at every size, stated as an assumption.
    QVERIFY(child<QLabel>("rightSizeNote")->text().contains("assumption"_L1));
    const QTableWidget *sizes = child<QTableWidget>("rightSizeTable");
    QCOMPARE(sizes->rowCount(), int(view->workload().functions.size()));
    QCOMPARE(sizes->columnCount(), 8);
    QCOMPARE(sizes->horizontalHeaderItem(1)->text(), u"128 MB"_s);
    QCOMPARE(sizes->horizontalHeaderItem(7)->text(), u"3008 MB"_s);
    const int order = row(sizes, u"createOrder"_s);
    QVERIFY(order >= 0);
    const FunctionLoad *f = view->workload().function("createOrder");
    const CostEngine::RightSize &rs = view->rightSize().at(size_t(order));
    QCOMPARE(rs.function, u"createOrder"_s);
    QCOMPARE(rs.runs, 12);
    for (int c = 0; c < 7; ++c) {
        const CostEngine::RightSize::Cell &cell = rs.cells[size_t(c)];
        QCOMPARE(cell.durationMs, CostEngine::scaledDuration(65, f->memoryMb, cell.memoryMb));
        QCOMPARE(sizes->item(order, c + 1)->text(), CostReport::rightSizeCell(cell, u"USD"_s));
        QCOMPARE(sizes->item(order, c + 1)->font().bold(), c == rs.cheapest);
        // The function's own size costs what the serverless bill charges it.
        if (cell.memoryMb == f->memoryMb)
            QVERIFY(std::abs(cell.monthlyCost - view->results().front().perFunction.value(u"createOrder"_s)) < 1e-9);
    }
    QVERIFY(sizes->item(order, 0)->toolTip().contains("mean of 12 local run"_L1));

    // The table follows the volume.
    const double before = rs.cells.back().monthlyCost;
    view->setVolume(view->volume() * 10);
    QVERIFY(view->rightSize().at(size_t(order)).cells.back().monthlyCost > before);
}

QTEST_MAIN(tst_CostViewMeasured)
#include "tst_costviewmeasured.moc"
