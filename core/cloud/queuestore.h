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
    // Up to max visible messages, hidden for visibilityTimeout seconds. A message
    // received maxReceiveCount times already moves to deadLetterQueue instead.
    // *deadLettered: the messages moved to the dead-letter queue on the way.
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
    // Runs a statement meant to change one message; the error noneChanged when none matched.
    Result<void> changedOne(Statement &statement, const QString &noneChanged);
};

} // namespace Nimbus
