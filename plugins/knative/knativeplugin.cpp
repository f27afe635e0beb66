#include "knativeplugin.h"
#include "model/kinds.h"

#include "export/exportmodel.h"
#include "export/yaml.h"

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
    if (needsBroker)
        documents.append(object("eventing.knative.dev/v1", "Broker", metadata(project, nameSpace, project)));
    documents.append(eventing);
    ProviderPlugin::reportServices(model, output, [&](const Node *node) {
        return model.consumers(node).isEmpty()
                   ? KnativePlugin::tr("%1: Knative has no %2; provision it separately").arg(node->name, node->kind)
                   : KnativePlugin::tr("%1: Knative has no %2; its events reach the broker as type %3 from source %1, "
                                       "sent by whatever you provision for it")
                         .arg(node->name, node->kind, eventType(node));
    });
    model.reportUnexported(output, u"Knative"_s);

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
