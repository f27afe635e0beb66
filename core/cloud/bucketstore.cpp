#include "bucketstore.h"

#include "cloudclock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {

constexpr qint64 kCopyChunk = 1024 * 1024;

QString fieldsText(const ObjectFields &fields)
{
    QJsonObject object;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

ObjectFields fieldsOf(const QString &text)
{
    ObjectFields fields;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        fields.insert(it.key(), it.value().toString());
    return fields;
}

// Copies length bytes of from (at its position) to to in chunks, hashing them into md5.
bool copyBytes(QIODevice &from, QIODevice &to, qint64 length, QCryptographicHash &md5)
{
    QByteArray buffer;
    while (length > 0) {
        buffer = from.read(std::min(length, kCopyChunk));
        if (buffer.isEmpty() || to.write(buffer) != buffer.size())
            return false;
        md5.addData(buffer);
        length -= buffer.size();
    }
    return true;
}

} // namespace

Result<void> BucketStore::createTables()
{
    return createSchema("buckets"_L1);
}

Result<void> BucketStore::clear()
{
    for (const QString &sql : {u"DELETE FROM objects;"_s, u"DELETE FROM object_details;"_s, u"DELETE FROM uploads;"_s,
                               u"DELETE FROM upload_parts;"_s, u"DELETE FROM bucket_versioning;"_s,
                               u"DELETE FROM current_versions;"_s, u"DELETE FROM object_versions;"_s})
        if (Result<void> done = db().exec(sql); !done)
            return done;
    for (const QString &name : {u"buckets"_s, u"uploads"_s}) {
        QDir dir(folder() + '/'_L1 + name);
        if (!dir.removeRecursively() || !QDir().mkpath(dir.path()))
            return fail(tr("cannot empty %1").arg(QDir::toNativeSeparators(dir.path())));
    }
    return {};
}

QString BucketStore::objectPath(const QString &bucket, const QString &key) const
{
    // Files are named by a hash of the key: any key S3 allows ("a", "a/", "a/b",
    // "../x") is a plain file inside the bucket's folder.
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return folder() + "/buckets/"_L1 + bucket + '/'_L1 + QString::fromLatin1(hash);
}

QString BucketStore::uploadFolder(const QString &uploadId) const
{
    return folder() + "/uploads/"_L1 + uploadId;
}

bool BucketStore::validUploadId(const QString &uploadId)
{
    static const QRegularExpression re(u"^[0-9a-f]{32}$"_s);
    return re.match(uploadId).hasMatch();
}

Result<StoredObject> BucketStore::putObject(const QString &bucket, const QString &key, const QByteArray &data,
                                            const QString &contentType, const QString &versioning)
{
    if (!validName(bucket))
        return fail(tr("'%1' is not a valid bucket name").arg(bucket));
    if (key.isEmpty() || key.toUtf8().size() > 1024)
        return fail(tr("an object key must have 1 to 1024 bytes"));
    if (!QDir().mkpath(folder() + "/buckets/"_L1 + bucket))
        return fail(tr("cannot create the folder of bucket %1").arg(bucket));
    QSaveFile file(objectPath(bucket, key));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return fail(tr("cannot store %1/%2: %3").arg(bucket, key, file.errorString()));
    const Result<QString> versionId = archiveCurrent(bucket, key, versioning);
    if (!versionId)
        return versionId.error();
    if (!file.commit())
        return fail(tr("cannot store %1/%2: %3").arg(bucket, key, file.errorString()));
    StoredObject object;
    object.key = key;
    object.versionId = *versionId;
    object.size = data.size();
    object.etag = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
    object.contentType = contentType;
    return recordObject(bucket, key, object);
}

// The objects row of a stored file, with the object's details (none for a plain put).
Result<StoredObject> BucketStore::recordObject(const QString &bucket, const QString &key, StoredObject object)
{
    if (object.contentType.isEmpty())
        object.contentType = u"binary/octet-stream"_s;
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
    if (Result<void> done = writeDetails(bucket, key, object.headers, object.tags); !done)
        return done.error();
    Statement version(db(),
                      object.versionId.isEmpty()
                          ? u"DELETE FROM current_versions WHERE bucket = ?1 AND key = ?2"_s
                          : u"INSERT OR REPLACE INTO current_versions(bucket, key, version_id) VALUES (?1, ?2, ?3)"_s);
    version.bind(1, bucket);
    version.bind(2, key);
    if (!object.versionId.isEmpty())
        version.bind(3, object.versionId);
    if (Result<void> done = version.execute(); !done)
        return done.error();
    object.latest = object.current = true;
    return object;
}

Result<void> BucketStore::writeDetails(const QString &bucket, const QString &key, const ObjectFields &headers,
                                       const ObjectFields &tags)
{
    if (headers.isEmpty() && tags.isEmpty()) {
        Statement remove(db(), u"DELETE FROM object_details WHERE bucket = ?1 AND key = ?2"_s);
        remove.bind(1, bucket);
        remove.bind(2, key);
        return remove.execute();
    }
    Statement insert(db(), QStringLiteral("INSERT OR REPLACE INTO object_details(bucket, key, headers, tags) "
                                          "VALUES (?1, ?2, ?3, ?4)"));
    insert.bind(1, bucket);
    insert.bind(2, key);
    insert.bind(3, fieldsText(headers));
    insert.bind(4, fieldsText(tags));
    return insert.execute();
}

Result<void> BucketStore::setObjectDetails(const QString &bucket, const QString &key, const ObjectFields &headers,
                                           const ObjectFields &tags)
{
    if (Result<StoredObject> info = objectInfo(bucket, key); !info)
        return info.error();
    return writeDetails(bucket, key, headers, tags);
}

Result<StoredObject> BucketStore::objectInfo(const QString &bucket, const QString &key) const
{
    Statement select(db(), QStringLiteral("SELECT o.size, o.etag, o.content_type, o.modified, d.headers, d.tags, "
                                          "v.version_id FROM objects o LEFT JOIN object_details d "
                                          "ON d.bucket = o.bucket AND d.key = o.key "
                                          "LEFT JOIN current_versions v ON v.bucket = o.bucket AND v.key = o.key "
                                          "WHERE o.bucket = ?1 AND o.key = ?2"));
    select.bind(1, bucket);
    select.bind(2, key);
    if (!select.next())
        return fail(tr("%1 has no object %2").arg(bucket, key));
    return StoredObject{key,
                        select.columnInt(0),
                        select.columnText(1),
                        select.columnText(2),
                        fromMs(select.columnInt(3)),
                        fieldsOf(select.columnText(4)),
                        fieldsOf(select.columnText(5)),
                        select.columnText(6),
                        false,
                        true,
                        true};
}

Result<QByteArray> BucketStore::getObject(const QString &bucket, const QString &key, StoredObject *stored)
{
    const Result<StoredObject> info = objectInfo(bucket, key);
    if (!info)
        return info.error();
    if (stored)
        *stored = *info;
    QFile file(objectPath(bucket, key));
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("the content of %1/%2 is missing from the state folder").arg(bucket, key));
    return file.readAll();
}

Result<QByteArray> BucketStore::readObject(const QString &bucket, const QString &key, qint64 from, qint64 length) const
{
    QFile file(objectPath(bucket, key));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(from))
        return fail(tr("the content of %1/%2 is missing from the state folder").arg(bucket, key));
    QByteArray data = file.read(length);
    if (data.size() != length)
        return fail(tr("the content of %1/%2 is shorter than recorded").arg(bucket, key));
    return data;
}

QList<StoredObject> BucketStore::listObjects(const QString &bucket, const QString &prefix) const
{
    QList<StoredObject> result;
    Statement select(db(), QStringLiteral("SELECT key, size, etag, content_type, modified FROM objects "
                                          "WHERE bucket = ?1 AND substr(key, 1, length(?2)) = ?2 ORDER BY key"));
    select.bind(1, bucket);
    select.bind(2, prefix);
    while (select.next())
        result.append({select.columnText(0),
                       select.columnInt(1),
                       select.columnText(2),
                       select.columnText(3),
                       fromMs(select.columnInt(4)),
                       {},
                       {},
                       {},
                       false,
                       true,
                       true});
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
    if (had) {
        QFile::remove(objectPath(bucket, key));
        Statement version(db(), u"DELETE FROM current_versions WHERE bucket = ?1 AND key = ?2"_s);
        version.bind(1, bucket);
        version.bind(2, key);
        if (Result<void> done = version.execute(); !done)
            return done;
        return writeDetails(bucket, key, {}, {});
    }
    return {};
}

QString BucketStore::versionPath(const QString &bucket, const QString &key, const QString &versionId) const
{
    // Named by a hash of key and id: neither a key nor an id names a path.
    const QByteArray hash =
        QCryptographicHash::hash(key.toUtf8() + '\0' + versionId.toUtf8(), QCryptographicHash::Sha1).toHex();
    return folder() + "/buckets/"_L1 + bucket + "/versions/"_L1 + QString::fromLatin1(hash);
}

bool BucketStore::validVersionId(const QString &versionId)
{
    static const QRegularExpression re(u"^[A-Za-z0-9]{32}$"_s);
    return versionId == "null"_L1 || re.match(versionId).hasMatch();
}

QString BucketStore::bucketVersioning(const QString &bucket) const
{
    Statement select(db(), u"SELECT status FROM bucket_versioning WHERE bucket = ?1"_s);
    select.bind(1, bucket);
    return select.next() ? select.columnText(0) : QString();
}

Result<void> BucketStore::setBucketVersioning(const QString &bucket, const QString &status)
{
    if (!validName(bucket))
        return fail(tr("'%1' is not a valid bucket name").arg(bucket));
    Statement insert(db(), u"INSERT OR REPLACE INTO bucket_versioning(bucket, status) VALUES (?1, ?2)"_s);
    insert.bind(1, bucket);
    insert.bind(2, status);
    return insert.execute();
}

QList<StoredObject> BucketStore::olderVersions(const QString &bucket, const QString &key) const
{
    QList<StoredObject> result;
    Statement select(db(), QStringLiteral("SELECT version_id, delete_marker, size, etag, content_type, modified, "
                                          "headers, tags FROM object_versions WHERE bucket = ?1 AND key = ?2 "
                                          "ORDER BY seq DESC"));
    select.bind(1, bucket);
    select.bind(2, key);
    while (select.next())
        result.append({key, select.columnInt(2), select.columnText(3), select.columnText(4),
                       fromMs(select.columnInt(5)), fieldsOf(select.columnText(6)), fieldsOf(select.columnText(7)),
                       select.columnText(0), select.columnInt(1) != 0, false, false});
    return result;
}

Result<StoredObject> BucketStore::objectVersion(const QString &bucket, const QString &key,
                                                const QString &versionId) const
{
    if (!validVersionId(versionId))
        return fail(tr("%1 has no version %2 of %3").arg(bucket, versionId.left(100), key));
    if (Result<StoredObject> current = objectInfo(bucket, key);
        current && (current->versionId.isEmpty() ? u"null"_s : current->versionId) == versionId)
        return current;
    const QList<StoredObject> older = olderVersions(bucket, key);
    const bool hasCurrent = bool(objectInfo(bucket, key));
    for (qsizetype i = 0; i < older.size(); ++i) {
        if (older.at(i).versionId != versionId)
            continue;
        StoredObject version = older.at(i);
        version.latest = i == 0 && !hasCurrent;
        return version;
    }
    return fail(tr("%1 has no version %2 of %3").arg(bucket, versionId, key));
}

std::optional<StoredObject> BucketStore::latestDeleteMarker(const QString &bucket, const QString &key) const
{
    if (objectInfo(bucket, key))
        return std::nullopt;
    const QList<StoredObject> older = olderVersions(bucket, key);
    if (older.isEmpty() || !older.first().deleteMarker)
        return std::nullopt;
    StoredObject marker = older.first();
    marker.latest = true;
    return marker;
}

QList<StoredObject> BucketStore::listVersions(const QString &bucket, const QString &prefix) const
{
    QMap<QString, QList<StoredObject>> byKey;
    for (const StoredObject &object : listObjects(bucket, prefix)) {
        const Result<StoredObject> current = objectInfo(bucket, object.key);
        if (current)
            byKey[object.key].append(*current);
    }
    Statement keys(db(), QStringLiteral("SELECT DISTINCT key FROM object_versions "
                                        "WHERE bucket = ?1 AND substr(key, 1, length(?2)) = ?2"));
    keys.bind(1, bucket);
    keys.bind(2, prefix);
    while (keys.next()) {
        const QString key = keys.columnText(0);
        QList<StoredObject> &versions = byKey[key];
        for (StoredObject older : olderVersions(bucket, key)) {
            older.latest = versions.isEmpty();
            versions.append(older);
        }
    }
    QList<StoredObject> result;
    for (const QList<StoredObject> &versions : std::as_const(byKey))
        result.append(versions);
    return result;
}

QString BucketStore::contentPath(const QString &bucket, const StoredObject &version) const
{
    return version.current ? objectPath(bucket, version.key) : versionPath(bucket, version.key, version.versionId);
}

Result<QByteArray> BucketStore::readVersion(const QString &bucket, const StoredObject &version, qint64 from,
                                            qint64 length) const
{
    QFile file(contentPath(bucket, version));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(from))
        return fail(tr("the content of %1/%2 is missing from the state folder").arg(bucket, version.key));
    QByteArray data = file.read(length);
    if (data.size() != length)
        return fail(tr("the content of %1/%2 is shorter than recorded").arg(bucket, version.key));
    return data;
}

Result<void> BucketStore::insertVersion(const QString &bucket, const StoredObject &version)
{
    Statement insert(db(), QStringLiteral("INSERT INTO object_versions(bucket, key, version_id, delete_marker, size, "
                                          "etag, content_type, modified, headers, tags) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    insert.bind(1, bucket);
    insert.bind(2, version.key);
    insert.bind(3, version.versionId);
    insert.bind(4, qint64(version.deleteMarker ? 1 : 0));
    insert.bind(5, version.size);
    insert.bind(6, version.etag);
    insert.bind(7, version.contentType);
    insert.bind(8, ms(version.modified));
    insert.bind(9, fieldsText(version.headers));
    insert.bind(10, fieldsText(version.tags));
    return insert.execute();
}

Result<void> BucketStore::removeVersion(const QString &bucket, const QString &key, const QString &versionId)
{
    Statement remove(db(), u"DELETE FROM object_versions WHERE bucket = ?1 AND key = ?2 AND version_id = ?3"_s);
    remove.bind(1, bucket);
    remove.bind(2, key);
    remove.bind(3, versionId);
    if (Result<void> done = remove.execute(); !done)
        return done;
    QFile::remove(versionPath(bucket, key, versionId));
    return {};
}

Result<void> BucketStore::removeCurrent(const QString &bucket, const QString &key)
{
    return deleteObject(bucket, key);
}

Result<void> BucketStore::moveToVersions(const QString &bucket, const StoredObject &current)
{
    StoredObject version = current;
    if (version.versionId.isEmpty())
        version.versionId = u"null"_s;
    if (Result<void> done = removeVersion(bucket, version.key, version.versionId); !done)
        return done;
    const QString target = versionPath(bucket, version.key, version.versionId);
    if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::rename(objectPath(bucket, version.key), target))
        return fail(tr("cannot keep the older version of %1/%2").arg(bucket, version.key));
    if (Result<void> done = insertVersion(bucket, version); !done)
        return done;
    return removeCurrent(bucket, version.key);
}

Result<QString> BucketStore::archiveCurrent(const QString &bucket, const QString &key, const QString &versioning)
{
    if (versioning != "Enabled"_L1 && versioning != "Suspended"_L1)
        return QString();
    const Result<StoredObject> current = objectInfo(bucket, key);
    const bool currentIsNull = current && (current->versionId.isEmpty() || current->versionId == "null"_L1);
    if (versioning == "Suspended"_L1) {
        // The new object is the version "null": it replaces the null version there was.
        if (Result<void> done = removeVersion(bucket, key, u"null"_s); !done)
            return done.error();
        if (current && !currentIsNull)
            if (Result<void> done = moveToVersions(bucket, *current); !done)
                return done.error();
        return u"null"_s;
    }
    if (current)
        if (Result<void> done = moveToVersions(bucket, *current); !done)
            return done.error();
    static const QString alphabet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"_s;
    QString id;
    for (int i = 0; i < 32; ++i)
        id += alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size())));
    return id;
}

Result<DeletedObject> BucketStore::deleteVersioned(const QString &bucket, const QString &key, const QString &versioning,
                                                   const QString &versionId)
{
    DeletedObject deleted;
    if (versionId.isEmpty()) {
        if (versioning.isEmpty()) {
            if (Result<void> done = deleteObject(bucket, key, &deleted.existed); !done)
                return done.error();
            return deleted;
        }
        // A simple DELETE in a versioned bucket: the current object becomes an older
        // version (Suspended: unless it is the null version, which goes) and a delete
        // marker the latest.
        const bool suspended = versioning == "Suspended"_L1;
        const Result<StoredObject> current = objectInfo(bucket, key);
        if (current && suspended && (current->versionId.isEmpty() || current->versionId == "null"_L1)) {
            if (Result<void> done = removeCurrent(bucket, key); !done)
                return done.error();
        } else if (current) {
            if (Result<void> done = moveToVersions(bucket, *current); !done)
                return done.error();
        }
        const Result<QString> id = archiveCurrent(bucket, key, versioning);
        if (!id)
            return id.error();
        StoredObject marker;
        marker.key = key;
        marker.versionId = *id;
        marker.deleteMarker = true;
        marker.modified = clock().now();
        if (Result<void> done = insertVersion(bucket, marker); !done)
            return done.error();
        return DeletedObject{true, true, *id};
    }
    deleted.versionId = versionId;
    if (!validVersionId(versionId))
        return deleted;
    const Result<StoredObject> version = objectVersion(bucket, key, versionId);
    if (!version)
        return deleted;
    deleted.existed = true;
    deleted.deleteMarker = version->deleteMarker;
    Result<void> done = version->current ? removeCurrent(bucket, key) : removeVersion(bucket, key, versionId);
    if (!done)
        return done.error();
    if (!objectInfo(bucket, key))
        if (Result<void> promoted = promoteNewest(bucket, key); !promoted)
            return promoted.error();
    return deleted;
}

Result<void> BucketStore::promoteNewest(const QString &bucket, const QString &key)
{
    const QList<StoredObject> older = olderVersions(bucket, key);
    if (older.isEmpty() || older.first().deleteMarker)
        return {};
    StoredObject newest = older.first();
    const QString from = versionPath(bucket, key, newest.versionId);
    const QString to = objectPath(bucket, key);
    QFile::remove(to);
    if (!QFile::rename(from, to))
        return fail(tr("cannot make the older version of %1/%2 current").arg(bucket, key));
    Statement remove(db(), u"DELETE FROM object_versions WHERE bucket = ?1 AND key = ?2 AND version_id = ?3"_s);
    remove.bind(1, bucket);
    remove.bind(2, key);
    remove.bind(3, newest.versionId);
    if (Result<void> done = remove.execute(); !done)
        return done;
    // recordObject stamps the time of writing; the version keeps its own.
    const QDateTime modified = newest.modified;
    if (Result<StoredObject> recorded = recordObject(bucket, key, newest); !recorded)
        return recorded.error();
    Statement stamp(db(), u"UPDATE objects SET modified = ?3 WHERE bucket = ?1 AND key = ?2"_s);
    stamp.bind(1, bucket);
    stamp.bind(2, key);
    stamp.bind(3, ms(modified));
    return stamp.execute();
}

Result<MultipartUpload> BucketStore::createUpload(const QString &bucket, const QString &key, const QString &contentType,
                                                  const ObjectFields &headers, const ObjectFields &tags)
{
    if (!validName(bucket))
        return fail(tr("'%1' is not a valid bucket name").arg(bucket));
    if (key.isEmpty() || key.toUtf8().size() > 1024)
        return fail(tr("an object key must have 1 to 1024 bytes"));
    MultipartUpload upload{
        QUuid::createUuid().toString(QUuid::Id128), bucket, key, clock().now(), contentType, headers, tags};
    if (!QDir().mkpath(uploadFolder(upload.id)))
        return fail(tr("cannot create the folder of upload %1").arg(upload.id));
    Statement insert(db(), QStringLiteral("INSERT INTO uploads(upload_id, bucket, key, initiated, content_type, "
                                          "headers, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    insert.bind(1, upload.id);
    insert.bind(2, bucket);
    insert.bind(3, key);
    insert.bind(4, ms(upload.initiated));
    insert.bind(5, contentType);
    insert.bind(6, fieldsText(headers));
    insert.bind(7, fieldsText(tags));
    if (Result<void> done = insert.execute(); !done)
        return done.error();
    return upload;
}

Result<MultipartUpload> BucketStore::upload(const QString &uploadId) const
{
    Statement select(db(), QStringLiteral("SELECT bucket, key, initiated, content_type, headers, tags "
                                          "FROM uploads WHERE upload_id = ?1"));
    select.bind(1, uploadId);
    if (!validUploadId(uploadId) || !select.next())
        return fail(tr("there is no upload %1").arg(uploadId.left(100)));
    return MultipartUpload{uploadId,
                           select.columnText(0),
                           select.columnText(1),
                           fromMs(select.columnInt(2)),
                           select.columnText(3),
                           fieldsOf(select.columnText(4)),
                           fieldsOf(select.columnText(5))};
}

QList<MultipartUpload> BucketStore::uploads(const QString &bucket, const QString &prefix) const
{
    QList<MultipartUpload> result;
    Statement select(db(), QStringLiteral("SELECT upload_id, key, initiated, content_type FROM uploads "
                                          "WHERE bucket = ?1 AND substr(key, 1, length(?2)) = ?2 "
                                          "ORDER BY key, initiated"));
    select.bind(1, bucket);
    select.bind(2, prefix);
    while (select.next())
        result.append({select.columnText(0),
                       bucket,
                       select.columnText(1),
                       fromMs(select.columnInt(2)),
                       select.columnText(3),
                       {},
                       {}});
    return result;
}

// A part's row, once its file is written.
Result<UploadedPart> BucketStore::recordPart(const QString &uploadId, const UploadedPart &part)
{
    Statement insert(db(), QStringLiteral("INSERT OR REPLACE INTO upload_parts(upload_id, part_number, size, etag, "
                                          "modified) VALUES (?1, ?2, ?3, ?4, ?5)"));
    insert.bind(1, uploadId);
    insert.bind(2, qint64(part.number));
    insert.bind(3, part.size);
    insert.bind(4, part.etag);
    insert.bind(5, ms(part.modified));
    if (Result<void> done = insert.execute(); !done)
        return done.error();
    return part;
}

Result<UploadedPart> BucketStore::putPart(const QString &uploadId, int number, const QByteArray &data)
{
    if (Result<MultipartUpload> found = upload(uploadId); !found)
        return found.error();
    QSaveFile file(uploadFolder(uploadId) + '/'_L1 + QString::number(number));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return fail(tr("cannot store part %1 of upload %2: %3").arg(number).arg(uploadId, file.errorString()));
    const UploadedPart part{number, data.size(),
                            QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex()),
                            clock().now()};
    return recordPart(uploadId, part);
}

Result<UploadedPart> BucketStore::copyPart(const QString &uploadId, int number, const QString &bucket,
                                           const StoredObject &version, qint64 from, qint64 to)
{
    if (Result<MultipartUpload> found = upload(uploadId); !found)
        return found.error();
    QFile source(contentPath(bucket, version));
    if (!source.open(QIODevice::ReadOnly) || !source.seek(from))
        return fail(tr("the content of %1/%2 is missing from the state folder").arg(bucket, version.key));
    QSaveFile file(uploadFolder(uploadId) + '/'_L1 + QString::number(number));
    QCryptographicHash md5(QCryptographicHash::Md5);
    if (!file.open(QIODevice::WriteOnly) || !copyBytes(source, file, to - from + 1, md5) || !file.commit())
        return fail(tr("cannot store part %1 of upload %2: %3").arg(number).arg(uploadId, file.errorString()));
    const UploadedPart part{number, to - from + 1, QString::fromLatin1(md5.result().toHex()), clock().now()};
    return recordPart(uploadId, part);
}

QList<UploadedPart> BucketStore::parts(const QString &uploadId) const
{
    QList<UploadedPart> result;
    Statement select(db(), QStringLiteral("SELECT part_number, size, etag, modified FROM upload_parts "
                                          "WHERE upload_id = ?1 ORDER BY part_number"));
    select.bind(1, uploadId);
    while (select.next())
        result.append(
            {int(select.columnInt(0)), select.columnInt(1), select.columnText(2), fromMs(select.columnInt(3))});
    return result;
}

Result<StoredObject> BucketStore::completeUpload(const QString &uploadId, const QList<int> &numbers,
                                                 const QString &etag, const QString &versioning)
{
    const Result<MultipartUpload> found = upload(uploadId);
    if (!found)
        return found.error();
    if (!QDir().mkpath(folder() + "/buckets/"_L1 + found->bucket))
        return fail(tr("cannot create the folder of bucket %1").arg(found->bucket));
    // Assembled part by part, a chunk at a time: an object of gigabytes never sits in memory.
    QSaveFile file(objectPath(found->bucket, found->key));
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("cannot store %1/%2: %3").arg(found->bucket, found->key, file.errorString()));
    qint64 size = 0;
    QCryptographicHash ignored(QCryptographicHash::Md5);
    for (int number : numbers) {
        QFile part(uploadFolder(uploadId) + '/'_L1 + QString::number(number));
        if (!part.open(QIODevice::ReadOnly) || !copyBytes(part, file, part.size(), ignored))
            return fail(tr("cannot read part %1 of upload %2").arg(number).arg(uploadId));
        size += part.size();
    }
    const Result<QString> versionId = archiveCurrent(found->bucket, found->key, versioning);
    if (!versionId)
        return versionId.error();
    if (!file.commit())
        return fail(tr("cannot store %1/%2: %3").arg(found->bucket, found->key, file.errorString()));
    StoredObject object{found->key, size, etag, found->contentType, {}, found->headers, found->tags, *versionId,
                        false,      true, true};
    const Result<StoredObject> recorded = recordObject(found->bucket, found->key, object);
    if (recorded)
        (void)abortUpload(uploadId);
    return recorded;
}

Result<void> BucketStore::abortUpload(const QString &uploadId)
{
    if (!validUploadId(uploadId))
        return fail(tr("there is no upload %1").arg(uploadId.left(100)));
    for (const QString &sql :
         {u"DELETE FROM upload_parts WHERE upload_id = ?1"_s, u"DELETE FROM uploads WHERE upload_id = ?1"_s}) {
        Statement remove(db(), sql);
        remove.bind(1, uploadId);
        if (Result<void> done = remove.execute(); !done)
            return done;
    }
    if (!QDir(uploadFolder(uploadId)).removeRecursively())
        return fail(tr("cannot remove the parts of upload %1").arg(uploadId));
    return {};
}

} // namespace Nimbus
