#include "RouteAuthorizer.h"

#include "Runner.h"
#include "auth/TokenService.h"
#include "gateway/IssuerKeys.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QPointer>

namespace swb {

namespace {

QString normalizedIssuer(QString issuer)
{
    while (issuer.endsWith(u'/'))
        issuer.chop(1);
    return issuer;
}

} // namespace

RouteAuthorizer::RouteAuthorizer(Runner& runner, TokenServiceSource tokenService, QObject* parent)
    : QObject(parent), m_runner(runner), m_tokenService(std::move(tokenService)),
      m_network(new QNetworkAccessManager(this)),
      m_nowMs([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

RouteAuthorizer::~RouteAuthorizer() = default;

gateway::IssuerKeys* RouteAuthorizer::issuerKeys(const QString& issuer)
{
    const QString key = normalizedIssuer(issuer);
    if (gateway::IssuerKeys* known = m_issuers.value(key))
        return known;
    auto* keys = new gateway::IssuerKeys(issuer, m_network, {}, this);
    m_issuers.insert(key, keys);
    return keys;
}

void RouteAuthorizer::authorize(const AuthorizerSpec& authorizer, const QStringList& routeScopes,
                                const http::HttpRequest& request, const gateway::RouteMatch& match,
                                const gateway::GatewayContext& context, Done done)
{
    const QString api =
        match.route.api == u"rest" ? QStringLiteral("rest") : QStringLiteral("http");
    // The log names the route, not the target: a query string may carry the identity.
    const QString where =
        QStringLiteral("%1 %2").arg(QString::fromLatin1(request.method), match.route.path);
    const auto identity =
        gateway::identityValues(authorizer.identitySource, request, match, context);
    if (!identity) {
        emit problem(
            QStringLiteral("authorizer %1: %2 has no %3; answered 401.")
                .arg(authorizer.name, where, authorizer.identitySource.join(QStringLiteral(", "))));
        done(Outcome{gateway::authorizerUnauthorized(api), {}});
        return;
    }
    if (authorizer.type == u"jwt")
        authorizeJwt(authorizer, routeScopes, api, where, identity->value(0), done);
    else
        authorizeRequest(authorizer, request, match, context, *identity, where, done);
}

void RouteAuthorizer::authorizeJwt(const AuthorizerSpec& authorizer, const QStringList& routeScopes,
                                   const QString& api, const QString& where,
                                   const QString& identity, const Done& done)
{
    const QByteArray token = gateway::bearerToken(identity);
    const QString name = authorizer.name;
    // Checks the token against a key set; UnknownKey is left to the caller (a refetch).
    auto check = [this, name, routeScopes, api, where, token,
                  done](const auth::Jwks& keys, const auth::JwtExpectations& expect,
                        bool lastTry) -> bool {
        // The audience is checked here, by API Gateway's rule (client_id when there is no aud).
        auth::JwtExpectations withoutAudience = expect;
        withoutAudience.audiences.clear();
        auto verified = auth::verifyJwt(token, keys, withoutAudience);
        if (verified && !gateway::audienceAllows(verified->claims, expect.audiences))
            verified = std::unexpected(auth::JwtRejection{
                auth::JwtProblem::WrongAudience,
                QStringLiteral("The token's aud (or client_id) names none of %1.")
                    .arg(expect.audiences.join(QStringLiteral(", ")))});
        if (!verified) {
            if (verified.error().problem == auth::JwtProblem::UnknownKey && !lastTry)
                return false;
            emit problem(QStringLiteral("authorizer %1 refused the token for %2 (%3): %4")
                             .arg(name, where, auth::jwtProblemName(verified.error().problem),
                                  verified.error().message));
            http::HttpResponse response = gateway::authorizerUnauthorized(api);
            response.addHeader("www-authenticate", gateway::jwtChallenge(verified.error().problem));
            done(Outcome{response, {}});
            return true;
        }
        if (!gateway::scopesAllow(routeScopes, verified->scopes)) {
            emit problem(QStringLiteral("authorizer %1: the token for %2 has none of the "
                                        "route's scopes (%3); answered 403.")
                             .arg(name, where, routeScopes.join(u' ')));
            done(Outcome{gateway::authorizerForbidden(api, gateway::AuthorizerDecision::NoAllow),
                         {}});
            return true;
        }
        done(Outcome{std::nullopt, gateway::jwtAuthorizerContext(*verified, api)});
        return true;
    };

    auth::JwtExpectations expect;
    expect.nowSeconds = m_nowMs() / 1000;
    expect.audiences = authorizer.audience;

    const auto settings = auth::TokenServiceSettings::fromWorkspace(m_runner.workspace());
    const bool ownIssuer =
        authorizer.issuer.isEmpty() ||
        (settings && normalizedIssuer(settings->issuer) == normalizedIssuer(authorizer.issuer));
    if (ownIssuer) {
        const auto service =
            m_tokenService ? m_tokenService()
                           : Result<auth::TokenService>(
                                 fail(ErrorCode::Internal, QStringLiteral("no token service")));
        if (!service) {
            emit problem(QStringLiteral("authorizer %1: the workspace token service cannot be "
                                        "opened, so %2 answered 401: %3")
                             .arg(name, where, service.error().message));
            done(Outcome{gateway::authorizerUnauthorized(api), {}});
            return;
        }
        expect.issuer = service->settings().issuer;
        if (expect.audiences.isEmpty())
            expect.audiences = service->settings().audiences;
        check(service->publicKeys(), expect, true);
        return;
    }

    expect.issuer = authorizer.issuer;
    gateway::IssuerKeys* keys = issuerKeys(authorizer.issuer);
    auto onKeys = [this, name, where, api, done, expect, check, keys](const Result<auth::Jwks>& set,
                                                                      bool refetched) {
        if (!set) {
            emit problem(QStringLiteral("authorizer %1: the keys of issuer %2 cannot be fetched, "
                                        "so %3 answered 401: %4")
                             .arg(name, keys->issuer(), where, set.error().message));
            done(Outcome{gateway::authorizerUnauthorized(api), {}});
            return;
        }
        if (check(*set, expect, refetched))
            return;
        // A key the set lacks: the issuer may have rotated its keys.
        const bool started = keys->refetch(
            [this, name, where, api, done, expect, check, keys](const Result<auth::Jwks>& again) {
                if (!again) {
                    emit problem(QStringLiteral("authorizer %1: the keys of issuer %2 cannot be "
                                                "fetched, so %3 answered 401: %4")
                                     .arg(name, keys->issuer(), where, again.error().message));
                    done(Outcome{gateway::authorizerUnauthorized(api), {}});
                    return;
                }
                check(*again, expect, true);
            });
        if (!started)
            check(*set, expect, true);
    };
    keys->keys([onKeys](const Result<auth::Jwks>& set) { onKeys(set, false); });
}

void RouteAuthorizer::authorizeRequest(const AuthorizerSpec& authorizer,
                                       const http::HttpRequest& request,
                                       const gateway::RouteMatch& match,
                                       const gateway::GatewayContext& context,
                                       const QStringList& identity, const QString& where,
                                       const Done& done)
{
    const QString api =
        match.route.api == u"rest" ? QStringLiteral("rest") : QStringLiteral("http");
    const QString arn = gateway::routeArn(request, match, context, m_runner.region());
    const QString name = authorizer.name;
    auto conclude = [this, name, where, api, arn, done](const gateway::AuthorizerResult& result) {
        const gateway::AuthorizerDecision decision = gateway::decide(result, arn);
        if (decision == gateway::AuthorizerDecision::Allow) {
            done(Outcome{std::nullopt, gateway::lambdaAuthorizerContext(result, api)});
            return;
        }
        emit problem(QStringLiteral("authorizer %1 denied %2; answered 403.").arg(name, where));
        done(Outcome{gateway::authorizerForbidden(api, decision), {}});
    };
    if (authorizer.resultTtlSeconds > 0) {
        if (const auto cached = m_cache.find(name, identity, m_nowMs())) {
            conclude(*cached);
            return;
        }
    }
    const QByteArray event = gateway::buildAuthorizerEvent(authorizer, request, match, context,
                                                           identity, m_runner.region());
    const AuthorizerSpec spec = authorizer;
    const QPointer<RouteAuthorizer> self(this);
    m_runner.invoke(
        authorizer.function, event,
        [this, self, spec, identity, where, api, conclude, done](const InvocationRecord& r) {
            if (!self)
                return; // the server is gone, and with it the client's connection
            if (r.failed()) {
                emit problem(
                    QStringLiteral("authorizer %1: its function %2 failed "
                                   "(%3%4) for %5; answered 500.")
                        .arg(spec.name, spec.function, outcomeName(r.outcome),
                             r.errorType.isEmpty() ? QString() : QStringLiteral(", ") + r.errorType,
                             where));
                done(Outcome{gateway::authorizerFailure(api), {}});
                return;
            }
            const auto result = gateway::parseAuthorizerResponse(spec, r.payload);
            if (!result) {
                emit problem(QStringLiteral("authorizer %1: the response of function "
                                            "%2 for %3 is not usable: %4; answered "
                                            "500.")
                                 .arg(spec.name, spec.function, where, result.error()));
                done(Outcome{gateway::authorizerFailure(api), {}});
                return;
            }
            m_cache.store(spec.name, identity, *result, spec.resultTtlSeconds, m_nowMs());
            conclude(*result);
        });
}

} // namespace swb
