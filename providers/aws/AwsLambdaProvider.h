#pragma once
// Deploys functions to AWS Lambda and tails their CloudWatch logs, through Lambda's REST API,
// CloudWatch Logs (JSON 1.1) and STS, every request signed with SigV4 on every attempt.

#include "aws/AwsCredentialChain.h"
#include "aws/AwsCredentials.h"
#include "common/HttpClient.h"
#include "common/Provider.h"

#include <QDateTime>
#include <QUrl>

#include <optional>

namespace swb {

class AwsLambdaProvider : public Provider {
    Q_OBJECT
public:
    // How long to wait between checks; tests shorten them.
    struct Timing {
        int pollFirstMs = 1000;      // first check of State / LastUpdateStatus
        int pollMaxMs = 5000;        // checks back off up to this
        int waitLimitMs = 600'000;   // give up waiting for Active/Successful after this
        int conflictDelayMs = 3000;  // before retrying a request refused with 409
        int conflictTries = 10;      // attempts in all after 409s (or 500s to a GET)
        int logBackoffMaxMs = 30000; // longest pause between failed log polls
    };

    // A deploy target's extensions read by this provider (see docs/providers.md).
    static constexpr const char* kRoleExtension = "role";
    static constexpr const char* kPublishExtension = "publish";
    static constexpr const char* kFunctionUrlExtension = "functionUrl";
    // Lambda takes a zip of at most 50 MB inline (larger ones go through S3, not done yet).
    static constexpr qint64 kMaxInlineZipBytes = 50LL * 1024 * 1024;

    explicit AwsLambdaProvider(ProviderContext context, QObject* parent = nullptr);
    ~AwsLambdaProvider() override;

    QString id() const override { return QStringLiteral("aws"); }

    void setTiming(const Timing& timing) { m_timing = timing; }
    const Timing& timing() const { return m_timing; }
    // Every request goes through it: watch its log(), change its retry policy.
    HttpClient* httpClient() const { return m_http; }

    // ctx.endpoint, else the target's endpoint, else the service's regional endpoint
    // (https://lambda.eu-west-1.amazonaws.com/); an override serves lambda, logs and sts alike.
    static QUrl serviceEndpoint(const QString& service, const QString& region,
                                const QString& endpointOverride);

    void checkIdentity(std::function<void(Result<ProviderIdentity>)> done) override;
    DeployJob* deploy(const DeploySpec& spec) override;
    LogTail* tailLogs(const LogQuery& query) override;
    void listFunctions(std::function<void(Result<QStringList>)> done) override;
    void removeFunction(const QString& remoteName, std::function<void(Result<void>)> done) override;

    // --- for the classes in AwsLambdaProvider.cpp ---

    // Credentials ready to sign with (roles assumed), the region, and where they came from.
    struct Session {
        AwsCredentials credentials;
        QString region;
        QString source;
    };
    // One signed call to a service; `operation` names it in errors ("Lambda GetFunction of
    // 'orders'").
    struct Call {
        QString service; // "lambda", "logs", "sts"
        QByteArray method = "GET";
        QString path = QStringLiteral("/"); // decoded; function names need no escaping
        QList<std::pair<QString, QString>> query;
        QByteArray body;
        QByteArray contentType;
        QByteArray target; // X-Amz-Target (JSON 1.1 services)
        QString operation;
        std::optional<bool> idempotent;
        int timeoutMs = 30000; // per attempt
    };
    // A failed call: the Error for a person, and the HTTP status and body when AWS answered.
    struct Failure {
        Error error;
        int status = 0;
        QByteArray body;
    };
    using CallResult = std::expected<HttpResponse, Failure>;

    void session(std::function<void(Result<Session>)> done);
    // Sends `call` signed with the session; on an expired session token the credentials are
    // looked up (and roles assumed) once more and the call is sent again. Returns a handle
    // for cancel(), valid until `done` runs.
    quint64 send(const Call& call, std::function<void(CallResult)> done);
    void cancel(quint64 handle);

private:
    struct CallState;
    Result<QString> region(const AwsCredentialResolution& resolution) const;
    QString endpointOverride() const;
    void assumeRoles(AwsCredentialResolution resolution, QString region, int step,
                     AwsCredentials credentials, std::function<void(Result<Session>)> done);
    void sendAttempt(quint64 handle);
    void rememberSecrets(const AwsCredentials& credentials);

    ProviderContext m_context;
    HttpClient* m_http;
    Timing m_timing;
    std::optional<Session> m_assumed; // temporary credentials from AssumeRole, cached
    std::map<quint64, std::unique_ptr<CallState>> m_calls;
    quint64 m_nextCall = 1;
};

} // namespace swb
