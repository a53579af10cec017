#include "BillingUsage.h"

namespace swb {

BillingUsage BillingUsage::typed(long long invocations, double durationMs, int memoryMb)
{
    BillingUsage usage;
    usage.invocations = invocations;
    usage.durations = {DurationBucket{durationMs, 1}};
    usage.memoryMb = memoryMb;
    return usage;
}

std::optional<GatewayKind> gatewayKindFromName(const QString& name)
{
    if (name == QLatin1String("none"))
        return GatewayKind::None;
    if (name == QLatin1String("http"))
        return GatewayKind::Http;
    if (name == QLatin1String("rest"))
        return GatewayKind::Rest;
    return std::nullopt;
}

} // namespace swb
