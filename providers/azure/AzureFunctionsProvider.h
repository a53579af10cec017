#pragma once
// Azure Functions through the app's Kudu (SCM) site: zip deploy with deployment polling, the
// live log stream, and the app's function list. Credentials are a publish profile (basic auth)
// or a service principal (an Entra ID token by client credentials); every message says which,
// none shows the secret. The package carries the Functions layout that runs the Lambda-style
// handler (AzureFunctionsAdapters). See docs/providers.md, "Azure Functions".

#include "common/DeployJob.h"
#include "common/Provider.h"

#include <QDateTime>
#include <QUrl>

class QJsonObject;

#include <functional>
#include <memory>

namespace swb {

class HttpClient;
struct HttpRequest;
struct HttpResponse;
struct PublishProfile;

class AzureFunctionsProvider : public Provider {
    Q_OBJECT
public:
    // Settings come from ctx.target.extensions: "app" (the function app's name),
    // "publishProfile" (a .PublishSettings path, relative to the workspace folder), or
    // "userName" + "publishUrl" with the password in the keychain
    // ("azure/<target>/publish_password"); otherwise a service principal from
    // AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_CLIENT_SECRET (the secret may be in the keychain
    // as "azure/<target>/client_secret"). ctx.endpoint (else target.endpoint) replaces the Kudu
    // URL, and with "tokenEndpoint" (else ctx.endpoint, else AZURE_AUTHORITY_HOST) the login
    // host.
    explicit AzureFunctionsProvider(ProviderContext context, QObject* parent = nullptr);
    ~AzureFunctionsProvider() override;

    QString id() const override { return QStringLiteral("azure"); }

    // --- for tests and for the front ends' logs ---
    HttpClient* httpClient() const { return m_http; }
    void setClock(std::function<QDateTime()> clock);
    // Deployment status polling: the first wait, doubled after each poll up to maxMs.
    void setPollIntervalsMs(int firstMs, int maxMs);
    // Log stream: without follow, finish after this much silence; reconnect backoff.
    void setLogStreamTiming(int silenceMs, int reconnectFirstMs, int reconnectMaxMs);
    // Entra ID tokens fetched so far (service principal only).
    int tokenFetchCount() const;

    void checkIdentity(std::function<void(Result<ProviderIdentity>)> done) override;
    Result<QList<GeneratedFile>> adapterFiles(const FunctionSpec& function) const override;
    DeployJob* deploy(const DeploySpec& spec) override;
    LogTail* tailLogs(const LogQuery& query) override;
    void listFunctions(std::function<void(Result<QStringList>)> done) override;
    void removeFunction(const QString& remoteName, std::function<void(Result<void>)> done) override;

    // The deployment message that marks a package, so an unchanged one is not uploaded again.
    static QString deploymentMessage(const QString& sha256Base64);

signals:
    // One line per request and per log stream event; secrets already redacted.
    void log(const QString& line);

private:
    struct Auth;
    struct DeployRun;
    struct StreamRun;

    Result<void> resolveTarget();
    void resolveAuth(std::function<void(Result<void>)> done);
    void authorize(std::function<void(Result<QByteArray>)> done);
    void kuduSend(HttpRequest request, std::shared_ptr<quint64> inflight,
                  std::function<void(Result<HttpResponse>)> done, bool retried = false);
    Error namingSource(Error error) const;
    QUrl kuduUrl(const QString& path) const;
    QString targetName() const;
    void readSecret(const QString& key, std::function<void(Result<QString>)> done);

    void startDeploy(std::shared_ptr<DeployRun> run);
    void upload(std::shared_ptr<DeployRun> run);
    void poll(std::shared_ptr<DeployRun> run);
    void deploymentFailed(std::shared_ptr<DeployRun> run, const QJsonObject& status);
    void ready(std::shared_ptr<DeployRun> run, const QString& deploymentId, bool unchanged);

    static void closeStream(StreamRun& run);
    void connectStream(std::shared_ptr<StreamRun> run);
    void streamData(const std::shared_ptr<StreamRun>& run);
    void streamEnded(std::shared_ptr<StreamRun> run, Error error);

    ProviderContext m_context;
    HttpClient* m_http;
    std::function<QDateTime()> m_clock;
    std::unique_ptr<Auth> m_auth;
    bool m_targetResolved = false;
    QString m_app;
    QUrl m_kudu;
    QString m_appUrl;
    std::unique_ptr<PublishProfile> m_profile;
    QStringList m_secrets;
    int m_pollFirstMs = 1000;
    int m_pollMaxMs = 10000;
    qint64 m_deployTimeoutMs = 20 * 60 * 1000;
    int m_silenceMs = 2000;
    int m_reconnectFirstMs = 500;
    int m_reconnectMaxMs = 15000;
};

} // namespace swb
