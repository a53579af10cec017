#pragma once
// The window benches' event-loop lag: a 10 ms precise timer's lateness, sampled while a
// measurement runs, and the percentiles the benches print.

#include <QElapsedTimer>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <vector>

namespace swb::bench {

// The value at percentile p (nearest rank) of v; 0 for none.
inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t rank = size_t(std::max(1.0, std::ceil(p / 100.0 * double(v.size()))));
    return v[std::min(rank, v.size()) - 1];
}

class LoopLag {
public:
    LoopLag()
    {
        m_probe.setTimerType(Qt::PreciseTimer);
        m_probe.setInterval(10);
        QObject::connect(&m_probe, &QTimer::timeout, [this] {
            if (m_tick.isValid())
                m_lags.push_back(std::max(0.0, double(m_tick.nsecsElapsed()) / 1e6 - 10.0));
            m_tick.restart();
        });
    }
    void start() { m_probe.start(); }
    void stop() { m_probe.stop(); }

    // "p50 / p99 / max" in milliseconds, one decimal.
    QString summary() const
    {
        const double max = m_lags.empty() ? 0 : *std::max_element(m_lags.begin(), m_lags.end());
        return QStringLiteral("%1 / %2 / %3")
            .arg(percentile(m_lags, 50), 0, 'f', 1)
            .arg(percentile(m_lags, 99), 0, 'f', 1)
            .arg(max, 0, 'f', 1);
    }

private:
    QTimer m_probe;
    QElapsedTimer m_tick;
    std::vector<double> m_lags;
};

} // namespace swb::bench
