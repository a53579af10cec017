#pragma once
// A platform's log lines for one function, fetched once or followed live. The provider polls or
// streams and hands every batch to deliver(); the tail drops what it has already shown (platforms
// answer overlapping windows, and a reconnect repeats lines), so no line appears twice.

#include "Error.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <deque>
#include <optional>

namespace swb {

struct LogEvent {
    QDateTime time;  // UTC
    QString id;      // the platform's id for the line; empty: time, stream and text stand in
    QString stream;  // where it came from: log stream, instance, activation id
    QString message; // one line, no trailing newline

    QString dedupeKey() const;
};

struct LogQuery {
    QString function;    // the function's name on the platform
    QDateTime since;     // first time to show (UTC); invalid: 10 minutes ago
    QString filter;      // text a line must contain (case-sensitive); empty: every line
    bool follow = false; // keep following until stop()
    int pollIntervalMs = 2000;
};

class LogTail : public QObject {
    Q_OBJECT
public:
    static constexpr int kRememberedIds = 20'000;

    explicit LogTail(LogQuery query, QObject* parent = nullptr);

    const LogQuery& query() const { return m_query; }
    // The effective start: query().since, or 10 minutes before the tail was made.
    QDateTime since() const { return m_since; }
    // The newest time delivered so far (a provider polls again from here), or since().
    QDateTime lastSeen() const { return m_lastSeen; }

    // Stops following; finished() follows once the provider has wound down.
    void stop();
    bool isStopRequested() const { return m_stopRequested; }
    bool isFinished() const { return m_result.has_value(); }
    const std::optional<Result<void>>& result() const { return m_result; }

    // --- for providers ---
    // Emits the events not shown before that pass the filter, sorted by time; returns how
    // many that was.
    int deliver(QList<LogEvent> events);
    // A poll or the stream failed; the provider keeps trying. Said once per run of failures.
    void reportProblem(const Error& error);
    void reportRecovered();
    // The first call wins.
    void finish(Result<void> result = {});

signals:
    void eventsArrived(const QList<swb::LogEvent>& events);
    void problem(const QString& message);
    void recovered();
    void stopRequested();
    void finished();

private:
    LogQuery m_query;
    QDateTime m_since;
    QDateTime m_lastSeen;
    QSet<QString> m_seen;
    std::deque<QString> m_seenOrder; // oldest first, to forget beyond kRememberedIds
    bool m_inProblem = false;
    bool m_stopRequested = false;
    std::optional<Result<void>> m_result;
};

} // namespace swb
