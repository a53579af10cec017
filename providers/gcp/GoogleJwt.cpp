#include "GoogleJwt.h"

#include "ServiceAccountKey.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <memory>

namespace swb {

namespace {

struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};
struct PkeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

Result<QByteArray> signRs256(const QString& pem, const QByteArray& input, const QString& source)
{
    const QByteArray pemBytes = pem.toUtf8();
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pemBytes.constData(), int(pemBytes.size())));
    std::unique_ptr<EVP_PKEY, PkeyFree> key(
        bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key || EVP_PKEY_base_id(key.get()) != EVP_PKEY_RSA)
        return fail(ErrorCode::Validation,
                    QStringLiteral("The private key in %1 cannot be read as an RSA key; create a "
                                   "new JSON key for the service account.")
                        .arg(source));
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    size_t length = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length,
                       reinterpret_cast<const unsigned char*>(input.constData()),
                       size_t(input.size())) != 1)
        return fail(
            ErrorCode::Internal,
            QStringLiteral("Signing the token request with the key in %1 failed.").arg(source));
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       reinterpret_cast<const unsigned char*>(input.constData()),
                       size_t(input.size())) != 1)
        return fail(
            ErrorCode::Internal,
            QStringLiteral("Signing the token request with the key in %1 failed.").arg(source));
    signature.resize(qsizetype(length));
    return signature;
}

} // namespace

QByteArray GoogleJwt::base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Result<QByteArray> GoogleJwt::assertion(const ServiceAccountKey& key, const QDateTime& nowUtc,
                                        const QString& scope, int lifetimeSeconds)
{
    const qint64 iat = nowUtc.toSecsSinceEpoch();
    const qint64 exp = iat + std::clamp(lifetimeSeconds, 1, kMaxLifetimeSeconds);
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("kid"), key.privateKeyId}};
    const QJsonObject claims{{QStringLiteral("iss"), key.clientEmail},
                             {QStringLiteral("scope"), scope},
                             {QStringLiteral("aud"), key.tokenUri},
                             {QStringLiteral("iat"), iat},
                             {QStringLiteral("exp"), exp}};
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                             base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    auto signature = signRs256(key.privateKey, input, key.source);
    if (!signature)
        return std::unexpected(signature.error());
    return input + '.' + base64Url(*signature);
}

QByteArray GoogleJwt::tokenRequestBody(const QByteArray& assertion)
{
    return "grant_type=" + QUrl::toPercentEncoding(QString::fromLatin1(kGrantType)) +
           "&assertion=" + QUrl::toPercentEncoding(QString::fromLatin1(assertion));
}

} // namespace swb
