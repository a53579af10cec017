#pragma once
// Sends a provider's API calls: retries what is safe to retry, turns failures into Errors a
// person can act on, and logs every request and response without its secrets.

#include "Error.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <utility>

class QDateTime;
class QNetworkAccessManager;

namespace swb {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    // Unset: GET, HEAD, PUT, DELETE and OPTIONS are idempotent, anything else is not.
    std::optional<bool> idempotent;
    int timeoutMs = 30000; // per attempt
    // Runs before every attempt on a fresh copy of this request (headers as the caller set
    // them), so a signer can sign each retry with the current date.
    std::function<void(HttpRequest&)> prepare;

    bool isIdempotent() const;
    // Replaces every header of that name (case-insensitive) with one.
    void setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(const QByteArray& name) const; // case-insensitive; empty when absent
};

struct HttpResponse {
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    int attempts = 0; // 1 when the first attempt answered

    QByteArray header(const QByteArray& name) const; // case-insensitive; empty when absent
};

struct RetryPolicy {
    int maxAttempts = 4;
    int baseDelayMs = 200;
    int maxDelayMs = 20000; // caps backoff and Retry-After alike
    // 502/503/504 on a request that is not idempotent: retrying may apply it twice.
    bool retryServerErrorsWhenNotIdempotent = false;
};

class HttpClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(Result<HttpResponse>)>;
    using RequestId = quint64;

    HttpClient(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~HttpClient() override;

    void setRetryPolicy(const RetryPolicy& policy) { m_policy = policy; }
    const RetryPolicy& retryPolicy() const { return m_policy; }
    // Returns a number in [0, 1) for the backoff's jitter; tests pass a fixed one.
    void setRandomSource(std::function<double()> random);
    // Strings that must never reach the log or an Error's detail (keys, tokens, passwords).
    void addSecret(const QString& secret);
    // Logs (redacted, at most 4 KB) request and response bodies too.
    void setLogBodies(bool on) { m_logBodies = on; }
    // Accepts a self-signed certificate from this host only (a local emulator, a private
    // OpenWhisk). Verification stays on for every other host. Logs a warning once.
    void allowSelfSignedCertificate(const QString& host);

    // Calls `done` exactly once, from the event loop, unless the client is destroyed first.
    RequestId send(HttpRequest request, Callback done);
    // `done` gets ErrorCode::Cancelled; false when the request already finished.
    bool cancel(RequestId id);
    int pendingCount() const { return int(m_calls.size()); }

    // The delay before retry number `attempt` (1 = after the first failure) with full jitter:
    // random * min(maxDelayMs, baseDelayMs * 2^(attempt - 1)).
    static int backoffDelayMs(const RetryPolicy& policy, int attempt, double random);
    // A Retry-After value (delay-seconds or HTTP-date) in milliseconds from `now`.
    static std::optional<int> retryAfterMs(const QByteArray& value, const QDateTime& now);
    // The line's secrets replaced by "***": sensitive headers and query parameters by name.
    static bool isSensitiveHeader(const QByteArray& name);
    static bool isSensitiveQueryParameter(const QString& name);
    static QString redactedUrl(const QUrl& url);

signals:
    // One line per request sent and per response or failure; secrets are already redacted.
    void log(const QString& line);
    void retryScheduled(swb::HttpClient::RequestId id, int nextAttempt, int delayMs);

private:
    struct Call;
    void startAttempt(RequestId id);
    void onFinished(RequestId id);
    void onTimeout(RequestId id);
    void finish(RequestId id, Result<HttpResponse> result);
    bool scheduleRetry(RequestId id, int delayMs);
    QString redact(QString text, const HttpHeaders& headers) const;
    QString headerList(const HttpHeaders& headers) const;
    QString bodyForLog(const QByteArray& body) const;

    QNetworkAccessManager* m_network;
    RetryPolicy m_policy;
    std::function<double()> m_random;
    QStringList m_secrets;
    QSet<QString> m_selfSignedHosts;
    bool m_logBodies = false;
    RequestId m_nextId = 1;
    std::map<RequestId, std::unique_ptr<Call>> m_calls;
};

} // namespace swb
