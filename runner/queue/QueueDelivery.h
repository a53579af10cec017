#pragma once
// Lambda's SQS event source mapping for one queue trigger: receives batches of up to batchSize
// messages (gathering for up to batchWindow), invokes the function synchronously with the SQS
// event, deletes what succeeded and leaves the rest to come back after the visibility timeout.

#include "SqsMessage.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace swb {

class LocalQueue;
class Runner;

struct QueueDeliveryOptions {
    int batchSize = 10;
    qint64 batchWindowMs = 0;
    bool reportBatchItemFailures = false;
    int maxConcurrentBatches = 10;   // the function's concurrency (reserved, else the runner's)
    qint64 throttleBackoffMs = 1000; // a throttled batch is visible again after this
};

// What a batch did (for logs, the GUI and tests).
struct QueueBatchResult {
    QString function;
    QString queue;
    QString requestId;
    int messages = 0;
    int failed = 0; // messages left on the queue (all of a failed invocation)
    bool throttled = false;
};

class QueueDelivery : public QObject {
    Q_OBJECT
public:
    QueueDelivery(Runner& runner, LocalQueue& queue, QString function, QueueDeliveryOptions options,
                  QObject* parent = nullptr);

    const QString& function() const { return m_function; }
    int batchesInFlight() const { return m_inFlight; }

    // The event Lambda passes for a batch: {"Records": [...]} with eventSource "aws:sqs".
    static QByteArray sqsEvent(const QList<SqsMessage>& messages, const QString& queueArn,
                               const QString& region);
    // The message ids a function's partial batch response names as failed. A null, empty or
    // {"batchItemFailures": []} answer fails none; an answer that is not JSON or names an id
    // outside the batch fails the whole batch, as Lambda does.
    static QSet<QString> failedItems(const QByteArray& response, const QList<SqsMessage>& batch);

signals:
    void batchFinished(const swb::QueueBatchResult& result);

private:
    void schedulePoll();
    void poll();
    void deliver(const QList<SqsMessage>& batch);

    Runner& m_runner;
    QPointer<LocalQueue> m_queue;
    QString m_function;
    QueueDeliveryOptions m_options;
    int m_inFlight = 0;
    bool m_pollQueued = false;
    bool m_windowExpired = false;
    QTimer m_window;
};

} // namespace swb
