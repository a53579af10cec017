#include "HttpServer.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <cerrno>
#include <sys/socket.h>

namespace swb::http {

namespace {

bool equalsIgnoreCase(const QByteArray& a, const QByteArray& b)
{
    return a.size() == b.size() && qstrnicmp(a.constData(), b.constData(), a.size()) == 0;
}

} // namespace

QByteArray HttpRequest::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (equalsIgnoreCase(key, name))
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (equalsIgnoreCase(h.first, name))
            return true;
    }
    return false;
}

HttpResponse HttpResponse::json(int status, const QByteArray& body)
{
    return HttpResponse{status, {{"Content-Type", "application/json"}}, body};
}

HttpResponse HttpResponse::text(int status, const QByteArray& body)
{
    return HttpResponse{status, {{"Content-Type", "text/plain; charset=utf-8"}}, body};
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

// One client connection: parses requests one at a time (the next is read only after the
// current one is answered, which keeps responses in order), writes responses.
class HttpConnection : public QObject {
public:
    HttpConnection(HttpServer* server, QTcpSocket* socket)
        : QObject(server), m_server(server), m_socket(socket)
    {
        socket->setParent(this);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(socket, &QTcpSocket::disconnected, this, [this] { finish(); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                finish();
        });
    }

    bool waitingFor(quint64 sequence) const
    {
        return m_open && m_inFlight == sequence && sequence != 0;
    }

    void respond(quint64 sequence, const HttpResponse& response)
    {
        if (!waitingFor(sequence))
            return;
        QByteArray out;
        out.reserve(128 + response.body.size());
        out += "HTTP/1.1 ";
        out += QByteArray::number(response.status);
        out += ' ';
        out += reasonPhrase(response.status);
        out += "\r\n";
        bool hasLength = false;
        for (const auto& [name, value] : response.headers) {
            if (equalsIgnoreCase(name, "Content-Length"))
                hasLength = true;
            out += name;
            out += ": ";
            out += value;
            out += "\r\n";
        }
        if (!hasLength) {
            out += "Content-Length: ";
            out += QByteArray::number(response.body.size());
            out += "\r\n";
        }
        if (m_closeAfterResponse)
            out += "Connection: close\r\n";
        out += "\r\n";
        out += response.body;
        send(out);
        m_inFlight = 0;
        if (m_closeAfterResponse) {
            m_socket->disconnectFromHost();
            return;
        }
        // Requests that arrived while this one was in flight.
        if (!m_buffer.isEmpty())
            QMetaObject::invokeMethod(
                this, [this] { parse(); }, Qt::QueuedConnection);
    }

    void abort() { m_socket->abort(); }

    // Qt's buffered socket flushes each write from a posted event (an eventfd write and one
    // more turn of the event loop). A response usually fits in the kernel's send buffer, so it
    // is sent directly when Qt has nothing queued; whatever the kernel does not take, and every
    // error, goes through Qt, which keeps the order and reports the error as usual.
    void send(const QByteArray& out)
    {
        qsizetype sent = 0;
        const qintptr fd = m_socket->socketDescriptor();
        if (fd >= 0 && m_socket->bytesToWrite() == 0) {
            while (sent < out.size()) {
                const ssize_t n = ::send(int(fd), out.constData() + sent, size_t(out.size() - sent),
                                         MSG_NOSIGNAL | MSG_DONTWAIT);
                if (n > 0)
                    sent += n;
                else if (n < 0 && errno == EINTR)
                    continue;
                else
                    break;
            }
        }
        if (sent < out.size())
            m_socket->write(out.constData() + sent, out.size() - sent);
    }

private:
    void onReadyRead()
    {
        m_buffer += m_socket->readAll();
        parse();
    }

    void fail(int status, const QByteArray& message)
    {
        m_inFlight = ++m_sequence;
        m_closeAfterResponse = true;
        m_buffer.clear();
        respond(m_inFlight, HttpResponse::text(status, message + '\n'));
    }

    void parse()
    {
        while (m_open && m_inFlight == 0 && !m_buffer.isEmpty()) {
            if (!m_haveHead) {
                const qsizetype end = m_buffer.indexOf("\r\n\r\n");
                if (end < 0) {
                    if (m_buffer.size() > m_server->limits().maxHeaderBytes)
                        fail(431, "The request's headers are too large.");
                    return;
                }
                if (end > m_server->limits().maxHeaderBytes) {
                    fail(431, "The request's headers are too large.");
                    return;
                }
                if (!parseHead(m_buffer.left(end)))
                    return;
                m_buffer.remove(0, end + 4);
                m_haveHead = true;
                if (equalsIgnoreCase(m_request.header("Expect"), "100-continue"))
                    m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            if (!readBody())
                return;
            m_haveHead = false;
            m_inFlight = ++m_sequence;
            HttpRequest request = std::move(m_request);
            m_request = HttpRequest();
            request.peer = m_socket->peerAddress();
            m_server->dispatch(this, std::move(request), m_inFlight);
        }
    }

    bool parseHead(const QByteArray& head)
    {
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || requestLine.at(0).isEmpty() ||
            !requestLine.at(1).startsWith('/') || !requestLine.at(2).startsWith("HTTP/1.")) {
            fail(400, "The request line is not HTTP/1.x.");
            return false;
        }
        m_request.method = requestLine.at(0);
        m_request.target = requestLine.at(1);
        m_request.version = requestLine.at(2);
        const qsizetype q = m_request.target.indexOf('?');
        m_request.path = q < 0 ? m_request.target : m_request.target.left(q);
        m_request.query = q < 0 ? QByteArray() : m_request.target.mid(q + 1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line =
                lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
            if (line.isEmpty())
                continue;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0 || line.at(0) == ' ' || line.at(0) == '\t') {
                fail(400, "A header line is malformed.");
                return false;
            }
            m_request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        const QByteArray connection = m_request.header("Connection").toLower();
        m_closeAfterResponse = m_request.version == "HTTP/1.0" ? !connection.contains("keep-alive")
                                                               : connection.contains("close");
        m_chunked = m_request.header("Transfer-Encoding").toLower().contains("chunked");
        m_bodyLength = 0;
        if (!m_chunked && m_request.hasHeader("Content-Length")) {
            bool ok = false;
            m_bodyLength = m_request.header("Content-Length").toLongLong(&ok);
            if (!ok || m_bodyLength < 0) {
                fail(400, "Content-Length is not a number.");
                return false;
            }
            if (m_bodyLength > m_server->limits().maxBodyBytes) {
                emit m_server->requestRefused(413, m_request.method, m_request.path, m_bodyLength);
                fail(413, "The request body is too large.");
                return false;
            }
        }
        return true;
    }

    // True when the whole body is in; consumes it from the buffer.
    bool readBody()
    {
        if (!m_chunked) {
            if (m_buffer.size() < m_bodyLength)
                return false;
            m_request.body = m_buffer.left(m_bodyLength);
            m_buffer.remove(0, m_bodyLength);
            return true;
        }
        // Chunked: decode as far as the buffer goes; keep partial state in the buffer.
        qsizetype pos = 0;
        QByteArray body;
        while (true) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return false;
            QByteArray sizeText = m_buffer.mid(pos, lineEnd - pos);
            if (const qsizetype semi = sizeText.indexOf(';'); semi >= 0)
                sizeText.truncate(semi);
            bool ok = false;
            const qsizetype size = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                fail(400, "A chunk size is malformed.");
                return false;
            }
            if (body.size() + size > m_server->limits().maxBodyBytes) {
                emit m_server->requestRefused(413, m_request.method, m_request.path,
                                              body.size() + size);
                fail(413, "The request body is too large.");
                return false;
            }
            if (size == 0) {
                const qsizetype trailerEnd = m_buffer.indexOf("\r\n", lineEnd + 2);
                if (trailerEnd < 0)
                    return false;
                // Skip trailers up to the empty line.
                qsizetype cursor = lineEnd + 2;
                while (true) {
                    const qsizetype e = m_buffer.indexOf("\r\n", cursor);
                    if (e < 0)
                        return false;
                    if (e == cursor) {
                        m_request.body = body;
                        m_buffer.remove(0, e + 2);
                        return true;
                    }
                    cursor = e + 2;
                }
            }
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return false;
            body += m_buffer.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
    }

    void finish()
    {
        if (!m_open)
            return;
        m_open = false;
        m_inFlight = 0;
        m_server->m_connections.remove(this);
        emit m_server->connectionClosed();
        deleteLater();
    }

    HttpServer* m_server;
    QTcpSocket* m_socket;
    QByteArray m_buffer;
    HttpRequest m_request;
    bool m_haveHead = false;
    bool m_chunked = false;
    bool m_closeAfterResponse = false;
    bool m_open = true;
    qint64 m_bodyLength = 0;
    quint64 m_sequence = 0;
    quint64 m_inFlight = 0;
};

HttpResponder::HttpResponder(HttpConnection* connection, quint64 sequence)
    : m_connection(connection), m_sequence(sequence)
{}

HttpResponder::HttpResponder(HttpResponder&& other) noexcept
    : m_connection(std::move(other.m_connection)), m_sequence(std::exchange(other.m_sequence, 0))
{
    other.m_connection.clear();
}

HttpResponder& HttpResponder::operator=(HttpResponder&& other) noexcept
{
    if (this != &other) {
        if (isConnected())
            respond(HttpResponse::text(500, "The request was dropped unanswered.\n"));
        m_connection = std::move(other.m_connection);
        other.m_connection.clear();
        m_sequence = std::exchange(other.m_sequence, 0);
    }
    return *this;
}

HttpResponder::~HttpResponder()
{
    if (isConnected())
        respond(HttpResponse::text(500, "The request was dropped unanswered.\n"));
}

void HttpResponder::respond(const HttpResponse& response)
{
    if (m_connection)
        m_connection->respond(m_sequence, response);
    m_connection.clear();
    m_sequence = 0;
}

bool HttpResponder::isConnected() const
{
    return m_connection && m_connection->waitingFor(m_sequence);
}

HttpServer::HttpServer(QObject* parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server->nextPendingConnection())
            m_connections.insert(new HttpConnection(this, socket));
    });
}

HttpServer::~HttpServer()
{
    // Delete connections while this object is whole: their sockets may still signal.
    const auto connections = std::exchange(m_connections, {});
    for (HttpConnection* c : connections)
        delete c;
}

bool HttpServer::listen(const QHostAddress& address, quint16 port)
{
    return m_server->listen(address, port);
}

quint16 HttpServer::port() const
{
    return m_server->serverPort();
}

QHostAddress HttpServer::address() const
{
    return m_server->serverAddress();
}

QString HttpServer::errorString() const
{
    return m_server->errorString();
}

void HttpServer::close()
{
    m_server->close();
    // HttpConnection has no Q_OBJECT, so findChildren could not tell it apart: keep a set.
    const auto connections = m_connections;
    for (HttpConnection* c : connections)
        c->abort();
}

int HttpServer::connectionCount() const
{
    return int(m_connections.size());
}

void HttpServer::dispatch(HttpConnection* connection, HttpRequest&& request, quint64 sequence)
{
    HttpResponder responder(connection, sequence);
    if (!m_handler) {
        responder.respond(HttpResponse::text(503, "No handler.\n"));
        return;
    }
    m_handler(std::move(request), std::move(responder));
}

} // namespace swb::http
