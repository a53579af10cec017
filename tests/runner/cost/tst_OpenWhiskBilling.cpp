// OpenWhisk billing: IBM Cloud Functions' per-GB-second price (deprecated) and a self-hosted
// cluster's monthly cost spread over the usage.
#include "CostTestSupport.h"
#include "cost/OpenWhiskBilling.h"

#include <QTest>

using namespace swb;
using costtest::catalog;

class tst_OpenWhiskBilling : public QObject {
    Q_OBJECT
private slots:
    void ibmPerGbSecondWithFreeTier();
    void selfHostedCostsTheCluster();
    void selfHostedNeedsTheClusterCost();
    void rejectsIbmMemoryAbove2048Mb();
};

void tst_OpenWhiskBilling::ibmPerGbSecondWithFreeTier()
{
    // No published IBM example was found (the service is deprecated and its pricing page gone);
    // own arithmetic with its last price, $0.000017 per GB-s and 400,000 GB-s free:
    // 1M × 1 s × 0.5 GB = 500,000 − 400,000 = 100,000 GB-s × $0.000017 = $1.70.
    auto b = OpenWhiskBilling(catalog()).price(BillingUsage::typed(1'000'000, 1000, 512));
    QVERIFY2(b.has_value(), qPrintable(b ? QString() : b.error().message));
    QCOMPARE(b->total.toString(2), QStringLiteral("1.70"));
    QVERIFY(b->notes.join(u' ').contains(QStringLiteral("deprecated")));
}

void tst_OpenWhiskBilling::selfHostedCostsTheCluster()
{
    // $300 a month for 10M invocations: $300 whatever the usage, $30 per million.
    BillingUsage usage = BillingUsage::typed(10'000'000, 100, 256);
    usage.plan = QStringLiteral("self-hosted");
    usage.clusterMonthlyCost = Money::fromCents(30000);
    auto b = OpenWhiskBilling(catalog()).price(usage);
    QVERIFY(b.has_value());
    QCOMPARE(b->total.toString(2), QStringLiteral("300.00"));
    QCOMPARE(b->amountOf(LineKind::Cluster).toString(2), QStringLiteral("300.00"));
    QVERIFY2(b->notes.join(u' ').contains(QStringLiteral("30.0000 USD per million")),
             qPrintable(b->notes.join(u' ')));
}

void tst_OpenWhiskBilling::selfHostedNeedsTheClusterCost()
{
    BillingUsage usage = BillingUsage::typed(1, 1, 256);
    usage.plan = QStringLiteral("self-hosted");
    auto b = OpenWhiskBilling(catalog()).price(usage);
    QVERIFY(!b.has_value());
    QVERIFY(b.error().message.contains(QStringLiteral("clusterMonthlyCost")));
}

void tst_OpenWhiskBilling::rejectsIbmMemoryAbove2048Mb()
{
    auto b = OpenWhiskBilling(catalog()).price(BillingUsage::typed(1, 1, 4096));
    QVERIFY(!b.has_value());
    QVERIFY(b.error().message.contains(QStringLiteral("128–2048 MB")));
}

QTEST_GUILESS_MAIN(tst_OpenWhiskBilling)
#include "tst_OpenWhiskBilling.moc"
