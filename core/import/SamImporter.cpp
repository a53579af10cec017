#include "SamImporter.h"

#include "ImportRules.h"

#include <QDir>
#include <QFileInfo>

#include <limits>

namespace swb {

namespace {

using namespace importrules;

const QString kGlobalsPointer = QStringLiteral("/Globals/Function");

// Function properties the importer reads; the others get a "not imported" warning.
const QStringList& importedFunctionProperties()
{
    static const QStringList keys = {
        QStringLiteral("Runtime"),
        QStringLiteral("Handler"),
        QStringLiteral("CodeUri"),
        QStringLiteral("MemorySize"),
        QStringLiteral("Timeout"),
        QStringLiteral("Architectures"),
        QStringLiteral("Environment"),
        QStringLiteral("ReservedConcurrentExecutions"),
        QStringLiteral("ProvisionedConcurrencyConfig"),
        QStringLiteral("EventInvokeConfig"),
        QStringLiteral("Description"),
    };
    return keys;
}

// Top-level sections the importer uses to resolve values or tell the format.
const QStringList& usedSections()
{
    static const QStringList keys = {
        QStringLiteral("AWSTemplateFormatVersion"),
        QStringLiteral("Transform"),
        QStringLiteral("Parameters"),
        QStringLiteral("Mappings"),
        QStringLiteral("Conditions"),
        QStringLiteral("Globals"),
        QStringLiteral("Resources"),
    };
    return keys;
}

QString notImported(const QString& key)
{
    return notImportedMessage(key);
}

QString resourceNotImported(const QString& type)
{
    if (type == u"AWS::Serverless::LayerVersion" || type == u"AWS::Lambda::LayerVersion")
        return QStringLiteral("This %1 is not imported; the local runner does not load layers.")
            .arg(type);
    if (type == u"AWS::Serverless::Api" || type == u"AWS::Serverless::HttpApi")
        return QStringLiteral("This %1 is not imported apart from its Auth authorizers; the "
                              "local gateway serves the routes declared in the functions' "
                              "Events.")
            .arg(type);
    if (type == u"AWS::SQS::Queue")
        return QStringLiteral("This AWS::SQS::Queue is not imported as such; swb serve makes a "
                              "local queue named by its logical id for the triggers and "
                              "destinations that use it, with its VisibilityTimeout and "
                              "RedrivePolicy.");
    if (type == u"AWS::Lambda::Function")
        return QStringLiteral("This AWS::Lambda::Function is not imported; declare it as an "
                              "AWS::Serverless::Function or add it in the workbench.");
    return QStringLiteral("This %1 is not imported; the workbench imports functions only.")
        .arg(type);
}

} // namespace

SamImporter::SamImporter(const QString& templatePath, const QString& workspaceFolder)
    : m_diagnostics(templatePath), m_templateFolder(QFileInfo(templatePath).absolutePath()),
      m_workspaceFolder(workspaceFolder)
{}

Result<ImportResult> SamImporter::import(const YamlNode& root)
{
    if (!root.isMap()) {
        m_diagnostics.error(root, QString(),
                            QStringLiteral("The template is %1; it must be a mapping with a "
                                           "Resources section.")
                                .arg(root.kindName()));
        return std::unexpected(m_diagnostics.validationError());
    }
    const auto section = [&](const QString& key) -> YamlNode {
        const YamlNode* node = root.value(key);
        if (!node || node->isNull())
            return {};
        if (!node->isMap()) {
            m_diagnostics.error(
                *node, jsonPointerAppend(QString(), key),
                QStringLiteral("%1 must be a mapping, not %2.").arg(key, node->kindName()));
            return {};
        }
        return *node;
    };
    const YamlNode parameters = section(QStringLiteral("Parameters"));
    const YamlNode mappings = section(QStringLiteral("Mappings"));
    const YamlNode resources = section(QStringLiteral("Resources"));
    const YamlNode globals = section(QStringLiteral("Globals"));
    if (!root.value(QStringLiteral("Resources")))
        m_diagnostics.errorAt(1, 1, QStringLiteral("/Resources"),
                              QStringLiteral("The template has no Resources; declare the "
                                             "functions under Resources."));
    m_intrinsics = IntrinsicResolver(parameters, mappings, resources.keys);

    for (qsizetype i = 0; i < root.keys.size(); ++i) {
        const QString& key = root.keys.at(i);
        if (usedSections().contains(key))
            continue;
        const QString message =
            key == u"Outputs"
                ? QStringLiteral("Outputs are not imported; they describe a deployed stack.")
            : key == u"Description"
                ? QStringLiteral("The template's Description is not imported; a workspace has "
                                 "no description.")
                : notImported(key);
        m_diagnostics.warn(root.items[size_t(i)], jsonPointerAppend(QString(), key), message);
    }
    readGlobals(globals);
    m_resources = resources;
    // APIs first: their authorizers must be known when the functions' events name them.
    for (qsizetype i = 0; i < resources.keys.size(); ++i) {
        const YamlNode& resource = resources.items[size_t(i)];
        const YamlNode* type = resource.isMap() ? resource.value(QStringLiteral("Type")) : nullptr;
        if (type &&
            (type->text == u"AWS::Serverless::Api" || type->text == u"AWS::Serverless::HttpApi"))
            readApiAuth(resources.keys.at(i), resource,
                        jsonPointerAppend(QStringLiteral("/Resources"), resources.keys.at(i)));
    }
    for (qsizetype i = 0; i < resources.keys.size(); ++i) {
        const QString& id = resources.keys.at(i);
        importResource(id, resources.items[size_t(i)],
                       jsonPointerAppend(QStringLiteral("/Resources"), id));
    }
    if (m_diagnostics.hasErrors())
        return std::unexpected(m_diagnostics.validationError());

    ImportResult result;
    result.workspace.folder = m_workspaceFolder;
    result.workspace.name = QFileInfo(m_templateFolder).fileName();
    result.workspace.functions = m_functions;
    result.workspace.authorizers = m_authorizers;
    result.warnings = m_diagnostics.warnings();
    return result;
}

void SamImporter::readGlobals(const YamlNode& globals)
{
    for (qsizetype i = 0; i < globals.keys.size(); ++i) {
        const QString& key = globals.keys.at(i);
        const YamlNode& node = globals.items[size_t(i)];
        const QString pointer = jsonPointerAppend(QStringLiteral("/Globals"), key);
        if (key != u"Function") {
            m_diagnostics.warn(node, pointer,
                               QStringLiteral("Globals.%1 is not imported; the workbench only "
                                              "applies Globals.Function.")
                                   .arg(key));
            continue;
        }
        if (node.isNull())
            continue;
        if (!node.isMap()) {
            m_diagnostics.error(
                node, pointer,
                QStringLiteral("Globals.Function must be a mapping, not %1.").arg(node.kindName()));
            continue;
        }
        m_globalFunction = node;
        for (qsizetype k = 0; k < node.keys.size(); ++k) {
            if (!importedFunctionProperties().contains(node.keys.at(k)))
                m_diagnostics.warn(node.items[size_t(k)],
                                   jsonPointerAppend(pointer, node.keys.at(k)),
                                   notImported(node.keys.at(k)));
        }
    }
}

void SamImporter::importResource(const QString& id, const YamlNode& resource,
                                 const QString& pointer)
{
    if (!resource.isMap()) {
        m_diagnostics.error(resource, pointer,
                            QStringLiteral("A resource must be a mapping with Type and "
                                           "Properties, not %1.")
                                .arg(resource.kindName()));
        return;
    }
    const YamlNode* type = resource.value(QStringLiteral("Type"));
    if (!type || !type->isScalar() || type->text.isEmpty()) {
        m_diagnostics.error(type ? *type : resource,
                            jsonPointerAppend(pointer, QStringLiteral("Type")),
                            QStringLiteral("The resource has no Type; add one such as "
                                           "AWS::Serverless::Function."));
        return;
    }
    if (type->text == u"AWS::Serverless::Function")
        importFunction(id, resource, pointer);
    else
        m_diagnostics.warn(resource, pointer, resourceNotImported(type->text));
}

std::optional<SamImporter::Setting>
SamImporter::setting(const YamlNode& properties, const QString& pointer, const QString& key) const
{
    if (const YamlNode* own = properties.value(key))
        return Setting{own, jsonPointerAppend(pointer, key)};
    if (const YamlNode* global = m_globalFunction.value(key))
        return Setting{global, jsonPointerAppend(kGlobalsPointer, key)};
    return std::nullopt;
}

void SamImporter::importFunction(const QString& id, const YamlNode& resource,
                                 const QString& pointer)
{
    const QString propertiesPointer = jsonPointerAppend(pointer, QStringLiteral("Properties"));
    YamlNode properties;
    if (const YamlNode* node = resource.value(QStringLiteral("Properties"))) {
        if (node->isMap()) {
            properties = *node;
        } else if (!node->isNull()) {
            m_diagnostics.error(
                *node, propertiesPointer,
                QStringLiteral("Properties must be a mapping, not %1.").arg(node->kindName()));
            return;
        }
    }
    if (const YamlNode* packageType = properties.value(QStringLiteral("PackageType"));
        packageType && packageType->text == u"Image") {
        m_diagnostics.warn(*packageType,
                           jsonPointerAppend(propertiesPointer, QStringLiteral("PackageType")),
                           QStringLiteral("This image-packaged function is not imported; the "
                                          "local runner runs zip-packaged code only."));
        return;
    }

    for (qsizetype i = 0; i < resource.keys.size(); ++i) {
        const QString& key = resource.keys.at(i);
        if (key == u"Type" || key == u"Properties")
            continue;
        const QString message =
            key == u"Condition"
                ? QStringLiteral("Condition is not imported; the function is imported whether "
                                 "or not the condition holds.")
                : QStringLiteral("%1 is not imported; it only matters when deploying.").arg(key);
        m_diagnostics.warn(resource.items[size_t(i)], jsonPointerAppend(pointer, key), message);
    }
    FunctionSpec function;
    function.name = id;
    if (const YamlNode* name = properties.value(QStringLiteral("FunctionName"))) {
        const QString namePointer =
            jsonPointerAppend(propertiesPointer, QStringLiteral("FunctionName"));
        if (name->isScalar() && name->tag.isEmpty() && !name->text.trimmed().isEmpty())
            function.name = name->text.trimmed();
        else
            m_diagnostics.warn(*name, namePointer,
                               QStringLiteral("FunctionName is not plain text, so the function "
                                              "is named by its logical id \"%1\".")
                                   .arg(id));
    }

    for (qsizetype i = 0; i < properties.keys.size(); ++i) {
        const QString& key = properties.keys.at(i);
        const YamlNode& node = properties.items[size_t(i)];
        const QString keyPointer = jsonPointerAppend(propertiesPointer, key);
        if (importedFunctionProperties().contains(key) || key == u"FunctionName" ||
            key == u"Events" || key == u"PackageType")
            continue;
        if (key == u"InlineCode")
            m_diagnostics.warn(node, keyPointer,
                               QStringLiteral("InlineCode is not imported; put the code in a file "
                                              "in the function's code folder."));
        else
            m_diagnostics.warn(node, keyPointer, notImported(key));
    }

    const auto required = [&](const QString& key) -> QString {
        const auto s = setting(properties, propertiesPointer, key);
        if (!s) {
            m_diagnostics.error(resource, jsonPointerAppend(propertiesPointer, key),
                                QStringLiteral("The function has no %1; add it to the function "
                                               "or to Globals.Function.")
                                    .arg(key));
            return {};
        }
        const auto value = text(*s->node, s->pointer);
        if (value && value->trimmed().isEmpty())
            m_diagnostics.error(*s->node, s->pointer,
                                QStringLiteral("%1 is empty; give the function one.").arg(key));
        return value.value_or(QString());
    };
    function.runtime = required(QStringLiteral("Runtime"));
    function.handler = required(QStringLiteral("Handler"));
    if (const auto s = setting(properties, propertiesPointer, QStringLiteral("Runtime"));
        s && !function.runtime.isEmpty() && !function.runtime.startsWith(QLatin1Char('!')))
        checkRuntime(function.runtime, *s->node, s->pointer, m_diagnostics);

    function.codeUri = codeFolder(m_templateFolder, QStringLiteral("."), m_workspaceFolder);
    if (const auto s = setting(properties, propertiesPointer, QStringLiteral("CodeUri"))) {
        const QString s3Message =
            QStringLiteral("CodeUri points at code in Amazon S3, which is not downloaded, so the "
                           "template's folder is used; copy the code there or change the "
                           "function's code folder.");
        if (s->node->isMap() && !IntrinsicResolver::isIntrinsic(*s->node)) {
            m_diagnostics.warn(*s->node, s->pointer, s3Message);
        } else {
            const ResolvedText value = m_intrinsics.resolve(*s->node);
            if (value.isText() && value.text.startsWith(QLatin1String("s3://")))
                m_diagnostics.warn(*s->node, s->pointer, s3Message);
            else if (value.isText() && !value.text.trimmed().isEmpty())
                function.codeUri =
                    codeFolder(m_templateFolder, value.text.trimmed(), m_workspaceFolder);
            else if (value.status == ResolvedText::Status::NotText)
                m_diagnostics.error(*s->node, s->pointer,
                                    QStringLiteral("CodeUri must be a folder path, not %1.")
                                        .arg(s->node->kindName()));
            else if (!value.isText())
                m_diagnostics.warn(*s->node, s->pointer,
                                   QStringLiteral("%1, so CodeUri is not imported and the "
                                                  "template's folder is used; set the function's "
                                                  "code folder after import.")
                                       .arg(value.status == ResolvedText::Status::Unresolved
                                                ? value.reason
                                                : QStringLiteral("CodeUri names a resource")));
            if (value.isText() && (value.text.endsWith(QLatin1String(".zip")) ||
                                   value.text.endsWith(QLatin1String(".jar"))))
                m_diagnostics.warn(*s->node, s->pointer,
                                   QStringLiteral("CodeUri names an archive; the workbench runs "
                                                  "code from a folder, so unpack it and point "
                                                  "the function at that folder."));
        }
    }

    if (const auto s = setting(properties, propertiesPointer, QStringLiteral("MemorySize"))) {
        if (const auto mb =
                number(*s->node, s->pointer,
                       globalNumber(QStringLiteral("MemorySize"), FunctionLimits::kDefaultMemoryMb),
                       QStringLiteral("MB"))) {
            function.memoryMb = *mb;
            checkMemory(*mb, *s->node, s->pointer, m_diagnostics);
        }
    }
    if (const auto s = setting(properties, propertiesPointer, QStringLiteral("Timeout"))) {
        if (const auto seconds = number(
                *s->node, s->pointer,
                globalNumber(QStringLiteral("Timeout"), FunctionLimits::kDefaultTimeoutSeconds),
                QStringLiteral("seconds"))) {
            function.timeoutSeconds = *seconds;
            checkTimeout(*seconds, *s->node, s->pointer, m_diagnostics);
        }
    }
    if (const auto s = setting(properties, propertiesPointer, QStringLiteral("Architectures"))) {
        const YamlNode* first = s->node;
        QString firstPointer = s->pointer;
        if (s->node->isSequence() && !IntrinsicResolver::isIntrinsic(*s->node)) {
            first = s->node->items.empty() ? nullptr : &s->node->items.front();
            firstPointer = jsonPointerAppend(s->pointer, 0);
            if (s->node->items.size() > 1)
                m_diagnostics.warn(*s->node, s->pointer,
                                   QStringLiteral("A Lambda function has one architecture, so "
                                                  "only the first is imported."));
        }
        if (first) {
            if (const auto arch = text(*first, firstPointer); arch && !arch->isEmpty()) {
                function.architecture = arch->trimmed();
                if (!function.architecture.startsWith(QLatin1Char('!')))
                    checkArchitecture(function.architecture, *first, firstPointer, m_diagnostics);
            }
        }
    }
    if (const YamlNode* global = m_globalFunction.value(QStringLiteral("Environment")))
        readEnvironment(*global, jsonPointerAppend(kGlobalsPointer, QStringLiteral("Environment")),
                        function.environment);
    if (const YamlNode* own = properties.value(QStringLiteral("Environment")))
        readEnvironment(*own, jsonPointerAppend(propertiesPointer, QStringLiteral("Environment")),
                        function.environment);
    if (const auto s = setting(properties, propertiesPointer,
                               QStringLiteral("ReservedConcurrentExecutions"))) {
        if (!s->node->isNull()) {
            if (const auto n = number(*s->node, s->pointer, -1, QStringLiteral("instances"));
                n && *n >= 0)
                function.reservedConcurrency = *n;
        }
    }
    if (const auto s = setting(properties, propertiesPointer,
                               QStringLiteral("ProvisionedConcurrencyConfig"))) {
        const YamlNode* count = s->node->value(QStringLiteral("ProvisionedConcurrentExecutions"));
        if (!s->node->isMap() && !s->node->isNull())
            m_diagnostics.error(*s->node, s->pointer,
                                QStringLiteral("ProvisionedConcurrencyConfig must be a mapping "
                                               "with ProvisionedConcurrentExecutions, not %1.")
                                    .arg(s->node->kindName()));
        else if (count)
            function.provisionedConcurrency =
                number(*count,
                       jsonPointerAppend(s->pointer,
                                         QStringLiteral("ProvisionedConcurrentExecutions")),
                       0, QStringLiteral("instances"))
                    .value_or(0);
    }
    if (const auto s = setting(properties, propertiesPointer, QStringLiteral("Description")))
        function.description = text(*s->node, s->pointer).value_or(QString());
    if (const auto s = setting(properties, propertiesPointer, QStringLiteral("EventInvokeConfig")))
        readEventInvokeConfig(function, *s->node, s->pointer);

    if (const YamlNode* events = properties.value(QStringLiteral("Events"))) {
        const QString eventsPointer =
            jsonPointerAppend(propertiesPointer, QStringLiteral("Events"));
        if (events->isMap()) {
            for (qsizetype i = 0; i < events->keys.size(); ++i)
                importEvent(function, events->items[size_t(i)],
                            jsonPointerAppend(eventsPointer, events->keys.at(i)));
        } else if (!events->isNull()) {
            m_diagnostics.error(*events, eventsPointer,
                                QStringLiteral("Events must be a mapping of event names to "
                                               "events, not %1.")
                                    .arg(events->kindName()));
        }
    }

    for (const FunctionSpec& other : std::as_const(m_functions)) {
        if (other.name == function.name) {
            m_diagnostics.error(resource, pointer,
                                QStringLiteral("Another function is already named \"%1\"; give "
                                               "each function its own FunctionName.")
                                    .arg(function.name));
            return;
        }
    }
    m_functions.append(function);
}

void SamImporter::readEventInvokeConfig(FunctionSpec& function, const YamlNode& node,
                                        const QString& pointer)
{
    if (node.isNull())
        return;
    if (!node.isMap()) {
        m_diagnostics.error(node, pointer,
                            QStringLiteral("EventInvokeConfig must be a mapping with "
                                           "MaximumRetryAttempts or DestinationConfig, not %1.")
                                .arg(node.kindName()));
        return;
    }
    for (qsizetype i = 0; i < node.keys.size(); ++i) {
        const QString& key = node.keys.at(i);
        const YamlNode& value = node.items[size_t(i)];
        const QString keyPointer = jsonPointerAppend(pointer, key);
        if (key == u"MaximumRetryAttempts") {
            function.maximumRetryAttempts = checkRetryAttempts(
                number(value, keyPointer, kNumberNotImported, QStringLiteral("attempts")), value,
                keyPointer, m_diagnostics);
        } else if (key == u"DestinationConfig" && value.isMap()) {
            for (qsizetype d = 0; d < value.keys.size(); ++d) {
                const QString& when = value.keys.at(d);
                const YamlNode& target = value.items[size_t(d)];
                const QString targetPointer = jsonPointerAppend(keyPointer, when);
                if (when != u"OnSuccess" && when != u"OnFailure") {
                    m_diagnostics.warn(target, targetPointer, notImported(when));
                    continue;
                }
                const YamlNode* type = target.value(QStringLiteral("Type"));
                const YamlNode* destination = target.value(QStringLiteral("Destination"));
                if (!target.isMap() || !type) {
                    m_diagnostics.error(target, targetPointer,
                                        QStringLiteral("%1 needs a Type (Lambda or SQS) and a "
                                                       "Destination.")
                                            .arg(when));
                    continue;
                }
                const auto kind =
                    text(*type, jsonPointerAppend(targetPointer, QStringLiteral("Type")));
                if (!kind)
                    continue;
                if (!destination) {
                    m_diagnostics.warn(target, targetPointer,
                                       QStringLiteral("%1 has no Destination, so SAM would create "
                                                      "its %2 at deploy; it is not imported. "
                                                      "Name the resource in Destination to "
                                                      "import it.")
                                           .arg(when, *kind));
                    continue;
                }
                const auto imported = importDestination(
                    *kind, m_intrinsics.resolve(*destination),
                    [this](const QString& id) { return functionNameOf(id); }, *destination,
                    jsonPointerAppend(targetPointer, QStringLiteral("Destination")), m_diagnostics);
                if (imported)
                    (when == u"OnSuccess" ? function.destinations.onSuccess
                                          : function.destinations.onFailure) = *imported;
            }
        } else if (key == u"DestinationConfig") {
            m_diagnostics.error(value, keyPointer,
                                QStringLiteral("DestinationConfig must be a mapping with "
                                               "OnSuccess or OnFailure, not %1.")
                                    .arg(value.kindName()));
        } else {
            m_diagnostics.warn(value, keyPointer, notImported(key));
        }
    }
}

int SamImporter::globalNumber(const QString& key, int lambdaDefault) const
{
    const YamlNode* global = m_globalFunction.value(key);
    if (!global)
        return lambdaDefault;
    const ResolvedText value = m_intrinsics.resolve(*global);
    const auto n = value.isText() ? wholeNumber(value.text) : std::nullopt;
    return n && *n >= 0 && *n <= std::numeric_limits<int>::max() ? int(*n) : lambdaDefault;
}

void SamImporter::readEnvironment(const YamlNode& node, const QString& pointer,
                                  QMap<QString, QString>& environment)
{
    if (node.isNull())
        return;
    if (!node.isMap()) {
        m_diagnostics.error(node, pointer,
                            QStringLiteral("Environment must be a mapping with Variables, not %1.")
                                .arg(node.kindName()));
        return;
    }
    for (qsizetype i = 0; i < node.keys.size(); ++i) {
        const QString& key = node.keys.at(i);
        const YamlNode& value = node.items[size_t(i)];
        const QString keyPointer = jsonPointerAppend(pointer, key);
        if (key != u"Variables") {
            m_diagnostics.warn(value, keyPointer, notImported(key));
            continue;
        }
        if (value.isNull())
            continue;
        if (!value.isMap()) {
            m_diagnostics.error(value, keyPointer,
                                QStringLiteral("Variables must be a mapping of names to values, "
                                               "not %1.")
                                    .arg(value.kindName()));
            continue;
        }
        for (qsizetype v = 0; v < value.keys.size(); ++v) {
            const QString& name = value.keys.at(v);
            const YamlNode& variable = value.items[size_t(v)];
            const QString variablePointer = jsonPointerAppend(keyPointer, name);
            const ResolvedText resolved = m_intrinsics.resolve(variable);
            if (resolved.status == ResolvedText::Status::ResourceReference) {
                m_diagnostics.warn(variable, variablePointer,
                                   QStringLiteral("%1 names a resource of this template, so the "
                                                  "variable holds its logical id \"%2\"; change "
                                                  "it to the deployed resource's name to reach "
                                                  "it.")
                                       .arg(IntrinsicResolver::readable(variable), resolved.text));
                environment.insert(name, resolved.text);
                continue;
            }
            if (const auto t = text(variable, variablePointer))
                environment.insert(name, *t);
        }
    }
}

void SamImporter::importEvent(FunctionSpec& function, const YamlNode& event, const QString& pointer)
{
    if (!event.isMap()) {
        m_diagnostics.error(event, pointer,
                            QStringLiteral("An event must be a mapping with Type and Properties, "
                                           "not %1.")
                                .arg(event.kindName()));
        return;
    }
    const YamlNode* typeNode = event.value(QStringLiteral("Type"));
    if (!typeNode || !typeNode->isScalar() || typeNode->text.isEmpty()) {
        m_diagnostics.error(typeNode ? *typeNode : event,
                            jsonPointerAppend(pointer, QStringLiteral("Type")),
                            QStringLiteral("The event has no Type; add one such as Api or "
                                           "Schedule."));
        return;
    }
    const QString type = typeNode->text;
    const QString propertiesPointer = jsonPointerAppend(pointer, QStringLiteral("Properties"));
    YamlNode properties;
    if (const YamlNode* node = event.value(QStringLiteral("Properties"))) {
        if (node->isMap()) {
            properties = *node;
        } else if (!node->isNull()) {
            m_diagnostics.error(
                *node, propertiesPointer,
                QStringLiteral("Properties must be a mapping, not %1.").arg(node->kindName()));
            return;
        }
    }
    for (qsizetype i = 0; i < event.keys.size(); ++i) {
        if (event.keys.at(i) != u"Type" && event.keys.at(i) != u"Properties")
            m_diagnostics.warn(event.items[size_t(i)], jsonPointerAppend(pointer, event.keys.at(i)),
                               notImported(event.keys.at(i)));
    }

    QSet<QString> used;
    const auto optional = [&](const QString& key) -> const YamlNode* {
        used.insert(key);
        return properties.value(key);
    };
    const auto keyPointer = [&](const QString& key) {
        return jsonPointerAppend(propertiesPointer, key);
    };
    const auto required = [&](const QString& key) -> const YamlNode* {
        const YamlNode* node = optional(key);
        if (!node || node->isNull())
            m_diagnostics.error(node ? *node : event, keyPointer(key),
                                QStringLiteral("The %1 event has no %2; add it.").arg(type, key));
        return node && !node->isNull() ? node : nullptr;
    };
    const auto requiredText = [&](const QString& key,
                                  bool source = false) -> std::optional<QString> {
        const YamlNode* node = required(key);
        return node ? text(*node, keyPointer(key), source) : std::nullopt;
    };
    const auto readEnabled = [&](TriggerSpec& trigger) {
        if (const YamlNode* enabled = optional(QStringLiteral("Enabled")))
            trigger.enabled =
                flag(*enabled, keyPointer(QStringLiteral("Enabled")), true).value_or(true);
        if (const YamlNode* state = optional(QStringLiteral("State"))) {
            const auto value = text(*state, keyPointer(QStringLiteral("State")));
            if (value && value->compare(QLatin1String("DISABLED"), Qt::CaseInsensitive) == 0)
                trigger.enabled = false;
        }
    };
    const auto readBatchSize = [&](TriggerSpec& trigger) {
        if (const YamlNode* size = optional(QStringLiteral("BatchSize")))
            trigger.batchSize =
                number(*size, keyPointer(QStringLiteral("BatchSize")), 0, QStringLiteral("records"))
                    .value_or(0);
    };

    TriggerSpec trigger;
    bool ok = true;
    if (type == u"Api" || type == u"HttpApi") {
        trigger.type = TriggerType::Http;
        trigger.api = type == u"Api" ? QStringLiteral("rest") : QStringLiteral("http");
        const QString apiKey =
            type == u"Api" ? QStringLiteral("RestApiId") : QStringLiteral("ApiId");
        QString apiId;
        if (const YamlNode* api = optional(apiKey)) {
            const ResolvedText resolved = m_intrinsics.resolve(*api);
            if (resolved.status == ResolvedText::Status::ResourceReference)
                apiId = resolved.text;
        }
        applyRouteAuth(trigger, apiId, optional(QStringLiteral("Auth")),
                       keyPointer(QStringLiteral("Auth")), event, pointer);
        if (type == u"Api") {
            const auto path = requiredText(QStringLiteral("Path"));
            const auto method = requiredText(QStringLiteral("Method"));
            ok = path && method;
            trigger.path = path.value_or(QString());
            trigger.method = method.value_or(QString()).toUpper();
        } else {
            // Without Path and Method an HttpApi event is the API's $default route: every
            // request no other route matches.
            const YamlNode* path = optional(QStringLiteral("Path"));
            const YamlNode* method = optional(QStringLiteral("Method"));
            trigger.path = path
                               ? text(*path, keyPointer(QStringLiteral("Path"))).value_or(QString())
                               : QStringLiteral("/{proxy+}");
            trigger.method = method ? text(*method, keyPointer(QStringLiteral("Method")))
                                          .value_or(QString())
                                          .toUpper()
                                    : QStringLiteral("ANY");
        }
    } else if (type == u"Schedule" || type == u"ScheduleV2") {
        trigger.type = TriggerType::Schedule;
        const auto expression =
            requiredText(type == u"Schedule" ? QStringLiteral("Schedule")
                                             : QStringLiteral("ScheduleExpression"));
        ok = expression.has_value();
        trigger.schedule = expression.value_or(QString());
        readEnabled(trigger);
    } else if (type == u"SQS") {
        trigger.type = TriggerType::Queue;
        const auto queue = requiredText(QStringLiteral("Queue"), true);
        ok = queue.has_value();
        trigger.source = queue.value_or(QString());
        readBatchSize(trigger);
        readEnabled(trigger);
        if (const YamlNode* window = optional(QStringLiteral("MaximumBatchingWindowInSeconds")))
            trigger.batchWindowSeconds =
                number(*window, keyPointer(QStringLiteral("MaximumBatchingWindowInSeconds")), 0,
                       QStringLiteral("seconds"))
                    .value_or(0);
        if (const YamlNode* types = optional(QStringLiteral("FunctionResponseTypes"))) {
            const QString typesPointer = keyPointer(QStringLiteral("FunctionResponseTypes"));
            for (size_t t = 0; types->isSequence() && t < types->items.size(); ++t)
                trigger.reportBatchItemFailures =
                    trigger.reportBatchItemFailures ||
                    text(types->items[t], jsonPointerAppend(typesPointer, qsizetype(t))) ==
                        QStringLiteral("ReportBatchItemFailures");
        }
        // The queue's own settings, when the template declares it.
        if (const YamlNode* resource = m_resources.value(trigger.source);
            resource && resource->value(QStringLiteral("Type")) &&
            resource->value(QStringLiteral("Type"))->text == u"AWS::SQS::Queue")
            readQueueResource(*resource,
                              jsonPointerAppend(QStringLiteral("/Resources"), trigger.source),
                              m_intrinsics, trigger, m_diagnostics);
    } else if (type == u"SNS") {
        trigger.type = TriggerType::Topic;
        const auto topic = requiredText(QStringLiteral("Topic"), true);
        ok = topic.has_value();
        trigger.source = topic.value_or(QString());
    } else if (type == u"S3") {
        trigger.type = TriggerType::Storage;
        const auto bucket = requiredText(QStringLiteral("Bucket"), true);
        ok = bucket.has_value();
        trigger.source = bucket.value_or(QString());
        if (const YamlNode* events = required(QStringLiteral("Events"))) {
            const QString eventsPointer = keyPointer(QStringLiteral("Events"));
            if (events->isSequence()) {
                for (size_t i = 0; i < events->items.size(); ++i) {
                    if (const auto e =
                            text(events->items[i], jsonPointerAppend(eventsPointer, qsizetype(i))))
                        trigger.events << *e;
                }
            } else if (const auto e = text(*events, eventsPointer)) {
                trigger.events << *e;
            }
        } else {
            ok = false;
        }
    } else if (type == u"DynamoDB" || type == u"Kinesis") {
        trigger.type = TriggerType::Stream;
        trigger.streamKind =
            type == u"DynamoDB" ? QStringLiteral("dynamodb") : QStringLiteral("kinesis");
        const auto stream = requiredText(QStringLiteral("Stream"), true);
        ok = stream.has_value();
        trigger.source = stream.value_or(QString());
        if (const YamlNode* position = optional(QStringLiteral("StartingPosition")))
            trigger.startingPosition =
                text(*position, keyPointer(QStringLiteral("StartingPosition"))).value_or(QString());
        readBatchSize(trigger);
        readEnabled(trigger);
    } else {
        m_diagnostics.warn(event, pointer,
                           QStringLiteral("%1 events are not imported; the workbench has no %1 "
                                          "trigger, so invoke the function with a saved event "
                                          "instead.")
                               .arg(type));
        return;
    }
    for (qsizetype i = 0; i < properties.keys.size(); ++i) {
        if (!used.contains(properties.keys.at(i)))
            m_diagnostics.warn(properties.items[size_t(i)], keyPointer(properties.keys.at(i)),
                               notImported(properties.keys.at(i)));
    }
    if (ok)
        function.triggers.append(trigger);
}

QString SamImporter::functionNameOf(const QString& logicalId) const
{
    const YamlNode* resource = m_resources.value(logicalId);
    const YamlNode* type = resource ? resource->value(QStringLiteral("Type")) : nullptr;
    if (!type || type->text != u"AWS::Serverless::Function")
        return {};
    const YamlNode* properties = resource->value(QStringLiteral("Properties"));
    const YamlNode* name = properties ? properties->value(QStringLiteral("FunctionName")) : nullptr;
    if (name && name->isScalar() && name->tag.isEmpty() && !name->text.trimmed().isEmpty())
        return name->text.trimmed();
    return logicalId;
}

void SamImporter::readApiAuth(const QString& id, const YamlNode& resource, const QString& pointer)
{
    const bool rest = resource.value(QStringLiteral("Type"))->text == u"AWS::Serverless::Api";
    const YamlNode* properties = resource.value(QStringLiteral("Properties"));
    const YamlNode* auth = properties ? properties->value(QStringLiteral("Auth")) : nullptr;
    if (!auth || !auth->isMap())
        return;
    const QString authPointer = jsonPointerAppend(
        jsonPointerAppend(pointer, QStringLiteral("Properties")), QStringLiteral("Auth"));
    ApiAuth api;
    for (qsizetype i = 0; i < auth->keys.size(); ++i) {
        const QString& key = auth->keys.at(i);
        const YamlNode& node = auth->items[size_t(i)];
        const QString keyPointer = jsonPointerAppend(authPointer, key);
        if (key == u"DefaultAuthorizer") {
            api.defaultAuthorizer = text(node, keyPointer).value_or(QString());
        } else if (key == u"Authorizers" && node.isMap()) {
            for (qsizetype a = 0; a < node.keys.size(); ++a) {
                const QString& name = node.keys.at(a);
                auto spec = readAuthorizer(name, node.items[size_t(a)],
                                           jsonPointerAppend(keyPointer, name), rest);
                if (!spec)
                    continue;
                // Authorizer names are per API in the template, per workspace here.
                if (std::any_of(
                        m_authorizers.cbegin(), m_authorizers.cend(),
                        [&](const AuthorizerSpec& known) { return known.name == spec->name; }))
                    spec->name = id + QLatin1Char('-') + name;
                api.names.insert(name, spec->name);
                if (const YamlNode* scopes =
                        node.items[size_t(a)].value(QStringLiteral("AuthorizationScopes"));
                    scopes && scopes->isSequence()) {
                    for (size_t k = 0; k < scopes->items.size(); ++k)
                        api.defaultScopes[name] << scopes->items[k].text;
                }
                m_authorizers.append(*spec);
            }
        } else {
            m_diagnostics.warn(node, keyPointer,
                               QStringLiteral("Auth.%1 is not imported; the local gateway runs "
                                              "only the API's Authorizers.")
                                   .arg(key));
        }
    }
    m_apiAuth.insert(id, api);
}

std::optional<AuthorizerSpec> SamImporter::readAuthorizer(const QString& name, const YamlNode& node,
                                                          const QString& pointer, bool rest)
{
    if (!node.isMap()) {
        m_diagnostics.error(
            node, pointer,
            QStringLiteral("An authorizer must be a mapping, not %1.").arg(node.kindName()));
        return std::nullopt;
    }
    AuthorizerSpec spec;
    spec.name = name;
    const auto at = [&](const QString& key) { return jsonPointerAppend(pointer, key); };
    const auto textOf = [&](const QString& key) -> QString {
        const YamlNode* value = node.value(key);
        return value ? text(*value, at(key)).value_or(QString()).trimmed() : QString();
    };
    QStringList used;
    if (node.value(QStringLiteral("UserPoolArn"))) {
        m_diagnostics.warn(node, pointer,
                           QStringLiteral("The Cognito user pool authorizer \"%1\" is not "
                                          "imported: the local gateway has no Cognito; declare a "
                                          "jwt authorizer with the pool's issuer "
                                          "(https://cognito-idp.REGION.amazonaws.com/POOL_ID) "
                                          "instead.")
                               .arg(name));
        return std::nullopt;
    }
    if (const YamlNode* jwt = node.value(QStringLiteral("JwtConfiguration"))) {
        used << QStringLiteral("JwtConfiguration") << QStringLiteral("IdentitySource")
             << QStringLiteral("AuthorizationScopes");
        spec.type = QStringLiteral("jwt");
        const QString jwtPointer = at(QStringLiteral("JwtConfiguration"));
        for (const char* key : {"issuer", "Issuer"}) {
            if (const YamlNode* issuer = jwt->value(QLatin1String(key)))
                spec.issuer = text(*issuer, jsonPointerAppend(jwtPointer, QLatin1String(key)))
                                  .value_or(QString());
        }
        for (const char* key : {"audience", "Audience"}) {
            const YamlNode* audience = jwt->value(QLatin1String(key));
            if (!audience)
                continue;
            const QString audiencePointer = jsonPointerAppend(jwtPointer, QLatin1String(key));
            if (audience->isSequence()) {
                for (size_t i = 0; i < audience->items.size(); ++i) {
                    if (const auto a = text(audience->items[i],
                                            jsonPointerAppend(audiencePointer, qsizetype(i))))
                        spec.audience << *a;
                }
            } else if (const auto a = text(*audience, audiencePointer)) {
                spec.audience << *a;
            }
        }
        const QString source = textOf(QStringLiteral("IdentitySource"));
        spec.identitySource = {
            source.isEmpty() ? QLatin1String(AuthorizerSpec::kDefaultIdentitySource) : source};
    } else if (const YamlNode* arn = node.value(QStringLiteral("FunctionArn"))) {
        used << QStringLiteral("FunctionArn") << QStringLiteral("Identity")
             << QStringLiteral("FunctionPayloadType") << QStringLiteral("FunctionInvokeRole")
             << QStringLiteral("AuthorizerPayloadFormatVersion")
             << QStringLiteral("EnableSimpleResponses")
             << QStringLiteral("EnableFunctionDefaultPermissions");
        if (rest && textOf(QStringLiteral("FunctionPayloadType")) != u"REQUEST") {
            m_diagnostics.warn(node, pointer,
                               QStringLiteral("The TOKEN authorizer \"%1\" is not imported: the "
                                              "local gateway runs REQUEST authorizers only; set "
                                              "FunctionPayloadType: REQUEST.")
                                   .arg(name));
            return std::nullopt;
        }
        const ResolvedText function = m_intrinsics.resolve(*arn);
        const QString functionName = function.status == ResolvedText::Status::ResourceReference
                                         ? functionNameOf(function.text)
                                         : QString();
        if (functionName.isEmpty()) {
            m_diagnostics.warn(*arn, at(QStringLiteral("FunctionArn")),
                               QStringLiteral("The authorizer \"%1\" is not imported: its "
                                              "FunctionArn does not name a function of this "
                                              "template (write !GetAtt Function.Arn).")
                                   .arg(name));
            return std::nullopt;
        }
        spec.type = QStringLiteral("request");
        spec.function = functionName;
        spec.payloadFormat = QStringLiteral("1.0");
        if (!rest) {
            const QString format = textOf(QStringLiteral("AuthorizerPayloadFormatVersion"));
            spec.payloadFormat =
                format == u"1.0" || format == u"1" ? QStringLiteral("1.0") : QStringLiteral("2.0");
            if (const YamlNode* simple = node.value(QStringLiteral("EnableSimpleResponses")))
                spec.simpleResponses =
                    flag(*simple, at(QStringLiteral("EnableSimpleResponses")), false)
                        .value_or(false);
        }
        if (const YamlNode* identity = node.value(QStringLiteral("Identity"));
            identity && identity->isMap()) {
            const QString identityPointer = at(QStringLiteral("Identity"));
            const QList<std::pair<const char*, const char*>> kinds = {
                {"Headers", "$request.header."},
                {"QueryStrings", "$request.querystring."},
                {"Context", "$context."},
                {"StageVariables", "$stageVariables."}};
            for (const auto& [key, prefix] : kinds) {
                const YamlNode* list = identity->value(QLatin1String(key));
                if (!list || !list->isSequence())
                    continue;
                for (size_t i = 0; i < list->items.size(); ++i) {
                    if (const auto value = text(
                            list->items[i], jsonPointerAppend(jsonPointerAppend(identityPointer,
                                                                                QLatin1String(key)),
                                                              qsizetype(i))))
                        spec.identitySource << QLatin1String(prefix) + *value;
                }
            }
            // SAM's default is 300 seconds of caching.
            spec.resultTtlSeconds = 300;
            if (const YamlNode* every = identity->value(QStringLiteral("ReauthorizeEvery")))
                spec.resultTtlSeconds =
                    number(*every,
                           jsonPointerAppend(identityPointer, QStringLiteral("ReauthorizeEvery")),
                           300, QStringLiteral("seconds"))
                        .value_or(300);
        } else if (rest) {
            // A REST REQUEST authorizer without Identity: SAM caches nothing.
            spec.resultTtlSeconds = 0;
        }
        if (spec.identitySource.isEmpty())
            spec.resultTtlSeconds = 0;
    } else {
        m_diagnostics.warn(node, pointer,
                           QStringLiteral("The authorizer \"%1\" is not imported: it has neither "
                                          "JwtConfiguration nor FunctionArn.")
                               .arg(name));
        return std::nullopt;
    }
    for (qsizetype i = 0; i < node.keys.size(); ++i) {
        if (!used.contains(node.keys.at(i)))
            m_diagnostics.warn(node.items[size_t(i)], at(node.keys.at(i)),
                               notImported(node.keys.at(i)));
    }
    return spec;
}

void SamImporter::applyRouteAuth(TriggerSpec& trigger, const QString& apiId, const YamlNode* auth,
                                 const QString& authPointer, const YamlNode& event,
                                 const QString& pointer)
{
    const ApiAuth api = m_apiAuth.value(apiId);
    QString name = api.defaultAuthorizer;
    std::optional<QStringList> scopes;
    if (auth && auth->isMap()) {
        for (qsizetype i = 0; i < auth->keys.size(); ++i) {
            const QString& key = auth->keys.at(i);
            const YamlNode& node = auth->items[size_t(i)];
            const QString keyPointer = jsonPointerAppend(authPointer, key);
            if (key == u"Authorizer") {
                name = text(node, keyPointer).value_or(QString());
            } else if (key == u"AuthorizationScopes" && node.isSequence()) {
                scopes = QStringList();
                for (size_t k = 0; k < node.items.size(); ++k) {
                    if (const auto scope =
                            text(node.items[k], jsonPointerAppend(keyPointer, qsizetype(k))))
                        *scopes << *scope;
                }
            } else {
                m_diagnostics.warn(node, keyPointer, notImported(key));
            }
        }
    }
    if (name.isEmpty() || name == u"NONE" || name == u"AWS_IAM")
        return;
    if (!api.names.contains(name)) {
        m_diagnostics.warn(
            auth ? *auth : event, auth ? authPointer : pointer,
            QStringLiteral("The route's authorizer \"%1\" is not among the "
                           "imported authorizers of %2, so the route is imported "
                           "without one.")
                .arg(name, apiId.isEmpty() ? QStringLiteral("the implicit API") : apiId));
        return;
    }
    trigger.authorizer = api.names.value(name);
    const bool jwt =
        std::any_of(m_authorizers.cbegin(), m_authorizers.cend(), [&](const AuthorizerSpec& a) {
            return a.name == trigger.authorizer && a.type == u"jwt";
        });
    if (jwt)
        trigger.scopes = scopes.value_or(api.defaultScopes.value(name));
}

std::optional<QString> SamImporter::text(const YamlNode& node, const QString& pointer,
                                         bool resourceIsSource)
{
    return importrules::importText(m_intrinsics.resolve(node), node, pointer, resourceIsSource,
                                   QStringLiteral("template"), m_diagnostics);
}

std::optional<int> SamImporter::number(const YamlNode& node, const QString& pointer, int fallback,
                                       const QString& unit)
{
    const ResolvedText value = m_intrinsics.resolve(node);
    QString reason;
    if (value.status == ResolvedText::Status::Unresolved)
        reason = value.reason;
    else if (value.status == ResolvedText::Status::ResourceReference)
        reason = QStringLiteral("%1 names a resource").arg(IntrinsicResolver::readable(node));
    return importrules::importNumber(value, reason, node, pointer, fallback, unit, m_diagnostics);
}

std::optional<bool> SamImporter::flag(const YamlNode& node, const QString& pointer, bool fallback)
{
    const ResolvedText value = m_intrinsics.resolve(node);
    if (value.status == ResolvedText::Status::Unresolved) {
        m_diagnostics.warn(
            node, pointer,
            QStringLiteral("%1, so the default %2 is used.")
                .arg(value.reason, fallback ? QStringLiteral("true") : QStringLiteral("false")));
        return fallback;
    }
    const auto b = value.isText() ? boolean(value.text) : std::nullopt;
    if (!b) {
        m_diagnostics.error(
            node, pointer,
            QStringLiteral("Expected true or false here, not \"%1\".").arg(value.text));
        return std::nullopt;
    }
    return b;
}

} // namespace swb
