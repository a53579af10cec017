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
    // Milliseconds after idleSinceMs at which the instance expires; negative = never.
    virtual qint64 keepAliveMs(const IdleInstance& instance) const = 0;
    virtual QString describe() const = 0;
};

// A fixed idle timeout, as most platforms use (Lambda keeps idle instances for minutes; the
// exact figure is not published, so it is a setting).
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

private:
    qint64 m_idleTimeoutMs;
};

} // namespace swb
