#include "observedcallstore.h"

#include "cloudclock.h"
#include "model/architecture.h"
#include "model/effectivepolicy.h"
#include "model/kinds.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
// Node names, actions and connection types are far shorter; a stranger's file may hold anything.
constexpr int kTextLimit = 256;
// Steps SQLite may take for each read of a state that may be a stranger's (a thousand rows
// take tens of thousands).
constexpr qint64 kReadWorkLimit = 20'000'000;
} // namespace

Result<void> ObservedCallStore::createTables()
{
    return createSchema("observed"_L1);
}

Result<void> ObservedCallStore::clear()
{
    return db().exec(u"DELETE FROM observed_calls;"_s);
}

Result<void> ObservedCallStore::recordObservedCall(const ObservedCall &call)
{
    Statement upsert(
        db(),
        u"INSERT INTO observed_calls(function, action, resource, object_level, granting, count, last_seen) "
        "VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6) ON CONFLICT(function, action, resource) DO UPDATE SET "
        "count = count + 1, last_seen = excluded.last_seen, granting = excluded.granting"_s,
        Statement::Reuse);
    upsert.bind(1, call.function);
    upsert.bind(2, call.action);
    upsert.bind(3, call.resource);
    upsert.bind(4, qint64(call.objectLevel));
    upsert.bind(5, call.grantingEdge);
    upsert.bind(6, ms(clock().now()));
    return upsert.execute();
}

Result<QList<ObservedCall>> ObservedCallStore::observedCalls() const
{
    const Result<qint64> exists = db().queryInt(
        u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'observed_calls'"_s);
    if (!exists)
        return exists.error();
    if (*exists == 0)
        return QList<ObservedCall>();
    Statement select(db(), u"SELECT substr(function, 1, ?1), substr(action, 1, ?1), substr(resource, 1, ?1), "
                           "object_level, substr(granting, 1, ?1), count, last_seen FROM observed_calls "
                           "ORDER BY function, action, resource LIMIT ?2"_s);
    select.bind(1, qint64(kTextLimit));
    select.bind(2, qint64(kObservedLimit));
    QList<ObservedCall> calls;
    while (select.next()) {
        ObservedCall call;
        call.function = select.columnText(0);
        call.action = select.columnText(1);
        call.resource = select.columnText(2);
        call.objectLevel = select.columnInt(3) != 0;
        call.grantingEdge = select.columnText(4);
        call.count = select.columnInt(5);
        call.lastSeen = fromMs(select.columnInt(6));
        calls.append(call);
    }
    if (Result<void> read = select.status(); !read)
        return read.error();
    return calls;
}

Result<QList<ObservedCall>> ObservedCallStore::read(const QString &stateDirectory)
{
    if (stateDirectory.isEmpty() || !QFileInfo::exists(QDir(stateDirectory).filePath(u"state.sqlite"_s)))
        return QList<ObservedCall>();
    SystemClock clock;
    StateConnection connection(clock);
    if (Result<void> opened = connection.openForReading(stateDirectory, kReadWorkLimit); !opened)
        return opened.error();
    return ObservedCallStore(connection).observedCalls();
}

QList<ObservedCall> ObservedCallStore::ungranted(const Architecture &design, const QList<ObservedCall> &calls)
{
    QList<ObservedCall> result;
    for (const ObservedCall &call : calls) {
        const Node *function = design.nodeByName(call.function);
        const Node *resource = design.nodeByName(call.resource);
        if (!function || function->kind != Kinds::Function || !resource)
            continue;
        if (EffectivePolicy::of(design, *function).allows(call.action, call.resource, call.objectLevel))
            continue;
        ObservedCall now = call;
        // What grants it by the design's catalog today (the cloud's answer may be older).
        now.grantingEdge = EffectivePolicy::grantingType(resource->kind, call.action);
        result.append(now);
    }
    return result;
}

} // namespace Nimbus
