#pragma once
// Adding, renaming and removing a workspace's functions: workbench.json and the files that go
// with a function (its code folder from a template, its saved events), changed together.
// The window's workspace tree and `swb function` both call these.

#include "Error.h"
#include "model/Workspace.h"

namespace swb {

class WorkspaceFunctions {
public:
    // A new function from the runtime's template: <name>/ with a handler that answers an HTTP
    // request (Python app.py, Node.js index.mjs, or a provided `bootstrap` speaking the Runtime
    // API), an http trigger GET /<name>, a saved event events/<name>/hello.json; saved into
    // workbench.json. Refuses an invalid or taken name, an unknown runtime, or a folder that
    // already exists (nothing is overwritten).
    static Result<FunctionSpec> create(Workspace& workspace, const QString& name,
                                       const QString& runtimeId);
    // Renames the function in workbench.json, its saved events folder and the scenarios that
    // name it. The code folder keeps its name (codeUri does not change).
    static Result<void> rename(Workspace& workspace, const QString& from, const QString& to);
    // Removes the function from workbench.json (scenarios naming it keep their figures but no
    // longer point at it). With `deleteFiles`, its saved events go too, and its code folder when
    // it lies inside the workspace and no other function uses it.
    static Result<void> remove(Workspace& workspace, const QString& name, bool deleteFiles);

    // Lambda's rule for function names; the validator applies the same.
    static bool isValidName(const QString& name);
    static Error invalidNameError(const QString& name);
};

} // namespace swb
