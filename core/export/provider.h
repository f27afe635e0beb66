#pragma once

#include "model/architecture.h"
#include "model/diagnostic.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QtPlugin>

#include <map>

namespace Nimbus {

class Catalog;

// What a provider plugin offers, as the interfaces below. A plugin implements the ones
// it supports; the registry asks for each with qobject_cast.

// One choice an exporter offers besides the output folder (a container image name).
struct ExportOption
{
    QString id;
    QString label;
    QString help;
    QString defaultValue;

    // A container image's name from the "image" option's pattern (see
    // ProviderOption::containerImage): {project} and {function} replaced.
    static QString imageName(const QString &pattern, const QString &project, const QString &function);
};

// One file of an export: written from content, or copied from copyFrom (a file or a
// folder, absolute) when content is null.
struct ExportFile
{
    QString path; // relative to the output folder, with '/'
    QByteArray content;
    QString copyFrom;
    // A copied folder whose node_modules is content, not a build's leftover (a layer's).
    bool withDependencies = false;

    bool isCopy() const { return !copyFrom.isEmpty(); }
};

struct ExportOutput
{
    QList<ExportFile> files;
    QList<Diagnostic> diagnostics;

    void add(Diagnostic::Severity severity, const QString &code, const QString &message, NodeId node = kInvalidNodeId,
             const QString &property = {});
    void addFile(const QString &path, const QByteArray &content) { files.append({path, content, {}}); }
    void copy(const QString &path, const QString &from) { files.append({path, {}, from}); }
    // Copies a folder with its node_modules (a layer's nodejs/node_modules is what it ships).
    void copyWithDependencies(const QString &path, const QString &from) { files.append({path, {}, from, true}); }
    const ExportFile *file(const QString &path) const;
};

// What an exporter reads: the design, where its code lives, the options, and - when
// the project was imported from this target - what it was imported from.
struct ExportInput
{
    const Architecture *architecture = nullptr;
    const Catalog *catalog = nullptr;
    QString projectDirectory; // source folders are relative to it
    QString projectName; // file name without extension, for stack and app names
    QMap<QString, QString> options;
    QJsonObject origin; // as ImportResult::origin, or empty
    // Files of the project changed in memory and not saved yet (a state machine's
    // definition an import made), by path relative to projectDirectory: read before disk.
    QHash<QString, QByteArray> pendingFiles;

    QString option(const QString &id, const QString &fallback = {}) const { return options.value(id, fallback); }
};

class ExporterInterface
{
public:
    virtual ~ExporterInterface() = default;

    virtual QString targetId() const = 0; // "sam"; what --target takes
    virtual QString targetName() const = 0; // "AWS SAM"
    virtual QString targetDescription() const = 0;
    virtual QList<ExportOption> exportOptions() const { return {}; }
    // Pure: reads input, returns files and diagnostics, writes nothing.
    virtual ExportOutput exportProject(const ExportInput &input) const = 0;
};

struct ImportInput
{
    QByteArray content;
    QString fileName; // for messages
    QString fileDirectory; // code paths in the file are relative to it
    const Catalog *catalog = nullptr;
};

struct ImportResult
{
    std::map<NodeId, Node> nodes;
    std::map<EdgeId, Edge> edges;
    // What export to the same target needs to write back what the canvas does not
    // show; kept in the project under the target's id.
    QJsonObject origin;
    // Files the import makes in the project (a state machine's definition), by path
    // relative to the project's folder; the project writes them when it is saved.
    QMap<QString, QByteArray> files;
    QList<Diagnostic> diagnostics; // what was kept without being shown, or approximated
    QString error; // "file:line:column: message" when it failed

    // Adds a diagnostic of the import (code "import").
    void note(Diagnostic::Severity severity, const QString &message);
};

class ImporterInterface
{
public:
    virtual ~ImporterInterface() = default;

    virtual QString importerId() const = 0; // the export target that writes this format back
    virtual QString formatName() const = 0;
    virtual QStringList fileNameFilters() const = 0; // "*.yaml", ...
    // How sure the importer is that it reads this file: 0 (not at all) to 100.
    virtual int recognise(const QByteArray &content, const QString &fileName) const = 0;
    virtual bool importFile(const ImportInput &input, ImportResult *result) const = 0;
};

// What a platform accepts; the export checks every function against it.
struct ProviderLimits
{
    int minMemory = 128; // MB
    int maxMemory = 10240;
    int maxTimeout = 900; // seconds
    QStringList runtimes; // canvas runtimes the target can run
};

class ProviderInterface
{
public:
    virtual ~ProviderInterface() = default;

    virtual QString providerId() const = 0; // "aws"
    virtual ProviderLimits limits() const = 0;
    // The pricing catalog (resources/pricing/<id>.json) that prices this target: the
    // cost comparison's hook into the plugin.
    virtual QString pricingCatalog() const = 0;
};

} // namespace Nimbus

#define NimbusExporter_iid "org.nimbusstudio.Exporter/1.0"
#define NimbusImporter_iid "org.nimbusstudio.Importer/1.0"
#define NimbusProvider_iid "org.nimbusstudio.Provider/1.0"
// The IID every provider plugin declares in Q_PLUGIN_METADATA.
#define NimbusPlugin_iid "org.nimbusstudio.ProviderPlugin/1"

Q_DECLARE_INTERFACE(Nimbus::ExporterInterface, NimbusExporter_iid)
Q_DECLARE_INTERFACE(Nimbus::ImporterInterface, NimbusImporter_iid)
Q_DECLARE_INTERFACE(Nimbus::ProviderInterface, NimbusProvider_iid)
