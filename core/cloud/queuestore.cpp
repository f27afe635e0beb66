#include "queuestore.h"

#include "cloudclock.h"
#include "runtime/requestid.h"

#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QueueMessage readMessage(Statement &q)
{
    QueueMessage m;
    m.id = q.columnText(0);
    m.body = q.columnBlob(1);
    m.attributes = QJsonDocument::fromJson(q.columnText(2).toUtf8()).object();
    m.sent = QDateTime::fromMSecsSinceEpoch(q.columnInt(3), Qt::UTC);
    m.visibleAt = QDateTime::fromMSecsSinceEpoch(q.columnInt(4), Qt::UTC);
    m.receiveCount = int(q.columnInt(5));
    m.receiptHandle = q.columnText(6);
    m.groupId = q.columnText(7);
    m.deduplicationId = q.columnText(8);
    if (const qint64 sequence = q.columnInt(9); sequence > 0)
        m.sequenceNumber = QueueStore::sequenceText(sequence);
    return m;
}

const QString kMessageColumns = QStringLiteral("id, body, attributes, sent, visible_at, receive_count, "
                                               "COALESCE(receipt, ''), COALESCE(group_id, ''), "
                                               "COALESCE(dedup_id, ''), COALESCE(sequence, 0)");

// A FIFO queue's groups with a message in flight: received, still hidden, not deleted.
const QString kNotInFlight = QStringLiteral(
    "(group_id IS NULL OR group_id NOT IN (SELECT group_id FROM messages WHERE queue = ?1 "
    "AND group_id IS NOT NULL AND receive_count > 0 AND visible_at > ?2))");

} // namespace

Result<void> QueueStore::createTables()
{
    if (Result<void> done = createSchema("queues"_L1); !done)
        return done;
    // A state from before FIFO queues: its messages table gets their columns.
    const Result<qint64> has = db().queryInt(
        u"SELECT count(*) FROM pragma_table_info('messages') WHERE name = 'group_id'"_s);
    if (!has)
        return has.error();
    if (*has == 0)
        return db().exec(QStringLiteral("ALTER TABLE messages ADD COLUMN group_id TEXT; "
                                        "ALTER TABLE messages ADD COLUMN dedup_id TEXT; "
                                        "ALTER TABLE messages ADD COLUMN sequence INTEGER;"));
    return {};
}

Result<void> QueueStore::clear()
{
    return db().exec(u"DELETE FROM messages; DELETE FROM fifo_sent; DELETE FROM fifo_sequences;"_s);
}

QString QueueStore::sequenceText(qint64 sequence)
{
    // 20 digits that grow with each message, as SQS's 128-bit numbers look.
    return u"1%1"_s.arg(sequence, 19, 10, '0'_L1);
}

Result<QString> QueueStore::sendMessage(const QString &queue, const QByteArray &body, const QJsonObject &attributes,
                                        int delaySeconds)
{
    const QString id = newRequestId();
    if (Result<void> done = insertMessage(queue, id, body, attributes, delaySeconds); !done)
        return done.error();
    return id;
}

Result<void> QueueStore::insertMessage(const QString &queue, const QString &id, const QByteArray &body,
                                       const QJsonObject &attributes, int delaySeconds, const FifoSend &fifo,
                                       qint64 sequence)
{
    if (!validName(queue))
        return fail(tr("'%1' is not a valid queue name").arg(queue));
    const QDateTime now = clock().now();
    Statement insert(db(), QStringLiteral("INSERT INTO messages(queue, id, body, attributes, sent, visible_at, "
                                          "group_id, dedup_id, sequence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    insert.bind(1, queue);
    insert.bind(2, id);
    insert.bind(3, body);
    insert.bind(4, QString::fromUtf8(QJsonDocument(attributes).toJson(QJsonDocument::Compact)));
    insert.bind(5, ms(now));
    insert.bind(6, ms(now.addSecs(std::max(0, delaySeconds))));
    if (sequence > 0) {
        insert.bind(7, fifo.groupId);
        insert.bind(8, fifo.deduplicationId);
        insert.bind(9, sequence);
    } else {
        insert.bindNull(7);
        insert.bindNull(8);
        insert.bindNull(9);
    }
    return insert.execute();
}

Result<SentMessage> QueueStore::numberInTransaction(const QString &scope, const QString &deduplicationId,
                                                    const QString &newId, qint64 *sequence)
{
    const qint64 now = ms(clock().now());
    if (!deduplicationId.isEmpty()) {
        Statement expire(db(), u"DELETE FROM fifo_sent WHERE queue = ?1 AND sent <= ?2"_s);
        expire.bind(1, scope);
        expire.bind(2, now - qint64(kDeduplicationSeconds) * 1000);
        if (Result<void> done = expire.execute(); !done)
            return done.error();
        Statement known(db(), u"SELECT message_id, sequence FROM fifo_sent WHERE queue = ?1 AND dedup_id = ?2"_s);
        known.bind(1, scope);
        known.bind(2, deduplicationId);
        if (known.next())
            return SentMessage{known.columnText(0), sequenceText(known.columnInt(1)), true};
    }
    Statement next(db(), QStringLiteral("INSERT INTO fifo_sequences(queue, last) VALUES (?1, 1) "
                                        "ON CONFLICT(queue) DO UPDATE SET last = last + 1 RETURNING last"));
    next.bind(1, scope);
    if (!next.next())
        return fail(tr("cannot number a message of %1").arg(scope));
    *sequence = next.columnInt(0);
    next.reset();
    if (!deduplicationId.isEmpty()) {
        Statement remember(db(), QStringLiteral("INSERT INTO fifo_sent(queue, dedup_id, message_id, sequence, sent) "
                                                "VALUES (?1, ?2, ?3, ?4, ?5)"));
        remember.bind(1, scope);
        remember.bind(2, deduplicationId);
        remember.bind(3, newId);
        remember.bind(4, *sequence);
        remember.bind(5, now);
        if (Result<void> done = remember.execute(); !done)
            return done.error();
    }
    return SentMessage{newId, sequenceText(*sequence), false};
}

Result<SentMessage> QueueStore::numberFifo(const QString &scope, const QString &deduplicationId, const QString &newId)
{
    if (Result<void> done = db().exec(u"BEGIN IMMEDIATE"_s); !done)
        return done.error();
    qint64 sequence = 0;
    const Result<SentMessage> numbered = numberInTransaction(scope, deduplicationId, newId, &sequence);
    if (Result<void> done = db().exec(numbered ? u"COMMIT"_s : u"ROLLBACK"_s); !done && numbered)
        return done.error();
    return numbered;
}

Result<SentMessage> QueueStore::sendFifoMessage(const QString &queue, const QByteArray &body,
                                                const QJsonObject &attributes, int delaySeconds, const FifoSend &fifo)
{
    if (fifo.groupId.isEmpty())
        return fail(tr("a message to the FIFO queue %1 needs a message group").arg(queue));
    if (Result<void> done = db().exec(u"BEGIN IMMEDIATE"_s); !done)
        return done.error();
    const QString id = newRequestId();
    qint64 sequence = 0;
    Result<SentMessage> sent = numberInTransaction(queue, fifo.deduplicationId, id, &sequence);
    if (sent && !sent->duplicate) {
        if (Result<void> inserted = insertMessage(queue, id, body, attributes, delaySeconds, fifo, sequence); !inserted)
            sent = inserted.error();
    }
    if (Result<void> done = db().exec(sent ? u"COMMIT"_s : u"ROLLBACK"_s); !done && sent)
        return done.error();
    return sent;
}

Result<QList<QueueMessage>> QueueStore::receiveMessages(const QString &queue, int max, int visibilityTimeout,
                                                        int maxReceiveCount, const QString &deadLetterQueue,
                                                        QList<QueueMessage> *deadLettered)
{
    const qint64 now = ms(clock().now());
    QList<QueueMessage> received;
    if (Result<void> done = db().exec(u"BEGIN IMMEDIATE"_s); !done)
        return done.error();
    // Messages received maxReceiveCount times that are back in view go to the
    // dead-letter queue, counted afresh there.
    if (maxReceiveCount > 0 && !deadLetterQueue.isEmpty()) {
        if (deadLettered) {
            Statement doomed(db(), QStringLiteral("SELECT %1 FROM messages WHERE queue = ?1 AND visible_at <= ?2 "
                                                  "AND receive_count >= ?3 ORDER BY rowid")
                                       .arg(kMessageColumns));
            doomed.bind(1, queue);
            doomed.bind(2, now);
            doomed.bind(3, qint64(maxReceiveCount));
            while (doomed.next())
                deadLettered->append(readMessage(doomed));
        }
        Statement move(
            db(), QStringLiteral("UPDATE messages SET queue = ?1, receive_count = 0, receipt = NULL, visible_at = ?2 "
                                 "WHERE queue = ?3 AND visible_at <= ?2 AND receive_count >= ?4"));
        move.bind(1, deadLetterQueue);
        move.bind(2, now);
        move.bind(3, queue);
        move.bind(4, qint64(maxReceiveCount));
        (void)move.execute();
    }
    {
        Statement select(db(), QStringLiteral("SELECT %1 FROM messages WHERE queue = ?1 AND visible_at <= ?2 "
                                              "AND %2 ORDER BY rowid LIMIT ?3")
                                   .arg(kMessageColumns, kNotInFlight));
        select.bind(1, queue);
        select.bind(2, now);
        select.bind(3, qint64(std::clamp(max, 1, 10000)));
        while (select.next())
            received.append(readMessage(select));
    }
    Statement update(
        db(), QStringLiteral("UPDATE messages SET receive_count = receive_count + 1, visible_at = ?1, receipt = ?2 "
                             "WHERE id = ?3"));
    for (QueueMessage &m : received) {
        m.receiveCount += 1;
        m.visibleAt = fromMs(now + qint64(std::max(0, visibilityTimeout)) * 1000);
        m.receiptHandle = newRequestId();
        update.bind(1, ms(m.visibleAt));
        update.bind(2, m.receiptHandle);
        update.bind(3, m.id);
        (void)update.execute();
    }
    if (Result<void> done = db().exec(u"COMMIT"_s); !done) {
        (void)db().exec(u"ROLLBACK"_s);
        return done.error();
    }
    return received;
}

Result<void> QueueStore::changedOne(Statement &statement, const QString &noneChanged)
{
    if (Result<void> done = statement.execute(); !done)
        return done;
    if (db().changes() == 0)
        return fail(noneChanged);
    return {};
}

Result<void> QueueStore::deleteMessage(const QString &queue, const QString &receiptHandle)
{
    Statement remove(db(), u"DELETE FROM messages WHERE queue = ?1 AND receipt = ?2"_s);
    remove.bind(1, queue);
    remove.bind(2, receiptHandle);
    return changedOne(remove, tr("no message of %1 has the receipt handle %2").arg(queue, receiptHandle));
}

Result<void> QueueStore::changeVisibility(const QString &queue, const QString &receiptHandle, int visibilityTimeout)
{
    Statement update(db(), u"UPDATE messages SET visible_at = ?1 WHERE queue = ?2 AND receipt = ?3"_s);
    update.bind(1, ms(clock().now()) + qint64(std::max(0, visibilityTimeout)) * 1000);
    update.bind(2, queue);
    update.bind(3, receiptHandle);
    return changedOne(update, tr("no message of %1 has the receipt handle %2").arg(queue, receiptHandle));
}

QList<QueueMessage> QueueStore::messages(const QString &queue) const
{
    QList<QueueMessage> result;
    Statement select(db(), u"SELECT %1 FROM messages WHERE queue = ?1 ORDER BY rowid"_s.arg(kMessageColumns));
    select.bind(1, queue);
    while (select.next())
        result.append(readMessage(select));
    return result;
}

Result<void> QueueStore::removeMessage(const QString &queue, const QString &id)
{
    Statement remove(db(), u"DELETE FROM messages WHERE queue = ?1 AND id = ?2"_s);
    remove.bind(1, queue);
    remove.bind(2, id);
    return changedOne(remove, tr("%1 has no message %2").arg(queue, id));
}

int QueueStore::purgeQueue(const QString &queue)
{
    Statement remove(db(), u"DELETE FROM messages WHERE queue = ?1"_s);
    remove.bind(1, queue);
    (void)remove.execute();
    return db().changes();
}

QDateTime QueueStore::earliest(Statement &select)
{
    if (select.next() && !select.columnIsNull(0))
        return fromMs(select.columnInt(0));
    return {};
}

QDateTime QueueStore::nextVisible(const QString &queue) const
{
    Statement select(db(), u"SELECT MIN(visible_at) FROM messages WHERE queue = ?1"_s);
    select.bind(1, queue);
    return earliest(select);
}

QDateTime QueueStore::nextVisibleAfter(const QDateTime &after) const
{
    Statement select(db(), u"SELECT MIN(visible_at) FROM messages WHERE visible_at > ?1"_s);
    select.bind(1, ms(after));
    return earliest(select);
}

QDateTime QueueStore::oldestSent(const QString &queue) const
{
    Statement select(db(), u"SELECT MIN(sent) FROM messages WHERE queue = ?1"_s);
    select.bind(1, queue);
    return earliest(select);
}

int QueueStore::dropSentBefore(const QString &queue, const QDateTime &sent)
{
    Statement remove(db(), u"DELETE FROM messages WHERE queue = ?1 AND sent <= ?2"_s);
    remove.bind(1, queue);
    remove.bind(2, ms(sent));
    if (!remove.execute())
        return 0;
    return db().changes();
}

} // namespace Nimbus
