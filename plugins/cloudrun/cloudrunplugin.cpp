#include "cloudrunplugin.h"
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

namespace Nimbus::CloudRun {

using Y = Yaml;

namespace {
// A value for a shell script, in single quotes.
QString shellQuote(const QString &text)
{
    return '\''_L1 + QString(text).replace("'"_L1, "'\\''"_L1) + '\''_L1;
}

// A comment line of the script: a line break in a name must not start a command.
QString comment(QString text)
{
    for (QChar &c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QChar(0x2028) || c == QChar(0x2029) || c == QChar(0x85))
            c = ' '_L1;
    return text;
}

// The Secret Manager secret that holds a function's secret variable.
QString secretName(const ExportFunction &f, const EnvironmentVariable &var)
{
    return ExportModel::dnsLabel(f.node->name + '-'_L1 + var.name.toLower());
}

// The Cloud Run service of a function: a Knative Serving Service as Cloud Run reads it.
YAML::Node runService(const ExportFunction &f, const QString &name, const QString &image, const QString &region)
{
    YAML::Node container(YAML::NodeType::Map);
    container["image"] = Y::string(image);
    // A secret is a Secret Manager secret of its own, read at its latest version.
    container["env"] = ProviderPlugin::containerEnvironment(f, [&](const EnvironmentVariable &var) {
        return ProviderPlugin::SecretKey{secretName(f, var), u"latest"_s};
    });
    YAML::Node limits(YAML::NodeType::Map);
    limits["cpu"] = Y::string(f.memory > 4096 ? "2" : "1");
    const YAML::Node spec = ProviderPlugin::knativeServiceSpec(f, container, limits, YAML::Node(),
                                                               "autoscaling.knative.dev/maxScale");
    YAML::Node labels(YAML::NodeType::Map);
    labels["cloud.googleapis.com/location"] = Y::string(region);
    YAML::Node annotations(YAML::NodeType::Map);
    const bool public_ = std::any_of(f.triggers.cbegin(), f.triggers.cend(),
                                     [](const Node *t) { return t->kind == Kinds::HttpRoute; });
    annotations["run.googleapis.com/ingress"] = Y::string(public_ ? "all" : "internal");
    if (!f.description.isEmpty())
        annotations["run.googleapis.com/description"] = Y::string(f.description);
    YAML::Node metadata(YAML::NodeType::Map);
    metadata["name"] = Y::string(name);
    metadata["labels"] = labels;
    metadata["annotations"] = annotations;
    YAML::Node service(YAML::NodeType::Map);
    service["apiVersion"] = Y::string("serving.knative.dev/v1");
    service["kind"] = Y::string("Service");
    service["metadata"] = metadata;
    service["spec"] = spec;
    return service;
}

// The Cloud Run service of a container node: its image, port, concurrency, resources,
// request timeout and scale bounds.
YAML::Node containerService(const ExportContainer &c, const QString &region)
{
    const YAML::Node spec = c.knativeSpec(
        "autoscaling.knative.dev/minScale", "autoscaling.knative.dev/maxScale", YAML::Node(),
        [&](const EnvironmentVariable &var) {
        return ExportModel::dnsLabel(c.node->name + '-'_L1 + var.name.toLower());
        },
        u"latest"_s);
    YAML::Node labels(YAML::NodeType::Map);
    labels["cloud.googleapis.com/location"] = Y::string(region);
    YAML::Node annotations(YAML::NodeType::Map);
    const bool public_ = std::any_of(c.triggers.cbegin(), c.triggers.cend(),
                                     [](const Node *t) { return t->kind == Kinds::HttpRoute; });
    annotations["run.googleapis.com/ingress"] = Y::string(public_ ? "all" : "internal");
    if (!c.description.isEmpty())
        annotations["run.googleapis.com/description"] = Y::string(c.description);
    YAML::Node metadata(YAML::NodeType::Map);
    metadata["name"] = Y::string(c.name);
    metadata["labels"] = labels;
    metadata["annotations"] = annotations;
    YAML::Node service(YAML::NodeType::Map);
    service["apiVersion"] = Y::string("serving.knative.dev/v1");
    service["kind"] = Y::string("Service");
    service["metadata"] = metadata;
    service["spec"] = spec;
    return service;
}

// The lines of eventarc.sh that make trigger invoke the function: an Eventarc trigger or
// a Cloud Scheduler job; none when Cloud Run has no such event source.
QStringList triggerScript(const ExportModel &model, const ExportFunction &f, const Node *trigger, ExportOutput &output)
{
    const QString name = ExportModel::dnsLabel(f.node->name);
    const QString id = ExportModel::dnsLabel(trigger->name + '-'_L1 + f.node->name);
    QStringList command;
    QString eventType;
    QStringList filters;
    if (trigger->kind == Kinds::HttpRoute) {
        output.add(Diagnostic::Severity::Info, u"export-route"_s,
                   CloudRunPlugin::tr("%1: the service %2 answers every path; %3 %4 is routed inside the function")
                       .arg(trigger->name, name, model.string(trigger, "method"), model.string(trigger, "path")),
                   trigger->id);
        return {};
    }
    if (trigger->kind == Kinds::Schedule) {
        const auto cron = ProviderPlugin::scheduleCron(model, trigger, output);
        if (!cron)
            return {};
        QStringList script;
        script << comment(u"# %1 runs %2 (%3)"_s.arg(trigger->name, f.node->name, model.string(trigger, "expression")))
               << u"URL=$(gcloud run services describe %1 --region=\"$REGION\" --format='value(status.url)')"_s.arg(
                      name)
               << u"gcloud scheduler jobs create http %1 --location=\"$REGION\" --schedule=%2 --time-zone=UTC \\"_s.arg(
                      id, shellQuote(*cron))
               << u"    --uri=\"$URL\" --http-method=POST --oidc-service-account-email=\"$SERVICE_ACCOUNT\""_s;
        if (!model.boolean(trigger, "enabled", true))
            script << u"gcloud scheduler jobs pause %1 --location=\"$REGION\""_s.arg(id);
        return script << QString();
    }
    if (trigger->kind == Kinds::Bucket) {
        eventType = model.string(trigger, "events") == "ObjectRemoved"_L1
                        ? u"google.cloud.storage.object.v1.deleted"_s
                        : u"google.cloud.storage.object.v1.finalized"_s;
        filters << u"--event-filters=\"bucket=${PROJECT}-%1\""_s.arg(ExportModel::dnsLabel(trigger->name));
        if (!model.string(trigger, "prefix").isEmpty() || !model.string(trigger, "suffix").isEmpty())
            output.add(Diagnostic::Severity::Warning, u"export-filter"_s,
                       CloudRunPlugin::tr(
                           "%1: Eventarc cannot filter objects by prefix or suffix; the function must skip the others")
                           .arg(trigger->name),
                       trigger->id, u"prefix"_s);
    } else if (trigger->kind == Kinds::Topic || trigger->kind == Kinds::Queue) {
        eventType = u"google.cloud.pubsub.topic.v1.messagePublished"_s;
        filters << u"--transport-topic=\"projects/${PROJECT}/topics/%1\""_s.arg(ExportModel::dnsLabel(trigger->name));
        if (trigger->kind == Kinds::Queue)
            output.add(Diagnostic::Severity::Info, u"export-queue"_s,
                       CloudRunPlugin::tr("%1: a queue becomes a Pub/Sub topic with a push subscription to %2")
                           .arg(trigger->name, name),
                       trigger->id);
    } else if (trigger->kind == Kinds::Table) {
        eventType = u"google.cloud.firestore.document.v1.written"_s;
        filters << u"--event-filters=\"database=(default)\""_s
                << u"--event-filters-path-pattern=\"document=%1/{id}\""_s.arg(ExportModel::dnsLabel(trigger->name));
        output.add(
            Diagnostic::Severity::Info, u"export-table"_s,
            CloudRunPlugin::tr("%1: a table with a stream becomes a Firestore collection whose writes trigger %2")
                .arg(trigger->name, name),
            trigger->id);
    } else {
        ProviderPlugin::reportUnsupportedTrigger(
            trigger, output, CloudRunPlugin::tr("%1 (%2) cannot trigger a Cloud Run service; it is not exported"));
        return {};
    }
    command << u"gcloud eventarc triggers create %1 --location=\"$REGION\" \\"_s.arg(id)
            << u"    --destination-run-service=%1 --destination-run-region=\"$REGION\" \\"_s.arg(name)
            << u"    --event-filters=\"type=%1\" \\"_s.arg(eventType);
    for (const QString &filter : std::as_const(filters))
        command << u"    %1 \\"_s.arg(filter);
    command << u"    --service-account=\"$SERVICE_ACCOUNT\""_s;
    return QStringList{comment(u"# %1 invokes %2"_s.arg(trigger->name, f.node->name))} << command << QString();
}

// The Eventarc channel that stands for a bus, named after the bus.
QString channelName(const Node *bus)
{
    return ExportModel::dnsLabel(EventBus::busName(*bus));
}

// The lines of eventarc.sh for the buses (an Eventarc channel each) and the rules (an
// Eventarc trigger on the channel per target function and event type, filtering on the
// type and, when the pattern names one, the source); what Eventarc cannot say is reported.
QStringList eventScript(const ExportModel &model, const EventRouting &routing, ExportOutput &output)
{
    QStringList script;
    for (const Node *bus : model.nodesOfKind(Kinds::EventBus)) {
        script << comment(u"# %1: the bus's events are custom events on this channel"_s.arg(bus->name))
               << u"gcloud eventarc channels create %1 --location=\"$REGION\""_s.arg(channelName(bus)) << QString();
        output.add(Diagnostic::Severity::Info, u"export-bus"_s,
                   CloudRunPlugin::tr("%1: the Eventarc channel %2 stands for the bus; functions publish CloudEvents "
                                      "to it, with EventBridge's source as source and detail-type as type")
                       .arg(bus->name, channelName(bus)),
                   bus->id);
        routing.reportUnsupported(output, u"Cloud Run"_s, bus,
                                  {u"description"_s, u"archive"_s, u"archiveRetention"_s, u"archivePattern"_s});
    }
    for (const Node *rule : model.nodesOfKind(Kinds::Rule)) {
        const QList<const Node *> buses = routing.buses(rule);
        if (buses.isEmpty()) {
            output.add(Diagnostic::Severity::Warning, u"export-unconnected"_s,
                       CloudRunPlugin::tr("%1: no bus routes events to it; it is not exported").arg(rule->name),
                       rule->id);
            continue;
        }
        const AttributeFilter filter = EventRouting::attributeFilter(model.string(rule, "pattern"));
        // Eventarc matches attributes exactly, one value each; a trigger needs the type.
        auto usable = [](const QStringList &values) {
            return std::none_of(values.cbegin(), values.cend(), [](const QString &v) { return v.contains(','_L1); });
        };
        const QStringList types = filter.exactValues(u"type"_s);
        const QStringList sources = filter.exactValues(u"source"_s);
        if (!filter.valid || types.isEmpty() || !usable(types)) {
            output.add(Diagnostic::Severity::Warning, u"export-pattern"_s,
                       CloudRunPlugin::tr("%1: an Eventarc trigger needs the exact event types (detail-type) the "
                                          "pattern matches; the rule is not exported")
                           .arg(rule->name),
                       rule->id, u"pattern"_s);
            continue;
        }
        QList<const Node *> functions;
        for (const Node *target : routing.targets(rule)) {
            if (target->kind == Kinds::Function || target->kind == Kinds::Container) {
                functions.append(target);
                continue;
            }
            output.add(Diagnostic::Severity::Warning, u"export-unsupported"_s,
                       CloudRunPlugin::tr("%1: an Eventarc trigger delivers to a Cloud Run service only; the target %2 "
                                          "is not exported")
                           .arg(rule->name, target->name),
                       rule->id);
        }
        if (functions.isEmpty())
            continue;
        QStringList leftOut = filter.unsupported;
        for (const QList<AttributeCondition> &field : filter.fields)
            if (field.first().attribute == "source"_L1 && (sources.size() != 1 || !usable(sources)))
                leftOut.append(u"source"_s);
        if (!leftOut.isEmpty())
            output.add(Diagnostic::Severity::Warning, u"export-pattern"_s,
                       CloudRunPlugin::tr("%1: Eventarc filters on exact attribute values only; %2 of the pattern is "
                                          "not exported, so the targets receive events the rule would not pass")
                           .arg(rule->name, leftOut.join(", "_L1)),
                       rule->id, u"pattern"_s);
        routing.reportUnsupported(
            output, u"Cloud Run"_s, rule,
            {u"inputMode"_s, u"maximumRetryAttempts"_s, u"maximumEventAge"_s, u"deadLetterQueue"_s, u"description"_s});
        if (!model.boolean(rule, "enabled", true))
            output.add(
                Diagnostic::Severity::Warning, u"export-disabled"_s,
                CloudRunPlugin::tr("%1: an Eventarc trigger cannot be disabled; it is written enabled").arg(rule->name),
                rule->id, u"enabled"_s);
        for (const Node *target : std::as_const(functions)) {
            const QString service = ExportModel::dnsLabel(target->name);
            for (const Node *bus : buses) {
                for (int i = 0; i < types.size(); ++i) {
                    QString id = rule->name + '-'_L1 + target->name;
                    if (buses.size() > 1)
                        id = bus->name + '-'_L1 + id;
                    id = ExportModel::dnsLabel(id);
                    if (types.size() > 1)
                        id = id.left(60) + '-'_L1 + QString::number(i + 1);
                    script << comment(
                        u"# %1 routes %2 events from %3 to %4"_s.arg(rule->name, types.at(i), bus->name, target->name))
                           << u"gcloud eventarc triggers create %1 --location=\"$REGION\" \\"_s.arg(id)
                           << u"    --destination-run-service=%1 --destination-run-region=\"$REGION\" \\"_s.arg(service)
                           << u"    --channel=%1 \\"_s.arg(channelName(bus))
                           << u"    --event-filters=%1 \\"_s.arg(shellQuote(u"type="_s + types.at(i)));
                    if (sources.size() == 1 && usable(sources))
                        script << u"    --event-filters=%1 \\"_s.arg(shellQuote(u"source="_s + sources.first()));
                    script << u"    --service-account=\"$SERVICE_ACCOUNT\""_s << QString();
                }
            }
        }
    }
    return script;
}

void write(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    const QString project = ProviderPlugin::projectLabel(input);
    const QString region = plugin.option(input, u"region"_s);
    const QString image = plugin.option(input, u"image"_s);

    QStringList script{
        u"#!/bin/sh"_s,
        u"# Eventarc triggers and Cloud Scheduler jobs of %1, exported by Nimbus Studio."_s.arg(project),
        u"# Deploy the services first (gcloud run services replace services/<name>.yaml --region=REGION),"_s,
        u"# then run this script with the project and the service account that may invoke them:"_s,
        u"#   PROJECT=my-project SERVICE_ACCOUNT=invoker@my-project.iam.gserviceaccount.com sh eventarc.sh"_s,
        u"set -eu"_s,
        u": \"${PROJECT:?set PROJECT to the Google Cloud project}\""_s,
        u": \"${SERVICE_ACCOUNT:?set SERVICE_ACCOUNT to the invoker service account}\""_s,
        u"REGION=${REGION:-%1}"_s.arg(region),
        QString()};

    for (const ExportFunction &f : model.functions()) {
        const QString name = ExportModel::dnsLabel(f.node->name);
        output.addFile(u"services/%1.yaml"_s.arg(name),
                       Y::dump(runService(f, name, ExportOption::imageName(image, project, name), region)));
        for (const Node *trigger : f.triggers)
            script << triggerScript(model, f, trigger, output);
        ProviderPlugin::reportSecrets(
            f, output, u"export-secret"_s,
            CloudRunPlugin::tr("%1: the secret %2 is read from Secret Manager (%3, latest version), which you create"),
            [&](const EnvironmentVariable &var) { return secretName(f, var); });
    }
    for (const ExportContainer &c : ExportContainer::of(model)) {
        ExportContainer named = c;
        if (c.image.isEmpty()) {
            // As a function's: the image option names it, built from the container's folder.
            named.image = ExportOption::imageName(image, project, c.name);
            output.add(Diagnostic::Severity::Info, u"export-image"_s,
                       CloudRunPlugin::tr("%1: the container has no image; %2 is written, to build from its folder %3")
                           .arg(c.node->name, named.image, c.folder),
                       c.node->id, u"image"_s);
        }
        output.addFile(u"services/%1.yaml"_s.arg(c.name), Y::dump(containerService(named, region)));
        for (const Node *trigger : c.triggers) {
            if (trigger->kind == Kinds::HttpRoute)
                output.add(
                    Diagnostic::Severity::Info, u"export-route"_s,
                    CloudRunPlugin::tr("%1: the service %2 answers every path; %3 %4 is routed inside it")
                        .arg(trigger->name, c.name, model.string(trigger, "method"), model.string(trigger, "path")),
                    trigger->id);
            else if (trigger->kind != Kinds::Rule) {
                // A container's service takes the same Eventarc triggers and scheduler jobs.
                ExportFunction service;
                service.node = c.node;
                script << triggerScript(model, service, trigger, output);
            }
        }
    }
    const EventRouting routing(model, *input.catalog);
    script << eventScript(model, routing, output);
    routing.reportTriggerSettings(output, u"Cloud Run"_s);
    routing.reportAsyncSettings(output, u"Cloud Run"_s);
    model.reportUnexported(output, u"Cloud Run"_s, {Kinds::EventBus, Kinds::Rule, Kinds::Container});
    // A route a user pool, a function or an issuer protects goes out open: said per route.
    RouteAuthorization(model).reportUnsupported(output, u"Cloud Run"_s);
    model.reportIgnored(output, u"Cloud Run"_s, {u"architecture"_s});
    output.addFile(u"eventarc.sh"_s, script.join('\n'_L1).toUtf8() + '\n');
    model.copySources(output, input.projectDirectory, true);
}
} // namespace

CloudRunPlugin::CloudRunPlugin()
    : ProviderPlugin(
        {u"cloudrun"_s,
         u"Google Cloud Run"_s,
         QT_TR_NOOP("Cloud Run service YAML per function (gcloud run services replace) and eventarc.sh for "
                    "the triggers, with the code folders"),
         u"gcp"_s,
         u"gcp-us-central1"_s,
         // Memory in MB, timeout in seconds.
         {128, 32768, 3600, {}},
         {{u"region"_s, QT_TR_NOOP("Region"), QT_TR_NOOP("The Google Cloud region"), u"us-central1"_s},
          ProviderOption::containerImage(u"us-central1-docker.pkg.dev/{project}/functions/{function}:latest"_s)}},
        write)
{ }

} // namespace Nimbus::CloudRun
