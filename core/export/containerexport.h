#pragma once

#include "exportmodel.h"
#include "yaml.h"

#include <QList>
#include <QString>

#include <functional>

namespace Nimbus {

// A container node (resources/catalog/kinds/container.json) as the exporters write it:
// Cloud Run and Knative as a Knative Serving Service, Scaleway as a serverless.yml container.
struct ExportContainer
{
    const Node *node = nullptr;
    QString name; // a DNS label
    QString image;
    QString folder;
    int port = 8080;
    int concurrency = 80;
    double cpu = 1;
    int memory = 512;
    int minInstances = 0;
    int maxInstances = 100;
    int idleTimeout = 900;
    int timeout = 300;
    QString description;
    QList<EnvironmentVariable> environment;
    QList<const Node *> triggers; // the nodes that invoke or target it, by name

    // The design's containers, by name.
    static QList<ExportContainer> of(const ExportModel &model);

    // The Knative Serving Service spec (spec.template) of the container: its image, port,
    // containerConcurrency, timeoutSeconds, CPU and memory limits, and the scale bounds as
    // annotations minScaleKey and maxScaleKey (extra: more template annotations). A secret
    // variable reads the key secretKey of the Secret secretName(variable).
    YAML::Node knativeSpec(const char *minScaleKey, const char *maxScaleKey, const YAML::Node &extra,
                           const std::function<QString(const EnvironmentVariable &)> &secretName,
                           const QString &secretKey) const;
};

} // namespace Nimbus
