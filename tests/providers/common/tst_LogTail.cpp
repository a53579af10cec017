// The log tail's promises: a line is shown once however often the platform repeats it, in time
// order, filtered, and the poll position moves with the newest line.
#include "common/LogTail.h"

#include <QSignalSpy>
#include <QTest>

using namespace swb;

namespace {

LogEvent line(const QString& id, int second, const QString& text, const QString& stream = "s1")
{
    return LogEvent{QDateTime(QDate(2026, 11, 27), QTime(10, 0, second), Qt::UTC), id, stream,
                    text};
}

QStringList texts(const QSignalSpy& spy)
{
    QStringList out;
    for (const auto& args : spy)
        for (const LogEvent& e : args.at(0).value<QList<LogEvent>>())
            out << e.message;
    return out;
}

} // namespace

class tst_LogTail : public QObject {
    Q_OBJECT
private slots:
    void overlappingPollsShowEachLineOnce()
    {
        LogQuery q;
        q.since = QDateTime(QDate(2026, 11, 27), QTime(9, 59, 0), Qt::UTC);
        LogTail tail(q);
        QSignalSpy spy(&tail, &LogTail::eventsArrived);
        QCOMPARE(tail.deliver({line("b", 2, "second"), line("a", 1, "first")}), 2);
        // The next poll starts at the last time seen, so it repeats "b"; a reconnect repeats all.
        QCOMPARE(tail.deliver({line("b", 2, "second"), line("c", 3, "third")}), 1);
        QCOMPARE(tail.deliver({line("a", 1, "first"), line("b", 2, "second")}), 0);
        QCOMPARE(texts(spy), (QStringList{"first", "second", "third"}));
        QCOMPARE(spy.count(), 2); // nothing emitted for a batch of repeats
        QCOMPARE(tail.lastSeen(), line("c", 3, "").time);
    }

    void linesWithoutIdsAreKeyedByTimeStreamAndText()
    {
        LogTail tail(LogQuery{});
        QCOMPARE(tail.deliver({line("", 1, "same"), line("", 1, "same", "s2")}), 2);
        QCOMPARE(tail.deliver({line("", 1, "same")}), 0);
        QCOMPARE(tail.deliver({line("", 2, "same")}), 1);
    }

    void filterDropsLinesButStillAdvances()
    {
        LogQuery q;
        q.filter = "ERROR";
        // A fixed start: the default (ten minutes ago) would pass the lines' times on the day
        // they are dated, and the poll position would then never move.
        q.since = QDateTime(QDate(2026, 11, 27), QTime(9, 59, 0), Qt::UTC);
        LogTail tail(q);
        QSignalSpy spy(&tail, &LogTail::eventsArrived);
        QCOMPARE(tail.deliver({line("1", 1, "START"), line("2", 2, "[ERROR] boom")}), 1);
        QCOMPARE(texts(spy), QStringList{"[ERROR] boom"});
        QCOMPARE(tail.deliver({line("3", 5, "END")}), 0);
        QCOMPARE(tail.lastSeen(), line("3", 5, "").time);
    }

    void sinceDefaultsToTenMinutesAgo()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        LogTail tail(LogQuery{});
        QVERIFY(qAbs(tail.since().secsTo(before) - 600) <= 2);
    }

    void problemsAreSaidOncePerRun()
    {
        LogTail tail(LogQuery{});
        QSignalSpy problems(&tail, &LogTail::problem);
        QSignalSpy recovered(&tail, &LogTail::recovered);
        const Error e{ErrorCode::Network, "The connection dropped.", {}, {}};
        tail.reportProblem(e);
        tail.reportProblem(e);
        QCOMPARE(problems.count(), 1);
        tail.reportRecovered();
        tail.reportRecovered();
        QCOMPARE(recovered.count(), 1);
        tail.reportProblem(e);
        QCOMPARE(problems.count(), 2);
    }

    void finishesOnceAndStopsDelivering()
    {
        LogTail tail(LogQuery{});
        QSignalSpy finished(&tail, &LogTail::finished);
        QSignalSpy stop(&tail, &LogTail::stopRequested);
        tail.stop();
        tail.stop();
        QCOMPARE(stop.count(), 1);
        tail.finish();
        tail.finish(fail(ErrorCode::Network, "late"));
        QCOMPARE(finished.count(), 1);
        QVERIFY(tail.result().has_value() && tail.result()->has_value());
        QCOMPARE(tail.deliver({line("x", 1, "late line")}), 0);
    }

    void forgetsOldIdsBeyondItsBound()
    {
        LogTail tail(LogQuery{});
        QList<LogEvent> many;
        for (int i = 0; i < LogTail::kRememberedIds + 10; ++i)
            many << LogEvent{line("", 0, "").time.addMSecs(i), QString::number(i), "s", "x"};
        QCOMPARE(tail.deliver(many), LogTail::kRememberedIds + 10);
        // The newest are still remembered; the very first was forgotten.
        QCOMPARE(tail.deliver({many.last()}), 0);
        QCOMPARE(tail.deliver({many.first()}), 1);
    }
};

QTEST_GUILESS_MAIN(tst_LogTail)
#include "tst_LogTail.moc"
