#include "ClientCredentialsToken.h"

#include "common/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace swb {

namespace {

QByteArray formField(const char* name, const QString& value)
{
    // Secrets often hold '+', '/' or '~': every reserved byte is escaped.
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}

} // namespace

ClientCredentialsToken::ClientCredentialsToken(HttpClient* http, ServicePrincipal principal,
                                               QUrl authority, std::function<QDateTime()> clock)
    : m_http(http), m_principal(std::move(principal)), m_authority(std::move(authority)),
      m_clock(std::move(clock))
{
    m_http->addSecret(m_principal.clientSecret);
}

QUrl ClientCredentialsToken::tokenUrl() const
{
    QUrl url = m_authority;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + m_principal.tenantId +
                QStringLiteral("/oauth2/v2.0/token"));
    return url;
}

void ClientCredentialsToken::get(std::function<void(Result<QString>)> done)
{
    const QDateTime now = m_clock();
    if (!m_token.value.isEmpty() && now.secsTo(m_token.expiresAt) > kRefreshMarginSeconds) {
        done(m_token.value);
        return;
    }
    m_waiting.push_back(std::move(done));
    if (!m_fetching)
        fetch();
}

void ClientCredentialsToken::fetch()
{
    m_fetching = true;
    ++m_fetches;
    HttpRequest request;
    request.method = "POST";
    request.url = tokenUrl();
    request.setHeader("Content-Type", "application/x-www-form-urlencoded");
    request.setHeader("Accept", "application/json");
    request.body = formField("client_id", m_principal.clientId) + '&' +
                   formField("scope", QLatin1String(kScope)) + '&' +
                   formField("client_secret", m_principal.clientSecret) + '&' +
                   formField("grant_type", QStringLiteral("client_credentials"));
    // Asking for a token twice does no harm.
    request.idempotent = true;
    m_http->send(std::move(request), [this](Result<HttpResponse> response) {
        Result<QString> result;
        if (!response) {
            Error e = response.error();
            // The endpoint's answer names the AADSTS error; keep HttpClient's detail (redacted).
            if (e.code == ErrorCode::Unauthorized || e.code == ErrorCode::Remote) {
                const qsizetype bodyAt = e.detail.indexOf(QLatin1Char('\n'));
                const QByteArray body =
                    bodyAt < 0 ? QByteArray() : e.detail.mid(bodyAt + 1).toUtf8();
                const int status = e.detail.section(QLatin1Char(' '), 1, 1).toInt();
                Error parsed = parseError(status, body, m_principal.source);
                parsed.detail = e.detail;
                e = parsed;
            } else {
                e.message = QStringLiteral("Could not get an Azure AD token for %1: %2")
                                .arg(m_principal.source, e.message);
            }
            result = std::unexpected(e);
        } else {
            auto token = parseToken(response->body, m_clock());
            if (token) {
                m_http->addSecret(token->value);
                m_token = *token;
                result = token->value;
            } else {
                Error e = token.error();
                e.message =
                    QStringLiteral("%1 (token endpoint %2, %3)")
                        .arg(e.message, HttpClient::redactedUrl(tokenUrl()), m_principal.source);
                result = std::unexpected(e);
            }
        }
        m_fetching = false;
        auto waiting = std::move(m_waiting);
        m_waiting.clear();
        for (auto& w : waiting)
            w(result);
    });
}

Result<AccessToken> ClientCredentialsToken::parseToken(const QByteArray& body, const QDateTime& now)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString token = o.value(QLatin1String("access_token")).toString();
    // expires_in is a number in v2.0 answers, a string in some v1.0 ones.
    const QJsonValue expires = o.value(QLatin1String("expires_in"));
    const qint64 seconds =
        expires.isString() ? expires.toString().toLongLong() : qint64(expires.toDouble());
    if (token.isEmpty() || seconds <= 0 ||
        o.value(QLatin1String("token_type"))
                .toString()
                .compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        return fail(ErrorCode::Remote,
                    QStringLiteral("The Azure AD token answer has no Bearer access_token with an "
                                   "expires_in; check the token endpoint"));
    return AccessToken{token, now.addSecs(seconds)};
}

Error ClientCredentialsToken::parseError(int status, const QByteArray& body, const QString& source)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString error = o.value(QLatin1String("error")).toString();
    // The description's first line is the sentence; the trace and correlation ids follow.
    const QString description = o.value(QLatin1String("error_description"))
                                    .toString()
                                    .section(QLatin1Char('\n'), 0, 0)
                                    .trimmed();
    QString hint;
    const QString code = description.section(QLatin1Char(':'), 0, 0);
    if (code == QLatin1String("AADSTS7000215") || code == QLatin1String("AADSTS7000222"))
        hint = QStringLiteral("check AZURE_CLIENT_SECRET is the secret's value (not its ID) and "
                              "has not expired");
    else if (code == QLatin1String("AADSTS700016"))
        hint =
            QStringLiteral("check AZURE_CLIENT_ID and that the app is registered in that tenant");
    else if (code == QLatin1String("AADSTS90002") || code == QLatin1String("AADSTS900023"))
        hint = QStringLiteral("check AZURE_TENANT_ID");
    else
        hint = QStringLiteral("check the service principal's tenant, client ID and secret");
    Error e;
    e.code =
        (status == 400 || status == 401 || status == 403 ||
         error == QLatin1String("invalid_client") || error == QLatin1String("unauthorized_client"))
            ? ErrorCode::Unauthorized
            : ErrorCode::Remote;
    e.message =
        QStringLiteral("Azure AD refused a token for %1 (%2%3); %4.")
            .arg(source, error.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : error,
                 description.isEmpty() ? QString() : QStringLiteral(": ") + description, hint);
    return e;
}

} // namespace swb
