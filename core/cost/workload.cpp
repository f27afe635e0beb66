#include "workload.h"

#include "model/architecture.h"
#include "model/catalog.h"
#include "model/scheduleexpression.h"
#include "runtime/runhistory.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <set>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr int kMaxDepth = 32;

// The entry of items with that name, or null.
template<typename T>
T *named(std::vector<T> &items, const QString &name)
{
    const auto it = std::find_if(items.begin(), items.end(), [&](const T &item) { return item.name == name; });
    return it == items.end() ? nullptr : &*it;
}

const NodeKind *kindOf(const Catalog &catalog, const Node &node)
{
    return catalog.kind(node.kind);
}

// Follows events through the design: a function's writes reach services, services
// deliver events to the functions they invoke, and so on; a loop is followed once.
class Flow
{
public:
    Flow(const Catalog &catalog, const Architecture &architecture, Workload &workload)
        : mCatalog(catalog), mArchitecture(architecture), mWorkload(workload)
    { }

    void intoFunction(NodeId id, double perRequest, double fixed, std::set<NodeId> &path)
    {
        const Node *node = mArchitecture.node(id);
        FunctionLoad *f = node ? mWorkload.function(node->name) : nullptr;
        if (!f || path.count(id) || int(path.size()) > kMaxDepth)
            return;
        f->perRequest += perRequest;
        f->fixedMonthly += fixed;
        path.insert(id);
        for (EdgeId e : mArchitecture.outgoingEdges(id)) {
            const Edge *edge = mArchitecture.edge(e);
            const Node *target = mArchitecture.node(edge->to);
            if (edge->type == "calls"_L1) {
                intoFunction(edge->to, perRequest, fixed, path);
                continue;
            }
            ServiceLoad *s = mWorkload.service(target->name);
            if (!s)
                continue;
            if (edge->type == "reads"_L1) {
                s->readsPerRequest += perRequest;
                s->readsFixed += fixed;
            } else { // writes, publishes
                s->writesPerRequest += perRequest;
                s->writesFixed += fixed;
                intoService(edge->to, perRequest, fixed, path);
            }
        }
        path.erase(id);
    }

    // Events a service delivers for perRequest writes to it.
    void intoService(NodeId id, double perRequest, double fixed, std::set<NodeId> &path)
    {
        const Node *node = mArchitecture.node(id);
        const NodeKind *kind = kindOf(mCatalog, *node);
        double batch = 1;
        if (kind && !kind->cost.batchProperty.isEmpty())
            batch = std::max(1.0, node->properties.value(kind->cost.batchProperty).toDouble(1));
        ServiceLoad *s = mWorkload.service(node->name);
        // A trigger's filter criteria or a rule's pattern passes on only the events that
        // match; the source has received (and billed) them all.
        double pass = 1;
        for (FilterLoad &filter : mWorkload.filters) {
            if (filter.node != id || filter.kind == FilterLoad::Kind::Archive)
                continue;
            filter.offeredPerRequest += perRequest;
            filter.offeredFixed += fixed;
            pass = filter.passRate();
        }
        for (EdgeId e : mArchitecture.outgoingEdges(id)) {
            const Edge *edge = mArchitecture.edge(e);
            // A bus offers each event to every rule; a rule passes those matching its
            // pattern on to its targets.
            if ((edge->type == "routes"_L1 || edge->type == "targets"_L1) && !path.count(edge->to)
                && int(path.size()) <= kMaxDepth) {
                ServiceLoad *target = mWorkload.service(mArchitecture.node(edge->to)->name);
                if (target) {
                    target->writesPerRequest += perRequest * pass;
                    target->writesFixed += fixed * pass;
                }
                path.insert(id);
                if (mWorkload.function(mArchitecture.node(edge->to)->name))
                    intoFunction(edge->to, perRequest * pass, fixed * pass, path);
                else
                    intoService(edge->to, perRequest * pass, fixed * pass, path);
                path.erase(id);
                continue;
            }
            if (edge->type != "invokes"_L1)
                continue;
            // A queue consumer receives and deletes each batch: two more requests. Lambda
            // filters after receiving, so a filter lowers the invocations, not these: the
            // messages that do not match are received and deleted too.
            if (s && s->service == "queue"_L1) {
                s->readsPerRequest += 2 * perRequest / batch;
                s->readsFixed += 2 * fixed / batch;
            }
            intoFunction(edge->to, perRequest * pass / batch, fixed * pass / batch, path);
        }
    }

private:
    const Catalog &mCatalog;
    const Architecture &mArchitecture;
    Workload &mWorkload;
};

// Each member of json (named after an item) applied to the item of that name; missing
// says how to name one that does not exist (%1: the name).
template<typename T, typename Apply>
Result<void> applyNamed(std::vector<T> &items, const QJsonObject &json, const QString &missing, Apply apply)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        T *item = named(items, it.key());
        if (!item)
            return fail(missing.arg(it.key()));
        if (Result<void> applied = apply(*item, it.value()); !applied)
            return applied;
    }
    return {};
}

Result<void> applyEntry(EntryPoint &e, const QJsonValue &weight)
{
    if (!weight.isDouble() || weight.toDouble() < 0)
        return fail(Workload::tr("entries.%1: expected a weight of zero or more").arg(e.name));
    e.weight = weight.toDouble();
    return {};
}

Result<void> applyFunction(FunctionLoad &f, const QJsonValue &value)
{
    const QJsonObject v = value.toObject();
    const double duration = v.value("durationMs"_L1).toDouble(f.durationMs);
    const int memory = v.value("memoryMb"_L1).toInt(f.memoryMb);
    const QString arch = v.value("architecture"_L1).toString(f.architecture);
    if (duration <= 0)
        return fail(Workload::tr("functions.%1.durationMs: expected a positive number").arg(f.name));
    if (memory < 1)
        return fail(Workload::tr("functions.%1.memoryMb: expected a positive number").arg(f.name));
    if (arch != "x86_64"_L1 && arch != "arm64"_L1)
        return fail(Workload::tr("functions.%1.architecture: '%2' is neither x86_64 nor arm64").arg(f.name, arch));
    if (v.contains("durationMs"_L1))
        f.durationMeasured = false;
    f.durationMs = duration;
    f.memoryMb = memory;
    f.architecture = arch;
    f.payloadKb = v.value("payloadKb"_L1).toDouble(f.payloadKb);
    f.provisionedConcurrency = v.value("provisionedConcurrency"_L1).toInt(f.provisionedConcurrency);
    return {};
}

// A service's scenario values; items only when set, so older scenarios read back unchanged.
QJsonObject serviceJson(const ServiceLoad &s)
{
    QJsonObject o{{u"storedGb"_s, s.storedGb}, {u"itemKb"_s, s.itemKb}};
    if (s.items > 0)
        o.insert(u"items"_s, s.items);
    if (s.replayGb > 0)
        o.insert(u"replayGb"_s, s.replayGb);
    return o;
}

Result<void> applyService(ServiceLoad &s, const QJsonValue &value)
{
    const QJsonObject v = value.toObject();
    s.storedGb = std::max(0.0, v.value("storedGb"_L1).toDouble(s.storedGb));
    s.itemKb = std::max(0.0, v.value("itemKb"_L1).toDouble(s.itemKb));
    s.items = std::max(0.0, v.value("items"_L1).toDouble(s.items));
    if (s.items > 0)
        s.storedGb = s.items * s.itemKb / (1024.0 * 1024.0);
    const double replay = v.value("replayGb"_L1).toDouble(s.replayGb);
    if (replay < 0)
        return fail(Workload::tr("services.%1.replayGb: expected a number of zero or more").arg(s.name));
    s.replayGb = replay;
    return {};
}

Result<void> applyFilter(FilterLoad &f, const QJsonValue &value)
{
    const QJsonValue rate = value.toObject().value("matchRate"_L1);
    if (rate.isUndefined())
        return {};
    if (!rate.isDouble() || rate.toDouble() < 0 || rate.toDouble() > 1)
        return fail(Workload::tr("filters.%1.matchRate: expected a share from 0 to 1").arg(f.name));
    f.matchRate = rate.toDouble();
    f.assumed = false;
    return {};
}

// A pattern property as text: a string as written, an object as compact JSON; empty when
// it filters nothing.
QString patternText(const QJsonValue &value)
{
    QString text = value.isObject() ? QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact))
                                    : value.toString().trimmed();
    return text == "{}"_L1 ? QString() : text;
}

} // namespace

double Workload::schedulesPerMonth(const QString &expression)
{
    const Result<ScheduleExpression> parsed = ScheduleExpression::parse(expression);
    if (!parsed)
        return -1;
    const ScheduleExpression &e = *parsed;
    if (e.kind() == ScheduleExpression::Kind::Rate)
        return e.rateSeconds() > 0 ? 730.0 * 3600.0 / double(e.rateSeconds()) : -1;
    // A year's firings divided by twelve: months differ in length and weekdays.
    const double perDay = double(e.hours.count() * e.minutes.count());
    double firings = 0;
    const QDate first(2027, 1, 1);
    for (QDate day = first; day.year() == 2027; day = day.addDays(1))
        if (e.matchesDay(day))
            firings += perDay;
    return firings / 12.0;
}

Workload Workload::fromArchitecture(const Catalog &catalog, const Architecture &architecture)
{
    Workload w;
    std::set<NodeId> written; // services something in the design writes to
    for (const auto &[id, edge] : architecture.edges())
        if (edge.type == "writes"_L1 || edge.type == "publishes"_L1)
            written.insert(edge.to);

    for (const auto &[id, node] : architecture.nodes()) {
        const NodeKind *kind = kindOf(catalog, node);
        if (!kind)
            continue;
        const QString service = kind->cost.service;
        if (service == "function"_L1) {
            FunctionLoad f;
            f.node = id;
            f.name = node.name;
            if (!kind->cost.memoryProperty.isEmpty())
                f.memoryMb = node.properties.value(kind->cost.memoryProperty).toInt(f.memoryMb);
            if (!kind->cost.architectureProperty.isEmpty())
                f.architecture = node.properties.value(kind->cost.architectureProperty).toString(f.architecture);
            f.vpc = node.properties.value(u"vpc"_s).toBool(false);
            w.functions.push_back(f);
        } else if (service == "gateway"_L1) {
            EntryPoint e{id, node.name, service, 1, false};
            e.rest = !kind->cost.restProperty.isEmpty()
                     && node.properties.value(kind->cost.restProperty).toString() == kind->cost.restValue;
            w.entries.push_back(e);
        } else if (!service.isEmpty() && service != "schedule"_L1) {
            ServiceLoad s;
            s.node = id;
            s.name = node.name;
            s.service = service;
            s.billingMode = node.properties.value(u"billingMode"_s).toString();
            s.storageClass = node.properties.value(u"storageClass"_s).toString();
            s.archive = node.properties.value(u"archive"_s).toBool(false);
            // Days; null, absent or 0 keep the events indefinitely, as EventBridge does.
            const double retention = node.properties.value(u"archiveRetention"_s).toDouble(0);
            s.archiveRetentionDays = retention > 0 ? retention : -1;
            w.services.push_back(s);
            bool invokes = false;
            for (EdgeId e : architecture.outgoingEdges(id))
                invokes = invokes || architecture.edge(e)->type == "invokes"_L1;
            if (!written.count(id) && invokes)
                w.entries.push_back(EntryPoint{id, node.name, service, 1, false});
            const QString criteria = patternText(node.properties.value(u"filterCriteria"_s));
            if (invokes && !criteria.isEmpty())
                w.filters.push_back(FilterLoad{id, node.name, FilterLoad::Kind::Trigger, criteria});
            const QString archivePattern = patternText(node.properties.value(u"archivePattern"_s));
            if (s.archive && !archivePattern.isEmpty())
                w.filters.push_back(FilterLoad{id, node.name, FilterLoad::Kind::Archive, archivePattern});
        } else if (node.properties.contains(u"pattern"_s)) {
            // A rule: what has a pattern and passes events on to targets.
            bool targets = false;
            for (EdgeId e : architecture.outgoingEdges(id))
                targets = targets || architecture.edge(e)->type == "targets"_L1;
            if (!targets)
                continue;
            FilterLoad f{id, node.name, FilterLoad::Kind::Rule, patternText(node.properties.value(u"pattern"_s))};
            f.enabled = node.properties.value(u"enabled"_s).toBool(true);
            w.filters.push_back(f);
        }
    }
    w.distribute(catalog, architecture);
    return w;
}

void Workload::distribute(const Catalog &catalog, const Architecture &architecture)
{
    for (FunctionLoad &f : functions)
        f.perRequest = f.fixedMonthly = f.httpPerRequest = 0;
    for (ServiceLoad &s : services)
        s.writesPerRequest = s.readsPerRequest = s.writesFixed = s.readsFixed = 0;
    for (FilterLoad &f : filters)
        f.offeredPerRequest = f.offeredFixed = 0;

    Flow flow(catalog, architecture, *this);
    double weights = 0;
    for (const EntryPoint &e : entries)
        weights += std::max(0.0, e.weight);
    for (const EntryPoint &e : entries) {
        if (weights <= 0 || e.weight <= 0)
            continue;
        const double share = e.weight / weights;
        std::set<NodeId> path;
        if (e.service == "gateway"_L1) {
            for (EdgeId id : architecture.outgoingEdges(e.node)) {
                if (architecture.edge(id)->type != "invokes"_L1)
                    continue;
                const NodeId to = architecture.edge(id)->to;
                for (FunctionLoad &f : functions)
                    if (f.node == to)
                        f.httpPerRequest += share; // each request answered by this function
                flow.intoFunction(to, share, 0, path);
            }
        } else {
            if (ServiceLoad *s = service(e.name))
                s->writesPerRequest += share; // the uploads or messages from outside
            flow.intoService(e.node, share, 0, path);
        }
    }
    for (const auto &[id, node] : architecture.nodes()) {
        const NodeKind *kind = kindOf(catalog, node);
        if (!kind || kind->cost.service != "schedule"_L1)
            continue;
        const double perMonth = schedulesPerMonth(node.properties.value(kind->cost.scheduleProperty).toString());
        if (perMonth <= 0)
            continue;
        for (EdgeId e : architecture.outgoingEdges(id)) {
            std::set<NodeId> path;
            flow.intoFunction(architecture.edge(e)->to, 0, perMonth, path);
        }
    }
    // Replayed events go to the bus's rules again, whatever the volume; the bus bills them
    // as replayed events, not as events put on it, and does not archive them.
    for (const ServiceLoad &s : services) {
        if (!s.archive || s.replayGb <= 0)
            continue;
        std::set<NodeId> path;
        flow.intoService(s.node, 0, s.eventsIn(s.replayGb), path);
    }
}

Workload Workload::single(double monthlyRequests, double durationMs, int memoryMb, const QString &architecture,
                          bool viaGateway)
{
    Workload w;
    w.monthlyRequests = monthlyRequests;
    FunctionLoad f;
    f.name = u"function"_s;
    f.perRequest = 1;
    f.durationMs = durationMs;
    f.memoryMb = memoryMb;
    f.architecture = architecture;
    f.httpPerRequest = viaGateway ? 1 : 0;
    w.functions.push_back(f);
    if (viaGateway)
        w.entries.push_back(EntryPoint{kInvalidNodeId, u"gateway"_s, u"gateway"_s, 1, false});
    return w;
}

double Workload::gatewayRequests(double volume, bool rest) const
{
    double weights = 0;
    double gateway = 0;
    for (const EntryPoint &e : entries) {
        weights += std::max(0.0, e.weight);
        if (e.service == "gateway"_L1 && e.rest == rest)
            gateway += std::max(0.0, e.weight);
    }
    return weights > 0 ? volume * gateway / weights : 0;
}

int Workload::useMeasuredDurations(const RunHistory &history, int limit)
{
    int used = 0;
    for (FunctionLoad &f : functions) {
        double sum = 0;
        int runs = 0;
        for (const RunHistory::Entry &e : history.entries(f.node, limit))
            if (e.result.ok) {
                sum += e.result.durationMs;
                ++runs;
            }
        if (runs > 0) {
            f.durationMs = sum / runs;
            f.durationMeasured = true;
            ++used;
        }
    }
    return used;
}

double FunctionMeasurement::percentile(std::vector<double> values, double percent)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = std::ceil(percent / 100.0 * double(values.size()) - 1e-9);
    return values[size_t(std::clamp(rank, 1.0, double(values.size()))) - 1];
}

FunctionMeasurement FunctionMeasurement::fromRuns(const QList<RunHistory::Figures> &runs, int memorySettingMb)
{
    FunctionMeasurement m;
    m.runs = int(runs.size());
    m.memorySettingMb = memorySettingMb;
    std::vector<double> durations;
    double responses = 0, logs = 0;
    for (const RunHistory::Figures &run : runs) {
        logs += double(run.logBytes);
        if (run.maxMemoryUsedMB > 0) {
            m.peakMemoryUsedMb.value = std::max(m.peakMemoryUsedMb.value, double(run.maxMemoryUsedMB));
            ++m.peakMemoryUsedMb.runs;
        }
        if (run.ok) {
            durations.push_back(run.durationMs);
            responses += double(run.resultBytes);
        }
    }
    const int ok = int(durations.size());
    m.logBytes = {m.runs > 0 ? logs / m.runs : 0, m.runs};
    m.responseBytes = {ok > 0 ? responses / ok : 0, ok};
    double sum = 0;
    for (double d : durations)
        sum += d;
    m.meanDurationMs = {ok > 0 ? sum / ok : 0, ok};
    m.p50DurationMs = {percentile(durations, 50), ok};
    m.p95DurationMs = {percentile(durations, 95), ok};
    return m;
}

int Workload::useMeasuredInputs(const RunHistory &history, int limit)
{
    measured = true;
    int used = 0;
    for (FunctionLoad &f : functions) {
        f.measured = FunctionMeasurement::fromRuns(history.figures(f.node, limit), f.memoryMb);
        if (f.measured.meanDurationMs.known()) {
            f.durationMs = f.measured.meanDurationMs.value;
            f.durationMeasured = true;
            ++used;
        }
    }
    return used;
}

FunctionLoad *Workload::function(const QString &name)
{
    return named(functions, name);
}

const FunctionLoad *Workload::function(const QString &name) const
{
    return const_cast<Workload *>(this)->function(name);
}

EntryPoint *Workload::entry(const QString &name)
{
    return named(entries, name);
}

ServiceLoad *Workload::service(const QString &name)
{
    return named(services, name);
}

const ServiceLoad *Workload::service(const QString &name) const
{
    return const_cast<Workload *>(this)->service(name);
}

FilterLoad *Workload::filter(const QString &name)
{
    return named(filters, name);
}

const FilterLoad *Workload::filter(const QString &name) const
{
    return const_cast<Workload *>(this)->filter(name);
}

const FilterLoad *Workload::filterOf(NodeId node) const
{
    for (const FilterLoad &f : filters)
        if (f.node == node && f.kind != FilterLoad::Kind::Archive)
            return &f;
    return nullptr;
}

QJsonObject Workload::toJson() const
{
    QJsonObject functionsJson, entriesJson, servicesJson;
    for (const FunctionLoad &f : functions)
        functionsJson.insert(f.name, QJsonObject{{u"durationMs"_s, f.durationMs},
                                                 {u"memoryMb"_s, f.memoryMb},
                                                 {u"architecture"_s, f.architecture},
                                                 {u"payloadKb"_s, f.payloadKb},
                                                 {u"provisionedConcurrency"_s, f.provisionedConcurrency}});
    for (const EntryPoint &e : entries)
        entriesJson.insert(e.name, e.weight);
    for (const ServiceLoad &s : services)
        servicesJson.insert(s.name, serviceJson(s));
    QJsonObject root{
        {u"format"_s, u"nimbus-workload"_s}, {u"version"_s, 1},           {u"monthlyRequests"_s, monthlyRequests},
        {u"profile"_s, profile.toJson()},    {u"entries"_s, entriesJson}, {u"functions"_s, functionsJson},
        {u"services"_s, servicesJson}};
    // Only the rates set, so that scenarios without filters read and write as before.
    QJsonObject filtersJson;
    for (const FilterLoad &f : filters)
        if (!f.assumed)
            filtersJson.insert(f.name, QJsonObject{{u"matchRate"_s, f.matchRate}});
    if (!filtersJson.isEmpty())
        root.insert(u"filters"_s, filtersJson);
    return root;
}

Result<void> Workload::applyJson(const QJsonObject &o)
{
    if (o.contains("monthlyRequests"_L1)) {
        const double v = o.value("monthlyRequests"_L1).toDouble(-1);
        if (v < 0)
            return fail(tr("monthlyRequests: expected a number of zero or more"));
        monthlyRequests = v;
    }
    if (o.contains("profile"_L1)) {
        Result<TrafficProfile> read = TrafficProfile::fromJson(o.value("profile"_L1).toObject());
        if (!read)
            return read.error();
        profile = std::move(read).value();
    }
    if (Result<void> applied = applyNamed(entries, o.value("entries"_L1).toObject(),
                                          tr("entries.%1: no entry point of that name"), applyEntry);
        !applied)
        return applied;
    if (Result<void> applied = applyNamed(functions, o.value("functions"_L1).toObject(),
                                          tr("functions.%1: no function of that name"), applyFunction);
        !applied)
        return applied;
    if (Result<void> applied = applyNamed(services, o.value("services"_L1).toObject(),
                                          tr("services.%1: no service of that name"), applyService);
        !applied)
        return applied;
    return applyNamed(filters, o.value("filters"_L1).toObject(),
                      tr("filters.%1: no filtered trigger, rule or archive of that name"), applyFilter);
}

} // namespace Nimbus
