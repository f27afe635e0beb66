#include "costmodel.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr double kHoursPerMonth = 730; // every catalog's convention; checked on load
constexpr double kEpsilon = 1e-9;

double ceilTo(double value, double step)
{
    return std::ceil(value / step - kEpsilon) * step;
}

QString joinNames(const QStringList &names)
{
    if (names.size() <= 4)
        return names.join(u", "_s);
    return CostEngine::tr("%1 and %n more", nullptr, int(names.size() - 3)).arg(names.mid(0, 3).join(u", "_s));
}

} // namespace

namespace {
void hiddenLinesToJson(const CostOption &c, QJsonObject &o);
Result<void> hiddenLinesFromJson(const QJsonObject &o, CostOption &c);
} // namespace

double LineItem::cost() const
{
    // Half a cent and up rounds away from zero, as bills do; the tiny bias absorbs
    // binary fractions such as 41.66674999... for 41.66675.
    const double cents = std::floor(std::abs(amount) * 100 + 0.5 + 1e-7);
    return std::copysign(cents / 100, amount);
}

double CostResult::total() const
{
    double cents = 0;
    for (const LineItem &item : items)
        cents += std::round(item.cost() * 100);
    return cents / 100;
}

QString CostOption::kindId(Kind kind)
{
    switch (kind) {
    case Kind::Serverless: return u"serverless"_s;
    case Kind::VmFleet: return u"vm"_s;
    case Kind::Containers: return u"containers"_s;
    }
    return {};
}

const QStringList &CostOption::commitments()
{
    static const QStringList ids{u"none"_s,        u"savings-plan-1y"_s, u"savings-plan-3y"_s,
                                 u"reserved-1y"_s, u"reserved-3y"_s,     u"spot"_s};
    return ids;
}

QStringList CostOption::commitmentsFor(Kind kind)
{
    // Compute Savings Plans cover Lambda, Fargate and EC2; reservations and spot are EC2's.
    return kind == Kind::VmFleet ? commitments() : commitments().mid(0, 3);
}

QString CostOption::commitmentName(const QString &commitment)
{
    if (commitment == "savings-plan-1y"_L1)
        return CostEngine::tr("1-year Compute Savings Plan");
    if (commitment == "savings-plan-3y"_L1)
        return CostEngine::tr("3-year Compute Savings Plan");
    if (commitment == "reserved-1y"_L1)
        return CostEngine::tr("1-year reserved");
    if (commitment == "reserved-3y"_L1)
        return CostEngine::tr("3-year reserved");
    if (commitment == "spot"_L1)
        return CostEngine::tr("spot");
    return CostEngine::tr("on demand");
}

QString CostOption::label(const PricingCatalog *catalog) const
{
    if (!committed())
        return kindLabel(catalog);
    return CostEngine::tr("%1, %2").arg(kindLabel(catalog), commitmentName(commitment));
}

QString CostOption::kindLabel(const PricingCatalog *catalog) const
{
    switch (kind) {
    case Kind::Serverless:
        return catalog ? catalog->serverless().name : CostEngine::tr("Serverless (%1)").arg(provider);
    case Kind::VmFleet:
        return CostEngine::tr("%1 fleet (%2)")
            .arg(instanceType.isEmpty() && catalog && !catalog->instances().empty() ? catalog->instances().front().type
                                                                                    : instanceType,
                 catalog ? catalog->providerName() : provider);
    case Kind::Containers:
        return CostEngine::tr("%1 (%2 vCPU, %3 GB tasks)")
            .arg(catalog && !catalog->containersName().isEmpty() ? catalog->containersName()
                                                                 : CostEngine::tr("Containers"))
            .arg(QLocale().toString(taskVcpu), QLocale().toString(taskMemoryGb));
    }
    return {};
}

QJsonObject CostOption::toJson() const
{
    QJsonObject o{{u"kind"_s, kindId(kind)}, {u"provider"_s, provider}, {u"freeTier"_s, freeTier}};
    if (committed())
        o.insert(u"commitment"_s, commitment);
    if (kind == Kind::Serverless) {
        o.insert(u"gateway"_s, gateway);
        hiddenLinesToJson(*this, o);
        return o;
    }
    hiddenLinesToJson(*this, o);
    // A fleet of VMs or of container tasks: what each runs on, then how the fleet is sized.
    const QJsonObject unit = kind == Kind::VmFleet ? QJsonObject{{u"instanceType"_s, instanceType}}
                                                   : QJsonObject{{u"taskVcpu"_s, taskVcpu},
                                                                 {u"taskMemoryGb"_s, taskMemoryGb},
                                                                 {u"taskArchitecture"_s, taskArchitecture}};
    const QJsonObject fleet{{u"sizing"_s, sizing == Sizing::Autoscaled ? u"autoscaled"_s : u"peak"_s},
                            {u"minInstances"_s, minInstances},
                            {u"targetUtilisation"_s, targetUtilisation},
                            {u"commitmentDiscountPct"_s, commitmentDiscountPct},
                            {u"loadBalancer"_s, loadBalancer}};
    for (const QJsonObject &part : {unit, fleet})
        for (auto it = part.begin(); it != part.end(); ++it)
            o.insert(it.key(), it.value());
    return o;
}

Result<CostOption> CostOption::fromJson(const QJsonObject &o)
{
    CostOption c;
    const QString kind = o.value("kind"_L1).toString();
    const std::array kinds{Kind::Serverless, Kind::VmFleet, Kind::Containers};
    const auto known = std::find_if(kinds.begin(), kinds.end(), [&](Kind k) { return kind == kindId(k); });
    if (known == kinds.end())
        return fail(CostEngine::tr("kind: '%1' is not serverless, vm or containers").arg(kind));
    c.kind = *known;
    c.provider = o.value("provider"_L1).toString(c.provider);
    c.freeTier = o.value("freeTier"_L1).toBool(c.freeTier);
    c.gateway = o.value("gateway"_L1).toString(c.gateway);
    if (!QStringList{u"auto"_s, u"none"_s, u"http"_s, u"rest"_s}.contains(c.gateway)) {
        return fail(CostEngine::tr("gateway: '%1' is not auto, none, http or rest").arg(c.gateway));
    }
    c.instanceType = o.value("instanceType"_L1).toString();
    if (Result<void> read = hiddenLinesFromJson(o, c); !read)
        return read.error();
    c.sizing = o.value("sizing"_L1).toString() == "peak"_L1 ? Sizing::FixedForPeak : Sizing::Autoscaled;
    c.minInstances = std::max(0, o.value("minInstances"_L1).toInt(c.minInstances));
    c.targetUtilisation = o.value("targetUtilisation"_L1).toDouble(c.targetUtilisation);
    if (c.targetUtilisation <= 0 || c.targetUtilisation > 1) {
        return fail(CostEngine::tr("targetUtilisation: %1 is not in (0, 1]").arg(c.targetUtilisation));
    }
    c.commitmentDiscountPct = std::clamp(o.value("commitmentDiscountPct"_L1).toDouble(0), 0.0, 100.0);
    c.loadBalancer = o.value("loadBalancer"_L1).toBool(false);
    c.taskVcpu = o.value("taskVcpu"_L1).toDouble(c.taskVcpu);
    c.taskMemoryGb = o.value("taskMemoryGb"_L1).toDouble(c.taskMemoryGb);
    c.taskArchitecture = o.value("taskArchitecture"_L1).toString(c.taskArchitecture);
    c.commitment = o.value("commitment"_L1).toString(c.commitment);
    if (!commitmentsFor(c.kind).contains(c.commitment)) {
        return fail(CostEngine::tr("commitment: '%1' is not one of %2 for a %3 option")
                        .arg(c.commitment, commitmentsFor(c.kind).join(u", "_s), kind));
    }
    return c;
}

// Collects line items (or, for charts and searches, only the total).
struct CostEngine::Sink
{
    bool record = false;
    CostResult *result = nullptr;
    double total = 0;
    QHash<QString, double> freeLeft;
    const CostOption *option = nullptr; // the option priced: services read its switches

    void add(LineItem item)
    {
        total += item.amount;
        if (record)
            result->items.push_back(std::move(item));
    }
    void note(const QString &text)
    {
        if (record && !result->notes.contains(text))
            result->notes.append(text);
    }
    void attribute(const QString &function, double amount)
    {
        if (record && !function.isEmpty())
            result->perFunction[function] += amount;
    }
};

namespace {

// Bills `quantity` units of a price: the free allowance first, then tier by tier.
// Returns the exact amount.
double bill(CostEngine::Sink &sink, const PricingCatalog &catalog, const Price &p, double quantity, bool freeTier,
            const QString &group, const QString &nodes)
{
    double billable = quantity;
    double freeUsed = 0;
    if (freeTier && p.free > 0) {
        const QString key = p.freeGroup.isEmpty() ? p.id : p.freeGroup;
        const auto it = sink.freeLeft.constFind(key);
        const double left = it == sink.freeLeft.constEnd() ? p.free : it.value();
        freeUsed = std::min(left, billable);
        billable -= freeUsed;
        sink.freeLeft[key] = left - freeUsed;
    }
    double amount = 0;
    double below = 0;
    for (size_t i = 0; i < p.tiers.size(); ++i) {
        const PriceTier &tier = p.tiers[i];
        const double top = tier.upTo < 0 ? std::numeric_limits<double>::infinity() : tier.upTo;
        const double slice = std::max(0.0, std::min(billable, top) - below);
        below = top;
        if (slice <= 0 && !(i == 0 && quantity > 0))
            continue;
        const double sliceAmount = slice * tier.price / p.per;
        amount += sliceAmount;
        if (!sink.record) {
            sink.total += sliceAmount;
            continue;
        }
        LineItem item;
        item.group = group;
        item.item = PricingCatalog::text(p.name);
        if (p.tiers.size() > 1)
            item.item += CostEngine::tr(", tier %1").arg(i + 1);
        if (i == 0 && freeUsed > 0)
            item.item += CostEngine::tr(" (after %1 free)").arg(QLocale().toString(freeUsed, 'f', 0));
        item.nodes = nodes;
        item.quantity = slice;
        item.unit = PricingCatalog::text(p.unit);
        item.unitPrice = tier.price;
        item.per = p.per;
        item.amount = sliceAmount;
        item.priceId = p.id;
        item.source = catalog.sourceText(p.source);
        item.effective = p.effective;
        sink.add(std::move(item));
    }
    return amount;
}

int billedMemory(const ServerlessTraits &t, int memoryMb)
{
    int mb = std::max(memoryMb, t.minMemoryMb);
    if (!t.memoryStepsMb.empty()) {
        for (int step : t.memoryStepsMb)
            if (step >= mb)
                return step;
        return t.memoryStepsMb.back();
    }
    return int(ceilTo(mb, std::max(1, t.memoryRoundingMb)));
}

// The option's instance type; with none chosen, the catalog's first.
const InstanceType *instanceFor(const PricingCatalog &catalog, const CostOption &option)
{
    if (option.instanceType.isEmpty())
        return catalog.instances().empty() ? nullptr : &catalog.instances().front();
    return catalog.instance(option.instanceType);
}

double vcpuFor(const ServerlessTraits &t, int memoryMb)
{
    for (const auto &[mb, vcpu] : t.cpuByMemory)
        if (mb >= memoryMb)
            return vcpu;
    return t.cpuByMemory.empty() ? 1.0 : t.cpuByMemory.back().second;
}

} // namespace

CostEngine::CostEngine(Workload workload, PricingCatalogs catalogs)
    : mWorkload(std::move(workload)), mCatalogs(std::move(catalogs))
{
    mHourly = mWorkload.profile.hourly();
    mPeriodHours = std::max<double>(1, double(mHourly.share.size()));
    double workPerRequest = 0; // vCPU-seconds of function time per request entering
    double fixedWork = 0; // vCPU-seconds a month from scheduled invocations
    for (const FunctionLoad &f : mWorkload.functions) {
        workPerRequest += f.perRequest * f.durationMs / 1000.0;
        fixedWork += f.fixedMonthly * f.durationMs / 1000.0;
    }
    // Busy vCPUs in the busiest minute of each hour, per request of monthly volume:
    // fleets are sized from this for any volume without reading the profile again.
    const double repeats = kHoursPerMonth / mPeriodHours;
    mUnitLoad.resize(mHourly.share.size());
    for (size_t h = 0; h < mUnitLoad.size(); ++h)
        mUnitLoad[h] = mHourly.share[h] / repeats / 3600 * mHourly.peakFactor[h] * workPerRequest;
    mFixedLoad = fixedWork / (kHoursPerMonth * 3600);
}

CostResult CostEngine::evaluate(const CostOption &option, double volume) const
{
    CostResult result;
    result.option = option;
    Sink sink;
    sink.record = true;
    sink.result = &result;
    const auto catalog = mCatalogs.provider(option.provider);
    result.label = option.label(catalog.get());
    if (!catalog) {
        result.error = tr("no prices for provider '%1'").arg(option.provider);
        return result;
    }
    result.currency = catalog->currency();
    price(option, volume, sink);
    result.exactTotal = sink.total;
    return result;
}

double CostEngine::total(const CostOption &option, double volume) const
{
    Sink sink;
    if (!mCatalogs.provider(option.provider))
        return std::numeric_limits<double>::quiet_NaN();
    price(option, volume, sink);
    return sink.total;
}

void CostEngine::price(const CostOption &option, double volume, Sink &sink) const
{
    const PricingCatalog &catalog = *mCatalogs.provider(option.provider);
    if (option.kind == CostOption::Kind::Serverless)
        serverless(catalog, option, volume, sink);
    else
        fleet(catalog, option, volume, sink);
    sink.option = &option;
    hiddenLines(catalog, option, volume, sink);
    billContainers(catalog, option, volume, sink);
    services(catalog, volume, sink);
}

// One function's part of the serverless bill.
struct CostEngine::FunctionUsage
{
    const FunctionLoad *f;
    double invocations;
    double seconds; // billed duration of one invocation
    int memoryMb; // billed memory
};

void CostEngine::serverless(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const
{
    const std::vector<FunctionUsage> usage = functionUsage(catalog.serverless(), volume, sink);
    billRequests(catalog, option, usage, sink);
    const std::vector<double> onDemandShare = billProvisioned(catalog, option, usage, volume, sink);
    billCompute(catalog, option, usage, onDemandShare, sink);
    billGateway(catalog, option, volume, sink);
}

// The functions that run at this volume, with their billed duration and memory.
std::vector<CostEngine::FunctionUsage> CostEngine::functionUsage(const ServerlessTraits &t, double volume,
                                                                 Sink &sink) const
{
    std::vector<FunctionUsage> usage;
    usage.reserve(mWorkload.functions.size());
    for (const FunctionLoad &f : mWorkload.functions) {
        const double n = f.monthlyInvocations(volume);
        if (n <= 0 && f.provisionedConcurrency <= 0)
            continue;
        const int mb = billedMemory(t, f.memoryMb);
        if (sink.record && f.memoryMb > t.maxMemoryMb)
            sink.note(tr("%1 asks for %2 MB; %3 allows at most %4 MB, which is what is priced.")
                          .arg(f.name)
                          .arg(f.memoryMb)
                          .arg(t.name)
                          .arg(t.maxMemoryMb));
        usage.push_back({&f, n, ceilTo(f.durationMs, t.durationRoundingMs) / 1000.0, std::min(mb, t.maxMemoryMb)});
    }
    return usage;
}

void CostEngine::billRequests(const PricingCatalog &catalog, const CostOption &option,
                              const std::vector<FunctionUsage> &usage, Sink &sink) const
{
    double invocations = 0;
    QStringList names;
    for (const FunctionUsage &u : usage) {
        invocations += u.invocations;
        if (sink.record && u.invocations > 0)
            names.append(u.f->name);
    }
    if (const Price *p = catalog.price(u"function.requests"_s)) {
        const double amount = bill(sink, catalog, *p, invocations, option.freeTier, tr("Function requests"),
                                   joinNames(names));
        for (const FunctionUsage &u : usage)
            sink.attribute(u.f->name, invocations > 0 ? amount * u.invocations / invocations : 0);
    }
}

// Provisioned concurrency: always-on instances, and the invocations they serve
// billed at their own (lower) duration rate. Returns each function's share of
// compute left to on-demand.
std::vector<double> CostEngine::billProvisioned(const PricingCatalog &catalog, const CostOption &option,
                                                const std::vector<FunctionUsage> &usage, double volume,
                                                Sink &sink) const
{
    std::vector<double> onDemandShare(usage.size(), 1.0);
    for (size_t i = 0; i < usage.size(); ++i) {
        const FunctionUsage &u = usage[i];
        const int pc = u.f->provisionedConcurrency;
        if (pc <= 0)
            continue;
        const Price *always = committedPrice(catalog, option, u"function.provisioned."_s + u.f->architecture, sink);
        const Price *served = committedPrice(catalog, option, u"function.provisionedCompute."_s + u.f->architecture,
                                             sink);
        if (!always || !served) {
            sink.note(
                tr("Provisioned concurrency of %1 is not priced on %2.").arg(u.f->name, catalog.serverless().name));
            continue;
        }
        const double gb = u.memoryMb / 1024.0;
        const double repeats = kHoursPerMonth / mPeriodHours;
        double servedSeconds = 0, allSeconds = 0;
        for (size_t h = 0; h < mHourly.share.size(); ++h) {
            const double requests = u.f->perRequest * volume * mHourly.share[h] / repeats
                                    + u.f->fixedMonthly / kHoursPerMonth;
            const double busy = requests * u.seconds;
            servedSeconds += std::min(busy, pc * 3600.0) * repeats;
            allSeconds += busy * repeats;
        }
        onDemandShare[i] = allSeconds > 0 ? 1 - servedSeconds / allSeconds : 1;
        const QString group = tr("Function compute");
        double amount = bill(sink, catalog, *always, pc * gb * catalog.hoursPerMonth() * 3600, false, group, u.f->name);
        amount += bill(sink, catalog, *served, servedSeconds * gb, false, group, u.f->name);
        sink.attribute(u.f->name, amount);
    }
    return onDemandShare;
}

// On-demand compute: one price for all, CPU and memory apart, or one per architecture.
void CostEngine::billCompute(const PricingCatalog &catalog, const CostOption &option,
                             const std::vector<FunctionUsage> &usage, const std::vector<double> &onDemandShare,
                             Sink &sink) const
{
    const ServerlessTraits &t = catalog.serverless();
    auto computeLine = [&](const Price &p, auto quantityOf) {
        double quantity = 0;
        QStringList users;
        std::vector<double> each(usage.size(), 0.0);
        for (size_t i = 0; i < usage.size(); ++i) {
            each[i] = quantityOf(usage[i]) * onDemandShare[i];
            quantity += each[i];
            if (sink.record && each[i] > 0)
                users.append(usage[i].f->name);
        }
        if (quantity <= 0)
            return;
        const double amount = bill(sink, catalog, p, quantity, option.freeTier, tr("Function compute"),
                                   joinNames(users));
        for (size_t i = 0; i < usage.size(); ++i)
            sink.attribute(usage[i].f->name, amount * each[i] / quantity);
    };
    auto gbSeconds = [](const FunctionUsage &u) { return u.invocations * u.seconds * u.memoryMb / 1024.0; };
    if (const Price *cpu = committedPrice(catalog, option, u"function.cpu"_s, sink)) {
        // CPU and memory billed apart (Cloud Run): CPU follows from the memory size.
        computeLine(*cpu, [&](const FunctionUsage &u) { return u.invocations * u.seconds * vcpuFor(t, u.memoryMb); });
        if (const Price *memory = committedPrice(catalog, option, u"function.memory"_s, sink))
            computeLine(*memory, gbSeconds);
    } else if (const Price *shared = committedPrice(catalog, option, u"function.compute"_s, sink)) {
        computeLine(*shared, gbSeconds);
    } else {
        for (const QString &arch : {u"x86_64"_s, u"arm64"_s}) {
            const Price *p = committedPrice(catalog, option, u"function.compute."_s + arch, sink);
            if (!p) {
                for (const FunctionUsage &u : usage)
                    if (u.f->architecture == arch)
                        sink.note(tr("%1 does not price %2 functions (%3).").arg(t.name, arch, u.f->name));
                continue;
            }
            computeLine(*p, [&](const FunctionUsage &u) { return u.f->architecture == arch ? gbSeconds(u) : 0.0; });
        }
    }
}

// The HTTP gateway in front of the functions.
void CostEngine::billGateway(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const
{
    const ServerlessTraits &t = catalog.serverless();
    const double http = mWorkload.gatewayRequests(volume, false);
    const double rest = mWorkload.gatewayRequests(volume, true);
    if (http + rest <= 0 || option.gateway == "none"_L1)
        return;
    if (t.httpIncluded) {
        sink.note(tr("HTTP endpoints come with %1: no gateway is billed.").arg(t.name));
        return;
    }
    double httpRequests = http, restRequests = rest;
    if (option.gateway == "http"_L1) {
        httpRequests = http + rest;
        restRequests = 0;
    } else if (option.gateway == "rest"_L1) {
        restRequests = http + rest;
        httpRequests = 0;
    }
    const QString groupGateway = tr("API gateway");
    for (const auto &[id, requests] :
         {std::pair{u"gateway.http"_s, httpRequests}, std::pair{u"gateway.rest"_s, restRequests}}) {
        if (requests <= 0)
            continue;
        if (const Price *p = catalog.price(id))
            bill(sink, catalog, *p, requests, false, groupGateway, {});
        else
            sink.note(tr("The gateway (%1) is not priced on %2.").arg(id, catalog.providerName()));
    }
}

double CostEngine::instanceHours(double volume, double vcpu, const CostOption &option,
                                 std::vector<double> *perHour) const
{
    const double capacity = std::max(1e-9, vcpu * option.targetUtilisation);
    const size_t count = mUnitLoad.size();
    double hours = 0;
    double peak = 0;
    if (perHour)
        perHour->resize(count);
    for (size_t h = 0; h < count; ++h) {
        const double load = volume * mUnitLoad[h] + mFixedLoad; // busy vCPU-seconds per second
        const double n = std::max<double>(option.minInstances, std::ceil(load / capacity - kEpsilon));
        hours += n;
        peak = std::max(peak, n);
        if (perHour)
            (*perHour)[h] = n;
    }
    const double repeats = kHoursPerMonth / mPeriodHours;
    if (option.sizing == CostOption::Sizing::FixedForPeak) {
        if (perHour)
            std::fill(perHour->begin(), perHour->end(), peak);
        return peak * kHoursPerMonth;
    }
    return hours * repeats;
}

void CostEngine::fleet(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const
{
    const QString groupCompute = tr("Compute");
    double computeAmount = 0;
    if (option.kind == CostOption::Kind::VmFleet) {
        const InstanceType *type = instanceFor(catalog, option);
        if (!type) {
            if (sink.record)
                sink.result->error = tr("%1 has no instance type '%2' in its price list")
                                         .arg(catalog.providerName(), option.instanceType);
            return;
        }
        const double hours = instanceHours(volume, type->vcpu, option);
        LineItem item;
        item.group = groupCompute;
        item.item = tr("%1 instances (%2 vCPU, %3 GiB), on demand")
                        .arg(type->type, QLocale().toString(type->vcpu), QLocale().toString(type->memoryGiB));
        item.quantity = hours;
        item.unit = tr("instance-hours");
        item.unitPrice = type->hourly;
        item.amount = hours * type->hourly;
        item.priceId = type->type;
        item.source = catalog.sourceText(type->source);
        item.effective = type->effective;
        commitInstances(catalog, option, *type, item, sink);
        computeAmount = item.amount;
        sink.add(std::move(item));
    } else {
        const Price *vcpu = committedPrice(catalog, option, u"containers.vcpu."_s + option.taskArchitecture, sink);
        const Price *memory = committedPrice(catalog, option, u"containers.memory."_s + option.taskArchitecture, sink);
        if (!vcpu || !memory) {
            if (sink.record)
                sink.result->error =
                    tr("%1 has no container prices for %2").arg(catalog.providerName(), option.taskArchitecture);
            return;
        }
        const double taskHours = instanceHours(volume, option.taskVcpu, option);
        computeAmount += bill(sink, catalog, *vcpu, taskHours * option.taskVcpu, false, groupCompute, {});
        computeAmount += bill(sink, catalog, *memory, taskHours * option.taskMemoryGb, false, groupCompute, {});
    }
    if (option.commitmentDiscountPct > 0 && option.committed())
        sink.note(tr("The custom commitment discount is not applied: the %1 prices are used instead.")
                      .arg(CostOption::commitmentName(option.commitment)));
    if (option.commitmentDiscountPct > 0 && !option.committed()) {
        LineItem item;
        item.group = groupCompute;
        item.item = tr("Commitment discount (%1 %, assumed)").arg(option.commitmentDiscountPct);
        item.quantity = 1;
        item.unit = tr("discount");
        item.unitPrice = -computeAmount * option.commitmentDiscountPct / 100;
        item.amount = item.unitPrice;
        item.source = tr("assumption of this estimate");
        sink.add(std::move(item));
    }
    if (!option.loadBalancer)
        return;
    const Price *hourly = catalog.price(u"loadBalancer.hours"_s);
    const Price *capacity = catalog.price(u"loadBalancer.capacity"_s);
    if (!hourly || !capacity) {
        sink.note(tr("No load balancer price for %1: none is counted.").arg(catalog.providerName()));
        return;
    }
    const QString groupBalancer = tr("Load balancer");
    bill(sink, catalog, *hourly, catalog.hoursPerMonth(), false, groupBalancer, {});
    // Capacity units: the larger of new connections (one per request) and bytes processed.
    double payloadKb = 0;
    for (const FunctionLoad &f : mWorkload.functions)
        payloadKb = std::max(payloadKb, f.payloadKb);
    const double repeats = kHoursPerMonth / mPeriodHours;
    double lcuHours = 0;
    for (size_t h = 0; h < mHourly.share.size(); ++h) {
        const double requests = volume * mHourly.share[h] / repeats;
        const double byConnections = requests / 3600 / catalog.newConnectionsPerLcu();
        const double byBytes = requests * payloadKb / (1024.0 * 1024.0) / catalog.gbPerLcuHour();
        lcuHours += std::max(byConnections, byBytes) * repeats;
    }
    bill(sink, catalog, *capacity, lcuHours, false, groupBalancer, {});
}

double CostEngine::containerHours(const ContainerLoad &c, double volume, bool *exceeded) const
{
    const double repeats = kHoursPerMonth / mPeriodHours;
    const double monthly = c.monthlyRequests(volume);
    const double perRequest = c.perRequest * volume; // the share the profile shapes
    double seconds = 0;
    for (size_t h = 0; h < mHourly.share.size(); ++h) {
        const double requests = perRequest * mHourly.share[h] / repeats + (monthly - perRequest) / kHoursPerMonth;
        const double busy = requests * c.durationMs / 1000.0; // request-seconds this hour
        // Below a full hour of requests one instance serves them in turn; above it, as many
        // instances as the requests in flight need at its concurrency.
        double active = std::max(std::min(busy, 3600.0), busy / c.concurrency);
        if (active > c.maxInstances * 3600.0) {
            active = c.maxInstances * 3600.0;
            if (exceeded)
                *exceeded = true;
        }
        seconds += std::max(active, c.minInstances * 3600.0) * repeats;
    }
    return seconds / 3600.0;
}

void CostEngine::billContainers(const PricingCatalog &catalog, const CostOption &option, double volume,
                                Sink &sink) const
{
    if (mWorkload.containers.empty())
        return;
    const QString group = tr("Containers");
    // Fargate's rates are per vCPU-hour and GB-hour; Cloud Run's (request-based billing, the
    // same rates as its functions) per vCPU-second and GiB-second, with a price per request.
    const Price *vcpu = committedPrice(catalog, option, u"containers.vcpu.x86_64"_s, sink);
    const Price *memory = vcpu ? committedPrice(catalog, option, u"containers.memory.x86_64"_s, sink) : nullptr;
    double perHour = 1;
    const Price *requests = nullptr;
    if (!vcpu || !memory) {
        vcpu = catalog.price(u"function.cpu"_s);
        memory = catalog.price(u"function.memory"_s);
        requests = catalog.price(u"function.requests"_s);
        perHour = 3600;
    }
    const bool freeTier = sink.record ? sink.result->option.freeTier : true;
    for (const ContainerLoad &c : mWorkload.containers) {
        if (!vcpu || !memory) {
            sink.note(tr("Container %1 is not priced on %2: its price list has no container (vCPU and memory) "
                         "prices.")
                          .arg(c.name, catalog.providerName()));
            continue;
        }
        bool exceeded = false;
        const double hours = containerHours(c, volume, &exceeded);
        const double gb = c.memoryMb / 1024.0;
        double amount = bill(sink, catalog, *vcpu, hours * c.cpu * perHour, freeTier, group, c.name);
        amount += bill(sink, catalog, *memory, hours * gb * perHour, freeTier, group, c.name);
        if (requests)
            amount += bill(sink, catalog, *requests, c.monthlyRequests(volume), freeTier, group, c.name);
        sink.attribute(c.name, amount);
        if (!sink.record)
            continue;
        sink.note(tr("Container %1: %L2 requests a month of %L3 ms (%4), %L5 at once per instance, %Ln instance(s) "
                     "at least: %L6 instance-hours of %L7 vCPU and %L8 MB.",
                     nullptr, c.minInstances)
                      .arg(c.name)
                      .arg(c.monthlyRequests(volume), 0, 'f', 0)
                      .arg(c.durationMs, 0, 'f', 0)
                      .arg(c.durationTyped ? tr("typed in") : tr("assumed"))
                      .arg(c.concurrency)
                      .arg(hours, 0, 'f', 1)
                      .arg(c.cpu)
                      .arg(c.memoryMb));
        if (exceeded)
            sink.note(tr("Container %1 would need more than its maximum of %n instance(s) in the busiest hours: "
                         "requests beyond them wait.",
                         nullptr, c.maxInstances)
                          .arg(c.name));
        if (requests && c.minInstances > 0)
            sink.note(tr("Container %1's idle minimum instances are billed at the active rate: %2's price list "
                         "has no idle instance price.")
                          .arg(c.name, catalog.providerName()));
    }
}

void CostEngine::services(const PricingCatalog &catalog, double volume, Sink &sink) const
{
    const QString group = tr("Managed services");
    struct Demand
    {
        double quantity = 0;
        QStringList nodes;
    };
    QHash<QString, Demand> demand; // by price id
    auto want = [&](const QString &id, double quantity, const QString &node) {
        if (quantity <= 0)
            return;
        Demand &d = demand[id];
        d.quantity += quantity;
        if (sink.record && !d.nodes.contains(node))
            d.nodes.append(node);
    };
    for (const ServiceLoad &s : mWorkload.services) {
        const double writes = s.writesPerRequest * volume + s.writesFixed;
        const double reads = s.readsPerRequest * volume + s.readsFixed;
        if (s.service == "queue"_L1) {
            want(u"queue.requests"_s, (writes + reads) * std::max(1.0, std::ceil(s.itemKb / 64 - kEpsilon)), s.name);
        } else if (s.service == "topic"_L1) {
            want(u"topic.publishes"_s, writes * std::max(1.0, std::ceil(s.itemKb / 64 - kEpsilon)), s.name);
        } else if (s.service == "table"_L1) {
            tableDemand(s, volume, sink, want);
        } else if (s.service == "bucket"_L1) {
            bucketDemand(s, volume, sink, want);
        } else if (s.service == "bus"_L1) {
            busDemand(catalog, s, volume, sink, want);
        }
    }
    for (const WorkflowLoad &w : mWorkload.workflows)
        workflowDemand(w, volume, sink, want);
    filterNotes(volume, sink);
    // In catalog order, so that bills list the same lines in the same order.
    const bool freeTier = sink.record ? sink.result->option.freeTier : true;
    for (const Price &p : catalog.prices()) {
        const auto it = demand.constFind(p.id);
        if (it == demand.constEnd())
            continue;
        bill(sink, catalog, p, it->quantity, freeTier, group, joinNames(it->nodes));
        demand.remove(p.id);
    }
    for (auto it = demand.constBegin(); it != demand.constEnd(); ++it)
        sink.note(tr("Not priced on %1 (no %2 price in its catalog): %3.")
                      .arg(catalog.providerName(), it.key(), it->nodes.join(u", "_s)));
}

namespace {

constexpr double kBytesPerGb = 1024.0 * 1024.0 * 1024.0; // AWS bills GB of 2^30 bytes

// Writes the hidden lines' switches that differ from the defaults, so that options
// saved before them read and write as they did.
void hiddenLinesToJson(const CostOption &c, QJsonObject &o)
{
    const CostOption d;
    auto put = [&o](const QString &key, const QJsonValue &value, bool differs) {
        if (differs)
            o.insert(key, value);
    };
    put(u"logs"_s, c.logs, c.logs != d.logs);
    put(u"logRetentionMonths"_s, c.logRetentionMonths, c.logRetentionMonths != d.logRetentionMonths);
    put(u"dataTransfer"_s, c.dataTransfer, c.dataTransfer != d.dataTransfer);
    put(u"natGateway"_s, c.natGateway, c.natGateway != d.natGateway);
    put(u"gatewayCacheGb"_s, c.gatewayCacheGb, c.gatewayCacheGb != d.gatewayCacheGb);
    put(u"tableCapacity"_s, c.tableCapacity, c.tableCapacity != d.tableCapacity);
    put(u"storageClasses"_s, c.storageClasses, c.storageClasses != d.storageClasses);
}

Result<void> hiddenLinesFromJson(const QJsonObject &o, CostOption &c)
{
    c.logs = o.value("logs"_L1).toBool(c.logs);
    c.logRetentionMonths = o.value("logRetentionMonths"_L1).toDouble(c.logRetentionMonths);
    c.dataTransfer = o.value("dataTransfer"_L1).toBool(c.dataTransfer);
    c.natGateway = o.value("natGateway"_L1).toBool(c.natGateway);
    c.gatewayCacheGb = o.value("gatewayCacheGb"_L1).toDouble(c.gatewayCacheGb);
    c.tableCapacity = o.value("tableCapacity"_L1).toBool(c.tableCapacity);
    c.storageClasses = o.value("storageClasses"_L1).toBool(c.storageClasses);
    if (c.logRetentionMonths < 0)
        return fail(CostEngine::tr("logRetentionMonths: %1 is below zero").arg(c.logRetentionMonths));
    if (c.gatewayCacheGb < 0)
        return fail(CostEngine::tr("gatewayCacheGb: %1 is below zero").arg(c.gatewayCacheGb));
    return {};
}

// The two prices of a line that is switched on; false, with a note saying why, when it is
// switched off or the catalog lacks either price.
bool linePrices(CostEngine::Sink &sink, bool on, const QString &off, const PricingCatalog &catalog,
                const std::array<QString, 2> &ids, const std::array<const Price **, 2> &prices, const QString &unpriced)
{
    if (!on) {
        sink.note(off);
        return false;
    }
    *prices[0] = catalog.price(ids[0]);
    *prices[1] = catalog.price(ids[1]);
    if (*prices[0] && *prices[1])
        return true;
    sink.note(unpriced);
    return false;
}

// "createOrder 212 B (measured, 12 runs)" or "getItem 300 B (assumed)".
QString perFunctionBytes(const QString &name, double bytes, const MeasuredFigure *measured)
{
    if (measured)
        return CostEngine::tr("%1 %L2 B (measured, %n run(s))", nullptr, measured->runs)
            .arg(name)
            .arg(bytes, 0, 'f', 0);
    return CostEngine::tr("%1 %L2 B (assumed)").arg(name).arg(bytes, 0, 'f', 0);
}

} // namespace

void CostEngine::hiddenLines(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const
{
    billLogs(catalog, option, volume, sink);
    billTransfer(catalog, option, volume, sink);
    if (option.kind != CostOption::Kind::Serverless)
        return;
    billNat(catalog, option, volume, sink);
    billGatewayCache(catalog, option, volume, sink);
}

// What the functions log, ingested and kept by CloudWatch Logs: the log bytes each local
// run wrote per invocation when measured, a stated default otherwise.
void CostEngine::billLogs(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const
{
    const Price *ingestion = nullptr, *storage = nullptr;
    if (!linePrices(sink, option.logs, tr("Logs: not counted (switched off)."), catalog,
                    {u"logs.ingestion"_s, u"logs.storage"_s}, {&ingestion, &storage},
                    tr("Logs are not priced on %1 (no logs.ingestion and logs.storage prices in its catalog).")
                        .arg(catalog.providerName())))
        return;
    double bytes = 0;
    QStringList names, each;
    for (const FunctionLoad &f : mWorkload.functions) {
        const bool measured = mWorkload.measured && f.measured.logBytes.known();
        const double perInvocation = measured ? f.measured.logBytes.value : CostOption::kDefaultLogBytes;
        const double invocations = f.monthlyInvocations(volume);
        bytes += invocations * perInvocation;
        if (sink.record && invocations > 0) {
            names << f.name;
            each << perFunctionBytes(f.name, perInvocation, measured ? &f.measured.logBytes : nullptr);
        }
    }
    if (bytes <= 0)
        return;
    const QString group = tr("Logs");
    const double gb = bytes / kBytesPerGb;
    bill(sink, catalog, *ingestion, gb, option.freeTier, group, joinNames(names));
    bill(sink, catalog, *storage, gb * option.logRetentionMonths, option.freeTier, group, joinNames(names));
    if (sink.record)
        sink.note(tr("Logs: log bytes per invocation: %1 (assumed: %2 bytes, a worker's START, END and REPORT "
                     "lines); kept %3 month(s), so a month's logs are stored %3 month(s) at steady state, "
                     "uncompressed.")
                      .arg(each.join(u"; "_s))
                      .arg(CostOption::kDefaultLogBytes)
                      .arg(option.logRetentionMonths));
}

// The responses of the functions behind HTTP routes, sent to the internet.
void CostEngine::billTransfer(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const
{
    if (!option.dataTransfer) {
        sink.note(tr("Data transfer out: not counted (switched off)."));
        return;
    }
    const Price *out = catalog.price(u"transfer.out"_s);
    if (!out) {
        sink.note(tr("Data transfer out is not priced on %1 (no transfer.out price in its catalog).")
                      .arg(catalog.providerName()));
        return;
    }
    double bytes = 0;
    QStringList names, each;
    for (const FunctionLoad &f : mWorkload.functions) {
        if (f.httpPerRequest <= 0)
            continue;
        const bool measured = mWorkload.measured && f.measured.responseBytes.known();
        const double perResponse = measured ? f.measured.responseBytes.value : CostOption::kDefaultResponseBytes;
        bytes += f.httpPerRequest * volume * perResponse;
        if (sink.record) {
            names << f.name;
            each << perFunctionBytes(f.name, perResponse, measured ? &f.measured.responseBytes : nullptr);
        }
    }
    if (bytes <= 0) {
        sink.note(tr("Data transfer out: no function answers an HTTP route, none is counted."));
        return;
    }
    bill(sink, catalog, *out, bytes / kBytesPerGb, option.freeTier, tr("Data transfer"), joinNames(names));
    if (sink.record)
        sink.note(tr("Data transfer out: one response per HTTP request, of %1 (assumed: %2 bytes); headers and "
                     "what other services send out are not counted.")
                      .arg(each.join(u"; "_s))
                      .arg(CostOption::kDefaultResponseBytes));
}

// One NAT gateway all month for the functions in a VPC, and the data it carries.
void CostEngine::billNat(const PricingCatalog &catalog, const CostOption &option, double volume, Sink &sink) const
{
    QStringList names;
    double bytes = 0;
    for (const FunctionLoad &f : mWorkload.functions) {
        if (!f.vpc)
            continue;
        names << f.name;
        bytes += f.monthlyInvocations(volume) * f.payloadKb * 1024;
    }
    if (names.isEmpty())
        return;
    const Price *hours = nullptr, *data = nullptr;
    if (!linePrices(sink, option.natGateway, tr("NAT gateway for the functions in a VPC: not counted (switched off)."),
                    catalog, {u"nat.hours"_s, u"nat.data"_s}, {&hours, &data},
                    tr("The NAT gateway of the functions in a VPC (%1) is not priced on %2.")
                        .arg(names.join(u", "_s), catalog.providerName())))
        return;
    const QString group = tr("NAT gateway");
    bill(sink, catalog, *hours, catalog.hoursPerMonth(), false, group, joinNames(names));
    bill(sink, catalog, *data, bytes / kBytesPerGb, false, group, joinNames(names));
    sink.note(tr("NAT gateway: one gateway all month (one per Availability Zone costs that many times more); each "
                 "invocation of a function in a VPC sends and receives its payload size through it."));
}

// A REST API's cache, billed by the hour whatever it serves.
void CostEngine::billGatewayCache(const PricingCatalog &catalog, const CostOption &option, double volume,
                                  Sink &sink) const
{
    if (option.gatewayCacheGb <= 0)
        return;
    const double http = mWorkload.gatewayRequests(volume, false);
    const double rest = mWorkload.gatewayRequests(volume, true);
    const double restRequests = option.gateway == "rest"_L1 ? http + rest : option.gateway == "auto"_L1 ? rest : 0;
    if (restRequests <= 0 || catalog.serverless().httpIncluded) {
        sink.note(tr("API Gateway cache: only REST APIs have one; none is counted."));
        return;
    }
    const QString id = u"gateway.cache."_s + QString::number(option.gatewayCacheGb);
    const Price *p = catalog.price(id);
    if (!p) {
        sink.note(tr("An API Gateway cache of %1 GB is not priced on %2 (no %3 price in its catalog).")
                      .arg(QLocale().toString(option.gatewayCacheGb), catalog.providerName(), id));
        return;
    }
    bill(sink, catalog, *p, catalog.hoursPerMonth(), false, tr("API gateway"), {});
    sink.note(tr("API Gateway cache of %1 GB all month; requests it answers are still counted as invocations (no "
                 "hit rate assumed).")
                  .arg(QLocale().toString(option.gatewayCacheGb)));
}

namespace {

// "10 %", "100 %".
QString percent(double share)
{
    return CostEngine::tr("%1 %").arg(QLocale().toString(share * 100, 'g', 4));
}

// How a filter's match rate was chosen, for the notes.
QString rateOrigin(const FilterLoad &f)
{
    return f.assumed ? CostEngine::tr("assumed: every event matches, the upper bound; set the match rate in the "
                                      "workload's event inputs")
                     : CostEngine::tr("the match rate set in the workload");
}

} // namespace

// A bus's events: each 64 KB of an entry put on it (by the functions that publish to it
// and the rules that target it), what its archive keeps and the storage that takes over
// the retention, and the events replayed from the archive.
void CostEngine::busDemand(const PricingCatalog &catalog, const ServiceLoad &s, double volume, Sink &sink,
                           const Want &want) const
{
    const double events = s.writesPerRequest * volume + s.writesFixed;
    // EventBridge bills each 64 KB of a PutEvents entry as one event.
    const double chunks = std::max(1.0, std::ceil(s.itemKb / 64 - kEpsilon));
    want(u"bus.events"_s, events * chunks, s.name);
    if (catalog.price(u"bus.events"_s))
        sink.note(tr("EventBridge charges for the events put on a bus (each 64 KB of an event counts as one), not "
                     "for matching them against rules or delivering them to targets in the same account; "
                     "cross-account delivery and API destinations, which it does charge, are not in the design."));
    if (!s.archive) {
        if (s.replayGb > 0)
            sink.note(tr("Bus %1: %L2 GB replayed a month, but the bus has no archive to replay from; no replay is "
                         "counted.")
                          .arg(s.name)
                          .arg(s.replayGb));
        return;
    }
    const FilterLoad *pattern = mWorkload.filter(s.name);
    if (pattern && pattern->kind != FilterLoad::Kind::Archive)
        pattern = nullptr;
    const double archivedGb = events * (pattern ? pattern->matchRate : 1) * s.itemKb / (1024.0 * 1024.0);
    const bool indefinitely = s.archiveRetentionDays <= 0;
    const double months = indefinitely ? Workload::kIndefiniteArchiveMonths
                                       : s.archiveRetentionDays / Workload::kDaysPerMonth;
    want(u"bus.archive.processing"_s, archivedGb, s.name);
    want(u"bus.archive.storage"_s, archivedGb * months, s.name);
    const double replayed = s.eventsIn(s.replayGb);
    want(u"bus.replays"_s, replayed * chunks, s.name);
    if (!sink.record)
        return;
    const QString share = pattern ? tr("%1 of its events (%2)").arg(percent(pattern->matchRate), rateOrigin(*pattern))
                                  : tr("all its events");
    if (indefinitely)
        sink.note(tr("Bus %1's archive keeps %2: %L3 GB a month of %L4 KB events, kept indefinitely, so the storage "
                     "is priced as the archive stands after %5 months (%L6 GB) and grows by %L3 GB every month "
                     "after. Replayed events are not archived.")
                      .arg(s.name, share)
                      .arg(archivedGb, 0, 'g', 4)
                      .arg(s.itemKb)
                      .arg(Workload::kIndefiniteArchiveMonths)
                      .arg(archivedGb * months, 0, 'g', 4));
    else
        sink.note(tr("Bus %1's archive keeps %2: %L3 GB a month of %L4 KB events, kept %L5 days, so %L6 GB are "
                     "stored at steady state. Replayed events are not archived.")
                      .arg(s.name, share)
                      .arg(archivedGb, 0, 'g', 4)
                      .arg(s.itemKb)
                      .arg(s.archiveRetentionDays)
                      .arg(archivedGb * months, 0, 'g', 4));
    if (replayed > 0)
        sink.note(tr("Bus %1: %L2 GB replayed a month, %L3 events of %L4 KB, charged as events ingested again and "
                     "offered to the bus's rules again, so their targets run again.")
                      .arg(s.name)
                      .arg(s.replayGb)
                      .arg(replayed, 0, 'f', 0)
                      .arg(s.itemKb));
}

void CostEngine::workflowDemand(const WorkflowLoad &w, double volume, Sink &sink, const Want &want) const
{
    const double executions = w.monthlyExecutions(volume);
    const WorkflowLoad::Source source = w.transitionsSource();
    const double transitions = source != WorkflowLoad::Source::Definition || w.definition.isEmpty()
                                   ? w.transitionsPerExecution()
                                   : Workload::likelyPath(w.definition, w.mapItems).transitions;
    double durationMs = 0;
    if (w.express) {
        durationMs = mWorkload.workflowDurationMs(w);
        want(u"workflow.express.requests"_s, executions, w.name);
        // Each execution: its duration rounded up to 100 ms, its memory in 64 MB chunks.
        const double gb = ceilTo(WorkflowLoad::kExpressMemoryMb, 64) / 1024.0;
        want(u"workflow.express.duration"_s, executions * ceilTo(durationMs, 100) / 1000.0 * gb, w.name);
    } else {
        want(u"workflow.transitions"_s, executions * transitions, w.name);
    }
    if (!sink.record)
        return;
    QString per;
    switch (source) {
    case WorkflowLoad::Source::Typed:
    case WorkflowLoad::Source::Measured:
        per = tr("%L1 transitions per execution, %2").arg(transitions, 0, 'g', 4).arg(w.transitionsOrigin());
        break;
    case WorkflowLoad::Source::Definition:
        per = tr("%L1 transitions per execution, estimated from the definition along its likely path (a Choice "
                 "takes its Default, a Parallel every branch, a Map %L2 items; retries not counted)")
                  .arg(transitions, 0, 'g', 4)
                  .arg(w.mapItems);
        break;
    case WorkflowLoad::Source::Unreadable:
        per = tr("its definition cannot be read (%1): one transition per execution, each connection once")
                  .arg(w.definitionError);
        break;
    }
    if (w.express) {
        const QString duration = w.typedDurationMs >= 0 || w.measuredDurationMs.known()
                                     ? w.durationOrigin()
                                     : tr("assumed: the functions its Task states invoke along the likely path, and "
                                          "its waits, at least 100 ms");
        sink.note(tr("State machine %1 (Express): %L2 executions a month of %L3 ms (%4), billed as %L5 MB of memory; "
                     "%6.")
                      .arg(w.name)
                      .arg(executions, 0, 'f', 0)
                      .arg(durationMs, 0, 'f', 0)
                      .arg(duration)
                      .arg(WorkflowLoad::kExpressMemoryMb)
                      .arg(per));
    } else {
        sink.note(tr("State machine %1 (Standard): %L2 executions a month, %3.")
                      .arg(w.name)
                      .arg(executions, 0, 'f', 0)
                      .arg(per));
    }
}

// What each filtered trigger and each rule passes on, and where its match rate comes from.
void CostEngine::filterNotes(double volume, Sink &sink) const
{
    if (!sink.record)
        return;
    for (const FilterLoad &f : mWorkload.filters) {
        const double offered = f.monthlyOffered(volume);
        if (f.kind == FilterLoad::Kind::Trigger)
            sink.note(tr("%1's filter criteria pass %2 of its %L3 events a month to the functions it invokes (%4); "
                         "%1 still bills every one.")
                          .arg(f.name, percent(f.matchRate))
                          .arg(offered, 0, 'f', 0)
                          .arg(rateOrigin(f)));
        else if (f.kind == FilterLoad::Kind::Rule && !f.enabled)
            sink.note(tr("Rule %1 is disabled: it matches no event and invokes none of its targets.").arg(f.name));
        else if (f.kind == FilterLoad::Kind::Rule)
            sink.note(tr("Rule %1 matches %2 of the %L3 events a month on its bus (%4): %L5 deliveries to each of "
                         "its targets.")
                          .arg(f.name, percent(f.matchRate))
                          .arg(offered, 0, 'f', 0)
                          .arg(rateOrigin(f))
                          .arg(offered * f.passRate(), 0, 'f', 0));
    }
}

double CostEngine::peakRatePerRequest() const
{
    const double repeats = kHoursPerMonth / mPeriodHours;
    double peak = 0;
    for (size_t h = 0; h < mHourly.share.size(); ++h)
        peak = std::max(peak, mHourly.share[h] / repeats / 3600 * mHourly.peakFactor[h]);
    return peak;
}

// A table's storage, and its capacity as its billing mode bills it: request units on
// demand, or write and read capacity units provisioned all month for the busiest minute.
void CostEngine::tableDemand(const ServiceLoad &s, double volume, Sink &sink, const Want &want) const
{
    const double writes = s.writesPerRequest * volume + s.writesFixed;
    const double reads = s.readsPerRequest * volume + s.readsFixed;
    const double writeUnits = std::max(1.0, std::ceil(s.itemKb - kEpsilon));
    const double readUnits = std::max(1.0, std::ceil(s.itemKb / 4 - kEpsilon));
    want(u"table.storage"_s, s.storedGb, s.name);
    if (sink.record && s.items > 0)
        sink.note(tr("Table %1: %L2 items of %L3 KB, %L4 GB stored.")
                      .arg(s.name)
                      .arg(s.items, 0, 'f', 0)
                      .arg(s.itemKb)
                      .arg(s.storedGb, 0, 'f', 3));
    const bool byMode = !sink.option || sink.option->tableCapacity;
    if (s.billingMode != "PROVISIONED"_L1 || !byMode) {
        want(u"table.writes"_s, writes * writeUnits, s.name);
        want(u"table.reads"_s, reads * readUnits, s.name);
        if (s.billingMode == "PROVISIONED"_L1)
            sink.note(tr("Table %1 is PROVISIONED but priced on demand (billing modes switched off).").arg(s.name));
        return;
    }
    const double peak = peakRatePerRequest();
    const double fixedPerSecond = 1.0 / (kHoursPerMonth * 3600);
    const double writesPerSecond = s.writesPerRequest * volume * peak + s.writesFixed * fixedPerSecond;
    const double readsPerSecond = s.readsPerRequest * volume * peak + s.readsFixed * fixedPerSecond;
    const double wcu = std::max(1.0, std::ceil(writesPerSecond * writeUnits - kEpsilon));
    const double rcu = std::max(1.0, std::ceil(readsPerSecond * readUnits - kEpsilon));
    want(u"table.provisionedWrites"_s, wcu * kHoursPerMonth, s.name);
    want(u"table.provisionedReads"_s, rcu * kHoursPerMonth, s.name);
    if (sink.record)
        sink.note(tr("Table %1 (PROVISIONED): %2 WCU and %3 RCU all month, for the busiest minute's %L4 writes and "
                     "%L5 reads a second (strongly consistent reads, no auto scaling, free tier not counted).")
                      .arg(s.name)
                      .arg(wcu)
                      .arg(rcu)
                      .arg(writesPerSecond, 0, 'f', 2)
                      .arg(readsPerSecond, 0, 'f', 2));
}

// A bucket's storage and requests at the prices of its storage class; the colder classes
// also bill each GB read back (objects of itemKb).
void CostEngine::bucketDemand(const ServiceLoad &s, double volume, Sink &sink, const Want &want) const
{
    const double writes = s.writesPerRequest * volume + s.writesFixed;
    const double reads = s.readsPerRequest * volume + s.readsFixed;
    const bool byClass = !sink.option || sink.option->storageClasses;
    const bool standard = s.storageClass.isEmpty() || s.storageClass == "STANDARD"_L1 || !byClass;
    const QString suffix = standard ? QString() : u"."_s + s.storageClass;
    want(u"bucket.writes"_s + suffix, writes, s.name);
    want(u"bucket.reads"_s + suffix, reads, s.name);
    want(u"bucket.storage"_s + suffix, s.storedGb, s.name);
    if (!standard) {
        want(u"bucket.retrieval"_s + suffix, reads * s.itemKb / (1024.0 * 1024.0), s.name);
        if (sink.record)
            sink.note(tr("Bucket %1 (%2): each GET reads back one object of %L3 KB; the class's minimum object "
                         "size and storage duration are not counted.")
                          .arg(s.name, s.storageClass)
                          .arg(s.itemKb));
    } else if (!s.storageClass.isEmpty() && s.storageClass != "STANDARD"_L1) {
        sink.note(
            tr("Bucket %1 is %2 but priced as Standard (storage classes switched off).").arg(s.name, s.storageClass));
    }
}

CostEngine::BreakEven CostEngine::breakEven(const CostOption &a, const CostOption &b, double low, double high) const
{
    BreakEven result;
    auto difference = [&](double v) { return total(a, v) - total(b, v); };
    constexpr int kSteps = 240;
    const double ratio = std::pow(high / low, 1.0 / kSteps);
    double previous = low;
    double previousDiff = difference(low);
    if (std::isnan(previousDiff)) {
        result.explanation = tr("an option has no prices");
        return result;
    }
    if (previousDiff >= 0) {
        result.explanation = tr("%1 is not cheaper than %2 even at %L3 requests a month")
                                 .arg(a.label(mCatalogs.provider(a.provider).get()),
                                      b.label(mCatalogs.provider(b.provider).get()))
                                 .arg(low, 0, 'f', 0);
        return result;
    }
    for (int i = 1; i <= kSteps; ++i) {
        const double v = low * std::pow(ratio, i);
        const double d = difference(v);
        if (d >= 0) {
            double lo = previous, hi = v;
            for (int k = 0; k < 200 && hi - lo > 1e-6 * lo; ++k) {
                const double mid = (lo + hi) / 2;
                (difference(mid) < 0 ? lo : hi) = mid;
            }
            result.found = true;
            result.volume = (lo + hi) / 2;
            result.costA = total(a, result.volume);
            result.costB = total(b, result.volume);
            result.step = std::abs(result.costA - result.costB) > 0.01;
            result.explanation = result.step ? tr("the second option steps up here (one more instance)")
                                             : tr("both cost the same here");
            return result;
        }
        previous = v;
        previousDiff = d;
    }
    result.explanation = tr("%1 stays cheaper up to %L2 requests a month")
                             .arg(a.label(mCatalogs.provider(a.provider).get()))
                             .arg(high, 0, 'f', 0);
    return result;
}

std::vector<CostEngine::Sensitivity> CostEngine::sensitivity(const CostOption &a, const CostOption &b) const
{
    std::vector<Sensitivity> rows;
    for (const char *parameter : {"duration", "memory"}) {
        for (double factor : {0.5, 2.0}) {
            Workload changed = mWorkload;
            for (FunctionLoad &f : changed.functions) {
                if (qstrcmp(parameter, "duration") == 0)
                    f.durationMs *= factor;
                else
                    f.memoryMb = std::max(128, int(f.memoryMb * factor));
            }
            const CostEngine engine(std::move(changed), mCatalogs);
            rows.push_back({QString::fromLatin1(parameter), factor, engine.breakEven(a, b)});
        }
    }
    return rows;
}

const std::vector<int> &CostEngine::rightSizeMemoriesMb()
{
    static const std::vector<int> sizes{128, 256, 512, 1024, 1536, 2048, 3008};
    return sizes;
}

double CostEngine::scaledDuration(double durationMs, int baseMb, int candidateMb)
{
    // CPU share grows with memory up to one vCPU; beyond it, more vCPUs that
    // single-threaded code does not use: no faster than at kOneVcpuMemoryMb.
    const double base = std::min<double>(std::max(1, baseMb), kOneVcpuMemoryMb);
    const double candidate = std::min<double>(std::max(1, candidateMb), kOneVcpuMemoryMb);
    return std::max(kShortestDurationMs, durationMs * base / candidate);
}

QString CostEngine::rightSizeAssumption()
{
    return tr("Right-size memory (an assumption, not a measurement): CPU, and so the duration of CPU-bound work, "
              "scales with memory as Lambda allocates it; the duration at a memory size is the measured duration x "
              "(memory it was measured at / that memory size), no shorter than at %1 MB (one vCPU: single-threaded "
              "code gains nothing from more) and never below %2 ms. Work that waits on I/O does not speed up, so "
              "larger sizes may cost more than shown. Sizes below the memory the local runs used are marked too small.")
        .arg(int(kOneVcpuMemoryMb))
        .arg(int(kShortestDurationMs));
}

std::vector<CostEngine::RightSize> CostEngine::rightSize(const CostOption &serverless, double volume) const
{
    std::vector<RightSize> rows;
    for (size_t i = 0; i < mWorkload.functions.size(); ++i) {
        const FunctionLoad &f = mWorkload.functions[i];
        RightSize row;
        row.function = f.name;
        row.memoryMb = f.memoryMb;
        row.baseMemoryMb = f.durationMeasured && f.measured.memorySettingMb > 0 ? f.measured.memorySettingMb
                                                                                : f.memoryMb;
        row.durationMs = f.durationMs;
        row.measured = f.durationMeasured;
        row.runs = f.durationMeasured ? f.measured.meanDurationMs.runs : 0;
        row.peakMemoryUsedMb = f.measured.peakMemoryUsedMb.value;
        for (int mb : rightSizeMemoriesMb()) {
            const double durationMs = scaledDuration(f.durationMs, row.baseMemoryMb, mb);
            Workload changed = mWorkload;
            changed.functions[i].memoryMb = mb;
            changed.functions[i].durationMs = durationMs;
            const CostResult priced = CostEngine(std::move(changed), mCatalogs).evaluate(serverless, volume);
            const double cost = priced.perFunction.value(f.name);
            const bool tooSmall = row.peakMemoryUsedMb > mb;
            if (!tooSmall && (row.cheapest < 0 || cost < row.cells[size_t(row.cheapest)].monthlyCost))
                row.cheapest = int(row.cells.size());
            row.cells.push_back({mb, durationMs, cost, tooSmall});
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

const Price *CostEngine::committedPrice(const PricingCatalog &catalog, const CostOption &option, const QString &id,
                                        Sink &sink) const
{
    const Price *onDemand = catalog.price(id);
    if (!onDemand || !option.committed())
        return onDemand;
    const Price *p = catalog.price(id + u'@' + option.commitment);
    if (p && p->priced())
        return p;
    if (p)
        sink.note(tr("%1 has no %2 price for %3 in its catalog yet (%4): it is priced on demand.")
                      .arg(catalog.providerName(), CostOption::commitmentName(option.commitment),
                           PricingCatalog::text(onDemand->name), p->notes));
    else
        sink.note(tr("%1 has no %2 price for %3 in its catalog: it is priced on demand.")
                      .arg(catalog.providerName(), CostOption::commitmentName(option.commitment),
                           PricingCatalog::text(onDemand->name)));
    return onDemand;
}

double CostEngine::committedHourly(const PricingCatalog &catalog, const CostOption &option, const InstanceType &type,
                                   const Price **entry) const
{
    const Price *p = option.committed() ? catalog.price(u"instance.%1@%2"_s.arg(type.type, option.commitment))
                                        : nullptr;
    if (p && !p->priced())
        p = nullptr;
    if (entry)
        *entry = p;
    return p ? p->tiers.front().price / p->per : type.hourly;
}

void CostEngine::commitInstances(const PricingCatalog &catalog, const CostOption &option, const InstanceType &type,
                                 LineItem &item, Sink &sink) const
{
    if (!option.committed())
        return;
    const QString name = CostOption::commitmentName(option.commitment);
    const Price *entry = nullptr;
    const double hourly = committedHourly(catalog, option, type, &entry);
    if (!entry) {
        const Price *unpriced = catalog.price(u"instance.%1@%2"_s.arg(type.type, option.commitment));
        if (unpriced)
            sink.note(tr("%1 has no %2 price for %3 in its catalog yet (%4): the instances are priced on demand.")
                          .arg(catalog.providerName(), name, type.type, unpriced->notes));
        else
            sink.note(tr("%1 has no %2 price for %3 in its catalog: the instances are priced on demand.")
                          .arg(catalog.providerName(), name, type.type));
        return;
    }
    item.item = tr("%1 instances (%2 vCPU, %3 GiB), %4")
                    .arg(type.type, QLocale().toString(type.vcpu), QLocale().toString(type.memoryGiB), name);
    item.unitPrice = hourly;
    item.amount = item.quantity * hourly;
    item.priceId = entry->id;
    item.source = catalog.sourceText(entry->source);
    item.effective = entry->effective;
    if (option.commitment == "spot"_L1)
        sink.note(tr("The spot price is the one of %1; spot prices move with supply and demand, and spot instances "
                     "can be interrupted at two minutes' notice.")
                      .arg(entry->effective)
                  + (entry->notes.isEmpty() ? QString() : u" "_s + tr("%1: %2.").arg(type.type, entry->notes)));
}

QString CostEngine::commitmentAssumption(const CostOption &option)
{
    if (!option.committed())
        return {};
    if (option.commitment == "spot"_L1)
        return tr("spot instances at the catalog's spot price, of its date; spot prices move with supply and demand "
                  "and spot instances can be interrupted, so the fleet must tolerate losing instances.");
    return tr("priced at the catalog's %1 rates (no upfront payment; each rate's source says the terms it was "
              "published for), as if the commitment matched the usage hour by hour: usage above it would be billed "
              "on demand, and commitment left unused is paid all the same. Prices the catalog has no such rate for "
              "stay on demand, as the notes say; the custom discount does not apply.")
        .arg(CostOption::commitmentName(option.commitment));
}

std::vector<double> CostEngine::hourlyCosts(const CostOption &option, double volume) const
{
    std::vector<double> day(24, 0.0);
    const auto catalog = mCatalogs.provider(option.provider);
    if (!catalog)
        return day;
    // The busiest day of the profile.
    const size_t hours = mHourly.share.size();
    size_t first = 0;
    double busiest = -1;
    for (size_t d = 0; d + 24 <= std::max<size_t>(hours, 24); d += 24) {
        double sum = 0;
        for (size_t h = d; h < std::min(hours, d + 24); ++h)
            sum += mHourly.share[h];
        if (sum > busiest) {
            busiest = sum;
            first = d;
        }
    }
    const double repeats = kHoursPerMonth / mPeriodHours;
    const double monthly = total(option, volume);
    if (option.kind == CostOption::Kind::Serverless) {
        for (size_t h = 0; h < 24 && first + h < hours; ++h)
            day[h] = monthly * mHourly.share[first + h] / repeats;
        return day;
    }
    // Fleets: the instances running that hour; the rest of the bill spread evenly.
    std::vector<double> instances;
    double hourly = 0;
    if (option.kind == CostOption::Kind::VmFleet) {
        const InstanceType *type = instanceFor(*catalog, option);
        if (!type)
            return day;
        instanceHours(volume, type->vcpu, option, &instances);
        hourly = committedHourly(*catalog, option, *type, nullptr);
    } else {
        Sink quiet;
        const Price *vcpu = committedPrice(*catalog, option, u"containers.vcpu."_s + option.taskArchitecture, quiet);
        const Price *memory = committedPrice(*catalog, option, u"containers.memory."_s + option.taskArchitecture,
                                             quiet);
        if (!vcpu || !memory)
            return day;
        instanceHours(volume, option.taskVcpu, option, &instances);
        hourly = option.taskVcpu * vcpu->tiers.front().price + option.taskMemoryGb * memory->tiers.front().price;
    }
    if (!option.committed())
        hourly *= 1 - option.commitmentDiscountPct / 100;
    double compute = 0;
    for (double n : instances)
        compute += n * hourly * repeats;
    const double rest = (monthly - compute) / kHoursPerMonth;
    for (size_t h = 0; h < 24 && first + h < hours; ++h)
        day[h] = instances[first + h] * hourly + rest;
    return day;
}

} // namespace Nimbus
