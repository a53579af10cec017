#pragma once
// Imports an AWS SAM template.yaml or a Serverless Framework serverless.yml into a workspace:
// the functions, their settings and their triggers; whatever is not imported is a warning.

#include "Error.h"
#include "model/Workspace.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace swb {

struct ImportResult {
    Workspace workspace;
    QList<Diagnostic> warnings; // Severity::Warning, each with its file, pointer and position
};

// Each function's codeUri is made relative to `workspaceFolder`; workspace.folder is
// `workspaceFolder` and workspace.name the name of the folder holding the template.
// Errors: the file's own (NotFound, PermissionDenied, Parse for bad UTF-8), Parse for YAML syntax
// (one located Diagnostic), Validation for a document that breaks the format's rules (one
// Diagnostic per problem, each with a JSON pointer into the YAML).
Result<ImportResult> importSamTemplate(const QString& templatePath, const QString& workspaceFolder);

// Like importSamTemplate; the workspace is named by "service" when there is one. `environment`
// answers ${env:NAME} variables.
Result<ImportResult> importServerlessConfig(const QString& configPath,
                                            const QString& workspaceFolder,
                                            const QProcessEnvironment& environment);

// Tells the format by content: AWSTemplateFormatVersion, a Transform naming AWS::Serverless, or
// Resources make a SAM template; "service" with "functions" or "provider" a serverless.yml.
// A file that is neither is ErrorCode::InvalidArgument naming the file.
Result<ImportResult> importTemplate(const QString& path, const QString& workspaceFolder,
                                    const QProcessEnvironment& environment);

} // namespace swb
