#pragma once
// Azure Functions: the Consumption plan (128 MB memory rounding, 100 ms minimum, free grant)
// and the Flex Consumption plan (on demand and always ready).

#include "BillingUsage.h"
#include "CostBreakdown.h"
#include "Error.h"

namespace swb {

class PricingCatalog;

class AzureFunctionsBilling {
public:
    // The catalog must outlive this object.
    explicit AzureFunctionsBilling(const PricingCatalog& catalog) : m_catalog(catalog) {}
    Result<CostBreakdown> price(const BillingUsage& usage) const;

private:
    const PricingCatalog& m_catalog;
};

} // namespace swb
