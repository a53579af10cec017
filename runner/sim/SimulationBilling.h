#pragma once
// How a simulated run is read by people and billed: durations typed as "30s" or "1d", and the
// run's usage scaled to the providers' 730-hour month. Shared by swb simulate and the GUI.

#include "cost/BillingUsage.h"

#include <QString>

#include <optional>

namespace swb::sim {

struct SimulationResult;

// "500ms", "30s", "10m" (or "10min"), "2h", "1d", "1mo" (30 days); a bare number is seconds.
// Spaces between the number and the unit are allowed ("1 h"). Nullopt for anything else.
std::optional<double> parseDurationMs(const QString& text);
// 1.5 d, 2 h, 30 min, 12 s, 500 ms: the largest unit that fits, four significant digits.
QString formatDuration(double ms);

// The factor that scales a run of `simulatedMs` to a 730-hour month (0 for an empty run).
double monthScaleOf(double simulatedMs);

// What the simulated run bills, scaled by `monthScale`. Durations without init come from the
// histograms (latency - cold latency + cold service), each bucket at its middle, scaled so that
// their mean is the exact mean service time; init is billed apart, per cold start.
BillingUsage billingUsageOf(const SimulationResult& result, double monthScale, bool freeTier);

} // namespace swb::sim
