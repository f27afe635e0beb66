// Prices from the providers' own public price lists: recorded excerpts of the AWS Price
// List Bulk API (offer index, region indexes, offer files) and of the Azure Retail Prices
// API (paged), served over https by a local server whose certificate a test CA signed.
//
// The excerpts (tests/unit/data/pricelists) follow the real files' structure. The AWS
// Lambda SKUs for us-east-1 of requests, requests on arm, duration (x86 and arm),
// provisioned concurrency and its duration are the real ones; the other SKUs, rate codes,
// meter ids and the arm provisioned rates are illustrative. The commitment excerpts (the
// Compute Savings Plans files under savingsPlan/, the EC2 reserved terms under commitments/,
// the Spot Instance Advisor data under spot/, the Azure spot, reservation and savings plan
// items) follow the real formats with made-up SKUs and rates, as their _nimbusTestNote says.
// The CSV excerpts under csv/ (EC2's offer file and the savings plan file as AWS also
// publishes them, index.csv) follow the real column layout with made-up SKUs and rates, as
// their _nimbusTestNote line and csv/README.md say.

#include "cost/costmodel.h"
#include "cost/pricelists.h"
#include "cost/pricelistupdate.h"
#include "cost/pricingcatalog.h"
#include "pricelistserver.h"
#include "testutil.h"

#include <QFutureWatcher>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QMutex>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QThread>
#include <QUrlQuery>
#include <QtTest>

using namespace Nimbus;

namespace {

const QString kData = QStringLiteral(NIMBUS_SOURCE_DIR "/tests/unit/data/pricelists");
const QString kLambdaOffer = QStringLiteral("/offers/v1.0/aws/AWSLambda/20261101000000/us-east-1/index.json");
const QString kEc2Offer = QStringLiteral("/offers/v1.0/aws/AmazonEC2/20261101000000/us-east-1/index.json");
const QString kPlanIndex = QStringLiteral("/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json");
const QString kPlanFile = QStringLiteral(
    "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20261101000000/us-east-1/index.json");
const QString kSpot = QStringLiteral("/spot/spot-advisor-data.json");
const QString kEc2Csv = QStringLiteral("/offers/v1.0/aws/AmazonEC2/20261101000000/us-east-1/index.csv");
const QString kEc2CsvExcerpt = QStringLiteral("/csv/AmazonEC2-us-east-1.csv");
// A cap far below the test's EC2 files, as AWS's gigabytes are far above the real one.
constexpr qint64 kSmallCap = 64 * 1024;

// The CSV excerpt followed by rows of made-up instance types no catalog has (Linux and
// RHEL), until the file is about `bytes` long.
QByteArray ec2CsvPadded(qint64 bytes)
{
    QByteArray csv = NimbusTest::readAll(kData + kEc2CsvExcerpt);
    const QByteArray row = csv.split('\n').value(7); // t3.micro on demand, the first data line
    for (int n = 0; csv.size() < bytes; ++n) {
        csv += QByteArray(row)
                   .replace("CSVTEST0000T3MIC", "PADTEST" + QByteArray::number(n).rightJustified(9, '0'))
                   .replace("t3.micro", "pad" + QByteArray::number(n) + ".large")
                   .replace("\"Linux\"", n % 2 ? "\"Linux\"" : "\"RHEL\"")
               + '\n';
    }
    return csv;
}

// The EC2 JSON offer file, over the cap as AWS's is over the real one.
QByteArray ec2JsonOverCap()
{
    return NimbusTest::readAll(kData + kEc2Offer) + QByteArray(2 * kSmallCap, ' ');
}

// The EC2 excerpt with the recorded reserved terms (commitments/ec2-reserved-terms.json) in it.
QByteArray ec2WithReserved()
{
    QJsonObject offer = QJsonDocument::fromJson(NimbusTest::readAll(kData + kEc2Offer)).object();
    QJsonObject terms = offer["terms"].toObject();
    terms["Reserved"] = QJsonDocument::fromJson(
        NimbusTest::readAll(kData + "/commitments/ec2-reserved-terms.json"))["Reserved"];
    offer["terms"] = terms;
    return QJsonDocument(offer).toJson();
}

const PriceChange *change(const ProviderPriceUpdate &u, const QString &id)
{
    for (const PriceChange &c : u.prices)
        if (c.id == id)
            return &c;
    return nullptr;
}

} // namespace

class TestPriceLists : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void tiersFromBands();
    void awsUpdatesEveryMappedPrice_data();
    void awsUpdatesEveryMappedPrice();
    void awsSummary();
    void installKeepsSkuDateAndSource();
    void malformedFileInstallsNothing_data();
    void malformedFileInstallsNothing();
    void changedSkuIsUnmapped();
    void largeOfferFileIsSkipped();
    void azureFollowsPages();
    void cancelLeavesCatalog();
    void commandLine_data();
    void commandLine();
    void awsCommitmentRates_data();
    void awsCommitmentRates();
    void everyCommitmentIsPriced_data();
    void everyCommitmentIsPriced();
    void commitmentSummary();
    void azureCommitmentRates_data();
    void azureCommitmentRates();
    void malformedCommitmentFileLosesNothing_data();
    void malformedCommitmentFileLosesNothing();
    void largeSavingsPlanFileIsSkipped();
    void installedCommitmentsPriceTheModel();
    void unpricedOnlyForCommitments();
    void csvLineSplitting();
    void ec2CsvOverTheCap();
    void malformedCsvInstallsNothing_data();
    void malformedCsvInstallsNothing();
    void streamStopsWhenCancelled();
    void cancelDuringCsvStream();
    void savingsPlanCsvOverTheCap();

private:
    Result<PriceListReport> check(const QString &providers, qint64 maxBytes = 0, bool commitments = false);
    // The offer index and the Azure prices only, as a mirror named by NIMBUS_AWS_PRICE_LIST_URL alone.
    PriceListUpdate::Sources sources() const
    {
        PriceListUpdate::Sources s;
        s.awsOfferIndex = QUrl(mServer.origin() + "/offers/v1.0/aws/index.json");
        s.azureRetailPrices = QUrl(mServer.origin() + "/api/retail/prices");
        return s;
    }
    // And the savings plans and spot data, as the providers' addresses are by default.
    PriceListUpdate::Sources commitmentSources() const
    {
        PriceListUpdate::Sources s = sources();
        s.awsSavingsPlans = QUrl(mServer.origin() + kPlanIndex);
        s.awsSpotAdvisor = QUrl(mServer.origin() + kSpot);
        return s;
    }
    // A check of the lists with every commitment rate (the EC2 excerpt with its reserved terms).
    Result<PriceListReport> checkCommitments(const QString &providers)
    {
        setOverride(kEc2Offer, ec2WithReserved());
        return check(providers, 0, true);
    }
    PricingUpdater::Limits limits() const
    {
        PricingUpdater::Limits l = PriceListUpdate::defaultLimits();
        l.caFile = mServer.caFile();
        l.timeoutMs = 20000;
        return l;
    }
    void setOverride(const QString &path, const QByteArray &body) { mServer.override(path, body); }

    NimbusTest::PriceListServer mServer;
    std::optional<PriceListReport> mAws, mCommitted;
};

void TestPriceLists::initTestCase()
{
    QVERIFY2(mServer.begin(), "openssl and a local https server are needed");
}

void TestPriceLists::init()
{
    mServer.clear();
}

Result<PriceListReport> TestPriceLists::check(const QString &providers, qint64 maxBytes, bool commitments)
{
    PricingUpdater::Limits l = limits();
    if (maxBytes > 0)
        l.maxBytes = maxBytes;
    QFuture<Result<PriceListReport>> future = PriceListUpdate::check(providers, PricingCatalogs::load({}),
                                                                     commitments ? commitmentSources() : sources(), l);
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 30000))
        return fail("no answer");
    if (future.resultCount() == 0)
        return fail("no result");
    return future.result();
}

// Bands of a list become the catalog's tiers; a band at price zero from 0 is the free allowance.
void TestPriceLists::tiersFromBands()
{
    auto rate = [](double from, double price) {
        ListedRate r;
        r.from = from;
        r.price = price;
        return r;
    };
    double free = -1;
    std::vector<PriceTier> tiers = PriceLists::tiers({rate(1e6, 4e-7), rate(0, 0), rate(1e11, 3e-7)}, &free);
    QCOMPARE(free, 1e6);
    QCOMPARE(int(tiers.size()), 2);
    QCOMPARE(tiers[0].upTo, 1e11);
    QCOMPARE(tiers[0].price, 4e-7);
    QCOMPARE(tiers[1].upTo, -1.0);
    tiers = PriceLists::tiers({rate(0, 2e-7)}, &free);
    QCOMPARE(free, 0.0);
    QCOMPARE(int(tiers.size()), 1);
}

void TestPriceLists::awsUpdatesEveryMappedPrice_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("changed");
    QTest::addColumn<QString>("effective");
    auto row = [](const char *id, const char *sku, const char *value, bool changed, const char *effective) {
        QTest::newRow(id) << id << sku << value << changed << effective;
    };
    row("function.requests", "GU2ZS9HVP6QTQ7KE", "0.2 per 1000000 requests, 1000000 free", false, "2026-10-01");
    row("function.compute.x86_64", "TG3M4CAGBA3NYQBH",
        "1.66667e-05 up to 6000000000 / 1.5e-05 up to 15000000000 / 1.33334e-05 per 1 GB-seconds, 400000 free", false,
        "2026-10-01");
    row("function.compute.arm64", "72SBSFWPMDTH8S3J",
        "1.33334e-05 up to 7500000000 / 1.20001e-05 up to 18750000000 / 1.06667e-05 per 1 GB-seconds, 400000 free",
        false, "2026-10-01");
    row("function.provisioned.x86_64", "BMKCD2ZCEYKTYYCB", "4.1667e-06 per 1 GB-seconds", false, "2026-10-01");
    row("function.provisioned.arm64", "QYW8UKEAZ2F8N4GY", "3.3334e-06 per 1 GB-seconds", false, "2026-10-01");
    row("function.provisionedCompute.x86_64", "ZZF88MXYPS4DGSEZ", "9.7222e-06 per 1 GB-seconds", false, "2026-10-01");
    row("function.provisionedCompute.arm64", "C4T7FJQ7XVCS4DSB", "7.7778e-06 per 1 GB-seconds", true, "2026-10-01");
    row("gateway.http", "2J6TJTJBUWVGQ4XT", "1 up to 300000000 / 0.9 per 1000000 requests", false, "2026-09-01");
    row("gateway.rest", "M6UGCEVJWE2FPJ8R",
        "3.5 up to 333000000 / 2.8 up to 1000000000 / 2.38 up to 20000000000 / 1.51 per 1000000 requests", false,
        "2026-09-01");
    row("queue.requests", "N9SBSD8WDT2J4GZK",
        "0.4 up to 100000000000 / 0.3 up to 200000000000 / 0.24 per 1000000 requests, 1000000 free", false,
        "2026-08-01");
    row("topic.publishes", "8BF7E6Q8ETS6QK2U", "0.5 per 1000000 requests, 1000000 free", true, "2026-08-01");
    row("table.writes", "R6PXMNYCEDGZ2EYN", "0.625 per 1000000 WRU", false, "2026-07-01");
    row("table.reads", "CFMW3ZTQ4M8YTDHH", "0.125 per 1000000 RRU", false, "2026-07-01");
    row("table.storage", "J3J8NDZVA3V3X7ZU", "0.25 per 1 GB-months, 25 free", true, "2026-07-01");
    row("bucket.writes", "QCXEJKRHEMP7N4DK", "0.005 per 1000 requests", false, "2026-07-01");
    row("bucket.reads", "V8X5CXXXDBP9KTMR", "0.0004 per 1000 requests", false, "2026-07-01");
    row("bucket.storage", "WP9ANXZGBYYSGJEA", "0.023 up to 51200 / 0.022 up to 512000 / 0.021 per 1 GB-months", true,
        "2026-07-01");
    row("loadBalancer.hours", "Y9RYMSE644KDSV4S", "0.0225 per 1 hours", false, "2026-06-01");
    row("loadBalancer.capacity", "TUSSA8UMQJ9QUR7A", "0.008 per 1 LCU-hours", false, "2026-06-01");
    row("containers.vcpu.x86_64", "8CESGAFWKAJ98PME", "0.04048 per 1 vCPU-hours", false, "2026-06-01");
    row("containers.memory.x86_64", "PBZNQUSEXZUC34C9", "0.004445 per 1 GB-hours", false, "2026-06-01");
    row("containers.vcpu.arm64", "4U8JXFSCQ6RKDNGE", "0.03238 per 1 vCPU-hours", false, "2026-06-01");
    row("containers.memory.arm64", "N2UX5BWVK9YX8M2P", "0.00356 per 1 GB-hours", false, "2026-06-01");
    row("t3.micro", "CE5S2RW6NNMBXCKW", "0.0104 per hour", false, "2026-10-01");
    row("t3.small", "2S47E3PRB8XVH9QV", "0.0208 per hour", false, "2026-10-01");
    row("t4g.small", "G5K4XRQR5KVEKPUB", "0.0168 per hour", false, "2026-10-01");
    row("c6i.large", "3DG6WFZ5QW4JAAHJ", "0.085 per hour", false, "2026-10-01");
    row("m6i.large", "2XWRTPFSZ3XZJYJW", "0.096 per hour", false, "2026-10-01");
    row("m7g.large", "YTQ9RA4DH9TTYQT3", "0.0816 per hour", false, "2026-10-01");
}

// Every price id the AWS catalog has and the mappings know comes from the offer files,
// with its SKU, effective date and the offer file's address.
void TestPriceLists::awsUpdatesEveryMappedPrice()
{
    if (!mAws) {
        const Result<PriceListReport> report = check("aws");
        QVERIFY2(report, qPrintable(report.errorMessage()));
        mAws = *report;
    }
    QFETCH(QString, id);
    QFETCH(QString, sku);
    QFETCH(QString, value);
    QFETCH(bool, changed);
    QFETCH(QString, effective);
    QCOMPARE(int(mAws->providers.size()), 1);
    const PriceChange *c = change(mAws->providers.front(), id);
    QVERIFY2(c, qPrintable(id));
    QCOMPARE(c->sku, sku);
    QCOMPARE(c->newValue, value);
    QCOMPARE(c->changed, changed);
    QCOMPARE(c->effective, effective);
    QVERIFY2(c->source.path().endsWith("/us-east-1/index.json"), qPrintable(c->source.toString()));
    QCOMPARE(c->source.host(), QStringLiteral("127.0.0.1"));
}

// The summary: what changed (old -> new), what stayed, the SKUs no id maps, the services
// the catalog has no prices for.
void TestPriceLists::awsSummary()
{
    const Result<PriceListReport> report = check("aws");
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const ProviderPriceUpdate &aws = report->providers.front();
    const auto catalog = PricingCatalogs::load({}).provider("aws");
    // Every price the mappings cover is read from the list (lines no mapping names yet, and
    // commitment rates, which are no on-demand list's business, stay as shipped).
    QCOMPARE(int(aws.prices.size()), 29);
    QVERIFY2(aws.missing.isEmpty(), qPrintable(aws.missing.join(", ")));
    QCOMPARE(aws.changedCount(), 4);
    QVERIFY(aws.unmapped.contains("K7BX6567RJ67A2KE (Request-ARM)"));
    QVERIFY(aws.unmapped.contains("CVY5JH8RFRXMP92N (Lambda-Storage-Duration)"));
    QVERIFY(aws.unmapped.contains("Z4GGTMQC8CDHMPBV (USE1-Fargate-EphemeralStorage-GB-Hours)"));
    QCOMPARE(aws.notInCatalog, QStringList({"AWS Step Functions", "Amazon EventBridge", "Amazon CloudWatch Logs"}));
    const QString text = report->text();
    QVERIFY2(text.contains("Amazon Web Services (us-east-1): 4 changed, 25 unchanged"), qPrintable(text));
    QVERIFY2(text.contains("bucket.storage: 0.023 per 1 GB-months -> 0.023 up to 51200 / 0.022 up to 512000 / 0.021 "
                           "per 1 GB-months (effective 2026-07-01, SKU WP9ANXZGBYYSGJEA, https://127.0.0.1:"),
             qPrintable(text));
    QVERIFY2(text.contains("topic.publishes: 0.5 per 1000000 requests -> 0.5 per 1000000 requests, 1000000 free"),
             qPrintable(text));
    // A mirror of the offer index alone: the savings plans and the spot data are not read, and said so.
    QVERIFY2(text.contains("Skipped AWS Compute Savings Plans: the offer index is a mirror"), qPrintable(text));
    QVERIFY2(text.contains("Skipped AWS Spot Instance Advisor: the offer index is a mirror"), qPrintable(text));
    QVERIFY(!change(aws, "instance.t3.micro@spot"));
}

// Installing writes a catalog the studio loads, each refreshed price with its SKU, date and source.
void TestPriceLists::installKeepsSkuDateAndSource()
{
    const Result<PriceListReport> report = check("aws");
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QTemporaryDir user;
    const Result<QString> installed = PriceListUpdate::install(*report, user.path());
    QVERIFY2(installed, qPrintable(installed.errorMessage()));
    QVERIFY2(installed->contains("4 price(s) changed"), qPrintable(*installed));
    const PricingCatalogs catalogs = PricingCatalogs::load(user.path());
    QVERIFY2(catalogs.errors().isEmpty(), qPrintable(catalogs.errors().join('\n')));
    const auto aws = catalogs.provider("aws");
    QCOMPARE(aws->collected(), QDate::currentDate().toString(Qt::ISODate));
    const Price *storage = aws->price("bucket.storage");
    QCOMPARE(int(storage->tiers.size()), 3);
    QCOMPARE(storage->effective, QStringLiteral("2026-07-01"));
    QVERIFY2(aws->sourceText(storage->source).contains("/offers/v1.0/aws/AmazonS3/20261101000000/us-east-1/index.json"),
             qPrintable(aws->sourceText(storage->source)));
    QCOMPARE(aws->price("topic.publishes")->free, 1e6);
    const QJsonArray prices = QJsonDocument::fromJson(aws->json()).object()["prices"].toArray();
    QCOMPARE(prices[0].toObject()["sku"].toString(), QStringLiteral("GU2ZS9HVP6QTQ7KE"));
    // Azure, Google Cloud and Scaleway are untouched.
    QCOMPARE(catalogs.provider("azure")->fileName(), PricingCatalogs::load({}).provider("azure")->fileName());
}

void TestPriceLists::malformedFileInstallsNothing_data()
{
    QTest::addColumn<QString>("providers");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("why");
    QTest::newRow("truncated offer file") << "aws" << kLambdaOffer << QByteArray("{\"products\": {\"GU2Z")
                                          << "AWSLambda/20261101000000/us-east-1/index.json is not valid JSON";
    QTest::newRow("html instead of index")
        << "aws"
        << "/offers/v1.0/aws/index.json" << QByteArray("<html>maintenance</html>") << "offer index";
    QTest::newRow("price not a number")
        << "aws" << kLambdaOffer << NimbusTest::readAll(kData + kLambdaOffer).replace("\"0.0000002000\"", "\"free\"")
        << "terms.OnDemand.GU2ZS9HVP6QTQ7KE: GU2ZS9HVP6QTQ7KE.JRTCKXETXF.6YS6EN2CT7 has no USD price";
    QTest::newRow("offer without terms") << "aws" << kLambdaOffer << QByteArray("{\"products\": {}}")
                                         << "not an offer file";
    QTest::newRow("region index elsewhere")
        << "aws"
        << "/offers/v1.0/aws/index.json"
        << NimbusTest::readAll(kData + "/offers/v1.0/aws/index.json")
               .replace("\"/offers/v1.0/aws/AmazonSNS/current/region_index.json\"",
                        "\"https://prices.example.com/offers/v1.0/aws/AmazonSNS/current/region_index.json\"")
        << "points away from 127.0.0.1";
    QTest::newRow("next page elsewhere") << "azure"
                                         << "/azure/functions-page1.json"
                                         << NimbusTest::readAll(kData + "/azure/functions-page1.json")
                                                .replace("https://prices.azure.com:443", "https://prices.example.com")
                                         << "points away from 127.0.0.1";
    QTest::newRow("azure page without items")
        << "azure"
        << "/azure/functions-page2.json" << QByteArray("{\"NextPageLink\": null}") << "no 'Items' array";
}

// A malformed file or page fails the whole check with a clear error: nothing to install.
void TestPriceLists::malformedFileInstallsNothing()
{
    QFETCH(QString, providers);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, why);
    setOverride(path, body);
    const Result<PriceListReport> report = check(providers);
    QVERIFY(!report);
    QVERIFY2(report.errorMessage().contains(why), qPrintable(report.errorMessage()));
    QVERIFY2(report.errorMessage().contains("Nothing was installed"), qPrintable(report.errorMessage()));
}

// A SKU whose usage type changed is reported as unmapped; the other prices still update.
void TestPriceLists::changedSkuIsUnmapped()
{
    setOverride(kLambdaOffer, NimbusTest::readAll(kData + kLambdaOffer)
                                  .replace("\"Lambda-GB-Second-ARM\"", "\"Lambda-GB-Second-ARM-Tiered\""));
    const Result<PriceListReport> report = check("aws");
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const ProviderPriceUpdate &aws = report->providers.front();
    QVERIFY2(aws.unmapped.contains("72SBSFWPMDTH8S3J (Lambda-GB-Second-ARM-Tiered)"),
             qPrintable(aws.unmapped.join(", ")));
    QCOMPARE(aws.missing, QStringList{"function.compute.arm64"});
    QVERIFY(!change(aws, "function.compute.arm64"));
    QVERIFY(change(aws, "function.compute.x86_64"));
    QVERIFY(change(aws, "bucket.storage"));
    QVERIFY2(report->text().contains("Not in the list, kept: function.compute.arm64"), qPrintable(report->text()));
}

// An offer file over the size allowed (EC2's, in reality gigabytes) is skipped and said so;
// its prices are kept and the others still update.
void TestPriceLists::largeOfferFileIsSkipped()
{
    const QString ec2 = "/offers/v1.0/aws/AmazonEC2/20261101000000/us-east-1/index.json";
    setOverride(ec2, NimbusTest::readAll(kData + ec2) + QByteArray(200 * 1024, ' '));
    const Result<PriceListReport> report = check("aws", 100 * 1024);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const ProviderPriceUpdate &aws = report->providers.front();
    QCOMPARE(aws.skipped.size(), 3); // EC2, and the savings plans and spot data a mirror does not name
    QVERIFY2(aws.skipped.front().startsWith("Amazon EC2: The AmazonEC2 offer file"), qPrintable(aws.skipped.front()));
    QVERIFY2(aws.skipped.front().contains("larger than the 100 KB allowed; its prices are kept"),
             qPrintable(aws.skipped.front()));
    QVERIFY(!change(aws, "t3.micro"));
    QVERIFY(aws.missing.isEmpty());
    QVERIFY(change(aws, "bucket.storage"));
    QVERIFY(report->text().contains("Skipped Amazon EC2"));
}

// Azure's pages are followed through NextPageLink; the VM list keeps Linux on-demand prices only.
void TestPriceLists::azureFollowsPages()
{
    const Result<PriceListReport> report = check("azure");
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const ProviderPriceUpdate &azure = report->providers.front();
    const PriceChange *requests = change(azure, "function.requests");
    const PriceChange *compute = change(azure, "function.compute"); // on the second page
    QVERIFY(requests && compute);
    QCOMPARE(requests->newValue, QStringLiteral("0.2 per 1000000 executions, 1000000 free"));
    QCOMPARE(compute->newValue, QStringLiteral("1.6e-05 per 1 GB-seconds, 400000 free"));
    QCOMPARE(compute->sku, QStringLiteral("DZH318Z0BCVF/000C"));
    QVERIFY(compute->source.query(QUrl::FullyDecoded).contains("$skip=100"));
    QCOMPARE(change(azure, "Standard_B2s")->newValue, QStringLiteral("0.0416 per hour"));
    QCOMPARE(change(azure, "Standard_D2s_v5")->newValue, QStringLiteral("0.096 per hour"));
    QVERIFY(azure.unmapped.contains("DZH318Z0BCVG/0009 (EP1 EP1 vCPU Duration)"));
    QVERIFY(azure.unmapped.contains("DZH318Z0BCVH/0003 (Flex Consumption Always Ready Baseline)"));
    QCOMPARE(azure.notInCatalog, QStringList({"API Management", "Service Bus", "Azure Cosmos DB", "Blob Storage"}));

    // "all": both lists, and the providers with none say their catalog stays.
    const Result<PriceListReport> all = check("all");
    QVERIFY2(all, qPrintable(all.errorMessage()));
    QCOMPARE(int(all->providers.size()), 2);
    QCOMPARE(all->shippedOnly.size(), 2);
    QVERIFY2(all->text().contains("Google Cloud (us-central1 (tier 1)): no public price list is read; the catalog of "
                                  "2026-11-01 stays in use."),
             qPrintable(all->text()));
}

// Cancelling stops the downloads and carries no result; the catalogs are as before.
void TestPriceLists::cancelLeavesCatalog()
{
    setOverride(kLambdaOffer, "SLOW");
    QTemporaryDir user;
    QFutureWatcher<Result<PriceListReport>> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    QElapsedTimer timer;
    timer.start();
    watcher.setFuture(PriceListUpdate::check("aws", PricingCatalogs::load(user.path()), sources(), limits()));
    QTest::qWait(500);
    QVERIFY(watcher.isRunning());
    watcher.cancel();
    QVERIFY(finished.wait(10000));
    QVERIFY2(timer.elapsed() < 2900, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(watcher.isCanceled());
    QCOMPARE(watcher.future().resultCount(), 0);
    QVERIFY(QDir(user.path()).entryList(QDir::Files).isEmpty());
    QVERIFY(watcher.progressMaximum() > 0);
}

void TestPriceLists::commandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("output");
    QTest::addColumn<bool>("installed");
    QTest::newRow("dry run") << QStringList{"--update-prices", "aws", "--dry-run"} << 0
                             << "Nothing installed (--dry-run)" << false;
    QTest::newRow("install") << QStringList{"--update-prices", "aws"} << 0
                             << "Prices of Amazon Web Services (us-east-1) updated from its price list" << true;
    QTest::newRow("unknown list") << QStringList{"--update-prices", "gcp"} << 2 << "not 'gcp'" << false;
    QTest::newRow("dry run without a list")
        << QStringList{"--dry-run", "--requests", "1"} << 2 << "--dry-run goes with --update-prices" << false;
    QTest::newRow("dry run with a URL") << QStringList{"--update-prices", "https://127.0.0.1:1/aws.json", "--dry-run"}
                                        << 2 << "--dry-run goes with" << false;
}

// nimbus cost --update-prices aws|azure|all [--dry-run] against the recorded lists.
void TestPriceLists::commandLine()
{
#ifndef NIMBUS_HAS_CLI
    QSKIP("this tree (core only, under the sanitizers) builds no nimbus command; the main tree runs this");
#endif
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, output);
    QFETCH(bool, installed);
    QTemporaryDir home;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", home.path());
    env.insert("NIMBUS_AWS_PRICE_LIST_URL", sources().awsOfferIndex.toString());
    env.insert("NIMBUS_AZURE_PRICES_URL", sources().azureRetailPrices.toString());
    env.insert("NIMBUS_AWS_SAVINGS_PLAN_URL", commitmentSources().awsSavingsPlans.toString());
    env.insert("NIMBUS_AWS_SPOT_ADVISOR_URL", commitmentSources().awsSpotAdvisor.toString());
    env.insert("NIMBUS_PRICING_CA_FILE", mServer.caFile());
    setOverride(kEc2Offer, ec2WithReserved());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), QStringList{"cost"} + arguments);
    QVERIFY(process.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    QCOMPARE(process.exitCode(), exitCode);
    QVERIFY2(out.contains(output), qPrintable(out));
    QCOMPARE(QFile::exists(home.filePath("nimbus-studio/pricing/aws.json")), installed);
    if (exitCode != 0)
        return;
    QVERIFY2(out.contains("bucket.storage: 0.023 per 1 GB-months -> "), qPrintable(out));
    // The commitment rates, each from its list.
    QVERIFY2(out.contains("instance.t3.micro@savings-plan-1y: not priced -> 0.007488 per 1 instance-hours (effective "
                          "2026-10-15, SKU SPTEST1YNU000001.CE5S2RW6NNMBXCKW, https://127.0.0.1:"),
             qPrintable(out));
    QVERIFY2(out.contains("instance.m6i.large@reserved-3y: not priced -> 0.0416 per 1 instance-hours"),
             qPrintable(out));
    QVERIFY2(out.contains("containers.vcpu.x86_64@savings-plan-3y: not priced -> 0.0194304 per 1 vCPU-hours"),
             qPrintable(out));
    QVERIFY2(out.contains("instance.t3.small@spot: not priced -> 0.006656 per 1 instance-hours"), qPrintable(out));
    QVERIFY2(out.contains("interrupted 5-10% of the time"), qPrintable(out));
}

void TestPriceLists::awsCommitmentRates_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QString>("effective");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("note");
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    auto row = [&](const char *id, const char *value, const char *sku, const QString &effective, const QString &file,
                   const char *note = "") { QTest::newRow(id) << id << value << sku << effective << file << note; };
    // Compute Savings Plans, No Upfront: Linux shared-tenancy EC2 (not Windows' RunInstances:0002, not
    // DedicatedUsage, not Partial Upfront), Fargate on ECS (not EKS), Lambda.
    row("instance.t3.micro@savings-plan-1y", "0.007488 per 1 instance-hours", "SPTEST1YNU000001.CE5S2RW6NNMBXCKW",
        "2026-10-15", kPlanFile);
    row("instance.m7g.large@savings-plan-3y", "0.0408 per 1 instance-hours", "SPTEST3YNU000003.YTQ9RA4DH9TTYQT3",
        "2026-10-15", kPlanFile);
    row("containers.vcpu.x86_64@savings-plan-1y", "0.032384 per 1 vCPU-hours", "SPTEST1YNU000001.8CESGAFWKAJ98PME",
        "2026-10-15", kPlanFile);
    row("containers.memory.arm64@savings-plan-3y", "0.0017088 per 1 GB-hours", "SPTEST3YNU000003.N2UX5BWVK9YX8M2P",
        "2026-10-15", kPlanFile);
    row("function.compute.x86_64@savings-plan-1y", "1.41667e-05 per 1 GB-seconds, 400000 free",
        "SPTEST1YNU000001.TG3M4CAGBA3NYQBH", "2026-10-15", kPlanFile);
    row("function.provisioned.arm64@savings-plan-3y", "2.24e-06 per 1 GB-seconds", "SPTEST3YNU000003.QYW8UKEAZ2F8N4GY",
        "2026-10-15", kPlanFile);
    // EC2 reserved, standard No Upfront (not Partial Upfront, not convertible).
    row("instance.t3.micro@reserved-1y", "0.0066 per 1 instance-hours", "CE5S2RW6NNMBXCKW.4NA7Y494T4.6YS6EN2CT7",
        "2026-10-01", kEc2Offer);
    row("instance.c6i.large@reserved-3y", "0.0368 per 1 instance-hours", "3DG6WFZ5QW4JAAHJ.BPH4J8HBKS.6YS6EN2CT7",
        "2026-10-01", kEc2Offer);
    // Spot: the refreshed on-demand rate less the advisor's saving, the interruption range in the note.
    row("instance.t3.micro@spot", "0.00312 per 1 instance-hours", "CE5S2RW6NNMBXCKW", today, kSpot,
        "0.0104 USD an hour on demand (the price list) less the 70 % average saving the Spot Instance Advisor "
        "states; interrupted <5% of the time");
    row("instance.m7g.large@spot", "0.034272 per 1 instance-hours", "YTQ9RA4DH9TTYQT3", today, kSpot,
        "interrupted >20% of the time");
}

// Each commitment rate comes from its own list, with its SKU, effective date and address.
void TestPriceLists::awsCommitmentRates()
{
    if (!mCommitted) {
        const Result<PriceListReport> report = checkCommitments("aws");
        QVERIFY2(report, qPrintable(report.errorMessage()));
        mCommitted = *report;
    }
    QFETCH(QString, id);
    QFETCH(QString, value);
    QFETCH(QString, sku);
    QFETCH(QString, effective);
    QFETCH(QString, file);
    QFETCH(QString, note);
    const PriceChange *c = change(mCommitted->providers.front(), id);
    QVERIFY2(c, qPrintable(id));
    if (!PricingCatalogs::load({}).provider("aws")->price(id)->priced())
        QCOMPARE(c->oldValue, QStringLiteral("not priced"));
    QCOMPARE(c->newValue, value);
    QVERIFY(c->changed);
    QCOMPARE(c->sku, sku);
    QCOMPARE(c->effective, effective);
    QCOMPARE(c->source.toString(), mServer.origin() + file);
    QVERIFY2(c->note.contains(note), qPrintable(c->note));
}

void TestPriceLists::everyCommitmentIsPriced_data()
{
    QTest::addColumn<QString>("provider");
    QTest::newRow("aws") << "aws";
    QTest::newRow("azure") << "azure";
}

// After a refresh every commitment the catalog names is priced, and installed as such.
void TestPriceLists::everyCommitmentIsPriced()
{
    QFETCH(QString, provider);
    const Result<PriceListReport> report = checkCommitments(provider);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const ProviderPriceUpdate &u = report->providers.front();
    const auto shipped = PricingCatalogs::load({}).provider(provider);
    int unpriced = 0;
    for (const Price &p : shipped->prices()) {
        if (!p.id.contains('@'))
            continue;
        unpriced += p.priced() ? 0 : 1;
        const PriceChange *c = change(u, p.id);
        QVERIFY2(c, qPrintable(p.id));
        QVERIFY2(!c->sku.isEmpty() && c->effective.size() == 10 && c->source.isValid(), qPrintable(p.id));
    }
    QVERIFY(unpriced > 0); // the shipped catalog waits for the lists
    QVERIFY2(u.missing.isEmpty(), qPrintable(u.missing.join(", ")));
    QTemporaryDir user;
    const Result<QString> installed = PriceListUpdate::install(*report, user.path());
    QVERIFY2(installed, qPrintable(installed.errorMessage()));
    const auto refreshed = PricingCatalogs::load(user.path()).provider(provider);
    for (const Price &p : refreshed->prices()) {
        if (!p.id.contains('@'))
            continue;
        QVERIFY2(p.priced(), qPrintable(p.id));
        QVERIFY2(!p.notes.contains("not priced until"), qPrintable(p.id + ": " + p.notes));
        QVERIFY2(refreshed->sourceText(p.source).contains("https://127.0.0.1:"), qPrintable(p.id));
    }
}

// The summary shows each commitment rate old -> new, and how a derived one was computed.
void TestPriceLists::commitmentSummary()
{
    const Result<PriceListReport> report = checkCommitments("aws");
    QVERIFY2(report, qPrintable(report->text()));
    const QString text = report->text();
    QVERIFY2(text.contains("instance.t3.micro@spot: not priced -> 0.00312 per 1 instance-hours (effective "),
             qPrintable(text));
    QVERIFY2(text.contains("    0.0104 USD an hour on demand (the price list) less the 70 % average saving the Spot "
                           "Instance Advisor states; interrupted <5% of the time\n"),
             qPrintable(text));
    // The published 15 % discount, tier by tier, replaced by the plan's rate.
    QVERIFY2(text.contains("function.compute.x86_64@savings-plan-1y: 1.41667e-05 up to 6000000000 / 1.275e-05 up to "
                           "15000000000 / 1.13334e-05 per 1 GB-seconds, 400000 free -> 1.41667e-05 per 1 GB-seconds, "
                           "400000 free"),
             qPrintable(text));
    QVERIFY2(text.contains("instance.t3.small@reserved-1y: 0.01305 per 1 instance-hours -> 0.0131 per 1 "
                           "instance-hours"),
             qPrintable(text));
    QVERIFY(!text.contains("Skipped"));
    // The reserved terms next to the on-demand ones leave the on-demand rate as it is.
    QCOMPARE(change(report->providers.front(), "t3.micro")->newValue, QStringLiteral("0.0104 per hour"));
}

void TestPriceLists::azureCommitmentRates_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QString>("note");
    // Spot: the Linux spot meter (not Windows', not Low Priority).
    QTest::newRow("B2s spot") << "instance.Standard_B2s@spot"
                              << "0.0083 per 1 instance-hours"
                              << "DZH318Z0BQ4L/00QX" << QString();
    QTest::newRow("D2s v5 spot") << "instance.Standard_D2s_v5@spot"
                                 << "0.0193 per 1 instance-hours"
                                 << "DZH318Z08M22/00FM" << QString();
    // Reservations: the whole term's price over its hours (219 / 8760, 964 / 26280).
    QTest::newRow("B2s reserved 1 year") << "instance.Standard_B2s@reserved-1y"
                                         << "0.025 per 1 instance-hours"
                                         << "DZH318Z0BQ4L/01R1"
                                         << "219 USD for the whole term (1 Year), over its 8760 hours";
    QTest::newRow("D2s v5 reserved 3 years") << "instance.Standard_D2s_v5@reserved-3y"
                                             << "0.03668188737 per 1 instance-hours"
                                             << "DZH318Z08M22/01R3"
                                             << "964 USD for the whole term (3 Years), over its 26280 hours";
    // Savings plans: the hourly rate of the on-demand item's savingsPlan entry.
    QTest::newRow("B2s savings plan 1 year") << "instance.Standard_B2s@savings-plan-1y"
                                             << "0.029952 per 1 instance-hours"
                                             << "DZH318Z0BQ4L/00QM (savings plan, 1 Year)" << QString();
    QTest::newRow("D2s v5 savings plan 3 years") << "instance.Standard_D2s_v5@savings-plan-3y"
                                                 << "0.048 per 1 instance-hours"
                                                 << "DZH318Z08M22/00FK (savings plan, 3 Years)" << QString();
}

// Azure's VM prices give spot, reservations (per hour) and savings plans of the catalog's sizes.
void TestPriceLists::azureCommitmentRates()
{
    QFETCH(QString, id);
    QFETCH(QString, value);
    QFETCH(QString, sku);
    QFETCH(QString, note);
    const Result<PriceListReport> report = check("azure");
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const ProviderPriceUpdate &azure = report->providers.front();
    const PriceChange *c = change(azure, id);
    QVERIFY2(c, qPrintable(id));
    QCOMPARE(c->newValue, value);
    QCOMPARE(c->sku, sku);
    QCOMPARE(c->effective, QStringLiteral("2026-09-01"));
    QCOMPARE(c->note, note);
    QVERIFY(c->source.path().endsWith("/api/retail/prices"));
    // The on-demand rates are still the Linux consumption ones.
    QCOMPARE(change(azure, "Standard_B2s")->newValue, QStringLiteral("0.0416 per hour"));
}

void TestPriceLists::malformedCommitmentFileLosesNothing_data()
{
    QTest::addColumn<QString>("providers");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("why");
    const QByteArray plans = NimbusTest::readAll(kData + kPlanFile);
    const QByteArray spot = NimbusTest::readAll(kData + kSpot);
    QTest::newRow("savings plan file truncated") << "aws" << kPlanFile << plans.left(300)
                                                 << "AWSComputeSavingsPlan/20261101000000/us-east-1/index.json is "
                                                    "not valid JSON";
    QTest::newRow("savings plan rate not a number")
        << "aws" << kPlanFile << QByteArray(plans).replace("\"price\": \"0.0074880000\"", "\"price\": \"free\"")
        << "us-east-1/index.json: terms.savingsPlan[0] (SPTEST1YNU000001).rates[0] (BoxUsage:t3.micro): no USD "
           "discounted rate";
    QTest::newRow("savings plan file without terms")
        << "aws" << kPlanFile << QByteArray("{\"products\": []}") << "not a savings plan file";
    QTest::newRow("savings plan index without the region")
        << "aws" << kPlanIndex << NimbusTest::readAll(kData + kPlanIndex).replace("\"us-east-1\"", "\"us-east-2\"")
        << "region_index.json: no savings plan file for the region us-east-1";
    QTest::newRow("spot data without advisor")
        << "aws" << kSpot << QByteArray("{\"ranges\": []}") << "spot-advisor-data.json: no 'spot_advisor' object";
    QTest::newRow("spot saving not a number")
        << "aws" << kSpot << QByteArray(spot).replace("\"s\": 70", "\"s\": \"70\"")
        << "spot_advisor.us-east-1.Linux.t3.micro: no savings percentage 's'";
    QTest::newRow("reserved price not a number")
        << "aws" << kEc2Offer << ec2WithReserved().replace("\"0.0066000000\"", "\"n/a\"")
        << "terms.Reserved.CE5S2RW6NNMBXCKW.CE5S2RW6NNMBXCKW.4NA7Y494T4: "
           "CE5S2RW6NNMBXCKW.4NA7Y494T4.6YS6EN2CT7 has no USD price";
    QTest::newRow("azure reservation without price")
        << "azure"
        << "/azure/vms-page1.json"
        << NimbusTest::readAll(kData + "/azure/vms-page1.json")
               .replace("\"retailPrice\": 219.0", "\"retailPrice\": \"219\"")
        << "Items[7] (B2s): no price";
}

// A malformed commitment file fails the check with an error naming the file and the place:
// nothing to install, the catalog in use untouched.
void TestPriceLists::malformedCommitmentFileLosesNothing()
{
    QFETCH(QString, providers);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, why);
    QTemporaryDir user;
    const Result<PriceListReport> good = checkCommitments(providers);
    QVERIFY2(good, qPrintable(good.errorMessage()));
    QVERIFY(PriceListUpdate::install(*good, user.path()));
    const QStringList files = QDir(user.path()).entryList(QDir::Files);
    const QByteArray before = NimbusTest::readAll(user.filePath(files.value(0)));
    setOverride(path, body);
    QFuture<Result<PriceListReport>> future = PriceListUpdate::check(providers, PricingCatalogs::load(user.path()),
                                                                     commitmentSources(), limits());
    QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }, 30000));
    QCOMPARE(future.resultCount(), 1);
    const Result<PriceListReport> report = future.result();
    QVERIFY(!report);
    QVERIFY2(report.errorMessage().contains(why), qPrintable(report.errorMessage()));
    QVERIFY2(report.errorMessage().contains("Nothing was installed"), qPrintable(report.errorMessage()));
    QCOMPARE(QDir(user.path()).entryList(QDir::Files), files);
    QCOMPARE(NimbusTest::readAll(user.filePath(files.value(0))), before);
}

// A savings plan file over the size allowed is skipped and said so; its prices stay as they
// were (not priced, not missing) and the other lists still update.
void TestPriceLists::largeSavingsPlanFileIsSkipped()
{
    setOverride(kPlanFile, NimbusTest::readAll(kData + kPlanFile) + QByteArray(200 * 1024, ' '));
    const Result<PriceListReport> report = check("aws", 100 * 1024, true);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const ProviderPriceUpdate &aws = report->providers.front();
    QCOMPARE(aws.skipped.size(), 1);
    QVERIFY2(aws.skipped.front().startsWith("AWS Compute Savings Plans: The Compute Savings Plans file"),
             qPrintable(aws.skipped.front()));
    QVERIFY2(aws.skipped.front().contains("larger than the 100 KB allowed; their prices are kept"),
             qPrintable(aws.skipped.front()));
    QVERIFY(!change(aws, "instance.t3.micro@savings-plan-1y"));
    QVERIFY2(aws.missing.isEmpty(), qPrintable(aws.missing.join(", ")));
    QVERIFY(change(aws, "instance.t3.micro@spot"));
}

// The refreshed catalog prices the fleet's commitments: spot with its interruption note.
void TestPriceLists::installedCommitmentsPriceTheModel()
{
    const Result<PriceListReport> report = checkCommitments("aws");
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QTemporaryDir user;
    QVERIFY(PriceListUpdate::install(*report, user.path()));
    CostOption fleet;
    fleet.kind = CostOption::Kind::VmFleet;
    fleet.provider = "aws";
    fleet.instanceType = "t3.small";
    fleet.minInstances = 1;
    fleet.commitment = "spot";
    const CostEngine engine(Workload::single(0, 100, 128, "x86_64", false), PricingCatalogs::load(user.path()));
    const CostResult r = engine.evaluate(fleet, 0);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.items.front().priceId, QStringLiteral("instance.t3.small@spot"));
    QCOMPARE(r.items.front().unitPrice, 0.006656);
    QVERIFY2(r.notes.join(' ').contains("t3.small: 0.0208 USD an hour on demand (the price list) less the 68 % "
                                        "average saving the Spot Instance Advisor states; interrupted 5-10% of the "
                                        "time."),
             qPrintable(r.notes.join('\n')));
}

// "price": null is the state of a commitment rate the lists fill in, and of nothing else.
void TestPriceLists::unpricedOnlyForCommitments()
{
    const auto aws = PricingCatalogs::load({}).provider("aws");
    QVERIFY(!aws->price("instance.t3.micro@spot")->priced());
    QVERIFY(aws->price("instance.t3.micro@spot")->notes.contains("spot-advisor-data.json"));
    QVERIFY(aws->price("function.requests")->priced());
    QByteArray json = aws->json();
    json.replace("\"price\": 0.2, \"free\": 1000000", "\"price\": null, \"notes\": \"read later\", \"free\": 1000000");
    const auto broken = PricingCatalog::parse(json, "aws.json");
    QVERIFY(!broken);
    QVERIFY2(broken.errorMessage().contains("prices[0].price: only a commitment rate (id@commitment) may be null"),
             qPrintable(broken.errorMessage()));
}

// The line splitter of the CSV reader: quoted fields with "" escapes, empty fields, and a
// quote left open or followed by text refused.
void TestPriceLists::csvLineSplitting()
{
    QList<QByteArray> fields;
    QVERIFY(AwsCsvReader::splitLine(R"("SKU","Intel AVX; Intel AVX2, ""Turbo""",,plain,"")", &fields));
    QCOMPARE(fields, QList<QByteArray>({"SKU", "Intel AVX; Intel AVX2, \"Turbo\"", "", "plain", ""}));
    QVERIFY(AwsCsvReader::splitLine("", &fields));
    QCOMPARE(fields, QList<QByteArray>({""}));
    QVERIFY(!AwsCsvReader::splitLine(R"("SKU","open)", &fields));
    QVERIFY(!AwsCsvReader::splitLine(R"("SKU"x,"b")", &fields));
}

// EC2's offer file over the size allowed in memory (the server says so before any of it is
// read) is read in its CSV form, streamed and cut down to the catalog's instance types:
// on-demand and standard No Upfront reserved rates refresh from it, the other rows (other
// systems, tenancies, capacity states, purchase options, classes, types) are left out.
void TestPriceLists::ec2CsvOverTheCap()
{
    const QByteArray csv = ec2CsvPadded(1024 * 1024);
    QVERIFY(csv.size() > 16 * kSmallCap);
    setOverride(kEc2Offer, ec2JsonOverCap());
    setOverride(kEc2Csv, csv);
    const Result<PriceListReport> report = check("aws", kSmallCap);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const ProviderPriceUpdate &aws = report->providers.front();
    QCOMPARE(aws.skipped.size(), 2); // the savings plans and spot data a mirror does not name
    QVERIFY2(!report->text().contains("Skipped Amazon EC2"), qPrintable(report->text()));
    auto expect = [&](const QString &id, const QString &value, const QString &sku) {
        const PriceChange *c = change(aws, id);
        QVERIFY2(c, qPrintable(id));
        QCOMPARE(c->newValue, value);
        QCOMPARE(c->sku, sku);
        QCOMPARE(c->effective, QStringLiteral("2026-11-15"));
        QCOMPARE(c->source.toString(), mServer.origin() + kEc2Csv);
    };
    expect("t3.micro", "0.0111 per hour", "CSVTEST0000T3MIC");
    expect("t4g.small", "0.0177 per hour", "CSVTEST000T4GSML");
    expect("m7g.large", "0.0858 per hour", "CSVTEST000M7GLRG");
    expect("instance.t3.micro@reserved-1y", "0.0071 per 1 instance-hours", "CSVTEST0000T3MIC.4NA7Y494T4.6YS6EN2CT7");
    expect("instance.c6i.large@reserved-3y", "0.0385 per 1 instance-hours", "CSVTEST000C6ILRG.BPH4J8HBKS.6YS6EN2CT7");
    expect("instance.m6i.large@reserved-1y", "0.0636 per 1 instance-hours", "CSVTEST000M6ILRG.4NA7Y494T4.6YS6EN2CT7");
    QVERIFY(change(aws, "t3.micro")->changed);
    QVERIFY2(aws.missing.isEmpty(), qPrintable(aws.missing.join(", ")));
    QVERIFY(change(aws, "bucket.storage")); // the small files still as JSON

    // Installed, the catalog prices the instances from the CSV.
    QTemporaryDir user;
    QVERIFY(PriceListUpdate::install(*report, user.path()));
    const auto installed = PricingCatalogs::load(user.path()).provider("aws");
    QCOMPARE(installed->instance("c6i.large")->hourly, 0.089);
    QCOMPARE(installed->price("instance.t3.small@reserved-3y")->tiers.front().price, 0.0097);

    // Over the streaming cap too: skipped as before, its prices kept.
    PricingUpdater::Limits tiny = limits();
    tiny.maxBytes = kSmallCap;
    tiny.maxStreamBytes = 2 * kSmallCap;
    QFuture<Result<PriceListReport>> future = PriceListUpdate::check("aws", PricingCatalogs::load({}), sources(), tiny);
    QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }, 30000));
    QVERIFY2(future.result(), qPrintable(future.result().errorMessage()));
    const Result<PriceListReport> checked = future.result(); // a copy: the reference must outlive the line
    const ProviderPriceUpdate &skipped = checked->providers.front();
    QVERIFY2(skipped.skipped.front().startsWith("Amazon EC2: The AmazonEC2 offer file as CSV"),
             qPrintable(skipped.skipped.front()));
    QVERIFY2(skipped.skipped.front().contains("larger than the 128 KB allowed"), qPrintable(skipped.skipped.front()));
    QVERIFY(!change(skipped, "t3.micro"));
}

void TestPriceLists::malformedCsvInstallsNothing_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("why");
    const QByteArray good = ec2CsvPadded(256 * 1024);
    const QList<QByteArray> lines = good.split('\n');
    // Line 10 (t3.micro's reserved 3yr): its last field's closing quote lost.
    QList<QByteArray> broken = lines;
    broken[9].chop(1);
    QTest::newRow("unterminated quote") << broken.join('\n') << kEc2Csv + ", line 10: a quoted field is not terminated";
    // The same in one of the many lines no catalog price comes from (checked, not split).
    broken = lines;
    const qsizetype last = lines.size() - 2; // the file ends with a line break
    QVERIFY(!lines[last].contains("t3.micro") && lines[last].startsWith("\"PADTEST"));
    broken[last].chop(1);
    QTest::newRow("unterminated quote in another line")
        << broken.join('\n') << kEc2Csv + QString(", line %1: a quoted field is not terminated").arg(last + 1);
    broken = lines;
    broken[last].replace("\"RunInstances\"", "\"Run\"Instances\"");
    QTest::newRow("text after a closing quote")
        << broken.join('\n')
        << kEc2Csv
               + QString(", line %1: a quoted field is not terminated, or text follows its closing quote")
                     .arg(last + 1);
    broken = lines;
    broken[last] += ",\"extra\"";
    QTest::newRow("a field more in another line")
        << broken.join('\n') << kEc2Csv + QString(", line %1: 78 fields where the header has 77").arg(last + 1);
    QTest::newRow("column missing in the header") << QByteArray(good).replace("\"CapacityStatus\",", "")
                                                  << kEc2Csv + ", line 7: the header has no 'capacitystatus' column";
    broken = lines;
    broken[20] = broken[20].left(broken[20].lastIndexOf(','));
    QTest::newRow("row with a field less")
        << broken.join('\n') << kEc2Csv + ", line 21: 76 fields where the header has 77";
    QTest::newRow("no header") << QByteArray(good).replace("\"SKU\",\"OfferTermCode\"", "\"Sku-\",\"OfferTermCode\"")
                               << kEc2Csv + ", line 50: no header line";
}

// A malformed CSV fails the check with an error naming the file and the line: nothing to
// install, the catalog in use untouched.
void TestPriceLists::malformedCsvInstallsNothing()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, why);
    QTemporaryDir user;
    setOverride(kEc2Offer, ec2JsonOverCap());
    setOverride(kEc2Csv, ec2CsvPadded(256 * 1024));
    const Result<PriceListReport> good = check("aws", kSmallCap);
    QVERIFY2(good, qPrintable(good.errorMessage()));
    QVERIFY(PriceListUpdate::install(*good, user.path()));
    const QByteArray before = NimbusTest::readAll(user.filePath("aws.json"));
    QVERIFY(!before.isEmpty());
    setOverride(kEc2Csv, csv);
    PricingUpdater::Limits l = limits();
    l.maxBytes = kSmallCap;
    QFuture<Result<PriceListReport>> future = PriceListUpdate::check("aws", PricingCatalogs::load(user.path()),
                                                                     sources(), l);
    QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }, 30000));
    QCOMPARE(future.resultCount(), 1);
    const Result<PriceListReport> report = future.result();
    QVERIFY(!report);
    QVERIFY2(report.errorMessage().contains(why), qPrintable(report.errorMessage()));
    QVERIFY2(report.errorMessage().contains("Nothing was installed"), qPrintable(report.errorMessage()));
    QCOMPARE(QDir(user.path()).entryList(QDir::Files), QStringList{"aws.json"});
    QCOMPARE(NimbusTest::readAll(user.filePath("aws.json")), before);
}

// A streamed download stops when told to between chunks, long before its end, and says so.
void TestPriceLists::streamStopsWhenCancelled()
{
    const QByteArray csv = ec2CsvPadded(8 * 1024 * 1024);
    setOverride(kEc2Csv, csv);
    qint64 chunked = 0, chunks = 0;
    bool stop = false;
    const auto onChunk = [&](QByteArrayView chunk) {
        chunked += chunk.size();
        stop = ++chunks >= 3;
        return true;
    };
    const Result<void> streamed = PricingUpdater::fetchStream(QUrl(mServer.origin() + kEc2Csv), limits(), onChunk,
                                                              [&](qint64, qint64) { return !stop; });
    QVERIFY(!streamed);
    QCOMPARE(streamed.errorMessage(), QStringLiteral("cancelled"));
    QVERIFY(chunks >= 3);
    QVERIFY2(chunked < csv.size() / 2, qPrintable(QString::number(chunked)));

    // The reader's refusal stops it too.
    chunks = 0;
    const Result<void> refused = PricingUpdater::fetchStream(
        QUrl(mServer.origin() + kEc2Csv), limits(), [&](QByteArrayView) { return ++chunks < 2; },
        [](qint64, qint64) { return true; });
    QVERIFY(!refused);
    QCOMPARE(chunks, 2);
}

// Cancelling a check while the CSV download is in flight (the server holds its answer back)
// stops it: no result, nothing installed.
void TestPriceLists::cancelDuringCsvStream()
{
    setOverride(kEc2Offer, ec2JsonOverCap());
    setOverride(kEc2Csv, "SLOW");
    QTemporaryDir user;
    PricingUpdater::Limits l = limits();
    l.maxBytes = kSmallCap;
    QFutureWatcher<Result<PriceListReport>> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(PriceListUpdate::check("aws", PricingCatalogs::load(user.path()), sources(), l));
    // The progress text says which file is in flight (the signal is rate-limited: polled).
    QVERIFY(QTest::qWaitFor(
        [&] { return watcher.future().progressText().startsWith("The AmazonEC2 offer file as CSV"); }, 20000));
    QVERIFY(watcher.isRunning());
    watcher.cancel();
    QVERIFY(finished.wait(30000));
    QVERIFY(watcher.isCanceled());
    QCOMPARE(watcher.future().resultCount(), 0);
    QVERIFY(QDir(user.path()).entryList(QDir::Files).isEmpty());
}

// The Compute Savings Plans file over the size allowed in memory is read in its CSV form
// too: the No Upfront rates of the mapped usage types (Partial Upfront, other services and
// systems left out), each with its rate code, date and the CSV's address.
void TestPriceLists::savingsPlanCsvOverTheCap()
{
    const QString planCsv = PriceLists::awsCsvUrl(QUrl(kPlanFile)).path();
    QCOMPARE(planCsv, QStringLiteral("/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20261101000000/us-east-1/index.csv"));
    setOverride(kEc2Offer, ec2WithReserved());
    setOverride(kPlanFile, NimbusTest::readAll(kData + kPlanFile) + QByteArray(2 * kSmallCap, ' '));
    setOverride(planCsv, NimbusTest::readAll(kData + "/csv/AWSComputeSavingsPlan-us-east-1.csv"));
    const Result<PriceListReport> report = check("aws", kSmallCap, true);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const ProviderPriceUpdate &aws = report->providers.front();
    QVERIFY2(aws.skipped.isEmpty(), qPrintable(aws.skipped.join('\n')));
    QVERIFY2(aws.missing.isEmpty(), qPrintable(aws.missing.join(", ")));
    auto expect = [&](const QString &id, const QString &value, const QString &sku) {
        const PriceChange *c = change(aws, id);
        QVERIFY2(c, qPrintable(id));
        QCOMPARE(c->newValue, value);
        QCOMPARE(c->sku, sku);
        QCOMPARE(c->effective, QStringLiteral("2026-11-15"));
        QCOMPARE(c->source.toString(), mServer.origin() + planCsv);
    };
    expect("instance.t3.micro@savings-plan-1y", "0.00726336 per 1 instance-hours", "SPCSV1YNU000001.CE5S2RW6NNMBXCKW");
    expect("instance.m7g.large@savings-plan-3y", "0.039576 per 1 instance-hours", "SPCSV3YNU000003.YTQ9RA4DH9TTYQT3");
    expect("containers.vcpu.x86_64@savings-plan-1y", "0.03141248 per 1 vCPU-hours", "SPCSV1YNU000001.8CESGAFWKAJ98PME");
    expect("containers.memory.arm64@savings-plan-3y", "0.001657536 per 1 GB-hours", "SPCSV3YNU000003.N2UX5BWVK9YX8M2P");
    expect("function.provisioned.arm64@savings-plan-3y", "2.1728e-06 per 1 GB-seconds",
           "SPCSV3YNU000003.QYW8UKEAZ2F8N4GY");
}

QTEST_GUILESS_MAIN(TestPriceLists)
#include "tst_pricelists.moc"
