#include "InvocationStats.h"
#include "LoadPattern.h"

#include <QTest>

using namespace swb;

class tst_LoadPattern : public QObject {
    Q_OBJECT
private slots:
    void constantIsEvenlySpaced();
    void poissonHasTheRequestedMeanRate();
    void burstSendsEachSecondAtOnce();
    void sameSeedSameArrivals();
    void percentilesByNearestRank_data();
    void percentilesByNearestRank();
    void summaryCountsColdStartsAndThrottles();
};

void tst_LoadPattern::constantIsEvenlySpaced()
{
    LoadPattern p(LoadPattern::Kind::Constant, 4);
    QCOMPARE(p.next(), 0.0);
    QCOMPARE(p.next(), 250.0);
    QCOMPARE(p.next(), 500.0);
}

void tst_LoadPattern::poissonHasTheRequestedMeanRate()
{
    LoadPattern p(LoadPattern::Kind::Poisson, 50, 42);
    double last = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i)
        last = p.next();
    // n arrivals of a Poisson process at 50/s take n/50 s on average; with n = 2e5 the
    // standard deviation of the total is sqrt(n)/50 s ≈ 8.9 s, so 4000 s ± 1% is > 4 sigma.
    QVERIFY2(std::abs(last / 1000.0 - n / 50.0) < 40.0, qPrintable(QString::number(last)));
}

void tst_LoadPattern::burstSendsEachSecondAtOnce()
{
    LoadPattern p(LoadPattern::Kind::Burst, 3);
    QList<double> t;
    for (int i = 0; i < 7; ++i)
        t << p.next();
    QCOMPARE(t, (QList<double>{0, 0, 0, 1000, 1000, 1000, 2000}));
}

void tst_LoadPattern::sameSeedSameArrivals()
{
    LoadPattern a(LoadPattern::Kind::Poisson, 10, 7), b(LoadPattern::Kind::Poisson, 10, 7);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(a.next(), b.next());
}

void tst_LoadPattern::percentilesByNearestRank_data()
{
    QTest::addColumn<double>("percent");
    QTest::addColumn<double>("expected");
    // Values 1..100: the nearest-rank p-th percentile is p itself.
    QTest::newRow("p50") << 50.0 << 50.0;
    QTest::newRow("p95") << 95.0 << 95.0;
    QTest::newRow("p99") << 99.0 << 99.0;
    QTest::newRow("max") << 100.0 << 100.0;
    QTest::newRow("p1") << 1.0 << 1.0;
}

void tst_LoadPattern::percentilesByNearestRank()
{
    QFETCH(double, percent);
    QFETCH(double, expected);
    QList<double> values;
    for (int i = 100; i >= 1; --i)
        values << i;
    QCOMPARE(nearestRankPercentile(values, percent), expected);
    // Wikipedia's worked example: {15, 20, 35, 40, 50}: p30 = 20, p40 = 20, p50 = 35.
    QCOMPARE(nearestRankPercentile({15, 20, 35, 40, 50}, 30), 20.0);
    QCOMPARE(nearestRankPercentile({15, 20, 35, 40, 50}, 50), 35.0);
}

void tst_LoadPattern::summaryCountsColdStartsAndThrottles()
{
    QList<InvocationRecord> records(4);
    records[0].coldStart = true;
    records[0].initDurationMs = 40;
    records[0].durationMs = 2;
    records[1].durationMs = 1;
    records[2].durationMs = 3;
    records[3].outcome = InvocationOutcome::Throttled;
    const InvocationStats s = summarize(records);
    QCOMPARE(s.count, 4);
    QCOMPARE(s.coldStarts, 1);
    QCOMPARE(s.throttles, 1);
    QCOMPARE(s.failures, 1);
    QCOMPARE(s.durationP50Ms, 2.0);
    QCOMPARE(s.initP50Ms, 40.0);
    QCOMPARE(s.coldShare(), 0.25);
}

QTEST_GUILESS_MAIN(tst_LoadPattern)
#include "tst_LoadPattern.moc"
