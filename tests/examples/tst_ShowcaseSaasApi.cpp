// labels: integration
// examples/saas-api end to end through `swb serve`: the tenant comes from the token's claim
// (`swb token issue --claim tenant=acme`), and PostgreSQL's row-level security keeps each
// tenant's rows from every other tenant -- in the list, by id, and for a query with no WHERE
// at all -- while the rows of all tenants share one table.
#include "ApiShowcase.h"

using swb::test::ApiShowcase;

class tst_ShowcaseSaasApi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusedWithoutATokenTheScopeOrATenant();
    void eachTenantSeesOnlyItsOwnProjects();
    void theDatabaseItselfEnforcesTheWall();
    void earlyStageIsCheaperThanAServer();
    void stoppingServeStopsPostgres();

private:
    static QStringList names(const ApiShowcase::Reply& list);
    std::unique_ptr<ApiShowcase> m_api;
    QByteArray m_acme;   // wile of acme, read and write
    QByteArray m_globex; // hank of globex, read and write
};

QStringList tst_ShowcaseSaasApi::names(const ApiShowcase::Reply& list)
{
    QStringList out;
    for (const QJsonValue& p : list.json().value(QStringLiteral("projects")).toArray())
        out << p.toObject().value(QStringLiteral("tenant")).toString() + QLatin1Char('/') +
                   p.toObject().value(QStringLiteral("name")).toString();
    return out;
}

void tst_ShowcaseSaasApi::initTestCase()
{
    if (const QString missing = swb::test::showcasePrerequisitesMissing(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    m_api = std::make_unique<ApiShowcase>(QStringLiteral("saas-api"), QStringLiteral("saas"));
    const QString started = m_api->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QStringList both = {QStringLiteral("projects:read"), QStringLiteral("projects:write")};
    m_acme = m_api->token(QStringLiteral("wile"), both, {QStringLiteral("tenant=acme")});
    m_globex = m_api->token(QStringLiteral("hank"), both, {QStringLiteral("tenant=globex")});
    QVERIFY(!m_acme.isEmpty() && !m_globex.isEmpty());
}

void tst_ShowcaseSaasApi::cleanupTestCase()
{
    m_api.reset();
}

void tst_ShowcaseSaasApi::refusedWithoutATokenTheScopeOrATenant()
{
    QCOMPARE(m_api->request("GET", QStringLiteral("/projects")).status, 401);
    const QByteArray readOnly = m_api->token(
        QStringLiteral("wile"), {QStringLiteral("projects:read")}, {QStringLiteral("tenant=acme")});
    QCOMPARE(
        m_api->request("POST", QStringLiteral("/projects"), readOnly, R"({"name": "x"})").status,
        403);
    // A valid token of a user in no tenant: the function refuses it.
    const QByteArray noTenant =
        m_api->token(QStringLiteral("drifter"), {QStringLiteral("projects:read")});
    const auto refused = m_api->request("GET", QStringLiteral("/projects"), noTenant);
    QCOMPARE(refused.status, 403);
    QVERIFY(refused.json().value(QStringLiteral("message")).toString().contains(u"tenant"));
}

void tst_ShowcaseSaasApi::eachTenantSeesOnlyItsOwnProjects()
{
    const auto created = m_api->request("POST", QStringLiteral("/projects"), m_acme,
                                        R"({"name": "Earthquake pills"})");
    QVERIFY2(created.status == 201, created.body.constData());
    QCOMPARE(created.json().value(QStringLiteral("tenant")).toString(), QStringLiteral("acme"));
    const int id = created.json().value(QStringLiteral("id")).toInt();

    // A body that names another tenant changes nothing: the tenant is the token's.
    const auto smuggled = m_api->request("POST", QStringLiteral("/projects"), m_globex,
                                         R"({"name": "Doomsday device", "tenant": "acme"})");
    QCOMPARE(smuggled.status, 201);
    QCOMPARE(smuggled.json().value(QStringLiteral("tenant")).toString(), QStringLiteral("globex"));

    const QStringList acme = names(m_api->request("GET", QStringLiteral("/projects"), m_acme));
    QVERIFY2(acme.contains(QStringLiteral("acme/Earthquake pills")), qPrintable(acme.join(u',')));
    QVERIFY(acme.contains(QStringLiteral("acme/Rocket skates"))); // seeded
    for (const QString& p : acme)
        QVERIFY2(p.startsWith(QLatin1String("acme/")), qPrintable(p));

    const QStringList globex = names(m_api->request("GET", QStringLiteral("/projects"), m_globex));
    QVERIFY(globex.contains(QStringLiteral("globex/Doomsday device")));
    QVERIFY(globex.contains(QStringLiteral("globex/Hammock district")));
    for (const QString& p : globex)
        QVERIFY2(p.startsWith(QLatin1String("globex/")), qPrintable(p));

    // By id: acme's project is acme's; for globex it does not exist.
    QCOMPARE(m_api->request("GET", QStringLiteral("/projects/%1").arg(id), m_acme).status, 200);
    const auto foreign = m_api->request("GET", QStringLiteral("/projects/%1").arg(id), m_globex);
    QCOMPARE(foreign.status, 404);
    QVERIFY(!foreign.body.contains("Earthquake"));
}

void tst_ShowcaseSaasApi::theDatabaseItselfEnforcesTheWall()
{
    // One table holds every tenant's rows: the isolation is the policy, not separate databases.
    const QString all = m_api->databaseQuery(QStringLiteral(
        "SELECT string_agg(DISTINCT tenant_id, ',' ORDER BY tenant_id) FROM projects"));
    QCOMPARE(all, QStringLiteral("acme,globex"));
    // As the function's role with globex's context, even a bare SELECT sees no acme row, and an
    // insert for acme is refused by the policy's WITH CHECK.
    const QString asGlobex = m_api->databaseQuery(QStringLiteral(
        "BEGIN; SET LOCAL ROLE tenant_app; SELECT set_config('app.tenant_id', 'globex', true);"
        "SELECT count(*) FILTER (WHERE tenant_id = 'acme') || '/' || count(*) FROM projects;"
        "COMMIT;"));
    const QStringList lines = asGlobex.split(QLatin1Char('\n'));
    QVERIFY2(lines.size() >= 2 && lines.last().startsWith(QLatin1String("0/")),
             qPrintable(asGlobex));
    QVERIFY(lines.last() != QLatin1String("0/0"));
    const QString forged = m_api->databaseQuery(QStringLiteral(
        "BEGIN; SET LOCAL ROLE tenant_app; SELECT set_config('app.tenant_id', 'globex', true);"
        "INSERT INTO projects (tenant_id, name, created_by) VALUES ('acme', 'forged', 'hank');"
        "COMMIT;"));
    QVERIFY2(forged.startsWith(QLatin1String("error: ")) && forged.contains(u"row-level security"),
             qPrintable(forged));
    // Without a tenant in the transaction, the function's role sees nothing at all.
    QCOMPARE(m_api->databaseQuery(QStringLiteral(
                 "BEGIN; SET LOCAL ROLE tenant_app; SELECT count(*) FROM projects; COMMIT;")),
             QStringLiteral("0"));
}

void tst_ShowcaseSaasApi::earlyStageIsCheaperThanAServer()
{
    const auto early = swb::test::scenarioCost(*m_api, QStringLiteral("early-stage"));
    QVERIFY2(early.error.isEmpty(), qPrintable(early.error));
    QVERIFY(early.monthly > 0 && early.monthly < early.serverMonthly);
    QVERIFY(early.breakEvenInvocations >
            swb::test::scenarioInvocations(*m_api, QStringLiteral("early-stage")));
    const auto scaled = swb::test::scenarioCost(*m_api, QStringLiteral("scale-up"));
    QVERIFY2(scaled.error.isEmpty(), qPrintable(scaled.error));
    QVERIFY(scaled.monthly > scaled.serverMonthly);
}

void tst_ShowcaseSaasApi::stoppingServeStopsPostgres()
{
    QVERIFY2(!m_api->processesInCopy().isEmpty(), "no postgres runs for the copy");
    QVERIFY2(m_api->stop(), qPrintable(m_api->processesInCopy().join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(tst_ShowcaseSaasApi)
#include "tst_ShowcaseSaasApi.moc"
