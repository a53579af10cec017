#include "AzureFunctionsBilling.h"

#include "BillingMath.h"
#include "PricingCatalog.h"

#include <cmath>

namespace swb {

using namespace billing;

namespace {
const QString kAzure = QStringLiteral("azure");
constexpr int kConsumptionMemoryStepMb = 128;
constexpr int kConsumptionMaxMemoryMb = 1536;
constexpr long long kConsumptionMinimumMs = 100;
constexpr long long kFlexMinimumMs = 1000;
const QList<int> kFlexInstanceMemoryMb = {512, 2048, 4096};
} // namespace

Result<CostBreakdown> AzureFunctionsBilling::price(const BillingUsage& usage) const
{
    if (auto r = checkCommon(usage, QStringLiteral("Azure Functions")); !r)
        return std::unexpected(r.error());
    const QString plan = usage.plan.isEmpty() ? QStringLiteral("consumption") : usage.plan;
    if (plan != QLatin1String("consumption") && plan != QLatin1String("flex"))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("Azure Functions has no plan \"%1\"; use \"consumption\" or \"flex\".")
                .arg(plan));
    auto get = [&](const QString& id) { return m_catalog.price(kAzure, id, usage.region); };

    CostBreakdown out;
    out.provider = kAzure;
    out.plan = plan;
    out.region = usage.region.isEmpty() ? m_catalog.defaultRegion(kAzure) : usage.region;
    const QList<Bucket> buckets = splitInvocations(usage.invocations, usage.durations);

    if (plan == QLatin1String("consumption")) {
        // Observed memory is rounded up to the next 128 MB, at most 1,536 MB; each execution
        // counts at least 100 ms, rounded up to 1 ms.
        if (auto r = checkRange(usage.memoryMb, 1, kConsumptionMaxMemoryMb,
                                QStringLiteral("Azure Functions Consumption memory"),
                                QStringLiteral("MB"));
            !r)
            return std::unexpected(r.error());
        const int memoryMb = (usage.memoryMb + kConsumptionMemoryStepMb - 1) /
                             kConsumptionMemoryStepMb * kConsumptionMemoryStepMb;
        if (memoryMb != usage.memoryMb)
            out.notes << QStringLiteral("Memory %1 MB is billed as %2 MB (rounded up to 128 MB).")
                             .arg(usage.memoryMb)
                             .arg(memoryMb);
        MoneyInt mbMs = 0;
        for (const Bucket& b : buckets)
            mbMs += MoneyInt(b.count) * billedMs(b.durationMs, 1, kConsumptionMinimumMs) * memoryMb;
        auto executions = get(QStringLiteral("consumption.executions"));
        auto time = get(QStringLiteral("consumption.executionTime"));
        if (!executions)
            return std::unexpected(executions.error());
        if (!time)
            return std::unexpected(time.error());
        addLines(out, tieredLines(**executions, LineKind::Requests, QStringLiteral("Executions"), 0,
                                  usage.invocations, 1));
        addLines(out, tieredLines(**time, LineKind::Compute, QStringLiteral("Execution time"), 0,
                                  mbMs, kMbMsPerGbSecond));
        if (usage.includeFreeTier) {
            auto freeExecutions = get(QStringLiteral("consumption.freeGrant.executions"));
            auto freeTime = get(QStringLiteral("consumption.freeGrant.executionTime"));
            if (!freeExecutions)
                return std::unexpected(freeExecutions.error());
            if (!freeTime)
                return std::unexpected(freeTime.error());
            if (auto c = freeCredit(**executions, **freeExecutions,
                                    QStringLiteral("Free grant: executions"), usage.invocations, 1))
                out.lines << *c;
            if (auto c =
                    freeCredit(**time, **freeTime, QStringLiteral("Free grant: execution time"),
                               mbMs, kMbMsPerGbSecond))
                out.lines << *c;
        }
        finish(out);
        return out;
    }

    // Flex Consumption: instance memory is 512, 2048 or 4096 MB. An instance is billed while it
    // executes (at least 1,000 ms per execution here), shared by the executions it runs at once.
    if (!kFlexInstanceMemoryMb.contains(usage.memoryMb))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("Azure Functions Flex Consumption instance memory of %1 MB is not "
                           "offered: allowed 512, 2048 or 4096 MB.")
                .arg(usage.memoryMb));
    if (usage.perInstanceConcurrency < 1)
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral(
                "Azure Functions Flex Consumption: per-instance concurrency is at least 1."));
    if (usage.alwaysReadyInstances < 0 || !(usage.alwaysReadyHours >= 0))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("Azure Functions Flex Consumption: always-ready instances and hours "
                           "cannot be negative."));
    MoneyInt activeMbMs = 0;
    for (const Bucket& b : buckets)
        activeMbMs +=
            MoneyInt(b.count) * billedMs(b.durationMs, 1, kFlexMinimumMs) * usage.memoryMb;
    activeMbMs = (activeMbMs + usage.perInstanceConcurrency - 1) / usage.perInstanceConcurrency;
    const bool alwaysReady = usage.alwaysReadyInstances > 0;
    const double readyShare = alwaysReady ? usage.alwaysReadyInvocationShare : 0.0;
    const long long readyExecutions = std::llround(double(usage.invocations) * readyShare);
    const long long demandExecutions = usage.invocations - readyExecutions;
    const MoneyInt readyMbMs = MoneyInt(std::llround(double(activeMbMs) * readyShare));
    const MoneyInt demandMbMs = activeMbMs - readyMbMs;

    auto executions = get(QStringLiteral("flex.onDemand.executions"));
    auto time = get(QStringLiteral("flex.onDemand.executionTime"));
    if (!executions)
        return std::unexpected(executions.error());
    if (!time)
        return std::unexpected(time.error());
    addLines(out, tieredLines(**executions, LineKind::Requests,
                              QStringLiteral("On demand: executions"), 0, demandExecutions, 1));
    addLines(out,
             tieredLines(**time, LineKind::Compute, QStringLiteral("On demand: execution time"), 0,
                         demandMbMs, kMbMsPerGbSecond));
    if (usage.includeFreeTier) {
        auto freeExecutions = get(QStringLiteral("flex.onDemand.freeGrant.executions"));
        auto freeTime = get(QStringLiteral("flex.onDemand.freeGrant.executionTime"));
        if (!freeExecutions)
            return std::unexpected(freeExecutions.error());
        if (!freeTime)
            return std::unexpected(freeTime.error());
        if (auto c = freeCredit(**executions, **freeExecutions,
                                QStringLiteral("Free grant: executions"), demandExecutions, 1))
            out.lines << *c;
        if (auto c = freeCredit(**time, **freeTime, QStringLiteral("Free grant: execution time"),
                                demandMbMs, kMbMsPerGbSecond))
            out.lines << *c;
    }
    if (alwaysReady) {
        auto baseline = get(QStringLiteral("flex.alwaysReady.baseline"));
        auto readyTime = get(QStringLiteral("flex.alwaysReady.executionTime"));
        auto readyCalls = get(QStringLiteral("flex.alwaysReady.executions"));
        if (!baseline)
            return std::unexpected(baseline.error());
        if (!readyTime)
            return std::unexpected(readyTime.error());
        if (!readyCalls)
            return std::unexpected(readyCalls.error());
        const MoneyInt baselineMbMs = MoneyInt(usage.alwaysReadyInstances) * usage.memoryMb *
                                      std::llround(usage.alwaysReadyHours * 3600 * 1000);
        addLines(out, tieredLines(**baseline, LineKind::Provisioned,
                                  QStringLiteral("Always ready: baseline of %1 instances")
                                      .arg(usage.alwaysReadyInstances),
                                  0, baselineMbMs, kMbMsPerGbSecond));
        addLines(out,
                 tieredLines(**readyCalls, LineKind::Requests,
                             QStringLiteral("Always ready: executions"), 0, readyExecutions, 1));
        addLines(out, tieredLines(**readyTime, LineKind::Compute,
                                  QStringLiteral("Always ready: execution time"), 0, readyMbMs,
                                  kMbMsPerGbSecond));
        out.notes << QStringLiteral("Always-ready instances have no free grant.");
    }
    finish(out);
    return out;
}

} // namespace swb
