#include "bucketstore.h"

#include "cloudclock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Nimbus {

Result<void> BucketStore::createTables()
{
    return createSchema("buckets"_L1);
}

Result<void> BucketStore::clear()
{
    if (Result<void> done = db().exec(u"DELETE FROM objects;"_s); !done)
        return done;
    QDir buckets(folder() + "/buckets"_L1);
    if (!buckets.removeRecursively() || !QDir().mkpath(buckets.path()))
        return fail(tr("cannot empty %1").arg(QDir::toNativeSeparators(buckets.path())));
    return {};
}

QString BucketStore::objectPath(const QString &bucket, const QString &key) const
{
    // Files are named by a hash of the key: any key S3 allows ("a", "a/", "a/b",
    // "../x") is a plain file inside the bucket's folder.
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return folder() + "/buckets/"_L1 + bucket + '/'_L1 + QString::fromLatin1(hash);
}

Result<StoredObject> BucketStore::putObject(const QString &bucket, const QString &key, const QByteArray &data,
                                            const QString &contentType)
{
    if (!validName(bucket))
        return fail(tr("'%1' is not a valid bucket name").arg(bucket));
    if (key.isEmpty() || key.toUtf8().size() > 1024)
        return fail(tr("an object key must have 1 to 1024 bytes"));
    if (!QDir().mkpath(folder() + "/buckets/"_L1 + bucket))
        return fail(tr("cannot create the folder of bucket %1").arg(bucket));
    QSaveFile file(objectPath(bucket, key));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return fail(tr("cannot store %1/%2: %3").arg(bucket, key, file.errorString()));
    StoredObject object;
    object.key = key;
    object.size = data.size();
    object.etag = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
    object.contentType = contentType.isEmpty() ? u"binary/octet-stream"_s : contentType;
    object.modified = clock().now();
    Statement insert(db(),
                     QStringLiteral("INSERT OR REPLACE INTO objects(bucket, key, size, etag, content_type, modified) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    insert.bind(1, bucket);
    insert.bind(2, key);
    insert.bind(3, object.size);
    insert.bind(4, object.etag);
    insert.bind(5, object.contentType);
    insert.bind(6, ms(object.modified));
    if (Result<void> done = insert.execute(); !done)
        return done.error();
    return object;
}

Result<QByteArray> BucketStore::getObject(const QString &bucket, const QString &key, StoredObject *stored)
{
    Statement select(db(), u"SELECT size, etag, content_type, modified FROM objects WHERE bucket = ?1 AND key = ?2"_s);
    select.bind(1, bucket);
    select.bind(2, key);
    if (!select.next())
        return fail(tr("%1 has no object %2").arg(bucket, key));
    if (stored)
        *stored = {key, select.columnInt(0), select.columnText(1), select.columnText(2), fromMs(select.columnInt(3))};
    QFile file(objectPath(bucket, key));
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("the content of %1/%2 is missing from the state folder").arg(bucket, key));
    return file.readAll();
}

QList<StoredObject> BucketStore::listObjects(const QString &bucket, const QString &prefix) const
{
    QList<StoredObject> result;
    Statement select(db(), QStringLiteral("SELECT key, size, etag, content_type, modified FROM objects "
                                          "WHERE bucket = ?1 AND substr(key, 1, length(?2)) = ?2 ORDER BY key"));
    select.bind(1, bucket);
    select.bind(2, prefix);
    while (select.next())
        result.append({select.columnText(0), select.columnInt(1), select.columnText(2), select.columnText(3),
                       fromMs(select.columnInt(4))});
    return result;
}

Result<void> BucketStore::deleteObject(const QString &bucket, const QString &key, bool *existed)
{
    Statement remove(db(), u"DELETE FROM objects WHERE bucket = ?1 AND key = ?2"_s);
    remove.bind(1, bucket);
    remove.bind(2, key);
    if (Result<void> done = remove.execute(); !done)
        return done;
    const bool had = db().changes() > 0;
    if (existed)
        *existed = had;
    if (had)
        QFile::remove(objectPath(bucket, key));
    return {};
}

} // namespace Nimbus
