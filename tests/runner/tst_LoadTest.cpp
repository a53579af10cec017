// labels: integration
// A load test through a real runner: the pattern's requests are sent for the duration, every
// result comes back with its second, and stop() stops sending.
#include "LoadTest.h"
#include "Runner.h"
#include "RuntimeFiles.h"

#include "TestFiles.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

class tst_LoadTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sendsThePatternForTheDurationColdThenWarm();
    void stopStopsSendingAndDrains();
    void refusesBadOptions();

private:
    QTemporaryDir* m_dir = nullptr;
    Runner* m_runner = nullptr;
};

void tst_LoadTest::initTestCase()
{
    qRegisterMetaType<InvocationRecord>();
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
}

void tst_LoadTest::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("code/app.py"),
                            "def ok(event, context):\n    return 1\n"));
    Workspace ws;
    ws.folder = m_dir->path();
    FunctionSpec f;
    f.name = QStringLiteral("ok");
    f.runtime = QStringLiteral("python3.11");
    f.handler = QStringLiteral("app.ok");
    f.codeUri = QStringLiteral("code");
    ws.functions.append(f);
    const auto runtimes = RuntimeFiles::materialize(m_dir->filePath(QStringLiteral("runtimes")));
    QVERIFY(runtimes);
    RunnerOptions options;
    options.runtimeFolder = *runtimes;
    options.temporaryRoot = m_dir->path();
    m_runner = new Runner(ws, options);
}

void tst_LoadTest::cleanup()
{
    delete m_runner;
    delete m_dir;
}

void tst_LoadTest::sendsThePatternForTheDurationColdThenWarm()
{
    LoadTest load(*m_runner);
    QSignalSpy results(&load, &LoadTest::invocationFinished);
    QSignalSpy finished(&load, &LoadTest::finished);
    LoadTestOptions o;
    o.function = QStringLiteral("ok");
    o.ratePerSecond = 20;
    o.durationSeconds = 1.5; // constant spacing: 30 requests, in seconds 0 and 1
    QVERIFY(load.start(o));
    QVERIFY(load.isRunning());
    QVERIFY(finished.wait(30000));
    QCOMPARE(load.sentCount(), 30);
    QCOMPARE(results.size(), 30);
    int cold = 0;
    QSet<int> seconds;
    for (const auto& args : results) {
        cold += args.at(0).value<InvocationRecord>().coldStart ? 1 : 0;
        seconds.insert(args.at(1).toInt());
    }
    QVERIFY(cold >= 1);
    QVERIFY2(cold < 30, "later requests find warm instances");
    QCOMPARE(seconds, (QSet<int>{0, 1}));
    QVERIFY(!load.isRunning());
}

void tst_LoadTest::stopStopsSendingAndDrains()
{
    LoadTest load(*m_runner);
    QSignalSpy finished(&load, &LoadTest::finished);
    LoadTestOptions o;
    o.function = QStringLiteral("ok");
    o.ratePerSecond = 50;
    o.durationSeconds = 60;
    QVERIFY(load.start(o));
    QTRY_VERIFY_WITH_TIMEOUT(load.sentCount() >= 5, 20000);
    load.stop();
    QVERIFY(finished.size() == 1 || finished.wait(20000));
    const int sent = load.sentCount();
    QVERIFY(sent < 60 * 50);
    QTest::qWait(300); // nothing more is sent after stop (a wait to see nothing happen)
    QCOMPARE(load.sentCount(), sent);
    QVERIFY(!load.isRunning());
}

void tst_LoadTest::refusesBadOptions()
{
    LoadTest load(*m_runner);
    LoadTestOptions o;
    o.function = QStringLiteral("nope");
    QVERIFY(!load.start(o));
    o.function = QStringLiteral("ok");
    o.ratePerSecond = 0;
    QVERIFY(!load.start(o));
    o.ratePerSecond = 5;
    o.durationSeconds = 99999;
    QVERIFY(!load.start(o));
    QCOMPARE(load.sentCount(), 0);
}

QTEST_GUILESS_MAIN(tst_LoadTest)
#include "tst_LoadTest.moc"
