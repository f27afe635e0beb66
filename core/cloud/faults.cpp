#include "faults.h"

#include "model/node.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace Nimbus {

namespace {
quint64 splitmix64(quint64 z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// FNV-1a of the name's UTF-8: a name's hash must not change between runs (qHash is seeded).
quint64 nameHash(const QString &name)
{
    quint64 h = 0xcbf29ce484222325ULL;
    for (const char c : name.toUtf8()) {
        h ^= quint8(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

double percent(const Node &node, const char *property)
{
    return std::clamp(node.properties.value(QLatin1String(property)).toDouble(0), 0.0, 100.0);
}
} // namespace

FaultSettings FaultSettings::of(const Node &node)
{
    FaultSettings settings;
    settings.rate = percent(node, "faultRate");
    settings.type = typeOf(node.properties.value("faultType"_L1).toString());
    settings.latencyMs = std::clamp(node.properties.value("faultLatency"_L1).toInt(0), 0, 60000);
    settings.throttleRate = percent(node, "faultThrottleRate");
    settings.coldStart = node.properties.value("faultColdStart"_L1).toBool(false);
    return settings;
}

QString FaultSettings::typeName(InjectedFault::Kind kind)
{
    switch (kind) {
    case InjectedFault::Kind::Timeout: return u"timeout"_s;
    case InjectedFault::Kind::Crash: return u"crash"_s;
    case InjectedFault::Kind::OutOfMemory: return u"out-of-memory"_s;
    case InjectedFault::Kind::None:
    case InjectedFault::Kind::Error: break;
    }
    return u"error"_s;
}

InjectedFault::Kind FaultSettings::typeOf(const QString &name)
{
    if (name == "timeout"_L1)
        return InjectedFault::Kind::Timeout;
    if (name == "crash"_L1)
        return InjectedFault::Kind::Crash;
    if (name == "out-of-memory"_L1)
        return InjectedFault::Kind::OutOfMemory;
    return InjectedFault::Kind::Error;
}

QStringList FaultSettings::describe() const
{
    QStringList lines;
    if (rate > 0)
        lines.append(tr("fails %1 % of invocations (%2)").arg(rate).arg(typeName(type)));
    if (latencyMs > 0)
        lines.append(tr("adds %1 ms before the handler runs").arg(latencyMs));
    if (throttleRate > 0)
        lines.append(tr("throttles %1 % of calls").arg(throttleRate));
    if (coldStart)
        lines.append(tr("cold start on every invocation"));
    return lines;
}

void FaultInjector::setSeed(quint64 seed)
{
    mSeed = seed;
    mCalls.clear();
}

bool FaultInjector::strikes(quint64 seed, const QString &node, quint64 call, double ratePercent, quint64 salt)
{
    if (ratePercent <= 0)
        return false;
    if (ratePercent >= 100)
        return true;
    quint64 h = splitmix64(seed);
    h = splitmix64(h ^ nameHash(node));
    h = splitmix64(h ^ call);
    h = splitmix64(h ^ salt);
    // The top 53 bits as a fraction in [0, 1).
    const double fraction = double(h >> 11) / double(1ULL << 53);
    return fraction * 100 < ratePercent;
}

InjectedFault FaultInjector::nextInvocation(const Node &function)
{
    const FaultSettings settings = FaultSettings::of(function);
    InjectedFault fault;
    if (!settings.any())
        return fault;
    const quint64 call = mCalls[function.name]++;
    if (strikes(mSeed, function.name, call, settings.throttleRate, kThrottleSalt)) {
        fault.throttle = true;
        return fault;
    }
    if (strikes(mSeed, function.name, call, settings.rate, kFaultSalt))
        fault.kind = settings.type;
    fault.latencyMs = settings.latencyMs;
    fault.freshWorker = settings.coldStart;
    return fault;
}

bool FaultInjector::nextServiceCall(const Node &service)
{
    const double rate = percent(service, "faultThrottleRate");
    if (rate <= 0)
        return false;
    const quint64 call = mCalls[service.name]++;
    return strikes(mSeed, service.name, call, rate, kThrottleSalt);
}

} // namespace Nimbus
