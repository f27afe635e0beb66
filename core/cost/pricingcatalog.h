#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <vector>

namespace Nimbus {

// One band of a tiered price: applies to the quantity up to upTo (cumulative, in the
// price's unit per month); the last tier is unbounded (upTo < 0).
struct PriceTier
{
    double upTo = -1;
    double price = 0;
};

// One price of a catalog: what is billed, per how many units, the tiers, the free
// allowance, and where the number comes from.
struct Price
{
    QString id;
    QString name;
    QString unit;
    double per = 1; // the price is for this many units (1,000,000 requests)
    std::vector<PriceTier> tiers; // empty: a commitment rate not priced until Update Prices reads it

    double free = 0; // units a month not billed
    QString freeGroup; // prices with the same group share one free allowance
    double chunkKb = 0; // requests are billed per chunk of this size (SQS: 64 KB)
    QString effective; // yyyy-MM-dd
    QString source; // a key of the catalog's sources
    QString notes;

    // False for a commitment rate ("<id>@<commitment>") the catalog names with "price": null:
    // the providers publish it only in their price lists, so Update Prices fills it in.
    bool priced() const { return !tiers.empty(); }
};

struct InstanceType
{
    QString type;
    double vcpu = 0;
    double memoryGiB = 0;
    QString architecture;
    double hourly = 0;
    QString effective;
    QString source;
};

// How a provider bills its functions, beyond the prices themselves.
struct ServerlessTraits
{
    QString name;
    double durationRoundingMs = 1;
    int memoryRoundingMb = 1;
    std::vector<int> memoryStepsMb; // billed at the next step up
    std::vector<std::pair<int, double>> cpuByMemory; // memory (MB) -> vCPU, when CPU is billed apart
    int minMemoryMb = 128;
    int maxMemoryMb = 10240;
    bool httpIncluded = false; // HTTP endpoints come with the functions (no gateway line)
};

// A provider's prices in one region: JSON (format "nimbus-pricing"), checked against
// its schema on load. Every price carries unit, effective date and source.
class PricingCatalog
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::PricingCatalog)

public:
    static constexpr int kVersion = 1;

    // Parses and checks a catalog; an error names the file and the place.
    static Result<std::shared_ptr<const PricingCatalog>> parse(const QByteArray &json, const QString &fileName);
    static Result<std::shared_ptr<const PricingCatalog>> load(const QString &path);
    // A price's name or unit in the user's language (the English when there is none);
    // the shipped lists' words are listed for lupdate in pricingtexts.cpp.
    static QString text(const QString &english);
    static const QList<const char *> &sourceTexts();

    QString provider() const { return mProvider; }
    QString providerName() const { return mProviderName; }
    QString region() const { return mRegion; }
    QString currency() const { return mCurrency; }
    QString collected() const { return mCollected; }
    // Which edition of the provider's price list this is ("priceListVersion"); the
    // collection date when the catalog names none.
    QString priceListVersion() const { return mPriceListVersion; }
    double hoursPerMonth() const { return mHoursPerMonth; }
    QString fileName() const { return mFileName; }
    QByteArray json() const { return mJson; }

    const ServerlessTraits &serverless() const { return mServerless; }
    QString loadBalancerName() const { return mLoadBalancerName; }
    double newConnectionsPerLcu() const { return mNewConnectionsPerLcu; }
    double gbPerLcuHour() const { return mGbPerLcuHour; }
    QString containersName() const { return mContainersName; }

    const Price *price(const QString &id) const;
    const std::vector<Price> &prices() const { return mPrices; }
    const InstanceType *instance(const QString &type) const;
    const std::vector<InstanceType> &instances() const { return mInstances; }
    // The full text of a source key (the key itself if unknown).
    QString sourceText(const QString &key) const { return mSources.value(key, key); }
    const QMap<QString, QString> &sources() const { return mSources; }

private:
    struct Reader;

    QString mProvider, mProviderName, mRegion, mCurrency, mCollected, mPriceListVersion, mFileName;
    double mHoursPerMonth = 730;
    QByteArray mJson;
    ServerlessTraits mServerless;
    QString mLoadBalancerName, mContainersName;
    double mNewConnectionsPerLcu = 25;
    double mGbPerLcuHour = 1;
    std::vector<Price> mPrices;
    std::vector<InstanceType> mInstances;
    QMap<QString, QString> mSources;
};

// The catalogs in use: those shipped with the studio, each replaced by a newer one the
// user downloaded (kept apart, so a bad download never touches the shipped ones).
class PricingCatalogs
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::PricingCatalogs)

public:
    // The shipped catalogs overlaid by those in userDirectory (when not empty).
    static PricingCatalogs load(const QString &userDirectory);
    // Where downloaded catalogs are kept for this user.
    static QString defaultUserDirectory();

    std::shared_ptr<const PricingCatalog> provider(const QString &id) const;
    QStringList providers() const { return mByProvider.keys(); }
    // Catalogs that could not be loaded (the shipped one is used instead), with why.
    QStringList errors() const { return mErrors; }

    void insert(std::shared_ptr<const PricingCatalog> catalog);

private:
    QMap<QString, std::shared_ptr<const PricingCatalog>> mByProvider;
    QStringList mErrors;
};

} // namespace Nimbus
