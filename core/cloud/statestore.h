#pragma once

#include "result.h"
#include "storage/database.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace Nimbus {

class CloudClock;

// What the stores of one state folder share: the SQLite connection (state.sqlite), the
// folder it lies in and the clock their times come from. One thread uses it.
struct StateConnection
{
    explicit StateConnection(const CloudClock &clock) : clock(clock) { }

    const CloudClock &clock;
    QString directory;
    mutable Database db;
    // Above 0 while a request whose answer waits for the group commit runs: its table
    // writes join the commit (CloudState::Batch); batchOpened is told when one opens.
    int batching = 0;
    std::function<void()> batchOpened;

    // Opens directory's state.sqlite read-only to read what a local cloud kept (the studio's
    // or nimbus serve's may be writing it: write-ahead log). The folder may come with a
    // stranger's project, so the file is refused when it holds a view, trigger or virtual
    // table (a view over a recursive query would never end), and every query is bounded
    // by workLimit steps. Not a state at all: why.
    Result<void> openForReading(const QString &stateDirectory, qint64 workLimit);
};

// The base of one service's store: it owns its tables in the shared database (created
// when the state opens, emptied on a reset); its operations return a Result<T>.
class StateStore
{
protected:
    explicit StateStore(StateConnection &connection) : mConnection(connection) { }
    ~StateStore() = default;

    Database &db() const { return mConnection.db; }
    const CloudClock &clock() const { return mConnection.clock; }
    const QString &folder() const { return mConnection.directory; }
    StateConnection &connection() const { return mConnection; }

    // Creates the store's tables: runs its schema, the resource :/nimbus/state/<name>.sql
    // (CREATE ... IF NOT EXISTS, so an existing state keeps its rows).
    Result<void> createSchema(QLatin1StringView name);

    // A queue, bucket or table name as the services allow it; never "." or "..", since a
    // bucket's name is a folder's.
    static bool validName(const QString &name);
    static qint64 ms(const QDateTime &time) { return time.toMSecsSinceEpoch(); }
    static QDateTime fromMs(qint64 value) { return QDateTime::fromMSecsSinceEpoch(value, Qt::UTC); }

private:
    StateConnection &mConnection;
};

} // namespace Nimbus
