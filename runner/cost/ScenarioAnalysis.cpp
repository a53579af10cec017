#include "ScenarioAnalysis.h"

#include "CostEngine.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <set>

namespace swb {

namespace {

// AWS: "At 1,769 MB, a function has the equivalent of one vCPU", up to 6 vCPUs at 10,240 MB
// (docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html).
constexpr double kAwsMbPerVcpu = 1769.0;
constexpr double kAwsMaxVcpus = 6.0;
constexpr int kAwsMinMemoryMb = 128;
constexpr int kAwsMaxMemoryMb = 10240;

// Sizes people pick, for a sweep without a step.
const QList<int> kStandardSizesMb = {128,  192,  256,  320,  384,  448,   512,   640,  768,
                                     896,  1024, 1280, 1536, 1769, 2048,  2560,  3008, 3072,
                                     4096, 5120, 6144, 7168, 8192, 10240, 16384, 32768};

QString dollars(const Money& m, const QString& currency)
{
    const QString amount = m.toString(2);
    if (currency != QLatin1String("USD"))
        return amount + QLatin1Char(' ') + currency;
    return amount.startsWith(QLatin1Char('-')) ? QStringLiteral("-$") + amount.mid(1)
                                               : QStringLiteral("$") + amount;
}

QString grouped(long long n)
{
    return QLocale(QLocale::English).toString(n);
}

QString rowLabel(LineKind kind)
{
    switch (kind) {
    case LineKind::Requests:
        return QStringLiteral("Requests");
    case LineKind::Compute:
        return QStringLiteral("Compute");
    case LineKind::Init:
        return QStringLiteral("Cold-start init");
    case LineKind::FreeTierCredit:
        return QStringLiteral("Free tier credit");
    case LineKind::Provisioned:
        return QStringLiteral("Provisioned / always ready");
    case LineKind::Storage:
        return QStringLiteral("Ephemeral storage");
    case LineKind::Gateway:
        return QStringLiteral("API Gateway");
    case LineKind::Cluster:
        return QStringLiteral("Cluster share");
    case LineKind::Server:
        return QStringLiteral("Server");
    }
    return QString();
}

const QList<LineKind> kRowOrder = {
    LineKind::Requests,    LineKind::Compute, LineKind::Init,
    LineKind::Provisioned, LineKind::Storage, LineKind::Gateway,
    LineKind::Cluster,     LineKind::Server,  LineKind::FreeTierCredit};

// A plain-text table: the first column left-aligned, the others right-aligned.
QString table(const QList<QStringList>& rows)
{
    QList<qsizetype> widths;
    for (const QStringList& row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    QString out;
    for (const QStringList& row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i == 0)
                line += row[i].leftJustified(widths[i]);
            else
                line += QStringLiteral("  ") + row[i].rightJustified(widths[i]);
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out += line;
        out += QLatin1Char('\n');
    }
    return out;
}

QString perMillion(const CostBreakdown& b, long long invocations)
{
    if (invocations <= 0)
        return QStringLiteral("-");
    return dollars(b.total.scaled(1'000'000, invocations), b.currency);
}

Money total(const Result<CostBreakdown>& b)
{
    return b ? b->total : Money();
}

BillingUsage withInvocations(const BillingUsage& shape, long long invocations)
{
    BillingUsage u = shape;
    const long long base = std::max<long long>(shape.invocations, 1);
    u.invocations = invocations;
    // Counts that grow with the traffic keep their ratio to it.
    if (shape.coldStarts)
        u.coldStarts =
            (long long)std::llround(double(*shape.coldStarts) * double(invocations) / double(base));
    if (shape.gatewayRequests)
        u.gatewayRequests = (long long)std::llround(double(*shape.gatewayRequests) *
                                                    double(invocations) / double(base));
    return u;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Comparison

Result<ScenarioComparison> ScenarioAnalysis::compare(const QList<PricedScenario>& scenarios) const
{
    if (scenarios.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Nothing to compare: name at least one scenario or provider."));
    ScenarioComparison out;
    for (PricedScenario s : scenarios) {
        auto priced = m_engine.price(s.provider, s.usage);
        if (!priced)
            return fail(priced.error().code,
                        QStringLiteral("Scenario \"%1\" (%2): %3")
                            .arg(s.name, s.provider, priced.error().message),
                        priced.error().detail);
        s.breakdown = std::move(*priced);
        out.scenarios.append(std::move(s));
    }
    return out;
}

Result<ScenarioSpec> ScenarioAnalysis::find(const QList<ScenarioSpec>& scenarios,
                                            const QString& name)
{
    QStringList known;
    for (const ScenarioSpec& s : scenarios) {
        if (s.name == name)
            return s;
        known << s.name;
    }
    return fail(ErrorCode::NotFound,
                known.isEmpty()
                    ? QStringLiteral("The workspace has no scenario \"%1\"; it has no scenarios "
                                     "at all (add them under \"scenarios\" in workbench.json).")
                          .arg(name)
                    : QStringLiteral("The workspace has no scenario \"%1\"; it has: %2.")
                          .arg(name, known.join(QStringLiteral(", "))));
}

QString ScenarioComparison::toText() const
{
    QList<QStringList> rows;
    QStringList header{QString()};
    QStringList where{QString()};
    QStringList shape{QString()};
    for (const PricedScenario& s : scenarios) {
        header << s.name;
        QString plan = s.breakdown.plan.isEmpty() ? QString() : QLatin1Char(' ') + s.breakdown.plan;
        where << s.provider + plan + QLatin1Char(' ') + s.breakdown.region;
        const double durationMs =
            s.usage.durations.isEmpty() ? 0 : s.usage.durations.first().durationMs;
        shape << QStringLiteral("%1 MB %2, %3 × %4")
                     .arg(s.usage.memoryMb)
                     .arg(s.usage.architecture == QLatin1String("arm64") ? QStringLiteral("arm")
                                                                         : QStringLiteral("x86"))
                     .arg(grouped(s.usage.invocations))
                     .arg(s.usage.durations.size() > 1
                              ? QStringLiteral("measured")
                              : QLocale(QLocale::English).toString(durationMs, 'g', 6) +
                                    QStringLiteral(" ms"));
    }
    rows << header << where << shape << QStringList{};
    for (const LineKind kind : kRowOrder) {
        bool any = false;
        QStringList row{rowLabel(kind)};
        for (const PricedScenario& s : scenarios) {
            const bool has = std::any_of(s.breakdown.lines.begin(), s.breakdown.lines.end(),
                                         [kind](const CostLineItem& l) { return l.kind == kind; });
            any = any || has;
            row << (has ? dollars(s.breakdown.amountOf(kind), s.breakdown.currency)
                        : QStringLiteral("-"));
        }
        if (any)
            rows << row;
    }
    QStringList totals{QStringLiteral("Total per month")};
    QStringList unit{QStringLiteral("per million invocations")};
    for (const PricedScenario& s : scenarios) {
        totals << dollars(s.breakdown.total, s.breakdown.currency);
        unit << perMillion(s.breakdown, s.usage.invocations);
    }
    rows << totals << unit;
    QString out = table(rows);
    // The cheapest, said in words: a table alone makes the reader do the comparison.
    if (scenarios.size() > 1) {
        const auto cheapest =
            std::min_element(scenarios.begin(), scenarios.end(),
                             [](const PricedScenario& a, const PricedScenario& b) {
                                 return a.breakdown.total < b.breakdown.total;
                             });
        out += QStringLiteral("\nCheapest: %1 (%2 a month).\n")
                   .arg(cheapest->name,
                        dollars(cheapest->breakdown.total, cheapest->breakdown.currency));
    }
    QStringList notes;
    for (const PricedScenario& s : scenarios) {
        for (const QString& n : s.breakdown.notes)
            notes << QStringLiteral("%1: %2").arg(s.name, n);
    }
    if (!notes.isEmpty())
        out +=
            QStringLiteral("\nNotes:\n  ") + notes.join(QStringLiteral("\n  ")) + QLatin1Char('\n');
    return out;
}

QJsonObject ScenarioComparison::toJson() const
{
    QJsonArray items;
    for (const PricedScenario& s : scenarios) {
        QJsonObject o;
        o.insert(QStringLiteral("name"), s.name);
        o.insert(QStringLiteral("provider"), s.provider);
        o.insert(QStringLiteral("invocations"), double(s.usage.invocations));
        o.insert(QStringLiteral("memoryMb"), s.usage.memoryMb);
        o.insert(QStringLiteral("architecture"), s.usage.architecture);
        o.insert(QStringLiteral("breakdown"), s.breakdown.toJson());
        items.append(o);
    }
    return QJsonObject{{QStringLiteral("scenarios"), items}};
}

// ---------------------------------------------------------------------------------------------
// Memory sweep

Result<std::optional<double>>
ScenarioAnalysis::cpuForMemory(const QString& provider, const QString& plan, int memoryMb) const
{
    if (provider == QLatin1String("aws")) {
        if (memoryMb < kAwsMinMemoryMb || memoryMb > kAwsMaxMemoryMb)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("AWS Lambda offers %1 to %2 MB of memory, not %3 MB.")
                            .arg(kAwsMinMemoryMb)
                            .arg(kAwsMaxMemoryMb)
                            .arg(memoryMb));
        return std::optional<double>(std::min(memoryMb / kAwsMbPerVcpu, kAwsMaxVcpus));
    }
    if (provider == QLatin1String("gcp")) {
        const bool gen1 = plan == QLatin1String("gen1");
        const auto rows = m_engine.catalog().table(
            QStringLiteral("gcp"), gen1 ? QStringLiteral("gen1.cpuMhzByMemoryMb")
                                        : QStringLiteral("gen2.cpuMilliByMemoryMb"));
        if (rows.isEmpty())
            return fail(ErrorCode::Internal,
                        QStringLiteral("The pricing catalog has no memory-to-CPU table for Google "
                                       "Cloud Functions %1.")
                            .arg(gen1 ? QStringLiteral("1st gen") : QStringLiteral("2nd gen")));
        QStringList sizes;
        for (const auto& [mb, cpu] : rows) {
            sizes << QString::number(mb);
            // 1st gen offers exactly the table's sizes; 2nd gen gives the CPU of the smallest
            // row at or above the memory (Cloud Run's default CPU for that memory).
            if (gen1 ? mb == memoryMb : mb >= memoryMb)
                return std::optional<double>(double(cpu) / 1000.0);
        }
        return fail(ErrorCode::InvalidArgument,
                    gen1 ? QStringLiteral("Cloud Functions 1st gen offers %1 MB, not %2 MB.")
                               .arg(sizes.join(QStringLiteral(", ")))
                               .arg(memoryMb)
                         : QStringLiteral("Cloud Functions 2nd gen offers up to %1 MB, not %2 MB.")
                               .arg(sizes.last())
                               .arg(memoryMb));
    }
    if (provider == QLatin1String("azure") || provider == QLatin1String("openwhisk"))
        return std::optional<double>();
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("Unknown provider \"%1\"; use one of: %2.")
                    .arg(provider, CostEngine::providers().join(QStringLiteral(", "))));
}

QList<int> ScenarioAnalysis::memorySizes(int fromMb, int toMb, int stepMb)
{
    std::set<int> sizes;
    if (fromMb > toMb)
        std::swap(fromMb, toMb);
    if (stepMb > 0) {
        for (int m = fromMb; m <= toMb; m += stepMb)
            sizes.insert(m);
    } else {
        for (const int m : kStandardSizesMb) {
            if (m >= fromMb && m <= toMb)
                sizes.insert(m);
        }
    }
    sizes.insert(fromMb);
    sizes.insert(toMb);
    return QList<int>(sizes.begin(), sizes.end());
}

Result<MemorySweep> ScenarioAnalysis::sweep(const QString& provider, const BillingUsage& usage,
                                            const QList<int>& memorySizesMb,
                                            const CpuScalingModel& model) const
{
    if (!(model.cpuBoundShare >= 0 && model.cpuBoundShare <= 1))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The CPU-bound share must be between 0 and 1, not %1.")
                        .arg(model.cpuBoundShare));
    if (!(model.usableCpus > 0))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("The usable CPUs must be more than 0, not %1.").arg(model.usableCpus));
    if (memorySizesMb.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The sweep has no memory sizes."));

    MemorySweep out;
    out.provider = provider;
    out.baseMemoryMb = usage.memoryMb;
    out.model = model;
    const auto base = cpuForMemory(provider, usage.plan, usage.memoryMb);
    if (!base)
        return fail(base.error().code,
                    QStringLiteral("The base size: %1").arg(base.error().message));
    const bool fixedCpu = provider == QLatin1String("gcp") && usage.cpuMilli.has_value();
    if (!base->has_value())
        out.notes << QStringLiteral("%1 does not publish the CPU each memory size gets; the "
                                    "duration is kept as it is at every size.")
                         .arg(provider);
    if (fixedCpu)
        out.notes << QStringLiteral("the CPU is set explicitly (%1 millicores), so it does not "
                                    "change with memory and neither does the duration.")
                         .arg(*usage.cpuMilli);
    const auto speed = [&model](double cpus) { return std::min(cpus, model.usableCpus); };

    for (const int memoryMb : memorySizesMb) {
        const auto cpus = cpuForMemory(provider, usage.plan, memoryMb);
        if (!cpus)
            return std::unexpected(cpus.error());
        SweepPoint point;
        point.memoryMb = memoryMb;
        point.cpus = cpus->value_or(0);
        if (base->has_value() && cpus->has_value() && !fixedCpu)
            point.durationScale =
                (1 - model.cpuBoundShare) + model.cpuBoundShare * speed(**base) / speed(**cpus);
        BillingUsage u = usage;
        u.memoryMb = memoryMb;
        for (DurationBucket& b : u.durations)
            b.durationMs *= point.durationScale;
        if (u.initDurationMs) // imports and set-up are CPU work too
            *u.initDurationMs *= point.durationScale;
        auto priced = m_engine.price(provider, u);
        if (!priced)
            return fail(priced.error().code,
                        QStringLiteral("At %1 MB: %2").arg(memoryMb).arg(priced.error().message),
                        priced.error().detail);
        point.breakdown = std::move(*priced);
        out.points.append(std::move(point));
    }
    return out;
}

QString MemorySweep::toText() const
{
    const QString cpuUnit = provider == QLatin1String("gcp") && !points.isEmpty() &&
                                    points.first().breakdown.plan == QLatin1String("gen1")
                                ? QStringLiteral("GHz")
                                : QStringLiteral("vCPU");
    QList<QStringList> rows;
    rows << QStringList{QStringLiteral("memory"), cpuUnit, QStringLiteral("duration"),
                        QStringLiteral("per month"), QString()};
    const auto cheapest = std::min_element(points.begin(), points.end(),
                                           [](const SweepPoint& a, const SweepPoint& b) {
                                               return a.breakdown.total < b.breakdown.total;
                                           });
    for (const SweepPoint& p : points) {
        rows << QStringList{QStringLiteral("%1 MB").arg(p.memoryMb),
                            p.cpus > 0 ? QString::number(p.cpus, 'f', 3) : QStringLiteral("-"),
                            QStringLiteral("× %1").arg(p.durationScale, 0, 'f', 3),
                            dollars(p.breakdown.total, p.breakdown.currency),
                            &p == &*cheapest ? QStringLiteral("<- cheapest") : QString()};
    }
    QString out = table(rows);
    out += QStringLiteral("\nModel: duration × ((1 − %1) + %1 × min(CPU at %2 MB, %3) / min(CPU, "
                          "%3)); the init duration scales the same way.\n")
               .arg(model.cpuBoundShare)
               .arg(baseMemoryMb)
               .arg(model.usableCpus);
    for (const QString& n : notes)
        out += QStringLiteral("Note: %1\n").arg(n);
    return out;
}

QJsonObject MemorySweep::toJson() const
{
    QJsonArray items;
    for (const SweepPoint& p : points) {
        QJsonObject o;
        o.insert(QStringLiteral("memoryMb"), p.memoryMb);
        o.insert(QStringLiteral("cpus"), p.cpus);
        o.insert(QStringLiteral("durationScale"), p.durationScale);
        o.insert(QStringLiteral("breakdown"), p.breakdown.toJson());
        items.append(o);
    }
    return QJsonObject{{QStringLiteral("provider"), provider},
                       {QStringLiteral("baseMemoryMb"), baseMemoryMb},
                       {QStringLiteral("model"),
                        QJsonObject{{QStringLiteral("cpuBoundShare"), model.cpuBoundShare},
                                    {QStringLiteral("usableCpus"), model.usableCpus}}},
                       {QStringLiteral("points"), items},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

// ---------------------------------------------------------------------------------------------
// Break-even

Result<BreakEven> ScenarioAnalysis::breakEven(const QString& provider, const BillingUsage& usage,
                                              const QString& serverId, int serverCount,
                                              long long searchLimit) const
{
    if (serverCount < 1)
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("The server count must be at least 1, not %1.").arg(serverCount));
    auto server = m_engine.priceServer(serverId, serverCount);
    if (!server)
        return std::unexpected(server.error());
    BreakEven out;
    out.provider = provider;
    out.serverId = serverId;
    out.serverCount = serverCount;
    out.serverMonthly = server->total;
    out.serverBreakdown = *server;
    out.searchLimit = searchLimit;

    const auto costAt = [&](long long n) {
        return m_engine.price(provider, withInvocations(usage, n));
    };
    auto atLimit = costAt(searchLimit);
    if (!atLimit)
        return std::unexpected(atLimit.error());
    if (atLimit->total < out.serverMonthly) {
        out.atBreakEven = std::move(*atLimit);
        return out;
    }
    // The function's cost never falls as the volume grows (tiers lower the marginal price,
    // they never refund), so the first volume that costs at least the servers is found by
    // bisection.
    long long lo = 0, hi = searchLimit;
    auto atZero = costAt(0);
    if (!atZero)
        return std::unexpected(atZero.error());
    if (atZero->total >= out.serverMonthly) {
        out.invocationsPerMonth = 0;
        out.atBreakEven = std::move(*atZero);
        return out;
    }
    while (hi - lo > 1) {
        const long long mid = lo + (hi - lo) / 2;
        if (total(costAt(mid)) >= out.serverMonthly)
            hi = mid;
        else
            lo = mid;
    }
    out.invocationsPerMonth = hi;
    auto at = costAt(hi);
    if (!at)
        return std::unexpected(at.error());
    out.atBreakEven = std::move(*at);
    return out;
}

QString BreakEven::toText() const
{
    const QString servers = serverCount == 1
                                ? QStringLiteral("one %1").arg(serverId)
                                : QStringLiteral("%1 × %2").arg(serverCount).arg(serverId);
    const QString monthly = dollars(serverMonthly, serverBreakdown.currency);
    if (!invocationsPerMonth)
        return QStringLiteral("On %1 the function stays cheaper than %2 (%3 a month) up to %4 "
                              "invocations a month, the end of the search (%5 a month there).\n")
            .arg(provider, servers, monthly, grouped(searchLimit),
                 dollars(atBreakEven.total, atBreakEven.currency));
    // A month is 730 hours, as the providers' monthly prices count it.
    const double perSecond = double(*invocationsPerMonth) / (730.0 * 3600.0);
    return QStringLiteral("On %1 the function costs as much as %2 (%3 a month) at %4 invocations "
                          "a month, %5 per second on average; above that the server is "
                          "cheaper, if it can serve that rate (its capacity is not modelled).\n")
        .arg(provider, servers, monthly, grouped(*invocationsPerMonth),
             QLocale(QLocale::English).toString(perSecond, 'f', 2));
}

QJsonObject BreakEven::toJson() const
{
    QJsonObject o{{QStringLiteral("provider"), provider},
                  {QStringLiteral("serverId"), serverId},
                  {QStringLiteral("serverCount"), serverCount},
                  {QStringLiteral("serverMonthly"), serverMonthly.toString(-1)},
                  {QStringLiteral("server"), serverBreakdown.toJson()},
                  {QStringLiteral("searchLimit"), double(searchLimit)},
                  {QStringLiteral("function"), atBreakEven.toJson()}};
    o.insert(QStringLiteral("invocationsPerMonth"),
             invocationsPerMonth ? QJsonValue(double(*invocationsPerMonth)) : QJsonValue());
    if (invocationsPerMonth)
        o.insert(QStringLiteral("averagePerSecond"),
                 double(*invocationsPerMonth) / (730.0 * 3600.0));
    return o;
}

} // namespace swb
