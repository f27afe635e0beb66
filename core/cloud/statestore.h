#pragma once

#include "storage/database.h"

#include <QDateTime>
#include <QString>

namespace Nimbus {

class CloudClock;

// What the stores of one state folder share: the SQLite connection (state.sqlite), the
// folder it lies in, the clock their times come from and the last error. One thread uses it.
struct StateConnection
{
    explicit StateConnection(const CloudClock &clock) : clock(clock) { }

    const CloudClock &clock;
    QString directory;
    QString error;
    mutable Database db;
};

// The base of one service's store: it owns its tables in the shared database (created
// when the state opens, emptied on a reset) and reports its errors through the connection.
class StateStore
{
public:
    QString errorString() const { return mConnection.error; }

protected:
    explicit StateStore(StateConnection &connection) : mConnection(connection) { }
    ~StateStore() = default;

    bool fail(const QString &message);
    Database &db() const { return mConnection.db; }
    const CloudClock &clock() const { return mConnection.clock; }
    const QString &folder() const { return mConnection.directory; }

    // A queue, bucket or table name as the services allow it; never "." or "..", since a
    // bucket's name is a folder's.
    static bool validName(const QString &name);
    static qint64 ms(const QDateTime &time) { return time.toMSecsSinceEpoch(); }
    static QDateTime fromMs(qint64 value) { return QDateTime::fromMSecsSinceEpoch(value, Qt::UTC); }

private:
    StateConnection &mConnection;
};

} // namespace Nimbus
