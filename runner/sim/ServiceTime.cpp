#include "ServiceTime.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace swb::sim {

ServiceTime ServiceTime::fixed(double ms)
{
    ServiceTime s;
    s.m_kind = Kind::Fixed;
    s.m_meanMs = std::max(0.0, ms);
    return s;
}

ServiceTime ServiceTime::exponential(double meanMs)
{
    ServiceTime s;
    s.m_kind = Kind::Exponential;
    s.m_meanMs = std::max(0.0, meanMs);
    return s;
}

ServiceTime ServiceTime::logNormal(double meanMs, double sigma)
{
    ServiceTime s;
    s.m_kind = Kind::LogNormal;
    s.m_meanMs = std::max(1e-9, meanMs);
    s.m_sigma = std::max(0.0, sigma);
    // E[X] = exp(mu + sigma^2 / 2)
    s.m_mu = std::log(s.m_meanMs) - s.m_sigma * s.m_sigma / 2.0;
    return s;
}

ServiceTime ServiceTime::logNormalFromPercentiles(double p50Ms, double p99Ms)
{
    constexpr double z99 = 2.3263478740408408; // the standard normal's 99th percentile
    const double p50 = std::max(1e-9, p50Ms);
    const double sigma = std::max(0.0, std::log(std::max(p99Ms, p50) / p50) / z99);
    ServiceTime s;
    s.m_kind = Kind::LogNormal;
    s.m_mu = std::log(p50);
    s.m_sigma = sigma;
    s.m_meanMs = std::exp(s.m_mu + sigma * sigma / 2.0);
    return s;
}

Result<ServiceTime> ServiceTime::empirical(std::vector<double> samplesMs)
{
    if (samplesMs.empty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("An empirical duration distribution needs at least one "
                                   "measured duration."));
    if (std::any_of(samplesMs.begin(), samplesMs.end(),
                    [](double v) { return !(v >= 0) || !std::isfinite(v); }))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Measured durations must be finite and 0 ms or more."));
    ServiceTime s;
    s.m_kind = Kind::Empirical;
    s.m_meanMs =
        std::accumulate(samplesMs.begin(), samplesMs.end(), 0.0) / double(samplesMs.size());
    s.m_samples = std::make_shared<const std::vector<double>>(std::move(samplesMs));
    return s;
}

QString ServiceTime::describe() const
{
    switch (m_kind) {
    case Kind::Fixed:
        return QStringLiteral("fixed %1 ms").arg(m_meanMs);
    case Kind::Exponential:
        return QStringLiteral("exponential, mean %1 ms").arg(m_meanMs);
    case Kind::LogNormal:
        return QStringLiteral("lognormal, mean %1 ms, sigma %2").arg(m_meanMs).arg(m_sigma);
    case Kind::Empirical:
        return QStringLiteral("empirical, %1 measured durations, mean %2 ms")
            .arg(m_samples->size())
            .arg(m_meanMs);
    }
    return {};
}

} // namespace swb::sim
