#include "GoogleTokenSource.h"

#include "GoogleJwt.h"
#include "common/HttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace swb {

namespace {

// HttpClient keeps an error answer's body in the detail, after the first line.
QJsonObject bodyOf(const Error& error)
{
    const qsizetype nl = error.detail.indexOf(QLatin1Char('\n'));
    if (nl < 0)
        return {};
    return QJsonDocument::fromJson(error.detail.mid(nl + 1).toUtf8()).object();
}

} // namespace

GoogleTokenSource::GoogleTokenSource(HttpClient* http, ServiceAccountKey key, QUrl tokenUrl,
                                     QObject* parent)
    : QObject(parent), m_http(http), m_key(std::move(key)), m_tokenUrl(std::move(tokenUrl)),
      m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    for (const QString& s : m_key.secrets())
        m_http->addSecret(s);
}

void GoogleTokenSource::token(Callback done)
{
    if (!m_token.isEmpty() && m_now().secsTo(m_expiresAt) > kRefreshMarginSeconds) {
        QTimer::singleShot(0, this, [done = std::move(done), t = m_token] { done(t); });
        return;
    }
    m_waiting.push_back(std::move(done));
    if (!m_fetching)
        fetch();
}

void GoogleTokenSource::invalidate()
{
    m_token.clear();
    m_expiresAt = {};
}

void GoogleTokenSource::fetch()
{
    m_fetching = true;
    ++m_fetches;
    auto assertion = GoogleJwt::assertion(m_key, m_now());
    if (!assertion) {
        const Error error = assertion.error();
        QTimer::singleShot(0, this, [this, error] { deliver(std::unexpected(error)); });
        return;
    }
    m_http->addSecret(QString::fromLatin1(*assertion));
    HttpRequest request;
    request.method = "POST";
    request.url = m_tokenUrl;
    request.setHeader("Content-Type", "application/x-www-form-urlencoded");
    request.body = GoogleJwt::tokenRequestBody(*assertion);
    // A second token for the same assertion is harmless: safe to resend after a drop.
    request.idempotent = true;
    m_http->send(request, [this](Result<HttpResponse> response) {
        if (!response) {
            Error error = response.error();
            const QJsonObject body = bodyOf(error);
            const QString code = body.value(QLatin1String("error")).toString();
            if (!code.isEmpty()) {
                // OAuth's {"error": "invalid_grant", "error_description": "..."}.
                error.code = ErrorCode::Unauthorized;
                error.message =
                    QStringLiteral("Google refused the service account key from %1 (%2: %3); "
                                   "check that the key has not been deleted or disabled and that "
                                   "this computer's clock is right.")
                        .arg(m_key.source, code,
                             body.value(QLatin1String("error_description")).toString());
            } else if (error.code == ErrorCode::Unauthorized || error.code == ErrorCode::Remote) {
                error.message = QStringLiteral("Getting an access token for the key from %1 "
                                               "failed: %2")
                                    .arg(m_key.source, error.message);
            }
            deliver(std::unexpected(error));
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(response->body).object();
        const QString token = o.value(QLatin1String("access_token")).toString();
        const int expiresIn = o.value(QLatin1String("expires_in")).toInt(0);
        if (token.isEmpty() || expiresIn <= 0) {
            deliver(fail(ErrorCode::Remote,
                         QStringLiteral("The token endpoint answered without an access token "
                                        "for the key from %1; try again later.")
                             .arg(m_key.source)));
            return;
        }
        m_http->addSecret(token);
        m_token = token;
        m_expiresAt = m_now().addSecs(expiresIn);
        deliver(token);
    });
}

void GoogleTokenSource::deliver(const Result<QString>& result)
{
    m_fetching = false;
    std::vector<Callback> waiting;
    waiting.swap(m_waiting);
    for (Callback& done : waiting)
        done(result);
}

} // namespace swb
