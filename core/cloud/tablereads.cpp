#include "tablereads.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

QString grantKey(const QString &function, const QString &tableName)
{
    return function + u'\n' + tableName;
}

} // namespace

std::optional<QByteArray> TableReads::answer(const QString &tableName, const QJsonObject &key,
                                             const QString &invocation) const
{
    Table table;
    {
        const QReadLocker locker(&mLock);
        const auto found = mTables.constFind(tableName);
        if (found == mTables.constEnd())
            return std::nullopt;
        if (!invocation.isEmpty()) {
            const auto running = mInvocations.constFind(invocation);
            if (running == mInvocations.constEnd() || !mGrants.contains(grantKey(*running, tableName)))
                return std::nullopt;
        }
        table = *found;
    }
    // Another attribute in the key is DynamoDB's validation error: the service gives it.
    if (key.size() != (table.keys.sortKey.isEmpty() ? 1 : 2))
        return std::nullopt;
    // The key's text (as long as a request) is read without the lock, which the cloud's
    // thread needs for every write.
    const auto ids = TableStore::itemKeys(table.keys, key);
    if (!ids)
        return std::nullopt;
    const QString itemKey = TableStore::cacheKey(table.node, *ids);
    const QReadLocker locker(&mLock);
    const auto item = mItems.constFind(itemKey);
    if (item == mItems.constEnd())
        return std::nullopt;
    return *item;
}

void TableReads::publishTable(const QString &tableName, const Table &table)
{
    if (tableName.size() > kNameLimit)
        return;
    const QWriteLocker locker(&mLock);
    // Names come from requests: any program can send many.
    if (mTables.size() >= 1000 && !mTables.contains(tableName))
        mTables.clear();
    mTables.insert(tableName, table);
}

void TableReads::publishItem(const QString &itemKey, const std::optional<QJsonObject> &item)
{
    // The answer's body as the service writes it (AwsWire::jsonAnswer of GetItem's result).
    const QByteArray body = item ? QJsonDocument(QJsonObject{{u"Item"_s, *item}}).toJson(QJsonDocument::Compact)
                                 : "{}"_ba;
    const QWriteLocker locker(&mLock);
    if (const auto held = mItems.constFind(itemKey); held != mItems.constEnd())
        mBytes -= held->size() + itemKey.size() * 2;
    else if (mItems.size() >= kItemLimit)
        mBytes = kByteLimit; // cleared below
    if (mBytes + body.size() + itemKey.size() * 2 > kByteLimit) {
        mItems.clear();
        mBytes = 0;
    }
    mItems.insert(itemKey, body);
    mBytes += body.size() + itemKey.size() * 2;
}

bool TableReads::holdsItem(const QString &itemKey) const
{
    const QReadLocker locker(&mLock);
    return mItems.contains(itemKey);
}

void TableReads::forgetItem(const QString &itemKey)
{
    {
        // Most writes are of keys nobody read: the shared lock is enough to know.
        const QReadLocker locker(&mLock);
        if (!mItems.contains(itemKey))
            return;
    }
    const QWriteLocker locker(&mLock);
    if (const auto held = mItems.constFind(itemKey); held != mItems.constEnd()) {
        mBytes -= held->size() + itemKey.size() * 2;
        mItems.erase(held);
    }
}

void TableReads::forgetItems()
{
    const QWriteLocker locker(&mLock);
    mItems.clear();
    mBytes = 0;
}

void TableReads::forgetTables()
{
    const QWriteLocker locker(&mLock);
    mTables.clear();
    mGrants.clear();
}

void TableReads::forgetAll()
{
    const QWriteLocker locker(&mLock);
    mTables.clear();
    mGrants.clear();
    mItems.clear();
    mBytes = 0;
}

void TableReads::publishInvocation(const QString &requestId, const QString &function)
{
    const QWriteLocker locker(&mLock);
    mInvocations.insert(requestId, function);
}

void TableReads::forgetInvocation(const QString &requestId)
{
    const QWriteLocker locker(&mLock);
    mInvocations.remove(requestId);
}

void TableReads::forgetInvocations()
{
    const QWriteLocker locker(&mLock);
    mInvocations.clear();
}

void TableReads::publishGrant(const QString &invocation, const QString &tableName)
{
    if (tableName.size() > kNameLimit)
        return;
    const QWriteLocker locker(&mLock);
    const auto running = mInvocations.constFind(invocation);
    if (running == mInvocations.constEnd())
        return;
    QString grant = grantKey(*running, tableName);
    // Table names come from requests, as publishTable's.
    if (mGrants.size() >= 1000 && !mGrants.contains(grant))
        mGrants.clear();
    mGrants.insert(std::move(grant));
}

void TableReads::forgetGrants()
{
    const QWriteLocker locker(&mLock);
    mGrants.clear();
}

} // namespace Nimbus
