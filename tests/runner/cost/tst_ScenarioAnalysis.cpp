// Scenarios side by side, the memory sweep's CPU model and the break-even search.
#include "cost/CostEngine.h"
#include "cost/PricingCatalog.h"
#include "cost/ScenarioAnalysis.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace swb;

class tst_ScenarioAnalysis : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void comparesScenariosSideBySide();
    void comparisonNamesTheScenarioThatFails();
    void findsScenarioByNameOrListsTheKnownOnes();
    void cpuForMemory_data();
    void cpuForMemory();
    void memorySizesOfARange();
    void cpuBoundSweepOnAwsKeepsComputeCostFlatUpToOneVcpu();
    void sweepModelScalesOnlyTheCpuBoundShare();
    void sweepWithoutPublishedCpuKeepsDuration();
    void sweepRejectsBadModel();
    void breakEvenIsTheFirstVolumeCostingTheServer();
    void breakEvenAbsentWhenFunctionStaysCheaper();

private:
    std::unique_ptr<CostEngine> m_engine;
};

void tst_ScenarioAnalysis::initTestCase()
{
    auto catalog = PricingCatalog::builtIn();
    QVERIFY2(catalog, qPrintable(catalog ? QString() : catalog.error().message));
    m_engine = std::make_unique<CostEngine>(std::move(*catalog));
}

void tst_ScenarioAnalysis::comparesScenariosSideBySide()
{
    const ScenarioAnalysis analysis(*m_engine);
    BillingUsage usage = BillingUsage::typed(3'000'000, 120, 1536);
    usage.includeFreeTier = false;
    const auto result =
        analysis.compare({{QStringLiteral("on-aws"), QStringLiteral("aws"), usage, {}},
                          {QStringLiteral("on-azure"), QStringLiteral("azure"), usage, {}},
                          {QStringLiteral("on-gcp"), QStringLiteral("gcp"), usage, {}}});
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->scenarios.size(), 3);
    // Each column is exactly what the engine prices for that provider alone.
    for (const PricedScenario& s : result->scenarios) {
        const auto alone = m_engine->price(s.provider, usage);
        QVERIFY(alone);
        QCOMPARE(s.breakdown.total, alone->total);
    }
    const QString text = result->toText();
    for (const char* name : {"on-aws", "on-azure", "on-gcp", "Requests", "Compute",
                             "Total per month", "per million invocations", "Cheapest: "})
        QVERIFY2(text.contains(QLatin1String(name)), qPrintable(text));
    const auto cheapest = std::min_element(result->scenarios.begin(), result->scenarios.end(),
                                           [](const PricedScenario& a, const PricedScenario& b) {
                                               return a.breakdown.total < b.breakdown.total;
                                           });
    QVERIFY(text.contains(QStringLiteral("Cheapest: %1").arg(cheapest->name)));
    QCOMPARE(result->toJson().value(QStringLiteral("scenarios")).toArray().size(), 3);
}

void tst_ScenarioAnalysis::comparisonNamesTheScenarioThatFails()
{
    const ScenarioAnalysis analysis(*m_engine);
    const auto result = analysis.compare(
        {{QStringLiteral("good"), QStringLiteral("aws"), BillingUsage::typed(1000, 10, 128), {}},
         {QStringLiteral("huge"),
          QStringLiteral("aws"),
          BillingUsage::typed(1000, 10, 20000),
          {}}});
    QVERIFY(!result);
    QVERIFY2(result.error().message.startsWith(QStringLiteral("Scenario \"huge\" (aws): ")),
             qPrintable(result.error().message));
    QVERIFY(!analysis.compare({}));
}

void tst_ScenarioAnalysis::findsScenarioByNameOrListsTheKnownOnes()
{
    ScenarioSpec a;
    a.name = QStringLiteral("baseline");
    ScenarioSpec b;
    b.name = QStringLiteral("arm");
    QCOMPARE(ScenarioAnalysis::find({a, b}, QStringLiteral("arm"))->name, QStringLiteral("arm"));
    const auto missing = ScenarioAnalysis::find({a, b}, QStringLiteral("x"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().message,
             QStringLiteral("The workspace has no scenario \"x\"; it has: baseline, arm."));
    QVERIFY(ScenarioAnalysis::find({}, QStringLiteral("x"))
                .error()
                .message.contains(QStringLiteral("no scenarios at all")));
}

void tst_ScenarioAnalysis::cpuForMemory_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("plan");
    QTest::addColumn<int>("memoryMb");
    QTest::addColumn<double>("cpus"); // -1: not published; -2: an error
    // AWS: one vCPU at 1,769 MB, proportional below, at most 6 (Lambda developer guide,
    // "Configuring Lambda function memory").
    QTest::newRow("aws 1769") << "aws"
                              << "" << 1769 << 1.0;
    QTest::newRow("aws 3538") << "aws"
                              << "" << 3538 << 2.0;
    QTest::newRow("aws 10240") << "aws"
                               << "" << 10240 << 10240 / 1769.0;
    QTest::newRow("aws 64") << "aws"
                            << "" << 64 << -2.0;
    // Cloud Functions 1st gen: 256 MB gets 400 MHz (the pricing page's table).
    QTest::newRow("gcp gen1 256") << "gcp"
                                  << "gen1" << 256 << 0.4;
    QTest::newRow("gcp gen1 300") << "gcp"
                                  << "gen1" << 300 << -2.0;
    // 2nd gen: the smallest row at or above the memory: 512 MB -> 0.333 vCPU, 2 GiB -> 1.
    QTest::newRow("gcp gen2 300") << "gcp"
                                  << "gen2" << 300 << 0.333;
    QTest::newRow("gcp gen2 2048") << "gcp"
                                   << "" << 2048 << 1.0;
    QTest::newRow("azure") << "azure"
                           << "" << 512 << -1.0;
    QTest::newRow("openwhisk") << "openwhisk"
                               << "" << 256 << -1.0;
    QTest::newRow("unknown") << "nimbus"
                             << "" << 256 << -2.0;
}

void tst_ScenarioAnalysis::cpuForMemory()
{
    QFETCH(QString, provider);
    QFETCH(QString, plan);
    QFETCH(int, memoryMb);
    QFETCH(double, cpus);
    const auto result = ScenarioAnalysis(*m_engine).cpuForMemory(provider, plan, memoryMb);
    if (cpus == -2.0) {
        QVERIFY(!result);
        QVERIFY(!result.error().message.isEmpty());
        return;
    }
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    if (cpus == -1.0) {
        QVERIFY(!result->has_value());
        return;
    }
    QVERIFY(result->has_value());
    QVERIFY2(qAbs(**result - cpus) < 1e-9, qPrintable(QString::number(**result)));
}

void tst_ScenarioAnalysis::memorySizesOfARange()
{
    const QList<int> standard = ScenarioAnalysis::memorySizes(128, 3008);
    QCOMPARE(standard.first(), 128);
    QCOMPARE(standard.last(), 3008);
    QVERIFY(standard.contains(1769));
    QVERIFY(std::is_sorted(standard.begin(), standard.end()));
    QCOMPARE(ScenarioAnalysis::memorySizes(128, 600, 128), (QList<int>{128, 256, 384, 512, 600}));
    QCOMPARE(ScenarioAnalysis::memorySizes(1000, 1000), QList<int>{1000});
}

// AWS's own advice: CPU grows with memory, so a CPU-bound function can cost the same with more
// memory because it runs proportionally shorter (until one vCPU for single-threaded code).
void tst_ScenarioAnalysis::cpuBoundSweepOnAwsKeepsComputeCostFlatUpToOneVcpu()
{
    BillingUsage usage = BillingUsage::typed(1'000'000, 1000, 128);
    usage.includeFreeTier = false;
    const auto sweep =
        ScenarioAnalysis(*m_engine).sweep(QStringLiteral("aws"), usage, {128, 256, 512, 3538});
    QVERIFY2(sweep, qPrintable(sweep ? QString() : sweep.error().message));
    QCOMPARE(sweep->points.size(), 4);
    QCOMPARE(sweep->points[0].durationScale, 1.0);
    QCOMPARE(sweep->points[1].durationScale, 0.5);
    QCOMPARE(sweep->points[2].durationScale, 0.25);
    // 1 000 000 × 1 s × 0.125 GB = 125 000 GB-s at every size up to one vCPU.
    const Money compute128 = sweep->points[0].breakdown.amountOf(LineKind::Compute);
    QCOMPARE(sweep->points[1].breakdown.amountOf(LineKind::Compute), compute128);
    QCOMPARE(sweep->points[2].breakdown.amountOf(LineKind::Compute), compute128);
    // 3538 MB is two vCPUs but single-threaded code uses one: 1000 × 128/1769 ms, and more GB.
    QVERIFY(qAbs(sweep->points[3].durationScale - 128 / 1769.0) < 1e-12);
    QVERIFY(sweep->points[3].breakdown.total > sweep->points[2].breakdown.total);
    const QString text = sweep->toText();
    QVERIFY2(text.contains(QStringLiteral("<- cheapest")), qPrintable(text));
}

void tst_ScenarioAnalysis::sweepModelScalesOnlyTheCpuBoundShare()
{
    BillingUsage usage = BillingUsage::typed(1'000'000, 200, 256);
    usage.coldStartShare = 0.01;
    usage.initDurationMs = 400;
    CpuScalingModel model;
    model.cpuBoundShare = 0.5;
    model.usableCpus = 2;
    const auto sweep =
        ScenarioAnalysis(*m_engine).sweep(QStringLiteral("aws"), usage, {512, 3538, 7076}, model);
    QVERIFY(sweep);
    // 0.5 + 0.5 × (256/1769) / (512/1769) = 0.75
    QVERIFY(qAbs(sweep->points[0].durationScale - 0.75) < 1e-12);
    // Two usable CPUs: 3538 MB (2 vCPU) and 7076 MB (4 vCPU) run alike.
    QCOMPARE(sweep->points[1].durationScale, sweep->points[2].durationScale);
    // The point is priced exactly as that usage priced directly: duration and init scaled.
    BillingUsage scaled = usage;
    scaled.memoryMb = 512;
    scaled.durations.first().durationMs *= 0.75;
    *scaled.initDurationMs *= 0.75;
    const auto direct = m_engine->price(QStringLiteral("aws"), scaled);
    QVERIFY(direct);
    QCOMPARE(sweep->points[0].breakdown.total, direct->total);
}

void tst_ScenarioAnalysis::sweepWithoutPublishedCpuKeepsDuration()
{
    const auto sweep = ScenarioAnalysis(*m_engine).sweep(
        QStringLiteral("azure"), BillingUsage::typed(1'000'000, 300, 512), {512, 1024});
    QVERIFY2(sweep, qPrintable(sweep ? QString() : sweep.error().message));
    QCOMPARE(sweep->points[1].durationScale, 1.0);
    QCOMPARE(sweep->notes.size(), 1);
    QVERIFY(sweep->toText().contains(QStringLiteral("does not publish")));
}

void tst_ScenarioAnalysis::sweepRejectsBadModel()
{
    CpuScalingModel model;
    model.cpuBoundShare = 1.5;
    const ScenarioAnalysis analysis(*m_engine);
    const BillingUsage usage = BillingUsage::typed(1000, 100, 128);
    QVERIFY(!analysis.sweep(QStringLiteral("aws"), usage, {128}, model));
    model = {};
    model.usableCpus = 0;
    QVERIFY(!analysis.sweep(QStringLiteral("aws"), usage, {128}, model));
    QVERIFY(!analysis.sweep(QStringLiteral("aws"), usage, {}));
    const auto outside = analysis.sweep(QStringLiteral("aws"), usage, {128, 20480});
    QVERIFY(!outside);
    QVERIFY2(outside.error().message.contains(QStringLiteral("10240")),
             qPrintable(outside.error().message));
}

void tst_ScenarioAnalysis::breakEvenIsTheFirstVolumeCostingTheServer()
{
    BillingUsage usage = BillingUsage::typed(1, 100, 128);
    usage.includeFreeTier = false;
    const ScenarioAnalysis analysis(*m_engine);
    const QString server = m_engine->catalog().serverIds().first();
    const auto result = analysis.breakEven(QStringLiteral("aws"), usage, server, 2);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QVERIFY(result->invocationsPerMonth.has_value());
    const long long n = *result->invocationsPerMonth;
    const auto serverCost = m_engine->priceServer(server, 2);
    QVERIFY(serverCost);
    QCOMPARE(result->serverMonthly, serverCost->total);
    // The defining property: at n the function costs at least the servers, at n - 1 less.
    BillingUsage at = usage;
    at.invocations = n;
    QVERIFY(m_engine->price(QStringLiteral("aws"), at)->total >= serverCost->total);
    at.invocations = n - 1;
    QVERIFY(m_engine->price(QStringLiteral("aws"), at)->total < serverCost->total);
    // And it agrees with the per-invocation price: $0.20 per million requests plus
    // 0.1 s × 0.125 GB of compute at the first tier's GB-second price.
    BillingUsage million = usage;
    million.invocations = 1'000'000;
    const double perInvocation =
        m_engine->price(QStringLiteral("aws"), million)->total.toDouble() / 1e6;
    QVERIFY(qAbs(double(n) - serverCost->total.toDouble() / perInvocation) / double(n) < 1e-4);
    QVERIFY(result->toText().contains(QStringLiteral("invocations a month")));
    QCOMPARE(result->toJson().value(QStringLiteral("invocationsPerMonth")).toDouble(), double(n));
}

void tst_ScenarioAnalysis::breakEvenAbsentWhenFunctionStaysCheaper()
{
    const ScenarioAnalysis analysis(*m_engine);
    const QString server = m_engine->catalog().serverIds().first();
    const auto result =
        analysis.breakEven(QStringLiteral("aws"), BillingUsage::typed(1, 1, 128), server, 1, 1000);
    QVERIFY(result);
    QVERIFY(!result->invocationsPerMonth);
    QVERIFY(result->toText().contains(QStringLiteral("stays cheaper")));
    QVERIFY(!analysis.breakEven(QStringLiteral("aws"), BillingUsage::typed(1, 1, 128),
                                QStringLiteral("no.such.server")));
    QVERIFY(!analysis.breakEven(QStringLiteral("aws"), BillingUsage::typed(1, 1, 128), server, 0));
}

QTEST_GUILESS_MAIN(tst_ScenarioAnalysis)
#include "tst_ScenarioAnalysis.moc"
