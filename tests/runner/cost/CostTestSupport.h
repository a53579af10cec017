#pragma once
// Shared by the cost tests: the built-in catalog with optional overrides, and sums of lines.

#include "cost/CostBreakdown.h"
#include "cost/PricingCatalog.h"

#include <QTest>

namespace swb::costtest {

// The built-in catalog; `overrides` (JSON text of a pricing.json) replaces prices the way a
// workspace would, e.g. to use the price a provider's older worked example was written with.
inline PricingCatalog catalog(const QByteArray& overrides = {})
{
    auto c = PricingCatalog::builtIn();
    if (!c)
        qFatal("%s", qPrintable(c.error().toString()));
    if (!overrides.isEmpty()) {
        auto r = c->applyOverrides(QStringLiteral("test-overrides.json"), overrides);
        if (!r)
            qFatal("%s", qPrintable(r.error().toString()));
    }
    return *c;
}

// Lines of a kind plus the free-tier credits whose allowance id contains `creditId`: what a
// provider's example shows as one net line.
inline Money net(const CostBreakdown& b, LineKind kind, const QString& creditId = {})
{
    Money sum = b.amountOf(kind);
    if (!creditId.isEmpty())
        for (const CostLineItem& line : b.lines)
            if (line.kind == LineKind::FreeTierCredit && line.priceId.contains(creditId))
                sum += line.amount;
    return sum;
}

} // namespace swb::costtest
