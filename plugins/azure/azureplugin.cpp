#include "azureplugin.h"

#include "export/exportmodel.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTime>

namespace Nimbus::Azure {

namespace {
QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

// function.json names the file of the handler's module and the exported function.
QString moduleFile(const QString &projectDirectory, const ExportFunction &f)
{
    const QString module = f.handler.section(QLatin1Char('.'), 0, -2);
    const QStringList extensions = f.isPython() ? QStringList{QStringLiteral(".py")}
                                                : QStringList{QStringLiteral(".js"), QStringLiteral(".mjs"),
                                                              QStringLiteral(".cjs")};
    for (const QString &extension : extensions)
        if (QFileInfo::exists(QDir(projectDirectory).filePath(f.source + QLatin1Char('/') + module + extension)))
            return module + extension;
    return module + extensions.first();
}

// The bindings by which trigger invokes the function (an HTTP trigger has an output
// binding too); none when Azure Functions has no such trigger. A disabled schedule
// disables the function in the app's settings.
QJsonArray triggerBindings(const ExportModel &model, const ExportFunction &f, const Node *trigger,
                           const QString &project, QJsonObject &settings, ExportOutput &output)
{
    QJsonArray bindings;
    QJsonObject b{{QStringLiteral("direction"), QStringLiteral("in")}};
    if (trigger->kind == QLatin1String("http-route")) {
        const QString method = model.string(trigger, "method");
        b.insert(QStringLiteral("type"), QStringLiteral("httpTrigger"));
        b.insert(QStringLiteral("name"), QStringLiteral("req"));
        b.insert(QStringLiteral("authLevel"), QStringLiteral("anonymous"));
        if (method != QLatin1String("ANY"))
            b.insert(QStringLiteral("methods"), QJsonArray{method.toLower()});
        QString route = model.string(trigger, "path").mid(1);
        route.replace(QLatin1String("+}"), QLatin1String("}"));
        b.insert(QStringLiteral("route"), route);
        bindings.append(b);
        bindings.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                    {QStringLiteral("direction"), QStringLiteral("out")},
                                    {QStringLiteral("name"), QStringLiteral("res")}});
        if (model.boolean(trigger, "cors"))
            output.add(Diagnostic::Severity::Info, QStringLiteral("export-cors"),
                       AzurePlugin::tr("%1: CORS is a setting of the function app (allowed origins), not of a function")
                           .arg(trigger->name),
                       trigger->id, QStringLiteral("cors"));
        return bindings;
    }
    if (trigger->kind == QLatin1String("queue")) {
        b.insert(QStringLiteral("type"), QStringLiteral("queueTrigger"));
        b.insert(QStringLiteral("name"), QStringLiteral("message"));
        b.insert(QStringLiteral("queueName"), ExportModel::dnsLabel(trigger->name));
        b.insert(QStringLiteral("connection"), QStringLiteral("AzureWebJobsStorage"));
    } else if (trigger->kind == QLatin1String("bucket")) {
        b.insert(QStringLiteral("type"), QStringLiteral("blobTrigger"));
        b.insert(QStringLiteral("name"), QStringLiteral("blob"));
        b.insert(QStringLiteral("path"), QStringLiteral("%1/%2{name}%3")
                                             .arg(ExportModel::dnsLabel(trigger->name), model.string(trigger, "prefix"),
                                                  model.string(trigger, "suffix")));
        b.insert(QStringLiteral("connection"), QStringLiteral("AzureWebJobsStorage"));
        if (model.string(trigger, "events") != QLatin1String("ObjectCreated"))
            output.add(
                Diagnostic::Severity::Warning, QStringLiteral("export-blob-events"),
                AzurePlugin::tr("%1: a blob trigger sees new and changed blobs only, not deletions").arg(trigger->name),
                trigger->id, QStringLiteral("events"));
    } else if (trigger->kind == QLatin1String("schedule")) {
        const auto cron = ProviderPlugin::scheduleCron(model, trigger, output, ProviderPlugin::CronFormat::NCrontab);
        if (!cron)
            return {};
        b.insert(QStringLiteral("type"), QStringLiteral("timerTrigger"));
        b.insert(QStringLiteral("name"), QStringLiteral("timer"));
        b.insert(QStringLiteral("schedule"), *cron);
        if (!model.boolean(trigger, "enabled", true))
            settings.insert(QStringLiteral("AzureWebJobs.%1.Disabled").arg(f.node->name), QStringLiteral("true"));
    } else if (trigger->kind == QLatin1String("table")) {
        b.insert(QStringLiteral("type"), QStringLiteral("cosmosDBTrigger"));
        b.insert(QStringLiteral("name"), QStringLiteral("documents"));
        b.insert(QStringLiteral("connection"), QStringLiteral("CosmosDBConnection"));
        b.insert(QStringLiteral("databaseName"), project);
        b.insert(QStringLiteral("containerName"), ExportModel::dnsLabel(trigger->name));
        b.insert(QStringLiteral("leaseContainerName"), QStringLiteral("leases"));
        b.insert(QStringLiteral("createLeaseContainerIfNotExists"), true);
    } else if (trigger->kind == QLatin1String("topic")) {
        b.insert(QStringLiteral("type"), QStringLiteral("serviceBusTrigger"));
        b.insert(QStringLiteral("name"), QStringLiteral("message"));
        b.insert(QStringLiteral("topicName"), ExportModel::dnsLabel(trigger->name));
        b.insert(QStringLiteral("subscriptionName"), ExportModel::dnsLabel(f.node->name));
        b.insert(QStringLiteral("connection"), QStringLiteral("ServiceBusConnection"));
    } else {
        output.add(Diagnostic::Severity::Warning, QStringLiteral("export-unsupported"),
                   AzurePlugin::tr("%1 (%2) cannot trigger an Azure function; it is not exported")
                       .arg(trigger->name, trigger->kind),
                   trigger->id);
        return {};
    }
    bindings.append(b);
    return bindings;
}

void write(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    const QString project = ExportModel::dnsLabel(input.projectName);
    const QString vault = plugin.option(input, QStringLiteral("vault"));

    // One function app per language: an app runs one worker runtime.
    QMap<QString, QList<const ExportFunction *>> apps;
    for (const ExportFunction &f : model.functions())
        apps[f.isPython() ? QStringLiteral("python-app") : QStringLiteral("node-app")].append(&f);

    for (auto app = apps.cbegin(); app != apps.cend(); ++app) {
        int longest = 0;
        QJsonObject settings;
        settings.insert(QStringLiteral("FUNCTIONS_WORKER_RUNTIME"),
                        app.key() == QLatin1String("python-app") ? QStringLiteral("python") : QStringLiteral("node"));
        settings.insert(
            QStringLiteral("AzureWebJobsStorage"),
            QStringLiteral("@Microsoft.KeyVault(SecretUri=https://%1.vault.azure.net/secrets/AzureWebJobsStorage/)")
                .arg(vault));
        for (const ExportFunction *f : app.value()) {
            longest = std::max(longest, f->timeout);
            const QString folder = app.key() + QLatin1Char('/') + f->node->name;
            QJsonArray bindings;
            if (f->triggers.size() > 1)
                output.add(Diagnostic::Severity::Error, QStringLiteral("export-triggers"),
                           AzurePlugin::tr("%1: an Azure function has exactly one trigger; only %2 is written")
                               .arg(f->node->name, f->triggers.first()->name),
                           f->node->id);
            if (f->triggers.isEmpty())
                output.add(Diagnostic::Severity::Warning, QStringLiteral("export-triggers"),
                           AzurePlugin::tr(
                               "%1: nothing invokes it; an Azure function needs a trigger and is written without one")
                               .arg(f->node->name),
                           f->node->id);
            if (!f->triggers.isEmpty())
                bindings = triggerBindings(model, *f, f->triggers.first(), project, settings, output);
            for (const EnvironmentVariable &var : f->environment) {
                if (settings.contains(var.name) && settings.value(var.name).toString() != var.value && !var.secret)
                    output.add(Diagnostic::Severity::Warning, QStringLiteral("export-setting"),
                               AzurePlugin::tr(
                                   "%1: app settings are shared by the functions of an app; %2 has another value in "
                                   "another function")
                                   .arg(f->node->name, var.name),
                               f->node->id, QStringLiteral("environment"));
                settings.insert(
                    var.name,
                    var.secret
                        ? QStringLiteral("@Microsoft.KeyVault(SecretUri=https://%1.vault.azure.net/secrets/%2/)")
                              .arg(vault, ExportModel::dnsLabel(f->node->name + QLatin1Char('-') + var.name.toLower()))
                        : var.value);
            }
            const QString entryPoint = f->handler.section(QLatin1Char('.'), -1);
            QJsonObject function{{QStringLiteral("bindings"), bindings},
                                 {QStringLiteral("scriptFile"), moduleFile(input.projectDirectory, *f)},
                                 {QStringLiteral("entryPoint"), entryPoint}};
            output.addFile(folder + QLatin1String("/function.json"), json(function));
            output.copy(folder, QDir(input.projectDirectory).filePath(f->source));
        }
        const QTime timeout = QTime(0, 0).addSecs(std::max(longest, 1));
        output.addFile(
            app.key() + QLatin1String("/host.json"),
            json(QJsonObject{
                {QStringLiteral("version"), QStringLiteral("2.0")},
                {QStringLiteral("functionTimeout"), timeout.toString(QStringLiteral("HH:mm:ss"))},
                {QStringLiteral("extensionBundle"),
                 QJsonObject{{QStringLiteral("id"), QStringLiteral("Microsoft.Azure.Functions.ExtensionBundle")},
                             {QStringLiteral("version"), QStringLiteral("[4.*, 5.0.0)")}}}}));
        output.addFile(app.key() + QLatin1String("/app-settings.json"), json(settings));
    }
    model.reportUnexported(output, QStringLiteral("Azure Functions"));
    model.reportIgnored(output, QStringLiteral("Azure Functions"),
                        {QStringLiteral("architecture"), QStringLiteral("reservedConcurrency")});
}
} // namespace

AzurePlugin::AzurePlugin()
    : ProviderPlugin({QStringLiteral("azure"),
                      QStringLiteral("Azure Functions"),
                      QT_TR_NOOP("Azure Functions apps (func azure functionapp publish): host.json, function.json per "
                                 "function, the code, and app settings with Key Vault references for secrets"),
                      QStringLiteral("azure"),
                      QStringLiteral("azure-eastus"),
                      // The Consumption plan's: memory in MB, timeout in seconds.
                      {128, 1536, 600, canvasRuntimes()},
                      {{QStringLiteral("vault"), QT_TR_NOOP("Key Vault"),
                        QT_TR_NOOP("The Key Vault that holds the secrets"), QStringLiteral("my-vault")}}},
                     write)
{ }

} // namespace Nimbus::Azure
