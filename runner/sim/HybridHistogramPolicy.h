#pragma once
// The hybrid histogram keep-alive policy of "Serverless in the Wild" (Shahrad et al., USENIX
// ATC 2020): learn the function's idle times in a histogram; when it is representative, unload
// an idle instance, load it again just before the next invocation is expected (head
// percentile) and keep it until the tail percentile; otherwise keep it for a fixed time.

#include "KeepAlivePolicy.h"

#include <vector>

namespace swb::sim {

struct HybridHistogramOptions {
    qint64 binMs = 60000;            // the paper's 1-minute bins
    qint64 rangeMs = 4 * 3600000LL;  // the paper's 4 hours
    double headPercentile = 5;       // -> pre-warm window
    double tailPercentile = 99;      // -> end of the keep-alive window
    double margin = 0.10;            // pre-warm 10% earlier, keep-alive 10% longer
    double cvThreshold = 2.0;        // bin counts' CV at or below this: not representative
    int minSamples = 10;             // fewer idle times seen: not representative
    qint64 fallbackKeepAliveMs = -1; // not representative: fixed keep-alive; -1 = rangeMs
};

class HybridHistogramPolicy final : public KeepAlivePolicy {
public:
    explicit HybridHistogramPolicy(HybridHistogramOptions options = {});

    qint64 keepAliveMs(const IdleInstance& instance) const override;
    qint64 preWarmMs(const IdleInstance& instance) const override;
    void observeIdleTime(qint64 idleMs) override;
    QString describe() const override;

    // The current windows; representative() false means the fixed fallback is in use.
    bool representative() const;
    qint64 currentPreWarmMs() const;
    qint64 currentKeepAliveMs() const;
    quint64 samples() const { return m_samples; }
    quint64 outOfBoundsSamples() const { return m_outOfBounds; }
    const HybridHistogramOptions& options() const { return m_options; }

private:
    void refresh() const;

    HybridHistogramOptions m_options;
    std::vector<quint32> m_counts; // one per bin within the range
    quint64 m_samples = 0;
    quint64 m_outOfBounds = 0;
    double m_sumSquares = 0; // of the bin counts, kept up to date for the CV
    // Windows computed from the histogram, refreshed when it has changed.
    mutable bool m_dirty = true;
    mutable bool m_representative = false;
    mutable qint64 m_preWarmMs = 0;
    mutable qint64 m_keepAliveMs = 0;
};

} // namespace swb::sim
