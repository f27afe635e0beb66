#pragma once

#include "runtime/injectedfault.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Nimbus {

struct Node;

// A node's chaos settings, as its properties of the catalog's "Chaos" section hold them: a
// function's faultRate, faultType, faultLatency, faultThrottleRate and faultColdStart, a
// table's, queue's, bucket's or topic's faultThrottleRate. Rates are percentages.
struct FaultSettings
{
    Q_DECLARE_TR_FUNCTIONS(Nimbus::FaultSettings)

public:
    double rate = 0;
    InjectedFault::Kind type = InjectedFault::Kind::Error;
    int latencyMs = 0;
    double throttleRate = 0;
    bool coldStart = false;

    static FaultSettings of(const Node &node);
    bool any() const { return rate > 0 || latencyMs > 0 || throttleRate > 0 || coldStart; }
    // One line per fault that is set, in words ("fails 30 % of invocations: timeout"), for
    // the node's badge and the local cloud's log.
    QStringList describe() const;
    // faultType's values: "error", "timeout", "crash", "out-of-memory".
    static QString typeName(InjectedFault::Kind kind);
    static InjectedFault::Kind typeOf(const QString &name);
};

// Decides which calls the chaos settings make fail, deterministically: the k-th call
// (from 0) of a node fails when a hash (splitmix64) of the seed, the node's name and k
// falls under its rate, so the same seed and the same calls per node fail the same calls
// whatever else runs.
class FaultInjector
{
public:
    void setSeed(quint64 seed);
    quint64 seed() const { return mSeed; }
    // Counts every node's calls from 0 again.
    void restart() { mCalls.clear(); }

    // Whether the call-th call of node is struck by a fault of ratePercent; salt tells
    // apart the decisions taken for one call (a function's throttle and its fault).
    static bool strikes(quint64 seed, const QString &node, quint64 call, double ratePercent, quint64 salt = 0);
    static constexpr quint64 kFaultSalt = 0;
    static constexpr quint64 kThrottleSalt = 1;

    // What the next invocation of function gets: nothing unless it has chaos settings.
    InjectedFault nextInvocation(const Node &function);
    // Whether the next SDK call on service (its faultThrottleRate) is throttled.
    bool nextServiceCall(const Node &service);

private:
    quint64 mSeed = 0;
    QHash<QString, quint64> mCalls; // node name -> calls decided so far
};

} // namespace Nimbus
