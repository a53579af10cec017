// labels: integration
// The providers issue's "done when" for OpenWhisk, Google Cloud and Azure, as a user runs it:
// `swb deploy` against each platform's strict test server creates the function, deploys the
// same code again as "unchanged", and `swb logs --tail` shows the platform's lines, each once;
// no key, password or private key reaches swb's output. (AWS: tst_SwbDeployAws.)
#include "../providers/azure/FakeKudu.h"
#include "../providers/gcp/FakeGcp.h"
#include "../providers/openwhisk/FakeOpenWhisk.h"
#include "TestFiles.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

const char* kWorkspace = R"({"name": "shop", "functions": [
    {"name": "orders", "runtime": "python3.12", "handler": "app.handler", "codeUri": "orders",
     "memoryMb": 256,
     "triggers": [{"type": "http", "method": "GET", "path": "/orders"}]}],
  "deployTargets": [
    {"name": "g", "provider": "gcp", "region": "us-central1", "credentials": "secrets/key.json"},
    {"name": "az", "provider": "azure", "app": "orders-app",
     "publishProfile": "secrets/orders-app.PublishSettings"}]})";

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class tst_SwbDeployPlatforms : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString ws() const { return m_dir.filePath(QStringLiteral("ws")); }
    QString home() const { return m_dir.filePath(QStringLiteral("home")); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home());
        env.insert(QStringLiteral("SWB_NO_KEYCHAIN"), QStringLiteral("1"));
        for (const char* name : {"WSK_CONFIG_FILE", "GOOGLE_APPLICATION_CREDENTIALS",
                                 "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"})
            env.remove(QString::fromLatin1(name));
        return env;
    }
    // swb runs as a child while this process's event loop serves the fakes.
    Run run(const QStringList& args) const
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(SWB_CLI_PATH), args);
        Run r;
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 90000)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("swb did not finish");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    // Follows the logs until `expect` has been printed, then stops swb as Ctrl+C would.
    QString tail(const QStringList& args, const QString& expect,
                 const std::function<void()>& more = {}, const QString& expectMore = {}) const
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(SWB_CLI_PATH), args);
        QString out;
        auto seen = [&](const QString& text) {
            return QTest::qWaitFor(
                       [&] {
                           out += QString::fromUtf8(p.readAllStandardOutput());
                           return out.contains(text) || p.state() == QProcess::NotRunning;
                       },
                       30000) &&
                   out.contains(text);
        };
        if (seen(expect) && more) {
            more();
            seen(expectMore);
        }
        p.terminate();
        (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 10000);
        out += QString::fromUtf8(p.readAllStandardOutput());
        return out + QString::fromUtf8(p.readAllStandardError());
    }
    void deployTwice(const QStringList& where, const QStringList& secrets)
    {
        const QStringList deploy = QStringList{"deploy", "orders", "--workspace", ws()} + where;
        const Run first = run(deploy);
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        QVERIFY(first.out.contains(QStringLiteral("Deployed orders")));
        const Run second = run(deploy);
        QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
        QVERIFY2(second.out.contains(QStringLiteral("code unchanged")), qPrintable(second.out));
        for (const QString& secret : secrets)
            QVERIFY(!(first.out + first.err + second.out + second.err).contains(secret));
    }

private slots:
    void init()
    {
        QDir(ws()).removeRecursively();
        QDir(home()).removeRecursively();
        QVERIFY(test::writeFile(ws(), QStringLiteral("workbench.json"), kWorkspace));
        QVERIFY(test::writeFile(ws(), QStringLiteral("orders/app.py"),
                                "def handler(event, context):\n    return {'statusCode': 200}\n"));
        QVERIFY(QDir().mkpath(home()));
    }

    void openWhisk()
    {
        swb::test::FakeOpenWhisk fake;
        QVERIFY(fake.listen());
        QVERIFY(test::writeFile(home(), QStringLiteral(".wskprops"),
                                QStringLiteral("APIHOST=%1\nAUTH=%2\nNAMESPACE=guest\n")
                                    .arg(fake.host(), fake.key)
                                    .toUtf8()));
        deployTwice({"--provider", "openwhisk"}, {fake.key.section(':', 1)});
        QVERIFY(fake.actions.contains(QStringLiteral("orders")));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto stamp = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
        };
        fake.addActivation("orders", "a1", now - 3000, {stamp(now - 3000) + " stdout: first line"});
        const QString out = tail(
            {"logs", "orders", "--provider", "openwhisk", "--since", "1m", "--tail", "--workspace",
             ws()},
            "first line",
            [&] {
                const qint64 t = QDateTime::currentMSecsSinceEpoch();
                fake.addActivation("orders", "a2", t, {stamp(t) + " stdout: second line"});
            },
            "second line");
        QVERIFY2(out.contains("second line"), qPrintable(out));
        QCOMPARE(out.count("first line"), 1);
        QVERIFY(!out.contains(fake.key.section(':', 1)));
    }

    void googleCloud()
    {
        swb::test::FakeGcp fake; // listens from the start
        QVERIFY(test::writeFile(ws(), QStringLiteral("secrets/key.json"), fake.keyJson()));
        deployTwice({"--target", "g", "--endpoint-url", fake.endpoint()},
                    {fake.privateKey().section('\n', 1, 1)});
        fake.addLog("orders", "log-1", QDateTime::currentDateTimeUtc().addSecs(-5), "first entry");
        const QString out = tail(
            {"logs", "orders", "--target", "g", "--endpoint-url", fake.endpoint(), "--since", "1m",
             "--tail", "--workspace", ws()},
            "first entry",
            [&] {
                fake.addLog("orders", "log-2", QDateTime::currentDateTimeUtc(), "second entry");
            },
            "second entry");
        QVERIFY2(out.contains("second entry"), qPrintable(out));
        QCOMPARE(out.count("first entry"), 1);
    }

    void azure()
    {
        FakeKudu fake;
        QVERIFY(fake.listen());
        QVERIFY(test::writeFile(
            ws(), QStringLiteral("secrets/orders-app.PublishSettings"),
            QStringLiteral(
                "<publishData><publishProfile profileName=\"orders-app - Zip Deploy\" "
                "publishMethod=\"ZipDeploy\" publishUrl=\"orders-app.scm.azurewebsites.net:443\" "
                "userName=\"%1\" userPWD=\"%2\" "
                "destinationAppUrl=\"https://orders-app.azurewebsites.net\" />"
                "</publishData>")
                .arg(fake.userName, fake.password)
                .toUtf8()));
        deployTwice({"--target", "az", "--endpoint-url", fake.url()}, {fake.password});
        // Lines of a few seconds ago: the tail starts ten minutes back, so a fixed date would
        // fall out of it once the clock passes it.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto stamp = [&](int secondsAgo) {
            return now.addSecs(-secondsAgo).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
        };
        fake.logLines = {stamp(5) + QStringLiteral("  [Information] Executing 'Functions.orders'"),
                         stamp(4) + QStringLiteral("  [Information] Executed 'Functions.orders'")};
        const QString out = tail({"logs", "orders", "--target", "az", "--endpoint-url", fake.url(),
                                  "--tail", "--workspace", ws()},
                                 "Executed 'Functions.orders'");
        QVERIFY2(out.contains("Executing 'Functions.orders'"), qPrintable(out));
        QCOMPARE(out.count("Executing 'Functions.orders'"), 1);
        QVERIFY(!out.contains(fake.password));
    }
};

QTEST_GUILESS_MAIN(tst_SwbDeployPlatforms)
#include "tst_SwbDeployPlatforms.moc"
