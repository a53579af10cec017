// labels: integration
// `swb token` as a user runs it: issue, jwks and verify, the key pair made once, bad options
// refused clearly; `swb serve` publishing the JWKS that verifies an issued token; and the
// private key never showing up in anything swb prints.
#include "auth/Jwks.h"
#include "auth/JwtVerifier.h"

#include "SwbProcess.h"
#include "TestFiles.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using swb::test::runSwb;
using swb::test::SwbRun;

namespace {

// (No raw string: moc's preprocessor reads "//" in one as a comment.)
const QByteArray kWorkbench =
    "{\"name\": \"shop\", \"functions\": [], \"tokenService\": {\"issuer\": "
    "\"https://auth.shop.test\", \"audience\": [\"orders\"], \"defaultTtl\": \"15m\"}}\n";

QJsonObject claimsOf(const QString& token)
{
    const QList<QByteArray> parts = token.trimmed().toLatin1().split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
        .object();
}

} // namespace

class tst_SwbToken : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_printed; // everything swb printed in these tests
    QString keyPath() const
    {
        return m_dir.filePath(QStringLiteral(".swb/tokens/signing-key.pem"));
    }

    SwbRun swb(QStringList args)
    {
        args << QStringLiteral("--workspace") << m_dir.path();
        SwbRun run = runSwb(args);
        m_printed << run.out << run.err;
        return run;
    }
    QByteArray get(QNetworkAccessManager& net, const QString& url, int* status,
                   QByteArray* contentType = nullptr)
    {
        QNetworkReply* reply = net.get(QNetworkRequest(QUrl(url)));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000))
            return {};
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (contentType)
            *contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(swb::test::writeFile(m_dir.path(), QStringLiteral("workbench.json"), kWorkbench));
    }

    void issuesATokenAndMakesTheKeyOnce()
    {
        const SwbRun first = swb({QStringLiteral("token"), QStringLiteral("issue"),
                                  QStringLiteral("--user"), QStringLiteral("alice")});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.err.contains(QStringLiteral("Created the workspace's token signing key")),
                 qPrintable(first.err));
        QVERIFY(QFileInfo::exists(keyPath()));
        QCOMPARE(first.out.count(QLatin1Char('\n')), 1); // only the token
        QCOMPARE(first.out.trimmed().count(QLatin1Char('.')), 2);

        const SwbRun second = swb({QStringLiteral("token"), QStringLiteral("issue"),
                                   QStringLiteral("--user"), QStringLiteral("bob")});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.err.isEmpty(), qPrintable(second.err));
        const QJsonObject claims = claimsOf(second.out);
        QCOMPARE(claims.value(QStringLiteral("sub")).toString(), QStringLiteral("bob"));
        QCOMPARE(claims.value(QStringLiteral("iss")).toString(),
                 QStringLiteral("https://auth.shop.test"));
        QCOMPARE(claims.value(QStringLiteral("aud")).toString(), QStringLiteral("orders"));
        // The workspace's defaultTtl (15m).
        QCOMPARE(claims.value(QStringLiteral("exp")).toInteger() -
                     claims.value(QStringLiteral("iat")).toInteger(),
                 900);
    }

    void issuesScopesClaimsAndLifetime()
    {
        const SwbRun run = swb({QStringLiteral("token"),   QStringLiteral("issue"),
                                QStringLiteral("--user"),  QStringLiteral("alice"),
                                QStringLiteral("--scope"), QStringLiteral("orders:read"),
                                QStringLiteral("--scope"), QStringLiteral("orders:write"),
                                QStringLiteral("--claim"), QStringLiteral("tenant=acme"),
                                QStringLiteral("--claim"), QStringLiteral("level=3"),
                                QStringLiteral("--claim"), QStringLiteral("admin=true"),
                                QStringLiteral("--claim"), QStringLiteral("tags=[\"a\",\"b\"]"),
                                QStringLiteral("--claim"), QStringLiteral("note=x=y"),
                                QStringLiteral("--ttl"),   QStringLiteral("30s")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject claims = claimsOf(run.out);
        QCOMPARE(claims.value(QStringLiteral("scope")).toString(),
                 QStringLiteral("orders:read orders:write"));
        QCOMPARE(claims.value(QStringLiteral("tenant")).toString(), QStringLiteral("acme"));
        QCOMPARE(claims.value(QStringLiteral("level")).toInt(), 3);
        QCOMPARE(claims.value(QStringLiteral("admin")).toBool(), true);
        QCOMPARE(claims.value(QStringLiteral("tags")).toArray(),
                 (QJsonArray{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(claims.value(QStringLiteral("note")).toString(), QStringLiteral("x=y"));
        QCOMPARE(claims.value(QStringLiteral("exp")).toInteger() -
                     claims.value(QStringLiteral("iat")).toInteger(),
                 30);
    }

    void refusesBadOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("needle");
        const QStringList issue{QStringLiteral("token"), QStringLiteral("issue")};
        const QStringList alice =
            issue + QStringList{QStringLiteral("--user"), QStringLiteral("alice")};
        QTest::newRow("no user") << issue << 2 << QStringLiteral("--user NAME");
        QTest::newRow("bad ttl") << alice +
                                        QStringList{QStringLiteral("--ttl"), QStringLiteral("1x")}
                                 << 2 << QStringLiteral("30s, 15m, 1h or 7d");
        QTest::newRow("zero ttl") << alice +
                                         QStringList{QStringLiteral("--ttl"), QStringLiteral("0s")}
                                  << 2 << QStringLiteral("30s, 15m, 1h or 7d");
        QTest::newRow("ttl too long")
            << alice + QStringList{QStringLiteral("--ttl"), QStringLiteral("400d")} << 1
            << QStringLiteral("365 days");
        QTest::newRow("claim without value")
            << alice + QStringList{QStringLiteral("--claim"), QStringLiteral("tenant")} << 2
            << QStringLiteral("NAME=VALUE");
        QTest::newRow("claim twice")
            << alice + QStringList{QStringLiteral("--claim"), QStringLiteral("a=1"),
                                   QStringLiteral("--claim"), QStringLiteral("a=2")}
            << 2 << QStringLiteral("twice");
        QTest::newRow("reserved claim")
            << alice + QStringList{QStringLiteral("--claim"), QStringLiteral("exp=99999999999")}
            << 1 << QStringLiteral("\"exp\"");
        QTest::newRow("no action")
            << QStringList{QStringLiteral("token")} << 2 << QStringLiteral("issue, jwks or verify");
        QTest::newRow("unknown action")
            << QStringList{QStringLiteral("token"), QStringLiteral("mint")} << 2
            << QStringLiteral("issue, jwks or verify");
    }

    void refusesBadOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, needle);
        const SwbRun run = swb(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(needle), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void refusesACorruptKeyFile()
    {
        QTemporaryDir dir;
        QVERIFY(swb::test::writeFile(dir.path(), QStringLiteral("workbench.json"), kWorkbench));
        QVERIFY(swb::test::writeFile(dir.path(), QStringLiteral(".swb/tokens/signing-key.pem"),
                                     "garbage\n"));
        const SwbRun run =
            runSwb({QStringLiteral("token"), QStringLiteral("issue"), QStringLiteral("--user"),
                    QStringLiteral("a"), QStringLiteral("--workspace"), dir.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("signing-key.pem")), qPrintable(run.err));
        QCOMPARE(swb::test::readFile(dir.filePath(QStringLiteral(".swb/tokens/signing-key.pem"))),
                 QByteArray("garbage\n"));
    }

    void refusesABadTokenServiceEntry()
    {
        QTemporaryDir dir;
        QVERIFY(swb::test::writeFile(
            dir.path(), QStringLiteral("workbench.json"),
            R"json({"functions": [], "tokenService": {"defaultTtl": "soon", "audience": [1]}})json"));
        const SwbRun run = runSwb({QStringLiteral("token"), QStringLiteral("jwks"),
                                   QStringLiteral("--workspace"), dir.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("/tokenService/audience/0")), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral(".swb/tokens"))));
        QVERIFY(swb::test::writeFile(
            dir.path(), QStringLiteral("workbench.json"),
            R"json({"functions": [], "tokenService": {"defaultTtl": "soon"}})json"));
        const SwbRun ttl = runSwb({QStringLiteral("token"), QStringLiteral("jwks"),
                                   QStringLiteral("--workspace"), dir.path()});
        QCOMPARE(ttl.exitCode, 1);
        QVERIFY2(ttl.err.contains(QStringLiteral("/tokenService/defaultTtl")), qPrintable(ttl.err));
    }

    void printsTheJwksAndVerifies()
    {
        const SwbRun jwks = swb({QStringLiteral("token"), QStringLiteral("jwks")});
        QCOMPARE(jwks.exitCode, 0);
        const auto keys = auth::Jwks::fromJson(jwks.out.toUtf8());
        QVERIFY2(keys, qPrintable(jwks.out));
        QCOMPARE(keys->keys().size(), 1);

        const SwbRun issued =
            swb({QStringLiteral("token"), QStringLiteral("issue"), QStringLiteral("--user"),
                 QStringLiteral("carol"), QStringLiteral("--scope"), QStringLiteral("admin")});
        const QString token = issued.out.trimmed();
        const auto local = auth::verifyJwt(
            token.toLatin1(), *keys,
            {QStringLiteral("https://auth.shop.test"), {QStringLiteral("orders")}, 0, 0});
        QVERIFY(local);

        const SwbRun ok = swb({QStringLiteral("token"), QStringLiteral("verify"), token});
        QCOMPARE(ok.exitCode, 0);
        const QJsonObject printed = QJsonDocument::fromJson(ok.out.toUtf8()).object();
        QCOMPARE(printed.value(QStringLiteral("claims"))
                     .toObject()
                     .value(QStringLiteral("sub"))
                     .toString(),
                 QStringLiteral("carol"));
        QCOMPARE(printed.value(QStringLiteral("scopes")).toArray(),
                 QJsonArray{QStringLiteral("admin")});

        QString tampered = token;
        const qsizetype at = tampered.lastIndexOf(QLatin1Char('.')) + 20;
        tampered[at] = tampered[at] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        const SwbRun bad = swb({QStringLiteral("token"), QStringLiteral("verify"), tampered});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("refused (bad-signature)")), qPrintable(bad.err));
        QVERIFY(!bad.err.contains(tampered.left(30)));
        QVERIFY(bad.out.isEmpty());

        // From stdin, so the token stays out of the process list.
        QProcess stdinRun;
        stdinRun.start(QStringLiteral(SWB_CLI_PATH),
                       {QStringLiteral("token"), QStringLiteral("verify"), QStringLiteral("-"),
                        QStringLiteral("--workspace"), m_dir.path()});
        QVERIFY(stdinRun.waitForStarted());
        stdinRun.write(token.toLatin1() + '\n');
        stdinRun.closeWriteChannel();
        QVERIFY(stdinRun.waitForFinished(60000));
        QCOMPARE(stdinRun.exitCode(), 0);
        const QString out = QString::fromUtf8(stdinRun.readAllStandardOutput());
        m_printed << out << QString::fromUtf8(stdinRun.readAllStandardError());
        QVERIFY(out.contains(QStringLiteral("carol")));
    }

    void serveShowsTheJwksWithoutTheApiKey()
    {
        QTemporaryDir dir;
        QVERIFY(swb::test::writeFile(dir.path(), QStringLiteral("workbench.json"), kWorkbench));
        QProcess serve;
        serve.start(QStringLiteral(SWB_CLI_PATH),
                    {QStringLiteral("serve"), QStringLiteral("--workspace"), dir.path(),
                     QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--api-key"),
                     QStringLiteral("sekrit-key")});
        QVERIFY(serve.waitForStarted());
        QVERIFY(QTest::qWaitFor([&serve] { return serve.canReadLine(); }, 30000));
        const QString firstLine = QString::fromUtf8(serve.readLine()).trimmed();
        const quint16 port = quint16(firstLine.section(QLatin1Char(':'), -1).toUInt());
        QVERIFY2(port > 0, qPrintable(firstLine));
        // Serving alone does not make a key pair; the first JWKS request does.
        const QString key = dir.filePath(QStringLiteral(".swb/tokens/signing-key.pem"));
        QVERIFY(!QFileInfo::exists(key));

        QNetworkAccessManager net;
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        int status = 0;
        QByteArray contentType;
        const QByteArray body =
            get(net, base + QStringLiteral("/.well-known/jwks.json"), &status, &contentType);
        QCOMPARE(status, 200);
        QCOMPARE(contentType, QByteArray("application/json"));
        QVERIFY(QFileInfo::exists(key));
        const auto served = auth::Jwks::fromJson(body);
        QVERIFY2(served, body.constData());

        const QByteArray discovery =
            get(net, base + QStringLiteral("/.well-known/openid-configuration"), &status);
        QCOMPARE(status, 200);
        const QJsonObject config = QJsonDocument::fromJson(discovery).object();
        QCOMPARE(config.value(QStringLiteral("issuer")).toString(),
                 QStringLiteral("https://auth.shop.test"));
        QCOMPARE(config.value(QStringLiteral("jwks_uri")).toString(),
                 base + QStringLiteral("/.well-known/jwks.json"));
        // Everything else still needs the key.
        get(net, base + QStringLiteral("/anything"), &status);
        QCOMPARE(status, 403);

        // A token issued from the CLI verifies against what serve publishes.
        const SwbRun issued =
            runSwb({QStringLiteral("token"), QStringLiteral("issue"), QStringLiteral("--user"),
                    QStringLiteral("dave"), QStringLiteral("--workspace"), dir.path()});
        QCOMPARE(issued.exitCode, 0);
        QVERIFY2(issued.err.isEmpty(), qPrintable(issued.err)); // serve made the key already
        m_printed << issued.out << issued.err;
        const auto verified = auth::verifyJwt(
            issued.out.trimmed().toLatin1(), *served,
            {QStringLiteral("https://auth.shop.test"), {QStringLiteral("orders")}, 0, 0});
        QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
        QCOMPARE(verified->claims.value(QStringLiteral("sub")).toString(), QStringLiteral("dave"));

        serve.terminate();
        QVERIFY(serve.waitForFinished(30000));
        m_printed << QString::fromUtf8(serve.readAllStandardOutput())
                  << QString::fromUtf8(serve.readAllStandardError());
        // Check this workspace's key too.
        const QByteArray pem = swb::test::readFile(key);
        for (const QByteArray& line : pem.split('\n'))
            if (!line.startsWith("-----") && line.size() >= 16)
                for (const QString& printed : std::as_const(m_printed))
                    QVERIFY(!printed.contains(QString::fromLatin1(line.left(16))));
    }

    void neverPrintsThePrivateKey()
    {
        const QByteArray pem = swb::test::readFile(keyPath());
        QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
        QByteArray body;
        for (const QByteArray& line : pem.split('\n'))
            if (!line.startsWith("-----"))
                body += line.trimmed();
        QVERIFY(body.size() > 1000);
        const QByteArray der = QByteArray::fromBase64(body);
        const QByteArray url = der.toBase64(QByteArray::Base64UrlEncoding);
        QVERIFY(!m_printed.isEmpty());
        const QString all = m_printed.join(QLatin1Char('\n'));
        // Any 16 characters of the key's base64 (or base64url), at any offset on its lines.
        for (qsizetype i = 0; i + 16 <= body.size(); i += 8) {
            QVERIFY(!all.contains(QString::fromLatin1(body.mid(i, 16))));
            QVERIFY(!all.contains(QString::fromLatin1(url.mid(i, 16))));
        }
        QVERIFY(!all.contains(QStringLiteral("PRIVATE KEY")));
    }
};

QTEST_MAIN(tst_SwbToken)
#include "tst_SwbToken.moc"
