#pragma once
// A discrete-event simulator of one function's instance pool, driven by the same
// KeepAlivePolicy objects as the live runner: arrivals, service and init times, a concurrency
// cap that throttles (no queue), provisioned instances and keep-alive. Memory is O(instances),
// never O(invocations); the same seed gives the same result.

#include "ArrivalProcess.h"
#include "Error.h"
#include "LatencyHistogram.h"
#include "ServiceTime.h"

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace swb {
class KeepAlivePolicy;
}

namespace swb::sim {

struct SimulationOptions {
    ArrivalProcess arrivals;
    ServiceTime serviceTime; // a request's duration on a warm instance
    ServiceTime initTime;    // added before the service of a cold request
    // When set, a cold request's whole duration (init included) is drawn from it instead of
    // init + service, as SimFaaS models cold starts.
    std::optional<ServiceTime> coldServiceTime;
    double durationMs = 0;        // simulated time; 0 = the arrivals' own length (a trace's)
    int concurrencyCap = 0;       // instances at most, provisioned included; 0 = unlimited
    int provisionedInstances = 0; // loaded from the start, never expire, used first
    int memoryMb = 128;           // reported with the usage, for pricing
    quint64 seed = 1;
    // Points of SimulationResult::instanceSeries, evenly spaced from 0 to the end (both
    // included); 0 = none. Memory O(instanceSamples), allocated once; at most kMaxInstanceSamples.
    int instanceSamples = 0;
    static constexpr int kMaxInstanceSamples = 100000;
};

// The pool at one moment of simulated time.
struct InstanceSample {
    double timeMs = 0;
    int loaded = 0; // busy or idle, provisioned ones included
    int busy = 0;
};

// For long runs on a worker thread: progress (fraction of simulated time, a few times per
// second at most: every 65,536 arrivals) and a flag that stops the run early.
struct SimulationControl {
    std::function<void(double fraction)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

struct SimulationResult {
    quint64 arrivals = 0;
    quint64 warmStarts = 0;
    quint64 coldStarts = 0;
    quint64 throttled = 0;
    quint64 preWarmLoads = 0;      // instances loaded ahead of time by the policy
    quint64 provisionedStarts = 0; // warm starts on provisioned instances
    double simulatedMs = 0;
    double busyInstanceMs = 0; // init + service of every served request
    double idleInstanceMs = 0; // loaded and idle, provisioned ones included
    double initMsTotal = 0;    // cold starts' and pre-warm loads' init
    double serviceMsTotal = 0; // service only (no init)
    double meanInstances = 0;  // loaded instances (busy or idle), averaged over time
    double meanBusyInstances = 0;
    int maxInstances = 0;
    int memoryMb = 0;
    int provisionedInstances = 0;
    bool cancelled = false;
    LatencyHistogram latency; // init (when cold) + service, of served requests
    // Cold requests only: their latency and their service alone, so that a bill can count
    // durations without init (latency - coldLatency + coldService), init being billed apart.
    LatencyHistogram coldLatency;
    LatencyHistogram coldService;
    // SimulationOptions::instanceSamples points (fewer when cancelled). Exact with a fixed
    // keep-alive; with another policy an instance whose request ended since the last arrival
    // counts as loaded (its keep-alive is only asked at the next arrival).
    std::vector<InstanceSample> instanceSeries;

    quint64 served() const { return warmStarts + coldStarts; }
    double coldStartRatio() const { return served() ? double(coldStarts) / double(served()) : 0; }
    double throttleRatio() const { return arrivals ? double(throttled) / double(arrivals) : 0; }
};

class Simulator {
public:
    // InvalidArgument for options that cannot run (no duration for endless arrivals, more
    // provisioned instances than the cap). A FixedKeepAlivePolicy takes a fast path; any other
    // policy is asked through the interface (after each invocation, and with each idle time).
    static Result<SimulationResult> run(const SimulationOptions& options, KeepAlivePolicy& policy,
                                        const SimulationControl& control = {});
};

} // namespace swb::sim
