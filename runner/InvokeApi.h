#pragma once
// The Lambda Invoke API (POST /2015-03-31/functions/{name}/invocations) over the local
// runner, so that the AWS CLI and SDKs work against `swb serve` with --endpoint-url:
// RequestResponse, Event (queued, retried on failure like Lambda's async invocations — twice,
// or the function's maximumRetryAttempts — then sent to the function's onSuccess/onFailure
// destination) and DryRun;
// X-Amz-Log-Type: Tail; X-Amz-Function-Error; AWS's error bodies.

#include "http/HttpServer.h"

#include <QObject>

namespace swb {

class QueueService;
class Runner;
struct InvocationRecord;

struct InvokeApiOptions {
    // Lambda waits about 1 and 2 minutes between the retries of a failed async invocation.
    QList<qint64> asyncRetryDelaysMs = {60 * 1000, 120 * 1000};
    // Lambda's recursive loop detection stops a chain of invocations after about 16 hops; a
    // destination that would go further is not invoked.
    int maxDestinationHops = 16;
};

class InvokeApi : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kPathPrefix = "/2015-03-31/functions/";
    static constexpr qsizetype kMaxAsyncPayloadBytes = 256 * 1024;

    InvokeApi(Runner& runner, InvokeApiOptions options = {}, QObject* parent = nullptr);

    static bool handles(const QByteArray& path);
    void handle(http::HttpRequest&& request, http::HttpResponder&& responder);
    int pendingAsyncInvocations() const { return m_pendingAsync; }
    // An asynchronous (Event) invocation, as Lambda makes for an Invoke API Event call or an
    // EventBridge schedule: queued, retried twice on failure. Returns the first attempt's
    // request id.
    QString invokeEvent(const QString& function, const QByteArray& payload);
    // Where queue destinations go (none: a queue destination is reported as a problem).
    void setQueueService(QueueService* queues) { m_queues = queues; }

    // The record Lambda sends to a destination (version 1.0): requestContext (requestId,
    // functionArn, condition, approximateInvokeCount), requestPayload, responseContext
    // (statusCode, executedVersion, functionError) and responsePayload.
    static QByteArray destinationRecord(const InvocationRecord& record,
                                        const QByteArray& requestPayload, int attempts,
                                        const QString& region, qint64 timestampMs);

signals:
    // An Event invocation finished for good (after its retries): for logs and tests.
    void asyncInvocationFinished(const swb::InvocationRecord& record, int attempts);
    // A destination record went to `destination` ("function:NAME" or "queue:NAME").
    void destinationSent(const QString& function, const QString& condition,
                         const QString& destination);
    // A destination record could not be sent, or a chain was stopped as a loop (for the log).
    void destinationProblem(const QString& message);

private:
    QString invokeAsync(const QString& function, const QByteArray& payload, int attempt, int hops);
    void sendToDestination(const InvocationRecord& record, const QByteArray& payload, int attempts,
                           int hops);

    Runner& m_runner;
    InvokeApiOptions m_options;
    int m_pendingAsync = 0;
    QueueService* m_queues = nullptr;
};

// AWS's error answer: status, X-Amzn-ErrorType, and a JSON body with Type and message.
http::HttpResponse awsError(int status, const QByteArray& type, const QString& message);

} // namespace swb
