#include "functionspec.h"

#include "paths.h"

#include "document/project.h"
#include "model/catalog.h"
#include "model/layerstack.h"

#include <algorithm>
#include <iterator>

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Nimbus {

bool FunctionSpec::isSecretName(const QString &name)
{
    static const QLatin1String kSecretWords[] = {
        "SECRET"_L1,  "TOKEN"_L1,  "PASSWORD"_L1,    "PASSWD"_L1,     "PASSPHRASE"_L1,
        "API_KEY"_L1, "APIKEY"_L1, "PRIVATE_KEY"_L1, "CREDENTIAL"_L1,
    };
    return std::any_of(std::begin(kSecretWords), std::end(kSecretWords),
                       [&name](QLatin1String word) { return name.contains(word, Qt::CaseInsensitive); });
}

QStringList FunctionSpec::secretValues() const
{
    constexpr qsizetype kShortest = 4;
    QStringList values;
    for (const auto &[name, value] : environment)
        if (value.size() >= kShortest && isSecretName(name) && !values.contains(value))
            values.append(value);
    // A secret that contains another is hidden whole, not in part.
    std::sort(values.begin(), values.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return values;
}

QString FunctionSpec::folderProblem() const
{
    if (confinement.isEmpty())
        return {};
    if (!Paths::staysUnder(confinement, sourceDirectory))
        return tr("%1: the source folder %2 is refused: the path leads out of its folder through a symbolic link")
            .arg(name, sourceDirectory);
    for (const QString &layer : layers) {
        if (!Paths::staysUnder(confinement, layer))
            return tr("%1: the layer folder %2 is refused: the path leads out of its folder through a symbolic link")
                .arg(name, layer);
    }
    return {};
}

Result<FunctionSpec> FunctionSpec::fromNode(const Project &project, NodeId id)
{
    const Node *node = project.architecture().node(id);
    const NodeKind *kind = node ? project.catalog().kind(node->kind) : nullptr;
    if (!kind || !kind->code.isValid())
        return fail(tr("'%1' is not a function").arg(node ? node->name : QString()));
    FunctionSpec spec;
    const QJsonObject defaults = kind->defaultProperties(node->name);
    auto value = [&](const QString &key) {
        return node->properties.contains(key) ? node->properties.value(key) : defaults.value(key);
    };
    spec.name = node->name;
    spec.runtime = value(kind->code.runtimeProperty).toString();
    spec.handler = value(kind->code.handlerProperty).toString();
    const QString source = value(kind->code.sourceProperty).toString();
    const QString base = project.directory().isEmpty() ? QDir::currentPath() : project.directory();
    // A project from someone else must not run code from outside its folder.
    const Result<QString> sourceDirectory = Paths::resolveUnder(base, source);
    if (!sourceDirectory)
        return fail(
            tr("%1: the source folder '%2' is refused: %3").arg(node->name, source, sourceDirectory.errorMessage()));
    if (const QString problem = Paths::searchPathProblem(source); !problem.isEmpty())
        return fail(tr("%1: the source folder '%2' is refused: %3").arg(node->name, source, problem));
    spec.sourceDirectory = QDir::cleanPath(*sourceDirectory);
    spec.confinement = base;
    spec.memoryMB = value(u"memory"_s).toInt(128);
    spec.timeoutSeconds = value(u"timeout"_s).toInt(3);
    const QJsonValue reserved = value(u"reservedConcurrency"_s);
    spec.reservedConcurrency = reserved.isDouble() ? reserved.toInt() : -1;
    spec.logFormat = value(u"logFormat"_s).toString(u"Text"_s);
    spec.applicationLogLevel = value(u"applicationLogLevel"_s).toString(u"INFO"_s);
    spec.systemLogLevel = value(u"systemLogLevel"_s).toString(u"INFO"_s);
    for (const Node *layer : LayerStack::of(project.architecture(), id)) {
        const QString folder = LayerStack::folder(project.catalog(), *layer);
        // A layer's folder is confined to the project's folder as a source folder is.
        const Result<QString> layerDirectory = Paths::resolveUnder(base, folder);
        if (!layerDirectory)
            return fail(tr("%1: the folder '%2' of its layer '%3' is refused: %4")
                            .arg(node->name, folder, layer->name, layerDirectory.errorMessage()));
        if (const QString problem = Paths::searchPathProblem(folder); !problem.isEmpty())
            return fail(tr("%1: the folder '%2' of its layer '%3' is refused: %4")
                            .arg(node->name, folder, layer->name, problem));
        spec.layers.append(QDir::cleanPath(*layerDirectory));
    }
    spec.environment.clear();
    for (const QJsonValue &v : value(u"environment"_s).toArray())
        spec.environment.append({v["name"_L1].toString(), v["value"_L1].toString()});
    return spec;
}

} // namespace Nimbus
