#include "WellKnownEndpoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace swb::auth {

namespace {

constexpr QByteArrayView kJwksPath = "/.well-known/jwks.json";
constexpr QByteArrayView kDiscoveryPath = "/.well-known/openid-configuration";

http::HttpResponse jsonResponse(int status, const QJsonObject& body)
{
    return http::HttpResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace

WellKnownEndpoints::WellKnownEndpoints(QString workspaceFolder,
                                       Result<TokenServiceSettings> settings)
    : m_folder(std::move(workspaceFolder)), m_settings(std::move(settings))
{}

bool WellKnownEndpoints::handles(QByteArrayView path)
{
    return path == kJwksPath || path == kDiscoveryPath;
}

Result<TokenService> WellKnownEndpoints::tokenService()
{
    if (m_service)
        return *m_service;
    if (!m_settings)
        return std::unexpected(m_settings.error());
    auto opened = TokenService::open(m_folder, *m_settings);
    if (!opened)
        return std::unexpected(opened.error());
    m_service = *opened;
    return *m_service;
}

http::HttpResponse WellKnownEndpoints::respond(const http::HttpRequest& request,
                                               const QString& localAuthority)
{
    if (request.method != "GET" && request.method != "HEAD") {
        http::HttpResponse r =
            jsonResponse(405, {{QStringLiteral("message"), QStringLiteral("Method Not Allowed")}});
        r.addHeader("Allow", "GET, HEAD");
        return r;
    }
    const auto service = tokenService();
    if (!service)
        return jsonResponse(500, {{QStringLiteral("message"), service.error().message}});

    http::HttpResponse response;
    if (request.path == kJwksPath) {
        response = jsonResponse(200, service->publicKeys().toJson());
    } else {
        // A Host header is echoed into jwks_uri only when it looks like host[:port].
        static const QRegularExpression authority(
            QStringLiteral("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$"));
        const QString host = QString::fromLatin1(request.header("Host"));
        const QString base = authority.match(host).hasMatch() ? host : localAuthority;
        response =
            jsonResponse(200, {{QStringLiteral("issuer"), service->settings().issuer},
                               {QStringLiteral("jwks_uri"),
                                QStringLiteral("http://%1%2").arg(base, QLatin1String(kJwksPath))},
                               {QStringLiteral("id_token_signing_alg_values_supported"),
                                QJsonArray{QStringLiteral("RS256")}}});
    }
    if (request.method == "HEAD") {
        response.addHeader("Content-Length", QByteArray::number(response.body.size()));
        response.body.clear();
    }
    return response;
}

} // namespace swb::auth
