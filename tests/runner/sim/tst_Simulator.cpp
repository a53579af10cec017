// The simulator against closed forms (with statistical tolerances of several standard errors)
// and against SimFaaS's published example.
#include "KeepAlivePolicy.h"
#include "sim/HybridHistogramPolicy.h"
#include "sim/Simulator.h"

#include <QTest>

#include <cmath>

using namespace swb;
using namespace swb::sim;

namespace {

// The fixed policy through the generic interface (not the simulator's fast path).
class InterfaceOnlyFixedPolicy final : public KeepAlivePolicy {
public:
    explicit InterfaceOnlyFixedPolicy(qint64 ms) : m_ms(ms) {}
    qint64 keepAliveMs(const IdleInstance& instance) const override
    {
        return instance.provisioned ? -1 : m_ms;
    }
    QString describe() const override { return QStringLiteral("fixed via the interface"); }

private:
    qint64 m_ms;
};

double erlangB(double load, int servers)
{
    // The recurrence B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)).
    double b = 1.0;
    for (int k = 1; k <= servers; ++k)
        b = load * b / (double(k) + load * b);
    return b;
}

SimulationResult mustRun(const SimulationOptions& o, KeepAlivePolicy& p,
                         const SimulationControl& c = {})
{
    auto r = Simulator::run(o, p, c);
    if (!r)
        qFatal("simulation failed: %s", qPrintable(r.error().message));
    return *r;
}

} // namespace

class tst_Simulator : public QObject {
    Q_OBJECT
private slots:
    void coldStartProbabilityIsExpOfMinusLambdaT_data();
    void coldStartProbabilityIsExpOfMinusLambdaT();
    void genericPolicyPathMatchesTheFastPath();
    void meanBusyInstancesFollowLittlesLaw_data();
    void meanBusyInstancesFollowLittlesLaw();
    void blockingWithACapIsErlangB_data();
    void blockingWithACapIsErlangB();
    void matchesSimFaasBasicExample();
    void sameSeedSameResult();
    void throttlesBeyondTheCapExactly();
    void provisionedInstancesNeverColdStart();
    void noKeepAliveMakesEveryRequestCold();
    void hybridPolicyLearnsAPeriodicWorkload();
    void latencyIsInitPlusServiceWhenCold();
    void cancelStopsEarlyAndProgressIsReported();
    void rejectsOptionsThatCannotRun();
};

void tst_Simulator::coldStartProbabilityIsExpOfMinusLambdaT_data()
{
    QTest::addColumn<double>("ratePerSecond");
    QTest::addColumn<qint64>("keepAliveMs");
    // P(cold) = P(gap > T) = e^(-lambda T) for Poisson arrivals and negligible service.
    QTest::newRow("lambda=1, T=1 s: 0.36788") << 1.0 << qint64(1000);
    QTest::newRow("lambda=2, T=0.5 s") << 2.0 << qint64(500);
    QTest::newRow("lambda=0.5, T=3 s: 0.22313") << 0.5 << qint64(3000);
    QTest::newRow("lambda=10, T=0.2 s: 0.13534") << 10.0 << qint64(200);
}

void tst_Simulator::coldStartProbabilityIsExpOfMinusLambdaT()
{
    QFETCH(double, ratePerSecond);
    QFETCH(qint64, keepAliveMs);
    SimulationOptions o;
    o.arrivals = ArrivalProcess::poisson(ratePerSecond);
    o.serviceTime = ServiceTime::fixed(0);       // negligible: done before the next arrival
    o.durationMs = 1e6 / ratePerSecond * 1000.0; // 10^6 arrivals on average
    o.seed = 7;
    FixedKeepAlivePolicy policy(keepAliveMs);
    const SimulationResult r = mustRun(o, policy);
    QVERIFY(r.arrivals > 990000);
    const double expected = std::exp(-ratePerSecond * double(keepAliveMs) / 1000.0);
    const double got = r.coldStartRatio();
    QVERIFY2(std::abs(got - expected) / expected < 0.01,
             qPrintable(QStringLiteral("P(cold) %1, e^(-lambda T) %2").arg(got).arg(expected)));
    QCOMPARE(r.maxInstances, 1);
}

void tst_Simulator::genericPolicyPathMatchesTheFastPath()
{
    SimulationOptions o;
    o.arrivals = ArrivalProcess::poisson(20);
    o.serviceTime = ServiceTime::exponential(300);
    o.initTime = ServiceTime::fixed(250);
    o.concurrencyCap = 12;
    o.durationMs = 3600000.0 * 3;
    FixedKeepAlivePolicy fast(2000);
    InterfaceOnlyFixedPolicy generic(2000);
    const SimulationResult a = mustRun(o, fast);
    const SimulationResult b = mustRun(o, generic);
    QVERIFY(a.coldStarts > 100);
    QVERIFY(a.throttled > 0);
    QCOMPARE(b.arrivals, a.arrivals);
    QCOMPARE(b.coldStarts, a.coldStarts);
    QCOMPARE(b.throttled, a.throttled);
    QCOMPARE(b.maxInstances, a.maxInstances);
    QVERIFY(std::abs(b.idleInstanceMs - a.idleInstanceMs) < 1e-6 * a.idleInstanceMs);
}

void tst_Simulator::meanBusyInstancesFollowLittlesLaw_data()
{
    QTest::addColumn<double>("ratePerSecond");
    QTest::addColumn<int>("serviceKind");
    QTest::addColumn<double>("meanServiceMs");
    QTest::addColumn<double>("initMs");
    // L = lambda * E[S], whatever the distribution; a cold request's init counts as busy.
    QTest::newRow("exponential 500 ms at 10/s: 5") << 10.0 << 0 << 500.0 << 0.0;
    QTest::newRow("lognormal 200 ms at 20/s: 4") << 20.0 << 1 << 200.0 << 0.0;
    QTest::newRow("fixed 120 ms at 5/s: 0.6") << 5.0 << 2 << 120.0 << 0.0;
}

void tst_Simulator::meanBusyInstancesFollowLittlesLaw()
{
    QFETCH(double, ratePerSecond);
    QFETCH(int, serviceKind);
    QFETCH(double, meanServiceMs);
    QFETCH(double, initMs);
    SimulationOptions o;
    o.arrivals = ArrivalProcess::poisson(ratePerSecond);
    o.serviceTime = serviceKind == 0   ? ServiceTime::exponential(meanServiceMs)
                    : serviceKind == 1 ? ServiceTime::logNormal(meanServiceMs, 1.0)
                                       : ServiceTime::fixed(meanServiceMs);
    o.initTime = ServiceTime::fixed(initMs);
    o.durationMs = 1e6 / ratePerSecond * 1000.0;
    FixedKeepAlivePolicy policy(60000);
    const SimulationResult r = mustRun(o, policy);
    QCOMPARE(r.throttled, quint64(0));
    const double expected = ratePerSecond * meanServiceMs / 1000.0;
    QVERIFY2(
        std::abs(r.meanBusyInstances - expected) / expected < 0.02,
        qPrintable(
            QStringLiteral("mean busy %1, lambda E[S] %2").arg(r.meanBusyInstances).arg(expected)));
    QVERIFY(r.meanInstances >= r.meanBusyInstances);
}

void tst_Simulator::blockingWithACapIsErlangB_data()
{
    QTest::addColumn<int>("cap");
    QTest::addColumn<double>("load");
    QTest::addColumn<double>("published");
    QTest::addColumn<double>("relativeTolerance");
    // Erlang-B (no queue, infinite keep-alive so an idle instance never blocks).
    QTest::newRow("c=5, a=5: 0.28487") << 5 << 5.0 << 0.28487 << 0.02;
    QTest::newRow("c=10, a=8: 0.12166") << 10 << 8.0 << 0.12166 << 0.03;
    QTest::newRow("c=20, a=10: 0.00187") << 20 << 10.0 << 0.00187 << 0.15;
}

void tst_Simulator::blockingWithACapIsErlangB()
{
    QFETCH(int, cap);
    QFETCH(double, load);
    QFETCH(double, published);
    QFETCH(double, relativeTolerance);
    QVERIFY(std::abs(erlangB(load, cap) - published) < 1e-5);
    SimulationOptions o;
    o.arrivals = ArrivalProcess::poisson(load); // E[S] = 1 s, so a = lambda
    o.serviceTime = ServiceTime::exponential(1000);
    o.concurrencyCap = cap;
    o.durationMs = 1e6 / load * 1000.0;
    o.seed = 3;
    FixedKeepAlivePolicy policy(-1); // never expire
    const SimulationResult r = mustRun(o, policy);
    QVERIFY2(
        std::abs(r.throttleRatio() - published) / published < relativeTolerance,
        qPrintable(
            QStringLiteral("throttled %1, Erlang-B %2").arg(r.throttleRatio()).arg(published)));
    QCOMPARE(r.maxInstances, cap);
}

void tst_Simulator::matchesSimFaasBasicExample()
{
    // SimFaaS 0.2.2's basic example (Mahmoudi & Khazaei): arrival rate 0.9/s, exponential
    // service with mean 1.991 s warm and 2.244 s cold, expiration 600 s. Its published
    // figures at 10^6 arrivals: P(cold) ~ 0.00137, ~7.70 instances on average.
    SimulationOptions o;
    o.arrivals = ArrivalProcess::poisson(0.9);
    o.serviceTime = ServiceTime::exponential(1991);
    o.coldServiceTime = ServiceTime::exponential(2244);
    o.durationMs = 1e6 / 0.9 * 1000.0;
    FixedKeepAlivePolicy policy(600000);
    const SimulationResult r = mustRun(o, policy);
    QVERIFY2(std::abs(r.coldStartRatio() - 0.00137) / 0.00137 < 0.15,
             qPrintable(QString::number(r.coldStartRatio())));
    QVERIFY2(std::abs(r.meanInstances - 7.70) / 7.70 < 0.03,
             qPrintable(QString::number(r.meanInstances)));
    // Little: 0.9 * 1.991 = 1.79 busy on average.
    QVERIFY(std::abs(r.meanBusyInstances - 1.7919) < 0.05);
}

void tst_Simulator::sameSeedSameResult()
{
    SimulationOptions o;
    o.arrivals = ArrivalProcess::diurnal(30, 0.7, 3600000);
    o.serviceTime = ServiceTime::logNormal(150, 0.8);
    o.initTime = ServiceTime::exponential(300);
    o.concurrencyCap = 8;
    o.durationMs = 2 * 3600000.0;
    o.seed = 42;
    HybridHistogramPolicy p1;
    HybridHistogramPolicy p2;
    const SimulationResult a = mustRun(o, p1);
    const SimulationResult b = mustRun(o, p2);
    QCOMPARE(a.arrivals, b.arrivals);
    QCOMPARE(a.coldStarts, b.coldStarts);
    QCOMPARE(a.throttled, b.throttled);
    QCOMPARE(a.busyInstanceMs, b.busyInstanceMs);
    QCOMPARE(a.idleInstanceMs, b.idleInstanceMs);
    QCOMPARE(a.latency.percentileMs(99), b.latency.percentileMs(99));
    o.seed = 43;
    HybridHistogramPolicy p3;
    const SimulationResult c = mustRun(o, p3);
    QVERIFY(c.arrivals != a.arrivals || c.busyInstanceMs != a.busyInstanceMs);
}

void tst_Simulator::throttlesBeyondTheCapExactly()
{
    // An arrival every 100 ms, each busy 250 ms, cap 2: two are served, the third finds both
    // busy; in steady state one arrival in three is throttled.
    SimulationOptions o;
    o.arrivals = ArrivalProcess::periodic(100);
    o.serviceTime = ServiceTime::fixed(250);
    o.concurrencyCap = 2;
    o.durationMs = 30000.5;
    FixedKeepAlivePolicy policy(600000);
    const SimulationResult r = mustRun(o, policy);
    QCOMPARE(r.arrivals, quint64(301));
    QCOMPARE(r.coldStarts, quint64(2));
    QCOMPARE(r.throttled, quint64(100)); // t = 200, 500, ..., 29900 ms
    QCOMPARE(r.maxInstances, 2);
}

void tst_Simulator::provisionedInstancesNeverColdStart()
{
    // Load 0.1 (1/s, 100 ms): more than 5 at once is practically impossible, so 5 provisioned
    // instances serve everything warm even without keep-alive; without them, all are cold.
    SimulationOptions o;
    o.arrivals = ArrivalProcess::poisson(1);
    o.serviceTime = ServiceTime::fixed(100);
    o.initTime = ServiceTime::fixed(500);
    o.durationMs = 1e5 * 1000.0;
    o.concurrencyCap = 10;
    FixedKeepAlivePolicy none(0);
    const SimulationResult without = mustRun(o, none);
    QCOMPARE(without.coldStarts, without.arrivals);
    o.provisionedInstances = 5;
    const SimulationResult with = mustRun(o, none);
    QCOMPARE(with.coldStarts, quint64(0));
    QCOMPARE(with.warmStarts, with.arrivals);
    QCOMPARE(with.maxInstances, 5);
    // Five instances loaded the whole time: busy + idle = 5 * duration.
    QVERIFY(std::abs(with.meanInstances - 5.0) < 0.01);
    QVERIFY(std::abs(with.latency.maxMs() - 100.0) < 1.0);

    // Every 100 ms, each busy 250 ms: three at once at most. Two provisioned instances leave
    // every third request cold (it finds both busy); three leave none.
    o.arrivals = ArrivalProcess::periodic(100);
    o.serviceTime = ServiceTime::fixed(250);
    o.durationMs = 30000.5;
    o.provisionedInstances = 2;
    const SimulationResult two = mustRun(o, none);
    QCOMPARE(two.arrivals, quint64(301));
    QCOMPARE(two.coldStarts, quint64(100));
    o.provisionedInstances = 3;
    const SimulationResult three = mustRun(o, none);
    QCOMPARE(three.coldStarts, quint64(0));
}

void tst_Simulator::noKeepAliveMakesEveryRequestCold()
{
    SimulationOptions o;
    o.arrivals = ArrivalProcess::poisson(3);
    o.serviceTime = ServiceTime::fixed(10);
    o.durationMs = 3600000;
    FixedKeepAlivePolicy none(0);
    const SimulationResult r = mustRun(o, none);
    QCOMPARE(r.coldStarts, r.arrivals);
    QVERIFY(r.idleInstanceMs < 1e-9);
}

void tst_Simulator::hybridPolicyLearnsAPeriodicWorkload()
{
    // A timer every 30 minutes for 30 days (1440 invocations).
    SimulationOptions o;
    o.arrivals = ArrivalProcess::periodic(30 * 60000.0);
    o.serviceTime = ServiceTime::fixed(100);
    o.initTime = ServiceTime::fixed(400);
    o.durationMs = 30 * 86400000.0;

    FixedKeepAlivePolicy tenMinutes(10 * 60000);
    const SimulationResult fixed10 = mustRun(o, tenMinutes);
    QCOMPARE(fixed10.arrivals, quint64(1440));
    QCOMPARE(fixed10.coldStarts, quint64(1440));

    FixedKeepAlivePolicy thirtyFive(35 * 60000);
    const SimulationResult fixed35 = mustRun(o, thirtyFive);
    QCOMPARE(fixed35.coldStarts, quint64(1));

    HybridHistogramPolicy hybrid;
    const SimulationResult learned = mustRun(o, hybrid);
    QVERIFY(hybrid.representative());
    QVERIFY2(learned.coldStarts <= 1440 / 100,
             qPrintable(QStringLiteral("%1 cold").arg(learned.coldStarts)));
    QVERIFY(learned.preWarmLoads > 1000);
    // Loaded from ~26 to ~30 minutes of each cycle instead of 30 of 30.
    QVERIFY2(learned.idleInstanceMs < 0.25 * fixed35.idleInstanceMs,
             qPrintable(QStringLiteral("hybrid idle %1 h, fixed 35 min idle %2 h")
                            .arg(learned.idleInstanceMs / 3.6e6)
                            .arg(fixed35.idleInstanceMs / 3.6e6)));
}

void tst_Simulator::latencyIsInitPlusServiceWhenCold()
{
    SimulationOptions o;
    o.arrivals = ArrivalProcess::periodic(1000);
    o.serviceTime = ServiceTime::fixed(120);
    o.initTime = ServiceTime::fixed(400);
    o.durationMs = 100000;
    FixedKeepAlivePolicy policy(600000);
    const SimulationResult r = mustRun(o, policy);
    QCOMPARE(r.coldStarts, quint64(1));
    QCOMPARE(r.arrivals, quint64(100));
    QVERIFY(std::abs(r.latency.maxMs() - 520.0) < 1e-9);
    QVERIFY(std::abs(r.latency.percentileMs(50) - 120.0) < 1.2); // within the 1% bucket
    QVERIFY(std::abs(r.initMsTotal - 400.0) < 1e-9);
    QVERIFY(std::abs(r.busyInstanceMs - (100 * 120.0 + 400.0)) < 1e-6);
}

void tst_Simulator::cancelStopsEarlyAndProgressIsReported()
{
    SimulationOptions o;
    o.arrivals = ArrivalProcess::poisson(1000);
    o.serviceTime = ServiceTime::fixed(5);
    o.durationMs = 1e4 * 1000.0; // 10^7 arrivals
    FixedKeepAlivePolicy policy(1000);
    std::atomic<bool> cancel{false};
    int calls = 0;
    double last = 0;
    SimulationControl control;
    control.cancel = &cancel;
    control.progress = [&](double fraction) {
        ++calls;
        QVERIFY(fraction >= last);
        last = fraction;
        if (fraction > 0.1)
            cancel = true;
    };
    const SimulationResult r = mustRun(o, policy, control);
    QVERIFY(r.cancelled);
    QVERIFY(calls > 1);
    QVERIFY(r.arrivals < 3000000);
    QVERIFY(r.simulatedMs < o.durationMs / 2);
}

void tst_Simulator::rejectsOptionsThatCannotRun()
{
    FixedKeepAlivePolicy policy(1000);
    SimulationOptions endless; // Poisson with no duration
    QCOMPARE(Simulator::run(endless, policy).error().code, ErrorCode::InvalidArgument);
    SimulationOptions tooMany;
    tooMany.durationMs = 1000;
    tooMany.concurrencyCap = 2;
    tooMany.provisionedInstances = 3;
    const auto r = Simulator::run(tooMany, policy);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(QStringLiteral("Provisioned")));
}

QTEST_GUILESS_MAIN(tst_Simulator)
#include "tst_Simulator.moc"
