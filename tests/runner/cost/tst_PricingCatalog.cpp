// The price tables: built-in files load and carry their sources; bad files are refused naming the
// file and JSON pointer; a workspace's pricing.json overrides prices and says so.
#include "cost/PricingCatalog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {
QByteArray minimalTable(const QByteArray& entry)
{
    return R"({"provider": "p", "currency": "USD", "defaultRegion": "r1", "regions": {"r1": "default"},
               "prices": [)" +
           entry + "]}";
}
const QByteArray kGoodEntry = R"({"id": "x", "unit": "request", "price": "0.20", "per": 1000000,
    "effectiveDate": "2024-01-01", "source": "https://example.com/pricing"})";
} // namespace

class tst_PricingCatalog : public QObject {
    Q_OBJECT
private slots:
    void builtInTablesLoadWithSourcesAndDates();
    void looksUpByRegionTierAndArchitecture();
    void rejectsBadTablesNamingFileAndPointer_data();
    void rejectsBadTablesNamingFileAndPointer();
    void overrideReplacesPriceAndRecordsItsOrigin();
    void overrideCanMapARegionToATier();
    void rejectsBadOverridesAndKeepsTheCatalog_data();
    void rejectsBadOverridesAndKeepsTheCatalog();
    void readsTheWorkspaceOverrideFile();
    void lookupsAreFast();
};

void tst_PricingCatalog::builtInTablesLoadWithSourcesAndDates()
{
    auto c = PricingCatalog::builtIn();
    QVERIFY2(c.has_value(), qPrintable(c ? QString() : c.error().toString()));
    for (const char* p : {"aws", "azure", "gcp", "openwhisk", "server"})
        QVERIFY2(c->providers().contains(QLatin1String(p)), p);
    const QList<CatalogPrice> all = c->entries();
    QVERIFY(all.size() > 40);
    for (const CatalogPrice& p : all) {
        QVERIFY2(p.origin.sourceUrl.startsWith(QLatin1String("https://")), qPrintable(p.id));
        QVERIFY2(p.origin.effectiveDate.isValid(), qPrintable(p.id));
        QVERIFY2(!p.origin.overridden, qPrintable(p.id));
        QVERIFY2(p.origin.file.startsWith(QLatin1String(":/swb/pricing/")),
                 qPrintable(p.origin.file));
        QCOMPARE(p.currency, QStringLiteral("USD"));
    }
    QVERIFY(c->serverIds().contains(QStringLiteral("aws.t3.small")));
    auto ibm = c->price(QStringLiteral("openwhisk"), QStringLiteral("ibm.executionTime"));
    QVERIFY(ibm && (*ibm)->note.contains(QStringLiteral("deprecated")));
}

void tst_PricingCatalog::looksUpByRegionTierAndArchitecture()
{
    auto c = PricingCatalog::builtIn();
    auto x86 = c->price(QStringLiteral("aws"), QStringLiteral("lambda.duration"), {},
                        QStringLiteral("x86_64"));
    auto arm = c->price(QStringLiteral("aws"), QStringLiteral("lambda.duration"), {},
                        QStringLiteral("arm64"));
    QVERIFY(x86 && arm);
    // https://aws.amazon.com/lambda/pricing/: x86 $0.0000166667, Arm $0.0000133334, first tier.
    QCOMPARE((*x86)->tiers.first().price.toString(-1), QStringLiteral("0.0000166667"));
    QCOMPARE((*arm)->tiers.first().price.toString(-1), QStringLiteral("0.0000133334"));
    QCOMPARE(*c->regionTier(QStringLiteral("gcp"), QStringLiteral("europe-west3")),
             QStringLiteral("tier2"));
    QCOMPARE(*c->regionTier(QStringLiteral("gcp"), QString()), QStringLiteral("tier1"));
    auto unknown = c->regionTier(QStringLiteral("aws"), QStringLiteral("xx-nowhere-1"));
    QVERIFY(!unknown);
    QVERIFY(unknown.error().message.contains(QStringLiteral("pricing.json")));
    QVERIFY(!c->price(QStringLiteral("nope"), QStringLiteral("x")));
    QCOMPARE(c->table(QStringLiteral("gcp"), QStringLiteral("gen1.cpuMhzByMemoryMb")).first(),
             (std::pair<long long, long long>(128, 200)));
}

void tst_PricingCatalog::rejectsBadTablesNamingFileAndPointer_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pointer");
    QTest::newRow("missing source") << minimalTable(R"({"id": "x", "unit": "request", "price": "1",
        "effectiveDate": "2024-01-01"})")
                                    << "/prices/0/source";
    QTest::newRow("price as number") << minimalTable(R"({"id": "x", "unit": "request", "price": 0.2,
        "effectiveDate": "2024-01-01", "source": "https://e.com"})")
                                     << "/prices/0/price";
    QTest::newRow("bad date") << minimalTable(R"({"id": "x", "unit": "request", "price": "1",
        "effectiveDate": "soon", "source": "https://e.com"})")
                              << "/prices/0/effectiveDate";
    QTest::newRow("unknown key")
        << minimalTable(R"({"id": "x", "unit": "request", "price": "1", "prize": "2",
        "effectiveDate": "2024-01-01", "source": "https://e.com"})")
        << "/prices/0/prize";
    QTest::newRow("tier without upTo") << minimalTable(R"({"id": "x", "unit": "request",
        "tiers": [{"price": "1"}, {"price": "2"}], "effectiveDate": "2024-01-01", "source": "https://e.com"})")
                                       << "/prices/0/tiers/0";
    QTest::newRow("unknown region tier")
        << minimalTable(R"({"id": "x", "unit": "request", "price": "1",
        "regionTier": "tier9", "effectiveDate": "2024-01-01", "source": "https://e.com"})")
        << "/prices/0/regionTier";
    QTest::newRow("price and quantity")
        << minimalTable(R"({"id": "x", "unit": "request", "price": "1",
        "quantity": 5, "effectiveDate": "2024-01-01", "source": "https://e.com"})")
        << "/prices/0";
    QTest::newRow("no unit") << minimalTable(R"({"id": "x", "price": "1",
        "effectiveDate": "2024-01-01", "source": "https://e.com"})")
                             << "/prices/0/unit";
}

void tst_PricingCatalog::rejectsBadTablesNamingFileAndPointer()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, pointer);
    auto c = PricingCatalog::fromDocuments({{QStringLiteral("bad.json"), json}});
    QVERIFY(!c.has_value());
    QCOMPARE(c.error().code, ErrorCode::Validation);
    QVERIFY2(c.error().message.contains(QStringLiteral("bad.json")), qPrintable(c.error().message));
    QCOMPARE(c.error().diagnostics.size(), 1);
    QCOMPARE(c.error().diagnostics.first().pointer, pointer);
    QVERIFY(c.error().diagnostics.first().line > 0);
}

void tst_PricingCatalog::overrideReplacesPriceAndRecordsItsOrigin()
{
    auto c = PricingCatalog::builtIn();
    auto r =
        c->applyOverrides(QStringLiteral("/ws/pricing.json"), R"({"formatVersion": 1, "prices": [
        {"provider": "aws", "id": "lambda.duration", "architecture": "arm64", "price": "0.00001",
         "source": "https://my-contract.example/aws"}]})");
    QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().toString()));
    auto arm = c->price(QStringLiteral("aws"), QStringLiteral("lambda.duration"), {},
                        QStringLiteral("arm64"));
    QCOMPARE((*arm)->tiers.size(), 1);
    QCOMPARE((*arm)->tiers.first().price.toString(-1), QStringLiteral("0.00001"));
    QVERIFY((*arm)->origin.overridden);
    QCOMPARE((*arm)->origin.file, QStringLiteral("/ws/pricing.json"));
    QCOMPARE((*arm)->origin.pointer, QStringLiteral("/prices/0"));
    QCOMPARE((*arm)->origin.sourceUrl, QStringLiteral("https://my-contract.example/aws"));
    // x86 untouched.
    auto x86 = c->price(QStringLiteral("aws"), QStringLiteral("lambda.duration"), {},
                        QStringLiteral("x86_64"));
    QVERIFY(!(*x86)->origin.overridden);
    QCOMPARE((*x86)->tiers.size(), 3);
}

void tst_PricingCatalog::overrideCanMapARegionToATier()
{
    auto c = PricingCatalog::builtIn();
    QVERIFY(!c->regionTier(QStringLiteral("aws"), QStringLiteral("af-south-1")));
    auto r = c->applyOverrides(QStringLiteral("o.json"),
                               R"({"regions": {"aws": {"af-south-1": "default"}}})");
    QVERIFY(r.has_value());
    QCOMPARE(*c->regionTier(QStringLiteral("aws"), QStringLiteral("af-south-1")),
             QStringLiteral("default"));
}

void tst_PricingCatalog::rejectsBadOverridesAndKeepsTheCatalog_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    // The first entry is good: a failure later must not leave it applied.
    const QByteArray good = R"({"provider": "aws", "id": "lambda.requests", "price": "9"})";
    QTest::newRow("unknown id")
        << QByteArray(R"({"prices": [)" + good +
                      R"(, {"provider": "aws", "id": "lambda.requestz", "price": "1"}]})")
        << "/prices/1";
    QTest::newRow("unknown provider")
        << QByteArray(R"({"prices": [)" + good +
                      R"(, {"provider": "oracle", "id": "x", "price": "1"}]})")
        << "oracle";
    QTest::newRow("quantity for a price")
        << QByteArray(R"({"prices": [)" + good +
                      R"(, {"provider": "aws", "id": "lambda.duration", "quantity": 1}]})")
        << "give price or tiers";
    QTest::newRow("bad amount")
        << QByteArray(R"({"prices": [)" + good +
                      R"(, {"provider": "aws", "id": "lambda.duration", "price": "cheap"}]})")
        << "/prices/1/price";
    QTest::newRow("not json") << QByteArray("{\"prices\": [") << "line 1";
    QTest::newRow("unknown tier for region")
        << QByteArray(R"({"regions": {"aws": {"af-south-1": "africa"}}})") << "africa";
}

void tst_PricingCatalog::rejectsBadOverridesAndKeepsTheCatalog()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    auto c = PricingCatalog::builtIn();
    auto r = c->applyOverrides(QStringLiteral("/ws/pricing.json"), json);
    QVERIFY(!r.has_value());
    QVERIFY2(r.error().message.contains(QStringLiteral("/ws/pricing.json")),
             qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    auto requests = c->price(QStringLiteral("aws"), QStringLiteral("lambda.requests"));
    QCOMPARE((*requests)->tiers.first().price.toString(2), QStringLiteral("0.20"));
    QVERIFY(!(*requests)->origin.overridden);
}

void tst_PricingCatalog::readsTheWorkspaceOverrideFile()
{
    QTemporaryDir dir;
    QFile f(QDir(dir.path()).filePath(QString::fromLatin1(PricingCatalog::kOverrideFileName)));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"prices": [{"provider": "gcp", "id": "gen2.cpu", "regionTier": "tier1", "price": "0.000018"}]})");
    f.close();
    auto c = PricingCatalog::forWorkspace(dir.path());
    QVERIFY2(c.has_value(), qPrintable(c ? QString() : c.error().toString()));
    auto cpu = c->price(QStringLiteral("gcp"), QStringLiteral("gen2.cpu"));
    QCOMPARE((*cpu)->tiers.first().price.toString(-1), QStringLiteral("0.000018"));
    QCOMPARE((*cpu)->origin.file, QFileInfo(f).absoluteFilePath());
    // No file: the built-in tables.
    QTemporaryDir empty;
    QVERIFY(PricingCatalog::forWorkspace(empty.path()).has_value());
}

void tst_PricingCatalog::lookupsAreFast()
{
    // Scenario sweeps price thousands of times: a lookup is a hash access, not a parse. 100,000
    // lookups well under a second even in a debug build (a parse per lookup would take minutes).
    auto c = PricingCatalog::builtIn();
    QElapsedTimer t;
    t.start();
    int found = 0;
    for (int i = 0; i < 100'000; ++i)
        found += c->price(QStringLiteral("aws"), QStringLiteral("lambda.duration"),
                          QStringLiteral("eu-west-1"), QStringLiteral("arm64"))
                     .has_value();
    QCOMPARE(found, 100'000);
    QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
}

QTEST_GUILESS_MAIN(tst_PricingCatalog)
#include "tst_PricingCatalog.moc"
