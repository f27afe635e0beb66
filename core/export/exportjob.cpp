#include "exportjob.h"

#include "document/project.h"
#include "exportmodel.h"
#include "model/catalog.h"
#include "model/validator.h"
#include "paths.h"
#include "pluginregistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtConcurrent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

// Folders a build or an editor puts beside code; never part of an export.
bool skipped(const QString &name)
{
    return name == "node_modules"_L1 || name == "__pycache__"_L1 || name == ".git"_L1 || name.startsWith(".nimbus"_L1);
}

// The same, for a folder whose node_modules is its content (a layer's).
bool skippedWithDependencies(const QString &name)
{
    return name != "node_modules"_L1 && skipped(name);
}

// One file of an export as written: from content, or copied from a file (a copied
// folder is expanded to its files, so that progress counts files).
struct StagedFile
{
    QString path;
    const QByteArray *content = nullptr;
    QString from;
};

// The destination is missing or a folder; its parent exists.
Result<void> checkDestination(const QString &target)
{
    const QFileInfo info(target);
    if (info.exists() && !info.isDir())
        return fail(ExportJob::tr("%1 is a file, not a folder").arg(target));
    const QString parent = info.absolutePath();
    if (!QDir().mkpath(parent))
        return fail(ExportJob::tr("cannot create the folder %1").arg(parent));
    return {};
}

// Why a folder is refused when its plan was not agreed to.
Error refusal(const ExportPlan &plan, const QString &target)
{
    if (plan.foreignFolder)
        return Error{
            ExportJob::tr("%1 is not empty and was not written by an export; choose an empty folder").arg(target)};
    if (!plan.replaced.isEmpty())
        return Error{ExportJob::tr("%1: the export would replace files it did not write: %2; choose another folder")
                         .arg(target, plan.replaced.join(", "_L1))};
    return Error{ExportJob::tr("%1 holds the export for %2; choose another folder")
                     .arg(target, plan.otherTargets.join(", "_L1))};
}

Result<QList<StagedFile>> listFiles(const ExportOutput &output)
{
    QList<StagedFile> files;
    for (const ExportFile &file : output.files) {
        // Checked again here, whoever made the output: nothing lands outside the
        // folder, and no link is followed.
        const QString problem = Paths::confinementProblem(file.path);
        if (!problem.isEmpty())
            return fail(ExportJob::tr("%1: not written: %2").arg(file.path, problem));
        const QFileInfo from(file.copyFrom);
        if (!file.isCopy()) {
            files.append({file.path, &file.content, {}});
        } else if (from.isSymLink()) {
            return fail(ExportJob::tr("cannot copy %1: it is a symbolic link, which an export does not follow")
                            .arg(file.copyFrom));
        } else if (from.isDir()) {
            for (const QString &relative :
                 Paths::folderContents(file.copyFrom, file.withDependencies ? skippedWithDependencies : skipped).files)
                files.append({file.path + '/'_L1 + relative, nullptr, file.copyFrom + '/'_L1 + relative});
        } else if (from.isFile()) {
            files.append({file.path, nullptr, file.copyFrom});
        } else {
            return fail(ExportJob::tr("cannot copy %1: it does not exist").arg(file.copyFrom));
        }
    }
    return files;
}

Result<void> writeFile(const QString &root, const StagedFile &file)
{
    const Result<QString> resolved = Paths::resolveUnder(root, file.path);
    if (!resolved)
        return fail(ExportJob::tr("%1: not written: %2").arg(file.path, resolved.errorMessage()));
    const QString &path = *resolved;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(ExportJob::tr("cannot create the folder for %1").arg(file.path));
    if (file.content) {
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(*file.content) != file.content->size())
            return fail(ExportJob::tr("cannot write %1: %2").arg(file.path, out.errorString()));
    } else if (!QFile::copy(file.from, path)) {
        return fail(ExportJob::tr("cannot copy %1 to %2").arg(file.from, file.path));
    }
    return {};
}

// Every file into the staging folder root, then the marker that makes it an export.
Result<void> writeFiles(const QString &root, const QList<StagedFile> &files, const QByteArray &manifest,
                        const ExportJob::Progress &progress)
{
    const Error cancelled{ExportJob::cancelledText()};
    for (int i = 0; i < files.size(); ++i) {
        if (progress && !progress(i, int(files.size())))
            return cancelled;
        if (Result<void> written = writeFile(root, files.at(i)); !written)
            return written;
    }
    QFile marker(root + '/'_L1 + QLatin1String(ExportJob::kMarkerFile));
    if (!marker.open(QIODevice::WriteOnly) || marker.write(manifest) < 0)
        return fail(ExportJob::tr("cannot write %1").arg(marker.fileName()));
    marker.close();
    return {};
}

// The paths of the files, each once, as they land in the folder.
QStringList landingPaths(const QList<StagedFile> &files)
{
    QStringList paths;
    for (const StagedFile &file : files)
        paths.append(QDir::cleanPath(file.path));
    paths.removeDuplicates();
    return paths;
}

} // namespace

ExportOutput ExportJob::prepare(const ExporterInterface &exporter, const ProviderInterface *provider,
                                const ExportInput &input)
{
    ExportOutput output = exporter.exportProject(input);
    const ExportModel model(*input.architecture, *input.catalog);
    if (provider)
        checkLimits(model, provider->limits(), exporter.targetName(), output);
    // Every path stays inside its folder (issue 17): the design's own paths are named
    // per node, then every file is checked where it lands in the output folder and,
    // for a copy, where it comes from. What fails is not exported; the rest is.
    output.diagnostics += Validator::pathProblems(*input.catalog, *input.architecture, input.projectDirectory);
    checkPaths(input, output);
    checkSecrets(model, output);
    std::stable_sort(output.files.begin(), output.files.end(),
                     [](const ExportFile &a, const ExportFile &b) { return a.path < b.path; });
    return output;
}

// One error per function outside what the provider allows.
void ExportJob::checkLimits(const ExportModel &model, const ProviderLimits &limits, const QString &target,
                            ExportOutput &output)
{
    for (const ExportFunction &f : model.functions()) {
        const QString name = f.node->name;
        if (f.memory < limits.minMemory || f.memory > limits.maxMemory)
            output.add(Diagnostic::Severity::Error, u"export-memory"_s,
                       tr("%1: %2 MB of memory is outside what %3 allows (%4 to %5 MB)")
                           .arg(name)
                           .arg(f.memory)
                           .arg(target)
                           .arg(limits.minMemory)
                           .arg(limits.maxMemory),
                       f.node->id, u"memory"_s);
        if (f.timeout > limits.maxTimeout)
            output.add(Diagnostic::Severity::Error, u"export-timeout"_s,
                       tr("%1: a timeout of %2 s is longer than %3 allows (%4 s)")
                           .arg(name)
                           .arg(f.timeout)
                           .arg(target)
                           .arg(limits.maxTimeout),
                       f.node->id, u"timeout"_s);
        if (!limits.runtimes.isEmpty() && !limits.runtimes.contains(f.runtime))
            output.add(Diagnostic::Severity::Error, u"export-runtime"_s,
                       tr("%1: %3 does not run %2").arg(name, f.runtime, target), f.node->id, u"runtime"_s);
    }
}

// Drops (and says so) every file that would land outside the folder, and every copy
// whose code is missing, a link or outside the project.
void ExportJob::checkPaths(const ExportInput &input, ExportOutput &output)
{
    for (auto it = output.files.begin(); it != output.files.end();) {
        QString problem = Paths::confinementProblem(it->path);
        if (!problem.isEmpty()) {
            output.add(Diagnostic::Severity::Error, u"export-path"_s,
                       tr("%1: not exported: %2").arg(it->path, problem));
            it = output.files.erase(it);
            continue;
        }
        if (!it->isCopy()) {
            ++it;
            continue;
        }
        // Code that is not on disk cannot be copied: said, and the rest still exported.
        const QFileInfo from(it->copyFrom);
        if (!from.exists() && !from.isSymLink()) {
            output.add(
                Diagnostic::Severity::Error, u"export-code"_s,
                tr("%1: the code folder %2 does not exist").arg(it->path, QDir::toNativeSeparators(it->copyFrom)));
            it = output.files.erase(it);
            continue;
        }
        if (from.isSymLink())
            problem = tr("it is a symbolic link, which an export does not follow");
        else if (input.projectDirectory.isEmpty() || !Paths::staysUnder(input.projectDirectory, it->copyFrom))
            problem = tr("it is not inside the project's folder");
        if (!problem.isEmpty()) {
            output.add(Diagnostic::Severity::Error, u"export-path"_s,
                       tr("%1: the code %2 is not exported: %3")
                           .arg(it->path, QDir::toNativeSeparators(it->copyFrom), problem));
            it = output.files.erase(it);
            continue;
        }
        if (from.isDir()) {
            for (const QString &link :
                 Paths::folderContents(it->copyFrom, it->withDependencies ? skippedWithDependencies : skipped).skipped)
                output.add(Diagnostic::Severity::Warning, u"export-link"_s,
                           tr("%1/%2: a symbolic link or special file is not exported").arg(it->path, link));
        }
        ++it;
    }
}

// A secret's value must never reach a written file, whatever an exporter does.
// Each distinct value is looked for once per file.
void ExportJob::checkSecrets(const ExportModel &model, ExportOutput &output)
{
    QHash<QByteArray, QList<QPair<const ExportFunction *, QString>>> secrets;
    for (const ExportFunction &f : model.functions())
        for (const EnvironmentVariable &var : f.environment)
            if (var.secret && var.value.size() >= 4)
                secrets[var.value.toUtf8()].append({&f, var.name});
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        for (const ExportFile &file : std::as_const(output.files)) {
            if (file.isCopy() || !file.content.contains(it.key()))
                continue;
            for (const auto &[f, name] : it.value())
                output.add(Diagnostic::Severity::Error, u"export-secret"_s,
                           tr("%1: the value of the secret %2 appears in %3; it must not be exported")
                               .arg(f->node->name, name, file.path),
                           f->node->id, u"environment"_s);
        }
    }
}

ExportPlan ExportJob::plan(const ExportOutput &output, const QString &directory, const QString &targetId)
{
    const Result<QList<StagedFile>> files = listFiles(output);
    return ExportFolder(directory).plan(files ? landingPaths(*files) : QStringList(), targetId);
}

Result<void> ExportJob::write(const ExportOutput &output, const QString &directory, const QString &targetId,
                              const Progress &progress, const ExportPlan &accepted)
{
    const QString target = QFileInfo(directory).absoluteFilePath();
    if (Result<void> checked = checkDestination(target); !checked)
        return checked;
    const Result<QList<StagedFile>> files = listFiles(output);
    if (!files)
        return files.error();
    const QStringList paths = landingPaths(*files);
    ExportFolder folder(target);
    const ExportPlan plan = folder.plan(paths, targetId);
    if (plan.needsConfirmation() && !plan.coveredBy(accepted))
        return refusal(plan, target);
    const QString parent = QFileInfo(target).absolutePath();
    QTemporaryDir staging(parent + "/."_L1 + QFileInfo(target).fileName() + ".export-XXXXXX"_L1);
    if (!staging.isValid())
        return fail(tr("cannot create a temporary folder in %1: %2").arg(parent, staging.errorString()));
    if (Result<void> written = writeFiles(staging.path(), *files, folder.manifestAfter(targetId, paths), progress);
        !written)
        return written;
    const int total = int(files->size());
    return folder.moveIn(staging.path(), paths + QStringList{QLatin1String(kMarkerFile)}, plan.removed,
                         [&] { return !progress || progress(total, total); });
}

QFuture<Result<void>> ExportJob::writeInBackground(ExportOutput output, QString directory, QString targetId,
                                                   ExportPlan accepted)
{
    return QtConcurrent::run(
        [output = std::move(output), directory = std::move(directory), targetId = std::move(targetId),
         accepted = std::move(accepted)](QPromise<Result<void>> &promise) {
        bool reported = false;
        const Result<void> written = write(
            output, directory, targetId,
            [&](int done, int total) {
            if (done == 0)
                promise.setProgressRange(0, total);
            promise.setProgressValue(done);
            if (done < total)
                return !promise.isCanceled();
            // The last call comes with the export in place and the previous one still
            // kept aside: success is reported now, which a cancel either precedes (the
            // swap is undone) or comes too late for.
            return reported = promise.addResult(Result<void>());
            },
            accepted);
        if (!reported)
            promise.addResult(written);
    });
}

QString ExportOption::imageName(const QString &pattern, const QString &project, const QString &function)
{
    return QString(pattern).replace("{project}"_L1, project).replace("{function}"_L1, function);
}

ExportInput ExportJob::input(const Project &project, const QString &targetId, const QMap<QString, QString> &options)
{
    ExportInput in;
    in.architecture = &project.architecture();
    in.catalog = &project.catalog();
    in.projectDirectory = project.directory();
    in.projectName = project.filePath().isEmpty() ? u"nimbus-project"_s
                                                  : QFileInfo(project.filePath()).completeBaseName();
    in.options = options;
    in.origin = project.origin(targetId);
    in.pendingFiles = project.pendingCodeFiles();
    return in;
}

Result<QList<Diagnostic>> ExportJob::import(const QString &path, const PluginRegistry &registry, Project &project,
                                            const QString &importerId)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("%1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxImportBytes)
        return fail(
            tr("%1: the file is larger than %2 MB; it is refused").arg(path).arg(kMaxImportBytes / (1024 * 1024)));
    ImportInput in;
    in.content = file.readAll();
    in.fileName = QFileInfo(path).fileName();
    in.fileDirectory = QFileInfo(path).absolutePath();
    in.catalog = &project.catalog();
    ImporterInterface *importer = importerId.isEmpty() ? registry.importerFor(in.content, in.fileName)
                                                       : registry.importer(importerId);
    if (!importer)
        return fail(importerId.isEmpty() ? tr("%1: no importer recognises this file (a SAM or CloudFormation template, "
                                              "or a Serverless Framework serverless.yml)")
                                               .arg(path)
                                         : tr("no importer is called '%1'").arg(importerId));
    ImportResult result;
    if (!importer->importFile(in, &result))
        return fail(result.error);
    // A template's code paths must stay beside it: one that leads out (CodeUri: ../../)
    // would have its folder copied, or written, outside wherever the project goes.
    {
        Architecture imported;
        imported.reset(result.nodes, result.edges);
        const QList<Diagnostic> unsafe = Validator::pathProblems(project.catalog(), imported, in.fileDirectory);
        if (!unsafe.isEmpty()) {
            QStringList messages;
            for (const Diagnostic &d : unsafe)
                messages.append(d.message);
            return fail(tr("%1: the template is refused: %2").arg(path, messages.join("; "_L1)));
        }
    }
    project.undoStack()->clear();
    project.clearPendingCodeFiles();
    project.architecture().reset(std::move(result.nodes), std::move(result.edges));
    for (auto it = result.files.cbegin(); it != result.files.cend(); ++it)
        project.setCodeFile(it.key(), it.value());
    project.setOrigins(QJsonObject{{importer->importerId(), result.origin}});
    project.setFilePath({});
    project.setWorkingDirectory(in.fileDirectory);
    return result.diagnostics;
}

void ExportOutput::add(Diagnostic::Severity severity, const QString &code, const QString &message, NodeId node,
                       const QString &property)
{
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.message = message;
    if (node != kInvalidNodeId)
        d.nodes.append(node);
    d.property = property;
    diagnostics.append(d);
}

const ExportFile *ExportOutput::file(const QString &path) const
{
    for (const ExportFile &f : files)
        if (f.path == path)
            return &f;
    return nullptr;
}

} // namespace Nimbus
