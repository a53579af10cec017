#include "QueueService.h"

#include "RuntimeLaunch.h"
#include "model/Workspace.h"

#include <QUrl>

namespace swb {

QueueService::QueueService(QString region, QObject* parent)
    : QObject(parent), m_region(std::move(region))
{}

QString QueueService::queueArn(const QString& name) const
{
    return QStringLiteral("arn:aws:sqs:%1:%2:%3")
        .arg(m_region, QLatin1String(kLocalAccountId), name);
}

QString QueueService::queueUrl(const QString& name) const
{
    return QStringLiteral("%1/%2/%3").arg(m_endpoint, QLatin1String(kLocalAccountId), name);
}

LocalQueue* QueueService::create(const QString& name)
{
    if (LocalQueue* q = m_queues.value(name))
        return q;
    auto* q =
        new LocalQueue(LocalQueueConfig{name, queueArn(name), kDefaultVisibilityTimeoutMs}, this);
    connect(q, &LocalQueue::movedToDeadLetterQueue, this,
            [this, name](const QString& id, const QString& deadLetter, int count) {
                emit movedToDeadLetterQueue(name, id, deadLetter, count);
            });
    m_queues.insert(name, q);
    return q;
}

LocalQueue* QueueService::queue(const QString& name) const
{
    return m_queues.value(name);
}

LocalQueue* QueueService::find(const QString& nameArnOrUrl) const
{
    return queue(sqsQueueName(nameArnOrUrl));
}

QList<LocalQueue*> QueueService::queues() const
{
    return m_queues.values();
}

Result<void> QueueService::declare(const Workspace& workspace)
{
    struct Setting {
        QString function;
        qint64 visibilityMs = -1; // -1: not given
        QString deadLetter;
        int maxReceiveCount = 0;
    };
    QMap<QString, Setting> settings;
    for (const FunctionSpec& f : workspace.functions) {
        for (const TriggerSpec& t : f.triggers) {
            if (t.type != TriggerType::Queue)
                continue;
            const QString name = sqsQueueName(t.source);
            if (const QString problem = sqsQueueNameProblem(name); !problem.isEmpty())
                return fail(ErrorCode::Validation,
                            QStringLiteral("Function \"%1\": %2").arg(f.name, problem));
            Setting s{f.name,
                      t.visibilityTimeoutSeconds ? qint64(*t.visibilityTimeoutSeconds) * 1000 : -1,
                      t.deadLetterQueue.isEmpty() ? QString() : sqsQueueName(t.deadLetterQueue),
                      t.maxReceiveCount};
            create(name);
            if (!s.deadLetter.isEmpty())
                create(s.deadLetter);
            if (!settings.contains(name)) {
                settings.insert(name, s);
                continue;
            }
            const Setting& first = settings[name];
            if (first.visibilityMs != s.visibilityMs || first.deadLetter != s.deadLetter ||
                first.maxReceiveCount != s.maxReceiveCount)
                return fail(ErrorCode::Validation,
                            QStringLiteral("Functions \"%1\" and \"%2\" both read queue \"%3\" "
                                           "but give it different visibilityTimeout, "
                                           "deadLetterQueue or maxReceiveCount; a queue has one "
                                           "of each, so make them equal.")
                                .arg(first.function, f.name, name));
        }
        for (const QString& d : {f.destinations.onSuccess, f.destinations.onFailure}) {
            if (d.isEmpty())
                continue;
            const auto target = DestinationTarget::parse(d);
            if (!target)
                return fail(
                    ErrorCode::Validation,
                    QStringLiteral("Function \"%1\": %2").arg(f.name, target.error().message));
            if (target->kind == DestinationTarget::Kind::Queue)
                create(target->name);
        }
    }
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        LocalQueue* q = queue(it.key());
        if (it->visibilityMs >= 0)
            q->setVisibilityTimeoutMs(it->visibilityMs);
        if (!it->deadLetter.isEmpty())
            q->setDeadLetterQueue(queue(it->deadLetter), it->maxReceiveCount);
    }
    return {};
}

} // namespace swb
