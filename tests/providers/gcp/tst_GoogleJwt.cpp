// The service-account half of Google's OAuth 2.0 flow: the JSON key file, the RS256 assertion
// (verified here with the test key's public key through OpenSSL) and the token source, against
// FakeGcp's token endpoint.
#include "FakeGcp.h"
#include "TestFiles.h"
#include "common/HttpClient.h"
#include "gcp/GoogleJwt.h"
#include "gcp/GoogleTokenSource.h"
#include "gcp/ServiceAccountKey.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

Result<QString> fetchToken(GoogleTokenSource& source)
{
    std::optional<Result<QString>> out;
    source.token([&](Result<QString> r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
        return fail(ErrorCode::Internal, QStringLiteral("no answer"));
    return *out;
}

} // namespace

class tst_GoogleJwt : public QObject {
    Q_OBJECT
private slots:
    void parsesKeyFile()
    {
        test::FakeGcp fake;
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.path(), QStringLiteral("key.json"), fake.keyJson()));
        auto key = ServiceAccountKey::load(dir.filePath(QStringLiteral("key.json")));
        QVERIFY2(key, key ? "" : qPrintable(key.error().message));
        QCOMPARE(key->type, QStringLiteral("service_account"));
        QCOMPARE(key->projectId, fake.project);
        QCOMPARE(key->privateKeyId, fake.keyId);
        QCOMPARE(key->clientEmail, fake.email);
        QCOMPARE(key->tokenUri, QString::fromLatin1(test::FakeGcp::kTokenUri));
        QVERIFY(key->privateKey.startsWith(QLatin1String("-----BEGIN PRIVATE KEY-----")));
        QVERIFY(key->source.contains(dir.filePath(QStringLiteral("key.json"))));
    }

    void rejectsMalformedKeyFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << QByteArray(
                                         "{\"private_key\": \"-----BEGIN PRIVATE KEY-----\nMIIE")
                                  << int(ErrorCode::Parse) << QStringLiteral("not a JSON object");
        QTest::newRow("user credentials")
            << QByteArray(
                   R"({"type": "authorized_user", "client_id": "x", "refresh_token": "1_0gRefresh"})")
            << int(ErrorCode::Validation) << QStringLiteral("not a service account key");
        QTest::newRow("no private key")
            << QByteArray(
                   R"({"type": "service_account", "client_email": "a@b.iam.gserviceaccount.com", "private_key_id": "k"})")
            << int(ErrorCode::Validation) << QStringLiteral("has no private_key");
        QTest::newRow("not pem")
            << QByteArray(
                   R"({"type": "service_account", "client_email": "a@b", "private_key_id": "k", "private_key": "MIIEvQIBADAN"})")
            << int(ErrorCode::Validation) << QStringLiteral("not a PEM private key");
    }
    void rejectsMalformedKeyFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, code);
        QFETCH(QString, says);
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.path(), QStringLiteral("key.json"), json));
        auto key = ServiceAccountKey::load(dir.filePath(QStringLiteral("key.json")));
        QVERIFY(!key);
        QCOMPARE(int(key.error().code), code);
        QVERIFY2(key.error().message.contains(says), qPrintable(key.error().message));
        // Names the file and says what to do, and never quotes the key.
        QVERIFY(key.error().message.contains(dir.filePath(QStringLiteral("key.json"))));
        QVERIFY(key.error().message.contains(QLatin1String("new JSON key")));
        QVERIFY(!key.error().message.contains(QLatin1String("MIIE")));
        QVERIFY(!key.error().message.contains(QLatin1String("1_0gRefresh")));
    }

    void missingKeyFileIsNotFound()
    {
        auto key = ServiceAccountKey::load(QStringLiteral("/nonexistent/key.json"),
                                           QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"));
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::NotFound);
        QVERIFY(key.error().message.contains(QLatin1String("GOOGLE_APPLICATION_CREDENTIALS")));
    }

    void assertionVerifiesWithThePublicKey()
    {
        test::FakeGcp fake;
        auto key = ServiceAccountKey::parse(fake.keyJson(), QStringLiteral("test"));
        QVERIFY(key);
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1795500000, Qt::UTC);
        auto jwt = GoogleJwt::assertion(*key, now);
        QVERIFY2(jwt, jwt ? "" : qPrintable(jwt.error().message));
        QJsonObject header, claims;
        QCOMPARE(test::verifyRs256(test::testRsaKey().get(), *jwt, &header, &claims), QString());
        // https://developers.google.com/identity/protocols/oauth2/service-account#authorizingrequests
        QCOMPARE(header, (QJsonObject{{"alg", "RS256"}, {"typ", "JWT"}, {"kid", fake.keyId}}));
        QCOMPARE(claims.value("iss").toString(), fake.email);
        QCOMPARE(claims.value("scope").toString(),
                 QStringLiteral("https://www.googleapis.com/auth/cloud-platform"));
        QCOMPARE(claims.value("aud").toString(),
                 QStringLiteral("https://oauth2.googleapis.com/token"));
        QCOMPARE(claims.value("iat").toInteger(), 1795500000);
        QCOMPARE(claims.value("exp").toInteger(), 1795500000 + 3600);

        // A flipped byte in the claims breaks the signature.
        QByteArray tampered = *jwt;
        const qsizetype dot = tampered.indexOf('.');
        tampered[dot + 5] = tampered[dot + 5] == 'A' ? 'B' : 'A';
        QVERIFY(!test::verifyRs256(test::testRsaKey().get(), tampered).isEmpty());
    }

    void lifetimeIsCappedAtAnHour()
    {
        test::FakeGcp fake;
        auto key = ServiceAccountKey::parse(fake.keyJson(), QStringLiteral("test"));
        auto jwt = GoogleJwt::assertion(*key, QDateTime::currentDateTimeUtc(),
                                        QString::fromLatin1(GoogleJwt::kCloudPlatformScope), 7200);
        QJsonObject claims;
        QCOMPARE(test::verifyRs256(test::testRsaKey().get(), *jwt, nullptr, &claims), QString());
        QCOMPARE(claims.value("exp").toInteger() - claims.value("iat").toInteger(), 3600);
    }

    void unreadablePrivateKeyNamesTheSource()
    {
        ServiceAccountKey key;
        key.privateKey = QStringLiteral(
            "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        key.source = QStringLiteral("key file /tmp/k.json");
        auto jwt = GoogleJwt::assertion(key, QDateTime::currentDateTimeUtc());
        QVERIFY(!jwt);
        QVERIFY(jwt.error().message.contains(QLatin1String("/tmp/k.json")));
    }

    void tokenRequestIsTheJwtBearerGrant()
    {
        // RFC 7523 section 2.1, as Google's token endpoint takes it.
        QCOMPARE(GoogleJwt::tokenRequestBody("a.b.c"),
                 QByteArray("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&"
                            "assertion=a.b.c"));
    }

    void tokenIsFetchedKeptAndRefreshedBeforeExpiry()
    {
        test::FakeGcp fake;
        QNetworkAccessManager nam;
        HttpClient http(&nam);
        http.setLogBodies(true); // the request holds the assertion, the answer the token
        QStringList log;
        connect(&http, &HttpClient::log, this, [&](const QString& line) { log << line; });
        auto key = ServiceAccountKey::parse(fake.keyJson(), QStringLiteral("test key"));
        QVERIFY(key);
        // The clock starts in the past, so the refreshed assertion is still "now" for the fake.
        QDateTime now = QDateTime::currentDateTimeUtc().addSecs(-3400);
        GoogleTokenSource source(&http, *key, QUrl(fake.endpoint() + QStringLiteral("/token")));
        source.setClock([&] { return now; });

        auto first = fetchToken(source);
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        QCOMPARE(*first, fake.issuedTokens.value(0));
        QCOMPARE(source.fetchCount(), 1);
        QCOMPARE(source.expiresAt(), now.addSecs(fake.tokenLifetimeSeconds));

        now = now.addSecs(3000); // 599 s left: kept
        QCOMPARE(*fetchToken(source), *first);
        QCOMPARE(source.fetchCount(), 1);

        now = now.addSecs(400); // 199 s left: within five minutes, refreshed
        auto second = fetchToken(source);
        QVERIFY(second);
        QVERIFY(*second != *first);
        QCOMPARE(source.fetchCount(), 2);

        source.invalidate();
        QVERIFY(fetchToken(source));
        QCOMPARE(source.fetchCount(), 3);

        // Concurrent callers share one request.
        source.invalidate();
        int answers = 0;
        source.token([&](Result<QString>) { ++answers; });
        source.token([&](Result<QString>) { ++answers; });
        QTRY_COMPARE(answers, 2);
        QCOMPARE(source.fetchCount(), 4);
        QCOMPARE(fake.count("POST", QStringLiteral("/token")), 4);

        for (const QString& line : log) {
            for (const QString& t : fake.issuedTokens)
                QVERIFY2(!line.contains(t), qPrintable(line));
            for (const QString& a : fake.assertions)
                QVERIFY2(!line.contains(a), qPrintable(line));
        }
    }

    void refusedKeyIsUnauthorizedNamingTheSource()
    {
        test::FakeGcp fake;
        fake.email = QStringLiteral("someone-else@demo-project.iam.gserviceaccount.com");
        QNetworkAccessManager nam;
        HttpClient http(&nam);
        auto key = ServiceAccountKey::parse(test::FakeGcp().keyJson(),
                                            QStringLiteral("key file /w/key.json"));
        QVERIFY(key);
        GoogleTokenSource source(&http, *key, QUrl(fake.endpoint() + QStringLiteral("/token")));
        auto token = fetchToken(source);
        QVERIFY(!token);
        QCOMPARE(token.error().code, ErrorCode::Unauthorized);
        QVERIFY2(token.error().message.contains(QLatin1String("key file /w/key.json")),
                 qPrintable(token.error().message));
        QVERIFY(token.error().message.contains(QLatin1String("invalid_grant")));
        for (const QString& a : fake.assertions) {
            QVERIFY(!token.error().message.contains(a));
            QVERIFY(!token.error().detail.contains(a));
        }
    }
};

QTEST_GUILESS_MAIN(tst_GoogleJwt)
#include "tst_GoogleJwt.moc"
