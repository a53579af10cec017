#pragma once
// What `swb serve` publishes about the workspace's token service, without an API key:
// GET /.well-known/jwks.json (the public keys) and /.well-known/openid-configuration
// ({issuer, jwks_uri}). The key pair is made on the first request that needs it.

#include "auth/TokenService.h"
#include "http/HttpServer.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace swb::auth {

class WellKnownEndpoints {
public:
    WellKnownEndpoints(QString workspaceFolder, Result<TokenServiceSettings> settings);

    static bool handles(QByteArrayView path);
    // `localAuthority` ("127.0.0.1:PORT") names the server in jwks_uri when the request has no
    // usable Host header.
    http::HttpResponse respond(const http::HttpRequest& request, const QString& localAuthority);

    // The workspace's token service, opened (and its key pair made) on first use.
    Result<TokenService> tokenService();

private:
    QString m_folder;
    Result<TokenServiceSettings> m_settings;
    std::optional<TokenService> m_service;
};

} // namespace swb::auth
