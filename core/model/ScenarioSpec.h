#pragma once
// A what-if for the cost engine: a provider, a workload and a function's shape.

#include <QJsonObject>
#include <QString>

#include <optional>

namespace swb {

struct ScenarioSpec {
    QString name;
    QString provider; // "aws" | "azure" | "gcp" | "openwhisk"
    QString region;   // provider's region id, "us-east-1"
    QString architecture = QStringLiteral("x86_64");
    QString function; // optional: the workspace function this scenario prices
    int memoryMb = 128;
    double invocationsPerMonth = 0;
    std::optional<double> durationMs;     // unset: measured by the runner
    std::optional<double> coldStartShare; // 0..1; unset: measured or simulated
    std::optional<double> initDurationMs;
    bool includeFreeTier = true;
    QJsonObject extensions;
};

// Where a function can be deployed.
struct DeployTarget {
    QString name;
    QString provider; // "aws" | "azure" | "gcp" | "openwhisk" | "local"
    QString region;
    QString endpoint; // optional override (emulators, test servers)
    QJsonObject extensions;
};

} // namespace swb
