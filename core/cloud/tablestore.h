#pragma once

#include "statestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Nimbus {

class TableReads;

// How a table's items are keyed: a partition key and an optional sort key, each
// with a DynamoDB type (S, N or B).
struct TableKeys
{
    QString partitionKey;
    QString partitionType = QStringLiteral("S");
    QString sortKey;
    QString sortType = QStringLiteral("S");
};

// A secondary index declared on a table (its indexes property): global (any keys) or
// local (the table's partition key, another sort key), with what it projects: ALL,
// KEYS_ONLY or INCLUDE (the keys and nonKeyAttributes). An item is in the index only
// when it has the index's keys, of their types (a sparse index).
struct TableIndex
{
    QString name;
    bool local = false;
    TableKeys keys;
    QString projection = QStringLiteral("ALL");
    QStringList nonKeyAttributes;

    bool holds(const QJsonObject &item) const;
    // The item as the index keeps it (its keys, the table's keys and what it projects).
    QJsonObject project(const QJsonObject &item, const TableKeys &table) const;
    // The key of an item in the index, as LastEvaluatedKey gives it: the index's and the table's keys.
    QJsonObject keyOf(const QJsonObject &item, const TableKeys &table) const;

    // The indexes of a table's indexes text (a JSON array, empty for none), checked against
    // the table's keys; an error naming the index and what is wrong.
    static Result<QList<TableIndex>> parse(const QString &text, const TableKeys &table);
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

// The tables' items, DynamoDB JSON (attribute name -> {"S": ...}) as the SDKs send them,
// in the state database's items table, with the last stream sequence number reserved in meta.
//
// Items read by key are kept in memory as well (absent ones too), so that a GetItem, or
// the look at the old item that a write of a known key makes, does not reach SQLite; a
// write updates the memory of a key it holds and leaves a new key out of it.
// The memory stays in step because every change of the items table goes through this
// store, on the state's one connection (no other connection writes state.sqlite); a
// write forgets its key if it fails, a reset forgets all.
class TableStore : public StateStore
{
    // Its messages keep the context they were translated under before the state was split.
    Q_DECLARE_TR_FUNCTIONS(Nimbus::CloudState)

public:
    explicit TableStore(StateConnection &connection) : StateStore(connection) { }

    // Writes item (it must hold the keys, of their types); *record says what changed.
    // text: item's compact JSON, when the caller has it already.
    Result<void> putItem(const QString &table, const TableKeys &keys, const QJsonObject &item,
                         StreamRecord *record = nullptr, const QByteArray *text = nullptr);
    // The item with key, nullopt if there is none; an error when key is not a key of the table.
    // share: what is read is also published to the TableReads set (GetItem's read), when
    // no transaction is open.
    Result<std::optional<QJsonObject>> getItem(const QString &table, const TableKeys &keys, const QJsonObject &key,
                                               bool share = false);
    Result<void> deleteItem(const QString &table, const TableKeys &keys, const QJsonObject &key,
                            StreamRecord *record = nullptr);
    // The items of one partition, by sort key (numbers numerically), ascending or not.
    Result<QList<QJsonObject>> query(const QString &table, const TableKeys &keys, const QJsonValue &partitionValue,
                                     bool ascending = true);
    QList<QJsonObject> scan(const QString &table) const;
    // At most this many SQLite indexes serve secondary indexes' queries in a state (see
    // indexItems): every program on the machine can make tables with indexes, and each
    // SQLite index slows every write. Past it, a query reads the table's items.
    static constexpr int kExpressionIndexLimit = 32;
    // The items an index holds (the table's items with its keys, whole), in the index's
    // order (its partition key, its sort key, then the table's keys), or descending;
    // only those of one index partition when partitionValue is given.
    Result<QList<QJsonObject>> indexItems(const QString &table, const TableKeys &keys, const TableIndex &index,
                                          const std::optional<QJsonValue> &partitionValue, bool ascending = true) const;
    // Items and bytes of their JSON, from the database alone (DescribeTable's figures,
    // which AWS too gives as estimates).
    QPair<qint64, qint64> tableSize(const QString &table) const;
    // At most maxItems items in key order, after the item whose key is after (from the
    // first when it is empty).
    Result<QList<QJsonObject>> scanPage(const QString &table, const TableKeys &keys, const QJsonObject &after,
                                        int maxItems);

    // Time to Live: the earliest expiry (epoch seconds) of a table's items whose attribute
    // is a number, none when no item has one; and the deletion of the items whose expiry
    // is before beforeSeconds, each a REMOVE record.
    std::optional<qint64> earliestExpiry(const QString &table, const QString &attribute) const;
    Result<QList<StreamRecord>> expireItems(const QString &table, const TableKeys &keys, const QString &attribute,
                                            qint64 beforeSeconds);

    // A key value as stored and compared: "S:text", "N:<canonical number>", "B:base64".
    static std::optional<QString> keyValue(const QJsonValue &attribute, const QString &type);
    // An item's key values (keyValue of its partition key, and of its sort key or empty),
    // and the key that names it in the memory of items (table and key values).
    static Result<QPair<QString, QString>> itemKeys(const TableKeys &keys, const QJsonObject &item);
    static QString cacheKey(const QString &table, const QPair<QString, QString> &ids);

    // Where the committed items read by key are published for other threads (see
    // TableReads), null for nowhere; it must outlive the store.
    void setTableReads(TableReads *reads);

protected:
    // The items table, and the stream's sequence numbers from after the last session's reserve.
    Result<void> createTables();
    Result<void> clear();
    // Forgets the items in memory and reads the sequence again, after a group commit
    // that failed took back writes the memory had seen.
    void forget();

private:
    void remember(const QString &key, const std::optional<QJsonObject> &item);
    // Runs write (its statements) and the sequence's update in one transaction, or in
    // the group commit when the connection is batching; forgets key if it fails.
    Result<void> writeItem(const QString &key, const std::function<Result<void>()> &write);
    // Fills *record (if any) for a change of the item keyed as keyed, with the next sequence number.
    void recordChange(StreamRecord *record, const QString &eventName, const TableKeys &keys, const QJsonObject &keyed,
                      const QJsonObject &newImage, const QJsonObject &oldImage);

    // SQL for the text of an item's attribute of a type (Database's nimbus_attribute),
    // which an index may use, as json_extract may not in an untrusted schema.
    static QString attributeExpression(const QString &attribute, const QString &type);
    // The SQLite index on expression over the items (a secondary index's partition key),
    // made the first time a query needs it: its name, or empty when it could not be made
    // (the query then reads the table's items).
    QString expressionIndex(const QString &expression) const;

    qint64 mSequence = 0;
    qint64 mReserved = 0; // the last sequence number meta reserves (see kSequenceBlock)
    // Table and key -> the item, nullopt when there is none (see cacheKey).
    QHash<QString, std::optional<QJsonObject>> mCache;
    QSet<QString> mValidTables; // names putItem found valid (at most 1000)
    TableReads *mReads = nullptr;
    mutable QHash<QString, QString> mExpressionIndexes; // expression -> SQLite index name
    mutable qint64 mExpressionIndexCount = -1; // in the file, read at the first need
};

} // namespace Nimbus
