#pragma once
// A JSON Web Key Set (RFC 7517) of RSA public keys: what a JWT's signature is checked against,
// and what the workspace's token service publishes at /.well-known/jwks.json.

#include "Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

struct evp_pkey_st; // OpenSSL's EVP_PKEY; kept out of this header

namespace swb::auth {

// One RSA public key of a set. Copies share the OpenSSL key.
class JsonWebKey {
public:
    QString keyId() const { return m_kid; }
    QString algorithm() const { return m_alg; } // empty when the JWK does not say
    QString use() const { return m_use; }       // empty when the JWK does not say
    int modulusBits() const { return m_bits; }
    // {kty, n, e, kid?, alg?, use?}: the public members only.
    QJsonObject toJson() const;
    // RFC 7638 JWK thumbprint: base64url(SHA-256({"e":..,"kty":"RSA","n":..})).
    QString thumbprint() const;
    // True when `signature` is a valid RSASSA-PKCS1-v1_5 SHA-256 signature of `input`.
    bool verifyRs256(QByteArrayView input, QByteArrayView signature) const;

private:
    friend class Jwks;
    QString m_kid, m_alg, m_use;
    QByteArray m_n, m_e; // big-endian unsigned, no leading zeros
    int m_bits = 0;
    std::shared_ptr<evp_pkey_st> m_key;
};

class Jwks {
public:
    // Parses {"keys": [...]}. RSA keys need n and e (base64url) and at least 2048 bits; keys
    // of another kty, or marked for another use ("use" not "sig") or algorithm ("alg" not
    // RS256), are skipped as RFC 7517 asks. Private members (d, p, q, ...) are never kept.
    static Result<Jwks> fromJson(const QByteArray& json);
    // The same from an already parsed document.
    static Result<Jwks> fromJsonObject(const QJsonObject& set);
    // A set of one key: the big-endian modulus and exponent of an RSA public key.
    static Result<Jwks> fromRsaPublicKey(const QByteArray& modulus, const QByteArray& exponent,
                                         const QString& keyId);

    QJsonObject toJson() const; // {"keys": [...]} with the public members only
    bool isEmpty() const { return m_keys.isEmpty(); }
    QStringList keyIds() const;
    const QList<JsonWebKey>& keys() const { return m_keys; }
    // The key a token's header names by kid; without a kid, the only key of a set of one.
    // nullptr when none fits.
    const JsonWebKey* find(const QString& keyId, bool hasKeyId) const;

private:
    QList<JsonWebKey> m_keys;
};

// Strict base64url (RFC 4648 §5) without padding: only the alphabet, no '=', no whitespace,
// and the canonical encoding (unused trailing bits zero). nullopt for anything else.
std::optional<QByteArray> decodeBase64Url(QByteArrayView text);
QByteArray encodeBase64Url(QByteArrayView bytes);

} // namespace swb::auth
