#pragma once
// The workspace's security token service: an RSA-2048 key pair kept under
// <workspace>/.swb/tokens/ (made on first use) that signs RS256 JWTs for local testing, and
// the JWKS that verifies them.

#include "Error.h"
#include "auth/Jwks.h"
#include "auth/JwtVerifier.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace swb {
struct Workspace;
}

namespace swb::auth {

struct TokenServiceSettings {
    QString issuer;        // default: defaultIssuer(workspace name)
    QStringList audiences; // default: ["swb"]
    int defaultTtlSeconds = 3600;

    // The workspace's "tokenService" entry with the defaults filled in.
    static Result<TokenServiceSettings> fromWorkspace(const Workspace& workspace);
    // "http://127.0.0.1/<name>": a local issuer that does not depend on `swb serve`'s port.
    static QString defaultIssuer(const QString& workspaceName);
};

struct TokenRequest {
    QString subject;         // "sub"; required
    QStringList scopes;      // "scope", space-separated
    QJsonObject extraClaims; // may not name a registered claim the service sets
    int ttlSeconds = 0;      // 0: the settings' default
};

// Longest lifetime issue() accepts.
inline constexpr int kMaxTokenTtlSeconds = 365 * 24 * 3600;

class TokenService {
public:
    // Loads the key pair from <workspace>/.swb/tokens/, generating it on first use. A key file
    // that cannot be read is an error naming it; it is never replaced.
    static Result<TokenService> open(const QString& workspaceFolder,
                                     const TokenServiceSettings& settings);
    // The key file's path for a workspace (whether it exists or not).
    static QString privateKeyPath(const QString& workspaceFolder);

    // An RS256 JWT with iss, sub, aud, iat, nbf, exp, jti, scope and the extra claims.
    Result<QString> issue(const TokenRequest& request, qint64 nowSeconds) const;

    Jwks publicKeys() const;
    QString keyId() const; // the RFC 7638 thumbprint of the public key
    // The public key as a PEM "PUBLIC KEY" (SubjectPublicKeyInfo) block; not a secret.
    QByteArray publicKeyPem() const;
    const TokenServiceSettings& settings() const { return m_settings; }
    JwtExpectations expectations(qint64 nowSeconds) const;
    // True when open() created the key pair rather than loading it.
    bool keyPairCreated() const { return m_created; }

private:
    TokenServiceSettings m_settings;
    Jwks m_jwks;
    QString m_keyId;
    std::shared_ptr<evp_pkey_st> m_privateKey;
    bool m_created = false;
};

// Parses a token lifetime: "30s", "15m", "1h", "7d" (a positive whole number and a unit).
Result<int> parseTtl(const QString& text);

} // namespace swb::auth
