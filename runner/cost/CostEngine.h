#pragma once
// The one entry point for callers (CLI, scenarios, simulator): prices a usage on a provider with
// the right billing class over one catalog.

#include "BillingUsage.h"
#include "CostBreakdown.h"
#include "Error.h"
#include "PricingCatalog.h"

#include <QStringList>

namespace swb {

struct ScenarioSpec;

class CostEngine {
public:
    explicit CostEngine(PricingCatalog catalog) : m_catalog(std::move(catalog)) {}

    static QStringList providers(); // "aws", "azure", "gcp", "openwhisk"

    // Pure and fast: no file access, no JSON parsing.
    Result<CostBreakdown> price(const QString& provider, const BillingUsage& usage) const;
    Result<CostBreakdown> priceServer(const QString& serverId, int count = 1,
                                      double hoursPerMonth = 730) const;

    const PricingCatalog& catalog() const { return m_catalog; }

    // A scenario as usage. `measuredDurations` stand in when the scenario has no durationMs
    // (an error when both are missing). Scenario extensions read here: "plan", "gateway"
    // ("none" | "http" | "rest"), "ephemeralStorageMb", "provisionedInstances",
    // "provisionedHours", "provisionedInvocationShare", "cpuMilli", "alwaysReadyInstances",
    // "alwaysReadyHours", "alwaysReadyInvocationShare", "perInstanceConcurrency",
    // "clusterMonthlyCost" (a decimal string or number).
    static Result<BillingUsage>
    usageFromScenario(const ScenarioSpec& scenario,
                      const QList<DurationBucket>& measuredDurations = {});

private:
    PricingCatalog m_catalog;
};

} // namespace swb
