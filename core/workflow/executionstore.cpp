#include "executionstore.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QString toText(const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    // A bare value (a string, a number) as JSON text, as the executions carry it.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QJsonValue fromText(const QString &text)
{
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson(u"[%1]"_s.arg(text).toUtf8());
    return doc.array().isEmpty() ? QJsonValue(QJsonValue::Undefined) : doc.array().first();
}

constexpr const char *kColumns = "arn, name, machine, machine_arn, type, status, input, output, error, cause, started, "
                                 "stopped, transitions, checkpoint";

ExecutionRecord readExecution(const Statement &row)
{
    ExecutionRecord e;
    e.arn = row.columnText(0);
    e.name = row.columnText(1);
    e.machine = row.columnText(2);
    e.machineArn = row.columnText(3);
    e.type = row.columnText(4);
    e.status = row.columnText(5);
    e.input = fromText(row.columnText(6));
    e.output = fromText(row.columnText(7));
    e.error = row.columnText(8);
    e.cause = row.columnText(9);
    e.started = QDateTime::fromMSecsSinceEpoch(row.columnInt(10), Qt::UTC);
    if (!row.columnIsNull(11))
        e.stopped = QDateTime::fromMSecsSinceEpoch(row.columnInt(11), Qt::UTC);
    e.transitions = int(row.columnInt(12));
    e.checkpoint = QJsonDocument::fromJson(row.columnText(13).toUtf8()).object();
    return e;
}

} // namespace

QJsonObject ExecutionEvent::toJson() const
{
    QJsonObject o{{u"id"_s, id},
                  {u"previousEventId"_s, previous},
                  {u"timestamp"_s, when.toMSecsSinceEpoch() / 1000.0},
                  {u"type"_s, type}};
    if (!detailsKey.isEmpty())
        o.insert(detailsKey, details);
    return o;
}

Result<void> ExecutionStore::createTables()
{
    return createSchema("executions"_L1);
}

Result<void> ExecutionStore::clear()
{
    if (Result<void> done = db().exec(u"DELETE FROM execution_events;"_s); !done)
        return done;
    return db().exec(u"DELETE FROM executions;"_s);
}

Result<void> ExecutionStore::saveExecution(const ExecutionRecord &e)
{
    Statement upsert(
        db(),
        u"INSERT OR REPLACE INTO executions (%1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
        "?13, ?14)"_s.arg(QLatin1String(kColumns)),
        Statement::Reuse);
    upsert.bind(1, e.arn);
    upsert.bind(2, e.name);
    upsert.bind(3, e.machine);
    upsert.bind(4, e.machineArn);
    upsert.bind(5, e.type);
    upsert.bind(6, e.status);
    upsert.bind(7, toText(e.input));
    if (e.output.isUndefined())
        upsert.bindNull(8);
    else
        upsert.bind(8, toText(e.output));
    upsert.bind(9, e.error);
    upsert.bind(10, e.cause);
    upsert.bind(11, ms(e.started));
    if (e.stopped.isValid())
        upsert.bind(12, ms(e.stopped));
    else
        upsert.bindNull(12);
    upsert.bind(13, qint64(e.transitions));
    upsert.bind(14, QString::fromUtf8(QJsonDocument(e.checkpoint).toJson(QJsonDocument::Compact)));
    return upsert.execute();
}

Result<void> ExecutionStore::saveEvents(const QString &execution, const QList<ExecutionEvent> &events)
{
    for (const ExecutionEvent &event : events) {
        Statement insert(
            db(),
            u"INSERT OR REPLACE INTO execution_events (execution, id, previous, timestamp, type, details_key, "
            "details) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"_s,
            Statement::Reuse);
        insert.bind(1, execution);
        insert.bind(2, event.id);
        insert.bind(3, event.previous);
        insert.bind(4, ms(event.when));
        insert.bind(5, event.type);
        insert.bind(6, event.detailsKey);
        insert.bind(7, QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact)));
        if (Result<void> done = insert.execute(); !done)
            return done;
    }
    return {};
}

Result<void> ExecutionStore::saveChanges(const QList<Change> &changes)
{
    const bool own = !db().inTransaction();
    if (own)
        if (Result<void> begun = db().exec(u"BEGIN"_s); !begun)
            return begun;
    Result<void> done;
    for (const Change &change : changes) {
        done = saveExecution(change.execution);
        if (done)
            done = saveEvents(change.execution.arn, change.events);
        if (!done)
            break;
    }
    if (own)
        (void)db().exec(done ? u"COMMIT"_s : u"ROLLBACK"_s);
    return done;
}

std::optional<ExecutionRecord> ExecutionStore::execution(const QString &arn) const
{
    Statement select(db(), u"SELECT %1 FROM executions WHERE arn = ?1"_s.arg(QLatin1String(kColumns)));
    select.bind(1, arn);
    if (select.next())
        return readExecution(select);
    return std::nullopt;
}

QList<ExecutionRecord> ExecutionStore::executions(const QString &machine, const QString &status, int limit) const
{
    Statement select(db(), u"SELECT %1 FROM executions WHERE machine = ?1 AND (?2 = '' OR status = ?2) "
                           "ORDER BY started DESC, rowid DESC LIMIT ?3"_s.arg(QLatin1String(kColumns)));
    select.bind(1, machine);
    select.bind(2, status);
    select.bind(3, qint64(limit));
    QList<ExecutionRecord> found;
    while (select.next())
        found.append(readExecution(select));
    return found;
}

QList<ExecutionRecord> ExecutionStore::runningExecutions() const
{
    Statement select(
        db(), u"SELECT %1 FROM executions WHERE status = 'RUNNING' ORDER BY started"_s.arg(QLatin1String(kColumns)));
    QList<ExecutionRecord> found;
    while (select.next())
        found.append(readExecution(select));
    return found;
}

QList<ExecutionEvent> ExecutionStore::events(const QString &execution) const
{
    Statement select(db(), u"SELECT id, previous, timestamp, type, details_key, details FROM execution_events "
                           "WHERE execution = ?1 ORDER BY id"_s);
    select.bind(1, execution);
    QList<ExecutionEvent> found;
    while (select.next())
        found.append({select.columnInt(0), select.columnInt(1), fromMs(select.columnInt(2)), select.columnText(3),
                      select.columnText(4), QJsonDocument::fromJson(select.columnText(5).toUtf8()).object()});
    return found;
}

int ExecutionStore::trimExecutions(const QString &machine, int keep)
{
    Statement old(db(), u"SELECT arn FROM executions WHERE machine = ?1 AND status != 'RUNNING' "
                        "ORDER BY started DESC, rowid DESC LIMIT -1 OFFSET ?2"_s);
    old.bind(1, machine);
    old.bind(2, qint64(keep));
    QStringList arns;
    while (old.next())
        arns.append(old.columnText(0));
    for (const QString &arn : arns) {
        Statement events(db(), u"DELETE FROM execution_events WHERE execution = ?1"_s);
        events.bind(1, arn);
        (void)events.execute();
        Statement execution(db(), u"DELETE FROM executions WHERE arn = ?1"_s);
        execution.bind(1, arn);
        (void)execution.execute();
    }
    return int(arns.size());
}

QList<ExecutionRecord> ExecutionStore::finishedExecutions(const QString &machine, int limit) const
{
    // Only what the cost model reads: a stranger's state file could hold inputs and outputs
    // of any size in the other columns.
    Statement select(db(), u"SELECT arn, type, status, started, stopped, transitions FROM executions "
                           "WHERE machine = ?1 AND status != 'RUNNING' ORDER BY started DESC, rowid DESC LIMIT ?2"_s);
    select.bind(1, machine);
    select.bind(2, qint64(limit));
    QList<ExecutionRecord> found;
    while (select.next()) {
        ExecutionRecord e;
        e.arn = select.columnText(0);
        e.machine = machine;
        e.type = select.columnText(1);
        e.status = select.columnText(2);
        e.started = QDateTime::fromMSecsSinceEpoch(select.columnInt(3), Qt::UTC);
        if (!select.columnIsNull(4))
            e.stopped = QDateTime::fromMSecsSinceEpoch(select.columnInt(4), Qt::UTC);
        e.transitions = int(select.columnInt(5));
        found.append(e);
    }
    return found;
}

} // namespace Nimbus
