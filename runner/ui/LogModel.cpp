#include "LogModel.h"

#include "RunnerEvent.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QTime>

#include <algorithm>

namespace swb {

LogModel::LogModel(QObject* parent) : QAbstractListModel(parent) {}

void LogModel::setCapacity(int lines)
{
    m_capacity = std::max(1, lines);
    flush(); // trims
}

void LogModel::append(LogEntry entry)
{
    if (entry.wallMs == 0)
        entry.wallMs = QDateTime::currentMSecsSinceEpoch();
    m_pending.push_back(std::move(entry));
    // A burst larger than the whole buffer keeps only its newest lines.
    while (int(m_pending.size()) > m_capacity) {
        m_pending.pop_front();
        ++m_dropped;
    }
}

void LogModel::add(const RunnerEvent& event)
{
    if (event.kind != RunnerEvent::Kind::LogLine)
        return;
    LogEntry e;
    e.atMs = event.atMs;
    e.function = event.function;
    e.requestId = event.requestId;
    e.text = event.text;
    e.kind = classify(event.text);
    append(std::move(e));
}

LogEntry::Kind LogModel::classify(const QString& text)
{
    if (text.startsWith(QLatin1String("START RequestId:")))
        return LogEntry::Kind::Start;
    if (text.startsWith(QLatin1String("END RequestId:")))
        return LogEntry::Kind::End;
    if (text.startsWith(QLatin1String("REPORT RequestId:")))
        return LogEntry::Kind::Report;
    if (text.startsWith(QLatin1String("INIT_REPORT")) || text.startsWith(QLatin1String("[swb]")) ||
        text.startsWith(QLatin1String("INIT_START")))
        return LogEntry::Kind::Platform;
    // Lambda's runtimes prefix logging records with the level; tracebacks, timeouts and
    // crashes are errors whatever printed them.
    if (text.contains(QLatin1String("[ERROR]")) || text.startsWith(QLatin1String("Traceback")) ||
        text.contains(QLatin1String("Task timed out")) ||
        text.contains(QLatin1String("Runtime exited with error")) ||
        text.contains(QLatin1String("\"errorType\"")) ||
        text.contains(QLatin1String("\tERROR\t")) || text.contains(QLatin1String("[CRITICAL]")))
        return LogEntry::Kind::Error;
    if (text.contains(QLatin1String("[WARNING]")) || text.contains(QLatin1String("\tWARN\t")) ||
        text.startsWith(QLatin1String("LAMBDA_WARNING")))
        return LogEntry::Kind::Warning;
    return LogEntry::Kind::Output;
}

bool LogModel::matches(const LogEntry& e) const
{
    if (!m_function.isEmpty() && e.function != m_function)
        return false;
    if (m_text.isEmpty())
        return true;
    return e.text.contains(m_text, Qt::CaseInsensitive) ||
           e.requestId.contains(m_text, Qt::CaseInsensitive);
}

void LogModel::flush()
{
    if (!m_pending.empty()) {
        QList<qint64> added;
        qint64 index = m_firstIndex + qint64(m_lines.size());
        for (LogEntry& e : m_pending) {
            if (!e.function.isEmpty() && !m_functions.contains(e.function)) {
                m_functions.append(e.function);
                std::sort(m_functions.begin(), m_functions.end());
                emit functionSeen(e.function);
            }
            if (matches(e))
                added.append(index);
            m_lines.push_back(std::move(e));
            ++index;
        }
        m_pending.clear();
        if (!added.isEmpty()) {
            beginInsertRows({}, int(m_visible.size()), int(m_visible.size() + added.size() - 1));
            m_visible += added;
            endInsertRows();
        }
    }
    // Over capacity: the oldest lines go, and the rows that showed them.
    const qint64 excess = qint64(m_lines.size()) - m_capacity;
    if (excess > 0) {
        const qint64 newFirst = m_firstIndex + excess;
        const auto firstKept = std::lower_bound(m_visible.begin(), m_visible.end(), newFirst);
        const int removed = int(firstKept - m_visible.begin());
        if (removed > 0) {
            beginRemoveRows({}, 0, removed - 1);
            m_visible.remove(0, removed);
            endRemoveRows();
        }
        m_lines.erase(m_lines.begin(), m_lines.begin() + excess);
        m_firstIndex = newFirst;
        m_dropped += excess;
    }
}

void LogModel::clear()
{
    beginResetModel();
    m_firstIndex += qint64(m_lines.size());
    m_lines.clear();
    m_pending.clear();
    m_visible.clear();
    endResetModel();
}

void LogModel::setFilter(const QString& function, const QString& text)
{
    if (function == m_function && text == m_text)
        return;
    m_function = function;
    m_text = text;
    rebuild();
}

void LogModel::rebuild()
{
    beginResetModel();
    m_visible.clear();
    qint64 index = m_firstIndex;
    for (const LogEntry& e : m_lines) {
        if (matches(e))
            m_visible.append(index);
        ++index;
    }
    endResetModel();
}

const LogEntry& LogModel::entry(int row) const
{
    return m_lines[size_t(m_visible.at(row) - m_firstIndex)];
}

QStringList LogModel::functions() const
{
    return m_functions;
}

int LogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariant LogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_visible.size())
        return {};
    const LogEntry& e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1  %2  %3")
            .arg(QDateTime::fromMSecsSinceEpoch(e.wallMs).time().toString(
                     QStringLiteral("HH:mm:ss.zzz")),
                 e.function, QString(e.text).replace(QLatin1Char('\t'), QStringLiteral("  ")));
    case Qt::ToolTipRole:
        return e.requestId.isEmpty() ? e.text
                                     : QStringLiteral("%1\nRequestId: %2").arg(e.text, e.requestId);
    case Qt::ForegroundRole:
        // Mid-tone colours that read on light and dark backgrounds alike.
        switch (e.kind) {
        case LogEntry::Kind::Error:
            return QBrush(QColor(0xd9, 0x3f, 0x3f));
        case LogEntry::Kind::Warning:
            return QBrush(QColor(0xc7, 0x7c, 0x0e));
        case LogEntry::Kind::Report:
            return QBrush(QColor(0x2f, 0x86, 0xd6));
        case LogEntry::Kind::Start:
        case LogEntry::Kind::End:
        case LogEntry::Kind::Platform:
            return QBrush(QColor(0x8a, 0x8f, 0x98));
        case LogEntry::Kind::Output:
            return {};
        }
        return {};
    case KindRole:
        return int(e.kind);
    case FunctionRole:
        return e.function;
    case RequestIdRole:
        return e.requestId;
    case AtMsRole:
        return e.atMs;
    default:
        return {};
    }
}

} // namespace swb
