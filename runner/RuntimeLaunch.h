#pragma once
// How an instance of a function is started: which program, which arguments, and the clean
// environment Lambda would give it (its reserved variables plus the function's own).

#include "Error.h"
#include "Instance.h"
#include "model/FunctionSpec.h"

namespace swb {

struct LaunchContext {
    QString codeFolder;      // absolute: LAMBDA_TASK_ROOT and the working directory
    QString runtimeFolder;   // where RuntimeFiles put the bootstraps: LAMBDA_RUNTIME_DIR
    QString temporaryFolder; // the instance's private TMPDIR
    QString region = QStringLiteral("us-east-1");
    QString pathVariable;  // PATH for the function (default: the runner's own)
    QString pythonProgram; // resolved interpreters (resolveInterpreter); empty: look on PATH
    QString nodeProgram;
    bool provisioned = false;
    // Variables the workbench adds, such as the connection of the workspace's databases
    // (ResourceSet); they replace the function's own of the same name, Lambda's reserved
    // variables replace them.
    QMap<QString, QString> extraEnvironment;
};

// The program and environment for one instance; fails when the runtime's interpreter or the
// custom bootstrap cannot be found.
Result<InstanceLaunch> planLaunch(const FunctionSpec& function, const LaunchContext& context);

// The real executable of an interpreter on PATH. Version-manager shims (pyenv, nvm wrappers)
// are shell scripts that cost hundreds of milliseconds per start, which would be charged to
// every cold start; a script is asked once for the binary it runs.
Result<QString> resolveInterpreter(const QString& name, const QString& pathVariable);

// The account id in the runner's ARNs and queue URLs (the one sam local uses too).
inline constexpr const char* kLocalAccountId = "123456789012";

QString functionArn(const QString& functionName, const QString& region);

} // namespace swb
