#include "LoadPattern.h"

#include <cmath>

namespace swb {

std::optional<LoadPattern::Kind> LoadPattern::kindFromName(const QString& name)
{
    if (name == QLatin1String("constant"))
        return Kind::Constant;
    if (name == QLatin1String("poisson"))
        return Kind::Poisson;
    if (name == QLatin1String("burst"))
        return Kind::Burst;
    return std::nullopt;
}

LoadPattern::LoadPattern(Kind kind, double ratePerSecond, quint64 seed)
    : m_kind(kind), m_rate(ratePerSecond), m_random(seed)
{}

double LoadPattern::next()
{
    const qint64 i = m_index++;
    switch (m_kind) {
    case Kind::Constant:
        return double(i) * 1000.0 / m_rate;
    case Kind::Poisson: {
        // Exponential gaps with mean 1/rate; the first request at t = 0.
        if (i == 0)
            return 0;
        std::exponential_distribution<double> gap(m_rate / 1000.0);
        m_t += gap(m_random);
        return m_t;
    }
    case Kind::Burst: {
        // All of a second's requests at the start of that second.
        const qint64 perSecond = std::max<qint64>(1, qint64(std::llround(m_rate)));
        return double(i / perSecond) * 1000.0;
    }
    }
    return 0;
}

} // namespace swb
