#include "providerplugin.h"

#include "export/exportmodel.h"
#include "export/yaml.h"
#include "model/catalog.h"

#include <QCoreApplication>

#include <utility>

using namespace Qt::StringLiterals;

namespace Nimbus {

ProviderOption ProviderOption::containerImage(const QString &defaultValue)
{
    return {u"image"_s, QT_TRANSLATE_NOOP("Nimbus::ProviderPlugin", "Container image"),
            QT_TRANSLATE_NOOP("Nimbus::ProviderPlugin",
                              "The image of each function; {project} and {function} are replaced"),
            defaultValue, "Nimbus::ProviderPlugin"};
}

ProviderPlugin::ProviderPlugin(ProviderTarget target, Writer writer, QObject *parent)
    : QObject(parent), mTarget(std::move(target)), mWriter(writer)
{ }

QString ProviderPlugin::translated(const char *context, const char *text) const
{
    if (!text)
        return {};
    // metaObject() is the derived plugin's: its class is the context tr() gives its texts.
    return QCoreApplication::translate(context ? context : metaObject()->className(), text);
}

QString ProviderPlugin::targetDescription() const
{
    return translated(nullptr, mTarget.description);
}

QList<ExportOption> ProviderPlugin::exportOptions() const
{
    QList<ExportOption> options;
    for (const ProviderOption &o : mTarget.options)
        options.append({o.id, translated(o.context, o.label), translated(o.context, o.help), o.defaultValue});
    return options;
}

QString ProviderPlugin::option(const ExportInput &input, const QString &id) const
{
    for (const ProviderOption &o : mTarget.options)
        if (o.id == id)
            return input.option(id, o.defaultValue);
    return input.option(id);
}

QString ProviderPlugin::projectLabel(const ExportInput &input)
{
    return ExportModel::dnsLabel(input.projectName);
}

ExportOutput ProviderPlugin::exportProject(const ExportInput &input) const
{
    ExportOutput output;
    const ExportModel model(*input.architecture, *input.catalog, input.projectDirectory, input.pendingFiles);
    mWriter(*this, input, model, output);
    return output;
}

std::optional<QString> ProviderPlugin::scheduleCron(const ExportModel &model, const Node *schedule,
                                                    ExportOutput &output, CronFormat format)
{
    const Result<QString> cron = ExportModel::unixCron(model.string(schedule, "expression"));
    if (!cron) {
        output.add(Diagnostic::Severity::Error, u"export-schedule"_s,
                   (format == CronFormat::NCrontab ? tr("%1: the schedule cannot be written as NCRONTAB: %2")
                                                   : tr("%1: the schedule cannot be written as cron: %2"))
                       .arg(schedule->name, cron.errorMessage()),
                   schedule->id, u"expression"_s);
        return std::nullopt;
    }
    // NCRONTAB has a field for seconds first.
    return format == CronFormat::NCrontab ? u"0 "_s + *cron : *cron;
}

QStringList ProviderPlugin::canvasRuntimes()
{
    const NodeKind *function = Catalog::builtin().kind(u"function"_s);
    const PropertySpec *runtime = function ? function->property(u"runtime"_s) : nullptr;
    return runtime ? runtime->values : QStringList();
}

QStringList ProviderPlugin::interpretedRuntimes()
{
    QStringList runtimes = canvasRuntimes();
    runtimes.removeIf(
        [](const QString &runtime) { return !runtime.startsWith("nodejs"_L1) && !runtime.startsWith("python"_L1); });
    return runtimes;
}

YAML::Node ProviderPlugin::packagePatterns(const ExportModel &model)
{
    YAML::Node patterns(YAML::NodeType::Sequence);
    patterns.push_back(Yaml::string("!**"));
    for (const QString &source : model.sources())
        patterns.push_back(Yaml::string(source + "/**"_L1));
    YAML::Node package(YAML::NodeType::Map);
    package["patterns"] = patterns;
    return package;
}

YAML::Node ProviderPlugin::containerEnvironment(const ExportFunction &f, const SecretKeyOf &secretKeyOf)
{
    YAML::Node env(YAML::NodeType::Sequence);
    for (const EnvironmentVariable &var : f.environment) {
        YAML::Node e(YAML::NodeType::Map);
        e["name"] = Yaml::string(var.name);
        if (var.secret) {
            const SecretKey secret = secretKeyOf(var);
            YAML::Node key(YAML::NodeType::Map);
            key["name"] = Yaml::string(secret.name);
            key["key"] = Yaml::string(secret.key);
            YAML::Node from(YAML::NodeType::Map);
            from["secretKeyRef"] = key;
            e["valueFrom"] = from;
        } else {
            e["value"] = Yaml::string(var.value);
        }
        env.push_back(e);
    }
    YAML::Node handler(YAML::NodeType::Map);
    handler["name"] = Yaml::string("NIMBUS_HANDLER");
    handler["value"] = Yaml::string(f.handler);
    env.push_back(handler);
    return env;
}

void ProviderPlugin::reportServices(const ExportModel &model, ExportOutput &output,
                                    const std::function<QString(const Node *node)> &message)
{
    for (const char *kind : {"queue", "topic", "table", "bucket"})
        for (const Node *node : model.nodesOfKind(QLatin1String(kind)))
            output.add(Diagnostic::Severity::Info, u"export-service"_s, message(node), node->id);
}

void ProviderPlugin::reportSecrets(const ExportFunction &f, ExportOutput &output, const QString &code,
                                   const QString &text,
                                   const std::function<QString(const EnvironmentVariable &var)> &where)
{
    for (const EnvironmentVariable &var : f.environment)
        if (var.secret)
            output.add(Diagnostic::Severity::Info, code, text.arg(f.node->name, var.name, where(var)), f.node->id,
                       u"environment"_s);
}

void ProviderPlugin::reportUnsupportedTrigger(const Node *trigger, ExportOutput &output, const QString &text)
{
    output.add(Diagnostic::Severity::Warning, u"export-unsupported"_s, text.arg(trigger->name, trigger->kind),
               trigger->id);
}

YAML::Node ProviderPlugin::knativeServiceSpec(const ExportFunction &f, YAML::Node container, YAML::Node limits,
                                              const YAML::Node &podEntries, const char *maxScaleAnnotation)
{
    limits["memory"] = Yaml::string(u"%1Mi"_s.arg(f.memory));
    YAML::Node resources(YAML::NodeType::Map);
    resources["limits"] = limits;
    container["resources"] = resources;
    YAML::Node containers(YAML::NodeType::Sequence);
    containers.push_back(container);
    YAML::Node podSpec(YAML::NodeType::Map);
    podSpec["timeoutSeconds"] = Yaml::number(f.timeout);
    if (podEntries.IsMap())
        for (const auto &entry : podEntries)
            podSpec[entry.first] = entry.second;
    podSpec["containers"] = containers;
    YAML::Node templ(YAML::NodeType::Map);
    if (f.reservedConcurrency) {
        YAML::Node annotations(YAML::NodeType::Map);
        annotations[maxScaleAnnotation] = Yaml::string(QString::number(*f.reservedConcurrency));
        YAML::Node meta(YAML::NodeType::Map);
        meta["annotations"] = annotations;
        templ["metadata"] = meta;
    }
    templ["spec"] = podSpec;
    YAML::Node spec(YAML::NodeType::Map);
    spec["template"] = templ;
    return spec;
}

ImportingProviderPlugin::ImportingProviderPlugin(ProviderTarget target, Writer writer, ImportFormat format,
                                                 QObject *parent)
    : ProviderPlugin(std::move(target), writer, parent), mFormat(std::move(format))
{ }

QString ImportingProviderPlugin::formatName() const
{
    return translated(nullptr, mFormat.name);
}

int ImportingProviderPlugin::recognise(const QByteArray &content, const QString &fileName) const
{
    return mFormat.recognise ? mFormat.recognise(content, fileName) : 0;
}

bool ImportingProviderPlugin::importFile(const ImportInput &input, ImportResult *result) const
{
    const Result<YAML::Node> root = Yaml::load(input.content, input.fileName);
    const Result<void> read = root ? readDocument(*root, input, result) : Result<void>(root.error());
    if (!read)
        result->error = read.errorMessage();
    return bool(read);
}

} // namespace Nimbus
