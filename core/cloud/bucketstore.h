#pragma once

#include "statestore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace Nimbus {

// Header or tag name -> value.
using ObjectFields = QMap<QString, QString>;

struct StoredObject
{
    QString key;
    qint64 size = 0;
    // MD5 of the content, as S3 gives for a single-part upload; for a multipart one the
    // MD5 of the parts' MD5s with "-<parts>".
    QString etag;
    QString contentType;
    QDateTime modified;
    // Headers stored with it and given back on GET and HEAD (x-amz-meta-*, Cache-Control,
    // Content-Disposition ...), by lower-case name; and its tags.
    ObjectFields headers;
    ObjectFields tags;
    // Its version's id: empty in a bucket that never had versioning (every object is then
    // the version "null" without saying so), "null" for the null version. Whether it is a
    // delete marker, the latest version of its key, and the current object (the one
    // listings show, its body at the object's path).
    QString versionId;
    bool deleteMarker = false;
    bool latest = false;
    bool current = false;
};

// What a DELETE did: whether there was something to remove, whether it made (or, by
// version id, removed) a delete marker, and the version it made or removed.
struct DeletedObject
{
    bool existed = false;
    bool deleteMarker = false;
    QString versionId;
};

// A multipart upload in progress.
struct MultipartUpload
{
    QString id;
    QString bucket;
    QString key;
    QDateTime initiated;
    QString contentType;
    ObjectFields headers;
    ObjectFields tags;
};

struct UploadedPart
{
    int number = 0;
    qint64 size = 0;
    QString etag; // MD5 of the part, hex
    QDateTime modified;
};

// The buckets' objects: their content as files (buckets/<bucket>/<hash of the key>) and
// what S3 tells of them in the state database's objects table; multipart uploads with
// their parts as files (uploads/<upload id>/<part number>) until they are completed.
// In a versioned bucket the older versions and delete markers of a key are kept in
// object_versions, their bodies under buckets/<bucket>/versions/<hash of key and version>:
// a version id never names a file.
class BucketStore : public StateStore
{
    // Its messages keep the context they were translated under before the state was split.
    Q_DECLARE_TR_FUNCTIONS(Nimbus::CloudState)

public:
    explicit BucketStore(StateConnection &connection) : StateStore(connection) { }

    // The content; *stored (if given) what S3 tells of it.
    Result<QByteArray> getObject(const QString &bucket, const QString &key, StoredObject *stored = nullptr);
    // What S3 tells of an object, without its content.
    Result<StoredObject> objectInfo(const QString &bucket, const QString &key) const;
    // length bytes of an object's content from offset from.
    Result<QByteArray> readObject(const QString &bucket, const QString &key, qint64 from, qint64 length) const;
    // Stores data under key, without headers or tags; what S3 tells of it. versioning is
    // the bucket's status (Enabled, Suspended or empty): Enabled keeps the object it
    // replaces as an older version and gives the new one an id, Suspended writes the
    // version "null" (replacing the one there was).
    Result<StoredObject> putObject(const QString &bucket, const QString &key, const QByteArray &data,
                                   const QString &contentType, const QString &versioning = {});
    // Replaces an existing object's stored headers and tags.
    Result<void> setObjectDetails(const QString &bucket, const QString &key, const ObjectFields &headers,
                                  const ObjectFields &tags);
    QList<StoredObject> listObjects(const QString &bucket, const QString &prefix = {}) const;
    // Succeeds also when there was nothing to delete (as S3 answers): then *existed is false.
    Result<void> deleteObject(const QString &bucket, const QString &key, bool *existed = nullptr);
    // A DELETE in a bucket whose versioning is Enabled, Suspended or empty (then as
    // deleteObject): without versionId it leaves a delete marker (Enabled: a new version,
    // Suspended: the version "null"); with one it removes that version for good, and the
    // newest remaining version becomes the current object unless it is a delete marker.
    Result<DeletedObject> deleteVersioned(const QString &bucket, const QString &key, const QString &versioning,
                                          const QString &versionId = {});

    // The versioning status PutBucketVersioning set: Enabled, Suspended, or empty for none.
    QString bucketVersioning(const QString &bucket) const;
    Result<void> setBucketVersioning(const QString &bucket, const QString &status);
    // One version of an object ("null" names the null version), delete markers included.
    Result<StoredObject> objectVersion(const QString &bucket, const QString &key, const QString &versionId) const;
    // The latest version of key when it is a delete marker (no current object then).
    std::optional<StoredObject> latestDeleteMarker(const QString &bucket, const QString &key) const;
    // Every version and delete marker of the keys that start with prefix: by key, the
    // newest first.
    QList<StoredObject> listVersions(const QString &bucket, const QString &prefix = {}) const;
    // The file that holds a version's content (of objectVersion or objectInfo).
    QString contentPath(const QString &bucket, const StoredObject &version) const;
    // length bytes of a version's content from offset from.
    Result<QByteArray> readVersion(const QString &bucket, const StoredObject &version, qint64 from,
                                   qint64 length) const;
    // Version ids the local cloud gives: 32 letters and digits, or "null". What is not
    // is no version.
    static bool validVersionId(const QString &versionId);

    // Multipart uploads. An upload id is 32 lower-case hex digits: what is not is no
    // upload (it names a folder).
    Result<MultipartUpload> createUpload(const QString &bucket, const QString &key, const QString &contentType,
                                         const ObjectFields &headers, const ObjectFields &tags);
    Result<MultipartUpload> upload(const QString &uploadId) const;
    // The uploads in progress in a bucket whose key starts with prefix, by key.
    QList<MultipartUpload> uploads(const QString &bucket, const QString &prefix = {}) const;
    Result<UploadedPart> putPart(const QString &uploadId, int number, const QByteArray &data);
    // A part copied from a version's bytes from..to (inclusive), streamed.
    Result<UploadedPart> copyPart(const QString &uploadId, int number, const QString &bucket,
                                  const StoredObject &source, qint64 from, qint64 to);
    // The upload's parts by number.
    QList<UploadedPart> parts(const QString &uploadId) const;
    // The object made of the numbered parts in that order, assembled on disk; the upload
    // is gone afterwards. The parts are checked by the caller.
    Result<StoredObject> completeUpload(const QString &uploadId, const QList<int> &numbers, const QString &etag,
                                        const QString &versioning = {});
    // Removes an upload and its parts' files.
    Result<void> abortUpload(const QString &uploadId);
    static bool validUploadId(const QString &uploadId);

protected:
    Result<void> createTables();
    Result<void> clear();

private:
    QString objectPath(const QString &bucket, const QString &key) const;
    QString uploadFolder(const QString &uploadId) const;
    QString versionPath(const QString &bucket, const QString &key, const QString &versionId) const;
    // Before the current object is replaced: keeps it as an older version when the
    // bucket's versioning asks; the id the new object gets.
    Result<QString> archiveCurrent(const QString &bucket, const QString &key, const QString &versioning);
    Result<void> moveToVersions(const QString &bucket, const StoredObject &current);
    Result<void> insertVersion(const QString &bucket, const StoredObject &version);
    Result<void> removeVersion(const QString &bucket, const QString &key, const QString &versionId);
    Result<void> removeCurrent(const QString &bucket, const QString &key);
    // After a version was removed: the newest remaining becomes current unless it is a
    // delete marker.
    Result<void> promoteNewest(const QString &bucket, const QString &key);
    QList<StoredObject> olderVersions(const QString &bucket, const QString &key) const;
    Result<UploadedPart> recordPart(const QString &uploadId, const UploadedPart &part);
    Result<void> writeDetails(const QString &bucket, const QString &key, const ObjectFields &headers,
                              const ObjectFields &tags);
    Result<StoredObject> recordObject(const QString &bucket, const QString &key, StoredObject object);
};

} // namespace Nimbus
