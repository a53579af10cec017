#pragma once
// Google Cloud Functions (2nd gen): deploys a Lambda-style function through the Cloud
// Functions v2 REST API (upload URL, create or patch, long-running operation), lists and
// removes functions, and tails their Cloud Logging entries. Authenticates with a service
// account's JSON key (RS256 assertion for an OAuth 2.0 access token).

#include "common/DeployJob.h"
#include "common/HttpClient.h"
#include "common/Provider.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace swb {

class GoogleTokenSource;
struct ServiceAccountKey;

class GoogleCloudFunctionsProvider : public Provider {
    Q_OBJECT
public:
    static constexpr const char* kFunctionsBase = "https://cloudfunctions.googleapis.com";
    static constexpr const char* kLoggingBase = "https://logging.googleapis.com";
    static constexpr const char* kDefaultLocation = "us-central1";
    // Label holding a hex prefix of the package's SHA-256 (labels allow [a-z0-9_-], 63 chars).
    static constexpr const char* kHashLabel = "swb-sha256";
    static constexpr int kHashLabelLength = 40;

    // Credentials: target.extensions["credentials"] (a key file, relative to the workspace),
    // else GOOGLE_APPLICATION_CREDENTIALS, else the key JSON in the secret store under
    // "gcp/<target>/service_account_json". Project: extensions["project"], else the key's.
    // Location: ctx.region, else the target's, else us-central1. ctx.endpoint (or the
    // target's) replaces the scheme, host and port of every Google URL.
    explicit GoogleCloudFunctionsProvider(ProviderContext context, QObject* parent = nullptr);
    ~GoogleCloudFunctionsProvider() override;

    QString id() const override { return QStringLiteral("gcp"); }

    void checkIdentity(std::function<void(Result<ProviderIdentity>)> done) override;
    Result<QList<GeneratedFile>> adapterFiles(const FunctionSpec& function) const override;
    DeployJob* deploy(const DeploySpec& spec) override;
    LogTail* tailLogs(const LogQuery& query) override;
    void listFunctions(std::function<void(Result<QStringList>)> done) override;
    void removeFunction(const QString& remoteName, std::function<void(Result<void>)> done) override;

    HttpClient* httpClient() const { return m_http; }
    // How often a long-running operation (and a deploying function) is polled.
    void setOperationPollIntervalMs(int ms) { m_operationPollMs = ms; }
    // How long an operation (or a function in DEPLOYING) may take before the call gives up;
    // the platform may still finish it (default 30 minutes).
    void setOperationTimeoutMs(int ms) { m_operationTimeoutMs = ms; }
    // For tests: the clock of token expiry.
    void setClock(std::function<QDateTime()> nowUtc);
    int tokenFetchCount() const;

    // Where every call goes: the Google URL, or the endpoint override's scheme/host/port.
    QUrl routed(const QUrl& googleUrl) const;
    QString project() const { return m_project; }
    QString location() const { return m_location; }
    // The hex label value for a package hash (base64 SHA-256, as Package::sha256Base64).
    static QString hashLabel(const QString& sha256Base64);
    // The fields a patch replaces: source, runtime, entry point, environment, memory, timeout,
    // labels (without the source when only the settings changed).
    static QString updateMask(bool withSource);
    // The Function resource (Cloud Functions v2) for a deploy.
    static QJsonObject functionResource(const QString& name, const FunctionSpec& function,
                                        const QString& runtime, const QJsonObject& storageSource,
                                        const QJsonObject& labels);

private:
    struct Inflight;
    struct DeployState;
    using ResponseCallback = std::function<void(Result<HttpResponse>)>;

    void withCredentials(std::function<void(Result<void>)> done);
    Result<void> useKey(Result<ServiceAccountKey> key);
    // Sends with "Authorization: Bearer <token>"; a 401 gets one fresh token and one retry.
    void send(HttpRequest request, ResponseCallback done, std::shared_ptr<Inflight> inflight = {},
              bool retried = false);
    void pollOperation(const QString& operationName, std::shared_ptr<Inflight> inflight,
                       std::function<void(Result<QJsonObject>)> done, int polls = 0);
    QString functionsUrl(const QString& suffix = {}) const;
    QString functionName(const QString& remoteName) const;

    void deployFetch(std::shared_ptr<DeployState> s);
    void deployUpload(std::shared_ptr<DeployState> s);
    void deployUpdate(std::shared_ptr<DeployState> s);
    void deployReady(std::shared_ptr<DeployState> s, int polls = 0);
    // A page token must come with the filter of its first page (the start time moves on).
    void pollLogs(LogTail* tail, std::shared_ptr<Inflight> inflight, int failures,
                  const QString& pageToken = {}, QString filter = {});

    ProviderContext m_context;
    QString m_endpoint;
    HttpClient* m_http = nullptr;
    GoogleTokenSource* m_tokens = nullptr;
    std::function<QDateTime()> m_clock;
    QString m_project;
    QString m_location;
    QString m_credentialSource;
    QString m_clientEmail;
    int m_operationPollMs = 2000;
    int m_operationTimeoutMs = 30 * 60 * 1000;
};

} // namespace swb
