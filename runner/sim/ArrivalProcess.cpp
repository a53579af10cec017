#include "ArrivalProcess.h"

#include <algorithm>
#include <numeric>

namespace swb::sim {

ArrivalProcess ArrivalProcess::poisson(double ratePerSecond)
{
    ArrivalProcess a;
    a.m_kind = Kind::Poisson;
    a.m_meanGapMs = 1000.0 / ratePerSecond;
    return a;
}

ArrivalProcess ArrivalProcess::periodic(double intervalMs)
{
    ArrivalProcess a;
    a.m_kind = Kind::Periodic;
    a.m_meanGapMs = intervalMs;
    return a;
}

ArrivalProcess ArrivalProcess::bursty(double ratePerSecond, double onMs, double offMs)
{
    ArrivalProcess a;
    a.m_kind = Kind::Bursty;
    a.m_meanGapMs = 1000.0 / ratePerSecond;
    a.m_onMs = onMs;
    a.m_offMs = std::max(0.0, offMs);
    return a;
}

ArrivalProcess ArrivalProcess::diurnal(double meanRatePerSecond, double amplitude, double periodMs)
{
    ArrivalProcess a;
    a.m_kind = Kind::Diurnal;
    a.m_amplitude = std::clamp(amplitude, 0.0, 1.0);
    a.m_meanGapMs = 1000.0 / (meanRatePerSecond * (1.0 + a.m_amplitude));
    a.m_omegaPerMs = 2.0 * 3.141592653589793 / periodMs;
    return a;
}

ArrivalProcess ArrivalProcess::trace(std::shared_ptr<const std::vector<quint32>> countsPerMinute)
{
    ArrivalProcess a;
    a.m_kind = Kind::Trace;
    a.m_counts = std::move(countsPerMinute);
    return a;
}

double ArrivalProcess::meanRatePerSecond() const
{
    switch (m_kind) {
    case Kind::Poisson:
        return 1000.0 / m_meanGapMs;
    case Kind::Periodic:
        return 1000.0 / m_meanGapMs;
    case Kind::Bursty:
        return 1000.0 / m_meanGapMs * m_onMs / (m_onMs + m_offMs);
    case Kind::Diurnal:
        return 1000.0 / m_meanGapMs / (1.0 + m_amplitude);
    case Kind::Trace: {
        if (!m_counts || m_counts->empty())
            return 0;
        const double total = std::accumulate(m_counts->begin(), m_counts->end(), 0.0);
        return total / (double(m_counts->size()) * 60.0);
    }
    }
    return 0;
}

double ArrivalProcess::naturalDurationMs() const
{
    if (m_kind == Kind::Trace)
        return m_counts ? double(m_counts->size()) * 60000.0 : 0.0;
    return std::numeric_limits<double>::infinity();
}

QString ArrivalProcess::describe() const
{
    switch (m_kind) {
    case Kind::Poisson:
        return QStringLiteral("Poisson, %1 per second").arg(meanRatePerSecond());
    case Kind::Periodic:
        return QStringLiteral("every %1 ms").arg(m_meanGapMs);
    case Kind::Bursty:
        return QStringLiteral("bursts of %1 per second for %2 ms, then %3 ms off")
            .arg(1000.0 / m_meanGapMs)
            .arg(m_onMs)
            .arg(m_offMs);
    case Kind::Diurnal:
        return QStringLiteral("diurnal, mean %1 per second, amplitude %2")
            .arg(meanRatePerSecond())
            .arg(m_amplitude);
    case Kind::Trace:
        return QStringLiteral("trace replay, %1 minutes").arg(m_counts ? m_counts->size() : 0);
    }
    return {};
}

} // namespace swb::sim
