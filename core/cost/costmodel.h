#pragma once

#include "pricingcatalog.h"
#include "result.h"
#include "workload.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <vector>

namespace Nimbus {

// One way to run the workload: serverless on a provider, a fleet of VMs, or containers.
struct CostOption
{
    enum class Kind { Serverless, VmFleet, Containers };
    enum class Sizing { Autoscaled, FixedForPeak };

    Kind kind = Kind::Serverless;
    QString provider = QStringLiteral("aws");
    // Serverless
    bool freeTier = true;
    QString gateway = QStringLiteral("auto"); // auto (from the routes), none, http, rest
    // The lines real bills hide; the fleets take the logs, transfer, table and bucket ones too.
    bool logs = false; // CloudWatch Logs ingestion and storage of what the functions log
    double logRetentionMonths = 1;
    bool dataTransfer = false; // the responses of the functions behind HTTP routes, to the internet
    bool natGateway = true; // a NAT gateway for the functions in a VPC
    double gatewayCacheGb = 0; // a REST API cache of this size; 0: none
    bool tableCapacity = true; // each table by its billing mode (off: every table on demand)
    bool storageClasses = true; // each bucket by its storage class (off: every bucket Standard)
    static constexpr double kDefaultLogBytes = 300; // a worker's START, END and REPORT lines
    static constexpr double kDefaultResponseBytes = 1024;
    // VM fleet and containers
    QString instanceType;
    Sizing sizing = Sizing::Autoscaled;
    int minInstances = 2;
    double targetUtilisation = 0.6;
    double commitmentDiscountPct = 0; // a custom discount; ignored when a commitment is chosen
    bool loadBalancer = false;
    double taskVcpu = 0.5;
    double taskMemoryGb = 1;
    QString taskArchitecture = QStringLiteral("x86_64");
    // How the compute is bought: none (on demand), savings-plan-1y, savings-plan-3y (Compute
    // Savings Plans, no upfront; every kind), reserved-1y, reserved-3y or spot (the VM fleet
    // only). Priced from the catalog's "<price id>@<commitment>" entries.
    QString commitment = QStringLiteral("none");

    static const QStringList &commitments();
    // The commitments an option of this kind may take.
    static QStringList commitmentsFor(Kind kind);
    static QString commitmentName(const QString &commitment);
    bool committed() const { return commitment != QLatin1String("none"); }

    QString label(const PricingCatalog *catalog = nullptr) const;
    // The label without the commitment.
    QString kindLabel(const PricingCatalog *catalog = nullptr) const;
    static QString kindId(Kind kind);
    QJsonObject toJson() const;
    static Result<CostOption> fromJson(const QJsonObject &object);
};

// One line of a bill: what, how much, at what price, from which source.
struct LineItem
{
    QString group; // Requests, Compute, Gateway, Instances, Managed services ...
    QString item; // what is billed, e.g. "Lambda compute (x86_64), tier 2"
    QString nodes; // the functions or services it comes from
    double quantity = 0;
    QString unit;
    double unitPrice = 0; // per `per` units
    double per = 1;
    double amount = 0; // exact; the bill shows cost(), rounded to the cent
    QString priceId;
    QString source;
    QString effective;

    double cost() const;
};

struct CostResult
{
    CostOption option;
    QString label;
    QString currency;
    QString error; // the option cannot be priced at all (unknown instance type ...)
    std::vector<LineItem> items;
    QStringList notes; // what is assumed or not priced, in words
    QHash<QString, double> perFunction; // each function's share, for the canvas badges
    double exactTotal = 0;

    bool ok() const { return error.isEmpty(); }
    // The sum of the rounded line items: what the report and the bill show.
    double total() const;
};

// Prices a workload for any option at any monthly volume; finds where two options
// cost the same. Copies the workload, so it may be used from another thread.
class CostEngine
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::CostEngine)

public:
    CostEngine(Workload workload, PricingCatalogs catalogs);

    const Workload &workload() const { return mWorkload; }
    const PricingCatalogs &catalogs() const { return mCatalogs; }

    CostResult evaluate(const CostOption &option, double monthlyRequests) const;
    // The exact monthly total, without line items: for charts and the break-even.
    double total(const CostOption &option, double monthlyRequests) const;

    struct BreakEven
    {
        bool found = false;
        double volume = 0; // monthly requests where both cost the same
        double costA = 0; // exact totals at that volume
        double costB = 0;
        bool step = false; // the second option jumps there (one more instance)
        QString explanation;
    };
    // The lowest volume in [low, high] above which `b` is cheaper than `a`.
    BreakEven breakEven(const CostOption &a, const CostOption &b, double low = 1e3, double high = 1e11) const;

    struct Sensitivity
    {
        QString parameter; // "duration" or "memory"
        double factor = 1;
        BreakEven breakEven;
    };
    // The break-even again with every function's duration and memory halved and doubled.
    std::vector<Sensitivity> sensitivity(const CostOption &a, const CostOption &b) const;

    // One function's monthly cost at each memory size of kRightSizeMemoriesMb, assuming
    // that CPU, and so the duration of CPU-bound work, scales with memory as Lambda
    // allocates it (rightSizeAssumption() says how, for the reports).
    struct RightSize
    {
        struct Cell
        {
            int memoryMb = 0;
            double durationMs = 0; // the assumed duration at that memory
            double monthlyCost = 0; // exact
            bool tooSmall = false; // below the memory its runs used
        };
        QString function;
        int memoryMb = 0; // its memory now
        int baseMemoryMb = 0; // the memory its duration was measured (or typed) at
        double durationMs = 0; // at baseMemoryMb
        bool measured = false; // durationMs is the mean of local runs
        int runs = 0; // successful runs behind durationMs
        double peakMemoryUsedMb = 0; // 0: not measured
        std::vector<Cell> cells;
        int cheapest = -1; // the cheapest cell that is not too small
    };
    static const std::vector<int> &rightSizeMemoriesMb();
    static constexpr double kOneVcpuMemoryMb = 1769; // Lambda's memory for one full vCPU
    static constexpr double kShortestDurationMs = 1; // Lambda's billing granularity
    // The duration at `candidateMb` of work that took durationMs at baseMb.
    static double scaledDuration(double durationMs, int baseMb, int candidateMb);
    static QString rightSizeAssumption();
    // What a chosen commitment assumes, for the report (empty for none).
    static QString commitmentAssumption(const CostOption &option);
    // Every function priced at each memory size on `serverless`, the rest of the workload
    // unchanged; each cell is that function's part of the bill (requests and compute).
    std::vector<RightSize> rightSize(const CostOption &serverless, double monthlyRequests) const;

    // Cost of each hour of the busiest day of the traffic profile (24 values).
    std::vector<double> hourlyCosts(const CostOption &option, double monthlyRequests) const;

    // Collects line items, or only the total (internal to the models).
    struct Sink;

private:
    void price(const CostOption &option, double volume, Sink &sink) const;
    void serverless(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const;
    struct FunctionUsage;
    std::vector<FunctionUsage> functionUsage(const ServerlessTraits &traits, double volume, Sink &sink) const;
    void billRequests(const PricingCatalog &catalog, const CostOption &option, const std::vector<FunctionUsage> &usage,
                      Sink &sink) const;
    std::vector<double> billProvisioned(const PricingCatalog &catalog, const CostOption &option,
                                        const std::vector<FunctionUsage> &usage, double volume, Sink &sink) const;
    // The price of `id` under the option's commitment ("<id>@<commitment>"); the on-demand
    // price, said in a note, when the catalog has none for that commitment.
    const Price *committedPrice(const PricingCatalog &catalog, const CostOption &option, const QString &id,
                                Sink &sink) const;
    // An instance's hourly rate under the option's commitment, with the catalog entry it
    // comes from (nullptr: on demand).
    double committedHourly(const PricingCatalog &catalog, const CostOption &option, const InstanceType &type,
                           const Price **entry) const;
    // Turns the fleet's on-demand instance line into the committed one.
    void commitInstances(const PricingCatalog &catalog, const CostOption &option, const InstanceType &type,
                         LineItem &item, Sink &sink) const;
    void billCompute(const PricingCatalog &catalog, const CostOption &option, const std::vector<FunctionUsage> &usage,
                     const std::vector<double> &onDemandShare, Sink &sink) const;
    void billGateway(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const;
    void fleet(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const;
    void services(const PricingCatalog &catalog, double volume, Sink &sink) const;
    // The serverless containers: their instance time (vCPU and memory) and, where the
    // provider bills them, their requests.
    void billContainers(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const;
    // The lines real bills hide: logs, data transfer out, the NAT gateway, the API cache.
    void hiddenLines(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const;
    void billLogs(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const;
    void billTransfer(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const;
    void billNat(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const;
    void billGatewayCache(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const;
    // What a table or a bucket asks for, by price id, under its billing mode or storage class.
    using Want = std::function<void(const QString &priceId, double quantity, const QString &node)>;
    void tableDemand(const ServiceLoad &s, double volume, Sink &sink, const Want &want) const;
    void bucketDemand(const ServiceLoad &s, double volume, Sink &sink, const Want &want) const;
    void busDemand(const PricingCatalog &catalog, const ServiceLoad &s, double volume, Sink &sink,
                   const Want &want) const;
    // A state machine's transitions (Standard) or requests and GB-seconds (Express), and
    // what they assume.
    void workflowDemand(const WorkflowLoad &w, double volume, Sink &sink, const Want &want) const;
    // What the filtered triggers and the rules pass on, and what their match rates assume.
    void filterNotes(double volume, Sink &sink) const;
    // Requests a second in the busiest minute of the profile, per request of monthly volume.
    double peakRatePerRequest() const;
    // Instance-hours a month a container runs: each hour of the profile, its minimum, one
    // instance while requests keep it busy, more when the requests in flight exceed its
    // concurrency, at most its maximum (exceeded: set when the maximum held requests back).
    double containerHours(const ContainerLoad &c, double volume, bool *exceeded = nullptr) const;
    // Instances needed in each hour of the profile for this capacity per instance.
    double instanceHours(double volume, double vcpuPerInstance, const CostOption &option,
                         std::vector<double> *perHour = nullptr) const;

    Workload mWorkload;
    PricingCatalogs mCatalogs;
    TrafficProfile::Hourly mHourly;
    double mPeriodHours = 24;
    std::vector<double> mUnitLoad; // busy vCPUs at each hour's peak per request of monthly volume
    double mFixedLoad = 0; // busy vCPUs from scheduled invocations, spread evenly
};

} // namespace Nimbus
