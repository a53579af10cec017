// Reading the Azure Functions 2019 trace (invocations_per_function_md.anon.dNN.csv) and
// replaying it. The fixture has its format: a header of 4 names and 1440 minutes, one row per
// function; its rows are a 5-minute timer, a diurnal http function, a bursty queue and a rare
// event function.
#include "TestFiles.h"
#include "sim/InvocationTrace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using namespace swb::sim;

namespace {

const QString kTimer =
    QStringLiteral("3ad7c117974d8a22417fd9bd799f706d69f72d26ecfe6bd78157f9b2dd79bdb9");
const QString kHttp =
    QStringLiteral("73751f394403911ce4e5c6ca0b8b54380058a52c343d9374f654ff0522db2638");
const QString kQueue =
    QStringLiteral("f2ee30c5d9ef8452fdeaa7a801e129d64dbf7f26984d0aa751713e3462e8f474");

QString dayOne()
{
    return test::fixturePath(QStringLiteral("sim/invocations_per_function_md.anon.d01.csv"));
}

QByteArray header(int minutes)
{
    QByteArray h = "HashOwner,HashApp,HashFunction,Trigger";
    for (int m = 1; m <= minutes; ++m)
        h += ',' + QByteArray::number(m);
    return h + '\n';
}

} // namespace

class tst_InvocationTrace : public QObject {
    Q_OBJECT
private slots:
    void readsOneFunctionsMinutes_data();
    void readsOneFunctionsMinutes();
    void daysFollowEachOther();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void unknownFunctionNamesSomeThatExist();
    void missingFileIsAnIoError();
    void listsTheFunctionsOfAFile();
    void listingRejectsBadFiles();
};

void tst_InvocationTrace::readsOneFunctionsMinutes_data()
{
    QTest::addColumn<QString>("hash");
    QTest::addColumn<quint64>("total");
    QTest::addColumn<int>("minute");
    QTest::addColumn<quint32>("countThatMinute");
    QTest::newRow("timer every 5 min") << kTimer << quint64(288) << 0 << quint32(1);
    QTest::newRow("timer, quiet minute") << kTimer << quint64(288) << 1 << quint32(0);
    QTest::newRow("http") << kHttp << quint64(28894) << 0 << quint32(0) /* night */;
    QTest::newRow("queue burst") << kQueue << quint64(14400) << 125 << quint32(120);
}

void tst_InvocationTrace::readsOneFunctionsMinutes()
{
    QFETCH(QString, hash);
    QFETCH(quint64, total);
    QFETCH(int, minute);
    QFETCH(quint32, countThatMinute);
    const auto trace = InvocationTrace::load({dayOne()}, hash);
    QVERIFY2(trace, qPrintable(trace ? QString() : trace.error().message));
    QCOMPARE(trace->countsPerMinute.size(), size_t(1440));
    QCOMPARE(trace->totalInvocations, total);
    if (hash != kHttp)
        QCOMPARE(trace->countsPerMinute[size_t(minute)], countThatMinute);
    QCOMPARE(trace->durationMs(), 86400000.0);
}

void tst_InvocationTrace::daysFollowEachOther()
{
    QTemporaryDir dir;
    QByteArray other = header(1440);
    QByteArray row = "o,a," + kTimer.toUtf8() + ",timer";
    for (int m = 0; m < 1440; ++m)
        row += m == 10 ? ",7" : ",0";
    other += row + '\n';
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("d02.csv"), other));
    const auto trace =
        InvocationTrace::load({dayOne(), dir.filePath(QStringLiteral("d02.csv"))}, kTimer);
    QVERIFY(trace);
    QCOMPARE(trace->countsPerMinute.size(), size_t(2880));
    QCOMPARE(trace->countsPerMinute[1440 + 10], quint32(7));
    QCOMPARE(trace->totalInvocations, quint64(288 + 7));
}

void tst_InvocationTrace::rejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("says");
    const QByteArray h3 = header(3);
    QTest::newRow("empty") << QByteArray() << QStringLiteral("bad.csv:1:")
                           << QStringLiteral("empty");
    QTest::newRow("no HashFunction column")
        << QByteArray("HashOwner,HashApp,Trigger,1,2,3\n") << QStringLiteral("bad.csv:1:")
        << QStringLiteral("HashFunction");
    QTest::newRow("minute columns out of order")
        << QByteArray("HashOwner,HashApp,HashFunction,Trigger,1,3,2\n")
        << QStringLiteral("bad.csv:1:") << QStringLiteral("not the minute 2");
    QTest::newRow("missing column")
        << h3 + "o,a,F1,http,1,2\n"
        << QStringLiteral("bad.csv:2:") << QStringLiteral("6 columns where the header has 7");
    QTest::newRow("non-numeric count")
        << h3 + "o,a,F0,http,1,2,3\no,a,F1,http,1,x2,3\n"
        << QStringLiteral("bad.csv:3:") << QStringLiteral("Minute 2 holds \"x2\"");
    QTest::newRow("negative count") << h3 + "o,a,F1,http,-1,2,3\n"
                                    << QStringLiteral("bad.csv:2:") << QStringLiteral("Minute 1");
}

void tst_InvocationTrace::rejectsBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, where);
    QFETCH(QString, says);
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("bad.csv"), content));
    const auto trace =
        InvocationTrace::load({dir.filePath(QStringLiteral("bad.csv"))}, QStringLiteral("F1"));
    QVERIFY(!trace);
    QCOMPARE(trace.error().code, ErrorCode::Validation);
    QVERIFY2(trace.error().message.startsWith(where), qPrintable(trace.error().message));
    QVERIFY2(trace.error().message.contains(says), qPrintable(trace.error().message));
    QVERIFY(trace.error().message.contains(QStringLiteral("Azure Functions 2019")));
}

void tst_InvocationTrace::unknownFunctionNamesSomeThatExist()
{
    const auto trace = InvocationTrace::load({dayOne()}, QStringLiteral("nope"));
    QVERIFY(!trace);
    QCOMPARE(trace.error().code, ErrorCode::NotFound);
    QVERIFY(trace.error().message.contains(QStringLiteral("nope")));
    QVERIFY(trace.error().message.contains(kTimer));
    QVERIFY(trace.error().message.contains(kQueue));
}

void tst_InvocationTrace::missingFileIsAnIoError()
{
    const auto trace = InvocationTrace::load({QStringLiteral("/nonexistent/d01.csv")}, kTimer);
    QVERIFY(!trace);
    QCOMPARE(trace.error().code, ErrorCode::Io);
    QVERIFY(trace.error().message.contains(QStringLiteral("/nonexistent/d01.csv")));
}

// The fixture's four rows, in its order, each once; a hash repeated under another app is
// listed once.
void tst_InvocationTrace::listsTheFunctionsOfAFile()
{
    const auto hashes = InvocationTrace::functionsIn(dayOne());
    QVERIFY2(hashes, hashes ? "" : qPrintable(hashes.error().message));
    QCOMPARE(hashes->size(), 4);
    QVERIFY(hashes->contains(kTimer));
    QVERIFY(hashes->contains(kHttp));
    QVERIFY(hashes->contains(kQueue));

    QTemporaryDir dir;
    QByteArray content = header(2) + "o,a,F1,http,1,2\no,b,F2,http,0,0\no,c,F1,timer,3,4\n";
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("d.csv"), content));
    const auto two = InvocationTrace::functionsIn(dir.filePath(QStringLiteral("d.csv")));
    QVERIFY(two);
    QCOMPARE(*two, QStringList({QStringLiteral("F1"), QStringLiteral("F2")}));
}

void tst_InvocationTrace::listingRejectsBadFiles()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("bad.csv"), "name,value\nx,1\n"));
    const auto bad = InvocationTrace::functionsIn(dir.filePath(QStringLiteral("bad.csv")));
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::Validation);
    QVERIFY2(bad.error().message.startsWith(QStringLiteral("bad.csv:1:")),
             qPrintable(bad.error().message));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("rowless.csv"), header(3)));
    QVERIFY(!InvocationTrace::functionsIn(dir.filePath(QStringLiteral("rowless.csv"))));
    const auto missing = InvocationTrace::functionsIn(QStringLiteral("/nonexistent/d01.csv"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::Io);
}

QTEST_GUILESS_MAIN(tst_InvocationTrace)
#include "tst_InvocationTrace.moc"
