#pragma once
// When the requests of a load test arrive: constant spacing, a Poisson process, or bursts.
// Deterministic for a seed, so a load test can be repeated.

#include <QString>

#include <optional>
#include <random>

namespace swb {

class LoadPattern {
public:
    enum class Kind { Constant, Poisson, Burst };

    static std::optional<Kind> kindFromName(const QString& name); // constant|poisson|burst
    LoadPattern(Kind kind, double ratePerSecond, quint64 seed = 1);

    // The time of the next arrival in ms since the start; increasing.
    double next();

private:
    Kind m_kind;
    double m_rate;
    double m_t = 0;
    qint64 m_index = 0;
    std::mt19937_64 m_random;
};

} // namespace swb
