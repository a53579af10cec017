// TokenService: the key pair under .swb/tokens/ (made once, kept private, never replaced),
// the tokens it issues, and its settings from workbench.json.
#include "auth/JwtVerifier.h"
#include "auth/TokenService.h"
#include "model/Workspace.h"

#include "JwtTestSigner.h"
#include "TestFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace swb;
using namespace swb::auth;

namespace {

constexpr qint64 kNow = 1'800'000'000;

TokenServiceSettings settings()
{
    return {QStringLiteral("https://issuer.test"), {QStringLiteral("api")}, 3600};
}

QJsonObject payloadOf(const QString& token)
{
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
        .object();
}

int modeOf(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QJsonObject headerOf(const QString& token)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(token.toLatin1().split('.')[0],
                                                          QByteArray::Base64UrlEncoding))
        .object();
}

} // namespace

class tst_TokenService : public QObject {
    Q_OBJECT

private slots:
    void createsAPrivateKeyPairOnFirstUseAndKeepsIt()
    {
        QTemporaryDir dir;
        const QString path = TokenService::privateKeyPath(dir.path());
        QVERIFY(!QFileInfo::exists(path));
        auto first = TokenService::open(dir.path(), settings());
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QVERIFY(first->keyPairCreated());
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(modeOf(path), 0600);
        const QFileInfo folder(QFileInfo(path).absolutePath());
        QCOMPARE(modeOf(folder.absoluteFilePath()), 0700);
        QVERIFY(swb::test::readFile(path).startsWith("-----BEGIN PRIVATE KEY-----"));
        // No temporary files left next to it.
        QCOMPARE(QDir(folder.absoluteFilePath()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("signing-key.pem")});

        const QByteArray bytes = swb::test::readFile(path);
        auto second = TokenService::open(dir.path(), settings());
        QVERIFY(second);
        QVERIFY(!second->keyPairCreated());
        QCOMPARE(second->keyId(), first->keyId());
        QCOMPARE(swb::test::readFile(path), bytes);
        // A token from the first verifies against the second's keys.
        const auto token = first->issue({QStringLiteral("alice"), {}, {}, 0}, kNow);
        QVERIFY(token);
        QVERIFY(verifyJwt(token->toLatin1(), second->publicKeys(), second->expectations(kNow)));
    }

    void eachWorkspaceHasItsOwnKey()
    {
        QTemporaryDir a, b;
        auto one = TokenService::open(a.path(), settings());
        auto two = TokenService::open(b.path(), settings());
        QVERIFY(one && two);
        QVERIFY(one->keyId() != two->keyId());
        const auto token = one->issue({QStringLiteral("alice"), {}, {}, 0}, kNow);
        const auto refused =
            verifyJwt(token->toLatin1(), two->publicKeys(), two->expectations(kNow));
        QVERIFY(!refused);
        QCOMPARE(refused.error().problem, JwtProblem::UnknownKey);
    }

    void refusesAnUnreadableKeyFileAndLeavesItAlone_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("not a key\n");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated PEM")
            << QByteArray("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n");
        QTest::newRow("public key only")
            << QByteArray("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n"
                          "-----END PUBLIC KEY-----\n");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4);
    }

    void refusesAnUnreadableKeyFileAndLeavesItAlone()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        QVERIFY(swb::test::writeFile(dir.path(), QStringLiteral(".swb/tokens/signing-key.pem"),
                                     content));
        const QString path = TokenService::privateKeyPath(dir.path());
        const auto service = TokenService::open(dir.path(), settings());
        QVERIFY(!service);
        QVERIFY2(service.error().message.contains(path), qPrintable(service.error().message));
        QVERIFY(service.error().message.contains(QStringLiteral("move")));
        QCOMPARE(swb::test::readFile(path), content);
        QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden).size(),
                 1);
    }

    void refusesAFolderWhereTheKeyFileShouldBe()
    {
        // Also runs as root, where file modes do not stop reading.
        QTemporaryDir dir;
        const QString path = TokenService::privateKeyPath(dir.path());
        QVERIFY(QDir().mkpath(path));
        const auto service = TokenService::open(dir.path(), settings());
        QVERIFY(!service);
        QVERIFY2(service.error().message.contains(path), qPrintable(service.error().message));
        QVERIFY(QFileInfo(path).isDir());
    }

    void refusesAKeyFileItCannotOpen()
    {
        if (::geteuid() == 0)
            QSKIP("root reads files whatever their mode");
        QTemporaryDir dir;
        QVERIFY(TokenService::open(dir.path(), settings()));
        const QString path = TokenService::privateKeyPath(dir.path());
        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
        const auto service = TokenService::open(dir.path(), settings());
        QVERIFY(!service);
        QVERIFY(service.error().message.contains(path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void issuesTheRegisteredClaims()
    {
        QTemporaryDir dir;
        TokenServiceSettings s = settings();
        s.audiences = {QStringLiteral("api"), QStringLiteral("web")};
        auto service = TokenService::open(dir.path(), s);
        QVERIFY(service);
        TokenRequest request{
            QStringLiteral("alice"),
            {QStringLiteral("orders:read"), QStringLiteral("admin")},
            {{QStringLiteral("tenant"), QStringLiteral("acme")}, {QStringLiteral("level"), 3}},
            900};
        const auto token = service->issue(request, kNow);
        QVERIFY(token);
        const QJsonObject header = headerOf(*token);
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));
        QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
        QCOMPARE(header.value(QStringLiteral("kid")).toString(), service->keyId());
        const QJsonObject claims = payloadOf(*token);
        QCOMPARE(claims.value(QStringLiteral("iss")).toString(),
                 QStringLiteral("https://issuer.test"));
        QCOMPARE(claims.value(QStringLiteral("sub")).toString(), QStringLiteral("alice"));
        QCOMPARE(claims.value(QStringLiteral("aud")).toArray(),
                 (QJsonArray{QStringLiteral("api"), QStringLiteral("web")}));
        QCOMPARE(claims.value(QStringLiteral("iat")).toInteger(), kNow);
        QCOMPARE(claims.value(QStringLiteral("nbf")).toInteger(), kNow);
        QCOMPARE(claims.value(QStringLiteral("exp")).toInteger(), kNow + 900);
        QCOMPARE(claims.value(QStringLiteral("scope")).toString(),
                 QStringLiteral("orders:read admin"));
        QCOMPARE(claims.value(QStringLiteral("tenant")).toString(), QStringLiteral("acme"));
        QCOMPARE(claims.value(QStringLiteral("level")).toInt(), 3);
        QVERIFY(!claims.value(QStringLiteral("jti")).toString().isEmpty());
        const auto again = service->issue(request, kNow);
        QVERIFY(payloadOf(*again).value(QStringLiteral("jti")) !=
                claims.value(QStringLiteral("jti")));

        // Default lifetime, a single audience as a string, no scope claim without scopes.
        auto single = TokenService::open(dir.path(), settings());
        const auto plain = single->issue({QStringLiteral("bob"), {}, {}, 0}, kNow);
        QCOMPARE(payloadOf(*plain).value(QStringLiteral("exp")).toInteger(), kNow + 3600);
        QCOMPARE(payloadOf(*plain).value(QStringLiteral("aud")).toString(), QStringLiteral("api"));
        QVERIFY(!payloadOf(*plain).contains(QStringLiteral("scope")));
        // Expires exactly at exp.
        QVERIFY(
            verifyJwt(plain->toLatin1(), single->publicKeys(), single->expectations(kNow + 3599)));
        QVERIFY(
            !verifyJwt(plain->toLatin1(), single->publicKeys(), single->expectations(kNow + 3600)));
    }

    void refusesBadRequests_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QStringList>("scopes");
        QTest::addColumn<QJsonObject>("extra");
        QTest::addColumn<int>("ttl");
        QTest::addColumn<QString>("needle");
        const QString alice = QStringLiteral("alice");
        QTest::newRow("no subject")
            << QString() << QStringList() << QJsonObject() << 0 << QStringLiteral("subject");
        QTest::newRow("blank subject") << QStringLiteral("  ") << QStringList() << QJsonObject()
                                       << 0 << QStringLiteral("subject");
        QTest::newRow("scope with space") << alice << QStringList{QStringLiteral("a b")}
                                          << QJsonObject() << 0 << QStringLiteral("space");
        QTest::newRow("empty scope")
            << alice << QStringList{QString()} << QJsonObject() << 0 << QStringLiteral("empty");
        for (const char* name : {"iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scope", "scp"})
            QTest::newRow(name) << alice << QStringList()
                                << QJsonObject{{QLatin1String(name), QStringLiteral("x")}} << 0
                                << QStringLiteral("\"%1\"").arg(QLatin1String(name));
        QTest::newRow("negative ttl")
            << alice << QStringList() << QJsonObject() << -5 << QStringLiteral("lifetime");
        QTest::newRow("ttl over a year") << alice << QStringList() << QJsonObject()
                                         << kMaxTokenTtlSeconds + 1 << QStringLiteral("lifetime");
        QTest::newRow("huge claim")
            << alice << QStringList() << QJsonObject{{QStringLiteral("blob"), QString(20000, 'x')}}
            << 0 << QStringLiteral("larger");
    }

    void refusesBadRequests()
    {
        QFETCH(QString, subject);
        QFETCH(QStringList, scopes);
        QFETCH(QJsonObject, extra);
        QFETCH(int, ttl);
        QFETCH(QString, needle);
        static QTemporaryDir dir;
        auto service = TokenService::open(dir.path(), settings());
        QVERIFY(service);
        const auto token = service->issue({subject, scopes, extra, ttl}, kNow);
        QVERIFY(!token);
        QVERIFY2(token.error().message.contains(needle), qPrintable(token.error().message));
    }

    void parsesLifetimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("seconds");
        QTest::newRow("30s") << QStringLiteral("30s") << 30;
        QTest::newRow("15m") << QStringLiteral("15m") << 900;
        QTest::newRow("1h") << QStringLiteral("1h") << 3600;
        QTest::newRow("7d") << QStringLiteral("7d") << 604800;
        QTest::newRow("365d") << QStringLiteral("365d") << 31536000;
        QTest::newRow("zero") << QStringLiteral("0s") << -1;
        QTest::newRow("no unit") << QStringLiteral("60") << -1;
        QTest::newRow("unit only") << QStringLiteral("h") << -1;
        QTest::newRow("negative") << QStringLiteral("-1h") << -1;
        QTest::newRow("fraction") << QStringLiteral("1.5h") << -1;
        QTest::newRow("upper case") << QStringLiteral("1H") << -1;
        QTest::newRow("weeks") << QStringLiteral("2w") << -1;
        QTest::newRow("overflow") << QStringLiteral("99999999999d") << -1;
        QTest::newRow("words") << QStringLiteral("one hour") << -1;
    }

    void parsesLifetimes()
    {
        QFETCH(QString, text);
        QFETCH(int, seconds);
        const auto ttl = parseTtl(text);
        if (seconds < 0) {
            QVERIFY(!ttl);
            QVERIFY(ttl.error().message.contains(QStringLiteral("30s, 15m, 1h or 7d")));
        } else {
            QVERIFY(ttl);
            QCOMPARE(*ttl, seconds);
        }
    }

    void settingsComeFromTheWorkspace()
    {
        Workspace ws;
        ws.folder = QStringLiteral("/tmp/shop");
        ws.name = QStringLiteral("my shop");
        auto defaults = TokenServiceSettings::fromWorkspace(ws);
        QVERIFY(defaults);
        QCOMPARE(defaults->issuer, QStringLiteral("http://127.0.0.1/my%20shop"));
        QCOMPARE(defaults->audiences, QStringList{QStringLiteral("swb")});
        QCOMPARE(defaults->defaultTtlSeconds, 3600);

        ws.tokenService.issuer = QStringLiteral("https://auth.example.com/");
        ws.tokenService.audiences = {QStringLiteral("orders-api")};
        ws.tokenService.defaultTtl = QStringLiteral("15m");
        auto given = TokenServiceSettings::fromWorkspace(ws);
        QVERIFY(given);
        QCOMPARE(given->issuer, QStringLiteral("https://auth.example.com/"));
        QCOMPARE(given->audiences, QStringList{QStringLiteral("orders-api")});
        QCOMPARE(given->defaultTtlSeconds, 900);

        ws.tokenService.defaultTtl = QStringLiteral("soon");
        const auto bad = TokenServiceSettings::fromWorkspace(ws);
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QStringLiteral("/tokenService/defaultTtl")));
    }
};

QTEST_GUILESS_MAIN(tst_TokenService)
#include "tst_TokenService.moc"
