// The simulator's arrival processes: their rates, shapes and a trace's minutes.
#include "sim/ArrivalProcess.h"

#include <QTest>

#include <cmath>

using namespace swb::sim;

class tst_ArrivalProcess : public QObject {
    Q_OBJECT
private slots:
    void meanRateOverALongRun_data();
    void meanRateOverALongRun();
    void burstyIsSilentWhenOff();
    void diurnalFollowsTheSinusoid();
    void traceSpreadsEachMinutesCountInsideIt();
    void poissonGapsAreExponential();
};

void tst_ArrivalProcess::meanRateOverALongRun_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("expectedPerSecond");
    QTest::newRow("poisson 50/s") << 0 << 50.0;
    QTest::newRow("periodic every 40 ms") << 1 << 25.0;
    QTest::newRow("bursty 100/s, 1 s on, 3 s off") << 2 << 25.0;
    QTest::newRow("diurnal mean 10/s") << 3 << 10.0;
}

void tst_ArrivalProcess::meanRateOverALongRun()
{
    QFETCH(int, kind);
    QFETCH(double, expectedPerSecond);
    ArrivalProcess a = kind == 0   ? ArrivalProcess::poisson(50)
                       : kind == 1 ? ArrivalProcess::periodic(40)
                       : kind == 2 ? ArrivalProcess::bursty(100, 1000, 3000)
                                   : ArrivalProcess::diurnal(10, 0.9, 3600000);
    QVERIFY(std::abs(a.meanRatePerSecond() - expectedPerSecond) < 1e-9);
    SimRandom random(5);
    const double endMs = 3600000.0 * 10; // whole periods of the diurnal one
    quint64 n = 0;
    double last = -1;
    for (double t = a.nextMs(random); t < endMs; t = a.nextMs(random)) {
        QVERIFY(t >= last);
        last = t;
        ++n;
    }
    const double rate = double(n) / (endMs / 1000.0);
    QVERIFY2(std::abs(rate - expectedPerSecond) / expectedPerSecond < 0.01,
             qPrintable(QString::number(rate)));
}

void tst_ArrivalProcess::burstyIsSilentWhenOff()
{
    ArrivalProcess a = ArrivalProcess::bursty(200, 2000, 8000);
    SimRandom random(1);
    for (int i = 0; i < 100000; ++i) {
        const double t = a.nextMs(random);
        QVERIFY2(std::fmod(t, 10000.0) < 2000.0, qPrintable(QString::number(t)));
    }
}

void tst_ArrivalProcess::diurnalFollowsTheSinusoid()
{
    // rate(t) = 10 (1 + 0.8 sin(2 pi t / 24 h)): the peak quarter of the day is busier than
    // the trough quarter by the integral of the sine over them.
    ArrivalProcess a = ArrivalProcess::diurnal(10, 0.8);
    SimRandom random(9);
    double peak = 0;
    double trough = 0;
    const double day = 86400000.0;
    for (double t = a.nextMs(random); t < 20 * day; t = a.nextMs(random)) {
        const double phase = std::fmod(t, day) / day;
        if (phase >= 0.125 && phase < 0.375)
            ++peak;
        else if (phase >= 0.625 && phase < 0.875)
            ++trough;
    }
    // Over a quarter centred on the peak, the mean of sin is 2*sqrt(2)/pi = 0.9003.
    const double expectedRatio = (1 + 0.8 * 0.9003) / (1 - 0.8 * 0.9003);
    QVERIFY2(std::abs(peak / trough - expectedRatio) / expectedRatio < 0.02,
             qPrintable(QString::number(peak / trough)));
}

void tst_ArrivalProcess::traceSpreadsEachMinutesCountInsideIt()
{
    auto counts = std::make_shared<const std::vector<quint32>>(std::vector<quint32>{3, 0, 2});
    ArrivalProcess a = ArrivalProcess::trace(counts);
    QCOMPARE(a.naturalDurationMs(), 180000.0);
    SimRandom random(2);
    double last = -1;
    for (int i = 0; i < 3; ++i) {
        const double t = a.nextMs(random);
        QVERIFY(t >= 0 && t < 60000 && t > last);
        last = t;
    }
    for (int i = 0; i < 2; ++i) {
        const double t = a.nextMs(random);
        QVERIFY(t >= 120000 && t < 180000 && t > last);
        last = t;
    }
    QVERIFY(std::isinf(a.nextMs(random)));

    // Spread uniformly: with 60,000 in one minute, each second gets about 1,000.
    ArrivalProcess busy =
        ArrivalProcess::trace(std::make_shared<const std::vector<quint32>>(1, 60000));
    std::vector<int> perSecond(60, 0);
    for (int i = 0; i < 60000; ++i)
        ++perSecond[size_t(busy.nextMs(random) / 1000.0)];
    for (int c : perSecond)
        QVERIFY2(c > 850 && c < 1150, qPrintable(QString::number(c)));
}

void tst_ArrivalProcess::poissonGapsAreExponential()
{
    // P(gap > mean) = e^-1 for exponential gaps.
    ArrivalProcess a = ArrivalProcess::poisson(4); // mean gap 250 ms
    SimRandom random(11);
    double last = 0;
    int longer = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        const double t = a.nextMs(random);
        longer += t - last > 250.0 ? 1 : 0;
        last = t;
    }
    QVERIFY(std::abs(double(longer) / n - std::exp(-1.0)) < 0.005);
}

QTEST_GUILESS_MAIN(tst_ArrivalProcess)
#include "tst_ArrivalProcess.moc"
