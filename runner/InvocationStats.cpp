#include "InvocationStats.h"

#include <algorithm>
#include <cmath>

namespace swb {

double nearestRankPercentile(QList<double> values, double percent)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = qsizetype(std::ceil(percent / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

InvocationStats summarize(const QList<InvocationRecord>& records)
{
    InvocationStats s;
    QList<double> durations, inits;
    for (const InvocationRecord& r : records) {
        ++s.count;
        if (r.outcome == InvocationOutcome::Throttled)
            ++s.throttles;
        if (r.failed())
            ++s.failures;
        if (r.outcome == InvocationOutcome::Throttled ||
            r.outcome == InvocationOutcome::InvalidRequest)
            continue;
        durations << r.durationMs;
        if (r.coldStart) {
            ++s.coldStarts;
            inits << r.initDurationMs;
        }
        s.billedMsTotal += r.billedDurationMs;
        s.maxMemoryUsedMb = std::max(s.maxMemoryUsedMb, r.maxMemoryUsedMb);
    }
    s.durationP50Ms = nearestRankPercentile(durations, 50);
    s.durationP95Ms = nearestRankPercentile(durations, 95);
    s.durationP99Ms = nearestRankPercentile(durations, 99);
    s.durationMaxMs = nearestRankPercentile(durations, 100);
    s.initP50Ms = nearestRankPercentile(inits, 50);
    s.initP95Ms = nearestRankPercentile(inits, 95);
    return s;
}

} // namespace swb
