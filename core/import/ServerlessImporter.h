#pragma once
// Turns a parsed serverless.yml into workspace functions: each entry under `functions` with the
// provider's defaults applied, its events as triggers, its variables resolved.

#include "ImportDiagnostics.h"
#include "IntrinsicResolver.h"
#include "ServerlessVariables.h"
#include "TemplateImport.h"
#include "YamlNode.h"

#include <QProcessEnvironment>

#include <optional>

namespace swb {

class ServerlessImporter {
public:
    ServerlessImporter(const QString& configPath, const QString& workspaceFolder,
                       const QProcessEnvironment& environment);

    Result<ImportResult> import(const YamlNode& root);

private:
    // A resolved value and where it was written.
    struct Setting {
        YamlNode node;
        QString pointer;
    };

    void readTopLevel(const YamlNode& root);
    void readProvider(const YamlNode& provider);
    // provider.httpApi.authorizers: jwt and request (Lambda) authorizers.
    void readHttpApi(const YamlNode& httpApi, const QString& pointer);
    void readAuthorizer(const QString& name, const YamlNode& node, const QString& pointer);
    // An httpApi event's `authorizer: {name, scopes}`.
    void readRouteAuthorizer(TriggerSpec& trigger, const YamlNode& node, const QString& pointer);
    // Request authorizers whose function was not imported are dropped, and so are the routes'
    // references to them (each with a warning).
    void dropDanglingAuthorizers();
    void importFunction(const QString& name, const YamlNode& raw, const QString& pointer);
    void importEvent(FunctionSpec& function, const YamlNode& event, const QString& pointer);
    // destinations: onSuccess / onFailure of asynchronous invocations.
    void readDestinations(FunctionSpec& function, const Setting& setting);
    void warnUnused(const YamlNode& map, const QString& pointer, const QStringList& used);
    std::optional<Setting> setting(const YamlNode& raw, const QString& pointer, const QString& key);
    void readEnvironment(const Setting& setting, QMap<QString, QString>& environment);

    std::optional<QString> text(const YamlNode& node, const QString& pointer,
                                bool isSource = false);
    std::optional<int> number(const YamlNode& node, const QString& pointer, int fallback,
                              const QString& unit);
    std::optional<bool> flag(const YamlNode& node, const QString& pointer, bool fallback);

    ImportDiagnostics m_diagnostics;
    QString m_configFolder;
    QString m_workspaceFolder;
    QProcessEnvironment m_environment;
    YamlNode m_root;
    std::optional<ServerlessVariables> m_variables;
    IntrinsicResolver m_intrinsics;
    QString m_serviceName;
    std::optional<Setting> m_providerRuntime;
    std::optional<Setting> m_providerMemory;
    std::optional<Setting> m_providerTimeout;
    std::optional<Setting> m_providerArchitecture;
    std::optional<Setting> m_providerEnvironment;
    QList<FunctionSpec> m_functions;
    QList<AuthorizerSpec> m_authorizers;
};

} // namespace swb
