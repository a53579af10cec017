#pragma once
// A distribution of durations in ms (service or init time): fixed, exponential, lognormal or
// empirical (a sample of measured durations, drawn from uniformly).

#include "Error.h"
#include "SimRandom.h"

#include <QString>

#include <memory>
#include <vector>

namespace swb::sim {

class ServiceTime {
public:
    enum class Kind { Fixed, Exponential, LogNormal, Empirical };

    ServiceTime() = default; // fixed 0 ms
    static ServiceTime fixed(double ms);
    static ServiceTime exponential(double meanMs);
    // Lognormal with this mean and sigma (the standard deviation of ln of the duration).
    static ServiceTime logNormal(double meanMs, double sigma);
    // Lognormal through two percentiles: median and 99th percentile (p99 >= p50 > 0).
    static ServiceTime logNormalFromPercentiles(double p50Ms, double p99Ms);
    // Draws uniformly from these durations; InvalidArgument when empty or any is negative.
    static Result<ServiceTime> empirical(std::vector<double> samplesMs);

    Kind kind() const { return m_kind; }
    double meanMs() const { return m_meanMs; }
    QString describe() const;

    double sampleMs(SimRandom& random) const
    {
        switch (m_kind) {
        case Kind::Fixed:
            return m_meanMs;
        case Kind::Exponential:
            return m_meanMs * random.exponential();
        case Kind::LogNormal:
            return std::exp(m_mu + m_sigma * random.normal());
        case Kind::Empirical:
            return (*m_samples)[size_t(random.below(m_samples->size()))];
        }
        return m_meanMs;
    }

private:
    Kind m_kind = Kind::Fixed;
    double m_meanMs = 0;
    double m_mu = 0;
    double m_sigma = 0;
    std::shared_ptr<const std::vector<double>> m_samples;
};

} // namespace swb::sim
