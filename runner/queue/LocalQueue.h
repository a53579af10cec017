#pragma once
// One local SQS standard queue: messages wait until received, stay hidden for the visibility
// timeout while a consumer works on them, come back if not deleted, and move to the
// dead-letter queue once received maxReceiveCount times (SQS's redrive policy).

#include "SqsMessage.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace swb {

struct LocalQueueConfig {
    QString name;
    QString arn;
    qint64 visibilityTimeoutMs = 30 * 1000; // SQS's default
    qint64 receiveWaitMs = 0;               // ReceiveMessageWaitTimeSeconds: no long polling
};

class LocalQueue : public QObject {
    Q_OBJECT
public:
    explicit LocalQueue(LocalQueueConfig config, QObject* parent = nullptr);

    const QString& name() const { return m_config.name; }
    const QString& arn() const { return m_config.arn; }
    qint64 visibilityTimeoutMs() const { return m_config.visibilityTimeoutMs; }
    qint64 createdTimestampMs() const { return m_createdMs; }
    void setVisibilityTimeoutMs(qint64 ms) { m_config.visibilityTimeoutMs = ms; }
    // How long a ReceiveMessage without WaitTimeSeconds waits for a message (SQS's long polling).
    qint64 receiveWaitMs() const { return m_config.receiveWaitMs; }
    void setReceiveWaitMs(qint64 ms) { m_config.receiveWaitMs = ms; }
    // A message received `maxReceiveCount` times and not deleted moves to `queue`.
    void setDeadLetterQueue(LocalQueue* queue, int maxReceiveCount);
    LocalQueue* deadLetterQueue() const { return m_deadLetter; }
    int maxReceiveCount() const { return m_maxReceiveCount; }

    // Validates and stores a message (hidden for `delayMs` first); the error's detail is SQS's
    // error code.
    Result<SqsMessage> send(const QString& body, const SqsMessageAttributes& attributes = {},
                            const QString& senderId = {}, qint64 delayMs = 0);
    // Up to `maxMessages` visible messages, oldest first, each hidden for `visibilityTimeoutMs`
    // (negative: the queue's) with a new receipt handle. Messages past maxReceiveCount move to
    // the dead-letter queue instead of being returned.
    QList<SqsMessage> receive(int maxMessages, qint64 visibilityTimeoutMs = -1);
    // Deletes the message a receipt handle names. A handle of this queue whose message is gone
    // or received again since succeeds without effect, as in SQS; a foreign one is an error
    // (detail "ReceiptHandleIsInvalid").
    Result<void> deleteMessage(const QString& receiptHandle);
    // Hides a received message for `ms` from now (0 makes it visible at once).
    Result<void> changeVisibility(const QString& receiptHandle, qint64 ms);
    void purge();

    int visibleCount() const;  // ApproximateNumberOfMessages
    int inFlightCount() const; // ApproximateNumberOfMessagesNotVisible (received, not deleted)
    int delayedCount() const;  // ApproximateNumberOfMessagesDelayed
    QList<SqsMessage> messages() const; // every message, for views and tests

signals:
    // A message was sent or became visible again: consumers may receive now.
    void messagesAvailable();
    void movedToDeadLetterQueue(const QString& messageId, const QString& deadLetterQueue,
                                int receiveCount);

private:
    struct Entry {
        SqsMessage message;
        qint64 visibleAtMs = 0;
    };
    void enqueue(SqsMessage message); // from another queue's redrive
    void armVisibilityTimer();
    qsizetype indexOfHandle(const QString& receiptHandle) const;
    Result<void> checkHandle(const QString& receiptHandle) const;

    LocalQueueConfig m_config;
    qint64 m_createdMs;
    QList<Entry> m_entries; // in send order
    QPointer<LocalQueue> m_deadLetter;
    int m_maxReceiveCount = 0;
    QTimer m_visibilityTimer;
};

} // namespace swb
