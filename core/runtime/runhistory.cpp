#include "runhistory.h"

#include "storage/database.h"
#include "storage/migrations.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>

namespace Nimbus {

RunHistory::RunHistory() = default;
RunHistory::~RunHistory()
{
    closeDatabase();
}

void RunHistory::closeDatabase()
{
    mInsert.reset();
    mDb.reset();
}

bool RunHistory::open(const QString &projectFile)
{
    closeDatabase();
    mDb = std::make_unique<Database>();
    if (!mDb->open(projectFile, Database::Mode::ReadWrite)) {
        mError = tr("%1: cannot open the run history: %2").arg(projectFile, mDb->errorString());
        closeDatabase();
        return false;
    }
    qint64 applicationId = 0;
    qint64 version = 0;
    if (!mDb->queryInt(QStringLiteral("PRAGMA application_id"), &applicationId)
        || !mDb->queryInt(QStringLiteral("PRAGMA user_version"), &version)
        || applicationId != Migrations::kApplicationId || version < 1 || version > Migrations::latestVersion()) {
        mError = tr("%1: not a Nimbus project this version can keep a run history in").arg(projectFile);
        closeDatabase();
        return false;
    }
    QString error;
    if (version < Migrations::latestVersion() && !Migrations::migrate(*mDb, int(version), Migrations::latestVersion(), &error)) {
        mError = error;
        closeDatabase();
        return false;
    }
    return true;
}

bool RunHistory::openInMemory()
{
    closeDatabase();
    mDb = std::make_unique<Database>();
    QString error;
    if (!mDb->open(QStringLiteral(":memory:"), Database::Mode::Create)
        || !Migrations::migrate(*mDb, 0, Migrations::latestVersion(), &error)) {
        mError = error.isEmpty() ? mDb->errorString() : error;
        closeDatabase();
        return false;
    }
    return true;
}

bool RunHistory::record(NodeId node, const QByteArray &event, const InvocationResult &r, qint64 *id)
{
    if (!mDb)
        return false;
    if (!mInsert)
        mInsert = std::make_unique<Statement>(*mDb, QStringLiteral(
                               "INSERT INTO run_history(node_id, started_at, request_id, event, status, result, logs, "
                               "duration_ms, billed_duration_ms, max_memory_mb, init_duration_ms, cold_start) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
    Statement &insert = *mInsert;
    insert.bind(1, qint64(node));
    insert.bind(2, r.startedAt.toString(Qt::ISODateWithMs));
    insert.bind(3, r.requestId);
    insert.bind(4, QString::fromUtf8(event));
    insert.bind(5, r.ok ? QStringLiteral("ok") : r.error.value(QLatin1String("errorType")).toString());
    insert.bind(6, r.ok ? QString::fromUtf8(r.resultJson)
                        : QString::fromUtf8(QJsonDocument(r.error).toJson(QJsonDocument::Compact)));
    insert.bind(7, r.logs.join(QLatin1Char('\n')));
    insert.bind(8, r.durationMs);
    insert.bind(9, r.billedDurationMs);
    insert.bind(10, qint64(r.maxMemoryUsedMB));
    if (r.initDurationMs)
        insert.bind(11, *r.initDurationMs);
    else
        insert.bindNull(11);
    insert.bind(12, qint64(r.coldStart));
    if (!insert.execute()) {
        mError = mDb->errorString();
        return false;
    }
    const qint64 inserted = mDb->lastInsertId();
    if (id)
        *id = inserted;
    // Pruning scans the function's runs: once every 128 runs is enough to keep the
    // history near its retention (entries() never shows more), and keeps a busy local
    // cloud fast.
    if (inserted % 128 != 0)
        return true;
    Statement prune(*mDb, QStringLiteral("DELETE FROM run_history WHERE node_id = ?1 AND id NOT IN "
                                         "(SELECT id FROM run_history WHERE node_id = ?1 ORDER BY id DESC LIMIT ?2)"));
    prune.bind(1, qint64(node));
    prune.bind(2, qint64(mRetention));
    return prune.execute();
}

QList<RunHistory::Entry> RunHistory::entries(NodeId node, int limit) const
{
    // Pruning runs every few records: never show more than the retention.
    return select(QStringLiteral("node_id = ?1"), qint64(node), std::min(limit, mRetention));
}

bool RunHistory::entry(qint64 id, Entry *entry) const
{
    const QList<Entry> found = select(QStringLiteral("id = ?1"), id, 1);
    if (found.isEmpty())
        return false;
    *entry = found.first();
    return true;
}

QList<RunHistory::Entry> RunHistory::select(const QString &where, qint64 key, int limit) const
{
    QList<Entry> list;
    if (!mDb)
        return list;
    Statement query(*mDb, QStringLiteral("SELECT id, started_at, request_id, event, status, result, logs, duration_ms, "
                                         "billed_duration_ms, max_memory_mb, init_duration_ms, cold_start, node_id "
                                         "FROM run_history WHERE %1 ORDER BY id DESC LIMIT ?2")
                              .arg(where));
    query.bind(1, key);
    query.bind(2, qint64(limit));
    while (query.next()) {
        Entry e;
        e.id = query.columnInt(0);
        e.node = NodeId(query.columnInt(12));
        e.result.startedAt = QDateTime::fromString(query.columnText(1), Qt::ISODateWithMs);
        e.result.requestId = query.columnText(2);
        e.event = query.columnText(3).toUtf8();
        e.result.ok = query.columnText(4) == QLatin1String("ok");
        if (e.result.ok)
            e.result.resultJson = query.columnText(5).toUtf8();
        else
            e.result.error = QJsonDocument::fromJson(query.columnText(5).toUtf8()).object();
        e.result.logs = query.columnText(6).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        e.result.durationMs = query.columnDouble(7);
        e.result.billedDurationMs = query.columnInt(8);
        e.result.maxMemoryUsedMB = int(query.columnInt(9));
        if (!query.columnIsNull(10))
            e.result.initDurationMs = query.columnDouble(10);
        e.result.coldStart = query.columnInt(11) != 0;
        list.append(e);
    }
    return list;
}

QList<RunHistory::SavedEvent> RunHistory::savedEvents(NodeId node) const
{
    QList<SavedEvent> list;
    if (!mDb)
        return list;
    Statement query(*mDb, QStringLiteral("SELECT name, event FROM saved_events WHERE node_id = ?1 ORDER BY name"));
    query.bind(1, qint64(node));
    while (query.next())
        list.append({query.columnText(0), query.columnText(1).toUtf8()});
    return list;
}

bool RunHistory::saveEvent(NodeId node, const QString &name, const QByteArray &event)
{
    if (!mDb)
        return false;
    Statement insert(*mDb, QStringLiteral("INSERT INTO saved_events(node_id, name, event) VALUES (?1, ?2, ?3) "
                                          "ON CONFLICT(node_id, name) DO UPDATE SET event = excluded.event"));
    insert.bind(1, qint64(node));
    insert.bind(2, name);
    insert.bind(3, QString::fromUtf8(event));
    if (!insert.execute()) {
        mError = mDb->errorString();
        return false;
    }
    return true;
}

bool RunHistory::removeSavedEvent(NodeId node, const QString &name)
{
    if (!mDb)
        return false;
    Statement remove(*mDb, QStringLiteral("DELETE FROM saved_events WHERE node_id = ?1 AND name = ?2"));
    remove.bind(1, qint64(node));
    remove.bind(2, name);
    return remove.execute();
}

} // namespace Nimbus
