#pragma once
// What the local runner measured of one function, in the shape the cost engine prices: the
// duration of every invocation that ran, the cold-start share and the mean init duration.
// Shared by `swb cost` and the cost panel so both turn history into usage the same way.

#include "BillingUsage.h"
#include "Error.h"

#include <QList>
#include <QString>

namespace swb {

class HistoryStore;
struct FunctionStats;
struct ScenarioSpec;

struct MeasuredUsage {
    QList<DurationBucket> durations; // one bucket per distinct ms, weighted by its count
    double coldShare = 0;            // cold starts / invocations that ran
    double initMeanMs = 0;           // over the cold starts; 0 when there was none
    qint64 ran = 0;                  // invocations that reached an instance

    static MeasuredUsage fromStats(const FunctionStats& stats);
    // The function's whole history; NotFound (saying to run the function first) when nothing
    // of it ran yet.
    static Result<MeasuredUsage> fromHistory(const HistoryStore& store, const QString& function);

    double meanDurationMs() const; // weighted mean of the buckets; 0 without any
};

// The scenario's usage, the measurements standing in for what it leaves unset: the durations
// when it has no durationMs, the cold-start share, and the init duration (when one was
// measured). `measured` null: the scenario as typed (CostEngine::usageFromScenario).
Result<BillingUsage> usageWithMeasurements(const ScenarioSpec& scenario,
                                           const MeasuredUsage* measured);

} // namespace swb
