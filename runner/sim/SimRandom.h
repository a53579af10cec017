#pragma once
// The simulator's random numbers: xoshiro256** seeded through splitmix64. Small, fast and the
// same on every platform for a seed (std::*_distribution is not), so runs repeat exactly.

#include <QtGlobal>

#include <cmath>

namespace swb::sim {

class SimRandom {
public:
    explicit SimRandom(quint64 seed)
    {
        quint64 x = seed;
        for (quint64& s : m_state)
            s = splitmix64(x);
    }

    quint64 nextU64()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }
    // Uniform in (0, 1]: never 0, so -log(u) is finite.
    double uniformOpenClosed() { return double((nextU64() >> 11) + 1) * 0x1.0p-53; }
    // Uniform in [0, 1).
    double uniform() { return double(nextU64() >> 11) * 0x1.0p-53; }
    // Exponential with mean 1 (inverse transform).
    double exponential() { return -std::log(uniformOpenClosed()); }
    // Standard normal (Box-Muller; the pair's second value is kept for the next call).
    double normal()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        const double r = std::sqrt(-2.0 * std::log(uniformOpenClosed()));
        const double angle = 6.283185307179586 * uniform();
        m_spare = r * std::sin(angle);
        m_hasSpare = true;
        return r * std::cos(angle);
    }
    // Uniform integer in [0, n).
    quint64 below(quint64 n)
    {
        const quint64 i = quint64(uniform() * double(n));
        return i < n ? i : n - 1;
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    static quint64 splitmix64(quint64& x)
    {
        quint64 z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    quint64 m_state[4];
    double m_spare = 0;
    bool m_hasSpare = false;
};

} // namespace swb::sim
