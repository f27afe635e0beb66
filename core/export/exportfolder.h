#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

#include <functional>

namespace Nimbus {

// What writing an export into a folder does to what is already there. Only this
// target's files of last time are its own: everything else (another target's export,
// the user's files, a Terraform state) is kept, or replaced only once the user agreed.
struct ExportPlan
{
    // Files there that this target did not write last time and that the export writes
    // over (or that stand where one of its folders goes).
    QStringList replaced;
    // Files this target wrote last time that it no longer writes: removed.
    QStringList removed;
    // Files there that the export leaves as they are.
    QStringList kept;
    // The other targets whose exports are in the folder.
    QStringList otherTargets;
    // The folder holds files but was never written by an export.
    bool foreignFolder = false;

    // Whether the user must agree first: something that is not this target's would be
    // replaced, another target's export is there, or the folder is not an export's.
    bool needsConfirmation() const { return !replaced.isEmpty() || !otherTargets.isEmpty() || foreignFolder; }
    // Whether agreeing to `shown` covers this plan (nothing more is replaced, no other
    // export or foreign folder appeared since).
    bool coveredBy(const ExportPlan &shown) const;
};

// An export's output folder: which target wrote which of its files (the marker file,
// a JSON manifest; an older marker holds only a target id), what an export would do to
// it, and moving a finished export in among the files that stay, undoably.
class ExportFolder
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::ExportFolder)

public:
    static constexpr const char *kMarkerFile = ".nimbus-export";

    explicit ExportFolder(QString directory);

    // What writing files (paths relative to the folder) for targetId would do.
    ExportPlan plan(const QStringList &files, const QString &targetId) const;
    // The marker's content once targetId has written files.
    QByteArray manifestAfter(const QString &targetId, QStringList files) const;

    // Moves every file of staging (the export's files and its marker) into the folder,
    // the files they replace and removed (this target's old files) aside first; then
    // asks keep(): false undoes it all. On success what was put aside is deleted, and
    // the folders removed files leave empty.
    Result<void> moveIn(const QString &staging, const QStringList &files, const QStringList &removed,
                        const std::function<bool()> &keep);

private:
    // Each target's files as the marker lists them; a legacy marker's target maps to
    // an empty list in mLegacyTarget's place.
    QMap<QString, QStringList> mManifest;
    QString mLegacyTarget;
    bool mHasMarker = false;
    QString mDirectory;
};

} // namespace Nimbus
