#pragma once
// `swb serve`'s one port: the HTTP gateway for the workspace's http triggers, the Lambda
// Invoke API and the SQS API of the local queues (whose messages go to the queue triggers),
// all over the same Runner, with an optional API key.

#include "Error.h"
#include "InvokeApi.h"
#include "http/HttpServer.h"
#include "queue/QueueDelivery.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <memory>

namespace swb {

class EventTemplateCatalog;
class QueueService;
class SqsApi;
class RouteAuthorizer;
class Runner;
namespace auth {
class WellKnownEndpoints;
}
namespace gateway {
class RouteTable;
}

struct LocalServerOptions {
    QString apiKey; // when set, required as the x-api-key header
    InvokeApiOptions invokeApi;
    // The longest single wait of a schedule's timer; a firing further away is reached in
    // steps (QTimer counts in int milliseconds).
    qint64 scheduleTimerStepMs = 24LL * 3600 * 1000;
};

class LocalServer : public QObject {
    Q_OBJECT
public:
    LocalServer(Runner& runner, LocalServerOptions options = {}, QObject* parent = nullptr);
    ~LocalServer() override;

    // Builds the routes from the workspace's http triggers (an invalid route is an error) and
    // binds. Port 0 picks a free port.
    Result<void> listen(const QHostAddress& address, quint16 port);
    quint16 port() const;
    QStringList routeDescriptions() const; // "GET /hello -> hello (HTTP API)"
    InvokeApi& invokeApi() { return *m_invokeApi; }
    // Fires the workspace's enabled schedule triggers while serving (an invalid expression is
    // an error naming the function). Each firing is an async invocation with an EventBridge
    // "Scheduled Event".
    Result<void> startSchedules();
    QStringList scheduleDescriptions() const;
    // Fires the function's started schedules now, as when they come due ("run now"); returns
    // the request ids (none when the function has no started schedule).
    QStringList fireSchedules(const QString& function);
    // The local SQS: the queues the workspace names (made by listen(), which also starts one
    // delivery per enabled queue trigger).
    QueueService& queues() { return *m_queues; }
    QStringList queueDescriptions() const; // "orders -> process (batches of 10, ...)"

signals:
    void scheduleFired(const QString& function, const QString& expression,
                       const QString& requestId);
    void served(const QByteArray& method, const QByteArray& target, int status, double elapsedMs);
    // Why an authorizer refused a request or failed (for the log); never holds a token.
    void authorizerProblem(const QString& message);
    // A queue trigger's batch finished (success, partial, failed or throttled).
    void queueBatchFinished(const swb::QueueBatchResult& result);

private:
    void handle(http::HttpRequest&& request, http::HttpResponder&& responder);
    void handleGateway(http::HttpRequest&& request, http::HttpResponder&& responder);
    struct Pending;
    void invokeRoute(const std::shared_ptr<Pending>& pending);

    Runner& m_runner;
    LocalServerOptions m_options;
    http::HttpServer* m_http;
    InvokeApi* m_invokeApi;
    std::unique_ptr<gateway::RouteTable> m_routes;
    struct Schedule;
    QList<std::shared_ptr<Schedule>> m_schedules;
    std::unique_ptr<EventTemplateCatalog> m_catalog; // the Scheduled Event template
    // /.well-known/jwks.json and openid-configuration of the workspace's token service.
    std::unique_ptr<auth::WellKnownEndpoints> m_wellKnown;
    // Each route's authorizer and scopes, by "METHOD path" as the route table holds them.
    struct RouteAuthorization {
        QString authorizer;
        QStringList scopes;
    };
    QHash<QString, RouteAuthorization> m_routeAuthorization;
    RouteAuthorizer* m_authorizer = nullptr;
    QueueService* m_queues = nullptr;
    SqsApi* m_sqsApi = nullptr;
    QList<QueueDelivery*> m_deliveries;
    Result<void> startQueues();
    void arm(const std::shared_ptr<Schedule>& schedule, bool advance);
    QString fire(Schedule& schedule);
};

} // namespace swb
