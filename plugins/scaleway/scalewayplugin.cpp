#include "scalewayplugin.h"
#include "model/kinds.h"

#include "export/containerexport.h"
#include "export/eventrouting.h"
#include "export/exportmodel.h"
#include "export/routeauthorization.h"
#include "export/yaml.h"
#include "paths.h"

#include <QDir>
#include <QSet>
#include <QStringList>

#include <array>

using namespace Qt::StringLiterals;

namespace Nimbus::Scaleway {

using Y = Yaml;

namespace {

// A function's or container's variables: env, and secret for the secret ones (read from the
// deployer's environment as ${env:NODE_NAME}, never written).
void writeEnvironment(YAML::Node &target, const Node *node, const QList<EnvironmentVariable> &variables)
{
    YAML::Node env(YAML::NodeType::Map);
    YAML::Node secret(YAML::NodeType::Map);
    for (const EnvironmentVariable &var : variables) {
        if (var.secret)
            secret[var.name.toStdString()] = Y::string(
                u"${env:%1}"_s.arg(ExportModel::constantCase(node->name + '_'_L1 + var.name)));
        else
            env[var.name.toStdString()] = Y::string(var.value);
    }
    if (env.size() > 0)
        target["env"] = env;
    if (secret.size() > 0)
        target["secret"] = secret;
}

// The memory sizes of a Scaleway function, in MB.
constexpr std::array kMemorySteps{128, 256, 512, 1024, 2048, 3072, 4096};

// The smallest size that holds memory MB.
int memoryStep(int memory)
{
    for (int step : kMemorySteps)
        if (step >= memory)
            return step;
    return kMemorySteps.back();
}

// "128/256/.../4096", for messages.
QString memorySteps()
{
    QStringList steps;
    for (int step : kMemorySteps)
        steps.append(QString::number(step));
    return steps.join('/'_L1);
}

void write(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    YAML::Node root(YAML::NodeType::Map);
    root["service"] = Y::string(ProviderPlugin::projectLabel(input));
    root["configValidationMode"] = Y::string("off");
    YAML::Node provider(YAML::NodeType::Map);
    provider["name"] = Y::string("scaleway");
    provider["scwToken"] = Y::string("${env:SCW_SECRET_KEY}");
    provider["scwProject"] = Y::string("${env:SCW_DEFAULT_PROJECT_ID}");
    provider["scwRegion"] = Y::string(plugin.option(input, u"region"_s));
    root["provider"] = provider;
    root["plugins"] = Y::sequence({u"serverless-scaleway-functions"_s});

    root["package"] = ProviderPlugin::packagePatterns(model);

    YAML::Node functions(YAML::NodeType::Map);
    for (const ExportFunction &f : model.functions()) {
        YAML::Node fn(YAML::NodeType::Map);
        fn["handler"] = Y::string(f.source + '/'_L1 + f.handler);
        fn["runtime"] = Y::string(f.isPython() ? u"python"_s + QString(f.runtimeVersion()).remove('.'_L1)
                                               : u"node"_s + f.runtimeVersion());
        const int memory = memoryStep(f.memory);
        if (memory != f.memory)
            output.add(Diagnostic::Severity::Warning, u"export-memory"_s,
                       ScalewayPlugin::tr("%1: Scaleway offers %2 MB steps; %3 MB is written as %4 MB")
                           .arg(f.node->name, memorySteps())
                           .arg(f.memory)
                           .arg(memory),
                       f.node->id, u"memory"_s);
        fn["memoryLimit"] = Y::number(memory);
        fn["timeout"] = Y::string(u"%1s"_s.arg(f.timeout));
        if (f.reservedConcurrency)
            fn["maxScale"] = Y::number(*f.reservedConcurrency);
        if (!f.description.isEmpty())
            fn["description"] = Y::string(f.description);
        writeEnvironment(fn, f.node, f.environment);
        YAML::Node events(YAML::NodeType::Sequence);
        for (const Node *trigger : f.triggers) {
            YAML::Node event(YAML::NodeType::Map);
            if (trigger->kind == Kinds::Schedule) {
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
                        Diagnostic::Severity::Warning, u"export-disabled"_s,
                        ScalewayPlugin::tr("%1: a Scaleway cron trigger cannot be disabled; it is written enabled")
                            .arg(trigger->name),
                        trigger->id, u"enabled"_s);
            } else if (trigger->kind == Kinds::Queue) {
                YAML::Node sqs(YAML::NodeType::Map);
                sqs["queue"] = Y::string(ExportModel::dnsLabel(trigger->name));
                event["sqs"] = sqs;
            } else if (trigger->kind == Kinds::HttpRoute) {
                output.add(Diagnostic::Severity::Info, u"export-route"_s,
                           ScalewayPlugin::tr(
                               "%1: a Scaleway function has one endpoint for every path; %2 %3 is routed inside it")
                               .arg(trigger->name, model.string(trigger, "method"), model.string(trigger, "path")),
                           trigger->id);
                continue;
            } else {
                ProviderPlugin::reportUnsupportedTrigger(
                    trigger, output,
                    ScalewayPlugin::tr("%1: Scaleway functions have no %2 trigger; it is not exported"));
                continue;
            }
            events.push_back(event);
        }
        if (events.size() > 0)
            fn["events"] = events;
        functions[ExportModel::dnsLabel(f.node->name).toStdString()] = fn;
    }
    root["functions"] = functions;
    // Serverless Containers, as serverless-scaleway-functions reads them (custom.containers):
    // built from the folder's Dockerfile, or the image when one is named.
    YAML::Node containers(YAML::NodeType::Map);
    for (const ExportContainer &c : ExportContainer::of(model)) {
        YAML::Node container(YAML::NodeType::Map);
        // The framework builds and uploads the folder it names: a stranger's project must not
        // make that the user's home or /etc.
        if (c.image.isEmpty() && !Paths::resolveUnder(input.projectDirectory, c.folder)) {
            output.add(Diagnostic::Severity::Error, u"unsafe-path"_s,
                       ScalewayPlugin::tr("%1: its folder '%2' leads out of the project; the container is not exported")
                           .arg(c.node->name, c.folder),
                       c.node->id, u"folder"_s);
            continue;
        }
        if (c.image.isEmpty())
            container["directory"] = Y::string(c.folder);
        else
            container["registryImage"] = Y::string(c.image);
        container["port"] = Y::number(c.port);
        if (!c.description.isEmpty())
            container["description"] = Y::string(c.description);
        container["minScale"] = Y::number(c.minInstances);
        container["maxScale"] = Y::number(c.maxInstances);
        container["maxConcurrency"] = Y::number(c.concurrency);
        container["memoryLimit"] = Y::number(c.memory);
        // In thousandths of a vCPU.
        container["cpuLimit"] = Y::number(qRound(c.cpu * 1000));
        container["timeout"] = Y::string(u"%1s"_s.arg(c.timeout));
        writeEnvironment(container, c.node, c.environment);
        YAML::Node events(YAML::NodeType::Sequence);
        for (const Node *trigger : c.triggers) {
            if (trigger->kind == Kinds::Schedule) {
                const auto cron = ProviderPlugin::scheduleCron(model, trigger, output);
                if (!cron)
                    continue;
                YAML::Node schedule(YAML::NodeType::Map);
                schedule["rate"] = Y::string(*cron);
                YAML::Node event(YAML::NodeType::Map);
                event["schedule"] = schedule;
                events.push_back(event);
            } else if (trigger->kind == Kinds::HttpRoute) {
                output.add(Diagnostic::Severity::Info, u"export-route"_s,
                           ScalewayPlugin::tr("%1: a Scaleway container has one endpoint for every path; %2 %3 is "
                                              "routed inside it")
                               .arg(trigger->name, model.string(trigger, "method"), model.string(trigger, "path")),
                           trigger->id);
            } else {
                output.add(Diagnostic::Severity::Warning, u"export-unsupported"_s,
                           ScalewayPlugin::tr("%1: its events to the container %2 are not exported yet")
                               .arg(trigger->name, c.node->name),
                           trigger->id);
            }
        }
        if (events.size() > 0)
            container["events"] = events;
        containers[c.name.toStdString()] = container;
    }
    if (containers.size() > 0) {
        YAML::Node custom(YAML::NodeType::Map);
        custom["containers"] = containers;
        root["custom"] = custom;
    }
    ProviderPlugin::reportServices(model, output, [](const Node *node) {
        return ScalewayPlugin::tr("%1: the %2 is not created by this file; provision it in Scaleway (Messaging, Object "
                                  "Storage, Serverless SQL)")
            .arg(node->name, node->kind);
    });
    // Buses and rules are reported as nodes by reportUnexported; the settings of the
    // triggers and functions it does write, one by one.
    const EventRouting routing(model, *input.catalog);
    routing.reportTriggerSettings(output, u"Scaleway"_s);
    routing.reportAsyncSettings(output, u"Scaleway"_s);
    model.reportUnexported(output, u"Scaleway"_s, {Kinds::Container});
    // A route a user pool, a function or an issuer protects goes out open: said per route.
    RouteAuthorization(model).reportUnsupported(output, u"Scaleway"_s);
    model.reportIgnored(output, u"Scaleway"_s, {u"architecture"_s});
    output.addFile(u"serverless.yml"_s, Y::dump(root));
    model.copySources(output, input.projectDirectory);
    model.reportDeployVariables(output, u"serverless deploy"_s);
}

} // namespace

ScalewayPlugin::ScalewayPlugin()
    : ProviderPlugin({u"scaleway"_s,
                      u"Scaleway Serverless Functions"_s,
                      QT_TR_NOOP("serverless.yml for the Serverless Framework with serverless-scaleway-functions "
                                 "(serverless deploy), with the code folders"),
                      u"scaleway"_s,
                      u"scaleway-fr-par"_s,
                      // Memory in MB, timeout in seconds.
                      {kMemorySteps.front(), kMemorySteps.back(), 900, interpretedRuntimes()},
                      {{u"region"_s, QT_TR_NOOP("Region"), QT_TR_NOOP("The Scaleway region"), u"fr-par"_s}}},
                     write)
{ }

} // namespace Nimbus::Scaleway
