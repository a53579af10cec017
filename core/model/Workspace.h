#pragma once
// A workspace: a folder holding workbench.json, the functions' code, saved events and scenarios.

#include "AuthorizerSpec.h"
#include "FunctionSpec.h"
#include "ResourceSpec.h"
#include "ScenarioSpec.h"
#include "TokenServiceSpec.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace swb {

// How the local runner treats this workspace's functions (command-line flags override these).
struct RunnerSettings {
    static constexpr int kDefaultKeepAliveSeconds = 600;
    static constexpr int kDefaultConcurrencyLimit = 10;
    int keepAliveSeconds = kDefaultKeepAliveSeconds; // idle instances expire after this
    int concurrencyLimit = kDefaultConcurrencyLimit; // per function without reserved concurrency
    bool freezeIdleInstances = true;
    QString region = QStringLiteral("us-east-1"); // AWS_REGION and the ARNs the runner uses
    QJsonObject extensions;

    bool isDefault() const
    {
        return keepAliveSeconds == kDefaultKeepAliveSeconds &&
               concurrencyLimit == kDefaultConcurrencyLimit && freezeIdleInstances &&
               region == QLatin1String("us-east-1") && extensions.isEmpty();
    }
};

struct Workspace {
    static constexpr int kFormatVersion = 1;
    static constexpr const char* kFileName = "workbench.json";

    QString folder; // absolute path of the workspace folder (not saved in the file)
    QString name;
    int formatVersion = kFormatVersion;
    QList<FunctionSpec> functions;
    QList<ScenarioSpec> scenarios;
    QList<DeployTarget> deployTargets;
    RunnerSettings runner;
    TokenServiceSpec tokenService;     // `swb token`'s issuer, audiences, lifetime (docs/auth.md)
    ResourceMap resources;             // databases shared by every function (docs/resources.md)
    QList<AuthorizerSpec> authorizers; // "authorizers": {"NAME": {...}}, by name
    QJsonObject extensions;            // unknown top-level keys, kept on save

    const FunctionSpec* function(const QString& name) const;
    FunctionSpec* function(const QString& name);
    const AuthorizerSpec* authorizer(const QString& name) const;

    QString filePath() const;                               // folder/workbench.json
    QString codeFolder(const FunctionSpec& function) const; // absolute
    // Saved events of a function live in events/<function>/<name>.json.
    QString eventsFolder(const QString& functionName) const;
    QStringList savedEvents(const QString& functionName) const; // names without .json
};

} // namespace swb
