// The hybrid histogram keep-alive policy (Shahrad et al., USENIX ATC 2020): windows from the
// idle-time histogram's head and tail with 10% margins, a fixed fallback otherwise.
#include "FunctionPool.h"
#include "sim/HybridHistogramPolicy.h"

#include <QTest>

using namespace swb;
using namespace swb::sim;

class tst_HybridHistogramPolicy : public QObject {
    Q_OBJECT
private slots:
    void fallsBackToTheRangeWhileLearning();
    void windowsFromHeadAndTailWithMargins_data();
    void windowsFromHeadAndTailWithMargins();
    void evenlySpreadIdleTimesAreNotRepresentative();
    void outOfBoundsTailFallsBack();
    void provisionedInstancesAreKept();
    void worksInTheLiveRunnersPool();
};

void tst_HybridHistogramPolicy::fallsBackToTheRangeWhileLearning()
{
    HybridHistogramPolicy p; // 4 h range, 10 samples at least
    for (int i = 0; i < 9; ++i)
        p.observeIdleTime(30 * 60000);
    QVERIFY(!p.representative());
    QCOMPARE(p.keepAliveMs({}), 4 * 3600000LL);
    QCOMPARE(p.preWarmMs({}), 0LL);
    p.observeIdleTime(30 * 60000);
    QVERIFY(p.representative());
}

void tst_HybridHistogramPolicy::windowsFromHeadAndTailWithMargins_data()
{
    QTest::addColumn<QList<qint64>>("idleMinutes"); // each observed 10 times
    QTest::addColumn<qint64>("preWarmMs");
    QTest::addColumn<qint64>("keepAliveMs");
    // Head: the 5th percentile bin's lower edge, less 10%; tail: the 99th percentile bin's
    // upper edge, plus 10%; the keep-alive window runs from the pre-warm to that tail.
    // Idle 30 min (bin [30, 31)): pre-warm 27 min, kept until 31 * 1.1 = 34.1 min.
    QTest::newRow("every 30 min") << QList<qint64>{30} << qint64(27 * 60000)
                                  << qint64(34.1 * 60000 - 27 * 60000);
    // Idle 0 min (bin [0, 1)): no pre-warm (kept loaded), kept 1.1 min.
    QTest::newRow("back to back") << QList<qint64>{0} << qint64(0) << qint64(66000);
    // Idle 10 and 20 min: head 10 -> 9 min; tail 21 -> 23.1 min.
    QTest::newRow("two modes") << QList<qint64>{10, 20} << qint64(9 * 60000)
                               << qint64(23.1 * 60000 - 9 * 60000);
}

void tst_HybridHistogramPolicy::windowsFromHeadAndTailWithMargins()
{
    QFETCH(QList<qint64>, idleMinutes);
    QFETCH(qint64, preWarmMs);
    QFETCH(qint64, keepAliveMs);
    HybridHistogramPolicy p;
    for (int i = 0; i < 10; ++i) {
        for (qint64 m : idleMinutes)
            p.observeIdleTime(m * 60000 + 1000);
    }
    QVERIFY(p.representative());
    QCOMPARE(p.preWarmMs({}), preWarmMs);
    QCOMPARE(p.keepAliveMs({}), keepAliveMs);
    QVERIFY(p.describe().contains(QStringLiteral("pre-warm")));
}

void tst_HybridHistogramPolicy::evenlySpreadIdleTimesAreNotRepresentative()
{
    // One idle time in every bin: CV 0, no pattern to learn.
    HybridHistogramPolicy p;
    for (int m = 0; m < 240; ++m)
        p.observeIdleTime(qint64(m) * 60000 + 30000);
    QVERIFY(!p.representative());
    QCOMPARE(p.keepAliveMs({}), 4 * 3600000LL);
}

void tst_HybridHistogramPolicy::outOfBoundsTailFallsBack()
{
    HybridHistogramPolicy p;
    for (int i = 0; i < 50; ++i)
        p.observeIdleTime(5 * 60000);
    for (int i = 0; i < 5; ++i)
        p.observeIdleTime(6 * 3600000); // beyond the 4 h range
    QCOMPARE(p.outOfBoundsSamples(), quint64(5));
    QVERIFY(!p.representative());
    QCOMPARE(p.keepAliveMs({}), 4 * 3600000LL);
}

void tst_HybridHistogramPolicy::provisionedInstancesAreKept()
{
    HybridHistogramPolicy p;
    for (int i = 0; i < 20; ++i)
        p.observeIdleTime(60000);
    IdleInstance provisioned;
    provisioned.provisioned = true;
    QCOMPARE(p.keepAliveMs(provisioned), -1LL);
    QCOMPARE(p.preWarmMs(provisioned), 0LL);
}

void tst_HybridHistogramPolicy::worksInTheLiveRunnersPool()
{
    // The same object drives FunctionPool: expiry after the learned keep-alive.
    HybridHistogramPolicy p;
    for (int i = 0; i < 20; ++i)
        p.observeIdleTime(0); // back to back: kept loaded 66 s
    FunctionPool pool(10, p);
    const auto a = pool.acquire(0);
    QCOMPARE(a.kind, FunctionPool::Acquired::Cold);
    pool.release(a.instanceId, 1000);
    QCOMPARE(pool.nextExpiryMs(), std::optional<qint64>(67000));
    QVERIFY(pool.expire(66999).isEmpty());
    QCOMPARE(pool.expire(67000).size(), 1);
}

QTEST_GUILESS_MAIN(tst_HybridHistogramPolicy)
#include "tst_HybridHistogramPolicy.moc"
