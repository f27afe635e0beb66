#pragma once

#include "archivestore.h"
#include "bucketstore.h"
#include "observedcallstore.h"
#include "queuestore.h"
#include "statestore.h"
#include "tablestore.h"
#include "workflow/executionstore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace Nimbus {

class CloudClock;

// The state of the local cloud's services, kept beside the project so that it
// survives a restart: queue messages, table items and archived events in SQLite (state.sqlite),
// bucket objects as files (buckets/<bucket>/<key>). It is one store per service over
// one database: each store owns its tables; this class opens the database (refusing a
// foreign or newer one), has each store create its tables, and resets them all.
// One thread uses it.
//
// Group commit: the table writes of the requests served while a Batch is in scope (the
// DynamoDB API's) share one SQLite transaction, committed when the event loop comes
// back (a zero timer), so the requests one turn of the loop serves cost one commit. A
// request that took part answers through whenCommitted(): no answer leaves before the
// commit of what it wrote or read, and a committed write is in the write-ahead log, so
// a crash of the studio loses no answered write (WAL with synchronous=NORMAL: the
// operating system, not the disk, holds it; only a crash of the machine could lose it).
// Any other write on the connection commits the open batch first.
class CloudState : public QueueStore,
                   public BucketStore,
                   public TableStore,
                   public ArchiveStore,
                   public ExecutionStore,
                   public ObservedCallStore
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::CloudState)

public:
    explicit CloudState(const CloudClock &clock);
    ~CloudState();

    Result<void> open(const QString &directory);
    QString directory() const { return mConnection->directory; }
    // Empties every queue, bucket, table, archive, state machine execution and observed call.
    Result<void> reset();

    // While one is in scope, table writes join the group commit.
    class Batch
    {
    public:
        explicit Batch(CloudState &state) : mState(state) { ++mState.mConnection->batching; }
        ~Batch() { --mState.mConnection->batching; }
        Batch(const Batch &) = delete;
        Batch &operator=(const Batch &) = delete;

    private:
        CloudState &mState;
    };
    // Runs then(committed) once what was written so far is committed: at once when no
    // group commit is open, else when it ends (committed false if it failed).
    void whenCommitted(std::function<void(bool committed)> then);

private:
    // The stores are built on the connection before it is kept: bases come before members.
    explicit CloudState(std::unique_ptr<StateConnection> connection);

    // Commits the open batch and answers those waiting for it.
    void finishBatch();

    struct Waiter
    {
        std::function<void(bool committed)> then;
        int committed = -1; // -1 while its batch is open
    };

    std::unique_ptr<StateConnection> mConnection;
    QList<Waiter> mWaiters;
    QTimer mCommitTimer;
};

} // namespace Nimbus
