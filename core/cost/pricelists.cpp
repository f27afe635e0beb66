#include "pricelists.h"

#include "pricingcatalog.h"

#include <QDate>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <utility>

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

// "1yr" / 1 (years) -> "1y", "3y"; empty for other terms.
QString termSuffix(int years)
{
    return years == 1 ? u"1y"_s : years == 3 ? u"3y"_s : QString();
}

// The standard No Upfront reserved rates of one instance SKU (terms.Reserved), as
// "instance.<type>@reserved-1y" and "-3y" when the catalog names them.
Result<void> awsReservedRates(const QJsonObject &reserved, const QString &sku, const QString &type,
                              const PricingCatalog &catalog, const QUrl &url, std::vector<ListedRate> *rates)
{
    const QJsonObject offers = reserved.value(sku).toObject();
    for (auto it = offers.begin(); it != offers.end(); ++it) {
        const QJsonObject term = it.value().toObject();
        const QJsonObject a = term.value("termAttributes"_L1).toObject();
        const QString length = a.value("LeaseContractLength"_L1).toString();
        const QString suffix = termSuffix(length == "1yr"_L1 ? 1 : length == "3yr"_L1 ? 3 : 0);
        const QString id = u"instance.%1@reserved-%2"_s.arg(type, suffix);
        if (a.value("PurchaseOption"_L1).toString() != "No Upfront"_L1
            || a.value("OfferingClass"_L1).toString() != "standard"_L1 || suffix.isEmpty() || !catalog.price(id))
            continue;
        const QString place = u"terms.Reserved.%1.%2"_s.arg(sku, it.key());
        const QString effective = term.value("effectiveDate"_L1).toString().left(10);
        const QJsonObject dimensions = term.value("priceDimensions"_L1).toObject();
        bool hourly = false;
        for (auto d = dimensions.begin(); d != dimensions.end(); ++d) {
            const QJsonObject dimension = d.value().toObject();
            if (dimension.value("unit"_L1).toString() != "Hrs"_L1)
                continue; // the upfront fee, zero for No Upfront
            bool ok = false;
            ListedRate rate;
            rate.id = id;
            rate.price = dimension.value("pricePerUnit"_L1).toObject().value("USD"_L1).toString().toDouble(&ok);
            if (!ok || rate.price < 0 || effective.size() != 10)
                return fail(PriceLists::tr("%1: %2 has no USD price or effective date").arg(place, d.key()));
            rate.unit = u"Hrs"_s;
            rate.sku = d.key();
            rate.effective = effective;
            rate.source = url;
            rates->push_back(rate);
            hourly = true;
        }
        if (!hourly)
            return fail(PriceLists::tr("%1: no hourly price dimension").arg(place));
    }
    return {};
}

// A savings plan rate's catalog id (empty: not one the catalog has): an EC2 instance type
// (Linux, shared tenancy) or a rule's usage type, under the plan's commitment.
QString savingsPlanId(const QJsonObject &rate, const PriceListService &service, const PricingCatalog &catalog,
                      const QString &commitment)
{
    const QString usage = baseUsageType(rate.value("discountedUsageType"_L1).toString());
    const QString prefix = service.instanceFilter.value(u"usagetype"_s);
    if (!prefix.isEmpty() && usage.startsWith(prefix)) {
        const QString type = usage.mid(prefix.size());
        const QString id = u"instance.%1@%2"_s.arg(type, commitment);
        const bool linux = rate.value("discountedOperation"_L1).toString()
                           == service.instanceFilter.value(u"operation"_s);
        return linux && catalog.instance(type) && catalog.price(id) ? id : QString();
    }
    for (const PriceListService::Rule &rule : service.rules) {
        if (rule.usage != usage)
            continue;
        bool match = true;
        for (auto it = rule.attributes.begin(); it != rule.attributes.end(); ++it)
            match = match && rate.value(it.key()).toString() == it.value();
        const QString id = rule.id + u'@' + commitment;
        if (match)
            return catalog.price(id) ? id : QString();
    }
    return {};
}

// The catalog rates of one savings plan term of an AWS Compute Savings Plans file.
Result<void> savingsPlanTerm(const QJsonObject &term, int index, const QString &commitment,
                             const PriceListService &service, const PricingCatalog &catalog, const QUrl &url,
                             std::vector<ListedRate> *rates)
{
    const QString place = u"terms.savingsPlan[%1] (%2)"_s.arg(index).arg(term.value("sku"_L1).toString());
    const QString effective = term.value("effectiveDate"_L1).toString().left(10);
    const QJsonValue list = term.value("rates"_L1);
    if (!list.isArray() || effective.size() != 10)
        return fail(PriceLists::tr("%1: no 'rates' array or effective date").arg(place));
    const QJsonArray array = list.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject r = array.at(i).toObject();
        ListedRate rate;
        rate.id = savingsPlanId(r, service, catalog, commitment);
        if (rate.id.isEmpty())
            continue;
        const QJsonObject discounted = r.value("discountedRate"_L1).toObject();
        bool ok = false;
        rate.price = discounted.value("price"_L1).toString().toDouble(&ok);
        if (!ok || rate.price < 0 || discounted.value("currency"_L1).toString() != catalog.currency())
            return fail(PriceLists::tr("%1.rates[%2] (%3): no %4 discounted rate")
                            .arg(place)
                            .arg(i)
                            .arg(r.value("discountedUsageType"_L1).toString(), catalog.currency()));
        rate.unit = r.value("unit"_L1).toString();
        rate.sku = r.value("rateCode"_L1)
                       .toString(
                           u"%1.%2"_s.arg(term.value("sku"_L1).toString(), r.value("discountedSku"_L1).toString()));
        rate.effective = effective;
        rate.source = url;
        rate.listName = PriceLists::tr("AWS Price List Bulk API, Compute Savings Plans");
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

// The rates of an Azure VM item for a size the catalog has (Linux only): its on-demand rate,
// its spot rate, its savings plans (hourly) or a reservation (the term's price over its hours).
Result<void> azureInstanceRates(const QJsonObject &item, const PricingCatalog &catalog, const QUrl &url, int index,
                                std::vector<ListedRate> *rates)
{
    const QString sku = item.value("skuName"_L1).toString(), type = item.value("armSkuName"_L1).toString();
    const QString kind = item.value("type"_L1).toString();
    if (item.value("productName"_L1).toString().contains("Windows"_L1) || sku.contains("Low Priority"_L1)
        || !catalog.instance(type) || (kind != "Consumption"_L1 && kind != "Reservation"_L1))
        return {};
    const bool spot = sku.contains("Spot"_L1);
    const QString term = item.value("reservationTerm"_L1).toString();
    const int years = term == "1 Year"_L1 ? 1 : term == "3 Years"_L1 ? 3 : 0;
    AwsMatch match{type, true, true};
    if (spot || kind == "Reservation"_L1)
        match = {spot ? u"instance.%1@spot"_s.arg(type) : u"instance.%1@reserved-%2"_s.arg(type, termSuffix(years)),
                 false, true};
    if ((match.instance || catalog.price(match.id)) && (kind != "Reservation"_L1 || years > 0)) {
        Result<ListedRate> rate = azureRate(item, match, url, index);
        if (!rate)
            return rate.error();
        if (kind == "Reservation"_L1) {
            const double hours = years * PriceLists::kHoursPerYear;
            rate->note = PriceLists::tr("%1 %2 for the whole term (%3), over its %4 hours")
                             .arg(item.value("retailPrice"_L1).toDouble())
                             .arg(catalog.currency(), term)
                             .arg(hours);
            rate->price = item.value("retailPrice"_L1).toDouble() / hours;
            rate->unit = PriceLists::tr("hours");
        }
        rates->push_back(*rate);
    }
    if (kind != "Consumption"_L1 || spot)
        return {};
    for (const QJsonValue &v : item.value("savingsPlan"_L1).toArray()) {
        const QJsonObject plan = v.toObject();
        const QString planTerm = plan.value("term"_L1).toString();
        const QString id = u"instance.%1@savings-plan-%2"_s.arg(type, termSuffix(planTerm == "1 Year"_L1    ? 1
                                                                                 : planTerm == "3 Years"_L1 ? 3
                                                                                                            : 0));
        if (id.endsWith(u'-') || !catalog.price(id))
            continue;
        const QJsonValue price = plan.value("retailPrice"_L1);
        if (!price.isDouble() || price.toDouble() < 0)
            return fail(
                PriceLists::tr("Items[%1] (%2): the %3 savings plan has no price").arg(index).arg(sku, planTerm));
        Result<ListedRate> listed = azureRate(item, {id, false, true}, url, index);
        if (!listed)
            return listed.error();
        ListedRate rate = *listed;
        rate.price = price.toDouble();
        rate.sku += u" ("_s + PriceLists::tr("savings plan, %1").arg(planTerm) + u')';
        rates->push_back(rate);
    }
    return {};
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
    const QJsonObject plans = aws.value("savingsPlans"_L1).toObject();
    m.awsSavingsPlanIndex = QUrl(plans.value("regionIndex"_L1).toString());
    m.awsSpotAdvisor = QUrl(aws.value("spotAdvisor"_L1).toString());
    if (!plans.isEmpty())
        m.awsSavingsPlans = services(QJsonArray{plans}).front();
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
    const QJsonValue reserved = root->value("terms"_L1).toObject().value("Reserved"_L1);
    if (service.instances && reserved.isObject())
        listed.commitments << u"reserved-1y"_s << u"reserved-3y"_s;
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
        if (match.instance && reserved.isObject())
            if (const Result<void> ok = awsReservedRates(reserved.toObject(), it.key(), match.id, catalog, url,
                                                         &listed.rates);
                !ok)
                return fail(u"%1: %2"_s.arg(what, ok.errorMessage()));
    }
    return listed;
}

Result<QUrl> PriceLists::awsSavingsPlanFile(const QByteArray &json, const QUrl &url, const QString &region)
{
    const QString what = tr("The AWS Compute Savings Plans region index %1").arg(url.toString());
    const Result<QJsonObject> root = object(json, what);
    if (!root)
        return root.error();
    const QJsonValue regions = root->value("regions"_L1);
    if (!regions.isArray())
        return fail(tr("%1: no 'regions' array").arg(what));
    for (const QJsonValue &v : regions.toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value("regionCode"_L1).toString() == region && !o.value("versionUrl"_L1).toString().isEmpty())
            return url.resolved(QUrl(o.value("versionUrl"_L1).toString()));
    }
    return fail(tr("%1: no savings plan file for the region %2").arg(what, region));
}

Result<ListedRates> PriceLists::awsSavingsPlans(const QByteArray &json, const QUrl &url,
                                                const PriceListService &service, const PricingCatalog &catalog)
{
    const QString what = tr("The AWS Compute Savings Plans file %1").arg(url.toString());
    const Result<QJsonObject> root = object(json, what);
    if (!root)
        return root.error();
    const QJsonValue products = root->value("products"_L1);
    const QJsonValue terms = root->value("terms"_L1).toObject().value("savingsPlan"_L1);
    if (!(products.isArray() || products.isObject()) || !terms.isArray())
        return fail(tr("%1: not a savings plan file (no 'products' or 'terms.savingsPlan')").arg(what));
    QMap<QString, QJsonObject> plans; // sku -> product (an array in the files, an object in older ones)
    auto addPlan = [&](const QJsonValue &v) { plans.insert(v.toObject().value("sku"_L1).toString(), v.toObject()); };
    if (products.isArray())
        for (const QJsonValue &v : products.toArray())
            addPlan(v);
    const QJsonObject productMap = products.toObject();
    for (auto it = productMap.begin(); it != productMap.end(); ++it)
        addPlan(it.value());
    ListedRates listed;
    listed.commitments << u"savings-plan-1y"_s << u"savings-plan-3y"_s;
    const QJsonArray array = terms.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject term = array.at(i).toObject();
        const QJsonObject plan = plans.value(term.value("sku"_L1).toString());
        const QJsonObject length = term.value("leaseContractLength"_L1).toObject();
        const QString unit = length.value("unit"_L1).toString(u"year"_s);
        const QString suffix = unit.startsWith("year"_L1, Qt::CaseInsensitive)
                                   ? termSuffix(length.value("duration"_L1).toVariant().toInt()) // 1, or "1"
                                   : QString();
        if (plan.value("productFamily"_L1).toString() != "ComputeSavingsPlans"_L1 || suffix.isEmpty()
            || plan.value("attributes"_L1).toObject().value("purchaseOption"_L1).toString() != "No Upfront"_L1)
            continue;
        if (const Result<void> ok = savingsPlanTerm(term, i, u"savings-plan-"_s + suffix, service, catalog, url,
                                                    &listed.rates);
            !ok)
            return fail(u"%1: %2"_s.arg(what, ok.errorMessage()));
    }
    return listed;
}

Result<ListedRates> PriceLists::awsSpot(const QByteArray &json, const QUrl &url, const PricingCatalog &catalog,
                                        const QMap<QString, ListedRate> &onDemand)
{
    const QString what = tr("The AWS Spot Instance Advisor data %1").arg(url.toString());
    const Result<QJsonObject> root = object(json, what);
    if (!root)
        return root.error();
    const QJsonValue advisor = root->value("spot_advisor"_L1);
    if (!advisor.isObject())
        return fail(tr("%1: no 'spot_advisor' object").arg(what));
    QMap<int, QString> ranges; // interruption range index -> its label ("<5%")
    for (const QJsonValue &v : root->value("ranges"_L1).toArray())
        ranges.insert(v.toObject().value("index"_L1).toInt(-1), v.toObject().value("label"_L1).toString());
    const QJsonObject linux = advisor.toObject().value(catalog.region()).toObject().value("Linux"_L1).toObject();
    ListedRates listed;
    listed.commitments << u"spot"_s;
    for (const InstanceType &t : catalog.instances()) {
        const QString id = u"instance.%1@spot"_s.arg(t.type);
        const QJsonObject entry = linux.value(t.type).toObject();
        if (!catalog.price(id) || entry.isEmpty())
            continue;
        const QJsonValue saving = entry.value("s"_L1);
        if (!saving.isDouble() || saving.toDouble() < 0 || saving.toDouble() >= 100)
            return fail(
                tr("%1: spot_advisor.%2.Linux.%3: no savings percentage 's'").arg(what, catalog.region(), t.type));
        const bool listedOnDemand = onDemand.contains(t.type);
        const double hourly = listedOnDemand ? onDemand.value(t.type).price : t.hourly;
        ListedRate rate;
        rate.id = id;
        rate.price = hourly * (1 - saving.toDouble() / 100);
        rate.unit = u"Hrs"_s;
        rate.sku = listedOnDemand ? onDemand.value(t.type).sku
                                  : u"spot_advisor.%1.Linux.%2"_s.arg(catalog.region(), t.type);
        rate.effective = QDate::currentDate().toString(Qt::ISODate); // the data carries no date: the day it was read
        rate.source = url;
        rate.listName = tr("AWS Spot Instance Advisor");
        rate.note = tr("%1 %2 an hour on demand (%3) less the %4 % average saving the Spot Instance Advisor "
                       "states; interrupted %5 of the time")
                        .arg(hourly)
                        .arg(catalog.currency(), listedOnDemand ? tr("the price list") : tr("the catalog"))
                        .arg(saving.toDouble())
                        .arg(ranges.value(entry.value("r"_L1).toInt(-1), tr("an unknown share")));
        listed.rates.push_back(rate);
    }
    return listed;
}

QString PriceLists::azureRegion(const QString &catalogRegion)
{
    return catalogRegion.toLower().remove(' '_L1);
}

QUrl PriceLists::azureQuery(const QUrl &base, const PriceListService &service, const PricingCatalog &catalog)
{
    QString filter = u"serviceName eq '%1' and armRegionName eq '%2' and %3"_s.arg(
        service.code, azureRegion(catalog.region()),
        service.instances ? u"(priceType eq 'Consumption' or priceType eq 'Reservation')"_s
                          : u"priceType eq 'Consumption'"_s);
    if (service.instances) {
        QStringList types;
        for (const InstanceType &t : catalog.instances())
            types << u"armSkuName eq '%1'"_s.arg(t.type);
        filter += u" and (%1)"_s.arg(types.join(u" or "_s));
    }
    QUrl url = base;
    QUrlQuery query(base);
    if (service.instances)
        query.addQueryItem(u"api-version"_s, u"2023-01-01-preview"_s); // the version that lists savings plans
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
        if (service.instances) {
            if (const Result<void> ok = azureInstanceRates(item, catalog, url, i, &listed.rates); !ok)
                return fail(u"%1: %2"_s.arg(what, ok.errorMessage()));
            continue;
        }
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
    if (service.instances)
        listed.commitments << u"spot"_s << u"reserved-1y"_s << u"reserved-3y"_s << u"savings-plan-1y"_s
                           << u"savings-plan-3y"_s;
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

namespace Nimbus {

namespace {

// A product attribute of the JSON offer files and the column of the CSV form that holds it.
struct CsvAttribute
{
    QLatin1String json, column;
};

const CsvAttribute kOfferAttributes[] = {
    {"instanceType"_L1, "instance type"_L1},
    {"operatingSystem"_L1, "operating system"_L1},
    {"tenancy"_L1, "tenancy"_L1},
    {"preInstalledSw"_L1, "pre installed s/w"_L1},
    {"capacitystatus"_L1, "capacitystatus"_L1},
    {"usagetype"_L1, "usagetype"_L1},
    {"operation"_L1, "operation"_L1},
    {"regionCode"_L1, "region code"_L1},
    {"volumeType"_L1, "volume type"_L1},
    {"location"_L1, "location"_L1},
    {"productFamily"_L1, "product family"_L1},
    {"licenseModel"_L1, "license model"_L1},
};

// The CSV column (lower case) of a JSON attribute name the mappings use.
QString csvColumn(const QString &attribute)
{
    for (const CsvAttribute &a : kOfferAttributes)
        if (attribute == a.json)
            return a.column;
    return attribute.toLower();
}

// Lines longer than this are not a price list's: the file is refused, not held.
constexpr qsizetype kMaxCsvLine = 1024 * 1024;
// The metadata lines before the header ("FormatVersion", "Disclaimer" ...) are a handful.
constexpr qint64 kMaxCsvPreamble = 50;

// The number of fields of a CSV line as AwsCsvReader::splitLine reads them, without
// keeping them; -1 when a quoted field is not terminated or text follows its closing quote.
qsizetype countFields(QByteArrayView line)
{
    qsizetype count = 1;
    bool quoted = false, atStart = true, closed = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line.at(i + 1) == '"') {
                ++i;
            } else if (c == '"') {
                quoted = false;
                closed = true;
            }
            continue;
        }
        if (c == ',') {
            ++count;
            atStart = true;
            closed = false;
            continue;
        }
        if (closed)
            return -1;
        quoted = c == '"' && atStart;
        atStart = false;
    }
    return quoted ? -1 : count;
}

} // namespace

struct AwsCsvReader::State
{
    State(Kind k, const QUrl &u, const PriceListService &s, const PricingCatalog &c)
        : kind(k), url(u), service(s), catalog(c)
    { }

    Kind kind;
    QUrl url;
    const PriceListService &service;
    const PricingCatalog &catalog;
    QString what;
    QByteArray pending; // the start of a line whose end has not arrived
    qint64 line = 0;
    QString error;
    QHash<QString, int> columns; // lower-case header name -> index
    int columnCount = 0;
    QList<QByteArray> fields;
    // Text every wanted row contains (an instance type, a usage type): lines without any are
    // only checked, not split. Empty: every line is split.
    QList<QByteArray> needles;
    // An offer file's kept products and terms, in the JSON files' shape.
    QJsonObject products, onDemand, reserved;
    // A savings plan file's kept plans, terms and rates by plan SKU.
    QJsonArray plans;
    QMap<QString, QJsonObject> planTerms;
    QMap<QString, QJsonArray> planRates;

    QString value(const QString &column) const
    {
        const int i = columns.value(column, -1);
        return i < 0 ? QString() : QString::fromUtf8(fields.at(i));
    }
    bool failAt(const QString &why)
    {
        error = AwsCsvReader::tr("%1, line %2: %3").arg(what).arg(line).arg(why);
        return false;
    }
    bool readLine(QByteArrayView text);
    bool mayBeWanted(QByteArrayView text) const;
    bool readHeader();
    bool wantedProduct() const;
    void keepOfferRow();
    void keepPlanRow();
};

bool AwsCsvReader::splitLine(QByteArrayView line, QList<QByteArray> *fields)
{
    fields->clear();
    QByteArray field;
    qsizetype i = 0;
    while (true) {
        field.clear();
        if (i < line.size() && line.at(i) == '"') {
            ++i;
            while (true) {
                if (i >= line.size())
                    return false; // the closing quote is missing
                if (line.at(i) == '"') {
                    if (i + 1 < line.size() && line.at(i + 1) == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += line.at(i++);
            }
            if (i < line.size() && line.at(i) != ',')
                return false; // text after the closing quote
        } else {
            const qsizetype comma = line.indexOf(',', i);
            const qsizetype end = comma < 0 ? line.size() : comma;
            field = line.sliced(i, end - i).toByteArray();
            i = end;
        }
        fields->append(field);
        if (i >= line.size())
            return true;
        ++i; // the comma
    }
}

bool AwsCsvReader::State::readHeader()
{
    for (int i = 0; i < fields.size(); ++i)
        columns.insert(QString::fromUtf8(fields.at(i)).trimmed().toLower(), i);
    columnCount = int(fields.size());
    QStringList needed;
    if (kind == Kind::Offer) {
        needed = {u"sku"_s,
                  u"offertermcode"_s,
                  u"ratecode"_s,
                  u"termtype"_s,
                  u"effectivedate"_s,
                  u"unit"_s,
                  u"priceperunit"_s,
                  u"currency"_s,
                  u"leasecontractlength"_s,
                  u"purchaseoption"_s,
                  u"offeringclass"_s,
                  u"product family"_s,
                  u"usagetype"_s};
        for (auto it = service.instanceFilter.begin(); it != service.instanceFilter.end(); ++it)
            needed << csvColumn(it.key());
        if (service.instances)
            needed << u"instance type"_s;
    } else {
        needed = {u"sku"_s,
                  u"ratecode"_s,
                  u"unit"_s,
                  u"effectivedate"_s,
                  u"discountedrate"_s,
                  u"currency"_s,
                  u"discountedsku"_s,
                  u"discountedservicecode"_s,
                  u"discountedusagetype"_s,
                  u"discountedoperation"_s,
                  u"purchaseoption"_s,
                  u"leasecontractlength"_s,
                  u"leasecontractlengthunit"_s,
                  u"product family"_s};
    }
    for (const QString &column : std::as_const(needed))
        if (!columns.contains(column))
            return failAt(AwsCsvReader::tr("the header has no '%1' column").arg(column));
    return true;
}

bool AwsCsvReader::State::readLine(QByteArrayView text)
{
    ++line;
    if (text.endsWith('\r'))
        text.chop(1);
    if (line == 1 && text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3); // a byte order mark
    const QString malformed = AwsCsvReader::tr("a quoted field is not terminated, or text follows its closing quote");
    if (columnCount > 0 && !text.isEmpty() && !mayBeWanted(text)) {
        // Most lines of a large file: checked, not split.
        const qsizetype count = countFields(text);
        if (count < 0)
            return failAt(malformed);
        if (count != columnCount)
            return failAt(AwsCsvReader::tr("%1 fields where the header has %2").arg(count).arg(columnCount));
        return true;
    }
    if (!AwsCsvReader::splitLine(text, &fields))
        return failAt(malformed);
    if (columnCount == 0) {
        if (QString::fromUtf8(fields.value(0)).compare("SKU"_L1, Qt::CaseInsensitive) == 0)
            return readHeader();
        if (line >= kMaxCsvPreamble)
            return failAt(AwsCsvReader::tr("no header line (\"SKU\", ...) in the first %1 lines").arg(line));
        return true; // metadata: format version, disclaimer, publication date, version, offer code
    }
    if (text.isEmpty())
        return true;
    if (fields.size() != columnCount)
        return failAt(AwsCsvReader::tr("%1 fields where the header has %2").arg(fields.size()).arg(columnCount));
    if (kind == Kind::Offer)
        keepOfferRow();
    else
        keepPlanRow();
    return true;
}

bool AwsCsvReader::State::mayBeWanted(QByteArrayView text) const
{
    if (needles.isEmpty())
        return true;
    return std::any_of(needles.begin(), needles.end(), [&](const QByteArray &n) { return text.contains(n); });
}

// Whether the row's product is one the mappings could give a catalog price from.
bool AwsCsvReader::State::wantedProduct() const
{
    const QString region = value(u"region code"_s);
    if (!region.isEmpty() && region != catalog.region())
        return false;
    if (service.instances) {
        for (auto it = service.instanceFilter.begin(); it != service.instanceFilter.end(); ++it)
            if (value(csvColumn(it.key())) != it.value())
                return false;
        return catalog.instance(value(u"instance type"_s)) != nullptr;
    }
    const QString usage = baseUsageType(value(u"usagetype"_s));
    return std::any_of(service.rules.begin(), service.rules.end(),
                       [&](const PriceListService::Rule &r) { return r.usage == usage; });
}

void AwsCsvReader::State::keepOfferRow()
{
    const QString termType = value(u"termtype"_s);
    const bool isReserved = termType == "Reserved"_L1;
    if ((termType != "OnDemand"_L1 && !isReserved) || !wantedProduct())
        return;
    const QString length = value(u"leasecontractlength"_s);
    if (isReserved
        && (!service.instances || (length != "1yr"_L1 && length != "3yr"_L1)
            || value(u"purchaseoption"_s) != "No Upfront"_L1 || value(u"offeringclass"_s) != "standard"_L1))
        return;
    const QString sku = value(u"sku"_s);
    if (!products.contains(sku)) {
        QJsonObject attributes;
        for (const CsvAttribute &a : kOfferAttributes)
            if (columns.contains(a.column) && a.json != "productFamily"_L1)
                attributes.insert(a.json, value(a.column));
        for (const PriceListService::Rule &r : service.rules)
            for (auto it = r.attributes.begin(); it != r.attributes.end(); ++it)
                if (columns.contains(csvColumn(it.key())))
                    attributes.insert(it.key(), value(csvColumn(it.key())));
        products.insert(sku, QJsonObject{{"sku"_L1, sku},
                                         {"productFamily"_L1, value(u"product family"_s)},
                                         {"attributes"_L1, attributes}});
    }
    QJsonObject &terms = isReserved ? reserved : onDemand;
    QJsonObject skuTerms = terms.value(sku).toObject();
    const QString termKey = sku + u'.' + value(u"offertermcode"_s);
    QJsonObject term = skuTerms.value(termKey).toObject();
    term.insert("sku"_L1, sku);
    term.insert("offerTermCode"_L1, value(u"offertermcode"_s));
    term.insert("effectiveDate"_L1, value(u"effectivedate"_s));
    if (isReserved)
        term.insert("termAttributes"_L1, QJsonObject{{"LeaseContractLength"_L1, length},
                                                     {"PurchaseOption"_L1, value(u"purchaseoption"_s)},
                                                     {"OfferingClass"_L1, value(u"offeringclass"_s)}});
    QJsonObject dimensions = term.value("priceDimensions"_L1).toObject();
    const QString begin = value(u"startingrange"_s);
    dimensions.insert(value(u"ratecode"_s),
                      QJsonObject{{"rateCode"_L1, value(u"ratecode"_s)},
                                  {"unit"_L1, value(u"unit"_s)},
                                  {"beginRange"_L1, begin.isEmpty() ? u"0"_s : begin},
                                  {"endRange"_L1, value(u"endingrange"_s)},
                                  {"pricePerUnit"_L1, QJsonObject{{value(u"currency"_s), value(u"priceperunit"_s)}}}});
    term.insert("priceDimensions"_L1, dimensions);
    skuTerms.insert(termKey, term);
    terms.insert(sku, skuTerms);
}

void AwsCsvReader::State::keepPlanRow()
{
    if (value(u"purchaseoption"_s) != "No Upfront"_L1)
        return;
    const QString usageType = value(u"discountedusagetype"_s), usage = baseUsageType(usageType);
    const QString prefix = service.instanceFilter.value(u"usagetype"_s);
    const bool instance = !prefix.isEmpty() && usage.startsWith(prefix);
    if (instance ? !catalog.instance(usage.mid(prefix.size()))
                 : std::none_of(service.rules.begin(), service.rules.end(),
                                [&](const PriceListService::Rule &r) { return r.usage == usage; }))
        return;
    const QString sku = value(u"sku"_s);
    if (!planTerms.contains(sku)) {
        plans.append(QJsonObject{{"sku"_L1, sku},
                                 {"productFamily"_L1, value(u"product family"_s)},
                                 {"attributes"_L1, QJsonObject{{"purchaseOption"_L1, value(u"purchaseoption"_s)}}}});
        bool whole = false;
        const int years = value(u"leasecontractlength"_s).toInt(&whole);
        planTerms.insert(sku, QJsonObject{{"sku"_L1, sku},
                                          {"effectiveDate"_L1, value(u"effectivedate"_s)},
                                          {"leaseContractLength"_L1,
                                           QJsonObject{{"duration"_L1, whole ? QJsonValue(years) : QJsonValue()},
                                                       {"unit"_L1, value(u"leasecontractlengthunit"_s)}}}});
    }
    planRates[sku].append(QJsonObject{{"discountedSku"_L1, value(u"discountedsku"_s)},
                                      {"discountedUsageType"_L1, usageType},
                                      {"discountedOperation"_L1, value(u"discountedoperation"_s)},
                                      {"discountedServiceCode"_L1, value(u"discountedservicecode"_s)},
                                      {"rateCode"_L1, value(u"ratecode"_s)},
                                      {"unit"_L1, value(u"unit"_s)},
                                      {"discountedRate"_L1, QJsonObject{{"price"_L1, value(u"discountedrate"_s)},
                                                                        {"currency"_L1, value(u"currency"_s)}}}});
}

AwsCsvReader::AwsCsvReader(Kind kind, const QUrl &url, const PriceListService &service, const PricingCatalog &catalog)
    : d(std::make_unique<State>(kind, url, service, catalog))
{
    d->what = kind == Kind::Offer ? tr("The AWS offer file %1").arg(url.toString())
                                  : tr("The AWS Compute Savings Plans file %1").arg(url.toString());
    // A wanted row names a catalog instance type, or a usage type a rule maps.
    if (kind == Kind::SavingsPlans || service.instances)
        for (const InstanceType &t : catalog.instances())
            d->needles << t.type.toUtf8();
    if (kind == Kind::SavingsPlans || !service.instances)
        for (const PriceListService::Rule &r : service.rules)
            d->needles << r.usage.toUtf8();
    if (d->needles.contains(QByteArray()))
        d->needles.clear(); // a rule without a usage type: every line may be wanted
}

AwsCsvReader::~AwsCsvReader() = default;

bool AwsCsvReader::add(QByteArrayView chunk)
{
    if (!d->error.isEmpty())
        return false;
    qsizetype start = 0;
    while (start < chunk.size()) {
        const qsizetype end = chunk.indexOf('\n', start);
        if (end < 0) {
            d->pending.append(chunk.sliced(start));
            if (d->pending.size() > kMaxCsvLine) {
                ++d->line;
                return d->failAt(tr("the line is longer than %1 KB").arg(kMaxCsvLine / 1024));
            }
            return true;
        }
        bool ok = true;
        if (d->pending.isEmpty()) {
            ok = d->readLine(chunk.sliced(start, end - start));
        } else {
            d->pending.append(chunk.sliced(start, end - start));
            ok = d->readLine(d->pending);
            d->pending.clear();
        }
        if (!ok)
            return false;
        start = end + 1;
    }
    return true;
}

Result<QByteArray> AwsCsvReader::finish()
{
    if (d->error.isEmpty() && !d->pending.isEmpty())
        d->readLine(std::exchange(d->pending, {}));
    if (d->error.isEmpty() && d->columnCount == 0)
        d->error = tr("%1: no header line (\"SKU\", ...)").arg(d->what);
    if (!d->error.isEmpty())
        return fail(d->error);
    QJsonObject root;
    if (d->kind == Kind::Offer) {
        QJsonObject terms{{"OnDemand"_L1, d->onDemand}};
        if (d->service.instances)
            terms.insert("Reserved"_L1, d->reserved);
        root = QJsonObject{{"products"_L1, d->products}, {"terms"_L1, terms}};
    } else {
        QJsonArray terms;
        for (auto it = d->planTerms.begin(); it != d->planTerms.end(); ++it) {
            QJsonObject term = it.value();
            term.insert("rates"_L1, d->planRates.value(it.key()));
            terms.append(term);
        }
        root = QJsonObject{{"products"_L1, d->plans}, {"terms"_L1, QJsonObject{{"savingsPlan"_L1, terms}}}};
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QString AwsCsvReader::error() const
{
    return d->error;
}

qint64 AwsCsvReader::lines() const
{
    return d->line;
}

QUrl PriceLists::awsCsvUrl(const QUrl &jsonUrl)
{
    QUrl url = jsonUrl;
    QString path = url.path();
    if (path.endsWith(".json"_L1))
        path = path.left(path.size() - 5) + u".csv"_s;
    url.setPath(path);
    return url;
}

} // namespace Nimbus
