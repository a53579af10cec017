#include "GoogleCloudFunctionsProvider.h"

#include "GcpAdapters.h"
#include "GoogleTokenSource.h"
#include "ServiceAccountKey.h"
#include "common/LogTail.h"
#include "common/Packager.h"
#include "settings/SecretStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace swb {

namespace {

constexpr int kMaxLogBackoffMs = 60000;

QJsonObject bodyOf(const Error& error)
{
    const qsizetype nl = error.detail.indexOf(QLatin1Char('\n'));
    if (nl < 0)
        return {};
    return QJsonDocument::fromJson(error.detail.mid(nl + 1).toUtf8()).object();
}

// HttpClient's detail starts "HTTP <status> ..." for an answer that was an error.
int statusOf(const Error& error)
{
    static const QRegularExpression re(QStringLiteral("^HTTP (\\d{3}) "));
    const auto m = re.match(error.detail);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

// Google's {"error": {"code", "message", "status"}} turned into a sentence for a person.
Error describe(Error error, const QString& what)
{
    if (error.code == ErrorCode::Cancelled || error.code == ErrorCode::Network ||
        error.code == ErrorCode::InvalidArgument)
        return error;
    if (statusOf(error) == 404)
        error.code = ErrorCode::NotFound;
    const QJsonObject e = bodyOf(error).value(QLatin1String("error")).toObject();
    QString hint;
    switch (error.code) {
    case ErrorCode::Unauthorized:
        hint = QStringLiteral("check that the service account may manage Cloud Functions (role "
                              "roles/cloudfunctions.developer) and that the API is enabled");
        break;
    case ErrorCode::NotFound:
        hint = QStringLiteral("check the project and the region");
        break;
    case ErrorCode::Conflict:
        hint = QStringLiteral("wait for the change in progress to finish, then try again");
        break;
    case ErrorCode::Throttled:
        hint = QStringLiteral("wait a minute, then try again");
        break;
    default:
        hint = QStringLiteral("see the log for the full answer");
    }
    const QString message = e.value(QLatin1String("message")).toString();
    if (!message.isEmpty())
        error.message = QStringLiteral("%1 failed (%2: %3); %4.")
                            .arg(what, e.value(QLatin1String("status")).toString(), message, hint);
    else
        error.message = QStringLiteral("%1 failed: %2").arg(what, error.message);
    return error;
}

QString lastSegment(const QString& path)
{
    return path.section(QLatin1Char('/'), -1);
}

QString rfc3339(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QLatin1Char('Z');
}

// Cloud Logging writes nanoseconds ("2026-11-27T06:00:00.123456789Z"); Qt reads milliseconds.
QDateTime parseTimestamp(QString text)
{
    static const QRegularExpression fraction(QStringLiteral("\\.(\\d{1,3})\\d*"));
    text.replace(fraction, QStringLiteral(".\\1"));
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}

QJsonObject envObject(const QMap<QString, QString>& env)
{
    QJsonObject o;
    for (auto it = env.begin(); it != env.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

// Lambda's "MB" are mebibytes, and so are Cloud Functions' (2nd gen) memory tiers (128Mi, 256Mi,
// …, 32Gi); "128M" (10^6 bytes) would fall below the smallest tier.
QString memoryText(int memoryMb)
{
    return QStringLiteral("%1Mi").arg(memoryMb);
}

} // namespace

struct GoogleCloudFunctionsProvider::Inflight {
    HttpClient::RequestId id = 0;
    bool cancelled = false;
};

struct GoogleCloudFunctionsProvider::DeployState {
    QPointer<DeployJob> job;
    DeploySpec spec;
    QString functionId;
    QString runtime;
    QString hash;
    std::shared_ptr<Inflight> inflight = std::make_shared<Inflight>();
    std::optional<QJsonObject> existing;
    QJsonObject storageSource;
    bool codeUnchanged = false;
    bool settingsUnchanged = false;

    // True when the deploy must not go on (finished, or cancelled: then finished here).
    bool stopped() const { return !job || job->isFinished() || job->finishIfCancelled(); }
    void fail(Error error) const
    {
        if (job)
            job->finish(std::unexpected(std::move(error)));
    }
};

GoogleCloudFunctionsProvider::GoogleCloudFunctionsProvider(ProviderContext context, QObject* parent)
    : Provider(parent), m_context(std::move(context))
{
    m_endpoint = m_context.endpoint.isEmpty() ? m_context.target.endpoint : m_context.endpoint;
    QNetworkAccessManager* network = m_context.network;
    if (!network)
        network = new QNetworkAccessManager(this);
    m_http = new HttpClient(network, this);
    m_location = !m_context.region.isEmpty()          ? m_context.region
                 : !m_context.target.region.isEmpty() ? m_context.target.region
                                                      : QString::fromLatin1(kDefaultLocation);
    m_project = m_context.target.extensions.value(QLatin1String("project")).toString();
}

GoogleCloudFunctionsProvider::~GoogleCloudFunctionsProvider() = default;

void GoogleCloudFunctionsProvider::setClock(std::function<QDateTime()> nowUtc)
{
    m_clock = std::move(nowUtc);
    if (m_tokens && m_clock)
        m_tokens->setClock(m_clock);
}

int GoogleCloudFunctionsProvider::tokenFetchCount() const
{
    return m_tokens ? m_tokens->fetchCount() : 0;
}

QUrl GoogleCloudFunctionsProvider::routed(const QUrl& googleUrl) const
{
    if (m_endpoint.isEmpty())
        return googleUrl;
    const QUrl base(m_endpoint);
    QUrl out = googleUrl;
    out.setScheme(base.scheme());
    out.setHost(base.host());
    out.setPort(base.port());
    QString prefix = base.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    out.setPath(prefix + googleUrl.path(QUrl::FullyEncoded), QUrl::TolerantMode);
    return out;
}

QString GoogleCloudFunctionsProvider::hashLabel(const QString& sha256Base64)
{
    return QString::fromLatin1(QByteArray::fromBase64(sha256Base64.toLatin1()).toHex())
        .left(kHashLabelLength);
}

QString GoogleCloudFunctionsProvider::updateMask(bool withSource)
{
    QStringList fields;
    if (withSource)
        fields << QStringLiteral("buildConfig.source");
    fields << QStringLiteral("buildConfig.runtime") << QStringLiteral("buildConfig.entryPoint")
           << QStringLiteral("buildConfig.environmentVariables")
           << QStringLiteral("serviceConfig.availableMemory")
           << QStringLiteral("serviceConfig.timeoutSeconds")
           << QStringLiteral("serviceConfig.environmentVariables") << QStringLiteral("labels");
    return fields.join(QLatin1Char(','));
}

QJsonObject GoogleCloudFunctionsProvider::functionResource(const QString& name,
                                                           const FunctionSpec& function,
                                                           const QString& runtime,
                                                           const QJsonObject& storageSource,
                                                           const QJsonObject& labels)
{
    QJsonObject build{{QStringLiteral("runtime"), runtime},
                      {QStringLiteral("entryPoint"), QString::fromLatin1(GcpAdapters::kEntryPoint)},
                      // Build-time variables: none of the function's (Lambda has none either).
                      {QStringLiteral("environmentVariables"), QJsonObject{}}};
    if (!storageSource.isEmpty())
        build.insert(QStringLiteral("source"),
                     QJsonObject{{QStringLiteral("storageSource"), storageSource}});
    const QJsonObject service{
        {QStringLiteral("availableMemory"), memoryText(function.memoryMb)},
        {QStringLiteral("timeoutSeconds"), function.timeoutSeconds},
        {QStringLiteral("environmentVariables"), envObject(function.environment)}};
    QJsonObject f{{QStringLiteral("name"), name},
                  {QStringLiteral("environment"), QStringLiteral("GEN_2")},
                  {QStringLiteral("buildConfig"), build},
                  {QStringLiteral("serviceConfig"), service},
                  {QStringLiteral("labels"), labels}};
    if (!function.description.isEmpty())
        f.insert(QStringLiteral("description"), function.description);
    return f;
}

QString GoogleCloudFunctionsProvider::functionsUrl(const QString& suffix) const
{
    return QStringLiteral("%1/v2/projects/%2/locations/%3/functions%4")
        .arg(QString::fromLatin1(kFunctionsBase), m_project, m_location, suffix);
}

QString GoogleCloudFunctionsProvider::functionName(const QString& remoteName) const
{
    return QStringLiteral("projects/%1/locations/%2/functions/%3")
        .arg(m_project, m_location, remoteName);
}

// --- credentials ---------------------------------------------------------------------------

Result<void> GoogleCloudFunctionsProvider::useKey(Result<ServiceAccountKey> key)
{
    if (!key)
        return std::unexpected(key.error());
    if (m_project.isEmpty())
        m_project = key->projectId;
    if (m_project.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("No Google Cloud project: the key from %1 names none; set "
                                   "\"project\" in the deploy target.")
                        .arg(key->source));
    m_credentialSource = key->source;
    m_clientEmail = key->clientEmail;
    const QUrl tokenUrl = routed(QUrl(key->tokenUri));
    m_tokens = new GoogleTokenSource(m_http, std::move(*key), tokenUrl, this);
    if (m_clock)
        m_tokens->setClock(m_clock);
    return {};
}

void GoogleCloudFunctionsProvider::withCredentials(std::function<void(Result<void>)> done)
{
    if (m_tokens) {
        QTimer::singleShot(0, this, [done = std::move(done)] { done({}); });
        return;
    }
    auto later = [this, done](Result<void> r) {
        QTimer::singleShot(0, this, [done, r] { done(r); });
    };
    const QString configured =
        m_context.target.extensions.value(QLatin1String("credentials")).toString();
    if (!configured.isEmpty()) {
        const QString path = QDir::isAbsolutePath(configured) || m_context.workspaceFolder.isEmpty()
                                 ? configured
                                 : QDir(m_context.workspaceFolder).filePath(configured);
        later(useKey(ServiceAccountKey::load(
            QDir::cleanPath(path), QStringLiteral("the deploy target's \"credentials\""))));
        return;
    }
    const QString fromEnv =
        m_context.environment.value(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"));
    if (!fromEnv.isEmpty()) {
        later(useKey(
            ServiceAccountKey::load(fromEnv, QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"))));
        return;
    }
    const QString target =
        m_context.target.name.isEmpty() ? QStringLiteral("default") : m_context.target.name;
    const QString secretKey = QStringLiteral("gcp/%1/service_account_json").arg(target);
    const Error none{ErrorCode::Unauthorized,
                     QStringLiteral("No Google credentials: set \"credentials\" in the deploy "
                                    "target to a service account key file, set "
                                    "GOOGLE_APPLICATION_CREDENTIALS, or store the key's JSON in "
                                    "the keychain as %1.")
                         .arg(secretKey),
                     {},
                     {}};
    if (!m_context.secrets) {
        later(std::unexpected(none));
        return;
    }
    m_context.secrets->readSecret(secretKey, [this, done, secretKey, none](Result<QString> json) {
        if (m_tokens)
            return done({});
        if (!json) {
            done(std::unexpected(json.error().code == ErrorCode::NotFound ? none : json.error()));
            return;
        }
        done(useKey(ServiceAccountKey::parse(json->toUtf8(),
                                             QStringLiteral("keychain entry %1").arg(secretKey))));
    });
}

// --- authorized calls ----------------------------------------------------------------------

void GoogleCloudFunctionsProvider::send(HttpRequest request, ResponseCallback done,
                                        std::shared_ptr<Inflight> inflight, bool retried)
{
    withCredentials([=, this](Result<void> ready) {
        if (inflight && inflight->cancelled)
            return done(fail(ErrorCode::Cancelled, QStringLiteral("Cancelled.")));
        if (!ready)
            return done(std::unexpected(ready.error()));
        m_tokens->token([=, this](Result<QString> token) {
            if (inflight && inflight->cancelled)
                return done(fail(ErrorCode::Cancelled, QStringLiteral("Cancelled.")));
            if (!token)
                return done(std::unexpected(token.error()));
            HttpRequest authorized = request;
            authorized.setHeader("Authorization", "Bearer " + token->toLatin1());
            const auto id = m_http->send(authorized, [=, this](Result<HttpResponse> response) {
                if (!response && statusOf(response.error()) == 401 && !retried &&
                    !(inflight && inflight->cancelled)) {
                    // The token expired or was revoked early: one fresh token, one retry.
                    m_tokens->invalidate();
                    send(request, done, inflight, true);
                    return;
                }
                done(std::move(response));
            });
            if (inflight)
                inflight->id = id;
        });
    });
}

void GoogleCloudFunctionsProvider::pollOperation(const QString& operationName,
                                                 std::shared_ptr<Inflight> inflight,
                                                 std::function<void(Result<QJsonObject>)> done,
                                                 int polls)
{
    HttpRequest request;
    request.url = routed(
        QUrl(QStringLiteral("%1/v2/%2").arg(QString::fromLatin1(kFunctionsBase), operationName)));
    send(
        request,
        [=, this](Result<HttpResponse> response) {
            if (!response)
                return done(std::unexpected(describe(
                    response.error(), QStringLiteral("Checking operation %1").arg(operationName))));
            const QJsonObject op = QJsonDocument::fromJson(response->body).object();
            if (!op.value(QLatin1String("done")).toBool()) {
                if (qint64(polls + 1) * m_operationPollMs > m_operationTimeoutMs)
                    return done(
                        fail(ErrorCode::Remote,
                             QStringLiteral("Operation %1 is still running after %2 s; it may "
                                            "yet finish: check the function in the Cloud "
                                            "console, then deploy again.")
                                 .arg(operationName)
                                 .arg(m_operationTimeoutMs / 1000)));
                QTimer::singleShot(m_operationPollMs, this, [=, this] {
                    if (inflight && inflight->cancelled)
                        return done(fail(ErrorCode::Cancelled, QStringLiteral("Cancelled.")));
                    pollOperation(operationName, inflight, done, polls + 1);
                });
                return;
            }
            const QJsonObject error = op.value(QLatin1String("error")).toObject();
            if (!error.isEmpty())
                return done(
                    fail(ErrorCode::Remote,
                         QStringLiteral("Google Cloud Functions reported: %1 (operation %2).")
                             .arg(error.value(QLatin1String("message")).toString(), operationName),
                         QString::fromUtf8(QJsonDocument(error).toJson(QJsonDocument::Compact))));
            done(op.value(QLatin1String("response")).toObject());
        },
        inflight);
}

// --- identity, list, remove ----------------------------------------------------------------

void GoogleCloudFunctionsProvider::checkIdentity(std::function<void(Result<ProviderIdentity>)> done)
{
    withCredentials([=, this](Result<void> ready) {
        if (!ready)
            return done(std::unexpected(ready.error()));
        HttpRequest request;
        request.url = routed(QUrl(functionsUrl(QStringLiteral("?pageSize=1"))));
        send(request, [=, this](Result<HttpResponse> response) {
            if (!response)
                return done(std::unexpected(
                    describe(response.error(),
                             QStringLiteral("Listing the functions of projects/%1/locations/%2 "
                                            "with the key from %3")
                                 .arg(m_project, m_location, m_credentialSource))));
            done(ProviderIdentity{m_clientEmail, m_credentialSource,
                                  routed(QUrl(QString::fromLatin1(kFunctionsBase))).toString(),
                                  m_location});
        });
    });
}

void GoogleCloudFunctionsProvider::listFunctions(std::function<void(Result<QStringList>)> done)
{
    auto names = std::make_shared<QStringList>();
    auto page = std::make_shared<std::function<void(QString)>>();
    *page = [=, this](const QString& pageToken) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("100"));
        if (!pageToken.isEmpty())
            query.addQueryItem(QStringLiteral("pageToken"), pageToken);
        HttpRequest request;
        QUrl url(functionsUrl());
        url.setQuery(query);
        request.url = routed(url);
        send(request, [=](Result<HttpResponse> response) {
            if (!response) {
                done(std::unexpected(
                    describe(response.error(), QStringLiteral("Listing functions"))));
                *page = nullptr; // breaks the cycle
                return;
            }
            const QJsonObject o = QJsonDocument::fromJson(response->body).object();
            for (const QJsonValue& f : o.value(QLatin1String("functions")).toArray())
                *names << lastSegment(f.toObject().value(QLatin1String("name")).toString());
            const QString next = o.value(QLatin1String("nextPageToken")).toString();
            if (!next.isEmpty())
                return (*page)(next);
            done(*names);
            *page = nullptr;
        });
    };
    (*page)(QString());
}

void GoogleCloudFunctionsProvider::removeFunction(const QString& remoteName,
                                                  std::function<void(Result<void>)> done)
{
    HttpRequest request;
    request.method = "DELETE";
    // functionsUrl() needs the project, known only once the credentials are read.
    withCredentials([=, this](Result<void> ready) mutable {
        if (!ready)
            return done(std::unexpected(ready.error()));
        request.url = routed(QUrl(functionsUrl(QLatin1Char('/') + remoteName)));
        send(request, [=, this](Result<HttpResponse> response) {
            const QString what = QStringLiteral("Deleting %1").arg(functionName(remoteName));
            if (!response)
                return done(std::unexpected(describe(response.error(), what)));
            const QJsonObject op = QJsonDocument::fromJson(response->body).object();
            pollOperation(op.value(QLatin1String("name")).toString(), {},
                          [done](Result<QJsonObject> r) {
                              if (!r)
                                  return done(std::unexpected(r.error()));
                              done({});
                          });
        });
    });
}

// --- adapters ------------------------------------------------------------------------------

Result<QList<GeneratedFile>>
GoogleCloudFunctionsProvider::adapterFiles(const FunctionSpec& function) const
{
    const QString codeFolder = m_context.workspaceFolder.isEmpty()
                                   ? QString()
                                   : QDir(m_context.workspaceFolder).filePath(function.codeUri);
    return GcpAdapters::files(function, codeFolder);
}

// --- deploy --------------------------------------------------------------------------------

DeployJob* GoogleCloudFunctionsProvider::deploy(const DeploySpec& spec)
{
    auto* job = new DeployJob(this);
    auto s = std::make_shared<DeployState>();
    s->job = job;
    s->spec = spec;
    s->functionId = spec.remoteName.isEmpty() ? spec.function.name : spec.remoteName;
    connect(job, &DeployJob::cancelRequested, this, [this, s] {
        s->inflight->cancelled = true;
        if (s->inflight->id)
            m_http->cancel(s->inflight->id);
        if (s->job)
            s->job->finishIfCancelled();
    });
    QTimer::singleShot(0, job, [this, s] {
        if (s->stopped())
            return;
        if (!s->spec.package)
            return s->fail(Error{
                ErrorCode::InvalidArgument, QStringLiteral("The deploy has no package."), {}, {}});
        auto runtime = GcpAdapters::runtimeFor(s->spec.function.runtime);
        if (!runtime)
            return s->fail(runtime.error());
        s->runtime = *runtime;
        static const QRegularExpression validId(QStringLiteral("^[a-z][a-z0-9-]{3,62}$"));
        if (!validId.match(s->functionId).hasMatch())
            return s->fail(
                Error{ErrorCode::InvalidArgument,
                      QStringLiteral("\"%1\" cannot be a Cloud Functions name: use 4 to 63 "
                                     "lowercase letters, digits or '-', starting with a "
                                     "letter (set a remote name for the target).")
                          .arg(s->functionId),
                      {},
                      {}});
        s->hash = hashLabel(s->spec.package->sha256Base64);
        withCredentials([this, s](Result<void> ready) {
            if (s->stopped())
                return;
            if (!ready)
                return s->fail(ready.error());
            deployFetch(s);
        });
    });
    return job;
}

void GoogleCloudFunctionsProvider::deployFetch(std::shared_ptr<DeployState> s)
{
    s->job->beginStep(QString::fromLatin1(DeployJob::kUpload),
                      QStringLiteral("Looking up %1").arg(functionName(s->functionId)));
    HttpRequest request;
    request.url = routed(QUrl(functionsUrl(QLatin1Char('/') + s->functionId)));
    send(
        request,
        [this, s](Result<HttpResponse> response) {
            if (s->stopped())
                return;
            if (!response && statusOf(response.error()) != 404)
                return s->fail(
                    describe(response.error(),
                             QStringLiteral("Looking up %1").arg(functionName(s->functionId))));
            if (response) {
                const QJsonObject f = QJsonDocument::fromJson(response->body).object();
                s->existing = f;
                s->codeUnchanged = f.value(QLatin1String("labels"))
                                       .toObject()
                                       .value(QLatin1String(kHashLabel))
                                       .toString() == s->hash;
                const QJsonObject build = f.value(QLatin1String("buildConfig")).toObject();
                const QJsonObject service = f.value(QLatin1String("serviceConfig")).toObject();
                QJsonObject env = service.value(QLatin1String("environmentVariables")).toObject();
                env.remove(QStringLiteral("LOG_EXECUTION_ID")); // added by the platform
                s->settingsUnchanged =
                    build.value(QLatin1String("runtime")).toString() == s->runtime &&
                    build.value(QLatin1String("entryPoint")).toString() ==
                        QLatin1String(GcpAdapters::kEntryPoint) &&
                    service.value(QLatin1String("availableMemory")).toString() ==
                        memoryText(s->spec.function.memoryMb) &&
                    service.value(QLatin1String("timeoutSeconds")).toInt() ==
                        s->spec.function.timeoutSeconds &&
                    env == envObject(s->spec.function.environment);
            }
            if (s->codeUnchanged)
                return deployUpdate(s);
            deployUpload(s);
        },
        s->inflight);
}

void GoogleCloudFunctionsProvider::deployUpload(std::shared_ptr<DeployState> s)
{
    s->job->beginStep(
        QString::fromLatin1(DeployJob::kUpload),
        QStringLiteral("Uploading the code (%1 bytes)").arg(s->spec.package->zipBytes.size()));
    HttpRequest request;
    request.method = "POST";
    request.url = routed(QUrl(functionsUrl(QStringLiteral(":generateUploadUrl"))));
    request.setHeader("Content-Type", "application/json");
    request.body =
        QJsonDocument(QJsonObject{{QStringLiteral("environment"), QStringLiteral("GEN_2")}})
            .toJson(QJsonDocument::Compact);
    send(
        request,
        [this, s](Result<HttpResponse> response) {
            if (s->stopped())
                return;
            if (!response)
                return s->fail(
                    describe(response.error(), QStringLiteral("Asking for an upload URL")));
            const QJsonObject o = QJsonDocument::fromJson(response->body).object();
            const QUrl uploadUrl(o.value(QLatin1String("uploadUrl")).toString());
            s->storageSource = o.value(QLatin1String("storageSource")).toObject();
            if (!uploadUrl.isValid() || uploadUrl.host().isEmpty() || s->storageSource.isEmpty())
                return s->fail(
                    Error{ErrorCode::Remote,
                          QStringLiteral("Cloud Functions answered generateUploadUrl without "
                                         "an upload URL or storage source; try again."),
                          {},
                          {}});
            // The URL is signed: it carries its own authorization, so no token goes with it.
            HttpRequest put;
            put.method = "PUT";
            put.url = routed(uploadUrl);
            put.setHeader("Content-Type", "application/zip");
            put.body = s->spec.package->zipBytes;
            put.timeoutMs = 300000;
            s->inflight->id = m_http->send(
                put, [this, s, host = uploadUrl.host()](Result<HttpResponse> uploaded) {
                    if (s->stopped())
                        return;
                    if (!uploaded) {
                        Error e = uploaded.error();
                        if (e.code != ErrorCode::Network)
                            e = describe(e, QStringLiteral("Uploading the code to %1").arg(host));
                        return s->fail(e);
                    }
                    deployUpdate(s);
                });
        },
        s->inflight);
}

void GoogleCloudFunctionsProvider::deployUpdate(std::shared_ptr<DeployState> s)
{
    if (s->codeUnchanged && s->settingsUnchanged)
        return deployReady(s);
    const bool create = !s->existing.has_value();
    s->job->beginStep(QString::fromLatin1(DeployJob::kUpdate),
                      create ? QStringLiteral("Creating %1").arg(functionName(s->functionId))
                             : QStringLiteral("Updating %1").arg(functionName(s->functionId)));
    QJsonObject labels =
        s->existing ? s->existing->value(QLatin1String("labels")).toObject() : QJsonObject{};
    labels.insert(QLatin1String(kHashLabel), s->hash);
    HttpRequest request;
    request.setHeader("Content-Type", "application/json");
    request.body =
        QJsonDocument(functionResource(functionName(s->functionId), s->spec.function, s->runtime,
                                       s->codeUnchanged ? QJsonObject{} : s->storageSource, labels))
            .toJson(QJsonDocument::Compact);
    QUrl url;
    QUrlQuery query;
    if (create) {
        request.method = "POST";
        url = QUrl(functionsUrl());
        query.addQueryItem(QStringLiteral("functionId"), s->functionId);
    } else {
        request.method = "PATCH";
        url = QUrl(functionsUrl(QLatin1Char('/') + s->functionId));
        query.addQueryItem(QStringLiteral("updateMask"), updateMask(!s->codeUnchanged));
    }
    url.setQuery(query);
    request.url = routed(url);
    send(
        request,
        [this, s, create](Result<HttpResponse> response) {
            if (s->stopped())
                return;
            const QString what =
                (create ? QStringLiteral("Creating %1") : QStringLiteral("Updating %1"))
                    .arg(functionName(s->functionId));
            if (!response)
                return s->fail(describe(response.error(), what));
            const QJsonObject op = QJsonDocument::fromJson(response->body).object();
            const QString name = op.value(QLatin1String("name")).toString();
            auto finished = [this, s, what](Result<QJsonObject> r) {
                if (s->stopped())
                    return;
                if (!r) {
                    Error e = r.error();
                    if (e.code == ErrorCode::Remote)
                        e.message = QStringLiteral("%1 failed: %2").arg(what, e.message);
                    return s->fail(e);
                }
                deployReady(s);
            };
            if (op.value(QLatin1String("done")).toBool() || name.isEmpty()) {
                const QJsonObject error = op.value(QLatin1String("error")).toObject();
                if (!error.isEmpty())
                    return finished(
                        fail(ErrorCode::Remote,
                             QStringLiteral("Google Cloud Functions reported: %1.")
                                 .arg(error.value(QLatin1String("message")).toString())));
                return finished(op.value(QLatin1String("response")).toObject());
            }
            pollOperation(name, s->inflight, finished);
        },
        s->inflight);
}

void GoogleCloudFunctionsProvider::deployReady(std::shared_ptr<DeployState> s, int polls)
{
    if (polls == 0)
        s->job->beginStep(QString::fromLatin1(DeployJob::kReady),
                          QStringLiteral("Waiting for %1 to be active").arg(s->functionId));
    HttpRequest request;
    request.url = routed(QUrl(functionsUrl(QLatin1Char('/') + s->functionId)));
    send(
        request,
        [this, s, polls](Result<HttpResponse> response) {
            if (s->stopped())
                return;
            if (!response)
                return s->fail(
                    describe(response.error(),
                             QStringLiteral("Reading %1").arg(functionName(s->functionId))));
            const QJsonObject f = QJsonDocument::fromJson(response->body).object();
            const QString state = f.value(QLatin1String("state")).toString();
            if (state == QLatin1String("DEPLOYING") &&
                qint64(polls + 1) * m_operationPollMs <= m_operationTimeoutMs) {
                QTimer::singleShot(m_operationPollMs, this, [this, s, polls] {
                    if (!s->stopped())
                        deployReady(s, polls + 1);
                });
                return;
            }
            if (state != QLatin1String("ACTIVE")) {
                QStringList messages;
                for (const QJsonValue& m : f.value(QLatin1String("stateMessages")).toArray())
                    messages << m.toObject().value(QLatin1String("message")).toString();
                return s->fail(
                    Error{ErrorCode::Remote,
                          QStringLiteral("%1 is %2 after the deploy%3; see its page in the "
                                         "Cloud console.")
                              .arg(functionName(s->functionId),
                                   state.isEmpty() ? QStringLiteral("in no known state") : state,
                                   messages.isEmpty() ? QString()
                                                      : QStringLiteral(" (%1)").arg(
                                                            messages.join(QStringLiteral("; ")))),
                          {},
                          {}});
            }
            const QJsonObject service = f.value(QLatin1String("serviceConfig")).toObject();
            DeployResult result;
            result.version = f.value(QLatin1String("updateTime")).toString();
            if (result.version.isEmpty())
                result.version = service.value(QLatin1String("revision")).toString();
            result.arn = f.value(QLatin1String("name")).toString();
            if (result.arn.isEmpty())
                result.arn = functionName(s->functionId);
            result.url = service.value(QLatin1String("uri")).toString();
            result.codeUnchanged = s->codeUnchanged;
            result.codeSha256 = s->spec.package->sha256Base64;
            s->job->finish(result);
        },
        s->inflight);
}

// --- logs ----------------------------------------------------------------------------------

LogTail* GoogleCloudFunctionsProvider::tailLogs(const LogQuery& query)
{
    auto* tail = new LogTail(query, this);
    auto inflight = std::make_shared<Inflight>();
    connect(tail, &LogTail::stopRequested, tail, [this, tail, inflight] {
        inflight->cancelled = true;
        if (inflight->id)
            m_http->cancel(inflight->id);
        tail->finish();
    });
    QTimer::singleShot(0, tail, [this, tail, inflight] {
        withCredentials([this, tail, inflight](Result<void> ready) {
            if (tail->isFinished())
                return;
            if (!ready)
                return tail->finish(std::unexpected(ready.error()));
            pollLogs(tail, inflight, 0);
        });
    });
    return tail;
}

void GoogleCloudFunctionsProvider::pollLogs(LogTail* tail, std::shared_ptr<Inflight> inflight,
                                            int failures, const QString& pageToken, QString filter)
{
    if (tail->isFinished() || inflight->cancelled)
        return;
    // Cloud Functions (2nd gen) run as Cloud Run services of the same name.
    if (pageToken.isEmpty())
        filter = QStringLiteral("resource.type=\"cloud_run_revision\" AND "
                                "resource.labels.service_name=\"%1\" AND timestamp>=\"%2\"")
                     .arg(tail->query().function, rfc3339(tail->lastSeen()));
    QJsonObject body{
        {QStringLiteral("resourceNames"), QJsonArray{QStringLiteral("projects/%1").arg(m_project)}},
        {QStringLiteral("filter"), filter},
        {QStringLiteral("orderBy"), QStringLiteral("timestamp asc")},
        {QStringLiteral("pageSize"), 1000}};
    if (!pageToken.isEmpty())
        body.insert(QStringLiteral("pageToken"), pageToken);
    HttpRequest request;
    request.method = "POST";
    request.url =
        routed(QUrl(QStringLiteral("%1/v2/entries:list").arg(QString::fromLatin1(kLoggingBase))));
    request.setHeader("Content-Type", "application/json");
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.idempotent = true; // a read, though it is a POST
    send(
        request,
        [this, tail, inflight, failures, filter](Result<HttpResponse> response) {
            if (tail->isFinished() || inflight->cancelled)
                return;
            const int interval = std::max(100, tail->query().pollIntervalMs);
            if (!response) {
                const Error e =
                    describe(response.error(),
                             QStringLiteral("Reading the logs of %1").arg(tail->query().function));
                if (!tail->query().follow)
                    return tail->finish(std::unexpected(e));
                tail->reportProblem(e);
                const int delay = int(std::min<qint64>(
                    kMaxLogBackoffMs, qint64(interval) << std::min(failures + 1, 10)));
                QTimer::singleShot(delay, tail, [this, tail, inflight, failures] {
                    pollLogs(tail, inflight, failures + 1);
                });
                return;
            }
            const QJsonObject o = QJsonDocument::fromJson(response->body).object();
            QList<LogEvent> events;
            for (const QJsonValue& v : o.value(QLatin1String("entries")).toArray()) {
                const QJsonObject entry = v.toObject();
                LogEvent e;
                e.time = parseTimestamp(entry.value(QLatin1String("timestamp")).toString());
                e.id = entry.value(QLatin1String("insertId")).toString();
                e.stream = entry.value(QLatin1String("labels"))
                               .toObject()
                               .value(QLatin1String("instanceId"))
                               .toString();
                if (e.stream.isEmpty())
                    e.stream = entry.value(QLatin1String("resource"))
                                   .toObject()
                                   .value(QLatin1String("labels"))
                                   .toObject()
                                   .value(QLatin1String("revision_name"))
                                   .toString();
                if (entry.contains(QLatin1String("textPayload"))) {
                    e.message = entry.value(QLatin1String("textPayload")).toString();
                } else {
                    const QJsonObject json = entry.value(QLatin1String("jsonPayload")).toObject();
                    e.message =
                        json.contains(QLatin1String("message"))
                            ? json.value(QLatin1String("message")).toString()
                            : QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
                }
                while (e.message.endsWith(QLatin1Char('\n')) ||
                       e.message.endsWith(QLatin1Char('\r')))
                    e.message.chop(1);
                events << e;
            }
            tail->reportRecovered();
            tail->deliver(events);
            const QString next = o.value(QLatin1String("nextPageToken")).toString();
            if (!next.isEmpty())
                return pollLogs(tail, inflight, 0, next, filter);
            if (!tail->query().follow)
                return tail->finish();
            QTimer::singleShot(interval, tail,
                               [this, tail, inflight] { pollLogs(tail, inflight, 0); });
        },
        inflight);
}

} // namespace swb
