#pragma once

#include "result.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Nimbus {

class Project;

// Reads and writes projects: .nimbus (SQLite) or .json (the interchange form),
// together with the function code files beside them.
//
// Opening never changes anything on disk: an older file is migrated in a temporary
// copy and written at the current version on the next save.
class ProjectFile
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::ProjectFile)

public:
    // Replaces the project's content; on failure the project is left as it was.
    Result<void> load(const QString &path, Project &project);
    // Writes the project to path (its current file or a new one) and makes it the
    // project's file. Code files edited in memory are written with QSaveFile; when the
    // project moves to another folder its function folders are copied along.
    Result<void> save(Project &project, const QString &path);

    // What the last save left out without failing: links and special files in a
    // function folder, which are never followed.
    QStringList warnings() const { return mWarnings; }
    // Schema version of the file last loaded (before migration).
    int loadedSchemaVersion() const { return mLoadedVersion; }

    static bool isJsonPath(const QString &path);

private:
    // message after the path it is about.
    static Error fail(const QString &path, const QString &message);
    // Opens the project database at path in mode and returns its schema version; refuses
    // a damaged file, another program's database and one written by a newer Nimbus.
    Result<qint64> openVersion(Database &db, const QString &path, Database::Mode mode);
    // Refuses a file whose schema is not the one its version has (a view, a trigger,
    // a missing column): run before any of its tables is read or written.
    Result<void> checkSchema(Database &db, const QString &path, qint64 version);
    Result<void> loadDatabase(const QString &path, Project &project);
    Result<void> loadJson(const QString &path, Project &project);
    Result<void> writeDatabase(const Project &project, const QString &path, bool inPlace);
    Result<void> writeCode(const Project &project, const QString &newDirectory);
    // Copies the folder (or, with file, the one file) path names from the old project
    // folder to the new one.
    Result<void> copyNodePath(const QString &nodeName, const QString &path, bool file, const QString &oldDirectory,
                              const QString &newDirectory);

    QStringList mWarnings;
    int mLoadedVersion = 0;
};

} // namespace Nimbus
