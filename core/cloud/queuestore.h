#pragma once

#include "statestore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Nimbus {

struct QueueMessage
{
    QString id;
    QByteArray body;
    QJsonObject attributes;
    QDateTime sent;
    QDateTime visibleAt; // hidden until then (delay or a receive's visibility timeout)
    int receiveCount = 0;
    QString receiptHandle; // of the latest receive
    // FIFO queues only: the message's group, deduplication id and sequence number.
    QString groupId;
    QString deduplicationId;
    QString sequenceNumber;
};

// What a FIFO queue (or topic) takes beside a message's body.
struct FifoSend
{
    QString groupId;
    QString deduplicationId; // empty: not deduplicated (a message moved to a dead-letter queue)
};

// What a send made: the message's id and sequence number (FIFO only); for a duplicate
// of a message sent in the last five minutes, the first one's, as SQS answers.
struct SentMessage
{
    QString id;
    QString sequenceNumber;
    bool duplicate = false;
};

// The queues' messages, in the state database's messages table.
class QueueStore : public StateStore
{
    // Its messages keep the context they were translated under before the state was split.
    Q_DECLARE_TR_FUNCTIONS(Nimbus::CloudState)

public:
    explicit QueueStore(StateConnection &connection) : StateStore(connection) { }

    // The new message's id.
    Result<QString> sendMessage(const QString &queue, const QByteArray &body, const QJsonObject &attributes = {},
                                int delaySeconds = 0);
    // A message to a FIFO queue: in order within its group, numbered, and dropped as a
    // duplicate when its deduplication id was sent in the last kDeduplicationSeconds.
    Result<SentMessage> sendFifoMessage(const QString &queue, const QByteArray &body, const QJsonObject &attributes,
                                        int delaySeconds, const FifoSend &fifo);
    // What a FIFO topic keeps of a publish: the sequence number of a new one (scope
    // names the topic), or the first one's (duplicate) when deduplicationId is known.
    Result<SentMessage> numberFifo(const QString &scope, const QString &deduplicationId, const QString &newId);
    static constexpr int kDeduplicationSeconds = 5 * 60;
    // A sequence number as SQS and SNS write it: a decimal string that grows.
    static QString sequenceText(qint64 sequence);
    // Up to max visible messages, hidden for visibilityTimeout seconds. A message
    // received maxReceiveCount times already moves to deadLetterQueue instead.
    // *deadLettered: the messages moved to the dead-letter queue on the way. Of a FIFO
    // queue, no message of a group with one in flight (received, not deleted, still
    // hidden) comes, so that a group is processed by one consumer at a time, in order.
    Result<QList<QueueMessage>> receiveMessages(const QString &queue, int max, int visibilityTimeout,
                                                int maxReceiveCount = 0, const QString &deadLetterQueue = {},
                                                QList<QueueMessage> *deadLettered = nullptr);
    Result<void> deleteMessage(const QString &queue, const QString &receiptHandle);
    Result<void> changeVisibility(const QString &queue, const QString &receiptHandle, int visibilityTimeout);
    // Every message, visible or in flight, oldest first (the inspector's view).
    QList<QueueMessage> messages(const QString &queue) const;
    int purgeQueue(const QString &queue);
    // Removes one message whatever its state (the inspector's Delete).
    Result<void> removeMessage(const QString &queue, const QString &id);
    // When the next hidden message of a queue becomes visible (invalid if none).
    QDateTime nextVisible(const QString &queue) const;
    // The virtual clock's stops: when the next message of any queue that is hidden after
    // `after` becomes visible (invalid if none), and when the oldest message of a queue
    // was sent (invalid if it has none).
    QDateTime nextVisibleAfter(const QDateTime &after) const;
    QDateTime oldestSent(const QString &queue) const;
    // Deletes the messages of a queue sent at or before `sent` (past its retention); how many.
    int dropSentBefore(const QString &queue, const QDateTime &sent);

protected:
    Result<void> createTables();
    Result<void> clear();

private:
    // Inserts a message (with FIFO fields when sequence > 0).
    Result<void> insertMessage(const QString &queue, const QString &id, const QByteArray &body,
                               const QJsonObject &attributes, int delaySeconds, const FifoSend &fifo = {},
                               qint64 sequence = 0);
    // The number inside numberFifo, in its transaction.
    Result<SentMessage> numberInTransaction(const QString &scope, const QString &deduplicationId, const QString &newId,
                                            qint64 *sequence);
    // The time a MIN(...) query answers, invalid when there was nothing to take it of.
    static QDateTime earliest(Statement &select);
    // Runs a statement meant to change one message; the error noneChanged when none matched.
    Result<void> changedOne(Statement &statement, const QString &noneChanged);
};

} // namespace Nimbus
