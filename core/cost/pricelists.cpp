#include "pricelists.h"

#include "pricingcatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// The JSON object of a file or page, or what is wrong with it (named after `what`).
Result<QJsonObject> object(const QByteArray &json, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(PriceLists::tr("%1 is not valid JSON (at byte %2: %3)")
                        .arg(what)
                        .arg(error.offset)
                        .arg(error.errorString()));
    if (!document.isObject())
        return fail(PriceLists::tr("%1 is not a JSON object").arg(what));
    return document.object();
}

QMap<QString, QString> stringMap(const QJsonObject &o)
{
    QMap<QString, QString> map;
    for (auto it = o.begin(); it != o.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

std::vector<PriceListService> services(const QJsonArray &array)
{
    std::vector<PriceListService> list;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        PriceListService s;
        s.code = o.value(o.contains("offer"_L1) ? "offer"_L1 : "serviceName"_L1).toString();
        s.name = o.value("name"_L1).toString();
        s.large = o.value("large"_L1).toBool();
        const QJsonValue instances = o.value("instances"_L1);
        s.instances = instances.isObject() || instances.toBool();
        s.instanceFilter = stringMap(instances.toObject());
        for (const QJsonValue &r : o.value("prices"_L1).toArray()) {
            const QJsonObject ro = r.toObject();
            PriceListService::Rule rule;
            rule.id = ro.value("id"_L1).toString();
            rule.usage = ro.value(ro.contains("usagetype"_L1) ? "usagetype"_L1 : "meterName"_L1).toString();
            rule.skuName = ro.value("skuName"_L1).toString();
            rule.attributes = stringMap(ro.value("attributes"_L1).toObject());
            s.rules.push_back(rule);
        }
        list.push_back(s);
    }
    return list;
}

// A usage type without the region prefix AWS puts before most regions' ("USE2-", "EU-").
QString baseUsageType(const QString &usageType)
{
    static const QRegularExpression prefix(u"^[A-Z]{2,4}[0-9]*-"_s);
    const QRegularExpressionMatch m = prefix.match(usageType);
    return m.hasMatch() ? usageType.mid(m.capturedLength()) : usageType;
}

bool attributesMatch(const QMap<QString, QString> &wanted, const QJsonObject &product)
{
    const QJsonObject attributes = product.value("attributes"_L1).toObject();
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        const QString actual = it.key() == "productFamily"_L1 ? product.value("productFamily"_L1).toString()
                                                              : attributes.value(it.key()).toString();
        if (actual != it.value())
            return false;
    }
    return true;
}

// What a product of an AWS offer file is in the catalog: its price id, an instance type
// (instance set), nothing the catalog has (empty), or unmapped (mapped false).
struct AwsMatch
{
    QString id;
    bool instance = false;
    bool mapped = false;
};

AwsMatch matchAwsProduct(const QJsonObject &product, const PriceListService &service, const PricingCatalog &catalog)
{
    const QJsonObject attributes = product.value("attributes"_L1).toObject();
    if (service.instances) {
        const QString type = attributes.value("instanceType"_L1).toString();
        if (attributesMatch(service.instanceFilter, product) && catalog.instance(type))
            return {type, true, true};
        return {{}, false, true}; // other instances, systems and tenancies: not the catalog's
    }
    const QString usage = baseUsageType(attributes.value("usagetype"_L1).toString());
    for (const PriceListService::Rule &rule : service.rules) {
        if (rule.usage == usage && attributesMatch(rule.attributes, product))
            return {catalog.price(rule.id) ? rule.id : QString(), false, true};
    }
    return {};
}

// The on-demand rates of one SKU: one per price dimension (a band of a tiered price).
Result<void> awsTermRates(const QJsonObject &terms, const QString &sku, const AwsMatch &match, const QUrl &url,
                          std::vector<ListedRate> *rates)
{
    const QJsonObject offers = terms.value(sku).toObject();
    if (offers.isEmpty())
        return fail(PriceLists::tr("terms.OnDemand.%1: no on-demand term").arg(sku));
    const QJsonObject term = offers.begin().value().toObject();
    const QJsonObject dimensions = term.value("priceDimensions"_L1).toObject();
    const QString effective = term.value("effectiveDate"_L1).toString().left(10);
    if (dimensions.isEmpty() || effective.size() != 10)
        return fail(PriceLists::tr("terms.OnDemand.%1: no price dimensions or effective date").arg(sku));
    for (auto it = dimensions.begin(); it != dimensions.end(); ++it) {
        const QJsonObject d = it.value().toObject();
        bool priceOk = false, fromOk = false;
        ListedRate rate;
        rate.id = match.id;
        rate.instance = match.instance;
        rate.price = d.value("pricePerUnit"_L1).toObject().value("USD"_L1).toString().toDouble(&priceOk);
        rate.from = d.value("beginRange"_L1).toString(u"0"_s).toDouble(&fromOk);
        if (!priceOk || !fromOk || rate.price < 0)
            return fail(PriceLists::tr("terms.OnDemand.%1: %2 has no USD price or range").arg(sku, it.key()));
        rate.unit = d.value("unit"_L1).toString();
        rate.sku = sku;
        rate.effective = effective;
        rate.source = url;
        rates->push_back(rate);
    }
    return {};
}

// An Azure unit of measure: how many units one price is for ("10", "1 GB Second", "10K").
double azureUnitSize(const QString &unitOfMeasure, QString *unit)
{
    static const QRegularExpression pattern(u"^\\s*([0-9]+(?:\\.[0-9]+)?)([KM]?)(?:\\s+(.*))?$"_s);
    const QRegularExpressionMatch m = pattern.match(unitOfMeasure);
    if (!m.hasMatch())
        return 0;
    *unit = m.captured(3).isEmpty() ? PriceLists::tr("units") : m.captured(3);
    const double scale = m.captured(2) == "K"_L1 ? 1e3 : m.captured(2) == "M"_L1 ? 1e6 : 1;
    return m.captured(1).toDouble() * scale;
}

// What an item of an Azure page is in the catalog (see AwsMatch).
AwsMatch matchAzureItem(const QJsonObject &item, const PriceListService &service, const PricingCatalog &catalog)
{
    if (item.value("type"_L1).toString() != "Consumption"_L1)
        return {{}, false, true};
    if (service.instances) {
        const QString sku = item.value("skuName"_L1).toString();
        const bool linux = !item.value("productName"_L1).toString().contains("Windows"_L1);
        const bool onDemand = !sku.contains("Spot"_L1) && !sku.contains("Low Priority"_L1);
        const QString type = item.value("armSkuName"_L1).toString();
        if (linux && onDemand && catalog.instance(type))
            return {type, true, true};
        return {{}, false, true};
    }
    for (const PriceListService::Rule &rule : service.rules) {
        if (rule.usage == item.value("meterName"_L1).toString()
            && (rule.skuName.isEmpty() || rule.skuName == item.value("skuName"_L1).toString()))
            return {catalog.price(rule.id) ? rule.id : QString(), false, true};
    }
    return {};
}

Result<ListedRate> azureRate(const QJsonObject &item, const AwsMatch &match, const QUrl &url, int index)
{
    ListedRate rate;
    rate.id = match.id;
    rate.instance = match.instance;
    const double size = azureUnitSize(item.value("unitOfMeasure"_L1).toString(), &rate.unit);
    const QJsonValue price = item.value("retailPrice"_L1);
    rate.effective = item.value("effectiveStartDate"_L1).toString().left(10);
    if (size <= 0 || !price.isDouble() || price.toDouble() < 0 || rate.effective.size() != 10)
        return fail(PriceLists::tr("Items[%1] (%2): no price, unit of measure or effective date")
                        .arg(index)
                        .arg(item.value("meterName"_L1).toString()));
    rate.price = price.toDouble() / size;
    rate.from = item.value("tierMinimumUnits"_L1).toDouble() * size;
    rate.sku = item.value("skuId"_L1).toString();
    rate.source = url;
    return rate;
}

} // namespace

bool PriceListService::relevantTo(const PricingCatalog &catalog) const
{
    if (instances)
        return !catalog.instances().empty();
    return std::any_of(rules.begin(), rules.end(), [&](const Rule &r) { return catalog.price(r.id) != nullptr; });
}

Result<PriceLists::Mappings> PriceLists::mappings()
{
    QFile file(u":/nimbus/pricelists/mappings.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("the price list mappings are missing: %1").arg(file.errorString()));
    return parseMappings(file.readAll());
}

Result<PriceLists::Mappings> PriceLists::parseMappings(const QByteArray &json)
{
    const Result<QJsonObject> root = object(json, tr("The price list mappings"));
    if (!root)
        return root.error();
    if (root->value("format"_L1).toString() != "nimbus-pricelist-mappings"_L1)
        return fail(tr("The price list mappings: format is not nimbus-pricelist-mappings"));
    const QJsonObject aws = root->value("aws"_L1).toObject(), azure = root->value("azure"_L1).toObject();
    Mappings m;
    m.awsOfferIndex = QUrl(aws.value("offerIndex"_L1).toString());
    m.azureRetailPrices = QUrl(azure.value("retailPrices"_L1).toString());
    m.aws = services(aws.value("services"_L1).toArray());
    m.azure = services(azure.value("services"_L1).toArray());
    return m;
}

Result<QMap<QString, QUrl>> PriceLists::awsRegionIndexes(const QByteArray &json, const QUrl &url)
{
    const QString what = tr("The AWS offer index %1").arg(url.toString());
    const Result<QJsonObject> root = object(json, what);
    if (!root)
        return root.error();
    const QJsonValue offers = root->value("offers"_L1);
    if (!offers.isObject())
        return fail(tr("%1: no 'offers' object").arg(what));
    QMap<QString, QUrl> indexes;
    const QJsonObject o = offers.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString regionIndex = it.value().toObject().value("currentRegionIndexUrl"_L1).toString();
        if (!regionIndex.isEmpty())
            indexes.insert(it.key(), url.resolved(QUrl(regionIndex)));
    }
    return indexes;
}

Result<QUrl> PriceLists::awsRegionOffer(const QByteArray &json, const QUrl &url, const QString &region)
{
    const QString what = tr("The AWS region index %1").arg(url.toString());
    const Result<QJsonObject> root = object(json, what);
    if (!root)
        return root.error();
    const QJsonValue regions = root->value("regions"_L1);
    if (!regions.isObject())
        return fail(tr("%1: no 'regions' object").arg(what));
    const QString offer = regions.toObject().value(region).toObject().value("currentVersionUrl"_L1).toString();
    if (offer.isEmpty())
        return fail(tr("%1: no offer file for the region %2").arg(what, region));
    return url.resolved(QUrl(offer));
}

Result<ListedRates> PriceLists::awsOffer(const QByteArray &json, const QUrl &url, const PriceListService &service,
                                         const PricingCatalog &catalog)
{
    const QString what = tr("The AWS offer file %1").arg(url.toString());
    const Result<QJsonObject> root = object(json, what);
    if (!root)
        return root.error();
    const QJsonValue products = root->value("products"_L1);
    const QJsonValue onDemand = root->value("terms"_L1).toObject().value("OnDemand"_L1);
    if (!products.isObject() || !onDemand.isObject())
        return fail(tr("%1: not an offer file (no 'products' or 'terms.OnDemand')").arg(what));
    ListedRates listed;
    const QJsonObject all = products.toObject(), terms = onDemand.toObject();
    for (auto it = all.begin(); it != all.end(); ++it) {
        const QJsonObject product = it.value().toObject();
        const QJsonObject attributes = product.value("attributes"_L1).toObject();
        const QString regionCode = attributes.value("regionCode"_L1).toString();
        if (!regionCode.isEmpty() && regionCode != catalog.region())
            continue; // transfer to or from another region: not a price of this one
        const AwsMatch match = matchAwsProduct(product, service, catalog);
        if (!match.mapped)
            listed.unmapped << u"%1 (%2)"_s.arg(it.key(), attributes.value("usagetype"_L1).toString());
        if (match.id.isEmpty())
            continue;
        if (const Result<void> ok = awsTermRates(terms, it.key(), match, url, &listed.rates); !ok)
            return fail(u"%1: %2"_s.arg(what, ok.errorMessage()));
    }
    return listed;
}

QString PriceLists::azureRegion(const QString &catalogRegion)
{
    return catalogRegion.toLower().remove(' '_L1);
}

QUrl PriceLists::azureQuery(const QUrl &base, const PriceListService &service, const PricingCatalog &catalog)
{
    QString filter = u"serviceName eq '%1' and armRegionName eq '%2' and priceType eq 'Consumption'"_s.arg(
        service.code, azureRegion(catalog.region()));
    if (service.instances) {
        QStringList types;
        for (const InstanceType &t : catalog.instances())
            types << u"armSkuName eq '%1'"_s.arg(t.type);
        filter += u" and (%1)"_s.arg(types.join(u" or "_s));
    }
    QUrl url = base;
    QUrlQuery query(base);
    query.addQueryItem(u"$filter"_s, filter);
    url.setQuery(query);
    return url;
}

Result<ListedRates> PriceLists::azurePage(const QByteArray &json, const QUrl &url, const PriceListService &service,
                                          const PricingCatalog &catalog)
{
    const QString what = tr("The Azure price page %1").arg(url.toString());
    const Result<QJsonObject> root = object(json, what);
    if (!root)
        return root.error();
    const QJsonValue items = root->value("Items"_L1);
    if (!items.isArray())
        return fail(tr("%1: no 'Items' array").arg(what));
    ListedRates listed;
    const QJsonArray array = items.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject item = array.at(i).toObject();
        if (item.value("currencyCode"_L1).toString(u"USD"_s) != catalog.currency())
            continue;
        const AwsMatch match = matchAzureItem(item, service, catalog);
        if (!match.mapped)
            listed.unmapped << u"%1 (%2 %3)"_s.arg(item.value("skuId"_L1).toString(),
                                                   item.value("skuName"_L1).toString(),
                                                   item.value("meterName"_L1).toString());
        if (match.id.isEmpty())
            continue;
        const Result<ListedRate> rate = azureRate(item, match, url, i);
        if (!rate)
            return fail(u"%1: %2"_s.arg(what, rate.errorMessage()));
        listed.rates.push_back(*rate);
    }
    const QString next = root->value("NextPageLink"_L1).toString();
    if (!next.isEmpty())
        listed.next = url.resolved(QUrl(next));
    return listed;
}

std::vector<PriceTier> PriceLists::tiers(std::vector<ListedRate> rates, double *free)
{
    std::sort(rates.begin(), rates.end(), [](const ListedRate &a, const ListedRate &b) { return a.from < b.from; });
    // Azure repeats a band on several pages or meters: one per start.
    rates.erase(std::unique(rates.begin(), rates.end(),
                            [](const ListedRate &a, const ListedRate &b) { return a.from == b.from; }),
                rates.end());
    *free = 0;
    if (rates.size() > 1 && rates.front().from == 0 && rates.front().price == 0) {
        *free = rates[1].from;
        rates.erase(rates.begin());
    }
    std::vector<PriceTier> tiers;
    for (size_t i = 0; i < rates.size(); ++i) {
        PriceTier tier;
        tier.price = rates[i].price;
        tier.upTo = i + 1 < rates.size() ? rates[i + 1].from : -1;
        tiers.push_back(tier);
    }
    return tiers;
}

} // namespace Nimbus
