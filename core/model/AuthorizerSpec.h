#pragma once
// An authorizer the local gateway runs before an http trigger's function: a JWT authorizer
// (issuer, audience, as API Gateway HTTP API's) or a Lambda REQUEST authorizer (a function of
// the workspace that says allow or deny). Declared once per workspace, named by triggers.

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace swb {

struct AuthorizerSpec {
    static constexpr int kMaxResultTtlSeconds = 3600; // API Gateway's limit
    static constexpr const char* kDefaultIdentitySource = "$request.header.Authorization";

    QString name; // the key in "authorizers"
    QString type; // "jwt" | "request"

    // jwt: the issuer ("iss"; empty or the workspace token service's issuer: the workspace's
    // own keys) and the audiences ("aud" or "client_id" must name one; empty: not checked).
    QString issuer;
    QStringList audience;

    // Where the identity comes from: "$request.header.NAME", "$request.querystring.NAME",
    // "$context.NAME", "$stageVariables.NAME". A jwt authorizer has one.
    QStringList identitySource;

    // request: the authorizer function, how long a result is cached per identity (0: not
    // cached), the payload format ("2.0" | "1.0") and whether it answers {"isAuthorized": ...}.
    QString function;
    int resultTtlSeconds = 0;
    QString payloadFormat = QStringLiteral("2.0");
    bool simpleResponses = false;

    QJsonObject extensions; // keys this version does not know; kept on save
};

} // namespace swb
