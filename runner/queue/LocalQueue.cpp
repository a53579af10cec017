#include "LocalQueue.h"

#include <QDateTime>
#include <QUuid>

#include <algorithm>

namespace swb {

namespace {

constexpr QLatin1String kHandlePrefix("swb-sqs-1:");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Receipt handles are opaque to clients; ours carry the message id and a fresh nonce.
QString newReceiptHandle(const QString& messageId)
{
    const QByteArray raw =
        (kHandlePrefix + messageId + QLatin1Char(':') + QUuid::createUuid().toString(QUuid::Id128))
            .toUtf8();
    return QString::fromLatin1(raw.toBase64());
}

} // namespace

LocalQueue::LocalQueue(LocalQueueConfig config, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_createdMs(nowMs())
{
    m_visibilityTimer.setSingleShot(true);
    m_visibilityTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_visibilityTimer, &QTimer::timeout, this, [this] {
        armVisibilityTimer();
        if (visibleCount() > 0)
            emit messagesAvailable();
    });
}

void LocalQueue::setDeadLetterQueue(LocalQueue* queue, int maxReceiveCount)
{
    m_deadLetter = queue;
    m_maxReceiveCount = maxReceiveCount;
}

Result<SqsMessage> LocalQueue::send(const QString& body, const SqsMessageAttributes& attributes,
                                    const QString& senderId, qint64 delayMs)
{
    if (auto valid = validateSqsMessage(body, attributes); !valid)
        return std::unexpected(valid.error());
    if (delayMs < 0 || delayMs > 900 * 1000)
        return std::unexpected(Error{ErrorCode::Validation,
                                     QStringLiteral("Value %1 for parameter DelaySeconds is "
                                                    "invalid. Reason: must be 0 to 900 seconds.")
                                         .arg(delayMs / 1000),
                                     QStringLiteral("InvalidParameterValue"),
                                     {}});
    SqsMessage m;
    m.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.body = body;
    m.messageAttributes = attributes;
    m.senderId = senderId;
    m.sentTimestampMs = nowMs();
    m_entries.append(Entry{m, m.sentTimestampMs + delayMs});
    if (delayMs > 0)
        armVisibilityTimer();
    else
        emit messagesAvailable();
    return m;
}

void LocalQueue::enqueue(SqsMessage message)
{
    message.receiptHandle.clear();
    m_entries.append(Entry{std::move(message), nowMs()});
    emit messagesAvailable();
}

QList<SqsMessage> LocalQueue::receive(int maxMessages, qint64 visibilityTimeoutMs)
{
    const qint64 now = nowMs();
    const qint64 hideMs =
        visibilityTimeoutMs < 0 ? m_config.visibilityTimeoutMs : visibilityTimeoutMs;
    QList<SqsMessage> out;
    QList<SqsMessage> redriven;
    for (qsizetype i = 0; i < m_entries.size() && out.size() < maxMessages;) {
        Entry& e = m_entries[i];
        if (e.visibleAtMs > now) {
            ++i;
            continue;
        }
        if (m_deadLetter && m_maxReceiveCount > 0 && e.message.receiveCount >= m_maxReceiveCount) {
            SqsMessage moved = e.message;
            moved.deadLetterSourceArn = m_config.arn;
            redriven.append(moved);
            m_entries.removeAt(i);
            continue;
        }
        ++e.message.receiveCount;
        if (e.message.firstReceiveTimestampMs == 0)
            e.message.firstReceiveTimestampMs = now;
        e.message.receiptHandle = newReceiptHandle(e.message.messageId);
        e.visibleAtMs = now + hideMs;
        out.append(e.message);
        ++i;
    }
    armVisibilityTimer();
    const QPointer<LocalQueue> deadLetter = m_deadLetter;
    for (const SqsMessage& m : redriven) {
        if (!deadLetter) // a slot deleted it
            break;
        emit movedToDeadLetterQueue(m.messageId, deadLetter->name(), m.receiveCount);
        deadLetter->enqueue(m);
    }
    return out;
}

qsizetype LocalQueue::indexOfHandle(const QString& receiptHandle) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).message.receiptHandle == receiptHandle)
            return i;
    }
    return -1;
}

Result<void> LocalQueue::checkHandle(const QString& receiptHandle) const
{
    if (!QByteArray::fromBase64(receiptHandle.toLatin1()).startsWith(kHandlePrefix.data()))
        return std::unexpected(
            Error{ErrorCode::Validation,
                  QStringLiteral("The input receipt handle \"%1\" is not a valid receipt handle.")
                      .arg(receiptHandle.left(100)),
                  QStringLiteral("ReceiptHandleIsInvalid"),
                  {}});
    return {};
}

Result<void> LocalQueue::deleteMessage(const QString& receiptHandle)
{
    if (auto ok = checkHandle(receiptHandle); !ok)
        return ok;
    if (const qsizetype i = indexOfHandle(receiptHandle); i >= 0)
        m_entries.removeAt(i);
    armVisibilityTimer();
    return {};
}

Result<void> LocalQueue::changeVisibility(const QString& receiptHandle, qint64 ms)
{
    if (auto ok = checkHandle(receiptHandle); !ok)
        return ok;
    const qsizetype i = indexOfHandle(receiptHandle);
    const qint64 now = nowMs();
    if (i < 0 || m_entries.at(i).visibleAtMs <= now)
        return std::unexpected(Error{
            ErrorCode::Validation,
            QStringLiteral("Value %1 for parameter ReceiptHandle is invalid. Reason: Message does "
                           "not exist or is not available for visibility timeout change.")
                .arg(receiptHandle.left(100)),
            QStringLiteral("InvalidParameterValue"),
            {}});
    m_entries[i].visibleAtMs = now + std::max<qint64>(0, ms);
    armVisibilityTimer();
    if (ms <= 0)
        emit messagesAvailable();
    return {};
}

void LocalQueue::purge()
{
    m_entries.clear();
    m_visibilityTimer.stop();
}

int LocalQueue::visibleCount() const
{
    const qint64 now = nowMs();
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [now](const Entry& e) { return e.visibleAtMs <= now; }));
}

int LocalQueue::inFlightCount() const
{
    const qint64 now = nowMs();
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [now](const Entry& e) {
        return e.visibleAtMs > now && e.message.receiveCount > 0;
    }));
}

int LocalQueue::delayedCount() const
{
    const qint64 now = nowMs();
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [now](const Entry& e) {
        return e.visibleAtMs > now && e.message.receiveCount == 0;
    }));
}

QList<SqsMessage> LocalQueue::messages() const
{
    QList<SqsMessage> out;
    for (const Entry& e : m_entries)
        out.append(e.message);
    return out;
}

void LocalQueue::armVisibilityTimer()
{
    const qint64 now = nowMs();
    qint64 next = -1;
    for (const Entry& e : m_entries) {
        if (e.visibleAtMs > now && (next < 0 || e.visibleAtMs < next))
            next = e.visibleAtMs;
    }
    if (next < 0) {
        m_visibilityTimer.stop();
        return;
    }
    // QTimer counts in int milliseconds; SQS's longest hide (12 hours) fits.
    m_visibilityTimer.start(int(std::min<qint64>(next - now, 24LL * 3600 * 1000)));
}

} // namespace swb
