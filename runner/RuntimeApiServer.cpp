#include "RuntimeApiServer.h"

namespace swb {

using http::HttpRequest;
using http::HttpResponder;
using http::HttpResponse;

namespace {

const QByteArray kPrefix = "/2018-06-01/runtime/";

HttpResponse errorResponse(int status, const QByteArray& type, const QByteArray& message)
{
    return HttpResponse::json(status, "{\"errorMessage\":\"" + message + "\",\"errorType\":\"" +
                                          type + "\"}");
}

const HttpResponse& accepted()
{
    static const HttpResponse response = HttpResponse::json(202, "{\"status\":\"OK\"}");
    return response;
}

} // namespace

RuntimeApiServer::RuntimeApiServer(QObject* parent)
    : QObject(parent), m_server(new http::HttpServer(this))
{
    // Responses up to Lambda's limit plus room for a slightly larger one we must refuse
    // with 413 rather than by dropping the connection.
    m_server->setLimits(http::HttpLimits{64 * 1024, kMaxResponseBytes + 1024 * 1024});
    // A response far beyond the limit is refused by the HTTP layer without reading it.
    connect(m_server, &http::HttpServer::requestRefused, this,
            [this](int status, const QByteArray&, const QByteArray& path, qint64 bytes) {
                const QByteArray suffix = "/response";
                if (status != 413 || !path.startsWith(kPrefix + "invocation/") ||
                    !path.endsWith(suffix))
                    return;
                const QByteArray id = path.mid(kPrefix.size() + 11,
                                               path.size() - kPrefix.size() - 11 - suffix.size());
                if (id.isEmpty() || id != m_currentRequestId)
                    return;
                m_currentRequestId.clear();
                emit responseTooLarge(id, bytes);
            });
    m_server->setHandler([this](HttpRequest&& request, HttpResponder&& responder) {
        handle(std::move(request), std::move(responder));
    });
}

bool RuntimeApiServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString RuntimeApiServer::endpoint() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_server->port());
}

QString RuntimeApiServer::errorString() const
{
    return m_server->errorString();
}

bool RuntimeApiServer::isWaitingForWork() const
{
    return m_waiting.has_value() && m_waiting->isConnected();
}

void RuntimeApiServer::close()
{
    m_waiting.reset();
    m_pending.reset();
    m_server->close();
}

void RuntimeApiServer::clearCurrent()
{
    m_currentRequestId.clear();
    m_pending.reset();
}

void RuntimeApiServer::deliver(const RuntimeEvent& event)
{
    m_currentRequestId = event.requestId;
    if (isWaitingForWork()) {
        HttpResponder responder = std::move(*m_waiting);
        m_waiting.reset();
        sendEvent(responder, event);
    } else {
        m_pending = event;
    }
}

void RuntimeApiServer::sendEvent(HttpResponder& responder, const RuntimeEvent& event)
{
    HttpResponse r;
    r.status = 200;
    r.body = event.payload;
    r.headers = {{"Content-Type", "application/json"},
                 {"Lambda-Runtime-Aws-Request-Id", event.requestId},
                 {"Lambda-Runtime-Deadline-Ms", QByteArray::number(event.deadlineEpochMs)},
                 {"Lambda-Runtime-Invoked-Function-Arn", event.invokedFunctionArn},
                 {"Lambda-Runtime-Trace-Id", event.traceId}};
    if (!event.clientContext.isEmpty())
        r.headers.append({"Lambda-Runtime-Client-Context", event.clientContext});
    if (!event.cognitoIdentity.isEmpty())
        r.headers.append({"Lambda-Runtime-Cognito-Identity", event.cognitoIdentity});
    responder.respond(r);
}

void RuntimeApiServer::handle(HttpRequest&& request, HttpResponder&& responder)
{
    if (!request.path.startsWith(kPrefix)) {
        responder.respond(errorResponse(404, "InvalidRequest", "Unknown path"));
        emit protocolError(QStringLiteral("the runtime called an unknown path: %1 %2")
                               .arg(QString::fromLatin1(request.method),
                                    QString::fromLatin1(request.path.left(200))));
        return;
    }
    const QByteArray rest = request.path.mid(kPrefix.size());

    if (rest == "invocation/next") {
        if (request.method != "GET") {
            responder.respond(errorResponse(405, "InvalidRequest", "Use GET"));
            return;
        }
        if (m_pending) {
            const RuntimeEvent event = std::move(*m_pending);
            m_pending.reset();
            sendEvent(responder, event);
            return;
        }
        m_waiting.emplace(std::move(responder));
        emit nextRequested();
        return;
    }
    if (rest == "init/error") {
        if (request.method != "POST") {
            responder.respond(errorResponse(405, "InvalidRequest", "Use POST"));
            return;
        }
        responder.respond(accepted());
        emit initFailed(request.header("Lambda-Runtime-Function-Error-Type"), request.body);
        return;
    }
    if (rest.startsWith("invocation/") && request.method == "POST") {
        const QList<QByteArray> parts = rest.split('/');
        if (parts.size() == 3 && (parts.at(2) == "response" || parts.at(2) == "error")) {
            const QByteArray& id = parts.at(1);
            if (id.isEmpty() || id != m_currentRequestId) {
                responder.respond(errorResponse(400, "InvalidRequestID", "Invalid request ID"));
                emit protocolError(
                    QStringLiteral("the runtime answered for request id \"%1\", which is not the "
                                   "invocation in flight")
                        .arg(QString::fromUtf8(id.left(100))));
                return;
            }
            if (parts.at(2) == "response" && request.body.size() > kMaxResponseBytes) {
                responder.respond(
                    errorResponse(413, "RequestEntityTooLarge", "Payload exceeded 6291456 bytes"));
                m_currentRequestId.clear();
                emit responseTooLarge(id, request.body.size());
                return;
            }
            responder.respond(accepted());
            m_currentRequestId.clear();
            if (parts.at(2) == "response")
                emit responded(id, request.body);
            else
                emit failed(id, request.header("Lambda-Runtime-Function-Error-Type"), request.body);
            return;
        }
    }
    responder.respond(errorResponse(404, "InvalidRequest", "Unknown path"));
    emit protocolError(
        QStringLiteral("the runtime called an unknown path: %1 %2")
            .arg(QString::fromLatin1(request.method), QString::fromLatin1(request.path.left(200))));
}

} // namespace swb
