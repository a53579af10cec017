#pragma once
// A Microsoft Entra ID (Azure AD) access token for a service principal, by the OAuth 2.0
// client-credentials grant (login.microsoftonline.com/{tenant}/oauth2/v2.0/token, scope
// https://management.azure.com/.default). Kept until 5 minutes before it expires; callers that
// arrive while a request is out wait for the same answer.

#include "Error.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

#include <functional>
#include <vector>

namespace swb {

class HttpClient;

struct ServicePrincipal {
    QString tenantId;
    QString clientId;
    QString clientSecret; // a secret
    QString source;       // where they came from, for messages
};

struct AccessToken {
    QString value; // a secret
    QDateTime expiresAt;
};

class ClientCredentialsToken {
public:
    static constexpr int kRefreshMarginSeconds = 300;
    static constexpr const char* kScope = "https://management.azure.com/.default";
    static constexpr const char* kDefaultAuthority = "https://login.microsoftonline.com";

    // `authority` is the login host ("https://login.microsoftonline.com", a test server).
    ClientCredentialsToken(HttpClient* http, ServicePrincipal principal, QUrl authority,
                           std::function<QDateTime()> clock);

    QUrl tokenUrl() const;
    const ServicePrincipal& principal() const { return m_principal; }

    // A valid token, fetched when there is none or it expires within kRefreshMarginSeconds.
    void get(std::function<void(Result<QString>)> done);
    // Forget the token (the resource said 401): the next get() fetches a new one.
    void invalidate() { m_token = {}; }
    int fetchCount() const { return m_fetches; }

    // {token_type, expires_in, access_token} -> the token, expiring expires_in after `now`.
    static Result<AccessToken> parseToken(const QByteArray& body, const QDateTime& now);
    // The AADSTS error answer ({error, error_description, error_codes, ...}) as an Error naming
    // the source (never the secret).
    static Error parseError(int status, const QByteArray& body, const QString& source);

private:
    void fetch();

    HttpClient* m_http;
    ServicePrincipal m_principal;
    QUrl m_authority;
    std::function<QDateTime()> m_clock;
    AccessToken m_token;
    bool m_fetching = false;
    int m_fetches = 0;
    std::vector<std::function<void(Result<QString>)>> m_waiting;
};

} // namespace swb
