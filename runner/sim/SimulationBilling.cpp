#include "SimulationBilling.h"

#include "Simulator.h"

#include <QRegularExpression>

#include <cmath>

namespace swb::sim {

std::optional<double> parseDurationMs(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*(ms|s|m|min|h|d|mo)?\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    double factor = 1000.0;
    if (unit == QLatin1String("ms"))
        factor = 1.0;
    else if (unit == QLatin1String("m") || unit == QLatin1String("min"))
        factor = 60000.0;
    else if (unit == QLatin1String("h"))
        factor = 3600000.0;
    else if (unit == QLatin1String("d"))
        factor = 86400000.0;
    else if (unit == QLatin1String("mo"))
        factor = 30 * 86400000.0;
    const double ms = value * factor;
    if (!std::isfinite(ms))
        return std::nullopt;
    return ms;
}

QString formatDuration(double ms)
{
    if (ms >= 86400000.0)
        return QStringLiteral("%1 d").arg(ms / 86400000.0, 0, 'g', 4);
    if (ms >= 3600000.0)
        return QStringLiteral("%1 h").arg(ms / 3600000.0, 0, 'g', 4);
    if (ms >= 60000.0)
        return QStringLiteral("%1 min").arg(ms / 60000.0, 0, 'g', 4);
    if (ms >= 1000.0)
        return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'g', 4);
    return QStringLiteral("%1 ms").arg(ms, 0, 'g', 4);
}

double monthScaleOf(double simulatedMs)
{
    return simulatedMs > 0 ? 730 * 3600000.0 / simulatedMs : 0.0;
}

BillingUsage billingUsageOf(const SimulationResult& r, double monthScale, bool freeTier)
{
    BillingUsage u;
    u.includeFreeTier = freeTier;
    u.invocations = std::llround(double(r.served()) * monthScale);
    u.memoryMb = r.memoryMb;
    double weightedMs = 0;
    double count = 0;
    for (int i = 0; i < LatencyHistogram::kBucketCount; ++i) {
        const qint64 c = qint64(r.latency.countAt(i)) - qint64(r.coldLatency.countAt(i)) +
                         qint64(r.coldService.countAt(i));
        if (c <= 0)
            continue;
        const double middleUs =
            (LatencyHistogram::lowerBoundUs(i) + LatencyHistogram::upperBoundUs(i) - 1) / 2.0;
        u.durations.append(DurationBucket{middleUs / 1000.0, double(c)});
        weightedMs += middleUs / 1000.0 * double(c);
        count += double(c);
    }
    // The buckets' middles, scaled so that their mean is the exact mean service time: a fixed
    // 120 ms is billed as 120 ms, not as its bucket's middle (120.06 ms, rounded up to 121).
    if (weightedMs > 0 && r.served()) {
        const double factor = r.serviceMsTotal / double(r.served()) / (weightedMs / count);
        for (DurationBucket& b : u.durations)
            b.durationMs *= factor;
    }
    u.coldStarts = std::llround(double(r.coldStarts) * monthScale);
    if (r.coldStarts)
        u.initDurationMs = r.initMsTotal / double(r.coldStarts + r.preWarmLoads);
    if (r.provisionedInstances > 0) {
        u.provisionedInstances = r.provisionedInstances;
        u.provisionedHours = 730;
        u.provisionedInvocationShare =
            r.served() ? double(r.provisionedStarts) / double(r.served()) : 0.0;
    }
    return u;
}

} // namespace swb::sim
