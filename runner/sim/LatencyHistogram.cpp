#include "LatencyHistogram.h"

#include <algorithm>
#include <cmath>

namespace swb::sim {

double LatencyHistogram::lowerBoundUs(int index)
{
    if (index < kSubBuckets)
        return double(index);
    const int shift = (index - kSubBuckets) / kSubBuckets;
    const int sub = (index - kSubBuckets) % kSubBuckets;
    return std::ldexp(double(kSubBuckets + sub), shift);
}

double LatencyHistogram::upperBoundUs(int index)
{
    if (index < kSubBuckets)
        return double(index + 1);
    const int shift = (index - kSubBuckets) / kSubBuckets;
    const int sub = (index - kSubBuckets) % kSubBuckets;
    return std::ldexp(double(kSubBuckets + sub + 1), shift);
}

double LatencyHistogram::percentileMs(double percentile) const
{
    if (m_total == 0)
        return 0.0;
    const double p = std::clamp(percentile, 0.0, 100.0);
    const quint64 rank = std::max<quint64>(1, quint64(std::ceil(p / 100.0 * double(m_total))));
    quint64 seen = 0;
    for (int i = 0; i < kBucketCount; ++i) {
        seen += m_counts[size_t(i)];
        if (seen >= rank) {
            if (i < kSubBuckets)
                return double(i) / 1000.0;
            const double middle = (lowerBoundUs(i) + upperBoundUs(i) - 1) / 2.0;
            return std::min(middle, double(m_maxUs)) / 1000.0;
        }
    }
    return maxMs();
}

void LatencyHistogram::merge(const LatencyHistogram& other)
{
    for (size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    m_total += other.m_total;
    m_sumUs += other.m_sumUs;
    m_maxUs = std::max(m_maxUs, other.m_maxUs);
}

} // namespace swb::sim
