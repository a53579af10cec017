#include "LocalServer.h"

#include "Runner.h"

#include <QElapsedTimer>

namespace swb {

using http::HttpRequest;
using http::HttpResponder;
using http::HttpResponse;

LocalServer::LocalServer(Runner& runner, LocalServerOptions options, QObject* parent)
    : QObject(parent), m_runner(runner), m_options(std::move(options)),
      m_http(new http::HttpServer(this)),
      m_invokeApi(new InvokeApi(runner, m_options.invokeApi, this))
{
    // API Gateway and Lambda both accept 6 MB synchronous payloads; leave room for encoding.
    m_http->setLimits(http::HttpLimits{64 * 1024, 10 * 1024 * 1024});
    m_http->setHandler([this](HttpRequest&& request, HttpResponder&& responder) {
        handle(std::move(request), std::move(responder));
    });
}

LocalServer::~LocalServer() = default;

Result<void> LocalServer::listen(const QHostAddress& address, quint16 port)
{
    if (!m_http->listen(address, port))
        return fail(ErrorCode::Io, QStringLiteral("Cannot listen on %1:%2: %3; choose another "
                                                  "port with --port (0 picks a free one).")
                                       .arg(address.toString())
                                       .arg(port)
                                       .arg(m_http->errorString()));
    return {};
}

quint16 LocalServer::port() const
{
    return m_http->port();
}

QStringList LocalServer::routeDescriptions() const
{
    return {};
}

void LocalServer::handle(HttpRequest&& request, HttpResponder&& responder)
{
    if (!m_options.apiKey.isEmpty() && request.header("x-api-key") != m_options.apiKey.toUtf8()) {
        responder.respond(HttpResponse::json(403, "{\"message\":\"Forbidden\"}"));
        emit served(request.method, request.target, 403, 0);
        return;
    }
    if (InvokeApi::handles(request.path)) {
        m_invokeApi->handle(std::move(request), std::move(responder));
        return;
    }
    handleGateway(std::move(request), std::move(responder));
}

void LocalServer::handleGateway(HttpRequest&& request, HttpResponder&& responder)
{
    responder.respond(HttpResponse::json(404, "{\"message\":\"Not Found\"}"));
    emit served(request.method, request.target, 404, 0);
}

} // namespace swb
