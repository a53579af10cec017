#include "InvokeApi.h"

#include "InvocationRecord.h"
#include "Runner.h"
#include "RuntimeLaunch.h"
#include "queue/QueueService.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace swb {

using http::HttpRequest;
using http::HttpResponder;
using http::HttpResponse;

namespace {

// The last 4 KB of the invocation's log, as Lambda returns it for LogType Tail.
QByteArray logTail(const InvocationRecord& r)
{
    QByteArray text = r.logs.join(QLatin1Char('\n')).toUtf8() + '\n';
    if (text.size() > 4096)
        text = text.right(4096);
    return text.toBase64();
}

QString queryValue(const QByteArray& query, const QByteArray& key)
{
    for (const QByteArray& pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq > 0 && pair.left(eq) == key)
            return QUrl::fromPercentEncoding(pair.mid(eq + 1));
    }
    return {};
}

} // namespace

HttpResponse awsError(int status, const QByteArray& type, const QString& message)
{
    QJsonObject body{{QStringLiteral("Type"), QStringLiteral("User")},
                     {QStringLiteral("message"), message}};
    if (type == "TooManyRequestsException")
        body.insert(QStringLiteral("Reason"),
                    QStringLiteral("ReservedFunctionConcurrentInvocationLimitExceeded"));
    HttpResponse r = HttpResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
    r.addHeader("X-Amzn-ErrorType", type);
    r.addHeader("X-Amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    return r;
}

InvokeApi::InvokeApi(Runner& runner, InvokeApiOptions options, QObject* parent)
    : QObject(parent), m_runner(runner), m_options(std::move(options))
{}

bool InvokeApi::handles(const QByteArray& path)
{
    return path.startsWith(kPathPrefix);
}

void InvokeApi::handle(HttpRequest&& request, HttpResponder&& responder)
{
    const QByteArray rest = request.path.mid(qstrlen(kPathPrefix));
    const qsizetype slash = rest.indexOf('/');
    if (slash <= 0 || rest.mid(slash) != "/invocations") {
        responder.respond(
            awsError(404, "UnknownOperationException",
                     QStringLiteral("Unknown operation %1 %2; this endpoint serves "
                                    "Invoke (POST /2015-03-31/functions/NAME/invocations).")
                         .arg(QString::fromLatin1(request.method),
                              QString::fromLatin1(request.path.left(200)))));
        return;
    }
    if (request.method != "POST") {
        responder.respond(
            awsError(405, "MethodNotAllowedException", QStringLiteral("Invoke takes POST.")));
        return;
    }
    // The name may be a plain name, a partial ARN or a full ARN; the name is its last part.
    QString function = QUrl::fromPercentEncoding(rest.left(slash));
    if (function.startsWith(QLatin1String("arn:")))
        function = function.section(QLatin1Char(':'), 6, 6);
    const QString qualifier = queryValue(request.query, "Qualifier");
    if (!qualifier.isEmpty() && qualifier != QLatin1String("$LATEST")) {
        responder.respond(awsError(404, "ResourceNotFoundException",
                                   QStringLiteral("Function not found: %1:%2 (the local runner "
                                                  "serves $LATEST only)")
                                       .arg(functionArn(function, m_runner.region()), qualifier)));
        return;
    }
    if (!m_runner.workspace().function(function)) {
        responder.respond(awsError(404, "ResourceNotFoundException",
                                   QStringLiteral("Function not found: %1")
                                       .arg(functionArn(function, m_runner.region()))));
        return;
    }
    const QByteArray type = request.header("X-Amz-Invocation-Type").isEmpty()
                                ? QByteArray("RequestResponse")
                                : request.header("X-Amz-Invocation-Type");
    const QByteArray payload = request.body.isEmpty() ? QByteArray("{}") : request.body;

    if (type == "DryRun") {
        HttpResponse r;
        r.status = 204;
        responder.respond(r);
        return;
    }
    if (type == "Event") {
        if (payload.size() > kMaxAsyncPayloadBytes) {
            responder.respond(awsError(413, "RequestTooLargeException",
                                       QStringLiteral("Request must be smaller than %1 bytes for "
                                                      "the InvokeFunction operation")
                                           .arg(kMaxAsyncPayloadBytes)));
            return;
        }
        if (QJsonDocument::fromJson("[" + payload + "]").isNull()) {
            responder.respond(awsError(400, "InvalidRequestContentException",
                                       QStringLiteral("Could not parse request body into json")));
            return;
        }
        HttpResponse r;
        r.status = 202;
        r.addHeader("X-Amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        responder.respond(r);
        invokeAsync(function, payload, 1, 0);
        return;
    }
    if (type != "RequestResponse") {
        responder.respond(awsError(400, "InvalidParameterValueException",
                                   QStringLiteral("Unsupported invocation type %1; use "
                                                  "RequestResponse, Event or DryRun.")
                                       .arg(QString::fromLatin1(type.left(50)))));
        return;
    }
    const bool tail = request.header("X-Amz-Log-Type") == "Tail";
    auto held = std::make_shared<HttpResponder>(std::move(responder));
    m_runner.invoke(function, payload, [held, tail](const InvocationRecord& r) {
        if (!held->isConnected())
            return; // the client gave up; the invocation still ran and was recorded
        switch (r.outcome) {
        case InvocationOutcome::Throttled:
            held->respond(
                awsError(429, "TooManyRequestsException", QStringLiteral("Rate Exceeded.")));
            return;
        case InvocationOutcome::InvalidRequest: {
            const int status = r.errorType == QLatin1String("RequestTooLargeException")    ? 413
                               : r.errorType == QLatin1String("ResourceNotFoundException") ? 404
                                                                                           : 400;
            held->respond(awsError(status, r.errorType.toUtf8(),
                                   QJsonDocument::fromJson(r.payload)
                                       .object()
                                       .value(QStringLiteral("message"))
                                       .toString()));
            return;
        }
        default:
            break;
        }
        HttpResponse response = HttpResponse::json(200, r.payload);
        response.addHeader("X-Amz-Executed-Version", "$LATEST");
        response.addHeader("X-Amzn-RequestId", r.requestId.toUtf8());
        if (r.failed())
            response.addHeader("X-Amz-Function-Error", QByteArray("Unhandled"));
        if (tail)
            response.addHeader("X-Amz-Log-Result", logTail(r));
        held->respond(response);
    });
}

QString InvokeApi::invokeEvent(const QString& function, const QByteArray& payload)
{
    return invokeAsync(function, payload, 1, 0);
}

QString InvokeApi::invokeAsync(const QString& function, const QByteArray& payload, int attempt,
                               int hops)
{
    ++m_pendingAsync;
    return m_runner.invoke(
        function, payload, [this, function, payload, attempt, hops](const InvocationRecord& r) {
            --m_pendingAsync;
            // The function's maximumRetryAttempts (Lambda's default: 2) caps the retries.
            const FunctionSpec* spec = m_runner.workspace().function(function);
            const int retries =
                std::min(int(m_options.asyncRetryDelaysMs.size()),
                         spec && spec->maximumRetryAttempts ? *spec->maximumRetryAttempts : 2);
            const int retriesLeft = retries - (attempt - 1);
            if (r.failed() && retriesLeft > 0) {
                ++m_pendingAsync; // waiting for the retry counts as pending
                QTimer::singleShot(m_options.asyncRetryDelaysMs.at(attempt - 1), this,
                                   [this, function, payload, attempt, hops] {
                                       --m_pendingAsync;
                                       invokeAsync(function, payload, attempt + 1, hops);
                                   });
                return;
            }
            emit asyncInvocationFinished(r, attempt);
            sendToDestination(r, payload, attempt, hops);
        });
}

QByteArray InvokeApi::destinationRecord(const InvocationRecord& r, const QByteArray& requestPayload,
                                        int attempts, const QString& region, qint64 timestampMs)
{
    // A payload is JSON (the Invoke API checks it); a response may be any text.
    const auto json = [](const QByteArray& bytes) -> QJsonValue {
        const QJsonDocument doc = QJsonDocument::fromJson("[" + bytes + "]");
        if (doc.isArray() && doc.array().size() == 1)
            return doc.array().at(0);
        return QString::fromUtf8(bytes);
    };
    QJsonObject responseContext{{QStringLiteral("statusCode"), 200},
                                {QStringLiteral("executedVersion"), QStringLiteral("$LATEST")}};
    if (r.failed())
        responseContext.insert(QStringLiteral("functionError"),
                               r.errorType.isEmpty() ? QStringLiteral("Unhandled") : r.errorType);
    const QJsonObject record{
        {QStringLiteral("version"), QStringLiteral("1.0")},
        {QStringLiteral("timestamp"), QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::UTC)
                                          .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"))},
        {QStringLiteral("requestContext"),
         QJsonObject{{QStringLiteral("requestId"), r.requestId},
                     {QStringLiteral("functionArn"),
                      functionArn(r.functionName, region) + QStringLiteral(":$LATEST")},
                     {QStringLiteral("condition"),
                      r.failed() ? QStringLiteral("RetriesExhausted") : QStringLiteral("Success")},
                     {QStringLiteral("approximateInvokeCount"), attempts}}},
        {QStringLiteral("requestPayload"), json(requestPayload)},
        {QStringLiteral("responseContext"), responseContext},
        {QStringLiteral("responsePayload"), json(r.payload)}};
    return QJsonDocument(record).toJson(QJsonDocument::Compact);
}

void InvokeApi::sendToDestination(const InvocationRecord& r, const QByteArray& payload,
                                  int attempts, int hops)
{
    const FunctionSpec* spec = m_runner.workspace().function(r.functionName);
    if (!spec)
        return;
    const QString text = r.failed() ? spec->destinations.onFailure : spec->destinations.onSuccess;
    if (text.isEmpty())
        return;
    const QString condition =
        r.failed() ? QStringLiteral("RetriesExhausted") : QStringLiteral("Success");
    const auto target = DestinationTarget::parse(text);
    if (!target) {
        emit destinationProblem(
            QStringLiteral("%1: %2").arg(r.functionName, target.error().message));
        return;
    }
    const QByteArray record = destinationRecord(r, payload, attempts, m_runner.region(),
                                                QDateTime::currentMSecsSinceEpoch());
    if (target->kind == DestinationTarget::Kind::Queue) {
        LocalQueue* queue = m_queues ? m_queues->queue(target->name) : nullptr;
        if (!queue) {
            emit destinationProblem(
                QStringLiteral("%1: the %2 destination queue \"%3\" does not exist; the record "
                               "of request %4 was dropped.")
                    .arg(r.functionName, condition, target->name, r.requestId));
            return;
        }
        // Lambda sends as the function's execution role.
        const auto sent = queue->send(QString::fromUtf8(record), {},
                                      QStringLiteral("AROASWBLOCALROLE:") + r.functionName);
        if (!sent) {
            emit destinationProblem(
                QStringLiteral("%1: the record of request %2 could not go to "
                               "queue \"%3\": %4")
                    .arg(r.functionName, r.requestId, target->name, sent.error().message));
            return;
        }
        emit destinationSent(r.functionName, condition, QStringLiteral("queue:") + target->name);
        return;
    }
    if (!m_runner.workspace().function(target->name)) {
        emit destinationProblem(QStringLiteral("%1: the %2 destination function \"%3\" does not "
                                               "exist; the record of request %4 was dropped.")
                                    .arg(r.functionName, condition, target->name, r.requestId));
        return;
    }
    if (hops + 1 > m_options.maxDestinationHops) {
        emit destinationProblem(
            QStringLiteral("%1: stopped a recursive loop: the record of request %2 would be the "
                           "%3th hop of a chain of destinations (to function \"%4\"); Lambda "
                           "stops such chains after %5 hops too.")
                .arg(r.functionName, r.requestId)
                .arg(hops + 1)
                .arg(target->name)
                .arg(m_options.maxDestinationHops));
        return;
    }
    invokeAsync(target->name, record, 1, hops + 1);
    emit destinationSent(r.functionName, condition, QStringLiteral("function:") + target->name);
}

} // namespace swb
