#pragma once
// One function as the workspace declares it: code, runtime, limits and triggers.

#include "Destinations.h"
#include "ResourceSpec.h"
#include "TriggerSpec.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace swb {

struct FunctionLimits {
    static constexpr int kMinMemoryMb = 128;
    static constexpr int kMaxMemoryMb = 10240;
    static constexpr int kMinTimeoutSeconds = 1;
    static constexpr int kMaxTimeoutSeconds = 900;
    static constexpr int kDefaultMemoryMb = 128; // Lambda's defaults
    static constexpr int kDefaultTimeoutSeconds = 3;
};

struct FunctionSpec {
    QString name;
    QString runtime; // Lambda's id, see Runtime.h
    QString handler; // "app.handler"; for provided runtimes passed through as _HANDLER
    QString codeUri; // the code folder, relative to the workspace folder
    int memoryMb = FunctionLimits::kDefaultMemoryMb;
    int timeoutSeconds = FunctionLimits::kDefaultTimeoutSeconds;
    QString architecture = QStringLiteral("x86_64"); // "x86_64" | "arm64"
    QMap<QString, QString> environment;
    std::optional<int> reservedConcurrency;
    int provisionedConcurrency = 0;
    QString description;
    QList<TriggerSpec> triggers;
    FunctionDestinations destinations; // of asynchronous invocations (docs/queues.md)
    // Retries of a failed asynchronous invocation, 0 to 2 (Lambda's MaximumRetryAttempts,
    // serverless.yml's maximumRetryAttempts); unset: Lambda's default, 2.
    std::optional<int> maximumRetryAttempts;
    ResourceMap resources;  // databases of this function alone (docs/resources.md)
    QJsonObject extensions; // unknown keys, kept on save
};

} // namespace swb
