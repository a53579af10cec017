#pragma once
// The local SQS of a workspace: the queues its queue triggers, dead-letter queues and queue
// destinations name, found by name, ARN or queue URL.

#include "Error.h"
#include "LocalQueue.h"

#include <QMap>
#include <QObject>

namespace swb {

struct Workspace;

class QueueService : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kDefaultVisibilityTimeoutMs = 30 * 1000;

    explicit QueueService(QString region, QObject* parent = nullptr);

    // Creates every queue the workspace names, with the visibility timeouts and redrive
    // policies of its queue triggers. Two triggers giving one queue different settings is an
    // error naming both functions.
    Result<void> declare(const Workspace& workspace);
    // The queue, created with SQS's defaults if new (CreateQueue is idempotent).
    LocalQueue* create(const QString& name);
    LocalQueue* queue(const QString& name) const;
    // By name, ARN or URL ("http://127.0.0.1:3000/123456789012/orders").
    LocalQueue* find(const QString& nameArnOrUrl) const;
    QList<LocalQueue*> queues() const; // by name

    // Where clients reach the queues ("http://127.0.0.1:3000"), for their URLs.
    void setEndpoint(const QString& baseUrl) { m_endpoint = baseUrl; }
    const QString& endpoint() const { return m_endpoint; }
    QString queueUrl(const QString& name) const;
    QString queueArn(const QString& name) const;
    const QString& region() const { return m_region; }

signals:
    void movedToDeadLetterQueue(const QString& queue, const QString& messageId,
                                const QString& deadLetterQueue, int receiveCount);

private:
    QString m_region;
    QString m_endpoint = QStringLiteral("http://127.0.0.1:3000");
    QMap<QString, LocalQueue*> m_queues;
};

} // namespace swb
