// The cost engine against ../shared/facts/worked-examples.md, to the cent; tiers, free
// tier, VM sizing with a traffic profile, break-even and sensitivity, the canvas flow.

#include "cloud/cloudclock.h"
#include "cloud/cloudstate.h"
#include "cost/costmodel.h"
#include "cost/costreport.h"
#include "model/architecture.h"
#include "model/catalog.h"
#include "storage/database.h"
#include "testutil.h"
#include "workflow/executionstore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <tuple>

using namespace Nimbus;

Q_DECLARE_METATYPE(Nimbus::CostOption)

namespace {

PricingCatalogs shipped()
{
    return PricingCatalogs::load({});
}

CostOption lambda(bool freeTier, const QString &gateway = QStringLiteral("none"))
{
    CostOption o;
    o.provider = QStringLiteral("aws");
    o.freeTier = freeTier;
    o.gateway = gateway;
    return o;
}

CostOption vm(const QString &type, int minInstances = 1)
{
    CostOption o;
    o.kind = CostOption::Kind::VmFleet;
    o.provider = QStringLiteral("aws");
    o.instanceType = type;
    o.minInstances = minInstances;
    return o;
}

// The shipped catalogs with the commitment rates Update Prices fills in (shipped with
// "price": null) priced as a refresh writes them: rates for the test, with a note.
PricingCatalogs refreshedCommitments()
{
    const QMap<QString, double> rates{{"instance.t3.micro@spot", 0.003},
                                      {"instance.t4g.small@reserved-3y", 0.01},
                                      {"instance.m6i.large@reserved-1y", 0.06},
                                      {"instance.c6i.large@savings-plan-1y", 0.05},
                                      {"containers.vcpu.x86_64@savings-plan-1y", 0.03},
                                      {"containers.memory.x86_64@savings-plan-1y", 0.003},
                                      {"containers.vcpu.arm64@savings-plan-3y", 0.02},
                                      {"containers.memory.arm64@savings-plan-3y", 0.002},
                                      {"instance.Standard_B2s@spot", 0.01},
                                      {"instance.Standard_B2s@reserved-3y", 0.02},
                                      {"instance.Standard_D2s_v5@savings-plan-1y", 0.07}};
    PricingCatalogs catalogs = shipped();
    for (const QString provider : {"aws", "azure"}) {
        QJsonObject root = QJsonDocument::fromJson(catalogs.provider(provider)->json()).object();
        QJsonArray prices = root.value("prices").toArray();
        for (qsizetype i = 0; i < prices.size(); ++i) {
            QJsonObject o = prices[i].toObject();
            if (!rates.contains(o.value("id").toString()))
                continue;
            o.insert("price", rates.value(o.value("id").toString()));
            o.insert("notes", "interrupted <5% of the time");
            prices[i] = o;
        }
        root.insert("prices", prices);
        auto catalog = PricingCatalog::parse(QJsonDocument(root).toJson(), provider + ".json");
        if (catalog)
            catalogs.insert(*catalog);
    }
    return catalogs;
}

double sumOf(const CostResult &r, const QString &priceIdPrefix)
{
    double sum = 0;
    for (const LineItem &item : r.items)
        if (item.priceId.startsWith(priceIdPrefix))
            sum += item.cost();
    return sum;
}

} // namespace

class TestCostModel : public QObject
{
    Q_OBJECT

private slots:
    void shippedCatalogsLoad();
    void workedExample1_listPrices();
    void workedExample2_oneInstance();
    void workedExample3_data();
    void workedExample3();
    void workedExample4_breakEven_data();
    void workedExample4_breakEven();
    void workedExample5_tierBoundary();
    void tierBoundaries_data();
    void tierBoundaries();
    void freeTierSharedBetweenArchitectures();
    void billingRounding_data();
    void billingRounding();
    void vmSizingFollowsTheProfile();
    void fixedFleetIsSizedForThePeak();
    void loadBalancerAndDiscount();
    void fargate();
    void provisionedConcurrency();
    void otherProviders_data();
    void otherProviders();
    void sensitivityMovesTheBreakEven();
    void noBreakEvenIsExplained();
    void exampleProjectFlows();
    void scheduleFirings_data();
    void scheduleFirings();
    void hiddenLines_data();
    void hiddenLines();
    void hiddenLinesUseMeasuredBytes();
    void hiddenLinesNotPricedElsewhere();
    void hiddenLinesInJson();
    void httpResponsesFromTheDesign();
    void scenarioJson();
    void commitmentsPriceFromTheCatalog_data();
    void commitmentsPriceFromTheCatalog();
    void commitmentsAreValidatedPerKind_data();
    void commitmentsAreValidatedPerKind();
    void commitmentsMoveTheBreakEven();
    // State machines (issue 19 item 7): transitions along the likely path, Standard and
    // Express bills, measured executions, the functions a machine invokes.
    void workflowTransitions_data();
    void workflowTransitions();
    void workflowBills_data();
    void workflowBills();
    void workflowInvokesFunctions();
    // Transitions per execution from the local cloud's state, typed in, or the definition's,
    // and the bill, the notes and the report saying which.
    void workflowTransitionsFromLocalState_data();
    void workflowTransitionsFromLocalState();
    void workflowTypedInputsInScenarios();
    void hostileLocalStateIsRefused_data();
    void hostileLocalStateIsRefused();
    void commitmentsFromRefreshedLists_data();
    void commitmentsFromRefreshedLists();
    // Event buses, archives, replays and filtered triggers (issue 22 item 9).
    void busEventsIn64KbChunks_data();
    void busEventsIn64KbChunks();
    void archiveAndReplay_data();
    void archiveAndReplay();
    void filteredTriggersLowerInvocations_data();
    void filteredTriggersLowerInvocations();
    void rulePatternMatchRate_data();
    void rulePatternMatchRate();
    void eventInputsInScenarios();
    // Serverless containers.
    void containerInstanceTime_data();
    void containerInstanceTime();
    void containerRequestsFromRoutesAndEvents();
    void containerOnOtherProviders();
};

void TestCostModel::shippedCatalogsLoad()
{
    const PricingCatalogs catalogs = shipped();
    QVERIFY2(catalogs.errors().isEmpty(), qPrintable(catalogs.errors().join(QLatin1Char('\n'))));
    QCOMPARE(catalogs.providers(), (QStringList{"aws", "azure", "gcp", "scaleway"}));
    QCOMPARE(catalogs.provider("scaleway")->currency(), QStringLiteral("EUR"));
    for (const QString &id : catalogs.providers())
        for (const Price &p : catalogs.provider(id)->prices()) {
            QVERIFY2(!p.source.isEmpty() && !p.effective.isEmpty(), qPrintable(p.id));
            QVERIFY(catalogs.provider(id)->sources().contains(p.source));
        }
}

void TestCostModel::workedExample1_listPrices()
{
    const auto aws = shipped().provider("aws");
    QCOMPARE(aws->price("function.requests")->tiers.front().price, 0.20);
    QCOMPARE(aws->price("function.requests")->per, 1e6);
    QCOMPARE(aws->price("function.compute.x86_64")->tiers.front().price, 0.0000166667);
    QCOMPARE(aws->price("function.requests")->free, 1e6);
    QCOMPARE(aws->price("function.compute.x86_64")->free, 400000.0);
}

void TestCostModel::workedExample2_oneInstance()
{
    const CostEngine engine(Workload::single(0, 100, 128, "x86_64", false), shipped());
    const CostResult r = engine.evaluate(vm("m6i.large"), 0);
    QVERIFY(r.ok());
    QCOMPARE(r.total(), 70.08);
    QCOMPARE(r.items.size(), size_t(1));
    QCOMPARE(r.items.front().quantity, 730.0);
}

void TestCostModel::workedExample3_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<bool>("freeTier");
    QTest::addColumn<double>("requests");
    QTest::addColumn<double>("compute");
    QTest::addColumn<double>("total");
    QTest::newRow("x86, no free tier") << "x86_64" << false << 20.00 << 41.67 << 61.67;
    QTest::newRow("x86, free tier") << "x86_64" << true << 19.80 << 35.00 << 54.80;
    QTest::newRow("arm64, no free tier") << "arm64" << false << 20.00 << 33.33 << 53.33;
}

void TestCostModel::workedExample3()
{
    QFETCH(QString, arch);
    QFETCH(bool, freeTier);
    const CostEngine engine(Workload::single(100'000'000, 200, 128, arch, false), shipped());
    const CostResult r = engine.evaluate(lambda(freeTier), 100'000'000);
    QFETCH(double, requests);
    QFETCH(double, compute);
    QFETCH(double, total);
    QCOMPARE(sumOf(r, "function.requests"), requests);
    QCOMPARE(sumOf(r, "function.compute"), compute);
    QCOMPARE(r.total(), total);
    // The compute line shows its quantity: 2,500,000 GB-s, less the free 400,000.
    double gbSeconds = 0;
    for (const LineItem &item : r.items)
        if (item.priceId.startsWith("function.compute"))
            gbSeconds += item.quantity;
    QCOMPARE(gbSeconds, freeTier ? 2'100'000.0 : 2'500'000.0);
}

void TestCostModel::workedExample4_breakEven_data()
{
    QTest::addColumn<bool>("freeTier");
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<double>("millions");
    QTest::newRow("no free tier") << false << "none" << 14.69;
    QTest::newRow("free tier") << true << "none" << 21.34;
    QTest::newRow("free tier, HTTP API") << true << "http" << 10.84; // "about 10.8 million"
}

void TestCostModel::workedExample4_breakEven()
{
    QFETCH(bool, freeTier);
    QFETCH(QString, gateway);
    QFETCH(double, millions);
    const CostEngine engine(Workload::single(1e6, 100, 512, "x86_64", gateway != "none"), shipped());
    const CostOption fleet = vm("t3.small");
    QCOMPARE(engine.evaluate(fleet, 1e6).total(), 15.18);
    const CostEngine::BreakEven b = engine.breakEven(lambda(freeTier, gateway), fleet);
    QVERIFY2(b.found, qPrintable(b.explanation));
    QVERIFY(!b.step);
    QVERIFY2(std::abs(b.costA - b.costB) < 0.01, qPrintable(QString::number(b.costA - b.costB)));
    QCOMPARE(std::round(b.volume / 1e4) / 100, millions);
    // Just below, serverless is cheaper; just above, the instance is.
    QVERIFY(engine.total(lambda(freeTier, gateway), b.volume * 0.99) < engine.total(fleet, b.volume * 0.99));
    QVERIFY(engine.total(lambda(freeTier, gateway), b.volume * 1.01) > engine.total(fleet, b.volume * 1.01));
}

void TestCostModel::workedExample5_tierBoundary()
{
    // 7e9 GB-s: 200 ms at 1 GB for 35e9 invocations.
    const CostEngine engine(Workload::single(35e9, 200, 1024, "x86_64", false), shipped());
    const CostResult r = engine.evaluate(lambda(false), 35e9);
    std::vector<const LineItem *> compute;
    for (const LineItem &item : r.items)
        if (item.priceId == "function.compute.x86_64")
            compute.push_back(&item);
    QCOMPARE(compute.size(), size_t(2));
    QCOMPARE(compute[0]->quantity, 6e9);
    QCOMPARE(compute[0]->cost(), 100000.20);
    QCOMPARE(compute[1]->quantity, 1e9);
    QCOMPARE(compute[1]->cost(), 15000.00);
    QCOMPARE(sumOf(r, "function.compute"), 115000.20);
}

void TestCostModel::tierBoundaries_data()
{
    QTest::addColumn<double>("gbSeconds");
    QTest::addColumn<double>("expected");
    // At the boundary exactly, everything is in the first tier; one GB-s more is not.
    QTest::newRow("6e9") << 6e9 << 6e9 * 0.0000166667;
    QTest::newRow("6e9 + 1e6") << 6e9 + 1e6 << 6e9 * 0.0000166667 + 1e6 * 0.000015;
    QTest::newRow("15e9") << 15e9 << 6e9 * 0.0000166667 + 9e9 * 0.000015;
    QTest::newRow("20e9") << 20e9 << 6e9 * 0.0000166667 + 9e9 * 0.000015 + 5e9 * 0.0000133334;
}

void TestCostModel::tierBoundaries()
{
    QFETCH(double, gbSeconds);
    QFETCH(double, expected);
    // 1 s at 1 GB per invocation: invocations = GB-seconds.
    const CostEngine engine(Workload::single(gbSeconds, 1000, 1024, "x86_64", false), shipped());
    const CostResult r = engine.evaluate(lambda(false), gbSeconds);
    double exact = 0;
    for (const LineItem &item : r.items)
        if (item.priceId == "function.compute.x86_64")
            exact += item.amount;
    QVERIFY2(std::abs(exact - expected) < 1e-6, qPrintable(QString::number(exact - expected)));
}

void TestCostModel::freeTierSharedBetweenArchitectures()
{
    // Two functions, one per architecture, 300,000 GB-s each: 400,000 free in all.
    Workload w = Workload::single(2'400'000, 1000, 128, "x86_64", false);
    FunctionLoad arm = w.functions.front();
    arm.name = "arm";
    arm.architecture = "arm64";
    w.functions.push_back(arm);
    const CostEngine engine(w, shipped());
    const CostResult r = engine.evaluate(lambda(true), 2'400'000);
    double billed = 0;
    for (const LineItem &item : r.items)
        if (item.priceId.startsWith("function.compute"))
            billed += item.quantity;
    QCOMPARE(billed, 600'000.0 - 400'000.0);
    // Requests: 4.8 M invocations, 1 M free.
    QCOMPARE(sumOf(r, "function.requests"), 0.76);
    // The free amount is written as the reader's locale writes numbers.
    const QLocale previous;
    for (const QLocale::Language language : {QLocale::English, QLocale::French}) {
        QLocale::setDefault(QLocale(language));
        const CostResult again = engine.evaluate(lambda(true), 2'400'000);
        const auto requests = std::find_if(again.items.cbegin(), again.items.cend(),
                                           [](const LineItem &item) { return item.priceId == "function.requests"; });
        QVERIFY(requests != again.items.cend());
        QVERIFY2(requests->item.contains(QLocale().toString(1e6, 'f', 0)), qPrintable(requests->item));
        QVERIFY2(!requests->item.contains("1000000"), qPrintable(requests->item));
    }
    QLocale::setDefault(previous);
}

void TestCostModel::billingRounding_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<double>("durationMs");
    QTest::addColumn<int>("memoryMb");
    QTest::addColumn<double>("gbSecondsPerMillion");
    // Lambda: 1 ms, memory as set. Azure: memory in 128 MB steps. Scaleway: memory tiers.
    QTest::newRow("aws 100.2 ms") << "aws" << 100.2 << 128 << 1e6 * 0.101 * 0.125;
    QTest::newRow("azure 200 MB") << "azure" << 100.0 << 200 << 1e6 * 0.1 * 0.25;
    QTest::newRow("scaleway 300 MB") << "scaleway" << 100.0 << 300 << 1e6 * 0.1 * 0.5;
}

void TestCostModel::billingRounding()
{
    QFETCH(QString, provider);
    QFETCH(double, durationMs);
    QFETCH(int, memoryMb);
    QFETCH(double, gbSecondsPerMillion);
    const CostEngine engine(Workload::single(1e6, durationMs, memoryMb, "x86_64", false), shipped());
    CostOption o = lambda(false);
    o.provider = provider;
    const CostResult r = engine.evaluate(o, 1e6);
    double gbSeconds = 0;
    for (const LineItem &item : r.items)
        if (item.priceId.startsWith("function.compute"))
            gbSeconds += item.quantity;
    QVERIFY2(std::abs(gbSeconds - gbSecondsPerMillion) < 1e-6, qPrintable(QString::number(gbSeconds)));
}

void TestCostModel::vmSizingFollowsTheProfile()
{
    // 1 s of CPU per request on 2-vCPU instances at 50 %: one instance serves 1 request/s.
    Workload w = Workload::single(0, 1000, 512, "x86_64", false);
    w.profile = TrafficProfile::fromWeights({1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5},
                                            60);
    const CostEngine engine(w, shipped());
    CostOption o = vm("t3.small", 1);
    o.targetUtilisation = 0.5;
    // Requests per day d: the busy hour has 5/28 of them, the others 1/28 each.
    // With 28 * 3600 * 30.4167 requests a month: 1 request/s in quiet hours, 5 in the busy one.
    const double volume = 28 * 3600 * (730.0 / 24);
    const CostResult r = engine.evaluate(o, volume);
    QVERIFY(r.ok());
    // 23 hours x 1 instance + 1 hour x 5, every day of the month.
    QCOMPARE(r.items.front().quantity, (23 + 5) * (730.0 / 24));
    // The minimum count for availability holds at night.
    o.minInstances = 2;
    QCOMPARE(engine.evaluate(o, volume).items.front().quantity, (23 * 2 + 5) * (730.0 / 24));
    // Minute peaks count: the same hourly total arriving in one minute needs more.
    std::vector<double> minutes(24 * 60, 1.0);
    for (int m = 23 * 60; m < 24 * 60; ++m)
        minutes[m] = m == 23 * 60 ? 5.0 * 60 - 59 : 1.0; // hour 23: 300 in all, 241 in its first minute
    Workload peaky = w;
    peaky.profile = TrafficProfile::fromWeights(minutes, 1);
    const CostEngine peakEngine(peaky, shipped());
    o.minInstances = 1;
    QVERIFY(peakEngine.evaluate(o, volume).items.front().quantity > r.items.front().quantity);
}

void TestCostModel::fixedFleetIsSizedForThePeak()
{
    Workload w = Workload::single(0, 1000, 512, "x86_64", false);
    w.profile = TrafficProfile::fromWeights({1, 1, 1, 5}, 60);
    const CostEngine engine(w, shipped());
    CostOption o = vm("t3.small", 1);
    o.targetUtilisation = 0.5;
    o.sizing = CostOption::Sizing::FixedForPeak;
    const double volume = 8 * 3600 * (730.0 / 4); // 1 request/s quiet, 5 at the peak
    QCOMPARE(engine.evaluate(o, volume).items.front().quantity, 5 * 730.0);
    o.sizing = CostOption::Sizing::Autoscaled;
    QCOMPARE(engine.evaluate(o, volume).items.front().quantity, (1 + 1 + 1 + 5) * (730.0 / 4));
}

void TestCostModel::loadBalancerAndDiscount()
{
    const CostEngine engine(Workload::single(0, 100, 128, "x86_64", false), shipped());
    CostOption o = vm("m6i.large", 1);
    o.commitmentDiscountPct = 30;
    o.loadBalancer = true;
    const CostResult r = engine.evaluate(o, 0);
    // 70.08 - 21.02 (30 %) + ALB 730 h x 0.0225 = 16.43, no capacity units without traffic.
    QCOMPARE(r.total(), 70.08 - 21.02 + 16.43);
    bool sawBalancer = false;
    for (const LineItem &item : r.items)
        sawBalancer = sawBalancer || item.priceId == "loadBalancer.hours";
    QVERIFY(sawBalancer);
    // Azure has no load balancer price: said, not silently zero.
    o.provider = "azure";
    o.instanceType = "Standard_D2s_v5";
    const CostResult azure = engine.evaluate(o, 0);
    QVERIFY(azure.notes.join(' ').contains("load balancer"));
}

void TestCostModel::fargate()
{
    const CostEngine engine(Workload::single(0, 100, 128, "x86_64", false), shipped());
    CostOption o;
    o.kind = CostOption::Kind::Containers;
    o.taskVcpu = 1;
    o.taskMemoryGb = 2;
    o.minInstances = 1;
    // Infracost's golden: 1 vCPU-month $29.55, 2 GB-month $6.49.
    const CostResult r = engine.evaluate(o, 0);
    QVERIFY(r.ok());
    QCOMPARE(r.total(), 29.55 + 6.49);
    o.provider = "gcp";
    QVERIFY(!engine.evaluate(o, 0).ok());
}

void TestCostModel::provisionedConcurrency()
{
    Workload w = Workload::single(0, 100, 1024, "x86_64", false);
    w.functions.front().provisionedConcurrency = 1;
    const CostEngine engine(w, shipped());
    const CostResult r = engine.evaluate(lambda(false), 0);
    // 1 instance x 1 GB x 730 h x 3600 s x $0.0000041667.
    QCOMPARE(r.total(), 10.95);
    // Traffic within the provisioned capacity is billed at its duration rate.
    const CostResult busy = engine.evaluate(lambda(false), 1e6);
    QCOMPARE(sumOf(busy, "function.provisionedCompute"), 0.97); // 100,000 GB-s x 0.0000097222
    QCOMPARE(sumOf(busy, "function.compute"), 0.0); // all of it fits in the provisioned instance
    QCOMPARE(sumOf(busy, "function.requests"), 0.20);
}

void TestCostModel::otherProviders_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<double>("total");
    QTest::addColumn<QString>("currency");
    // 10 M invocations, 200 ms, 512 MB, no free tier.
    QTest::newRow("azure") << "azure" << 2.00 + 1e7 * 0.2 * 0.5 * 0.000016 << "USD";
    // Cloud Run: 100 ms rounding; 512 MB = 0.333 vCPU.
    QTest::newRow("gcp") << "gcp" << 4.00 + 1e7 * 0.2 * 0.333 * 0.000024 + 1e7 * 0.2 * 0.5 * 0.0000025 << "USD";
    QTest::newRow("scaleway") << "scaleway" << 1.50 + 1e7 * 0.2 * 0.5 * 0.000012 << "EUR";
}

void TestCostModel::otherProviders()
{
    QFETCH(QString, provider);
    QFETCH(double, total);
    QFETCH(QString, currency);
    const CostEngine engine(Workload::single(1e7, 200, 512, "x86_64", true), shipped());
    CostOption o = lambda(false, "auto");
    o.provider = provider;
    const CostResult r = engine.evaluate(o, 1e7);
    QCOMPARE(r.currency, currency);
    QCOMPARE(r.total(), std::round(total * 100) / 100);
    QVERIFY(r.notes.join(' ').contains("no gateway")); // HTTP comes with these functions
}

void TestCostModel::sensitivityMovesTheBreakEven()
{
    const CostEngine engine(Workload::single(1e6, 100, 512, "x86_64", false), shipped());
    const auto rows = engine.sensitivity(lambda(false), vm("t3.small"));
    QCOMPARE(rows.size(), size_t(4));
    const double base = engine.breakEven(lambda(false), vm("t3.small")).volume;
    for (const auto &row : rows) {
        QVERIFY(row.breakEven.found);
        if (row.factor > 1)
            QVERIFY2(row.breakEven.volume < base, qPrintable(row.parameter));
        else
            QVERIFY2(row.breakEven.volume > base, qPrintable(row.parameter));
    }
    // Halving the duration halves compute: 15.184 / (0.41667 + 0.2) per million.
    QCOMPARE(std::round(rows[0].breakEven.volume / 1e4) / 100, 24.62);
}

void TestCostModel::noBreakEvenIsExplained()
{
    const CostEngine engine(Workload::single(1e6, 100, 128, "x86_64", false), shipped());
    const auto b = engine.breakEven(lambda(true), vm("m6i.large", 50), 1e3, 1e6);
    QVERIFY(!b.found);
    QVERIFY(b.explanation.contains("stays cheaper"));
}

void TestCostModel::exampleProjectFlows()
{
    Project project(Catalog::builtin());
    QVERIFY(NimbusTest::loadExample(project));
    Workload w = Workload::fromArchitecture(project.catalog(), project.architecture());
    // Entry points: the four HTTP routes and the images bucket (uploads from outside).
    QCOMPARE(int(w.entries.size()), 5);
    const double volume = 5e6;
    // createOrder gets a fifth; its queue delivers batches of 10 to processOrder; the
    // topic fans out to notifyCustomer once per publish.
    QCOMPARE(w.function("createOrder")->monthlyInvocations(volume), 1e6);
    QCOMPARE(w.function("processOrder")->monthlyInvocations(volume), 1e5);
    // ... and once per fulfilment execution, whose machine publishes to the topic (its
    // reminder), started by fulfilRoute's fifth.
    QCOMPARE(w.function("notifyCustomer")->monthlyInvocations(volume), 1e5 + 1e6);
    // The nightly report: cron(0 2 * * ? *) fires 365/12 times a month.
    QCOMPARE(w.function("dailyReport")->monthlyInvocations(volume), 365.0 / 12);
    QCOMPARE(w.function("getItem")->memoryMb, 256);
    QCOMPARE(w.function("getItem")->architecture, QStringLiteral("arm64"));
    // The queue: 1 M sends, 100 k receives and 100 k deletes.
    ServiceLoad *queue = w.service("orders-queue");
    QCOMPARE(queue->writesPerRequest * volume + queue->readsPerRequest * volume, 1.2e6);
    // Weighting createOrder alone sends all the volume there.
    for (const char *entry : {"getItemRoute", "images", "fulfilRoute", "getOrderRoute"})
        w.entry(entry)->weight = 0;
    w.distribute(project.catalog(), project.architecture());
    QCOMPARE(w.function("createOrder")->monthlyInvocations(volume), 5e6);
    QCOMPARE(w.function("getItem")->monthlyInvocations(volume), 0.0);

    const CostEngine engine(w, shipped());
    const CostResult r = engine.evaluate(lambda(true, "auto"), volume);
    QVERIFY(r.ok());
    QStringList groups;
    for (const LineItem &item : r.items)
        groups << item.priceId;
    for (const char *id :
         {"function.requests", "gateway.http", "queue.requests", "topic.publishes", "table.writes", "bucket.writes"})
        QVERIFY2(groups.contains(id), id);
    // Every function's share adds up to the function lines.
    double shares = 0;
    for (double v : r.perFunction)
        shares += v;
    double functionLines = 0;
    for (const LineItem &item : r.items)
        if (item.priceId.startsWith("function."))
            functionLines += item.amount;
    QVERIFY(std::abs(shares - functionLines) < 1e-9);
}

using namespace Qt::StringLiterals;

namespace {

// A workload of one table or one bucket (and the one function of Workload::single).
Workload withService(const QString &service, const QString &mode, double writes, double reads, double itemKb,
                     double storedGb)
{
    Workload w = Workload::single(1'000'000, 100, 128, QStringLiteral("x86_64"), false);
    ServiceLoad s;
    s.name = QStringLiteral("store");
    s.service = service;
    (service == QLatin1String("table") ? s.billingMode : s.storageClass) = mode;
    s.writesPerRequest = writes;
    s.readsPerRequest = reads;
    s.itemKb = itemKb;
    s.storedGb = storedGb;
    w.services.push_back(s);
    return w;
}

// The rounded cost and the quantity of every line of one price id.
std::pair<double, double> lineOf(const CostResult &r, const QString &priceId)
{
    double cost = 0, quantity = 0;
    for (const LineItem &item : r.items) {
        if (item.priceId != priceId)
            continue;
        cost += item.cost();
        quantity += item.quantity;
    }
    return {cost, quantity};
}

} // namespace

Q_DECLARE_METATYPE(Nimbus::Workload)

// Expected values by hand from resources/pricing/aws-us-east-1.json (GB = 2^30 bytes).
void TestCostModel::hiddenLines_data()
{
    QTest::addColumn<CostOption>("option");
    QTest::addColumn<Workload>("workload");
    QTest::addColumn<double>("volume");
    QTest::addColumn<QString>("priceId");
    QTest::addColumn<double>("quantity");
    QTest::addColumn<double>("cost");

    const Workload plain = Workload::single(1'000'000, 100, 128, QStringLiteral("x86_64"), false);
    const Workload routed = Workload::single(1'000'000, 100, 128, QStringLiteral("x86_64"), true);
    CostOption logs = lambda(false);
    logs.logs = true;
    // 10 M invocations x 300 B (the stated default) = 2.7939677 GB: x $0.50, x $0.03 a month kept.
    const double logGb = 10e6 * 300 / (1024.0 * 1024 * 1024);
    QTest::newRow("logs ingestion, default bytes") << logs << plain << 10e6 << "logs.ingestion" << logGb << 1.40;
    QTest::newRow("logs storage, one month") << logs << plain << 10e6 << "logs.storage" << logGb << 0.08;
    CostOption kept = logs;
    kept.logRetentionMonths = 3; // 8.3819 GB-months x $0.03 = 0.2515
    QTest::newRow("logs storage, three months") << kept << plain << 10e6 << "logs.storage" << logGb * 3 << 0.25;
    CostOption free = logs;
    free.freeTier = true; // 2.79 GB, all within the 5 GB free
    QTest::newRow("logs within the free tier") << free << plain << 10e6 << "logs.ingestion" << 0.0 << 0.0;

    CostOption transfer = lambda(false, QStringLiteral("http"));
    transfer.dataTransfer = true;
    // 200 M responses x 1,024 B (default) = 190.7349 GB x $0.09 = 17.166; 100 GB free: 90.7349 x 0.09 = 8.166.
    const double outGb = 200e6 * 1024 / (1024.0 * 1024 * 1024);
    QTest::newRow("transfer out, default bytes") << transfer << routed << 200e6 << "transfer.out" << outGb << 17.17;
    CostOption transferFree = transfer;
    transferFree.freeTier = true;
    QTest::newRow("transfer out, 100 GB free")
        << transferFree << routed << 200e6 << "transfer.out" << outGb - 100 << 8.17;
    QTest::newRow("no route, no transfer") << transfer << plain << 200e6 << "transfer.out" << 0.0 << 0.0;

    Workload inVpc = plain;
    inVpc.functions.front().vpc = true; // payload 1 KB through the NAT gateway
    QTest::newRow("NAT hours") << lambda(false) << inVpc << 10e6 << "nat.hours" << 730.0 << 32.85;
    QTest::newRow("NAT data") << lambda(false) << inVpc << 10e6 << "nat.data" << 10e6 * 1024 / (1024.0 * 1024 * 1024)
                              << 0.43;
    CostOption noNat = lambda(false);
    noNat.natGateway = false;
    QTest::newRow("NAT switched off") << noNat << inVpc << 10e6 << "nat.hours" << 0.0 << 0.0;

    CostOption cache = lambda(false, QStringLiteral("rest"));
    cache.gatewayCacheGb = 0.5; // 730 h x $0.02
    QTest::newRow("REST API cache") << cache << routed << 1e6 << "gateway.cache.0.5" << 730.0 << 14.60;
    CostOption httpCache = cache;
    httpCache.gateway = QStringLiteral("http");
    QTest::newRow("no cache on an HTTP API") << httpCache << routed << 1e6 << "gateway.cache.0.5" << 0.0 << 0.0;

    // Constant traffic: 26.28 M writes a month = 10 a second all month; reads twice that.
    const Workload provisioned = withService(QStringLiteral("table"), QStringLiteral("PROVISIONED"), 1, 2, 1, 1);
    QTest::newRow("provisioned WCU") << lambda(false) << provisioned << 26.28e6 << "table.provisionedWrites" << 7300.0
                                     << 4.75; // 10 WCU x 730 h x $0.00065
    QTest::newRow("provisioned RCU") << lambda(false) << provisioned << 26.28e6 << "table.provisionedReads" << 14600.0
                                     << 1.90; // 20 RCU x 730 h x $0.00013 = 1.898
    QTest::newRow("provisioned: no request units")
        << lambda(false) << provisioned << 26.28e6 << "table.writes" << 0.0 << 0.0;
    CostOption onDemand = lambda(false);
    onDemand.tableCapacity = false; // 26.28 M WRU x $0.625 / M = 16.425
    QTest::newRow("billing modes off") << onDemand << provisioned << 26.28e6 << "table.writes" << 26.28e6 << 16.43;
    Workload items = provisioned;
    QVERIFY(items.applyJson(QJsonObject{{"services", QJsonObject{{"store", QJsonObject{{"items", 2097152}}}}}}));
    QTest::newRow("storage from items") << lambda(false) << items << 1e6 << "table.storage" << 2.0 << 0.50;

    // 100 GB, 1 M PUTs, 2 M GETs of 512 KB objects (976.5625 GB read back).
    const Workload ia = withService(QStringLiteral("bucket"), QStringLiteral("STANDARD_IA"), 1, 2, 512, 100);
    QTest::newRow("IA storage") << lambda(false) << ia << 1e6 << "bucket.storage.STANDARD_IA" << 100.0 << 1.25;
    QTest::newRow("IA PUT") << lambda(false) << ia << 1e6 << "bucket.writes.STANDARD_IA" << 1e6 << 10.0;
    QTest::newRow("IA GET") << lambda(false) << ia << 1e6 << "bucket.reads.STANDARD_IA" << 2e6 << 2.0;
    QTest::newRow("IA retrieval") << lambda(false) << ia << 1e6 << "bucket.retrieval.STANDARD_IA" << 976.5625 << 9.77;
    const Workload glacier = withService(QStringLiteral("bucket"), QStringLiteral("GLACIER_IR"), 1, 2, 512, 100);
    QTest::newRow("GIR storage") << lambda(false) << glacier << 1e6 << "bucket.storage.GLACIER_IR" << 100.0 << 0.40;
    QTest::newRow("GIR PUT") << lambda(false) << glacier << 1e6 << "bucket.writes.GLACIER_IR" << 1e6 << 20.0;
    QTest::newRow("GIR GET") << lambda(false) << glacier << 1e6 << "bucket.reads.GLACIER_IR" << 2e6 << 20.0;
    QTest::newRow("GIR retrieval") << lambda(false) << glacier << 1e6 << "bucket.retrieval.GLACIER_IR" << 976.5625
                                   << 29.30;
    CostOption standard = lambda(false);
    standard.storageClasses = false;
    QTest::newRow("storage classes off") << standard << ia << 1e6 << "bucket.storage" << 100.0 << 2.30;
}

void TestCostModel::hiddenLines()
{
    QFETCH(CostOption, option);
    QFETCH(Workload, workload);
    QFETCH(double, volume);
    QFETCH(QString, priceId);
    QFETCH(double, quantity);
    QFETCH(double, cost);
    const CostEngine engine(workload, shipped());
    const CostResult r = engine.evaluate(option, volume);
    QVERIFY(r.ok());
    const auto [billed, units] = lineOf(r, priceId);
    QVERIFY2(std::abs(units - quantity) < 1e-6 * std::max(1.0, quantity), qPrintable(QString::number(units, 'f', 6)));
    QCOMPARE(billed, cost);
    // The total without line items agrees with the bill.
    QVERIFY(std::abs(engine.total(option, volume) - r.exactTotal) < 1e-9);
}

// The log and transfer lines take the bytes measured per invocation, and say so.
void TestCostModel::hiddenLinesUseMeasuredBytes()
{
    Workload w = Workload::single(1'000'000, 100, 128, QStringLiteral("x86_64"), true);
    FunctionLoad &f = w.functions.front();
    f.measured.logBytes = {2000, 12};
    f.measured.responseBytes = {4096, 12};
    CostOption option = lambda(false, QStringLiteral("http"));
    option.logs = option.dataTransfer = true;
    const double gb = 1024.0 * 1024 * 1024;

    // Measured figures count only once measured inputs are on.
    CostResult r = CostEngine(w, shipped()).evaluate(option, 10e6);
    QCOMPARE(lineOf(r, u"logs.ingestion"_s).second, 10e6 * 300 / gb);
    QVERIFY(r.notes.join(u'\n').contains("function 300 B (assumed)"_L1));

    w.measured = true;
    r = CostEngine(w, shipped()).evaluate(option, 10e6);
    QCOMPARE(lineOf(r, u"logs.ingestion"_s).second, 10e6 * 2000 / gb);
    QCOMPARE(lineOf(r, u"logs.ingestion"_s).first, 9.31); // 18.6265 GB x $0.50
    QCOMPARE(lineOf(r, u"transfer.out"_s).second, 10e6 * 4096 / gb);
    QCOMPARE(lineOf(r, u"transfer.out"_s).first, 3.43); // 38.147 GB x $0.09
    const QString notes = r.notes.join(u'\n');
    QVERIFY2(notes.contains("function 2,000 B (measured, 12 run(s))"_L1), qPrintable(notes));
    QVERIFY2(notes.contains("function 4,096 B (measured, 12 run(s))"_L1), qPrintable(notes));

    // Switched off: no line, and the assumptions say so; the fleet takes them too.
    CostOption off = lambda(false, QStringLiteral("http"));
    r = CostEngine(w, shipped()).evaluate(off, 10e6);
    QCOMPARE(lineOf(r, u"logs.ingestion"_s).second, 0.0);
    QVERIFY(r.notes.contains(u"Logs: not counted (switched off)."_s));
    CostOption fleet = vm(u"t3.micro"_s);
    fleet.logs = fleet.dataTransfer = true;
    fleet.freeTier = false;
    r = CostEngine(w, shipped()).evaluate(fleet, 10e6);
    QCOMPARE(lineOf(r, u"transfer.out"_s).second, 10e6 * 4096 / gb);
    const CostReport report = CostReport::make(CostEngine(w, shipped()), {option}, 10e6);
    QVERIFY(report.assumptions().join(u'\n').contains("(measured, 12 run(s))"_L1));
}

// Where a catalog has no price for a hidden line, the bill says so instead of guessing.
void TestCostModel::hiddenLinesNotPricedElsewhere()
{
    Workload w = Workload::single(1'000'000, 100, 128, QStringLiteral("x86_64"), true);
    w.functions.front().vpc = true;
    CostOption option = lambda(false, QStringLiteral("http"));
    option.provider = u"azure"_s;
    option.logs = option.dataTransfer = true;
    const CostResult r = CostEngine(w, shipped()).evaluate(option, 1e6);
    QVERIFY(r.ok());
    const QString notes = r.notes.join(u'\n');
    QVERIFY2(notes.contains("Logs are not priced on"_L1), qPrintable(notes));
    QVERIFY2(notes.contains("Data transfer out is not priced on"_L1), qPrintable(notes));
    QVERIFY2(notes.contains("NAT gateway of the functions in a VPC (function) is not priced"_L1), qPrintable(notes));
}

void TestCostModel::hiddenLinesInJson()
{
    const QJsonObject plain = lambda(true).toJson();
    QVERIFY(!plain.contains("logs"_L1) && !plain.contains("gatewayCacheGb"_L1)); // defaults are not written
    CostOption option = lambda(true, QStringLiteral("rest"));
    option.logs = option.dataTransfer = true;
    option.logRetentionMonths = 6;
    option.gatewayCacheGb = 0.5;
    option.natGateway = option.tableCapacity = option.storageClasses = false;
    const Result<CostOption> read = CostOption::fromJson(option.toJson());
    QVERIFY(read);
    QVERIFY(read->logs && read->dataTransfer && !read->natGateway && !read->tableCapacity && !read->storageClasses);
    QCOMPARE(read->logRetentionMonths, 6.0);
    QCOMPARE(read->gatewayCacheGb, 0.5);
    QJsonObject bad = option.toJson();
    bad.insert(u"logRetentionMonths"_s, -1);
    QVERIFY(!CostOption::fromJson(bad));
}

// Which functions answer HTTP routes, from the example's design.
void TestCostModel::httpResponsesFromTheDesign()
{
    Project project(Catalog::builtin());
    QVERIFY(NimbusTest::loadExample(project));
    const Workload w = Workload::fromArchitecture(project.catalog(), project.architecture());
    QCOMPARE(w.function("createOrder")->httpPerRequest, 1.0 / 5);
    QCOMPARE(w.function("getItem")->httpPerRequest, 1.0 / 5);
    QCOMPARE(w.function("getOrder")->httpPerRequest, 1.0 / 5);
    // fulfilRoute starts a workflow: no function answers it.
    QCOMPARE(w.function("chargePayment")->httpPerRequest, 0.0);
    QCOMPARE(w.function("processOrder")->httpPerRequest, 0.0);
    QVERIFY(!w.function("createOrder")->vpc);
}

void TestCostModel::scheduleFirings_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<double>("perMonth");
    QTest::newRow("rate 5 minutes") << "rate(5 minutes)" << 730.0 * 12;
    QTest::newRow("rate 1 hour") << "rate(1 hour)" << 730.0;
    QTest::newRow("daily 02:00") << "cron(0 2 * * ? *)" << 365.0 / 12;
    QTest::newRow("weekdays 9:00") << "cron(0 9 ? * MON-FRI *)" << 261.0 / 12; // 2027 has 261 weekdays
    QTest::newRow("every 15 min") << "cron(0/15 * * * ? *)" << 4 * 24 * 365.0 / 12;
    QTest::newRow("invalid") << "cron(nope)" << -1.0;
}

void TestCostModel::scheduleFirings()
{
    QFETCH(QString, expression);
    QFETCH(double, perMonth);
    QCOMPARE(Workload::schedulesPerMonth(expression), perMonth);
}

void TestCostModel::scenarioJson()
{
    Project project(Catalog::builtin());
    QVERIFY(NimbusTest::loadExample(project));
    Workload w = Workload::fromArchitecture(project.catalog(), project.architecture());
    w.monthlyRequests = 2e7;
    w.profile = TrafficProfile::dailyPeaks();
    w.function("getItem")->durationMs = 42;
    w.entry("images")->weight = 0.5;
    Workload copy = Workload::fromArchitecture(project.catalog(), project.architecture());
    const Result<void> applied = copy.applyJson(w.toJson());
    QVERIFY2(applied, qPrintable(applied.errorMessage()));
    QCOMPARE(copy.monthlyRequests, 2e7);
    QCOMPARE(copy.profile.shape(), TrafficProfile::Shape::DailyPeaks);
    QCOMPARE(copy.function("getItem")->durationMs, 42.0);
    QCOMPARE(copy.entry("images")->weight, 0.5);
    const Result<void> refused = copy.applyJson(QJsonObject{{"functions", QJsonObject{{"nope", QJsonObject{}}}}});
    QVERIFY(!refused);
    QVERIFY(refused.errorMessage().contains("functions.nope"));
}

QTEST_GUILESS_MAIN(TestCostModel)
// Commitments (issue 27 item 3): each chosen commitment priced from the catalog's
// "<price id>@<commitment>" entries; without one, on demand and a note that says so.
void TestCostModel::commitmentsPriceFromTheCatalog_data()
{
    QTest::addColumn<CostOption>("option");
    QTest::addColumn<QString>("arch");
    QTest::addColumn<double>("volume");
    QTest::addColumn<double>("total");
    QTest::addColumn<QString>("priceId");
    QTest::addColumn<QString>("note");

    // 10 M requests of 100 ms at 1024 MB: 1,000,000 GB-s; requests $2.00, never discounted.
    auto serverless = [](const QString &commitment) {
        CostOption o = lambda(false);
        o.commitment = commitment;
        return o;
    };
    QTest::newRow("lambda on demand") << serverless("none") << "x86_64" << 1e7 << 2 + 16.67 << "function.compute.x86_64"
                                      << QString();
    // 1e6 x 0.0000141667 = 14.1667
    QTest::newRow("lambda 1-year plan") << serverless("savings-plan-1y") << "x86_64" << 1e7 << 2 + 14.17
                                        << "function.compute.x86_64@savings-plan-1y" << QString();
    // 1e6 x 0.0000138334 = 13.8334
    QTest::newRow("lambda 3-year plan") << serverless("savings-plan-3y") << "x86_64" << 1e7 << 2 + 13.83
                                        << "function.compute.x86_64@savings-plan-3y" << QString();
    // 1e6 x 0.0000113334 = 11.3334
    QTest::newRow("lambda arm64 1-year plan") << serverless("savings-plan-1y") << "arm64" << 1e7 << 2 + 11.33
                                              << "function.compute.arm64@savings-plan-1y" << QString();
    auto fleet = [](const QString &type, const QString &commitment) {
        CostOption o = vm(type, 1);
        o.commitment = commitment;
        return o;
    };
    // One instance all month: 730 h.
    QTest::newRow("t3.small reserved 1 year") << fleet("t3.small", "reserved-1y") << "x86_64" << 0.0 << 9.53
                                              << "instance.t3.small@reserved-1y" << QString(); // 730 x 0.01305
    QTest::newRow("t3.small reserved 3 years") << fleet("t3.small", "reserved-3y") << "x86_64" << 0.0 << 6.57
                                               << "instance.t3.small@reserved-3y" << QString(); // 730 x 0.009
    QTest::newRow("t3.micro reserved 3 years") << fleet("t3.micro", "reserved-3y") << "x86_64" << 0.0 << 3.29
                                               << "instance.t3.micro@reserved-3y" << QString(); // 730 x 0.0045
    // No sourced rate in the catalog: on demand (730 x 0.0208), and the notes say so.
    QTest::newRow("t3.small savings plan not priced")
        << fleet("t3.small", "savings-plan-1y") << "x86_64" << 0.0 << 15.18 << "t3.small"
        << "no 1-year Compute Savings Plan price for t3.small";
    QTest::newRow("t3.small spot not priced") << fleet("t3.small", "spot") << "x86_64" << 0.0 << 15.18 << "t3.small"
                                              << "no spot price for t3.small";
    auto elsewhere = [&](const QString &provider, const QString &type, const QString &commitment) {
        CostOption o = fleet(type, commitment);
        o.provider = provider;
        return o;
    };
    QTest::newRow("azure reserved 1 year")
        << elsewhere("azure", "Standard_D2s_v5", "reserved-1y") << "x86_64" << 0.0 << 41.33
        << "instance.Standard_D2s_v5@reserved-1y" << QString(); // 730 x 0.05662
    QTest::newRow("azure reserved 3 years")
        << elsewhere("azure", "Standard_D2s_v5", "reserved-3y") << "x86_64" << 0.0 << 26.64
        << "instance.Standard_D2s_v5@reserved-3y" << QString(); // 730 x 0.03649
    QTest::newRow("gcp flexible commitment 3 years")
        << elsewhere("gcp", "e2-standard-2", "savings-plan-3y") << "x86_64" << 0.0 << 26.41
        << "instance.e2-standard-2@savings-plan-3y" << QString(); // 730 x 0.03618
    QTest::newRow("gcp shared core not covered")
        << elsewhere("gcp", "e2-medium", "savings-plan-1y") << "x86_64" << 0.0 << 24.46 << "e2-medium"
        << "no 1-year Compute Savings Plan price for e2-medium"; // 730 x 0.03351
    CostOption fargate;
    fargate.kind = CostOption::Kind::Containers;
    fargate.taskVcpu = 1;
    fargate.taskMemoryGb = 2;
    fargate.minInstances = 1;
    fargate.commitment = "savings-plan-3y";
    QTest::newRow("fargate plan not priced") << fargate << "x86_64" << 0.0 << 29.55 + 6.49 << "containers.vcpu.x86_64"
                                             << "no 3-year Compute Savings Plan price";
    CostOption azure = serverless("savings-plan-1y");
    azure.provider = "azure";
    // Azure: 1e7 x $0.20/M + 1e6 GB-s x $0.000016 = 2 + 16.
    QTest::newRow("azure plan not priced") << azure << "x86_64" << 1e7 << 2 + 16.0 << "function.compute"
                                           << "Microsoft Azure has no 1-year Compute Savings Plan price";
}

void TestCostModel::commitmentsPriceFromTheCatalog()
{
    QFETCH(CostOption, option);
    QFETCH(QString, arch);
    QFETCH(double, volume);
    QFETCH(double, total);
    QFETCH(QString, priceId);
    QFETCH(QString, note);
    const CostEngine engine(Workload::single(0, 100, 1024, arch, false), shipped());
    const CostResult r = engine.evaluate(option, volume);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.total(), total);
    const bool priced = std::any_of(r.items.begin(), r.items.end(), [&](const LineItem &i) {
        return i.priceId == priceId && !i.source.isEmpty() && !i.effective.isEmpty();
    });
    QVERIFY2(priced, qPrintable(priceId));
    if (note.isEmpty())
        QVERIFY2(!r.notes.join(' ').contains("on demand"), qPrintable(r.notes.join('\n')));
    else
        QVERIFY2(r.notes.join(' ').contains(note), qPrintable(r.notes.join('\n')));
    if (option.committed()) {
        QVERIFY(r.label.contains(CostOption::commitmentName(option.commitment)));
        const CostReport report = CostReport::make(engine, {option}, volume, 0, 0);
        QVERIFY(report.assumptions().join('\n').contains(CostEngine::commitmentAssumption(option)));
    }
}

void TestCostModel::commitmentsAreValidatedPerKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("commitment");
    QTest::addColumn<bool>("valid");
    QTest::newRow("serverless plan") << "serverless"
                                     << "savings-plan-3y" << true;
    QTest::newRow("serverless reserved") << "serverless"
                                         << "reserved-1y" << false;
    QTest::newRow("serverless spot") << "serverless"
                                     << "spot" << false;
    QTest::newRow("containers plan") << "containers"
                                     << "savings-plan-1y" << true;
    QTest::newRow("containers reserved") << "containers"
                                         << "reserved-3y" << false;
    QTest::newRow("vm plan") << "vm"
                             << "savings-plan-1y" << true;
    QTest::newRow("vm reserved") << "vm"
                                 << "reserved-3y" << true;
    QTest::newRow("vm spot") << "vm"
                             << "spot" << true;
    QTest::newRow("vm unknown") << "vm"
                                << "reserved-5y" << false;
    QTest::newRow("none") << "containers"
                          << "none" << true;
}

void TestCostModel::commitmentsAreValidatedPerKind()
{
    QFETCH(QString, kind);
    QFETCH(QString, commitment);
    QFETCH(bool, valid);
    const Result<CostOption> parsed = CostOption::fromJson(QJsonObject{{"kind", kind}, {"commitment", commitment}});
    QCOMPARE(bool(parsed), valid);
    if (!valid) {
        QVERIFY(parsed.errorMessage().contains(commitment));
        return;
    }
    QCOMPARE(parsed->commitment, commitment);
    const Result<CostOption> again = CostOption::fromJson(parsed->toJson());
    QVERIFY(again);
    QCOMPARE(again->commitment, commitment);
}

// Break-even between Lambda and one t3.small (10 ms at 128 MB, no free tier): the fleet
// costs 730 h x its hourly rate, a request 0.20/M + 0.01 s x 0.125 GB x the GB-s rate.
void TestCostModel::commitmentsMoveTheBreakEven()
{
    QJsonObject root = QJsonDocument::fromJson(shipped().provider("aws")->json()).object();
    QJsonArray prices = root.value("prices").toArray();
    // A rate for the test only (the shipped catalog's EC2 savings plan rates wait for Update Prices).
    for (qsizetype i = prices.size() - 1; i >= 0; --i)
        if (prices[i].toObject().value("id").toString() == "instance.t3.small@savings-plan-3y")
            prices.removeAt(i);
    prices.append(QJsonObject{{"id", "instance.t3.small@savings-plan-3y"},
                              {"name", "t3.small, 3-year Compute Savings Plan"},
                              {"unit", "instance-hours"},
                              {"per", 1},
                              {"price", 0.0104},
                              {"effective", "2026-11-01"},
                              {"source", "infracost-ec2-ri"}});
    root.insert("prices", prices);
    auto catalog = PricingCatalog::parse(QJsonDocument(root).toJson(), "aws.json");
    QVERIFY2(catalog, qPrintable(catalog.errorMessage()));
    PricingCatalogs catalogs = shipped();
    catalogs.insert(*catalog);
    const CostEngine engine(Workload::single(0, 10, 128, "x86_64", false), catalogs);

    CostOption serverless = lambda(false);
    CostOption fleet = vm("t3.small", 1);
    auto volumeFor = [](double fleetMonthly, double gbSecondPrice) {
        return fleetMonthly / (0.2e-6 + 0.01 * 0.125 * gbSecondPrice);
    };
    auto check = [&](double expected) {
        const CostEngine::BreakEven b = engine.breakEven(serverless, fleet);
        QVERIFY2(b.found, qPrintable(b.explanation));
        QVERIFY2(std::abs(b.volume / expected - 1) < 1e-5, qPrintable(QString::number(b.volume, 'f', 0)));
        QCOMPARE(engine.evaluate(fleet, b.volume).items.front().quantity, 730.0); // still one instance
    };
    const double onDemand = volumeFor(730 * 0.0208, 0.0000166667); // 68.76 M requests
    check(onDemand);
    // A 3-year savings plan on the fleet alone halves its cost, and so the break-even.
    fleet.commitment = "savings-plan-3y";
    check(volumeFor(730 * 0.0104, 0.0000166667));
    // Like with like: the functions under the same plan (0.0000138334 per GB-s).
    serverless.commitment = "savings-plan-3y";
    const double bothPlans = volumeFor(730 * 0.0104, 0.0000138334);
    check(bothPlans);
    QVERIFY(bothPlans > onDemand / 2);
    // Reserved for 3 years (shipped: 0.009 per hour).
    fleet.commitment = "reserved-3y";
    check(volumeFor(730 * 0.009, 0.0000138334));

    // The sensitivity keeps both commitments: twice the duration, 0.02 s a request.
    fleet.commitment = "savings-plan-3y";
    const auto rows = engine.sensitivity(serverless, fleet);
    const auto doubled = std::find_if(rows.begin(), rows.end(), [](const CostEngine::Sensitivity &s) {
        return s.parameter == "duration" && s.factor == 2.0;
    });
    QVERIFY(doubled != rows.end() && doubled->breakEven.found);
    const double expected = 730 * 0.0104 / (0.2e-6 + 0.02 * 0.125 * 0.0000138334);
    QVERIFY2(std::abs(doubled->breakEven.volume / expected - 1) < 1e-5,
             qPrintable(QString::number(doubled->breakEven.volume, 'f', 0)));
}

void TestCostModel::commitmentsFromRefreshedLists_data()
{
    QTest::addColumn<CostOption>("option");
    QTest::addColumn<bool>("refreshed");
    QTest::addColumn<double>("total");
    QTest::addColumn<QString>("priceId");
    QTest::addColumn<QString>("note");
    auto fleet = [](const QString &provider, const QString &type, const QString &commitment) {
        CostOption o = vm(type, 1);
        o.provider = provider;
        o.commitment = commitment;
        return o;
    };
    auto fargate = [](const QString &arch, const QString &commitment) {
        CostOption o;
        o.kind = CostOption::Kind::Containers;
        o.taskVcpu = 1;
        o.taskMemoryGb = 2;
        o.taskArchitecture = arch;
        o.minInstances = 1;
        o.commitment = commitment;
        return o;
    };
    // One instance or task all month: 730 h.
    QTest::newRow("ec2 spot") << fleet("aws", "t3.micro", "spot") << true << 2.19 << "instance.t3.micro@spot"
                              << "t3.micro: interrupted <5% of the time"; // 730 x 0.003
    QTest::newRow("ec2 reserved 3 years") << fleet("aws", "t4g.small", "reserved-3y") << true << 7.30
                                          << "instance.t4g.small@reserved-3y" << QString(); // 730 x 0.01
    QTest::newRow("ec2 reserved 1 year") << fleet("aws", "m6i.large", "reserved-1y") << true << 43.80
                                         << "instance.m6i.large@reserved-1y" << QString(); // 730 x 0.06
    QTest::newRow("ec2 savings plan") << fleet("aws", "c6i.large", "savings-plan-1y") << true << 36.50
                                      << "instance.c6i.large@savings-plan-1y" << QString(); // 730 x 0.05
    QTest::newRow("fargate savings plan 1 year")
        << fargate("x86_64", "savings-plan-1y") << true << 26.28 << "containers.vcpu.x86_64@savings-plan-1y"
        << QString(); // 730 x (0.03 + 2 x 0.003)
    QTest::newRow("fargate arm64 savings plan 3 years")
        << fargate("arm64", "savings-plan-3y") << true << 17.52 << "containers.memory.arm64@savings-plan-3y"
        << QString(); // 730 x (0.02 + 2 x 0.002)
    QTest::newRow("azure spot") << fleet("azure", "Standard_B2s", "spot") << true << 7.30
                                << "instance.Standard_B2s@spot"
                                << "interrupted"; // 730 x 0.01
    QTest::newRow("azure reserved 3 years") << fleet("azure", "Standard_B2s", "reserved-3y") << true << 14.60
                                            << "instance.Standard_B2s@reserved-3y" << QString(); // 730 x 0.02
    QTest::newRow("azure savings plan") << fleet("azure", "Standard_D2s_v5", "savings-plan-1y") << true << 51.10
                                        << "instance.Standard_D2s_v5@savings-plan-1y" << QString(); // 730 x 0.07
    // Not refreshed: the shipped entry waits for Update Prices, so on demand (730 x 0.0168), said so.
    QTest::newRow("ec2 spot before a refresh")
        << fleet("aws", "t4g.small", "spot") << false << 12.26 << "t4g.small"
        << "no spot price for t4g.small in its catalog yet (not priced until Cost > Update Prices reads";
    QTest::newRow("fargate plan before a refresh")
        << fargate("x86_64", "savings-plan-1y") << false << 29.55 + 6.49 << "containers.vcpu.x86_64"
        << "in its catalog yet (not priced until Cost > Update Prices reads it from the AWS Compute Savings Plans";
    QTest::newRow("azure reserved before a refresh")
        << fleet("azure", "Standard_B2s", "reserved-1y") << false << 30.37 << "Standard_B2s"
        << "no 1-year reserved price for Standard_B2s in its catalog yet"; // 730 x 0.0416
}

// The commitment rates a refresh fills in price savings plans, reservations and spot for EC2,
// Fargate and Azure VMs; before it, the same choices stay on demand with a note.
void TestCostModel::commitmentsFromRefreshedLists()
{
    QFETCH(CostOption, option);
    QFETCH(bool, refreshed);
    QFETCH(double, total);
    QFETCH(QString, priceId);
    QFETCH(QString, note);
    const PricingCatalogs catalogs = refreshed ? refreshedCommitments() : shipped();
    QVERIFY(catalogs.errors().isEmpty());
    const CostEngine engine(Workload::single(0, 100, 1024, "x86_64", false), catalogs);
    const CostResult r = engine.evaluate(option, 0);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.total(), total);
    const bool priced = std::any_of(r.items.begin(), r.items.end(), [&](const LineItem &i) {
        return i.priceId == priceId && !i.source.isEmpty() && !i.effective.isEmpty();
    });
    QVERIFY2(priced, qPrintable(priceId));
    const QString notes = r.notes.join(' ');
    if (refreshed)
        QVERIFY2(!notes.contains("on demand"), qPrintable(notes));
    QVERIFY2(notes.contains(note), qPrintable(notes));
}

// Issue 22 item 9: a bus's events, its archive and replays, and filters lowering invocations.

namespace {

// Requests of the single function's workload, each putting one event on the bus.
constexpr double kBusVolume = 1e6;
constexpr double kKbPerGb = 1024.0 * 1024.0;

Workload withBus(double itemKb, bool archive, double retentionDays, double archiveRate, double replayGb)
{
    Workload w = withService(u"bus"_s, QString(), 1, 0, itemKb, 0);
    ServiceLoad &bus = w.services.back();
    bus.archive = archive;
    bus.archiveRetentionDays = retentionDays;
    bus.replayGb = replayGb;
    if (archiveRate >= 0) {
        FilterLoad pattern{kInvalidNodeId, bus.name, FilterLoad::Kind::Archive, u"{\"source\": [\"shop\"]}"_s};
        pattern.matchRate = archiveRate;
        pattern.assumed = false;
        w.filters.push_back(pattern);
    }
    return w;
}

// Invocations a month of a function of the design at `volume`.
double invocations(const Workload &w, const QString &function, double volume)
{
    return w.function(function)->monthlyInvocations(volume);
}

double requestsOf(const Workload &w, const QString &service, double volume)
{
    const ServiceLoad *s = w.service(service);
    return (s->writesPerRequest + s->readsPerRequest) * volume + s->writesFixed + s->readsFixed;
}

} // namespace

void TestCostModel::busEventsIn64KbChunks_data()
{
    QTest::addColumn<double>("itemKb");
    QTest::addColumn<double>("events"); // billed, in 64 KB chunks
    QTest::addColumn<double>("cost");
    QTest::newRow("1 KB") << 1.0 << 1e6 << 1.00;
    QTest::newRow("64 KB") << 64.0 << 1e6 << 1.00;
    QTest::newRow("65 KB") << 65.0 << 2e6 << 2.00;
    QTest::newRow("256 KB: four events") << 256.0 << 4e6 << 4.00;
}

void TestCostModel::busEventsIn64KbChunks()
{
    QFETCH(double, itemKb);
    QFETCH(double, events);
    QFETCH(double, cost);
    const CostEngine engine(withBus(itemKb, false, -1, -1, 0), shipped());
    const CostResult r = engine.evaluate(lambda(false), kBusVolume);
    QVERIFY(r.ok());
    QCOMPARE(lineOf(r, u"bus.events"_s).second, events);
    QCOMPARE(lineOf(r, u"bus.events"_s).first, cost);
    // No archive: nothing archived, stored or replayed.
    for (const char *id : {"bus.archive.processing", "bus.archive.storage", "bus.replays"})
        QCOMPARE(lineOf(r, QString::fromLatin1(id)).second, 0.0);
    QVERIFY(r.notes.join(u' ').contains(u"not for matching them against rules"_s));
    // Where the provider has no such price, the estimate says so.
    CostOption azure = lambda(false);
    azure.provider = u"azure"_s;
    const CostResult elsewhere = engine.evaluate(azure, kBusVolume);
    QVERIFY(elsewhere.notes.join(u' ').contains(u"no bus.events price"_s));
}

// Expected by hand: GB of 2^30 bytes, a month of 365/12 days, $0.10 per GB archived,
// $0.023 per GB-month stored, replayed events at $1.00 per million 64 KB chunks.
void TestCostModel::archiveAndReplay_data()
{
    QTest::addColumn<double>("itemKb");
    QTest::addColumn<bool>("archive");
    QTest::addColumn<double>("retentionDays"); // -1: indefinitely
    QTest::addColumn<double>("archiveRate"); // -1: no archive pattern
    QTest::addColumn<double>("replayGb");
    QTest::addColumn<double>("archivedGb");
    QTest::addColumn<double>("storedGbMonths");
    QTest::addColumn<double>("replayedEvents");
    QTest::addColumn<double>("archiveCost"); // processing and storage, rounded lines

    const double gb64 = kBusVolume * 64 / kKbPerGb; // 61.03515625
    QTest::newRow("64 KB kept a year") << 64.0 << true << 365.0 << -1.0 << 0.0 << gb64 << gb64 * 12 << 0.0
                                       << 6.10 + 16.85;
    QTest::newRow("8 KB kept indefinitely: a year's worth")
        << 8.0 << true << -1.0 << -1.0 << 0.0 << gb64 / 8 << gb64 / 8 * Workload::kIndefiniteArchiveMonths << 0.0
        << 0.76 + 2.11;
    QTest::newRow("pattern matches 10 %, kept 30 days")
        << 64.0 << true << 30.0 << 0.1 << 0.0 << gb64 / 10 << gb64 / 10 * 30 * 12 / 365 << 0.0 << 0.61 + 0.14;
    QTest::newRow("2 GB of 100 KB events replayed")
        << 100.0 << true << 365.0 << -1.0 << 2.0 << kBusVolume * 100 / kKbPerGb << kBusVolume * 100 / kKbPerGb * 12
        << 2 * kKbPerGb / 100 * 2 << 9.54 + 26.32;
    QTest::newRow("no archive: no replay") << 64.0 << false << 365.0 << -1.0 << 5.0 << 0.0 << 0.0 << 0.0 << 0.0;
}

void TestCostModel::archiveAndReplay()
{
    QFETCH(double, itemKb);
    QFETCH(bool, archive);
    QFETCH(double, retentionDays);
    QFETCH(double, archiveRate);
    QFETCH(double, replayGb);
    QFETCH(double, archivedGb);
    QFETCH(double, storedGbMonths);
    QFETCH(double, replayedEvents);
    QFETCH(double, archiveCost);
    const CostEngine engine(withBus(itemKb, archive, retentionDays, archiveRate, replayGb), shipped());
    const CostResult r = engine.evaluate(lambda(false), kBusVolume);
    QVERIFY(r.ok());
    const auto processing = lineOf(r, u"bus.archive.processing"_s);
    const auto storage = lineOf(r, u"bus.archive.storage"_s);
    const auto replays = lineOf(r, u"bus.replays"_s);
    QVERIFY2(qFuzzyCompare(1 + processing.second, 1 + archivedGb), qPrintable(QString::number(processing.second)));
    QVERIFY2(qFuzzyCompare(1 + storage.second, 1 + storedGbMonths), qPrintable(QString::number(storage.second)));
    QVERIFY2(qFuzzyCompare(1 + replays.second, 1 + replayedEvents), qPrintable(QString::number(replays.second)));
    QCOMPARE(processing.first + storage.first, archiveCost);
    // Replays are not events put on the bus: the published events alone are.
    QCOMPARE(lineOf(r, u"bus.events"_s).second, kBusVolume * std::max(1.0, std::ceil(itemKb / 64)));
    const QString notes = r.notes.join(u' ');
    if (!archive)
        QVERIFY2(notes.contains(u"no archive to replay from"_s), qPrintable(notes));
    else if (retentionDays < 0)
        QVERIFY2(notes.contains(u"kept indefinitely"_s), qPrintable(notes));
    else
        QVERIFY2(notes.contains(u"at steady state"_s), qPrintable(notes));
    // Every line names its source.
    for (const LineItem &item : r.items)
        if (item.priceId.startsWith(u"bus."_s))
            QVERIFY2(item.source.contains(u"http"_s) || item.source.contains(u"infracost"_s), qPrintable(item.source));
}

void TestCostModel::filteredTriggersLowerInvocations_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("criteria");
    QTest::addColumn<double>("matchRate"); // -1: not set
    QTest::addColumn<double>("share"); // of the events that reach the function

    const QString body = u"{\"body\": {\"total\": [{\"numeric\": [\">\", 100]}]}}"_s;
    QTest::newRow("queue, no filter") << u"queue"_s << QString() << -1.0 << 1.0;
    QTest::newRow("queue, filter, rate not set: every message") << u"queue"_s << body << -1.0 << 1.0;
    QTest::newRow("queue, filter matching 10 %") << u"queue"_s << body << 0.1 << 0.1;
    QTest::newRow("table stream, filter matching 10 %")
        << u"table"_s << u"{\"eventName\": [\"INSERT\"]}"_s << 0.1 << 0.1;
    QTest::newRow("bucket, filter matching 25 %") << u"bucket"_s << u"{\"suffix\": [\".jpg\"]}"_s << 0.25 << 0.25;
}

void TestCostModel::filteredTriggersLowerInvocations()
{
    QFETCH(QString, kind);
    QFETCH(QString, criteria);
    QFETCH(double, matchRate);
    QFETCH(double, share);
    // Messages arrive from outside the design (the source is the entry point) and each
    // runs the function alone (batches of one).
    const QJsonArray nodes{
        QJsonArray{u"source"_s, kind, QJsonObject{{u"filterCriteria"_s, criteria}, {u"batchSize"_s, 1}}},
        QJsonArray{u"handler"_s, u"function"_s, QJsonObject{}}};
    Project project(Catalog::builtin());
    QVERIFY(NimbusTest::fillProject(project, nodes,
                                    QJsonArray{QJsonValue(QJsonArray{u"source"_s, u"handler"_s, u"invokes"_s})}));
    Workload w = Workload::fromArchitecture(project.catalog(), project.architecture());
    QCOMPARE(w.filter(u"source"_s) != nullptr, !criteria.isEmpty());
    const double unfiltered = requestsOf(w, u"source"_s, kBusVolume);
    if (matchRate >= 0) {
        w.filter(u"source"_s)->matchRate = matchRate;
        w.filter(u"source"_s)->assumed = false;
        w.distribute(project.catalog(), project.architecture());
    }
    QCOMPARE(invocations(w, u"handler"_s, kBusVolume), kBusVolume * share);
    // The source still bills every message, read or write.
    QCOMPARE(requestsOf(w, u"source"_s, kBusVolume), unfiltered);
    if (kind == "queue"_L1)
        QCOMPARE(unfiltered, 3 * kBusVolume); // each sent, received and deleted

    const CostResult r = CostEngine(w, shipped()).evaluate(lambda(false), kBusVolume);
    QCOMPARE(lineOf(r, u"function.requests"_s).second, kBusVolume * share);
    const QString notes = r.notes.join(u' ');
    if (criteria.isEmpty())
        QVERIFY2(!notes.contains(u"filter criteria"_s), qPrintable(notes));
    else
        QVERIFY2(notes.contains(u"source's filter criteria pass %1"_s.arg(share == 1 ? u"100 %"_s : u""_s))
                     && notes.contains(matchRate < 0 ? u"assumed: every event matches"_s
                                                     : u"the match rate set in the workload"_s),
                 qPrintable(notes));
}

// A function publishes each request's event on a bus; a rule passes the matching ones to
// a function and a queue; the bus keeps an archive, from which 1 GB a month is replayed.
void TestCostModel::rulePatternMatchRate_data()
{
    QTest::addColumn<double>("matchRate"); // -1: not set
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<double>("replayGb");
    QTest::addColumn<double>("share");

    QTest::newRow("not set: every event") << -1.0 << true << 0.0 << 1.0;
    QTest::newRow("a quarter match") << 0.25 << true << 0.0 << 0.25;
    QTest::newRow("a tenth match, 1 GB replayed") << 0.1 << true << 1.0 << 0.1;
    QTest::newRow("disabled") << 0.25 << false << 0.0 << 0.0;
}

void TestCostModel::rulePatternMatchRate()
{
    QFETCH(double, matchRate);
    QFETCH(bool, enabled);
    QFETCH(double, replayGb);
    QFETCH(double, share);
    const QString pattern = u"{\"detail\": {\"total\": [{\"numeric\": [\">\", 100]}]}}"_s;
    const QJsonArray nodes{QJsonArray{u"api"_s, u"http-route"_s, QJsonObject{}},
                           QJsonArray{u"publisher"_s, u"function"_s, QJsonObject{}},
                           QJsonArray{u"orders"_s, u"event-bus"_s,
                                      QJsonObject{{u"archive"_s, true}, {u"archiveRetention"_s, QJsonValue()}}},
                           QJsonArray{u"big"_s, u"rule"_s, QJsonObject{{u"pattern"_s, pattern}}},
                           QJsonArray{u"reviewer"_s, u"function"_s, QJsonObject{}},
                           QJsonArray{u"review"_s, u"queue"_s, QJsonObject{}}};
    const QJsonArray edges{
        QJsonArray{u"api"_s, u"publisher"_s, u"invokes"_s}, QJsonArray{u"publisher"_s, u"orders"_s, u"publishes"_s},
        QJsonArray{u"orders"_s, u"big"_s, u"routes"_s}, QJsonArray{u"big"_s, u"reviewer"_s, u"targets"_s},
        QJsonArray{u"big"_s, u"review"_s, u"targets"_s}};
    Project project(Catalog::builtin());
    QVERIFY(NimbusTest::fillProject(project, nodes, edges));
    QVERIFY(project.setNodeProperty(project.architecture().nodeByName(u"big"_s)->id, u"enabled"_s, enabled));
    Workload w = Workload::fromArchitecture(project.catalog(), project.architecture());
    FilterLoad *rule = w.filter(u"big"_s);
    QVERIFY(rule);
    QVERIFY(rule->kind == FilterLoad::Kind::Rule);
    if (matchRate >= 0) {
        rule->matchRate = matchRate;
        rule->assumed = false;
    }
    w.service(u"orders"_s)->replayGb = replayGb;
    w.distribute(project.catalog(), project.architecture());
    // Replayed events (1 KB each) reach the rule again.
    const double offered = kBusVolume + replayGb * kKbPerGb;
    QCOMPARE(rule->monthlyOffered(kBusVolume), offered);
    QCOMPARE(invocations(w, u"reviewer"_s, kBusVolume), offered * share);
    QCOMPARE(requestsOf(w, u"review"_s, kBusVolume), offered * share);
    QCOMPARE(invocations(w, u"publisher"_s, kBusVolume), kBusVolume);

    const CostResult r = CostEngine(w, shipped()).evaluate(lambda(false), kBusVolume);
    // The bus bills what is put on it, matched or not; replays apart.
    QCOMPARE(lineOf(r, u"bus.events"_s).second, kBusVolume);
    QCOMPARE(lineOf(r, u"bus.replays"_s).second, replayGb * kKbPerGb);
    const QString notes = r.notes.join(u' ');
    if (!enabled)
        QVERIFY2(notes.contains(u"Rule big is disabled"_s), qPrintable(notes));
    else if (matchRate < 0)
        QVERIFY2(notes.contains(u"Rule big matches 100 %"_s) && notes.contains(u"assumed: every event matches"_s),
                 qPrintable(notes));
    else
        QVERIFY2(notes.contains(u"Rule big matches %1 %"_s.arg(QLocale().toString(matchRate * 100))),
                 qPrintable(notes));
}

void TestCostModel::eventInputsInScenarios()
{
    Project project(Catalog::builtin());
    QVERIFY(NimbusTest::loadExample(project));
    Workload w = Workload::fromArchitecture(project.catalog(), project.architecture());
    QVERIFY(w.filter(u"big-orders"_s));
    QVERIFY(w.filter(u"big-orders"_s)->assumed);
    // Rates not set stay out of the scenario.
    QVERIFY(!w.toJson().contains(u"filters"_s));
    w.filter(u"big-orders"_s)->matchRate = 0.2;
    w.filter(u"big-orders"_s)->assumed = false;
    w.service(u"shop-events"_s)->replayGb = 3;
    Workload copy = Workload::fromArchitecture(project.catalog(), project.architecture());
    const Result<void> applied = copy.applyJson(w.toJson());
    QVERIFY2(applied, qPrintable(applied.errorMessage()));
    QCOMPARE(copy.filter(u"big-orders"_s)->matchRate, 0.2);
    QVERIFY(!copy.filter(u"big-orders"_s)->assumed);
    QCOMPARE(copy.service(u"shop-events"_s)->replayGb, 3.0);
    const Result<void> tooMuch = copy.applyJson(
        QJsonObject{{"filters", QJsonObject{{"big-orders", QJsonObject{{"matchRate", 1.5}}}}}});
    QVERIFY(!tooMuch);
    QVERIFY(tooMuch.errorMessage().contains(u"filters.big-orders.matchRate"_s));
    const Result<void> unknown = copy.applyJson(
        QJsonObject{{"filters", QJsonObject{{"nope", QJsonObject{{"matchRate", 0.5}}}}}});
    QVERIFY(!unknown);
    QVERIFY(unknown.errorMessage().contains(u"filters.nope"_s));
}

namespace {

// A route that starts the machine flow (its definition pending, not on disk), which
// invokes work: the whole volume goes through flow.
void workflowDesign(const QString &type, Architecture &design)
{
    std::map<NodeId, Node> nodes;
    auto add = [&](const QString &kind, const QString &name, const QJsonObject &properties) {
        Node n;
        n.id = NodeId(nodes.size() + 1);
        n.kind = kind;
        n.name = name;
        n.properties = properties;
        nodes.emplace(n.id, n);
        return n.id;
    };
    const NodeId route = add(u"http-route"_s, u"start"_s, {{u"method"_s, u"POST"_s}, {u"path"_s, u"/start"_s}});
    const NodeId flow = add(u"state-machine"_s, u"flow"_s,
                            {{u"type"_s, type}, {u"definition"_s, u"workflows/flow.asl.json"_s}});
    const NodeId work = add(u"function"_s, u"work"_s, {{u"memory"_s, 128}});
    std::map<EdgeId, Edge> edges;
    for (const auto &[from, to, edgeType] : {std::tuple{route, flow, "starts"}, std::tuple{flow, work, "invokes"}}) {
        Edge e;
        e.id = EdgeId(edges.size() + 1);
        e.from = from;
        e.to = to;
        e.type = QString::fromLatin1(edgeType);
        edges.emplace(e.id, e);
    }
    design.reset(nodes, edges);
}

const QByteArray kLinear = R"({"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${work}", "Next": "B"},
    "B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Wait", "Seconds": 1, "Next": "D"}, "D": {"Type": "Succeed"}}})";

} // namespace

void TestCostModel::workflowTransitions_data()
{
    QTest::addColumn<QByteArray>("definition");
    QTest::addColumn<double>("mapItems");
    QTest::addColumn<double>("transitions");
    QTest::addColumn<double>("workInvocations"); // per execution

    QTest::newRow("Task, Pass, Wait, Succeed") << kLinear << 10.0 << 4.0 << 1.0;
    QTest::newRow("Choice takes its Default")
        << QByteArray(R"({"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.x",
            "BooleanEquals": true, "Next": "Work"}], "Default": "Done"}, "Work": {"Type": "Task",
            "Resource": "${work}", "Next": "Done"}, "Done": {"Type": "Succeed"}}})")
        << 10.0 << 2.0 << 0.0;
    QTest::newRow("Choice without Default takes its first rule")
        << QByteArray(R"({"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.x",
            "BooleanEquals": true, "Next": "Work"}]}, "Work": {"Type": "Task", "Resource": "${work}",
            "Next": "Done"}, "Done": {"Type": "Succeed"}}})")
        << 10.0 << 3.0 << 1.0;
    QTest::newRow("Parallel counts every branch")
        << QByteArray(R"({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "W1", "States": {"W1": {"Type": "Task", "Resource": "${work}", "End": true}}},
            {"StartAt": "W2", "States": {"W2": {"Type": "Task", "Resource": "${work}", "Next": "X"},
             "X": {"Type": "Pass", "End": true}}}]}}})")
        << 10.0 << 4.0 << 2.0;
    for (const double items : {10.0, 3.0})
        QTest::addRow("Map of %g items", items)
            << QByteArray(R"({"StartAt": "M", "States": {"M": {"Type": "Map", "Next": "Done", "ItemProcessor": {
                "StartAt": "W", "States": {"W": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "${work}"}, "Next": "Y"}, "Y": {"Type": "Pass", "End": true}}}},
                "Done": {"Type": "Succeed"}}})")
            << items << 2 + 2 * items << items;
    QTest::newRow("a loop is followed once")
        << QByteArray(R"({"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${work}", "Next": "B"},
            "B": {"Type": "Choice", "Choices": [{"Variable": "$.again", "BooleanEquals": true, "Next": "A"}]}}})")
        << 10.0 << 2.0 << 1.0;
}

void TestCostModel::workflowTransitions()
{
    QFETCH(QByteArray, definition);
    QFETCH(double, mapItems);
    QFETCH(double, transitions);
    QFETCH(double, workInvocations);
    Architecture design;
    workflowDesign(u"STANDARD"_s, design);
    Workload w = Workload::fromArchitecture(Catalog::builtin(), design, {},
                                            {{u"workflows/flow.asl.json"_s, definition}});
    QVERIFY2(w.workflow(u"flow"_s)->definitionError.isEmpty(), qPrintable(w.workflow(u"flow"_s)->definitionError));
    QVERIFY(w.applyJson({{u"workflows"_s, QJsonObject{{u"flow"_s, QJsonObject{{u"mapItems"_s, mapItems}}}}}}));
    w.distribute(Catalog::builtin(), design);
    QCOMPARE(w.workflow(u"flow"_s)->transitions, transitions);
    QCOMPARE(w.workflow(u"flow"_s)->monthlyExecutions(1e6), 1e6);
    QCOMPARE(w.function(u"work"_s)->monthlyInvocations(1e6), 1e6 * workInvocations);
}

void TestCostModel::workflowBills_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<double>("volume"); // executions a month
    QTest::addColumn<int>("measuredTransitions"); // 0: from the definition (4)
    QTest::addColumn<int>("measuredMs"); // 0: assumed
    QTest::addColumn<QStringList>("lines"); // "price id: amount"

    // 1,000 x 4 = 4,000 transitions: all free.
    QTest::newRow("Standard within the free tier") << u"STANDARD"_s << 1000.0 << 0 << 0 << QStringList();
    // 100,000 x 4 = 400,000; 396,000 beyond the free 4,000 at $0.025 per 1,000 = $9.90.
    QTest::newRow("Standard beyond the free tier")
        << u"STANDARD"_s << 1e5 << 0 << 0 << QStringList{u"workflow.transitions: 9.90"_s};
    // Measured: 7 a run, 700,000 - 4,000 = 696,000 -> $17.40.
    QTest::newRow("measured transitions")
        << u"STANDARD"_s << 1e5 << 7 << 0 << QStringList{u"workflow.transitions: 17.40"_s};
    // 1 M requests at $1.00 per million; 1,250 ms measured -> 1,300 ms x 64 MB = 0.08125
    // GB-s each, 81,250 GB-s at $0.00001667 = $1.35.
    QTest::newRow("Express requests and duration")
        << u"EXPRESS"_s << 1e6 << 0 << 1250
        << QStringList{u"workflow.express.requests: 1.00"_s, u"workflow.express.duration: 1.35"_s};
    // Assumed: work's 100 ms + the 1 s Wait = 1,100 ms -> 0.06875 GB-s, 68,750 GB-s = $1.15.
    QTest::newRow("Express duration assumed from the path")
        << u"EXPRESS"_s << 1e6 << 0 << 0
        << QStringList{u"workflow.express.requests: 1.00"_s, u"workflow.express.duration: 1.15"_s};
    // 100 M executions of 1,300 ms: 8,125,000 GB-s over the first tier (3,600,000 GB-s).
    QTest::newRow("Express duration tiers")
        << u"EXPRESS"_s << 1e8 << 0 << 1250
        << QStringList{u"workflow.express.requests: 100.00"_s, u"workflow.express.duration: 60.01"_s,
                       u"workflow.express.duration: 37.69"_s};
}

void TestCostModel::workflowBills()
{
    QFETCH(QString, type);
    QFETCH(double, volume);
    QFETCH(int, measuredTransitions);
    QFETCH(int, measuredMs);
    QFETCH(QStringList, lines);
    Architecture design;
    workflowDesign(type, design);
    Workload w = Workload::fromArchitecture(Catalog::builtin(), design, {}, {{u"workflows/flow.asl.json"_s, kLinear}});
    if (measuredTransitions > 0 || measuredMs > 0) {
        ExecutionRecord run;
        run.machine = u"flow"_s;
        run.status = u"SUCCEEDED"_s;
        run.transitions = measuredTransitions > 0 ? measuredTransitions : 4;
        run.started = QDateTime::fromMSecsSinceEpoch(0);
        run.stopped = QDateTime::fromMSecsSinceEpoch(measuredMs > 0 ? measuredMs : 1100);
        ExecutionRecord running = run;
        running.status = u"RUNNING"_s;
        running.transitions = 1000; // not finished: not counted
        QCOMPARE(w.useMeasuredExecutions([&](const QString &) { return QList<ExecutionRecord>{run, running}; }), 1);
    }
    const CostEngine engine(w, shipped());
    const CostResult r = engine.evaluate(lambda(true), volume);
    QStringList found;
    for (const LineItem &item : r.items)
        if (item.priceId.startsWith(u"workflow."_s)) {
            found.append(item.priceId + u": "_s + QString::number(item.cost(), 'f', 2));
            QVERIFY(!item.source.isEmpty());
            QVERIFY(!item.effective.isEmpty());
        }
    // A transition line within the free tier costs nothing and is still shown.
    found.removeAll(u"workflow.transitions: 0.00"_s);
    QCOMPARE(found, lines);
    QVERIFY(r.notes.join(u'\n').contains(u"State machine flow"_s));
}

// A function a machine invokes runs once per execution for each time its Task is entered
// along the likely path; the cost report lists the machine's assumption.
void TestCostModel::workflowInvokesFunctions()
{
    Architecture design;
    workflowDesign(u"STANDARD"_s, design);
    Workload w = Workload::fromArchitecture(Catalog::builtin(), design, {}, {});
    // No folder to read the definition from: each connection counts once, and the note says why.
    QVERIFY(!w.workflow(u"flow"_s)->definitionError.isEmpty());
    QCOMPARE(w.function(u"work"_s)->monthlyInvocations(2e5), 2e5);
    const CostEngine engine(w, shipped());
    const CostResult r = engine.evaluate(lambda(true), 2e5);
    QVERIFY2(r.notes.join(u'\n').contains(u"its definition cannot be read"_s), qPrintable(r.notes.join(u'\n')));
}

// A state folder can come with a stranger's project: a state.sqlite whose executions are a
// view over a query that never ends, or that holds a trigger, is refused at once rather than
// read (nimbus cost and the cost view would spin on it).
void TestCostModel::hostileLocalStateIsRefused_data()
{
    QTest::addColumn<QString>("schema"); // one statement a line
    QTest::newRow("endless view") << u"CREATE VIEW executions AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                     "SELECT x + 1 FROM c) SELECT 'a' AS arn, 'flow' AS machine, 'STANDARD' AS type, "
                                     "'SUCCEEDED' AS status, x AS started, x AS stopped, 1 AS transitions FROM c"_s;
    QTest::newRow("trigger") << u"CREATE TABLE executions(arn, machine, type, status, started, stopped, transitions)\n"
                                "CREATE TABLE t(x)\nCREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; END"_s;
}

void TestCostModel::hostileLocalStateIsRefused()
{
    QFETCH(QString, schema);
    QTemporaryDir project;
    const QString stateDirectory = Workload::localStateDirectory(project.path());
    QVERIFY(QDir().mkpath(stateDirectory));
    {
        Database db;
        QVERIFY(db.open(stateDirectory + u"/state.sqlite"_s, Database::Mode::Create));
        for (const QString &statement : schema.split(u'\n'))
            QVERIFY(db.exec(statement));
    }
    Architecture design;
    workflowDesign(u"STANDARD"_s, design);
    Workload w = Workload::fromArchitecture(Catalog::builtin(), design, {}, {{u"workflows/flow.asl.json"_s, kLinear}});
    const Result<int> used = w.useLocalExecutions(stateDirectory);
    QVERIFY(!used);
    QVERIFY2(used.errorMessage().contains(u"views or triggers"_s), qPrintable(used.errorMessage()));
    QCOMPARE(w.workflow(u"flow"_s)->transitionsOrigin(), u"estimated from the definition"_s);
}

void TestCostModel::workflowTransitionsFromLocalState_data()
{
    QTest::addColumn<QList<int>>("finished"); // transitions of each finished execution kept
    QTest::addColumn<bool>("running"); // one more, still running (not counted)
    QTest::addColumn<bool>("cloudOpen"); // read while the local cloud has its state open
    QTest::addColumn<double>("typed"); // transitions typed in; -1: none
    QTest::addColumn<double>("transitions");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("cost"); // of 100,000 executions, 4,000 transitions free

    QTest::newRow("no executions: the definition's")
        << QList<int>() << false << false << -1.0 << 4.0 << u"estimated from the definition"_s << u"9.90"_s;
    // (5 + 6 + 7) / 3 = 6: 600,000 - 4,000 free at $0.025 per 1,000.
    QTest::newRow("mean of three executions") << QList<int>{5, 6, 7} << false << false << -1.0 << 6.0
                                              << u"measured over 3 local execution(s)"_s << u"14.90"_s;
    QTest::newRow("read while the cloud runs")
        << QList<int>{5, 6, 7} << false << true << -1.0 << 6.0 << u"measured over 3 local execution(s)"_s << u"14.90"_s;
    QTest::newRow("a running execution is not counted")
        << QList<int>{8} << true << false << -1.0 << 8.0 << u"measured over 1 local execution(s)"_s << u"19.90"_s;
    QTest::newRow("only running: the definition's")
        << QList<int>() << true << false << -1.0 << 4.0 << u"estimated from the definition"_s << u"9.90"_s;
    QTest::newRow("typed in over measured")
        << QList<int>{5, 6, 7} << false << false << 10.0 << 10.0 << u"typed in"_s << u"24.90"_s;
    QTest::newRow("typed in over the definition")
        << QList<int>() << false << false << 2.0 << 2.0 << u"typed in"_s << u"4.90"_s;
}

void TestCostModel::workflowTransitionsFromLocalState()
{
    QFETCH(QList<int>, finished);
    QFETCH(bool, running);
    QFETCH(bool, cloudOpen);
    QFETCH(double, typed);
    QFETCH(double, transitions);
    QFETCH(QString, origin);
    QFETCH(QString, cost);
    QTemporaryDir project;
    const QString stateDirectory = Workload::localStateDirectory(project.path());
    QCOMPARE(stateDirectory, project.filePath(u".nimbus-cloud"_s));
    ManualClock clock;
    auto state = std::make_unique<CloudState>(clock);
    if (!finished.isEmpty() || running) {
        QVERIFY(state->open(stateDirectory));
        int n = 0;
        auto save = [&](const QString &status, int count) {
            ExecutionRecord e;
            e.arn = u"arn:aws:states:us-east-1:123456789012:execution:flow:run%1"_s.arg(++n);
            e.name = u"run%1"_s.arg(n);
            e.machine = u"flow"_s;
            e.machineArn = u"arn:aws:states:us-east-1:123456789012:stateMachine:flow"_s;
            e.type = u"STANDARD"_s;
            e.status = status;
            e.input = QJsonObject();
            e.started = clock.now().addSecs(n);
            if (status != "RUNNING"_L1)
                e.stopped = e.started.addMSecs(250);
            e.transitions = count;
            QVERIFY(state->saveExecution(e));
        };
        for (int count : finished)
            save(u"SUCCEEDED"_s, count);
        if (running)
            save(u"RUNNING"_s, 1000);
        // Another machine's executions are not this one's.
        ExecutionRecord other;
        other.arn = u"arn:other"_s;
        other.name = other.machine = other.machineArn = u"other"_s;
        other.type = u"STANDARD"_s;
        other.input = QJsonObject();
        other.status = u"SUCCEEDED"_s;
        other.transitions = 99;
        other.started = other.stopped = clock.now();
        QVERIFY(state->saveExecution(other));
    }
    if (!cloudOpen)
        state.reset();

    Architecture design;
    workflowDesign(u"STANDARD"_s, design);
    Workload w = Workload::fromArchitecture(Catalog::builtin(), design, {}, {{u"workflows/flow.asl.json"_s, kLinear}});
    const Result<int> used = w.useLocalExecutions(stateDirectory);
    QVERIFY2(used, qPrintable(used.errorMessage()));
    QCOMPARE(*used, finished.isEmpty() ? 0 : 1);
    QVERIFY(!w.measured); // the functions' measured figures stay off
    w.workflow(u"flow"_s)->typedTransitions = typed;
    QCOMPARE(w.workflow(u"flow"_s)->transitionsPerExecution(), transitions);
    QCOMPARE(w.workflow(u"flow"_s)->transitionsOrigin(), origin);

    const CostEngine engine(w, shipped());
    const CostReport report = CostReport::make(engine, {lambda(true)}, 1e5, -1, -1);
    const CostResult &r = report.results.front();
    QString billed;
    for (const LineItem &item : r.items)
        if (item.priceId == "workflow.transitions"_L1)
            billed = QString::number(item.cost(), 'f', 2);
    QCOMPARE(billed, cost);
    const QString notes = r.notes.join(u'\n');
    QVERIFY2(notes.contains(u"State machine flow (Standard): 100,000 executions a month, %1 transitions per "
                            "execution, %2"_s.arg(transitions)
                                .arg(origin)),
             qPrintable(notes));
    const QString assumptions = report.assumptions().join(u'\n');
    QVERIFY2(assumptions.contains(u"State machine flow (Standard): 100,000 executions a month, %1 transitions per "
                                  "execution (%2)."_s.arg(transitions)
                                      .arg(origin)),
             qPrintable(assumptions));
    QVERIFY(report.table().contains(origin));
}

// A scenario carries the typed transitions and duration; a negative one is refused by name.
void TestCostModel::workflowTypedInputsInScenarios()
{
    Architecture design;
    workflowDesign(u"EXPRESS"_s, design);
    Workload w = Workload::fromArchitecture(Catalog::builtin(), design, {}, {{u"workflows/flow.asl.json"_s, kLinear}});
    QVERIFY(w.applyJson(
        {{u"workflows"_s, QJsonObject{{u"flow"_s, QJsonObject{{u"transitions"_s, 12}, {u"durationMs"_s, 2450}}}}}}));
    QCOMPARE(w.workflow(u"flow"_s)->transitionsPerExecution(), 12.0);
    QCOMPARE(w.workflowDurationMs(*w.workflow(u"flow"_s)), 2450.0);
    Workload copy = Workload::fromArchitecture(Catalog::builtin(), design, {},
                                               {{u"workflows/flow.asl.json"_s, kLinear}});
    QVERIFY(copy.applyJson(w.toJson()));
    QCOMPARE(copy.workflow(u"flow"_s)->typedTransitions, 12.0);
    QCOMPARE(copy.workflow(u"flow"_s)->typedDurationMs, 2450.0);
    // 1 M executions of 2,500 ms x 64 MB = 156,250 GB-s at $0.00001667: $2.60.
    const CostResult r = CostEngine(copy, shipped()).evaluate(lambda(true), 1e6);
    QString billed;
    for (const LineItem &item : r.items)
        if (item.priceId == "workflow.express.duration"_L1)
            billed = QString::number(item.cost(), 'f', 2);
    QCOMPARE(billed, u"2.60"_s);
    QVERIFY2(r.notes.join(u'\n').contains(u"of 2,450 ms (typed in)"_s), qPrintable(r.notes.join(u'\n')));
    const Result<void> negative = copy.applyJson(
        {{u"workflows"_s, QJsonObject{{u"flow"_s, QJsonObject{{u"transitions"_s, -1}}}}}});
    QVERIFY(!negative);
    QVERIFY2(negative.errorMessage().contains(u"workflows.flow.transitions"_s), qPrintable(negative.errorMessage()));
}

namespace {

// A route proxied to a container of 1 vCPU and 2 GB; volume enters through the route.
Workload containerBehindRoute(int concurrency, int minInstances, int maxInstances)
{
    const QJsonArray nodes{QJsonArray{u"api"_s, u"http-route"_s, QJsonObject{}},
                           QJsonArray{u"web"_s, u"container"_s,
                                      QJsonObject{{u"cpu"_s, 1},
                                                  {u"memory"_s, 2048},
                                                  {u"concurrency"_s, concurrency},
                                                  {u"minInstances"_s, minInstances},
                                                  {u"maxInstances"_s, maxInstances}}}};
    Project project(Catalog::builtin());
    if (!NimbusTest::fillProject(project, nodes, QJsonArray{QJsonValue(QJsonArray{u"api"_s, u"web"_s, u"invokes"_s})}))
        return {};
    return Workload::fromArchitecture(project.catalog(), project.architecture());
}

} // namespace

// Instance-hours on Fargate's rates (resources/pricing/aws-us-east-1.json: $0.04048 per
// vCPU-hour, $0.004445 per GB-hour, wring-fargate), requests of 100 ms, a constant profile.
void TestCostModel::containerInstanceTime_data()
{
    QTest::addColumn<double>("volume");
    QTest::addColumn<int>("concurrency");
    QTest::addColumn<int>("minInstances");
    QTest::addColumn<int>("maxInstances");
    QTest::addColumn<double>("hours");
    QTest::addColumn<bool>("waits");
    QTest::newRow("idle, minimum 0: nothing") << 0.0 << 80 << 0 << 100 << 0.0 << false;
    QTest::newRow("idle, minimum 1: always on") << 0.0 << 80 << 1 << 100 << 730.0 << false;
    QTest::newRow("idle, minimum 3") << 0.0 << 80 << 3 << 100 << 3 * 730.0 << false;
    // 1M x 0.1 s = 100,000 request-seconds: one instance, in turn, 27.8 hours.
    QTest::newRow("light traffic, scales to zero") << 1e6 << 80 << 0 << 100 << 1e5 / 3600 << false;
    QTest::newRow("light traffic under the minimum") << 1e6 << 80 << 1 << 100 << 730.0 << false;
    // 1e9 x 0.1 s a month = 136,986 request-seconds an hour: 38 requests in flight.
    QTest::newRow("busy, within concurrency 80: one instance") << 1e9 << 80 << 0 << 100 << 730.0 << false;
    QTest::newRow("busy, concurrency 10: 3.8 instances") << 1e9 << 10 << 0 << 100 << 1e8 / 3600 / 10 << false;
    QTest::newRow("busy, concurrency 1: 38 instances") << 1e9 << 1 << 0 << 100 << 1e8 / 3600 << false;
    QTest::newRow("busy, concurrency 1, at most 10") << 1e9 << 1 << 0 << 10 << 7300.0 << true;
}

void TestCostModel::containerInstanceTime()
{
    QFETCH(double, volume);
    QFETCH(int, concurrency);
    QFETCH(int, minInstances);
    QFETCH(int, maxInstances);
    QFETCH(double, hours);
    QFETCH(bool, waits);
    const Workload w = containerBehindRoute(concurrency, minInstances, maxInstances);
    QCOMPARE(w.containers.size(), size_t(1));
    QCOMPARE(w.containers.front().monthlyRequests(volume), volume);
    const CostResult r = CostEngine(w, shipped()).evaluate(lambda(false), volume);
    QVERIFY(r.ok());
    const auto [vcpuCost, vcpuHours] = lineOf(r, u"containers.vcpu.x86_64"_s);
    const auto [memoryCost, gbHours] = lineOf(r, u"containers.memory.x86_64"_s);
    QCOMPARE(vcpuHours + 1, hours + 1); // 1 vCPU
    QCOMPARE(gbHours + 1, 2 * hours + 1); // 2 GB
    QCOMPARE(vcpuCost + memoryCost + 1,
             std::round(hours * 0.04048 * 100) / 100 + std::round(hours * 2 * 0.004445 * 100) / 100 + 1);
    double containers = 0;
    for (const LineItem &item : r.items)
        if (item.nodes == u"web"_s) {
            QCOMPARE(item.group, u"Containers"_s);
            QVERIFY2(item.source.contains(u"fargate"_s, Qt::CaseInsensitive), qPrintable(item.source));
            containers += item.cost();
        }
    QCOMPARE(containers + 1, vcpuCost + memoryCost + 1);
    QCOMPARE(r.perFunction.value(u"web"_s) > 0, hours > 0);
    const QString notes = r.notes.join(u' ');
    QVERIFY2(notes.contains(u"Container web: "_s), qPrintable(notes));
    QCOMPARE(notes.contains(u"requests beyond them wait"_s), waits);
}

// Requests reach a container from a route, a queue's deliveries (batches of one), a
// schedule and a rule; what it writes flows on to a table.
void TestCostModel::containerRequestsFromRoutesAndEvents()
{
    const QJsonArray nodes{QJsonArray{u"api"_s, u"http-route"_s, QJsonObject{}},
                           QJsonArray{u"jobs"_s, u"queue"_s, QJsonObject{{u"batchSize"_s, 1}}},
                           QJsonArray{u"tick"_s, u"schedule"_s, QJsonObject{{u"expression"_s, u"rate(1 hour)"_s}}},
                           QJsonArray{u"web"_s, u"container"_s, QJsonObject{}},
                           QJsonArray{u"orders"_s, u"table"_s, QJsonObject{}}};
    const QJsonArray edges{QJsonValue(QJsonArray{u"api"_s, u"web"_s, u"invokes"_s}),
                           QJsonValue(QJsonArray{u"jobs"_s, u"web"_s, u"invokes"_s}),
                           QJsonValue(QJsonArray{u"tick"_s, u"web"_s, u"invokes"_s}),
                           QJsonValue(QJsonArray{u"web"_s, u"orders"_s, u"writes"_s})};
    Project project(Catalog::builtin());
    QVERIFY(NimbusTest::fillProject(project, nodes, edges));
    Workload w = Workload::fromArchitecture(project.catalog(), project.architecture());
    const ContainerLoad *web = w.container(u"web"_s);
    QVERIFY(web);
    // Half the volume through the route, half sent to the queue from outside; 730 ticks.
    QCOMPARE(web->perRequest, 1.0);
    QCOMPARE(web->fixedMonthly, 730.0);
    QCOMPARE(web->memoryMb, 512);
    QCOMPARE(web->concurrency, 80);
    QCOMPARE(w.service(u"orders"_s)->writesPerRequest, 1.0);

    // A typed request duration comes through scenarios and doubles the instance time.
    const CostEngine before(w, shipped());
    const double hours = lineOf(before.evaluate(lambda(false), 1e6), u"containers.vcpu.x86_64"_s).second;
    QVERIFY(w.applyJson(QJsonObject{{u"containers"_s, QJsonObject{{u"web"_s, QJsonObject{{u"durationMs"_s, 200}}}}}}));
    QCOMPARE(w.toJson().value(u"containers"_s).toObject().value(u"web"_s).toObject().value(u"durationMs"_s).toDouble(),
             200.0);
    const CostResult after = CostEngine(w, shipped()).evaluate(lambda(false), 1e6);
    QCOMPARE(lineOf(after, u"containers.vcpu.x86_64"_s).second, 2 * hours);
    QVERIFY(after.notes.join(u' ').contains(u"200 ms (typed in)"_s));
    QVERIFY(!w.applyJson(QJsonObject{{u"containers"_s, QJsonObject{{u"nope"_s, QJsonObject{}}}}}));
    QVERIFY(!w.applyJson(QJsonObject{{u"containers"_s, QJsonObject{{u"web"_s, QJsonObject{{u"durationMs"_s, 0}}}}}}));
}

// Cloud Run bills vCPU-seconds, GiB-seconds and requests (its functions' rates, with their
// free tier); a price list without container prices says so instead of inventing one.
void TestCostModel::containerOnOtherProviders()
{
    const Workload w = containerBehindRoute(80, 1, 100);
    const CostEngine engine(w, shipped());
    CostOption gcp = lambda(false);
    gcp.provider = u"gcp"_s;
    const CostResult run = engine.evaluate(gcp, 0);
    QCOMPARE(lineOf(run, u"function.cpu"_s).second, 730.0 * 3600);
    QCOMPARE(lineOf(run, u"function.memory"_s).second, 730.0 * 3600 * 2);
    QCOMPARE(lineOf(run, u"function.cpu"_s).first, 63.07); // 2,628,000 vCPU-s x $0.000024
    QVERIFY(run.notes.join(u' ').contains(u"idle minimum instances are billed at the active rate"_s));
    QCOMPARE(lineOf(engine.evaluate(gcp, 1e6), u"function.requests"_s).second, 1e6);

    CostOption azure = lambda(false);
    azure.provider = u"azure"_s;
    const CostResult none = engine.evaluate(azure, 1e6);
    QVERIFY(none.ok());
    for (const LineItem &item : none.items)
        QVERIFY(item.nodes != u"web"_s);
    QVERIFY2(none.notes.join(u' ').contains(u"Container web is not priced on"_s), qPrintable(none.notes.join(u' ')));
}

#include "tst_costmodel.moc"
