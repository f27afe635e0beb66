#include "exportfolder.h"

#include "exportjob.h"
#include "paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

const auto kExportsKey = "exports"_L1;

// "a/b/c" -> {"a", "a/b"}: the folders a path needs.
QStringList ancestors(const QString &path)
{
    QStringList result;
    for (qsizetype slash = path.indexOf('/'_L1); slash > 0; slash = path.indexOf('/'_L1, slash + 1))
        result.append(path.left(slash));
    return result;
}

bool present(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}

// The renames and folders a move made, to undo it in reverse.
struct Journal
{
    QList<std::pair<QString, QString>> renames; // from, to
    QStringList createdFolders;

    bool rename(const QString &from, const QString &to)
    {
        if (!QDir().rename(from, to))
            return false;
        renames.append({from, to});
        return true;
    }
    // Creates the folders of path that are missing, each recorded.
    bool makeFolders(const QString &root, const QString &relativeFolder)
    {
        if (relativeFolder.isEmpty() || relativeFolder == "."_L1)
            return true;
        for (const QString &folder : ancestors(relativeFolder + '/'_L1)) {
            const QString path = root + '/'_L1 + folder;
            if (QFileInfo(path).isDir())
                continue;
            if (!QDir().mkdir(path))
                return false;
            createdFolders.append(path);
        }
        return true;
    }
    void undo()
    {
        for (auto it = renames.crbegin(); it != renames.crend(); ++it)
            QDir().rename(it->second, it->first);
        for (auto it = createdFolders.crbegin(); it != createdFolders.crend(); ++it)
            QDir().rmdir(*it);
    }
};

} // namespace

bool ExportPlan::coveredBy(const ExportPlan &shown) const
{
    const auto within = [](const QStringList &items, const QStringList &agreed) {
        return std::all_of(items.cbegin(), items.cend(), [&](const QString &item) { return agreed.contains(item); });
    };
    return within(replaced, shown.replaced) && within(otherTargets, shown.otherTargets)
           && (!foreignFolder || shown.needsConfirmation());
}

ExportFolder::ExportFolder(QString directory) : mDirectory(QDir(directory).absolutePath())
{
    QFile marker(mDirectory + '/'_L1 + QLatin1String(kMarkerFile));
    if (!marker.open(QIODevice::ReadOnly))
        return;
    mHasMarker = true;
    const QByteArray content = marker.read(4 * 1024 * 1024);
    const QJsonObject exports = QJsonDocument::fromJson(content).object().value(kExportsKey).toObject();
    if (exports.isEmpty()) {
        // An older export's marker: its target's id alone, its files unknown.
        mLegacyTarget = QString::fromUtf8(content).section('\n'_L1, 0, 0).trimmed();
        return;
    }
    for (auto it = exports.constBegin(); it != exports.constEnd(); ++it)
        for (const QJsonValue &file : it.value().toArray())
            mManifest[it.key()].append(file.toString());
}

ExportPlan ExportFolder::plan(const QStringList &files, const QString &targetId) const
{
    ExportPlan plan;
    if (!QFileInfo(mDirectory).isDir())
        return plan;
    const Paths::FolderContents contents = Paths::folderContents(mDirectory);
    QStringList existing = contents.files + contents.skipped;
    existing.removeAll(QLatin1String(kMarkerFile));
    existing.sort();
    if (existing.isEmpty())
        return plan;
    plan.foreignFolder = !mHasMarker;
    const QSet<QString> wanted(files.cbegin(), files.cend());
    QSet<QString> wantedFolders;
    for (const QString &file : files)
        for (const QString &folder : ancestors(file))
            wantedFolders.insert(folder);
    const QStringList ownList = mManifest.value(targetId);
    const QSet<QString> own(ownList.cbegin(), ownList.cend());
    // An older marker of this target: its files are taken as this export's where the new
    // export writes them again, and kept (their origin unknown) where it does not.
    const bool legacyOwn = !mLegacyTarget.isEmpty() && mLegacyTarget == targetId;
    for (const QString &file : std::as_const(existing)) {
        const QStringList parents = ancestors(file);
        const bool collides = wanted.contains(file) || wantedFolders.contains(file)
                              || std::any_of(parents.cbegin(), parents.cend(),
                                             [&](const QString &folder) { return wanted.contains(folder); });
        if (collides && !own.contains(file) && !(legacyOwn && wanted.contains(file)))
            plan.replaced.append(file);
        else if (!collides && own.contains(file))
            plan.removed.append(file);
        else if (!collides)
            plan.kept.append(file);
        for (auto it = mManifest.cbegin(); it != mManifest.cend(); ++it)
            if (it.key() != targetId && it.value().contains(file) && !plan.otherTargets.contains(it.key()))
                plan.otherTargets.append(it.key());
    }
    if (!mLegacyTarget.isEmpty() && !legacyOwn)
        plan.otherTargets.append(mLegacyTarget);
    plan.otherTargets.sort();
    return plan;
}

QByteArray ExportFolder::manifestAfter(const QString &targetId, QStringList files) const
{
    files.sort();
    QJsonObject exports;
    for (auto it = mManifest.cbegin(); it != mManifest.cend(); ++it) {
        if (it.key() == targetId)
            continue;
        // A file this export writes is no longer the other target's.
        QJsonArray theirs;
        for (const QString &file : it.value())
            if (!files.contains(file))
                theirs.append(file);
        if (!theirs.isEmpty())
            exports.insert(it.key(), theirs);
    }
    exports.insert(targetId, QJsonArray::fromStringList(files));
    return QJsonDocument(QJsonObject{{kExportsKey, exports}}).toJson(QJsonDocument::Indented);
}

Result<void> ExportFolder::moveIn(const QString &staging, const QStringList &files, const QStringList &removed,
                                  const std::function<bool()> &keep)
{
    const QString backup = staging + ".previous"_L1;
    Journal journal;
    const bool madeRoot = !QFileInfo(mDirectory).isDir();
    if (madeRoot && !QDir().mkpath(mDirectory))
        return fail(tr("cannot create the folder %1").arg(QDir::toNativeSeparators(mDirectory)));
    const auto undo = [&](const Error &error) -> Result<void> {
        journal.undo();
        QDir(backup).removeRecursively();
        if (madeRoot)
            QDir().rmdir(mDirectory);
        return error;
    };
    // What stands at relative (a file, a link, a folder) goes aside, into backup.
    const auto putAside = [&](const QString &relative) {
        const QString path = mDirectory + '/'_L1 + relative;
        if (!present(path))
            return true;
        const QString aside = backup + '/'_L1 + relative;
        return QDir().mkpath(QFileInfo(aside).absolutePath()) && journal.rename(path, aside);
    };
    for (const QString &file : files) {
        // A file or a link where one of its folders goes is replaced too (the plan said so).
        for (const QString &folder : ancestors(file)) {
            const QFileInfo info(mDirectory + '/'_L1 + folder);
            if ((info.isSymLink() || (info.exists() && !info.isDir())) && !putAside(folder))
                return undo(fail(tr("cannot move %1 aside").arg(folder)));
        }
        const QString folder = QFileInfo(file).path();
        if (!putAside(file))
            return undo(fail(tr("cannot move %1 aside").arg(file)));
        if (!Paths::staysUnder(mDirectory, mDirectory + '/'_L1 + folder))
            return undo(
                fail(tr("%1: not written: the path leads out of its folder through a symbolic link").arg(file)));
        if (!journal.makeFolders(mDirectory, folder))
            return undo(fail(tr("cannot create the folder for %1").arg(file)));
        if (!journal.rename(staging + '/'_L1 + file, mDirectory + '/'_L1 + file))
            return undo(fail(tr("cannot move %1 into %2").arg(file, QDir::toNativeSeparators(mDirectory))));
    }
    for (const QString &file : removed)
        if (!putAside(file))
            return undo(fail(tr("cannot remove %1").arg(file)));
    if (!keep())
        return undo(fail(ExportJob::cancelledText()));
    QDir(backup).removeRecursively();
    // Folders that held only what this target no longer writes go with it.
    for (const QString &file : removed) {
        QStringList folders = ancestors(file);
        std::reverse(folders.begin(), folders.end());
        for (const QString &folder : std::as_const(folders))
            if (!QDir().rmdir(mDirectory + '/'_L1 + folder))
                break;
    }
    return {};
}

} // namespace Nimbus
