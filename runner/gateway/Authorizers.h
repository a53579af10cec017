#pragma once
// The gateway's authorizers, as Amazon API Gateway runs them before a route's integration: the
// identity a request carries, a JWT authorizer's checks and answers, a Lambda REQUEST
// authorizer's event, response and cache. No sockets and no processes here: LocalServer wires
// these to the token verifier, the key fetcher and the Runner. The rules and their sources
// are in docs/gateway.md ("Authorizers").

#include "auth/JwtVerifier.h"
#include "gateway/GatewayPayloads.h"
#include "model/AuthorizerSpec.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <expected>
#include <optional>

namespace swb::gateway {

// The values of the identity sources for this request, in order: "$request.header.NAME"
// (case-insensitive; repeated headers joined with ","), "$request.querystring.NAME"
// (decoded; repeated keys joined with ","), "$context.NAME" (requestId, routeKey, stage,
// apiId, accountId, domainName, httpMethod, identity.sourceIp / http.sourceIp, path),
// "$stageVariables.NAME" (there are none). nullopt when one is missing or empty: API Gateway
// then answers 401 without running the authorizer.
std::optional<QStringList> identityValues(const QStringList& identitySource,
                                          const http::HttpRequest& request, const RouteMatch& match,
                                          const GatewayContext& context);

// The token in an Authorization value: "Bearer <token>" (any case) or the bare token.
QByteArray bearerToken(const QString& value);

// API Gateway's audience rule: "aud" (a string or an array) must name one of `audiences`; a
// token without "aud" is checked by "client_id" instead (Cognito access tokens). No audiences:
// any token passes.
bool audienceAllows(const QJsonObject& claims, const QStringList& audiences);

// HTTP API: the token must carry at least one of the route's scopes (none: any token passes).
bool scopesAllow(const QStringList& routeScopes, const QStringList& tokenScopes);

// A claim as API Gateway passes it: every value a string; numbers and booleans as written,
// arrays as "[a b c]", objects as compact JSON.
QString claimText(const QJsonValue& value);

// What the function's event gets as requestContext.authorizer after a JWT authorizer passed:
// HTTP API {"jwt": {"claims": {...}, "scopes": [...]}}; REST {"claims": {...}} (as a Cognito
// user pool authorizer passes them).
QJsonObject jwtAuthorizerContext(const auth::VerifiedJwt& token, const QString& api);

// The www-authenticate value of a 401 for a refused token.
QByteArray jwtChallenge(auth::JwtProblem problem);

// "arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/path" for this request.
QString routeArn(const http::HttpRequest& request, const RouteMatch& match,
                 const GatewayContext& context, const QString& region);

// The event a Lambda REQUEST authorizer gets: payload 2.0 (type, routeArn, identitySource as
// an array, routeKey, rawPath, headers, queryStringParameters, requestContext, ...) or 1.0
// (type, methodArn, identitySource and authorizationToken as one comma-joined string,
// resource, path, httpMethod, headers, ...). Neither carries the body.
QByteArray buildAuthorizerEvent(const AuthorizerSpec& authorizer, const http::HttpRequest& request,
                                const RouteMatch& match, const GatewayContext& context,
                                const QStringList& identity, const QString& region);

// What an authorizer function answered, parsed; what is cached per identity.
struct AuthorizerResult {
    bool simple = false;       // {"isAuthorized": ..., "context": ...}
    bool isAuthorized = false; // simple responses
    QString principalId;       // IAM policy responses
    QJsonArray statements;     // IAM policy responses: the policy's Statement list
    QJsonObject context;
};

// Refuses what API Gateway refuses (it answers 500 then): not a JSON object, a simple response
// without a boolean isAuthorized, a policy response without principalId or a policyDocument
// with statements, a context that is not an object, and in payload 1.0 a context value that
// is an object or array. The message says what is wrong, for the log.
std::expected<AuthorizerResult, QString> parseAuthorizerResponse(const AuthorizerSpec& authorizer,
                                                                 const QByteArray& payload);

enum class AuthorizerDecision {
    Allow,
    ExplicitDeny, // a Deny statement matched, or isAuthorized was false
    NoAllow,      // no Allow statement matched the route
};

// A simple response decides for every route; a policy is evaluated against this route's ARN
// (Action execute-api:Invoke, execute-api:* or *; Resource with * and ? wildcards; a matching
// Deny wins over any Allow).
AuthorizerDecision decide(const AuthorizerResult& result, const QString& routeArn);

// requestContext.authorizer for the function's event: HTTP API {"lambda": context}; REST
// {"principalId": ..., "integrationLatency": 0, ...context values as strings}.
QJsonObject lambdaAuthorizerContext(const AuthorizerResult& result, const QString& api);

// API Gateway's answers when an authorizer stops a request.
http::HttpResponse authorizerUnauthorized(const QString& api); // 401
http::HttpResponse authorizerForbidden(const QString& api, AuthorizerDecision decision);
http::HttpResponse authorizerFailure(const QString& api); // the authorizer itself failed

// Lambda authorizer results per authorizer and identity, each kept for the authorizer's TTL.
// Entries of different authorizers never meet: the key holds the authorizer's name and every
// identity value.
class AuthorizerCache {
public:
    std::optional<AuthorizerResult> find(const QString& authorizer, const QStringList& identity,
                                         qint64 nowMs) const;
    // A TTL of 0 stores nothing.
    void store(const QString& authorizer, const QStringList& identity,
               const AuthorizerResult& result, int ttlSeconds, qint64 nowMs);
    void clear() { m_entries.clear(); }
    qsizetype size() const { return m_entries.size(); }

private:
    struct Entry {
        AuthorizerResult result;
        qint64 expiresAtMs = 0;
    };
    static QByteArray key(const QString& authorizer, const QStringList& identity);
    void dropExpired(qint64 nowMs);
    QHash<QByteArray, Entry> m_entries;
};

} // namespace swb::gateway
