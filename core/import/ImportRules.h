#pragma once
// What both importers check the same way: numbers, switches, code folders and the limits a
// function must respect (imported as written, with a warning, so nothing is silently changed).

#include <QString>

#include <functional>
#include <optional>

namespace swb {

class ImportDiagnostics;
class IntrinsicResolver;
struct ResolvedText;
struct TriggerSpec;
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

// A resolved value where text is expected. A reference to a resource of the same document is
// imported as its logical id (with a warning unless the value names a trigger's source);
// something known only at deploy time is kept as written, with a warning. `document` is
// "template" or "service", for the warning's wording.
std::optional<QString> importText(const ResolvedText& value, const YamlNode& node,
                                  const QString& pointer, bool isSource, const QString& document,
                                  ImportDiagnostics& diagnostics);

// A resolved value where a whole number is expected. `unresolvedReason`, when not empty, says
// why the value cannot be known here: then `fallback` is used (or nothing when negative), with a
// warning.
std::optional<int> importNumber(const ResolvedText& value, const QString& unresolvedReason,
                                const YamlNode& node, const QString& pointer, int fallback,
                                const QString& unit, ImportDiagnostics& diagnostics);

// One asynchronous invocation's destination (SAM's EventInvokeConfig DestinationConfig, the
// Framework's destinations) as workbench.json writes it: "function:NAME", "queue:NAME" or an
// SQS or Lambda ARN. `kind` is what the document says it is ("SQS", "Lambda", "function",
// "sqs", …; empty for a plain serverless.yml value: a function of the service or an ARN).
// `functionName` gives the function a logical id stands for (empty: not a function). Kinds the
// local platform cannot send to (SNS, EventBridge, S3) and values known only at deploy time are
// not imported, with a warning that says so.
std::optional<QString> importDestination(const QString& kind, const ResolvedText& value,
                                         const std::function<QString(const QString&)>& functionName,
                                         const YamlNode& node, const QString& pointer,
                                         ImportDiagnostics& diagnostics);

// A queue trigger's settings from the AWS::SQS::Queue resource it reads (`queue`, at `pointer`,
// in the same file): VisibilityTimeout, and RedrivePolicy's dead-letter queue (its logical id, or
// the name in its ARN) and maxReceiveCount, so the local queue behaves as the deployed one.
// Other properties are not read; a value known only at deploy time is said in a warning.
void readQueueResource(const YamlNode& queue, const QString& pointer,
                       const IntrinsicResolver& intrinsics, TriggerSpec& trigger,
                       ImportDiagnostics& diagnostics);

// A fallback for importNumber that means "not imported" (the value is known only at deploy
// time), told apart from any number a file can hold.
inline constexpr int kNumberNotImported = -2147483647 - 1;

// MaximumRetryAttempts / maximumRetryAttempts as importNumber read it (with
// kNumberNotImported as the fallback): 0 to 2, as Lambda allows; anything else is an error
// (Lambda refuses it too).
std::optional<int> checkRetryAttempts(std::optional<int> attempts, const YamlNode& at,
                                      const QString& pointer, ImportDiagnostics& diagnostics);

} // namespace importrules
} // namespace swb
