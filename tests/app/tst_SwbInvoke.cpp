// labels: integration
// swb invoke and swb load as a user runs them on the shipped example.
#include "SwbProcess.h"
#include "TestFiles.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = swb::test::SwbRun;
using swb::test::runSwb;

const QString kExample = QStringLiteral(SWB_SOURCE_DIR "/examples/hello-python");

} // namespace

class tst_SwbInvoke : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void repeatShowsOneColdThenWarmWithReportLines();
    void singleInvokePrintsResponse();
    void jsonPrintsOneRecordPerInvocation();
    void failedFunctionExitsOne();
    void unknownFunctionNamesTheChoices();
    void loadReportsPerSecondAndSummary();
    void loadRejectsBadRate();
    void statsShowsRecordedInvocations();
};

void tst_SwbInvoke::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
}

void tst_SwbInvoke::repeatShowsOneColdThenWarmWithReportLines()
{
    const Run r =
        runSwb({QStringLiteral("invoke"), QStringLiteral("hello"), QStringLiteral("--workspace"),
                kExample, QStringLiteral("--repeat"), QStringLiteral("3")});
    QCOMPARE(r.exitCode, 0);
    const QStringList rows = r.out.split(QLatin1Char('\n'));
    QVERIFY2(rows.at(1).contains(QStringLiteral("cold")), qPrintable(r.out));
    QVERIFY(rows.at(2).contains(QStringLiteral("warm")));
    QVERIFY(rows.at(3).contains(QStringLiteral("warm")));
    QVERIFY(r.out.contains(QStringLiteral("3 invocations: 1 cold, 2 warm, 0 failed.")));
    QCOMPARE(r.err.count(QStringLiteral("REPORT RequestId: ")), 3);
    QCOMPARE(r.err.count(QStringLiteral("Init Duration: ")), 1);
    QCOMPARE(r.err.count(QStringLiteral("START RequestId: ")), 3);
}

void tst_SwbInvoke::singleInvokePrintsResponse()
{
    const Run r =
        runSwb({QStringLiteral("invoke"), QStringLiteral("hello"), QStringLiteral("--workspace"),
                kExample, QStringLiteral("--event"), QStringLiteral("get-hello")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject response = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(response.value(QStringLiteral("statusCode")).toInt(), 200);
    QVERIFY(
        response.value(QStringLiteral("body")).toString().contains(QStringLiteral("Hello, Ada!")));
}

void tst_SwbInvoke::jsonPrintsOneRecordPerInvocation()
{
    const Run r = runSwb({QStringLiteral("invoke"), QStringLiteral("hello"),
                          QStringLiteral("--workspace"), kExample, QStringLiteral("--repeat"),
                          QStringLiteral("2"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0).toUtf8()).object();
    const QJsonObject second = QJsonDocument::fromJson(lines.at(1).toUtf8()).object();
    QCOMPARE(first.value(QStringLiteral("coldStart")).toBool(), true);
    QCOMPARE(second.value(QStringLiteral("coldStart")).toBool(), false);
    QCOMPARE(first.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QVERIFY(first.value(QStringLiteral("initDurationMs")).toDouble() > 0);
    QCOMPARE(second.value(QStringLiteral("initDurationMs")).toDouble(), 0.0);
    QCOMPARE(first.value(QStringLiteral("memorySizeMb")).toInt(), 128);
    QVERIFY(first.value(QStringLiteral("logs"))
                .toArray()
                .last()
                .toString()
                .startsWith(QStringLiteral("REPORT")));
    QCOMPARE(first.value(QStringLiteral("response"))
                 .toObject()
                 .value(QStringLiteral("statusCode"))
                 .toInt(),
             200);
}

void tst_SwbInvoke::failedFunctionExitsOne()
{
    QTemporaryDir dir;
    QVERIFY(swb::test::writeFile(
        dir.path(), QStringLiteral("workbench.json"),
        R"({"functions": [{"name": "bad", "runtime": "python3.11", "handler": "app.handler"}]})"));
    QVERIFY(swb::test::writeFile(dir.path(), QStringLiteral("app.py"),
                                 "def handler(e, c):\n    raise KeyError('k')\n"));
    const Run r = runSwb({QStringLiteral("invoke"), QStringLiteral("bad"),
                          QStringLiteral("--workspace"), dir.path()});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                 .object()
                 .value(QStringLiteral("errorType"))
                 .toString(),
             QStringLiteral("KeyError"));
    QVERIFY2(r.err.contains(QStringLiteral("swb: bad failed: function-error (Unhandled).")),
             qPrintable(r.err));
}

void tst_SwbInvoke::unknownFunctionNamesTheChoices()
{
    const Run r = runSwb({QStringLiteral("invoke"), QStringLiteral("helo"),
                          QStringLiteral("--workspace"), kExample});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("There is no function \"helo\"")) &&
                 r.err.contains(QStringLiteral("functions: hello.")),
             qPrintable(r.err));
}

void tst_SwbInvoke::loadReportsPerSecondAndSummary()
{
    const Run r =
        runSwb({QStringLiteral("load"), QStringLiteral("hello"), QStringLiteral("--workspace"),
                kExample, QStringLiteral("--rate"), QStringLiteral("20"),
                QStringLiteral("--duration"), QStringLiteral("1"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 21); // 20 records at a constant 20/s for 1 s, then the summary
    const QJsonObject summary = QJsonDocument::fromJson(lines.last().toUtf8()).object();
    QVERIFY(summary.value(QStringLiteral("summary")).toBool());
    QCOMPARE(summary.value(QStringLiteral("invocations")).toInt(), 20);
    QVERIFY(summary.value(QStringLiteral("coldStarts")).toInt() >= 1);
    QCOMPARE(summary.value(QStringLiteral("failures")).toInt(),
             summary.value(QStringLiteral("throttles")).toInt());
}

void tst_SwbInvoke::loadRejectsBadRate()
{
    const Run r = runSwb({QStringLiteral("load"), QStringLiteral("hello"), QStringLiteral("--rate"),
                          QStringLiteral("0"), QStringLiteral("--duration"), QStringLiteral("1")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("--rate needs requests per second")));
}

void tst_SwbInvoke::statsShowsRecordedInvocations()
{
    QTemporaryDir dir;
    QVERIFY(swb::test::writeFile(
        dir.path(), QStringLiteral("workbench.json"),
        R"({"functions": [{"name": "f", "runtime": "python3.11", "handler": "app.handler"}]})"));
    QVERIFY(swb::test::writeFile(dir.path(), QStringLiteral("app.py"),
                                 "def handler(e, c):\n    return 1\n"));
    QCOMPARE(
        runSwb({QStringLiteral("stats"), QStringLiteral("--workspace"), dir.path()}).out,
        QStringLiteral(
            "FUNCTION            CALLS   COLD %  ERRORS    p50 ms    p99 ms  INIT p50  BILLED ms\n"
            "(no invocations recorded yet)\n"));
    QCOMPARE(runSwb({QStringLiteral("invoke"), QStringLiteral("f"), QStringLiteral("--workspace"),
                     dir.path(), QStringLiteral("--repeat"), QStringLiteral("4")})
                 .exitCode,
             0);
    const Run r = runSwb({QStringLiteral("stats"), QStringLiteral("f"),
                          QStringLiteral("--workspace"), dir.path(), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
    QCOMPARE(s.value(QStringLiteral("invocations")).toInt(), 4);
    QCOMPARE(s.value(QStringLiteral("coldStarts")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("coldShare")).toDouble(), 0.25);
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral(".swb/history.sqlite"))));
}

QTEST_GUILESS_MAIN(tst_SwbInvoke)
#include "tst_SwbInvoke.moc"
