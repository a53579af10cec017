#include "OpenWhiskBilling.h"

#include "BillingMath.h"
#include "PricingCatalog.h"

namespace swb {

using namespace billing;

namespace {
const QString kOpenWhisk = QStringLiteral("openwhisk");
constexpr int kMinMemoryMb = 128;
constexpr int kMaxMemoryMb = 2048; // IBM Cloud Functions' action memory limit
constexpr long long kGranularityMs = 100;
} // namespace

Result<CostBreakdown> OpenWhiskBilling::price(const BillingUsage& usage) const
{
    if (auto r = checkCommon(usage, QStringLiteral("OpenWhisk")); !r)
        return std::unexpected(r.error());
    const QString plan = usage.plan.isEmpty() ? QStringLiteral("ibm") : usage.plan;
    CostBreakdown out;
    out.provider = kOpenWhisk;
    out.plan = plan;

    if (plan == QLatin1String("self-hosted")) {
        // No price list: the cluster costs what it costs, whatever runs on it.
        if (!usage.clusterMonthlyCost || *usage.clusterMonthlyCost < Money())
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("Self-hosted OpenWhisk needs the cluster's monthly cost "
                                       "(clusterMonthlyCost, 0 or more)."));
        out.region = usage.region;
        CostLineItem item;
        item.kind = LineKind::Cluster;
        item.label = QStringLiteral("Self-hosted cluster, one month");
        item.quantity = 1;
        item.unit = QStringLiteral("month");
        item.unitPrice = *usage.clusterMonthlyCost;
        item.amount = *usage.clusterMonthlyCost;
        item.priceId = QStringLiteral("clusterMonthlyCost");
        item.origin.file = QStringLiteral("usage input");
        out.lines << item;
        if (usage.invocations > 0)
            out.notes << QStringLiteral("%1 USD per million invocations on the cluster.")
                             .arg(usage.clusterMonthlyCost->scaled(1'000'000, usage.invocations)
                                      .toString(4));
        finish(out);
        return out;
    }
    if (plan != QLatin1String("ibm"))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("OpenWhisk has no plan \"%1\"; use \"ibm\" or \"self-hosted\".")
                        .arg(plan));
    if (auto r = checkRange(usage.memoryMb, kMinMemoryMb, kMaxMemoryMb,
                            QStringLiteral("IBM Cloud Functions memory"), QStringLiteral("MB"));
        !r)
        return std::unexpected(r.error());
    out.region = usage.region.isEmpty() ? m_catalog.defaultRegion(kOpenWhisk) : usage.region;
    auto time = m_catalog.price(kOpenWhisk, QStringLiteral("ibm.executionTime"), usage.region);
    if (!time)
        return std::unexpected(time.error());
    MoneyInt mbMs = 0;
    for (const Bucket& b : splitInvocations(usage.invocations, usage.durations))
        mbMs += MoneyInt(b.count) * billedMs(b.durationMs, kGranularityMs) * usage.memoryMb;
    addLines(out, tieredLines(**time, LineKind::Compute, QStringLiteral("Execution time"), 0, mbMs,
                              kMbMsPerGbSecond));
    if (usage.includeFreeTier) {
        auto free =
            m_catalog.price(kOpenWhisk, QStringLiteral("ibm.freeTier.executionTime"), usage.region);
        if (!free)
            return std::unexpected(free.error());
        if (auto c = freeCredit(**time, **free, QStringLiteral("Free tier: execution time"), mbMs,
                                kMbMsPerGbSecond))
            out.lines << *c;
    }
    out.notes << QStringLiteral(
        "IBM Cloud Functions is deprecated by IBM; prices are its last published ones.");
    finish(out);
    return out;
}

} // namespace swb
