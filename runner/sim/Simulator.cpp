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

struct LaterLoad { // earliest first, for std::push_heap/pop_heap
    bool operator()(const PendingPreWarm& a, const PendingPreWarm& b) const
    {
        return a.loadMs > b.loadMs;
    }
};

// Busy instances by end time. Most requests end in the order they started (a fixed service
// time, or a cold start followed by warm ones), so an entry that ends no earlier than the
// newest in a FIFO joins it in O(1); only the others go to a binary min-heap. The earliest end
// is the earlier of the two heads.
class BusyQueue {
public:
    BusyQueue() : m_fifo(64) { m_heap.reserve(64); }
    bool empty() const { return m_fifoCount == 0 && m_heap.empty(); }
    // Infinity when empty.
    double earliestEndMs() const
    {
        const double a = m_fifoCount ? fifoAt(0).endMs : kInfinity;
        const double b = m_heap.empty() ? kInfinity : m_heap.front().endMs;
        return a < b ? a : b;
    }
    void push(const BusyInstance& b)
    {
        if (m_fifoCount == 0 || b.endMs >= fifoAt(m_fifoCount - 1).endMs) {
            if (m_fifoCount == m_fifo.size())
                growFifo();
            fifoAt(m_fifoCount++) = b;
            return;
        }
        pushHeap(b);
    }
    // The entry with the earliest end; the queue must not be empty.
    BusyInstance pop()
    {
        if (m_fifoCount && (m_heap.empty() || fifoAt(0).endMs <= m_heap.front().endMs)) {
            const BusyInstance b = fifoAt(0);
            m_fifoHead = (m_fifoHead + 1) & (m_fifoMask);
            --m_fifoCount;
            return b;
        }
        const BusyInstance b = m_heap.front();
        const BusyInstance last = m_heap.back();
        m_heap.pop_back();
        if (!m_heap.empty())
            siftDown(last);
        return b;
    }

    // Entries still busy at `timeMs` (ending after it), and on-demand ones that ended at or
    // before it but no later than `timeMs - keepMs` (their keep-alive has run out by then).
    std::pair<int, int> countAt(double timeMs, double keepMs) const
    {
        int stillBusy = 0;
        int expired = 0;
        const auto count = [&](const BusyInstance& b) {
            if (b.endMs > timeMs)
                ++stillBusy;
            else if (!b.provisioned && b.endMs + keepMs <= timeMs)
                ++expired;
        };
        for (size_t i = 0; i < m_fifoCount; ++i)
            count(fifoAt(i));
        for (const BusyInstance& b : m_heap)
            count(b);
        return {stillBusy, expired};
    }

private:
    BusyInstance& fifoAt(size_t i) { return m_fifo[(m_fifoHead + i) & (m_fifoMask)]; }
    const BusyInstance& fifoAt(size_t i) const { return m_fifo[(m_fifoHead + i) & (m_fifoMask)]; }
    void growFifo()
    {
        std::vector<BusyInstance> bigger(m_fifo.size() * 2);
        for (size_t i = 0; i < m_fifoCount; ++i)
            bigger[i] = fifoAt(i);
        m_fifo.swap(bigger);
        m_fifoHead = 0;
        m_fifoMask = m_fifo.size() - 1;
    }
    Q_NEVER_INLINE void pushHeap(const BusyInstance& b)
    {
        m_heap.push_back(b);
        siftUp(m_heap.size() - 1);
    }
    void siftUp(size_t i)
    {
        const BusyInstance b = m_heap[i];
        while (i > 0) {
            const size_t parent = (i - 1) / 2;
            if (m_heap[parent].endMs <= b.endMs)
                break;
            m_heap[i] = m_heap[parent];
            i = parent;
        }
        m_heap[i] = b;
    }
    // Puts `b` at the root's place and moves it down.
    void siftDown(const BusyInstance& b)
    {
        const size_t n = m_heap.size();
        size_t i = 0;
        for (;;) {
            size_t child = 2 * i + 1;
            if (child >= n)
                break;
            if (child + 1 < n && m_heap[child + 1].endMs < m_heap[child].endMs)
                ++child;
            if (b.endMs <= m_heap[child].endMs)
                break;
            m_heap[i] = m_heap[child];
            i = child;
        }
        m_heap[i] = b;
    }

    std::vector<BusyInstance> m_fifo; // ring, size a power of two
    size_t m_fifoMask = 63;
    size_t m_fifoHead = 0;
    size_t m_fifoCount = 0;
    std::vector<BusyInstance> m_heap;
};

// Idle instances, least recently used at the front: reuse takes the back (most recently used,
// as Lambda routes), a fixed keep-alive expires from the front. Grows by doubling, never
// shrinks, so steady state allocates nothing.
class IdleRing {
public:
    IdleRing() : m_buffer(64) {}
    bool empty() const { return m_count == 0; }
    size_t size() const { return m_count; }
    IdleEntry& at(size_t i) { return m_buffer[(m_head + i) & (m_mask)]; }
    IdleEntry& front() { return at(0); }
    const IdleEntry& at(size_t i) const { return m_buffer[(m_head + i) & (m_mask)]; }
    void pushBack(const IdleEntry& e)
    {
        if (m_count == m_buffer.size())
            grow();
        at(m_count++) = e;
    }
    IdleEntry popBack() { return at(--m_count); }
    void popFront()
    {
        m_head = (m_head + 1) & (m_mask);
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
        m_mask = m_buffer.size() - 1;
    }

    std::vector<IdleEntry> m_buffer; // size a power of two
    size_t m_mask = 63;
    size_t m_head = 0;
    size_t m_count = 0;
};

// Counters in locals, not in the result, so that the compiler keeps them in registers.
struct Tally {
    quint64 warm = 0;
    quint64 cold = 0;
    quint64 throttled = 0;
    quint64 preWarmLoads = 0;
    quint64 provisionedStarts = 0;
    double busyMs = 0;
    double idleMs = 0;
    double initMs = 0;
    double serviceMs = 0;
};

template <bool FixedKeepAlive>
SimulationResult simulate(const SimulationOptions& o, KeepAlivePolicy& policy, double endMs,
                          double fixedKeepMs, const SimulationControl& control)
{
    SimulationResult r;
    r.memoryMb = o.memoryMb;
    r.provisionedInstances = o.provisionedInstances;
    LatencyHistogram& latency = r.latency;
    Tally k;
    SimRandom random(o.seed);
    ArrivalProcess arrivals = o.arrivals;
    const ServiceTime serviceTime = o.serviceTime;
    const int provisioned = o.provisionedInstances;
    const int cap = o.concurrencyCap > 0 ? o.concurrencyCap : INT_MAX;
    const bool coldServiceSet = o.coldServiceTime.has_value();
    const ServiceTime coldService = o.coldServiceTime.value_or(ServiceTime{});

    BusyQueue busy;
    IdleRing idle;
    std::vector<PendingPreWarm> preWarms;
    int onDemand = 0; // loaded on-demand instances, busy or idle
    int idleProvisioned = provisioned;
    int maxInstances = provisioned;
    double provisionedBusyMs = 0;
    double lastCompletionMs = -1;
    double nextExpiryMs = kInfinity; // the general path's earliest idle expiry

    // The instance series: the next sample's time is infinity when there is none left, so the
    // loop pays one comparison per arrival.
    const int samples = o.instanceSamples;
    r.instanceSeries.reserve(size_t(samples));
    const auto sampleTime = [&](int i) {
        return samples > 1 ? endMs * double(i) / double(samples - 1) : 0.0;
    };
    double nextSampleMs = samples > 0 ? 0.0 : kInfinity;
    // The pool at `s`, no earlier than the last arrival: requests that have ended and idle
    // instances that have expired by then are counted as the next arrival will find them.
    const auto recordSamplesUpTo = [&](double until) {
        while (nextSampleMs <= until) {
            const double s = nextSampleMs;
            const auto [stillBusy, expiredAfterBusy] =
                busy.countAt(s, FixedKeepAlive ? fixedKeepMs : kInfinity);
            int expiredIdle = 0;
            for (size_t i = 0; i < idle.size(); ++i)
                expiredIdle += idle.at(i).expiresMs <= s ? 1 : 0;
            int preWarmed = 0;
            for (const PendingPreWarm& p : preWarms)
                preWarmed += p.loadMs <= s ? 1 : 0;
            const int loaded = onDemand + provisioned - expiredIdle - expiredAfterBusy + preWarmed;
            r.instanceSeries.push_back(
                {s, std::min(loaded, std::max(cap, provisioned)), stillBusy});
            const int done = int(r.instanceSeries.size());
            nextSampleMs = done < samples ? sampleTime(done) : kInfinity;
        }
    };

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
        if ((n & 0xffff) == 0) [[unlikely]] {
            if (control.cancel && control.cancel->load(std::memory_order_relaxed)) {
                r.cancelled = true;
                --n;
                break;
            }
            if (control.progress)
                control.progress(std::isfinite(endMs) ? t / endMs : 0.0);
        }
        if (t >= nextSampleMs) [[unlikely]]
            recordSamplesUpTo(t);

        // Requests that ended before this arrival: their instances become idle. The fixed path
        // holds the last one back: it is the most recently used, so this arrival takes it
        // (unless a provisioned instance is free), without a trip through the idle ring.
        bool haveLast = false;
        BusyInstance last{};
        while (busy.earliestEndMs() <= t) {
            const BusyInstance b = busy.pop();
            lastCompletionMs = b.endMs;
            if (b.provisioned) {
                ++idleProvisioned;
                continue;
            }
            if constexpr (FixedKeepAlive) {
                if (haveLast)
                    addIdle({last.endMs, last.endMs + fixedKeepMs, last.served});
                last = b;
                haveLast = true;
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
            if (haveLast && (idleProvisioned > 0 || last.endMs + fixedKeepMs <= t)) {
                addIdle({last.endMs, last.endMs + fixedKeepMs, last.served});
                haveLast = false;
            }
            while (!idle.empty() && idle.front().expiresMs <= t) {
                k.idleMs += fixedKeepMs;
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
                ++k.preWarmLoads;
                k.initMs += o.initTime.sampleMs(random);
                maxInstances = std::max(maxInstances, onDemand + provisioned);
                addIdle({p.loadMs, p.loadMs + p.keepMs, p.served});
            }
            if (nextExpiryMs <= t) {
                nextExpiryMs = kInfinity;
                idle.removeIf([&](const IdleEntry& e) {
                    if (e.expiresMs <= t) {
                        k.idleMs += e.expiresMs - e.sinceMs;
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
            const double s = serviceTime.sampleMs(random);
            busy.push({t + s, 0, 1});
            ++k.warm;
            ++k.provisionedStarts;
            k.serviceMs += s;
            k.busyMs += s;
            provisionedBusyMs += s;
            latency.recordMs(s);
        } else if (haveLast || !idle.empty()) {
            quint32 served = 0;
            if (haveLast) {
                k.idleMs += t - last.endMs;
                served = last.served;
            } else {
                const IdleEntry e = idle.popBack();
                k.idleMs += t - e.sinceMs;
                served = e.served;
            }
            const double s = serviceTime.sampleMs(random);
            busy.push({t + s, served + 1, 0});
            ++k.warm;
            k.serviceMs += s;
            k.busyMs += s;
            latency.recordMs(s);
        } else if (onDemand + provisioned < cap) {
            if constexpr (!FixedKeepAlive) {
                // The request loads the instance a pending pre-warm would have loaded.
                if (!preWarms.empty()) {
                    std::pop_heap(preWarms.begin(), preWarms.end(), LaterLoad{});
                    preWarms.pop_back();
                }
            }
            ++onDemand;
            maxInstances = std::max(maxInstances, onDemand + provisioned);
            double init = 0;
            double s = 0;
            if (coldServiceSet) {
                s = coldService.sampleMs(random);
            } else {
                init = o.initTime.sampleMs(random);
                s = serviceTime.sampleMs(random);
            }
            busy.push({t + init + s, 1, 0});
            ++k.cold;
            k.initMs += init;
            k.serviceMs += s;
            k.busyMs += init + s;
            latency.recordMs(init + s);
            r.coldLatency.recordMs(init + s);
            r.coldService.recordMs(s);
        } else {
            ++k.throttled;
        }
    }

    // Samples after the last arrival, up to the end (or to where a cancelled run stopped).
    if (r.cancelled)
        recordSamplesUpTo(t);
    else
        recordSamplesUpTo(endMs);

    r.arrivals = n;
    r.warmStarts = k.warm;
    r.coldStarts = k.cold;
    r.throttled = k.throttled;
    r.preWarmLoads = k.preWarmLoads;
    r.provisionedStarts = k.provisionedStarts;
    r.busyInstanceMs = k.busyMs;
    r.initMsTotal = k.initMs;
    r.serviceMsTotal = k.serviceMs;
    r.maxInstances = maxInstances;
    r.simulatedMs = r.cancelled || !std::isfinite(endMs) ? t : endMs;
    const double end = r.simulatedMs;
    double idleMs = k.idleMs;
    for (size_t i = 0; i < idle.size(); ++i) {
        const IdleEntry& e = idle.at(i);
        if (e.sinceMs < end)
            idleMs += std::min(e.expiresMs, end) - e.sinceMs;
    }
    // Requests still running at the end become idle at their end, within the keep-alive.
    while (!busy.empty()) {
        const BusyInstance b = busy.pop();
        if (!b.provisioned && b.endMs < end)
            idleMs += std::min(end - b.endMs, FixedKeepAlive ? fixedKeepMs : 0.0);
    }
    idleMs += std::max(0.0, double(provisioned) * end - provisionedBusyMs);
    r.idleInstanceMs = idleMs;
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
    if (options.instanceSamples < 0 ||
        options.instanceSamples > SimulationOptions::kMaxInstanceSamples)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Instance samples (%1) must be from 0 to %2.")
                        .arg(options.instanceSamples)
                        .arg(SimulationOptions::kMaxInstanceSamples));
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
