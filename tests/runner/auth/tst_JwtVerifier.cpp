// verifyJwt and Jwks: the RFC examples, tokens of the workspace's token service, and every way
// a token is refused — including the classic forgeries (alg none, HS256 keyed with the public
// key).
#include "auth/Jwks.h"
#include "auth/JwtVerifier.h"
#include "auth/TokenService.h"

#include "JwtTestSigner.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using namespace swb::auth;
using namespace swb::test;

Q_DECLARE_METATYPE(swb::auth::JwtProblem)

namespace {

// RFC 7515 appendix A.2: the RS256 example's public key and the signed JWS.
const QByteArray kRfc7515N =
    "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4"
    "d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5re"
    "xMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxX"
    "FvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
const QByteArray kRfc7515Jws =
    "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLm"
    "NvbS9pc19yb290Ijp0cnVlfQ.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuH"
    "Im4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5"
    "h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPq"
    "vhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";
// RFC 7638 §3.1: the example JWK and its thumbprint.
const QByteArray kRfc7638N =
    "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPeb"
    "WKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368Q"
    "QMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2"
    "NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

constexpr qint64 kNow = 1'800'000'000;

QByteArray jwksJson(const QJsonArray& keys)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson();
}

} // namespace

class tst_JwtVerifier : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir, m_otherDir;
    std::optional<TokenService> m_service, m_other;
    std::shared_ptr<EVP_PKEY> m_key;

    QJsonObject header() const
    {
        return {{QStringLiteral("alg"), QStringLiteral("RS256")},
                {QStringLiteral("typ"), QStringLiteral("JWT")},
                {QStringLiteral("kid"), m_service->keyId()}};
    }
    QJsonObject claims() const
    {
        return {{QStringLiteral("iss"), QStringLiteral("https://issuer.test")},
                {QStringLiteral("aud"), QStringLiteral("api")},
                {QStringLiteral("sub"), QStringLiteral("alice")},
                {QStringLiteral("iat"), kNow - 10},
                {QStringLiteral("exp"), kNow + 600}};
    }
    JwtExpectations expect() const
    {
        return {QStringLiteral("https://issuer.test"), {QStringLiteral("api")}, kNow, 0};
    }
    QByteArray sign(const QJsonObject& h, const QJsonObject& c) const
    {
        return signedJwt(m_key.get(), h, c);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid() && m_otherDir.isValid());
        const TokenServiceSettings settings{
            QStringLiteral("https://issuer.test"), {QStringLiteral("api")}, 3600};
        auto service = TokenService::open(m_dir.path(), settings);
        QVERIFY2(service, qPrintable(service ? QString() : service.error().message));
        m_service = *service;
        auto other = TokenService::open(m_otherDir.path(), settings);
        QVERIFY(other);
        m_other = *other;
        m_key = readPrivateKeyPem(TokenService::privateKeyPath(m_dir.path()));
        QVERIFY(m_key);
    }

    void verifiesTheRfc7515Example()
    {
        const auto jwks = Jwks::fromJson(
            jwksJson({QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                                  {QStringLiteral("n"), QString::fromLatin1(kRfc7515N)},
                                  {QStringLiteral("e"), QStringLiteral("AQAB")}}}));
        QVERIFY(jwks);
        // The example expires at 1300819380 (2011-03-22T18:43:00Z) and names no audience.
        const auto ok = verifyJwt(kRfc7515Jws, *jwks, {QStringLiteral("joe"), {}, 1300819370, 0});
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        QCOMPARE(ok->claims.value(QStringLiteral("http://example.com/is_root")).toBool(), true);
        QCOMPARE(ok->header.value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));

        const auto late = verifyJwt(kRfc7515Jws, *jwks, {QStringLiteral("joe"), {}, 1300819380, 0});
        QVERIFY(!late);
        QCOMPARE(late.error().problem, JwtProblem::Expired);
        QVERIFY(verifyJwt(kRfc7515Jws, *jwks, {QStringLiteral("joe"), {}, 1300819380, 1}));
        const auto aud = verifyJwt(kRfc7515Jws, *jwks,
                                   {QStringLiteral("joe"), {QStringLiteral("x")}, 1300819370, 0});
        QVERIFY(!aud);
        QCOMPARE(aud.error().problem, JwtProblem::WrongAudience);
    }

    void thumbprintMatchesRfc7638()
    {
        const auto jwks = Jwks::fromJson(
            jwksJson({QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                                  {QStringLiteral("n"), QString::fromLatin1(kRfc7638N)},
                                  {QStringLiteral("e"), QStringLiteral("AQAB")},
                                  {QStringLiteral("alg"), QStringLiteral("RS256")},
                                  {QStringLiteral("kid"), QStringLiteral("2011-04-29")}}}));
        QVERIFY(jwks);
        QCOMPARE(jwks->keyIds(), QStringList{QStringLiteral("2011-04-29")});
        QCOMPARE(jwks->keys().front().thumbprint(),
                 QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
        QCOMPARE(jwks->keys().front().modulusBits(), 2048);
    }

    void issuedTokenVerifiesWithClaimsAndScopes()
    {
        TokenRequest request;
        request.subject = QStringLiteral("alice");
        request.scopes = {QStringLiteral("orders:read"), QStringLiteral("orders:write")};
        request.extraClaims.insert(QStringLiteral("tenant"), QStringLiteral("acme"));
        const auto token = m_service->issue(request, kNow);
        QVERIFY(token);
        const auto ok =
            verifyJwt(token->toLatin1(), m_service->publicKeys(), m_service->expectations(kNow));
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        QCOMPARE(ok->claims.value(QStringLiteral("sub")).toString(), QStringLiteral("alice"));
        QCOMPARE(ok->claims.value(QStringLiteral("tenant")).toString(), QStringLiteral("acme"));
        QCOMPARE(ok->scopes, request.scopes);
        QCOMPARE(ok->header.value(QStringLiteral("kid")).toString(), m_service->keyId());
    }

    void readsScopesFromScp()
    {
        QJsonObject c = claims();
        c.insert(QStringLiteral("scp"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")});
        auto ok = verifyJwt(sign(header(), c), m_service->publicKeys(), expect());
        QVERIFY(ok);
        QCOMPARE(ok->scopes, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        c.insert(QStringLiteral("scp"), QStringLiteral("c d"));
        ok = verifyJwt(sign(header(), c), m_service->publicKeys(), expect());
        QVERIFY(ok);
        QCOMPARE(ok->scopes, (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
    }

    void acceptsAnAudienceInAnArrayAndAnyExpectedAudience()
    {
        QJsonObject c = claims();
        c.insert(QStringLiteral("aud"), QJsonArray{QStringLiteral("other"), QStringLiteral("api")});
        QVERIFY(verifyJwt(sign(header(), c), m_service->publicKeys(), expect()));
        JwtExpectations e = expect();
        e.audiences = {QStringLiteral("x"), QStringLiteral("other")};
        QVERIFY(verifyJwt(sign(header(), c), m_service->publicKeys(), e));
        e.audiences.clear(); // not checked
        QVERIFY(verifyJwt(sign(header(), claims()), m_service->publicKeys(), e));
    }

    void withoutKidUsesTheOnlyKey()
    {
        QJsonObject h = header();
        h.remove(QStringLiteral("kid"));
        QVERIFY(verifyJwt(sign(h, claims()), m_service->publicKeys(), expect()));
        // Two keys: a token without kid cannot choose.
        QJsonArray keys{
            m_service->publicKeys().toJson().value(QStringLiteral("keys")).toArray().at(0),
            m_other->publicKeys().toJson().value(QStringLiteral("keys")).toArray().at(0)};
        const auto two = Jwks::fromJson(jwksJson(keys));
        QVERIFY(two);
        QCOMPARE(two->keys().size(), 2);
        const auto none = verifyJwt(sign(h, claims()), *two, expect());
        QVERIFY(!none);
        QCOMPARE(none.error().problem, JwtProblem::UnknownKey);
        QVERIFY(verifyJwt(sign(header(), claims()), *two, expect())); // with kid: found
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<JwtProblem>("problem");
        QTest::addColumn<int>("leeway");

        const QByteArray good = sign(header(), claims());
        const QList<QByteArray> parts = good.split('.');
        const auto with = [&](const char* key, const QJsonValue& value) {
            QJsonObject c = claims();
            if (value.isUndefined())
                c.remove(QLatin1String(key));
            else
                c.insert(QLatin1String(key), value);
            return sign(header(), c);
        };
        const auto headerWith = [&](const char* key, const QJsonValue& value) {
            QJsonObject h = header();
            if (value.isUndefined())
                h.remove(QLatin1String(key));
            else
                h.insert(QLatin1String(key), value);
            return h;
        };

        QTest::newRow("expired") << with("exp", kNow - 1) << JwtProblem::Expired << 0;
        QTest::newRow("expired now") << with("exp", kNow) << JwtProblem::Expired << 0;
        QTest::newRow("expired past leeway") << with("exp", kNow - 31) << JwtProblem::Expired << 30;
        QTest::newRow("not yet valid") << with("nbf", kNow + 60) << JwtProblem::NotYetValid << 0;
        QTest::newRow("nbf past leeway") << with("nbf", kNow + 31) << JwtProblem::NotYetValid << 30;
        QTest::newRow("issued in the future")
            << with("iat", kNow + 60) << JwtProblem::NotYetValid << 0;
        QTest::newRow("no exp") << with("exp", QJsonValue::Undefined) << JwtProblem::Malformed << 0;
        QTest::newRow("exp as text")
            << with("exp", QStringLiteral("1900000000")) << JwtProblem::Malformed << 0;
        QTest::newRow("wrong issuer")
            << with("iss", QStringLiteral("https://evil.test")) << JwtProblem::WrongIssuer << 0;
        QTest::newRow("issuer prefix")
            << with("iss", QStringLiteral("https://issuer.test/")) << JwtProblem::WrongIssuer << 0;
        QTest::newRow("no issuer")
            << with("iss", QJsonValue::Undefined) << JwtProblem::WrongIssuer << 0;
        QTest::newRow("wrong audience")
            << with("aud", QStringLiteral("web")) << JwtProblem::WrongAudience << 0;
        QTest::newRow("audience array without ours")
            << with("aud", QJsonArray{QStringLiteral("a"), QStringLiteral("b")})
            << JwtProblem::WrongAudience << 0;
        QTest::newRow("no audience")
            << with("aud", QJsonValue::Undefined) << JwtProblem::WrongAudience << 0;

        // Tampering: the signature covers header and payload.
        QJsonObject admin = claims();
        admin.insert(QStringLiteral("sub"), QStringLiteral("admin"));
        QTest::newRow("tampered payload")
            << QByteArray(parts[0] + '.' + segment(admin) + '.' + parts[2])
            << JwtProblem::BadSignature << 0;
        QByteArray flipped = parts[2];
        flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
        QTest::newRow("tampered signature") << QByteArray(parts[0] + '.' + parts[1] + '.' + flipped)
                                            << JwtProblem::BadSignature << 0;
        QTest::newRow("truncated signature")
            << QByteArray(parts[0] + '.' + parts[1] + '.' + parts[2].left(300))
            << JwtProblem::BadSignature << 0;
        QTest::newRow("signed by another key with our kid")
            << QByteArray(
                   parts[0] + '.' + parts[1] + '.' +
                   m_other->issue({QStringLiteral("x"), {}, {}, 0}, kNow)->toLatin1().split('.')[2])
            << JwtProblem::BadSignature << 0;

        // alg: none, in its spellings, with and without a signature.
        for (const QString& none :
             {QStringLiteral("none"), QStringLiteral("None"), QStringLiteral("NONE")}) {
            const QByteArray h = segment(headerWith("alg", none));
            QTest::newRow(qPrintable(QStringLiteral("alg %1, empty signature").arg(none)))
                << QByteArray(h + '.' + parts[1] + '.') << JwtProblem::UnsupportedAlgorithm << 0;
            QTest::newRow(qPrintable(QStringLiteral("alg %1, kept signature").arg(none)))
                << QByteArray(h + '.' + parts[1] + '.' + parts[2])
                << JwtProblem::UnsupportedAlgorithm << 0;
        }
        QTest::newRow("alg none, two parts")
            << QByteArray(segment(headerWith("alg", QStringLiteral("none"))) + '.' + parts[1])
            << JwtProblem::Malformed << 0;
        QTest::newRow("no alg") << sign(headerWith("alg", QJsonValue::Undefined), claims())
                                << JwtProblem::UnsupportedAlgorithm << 0;
        QTest::newRow("alg not a string")
            << sign(headerWith("alg", 256), claims()) << JwtProblem::UnsupportedAlgorithm << 0;
        QTest::newRow("RS512") << sign(headerWith("alg", QStringLiteral("RS512")), claims())
                               << JwtProblem::UnsupportedAlgorithm << 0;
        QTest::newRow("PS256") << sign(headerWith("alg", QStringLiteral("PS256")), claims())
                               << JwtProblem::UnsupportedAlgorithm << 0;

        // HS256 keyed with what an attacker knows of the public key.
        const QJsonObject hs = headerWith("alg", QStringLiteral("HS256"));
        const QByteArray pem = m_service->publicKeyPem();
        QByteArray der;
        for (const QByteArray& line : pem.split('\n'))
            if (!line.startsWith("-----"))
                der += line;
        der = QByteArray::fromBase64(der);
        const QString n =
            m_service->publicKeys().keys().front().toJson().value(QStringLiteral("n")).toString();
        const QByteArray jwk = QJsonDocument(m_service->publicKeys().keys().front().toJson())
                                   .toJson(QJsonDocument::Compact);
        QTest::newRow("HS256 keyed with the PEM")
            << hs256Jwt(pem, hs, claims()) << JwtProblem::UnsupportedAlgorithm << 0;
        QTest::newRow("HS256 keyed with the PEM, trimmed")
            << hs256Jwt(pem.trimmed(), hs, claims()) << JwtProblem::UnsupportedAlgorithm << 0;
        QTest::newRow("HS256 keyed with the DER")
            << hs256Jwt(der, hs, claims()) << JwtProblem::UnsupportedAlgorithm << 0;
        QTest::newRow("HS256 keyed with n")
            << hs256Jwt(n.toLatin1(), hs, claims()) << JwtProblem::UnsupportedAlgorithm << 0;
        QTest::newRow("HS256 keyed with the JWK")
            << hs256Jwt(jwk, hs, claims()) << JwtProblem::UnsupportedAlgorithm << 0;
        QJsonObject hsNoKid = hs;
        hsNoKid.remove(QStringLiteral("kid"));
        QTest::newRow("HS256 without kid")
            << hs256Jwt(pem, hsNoKid, claims()) << JwtProblem::UnsupportedAlgorithm << 0;

        QTest::newRow("unknown kid") << sign(headerWith("kid", QStringLiteral("nope")), claims())
                                     << JwtProblem::UnknownKey << 0;
        QTest::newRow("kid not a string")
            << sign(headerWith("kid", 7), claims()) << JwtProblem::Malformed << 0;
        QTest::newRow("crit") << sign(headerWith("crit", QJsonArray{QStringLiteral("exp")}),
                                      claims())
                              << JwtProblem::Malformed << 0;

        // Malformed shapes and encodings.
        QTest::newRow("empty") << QByteArray() << JwtProblem::Malformed << 0;
        QTest::newRow("one part") << QByteArray("abc") << JwtProblem::Malformed << 0;
        QTest::newRow("two parts")
            << QByteArray(parts[0] + '.' + parts[1]) << JwtProblem::Malformed << 0;
        QTest::newRow("four parts") << QByteArray(good + ".x") << JwtProblem::Malformed << 0;
        QTest::newRow("five parts (JWE)")
            << QByteArray(parts[0] + ".a.b.c.d") << JwtProblem::Malformed << 0;
        QTest::newRow("padded header") << QByteArray(parts[0] + "=." + parts[1] + '.' + parts[2])
                                       << JwtProblem::Malformed << 0;
        QTest::newRow("padded signature") << QByteArray(good + "==") << JwtProblem::Malformed << 0;
        QTest::newRow("standard base64 alphabet")
            << QByteArray(parts[0] + '.' + parts[1] + '.' +
                          QByteArray(parts[2]).replace('-', '+').replace('_', '/') + "+/")
            << JwtProblem::Malformed << 0;
        QTest::newRow("whitespace") << QByteArray(parts[0] + ". " + parts[1] + '.' + parts[2])
                                    << JwtProblem::Malformed << 0;
        QTest::newRow("trailing newline") << QByteArray(good + '\n') << JwtProblem::Malformed << 0;
        QTest::newRow("header not JSON")
            << QByteArray(b64url("{alg: RS256}") + '.' + parts[1] + '.' + parts[2])
            << JwtProblem::Malformed << 0;
        QTest::newRow("header a JSON array")
            << QByteArray(b64url("[\"RS256\"]") + '.' + parts[1] + '.' + parts[2])
            << JwtProblem::Malformed << 0;
        QTest::newRow("empty header")
            << QByteArray('.' + parts[1] + '.' + parts[2]) << JwtProblem::Malformed << 0;
        const QByteArray badPayloadInput = parts[0] + '.' + b64url("not json");
        QTest::newRow("payload not JSON (signed)")
            << QByteArray(badPayloadInput + '.' + b64url(rs256(m_key.get(), badPayloadInput)))
            << JwtProblem::Malformed << 0;
        const QByteArray arrayPayloadInput = parts[0] + '.' + b64url("[1,2]");
        QTest::newRow("payload a JSON array (signed)")
            << QByteArray(arrayPayloadInput + '.' + b64url(rs256(m_key.get(), arrayPayloadInput)))
            << JwtProblem::Malformed << 0;
        QTest::newRow("binary garbage")
            << QByteArray("\x01\x02.\xff\xfe.\x00", 7) << JwtProblem::Malformed << 0;
        QTest::newRow("too large")
            << QByteArray(parts[0] + '.' + QByteArray(20000, 'A') + '.' + parts[2])
            << JwtProblem::Malformed << 0;
    }

    void rejects()
    {
        QFETCH(QByteArray, token);
        QFETCH(JwtProblem, problem);
        QFETCH(int, leeway);
        JwtExpectations e = expect();
        e.leewaySeconds = leeway;
        const auto result = verifyJwt(token, m_service->publicKeys(), e);
        QVERIFY2(!result, "the token was accepted");
        QCOMPARE(jwtProblemName(result.error().problem), jwtProblemName(problem));
        QVERIFY(!result.error().message.isEmpty());
        // The message names the problem, never the token or a part of it.
        for (const QByteArray& part : token.split('.'))
            if (part.size() >= 16)
                QVERIFY2(!result.error().message.contains(QString::fromLatin1(part.left(16))),
                         qPrintable(result.error().message));
    }

    void leewayAcceptsSmallSkew()
    {
        JwtExpectations e = expect();
        e.leewaySeconds = 30;
        QJsonObject c = claims();
        c.insert(QStringLiteral("exp"), kNow - 29);
        c.insert(QStringLiteral("nbf"), kNow + 29);
        QVERIFY(verifyJwt(sign(header(), c), m_service->publicKeys(), e));
        e.leewaySeconds = 0;
        QVERIFY(!verifyJwt(sign(header(), c), m_service->publicKeys(), e));
    }

    void strictBase64Url_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("f") << QByteArray("Zg") << true;            // RFC 4648 §10: "f"
        QTest::newRow("fo") << QByteArray("Zm8") << true;          // "fo"
        QTest::newRow("foobar") << QByteArray("Zm9vYmFy") << true; // "foobar"
        QTest::newRow("non-canonical bits") << QByteArray("Zh") << false;
        QTest::newRow("padding") << QByteArray("Zg==") << false;
        QTest::newRow("one char") << QByteArray("Z") << false;
        QTest::newRow("plus") << QByteArray("+w") << false;
        QTest::newRow("slash") << QByteArray("/w") << false;
        QTest::newRow("url chars") << QByteArray("-_8") << true;
        QTest::newRow("space") << QByteArray("Zm 8") << false;
    }

    void strictBase64Url()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QCOMPARE(decodeBase64Url(text).has_value(), valid);
    }

    void jwksRejectsBadSets_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("needle");
        const QJsonObject good = m_service->publicKeys().keys().front().toJson();
        const auto withKey = [&](const char* member, const QJsonValue& v) {
            QJsonObject k = good;
            k.insert(QLatin1String(member), v);
            return jwksJson({k});
        };
        QTest::newRow("not JSON") << QByteArray("{keys") << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a JSON object");
        QTest::newRow("no keys") << QByteArray("{}") << QStringLiteral("no \"keys\" array");
        QTest::newRow("key not object") << jwksJson({1}) << QStringLiteral("Key 0");
        QTest::newRow("n padded") << withKey("n", good.value(QStringLiteral("n")).toString() + "=")
                                  << QStringLiteral("modulus");
        QTest::newRow("n missing") << withKey("n", QJsonValue::Null) << QStringLiteral("modulus");
        QTest::newRow("e even") << withKey("e", QStringLiteral("AQAA"))
                                << QStringLiteral("exponent");
        QTest::newRow("small key")
            << withKey("n", QString::fromLatin1(b64url(QByteArray(128, 'x'))))
            << QStringLiteral("-bit RSA key");
        QTest::newRow("duplicate kid") << jwksJson({good, good}) << QStringLiteral("two keys");
        QTest::newRow("kid number") << withKey("kid", 5) << QStringLiteral("\"kid\"");
    }

    void jwksRejectsBadSets()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, needle);
        const auto jwks = Jwks::fromJson(json);
        QVERIFY(!jwks);
        QVERIFY2(jwks.error().message.contains(needle), qPrintable(jwks.error().message));
    }

    void jwksSkipsKeysItCannotUseAndDropsPrivateMembers()
    {
        QJsonObject ours = m_service->publicKeys().keys().front().toJson();
        ours.insert(QStringLiteral("d"), QStringLiteral("c2VjcmV0"));
        QJsonObject encryption = m_other->publicKeys().keys().front().toJson();
        encryption.insert(QStringLiteral("use"), QStringLiteral("enc"));
        QJsonObject ps256 = m_other->publicKeys().keys().front().toJson();
        ps256.insert(QStringLiteral("alg"), QStringLiteral("PS256"));
        const QJsonObject ec{
            {QStringLiteral("kty"), QStringLiteral("EC")},
            {QStringLiteral("crv"), QStringLiteral("P-256")},
            {QStringLiteral("x"), QStringLiteral("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU")},
            {QStringLiteral("y"), QStringLiteral("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")}};
        const auto jwks = Jwks::fromJson(jwksJson({ec, encryption, ps256, ours}));
        QVERIFY2(jwks, qPrintable(jwks ? QString() : jwks.error().message));
        QCOMPARE(jwks->keyIds(), QStringList{m_service->keyId()});
        QVERIFY(!QJsonDocument(jwks->toJson()).toJson().contains("c2VjcmV0"));
        QVERIFY(verifyJwt(sign(header(), claims()), *jwks, expect()));
        const auto empty = Jwks::fromJson(jwksJson({ec}));
        QVERIFY(empty);
        QVERIFY(empty->isEmpty());
        const auto none = verifyJwt(sign(header(), claims()), *empty, expect());
        QVERIFY(!none);
        QCOMPARE(none.error().problem, JwtProblem::UnknownKey);
    }

    void jwksRoundTripsThroughJson()
    {
        const Jwks keys = m_service->publicKeys();
        const auto again = Jwks::fromJson(QJsonDocument(keys.toJson()).toJson());
        QVERIFY(again);
        QCOMPARE(again->toJson(), keys.toJson());
        const QJsonObject jwk = keys.keys().front().toJson();
        QCOMPARE(jwk.value(QStringLiteral("kty")).toString(), QStringLiteral("RSA"));
        QCOMPARE(jwk.value(QStringLiteral("e")).toString(), QStringLiteral("AQAB"));
        QCOMPARE(jwk.value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));
        QCOMPARE(jwk.value(QStringLiteral("use")).toString(), QStringLiteral("sig"));
        QCOMPARE(jwk.value(QStringLiteral("kid")).toString(), keys.keys().front().thumbprint());
    }
};

QTEST_GUILESS_MAIN(tst_JwtVerifier)
#include "tst_JwtVerifier.moc"
