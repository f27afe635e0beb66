#include "cloudstate.h"

#include "dynamoexpression.h"

#include <algorithm>

#include "cloudclock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>

#include <cmath>

namespace Nimbus {

namespace {
constexpr int kSchemaVersion = 1;

const char *kSchema = R"(
CREATE TABLE IF NOT EXISTS messages (
    queue TEXT NOT NULL,
    id TEXT PRIMARY KEY,
    body BLOB NOT NULL,
    attributes TEXT NOT NULL,
    sent INTEGER NOT NULL,
    visible_at INTEGER NOT NULL,
    receive_count INTEGER NOT NULL DEFAULT 0,
    receipt TEXT
);
CREATE INDEX IF NOT EXISTS messages_queue ON messages(queue, visible_at);
CREATE TABLE IF NOT EXISTS objects (
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    content_type TEXT NOT NULL,
    modified INTEGER NOT NULL,
    PRIMARY KEY (bucket, key)
);
CREATE TABLE IF NOT EXISTS items (
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    sk TEXT NOT NULL,
    sort_number REAL,
    item TEXT NOT NULL,
    PRIMARY KEY (tbl, pk, sk)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)";

qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QDateTime fromMs(qint64 value)
{
    return QDateTime::fromMSecsSinceEpoch(value, Qt::UTC);
}

bool validName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{1,255}$"));
    return re.match(name).hasMatch() && name != QLatin1String(".") && name != QLatin1String("..");
}

QueueMessage readMessage(Statement &q)
{
    QueueMessage m;
    m.id = q.columnText(0);
    m.body = q.columnBlob(1);
    m.attributes = QJsonDocument::fromJson(q.columnText(2).toUtf8()).object();
    m.sent = fromMs(q.columnInt(3));
    m.visibleAt = fromMs(q.columnInt(4));
    m.receiveCount = int(q.columnInt(5));
    m.receiptHandle = q.columnText(6);
    return m;
}

const QString kMessageColumns = QStringLiteral("id, body, attributes, sent, visible_at, receive_count, COALESCE(receipt, '')");
} // namespace

CloudState::CloudState(const CloudClock &clock)
    : mClock(clock)
{
}

CloudState::~CloudState() = default;

bool CloudState::fail(const QString &message)
{
    mError = message;
    return false;
}

bool CloudState::open(const QString &directory)
{
    mError.clear();
    mDirectory = QDir(directory).absolutePath();
    if (!QDir().mkpath(mDirectory + QLatin1String("/buckets")))
        return fail(tr("cannot create the state folder %1").arg(QDir::toNativeSeparators(mDirectory)));
    const QString path = mDirectory + QLatin1String("/state.sqlite");
    if (!mDb.open(path, Database::Mode::Create))
        return fail(tr("%1: %2").arg(QDir::toNativeSeparators(path), mDb.errorString()));
    qint64 version = 0;
    if (!mDb.queryInt(QStringLiteral("PRAGMA user_version"), &version))
        return fail(tr("%1: not a local cloud state (%2)").arg(QDir::toNativeSeparators(path), mDb.errorString()));
    // A state folder can come with a stranger's project: it holds nothing that runs on read.
    qint64 active = 0;
    if (!mDb.queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type IN ('view', 'trigger') "
                                     "OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL%')"), &active)
        || active > 0)
        return fail(tr("%1: not a local cloud state (it holds views or triggers); Reset State or delete the folder")
                        .arg(QDir::toNativeSeparators(path)));
    if (version > kSchemaVersion)
        return fail(tr("%1: written by a newer version of Nimbus Studio (state version %2; this one reads %3)")
                        .arg(QDir::toNativeSeparators(path))
                        .arg(version)
                        .arg(kSchemaVersion));
    // Write-ahead logging: a write does not wait for the disk, and survives a crash of
    // the studio (not of the machine), which is what a local emulator needs.
    if (!mDb.exec(QString::fromLatin1(kSchema)) || !mDb.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion))
        || !mDb.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !mDb.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return fail(tr("%1: %2").arg(QDir::toNativeSeparators(path), mDb.errorString()));
    mDb.queryInt(QStringLiteral("SELECT COALESCE(MAX(CAST(value AS INTEGER)), 0) FROM meta WHERE key = 'sequence'"), &mSequence);
    return true;
}

bool CloudState::reset()
{
    if (!mDb.exec(QStringLiteral("DELETE FROM messages; DELETE FROM objects; DELETE FROM items; DELETE FROM meta;")))
        return fail(mDb.errorString());
    mSequence = 0;
    QDir buckets(mDirectory + QLatin1String("/buckets"));
    if (!buckets.removeRecursively() || !QDir().mkpath(buckets.path()))
        return fail(tr("cannot empty %1").arg(QDir::toNativeSeparators(buckets.path())));
    return true;
}

// ---- queues ----------------------------------------------------------------

QString CloudState::sendMessage(const QString &queue, const QByteArray &body, const QJsonObject &attributes,
                                int delaySeconds)
{
    if (!validName(queue)) {
        fail(tr("'%1' is not a valid queue name").arg(queue));
        return {};
    }
    const QDateTime now = mClock.now();
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Statement insert(mDb, QStringLiteral("INSERT INTO messages(queue, id, body, attributes, sent, visible_at) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    insert.bind(1, queue);
    insert.bind(2, id);
    insert.bind(3, body);
    insert.bind(4, QString::fromUtf8(QJsonDocument(attributes).toJson(QJsonDocument::Compact)));
    insert.bind(5, ms(now));
    insert.bind(6, ms(now.addSecs(std::max(0, delaySeconds))));
    if (!insert.execute()) {
        fail(mDb.errorString());
        return {};
    }
    return id;
}

QList<QueueMessage> CloudState::receiveMessages(const QString &queue, int max, int visibilityTimeout,
                                                int maxReceiveCount, const QString &deadLetterQueue,
                                                QList<QueueMessage> *deadLettered)
{
    const qint64 now = ms(mClock.now());
    QList<QueueMessage> received;
    if (!mDb.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        fail(mDb.errorString());
        return received;
    }
    // Messages received maxReceiveCount times that are back in view go to the
    // dead-letter queue, counted afresh there.
    if (maxReceiveCount > 0 && !deadLetterQueue.isEmpty()) {
        if (deadLettered) {
            Statement doomed(mDb, QStringLiteral("SELECT %1 FROM messages WHERE queue = ?1 AND visible_at <= ?2 "
                                                 "AND receive_count >= ?3 ORDER BY rowid").arg(kMessageColumns));
            doomed.bind(1, queue);
            doomed.bind(2, now);
            doomed.bind(3, qint64(maxReceiveCount));
            while (doomed.next())
                deadLettered->append(readMessage(doomed));
        }
        Statement move(mDb, QStringLiteral("UPDATE messages SET queue = ?1, receive_count = 0, receipt = NULL, visible_at = ?2 "
                                           "WHERE queue = ?3 AND visible_at <= ?2 AND receive_count >= ?4"));
        move.bind(1, deadLetterQueue);
        move.bind(2, now);
        move.bind(3, queue);
        move.bind(4, qint64(maxReceiveCount));
        move.execute();
    }
    {
        Statement select(mDb, QStringLiteral("SELECT %1 FROM messages WHERE queue = ?1 AND visible_at <= ?2 "
                                             "ORDER BY rowid LIMIT ?3").arg(kMessageColumns));
        select.bind(1, queue);
        select.bind(2, now);
        select.bind(3, qint64(std::clamp(max, 1, 10000)));
        while (select.next())
            received.append(readMessage(select));
    }
    Statement update(mDb, QStringLiteral("UPDATE messages SET receive_count = receive_count + 1, visible_at = ?1, receipt = ?2 "
                                         "WHERE id = ?3"));
    for (QueueMessage &m : received) {
        m.receiveCount += 1;
        m.visibleAt = fromMs(now + qint64(std::max(0, visibilityTimeout)) * 1000);
        m.receiptHandle = QUuid::createUuid().toString(QUuid::WithoutBraces);
        update.bind(1, ms(m.visibleAt));
        update.bind(2, m.receiptHandle);
        update.bind(3, m.id);
        update.execute();
    }
    if (!mDb.exec(QStringLiteral("COMMIT"))) {
        fail(mDb.errorString());
        mDb.exec(QStringLiteral("ROLLBACK"));
        return {};
    }
    return received;
}

bool CloudState::deleteMessage(const QString &queue, const QString &receiptHandle)
{
    Statement remove(mDb, QStringLiteral("DELETE FROM messages WHERE queue = ?1 AND receipt = ?2"));
    remove.bind(1, queue);
    remove.bind(2, receiptHandle);
    if (!remove.execute())
        return fail(mDb.errorString());
    if (mDb.changes() == 0)
        return fail(tr("no message of %1 has the receipt handle %2").arg(queue, receiptHandle));
    return true;
}

bool CloudState::changeVisibility(const QString &queue, const QString &receiptHandle, int visibilityTimeout)
{
    Statement update(mDb, QStringLiteral("UPDATE messages SET visible_at = ?1 WHERE queue = ?2 AND receipt = ?3"));
    update.bind(1, ms(mClock.now()) + qint64(std::max(0, visibilityTimeout)) * 1000);
    update.bind(2, queue);
    update.bind(3, receiptHandle);
    if (!update.execute())
        return fail(mDb.errorString());
    if (mDb.changes() == 0)
        return fail(tr("no message of %1 has the receipt handle %2").arg(queue, receiptHandle));
    return true;
}

QList<QueueMessage> CloudState::messages(const QString &queue) const
{
    QList<QueueMessage> result;
    Statement select(mDb, QStringLiteral("SELECT %1 FROM messages WHERE queue = ?1 ORDER BY rowid").arg(kMessageColumns));
    select.bind(1, queue);
    while (select.next())
        result.append(readMessage(select));
    return result;
}

bool CloudState::removeMessage(const QString &queue, const QString &id)
{
    Statement remove(mDb, QStringLiteral("DELETE FROM messages WHERE queue = ?1 AND id = ?2"));
    remove.bind(1, queue);
    remove.bind(2, id);
    if (!remove.execute())
        return fail(mDb.errorString());
    if (mDb.changes() == 0)
        return fail(tr("%1 has no message %2").arg(queue, id));
    return true;
}

int CloudState::purgeQueue(const QString &queue)
{
    Statement remove(mDb, QStringLiteral("DELETE FROM messages WHERE queue = ?1"));
    remove.bind(1, queue);
    remove.execute();
    return mDb.changes();
}

QDateTime CloudState::nextVisible(const QString &queue) const
{
    Statement select(mDb, QStringLiteral("SELECT MIN(visible_at) FROM messages WHERE queue = ?1"));
    select.bind(1, queue);
    if (select.next() && !select.columnIsNull(0))
        return fromMs(select.columnInt(0));
    return {};
}

// ---- buckets ---------------------------------------------------------------

QString CloudState::objectPath(const QString &bucket, const QString &key) const
{
    // Files are named by a hash of the key: any key S3 allows ("a", "a/", "a/b",
    // "../x") is a plain file inside the bucket's folder.
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return mDirectory + QLatin1String("/buckets/") + bucket + QLatin1Char('/') + QString::fromLatin1(hash);
}

bool CloudState::putObject(const QString &bucket, const QString &key, const QByteArray &data,
                           const QString &contentType, StoredObject *stored)
{
    if (!validName(bucket))
        return fail(tr("'%1' is not a valid bucket name").arg(bucket));
    if (key.isEmpty() || key.toUtf8().size() > 1024)
        return fail(tr("an object key must have 1 to 1024 bytes"));
    if (!QDir().mkpath(mDirectory + QLatin1String("/buckets/") + bucket))
        return fail(tr("cannot create the folder of bucket %1").arg(bucket));
    QSaveFile file(objectPath(bucket, key));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return fail(tr("cannot store %1/%2: %3").arg(bucket, key, file.errorString()));
    StoredObject object;
    object.key = key;
    object.size = data.size();
    object.etag = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
    object.contentType = contentType.isEmpty() ? QStringLiteral("binary/octet-stream") : contentType;
    object.modified = mClock.now();
    Statement insert(mDb, QStringLiteral("INSERT OR REPLACE INTO objects(bucket, key, size, etag, content_type, modified) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    insert.bind(1, bucket);
    insert.bind(2, key);
    insert.bind(3, object.size);
    insert.bind(4, object.etag);
    insert.bind(5, object.contentType);
    insert.bind(6, ms(object.modified));
    if (!insert.execute())
        return fail(mDb.errorString());
    if (stored)
        *stored = object;
    return true;
}

std::optional<QByteArray> CloudState::getObject(const QString &bucket, const QString &key, StoredObject *stored)
{
    Statement select(mDb, QStringLiteral("SELECT size, etag, content_type, modified FROM objects WHERE bucket = ?1 AND key = ?2"));
    select.bind(1, bucket);
    select.bind(2, key);
    if (!select.next()) {
        fail(tr("%1 has no object %2").arg(bucket, key));
        return std::nullopt;
    }
    if (stored)
        *stored = {key, select.columnInt(0), select.columnText(1), select.columnText(2), fromMs(select.columnInt(3))};
    QFile file(objectPath(bucket, key));
    if (!file.open(QIODevice::ReadOnly)) {
        fail(tr("the content of %1/%2 is missing from the state folder").arg(bucket, key));
        return std::nullopt;
    }
    return file.readAll();
}

QList<StoredObject> CloudState::listObjects(const QString &bucket, const QString &prefix) const
{
    QList<StoredObject> result;
    Statement select(mDb, QStringLiteral("SELECT key, size, etag, content_type, modified FROM objects "
                                         "WHERE bucket = ?1 AND substr(key, 1, length(?2)) = ?2 ORDER BY key"));
    select.bind(1, bucket);
    select.bind(2, prefix);
    while (select.next())
        result.append({select.columnText(0), select.columnInt(1), select.columnText(2), select.columnText(3),
                       fromMs(select.columnInt(4))});
    return result;
}

bool CloudState::deleteObject(const QString &bucket, const QString &key, bool *existed)
{
    Statement remove(mDb, QStringLiteral("DELETE FROM objects WHERE bucket = ?1 AND key = ?2"));
    remove.bind(1, bucket);
    remove.bind(2, key);
    if (!remove.execute())
        return fail(mDb.errorString());
    const bool had = mDb.changes() > 0;
    if (existed)
        *existed = had;
    if (had)
        QFile::remove(objectPath(bucket, key));
    return true;
}

// ---- tables ----------------------------------------------------------------

std::optional<QString> CloudState::keyValue(const QJsonValue &attribute, const QString &type)
{
    const QJsonValue value = attribute.toObject().value(type);
    if (!value.isString() || attribute.toObject().size() != 1)
        return std::nullopt;
    const QString text = value.toString();
    if (type == QLatin1String("N")) {
        // Exact, not through a double: 12345678901234567890 and ...891 are two keys.
        const auto number = DynamoValue::canonicalNumber(text);
        if (!number)
            return std::nullopt;
        return QStringLiteral("N:") + *number;
    }
    if (type == QLatin1String("S") && text.isEmpty())
        return std::nullopt;
    return type + QLatin1Char(':') + text;
}

std::optional<QPair<QString, QString>> CloudState::itemKeys(const TableKeys &keys, const QJsonObject &item)
{
    const auto pk = keyValue(item.value(keys.partitionKey), keys.partitionType);
    if (!pk) {
        fail(tr("the item has no %1 of type %2 (its partition key)").arg(keys.partitionKey, keys.partitionType));
        return std::nullopt;
    }
    if (keys.sortKey.isEmpty())
        return QPair<QString, QString>{*pk, QString()};
    const auto sk = keyValue(item.value(keys.sortKey), keys.sortType);
    if (!sk) {
        fail(tr("the item has no %1 of type %2 (its sort key)").arg(keys.sortKey, keys.sortType));
        return std::nullopt;
    }
    return QPair<QString, QString>{*pk, *sk};
}

bool CloudState::putItem(const QString &table, const TableKeys &keys, const QJsonObject &item, StreamRecord *record)
{
    if (!validName(table))
        return fail(tr("'%1' is not a valid table name").arg(table));
    const auto ids = itemKeys(keys, item);
    if (!ids)
        return false;
    const std::optional<QJsonObject> old = getItem(table, keys, item);
    Statement insert(mDb, QStringLiteral("INSERT OR REPLACE INTO items(tbl, pk, sk, sort_number, item) VALUES (?1, ?2, ?3, ?4, ?5)"));
    insert.bind(1, table);
    insert.bind(2, ids->first);
    insert.bind(3, ids->second);
    if (keys.sortType == QLatin1String("N") && !keys.sortKey.isEmpty())
        insert.bind(4, ids->second.mid(2).toDouble());
    else
        insert.bindNull(4);
    insert.bind(5, QString::fromUtf8(QJsonDocument(item).toJson(QJsonDocument::Compact)));
    if (!insert.execute())
        return fail(mDb.errorString());
    ++mSequence;
    Statement seq(mDb, QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES ('sequence', ?1)"));
    seq.bind(1, QString::number(mSequence));
    seq.execute();
    if (record) {
        record->eventName = old ? QStringLiteral("MODIFY") : QStringLiteral("INSERT");
        record->keys = {{keys.partitionKey, item.value(keys.partitionKey)}};
        if (!keys.sortKey.isEmpty())
            record->keys.insert(keys.sortKey, item.value(keys.sortKey));
        record->newImage = item;
        record->oldImage = old.value_or(QJsonObject());
        record->sequenceNumber = mSequence;
        record->when = mClock.now();
    }
    return true;
}

std::optional<QJsonObject> CloudState::getItem(const QString &table, const TableKeys &keys, const QJsonObject &key)
{
    const auto ids = itemKeys(keys, key);
    if (!ids)
        return std::nullopt;
    Statement select(mDb, QStringLiteral("SELECT item FROM items WHERE tbl = ?1 AND pk = ?2 AND sk = ?3"));
    select.bind(1, table);
    select.bind(2, ids->first);
    select.bind(3, ids->second);
    if (!select.next())
        return std::nullopt;
    return QJsonDocument::fromJson(select.columnText(0).toUtf8()).object();
}

bool CloudState::deleteItem(const QString &table, const TableKeys &keys, const QJsonObject &key, StreamRecord *record)
{
    const auto ids = itemKeys(keys, key);
    if (!ids)
        return false;
    const std::optional<QJsonObject> old = getItem(table, keys, key);
    if (!old) {
        if (record)
            record->eventName.clear(); // nothing changed, nothing to stream
        return true;
    }
    Statement remove(mDb, QStringLiteral("DELETE FROM items WHERE tbl = ?1 AND pk = ?2 AND sk = ?3"));
    remove.bind(1, table);
    remove.bind(2, ids->first);
    remove.bind(3, ids->second);
    if (!remove.execute())
        return fail(mDb.errorString());
    ++mSequence;
    if (record) {
        record->eventName = QStringLiteral("REMOVE");
        record->keys = {{keys.partitionKey, old->value(keys.partitionKey)}};
        if (!keys.sortKey.isEmpty())
            record->keys.insert(keys.sortKey, old->value(keys.sortKey));
        record->newImage = {};
        record->oldImage = *old;
        record->sequenceNumber = mSequence;
        record->when = mClock.now();
    }
    return true;
}

QList<QJsonObject> CloudState::query(const QString &table, const TableKeys &keys, const QJsonValue &partitionValue,
                                     bool ascending)
{
    QList<QJsonObject> result;
    const auto pk = keyValue(partitionValue, keys.partitionType);
    if (!pk) {
        fail(tr("the partition key %1 must be of type %2").arg(keys.partitionKey, keys.partitionType));
        return result;
    }
    const QString order = keys.sortType == QLatin1String("N") ? QStringLiteral("sort_number") : QStringLiteral("sk");
    Statement select(mDb, QStringLiteral("SELECT item FROM items WHERE tbl = ?1 AND pk = ?2 ORDER BY %1 %2")
                              .arg(order, ascending ? QStringLiteral("ASC") : QStringLiteral("DESC")));
    select.bind(1, table);
    select.bind(2, *pk);
    while (select.next())
        result.append(QJsonDocument::fromJson(select.columnText(0).toUtf8()).object());
    // SQLite orders numbers as doubles; numbers closer than a double tells apart are
    // put in their exact order here.
    if (keys.sortType == QLatin1String("N") && !keys.sortKey.isEmpty())
        std::stable_sort(result.begin(), result.end(), [&](const QJsonObject &a, const QJsonObject &b) {
            const int c = DynamoValue::compare(a.value(keys.sortKey), b.value(keys.sortKey)).value_or(0);
            return ascending ? c < 0 : c > 0;
        });
    return result;
}

QPair<qint64, qint64> CloudState::tableSize(const QString &table) const
{
    Statement select(mDb, QStringLiteral("SELECT count(*), coalesce(sum(length(item)), 0) FROM items WHERE tbl = ?1"));
    select.bind(1, table);
    if (!select.next())
        return {0, 0};
    return {select.columnInt(0), select.columnInt(1)};
}

QList<QJsonObject> CloudState::scan(const QString &table) const
{
    QList<QJsonObject> result;
    Statement select(mDb, QStringLiteral("SELECT item FROM items WHERE tbl = ?1 ORDER BY pk, sk"));
    select.bind(1, table);
    while (select.next())
        result.append(QJsonDocument::fromJson(select.columnText(0).toUtf8()).object());
    return result;
}

QList<QJsonObject> CloudState::scanPage(const QString &table, const TableKeys &keys, const QJsonObject &after, int maxItems)
{
    // In key order from just after the last page's key, a page at a time: a scan of a big
    // table reads what it returns, not the whole table for every page.
    QString where = QStringLiteral("tbl = ?1");
    std::optional<QPair<QString, QString>> start;
    if (!after.isEmpty()) {
        start = itemKeys(keys, after);
        if (!start)
            return {};
        where += QStringLiteral(" AND (pk, sk) > (?2, ?3)");
    }
    Statement select(mDb, QStringLiteral("SELECT item FROM items WHERE %1 ORDER BY pk, sk LIMIT ?4").arg(where));
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
