#include "GoogleCloudFunctionsBilling.h"

#include "BillingMath.h"
#include "PricingCatalog.h"

namespace swb {

using namespace billing;

namespace {
const QString kGcp = QStringLiteral("gcp");
constexpr long long kGranularityMs = 100; // both generations round up to 100 ms
constexpr int kGen2MinMemoryMb = 128;
constexpr int kGen2MaxMemoryMb = 32768;
} // namespace

Result<CostBreakdown> GoogleCloudFunctionsBilling::price(const BillingUsage& usage) const
{
    if (auto r = checkCommon(usage, QStringLiteral("Google Cloud Functions")); !r)
        return std::unexpected(r.error());
    const QString plan = usage.plan.isEmpty() ? QStringLiteral("gen2") : usage.plan;
    if (plan != QLatin1String("gen1") && plan != QLatin1String("gen2"))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("Google Cloud Functions has no plan \"%1\"; use \"gen1\" or \"gen2\".")
                .arg(plan));
    const bool gen1 = plan == QLatin1String("gen1");
    auto get = [&](const QString& id) {
        return m_catalog.price(kGcp, plan + u'.' + id, usage.region);
    };

    // CPU comes with memory: 1st gen from a fixed table of sizes (MHz), 2nd gen from the default
    // table (the first size at or above the memory) unless the usage gives its own CPU.
    const auto cpuTable = m_catalog.table(kGcp, gen1 ? QStringLiteral("gen1.cpuMhzByMemoryMb")
                                                     : QStringLiteral("gen2.cpuMilliByMemoryMb"));
    if (cpuTable.isEmpty())
        return fail(ErrorCode::Internal,
                    QStringLiteral("The gcp price table has no memory→CPU table."));
    long long cpu = -1;
    if (gen1) {
        for (const auto& [memory, mhz] : cpuTable)
            if (memory == usage.memoryMb)
                cpu = mhz;
        if (cpu < 0) {
            QStringList sizes;
            for (const auto& row : cpuTable)
                sizes << QString::number(row.first);
            return fail(
                ErrorCode::InvalidArgument,
                QStringLiteral("Google Cloud Functions (1st gen) memory of %1 MB is not offered: "
                               "allowed %2 MB.")
                    .arg(usage.memoryMb)
                    .arg(sizes.join(QStringLiteral(", "))));
        }
    } else {
        if (auto r = checkRange(usage.memoryMb, kGen2MinMemoryMb, kGen2MaxMemoryMb,
                                QStringLiteral("Google Cloud Functions (2nd gen) memory"),
                                QStringLiteral("MiB"));
            !r)
            return std::unexpected(r.error());
        if (usage.cpuMilli) {
            if (*usage.cpuMilli < 1)
                return fail(
                    ErrorCode::InvalidArgument,
                    QStringLiteral("Google Cloud Functions (2nd gen): CPU must be above 0."));
            cpu = *usage.cpuMilli;
        } else {
            for (const auto& [memory, milli] : cpuTable)
                if (cpu < 0 && memory >= usage.memoryMb)
                    cpu = milli;
        }
    }

    CostBreakdown out;
    out.provider = kGcp;
    out.plan = plan;
    out.region = usage.region.isEmpty() ? m_catalog.defaultRegion(kGcp) : usage.region;
    MoneyInt mbMs = 0;
    MoneyInt cpuMs = 0; // MHz-ms (gen1) or milli-vCPU-ms (gen2)
    for (const Bucket& b : splitInvocations(usage.invocations, usage.durations)) {
        const long long ms = billedMs(b.durationMs, kGranularityMs);
        mbMs += MoneyInt(b.count) * ms * usage.memoryMb;
        cpuMs += MoneyInt(b.count) * ms * cpu;
    }
    const QString callsId = gen1 ? QStringLiteral("invocations") : QStringLiteral("requests");
    auto calls = get(callsId);
    auto memory = get(QStringLiteral("memory"));
    auto cpuPrice = get(QStringLiteral("cpu"));
    if (!calls)
        return std::unexpected(calls.error());
    if (!memory)
        return std::unexpected(memory.error());
    if (!cpuPrice)
        return std::unexpected(cpuPrice.error());
    const long long cpuPerUnit = gen1 ? kMhzMsPerGhzSecond : kMilliCpuMsPerCpuSecond;
    addLines(out, tieredLines(**calls, LineKind::Requests,
                              gen1 ? QStringLiteral("Invocations") : QStringLiteral("Requests"), 0,
                              usage.invocations, 1));
    addLines(out, tieredLines(**memory, LineKind::Compute,
                              QStringLiteral("Compute: memory (%1 MB)").arg(usage.memoryMb), 0,
                              mbMs, kMbMsPerGbSecond));
    addLines(out,
             tieredLines(**cpuPrice, LineKind::Compute,
                         gen1 ? QStringLiteral("Compute: CPU (%1 MHz)").arg(cpu)
                              : QStringLiteral("Compute: CPU (%1 vCPU)").arg(double(cpu) / 1000.0),
                         0, cpuMs, cpuPerUnit));
    if (usage.includeFreeTier) {
        auto freeCalls = get(QStringLiteral("freeTier.") + callsId);
        auto freeMemory = get(QStringLiteral("freeTier.memory"));
        auto freeCpu = get(QStringLiteral("freeTier.cpu"));
        if (!freeCalls)
            return std::unexpected(freeCalls.error());
        if (!freeMemory)
            return std::unexpected(freeMemory.error());
        if (!freeCpu)
            return std::unexpected(freeCpu.error());
        if (auto c = freeCredit(**calls, **freeCalls, QStringLiteral("Free tier: ") + callsId,
                                usage.invocations, 1))
            out.lines << *c;
        if (auto c = freeCredit(**memory, **freeMemory, QStringLiteral("Free tier: memory"), mbMs,
                                kMbMsPerGbSecond))
            out.lines << *c;
        if (auto c = freeCredit(**cpuPrice, **freeCpu, QStringLiteral("Free tier: CPU"), cpuMs,
                                cpuPerUnit))
            out.lines << *c;
    }
    finish(out);
    return out;
}

} // namespace swb
