// The live log's model: kinds, batches, the filter, and the bound on what it keeps.
#include "LogModel.h"
#include "RunnerEvent.h"

#include <QSignalSpy>
#include <QTest>

using namespace swb;

namespace {

LogEntry line(const QString& function, const QString& text, const QString& requestId = {})
{
    LogEntry e;
    e.function = function;
    e.text = text;
    e.requestId = requestId;
    e.kind = LogModel::classify(text);
    return e;
}

} // namespace

class tst_LogModel : public QObject {
    Q_OBJECT
private slots:
    void classifiesLambdaLines_data();
    void classifiesLambdaLines();
    void linesShowAfterAFlushInOneBatch();
    void takesOnlyLogLineEvents();
    void filtersByFunctionAndText();
    void dropsTheOldestBeyondCapacity();
    void aBurstLargerThanTheBufferKeepsTheNewest();
};

void tst_LogModel::classifiesLambdaLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::newRow("start") << "START RequestId: 1 Version: $LATEST" << int(LogEntry::Kind::Start);
    QTest::newRow("end") << "END RequestId: 1" << int(LogEntry::Kind::End);
    QTest::newRow("report") << "REPORT RequestId: 1\tDuration: 1.00 ms"
                            << int(LogEntry::Kind::Report);
    QTest::newRow("init report") << "INIT_REPORT Init Duration: 80.00 ms"
                                 << int(LogEntry::Kind::Platform);
    QTest::newRow("python error") << "[ERROR]\t2026-11-27T00:00:00Z\t1\tboom"
                                  << int(LogEntry::Kind::Error);
    QTest::newRow("timeout") << "2026-11-27 Task timed out after 3.00 seconds"
                             << int(LogEntry::Kind::Error);
    QTest::newRow("traceback") << "Traceback (most recent call last):"
                               << int(LogEntry::Kind::Error);
    QTest::newRow("warning") << "[WARNING]\tdisk almost full" << int(LogEntry::Kind::Warning);
    QTest::newRow("print") << "hello Ada" << int(LogEntry::Kind::Output);
}

void tst_LogModel::classifiesLambdaLines()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QCOMPARE(int(LogModel::classify(text)), kind);
}

void tst_LogModel::linesShowAfterAFlushInOneBatch()
{
    LogModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 1000; ++i)
        model.append(line(QStringLiteral("f"), QStringLiteral("line %1").arg(i)));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 1000);
    model.flush();
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(inserted.size(), 1); // one view update for the whole batch
    QCOMPARE(model.entry(999).text, QStringLiteral("line 999"));
    QVERIFY(model.data(model.index(0), Qt::DisplayRole)
                .toString()
                .endsWith(QStringLiteral("f  line 0")));
}

void tst_LogModel::takesOnlyLogLineEvents()
{
    LogModel model;
    RunnerEvent e{RunnerEvent::Kind::InvocationStarted,
                  5,
                  QStringLiteral("f"),
                  1,
                  QStringLiteral("r"),
                  QString()};
    model.add(e);
    e.kind = RunnerEvent::Kind::LogLine;
    e.text = QStringLiteral("REPORT RequestId: r");
    model.add(e);
    model.flush();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entry(0).kind, LogEntry::Kind::Report);
    QCOMPARE(model.entry(0).requestId, QStringLiteral("r"));
    QCOMPARE(model.functions(), QStringList{QStringLiteral("f")});
}

void tst_LogModel::filtersByFunctionAndText()
{
    LogModel model;
    model.append(line(QStringLiteral("a"), QStringLiteral("alpha one"), QStringLiteral("req-1")));
    model.append(line(QStringLiteral("b"), QStringLiteral("beta one"), QStringLiteral("req-2")));
    model.append(line(QStringLiteral("a"), QStringLiteral("alpha two"), QStringLiteral("req-3")));
    model.flush();
    model.setFilter(QStringLiteral("a"), QString());
    QCOMPARE(model.rowCount(), 2);
    model.setFilter(QString(), QStringLiteral("ONE"));
    QCOMPARE(model.rowCount(), 2); // case-insensitive
    model.setFilter(QString(), QStringLiteral("req-3"));
    QCOMPARE(model.rowCount(), 1); // by request id
    QCOMPARE(model.entry(0).text, QStringLiteral("alpha two"));
    // New lines respect the filter too.
    model.append(line(QStringLiteral("b"), QStringLiteral("more"), QStringLiteral("req-3")));
    model.append(line(QStringLiteral("b"), QStringLiteral("other"), QStringLiteral("req-4")));
    model.flush();
    QCOMPARE(model.rowCount(), 2);
    model.setFilter(QString(), QString());
    QCOMPARE(model.rowCount(), 5);
}

void tst_LogModel::dropsTheOldestBeyondCapacity()
{
    LogModel model;
    model.setCapacity(100);
    for (int i = 0; i < 250; ++i) {
        model.append(line(QStringLiteral("f"), QStringLiteral("n%1").arg(i)));
        if (i % 7 == 0)
            model.flush();
    }
    model.flush();
    QCOMPARE(model.totalCount(), 100);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.droppedCount(), 150);
    QCOMPARE(model.entry(0).text, QStringLiteral("n150"));
    QCOMPARE(model.entry(99).text, QStringLiteral("n249"));
    // With a filter, the dropped rows leave the view too.
    model.setFilter(QString(), QStringLiteral("n2"));
    const int shown = model.rowCount();
    model.append(line(QStringLiteral("f"), QStringLiteral("n2-new")));
    model.flush();
    QCOMPARE(model.totalCount(), 100);
    for (int i = 0; i < model.rowCount(); ++i)
        QVERIFY(model.entry(i).text.contains(QStringLiteral("n2")));
    QVERIFY(model.rowCount() <= shown + 1);
}

void tst_LogModel::aBurstLargerThanTheBufferKeepsTheNewest()
{
    LogModel model;
    model.setCapacity(10);
    for (int i = 0; i < 25; ++i)
        model.append(line(QStringLiteral("f"), QString::number(i)));
    QCOMPARE(model.pendingCount(), 10); // bounded while waiting (a paused view)
    model.flush();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.entry(0).text, QStringLiteral("15"));
    QCOMPARE(model.droppedCount(), 15);
}

QTEST_GUILESS_MAIN(tst_LogModel)
#include "tst_LogModel.moc"
