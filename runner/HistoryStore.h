#pragma once
// Every invocation the runner makes, kept in SQLite (<workspace>/.swb/history.sqlite): written
// in batches by a writer thread so the caller never waits on disk, queried for the GUI and the
// cost engine. Schema, retention and thread rules: docs/history.md.

#include "Error.h"
#include "InvocationRecord.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace swb {

struct HistoryOptions {
    qint64 maxInvocations = 1'000'000; // the oldest beyond this are deleted; <= 0: no limit
    qint64 maxAgeDays = 30;            // older invocations are deleted; <= 0: no limit
    int flushIntervalMs = 200; // a batch is written at most this long after its first record
    int flushBatchSize = 500;  // ...or as soon as it holds this many records
    qsizetype maxLogBytes = 64 * 1024; // UTF-8 log text kept per invocation (head and tail)
    // Wall clock for retention by age and the name of a corrupt file moved aside; tests pass a
    // fixed one. Empty: QDateTime::currentMSecsSinceEpoch.
    std::function<qint64()> nowEpochMs;
};

// Aggregates over one function's (or every function's) invocations.
struct FunctionStats {
    qint64 count = 0;    // every recorded invocation, throttled and refused ones too
    qint64 ranCount = 0; // those that reached an instance (not throttled, not refused)
    qint64 coldCount = 0;
    double coldShare = 0;  // coldCount / ranCount; 0 when nothing ran
    qint64 errorCount = 0; // every outcome but success
    qint64 throttledCount = 0;
    // Nearest-rank percentiles, exact: durations over the invocations that ran, init over the
    // cold starts. 0 when there is none.
    double durationP50Ms = 0;
    double durationP90Ms = 0;
    double durationP95Ms = 0;
    double durationP99Ms = 0;
    double initP50Ms = 0;
    double initP95Ms = 0;
    double initMeanMs = 0;
    qint64 billedMsTotal = 0;
    int maxMemoryUsedMb = 0; // the largest Max Memory Used
    // The durations of the invocations that ran, rounded up to the millisecond, as ascending
    // (milliseconds, invocations) pairs: what the cost engine needs to apply each provider's
    // per-invocation rounding to measured traffic.
    QList<std::pair<qint64, qint64>> durationMsCounts;
};

// One row of the history, without its logs (see HistoryStore::logs).
struct InvocationSummary {
    QString requestId;
    QString functionName;
    quint64 instanceId = 0;
    bool coldStart = false;
    InvocationOutcome outcome = InvocationOutcome::Success;
    QString errorType;
    qint64 startedAtEpochMs = 0;
    double initDurationMs = 0;
    double durationMs = 0;
    qint64 billedDurationMs = 0;
    int memorySizeMb = 0;
    int maxMemoryUsedMb = 0;
    qint64 responseBytes = 0;
    bool logsTruncated = false; // by the runner or by the store's per-invocation cap
};

// Thread rules: record(), flush(), pendingCount() and the queries may be called from any
// thread, concurrently. Each query opens its own connection on the calling thread for the
// duration of the call (Qt SQL connections are bound to their thread) and sees what has been
// written, not the pending batch. Destroy the store when no other call is running; the
// destructor writes what is pending.
class HistoryStore {
public:
    static constexpr int schemaVersion = 1;

    // Opens (creating folders and the file) or upgrades the database at `path`. A file that is
    // not a readable SQLite database is moved aside to `<path>.corrupt-<UTC timestamp>` and a new
    // one is started, with a warning in warnings().
    static Result<std::unique_ptr<HistoryStore>> open(const QString& path,
                                                      HistoryOptions options = {});
    // <workspace>/.swb/history.sqlite
    static QString defaultPath(const QString& workspaceRoot);

    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    const QString& path() const;
    const QList<Diagnostic>& warnings() const;

    // Queues the record for the writer thread: no SQL, no disk, no copy of the response (only
    // its size is kept); the logs are capped and compressed by the writer.
    void record(const InvocationRecord& record);
    // Writes everything recorded so far and waits for it; the error of that write, if any.
    Result<void> flush();
    qsizetype pendingCount() const;
    // The error of the most recent write that failed, including timer-driven ones. A batch that
    // fails to be written is dropped (and counted), so a broken disk does not grow memory.
    std::optional<Error> lastWriteError() const;
    qint64 droppedCount() const;

    // `function` empty: every function. `sinceEpochMs`: invocations started at or after it.
    Result<FunctionStats> stats(const QString& function,
                                std::optional<qint64> sinceEpochMs = {}) const;
    // The most recent first (by start time), at most `limit`.
    Result<QList<InvocationSummary>> recent(const QString& function, int limit) const;
    // The stored log lines of one invocation (the latest, should a request id repeat);
    // NotFound for an unknown id.
    Result<QStringList> logs(const QString& requestId) const;
    // Every function with history, sorted.
    Result<QStringList> functions() const;

private:
    struct Writer;
    explicit HistoryStore(std::unique_ptr<Writer> writer);

    std::unique_ptr<Writer> m_writer;
};

} // namespace swb
