#pragma once
// The signed assertion of Google's service-account OAuth 2.0 flow: a JWT (RS256) saying "I am
// this service account and want these scopes", exchanged at the token URI for an access token.

#include "Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace swb {

struct ServiceAccountKey;

class GoogleJwt {
public:
    static constexpr const char* kCloudPlatformScope =
        "https://www.googleapis.com/auth/cloud-platform";
    static constexpr const char* kGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static constexpr int kMaxLifetimeSeconds = 3600; // Google refuses longer assertions

    // header {"alg":"RS256","typ":"JWT","kid":private_key_id}, claims {iss: client_email,
    // scope, aud: token_uri, iat: now, exp: now + lifetime} (lifetime capped at an hour),
    // signed with the key's private key. The time is an argument: there is no clock inside.
    static Result<QByteArray>
    assertion(const ServiceAccountKey& key, const QDateTime& nowUtc,
              const QString& scope = QString::fromLatin1(kCloudPlatformScope),
              int lifetimeSeconds = kMaxLifetimeSeconds);

    // The form body of the token request (application/x-www-form-urlencoded).
    static QByteArray tokenRequestBody(const QByteArray& assertion);

    static QByteArray base64Url(const QByteArray& bytes);
};

} // namespace swb
