#include "scalewayplugin.h"

#include "export/exportmodel.h"
#include "export/yaml.h"

#include <QDir>
#include <QSet>

namespace Nimbus::Scaleway {

using Y = Yaml;

namespace {

void write(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    const QString project = ExportModel::dnsLabel(input.projectName);

    YAML::Node root(YAML::NodeType::Map);
    root["service"] = Y::string(project);
    root["configValidationMode"] = Y::string("off");
    YAML::Node provider(YAML::NodeType::Map);
    provider["name"] = Y::string("scaleway");
    provider["scwToken"] = Y::string("${env:SCW_SECRET_KEY}");
    provider["scwProject"] = Y::string("${env:SCW_DEFAULT_PROJECT_ID}");
    provider["scwRegion"] = Y::string(plugin.option(input, QStringLiteral("region")));
    root["provider"] = provider;
    root["plugins"] = Y::sequence({QStringLiteral("serverless-scaleway-functions")});

    root["package"] = ProviderPlugin::packagePatterns(model);

    static const QList<int> memorySteps = {128, 256, 512, 1024, 2048, 3072, 4096};
    YAML::Node functions(YAML::NodeType::Map);
    for (const ExportFunction &f : model.functions()) {
        YAML::Node fn(YAML::NodeType::Map);
        fn["handler"] = Y::string(f.source + QLatin1Char('/') + f.handler);
        fn["runtime"] = Y::string(f.isPython()
                                      ? QStringLiteral("python") + QString(f.runtimeVersion()).remove(QLatin1Char('.'))
                                      : QStringLiteral("node") + f.runtimeVersion());
        int memory = memorySteps.last();
        for (int step : memorySteps)
            if (step >= f.memory) {
                memory = step;
                break;
            }
        if (memory != f.memory)
            output.add(Diagnostic::Severity::Warning, QStringLiteral("export-memory"),
                       ScalewayPlugin::tr("%1: Scaleway offers %2 MB steps; %3 MB is written as %4 MB")
                           .arg(f.node->name, QStringLiteral("128/256/512/1024/2048/3072/4096"))
                           .arg(f.memory)
                           .arg(memory),
                       f.node->id, QStringLiteral("memory"));
        fn["memoryLimit"] = Y::number(memory);
        fn["timeout"] = Y::string(QStringLiteral("%1s").arg(f.timeout));
        if (f.reservedConcurrency)
            fn["maxScale"] = Y::number(*f.reservedConcurrency);
        if (!f.description.isEmpty())
            fn["description"] = Y::string(f.description);
        YAML::Node env(YAML::NodeType::Map);
        YAML::Node secret(YAML::NodeType::Map);
        for (const EnvironmentVariable &var : f.environment) {
            if (var.secret)
                secret[var.name.toStdString()] = Y::string(
                    QStringLiteral("${env:%1}")
                        .arg(ExportModel::constantCase(f.node->name + QLatin1Char('_') + var.name)));
            else
                env[var.name.toStdString()] = Y::string(var.value);
        }
        if (env.size() > 0)
            fn["env"] = env;
        if (secret.size() > 0)
            fn["secret"] = secret;
        YAML::Node events(YAML::NodeType::Sequence);
        for (const Node *trigger : f.triggers) {
            YAML::Node event(YAML::NodeType::Map);
            if (trigger->kind == QLatin1String("schedule")) {
                const auto cron = ProviderPlugin::scheduleCron(model, trigger, output);
                if (!cron)
                    continue;
                YAML::Node schedule(YAML::NodeType::Map);
                schedule["rate"] = Y::string(*cron);
                YAML::Node in(YAML::NodeType::Map);
                in["rule"] = Y::string(trigger->name);
                schedule["input"] = in;
                event["schedule"] = schedule;
                if (!model.boolean(trigger, "enabled", true))
                    output.add(
                        Diagnostic::Severity::Warning, QStringLiteral("export-disabled"),
                        ScalewayPlugin::tr("%1: a Scaleway cron trigger cannot be disabled; it is written enabled")
                            .arg(trigger->name),
                        trigger->id, QStringLiteral("enabled"));
            } else if (trigger->kind == QLatin1String("queue")) {
                YAML::Node sqs(YAML::NodeType::Map);
                sqs["queue"] = Y::string(ExportModel::dnsLabel(trigger->name));
                event["sqs"] = sqs;
            } else if (trigger->kind == QLatin1String("http-route")) {
                output.add(Diagnostic::Severity::Info, QStringLiteral("export-route"),
                           ScalewayPlugin::tr(
                               "%1: a Scaleway function has one endpoint for every path; %2 %3 is routed inside it")
                               .arg(trigger->name, model.string(trigger, "method"), model.string(trigger, "path")),
                           trigger->id);
                continue;
            } else {
                output.add(Diagnostic::Severity::Warning, QStringLiteral("export-unsupported"),
                           ScalewayPlugin::tr("%1: Scaleway functions have no %2 trigger; it is not exported")
                               .arg(trigger->name, trigger->kind),
                           trigger->id);
                continue;
            }
            events.push_back(event);
        }
        if (events.size() > 0)
            fn["events"] = events;
        functions[ExportModel::dnsLabel(f.node->name).toStdString()] = fn;
    }
    root["functions"] = functions;
    ProviderPlugin::reportServices(model, output, [](const Node *node) {
        return ScalewayPlugin::tr("%1: the %2 is not created by this file; provision it in Scaleway (Messaging, Object "
                                  "Storage, Serverless SQL)")
            .arg(node->name, node->kind);
    });
    model.reportUnexported(output, QStringLiteral("Scaleway"));
    model.reportIgnored(output, QStringLiteral("Scaleway"), {QStringLiteral("architecture")});
    output.addFile(QStringLiteral("serverless.yml"), Y::dump(root));
    model.copySources(output, input.projectDirectory);
    model.reportDeployVariables(output, QStringLiteral("serverless deploy"));
}

} // namespace

ScalewayPlugin::ScalewayPlugin()
    : ProviderPlugin({QStringLiteral("scaleway"),
                      QStringLiteral("Scaleway Serverless Functions"),
                      QT_TR_NOOP("serverless.yml for the Serverless Framework with serverless-scaleway-functions "
                                 "(serverless deploy), with the code folders"),
                      QStringLiteral("scaleway"),
                      QStringLiteral("scaleway-fr-par"),
                      // Memory in MB, timeout in seconds.
                      {128, 4096, 900, canvasRuntimes()},
                      {{QStringLiteral("region"), QT_TR_NOOP("Region"), QT_TR_NOOP("The Scaleway region"),
                        QStringLiteral("fr-par")}}},
                     write)
{ }

} // namespace Nimbus::Scaleway
