#include "QueueDelivery.h"

#include "LocalQueue.h"
#include "Runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace swb {

QueueDelivery::QueueDelivery(Runner& runner, LocalQueue& queue, QString function,
                             QueueDeliveryOptions options, QObject* parent)
    : QObject(parent), m_runner(runner), m_queue(&queue), m_function(std::move(function)),
      m_options(options)
{
    m_window.setSingleShot(true);
    m_window.setTimerType(Qt::PreciseTimer);
    connect(&m_window, &QTimer::timeout, this, [this] {
        m_windowExpired = true;
        poll();
    });
    connect(&queue, &LocalQueue::messagesAvailable, this, &QueueDelivery::schedulePoll);
    schedulePoll(); // messages sent before the mapping started
}

QByteArray QueueDelivery::sqsEvent(const QList<SqsMessage>& messages, const QString& queueArn,
                                   const QString& region)
{
    QJsonArray records;
    for (const SqsMessage& m : messages) {
        QJsonObject attributes{
            {QStringLiteral("ApproximateReceiveCount"), QString::number(m.receiveCount)},
            {QStringLiteral("SentTimestamp"), QString::number(m.sentTimestampMs)},
            {QStringLiteral("SenderId"), m.senderId},
            {QStringLiteral("ApproximateFirstReceiveTimestamp"),
             QString::number(m.firstReceiveTimestampMs)}};
        if (!m.deadLetterSourceArn.isEmpty())
            attributes.insert(QStringLiteral("DeadLetterQueueSourceArn"), m.deadLetterSourceArn);
        QJsonObject messageAttributes;
        for (auto it = m.messageAttributes.begin(); it != m.messageAttributes.end(); ++it) {
            QJsonObject a{{QStringLiteral("stringListValues"), QJsonArray()},
                          {QStringLiteral("binaryListValues"), QJsonArray()},
                          {QStringLiteral("dataType"), it->dataType}};
            if (it->isBinary())
                a.insert(QStringLiteral("binaryValue"),
                         QString::fromLatin1(it->binaryValue.toBase64()));
            else
                a.insert(QStringLiteral("stringValue"), it->stringValue);
            messageAttributes.insert(it.key(), a);
        }
        QJsonObject record{{QStringLiteral("messageId"), m.messageId},
                           {QStringLiteral("receiptHandle"), m.receiptHandle},
                           {QStringLiteral("body"), m.body},
                           {QStringLiteral("attributes"), attributes},
                           {QStringLiteral("messageAttributes"), messageAttributes},
                           {QStringLiteral("md5OfBody"), sqsMd5OfBody(m.body)},
                           {QStringLiteral("eventSource"), QStringLiteral("aws:sqs")},
                           {QStringLiteral("eventSourceARN"), queueArn},
                           {QStringLiteral("awsRegion"), region}};
        if (!m.messageAttributes.isEmpty())
            record.insert(QStringLiteral("md5OfMessageAttributes"),
                          sqsMd5OfMessageAttributes(m.messageAttributes));
        records.append(record);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("Records"), records}})
        .toJson(QJsonDocument::Compact);
}

QSet<QString> QueueDelivery::failedItems(const QByteArray& response, const QList<SqsMessage>& batch)
{
    QSet<QString> all;
    for (const SqsMessage& m : batch)
        all.insert(m.messageId);
    const QByteArray trimmed = response.trimmed();
    if (trimmed.isEmpty() || trimmed == "null" || trimmed == "\"\"")
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return all;
    const QJsonValue failures = doc.object().value(QStringLiteral("batchItemFailures"));
    if (failures.isUndefined() || failures.isNull())
        return {};
    if (!failures.isArray())
        return all;
    QSet<QString> failed;
    for (const QJsonValue& v : failures.toArray()) {
        const QString id = v.toObject().value(QStringLiteral("itemIdentifier")).toString();
        if (!all.contains(id))
            return all; // an empty, null or unknown identifier fails the whole batch
        failed.insert(id);
    }
    return failed;
}

void QueueDelivery::schedulePoll()
{
    if (m_pollQueued)
        return;
    m_pollQueued = true;
    // Once per turn of the event loop: messages sent together are delivered together.
    QMetaObject::invokeMethod(this, &QueueDelivery::poll, Qt::QueuedConnection);
}

void QueueDelivery::poll()
{
    m_pollQueued = false;
    while (m_queue && m_inFlight < m_options.maxConcurrentBatches) {
        const int visible = m_queue->visibleCount();
        if (visible == 0)
            return;
        // Below a full batch, a batch window gathers messages until it closes.
        if (visible < m_options.batchSize && m_options.batchWindowMs > 0 && !m_windowExpired) {
            if (!m_window.isActive())
                m_window.start(int(m_options.batchWindowMs));
            return;
        }
        m_window.stop();
        m_windowExpired = false;
        const QList<SqsMessage> batch = m_queue->receive(m_options.batchSize);
        if (!batch.isEmpty())
            deliver(batch);
    }
}

void QueueDelivery::deliver(const QList<SqsMessage>& batch)
{
    ++m_inFlight;
    const QByteArray event = sqsEvent(batch, m_queue->arn(), m_runner.region());
    const QPointer<QueueDelivery> self(this);
    m_runner.invoke(m_function, event, [self, batch](const InvocationRecord& r) {
        if (!self)
            return;
        QueueDelivery& d = *self;
        --d.m_inFlight;
        QueueBatchResult result{d.m_function,
                                d.m_queue ? d.m_queue->name() : QString(),
                                r.requestId,
                                int(batch.size()),
                                0,
                                false};
        if (d.m_queue) {
            QSet<QString> failed;
            if (r.outcome == InvocationOutcome::Throttled) {
                // Lambda's poller backs off and tries again; the messages stay on the queue.
                result.throttled = true;
                for (const SqsMessage& m : batch)
                    (void)d.m_queue->changeVisibility(m.receiptHandle,
                                                      d.m_options.throttleBackoffMs);
                result.failed = int(batch.size());
            } else {
                if (r.failed()) {
                    for (const SqsMessage& m : batch)
                        failed.insert(m.messageId);
                } else if (d.m_options.reportBatchItemFailures) {
                    failed = failedItems(r.payload, batch);
                }
                for (const SqsMessage& m : batch) {
                    if (!failed.contains(m.messageId))
                        (void)d.m_queue->deleteMessage(m.receiptHandle);
                }
                result.failed = int(failed.size());
            }
        }
        emit d.batchFinished(result);
        d.schedulePoll();
    });
}

} // namespace swb
