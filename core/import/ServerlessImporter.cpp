#include "ServerlessImporter.h"

#include "ImportRules.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <limits>

namespace swb {

namespace {

using namespace importrules;

// The Framework's own defaults for AWS (serverless.com docs: "memorySize: optional, in MB,
// default is 1024", "timeout: optional, in seconds, default is 6").
constexpr int kFrameworkMemoryMb = 1024;
constexpr int kFrameworkTimeoutSeconds = 6;

// Keys that only steer the Framework's own tooling.
const QStringList& toolingKeys()
{
    static const QStringList keys = {
        QStringLiteral("frameworkVersion"),        QStringLiteral("configValidationMode"),
        QStringLiteral("variablesResolutionMode"), QStringLiteral("deprecationNotificationMode"),
        QStringLiteral("disabledDeprecations"),
    };
    return keys;
}

QString notImported(const QString& key)
{
    return notImportedMessage(key);
}

QString packageMessage(const QString& key)
{
    if (key == u"individually")
        return QStringLiteral("package.individually is not imported; every function runs from "
                              "the folder of serverless.yml.");
    if (key == u"artifact")
        return QStringLiteral("package.artifact is not imported; the workbench runs the code "
                              "folder, not a prebuilt archive.");
    return QStringLiteral("package.%1 is not imported; the local runner uses the whole code "
                          "folder.")
        .arg(key);
}

QString httpPath(QString path)
{
    path = path.trimmed();
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    return path;
}

QString httpMethod(const QString& method)
{
    const QString m = method.trimmed().toUpper();
    return m == u"*" ? QStringLiteral("ANY") : m;
}

} // namespace

ServerlessImporter::ServerlessImporter(const QString& configPath, const QString& workspaceFolder,
                                       const QProcessEnvironment& environment)
    : m_diagnostics(configPath), m_configFolder(QFileInfo(configPath).absolutePath()),
      m_workspaceFolder(workspaceFolder), m_environment(environment)
{}

Result<ImportResult> ServerlessImporter::import(const YamlNode& root)
{
    if (!root.isMap()) {
        m_diagnostics.error(root, QString(),
                            QStringLiteral("The configuration is %1; it must be a mapping with "
                                           "service, provider and functions.")
                                .arg(root.kindName()));
        return std::unexpected(m_diagnostics.validationError());
    }
    m_root = root;
    m_variables.emplace(m_root, m_environment, m_diagnostics);
    QStringList resourceIds;
    if (const YamlNode* resources = m_root.value(QStringLiteral("resources")))
        if (const YamlNode* cfn = resources->value(QStringLiteral("Resources")))
            resourceIds = cfn->keys;
    m_intrinsics = IntrinsicResolver({}, {}, resourceIds);

    readTopLevel(m_root);
    if (const YamlNode* provider = m_root.value(QStringLiteral("provider")))
        readProvider(*provider);
    if (const YamlNode* functions = m_root.value(QStringLiteral("functions"))) {
        if (functions->isMap()) {
            for (qsizetype i = 0; i < functions->keys.size(); ++i)
                importFunction(
                    functions->keys.at(i), functions->items[size_t(i)],
                    jsonPointerAppend(QStringLiteral("/functions"), functions->keys.at(i)));
        } else if (!functions->isNull()) {
            m_diagnostics.error(*functions, QStringLiteral("/functions"),
                                QStringLiteral("functions must be a mapping of function names to "
                                               "their settings, not %1.")
                                    .arg(functions->kindName()));
        }
    }
    if (m_functions.isEmpty() && !m_diagnostics.hasErrors())
        m_diagnostics.warnAt(1, 1, QStringLiteral("/functions"),
                             QStringLiteral("The configuration declares no functions, so the "
                                            "workspace is empty."));
    if (m_diagnostics.hasErrors())
        return std::unexpected(m_diagnostics.validationError());

    ImportResult result;
    result.workspace.folder = m_workspaceFolder;
    result.workspace.name =
        m_serviceName.isEmpty() ? QFileInfo(m_configFolder).fileName() : m_serviceName;
    dropDanglingAuthorizers();
    result.workspace.functions = m_functions;
    result.workspace.authorizers = m_authorizers;
    result.warnings = m_diagnostics.warnings();
    return result;
}

void ServerlessImporter::readTopLevel(const YamlNode& root)
{
    for (qsizetype i = 0; i < root.keys.size(); ++i) {
        const QString& key = root.keys.at(i);
        const YamlNode& raw = root.items[size_t(i)];
        const QString pointer = jsonPointerAppend(QString(), key);
        if (key == u"provider" || key == u"functions" || key == u"custom" ||
            toolingKeys().contains(key))
            continue;
        if (key == u"service") {
            const YamlNode value = m_variables->resolve(raw, pointer);
            const YamlNode* name = value.isMap() ? value.value(QStringLiteral("name")) : &value;
            if (name && name->isScalar())
                m_serviceName = name->text.trimmed();
            else
                m_diagnostics.error(
                    value, pointer,
                    QStringLiteral("service must be a name, not %1.").arg(value.kindName()));
        } else if (key == u"package" && !raw.isMap()) {
            m_diagnostics.warn(raw, pointer, notImported(key));
        } else if (key == u"package") {
            for (qsizetype k = 0; k < raw.keys.size(); ++k)
                m_diagnostics.warn(raw.items[size_t(k)], jsonPointerAppend(pointer, raw.keys.at(k)),
                                   packageMessage(raw.keys.at(k)));
        } else if (key == u"plugins") {
            m_diagnostics.warn(raw, pointer,
                               QStringLiteral("plugins are not imported; the workbench does not "
                                              "run Serverless Framework plugins."));
        } else if (key == u"resources") {
            m_diagnostics.warn(raw, pointer,
                               QStringLiteral("resources are not imported; the workbench imports "
                                              "functions only (the sqs events read their "
                                              "queues' VisibilityTimeout and RedrivePolicy)."));
        } else if (key == u"useDotenv") {
            m_diagnostics.warn(raw, pointer,
                               QStringLiteral("useDotenv is not imported; .env files are not "
                                              "read, so set their variables in the environment "
                                              "you import from."));
        } else {
            m_diagnostics.warn(raw, pointer, notImported(key));
        }
    }
}

void ServerlessImporter::readProvider(const YamlNode& provider)
{
    const QString pointer = QStringLiteral("/provider");
    if (provider.isNull())
        return;
    if (!provider.isMap()) {
        m_diagnostics.error(
            provider, pointer,
            QStringLiteral("provider must be a mapping, not %1.").arg(provider.kindName()));
        return;
    }
    m_providerRuntime = setting(provider, pointer, QStringLiteral("runtime"));
    m_providerMemory = setting(provider, pointer, QStringLiteral("memorySize"));
    m_providerTimeout = setting(provider, pointer, QStringLiteral("timeout"));
    m_providerArchitecture = setting(provider, pointer, QStringLiteral("architecture"));
    m_providerEnvironment = setting(provider, pointer, QStringLiteral("environment"));
    if (const auto name = setting(provider, pointer, QStringLiteral("name"))) {
        const auto value = text(name->node, name->pointer);
        if (value && *value != u"aws")
            m_diagnostics.warn(name->node, name->pointer,
                               QStringLiteral("The %1 provider is not supported, so the functions "
                                              "are imported as AWS Lambda functions.")
                                   .arg(*value));
    }
    if (const auto httpApi = setting(provider, pointer, QStringLiteral("httpApi")))
        readHttpApi(httpApi->node, httpApi->pointer);
    // stage and region are read only to resolve ${opt:stage}, ${sls:stage} and ${aws:region}.
    warnUnused(provider, pointer,
               {QStringLiteral("name"), QStringLiteral("runtime"), QStringLiteral("memorySize"),
                QStringLiteral("timeout"), QStringLiteral("architecture"),
                QStringLiteral("environment"), QStringLiteral("stage"), QStringLiteral("region"),
                QStringLiteral("httpApi")});
}

void ServerlessImporter::readHttpApi(const YamlNode& httpApi, const QString& pointer)
{
    if (!httpApi.isMap())
        return;
    if (const YamlNode* authorizers = httpApi.value(QStringLiteral("authorizers"))) {
        const QString authorizersPointer =
            jsonPointerAppend(pointer, QStringLiteral("authorizers"));
        if (authorizers->isMap()) {
            for (qsizetype i = 0; i < authorizers->keys.size(); ++i)
                readAuthorizer(authorizers->keys.at(i), authorizers->items[size_t(i)],
                               jsonPointerAppend(authorizersPointer, authorizers->keys.at(i)));
        } else if (!authorizers->isNull()) {
            m_diagnostics.error(*authorizers, authorizersPointer,
                                QStringLiteral("httpApi.authorizers must be a mapping of names to "
                                               "authorizers, not %1.")
                                    .arg(authorizers->kindName()));
        }
    }
    warnUnused(httpApi, pointer, {QStringLiteral("authorizers")});
}

void ServerlessImporter::readAuthorizer(const QString& name, const YamlNode& node,
                                        const QString& pointer)
{
    if (!node.isMap()) {
        m_diagnostics.error(
            node, pointer,
            QStringLiteral("An authorizer must be a mapping, not %1.").arg(node.kindName()));
        return;
    }
    const auto at = [&](const QString& key) { return jsonPointerAppend(pointer, key); };
    const auto textOf = [&](const QString& key) -> QString {
        const YamlNode* value = node.value(key);
        return value && !value->isNull() ? text(*value, at(key)).value_or(QString()).trimmed()
                                         : QString();
    };
    const auto listOf = [&](const QString& key) {
        QStringList out;
        const YamlNode* value = node.value(key);
        if (!value || value->isNull())
            return out;
        if (value->isSequence()) {
            for (size_t i = 0; i < value->items.size(); ++i) {
                if (const auto t = text(value->items[i], jsonPointerAppend(at(key), qsizetype(i))))
                    out << t->trimmed();
            }
        } else if (const auto t = text(*value, at(key))) {
            out << t->trimmed();
        }
        return out;
    };
    AuthorizerSpec spec;
    spec.name = name;
    // The Framework: "type: request" for a Lambda authorizer, jwt otherwise.
    const QString type = textOf(QStringLiteral("type"));
    if (type.compare(QLatin1String("request"), Qt::CaseInsensitive) == 0) {
        spec.type = QStringLiteral("request");
        if (node.value(QStringLiteral("functionArn"))) {
            m_diagnostics.warn(node, at(QStringLiteral("functionArn")),
                               QStringLiteral("The authorizer \"%1\" is not imported: it runs a "
                                              "function outside this service (functionArn); use "
                                              "functionName.")
                                   .arg(name));
            return;
        }
        spec.function = textOf(QStringLiteral("functionName"));
        if (spec.function.isEmpty()) {
            m_diagnostics.warn(node, pointer,
                               QStringLiteral("The authorizer \"%1\" is not imported: it has no "
                                              "functionName.")
                                   .arg(name));
            return;
        }
        spec.identitySource = listOf(QStringLiteral("identitySource"));
        // The Framework's defaults: a 300-second cache, payload 2.0, policy responses.
        spec.resultTtlSeconds = 300;
        if (const YamlNode* ttl = node.value(QStringLiteral("resultTtlInSeconds")))
            spec.resultTtlSeconds = number(*ttl, at(QStringLiteral("resultTtlInSeconds")), 300,
                                           QStringLiteral("seconds"))
                                        .value_or(300);
        if (spec.identitySource.isEmpty())
            spec.resultTtlSeconds = 0;
        const QString version = textOf(QStringLiteral("payloadVersion"));
        spec.payloadFormat =
            version == u"1.0" || version == u"1" ? QStringLiteral("1.0") : QStringLiteral("2.0");
        if (const YamlNode* simple = node.value(QStringLiteral("enableSimpleResponses")))
            spec.simpleResponses =
                flag(*simple, at(QStringLiteral("enableSimpleResponses")), false).value_or(false);
        warnUnused(node, pointer,
                   {QStringLiteral("type"), QStringLiteral("functionName"),
                    QStringLiteral("identitySource"), QStringLiteral("resultTtlInSeconds"),
                    QStringLiteral("payloadVersion"), QStringLiteral("enableSimpleResponses"),
                    QStringLiteral("name")});
    } else {
        spec.type = QStringLiteral("jwt");
        spec.issuer = textOf(QStringLiteral("issuerUrl"));
        spec.audience = listOf(QStringLiteral("audience"));
        const QStringList source = listOf(QStringLiteral("identitySource"));
        spec.identitySource = {source.isEmpty()
                                   ? QLatin1String(AuthorizerSpec::kDefaultIdentitySource)
                                   : source.first()};
        warnUnused(node, pointer,
                   {QStringLiteral("type"), QStringLiteral("issuerUrl"), QStringLiteral("audience"),
                    QStringLiteral("identitySource"), QStringLiteral("name")});
    }
    m_authorizers.append(spec);
}

void ServerlessImporter::readRouteAuthorizer(TriggerSpec& trigger, const YamlNode& node,
                                             const QString& pointer)
{
    QString name;
    QStringList scopes;
    if (node.isScalar()) {
        name = text(node, pointer).value_or(QString()).trimmed();
    } else if (node.isMap()) {
        if (const YamlNode* n = node.value(QStringLiteral("name")))
            name = text(*n, jsonPointerAppend(pointer, QStringLiteral("name")))
                       .value_or(QString())
                       .trimmed();
        if (const YamlNode* list = node.value(QStringLiteral("scopes"));
            list && list->isSequence()) {
            for (size_t i = 0; i < list->items.size(); ++i) {
                if (const auto scope =
                        text(list->items[i],
                             jsonPointerAppend(jsonPointerAppend(pointer, QStringLiteral("scopes")),
                                               qsizetype(i))))
                    scopes << scope->trimmed();
            }
        }
        if (node.value(QStringLiteral("type")) || node.value(QStringLiteral("id"))) {
            m_diagnostics.warn(node, pointer,
                               QStringLiteral("Only named authorizers of provider.httpApi."
                                              "authorizers are imported (not an id or "
                                              "aws_iam), so the route is imported without one."));
            return;
        }
    }
    const auto known = std::find_if(m_authorizers.cbegin(), m_authorizers.cend(),
                                    [&](const AuthorizerSpec& a) { return a.name == name; });
    if (known == m_authorizers.cend()) {
        m_diagnostics.warn(node, pointer,
                           QStringLiteral("The authorizer \"%1\" is not among the imported "
                                          "provider.httpApi.authorizers, so the route is imported "
                                          "without one.")
                               .arg(name));
        return;
    }
    trigger.authorizer = name;
    if (known->type == u"jwt")
        trigger.scopes = scopes;
}

void ServerlessImporter::dropDanglingAuthorizers()
{
    QStringList dropped;
    for (qsizetype i = m_authorizers.size() - 1; i >= 0; --i) {
        const AuthorizerSpec& a = m_authorizers.at(i);
        if (a.type != u"request")
            continue;
        const bool found = std::any_of(m_functions.cbegin(), m_functions.cend(),
                                       [&](const FunctionSpec& f) { return f.name == a.function; });
        if (found)
            continue;
        m_diagnostics.warnAt(
            1, 1, QStringLiteral("/provider/httpApi/authorizers/%1/functionName").arg(a.name),
            QStringLiteral("The authorizer \"%1\" is not imported: its "
                           "function \"%2\" is not among the imported "
                           "functions.")
                .arg(a.name, a.function));
        dropped << a.name;
        m_authorizers.removeAt(i);
    }
    for (FunctionSpec& f : m_functions) {
        for (TriggerSpec& t : f.triggers) {
            if (dropped.contains(t.authorizer)) {
                t.authorizer.clear();
                t.scopes.clear();
            }
        }
    }
}

void ServerlessImporter::warnUnused(const YamlNode& map, const QString& pointer,
                                    const QStringList& used)
{
    for (qsizetype i = 0; i < map.keys.size(); ++i) {
        if (!used.contains(map.keys.at(i)))
            m_diagnostics.warn(map.items[size_t(i)], jsonPointerAppend(pointer, map.keys.at(i)),
                               notImported(map.keys.at(i)));
    }
}

std::optional<ServerlessImporter::Setting>
ServerlessImporter::setting(const YamlNode& raw, const QString& pointer, const QString& key)
{
    const YamlNode* node = raw.value(key);
    if (!node)
        return std::nullopt;
    const QString keyPointer = jsonPointerAppend(pointer, key);
    return Setting{m_variables->resolve(*node, keyPointer), keyPointer};
}

void ServerlessImporter::importFunction(const QString& name, const YamlNode& raw,
                                        const QString& pointer)
{
    if (!raw.isMap()) {
        m_diagnostics.error(raw, pointer,
                            QStringLiteral("The function's settings must be a mapping with at "
                                           "least a handler, not %1.")
                                .arg(raw.kindName()));
        return;
    }
    if (const YamlNode* image = raw.value(QStringLiteral("image"))) {
        m_diagnostics.warn(*image, jsonPointerAppend(pointer, QStringLiteral("image")),
                           QStringLiteral("This image-packaged function is not imported; the "
                                          "local runner runs zip-packaged code only."));
        return;
    }
    static const QStringList used = {
        QStringLiteral("handler"),
        QStringLiteral("runtime"),
        QStringLiteral("memorySize"),
        QStringLiteral("timeout"),
        QStringLiteral("environment"),
        QStringLiteral("description"),
        QStringLiteral("reservedConcurrency"),
        QStringLiteral("provisionedConcurrency"),
        QStringLiteral("architecture"),
        QStringLiteral("events"),
        QStringLiteral("name"),
        QStringLiteral("package"),
        QStringLiteral("destinations"),
        QStringLiteral("maximumRetryAttempts"),
    };
    warnUnused(raw, pointer, used);
    if (const YamlNode* deployedName = raw.value(QStringLiteral("name")))
        m_diagnostics.warn(*deployedName, jsonPointerAppend(pointer, QStringLiteral("name")),
                           QStringLiteral("name is not imported; the function is named \"%1\" "
                                          "after its key.")
                               .arg(name));
    if (const YamlNode* package = raw.value(QStringLiteral("package"))) {
        const QString packagePointer = jsonPointerAppend(pointer, QStringLiteral("package"));
        for (qsizetype k = 0; k < package->keys.size(); ++k)
            m_diagnostics.warn(package->items[size_t(k)],
                               jsonPointerAppend(packagePointer, package->keys.at(k)),
                               packageMessage(package->keys.at(k)));
    }

    FunctionSpec function;
    function.name = name;
    function.codeUri = codeFolder(m_configFolder, QStringLiteral("."), m_workspaceFolder);
    function.memoryMb = kFrameworkMemoryMb;
    function.timeoutSeconds = kFrameworkTimeoutSeconds;

    if (const auto handler = setting(raw, pointer, QStringLiteral("handler"))) {
        function.handler = text(handler->node, handler->pointer).value_or(QString()).trimmed();
        if (function.handler.isEmpty())
            m_diagnostics.error(handler->node, handler->pointer,
                                QStringLiteral("The handler is empty; write it as FILE.FUNCTION, "
                                               "for example handler.hello."));
    } else {
        m_diagnostics.error(raw, jsonPointerAppend(pointer, QStringLiteral("handler")),
                            QStringLiteral("The function has no handler; add one such as "
                                           "handler.hello."));
    }
    auto runtime = setting(raw, pointer, QStringLiteral("runtime"));
    if (!runtime)
        runtime = m_providerRuntime;
    if (runtime) {
        function.runtime = text(runtime->node, runtime->pointer).value_or(QString()).trimmed();
        if (!function.runtime.isEmpty() && !function.runtime.startsWith(QLatin1Char('!')) &&
            !function.runtime.contains(QStringLiteral("${")))
            checkRuntime(function.runtime, runtime->node, runtime->pointer, m_diagnostics);
    } else {
        m_diagnostics.error(raw, jsonPointerAppend(pointer, QStringLiteral("runtime")),
                            QStringLiteral("The function has no runtime; set provider.runtime or "
                                           "the function's runtime."));
    }
    auto memory = setting(raw, pointer, QStringLiteral("memorySize"));
    if (!memory)
        memory = m_providerMemory;
    if (memory) {
        if (const auto mb =
                number(memory->node, memory->pointer, kFrameworkMemoryMb, QStringLiteral("MB"))) {
            function.memoryMb = *mb;
            checkMemory(*mb, memory->node, memory->pointer, m_diagnostics);
        }
    }
    auto timeout = setting(raw, pointer, QStringLiteral("timeout"));
    if (!timeout)
        timeout = m_providerTimeout;
    if (timeout) {
        if (const auto seconds = number(timeout->node, timeout->pointer, kFrameworkTimeoutSeconds,
                                        QStringLiteral("seconds"))) {
            function.timeoutSeconds = *seconds;
            checkTimeout(*seconds, timeout->node, timeout->pointer, m_diagnostics);
        }
    }
    auto architecture = setting(raw, pointer, QStringLiteral("architecture"));
    if (!architecture)
        architecture = m_providerArchitecture;
    if (architecture) {
        if (const auto arch = text(architecture->node, architecture->pointer);
            arch && !arch->trimmed().isEmpty()) {
            function.architecture = arch->trimmed();
            if (!arch->contains(QStringLiteral("${")))
                checkArchitecture(function.architecture, architecture->node, architecture->pointer,
                                  m_diagnostics);
        }
    }
    if (m_providerEnvironment)
        readEnvironment(*m_providerEnvironment, function.environment);
    if (const auto environment = setting(raw, pointer, QStringLiteral("environment")))
        readEnvironment(*environment, function.environment);
    if (const auto description = setting(raw, pointer, QStringLiteral("description")))
        function.description = text(description->node, description->pointer).value_or(QString());
    if (const auto reserved = setting(raw, pointer, QStringLiteral("reservedConcurrency"))) {
        if (const auto n =
                number(reserved->node, reserved->pointer, -1, QStringLiteral("instances"));
            n && *n >= 0)
            function.reservedConcurrency = *n;
    }
    if (const auto destinations = setting(raw, pointer, QStringLiteral("destinations")))
        readDestinations(function, *destinations);
    if (const auto retries = setting(raw, pointer, QStringLiteral("maximumRetryAttempts")))
        function.maximumRetryAttempts = checkRetryAttempts(
            number(retries->node, retries->pointer, kNumberNotImported, QStringLiteral("attempts")),
            retries->node, retries->pointer, m_diagnostics);
    if (const auto provisioned = setting(raw, pointer, QStringLiteral("provisionedConcurrency")))
        function.provisionedConcurrency =
            number(provisioned->node, provisioned->pointer, 0, QStringLiteral("instances"))
                .value_or(0);

    if (const YamlNode* events = raw.value(QStringLiteral("events"))) {
        const QString eventsPointer = jsonPointerAppend(pointer, QStringLiteral("events"));
        if (events->isSequence()) {
            for (size_t i = 0; i < events->items.size(); ++i) {
                const QString eventPointer = jsonPointerAppend(eventsPointer, qsizetype(i));
                importEvent(function, m_variables->resolve(events->items[i], eventPointer),
                            eventPointer);
            }
        } else if (!events->isNull()) {
            m_diagnostics.error(
                *events, eventsPointer,
                QStringLiteral("events must be a list, not %1.").arg(events->kindName()));
        }
    }
    m_functions.append(function);
}

void ServerlessImporter::readDestinations(FunctionSpec& function, const Setting& setting)
{
    const YamlNode& node = setting.node;
    if (node.isNull())
        return;
    if (!node.isMap()) {
        m_diagnostics.error(node, setting.pointer,
                            QStringLiteral("destinations must be a mapping with onSuccess or "
                                           "onFailure, not %1.")
                                .arg(node.kindName()));
        return;
    }
    for (qsizetype i = 0; i < node.keys.size(); ++i) {
        const QString& when = node.keys.at(i);
        const YamlNode& target = node.items[size_t(i)];
        const QString targetPointer = jsonPointerAppend(setting.pointer, when);
        if (when != u"onSuccess" && when != u"onFailure") {
            m_diagnostics.warn(target, targetPointer, notImportedMessage(when));
            continue;
        }
        // A function of the service or an ARN; or, since Framework v3.x, {type, arn}.
        QString kind;
        const YamlNode* value = &target;
        QString valuePointer = targetPointer;
        if (target.isMap() && !IntrinsicResolver::isIntrinsic(target)) {
            const YamlNode* type = target.value(QStringLiteral("type"));
            value = target.value(QStringLiteral("arn"));
            valuePointer = jsonPointerAppend(targetPointer, QStringLiteral("arn"));
            if (!type || !value) {
                m_diagnostics.error(target, targetPointer,
                                    QStringLiteral("%1 needs a type (function or sqs) and an "
                                                   "arn, or a function's name.")
                                        .arg(when));
                continue;
            }
            kind = text(*type, jsonPointerAppend(targetPointer, QStringLiteral("type")))
                       .value_or(QString());
        }
        const auto imported = importDestination(
            kind, m_intrinsics.resolve(*value), [](const QString&) { return QString(); }, *value,
            valuePointer, m_diagnostics);
        if (imported)
            (when == u"onSuccess" ? function.destinations.onSuccess
                                  : function.destinations.onFailure) = *imported;
    }
}

void ServerlessImporter::readEnvironment(const Setting& setting,
                                         QMap<QString, QString>& environment)
{
    const YamlNode& node = setting.node;
    if (node.isNull())
        return;
    if (!node.isMap()) {
        if (node.isScalar() && node.text.contains(QStringLiteral("${")))
            m_diagnostics.warn(node, setting.pointer,
                               QStringLiteral("environment is not imported because its value "
                                              "could not be resolved."));
        else
            m_diagnostics.error(node, setting.pointer,
                                QStringLiteral("environment must be a mapping of names to "
                                               "values, not %1.")
                                    .arg(node.kindName()));
        return;
    }
    for (qsizetype i = 0; i < node.keys.size(); ++i) {
        const QString& name = node.keys.at(i);
        const YamlNode& value = node.items[size_t(i)];
        const QString pointer = jsonPointerAppend(setting.pointer, name);
        const ResolvedText resolved = m_intrinsics.resolve(value);
        if (resolved.status == ResolvedText::Status::ResourceReference) {
            m_diagnostics.warn(value, pointer,
                               QStringLiteral("%1 names a resource of this service, so the "
                                              "variable holds its logical id \"%2\"; change it "
                                              "to the deployed resource's name to reach it.")
                                   .arg(IntrinsicResolver::readable(value), resolved.text));
            environment.insert(name, resolved.text);
            continue;
        }
        if (const auto t = text(value, pointer))
            environment.insert(name, *t);
    }
}

void ServerlessImporter::importEvent(FunctionSpec& function, const YamlNode& event,
                                     const QString& pointer)
{
    if (!event.isMap() || event.keys.size() != 1) {
        m_diagnostics.error(event, pointer,
                            QStringLiteral("An event must be a mapping with one key naming its "
                                           "kind, such as http or schedule."));
        return;
    }
    const QString kind = event.keys.first();
    const YamlNode& body = event.items.front();
    const QString bodyPointer = jsonPointerAppend(pointer, kind);
    const auto keyPointer = [&](const QString& key) { return jsonPointerAppend(bodyPointer, key); };
    QStringList used;
    const auto optional = [&](const QString& key) -> const YamlNode* {
        used << key;
        const YamlNode* node = body.value(key);
        return node && !node->isNull() ? node : nullptr;
    };
    const auto required = [&](const QString& key) -> const YamlNode* {
        const YamlNode* node = optional(key);
        if (!node)
            m_diagnostics.error(body, keyPointer(key),
                                QStringLiteral("The %1 event has no %2; add it.").arg(kind, key));
        return node;
    };
    const auto readEnabled = [&](TriggerSpec& trigger) {
        if (const YamlNode* enabled = optional(QStringLiteral("enabled")))
            trigger.enabled =
                flag(*enabled, keyPointer(QStringLiteral("enabled")), true).value_or(true);
    };
    const auto readBatchSize = [&](TriggerSpec& trigger) {
        if (const YamlNode* size = optional(QStringLiteral("batchSize")))
            trigger.batchSize =
                number(*size, keyPointer(QStringLiteral("batchSize")), 0, QStringLiteral("records"))
                    .value_or(0);
    };
    // The short form ("GET hello", an ARN, a bucket name) or the long form's `key`.
    const bool shortForm = body.isScalar() || IntrinsicResolver::isIntrinsic(body);
    if (!shortForm && !body.isMap()) {
        m_diagnostics.error(body, bodyPointer,
                            QStringLiteral("The %1 event must be text or a mapping, not %2.")
                                .arg(kind, body.kindName()));
        return;
    }

    QList<TriggerSpec> triggers;
    TriggerSpec trigger;
    bool ok = true;
    if (kind == u"http" || kind == u"httpApi") {
        trigger.type = TriggerType::Http;
        trigger.api = kind == u"http" ? QStringLiteral("rest") : QStringLiteral("http");
        if (shortForm) {
            const QString value = text(body, bodyPointer).value_or(QString()).trimmed();
            const QStringList parts =
                value.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            if (kind == u"httpApi" && value == u"*") {
                // The HTTP API's $default route: every request no other route matches.
                trigger.method = QStringLiteral("ANY");
                trigger.path = QStringLiteral("/{proxy+}");
            } else if (parts.size() == 2) {
                trigger.method = httpMethod(parts.at(0));
                trigger.path = httpPath(parts.at(1));
            } else {
                m_diagnostics.error(body, bodyPointer,
                                    QStringLiteral("Expected \"METHOD path\" such as \"GET "
                                                   "/hello\", not \"%1\".")
                                        .arg(value));
                ok = false;
            }
        } else {
            const YamlNode* path = required(QStringLiteral("path"));
            const YamlNode* method = required(QStringLiteral("method"));
            ok = path && method;
            if (kind == u"httpApi") {
                if (const YamlNode* authorizer = optional(QStringLiteral("authorizer")))
                    readRouteAuthorizer(trigger, *authorizer,
                                        keyPointer(QStringLiteral("authorizer")));
            }
            if (path)
                trigger.path =
                    httpPath(text(*path, keyPointer(QStringLiteral("path"))).value_or(QString()));
            if (method)
                trigger.method = httpMethod(
                    text(*method, keyPointer(QStringLiteral("method"))).value_or(QString()));
            if (trigger.path == u"/*")
                trigger.path = QStringLiteral("/{proxy+}");
        }
        if (ok)
            triggers << trigger;
    } else if (kind == u"schedule") {
        trigger.type = TriggerType::Schedule;
        const YamlNode* rate = shortForm ? &body : required(QStringLiteral("rate"));
        const QString ratePointer = shortForm ? bodyPointer : keyPointer(QStringLiteral("rate"));
        if (!shortForm)
            readEnabled(trigger);
        if (rate && rate->isSequence()) { // several rates: one trigger each
            for (size_t i = 0; i < rate->items.size(); ++i) {
                TriggerSpec each = trigger;
                each.schedule = text(rate->items[i], jsonPointerAppend(ratePointer, qsizetype(i)))
                                    .value_or(QString());
                triggers << each;
            }
        } else if (rate) {
            if (const auto expression = text(*rate, ratePointer)) {
                trigger.schedule = *expression;
                triggers << trigger;
            }
        }
    } else if (kind == u"sqs" || kind == u"sns" || kind == u"s3" || kind == u"stream") {
        const QString sourceKey = kind == u"s3" ? QStringLiteral("bucket") : QStringLiteral("arn");
        const YamlNode* source = nullptr;
        QString sourcePointer = bodyPointer;
        if (shortForm) {
            source = &body;
        } else if (kind == u"sns" && !body.value(QStringLiteral("arn"))) {
            source = required(QStringLiteral("topicName"));
            sourcePointer = keyPointer(QStringLiteral("topicName"));
            used << QStringLiteral("arn");
        } else {
            source = required(sourceKey);
            sourcePointer = keyPointer(sourceKey);
            if (kind == u"sns")
                used << QStringLiteral("topicName");
        }
        if (source)
            trigger.source = text(*source, sourcePointer, true).value_or(QString());
        ok = source != nullptr;
        if (kind == u"sqs") {
            trigger.type = TriggerType::Queue;
            if (!shortForm) {
                readBatchSize(trigger);
                readEnabled(trigger);
                if (const YamlNode* window = optional(QStringLiteral("maximumBatchingWindow")))
                    trigger.batchWindowSeconds =
                        number(*window, keyPointer(QStringLiteral("maximumBatchingWindow")), 0,
                               QStringLiteral("seconds"))
                            .value_or(0);
                if (const YamlNode* type = optional(QStringLiteral("functionResponseType")))
                    trigger.reportBatchItemFailures =
                        text(*type, keyPointer(QStringLiteral("functionResponseType"))) ==
                        QStringLiteral("ReportBatchItemFailures");
            }
            // The queue's own settings, when the service's resources declare it.
            const YamlNode* resources = m_root.value(QStringLiteral("resources"));
            const YamlNode* cfn =
                resources ? resources->value(QStringLiteral("Resources")) : nullptr;
            if (const YamlNode* resource = cfn ? cfn->value(trigger.source) : nullptr;
                resource && resource->value(QStringLiteral("Type")) &&
                resource->value(QStringLiteral("Type"))->text == u"AWS::SQS::Queue")
                readQueueResource(
                    *resource,
                    jsonPointerAppend(QStringLiteral("/resources/Resources"), trigger.source),
                    m_intrinsics, trigger, m_diagnostics);
        } else if (kind == u"sns") {
            trigger.type = TriggerType::Topic;
        } else if (kind == u"s3") {
            trigger.type = TriggerType::Storage;
            const YamlNode* s3Event = shortForm ? nullptr : optional(QStringLiteral("event"));
            trigger.events
                << (s3Event
                        ? text(*s3Event, keyPointer(QStringLiteral("event"))).value_or(QString())
                        : QStringLiteral("s3:ObjectCreated:*"));
        } else {
            trigger.type = TriggerType::Stream;
            trigger.startingPosition = QStringLiteral("TRIM_HORIZON"); // the Framework's default
            if (!shortForm) {
                if (const YamlNode* type = optional(QStringLiteral("type")))
                    trigger.streamKind = text(*type, keyPointer(QStringLiteral("type")))
                                             .value_or(QString())
                                             .toLower();
                if (const YamlNode* position = optional(QStringLiteral("startingPosition")))
                    trigger.startingPosition =
                        text(*position, keyPointer(QStringLiteral("startingPosition")))
                            .value_or(QString())
                            .toUpper();
                readBatchSize(trigger);
                readEnabled(trigger);
            }
            if (trigger.streamKind.isEmpty() && source && source->isScalar()) {
                if (trigger.source.startsWith(QLatin1String("arn:aws:dynamodb:")))
                    trigger.streamKind = QStringLiteral("dynamodb");
                else if (trigger.source.startsWith(QLatin1String("arn:aws:kinesis:")))
                    trigger.streamKind = QStringLiteral("kinesis");
            }
            if (ok && trigger.streamKind.isEmpty()) {
                m_diagnostics.error(body, bodyPointer,
                                    QStringLiteral("The stream's type cannot be told from its "
                                                   "arn; add type: dynamodb or type: kinesis."));
                ok = false;
            }
        }
        if (ok)
            triggers << trigger;
    } else {
        m_diagnostics.warn(event, bodyPointer,
                           QStringLiteral("%1 events are not imported; the workbench has no %1 "
                                          "trigger, so invoke the function with a saved event "
                                          "instead.")
                               .arg(kind));
        return;
    }
    if (!shortForm)
        warnUnused(body, bodyPointer, used);
    function.triggers += triggers;
}

std::optional<QString> ServerlessImporter::text(const YamlNode& node, const QString& pointer,
                                                bool isSource)
{
    return importrules::importText(m_intrinsics.resolve(node), node, pointer, isSource,
                                   QStringLiteral("service"), m_diagnostics);
}

std::optional<int> ServerlessImporter::number(const YamlNode& node, const QString& pointer,
                                              int fallback, const QString& unit)
{
    const ResolvedText value = m_intrinsics.resolve(node);
    QString reason;
    if (value.status == ResolvedText::Status::Unresolved)
        reason = value.reason;
    else if (value.status == ResolvedText::Status::ResourceReference)
        reason = QStringLiteral("%1 names a resource").arg(IntrinsicResolver::readable(node));
    else if (value.isText() && value.text.contains(QStringLiteral("${")))
        reason = QStringLiteral("%1 is not resolved").arg(value.text);
    return importrules::importNumber(value, reason, node, pointer, fallback, unit, m_diagnostics);
}

std::optional<bool> ServerlessImporter::flag(const YamlNode& node, const QString& pointer,
                                             bool fallback)
{
    const ResolvedText value = m_intrinsics.resolve(node);
    const auto b = value.isText() ? boolean(value.text) : std::nullopt;
    if (b)
        return b;
    if (value.status == ResolvedText::Status::Unresolved ||
        (value.isText() && value.text.contains(QStringLiteral("${")))) {
        m_diagnostics.warn(
            node, pointer,
            QStringLiteral("%1 is not resolved, so the default %2 is used.")
                .arg(value.text, fallback ? QStringLiteral("true") : QStringLiteral("false")));
        return fallback;
    }
    m_diagnostics.error(node, pointer,
                        QStringLiteral("Expected true or false here, not \"%1\".").arg(value.text));
    return std::nullopt;
}

} // namespace swb
