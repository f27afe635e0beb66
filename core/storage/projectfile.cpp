#include "projectfile.h"

#include "database.h"
#include "document/project.h"
#include "jsoninterchange.h"
#include "migrations.h"
#include "model/catalog.h"
#include "model/validator.h"
#include "paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QUndoStack>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

const QByteArray kSqliteHeader("SQLite format 3\0", 16);

// Bounds each query that opening a file runs, in SQLite steps (about a second): the
// schema check should leave nothing that loops, this stops whatever it missed. A
// project of 100 000 nodes needs a few million.
constexpr qint64 kOpenWorkLimit = 200'000'000;
// The longest IAM mode name kept from a file (the known ones are 4 to 7 characters).
constexpr int kIamModeLength = 32;
// The largest single file a node's path property brings along on Save As.
constexpr qint64 kMaxCopiedFile = 16 * 1024 * 1024;

Result<void> copyFileAtomically(const QString &from, const QString &to)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return Error{u"%1: %2"_s.arg(from, in.errorString())};
    QDir().mkpath(QFileInfo(to).absolutePath());
    QSaveFile out(to);
    if (!out.open(QIODevice::WriteOnly) || out.write(in.readAll()) < 0 || !out.commit())
        return Error{u"%1: %2"_s.arg(to, out.errorString())};
    return {};
}

// Copies the run history and saved events of the project file previous into db, when
// previous has the latest schema. Best effort: a history that cannot be carried over
// does not stop the save.
void carryOverHistory(Database &db, const QString &previous)
{
    Statement attach(db, u"ATTACH DATABASE ?1 AS previous"_s);
    attach.bind(1, previous);
    if (attach.execute() && db.queryInt(u"PRAGMA previous.user_version"_s).valueOr(0) == Migrations::latestVersion()) {
        (void)db.exec(u"INSERT INTO run_history SELECT * FROM previous.run_history"_s);
        (void)db.exec(u"INSERT INTO saved_events SELECT * FROM previous.saved_events"_s);
    }
    (void)db.exec(u"DETACH DATABASE previous"_s);
}

} // namespace

bool ProjectFile::isJsonPath(const QString &path)
{
    return path.endsWith(".json"_L1, Qt::CaseInsensitive);
}

Error ProjectFile::fail(const QString &path, const QString &message)
{
    return Error{path.isEmpty() ? message : u"%1: %2"_s.arg(QDir::toNativeSeparators(path), message)};
}

Result<qint64> ProjectFile::openVersion(Database &db, const QString &path, Database::Mode mode)
{
    const bool writing = mode != Database::Mode::ReadOnly;
    if (Result<void> opened = db.open(path, mode); !opened)
        return fail(path,
                    (writing ? tr("cannot open for writing: %1") : tr("cannot open: %1")).arg(opened.errorMessage()));
    const Result<qint64> applicationId = db.queryInt(u"PRAGMA application_id"_s);
    if (!applicationId)
        return fail(path, tr("the file is damaged: %1").arg(applicationId.errorMessage()));
    const Result<qint64> version = db.queryInt(u"PRAGMA user_version"_s);
    if (!version)
        return fail(path, tr("the file is damaged: %1").arg(version.errorMessage()));
    if (*applicationId != Migrations::kApplicationId)
        return fail(path, writing ? tr("not a Nimbus project; not overwriting it")
                                  : tr("not a Nimbus project (an SQLite database of another program)"));
    if (*version > Migrations::latestVersion() && writing)
        return fail(path, tr("written by a newer version of Nimbus Studio; not overwriting it"));
    if (*version > Migrations::latestVersion())
        return fail(path, tr("written by a newer version of Nimbus Studio (schema %1; this version reads up to %2). "
                             "Update Nimbus Studio to open it.")
                              .arg(*version)
                              .arg(Migrations::latestVersion()));
    return *version;
}

Result<void> ProjectFile::checkSchema(Database &db, const QString &path, qint64 version)
{
    const Result<QString> difference = Migrations::checkSchema(db, int(version));
    if (!difference)
        return fail(path, tr("the file is damaged: %1").arg(difference.errorMessage()));
    if (!difference->isEmpty())
        return fail(path, tr("not a Nimbus project: %1").arg(*difference));
    return {};
}

Result<void> ProjectFile::load(const QString &path, Project &project)
{
    mLoadedVersion = 0;
    const QFileInfo info(path);
    if (!info.exists())
        return fail(path, tr("no such file"));
    if (!info.isFile())
        return fail(path, tr("not a file"));
    if (!info.isReadable())
        return fail(path, tr("permission denied"));
    return isJsonPath(path) ? loadJson(path, project) : loadDatabase(path, project);
}

Result<void> ProjectFile::loadJson(const QString &path, Project &project)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(path, file.errorString());
    JsonInterchange reader;
    if (Result<void> read = reader.read(file.readAll(), QDir::toNativeSeparators(path)); !read)
        return read;
    mLoadedVersion = JsonInterchange::kFormatVersion;
    project.undoStack()->clear();
    project.clearPendingCodeFiles();
    project.architecture().reset(reader.takeNodes(), reader.takeEdges());
    project.setOrigins(reader.origins());
    project.restoreIamMode(reader.iamMode());
    project.setFilePath(path);
    project.markSaved();
    return {};
}

Result<void> ProjectFile::loadDatabase(const QString &path, Project &project)
{
    // Recognise the file before SQLite touches it, to give the right message.
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(path, file.errorString());
        if (file.read(16) != kSqliteHeader)
            return fail(path, tr("not a Nimbus project (it is not an SQLite database)"));
    }

    Database db;
    db.setWorkLimit(kOpenWorkLimit);
    const Result<qint64> opened = openVersion(db, path, Database::Mode::ReadOnly);
    if (!opened)
        return opened.error();
    const qint64 version = *opened;
    if (version < 1)
        return fail(path, tr("not a Nimbus project (no schema version)"));
    if (Result<void> checked = checkSchema(db, path, version); !checked)
        return checked;
    {
        Statement check(db, u"PRAGMA quick_check"_s);
        if (!check.next() || check.columnText(0) != "ok"_L1)
            return fail(path, tr("the file is damaged: %1")
                                  .arg(check.failed() ? check.status().errorMessage() : check.columnText(0)));
    }
    mLoadedVersion = int(version);

    // An older file is upgraded in a temporary copy; the original stays as it is.
    QTemporaryDir migrationDir;
    if (version < Migrations::latestVersion()) {
        db.close();
        if (!migrationDir.isValid())
            return fail(path, tr("cannot create a temporary folder to upgrade the file"));
        const QString copy = migrationDir.filePath(u"upgrade.nimbus"_s);
        if (!QFile::copy(path, copy))
            return fail(path, tr("cannot copy the file to upgrade it"));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        Result<void> upgraded = db.open(copy, Database::Mode::ReadWrite);
        if (upgraded)
            upgraded = Migrations::migrate(db, int(version), Migrations::latestVersion());
        if (!upgraded)
            return fail(path, tr("cannot upgrade from schema %1: %2").arg(version).arg(upgraded.errorMessage()));
    }

    std::map<NodeId, Node> nodes;
    Statement nodeQuery(db, u"SELECT id, kind, name, x, y, properties FROM nodes ORDER BY id"_s);
    while (nodeQuery.next()) {
        Node node;
        node.id = NodeId(nodeQuery.columnInt(0));
        node.kind = nodeQuery.columnText(1);
        node.name = nodeQuery.columnText(2);
        node.position = QPointF(nodeQuery.columnDouble(3), nodeQuery.columnDouble(4));
        QJsonParseError parseError;
        const QJsonDocument props = QJsonDocument::fromJson(nodeQuery.columnText(5).toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !props.isObject())
            return fail(path,
                        tr("node '%1' (#%2): its properties are not a valid JSON object").arg(node.name).arg(node.id));
        node.properties = props.object();
        nodes.emplace(node.id, std::move(node));
    }
    if (nodeQuery.failed())
        return fail(path, tr("cannot read the nodes: %1").arg(nodeQuery.status().errorMessage()));

    std::map<EdgeId, Edge> edges;
    Statement edgeQuery(db, u"SELECT id, source, target, type, properties FROM edges ORDER BY id"_s);
    while (edgeQuery.next()) {
        Edge edge;
        edge.id = EdgeId(edgeQuery.columnInt(0));
        edge.from = NodeId(edgeQuery.columnInt(1));
        edge.to = NodeId(edgeQuery.columnInt(2));
        edge.type = edgeQuery.columnText(3);
        if (!nodes.count(edge.from) || !nodes.count(edge.to))
            return fail(path, tr("connection #%1 refers to a node that does not exist").arg(edge.id));
        QJsonParseError parseError;
        const QJsonDocument props = QJsonDocument::fromJson(edgeQuery.columnText(4).toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !props.isObject())
            return fail(path, tr("connection #%1: its properties are not a valid JSON object").arg(edge.id));
        edge.properties = props.object();
        edges.emplace(edge.id, std::move(edge));
    }
    if (edgeQuery.failed())
        return fail(path, tr("cannot read the connections: %1").arg(edgeQuery.status().errorMessage()));

    QJsonObject origins;
    {
        Statement originQuery(db, u"SELECT value FROM project WHERE key = 'origins'"_s);
        if (originQuery.next())
            origins = QJsonDocument::fromJson(originQuery.columnText(0).toUtf8()).object();
    }
    QString iamMode;
    {
        // Kept as written, a newer version's mode too (the cloud warns and uses warn); a
        // name is short, anything else is no mode.
        Statement modeQuery(db, u"SELECT value FROM project WHERE key = 'iamMode'"_s);
        if (modeQuery.next())
            iamMode = modeQuery.columnText(0).left(kIamModeLength);
    }

    project.undoStack()->clear();
    project.clearPendingCodeFiles();
    project.architecture().reset(std::move(nodes), std::move(edges));
    project.setOrigins(origins);
    project.restoreIamMode(iamMode);
    project.setFilePath(path);
    project.markSaved();
    return {};
}

Result<void> ProjectFile::save(Project &project, const QString &path)
{
    mWarnings.clear();
    const QString target = QFileInfo(path).absoluteFilePath();
    const QString newDirectory = QFileInfo(target).absolutePath();
    if (!QFileInfo(newDirectory).isDir() && !QDir().mkpath(newDirectory))
        return fail(newDirectory, tr("cannot create the folder"));

    // Code first: if it cannot be written, the project file still matches the disk.
    if (Result<void> written = writeCode(project, newDirectory); !written)
        return written;

    if (isJsonPath(target)) {
        QSaveFile file(target);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(JsonInterchange::write(project.architecture(), project.origins(), project.iamMode())) < 0
            || !file.commit())
            return fail(target, file.errorString());
    } else {
        const bool inPlace = target == project.filePath() && QFileInfo::exists(target);
        if (Result<void> written = writeDatabase(project, target, inPlace); !written)
            return written;
    }
    project.setFilePath(target);
    project.markSaved();
    return {};
}

// Copies what a node's property names (a folder with what is in it, or a file) from the
// old project folder to the new one: both paths confined, links and special files left
// (with a warning), node_modules and caches left as they are rebuilt.
Result<void> ProjectFile::copyNodePath(const QString &nodeName, const QString &path, bool file,
                                       const QString &oldDirectory, const QString &newDirectory)
{
    const Result<QString> fromPath = Paths::resolveUnder(oldDirectory, path);
    const Result<QString> toPath = fromPath ? Paths::resolveUnder(newDirectory, path) : fromPath;
    if (!toPath)
        return fail({}, tr("'%1': '%2' cannot be copied: %3").arg(nodeName, path, toPath.errorMessage()));
    const QString from = *fromPath;
    const QString to = *toPath;
    const QFileInfo info(from);
    if (file) {
        // One file (a definition, a JWKS file): a regular one, of a sensible size, never
        // written over one the new folder has (a stranger's project naming .bashrc).
        if (!info.exists())
            return {};
        if (!info.isFile() || info.isSymLink()) {
            mWarnings.append(tr("'%1': %2 is not a regular file; it is not copied").arg(nodeName, path));
            return {};
        }
        if (info.size() > kMaxCopiedFile || QFileInfo::exists(to)) {
            mWarnings.append(
                tr("'%1': %2 is not copied (larger than 16 MB, or already in the new folder)").arg(nodeName, path));
            return {};
        }
        QDir().mkpath(QFileInfo(to).absolutePath());
        if (Result<void> copied = copyFileAtomically(from, to); !copied)
            return fail({}, tr("'%1': cannot copy %2: %3").arg(nodeName, path, copied.errorMessage()));
        return {};
    }
    if (!info.isDir())
        return {};
    const Paths::FolderContents contents = Paths::folderContents(
        from, [](const QString &name) { return name == "node_modules"_L1 || name == "__pycache__"_L1; });
    for (const QString &skipped : contents.skipped)
        mWarnings.append(tr("'%1': %2 is a symbolic link or a special file; it is not copied")
                             .arg(nodeName, QDir::cleanPath(path + '/'_L1 + skipped)));
    for (const QString &relative : contents.files) {
        const Result<QString> target = Paths::resolveUnder(to, relative);
        if (!target || !Paths::staysUnder(newDirectory, *target))
            return fail({}, tr("'%1': cannot copy %2: %3")
                                .arg(nodeName, QDir::cleanPath(path + '/'_L1 + relative), target.errorMessage()));
        if (Result<void> copied = copyFileAtomically(from + '/'_L1 + relative, *target); !copied)
            return fail({}, tr("cannot copy the function code: %1").arg(copied.errorMessage()));
    }
    return {};
}

Result<void> ProjectFile::writeCode(const Project &project, const QString &newDirectory)
{
    const QString oldDirectory = project.directory();
    // Moving to another folder: the function folders come along, and the files and
    // folders the nodes' path properties name (a workflow's definition), each only from
    // inside the old folder to inside the new one, and without following a link.
    if (!oldDirectory.isEmpty() && QDir(oldDirectory) != QDir(newDirectory)) {
        const Catalog &catalog = project.catalog();
        for (const auto &entry : project.architecture().nodes()) {
            const Node &node = entry.second; // a lambda cannot capture a structured binding in C++17
            const NodeKind *kind = catalog.kind(node.kind);
            if (!kind)
                continue;
            const QJsonObject defaults = kind->defaultProperties(node.name);
            auto value = [&](const QString &key) {
                return node.properties.contains(key) ? node.properties.value(key) : defaults.value(key);
            };
            if (kind->code.isValid()) {
                if (Result<void> copied = copyNodePath(node.name, value(kind->code.sourceProperty).toString(), false,
                                                       oldDirectory, newDirectory);
                    !copied)
                    return copied;
            }
            for (const PropertySpec &spec : kind->properties) {
                const QString path = Validator::projectPath(spec, value(spec.id));
                if (path.isEmpty())
                    continue;
                const bool file = spec.path == PropertySpec::PathRole::File;
                if (Result<void> copied = copyNodePath(node.name, path, file, oldDirectory, newDirectory); !copied)
                    return copied;
            }
        }
    }
    if (!oldDirectory.isEmpty() && QDir(oldDirectory) != QDir(newDirectory)) {
        // The scenarios (scenarios/*.yaml, nimbus test) come along too: regular files only,
        // none over the size a scenario may have, none written over.
        const QDir scenarios(QDir(oldDirectory).filePath(u"scenarios"_s));
        const QFileInfoList files = scenarios.entryInfoList({u"*.yaml"_s, u"*.yml"_s}, QDir::Files | QDir::NoSymLinks,
                                                            QDir::Name);
        for (const QFileInfo &info : files) {
            const QString to = QDir(newDirectory).filePath(u"scenarios/"_s + info.fileName());
            if (info.size() > 1024 * 1024 || QFileInfo::exists(to) || !Paths::staysUnder(newDirectory, to)) {
                mWarnings.append(tr("scenario %1 is not copied (larger than 1 MB, or already in the new folder)")
                                     .arg(info.fileName()));
                continue;
            }
            QDir().mkpath(QFileInfo(to).absolutePath());
            if (Result<void> copied = copyFileAtomically(info.filePath(), to); !copied)
                return fail({}, tr("cannot copy the scenarios: %1").arg(copied.errorMessage()));
        }
    }
    const auto &pending = project.pendingCodeFiles();
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        const Result<QString> resolved = Paths::resolveUnder(newDirectory, it.key());
        if (!resolved)
            return fail(it.key(), tr("not written: %1").arg(resolved.errorMessage()));
        const QString &file = *resolved;
        QDir().mkpath(QFileInfo(file).absolutePath());
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(it.value()) < 0 || !out.commit())
            return fail(file, out.errorString());
    }
    return {};
}

Result<void> ProjectFile::writeDatabase(const Project &project, const QString &path, bool inPlace)
{
    Database db;
    QString writePath = path;
    std::unique_ptr<QTemporaryFile> temporary;

    if (inPlace) {
        const Result<qint64> opened = openVersion(db, path, Database::Mode::ReadWrite);
        if (!opened)
            return opened.error();
        const qint64 version = *opened;
        // The file may have changed since it was opened; its triggers would run now.
        if (Result<void> checked = checkSchema(db, path, version); !checked)
            return checked;
        if (version < Migrations::latestVersion()) {
            if (Result<void> upgraded = Migrations::migrate(db, int(version), Migrations::latestVersion()); !upgraded)
                return fail(path, upgraded.errorMessage());
        }
    } else {
        // A new file is built beside the target and renamed over it, so a failure
        // leaves whatever was there intact.
        temporary = std::make_unique<QTemporaryFile>(path + u".XXXXXX"_s);
        if (!temporary->open())
            return fail(path, tr("cannot create a file: %1").arg(temporary->errorString()));
        writePath = temporary->fileName();
        temporary->close();
        Result<void> created = db.open(writePath, Database::Mode::ReadWrite);
        if (created)
            created = Migrations::migrate(db, 0, Migrations::latestVersion());
        if (!created)
            return fail(path, created.errorMessage());
        // Save As keeps the run history and saved events of the file it came from.
        const QString previous = project.filePath();
        if (!previous.isEmpty() && !isJsonPath(previous) && QFileInfo::exists(previous))
            carryOverHistory(db, previous);
    }

    if (Result<void> begun = db.exec(u"BEGIN IMMEDIATE"_s); !begun)
        return fail(path, begun.errorMessage());
    auto rollback = [&](const QString &what, const Result<void> &failed) {
        (void)db.exec(u"ROLLBACK"_s);
        return fail(path, tr("%1: %2").arg(what, failed.errorMessage()));
    };
    if (Result<void> cleared = db.exec(u"DELETE FROM edges; DELETE FROM nodes; DELETE FROM project;"_s); !cleared)
        return rollback(tr("cannot clear the old content"), cleared);

    {
        Statement meta(db, u"INSERT INTO project(key, value) VALUES (?1, ?2)"_s);
        meta.bind(1, u"generator"_s);
        meta.bind(2, u"Nimbus Studio %1"_s.arg(QLatin1String(NIMBUS_VERSION)));
        if (Result<void> written = meta.execute(); !written)
            return rollback(tr("cannot write the project information"), written);
        if (!project.origins().isEmpty()) {
            meta.bind(1, u"origins"_s);
            meta.bind(2, QString::fromUtf8(QJsonDocument(project.origins()).toJson(QJsonDocument::Compact)));
            if (Result<void> written = meta.execute(); !written)
                return rollback(tr("cannot write the project information"), written);
        }
        if (!project.iamMode().isEmpty()) {
            meta.bind(1, u"iamMode"_s);
            meta.bind(2, project.iamMode());
            if (Result<void> written = meta.execute(); !written)
                return rollback(tr("cannot write the project information"), written);
        }

        Statement insertNode(db, QStringLiteral("INSERT INTO nodes(id, kind, name, x, y, properties) "
                                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
        for (const auto &[id, node] : project.architecture().nodes()) {
            insertNode.bind(1, qint64(id));
            insertNode.bind(2, node.kind);
            insertNode.bind(3, node.name);
            insertNode.bind(4, node.position.x());
            insertNode.bind(5, node.position.y());
            insertNode.bind(6, QString::fromUtf8(QJsonDocument(node.properties).toJson(QJsonDocument::Compact)));
            if (Result<void> written = insertNode.execute(); !written)
                return rollback(tr("cannot write node '%1'").arg(node.name), written);
        }
        Statement insertEdge(db,
                             u"INSERT INTO edges(id, source, target, type, properties) VALUES (?1, ?2, ?3, ?4, ?5)"_s);
        for (const auto &[id, edge] : project.architecture().edges()) {
            insertEdge.bind(1, qint64(id));
            insertEdge.bind(2, qint64(edge.from));
            insertEdge.bind(3, qint64(edge.to));
            insertEdge.bind(4, edge.type);
            insertEdge.bind(5, QString::fromUtf8(QJsonDocument(edge.properties).toJson(QJsonDocument::Compact)));
            if (Result<void> written = insertEdge.execute(); !written)
                return rollback(tr("cannot write connection #%1").arg(id), written);
        }
    }
    if (Result<void> committed = db.exec(u"COMMIT"_s); !committed)
        return rollback(tr("cannot commit"), committed);
    db.close();

    if (temporary) {
        // rename(2) replaces the target atomically; QFile::rename refuses to.
        if (std::rename(QFile::encodeName(writePath).constData(), QFile::encodeName(path).constData()) != 0)
            return fail(path, tr("cannot replace the file: %1").arg(QString::fromLocal8Bit(strerror(errno))));
        temporary->setAutoRemove(false);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return {};
}

} // namespace Nimbus
