#pragma once
// AWS Lambda (with API Gateway): requests, duration with monthly tiers per architecture, INIT of
// cold starts, provisioned concurrency, ephemeral storage and the free tier.

#include "BillingUsage.h"
#include "CostBreakdown.h"
#include "Error.h"

namespace swb {

class PricingCatalog;

class AwsLambdaBilling {
public:
    // The catalog must outlive this object.
    explicit AwsLambdaBilling(const PricingCatalog& catalog) : m_catalog(catalog) {}
    Result<CostBreakdown> price(const BillingUsage& usage) const;

private:
    const PricingCatalog& m_catalog;
};

} // namespace swb
