#pragma once

namespace Nimbus {

// What the local cloud's chaos settings (a function's faultRate, faultType, faultLatency,
// faultThrottleRate, faultColdStart) decided for one invocation: the instance pool and
// the instance act it out as Lambda would show it, so that callers, retries and
// destinations see the real shapes.
struct InjectedFault
{
    enum class Kind {
        None,
        Error, // the handler is not run; the invocation fails as a thrown Error would
        Timeout, // the handler is not run; the invocation times out at the function's timeout
        Crash, // the worker is killed mid-invocation (Runtime.ExitError)
        OutOfMemory, // the worker is killed as over its memory (Runtime.OutOfMemory)
    };
    Kind kind = Kind::None;
    int latencyMs = 0; // waited before the handler runs, within the invocation's duration
    bool throttle = false; // refused with TooManyRequestsException, as Lambda throttles
    bool freshWorker = false; // a new worker, used for this invocation only

    bool any() const { return kind != Kind::None || latencyMs > 0 || throttle || freshWorker; }
};

} // namespace Nimbus
