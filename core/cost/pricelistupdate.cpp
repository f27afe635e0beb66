#include "pricelistupdate.h"

#include "pricelists.h"
#include "pricingcatalog.h"

#include <QDate>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

using Promise = QPromise<Result<PriceListReport>>;
using RatesById = std::map<QString, std::vector<ListedRate>>;

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && a.port(a.scheme() == "https"_L1 ? 443 : 80) == b.port(b.scheme() == "https"_L1 ? 443 : 80);
}

// A catalog figure from a list's: ten significant digits (0.0000002 * 1e6 is 0.2, not 0.19999999999999998).
double rounded(double value)
{
    return QString::number(value, 'g', 10).toDouble();
}

QString number(double value)
{
    // Whole numbers (tier bounds, units) in full: 20000000000, not 2e+10.
    if (value == std::floor(value) && std::abs(value) < 1e15)
        return QString::number(value, 'f', 0);
    return QString::number(value, 'g', 10);
}

QString valueText(const std::vector<PriceTier> &tiers, double free, double per, const QString &unit)
{
    QStringList bands;
    for (const PriceTier &t : tiers)
        bands << (t.upTo < 0 ? number(t.price)
                             : PriceListUpdate::tr("%1 up to %2").arg(number(t.price), number(t.upTo)));
    QString text = PriceListUpdate::tr("%1 per %2 %3").arg(bands.join(u" / "_s), number(per), unit);
    if (free > 0)
        text += PriceListUpdate::tr(", %1 free").arg(number(free));
    return text;
}

bool sameTiers(const std::vector<PriceTier> &a, const std::vector<PriceTier> &b)
{
    auto close = [](double x, double y) { return std::abs(x - y) <= 1e-9 * std::max(std::abs(x), std::abs(y)); };
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!close(a[i].price, b[i].price) || !close(a[i].upTo, b[i].upTo))
            return false;
    return true;
}

// Downloads one file after another for a check, with progress (kSteps a file) and cancel.
struct Fetcher
{
    Promise &promise;
    PricingUpdater::Limits limits;
    int done = 0, planned = 1;
    // Progress steps per file: a file started shows its name, a streamed one its bytes.
    static constexpr int kSteps = 100;

    void started(const QString &what) { promise.setProgressValueAndText(done * kSteps + 1, what); }
    void finished()
    {
        if (++done > planned)
            promise.setProgressRange(0, (planned = done) * kSteps);
        promise.setProgressValue(done * kSteps);
    }

    Result<QByteArray> get(const QUrl &url, const QUrl &origin, const QString &what)
    {
        if (promise.isCanceled())
            return fail(PriceListUpdate::tr("cancelled"));
        if (!sameOrigin(url, origin))
            return fail(PriceListUpdate::tr("%1: %2 points away from %3").arg(what, url.toString(), origin.host()));
        started(what);
        Result<QByteArray> body = PricingUpdater::fetch(url, limits,
                                                        [this](qint64, qint64) { return !promise.isCanceled(); });
        finished();
        if (!body)
            return fail(u"%1 (%2): %3"_s.arg(what, url.toString(), body.errorMessage()));
        return body;
    }

    // The file at url streamed through reader, nothing of it kept but what the reader keeps;
    // progress in bytes (in the text), cancel between chunks.
    Result<void> stream(const QUrl &url, const QUrl &origin, const QString &what, AwsCsvReader &reader)
    {
        if (promise.isCanceled())
            return fail(PriceListUpdate::tr("cancelled"));
        if (!sameOrigin(url, origin))
            return fail(PriceListUpdate::tr("%1: %2 points away from %3").arg(what, url.toString(), origin.host()));
        started(what);
        int step = 1;
        const Result<void> streamed = PricingUpdater::fetchStream(
            url, limits, [&](QByteArrayView chunk) { return !promise.isCanceled() && reader.add(chunk); },
            [&](qint64 received, qint64 total) {
            // Steps 2..kSteps-1 of the file: its share read, or (size unknown) one per 64 MB.
            const int now = int(
                std::min<qint64>(kSteps - 1, total > 0 ? 1 + received * (kSteps - 2) / total : 1 + (received >> 26)));
            if (now > step) {
                step = now;
                promise.setProgressValueAndText(
                    done * kSteps + step,
                    total > 0
                        ? PriceListUpdate::tr("%1: %2 of %3 MB read").arg(what).arg(received >> 20).arg(total >> 20)
                        : PriceListUpdate::tr("%1: %2 MB read").arg(what).arg(received >> 20));
            }
            return !promise.isCanceled();
            });
        finished();
        if (!streamed)
            return fail(u"%1 (%2): %3"_s.arg(what, url.toString(), streamed.errorMessage()));
        return {};
    }
};

// A file that may be too large to hold (EC2's offer file, the savings plans'): its JSON, or,
// when the server states a size over the cap, its CSV form streamed through AwsCsvReader
// into the same JSON shape, cut down to the rows the mappings need. `skipped` says why
// neither could be read (too large, not there), which the caller reports and goes on from;
// a malformed file or a cancel is the error.
struct LargeBody
{
    QByteArray json;
    QUrl source; // the file read: the JSON's address or its CSV form's
    QString skipped;
};

Result<LargeBody> small(const Result<QByteArray> &body, const QUrl &url)
{
    if (!body)
        return body.error();
    return LargeBody{*body, url, {}};
}

Result<LargeBody> getLarge(Fetcher &f, const QUrl &url, const QUrl &origin, const QString &what,
                           AwsCsvReader::Kind kind, const PriceListService &s, const PricingCatalog &catalog)
{
    const Result<qint64> size = sameOrigin(url, origin) && !f.promise.isCanceled() ? PricingUpdater::size(url, f.limits)
                                                                                   : Result<qint64>(qint64(-1));
    if (!size || *size <= f.limits.maxBytes) {
        const Result<QByteArray> body = f.get(url, origin, what);
        if (body)
            return LargeBody{*body, url, {}};
        if (f.promise.isCanceled() || !sameOrigin(url, origin))
            return body.error();
        return LargeBody{{}, url, body.errorMessage()};
    }
    const QUrl csv = PriceLists::awsCsvUrl(url);
    AwsCsvReader reader(kind, csv, s, catalog);
    const Result<void> streamed = f.stream(csv, origin, PriceListUpdate::tr("%1 as CSV").arg(what), reader);
    if (!reader.error().isEmpty())
        return fail(reader.error());
    if (!streamed && (f.promise.isCanceled() || !sameOrigin(csv, origin)))
        return streamed.error();
    if (!streamed)
        return LargeBody{{},
                         url,
                         PriceListUpdate::tr("%1, and as JSON (%2): the file is larger than the %3 KB allowed")
                             .arg(streamed.errorMessage(), url.toString())
                             .arg(f.limits.maxBytes / 1024)};
    Result<QByteArray> json = reader.finish();
    if (!json)
        return json.error();
    return LargeBody{*json, csv, {}};
}

// The ids a provider's services map in the catalog (instance types apart).
QSet<QString> mappedIds(const std::vector<const PriceListService *> &read, const PricingCatalog &catalog)
{
    QSet<QString> ids;
    for (const PriceListService *s : read)
        for (const PriceListService::Rule &r : s->rules)
            if (catalog.price(r.id))
                ids.insert(r.id);
    return ids;
}

// Where a refreshed price comes from: its SKUs, the latest effective date, the list's address.
void provenance(const std::vector<ListedRate> &rates, const QString &sourceKey, PriceChange *c, QJsonObject *json)
{
    QStringList skus;
    for (const ListedRate &r : rates) {
        if (!skus.contains(r.sku))
            skus << r.sku;
        c->effective = std::max(c->effective, r.effective);
    }
    c->sku = skus.join(u", "_s);
    c->source = rates.front().source;
    json->insert("effective"_L1, c->effective);
    json->insert("source"_L1, sourceKey);
    json->insert("sku"_L1, c->sku);
}

// The catalog price as the list gives it, written into its JSON object.
PriceChange changePrice(const Price &p, const std::vector<ListedRate> &rates, const QString &sourceKey,
                        QJsonObject *json)
{
    double listFree = 0;
    std::vector<PriceTier> tiers = PriceLists::tiers(rates, &listFree);
    for (PriceTier &t : tiers)
        t.price = rounded(t.price * p.per);
    const double free = listFree > 0 ? listFree : p.free;
    PriceChange c;
    c.id = p.id;
    c.name = p.name;
    c.oldValue = p.priced() ? valueText(p.tiers, p.free, p.per, p.unit) : PriceListUpdate::tr("not priced");
    c.newValue = valueText(tiers, free, p.per, p.unit);
    c.changed = !sameTiers(tiers, p.tiers) || free != p.free;
    provenance(rates, sourceKey, &c, json);
    // A commitment rate's notes say how the list's rate was read; the shipped ones no longer apply.
    if (p.id.contains(u'@')) {
        c.note = rates.front().note;
        json->remove("notes"_L1);
        if (!c.note.isEmpty())
            json->insert("notes"_L1, c.note);
    }
    json->remove("price"_L1);
    json->remove("tiers"_L1);
    if (tiers.size() == 1) {
        json->insert("price"_L1, tiers.front().price);
    } else {
        QJsonArray array;
        for (const PriceTier &t : tiers)
            array.append(
                QJsonObject{{"upTo"_L1, t.upTo < 0 ? QJsonValue() : QJsonValue(t.upTo)}, {"price"_L1, t.price}});
        json->insert("tiers"_L1, array);
    }
    if (free > 0)
        json->insert("free"_L1, free);
    return c;
}

PriceChange changeInstance(const InstanceType &t, const std::vector<ListedRate> &rates, const QString &sourceKey,
                           QJsonObject *json)
{
    const ListedRate &rate = rates.front();
    PriceChange c;
    c.id = c.name = t.type;
    c.instance = true;
    const double hourly = rounded(rate.price);
    c.oldValue = PriceListUpdate::tr("%1 per hour").arg(number(t.hourly));
    c.newValue = PriceListUpdate::tr("%1 per hour").arg(number(hourly));
    c.changed = !sameTiers({PriceTier{-1, hourly}}, {PriceTier{-1, t.hourly}});
    provenance(rates, sourceKey, &c, json);
    json->insert("hourly"_L1, hourly);
    return c;
}

// The source key of a list's URL in the refreshed catalog, added to its sources.
QString sourceKey(const QUrl &url, const QString &provider, const QString &listName, QJsonObject *sources)
{
    const QString text = PriceListUpdate::tr("%1 (%2, read %3)")
                             .arg(url.toString(), listName, QDate::currentDate().toString(Qt::ISODate));
    for (auto it = sources->begin(); it != sources->end(); ++it)
        if (it.value().toString() == text)
            return it.key();
    int n = 1;
    while (sources->contains(u"%1-price-list-%2"_s.arg(provider).arg(n)))
        ++n;
    const QString key = u"%1-price-list-%2"_s.arg(provider).arg(n);
    sources->insert(key, text);
    return key;
}

// Whether the refresh looks at a catalog price: an on-demand one the services read map
// (wanted: all), or a commitment rate ("id@commitment") of a commitment a list gave rates for.
bool looksAt(const QString &id, bool wanted, const QSet<QString> &ids, const QSet<QString> &commitments)
{
    const qsizetype at = id.indexOf(u'@');
    if (at >= 0)
        return commitments.contains(id.mid(at + 1));
    return wanted || ids.contains(id);
}

// Compares the catalog with the list's rates and writes the refreshed catalog into u.
Result<void> compare(const PricingCatalog &catalog, const RatesById &prices, const RatesById &instances,
                     const QSet<QString> &ids, const QSet<QString> &commitments, bool instancesRead,
                     const QString &listName, ProviderPriceUpdate *u)
{
    QJsonObject root = QJsonDocument::fromJson(catalog.json()).object();
    QJsonObject sources = root.value("sources"_L1).toObject();
    QJsonArray priceArray = root.value("prices"_L1).toArray(), instanceArray = root.value("instances"_L1).toArray();
    // Each entry of a catalog array (prices, instances) that the list gives, refreshed in place.
    auto refresh = [&](QJsonArray *array, QLatin1String key, const RatesById &listed, bool wanted,
                       const std::function<PriceChange(const QString &, const std::vector<ListedRate> &,
                                                       const QString &, QJsonObject *)> &change) {
        for (int i = 0; i < array->size(); ++i) {
            QJsonObject o = array->at(i).toObject();
            const QString id = o.value(key).toString();
            if (!looksAt(id, wanted, ids, commitments))
                continue;
            const auto found = listed.find(id);
            if (found == listed.end()) {
                u->missing << id;
                continue;
            }
            const ListedRate &first = found->second.front();
            const QString source = sourceKey(first.source, catalog.provider(),
                                             first.listName.isEmpty() ? listName : first.listName, &sources);
            u->prices.push_back(change(id, found->second, source, &o));
            (*array)[i] = o;
        }
    };
    refresh(&priceArray, "id"_L1, prices, false,
            [&](const QString &id, const auto &rates, const QString &key, auto *o) {
        return changePrice(*catalog.price(id), rates, key, o);
    });
    if (instancesRead)
        refresh(&instanceArray, "type"_L1, instances, true,
                [&](const QString &id, const auto &rates, const QString &key, auto *o) {
            return changeInstance(*catalog.instance(id), rates, key, o);
        });
    root.insert("sources"_L1, sources);
    root.insert("prices"_L1, priceArray);
    root.insert("instances"_L1, instanceArray);
    root.insert("collected"_L1, QDate::currentDate().toString(Qt::ISODate));
    u->catalog = QJsonDocument(root).toJson();
    // Never offer what the studio would refuse to load.
    const auto checked = PricingCatalog::parse(u->catalog, catalog.provider() + u".json"_s);
    if (!checked)
        return fail(PriceListUpdate::tr("the refreshed catalog is not valid: %1").arg(checked.errorMessage()));
    return {};
}

ProviderPriceUpdate header(const PricingCatalog &catalog)
{
    ProviderPriceUpdate u;
    u.provider = catalog.provider();
    u.providerName = catalog.providerName();
    u.region = catalog.region();
    u.collected = catalog.collected();
    return u;
}

// What a provider's services gave, until it is compared with the catalog.
struct Gathered
{
    RatesById prices, instances;
    std::vector<const PriceListService *> read;
    bool instancesRead = false;
    QSet<QString> commitments; // those a list gave rates for

    // Whether the catalog prices anything of s (noted in u when it does not).
    static bool wanted(const PriceListService &s, const PricingCatalog &catalog, ProviderPriceUpdate *u)
    {
        if (!s.relevantTo(catalog))
            u->notInCatalog << s.name;
        return s.relevantTo(catalog);
    }

    // The rates of one file or page of s, by id, with its unmapped SKUs noted (not the
    // instance lists': every other instance type would be one).
    void add(const ListedRates &listed, const PriceListService &s, ProviderPriceUpdate *u)
    {
        for (const ListedRate &r : listed.rates)
            (r.instance ? instances : prices)[r.id].push_back(r);
        for (const QString &c : listed.commitments)
            commitments.insert(c);
        if (!s.instances)
            u->unmapped << listed.unmapped;
    }

    void done(const PriceListService &s)
    {
        read.push_back(&s);
        instancesRead = instancesRead || s.instances;
    }

    Result<ProviderPriceUpdate> finish(const PricingCatalog &catalog, const QString &listName, ProviderPriceUpdate u)
    {
        const Result<void> ok = compare(catalog, prices, instances, mappedIds(read, catalog), commitments,
                                        instancesRead, listName, &u);
        if (!ok)
            return ok.error();
        return u;
    }
};

// The No Upfront Compute Savings Plans rates of the catalog's region (EC2, Fargate, Lambda).
Result<void> checkSavingsPlans(const PricingCatalog &catalog, const PriceListService &s, const QUrl &index, Fetcher &f,
                               Gathered &g, ProviderPriceUpdate &u)
{
    if (index.isEmpty()) {
        u.skipped << PriceListUpdate::tr("%1: the offer index is a mirror and NIMBUS_AWS_SAVINGS_PLAN_URL names "
                                         "none of the savings plans; their prices are kept")
                         .arg(s.name);
        return {};
    }
    const Result<QByteArray> regions = f.get(index, index,
                                             PriceListUpdate::tr("The Compute Savings Plans region index"));
    const Result<QUrl> file = regions ? PriceLists::awsSavingsPlanFile(*regions, index, catalog.region())
                                      : Result<QUrl>(regions.error());
    if (!file)
        return file.error();
    // In reality a large file: read as CSV when over the cap, skipped as EC2's offer file when neither form is.
    const Result<LargeBody> body = getLarge(f, *file, index, PriceListUpdate::tr("The Compute Savings Plans file"),
                                            AwsCsvReader::Kind::SavingsPlans, s, catalog);
    if (!body)
        return body.error();
    if (!body->skipped.isEmpty()) {
        u.skipped << PriceListUpdate::tr("%1: %2; their prices are kept").arg(s.name, body->skipped);
        return {};
    }
    const Result<ListedRates> listed = PriceLists::awsSavingsPlans(body->json, body->source, s, catalog);
    if (!listed)
        return listed.error();
    g.add(*listed, s, &u);
    return {};
}

// Spot: the Spot Instance Advisor's average savings applied to the on-demand rates.
Result<void> checkSpot(const PricingCatalog &catalog, const QUrl &url, Fetcher &f, Gathered &g, ProviderPriceUpdate &u)
{
    const QString name = PriceListUpdate::tr("AWS Spot Instance Advisor");
    if (url.isEmpty()) {
        u.skipped << PriceListUpdate::tr("%1: the offer index is a mirror and NIMBUS_AWS_SPOT_ADVISOR_URL names none "
                                         "of the spot data; the spot prices are kept")
                         .arg(name);
        return {};
    }
    const Result<QByteArray> body = f.get(url, url, PriceListUpdate::tr("The Spot Instance Advisor data"));
    if (!body)
        return body.error();
    QMap<QString, ListedRate> onDemand;
    for (const auto &[type, rates] : g.instances)
        onDemand.insert(type, rates.front());
    const Result<ListedRates> listed = PriceLists::awsSpot(*body, url, catalog, onDemand);
    if (!listed)
        return listed.error();
    for (const ListedRate &r : listed->rates)
        g.prices[r.id].push_back(r);
    for (const QString &c : listed->commitments)
        g.commitments.insert(c);
    return {};
}

// The AWS offer files of the services the catalog prices, then its commitment rates.
Result<ProviderPriceUpdate> checkAws(const PricingCatalog &catalog, const PriceLists::Mappings &mappings,
                                     const PriceListUpdate::Sources &sources, Fetcher &f)
{
    const std::vector<PriceListService> &services = mappings.aws;
    const QUrl &index = sources.awsOfferIndex;
    ProviderPriceUpdate u = header(catalog);
    const Result<QByteArray> indexBody = f.get(index, index, PriceListUpdate::tr("The AWS offer index"));
    if (!indexBody)
        return indexBody.error();
    const Result<QMap<QString, QUrl>> regionIndexes = PriceLists::awsRegionIndexes(*indexBody, index);
    if (!regionIndexes)
        return regionIndexes.error();
    Gathered g;
    for (const PriceListService &s : services) {
        if (!Gathered::wanted(s, catalog, &u))
            continue;
        const QUrl regionIndex = regionIndexes->value(s.code);
        if (regionIndex.isEmpty()) {
            u.skipped << PriceListUpdate::tr("%1: not in the offer index").arg(s.name);
            continue;
        }
        const Result<QByteArray> regions = f.get(regionIndex, index,
                                                 PriceListUpdate::tr("The %1 region index").arg(s.code));
        const Result<QUrl> offer = regions ? PriceLists::awsRegionOffer(*regions, regionIndex, catalog.region())
                                           : Result<QUrl>(regions.error());
        if (!offer)
            return offer.error();
        const QString what = PriceListUpdate::tr("The %1 offer file").arg(s.code);
        const Result<LargeBody> body = s.large ? getLarge(f, *offer, index, what, AwsCsvReader::Kind::Offer, s, catalog)
                                               : small(f.get(*offer, index, what), *offer);
        if (!body)
            return body.error();
        if (!body->skipped.isEmpty()) {
            u.skipped << PriceListUpdate::tr("%1: %2; its prices are kept").arg(s.name, body->skipped);
            continue;
        }
        const Result<ListedRates> listed = PriceLists::awsOffer(body->json, body->source, s, catalog);
        if (!listed)
            return listed.error();
        g.add(*listed, s, &u);
        g.done(s);
    }
    if (const Result<void> ok = checkSavingsPlans(catalog, mappings.awsSavingsPlans, sources.awsSavingsPlans, f, g, u);
        !ok)
        return ok.error();
    if (const Result<void> ok = checkSpot(catalog, sources.awsSpotAdvisor, f, g, u); !ok)
        return ok.error();
    return g.finish(catalog, PriceListUpdate::tr("AWS Price List Bulk API"), u);
}

// The Azure Retail Prices pages of the services the catalog prices.
Result<ProviderPriceUpdate> checkAzure(const PricingCatalog &catalog, const std::vector<PriceListService> &services,
                                       const QUrl &base, Fetcher &f)
{
    ProviderPriceUpdate u = header(catalog);
    Gathered g;
    for (const PriceListService &s : services) {
        if (!Gathered::wanted(s, catalog, &u))
            continue;
        QUrl page = PriceLists::azureQuery(base, s, catalog);
        for (int n = 1; !page.isEmpty(); ++n) {
            if (n > PriceListUpdate::kMaxPages)
                return fail(PriceListUpdate::tr("%1: more than %2 pages of prices").arg(s.name).arg(n - 1));
            const Result<QByteArray> body = f.get(
                page, base, PriceListUpdate::tr("Azure prices of %1, page %2").arg(s.name).arg(n));
            if (!body)
                return body.error();
            const Result<ListedRates> listed = PriceLists::azurePage(*body, page, s, catalog);
            if (!listed)
                return listed.error();
            g.add(*listed, s, &u);
            page = listed->next;
        }
        g.done(s);
    }
    return g.finish(catalog, PriceListUpdate::tr("Azure Retail Prices API"), u);
}

QStringList providerIds(const QString &providers)
{
    if (providers == "all"_L1)
        return {u"aws"_s, u"azure"_s};
    return {providers};
}

// The whole check; its result goes to the promise unless it was cancelled.
void run(const QString &providers, const PricingCatalogs &catalogs, const PriceListUpdate::Sources &sources,
         const PricingUpdater::Limits &limits, Promise &promise)
{
    auto notUpdated = [](const QString &why) {
        return fail(PriceListUpdate::tr("Prices not updated: %1. Nothing was installed.").arg(why));
    };
    const Result<PriceLists::Mappings> mappings = PriceLists::mappings();
    if (!mappings) {
        promise.addResult(notUpdated(mappings.errorMessage()));
        return;
    }
    Fetcher f{promise, limits};
    f.planned = providers == "azure"_L1 ? 2 : providers == "aws"_L1 ? 4 + 2 * int(mappings->aws.size()) : 23;
    promise.setProgressRange(0, f.planned * Fetcher::kSteps);
    PriceListReport report;
    for (const QString &id : providerIds(providers)) {
        const auto catalog = catalogs.provider(id);
        if (!catalog) {
            promise.addResult(notUpdated(PriceListUpdate::tr("there is no %1 catalog").arg(id)));
            return;
        }
        const Result<ProviderPriceUpdate> u = id == "aws"_L1
                                                  ? checkAws(*catalog, *mappings, sources, f)
                                                  : checkAzure(*catalog, mappings->azure, sources.azureRetailPrices, f);
        if (promise.isCanceled())
            return;
        if (!u) {
            promise.addResult(notUpdated(u.errorMessage()));
            return;
        }
        report.providers.push_back(*u);
    }
    if (providers == "all"_L1) {
        for (const QString &id : catalogs.providers())
            if (id != "aws"_L1 && id != "azure"_L1)
                report.shippedOnly << PriceListUpdate::tr("%1 (%2): no public price list is read; the catalog of %3 "
                                                          "stays in use.")
                                          .arg(catalogs.provider(id)->providerName(), catalogs.provider(id)->region(),
                                               catalogs.provider(id)->collected());
    }
    promise.setProgressValue(f.planned * Fetcher::kSteps);
    promise.addResult(std::move(report));
}

QThreadPool *checkPool()
{
    // Threads end with their job: libcurl's TLS state lives per thread (see PricingUpdater).
    static QThreadPool pool;
    pool.setExpiryTimeout(0);
    return &pool;
}

} // namespace

int ProviderPriceUpdate::changedCount() const
{
    return int(std::count_if(prices.begin(), prices.end(), [](const PriceChange &c) { return c.changed; }));
}

QString PriceListReport::text() const
{
    QString text;
    auto list = [](const QStringList &items) {
        return items.size() <= 10
                   ? items.join(u", "_s)
                   : PriceListUpdate::tr("%1 and %2 more").arg(items.mid(0, 10).join(u", "_s)).arg(items.size() - 10);
    };
    for (const ProviderPriceUpdate &u : providers) {
        text += PriceListUpdate::tr("%1 (%2): %3 changed, %4 unchanged, %5 unmapped SKU(s).\n")
                    .arg(u.providerName, u.region)
                    .arg(u.changedCount())
                    .arg(int(u.prices.size()) - u.changedCount())
                    .arg(u.unmapped.size());
        for (const PriceChange &c : u.prices)
            if (c.changed)
                text += PriceListUpdate::tr("  %1: %2 -> %3 (effective %4, SKU %5, %6)\n")
                            .arg(c.id, c.oldValue, c.newValue, c.effective, c.sku, c.source.toString())
                        + (c.note.isEmpty() ? QString() : PriceListUpdate::tr("    %1\n").arg(c.note));
        if (!u.missing.isEmpty())
            text += PriceListUpdate::tr("  Not in the list, kept: %1\n").arg(list(u.missing));
        if (!u.unmapped.isEmpty())
            text += PriceListUpdate::tr("  Unmapped SKUs: %1\n").arg(list(u.unmapped));
        if (!u.notInCatalog.isEmpty())
            text += PriceListUpdate::tr("  No catalog prices for: %1\n").arg(u.notInCatalog.join(u", "_s));
        for (const QString &s : u.skipped)
            text += PriceListUpdate::tr("  Skipped %1\n").arg(s);
    }
    for (const QString &s : shippedOnly)
        text += s + '\n'_L1;
    return text;
}

PriceListUpdate::Sources PriceListUpdate::Sources::fromEnvironment()
{
    Sources s;
    const Result<PriceLists::Mappings> m = PriceLists::mappings();
    if (m) {
        s.awsOfferIndex = m->awsOfferIndex;
        s.azureRetailPrices = m->azureRetailPrices;
        s.awsSavingsPlans = m->awsSavingsPlanIndex;
        s.awsSpotAdvisor = m->awsSpotAdvisor;
    }
    if (const QString aws = qEnvironmentVariable("NIMBUS_AWS_PRICE_LIST_URL"); !aws.isEmpty()) {
        s.awsOfferIndex = QUrl(aws);
        s.awsSavingsPlans = s.awsSpotAdvisor = QUrl(); // a mirror: these only from mirrors too
    }
    if (const QString plans = qEnvironmentVariable("NIMBUS_AWS_SAVINGS_PLAN_URL"); !plans.isEmpty())
        s.awsSavingsPlans = QUrl(plans);
    if (const QString spot = qEnvironmentVariable("NIMBUS_AWS_SPOT_ADVISOR_URL"); !spot.isEmpty())
        s.awsSpotAdvisor = QUrl(spot);
    if (const QString azure = qEnvironmentVariable("NIMBUS_AZURE_PRICES_URL"); !azure.isEmpty())
        s.azureRetailPrices = QUrl(azure);
    return s;
}

PricingUpdater::Limits PriceListUpdate::defaultLimits()
{
    PricingUpdater::Limits limits;
    limits.maxBytes = 48 * 1024 * 1024;
    limits.timeoutMs = 300'000;
    limits.caFile = qEnvironmentVariable("NIMBUS_PRICING_CA_FILE");
    return limits;
}

bool PriceListUpdate::isProviderList(const QString &name)
{
    return name == "aws"_L1 || name == "azure"_L1 || name == "all"_L1;
}

QFuture<Result<PriceListReport>> PriceListUpdate::check(const QString &providers, const PricingCatalogs &catalogs,
                                                        const Sources &sources, const PricingUpdater::Limits &limits)
{
    return QtConcurrent::run(checkPool(), [providers, catalogs, sources, limits](Promise &promise) {
        run(providers, catalogs, sources, limits, promise);
    });
}

Result<QString> PriceListUpdate::install(const PriceListReport &report, const QString &userDirectory)
{
    if (!QDir().mkpath(userDirectory))
        return fail(tr("the folder %1 cannot be created").arg(QDir::toNativeSeparators(userDirectory)));
    QStringList installed;
    for (const ProviderPriceUpdate &u : report.providers) {
        QString base = u.provider.toLower();
        base.replace(QRegularExpression(u"[^a-z0-9_-]"_s), u"-"_s);
        QSaveFile file(QDir(userDirectory).filePath(base + u".json"_s));
        if (!file.open(QIODevice::WriteOnly) || file.write(u.catalog) != u.catalog.size() || !file.commit())
            return fail(
                tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
        installed << tr("Prices of %1 (%2) updated from its price list: %n price(s) changed.", nullptr,
                        u.changedCount())
                         .arg(u.providerName, u.region);
    }
    return installed.join('\n'_L1);
}

} // namespace Nimbus
