#include "archivestore.h"

#include <QJsonDocument>

#include <limits>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
// The range and cursor of archivedEvents and archivedCount: ?1 archive, ?2 from, ?3 to, ?4 after.
constexpr const char *kRange = "archive = ?1 AND arrived >= ?2 AND arrived < ?3 AND seq > ?4";

void bindRange(Statement &statement, const QString &archive, const QDateTime &from, const QDateTime &to, qint64 after)
{
    statement.bind(1, archive);
    statement.bind(2, from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min());
    statement.bind(3, to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max());
    statement.bind(4, after);
}
} // namespace

Result<void> ArchiveStore::createTables()
{
    return createSchema("archives"_L1);
}

Result<void> ArchiveStore::clear()
{
    return db().exec(u"DELETE FROM archived_events;"_s);
}

Result<void> ArchiveStore::archiveEvent(const QString &archive, const QJsonObject &event, const QDateTime &arrived)
{
    Statement insert(db(),
                     u"INSERT INTO archived_events (archive, event_id, arrived, event) VALUES (?1, ?2, ?3, ?4)"_s);
    insert.bind(1, archive);
    insert.bind(2, event.value("id"_L1).toString());
    insert.bind(3, ms(arrived));
    insert.bind(4, QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)));
    return insert.execute();
}

QList<ArchivedEvent> ArchiveStore::archivedEvents(const QString &archive, const QDateTime &from, const QDateTime &to,
                                                  qint64 afterSequence, int limit) const
{
    Statement select(db(), u"SELECT seq, arrived, event FROM archived_events WHERE %1 ORDER BY seq LIMIT ?5"_s.arg(
                               QLatin1String(kRange)));
    bindRange(select, archive, from, to, afterSequence);
    select.bind(5, qint64(limit));
    QList<ArchivedEvent> events;
    while (select.next())
        events.append({select.columnInt(0), archive, fromMs(select.columnInt(1)),
                       QJsonDocument::fromJson(select.columnText(2).toUtf8()).object()});
    return events;
}

qint64 ArchiveStore::archivedCount(const QString &archive, const QDateTime &from, const QDateTime &to) const
{
    Statement select(db(), u"SELECT count(*) FROM archived_events WHERE %1"_s.arg(QLatin1String(kRange)));
    bindRange(select, archive, from, to, 0);
    return select.next() ? select.columnInt(0) : 0;
}

qint64 ArchiveStore::archivedSize(const QString &archive) const
{
    Statement select(db(), u"SELECT coalesce(sum(length(CAST(event AS BLOB))), 0) FROM archived_events "
                           "WHERE archive = ?1"_s);
    select.bind(1, archive);
    return select.next() ? select.columnInt(0) : 0;
}

QDateTime ArchiveStore::oldestArchived(const QString &archive) const
{
    Statement select(db(), u"SELECT MIN(arrived) FROM archived_events WHERE archive = ?1"_s);
    select.bind(1, archive);
    if (select.next() && !select.columnIsNull(0))
        return fromMs(select.columnInt(0));
    return {};
}

int ArchiveStore::dropArchivedBefore(const QString &archive, const QDateTime &cutoff)
{
    Statement remove(db(), u"DELETE FROM archived_events WHERE archive = ?1 AND arrived <= ?2"_s);
    remove.bind(1, archive);
    remove.bind(2, ms(cutoff));
    return remove.execute() ? db().changes() : 0;
}

int ArchiveStore::deleteArchived(const QString &archive)
{
    Statement remove(db(), u"DELETE FROM archived_events WHERE archive = ?1"_s);
    remove.bind(1, archive);
    return remove.execute() ? db().changes() : 0;
}

} // namespace Nimbus
