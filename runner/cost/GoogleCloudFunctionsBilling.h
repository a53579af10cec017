#pragma once
// Google Cloud Functions: 1st gen (GB-s and GHz-s by memory, two region tiers) and 2nd gen
// (Cloud Run functions: vCPU-s and GiB-s), both rounded up to 100 ms, with the free tier.

#include "BillingUsage.h"
#include "CostBreakdown.h"
#include "Error.h"

namespace swb {

class PricingCatalog;

class GoogleCloudFunctionsBilling {
public:
    // The catalog must outlive this object.
    explicit GoogleCloudFunctionsBilling(const PricingCatalog& catalog) : m_catalog(catalog) {}
    Result<CostBreakdown> price(const BillingUsage& usage) const;

private:
    const PricingCatalog& m_catalog;
};

} // namespace swb
