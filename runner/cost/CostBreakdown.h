#pragma once
// The priced result: ordered line items, each with its quantity, unit price and where the price
// came from, and the total.

#include "Money.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace swb {

enum class LineKind {
    Requests,       // invocations / executions
    Compute,        // duration (GB-s, GHz-s, vCPU-s)
    Init,           // AWS: INIT phase of cold starts
    FreeTierCredit, // negative; never more than the cost it offsets
    Provisioned,    // AWS provisioned concurrency; Azure always-ready baseline
    Storage,        // AWS ephemeral storage above 512 MB
    Gateway,        // API Gateway requests
    Cluster,        // self-hosted platform's share of a cluster
    Server,         // an always-on server
};
QString lineKindName(LineKind kind); // "requests", "compute", "init", "freeTierCredit", …

// Where a number came from: the built-in table (with its source URL and effective date) or the
// workspace's override file, and the JSON pointer of the entry.
struct PriceOrigin {
    QString file;    // ":/swb/pricing/aws.json" or the override file's absolute path
    QString pointer; // "/prices/3"
    bool overridden = false;
    QString sourceUrl;
    QDate effectiveDate;
};

struct CostLineItem {
    LineKind kind = LineKind::Compute;
    QString label;       // "Compute, x86, first 6 billion GB-s"
    double quantity = 0; // for display; the amount is computed exactly
    QString unit;        // "GB-second", "request"
    Money unitPrice;     // per `unitPricePer` units
    long long unitPricePer = 1;
    Money amount;    // exact; negative for credits
    QString priceId; // "lambda.duration"
    PriceOrigin origin;
};

struct CostBreakdown {
    QString provider; // "aws", "azure", "gcp", "openwhisk", "server"
    QString plan;
    QString region;
    QString currency = QStringLiteral("USD");
    QList<CostLineItem> lines;
    Money total;
    QStringList notes; // rules applied that a reader should know ("free tier off: provisioned")

    Money amountOf(LineKind kind) const; // the sum of that kind's lines
    // One line per item and the total, cents for amounts: for the CLI and logs.
    QString toText() const;
    QJsonObject toJson() const;
};

} // namespace swb
