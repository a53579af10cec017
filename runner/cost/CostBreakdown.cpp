#include "CostBreakdown.h"

#include <QJsonArray>

namespace swb {

QString lineKindName(LineKind kind)
{
    switch (kind) {
    case LineKind::Requests:
        return QStringLiteral("requests");
    case LineKind::Compute:
        return QStringLiteral("compute");
    case LineKind::Init:
        return QStringLiteral("init");
    case LineKind::FreeTierCredit:
        return QStringLiteral("freeTierCredit");
    case LineKind::Provisioned:
        return QStringLiteral("provisioned");
    case LineKind::Storage:
        return QStringLiteral("storage");
    case LineKind::Gateway:
        return QStringLiteral("gateway");
    case LineKind::Cluster:
        return QStringLiteral("cluster");
    case LineKind::Server:
        return QStringLiteral("server");
    }
    return QStringLiteral("unknown");
}

Money CostBreakdown::amountOf(LineKind kind) const
{
    Money sum;
    for (const CostLineItem& line : lines)
        if (line.kind == kind)
            sum += line.amount;
    return sum;
}

QString CostBreakdown::toText() const
{
    QString out;
    for (const CostLineItem& line : lines) {
        out += QStringLiteral("%1  %2 %3 × %4 per %5  %6 %7\n")
                   .arg(line.label.leftJustified(48), QString::number(line.quantity, 'f', 3),
                        line.unit, line.unitPrice.toString(-1), QString::number(line.unitPricePer),
                        line.amount.toString(2).rightJustified(12), currency);
    }
    out += QStringLiteral("%1  %2 %3\n")
               .arg(QStringLiteral("Total").leftJustified(48), total.toString(2), currency);
    for (const QString& note : notes)
        out += QStringLiteral("note: %1\n").arg(note);
    return out;
}

QJsonObject CostBreakdown::toJson() const
{
    QJsonArray items;
    for (const CostLineItem& line : lines) {
        QJsonObject origin{
            {QStringLiteral("file"), line.origin.file},
            {QStringLiteral("pointer"), line.origin.pointer},
            {QStringLiteral("overridden"), line.origin.overridden},
            {QStringLiteral("source"), line.origin.sourceUrl},
            {QStringLiteral("effectiveDate"), line.origin.effectiveDate.toString(Qt::ISODate)}};
        items.append(QJsonObject{{QStringLiteral("kind"), lineKindName(line.kind)},
                                 {QStringLiteral("label"), line.label},
                                 {QStringLiteral("quantity"), line.quantity},
                                 {QStringLiteral("unit"), line.unit},
                                 {QStringLiteral("unitPrice"), line.unitPrice.toString(-1)},
                                 {QStringLiteral("unitPricePer"), double(line.unitPricePer)},
                                 {QStringLiteral("amount"), line.amount.toString(-1)},
                                 {QStringLiteral("amountCents"), double(line.amount.cents())},
                                 {QStringLiteral("priceId"), line.priceId},
                                 {QStringLiteral("origin"), origin}});
    }
    return QJsonObject{{QStringLiteral("provider"), provider},
                       {QStringLiteral("plan"), plan},
                       {QStringLiteral("region"), region},
                       {QStringLiteral("currency"), currency},
                       {QStringLiteral("lines"), items},
                       {QStringLiteral("total"), total.toString(-1)},
                       {QStringLiteral("totalCents"), double(total.cents())},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

} // namespace swb
