// The facade: one call prices any provider; scenarios become usage.
#include "CostTestSupport.h"
#include "cost/CostEngine.h"
#include "model/ScenarioSpec.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace swb;
using costtest::catalog;

class tst_CostEngine : public QObject {
    Q_OBJECT
private slots:
    void pricesEveryProvider_data();
    void pricesEveryProvider();
    void rejectsUnknownProvider();
    void turnsAScenarioIntoUsage();
    void scenarioWithoutDurationUsesMeasuredDurations();
    void scenarioWithoutAnyDurationIsAnError();
    void breakdownPrintsAndSerialises();
    void evaluatesThousandsOfScenariosPerSecond();
};

void tst_CostEngine::pricesEveryProvider_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("total");
    // 3M × 1 s at 512 MB with free tiers, own arithmetic per provider:
    // aws: (1.5M − 0.4M) GB-s × $0.0000166667 + 2M × $0.20/M = 18.33337 + 0.40
    QTest::newRow("aws") << "aws"
                         << "18.73";
    // azure consumption: 1.1M × $0.000016 + $0.40 = $18.00 (the pricing page's example)
    QTest::newRow("azure") << "azure"
                           << "18.00";
    // gcp gen2, 512 MiB = 0.333 vCPU: 1M × $0.40/M + (1.5M − 0.36M) GiB-s × $0.0000025
    // + (999,000 − 180,000) vCPU-s × $0.000024 = 0.40 + 2.85 + 19.656 = $22.906
    QTest::newRow("gcp") << "gcp"
                         << "22.91";
    // openwhisk (IBM): (1.5M − 0.4M) GB-s × $0.000017 = $18.70
    QTest::newRow("openwhisk") << "openwhisk"
                               << "18.70";
}

void tst_CostEngine::pricesEveryProvider()
{
    QFETCH(QString, provider);
    QFETCH(QString, total);
    const CostEngine engine(catalog());
    auto b = engine.price(provider, BillingUsage::typed(3'000'000, 1000, 512));
    QVERIFY2(b.has_value(), qPrintable(b ? QString() : b.error().message));
    QCOMPARE(b->provider, provider);
    QCOMPARE(b->total.toString(2), total);
}

void tst_CostEngine::rejectsUnknownProvider()
{
    const CostEngine engine(catalog());
    auto b = engine.price(QStringLiteral("heroku"), BillingUsage::typed(1, 1, 128));
    QVERIFY(!b.has_value());
    QVERIFY(b.error().message.contains(QStringLiteral("aws, azure, gcp, openwhisk")));
}

void tst_CostEngine::turnsAScenarioIntoUsage()
{
    ScenarioSpec s;
    s.name = QStringLiteral("launch");
    s.provider = QStringLiteral("aws");
    s.region = QStringLiteral("eu-west-1");
    s.architecture = QStringLiteral("arm64");
    s.memoryMb = 256;
    s.invocationsPerMonth = 3'000'000.4;
    s.durationMs = 120;
    s.coldStartShare = 0.02;
    s.initDurationMs = 300;
    s.includeFreeTier = false;
    s.extensions = QJsonDocument::fromJson(R"({"gateway": "http", "ephemeralStorageMb": 1024,
        "clusterMonthlyCost": "250.50"})")
                       .object();
    auto usage = CostEngine::usageFromScenario(s);
    QVERIFY2(usage.has_value(), qPrintable(usage ? QString() : usage.error().message));
    QCOMPARE(usage->invocations, 3'000'000LL);
    QCOMPARE(usage->durations.size(), 1);
    QCOMPARE(usage->durations.first().durationMs, 120.0);
    QCOMPARE(usage->architecture, QStringLiteral("arm64"));
    QCOMPARE(usage->gateway, GatewayKind::Http);
    QCOMPARE(usage->ephemeralStorageMb, 1024);
    QCOMPARE(usage->clusterMonthlyCost->toString(2), QStringLiteral("250.50"));
    QVERIFY(!usage->includeFreeTier);
    const CostEngine engine(catalog());
    auto b = engine.price(s.provider, *usage);
    QVERIFY(b.has_value());
    QVERIFY(b->amountOf(LineKind::Init) > Money());
    QVERIFY(b->amountOf(LineKind::Gateway) > Money());
    QVERIFY(b->amountOf(LineKind::Storage) > Money());

    s.extensions = QJsonDocument::fromJson(R"({"gateway": "graphql"})").object();
    QVERIFY(!CostEngine::usageFromScenario(s).has_value());
}

void tst_CostEngine::scenarioWithoutDurationUsesMeasuredDurations()
{
    ScenarioSpec s;
    s.name = QStringLiteral("measured");
    s.invocationsPerMonth = 1000;
    auto usage = CostEngine::usageFromScenario(s, {{50, 900}, {400, 100}});
    QVERIFY(usage.has_value());
    QCOMPARE(usage->durations.size(), 2);
}

void tst_CostEngine::scenarioWithoutAnyDurationIsAnError()
{
    ScenarioSpec s;
    s.name = QStringLiteral("nothing");
    auto usage = CostEngine::usageFromScenario(s);
    QVERIFY(!usage.has_value());
    QVERIFY(usage.error().message.contains(QStringLiteral("nothing")));
}

void tst_CostEngine::breakdownPrintsAndSerialises()
{
    const CostEngine engine(catalog());
    auto b = engine.price(QStringLiteral("aws"), BillingUsage::typed(3'000'000, 1000, 512));
    const QString text = b->toText();
    QVERIFY2(text.contains(QStringLiteral("Total")) && text.contains(QStringLiteral("18.73")),
             qPrintable(text));
    const QJsonObject json = b->toJson();
    QCOMPARE(json.value(QStringLiteral("totalCents")).toDouble(), 1873.0);
    QCOMPARE(json.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
    const QJsonObject first = json.value(QStringLiteral("lines")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("requests"));
    QCOMPARE(
        first.value(QStringLiteral("origin")).toObject().value(QStringLiteral("source")).toString(),
        QStringLiteral("https://aws.amazon.com/lambda/pricing/"));
}

void tst_CostEngine::evaluatesThousandsOfScenariosPerSecond()
{
    // The catalog is parsed once; a sweep prices over and over. 10,000 AWS evaluations with INIT,
    // gateway and free tier must take well under 5 s in a debug build.
    const CostEngine engine(catalog());
    BillingUsage usage = BillingUsage::typed(3'000'000, 120, 512);
    usage.coldStartShare = 0.01;
    usage.initDurationMs = 300;
    usage.gateway = GatewayKind::Http;
    QElapsedTimer t;
    t.start();
    Money sum;
    for (int i = 0; i < 10'000; ++i) {
        usage.memoryMb = 128 + i % 1024;
        sum += engine.price(QStringLiteral("aws"), usage)->total;
    }
    QVERIFY(sum > Money());
    qInfo("10,000 AWS evaluations in %lld ms", static_cast<long long>(t.elapsed()));
    QVERIFY(t.elapsed() < 5000);
}

QTEST_GUILESS_MAIN(tst_CostEngine)
#include "tst_CostEngine.moc"
