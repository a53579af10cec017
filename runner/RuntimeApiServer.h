#pragma once
// One instance's loopback endpoint implementing the AWS Lambda Runtime API (2018-06-01):
// GET /runtime/invocation/next (held until there is work), POST …/{id}/response,
// POST …/{id}/error, POST /runtime/init/error.

#include "http/HttpServer.h"

#include <QObject>

#include <optional>

namespace swb {

struct RuntimeEvent {
    QByteArray requestId;
    QByteArray payload;
    qint64 deadlineEpochMs = 0;
    QByteArray invokedFunctionArn;
    QByteArray traceId;
    QByteArray clientContext;   // JSON, optional
    QByteArray cognitoIdentity; // JSON, optional
};

class RuntimeApiServer : public QObject {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxResponseBytes = 6 * 1024 * 1024; // Lambda's sync limit

    explicit RuntimeApiServer(QObject* parent = nullptr);

    bool listen();            // 127.0.0.1, a free port
    QString endpoint() const; // "127.0.0.1:PORT", what AWS_LAMBDA_RUNTIME_API holds
    QString errorString() const;

    // Hands the event to the runtime: now if it is waiting on /next, else on its next /next.
    void deliver(const RuntimeEvent& event);
    // The invocation in flight is over (timed out, cancelled): its id is no longer accepted.
    void clearCurrent();
    bool isWaitingForWork() const;
    void close();

signals:
    void nextRequested(); // the runtime waits for work (the first time: init done)
    void responded(const QByteArray& requestId, const QByteArray& body);
    void failed(const QByteArray& requestId, const QByteArray& errorType, const QByteArray& body);
    void initFailed(const QByteArray& errorType, const QByteArray& body);
    void responseTooLarge(const QByteArray& requestId, qint64 bytes);
    void protocolError(const QString& message); // garbage or a wrong request id

private:
    void handle(http::HttpRequest&& request, http::HttpResponder&& responder);
    void sendEvent(http::HttpResponder& responder, const RuntimeEvent& event);

    http::HttpServer* m_server;
    std::optional<http::HttpResponder> m_waiting; // the held /next
    std::optional<RuntimeEvent> m_pending;        // delivered before the runtime asked
    QByteArray m_currentRequestId;                // accepted for /response and /error
};

} // namespace swb
