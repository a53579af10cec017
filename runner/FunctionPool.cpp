#include "FunctionPool.h"

namespace swb {

FunctionPool::FunctionPool(int concurrencyCap, const KeepAlivePolicy& policy)
    : m_cap(concurrencyCap), m_policy(policy)
{}

FunctionPool::Slot* FunctionPool::find(quint64 id)
{
    for (Slot& s : m_slots) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

FunctionPool::Acquired FunctionPool::acquire(qint64 nowMs)
{
    Q_UNUSED(nowMs);
    Slot* best = nullptr;
    for (Slot& s : m_slots) {
        if (s.state == SlotState::Idle && (!best || s.idleSinceMs > best->idleSinceMs))
            best = &s;
    }
    if (best) {
        best->state = SlotState::Busy;
        ++best->invocationsServed;
        return {Acquired::Warm, best->id};
    }
    if (int(m_slots.size()) >= m_cap)
        return {Acquired::Throttled, 0};
    Slot s;
    s.id = m_nextId++;
    s.state = SlotState::Busy; // busy from the start: it starts for this invocation
    s.invocationsServed = 1;
    m_slots.append(s);
    return {Acquired::Cold, s.id};
}

std::optional<quint64> FunctionPool::provision()
{
    if (int(m_slots.size()) >= m_cap)
        return std::nullopt;
    Slot s;
    s.id = m_nextId++;
    s.state = SlotState::Starting;
    s.provisioned = true;
    m_slots.append(s);
    return s.id;
}

void FunctionPool::markReady(quint64 id, qint64 nowMs)
{
    if (Slot* s = find(id); s && s->state == SlotState::Starting) {
        s->state = SlotState::Idle;
        s->idleSinceMs = nowMs;
    }
}

void FunctionPool::release(quint64 id, qint64 nowMs)
{
    if (Slot* s = find(id)) {
        s->state = SlotState::Idle;
        s->idleSinceMs = nowMs;
    }
}

void FunctionPool::discard(quint64 id)
{
    m_slots.removeIf([id](const Slot& s) { return s.id == id; });
}

QList<quint64> FunctionPool::expire(qint64 nowMs)
{
    QList<quint64> expired;
    for (const Slot& s : m_slots) {
        if (s.state != SlotState::Idle)
            continue;
        const qint64 keep =
            m_policy.keepAliveMs({s.idleSinceMs, s.invocationsServed, s.provisioned});
        if (keep >= 0 && nowMs - s.idleSinceMs >= keep)
            expired.append(s.id);
    }
    for (quint64 id : expired)
        discard(id);
    return expired;
}

std::optional<qint64> FunctionPool::nextExpiryMs() const
{
    std::optional<qint64> next;
    for (const Slot& s : m_slots) {
        if (s.state != SlotState::Idle)
            continue;
        const qint64 keep =
            m_policy.keepAliveMs({s.idleSinceMs, s.invocationsServed, s.provisioned});
        if (keep < 0)
            continue;
        const qint64 at = s.idleSinceMs + keep;
        if (!next || at < *next)
            next = at;
    }
    return next;
}

int FunctionPool::count(SlotState state) const
{
    int n = 0;
    for (const Slot& s : m_slots)
        n += s.state == state ? 1 : 0;
    return n;
}

QList<quint64> FunctionPool::ids() const
{
    QList<quint64> out;
    for (const Slot& s : m_slots)
        out << s.id;
    return out;
}

} // namespace swb
