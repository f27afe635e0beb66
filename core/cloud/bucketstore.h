#pragma once

#include "statestore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

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
    // Stores data under key, without headers or tags; what S3 tells of it.
    Result<StoredObject> putObject(const QString &bucket, const QString &key, const QByteArray &data,
                                   const QString &contentType);
    // Replaces an existing object's stored headers and tags.
    Result<void> setObjectDetails(const QString &bucket, const QString &key, const ObjectFields &headers,
                                  const ObjectFields &tags);
    QList<StoredObject> listObjects(const QString &bucket, const QString &prefix = {}) const;
    // Succeeds also when there was nothing to delete (as S3 answers): then *existed is false.
    Result<void> deleteObject(const QString &bucket, const QString &key, bool *existed = nullptr);

    // Multipart uploads. An upload id is 32 lower-case hex digits: what is not is no
    // upload (it names a folder).
    Result<MultipartUpload> createUpload(const QString &bucket, const QString &key, const QString &contentType,
                                         const ObjectFields &headers, const ObjectFields &tags);
    Result<MultipartUpload> upload(const QString &uploadId) const;
    // The uploads in progress in a bucket whose key starts with prefix, by key.
    QList<MultipartUpload> uploads(const QString &bucket, const QString &prefix = {}) const;
    Result<UploadedPart> putPart(const QString &uploadId, int number, const QByteArray &data);
    // A part copied from an object's bytes from..to (inclusive), streamed.
    Result<UploadedPart> copyPart(const QString &uploadId, int number, const QString &bucket, const QString &key,
                                  qint64 from, qint64 to);
    // The upload's parts by number.
    QList<UploadedPart> parts(const QString &uploadId) const;
    // The object made of the numbered parts in that order, assembled on disk; the upload
    // is gone afterwards. The parts are checked by the caller.
    Result<StoredObject> completeUpload(const QString &uploadId, const QList<int> &numbers, const QString &etag);
    // Removes an upload and its parts' files.
    Result<void> abortUpload(const QString &uploadId);
    static bool validUploadId(const QString &uploadId);

protected:
    Result<void> createTables();
    Result<void> clear();

private:
    QString objectPath(const QString &bucket, const QString &key) const;
    QString uploadFolder(const QString &uploadId) const;
    Result<UploadedPart> recordPart(const QString &uploadId, const UploadedPart &part);
    Result<void> writeDetails(const QString &bucket, const QString &key, const ObjectFields &headers,
                              const ObjectFields &tags);
    Result<StoredObject> recordObject(const QString &bucket, const QString &key, StoredObject object);
};

} // namespace Nimbus
