#pragma once
// Test-only: signs arbitrary JWT headers and payloads with a PEM private key file (the token
// service's own, read from a test workspace), so the verifier can be fed tokens the service
// would never issue.

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace swb::test {

inline QByteArray b64url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

inline QByteArray segment(const QJsonObject& o)
{
    return b64url(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

inline std::shared_ptr<EVP_PKEY> readPrivateKeyPem(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray pem = file.readAll();
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

inline QByteArray rs256(EVP_PKEY* key, const QByteArray& input)
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    size_t length = 0;
    QByteArray signature;
    if (EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
        EVP_DigestSign(ctx, nullptr, &length,
                       reinterpret_cast<const unsigned char*>(input.constData()),
                       size_t(input.size())) == 1) {
        signature.resize(qsizetype(length));
        EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length,
                       reinterpret_cast<const unsigned char*>(input.constData()),
                       size_t(input.size()));
        signature.resize(qsizetype(length));
    }
    EVP_MD_CTX_free(ctx);
    return signature;
}

// header.payload.signature with an RS256 signature by `key`.
inline QByteArray signedJwt(EVP_PKEY* key, const QJsonObject& header, const QJsonObject& claims)
{
    const QByteArray input = segment(header) + '.' + segment(claims);
    return input + '.' + b64url(rs256(key, input));
}

// An HS256 token whose HMAC secret is `secret`: the classic algorithm-confusion forgery when
// the secret is the verifier's public key.
inline QByteArray hs256Jwt(const QByteArray& secret, const QJsonObject& header,
                           const QJsonObject& claims)
{
    const QByteArray input = segment(header) + '.' + segment(claims);
    return input + '.' +
           b64url(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
}

} // namespace swb::test
