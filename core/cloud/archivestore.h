#pragma once

#include "statestore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Nimbus {

// One event an archive kept: the event as the bus delivered it, and when it arrived
// (the cloud's virtual clock). sequence orders the events of all archives by arrival.
struct ArchivedEvent
{
    qint64 sequence = 0;
    QString archive;
    QDateTime arrived;
    QJsonObject event;
};

// The archives' events (EventBridge archives), in the state database's archived_events
// table, so that an archive outlives a restart of the cloud as the queues' messages do.
class ArchiveStore : public StateStore
{
public:
    explicit ArchiveStore(StateConnection &connection) : StateStore(connection) { }

    Result<void> archiveEvent(const QString &archive, const QJsonObject &event, const QDateTime &arrived);
    // The events of an archive that arrived in [from, to) (an invalid bound is open), after
    // the one numbered afterSequence, in the order they arrived; at most limit (-1: all).
    QList<ArchivedEvent> archivedEvents(const QString &archive, const QDateTime &from = {}, const QDateTime &to = {},
                                        qint64 afterSequence = 0, int limit = -1) const;
    qint64 archivedCount(const QString &archive, const QDateTime &from = {}, const QDateTime &to = {}) const;
    // The bytes of the archive's events, as DescribeArchive's SizeBytes counts them.
    qint64 archivedSize(const QString &archive) const;
    // When the oldest event of the archive arrived (invalid when it has none).
    QDateTime oldestArchived(const QString &archive) const;
    // Deletes the events that arrived at or before cutoff (past the retention); how many.
    int dropArchivedBefore(const QString &archive, const QDateTime &cutoff);
    // Deletes every event of the archive; how many.
    int deleteArchived(const QString &archive);

protected:
    Result<void> createTables();
    Result<void> clear();
};

} // namespace Nimbus
