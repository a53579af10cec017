#include "ServerBilling.h"

#include "BillingMath.h"
#include "PricingCatalog.h"

#include <cmath>

namespace swb {

Result<CostBreakdown> ServerBilling::price(const QString& serverId, int count,
                                           double hoursPerMonth) const
{
    if (count < 0 || !(hoursPerMonth >= 0) || hoursPerMonth > 744)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral(
                        "A server baseline needs 0 or more servers and 0 to 744 hours a month."));
    auto price = m_catalog.price(QStringLiteral("server"), serverId);
    if (!price)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("There is no server \"%1\" in the price table; known: %2.")
                        .arg(serverId, m_catalog.serverIds().join(QStringLiteral(", "))));
    CostBreakdown out;
    out.provider = QStringLiteral("server");
    out.plan = serverId;
    out.region = (*price)->attributes.value(QStringLiteral("cloud")).toString();
    const long long milliHours = std::llround(hoursPerMonth * 1000) * count;
    billing::addLines(
        out, billing::tieredLines(**price, LineKind::Server,
                                  QStringLiteral("%1 × %2").arg(count).arg((*price)->label), 0,
                                  milliHours, 1000));
    billing::finish(out);
    return out;
}

} // namespace swb
