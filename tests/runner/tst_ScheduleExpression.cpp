#include "ScheduleExpression.h"

#include <QTest>

using namespace swb;

class tst_ScheduleExpression : public QObject {
    Q_OBJECT
private slots:
    void nextFiring_data();
    void nextFiring();
    void rejects_data();
    void rejects();
};

void tst_ScheduleExpression::nextFiring_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("next");
    // Examples from the EventBridge Scheduler user guide ("Cron expressions" and "Rate").
    QTest::newRow("rate 5 minutes") << "rate(5 minutes)"
                                    << "2026-11-26T23:02:16Z"
                                    << "2026-11-26T23:05:00Z";
    QTest::newRow("rate 1 hour") << "rate(1 hour)"
                                 << "2026-11-26T23:02:16Z"
                                 << "2026-11-27T00:00:00Z";
    QTest::newRow("rate 1 day") << "rate(1 day)"
                                << "2026-11-26T00:00:00Z"
                                << "2026-11-27T00:00:00Z";
    // "15 10 * * ? *": 10:15 AM (UTC) every day.
    QTest::newRow("daily 10:15") << "cron(15 10 * * ? *)"
                                 << "2026-11-26T23:02:16Z"
                                 << "2026-11-27T10:15:00Z";
    // "0 18 ? * MON-FRI *": 6 PM Monday to Friday. 2026-11-28 is a Saturday.
    QTest::newRow("weekdays 18:00") << "cron(0 18 ? * MON-FRI *)"
                                    << "2026-11-27T18:00:00Z"
                                    << "2026-11-30T18:00:00Z";
    // "0 8 1 * ? *": 8 AM on the first day of every month.
    QTest::newRow("first of month") << "cron(0 8 1 * ? *)"
                                    << "2026-11-26T23:02:16Z"
                                    << "2026-12-01T08:00:00Z";
    // "0/15 * * * ? *": every 15 minutes.
    QTest::newRow("every 15 min") << "cron(0/15 * * * ? *)"
                                  << "2026-11-26T23:02:16Z"
                                  << "2026-11-26T23:15:00Z";
    // "0/5 8-17 ? * MON-FRI *": every 5 minutes between 8 AM and 5:55 PM, weekdays.
    QTest::newRow("office hours") << "cron(0/5 8-17 ? * MON-FRI *)"
                                  << "2026-11-27T17:56:00Z"
                                  << "2026-11-30T08:00:00Z";
    QTest::newRow("sunday is 1") << "cron(0 0 ? * 1 *)"
                                 << "2026-11-26T00:00:00Z"
                                 << "2026-11-29T00:00:00Z";
    QTest::newRow("year list") << "cron(0 0 1 JAN ? 2028,2030)"
                               << "2026-11-26T00:00:00Z"
                               << "2028-01-01T00:00:00Z";
    QTest::newRow("strictly after") << "cron(30 23 * * ? *)"
                                    << "2026-11-26T23:30:00Z"
                                    << "2026-11-27T23:30:00Z";
    // L, W and # as the EventBridge reference defines them (Quartz's meaning); dates checked
    // against a calendar: 2026-11-30 is a Monday, 2027-02-28 a Sunday, 2026-08-01 a Saturday.
    QTest::newRow("last day of month") << "cron(0 12 L * ? *)"
                                       << "2026-11-26T23:02:16Z"
                                       << "2026-11-30T12:00:00Z";
    QTest::newRow("last day of february") << "cron(0 12 L FEB ? *)"
                                          << "2026-11-26T23:02:16Z"
                                          << "2027-02-28T12:00:00Z";
    QTest::newRow("three days before the last") << "cron(0 0 L-3 * ? *)"
                                                << "2026-11-26T23:02:16Z"
                                                << "2026-11-27T00:00:00Z";
    // 2027-02-28 is a Sunday: the last weekday of February 2027 is Friday the 26th.
    QTest::newRow("last weekday") << "cron(0 9 LW FEB ? *)"
                                  << "2026-11-26T00:00:00Z"
                                  << "2027-02-26T09:00:00Z";
    // "3W": the weekday nearest the 3rd. 2027-01-03 is a Sunday: Monday the 4th.
    QTest::newRow("nearest weekday, sunday") << "cron(0 9 3W * ? *)"
                                             << "2026-12-04T00:00:00Z"
                                             << "2027-01-04T09:00:00Z";
    // "1W" in August 2026: the 1st is a Saturday, and the month is not left: Monday the 3rd.
    QTest::newRow("nearest weekday, first is saturday") << "cron(0 9 1W AUG ? 2026)"
                                                        << "2026-01-01T00:00:00Z"
                                                        << "2026-08-03T09:00:00Z";
    // "3#2": the second Tuesday (3 = TUE). December 2026: Tuesdays 1, 8, 15...
    QTest::newRow("second tuesday") << "cron(0 10 ? * 3#2 *)"
                                    << "2026-11-26T00:00:00Z"
                                    << "2026-12-08T10:00:00Z";
    // "6L": the last Friday. November 2026's Fridays: 6, 13, 20, 27.
    QTest::newRow("last friday") << "cron(0 17 ? * 6L *)"
                                 << "2026-11-26T00:00:00Z"
                                 << "2026-11-27T17:00:00Z";
    // "L" alone in day-of-week: the last day of the week, Saturday.
    QTest::newRow("L in day of week") << "cron(0 0 ? * L *)"
                                      << "2026-11-26T00:00:00Z"
                                      << "2026-11-28T00:00:00Z";
}

void tst_ScheduleExpression::nextFiring()
{
    QFETCH(QString, expression);
    QFETCH(QString, after);
    QFETCH(QString, next);
    const auto e = ScheduleExpression::parse(expression);
    QVERIFY2(e.has_value(), qPrintable(e ? QString() : e.error().message));
    QCOMPARE(e->nextAfter(QDateTime::fromString(after, Qt::ISODate)).toString(Qt::ISODate), next);
}

void tst_ScheduleExpression::rejects_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("message");
    QTest::newRow("plural") << "rate(1 minutes)"
                            << "\"rate(1 minutes)\" is not a schedule expression: write \"1 "
                               "minute\" but \"2 minutes\" (EventBridge's rule).";
    QTest::newRow("five fields")
        << "cron(0 12 * * ?)"
        << "\"cron(0 12 * * ?)\" is not a schedule expression: cron needs 6 fields (minutes hours "
           "day-of-month month day-of-week year), found 5.";
    QTest::newRow("both days") << "cron(0 12 * * * *)"
                               << "\"cron(0 12 * * * *)\" is not a schedule expression: exactly "
                                  "one of day-of-month and day-of-week must be \"?\".";
    QTest::newRow("hour 24")
        << "cron(0 24 * * ? *)"
        << "\"cron(0 24 * * ? *)\" is not a schedule expression: hour 24 is outside 0-23.";
    QTest::newRow("two # expressions")
        << "cron(0 12 ? * 3#1,6#3 *)"
        << "\"cron(0 12 ? * 3#1,6#3 *)\" is not a schedule expression: with # the day of week "
           "holds one expression only, not \"3#1,6#3\".";
    QTest::newRow("sixth tuesday")
        << "cron(0 12 ? * 3#6 *)"
        << "\"cron(0 12 ? * 3#6 *)\" is not a schedule expression: \"3#6\" is not a day of week "
           "#n (1-7 or SUN-SAT, then 1-5), such as 3#2 for the second Tuesday.";
    QTest::newRow("W in day of week")
        << "cron(0 12 ? * 3W *)"
        << "\"cron(0 12 ? * 3W *)\" is not a schedule expression: \"3W\" is not a valid day of "
           "week.";
    QTest::newRow("# in day of month")
        << "cron(0 12 3#2 * ? *)"
        << "\"cron(0 12 3#2 * ? *)\" is not a schedule expression: day of month \"3#2\" is not "
           "valid; day of month takes L, L-3, LW or 15W.";
    QTest::newRow("garbage") << "every day"
                             << "\"every day\" is not a schedule expression: write rate(5 minutes) "
                                "or cron(0 12 * * ? *).";
}

void tst_ScheduleExpression::rejects()
{
    QFETCH(QString, expression);
    QFETCH(QString, message);
    const auto e = ScheduleExpression::parse(expression);
    QVERIFY(!e.has_value());
    QCOMPARE(e.error().message, message);
}

QTEST_GUILESS_MAIN(tst_ScheduleExpression)
#include "tst_ScheduleExpression.moc"
