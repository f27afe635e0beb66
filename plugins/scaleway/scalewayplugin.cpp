#include "scalewayplugin.h"

#include "export/exportmodel.h"
#include "export/yaml.h"

#include <QDir>
#include <QSet>

namespace Nimbus {

using Y = Yaml;

QString ScalewayPlugin::targetDescription() const
{
    return tr("serverless.yml for the Serverless Framework with serverless-scaleway-functions (serverless deploy), with the code folders");
}

QList<ExportOption> ScalewayPlugin::exportOptions() const
{
    return {{QStringLiteral("region"), tr("Region"), tr("The Scaleway region"), QStringLiteral("fr-par")}};
}

ProviderLimits ScalewayPlugin::limits() const
{
    ProviderLimits limits;
    limits.minMemory = 128;
    limits.maxMemory = 4096;
    limits.maxTimeout = 900;
    limits.runtimes = {QStringLiteral("nodejs20.x"), QStringLiteral("nodejs22.x"), QStringLiteral("python3.11"), QStringLiteral("python3.12")};
    return limits;
}

ExportOutput ScalewayPlugin::exportProject(const ExportInput &input) const
{
    ExportOutput output;
    const ExportModel model(*input.architecture, *input.catalog);
    const QString project = ExportModel::dnsLabel(input.projectName);

    YAML::Node root(YAML::NodeType::Map);
    root["service"] = Y::string(project);
    root["configValidationMode"] = Y::string("off");
    YAML::Node provider(YAML::NodeType::Map);
    provider["name"] = Y::string("scaleway");
    provider["scwToken"] = Y::string("${env:SCW_SECRET_KEY}");
    provider["scwProject"] = Y::string("${env:SCW_DEFAULT_PROJECT_ID}");
    provider["scwRegion"] = Y::string(input.option(QStringLiteral("region"), QStringLiteral("fr-par")));
    root["provider"] = provider;
    root["plugins"] = Y::sequence({QStringLiteral("serverless-scaleway-functions")});

    YAML::Node patterns(YAML::NodeType::Sequence);
    patterns.push_back(Y::string("!**"));
    for (const QString &source : model.sources())
        patterns.push_back(Y::string(source + QLatin1String("/**")));
    YAML::Node package(YAML::NodeType::Map);
    package["patterns"] = patterns;
    root["package"] = package;

    static const QList<int> memorySteps = {128, 256, 512, 1024, 2048, 3072, 4096};
    YAML::Node functions(YAML::NodeType::Map);
    for (const ExportFunction &f : model.functions()) {
        YAML::Node fn(YAML::NodeType::Map);
        fn["handler"] = Y::string(f.source + QLatin1Char('/') + f.handler);
        fn["runtime"] = Y::string(f.isPython() ? QStringLiteral("python") + QString(f.runtimeVersion()).remove(QLatin1Char('.'))
                                               : QStringLiteral("node") + f.runtimeVersion());
        int memory = memorySteps.last();
        for (int step : memorySteps)
            if (step >= f.memory) {
                memory = step;
                break;
            }
        if (memory != f.memory)
            output.add(Diagnostic::Severity::Warning, QStringLiteral("export-memory"),
                       tr("%1: Scaleway offers %2 MB steps; %3 MB is written as %4 MB")
                           .arg(f.node->name, QStringLiteral("128/256/512/1024/2048/3072/4096")).arg(f.memory).arg(memory),
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
                secret[var.name.toStdString()] =
                    Y::string(QStringLiteral("${env:%1}").arg(ExportModel::constantCase(f.node->name + QLatin1Char('_') + var.name)));
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
                QString problem;
                const auto cron = ExportModel::unixCron(model.string(trigger, "expression"), &problem);
                if (!cron) {
                    output.add(Diagnostic::Severity::Error, QStringLiteral("export-schedule"),
                               tr("%1: the schedule cannot be written as cron: %2").arg(trigger->name, problem), trigger->id,
                               QStringLiteral("expression"));
                    continue;
                }
                YAML::Node schedule(YAML::NodeType::Map);
                schedule["rate"] = Y::string(*cron);
                YAML::Node in(YAML::NodeType::Map);
                in["rule"] = Y::string(trigger->name);
                schedule["input"] = in;
                event["schedule"] = schedule;
                if (!model.boolean(trigger, "enabled", true))
                    output.add(Diagnostic::Severity::Warning, QStringLiteral("export-disabled"),
                               tr("%1: a Scaleway cron trigger cannot be disabled; it is written enabled").arg(trigger->name),
                               trigger->id, QStringLiteral("enabled"));
            } else if (trigger->kind == QLatin1String("queue")) {
                YAML::Node sqs(YAML::NodeType::Map);
                sqs["queue"] = Y::string(ExportModel::dnsLabel(trigger->name));
                event["sqs"] = sqs;
            } else if (trigger->kind == QLatin1String("http-route")) {
                output.add(Diagnostic::Severity::Info, QStringLiteral("export-route"),
                           tr("%1: a Scaleway function has one endpoint for every path; %2 %3 is routed inside it")
                               .arg(trigger->name, model.string(trigger, "method"), model.string(trigger, "path")),
                           trigger->id);
                continue;
            } else {
                output.add(Diagnostic::Severity::Warning, QStringLiteral("export-unsupported"),
                           tr("%1: Scaleway functions have no %2 trigger; it is not exported").arg(trigger->name, trigger->kind),
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
    for (const QString &kind : {QStringLiteral("queue"), QStringLiteral("topic"), QStringLiteral("table"), QStringLiteral("bucket")})
        for (const Node *node : model.nodesOfKind(kind))
            output.add(Diagnostic::Severity::Info, QStringLiteral("export-service"),
                       tr("%1: the %2 is not created by this file; provision it in Scaleway (Messaging, Object Storage, Serverless SQL)")
                           .arg(node->name, node->kind),
                       node->id);
    model.reportUnexported(output, QStringLiteral("Scaleway"));
    model.reportIgnored(output, QStringLiteral("Scaleway"), {QStringLiteral("architecture")});
    output.addFile(QStringLiteral("serverless.yml"), Y::dump(root));
    model.copySources(output, input.projectDirectory);
    model.reportDeployVariables(output, QStringLiteral("serverless deploy"));
    return output;
}

} // namespace Nimbus
