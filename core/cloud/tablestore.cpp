#include "tablestore.h"

#include "cloudclock.h"
#include "dynamoexpression.h"
#include "tablereads.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
// Past this many keys the memory of items starts again from nothing (a table bigger
// than that is read from SQLite, which is still fast; the memory stays bounded).
constexpr qsizetype kCacheLimit = 100000;

// Stream sequence numbers are reserved this many at a time: meta holds the last number
// reserved, written with the change that needs a new block, so that a write costs no
// statement of its own for it. A restart goes on after the block, leaving a gap, as
// AWS's sequence numbers have (they grow, not by one).
constexpr qint64 kSequenceBlock = 1000;

// What the last upsert of putItem replaced: whether a row was there, and its item.
struct Replaced
{
    bool happened = false;
    QByteArray item;
};

// Per thread, as a connection is used on one thread at a time and the statement that
// fills it runs to its end before putItem reads it.
Replaced &lastReplaced()
{
    thread_local Replaced replaced;
    return replaced;
}

// nimbus_replacing(old, new): keeps old (the item an upsert replaces) for putItem and
// gives new, the item written. SQLite has no RETURNING of the row before an update.
void replacing(sqlite3_context *context, int, sqlite3_value **arguments)
{
    Replaced &replaced = lastReplaced();
    replaced.happened = true;
    replaced.item = QByteArray(reinterpret_cast<const char *>(sqlite3_value_text(arguments[0])),
                               sqlite3_value_bytes(arguments[0]));
    sqlite3_result_value(context, arguments[1]);
}
} // namespace

Result<void> TableStore::createTables()
{
    if (Result<void> created = createSchema("tables"_L1); !created)
        return created;
    // Direct only: it has a side effect, so no view, trigger or index of the file may call it.
    if (sqlite3_create_function_v2(db().handle(), "nimbus_replacing", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, nullptr,
                                   &replacing, nullptr, nullptr, nullptr)
        != SQLITE_OK)
        return db().error(tr("cannot add the function nimbus_replacing"));
    forget();
    return {};
}

void TableStore::setTableReads(TableReads *reads)
{
    if (mReads)
        mReads->forgetItems();
    mReads = reads;
    if (mReads)
        mReads->forgetItems();
}

void TableStore::forget()
{
    mCache.clear();
    if (mReads)
        mReads->forgetItems();
    mSequence =
        db().queryInt(u"SELECT COALESCE(MAX(CAST(value AS INTEGER)), 0) FROM meta WHERE key = 'sequence'"_s).valueOr(0);
    mReserved = mSequence;
}

Result<void> TableStore::clear()
{
    mCache.clear();
    if (mReads)
        mReads->forgetItems();
    if (Result<void> done = db().exec(u"DELETE FROM items; DELETE FROM meta;"_s); !done)
        return done;
    mSequence = 0;
    mReserved = 0;
    return {};
}

void TableStore::recordChange(StreamRecord *record, const QString &eventName, const TableKeys &keys,
                              const QJsonObject &keyed, const QJsonObject &newImage, const QJsonObject &oldImage)
{
    // The sequence grows with every change, streamed or not.
    ++mSequence;
    if (!record)
        return;
    record->eventName = eventName;
    record->keys = {{keys.partitionKey, keyed.value(keys.partitionKey)}};
    if (!keys.sortKey.isEmpty())
        record->keys.insert(keys.sortKey, keyed.value(keys.sortKey));
    record->newImage = newImage;
    record->oldImage = oldImage;
    record->sequenceNumber = mSequence;
    record->when = clock().now();
}

std::optional<QString> TableStore::keyValue(const QJsonValue &attribute, const QString &type)
{
    const QJsonValue value = attribute.toObject().value(type);
    if (!value.isString() || attribute.toObject().size() != 1)
        return std::nullopt;
    const QString text = value.toString();
    if (type == "N"_L1) {
        // Exact, not through a double: 12345678901234567890 and ...891 are two keys.
        const auto number = DynamoValue::canonicalNumber(text);
        if (!number)
            return std::nullopt;
        return u"N:"_s + *number;
    }
    if (type == "S"_L1 && text.isEmpty())
        return std::nullopt;
    return type + ':'_L1 + text;
}

Result<QPair<QString, QString>> TableStore::itemKeys(const TableKeys &keys, const QJsonObject &item)
{
    const auto pk = keyValue(item.value(keys.partitionKey), keys.partitionType);
    if (!pk)
        return fail(tr("the item has no %1 of type %2 (its partition key)").arg(keys.partitionKey, keys.partitionType));
    if (keys.sortKey.isEmpty())
        return QPair<QString, QString>{*pk, QString()};
    const auto sk = keyValue(item.value(keys.sortKey), keys.sortType);
    if (!sk)
        return fail(tr("the item has no %1 of type %2 (its sort key)").arg(keys.sortKey, keys.sortType));
    return QPair<QString, QString>{*pk, *sk};
}

QString TableStore::cacheKey(const QString &table, const QPair<QString, QString> &ids)
{
    // A table name has no NUL (validName); a key value may: the first one's length says
    // where the second starts.
    return table + QChar(0) + QString::number(ids.first.size()) + QChar(0) + ids.first + ids.second;
}

void TableStore::remember(const QString &key, const std::optional<QJsonObject> &item)
{
    if (mCache.size() >= kCacheLimit && !mCache.contains(key))
        mCache.clear();
    mCache.insert(key, item);
}

Result<void> TableStore::writeItem(const QString &key, const std::function<Result<void>()> &write)
{
    // Other threads no longer read the key: theirs go through the cloud's thread until it
    // reads the key again with nothing waiting for a commit.
    if (mReads)
        mReads->forgetItem(key);
    const qint64 sequence = mSequence;
    const qint64 reserved = mReserved;
    auto writeWithSequence = [&]() -> Result<void> {
        Result<void> done = write();
        if (done && mSequence > mReserved) {
            Statement seq(db(), u"INSERT OR REPLACE INTO meta(key, value) VALUES ('sequence', ?1)"_s, Statement::Reuse);
            seq.bind(1, QString::number(mSequence + kSequenceBlock));
            done = seq.execute();
            if (done)
                mReserved = mSequence + kSequenceBlock;
        }
        if (!done) {
            mSequence = sequence;
            mReserved = reserved;
            mCache.remove(key);
        }
        return done;
    };
    if (connection().batching > 0 && (db().batchOpen() || !db().inTransaction())) {
        if (!db().batchOpen()) {
            if (Result<void> opened = db().openBatch(); !opened)
                return opened;
            if (connection().batchOpened)
                connection().batchOpened();
        }
        const Database::JoinBatch joining(db());
        const Result<void> done = writeWithSequence();
        // A failure that took the whole transaction back ends the batch (its waiters learn it).
        if (!done && !db().inTransaction())
            (void)db().commitBatch();
        return done;
    }
    // One transaction, one commit: the item and the sequence reach the log together.
    (void)db().commitBatch();
    const bool own = !db().inTransaction();
    if (own) {
        Statement begin(db(), u"BEGIN IMMEDIATE"_s, Statement::Reuse);
        if (Result<void> begun = begin.execute(); !begun)
            return begun;
    }
    Result<void> done = writeWithSequence();
    if (own) {
        Statement end(db(), done ? u"COMMIT"_s : u"ROLLBACK"_s, Statement::Reuse);
        const Result<void> ended = end.execute();
        if (done && !ended) {
            (void)db().exec(u"ROLLBACK"_s);
            mSequence = sequence;
            mReserved = reserved;
            mCache.remove(key);
            done = ended;
        }
    }
    return done;
}

Result<void> TableStore::putItem(const QString &table, const TableKeys &keys, const QJsonObject &item,
                                 StreamRecord *record, const QByteArray *text)
{
    // A name checked once (its expression costs more than the rest of a write's checks).
    if (!mValidTables.contains(table)) {
        if (!validName(table))
            return fail(tr("'%1' is not a valid table name").arg(table));
        if (mValidTables.size() >= 1000)
            mValidTables.clear();
        mValidTables.insert(table);
    }
    const auto ids = itemKeys(keys, item);
    if (!ids)
        return ids.error();
    const QString key = cacheKey(table, *ids);
    StreamRecord change;
    const Result<void> done = writeItem(key, [&]() -> Result<void> {
        // One statement for a new key and a known one alike: the upsert hands the item it
        // replaces to nimbus_replacing (see replacing()), so that no read comes first.
        Statement upsert(db(),
                         u"INSERT INTO items(tbl, pk, sk, sort_number, item) VALUES (?1, ?2, ?3, ?4, ?5) "
                         "ON CONFLICT(tbl, pk, sk) DO UPDATE SET sort_number = excluded.sort_number, "
                         "item = nimbus_replacing(items.item, excluded.item)"_s,
                         Statement::Reuse);
        upsert.bind(1, table);
        upsert.bind(2, ids->first);
        upsert.bind(3, ids->second);
        if (keys.sortType == "N"_L1 && !keys.sortKey.isEmpty())
            upsert.bind(4, ids->second.mid(2).toDouble());
        else
            upsert.bindNull(4);
        upsert.bindText(5, text ? *text : QJsonDocument(item).toJson(QJsonDocument::Compact));
        Replaced &replaced = lastReplaced();
        replaced = {};
        if (Result<void> written = upsert.execute(); !written)
            return written;
        std::optional<QJsonObject> old;
        if (replaced.happened) {
            // The memory's copy, when it holds one, saves parsing the item SQLite had.
            const auto remembered = mCache.constFind(key);
            old = remembered != mCache.constEnd() && remembered->has_value()
                      ? **remembered
                      : QJsonDocument::fromJson(replaced.item).object();
        }
        recordChange(&change, old ? u"MODIFY"_s : u"INSERT"_s, keys, item, item, old.value_or(QJsonObject()));
        return {};
    });
    if (!done)
        return done;
    // A key the memory holds (an item or its absence) is kept in step; a new key is not
    // added: a PutItem of new keys then costs no copy kept in memory (a write-heavy load
    // would fill it with items nobody reads), and its first GetItem reads it from SQLite.
    if (const auto held = mCache.find(key); held != mCache.end())
        *held = item;
    if (record)
        *record = change;
    return {};
}

Result<std::optional<QJsonObject>> TableStore::getItem(const QString &table, const TableKeys &keys,
                                                       const QJsonObject &key, bool share)
{
    const auto ids = itemKeys(keys, key);
    if (!ids)
        return ids.error();
    const QString remembered = cacheKey(table, *ids);
    // What is read with no transaction or group commit open is on disk (a failed commit
    // forgets the memory; SQLite may end a failed transaction before its batch ends).
    auto publish = [&](const std::optional<QJsonObject> &item) {
        if (share && mReads && !db().inTransaction() && !db().batchOpen() && !mReads->holdsItem(remembered))
            mReads->publishItem(remembered, item);
    };
    if (const auto found = mCache.constFind(remembered); found != mCache.constEnd()) {
        publish(*found);
        return *found;
    }
    Statement select(db(), u"SELECT item FROM items WHERE tbl = ?1 AND pk = ?2 AND sk = ?3"_s, Statement::Reuse);
    select.bind(1, table);
    select.bind(2, ids->first);
    select.bind(3, ids->second);
    std::optional<QJsonObject> item;
    if (select.next())
        item = QJsonDocument::fromJson(select.columnBlob(0)).object();
    else if (select.failed())
        return select.status().error();
    remember(remembered, item);
    publish(item);
    return item;
}

Result<void> TableStore::deleteItem(const QString &table, const TableKeys &keys, const QJsonObject &key,
                                    StreamRecord *record)
{
    const auto ids = itemKeys(keys, key);
    if (!ids)
        return ids.error();
    const std::optional<QJsonObject> old = getItem(table, keys, key).valueOr(std::nullopt);
    if (!old) {
        if (record)
            record->eventName.clear(); // nothing changed, nothing to stream
        return {};
    }
    const QString remembered = cacheKey(table, *ids);
    StreamRecord change;
    const Result<void> done = writeItem(remembered, [&]() -> Result<void> {
        Statement remove(db(), u"DELETE FROM items WHERE tbl = ?1 AND pk = ?2 AND sk = ?3"_s, Statement::Reuse);
        remove.bind(1, table);
        remove.bind(2, ids->first);
        remove.bind(3, ids->second);
        if (Result<void> removed = remove.execute(); !removed)
            return removed;
        recordChange(&change, u"REMOVE"_s, keys, *old, {}, *old);
        return {};
    });
    if (!done)
        return done;
    remember(remembered, std::nullopt);
    if (record)
        *record = change;
    return {};
}

Result<QList<QJsonObject>> TableStore::query(const QString &table, const TableKeys &keys,
                                             const QJsonValue &partitionValue, bool ascending)
{
    QList<QJsonObject> result;
    const auto pk = keyValue(partitionValue, keys.partitionType);
    if (!pk)
        return fail(tr("the partition key %1 must be of type %2").arg(keys.partitionKey, keys.partitionType));
    const QString order = keys.sortType == "N"_L1 ? u"sort_number"_s : u"sk"_s;
    Statement select(db(), u"SELECT item FROM items WHERE tbl = ?1 AND pk = ?2 ORDER BY %1 %2"_s.arg(
                               order, ascending ? u"ASC"_s : u"DESC"_s));
    select.bind(1, table);
    select.bind(2, *pk);
    while (select.next())
        result.append(QJsonDocument::fromJson(select.columnText(0).toUtf8()).object());
    // SQLite orders numbers as doubles; numbers closer than a double tells apart are
    // put in their exact order here.
    if (keys.sortType == "N"_L1 && !keys.sortKey.isEmpty())
        std::stable_sort(result.begin(), result.end(), [&](const QJsonObject &a, const QJsonObject &b) {
            const int c = DynamoValue::compare(a.value(keys.sortKey), b.value(keys.sortKey)).value_or(0);
            return ascending ? c < 0 : c > 0;
        });
    return result;
}

QPair<qint64, qint64> TableStore::tableSize(const QString &table) const
{
    Statement select(db(), u"SELECT count(*), coalesce(sum(length(item)), 0) FROM items WHERE tbl = ?1"_s);
    select.bind(1, table);
    if (!select.next())
        return {0, 0};
    return {select.columnInt(0), select.columnInt(1)};
}

QList<QJsonObject> TableStore::scan(const QString &table) const
{
    QList<QJsonObject> result;
    Statement select(db(), u"SELECT item FROM items WHERE tbl = ?1 ORDER BY pk, sk"_s);
    select.bind(1, table);
    while (select.next())
        result.append(QJsonDocument::fromJson(select.columnText(0).toUtf8()).object());
    return result;
}

namespace {
const QRegularExpression kAttributeName(u"^[A-Za-z0-9_.-]{1,255}$"_s);
const QRegularExpression kIndexName(u"^[A-Za-z0-9_.-]{3,255}$"_s);
} // namespace

bool TableIndex::holds(const QJsonObject &item) const
{
    return TableStore::keyValue(item.value(keys.partitionKey), keys.partitionType)
           && (keys.sortKey.isEmpty() || TableStore::keyValue(item.value(keys.sortKey), keys.sortType));
}

QJsonObject TableIndex::keyOf(const QJsonObject &item, const TableKeys &table) const
{
    QJsonObject key;
    for (const QString &name : {table.partitionKey, table.sortKey, keys.partitionKey, keys.sortKey})
        if (!name.isEmpty() && item.contains(name))
            key.insert(name, item.value(name));
    return key;
}

QJsonObject TableIndex::project(const QJsonObject &item, const TableKeys &table) const
{
    if (projection == "ALL"_L1)
        return item;
    QJsonObject out = keyOf(item, table);
    if (projection == "INCLUDE"_L1)
        for (const QString &name : nonKeyAttributes)
            if (item.contains(name))
                out.insert(name, item.value(name));
    return out;
}

Result<QList<TableIndex>> TableIndex::parse(const QString &text, const TableKeys &table)
{
    QList<TableIndex> indexes;
    if (text.trimmed().isEmpty())
        return indexes;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!document.isArray())
        return fail(TableStore::tr("the indexes are not a JSON array of indexes: %1").arg(parseError.errorString()));
    int globals = 0, locals = 0;
    QSet<QString> names;
    for (const QJsonValue &value : document.array()) {
        const QJsonObject o = value.toObject();
        TableIndex index;
        index.name = o.value("name"_L1).toString();
        if (!kIndexName.match(index.name).hasMatch())
            return fail(
                TableStore::tr("the index name '%1' is not 3 to 255 letters, digits, '_', '.' or '-'").arg(index.name));
        if (names.contains(index.name))
            return fail(TableStore::tr("two indexes are named %1").arg(index.name));
        names.insert(index.name);
        const QString kind = o.value("kind"_L1).toString(u"global"_s);
        if (kind != "global"_L1 && kind != "local"_L1)
            return fail(TableStore::tr("the index %1's kind is '%2', not global or local").arg(index.name, kind));
        index.local = kind == "local"_L1;
        index.keys.partitionKey = o.value("partitionKey"_L1).toString(index.local ? table.partitionKey : QString());
        index.keys.partitionType = o.value("partitionKeyType"_L1).toString(u"S"_s);
        index.keys.sortKey = o.value("sortKey"_L1).toString();
        index.keys.sortType = o.value("sortKeyType"_L1).toString(u"S"_s);
        for (const QString &type : {index.keys.partitionType, index.keys.sortType})
            if (type != "S"_L1 && type != "N"_L1 && type != "B"_L1)
                return fail(TableStore::tr("the index %1's key type '%2' is not S, N or B").arg(index.name, type));
        if (!kAttributeName.match(index.keys.partitionKey).hasMatch()
            || (!index.keys.sortKey.isEmpty() && !kAttributeName.match(index.keys.sortKey).hasMatch()))
            return fail(TableStore::tr("the index %1 needs a partition key (and an optional sort key) of 1 to 255 "
                                       "letters, digits, '_', '.' or '-'")
                            .arg(index.name));
        // An attribute is one type everywhere it is a key.
        for (const auto &[name, type] : {std::pair{index.keys.partitionKey, index.keys.partitionType},
                                         std::pair{index.keys.sortKey, index.keys.sortType}}) {
            if ((name == table.partitionKey && type != table.partitionType)
                || (!table.sortKey.isEmpty() && name == table.sortKey && type != table.sortType))
                return fail(
                    TableStore::tr("the index %1's key %2 has another type than the table's").arg(index.name, name));
        }
        if (index.local) {
            if (table.sortKey.isEmpty())
                return fail(TableStore::tr("the local index %1 needs a table with a sort key").arg(index.name));
            if (index.keys.partitionKey != table.partitionKey || index.keys.sortKey.isEmpty())
                return fail(TableStore::tr("the local index %1 must have the table's partition key %2 and a sort key")
                                .arg(index.name, table.partitionKey));
            if (++locals > 5)
                return fail(TableStore::tr("a table has at most 5 local indexes"));
        } else if (++globals > 20) {
            return fail(TableStore::tr("a table has at most 20 global indexes"));
        }
        index.projection = o.value("projection"_L1).toString(u"ALL"_s);
        if (index.projection != "ALL"_L1 && index.projection != "KEYS_ONLY"_L1 && index.projection != "INCLUDE"_L1)
            return fail(TableStore::tr("the index %1's projection '%2' is not ALL, KEYS_ONLY or INCLUDE")
                            .arg(index.name, index.projection));
        for (const QJsonValue &attribute : o.value("nonKeyAttributes"_L1).toArray())
            index.nonKeyAttributes.append(attribute.toString());
        if (index.projection == "INCLUDE"_L1 && index.nonKeyAttributes.isEmpty())
            return fail(TableStore::tr("the index %1 projects INCLUDE but names no nonKeyAttributes").arg(index.name));
        indexes.append(index);
    }
    return indexes;
}

Result<QList<QJsonObject>> TableStore::indexItems(const QString &table, const TableKeys &keys, const TableIndex &index,
                                                  const std::optional<QJsonValue> &partitionValue, bool ascending) const
{
    std::optional<QString> partition;
    if (partitionValue) {
        partition = keyValue(*partitionValue, index.keys.partitionType);
        if (!partition)
            return fail(
                tr("the partition key %1 must be of type %2").arg(index.keys.partitionKey, index.keys.partitionType));
    }
    // SQLite finds the items with the index's partition key (of that value, for strings
    // and binaries, through an expression index on it, which needs the path written into
    // the statement); the exact checks and the order are made here.
    const QString path = u"$.\"%1\""_s.arg(index.keys.partitionKey);
    const bool byText = partition && index.keys.partitionType != "N"_L1;
    const QString valuePath = path + '.'_L1 + index.keys.partitionType;
    const QString expression = attributeExpression(index.keys.partitionKey, index.keys.partitionType);
    const bool indexed = byText && !expressionIndex(expression).isEmpty();
    Statement select(db(), indexed
                               ? u"SELECT item FROM items WHERE tbl = ?1 AND %1 = ?4"_s.arg(expression)
                               : u"SELECT item FROM items WHERE tbl = ?1 AND json_type(item, ?2) IS NOT NULL%1"_s.arg(
                                   byText ? u" AND json_extract(item, ?3) = ?4"_s : QString()));
    select.bind(1, table);
    if (!indexed)
        select.bind(2, path);
    if (byText) {
        if (!indexed)
            select.bind(3, valuePath);
        select.bind(4, partition->mid(2));
    }
    QList<QJsonObject> result;
    while (select.next()) {
        const QJsonObject item = QJsonDocument::fromJson(select.columnText(0).toUtf8()).object();
        if (!index.holds(item))
            continue;
        if (partition && keyValue(item.value(index.keys.partitionKey), index.keys.partitionType) != partition)
            continue;
        result.append(item);
    }
    if (select.failed())
        return select.status().error();
    const auto order = [&](const QJsonObject &a, const QJsonObject &b) {
        for (const QString &name : {index.keys.partitionKey, index.keys.sortKey, keys.partitionKey, keys.sortKey}) {
            if (name.isEmpty())
                continue;
            if (const int c = DynamoValue::compare(a.value(name), b.value(name)).value_or(0); c != 0)
                return ascending ? c < 0 : c > 0;
        }
        return false;
    };
    std::sort(result.begin(), result.end(), order);
    return result;
}

QString TableStore::attributeExpression(const QString &attribute, const QString &type)
{
    // Attribute names are letters, digits, '_', '.' and '-' (TableIndex::parse checks), but
    // they are written into SQL: quotes are doubled all the same.
    auto literal = [](const QString &text) { return u"'%1'"_s.arg(QString(text).replace('\''_L1, "''"_L1)); };
    return u"nimbus_attribute(item, %1, %2)"_s.arg(literal(attribute), literal(type));
}

QString TableStore::expressionIndex(const QString &expression) const
{
    if (const auto it = mExpressionIndexes.constFind(expression); it != mExpressionIndexes.constEnd())
        return *it;
    // Named after the expression's hash, so that the same key of several tables or runs
    // shares one index.
    const QString name = u"items_by_"_s
                         + QString::fromLatin1(
                             QCryptographicHash::hash(expression.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
    // The names are this function's alone: items_by_ and 16 hex digits.
    if (mExpressionIndexCount < 0)
        mExpressionIndexCount = db().queryInt(u"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name GLOB "
                                              "'items_by_[0-9a-f]*'"_s)
                                    .valueOr(kExpressionIndexLimit);
    const bool exists =
        db().queryInt(u"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '%1'"_s.arg(name)).valueOr(0)
        > 0;
    if (!exists && mExpressionIndexCount >= kExpressionIndexLimit) {
        mExpressionIndexes.insert(expression, QString());
        return {};
    }
    const Result<void> made = db().exec(u"CREATE INDEX IF NOT EXISTS %1 ON items(tbl, %2)"_s.arg(name, expression));
    if (made && !exists)
        ++mExpressionIndexCount;
    mExpressionIndexes.insert(expression, made ? name : QString());
    return made ? name : QString();
}

namespace {
// Where a number attribute's value lies in an item's JSON, for SQLite's json_extract.
QString numberPath(const QString &attribute)
{
    return u"$.\"%1\".N"_s.arg(attribute);
}
} // namespace

std::optional<qint64> TableStore::earliestExpiry(const QString &table, const QString &attribute) const
{
    Statement select(db(), u"SELECT MIN(CAST(json_extract(item, ?2) AS REAL)) FROM items WHERE tbl = ?1"_s);
    select.bind(1, table);
    select.bind(2, numberPath(attribute));
    if (!select.next() || select.columnIsNull(0))
        return std::nullopt;
    return qint64(std::floor(select.columnDouble(0)));
}

Result<QList<StreamRecord>> TableStore::expireItems(const QString &table, const TableKeys &keys,
                                                    const QString &attribute, qint64 beforeSeconds)
{
    QList<QJsonObject> expired;
    {
        Statement select(
            db(),
            u"SELECT item FROM items WHERE tbl = ?1 AND CAST(json_extract(item, ?2) AS REAL) < ?3 ORDER BY pk, sk"_s);
        select.bind(1, table);
        select.bind(2, numberPath(attribute));
        select.bind(3, double(beforeSeconds));
        while (select.next())
            expired.append(QJsonDocument::fromJson(select.columnText(0).toUtf8()).object());
    }
    QList<StreamRecord> records;
    for (const QJsonObject &item : std::as_const(expired)) {
        StreamRecord record;
        if (Result<void> deleted = deleteItem(table, keys, item, &record); !deleted)
            return deleted.error();
        if (!record.eventName.isEmpty())
            records.append(record);
    }
    return records;
}

Result<QList<QJsonObject>> TableStore::scanPage(const QString &table, const TableKeys &keys, const QJsonObject &after,
                                                int maxItems)
{
    // In key order from just after the last page's key, a page at a time: a scan of a big
    // table reads what it returns, not the whole table for every page.
    QString where = u"tbl = ?1"_s;
    std::optional<QPair<QString, QString>> start;
    if (!after.isEmpty()) {
        const Result<QPair<QString, QString>> afterKeys = itemKeys(keys, after);
        if (!afterKeys)
            return afterKeys.error();
        start = *afterKeys;
        where += u" AND (pk, sk) > (?2, ?3)"_s;
    }
    Statement select(db(), u"SELECT item FROM items WHERE %1 ORDER BY pk, sk LIMIT ?4"_s.arg(where));
    select.bind(1, table);
    if (start) {
        select.bind(2, start->first);
        select.bind(3, start->second);
    }
    select.bind(4, qint64(maxItems));
    QList<QJsonObject> result;
    while (select.next())
        result.append(QJsonDocument::fromJson(select.columnText(0).toUtf8()).object());
    return result;
}

} // namespace Nimbus
