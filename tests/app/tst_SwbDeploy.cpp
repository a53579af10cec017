// swb deploy / logs / providers / serve --stage as a user runs them: stage a function locally,
// serve the staged copy while the workspace changes, read its logs, and get clear errors for
// what cannot work.
#include "SwbProcess.h"
#include "TestFiles.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using swb::test::runSwb;

namespace {

QByteArray httpGet(quint16 port, const QByteArray& path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    (void)QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState ||
                   (answer.contains("\r\n\r\n") && answer.contains("}"));
        },
        30000);
    return answer;
}

} // namespace

class tst_SwbDeploy : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString ws() const { return m_dir.filePath(QStringLiteral("ws")); }

private slots:
    void init()
    {
        QDir(ws()).removeRecursively();
        QVERIFY(swb::test::writeFile(
            ws(), QStringLiteral("workbench.json"),
            R"({"name": "demo", "functions": [{"name": "hello", "runtime": "python3.12",
                "handler": "app.handler", "codeUri": "hello",
                "triggers": [{"type": "http", "method": "GET", "path": "/hello"}]}],
                "deployTargets": [{"name": "prod", "provider": "aws", "region": "eu-west-1"}]})"));
        QVERIFY(
            swb::test::writeFile(ws(), QStringLiteral("hello/app.py"),
                                 "def handler(event, context):\n    print('staged handler ran')\n"
                                 "    return {'statusCode': 200, 'body': 'version one'}\n"));
    }

    void stageServeAndReadLogs()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is not installed");
        auto deployed = runSwb({"deploy", "hello", "--provider", "local", "--target", "rehearsal",
                                "--workspace", ws()});
        QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.out + deployed.err));
        QVERIFY(deployed.out.contains("Deployed hello: version 1"));
        QVERIFY(deployed.out.contains("commit: none")); // not a git repository, said so
        // The workspace moves on; the stage keeps what was deployed.
        QVERIFY(swb::test::writeFile(ws(), QStringLiteral("hello/app.py"),
                                     "def handler(event, context):\n    return {'statusCode': 200, "
                                     "'body': 'version two'}\n"));
        QProcess serve;
        serve.start(QStringLiteral(SWB_CLI_PATH),
                    {"serve", "--workspace", ws(), "--stage", "rehearsal", "--port", "0"});
        QVERIFY(serve.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return serve.canReadLine(); }, 30000));
        const QString first = QString::fromUtf8(serve.readLine()).trimmed();
        const quint16 port = quint16(first.section(QLatin1Char(':'), -1).toUInt());
        QVERIFY2(port > 0, qPrintable(first));
        const QByteArray answer = httpGet(port, "/hello");
        QVERIFY2(answer.contains("version one"), answer.constData());
        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));

        auto logs = runSwb({"logs", "hello", "--provider", "local", "--target", "rehearsal",
                            "--since", "10m", "--workspace", ws()});
        QVERIFY2(logs.exitCode == 0, qPrintable(logs.err));
        QVERIFY2(logs.out.contains("staged handler ran"), qPrintable(logs.out));
        QCOMPARE(logs.out.count("staged handler ran"), 1);

        auto json = runSwb({"deploy", "hello", "--provider", "local", "--target", "rehearsal",
                            "--workspace", ws(), "--json"});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value("outcome").toString(), QStringLiteral("succeeded"));
        QCOMPARE(o.value("version").toString(), QStringLiteral("2")); // the code changed
        QVERIFY(!o.value("codeUnchanged").toBool());
    }

    void clearErrorsForWhatCannotWork()
    {
        auto noWhere = runSwb({"deploy", "hello", "--workspace", ws()});
        QCOMPARE(noWhere.exitCode, 1);
        QVERIFY2(noWhere.err.contains("--provider"), qPrintable(noWhere.err));
        auto unknownTarget =
            runSwb({"deploy", "hello", "--target", "staging", "--workspace", ws()});
        QCOMPARE(unknownTarget.exitCode, 1);
        QVERIFY2(unknownTarget.err.contains("prod"),
                 qPrintable(unknownTarget.err)); // lists targets
        auto unknownProvider =
            runSwb({"deploy", "hello", "--provider", "heroku", "--workspace", ws()});
        QCOMPARE(unknownProvider.exitCode, 1);
        QVERIFY(unknownProvider.err.contains("aws, azure, gcp, openwhisk, local"));
        auto noFunction = runSwb({"deploy", "nope", "--provider", "local", "--workspace", ws()});
        QCOMPARE(noFunction.exitCode, 1);
        QVERIFY(noFunction.err.contains("no function \"nope\""));
        auto nothingStaged =
            runSwb({"serve", "--workspace", ws(), "--stage", "empty", "--port", "0"});
        QCOMPARE(nothingStaged.exitCode, 1);
        QVERIFY(nothingStaged.err.contains("swb deploy FUNCTION --provider local --target empty"));
        auto badSince = runSwb({"logs", "hello", "--provider", "local", "--since", "yesterday-ish",
                                "--workspace", ws()});
        QCOMPARE(badSince.exitCode, 2);
    }

    void providersCheckSaysWhatItFound()
    {
        auto check =
            runSwb({"providers", "check", "--provider", "local", "--workspace", ws(), "--json"});
        QCOMPARE(check.exitCode, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(check.out.toUtf8());
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().at(0).toObject().value("ok").toBool(), true);
        QCOMPARE(doc.array().at(0).toObject().value("credentials").toString(),
                 QStringLiteral("no credentials needed"));
    }
};

QTEST_GUILESS_MAIN(tst_SwbDeploy)
#include "tst_SwbDeploy.moc"
