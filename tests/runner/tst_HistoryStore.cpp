#include "HistoryStore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>

using namespace swb;

// QVERIFY2 evaluates its message even when the check passes, so guard error().
#define QVERIFY_OK(result)                                                                         \
    QVERIFY2((result).has_value(),                                                                 \
             (result).has_value() ? "" : qPrintable((result).error().toString()))

namespace {

// A minute ago: well inside the default retention of 30 days.
const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 60'000;

InvocationRecord invocation(const QString& function, int n, double durationMs,
                            qint64 startedAtEpochMs = t0)
{
    InvocationRecord r;
    r.requestId = QStringLiteral("req-%1-%2").arg(function).arg(n);
    r.functionName = function;
    r.instanceId = quint64(n % 7 + 1);
    r.durationMs = durationMs;
    r.billedDurationMs = qint64(std::ceil(durationMs));
    r.startedAtEpochMs = startedAtEpochMs;
    r.memorySizeMb = 128;
    r.maxMemoryUsedMb = 40;
    return r;
}

qint64 storedCount(const HistoryStore& store, const QString& function = {})
{
    const auto stats = store.stats(function);
    return stats ? stats->count : -1;
}

// Options that never write on their own: only flush() (or the destructor) does.
HistoryOptions manualFlush()
{
    HistoryOptions o;
    o.flushIntervalMs = 3'600'000;
    o.flushBatchSize = 1'000'000;
    return o;
}

} // namespace

class tst_HistoryStore : public QObject {
    Q_OBJECT
private slots:
    void percentilesByNearestRank();
    void percentilesOfSmallSets_data();
    void percentilesOfSmallSets();
    void coldShareErrorsBilledAndMemory();
    void throttledInvocationsCountButDoNotRun();
    void statsSinceAStartTime();
    void durationCountsByMillisecond();
    void emptyFunctionNameMeansEveryFunction();
    void recentIsNewestFirstWithEveryField();
    void everyOutcomeRoundTrips();
    void logsRoundTrip();
    void unknownRequestIdIsNotFound();
    void longLogsKeepHeadAndTail();
    void functionsAreListedSorted();
    void retentionDeletesOldestBeyondCount();
    void retentionDeletesOlderThanMaxAge();
    void nothingIsWrittenUntilFlush();
    void fullBatchIsWrittenWithoutFlush();
    void timerWritesPendingRecords();
    void destructorWritesPendingAndReopenKeepsData();
    void corruptFileIsMovedAside();
    void uncreatableFolderIsAnError();
    void newerSchemaIsRefused();
    void queryErrorNamesTheFile();
    void twoStoresInOneProcess();
    void queriesFromAnotherThreadWhileRecording();
};

void tst_HistoryStore::percentilesByNearestRank()
{
    // Nearest rank: the P-th percentile of N sorted values is the one at rank ceil(P/100 * N)
    // (NIST / Wikipedia "Percentile", nearest-rank method). Durations 1..100 ms, recorded in a
    // shuffled order, so p50 = 50, p90 = 90, p95 = 95, p99 = 99.
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), manualFlush());
    QVERIFY_OK(store);
    QList<int> order;
    for (int i = 1; i <= 100; ++i)
        order.append(i);
    std::shuffle(order.begin(), order.end(), *QRandomGenerator::global());
    for (int i : order)
        (*store)->record(invocation(QStringLiteral("f"), i, i));
    for (int i = 1; i <= 5; ++i) // another function's slower calls must not count
        (*store)->record(invocation(QStringLiteral("other"), i, 1000 + i));
    QVERIFY((*store)->flush());

    const auto stats = (*store)->stats(QStringLiteral("f"));
    QVERIFY_OK(stats);
    QCOMPARE(stats->count, 100);
    QCOMPARE(stats->durationP50Ms, 50.0);
    QCOMPARE(stats->durationP90Ms, 90.0);
    QCOMPARE(stats->durationP95Ms, 95.0);
    QCOMPARE(stats->durationP99Ms, 99.0);
}

void tst_HistoryStore::percentilesOfSmallSets_data()
{
    QTest::addColumn<QList<double>>("durations");
    QTest::addColumn<double>("p50");
    QTest::addColumn<double>("p90");
    QTest::addColumn<double>("p95");
    QTest::addColumn<double>("p99");
    // Wikipedia "Percentile", nearest-rank worked examples.
    QTest::newRow("15 20 35 40 50")
        << QList<double>{15, 20, 35, 40, 50} << 35.0 << 50.0 << 50.0 << 50.0;
    QTest::newRow("3 6 7 8 8 10 13 15 16 20")
        << QList<double>{3, 6, 7, 8, 8, 10, 13, 15, 16, 20} << 8.0 << 16.0 << 20.0 << 20.0;
    QTest::newRow("one value") << QList<double>{2.5} << 2.5 << 2.5 << 2.5 << 2.5;
    QTest::newRow("none") << QList<double>{} << 0.0 << 0.0 << 0.0 << 0.0;
}

void tst_HistoryStore::percentilesOfSmallSets()
{
    QFETCH(QList<double>, durations);
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), manualFlush());
    QVERIFY(store);
    for (int i = 0; i < durations.size(); ++i)
        (*store)->record(invocation(QStringLiteral("f"), i, durations[i]));
    QVERIFY((*store)->flush());
    const auto stats = (*store)->stats(QStringLiteral("f"));
    QVERIFY(stats);
    QCOMPARE(stats->count, durations.size());
    QTEST(stats->durationP50Ms, "p50");
    QTEST(stats->durationP90Ms, "p90");
    QTEST(stats->durationP95Ms, "p95");
    QTEST(stats->durationP99Ms, "p99");
}

void tst_HistoryStore::coldShareErrorsBilledAndMemory()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), manualFlush());
    QVERIFY(store);
    qint64 billedTotal = 0;
    for (int i = 1; i <= 100; ++i) {
        InvocationRecord r = invocation(QStringLiteral("f"), i, i);
        r.coldStart = i % 10 == 0; // 10 cold starts, init 100, 200, ..., 1000 ms
        r.initDurationMs = r.coldStart ? i * 10 : 0;
        r.billedDurationMs = billedDurationMs(r.durationMs, r.initDurationMs, r.coldStart);
        r.maxMemoryUsedMb = 40 + i;
        if (i % 25 == 0) {
            r.outcome = InvocationOutcome::FunctionError;
            r.errorType = QStringLiteral("Unhandled");
        }
        billedTotal += r.billedDurationMs;
        (*store)->record(r);
    }
    QVERIFY((*store)->flush());
    const auto stats = (*store)->stats(QStringLiteral("f"));
    QVERIFY(stats);
    QCOMPARE(stats->count, 100);
    QCOMPARE(stats->ranCount, 100);
    QCOMPARE(stats->coldCount, 10);
    QCOMPARE(stats->coldShare, 0.1);
    QCOMPARE(stats->errorCount, 4);
    QCOMPARE(stats->initP50Ms, 500.0);  // rank ceil(0.50 * 10) = 5
    QCOMPARE(stats->initP95Ms, 1000.0); // rank ceil(0.95 * 10) = 10
    QCOMPARE(stats->billedMsTotal, billedTotal);
    QCOMPARE(billedTotal, 5050 + 5500); // durations 1..100 plus the ten inits
    QCOMPARE(stats->maxMemoryUsedMb, 140);
    QCOMPARE(stats->initMeanMs, 550.0); // (100 + ... + 1000) / 10
}

// The cost engine prices measured traffic per invocation, so the store gives the durations
// rounded up to the millisecond with their counts.
void tst_HistoryStore::durationCountsByMillisecond()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), manualFlush());
    QVERIFY(store);
    int i = 0;
    for (const double d : {0.4, 1.0, 1.2, 1.9, 7.0, 7.01, 250.5})
        (*store)->record(invocation(QStringLiteral("f"), ++i, d));
    InvocationRecord throttled = invocation(QStringLiteral("f"), ++i, 3);
    throttled.outcome = InvocationOutcome::Throttled;
    (*store)->record(throttled); // never ran: not priced
    QVERIFY((*store)->flush());
    const auto stats = (*store)->stats(QStringLiteral("f"));
    QVERIFY(stats);
    const QList<std::pair<qint64, qint64>> expected = {{1, 2}, {2, 2}, {7, 1}, {8, 1}, {251, 1}};
    QCOMPARE(stats->durationMsCounts, expected);
}

void tst_HistoryStore::throttledInvocationsCountButDoNotRun()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), manualFlush());
    QVERIFY(store);
    for (int i = 1; i <= 4; ++i) {
        InvocationRecord r = invocation(QStringLiteral("f"), i, 100);
        r.coldStart = i == 1;
        (*store)->record(r);
    }
    for (int i = 5; i <= 10; ++i) {
        InvocationRecord r = invocation(QStringLiteral("f"), i, 0);
        r.outcome = InvocationOutcome::Throttled;
        r.errorType = QStringLiteral("TooManyRequestsException");
        r.billedDurationMs = 0;
        (*store)->record(r);
    }
    QVERIFY((*store)->flush());
    const auto stats = (*store)->stats(QStringLiteral("f"));
    QVERIFY(stats);
    QCOMPARE(stats->count, 10);
    QCOMPARE(stats->ranCount, 4);
    QCOMPARE(stats->throttledCount, 6);
    QCOMPARE(stats->errorCount, 6);
    QCOMPARE(stats->coldShare, 0.25);
    QCOMPARE(stats->durationP50Ms, 100.0); // the throttled zeros are not durations
}

void tst_HistoryStore::statsSinceAStartTime()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), manualFlush());
    QVERIFY(store);
    for (int i = 1; i <= 10; ++i)
        (*store)->record(invocation(QStringLiteral("f"), i, i, t0 + i * 1000));
    QVERIFY((*store)->flush());
    const auto stats = (*store)->stats(QStringLiteral("f"), t0 + 7000);
    QVERIFY(stats);
    QCOMPARE(stats->count, 4); // 7, 8, 9, 10: the bound is inclusive
    QCOMPARE(stats->durationP50Ms, 8.0);
}

void tst_HistoryStore::emptyFunctionNameMeansEveryFunction()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), manualFlush());
    QVERIFY(store);
    (*store)->record(invocation(QStringLiteral("a"), 1, 10));
    (*store)->record(invocation(QStringLiteral("b"), 1, 20));
    (*store)->record(invocation(QStringLiteral("b"), 2, 30));
    QVERIFY((*store)->flush());
    QCOMPARE(storedCount(**store), 3);
    QCOMPARE(storedCount(**store, QStringLiteral("b")), 2);
    QCOMPARE(storedCount(**store, QStringLiteral("nope")), 0);
    const auto all = (*store)->recent({}, 10);
    QVERIFY(all);
    QCOMPARE(all->size(), 3);
}

void tst_HistoryStore::recentIsNewestFirstWithEveryField()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), manualFlush());
    QVERIFY(store);
    InvocationRecord a = invocation(QStringLiteral("f"), 1, 1.25, t0 + 1000);
    InvocationRecord b = invocation(QStringLiteral("f"), 2, 2.5, t0 + 3000);
    b.coldStart = true;
    b.initDurationMs = 123.75;
    b.billedDurationMs = 127;
    b.instanceId = 42;
    b.outcome = InvocationOutcome::Timeout;
    b.errorType = QStringLiteral("Sandbox.Timedout");
    b.payload = QByteArray(777, 'x');
    b.memorySizeMb = 512;
    b.maxMemoryUsedMb = 77;
    b.logsTruncated = true;
    InvocationRecord c = invocation(QStringLiteral("f"), 3, 3, t0 + 2000);
    for (const auto& r : {a, b, c})
        (*store)->record(r);
    QVERIFY((*store)->flush());

    const auto recent = (*store)->recent(QStringLiteral("f"), 2);
    QVERIFY_OK(recent);
    QCOMPARE(recent->size(), 2);
    QCOMPARE(recent->at(0).requestId, b.requestId);
    QCOMPARE(recent->at(1).requestId, c.requestId);
    const InvocationSummary& s = recent->at(0);
    QCOMPARE(s.functionName, QStringLiteral("f"));
    QCOMPARE(s.instanceId, 42u);
    QCOMPARE(s.coldStart, true);
    QCOMPARE(s.outcome, InvocationOutcome::Timeout);
    QCOMPARE(s.errorType, QStringLiteral("Sandbox.Timedout"));
    QCOMPARE(s.startedAtEpochMs, t0 + 3000);
    QCOMPARE(s.initDurationMs, 123.75);
    QCOMPARE(s.durationMs, 2.5);
    QCOMPARE(s.billedDurationMs, 127);
    QCOMPARE(s.memorySizeMb, 512);
    QCOMPARE(s.maxMemoryUsedMb, 77);
    QCOMPARE(s.responseBytes, 777); // the size, not the response
    QCOMPARE(s.logsTruncated, true);
    QCOMPARE(recent->at(1).outcome, InvocationOutcome::Success);
    QCOMPARE(recent->at(1).errorType, QString());
}

void tst_HistoryStore::everyOutcomeRoundTrips()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), manualFlush());
    QVERIFY(store);
    QList<InvocationOutcome> outcomes;
    for (int i = 0; outcomeName(InvocationOutcome(i)) != QStringLiteral("unknown"); ++i) {
        outcomes.append(InvocationOutcome(i));
        InvocationRecord r = invocation(QStringLiteral("f"), i, 1, t0 + i);
        r.outcome = outcomes.last();
        (*store)->record(r);
    }
    QVERIFY(outcomes.size() >= 8);
    QVERIFY((*store)->flush());
    const auto recent = (*store)->recent(QStringLiteral("f"), 100);
    QVERIFY(recent);
    QCOMPARE(recent->size(), outcomes.size());
    for (qsizetype i = 0; i < outcomes.size(); ++i) // newest first
        QCOMPARE(recent->at(outcomes.size() - 1 - i).outcome, outcomes[i]);
}

void tst_HistoryStore::logsRoundTrip()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), manualFlush());
    QVERIFY(store);
    InvocationRecord r = invocation(QStringLiteral("f"), 1, 12.5);
    r.logs = QStringList{r.startLine(), QStringLiteral("héllo wörld ✓ 🚀"),
                         QString(),     QStringLiteral("\tindented"),
                         r.endLine(),   r.reportLine()};
    (*store)->record(r);
    InvocationRecord quiet = invocation(QStringLiteral("f"), 2, 1);
    (*store)->record(quiet);
    QVERIFY((*store)->flush());
    const auto logs = (*store)->logs(r.requestId);
    QVERIFY_OK(logs);
    QCOMPARE(*logs, r.logs);
    const auto none = (*store)->logs(quiet.requestId);
    QVERIFY(none);
    QCOMPARE(*none, QStringList());
}

void tst_HistoryStore::unknownRequestIdIsNotFound()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    auto store = HistoryStore::open(path, manualFlush());
    QVERIFY(store);
    const auto logs = (*store)->logs(QStringLiteral("nope"));
    QVERIFY(!logs);
    QCOMPARE(logs.error().code, ErrorCode::NotFound);
    QCOMPARE(logs.error().message,
             QStringLiteral("The history database %1 has no invocation with request id nope.")
                 .arg(path));
}

void tst_HistoryStore::longLogsKeepHeadAndTail()
{
    QTemporaryDir dir;
    HistoryOptions options = manualFlush();
    options.maxLogBytes = 64 * 1024;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), options);
    QVERIFY(store);
    InvocationRecord r = invocation(QStringLiteral("f"), 1, 1);
    r.logs.append(r.startLine());
    for (int i = 0; i < 10'000; ++i) // 10000 lines of 100 bytes: about 1 MB
        r.logs.append(
            QStringLiteral("line %1 ").arg(i, 5, 10, QLatin1Char('0')).leftJustified(99, u'.'));
    r.logs.append(r.endLine());
    r.logs.append(r.reportLine());
    (*store)->record(r);
    QVERIFY((*store)->flush());

    const auto logs = (*store)->logs(r.requestId);
    QVERIFY(logs);
    QCOMPARE(logs->first(), r.startLine());
    QCOMPARE(logs->last(), r.reportLine());
    QVERIFY(logs->join(QLatin1Char('\n')).toUtf8().size() <= 64 * 1024);
    QVERIFY(logs->size() > 500); // most of the budget is used
    const auto marker = std::find_if(logs->begin(), logs->end(), [](const QString& line) {
        return line.startsWith(QStringLiteral("[swb] history kept "));
    });
    QVERIFY(marker != logs->end());
    QVERIFY(marker->contains(QStringLiteral("of this invocation's %1 bytes of log output")
                                 .arg(r.logs.join(QLatin1Char('\n')).toUtf8().size() + 1)));
    const auto recent = (*store)->recent(QStringLiteral("f"), 1);
    QVERIFY(recent);
    QCOMPARE(recent->first().logsTruncated, true);
}

void tst_HistoryStore::functionsAreListedSorted()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), manualFlush());
    QVERIFY(store);
    for (const char* name : {"zeta", "alpha", "mid", "alpha"})
        (*store)->record(invocation(QString::fromLatin1(name), 1, 1));
    QVERIFY((*store)->flush());
    const auto functions = (*store)->functions();
    QVERIFY(functions);
    QCOMPARE(*functions,
             (QStringList{QStringLiteral("alpha"), QStringLiteral("mid"), QStringLiteral("zeta")}));
}

void tst_HistoryStore::retentionDeletesOldestBeyondCount()
{
    QTemporaryDir dir;
    HistoryOptions options = manualFlush();
    options.maxInvocations = 10;
    options.maxAgeDays = 0;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), options);
    QVERIFY(store);
    QList<int> order;
    for (int i = 1; i <= 25; ++i)
        order.append(i);
    std::shuffle(order.begin(), order.end(), *QRandomGenerator::global());
    for (int i : order) {
        InvocationRecord r = invocation(QStringLiteral("f"), i, i, i * 1000);
        r.logs = QStringList{QStringLiteral("line of %1").arg(i)};
        (*store)->record(r);
    }
    QVERIFY((*store)->flush());
    QCOMPARE(storedCount(**store), 10);
    const auto recent = (*store)->recent(QStringLiteral("f"), 100);
    QVERIFY(recent);
    QCOMPARE(recent->size(), 10);
    QCOMPARE(recent->last().startedAtEpochMs, 16'000);    // the oldest kept is the 16th
    QVERIFY(!(*store)->logs(QStringLiteral("req-f-15"))); // logs go with their invocation
    QCOMPARE(*(*store)->logs(QStringLiteral("req-f-16")),
             QStringList{QStringLiteral("line of 16")});

    for (int i = 26; i <= 30; ++i)
        (*store)->record(invocation(QStringLiteral("f"), i, i, i * 1000));
    QVERIFY((*store)->flush());
    QCOMPARE(storedCount(**store), 10);
    QCOMPARE((*store)->recent(QStringLiteral("f"), 100)->last().startedAtEpochMs, 21'000);
}

void tst_HistoryStore::retentionDeletesOlderThanMaxAge()
{
    QTemporaryDir dir;
    const qint64 day = 24LL * 60 * 60 * 1000;
    auto now = std::make_shared<std::atomic<qint64>>(1'750'000'000'000);
    HistoryOptions options = manualFlush();
    options.maxAgeDays = 30;
    options.nowEpochMs = [now] { return now->load(); };
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), options);
    QVERIFY(store);
    (*store)->record(invocation(QStringLiteral("f"), 1, 1, *now - 31 * day));
    (*store)->record(invocation(QStringLiteral("f"), 2, 2, *now - 30 * day)); // exactly 30 days
    (*store)->record(invocation(QStringLiteral("f"), 3, 3, *now - 29 * day));
    (*store)->record(invocation(QStringLiteral("f"), 4, 4, *now - 1 * day));
    QVERIFY((*store)->flush());
    QCOMPARE(storedCount(**store), 3);

    *now += 2 * day; // a flush with nothing pending trims too
    QVERIFY((*store)->flush());
    QCOMPARE(storedCount(**store), 1);
    QCOMPARE((*store)->recent(QStringLiteral("f"), 10)->first().requestId,
             QStringLiteral("req-f-4"));
}

void tst_HistoryStore::nothingIsWrittenUntilFlush()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), manualFlush());
    QVERIFY(store);
    for (int i = 0; i < 1000; ++i)
        (*store)->record(invocation(QStringLiteral("f"), i, i));
    QCOMPARE((*store)->pendingCount(), 1000);
    QCOMPARE(storedCount(**store), 0);
    QVERIFY((*store)->flush());
    QCOMPARE((*store)->pendingCount(), 0);
    QCOMPARE(storedCount(**store), 1000);
}

void tst_HistoryStore::fullBatchIsWrittenWithoutFlush()
{
    QTemporaryDir dir;
    HistoryOptions options = manualFlush();
    options.flushBatchSize = 500;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), options);
    QVERIFY(store);
    for (int i = 0; i < 499; ++i)
        (*store)->record(invocation(QStringLiteral("f"), i, i));
    QCOMPARE(storedCount(**store), 0); // the timer is an hour away and the batch is not full
    (*store)->record(invocation(QStringLiteral("f"), 499, 499));
    QTRY_COMPARE(storedCount(**store), 500);
    QCOMPARE((*store)->pendingCount(), 0);
}

void tst_HistoryStore::timerWritesPendingRecords()
{
    QTemporaryDir dir;
    HistoryOptions options;
    options.flushIntervalMs = 100;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), options);
    QVERIFY(store);
    for (int i = 0; i < 3; ++i)
        (*store)->record(invocation(QStringLiteral("f"), i, i));
    QTRY_COMPARE(storedCount(**store), 3);
    (*store)->record(invocation(QStringLiteral("f"), 3, 3)); // the next batch has its own timer
    QTRY_COMPARE(storedCount(**store), 4);
}

void tst_HistoryStore::destructorWritesPendingAndReopenKeepsData()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral(".swb/history.sqlite"));
    QCOMPARE(HistoryStore::defaultPath(dir.path()), path);
    {
        auto store = HistoryStore::open(path, manualFlush()); // creates .swb/
        QVERIFY_OK(store);
        for (int i = 1; i <= 10; ++i)
            (*store)->record(invocation(QStringLiteral("f"), i, i));
    }
    auto reopened = HistoryStore::open(path, manualFlush());
    QVERIFY(reopened);
    QVERIFY((*reopened)->warnings().isEmpty());
    QCOMPARE(storedCount(**reopened), 10);
    (*reopened)->record(invocation(QStringLiteral("f"), 11, 11));
    QVERIFY((*reopened)->flush());
    QCOMPARE(storedCount(**reopened), 11);
}

void tst_HistoryStore::corruptFileIsMovedAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    const QByteArray garbage = QByteArray("this is not SQLite at all, just garbage ").repeated(200);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    HistoryOptions options = manualFlush();
    const qint64 now = QDateTime(QDate(2025, 3, 4), QTime(5, 6, 7), Qt::UTC).toMSecsSinceEpoch();
    options.nowEpochMs = [now] { return now; };
    auto store = HistoryStore::open(path, options);
    QVERIFY_OK(store);

    const QString aside = path + QStringLiteral(".corrupt-20250304-050607");
    QCOMPARE((*store)->warnings().size(), 1);
    const Diagnostic& warning = (*store)->warnings().first();
    QCOMPARE(warning.severity, Severity::Warning);
    QCOMPARE(warning.file, path);
    QCOMPARE(warning.message,
             QStringLiteral("The history database could not be read (file is not a database); "
                            "it was moved to %1 and a new one was started.")
                 .arg(aside));
    QFile moved(aside);
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), garbage); // the user's file is kept as it was

    (*store)->record(invocation(QStringLiteral("f"), 1, 1));
    QVERIFY((*store)->flush());
    QCOMPARE(storedCount(**store), 1);
}

void tst_HistoryStore::uncreatableFolderIsAnError()
{
    // Tests run as root in CI, where permissions do not stop mkdir: a regular file in the way
    // does.
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("afile"));
    {
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const QString path = blocker + QStringLiteral("/history.sqlite");
    const auto store = HistoryStore::open(path);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::Io);
    QCOMPARE(store.error().message,
             QStringLiteral("Cannot create the folder %1 for the history database %2; check that "
                            "it is a folder you can write to.")
                 .arg(blocker, path));
}

void tst_HistoryStore::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        auto store = HistoryStore::open(path, manualFlush());
        QVERIFY(store);
        (*store)->record(invocation(QStringLiteral("f"), 1, 1));
    } // the last connection checkpoints the journal into the file
    {
        // The SQLite file format keeps user_version, big-endian, at byte offset 60 of the header
        // (https://www.sqlite.org/fileformat2.html#database_header).
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(60));
        QCOMPARE(file.write(QByteArray("\x00\x00\x00\x63", 4)), 4); // 99
    }
    const auto store = HistoryStore::open(path);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::Unsupported);
    QCOMPARE(store.error().message,
             QStringLiteral("The history database %1 was written by a newer Serverless Workbench "
                            "(schema 99, this one knows %2); open it with that version or move "
                            "the file away.")
                 .arg(path)
                 .arg(HistoryStore::schemaVersion));
}

void tst_HistoryStore::queryErrorNamesTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    auto store = HistoryStore::open(path, manualFlush());
    QVERIFY(store);
    QVERIFY(QFile::remove(path)); // queries open the file anew, read-only: it must exist
    const auto stats = (*store)->stats(QStringLiteral("f"));
    QVERIFY(!stats);
    QCOMPARE(stats.error().code, ErrorCode::Io);
    QCOMPARE(stats.error().message,
             QStringLiteral("Cannot open the history database %1: unable to open database file.")
                 .arg(path));
}

void tst_HistoryStore::twoStoresInOneProcess()
{
    QTemporaryDir dir;
    auto a = HistoryStore::open(dir.filePath(QStringLiteral("a/history.sqlite")), manualFlush());
    auto b = HistoryStore::open(dir.filePath(QStringLiteral("b/history.sqlite")), manualFlush());
    QVERIFY(a);
    QVERIFY(b);
    for (int i = 0; i < 3; ++i)
        (*a)->record(invocation(QStringLiteral("fa"), i, i));
    for (int i = 0; i < 5; ++i)
        (*b)->record(invocation(QStringLiteral("fb"), i, i));
    QVERIFY((*a)->flush());
    QVERIFY((*b)->flush());
    QCOMPARE(*(*a)->functions(), QStringList{QStringLiteral("fa")});
    QCOMPARE(*(*b)->functions(), QStringList{QStringLiteral("fb")});
    QCOMPARE(storedCount(**a), 3);
    QCOMPARE(storedCount(**b), 5);
    a->reset(); // closing one leaves the other working
    (*b)->record(invocation(QStringLiteral("fb"), 5, 5));
    QVERIFY((*b)->flush());
    QCOMPARE(storedCount(**b), 6);
}

void tst_HistoryStore::queriesFromAnotherThreadWhileRecording()
{
    QTemporaryDir dir;
    HistoryOptions options;
    options.flushIntervalMs = 5;
    options.flushBatchSize = 50;
    auto store = HistoryStore::open(dir.filePath(QStringLiteral("history.sqlite")), options);
    QVERIFY(store);
    HistoryStore* s = store->get();
    std::atomic<bool> done = false;
    std::atomic<int> queries = 0;
    std::atomic<int> failures = 0;
    std::unique_ptr<QThread> reader(QThread::create([&] {
        while (!done) {
            const auto stats = s->stats(QStringLiteral("f"));
            const auto recent = s->recent(QStringLiteral("f"), 5);
            if (!stats || !recent)
                ++failures;
            ++queries;
        }
    }));
    reader->start();
    for (int i = 0; i < 2000; ++i)
        s->record(invocation(QStringLiteral("f"), i, i));
    QTRY_VERIFY(queries > 3);
    QVERIFY(s->flush());
    done = true;
    reader->wait();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(storedCount(*s), 2000);
}

QTEST_GUILESS_MAIN(tst_HistoryStore)
#include "tst_HistoryStore.moc"
