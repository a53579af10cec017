// The simulator's instance series: N evenly spaced samples of the pool (loaded and busy
// instances), checked against pools whose state at any time follows from the inputs.
#include "KeepAlivePolicy.h"
#include "sim/HybridHistogramPolicy.h"
#include "sim/Simulator.h"

#include <QTest>

#include <cmath>

using namespace swb;
using namespace swb::sim;

class tst_SimulatorInstanceSeries : public QObject {
    Q_OBJECT
private slots:
    void noSeriesByDefault()
    {
        SimulationOptions o;
        o.arrivals = ArrivalProcess::poisson(1);
        o.durationMs = 3600000;
        FixedKeepAlivePolicy policy(60000);
        const auto r = Simulator::run(o, policy);
        QVERIFY(r);
        QVERIFY(r->instanceSeries.empty());
        QCOMPARE(r->instanceSeries.capacity(), size_t(0));
    }

    void requestedPointsEvenlySpacedToTheEnd()
    {
        SimulationOptions o;
        o.arrivals = ArrivalProcess::poisson(5);
        o.serviceTime = ServiceTime::exponential(300);
        o.durationMs = 86400000;
        o.instanceSamples = 97;
        FixedKeepAlivePolicy policy(60000);
        const auto r = Simulator::run(o, policy);
        QVERIFY(r);
        QCOMPARE(int(r->instanceSeries.size()), 97);
        for (int i = 0; i < 97; ++i)
            QCOMPARE(r->instanceSeries[size_t(i)].timeMs, 86400000.0 * i / 96);
        QCOMPARE(r->instanceSeries.front().loaded, 0); // nothing before the first request
        int peak = 0;
        double sum = 0;
        for (const InstanceSample& s : r->instanceSeries) {
            QVERIFY(s.busy >= 0);
            QVERIFY(s.busy <= s.loaded);
            peak = std::max(peak, s.loaded);
            sum += s.loaded;
        }
        QVERIFY(peak <= r->maxInstances);
        // Samples of a steady pool average to about its time-weighted mean.
        QVERIFY2(std::abs(sum / 97 - r->meanInstances) < 0.25 * r->meanInstances,
                 qPrintable(QString::number(sum / 97) + QStringLiteral(" vs ") +
                            QString::number(r->meanInstances)));
    }

    // Periodic arrivals every 10 s, each served in 4 s, keep-alive 3 s: the instance is busy
    // from 10k to 10k+4, idle to 10k+7, unloaded to 10(k+1). Samples at known phases.
    void followsTheKeepAlive()
    {
        SimulationOptions o;
        o.arrivals = ArrivalProcess::periodic(10000);
        o.serviceTime = ServiceTime::fixed(4000);
        o.durationMs = 100000;
        o.instanceSamples = 101; // every second
        FixedKeepAlivePolicy policy(3000);
        const auto r = Simulator::run(o, policy);
        QVERIFY(r);
        QCOMPARE(int(r->instanceSeries.size()), 101);
        const double firstArrival = 0; // periodic: arrivals at 0, 10 s, 20 s...
        for (const InstanceSample& s : r->instanceSeries) {
            if (s.timeMs < firstArrival)
                continue;
            const double phase = std::fmod(s.timeMs - firstArrival, 10000.0);
            if (phase == 0)
                continue; // an arrival at the sample's time: seen after it
            const int busy = phase < 4000 ? 1 : 0;
            const int loaded = phase < 7000 ? 1 : 0;
            QCOMPARE(s.busy, busy);
            QCOMPARE(s.loaded, loaded);
        }
    }

    void provisionedAlwaysLoaded()
    {
        SimulationOptions o;
        o.arrivals = ArrivalProcess::poisson(0.01);
        o.durationMs = 3600000;
        o.provisionedInstances = 3;
        o.instanceSamples = 10;
        FixedKeepAlivePolicy policy(0);
        const auto r = Simulator::run(o, policy);
        QVERIFY(r);
        for (const InstanceSample& s : r->instanceSeries)
            QVERIFY(s.loaded >= 3);
    }

    void generalPolicyHasTheSeriesToo()
    {
        SimulationOptions o;
        o.arrivals = ArrivalProcess::poisson(1);
        o.durationMs = 3600000;
        o.instanceSamples = 7;
        HybridHistogramPolicy policy;
        const auto r = Simulator::run(o, policy);
        QVERIFY(r);
        QCOMPARE(int(r->instanceSeries.size()), 7);
        QCOMPARE(r->instanceSeries.back().timeMs, 3600000.0);
    }

    void sameResultWithOrWithoutTheSeries()
    {
        SimulationOptions o;
        o.arrivals = ArrivalProcess::poisson(3);
        o.serviceTime = ServiceTime::exponential(500);
        o.durationMs = 86400000;
        FixedKeepAlivePolicy a(60000);
        const auto without = Simulator::run(o, a);
        o.instanceSamples = 500;
        FixedKeepAlivePolicy b(60000);
        const auto with = Simulator::run(o, b);
        QVERIFY(without && with);
        QCOMPARE(with->coldStarts, without->coldStarts);
        QCOMPARE(with->idleInstanceMs, without->idleInstanceMs);
        QCOMPARE(with->maxInstances, without->maxInstances);
    }

    void rejectsTooManySamples()
    {
        SimulationOptions o;
        o.arrivals = ArrivalProcess::poisson(1);
        o.durationMs = 1000;
        o.instanceSamples = SimulationOptions::kMaxInstanceSamples + 1;
        FixedKeepAlivePolicy policy(0);
        const auto r = Simulator::run(o, policy);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(tst_SimulatorInstanceSeries)
#include "tst_SimulatorInstanceSeries.moc"
