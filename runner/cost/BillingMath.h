#pragma once
// Arithmetic the billing classes share: splitting invocations over duration buckets, pricing a
// metered quantity through a price's monthly tiers, free-tier credits. Internal to runner/cost.

#include "BillingUsage.h"
#include "CostBreakdown.h"
#include "Error.h"
#include "PricingCatalog.h"

namespace swb::billing {

// Metered quantities are exact integers of a base unit: MB-ms for GB-seconds (1 GB-s =
// 1024 MB × 1000 ms = 1,024,000 MB-ms, the providers' 1 GB = 1024 MB), MHz-ms for GHz-seconds,
// milli-vCPU-ms for vCPU-seconds, plain counts for requests.
constexpr long long kMbMsPerGbSecond = 1024LL * 1000;
constexpr long long kMhzMsPerGhzSecond = 1000LL * 1000;
constexpr long long kMilliCpuMsPerCpuSecond = 1000LL * 1000;

struct Bucket {
    double durationMs = 0;
    long long count = 0;
};

// The invocations split over the buckets by weight (largest remainder: counts add up exactly).
QList<Bucket> splitInvocations(long long invocations, const QList<DurationBucket>& durations);

// Per-invocation rounding: up to a multiple of `granularityMs`, at least `minimumMs`.
long long billedMs(double durationMs, long long granularityMs, long long minimumMs = 0);

// Checks that apply to every provider; `what` names the provider in messages.
Result<void> checkCommon(const BillingUsage& usage, const QString& what);
Result<void> checkRange(long long value, long long minimum, long long maximum, const QString& what,
                        const QString& unit);

// Lines for the units [from, to) of a metered quantity (in base units, `basePerUnit` base units
// per price unit), one line per tier the range touches.
QList<CostLineItem> tieredLines(const CatalogPrice& price, LineKind kind, const QString& label,
                                MoneyInt from, MoneyInt to, long long basePerUnit);
// The amount of those units (what tieredLines' amounts add up to).
Money tieredAmount(const CatalogPrice& price, MoneyInt from, MoneyInt to, long long basePerUnit);

// A free-tier credit: minus the price of the first min(allowance, used) units; never more than
// the charge it offsets. No line when nothing is offset.
std::optional<CostLineItem> freeCredit(const CatalogPrice& price, const CatalogPrice& allowance,
                                       const QString& label, MoneyInt used, long long basePerUnit);

CostLineItem line(LineKind kind, const QString& label, double quantity, const CatalogPrice& price,
                  Money amount);

void addLines(CostBreakdown& breakdown, const QList<CostLineItem>& lines);
void finish(CostBreakdown& breakdown); // total

} // namespace swb::billing
