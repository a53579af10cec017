#pragma once
// Turns a parsed AWS SAM template into workspace functions: AWS::Serverless::Function
// resources with Globals.Function applied, their events as triggers.

#include "ImportDiagnostics.h"
#include "IntrinsicResolver.h"
#include "TemplateImport.h"
#include "YamlNode.h"

#include <QSet>

#include <optional>

namespace swb {

class SamImporter {
public:
    SamImporter(const QString& templatePath, const QString& workspaceFolder);

    Result<ImportResult> import(const YamlNode& root);

private:
    // A function's setting and where it was written: the function's Properties or Globals.
    struct Setting {
        const YamlNode* node = nullptr;
        QString pointer;
    };

    void readGlobals(const YamlNode& globals);
    void importResource(const QString& id, const YamlNode& resource, const QString& pointer);
    void importFunction(const QString& id, const YamlNode& resource, const QString& pointer);
    void importEvent(FunctionSpec& function, const YamlNode& event, const QString& pointer);
    // EventInvokeConfig: retries and destinations of asynchronous invocations.
    void readEventInvokeConfig(FunctionSpec& function, const YamlNode& node,
                               const QString& pointer);
    // An Api's or HttpApi's Auth: its authorizers become workspace authorizers.
    void readApiAuth(const QString& id, const YamlNode& resource, const QString& pointer);
    std::optional<AuthorizerSpec> readAuthorizer(const QString& name, const YamlNode& node,
                                                 const QString& pointer, bool rest);
    // An Api/HttpApi event's Auth (or its API's DefaultAuthorizer) on the trigger.
    void applyRouteAuth(TriggerSpec& trigger, const QString& apiId, const YamlNode* auth,
                        const QString& authPointer, const YamlNode& event, const QString& pointer);
    // The workspace name of the function a template resource id declares.
    QString functionNameOf(const QString& logicalId) const;
    std::optional<Setting> setting(const YamlNode& properties, const QString& pointer,
                                   const QString& key) const;
    void readEnvironment(const YamlNode& node, const QString& pointer,
                         QMap<QString, QString>& environment);

    // Text of a value: intrinsics resolved where possible, else kept readable with a warning.
    // `resourceIsSource`: a reference to a template resource (a queue, a bucket) becomes its
    // logical id without a warning. Empty optional (and an error) when the value is not text.
    std::optional<QString> text(const YamlNode& node, const QString& pointer,
                                bool resourceIsSource = false);
    std::optional<int> number(const YamlNode& node, const QString& pointer, int fallback,
                              const QString& unit);
    // Globals.Function's value for `key` when it is a number, else Lambda's default: what an
    // unresolvable function value falls back to.
    int globalNumber(const QString& key, int lambdaDefault) const;
    std::optional<bool> flag(const YamlNode& node, const QString& pointer, bool fallback);

    ImportDiagnostics m_diagnostics;
    QString m_templateFolder;
    QString m_workspaceFolder;
    IntrinsicResolver m_intrinsics;
    YamlNode m_globalFunction;
    QList<FunctionSpec> m_functions;
    YamlNode m_resources;
    struct ApiAuth {
        QString defaultAuthorizer;                // Auth.DefaultAuthorizer; empty: none
        QMap<QString, QString> names;             // the API's name -> the workspace's name
        QMap<QString, QStringList> defaultScopes; // a JWT authorizer's AuthorizationScopes
    };
    QMap<QString, ApiAuth> m_apiAuth; // by the API's logical id
    QList<AuthorizerSpec> m_authorizers;
};

} // namespace swb
