#include "Runner.h"
#include "TimelineModel.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace swb;
using K = RunnerEvent::Kind;

namespace {

RunnerEvent ev(K kind, qint64 atMs, const QString& function, quint64 instance = 0,
               const QString& requestId = {}, const QString& text = {})
{
    return RunnerEvent{kind, atMs, function, instance, requestId, text};
}

// A cold invocation on a new instance: spawn at t, ready at t + initMs, done at t + init + run.
void coldInvocation(TimelineModel& model, const QString& f, quint64 instance, qint64 t,
                    qint64 initMs, qint64 runMs, const QString& rid,
                    const QString& outcome = QStringLiteral("success"))
{
    model.add(ev(K::InstanceStarted, t, f, instance));
    model.add(ev(K::InvocationStarted, t, f, instance, rid, QStringLiteral("cold")));
    model.add(ev(K::InstanceReady, t + initMs, f, instance));
    model.add(ev(K::InvocationFinished, t + initMs + runMs, f, instance, rid, outcome));
}

void warmInvocation(TimelineModel& model, const QString& f, quint64 instance, qint64 t,
                    qint64 runMs, const QString& rid)
{
    model.add(ev(K::InstanceThawed, t, f, instance));
    model.add(ev(K::InvocationStarted, t, f, instance, rid, QStringLiteral("warm")));
    model.add(ev(K::InvocationFinished, t + runMs, f, instance, rid, QStringLiteral("success")));
    model.add(ev(K::InstanceFrozen, t + runMs, f, instance));
}

} // namespace

class tst_TimelineModel : public QObject {
    Q_OBJECT
private slots:
    void advanceToMovesTheClockForRunningBars();
    void coldStartHasInitSegmentFromSpawnToReady()
    {
        TimelineModel model;
        coldInvocation(model, QStringLiteral("hello"), 1, 100, 250, 40, QStringLiteral("r1"));
        QCOMPARE(model.laneCount(), 1);
        QCOMPARE(model.functionCount(), 1);
        QCOMPARE(model.function(0).name, QStringLiteral("hello"));
        const TimelineLane& lane = model.lane(0);
        QCOMPARE(lane.function, QStringLiteral("hello"));
        QCOMPARE(lane.instanceId, quint64(1));
        QCOMPARE(lane.spawnedAtMs, 100);
        QCOMPARE(lane.readyAtMs, 350);
        QCOMPARE(model.barCount(), 1);
        const TimelineBar& bar = model.bar(0);
        QVERIFY(bar.cold);
        QCOMPARE(bar.startMs, 100);
        QCOMPARE(bar.initEndMs, 350);
        QCOMPARE(bar.endMs, 390);
        QCOMPARE(bar.lane, 0);
        QCOMPARE(bar.requestId, QStringLiteral("r1"));
        QVERIFY(bar.finished);
        QVERIFY(!bar.failed());
    }

    void warmInvocationHasNoInitSegmentAndReusesTheLane()
    {
        TimelineModel model;
        coldInvocation(model, QStringLiteral("f"), 7, 0, 200, 10, QStringLiteral("a"));
        model.add(ev(K::InstanceFrozen, 210, QStringLiteral("f"), 7));
        warmInvocation(model, QStringLiteral("f"), 7, 1000, 5, QStringLiteral("b"));
        QCOMPARE(model.laneCount(), 1);
        QCOMPARE(model.barCount(), 2);
        const TimelineBar& warm = model.bar(1);
        QVERIFY(!warm.cold);
        QCOMPARE(warm.startMs, 1000);
        QCOMPARE(warm.initEndMs, 1000);
        QCOMPARE(warm.endMs, 1005);
        QCOMPARE(model.lane(0).bars.size(), size_t(2));
    }

    void frozenSpansRunFromFreezeToThaw()
    {
        TimelineModel model;
        coldInvocation(model, QStringLiteral("f"), 1, 0, 100, 10, QStringLiteral("a"));
        model.add(ev(K::InstanceFrozen, 110, QStringLiteral("f"), 1));
        warmInvocation(model, QStringLiteral("f"), 1, 500, 20, QStringLiteral("b"));
        const auto& frozen = model.lane(0).frozen;
        QCOMPARE(frozen.size(), size_t(2));
        QCOMPARE(frozen[0].fromMs, 110);
        QCOMPARE(frozen[0].toMs, 500);
        QCOMPARE(frozen[1].fromMs, 520);
        QCOMPARE(frozen[1].toMs, -1); // still frozen
        const auto [first, last] = model.visibleFrozen(0, 200, 300);
        QCOMPARE(first, 0);
        QCOMPARE(last, 1);
    }

    void expiryEndsTheLaneAndKeepsTheKillReason()
    {
        TimelineModel model;
        coldInvocation(model, QStringLiteral("f"), 1, 0, 100, 10, QStringLiteral("a"));
        model.add(ev(K::InstanceFrozen, 110, QStringLiteral("f"), 1));
        model.add(ev(K::InstanceExpired, 5000, QStringLiteral("f"), 1));
        model.add(ev(K::InstanceKilled, 5001, QStringLiteral("f"), 1, {},
                     QStringLiteral("expired after 4000 ms idle")));
        const TimelineLane& lane = model.lane(0);
        QCOMPARE(lane.end, TimelineLane::End::Expired);
        QCOMPARE(lane.endedAtMs, 5000);
        QCOMPARE(lane.endReason, QStringLiteral("expired after 4000 ms idle"));
        QCOMPARE(lane.frozen.back().toMs, 5000); // the frozen span ends with the instance
    }

    void killDuringInvocationEndsTheBarAsFailed()
    {
        TimelineModel model;
        coldInvocation(model, QStringLiteral("f"), 1, 0, 100, 10, QStringLiteral("a"));
        model.add(ev(K::InvocationStarted, 200, QStringLiteral("f"), 1, QStringLiteral("b"),
                     QStringLiteral("warm")));
        model.add(ev(K::InstanceKilled, 3200, QStringLiteral("f"), 1, {},
                     QStringLiteral("Task timed out after 3.00 seconds")));
        model.add(ev(K::InvocationFinished, 3200, QStringLiteral("f"), 1, QStringLiteral("b"),
                     QStringLiteral("timeout")));
        QCOMPARE(model.lane(0).end, TimelineLane::End::Killed);
        QCOMPARE(model.lane(0).endReason, QStringLiteral("Task timed out after 3.00 seconds"));
        const TimelineBar& bar = model.bar(1);
        QCOMPARE(bar.endMs, 3200);
        QCOMPARE(bar.outcome, InvocationOutcome::Timeout);
        QVERIFY(bar.failed());
    }

    void coldStartThatNeverGetsReadyIsAllInit()
    {
        TimelineModel model;
        model.add(ev(K::InstanceStarted, 0, QStringLiteral("f"), 1));
        model.add(ev(K::InvocationStarted, 0, QStringLiteral("f"), 1, QStringLiteral("a"),
                     QStringLiteral("cold")));
        model.add(ev(K::InstanceKilled, 80, QStringLiteral("f"), 1, {}, QStringLiteral("exit 1")));
        model.add(ev(K::InvocationFinished, 80, QStringLiteral("f"), 1, QStringLiteral("a"),
                     QStringLiteral("init-error")));
        QCOMPARE(model.bar(0).initEndMs, 80);
        QCOMPARE(model.bar(0).outcome, InvocationOutcome::InitError);
    }

    void throttlesAreMarkedOnTheFunction()
    {
        TimelineModel model;
        coldInvocation(model, QStringLiteral("f"), 1, 0, 100, 10, QStringLiteral("a"));
        model.add(ev(K::Throttled, 50, QStringLiteral("f"), 0, QStringLiteral("t1")));
        model.add(ev(K::Throttled, 60, QStringLiteral("g"), 0, QStringLiteral("t2")));
        QCOMPARE(model.functionCount(), 2);
        QCOMPARE(model.function(0).throttles.size(), size_t(1));
        QCOMPARE(model.function(0).throttles[0].atMs, 50);
        QCOMPARE(model.function(0).throttles[0].requestId, QStringLiteral("t1"));
        QCOMPARE(model.function(1).name, QStringLiteral("g"));
        QVERIFY(model.function(1).lanes.empty());
        QCOMPARE(model.barCount(), 1); // a throttle is no invocation bar
        const auto [first, last] = model.visibleThrottles(0, 0, 49);
        QCOMPARE(last - first, 0);
    }

    void recordAttachesReportLineAndOutcome()
    {
        TimelineModel model;
        coldInvocation(model, QStringLiteral("f"), 3, 0, 100, 10, QStringLiteral("req-1"));
        InvocationRecord record;
        record.requestId = QStringLiteral("req-1");
        record.functionName = QStringLiteral("f");
        record.instanceId = 3;
        record.coldStart = true;
        record.outcome = InvocationOutcome::FunctionError;
        record.initDurationMs = 100;
        record.durationMs = 10;
        record.billedDurationMs = 110;
        record.memorySizeMb = 128;
        record.maxMemoryUsedMb = 40;
        model.addRecord(record);
        QCOMPARE(model.bar(0).reportLine(), record.reportLine());
        QVERIFY(model.bar(0).reportLine().startsWith(QStringLiteral("REPORT RequestId: req-1")));
        QVERIFY(model.bar(0).failed());
    }

    void logLinesChangeNothing()
    {
        TimelineModel model;
        model.setChangeInterval(0);
        QSignalSpy spy(&model, &TimelineModel::changed);
        model.add(ev(K::LogLine, 5, QStringLiteral("f"), 1, QStringLiteral("a"),
                     QStringLiteral("hello")));
        QCOMPARE(model.laneCount(), 0);
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 0);
    }

    void changedIsCoalesced()
    {
        TimelineModel model;
        model.setChangeInterval(20);
        QSignalSpy spy(&model, &TimelineModel::changed);
        for (int i = 0; i < 1000; ++i)
            coldInvocation(model, QStringLiteral("f"), quint64(i + 1), i * 10, 5, 1,
                           QStringLiteral("r%1").arg(i));
        QCOMPARE(spy.count(), 0); // nothing synchronously, per event
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.count(), 1);
    }

    void defaultCapIsDocumentedValue()
    {
        TimelineModel model;
        QCOMPARE(model.maxInvocations(), TimelineModel::DefaultMaxInvocations);
    }

    void capDropsTheOldestInvocations()
    {
        TimelineModel model;
        model.setMaxInvocations(160);
        for (int i = 0; i < 1000; ++i) {
            const quint64 instance = quint64(i % 4 + 1);
            if (i < 4)
                coldInvocation(model, QStringLiteral("f"), instance, i * 10, 2, 3,
                               QStringLiteral("r%1").arg(i));
            else
                warmInvocation(model, QStringLiteral("f"), instance, i * 10, 3,
                               QStringLiteral("r%1").arg(i));
            QVERIFY(model.barCount() <= 160);
        }
        QVERIFY(model.barCount() >= 160 - 160 / 16);
        QCOMPARE(model.bar(model.barCount() - 1).requestId, QStringLiteral("r999"));
        QCOMPARE(model.droppedInvocations() + quint64(model.barCount()), quint64(1000));
        // The oldest kept is the one right after the last dropped.
        QCOMPARE(model.bar(0).requestId, QStringLiteral("r%1").arg(model.droppedInvocations()));
        // Lanes keep only live sequence numbers, all resolvable.
        for (int l = 0; l < model.laneCount(); ++l) {
            for (quint64 seq : model.lane(l).bars)
                QVERIFY(model.barBySequence(seq) != nullptr);
        }
        // Frozen spans before the oldest bar are gone too.
        for (int l = 0; l < model.laneCount(); ++l) {
            for (const auto& span : model.lane(l).frozen)
                QVERIFY(span.toMs < 0 || span.toMs >= model.bar(0).startMs);
        }
    }

    void capDropsEndedLanesWithNoBarsLeft()
    {
        TimelineModel model;
        model.setMaxInvocations(32);
        // 100 instances, each one cold invocation then expiry: old lanes must go.
        for (int i = 0; i < 100; ++i) {
            const quint64 instance = quint64(i + 1);
            coldInvocation(model, QStringLiteral("f"), instance, i * 100, 10, 10,
                           QStringLiteral("r%1").arg(i));
            model.add(ev(K::InstanceExpired, i * 100 + 50, QStringLiteral("f"), instance));
            model.add(ev(K::Throttled, i * 100 + 60, QStringLiteral("f"), 0,
                         QStringLiteral("t%1").arg(i)));
        }
        QVERIFY(model.laneCount() <= 33);
        QVERIFY(model.function(0).throttles.size() <= 33);
        QCOMPARE(model.function(0).lanes.size(), size_t(model.laneCount()));
        for (int l = 0; l < model.laneCount(); ++l) {
            QCOMPARE(model.laneOf(QStringLiteral("f"), model.lane(l).instanceId), l);
            for (quint64 seq : model.lane(l).bars)
                QCOMPARE(model.barBySequence(seq)->lane, l);
        }
        // New events for a kept lane still land on it.
        const quint64 lastInstance = 100;
        model.add(ev(K::InvocationStarted, 20000, QStringLiteral("f"), lastInstance,
                     QStringLiteral("late"), QStringLiteral("warm")));
        QCOMPARE(model.bar(model.barCount() - 1).lane,
                 model.laneOf(QStringLiteral("f"), lastInstance));
    }

    void visibleRangeMatchesBruteForce()
    {
        // Random non-overlapping invocations on 6 instances; every query must return exactly
        // the bars a linear filter finds.
        TimelineModel model;
        QRandomGenerator rng(42);
        std::vector<qint64> freeAt(6, 0);
        qint64 now = 0;
        for (int i = 0; i < 3000; ++i) {
            now += rng.bounded(20);
            const int lane = rng.bounded(6);
            if (freeAt[size_t(lane)] > now)
                continue;
            const qint64 run = rng.bounded(1, 200);
            const QString rid = QStringLiteral("r%1").arg(i);
            model.add(ev(K::InvocationStarted, now, QStringLiteral("f"), quint64(lane + 1), rid,
                         QStringLiteral("warm")));
            if (rng.bounded(10) != 0 || i < 2900) // a few stay running at the end
                model.add(ev(K::InvocationFinished, now + run, QStringLiteral("f"),
                             quint64(lane + 1), rid, QStringLiteral("success")));
            freeAt[size_t(lane)] = i < 2900 ? now + run : std::numeric_limits<qint64>::max();
        }
        // Bars finish in the future of their start: events are out of time order here, which the
        // model accepts for finish events.
        for (int q = 0; q < 400; ++q) {
            const qint64 from = rng.bounded(qint64(now + 100));
            const qint64 to = from + rng.bounded(qint64(2000));
            for (int l = 0; l < model.laneCount(); ++l) {
                const auto [first, last] = model.visibleBars(l, from, to);
                QSet<quint64> got;
                for (qsizetype i = first; i < last; ++i)
                    got.insert(model.lane(l).bars[size_t(i)]);
                QSet<quint64> expected;
                for (quint64 seq : model.lane(l).bars) {
                    const TimelineBar& bar = *model.barBySequence(seq);
                    const qint64 end =
                        bar.endMs < 0 ? std::numeric_limits<qint64>::max() : bar.endMs;
                    if (bar.startMs <= to && end >= from)
                        expected.insert(seq);
                }
                QCOMPARE(got, expected);
            }
        }
    }

    void connectsToARunnersSignals()
    {
        // What the main window does: the runner's two signals straight into the model's slots.
        Runner runner(Workspace{}, RunnerOptions{});
        TimelineModel model;
        QVERIFY(QObject::connect(&runner, &Runner::event, &model, &TimelineModel::add));
        QVERIFY(QObject::connect(&runner, &Runner::invocationFinished, &model,
                                 &TimelineModel::addRecord));
    }

    void clearEmptiesEverything()
    {
        TimelineModel model;
        coldInvocation(model, QStringLiteral("f"), 1, 0, 10, 10, QStringLiteral("a"));
        model.clear();
        QVERIFY(model.isEmpty());
        QCOMPARE(model.barCount(), 0);
        QCOMPARE(model.functionCount(), 0);
    }
};

// A long invocation with nothing to report still grows: the window advances the model's
// clock, and a running bar reaches it (it had stopped at the last event).
void tst_TimelineModel::advanceToMovesTheClockForRunningBars()
{
    TimelineModel model;
    model.add(RunnerEvent{RunnerEvent::Kind::InstanceStarted, 100, QStringLiteral("f"), 1, {}, {}});
    model.add(RunnerEvent{RunnerEvent::Kind::InstanceReady, 150, QStringLiteral("f"), 1, {}, {}});
    model.add(RunnerEvent{RunnerEvent::Kind::InvocationStarted,
                          160,
                          QStringLiteral("f"),
                          1,
                          QStringLiteral("r1"),
                          {}});
    QCOMPARE(model.latestMs(), qint64(160));
    QSignalSpy changed(&model, &TimelineModel::changed);
    model.advanceTo(5000);
    QCOMPARE(model.latestMs(), qint64(5000));
    QVERIFY(changed.wait(1000));              // coalesced, but it comes
    QCOMPARE(model.bar(0).endMs, qint64(-1)); // still running: drawn up to latestMs
    model.advanceTo(4000);                    // never backwards
    QCOMPARE(model.latestMs(), qint64(5000));
}

QTEST_GUILESS_MAIN(tst_TimelineModel)
#include "tst_TimelineModel.moc"
