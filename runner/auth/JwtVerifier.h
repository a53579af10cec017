#pragma once
// Checks a compact JWS JWT the way an API gateway's JWT authorizer does: RS256 only, the key
// chosen by kid from a JWKS, then expiry, not-before, issuer and audience.

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <expected>

namespace swb::auth {

class Jwks;

struct JwtExpectations {
    QString issuer;        // the "iss" the token must carry; empty: not checked
    QStringList audiences; // "aud" must name one of them; empty: not checked
    qint64 nowSeconds = 0; // Unix time to check exp/nbf/iat against; 0: the system clock
    int leewaySeconds = 0; // clock skew allowed on exp, nbf and iat
};

struct VerifiedJwt {
    QJsonObject header;
    QJsonObject claims;
    QStringList scopes; // from "scope" (space-separated) or else "scp" (array or string)
};

enum class JwtProblem {
    Malformed,
    UnsupportedAlgorithm,
    UnknownKey,
    BadSignature,
    Expired,
    NotYetValid,
    WrongIssuer,
    WrongAudience,
};

struct JwtRejection {
    JwtProblem problem = JwtProblem::Malformed;
    QString message; // one sentence for a developer; never contains the token
};

// The largest token accepted, in bytes.
inline constexpr qsizetype kMaxJwtBytes = 16 * 1024;

std::expected<VerifiedJwt, JwtRejection> verifyJwt(QByteArrayView token, const Jwks& keys,
                                                   const JwtExpectations& expect);

// "malformed", "unsupported-algorithm", ... for logs and the CLI.
QString jwtProblemName(JwtProblem problem);

} // namespace swb::auth
