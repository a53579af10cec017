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

} // namespace swb
