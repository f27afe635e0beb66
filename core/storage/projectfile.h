#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Nimbus {

class Database;
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
    bool load(const QString &path, Project &project);
    // Writes the project to path (its current file or a new one) and makes it the
    // project's file. Code files edited in memory are written with QSaveFile; when the
    // project moves to another folder its function folders are copied along.
    bool save(Project &project, const QString &path);

    QString errorString() const { return mError; }
    // What the last save left out without failing: links and special files in a
    // function folder, which are never followed.
    QStringList warnings() const { return mWarnings; }
    // Schema version of the file last loaded (before migration).
    int loadedSchemaVersion() const { return mLoadedVersion; }

    static bool isJsonPath(const QString &path);

private:
    bool fail(const QString &path, const QString &message);
    // Reads the application id and schema version; fails when the file is damaged.
    bool readIdentity(Database &db, const QString &path, qint64 *applicationId, qint64 *version);
    // Refuses a file whose schema is not the one its version has (a view, a trigger,
    // a missing column): run before any of its tables is read or written.
    bool checkSchema(Database &db, const QString &path, qint64 version);
    bool loadDatabase(const QString &path, Project &project);
    bool loadJson(const QString &path, Project &project);
    bool writeDatabase(const Project &project, const QString &path, bool inPlace);
    bool writeCode(const Project &project, const QString &newDirectory);

    QString mError;
    QStringList mWarnings;
    int mLoadedVersion = 0;
};

} // namespace Nimbus
