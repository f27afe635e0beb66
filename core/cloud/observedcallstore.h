#pragma once

#include "result.h"
#include "statestore.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Nimbus {

class Architecture;

// An SDK call a function made that none of its connections grants, as the local cloud
// saw it (IamMode warn or enforce): the IAM action on the design's node named resource,
// the connection type that would grant it ("writes"; empty when none does), how often
// and when last.
struct ObservedCall
{
    QString function;
    QString action;
    QString resource;
    bool objectLevel = false; // an S3 object's action (EffectivePolicy::allows)
    QString grantingEdge;
    qint64 count = 0;
    QDateTime lastSeen;
};

// The calls a local cloud saw without a grant, in the state database's observed_calls
// table, so that `nimbus validate PROJECT --observed` lists them after the cloud stopped.
class ObservedCallStore : public StateStore
{
public:
    explicit ObservedCallStore(StateConnection &connection) : StateStore(connection) { }

    // Counts one more call (a row per function, action and resource), seen now.
    Result<void> recordObservedCall(const ObservedCall &call);
    // Every call kept, by function, action and resource; at most kObservedLimit (none from a
    // state older than the table). Reads only the columns it uses, each value cut to a
    // name's length: the file may be a stranger's. Why it could not be read.
    Result<QList<ObservedCall>> observedCalls() const;
    static constexpr int kObservedLimit = 1000;

    // The calls the local cloud of stateDirectory kept (its state.sqlite read-only, under a
    // work limit and refused when it holds views or triggers: it may be a stranger's); none
    // when it has no state. Why it could not be read.
    static Result<QList<ObservedCall>> read(const QString &stateDirectory);
    // Those of calls that the design still does not grant (a call since granted by a new
    // connection, or of a function or resource since removed, is left out).
    static QList<ObservedCall> ungranted(const Architecture &design, const QList<ObservedCall> &calls);

protected:
    Result<void> createTables();
    Result<void> clear();
};

} // namespace Nimbus
