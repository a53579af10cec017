#include "HttpClient.h"

#include "settings/Redaction.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

#include <algorithm>
#include <climits>
#include <cmath>

namespace swb {

namespace {

constexpr qsizetype kMaxLoggedBody = 4096;
constexpr qsizetype kMaxDetailBody = 16384;

QByteArray findHeader(const HttpHeaders& headers, const QByteArray& name)
{
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

bool containsAny(const QString& lowerName, std::initializer_list<const char*> words)
{
    return std::any_of(words.begin(), words.end(),
                       [&](const char* w) { return lowerName.contains(QLatin1String(w)); });
}

// Values of fields named like secrets in JSON, XML and form bodies (STS answers with the
// credentials themselves; a debug log must not keep them).
QString redactBodyFields(QString text)
{
    static const QRegularExpression json(
        QStringLiteral(
            R"re(("[^"]*(?:secret|token|password|key|signature|credential)[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*")re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression xml(
        QStringLiteral(
            R"re(<([A-Za-z0-9_:.-]*(?:secret|token|password|key|signature|credential)[A-Za-z0-9_:.-]*)>[^<]*</\1>)re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression form(
        QStringLiteral(
            R"re((^|&)([^=&\s]*(?:secret|token|password|key|signature|credential)[^=&\s]*)=[^&\s]*)re"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(json, QStringLiteral("\\1\"***\""));
    text.replace(xml, QStringLiteral("<\\1>***</\\1>"));
    text.replace(form, QStringLiteral("\\1\\2=***"));
    return text;
}

} // namespace

bool HttpRequest::isIdempotent() const
{
    if (idempotent)
        return *idempotent;
    const QByteArray m = method.toUpper();
    return m == "GET" || m == "HEAD" || m == "PUT" || m == "DELETE" || m == "OPTIONS";
}

void HttpRequest::setHeader(const QByteArray& name, const QByteArray& value)
{
    headers.removeIf(
        [&](const auto& h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

QByteArray HttpRequest::header(const QByteArray& name) const
{
    return findHeader(headers, name);
}

QByteArray HttpResponse::header(const QByteArray& name) const
{
    return findHeader(headers, name);
}

struct HttpClient::Call {
    HttpRequest original;
    HttpRequest current; // after prepare(): what this attempt sent
    Callback done;
    int attempt = 0;
    bool timedOut = false;
    QPointer<QNetworkReply> reply;
    std::unique_ptr<QTimer> timeout;
    std::unique_ptr<QTimer> retry;
    QElapsedTimer elapsed;
};

HttpClient::HttpClient(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent), m_network(network),
      m_random([] { return QRandomGenerator::global()->generateDouble(); })
{}

HttpClient::~HttpClient()
{
    for (auto& [id, call] : m_calls) {
        if (call->reply) {
            QObject::disconnect(call->reply, nullptr, this, nullptr);
            call->reply->abort();
            call->reply->deleteLater();
        }
    }
}

void HttpClient::setRandomSource(std::function<double()> random)
{
    m_random = std::move(random);
}

void HttpClient::addSecret(const QString& secret)
{
    if (!secret.isEmpty() && !m_secrets.contains(secret))
        m_secrets.append(secret);
}

void HttpClient::allowSelfSignedCertificate(const QString& host)
{
    const QString h = host.toLower();
    if (m_selfSignedHosts.contains(h))
        return;
    m_selfSignedHosts.insert(h);
    emit log(QStringLiteral("HTTP warning: accepting self-signed TLS certificates from %1; "
                            "certificates of every other host are still verified")
                 .arg(h));
}

HttpClient::RequestId HttpClient::send(HttpRequest request, Callback done)
{
    const RequestId id = m_nextId++;
    auto call = std::make_unique<Call>();
    call->original = std::move(request);
    call->done = std::move(done);
    call->timeout = std::make_unique<QTimer>();
    call->timeout->setSingleShot(true);
    connect(call->timeout.get(), &QTimer::timeout, this, [this, id] { onTimeout(id); });
    call->retry = std::make_unique<QTimer>();
    call->retry->setSingleShot(true);
    connect(call->retry.get(), &QTimer::timeout, this, [this, id] { startAttempt(id); });
    const bool valid = call->original.url.isValid() && !call->original.url.host().isEmpty();
    m_calls.emplace(id, std::move(call));
    if (!valid) {
        const QString url = redactedUrl(m_calls.at(id)->original.url);
        finish(id, fail(ErrorCode::InvalidArgument,
                        QStringLiteral("The address \"%1\" is not a valid URL; check the "
                                       "endpoint in the deploy target.")
                            .arg(url)));
    } else {
        // The first attempt also starts from the event loop, so the caller can cancel() or
        // connect to log() before anything goes out.
        m_calls.at(id)->retry->start(0);
    }
    return id;
}

void HttpClient::startAttempt(RequestId id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    Call& c = *it->second;
    ++c.attempt;
    c.timedOut = false;
    c.current = c.original;
    c.current.prepare = nullptr;
    if (c.original.prepare)
        c.original.prepare(c.current);
    const HttpRequest& r = c.current;

    QNetworkRequest nr(r.url);
    for (const auto& [name, value] : r.headers)
        nr.setRawHeader(name, value);
    // Redirects could carry signed headers to another host; API calls do not redirect.
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                    QNetworkRequest::ManualRedirectPolicy);
    nr.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);

    const QByteArray method = r.method.toUpper();
    // Qt would guess a form encoding (and warn); a body without a stated type is just bytes.
    if ((method == "POST" || method == "PUT" || !r.body.isEmpty()) &&
        r.header("Content-Type").isEmpty())
        nr.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    QNetworkReply* reply = nullptr;
    if (method == "GET" && r.body.isEmpty())
        reply = m_network->get(nr);
    else if (method == "HEAD")
        reply = m_network->head(nr);
    else if (method == "DELETE" && r.body.isEmpty())
        reply = m_network->deleteResource(nr);
    else if (method == "PUT")
        reply = m_network->put(nr, r.body);
    else if (method == "POST")
        reply = m_network->post(nr, r.body);
    else
        reply = m_network->sendCustomRequest(nr, r.method, r.body);
    c.reply = reply;
    c.elapsed.start();
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
#if QT_CONFIG(ssl)
    if (m_selfSignedHosts.contains(r.url.host().toLower())) {
        connect(reply, &QNetworkReply::sslErrors, this, [reply](const QList<QSslError>& errors) {
            // Only the self-signed complaint is waived; an expired or mismatched certificate
            // still fails.
            const bool onlySelfSigned =
                std::all_of(errors.begin(), errors.end(), [](const QSslError& e) {
                    return e.error() == QSslError::SelfSignedCertificate ||
                           e.error() == QSslError::SelfSignedCertificateInChain;
                });
            if (onlySelfSigned)
                reply->ignoreSslErrors(errors);
        });
    }
#endif
    if (r.timeoutMs > 0)
        c.timeout->start(r.timeoutMs);
    // Last: a slot connected to log() may cancel this request.
    emit log(redact(QStringLiteral("HTTP > %1 %2 (attempt %3/%4) [%5]%6")
                        .arg(QString::fromLatin1(r.method), redactedUrl(r.url))
                        .arg(c.attempt)
                        .arg(m_policy.maxAttempts)
                        .arg(headerList(r.headers), bodyForLog(r.body)),
                    r.headers));
}

void HttpClient::onTimeout(RequestId id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end() || !it->second->reply)
        return;
    it->second->timedOut = true;
    // abort() emits finished() at once; onFinished() may end the call, so touch nothing after.
    it->second->reply->abort();
}

void HttpClient::onFinished(RequestId id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    Call& c = *it->second;
    QNetworkReply* reply = c.reply;
    if (!reply)
        return;
    c.reply = nullptr;
    c.timeout->stop();
    reply->deleteLater();
    const qint64 ms = c.elapsed.elapsed();
    // Copies: a slot connected to log() may cancel the call and free `c`.
    const HttpRequest r = c.current;
    const int attempt = c.attempt;
    const bool timedOut = c.timedOut;
    const QString method = QString::fromLatin1(r.method);
    const QString url = redactedUrl(r.url);
    const QString host = r.url.host();
    const QString attempts =
        QStringLiteral("(attempt %1/%2)").arg(attempt).arg(m_policy.maxAttempts);
    const bool canRetry = attempt < m_policy.maxAttempts;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);

    // A connection that broke after the status line still has a status: it is no answer.
    const bool broken = reply->error() != QNetworkReply::NoError &&
                        reply->error() < QNetworkReply::ContentAccessDenied;
    if (timedOut || broken || !statusAttribute.isValid()) {
        const QString what = timedOut ? QStringLiteral("no answer within %1 ms").arg(r.timeoutMs)
                                      : reply->errorString();
        emit log(redact(QStringLiteral("HTTP < failed %1 %2 %3 ms %4: %5")
                            .arg(method, url)
                            .arg(ms)
                            .arg(attempts, what),
                        r.headers));
        if (r.isIdempotent() && canRetry &&
            scheduleRetry(id, backoffDelayMs(m_policy, attempt, m_random())))
            return;
        const QString detail = redact(
            QStringLiteral("%1 %2: %3 after %4 attempt(s)").arg(method, url, what).arg(attempt),
            r.headers);
        if (timedOut)
            finish(id, fail(ErrorCode::Network,
                            QStringLiteral("%1 did not answer within %2 seconds; check your "
                                           "network connection, or try again later.")
                                .arg(host)
                                .arg(r.timeoutMs / 1000.0),
                            detail));
        else
            finish(id, fail(ErrorCode::Network,
                            QStringLiteral("Could not reach %1 (%2); check your network "
                                           "connection, proxy and firewall, then try again.")
                                .arg(host, reply->errorString()),
                            detail));
        return;
    }

    HttpResponse response;
    response.status = statusAttribute.toInt();
    response.headers = reply->rawHeaderPairs();
    response.body = reply->readAll();
    response.attempts = attempt;
    const int status = response.status;
    emit log(redact(QStringLiteral("HTTP < %1 %2 %3 %4 ms %5 %6 bytes%7")
                        .arg(status)
                        .arg(method, url)
                        .arg(ms)
                        .arg(attempts)
                        .arg(response.body.size())
                        .arg(bodyForLog(response.body)),
                    r.headers));

    const bool busy = status == 502 || status == 503 || status == 504;
    if (canRetry && (status == 429 ||
                     (busy && (r.isIdempotent() || m_policy.retryServerErrorsWhenNotIdempotent)))) {
        int delay = backoffDelayMs(m_policy, attempt, m_random());
        if (const auto after =
                retryAfterMs(response.header("Retry-After"), QDateTime::currentDateTimeUtc()))
            delay = std::min(*after, m_policy.maxDelayMs);
        if (scheduleRetry(id, delay))
            return;
    }
    if (status < 400) {
        finish(id, std::move(response));
        return;
    }

    const QString reason = QString::fromUtf8(
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
    QString body = QString::fromUtf8(response.body.left(kMaxDetailBody));
    if (response.body.size() > kMaxDetailBody)
        body += QStringLiteral("… (%1 bytes in all)").arg(response.body.size());
    const QString detail = redact(QStringLiteral("HTTP %1 %2 %3 %4 after %5 attempt(s)\n%6")
                                      .arg(status)
                                      .arg(reason, method, url)
                                      .arg(attempt)
                                      .arg(body),
                                  r.headers);
    Error error{ErrorCode::Remote, {}, detail, {}};
    if (status == 401 || status == 403) {
        error.code = ErrorCode::Unauthorized;
        error.message =
            QStringLiteral("%1 refused the request (HTTP %2); check that your "
                           "credentials are valid, not expired, and allowed to do this.")
                .arg(host)
                .arg(status);
    } else if (status == 409) {
        error.code = ErrorCode::Conflict;
        error.message = QStringLiteral("%1 reported a conflict (HTTP 409): the resource is busy or "
                                       "in a conflicting state; wait for the change in progress to "
                                       "finish, then try again.")
                            .arg(host);
    } else if (status == 429) {
        error.code = ErrorCode::Throttled;
        error.message = QStringLiteral("%1 is throttling requests (HTTP 429) and %2 attempt(s) did "
                                       "not get through; wait a minute, then try again.")
                            .arg(host)
                            .arg(attempt);
    } else {
        error.message = QStringLiteral("%1 answered HTTP %2 %3 to %4 %5; see the log for the "
                                       "response.")
                            .arg(host)
                            .arg(status)
                            .arg(reason, method, r.url.path());
    }
    finish(id, std::unexpected(std::move(error)));
}

bool HttpClient::scheduleRetry(RequestId id, int delayMs)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end())
        return false;
    Call& call = *it->second;
    delayMs = std::clamp(delayMs, 0, m_policy.maxDelayMs);
    const int next = call.attempt + 1;
    const QString line =
        redact(QStringLiteral("HTTP retry %1 %2 in %3 ms (attempt %4/%5)")
                   .arg(QString::fromLatin1(call.current.method), redactedUrl(call.current.url))
                   .arg(delayMs)
                   .arg(next)
                   .arg(m_policy.maxAttempts),
               call.current.headers);
    call.retry->start(delayMs);
    // After this point `call` may be gone: a slot may cancel the request.
    emit log(line);
    emit retryScheduled(id, next, delayMs);
    return true;
}

bool HttpClient::cancel(RequestId id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end())
        return false;
    Call& c = *it->second;
    if (c.reply) {
        QObject::disconnect(c.reply, nullptr, this, nullptr);
        c.reply->abort();
        c.reply->deleteLater();
        c.reply = nullptr;
    }
    const HttpRequest& r = c.attempt > 0 ? c.current : c.original;
    const QString line = redact(QStringLiteral("HTTP cancelled %1 %2 (attempt %3/%4)")
                                    .arg(QString::fromLatin1(r.method), redactedUrl(r.url))
                                    .arg(c.attempt)
                                    .arg(m_policy.maxAttempts),
                                r.headers);
    finish(id, fail(ErrorCode::Cancelled,
                    QStringLiteral("The request to %1 was cancelled.").arg(r.url.host())));
    emit log(line);
    return true;
}

void HttpClient::finish(RequestId id, Result<HttpResponse> result)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    std::unique_ptr<Call> call = std::move(it->second);
    m_calls.erase(it);
    call->timeout->stop();
    call->retry->stop();
    // finish() may run inside one of these timers' signals (a timeout aborting the reply).
    call->timeout.release()->deleteLater();
    call->retry.release()->deleteLater();
    // Always from the event loop and after the call is gone, so the callback may send again.
    QMetaObject::invokeMethod(
        this,
        [done = std::move(call->done), result = std::move(result)]() mutable {
            if (done)
                done(std::move(result));
        },
        Qt::QueuedConnection);
}

int HttpClient::backoffDelayMs(const RetryPolicy& policy, int attempt, double random)
{
    const double exponent = std::min(std::max(attempt - 1, 0), 30);
    const double ceiling =
        std::min(double(policy.maxDelayMs), double(policy.baseDelayMs) * std::pow(2.0, exponent));
    const double r = std::clamp(random, 0.0, 1.0);
    return int(std::floor(r * ceiling));
}

std::optional<int> HttpClient::retryAfterMs(const QByteArray& value, const QDateTime& now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong seconds = v.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt
                           : std::optional<int>(int(std::min<qlonglong>(seconds * 1000, INT_MAX)));
    // IMF-fixdate (RFC 9110 section 5.6.7): "Sun, 06 Nov 1994 08:49:37 GMT".
    static const QRegularExpression date(QStringLiteral(
        R"(^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$)"));
    const QRegularExpressionMatch m = date.match(QString::fromLatin1(v));
    if (!m.hasMatch())
        return std::nullopt;
    static const QStringList months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int month = int(months.indexOf(m.captured(2))) + 1;
    const QDate d(m.captured(3).toInt(), month, m.captured(1).toInt());
    const QTime t(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (month == 0 || !d.isValid() || !t.isValid())
        return std::nullopt;
    const qint64 ms = now.msecsTo(QDateTime(d, t, QTimeZone::utc()));
    return int(std::clamp<qint64>(ms, 0, INT_MAX));
}

bool HttpClient::isSensitiveHeader(const QByteArray& name)
{
    const QString n = QString::fromLatin1(name).toLower();
    return n == QLatin1String("authorization") || n == QLatin1String("proxy-authorization") ||
           n == QLatin1String("cookie") || n == QLatin1String("set-cookie") ||
           containsAny(n, {"token", "secret", "key", "password", "signature", "credential"});
}

bool HttpClient::isSensitiveQueryParameter(const QString& name)
{
    const QString n = name.toLower();
    return n == QLatin1String("sig") || n == QLatin1String("code") ||
           containsAny(n, {"token", "secret", "key", "password", "signature", "credential"});
}

QString HttpClient::redactedUrl(const QUrl& url)
{
    QUrl copy = url;
    copy.setPassword({});
    if (!copy.hasQuery())
        return copy.toString();
    QStringList parts = copy.query(QUrl::FullyEncoded).split(QLatin1Char('&'));
    for (QString& part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString name =
            QUrl::fromPercentEncoding(part.left(eq < 0 ? part.size() : eq).toLatin1());
        if (eq >= 0 && isSensitiveQueryParameter(name))
            part = part.left(eq) + QStringLiteral("=***");
    }
    return copy.toString(QUrl::RemoveQuery) + QLatin1Char('?') + parts.join(QLatin1Char('&'));
}

QString HttpClient::redact(QString text, const HttpHeaders& headers) const
{
    QStringList secrets = m_secrets;
    for (const auto& [name, value] : headers)
        if (isSensitiveHeader(name) && !value.isEmpty())
            secrets.append(QString::fromLatin1(value));
    return redactSecrets(std::move(text), secrets);
}

QString HttpClient::headerList(const HttpHeaders& headers) const
{
    QStringList parts;
    for (const auto& [name, value] : headers)
        parts.append(
            QString::fromLatin1(name) + QStringLiteral(": ") +
            (isSensitiveHeader(name) ? QStringLiteral("***") : QString::fromLatin1(value)));
    return parts.join(QStringLiteral("; "));
}

QString HttpClient::bodyForLog(const QByteArray& body) const
{
    if (!m_logBodies || body.isEmpty())
        return {};
    QString text = QString::fromUtf8(body.left(kMaxLoggedBody));
    if (body.size() > kMaxLoggedBody)
        text += QStringLiteral("… (%1 bytes in all)").arg(body.size());
    text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    return QStringLiteral(" body: ") + redactBodyFields(text);
}

} // namespace swb
