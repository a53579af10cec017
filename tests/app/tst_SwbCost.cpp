// labels: integration
// swb cost as a user runs it: typed usage, providers side by side, the example's scenarios,
// measured durations, sweeps, break-even, price sources, and bad input.
#include "SwbProcess.h"
#include "TestFiles.h"

#include <QDir>
#include <QFile>
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

QStringList args(const char* text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

const QString kExample = QStringLiteral(SWB_SOURCE_DIR "/examples/hello-python");

} // namespace

class tst_SwbCost : public QObject {
    Q_OBJECT
private slots:
    void awsPricingPageExampleWithFreeTier();
    void jsonHasExactAmountsAndSources();
    void providersSideBySide();
    void workspaceScenariosCompared();
    void unknownScenarioListsTheKnownOnes();
    void measuredDurationsComeFromTheHistory();
    void sweepPrintsOneRowPerSize();
    void breakEvenAgainstAServer();
    void pricesSayWhereEachNumberComesFrom();
    void workspaceOverrideChangesAPrice();
    void badInput_data();
    void badInput();
};

// AWS Lambda pricing page: 3 million requests a month, 512 MB, 1 second each, free tier
// applied: 1,100,000 billable GB-s × $0.0000166667 = $18.33, plus 2 million requests × $0.20
// per million = $0.40: $18.73 (https://aws.amazon.com/lambda/pricing/).
void tst_SwbCost::awsPricingPageExampleWithFreeTier()
{
    const Run r = runSwb(args("cost --provider aws --memory 512 --invocations 3000000 "
                              "--duration-ms 1000 --free-tier"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Total")) && r.out.contains(QStringLiteral("18.73")),
             qPrintable(r.out));
}

void tst_SwbCost::jsonHasExactAmountsAndSources()
{
    const Run r = runSwb(args("cost --memory 512 --invocations 3000000 --duration-ms 1000 "
                              "--cold-share 0.01 --init-ms 300 --json"));
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(r.out));
    QCOMPARE(o.value(QStringLiteral("provider")).toString(), QStringLiteral("aws"));
    const QJsonArray lines = o.value(QStringLiteral("lines")).toArray();
    QVERIFY(lines.size() >= 3);
    bool sawInit = false;
    for (const QJsonValue& v : lines) {
        const QJsonObject line = v.toObject();
        if (line.value(QStringLiteral("kind")).toString() == QLatin1String("init"))
            sawInit = true;
    }
    QVERIFY2(sawInit, qPrintable(r.out)); // the cost of cold starts is its own line
    QVERIFY2(r.out.contains(QStringLiteral("https://aws.amazon.com/lambda/pricing")),
             qPrintable(r.out));
}

void tst_SwbCost::providersSideBySide()
{
    const Run r = runSwb(args("cost --provider aws,azure,gcp --memory 512 --invocations 3000000 "
                              "--duration-ms 1000"));
    QCOMPARE(r.exitCode, 0);
    const QStringList rows = r.out.split(QLatin1Char('\n'));
    QVERIFY2(rows.first().contains(QStringLiteral("aws")) &&
                 rows.first().contains(QStringLiteral("azure")) &&
                 rows.first().contains(QStringLiteral("gcp")),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("Total per month")));
    QVERIFY(r.out.contains(QStringLiteral("Cheapest: ")));
}

void tst_SwbCost::workspaceScenariosCompared()
{
    const Run r = runSwb(QStringList{QStringLiteral("cost"), QStringLiteral("--workspace"),
                                     kExample, QStringLiteral("--compare"),
                                     QStringLiteral("aws-x86,aws-arm,gcp-gen2")});
    QCOMPARE(r.exitCode, 0);
    for (const char* name : {"aws-x86", "aws-arm", "gcp-gen2", "Cold-start init"})
        QVERIFY2(r.out.contains(QLatin1String(name)), qPrintable(r.out));
}

void tst_SwbCost::unknownScenarioListsTheKnownOnes()
{
    const Run r =
        runSwb(QStringList{QStringLiteral("cost"), QStringLiteral("--workspace"), kExample,
                           QStringLiteral("--scenario"), QStringLiteral("nope")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no scenario \"nope\"; it has: aws-x86, aws-arm")),
             qPrintable(r.err));
}

void tst_SwbCost::measuredDurationsComeFromTheHistory()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
    QTemporaryDir dir;
    QVERIFY(swb::test::writeFile(
        dir.path(), QStringLiteral("workbench.json"),
        R"({"functions": [{"name": "f", "runtime": "python3.11", "handler": "app.handler",
             "memoryMb": 256}]})"));
    QVERIFY(swb::test::writeFile(dir.path(), QStringLiteral("app.py"),
                                 "def handler(e, c):\n    return 1\n"));
    // Nothing measured yet: a clear error that says what to run.
    Run r = runSwb({QStringLiteral("cost"), QStringLiteral("--workspace"), dir.path(),
                    QStringLiteral("--measured"), QStringLiteral("f"),
                    QStringLiteral("--invocations"), QStringLiteral("1000000")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("swb invoke f")), qPrintable(r.err));

    r = runSwb({QStringLiteral("invoke"), QStringLiteral("f"), QStringLiteral("--workspace"),
                dir.path(), QStringLiteral("--repeat"), QStringLiteral("4")});
    QCOMPARE(r.exitCode, 0);
    r = runSwb({QStringLiteral("cost"), QStringLiteral("--workspace"), dir.path(),
                QStringLiteral("--measured"), QStringLiteral("f"), QStringLiteral("--invocations"),
                QStringLiteral("1000000"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY2(!o.isEmpty(), qPrintable(r.out + r.err));
    // One cold start in four measured: its init is billed on its own line.
    bool sawInit = false;
    for (const QJsonValue& v : o.value(QStringLiteral("lines")).toArray())
        sawInit = sawInit || v.toObject().value(QStringLiteral("kind")).toString() == "init";
    QVERIFY2(sawInit, qPrintable(r.out));
    r = runSwb({QStringLiteral("cost"), QStringLiteral("--workspace"), dir.path(),
                QStringLiteral("--measured"), QStringLiteral("f"), QStringLiteral("--invocations"),
                QStringLiteral("1000000")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(QStringLiteral("measured f: 4 invocations, cold-start share 0.2500")),
             qPrintable(r.err));
}

void tst_SwbCost::sweepPrintsOneRowPerSize()
{
    const Run r = runSwb(args("cost --memory 256 --invocations 10000000 --duration-ms 800 "
                              "--sweep 128..1024:128"));
    QCOMPARE(r.exitCode, 0);
    for (int mb = 128; mb <= 1024; mb += 128)
        QVERIFY2(r.out.contains(QStringLiteral("%1 MB").arg(mb)), qPrintable(r.out));
    QCOMPARE(r.out.count(QStringLiteral("<- cheapest")), 1);
    const Run json = runSwb(args("cost --memory 256 --invocations 10000000 --duration-ms 800 "
                                 "--sweep 128..1024:128 --json"));
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())
                 .object()
                 .value(QStringLiteral("points"))
                 .toArray()
                 .size(),
             8);
}

void tst_SwbCost::breakEvenAgainstAServer()
{
    const Run r = runSwb(args("cost --memory 256 --per-second 20 --duration-ms 120 "
                              "--break-even --server aws.t3.small --json"));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("serverId")).toString(), QStringLiteral("aws.t3.small"));
    QVERIFY2(o.value(QStringLiteral("invocationsPerMonth")).toDouble() > 1e6, qPrintable(r.out));
    const Run unknown = runSwb(args("cost --memory 256 --per-second 20 --duration-ms 120 "
                                    "--break-even --server aws.z9.huge"));
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("aws.z9.huge")), qPrintable(unknown.err));
}

void tst_SwbCost::pricesSayWhereEachNumberComesFrom()
{
    const Run r = runSwb(args("cost --prices --provider aws"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("lambda.requests")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("https://")));
    QVERIFY(!r.out.contains(QStringLiteral("azure ")));
}

void tst_SwbCost::workspaceOverrideChangesAPrice()
{
    QTemporaryDir dir;
    QVERIFY(
        swb::test::writeFile(dir.path(), QStringLiteral("workbench.json"), R"({"functions": []})"));
    const Run before =
        runSwb({QStringLiteral("cost"), QStringLiteral("--workspace"), dir.path(),
                QStringLiteral("--prices"), QStringLiteral("--provider"), QStringLiteral("aws")});
    QCOMPARE(before.exitCode, 0);
    QVERIFY(!before.out.contains(QStringLiteral("override")));
    // pricing.json beside workbench.json replaces one price (format: docs/cost.md), and the
    // price list says where it now comes from.
    QVERIFY(swb::test::writeFile(
        dir.path(), QStringLiteral("pricing.json"),
        R"({"prices": [{"provider": "aws", "id": "lambda.requests", "price": "0.25"}]})"));
    const Run overridden =
        runSwb({QStringLiteral("cost"), QStringLiteral("--workspace"), dir.path(),
                QStringLiteral("--memory"), QStringLiteral("128"), QStringLiteral("--invocations"),
                QStringLiteral("4000000"), QStringLiteral("--duration-ms"), QStringLiteral("10"),
                QStringLiteral("--json")});
    QCOMPARE(overridden.exitCode, 0);
    const QJsonObject first = QJsonDocument::fromJson(overridden.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("lines"))
                                  .toArray()
                                  .first()
                                  .toObject();
    QCOMPARE(first.value(QStringLiteral("amount")).toString(), QStringLiteral("1.00")); // 4 × 0.25
    const Run listed =
        runSwb({QStringLiteral("cost"), QStringLiteral("--workspace"), dir.path(),
                QStringLiteral("--prices"), QStringLiteral("--provider"), QStringLiteral("aws")});
    QVERIFY2(
        listed.out.contains(QStringLiteral("override %1 at /prices/0")
                                .arg(QDir(dir.path()).filePath(QStringLiteral("pricing.json")))),
        qPrintable(listed.out));
    // A broken file is an error that names it, and nothing is priced from it.
    QVERIFY(swb::test::writeFile(dir.path(), QStringLiteral("pricing.json"), "{ not json"));
    const Run broken =
        runSwb({QStringLiteral("cost"), QStringLiteral("--workspace"), dir.path(),
                QStringLiteral("--memory"), QStringLiteral("128"), QStringLiteral("--invocations"),
                QStringLiteral("1000"), QStringLiteral("--duration-ms"), QStringLiteral("10")});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains(QStringLiteral("pricing.json")), qPrintable(broken.err));
}

void tst_SwbCost::badInput_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("message");
    QTest::newRow("memory not a number") << "cost --memory abc --invocations 1 --duration-ms 1"
                                         << "--memory needs MB";
    QTest::newRow("no duration") << "cost --invocations 1"
                                 << "--duration-ms is needed";
    QTest::newRow("no volume") << "cost --duration-ms 5"
                               << "--invocations (per month)";
    QTest::newRow("both volumes") << "cost --invocations 1 --per-second 1 --duration-ms 5"
                                  << "not both";
    QTest::newRow("cold share alone") << "cost --invocations 1 --duration-ms 5 --cold-share 0.1"
                                      << "go together";
    QTest::newRow("cold share above 1")
        << "cost --invocations 1 --duration-ms 5 --cold-share 2 --init-ms 100"
        << "--cold-share needs a share from 0 to 1";
    QTest::newRow("unknown provider") << "cost --provider nimbus --invocations 1 --duration-ms 5"
                                      << "unknown provider \"nimbus\"";
    QTest::newRow("bad sweep") << "cost --invocations 1 --duration-ms 5 --sweep 128-512"
                               << "--sweep takes FROM..TO";
    QTest::newRow("bad arch") << "cost --invocations 1 --duration-ms 5 --arch sparc"
                              << "--arch is x86_64 or arm64";
    QTest::newRow("positional") << "cost hello"
                                << "no positional arguments";
}

void tst_SwbCost::badInput()
{
    QFETCH(QString, commandLine);
    QFETCH(QString, message);
    const Run r = runSwb(commandLine.split(QLatin1Char(' ')));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_SwbCost)
#include "tst_SwbCost.moc"
