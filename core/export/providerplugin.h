#pragma once

#include "export/provider.h"
#include "result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace YAML {
class Node;
}

namespace Nimbus {

class ExportModel;
struct EnvironmentVariable;
struct ExportFunction;

// One choice an export target offers. Label and help are source texts (QT_TR_NOOP):
// exportOptions() translates them when asked, so that they follow the language in use
// rather than the one at load time.
struct ProviderOption
{
    QString id;
    const char *label = nullptr;
    const char *help = nullptr;
    QString defaultValue;
    const char *context = nullptr; // where label and help are translated; the plugin's class when null

    // The "image" option of targets that run containers: a name in which {project}
    // and {function} are replaced (ExportOption::imageName).
    static ProviderOption containerImage(const QString &defaultValue);
};

// What an export target is, said once to ProviderPlugin and read back through the
// exporter and provider interfaces.
struct ProviderTarget
{
    QString id; // what --target takes: "terraform"
    QString name; // "Terraform (AWS)"; a product name, not translated
    const char *description = nullptr; // QT_TR_NOOP, translated in the plugin's context
    QString providerId; // whose platform: "aws"
    QString pricingCatalog; // resources/pricing/<id>.json; empty when none prices it
    ProviderLimits limits;
    QList<ProviderOption> options;
};

// The convenience base of a provider plugin, as Tiled's WritableMapFormat is of a map
// format: it answers the exporter and provider interfaces from a ProviderTarget, builds
// the ExportModel every export starts from, hands it to the target's Writer, and holds
// what several targets write the same way. A plugin derives from it, declares
// Q_PLUGIN_METADATA and a constructor that gives the target and its writer; one that
// also imports adds ImporterInterface to its own Q_INTERFACES.
class ProviderPlugin : public QObject, public ExporterInterface, public ProviderInterface
{
    Q_OBJECT
    Q_INTERFACES(Nimbus::ExporterInterface Nimbus::ProviderInterface)

public:
    // The export itself: adds files and diagnostics to output, reading the options
    // through plugin.option(). Pure, like exportProject. A function rather than a
    // virtual so that a plugin's class declares nothing but its constructor.
    using Writer = void (*)(const ProviderPlugin &plugin, const ExportInput &input, const ExportModel &model,
                            ExportOutput &output);

    QString targetId() const final { return mTarget.id; }
    QString targetName() const final { return mTarget.name; }
    QString targetDescription() const final;
    QList<ExportOption> exportOptions() const final;
    ExportOutput exportProject(const ExportInput &input) const final;

    QString providerId() const final { return mTarget.providerId; }
    ProviderLimits limits() const final { return mTarget.limits; }
    QString pricingCatalog() const final { return mTarget.pricingCatalog; }

    // The value the user gave an option, else the default it was declared with.
    QString option(const ExportInput &input, const QString &id) const;
    // The project's name as a DNS label ("Shop Front" -> "shop-front"): what a target
    // names the deployment by, and prefixes the names of its resources with.
    static QString projectLabel(const ExportInput &input);

    // How a target spells a cron schedule: 5-field Unix cron, or Azure's NCRONTAB
    // (the same with seconds first).
    enum class CronFormat { Unix, NCrontab };
    // A schedule trigger's expression in the target's cron; nullopt, after an error
    // diagnostic on the trigger's expression, when cron cannot say it (L, W, #, a year).
    static std::optional<QString> scheduleCron(const ExportModel &model, const Node *schedule, ExportOutput &output,
                                               CronFormat format = CronFormat::Unix);
    // Every runtime a function on the canvas can have: the limits of a target that runs them all.
    static QStringList canvasRuntimes();
    // Those of them a target that deploys Node.js and Python code (and no custom, Java or
    // .NET runtime) runs: the limits of Azure's, Scaleway's and OpenFaaS's exports.
    static QStringList interpretedRuntimes();
    // The package block of a serverless.yml: nothing but the functions' source folders,
    // so that a deploy uploads no other file of the project.
    static YAML::Node packagePatterns(const ExportModel &model);

    // Where a container reads a secret: a Kubernetes Secret's name, and the key in it.
    struct SecretKey
    {
        QString name;
        QString key;
    };
    using SecretKeyOf = std::function<SecretKey(const EnvironmentVariable &)>;
    // The env of a container that runs a function (Knative and Cloud Run Services): its
    // variables, a secret as a secretKeyRef to where secretKeyOf says, then
    // NIMBUS_HANDLER, the handler the container's runtime calls.
    static YAML::Node containerEnvironment(const ExportFunction &f, const SecretKeyOf &secretKeyOf);
    // An Info diagnostic on each queue, topic, table and bucket (in that order) of a target
    // that does not create them: message(node) says what to provision instead.
    static void reportServices(const ExportModel &model, ExportOutput &output,
                               const std::function<QString(const Node *node)> &message);
    // An Info diagnostic (code) on each secret variable of f, saying where the target
    // reads it: text, translated, with %1 the function, %2 the variable, %3 where(var).
    static void reportSecrets(const ExportFunction &f, ExportOutput &output, const QString &code, const QString &text,
                              const std::function<QString(const EnvironmentVariable &var)> &where);
    // A Warning (export-unsupported) on a trigger the target has no event for: text,
    // translated, with %1 the trigger's name and %2 its kind.
    static void reportUnsupportedTrigger(const Node *trigger, ExportOutput &output, const QString &text);
    // The spec of a Knative Serving Service (Knative, Cloud Run): a revision template whose
    // pod runs container with the function's memory limit (after what limits already
    // holds) and timeout, podEntries between the two, and at most reserved concurrency
    // instances, said by the maxScaleAnnotation of the platform.
    static YAML::Node knativeServiceSpec(const ExportFunction &f, YAML::Node container, YAML::Node limits,
                                         const YAML::Node &podEntries, const char *maxScaleAnnotation);

protected:
    ProviderPlugin(ProviderTarget target, Writer writer, QObject *parent = nullptr);

    // text (a source text) translated in context, else in the derived plugin's class.
    QString translated(const char *context, const char *text) const;

private:
    ProviderTarget mTarget;
    Writer mWriter;
};

// What a target reads back, said once to ImportingProviderPlugin as ProviderTarget says
// what it writes.
struct ImportFormat
{
    const char *name = nullptr; // QT_TR_NOOP, translated in the plugin's context
    QStringList fileNameFilters; // "*.yaml", ...
    // How sure the importer is that it reads this file: 0 (not at all) to 100.
    int (*recognise)(const QByteArray &content, const QString &fileName) = nullptr;
};

// The convenience base of a provider plugin that also imports the YAML (or JSON) files
// its target writes: it answers the importer interface from an ImportFormat, with the
// target's id as the importer's, and parses the file; the plugin reads the document in
// readDocument().
class ImportingProviderPlugin : public ProviderPlugin, public ImporterInterface
{
    Q_OBJECT
    Q_INTERFACES(Nimbus::ImporterInterface)

public:
    QString importerId() const final { return targetId(); }
    QString formatName() const final;
    QStringList fileNameFilters() const final { return mFormat.fileNameFilters; }
    int recognise(const QByteArray &content, const QString &fileName) const final;
    // Parses input (Yaml::load) and has readDocument() read it; false, with result's
    // error saying why, when the file does not parse or readDocument() refuses it.
    bool importFile(const ImportInput &input, ImportResult *result) const final;

protected:
    ImportingProviderPlugin(ProviderTarget target, Writer writer, ImportFormat format, QObject *parent = nullptr);

    // Reads the parsed file (root, of any YAML type) into result; an error, which names
    // input's file, when it is not a file of this format.
    virtual Result<void> readDocument(const YAML::Node &root, const ImportInput &input, ImportResult *result) const = 0;

private:
    ImportFormat mFormat;
};

} // namespace Nimbus
