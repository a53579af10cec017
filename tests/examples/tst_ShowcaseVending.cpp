// labels: integration
// examples/vending-machine end to end through `swb serve`: a paid purchase reaches inventory
// through payment's onSuccess destination and takes one item out of stock; a declined one
// travels onFailure → queue → cancel-order and leaves the stock alone.
#include "ServedExample.h"
#include "ShowcaseCost.h"

#include <QJsonArray>
#include <QStandardPaths>

using swb::test::ServedExample;

namespace {

// POSTs a purchase and polls the order until it leaves "pending" (45 s at most).
QJsonObject purchase(ServedExample& served, const QByteArray& slot, const QByteArray& token)
{
    const auto placed = served.request("POST", QStringLiteral("/purchases"),
                                       R"({"machineId": "lobby-1", "slot": ")" + slot +
                                           R"(", "paymentToken": ")" + token + "\"}");
    if (placed.status != 202)
        return {{QStringLiteral("placed"), placed.status},
                {QStringLiteral("body"), QString::fromUtf8(placed.body)}};
    const QString id = placed.json().value(QStringLiteral("orderId")).toString();
    QJsonObject order;
    (void)QTest::qWaitFor(
        [&] {
            order = served.request("GET", QStringLiteral("/purchases/") + id).json();
            return !order.isEmpty() &&
                   order.value(QStringLiteral("status")).toString() != QLatin1String("pending");
        },
        45000);
    return order;
}

} // namespace

class tst_ShowcaseVending : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void paymentDrivesInventoryAndADeclineLeavesStockAlone();
    void theFlowCostsLessThanTheSmallestServer();
};

void tst_ShowcaseVending::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
}

void tst_ShowcaseVending::paymentDrivesInventoryAndADeclineLeavesStockAlone()
{
    ServedExample served(QStringLiteral("vending-machine"));
    const QString started = served.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));

    const QJsonObject first = purchase(served, "A1", "tok_visa_4242");
    QVERIFY2(first.value(QStringLiteral("status")).toString() == QLatin1String("vended"),
             qPrintable(QJsonDocument(first).toJson() + served.log()));
    QVERIFY(first.value(QStringLiteral("chargeId")).toString().startsWith(QStringLiteral("ch_")));
    const int stockAfterFirst = first.value(QStringLiteral("stock")).toInt();

    const QJsonObject declined = purchase(served, "A1", "tok_declined");
    QVERIFY2(declined.value(QStringLiteral("status")).toString() == QLatin1String("declined"),
             qPrintable(QJsonDocument(declined).toJson() + served.log()));
    QVERIFY(declined.value(QStringLiteral("reason"))
                .toString()
                .contains(QStringLiteral("card declined")));
    QVERIFY(declined.value(QStringLiteral("chargeId")).isNull());
    QCOMPARE(declined.value(QStringLiteral("stock")).toInt(), stockAfterFirst);
    // The failure record went through the queue and was consumed, not dead-lettered.
    QTRY_COMPARE_WITH_TIMEOUT(served.messagesIn(QStringLiteral("payment-failures")), 0, 10000);
    QCOMPARE(served.messagesIn(QStringLiteral("payment-failures-dlq")), 0);

    const QJsonObject second = purchase(served, "A1", "tok_mastercard_4444");
    QCOMPARE(second.value(QStringLiteral("status")).toString(), QStringLiteral("vended"));
    QCOMPARE(second.value(QStringLiteral("stock")).toInt(), stockAfterFirst - 1);
    QVERIFY(second.value(QStringLiteral("chargeId")) != first.value(QStringLiteral("chargeId")));

    // A sold-out slot is refused at the gateway's function, before any payment.
    const QJsonObject soldOut = purchase(served, "B1", "tok_visa_4242");
    QCOMPARE(soldOut.value(QStringLiteral("placed")).toInt(), 409);
}

void tst_ShowcaseVending::theFlowCostsLessThanTheSmallestServer()
{
    const QString workspace = QStringLiteral(SWB_SOURCE_DIR "/examples/vending-machine");
    const auto compared = swb::test::compareScenarios(
        workspace, {QStringLiteral("orders"), QStringLiteral("payment"),
                    QStringLiteral("inventory"), QStringLiteral("orders-free-tier")});
    QVERIFY2(compared.error.isEmpty(), qPrintable(compared.error));
    const auto& total = compared.total;
    const auto& invocations = compared.invocations;
    QVERIFY(total.value(QStringLiteral("orders-free-tier")) <
            total.value(QStringLiteral("orders")));

    const auto even = swb::test::breakEven(workspace, QStringLiteral("orders"));
    QVERIFY2(even.error.isEmpty(), qPrintable(even.error));
    const double server = even.serverMonthly;
    // README: the whole flow costs less than the smallest server, and orders has room to grow.
    QVERIFY(server > 0);
    QVERIFY(total.value(QStringLiteral("orders")) + total.value(QStringLiteral("payment")) +
                total.value(QStringLiteral("inventory")) <
            server);
    QVERIFY(even.invocationsPerMonth > invocations.value(QStringLiteral("orders")));
}

QTEST_GUILESS_MAIN(tst_ShowcaseVending)
#include "tst_ShowcaseVending.moc"
