// Money: exact decimal parsing, rounding to cents, and no overflow at the largest usage we price.
#include "cost/Money.h"

#include <QTest>

using namespace swb;

class tst_Money : public QObject {
    Q_OBJECT
private slots:
    void parsesDecimals_data();
    void parsesDecimals();
    void rejectsWhatIsNotAnAmount_data();
    void rejectsWhatIsNotAnAmount();
    void roundsHalfAwayFromZeroToCents_data();
    void roundsHalfAwayFromZeroToCents();
    void scaledProductOfLargestUsageDoesNotOverflow();
};

void tst_Money::parsesDecimals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qlonglong>("picosHigh"); // picos / 10^6 (fits the column type)
    QTest::addColumn<qlonglong>("picosLow");  // picos % 10^6
    QTest::addColumn<QString>("exact");
    // Lambda's x86 GB-second price (https://aws.amazon.com/lambda/pricing/): 16,666,700
    // picodollars.
    QTest::newRow("lambda GB-s") << "0.0000166667" << 16LL << 666700LL << "0.0000166667";
    // Lambda's ephemeral storage price: 30,900 picodollars per GB-second.
    QTest::newRow("storage GB-s") << "0.0000000309" << 0LL << 30900LL << "0.0000000309";
    QTest::newRow("whole") << "3" << 3000000LL << 0LL << "3.00";
    QTest::newRow("negative") << "-1.5" << -1500000LL << 0LL << "-1.50";
    QTest::newRow("twelve decimals") << "0.000000000001" << 0LL << 1LL << "0.000000000001";
}

void tst_Money::parsesDecimals()
{
    QFETCH(QString, text);
    QFETCH(qlonglong, picosHigh);
    QFETCH(qlonglong, picosLow);
    QFETCH(QString, exact);
    auto m = Money::parse(text);
    QVERIFY2(m.has_value(), qPrintable(m ? QString() : m.error().message));
    const MoneyInt expected =
        MoneyInt(picosHigh) * 1'000'000 + (picosHigh < 0 ? -picosLow : picosLow);
    QVERIFY(m->picos() == expected);
    QCOMPARE(m->toString(-1), exact);
}

void tst_Money::rejectsWhatIsNotAnAmount_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("thirteen decimals") << "0.0000000000001";
    QTest::newRow("exponent") << "1e-5";
    QTest::newRow("comma") << "1,5";
    QTest::newRow("two points") << "1.2.3";
    QTest::newRow("sign only") << "-";
}

void tst_Money::rejectsWhatIsNotAnAmount()
{
    QFETCH(QString, text);
    QVERIFY(!Money::parse(text).has_value());
}

void tst_Money::roundsHalfAwayFromZeroToCents_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qlonglong>("cents");
    // 350,000 GB-s × $0.00001667 = $5.8345, which AWS's old Example 2 shows as $5.83.
    QTest::newRow("below half") << "5.8345" << 583LL;
    QTest::newRow("half") << "0.005" << 1LL;
    QTest::newRow("negative half") << "-0.005" << -1LL;
    // 1,100,000 GB-s × $0.00001667 = $18.337 -> $18.34 (AWS's old Example 1).
    QTest::newRow("above half") << "18.337" << 1834LL;
}

void tst_Money::roundsHalfAwayFromZeroToCents()
{
    QFETCH(QString, text);
    QFETCH(qlonglong, cents);
    QCOMPARE(Money::parse(text)->cents(), cents);
}

void tst_Money::scaledProductOfLargestUsageDoesNotOverflow()
{
    // 10^10 invocations × 10,240 MB × 900,000 ms = 9.216×10^19 MB-ms = 9×10^13 GB-s; at
    // $0.0000166667 per GB-s that is exactly $1,500,003,000 (own arithmetic: 9e13 × 1.66667e-5).
    const Money price = *Money::parse(QStringLiteral("0.0000166667"));
    const MoneyInt mbMs = MoneyInt(10'000'000'000LL) * 10240 * 900'000;
    const Money amount = price.scaled(mbMs, 1'024'000);
    QCOMPARE(amount.toString(2), QStringLiteral("1500003000.00"));
    QCOMPARE(amount.cents(), 150000300000LL);
}

QTEST_GUILESS_MAIN(tst_Money)
#include "tst_Money.moc"
