#pragma once
// OpenWhisk: IBM Cloud Functions' per-GB-second price (deprecated by IBM) or a self-hosted
// cluster whose monthly cost is spread over the usage.

#include "BillingUsage.h"
#include "CostBreakdown.h"
#include "Error.h"

namespace swb {

class PricingCatalog;

class OpenWhiskBilling {
public:
    // The catalog must outlive this object.
    explicit OpenWhiskBilling(const PricingCatalog& catalog) : m_catalog(catalog) {}
    Result<CostBreakdown> price(const BillingUsage& usage) const;

private:
    const PricingCatalog& m_catalog;
};

} // namespace swb
