#include "MeasuredUsage.h"

#include "CostEngine.h"
#include "HistoryStore.h"
#include "model/ScenarioSpec.h"

namespace swb {

MeasuredUsage MeasuredUsage::fromStats(const FunctionStats& stats)
{
    MeasuredUsage m;
    m.durations.reserve(stats.durationMsCounts.size());
    for (const auto& [ms, count] : stats.durationMsCounts)
        m.durations.append(DurationBucket{double(ms), double(count)});
    m.coldShare = stats.coldShare;
    m.initMeanMs = stats.initMeanMs;
    m.ran = stats.ranCount;
    return m;
}

Result<MeasuredUsage> MeasuredUsage::fromHistory(const HistoryStore& store, const QString& function)
{
    const auto stats = store.stats(function);
    if (!stats)
        return std::unexpected(stats.error());
    if (stats->ranCount == 0)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("The history has no invocation of \"%1\" yet; run it first.")
                        .arg(function));
    return fromStats(*stats);
}

double MeasuredUsage::meanDurationMs() const
{
    double sum = 0, weight = 0;
    for (const DurationBucket& b : durations) {
        sum += b.durationMs * b.weight;
        weight += b.weight;
    }
    return weight > 0 ? sum / weight : 0;
}

Result<BillingUsage> usageWithMeasurements(const ScenarioSpec& scenario,
                                           const MeasuredUsage* measured)
{
    if (!measured)
        return CostEngine::usageFromScenario(scenario);
    ScenarioSpec s = scenario;
    if (!s.coldStartShare)
        s.coldStartShare = measured->coldShare;
    if (!s.initDurationMs && measured->initMeanMs > 0)
        s.initDurationMs = measured->initMeanMs;
    return CostEngine::usageFromScenario(s, measured->durations);
}

} // namespace swb
