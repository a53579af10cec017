#pragma once
// What a Lambda-style function needs to run on Google Cloud Functions (2nd gen): the runtime id
// for its Lambda runtime, and an entry point for the Functions Framework that turns the HTTP
// request into an API Gateway HTTP API (payload 2.0) event and the handler's result back into
// a response.

#include "Error.h"
#include "model/FunctionSpec.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace swb {

struct GeneratedFile;

class GcpAdapters {
public:
    static constexpr const char* kEntryPoint = "swb_entry";
    static constexpr const char* kPythonEntryFile = "main.py"; // the Python runtime's fixed source
    static constexpr const char* kNodeEntryFile = "swb_gcp_entry.cjs";

    // python3.9 … python3.13 -> python39 … python313; nodejs18.x/20.x/22.x -> nodejs18/20/22.
    // Anything else (provided.*) is Unsupported.
    static Result<QString> runtimeFor(const QString& lambdaRuntime);

    // The entry point files for `function`. `codeFolder` (may be empty) is read to refuse a
    // main.py of the user's own and to keep the user's package.json (only "main" changes).
    static Result<QList<GeneratedFile>> files(const FunctionSpec& function,
                                              const QString& codeFolder);

    static QByteArray pythonEntry(const FunctionSpec& function);
    static QByteArray nodeEntry(const FunctionSpec& function);
};

} // namespace swb
