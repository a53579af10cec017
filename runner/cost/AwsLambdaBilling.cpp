#include "AwsLambdaBilling.h"

#include "BillingMath.h"
#include "PricingCatalog.h"

#include <cmath>

namespace swb {

using namespace billing;

namespace {
const QString kAws = QStringLiteral("aws");
constexpr int kMinMemoryMb = 128;
constexpr int kMaxMemoryMb = 10240;
constexpr int kFreeStorageMb = 512;
constexpr long long kProvisionedRoundingSeconds = 5 * 60; // rounded up to five minutes
} // namespace

Result<CostBreakdown> AwsLambdaBilling::price(const BillingUsage& usage) const
{
    if (auto r = checkCommon(usage, QStringLiteral("AWS Lambda")); !r)
        return std::unexpected(r.error());
    if (auto r = checkRange(usage.memoryMb, kMinMemoryMb, kMaxMemoryMb,
                            QStringLiteral("AWS Lambda memory"), QStringLiteral("MB"));
        !r)
        return std::unexpected(r.error());
    if (auto r = checkRange(usage.ephemeralStorageMb, kFreeStorageMb, 10240,
                            QStringLiteral("AWS Lambda ephemeral storage"), QStringLiteral("MB"));
        !r)
        return std::unexpected(r.error());
    if (usage.architecture != QLatin1String("x86_64") &&
        usage.architecture != QLatin1String("arm64"))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("AWS Lambda runs on \"x86_64\" or \"arm64\", not \"%1\".")
                        .arg(usage.architecture));
    if (usage.provisionedInstances < 0 || !(usage.provisionedHours >= 0))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("AWS Lambda: provisioned instances and hours cannot be negative."));
    if (!usage.plan.isEmpty() && usage.plan != QLatin1String("on-demand"))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("AWS Lambda has no plan \"%1\"; leave the plan empty.").arg(usage.plan));

    const QString& arch = usage.architecture;
    auto get = [&](const QString& id, const QString& a = {}) {
        return m_catalog.price(kAws, id, usage.region, a);
    };
    auto requests = get(QStringLiteral("lambda.requests"));
    auto duration = get(QStringLiteral("lambda.duration"), arch);
    if (!requests)
        return std::unexpected(requests.error());
    if (!duration)
        return std::unexpected(duration.error());

    CostBreakdown out;
    out.provider = kAws;
    out.region = usage.region.isEmpty() ? m_catalog.defaultRegion(kAws) : usage.region;

    const QList<Bucket> buckets = splitInvocations(usage.invocations, usage.durations);
    MoneyInt invokeMbMs = 0; // every invocation's billed duration × memory
    MoneyInt invokeMs = 0;
    for (const Bucket& b : buckets) {
        const long long ms = billedMs(b.durationMs, 1); // rounded up to 1 ms
        invokeMs += MoneyInt(b.count) * ms;
        invokeMbMs += MoneyInt(b.count) * ms * usage.memoryMb;
    }
    const bool provisioned = usage.provisionedInstances > 0;
    // Invocations served by provisioned instances pay the (lower) provisioned duration price.
    const MoneyInt provisionedMbMs =
        provisioned ? MoneyInt(std::llround(double(invokeMbMs) * usage.provisionedInvocationShare))
                    : 0;
    const MoneyInt onDemandMbMs = invokeMbMs - provisionedMbMs;

    // INIT of cold starts, billed since 2025-08-01 at the on-demand duration price.
    MoneyInt initMbMs = 0;
    long long coldStarts = 0;
    const long long initBilled =
        m_catalog.allowance(kAws, QStringLiteral("lambda.initBilling"), usage.region);
    if (usage.initDurationMs && (usage.coldStarts || usage.coldStartShare)) {
        coldStarts = usage.coldStarts
                         ? *usage.coldStarts
                         : std::llround(double(usage.invocations) * *usage.coldStartShare);
        if (initBilled)
            initMbMs = MoneyInt(coldStarts) * billedMs(*usage.initDurationMs, 1) * usage.memoryMb;
        else
            out.notes << QStringLiteral(
                "INIT billing is switched off in the price table: cold starts' "
                "init duration is not billed.");
    }

    addLines(out, tieredLines(**requests, LineKind::Requests, QStringLiteral("Requests"), 0,
                              usage.invocations, 1));
    addLines(out,
             tieredLines(**duration, LineKind::Compute, QStringLiteral("Compute (%1)").arg(arch), 0,
                         onDemandMbMs, kMbMsPerGbSecond));
    if (initMbMs > 0)
        addLines(out, tieredLines(**duration, LineKind::Init,
                                  QStringLiteral("INIT of %1 cold starts").arg(coldStarts),
                                  onDemandMbMs, onDemandMbMs + initMbMs, kMbMsPerGbSecond));

    if (usage.includeFreeTier && provisioned) {
        out.notes << QStringLiteral(
            "The free tier does not apply to functions with provisioned concurrency.");
    } else if (usage.includeFreeTier) {
        auto freeRequests = get(QStringLiteral("lambda.freeTier.requests"));
        auto freeDuration = get(QStringLiteral("lambda.freeTier.duration"));
        if (!freeRequests)
            return std::unexpected(freeRequests.error());
        if (!freeDuration)
            return std::unexpected(freeDuration.error());
        if (auto c = freeCredit(**requests, **freeRequests, QStringLiteral("Free tier: requests"),
                                usage.invocations, 1))
            out.lines << *c;
        if (auto c = freeCredit(**duration, **freeDuration, QStringLiteral("Free tier: compute"),
                                onDemandMbMs + initMbMs, kMbMsPerGbSecond))
            out.lines << *c;
    }

    if (provisioned) {
        auto concurrency = get(QStringLiteral("lambda.provisioned.concurrency"), arch);
        auto pcDuration = get(QStringLiteral("lambda.provisioned.duration"), arch);
        if (!concurrency)
            return std::unexpected(concurrency.error());
        if (!pcDuration)
            return std::unexpected(pcDuration.error());
        const long long seconds =
            static_cast<long long>(
                std::ceil(usage.provisionedHours * 3600 / kProvisionedRoundingSeconds - 1e-9)) *
            kProvisionedRoundingSeconds;
        const MoneyInt configuredMbMs =
            MoneyInt(usage.provisionedInstances) * usage.memoryMb * seconds * 1000;
        addLines(out, tieredLines(**concurrency, LineKind::Provisioned,
                                  QStringLiteral("Provisioned concurrency: %1 × %2 s")
                                      .arg(usage.provisionedInstances)
                                      .arg(seconds),
                                  0, configuredMbMs, kMbMsPerGbSecond));
        addLines(out, tieredLines(**pcDuration, LineKind::Compute,
                                  QStringLiteral("Compute on provisioned concurrency"), 0,
                                  provisionedMbMs, kMbMsPerGbSecond));
    }

    if (usage.ephemeralStorageMb > kFreeStorageMb) {
        auto storage = get(QStringLiteral("lambda.ephemeralStorage"), arch);
        if (!storage)
            return std::unexpected(storage.error());
        const MoneyInt storageMbMs = invokeMs * (usage.ephemeralStorageMb - kFreeStorageMb);
        addLines(out, tieredLines(**storage, LineKind::Storage,
                                  QStringLiteral("Ephemeral storage above 512 MB"), 0, storageMbMs,
                                  kMbMsPerGbSecond));
    }

    if (usage.gateway != GatewayKind::None) {
        const bool http = usage.gateway == GatewayKind::Http;
        auto gateway = get(http ? QStringLiteral("apigateway.http.requests")
                                : QStringLiteral("apigateway.rest.requests"));
        if (!gateway)
            return std::unexpected(gateway.error());
        const long long calls = usage.gatewayRequests.value_or(usage.invocations);
        if (calls < 0)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("Gateway requests cannot be negative."));
        addLines(out, tieredLines(**gateway, LineKind::Gateway,
                                  http ? QStringLiteral("API Gateway HTTP API")
                                       : QStringLiteral("API Gateway REST API"),
                                  0, calls, 1));
    }
    finish(out);
    return out;
}

} // namespace swb
