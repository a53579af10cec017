#include "JwtVerifier.h"

#include "Jwks.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace swb::auth {

namespace {

std::unexpected<JwtRejection> reject(JwtProblem problem, QString message)
{
    return std::unexpected(JwtRejection{problem, std::move(message)});
}

// A segment's JSON object, or nullopt when it is not one.
std::optional<QJsonObject> jsonObject(const QByteArray& bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

// A NumericDate (RFC 7519 §2): a JSON number of seconds. nullopt when absent; an error when
// present but not a finite number.
std::expected<std::optional<qint64>, JwtRejection> numericDate(const QJsonObject& claims,
                                                               const QString& name)
{
    const QJsonValue value = claims.value(name);
    if (value.isUndefined())
        return std::optional<qint64>();
    if (!value.isDouble() || !std::isfinite(value.toDouble()) || std::abs(value.toDouble()) > 1e15)
        return reject(
            JwtProblem::Malformed,
            QStringLiteral("The token's \"%1\" claim is not a number of seconds.").arg(name));
    return std::optional<qint64>(qint64(std::floor(value.toDouble())));
}

QStringList scopesOf(const QJsonObject& claims)
{
    const auto split = [](const QString& text) {
        return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    const QJsonValue scope = claims.value(QStringLiteral("scope"));
    if (scope.isString())
        return split(scope.toString());
    const QJsonValue scp = claims.value(QStringLiteral("scp"));
    if (scp.isString())
        return split(scp.toString());
    QStringList scopes;
    if (scp.isArray())
        for (const QJsonValue& item : scp.toArray())
            if (item.isString() && !item.toString().isEmpty())
                scopes.append(item.toString());
    return scopes;
}

QString dateText(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

QString jwtProblemName(JwtProblem problem)
{
    switch (problem) {
    case JwtProblem::Malformed:
        return QStringLiteral("malformed");
    case JwtProblem::UnsupportedAlgorithm:
        return QStringLiteral("unsupported-algorithm");
    case JwtProblem::UnknownKey:
        return QStringLiteral("unknown-key");
    case JwtProblem::BadSignature:
        return QStringLiteral("bad-signature");
    case JwtProblem::Expired:
        return QStringLiteral("expired");
    case JwtProblem::NotYetValid:
        return QStringLiteral("not-yet-valid");
    case JwtProblem::WrongIssuer:
        return QStringLiteral("wrong-issuer");
    case JwtProblem::WrongAudience:
        return QStringLiteral("wrong-audience");
    }
    return QStringLiteral("malformed");
}

std::expected<VerifiedJwt, JwtRejection> verifyJwt(QByteArrayView token, const Jwks& keys,
                                                   const JwtExpectations& expect)
{
    if (token.isEmpty())
        return reject(JwtProblem::Malformed, QStringLiteral("The token is empty."));
    if (token.size() > kMaxJwtBytes)
        return reject(JwtProblem::Malformed,
                      QStringLiteral("The token is %1 bytes, more than the %2 accepted.")
                          .arg(token.size())
                          .arg(kMaxJwtBytes));
    const qsizetype firstDot = token.indexOf('.');
    const qsizetype secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
    if (firstDot < 0 || secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0)
        return reject(JwtProblem::Malformed,
                      QStringLiteral("The token is not a signed JWT: it needs exactly three "
                                     "dot-separated parts (header.payload.signature)."));
    const QByteArrayView headerText = token.first(firstDot);
    const QByteArrayView payloadText = token.sliced(firstDot + 1, secondDot - firstDot - 1);
    const QByteArrayView signatureText = token.sliced(secondDot + 1);

    const auto headerBytes = decodeBase64Url(headerText);
    if (!headerBytes || headerBytes->isEmpty())
        return reject(JwtProblem::Malformed,
                      QStringLiteral("The token's header is not unpadded base64url."));
    const auto header = jsonObject(*headerBytes);
    if (!header)
        return reject(JwtProblem::Malformed,
                      QStringLiteral("The token's header is not a JSON object."));

    const QJsonValue alg = header->value(QStringLiteral("alg"));
    if (!alg.isString())
        return reject(JwtProblem::UnsupportedAlgorithm,
                      QStringLiteral("The token's header names no algorithm (\"alg\"); only "
                                     "RS256 is accepted."));
    if (alg.toString() != QLatin1String("RS256"))
        return reject(JwtProblem::UnsupportedAlgorithm,
                      QStringLiteral("The token is signed with \"%1\"; only RS256 is accepted.")
                          .arg(alg.toString().left(20)));
    // RFC 7515 §4.1.11: extensions marked critical must be understood; we understand none.
    if (header->contains(QStringLiteral("crit")))
        return reject(JwtProblem::Malformed,
                      QStringLiteral("The token's header lists critical extensions (\"crit\"), "
                                     "which are not supported."));

    const QJsonValue kid = header->value(QStringLiteral("kid"));
    if (!kid.isUndefined() && !kid.isString())
        return reject(JwtProblem::Malformed,
                      QStringLiteral("The token's key id (\"kid\") is not a string."));
    const JsonWebKey* key = keys.find(kid.toString(), !kid.isUndefined());
    if (!key)
        return reject(JwtProblem::UnknownKey,
                      kid.isUndefined()
                          ? QStringLiteral("The token names no key id (\"kid\") and the key set "
                                           "has %1 keys, so none can be chosen.")
                                .arg(keys.keys().size())
                          : QStringLiteral("The token's key id \"%1\" is not in the key set.")
                                .arg(kid.toString().left(100)));

    const auto payloadBytes = decodeBase64Url(payloadText);
    if (!payloadBytes)
        return reject(JwtProblem::Malformed,
                      QStringLiteral("The token's payload is not unpadded base64url."));
    const auto signature = decodeBase64Url(signatureText);
    if (!signature || signature->isEmpty())
        return reject(
            JwtProblem::Malformed,
            QStringLiteral("The token's signature is missing or not unpadded base64url."));
    if (!key->verifyRs256(token.first(secondDot), *signature))
        return reject(JwtProblem::BadSignature,
                      QStringLiteral("The token's signature does not match its content and key."));

    // Only now, with the signature good, is the payload's content looked at.
    const auto claims = jsonObject(*payloadBytes);
    if (!claims)
        return reject(JwtProblem::Malformed,
                      QStringLiteral("The token's payload is not a JSON object."));

    const qint64 now =
        expect.nowSeconds != 0 ? expect.nowSeconds : QDateTime::currentSecsSinceEpoch();
    const qint64 leeway = std::max(0, expect.leewaySeconds);
    const auto exp = numericDate(*claims, QStringLiteral("exp"));
    if (!exp)
        return std::unexpected(exp.error());
    if (!*exp)
        return reject(JwtProblem::Malformed,
                      QStringLiteral("The token has no expiry (\"exp\"); tokens without one are "
                                     "not accepted."));
    if (now >= **exp + leeway)
        return reject(JwtProblem::Expired,
                      QStringLiteral("The token expired at %1.").arg(dateText(**exp)));
    for (const QString& name : {QStringLiteral("nbf"), QStringLiteral("iat")}) {
        const auto date = numericDate(*claims, name);
        if (!date)
            return std::unexpected(date.error());
        if (*date && **date > now + leeway)
            return reject(
                JwtProblem::NotYetValid,
                name == QLatin1String("nbf")
                    ? QStringLiteral("The token is not valid before %1.").arg(dateText(**date))
                    : QStringLiteral("The token says it was issued at %1, in the "
                                     "future; check the clocks.")
                          .arg(dateText(**date)));
    }

    if (!expect.issuer.isEmpty()) {
        const QJsonValue iss = claims->value(QStringLiteral("iss"));
        if (!iss.isString() || iss.toString() != expect.issuer)
            return reject(JwtProblem::WrongIssuer,
                          iss.isString()
                              ? QStringLiteral("The token's issuer \"%1\" is not the expected "
                                               "\"%2\".")
                                    .arg(iss.toString().left(200), expect.issuer)
                              : QStringLiteral("The token names no issuer (\"iss\"); \"%1\" is "
                                               "expected.")
                                    .arg(expect.issuer));
    }

    if (!expect.audiences.isEmpty()) {
        const QJsonValue aud = claims->value(QStringLiteral("aud"));
        QStringList audiences;
        if (aud.isString())
            audiences.append(aud.toString());
        else if (aud.isArray())
            for (const QJsonValue& item : aud.toArray())
                if (item.isString())
                    audiences.append(item.toString());
        bool match = false;
        for (const QString& a : audiences)
            match = match || expect.audiences.contains(a);
        if (!match)
            return reject(JwtProblem::WrongAudience,
                          QStringLiteral("The token's audience (\"aud\") is not one of %1.")
                              .arg(expect.audiences.join(QStringLiteral(", "))));
    }

    return VerifiedJwt{*header, *claims, scopesOf(*claims)};
}

} // namespace swb::auth
