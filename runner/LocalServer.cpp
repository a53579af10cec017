#include "LocalServer.h"

#include "RouteAuthorizer.h"
#include "Runner.h"
#include "ScheduleExpression.h"
#include "auth/WellKnownEndpoints.h"
#include "events/EventTemplateCatalog.h"
#include "gateway/GatewayPayloads.h"
#include "gateway/RouteTable.h"
#include "queue/QueueService.h"
#include "queue/SqsApi.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

namespace swb {

using http::HttpRequest;
using http::HttpResponder;
using http::HttpResponse;

LocalServer::LocalServer(Runner& runner, LocalServerOptions options, QObject* parent)
    : QObject(parent), m_runner(runner), m_options(std::move(options)),
      m_http(new http::HttpServer(this)),
      m_invokeApi(new InvokeApi(runner, m_options.invokeApi, this)),

      m_wellKnown(std::make_unique<auth::WellKnownEndpoints>(
          runner.workspace().folder, auth::TokenServiceSettings::fromWorkspace(runner.workspace())))
{
    // API Gateway and Lambda both accept 6 MB synchronous payloads; leave room for encoding.
    m_http->setLimits(http::HttpLimits{64 * 1024, 10 * 1024 * 1024});
    m_queues = new QueueService(runner.region(), this);
    m_sqsApi = new SqsApi(*m_queues, this);
    m_authorizer = new RouteAuthorizer(
        runner, [this] { return m_wellKnown->tokenService(); }, this);
    connect(m_authorizer, &RouteAuthorizer::problem, this, &LocalServer::authorizerProblem);
    m_http->setHandler([this](HttpRequest&& request, HttpResponder&& responder) {
        handle(std::move(request), std::move(responder));
    });
}

struct LocalServer::Schedule {
    QString function;
    QString ruleName;
    ScheduleExpression expression;
    QTimer timer;
    QDateTime dueAt; // the firing the timer waits for (it may wake early for far firings)
};

// A gateway request between its route match and its answer (an authorizer may run first).
struct LocalServer::Pending {
    http::HttpRequest request;
    HttpResponder responder;
    gateway::RouteMatch match;
    gateway::GatewayContext context;
    QElapsedTimer timer;
};

LocalServer::~LocalServer() = default;

Result<void> LocalServer::startSchedules()
{
    auto catalog = EventTemplateCatalog::loadBuiltIn();
    if (!catalog)
        return std::unexpected(catalog.error());
    m_catalog = std::make_unique<EventTemplateCatalog>(std::move(*catalog));
    for (const FunctionSpec& f : m_runner.workspace().functions) {
        int index = 0;
        for (const TriggerSpec& t : f.triggers) {
            if (t.type != TriggerType::Schedule || !t.enabled)
                continue;
            auto expression = ScheduleExpression::parse(t.schedule);
            if (!expression)
                return fail(
                    ErrorCode::Validation,
                    QStringLiteral("Function \"%1\": %2").arg(f.name, expression.error().message));
            auto schedule = std::make_shared<Schedule>();
            schedule->function = f.name;
            schedule->ruleName = QStringLiteral("%1-schedule-%2").arg(f.name).arg(++index);
            schedule->expression = *expression;
            schedule->timer.setSingleShot(true);
            schedule->timer.setTimerType(Qt::PreciseTimer);
            const std::weak_ptr<Schedule> weak = schedule;
            connect(&schedule->timer, &QTimer::timeout, this, [this, weak] {
                const auto s = weak.lock();
                if (!s)
                    return;
                // A firing more than a day away is reached in steps of a day.
                if (QDateTime::currentDateTimeUtc().msecsTo(s->dueAt) > 1000) {
                    arm(s, false);
                    return;
                }
                fire(*s);
                arm(s, true);
            });
            m_schedules.append(schedule);
            arm(schedule, true);
        }
    }
    return {};
}

QString LocalServer::fire(Schedule& schedule)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto event = m_catalog->generate(QStringLiteral("eventbridge-schedule"),
                                           {QStringLiteral("time=") + now.toString(Qt::ISODate),
                                            QStringLiteral("rule=") + schedule.ruleName});
    const QByteArray payload =
        event ? QJsonDocument(*event).toJson(QJsonDocument::Compact) : QByteArray("{}");
    // EventBridge invokes its targets asynchronously: a failed firing is retried.
    const QString requestId = m_invokeApi->invokeEvent(schedule.function, payload);
    emit scheduleFired(schedule.function, schedule.expression.text(), requestId);
    return requestId;
}

QStringList LocalServer::fireSchedules(const QString& function)
{
    QStringList ids;
    for (const auto& s : m_schedules) {
        if (s->function == function)
            ids << fire(*s);
    }
    return ids;
}

void LocalServer::arm(const std::shared_ptr<Schedule>& schedule, bool advance)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (advance) {
        // After a firing, from the firing's own time: a timer that woke a little early must
        // not find the same firing again.
        const QDateTime from =
            schedule->dueAt.isValid() && schedule->dueAt > now ? schedule->dueAt : now;
        schedule->dueAt = schedule->expression.nextAfter(from);
    }
    const QDateTime next = schedule->dueAt;
    if (!next.isValid())
        return;
    // QTimer takes int milliseconds: far firings are reached in steps, re-armed on the way.
    const qint64 ms = std::min<qint64>(now.msecsTo(next), m_options.scheduleTimerStepMs);
    schedule->timer.start(int(std::max<qint64>(0, ms)));
}

QStringList LocalServer::scheduleDescriptions() const
{
    QStringList out;
    for (const auto& s : m_schedules)
        out << QStringLiteral("%1 -> %2 (next %3)")
                   .arg(s->expression.text(), s->function,
                        s->expression.nextAfter(QDateTime::currentDateTimeUtc())
                            .toString(Qt::ISODate));
    return out;
}

Result<void> LocalServer::listen(const QHostAddress& address, quint16 port)
{
    m_routes = std::make_unique<gateway::RouteTable>();
    m_routeAuthorization.clear();
    for (const FunctionSpec& f : m_runner.workspace().functions) {
        for (const TriggerSpec& t : f.triggers) {
            if (t.type != TriggerType::Http || !t.enabled)
                continue;
            const gateway::Route route{f.name,
                                       t.method.isEmpty() ? QStringLiteral("ANY") : t.method,
                                       t.path, t.api.isEmpty() ? QStringLiteral("http") : t.api};
            if (auto added = m_routes->add(route); !added)
                return fail(ErrorCode::Validation,
                            QStringLiteral("Function \"%1\" has an http trigger the gateway cannot "
                                           "serve: %2")
                                .arg(f.name, added.error().message));
            if (!t.authorizer.isEmpty()) {
                if (!m_runner.workspace().authorizer(t.authorizer))
                    return fail(ErrorCode::Validation,
                                QStringLiteral("Function \"%1\" has an http trigger with the "
                                               "authorizer \"%2\", which the workspace does not "
                                               "declare; add it under \"authorizers\".")
                                    .arg(f.name, t.authorizer));
                m_routeAuthorization.insert(route.method.toUpper() + u' ' + route.path,
                                            RouteAuthorization{t.authorizer, t.scopes});
            }
        }
    }
    if (!m_http->listen(address, port))
        return fail(ErrorCode::Io, QStringLiteral("Cannot listen on %1:%2: %3; another program "
                                                  "may be using the port: stop it or choose "
                                                  "another port (0 picks a free one).")
                                       .arg(address.toString())
                                       .arg(port)
                                       .arg(m_http->errorString()));
    // Queue URLs name the address clients reach (a wildcard bind is reached on loopback).
    const QHostAddress reachable = address == QHostAddress::Any ||
                                           address == QHostAddress::AnyIPv4 ||
                                           address == QHostAddress::AnyIPv6
                                       ? QHostAddress(QHostAddress::LocalHost)
                                       : address;
    m_queues->setEndpoint(QStringLiteral("http://%1:%2")
                              .arg(reachable.protocol() == QAbstractSocket::IPv6Protocol
                                       ? QLatin1Char('[') + reachable.toString() + QLatin1Char(']')
                                       : reachable.toString())
                              .arg(m_http->port()));
    if (auto queues = startQueues(); !queues) {
        m_http->close();
        return queues;
    }
    return {};
}

Result<void> LocalServer::startQueues()
{
    qDeleteAll(m_deliveries);
    m_deliveries.clear();
    if (auto declared = m_queues->declare(m_runner.workspace()); !declared)
        return declared;
    m_invokeApi->setQueueService(m_queues);
    // Functions reach the local SQS the way current AWS SDKs find a service's endpoint, and
    // get placeholder credentials as Lambda's execution role would give real ones, so that an
    // SDK can sign its calls (docs/queues.md). A function's own setting wins.
    auto environment = m_runner.extraEnvironment();
    for (const FunctionSpec& f : m_runner.workspace().functions) {
        QMap<QString, QString>& env = environment[f.name];
        const auto put = [&env, &f](const QString& name, const QString& value) {
            if (!f.environment.contains(name))
                env.insert(name, value);
        };
        put(QStringLiteral("AWS_ENDPOINT_URL_SQS"), m_queues->endpoint());
        put(QStringLiteral("SWB_SQS_ENDPOINT_URL"), m_queues->endpoint());
        // The Invoke API is on the same port: a function fans out or chains with it.
        put(QStringLiteral("AWS_ENDPOINT_URL_LAMBDA"), m_queues->endpoint());
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("ASIASWBLOCALRUNNER01"));
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"),
                   QStringLiteral("swb-local-placeholder-not-a-secret"));
        env.insert(QStringLiteral("AWS_SESSION_TOKEN"), QStringLiteral("swb-local-placeholder"));
    }
    m_runner.setExtraEnvironment(environment);
    for (const FunctionSpec& f : m_runner.workspace().functions) {
        for (const TriggerSpec& t : f.triggers) {
            if (t.type != TriggerType::Queue || !t.enabled)
                continue;
            LocalQueue* queue = m_queues->find(t.source);
            QueueDeliveryOptions options;
            options.batchSize = t.batchSize > 0 ? t.batchSize : 10;
            options.batchWindowMs = qint64(t.batchWindowSeconds) * 1000;
            options.reportBatchItemFailures = t.reportBatchItemFailures;
            // The mapping never runs more batches at once than the function may run.
            options.maxConcurrentBatches =
                f.reservedConcurrency ? *f.reservedConcurrency : m_runner.concurrencyLimit();
            auto* delivery = new QueueDelivery(m_runner, *queue, f.name, options, this);
            connect(delivery, &QueueDelivery::batchFinished, this,
                    &LocalServer::queueBatchFinished);
            m_deliveries.append(delivery);
        }
    }
    return {};
}

QStringList LocalServer::queueDescriptions() const
{
    QStringList out;
    for (const LocalQueue* q : m_queues->queues()) {
        QStringList consumers;
        for (const FunctionSpec& f : m_runner.workspace().functions) {
            for (const TriggerSpec& t : f.triggers) {
                if (t.type == TriggerType::Queue && t.enabled &&
                    sqsQueueName(t.source) == q->name())
                    consumers
                        << QStringLiteral("%1 (batches of up to %2%3)")
                               .arg(f.name)
                               .arg(t.batchSize > 0 ? t.batchSize : 10)
                               .arg(t.batchWindowSeconds > 0
                                        ? QStringLiteral(", window %1 s").arg(t.batchWindowSeconds)
                                        : QString());
            }
        }
        QString line = QStringLiteral("%1 -> %2, visibility %3 s")
                           .arg(m_queues->queueUrl(q->name()),
                                consumers.isEmpty() ? QStringLiteral("no trigger")
                                                    : consumers.join(QStringLiteral(", ")))
                           .arg(double(q->visibilityTimeoutMs()) / 1000);
        if (q->deadLetterQueue())
            line += QStringLiteral(", dead letters to %1 after %2 receives")
                        .arg(q->deadLetterQueue()->name())
                        .arg(q->maxReceiveCount());
        out << line;
    }
    return out;
}

quint16 LocalServer::port() const
{
    return m_http->port();
}

QStringList LocalServer::routeDescriptions() const
{
    QStringList out;
    if (!m_routes)
        return out;
    for (const gateway::Route& r : m_routes->routes()) {
        QString line =
            QStringLiteral("%1 %2 -> %3 (%4)")
                .arg(r.method, r.path, r.function,
                     r.api == QLatin1String("rest") ? QStringLiteral("REST API, payload 1.0")
                                                    : QStringLiteral("HTTP API, payload 2.0"));
        const auto guard = m_routeAuthorization.constFind(r.method + u' ' + r.path);
        if (guard != m_routeAuthorization.constEnd()) {
            const AuthorizerSpec* a = m_runner.workspace().authorizer(guard->authorizer);
            line += QStringLiteral(" [%1 authorizer %2%3]")
                        .arg(a ? a->type : QString(), guard->authorizer,
                             guard->scopes.isEmpty()
                                 ? QString()
                                 : QStringLiteral(", scopes ") + guard->scopes.join(u' '));
        }
        out << line;
    }
    return out;
}

void LocalServer::handle(HttpRequest&& request, HttpResponder&& responder)
{
    // Public keys are public: a JWKS is fetched without the API key.
    if (auth::WellKnownEndpoints::handles(request.path)) {
        const HttpResponse r =
            m_wellKnown->respond(request, QStringLiteral("127.0.0.1:%1").arg(port()));
        emit served(request.method, request.target, r.status, 0);
        responder.respond(r);
        return;
    }
    if (!m_options.apiKey.isEmpty() && request.header("x-api-key") != m_options.apiKey.toUtf8()) {
        responder.respond(HttpResponse::json(403, "{\"message\":\"Forbidden\"}"));
        emit served(request.method, request.target, 403, 0);
        return;
    }
    if (SqsApi::handles(request)) {
        m_sqsApi->handle(std::move(request), std::move(responder));
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
    QElapsedTimer timer;
    timer.start();
    const QByteArray method = request.method;
    const QByteArray target = request.target;
    const auto match = m_routes ? m_routes->match(request.method, request.path)
                                : std::expected<gateway::RouteMatch, gateway::RouteTable::Miss>(
                                      std::unexpected(gateway::RouteTable::Miss::NotFound));
    if (!match) {
        const http::HttpResponse r =
            gateway::gatewayRouteMiss(m_routes ? m_routes->apiForMisses() : QStringLiteral("http"));
        emit served(method, target, r.status, timer.nsecsElapsed() / 1e6);
        responder.respond(r);
        return;
    }
    const QString api = match->route.api;
    const bool rest = api == QLatin1String("rest");
    gateway::GatewayContext context;
    // HTTP API request ids look like "JKJaXmPLvHcESHA="; REST uses a UUID.
    if (rest) {
        context.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    } else {
        QByteArray raw(10, Qt::Uninitialized);
        for (char& c : raw)
            c = char(QRandomGenerator::global()->bounded(256));
        context.requestId = QString::fromLatin1(raw.toBase64());
    }
    context.timeEpochMs = QDateTime::currentMSecsSinceEpoch();
    context.sourceIp = request.peer.toString().remove(QStringLiteral("::ffff:"));
    context.domainName = request.header("Host").isEmpty()
                             ? QStringLiteral("127.0.0.1:%1").arg(port())
                             : QString::fromUtf8(request.header("Host"));
    auto pending = std::make_shared<Pending>();
    pending->request = std::move(request);
    pending->responder = std::move(responder);
    pending->match = *match;
    pending->context = std::move(context);
    pending->timer = timer;
    const auto guard =
        m_routeAuthorization.constFind(match->route.method + u' ' + match->route.path);
    const AuthorizerSpec* authorizer = guard == m_routeAuthorization.constEnd()
                                           ? nullptr
                                           : m_runner.workspace().authorizer(guard->authorizer);
    if (!authorizer) {
        invokeRoute(pending);
        return;
    }
    const QPointer<LocalServer> self(this);
    m_authorizer->authorize(
        *authorizer, guard->scopes, pending->request, pending->match, pending->context,
        [this, self, pending](const RouteAuthorizer::Outcome& outcome) {
            if (!self)
                return;
            if (outcome.refusal) {
                HttpResponse response = *outcome.refusal;
                response.addHeader(pending->match.route.api == QLatin1String("rest")
                                       ? QByteArray("x-amzn-RequestId")
                                       : QByteArray("apigw-requestid"),
                                   pending->context.requestId.toUtf8());
                emit served(pending->request.method, pending->request.target, response.status,
                            pending->timer.nsecsElapsed() / 1e6);
                if (pending->responder.isConnected())
                    pending->responder.respond(response);
                return;
            }
            pending->context.authorizer = outcome.context;
            invokeRoute(pending);
        });
}

void LocalServer::invokeRoute(const std::shared_ptr<Pending>& pending)
{
    const http::HttpRequest& request = pending->request;
    const QString api = pending->match.route.api;
    const bool rest = api == QLatin1String("rest");
    const QByteArray event = gateway::buildEvent(request, pending->match, pending->context);
    const QByteArray accept = request.header("Accept");
    const bool head = request.method == "HEAD";
    const QByteArray method = request.method;
    const QByteArray target = request.target;
    const QElapsedTimer timer = pending->timer;
    const QByteArray requestIdHeader =
        rest ? QByteArray("x-amzn-RequestId") : QByteArray("apigw-requestid");
    const QByteArray gatewayRequestId = pending->context.requestId.toUtf8();
    auto held = std::shared_ptr<HttpResponder>(pending, &pending->responder);
    m_runner.invoke(pending->match.route.function, event,
                    [this, held, api, accept, head, method, target, timer, requestIdHeader,
                     gatewayRequestId](const InvocationRecord& r) {
                        http::HttpResponse response;
                        if (r.outcome == InvocationOutcome::Throttled)
                            response = gateway::gatewayErrorForFunctionFailure(
                                api, gateway::FunctionFailure::Throttled);
                        else if (r.failed())
                            response = gateway::gatewayErrorForFunctionFailure(api);
                        else
                            response = gateway::functionResponse(api, r.payload, accept);
                        response.addHeader(requestIdHeader, gatewayRequestId);
                        if (head) { // HEAD: the headers a GET would have, no body
                            response.addHeader("Content-Length",
                                               QByteArray::number(response.body.size()));
                            response.body.clear();
                        }
                        emit served(method, target, response.status, timer.nsecsElapsed() / 1e6);
                        if (held->isConnected())
                            held->respond(response);
                    });
}

} // namespace swb
