// The simulator's fixed-memory latency histogram: percentiles within 1% of the exact ones.
#include "sim/LatencyHistogram.h"
#include "sim/SimRandom.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace swb::sim;

class tst_LatencyHistogram : public QObject {
    Q_OBJECT
private slots:
    void percentilesWithinOnePercentOfExact_data();
    void percentilesWithinOnePercentOfExact();
    void sizeDoesNotDependOnTheCount();
    void smallValuesAreExact();
    void bucketsCoverEveryValue();
};

void tst_LatencyHistogram::percentilesWithinOnePercentOfExact_data()
{
    QTest::addColumn<double>("percentile");
    for (double p : {1.0, 50.0, 90.0, 99.0, 99.9, 100.0})
        QTest::newRow(qPrintable(QStringLiteral("p%1").arg(p))) << p;
}

void tst_LatencyHistogram::percentilesWithinOnePercentOfExact()
{
    QFETCH(double, percentile);
    // Lognormal latencies from 0.1 ms to minutes, rounded to microseconds as recorded.
    SimRandom random(3);
    LatencyHistogram h;
    std::vector<double> all;
    for (int i = 0; i < 200000; ++i) {
        const double ms = std::round(std::exp(5.0 + 2.0 * random.normal()) * 1000.0) / 1000.0;
        h.recordMs(ms);
        all.push_back(ms);
    }
    std::sort(all.begin(), all.end());
    // Nearest rank, as the histogram.
    const size_t rank = std::max<size_t>(1, size_t(std::ceil(percentile / 100.0 * all.size())));
    const double exact = all[rank - 1];
    const double got = h.percentileMs(percentile);
    QVERIFY2(std::abs(got - exact) / exact < 0.01,
             qPrintable(QStringLiteral("%1 vs exact %2").arg(got).arg(exact)));
    QCOMPARE(h.count(), quint64(all.size()));
}

void tst_LatencyHistogram::sizeDoesNotDependOnTheCount()
{
    // No list of samples: a fixed array of counters (~58 KiB).
    static_assert(sizeof(LatencyHistogram) < 64 * 1024);
    LatencyHistogram h;
    for (int i = 0; i < 1000000; ++i)
        h.recordUs(quint64(i) * 977);
    QCOMPARE(h.count(), quint64(1000000));
}

void tst_LatencyHistogram::smallValuesAreExact()
{
    LatencyHistogram h;
    for (quint64 us : {5, 17, 100})
        h.recordUs(us);
    QCOMPARE(h.percentileMs(0), 0.005);
    QCOMPARE(h.percentileMs(50), 0.017);
    QCOMPARE(h.percentileMs(100), 0.1);
    QCOMPARE(h.maxMs(), 0.1);
}

void tst_LatencyHistogram::bucketsCoverEveryValue()
{
    for (quint64 v : {quint64(0), quint64(127), quint64(128), quint64(255), quint64(256),
                      quint64(123456789), quint64(1) << 62, ~quint64(0)}) {
        const int i = LatencyHistogram::indexOf(v);
        QVERIFY(i >= 0 && i < LatencyHistogram::kBucketCount);
        QVERIFY(LatencyHistogram::lowerBoundUs(i) <= double(v));
        QVERIFY(double(v) < LatencyHistogram::upperBoundUs(i) || v == ~quint64(0));
    }
}

QTEST_GUILESS_MAIN(tst_LatencyHistogram)
#include "tst_LatencyHistogram.moc"
