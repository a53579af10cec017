#pragma once
// When a simulated function is invoked: Poisson, periodic, bursty on/off, a diurnal sinusoid,
// or the replay of a per-minute trace with each minute's count spread uniformly inside it.
// A value type: copy it to start again from 0; next() is inline for the simulator's hot loop.

#include "SimRandom.h"

#include <QString>

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

namespace swb::sim {

class ArrivalProcess {
public:
    enum class Kind { Poisson, Periodic, Bursty, Diurnal, Trace };

    ArrivalProcess() = default; // Poisson at 1 per second
    static ArrivalProcess poisson(double ratePerSecond);
    static ArrivalProcess periodic(double intervalMs);
    // Poisson at `ratePerSecond` for onMs, then nothing for offMs, repeated.
    static ArrivalProcess bursty(double ratePerSecond, double onMs, double offMs);
    // Poisson with rate mean * (1 + amplitude * sin(2 pi t / period)), amplitude in [0, 1].
    static ArrivalProcess diurnal(double meanRatePerSecond, double amplitude,
                                  double periodMs = 86400000.0);
    static ArrivalProcess trace(std::shared_ptr<const std::vector<quint32>> countsPerMinute);

    Kind kind() const { return m_kind; }
    double meanRatePerSecond() const; // over the long run (a trace: over its length)
    // A trace's length; infinity for the others.
    double naturalDurationMs() const;
    QString describe() const;

    // The next arrival in ms since the start, increasing; infinity when a trace has ended.
    double nextMs(SimRandom& random)
    {
        switch (m_kind) {
        case Kind::Poisson:
            return m_t += random.exponential() * m_meanGapMs;
        case Kind::Periodic:
            return double(m_index++) * m_meanGapMs;
        case Kind::Bursty: {
            // A Poisson process in "on" time, mapped onto the wall clock.
            m_t += random.exponential() * m_meanGapMs;
            const double cycles = std::floor(m_t / m_onMs);
            return cycles * (m_onMs + m_offMs) + (m_t - cycles * m_onMs);
        }
        case Kind::Diurnal:
            // Thinning (Lewis & Shedler): candidates at the peak rate, kept with rate(t)/peak.
            for (;;) {
                m_t += random.exponential() * m_meanGapMs;
                const double rate = 1.0 + m_amplitude * std::sin(m_omegaPerMs * m_t);
                if (random.uniform() * (1.0 + m_amplitude) < rate)
                    return m_t;
            }
        case Kind::Trace:
            return nextTraceMs(random);
        }
        return std::numeric_limits<double>::infinity();
    }

private:
    double nextTraceMs(SimRandom& random)
    {
        while (m_leftInMinute == 0) {
            if (m_index >= qint64(m_counts->size()))
                return std::numeric_limits<double>::infinity();
            m_leftInMinute = (*m_counts)[size_t(m_index++)];
            m_fraction = 0;
        }
        // The next of k sorted uniforms on [x, 1): 1 - (1 - x) * U^(1/k), no buffer needed.
        m_fraction = 1.0 - (1.0 - m_fraction) *
                               std::exp(std::log(random.uniformOpenClosed()) / m_leftInMinute);
        --m_leftInMinute;
        return (double(m_index - 1) + m_fraction) * 60000.0;
    }

    Kind m_kind = Kind::Poisson;
    double m_meanGapMs = 1000.0; // between (candidate) arrivals
    double m_onMs = 0;
    double m_offMs = 0;
    double m_amplitude = 0;
    double m_omegaPerMs = 0;
    double m_t = 0;
    qint64 m_index = 0;
    quint32 m_leftInMinute = 0;
    double m_fraction = 0;
    std::shared_ptr<const std::vector<quint32>> m_counts;
};

} // namespace swb::sim
