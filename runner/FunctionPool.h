#pragma once
// The decisions of one function's instance pool, without processes: which idle instance an
// invocation takes (warm), when a new one starts (cold), when it is throttled, when idle ones
// expire. The Runner applies these decisions to real instances; tests drive it with a clock.

#include "KeepAlivePolicy.h"

#include <QList>

#include <optional>

namespace swb {

class FunctionPool {
public:
    enum class SlotState { Starting, Idle, Busy };
    struct Slot {
        quint64 id = 0;
        SlotState state = SlotState::Starting;
        qint64 idleSinceMs = 0;
        int invocationsServed = 0;
        bool provisioned = false;
    };
    struct Acquired {
        enum Kind { Warm, Cold, Throttled } kind;
        quint64 instanceId = 0; // for Warm and Cold
    };

    // `concurrencyCap` counts starting, idle and busy instances alike, as Lambda's concurrency
    // does for busy ones: an instance that is starting for an invocation is busy.
    FunctionPool(int concurrencyCap, const KeepAlivePolicy& policy);

    // Takes the most recently used idle instance (Lambda's routing favours recent instances,
    // which lets the rest expire), else starts one if under the cap, else throttles.
    Acquired acquire(qint64 nowMs);
    // A started-in-advance (provisioned) instance: counts against the cap, idle once ready.
    std::optional<quint64> provision();
    void markReady(quint64 id, qint64 nowMs); // a provisioned instance finished its init
    void release(quint64 id, qint64 nowMs);   // busy -> idle
    void discard(quint64 id);                 // failed or retired: gone from the pool
    QList<quint64> expire(qint64 nowMs);      // idle past keep-alive: removed and returned
    std::optional<qint64> nextExpiryMs() const;

    int concurrencyCap() const { return m_cap; }
    void setConcurrencyCap(int cap) { m_cap = cap; }
    int size() const { return int(m_slots.size()); }
    int count(SlotState state) const;
    const QList<Slot>& entries() const { return m_slots; }
    QList<quint64> ids() const;

private:
    Slot* find(quint64 id);

    int m_cap;
    const KeepAlivePolicy& m_policy;
    QList<Slot> m_slots;
    quint64 m_nextId = 1;
};

} // namespace swb
