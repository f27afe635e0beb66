#include "cloudstate.h"

#include "cloudclock.h"

#include <QDir>

namespace Nimbus {

namespace {
constexpr int kSchemaVersion = 1;
} // namespace

CloudState::CloudState(const CloudClock &clock) : CloudState(std::make_unique<StateConnection>(clock)) { }

CloudState::CloudState(std::unique_ptr<StateConnection> connection)
    : QueueStore(*connection), BucketStore(*connection), TableStore(*connection), mConnection(std::move(connection))
{ }

CloudState::~CloudState() = default;

bool CloudState::fail(const QString &message)
{
    mConnection->error = message;
    return false;
}

bool CloudState::open(const QString &directory)
{
    mConnection->error.clear();
    mConnection->directory = QDir(directory).absolutePath();
    Database &db = mConnection->db;
    if (!QDir().mkpath(mConnection->directory + QLatin1String("/buckets")))
        return fail(tr("cannot create the state folder %1").arg(QDir::toNativeSeparators(mConnection->directory)));
    const QString path = mConnection->directory + QLatin1String("/state.sqlite");
    if (!db.open(path, Database::Mode::Create))
        return fail(tr("%1: %2").arg(QDir::toNativeSeparators(path), db.errorString()));
    qint64 version = 0;
    if (!db.queryInt(QStringLiteral("PRAGMA user_version"), &version))
        return fail(tr("%1: not a local cloud state (%2)").arg(QDir::toNativeSeparators(path), db.errorString()));
    // A state folder can come with a stranger's project: it holds nothing that runs on read.
    qint64 active = 0;
    if (!db.queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type IN ('view', 'trigger') "
                                    "OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL%')"),
                     &active)
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
    if (!QueueStore::createTables() || !BucketStore::createTables() || !TableStore::createTables()
        || !db.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion))
        || !db.exec(QStringLiteral("PRAGMA journal_mode = WAL"))
        || !db.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return fail(tr("%1: %2").arg(QDir::toNativeSeparators(path), db.errorString()));
    return true;
}

bool CloudState::reset()
{
    return QueueStore::clear() && TableStore::clear() && BucketStore::clear();
}

} // namespace Nimbus
