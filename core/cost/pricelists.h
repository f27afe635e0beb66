#pragma once

#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <vector>

namespace Nimbus {

class PricingCatalog;
struct PriceTier;

// One rate of a provider's price list mapped onto a catalog: a band of a price (from
// `from` units a month on) or an instance type's hourly rate, with where it comes from.
struct ListedRate
{
    QString id; // a price id of the catalog, or an instance type when instance is true
    bool instance = false;
    double from = 0; // the band starts at this many units (of one `unit`)
    double price = 0; // per one `unit`
    QString unit; // the provider's unit
    QString sku;
    QString effective; // yyyy-MM-dd
    QUrl source;
    QString note; // how a derived rate was computed (spot, a reservation's term price per hour)
    QString listName; // the list it comes from, when not the provider's price list itself
};

// What one offer file or one page of a price list gave.
struct ListedRates
{
    std::vector<ListedRate> rates;
    QStringList unmapped; // "SKU (usage type or meter)" of the entries no catalog price id maps
    QUrl next; // Azure: the next page, empty on the last
    // The commitments ("savings-plan-1y", "reserved-3y", "spot" ...) the file gives rates for:
    // the catalog's entries of these that it did not give are reported as kept.
    QStringList commitments;
};

// How one service of a provider's list maps onto catalog price ids
// (resources/pricelists/mappings.json).
struct PriceListService
{
    struct Rule
    {
        QString id; // catalog price id
        QString usage; // AWS usagetype (without its region prefix) or Azure meterName
        QString skuName; // Azure skuName
        QMap<QString, QString> attributes; // AWS: productFamily or product attributes that must match
    };
    QString code; // AWS offer code or Azure serviceName
    QString name;
    std::vector<Rule> rules;
    bool instances = false; // the catalog's instance types come from this service
    QMap<QString, QString> instanceFilter; // AWS: which products are on-demand Linux shared instances
    bool large = false; // an offer file that may exceed the size allowed: skipped then, not an error

    // Whether the catalog has any price this service would update.
    bool relevantTo(const PricingCatalog &catalog) const;
};

// Parsers of the providers' public price lists: the AWS Price List Bulk API (offer index,
// region index, offer files) and the Azure Retail Prices API (paged OData JSON). They map
// SKUs and units onto the catalog's price ids and never invent an id: what no rule maps
// is listed as unmapped. An error names the file or page and the place.
class PriceLists
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::PriceLists)

public:
    struct Mappings
    {
        QUrl awsOfferIndex;
        QUrl azureRetailPrices;
        std::vector<PriceListService> aws, azure;
        // AWS commitments: the Compute Savings Plans region index (its rules map the plans'
        // discounted usage types; instanceFilter: the EC2 "usagetype" prefix and "operation")
        // and the Spot Instance Advisor data.
        QUrl awsSavingsPlanIndex, awsSpotAdvisor;
        PriceListService awsSavingsPlans;
    };
    // The mappings shipped with the studio.
    static Result<Mappings> mappings();
    static Result<Mappings> parseMappings(const QByteArray &json);

    // AWS: the offer index -> offer code -> the region index of its current version.
    static Result<QMap<QString, QUrl>> awsRegionIndexes(const QByteArray &json, const QUrl &url);
    // AWS: a region index -> the region's current offer file.
    static Result<QUrl> awsRegionOffer(const QByteArray &json, const QUrl &url, const QString &region);
    // AWS: the rates of an offer file (on-demand terms) that the service's rules map; for the
    // instance service also the standard No Upfront reserved terms ("instance.<type>@reserved-1y", "-3y").
    static Result<ListedRates> awsOffer(const QByteArray &json, const QUrl &url, const PriceListService &service,
                                        const PricingCatalog &catalog);

    // AWS Compute Savings Plans: the region index -> the region's file.
    static Result<QUrl> awsSavingsPlanFile(const QByteArray &json, const QUrl &url, const QString &region);
    // AWS Compute Savings Plans: the No Upfront rates of a region's file, as "<id>@savings-plan-1y"
    // or "-3y" (the service's rules) and "instance.<type>@savings-plan-..." (Linux, shared tenancy).
    static Result<ListedRates> awsSavingsPlans(const QByteArray &json, const QUrl &url, const PriceListService &service,
                                               const PricingCatalog &catalog);
    // AWS Spot Instance Advisor: "instance.<type>@spot" = the on-demand rate (onDemand, the
    // refreshed one by type, else the catalog's) less the average saving it states for Linux
    // in the catalog's region, with the interruption range in the rate's note.
    static Result<ListedRates> awsSpot(const QByteArray &json, const QUrl &url, const PricingCatalog &catalog,
                                       const QMap<QString, ListedRate> &onDemand);

    // Azure: the first page of the service's prices in the catalog's region.
    static QUrl azureQuery(const QUrl &base, const PriceListService &service, const PricingCatalog &catalog);
    // Azure: the rates of one page, and the link to the next. For the VM service also the spot
    // meters ("instance.<size>@spot"), the reservations (per hour: the term's price over its
    // hours) and the savings plans of each size the catalog has.
    static constexpr double kHoursPerYear = 8760;
    static Result<ListedRates> azurePage(const QByteArray &json, const QUrl &url, const PriceListService &service,
                                         const PricingCatalog &catalog);
    // "East US" -> "eastus".
    static QString azureRegion(const QString &catalogRegion);

    // AWS: the CSV form of an offer file (index.csv beside index.json), for files too large
    // to hold (EC2's is gigabytes): see AwsCsvReader.
    static QUrl awsCsvUrl(const QUrl &jsonUrl);

    // The bands of one id's rates as catalog tiers (per one unit); a band at price zero
    // from 0 becomes the free allowance.
    static std::vector<PriceTier> tiers(std::vector<ListedRate> rates, double *free);
};

// Reads the CSV form of an AWS offer file or Compute Savings Plans file as it streams in,
// line by line, and keeps only the rows the service's mappings need: for an offer file the
// products its rules or instance filter match (instance types the catalog has) with their
// on-demand and standard No Upfront 1yr/3yr reserved terms; for a savings plan file the No
// Upfront rates of the discounted usage types the mappings name. What it keeps becomes a
// small JSON document in the shape PriceLists::awsOffer / awsSavingsPlans read, so that
// mapping stays in one place. Errors name the file and the line.
class AwsCsvReader
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::AwsCsvReader)

public:
    enum class Kind { Offer, SavingsPlans };
    AwsCsvReader(Kind kind, const QUrl &url, const PriceListService &service, const PricingCatalog &catalog);
    ~AwsCsvReader();
    AwsCsvReader(const AwsCsvReader &) = delete;
    AwsCsvReader &operator=(const AwsCsvReader &) = delete;

    // The next piece of the file; false once the file is found malformed (error()).
    bool add(QByteArrayView chunk);
    // The kept rows as JSON, once the whole file was added; or why it is malformed.
    Result<QByteArray> finish();
    QString error() const;
    qint64 lines() const;

    // One CSV line (RFC 4180: fields in double quotes with "" for a quote; no line breaks
    // inside fields, as in AWS's files); false when a quoted field is not terminated.
    static bool splitLine(QByteArrayView line, QList<QByteArray> *fields);

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace Nimbus
