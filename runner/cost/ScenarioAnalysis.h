#pragma once
// What-ifs over the cost engine: scenarios priced side by side, a memory sweep that scales the
// duration with the CPU each memory size gets, and the monthly volume at which an always-on
// server becomes cheaper. The models and their assumptions are in docs/cost.md.

#include "BillingUsage.h"
#include "CostBreakdown.h"
#include "Error.h"
#include "model/ScenarioSpec.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace swb {

class CostEngine;

// One column of a comparison: a named usage on a provider, and its price.
struct PricedScenario {
    QString name;
    QString provider;
    BillingUsage usage;
    CostBreakdown breakdown;
};

struct ScenarioComparison {
    QList<PricedScenario> scenarios;
    // Rows: the line kinds any scenario has, then the total and the cost per million
    // invocations; one column per scenario; amounts in cents.
    QString toText() const;
    QJsonObject toJson() const; // every breakdown in full, with exact amounts and sources
};

// How much of a function's time depends on the CPU it gets.
struct CpuScalingModel {
    double cpuBoundShare = 1.0; // 0..1: the rest (waiting on I/O) does not change with CPU
    double usableCpus = 1.0;    // threads the code keeps busy: single-threaded code gains
                                // nothing beyond one vCPU
};

struct SweepPoint {
    int memoryMb = 0;
    double cpus = 0;          // vCPU (AWS, GCP gen2) or GHz (GCP gen1); 0: not published
    double durationScale = 1; // duration at this size / duration at the base size
    CostBreakdown breakdown;
};

struct MemorySweep {
    QString provider;
    int baseMemoryMb = 0;
    CpuScalingModel model;
    QList<SweepPoint> points;
    QStringList notes; // the assumptions that applied ("azure: CPU per size not published")
    QString toText() const;
    QJsonObject toJson() const;
};

struct BreakEven {
    QString provider;
    QString serverId;
    int serverCount = 1;
    Money serverMonthly; // the servers' cost per month
    CostBreakdown serverBreakdown;
    // The smallest monthly volume at which the function costs at least the servers; unset
    // when it stays cheaper up to `searchLimit`.
    std::optional<long long> invocationsPerMonth;
    long long searchLimit = 0;
    CostBreakdown atBreakEven; // the function's breakdown at that volume (or at the limit)
    QString toText() const;
    QJsonObject toJson() const;
};

class ScenarioAnalysis {
public:
    explicit ScenarioAnalysis(const CostEngine& engine) : m_engine(engine) {}

    // Prices each scenario (its usage on its provider); an error names the scenario.
    Result<ScenarioComparison> compare(const QList<PricedScenario>& scenarios) const;
    // A workspace scenario by name; an unknown name is an error listing the known ones.
    static Result<ScenarioSpec> find(const QList<ScenarioSpec>& scenarios, const QString& name);

    // The CPU a provider gives a memory size, in the unit SweepPoint::cpus uses; nullopt when
    // the provider publishes none (Azure, OpenWhisk), an error for a size the plan does not
    // offer.
    Result<std::optional<double>> cpuForMemory(const QString& provider, const QString& plan,
                                               int memoryMb) const;
    // Prices `usage` (its durations and init measured or typed at usage.memoryMb) at each
    // memory size, scaling the durations and the init duration by the model.
    Result<MemorySweep> sweep(const QString& provider, const BillingUsage& usage,
                              const QList<int>& memorySizesMb,
                              const CpuScalingModel& model = {}) const;
    // The standard memory sizes in [fromMb, toMb] (every `stepMb` when given).
    static QList<int> memorySizes(int fromMb, int toMb, int stepMb = 0);

    // Scales usage.invocations (the rest of the usage is its shape) until the function costs
    // what `serverCount` always-on servers cost per month.
    Result<BreakEven> breakEven(const QString& provider, const BillingUsage& usage,
                                const QString& serverId, int serverCount = 1,
                                long long searchLimit = 1'000'000'000'000LL) const;

private:
    const CostEngine& m_engine;
};

} // namespace swb
