#pragma once
// The effective price list: the built-in tables (resources/pricing/*.json) with the workspace's
// overrides laid over them; every number knows where it came from.

#include "CostBreakdown.h"
#include "Error.h"
#include "Money.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace swb {

// One step of a monthly volume tier: the price applies to the units up to `upTo` (cumulative,
// in the price's unit; unset for the last, unbounded step).
struct PriceTier {
    std::optional<long long> upTo;
    Money price; // per CatalogPrice::per units
};

// A price (tiers) or an allowance (a free grant: `quantity` units per month).
struct CatalogPrice {
    QString provider;       // "aws", "azure", "gcp", "openwhisk", "server"
    QString id;             // "lambda.duration", "lambda.freeTier.computeGbSeconds"
    QString label;          // for people
    QString unit;           // "request", "GB-second", "GHz-second", "vCPU-second", "hour"
    long long per = 1;      // the prices are per this many units ("0.20 per 1000000 request")
    QList<PriceTier> tiers; // empty for an allowance
    std::optional<long long> quantity; // set for an allowance
    QString currency = QStringLiteral("USD");
    QString regionTier = QStringLiteral("default");
    QString architecture = QStringLiteral("any"); // "any" | "x86_64" | "arm64"
    QJsonObject attributes;                       // extra facts (servers: vcpu, memoryGb, cloud)
    QString note; // a caveat for people ("effective date approximate")
    PriceOrigin origin;

    bool isAllowance() const { return quantity.has_value(); }
};

class PricingCatalog {
public:
    static constexpr const char* kResourceFolder = ":/swb/pricing";
    // The workspace's override file, next to workbench.json.
    static constexpr const char* kOverrideFileName = "pricing.json";

    // Reads and validates every built-in table. Parse once and keep the catalog: lookups are
    // hash look-ups, so pricing a scenario never re-reads JSON.
    static Result<PricingCatalog> builtIn();
    // Built-in tables plus <workspaceFolder>/pricing.json when that file exists.
    static Result<PricingCatalog> forWorkspace(const QString& workspaceFolder);
    // From documents in memory: {file name, JSON text}. For tests and tools.
    static Result<PricingCatalog> fromDocuments(const QList<std::pair<QString, QByteArray>>& docs);

    // Lays an override file over this catalog (see docs/cost.md). Errors name the file and the
    // JSON pointer; nothing is changed when the file has an error.
    Result<void> applyOverrides(const QString& filePath);
    Result<void> applyOverrides(const QString& fileName, const QByteArray& json);

    // The price for a region (empty = the provider's default region) and architecture.
    // Errors: unknown provider, unknown region (naming the known ones), no such price.
    Result<const CatalogPrice*> price(const QString& provider, const QString& id,
                                      const QString& region = {},
                                      const QString& architecture = {}) const;
    // A free grant's quantity (0 when the provider has none by that id).
    long long allowance(const QString& provider, const QString& id,
                        const QString& region = {}) const;
    // Region id -> the provider's region tier ("us-east-1" -> "default"); empty = default region.
    Result<QString> regionTier(const QString& provider, const QString& region) const;
    QString defaultRegion(const QString& provider) const;
    QStringList regions(const QString& provider) const;
    // A numeric table from a provider file ("gen1.cpuMhzByMemoryMb"): rows of [key, value].
    QList<std::pair<long long, long long>> table(const QString& provider,
                                                 const QString& name) const;

    QStringList providers() const;
    // The effective catalog, in file order: each entry with its origin.
    QList<CatalogPrice> entries(const QString& provider = {}) const;
    // Always-on servers (provider "server"): their ids, e.g. "aws.t3.small".
    QStringList serverIds() const;

private:
    struct ProviderTables;
    QHash<QString, std::shared_ptr<ProviderTables>> m_providers;
    QStringList m_order;
};

} // namespace swb
