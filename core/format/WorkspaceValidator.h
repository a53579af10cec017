#pragma once
// The rules a workspace must meet beyond its file's shape: Lambda's limits, unique names, code
// that exists where the handler says. Used on loaded and on imported workspaces alike.

#include "Error.h"
#include "model/Workspace.h"

namespace swb {

class WorkspaceValidator {
public:
    // Diagnostics carry JSON pointers into workbench.json (/functions/0/memoryMb); the file,
    // line and column are filled in by whoever knows the text.
    static QList<Diagnostic> validate(const Workspace& workspace);

    static const QStringList& providers();               // for scenarios: aws azure gcp openwhisk
    static const QStringList& deployProviders();         // providers + local
    static const QStringList& reservedEnvironmentKeys(); // set by Lambda, refused by it too
};

} // namespace swb
