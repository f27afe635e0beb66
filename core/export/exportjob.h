#pragma once

#include "exportfolder.h"
#include "provider.h"
#include "result.h"

#include <QCoreApplication>
#include <QFuture>

#include <functional>

namespace Nimbus {

class ExportModel;
class PluginRegistry;
class Project;

// Runs an exporter the same way for the studio and the command line: the provider's
// limits checked, secrets checked absent, then the files written all at once.
class ExportJob
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::ExportJob)

public:
    // The exporter's files and diagnostics, plus one diagnostic per function outside
    // the provider's limits and an error if a secret's value reached a file.
    static ExportOutput prepare(const ExporterInterface &exporter, const ProviderInterface *provider,
                                const ExportInput &input);

    // Called with (files done, files in all) before each file, then with (all, all) once
    // the export is in place and the previous one still kept aside; returning false
    // cancels (at that last call, by undoing the swap).
    using Progress = std::function<bool(int done, int total)>;

    // What write() would do to directory's files (ExportFolder::plan over the files the
    // export writes, copied folders counted file by file).
    static ExportPlan plan(const ExportOutput &output, const QString &directory, const QString &targetId);
    // Writes everything into a temporary folder beside directory, then moves the files
    // into place, so a failed or cancelled export leaves directory as it was. Only this
    // target's files of its last export there are replaced or removed; every other file
    // stays. When plan() needs a confirmation, write() refuses unless `accepted` (the plan
    // the user agreed to) covers what it would do now.
    static Result<void> write(const ExportOutput &output, const QString &directory, const QString &targetId,
                              const Progress &progress = {}, const ExportPlan &accepted = {});
    // write() on a pool thread (QtConcurrent): the future's progress counts the files
    // written out of all of them. Cancelling it stops before the next file, or undoes the
    // final swap, leaving directory as it was; a cancelled future carries no result. The
    // success is reported (atomically with respect to a cancel) before the previous
    // export is dropped, so a cancel that comes later leaves the result in the future.
    static QFuture<Result<void>> writeInBackground(ExportOutput output, QString directory, QString targetId,
                                                   ExportPlan accepted = {});
    // What a cancelled write says.
    static QString cancelledText() { return tr("export cancelled; nothing was written"); }

    static constexpr const char *kMarkerFile = ExportFolder::kMarkerFile;

    // What an exporter reads of a project (with its origin for that target).
    static ExportInput input(const Project &project, const QString &targetId, const QMap<QString, QString> &options);

    // Reads a template with the importer that recognises it (or importerId) and makes
    // it the project's content, with the origin that export to the same target needs.
    // The project is left as it was on failure.
    // The value is the importer's notes: what it kept without showing it.
    static Result<QList<Diagnostic>> import(const QString &path, const PluginRegistry &registry, Project &project,
                                            const QString &importerId = {});
    static constexpr qint64 kMaxImportBytes = 8 * 1024 * 1024;

private:
    static void checkLimits(const ExportModel &model, const ProviderLimits &limits, const QString &target,
                            ExportOutput &output);
    static void checkPaths(const ExportInput &input, ExportOutput &output);
    static void checkSecrets(const ExportModel &model, ExportOutput &output);
};

} // namespace Nimbus
