// bench_cost: how fast the cost engine prices scenarios, on one core.
//
// The catalog is parsed once (as the CLI and the GUI do); then, for a fixed time each:
//   - single evaluations, CostEngine::price, per provider, over a rotating set of usages
//     (memory, duration, volume, free tier and cold starts varying so nothing is cached);
//   - the same with a measured duration distribution of 200 buckets (per-bucket rounding);
//   - a memory sweep of every size from 128 to 10240 MB in 64 MB steps (AWS);
//   - a break-even search (bisection over the monthly volume, about 40 evaluations).
// Prints a markdown table and the command line that reproduces it. Not a test.
//
// Usage: bench_cost [--seconds S]   (per measurement, default 2)

#include "cost/CostEngine.h"
#include "cost/PricingCatalog.h"
#include "cost/ScenarioAnalysis.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <functional>

using namespace swb;

namespace {

QTextStream out(stdout);

struct Rate {
    long long evaluations = 0;
    double seconds = 0;
    double perSecond() const { return seconds > 0 ? double(evaluations) / seconds : 0; }
};

// Calls `step` (which returns how many evaluations it made, or -1 on an error) until `seconds`
// have passed.
Rate measure(double seconds, const std::function<long long(long long)>& step)
{
    Rate r;
    QElapsedTimer t;
    t.start();
    long long i = 0;
    while (t.nsecsElapsed() < qint64(seconds * 1e9)) {
        const long long n = step(i++);
        if (n < 0)
            return {};
        r.evaluations += n;
    }
    r.seconds = double(t.nsecsElapsed()) / 1e9;
    return r;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    double seconds = 2;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--seconds") && i + 1 < args.size()) {
            seconds = args[++i].toDouble();
        } else {
            out << "usage: bench_cost [--seconds S]\n";
            return 2;
        }
    }
    if (seconds <= 0) {
        out << "--seconds must be above 0\n";
        return 2;
    }
    const QString loadBefore = loadAverage();
    QElapsedTimer parse;
    parse.start();
    auto catalog = PricingCatalog::builtIn();
    const double parseMs = double(parse.nsecsElapsed()) / 1e6;
    if (!catalog) {
        out << "PricingCatalog::builtIn failed: " << catalog.error().message << '\n';
        return 1;
    }
    const CostEngine engine(std::move(*catalog));
    const ScenarioAnalysis analysis(engine);

    // 64 usages that differ in every input the rules look at.
    QList<BillingUsage> usages;
    for (int i = 0; i < 64; ++i) {
        BillingUsage u = BillingUsage::typed(1'000'000LL * (1 + i % 7) * (i % 3 == 0 ? 1000 : 1),
                                             20.0 + 37.5 * (i % 11), 128 << (i % 4));
        u.includeFreeTier = i % 2 == 0;
        if (i % 5 == 0) {
            u.coldStartShare = 0.01 * (1 + i % 4);
            u.initDurationMs = 150 + 10 * (i % 9);
        }
        usages.append(u);
    }
    QList<DurationBucket> measured;
    for (int b = 0; b < 200; ++b)
        measured.append(DurationBucket{1.0 + b * 2.5, double(1 + (b * 37) % 97)});

    struct Row {
        QString what;
        Rate rate;
    };
    QList<Row> rows;
    bool failed = false;
    for (const QString& provider : CostEngine::providers()) {
        const Rate r = measure(seconds, [&](long long i) -> long long {
            BillingUsage u = usages[int(i % usages.size())];
            if (provider == QLatin1String("openwhisk") || provider == QLatin1String("gcp"))
                u.memoryMb = 256; // sizes every plan of theirs offers
            if (!engine.price(provider, u)) {
                failed = true;
                return -1;
            }
            return 1;
        });
        rows.append({QStringLiteral("price(), %1, typed duration").arg(provider), r});
    }
    {
        BillingUsage u = BillingUsage::typed(50'000'000, 0, 512);
        u.durations = measured;
        const Rate r = measure(seconds, [&](long long i) -> long long {
            u.invocations = 50'000'000 + i;
            return engine.price(QStringLiteral("aws"), u) ? 1 : (failed = true, -1);
        });
        rows.append({QStringLiteral("price(), aws, 200 measured duration buckets"), r});
    }
    {
        const QList<int> sizes = ScenarioAnalysis::memorySizes(128, 10240, 64);
        BillingUsage u = BillingUsage::typed(10'000'000, 250, 512);
        const Rate r = measure(seconds, [&](long long) -> long long {
            const auto sweep = analysis.sweep(QStringLiteral("aws"), u, sizes);
            return sweep ? sweep->points.size() : (failed = true, -1);
        });
        rows.append(
            {QStringLiteral("sweep(), aws, %1 sizes (counted per size)").arg(sizes.size()), r});
    }
    {
        const QString server = engine.catalog().serverIds().value(0);
        BillingUsage u = BillingUsage::typed(1, 120, 256);
        long long searches = 0;
        const Rate r = measure(seconds, [&](long long) -> long long {
            ++searches;
            return analysis.breakEven(QStringLiteral("aws"), u, server) ? 1 : (failed = true, -1);
        });
        rows.append({QStringLiteral("breakEven(), aws vs %1 (counted per search)").arg(server), r});
    }
    if (failed) {
        out << "an evaluation failed; the figures would be meaningless\n";
        return 1;
    }

    out << "# bench_cost\n\n"
        << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ", "
        << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount()
        << " CPUs, one thread; catalog parsed in " << QString::number(parseMs, 'f', 1) << " ms\n\n"
        << "| what | evaluations | seconds | per second |\n| --- | ---: | ---: | ---: |\n";
    for (const Row& row : rows)
        out << "| " << row.what << " | " << row.rate.evaluations << " | "
            << QString::number(row.rate.seconds, 'f', 2) << " | "
            << QString::number(row.rate.perSecond(), 'f', 0) << " |\n";
    out << "\nload average before " << loadBefore << ", after " << loadAverage() << '\n'
        << "reproduce: `" << args.join(QLatin1Char(' ')) << "`\n";
    return 0;
}
