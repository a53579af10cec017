// The simulator's memory is O(instances), not O(invocations): a run of 10^7 arrivals makes
// no more heap allocations than a run of 10^5 with the same pool. Counted by replacing the
// global operator new in this test program only.
#include "KeepAlivePolicy.h"
#include "sim/HybridHistogramPolicy.h"
#include "sim/Simulator.h"

#include <QTest>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<quint64> allocations{0};
}

void* operator new(std::size_t size)
{
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept
{
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept
{
    std::free(p);
}

using namespace swb;
using namespace swb::sim;

class tst_SimulatorMemory : public QObject {
    Q_OBJECT
private slots:
    void allocationsDoNotGrowWithArrivals_data();
    void allocationsDoNotGrowWithArrivals();
};

void tst_SimulatorMemory::allocationsDoNotGrowWithArrivals_data()
{
    QTest::addColumn<bool>("hybrid");
    QTest::addColumn<double>("arrivals");
    QTest::newRow("fixed keep-alive, 10^7 arrivals") << false << 1e7;
    QTest::newRow("hybrid policy, 10^6 arrivals") << true << 1e6; // slower: kept short in Debug
}

void tst_SimulatorMemory::allocationsDoNotGrowWithArrivals()
{
    QFETCH(bool, hybrid);
    QFETCH(double, arrivals);
    const auto allocationsFor = [hybrid](double arrivals) {
        SimulationOptions o;
        o.arrivals = ArrivalProcess::poisson(200);
        o.serviceTime = ServiceTime::exponential(50);
        o.initTime = ServiceTime::fixed(300);
        o.durationMs = arrivals / 200 * 1000.0;
        FixedKeepAlivePolicy fixed(2000);
        HybridHistogramPolicy learned;
        KeepAlivePolicy& policy = hybrid ? static_cast<KeepAlivePolicy&>(learned) : fixed;
        const quint64 before = allocations.load();
        const auto r = Simulator::run(o, policy);
        const quint64 made = allocations.load() - before;
        if (!r || r->arrivals < quint64(arrivals * 0.99))
            qFatal("the simulation did not run");
        return made;
    };
    const quint64 small = allocationsFor(arrivals / 100);
    const quint64 large = allocationsFor(arrivals);
    // Growing the instance containers a few times (doubling) is all; 100 times the arrivals
    // must not add more than a handful of allocations.
    QVERIFY2(large < 100, qPrintable(QString::number(large)));
    QVERIFY2(large <= small + 10,
             qPrintable(QStringLiteral("%1 then %2 allocations").arg(small).arg(large)));
}

QTEST_GUILESS_MAIN(tst_SimulatorMemory)
#include "tst_SimulatorMemory.moc"
