#include "CostEngine.h"

#include "AwsLambdaBilling.h"
#include "AzureFunctionsBilling.h"
#include "GoogleCloudFunctionsBilling.h"
#include "OpenWhiskBilling.h"
#include "ServerBilling.h"

#include "model/ScenarioSpec.h"

#include <cmath>

namespace swb {

QStringList CostEngine::providers()
{
    return {QStringLiteral("aws"), QStringLiteral("azure"), QStringLiteral("gcp"),
            QStringLiteral("openwhisk")};
}

Result<CostBreakdown> CostEngine::price(const QString& provider, const BillingUsage& usage) const
{
    if (provider == QLatin1String("aws"))
        return AwsLambdaBilling(m_catalog).price(usage);
    if (provider == QLatin1String("azure"))
        return AzureFunctionsBilling(m_catalog).price(usage);
    if (provider == QLatin1String("gcp"))
        return GoogleCloudFunctionsBilling(m_catalog).price(usage);
    if (provider == QLatin1String("openwhisk"))
        return OpenWhiskBilling(m_catalog).price(usage);
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("Cannot price provider \"%1\"; use one of %2.")
                    .arg(provider, providers().join(QStringLiteral(", "))));
}

Result<CostBreakdown> CostEngine::priceServer(const QString& serverId, int count,
                                              double hoursPerMonth) const
{
    return ServerBilling(m_catalog).price(serverId, count, hoursPerMonth);
}

Result<BillingUsage> CostEngine::usageFromScenario(const ScenarioSpec& scenario,
                                                   const QList<DurationBucket>& measuredDurations)
{
    auto bad = [&](const QString& why) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Scenario \"%1\": %2").arg(scenario.name, why));
    };
    if (!(scenario.invocationsPerMonth >= 0) || scenario.invocationsPerMonth > 1e15)
        return bad(QStringLiteral("invocations per month must be between 0 and 10^15."));
    BillingUsage usage;
    usage.invocations = std::llround(scenario.invocationsPerMonth);
    usage.memoryMb = scenario.memoryMb;
    usage.architecture =
        scenario.architecture.isEmpty() ? QStringLiteral("x86_64") : scenario.architecture;
    usage.region = scenario.region;
    usage.includeFreeTier = scenario.includeFreeTier;
    if (scenario.durationMs)
        usage.durations = {DurationBucket{*scenario.durationMs, 1}};
    else if (!measuredDurations.isEmpty())
        usage.durations = measuredDurations;
    else
        return bad(QStringLiteral("it has no durationMs and no measured durations were given; set "
                                  "durationMs or run the function first."));
    usage.coldStartShare = scenario.coldStartShare;
    usage.initDurationMs = scenario.initDurationMs;

    const QJsonObject& x = scenario.extensions;
    auto number = [&](const char* key) { return x.value(QLatin1String(key)); };
    usage.plan = number("plan").toString();
    const QString gateway = number("gateway").toString(QStringLiteral("none"));
    const auto gatewayKind = gatewayKindFromName(gateway);
    if (!gatewayKind)
        return bad(
            QStringLiteral("gateway \"%1\" is not \"none\", \"http\" or \"rest\".").arg(gateway));
    usage.gateway = *gatewayKind;
    usage.ephemeralStorageMb = number("ephemeralStorageMb").toInt(usage.ephemeralStorageMb);
    usage.provisionedInstances = number("provisionedInstances").toInt(0);
    usage.provisionedHours = number("provisionedHours").toDouble(0);
    usage.provisionedInvocationShare = number("provisionedInvocationShare").toDouble(0);
    if (x.contains(QLatin1String("cpuMilli")))
        usage.cpuMilli = number("cpuMilli").toInt();
    usage.alwaysReadyInstances = number("alwaysReadyInstances").toInt(0);
    usage.alwaysReadyHours = number("alwaysReadyHours").toDouble(0);
    usage.alwaysReadyInvocationShare = number("alwaysReadyInvocationShare").toDouble(0);
    usage.perInstanceConcurrency = number("perInstanceConcurrency").toInt(1);
    if (x.contains(QLatin1String("clusterMonthlyCost"))) {
        const QJsonValue v = number("clusterMonthlyCost");
        auto cost =
            Money::parse(v.isString() ? v.toString() : QString::number(v.toDouble(), 'f', 6));
        if (!cost)
            return bad(cost.error().message);
        usage.clusterMonthlyCost = *cost;
    }
    return usage;
}

} // namespace swb
