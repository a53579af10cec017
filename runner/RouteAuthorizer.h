#pragma once
// Runs a route's authorizer for the local gateway, asynchronously: a JWT authorizer checks the
// token against the workspace token service's keys or a remote issuer's (fetched and kept by
// IssuerKeys), a Lambda REQUEST authorizer invokes its function through the Runner and keeps
// its answers per identity for the authorizer's TTL. The rules are in gateway/Authorizers.h.

#include "Error.h"
#include "gateway/Authorizers.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace swb {

class Runner;
namespace auth {
class TokenService;
}
namespace gateway {
class IssuerKeys;
}

class RouteAuthorizer : public QObject {
    Q_OBJECT
public:
    // Opens the workspace's token service when a JWT authorizer needs the workspace's own keys.
    using TokenServiceSource = std::function<Result<auth::TokenService>()>;

    struct Outcome {
        std::optional<http::HttpResponse> refusal; // set: answer this, do not invoke the route
        QJsonObject context;                       // requestContext.authorizer when let through
    };
    using Done = std::function<void(const Outcome&)>;

    RouteAuthorizer(Runner& runner, TokenServiceSource tokenService, QObject* parent = nullptr);
    ~RouteAuthorizer() override;

    // `done` is called exactly once, maybe before this returns (a cached answer).
    void authorize(const AuthorizerSpec& authorizer, const QStringList& routeScopes,
                   const http::HttpRequest& request, const gateway::RouteMatch& match,
                   const gateway::GatewayContext& context, Done done);

    // For tests: a clock (ms since the epoch) other than the system's.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }
    gateway::AuthorizerCache& cache() { return m_cache; }

signals:
    // Why an authorizer refused or failed, for the server's log. Never holds a token.
    void problem(const QString& message);

private:
    void authorizeJwt(const AuthorizerSpec& authorizer, const QStringList& routeScopes,
                      const QString& api, const QString& where, const QString& identity,
                      const Done& done);
    void authorizeRequest(const AuthorizerSpec& authorizer, const http::HttpRequest& request,
                          const gateway::RouteMatch& match, const gateway::GatewayContext& context,
                          const QStringList& identity, const QString& where, const Done& done);
    gateway::IssuerKeys* issuerKeys(const QString& issuer);

    Runner& m_runner;
    TokenServiceSource m_tokenService;
    QNetworkAccessManager* m_network;
    QHash<QString, gateway::IssuerKeys*> m_issuers;
    gateway::AuthorizerCache m_cache;
    std::function<qint64()> m_nowMs;
};

} // namespace swb
