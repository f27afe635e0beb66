#include "openfaasplugin.h"
#include "model/kinds.h"

#include "export/eventrouting.h"
#include "export/exportmodel.h"
#include "export/routeauthorization.h"
#include "export/yaml.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Nimbus::OpenFaas {

using Y = Yaml;

namespace {

void write(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model, ExportOutput &output)
{
    const QString project = ProviderPlugin::projectLabel(input);
    const QString image = plugin.option(input, u"image"_s);

    YAML::Node root(YAML::NodeType::Map);
    root["version"] = Y::string("1.0");
    YAML::Node provider(YAML::NodeType::Map);
    provider["name"] = Y::string("openfaas");
    provider["gateway"] = Y::string(plugin.option(input, u"gateway"_s));
    root["provider"] = provider;
    YAML::Node functions(YAML::NodeType::Map);
    for (const ExportFunction &f : model.functions()) {
        const QString name = ExportModel::dnsLabel(f.node->name);
        YAML::Node fn(YAML::NodeType::Map);
        // Templates of the OpenFaaS template store.
        fn["lang"] = Y::string(f.isPython() ? u"python3-http"_s : u"node"_s + f.runtimeVersion());
        fn["handler"] = Y::string(u"./functions/"_s + f.node->name);
        fn["image"] = Y::string(ExportOption::imageName(image, project, name));
        YAML::Node environment(YAML::NodeType::Map);
        const QString timeout = u"%1s"_s.arg(f.timeout);
        environment["exec_timeout"] = Y::string(timeout);
        environment["read_timeout"] = Y::string(timeout);
        environment["write_timeout"] = Y::string(timeout);
        environment["NIMBUS_HANDLER"] = Y::string(f.handler);
        QStringList secrets;
        for (const EnvironmentVariable &var : f.environment) {
            if (var.secret) {
                const QString secret = ExportModel::dnsLabel(f.node->name + '-'_L1 + var.name.toLower());
                secrets.append(secret);
                output.add(Diagnostic::Severity::Info, u"export-secret"_s,
                           OpenFaasPlugin::tr(
                               "%1: the secret %2 is the OpenFaaS secret %3 (faas-cli secret create %3), read from "
                               "/var/openfaas/secrets/%3")
                               .arg(f.node->name, var.name, secret),
                           f.node->id, u"environment"_s);
            } else {
                environment[var.name.toStdString()] = Y::string(var.value);
            }
        }
        fn["environment"] = environment;
        if (!secrets.isEmpty())
            fn["secrets"] = Y::sequence(secrets);
        YAML::Node limits(YAML::NodeType::Map);
        limits["memory"] = Y::string(u"%1Mi"_s.arg(f.memory));
        fn["limits"] = limits;
        // On Kubernetes a function runs on nodes of its instruction set.
        fn["constraints"] = Y::sequence(
            {u"kubernetes.io/arch="_s + (f.architecture == "arm64"_L1 ? u"arm64"_s : u"amd64"_s)});
        if (f.reservedConcurrency) {
            YAML::Node labels(YAML::NodeType::Map);
            labels["com.openfaas.scale.max"] = Y::string(QString::number(*f.reservedConcurrency));
            fn["labels"] = labels;
        }
        QStringList topics;
        YAML::Node annotations(YAML::NodeType::Map);
        for (const Node *trigger : f.triggers) {
            if (trigger->kind == Kinds::Schedule) {
                const auto cron = ProviderPlugin::scheduleCron(model, trigger, output);
                if (!cron)
                    continue;
                if (Y::has(annotations, "schedule")) {
                    output.add(
                        Diagnostic::Severity::Error, u"export-schedule"_s,
                        OpenFaasPlugin::tr("%1: the cron-connector takes one schedule per function; %2 is not written")
                            .arg(f.node->name, trigger->name),
                        trigger->id);
                    continue;
                }
                topics.prepend(u"cron-function"_s);
                annotations["schedule"] = Y::string(*cron);
            } else if (trigger->kind == Kinds::HttpRoute) {
                output.add(
                    Diagnostic::Severity::Info, u"export-route"_s,
                    OpenFaasPlugin::tr(
                        "%1: OpenFaaS serves the function at /function/%2 on every path; %3 %4 is routed inside it")
                        .arg(trigger->name, name, model.string(trigger, "method"), model.string(trigger, "path")),
                    trigger->id);
            } else {
                topics.append(trigger->name);
                if (trigger->kind != Kinds::Queue && trigger->kind != Kinds::Topic)
                    output.add(Diagnostic::Severity::Warning, u"export-connector"_s,
                               OpenFaasPlugin::tr(
                                   "%1: a %2 has no OpenFaaS connector; the function listens on the topic %1, which "
                                   "something must publish to")
                                   .arg(trigger->name, trigger->kind),
                               trigger->id);
            }
        }
        if (!topics.isEmpty()) {
            YAML::Node ordered(YAML::NodeType::Map);
            ordered["topic"] = Y::string(topics.join(','_L1));
            for (auto it = annotations.begin(); it != annotations.end(); ++it)
                ordered[it->first] = it->second;
            if (!f.description.isEmpty())
                ordered["description"] = Y::string(f.description);
            fn["annotations"] = ordered;
        } else if (!f.description.isEmpty()) {
            YAML::Node a(YAML::NodeType::Map);
            a["description"] = Y::string(f.description);
            fn["annotations"] = a;
        }
        functions[name.toStdString()] = fn;
    }
    root["functions"] = functions;
    ProviderPlugin::reportServices(model, output, [](const Node *node) {
        return OpenFaasPlugin::tr(
                   "%1: OpenFaaS has no %2; provision it separately (a connector turns its messages into calls)")
            .arg(node->name, node->kind);
    });
    // Buses and rules are reported as nodes by reportUnexported; the settings of the
    // triggers and functions it does write, one by one.
    const EventRouting routing(model, *input.catalog);
    routing.reportTriggerSettings(output, u"OpenFaaS"_s);
    routing.reportAsyncSettings(output, u"OpenFaaS"_s);
    model.reportUnexported(output, u"OpenFaaS"_s);
    // A route a user pool, a function or an issuer protects goes out open: said per route.
    RouteAuthorization(model).reportUnsupported(output, u"OpenFaaS"_s);
    output.addFile(u"stack.yml"_s, Y::dump(root));
    model.copySources(output, input.projectDirectory, true);
}

} // namespace

OpenFaasPlugin::OpenFaasPlugin()
    : ProviderPlugin({u"openfaas"_s,
                      u"OpenFaaS"_s,
                      QT_TR_NOOP("stack.yml for faas-cli (faas-cli up), with the code folders as handlers"),
                      u"openfaas"_s,
                      {},
                      // Memory in MB, timeout in seconds.
                      {64, 32768, 3600, interpretedRuntimes()},
                      {{u"gateway"_s, QT_TR_NOOP("Gateway"), QT_TR_NOOP("The OpenFaaS gateway's address"),
                        u"http://127.0.0.1:8080"_s},
                       ProviderOption::containerImage(u"registry.example.com/{project}/{function}:latest"_s)}},
                     write)
{ }

} // namespace Nimbus::OpenFaas
