// bench_sim: simulated arrivals per second of the platform simulator on one core, for the
// Poisson / fixed keep-alive case (small and large pools), a trace replay, the hybrid policy,
// and a 10^9-arrival month. Reference: SimFaaS 0.2.2 (Python) does ~60k arrivals/s with ~8
// instances on this machine (../shared/ANCHORS.md).
//
//   bench_sim [--quick] [--skip-month] [--only SUBSTRING] [--month-arrivals N]
//             [--trace FILE --function HASH]
#include "KeepAlivePolicy.h"
#include "sim/HybridHistogramPolicy.h"
#include "sim/InvocationTrace.h"
#include "sim/Simulator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>
#include <ctime>
#include <sys/resource.h>

using namespace swb;
using namespace swb::sim;

namespace {

// CPU time of this thread: on a machine shared with other people's compilers, wall time
// includes the time the scheduler gave to them.
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double peakRssMib()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

QString g_filter; // --only SUBSTRING: run the cases whose name contains it

void report(const char* name, const SimulationOptions& options, KeepAlivePolicy& policy)
{
    if (!g_filter.isEmpty() && !QString::fromLatin1(name).contains(g_filter))
        return;
    QElapsedTimer clock;
    clock.start();
    const double cpuBefore = threadCpuSeconds();
    const auto r = Simulator::run(options, policy);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double cpuSeconds = threadCpuSeconds() - cpuBefore;
    if (!r) {
        std::printf("%-44s failed: %s\n", name, qPrintable(r.error().message));
        return;
    }
    std::printf("%-44s %12llu arrivals %7.2f s wall %6.1f M/s, %7.2f s CPU %6.1f M/s  cold %.5f  "
                "throttled %.5f  mean inst %.2f  max inst %d  p99 %.1f ms  peak RSS %.1f MiB\n",
                name, static_cast<unsigned long long>(r->arrivals), seconds,
                double(r->arrivals) / seconds / 1e6, cpuSeconds,
                double(r->arrivals) / cpuSeconds / 1e6, r->coldStartRatio(), r->throttleRatio(),
                r->meanInstances, r->maxInstances, r->latency.percentileMs(99), peakRssMib());
    std::fflush(stdout);
}

SimulationOptions poisson(double ratePerSecond, double arrivals)
{
    SimulationOptions o;
    o.arrivals = ArrivalProcess::poisson(ratePerSecond);
    o.serviceTime = ServiceTime::fixed(120);
    o.initTime = ServiceTime::fixed(400);
    o.durationMs = arrivals / ratePerSecond * 1000.0;
    o.seed = 1;
    return o;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    static const QStringList known = {QStringLiteral("--quick"), QStringLiteral("--skip-month"),
                                      QStringLiteral("--only"),  QStringLiteral("--month-arrivals"),
                                      QStringLiteral("--trace"), QStringLiteral("--function")};
    for (qsizetype i = 1; i < args.size(); ++i) {
        const bool takesValue =
            args[i] == QLatin1String("--only") || args[i] == QLatin1String("--month-arrivals") ||
            args[i] == QLatin1String("--trace") || args[i] == QLatin1String("--function");
        if (!known.contains(args[i])) {
            std::printf("usage: bench_sim [--quick] [--skip-month] [--only SUBSTRING] "
                        "[--month-arrivals N] [--trace FILE --function HASH]\n");
            return args[i] == QLatin1String("--help") ? 0 : 2;
        }
        if (takesValue)
            ++i;
    }
    const bool quick = args.contains(QStringLiteral("--quick"));
    const double n = quick ? 1e7 : 1e8;
    if (const int only = int(args.indexOf(QStringLiteral("--only"))); only > 0)
        g_filter = args.value(only + 1);
    const int monthAt = int(args.indexOf(QStringLiteral("--month-arrivals")));
    const double monthArrivals = monthAt > 0 ? args.value(monthAt + 1).toDouble() : 1e9;
    std::printf("bench_sim (one core, %s build): %s\n",
#ifdef NDEBUG
                "release",
#else
                "DEBUG -- figures are not representative",
#endif
                qPrintable(args.join(QLatin1Char(' '))));

    FixedKeepAlivePolicy tenMinutes(600000);
    report("poisson 5/s, 120 ms, keep 10 min", poisson(5, n), tenMinutes);
    report("poisson 100/s (12 busy), keep 10 min", poisson(100, n), tenMinutes);
    report("poisson 10000/s (1200 busy), keep 10 min", poisson(10000, n), tenMinutes);
    FixedKeepAlivePolicy oneSecond(1000);
    SimulationOptions churn = poisson(5, n);
    churn.serviceTime = ServiceTime::exponential(120);
    report("poisson 5/s, exp 120 ms, keep 1 s (churn)", churn, oneSecond);
    SimulationOptions capped = poisson(100, n);
    capped.concurrencyCap = 10;
    capped.serviceTime = ServiceTime::exponential(120);
    report("poisson 100/s, exp 120 ms, cap 10", capped, tenMinutes);
    SimulationOptions logn = poisson(100, n);
    logn.serviceTime = ServiceTime::logNormal(120, 0.8);
    report("poisson 100/s, lognormal 120 ms", logn, tenMinutes);

    // Trace replay: a synthetic 30-day trace of n arrivals (the minute counts of a diurnal
    // function), or a real file.
    std::vector<quint32> counts(30 * 1440);
    const double perMinute = n / double(counts.size());
    for (size_t m = 0; m < counts.size(); ++m)
        counts[m] = quint32(perMinute * (1.0 + 0.8 * std::sin(2 * M_PI * double(m % 1440) / 1440)));
    SimulationOptions traced = poisson(1, 1);
    traced.arrivals =
        ArrivalProcess::trace(std::make_shared<const std::vector<quint32>>(std::move(counts)));
    traced.durationMs = 0;
    report("trace, 30 days synthetic diurnal", traced, tenMinutes);
    const int traceAt = int(args.indexOf(QStringLiteral("--trace")));
    const int functionAt = int(args.indexOf(QStringLiteral("--function")));
    if (traceAt > 0 && functionAt > 0 && traceAt + 1 < args.size() &&
        functionAt + 1 < args.size()) {
        QElapsedTimer load;
        load.start();
        auto trace = InvocationTrace::load({args.at(traceAt + 1)}, args.at(functionAt + 1));
        if (!trace) {
            std::printf("trace: %s\n", qPrintable(trace.error().message));
            return 1;
        }
        std::printf("trace file read in %.2f s\n", double(load.nsecsElapsed()) / 1e9);
        SimulationOptions file = poisson(1, 1);
        file.arrivals = ArrivalProcess::trace(
            std::make_shared<const std::vector<quint32>>(std::move(trace->countsPerMinute)));
        file.durationMs = 0;
        report("trace file", file, tenMinutes);
    }

    HybridHistogramPolicy hybrid;
    report("poisson 5/s, hybrid policy", poisson(5, n / 10), hybrid);

    if (!quick && !args.contains(QStringLiteral("--skip-month"))) {
        // 10^9 arrivals in 30 days: 385.8 per second, 46 busy on average.
        SimulationOptions month = poisson(1e9 / (30 * 86400.0), monthArrivals);
        report("month: 10^9 arrivals, 30 d, keep 10 min", month, tenMinutes);
    }
    return 0;
}
