// swb simulate as a user runs it: the closed form e^(-lambda T) at 10^6 arrivals, --json
// fields, trace replay, and bad values that exit 2 naming the option.
#include "SwbProcess.h"
#include "TestFiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

namespace {

using Run = swb::test::SwbRun;
using swb::test::runSwb;

QJsonObject jsonOf(const Run& run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

} // namespace

class tst_SwbSimulate : public QObject {
    Q_OBJECT
private slots:
    void coldStartRatioIsExpOfMinusLambdaT();
    void jsonHasTheUsageForPricing();
    void sameSeedSameOutput();
    void replaysATrace();
    void hybridPolicyRuns();
    void pricesTheRunThroughTheCostEngine();
    void badValuesExitTwoNamingTheOption_data();
    void badValuesExitTwoNamingTheOption();
    void unknownTraceFunctionFails();
};

void tst_SwbSimulate::coldStartRatioIsExpOfMinusLambdaT()
{
    // lambda = 1/s, T = 1 s, negligible service: P(cold) = e^-1 = 0.36788, within 1% at 10^6.
    const Run run = runSwb({"simulate", "--rate", "1", "--duration", "1000000s", "--service-ms",
                            "0", "--keep-alive", "1s", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = jsonOf(run);
    QVERIFY(o.value("arrivals").toDouble() > 990000);
    const double ratio = o.value("coldStartRatio").toDouble();
    QVERIFY2(std::abs(ratio - std::exp(-1.0)) / std::exp(-1.0) < 0.01,
             qPrintable(QString::number(ratio)));
}

void tst_SwbSimulate::jsonHasTheUsageForPricing()
{
    const Run run =
        runSwb({"simulate", "--rate", "5", "--duration", "1d", "--service-ms", "120", "--init-ms",
                "400", "--keep-alive", "10m", "--cap", "100", "--memory", "512", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = jsonOf(run);
    for (const char* key :
         {"arrivals", "served", "coldStarts", "throttled", "coldStartRatio", "throttleRatio",
          "busyInstanceMs", "idleInstanceMs", "initMsTotal", "serviceMsTotal", "meanInstances",
          "maxInstances", "memoryMb", "latency", "simulatedMs"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value("memoryMb").toInt(), 512);
    QCOMPARE(o.value("simulatedMs").toDouble(), 86400000.0);
    // About 5 * 86400 arrivals; Little: 5/s * 0.12 s = 0.6 busy.
    QVERIFY(std::abs(o.value("arrivals").toDouble() - 432000) < 432000 * 0.01);
    QVERIFY(std::abs(o.value("meanBusyInstances").toDouble() - 0.6) < 0.01);
    const QJsonObject latency = o.value("latency").toObject();
    QVERIFY(std::abs(latency.value("p50Ms").toDouble() - 120) < 1.2);
    QCOMPARE(latency.value("maxMs").toDouble(), 520.0);
    // Full precision, not 6 digits.
    QVERIFY(
        run.out.contains(QRegularExpression(QStringLiteral("\"coldStartRatio\": 0\\.\\d{8,}"))));
}

void tst_SwbSimulate::sameSeedSameOutput()
{
    const QStringList args{"simulate",  "--rate",       "20", "--duration", "2h", "--service",
                           "lognormal", "--service-ms", "80", "--seed",     "9",  "--json"};
    QJsonObject a = jsonOf(runSwb(args));
    QJsonObject b = jsonOf(runSwb(args));
    a.remove("wallSeconds");
    b.remove("wallSeconds");
    QVERIFY(!a.isEmpty());
    QCOMPARE(a, b);
}

void tst_SwbSimulate::replaysATrace()
{
    const QString trace =
        swb::test::fixturePath(QStringLiteral("sim/invocations_per_function_md.anon.d01.csv"));
    const Run run =
        runSwb({"simulate", "--trace", trace, "--function",
                "f2ee30c5d9ef8452fdeaa7a801e129d64dbf7f26984d0aa751713e3462e8f474", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = jsonOf(run);
    QCOMPARE(o.value("arrivals").toDouble(), 14400.0); // the row's sum
    QCOMPARE(o.value("simulatedMs").toDouble(), 86400000.0);
}

void tst_SwbSimulate::hybridPolicyRuns()
{
    const Run run = runSwb({"simulate", "--rate", "0.000555555555555556", "--arrivals", "periodic",
                            "--duration", "30d", "--policy", "hybrid"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("hybrid histogram: pre-warm")));
    QVERIFY(run.out.contains(QStringLiteral("cold starts")));
}

void tst_SwbSimulate::pricesTheRunThroughTheCostEngine()
{
    // 10 per second, evenly, for a day: 864,000 invocations; a 730-hour month is 30.4167 days,
    // so 26.28 M; each 100 ms at 1024 MB: 2,628,000 GB-seconds on AWS.
    const Run run = runSwb({"simulate", "--rate", "10", "--arrivals", "periodic", "--duration",
                            "1d", "--service-ms", "100", "--memory", "1024", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject cost = jsonOf(run).value("costPerMonth").toObject();
    QCOMPARE(cost.value("provider").toString(), QStringLiteral("aws"));
    QVERIFY(std::abs(cost.value("scaledToMonthBy").toDouble() - 730.0 / 24) < 1e-9);
    bool sawCompute = false;
    bool sawRequests = false;
    for (const QJsonValue& line : cost.value("lines").toArray()) {
        const QJsonObject l = line.toObject();
        if (l.value("kind") == QLatin1String("compute")) {
            sawCompute = true;
            QVERIFY2(std::abs(l.value("quantity").toDouble() - 2628000.0) < 1.0,
                     qPrintable(QString::number(l.value("quantity").toDouble())));
        }
        if (l.value("kind") == QLatin1String("requests")) {
            sawRequests = true;
            QCOMPARE(l.value("quantity").toDouble(), 26280000.0);
        }
    }
    QVERIFY(sawCompute && sawRequests);
    const Run none =
        runSwb({"simulate", "--rate", "1", "--duration", "1h", "--provider", "none", "--json"});
    QCOMPARE(none.exitCode, 0);
    QVERIFY(!jsonOf(none).contains("costPerMonth"));
}

void tst_SwbSimulate::badValuesExitTwoNamingTheOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("keep-alive unit")
        << QStringList{"--rate", "1", "--keep-alive", "10x"} << QStringLiteral("--keep-alive");
    QTest::newRow("duration") << QStringList{"--rate", "1", "--duration", "soon"}
                              << QStringLiteral("--duration");
    QTest::newRow("negative rate") << QStringList{"--rate", "-3"} << QStringLiteral("--rate");
    QTest::newRow("no rate") << QStringList{} << QStringLiteral("--rate");
    QTest::newRow("policy") << QStringList{"--rate", "1", "--policy", "magic"}
                            << QStringLiteral("--policy");
    QTest::newRow("cap") << QStringList{"--rate", "1", "--cap", "0"} << QStringLiteral("--cap");
    QTest::newRow("provisioned above cap")
        << QStringList{"--rate", "1", "--cap", "2", "--provisioned", "3"}
        << QStringLiteral("--provisioned");
    QTest::newRow("provider") << QStringList{"--rate", "1", "--provider", "heroku"}
                              << QStringLiteral("--provider");
    QTest::newRow("trace without function")
        << QStringList{"--trace", "x.csv"} << QStringLiteral("--function");
}

void tst_SwbSimulate::badValuesExitTwoNamingTheOption()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const Run run = runSwb(QStringList{"simulate"} + args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void tst_SwbSimulate::unknownTraceFunctionFails()
{
    const QString trace =
        swb::test::fixturePath(QStringLiteral("sim/invocations_per_function_md.anon.d01.csv"));
    const Run run = runSwb({"simulate", "--trace", trace, "--function", "nope"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QStringLiteral("There is no function nope")));
    QVERIFY(run.err.contains(QStringLiteral("3ad7c117974d8a22")));
}

QTEST_GUILESS_MAIN(tst_SwbSimulate)
#include "tst_SwbSimulate.moc"
