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
    QTest::newRow("L") << "cron(0 12 L * ? *)"
                       << "\"cron(0 12 L * ? *)\" is not a schedule expression: day of month \"L\" "
                          "uses L, W or #, which the local scheduler does not support yet.";
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
