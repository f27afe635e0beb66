// Prices from the providers' own public price lists: recorded excerpts of the AWS Price
// List Bulk API (offer index, region indexes, offer files) and of the Azure Retail Prices
// API (paged), served over https by a local server whose certificate a test CA signed.
//
// The excerpts (tests/unit/data/pricelists) follow the real files' structure. The AWS
// Lambda SKUs for us-east-1 of requests, requests on arm, duration (x86 and arm),
// provisioned concurrency and its duration are the real ones; the other SKUs, rate codes,
// meter ids and the arm provisioned rates are illustrative.

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

private:
    Result<PriceListReport> check(const QString &providers, qint64 maxBytes = 0);
    PriceListUpdate::Sources sources() const
    {
        return {QUrl(mServer.origin() + "/offers/v1.0/aws/index.json"), QUrl(mServer.origin() + "/api/retail/prices")};
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
    std::optional<PriceListReport> mAws;
};

void TestPriceLists::initTestCase()
{
    QVERIFY2(mServer.begin(), "openssl and a local https server are needed");
}

void TestPriceLists::init()
{
    mServer.clear();
}

Result<PriceListReport> TestPriceLists::check(const QString &providers, qint64 maxBytes)
{
    PricingUpdater::Limits l = limits();
    if (maxBytes > 0)
        l.maxBytes = maxBytes;
    QFuture<Result<PriceListReport>> future = PriceListUpdate::check(providers, PricingCatalogs::load({}), sources(),
                                                                     l);
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
    QCOMPARE(aws.skipped.size(), 1);
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
    env.insert("NIMBUS_PRICING_CA_FILE", mServer.caFile());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(NIMBUS_BINARY_DIR "/bin/nimbus"), QStringList{"cost"} + arguments);
    QVERIFY(process.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    QCOMPARE(process.exitCode(), exitCode);
    QVERIFY2(out.contains(output), qPrintable(out));
    QCOMPARE(QFile::exists(home.filePath("nimbus-studio/pricing/aws.json")), installed);
    if (exitCode == 0)
        QVERIFY2(out.contains("bucket.storage: 0.023 per 1 GB-months -> "), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestPriceLists)
#include "tst_pricelists.moc"
