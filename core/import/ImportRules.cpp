#include "ImportRules.h"

#include "ImportDiagnostics.h"
#include "IntrinsicResolver.h"
#include "YamlNode.h"
#include "model/Destinations.h"
#include "model/FunctionSpec.h"
#include "model/Runtime.h"
#include "model/TriggerSpec.h"

#include <QDir>
#include <QHash>

#include <limits>

namespace swb::importrules {

std::optional<qint64> wholeNumber(const QString& text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (ok)
        return value;
    return std::nullopt;
}

std::optional<bool> boolean(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"yes" || t == u"on")
        return true;
    if (t == u"false" || t == u"no" || t == u"off")
        return false;
    return std::nullopt;
}

QString codeFolder(const QString& baseFolder, const QString& path, const QString& workspaceFolder)
{
    const QString absolute = QDir::cleanPath(QDir(baseFolder).absoluteFilePath(path));
    QString relative = QDir::cleanPath(QDir(workspaceFolder).relativeFilePath(absolute));
    while (relative.size() > 1 && relative.endsWith(QLatin1Char('/')))
        relative.chop(1);
    return relative.isEmpty() ? QStringLiteral(".") : relative;
}

QString notImportedReason(const QString& key)
{
    static const QHash<QString, QString> reasons = {
        {QStringLiteral("Layers"), QStringLiteral("the local runner does not load layers")},
        {QStringLiteral("layers"), QStringLiteral("the local runner does not load layers")},
        {QStringLiteral("Policies"), QStringLiteral("functions run locally with your own "
                                                    "permissions")},
        {QStringLiteral("Role"), QStringLiteral("functions run locally with your own permissions")},
        {QStringLiteral("role"), QStringLiteral("functions run locally with your own permissions")},
        {QStringLiteral("iam"), QStringLiteral("functions run locally with your own permissions")},
        {QStringLiteral("iamRoleStatements"),
         QStringLiteral("functions run locally with your own permissions")},
        {QStringLiteral("VpcConfig"), QStringLiteral("functions run on this machine's network")},
        {QStringLiteral("vpc"), QStringLiteral("functions run on this machine's network")},
        {QStringLiteral("Auth"),
         QStringLiteral("the local gateway runs only the authorizers of an API's Auth")},
        {QStringLiteral("authorizer"),
         QStringLiteral("the local gateway runs only provider.httpApi.authorizers on httpApi "
                        "events")},
        {QStringLiteral("RestApiId"), QStringLiteral("the local gateway serves every route "
                                                     "itself")},
        {QStringLiteral("ApiId"), QStringLiteral("the local gateway serves every route itself")},
        {QStringLiteral("Filter"), QStringLiteral("every object event triggers the function "
                                                  "locally")},
        {QStringLiteral("rules"), QStringLiteral("every object event triggers the function "
                                                 "locally")},
        {QStringLiteral("FilterPolicy"), QStringLiteral("every message triggers the function "
                                                        "locally")},
        {QStringLiteral("filterPolicy"), QStringLiteral("every message triggers the function "
                                                        "locally")},
        {QStringLiteral("FilterCriteria"), QStringLiteral("every record triggers the function "
                                                          "locally")},
        {QStringLiteral("Input"), QStringLiteral("scheduled runs send EventBridge's standard "
                                                 "scheduled event")},
        {QStringLiteral("input"), QStringLiteral("scheduled runs send EventBridge's standard "
                                                 "scheduled event")},
        {QStringLiteral("cors"), QStringLiteral("the local gateway does not apply CORS rules")},
        {QStringLiteral("MaximumEventAgeInSeconds"),
         QStringLiteral("the local platform retries an event however old it is")},
        {QStringLiteral("maximumEventAge"),
         QStringLiteral("the local platform retries an event however old it is")},
    };
    return reasons.value(key, QStringLiteral("the workbench does not use it"));
}

QString notImportedMessage(const QString& key)
{
    static const QStringList plurals = {
        QStringLiteral("Layers"),
        QStringLiteral("layers"),
        QStringLiteral("Policies"),
        QStringLiteral("Tags"),
        QStringLiteral("tags"),
        QStringLiteral("rules"),
        QStringLiteral("iamRoleStatements"),
        QStringLiteral("plugins"),
    };
    return (plurals.contains(key) ? QStringLiteral("%1 are not imported; %2.")
                                  : QStringLiteral("%1 is not imported; %2."))
        .arg(key, notImportedReason(key));
}

void checkRuntime(const QString& runtime, const YamlNode& at, const QString& pointer,
                  ImportDiagnostics& diagnostics)
{
    if (findRuntime(runtime))
        return;
    diagnostics.warn(at, pointer,
                     QStringLiteral("\"%1\" is not a runtime the workbench can run (it runs %2); "
                                    "it is imported as written, change it before running the "
                                    "function.")
                         .arg(runtime, supportedRuntimeIds().join(QStringLiteral(", "))));
}

void checkMemory(int memoryMb, const YamlNode& at, const QString& pointer,
                 ImportDiagnostics& diagnostics)
{
    if (memoryMb >= FunctionLimits::kMinMemoryMb && memoryMb <= FunctionLimits::kMaxMemoryMb)
        return;
    diagnostics.warn(at, pointer,
                     QStringLiteral("%1 MB is outside Lambda's range of %2–%3 MB; it is imported "
                                    "as written, change it before running the function.")
                         .arg(memoryMb)
                         .arg(FunctionLimits::kMinMemoryMb)
                         .arg(FunctionLimits::kMaxMemoryMb));
}

void checkTimeout(int timeoutSeconds, const YamlNode& at, const QString& pointer,
                  ImportDiagnostics& diagnostics)
{
    if (timeoutSeconds >= FunctionLimits::kMinTimeoutSeconds &&
        timeoutSeconds <= FunctionLimits::kMaxTimeoutSeconds)
        return;
    diagnostics.warn(at, pointer,
                     QStringLiteral("%1 seconds is outside Lambda's range of %2–%3 seconds; it is "
                                    "imported as written, change it before running the "
                                    "function.")
                         .arg(timeoutSeconds)
                         .arg(FunctionLimits::kMinTimeoutSeconds)
                         .arg(FunctionLimits::kMaxTimeoutSeconds));
}

void checkArchitecture(const QString& architecture, const YamlNode& at, const QString& pointer,
                       ImportDiagnostics& diagnostics)
{
    if (architecture == u"x86_64" || architecture == u"arm64")
        return;
    diagnostics.warn(at, pointer,
                     QStringLiteral("\"%1\" is not a Lambda architecture (x86_64 or arm64); it is "
                                    "imported as written, change it before running the "
                                    "function.")
                         .arg(architecture));
}

std::optional<QString> importText(const ResolvedText& value, const YamlNode& node,
                                  const QString& pointer, bool isSource, const QString& document,
                                  ImportDiagnostics& diagnostics)
{
    switch (value.status) {
    case ResolvedText::Status::Literal:
    case ResolvedText::Status::Resolved:
        return value.text;
    case ResolvedText::Status::ResourceReference:
        if (!isSource)
            diagnostics.warn(node, pointer,
                             QStringLiteral("%1 names a resource of this %2, so its logical id "
                                            "\"%3\" is imported instead.")
                                 .arg(IntrinsicResolver::readable(node), document, value.text));
        return value.text;
    case ResolvedText::Status::Unresolved:
        diagnostics.warn(
            node, pointer,
            QStringLiteral("%1, so it is kept as written: %2.").arg(value.reason, value.text));
        return value.text;
    case ResolvedText::Status::NotText:
        diagnostics.error(node, pointer,
                          QStringLiteral("Expected text here, not %1.").arg(node.kindName()));
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<int> importNumber(const ResolvedText& value, const QString& unresolvedReason,
                                const YamlNode& node, const QString& pointer, int fallback,
                                const QString& unit, ImportDiagnostics& diagnostics)
{
    if (!unresolvedReason.isEmpty()) {
        diagnostics.warn(
            node, pointer,
            fallback < 0 ? QStringLiteral("%1, so the value is not imported.").arg(unresolvedReason)
                         : QStringLiteral("%1, so the default %2 %3 is used.")
                               .arg(unresolvedReason)
                               .arg(fallback)
                               .arg(unit));
        return fallback;
    }
    const auto n = value.isText() ? wholeNumber(value.text) : std::nullopt;
    if (!n || *n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max()) {
        diagnostics.error(node, pointer,
                          QStringLiteral("Expected a whole number of %1 here, not \"%2\".")
                              .arg(unit, value.text));
        return std::nullopt;
    }
    return int(*n);
}

std::optional<QString> importDestination(const QString& kind, const ResolvedText& value,
                                         const std::function<QString(const QString&)>& functionName,
                                         const YamlNode& node, const QString& pointer,
                                         ImportDiagnostics& diagnostics)
{
    const QString k = kind.trimmed().toLower();
    const bool queue = k == u"sqs";
    const bool function = k.isEmpty() || k == u"lambda" || k == u"function";
    if (!queue && !function) {
        const bool known = k == u"sns" || k == u"eventbridge" || k == u"eventbus" ||
                           k == u"s3bucket" || k == u"s3";
        diagnostics.warn(node, pointer,
                         known ? QStringLiteral("This %1 destination is not imported; the local "
                                                "platform sends asynchronous results to "
                                                "functions and SQS queues only.")
                                     .arg(kind.trimmed())
                               : QStringLiteral("This destination's type \"%1\" is not "
                                                "imported; use Lambda (function) or SQS.")
                                     .arg(kind.trimmed()));
        return std::nullopt;
    }
    QString destination;
    switch (value.status) {
    case ResolvedText::Status::NotText:
        diagnostics.error(node, pointer,
                          QStringLiteral("Expected a destination here (a function, a queue or "
                                         "an ARN), not %1.")
                              .arg(node.kindName()));
        return std::nullopt;
    case ResolvedText::Status::Unresolved:
        diagnostics.warn(node, pointer,
                         QStringLiteral("%1, so this destination is not imported; set the "
                                        "function's destinations after import.")
                             .arg(value.reason));
        return std::nullopt;
    case ResolvedText::Status::ResourceReference:
        if (queue) {
            destination = QStringLiteral("queue:") + value.text;
        } else if (const QString name = functionName(value.text); !name.isEmpty()) {
            destination = QStringLiteral("function:") + name;
        } else {
            diagnostics.warn(node, pointer,
                             QStringLiteral("\"%1\" is not a function of this file, so this "
                                            "destination is not imported.")
                                 .arg(value.text));
            return std::nullopt;
        }
        break;
    case ResolvedText::Status::Literal:
    case ResolvedText::Status::Resolved: {
        const QString text = value.text.trimmed();
        if (text.isEmpty() || text.contains(QStringLiteral("${"))) {
            diagnostics.warn(node, pointer,
                             text.isEmpty()
                                 ? QStringLiteral("The destination is empty, so it is not "
                                                  "imported.")
                                 : QStringLiteral("%1 is not resolved, so this destination is "
                                                  "not imported.")
                                       .arg(text));
            return std::nullopt;
        }
        if (text.startsWith(QLatin1String("arn:")))
            destination = text;
        else if (queue)
            destination = QStringLiteral("queue:") + sqsQueueName(text);
        else
            destination = QStringLiteral("function:") + text;
        break;
    }
    }
    if (const auto parsed = DestinationTarget::parse(destination); !parsed) {
        diagnostics.warn(
            node, pointer,
            QStringLiteral("%1 This destination is not imported.").arg(parsed.error().message));
        return std::nullopt;
    }
    return destination;
}

std::optional<int> checkRetryAttempts(std::optional<int> attempts, const YamlNode& at,
                                      const QString& pointer, ImportDiagnostics& diagnostics)
{
    if (attempts == kNumberNotImported)
        return std::nullopt;
    if (attempts && (*attempts < 0 || *attempts > 2)) {
        diagnostics.error(at, pointer,
                          QStringLiteral("The retry attempts must be 0, 1 or 2 (Lambda's "
                                         "limits), not %1.")
                              .arg(*attempts));
        return std::nullopt;
    }
    return attempts;
}

void readQueueResource(const YamlNode& queue, const QString& pointer,
                       const IntrinsicResolver& intrinsics, TriggerSpec& trigger,
                       ImportDiagnostics& diagnostics)
{
    const YamlNode* properties = queue.value(QStringLiteral("Properties"));
    if (!properties || !properties->isMap())
        return;
    const QString propertiesPointer = jsonPointerAppend(pointer, QStringLiteral("Properties"));
    // A whole number within Lambda's and SQS's limits, or nothing (with a warning).
    const auto whole = [&](const YamlNode& node, const QString& at, qint64 low, qint64 high,
                           const QString& what) -> std::optional<int> {
        const ResolvedText value = intrinsics.resolve(node);
        if (!value.isText()) {
            diagnostics.warn(node, at,
                             QStringLiteral("%1 is not known before deploying, so the local "
                                            "queue uses the default.")
                                 .arg(what));
            return std::nullopt;
        }
        const auto n = wholeNumber(value.text);
        if (!n || *n < low || *n > high) {
            diagnostics.error(node, at,
                              QStringLiteral("%1 must be a whole number from %2 to %3, not \"%4\".")
                                  .arg(what)
                                  .arg(low)
                                  .arg(high)
                                  .arg(value.text));
            return std::nullopt;
        }
        return int(*n);
    };
    if (const YamlNode* visibility = properties->value(QStringLiteral("VisibilityTimeout")))
        if (const auto seconds =
                whole(*visibility,
                      jsonPointerAppend(propertiesPointer, QStringLiteral("VisibilityTimeout")), 0,
                      43200, QStringLiteral("VisibilityTimeout")))
            trigger.visibilityTimeoutSeconds = *seconds;

    const YamlNode* redrive = properties->value(QStringLiteral("RedrivePolicy"));
    if (!redrive)
        return;
    const QString redrivePointer =
        jsonPointerAppend(propertiesPointer, QStringLiteral("RedrivePolicy"));
    if (!redrive->isMap()) {
        diagnostics.warn(*redrive, redrivePointer,
                         QStringLiteral("RedrivePolicy is not imported unless it is a mapping with "
                                        "deadLetterTargetArn and maxReceiveCount; set the "
                                        "trigger's deadLetterQueue after import."));
        return;
    }
    const YamlNode* target = redrive->value(QStringLiteral("deadLetterTargetArn"));
    const YamlNode* count = redrive->value(QStringLiteral("maxReceiveCount"));
    if (!target || !count) {
        diagnostics.error(*redrive, redrivePointer,
                          QStringLiteral("RedrivePolicy needs deadLetterTargetArn and "
                                         "maxReceiveCount."));
        return;
    }
    const QString targetPointer =
        jsonPointerAppend(redrivePointer, QStringLiteral("deadLetterTargetArn"));
    const ResolvedText resolved = intrinsics.resolve(*target);
    QString deadLetter;
    if (resolved.status == ResolvedText::Status::ResourceReference)
        deadLetter = resolved.text; // the dead-letter queue's logical id, as triggers name queues
    else if (resolved.isText() && resolved.text.startsWith(QLatin1String("arn:aws:sqs:")))
        deadLetter = sqsQueueName(resolved.text);
    else
        diagnostics.warn(*target, targetPointer,
                         resolved.status == ResolvedText::Status::Unresolved
                             ? QStringLiteral("%1, so the dead-letter queue is not imported.")
                                   .arg(resolved.reason)
                             : QStringLiteral("deadLetterTargetArn must name an SQS queue, so the "
                                              "dead-letter queue is not imported."));
    const auto receives =
        whole(*count, jsonPointerAppend(redrivePointer, QStringLiteral("maxReceiveCount")), 1, 1000,
              QStringLiteral("maxReceiveCount"));
    if (!deadLetter.isEmpty() && receives) {
        trigger.deadLetterQueue = deadLetter;
        trigger.maxReceiveCount = *receives;
    }
}

} // namespace swb::importrules
