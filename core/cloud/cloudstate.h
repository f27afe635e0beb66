#pragma once

#include "archivestore.h"
#include "bucketstore.h"
#include "queuestore.h"
#include "statestore.h"
#include "tablestore.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace Nimbus {

class CloudClock;

// The state of the local cloud's services, kept beside the project so that it
// survives a restart: queue messages, table items and archived events in SQLite (state.sqlite),
// bucket objects as files (buckets/<bucket>/<key>). It is one store per service over
// one database: each store owns its tables; this class opens the database (refusing a
// foreign or newer one), has each store create its tables, and resets them all.
// One thread uses it.
class CloudState : public QueueStore, public BucketStore, public TableStore, public ArchiveStore
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::CloudState)

public:
    explicit CloudState(const CloudClock &clock);
    ~CloudState();

    Result<void> open(const QString &directory);
    QString directory() const { return mConnection->directory; }
    // Empties every queue, bucket, table and archive.
    Result<void> reset();

private:
    // The stores are built on the connection before it is kept: bases come before members.
    explicit CloudState(std::unique_ptr<StateConnection> connection);

    std::unique_ptr<StateConnection> mConnection;
};

} // namespace Nimbus
