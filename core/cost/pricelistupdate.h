#pragma once

#include "cost/pricingupdater.h"
#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <vector>

namespace Nimbus {

class PricingCatalogs;

// One price as the catalog has it and as the provider's list gives it.
struct PriceChange
{
    QString id; // price id, or instance type when instance is true
    QString name;
    bool instance = false;
    QString oldValue, newValue; // in the catalog's terms (price per `per` units, tiers, free allowance)
    bool changed = false;
    QString sku, effective;
    QUrl source;
    QString note; // how a derived rate was computed (spot from on demand, a reservation per hour)
};

// What refreshing one provider's catalog from its price list would change.
struct ProviderPriceUpdate
{
    QString provider, providerName, region, collected;
    std::vector<PriceChange> prices; // every catalog price the list gave, changed or not
    QStringList missing; // catalog prices the list did not give: kept as they are
    QStringList unmapped; // the list's SKUs that no catalog price id maps
    QStringList notInCatalog; // services the list has that the catalog has no price ids for
    QStringList skipped; // services not read, with why
    QByteArray catalog; // the refreshed catalog (nimbus-pricing), already checked

    int changedCount() const;
};

// The summary of a refresh, shown before anything is installed.
struct PriceListReport
{
    std::vector<ProviderPriceUpdate> providers;
    QStringList shippedOnly; // providers with no public price list: their catalog stays

    QString text() const;
};

// "Update prices" from the providers' own public price lists: check() downloads and maps
// them on a pool thread (progress in files read, cancel through the future) and reports
// the difference without keeping anything; install() then writes the refreshed catalogs
// where downloaded catalogs live, so that PricingCatalogs::load picks them up.
class PriceListUpdate
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::PriceListUpdate)

public:
    // Where the lists are read; the defaults are the providers' addresses, overridden by
    // NIMBUS_AWS_PRICE_LIST_URL (the offer index), NIMBUS_AWS_SAVINGS_PLAN_URL (the Compute
    // Savings Plans region index), NIMBUS_AWS_SPOT_ADVISOR_URL and NIMBUS_AZURE_PRICES_URL.
    // When the offer index is a mirror, the savings plans and the spot data are read only
    // from mirrors named too (empty: not read, said in the summary).
    struct Sources
    {
        QUrl awsOfferIndex;
        QUrl azureRetailPrices;
        QUrl awsSavingsPlans;
        QUrl awsSpotAdvisor;
        static Sources fromEnvironment();
    };
    // Offer files are large: up to 48 MB each is read whole (NIMBUS_PRICING_CA_FILE names
    // certificates to trust instead of the system's, for a local mirror). EC2's offer file and
    // the Compute Savings Plans file, when a HEAD states them larger, are streamed from their
    // CSV form (index.csv beside index.json) up to maxStreamBytes, keeping only the rows the
    // mappings need; a file that neither way can be read is skipped, its prices kept.
    static PricingUpdater::Limits defaultLimits();
    static constexpr int kMaxPages = 50; // Azure pages per service

    // providers: "aws", "azure" or "all". A failing or malformed file fails the whole
    // check (nothing to install); a cancelled future carries no result.
    static QFuture<Result<PriceListReport>> check(const QString &providers, const PricingCatalogs &catalogs,
                                                  const Sources &sources, const PricingUpdater::Limits &limits);
    // Writes each refreshed catalog into userDirectory; says what was installed.
    static Result<QString> install(const PriceListReport &report, const QString &userDirectory);
    static bool isProviderList(const QString &name);
};

} // namespace Nimbus
