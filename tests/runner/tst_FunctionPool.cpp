#include "FunctionPool.h"

#include <QTest>

using namespace swb;
using Kind = FunctionPool::Acquired::Kind;

class tst_FunctionPool : public QObject {
    Q_OBJECT
private slots:
    void coldStartWhenNoIdleInstance();
    void warmReuseOfIdleInstance();
    void prefersMostRecentlyUsedInstance();
    void throttlesAtConcurrencyCap();
    void startingInstancesCountAgainstCap();
    void expiresIdleInstanceAfterKeepAlive();
    void busyInstancesNeverExpire();
    void nextExpiryIsEarliestIdleDeadline();
    void provisionedInstancesAreWarmAndNeverExpire();
    void discardedInstanceFreesItsPlace();
};

void tst_FunctionPool::coldStartWhenNoIdleInstance()
{
    FixedKeepAlivePolicy policy(1000);
    FunctionPool pool(10, policy);
    const auto a = pool.acquire(0);
    QCOMPARE(a.kind, Kind::Cold);
    QVERIFY(a.instanceId != 0);
    QCOMPARE(pool.count(FunctionPool::SlotState::Busy), 1);
}

void tst_FunctionPool::warmReuseOfIdleInstance()
{
    FixedKeepAlivePolicy policy(1000);
    FunctionPool pool(10, policy);
    const auto a = pool.acquire(0);
    pool.release(a.instanceId, 10);
    const auto b = pool.acquire(20);
    QCOMPARE(b.kind, Kind::Warm);
    QCOMPARE(b.instanceId, a.instanceId);
    QCOMPARE(pool.size(), 1);
}

void tst_FunctionPool::prefersMostRecentlyUsedInstance()
{
    FixedKeepAlivePolicy policy(1000);
    FunctionPool pool(10, policy);
    const auto a = pool.acquire(0);
    const auto b = pool.acquire(0);
    pool.release(b.instanceId, 5);
    pool.release(a.instanceId, 9);
    QCOMPARE(pool.acquire(10).instanceId, a.instanceId);
    QCOMPARE(pool.acquire(10).instanceId, b.instanceId);
    QCOMPARE(pool.acquire(10).kind, Kind::Cold);
}

void tst_FunctionPool::throttlesAtConcurrencyCap()
{
    FixedKeepAlivePolicy policy(1000);
    FunctionPool pool(2, policy);
    QCOMPARE(pool.acquire(0).kind, Kind::Cold);
    QCOMPARE(pool.acquire(0).kind, Kind::Cold);
    QCOMPARE(pool.acquire(0).kind, Kind::Throttled);
    QCOMPARE(pool.size(), 2);
}

void tst_FunctionPool::startingInstancesCountAgainstCap()
{
    FixedKeepAlivePolicy policy(1000);
    FunctionPool pool(1, policy);
    QVERIFY(pool.provision().has_value());
    QCOMPARE(pool.acquire(0).kind, Kind::Throttled); // the only place is taken by a starting one
    QVERIFY(!pool.provision().has_value());
}

void tst_FunctionPool::expiresIdleInstanceAfterKeepAlive()
{
    FixedKeepAlivePolicy policy(1000);
    FunctionPool pool(10, policy);
    const auto a = pool.acquire(0);
    pool.release(a.instanceId, 100);
    QVERIFY(pool.expire(1099).isEmpty());
    QCOMPARE(pool.expire(1100), QList<quint64>{a.instanceId});
    QCOMPARE(pool.size(), 0);
    QCOMPARE(pool.acquire(1200).kind, Kind::Cold);
}

void tst_FunctionPool::busyInstancesNeverExpire()
{
    FixedKeepAlivePolicy policy(10);
    FunctionPool pool(10, policy);
    pool.acquire(0);
    QVERIFY(pool.expire(1000000).isEmpty());
    QVERIFY(!pool.nextExpiryMs().has_value());
}

void tst_FunctionPool::nextExpiryIsEarliestIdleDeadline()
{
    FixedKeepAlivePolicy policy(500);
    FunctionPool pool(10, policy);
    const auto a = pool.acquire(0);
    const auto b = pool.acquire(0);
    pool.release(a.instanceId, 300);
    pool.release(b.instanceId, 200);
    QCOMPARE(pool.nextExpiryMs(), std::optional<qint64>(700));
}

void tst_FunctionPool::provisionedInstancesAreWarmAndNeverExpire()
{
    FixedKeepAlivePolicy policy(10);
    FunctionPool pool(10, policy);
    const auto id = pool.provision();
    QVERIFY(id.has_value());
    QCOMPARE(pool.acquire(0).kind, Kind::Cold); // not ready yet: an on-demand one starts
    pool.markReady(*id, 5);
    const auto a = pool.acquire(6);
    QCOMPARE(a.kind, Kind::Warm);
    QCOMPARE(a.instanceId, *id);
    pool.release(*id, 7);
    QVERIFY(!pool.expire(1000000).contains(*id));
}

void tst_FunctionPool::discardedInstanceFreesItsPlace()
{
    FixedKeepAlivePolicy policy(1000);
    FunctionPool pool(1, policy);
    const auto a = pool.acquire(0);
    QCOMPARE(pool.acquire(0).kind, Kind::Throttled);
    pool.discard(a.instanceId);
    const auto b = pool.acquire(0);
    QCOMPARE(b.kind, Kind::Cold);
    QVERIFY(b.instanceId != a.instanceId); // a failed instance is never reused
}

QTEST_GUILESS_MAIN(tst_FunctionPool)
#include "tst_FunctionPool.moc"
