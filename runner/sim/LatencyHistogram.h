#pragma once
// A fixed-memory latency histogram (log-linear, as HdrHistogram): 128 sub-buckets per power of
// two of microseconds, so any percentile is within 0.8% of the true value, whatever the count.

#include <QtGlobal>

#include <array>
#include <bit>

namespace swb::sim {

class LatencyHistogram {
public:
    static constexpr int kSubBucketBits = 7;
    static constexpr int kSubBuckets = 1 << kSubBucketBits;
    static constexpr int kBucketCount = kSubBuckets + (64 - kSubBucketBits) * kSubBuckets;

    void recordUs(quint64 valueUs)
    {
        ++m_counts[indexOf(valueUs)];
        ++m_total;
        m_sumUs += double(valueUs);
        if (valueUs > m_maxUs)
            m_maxUs = valueUs;
    }
    void recordMs(double valueMs) { recordUs(valueMs <= 0 ? 0 : quint64(valueMs * 1000.0 + 0.5)); }

    quint64 count() const { return m_total; }
    double meanMs() const { return m_total ? m_sumUs / double(m_total) / 1000.0 : 0.0; }
    double maxMs() const { return double(m_maxUs) / 1000.0; }
    // The value at `percentile` (0-100) by nearest rank, as the middle of its bucket (exact
    // below 128 µs); 0 when empty.
    double percentileMs(double percentile) const;
    void merge(const LatencyHistogram& other);
    quint64 countAt(int index) const { return m_counts[size_t(index)]; }

    static int indexOf(quint64 valueUs)
    {
        if (valueUs < quint64(kSubBuckets))
            return int(valueUs);
        const int exponent = 63 - std::countl_zero(valueUs); // >= kSubBucketBits
        const int shift = exponent - kSubBucketBits;
        const int sub = int((valueUs >> shift) & (kSubBuckets - 1));
        return kSubBuckets + shift * kSubBuckets + sub;
    }
    static double lowerBoundUs(int index);
    static double upperBoundUs(int index); // exclusive

private:
    std::array<quint64, kBucketCount> m_counts{};
    quint64 m_total = 0;
    double m_sumUs = 0;
    quint64 m_maxUs = 0;
};

} // namespace swb::sim
