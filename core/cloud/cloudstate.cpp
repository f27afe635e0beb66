#include "cloudstate.h"

#include "cloudclock.h"

#include <QDir>

#include <utility>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
constexpr int kSchemaVersion = 1;
} // namespace

CloudState::CloudState(const CloudClock &clock) : CloudState(std::make_unique<StateConnection>(clock)) { }

CloudState::CloudState(std::unique_ptr<StateConnection> connection)
    : QueueStore(*connection), BucketStore(*connection), TableStore(*connection), ArchiveStore(*connection),
      ExecutionStore(*connection), ObservedCallStore(*connection), mConnection(std::move(connection))
{
    mCommitTimer.setSingleShot(true);
    mCommitTimer.setInterval(0);
    QObject::connect(&mCommitTimer, &QTimer::timeout, &mCommitTimer, [this] { finishBatch(); });
    mConnection->batchOpened = [this] { mCommitTimer.start(); };
    mConnection->db.setBatchEnded([this](bool committed) {
        if (!committed)
            TableStore::forget();
        for (Waiter &waiter : mWaiters)
            if (waiter.committed < 0)
                waiter.committed = committed;
    });
}

CloudState::~CloudState()
{
    // Nothing written is lost; those still waiting are not answered (the endpoint closes).
    (void)mConnection->db.commitBatch();
    mConnection->db.setBatchEnded({});
    mConnection->batchOpened = {};
}

void CloudState::whenCommitted(std::function<void(bool committed)> then)
{
    if (!mConnection->db.batchOpen() && mWaiters.isEmpty()) {
        then(true);
        return;
    }
    mWaiters.append({std::move(then)});
    if (!mCommitTimer.isActive())
        mCommitTimer.start();
}

void CloudState::finishBatch()
{
    (void)mConnection->db.commitBatch();
    const QList<Waiter> waiters = std::exchange(mWaiters, {});
    for (const Waiter &waiter : waiters)
        waiter.then(waiter.committed != 0);
}

Result<void> CloudState::open(const QString &directory)
{
    mConnection->directory = QDir(directory).absolutePath();
    Database &db = mConnection->db;
    if (!QDir().mkpath(mConnection->directory + "/buckets"_L1))
        return Nimbus::fail(
            tr("cannot create the state folder %1").arg(QDir::toNativeSeparators(mConnection->directory)));
    const QString path = mConnection->directory + "/state.sqlite"_L1;
    if (Result<void> opened = db.open(path, Database::Mode::Create); !opened)
        return Nimbus::fail(tr("%1: %2").arg(QDir::toNativeSeparators(path), opened.errorMessage()));
    const Result<qint64> version = db.queryInt(u"PRAGMA user_version"_s);
    if (!version)
        return Nimbus::fail(
            tr("%1: not a local cloud state (%2)").arg(QDir::toNativeSeparators(path), version.errorMessage()));
    // A state folder can come with a stranger's project: it holds nothing that runs on read.
    const Result<qint64> active = db.queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type IN "
                                                             "('view', 'trigger') "
                                                             "OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL%')"));
    if (!active || *active > 0)
        return Nimbus::fail(
            tr("%1: not a local cloud state (it holds views or triggers); Reset State or delete the folder")
                .arg(QDir::toNativeSeparators(path)));
    if (*version > kSchemaVersion)
        return Nimbus::fail(tr("%1: written by a newer version of Nimbus Studio (state version %2; this one reads %3)")
                                .arg(QDir::toNativeSeparators(path))
                                .arg(*version)
                                .arg(kSchemaVersion));
    // Write-ahead logging: a write does not wait for the disk, and survives a crash of
    // the studio (not of the machine), which is what a local emulator needs.
    Result<void> done = QueueStore::createTables();
    if (done)
        done = BucketStore::createTables();
    if (done)
        done = TableStore::createTables();
    if (done)
        done = ArchiveStore::createTables();
    if (done)
        done = ExecutionStore::createTables();
    if (done)
        done = ObservedCallStore::createTables();
    if (done)
        done = db.exec(u"PRAGMA user_version = %1"_s.arg(kSchemaVersion));
    if (done)
        done = db.exec(u"PRAGMA journal_mode = WAL"_s);
    if (done)
        done = db.exec(u"PRAGMA synchronous = NORMAL"_s);
    if (!done)
        return Nimbus::fail(tr("%1: %2").arg(QDir::toNativeSeparators(path), done.errorMessage()));
    return {};
}

Result<void> CloudState::reset()
{
    Result<void> done = QueueStore::clear();
    if (done)
        done = TableStore::clear();
    if (done)
        done = BucketStore::clear();
    if (done)
        done = ArchiveStore::clear();
    if (done)
        done = ExecutionStore::clear();
    if (done)
        done = ObservedCallStore::clear();
    return done;
}

} // namespace Nimbus
