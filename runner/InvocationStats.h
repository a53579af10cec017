#pragma once
// Summary figures over a set of invocations: what `swb invoke --repeat`, `swb load` and the
// GUI's run panel show (counts, cold starts, duration and init percentiles).

#include "InvocationRecord.h"

#include <QList>

namespace swb {

struct InvocationStats {
    int count = 0;
    int coldStarts = 0;
    int failures = 0; // every outcome but success, throttles included
    int throttles = 0;
    double durationP50Ms = 0, durationP95Ms = 0, durationP99Ms = 0, durationMaxMs = 0;
    double initP50Ms = 0, initP95Ms = 0; // cold starts only
    qint64 billedMsTotal = 0;
    int maxMemoryUsedMb = 0;

    double coldShare() const { return count > 0 ? double(coldStarts) / count : 0.0; }
};

// Percentiles by nearest rank (the smallest value with at least p% of values at or below it),
// over invocations that ran (throttled and refused ones have no duration).
InvocationStats summarize(const QList<InvocationRecord>& records);
double nearestRankPercentile(QList<double> values, double percent);

} // namespace swb
