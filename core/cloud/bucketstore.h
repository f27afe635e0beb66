#pragma once

#include "statestore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Nimbus {

struct StoredObject
{
    QString key;
    qint64 size = 0;
    QString etag; // MD5 of the content, as S3 gives for a single-part upload
    QString contentType;
    QDateTime modified;
};

// The buckets' objects: their content as files (buckets/<bucket>/<hash of the key>) and
// what S3 tells of them in the state database's objects table.
class BucketStore : public StateStore
{
    // Its messages keep the context they were translated under before the state was split.
    Q_DECLARE_TR_FUNCTIONS(Nimbus::CloudState)

public:
    explicit BucketStore(StateConnection &connection) : StateStore(connection) { }

    // The content; *stored (if given) what S3 tells of it.
    Result<QByteArray> getObject(const QString &bucket, const QString &key, StoredObject *stored = nullptr);
    // Stores data under key; what S3 tells of it.
    Result<StoredObject> putObject(const QString &bucket, const QString &key, const QByteArray &data,
                                   const QString &contentType);
    QList<StoredObject> listObjects(const QString &bucket, const QString &prefix = {}) const;
    // Succeeds also when there was nothing to delete (as S3 answers): then *existed is false.
    Result<void> deleteObject(const QString &bucket, const QString &key, bool *existed = nullptr);

protected:
    Result<void> createTables();
    Result<void> clear();

private:
    QString objectPath(const QString &bucket, const QString &key) const;
};

} // namespace Nimbus
