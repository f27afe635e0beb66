// `nimbus export` and `nimbus import`: manifests for a platform, and templates into projects.

#include "commandline.h"

#include "document/project.h"
#include "export/exportjob.h"
#include "export/pluginregistry.h"
#include "model/catalog.h"
#include "storage/projectfile.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
void printDiagnostics(QTextStream &err, const QString &command, const QList<Diagnostic> &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        err << "nimbus " << command << ": " << Diagnostic::severityName(d.severity) << ": " << d.message << '\n';
}
} // namespace

int CommandLine::exportProject(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"PROJECT"_s, tr("A .nimbus or .json project."));
    const QCommandLineOption target(QStringList{u"t"_s, u"target"_s}, tr("The platform: see --list-targets."),
                                    u"TARGET"_s);
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s},
                                    tr("The folder to write (missing, empty or an earlier export)."), u"DIR"_s);
    const QCommandLineOption option(u"option"_s, tr("An export option as key=value; repeatable."), u"KEY=VALUE"_s);
    const QCommandLineOption list(u"list-targets"_s, tr("List the targets and their options."));
    parser.addOptions({target, output, option, list});
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Writes the deployment files of a project for a platform, with the function "
               "code in the layout it expects. What the platform cannot express is reported; "
               "exits with 1 when a report is an error (the files are written all the same)."),
            -1))
        return *stop;

    const PluginRegistry &registry = PluginRegistry::instance();
    if (parser.isSet(list)) {
        for (const ExporterInterface *exporter : registry.exporters()) {
            mOut << exporter->targetId().leftJustified(11) << exporter->targetName() << " - "
                 << exporter->targetDescription() << '\n';
            for (const ExportOption &o : exporter->exportOptions())
                mOut << "           --option " << o.id << '=' << (o.defaultValue.isEmpty() ? u"..."_s : o.defaultValue)
                     << "  " << o.label << '\n';
        }
        for (const PluginInfo &info : registry.plugins())
            if (!info.loaded)
                mErr << "nimbus export: " << tr("the plugin %1 did not load: %2").arg(info.fileName, info.error)
                     << '\n';
        return Success;
    }
    if (parser.positionalArguments().size() != 1 || !parser.isSet(target) || !parser.isSet(output)) {
        mErr << "nimbus export: " << tr("give PROJECT, --target and --output; see --help") << '\n';
        return UsageError;
    }
    const ExporterInterface *exporter = registry.exporter(parser.value(target));
    if (!exporter) {
        QStringList known;
        for (const ExporterInterface *e : registry.exporters())
            known.append(e->targetId());
        mErr << "nimbus export: "
             << tr("unknown target '%1'; the targets are: %2").arg(parser.value(target), known.join(", "_L1)) << '\n';
        return UsageError;
    }
    QMap<QString, QString> options;
    const QList<ExportOption> declared = exporter->exportOptions();
    for (const ExportOption &o : declared)
        options.insert(o.id, o.defaultValue);
    for (const QString &setting : parser.values(option)) {
        const int equals = setting.indexOf('='_L1);
        const QString key = setting.left(equals);
        const bool known = std::any_of(declared.cbegin(), declared.cend(),
                                       [&](const ExportOption &o) { return o.id == key; });
        if (equals <= 0 || !known) {
            mErr << "nimbus export: "
                 << tr("'%1' is not an option of %2 (key=value)").arg(setting, exporter->targetId()) << '\n';
            return UsageError;
        }
        options.insert(key, setting.mid(equals + 1));
    }

    Project project(Catalog::builtin());
    if (!open(parser.positionalArguments().first(), project))
        return InputError;
    const ExportOutput result = ExportJob::prepare(*exporter, registry.provider(exporter->targetId()),
                                                   ExportJob::input(project, exporter->targetId(), options));
    printDiagnostics(mErr, u"export"_s, result.diagnostics);
    if (const Result<void> written = ExportJob::write(result, parser.value(output), exporter->targetId()); !written) {
        mErr << "nimbus export: " << written.errorMessage() << '\n';
        return OutputError;
    }
    for (const ExportFile &file : result.files)
        mOut << QDir(parser.value(output)).filePath(file.path) << (file.isCopy() ? u"/"_s : QString()) << '\n';
    return hasErrors(result.diagnostics) ? ValidationErrors : Success;
}

int CommandLine::importProject(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"FILE"_s, tr("A SAM or CloudFormation template, or a serverless.yml."));
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s}, tr("The project to write (.nimbus or .json)."),
                                    u"PROJECT"_s);
    const QCommandLineOption format(u"from"_s,
                                    tr("Read FILE as this format (sam, serverless) instead "
                                       "of recognising it."),
                                    u"FORMAT"_s);
    const QCommandLineOption force(QStringList{u"f"_s, u"force"_s}, tr("Replace PROJECT if it exists."));
    parser.addOptions({output, format, force});
    if (const std::optional<int> stop = parseCommand(
            parser, arguments,
            tr("Makes a project of a template: functions, events, tables, queues, buckets, "
               "topics and schedules, laid out automatically. What the canvas does not show "
               "is kept and written back by an export to the same target. Code folders are "
               "copied beside PROJECT."),
            1))
        return *stop;
    if (!parser.isSet(output)) {
        mErr << "nimbus import: " << tr("give the project to write with --output") << '\n';
        return UsageError;
    }
    const QString path = parser.value(output);
    if (QFileInfo::exists(path) && !parser.isSet(force)) {
        mErr << "nimbus import: " << tr("%1 exists; use --force to replace it").arg(path) << '\n';
        return OutputError;
    }
    Project project(Catalog::builtin());
    const Result<QList<Diagnostic>> imported = ExportJob::import(
        parser.positionalArguments().first(), PluginRegistry::instance(), project, parser.value(format));
    if (!imported) {
        mErr << "nimbus import: " << imported.errorMessage() << '\n';
        return InputError;
    }
    printDiagnostics(mErr, u"import"_s, *imported);
    ProjectFile file;
    if (const Result<void> saved = file.save(project, path); !saved) {
        mErr << "nimbus import: " << saved.errorMessage() << '\n';
        return OutputError;
    }
    for (const QString &warning : file.warnings())
        mErr << "nimbus import: " << Diagnostic::severityName(Diagnostic::Severity::Warning) << ": " << warning << '\n';
    mOut << tr("%1: %n node(s)", nullptr, project.architecture().nodeCount()).arg(path) << '\n';
    return Success;
}

} // namespace Nimbus
