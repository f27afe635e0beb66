#include "cloudrunplugin.h"

#include "export/exportmodel.h"
#include "export/yaml.h"

#include <QDir>

namespace Nimbus::CloudRun {

using Y = Yaml;

namespace {
// A value for a shell script, in single quotes.
QString shellQuote(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1String("'"), QLatin1String("'\\''")) + QLatin1Char('\'');
}

// A comment line of the script: a line break in a name must not start a command.
QString comment(QString text)
{
    for (QChar &c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QChar(0x2028) || c == QChar(0x2029) || c == QChar(0x85))
            c = QLatin1Char(' ');
    return text;
}

// The Secret Manager secret that holds a function's secret variable.
QString secretName(const ExportFunction &f, const EnvironmentVariable &var)
{
    return ExportModel::dnsLabel(f.node->name + QLatin1Char('-') + var.name.toLower());
}

// The Cloud Run service of a function: a Knative Serving Service as Cloud Run reads it.
YAML::Node runService(const ExportFunction &f, const QString &name, const QString &image, const QString &region)
{
    YAML::Node container(YAML::NodeType::Map);
    container["image"] = Y::string(image);
    // A secret is a Secret Manager secret of its own, read at its latest version.
    container["env"] = ProviderPlugin::containerEnvironment(f, [&](const EnvironmentVariable &var) {
        return ProviderPlugin::SecretKey{secretName(f, var), QStringLiteral("latest")};
    });
    YAML::Node limits(YAML::NodeType::Map);
    limits["cpu"] = Y::string(f.memory > 4096 ? "2" : "1");
    const YAML::Node spec = ProviderPlugin::knativeServiceSpec(f, container, limits, YAML::Node(),
                                                               "autoscaling.knative.dev/maxScale");
    YAML::Node labels(YAML::NodeType::Map);
    labels["cloud.googleapis.com/location"] = Y::string(region);
    YAML::Node annotations(YAML::NodeType::Map);
    const bool public_ = std::any_of(f.triggers.cbegin(), f.triggers.cend(),
                                     [](const Node *t) { return t->kind == QLatin1String("http-route"); });
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

// The lines of eventarc.sh that make trigger invoke the function: an Eventarc trigger or
// a Cloud Scheduler job; none when Cloud Run has no such event source.
QStringList triggerScript(const ExportModel &model, const ExportFunction &f, const Node *trigger, ExportOutput &output)
{
    const QString name = ExportModel::dnsLabel(f.node->name);
    const QString id = ExportModel::dnsLabel(trigger->name + QLatin1Char('-') + f.node->name);
    QStringList command;
    QString eventType;
    QStringList filters;
    if (trigger->kind == QLatin1String("http-route")) {
        output.add(Diagnostic::Severity::Info, QStringLiteral("export-route"),
                   CloudRunPlugin::tr("%1: the service %2 answers every path; %3 %4 is routed inside the function")
                       .arg(trigger->name, name, model.string(trigger, "method"), model.string(trigger, "path")),
                   trigger->id);
        return {};
    }
    if (trigger->kind == QLatin1String("schedule")) {
        const auto cron = ProviderPlugin::scheduleCron(model, trigger, output);
        if (!cron)
            return {};
        QStringList script;
        script << comment(
            QStringLiteral("# %1 runs %2 (%3)").arg(trigger->name, f.node->name, model.string(trigger, "expression")))
               << QStringLiteral(
                      "URL=$(gcloud run services describe %1 --region=\"$REGION\" --format='value(status.url)')")
                      .arg(name)
               << QStringLiteral(
                      "gcloud scheduler jobs create http %1 --location=\"$REGION\" --schedule=%2 --time-zone=UTC \\")
                      .arg(id, shellQuote(*cron))
               << QStringLiteral(
                      "    --uri=\"$URL\" --http-method=POST --oidc-service-account-email=\"$SERVICE_ACCOUNT\"");
        if (!model.boolean(trigger, "enabled", true))
            script << QStringLiteral("gcloud scheduler jobs pause %1 --location=\"$REGION\"").arg(id);
        return script << QString();
    }
    if (trigger->kind == QLatin1String("bucket")) {
        eventType = model.string(trigger, "events") == QLatin1String("ObjectRemoved")
                        ? QStringLiteral("google.cloud.storage.object.v1.deleted")
                        : QStringLiteral("google.cloud.storage.object.v1.finalized");
        filters << QStringLiteral("--event-filters=\"bucket=${PROJECT}-%1\"").arg(ExportModel::dnsLabel(trigger->name));
        if (!model.string(trigger, "prefix").isEmpty() || !model.string(trigger, "suffix").isEmpty())
            output.add(Diagnostic::Severity::Warning, QStringLiteral("export-filter"),
                       CloudRunPlugin::tr(
                           "%1: Eventarc cannot filter objects by prefix or suffix; the function must skip the others")
                           .arg(trigger->name),
                       trigger->id, QStringLiteral("prefix"));
    } else if (trigger->kind == QLatin1String("topic") || trigger->kind == QLatin1String("queue")) {
        eventType = QStringLiteral("google.cloud.pubsub.topic.v1.messagePublished");
        filters << QStringLiteral("--transport-topic=\"projects/${PROJECT}/topics/%1\"")
                       .arg(ExportModel::dnsLabel(trigger->name));
        if (trigger->kind == QLatin1String("queue"))
            output.add(Diagnostic::Severity::Info, QStringLiteral("export-queue"),
                       CloudRunPlugin::tr("%1: a queue becomes a Pub/Sub topic with a push subscription to %2")
                           .arg(trigger->name, name),
                       trigger->id);
    } else if (trigger->kind == QLatin1String("table")) {
        eventType = QStringLiteral("google.cloud.firestore.document.v1.written");
        filters << QStringLiteral("--event-filters=\"database=(default)\"")
                << QStringLiteral("--event-filters-path-pattern=\"document=%1/{id}\"")
                       .arg(ExportModel::dnsLabel(trigger->name));
        output.add(
            Diagnostic::Severity::Info, QStringLiteral("export-table"),
            CloudRunPlugin::tr("%1: a table with a stream becomes a Firestore collection whose writes trigger %2")
                .arg(trigger->name, name),
            trigger->id);
    } else {
        output.add(Diagnostic::Severity::Warning, QStringLiteral("export-unsupported"),
                   CloudRunPlugin::tr("%1 (%2) cannot trigger a Cloud Run service; it is not exported")
                       .arg(trigger->name, trigger->kind),
                   trigger->id);
        return {};
    }
    command << QStringLiteral("gcloud eventarc triggers create %1 --location=\"$REGION\" \\").arg(id)
            << QStringLiteral("    --destination-run-service=%1 --destination-run-region=\"$REGION\" \\").arg(name)
            << QStringLiteral("    --event-filters=\"type=%1\" \\").arg(eventType);
    for (const QString &filter : std::as_const(filters))
        command << QStringLiteral("    %1 \\").arg(filter);
    command << QStringLiteral("    --service-account=\"$SERVICE_ACCOUNT\"");
    return QStringList{comment(QStringLiteral("# %1 invokes %2").arg(trigger->name, f.node->name))} << command
                                                                                                    << QString();
}

void write(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    const QString project = ExportModel::dnsLabel(input.projectName);
    const QString region = plugin.option(input, QStringLiteral("region"));
    const QString image = plugin.option(input, QStringLiteral("image"));

    QStringList script{
        QStringLiteral("#!/bin/sh"),
        QStringLiteral("# Eventarc triggers and Cloud Scheduler jobs of %1, exported by Nimbus Studio.").arg(project),
        QStringLiteral(
            "# Deploy the services first (gcloud run services replace services/<name>.yaml --region=REGION),"),
        QStringLiteral("# then run this script with the project and the service account that may invoke them:"),
        QStringLiteral(
            "#   PROJECT=my-project SERVICE_ACCOUNT=invoker@my-project.iam.gserviceaccount.com sh eventarc.sh"),
        QStringLiteral("set -eu"),
        QStringLiteral(": \"${PROJECT:?set PROJECT to the Google Cloud project}\""),
        QStringLiteral(": \"${SERVICE_ACCOUNT:?set SERVICE_ACCOUNT to the invoker service account}\""),
        QStringLiteral("REGION=${REGION:-%1}").arg(region),
        QString()};

    for (const ExportFunction &f : model.functions()) {
        const QString name = ExportModel::dnsLabel(f.node->name);
        output.addFile(QStringLiteral("services/%1.yaml").arg(name),
                       Y::dump(runService(f, name, ExportOption::imageName(image, project, name), region)));
        for (const Node *trigger : f.triggers)
            script << triggerScript(model, f, trigger, output);
        ProviderPlugin::reportSecrets(
            f, output, QStringLiteral("export-secret"),
            CloudRunPlugin::tr("%1: the secret %2 is read from Secret Manager (%3, latest version), which you create"),
            [&](const EnvironmentVariable &var) { return secretName(f, var); });
    }
    model.reportUnexported(output, QStringLiteral("Cloud Run"));
    model.reportIgnored(output, QStringLiteral("Cloud Run"), {QStringLiteral("architecture")});
    output.addFile(QStringLiteral("eventarc.sh"), script.join(QLatin1Char('\n')).toUtf8() + '\n');
    model.copySources(output, input.projectDirectory, true);
}
} // namespace

CloudRunPlugin::CloudRunPlugin()
    : ProviderPlugin(
        {QStringLiteral("cloudrun"),
         QStringLiteral("Google Cloud Run"),
         QT_TR_NOOP("Cloud Run service YAML per function (gcloud run services replace) and eventarc.sh for "
                    "the triggers, with the code folders"),
         QStringLiteral("gcp"),
         QStringLiteral("gcp-us-central1"),
         // Memory in MB, timeout in seconds.
         {128, 32768, 3600, {}},
         {{QStringLiteral("region"), QT_TR_NOOP("Region"), QT_TR_NOOP("The Google Cloud region"),
           QStringLiteral("us-central1")},
          ProviderOption::containerImage(
              QStringLiteral("us-central1-docker.pkg.dev/{project}/functions/{function}:latest"))}},
        write)
{ }

} // namespace Nimbus::CloudRun
