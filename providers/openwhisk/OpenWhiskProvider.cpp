#include "OpenWhiskProvider.h"

#include "OpenWhiskAdapters.h"
#include "WskProps.h"
#include "common/DeployJob.h"
#include "common/HttpClient.h"
#include "common/LogTail.h"
#include "common/Packager.h"
#include "model/Runtime.h"
#include "settings/Redaction.h"
#include "settings/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace swb {

namespace {

// Activations are listed once they end, by start time: a poll looks back this far behind the
// newest line shown, so an activation that started earlier but ended later is still found
// (OpenWhisk's default maximum action timeout is 5 minutes). LogTail drops the repeats.
constexpr qint64 kLookBackMs = 5 * 60 * 1000;
constexpr int kMaxPages = 50;
constexpr int kMaxBackoffMs = 60000;

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// The body the HttpClient put in an error's detail ("HTTP 400 Reason METHOD url …\n<body>").
std::pair<int, QString> statusAndMessage(const QString& detail)
{
    static const QRegularExpression status(QStringLiteral("^HTTP (\\d{3}) "));
    const QRegularExpressionMatch m = status.match(detail);
    const int code = m.hasMatch() ? m.captured(1).toInt() : 0;
    const qsizetype newline = detail.indexOf(QLatin1Char('\n'));
    QString text;
    if (newline >= 0) {
        const QJsonDocument doc = QJsonDocument::fromJson(detail.mid(newline + 1).toUtf8());
        text = doc.object().value(QStringLiteral("error")).toString().simplified();
    }
    return {code, text};
}

QJsonObject keyValue(const QString& key, const QJsonValue& value)
{
    return QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("value"), value}};
}

QJsonObject keyValueMap(const QJsonArray& list)
{
    QJsonObject map;
    for (const QJsonValue& entry : list)
        map.insert(entry.toObject().value(QStringLiteral("key")).toString(),
                   entry.toObject().value(QStringLiteral("value")));
    return map;
}

// The annotations the workbench manages; others on the action (exec, provide-api-key…) are
// the platform's.
const QStringList& managedAnnotations()
{
    static const QStringList keys{QStringLiteral("web-export"), QStringLiteral("raw-http"),
                                  QStringLiteral("final"), QStringLiteral("description"),
                                  QString::fromLatin1(OpenWhiskProvider::kCodeHashAnnotation)};
    return keys;
}

bool hasHttpTrigger(const FunctionSpec& function)
{
    return std::any_of(
        function.triggers.begin(), function.triggers.end(),
        [](const TriggerSpec& t) { return t.type == TriggerType::Http && t.enabled; });
}

} // namespace

struct OpenWhiskProvider::DeployRun {
    QPointer<DeployJob> job;
    DeploySpec spec;
    OpenWhiskCredentials credentials;
    QString kind;
    QJsonArray annotations;
    QJsonArray parameters;
    QJsonObject limits;
    QString putVersion;
    bool codeUnchanged = false;
    HttpClient::RequestId inFlight = 0;
};

struct OpenWhiskProvider::TailRun {
    QPointer<LogTail> tail;
    OpenWhiskCredentials credentials;
    HttpClient::RequestId inFlight = 0;
    int failures = 0;
};

OpenWhiskProvider::OpenWhiskProvider(ProviderContext context, QObject* parent)
    : Provider(parent), m_context(std::move(context))
{
    QNetworkAccessManager* network = m_context.network;
    if (!network)
        network = new QNetworkAccessManager(this);
    m_http = new HttpClient(network, this);
}

OpenWhiskProvider::~OpenWhiskProvider() = default;

QUrl OpenWhiskProvider::apiHostUrl(const QString& host)
{
    const QString trimmed = host.trimmed();
    if (trimmed.isEmpty())
        return {};
    QUrl url(trimmed.contains(QLatin1String("://")) ? trimmed
                                                    : QStringLiteral("https://") + trimmed);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return {};
    url.setPath({});
    url.setQuery(QString());
    url.setFragment({});
    return url;
}

QString OpenWhiskProvider::webActionUrl(const QUrl& apiHost, const QString& namespaceName,
                                        const QString& action)
{
    QUrl url = apiHost;
    url.setPath(QStringLiteral("/api/v1/web/%1/default/%2.http").arg(namespaceName, action),
                QUrl::DecodedMode);
    return url.toString(QUrl::FullyEncoded);
}

LogEvent OpenWhiskProvider::parseLogLine(const QString& line, const QString& activationId,
                                         int index, const QDateTime& fallbackTime)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(?:\\.(\\d+))?Z\\s+(?:stdout|"
                       "stderr):\\s?(.*)$"));
    LogEvent event;
    event.id = QStringLiteral("%1/%2").arg(activationId).arg(index);
    event.stream = activationId;
    event.time = fallbackTime;
    event.message = line;
    const QRegularExpressionMatch m = pattern.match(line);
    if (m.hasMatch()) {
        QDateTime time = QDateTime::fromString(m.captured(1) + QLatin1Char('Z'), Qt::ISODate);
        if (time.isValid()) {
            const QString fraction = (m.captured(2) + QStringLiteral("000")).left(3);
            event.time = time.addMSecs(fraction.toInt()).toUTC();
        }
        event.message = m.captured(3);
    }
    while (event.message.endsWith(QLatin1Char('\n')) || event.message.endsWith(QLatin1Char('\r')))
        event.message.chop(1);
    return event;
}

Error OpenWhiskProvider::redacted(Error error) const
{
    if (m_credentials) {
        const QString auth = m_credentials->auth;
        const QStringList secrets{auth, auth.section(QLatin1Char(':'), 1),
                                  QString::fromLatin1(auth.toUtf8().toBase64())};
        error.message = redactSecrets(error.message, secrets);
        error.detail = redactSecrets(error.detail, secrets);
    }
    return error;
}

Error OpenWhiskProvider::describe(const Error& error, const OpenWhiskCredentials& credentials,
                                  const QString& operation) const
{
    if (error.code == ErrorCode::Cancelled)
        return error;
    const auto [status, said] = statusAndMessage(error.detail);
    const QString host = credentials.apiHost.host();
    const QString because = said.isEmpty() ? QString() : QStringLiteral(": %1").arg(said);
    Error out{error.code, {}, error.detail, {}};
    if (error.code == ErrorCode::Unauthorized) {
        out.message =
            QStringLiteral("OpenWhisk at %1 refused the key from %2 while %3 (HTTP %4%5); "
                           "check the key (\"wsk namespace list\") or replace it.")
                .arg(host, credentials.credentialSource, operation)
                .arg(status)
                .arg(because);
    } else if (status == 404) {
        out.code = ErrorCode::NotFound;
        out.message = QStringLiteral("OpenWhisk at %1 found nothing while %2 (HTTP 404%3); check "
                                     "the action's name and the namespace.")
                          .arg(host, operation, because);
    } else if (status == 400) {
        out.code = ErrorCode::Validation;
        out.message = QStringLiteral("OpenWhisk at %1 rejected the request while %2 (HTTP 400%3); "
                                     "fix the function's settings and deploy again.")
                          .arg(host, operation, because);
    } else if (status > 0) {
        out.message = QStringLiteral("OpenWhisk at %1 answered HTTP %2 while %3%4; %5")
                          .arg(host)
                          .arg(status)
                          .arg(operation, because,
                               error.code == ErrorCode::Throttled
                                   ? QStringLiteral("wait a minute, then try again.")
                                   : QStringLiteral("see the log for the response."));
    } else {
        out.message = QStringLiteral("%1 failed: %2").arg(operation, error.message);
    }
    return redacted(out);
}

void OpenWhiskProvider::resolveCredentials(std::function<void(Result<OpenWhiskCredentials>)> done)
{
    auto later = [this, done](Result<OpenWhiskCredentials> result) {
        QTimer::singleShot(0, this, [done, result = std::move(result)] { done(result); });
    };
    if (m_credentials) {
        later(*m_credentials);
        return;
    }

    const QString path = WskProps::location(m_context.environment, m_context.homeFolder);
    const bool pathChosen = m_context.environment.contains(QStringLiteral("WSK_CONFIG_FILE"));
    WskProps props;
    if (Result<WskProps> read = WskProps::read(path)) {
        props = *read;
    } else if (read.error().code != ErrorCode::NotFound || pathChosen) {
        later(std::unexpected(read.error()));
        return;
    }

    OpenWhiskCredentials credentials;
    QString host;
    if (!m_context.endpoint.isEmpty()) {
        host = m_context.endpoint;
        credentials.hostSource = QStringLiteral("the endpoint override");
    } else if (!m_context.target.endpoint.isEmpty()) {
        host = m_context.target.endpoint;
        credentials.hostSource = QStringLiteral("deploy target '%1'").arg(m_context.target.name);
    } else if (!props.apiHost.isEmpty()) {
        host = props.apiHost;
        credentials.hostSource = QStringLiteral("APIHOST in %1").arg(shown(props.path));
    }
    if (host.isEmpty()) {
        later(fail(ErrorCode::NotFound,
                   QStringLiteral("No OpenWhisk API host is set: set APIHOST in %1 (\"wsk property "
                                  "set --apihost HOST\") or the deploy target's endpoint.")
                       .arg(shown(path))));
        return;
    }
    credentials.apiHost = apiHostUrl(host);
    if (!credentials.apiHost.isValid()) {
        later(fail(ErrorCode::InvalidArgument,
                   QStringLiteral("The OpenWhisk API host \"%1\" (from %2) is not a host name or "
                                  "an http(s) URL; fix it there.")
                       .arg(host, credentials.hostSource)));
        return;
    }
    const QString targetNamespace =
        m_context.target.extensions.value(QStringLiteral("namespace")).toString();
    credentials.namespaceName = !targetNamespace.isEmpty()       ? targetNamespace
                                : !props.namespaceName.isEmpty() ? props.namespaceName
                                                                 : QStringLiteral("_");

    auto finishWith = [this, later, credentials](QString auth, QString source) mutable {
        if (auth.isEmpty()) {
            later(fail(ErrorCode::Unauthorized,
                       QStringLiteral("No OpenWhisk key was found in %1; set AUTH there (\"wsk "
                                      "property set --auth KEY\") or store the target's key in "
                                      "the keychain.")
                           .arg(source)));
            return;
        }
        if (!auth.contains(QLatin1Char(':'))) {
            later(fail(ErrorCode::Unauthorized,
                       QStringLiteral("The OpenWhisk key from %1 is not of the form UUID:KEY; "
                                      "copy it again from \"wsk property get --auth\".")
                           .arg(source)));
            return;
        }
        credentials.auth = auth;
        credentials.credentialSource = source;
        m_http->addSecret(auth);
        m_http->addSecret(auth.section(QLatin1Char(':'), 1));
        m_http->addSecret(QString::fromLatin1(auth.toUtf8().toBase64()));
        m_credentials = credentials;
        later(credentials);
    };
    const QString fileSource =
        props.path.isEmpty() ? shown(path) : QStringLiteral("AUTH in %1").arg(shown(props.path));

    const QString secretKey = QStringLiteral("openwhisk/%1/auth").arg(m_context.target.name);
    if (m_context.secrets && !m_context.target.name.isEmpty() &&
        SecretStore::keyProblem(secretKey).isEmpty()) {
        QPointer<OpenWhiskProvider> self(this);
        m_context.secrets->readSecret(secretKey, [self, secretKey, props, fileSource, finishWith,
                                                  later](Result<QString> secret) mutable {
            if (!self)
                return;
            if (secret && !secret->isEmpty()) {
                finishWith(*secret, QStringLiteral("keychain entry %1").arg(secretKey));
            } else if (!secret && secret.error().code != ErrorCode::NotFound) {
                later(fail(ErrorCode::Unauthorized,
                           QStringLiteral("Cannot read the OpenWhisk key %1 from the keychain "
                                          "(%2); unlock the keychain or store the key again.")
                               .arg(secretKey, secret.error().message)));
            } else {
                finishWith(props.auth, fileSource);
            }
        });
        return;
    }
    finishWith(props.auth, fileSource);
}

HttpClient::RequestId OpenWhiskProvider::call(const OpenWhiskCredentials& credentials,
                                              const QByteArray& method, const QString& path,
                                              const QUrlQuery& query, const QByteArray& body,
                                              std::function<void(Result<QByteArray>)> done)
{
    HttpRequest request;
    request.method = method;
    request.url = credentials.apiHost;
    request.url.setPath(path, QUrl::DecodedMode);
    if (!query.isEmpty())
        request.url.setQuery(query);
    request.setHeader("Authorization", "Basic " + credentials.auth.toUtf8().toBase64());
    request.setHeader("Accept", "application/json");
    if (!body.isEmpty()) {
        request.setHeader("Content-Type", "application/json");
        request.body = body;
        // Action code can be tens of megabytes.
        request.timeoutMs = 120000;
    }
    return m_http->send(std::move(request), [done](Result<HttpResponse> response) {
        if (!response)
            done(std::unexpected(response.error()));
        else
            done(response->body);
    });
}

namespace {

QString namespacePath(const OpenWhiskCredentials& credentials)
{
    return QStringLiteral("/api/v1/namespaces/%1").arg(credentials.namespaceName);
}

QString actionPath(const OpenWhiskCredentials& credentials, const QString& name)
{
    return namespacePath(credentials) + QStringLiteral("/actions/") + name;
}

} // namespace

void OpenWhiskProvider::checkIdentity(std::function<void(Result<ProviderIdentity>)> done)
{
    resolveCredentials([this, done](Result<OpenWhiskCredentials> credentials) {
        if (!credentials) {
            done(std::unexpected(credentials.error()));
            return;
        }
        const OpenWhiskCredentials c = *credentials;
        call(
            c, "GET", QStringLiteral("/api/v1/namespaces"), {}, {},
            [this, c, done](Result<QByteArray> body) {
                if (!body) {
                    done(std::unexpected(
                        describe(body.error(), c, QStringLiteral("checking the key"))));
                    return;
                }
                QStringList namespaces;
                for (const QJsonValue& v : QJsonDocument::fromJson(*body).array())
                    namespaces << v.toString();
                namespaces.removeAll(QString());
                if (namespaces.isEmpty()) {
                    done(fail(ErrorCode::Remote,
                              QStringLiteral("OpenWhisk at %1 listed no namespace for the key from "
                                             "%2; check that the key belongs to a namespace.")
                                  .arg(c.apiHost.host(), c.credentialSource)));
                    return;
                }
                QString who = namespaces.first();
                if (c.namespaceName != QLatin1String("_")) {
                    if (!namespaces.contains(c.namespaceName)) {
                        done(
                            fail(ErrorCode::Unauthorized,
                                 QStringLiteral("The key from %1 can use the namespace(s) %2, "
                                                "not %3; fix NAMESPACE or the target's "
                                                "namespace.")
                                     .arg(c.credentialSource, namespaces.join(QStringLiteral(", ")),
                                          c.namespaceName)));
                        return;
                    }
                    who = c.namespaceName;
                }
                ProviderIdentity identity;
                identity.who = who;
                identity.credentialSource = c.credentialSource;
                identity.endpoint = c.apiHost.toString();
                done(identity);
            });
    });
}

Result<QList<GeneratedFile>> OpenWhiskProvider::adapterFiles(const FunctionSpec& function) const
{
    QByteArray packageJson;
    const std::optional<RuntimeInfo> runtime = findRuntime(function.runtime);
    if (runtime && runtime->family == RuntimeFamily::Node && !m_context.workspaceFolder.isEmpty()) {
        const QString path = QDir(QDir(m_context.workspaceFolder).filePath(function.codeUri))
                                 .filePath(QStringLiteral("package.json"));
        QFile file(path);
        if (file.exists()) {
            if (!file.open(QIODevice::ReadOnly))
                return fail(
                    ErrorCode::Io,
                    QStringLiteral("Cannot read %1 (%2).").arg(shown(path), file.errorString()));
            packageJson = file.readAll();
        }
    }
    return OpenWhiskAdapters::files(function, packageJson);
}

DeployJob* OpenWhiskProvider::deploy(const DeploySpec& spec)
{
    auto* job = new DeployJob(this);
    auto run = std::make_shared<DeployRun>();
    run->job = job;
    run->spec = spec;
    if (run->spec.remoteName.isEmpty())
        run->spec.remoteName = spec.function.name;

    connect(job, &DeployJob::cancelRequested, this, [this, run] {
        if (run->inFlight)
            m_http->cancel(run->inFlight); // its callback finishes the job as cancelled
        else if (run->job)
            run->job->finishIfCancelled();
    });

    // Everything starts from the event loop, so the caller can connect to the job first.
    QTimer::singleShot(0, this, [this, run] {
        if (!run->job || run->job->finishIfCancelled())
            return;
        DeployJob* job = run->job;
        const FunctionSpec& function = run->spec.function;
        if (!run->spec.package) {
            job->finish(fail(ErrorCode::InvalidArgument,
                             QStringLiteral("Nothing to deploy for %1: the package is missing.")
                                 .arg(function.name)));
            return;
        }
        const Result<QString> kind = OpenWhiskAdapters::actionKind(function.runtime);
        if (!kind) {
            job->finish(std::unexpected(kind.error()));
            return;
        }
        run->kind = *kind;
        run->limits = QJsonObject{{QStringLiteral("memory"), function.memoryMb},
                                  {QStringLiteral("timeout"), function.timeoutSeconds * 1000}};
        run->annotations.append(
            keyValue(QString::fromLatin1(kCodeHashAnnotation), run->spec.package->sha256Base64));
        const bool web = hasHttpTrigger(function);
        run->annotations.append(keyValue(QStringLiteral("web-export"), web));
        if (web) {
            // Raw: the adapter gets the query and body as sent, as API Gateway passes them.
            run->annotations.append(keyValue(QStringLiteral("raw-http"), true));
            run->annotations.append(keyValue(QStringLiteral("final"), true));
        }
        if (!function.description.isEmpty())
            run->annotations.append(keyValue(QStringLiteral("description"), function.description));
        for (auto it = function.environment.cbegin(); it != function.environment.cend(); ++it)
            run->parameters.append(keyValue(it.key(), it.value()));

        job->beginStep(QString::fromLatin1(DeployJob::kUpload),
                       QStringLiteral("Uploading %1 (%2 bytes) unless OpenWhisk has that code")
                           .arg(run->spec.remoteName)
                           .arg(run->spec.package->zipBytes.size()));
        resolveCredentials([this, run](Result<OpenWhiskCredentials> credentials) {
            if (!run->job || run->job->finishIfCancelled())
                return;
            if (!credentials) {
                run->job->finish(std::unexpected(credentials.error()));
                return;
            }
            run->credentials = *credentials;
            deployStep(run);
        });
    });
    return job;
}

void OpenWhiskProvider::deployStep(const std::shared_ptr<DeployRun>& run)
{
    const QString name = run->spec.remoteName;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("code"), QStringLiteral("false"));
    run->inFlight = call(
        run->credentials, "GET", actionPath(run->credentials, name), query, {},
        [this, run, name](Result<QByteArray> body) {
            run->inFlight = 0;
            if (!run->job || run->job->finishIfCancelled())
                return;
            if (!body) {
                const Error error = describe(body.error(), run->credentials,
                                             QStringLiteral("reading action '%1'").arg(name));
                if (error.code != ErrorCode::NotFound) {
                    run->job->finish(std::unexpected(error));
                    return;
                }
                putAction(run, true); // a new action
                return;
            }
            const QJsonObject existing = QJsonDocument::fromJson(*body).object();
            const QJsonObject annotations =
                keyValueMap(existing.value(QStringLiteral("annotations")).toArray());
            const bool sameCode = annotations.value(QString::fromLatin1(kCodeHashAnnotation)) ==
                                      QJsonValue(run->spec.package->sha256Base64) &&
                                  existing.value(QStringLiteral("exec"))
                                          .toObject()
                                          .value(QStringLiteral("kind"))
                                          .toString() == run->kind;
            QJsonObject ours;
            for (const QString& key : managedAnnotations())
                if (annotations.contains(key))
                    ours.insert(key, annotations.value(key));
            const QJsonObject existingLimits = existing.value(QStringLiteral("limits")).toObject();
            const bool sameConfig =
                ours == keyValueMap(run->annotations) &&
                keyValueMap(existing.value(QStringLiteral("parameters")).toArray()) ==
                    keyValueMap(run->parameters) &&
                existingLimits.value(QStringLiteral("memory")) ==
                    run->limits.value(QStringLiteral("memory")) &&
                existingLimits.value(QStringLiteral("timeout")) ==
                    run->limits.value(QStringLiteral("timeout"));
            if (sameCode && sameConfig) {
                run->codeUnchanged = true;
                run->putVersion = existing.value(QStringLiteral("version")).toString();
                confirmAction(run);
                return;
            }
            run->codeUnchanged = sameCode;
            putAction(run, !sameCode);
        });
}

void OpenWhiskProvider::putAction(const std::shared_ptr<DeployRun>& run, bool withCode)
{
    const QString name = run->spec.remoteName;
    QJsonObject body{
        {QStringLiteral("namespace"), run->credentials.namespaceName},
        {QStringLiteral("name"), name},
        {QStringLiteral("limits"), run->limits},
        {QStringLiteral("annotations"), run->annotations},
        {QStringLiteral("parameters"), run->parameters},
        {QStringLiteral("publish"), false},
    };
    // Without exec, OpenWhisk keeps the action's code and changes only the rest.
    if (withCode)
        body.insert(QStringLiteral("exec"),
                    QJsonObject{
                        {QStringLiteral("kind"), run->kind},
                        {QStringLiteral("code"),
                         QString::fromLatin1(run->spec.package->zipBytes.toBase64())},
                        {QStringLiteral("binary"), true},
                        {QStringLiteral("main"), QString::fromLatin1(OpenWhiskAdapters::kMain)},
                    });
    if (!withCode)
        run->job->beginStep(QString::fromLatin1(DeployJob::kUpdate),
                            QStringLiteral("Updating the settings of %1 (same code)").arg(name));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("overwrite"), QStringLiteral("true"));
    run->inFlight = call(run->credentials, "PUT", actionPath(run->credentials, name), query,
                         QJsonDocument(body).toJson(QJsonDocument::Compact),
                         [this, run, name](Result<QByteArray> answer) {
                             run->inFlight = 0;
                             if (!run->job || run->job->finishIfCancelled())
                                 return;
                             if (!answer) {
                                 run->job->finish(std::unexpected(
                                     describe(answer.error(), run->credentials,
                                              QStringLiteral("updating action '%1'").arg(name))));
                                 return;
                             }
                             run->putVersion = QJsonDocument::fromJson(*answer)
                                                   .object()
                                                   .value(QStringLiteral("version"))
                                                   .toString();
                             confirmAction(run);
                         });
}

void OpenWhiskProvider::confirmAction(const std::shared_ptr<DeployRun>& run)
{
    const QString name = run->spec.remoteName;
    run->job->beginStep(QString::fromLatin1(DeployJob::kReady),
                        QStringLiteral("Confirming %1").arg(name));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("code"), QStringLiteral("false"));
    run->inFlight = call(
        run->credentials, "GET", actionPath(run->credentials, name), query, {},
        [this, run, name](Result<QByteArray> body) {
            run->inFlight = 0;
            if (!run->job || run->job->finishIfCancelled())
                return;
            if (!body) {
                run->job->finish(
                    std::unexpected(describe(body.error(), run->credentials,
                                             QStringLiteral("confirming action '%1'").arg(name))));
                return;
            }
            const QJsonObject action = QJsonDocument::fromJson(*body).object();
            const QString version = action.value(QStringLiteral("version")).toString();
            const QString hash = keyValueMap(action.value(QStringLiteral("annotations")).toArray())
                                     .value(QString::fromLatin1(kCodeHashAnnotation))
                                     .toString();
            if (hash != run->spec.package->sha256Base64) {
                run->job->finish(
                    fail(ErrorCode::Conflict,
                         QStringLiteral("Action %1 changed while it was deployed (version %2 holds "
                                        "other code); another deploy may be running: deploy again.")
                             .arg(name, version)));
                return;
            }
            // The action's own namespace: "_" in the request stands for the key's namespace.
            const QString ns = action.value(QStringLiteral("namespace")).toString();
            DeployResult result;
            result.version = version;
            result.arn = QStringLiteral("/%1/%2").arg(ns, name);
            if (hasHttpTrigger(run->spec.function))
                result.url = webActionUrl(run->credentials.apiHost, ns, name);
            result.codeUnchanged = run->codeUnchanged;
            result.codeSha256 = run->spec.package->sha256Base64;
            run->job->finish(result);
        });
}

LogTail* OpenWhiskProvider::tailLogs(const LogQuery& query)
{
    auto* tail = new LogTail(query, this);
    auto run = std::make_shared<TailRun>();
    run->tail = tail;
    connect(tail, &LogTail::stopRequested, this, [this, run] {
        if (run->inFlight)
            m_http->cancel(run->inFlight);
        run->inFlight = 0;
        if (run->tail)
            run->tail->finish();
    });
    resolveCredentials([this, run](Result<OpenWhiskCredentials> credentials) {
        if (!run->tail || run->tail->isFinished())
            return;
        if (!credentials) {
            run->tail->finish(std::unexpected(credentials.error()));
            return;
        }
        run->credentials = *credentials;
        poll(run);
    });
    return tail;
}

void OpenWhiskProvider::poll(const std::shared_ptr<TailRun>& run)
{
    if (!run->tail || run->tail->isFinished())
        return;
    pollPage(run, 0, {});
}

void OpenWhiskProvider::pollPage(const std::shared_ptr<TailRun>& run, int skip,
                                 QList<LogEvent> collected)
{
    LogTail* tail = run->tail;
    const qint64 sinceMs = std::max(tail->since().toMSecsSinceEpoch(),
                                    tail->lastSeen().toMSecsSinceEpoch() - kLookBackMs);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("name"), tail->query().function);
    query.addQueryItem(QStringLiteral("since"), QString::number(sinceMs));
    query.addQueryItem(QStringLiteral("docs"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPageLimit));
    if (skip > 0)
        query.addQueryItem(QStringLiteral("skip"), QString::number(skip));
    run->inFlight = call(
        run->credentials, "GET", namespacePath(run->credentials) + QStringLiteral("/activations"),
        query, {}, [this, run, skip, collected](Result<QByteArray> body) mutable {
            run->inFlight = 0;
            if (!run->tail || run->tail->isFinished())
                return;
            if (!body) {
                const Error error = describe(body.error(), run->credentials,
                                             QStringLiteral("reading the activations of '%1'")
                                                 .arg(run->tail->query().function));
                if (!run->tail->query().follow) {
                    run->tail->finish(std::unexpected(error));
                    return;
                }
                run->tail->reportProblem(error);
                schedulePoll(run, true);
                return;
            }
            const QJsonArray activations = QJsonDocument::fromJson(*body).array();
            for (const QJsonValue& value : activations) {
                const QJsonObject activation = value.toObject();
                const QString id = activation.value(QStringLiteral("activationId")).toString();
                const QDateTime start = QDateTime::fromMSecsSinceEpoch(
                    qint64(activation.value(QStringLiteral("start")).toDouble()), Qt::UTC);
                const QJsonArray logs = activation.value(QStringLiteral("logs")).toArray();
                for (qsizetype i = 0; i < logs.size(); ++i)
                    collected.append(parseLogLine(logs[i].toString(), id, int(i), start));
            }
            if (activations.size() >= kPageLimit && skip / kPageLimit + 1 < kMaxPages) {
                pollPage(run, skip + kPageLimit, std::move(collected));
                return;
            }
            run->tail->deliver(std::move(collected));
            run->tail->reportRecovered();
            if (!run->tail->query().follow) {
                run->tail->finish();
                return;
            }
            schedulePoll(run, false);
        });
}

void OpenWhiskProvider::schedulePoll(const std::shared_ptr<TailRun>& run, bool failed)
{
    run->failures = failed ? run->failures + 1 : 0;
    const int interval = std::max(100, run->tail->query().pollIntervalMs);
    const int delay = std::min(kMaxBackoffMs, interval << std::min(run->failures, 6));
    QTimer::singleShot(delay, run->tail, [this, run] { poll(run); });
}

void OpenWhiskProvider::listFunctions(std::function<void(Result<QStringList>)> done)
{
    resolveCredentials([this, done](Result<OpenWhiskCredentials> credentials) {
        if (!credentials) {
            done(std::unexpected(credentials.error()));
            return;
        }
        listPage(*credentials, 0, {}, done);
    });
}

void OpenWhiskProvider::listPage(const OpenWhiskCredentials& credentials, int skip,
                                 QStringList names, std::function<void(Result<QStringList>)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPageLimit));
    query.addQueryItem(QStringLiteral("skip"), QString::number(skip));
    call(credentials, "GET", namespacePath(credentials) + QStringLiteral("/actions"), query, {},
         [this, credentials, skip, names, done](Result<QByteArray> body) mutable {
             if (!body) {
                 done(std::unexpected(
                     describe(body.error(), credentials, QStringLiteral("listing actions"))));
                 return;
             }
             const QJsonArray actions = QJsonDocument::fromJson(*body).array();
             for (const QJsonValue& value : actions) {
                 const QJsonObject action = value.toObject();
                 // Actions in a package have the namespace "ns/package".
                 const QString ns = action.value(QStringLiteral("namespace")).toString();
                 const QString package = ns.section(QLatin1Char('/'), 1);
                 const QString name = action.value(QStringLiteral("name")).toString();
                 names << (package.isEmpty() ? name : package + QLatin1Char('/') + name);
             }
             if (actions.size() >= kPageLimit && skip / kPageLimit + 1 < kMaxPages) {
                 listPage(credentials, skip + kPageLimit, std::move(names), done);
                 return;
             }
             names.sort();
             done(names);
         });
}

void OpenWhiskProvider::removeFunction(const QString& remoteName,
                                       std::function<void(Result<void>)> done)
{
    resolveCredentials([this, remoteName, done](Result<OpenWhiskCredentials> credentials) {
        if (!credentials) {
            done(std::unexpected(credentials.error()));
            return;
        }
        const OpenWhiskCredentials c = *credentials;
        call(c, "DELETE", actionPath(c, remoteName), {}, {},
             [this, c, remoteName, done](Result<QByteArray> body) {
                 if (!body) {
                     done(std::unexpected(describe(
                         body.error(), c, QStringLiteral("deleting action '%1'").arg(remoteName))));
                     return;
                 }
                 done({});
             });
    });
}

} // namespace swb
