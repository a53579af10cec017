#pragma once
// Always-on servers (a few VM sizes per cloud, priced per hour): the baseline that serverless
// is compared against for break-even.

#include "CostBreakdown.h"
#include "Error.h"

namespace swb {

class PricingCatalog;

class ServerBilling {
public:
    static constexpr double kHoursPerMonth = 730; // the clouds' own monthly convention

    explicit ServerBilling(const PricingCatalog& catalog) : m_catalog(catalog) {}
    // `count` servers of `serverId` ("aws.t3.small", see PricingCatalog::serverIds) for
    // `hoursPerMonth` hours.
    Result<CostBreakdown> price(const QString& serverId, int count = 1,
                                double hoursPerMonth = kHoursPerMonth) const;

private:
    const PricingCatalog& m_catalog;
};

} // namespace swb
