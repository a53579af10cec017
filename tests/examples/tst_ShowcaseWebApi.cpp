// labels: integration
// examples/web-api end to end, as its README tells a user to run it: `swb serve` starts the
// orders database (a real PostgreSQL) and the gateway; `swb token issue` makes the tokens; the
// JWT authorizer refuses a request without one (401) or without the route's scope (403); an
// order written with a valid token is read back through the API and straight from PostgreSQL;
// and its cost scenarios compare with an always-on server as the README explains.
#include "ApiShowcase.h"

using swb::test::ApiShowcase;

class tst_ShowcaseWebApi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusedWithoutATokenOrTheRoutesScope();
    void anOrderLandsInPostgresAndIsReadBack();
    void ordersOfOtherUsersAreNotFound();
    void lowTrafficIsCheaperThanAServerAndBusyIsNot();
    void stoppingServeStopsPostgres();

private:
    std::unique_ptr<ApiShowcase> m_api;
    QByteArray m_writer; // alice, orders:write
    QByteArray m_reader; // alice, orders:read
};

void tst_ShowcaseWebApi::initTestCase()
{
    if (const QString missing = swb::test::showcasePrerequisitesMissing(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    m_api = std::make_unique<ApiShowcase>(QStringLiteral("web-api"), QStringLiteral("orders"));
    const QString started = m_api->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY2(m_api->log().contains(QStringLiteral("orders: postgres ")), qPrintable(m_api->log()));
    m_writer = m_api->token(QStringLiteral("alice"), {QStringLiteral("orders:write")});
    m_reader = m_api->token(QStringLiteral("alice"), {QStringLiteral("orders:read")});
    QVERIFY(!m_writer.isEmpty() && !m_reader.isEmpty());
}

void tst_ShowcaseWebApi::cleanupTestCase()
{
    m_api.reset(); // the guard: stops swb serve and its database even after a failure
}

void tst_ShowcaseWebApi::refusedWithoutATokenOrTheRoutesScope()
{
    const auto anonymous = m_api->request("GET", QStringLiteral("/orders"));
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.json().value(QStringLiteral("message")).toString(),
             QStringLiteral("Unauthorized"));
    const auto forged = m_api->request("GET", QStringLiteral("/orders"),
                                       m_reader.left(m_reader.lastIndexOf('.') + 1) + "AAAA");
    QCOMPARE(forged.status, 401);
    // A reader may not write: the POST route wants orders:write.
    const auto readerWrites = m_api->request("POST", QStringLiteral("/orders"), m_reader,
                                             R"({"item": "tea", "quantity": 1})");
    QCOMPARE(readerWrites.status, 403);
    QCOMPARE(readerWrites.json().value(QStringLiteral("message")).toString(),
             QStringLiteral("Forbidden"));
    // Nothing was written by the refused requests.
    QCOMPARE(m_api->databaseQuery(QStringLiteral("SELECT count(*) FROM orders WHERE item = 'tea'")),
             QStringLiteral("0"));
}

void tst_ShowcaseWebApi::anOrderLandsInPostgresAndIsReadBack()
{
    const auto created = m_api->request("POST", QStringLiteral("/orders"), m_writer,
                                        R"({"item": "green tea, 250 g", "quantity": 3})");
    QVERIFY2(created.status == 201, created.body.constData());
    const int id = created.json().value(QStringLiteral("id")).toInt();
    QVERIFY(id > 0);
    QCOMPARE(created.json().value(QStringLiteral("owner")).toString(), QStringLiteral("alice"));

    const auto one = m_api->request("GET", QStringLiteral("/orders/%1").arg(id), m_reader);
    QVERIFY2(one.status == 200, one.body.constData());
    QCOMPARE(one.json().value(QStringLiteral("item")).toString(),
             QStringLiteral("green tea, 250 g"));
    QCOMPARE(one.json().value(QStringLiteral("quantity")).toInt(), 3);

    const auto list = m_api->request("GET", QStringLiteral("/orders"), m_reader);
    QCOMPARE(list.status, 200);
    const QJsonArray orders = list.json().value(QStringLiteral("orders")).toArray();
    QVERIFY(!orders.isEmpty());
    QCOMPARE(orders.first().toObject().value(QStringLiteral("id")).toInt(), id); // newest first
    for (const QJsonValue& o : orders)
        QCOMPARE(o.toObject().value(QStringLiteral("owner")).toString(), QStringLiteral("alice"));

    // The row is in the real PostgreSQL swb started, as the function wrote it.
    const QString row = m_api->databaseQuery(
        QStringLiteral("SELECT owner || '|' || item || '|' || quantity || '|' || "
                       "split_part(version(), ' ', 1) FROM orders WHERE id = %1")
            .arg(id));
    QCOMPARE(row, QStringLiteral("alice|green tea, 250 g|3|PostgreSQL"));
}

void tst_ShowcaseWebApi::ordersOfOtherUsersAreNotFound()
{
    // The seed's order 2 is bob's: alice's token cannot read it, bob's can.
    QCOMPARE(m_api->databaseQuery(QStringLiteral("SELECT owner FROM orders WHERE id = 2")),
             QStringLiteral("bob"));
    QCOMPARE(m_api->request("GET", QStringLiteral("/orders/2"), m_reader).status, 404);
    const QByteArray bob = m_api->token(QStringLiteral("bob"), {QStringLiteral("orders:read")});
    const auto own = m_api->request("GET", QStringLiteral("/orders/2"), bob);
    QCOMPARE(own.status, 200);
    QCOMPARE(own.json().value(QStringLiteral("owner")).toString(), QStringLiteral("bob"));
}

void tst_ShowcaseWebApi::lowTrafficIsCheaperThanAServerAndBusyIsNot()
{
    // The README's comparison, from swb's own numbers: at the low-traffic volume the API costs
    // less than the always-on server and the break-even lies above it; at the busy volume the
    // server is cheaper and the break-even lies below it.
    const auto low = swb::test::scenarioCost(*m_api, QStringLiteral("low-traffic"));
    QVERIFY2(low.error.isEmpty(), qPrintable(low.error));
    const double lowVolume = swb::test::scenarioInvocations(*m_api, QStringLiteral("low-traffic"));
    QVERIFY(lowVolume > 0);
    QVERIFY(low.monthly > 0);
    QVERIFY2(low.monthly < low.serverMonthly, qPrintable(QString::number(low.monthly)));
    QVERIFY(low.breakEvenInvocations > lowVolume);

    const auto busy = swb::test::scenarioCost(*m_api, QStringLiteral("busy"));
    QVERIFY2(busy.error.isEmpty(), qPrintable(busy.error));
    const double busyVolume = swb::test::scenarioInvocations(*m_api, QStringLiteral("busy"));
    QVERIFY(busy.monthly > busy.serverMonthly);
    QVERIFY(busy.breakEvenInvocations > 0 && busy.breakEvenInvocations < busyVolume);
}

void tst_ShowcaseWebApi::stoppingServeStopsPostgres()
{
    QVERIFY2(!m_api->processesInCopy().isEmpty(), "no postgres runs for the copy");
    QVERIFY2(m_api->stop(), qPrintable(m_api->processesInCopy().join(QLatin1Char('\n'))));
    QVERIFY2(m_api->log().contains(QStringLiteral("every instance and database was shut down")),
             qPrintable(m_api->log()));
}

QTEST_GUILESS_MAIN(tst_ShowcaseWebApi)
#include "tst_ShowcaseWebApi.moc"
