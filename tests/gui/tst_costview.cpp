// The cost view, driven through its widgets on the offscreen platform: the volume,
// shape, duration and memory controls redraw at once, the entry split moves the
// volume, the canvas gets cost badges, and a saved report holds the numbers shown.
// Prices update from a local server, and a cancelled update keeps the prices in use.

#include "canvas/canvasscene.h"
#include "canvas/nodeitem.h"
#include "cost/costview.h"
#include "inspectorwidget.h"
#include "mainwindow.h"
#include "preferences/preferences.h"
#include "runtime/functionrunner.h"
#include "testutil.h"
#include "theme.h"
#include "translations.h"

#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontMetricsF>
#include <QGraphicsTextItem>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QLabel>
#include <QLineSeries>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

using namespace Nimbus;
using namespace Qt::StringLiterals;

class tst_CostView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void optionsPaneLeavesRoomForTheCharts();
    void twentyMillionOrdersWithAnEveningPeak();
    void slidersRedrawAtOnce();
    void shapeChangesTheDayButNotServerless();
    void entrySplitMovesTheVolume();
    void badgesOnFunctionNodes();
    void lineItemsTableMatchesTheEngine();
    void numbersReadAsPeopleWriteThem();
    void everyChartAxisReadsWithoutExponents_data();
    void everyChartAxisReadsWithoutExponents();
    void youAreHereMarksTheVolume();
    void axisLabelsHaveRoomInTheDefaultWindow();
    void sensitivityIsExplained();
    void chartsFollowTheTheme();
    void importCsvProfile();
    void providerSwitch();
    void hiddenLinesFromMeasuredRuns();
    void updatePricesFromUrl();
    void cancelledPriceUpdateKeepsPrices();
    void commitmentCombosPriceEachOption();
    void eventInputsSetMatchRatesAndReplays();
    void containerIsBilledInTheLineItems();

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *widget = mWindow->costView()->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    double total(int option) const { return mWindow->costView()->results().at(option).total(); }

    std::unique_ptr<MainWindow> mWindow;
    QTemporaryDir mDir;
};

void tst_CostView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_CostView::init()
{
    mWindow = std::make_unique<MainWindow>();
    mWindow->costView()->setPricingDirectory(mDir.filePath("pricing")); // shipped prices only
    QVERIFY(mWindow->openExample("shop"));
    mWindow->resize(1400, 900);
    mWindow->show();
    mWindow->showCost();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
}

void tst_CostView::cleanup()
{
    mWindow.reset();
    Preferences::applyTheme(Preferences::Theme::System);
}

void tst_CostView::twentyMillionOrdersWithAnEveningPeak()
{
    CostView *view = mWindow->costView();
    // All requests are orders: the other entry points get no weight.
    QTableWidget *entries = child<QTableWidget>("entries");
    for (int row = 0; row < entries->rowCount(); ++row)
        if (entries->item(row, 0)->text() != "createOrderRoute")
            entries->item(row, 1)->setText("0");
    QDoubleSpinBox *volume = child<QDoubleSpinBox>("volume");
    volume->selectAll();
    QTest::keyClicks(volume, "20000000");
    QTest::keyClick(volume, Qt::Key_Tab);
    QComboBox *shape = child<QComboBox>("shape");
    shape->setFocus();
    const int peaks = shape->findData(int(TrafficProfile::Shape::DailyPeaks));
    while (shape->currentIndex() != peaks)
        QTest::keyClick(shape, Qt::Key_Down);
    QCOMPARE(view->volume(), 2e7);
    QCOMPARE(view->workload().profile.shape(), TrafficProfile::Shape::DailyPeaks);
    QCOMPARE(view->workload().function("createOrder")->monthlyInvocations(2e7), 2e7);
    QCOMPARE(view->workload().function("getItem")->monthlyInvocations(2e7), 0.0);

    // Serverless and the VM fleet side by side, with the break-even.
    QVERIFY(view->results().size() >= 2);
    QVERIFY(view->results()[0].ok() && view->results()[1].ok());
    QVERIFY(view->breakEven().found);
    const QString summary = child<QLabel>("costSummary")->text();
    QVERIFY2(summary.contains("Break-even"), qPrintable(summary));
    QVERIFY(summary.contains(QLocale().toString(view->breakEven().volume, 'f', 0)));
    // The break-even is marked on the chart.
    bool marked = false;
    for (QAbstractSeries *s : child<QChartView>("volumeChart")->chart()->series())
        marked = marked || s->name().contains("Break-even");
    QVERIFY(marked);

    // The PDF report: written, and its CSV twin holds the same totals as the view.
    QString error;
    QVERIFY2(view->writeReport(mDir.filePath("report.pdf"), &error), qPrintable(error));
    QVERIFY(NimbusTest::readAll(mDir.filePath("report.pdf")).startsWith("%PDF-"));
    QVERIFY2(view->writeReport(mDir.filePath("report.csv"), &error), qPrintable(error));
    const QByteArray csv = NimbusTest::readAll(mDir.filePath("report.csv"));
    for (const CostResult &r : view->results())
        QVERIFY2(csv.contains(",Total,,,,,,," + QByteArray::number(r.total(), 'f', 2)), qPrintable(r.label));
    QVERIFY(!view->writeReport(mDir.filePath("report.txt"), &error));
    QVERIFY(error.contains(".pdf"));
}

void tst_CostView::slidersRedrawAtOnce()
{
    QSlider *volume = child<QSlider>("volumeSlider");
    const double before = total(0);
    const double volumeBefore = mWindow->costView()->volume();
    volume->setFocus();
    QTest::keyClick(volume, Qt::Key_PageUp); // one page = a tenth of a decade
    QVERIFY(mWindow->costView()->volume() > volumeBefore);
    QCOMPARE(child<QDoubleSpinBox>("volume")->value(), mWindow->costView()->volume());
    QVERIFY(total(0) >= before);

    // Duration: all functions at once, through the slider.
    QSlider *duration = child<QSlider>("durationSlider");
    duration->setFocus();
    const double cost = total(0);
    QTest::keyClick(duration, Qt::Key_End); // 10 s
    for (const FunctionLoad &f : mWindow->costView()->workload().functions)
        QCOMPARE(f.durationMs, 10000.0);
    QVERIFY(total(0) > cost);

    // Memory of one function only.
    QComboBox *function = child<QComboBox>("function");
    function->setCurrentIndex(function->findText("getItem"));
    QSpinBox *memory = child<QSpinBox>("memory");
    memory->selectAll();
    QTest::keyClicks(memory, "2048");
    QTest::keyClick(memory, Qt::Key_Tab);
    QCOMPARE(mWindow->costView()->workload().function("getItem")->memoryMb, 2048);
    QCOMPARE(mWindow->costView()->workload().function("createOrder")->memoryMb, 256);
    QCOMPARE(child<QSlider>("memorySlider")->value(), 16);
}

void tst_CostView::shapeChangesTheDayButNotServerless()
{
    CostView *view = mWindow->costView();
    view->setVolume(5e7);
    const double serverless = total(0);
    auto dayCurve = [&] {
        QList<QPointF> points;
        for (QAbstractSeries *s : child<QChartView>("dayChart")->chart()->series())
            if (auto *line = qobject_cast<QLineSeries *>(s); line && line->name().startsWith("AWS Lambda"))
                points = line->points();
        return points;
    };
    const QList<QPointF> flat = dayCurve();
    view->setShape(TrafficProfile::Shape::DailyPeaks);
    const QList<QPointF> peaks = dayCurve();
    QCOMPARE(peaks.size(), 24);
    QCOMPARE(flat.at(3).y(), flat.at(19).y());
    QVERIFY(peaks.at(19).y() > 5 * peaks.at(3).y());
    // Serverless bills requests, not hours: the same month costs the same.
    QCOMPARE(total(0), serverless);
}

void tst_CostView::entrySplitMovesTheVolume()
{
    QTableWidget *entries = child<QTableWidget>("entries");
    QCOMPARE(entries->rowCount(), 5);
    CostView *view = mWindow->costView();
    const double before = view->workload().function("getItem")->perRequest;
    for (int row = 0; row < entries->rowCount(); ++row)
        if (entries->item(row, 0)->text() == "getItemRoute")
            entries->item(row, 1)->setText("2");
    // Two of six parts (the other four entries weigh one each).
    QCOMPARE(view->workload().function("getItem")->perRequest, 1.0 / 3);
    QVERIFY(view->workload().function("getItem")->perRequest > before);
    // Not a number: refused, the weight in use shown again.
    for (int row = 0; row < entries->rowCount(); ++row)
        if (entries->item(row, 0)->text() == "images") {
            entries->item(row, 1)->setText("lots");
            QCOMPARE(entries->item(row, 1)->text(), QStringLiteral("1"));
        }
}

void tst_CostView::badgesOnFunctionNodes()
{
    CanvasScene *scene = mWindow->canvasScene();
    int functions = 0;
    for (QGraphicsItem *item : scene->items()) {
        auto *node = qgraphicsitem_cast<NodeItem *>(item);
        if (!node)
            continue;
        if (node->kindId() == "function") {
            ++functions;
            QVERIFY2(node->costBadge().startsWith("USD ") && node->costBadge().endsWith("/mo"),
                     qPrintable(node->costBadge()));
        } else {
            QVERIFY(node->costBadge().isEmpty());
        }
    }
    QCOMPARE(functions, 9);
    // A function that costs a fraction of a cent is not shown as free: ten thousand requests
    // a month, the free tier not counted.
    for (QCheckBox *box : mWindow->costView()->findChildren<QCheckBox *>())
        if (box->text() == "Count the free tier"_L1)
            box->setChecked(false);
    mWindow->costView()->setVolume(1e4);
    int tiny = 0;
    for (QGraphicsItem *item : scene->items())
        if (auto *node = qgraphicsitem_cast<NodeItem *>(item); node && node->kindId() == "function") {
            const double cost = mWindow->costView()->results().front().perFunction.value(node->name());
            if (cost > 0 && cost < 0.005) {
                QCOMPARE(node->costBadge(), u"USD < 0.01/mo"_s);
                ++tiny;
            }
        }
    QVERIFY(tiny > 0);
    mWindow->costView()->setVolume(1e6);
    // A canvas edit is priced again: more memory for getItem raises its badge; a move
    // changes nothing.
    const Node *getItem = mWindow->project()->architecture().nodeByName("getItem");
    auto badge = [&] {
        for (QGraphicsItem *item : scene->items())
            if (auto *node = qgraphicsitem_cast<NodeItem *>(item); node && node->nodeId() == getItem->id)
                return node->costBadge();
        return QString();
    };
    mWindow->costView()->setVolume(1e9);
    const QString before = badge();
    const double total = mWindow->costView()->results().front().exactTotal;
    mWindow->project()->moveNodes({{getItem->id, QPointF(900, 900)}});
    QTest::qWait(10);
    QCOMPARE(mWindow->costView()->results().front().exactTotal, total);
    QVERIFY(mWindow->project()->setNodeProperty(getItem->id, "memory", 2048));
    QTRY_VERIFY2(badge() != before, qPrintable(badge()));
    QCOMPARE(mWindow->costView()->workload().function("getItem")->memoryMb, 2048);
    QVERIFY(mWindow->costView()->results().front().exactTotal > total);
}

void tst_CostView::lineItemsTableMatchesTheEngine()
{
    QTreeWidget *bill = child<QTreeWidget>("bill");
    const auto &results = mWindow->costView()->results();
    QCOMPARE(bill->topLevelItemCount(), int(results.size()));
    for (int i = 0; i < bill->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = bill->topLevelItem(i);
        QCOMPARE(top->text(0), results[i].label);
        QCOMPARE(top->text(4), CostReport::money(results[i].total(), results[i].currency));
        QCOMPARE(top->childCount(), int(results[i].items.size() + results[i].notes.size()));
    }
}

// No number a person reads is in scientific notation: Lambda's $0.0000166667 per GB-second
// in the bill, requests (1K ... 1B) and money on the volume chart's axes, with the currency.
void tst_CostView::numbersReadAsPeopleWriteThem()
{
    const QRegularExpression exponent(u"\\de[+-]?\\d"_s);
    QTreeWidget *bill = child<QTreeWidget>("bill");
    int prices = 0;
    for (int i = 0; i < bill->topLevelItemCount(); ++i)
        for (int j = 0; j < bill->topLevelItem(i)->childCount(); ++j) {
            const QString price = bill->topLevelItem(i)->child(j)->text(3);
            QVERIFY2(!exponent.match(price).hasMatch(), qPrintable(price));
            prices += price.isEmpty() ? 0 : 1;
        }
    QVERIFY(prices > 0);
    QChart *chart = child<QChartView>("volumeChart")->chart();
    auto *x = qobject_cast<QCategoryAxis *>(chart->axes(Qt::Horizontal).value(0));
    auto *y = qobject_cast<QCategoryAxis *>(chart->axes(Qt::Vertical).value(0));
    QVERIFY(x && y);
    QVERIFY2(x->categoriesLabels().contains(u"1M"_s), qPrintable(x->categoriesLabels().join(' ')));
    for (const QString &label : x->categoriesLabels() + y->categoriesLabels())
        QVERIFY2(!exponent.match(label).hasMatch(), qPrintable(label));
    QVERIFY2(y->titleText().contains(mWindow->costView()->results()[0].currency), qPrintable(y->titleText()));
}

// Every chart's axes are labelled by the view (no printf format), titled with the currency
// over a period, and none of their labels is in scientific notation.
void tst_CostView::everyChartAxisReadsWithoutExponents_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("unit");
    QTest::newRow("volume") << u"volumeChart"_s << u"USD / month"_s;
    QTest::newRow("day") << u"dayChart"_s << u"USD / hour"_s;
    QTest::newRow("items") << u"itemsChart"_s << u"USD / month"_s;
}

void tst_CostView::everyChartAxisReadsWithoutExponents()
{
    QFETCH(QString, chart);
    QFETCH(QString, unit);
    const QRegularExpression exponent(u"\\de[+-]?\\d"_s);
    for (double volume : {1e3, 2.5e6, 4e9}) {
        mWindow->costView()->setVolume(volume);
        QChart *c = mWindow->costView()->findChild<QChartView *>(chart)->chart();
        QStringList titles;
        int labelled = 0;
        for (QAbstractAxis *axis : c->axes()) {
            titles << axis->titleText();
            if (auto *category = qobject_cast<QCategoryAxis *>(axis)) {
                QVERIFY(!category->categoriesLabels().isEmpty());
                // Drawn whole: Qt Charts would elide a short band's label to "..." (the
                // example's workflow takes the volume chart to nine decades of USD).
                QVERIFY(!category->truncateLabels());
                for (const QString &label : category->categoriesLabels())
                    QVERIFY2(!exponent.match(label).hasMatch(), qPrintable(label));
                ++labelled;
            } else {
                QVERIFY2(qobject_cast<QBarCategoryAxis *>(axis), "a value axis would print with printf");
            }
        }
        QVERIFY(labelled >= 1);
        QVERIFY2(titles.contains(unit), qPrintable(titles.join(u" | "_s)));
    }
}

// A dashed vertical line at the project's volume, across the whole chart, labelled with
// the volume in human units.
void tst_CostView::youAreHereMarksTheVolume()
{
    mWindow->costView()->setVolume(1.2e6);
    QChart *chart = child<QChartView>("volumeChart")->chart();
    QLineSeries *here = nullptr;
    for (QAbstractSeries *s : chart->series())
        if (s->objectName() == "youAreHere"_L1)
            here = qobject_cast<QLineSeries *>(s);
    QVERIFY(here);
    QCOMPARE(here->name(), u"You are here: 1.2M requests / month"_s);
    QCOMPARE(here->count(), 2);
    QCOMPARE(here->at(0).x(), std::log10(1.2e6));
    QCOMPARE(here->at(1).x(), std::log10(1.2e6));
    auto *y = qobject_cast<QCategoryAxis *>(chart->axes(Qt::Vertical).value(0));
    QCOMPARE(here->at(0).y(), y->min());
    QCOMPARE(here->at(1).y(), y->max());
    // The label sits beside the top of the line, inside the plot area.
    QGraphicsTextItem *label = nullptr;
    for (QGraphicsItem *item : chart->childItems())
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->objectName() == "youAreHereLabel"_L1)
            label = text;
    QVERIFY(label);
    QCOMPARE(label->toPlainText(), here->name());
    const QPointF top = chart->mapToPosition(here->at(1), here);
    const QRectF box = label->mapRectToParent(label->boundingRect());
    QVERIFY(std::abs(box.left() - top.x()) < 8 || std::abs(box.right() - top.x()) < 8);
    QVERIFY2(chart->plotArea().adjusted(-1, -1, 1, 1).contains(box), "the label stays off the title and axes");
    mWindow->costView()->setVolume(3e7);
    chart = child<QChartView>("volumeChart")->chart();
    bool moved = false;
    for (QAbstractSeries *s : chart->series())
        moved = moved || s->name() == u"You are here: 30M requests / month"_s;
    QVERIFY(moved);
}

void tst_CostView::axisLabelsHaveRoomInTheDefaultWindow()
{
    // The window as a new user first gets it (as `--cost 1000000` shows it), in French, whose
    // longer summary leaves the chart less room: Qt Charts cuts a vertical axis's labels to
    // "..." when the plot gives each less height than a line.
    mWindow.reset();
    QCOMPARE(installTranslations(QStringLiteral("fr_FR")), QStringLiteral("fr_FR"));
    Preferences::applyLocale(QStringLiteral("fr"));
    const auto english = qScopeGuard([] {
        for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QLocale::setDefault(QLocale::c());
    });
    MainWindow window;
    window.costView()->setPricingDirectory(mDir.filePath("pricing"));
    QVERIFY(window.openExample("shop"));
    window.costView()->setVolume(1e6);
    window.show();
    window.showCost();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1280, 800));
    QChartView *view = window.costView()->findChild<QChartView *>("volumeChart");
    QTRY_VERIFY(view->isVisible());
    QCoreApplication::processEvents();
    QChart *chart = view->chart();
    QVERIFY(!chart->toolTip().isEmpty()); // the tab names the chart; its title is the tooltip
    for (QAbstractAxis *axis : chart->axes(Qt::Vertical)) {
        auto *category = qobject_cast<QCategoryAxis *>(axis);
        QVERIFY(category);
        const int labels = int(category->categoriesLabels().size());
        QVERIFY(labels >= 2);
        const qreal room = chart->plotArea().height() / (labels - 1);
        QVERIFY2(room >= QFontMetricsF(category->labelsFont()).height() * 1.2,
                 qPrintable(QStringLiteral("%1 px a label, %2 labels").arg(room).arg(labels)));
    }
}

void tst_CostView::sensitivityIsExplained()
{
    mWindow->costView()->setVolume(2e7);
    QVERIFY(mWindow->costView()->breakEven().found);
    auto *summary = child<QLabel>("costSummary");
    QVERIFY2(summary->text().contains(u"halved (×0.5) or doubled (×2)"_s), qPrintable(summary->text()));
    QVERIFY(summary->toolTip().contains(u"break-even moves"_s));
}

// A theme switch redraws the open charts on the theme's background, with its text colour.
void tst_CostView::chartsFollowTheTheme()
{
    for (auto theme : {Preferences::Theme::Dark, Preferences::Theme::Light, Preferences::Theme::Dark}) {
        Preferences::applyTheme(theme);
        QCoreApplication::processEvents(); // Qt posts the palette change to each widget
        const QPalette palette = QApplication::palette();
        for (const char *name : {"volumeChart", "dayChart", "itemsChart"}) {
            QChart *chart = child<QChartView>(name)->chart();
            QCOMPARE(chart->backgroundBrush().color(), palette.color(QPalette::Base));
            QCOMPARE(chart->titleBrush().color(), palette.color(QPalette::Text));
            for (QAbstractAxis *axis : chart->axes())
                QCOMPARE(axis->labelsBrush().color(), palette.color(QPalette::Text));
            for (QAbstractSeries *s : chart->series())
                if (auto *line = qobject_cast<QLineSeries *>(s))
                    QVERIFY2(Theme::contrast(line->color(), palette.color(QPalette::Base)) >= 3,
                             qPrintable(line->name()));
        }
    }
    QVERIFY(Theme::isDark());
}

void tst_CostView::importCsvProfile()
{
    QByteArray csv;
    for (int h = 0; h < 48; ++h)
        csv += QByteArray::number(h % 24 == 20 ? 5000 : 100) + '\n';
    QVERIFY(NimbusTest::writeAll(mDir.filePath("two-days.csv"), csv));
    QString error;
    QVERIFY2(mWindow->costView()->importProfile(mDir.filePath("two-days.csv"), &error), qPrintable(error));
    QCOMPARE(mWindow->costView()->workload().profile.shape(), TrafficProfile::Shape::Imported);
    QCOMPARE(mWindow->costView()->volume(), std::round((46 * 100 + 2 * 5000) * 730.0 / 48));
    QVERIFY(NimbusTest::writeAll(mDir.filePath("bad.csv"), "1\n2\nmany\n"));
    QVERIFY(!mWindow->costView()->importProfile(mDir.filePath("bad.csv"), &error));
    QVERIFY2(error.contains("bad.csv: line 3"), qPrintable(error));
}

void tst_CostView::providerSwitch()
{
    QComboBox *provider = child<QComboBox>("provider");
    provider->setCurrentIndex(provider->findData("scaleway"));
    const auto &results = mWindow->costView()->results();
    QCOMPARE(results.front().currency, QStringLiteral("EUR"));
    QCOMPARE(results.front().label, QStringLiteral("Scaleway Serverless Functions"));
    QCOMPARE(child<QComboBox>("instance")->currentData().toString(), QStringLiteral("DEV1-S"));
    QCOMPARE(int(results.size()), 2); // no container prices for Scaleway
    // Services Scaleway's catalog does not price are named, not dropped.
    QVERIFY(results.front().notes.join(' ').contains("orders-queue"));
}

// Runs recorded for the example's functions, Use Measured Inputs, then the Logs and Data
// transfer out checkboxes: the bill's CloudWatch Logs and transfer lines price the bytes
// those runs logged and returned, and the report lists them as assumptions.
void tst_CostView::hiddenLinesFromMeasuredRuns()
{
    CostView *view = mWindow->costView();
    view->setVolume(3e8);
    for (QCheckBox *box : view->findChildren<QCheckBox *>())
        if (box->text() == "Count the free tier"_L1)
            box->setChecked(false);
    const QByteArray result = '"' + QByteArray(1998, 'a') + '"'; // 2,000 bytes
    for (const QString &name : {u"createOrder"_s, u"getItem"_s}) {
        const FunctionLoad *f = view->workload().function(name);
        QVERIFY(f);
        for (int i = 0; i < 12; ++i) {
            InvocationResult r;
            r.functionName = name;
            r.startedAt = QDateTime::currentDateTimeUtc();
            r.ok = true;
            r.resultJson = result;
            r.logs << QString(name == "getItem"_L1 ? 700 : 1500, 'x'_L1);
            r.durationMs = 20;
            QVERIFY(mWindow->runner()->history().record(f->node, "{}", r));
        }
    }
    auto lineOf = [view](const QString &priceId) {
        double quantity = 0;
        bool found = false;
        for (const LineItem &item : view->results().front().items) {
            if (item.priceId == priceId) {
                quantity += item.quantity;
                found = true;
            }
        }
        return found ? quantity : -1;
    };
    QCOMPARE(lineOf(u"logs.ingestion"_s), -1.0); // off until asked for
    QVERIFY(view->results().front().notes.contains(u"Logs: not counted (switched off)."_s));

    // What was measured is priced: the logs and transfer lines come on with the measured inputs.
    QTest::mouseClick(child<QPushButton>("measured"), Qt::LeftButton);
    QCheckBox *logs = child<QCheckBox>("lineLogs");
    QCheckBox *transfer = child<QCheckBox>("lineTransfer");
    QVERIFY(logs->isChecked() && transfer->isChecked());

    const Workload &w = view->workload();
    QCOMPARE(w.function("createOrder")->measured.logBytes.value, 1500.0);
    QCOMPARE(w.function("getItem")->measured.logBytes.value, 700.0);
    QCOMPARE(w.function("getItem")->measured.responseBytes.value, 2000.0);
    const double volume = 3e8, gb = 1024.0 * 1024 * 1024;
    double logBytes = 0, responseBytes = 0;
    for (const FunctionLoad &f : w.functions) {
        logBytes += f.monthlyInvocations(volume)
                    * (f.measured.logBytes.known() ? f.measured.logBytes.value : CostOption::kDefaultLogBytes);
        responseBytes += f.httpPerRequest * volume
                         * (f.measured.responseBytes.known() ? f.measured.responseBytes.value
                                                             : CostOption::kDefaultResponseBytes);
    }
    // The two measured routes (a fifth of the volume each) answer with what their runs
    // returned, getOrder's (no runs) with the default; the images bucket and fulfilRoute
    // (a workflow) answer with no function's response.
    QCOMPARE(responseBytes, volume / 5 * (2 * 2000 + CostOption::kDefaultResponseBytes));
    QCOMPARE(lineOf(u"logs.ingestion"_s), logBytes / gb);
    QCOMPARE(lineOf(u"logs.storage"_s), logBytes / gb); // kept one month
    QCOMPARE(lineOf(u"transfer.out"_s), responseBytes / gb);

    // The report has the lines and says where their bytes come from.
    const CostReport report = view->report();
    const QString assumptions = report.assumptions().join(u'\n');
    // In the user's number format, as the report writes them.
    const QString measured = u"%1 %2 B (measured, 12 run(s))"_s;
    QVERIFY2(assumptions.contains(measured.arg("createOrder"_L1, QLocale().toString(1500))), qPrintable(assumptions));
    QVERIFY2(assumptions.contains(measured.arg("getItem"_L1, QLocale().toString(2000))), qPrintable(assumptions));
    QVERIFY(report.csv().contains("logs.ingestion") && report.csv().contains("transfer.out"));

    // Unticked, the line goes and the other checkboxes' lines stay.
    QTest::mouseClick(logs, Qt::LeftButton, {}, QPoint(8, logs->height() / 2));
    QCOMPARE(lineOf(u"logs.ingestion"_s), -1.0);
    QCOMPARE(lineOf(u"transfer.out"_s), responseBytes / gb);
    QVERIFY(child<QCheckBox>("lineNat")->isChecked());
    QVERIFY(!child<QCheckBox>("lineApiCache")->isChecked());

    // In a VPC (the Inspector's checkbox for the function): a NAT gateway joins the bill.
    mWindow->selectNode(u"createOrder"_s);
    auto *vpc = qobject_cast<QCheckBox *>(mWindow->inspector()->editor(u"vpc"_s));
    QVERIFY(vpc);
    QVERIFY(!vpc->isChecked());
    vpc->click();
    QTRY_COMPARE(lineOf(u"nat.hours"_s), 730.0);
}

void tst_CostView::updatePricesFromUrl()
{
    QTemporaryDir pricing;
    CostView *view = mWindow->costView();
    view->setPricingDirectory(pricing.path());
    QJsonObject catalog = QJsonDocument::fromJson(NimbusTest::readAll(QStringLiteral(
                                                      NIMBUS_SOURCE_DIR "/resources/pricing/aws-us-east-1.json")))
                              .object();
    catalog["collected"] = "2027-02-01";
    QHttpServer server;
    server.route("/aws.json",
                 [body = QJsonDocument(catalog).toJson()] { return QHttpServerResponse("application/json", body); });
    const quint16 port = server.listen(QHostAddress::LocalHost);
    QVERIFY(port != 0);
    QSignalSpy message(view, &CostView::message);
    QSignalSpy error(view, &CostView::error);
    view->updatePricesFrom(QUrl(QStringLiteral("http://127.0.0.1:%1/aws.json").arg(port)));
    QVERIFY(view->isUpdatingPrices());
    QVERIFY(view->findChild<QProgressDialog *>(QStringLiteral("priceProgress")));
    QVERIFY(message.wait(10000));
    QVERIFY(error.isEmpty());
    QVERIFY2(message.last().at(0).toString().contains("collected 2027-02-01"),
             qPrintable(message.last().at(0).toString()));
    QVERIFY(!view->isUpdatingPrices());
    QVERIFY(QFile::exists(pricing.filePath("aws.json")));
    QTRY_VERIFY(!view->findChild<QProgressDialog *>(QStringLiteral("priceProgress")));
}

// A server that never answers: the download waits until Cancel is clicked.
void tst_CostView::cancelledPriceUpdateKeepsPrices()
{
    QTemporaryDir pricing;
    CostView *view = mWindow->costView();
    view->setPricingDirectory(pricing.path());
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QSignalSpy message(view, &CostView::message);
    QSignalSpy error(view, &CostView::error);
    view->updatePricesFrom(QUrl(QStringLiteral("http://127.0.0.1:%1/aws.json").arg(silent.serverPort())));
    auto *progress = view->findChild<QProgressDialog *>(QStringLiteral("priceProgress"));
    QVERIFY(progress);
    QTRY_VERIFY(progress->isVisible());
    QTest::mouseClick(progress->findChild<QPushButton *>(), Qt::LeftButton);
    QVERIFY(message.wait(5000));
    QVERIFY2(message.last().at(0).toString().contains("cancelled"), qPrintable(message.last().at(0).toString()));
    QVERIFY(error.isEmpty());
    QVERIFY(!view->isUpdatingPrices());
    QVERIFY(QDir(pricing.path()).isEmpty());
}

QTEST_MAIN(tst_CostView)
// One commitment combo per option: the functions take a savings plan, the t3.small fleet
// a 3-year reservation, each priced from the catalog and named in the label; the
// containers' savings plan has no rate in the catalog, and the notes say so.
// The options grow (hidden lines, commitments), the pane does not: laid side by side, they
// once took 780 px and squeezed the charts until their axis labels read "...".
void tst_CostView::optionsPaneLeavesRoomForTheCharts()
{
    auto *scroll = mWindow->costView()->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QVERIFY2(scroll->minimumWidth() <= 520, qPrintable(QString::number(scroll->minimumWidth())));
}

void tst_CostView::commitmentCombosPriceEachOption()
{
    CostView *view = mWindow->costView();
    auto choose = [](QComboBox *combo, const QString &id) {
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Home);
        for (int i = 0; i < combo->count() && combo->currentData().toString() != id; ++i)
            QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentData().toString(), id);
    };
    QComboBox *functions = child<QComboBox>("serverlessCommitment");
    QComboBox *vms = child<QComboBox>("fleetCommitment");
    QComboBox *containers = child<QComboBox>("containersCommitment");
    QCOMPARE(functions->count(), 3); // on demand and the two savings plans
    QCOMPARE(containers->count(), 3);
    QCOMPARE(vms->count(), 6); // and reserved for 1 or 3 years, and spot
    choose(child<QComboBox>("instance"), u"t3.small"_s);
    view->setVolume(5e7);
    const double serverless = total(0), fleet = total(1);

    choose(functions, u"savings-plan-3y"_s);
    choose(vms, u"reserved-3y"_s);
    choose(containers, u"savings-plan-1y"_s);
    const std::vector<CostResult> &results = view->results();
    QVERIFY(results.size() >= 3);
    auto priced = [](const CostResult &r, const QString &priceId) {
        return std::any_of(r.items.begin(), r.items.end(), [&](const LineItem &i) { return i.priceId == priceId; });
    };
    QVERIFY(results[0].label.contains("3-year Compute Savings Plan"));
    QVERIFY(priced(results[0], u"function.compute.x86_64@savings-plan-3y"_s)
            || priced(results[0], u"function.compute.arm64@savings-plan-3y"_s));
    QVERIFY(total(0) < serverless);
    QVERIFY(results[1].label.contains("3-year reserved"));
    QVERIFY(priced(results[1], u"instance.t3.small@reserved-3y"_s));
    QVERIFY(total(1) < fleet);
    QVERIFY(results[2].notes.join(' ').contains("no 1-year Compute Savings Plan price"));
    // The break-even compares the committed options.
    const CostEngine engine(view->workload(), PricingCatalogs::load(mDir.filePath("pricing")));
    const CostEngine::BreakEven expected = engine.breakEven(results[0].option, results[1].option);
    QCOMPARE(view->breakEven().found, expected.found);
    QCOMPARE(view->breakEven().volume, expected.volume);

    choose(functions, u"none"_s);
    QCOMPARE(total(0), serverless);
}

// Issue 22 item 9: the shop's rule and, once its bus keeps an archive, the GB replayed
// from it are inputs of the workload; a rule matching a tenth of the events sends a tenth
// to its target, and the bill shows the replays with their source.
void tst_CostView::eventInputsSetMatchRatesAndReplays()
{
    CostView *view = mWindow->costView();
    QTableWidget *inputs = child<QTableWidget>("eventInputs");
    QVERIFY(inputs->isVisibleTo(view));
    auto rowOf = [inputs](const QString &name) {
        for (int row = 0; row < inputs->rowCount(); ++row)
            if (inputs->item(row, 0)->text() == name)
                return row;
        return -1;
    };
    const int rule = rowOf(u"big-orders"_s);
    QVERIFY(rule >= 0);
    QCOMPARE(inputs->item(rule, 2)->text(), u"100"_s); // every event until set
    QCOMPARE(rowOf(u"shop-events"_s), -1); // no archive, nothing to replay
    view->setVolume(3e6);
    const auto reviewWrites = [view] {
        const ServiceLoad *queue = view->workload().service(u"order-review"_s);
        return queue->writesPerRequest * 3e6 + queue->writesFixed;
    };
    const double every = reviewWrites();
    QVERIFY(every > 0);
    QVERIFY(view->results().front().notes.join(u' ').contains(u"assumed: every event matches"_s));

    inputs->item(rule, 2)->setText(u"10"_s);
    QCOMPARE(view->workload().filter(u"big-orders"_s)->matchRate, 0.1);
    QCOMPARE(reviewWrites(), every / 10);
    QVERIFY(view->results().front().notes.join(u' ').contains(u"Rule big-orders matches 10 %"_s));
    inputs->item(rule, 2)->setText(u"lots"_s);
    QCOMPARE(inputs->item(rule, 2)->text(), u"10"_s); // not a share: the one in use
    QCOMPARE(view->workload().filter(u"big-orders"_s)->matchRate, 0.1);

    // An archive on the bus: its replay row appears; the rate typed in stays.
    Project *project = mWindow->project();
    project->architecture().setNodeProperty(project->architecture().nodeByName(u"shop-events"_s)->id, u"archive"_s,
                                            true);
    QTRY_VERIFY(rowOf(u"shop-events"_s) >= 0);
    QCOMPARE(view->workload().filter(u"big-orders"_s)->matchRate, 0.1);
    inputs->item(rowOf(u"shop-events"_s), 2)->setText(u"2"_s);
    QCOMPARE(view->workload().service(u"shop-events"_s)->replayGb, 2.0);
    const CostResult &serverless = view->results().front();
    const auto replays = std::find_if(serverless.items.begin(), serverless.items.end(),
                                      [](const LineItem &i) { return i.priceId == "bus.replays"_L1; });
    QVERIFY(replays != serverless.items.end());
    QCOMPARE(replays->item, u"EventBridge replayed events"_s);
    QVERIFY(replays->source.contains(u"eventbridge-reduce-charges"_s));
    QVERIFY(replays->nodes.contains(u"shop-events"_s));
    // Replayed events reach the rule again: more reviews than the live events alone.
    QVERIFY(reviewWrites() > every / 10);
}

// A container behind a new route is priced with the other nodes: its Fargate vCPU and memory
// lines in the serverless option's bill, named after it, and its note; min 1 bills it idle.
void tst_CostView::containerIsBilledInTheLineItems()
{
    Project *project = mWindow->project();
    const Result<NodeId> route = project->addNode(u"http-route"_s, QPointF(1200, 100), u"site"_s);
    const Result<NodeId> web = project->addNode(u"container"_s, QPointF(1400, 100), u"web"_s);
    QVERIFY(route && web);
    QVERIFY(project->connectNodes(*route, *web, u"invokes"_s));
    QVERIFY(project->setNodeProperty(*web, "minInstances", 1));
    QTreeWidget *bill = child<QTreeWidget>("bill");
    auto containerLines = [&] {
        QStringList lines;
        QTreeWidgetItem *serverless = bill->topLevelItem(0);
        for (int i = 0; serverless && i < serverless->childCount(); ++i)
            if (serverless->child(i)->text(1) == "web"_L1)
                lines.append(serverless->child(i)->text(0));
        return lines;
    };
    QTRY_COMPARE(containerLines().size(), 2);
    QVERIFY2(containerLines().join(u' ').contains(u"Fargate vCPU"_s), qPrintable(containerLines().join(u' ')));
    QVERIFY(mWindow->costView()->workload().container(u"web"_s));
    auto webCost = [&] { return mWindow->costView()->results().front().perFunction.value(u"web"_s); };
    const double alwaysOn = webCost();
    QVERIFY(alwaysOn > 30); // 730 hours of 1 vCPU and 0.5 GB at least
    // Scaled to zero it costs only the time its requests take.
    QVERIFY(project->setNodeProperty(*web, "minInstances", 0));
    QTRY_VERIFY(webCost() < alwaysOn / 10);
}

#include "tst_costview.moc"
