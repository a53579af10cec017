// WellKnownEndpoints: the JWKS and discovery document swb serve answers, the key pair made on
// the first request, and what happens with other methods, odd Host headers and a bad key file.
#include "auth/Jwks.h"
#include "auth/WellKnownEndpoints.h"

#include "TestFiles.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using namespace swb::auth;

namespace {

http::HttpRequest request(const QByteArray& method, const QByteArray& path,
                          const QByteArray& host = {})
{
    http::HttpRequest r;
    r.method = method;
    r.target = path;
    r.path = path;
    r.version = "HTTP/1.1";
    if (!host.isEmpty())
        r.headers.append(qMakePair(QByteArray("Host"), host));
    return r;
}

QByteArray header(const http::HttpResponse& r, const QByteArray& name)
{
    for (const auto& [key, value] : r.headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

TokenServiceSettings settings()
{
    return {QStringLiteral("https://issuer.test"), {QStringLiteral("api")}, 3600};
}

} // namespace

class tst_WellKnownEndpoints : public QObject {
    Q_OBJECT
private slots:
    void handlesOnlyItsTwoPaths()
    {
        QVERIFY(WellKnownEndpoints::handles("/.well-known/jwks.json"));
        QVERIFY(WellKnownEndpoints::handles("/.well-known/openid-configuration"));
        QVERIFY(!WellKnownEndpoints::handles("/.well-known/jwks.json/"));
        QVERIFY(!WellKnownEndpoints::handles("/.well-known/"));
        QVERIFY(!WellKnownEndpoints::handles("/jwks.json"));
    }

    void servesTheJwksMadeOnFirstRequest()
    {
        QTemporaryDir dir;
        WellKnownEndpoints endpoints(dir.path(), settings());
        QVERIFY(!QFileInfo::exists(TokenService::privateKeyPath(dir.path())));
        const http::HttpResponse r = endpoints.respond(request("GET", "/.well-known/jwks.json"),
                                                       QStringLiteral("127.0.0.1:1"));
        QCOMPARE(r.status, 200);
        QCOMPARE(header(r, "Content-Type"), QByteArray("application/json"));
        QVERIFY(QFileInfo::exists(TokenService::privateKeyPath(dir.path())));
        const auto jwks = Jwks::fromJson(r.body);
        QVERIFY(jwks);
        QCOMPARE(jwks->keyIds(), QStringList{endpoints.tokenService()->keyId()});
        QVERIFY(!r.body.contains("\"d\""));
    }

    void describesTheIssuer_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QString>("jwksUri");
        QTest::newRow("no host") << QByteArray()
                                 << QStringLiteral("http://127.0.0.1:4000/.well-known/jwks.json");
        QTest::newRow("host and port")
            << QByteArray("localhost:8080")
            << QStringLiteral("http://localhost:8080/.well-known/jwks.json");
        QTest::newRow("ipv6") << QByteArray("[::1]:8080")
                              << QStringLiteral("http://[::1]:8080/.well-known/jwks.json");
        QTest::newRow("injection") << QByteArray("evil.test/x?y=")
                                   << QStringLiteral("http://127.0.0.1:4000/.well-known/jwks.json");
        QTest::newRow("quotes") << QByteArray("a\"b")
                                << QStringLiteral("http://127.0.0.1:4000/.well-known/jwks.json");
    }

    void describesTheIssuer()
    {
        QFETCH(QByteArray, host);
        QFETCH(QString, jwksUri);
        static QTemporaryDir dir;
        WellKnownEndpoints endpoints(dir.path(), settings());
        const http::HttpResponse r =
            endpoints.respond(request("GET", "/.well-known/openid-configuration", host),
                              QStringLiteral("127.0.0.1:4000"));
        QCOMPARE(r.status, 200);
        const QJsonObject doc = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(doc.value(QStringLiteral("issuer")).toString(),
                 QStringLiteral("https://issuer.test"));
        QCOMPARE(doc.value(QStringLiteral("jwks_uri")).toString(), jwksUri);
    }

    void answersHeadAndRefusesOtherMethods()
    {
        QTemporaryDir dir;
        WellKnownEndpoints endpoints(dir.path(), settings());
        const http::HttpResponse head =
            endpoints.respond(request("HEAD", "/.well-known/jwks.json"), QStringLiteral("h:1"));
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QVERIFY(header(head, "Content-Length").toInt() > 100);
        const http::HttpResponse post =
            endpoints.respond(request("POST", "/.well-known/jwks.json"), QStringLiteral("h:1"));
        QCOMPARE(post.status, 405);
        QCOMPARE(header(post, "Allow"), QByteArray("GET, HEAD"));
    }

    void reportsAnUnusableKeyFileWithoutTouchingIt()
    {
        QTemporaryDir dir;
        QVERIFY(swb::test::writeFile(dir.path(), QStringLiteral(".swb/tokens/signing-key.pem"),
                                     "broken"));
        WellKnownEndpoints endpoints(dir.path(), settings());
        const http::HttpResponse r =
            endpoints.respond(request("GET", "/.well-known/jwks.json"), QStringLiteral("h:1"));
        QCOMPARE(r.status, 500);
        QVERIFY(r.body.contains("signing-key.pem"));
        QCOMPARE(swb::test::readFile(TokenService::privateKeyPath(dir.path())),
                 QByteArray("broken"));
    }

    void reportsBadSettings()
    {
        QTemporaryDir dir;
        WellKnownEndpoints endpoints(
            dir.path(),
            std::unexpected(Error{
                ErrorCode::Validation, QStringLiteral("/tokenService/defaultTtl: bad"), {}, {}}));
        const http::HttpResponse r =
            endpoints.respond(request("GET", "/.well-known/jwks.json"), QStringLiteral("h:1"));
        QCOMPARE(r.status, 500);
        QVERIFY(r.body.contains("/tokenService/defaultTtl"));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral(".swb"))));
    }
};

QTEST_GUILESS_MAIN(tst_WellKnownEndpoints)
#include "tst_WellKnownEndpoints.moc"
