#pragma once

#include "storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Nimbus {

class CloudClock;

struct QueueMessage
{
    QString id;
    QByteArray body;
    QJsonObject attributes;
    QDateTime sent;
    QDateTime visibleAt;   // hidden until then (delay or a receive's visibility timeout)
    int receiveCount = 0;
    QString receiptHandle; // of the latest receive
};

struct StoredObject
{
    QString key;
    qint64 size = 0;
    QString etag; // MD5 of the content, as S3 gives for a single-part upload
    QString contentType;
    QDateTime modified;
};

// How a table's items are keyed: a partition key and an optional sort key, each
// with a DynamoDB type (S, N or B).
struct TableKeys
{
    QString partitionKey;
    QString partitionType = QStringLiteral("S");
    QString sortKey;
    QString sortType = QStringLiteral("S");
};

// What a table change tells its stream: INSERT, MODIFY or REMOVE, with the item's
// keys and its images before and after.
struct StreamRecord
{
    QString eventName;
    QJsonObject keys;
    QJsonObject newImage;
    QJsonObject oldImage;
    qint64 sequenceNumber = 0;
    QDateTime when;
};

// The state of the local cloud's services, kept beside the project so that it
// survives a restart: queue messages and table items in SQLite (state.sqlite),
// bucket objects as files (buckets/<bucket>/<key>). Items are DynamoDB JSON
// (attribute name -> {"S": ...}), as the SDKs send them. One thread uses it.
class CloudState
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::CloudState)

public:
    explicit CloudState(const CloudClock &clock);
    ~CloudState();

    bool open(const QString &directory);
    QString directory() const { return mDirectory; }
    QString errorString() const { return mError; }
    // Empties every queue, bucket and table.
    bool reset();

    // ---- queues
    // The new message's id, or empty on failure.
    QString sendMessage(const QString &queue, const QByteArray &body, const QJsonObject &attributes = {},
                        int delaySeconds = 0);
    // Up to max visible messages, hidden for visibilityTimeout seconds. A message
    // received maxReceiveCount times already moves to deadLetterQueue instead.
    // *deadLettered: the messages moved to the dead-letter queue on the way.
    QList<QueueMessage> receiveMessages(const QString &queue, int max, int visibilityTimeout, int maxReceiveCount = 0,
                                        const QString &deadLetterQueue = {}, QList<QueueMessage> *deadLettered = nullptr);
    bool deleteMessage(const QString &queue, const QString &receiptHandle);
    bool changeVisibility(const QString &queue, const QString &receiptHandle, int visibilityTimeout);
    // Every message, visible or in flight, oldest first (the inspector's view).
    QList<QueueMessage> messages(const QString &queue) const;
    int purgeQueue(const QString &queue);
    // Removes one message whatever its state (the inspector's Delete).
    bool removeMessage(const QString &queue, const QString &id);
    // When the next hidden message of a queue becomes visible (invalid if none).
    QDateTime nextVisible(const QString &queue) const;

    // ---- buckets
    bool putObject(const QString &bucket, const QString &key, const QByteArray &data, const QString &contentType,
                   StoredObject *stored = nullptr);
    std::optional<QByteArray> getObject(const QString &bucket, const QString &key, StoredObject *stored = nullptr);
    QList<StoredObject> listObjects(const QString &bucket, const QString &prefix = {}) const;
    // True also when there was nothing to delete (as S3 answers).
    bool deleteObject(const QString &bucket, const QString &key, bool *existed = nullptr);

    // ---- tables
    // Writes item (it must hold the keys, of their types); *record says what changed.
    bool putItem(const QString &table, const TableKeys &keys, const QJsonObject &item, StreamRecord *record = nullptr);
    std::optional<QJsonObject> getItem(const QString &table, const TableKeys &keys, const QJsonObject &key);
    bool deleteItem(const QString &table, const TableKeys &keys, const QJsonObject &key, StreamRecord *record = nullptr);
    // The items of one partition, by sort key (numbers numerically), ascending or not.
    QList<QJsonObject> query(const QString &table, const TableKeys &keys, const QJsonValue &partitionValue,
                             bool ascending = true);
    QList<QJsonObject> scan(const QString &table) const;
    // Items and bytes of their JSON, from the database alone (DescribeTable's figures,
    // which AWS too gives as estimates).
    QPair<qint64, qint64> tableSize(const QString &table) const;
    // At most maxItems items in key order, after the item whose key is after (from the
    // first when it is empty).
    QList<QJsonObject> scanPage(const QString &table, const TableKeys &keys, const QJsonObject &after, int maxItems);

    // A key value as stored and compared: "S:text", "N:<canonical number>", "B:base64".
    static std::optional<QString> keyValue(const QJsonValue &attribute, const QString &type);

private:
    bool fail(const QString &message);
    QString objectPath(const QString &bucket, const QString &key) const;
    std::optional<QPair<QString, QString>> itemKeys(const TableKeys &keys, const QJsonObject &item);

    const CloudClock &mClock;
    QString mDirectory;
    QString mError;
    mutable Database mDb;
    qint64 mSequence = 0;
};

} // namespace Nimbus
