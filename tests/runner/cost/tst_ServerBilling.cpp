// Always-on servers priced per month: the break-even baseline.
#include "CostTestSupport.h"
#include "cost/ServerBilling.h"

#include <QTest>

using namespace swb;
using costtest::catalog;

class tst_ServerBilling : public QObject {
    Q_OBJECT
private slots:
    void pricesServersPerMonth_data();
    void pricesServersPerMonth();
    void listsKnownServersForUnknownId();
};

void tst_ServerBilling::pricesServersPerMonth_data()
{
    QTest::addColumn<QString>("serverId");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("hours");
    QTest::addColumn<QString>("total");
    // Own arithmetic with the on-demand hourly prices in resources/pricing/servers.json:
    // t3.small $0.0208/h × 730 h = $15.184.
    QTest::newRow("aws t3.small month") << "aws.t3.small" << 1 << 730.0 << "15.184";
    // 2 × e2-medium $0.033503/h × 730 h = $48.91438.
    QTest::newRow("two gcp e2-medium") << "gcp.e2-medium" << 2 << 730.0 << "48.91438";
    // Azure B1s $0.0104/h × 100 h = $1.04.
    QTest::newRow("azure B1s 100 h") << "azure.B1s" << 1 << 100.0 << "1.04";
}

void tst_ServerBilling::pricesServersPerMonth()
{
    QFETCH(QString, serverId);
    QFETCH(int, count);
    QFETCH(double, hours);
    QFETCH(QString, total);
    const PricingCatalog prices = catalog();
    auto b = ServerBilling(prices).price(serverId, count, hours);
    QVERIFY2(b.has_value(), qPrintable(b ? QString() : b.error().message));
    QCOMPARE(b->total.toString(-1), total);
    QCOMPARE(b->lines.size(), 1);
    QCOMPARE(b->lines.first().kind, LineKind::Server);
}

void tst_ServerBilling::listsKnownServersForUnknownId()
{
    const PricingCatalog prices = catalog();
    auto b = ServerBilling(prices).price(QStringLiteral("aws.x1e.32xlarge"));
    QVERIFY(!b.has_value());
    QVERIFY(b.error().message.contains(QStringLiteral("aws.t3.small")));
}

QTEST_GUILESS_MAIN(tst_ServerBilling)
#include "tst_ServerBilling.moc"
