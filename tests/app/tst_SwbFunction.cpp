// labels: integration
// swb function new/rename/delete: a function from each template runs on the local runner.
#include "SwbProcess.h"
#include "TestFiles.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = swb::test::SwbRun;
using swb::test::runSwb;

} // namespace

class tst_SwbFunction : public QObject {
    Q_OBJECT
private slots:
    void newFunctionRunsOnTheRunner_data();
    void newFunctionRunsOnTheRunner();
    void renameThenDelete();
    void badUsage();
};

void tst_SwbFunction::newFunctionRunsOnTheRunner_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("program"); // what the template needs on this machine
    QTest::addColumn<QString>("expected");
    QTest::newRow("python") << "python3.11"
                            << "python3"
                            << "Hello, Ada!";
    QTest::newRow("node") << "nodejs20.x"
                          << "node"
                          << "Hello, Ada!";
    QTest::newRow("provided") << "provided.al2023"
                              << "curl"
                              << "Hello from a custom runtime!";
}

void tst_SwbFunction::newFunctionRunsOnTheRunner()
{
    QFETCH(QString, runtime);
    QFETCH(QString, program);
    QFETCH(QString, expected);
    if (QStandardPaths::findExecutable(program).isEmpty())
        QSKIP(qPrintable(program + QStringLiteral(" is not installed")));
    QTemporaryDir dir;
    QVERIFY(
        swb::test::writeFile(dir.path(), QStringLiteral("workbench.json"), R"({"functions": []})"));
    Run r =
        runSwb({QStringLiteral("function"), QStringLiteral("new"), QStringLiteral("greet"),
                QStringLiteral("--runtime"), runtime, QStringLiteral("--workspace"), dir.path()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Created \"greet\"")), qPrintable(r.out));
    r = runSwb({QStringLiteral("invoke"), QStringLiteral("greet"), QStringLiteral("--workspace"),
                dir.path(), QStringLiteral("--event"), QStringLiteral("hello")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(expected), qPrintable(r.out));
    r = runSwb({QStringLiteral("validate"), dir.path()});
    QCOMPARE(r.exitCode, 0);
}

void tst_SwbFunction::renameThenDelete()
{
    QTemporaryDir dir;
    QVERIFY(
        swb::test::writeFile(dir.path(), QStringLiteral("workbench.json"), R"({"functions": []})"));
    QCOMPARE(runSwb({QStringLiteral("function"), QStringLiteral("new"), QStringLiteral("a"),
                     QStringLiteral("--workspace"), dir.path()})
                 .exitCode,
             0);
    Run r = runSwb({QStringLiteral("function"), QStringLiteral("rename"), QStringLiteral("a"),
                    QStringLiteral("b"), QStringLiteral("--workspace"), dir.path()});
    QCOMPARE(r.exitCode, 0);
    r = runSwb({QStringLiteral("functions"), dir.path()});
    QVERIFY2(r.out.contains(QStringLiteral("\nb ")), qPrintable(r.out));
    r = runSwb({QStringLiteral("function"), QStringLiteral("delete"), QStringLiteral("b"),
                QStringLiteral("--workspace"), dir.path()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("still there")));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("a/app.py"))));
    r = runSwb({QStringLiteral("function"), QStringLiteral("delete"), QStringLiteral("b"),
                QStringLiteral("--workspace"), dir.path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no function \"b\"")), qPrintable(r.err));
}

void tst_SwbFunction::badUsage()
{
    QCOMPARE(runSwb({QStringLiteral("function")}).exitCode, 2);
    QCOMPARE(runSwb({QStringLiteral("function"), QStringLiteral("explode"), QStringLiteral("x")})
                 .exitCode,
             2);
    QCOMPARE(runSwb({QStringLiteral("function"), QStringLiteral("rename"), QStringLiteral("x")})
                 .exitCode,
             2);
}

QTEST_GUILESS_MAIN(tst_SwbFunction)
#include "tst_SwbFunction.moc"
