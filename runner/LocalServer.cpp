#include "LocalServer.h"

#include "Runner.h"
#include "ScheduleExpression.h"
#include "events/EventTemplateCatalog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTimer>

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

struct LocalServer::Schedule {
    QString function;
    QString ruleName;
    ScheduleExpression expression;
    QTimer timer;
};

LocalServer::~LocalServer() = default;

Result<void> LocalServer::startSchedules()
{
    const auto catalog = EventTemplateCatalog::loadBuiltIn();
    if (!catalog)
        return std::unexpected(catalog.error());
    for (const FunctionSpec& f : m_runner.workspace().functions) {
        int index = 0;
        for (const TriggerSpec& t : f.triggers) {
            if (t.type != TriggerType::Schedule || !t.enabled)
                continue;
            auto expression = ScheduleExpression::parse(t.schedule);
            if (!expression)
                return fail(ErrorCode::Validation, QStringLiteral("Function \"%1\": %2").arg(f.name, expression.error().message));
            auto schedule = std::make_shared<Schedule>();
            schedule->function = f.name;
            schedule->ruleName = QStringLiteral("%1-schedule-%2").arg(f.name).arg(++index);
            schedule->expression = *expression;
            schedule->timer.setSingleShot(true);
            schedule->timer.setTimerType(Qt::PreciseTimer);
            const std::weak_ptr<Schedule> weak = schedule;
            connect(&schedule->timer, &QTimer::timeout, this, [this, weak, catalog = *catalog] {
                const auto s = weak.lock();
                if (!s)
                    return;
                const QDateTime now = QDateTime::currentDateTimeUtc();
                const auto event = catalog.generate(QStringLiteral("eventbridge-schedule"),
                                                    {QStringLiteral("time=") + now.toString(Qt::ISODate),
                                                     QStringLiteral("rule=") + s->ruleName});
                const QByteArray payload = event ? QJsonDocument(*event).toJson(QJsonDocument::Compact) : QByteArray("{}");
                const QString requestId = m_runner.invoke(s->function, payload, [](const InvocationRecord&) {});
                emit scheduleFired(s->function, s->expression.text(), requestId);
                arm(s);
            });
            m_schedules.append(schedule);
            arm(schedule);
        }
    }
    return {};
}

void LocalServer::arm(const std::shared_ptr<Schedule>& schedule)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime next = schedule->expression.nextAfter(now);
    if (!next.isValid())
        return;
    // QTimer takes int milliseconds: far firings re-arm on the way.
    const qint64 ms = std::min<qint64>(now.msecsTo(next), 24LL * 3600 * 1000);
    schedule->timer.start(int(std::max<qint64>(0, ms)));
}

QStringList LocalServer::scheduleDescriptions() const
{
    QStringList out;
    for (const auto& s : m_schedules)
        out << QStringLiteral("%1 -> %2 (next %3)")
                   .arg(s->expression.text(), s->function,
                        s->expression.nextAfter(QDateTime::currentDateTimeUtc()).toString(Qt::ISODate));
    return out;
}

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
