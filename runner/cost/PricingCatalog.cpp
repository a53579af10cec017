#include "PricingCatalog.h"

#include "format/JsonLocator.h"
#include "format/TextFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace swb {

struct PricingCatalog::ProviderTables {
    QString provider;
    QString file;
    QString currency;
    QString defaultRegion;
    QHash<QString, QString> regionTiers; // region id -> tier
    QStringList regionOrder;
    QList<CatalogPrice> entries;
    QHash<QString, QList<int>> byId;
    QHash<QString, QList<std::pair<long long, long long>>> tables;

    void index()
    {
        byId.clear();
        for (int i = 0; i < entries.size(); ++i)
            byId[entries[i].id].append(i);
    }
};

namespace {

// Collects where a document is wrong: the file, the JSON pointer and, when the text is at hand,
// the line and column.
class DocumentProblem {
public:
    DocumentProblem(QString file, const QByteArray& text) : m_file(std::move(file)), m_text(text) {}

    Error error(const QString& pointer, const QString& problem) const
    {
        Diagnostic d;
        d.file = m_file;
        d.pointer = pointer.isEmpty() ? QStringLiteral("/") : pointer;
        d.message = problem;
        if (!m_text.isEmpty()) {
            if (!m_locator)
                m_locator = std::make_shared<JsonLocator>(m_text);
            if (auto at = m_locator->find(pointer)) {
                d.line = at->line;
                d.column = at->column;
            }
        }
        Error e{ErrorCode::Validation,
                QStringLiteral("The price table %1 is not valid at %2: %3")
                    .arg(m_file, d.pointer, problem),
                {},
                {d}};
        return e;
    }
    std::unexpected<Error> fail(const QString& pointer, const QString& problem) const
    {
        return std::unexpected(error(pointer, problem));
    }

private:
    QString m_file;
    QByteArray m_text;
    mutable std::shared_ptr<JsonLocator> m_locator;
};

QString child(const QString& pointer, const QString& key)
{
    return JsonLocator::child(pointer, key);
}
QString child(const QString& pointer, qsizetype i)
{
    return JsonLocator::child(pointer, i);
}

Result<long long> wholeNumber(const QJsonValue& v, const DocumentProblem& where, const QString& at,
                              long long minimum)
{
    if (!v.isDouble())
        return where.fail(at, QStringLiteral("expected a whole number"));
    const double d = v.toDouble();
    if (d != std::floor(d) || d < double(minimum) || d > 9.0e18)
        return where.fail(at,
                          QStringLiteral("expected a whole number of at least %1").arg(minimum));
    return static_cast<long long>(d);
}

Result<Money> moneyValue(const QJsonValue& v, const DocumentProblem& where, const QString& at)
{
    // Prices are strings so that no binary floating point ever touches them.
    if (!v.isString())
        return where.fail(at,
                          QStringLiteral("a price is a decimal string, such as \"0.0000166667\""));
    auto m = Money::parse(v.toString());
    if (!m)
        return where.fail(at, m.error().message);
    if (*m < Money())
        return where.fail(at, QStringLiteral("a price cannot be negative"));
    return *m;
}

Result<QList<PriceTier>> tiersValue(const QJsonObject& o, const DocumentProblem& where,
                                    const QString& at)
{
    QList<PriceTier> tiers;
    if (o.contains(QStringLiteral("price"))) {
        auto m =
            moneyValue(o.value(QStringLiteral("price")), where, child(at, QStringLiteral("price")));
        if (!m)
            return std::unexpected(m.error());
        tiers.append(PriceTier{std::nullopt, *m});
        return tiers;
    }
    const QString tiersAt = child(at, QStringLiteral("tiers"));
    const QJsonValue tv = o.value(QStringLiteral("tiers"));
    if (!tv.isArray() || tv.toArray().isEmpty())
        return where.fail(tiersAt, QStringLiteral("expected a non-empty array of {upTo, price}"));
    const QJsonArray arr = tv.toArray();
    long long previous = 0;
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString tierAt = child(tiersAt, i);
        if (!arr[i].isObject())
            return where.fail(tierAt, QStringLiteral("expected an object {upTo, price}"));
        const QJsonObject t = arr[i].toObject();
        for (const QString& key : t.keys())
            if (key != QLatin1String("upTo") && key != QLatin1String("price"))
                return where.fail(child(tierAt, key),
                                  QStringLiteral("unknown key \"%1\"").arg(key));
        auto m = moneyValue(t.value(QStringLiteral("price")), where,
                            child(tierAt, QStringLiteral("price")));
        if (!m)
            return std::unexpected(m.error());
        PriceTier tier{std::nullopt, *m};
        const bool last = i == arr.size() - 1;
        if (t.contains(QStringLiteral("upTo"))) {
            if (last)
                return where.fail(child(tierAt, QStringLiteral("upTo")),
                                  QStringLiteral("the last tier has no upper bound; remove upTo"));
            auto up = wholeNumber(t.value(QStringLiteral("upTo")), where,
                                  child(tierAt, QStringLiteral("upTo")), previous + 1);
            if (!up)
                return std::unexpected(up.error());
            tier.upTo = *up;
            previous = *up;
        } else if (!last) {
            return where.fail(tierAt, QStringLiteral("every tier but the last needs upTo"));
        }
        tiers.append(tier);
    }
    return tiers;
}

// price | tiers | quantity: exactly one.
Result<void> readAmount(CatalogPrice& p, const QJsonObject& o, const DocumentProblem& where,
                        const QString& at)
{
    const int kinds = int(o.contains(QStringLiteral("price"))) +
                      int(o.contains(QStringLiteral("tiers"))) +
                      int(o.contains(QStringLiteral("quantity")));
    if (kinds != 1)
        return where.fail(
            at, QStringLiteral("give exactly one of \"price\", \"tiers\" or \"quantity\""));
    if (o.contains(QStringLiteral("quantity"))) {
        auto q = wholeNumber(o.value(QStringLiteral("quantity")), where,
                             child(at, QStringLiteral("quantity")), 0);
        if (!q)
            return std::unexpected(q.error());
        p.quantity = *q;
        p.tiers.clear();
        return {};
    }
    auto tiers = tiersValue(o, where, at);
    if (!tiers)
        return std::unexpected(tiers.error());
    p.tiers = *tiers;
    p.quantity.reset();
    return {};
}

const QStringList kEntryKeys = {
    QStringLiteral("id"),           QStringLiteral("label"),         QStringLiteral("unit"),
    QStringLiteral("per"),          QStringLiteral("price"),         QStringLiteral("tiers"),
    QStringLiteral("quantity"),     QStringLiteral("currency"),      QStringLiteral("regionTier"),
    QStringLiteral("architecture"), QStringLiteral("effectiveDate"), QStringLiteral("source"),
    QStringLiteral("attributes"),   QStringLiteral("note")};

} // namespace

Result<PricingCatalog>
PricingCatalog::fromDocuments(const QList<std::pair<QString, QByteArray>>& docs)
{
    PricingCatalog catalog;
    for (const auto& [file, text] : docs) {
        const DocumentProblem where(file, text);
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            const TextPosition at = positionAtUtf8(text, parseError.offset);
            return fail(ErrorCode::Parse, QStringLiteral("The price table %1 is not valid JSON at "
                                                         "line %2, column %3: %4.")
                                              .arg(file)
                                              .arg(at.line)
                                              .arg(at.column)
                                              .arg(parseError.errorString()));
        }
        if (!doc.isObject())
            return where.fail({}, QStringLiteral("expected an object"));
        const QJsonObject root = doc.object();
        auto tables = std::make_shared<ProviderTables>();
        tables->file = file;
        tables->provider = root.value(QStringLiteral("provider")).toString();
        if (tables->provider.isEmpty())
            return where.fail(QStringLiteral("/provider"), QStringLiteral("missing provider name"));
        if (catalog.m_providers.contains(tables->provider))
            return where.fail(
                QStringLiteral("/provider"),
                QStringLiteral("provider \"%1\" is already defined by %2")
                    .arg(tables->provider, catalog.m_providers[tables->provider]->file));
        tables->currency = root.value(QStringLiteral("currency")).toString();
        if (tables->currency != QLatin1String("USD"))
            return where.fail(QStringLiteral("/currency"),
                              QStringLiteral("only \"USD\" is supported"));
        const QJsonValue regions = root.value(QStringLiteral("regions"));
        if (!regions.isObject() || regions.toObject().isEmpty())
            return where.fail(QStringLiteral("/regions"),
                              QStringLiteral("expected an object mapping region ids to tiers"));
        const QJsonObject regionMap = regions.toObject();
        for (auto it = regionMap.begin(); it != regionMap.end(); ++it) {
            if (!it.value().isString() || it.value().toString().isEmpty())
                return where.fail(child(QStringLiteral("/regions"), it.key()),
                                  QStringLiteral("expected a region tier name"));
            tables->regionTiers.insert(it.key(), it.value().toString());
            tables->regionOrder << it.key();
        }
        tables->defaultRegion = root.value(QStringLiteral("defaultRegion")).toString();
        if (!tables->regionTiers.contains(tables->defaultRegion))
            return where.fail(QStringLiteral("/defaultRegion"),
                              QStringLiteral("the default region must be one of /regions"));
        const QJsonObject tablesObject = root.value(QStringLiteral("tables")).toObject();
        for (auto it = tablesObject.begin(); it != tablesObject.end(); ++it) {
            const QString at = child(QStringLiteral("/tables"), it.key());
            QList<std::pair<long long, long long>> rows;
            const QJsonArray arr = it.value().toArray();
            for (qsizetype i = 0; i < arr.size(); ++i) {
                const QJsonArray row = arr[i].toArray();
                if (row.size() != 2 || !row[0].isDouble() || !row[1].isDouble())
                    return where.fail(child(at, i), QStringLiteral("expected [key, value]"));
                rows.append({static_cast<long long>(row[0].toDouble()),
                             static_cast<long long>(row[1].toDouble())});
            }
            if (rows.isEmpty())
                return where.fail(at, QStringLiteral("expected a non-empty array of [key, value]"));
            tables->tables.insert(it.key(), rows);
        }
        const QSet<QString> knownTiers(tables->regionTiers.cbegin(), tables->regionTiers.cend());
        const QJsonValue prices = root.value(QStringLiteral("prices"));
        if (!prices.isArray())
            return where.fail(QStringLiteral("/prices"),
                              QStringLiteral("expected an array of prices"));
        const QJsonArray arr = prices.toArray();
        for (qsizetype i = 0; i < arr.size(); ++i) {
            const QString at = child(QStringLiteral("/prices"), i);
            if (!arr[i].isObject())
                return where.fail(at, QStringLiteral("expected an object"));
            const QJsonObject o = arr[i].toObject();
            for (const QString& key : o.keys())
                if (!kEntryKeys.contains(key))
                    return where.fail(child(at, key),
                                      QStringLiteral("unknown key \"%1\"").arg(key));
            CatalogPrice p;
            p.provider = tables->provider;
            p.id = o.value(QStringLiteral("id")).toString();
            if (p.id.isEmpty())
                return where.fail(child(at, QStringLiteral("id")), QStringLiteral("missing id"));
            p.label = o.value(QStringLiteral("label")).toString(p.id);
            p.unit = o.value(QStringLiteral("unit")).toString();
            if (p.unit.isEmpty())
                return where.fail(child(at, QStringLiteral("unit")),
                                  QStringLiteral("missing unit (\"request\", \"GB-second\", …)"));
            if (o.contains(QStringLiteral("per"))) {
                auto per = wholeNumber(o.value(QStringLiteral("per")), where,
                                       child(at, QStringLiteral("per")), 1);
                if (!per)
                    return std::unexpected(per.error());
                p.per = *per;
            }
            if (auto r = readAmount(p, o, where, at); !r)
                return std::unexpected(r.error());
            p.currency = o.value(QStringLiteral("currency")).toString(tables->currency);
            if (p.currency != tables->currency)
                return where.fail(child(at, QStringLiteral("currency")),
                                  QStringLiteral("every price of a file has the file's currency"));
            p.regionTier =
                o.value(QStringLiteral("regionTier")).toString(QStringLiteral("default"));
            if (!knownTiers.contains(p.regionTier))
                return where.fail(
                    child(at, QStringLiteral("regionTier")),
                    QStringLiteral("no region of /regions is in tier \"%1\"").arg(p.regionTier));
            p.architecture =
                o.value(QStringLiteral("architecture")).toString(QStringLiteral("any"));
            if (p.architecture != QLatin1String("any") &&
                p.architecture != QLatin1String("x86_64") &&
                p.architecture != QLatin1String("arm64"))
                return where.fail(child(at, QStringLiteral("architecture")),
                                  QStringLiteral("expected \"any\", \"x86_64\" or \"arm64\""));
            p.origin.file = file;
            p.origin.pointer = at;
            p.origin.effectiveDate =
                QDate::fromString(o.value(QStringLiteral("effectiveDate")).toString(), Qt::ISODate);
            if (!p.origin.effectiveDate.isValid())
                return where.fail(child(at, QStringLiteral("effectiveDate")),
                                  QStringLiteral("expected a date \"YYYY-MM-DD\""));
            p.origin.sourceUrl = o.value(QStringLiteral("source")).toString();
            if (!p.origin.sourceUrl.startsWith(QLatin1String("https://")) &&
                !p.origin.sourceUrl.startsWith(QLatin1String("http://")))
                return where.fail(
                    child(at, QStringLiteral("source")),
                    QStringLiteral("expected the URL of the page that publishes the price"));
            p.attributes = o.value(QStringLiteral("attributes")).toObject();
            p.note = o.value(QStringLiteral("note")).toString();
            tables->entries.append(p);
        }
        tables->index();
        catalog.m_providers.insert(tables->provider, tables);
        catalog.m_order << tables->provider;
    }
    return catalog;
}

Result<PricingCatalog> PricingCatalog::builtIn()
{
    QDir dir(QString::fromLatin1(kResourceFolder));
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (names.isEmpty())
        return fail(ErrorCode::Internal,
                    QStringLiteral("The built-in price tables are missing from this build."));
    QList<std::pair<QString, QByteArray>> docs;
    for (const QString& name : names) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Internal, QStringLiteral("Cannot read %1.").arg(f.fileName()));
        docs.append({f.fileName(), f.readAll()});
    }
    return fromDocuments(docs);
}

Result<PricingCatalog> PricingCatalog::forWorkspace(const QString& workspaceFolder)
{
    auto catalog = builtIn();
    if (!catalog)
        return catalog;
    const QString path = QDir(workspaceFolder).filePath(QString::fromLatin1(kOverrideFileName));
    if (QFileInfo::exists(path)) {
        if (auto r = catalog->applyOverrides(path); !r)
            return std::unexpected(r.error());
    }
    return catalog;
}

Result<void> PricingCatalog::applyOverrides(const QString& filePath)
{
    auto text = readTextFile(filePath);
    if (!text)
        return std::unexpected(text.error());
    return applyOverrides(QFileInfo(filePath).absoluteFilePath(), text->toUtf8());
}

Result<void> PricingCatalog::applyOverrides(const QString& fileName, const QByteArray& json)
{
    const DocumentProblem where(fileName, json);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition at = positionAtUtf8(json, parseError.offset);
        return fail(ErrorCode::Parse, QStringLiteral("The price overrides %1 are not valid JSON at "
                                                     "line %2, column %3: %4.")
                                          .arg(fileName)
                                          .arg(at.line)
                                          .arg(at.column)
                                          .arg(parseError.errorString()));
    }
    if (!doc.isObject())
        return where.fail({}, QStringLiteral("expected an object with \"prices\""));
    const QJsonObject root = doc.object();
    for (const QString& key : root.keys())
        if (key != QLatin1String("formatVersion") && key != QLatin1String("regions") &&
            key != QLatin1String("prices") && key != QLatin1String("$schema"))
            return where.fail(child(QString(), key), QStringLiteral("unknown key \"%1\"").arg(key));
    if (root.contains(QStringLiteral("formatVersion")) &&
        root.value(QStringLiteral("formatVersion")).toInt() != 1)
        return where.fail(
            QStringLiteral("/formatVersion"),
            QStringLiteral("this version reads format 1; update Serverless Workbench"));

    // Work on deep copies so that a failed file leaves the catalog as it was.
    QHash<QString, std::shared_ptr<ProviderTables>> next;
    for (auto it = m_providers.cbegin(); it != m_providers.cend(); ++it)
        next.insert(it.key(), std::make_shared<ProviderTables>(*it.value()));

    const QJsonObject regions = root.value(QStringLiteral("regions")).toObject();
    for (auto it = regions.begin(); it != regions.end(); ++it) {
        const QString at = child(QStringLiteral("/regions"), it.key());
        if (!next.contains(it.key()))
            return where.fail(at, QStringLiteral("unknown provider \"%1\"; known: %2")
                                      .arg(it.key(), m_order.join(QStringLiteral(", "))));
        ProviderTables& t = *next[it.key()];
        const QSet<QString> tiers(t.regionTiers.cbegin(), t.regionTiers.cend());
        const QJsonObject map = it.value().toObject();
        for (auto r = map.begin(); r != map.end(); ++r) {
            if (!tiers.contains(r.value().toString()))
                return where.fail(
                    child(at, r.key()),
                    QStringLiteral("unknown region tier \"%1\"; known: %2")
                        .arg(r.value().toString(), QStringList(tiers.values()).join(u", ")));
            if (!t.regionTiers.contains(r.key()))
                t.regionOrder << r.key();
            t.regionTiers.insert(r.key(), r.value().toString());
        }
    }

    const QJsonArray prices = root.value(QStringLiteral("prices")).toArray();
    for (qsizetype i = 0; i < prices.size(); ++i) {
        const QString at = child(QStringLiteral("/prices"), i);
        const QJsonObject o = prices[i].toObject();
        for (const QString& key : o.keys())
            if (!kEntryKeys.contains(key) && key != QLatin1String("provider"))
                return where.fail(child(at, key), QStringLiteral("unknown key \"%1\"").arg(key));
        const QString provider = o.value(QStringLiteral("provider")).toString();
        if (!next.contains(provider))
            return where.fail(child(at, QStringLiteral("provider")),
                              QStringLiteral("unknown provider \"%1\"; known: %2")
                                  .arg(provider, m_order.join(QStringLiteral(", "))));
        ProviderTables& t = *next[provider];
        const QString id = o.value(QStringLiteral("id")).toString();
        const QString tier = o.value(QStringLiteral("regionTier")).toString();
        const QString arch = o.value(QStringLiteral("architecture")).toString();
        int matched = 0;
        for (int index : t.byId.value(id)) {
            CatalogPrice& p = t.entries[index];
            if ((!tier.isEmpty() && p.regionTier != tier) ||
                (!arch.isEmpty() && p.architecture != arch))
                continue;
            CatalogPrice updated = p;
            if (auto r = readAmount(updated, o, where, at); !r)
                return std::unexpected(r.error());
            if (updated.isAllowance() != p.isAllowance())
                return where.fail(
                    at, p.isAllowance()
                            ? QStringLiteral("\"%1\" is a free grant: give a quantity").arg(id)
                            : QStringLiteral("\"%1\" is a price: give price or tiers").arg(id));
            if (o.contains(QStringLiteral("per"))) {
                auto per = wholeNumber(o.value(QStringLiteral("per")), where,
                                       child(at, QStringLiteral("per")), 1);
                if (!per)
                    return std::unexpected(per.error());
                updated.per = *per;
            }
            if (o.contains(QStringLiteral("label")))
                updated.label = o.value(QStringLiteral("label")).toString();
            updated.note = o.value(QStringLiteral("note")).toString();
            updated.origin =
                PriceOrigin{fileName, at, true, o.value(QStringLiteral("source")).toString(),
                            QDate::fromString(o.value(QStringLiteral("effectiveDate")).toString(),
                                              Qt::ISODate)};
            p = updated;
            ++matched;
        }
        if (matched == 0) {
            QStringList ids = t.byId.keys();
            ids.sort();
            return where.fail(
                at, QStringLiteral("%1 has no price \"%2\"%3; its ids: %4")
                        .arg(provider, id,
                             tier.isEmpty() && arch.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" for tier \"%1\" and architecture \"%2\"")
                                       .arg(tier.isEmpty() ? QStringLiteral("any") : tier,
                                            arch.isEmpty() ? QStringLiteral("any") : arch),
                             ids.join(QStringLiteral(", "))));
        }
    }
    m_providers = next;
    return {};
}

Result<QString> PricingCatalog::regionTier(const QString& provider, const QString& region) const
{
    const auto it = m_providers.constFind(provider);
    if (it == m_providers.cend())
        return fail(ErrorCode::NotFound, QStringLiteral("There are no prices for provider \"%1\"; "
                                                        "known providers: %2.")
                                             .arg(provider, m_order.join(QStringLiteral(", "))));
    const ProviderTables& t = **it;
    const QString id = region.isEmpty() ? t.defaultRegion : region;
    const auto tier = t.regionTiers.constFind(id);
    if (tier == t.regionTiers.cend())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("There are no %1 prices for region \"%2\"; priced regions: %3. "
                                   "Map the region to a tier in the workspace's pricing.json.")
                        .arg(provider, id, t.regionOrder.join(QStringLiteral(", "))));
    return *tier;
}

Result<const CatalogPrice*> PricingCatalog::price(const QString& provider, const QString& id,
                                                  const QString& region,
                                                  const QString& architecture) const
{
    auto tier = regionTier(provider, region);
    if (!tier)
        return std::unexpected(tier.error());
    const ProviderTables& t = *m_providers.value(provider);
    for (int index : t.byId.value(id)) {
        const CatalogPrice& p = t.entries[index];
        if (p.regionTier == *tier &&
            (architecture.isEmpty() || p.architecture == QLatin1String("any") ||
             p.architecture == architecture))
            return &p;
    }
    return fail(ErrorCode::NotFound,
                QStringLiteral("The %1 price table has no \"%2\" for region tier \"%3\"%4.")
                    .arg(provider, id, *tier,
                         architecture.isEmpty()
                             ? QString()
                             : QStringLiteral(" and architecture \"%1\"").arg(architecture)));
}

long long PricingCatalog::allowance(const QString& provider, const QString& id,
                                    const QString& region) const
{
    auto p = price(provider, id, region);
    return p && (*p)->quantity ? *(*p)->quantity : 0;
}

QString PricingCatalog::defaultRegion(const QString& provider) const
{
    const auto it = m_providers.constFind(provider);
    return it == m_providers.cend() ? QString() : (*it)->defaultRegion;
}

QStringList PricingCatalog::regions(const QString& provider) const
{
    const auto it = m_providers.constFind(provider);
    return it == m_providers.cend() ? QStringList() : (*it)->regionOrder;
}

QList<std::pair<long long, long long>> PricingCatalog::table(const QString& provider,
                                                             const QString& name) const
{
    const auto it = m_providers.constFind(provider);
    return it == m_providers.cend() ? QList<std::pair<long long, long long>>()
                                    : (*it)->tables.value(name);
}

QStringList PricingCatalog::providers() const
{
    return m_order;
}

QList<CatalogPrice> PricingCatalog::entries(const QString& provider) const
{
    QList<CatalogPrice> out;
    for (const QString& name : m_order)
        if (provider.isEmpty() || provider == name)
            out += m_providers.value(name)->entries;
    return out;
}

QStringList PricingCatalog::serverIds() const
{
    QStringList ids;
    for (const CatalogPrice& p : entries(QStringLiteral("server")))
        if (!ids.contains(p.id))
            ids << p.id;
    return ids;
}

} // namespace swb
