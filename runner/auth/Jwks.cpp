#include "Jwks.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace swb::auth {

namespace {

// A JWKS is small; anything far larger is not one (and would cost time to parse).
constexpr qsizetype kMaxJwksBytes = 1024 * 1024;
constexpr int kMinRsaBits = 2048;
constexpr int kMaxRsaBits = 16384;

struct BnFree {
    void operator()(BIGNUM* b) const { BN_free(b); }
};
struct ParamBldFree {
    void operator()(OSSL_PARAM_BLD* b) const { OSSL_PARAM_BLD_free(b); }
};
struct ParamFree {
    void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

QByteArray stripLeadingZeros(QByteArray bytes)
{
    qsizetype i = 0;
    while (i < bytes.size() && bytes.at(i) == '\0')
        ++i;
    return bytes.mid(i);
}

int bitCount(const QByteArray& bigEndian)
{
    if (bigEndian.isEmpty())
        return 0;
    int bits = int(bigEndian.size() - 1) * 8;
    for (auto top = uchar(bigEndian.at(0)); top; top >>= 1)
        ++bits;
    return bits;
}

std::shared_ptr<evp_pkey_st> rsaPublicKey(const QByteArray& n, const QByteArray& e)
{
    std::unique_ptr<BIGNUM, BnFree> bn(
        BN_bin2bn(reinterpret_cast<const unsigned char*>(n.constData()), int(n.size()), nullptr));
    std::unique_ptr<BIGNUM, BnFree> be(
        BN_bin2bn(reinterpret_cast<const unsigned char*>(e.constData()), int(e.size()), nullptr));
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
    if (!bn || !be || !bld ||
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, be.get()) != 1)
        return {};
    std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY* key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return {};
    return std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free);
}

Error invalidKey(int index, const QString& what)
{
    return Error{ErrorCode::Validation,
                 QStringLiteral("Key %1 of the JWKS %2; publish the RSA public key's n and e "
                                "as unpadded base64url.")
                     .arg(index)
                     .arg(what),
                 {},
                 {}};
}

} // namespace

QByteArray encodeBase64Url(QByteArrayView bytes)
{
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding |
                                        QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> decodeBase64Url(QByteArrayView text)
{
    if (text.size() % 4 == 1)
        return std::nullopt;
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return std::nullopt;
    }
    auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(),
                                                  QByteArray::Base64UrlEncoding |
                                                      QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    // Only the canonical spelling: unused bits of the last character must be zero, so a
    // token has exactly one textual form.
    if (encodeBase64Url(*decoded) != text)
        return std::nullopt;
    return *decoded;
}

QJsonObject JsonWebKey::toJson() const
{
    QJsonObject jwk{{QStringLiteral("kty"), QStringLiteral("RSA")},
                    {QStringLiteral("n"), QString::fromLatin1(encodeBase64Url(m_n))},
                    {QStringLiteral("e"), QString::fromLatin1(encodeBase64Url(m_e))}};
    if (!m_kid.isEmpty())
        jwk.insert(QStringLiteral("kid"), m_kid);
    if (!m_alg.isEmpty())
        jwk.insert(QStringLiteral("alg"), m_alg);
    if (!m_use.isEmpty())
        jwk.insert(QStringLiteral("use"), m_use);
    return jwk;
}

QString JsonWebKey::thumbprint() const
{
    // RFC 7638 §3.2: the required members in lexicographic order, no whitespace.
    const QByteArray canonical = "{\"e\":\"" + encodeBase64Url(m_e) +
                                 "\",\"kty\":\"RSA\",\"n\":\"" + encodeBase64Url(m_n) + "\"}";
    return QString::fromLatin1(
        encodeBase64Url(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)));
}

bool JsonWebKey::verifyRs256(QByteArrayView input, QByteArrayView signature) const
{
    if (!m_key || signature.size() != EVP_PKEY_get_size(m_key.get()))
        return false;
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    return ctx &&
           EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) == 1 &&
           EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                            size_t(signature.size()),
                            reinterpret_cast<const unsigned char*>(input.data()),
                            size_t(input.size())) == 1;
}

Result<Jwks> Jwks::fromJson(const QByteArray& json)
{
    if (json.size() > kMaxJwksBytes)
        return fail(ErrorCode::Validation,
                    QStringLiteral("The JWKS is %1 bytes, more than the %2 a key set can be; "
                                   "check that the URL or file is a JWKS.")
                        .arg(json.size())
                        .arg(kMaxJwksBytes));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorCode::Parse,
                    QStringLiteral("The JWKS is not valid JSON (%1 at offset %2).")
                        .arg(error.errorString())
                        .arg(error.offset));
    if (!doc.isObject())
        return fail(ErrorCode::Validation,
                    QStringLiteral("The JWKS is not a JSON object; a key set looks like "
                                   "{\"keys\": [...]}."));
    return fromJsonObject(doc.object());
}

Result<Jwks> Jwks::fromJsonObject(const QJsonObject& set)
{
    const QJsonValue keysValue = set.value(QStringLiteral("keys"));
    if (!keysValue.isArray())
        return fail(ErrorCode::Validation,
                    QStringLiteral("The JWKS has no \"keys\" array; a key set looks like "
                                   "{\"keys\": [...]}."));
    Jwks jwks;
    QSet<QString> seenIds;
    const QJsonArray keys = keysValue.toArray();
    for (int i = 0; i < keys.size(); ++i) {
        if (!keys.at(i).isObject())
            return std::unexpected(invalidKey(i, QStringLiteral("is not a JSON object")));
        const QJsonObject jwk = keys.at(i).toObject();
        // RFC 7517 §5: keys of a type, use or algorithm we do not understand are ignored.
        if (jwk.value(QStringLiteral("kty")).toString() != QLatin1String("RSA"))
            continue;
        const QJsonValue use = jwk.value(QStringLiteral("use"));
        const QJsonValue alg = jwk.value(QStringLiteral("alg"));
        const QJsonValue kid = jwk.value(QStringLiteral("kid"));
        for (const auto& [member, value] : {std::pair{"use", use}, {"alg", alg}, {"kid", kid}})
            if (!value.isUndefined() && !value.isString())
                return std::unexpected(
                    invalidKey(i, QStringLiteral("has a \"%1\" that is not a string")
                                      .arg(QLatin1String(member))));
        if (!use.isUndefined() && use.toString() != QLatin1String("sig"))
            continue;
        if (!alg.isUndefined() && alg.toString() != QLatin1String("RS256"))
            continue;
        const auto n = decodeBase64Url(jwk.value(QStringLiteral("n")).toString().toLatin1());
        const auto e = decodeBase64Url(jwk.value(QStringLiteral("e")).toString().toLatin1());
        if (!jwk.value(QStringLiteral("n")).isString() || !n || n->isEmpty())
            return std::unexpected(invalidKey(i, QStringLiteral("has no valid modulus \"n\"")));
        if (!jwk.value(QStringLiteral("e")).isString() || !e || e->isEmpty())
            return std::unexpected(invalidKey(i, QStringLiteral("has no valid exponent \"e\"")));
        JsonWebKey key;
        key.m_kid = kid.toString();
        key.m_alg = alg.toString();
        key.m_use = use.toString();
        key.m_n = stripLeadingZeros(*n);
        key.m_e = stripLeadingZeros(*e);
        key.m_bits = bitCount(key.m_n);
        if (key.m_bits < kMinRsaBits || key.m_bits > kMaxRsaBits)
            return fail(ErrorCode::Validation,
                        QStringLiteral("Key %1 of the JWKS is a %2-bit RSA key; only %3 to %4 "
                                       "bits are accepted.")
                            .arg(i)
                            .arg(key.m_bits)
                            .arg(kMinRsaBits)
                            .arg(kMaxRsaBits));
        // A public exponent is odd, at least 3, and small (65537 in practice).
        if (key.m_e.size() > 8 || bitCount(key.m_e) < 2 || !(uchar(key.m_e.back()) & 1))
            return std::unexpected(invalidKey(i, QStringLiteral("has an unusable exponent \"e\"")));
        if (seenIds.contains(key.m_kid))
            return fail(ErrorCode::Validation,
                        key.m_kid.isEmpty()
                            ? QStringLiteral("The JWKS has more than one RSA key without a "
                                             "\"kid\"; give each key an id.")
                            : QStringLiteral("The JWKS has two keys with the id \"%1\"; key "
                                             "ids must be unique.")
                                  .arg(key.m_kid));
        seenIds.insert(key.m_kid);
        key.m_key = rsaPublicKey(key.m_n, key.m_e);
        if (!key.m_key)
            return std::unexpected(invalidKey(i, QStringLiteral("is not a usable RSA key")));
        jwks.m_keys.append(key);
    }
    return jwks;
}

Result<Jwks> Jwks::fromRsaPublicKey(const QByteArray& modulus, const QByteArray& exponent,
                                    const QString& keyId)
{
    QJsonObject jwk{{QStringLiteral("kty"), QStringLiteral("RSA")},
                    {QStringLiteral("use"), QStringLiteral("sig")},
                    {QStringLiteral("alg"), QStringLiteral("RS256")},
                    {QStringLiteral("n"), QString::fromLatin1(encodeBase64Url(modulus))},
                    {QStringLiteral("e"), QString::fromLatin1(encodeBase64Url(exponent))}};
    if (!keyId.isEmpty())
        jwk.insert(QStringLiteral("kid"), keyId);
    return fromJsonObject(QJsonObject{{QStringLiteral("keys"), QJsonArray{jwk}}});
}

QJsonObject Jwks::toJson() const
{
    QJsonArray keys;
    for (const JsonWebKey& key : m_keys)
        keys.append(key.toJson());
    return QJsonObject{{QStringLiteral("keys"), keys}};
}

QStringList Jwks::keyIds() const
{
    QStringList ids;
    for (const JsonWebKey& key : m_keys)
        ids.append(key.keyId());
    return ids;
}

const JsonWebKey* Jwks::find(const QString& keyId, bool hasKeyId) const
{
    if (!hasKeyId)
        return m_keys.size() == 1 ? &m_keys.front() : nullptr;
    for (const JsonWebKey& key : m_keys)
        if (key.keyId() == keyId)
            return &key;
    return nullptr;
}

} // namespace swb::auth
