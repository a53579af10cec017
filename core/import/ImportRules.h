#pragma once
// What both importers check the same way: numbers, switches, code folders and the limits a
// function must respect (imported as written, with a warning, so nothing is silently changed).

#include <QString>

#include <optional>

namespace swb {

class ImportDiagnostics;
struct YamlNode;

namespace importrules {

std::optional<qint64> wholeNumber(const QString& text);
// YAML 1.1 and CloudFormation spellings: true/false, yes/no, on/off, in any case.
std::optional<bool> boolean(const QString& text);

// `path` (relative to `baseFolder`, or absolute) as a folder relative to `workspaceFolder`,
// cleaned, without a trailing slash; "." for the workspace folder itself.
QString codeFolder(const QString& baseFolder, const QString& path, const QString& workspaceFolder);

// The reason a known-but-unused setting is not imported, as the end of a sentence; a generic
// one for keys it does not know.
QString notImportedReason(const QString& key);
// "Layers are not imported; the local runner does not load layers."
QString notImportedMessage(const QString& key);

void checkRuntime(const QString& runtime, const YamlNode& at, const QString& pointer,
                  ImportDiagnostics& diagnostics);
void checkMemory(int memoryMb, const YamlNode& at, const QString& pointer,
                 ImportDiagnostics& diagnostics);
void checkTimeout(int timeoutSeconds, const YamlNode& at, const QString& pointer,
                  ImportDiagnostics& diagnostics);
void checkArchitecture(const QString& architecture, const YamlNode& at, const QString& pointer,
                       ImportDiagnostics& diagnostics);

} // namespace importrules
} // namespace swb
