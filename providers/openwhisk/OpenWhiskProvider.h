#pragma once
// Apache OpenWhisk through its REST API (/api/v1): a function becomes an action (a zip with the
// Python or Node.js adapter), an http trigger makes it a raw web action, and logs come from
// activation records. Credentials: ~/.wskprops (or $WSK_CONFIG_FILE), the deploy target, the
// keychain. See docs/providers.md, "Apache OpenWhisk".

#include "common/Provider.h"

#include <QUrl>

#include <optional>

class QDateTime;
class QUrlQuery;

namespace swb {

class HttpClient;
struct LogEvent;

// Where the API is and which key to use, with where each came from (never the key in text).
struct OpenWhiskCredentials {
    QUrl apiHost;             // scheme, host and port; no path
    QString auth;             // "uuid:key"; a secret
    QString namespaceName;    // "_" means the key's own namespace
    QString credentialSource; // "AUTH in /home/u/.wskprops", "keychain entry openwhisk/prod/auth"
    QString hostSource;
};

class OpenWhiskProvider : public Provider {
    Q_OBJECT
public:
    // OpenWhisk's paging cap for lists (actions, activations).
    static constexpr int kPageLimit = 200;
    // The annotation holding the package's SHA-256 (base64), to skip unchanged uploads.
    static constexpr const char* kCodeHashAnnotation = "swb-code-sha256";

    explicit OpenWhiskProvider(ProviderContext context, QObject* parent = nullptr);
    ~OpenWhiskProvider() override;

    QString id() const override { return QStringLiteral("openwhisk"); }
    // The client every call goes through (tests set its retry policy and watch its log).
    HttpClient* http() const { return m_http; }

    // Finds the host, key and namespace (see the class comment); asynchronous because the
    // keychain is. The result is kept for later calls once it succeeded.
    void resolveCredentials(std::function<void(Result<OpenWhiskCredentials>)> done);

    void checkIdentity(std::function<void(Result<ProviderIdentity>)> done) override;
    // The adapter for the function's runtime (OpenWhiskAdapters), with the function folder's
    // package.json kept for Node.js (read from ctx.workspaceFolder/codeUri).
    Result<QList<GeneratedFile>> adapterFiles(const FunctionSpec& function) const override;
    DeployJob* deploy(const DeploySpec& spec) override;
    LogTail* tailLogs(const LogQuery& query) override;
    void listFunctions(std::function<void(Result<QStringList>)> done) override;
    void removeFunction(const QString& remoteName, std::function<void(Result<void>)> done) override;

    // "https://host" for "host"; a URL is kept (its path dropped). Invalid when unusable.
    static QUrl apiHostUrl(const QString& host);
    // The web action URL of an action in the default package: .http, so the adapter's
    // {statusCode, headers, body} becomes the HTTP response.
    static QString webActionUrl(const QUrl& apiHost, const QString& namespaceName,
                                const QString& action);
    // One activation's "logs" entry ("2026-11-27T06:00:00.123456789Z stdout: text") as a
    // LogEvent; a line without that prefix keeps `fallbackTime` and its whole text.
    static LogEvent parseLogLine(const QString& line, const QString& activationId, int index,
                                 const QDateTime& fallbackTime);

private:
    struct DeployRun;
    struct TailRun;
    void deployStep(const std::shared_ptr<DeployRun>& run);
    void putAction(const std::shared_ptr<DeployRun>& run, bool withCode);
    void confirmAction(const std::shared_ptr<DeployRun>& run);
    void poll(const std::shared_ptr<TailRun>& run);
    void pollPage(const std::shared_ptr<TailRun>& run, int skip, QList<LogEvent> collected);
    void schedulePoll(const std::shared_ptr<TailRun>& run, bool failed);
    void listPage(const OpenWhiskCredentials& credentials, int skip, QStringList names,
                  std::function<void(Result<QStringList>)> done);
    // An HTTP call with the key, JSON in and out.
    quint64 call(const OpenWhiskCredentials& credentials, const QByteArray& method,
                 const QString& path, const QUrlQuery& query, const QByteArray& body,
                 std::function<void(Result<QByteArray>)> done);
    // The HttpClient's error reworded with OpenWhisk's own {"error"} text and, for a refused
    // key, where the key came from.
    Error describe(const Error& error, const OpenWhiskCredentials& credentials,
                   const QString& operation) const;
    Error redacted(Error error) const;

    ProviderContext m_context;
    HttpClient* m_http = nullptr;
    std::optional<OpenWhiskCredentials> m_credentials;
};

} // namespace swb
