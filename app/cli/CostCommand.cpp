// swb cost: what a function costs a month on AWS, Azure, Google Cloud and OpenWhisk; scenarios
// side by side, memory sweeps and the break-even against an always-on server.
#include "Commands.h"

#include "HistoryStore.h"
#include "cost/CostEngine.h"
#include "cost/MeasuredUsage.h"
#include "cost/PricingCatalog.h"
#include "cost/ScenarioAnalysis.h"
#include "format/WorkspaceFile.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace swb::cli {

namespace {

// The providers' monthly figures count 730 hours; so does --per-second.
constexpr double kSecondsPerMonth = 730.0 * 3600.0;

const QString kCommand = QStringLiteral("cost");

Result<MeasuredUsage> measure(const Workspace& ws, const QString& function)
{
    if (!ws.function(function))
        return fail(ErrorCode::NotFound,
                    Tr::tr("There is no function \"%1\" in %2.").arg(function, ws.filePath()));
    auto store = HistoryStore::open(HistoryStore::defaultPath(ws.folder));
    if (!store)
        return std::unexpected(store.error());
    const auto stats = (*store)->stats(function);
    if (!stats)
        return std::unexpected(stats.error());
    if (stats->ranCount == 0)
        return fail(ErrorCode::NotFound,
                    Tr::tr("The history has no invocation of \"%1\" yet; run it first "
                           "(swb invoke %1 --repeat 20, or swb load %1 ...).")
                        .arg(function));
    return MeasuredUsage::fromStats(*stats);
}

} // namespace

int runCost(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Price a function's month on AWS Lambda, Azure Functions, Google Cloud Functions and "
        "OpenWhisk: requests, compute, cold-start init, free tier, provisioned concurrency, "
        "storage and API Gateway as separate lines. Typed figures, the workspace's saved "
        "scenarios, or durations measured by the local runner. Prices: built-in tables with "
        "their sources (--prices), overridden by the workspace's pricing.json."));
    parser.addOption(workspaceOption());
    const QCommandLineOption provider(
        QStringLiteral("provider"),
        Tr::tr("aws (default), azure, gcp or openwhisk; several separated by commas "
               "price the same usage side by side."),
        QStringLiteral("P"), QStringLiteral("aws"));
    const QCommandLineOption plan(QStringLiteral("plan"),
                                  Tr::tr("azure: consumption (default) or flex; gcp: "
                                         "gen2 (default) or gen1; openwhisk: ibm "
                                         "(default) or self-hosted."),
                                  QStringLiteral("PLAN"));
    const QCommandLineOption memory(QStringLiteral("memory"),
                                    Tr::tr("Memory in MB (default 128, or the measured "
                                           "function's)."),
                                    QStringLiteral("MB"));
    const QCommandLineOption invocations(QStringLiteral("invocations"),
                                         Tr::tr("Invocations per month."), QStringLiteral("N"));
    const QCommandLineOption perSecond(QStringLiteral("per-second"),
                                       Tr::tr("Invocations per second, averaged over a "
                                              "730-hour month (instead of "
                                              "--invocations)."),
                                       QStringLiteral("R"));
    const QCommandLineOption duration(QStringLiteral("duration-ms"),
                                      Tr::tr("Duration of one invocation in ms."),
                                      QStringLiteral("MS"));
    const QCommandLineOption arch(QStringLiteral("arch"), Tr::tr("x86_64 (default) or arm64."),
                                  QStringLiteral("A"));
    const QCommandLineOption region(QStringLiteral("region"),
                                    Tr::tr("The provider's region (default: its first)."),
                                    QStringLiteral("R"));
    const QCommandLineOption freeTier(QStringLiteral("free-tier"),
                                      Tr::tr("Subtract the monthly free tier (off by "
                                             "default: most accounts use it up)."));
    const QCommandLineOption coldShare(QStringLiteral("cold-share"),
                                       Tr::tr("Share of invocations that are cold starts "
                                              "(0..1); with --init-ms."),
                                       QStringLiteral("S"));
    const QCommandLineOption initMs(QStringLiteral("init-ms"),
                                    Tr::tr("Init duration of a cold start in ms."),
                                    QStringLiteral("MS"));
    const QCommandLineOption gateway(QStringLiteral("gateway"),
                                     Tr::tr("API Gateway in front (AWS): none (default), "
                                            "http or rest."),
                                     QStringLiteral("KIND"));
    const QCommandLineOption storage(QStringLiteral("storage-mb"),
                                     Tr::tr("Ephemeral storage in MB (AWS; 512 is free)."),
                                     QStringLiteral("MB"));
    const QCommandLineOption provisioned(
        QStringLiteral("provisioned"),
        Tr::tr("AWS provisioned concurrency: instances kept all month; with "
               "--provisioned-share, the share of invocations they serve (default 1)."),
        QStringLiteral("N"));
    const QCommandLineOption provisionedShare(QStringLiteral("provisioned-share"),
                                              Tr::tr("See --provisioned."), QStringLiteral("S"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      Tr::tr("Price the workspace's scenario NAME."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption compare(QStringLiteral("compare"),
                                     Tr::tr("Price the workspace's scenarios side by "
                                            "side: NAME1,NAME2,..."),
                                     QStringLiteral("NAMES"));
    const QCommandLineOption measured(
        QStringLiteral("measured"),
        Tr::tr("Take the durations (per invocation), the cold-start share and the init "
               "duration from FUNCTION's history in the workspace."),
        QStringLiteral("FUNCTION"));
    const QCommandLineOption sweep(QStringLiteral("sweep"),
                                   Tr::tr("Price memory sizes FROM..TO[:STEP] (MB), "
                                          "scaling the duration with the CPU each size "
                                          "gets."),
                                   QStringLiteral("RANGE"));
    const QCommandLineOption cpuBound(QStringLiteral("cpu-bound"),
                                      Tr::tr("For --sweep: the share of the duration "
                                             "that scales with CPU (default 1)."),
                                      QStringLiteral("S"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     Tr::tr("For --sweep: CPUs the code keeps busy "
                                            "(default 1)."),
                                     QStringLiteral("N"));
    const QCommandLineOption breakEven(QStringLiteral("break-even"),
                                       Tr::tr("The monthly volume where always-on "
                                              "servers become cheaper."));
    const QCommandLineOption server(QStringLiteral("server"),
                                    Tr::tr("For --break-even: the server (see --prices; "
                                           "default: the provider's smallest)."),
                                    QStringLiteral("ID"));
    const QCommandLineOption servers(QStringLiteral("servers"),
                                     Tr::tr("For --break-even: how many (default 1)."),
                                     QStringLiteral("N"));
    const QCommandLineOption prices(QStringLiteral("prices"),
                                    Tr::tr("List the effective prices and where each "
                                           "comes from."));
    for (const auto* o : {&provider, &plan,      &memory,   &invocations, &perSecond,
                          &duration, &arch,      &region,   &freeTier,    &coldShare,
                          &initMs,   &gateway,   &storage,  &provisioned, &provisionedShare,
                          &scenario, &compare,   &measured, &sweep,       &cpuBound,
                          &threads,  &breakEven, &server,   &servers,     &prices})
        parser.addOption(*o);
    parser.addOption(jsonOption());
    if (const auto exit = parseCommandLine(
            parser, args, console, kCommand,
            QStringLiteral("[--provider aws|azure|gcp|openwhisk[,...]] --memory MB --invocations N "
                           "--duration-ms MS [--arch arm64] [--free-tier] [--cold-share S "
                           "--init-ms MS] [--json]\n"
                           "       swb cost --workspace DIR --scenario NAME | --compare A,B,...\n"
                           "       swb cost ... --measured FUNCTION | --sweep 128..3008 | "
                           "--break-even [--server ID] | --prices")))
        return *exit;
    const bool json = parser.isSet(QStringLiteral("json"));
    if (!parser.positionalArguments().isEmpty())
        return console.usage(Tr::tr("cost takes no positional arguments (\"%1\"); name "
                                    "scenarios with --scenario or --compare.")
                                 .arg(parser.positionalArguments().first()),
                             kCommand);

    // Numbers from options: a bad one is a usage error that names the option.
    std::optional<int> usageExit;
    const auto number = [&](const QCommandLineOption& o, double min, double max,
                            const QString& what) -> std::optional<double> {
        if (!parser.isSet(o) || usageExit)
            return std::nullopt;
        bool ok = false;
        const double v = parser.value(o).toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < min || v > max) {
            usageExit = console.usage(QStringLiteral("--%1 needs %2, not \"%3\".")
                                          .arg(o.names().first(), what, parser.value(o)),
                                      kCommand);
            return std::nullopt;
        }
        return v;
    };
    const auto memoryMb = number(memory, 64, 32768, Tr::tr("MB from 64 to 32768"));
    const auto invocationCount = number(invocations, 0, 1e13, Tr::tr("a count from 0 to 10^13"));
    const auto rate = number(perSecond, 0, 1e6, Tr::tr("a rate from 0 to 10^6"));
    const auto durationMs =
        number(duration, 0, 15 * 60 * 1000, Tr::tr("milliseconds from 0 to 900000"));
    const auto cold = number(coldShare, 0, 1, Tr::tr("a share from 0 to 1"));
    const auto init = number(initMs, 0, 15 * 60 * 1000, QStringLiteral("milliseconds"));
    const auto storageMb = number(storage, 512, 10240, Tr::tr("MB from 512 to 10240"));
    const auto provisionedCount = number(provisioned, 0, 100000, Tr::tr("a count of instances"));
    const auto provisionedPart = number(provisionedShare, 0, 1, Tr::tr("a share from 0 to 1"));
    const auto cpuShare = number(cpuBound, 0, 1, Tr::tr("a share from 0 to 1"));
    const auto threadCount = number(threads, 0.01, 1024, Tr::tr("a number of CPUs"));
    const auto serverCount = number(servers, 1, 100000, Tr::tr("a count from 1"));
    if (usageExit)
        return *usageExit;
    if (parser.isSet(invocations) && parser.isSet(perSecond))
        return console.usage(Tr::tr("Give --invocations or --per-second, not both."), kCommand);
    if (parser.isSet(arch) && parser.value(arch) != QLatin1String("x86_64") &&
        parser.value(arch) != QLatin1String("arm64"))
        return console.usage(
            Tr::tr("--arch is x86_64 or arm64, not \"%1\".").arg(parser.value(arch)), kCommand);
    std::optional<GatewayKind> gatewayKind;
    if (parser.isSet(gateway)) {
        gatewayKind = gatewayKindFromName(parser.value(gateway));
        if (!gatewayKind)
            return console.usage(
                Tr::tr("--gateway is none, http or rest, not \"%1\".").arg(parser.value(gateway)),
                kCommand);
    }
    if (parser.isSet(coldShare) != parser.isSet(initMs) && !parser.isSet(measured))
        return console.usage(Tr::tr("--cold-share and --init-ms go together: the cost "
                                    "of cold starts needs both."),
                             kCommand);
    const bool fromScenarios = parser.isSet(scenario) || parser.isSet(compare);
    if (parser.isSet(scenario) && parser.isSet(compare))
        return console.usage(Tr::tr("Give --scenario or --compare, not both."), kCommand);
    if (fromScenarios && parser.isSet(measured))
        return console.usage(Tr::tr("--measured is for typed usage; a scenario measures "
                                    "its own function when it has no durationMs."),
                             kCommand);
    if (parser.isSet(sweep) && parser.isSet(breakEven))
        return console.usage(Tr::tr("Give --sweep or --break-even, not both."), kCommand);
    int sweepFrom = 0, sweepTo = 0, sweepStep = 0;
    if (parser.isSet(sweep)) {
        static const QRegularExpression range(QStringLiteral("^(\\d+)\\.\\.(\\d+)(?::(\\d+))?$"));
        const auto m = range.match(parser.value(sweep));
        if (!m.hasMatch())
            return console.usage(Tr::tr("--sweep takes FROM..TO[:STEP] in MB, such as "
                                        "128..3008 or 128..1024:128, not \"%1\".")
                                     .arg(parser.value(sweep)),
                                 kCommand);
        sweepFrom = m.captured(1).toInt();
        sweepTo = m.captured(2).toInt();
        sweepStep = m.captured(3).toInt();
        if (sweepFrom > sweepTo || (sweepStep > 0 && (sweepTo - sweepFrom) / sweepStep > 1000))
            return console.usage(Tr::tr("--sweep's range must go up, in at most 1000 "
                                        "steps."),
                                 kCommand);
    }

    // The workspace: needed for scenarios, measurements and its pricing.json.
    const bool needsWorkspace = fromScenarios || parser.isSet(measured);
    std::optional<LoadedWorkspace> loaded;
    if (needsWorkspace || parser.isSet(QStringLiteral("workspace"))) {
        auto result = WorkspaceFile::load(workspaceArgument(parser, false));
        if (!result)
            return console.failed(result.error());
        loaded = std::move(*result);
    }
    auto catalog =
        loaded ? PricingCatalog::forWorkspace(loaded->workspace.folder) : PricingCatalog::builtIn();
    if (!catalog)
        return console.failed(catalog.error());
    const CostEngine engine(std::move(*catalog));
    const ScenarioAnalysis analysis(engine);

    if (parser.isSet(prices)) {
        const QStringList wanted =
            parser.isSet(provider) ? parser.value(provider).split(QLatin1Char(',')) : QStringList{};
        QJsonArray items;
        for (const CatalogPrice& p : engine.catalog().entries()) {
            if (!wanted.isEmpty() && !wanted.contains(p.provider))
                continue;
            const QString origin =
                p.origin.overridden
                    ? QStringLiteral("override %1 at %2").arg(p.origin.file, p.origin.pointer)
                    : QStringLiteral("%1 (%2)").arg(p.origin.sourceUrl,
                                                    p.origin.effectiveDate.toString(Qt::ISODate));
            QString amount;
            if (p.isAllowance())
                amount = QStringLiteral("%1 %2 free").arg(*p.quantity).arg(p.unit);
            else
                for (const PriceTier& t : p.tiers)
                    amount +=
                        (amount.isEmpty() ? QString() : QStringLiteral("; ")) +
                        QStringLiteral("%1 per %2 %3%4")
                            .arg(t.price.toString(-1))
                            .arg(p.per)
                            .arg(p.unit)
                            .arg(t.upTo ? QStringLiteral(" up to %1").arg(*t.upTo) : QString());
            if (json) {
                items.append(QJsonObject{{QStringLiteral("provider"), p.provider},
                                         {QStringLiteral("id"), p.id},
                                         {QStringLiteral("regionTier"), p.regionTier},
                                         {QStringLiteral("architecture"), p.architecture},
                                         {QStringLiteral("price"), amount},
                                         {QStringLiteral("currency"), p.currency},
                                         {QStringLiteral("origin"), origin}});
                continue;
            }
            console.out() << QStringLiteral("%1 %2 [%3, %4]: %5 %6\n    from %7\n")
                                 .arg(p.provider, p.id, p.regionTier, p.architecture, amount,
                                      p.currency, origin);
        }
        if (json)
            console.printJson(items);
        return kSuccess;
    }

    // What to price: the workspace's scenarios, or the typed (or measured) usage on each
    // provider named.
    QList<PricedScenario> priced;
    if (fromScenarios) {
        const QStringList names =
            parser.isSet(scenario)
                ? QStringList{parser.value(scenario)}
                : parser.value(compare).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString& name : names) {
            const auto spec = ScenarioAnalysis::find(loaded->workspace.scenarios, name.trimmed());
            if (!spec)
                return console.failed(spec.error());
            const ScenarioSpec& s = *spec;
            std::optional<MeasuredUsage> m;
            if (!s.durationMs && !s.function.isEmpty()) {
                auto result = measure(loaded->workspace, s.function);
                if (!result)
                    return console.failed(result.error());
                m = std::move(*result);
            }
            auto usage = usageWithMeasurements(s, m ? &*m : nullptr);
            if (!usage)
                return console.failed(
                    Error{usage.error().code,
                          QStringLiteral("Scenario \"%1\": %2").arg(s.name, usage.error().message),
                          usage.error().detail,
                          {}});
            priced.append(PricedScenario{s.name, s.provider, *usage, {}});
        }
    } else {
        if (!parser.isSet(measured) && !durationMs)
            return console.usage(Tr::tr("--duration-ms is needed (or --measured "
                                        "FUNCTION, or --scenario NAME)."),
                                 kCommand);
        if (!invocationCount && !rate)
            return console.usage(Tr::tr("--invocations (per month) or --per-second is "
                                        "needed."),
                                 kCommand);
        BillingUsage usage;
        usage.invocations = invocationCount ? (long long)std::llround(*invocationCount)
                                            : (long long)std::llround(*rate * kSecondsPerMonth);
        usage.memoryMb = memoryMb ? int(*memoryMb) : 128;
        if (parser.isSet(measured)) {
            const auto m = measure(loaded->workspace, parser.value(measured));
            if (!m)
                return console.failed(m.error());
            usage.durations = m->durations;
            const FunctionSpec* f = loaded->workspace.function(parser.value(measured));
            if (!memoryMb)
                usage.memoryMb = f->memoryMb;
            if (!parser.isSet(arch))
                usage.architecture = f->architecture;
            usage.coldStartShare = cold ? *cold : m->coldShare;
            if (init || m->initMeanMs > 0)
                usage.initDurationMs = init ? *init : m->initMeanMs;
            if (!json)
                console.err() << Tr::tr("swb: measured %1: %2 invocations, cold-start "
                                        "share %3, mean init %4 ms\n")
                                     .arg(parser.value(measured))
                                     .arg(m->ran)
                                     .arg(m->coldShare, 0, 'f', 4)
                                     .arg(m->initMeanMs, 0, 'f', 1);
            if (durationMs)
                usage.durations = {DurationBucket{*durationMs, 1}};
        } else {
            usage.durations = {DurationBucket{*durationMs, 1}};
            if (cold)
                usage.coldStartShare = *cold;
            if (init)
                usage.initDurationMs = *init;
        }
        if (parser.isSet(arch))
            usage.architecture = parser.value(arch);
        if (parser.isSet(region))
            usage.region = parser.value(region);
        if (parser.isSet(plan))
            usage.plan = parser.value(plan);
        usage.includeFreeTier = parser.isSet(freeTier);
        if (gatewayKind)
            usage.gateway = *gatewayKind;
        if (storageMb)
            usage.ephemeralStorageMb = int(*storageMb);
        if (provisionedCount && *provisionedCount > 0) {
            usage.provisionedInstances = int(*provisionedCount);
            usage.provisionedHours = 730;
            usage.provisionedInvocationShare = provisionedPart.value_or(1.0);
        }
        const QStringList providerNames =
            parser.value(provider).split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (providerNames.size() > 1 && parser.isSet(plan))
            return console.usage(Tr::tr("--plan names one provider's plan; price one "
                                        "provider at a time with it."),
                                 kCommand);
        for (const QString& p : providerNames) {
            const QString name = p.trimmed();
            if (!CostEngine::providers().contains(name))
                return console.usage(
                    Tr::tr("--provider: unknown provider \"%1\"; use "
                           "%2.")
                        .arg(name, CostEngine::providers().join(QStringLiteral(", "))),
                    kCommand);
            priced.append(PricedScenario{name, name, usage, {}});
        }
    }

    if (parser.isSet(sweep)) {
        if (priced.size() != 1)
            return console.usage(Tr::tr("--sweep prices one scenario or provider at a "
                                        "time."),
                                 kCommand);
        CpuScalingModel model;
        model.cpuBoundShare = cpuShare.value_or(1.0);
        model.usableCpus = threadCount.value_or(1.0);
        const auto result =
            analysis.sweep(priced.first().provider, priced.first().usage,
                           ScenarioAnalysis::memorySizes(sweepFrom, sweepTo, sweepStep), model);
        if (!result)
            return console.failed(result.error());
        if (json)
            console.printJson(result->toJson());
        else
            console.out() << result->toText();
        return kSuccess;
    }

    if (parser.isSet(breakEven)) {
        QJsonArray items;
        for (const PricedScenario& s : priced) {
            QString serverId = parser.value(server);
            if (serverId.isEmpty()) {
                // The provider's own cloud, its first (smallest) size in servers.json.
                for (const QString& id : engine.catalog().serverIds()) {
                    if (id.startsWith(s.provider + QLatin1Char('.'))) {
                        serverId = id;
                        break;
                    }
                }
                if (serverId.isEmpty())
                    return console.usage(Tr::tr("--break-even on %1 needs --server ID "
                                                "(one of: %2).")
                                             .arg(s.provider, engine.catalog().serverIds().join(
                                                                  QStringLiteral(", "))),
                                         kCommand);
            }
            const auto result =
                analysis.breakEven(s.provider, s.usage, serverId, int(serverCount.value_or(1)));
            if (!result)
                return console.failed(result.error());
            if (json)
                items.append(result->toJson());
            else
                console.out() << (priced.size() > 1 ? s.name + QStringLiteral(": ") : QString())
                              << result->toText();
        }
        if (json)
            console.printJson(items.size() == 1 ? QJsonValue(items.first()) : QJsonValue(items));
        return kSuccess;
    }

    const auto comparison = analysis.compare(priced);
    if (!comparison)
        return console.failed(comparison.error());
    if (json) {
        console.printJson(comparison->scenarios.size() == 1
                              ? QJsonValue(comparison->scenarios.first().breakdown.toJson())
                              : QJsonValue(comparison->toJson()));
        return kSuccess;
    }
    if (comparison->scenarios.size() == 1)
        console.out() << comparison->scenarios.first().breakdown.toText();
    else
        console.out() << comparison->toText();
    return kSuccess;
}

} // namespace swb::cli
