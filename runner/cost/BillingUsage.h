#pragma once
// What a month of one function's use looks like to a billing rule: filled by a scenario, by the
// runner's history or by the simulator.

#include "Money.h"

#include <QList>
#include <QString>

#include <optional>

namespace swb {

struct ScenarioSpec;

// A share of the invocations that ran for one duration. `weight` is a count or a share: the
// weights are normalised, and `invocations` is split over the buckets (largest remainder, so
// the counts add up). Per-invocation rounding (1 ms, 100 ms, minimums) applies per bucket.
struct DurationBucket {
    double durationMs = 0;
    double weight = 1;
};

enum class GatewayKind { None, Http, Rest };
// "none", "http" or "rest" (as workbench.json and `swb cost --gateway` spell them).
std::optional<GatewayKind> gatewayKindFromName(const QString& name);

struct BillingUsage {
    long long invocations = 0;       // per month
    QList<DurationBucket> durations; // one bucket for a typed duration; empty = 0 ms
    int memoryMb = 128;
    QString architecture = QStringLiteral("x86_64"); // "x86_64" | "arm64"
    QString region; // the provider's region id; empty = the provider's default region
    // The provider's plan: aws "" ; azure "consumption" (default) | "flex";
    // gcp "gen2" (default) | "gen1"; openwhisk "ibm" (default) | "self-hosted".
    QString plan;
    bool includeFreeTier = true;

    // Cold starts (AWS bills INIT since 2025-08-01): either a share of invocations or a count.
    std::optional<double> coldStartShare;
    std::optional<long long> coldStarts;
    std::optional<double> initDurationMs;

    // AWS provisioned concurrency: instances kept for `provisionedHours` this month (rounded up to
    // 5 minutes), and the share of invocations that ran on them (billed at the provisioned
    // duration price; the rest on demand).
    int provisionedInstances = 0;
    double provisionedHours = 0;
    double provisionedInvocationShare = 0;

    int ephemeralStorageMb = 512; // AWS: above 512 MB is billed

    GatewayKind gateway = GatewayKind::None;  // AWS API Gateway in front of the function
    std::optional<long long> gatewayRequests; // unset = invocations

    std::optional<int> cpuMilli; // GCP gen2: vCPU × 1000 when not derived from memory

    // Azure Flex Consumption: always-ready instances, the hours they were kept, the share of
    // invocations they served, and how many executions one instance runs at once.
    int alwaysReadyInstances = 0;
    double alwaysReadyHours = 0;
    double alwaysReadyInvocationShare = 0;
    int perInstanceConcurrency = 1;

    std::optional<Money> clusterMonthlyCost; // self-hosted OpenWhisk: the cluster's monthly cost

    // Ready-made shapes.
    static BillingUsage typed(long long invocations, double durationMs, int memoryMb);
};

} // namespace swb
