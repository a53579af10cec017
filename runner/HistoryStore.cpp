#include "HistoryStore.h"

#include <numeric>

#include <cmath>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVariant>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace swb {
namespace {

constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;
constexpr auto busyTimeout = "QSQLITE_BUSY_TIMEOUT=5000";

// What the writer needs of a record. The response is not kept, only its size; the strings are
// implicitly shared, so building this on the caller's thread costs a few reference counts.
struct PendingRow {
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
    QStringList logs;
    bool logsTruncated = false;
};

// Step i upgrades a database whose user_version is i to i + 1. To change the schema, append a
// step and raise HistoryStore::schemaVersion; never edit a step that has shipped.
// Logs live in their own table so that the scans behind stats() read small rows.
const std::vector<std::vector<const char*>>& migrations()
{
    static const std::vector<std::vector<const char*>> steps = {
        {
            "CREATE TABLE invocations ("
            " id INTEGER PRIMARY KEY,"
            " request_id TEXT NOT NULL,"
            " function TEXT NOT NULL,"
            " instance_id INTEGER NOT NULL,"
            " cold INTEGER NOT NULL,"
            " outcome TEXT NOT NULL,"
            " error_type TEXT NOT NULL,"
            " started_at_ms INTEGER NOT NULL,"
            " init_ms REAL NOT NULL,"
            " duration_ms REAL NOT NULL,"
            " billed_ms INTEGER NOT NULL,"
            " memory_size_mb INTEGER NOT NULL,"
            " max_memory_used_mb INTEGER NOT NULL,"
            " response_bytes INTEGER NOT NULL,"
            " logs_truncated INTEGER NOT NULL)",
            "CREATE INDEX invocations_by_function ON invocations(function, started_at_ms)",
            "CREATE INDEX invocations_by_start ON invocations(started_at_ms)",
            "CREATE INDEX invocations_by_request ON invocations(request_id)",
            // text: qCompress() of the UTF-8 lines joined by '\n'
            "CREATE TABLE invocation_logs ("
            " invocation_id INTEGER PRIMARY KEY,"
            " text BLOB NOT NULL)",
        },
    };
    return steps;
}

// Outcomes are stored by name so the file reads well in the sqlite3 shell.
InvocationOutcome outcomeFromName(const QString& name)
{
    // Walks the enum until outcomeName() no longer knows the value, so that an outcome added
    // to InvocationRecord.h is read back without a change here.
    const QString unknown = QStringLiteral("unknown");
    for (int i = 0;; ++i) {
        const QString known = outcomeName(InvocationOutcome(i));
        if (known == name)
            return InvocationOutcome(i);
        if (known == unknown)
            break;
    }
    return InvocationOutcome::FunctionError; // a name from a newer version: at least not success
}

// SQLITE_CORRUPT (11) and SQLITE_NOTADB (26); Qt reports SQLite's primary result code.
bool isCorruption(const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("11") || code == QLatin1String("26");
}

QString sqliteText(const QSqlError& error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

// `doing` completes "Cannot … the history database": "read", "write to", "open", "set up".
Error sqlError(const QString& path, const QString& doing, const QSqlError& error)
{
    return Error{ErrorCode::Io,
                 QStringLiteral("Cannot %1 the history database %2: %3.")
                     .arg(doing, path, sqliteText(error)),
                 QStringLiteral("%1 (SQLite code %2)").arg(error.text(), error.nativeErrorCode()),
                 {}};
}

qsizetype utf8Size(QStringView text)
{
    qsizetype bytes = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        bytes += u < 0x80 ? 1 : u < 0x800 ? 2 : QChar::isSurrogate(u) ? 2 : 3; // a pair: 4
    }
    return bytes;
}

// Keeps the head and the tail of a long log, where the interesting lines are (an init error
// at the start, the REPORT line at the end), and says what was left out in between.
QStringList capLogs(const QStringList& lines, qsizetype maxBytes, bool* capped)
{
    std::vector<qsizetype> sizes;
    sizes.reserve(size_t(lines.size()));
    qsizetype total = 0;
    for (const QString& line : lines) {
        sizes.push_back(utf8Size(line) + 1);
        total += sizes.back();
    }
    *capped = total > maxBytes;
    if (!*capped)
        return lines;

    const qsizetype half = std::max<qsizetype>(0, (maxBytes - 160) / 2); // 160: the marker line
    QStringList head;
    qsizetype headBytes = 0;
    qsizetype first = 0; // lines [first, last) are left out
    for (; first < lines.size() && headBytes + sizes[size_t(first)] <= half; ++first) {
        head.append(lines[first]);
        headBytes += sizes[size_t(first)];
    }
    if (head.isEmpty() && !lines.isEmpty()) { // one huge first line: keep its beginning
        head.append(lines.first().left(half / 3));
        headBytes = utf8Size(head.first()) + 1;
        first = 1;
    }
    QStringList tail;
    qsizetype tailBytes = 0;
    qsizetype last = lines.size();
    while (last > first && tailBytes + sizes[size_t(last - 1)] <= half) {
        --last;
        tail.prepend(lines[last]);
        tailBytes += sizes[size_t(last)];
    }
    head.append(QStringLiteral("[swb] history kept %1 of this invocation's %2 bytes of log "
                               "output; %3 lines in between were left out")
                    .arg(headBytes + tailBytes)
                    .arg(total)
                    .arg(last - first));
    return head + tail;
}

// The nearest-rank percentile of sorted values: the value at rank ceil(p/100 * n).
double nearestRank(const std::vector<double>& sorted, int percent)
{
    if (sorted.empty())
        return 0;
    const size_t n = sorted.size();
    const size_t rank = std::max<size_t>(1, (size_t(percent) * n + 99) / 100);
    return sorted[rank - 1];
}

} // namespace

struct HistoryStore::Writer {
    QString path;
    HistoryOptions options;
    QString connectionBase; // unique per store: Qt's connection names are process-wide
    QList<Diagnostic> warnings;
    mutable std::atomic<quint64> queryCounter{0};

    mutable std::mutex mutex;
    std::condition_variable wake; // to the writer thread
    std::condition_variable done; // to open() and flush()
    std::vector<PendingRow> pending;
    std::chrono::steady_clock::time_point firstPendingAt;
    quint64 requestedFlush = 0;
    quint64 completedFlush = 0;
    bool stopping = false;
    bool initialized = false;
    std::optional<Error> initError;
    std::optional<Error> lastError;
    quint64 lastErrorTicket = 0;
    qint64 dropped = 0;

    std::unique_ptr<QThread> thread;
    qint64 rowCount = 0; // writer thread only: invocations in the file, for retention by count

    qint64 now() const
    {
        return options.nowEpochMs ? options.nowEpochMs() : QDateTime::currentMSecsSinceEpoch();
    }
    void run();
    void loop(QSqlDatabase& db);
    Result<void> initialize(QSqlDatabase& db);
    Result<void> openAndMigrate(QSqlDatabase& db, QSqlError* corruption);
    Result<void> moveAside(const QSqlError& corruption);
    Result<void> write(QSqlDatabase& db, const std::vector<PendingRow>& rows);
    Result<qint64> enforceRetention(QSqlDatabase& db, qint64 count);

    template <typename T, typename F> Result<T> withConnection(F&& query) const;
};

void HistoryStore::Writer::run()
{
    const QString name = connectionBase + QStringLiteral("-writer");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        const Result<void> ready = initialize(db);
        {
            std::lock_guard lock(mutex);
            initialized = true;
            if (!ready)
                initError = ready.error();
        }
        done.notify_all();
        if (ready)
            loop(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void HistoryStore::Writer::loop(QSqlDatabase& db)
{
    const auto interval = std::chrono::milliseconds(std::max(1, options.flushIntervalMs));
    const size_t batchSize = size_t(std::max(1, options.flushBatchSize));
    std::unique_lock lock(mutex);
    for (;;) {
        const auto flushWanted = [&] { return requestedFlush > completedFlush; };
        wake.wait(lock, [&] { return stopping || flushWanted() || !pending.empty(); });
        if (!stopping && !flushWanted()) {
            wake.wait_until(lock, firstPendingAt + interval, [&] {
                return stopping || flushWanted() || pending.size() >= batchSize;
            });
        }
        std::vector<PendingRow> batch;
        batch.swap(pending);
        pending.reserve(std::min<size_t>(batchSize, 4096)); // record() seldom reallocates
        const quint64 ticket = requestedFlush;
        const bool stop = stopping;
        lock.unlock();

        // A flush() also trims by age when nothing is pending.
        const bool due = !batch.empty() || ticket > completedFlush;
        const Result<void> written = due ? write(db, batch) : Result<void>{};
        if (!written)
            qWarning("swb: %s", qPrintable(written.error().message));

        lock.lock();
        if (!written) {
            lastError = written.error();
            lastErrorTicket = ticket;
            dropped += qint64(batch.size());
        }
        completedFlush = ticket;
        done.notify_all();
        if (stop && pending.empty())
            return;
    }
}

Result<void> HistoryStore::Writer::initialize(QSqlDatabase& db)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot create the folder %1 for the history database %2; "
                                   "check that it is a folder you can write to.")
                        .arg(folder, path));
    }
    QSqlError corruption;
    Result<void> opened = openAndMigrate(db, &corruption);
    if (opened || !corruption.isValid())
        return opened;
    db.close();
    if (auto moved = moveAside(corruption); !moved)
        return moved;
    return openAndMigrate(db, nullptr);
}

Result<void> HistoryStore::Writer::openAndMigrate(QSqlDatabase& db, QSqlError* corruption)
{
    db.setDatabaseName(path);
    db.setConnectOptions(QString::fromLatin1(busyTimeout));
    if (!db.open())
        return std::unexpected(sqlError(path, QStringLiteral("open"), db.lastError()));

    QSqlQuery query(db);
    const auto run = [&](const QString& sql) -> Result<void> {
        if (query.exec(sql))
            return {};
        if (corruption && isCorruption(query.lastError()))
            *corruption = query.lastError();
        return std::unexpected(sqlError(path, QStringLiteral("set up"), query.lastError()));
    };
    // The first statement reads the header, which tells a SQLite file from anything else.
    if (auto ok = run(QStringLiteral("PRAGMA user_version")); !ok)
        return ok;
    query.next();
    int version = query.value(0).toInt();
    if (version > schemaVersion) {
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("The history database %1 was written by a newer Serverless "
                                   "Workbench (schema %2, this one knows %3); open it with that "
                                   "version or move the file away.")
                        .arg(path)
                        .arg(version)
                        .arg(schemaVersion));
    }
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"}) {
        if (auto ok = run(QString::fromLatin1(pragma)); !ok)
            return ok;
    }
    const auto& steps = migrations();
    while (version < schemaVersion) {
        if (auto ok = run(QStringLiteral("BEGIN IMMEDIATE")); !ok)
            return ok;
        for (const char* statement : steps[size_t(version)]) {
            if (auto ok = run(QString::fromLatin1(statement)); !ok) {
                query.exec(QStringLiteral("ROLLBACK"));
                return ok;
            }
        }
        ++version;
        if (auto ok = run(QStringLiteral("PRAGMA user_version=%1").arg(version)); !ok) {
            query.exec(QStringLiteral("ROLLBACK"));
            return ok;
        }
        if (auto ok = run(QStringLiteral("COMMIT")); !ok) {
            query.exec(QStringLiteral("ROLLBACK"));
            return ok;
        }
    }
    if (auto ok = run(QStringLiteral("SELECT count(*) FROM invocations")); !ok)
        return ok;
    query.next();
    rowCount = query.value(0).toLongLong();
    return {};
}

Result<void> HistoryStore::Writer::moveAside(const QSqlError& corruption)
{
    const QString stamp =
        QDateTime::fromMSecsSinceEpoch(now(), Qt::UTC).toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = path + QStringLiteral(".corrupt-%1-%2").arg(stamp).arg(n);
    if (!QFile::rename(path, aside)) {
        return fail(ErrorCode::Io,
                    QStringLiteral("The history database %1 is corrupt and cannot be moved aside "
                                   "to %2; move or delete it.")
                        .arg(path, aside));
    }
    // The journal belongs to the old file and must not be applied to the new one.
    const QString wal = path + QStringLiteral("-wal");
    if (QFileInfo::exists(wal))
        QFile::rename(wal, aside + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    QFile::remove(path + QStringLiteral("-journal"));
    Diagnostic warning;
    warning.severity = Severity::Warning;
    warning.file = path;
    warning.message = QStringLiteral("The history database could not be read (%1); it was moved "
                                     "to %2 and a new one was started.")
                          .arg(sqliteText(corruption), aside);
    warnings.append(warning);
    return {};
}

Result<void> HistoryStore::Writer::write(QSqlDatabase& db, const std::vector<PendingRow>& rows)
{
    const QString doing = QStringLiteral("write to");
    if (!db.transaction())
        return std::unexpected(sqlError(path, doing, db.lastError()));
    const auto rollback = [&](const QSqlError& error) -> Result<void> {
        db.rollback();
        return std::unexpected(sqlError(path, doing, error));
    };
    qint64 count = rowCount;
    {
        QSqlQuery insert(db);
        QSqlQuery insertLogs(db);
        if (!insert.prepare(QStringLiteral(
                "INSERT INTO invocations (request_id, function, instance_id, cold, outcome, "
                "error_type, started_at_ms, init_ms, duration_ms, billed_ms, memory_size_mb, "
                "max_memory_used_mb, response_bytes, logs_truncated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
            return rollback(insert.lastError());
        if (!insertLogs.prepare(
                QStringLiteral("INSERT INTO invocation_logs (invocation_id, text) VALUES (?, ?)")))
            return rollback(insertLogs.lastError());

        for (const PendingRow& row : rows) {
            bool capped = false;
            const QStringList lines = capLogs(row.logs, options.maxLogBytes, &capped);
            insert.addBindValue(row.requestId);
            insert.addBindValue(row.functionName);
            insert.addBindValue(qint64(row.instanceId));
            insert.addBindValue(int(row.coldStart));
            insert.addBindValue(outcomeName(row.outcome));
            insert.addBindValue(row.errorType.isNull() ? QStringLiteral("") : row.errorType);
            insert.addBindValue(row.startedAtEpochMs);
            insert.addBindValue(row.initDurationMs);
            insert.addBindValue(row.durationMs);
            insert.addBindValue(row.billedDurationMs);
            insert.addBindValue(row.memorySizeMb);
            insert.addBindValue(row.maxMemoryUsedMb);
            insert.addBindValue(row.responseBytes);
            insert.addBindValue(int(row.logsTruncated || capped));
            if (!insert.exec())
                return rollback(insert.lastError());
            ++count;
            if (lines.isEmpty())
                continue;
            insertLogs.addBindValue(insert.lastInsertId());
            insertLogs.addBindValue(qCompress(lines.join(QLatin1Char('\n')).toUtf8()));
            if (!insertLogs.exec())
                return rollback(insertLogs.lastError());
        }
    }
    const Result<qint64> kept = enforceRetention(db, count);
    if (!kept) {
        db.rollback();
        return std::unexpected(kept.error());
    }
    if (!db.commit())
        return rollback(db.lastError());
    rowCount = *kept;
    return {};
}

// Runs inside the write's transaction. Both deletes seek an index, so when nothing is due they
// cost a lookup; the count is kept in memory rather than counted on every flush.
Result<qint64> HistoryStore::Writer::enforceRetention(QSqlDatabase& db, qint64 count)
{
    QSqlQuery query(db);
    const auto deleteWhere = [&](const QString& selectIds, const QVariant& value) -> Result<int> {
        for (const QString& sql :
             {QStringLiteral("DELETE FROM invocation_logs WHERE invocation_id IN (%1)")
                  .arg(selectIds),
              QStringLiteral("DELETE FROM invocations WHERE id IN (%1)").arg(selectIds)}) {
            if (!query.prepare(sql))
                return std::unexpected(sqlError(path, QStringLiteral("trim"), query.lastError()));
            query.addBindValue(value);
            if (!query.exec())
                return std::unexpected(sqlError(path, QStringLiteral("trim"), query.lastError()));
        }
        return query.numRowsAffected();
    };
    if (options.maxAgeDays > 0) {
        const qint64 cutoff = now() - options.maxAgeDays * msPerDay;
        const auto deleted = deleteWhere(
            QStringLiteral("SELECT id FROM invocations WHERE started_at_ms < ?"), cutoff);
        if (!deleted)
            return std::unexpected(deleted.error());
        count -= *deleted;
    }
    if (options.maxInvocations > 0 && count > options.maxInvocations) {
        const auto deleted = deleteWhere(
            QStringLiteral("SELECT id FROM invocations ORDER BY started_at_ms, id LIMIT ?"),
            count - options.maxInvocations);
        if (!deleted)
            return std::unexpected(deleted.error());
        count -= *deleted;
    }
    return count;
}

template <typename T, typename F> Result<T> HistoryStore::Writer::withConnection(F&& query) const
{
    const QString name = QStringLiteral("%1-query-%2").arg(connectionBase).arg(queryCounter++);
    std::optional<Result<T>> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QString::fromLatin1(busyTimeout) +
                             QStringLiteral(";QSQLITE_OPEN_READONLY"));
        if (db.open())
            result = query(db);
        else
            result = std::unexpected(sqlError(path, QStringLiteral("open"), db.lastError()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return std::move(*result);
}

HistoryStore::HistoryStore(std::unique_ptr<Writer> writer) : m_writer(std::move(writer)) {}

Result<std::unique_ptr<HistoryStore>> HistoryStore::open(const QString& path,
                                                         HistoryOptions options)
{
    auto writer = std::make_unique<Writer>();
    writer->path = path;
    writer->options = std::move(options);
    writer->connectionBase =
        QStringLiteral("swb-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Writer* w = writer.get();
    writer->thread.reset(QThread::create([w] { w->run(); }));
    writer->thread->setObjectName(QStringLiteral("swb-history-writer"));
    writer->thread->start();
    {
        std::unique_lock lock(w->mutex);
        w->done.wait(lock, [w] { return w->initialized; });
    }
    if (w->initError) {
        w->thread->wait();
        return std::unexpected(*w->initError);
    }
    return std::unique_ptr<HistoryStore>(new HistoryStore(std::move(writer)));
}

QString HistoryStore::defaultPath(const QString& workspaceRoot)
{
    return QDir(workspaceRoot).filePath(QStringLiteral(".swb/history.sqlite"));
}

HistoryStore::~HistoryStore()
{
    {
        std::lock_guard lock(m_writer->mutex);
        m_writer->stopping = true;
    }
    m_writer->wake.notify_all();
    m_writer->thread->wait();
}

const QString& HistoryStore::path() const
{
    return m_writer->path;
}

const QList<Diagnostic>& HistoryStore::warnings() const
{
    return m_writer->warnings;
}

void HistoryStore::record(const InvocationRecord& record)
{
    PendingRow row{record.requestId,        record.functionName,   record.instanceId,
                   record.coldStart,        record.outcome,        record.errorType,
                   record.startedAtEpochMs, record.initDurationMs, record.durationMs,
                   record.billedDurationMs, record.memorySizeMb,   record.maxMemoryUsedMb,
                   record.payload.size(),   record.logs,           record.logsTruncated};
    Writer& w = *m_writer;
    bool notify = false;
    {
        std::lock_guard lock(w.mutex);
        if (w.pending.empty())
            w.firstPendingAt = std::chrono::steady_clock::now();
        w.pending.push_back(std::move(row));
        // The writer sleeps until a first record starts its timer, or until the batch is full.
        notify = w.pending.size() == 1 || w.pending.size() == size_t(w.options.flushBatchSize);
    }
    if (notify)
        w.wake.notify_one();
}

Result<void> HistoryStore::flush()
{
    Writer& w = *m_writer;
    std::unique_lock lock(w.mutex);
    const quint64 ticket = ++w.requestedFlush;
    w.wake.notify_one();
    w.done.wait(lock, [&] { return w.completedFlush >= ticket; });
    if (w.lastError && w.lastErrorTicket >= ticket)
        return std::unexpected(*w.lastError);
    return {};
}

qsizetype HistoryStore::pendingCount() const
{
    std::lock_guard lock(m_writer->mutex);
    return qsizetype(m_writer->pending.size());
}

std::optional<Error> HistoryStore::lastWriteError() const
{
    std::lock_guard lock(m_writer->mutex);
    return m_writer->lastError;
}

qint64 HistoryStore::droppedCount() const
{
    std::lock_guard lock(m_writer->mutex);
    return m_writer->dropped;
}

namespace {

// " WHERE function = ? AND started_at_ms >= ?", for whichever filter is set.
QString whereClause(const QString& function, std::optional<qint64> since)
{
    QStringList terms;
    if (!function.isEmpty())
        terms << QStringLiteral("function = ?");
    if (since)
        terms << QStringLiteral("started_at_ms >= ?");
    return terms.isEmpty() ? QString() : QStringLiteral(" WHERE ") + terms.join(u" AND ");
}

void bindFilter(QSqlQuery& query, const QString& function, std::optional<qint64> since)
{
    if (!function.isEmpty())
        query.addBindValue(function);
    if (since)
        query.addBindValue(*since);
}

} // namespace

Result<FunctionStats> HistoryStore::stats(const QString& function,
                                          std::optional<qint64> sinceEpochMs) const
{
    const QString& file = m_writer->path;
    return m_writer->withConnection<FunctionStats>([&](QSqlDatabase& db) -> Result<FunctionStats> {
        // One pass over the rows, which the function's index finds but has to fetch one by one:
        // a single query costs a third of one per aggregate. The percentiles are exact: the
        // durations are loaded and sorted (timings in docs/history.md).
        QSqlQuery query(db);
        query.setForwardOnly(true);
        bool ok = query.prepare(
            QStringLiteral("SELECT duration_ms, init_ms, cold, outcome = 'success', "
                           "outcome = 'throttled', outcome IN ('throttled', 'invalid-request'), "
                           "billed_ms, max_memory_used_mb FROM invocations") +
            whereClause(function, sinceEpochMs));
        if (ok) {
            bindFilter(query, function, sinceEpochMs);
            ok = query.exec();
        }
        if (!ok)
            return std::unexpected(sqlError(file, QStringLiteral("read"), query.lastError()));

        FunctionStats stats;
        std::vector<double> durations;
        std::vector<double> inits;
        while (query.next()) {
            ++stats.count;
            const bool cold = query.value(2).toInt() != 0;
            if (query.value(3).toInt() == 0)
                ++stats.errorCount;
            if (query.value(4).toInt() != 0)
                ++stats.throttledCount;
            if (query.value(5).toInt() == 0) { // it reached an instance
                ++stats.ranCount;
                durations.push_back(query.value(0).toDouble());
            }
            if (cold) {
                ++stats.coldCount;
                inits.push_back(query.value(1).toDouble());
            }
            stats.billedMsTotal += query.value(6).toLongLong();
            stats.maxMemoryUsedMb = std::max(stats.maxMemoryUsedMb, query.value(7).toInt());
        }
        if (query.lastError().isValid())
            return std::unexpected(sqlError(file, QStringLiteral("read"), query.lastError()));

        stats.coldShare = stats.ranCount > 0 ? double(stats.coldCount) / double(stats.ranCount) : 0;
        std::sort(durations.begin(), durations.end());
        stats.durationP50Ms = nearestRank(durations, 50);
        stats.durationP90Ms = nearestRank(durations, 90);
        stats.durationP95Ms = nearestRank(durations, 95);
        stats.durationP99Ms = nearestRank(durations, 99);
        for (const double d : durations) {
            const qint64 ms = std::max<qint64>(0, qint64(std::ceil(d - 1e-9)));
            if (!stats.durationMsCounts.isEmpty() && stats.durationMsCounts.last().first == ms)
                ++stats.durationMsCounts.last().second;
            else
                stats.durationMsCounts.append({ms, 1});
        }
        std::sort(inits.begin(), inits.end());
        if (!inits.empty())
            stats.initMeanMs =
                std::accumulate(inits.begin(), inits.end(), 0.0) / double(inits.size());
        stats.initP50Ms = nearestRank(inits, 50);
        stats.initP95Ms = nearestRank(inits, 95);
        return stats;
    });
}

Result<QList<InvocationSummary>> HistoryStore::recent(const QString& function, int limit) const
{
    const QString& file = m_writer->path;
    return m_writer->withConnection<QList<InvocationSummary>>(
        [&](QSqlDatabase& db) -> Result<QList<InvocationSummary>> {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            const bool ok =
                query.prepare(QStringLiteral("SELECT request_id, function, instance_id, cold, "
                                             "outcome, error_type, started_at_ms, init_ms, "
                                             "duration_ms, billed_ms, memory_size_mb, "
                                             "max_memory_used_mb, response_bytes, logs_truncated "
                                             "FROM invocations") +
                              whereClause(function, std::nullopt) +
                              QStringLiteral(" ORDER BY started_at_ms DESC, id DESC LIMIT ?"));
            if (ok) {
                bindFilter(query, function, std::nullopt);
                query.addBindValue(std::max(0, limit));
            }
            if (!ok || !query.exec())
                return std::unexpected(sqlError(file, QStringLiteral("read"), query.lastError()));
            QList<InvocationSummary> rows;
            while (query.next()) {
                InvocationSummary s;
                s.requestId = query.value(0).toString();
                s.functionName = query.value(1).toString();
                s.instanceId = quint64(query.value(2).toLongLong());
                s.coldStart = query.value(3).toInt() != 0;
                s.outcome = outcomeFromName(query.value(4).toString());
                s.errorType = query.value(5).toString();
                s.startedAtEpochMs = query.value(6).toLongLong();
                s.initDurationMs = query.value(7).toDouble();
                s.durationMs = query.value(8).toDouble();
                s.billedDurationMs = query.value(9).toLongLong();
                s.memorySizeMb = query.value(10).toInt();
                s.maxMemoryUsedMb = query.value(11).toInt();
                s.responseBytes = query.value(12).toLongLong();
                s.logsTruncated = query.value(13).toInt() != 0;
                rows.append(s);
            }
            if (query.lastError().isValid())
                return std::unexpected(sqlError(file, QStringLiteral("read"), query.lastError()));
            return rows;
        });
}

Result<QStringList> HistoryStore::logs(const QString& requestId) const
{
    const QString& file = m_writer->path;
    return m_writer->withConnection<QStringList>([&](QSqlDatabase& db) -> Result<QStringList> {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        const bool ok = query.prepare(QStringLiteral(
            "SELECT l.text FROM invocations i LEFT JOIN invocation_logs l "
            "ON l.invocation_id = i.id WHERE i.request_id = ? ORDER BY i.id DESC LIMIT 1"));
        if (ok)
            query.addBindValue(requestId);
        if (!ok || !query.exec())
            return std::unexpected(sqlError(file, QStringLiteral("read"), query.lastError()));
        if (!query.next()) {
            if (query.lastError().isValid())
                return std::unexpected(sqlError(file, QStringLiteral("read"), query.lastError()));
            return fail(ErrorCode::NotFound,
                        QStringLiteral("The history database %1 has no invocation with request "
                                       "id %2.")
                            .arg(file, requestId));
        }
        if (query.value(0).isNull())
            return QStringList();
        const QByteArray compressed = query.value(0).toByteArray();
        const QByteArray text = qUncompress(compressed);
        // qCompress() starts with the uncompressed length, big-endian.
        const bool expectedText =
            compressed.size() >= 4 && qFromBigEndian<quint32>(compressed.constData()) != 0;
        if (text.isEmpty() && expectedText) {
            return fail(ErrorCode::Io, QStringLiteral("The logs of request %1 in the history "
                                                      "database %2 are damaged.")
                                           .arg(requestId, file));
        }
        return QString::fromUtf8(text).split(QLatin1Char('\n'));
    });
}

Result<QStringList> HistoryStore::functions() const
{
    const QString& file = m_writer->path;
    return m_writer->withConnection<QStringList>([&](QSqlDatabase& db) -> Result<QStringList> {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(
                QStringLiteral("SELECT DISTINCT function FROM invocations ORDER BY function")))
            return std::unexpected(sqlError(file, QStringLiteral("read"), query.lastError()));
        QStringList names;
        while (query.next())
            names.append(query.value(0).toString());
        if (query.lastError().isValid())
            return std::unexpected(sqlError(file, QStringLiteral("read"), query.lastError()));
        return names;
    });
}

} // namespace swb
