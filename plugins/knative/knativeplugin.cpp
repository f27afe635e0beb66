#include "knativeplugin.h"
#include "model/kinds.h"

#include "cloud/eventbus.h"
#include "export/containerexport.h"
#include "export/eventrouting.h"
#include "export/exportmodel.h"
#include "export/routeauthorization.h"
#include "export/yaml.h"
#include "model/catalog.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Nimbus::Knative {

using Y = Yaml;

namespace {
YAML::Node metadata(const QString &name, const QString &nameSpace, const QString &project)
{
    YAML::Node m(YAML::NodeType::Map);
    m["name"] = Y::string(name);
    m["namespace"] = Y::string(nameSpace);
    YAML::Node labels(YAML::NodeType::Map);
    labels["app.kubernetes.io/part-of"] = Y::string(project);
    m["labels"] = labels;
    return m;
}

// A Kubernetes object: apiVersion, kind, metadata and, when it has one, spec.
YAML::Node object(const char *apiVersion, const char *kind, const YAML::Node &meta,
                  const YAML::Node &spec = YAML::Node())
{
    YAML::Node o(YAML::NodeType::Map);
    o["apiVersion"] = Y::string(apiVersion);
    o["kind"] = Y::string(kind);
    o["metadata"] = meta;
    if (!spec.IsNull())
        o["spec"] = spec;
    return o;
}

YAML::Node serviceRef(const QString &name)
{
    YAML::Node ref(YAML::NodeType::Map);
    ref["apiVersion"] = Y::string("serving.knative.dev/v1");
    ref["kind"] = Y::string("Service");
    ref["name"] = Y::string(name);
    YAML::Node sink(YAML::NodeType::Map);
    sink["ref"] = ref;
    return sink;
}

// The CloudEvents type a connection's events carry on the broker.
QString eventType(const Node *source)
{
    return u"dev.nimbus."_s + source->kind + ".event"_L1;
}

// The Knative Service that runs a function in its container.
YAML::Node knativeService(const ExportFunction &f, YAML::Node container, const QString &name, const QString &nameSpace,
                          const QString &project)
{
    // The nodes of the function's instruction set (Knative's feature flag
    // kubernetes.podspec-nodeselector must be on).
    YAML::Node selector(YAML::NodeType::Map);
    selector["kubernetes.io/arch"] = Y::string(f.architecture == "arm64"_L1 ? "arm64" : "amd64");
    YAML::Node podEntries(YAML::NodeType::Map);
    podEntries["nodeSelector"] = selector;
    const YAML::Node spec = ProviderPlugin::knativeServiceSpec(f, container, YAML::Node(YAML::NodeType::Map),
                                                               podEntries, "autoscaling.knative.dev/max-scale");
    YAML::Node meta = metadata(name, nameSpace, project);
    if (!f.description.isEmpty()) {
        YAML::Node annotations(YAML::NodeType::Map);
        annotations["nimbus.dev/description"] = Y::string(f.description);
        meta["annotations"] = annotations;
    }
    return object("serving.knative.dev/v1", "Service", meta, spec);
}

// The PingSource that calls the function on a schedule.
YAML::Node pingSource(const QString &cron, const Node *schedule, const QString &name, const QString &nameSpace,
                      const QString &project)
{
    YAML::Node ps(YAML::NodeType::Map);
    ps["schedule"] = Y::string(cron);
    ps["timezone"] = Y::string("UTC");
    ps["data"] = Y::string(u"{\"rule\":\"%1\"}"_s.arg(schedule->name));
    ps["sink"] = serviceRef(name);
    return object("sources.knative.dev/v1", "PingSource",
                  metadata(ExportModel::dnsLabel(schedule->name) + '-'_L1 + name, nameSpace, project), ps);
}

// The broker's Trigger that delivers a source's events to the function.
YAML::Node brokerTrigger(const Node *source, const QString &name, const QString &nameSpace, const QString &project)
{
    YAML::Node attributes(YAML::NodeType::Map);
    attributes["type"] = Y::string(eventType(source));
    attributes["source"] = Y::string(source->name);
    YAML::Node filter(YAML::NodeType::Map);
    filter["attributes"] = attributes;
    YAML::Node ts(YAML::NodeType::Map);
    ts["broker"] = Y::string(project);
    ts["filter"] = filter;
    ts["subscriber"] = serviceRef(name);
    return object("eventing.knative.dev/v1", "Trigger",
                  metadata(ExportModel::dnsLabel(source->name) + '-'_L1 + name, nameSpace, project), ts);
}

// The Broker that stands for a bus, named after the bus.
QString brokerName(const Node *bus)
{
    return ExportModel::dnsLabel(EventBus::busName(*bus));
}

YAML::Node brokerRef(const QString &name)
{
    YAML::Node ref(YAML::NodeType::Map);
    ref["apiVersion"] = Y::string("eventing.knative.dev/v1");
    ref["kind"] = Y::string("Broker");
    ref["name"] = Y::string(name);
    YAML::Node sink(YAML::NodeType::Map);
    sink["ref"] = ref;
    return sink;
}

// One condition in the dialects of a Trigger's filters: {exact: {type: x}}, any of several
// values, or not.
YAML::Node filterOf(const AttributeCondition &c)
{
    const char *dialect = c.match == AttributeCondition::Match::Prefix   ? "prefix"
                          : c.match == AttributeCondition::Match::Suffix ? "suffix"
                                                                         : "exact";
    auto one = [&](const QString &value) {
        YAML::Node attribute(YAML::NodeType::Map);
        attribute[c.attribute.toStdString()] = Y::string(value);
        YAML::Node f(YAML::NodeType::Map);
        f[dialect] = attribute;
        return f;
    };
    YAML::Node f;
    if (c.values.size() == 1) {
        f = one(c.values.first());
    } else {
        YAML::Node any(YAML::NodeType::Sequence);
        for (const QString &value : c.values)
            any.push_back(one(value));
        f = YAML::Node(YAML::NodeType::Map);
        f["any"] = any;
    }
    if (!c.negated)
        return f;
    YAML::Node negated(YAML::NodeType::Map);
    negated["not"] = f;
    return negated;
}

// A Trigger's filters: one per field of the pattern, all of which must pass.
YAML::Node triggerFilters(const AttributeFilter &filter)
{
    YAML::Node filters(YAML::NodeType::Sequence);
    for (const QList<AttributeCondition> &field : filter.fields) {
        if (field.size() == 1) {
            filters.push_back(filterOf(field.first()));
            continue;
        }
        YAML::Node any(YAML::NodeType::Sequence);
        for (const AttributeCondition &c : field)
            any.push_back(filterOf(c));
        YAML::Node f(YAML::NodeType::Map);
        f["any"] = any;
        filters.push_back(f);
    }
    return filters;
}

// The buses as Brokers and each rule as a Trigger per bus and target: its pattern as the
// new filters dialects (source, and detail-type as the CloudEvent's type), a function
// target as the Service, a bus target as its Broker. What a Trigger cannot say is reported.
void writeRules(const ExportModel &model, const EventRouting &routing, const QString &nameSpace, const QString &project,
                bool hasProjectBroker, QList<YAML::Node> &documents, QList<YAML::Node> &eventing, ExportOutput &output)
{
    for (const Node *bus : model.nodesOfKind(Kinds::EventBus)) {
        YAML::Node meta = metadata(brokerName(bus), nameSpace, project);
        const QString description = model.string(bus, "description");
        if (!description.isEmpty()) {
            YAML::Node annotations(YAML::NodeType::Map);
            annotations["nimbus.dev/description"] = Y::string(description);
            meta["annotations"] = annotations;
        }
        // A bus named as the project shares the Broker the other sources' events go to.
        if (brokerName(bus) != project || !hasProjectBroker)
            documents.append(object("eventing.knative.dev/v1", "Broker", meta));
        output.add(Diagnostic::Severity::Info, u"export-bus"_s,
                   KnativePlugin::tr("%1: the Broker %2 stands for the bus; events are CloudEvents posted to its "
                                     "address, with EventBridge's source as source, detail-type as type and detail "
                                     "as data")
                       .arg(bus->name, brokerName(bus)),
                   bus->id);
        routing.reportUnsupported(output, u"Knative"_s, bus,
                                  {u"archive"_s, u"archiveRetention"_s, u"archivePattern"_s});
    }
    for (const Node *rule : model.nodesOfKind(Kinds::Rule)) {
        const QList<const Node *> buses = routing.buses(rule);
        if (buses.isEmpty()) {
            output.add(Diagnostic::Severity::Warning, u"export-unconnected"_s,
                       KnativePlugin::tr("%1: no bus routes events to it; it is not exported").arg(rule->name),
                       rule->id);
            continue;
        }
        const AttributeFilter filter = EventRouting::attributeFilter(model.string(rule, "pattern"));
        if (!filter.valid) {
            output.add(Diagnostic::Severity::Warning, u"export-pattern"_s,
                       KnativePlugin::tr("%1: the event pattern is not a JSON object; the rule is not exported")
                           .arg(rule->name),
                       rule->id, u"pattern"_s);
            continue;
        }
        if (!filter.unsupported.isEmpty())
            output.add(Diagnostic::Severity::Warning, u"export-pattern"_s,
                       KnativePlugin::tr("%1: a Trigger filters on CloudEvents attributes only; %2 of the pattern is "
                                         "not exported, so the targets receive events the rule would not pass")
                           .arg(rule->name, filter.unsupported.join(", "_L1)),
                       rule->id, u"pattern"_s);
        if (routing.isSet(rule, u"inputMode"_s))
            output.add(Diagnostic::Severity::Warning, u"export-rule-input"_s,
                       KnativePlugin::tr("%1: a Trigger delivers the event itself; the target input %2 is not exported")
                           .arg(rule->name, model.string(rule, "inputMode")),
                       rule->id, u"inputMode"_s);
        if (!model.boolean(rule, "enabled", true))
            output.add(Diagnostic::Severity::Warning, u"export-disabled"_s,
                       KnativePlugin::tr("%1: a Trigger cannot be disabled; it is written enabled").arg(rule->name),
                       rule->id, u"enabled"_s);
        routing.reportUnsupported(output, u"Knative"_s, rule, {u"maximumEventAge"_s, u"deadLetterQueue"_s});
        const QList<const Node *> targets = routing.targets(rule);
        if (targets.isEmpty())
            output.add(Diagnostic::Severity::Warning, u"export-unconnected"_s,
                       KnativePlugin::tr("%1 has no target; it is not exported").arg(rule->name), rule->id);
        for (const Node *bus : buses) {
            for (const Node *target : targets) {
                YAML::Node subscriber;
                if (target->kind == Kinds::Function) {
                    subscriber = serviceRef(ExportModel::dnsLabel(target->name));
                } else if (target->kind == Kinds::EventBus) {
                    subscriber = brokerRef(brokerName(target));
                } else {
                    output.add(Diagnostic::Severity::Warning, u"export-unsupported"_s,
                               KnativePlugin::tr("%1: Knative has no %2; the target %3 is not exported")
                                   .arg(rule->name, target->kind, target->name),
                               rule->id);
                    continue;
                }
                YAML::Node ts(YAML::NodeType::Map);
                ts["broker"] = Y::string(brokerName(bus));
                if (!filter.fields.isEmpty())
                    ts["filters"] = triggerFilters(filter);
                ts["subscriber"] = subscriber;
                if (routing.isSet(rule, u"maximumRetryAttempts"_s)) {
                    YAML::Node delivery(YAML::NodeType::Map);
                    delivery["retry"] = Y::number(model.integer(rule, "maximumRetryAttempts"));
                    ts["delivery"] = delivery;
                }
                QString name = rule->name + '-'_L1 + target->name;
                if (buses.size() > 1)
                    name = bus->name + '-'_L1 + name;
                YAML::Node meta = metadata(ExportModel::dnsLabel(name), nameSpace, project);
                const QString description = model.string(rule, "description");
                if (!description.isEmpty()) {
                    YAML::Node annotations(YAML::NodeType::Map);
                    annotations["nimbus.dev/description"] = Y::string(description);
                    meta["annotations"] = annotations;
                }
                eventing.append(object("eventing.knative.dev/v1", "Trigger", meta, ts));
            }
        }
    }
}

void write(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    const QString project = ProviderPlugin::projectLabel(input);
    const QString nameSpace = plugin.option(input, u"namespace"_s);
    const QString image = plugin.option(input, u"image"_s);
    const QString secretName = project + "-secrets"_L1;
    QList<YAML::Node> documents;
    QList<YAML::Node> eventing;
    bool needsBroker = false;

    for (const ExportFunction &f : model.functions()) {
        const QString name = ExportModel::dnsLabel(f.node->name);
        YAML::Node container(YAML::NodeType::Map);
        container["image"] = Y::string(ExportOption::imageName(image, project, name));
        // Every secret is a key of one Secret of the project.
        container["env"] = ProviderPlugin::containerEnvironment(f, [&](const EnvironmentVariable &var) {
            return ProviderPlugin::SecretKey{secretName, var.name};
        });
        ProviderPlugin::reportSecrets(
            f, output, u"export-secret"_s,
            KnativePlugin::tr("%1: the secret %2 is read from the Secret %3 (key %2), which you create"),
            [&](const EnvironmentVariable &) { return secretName; });
        documents.append(knativeService(f, container, name, nameSpace, project));

        for (const Node *trigger : f.triggers) {
            if (trigger->kind == Kinds::Schedule) {
                const auto cron = ProviderPlugin::scheduleCron(model, trigger, output);
                if (!cron)
                    continue;
                if (!model.boolean(trigger, "enabled", true))
                    output.add(Diagnostic::Severity::Warning, u"export-disabled"_s,
                               KnativePlugin::tr("%1: a PingSource cannot be disabled; it is written enabled")
                                   .arg(trigger->name),
                               trigger->id, u"enabled"_s);
                eventing.append(pingSource(*cron, trigger, name, nameSpace, project));
            } else if (trigger->kind == Kinds::HttpRoute) {
                output.add(
                    Diagnostic::Severity::Info, u"export-route"_s,
                    KnativePlugin::tr("%1: the Service %2 answers every path; %3 %4 is routed inside the function")
                        .arg(trigger->name, name, model.string(trigger, "method"), model.string(trigger, "path")),
                    trigger->id);
            } else {
                needsBroker = true;
                eventing.append(brokerTrigger(trigger, name, nameSpace, project));
            }
        }
    }
    for (const ExportContainer &c : ExportContainer::of(model)) {
        ExportContainer named = c;
        if (c.image.isEmpty()) {
            // As a function's: the image option names it, built from the container's folder.
            named.image = ExportOption::imageName(image, project, c.name);
            output.add(Diagnostic::Severity::Info, u"export-image"_s,
                       KnativePlugin::tr("%1: the container has no image; %2 is written, to build from its folder %3")
                           .arg(c.node->name, named.image, c.folder),
                       c.node->id, u"image"_s);
        }
        // An idle instance is kept for the idle timeout, beyond the minimum.
        YAML::Node retention(YAML::NodeType::Map);
        retention["autoscaling.knative.dev/scale-to-zero-pod-retention-period"] = Y::string(
            u"%1s"_s.arg(c.idleTimeout));
        YAML::Node meta = metadata(c.name, nameSpace, project);
        if (!c.description.isEmpty()) {
            YAML::Node annotations(YAML::NodeType::Map);
            annotations["nimbus.dev/description"] = Y::string(c.description);
            meta["annotations"] = annotations;
        }
        documents.append(
            object("serving.knative.dev/v1", "Service", meta,
                   named.knativeSpec("autoscaling.knative.dev/min-scale", "autoscaling.knative.dev/max-scale",
                                     retention, [&](const EnvironmentVariable &) { return secretName; }, {})));
        for (const Node *trigger : c.triggers) {
            if (trigger->kind == Kinds::HttpRoute) {
                output.add(
                    Diagnostic::Severity::Info, u"export-route"_s,
                    KnativePlugin::tr("%1: the Service %2 answers every path; %3 %4 is routed inside it")
                        .arg(trigger->name, c.name, model.string(trigger, "method"), model.string(trigger, "path")),
                    trigger->id);
            } else if (trigger->kind == Kinds::Schedule) {
                const auto cron = ProviderPlugin::scheduleCron(model, trigger, output);
                if (cron)
                    eventing.append(pingSource(*cron, trigger, c.name, nameSpace, project));
            } else if (trigger->kind != Kinds::Rule) {
                needsBroker = true;
                eventing.append(brokerTrigger(trigger, c.name, nameSpace, project));
            } else {
                output.add(Diagnostic::Severity::Warning, u"export-unsupported"_s,
                           KnativePlugin::tr("%1: its events to the container %2 are not exported yet")
                               .arg(trigger->name, c.node->name),
                           trigger->id);
            }
        }
    }
    if (needsBroker)
        documents.append(object("eventing.knative.dev/v1", "Broker", metadata(project, nameSpace, project)));
    const EventRouting routing(model, *input.catalog);
    writeRules(model, routing, nameSpace, project, needsBroker, documents, eventing, output);
    documents.append(eventing);
    ProviderPlugin::reportServices(model, output, [&](const Node *node) {
        return model.consumers(node).isEmpty()
                   ? KnativePlugin::tr("%1: Knative has no %2; provision it separately").arg(node->name, node->kind)
                   : KnativePlugin::tr("%1: Knative has no %2; its events reach the broker as type %3 from source %1, "
                                       "sent by whatever you provision for it")
                         .arg(node->name, node->kind, eventType(node));
    });
    routing.reportTriggerSettings(output, u"Knative"_s);
    routing.reportAsyncSettings(output, u"Knative"_s);
    model.reportUnexported(output, u"Knative"_s, {Kinds::EventBus, Kinds::Rule, Kinds::Container});
    // A route a user pool, a function or an issuer protects goes out open: said per route.
    RouteAuthorization(model).reportUnsupported(output, u"Knative"_s);

    output.addFile(u"knative.yaml"_s, Y::dumpAll(documents));
    model.copySources(output, input.projectDirectory, true);
}

} // namespace

KnativePlugin::KnativePlugin()
    : ProviderPlugin(
        {u"knative"_s,
         u"Knative"_s,
         QT_TR_NOOP("knative.yaml: Knative Serving Services and Eventing (kubectl apply -f), with the code "
                    "folders to build images from"),
         u"knative"_s,
         {},
         // Memory in MB, timeout in seconds.
         {64, 32768, 3600, {}},
         {ProviderOption::containerImage(u"registry.example.com/{project}/{function}:latest"_s),
          {u"namespace"_s, QT_TR_NOOP("Namespace"), QT_TR_NOOP("The Kubernetes namespace"), u"default"_s}}},
        write)
{ }

} // namespace Nimbus::Knative
