// labels: integration
// examples/mobile-backend end to end through `swb serve`: a REST API (payload 1.0) whose JWT
// authorizer passes the claims as a Cognito authorizer would; a user's profile and notes go
// through create, read, update and delete, each step checked through the API and in
// PostgreSQL; another user never reaches them.
#include "ApiShowcase.h"

using swb::test::ApiShowcase;

class tst_ShowcaseMobileBackend : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void restAnswersForMissingTokensAndScopes();
    void profileIsCreatedAndUpdated();
    void notesGoThroughCreateReadUpdateDelete();
    void aSmallAppIsCheaperThanAServerAndABigOneIsNot();
    void stoppingServeStopsPostgres();

private:
    std::unique_ptr<ApiShowcase> m_api;
    QByteArray m_ada; // notes and profile
    QByteArray m_bea; // notes and profile, another user
};

void tst_ShowcaseMobileBackend::initTestCase()
{
    if (const QString missing = swb::test::showcasePrerequisitesMissing(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    m_api = std::make_unique<ApiShowcase>(QStringLiteral("mobile-backend"), QStringLiteral("app"));
    const QString started = m_api->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QStringList scopes = {QStringLiteral("notes"), QStringLiteral("profile")};
    m_ada = m_api->token(QStringLiteral("ada"), scopes);
    m_bea = m_api->token(QStringLiteral("bea"), scopes);
    QVERIFY(!m_ada.isEmpty() && !m_bea.isEmpty());
}

void tst_ShowcaseMobileBackend::cleanupTestCase()
{
    m_api.reset();
}

void tst_ShowcaseMobileBackend::restAnswersForMissingTokensAndScopes()
{
    QCOMPARE(m_api->request("GET", QStringLiteral("/notes")).status, 401);
    const QByteArray notesOnly = m_api->token(QStringLiteral("ada"), {QStringLiteral("notes")});
    QCOMPARE(m_api->request("GET", QStringLiteral("/profile"), notesOnly).status, 403);
    QCOMPARE(m_api->request("GET", QStringLiteral("/notes"), notesOnly).status, 200);
    // A REST API answers a route it does not have with 403 Missing Authentication Token.
    const auto missing = m_api->request("GET", QStringLiteral("/nothing-here"), m_ada);
    QCOMPARE(missing.status, 403);
    QCOMPARE(missing.json().value(QStringLiteral("message")).toString(),
             QStringLiteral("Missing Authentication Token"));
}

void tst_ShowcaseMobileBackend::profileIsCreatedAndUpdated()
{
    QCOMPARE(m_api->request("GET", QStringLiteral("/profile"), m_bea).status, 404); // none yet
    const auto created = m_api->request("PUT", QStringLiteral("/profile"), m_bea,
                                        R"({"displayName": "Bea", "bio": "hello"})");
    QVERIFY2(created.status == 200, created.body.constData());
    const auto changed =
        m_api->request("PUT", QStringLiteral("/profile"), m_bea, R"({"displayName": "Bea K."})");
    QCOMPARE(changed.status, 200);
    const auto read = m_api->request("GET", QStringLiteral("/profile"), m_bea);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.json().value(QStringLiteral("displayName")).toString(), QStringLiteral("Bea K."));
    QCOMPARE(read.json().value(QStringLiteral("userId")).toString(), QStringLiteral("bea"));
    QCOMPARE(m_api->databaseQuery(
                 QStringLiteral("SELECT display_name FROM profiles WHERE user_id = 'bea'")),
             QStringLiteral("Bea K."));
    // The seeded profile of ada is untouched.
    QCOMPARE(m_api->request("GET", QStringLiteral("/profile"), m_ada)
                 .json()
                 .value(QStringLiteral("displayName"))
                 .toString(),
             QStringLiteral("Ada"));
    QCOMPARE(
        m_api->request("PUT", QStringLiteral("/profile"), m_bea, R"({"bio": "no name"})").status,
        400);
}

void tst_ShowcaseMobileBackend::notesGoThroughCreateReadUpdateDelete()
{
    // Create
    const auto created = m_api->request("POST", QStringLiteral("/notes"), m_ada,
                                        R"({"title": "Call the plumber", "body": "Tuesday"})");
    QVERIFY2(created.status == 201, created.body.constData());
    const int id = created.json().value(QStringLiteral("id")).toInt();
    QVERIFY(id > 0);
    const QString path = QStringLiteral("/notes/%1").arg(id);
    QCOMPARE(m_api->databaseQuery(
                 QStringLiteral("SELECT user_id || '|' || title FROM notes WHERE id = %1").arg(id)),
             QStringLiteral("ada|Call the plumber"));

    // Read: one, and in the list (last changed first); another user gets 404 and an empty list
    const auto one = m_api->request("GET", path, m_ada);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json().value(QStringLiteral("body")).toString(), QStringLiteral("Tuesday"));
    const auto list = m_api->request("GET", QStringLiteral("/notes"), m_ada);
    QCOMPARE(list.status, 200);
    const QJsonArray notes = list.json().value(QStringLiteral("notes")).toArray();
    QVERIFY(notes.size() >= 3); // two seeded, one new
    QCOMPARE(notes.first().toObject().value(QStringLiteral("id")).toInt(), id);
    QCOMPARE(m_api->request("GET", path, m_bea).status, 404);
    QVERIFY(m_api->request("GET", QStringLiteral("/notes"), m_bea)
                .json()
                .value(QStringLiteral("notes"))
                .toArray()
                .isEmpty());

    // Update: another user's attempt changes nothing
    QCOMPARE(m_api->request("PUT", path, m_bea, R"({"title": "hijacked"})").status, 404);
    const auto updated =
        m_api->request("PUT", path, m_ada, R"({"title": "Call the plumber", "body": "Wednesday"})");
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json().value(QStringLiteral("body")).toString(), QStringLiteral("Wednesday"));
    QCOMPARE(
        m_api->databaseQuery(QStringLiteral("SELECT title || '|' || body || '|' || "
                                            "(updated_at > created_at) FROM notes WHERE id = %1")
                                 .arg(id)),
        QStringLiteral("Call the plumber|Wednesday|true"));
    QCOMPARE(m_api->request("PUT", path, m_ada, R"({"title": ""})").status, 400);

    // Delete: another user cannot, the owner can, once
    QCOMPARE(m_api->request("DELETE", path, m_bea).status, 404);
    QCOMPARE(m_api->request("DELETE", path, m_ada).status, 204);
    QCOMPARE(m_api->request("GET", path, m_ada).status, 404);
    QCOMPARE(m_api->request("DELETE", path, m_ada).status, 404);
    QCOMPARE(
        m_api->databaseQuery(QStringLiteral("SELECT count(*) FROM notes WHERE id = %1").arg(id)),
        QStringLiteral("0"));
}

void tst_ShowcaseMobileBackend::aSmallAppIsCheaperThanAServerAndABigOneIsNot()
{
    const auto small = swb::test::scenarioCost(*m_api, QStringLiteral("2k-daily-users"));
    QVERIFY2(small.error.isEmpty(), qPrintable(small.error));
    const double smallVolume =
        swb::test::scenarioInvocations(*m_api, QStringLiteral("2k-daily-users"));
    QVERIFY(small.monthly > 0 && small.monthly < small.serverMonthly);
    QVERIFY(small.breakEvenInvocations > smallVolume);
    const auto big = swb::test::scenarioCost(*m_api, QStringLiteral("20k-daily-users"));
    QVERIFY2(big.error.isEmpty(), qPrintable(big.error));
    const double bigVolume =
        swb::test::scenarioInvocations(*m_api, QStringLiteral("20k-daily-users"));
    QVERIFY(big.monthly > big.serverMonthly);
    QVERIFY(big.breakEvenInvocations > smallVolume && big.breakEvenInvocations < bigVolume);
}

void tst_ShowcaseMobileBackend::stoppingServeStopsPostgres()
{
    QVERIFY2(!m_api->processesInCopy().isEmpty(), "no postgres runs for the copy");
    QVERIFY2(m_api->stop(), qPrintable(m_api->processesInCopy().join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(tst_ShowcaseMobileBackend)
#include "tst_ShowcaseMobileBackend.moc"
