// swb simulate: the platform simulator. Days or months of a function's traffic in seconds, to
// see what keep-alive, a concurrency cap or provisioned instances do to cold starts and usage.
#include "Commands.h"

#include "HistoryStore.h"
#include "KeepAlivePolicy.h"
#include "cost/CostEngine.h"
#include "format/WorkspaceFile.h"
#include "sim/HybridHistogramPolicy.h"
#include "sim/InvocationTrace.h"
#include "sim/SimulationBilling.h"
#include "sim/Simulator.h"

#include <QElapsedTimer>
#include <QJsonObject>

#include <cmath>
#include <optional>
#include <unistd.h>

namespace swb::cli {

namespace {

using namespace swb::sim;

const QString kCommand = QStringLiteral("simulate");

QString percent(quint64 part, quint64 whole)
{
    return QStringLiteral("%1%").arg(whole ? 100.0 * double(part) / double(whole) : 0.0, 0, 'f', 3);
}

QJsonObject resultToJson(const SimulationResult& r)
{
    QJsonObject latency{
        {QStringLiteral("meanMs"), r.latency.meanMs()},
        {QStringLiteral("p50Ms"), r.latency.percentileMs(50)},
        {QStringLiteral("p90Ms"), r.latency.percentileMs(90)},
        {QStringLiteral("p95Ms"), r.latency.percentileMs(95)},
        {QStringLiteral("p99Ms"), r.latency.percentileMs(99)},
        {QStringLiteral("p999Ms"), r.latency.percentileMs(99.9)},
        {QStringLiteral("maxMs"), r.latency.maxMs()},
    };
    return QJsonObject{
        {QStringLiteral("arrivals"), double(r.arrivals)},
        {QStringLiteral("served"), double(r.served())},
        {QStringLiteral("warmStarts"), double(r.warmStarts)},
        {QStringLiteral("coldStarts"), double(r.coldStarts)},
        {QStringLiteral("throttled"), double(r.throttled)},
        {QStringLiteral("preWarmLoads"), double(r.preWarmLoads)},
        {QStringLiteral("coldStartRatio"), r.coldStartRatio()},
        {QStringLiteral("throttleRatio"), r.throttleRatio()},
        {QStringLiteral("simulatedMs"), r.simulatedMs},
        {QStringLiteral("busyInstanceMs"), r.busyInstanceMs},
        {QStringLiteral("idleInstanceMs"), r.idleInstanceMs},
        {QStringLiteral("initMsTotal"), r.initMsTotal},
        {QStringLiteral("serviceMsTotal"), r.serviceMsTotal},
        {QStringLiteral("meanInstances"), r.meanInstances},
        {QStringLiteral("meanBusyInstances"), r.meanBusyInstances},
        {QStringLiteral("maxInstances"), r.maxInstances},
        {QStringLiteral("memoryMb"), r.memoryMb},
        {QStringLiteral("provisionedInstances"), r.provisionedInstances},
        {QStringLiteral("cancelled"), r.cancelled},
        {QStringLiteral("latency"), latency},
    };
}

// Service (and init) times measured by the runner for `function` in the workspace's history.
Result<std::pair<ServiceTime, std::optional<ServiceTime>>>
measuredTimes(const QString& workspaceFolder, const QString& function)
{
    const auto loaded = WorkspaceFile::load(workspaceFolder);
    if (!loaded)
        return std::unexpected(loaded.error());
    const auto store = HistoryStore::open(HistoryStore::defaultPath(loaded->workspace.folder));
    if (!store)
        return std::unexpected(store.error());
    const auto recent = (*store)->recent(function, 100000);
    if (!recent)
        return std::unexpected(recent.error());
    std::vector<double> service;
    std::vector<double> init;
    for (const InvocationSummary& s : *recent) {
        if (s.outcome != InvocationOutcome::Success)
            continue;
        service.push_back(s.durationMs);
        if (s.coldStart && s.initDurationMs > 0)
            init.push_back(s.initDurationMs);
    }
    if (service.empty())
        return fail(ErrorCode::NotFound,
                    Tr::tr("There are no successful invocations of %1 in the history of "
                           "%2; run it first (swb invoke or swb load).")
                        .arg(function, loaded->workspace.folder));
    auto serviceTime = ServiceTime::empirical(std::move(service));
    if (!serviceTime)
        return std::unexpected(serviceTime.error());
    std::optional<ServiceTime> initTime;
    if (!init.empty()) {
        auto i = ServiceTime::empirical(std::move(init));
        if (!i)
            return std::unexpected(i.error());
        initTime = *i;
    }
    return std::pair{*serviceTime, initTime};
}

} // namespace

int runSimulate(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Simulate a function's instance pool: arrivals, service and init times, keep-alive, a "
        "concurrency cap (throttles, no queue) and provisioned instances. Durations take a unit: "
        "500ms, 30s, 10m, 2h, 1d, 1mo (30 days); a bare number is seconds."));
    const auto option = [&parser](const char* name, const char* description,
                                  const char* valueName = nullptr,
                                  const char* defaultValue = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(description));
        if (valueName)
            o.setValueName(QString::fromLatin1(valueName));
        if (defaultValue)
            o.setDefaultValue(QString::fromLatin1(defaultValue));
        parser.addOption(o);
        return o;
    };
    const auto rate = option("rate", "Mean invocations per second (not with --trace).", "R");
    const auto arrivals = option("arrivals",
                                 "poisson (default), periodic (every 1/R s), bursty (Poisson at "
                                 "R during --on, nothing during --off) or diurnal (R * (1 + "
                                 "--amplitude * sin(2 pi t / --period))).",
                                 "KIND", "poisson");
    const auto on = option("on", "bursty: how long a burst lasts (default 1m).", "D", "1m");
    const auto off =
        option("off", "bursty: the quiet time between bursts (default 9m).", "D", "9m");
    const auto amplitude = option("amplitude", "diurnal: from 0 to 1 (default 0.8).", "A", "0.8");
    const auto period = option("period", "diurnal: the period (default 1d).", "D", "1d");
    const auto duration =
        option("duration", "Simulated time (default 1d; with --trace, the trace's length).", "D");
    const auto serviceMs =
        option("service-ms", "Mean service time in ms (default 100).", "MS", "100");
    const auto service = option("service",
                                "The service time's distribution: fixed (default), exponential "
                                "or lognormal (with --service-sigma).",
                                "KIND", "fixed");
    const auto serviceSigma =
        option("service-sigma", "lognormal: the standard deviation of ln(duration) (default 0.5).",
               "S", "0.5");
    const auto initMs = option(
        "init-ms", "Init (cold-start) time in ms added to a cold request (default 0).", "MS", "0");
    const auto keepAlive = option(
        "keep-alive", "How long an idle instance is kept (fixed policy; default 10m).", "D", "10m");
    const auto policy = option("policy",
                               "fixed (default: --keep-alive), none (no keep-alive) or hybrid "
                               "(the histogram policy of Shahrad et al. 2020).",
                               "P", "fixed");
    const auto hybridRange =
        option("hybrid-range",
               "hybrid: the idle-time histogram's range and fallback keep-alive "
               "(default 4h).",
               "D", "4h");
    const auto cap = option("cap",
                            "Concurrency cap: instances at most; beyond it requests are "
                            "throttled (default 1000).",
                            "N", "1000");
    const auto provisioned = option(
        "provisioned", "Provisioned instances: always loaded, used first (default 0).", "N", "0");
    const auto memory = option(
        "memory", "The function's memory in MB, reported for pricing (default 128).", "MB", "128");
    const auto trace = option("trace",
                              "Replay an Azure Functions 2019 trace "
                              "(invocations_per_function_md.anon.dNN.csv); repeat for "
                              "several days, in order.",
                              "FILE");
    const auto function = option("function", "With --trace: the HashFunction to replay.", "HASH");
    const auto measured = option("measured",
                                 "Take service and init times from this function's history in "
                                 "the workspace (see --workspace).",
                                 "FUNCTION");
    const auto seed =
        option("seed", "Random seed (default 1): the same seed, the same result.", "N", "1");
    const auto provider = option("provider",
                                 "Price the run, scaled to a 730-hour month: aws (default), azure, "
                                 "gcp, openwhisk, or none.",
                                 "P", "aws");
    const auto freeTier =
        option("free-tier", "Subtract the provider's monthly free grants from the cost.");
    parser.addOption(workspaceOption());
    parser.addOption(jsonOption());
    if (const auto exit = parseCommandLine(
            parser, args, console, kCommand,
            QStringLiteral("--rate R [--duration 1d] [--service-ms MS] [--init-ms MS] "
                           "[--keep-alive 10m] [--policy fixed|none|hybrid] [--cap N] "
                           "[--trace FILE --function HASH] [--seed N] [--json]")))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return console.usage(Tr::tr("simulate takes no positional arguments."), kCommand);

    // Every value is checked before anything runs; a bad one names its option.
    const auto durationOf = [&](const QCommandLineOption& o) -> std::optional<double> {
        return parseDurationMs(parser.value(o));
    };
    const auto badDuration = [&](const QCommandLineOption& o) {
        return console.usage(Tr::tr("--%1 needs a duration such as 500ms, 30s, 10m, 2h, "
                                    "1d or 1mo; got \"%2\".")
                                 .arg(o.names().first(), parser.value(o)),
                             kCommand);
    };
    const auto number = [&](const QCommandLineOption& o, double low, double high,
                            double& out) -> bool {
        bool ok = false;
        out = parser.value(o).toDouble(&ok);
        return ok && std::isfinite(out) && out >= low && out <= high;
    };
    const auto badNumber = [&](const QCommandLineOption& o, const QString& range) {
        return console.usage(
            Tr::tr("--%1 needs %2; got \"%3\".").arg(o.names().first(), range, parser.value(o)),
            kCommand);
    };

    SimulationOptions options;
    double value = 0;
    if (!number(seed, 0, 1.8e19, value))
        return badNumber(seed, Tr::tr("a whole number, 0 or more"));
    options.seed = parser.value(seed).toULongLong();
    if (!number(cap, 1, 1e9, value))
        return badNumber(cap, Tr::tr("a number of instances, 1 or more"));
    options.concurrencyCap = int(value);
    if (!number(provisioned, 0, options.concurrencyCap, value))
        return badNumber(provisioned, Tr::tr("a number from 0 to the cap"));
    options.provisionedInstances = int(value);
    if (!number(memory, 1, 1e6, value))
        return badNumber(memory, Tr::tr("megabytes, 1 or more"));
    options.memoryMb = int(value);
    const QString providerName = parser.value(provider);
    if (providerName != QLatin1String("none") && !CostEngine::providers().contains(providerName))
        return badNumber(
            provider,
            Tr::tr("one of %1 or none").arg(CostEngine::providers().join(QStringLiteral(", "))));

    double serviceMean = 0;
    if (!number(serviceMs, 0, 1e12, serviceMean))
        return badNumber(serviceMs, Tr::tr("milliseconds, 0 or more"));
    double sigma = 0;
    if (!number(serviceSigma, 0, 10, sigma))
        return badNumber(serviceSigma, Tr::tr("a number from 0 to 10"));
    const QString serviceKind = parser.value(service);
    if (serviceKind == QLatin1String("fixed"))
        options.serviceTime = ServiceTime::fixed(serviceMean);
    else if (serviceKind == QLatin1String("exponential"))
        options.serviceTime = ServiceTime::exponential(serviceMean);
    else if (serviceKind == QLatin1String("lognormal"))
        options.serviceTime = ServiceTime::logNormal(serviceMean, sigma);
    else
        return badNumber(service, Tr::tr("fixed, exponential or lognormal"));
    double init = 0;
    if (!number(initMs, 0, 1e12, init))
        return badNumber(initMs, Tr::tr("milliseconds, 0 or more"));
    options.initTime = ServiceTime::fixed(init);

    const auto keepAliveMs = durationOf(keepAlive);
    if (!keepAliveMs)
        return badDuration(keepAlive);
    const auto rangeMs = durationOf(hybridRange);
    if (!rangeMs || *rangeMs < 60000)
        return console.usage(Tr::tr("--hybrid-range needs a duration of 1m or more, such "
                                    "as 4h; got \"%1\".")
                                 .arg(parser.value(hybridRange)),
                             kCommand);
    std::unique_ptr<KeepAlivePolicy> keepAlivePolicy;
    const QString policyName = parser.value(policy);
    if (policyName == QLatin1String("fixed")) {
        keepAlivePolicy =
            std::make_unique<FixedKeepAlivePolicy>(qint64(std::llround(*keepAliveMs)));
    } else if (policyName == QLatin1String("none")) {
        keepAlivePolicy = std::make_unique<FixedKeepAlivePolicy>(0);
    } else if (policyName == QLatin1String("hybrid")) {
        HybridHistogramOptions h;
        h.rangeMs = qint64(std::llround(*rangeMs));
        keepAlivePolicy = std::make_unique<HybridHistogramPolicy>(h);
    } else {
        return badNumber(policy, Tr::tr("fixed, none or hybrid"));
    }

    if (parser.isSet(duration)) {
        const auto d = durationOf(duration);
        if (!d || *d <= 0)
            return badDuration(duration);
        options.durationMs = *d;
    }

    const QStringList traceFiles = parser.values(trace);
    if (!traceFiles.isEmpty()) {
        if (parser.isSet(rate))
            return console.usage(Tr::tr("--rate and --trace do not go together: the "
                                        "trace sets the arrivals."),
                                 kCommand);
        if (!parser.isSet(function))
            return console.usage(Tr::tr("--trace needs --function HASH: the "
                                        "HashFunction whose invocations to replay."),
                                 kCommand);
        auto loaded = InvocationTrace::load(traceFiles, parser.value(function));
        if (!loaded)
            return console.failed(loaded.error());
        options.arrivals = ArrivalProcess::trace(
            std::make_shared<const std::vector<quint32>>(std::move(loaded->countsPerMinute)));
    } else {
        double ratePerSecond = 0;
        if (!parser.isSet(rate) || !number(rate, 0, 1e12, ratePerSecond) || ratePerSecond <= 0)
            return console.usage(
                Tr::tr("--rate needs invocations per second, above 0 (or give --trace)."),
                kCommand);
        if (!parser.isSet(duration))
            options.durationMs = 86400000.0;
        const QString kind = parser.value(arrivals);
        if (kind == QLatin1String("poisson")) {
            options.arrivals = ArrivalProcess::poisson(ratePerSecond);
        } else if (kind == QLatin1String("periodic")) {
            options.arrivals = ArrivalProcess::periodic(1000.0 / ratePerSecond);
        } else if (kind == QLatin1String("bursty")) {
            const auto onMs = durationOf(on);
            if (!onMs || *onMs <= 0)
                return badDuration(on);
            const auto offMs = durationOf(off);
            if (!offMs)
                return badDuration(off);
            options.arrivals = ArrivalProcess::bursty(ratePerSecond, *onMs, *offMs);
        } else if (kind == QLatin1String("diurnal")) {
            double a = 0;
            if (!number(amplitude, 0, 1, a))
                return badNumber(amplitude, Tr::tr("a number from 0 to 1"));
            const auto periodMs = durationOf(period);
            if (!periodMs || *periodMs <= 0)
                return badDuration(period);
            options.arrivals = ArrivalProcess::diurnal(ratePerSecond, a, *periodMs);
        } else {
            return badNumber(arrivals, Tr::tr("poisson, periodic, bursty or diurnal"));
        }
    }

    if (parser.isSet(measured)) {
        const auto times = measuredTimes(workspaceArgument(parser, false), parser.value(measured));
        if (!times)
            return console.failed(times.error());
        options.serviceTime = times->first;
        if (times->second && !parser.isSet(initMs))
            options.initTime = *times->second;
    }

    // Progress on stderr once a run has taken a second: on a terminal one line rewritten in
    // place at most twice a second, to a file or pipe a line at most every 5 seconds.
    const bool terminal = isatty(STDERR_FILENO) == 1;
    QElapsedTimer clock;
    clock.start();
    qint64 lastPrintMs = 0;
    bool printed = false;
    SimulationControl control;
    control.progress = [&](double fraction) {
        const qint64 now = clock.elapsed();
        if (now < 1000 || now - lastPrintMs < (terminal ? 500 : 5000) || fraction >= 1.0)
            return;
        lastPrintMs = now;
        printed = true;
        console.err() << (terminal ? "\r" : "")
                      << Tr::tr("swb simulate: %1% of %2 simulated")
                             .arg(QString::number(100.0 * fraction, 'f', 1),
                                  formatDuration(options.durationMs > 0
                                                     ? options.durationMs
                                                     : options.arrivals.naturalDurationMs()))
                      << (terminal ? "" : "\n");
        console.err().flush();
    };
    const auto result = Simulator::run(options, *keepAlivePolicy, control);
    if (printed && terminal) {
        console.err() << '\n';
        console.err().flush();
    }
    if (!result)
        return console.failed(result.error());
    const SimulationResult& r = *result;

    // The cost through the cost engine; a price that cannot be computed is a warning, the
    // simulation's figures still stand.
    std::optional<CostBreakdown> cost;
    // Scaled to the providers' 730-hour month (prices and free tiers are monthly).
    const double monthScale = monthScaleOf(r.simulatedMs);
    if (providerName != QLatin1String("none") && r.simulatedMs > 0) {
        auto catalog = parser.isSet(QStringLiteral("workspace"))
                           ? PricingCatalog::forWorkspace(workspaceArgument(parser, false))
                           : PricingCatalog::builtIn();
        Result<CostBreakdown> priced =
            catalog
                ? CostEngine(std::move(*catalog))
                      .price(providerName, billingUsageOf(r, monthScale, parser.isSet(freeTier)))
                : std::unexpected(catalog.error());
        if (priced) {
            cost = std::move(*priced);
        } else {
            console.err()
                << Tr::tr("swb: warning: cannot price the run: %1").arg(priced.error().message)
                << '\n';
            console.err().flush();
        }
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = resultToJson(r);
        o.insert(QStringLiteral("arrivalModel"), options.arrivals.describe());
        o.insert(QStringLiteral("serviceModel"), options.serviceTime.describe());
        o.insert(QStringLiteral("policy"), keepAlivePolicy->describe());
        o.insert(QStringLiteral("seed"), QString::number(options.seed));
        o.insert(QStringLiteral("wallSeconds"), double(clock.nsecsElapsed()) / 1e9);
        if (cost) {
            QJsonObject c = cost->toJson();
            c.insert(QStringLiteral("scaledToMonthBy"), monthScale);
            o.insert(QStringLiteral("costPerMonth"), c);
        }
        console.printJson(o);
        return kSuccess;
    }
    QTextStream& out = console.out();
    out << Tr::tr("Simulated %1: %2 arrivals (%3), service %4, init %5")
               .arg(formatDuration(r.simulatedMs), QString::number(r.arrivals),
                    options.arrivals.describe(), options.serviceTime.describe(),
                    options.initTime.describe())
        << '\n';
    out << Tr::tr("Keep-alive: %1; cap %2, provisioned %3")
               .arg(keepAlivePolicy->describe(), QString::number(options.concurrencyCap),
                    QString::number(options.provisionedInstances))
        << "\n\n";
    out << Tr::tr("  cold starts      %1 (%2 of served)")
               .arg(QString::number(r.coldStarts), percent(r.coldStarts, r.served()))
        << '\n';
    out << Tr::tr("  throttled        %1 (%2)")
               .arg(QString::number(r.throttled), percent(r.throttled, r.arrivals))
        << '\n';
    if (r.preWarmLoads)
        out << Tr::tr("  pre-warm loads   %1").arg(QString::number(r.preWarmLoads)) << '\n';
    out << Tr::tr("  latency ms       p50 %1  p90 %2  p99 %3  p99.9 %4  max %5  mean %6\n")
               .arg(r.latency.percentileMs(50), 0, 'f', 1)
               .arg(r.latency.percentileMs(90), 0, 'f', 1)
               .arg(r.latency.percentileMs(99), 0, 'f', 1)
               .arg(r.latency.percentileMs(99.9), 0, 'f', 1)
               .arg(r.latency.maxMs(), 0, 'f', 1)
               .arg(r.latency.meanMs(), 0, 'f', 1);
    out << Tr::tr("  instances        mean %1 (busy %2), max %3\n")
               .arg(r.meanInstances, 0, 'f', 3)
               .arg(r.meanBusyInstances, 0, 'f', 3)
               .arg(r.maxInstances);
    out << Tr::tr("  instance-hours   busy %1, idle %2 (init %3 of busy)\n")
               .arg(r.busyInstanceMs / 3600000.0, 0, 'f', 2)
               .arg(r.idleInstanceMs / 3600000.0, 0, 'f', 2)
               .arg(r.initMsTotal / 3600000.0, 0, 'f', 2);
    out << Tr::tr("  GB-seconds busy  %1 at %2 MB\n")
               .arg(r.busyInstanceMs / 1000.0 * r.memoryMb / 1024.0, 0, 'f', 1)
               .arg(r.memoryMb);
    if (cost) {
        out << Tr::tr("\nCost per 730-hour month (the run scaled by %1):\n")
                   .arg(QString::number(monthScale, 'g', 4))
            << cost->toText() << '\n';
    }
    out << Tr::tr("(%1 s of wall time)\n").arg(double(clock.nsecsElapsed()) / 1e9, 0, 'f', 2);
    return kSuccess;
}

} // namespace swb::cli
