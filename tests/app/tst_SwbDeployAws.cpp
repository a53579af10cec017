// labels: integration
// The providers issue's "done when" for AWS, as a user runs it: `swb deploy hello --provider aws
// --endpoint-url URL` against a server that checks AWS's protocol (every request's SigV4
// signature, paths, bodies) creates then updates the function, and `swb logs --tail` shows new
// lines as they arrive, each once. No secret ever reaches swb's output or the workspace.
#include "../providers/aws/FakeAws.h"
#include "TestFiles.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using swb::test::FakeAws;

namespace {

const AwsCredentials kKeys{QStringLiteral("AKIDFAKETESTKEY00042"),
                           QStringLiteral("cliTestSecretKey/DoNotLeak+0123456789abcd"),
                           {},
                           {}};

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class tst_SwbDeployAws : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeAws> m_fake;
    QString ws() const { return m_dir.filePath(QStringLiteral("ws")); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), kKeys.accessKeyId);
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kKeys.secretAccessKey);
        env.remove(QStringLiteral("AWS_SESSION_TOKEN"));
        env.remove(QStringLiteral("AWS_PROFILE"));
        env.insert(QStringLiteral("AWS_REGION"), m_fake->region());
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home"))); // no ~/.aws
        env.insert(QStringLiteral("SWB_NO_KEYCHAIN"), QStringLiteral("1"));
        return env;
    }

    // swb runs as a child while this process's event loop serves the fake.
    void start(QProcess& p, const QStringList& args) const
    {
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(SWB_CLI_PATH), args);
    }
    Run run(const QStringList& args, int timeoutMs = 60000) const
    {
        QProcess p;
        start(p, args);
        Run r;
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
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

private slots:
    void init()
    {
        m_fake = std::make_unique<FakeAws>(kKeys, QStringLiteral("eu-west-1"));
        QVERIFY(m_fake->listen());
        QDir(ws()).removeRecursively();
        QVERIFY(test::writeFile(
            ws(), QStringLiteral("workbench.json"),
            R"({"name": "demo", "functions": [{"name": "hello", "runtime": "python3.12",
                "handler": "app.handler", "codeUri": "hello", "memoryMb": 256}],
                "deployTargets": [{"name": "prod", "provider": "aws", "region": "eu-west-1",
                 "role": "arn:aws:iam::123456789012:role/lambda-exec"}]})"));
        QVERIFY(test::writeFile(ws(), QStringLiteral("hello/app.py"),
                                "def handler(e, c):\n    return 'one'\n"));
    }

    void deployCreatesThenUpdatesThenSkips()
    {
        const QStringList deploy = {
            "deploy",           "hello",       "--target", "prod", "--endpoint-url",
            m_fake->endpoint(), "--workspace", ws()};
        const Run created = run(deploy);
        QVERIFY2(created.exitCode == 0, qPrintable(created.out + created.err));
        QVERIFY(m_fake->hasFunction(QStringLiteral("hello")));
        QVERIFY(m_fake->count(QStringLiteral("CreateFunction")) == 1);
        QVERIFY2(created.out.contains(
                     QStringLiteral("arn:aws:lambda:eu-west-1:123456789012:function:hello")),
                 qPrintable(created.out));
        QVERIFY(m_fake->signatureRejections().isEmpty());

        QVERIFY(test::writeFile(ws(), QStringLiteral("hello/app.py"),
                                "def handler(e, c):\n    return 'two'\n"));
        const Run updated = run(deploy);
        QVERIFY2(updated.exitCode == 0, qPrintable(updated.out + updated.err));
        QCOMPARE(m_fake->count(QStringLiteral("CreateFunction")), 1);
        QCOMPARE(m_fake->count(QStringLiteral("UpdateFunctionCode")), 1);

        const Run same = run(deploy);
        QVERIFY2(same.exitCode == 0, qPrintable(same.out + same.err));
        QVERIFY(same.out.contains(QStringLiteral("code unchanged")));
        QCOMPARE(m_fake->count(QStringLiteral("UpdateFunctionCode")), 1);

        // Every deploy is recorded; no secret anywhere swb wrote or printed.
        QVERIFY(
            test::readFile(ws() + QStringLiteral("/.swb/deploys.json")).count("\"succeeded\"") ==
            3);
        for (const Run& r : {created, updated, same})
            QVERIFY(!(r.out + r.err).contains(kKeys.secretAccessKey));
        QDirIterator it(ws(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY2(!test::readFile(path).contains(kKeys.secretAccessKey.toUtf8()),
                     qPrintable(path));
        }
    }

    void badKeysAreRefusedNamingTheirSource()
    {
        const AwsCredentials other{
            QStringLiteral("AKIDFAKETESTKEY00042"), QStringLiteral("theWrongSecret"), {}, {}};
        FakeAws strict(kKeys, QStringLiteral("eu-west-1"));
        QVERIFY(strict.listen());
        QProcess p;
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), other.secretAccessKey);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SWB_CLI_PATH),
                {"deploy", "hello", "--target", "prod", "--endpoint-url", strict.endpoint(),
                 "--workspace", ws()});
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000));
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("environment variables")), qPrintable(err));
        QVERIFY(!err.contains(QStringLiteral("theWrongSecret")));
        QVERIFY(test::readFile(ws() + QStringLiteral("/.swb/deploys.json")).contains("\"failed\""));
    }

    void logsTailShowsNewLinesOnce()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_fake->addLogEvent(QStringLiteral("hello"), QStringLiteral("2026/11/27/[$LATEST]a"),
                            now - 5000, QStringLiteral("START RequestId: one\n"));
        QProcess tail;
        start(tail, {"logs", "hello", "--target", "prod", "--endpoint-url", m_fake->endpoint(),
                     "--since", "1m", "--tail", "--workspace", ws()});
        QString out;
        auto seen = [&](const QString& text) {
            return QTest::qWaitFor(
                [&] {
                    out += QString::fromUtf8(tail.readAllStandardOutput());
                    return out.contains(text);
                },
                30000);
        };
        QVERIFY2(seen(QStringLiteral("START RequestId: one")), qPrintable(out));
        // A line that arrives while following shows up; the earlier one is not repeated.
        m_fake->addLogEvent(QStringLiteral("hello"), QStringLiteral("2026/11/27/[$LATEST]b"),
                            QDateTime::currentMSecsSinceEpoch(),
                            QStringLiteral("new line while tailing\n"));
        QVERIFY2(seen(QStringLiteral("new line while tailing")), qPrintable(out));
        QCOMPARE(out.count(QStringLiteral("START RequestId: one")), 1);
        tail.terminate(); // SIGTERM stops the tail like Ctrl+C
        QVERIFY(QTest::qWaitFor([&] { return tail.state() == QProcess::NotRunning; }, 10000));
        QCOMPARE(tail.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SwbDeployAws)
#include "tst_SwbDeployAws.moc"
