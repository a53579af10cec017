#include "LogTail.h"

#include <algorithm>

namespace swb {

QString LogEvent::dedupeKey() const
{
    if (!id.isEmpty())
        return id;
    return time.toString(Qt::ISODateWithMs) + QLatin1Char('\x1f') + stream + QLatin1Char('\x1f') +
           message;
}

LogTail::LogTail(LogQuery query, QObject* parent)
    : QObject(parent), m_query(std::move(query)),
      m_since(m_query.since.isValid() ? m_query.since.toUTC()
                                      : QDateTime::currentDateTimeUtc().addSecs(-600)),
      m_lastSeen(m_since)
{}

void LogTail::stop()
{
    if (m_stopRequested || isFinished())
        return;
    m_stopRequested = true;
    emit stopRequested();
}

int LogTail::deliver(QList<LogEvent> events)
{
    if (isFinished())
        return 0;
    std::stable_sort(events.begin(), events.end(),
                     [](const LogEvent& a, const LogEvent& b) { return a.time < b.time; });
    QList<LogEvent> fresh;
    for (LogEvent& e : events) {
        const QString key = e.dedupeKey();
        if (m_seen.contains(key))
            continue;
        m_seen.insert(key);
        m_seenOrder.push_back(key);
        if (m_seenOrder.size() > size_t(kRememberedIds)) {
            m_seen.remove(m_seenOrder.front());
            m_seenOrder.pop_front();
        }
        if (e.time.isValid() && e.time > m_lastSeen)
            m_lastSeen = e.time;
        if (!m_query.filter.isEmpty() && !e.message.contains(m_query.filter))
            continue;
        fresh << std::move(e);
    }
    if (!fresh.isEmpty())
        emit eventsArrived(fresh);
    return int(fresh.size());
}

void LogTail::reportProblem(const Error& error)
{
    if (m_inProblem || isFinished())
        return;
    m_inProblem = true;
    emit problem(error.message);
}

void LogTail::reportRecovered()
{
    if (!m_inProblem)
        return;
    m_inProblem = false;
    emit recovered();
}

void LogTail::finish(Result<void> result)
{
    if (isFinished())
        return;
    m_result = std::move(result);
    emit finished();
}

} // namespace swb
