#include "workload.h"

#include "cloud/cloudclock.h"
#include "model/architecture.h"
#include "model/catalog.h"
#include "model/scheduleexpression.h"
#include "paths.h"
#include "runtime/runhistory.h"
#include "workflow/asldefinition.h"
#include "workflow/executionstore.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <set>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// Steps SQLite may take for the reads of a local cloud state (the executions of a few
// machines take thousands).
constexpr qint64 kStateWorkLimit = 20'000'000;

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
        if (node && mWorkload.container(node->name)) {
            intoContainer(id, perRequest, fixed, path);
            return;
        }
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
            if (edge->type == "starts"_L1) {
                intoWorkflow(edge->to, perRequest, fixed, path);
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
                into(edge->to, perRequest * pass, fixed * pass, path);
                path.erase(id);
                continue;
            }
            // A topic's subscription sends each message on to the queue (a request the queue
            // bills), whose consumers then run.
            if (edge->type == "delivers"_L1 && !path.count(edge->to) && int(path.size()) <= kMaxDepth) {
                if (ServiceLoad *target = mWorkload.service(mArchitecture.node(edge->to)->name)) {
                    target->writesPerRequest += perRequest * pass;
                    target->writesFixed += fixed * pass;
                }
                path.insert(id);
                intoService(edge->to, perRequest * pass, fixed * pass, path);
                path.erase(id);
                continue;
            }
            // A queue's pipe, a topic or another machine starts one execution per event.
            if (edge->type == "starts"_L1) {
                path.insert(id);
                intoWorkflow(edge->to, perRequest * pass, fixed * pass, path);
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

    // Executions of a state machine: each runs what its Task states use along the likely
    // path, as many times as they run there (once per connection when the definition is unread).
    void intoWorkflow(NodeId id, double perRequest, double fixed, std::set<NodeId> &path)
    {
        const Node *node = mArchitecture.node(id);
        WorkflowLoad *w = node ? mWorkload.workflow(node->name) : nullptr;
        if (!w || path.count(id) || int(path.size()) > kMaxDepth)
            return;
        w->perRequest += perRequest;
        w->fixedMonthly += fixed;
        path.insert(id);
        for (EdgeId e : mArchitecture.outgoingEdges(id)) {
            const Edge *edge = mArchitecture.edge(e);
            const Node *target = mArchitecture.node(edge->to);
            const double times = w->definition.isEmpty() ? 1 : w->uses.value(target->name);
            if (times <= 0)
                continue;
            if (edge->type == "starts"_L1 || edge->type == "invokes"_L1) {
                into(edge->to, perRequest * times, fixed * times, path);
                continue;
            }
            ServiceLoad *s = mWorkload.service(target->name);
            if (!s)
                continue;
            if (edge->type == "reads"_L1) {
                s->readsPerRequest += perRequest * times;
                s->readsFixed += fixed * times;
            } else { // writes, publishes
                s->writesPerRequest += perRequest * times;
                s->writesFixed += fixed * times;
                intoService(edge->to, perRequest * times, fixed * times, path);
            }
        }
        path.erase(id);
    }

    // Requests a container serves: each is an HTTP request (a route's, or an event POSTed to
    // it); what it reads and writes follows as a function's calls do.
    void intoContainer(NodeId id, double perRequest, double fixed, std::set<NodeId> &path)
    {
        const Node *node = mArchitecture.node(id);
        ContainerLoad *c = node ? mWorkload.container(node->name) : nullptr;
        if (!c || path.count(id) || int(path.size()) > kMaxDepth)
            return;
        c->perRequest += perRequest;
        c->fixedMonthly += fixed;
        path.insert(id);
        for (EdgeId e : mArchitecture.outgoingEdges(id)) {
            const Edge *edge = mArchitecture.edge(e);
            ServiceLoad *s = mWorkload.service(mArchitecture.node(edge->to)->name);
            if (!s)
                continue;
            if (edge->type == "reads"_L1) {
                s->readsPerRequest += perRequest;
                s->readsFixed += fixed;
            } else if (edge->type == "writes"_L1 || edge->type == "publishes"_L1) {
                s->writesPerRequest += perRequest;
                s->writesFixed += fixed;
                intoService(edge->to, perRequest, fixed, path);
            }
        }
        path.erase(id);
    }

    // Into whatever the node is: a function, a container, a state machine or a service.
    void into(NodeId id, double perRequest, double fixed, std::set<NodeId> &path)
    {
        const QString name = mArchitecture.node(id)->name;
        if (mWorkload.container(name))
            intoContainer(id, perRequest, fixed, path);
        else if (mWorkload.function(name))
            intoFunction(id, perRequest, fixed, path);
        else if (mWorkload.workflow(name))
            intoWorkflow(id, perRequest, fixed, path);
        else
            intoService(id, perRequest, fixed, path);
    }

private:
    const Catalog &mCatalog;
    const Architecture &mArchitecture;
    Workload &mWorkload;
};

// The machine's definition from the project's folder (pending files first), or why not.
Result<QJsonObject> readDefinition(const Node &node, const QString &directory,
                                   const QHash<QString, QByteArray> &pending)
{
    const QString path = QDir::cleanPath(
                             node.properties.value(u"definition"_s).toString(u"workflows/${name}.asl.json"_s))
                             .replace("${name}"_L1, node.name);
    QByteArray text = pending.value(path);
    if (!pending.contains(path)) {
        if (directory.isEmpty())
            return fail(Workload::tr("%1: the project has no folder to read %2 from").arg(node.name, path));
        const Result<QString> file = Paths::resolveUnder(directory, path);
        if (!file)
            return fail(Workload::tr("%1: %2: %3").arg(node.name, path, file.errorMessage()));
        QFile f(*file);
        if (!f.open(QIODevice::ReadOnly))
            return fail(Workload::tr("%1: %2: %3").arg(node.name, path, f.errorString()));
        text = f.read(1024 * 1024);
    }
    // A Task whose Resource is a function's ${name} runs that function (its ARN once deployed).
    QString resolved = QString::fromUtf8(text);
    static const QRegularExpression resource(u"(\"Resource\"\\s*:\\s*\")\\$\\{([A-Za-z0-9_-]+)\\}\""_s);
    resolved.replace(resource, u"\\1arn:aws:lambda:us-east-1:000000000000:function:\\2\""_s);
    const Result<QJsonObject> definition = AslDefinition::parse(resolved.toUtf8());
    if (!definition)
        return fail(Workload::tr("%1: %2: %3").arg(node.name, path, definition.errorMessage()));
    return definition;
}

// The states of one machine (or branch, or iterator) entered along the likely path.
void walk(const QJsonObject &machine, const QString &prefix, double weight, double mapItems, int depth,
          Workload::LikelyPath &path)
{
    const QJsonObject states = machine.value("States"_L1).toObject();
    QSet<QString> seen;
    QString name = machine.value("StartAt"_L1).toString();
    while (depth <= kMaxDepth && states.contains(name) && !seen.contains(name)) {
        seen.insert(name);
        const QJsonObject s = states.value(name).toObject();
        const QString at = prefix.isEmpty() ? name : prefix + u'/' + name;
        const QString type = s.value("Type"_L1).toString();
        path.visits[at] += weight;
        path.transitions += weight;
        if (type == "Wait"_L1)
            path.waitSeconds += weight * s.value("Seconds"_L1).toDouble(0);
        const QJsonArray branches = s.value("Branches"_L1).toArray();
        for (int i = 0; type == "Parallel"_L1 && i < branches.size(); ++i)
            walk(branches.at(i).toObject(), u"%1/Branch %2"_s.arg(at).arg(i + 1), weight, mapItems, depth + 1, path);
        if (type == "Map"_L1)
            walk(s.value(s.contains("Iterator"_L1) ? "Iterator"_L1 : "ItemProcessor"_L1).toObject(),
                 at + "/Iterator"_L1, weight * mapItems, mapItems, depth + 1, path);
        if (s.value("End"_L1).toBool() || type == "Succeed"_L1 || type == "Fail"_L1)
            break;
        if (type == "Choice"_L1) {
            const QJsonArray choices = s.value("Choices"_L1).toArray();
            name = s.contains("Default"_L1) ? s.value("Default"_L1).toString()
                   : choices.isEmpty()      ? QString()
                                            : choices.first().toObject().value("Next"_L1).toString();
        } else {
            name = s.value("Next"_L1).toString();
        }
    }
}

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

Workload::LikelyPath Workload::likelyPath(const QJsonObject &definition, double mapItems)
{
    LikelyPath path;
    walk(definition, QString(), 1, std::max(0.0, mapItems), 0, path);
    return path;
}

Workload Workload::fromArchitecture(const Catalog &catalog, const Architecture &architecture, const QString &directory,
                                    const QHash<QString, QByteArray> &pending)
{
    Workload w;
    std::set<NodeId> written; // services something in the design writes to
    for (const auto &[id, edge] : architecture.edges())
        if (edge.type == "writes"_L1 || edge.type == "publishes"_L1 || edge.type == "delivers"_L1)
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
        } else if (service == "workflow"_L1) {
            WorkflowLoad wl;
            wl.node = id;
            wl.name = node.name;
            wl.express = node.properties.value(u"type"_s).toString() == "EXPRESS"_L1;
            if (const Result<QJsonObject> definition = readDefinition(node, directory, pending))
                wl.definition = *definition;
            else
                wl.definitionError = definition.errorMessage();
            w.workflows.push_back(wl);
        } else if (service == "container"_L1) {
            ContainerLoad c;
            c.node = id;
            c.name = node.name;
            c.cpu = node.properties.value(u"cpu"_s).toDouble(c.cpu);
            if (!kind->cost.memoryProperty.isEmpty())
                c.memoryMb = node.properties.value(kind->cost.memoryProperty).toInt(c.memoryMb);
            c.concurrency = std::max(1, node.properties.value(u"concurrency"_s).toInt(c.concurrency));
            c.minInstances = std::max(0, node.properties.value(u"minInstances"_s).toInt(c.minInstances));
            c.maxInstances = std::max(1, node.properties.value(u"maxInstances"_s).toInt(c.maxInstances));
            w.containers.push_back(c);
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
            bool starts = false;
            for (EdgeId e : architecture.outgoingEdges(id)) {
                invokes = invokes || architecture.edge(e)->type == "invokes"_L1;
                starts = starts || architecture.edge(e)->type == "starts"_L1;
            }
            if (!written.count(id) && (invokes || starts))
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
    for (ContainerLoad &c : containers)
        c.perRequest = c.fixedMonthly = 0;
    for (WorkflowLoad &w : workflows) {
        w.perRequest = w.fixedMonthly = 0;
        w.uses.clear();
        if (w.definition.isEmpty())
            continue;
        const LikelyPath path = likelyPath(w.definition, w.mapItems);
        w.transitions = path.transitions;
        w.waitSeconds = path.waitSeconds;
        QStringList names;
        for (const auto &[id, node] : architecture.nodes())
            names.append(node.name);
        for (const AslReference &r : AslDefinition::references(w.definition, names))
            for (const QString &state : r.states)
                w.uses[r.node] += path.visits.value(state);
    }

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
                if (architecture.edge(id)->type == "starts"_L1)
                    flow.intoWorkflow(architecture.edge(id)->to, share, 0, path);
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
            if (architecture.edge(e)->type == "starts"_L1)
                flow.intoWorkflow(architecture.edge(e)->to, 0, perMonth, path);
            else
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

QString WorkflowLoad::transitionsOrigin() const
{
    switch (transitionsSource()) {
    case Source::Typed: return Workload::tr("typed in");
    case Source::Measured:
        return Workload::tr("measured over %n local execution(s)", nullptr, measuredTransitions.runs);
    case Source::Definition: return Workload::tr("estimated from the definition");
    case Source::Unreadable: return Workload::tr("its definition cannot be read: one per execution");
    }
    return {};
}

QString WorkflowLoad::durationOrigin() const
{
    if (typedDurationMs >= 0)
        return Workload::tr("typed in");
    if (measuredDurationMs.known())
        return Workload::tr("measured over %n local execution(s)", nullptr, measuredDurationMs.runs);
    return Workload::tr("assumed from its Task states' functions and its waits");
}

// Executions are priced whenever the local cloud kept some (they do not turn on the
// functions' measured figures, which Use Measured Inputs and --measured ask for).
int Workload::useMeasuredExecutions(const std::function<QList<ExecutionRecord>(const QString &machine)> &executions)
{
    int used = 0;
    for (WorkflowLoad &w : workflows) {
        double transitions = 0, durations = 0;
        int runs = 0;
        for (const ExecutionRecord &e : executions(w.name)) {
            if (e.running())
                continue;
            transitions += e.transitions;
            durations += double(e.started.msecsTo(e.stopped));
            ++runs;
        }
        w.measuredTransitions = {runs > 0 ? transitions / runs : 0, runs};
        w.measuredDurationMs = {runs > 0 ? durations / runs : 0, runs};
        used += runs > 0 ? 1 : 0;
    }
    return used;
}

QString Workload::localStateDirectory(const QString &projectDirectory)
{
    return projectDirectory.isEmpty() ? QString() : QDir(projectDirectory).filePath(u".nimbus-cloud"_s);
}

Result<int> Workload::useLocalExecutions(const QString &stateDirectory, int limit)
{
    const QString path = QDir(stateDirectory).filePath(u"state.sqlite"_s);
    if (workflows.empty() || stateDirectory.isEmpty() || !QFileInfo::exists(path))
        return 0;
    SystemClock clock;
    StateConnection connection(clock);
    if (Result<void> opened = connection.openForReading(stateDirectory, kStateWorkLimit); !opened)
        return fail(tr("%1; its executions are not used").arg(opened.errorMessage()));
    const ExecutionStore store(connection);
    return useMeasuredExecutions([&](const QString &machine) { return store.finishedExecutions(machine, limit); });
}

double Workload::workflowDurationMs(const WorkflowLoad &w) const
{
    if (w.typedDurationMs >= 0)
        return w.typedDurationMs;
    if (w.measuredDurationMs.known())
        return w.measuredDurationMs.value;
    double ms = w.waitSeconds * 1000;
    for (auto it = w.uses.cbegin(); it != w.uses.cend(); ++it)
        if (const FunctionLoad *f = function(it.key()))
            ms += it.value() * f->durationMs;
    return std::max(100.0, ms);
}

WorkflowLoad *Workload::workflow(const QString &name)
{
    return named(workflows, name);
}

const WorkflowLoad *Workload::workflow(const QString &name) const
{
    return const_cast<Workload *>(this)->workflow(name);
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

ContainerLoad *Workload::container(const QString &name)
{
    return named(containers, name);
}

const ContainerLoad *Workload::container(const QString &name) const
{
    return const_cast<Workload *>(this)->container(name);
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
    QJsonObject workflowsJson;
    for (const WorkflowLoad &w : workflows) {
        QJsonObject o;
        if (w.mapItems != WorkflowLoad::kDefaultMapItems)
            o.insert(u"mapItems"_s, w.mapItems);
        if (w.typedTransitions >= 0)
            o.insert(u"transitions"_s, w.typedTransitions);
        if (w.typedDurationMs >= 0)
            o.insert(u"durationMs"_s, w.typedDurationMs);
        if (!o.isEmpty())
            workflowsJson.insert(w.name, o);
    }
    if (!workflowsJson.isEmpty())
        root.insert(u"workflows"_s, workflowsJson);
    QJsonObject containersJson;
    for (const ContainerLoad &c : containers)
        if (c.durationTyped)
            containersJson.insert(c.name, QJsonObject{{u"durationMs"_s, c.durationMs}});
    if (!containersJson.isEmpty())
        root.insert(u"containers"_s, containersJson);
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
    if (Result<void> applied = applyNamed(filters, o.value("filters"_L1).toObject(),
                                          tr("filters.%1: no filtered trigger, rule or archive of that name"),
                                          applyFilter);
        !applied)
        return applied;
    if (Result<void> applied = applyNamed(
            containers, o.value("containers"_L1).toObject(), tr("containers.%1: no container of that name"),
            [](ContainerLoad &c, const QJsonValue &value) -> Result<void> {
                const QJsonValue duration = value.toObject().value("durationMs"_L1);
                if (duration.isUndefined())
                    return {};
                if (!duration.isDouble() || duration.toDouble() <= 0)
                    return fail(Workload::tr("containers.%1.durationMs: expected a positive number").arg(c.name));
                c.durationMs = duration.toDouble();
                c.durationTyped = true;
                return {};
            });
        !applied)
        return applied;
    return applyNamed(
        workflows, o.value("workflows"_L1).toObject(), tr("workflows.%1: no state machine of that name"),
        [](WorkflowLoad &w, const QJsonValue &value) -> Result<void> {
            const QJsonObject o = value.toObject();
            // mapItems, and the typed transitions per execution and duration.
            const struct
            {
                QLatin1StringView key;
                double *into;
            } numbers[] = {{"mapItems"_L1, &w.mapItems},
                           {"transitions"_L1, &w.typedTransitions},
                           {"durationMs"_L1, &w.typedDurationMs}};
            for (const auto &n : numbers) {
                if (!o.contains(n.key))
                    continue;
                const double v = o.value(n.key).toDouble(-1);
                if (v < 0)
                    return fail(Workload::tr("workflows.%1.%2: expected a number of zero or more").arg(w.name, n.key));
                *n.into = v;
            }
            return {};
        });
}

} // namespace Nimbus
