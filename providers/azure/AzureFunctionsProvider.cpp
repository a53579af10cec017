#include "AzureFunctionsProvider.h"

#include "AzureFunctionsAdapters.h"
#include "ClientCredentialsToken.h"
#include "PublishProfile.h"
#include "common/HttpClient.h"
#include "common/LogTail.h"
#include "common/Packager.h"
#include "settings/Redaction.h"
#include "settings/SecretStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace swb {

namespace {

// Kudu's DeployStatus (Kudu.Contracts/Deployment/DeployStatus.cs).
constexpr int kStatusFailed = 3;
constexpr int kStatusSuccess = 4;
// Kudu's LogEntryType: Message 0, Warning 1, Error 2.
constexpr int kLogEntryError = 2;

QString kb(qsizetype bytes)
{
    return QStringLiteral("%1 KB").arg((bytes + 1023) / 1024);
}

} // namespace

struct AzureFunctionsProvider::Auth {
    enum class Kind { Basic, Bearer };
    Kind kind = Kind::Basic;
    QByteArray basicHeader;
    std::unique_ptr<ClientCredentialsToken> token;
    QString source;
    QString who;
};

struct AzureFunctionsProvider::DeployRun {
    QPointer<DeployJob> job;
    DeploySpec spec;
    std::shared_ptr<quint64> inflight = std::make_shared<quint64>(0);
    QUrl statusUrl;
    int nextPollMs = 0;
    int notFoundPolls = 0;
    bool accepted = false; // Kudu took the package: a cancel no longer stops the deployment
    QElapsedTimer started;
};

struct AzureFunctionsProvider::StreamRun {
    QPointer<LogTail> tail;
    // Its own, so stop() can close the connection: an aborted reply leaves Qt's HTTP
    // connection open (and Kudu streaming into it) for as long as the manager lives.
    QPointer<QNetworkAccessManager> network;
    QPointer<QNetworkReply> reply;
    QByteArray buffer;
    int attempt = 0;
    bool retriedAuth = false;
    bool receivedAny = false; // any answer bytes on any connection
    QTimer* silence = nullptr;
};

AzureFunctionsProvider::AzureFunctionsProvider(ProviderContext context, QObject* parent)
    : Provider(parent), m_context(std::move(context)),
      m_http(new HttpClient(m_context.network, this)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    connect(m_http, &HttpClient::log, this, &AzureFunctionsProvider::log);
}

AzureFunctionsProvider::~AzureFunctionsProvider() = default;

void AzureFunctionsProvider::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

void AzureFunctionsProvider::setPollIntervalsMs(int firstMs, int maxMs)
{
    m_pollFirstMs = std::max(1, firstMs);
    m_pollMaxMs = std::max(m_pollFirstMs, maxMs);
}

void AzureFunctionsProvider::setLogStreamTiming(int silenceMs, int reconnectFirstMs,
                                                int reconnectMaxMs)
{
    m_silenceMs = std::max(1, silenceMs);
    m_reconnectFirstMs = std::max(1, reconnectFirstMs);
    m_reconnectMaxMs = std::max(m_reconnectFirstMs, reconnectMaxMs);
}

int AzureFunctionsProvider::tokenFetchCount() const
{
    return m_auth && m_auth->token ? m_auth->token->fetchCount() : 0;
}

QString AzureFunctionsProvider::deploymentMessage(const QString& sha256Base64)
{
    // Hex, not base64: '+' and '/' would need care in the query and read badly in the portal.
    return QStringLiteral("swb sha256=%1")
        .arg(QString::fromLatin1(QByteArray::fromBase64(sha256Base64.toLatin1()).toHex()));
}

QString AzureFunctionsProvider::targetName() const
{
    return m_context.target.name.isEmpty() ? QStringLiteral("default") : m_context.target.name;
}

Result<void> AzureFunctionsProvider::resolveTarget()
{
    if (m_targetResolved)
        return {};
    const QJsonObject& ext = m_context.target.extensions;
    const QString profilePath = ext.value(QLatin1String("publishProfile")).toString();
    if (!profilePath.isEmpty()) {
        const QString path = QDir::isAbsolutePath(profilePath)
                                 ? profilePath
                                 : QDir(m_context.workspaceFolder).filePath(profilePath);
        auto profile = PublishProfile::load(QDir::cleanPath(path));
        if (!profile)
            return std::unexpected(profile.error());
        m_profile = std::make_unique<PublishProfile>(*profile);
        m_secrets << m_profile->password;
        m_http->addSecret(m_profile->password);
    }
    m_app = ext.value(QLatin1String("app")).toString();
    if (m_app.isEmpty() && m_profile)
        m_app = m_profile->siteName;
    const QString endpoint =
        !m_context.endpoint.isEmpty() ? m_context.endpoint : m_context.target.endpoint;
    if (!endpoint.isEmpty()) {
        m_kudu = QUrl(endpoint);
    } else if (m_profile) {
        m_kudu = m_profile->kuduUrl();
    } else if (const QString publishUrl = ext.value(QLatin1String("publishUrl")).toString();
               !publishUrl.isEmpty()) {
        PublishProfile p;
        p.publishUrl = publishUrl;
        m_kudu = p.kuduUrl();
    } else if (!m_app.isEmpty()) {
        m_kudu = QUrl(QStringLiteral("https://%1.scm.azurewebsites.net").arg(m_app));
    }
    if (m_app.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The Azure deploy target \"%1\" names no function app; set "
                                   "\"app\" in the target (or give it a publish profile).")
                        .arg(targetName()));
    if (!m_kudu.isValid() || m_kudu.host().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The Kudu address for the Azure target \"%1\" is not a URL; "
                                   "check its endpoint or publishUrl.")
                        .arg(targetName()));
    m_appUrl = ext.value(QLatin1String("appUrl")).toString();
    if (m_appUrl.isEmpty() && m_profile && !m_profile->destinationAppUrl.isEmpty())
        m_appUrl = m_profile->destinationAppUrl;
    if (m_appUrl.isEmpty())
        m_appUrl = QStringLiteral("https://%1.azurewebsites.net").arg(m_app);
    // Publish profiles often say http://; the app answers on https.
    if (m_appUrl.startsWith(QLatin1String("http://")))
        m_appUrl.replace(0, 7, QStringLiteral("https://"));
    while (m_appUrl.endsWith(QLatin1Char('/')))
        m_appUrl.chop(1);
    m_targetResolved = true;
    return {};
}

QUrl AzureFunctionsProvider::kuduUrl(const QString& path) const
{
    QUrl url = m_kudu;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

void AzureFunctionsProvider::readSecret(const QString& key,
                                        std::function<void(Result<QString>)> done)
{
    if (!m_context.secrets) {
        QTimer::singleShot(0, this, [done = std::move(done)] {
            done(fail(ErrorCode::NotFound, QStringLiteral("no keychain")));
        });
        return;
    }
    m_context.secrets->readSecret(key, std::move(done));
}

void AzureFunctionsProvider::resolveAuth(std::function<void(Result<void>)> done)
{
    if (m_auth) {
        done({});
        return;
    }
    if (auto target = resolveTarget(); !target) {
        done(std::unexpected(target.error()));
        return;
    }
    const QJsonObject& ext = m_context.target.extensions;
    if (m_profile) {
        auto auth = std::make_unique<Auth>();
        auth->basicHeader =
            "Basic " +
            (m_profile->userName + QLatin1Char(':') + m_profile->password).toUtf8().toBase64();
        auth->source = QStringLiteral("the publish profile %1 (user %2)")
                           .arg(QDir::toNativeSeparators(m_profile->file), m_profile->userName);
        m_secrets << QString::fromLatin1(auth->basicHeader);
        m_http->addSecret(QString::fromLatin1(auth->basicHeader.mid(6)));
        m_auth = std::move(auth);
        done({});
        return;
    }
    const QString user = ext.value(QLatin1String("userName")).toString();
    if (!user.isEmpty()) {
        const QString key = QStringLiteral("azure/%1/publish_password").arg(targetName());
        readSecret(key, [this, user, key, done = std::move(done)](Result<QString> password) {
            if (m_auth) {
                done({});
                return;
            }
            if (!password) {
                done(fail(ErrorCode::Unauthorized,
                          QStringLiteral("The Azure target \"%1\" names the deployment user %2 but "
                                         "the keychain has no password under %3 (%4); store the "
                                         "publish profile's userPWD there, or set publishProfile.")
                              .arg(targetName(), user, key, password.error().message)));
                return;
            }
            m_secrets << *password;
            m_http->addSecret(*password);
            auto auth = std::make_unique<Auth>();
            auth->basicHeader =
                "Basic " + (user + QLatin1Char(':') + *password).toUtf8().toBase64();
            auth->source =
                QStringLiteral("the deployment user %1 with the keychain's %2").arg(user, key);
            m_secrets << QString::fromLatin1(auth->basicHeader);
            m_http->addSecret(QString::fromLatin1(auth->basicHeader.mid(6)));
            m_auth = std::move(auth);
            done({});
        });
        return;
    }

    const QProcessEnvironment& env = m_context.environment;
    ServicePrincipal sp;
    sp.tenantId =
        ext.value(QLatin1String("tenantId")).toString(env.value(QStringLiteral("AZURE_TENANT_ID")));
    sp.clientId =
        ext.value(QLatin1String("clientId")).toString(env.value(QStringLiteral("AZURE_CLIENT_ID")));
    if (sp.tenantId.isEmpty() || sp.clientId.isEmpty()) {
        done(fail(
            ErrorCode::Unauthorized,
            QStringLiteral("No Azure credentials for the target \"%1\": set \"publishProfile\" "
                           "in the target (a .PublishSettings file), or a service principal "
                           "with AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET.")
                .arg(targetName())));
        return;
    }
    QUrl authority(QString::fromLatin1(ClientCredentialsToken::kDefaultAuthority));
    if (const QString t = ext.value(QLatin1String("tokenEndpoint")).toString(); !t.isEmpty())
        authority = QUrl(t);
    else if (!m_context.endpoint.isEmpty())
        authority = QUrl(m_context.endpoint);
    else if (const QString host = env.value(QStringLiteral("AZURE_AUTHORITY_HOST"));
             !host.isEmpty())
        authority = QUrl(host);

    auto finish = [this, done, authority](ServicePrincipal p) {
        if (m_auth) {
            done({});
            return;
        }
        m_secrets << p.clientSecret;
        auto auth = std::make_unique<Auth>();
        auth->kind = Auth::Kind::Bearer;
        auth->source = p.source;
        auth->who = QStringLiteral("service principal %1").arg(p.clientId);
        auth->token =
            std::make_unique<ClientCredentialsToken>(m_http, std::move(p), authority, m_clock);
        m_auth = std::move(auth);
        done({});
    };
    const QString secret = env.value(QStringLiteral("AZURE_CLIENT_SECRET"));
    if (!secret.isEmpty()) {
        sp.clientSecret = secret;
        sp.source = QStringLiteral("the service principal %1 from environment variables "
                                   "(AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET)")
                        .arg(sp.clientId);
        finish(std::move(sp));
        return;
    }
    const QString key = QStringLiteral("azure/%1/client_secret").arg(targetName());
    readSecret(key, [this, sp, key, finish, done](Result<QString> value) mutable {
        if (!value) {
            done(fail(ErrorCode::Unauthorized,
                      QStringLiteral("The service principal %1 has no secret: set "
                                     "AZURE_CLIENT_SECRET, or store it in the keychain as %2.")
                          .arg(sp.clientId, key)));
            return;
        }
        sp.clientSecret = *value;
        sp.source =
            QStringLiteral("the service principal %1 with the keychain's %2").arg(sp.clientId, key);
        finish(std::move(sp));
    });
}

void AzureFunctionsProvider::authorize(std::function<void(Result<QByteArray>)> done)
{
    resolveAuth([this, done = std::move(done)](Result<void> ok) {
        if (!ok) {
            done(std::unexpected(ok.error()));
            return;
        }
        if (m_auth->kind == Auth::Kind::Basic) {
            done(m_auth->basicHeader);
            return;
        }
        m_auth->token->get([this, done](Result<QString> token) {
            if (!token) {
                done(std::unexpected(token.error()));
                return;
            }
            m_secrets << *token;
            done("Bearer " + token->toUtf8());
        });
    });
}

Error AzureFunctionsProvider::namingSource(Error error) const
{
    if (error.code != ErrorCode::Unauthorized || !m_auth)
        return error;
    const bool basic = m_auth->kind == Auth::Kind::Basic;
    error.message =
        QStringLiteral("Kudu at %1 refused %2 (HTTP 401/403); %3")
            .arg(m_kudu.host(), m_auth->source,
                 basic ? QStringLiteral("check the password (download the publish profile again "
                                        "after a reset) and that SCM basic auth publishing "
                                        "credentials are enabled for the app.")
                       : QStringLiteral("check that the service principal has a role on the app "
                                        "(Website Contributor or Contributor)."));
    return error;
}

void AzureFunctionsProvider::kuduSend(HttpRequest request, std::shared_ptr<quint64> inflight,
                                      std::function<void(Result<HttpResponse>)> done, bool retried)
{
    authorize([this, request, inflight, done = std::move(done),
               retried](Result<QByteArray> header) mutable {
        if (!header) {
            done(std::unexpected(header.error()));
            return;
        }
        HttpRequest r = request;
        r.setHeader("Authorization", *header);
        const auto id = m_http->send(
            std::move(r), [this, request, inflight, done, retried](Result<HttpResponse> response) {
                if (inflight)
                    *inflight = 0;
                // A token Kudu no longer takes (expired, revoked): fetch a new one, once.
                if (!response && response.error().code == ErrorCode::Unauthorized && !retried &&
                    m_auth && m_auth->kind == Auth::Kind::Bearer) {
                    m_auth->token->invalidate();
                    kuduSend(request, inflight, done, true);
                    return;
                }
                if (!response) {
                    done(std::unexpected(namingSource(response.error())));
                    return;
                }
                done(std::move(response));
            });
        if (inflight)
            *inflight = id;
    });
}

void AzureFunctionsProvider::checkIdentity(std::function<void(Result<ProviderIdentity>)> done)
{
    if (auto target = resolveTarget(); !target) {
        QTimer::singleShot(0, this, [done, e = target.error()] { done(std::unexpected(e)); });
        return;
    }
    HttpRequest request;
    request.url = kuduUrl(QStringLiteral("/api/environment"));
    kuduSend(request, nullptr, [this, done](Result<HttpResponse> response) {
        if (!response) {
            done(std::unexpected(response.error()));
            return;
        }
        ProviderIdentity identity;
        identity.who = m_auth->who.isEmpty()
                           ? QStringLiteral("function app %1").arg(m_app)
                           : QStringLiteral("function app %1 (%2)").arg(m_app, m_auth->who);
        identity.credentialSource = m_auth->source;
        identity.endpoint = m_kudu.toString();
        identity.region = m_context.region.isEmpty() ? m_context.target.region : m_context.region;
        done(identity);
    });
}

Result<QList<GeneratedFile>>
AzureFunctionsProvider::adapterFiles(const FunctionSpec& function) const
{
    QString app = m_context.target.extensions.value(QLatin1String("app")).toString();
    if (app.isEmpty())
        app = m_app;
    if (const QString profile =
            m_context.target.extensions.value(QLatin1String("publishProfile")).toString();
        app.isEmpty() && !profile.isEmpty()) {
        // Only for the handler's context (invokedFunctionArn); deploy reports a bad file.
        if (auto p = PublishProfile::load(QDir(m_context.workspaceFolder).filePath(profile)))
            app = p->siteName;
    }
    return AzureFunctionsAdapters::files(function, app);
}

DeployJob* AzureFunctionsProvider::deploy(const DeploySpec& spec)
{
    auto* job = new DeployJob(this);
    auto run = std::make_shared<DeployRun>();
    run->job = job;
    run->spec = spec;
    run->started.start();
    connect(job, &DeployJob::cancelRequested, this, [this, run] {
        // Our message first (the first result wins), then abort what is in flight.
        if (run->job && !run->job->isFinished()) {
            Error e{ErrorCode::Cancelled,
                    run->accepted
                        ? QStringLiteral("The deploy to %1 was cancelled after Kudu accepted the "
                                         "package; Kudu may still finish that deployment (see the "
                                         "app's Deployment Center).")
                              .arg(m_app)
                        : QStringLiteral("The deploy to %1 was cancelled before Kudu accepted the "
                                         "package; the app is unchanged.")
                              .arg(m_app),
                    {},
                    {}};
            run->job->finish(std::unexpected(e));
        }
        if (*run->inflight)
            m_http->cancel(*run->inflight);
    });
    // From the event loop, so a caller connects before the first step.
    QTimer::singleShot(0, job, [this, run] { startDeploy(run); });
    return job;
}

void AzureFunctionsProvider::startDeploy(std::shared_ptr<DeployRun> run)
{
    DeployJob* job = run->job;
    if (!job || job->finishIfCancelled())
        return;
    if (!run->spec.package) {
        job->finish(fail(ErrorCode::InvalidArgument, QStringLiteral("The deploy has no package.")));
        return;
    }
    if (auto target = resolveTarget(); !target) {
        job->finish(std::unexpected(target.error()));
        return;
    }
    job->beginStep(QString::fromLatin1(DeployJob::kUpload),
                   QStringLiteral("Uploading %1 to %2 (Kudu zip deploy)")
                       .arg(kb(run->spec.package->zipBytes.size()), m_app));
    // Same package as the app's last successful deployment: nothing to upload.
    HttpRequest latest;
    latest.url = kuduUrl(QStringLiteral("/api/deployments/latest"));
    kuduSend(latest, run->inflight, [this, run](Result<HttpResponse> response) {
        DeployJob* job = run->job;
        if (!job || job->isFinished() || job->finishIfCancelled())
            return;
        if (!response) {
            if (response.error().code == ErrorCode::NotFound ||
                (response.error().code == ErrorCode::Remote &&
                 response.error().detail.startsWith(QLatin1String("HTTP 404")))) {
                upload(run);
                return;
            }
            job->finish(std::unexpected(response.error()));
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(response->body).object();
        if (o.value(QLatin1String("status")).toInt(-1) == kStatusSuccess &&
            o.value(QLatin1String("message")).toString() ==
                deploymentMessage(run->spec.package->sha256Base64)) {
            ready(run, o.value(QLatin1String("id")).toString(), true);
            return;
        }
        upload(run);
    });
}

void AzureFunctionsProvider::upload(std::shared_ptr<DeployRun> run)
{
    HttpRequest request;
    request.method = "POST";
    QUrl url = kuduUrl(QStringLiteral("/api/zipdeploy"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("isAsync"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("message"),
                       QString::fromLatin1(QUrl::toPercentEncoding(
                           deploymentMessage(run->spec.package->sha256Base64))));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    request.url = url;
    request.setHeader("Content-Type", "application/zip");
    request.body = run->spec.package->zipBytes;
    request.timeoutMs = 10 * 60 * 1000;
    kuduSend(request, run->inflight, [this, run](Result<HttpResponse> response) {
        DeployJob* job = run->job;
        if (!job || job->isFinished())
            return;
        if (!response) {
            Error e = response.error();
            if (e.code == ErrorCode::Conflict)
                e.message = QStringLiteral("Kudu at %1 is busy with another deployment (HTTP 409); "
                                           "wait for it to finish, then deploy again.")
                                .arg(m_kudu.host());
            else if (e.code == ErrorCode::Network)
                e.message = QStringLiteral("The upload to %1 failed (%2); the app may or may not "
                                           "have the new code: deploy again.")
                                .arg(m_kudu.host(), e.message);
            job->finish(std::unexpected(e));
            return;
        }
        if (job->finishIfCancelled())
            return;
        run->accepted = true;
        if (response->status == 202) {
            QUrl location = m_kudu.resolved(QUrl(QString::fromUtf8(response->header("Location"))));
            // Never send the credentials to another host than Kudu's.
            if (response->header("Location").isEmpty() || location.host() != m_kudu.host() ||
                location.port() != m_kudu.port()) {
                QUrl same =
                    kuduUrl(location.path().isEmpty() ? QStringLiteral("/api/deployments/latest")
                                                      : location.path());
                same.setQuery(location.query());
                location = same;
            }
            run->statusUrl = location;
        } else if (response->status == 200) {
            run->statusUrl = kuduUrl(QStringLiteral("/api/deployments/latest"));
        } else {
            job->finish(
                fail(ErrorCode::Remote,
                     QStringLiteral("Kudu at %1 answered HTTP %2 to the zip deploy; expected "
                                    "202 Accepted.")
                         .arg(m_kudu.host())
                         .arg(response->status)));
            return;
        }
        job->beginStep(QString::fromLatin1(DeployJob::kUpdate),
                       QStringLiteral("Kudu is deploying the package to %1").arg(m_app));
        run->nextPollMs = m_pollFirstMs;
        QTimer::singleShot(run->nextPollMs, job, [this, run] { poll(run); });
    });
}

void AzureFunctionsProvider::poll(std::shared_ptr<DeployRun> run)
{
    DeployJob* job = run->job;
    if (!job || job->isFinished() || job->finishIfCancelled())
        return;
    if (run->started.elapsed() > m_deployTimeoutMs) {
        job->finish(
            fail(ErrorCode::Remote,
                 QStringLiteral("Kudu has not finished deploying to %1 after %2 minutes; see "
                                "the app's Deployment Center for its state.")
                     .arg(m_app)
                     .arg(m_deployTimeoutMs / 60000)));
        return;
    }
    HttpRequest request;
    request.url = run->statusUrl;
    kuduSend(request, run->inflight, [this, run](Result<HttpResponse> response) {
        DeployJob* job = run->job;
        if (!job || job->isFinished())
            return;
        auto again = [this, run, job] {
            run->nextPollMs = std::min(m_pollMaxMs, run->nextPollMs * 2);
            QTimer::singleShot(run->nextPollMs, job, [this, run] { poll(run); });
        };
        if (!response) {
            // The record may not be written yet right after the 202.
            if (response.error().detail.startsWith(QLatin1String("HTTP 404")) &&
                ++run->notFoundPolls < 5) {
                again();
                return;
            }
            job->finish(std::unexpected(response.error()));
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(response->body).object();
        const int status = o.value(QLatin1String("status")).toInt(-1);
        if (status == kStatusSuccess) {
            ready(run, o.value(QLatin1String("id")).toString(), false);
            return;
        }
        if (status == kStatusFailed) {
            deploymentFailed(run, o);
            return;
        }
        again();
    });
}

void AzureFunctionsProvider::deploymentFailed(std::shared_ptr<DeployRun> run,
                                              const QJsonObject& status)
{
    const QString id = status.value(QLatin1String("id")).toString();
    const QString statusText = status.value(QLatin1String("status_text")).toString();
    auto finishWith = [this, run, id, statusText](const QString& log) {
        if (!run->job || run->job->isFinished())
            return;
        QString why = log.isEmpty() ? statusText : log;
        if (why.isEmpty())
            why = QStringLiteral("no message");
        run->job->finish(
            fail(ErrorCode::Remote,
                 QStringLiteral("Kudu could not deploy to %1: deployment %2 failed (%3); "
                                "fix the package or see the app's Deployment Center "
                                "logs, then deploy again.")
                     .arg(m_app, id, why)));
    };
    const QString logUrl = status.value(QLatin1String("log_url")).toString();
    QUrl url = logUrl.isEmpty() ? kuduUrl(QStringLiteral("/api/deployments/%1/log").arg(id))
                                : QUrl(logUrl);
    if (url.host() != m_kudu.host() || url.port() != m_kudu.port())
        url = kuduUrl(url.path());
    HttpRequest request;
    request.url = url;
    kuduSend(request, run->inflight, [finishWith](Result<HttpResponse> response) {
        if (!response) {
            finishWith({});
            return;
        }
        QStringList errors;
        QStringList all;
        for (const QJsonValue& v : QJsonDocument::fromJson(response->body).array()) {
            const QJsonObject entry = v.toObject();
            const QString message = entry.value(QLatin1String("message")).toString().trimmed();
            if (message.isEmpty())
                continue;
            all << message;
            if (entry.value(QLatin1String("type")).toInt() == kLogEntryError)
                errors << message;
        }
        finishWith(!errors.isEmpty() ? errors.join(QStringLiteral("; "))
                                     : all.value(all.size() - 1));
    });
}

void AzureFunctionsProvider::ready(std::shared_ptr<DeployRun> run, const QString& deploymentId,
                                   bool unchanged)
{
    DeployJob* job = run->job;
    if (!job || job->isFinished())
        return;
    if (unchanged)
        job->beginStep(QString::fromLatin1(DeployJob::kUpdate),
                       QStringLiteral("%1 already runs this package (deployment %2)")
                           .arg(m_app, deploymentId));
    DeployResult result;
    result.version = deploymentId;
    result.codeUnchanged = unchanged;
    result.codeSha256 = run->spec.package->sha256Base64;
    const QString name = run->spec.function.name;
    result.arn = m_app + QLatin1Char('/') + name;
    if (auto entries = AzureFunctionsAdapters::entries(run->spec.function); entries) {
        for (const AzureFunctionEntry& e : *entries)
            if (e.kind != QLatin1String("timer")) {
                result.url = m_appUrl + QStringLiteral("/api/") + e.route;
                break;
            }
    }
    job->beginStep(QString::fromLatin1(DeployJob::kReady),
                   result.url.isEmpty()
                       ? QStringLiteral("Deployed to %1").arg(m_app)
                       : QStringLiteral("Deployed to %1: %2").arg(m_app, result.url));
    job->finish(result);
}

// --- logs ---

void AzureFunctionsProvider::closeStream(StreamRun& run)
{
    if (run.reply) {
        QNetworkReply* reply = run.reply;
        run.reply = nullptr;
        reply->disconnect();
        reply->abort();
        reply->deleteLater();
    }
    if (run.network)
        run.network->deleteLater();
    if (run.tail)
        run.tail->finish();
}

LogTail* AzureFunctionsProvider::tailLogs(const LogQuery& query)
{
    auto* tail = new LogTail(query, this);
    auto run = std::make_shared<StreamRun>();
    run->tail = tail;
    run->silence = new QTimer(tail);
    run->silence->setSingleShot(true);
    // Without follow: the stream went quiet, so what was there has been read.
    connect(run->silence, &QTimer::timeout, tail, [run] { closeStream(*run); });
    connect(tail, &LogTail::stopRequested, tail, [run] { closeStream(*run); });
    connect(tail, &LogTail::finished, tail, [run] { closeStream(*run); });
    QTimer::singleShot(0, tail, [this, run] { connectStream(run); });
    return tail;
}

void AzureFunctionsProvider::connectStream(std::shared_ptr<StreamRun> run)
{
    if (!run->tail || run->tail->isFinished())
        return;
    authorize([this, run](Result<QByteArray> header) {
        LogTail* tail = run->tail;
        if (!tail || tail->isFinished())
            return;
        if (!header) {
            if (header.error().code == ErrorCode::Unauthorized ||
                header.error().code == ErrorCode::InvalidArgument) {
                tail->finish(std::unexpected(header.error()));
                return;
            }
            streamEnded(run, header.error());
            return;
        }
        QNetworkRequest request(kuduUrl(QStringLiteral("/api/logstream")));
        request.setRawHeader("Authorization", *header);
        request.setRawHeader("Accept", "text/plain");
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                             QNetworkRequest::AlwaysNetwork);
        emit log(redactSecrets(QStringLiteral("LOGSTREAM > GET %1 (attempt %2)")
                                   .arg(HttpClient::redactedUrl(request.url()))
                                   .arg(run->attempt + 1),
                               m_secrets));
        if (!run->network) {
            run->network = new QNetworkAccessManager(tail);
            run->network->setProxy(m_context.network->proxy());
        }
        QNetworkReply* reply = run->network->get(request);
        run->reply = reply;
        run->buffer.clear();
        connect(reply, &QNetworkReply::readyRead, tail, [this, run] { streamData(run); });
        connect(reply, &QNetworkReply::finished, tail, [this, run, reply] {
            if (run->reply != reply)
                return;
            run->reply = nullptr;
            reply->deleteLater();
            LogTail* tail = run->tail;
            if (!tail || tail->isFinished())
                return;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 401 || status == 403) {
                if (m_auth && m_auth->kind == Auth::Kind::Bearer && !run->retriedAuth) {
                    run->retriedAuth = true;
                    m_auth->token->invalidate();
                    connectStream(run);
                    return;
                }
                tail->finish(std::unexpected(
                    namingSource(Error{ErrorCode::Unauthorized,
                                       {},
                                       QStringLiteral("HTTP %1 GET %2")
                                           .arg(status)
                                           .arg(HttpClient::redactedUrl(reply->url())),
                                       {}})));
                return;
            }
            if (!run->buffer.isEmpty()) {
                run->buffer += '\n';
                streamData(run);
            }
            const QString why = reply->error() != QNetworkReply::NoError
                                    ? reply->errorString()
                                    : (status >= 400 ? QStringLiteral("HTTP %1").arg(status)
                                                     : QStringLiteral("the server closed it"));
            emit log(redactSecrets(QStringLiteral("LOGSTREAM < ended: %1").arg(why), m_secrets));
            streamEnded(run,
                        Error{ErrorCode::Network,
                              QStringLiteral("The log stream from %1 dropped (%2); reconnecting.")
                                  .arg(m_kudu.host(), redactSecrets(why, m_secrets)),
                              {},
                              {}});
        });
        if (!tail->query().follow)
            run->silence->start(m_silenceMs);
    });
}

void AzureFunctionsProvider::streamData(const std::shared_ptr<StreamRun>& run)
{
    LogTail* tail = run->tail;
    if (!tail || tail->isFinished())
        return;
    if (run->reply) {
        const int status = run->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 400)
            return; // an error page, not log lines; finished() reports it
        run->buffer += run->reply->readAll();
    }
    static const QRegularExpression stamp(QStringLiteral(
        R"(^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?\s+(.*)$)"));
    static const QRegularExpression names(QStringLiteral(R"(Functions\.([A-Za-z0-9_-]+))"));
    const QString function = tail->query().function;
    QList<LogEvent> events;
    qsizetype end;
    while ((end = run->buffer.indexOf('\n')) >= 0) {
        QString line = QString::fromUtf8(run->buffer.left(end));
        run->buffer.remove(0, end + 1);
        while (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        LogEvent e;
        e.stream = QStringLiteral("logstream");
        const auto m = stamp.match(line);
        if (m.hasMatch()) {
            QString when =
                m.captured(1) + (m.captured(2).isEmpty() ? QStringLiteral("Z") : m.captured(2));
            e.time = QDateTime::fromString(when, Qt::ISODateWithMs).toUTC();
            e.message = m.captured(3);
        } else {
            e.message = line;
        }
        // Kudu's own notices, not the app's lines.
        if (e.message.startsWith(
                QLatin1String("Welcome, you are now connected to log-streaming service")) ||
            e.message.startsWith(QLatin1String("No new trace in the past")))
            continue;
        // A line that names another function is that function's; lines naming none are kept
        // (a handler's own prints carry no name).
        if (!function.isEmpty()) {
            bool other = false;
            bool ours = false;
            auto it = names.globalMatch(e.message);
            while (it.hasNext()) {
                const QString n = it.next().captured(1);
                if (n == function || n.startsWith(function + QLatin1Char('_')))
                    ours = true;
                else
                    other = true;
            }
            if (other && !ours)
                continue;
        }
        if (e.time.isValid() && e.time < tail->since())
            continue;
        events << e;
    }
    if (!events.isEmpty() || run->reply) {
        tail->reportRecovered();
        run->attempt = 0;
        run->receivedAny = true;
        run->retriedAuth = false;
    }
    if (!events.isEmpty())
        tail->deliver(events);
    if (!tail->query().follow && run->silence)
        run->silence->start(m_silenceMs);
}

void AzureFunctionsProvider::streamEnded(std::shared_ptr<StreamRun> run, Error error)
{
    LogTail* tail = run->tail;
    if (!tail || tail->isFinished())
        return;
    if (!tail->query().follow) {
        // A single read: what came is what there is; nothing at all is the failure itself.
        if (run->receivedAny) {
            tail->finish();
        } else {
            error.message.replace(QStringLiteral("; reconnecting."), QStringLiteral("."));
            tail->finish(std::unexpected(error));
        }
        return;
    }
    tail->reportProblem(error);
    const int delay = std::min<qint64>(m_reconnectMaxMs, qint64(m_reconnectFirstMs)
                                                             << std::min(run->attempt, 16));
    ++run->attempt;
    QTimer::singleShot(delay, tail, [this, run] { connectStream(run); });
}

// --- functions ---

void AzureFunctionsProvider::listFunctions(std::function<void(Result<QStringList>)> done)
{
    if (auto target = resolveTarget(); !target) {
        QTimer::singleShot(0, this, [done, e = target.error()] { done(std::unexpected(e)); });
        return;
    }
    HttpRequest request;
    request.url = kuduUrl(QStringLiteral("/api/functions"));
    kuduSend(request, nullptr, [done](Result<HttpResponse> response) {
        if (!response) {
            done(std::unexpected(response.error()));
            return;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(response->body);
        const QJsonArray list =
            doc.isArray() ? doc.array() : doc.object().value(QLatin1String("value")).toArray();
        QStringList names;
        for (const QJsonValue& v : list) {
            const QJsonObject o = v.toObject();
            QString name = o.value(QLatin1String("name")).toString();
            if (name.isEmpty())
                name = o.value(QLatin1String("properties"))
                           .toObject()
                           .value(QLatin1String("name"))
                           .toString();
            // ARM names are "app/function".
            name = name.section(QLatin1Char('/'), -1);
            if (!name.isEmpty())
                names << name;
        }
        names.sort();
        done(names);
    });
}

void AzureFunctionsProvider::removeFunction(const QString& remoteName,
                                            std::function<void(Result<void>)> done)
{
    if (auto target = resolveTarget(); !target) {
        QTimer::singleShot(0, this, [done, e = target.error()] { done(std::unexpected(e)); });
        return;
    }
    HttpRequest request;
    request.method = "DELETE";
    request.url = kuduUrl(QStringLiteral("/api/functions/") +
                          QString::fromLatin1(QUrl::toPercentEncoding(remoteName)));
    kuduSend(request, nullptr, [this, remoteName, done](Result<HttpResponse> response) {
        if (!response) {
            Error e = response.error();
            if (e.detail.startsWith(QLatin1String("HTTP 404"))) {
                e.code = ErrorCode::NotFound;
                e.message = QStringLiteral("The function app %1 has no function \"%2\".")
                                .arg(m_app, remoteName);
            }
            done(std::unexpected(e));
            return;
        }
        done({});
    });
}

} // namespace swb
