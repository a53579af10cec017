#pragma once
// The live log: every line the runner's instances print (and its START/END/REPORT lines), kept
// in a bounded buffer and offered as a list model with a filter. Appends arrive in batches
// (flush()) so that 10 000 lines a second do not mean 10 000 view updates.

#include <QAbstractListModel>
#include <QList>
#include <QString>

#include <deque>

namespace swb {

struct RunnerEvent;

struct LogEntry {
    enum class Kind { Output, Start, End, Report, Platform, Warning, Error };
    qint64 atMs = 0;   // the runner's clock
    qint64 wallMs = 0; // when it arrived (ms since the epoch), for the time column
    QString function;
    QString requestId;
    QString text;
    Kind kind = Kind::Output;
};

class LogModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, FunctionRole, RequestIdRole, AtMsRole };

    explicit LogModel(QObject* parent = nullptr);

    // Lines beyond this are dropped, oldest first.
    void setCapacity(int lines);
    int capacity() const { return m_capacity; }

    // Queues a line; it shows after the next flush() (the view flushes on a timer).
    void append(LogEntry entry);
    void add(const RunnerEvent& event); // LogLine events only; others are ignored
    int pendingCount() const { return int(m_pending.size()); }
    void flush();
    void clear();

    // Shows only the lines of `function` (empty: all) that contain `text` in their text or
    // request id (case-insensitive; empty: all).
    void setFilter(const QString& function, const QString& text);
    const QString& functionFilter() const { return m_function; }
    const QString& textFilter() const { return m_text; }

    int totalCount() const { return int(m_lines.size()); } // kept, filtered or not
    qint64 droppedCount() const { return m_dropped; }
    const LogEntry& entry(int row) const; // a visible row
    QStringList functions() const;        // every function seen, sorted

    static LogEntry::Kind classify(const QString& text);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

signals:
    void functionSeen(const QString& function);

private:
    bool matches(const LogEntry& e) const;
    void rebuild();

    int m_capacity = 100'000;
    std::deque<LogEntry> m_lines; // kept lines, oldest first
    qint64 m_firstIndex = 0;      // absolute index of m_lines.front()
    QList<qint64> m_visible;      // absolute indexes of the rows shown, ascending
    std::deque<LogEntry> m_pending;
    QString m_function;
    QString m_text;
    QStringList m_functions;
    qint64 m_dropped = 0;
};

} // namespace swb
