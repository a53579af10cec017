#pragma once
// How long an idle instance is kept before it expires. One interface for the live runner and
// the simulator, so that what a user tunes in the simulator is what the runner does.

#include <QString>

#include <memory>

namespace swb {

struct IdleInstance {
    qint64 idleSinceMs = 0; // monotonic time the instance became idle
    int invocationsServed = 0;
    bool provisioned = false;
};

class KeepAlivePolicy {
public:
    virtual ~KeepAlivePolicy() = default;
    // Milliseconds after idleSinceMs at which the instance expires; negative = never. With a
    // pre-warm window (below), counted from the moment the instance is loaded again.
    virtual qint64 keepAliveMs(const IdleInstance& instance) const = 0;
    virtual QString describe() const = 0;

    // Milliseconds after idleSinceMs during which the instance is unloaded before it is loaded
    // again ahead of the expected next invocation (Shahrad et al. 2020); 0 = kept loaded. The
    // live runner does not pre-warm yet; the simulator does.
    virtual qint64 preWarmMs(const IdleInstance& instance) const
    {
        Q_UNUSED(instance);
        return 0;
    }
    // Called with each idle time of the function (from the end of its last invocation, when
    // nothing else ran, to the start of the next one), for policies that learn from them.
    virtual void observeIdleTime(qint64 idleMs) { Q_UNUSED(idleMs); }
};

// A fixed idle timeout, as most platforms use (Lambda keeps idle instances for minutes; the
// exact figure is not published, so it is a setting). 0 is "no keep-alive".
class FixedKeepAlivePolicy final : public KeepAlivePolicy {
public:
    explicit FixedKeepAlivePolicy(qint64 idleTimeoutMs) : m_idleTimeoutMs(idleTimeoutMs) {}
    qint64 keepAliveMs(const IdleInstance& instance) const override
    {
        return instance.provisioned ? -1 : m_idleTimeoutMs;
    }
    QString describe() const override
    {
        return QStringLiteral("fixed idle timeout of %1 ms").arg(m_idleTimeoutMs);
    }
    qint64 idleTimeoutMs() const { return m_idleTimeoutMs; }

private:
    qint64 m_idleTimeoutMs;
};

} // namespace swb
