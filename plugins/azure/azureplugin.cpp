#include "azureplugin.h"
#include "model/kinds.h"

#include "export/eventrouting.h"
#include "export/exportmodel.h"
#include "export/routeauthorization.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTime>

using namespace Qt::StringLiterals;

namespace Nimbus::Azure {

namespace {
QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

// function.json names the file of the handler's module and the exported function.
QString moduleFile(const QString &projectDirectory, const ExportFunction &f)
{
    const QString module = f.handler.section('.'_L1, 0, -2);
    const QStringList extensions = f.isPython() ? QStringList{u".py"_s} : QStringList{u".js"_s, u".mjs"_s, u".cjs"_s};
    for (const QString &extension : extensions)
        if (QFileInfo::exists(QDir(projectDirectory).filePath(f.source + '/'_L1 + module + extension)))
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
    QJsonObject b{{u"direction"_s, u"in"_s}};
    if (trigger->kind == Kinds::HttpRoute) {
        const QString method = model.string(trigger, "method");
        b.insert(u"type"_s, u"httpTrigger"_s);
        b.insert(u"name"_s, u"req"_s);
        b.insert(u"authLevel"_s, u"anonymous"_s);
        if (method != "ANY"_L1)
            b.insert(u"methods"_s, QJsonArray{method.toLower()});
        QString route = model.string(trigger, "path").mid(1);
        route.replace("+}"_L1, "}"_L1);
        b.insert(u"route"_s, route);
        bindings.append(b);
        bindings.append(QJsonObject{{u"type"_s, u"http"_s}, {u"direction"_s, u"out"_s}, {u"name"_s, u"res"_s}});
        if (model.boolean(trigger, "cors"))
            output.add(Diagnostic::Severity::Info, u"export-cors"_s,
                       AzurePlugin::tr("%1: CORS is a setting of the function app (allowed origins), not of a function")
                           .arg(trigger->name),
                       trigger->id, u"cors"_s);
        return bindings;
    }
    if (trigger->kind == Kinds::Queue) {
        b.insert(u"type"_s, u"queueTrigger"_s);
        b.insert(u"name"_s, u"message"_s);
        b.insert(u"queueName"_s, ExportModel::dnsLabel(trigger->name));
        b.insert(u"connection"_s, u"AzureWebJobsStorage"_s);
    } else if (trigger->kind == Kinds::Bucket) {
        b.insert(u"type"_s, u"blobTrigger"_s);
        b.insert(u"name"_s, u"blob"_s);
        b.insert(u"path"_s, u"%1/%2{name}%3"_s.arg(ExportModel::dnsLabel(trigger->name),
                                                   model.string(trigger, "prefix"), model.string(trigger, "suffix")));
        b.insert(u"connection"_s, u"AzureWebJobsStorage"_s);
        if (model.string(trigger, "events") != "ObjectCreated"_L1)
            output.add(
                Diagnostic::Severity::Warning, u"export-blob-events"_s,
                AzurePlugin::tr("%1: a blob trigger sees new and changed blobs only, not deletions").arg(trigger->name),
                trigger->id, u"events"_s);
    } else if (trigger->kind == Kinds::Schedule) {
        const auto cron = ProviderPlugin::scheduleCron(model, trigger, output, ProviderPlugin::CronFormat::NCrontab);
        if (!cron)
            return {};
        b.insert(u"type"_s, u"timerTrigger"_s);
        b.insert(u"name"_s, u"timer"_s);
        b.insert(u"schedule"_s, *cron);
        if (!model.boolean(trigger, "enabled", true))
            settings.insert(u"AzureWebJobs.%1.Disabled"_s.arg(f.node->name), u"true"_s);
    } else if (trigger->kind == Kinds::Table) {
        b.insert(u"type"_s, u"cosmosDBTrigger"_s);
        b.insert(u"name"_s, u"documents"_s);
        b.insert(u"connection"_s, u"CosmosDBConnection"_s);
        b.insert(u"databaseName"_s, project);
        b.insert(u"containerName"_s, ExportModel::dnsLabel(trigger->name));
        b.insert(u"leaseContainerName"_s, u"leases"_s);
        b.insert(u"createLeaseContainerIfNotExists"_s, true);
    } else if (trigger->kind == Kinds::Topic) {
        b.insert(u"type"_s, u"serviceBusTrigger"_s);
        b.insert(u"name"_s, u"message"_s);
        b.insert(u"topicName"_s, ExportModel::dnsLabel(trigger->name));
        b.insert(u"subscriptionName"_s, ExportModel::dnsLabel(f.node->name));
        b.insert(u"connection"_s, u"ServiceBusConnection"_s);
    } else {
        ProviderPlugin::reportUnsupportedTrigger(
            trigger, output, AzurePlugin::tr("%1 (%2) cannot trigger an Azure function; it is not exported"));
        return {};
    }
    bindings.append(b);
    return bindings;
}

void write(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    const QString project = ProviderPlugin::projectLabel(input);
    const QString vault = plugin.option(input, u"vault"_s);

    // One function app per language: an app runs one worker runtime.
    QMap<QString, QList<const ExportFunction *>> apps;
    for (const ExportFunction &f : model.functions())
        apps[f.isPython() ? u"python-app"_s : u"node-app"_s].append(&f);

    for (auto app = apps.cbegin(); app != apps.cend(); ++app) {
        int longest = 0;
        QJsonObject settings;
        settings.insert(u"FUNCTIONS_WORKER_RUNTIME"_s, app.key() == "python-app"_L1 ? u"python"_s : u"node"_s);
        settings.insert(
            u"AzureWebJobsStorage"_s,
            u"@Microsoft.KeyVault(SecretUri=https://%1.vault.azure.net/secrets/AzureWebJobsStorage/)"_s.arg(vault));
        for (const ExportFunction *f : app.value()) {
            longest = std::max(longest, f->timeout);
            const QString folder = app.key() + '/'_L1 + f->node->name;
            QJsonArray bindings;
            if (f->triggers.size() > 1)
                output.add(Diagnostic::Severity::Error, u"export-triggers"_s,
                           AzurePlugin::tr("%1: an Azure function has exactly one trigger; only %2 is written")
                               .arg(f->node->name, f->triggers.first()->name),
                           f->node->id);
            if (f->triggers.isEmpty())
                output.add(Diagnostic::Severity::Warning, u"export-triggers"_s,
                           AzurePlugin::tr(
                               "%1: nothing invokes it; an Azure function needs a trigger and is written without one")
                               .arg(f->node->name),
                           f->node->id);
            if (!f->triggers.isEmpty())
                bindings = triggerBindings(model, *f, f->triggers.first(), project, settings, output);
            for (const EnvironmentVariable &var : f->environment) {
                if (settings.contains(var.name) && settings.value(var.name).toString() != var.value && !var.secret)
                    output.add(Diagnostic::Severity::Warning, u"export-setting"_s,
                               AzurePlugin::tr(
                                   "%1: app settings are shared by the functions of an app; %2 has another value in "
                                   "another function")
                                   .arg(f->node->name, var.name),
                               f->node->id, u"environment"_s);
                settings.insert(var.name,
                                var.secret
                                    ? u"@Microsoft.KeyVault(SecretUri=https://%1.vault.azure.net/secrets/%2/)"_s.arg(
                                        vault, ExportModel::dnsLabel(f->node->name + '-'_L1 + var.name.toLower()))
                                    : var.value);
            }
            const QString entryPoint = f->handler.section('.'_L1, -1);
            QJsonObject function{{u"bindings"_s, bindings},
                                 {u"scriptFile"_s, moduleFile(input.projectDirectory, *f)},
                                 {u"entryPoint"_s, entryPoint}};
            output.addFile(folder + "/function.json"_L1, json(function));
            output.copy(folder, QDir(input.projectDirectory).filePath(f->source));
        }
        const QTime timeout = QTime(0, 0).addSecs(std::max(longest, 1));
        output.addFile(app.key() + "/host.json"_L1,
                       json(QJsonObject{
                           {u"version"_s, u"2.0"_s},
                           {u"functionTimeout"_s, timeout.toString(u"HH:mm:ss"_s)},
                           {u"extensionBundle"_s, QJsonObject{{u"id"_s, u"Microsoft.Azure.Functions.ExtensionBundle"_s},
                                                              {u"version"_s, u"[4.*, 5.0.0)"_s}}}}));
        output.addFile(app.key() + "/app-settings.json"_L1, json(settings));
    }
    // Buses and rules are reported as nodes by reportUnexported; the settings of the
    // triggers and functions it does write, one by one.
    const EventRouting routing(model, *input.catalog);
    routing.reportTriggerSettings(output, u"Azure Functions"_s);
    routing.reportAsyncSettings(output, u"Azure Functions"_s);
    model.reportUnexported(output, u"Azure Functions"_s);
    // A route a user pool, a function or an issuer protects goes out open: said per route.
    RouteAuthorization(model).reportUnsupported(output, u"Azure Functions"_s);
    model.reportIgnored(output, u"Azure Functions"_s, {u"architecture"_s, u"reservedConcurrency"_s});
}
} // namespace

AzurePlugin::AzurePlugin()
    : ProviderPlugin(
        {u"azure"_s,
         u"Azure Functions"_s,
         QT_TR_NOOP("Azure Functions apps (func azure functionapp publish): host.json, function.json per "
                    "function, the code, and app settings with Key Vault references for secrets"),
         u"azure"_s,
         u"azure-eastus"_s,
         // The Consumption plan's: memory in MB, timeout in seconds.
         {128, 1536, 600, interpretedRuntimes()},
         {{u"vault"_s, QT_TR_NOOP("Key Vault"), QT_TR_NOOP("The Key Vault that holds the secrets"), u"my-vault"_s}}},
        write)
{ }

} // namespace Nimbus::Azure
