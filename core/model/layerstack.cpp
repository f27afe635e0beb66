#include "layerstack.h"

#include "architecture.h"
#include "catalog.h"
#include "kinds.h"
#include "paths.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

QList<const Node *> LayerStack::of(const Architecture &architecture, NodeId function)
{
    // Edge ids grow as connections are made: their order is the order of connection.
    QList<EdgeId> edges = architecture.incomingEdges(function);
    std::sort(edges.begin(), edges.end());
    QList<const Node *> layers;
    for (EdgeId id : std::as_const(edges)) {
        const Edge *edge = architecture.edge(id);
        if (!edge || edge->type != kEdgeType)
            continue;
        const Node *layer = architecture.node(edge->from);
        if (layer && layer->kind == Kinds::Layer && !layers.contains(layer))
            layers.append(layer);
    }
    return layers;
}

QList<const Node *> LayerStack::functionsOf(const Architecture &architecture, NodeId layer)
{
    QList<const Node *> functions;
    for (EdgeId id : architecture.outgoingEdges(layer)) {
        const Edge *edge = architecture.edge(id);
        const Node *function = edge && edge->type == kEdgeType ? architecture.node(edge->to) : nullptr;
        if (function && !functions.contains(function))
            functions.append(function);
    }
    std::sort(functions.begin(), functions.end(), [](const Node *a, const Node *b) { return a->name < b->name; });
    return functions;
}

QString LayerStack::folder(const Catalog &catalog, const Node &layer)
{
    if (const QJsonValue value = layer.properties.value("folder"_L1); value.isString())
        return value.toString();
    const NodeKind *kind = catalog.kind(layer.kind);
    return kind ? kind->defaultProperties(layer.name).value("folder"_L1).toString() : QString();
}

QStringList LayerStack::compatibleRuntimes(const Node &layer)
{
    QStringList runtimes;
    static const QRegularExpression separator(u"[,\\s]+"_s);
    for (const QString &runtime :
         layer.properties.value("compatibleRuntimes"_L1).toString().split(separator, Qt::SkipEmptyParts))
        if (!runtimes.contains(runtime))
            runtimes.append(runtime);
    return runtimes;
}

QString LayerStack::compatibleArchitecture(const Node &layer)
{
    const QString architecture = layer.properties.value("compatibleArchitectures"_L1).toString();
    return architecture == "x86_64"_L1 || architecture == "arm64"_L1 ? architecture : QString();
}

QList<Diagnostic> LayerStack::problems(const Catalog &catalog, const Architecture &architecture,
                                       const QString &directory)
{
    QList<Diagnostic> out;
    auto describe = [&](const Node &node) {
        const NodeKind *kind = catalog.kind(node.kind);
        return u"%1 '%2'"_s.arg(kind ? Catalog::text(kind->name).toLower() : node.kind, node.name);
    };
    for (const auto &[id, node] : architecture.nodes()) {
        if (node.kind == Kinds::Layer) {
            const QString folder = LayerStack::folder(catalog, node);
            QString problem = Paths::confinementProblem(folder);
            if (problem.isEmpty())
                problem = Paths::searchPathProblem(folder);
            if (problem.isEmpty() && !directory.isEmpty())
                problem = Paths::resolveUnder(directory, folder).errorMessage();
            if (!problem.isEmpty()) {
                out.append({Diagnostic::Severity::Error,
                            u"unsafe-path"_s,
                            tr("%1: the folder '%2' is refused: %3").arg(describe(node), folder, problem),
                            {node.id},
                            kInvalidEdgeId,
                            u"folder"_s});
            } else if (!directory.isEmpty() && !QFileInfo(QDir(directory).filePath(folder)).isDir()) {
                out.append({Diagnostic::Severity::Error,
                            u"layer-folder-missing"_s,
                            tr("%1: the folder '%2' does not exist").arg(describe(node), folder),
                            {node.id},
                            kInvalidEdgeId,
                            u"folder"_s});
            }
            continue;
        }
        const NodeKind *kind = catalog.kind(node.kind);
        if (!kind || !kind->code.isValid())
            continue;
        const QList<const Node *> layers = of(architecture, node.id);
        if (layers.size() > kMaxLayers)
            out.append({Diagnostic::Severity::Error,
                        u"too-many-layers"_s,
                        tr("%1 has %2 layers; Lambda allows at most %3 per function")
                            .arg(describe(node))
                            .arg(layers.size())
                            .arg(kMaxLayers),
                        {node.id},
                        kInvalidEdgeId,
                        {}});
        const QJsonObject defaults = kind->defaultProperties(node.name);
        const QJsonObject &properties = node.properties; // a lambda cannot capture a structured binding in C++17
        auto value = [&](const QString &key) {
            return properties.contains(key) ? properties.value(key).toString() : defaults.value(key).toString();
        };
        const QString runtime = value(kind->code.runtimeProperty);
        const QString architectureOfFunction = value(u"architecture"_s);
        for (const Node *layer : layers) {
            const QStringList runtimes = compatibleRuntimes(*layer);
            if (!runtimes.isEmpty() && !runtimes.contains(runtime))
                out.append({Diagnostic::Severity::Warning,
                            u"layer-runtime"_s,
                            tr("%1 runs on %2, but its %3 is built for %4 only")
                                .arg(describe(node), runtime, describe(*layer), runtimes.join(", "_L1)),
                            {node.id, layer->id},
                            kInvalidEdgeId,
                            {}});
            const QString layerArchitecture = compatibleArchitecture(*layer);
            if (!layerArchitecture.isEmpty() && !architectureOfFunction.isEmpty()
                && layerArchitecture != architectureOfFunction)
                out.append({Diagnostic::Severity::Warning,
                            u"layer-architecture"_s,
                            tr("%1 runs on %2, but its %3 is built for %4 only")
                                .arg(describe(node), architectureOfFunction, describe(*layer), layerArchitecture),
                            {node.id, layer->id},
                            kInvalidEdgeId,
                            {}});
        }
    }
    return out;
}

} // namespace Nimbus
