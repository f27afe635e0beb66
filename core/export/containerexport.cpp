#include "containerexport.h"

#include "model/architecture.h"
#include "model/catalog.h"
#include "model/kinds.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Nimbus {

QList<ExportContainer> ExportContainer::of(const ExportModel &model)
{
    QList<ExportContainer> result;
    const Architecture &architecture = model.architecture();
    const NodeKind *kind = Catalog::builtin().kind(Kinds::Container);
    for (const Node *node : model.nodesOfKind(Kinds::Container)) {
        const QJsonObject defaults = kind ? kind->defaultProperties(node->name) : QJsonObject();
        auto value = [&](const char *key) {
            const QString k = QLatin1String(key);
            return node->properties.contains(k) ? node->properties.value(k) : defaults.value(k);
        };
        ExportContainer c;
        c.node = node;
        c.name = ExportModel::dnsLabel(node->name);
        c.image = value("image").toString().trimmed();
        c.folder = value("folder").toString();
        c.port = value("port").toInt(8080);
        c.concurrency = value("concurrency").toInt(80);
        c.cpu = value("cpu").toDouble(1);
        c.memory = value("memory").toInt(512);
        c.minInstances = value("minInstances").toInt(0);
        c.maxInstances = value("maxInstances").toInt(100);
        c.idleTimeout = value("idleTimeout").toInt(900);
        c.timeout = value("timeout").toInt(300);
        c.description = value("description").toString();
        for (const QJsonValue &v : value("environment").toArray()) {
            const QJsonObject var = v.toObject();
            c.environment.append(
                {var.value("name"_L1).toString(), var.value("value"_L1).toString(), var.value("secret"_L1).toBool()});
        }
        for (EdgeId edgeId : architecture.incomingEdges(node->id)) {
            const Edge *edge = architecture.edge(edgeId);
            if (edge->type == "invokes"_L1 || edge->type == "targets"_L1)
                c.triggers.append(architecture.node(edge->from));
        }
        std::sort(c.triggers.begin(), c.triggers.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
        result.append(c);
    }
    std::sort(result.begin(), result.end(),
              [](const ExportContainer &a, const ExportContainer &b) { return a.node->name < b.node->name; });
    return result;
}

YAML::Node ExportContainer::knativeSpec(const char *minScaleKey, const char *maxScaleKey, const YAML::Node &extra,
                                        const std::function<QString(const EnvironmentVariable &)> &secretName,
                                        const QString &secretKey) const
{
    YAML::Node container(YAML::NodeType::Map);
    container["image"] = Yaml::string(image);
    YAML::Node port(YAML::NodeType::Map);
    port["containerPort"] = Yaml::number(this->port);
    container["ports"].push_back(port);
    YAML::Node env(YAML::NodeType::Sequence);
    for (const EnvironmentVariable &var : environment) {
        YAML::Node e(YAML::NodeType::Map);
        e["name"] = Yaml::string(var.name);
        if (var.secret) {
            YAML::Node key(YAML::NodeType::Map);
            key["name"] = Yaml::string(secretName(var));
            key["key"] = Yaml::string(secretKey.isEmpty() ? var.name : secretKey);
            YAML::Node from(YAML::NodeType::Map);
            from["secretKeyRef"] = key;
            e["valueFrom"] = from;
        } else {
            e["value"] = Yaml::string(var.value);
        }
        env.push_back(e);
    }
    if (env.size() > 0)
        container["env"] = env;
    YAML::Node limits(YAML::NodeType::Map);
    limits["cpu"] = Yaml::string(cpu >= 1 && cpu == std::floor(cpu) ? QString::number(int(cpu))
                                                                    : u"%1m"_s.arg(qRound(cpu * 1000)));
    limits["memory"] = Yaml::string(u"%1Mi"_s.arg(memory));
    YAML::Node resources(YAML::NodeType::Map);
    resources["limits"] = limits;
    container["resources"] = resources;
    YAML::Node podSpec(YAML::NodeType::Map);
    podSpec["containerConcurrency"] = Yaml::number(concurrency);
    podSpec["timeoutSeconds"] = Yaml::number(timeout);
    podSpec["containers"].push_back(container);
    YAML::Node annotations(YAML::NodeType::Map);
    annotations[minScaleKey] = Yaml::string(QString::number(minInstances));
    annotations[maxScaleKey] = Yaml::string(QString::number(maxInstances));
    if (extra.IsMap())
        for (const auto &entry : extra)
            annotations[entry.first] = entry.second;
    YAML::Node meta(YAML::NodeType::Map);
    meta["annotations"] = annotations;
    YAML::Node templ(YAML::NodeType::Map);
    templ["metadata"] = meta;
    templ["spec"] = podSpec;
    YAML::Node spec(YAML::NodeType::Map);
    spec["template"] = templ;
    return spec;
}

} // namespace Nimbus
