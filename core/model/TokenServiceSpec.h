#pragma once
// The workspace's "tokenService" entry: how `swb token` and `swb serve`'s JWKS issue and
// describe local JWTs (docs/auth.md). Empty values take the defaults the runner documents.

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace swb {

struct TokenServiceSpec {
    QString issuer;        // "iss"; empty: http://127.0.0.1/<workspace name>
    QStringList audiences; // "aud"; empty: ["swb"]
    QString defaultTtl;    // "30s", "15m", "1h", "7d"; empty: 1h
    QJsonObject extensions;

    bool isDefault() const
    {
        return issuer.isEmpty() && audiences.isEmpty() && defaultTtl.isEmpty() &&
               extensions.isEmpty();
    }

    // A lifetime written as a positive whole number and a unit (s, m, h, d) in seconds;
    // nullopt when it is not one or does not fit in an int.
    static std::optional<int> parseTtlSeconds(const QString& text);
};

} // namespace swb
