#include "Simulator.h"

#include "KeepAlivePolicy.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <vector>

namespace swb::sim {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct BusyInstance {
    double endMs;
    quint32 served;
    quint32 provisioned;
};
struct IdleEntry {
    double sinceMs;
    double expiresMs;
    quint32 served;
};
struct PendingPreWarm {
    double loadMs;
    double keepMs;
    quint32 served;
};

// Earliest first, for std::push_heap/pop_heap.
struct LaterEnd {
    bool operator()(const BusyInstance& a, const BusyInstance& b) const
    {
        return a.endMs > b.endMs;
    }
};
struct LaterLoad {
    bool operator()(const PendingPreWarm& a, const PendingPreWarm& b) const
    {
        return a.loadMs > b.loadMs;
    }
};

// Idle instances, least recently used at the front: reuse takes the back (most recently used,
// as Lambda routes), a fixed keep-alive expires from the front. Grows by doubling, never
// shrinks, so steady state allocates nothing.
class IdleRing {
public:
    IdleRing() : m_buffer(64) {}
    bool empty() const { return m_count == 0; }
    size_t size() const { return m_count; }
    IdleEntry& at(size_t i) { return m_buffer[(m_head + i) & (m_buffer.size() - 1)]; }
    IdleEntry& front() { return at(0); }
    void pushBack(const IdleEntry& e)
    {
        if (m_count == m_buffer.size())
            grow();
        at(m_count++) = e;
    }
    IdleEntry popBack() { return at(--m_count); }
    void popFront()
    {
        m_head = (m_head + 1) & (m_buffer.size() - 1);
        --m_count;
    }
    // Keeps the order of the entries that stay.
    template <typename Remove> void removeIf(Remove remove)
    {
        size_t kept = 0;
        for (size_t i = 0; i < m_count; ++i) {
            const IdleEntry e = at(i);
            if (!remove(e))
                at(kept++) = e;
        }
        m_count = kept;
    }

private:
    void grow()
    {
        std::vector<IdleEntry> bigger(m_buffer.size() * 2);
        for (size_t i = 0; i < m_count; ++i)
            bigger[i] = at(i);
        m_buffer.swap(bigger);
        m_head = 0;
    }

    std::vector<IdleEntry> m_buffer; // size a power of two
    size_t m_head = 0;
    size_t m_count = 0;
};

template <bool FixedKeepAlive>
SimulationResult simulate(const SimulationOptions& o, KeepAlivePolicy& policy, double endMs,
                          double fixedKeepMs, const SimulationControl& control)
{
    SimulationResult r;
    r.memoryMb = o.memoryMb;
    r.provisionedInstances = o.provisionedInstances;
    SimRandom random(o.seed);
    ArrivalProcess arrivals = o.arrivals;
    const int provisioned = o.provisionedInstances;
    const int cap = o.concurrencyCap > 0 ? o.concurrencyCap : INT_MAX;
    const bool coldServiceSet = o.coldServiceTime.has_value();
    const ServiceTime coldService = o.coldServiceTime.value_or(ServiceTime{});

    std::vector<BusyInstance> busy;
    busy.reserve(64);
    IdleRing idle;
    std::vector<PendingPreWarm> preWarms;
    int onDemand = 0; // loaded on-demand instances, busy or idle
    int idleProvisioned = provisioned;
    double provisionedBusyMs = 0;
    double lastCompletionMs = -1;
    double nextExpiryMs = kInfinity; // the general path's earliest idle expiry
    r.maxInstances = provisioned;

    const auto addIdle = [&](const IdleEntry& e) {
        idle.pushBack(e);
        if constexpr (!FixedKeepAlive)
            nextExpiryMs = std::min(nextExpiryMs, e.expiresMs);
    };

    double t = 0;
    quint64 n = 0;
    for (;;) {
        t = arrivals.nextMs(random);
        if (!(t < endMs))
            break;
        ++n;
        if ((n & 0xffff) == 0) {
            if (control.cancel && control.cancel->load(std::memory_order_relaxed)) {
                r.cancelled = true;
                --n;
                break;
            }
            if (control.progress)
                control.progress(std::isfinite(endMs) ? t / endMs : 0.0);
        }

        // Requests that ended before this arrival: their instances become idle.
        while (!busy.empty() && busy.front().endMs <= t) {
            std::pop_heap(busy.begin(), busy.end(), LaterEnd{});
            const BusyInstance b = busy.back();
            busy.pop_back();
            lastCompletionMs = b.endMs;
            if (b.provisioned) {
                ++idleProvisioned;
                continue;
            }
            if constexpr (FixedKeepAlive) {
                addIdle({b.endMs, b.endMs + fixedKeepMs, b.served});
            } else {
                const IdleInstance instance{qint64(b.endMs), int(b.served), false};
                const qint64 keep = policy.keepAliveMs(instance);
                const qint64 preWarm = policy.preWarmMs(instance);
                const double keepMs = keep < 0 ? kInfinity : double(keep);
                if (preWarm > 0) {
                    --onDemand; // unloaded until the pre-warm
                    preWarms.push_back({b.endMs + double(preWarm), keepMs, b.served});
                    std::push_heap(preWarms.begin(), preWarms.end(), LaterLoad{});
                } else {
                    addIdle({b.endMs, b.endMs + keepMs, b.served});
                }
            }
        }

        if constexpr (FixedKeepAlive) {
            while (!idle.empty() && idle.front().expiresMs <= t) {
                r.idleInstanceMs += fixedKeepMs;
                idle.popFront();
                --onDemand;
            }
        } else {
            while (!preWarms.empty() && preWarms.front().loadMs <= t) {
                std::pop_heap(preWarms.begin(), preWarms.end(), LaterLoad{});
                const PendingPreWarm p = preWarms.back();
                preWarms.pop_back();
                if (onDemand + provisioned >= cap)
                    continue;
                ++onDemand;
                ++r.preWarmLoads;
                r.initMsTotal += o.initTime.sampleMs(random);
                r.maxInstances = std::max(r.maxInstances, onDemand + provisioned);
                addIdle({p.loadMs, p.loadMs + p.keepMs, p.served});
            }
            if (nextExpiryMs <= t) {
                nextExpiryMs = kInfinity;
                idle.removeIf([&](const IdleEntry& e) {
                    if (e.expiresMs <= t) {
                        r.idleInstanceMs += e.expiresMs - e.sinceMs;
                        --onDemand;
                        return true;
                    }
                    nextExpiryMs = std::min(nextExpiryMs, e.expiresMs);
                    return false;
                });
            }
            // The function's idle time: from its last request's end, when nothing else ran.
            if (busy.empty() && lastCompletionMs >= 0)
                policy.observeIdleTime(qint64(t - lastCompletionMs));
        }

        if (idleProvisioned > 0) {
            --idleProvisioned;
            const double s = o.serviceTime.sampleMs(random);
            busy.push_back({t + s, 0, 1});
            std::push_heap(busy.begin(), busy.end(), LaterEnd{});
            ++r.warmStarts;
            r.serviceMsTotal += s;
            r.busyInstanceMs += s;
            provisionedBusyMs += s;
            r.latency.recordMs(s);
        } else if (!idle.empty()) {
            const IdleEntry e = idle.popBack();
            r.idleInstanceMs += t - e.sinceMs;
            const double s = o.serviceTime.sampleMs(random);
            busy.push_back({t + s, e.served + 1, 0});
            std::push_heap(busy.begin(), busy.end(), LaterEnd{});
            ++r.warmStarts;
            r.serviceMsTotal += s;
            r.busyInstanceMs += s;
            r.latency.recordMs(s);
        } else if (onDemand + provisioned < cap) {
            if constexpr (!FixedKeepAlive) {
                // The request loads the instance a pending pre-warm would have loaded.
                if (!preWarms.empty()) {
                    std::pop_heap(preWarms.begin(), preWarms.end(), LaterLoad{});
                    preWarms.pop_back();
                }
            }
            ++onDemand;
            r.maxInstances = std::max(r.maxInstances, onDemand + provisioned);
            double init = 0;
            double s = 0;
            if (coldServiceSet) {
                s = coldService.sampleMs(random);
            } else {
                init = o.initTime.sampleMs(random);
                s = o.serviceTime.sampleMs(random);
            }
            busy.push_back({t + init + s, 1, 0});
            std::push_heap(busy.begin(), busy.end(), LaterEnd{});
            ++r.coldStarts;
            r.initMsTotal += init;
            r.serviceMsTotal += s;
            r.busyInstanceMs += init + s;
            r.latency.recordMs(init + s);
        } else {
            ++r.throttled;
        }
    }

    r.arrivals = n;
    r.simulatedMs = r.cancelled || !std::isfinite(endMs) ? t : endMs;
    const double end = r.simulatedMs;
    for (size_t i = 0; i < idle.size(); ++i) {
        const IdleEntry& e = idle.at(i);
        if (e.sinceMs < end)
            r.idleInstanceMs += std::min(e.expiresMs, end) - e.sinceMs;
    }
    r.idleInstanceMs += std::max(0.0, double(provisioned) * end - provisionedBusyMs);
    if (end > 0) {
        r.meanBusyInstances = r.busyInstanceMs / end;
        r.meanInstances = (r.busyInstanceMs + r.idleInstanceMs) / end;
    }
    if (control.progress && !r.cancelled)
        control.progress(1.0);
    return r;
}

} // namespace

Result<SimulationResult> Simulator::run(const SimulationOptions& options, KeepAlivePolicy& policy,
                                        const SimulationControl& control)
{
    double endMs =
        options.durationMs > 0 ? options.durationMs : options.arrivals.naturalDurationMs();
    if (!std::isfinite(endMs) || endMs <= 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("A simulation needs a duration above 0 (or a trace to "
                                   "replay)."));
    const double rate = options.arrivals.meanRatePerSecond();
    if (!std::isfinite(rate) || rate < 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The arrival rate must be a finite number, 0 or more."));
    if (options.provisionedInstances < 0 ||
        (options.concurrencyCap > 0 && options.provisionedInstances > options.concurrencyCap))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Provisioned instances (%1) must be from 0 to the "
                                   "concurrency cap (%2).")
                        .arg(options.provisionedInstances)
                        .arg(options.concurrencyCap));
    if (const auto* fixed = dynamic_cast<const FixedKeepAlivePolicy*>(&policy)) {
        const double keepMs =
            fixed->idleTimeoutMs() < 0 ? kInfinity : double(fixed->idleTimeoutMs());
        return simulate<true>(options, policy, endMs, keepMs, control);
    }
    return simulate<false>(options, policy, endMs, 0, control);
}

} // namespace swb::sim
