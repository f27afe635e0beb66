#pragma once

#include "export/exportmodel.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

namespace Nimbus {
struct ExportOutput;
struct ImportResult;
} // namespace Nimbus

namespace Nimbus::Aws {

// A layer node as the AWS exports write it (AWS::Serverless::LayerVersion, serverless.yml's
// layers, aws_lambda_layer_version): its folder beside the template, its name in the
// cloud and what it is built for.
struct ExportLayer
{
    const Node *node = nullptr;
    QString folder; // relative to the project's folder, as the template's ContentUri
    QString name; // the layer's name in the cloud
    QStringList runtimes; // empty: any
    QString architecture; // x86_64 or arm64; empty: both
    QString description;
    QString license;
};

// The design's layers, in name order.
QList<ExportLayer> exportLayers(const ExportModel &model);
// A function's layers in Lambda's order (the order they were connected).
QList<const Node *> layersOf(const ExportModel &model, const ExportFunction &function);
// Copies each layer's folder into the export, at its own path.
void copyLayers(const ExportModel &model, ExportOutput &output, const QString &projectDirectory);

// What an import reads of a layer resource (AWS::Serverless::LayerVersion,
// AWS::Lambda::LayerVersion, a serverless.yml layer): the layer's properties, or an error
// when its folder is not a relative path inside the template's folder.
struct ImportedLayer
{
    QJsonObject properties;
    QString error;
    bool remote = false; // the content is not a local folder (S3, an intrinsic function)
};
// folder: ContentUri, Content or path as written (a local folder); id names the resource
// in messages.
ImportedLayer readLayer(const QString &id, const YAML::Node &folder, const QString &name, const YAML::Node &runtimes,
                        const YAML::Node &architectures, const QString &description, const QString &license);

} // namespace Nimbus::Aws
