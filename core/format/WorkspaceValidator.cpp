#include "WorkspaceValidator.h"

#include "JsonLocator.h"
#include "WorkspaceFunctions.h"
#include "model/Runtime.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>

namespace swb {

namespace {

constexpr int kMaxEnvironmentBytes = 4 * 1024; // Lambda's limit for all variables together
constexpr int kMaxBatchSize = 10000;

QString at(const QString& pointer, const char* key)
{
    return JsonLocator::child(pointer, QLatin1String(key));
}

class Rules {
public:
    explicit Rules(const Workspace& ws) : m_ws(ws) {}

    QList<Diagnostic> run()
    {
        QHash<QString, QString> functionNames;
        for (qsizetype i = 0; i < m_ws.functions.size(); ++i) {
            const QString p = JsonLocator::child(QStringLiteral("/functions"), i);
            const FunctionSpec& f = m_ws.functions.at(i);
            const auto first = functionNames.constFind(f.name);
            if (first != functionNames.constEnd())
                error(at(p, "name"), QStringLiteral("duplicate function name \"%1\" (also at %2); "
                                                    "function names must be unique.")
                                         .arg(f.name, *first));
            else
                functionNames.insert(f.name, at(p, "name"));
            function(f, p);
        }
        QHash<QString, QString> scenarioNames;
        for (qsizetype i = 0; i < m_ws.scenarios.size(); ++i) {
            const QString p = JsonLocator::child(QStringLiteral("/scenarios"), i);
            const ScenarioSpec& s = m_ws.scenarios.at(i);
            if (scenarioNames.contains(s.name))
                error(at(p, "name"), QStringLiteral("duplicate scenario name \"%1\" (also at %2).")
                                         .arg(s.name, scenarioNames.value(s.name)));
            scenarioNames.insert(s.name, at(p, "name"));
            scenario(s, p);
        }
        range(QStringLiteral("/runner/keepAliveSeconds"), m_ws.runner.keepAliveSeconds, 0, 86400,
              "seconds");
        range(QStringLiteral("/runner/concurrencyLimit"), m_ws.runner.concurrencyLimit, 1, 1000,
              "instances");
        static const QRegularExpression regionPattern(QStringLiteral("^[a-z]{2}(-[a-z]+)+-\\d+$"));
        if (!regionPattern.match(m_ws.runner.region).hasMatch())
            error(QStringLiteral("/runner/region"),
                  QStringLiteral("\"%1\" is not an AWS region id; write it like \"us-east-1\".")
                      .arg(m_ws.runner.region));
        for (const AuthorizerSpec& a : m_ws.authorizers)
            authorizer(a, JsonLocator::child(QStringLiteral("/authorizers"), a.name));
        QHash<QString, QString> targetNames;
        for (qsizetype i = 0; i < m_ws.deployTargets.size(); ++i) {
            const QString p = JsonLocator::child(QStringLiteral("/deployTargets"), i);
            const DeployTarget& d = m_ws.deployTargets.at(i);
            if (targetNames.contains(d.name))
                error(at(p, "name"),
                      QStringLiteral("duplicate deploy target name \"%1\" (also at %2).")
                          .arg(d.name, targetNames.value(d.name)));
            targetNames.insert(d.name, at(p, "name"));
            deployTarget(d, p);
        }
        resources();
        tokenService();
        return m_out;
    }

private:
    void error(const QString& pointer, const QString& message)
    {
        m_out.append(Diagnostic{Severity::Error, {}, pointer, 0, 0, message});
    }
    void warning(const QString& pointer, const QString& message)
    {
        m_out.append(Diagnostic{Severity::Warning, {}, pointer, 0, 0, message});
    }

    void range(const QString& pointer, qint64 value, qint64 min, qint64 max, const char* unit)
    {
        if (value < min || value > max)
            error(pointer, QStringLiteral("%1 %2 is out of range; allowed: %3 to %4 %2.")
                               .arg(value)
                               .arg(QLatin1String(unit))
                               .arg(min)
                               .arg(max));
    }

    // "tokenService" (docs/auth.md): a lifetime the token service accepts, usable audiences.
    void tokenService()
    {
        const TokenServiceSpec& t = m_ws.tokenService;
        const QString p = QStringLiteral("/tokenService");
        if (!t.defaultTtl.isEmpty()) {
            const auto seconds = TokenServiceSpec::parseTtlSeconds(t.defaultTtl);
            if (!seconds)
                error(at(p, "defaultTtl"),
                      QStringLiteral("\"%1\" is not a token lifetime; write a whole number and "
                                     "a unit, such as 30s, 15m, 1h or 7d.")
                          .arg(t.defaultTtl));
            else if (*seconds > 365 * 86400)
                error(at(p, "defaultTtl"),
                      QStringLiteral("\"%1\" is longer than a token may live (365d).")
                          .arg(t.defaultTtl));
        }
        for (qsizetype i = 0; i < t.audiences.size(); ++i) {
            const QString& audience = t.audiences.at(i);
            if (audience.trimmed().isEmpty())
                error(JsonLocator::child(at(p, "audience"), i),
                      QStringLiteral("an audience must not be empty."));
            else if (t.audiences.indexOf(audience) != i)
                error(JsonLocator::child(at(p, "audience"), i),
                      QStringLiteral("the audience \"%1\" is listed twice.").arg(audience));
        }
    }

    // Workspace resources and each function's own: one name space, because a resource's data
    // lives in .swb/resources/NAME and its variables are NAME_URL, whoever declares it.
    void resources()
    {
        QHash<QString, QString> seen;
        auto check = [this, &seen](const ResourceMap& map, const QString& ownerAt) {
            for (auto it = map.begin(); it != map.end(); ++it) {
                const QString p = JsonLocator::child(at(ownerAt, "resources"), it.key());
                if (const QString problem = ResourceSpec::nameProblem(it.key()); !problem.isEmpty())
                    error(p, problem);
                if (seen.contains(it.key()))
                    error(p, QStringLiteral("the resource \"%1\" is also declared at %2; "
                                            "resource names must be unique in the workspace.")
                                 .arg(it.key(), seen.value(it.key())));
                else
                    seen.insert(it.key(), p);
                if (!ResourceSpec::typeNames().contains(it->type))
                    error(at(p, "type"),
                          QStringLiteral("unknown resource type \"%1\"; allowed: %2.")
                              .arg(it->type, ResourceSpec::typeNames().join(QStringLiteral(", "))));
                for (qsizetype i = 0; i < it->seeds.size(); ++i) {
                    const QString seed = it->seeds.at(i);
                    const QString sp = JsonLocator::child(at(p, "seed"), i);
                    if (QDir::isAbsolutePath(seed) ||
                        QDir::cleanPath(seed).startsWith(QStringLiteral(".."))) {
                        error(sp, QStringLiteral("\"%1\" is outside the workspace; give an SQL "
                                                 "file relative to the workspace folder.")
                                      .arg(seed));
                    } else if (!QFileInfo(QDir(m_ws.folder).filePath(seed)).isFile()) {
                        error(sp, QStringLiteral("the seed file \"%1\" does not exist in %2.")
                                      .arg(seed, m_ws.folder));
                    }
                }
            }
        };
        check(m_ws.resources, QString());
        for (qsizetype i = 0; i < m_ws.functions.size(); ++i)
            check(m_ws.functions.at(i).resources,
                  JsonLocator::child(QStringLiteral("/functions"), i));
    }

    void function(const FunctionSpec& f, const QString& p)
    {
        if (!WorkspaceFunctions::isValidName(f.name))
            error(at(p, "name"), WorkspaceFunctions::invalidNameError(f.name).message);

        const auto runtime = findRuntime(f.runtime);
        if (!runtime)
            error(at(p, "runtime"),
                  QStringLiteral("unknown runtime \"%1\"; allowed: %2.")
                      .arg(f.runtime, supportedRuntimeIds().join(QStringLiteral(", "))));
        range(at(p, "memoryMb"), f.memoryMb, FunctionLimits::kMinMemoryMb,
              FunctionLimits::kMaxMemoryMb, "MB");
        range(at(p, "timeoutSeconds"), f.timeoutSeconds, FunctionLimits::kMinTimeoutSeconds,
              FunctionLimits::kMaxTimeoutSeconds, "seconds");
        if (f.architecture != QLatin1String("x86_64") && f.architecture != QLatin1String("arm64"))
            error(at(p, "architecture"),
                  QStringLiteral("unknown architecture \"%1\"; allowed: x86_64, arm64.")
                      .arg(f.architecture));
        if (f.reservedConcurrency) {
            range(at(p, "reservedConcurrency"), *f.reservedConcurrency, 0, 100000, "instances");
            if (f.provisionedConcurrency > *f.reservedConcurrency)
                error(at(p, "provisionedConcurrency"),
                      QStringLiteral("provisioned concurrency %1 is above the reserved "
                                     "concurrency %2; lower it or raise the reservation.")
                          .arg(f.provisionedConcurrency)
                          .arg(*f.reservedConcurrency));
        }
        if (f.provisionedConcurrency < 0)
            error(at(p, "provisionedConcurrency"),
                  QStringLiteral("%1 is negative; use 0 for none.").arg(f.provisionedConcurrency));

        environment(f, p);
        code(f, runtime, p);

        for (qsizetype i = 0; i < f.triggers.size(); ++i)
            trigger(f.triggers.at(i), JsonLocator::child(at(p, "triggers"), i));
        destinations(f, p);
        // Lambda's MaximumRetryAttempts of asynchronous invocations: 0 to 2.
        if (f.maximumRetryAttempts)
            range(at(p, "maximumRetryAttempts"), *f.maximumRetryAttempts, 0, 2, "retries");
    }

    // Lambda's destinations of asynchronous invocations (docs/queues.md).
    void destinations(const FunctionSpec& f, const QString& p)
    {
        const QString dAt = at(p, "destinations");
        for (const auto& [key, text] : {std::pair{"onSuccess", f.destinations.onSuccess},
                                        std::pair{"onFailure", f.destinations.onFailure}}) {
            if (text.isEmpty())
                continue;
            const auto target = DestinationTarget::parse(text);
            if (!target)
                error(at(dAt, key), target.error().message);
            else if (target->kind == DestinationTarget::Kind::Function &&
                     !m_ws.function(target->name))
                error(at(dAt, key), QStringLiteral("no function named \"%1\" in this workspace.")
                                        .arg(target->name));
        }
    }

    // The local queue behind a queue trigger and its event source mapping (docs/queues.md).
    void queueTrigger(const TriggerSpec& t, const QString& p)
    {
        const QString name = sqsQueueName(t.source);
        if (const QString problem = sqsQueueNameProblem(name); !problem.isEmpty())
            error(at(p, "source"), problem);
        // Lambda: MaximumBatchingWindowInSeconds 0 to 300; a batch above 10 needs a window.
        range(at(p, "batchWindow"), t.batchWindowSeconds, 0, 300, "seconds");
        if (t.batchSize > 10 && t.batchWindowSeconds < 1)
            error(at(p, "batchSize"),
                  QStringLiteral("a batch of more than 10 messages needs \"batchWindow\" of at "
                                 "least 1 second, as in Lambda."));
        if (t.visibilityTimeoutSeconds)
            range(at(p, "visibilityTimeout"), *t.visibilityTimeoutSeconds, 0, 43200, "seconds");
        if (!t.deadLetterQueue.isEmpty()) {
            const QString dlq = sqsQueueName(t.deadLetterQueue);
            if (const QString problem = sqsQueueNameProblem(dlq); !problem.isEmpty())
                error(at(p, "deadLetterQueue"), problem);
            else if (dlq == name)
                error(at(p, "deadLetterQueue"),
                      QStringLiteral("the dead-letter queue must be another queue than \"%1\".")
                          .arg(name));
            if (t.maxReceiveCount == 0)
                error(p, QStringLiteral("\"deadLetterQueue\" needs \"maxReceiveCount\": how "
                                        "many receives a message gets before it moves there."));
        } else if (t.maxReceiveCount != 0) {
            error(at(p, "maxReceiveCount"),
                  QStringLiteral("\"maxReceiveCount\" needs \"deadLetterQueue\": the queue "
                                 "that failed messages move to."));
        }
        if (t.maxReceiveCount != 0)
            range(at(p, "maxReceiveCount"), t.maxReceiveCount, 1, 1000, "receives");
    }

    void authorizer(const AuthorizerSpec& a, const QString& p)
    {
        if (a.name.trimmed().isEmpty() || a.name.size() > 128)
            error(p, QStringLiteral("an authorizer needs a name of 1 to 128 characters."));
        const bool jwt = a.type == QLatin1String("jwt");
        const bool request = a.type == QLatin1String("request");
        if (!jwt && !request) {
            error(at(p, "type"),
                  QStringLiteral("unknown authorizer type \"%1\"; allowed: jwt (JSON Web Token), "
                                 "request (a Lambda authorizer function).")
                      .arg(a.type));
            return;
        }
        static const QRegularExpression source(QStringLiteral(
            "^\\$(request\\.(header|querystring)\\.[^\\s.][^\\s]*|context\\.[A-Za-z0-9_."
            "]+|stageVariables\\.[A-Za-z0-9_]+)$"));
        for (qsizetype i = 0; i < a.identitySource.size(); ++i) {
            if (!source.match(a.identitySource.at(i)).hasMatch())
                error(a.identitySource.size() == 1 && jwt
                          ? at(p, "identitySource")
                          : JsonLocator::child(at(p, "identitySource"), i),
                      QStringLiteral("\"%1\" is not an identity source; write "
                                     "\"$request.header.NAME\", \"$request.querystring.NAME\", "
                                     "\"$context.NAME\" or \"$stageVariables.NAME\".")
                          .arg(a.identitySource.at(i)));
        }
        if (jwt) {
            if (a.identitySource.size() != 1)
                error(at(p, "identitySource"),
                      QStringLiteral("a jwt authorizer reads the token from one identity source, "
                                     "such as \"$request.header.Authorization\"."));
            if (!a.issuer.isEmpty()) {
                const QUrl url(a.issuer, QUrl::StrictMode);
                if (!url.isValid() ||
                    (url.scheme() != QLatin1String("https") &&
                     url.scheme() != QLatin1String("http")) ||
                    url.host().isEmpty())
                    error(at(p, "issuer"),
                          QStringLiteral("\"%1\" is not an issuer URL; write it like "
                                         "\"https://cognito-idp.us-east-1.amazonaws.com/POOL\", "
                                         "or leave it out to use the workspace's token service.")
                              .arg(a.issuer));
            }
            if (!a.function.isEmpty())
                error(at(p, "function"),
                      QStringLiteral("a jwt authorizer has no function; use \"type\": "
                                     "\"request\" for a Lambda authorizer."));
            return;
        }
        if (a.function.isEmpty())
            error(p, QStringLiteral("a request authorizer needs \"function\": the workspace "
                                    "function that decides."));
        else if (!m_ws.function(a.function))
            error(at(p, "function"),
                  QStringLiteral("no function named \"%1\" in this workspace.").arg(a.function));
        range(at(p, "resultTtlSeconds"), a.resultTtlSeconds, 0,
              AuthorizerSpec::kMaxResultTtlSeconds, "seconds");
        if (a.payloadFormat != QLatin1String("2.0") && a.payloadFormat != QLatin1String("1.0"))
            error(at(p, "payloadFormat"),
                  QStringLiteral("unknown payload format \"%1\"; allowed: 2.0, 1.0.")
                      .arg(a.payloadFormat));
        else if (a.simpleResponses && a.payloadFormat != QLatin1String("2.0"))
            error(at(p, "simpleResponses"),
                  QStringLiteral("simple responses need payload format 2.0; set "
                                 "\"payloadFormat\": \"2.0\" or answer with an IAM policy."));
        if (a.resultTtlSeconds > 0 && a.identitySource.isEmpty())
            error(at(p, "identitySource"),
                  QStringLiteral("a cached authorizer needs an identity source (its cache key); "
                                 "add one or set \"resultTtlSeconds\": 0."));
        if (!a.issuer.isEmpty() || !a.audience.isEmpty())
            error(at(p, a.issuer.isEmpty() ? "audience" : "issuer"),
                  QStringLiteral("issuer and audience belong to jwt authorizers; a request "
                                 "authorizer's function decides itself."));
    }

    void environment(const FunctionSpec& f, const QString& p)
    {
        static const QRegularExpression keyPattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*$"));
        qsizetype bytes = 0;
        for (auto it = f.environment.begin(); it != f.environment.end(); ++it) {
            const QString pointer = JsonLocator::child(at(p, "environment"), it.key());
            bytes += it.key().toUtf8().size() + it.value().toUtf8().size();
            if (!keyPattern.match(it.key()).hasMatch())
                error(pointer, QStringLiteral("\"%1\" is not a valid variable name; start with a "
                                              "letter, then letters, digits or underscores.")
                                   .arg(it.key()));
            else if (WorkspaceValidator::reservedEnvironmentKeys().contains(it.key()))
                error(pointer, QStringLiteral("%1 is set by Lambda itself and cannot be "
                                              "overridden; choose another name.")
                                   .arg(it.key()));
        }
        if (bytes > kMaxEnvironmentBytes)
            error(at(p, "environment"),
                  QStringLiteral("the variables take %1 bytes; Lambda allows at most %2 in all.")
                      .arg(bytes)
                      .arg(kMaxEnvironmentBytes));
    }

    void code(const FunctionSpec& f, const std::optional<RuntimeInfo>& runtime, const QString& p)
    {
        const QString uri = f.codeUri.isEmpty() ? QStringLiteral(".") : f.codeUri;
        if (QDir::isAbsolutePath(uri) || QDir::cleanPath(uri).startsWith(QStringLiteral(".."))) {
            error(at(p, "codeUri"), QStringLiteral("\"%1\" is outside the workspace; give a "
                                                   "folder relative to the workspace folder.")
                                        .arg(uri));
            return;
        }
        const QString folder = m_ws.codeFolder(f);
        if (!QFileInfo(folder).isDir()) {
            error(at(p, "codeUri"), QStringLiteral("the code folder \"%1\" does not exist in %2.")
                                        .arg(uri, m_ws.folder));
            return;
        }
        if (!runtime)
            return;
        if (const QString problem = handlerFormatProblem(runtime->family, f.handler);
            !problem.isEmpty()) {
            error(at(p, "handler"), QStringLiteral("\"%1\": %2.").arg(f.handler, problem));
            return;
        }
        const QStringList candidates = handlerSourceCandidates(runtime->family, f.handler);
        for (const QString& candidate : candidates) {
            const QFileInfo file(QDir(folder).filePath(candidate));
            if (file.isFile()) {
                if (runtime->family == RuntimeFamily::Provided && !file.isExecutable())
                    warning(at(p, "handler"),
                            QStringLiteral("%1 is not executable; run chmod +x on it.")
                                .arg(QDir(uri).filePath(candidate)));
                return;
            }
        }
        QStringList shown;
        for (const QString& c : candidates)
            shown << QDir::cleanPath(QDir(uri).filePath(c));
        error(at(p, "handler"), QStringLiteral("the handler's file is missing: looked for %1 in "
                                               "the workspace.")
                                    .arg(shown.join(QStringLiteral(", "))));
    }

    void trigger(const TriggerSpec& t, const QString& p)
    {
        switch (t.type) {
        case TriggerType::Http: {
            static const QStringList methods = {QStringLiteral("GET"),     QStringLiteral("POST"),
                                                QStringLiteral("PUT"),     QStringLiteral("PATCH"),
                                                QStringLiteral("DELETE"),  QStringLiteral("HEAD"),
                                                QStringLiteral("OPTIONS"), QStringLiteral("ANY")};
            if (!t.method.isEmpty() && !methods.contains(t.method))
                error(at(p, "method"), QStringLiteral("unknown HTTP method \"%1\"; allowed: %2.")
                                           .arg(t.method, methods.join(QStringLiteral(", "))));
            if (!t.path.startsWith(QLatin1Char('/')))
                error(at(p, "path"),
                      QStringLiteral("the path \"%1\" must start with \"/\".").arg(t.path));
            if (!t.api.isEmpty() && t.api != QLatin1String("http") &&
                t.api != QLatin1String("rest"))
                error(at(p, "api"),
                      QStringLiteral("unknown API \"%1\"; allowed: http (HTTP API, payload 2.0), "
                                     "rest (REST API, payload 1.0).")
                          .arg(t.api));
            break;
        }
        case TriggerType::Schedule: {
            static const QRegularExpression rate(
                QStringLiteral("^rate\\((1 (minute|hour|day)|([2-9]|[1-9][0-9]+) "
                               "(minutes|hours|days))\\)$"));
            static const QRegularExpression cron(
                QStringLiteral("^cron\\(\\S+ \\S+ \\S+ \\S+ \\S+ \\S+\\)$"));
            if (!rate.match(t.schedule).hasMatch() && !cron.match(t.schedule).hasMatch())
                error(at(p, "schedule"),
                      QStringLiteral("\"%1\" is not a schedule expression; write \"rate(5 "
                                     "minutes)\" (1 minute, N minutes, hours or days) or \"cron(0 "
                                     "12 * * ? *)\" with six fields.")
                          .arg(t.schedule));
            break;
        }
        case TriggerType::Stream:
            if (!t.streamKind.isEmpty() && t.streamKind != QLatin1String("dynamodb") &&
                t.streamKind != QLatin1String("kinesis"))
                error(at(p, "streamKind"),
                      QStringLiteral("unknown stream kind \"%1\"; allowed: dynamodb, kinesis.")
                          .arg(t.streamKind));
            if (!t.startingPosition.isEmpty() && t.startingPosition != QLatin1String("LATEST") &&
                t.startingPosition != QLatin1String("TRIM_HORIZON") &&
                t.startingPosition != QLatin1String("AT_TIMESTAMP"))
                error(at(p, "startingPosition"),
                      QStringLiteral("unknown starting position \"%1\"; allowed: LATEST, "
                                     "TRIM_HORIZON, AT_TIMESTAMP.")
                          .arg(t.startingPosition));
            [[fallthrough]];
        case TriggerType::Queue:
        case TriggerType::Topic:
        case TriggerType::Storage:
            if (t.source.trimmed().isEmpty())
                error(p, QStringLiteral("a %1 trigger needs \"source\": the name or ARN of its %1.")
                             .arg(triggerTypeName(t.type)));
            else if (t.type == TriggerType::Queue)
                queueTrigger(t, p);
            break;
        }
        if (t.batchSize != 0)
            range(at(p, "batchSize"), t.batchSize, 1, kMaxBatchSize, "records");
        if (!t.authorizer.isEmpty() || !t.scopes.isEmpty())
            triggerAuthorization(t, p);
    }

    void triggerAuthorization(const TriggerSpec& t, const QString& p)
    {
        if (t.type != TriggerType::Http) {
            error(at(p, t.authorizer.isEmpty() ? "scopes" : "authorizer"),
                  QStringLiteral("only http triggers have authorizers."));
            return;
        }
        if (t.authorizer.isEmpty()) {
            error(at(p, "scopes"), QStringLiteral("scopes need an authorizer; name a jwt "
                                                  "authorizer in \"authorizer\"."));
            return;
        }
        const AuthorizerSpec* a = m_ws.authorizer(t.authorizer);
        if (!a) {
            QStringList names;
            for (const AuthorizerSpec& known : m_ws.authorizers)
                names << known.name;
            error(at(p, "authorizer"),
                  names.isEmpty()
                      ? QStringLiteral("no authorizer named \"%1\"; declare it under the "
                                       "workspace's \"authorizers\".")
                            .arg(t.authorizer)
                      : QStringLiteral("no authorizer named \"%1\"; declared: %2.")
                            .arg(t.authorizer, names.join(QStringLiteral(", "))));
            return;
        }
        if (!t.scopes.isEmpty() && a->type != QLatin1String("jwt"))
            error(at(p, "scopes"),
                  QStringLiteral("authorization scopes work with jwt authorizers only; \"%1\" "
                                 "is a %2 authorizer.")
                      .arg(a->name, a->type));
        for (qsizetype i = 0; i < t.scopes.size(); ++i) {
            if (t.scopes.at(i).trimmed().isEmpty() || t.scopes.at(i).contains(QLatin1Char(' ')))
                error(JsonLocator::child(at(p, "scopes"), i),
                      QStringLiteral("\"%1\" is not a scope; a scope is one word such as "
                                     "\"orders:read\".")
                          .arg(t.scopes.at(i)));
        }
    }

    void scenario(const ScenarioSpec& s, const QString& p)
    {
        if (s.name.trimmed().isEmpty())
            error(at(p, "name"), QStringLiteral("a scenario needs a name."));
        if (!WorkspaceValidator::providers().contains(s.provider))
            error(at(p, "provider"),
                  QStringLiteral("unknown provider \"%1\"; allowed: %2.")
                      .arg(s.provider, WorkspaceValidator::providers().join(QStringLiteral(", "))));
        if (s.architecture != QLatin1String("x86_64") && s.architecture != QLatin1String("arm64"))
            error(at(p, "architecture"),
                  QStringLiteral("unknown architecture \"%1\"; allowed: x86_64, arm64.")
                      .arg(s.architecture));
        range(at(p, "memoryMb"), s.memoryMb, 128, 32768, "MB");
        if (s.invocationsPerMonth < 0)
            error(at(p, "invocationsPerMonth"), QStringLiteral("must not be negative."));
        if (s.durationMs && *s.durationMs <= 0)
            error(at(p, "durationMs"), QStringLiteral("must be above 0 ms."));
        if (s.coldStartShare && (*s.coldStartShare < 0 || *s.coldStartShare > 1))
            error(at(p, "coldStartShare"),
                  QStringLiteral("%1 is not a share; give a number from 0 to 1 (0.05 = 5%).")
                      .arg(*s.coldStartShare));
        if (s.initDurationMs && *s.initDurationMs < 0)
            error(at(p, "initDurationMs"), QStringLiteral("must not be negative."));
        if (!s.function.isEmpty() && !m_ws.function(s.function))
            error(at(p, "function"),
                  QStringLiteral("no function named \"%1\" in this workspace.").arg(s.function));
    }

    void deployTarget(const DeployTarget& d, const QString& p)
    {
        if (d.name.trimmed().isEmpty())
            error(at(p, "name"), QStringLiteral("a deploy target needs a name."));
        if (!WorkspaceValidator::deployProviders().contains(d.provider))
            error(at(p, "provider"),
                  QStringLiteral("unknown provider \"%1\"; allowed: %2.")
                      .arg(d.provider,
                           WorkspaceValidator::deployProviders().join(QStringLiteral(", "))));
        if (!d.endpoint.isEmpty()) {
            const QUrl url(d.endpoint, QUrl::StrictMode);
            if (!url.isValid() ||
                (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
                url.host().isEmpty())
                error(at(p, "endpoint"),
                      QStringLiteral("\"%1\" is not an http(s) URL; write it like "
                                     "\"https://host:port\".")
                          .arg(d.endpoint));
        }
    }

    const Workspace& m_ws;
    QList<Diagnostic> m_out;
};

} // namespace

QList<Diagnostic> WorkspaceValidator::validate(const Workspace& workspace)
{
    return Rules(workspace).run();
}

const QStringList& WorkspaceValidator::providers()
{
    static const QStringList list = {QStringLiteral("aws"), QStringLiteral("azure"),
                                     QStringLiteral("gcp"), QStringLiteral("openwhisk")};
    return list;
}

const QStringList& WorkspaceValidator::deployProviders()
{
    static const QStringList list = providers() + QStringList{QStringLiteral("local")};
    return list;
}

const QStringList& WorkspaceValidator::reservedEnvironmentKeys()
{
    // Lambda's reserved variables (docs: configuration-envvars.html#configuration-envvars-runtime).
    static const QStringList keys = {
        QStringLiteral("_HANDLER"),
        QStringLiteral("_X_AMZN_TRACE_ID"),
        QStringLiteral("AWS_DEFAULT_REGION"),
        QStringLiteral("AWS_REGION"),
        QStringLiteral("AWS_EXECUTION_ENV"),
        QStringLiteral("AWS_LAMBDA_FUNCTION_NAME"),
        QStringLiteral("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"),
        QStringLiteral("AWS_LAMBDA_FUNCTION_VERSION"),
        QStringLiteral("AWS_LAMBDA_INITIALIZATION_TYPE"),
        QStringLiteral("AWS_LAMBDA_LOG_GROUP_NAME"),
        QStringLiteral("AWS_LAMBDA_LOG_STREAM_NAME"),
        QStringLiteral("AWS_ACCESS_KEY"),
        QStringLiteral("AWS_ACCESS_KEY_ID"),
        QStringLiteral("AWS_SECRET_ACCESS_KEY"),
        QStringLiteral("AWS_SESSION_TOKEN"),
        QStringLiteral("AWS_LAMBDA_RUNTIME_API"),
        QStringLiteral("LAMBDA_TASK_ROOT"),
        QStringLiteral("LAMBDA_RUNTIME_DIR"),
    };
    return keys;
}

} // namespace swb
