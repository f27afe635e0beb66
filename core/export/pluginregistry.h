#pragma once

#include "provider.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QPluginLoader;

namespace Nimbus {

// One file of the plugin folder: what its plugin.json says and whether it loaded.
struct PluginInfo
{
    QString fileName;
    QString id;
    QString name;
    QString version;
    QString description;
    QStringList targets;
    bool loaded = false;
    QString error; // why it did not load
    QObject *instance = nullptr;
};

// Finds the provider plugins (lib/nimbus-studio/plugins, in the build tree as once
// installed) and hands out their exporters, importers and provider data.
class PluginRegistry
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::PluginRegistry)

public:
    // Loads every plugin of directory (Paths::pluginDirectory() when empty).
    explicit PluginRegistry(const QString &directory = {});
    ~PluginRegistry();
    PluginRegistry(const PluginRegistry &) = delete;
    PluginRegistry &operator=(const PluginRegistry &) = delete;

    QString directory() const { return mDirectory; }
    const QList<PluginInfo> &plugins() const { return mPlugins; }

    // Export targets in a stable order (by id).
    QList<ExporterInterface *> exporters() const;
    ExporterInterface *exporter(const QString &targetId) const;
    QList<ImporterInterface *> importers() const;
    ImporterInterface *importer(const QString &id) const;
    // The importer most sure to read this file, or null.
    ImporterInterface *importerFor(const QByteArray &content, const QString &fileName) const;
    // The provider data of the plugin that exports targetId, or null.
    ProviderInterface *provider(const QString &targetId) const;

    // The registry of the running program, loaded on first use.
    static PluginRegistry &instance();

private:
    QString mDirectory;
    QList<PluginInfo> mPlugins;
    QList<QPluginLoader *> mLoaders;
};

} // namespace Nimbus
