// Azure Functions billing: Consumption (128 MB memory rounding, 100 ms minimum, free grant) and
// Flex Consumption (on demand and always ready).
#include "CostTestSupport.h"
#include "cost/AzureFunctionsBilling.h"

#include <QTest>

using namespace swb;
using costtest::catalog;
using costtest::net;

class tst_AzureFunctionsBilling : public QObject {
    Q_OBJECT
private slots:
    void consumptionExamples_data();
    void consumptionExamples();
    void roundsObservedMemoryUpTo128Mb();
    void billsAtLeast100MsPerExecution();
    void rejectsConsumptionMemoryAbove1536Mb();
    void flexOnDemand();
    void flexAlwaysReadyHasABaselineAndNoFreeGrant();
    void rejectsFlexInstanceSizeNotOffered();
    void rejectsUnknownPlan();
};

void tst_AzureFunctionsBilling::consumptionExamples_data()
{
    QTest::addColumn<qlonglong>("executions");
    QTest::addColumn<double>("durationMs");
    QTest::addColumn<int>("memoryMb");
    QTest::addColumn<qlonglong>("executionsCents"); // net of the free grant
    QTest::addColumn<qlonglong>("timeCents");       // net of the free grant
    QTest::addColumn<qlonglong>("totalCents");
    // https://azure.microsoft.com/en-us/pricing/details/functions/ "resource consumption billing
    // calculation" example (the stored copy stops before it; figures as the page published
    // them, recalled): 512 MB, 3M executions of 1 s: 1,500,000 GB-s − 400,000 free = 1,100,000
    // × $0.000016 = $17.60; 2M × $0.20/M = $0.40; total $18.00.
    QTest::newRow("azure-pricing-page") << 3'000'000LL << 1000.0 << 512 << 40LL << 1760LL << 1800LL;
    // https://modal.com/blog/azure-function-pricing-guide (third party, read in full): 3M
    // executions of 1 s at 1.5 GB: 4,500,000 − 400,000 = 4,100,000 GB-s × $0.000016 = $65.60;
    // $0.40; total $66.00 (the post's sum line says "$65.50 + $0.40", a typo for $65.60).
    QTest::newRow("modal-blog-1536mb") << 3'000'000LL << 1000.0 << 1536 << 40LL << 6560LL << 6600LL;
}

void tst_AzureFunctionsBilling::consumptionExamples()
{
    QFETCH(qlonglong, executions);
    QFETCH(double, durationMs);
    QFETCH(int, memoryMb);
    QFETCH(qlonglong, executionsCents);
    QFETCH(qlonglong, timeCents);
    QFETCH(qlonglong, totalCents);
    auto b = AzureFunctionsBilling(catalog()).price(
        BillingUsage::typed(executions, durationMs, memoryMb));
    QVERIFY2(b.has_value(), qPrintable(b ? QString() : b.error().message));
    QCOMPARE(b->plan, QStringLiteral("consumption"));
    QCOMPARE(net(*b, LineKind::Requests, QStringLiteral("freeGrant.executions")).cents(),
             executionsCents);
    QCOMPARE(net(*b, LineKind::Compute, QStringLiteral("freeGrant.executionTime")).cents(),
             timeCents);
    QCOMPARE(b->total.cents(), totalCents);
}

void tst_AzureFunctionsBilling::roundsObservedMemoryUpTo128Mb()
{
    // "if your process is using 160 MB you are charged for 256 MB"
    // (https://github.com/Azure/Azure-Functions/wiki/Consumption-Plan-Cost-Billing-FAQ).
    // 1,000 × 1 s × 0.25 GB = 250 GB-s × $0.000016 = $0.004.
    BillingUsage usage = BillingUsage::typed(1000, 1000, 160);
    usage.includeFreeTier = false;
    auto b = AzureFunctionsBilling(catalog()).price(usage);
    QVERIFY(b.has_value());
    QCOMPARE(b->amountOf(LineKind::Compute).toString(-1), QStringLiteral("0.004"));
    QVERIFY(b->notes.join(u' ').contains(QStringLiteral("256 MB")));
}

void tst_AzureFunctionsBilling::billsAtLeast100MsPerExecution()
{
    // The pricing page states a minimum of 100 ms and 128 MB per execution (the stored copy is cut
    // just before that sentence; recalled). 1M × 20 ms bills 1M × 0.1 s × 0.125 GB = 12,500 GB-s ×
    // $0.000016 = $0.20.
    BillingUsage usage = BillingUsage::typed(1'000'000, 20, 128);
    usage.includeFreeTier = false;
    auto b = AzureFunctionsBilling(catalog()).price(usage);
    QCOMPARE(b->amountOf(LineKind::Compute).toString(2), QStringLiteral("0.20"));
}

void tst_AzureFunctionsBilling::rejectsConsumptionMemoryAbove1536Mb()
{
    auto b = AzureFunctionsBilling(catalog()).price(BillingUsage::typed(1, 1, 2048));
    QVERIFY(!b.has_value());
    QVERIFY2(b.error().message.contains(QStringLiteral("1–1536 MB")),
             qPrintable(b.error().message));
}

void tst_AzureFunctionsBilling::flexOnDemand()
{
    // No published Flex Consumption example was found; own arithmetic with the pricing page's
    // on-demand prices: 10M executions of 200 ms (billed at the 1,000 ms minimum) on 2,048 MB
    // instances running one execution at a time: 10M × 1 s × 2 GB = 20M GB-s − 100,000 free
    // = 19.9M × $0.000026 = $517.40; 10M − 250,000 free = 9.75M × $0.40/M = $3.90; $521.30.
    BillingUsage usage = BillingUsage::typed(10'000'000, 200, 2048);
    usage.plan = QStringLiteral("flex");
    auto b = AzureFunctionsBilling(catalog()).price(usage);
    QVERIFY2(b.has_value(), qPrintable(b ? QString() : b.error().message));
    QCOMPARE(net(*b, LineKind::Compute, QStringLiteral("freeGrant.executionTime")).toString(2),
             QStringLiteral("517.40"));
    QCOMPARE(net(*b, LineKind::Requests, QStringLiteral("freeGrant.executions")).toString(2),
             QStringLiteral("3.90"));
    QCOMPARE(b->total.toString(2), QStringLiteral("521.30"));
    // Sixteen executions at once share an instance: 20M / 16 = 1.25M GB-s − 100,000 = 1.15M
    // × $0.000026 = $29.90.
    usage.perInstanceConcurrency = 16;
    b = AzureFunctionsBilling(catalog()).price(usage);
    QCOMPARE(net(*b, LineKind::Compute, QStringLiteral("freeGrant.executionTime")).toString(2),
             QStringLiteral("29.90"));
}

void tst_AzureFunctionsBilling::flexAlwaysReadyHasABaselineAndNoFreeGrant()
{
    // Own arithmetic: one always-ready 2,048 MB instance for 730 h: 2 GB × 2,628,000 s
    // = 5,256,000 GB-s × $0.000004 = $21.024; no executions.
    BillingUsage usage = BillingUsage::typed(0, 200, 2048);
    usage.plan = QStringLiteral("flex");
    usage.alwaysReadyInstances = 1;
    usage.alwaysReadyHours = 730;
    auto b = AzureFunctionsBilling(catalog()).price(usage);
    QVERIFY(b.has_value());
    QCOMPARE(b->amountOf(LineKind::Provisioned).toString(-1), QStringLiteral("21.024"));
    QCOMPARE(b->total.toString(-1), QStringLiteral("21.024"));
    // All 1M executions on the always-ready instance: 1M × 1 s × 2 GB × $0.000016 = $32.00 and
    // 1M × $0.40/M = $0.40, with no free grant.
    usage.invocations = 1'000'000;
    usage.alwaysReadyInvocationShare = 1.0;
    b = AzureFunctionsBilling(catalog()).price(usage);
    QCOMPARE(b->amountOf(LineKind::FreeTierCredit), Money());
    QCOMPARE(b->total.toString(-1), QStringLiteral("53.424"));
}

void tst_AzureFunctionsBilling::rejectsFlexInstanceSizeNotOffered()
{
    BillingUsage usage = BillingUsage::typed(1, 1, 1024);
    usage.plan = QStringLiteral("flex");
    auto b = AzureFunctionsBilling(catalog()).price(usage);
    QVERIFY(!b.has_value());
    QVERIFY(b.error().message.contains(QStringLiteral("512, 2048 or 4096 MB")));
}

void tst_AzureFunctionsBilling::rejectsUnknownPlan()
{
    BillingUsage usage = BillingUsage::typed(1, 1, 128);
    usage.plan = QStringLiteral("premium");
    QVERIFY(!AzureFunctionsBilling(catalog()).price(usage).has_value());
}

QTEST_GUILESS_MAIN(tst_AzureFunctionsBilling)
#include "tst_AzureFunctionsBilling.moc"
