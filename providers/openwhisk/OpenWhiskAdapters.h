#pragma once
// The entry points an OpenWhisk action needs to run a Lambda-style handler: an action "main"
// that turns OpenWhisk's parameters (and a web action's __ow_* request fields) into the event
// the handler expects, calls it with a Lambda-like context, and turns its answer back into a
// web action response. What maps and what does not: docs/providers.md, "Apache OpenWhisk".

#include "Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace swb {

struct FunctionSpec;
struct GeneratedFile;

class OpenWhiskAdapters {
public:
    // The adapter's settings (handler, memory, environment names, HTTP route), read at start.
    static constexpr const char* kConfigFile = "__swb_openwhisk__.json";
    static constexpr const char* kPythonEntry = "__main__.py";
    static constexpr const char* kNodeEntry = "__swb_openwhisk__.cjs";
    // The action's exec.main: the function the adapters export.
    static constexpr const char* kMain = "main";

    // The action kind for a Lambda runtime id: python3.12 -> "python:3.12", nodejs20.x ->
    // "nodejs:20". Unsupported for provided.* and anything else.
    static Result<QString> actionKind(const QString& lambdaRuntime);

    // The files to add to the function's package. `userPackageJson` is the function folder's
    // package.json (Node.js; empty when there is none): it is kept, with "main" pointing at the
    // adapter, because OpenWhisk's Node.js runtime starts the file package.json names.
    static Result<QList<GeneratedFile>> files(const FunctionSpec& function,
                                              const QByteArray& userPackageJson = {});

    static QByteArray pythonSource();
    static QByteArray nodeSource();
};

} // namespace swb
