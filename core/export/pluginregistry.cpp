#include "pluginregistry.h"

#include "paths.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLibrary>
#include <QPluginLoader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

PluginRegistry::PluginRegistry(const QString &directory)
    : mDirectory(directory.isEmpty() ? Paths::pluginDirectory() : directory)
{
    const QDir dir(mDirectory);
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString path = dir.filePath(file);
        if (!QLibrary::isLibrary(path))
            continue;
        PluginInfo info;
        info.fileName = path;
        auto *loader = new QPluginLoader(path);
        const QJsonObject meta = loader->metaData();
        const QJsonObject data = meta.value("MetaData"_L1).toObject();
        info.id = data.value("id"_L1).toString();
        info.name = data.value("name"_L1).toString(QFileInfo(path).baseName());
        info.version = data.value("version"_L1).toString();
        info.description = data.value("description"_L1).toString();
        for (const QJsonValue &target : data.value("targets"_L1).toArray())
            info.targets.append(target.toString());

        if (meta.isEmpty()) {
            info.error = tr("not a Qt plugin, or built with another Qt: %1").arg(loader->errorString());
        } else if (meta.value("IID"_L1).toString() != QLatin1String(NimbusPlugin_iid)) {
            info.error = tr("declares the interface %1; this studio loads %2")
                             .arg(meta.value("IID"_L1).toString(), QLatin1String(NimbusPlugin_iid));
        } else if (info.id.isEmpty()) {
            info.error = tr("its plugin.json has no \"id\"");
        } else if (!loader->load()) {
            info.error = loader->errorString();
        } else if (QObject *object = loader->instance(); !object) {
            info.error = loader->errorString();
        } else if (!qobject_cast<ExporterInterface *>(object) && !qobject_cast<ImporterInterface *>(object)) {
            info.error = tr("implements neither the exporter (%1) nor the importer (%2) interface")
                             .arg(QLatin1String(NimbusExporter_iid), QLatin1String(NimbusImporter_iid));
            loader->unload();
        } else {
            info.loaded = true;
            info.instance = object;
        }
        mPlugins.append(info);
        mLoaders.append(loader);
    }
}

PluginRegistry::~PluginRegistry()
{
    // Plugins stay loaded until the program ends: objects they made may still be in use.
    qDeleteAll(mLoaders);
}

namespace {

// The plugins' instances that implement Interface, in load order.
template<class Interface>
QList<Interface *> implementing(const QList<PluginInfo> &plugins)
{
    QList<Interface *> result;
    for (const PluginInfo &info : plugins)
        if (auto *instance = qobject_cast<Interface *>(info.instance))
            result.append(instance);
    return result;
}

// The first of list whose idOf is id; null when none.
template<class Interface, class IdOf>
Interface *withId(const QList<Interface *> &list, const QString &id, IdOf idOf)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), [&](Interface *i) { return idOf(i) == id; });
    return it == list.cend() ? nullptr : *it;
}

} // namespace

QList<ExporterInterface *> PluginRegistry::exporters() const
{
    QList<ExporterInterface *> result = implementing<ExporterInterface>(mPlugins);
    std::sort(result.begin(), result.end(),
              [](const ExporterInterface *a, const ExporterInterface *b) { return a->targetId() < b->targetId(); });
    return result;
}

ExporterInterface *PluginRegistry::exporter(const QString &targetId) const
{
    return withId(exporters(), targetId, [](const ExporterInterface *e) { return e->targetId(); });
}

QList<ImporterInterface *> PluginRegistry::importers() const
{
    return implementing<ImporterInterface>(mPlugins);
}

ImporterInterface *PluginRegistry::importer(const QString &id) const
{
    return withId(importers(), id, [](const ImporterInterface *i) { return i->importerId(); });
}

ImporterInterface *PluginRegistry::importerFor(const QByteArray &content, const QString &fileName) const
{
    ImporterInterface *best = nullptr;
    int bestScore = 0;
    for (ImporterInterface *importer : importers()) {
        const int score = importer->recognise(content, fileName);
        if (score > bestScore) {
            best = importer;
            bestScore = score;
        }
    }
    return best;
}

ProviderInterface *PluginRegistry::provider(const QString &targetId) const
{
    for (const PluginInfo &info : mPlugins) {
        auto *exporter = qobject_cast<ExporterInterface *>(info.instance);
        if (exporter && exporter->targetId() == targetId)
            return qobject_cast<ProviderInterface *>(info.instance);
    }
    return nullptr;
}

PluginRegistry &PluginRegistry::instance()
{
    static PluginRegistry registry;
    return registry;
}

} // namespace Nimbus
