#pragma once
// A small HTTP/1.1 server on QTcpServer for the runner's loopback endpoints (Runtime API,
// gateway, Invoke API): keep-alive, Content-Length and chunked bodies, 100-continue, limits,
// and answers that may come later (a long poll keeps its HttpResponder).

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSet>

#include <functional>

class QTcpServer;

namespace swb::http {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest {
    QByteArray method;  // "GET"
    QByteArray target;  // "/path?query" as sent
    QByteArray path;    // percent-encoded, without the query
    QByteArray query;   // without '?'
    QByteArray version; // "HTTP/1.1"
    HeaderList headers; // names as sent; look up with header()
    QByteArray body;
    QHostAddress peer;

    QByteArray header(const QByteArray& name) const; // case-insensitive; empty when absent
    bool hasHeader(const QByteArray& name) const;
};

struct HttpResponse {
    int status = 200;
    HeaderList headers;
    QByteArray body;

    void addHeader(const QByteArray& name, const QByteArray& value)
    {
        headers.append(qMakePair(name, value));
    }
    static HttpResponse json(int status, const QByteArray& body);
    static HttpResponse text(int status, const QByteArray& body);
};

class HttpConnection;

// The right to answer one request. Move-only; answering twice, or after the client left, does
// nothing. Dropping it unanswered answers 500 so a client never waits forever.
class HttpResponder {
public:
    HttpResponder() = default;
    HttpResponder(HttpConnection* connection, quint64 sequence);
    HttpResponder(HttpResponder&& other) noexcept;
    HttpResponder& operator=(HttpResponder&& other) noexcept;
    HttpResponder(const HttpResponder&) = delete;
    HttpResponder& operator=(const HttpResponder&) = delete;
    ~HttpResponder();

    void respond(const HttpResponse& response);
    bool isConnected() const; // the client is still there and waiting
    bool isValid() const { return !m_connection.isNull() && m_sequence != 0; }

private:
    QPointer<HttpConnection> m_connection;
    quint64 m_sequence = 0;
};

struct HttpLimits {
    qsizetype maxHeaderBytes = 64 * 1024;
    qsizetype maxBodyBytes = 8 * 1024 * 1024;
};

class HttpServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<void(HttpRequest&&, HttpResponder&&)>;

    explicit HttpServer(QObject* parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void setLimits(HttpLimits limits) { m_limits = limits; }
    const HttpLimits& limits() const { return m_limits; }

    // Port 0 picks a free port. Returns false with errorString() set when binding fails.
    bool listen(const QHostAddress& address, quint16 port = 0);
    quint16 port() const;
    QHostAddress address() const;
    QString errorString() const;
    void close(); // stops listening and drops every connection
    int connectionCount() const;

signals:
    void connectionClosed();
    // A request refused before it reached the handler (413 too large, 431, 400).
    void requestRefused(int status, const QByteArray& method, const QByteArray& path,
                        qint64 declaredBodyBytes);

private:
    friend class HttpConnection;
    void dispatch(HttpConnection* connection, HttpRequest&& request, quint64 sequence);

    QTcpServer* m_server = nullptr;
    Handler m_handler;
    HttpLimits m_limits;
    QSet<HttpConnection*> m_connections;
};

QByteArray reasonPhrase(int status);

} // namespace swb::http
