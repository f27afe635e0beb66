#include "awslayers.h"

#include "export/provider.h"
#include "model/kinds.h"
#include "model/layerstack.h"
#include "paths.h"

#include <QDir>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus::Aws {

QList<ExportLayer> exportLayers(const ExportModel &model)
{
    QList<ExportLayer> layers;
    for (const Node *node : model.nodesOfKind(Kinds::Layer)) {
        ExportLayer layer;
        layer.node = node;
        layer.folder = QDir::cleanPath(model.string(node, "folder", u"layers/"_s + node->name));
        layer.name = model.string(node, "layerName", node->name);
        if (layer.name.isEmpty() || layer.name.contains("${"_L1))
            layer.name = node->name;
        layer.runtimes = LayerStack::compatibleRuntimes(*node);
        layer.architecture = LayerStack::compatibleArchitecture(*node);
        layer.description = model.string(node, "description");
        layer.license = model.string(node, "license");
        layers.append(layer);
    }
    return layers;
}

QList<const Node *> layersOf(const ExportModel &model, const ExportFunction &function)
{
    return LayerStack::of(model.architecture(), function.node->id);
}

void copyLayers(const ExportModel &model, ExportOutput &output, const QString &projectDirectory)
{
    const QDir project(projectDirectory);
    for (const ExportLayer &layer : exportLayers(model))
        output.copyWithDependencies(layer.folder, project.filePath(layer.folder));
}

ImportedLayer readLayer(const QString &id, const YAML::Node &folder, const QString &name, const YAML::Node &runtimes,
                        const YAML::Node &architectures, const QString &description, const QString &license)
{
    ImportedLayer layer;
    QString path = folder.IsScalar() ? QString::fromStdString(folder.Scalar()) : QString();
    // A plain or quoted string (not an intrinsic function, an S3 location or a mapping).
    const bool local = folder.IsScalar() && (folder.Tag() == "?" || folder.Tag() == "!" || folder.Tag().empty())
                       && !path.isEmpty() && !path.startsWith("s3://"_L1);
    if (local) {
        // A template's layer folder stays beside it: one that leads out would be read,
        // copied and packaged from anywhere on the user's machine.
        if (const QString problem = Paths::confinementProblem(path); !problem.isEmpty()) {
            layer.error = QCoreApplication::translate("Nimbus::Aws", "%1: the layer folder '%2' is refused: %3")
                              .arg(id, path, problem);
            return layer;
        }
        path = QDir::cleanPath(path);
    } else {
        path = u"layers/"_s + id;
        layer.remote = true;
    }
    layer.properties.insert(u"folder"_s, path);
    if (!name.isEmpty())
        layer.properties.insert(u"layerName"_s, name);
    QStringList compatible;
    for (std::size_t i = 0; runtimes.IsSequence() && i < runtimes.size(); ++i)
        if (runtimes[i].IsScalar())
            compatible.append(QString::fromStdString(runtimes[i].Scalar()));
    layer.properties.insert(u"compatibleRuntimes"_s, compatible.join(", "_L1));
    QStringList instructionSets;
    for (std::size_t i = 0; architectures.IsSequence() && i < architectures.size(); ++i)
        if (architectures[i].IsScalar())
            instructionSets.append(QString::fromStdString(architectures[i].Scalar()));
    layer.properties.insert(u"compatibleArchitectures"_s,
                            instructionSets.size() == 1
                                    && (instructionSets.first() == "x86_64"_L1 || instructionSets.first() == "arm64"_L1)
                                ? instructionSets.first()
                                : u"any"_s);
    if (!description.isEmpty())
        layer.properties.insert(u"description"_s, description);
    if (!license.isEmpty())
        layer.properties.insert(u"license"_s, license);
    return layer;
}

} // namespace Nimbus::Aws
