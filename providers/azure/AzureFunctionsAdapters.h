#pragma once
// The Functions app layout that runs a Lambda-style handler on Azure Functions (the Python v1
// and Node.js v3 programming models, function.json based): host.json, one folder per trigger
// with its function.json, a thin entry point, and a shared adapter module that turns the HTTP
// request into an API Gateway HTTP API (payload 2.0) event and the handler's answer back into
// a response. What maps and what does not: docs/providers.md, "Azure Functions".

#include "Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace swb {

struct FunctionSpec;
struct GeneratedFile;
struct TriggerSpec;

// One Azure function of the generated app: its folder name and, for HTTP, the route.
struct AzureFunctionEntry {
    QString name;  // folder and function name in the app ("orders", "orders_2")
    QString kind;  // "http", "timer" or "invoke" (no trigger: POST the event itself)
    QString route; // http and invoke: the route below /api/ ("orders/{id}")
};

class AzureFunctionsAdapters {
public:
    static constexpr const char* kPythonModule = "_swb_azure.py";
    static constexpr const char* kNodeModule = "_swb_azure.js";
    static constexpr const char* kConfigFile = "swb_function.json"; // in each function folder
    // The extension bundle every non-.NET app declares (host.json v2).
    static constexpr const char* kExtensionBundleId = "Microsoft.Azure.Functions.ExtensionBundle";
    static constexpr const char* kExtensionBundleVersion = "[4.*, 5.0.0)";

    // The Azure functions the app will have for `function`: one per trigger, or one "invoke"
    // function when it has none. Unsupported for a trigger Azure cannot express here.
    static Result<QList<AzureFunctionEntry>> entries(const FunctionSpec& function);

    // Every file to add to the package. Unsupported for runtimes other than Python and Node.js.
    static Result<QList<GeneratedFile>> files(const FunctionSpec& function);
    // `app` is the function app's name, given to the handler's context (invokedFunctionArn).
    static Result<QList<GeneratedFile>> files(const FunctionSpec& function, const QString& app);

    // An API Gateway path as a Functions route: "/orders/{id}" -> "orders/{id}",
    // "/files/{proxy+}" -> "files/{*proxy}". Empty with `problem` set when it cannot map.
    static QString route(const QString& path, QString* problem = nullptr);

    // An EventBridge schedule as a six-field NCRONTAB expression (UTC, as EventBridge):
    // "rate(5 minutes)" -> "0 */5 * * * *", "cron(0 12 * * ? *)" -> "0 0 12 * * *".
    // Empty with `problem` set when the schedule has no exact NCRONTAB equivalent.
    static QString ncrontab(const QString& schedule, QString* problem = nullptr);

    static QByteArray hostJson(const FunctionSpec& function);
    static QByteArray pythonAdapterSource();
    static QByteArray nodeAdapterSource();
};

} // namespace swb
