// The scenario table's input rules without a widget: the forms people type a number in, what
// "measured" means, and the names of rows it adds.
#include "ScenarioTableModel.h"
#include "cost/CostEngine.h"
#include "cost/PricingCatalog.h"

#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace swb;

namespace {

ScenarioSpec typedScenario()
{
    ScenarioSpec s;
    s.name = QStringLiteral("s");
    s.provider = QStringLiteral("aws");
    s.region = QStringLiteral("us-east-1");
    s.memoryMb = 128;
    s.invocationsPerMonth = 1000;
    s.durationMs = 10;
    return s;
}

} // namespace

class tst_ScenarioTableModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void acceptsTheWaysPeopleTypeNumbers_data();
    void acceptsTheWaysPeopleTypeNumbers();
    void readsNumbersInTheUsersLocale();
    void emptyOrMeasuredClearsTheTypedValue();
    void addedAndDuplicatedRowsGetUniqueNames();
    void withoutAnEngineEveryRowSaysSo();
    void planIsTheProvidersAndGoesWithIt();
    void gatewayIsPricedForAwsOnly();
    void keptWarmInstancesAreTypedAndPriced();
    void keptWarmRefusesWhatItCannotPrice();

private:
    std::unique_ptr<CostEngine> m_engine;
};

void tst_ScenarioTableModel::initTestCase()
{
    auto catalog = PricingCatalog::builtIn();
    QVERIFY(catalog);
    m_engine = std::make_unique<CostEngine>(std::move(*catalog));
}

void tst_ScenarioTableModel::acceptsTheWaysPeopleTypeNumbers_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("expected");
    const int inv = ScenarioTableModel::Invocations;
    QTest::newRow("plain") << inv << "5000000" << 5e6;
    QTest::newRow("grouped") << inv << "5,000,000" << 5e6;
    QTest::newRow("spaced") << inv << "5 000 000" << 5e6;
    QTest::newRow("exponent") << inv << "5e6" << 5e6;
    QTest::newRow("M suffix") << inv << "2.5M" << 2.5e6;
    QTest::newRow("k suffix") << inv << "750k" << 7.5e5;
    QTest::newRow("B suffix") << inv << "1B" << 1e9;
    QTest::newRow("share") << int(ScenarioTableModel::ColdStartShare) << "0.05" << 0.05;
    QTest::newRow("share in percent") << int(ScenarioTableModel::ColdStartShare) << "5%" << 0.05;
    QTest::newRow("fractional ms") << int(ScenarioTableModel::DurationMs) << "12.5" << 12.5;
    QTest::newRow("init zero") << int(ScenarioTableModel::InitMs) << "0" << 0.0;
}

void tst_ScenarioTableModel::acceptsTheWaysPeopleTypeNumbers()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(double, expected);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ScenarioTableModel model;
    model.setEngine(m_engine.get());
    model.setScenarios({typedScenario()});
    QSignalSpy refused(&model, &ScenarioTableModel::editRefused);
    QVERIFY(model.setData(model.index(0, column), text));
    QCOMPARE(refused.size(), 0);
    const ScenarioSpec& s = model.scenarios().at(0);
    const double got = column == ScenarioTableModel::Invocations      ? s.invocationsPerMonth
                       : column == ScenarioTableModel::ColdStartShare ? *s.coldStartShare
                       : column == ScenarioTableModel::DurationMs     ? *s.durationMs
                                                                      : *s.initDurationMs;
    QCOMPARE(got, expected);
    QVERIFY(model.result(0).ok());
}

void tst_ScenarioTableModel::readsNumbersInTheUsersLocale()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    ScenarioTableModel model;
    model.setEngine(m_engine.get());
    model.setScenarios({typedScenario()});
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::ColdStartShare), "0,02"));
    QCOMPARE(*model.scenarios().at(0).coldStartShare, 0.02);
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::Invocations), "5.000.000"));
    QCOMPARE(model.scenarios().at(0).invocationsPerMonth, 5e6);
    QLocale::setDefault(QLocale::c());
}

void tst_ScenarioTableModel::emptyOrMeasuredClearsTheTypedValue()
{
    ScenarioTableModel model;
    model.setEngine(m_engine.get());
    ScenarioSpec s = typedScenario();
    s.coldStartShare = 0.1;
    s.initDurationMs = 100;
    model.setScenarios({s});
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::ColdStartShare), ""));
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::InitMs), "Measured"));
    QVERIFY(!model.scenarios().at(0).coldStartShare);
    QVERIFY(!model.scenarios().at(0).initDurationMs);
    // Without a function nor a history, an unset duration cannot be priced: the row says why.
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::DurationMs), "measured"));
    QVERIFY(!model.scenarios().at(0).durationMs);
    QVERIFY(!model.result(0).ok());
    QVERIFY(model.result(0).error.contains(QLatin1String("duration")));
}

void tst_ScenarioTableModel::addedAndDuplicatedRowsGetUniqueNames()
{
    ScenarioTableModel model;
    model.setEngine(m_engine.get());
    model.setFunctions({QStringLiteral("hello")});
    const int a = model.addScenario();
    const int b = model.addScenario();
    QCOMPARE(model.scenarios().at(a).name, QStringLiteral("scenario"));
    QCOMPARE(model.scenarios().at(b).name, QStringLiteral("scenario (2)"));
    QCOMPARE(model.scenarios().at(a).function, QStringLiteral("hello"));
    QCOMPARE(model.scenarios().at(a).region, m_engine->catalog().defaultRegion("aws"));
    const int c = model.duplicateScenario(a);
    QCOMPARE(c, 1);
    QCOMPARE(model.scenarios().at(c).name, QStringLiteral("scenario (3)"));
    QVERIFY(model.result(c).ok());
    QVERIFY(!model.removeScenario(7));
}

void tst_ScenarioTableModel::withoutAnEngineEveryRowSaysSo()
{
    ScenarioTableModel model;
    model.setScenarios({typedScenario()});
    QVERIFY(!model.result(0).ok());
    QVERIFY(model.index(0, ScenarioTableModel::TotalPerMonth)
                .data()
                .toString()
                .contains(QLatin1String("price list")));
    // Edits still work: the scenarios can be fixed and saved before the prices load.
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::MemoryMb), "256"));
    QCOMPARE(model.scenarios().at(0).memoryMb, 256);
}

void tst_ScenarioTableModel::planIsTheProvidersAndGoesWithIt()
{
    ScenarioTableModel model;
    model.setEngine(m_engine.get());
    model.setScenarios({typedScenario()});
    const QModelIndex plan = model.index(0, ScenarioTableModel::Plan);
    // AWS Lambda has no plan to choose.
    QVERIFY(!(model.flags(plan) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(plan, "gen1"));
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::Provider), "gcp"));
    QCOMPARE(plan.data().toString(), QStringLiteral("gen2"));
    QCOMPARE(model.choices(plan), (QStringList{"gen2", "gen1"}));
    QVERIFY(model.setData(plan, "gen1"));
    QCOMPARE(model.scenarios().at(0).extensions.value("plan").toString(), QStringLiteral("gen1"));
    QVERIFY(model.result(0).ok());
    QCOMPARE(model.result(0).breakdown->plan, QStringLiteral("gen1"));
    // Same usage, same price as the engine with that plan.
    auto usage = CostEngine::usageFromScenario(model.scenarios().at(0));
    QVERIFY(usage);
    QCOMPARE(model.result(0).breakdown->total, m_engine->price("gcp", *usage)->total);
    QVERIFY(!model.setData(plan, "flex"));
    // Another cloud drops the plan.
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::Provider), "azure"));
    QVERIFY(!model.scenarios().at(0).extensions.contains("plan"));
    QCOMPARE(plan.data().toString(), QStringLiteral("consumption"));
}

void tst_ScenarioTableModel::gatewayIsPricedForAwsOnly()
{
    ScenarioTableModel model;
    model.setEngine(m_engine.get());
    ScenarioSpec s = typedScenario();
    s.invocationsPerMonth = 10'000'000;
    model.setScenarios({s});
    const QModelIndex gateway = model.index(0, ScenarioTableModel::Gateway);
    QCOMPARE(gateway.data().toString(), QStringLiteral("none"));
    QCOMPARE(model.choices(gateway), (QStringList{"none", "http", "rest"}));
    const auto before = model.result(0).breakdown->total;
    QVERIFY(model.setData(gateway, "http"));
    QCOMPARE(model.scenarios().at(0).extensions.value("gateway").toString(),
             QStringLiteral("http"));
    // The table's price is the engine's for the same scenario, and the gateway costs something.
    auto usage = CostEngine::usageFromScenario(model.scenarios().at(0));
    QVERIFY(usage);
    QCOMPARE(usage->gateway, GatewayKind::Http);
    QCOMPARE(model.result(0).breakdown->total, m_engine->price("aws", *usage)->total);
    QVERIFY(before < model.result(0).breakdown->total);
    QVERIFY(!model.setData(gateway, "graphql"));
    QVERIFY(model.setData(gateway, "none"));
    QVERIFY(!model.scenarios().at(0).extensions.contains("gateway"));
    QCOMPARE(model.result(0).breakdown->total, before);
    // Other clouds: shown as not applicable and not editable.
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::Provider), "gcp"));
    QCOMPARE(gateway.data().toString(), QStringLiteral("—"));
    QVERIFY(!(model.flags(gateway) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(gateway, "http"));
}

void tst_ScenarioTableModel::keptWarmInstancesAreTypedAndPriced()
{
    ScenarioTableModel model;
    model.setEngine(m_engine.get());
    model.setScenarios({typedScenario()});
    const QModelIndex warm = model.index(0, ScenarioTableModel::Provisioned);
    QCOMPARE(warm.data().toString(), QStringLiteral("none"));
    const auto before = model.result(0).breakdown->total;
    QVERIFY(model.setData(warm, "2"));
    QJsonObject x = model.scenarios().at(0).extensions;
    QCOMPARE(x.value("provisionedInstances").toInt(), 2);
    QCOMPARE(x.value("provisionedHours").toDouble(), 730.0); // the month of the price pages
    QCOMPARE(x.value("provisionedInvocationShare").toDouble(), 1.0);
    QVERIFY(before < model.result(0).breakdown->total); // idle instances are paid for
    QVERIFY(model.setData(warm, "3 200h 60%"));
    x = model.scenarios().at(0).extensions;
    QCOMPARE(x.value("provisionedInstances").toInt(), 3);
    QCOMPARE(x.value("provisionedHours").toDouble(), 200.0);
    QCOMPARE(x.value("provisionedInvocationShare").toDouble(), 0.6);
    QCOMPARE(warm.data(Qt::EditRole).toString(), QStringLiteral("3 200h 60%"));
    auto usage = CostEngine::usageFromScenario(model.scenarios().at(0));
    QVERIFY(usage);
    QCOMPARE(usage->provisionedInstances, 3);
    QCOMPARE(model.result(0).breakdown->total, m_engine->price("aws", *usage)->total);
    QVERIFY(model.setData(warm, ""));
    QVERIFY(!model.scenarios().at(0).extensions.contains("provisionedInstances"));
    QCOMPARE(model.result(0).breakdown->total, before);
    // Azure Flex: the same column sets always-ready instances.
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::Provider), "azure"));
    QVERIFY(!(model.flags(warm) & Qt::ItemIsEditable)); // consumption keeps nothing warm
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::Plan), "flex"));
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::MemoryMb), "2048")); // Flex sizes
    QVERIFY(model.flags(warm) & Qt::ItemIsEditable);
    QVERIFY(model.setData(warm, "1"));
    QCOMPARE(model.scenarios().at(0).extensions.value("alwaysReadyInstances").toInt(), 1);
    QVERIFY2(model.result(0).ok(), qPrintable(model.result(0).error));
}

void tst_ScenarioTableModel::keptWarmRefusesWhatItCannotPrice()
{
    ScenarioTableModel model;
    model.setEngine(m_engine.get());
    model.setScenarios({typedScenario()});
    const QModelIndex warm = model.index(0, ScenarioTableModel::Provisioned);
    QSignalSpy refused(&model, &ScenarioTableModel::editRefused);
    for (const char* bad : {"two", "-1", "2 800h", "2 150%", "2 5", "2 1h 2% 3h"})
        QVERIFY2(!model.setData(warm, QString::fromLatin1(bad)), bad);
    QCOMPARE(refused.count(), 6);
    QVERIFY(refused.last().at(0).toString().contains("Kept warm"));
    QVERIFY(!model.scenarios().at(0).extensions.contains("provisionedInstances"));
    QVERIFY(model.setData(model.index(0, ScenarioTableModel::Provider), "gcp"));
    QVERIFY(!model.setData(warm, "2"));
}

QTEST_MAIN(tst_ScenarioTableModel)
#include "tst_ScenarioTableModel.moc"
