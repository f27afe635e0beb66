#include "pricingcatalog.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <functional>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// Walks the JSON of a catalog and reports the first value that breaks the schema,
// naming its place as a path (prices[3].tiers[1].price).
class Checker
{
public:
    QString error;

    bool fail(const QString &path, const QString &what)
    {
        if (error.isEmpty())
            error = u"%1: %2"_s.arg(path, what);
        return false;
    }

    bool string(const QJsonObject &o, const QString &path, const char *key, QString *out, bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        const QString place = join(path, key);
        if (v.isUndefined() && !required)
            return true;
        if (!v.isString() || (required && v.toString().trimmed().isEmpty()))
            return fail(place, PricingCatalog::tr("expected a non-empty string"));
        *out = v.toString();
        return true;
    }

    bool date(const QJsonObject &o, const QString &path, const char *key, QString *out)
    {
        if (!string(o, path, key, out))
            return false;
        if (!QDate::fromString(*out, Qt::ISODate).isValid())
            return fail(join(path, key), PricingCatalog::tr("'%1' is not a date (yyyy-mm-dd)").arg(*out));
        return true;
    }

    bool number(const QJsonObject &o, const QString &path, const char *key, double *out, bool required = true,
                double min = 0)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        const QString place = join(path, key);
        if (v.isUndefined() && !required)
            return true;
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            return fail(place, PricingCatalog::tr("expected a number"));
        if (v.toDouble() < min)
            return fail(place, PricingCatalog::tr("%1 is below the minimum %2").arg(v.toDouble()).arg(min));
        *out = v.toDouble();
        return true;
    }

    // An object or an array (T is QJsonObject or QJsonArray).
    template<typename T>
    bool container(const QJsonObject &o, const QString &path, const char *key, T *out, bool required = true)
    {
        constexpr bool isObject = std::is_same_v<T, QJsonObject>;
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return true;
        if (isObject ? !v.isObject() : !v.isArray())
            return fail(join(path, key),
                        isObject ? PricingCatalog::tr("expected an object") : PricingCatalog::tr("expected an array"));
        if constexpr (isObject)
            *out = v.toObject();
        else
            *out = v.toArray();
        return true;
    }

    static QString join(const QString &path, const char *key)
    {
        return path.isEmpty() ? QString::fromLatin1(key) : path + '.'_L1 + QLatin1String(key);
    }
    static QString index(const QString &path, int i) { return u"%1[%2]"_s.arg(path).arg(i); }
};

// The entry of items whose key is value, or null.
template<typename T>
const T *findBy(const std::vector<T> &items, QString T::*key, const QString &value)
{
    const auto it = std::find_if(items.begin(), items.end(), [&](const T &item) { return item.*key == value; });
    return it == items.end() ? nullptr : &*it;
}

QString lineColumn(const QByteArray &json, int offset)
{
    const QByteArray before = json.left(offset);
    const int line = before.count('\n') + 1;
    const int column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return u"%1:%2"_s.arg(line).arg(column);
}

bool parseTiers(Checker &c, const QJsonObject &o, const QString &path, Price *price)
{
    if (o.contains("price"_L1) == o.contains("tiers"_L1))
        return c.fail(path, PricingCatalog::tr("needs either 'price' or 'tiers'"));
    if (o.contains("price"_L1)) {
        PriceTier tier;
        if (!c.number(o, path, "price", &tier.price))
            return false;
        price->tiers.push_back(tier);
        return true;
    }
    QJsonArray tiers;
    if (!c.container(o, path, "tiers", &tiers))
        return false;
    const QString tiersPath = Checker::join(path, "tiers");
    if (tiers.isEmpty())
        return c.fail(tiersPath, PricingCatalog::tr("needs at least one tier"));
    double previous = 0;
    for (int i = 0; i < tiers.size(); ++i) {
        const QString place = Checker::index(tiersPath, i);
        if (!tiers.at(i).isObject())
            return c.fail(place, PricingCatalog::tr("expected an object"));
        const QJsonObject t = tiers.at(i).toObject();
        PriceTier tier;
        if (!c.number(t, place, "price", &tier.price))
            return false;
        const QJsonValue upTo = t.value("upTo"_L1);
        const bool last = i == tiers.size() - 1;
        if (upTo.isNull()) {
            if (!last)
                return c.fail(Checker::join(place, "upTo"), PricingCatalog::tr("only the last tier may be unbounded"));
        } else {
            if (last)
                return c.fail(Checker::join(place, "upTo"),
                              PricingCatalog::tr("the last tier must be unbounded (null)"));
            if (!c.number(t, place, "upTo", &tier.upTo))
                return false;
            if (tier.upTo <= previous)
                return c.fail(
                    Checker::join(place, "upTo"),
                    PricingCatalog::tr("tiers must grow: %1 does not exceed %2").arg(tier.upTo).arg(previous));
            previous = tier.upTo;
        }
        price->tiers.push_back(tier);
    }
    return true;
}

} // namespace

// Reads the parts of a catalog into it, in the order the schema is checked; an error
// names the place (parse() adds the file).
struct PricingCatalog::Reader
{
    PricingCatalog &c;
    Checker check;

    Result<void> header(const QJsonObject &root)
    {
        QString format;
        double version = 0;
        if (!check.string(root, {}, "format", &format))
            return Error{check.error};
        if (format != "nimbus-pricing"_L1)
            return Nimbus::fail(tr("format: '%1' is not a Nimbus pricing catalog (nimbus-pricing)").arg(format));
        if (!check.number(root, {}, "version", &version, true, 1))
            return Error{check.error};
        if (version > kVersion)
            return Nimbus::fail(
                tr("version %1 is newer than this studio reads (%2); update Nimbus Studio").arg(version).arg(kVersion));
        if (!check.string(root, {}, "provider", &c.mProvider)
            || !check.string(root, {}, "providerName", &c.mProviderName)
            || !check.string(root, {}, "region", &c.mRegion) || !check.string(root, {}, "currency", &c.mCurrency)
            || !check.date(root, {}, "collected", &c.mCollected)
            || !check.string(root, {}, "priceListVersion", &c.mPriceListVersion, false)
            || !check.number(root, {}, "hoursPerMonth", &c.mHoursPerMonth, true, 1))
            return Error{check.error};
        if (c.mPriceListVersion.trimmed().isEmpty())
            c.mPriceListVersion = c.mCollected;
        return {};
    }

    Result<void> currency()
    {
        if (c.mCurrency.size() != 3 || c.mCurrency.toUpper() != c.mCurrency)
            return Nimbus::fail(tr("currency: '%1' is not an ISO 4217 code such as USD or EUR").arg(c.mCurrency));
        return {};
    }

    Result<void> sources(const QJsonObject &sources)
    {
        for (auto it = sources.begin(); it != sources.end(); ++it) {
            if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
                return Nimbus::fail(tr("sources.%1: expected the text of the source").arg(it.key()));
            c.mSources.insert(it.key(), it.value().toString());
        }
        return {};
    }

    bool knownSource(const QString &place, const QString &key)
    {
        if (c.mSources.contains(key))
            return true;
        return check.fail(place, tr("source '%1' is not listed in 'sources'").arg(key));
    }

    Result<void> serverless(const QJsonObject &serverless)
    {
        ServerlessTraits &s = c.mServerless;
        double rounding = 1, memoryRounding = 1, minMemory = 128, maxMemory = 10240;
        if (!check.string(serverless, u"serverless"_s, "name", &s.name)
            || !check.number(serverless, u"serverless"_s, "durationRoundingMs", &rounding, false, 1)
            || !check.number(serverless, u"serverless"_s, "memoryRoundingMb", &memoryRounding, false, 1)
            || !check.number(serverless, u"serverless"_s, "minMemoryMb", &minMemory, false, 1)
            || !check.number(serverless, u"serverless"_s, "maxMemoryMb", &maxMemory, false, 1))
            return Error{check.error};
        s.durationRoundingMs = rounding;
        s.memoryRoundingMb = int(memoryRounding);
        s.minMemoryMb = int(minMemory);
        s.maxMemoryMb = int(maxMemory);
        s.httpIncluded = serverless.value("httpIncluded"_L1).toBool();
        for (const QJsonValue &v : serverless.value("memoryStepsMb"_L1).toArray()) {
            if (!v.isDouble() || v.toDouble() < 1)
                return Nimbus::fail(tr("serverless.memoryStepsMb: expected positive numbers"));
            s.memoryStepsMb.push_back(v.toInt());
        }
        const QJsonArray cpu = serverless.value("cpuByMemory"_L1).toArray();
        for (int i = 0; i < cpu.size(); ++i) {
            const QString place = Checker::index(u"serverless.cpuByMemory"_s, i);
            double memory = 0, vcpu = 0;
            const QJsonObject o = cpu.at(i).toObject();
            if (!check.number(o, place, "memoryMb", &memory, true, 1) || !check.number(o, place, "vcpu", &vcpu))
                return Error{check.error};
            s.cpuByMemory.emplace_back(int(memory), vcpu);
        }
        return {};
    }

    // The load balancer's and the containers' terms, when the provider has them.
    Result<void> extras(const QJsonObject &root)
    {
        QJsonObject loadBalancer, containers;
        if (!check.container(root, {}, "loadBalancer", &loadBalancer, false)
            || !check.container(root, {}, "containers", &containers, false))
            return Error{check.error};
        if (!loadBalancer.isEmpty()
            && (!check.string(loadBalancer, u"loadBalancer"_s, "name", &c.mLoadBalancerName)
                || !check.number(loadBalancer, u"loadBalancer"_s, "newConnectionsPerLcu", &c.mNewConnectionsPerLcu,
                                 true, 1)
                || !check.number(loadBalancer, u"loadBalancer"_s, "gbPerLcuHour", &c.mGbPerLcuHour, true, 0.001)))
            return Error{check.error};
        if (!containers.isEmpty() && !check.string(containers, u"containers"_s, "name", &c.mContainersName))
            return Error{check.error};
        return {};
    }

    Result<void> prices(const QJsonArray &prices)
    {
        for (int i = 0; i < prices.size(); ++i) {
            const QString place = Checker::index(u"prices"_s, i);
            if (!prices.at(i).isObject())
                return Nimbus::fail(tr("%1: expected an object").arg(place));
            const QJsonObject o = prices.at(i).toObject();
            Price p;
            // "price": null, with notes saying where it comes from: a rate Update Prices fills in.
            const bool unpriced = o.contains("price"_L1) && o.value("price"_L1).isNull() && !o.contains("tiers"_L1);
            if (!check.string(o, place, "id", &p.id) || !check.string(o, place, "name", &p.name)
                || !check.string(o, place, "unit", &p.unit) || !check.number(o, place, "per", &p.per, true, 1)
                || (!unpriced && !parseTiers(check, o, place, &p)) || !check.number(o, place, "free", &p.free, false)
                || !check.string(o, place, "freeGroup", &p.freeGroup, false)
                || !check.number(o, place, "chunkKb", &p.chunkKb, false)
                || ((!unpriced || o.contains("effective"_L1)) && !check.date(o, place, "effective", &p.effective))
                || !check.string(o, place, "source", &p.source)
                || !knownSource(Checker::join(place, "source"), p.source)
                || !check.string(o, place, "notes", &p.notes, unpriced))
                return Error{check.error};
            if (unpriced && !p.id.contains(u'@'))
                return Nimbus::fail(
                    tr("%1.price: only a commitment rate (id@commitment) may be null, until Update Prices reads it")
                        .arg(place));
            if (c.price(p.id))
                return Nimbus::fail(tr("%1.id: '%2' appears twice").arg(place, p.id));
            c.mPrices.push_back(p);
        }
        return {};
    }

    Result<void> instances(const QJsonArray &instances)
    {
        for (int i = 0; i < instances.size(); ++i) {
            const QString place = Checker::index(u"instances"_s, i);
            const QJsonObject o = instances.at(i).toObject();
            InstanceType t;
            if (!check.string(o, place, "type", &t.type) || !check.number(o, place, "vcpu", &t.vcpu, true, 0.001)
                || !check.number(o, place, "memoryGiB", &t.memoryGiB, true, 0.001)
                || !check.string(o, place, "architecture", &t.architecture)
                || !check.number(o, place, "hourly", &t.hourly) || !check.date(o, place, "effective", &t.effective)
                || !check.string(o, place, "source", &t.source)
                || !knownSource(Checker::join(place, "source"), t.source))
                return Error{check.error};
            if (c.instance(t.type))
                return Nimbus::fail(tr("%1.type: '%2' appears twice").arg(place, t.type));
            c.mInstances.push_back(t);
        }
        return {};
    }
};

Result<std::shared_ptr<const PricingCatalog>> PricingCatalog::parse(const QByteArray &json, const QString &fileName)
{
    auto fail = [&](const QString &message) { return Error{u"%1: %2"_s.arg(fileName, message)}; };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(u"%1: %2"_s.arg(lineColumn(json, parseError.offset), parseError.errorString()));
    if (!document.isObject())
        return fail(tr("a pricing catalog is a JSON object"));
    const QJsonObject root = document.object();

    auto catalog = std::make_shared<PricingCatalog>();
    catalog->mFileName = fileName;
    catalog->mJson = json;
    Reader read{*catalog, {}};
    Result<void> ok = read.header(root);
    QJsonObject serverless, sources;
    QJsonArray prices, instances;
    if (ok
        && (!read.check.container(root, {}, "serverless", &serverless)
            || !read.check.container(root, {}, "sources", &sources)
            || !read.check.container(root, {}, "prices", &prices)
            || !read.check.container(root, {}, "instances", &instances, false)))
        ok = Error{read.check.error};
    // Each part once the ones before it passed.
    const std::function<Result<void>()> parts[] = {[&] { return read.currency(); },
                                                   [&] { return read.sources(sources); },
                                                   [&] { return read.serverless(serverless); },
                                                   [&] { return read.extras(root); },
                                                   [&] { return read.prices(prices); },
                                                   [&] { return read.instances(instances); }};
    for (const auto &part : parts)
        if (ok)
            ok = part();
    if (!ok)
        return fail(ok.errorMessage());
    return catalog;
}

Result<std::shared_ptr<const PricingCatalog>> PricingCatalog::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Nimbus::fail(tr("%1: cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return parse(file.readAll(), QDir::toNativeSeparators(path));
}

const Price *PricingCatalog::price(const QString &id) const
{
    return findBy(mPrices, &Price::id, id);
}

const InstanceType *PricingCatalog::instance(const QString &type) const
{
    return findBy(mInstances, &InstanceType::type, type);
}

PricingCatalogs PricingCatalogs::load(const QString &userDirectory)
{
    PricingCatalogs catalogs;
    const QDir shipped(u":/nimbus/pricing"_s);
    for (const QString &name : shipped.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        if (const auto catalog = PricingCatalog::load(shipped.filePath(name)))
            catalogs.insert(*catalog);
        else
            catalogs.mErrors.append(catalog.errorMessage());
    }
    if (!userDirectory.isEmpty()) {
        const QDir user(userDirectory);
        for (const QString &name : user.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
            if (const auto catalog = PricingCatalog::load(user.filePath(name)))
                catalogs.insert(*catalog);
            else
                catalogs.mErrors.append(tr("%1 (the shipped prices are used instead)").arg(catalog.errorMessage()));
        }
    }
    return catalogs;
}

QString PricingCatalogs::defaultUserDirectory()
{
    // Shared by the studio and the command line, whose application names differ.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/nimbus-studio/pricing"_s;
}

std::shared_ptr<const PricingCatalog> PricingCatalogs::provider(const QString &id) const
{
    return mByProvider.value(id);
}

void PricingCatalogs::insert(std::shared_ptr<const PricingCatalog> catalog)
{
    mByProvider.insert(catalog->provider(), std::move(catalog));
}

} // namespace Nimbus
