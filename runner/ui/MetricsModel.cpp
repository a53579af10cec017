#include "MetricsModel.h"

#include "InvocationRecord.h"
#include "RunnerEvent.h"

#include <algorithm>
#include <cmath>

namespace swb {

namespace {
constexpr double kFirstEdgeMs = 0.1;
constexpr double kGrowth = 1.4678; // 37 steps from 0.1 ms reach ~150 s
} // namespace

double MetricsModel::binLowerEdgeMs(int bin)
{
    return bin <= 0 ? 0.0 : kFirstEdgeMs * std::pow(kGrowth, bin - 1);
}

int MetricsModel::binOf(double ms)
{
    if (!(ms >= kFirstEdgeMs))
        return 0;
    const int bin = 1 + int(std::floor(std::log(ms / kFirstEdgeMs) / std::log(kGrowth) + 1e-12));
    return std::clamp(bin, 1, kBins - 1);
}

MetricsModel::MetricsModel(QObject* parent) : QObject(parent)
{
    clear();
}

void MetricsModel::setFunction(const QString& function)
{
    if (function == m_function)
        return;
    m_function = function;
    clear(); // the figures so far were another selection's
}

void MetricsModel::clear()
{
    m_cold = QList<qint64>(kBins, 0);
    m_warm = QList<qint64>(kBins, 0);
    m_init = QList<qint64>(kBins, 0);
    m_seconds.clear();
    m_records = 0;
    m_running = 0;
    emit changed();
}

MetricsModel::Second& MetricsModel::secondAt(qint64 atMs)
{
    const qint64 second = std::max<qint64>(0, atMs / 1000);
    if (m_seconds.empty() || second > m_seconds.back().second) {
        // Empty seconds in between count too: the share and concurrency drop to zero there.
        qint64 next = m_seconds.empty() ? second : m_seconds.back().second + 1;
        if (second - next > kMaxSeconds)
            next = second - kMaxSeconds;
        for (; next <= second; ++next) {
            Second s;
            s.second = next;
            s.maxConcurrency = m_running;
            m_seconds.push_back(s);
        }
        while (m_seconds.size() > size_t(kMaxSeconds))
            m_seconds.pop_front();
        return m_seconds.back();
    }
    // An event for an earlier second (they come in order, but be safe).
    for (auto it = m_seconds.rbegin(); it != m_seconds.rend(); ++it) {
        if (it->second == second)
            return *it;
    }
    return m_seconds.back();
}

void MetricsModel::add(const RunnerEvent& event)
{
    if (!m_function.isEmpty() && event.function != m_function)
        return;
    switch (event.kind) {
    case RunnerEvent::Kind::InvocationStarted: {
        ++m_running;
        Second& s = secondAt(event.atMs);
        s.maxConcurrency = std::max(s.maxConcurrency, m_running);
        break;
    }
    case RunnerEvent::Kind::InvocationFinished:
        m_running = std::max(0, m_running - 1);
        secondAt(event.atMs);
        break;
    case RunnerEvent::Kind::Throttled:
        ++secondAt(event.atMs).throttled;
        break;
    default:
        return;
    }
    emit changed();
}

void MetricsModel::addRecord(const InvocationRecord& r)
{
    if (!m_function.isEmpty() && r.functionName != m_function)
        return;
    if (r.outcome == InvocationOutcome::Throttled)
        return; // counted from the event; it has no duration
    ++m_records;
    (r.coldStart ? m_cold : m_warm)[binOf(r.durationMs)] += 1;
    if (r.coldStart && r.initDurationMs > 0)
        m_init[binOf(r.initDurationMs)] += 1;
    if (!m_seconds.empty()) {
        Second& s = m_seconds.back(); // the record arrives as its invocation finishes
        (r.coldStart ? s.cold : s.warm) += 1;
    }
    emit changed();
}

} // namespace swb
