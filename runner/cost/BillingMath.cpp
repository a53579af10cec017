#include "BillingMath.h"

#include <algorithm>
#include <cmath>

namespace swb::billing {

QList<Bucket> splitInvocations(long long invocations, const QList<DurationBucket>& durations)
{
    QList<Bucket> out;
    if (durations.isEmpty()) {
        out.append(Bucket{0, invocations});
        return out;
    }
    double totalWeight = 0;
    for (const DurationBucket& d : durations)
        totalWeight += d.weight;
    if (totalWeight <= 0) {
        out.append(Bucket{durations.first().durationMs, invocations});
        return out;
    }
    long long assigned = 0;
    QList<std::pair<double, qsizetype>> remainders;
    for (qsizetype i = 0; i < durations.size(); ++i) {
        const double exact = double(invocations) * durations[i].weight / totalWeight;
        const long long whole = static_cast<long long>(std::floor(exact));
        out.append(Bucket{durations[i].durationMs, whole});
        assigned += whole;
        remainders.append({exact - double(whole), i});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (qsizetype k = 0; assigned < invocations && k < remainders.size(); ++k, ++assigned)
        ++out[remainders[k].second].count;
    return out;
}

long long billedMs(double durationMs, long long granularityMs, long long minimumMs)
{
    // A measured 120.0000001 ms is 120 ms, not 121: ignore float noise below a nanosecond.
    const double units = std::ceil(std::max(0.0, durationMs) / double(granularityMs) - 1e-9);
    const long long ms = static_cast<long long>(std::max(0.0, units)) * granularityMs;
    return std::max(ms, minimumMs);
}

Result<void> checkRange(long long value, long long minimum, long long maximum, const QString& what,
                        const QString& unit)
{
    if (value < minimum || value > maximum)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 of %2 %3 is out of range: allowed %4–%5 %3.")
                        .arg(what)
                        .arg(value)
                        .arg(unit)
                        .arg(minimum)
                        .arg(maximum));
    return {};
}

Result<void> checkCommon(const BillingUsage& usage, const QString& what)
{
    if (usage.invocations < 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1: invocations per month cannot be negative.").arg(what));
    for (const DurationBucket& d : usage.durations)
        if (!(d.durationMs >= 0) || !(d.weight >= 0) || !std::isfinite(d.durationMs))
            return fail(
                ErrorCode::InvalidArgument,
                QStringLiteral("%1: durations and their weights cannot be negative.").arg(what));
    auto share = [&](const std::optional<double>& s, const QString& name) -> Result<void> {
        if (s && !(*s >= 0 && *s <= 1))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("%1: %2 must be between 0 and 1.").arg(what, name));
        return {};
    };
    if (auto r = share(usage.coldStartShare, QStringLiteral("the cold-start share")); !r)
        return r;
    if (auto r = share(usage.provisionedInvocationShare, QStringLiteral("the provisioned share"));
        !r)
        return r;
    if (auto r = share(usage.alwaysReadyInvocationShare, QStringLiteral("the always-ready share"));
        !r)
        return r;
    if (usage.initDurationMs && !(*usage.initDurationMs >= 0))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1: the init duration cannot be negative.").arg(what));
    if (usage.coldStarts && (*usage.coldStarts < 0 || *usage.coldStarts > usage.invocations))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1: cold starts must be between 0 and the invocations.").arg(what));
    return {};
}

namespace {

double toUnits(MoneyInt base, long long basePerUnit)
{
    return static_cast<double>(base) / static_cast<double>(basePerUnit);
}

Money segmentAmount(const Money& price, long long per, MoneyInt base, long long basePerUnit)
{
    return price.scaled(base, MoneyInt(basePerUnit) * per);
}

QString tierLabel(const CatalogPrice& price, int index)
{
    if (price.tiers.size() < 2)
        return {};
    const auto number = [](long long n) {
        if (n % 1'000'000'000 == 0)
            return QStringLiteral("%1 billion").arg(n / 1'000'000'000);
        if (n % 1'000'000 == 0)
            return QStringLiteral("%1 million").arg(n / 1'000'000);
        return QString::number(n);
    };
    const long long lower = index == 0 ? 0 : *price.tiers[index - 1].upTo;
    if (index == 0)
        return QStringLiteral(", first %1 %2").arg(number(*price.tiers[0].upTo), price.unit);
    if (!price.tiers[index].upTo)
        return QStringLiteral(", over %1 %2").arg(number(lower), price.unit);
    return QStringLiteral(", next %1 %2").arg(number(*price.tiers[index].upTo - lower), price.unit);
}

} // namespace

CostLineItem line(LineKind kind, const QString& label, double quantity, const CatalogPrice& price,
                  Money amount)
{
    CostLineItem item;
    item.kind = kind;
    item.label = label;
    item.quantity = quantity;
    item.unit = price.unit;
    item.unitPrice = price.tiers.isEmpty() ? Money() : price.tiers.first().price;
    item.unitPricePer = price.per;
    item.amount = amount;
    item.priceId = price.id;
    item.origin = price.origin;
    return item;
}

QList<CostLineItem> tieredLines(const CatalogPrice& price, LineKind kind, const QString& label,
                                MoneyInt from, MoneyInt to, long long basePerUnit)
{
    QList<CostLineItem> out;
    MoneyInt lower = 0;
    for (int i = 0; i < price.tiers.size() && from < to; ++i) {
        const PriceTier& tier = price.tiers[i];
        const MoneyInt upper = tier.upTo ? MoneyInt(*tier.upTo) * basePerUnit : to;
        const MoneyInt a = std::max(from, lower);
        const MoneyInt b = std::min(to, upper);
        if (a < b) {
            CostLineItem item =
                line(kind, label + tierLabel(price, i), toUnits(b - a, basePerUnit), price,
                     segmentAmount(tier.price, price.per, b - a, basePerUnit));
            item.unitPrice = tier.price;
            out.append(item);
        }
        lower = upper;
    }
    if (out.isEmpty()) // zero usage still shows the line, at the first tier's price
        out.append(line(kind, label + tierLabel(price, 0), 0, price, Money()));
    return out;
}

Money tieredAmount(const CatalogPrice& price, MoneyInt from, MoneyInt to, long long basePerUnit)
{
    Money sum;
    for (const CostLineItem& item :
         tieredLines(price, LineKind::Compute, {}, from, to, basePerUnit))
        sum += item.amount;
    return sum;
}

std::optional<CostLineItem> freeCredit(const CatalogPrice& price, const CatalogPrice& allowance,
                                       const QString& label, MoneyInt used, long long basePerUnit)
{
    const MoneyInt free = MoneyInt(allowance.quantity.value_or(0)) * basePerUnit;
    const MoneyInt covered = std::min(free, used);
    if (covered <= 0)
        return std::nullopt;
    const Money gross = tieredAmount(price, 0, used, basePerUnit);
    Money credit = tieredAmount(price, 0, covered, basePerUnit);
    credit = std::min(credit, gross);
    CostLineItem item =
        line(LineKind::FreeTierCredit, label, -toUnits(covered, basePerUnit), price, -credit);
    item.priceId = allowance.id;
    item.origin = allowance.origin;
    return item;
}

void addLines(CostBreakdown& breakdown, const QList<CostLineItem>& lines)
{
    breakdown.lines += lines;
}

void finish(CostBreakdown& breakdown)
{
    breakdown.total = Money();
    for (const CostLineItem& item : breakdown.lines)
        breakdown.total += item.amount;
}

} // namespace swb::billing
