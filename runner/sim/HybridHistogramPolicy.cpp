#include "HybridHistogramPolicy.h"

#include <algorithm>
#include <cmath>

namespace swb::sim {

HybridHistogramPolicy::HybridHistogramPolicy(HybridHistogramOptions options) : m_options(options)
{
    m_options.binMs = std::max<qint64>(1, m_options.binMs);
    m_options.rangeMs = std::max(m_options.binMs, m_options.rangeMs);
    if (m_options.fallbackKeepAliveMs < 0)
        m_options.fallbackKeepAliveMs = m_options.rangeMs;
    m_counts.assign(size_t((m_options.rangeMs + m_options.binMs - 1) / m_options.binMs), 0);
}

void HybridHistogramPolicy::observeIdleTime(qint64 idleMs)
{
    ++m_samples;
    m_dirty = true;
    if (idleMs < 0)
        idleMs = 0;
    if (idleMs >= m_options.rangeMs) {
        ++m_outOfBounds;
        return;
    }
    quint32& c = m_counts[size_t(idleMs / m_options.binMs)];
    m_sumSquares += 2.0 * double(c) + 1.0; // (c+1)^2 - c^2
    ++c;
}

void HybridHistogramPolicy::refresh() const
{
    if (!m_dirty)
        return;
    m_dirty = false;
    m_representative = false;
    const quint64 inRange = m_samples - m_outOfBounds;
    if (m_samples < quint64(std::max(1, m_options.minSamples)) || inRange == 0)
        return;
    // The coefficient of variation of the bin counts: high when idle times gather in a few
    // bins (a pattern to predict), low when they spread evenly (nothing to learn).
    const double bins = double(m_counts.size());
    const double mean = double(inRange) / bins;
    const double variance = std::max(0.0, m_sumSquares / bins - mean * mean);
    const double cv = std::sqrt(variance) / mean;
    if (cv <= m_options.cvThreshold)
        return;
    // Percentiles over every sample; one in the out-of-bounds tail means the range is too
    // short for this function (the paper switches to ARIMA there; we fall back to fixed).
    const auto rankOf = [this](double percentile) {
        return std::max<quint64>(1, quint64(std::ceil(percentile / 100.0 * double(m_samples))));
    };
    const quint64 headRank = rankOf(m_options.headPercentile);
    const quint64 tailRank = rankOf(m_options.tailPercentile);
    qint64 headMs = -1;
    qint64 tailMs = -1;
    quint64 seen = 0;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        seen += m_counts[i];
        if (headMs < 0 && seen >= headRank)
            headMs = qint64(i) * m_options.binMs; // the bin's lower edge
        if (seen >= tailRank) {
            tailMs = qint64(i + 1) * m_options.binMs; // the bin's upper edge
            break;
        }
    }
    if (headMs < 0 || tailMs < 0)
        return; // the tail is out of bounds
    m_representative = true;
    m_preWarmMs = std::llround(double(headMs) * (1.0 - m_options.margin));
    const qint64 keepUntilMs = std::llround(double(tailMs) * (1.0 + m_options.margin));
    m_keepAliveMs = keepUntilMs - m_preWarmMs;
}

bool HybridHistogramPolicy::representative() const
{
    refresh();
    return m_representative;
}

qint64 HybridHistogramPolicy::currentPreWarmMs() const
{
    refresh();
    return m_representative ? m_preWarmMs : 0;
}

qint64 HybridHistogramPolicy::currentKeepAliveMs() const
{
    refresh();
    return m_representative ? m_keepAliveMs : m_options.fallbackKeepAliveMs;
}

qint64 HybridHistogramPolicy::keepAliveMs(const IdleInstance& instance) const
{
    if (instance.provisioned)
        return -1;
    return currentKeepAliveMs();
}

qint64 HybridHistogramPolicy::preWarmMs(const IdleInstance& instance) const
{
    if (instance.provisioned)
        return 0;
    return currentPreWarmMs();
}

QString HybridHistogramPolicy::describe() const
{
    if (!representative())
        return QStringLiteral("hybrid histogram (learning or not representative: fixed %1 ms; "
                              "%2 idle times seen)")
            .arg(m_options.fallbackKeepAliveMs)
            .arg(m_samples);
    return QStringLiteral("hybrid histogram: pre-warm after %1 ms, keep %2 ms (%3 idle times)")
        .arg(m_preWarmMs)
        .arg(m_keepAliveMs)
        .arg(m_samples);
}

} // namespace swb::sim
