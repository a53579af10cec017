// Queue triggers' settings and functions' destinations in workbench.json: read, written back,
// and refused with a pointer and a reason when they break SQS's or Lambda's rules.
#include "format/WorkspaceFile.h"
#include "model/Destinations.h"

#include "TestFiles.h"

#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using swb::test::writeFile;

namespace {

QByteArray workspaceJson(const QByteArray& trigger, const QByteArray& destinations)
{
    QByteArray json = R"json({"name": "iot", "functions": [
        {"name": "notify", "runtime": "python3.12", "handler": "app.handler", "codeUri": "code"},
        {"name": "ingest", "runtime": "python3.12", "handler": "app.handler", "codeUri": "code")json";
    if (!trigger.isEmpty())
        json += ", \"triggers\": [" + trigger + "]";
    if (!destinations.isEmpty())
        json += ", \"destinations\": " + destinations;
    return json + "}]}\n";
}

Result<LoadedWorkspace> load(const QString& folder, const QByteArray& json)
{
    if (!writeFile(folder, QStringLiteral("workbench.json"), json) ||
        !writeFile(folder, QStringLiteral("code/app.py"), "def handler(e, c):\n    return 1\n"))
        return fail(ErrorCode::Io, QStringLiteral("cannot write the fixture"));
    return WorkspaceFile::load(folder);
}

QString errors(const Result<LoadedWorkspace>& loaded)
{
    if (loaded)
        return {};
    QStringList out;
    for (const Diagnostic& d : loaded.error().diagnostics) {
        if (d.severity == Severity::Error)
            out << d.pointer + QLatin1Char(' ') + d.message;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

class tst_WorkspaceQueues : public QObject {
    Q_OBJECT
private slots:
    void readsQueueSettingsAndDestinations();
    void savesAndReadsBack();
    void parsesDestinationTargets_data();
    void parsesDestinationTargets();
    void rejectsBadDeclarations_data();
    void rejectsBadDeclarations();
};

void tst_WorkspaceQueues::readsQueueSettingsAndDestinations()
{
    QTemporaryDir dir;
    const auto loaded = load(
        dir.path(),
        workspaceJson(R"({"type": "queue", "source": "arn:aws:sqs:us-east-1:123456789012:readings",
                          "batchSize": 50, "batchWindow": 2, "visibilityTimeout": 45,
                          "reportBatchItemFailures": true, "deadLetterQueue": "readings-dlq",
                          "maxReceiveCount": 4})",
                      R"({"onSuccess": "function:notify", "onFailure": "queue:failures"})"));
    QVERIFY2(loaded, qPrintable(errors(loaded)));
    QVERIFY(loaded->warnings.isEmpty());
    const FunctionSpec& f = loaded->workspace.functions.at(1);
    const TriggerSpec& t = f.triggers.first();
    QCOMPARE(sqsQueueName(t.source), QStringLiteral("readings"));
    QCOMPARE(t.batchSize, 50);
    QCOMPARE(t.batchWindowSeconds, 2);
    QCOMPARE(t.visibilityTimeoutSeconds, std::optional<int>(45));
    QVERIFY(t.reportBatchItemFailures);
    QCOMPARE(t.deadLetterQueue, QStringLiteral("readings-dlq"));
    QCOMPARE(t.maxReceiveCount, 4);
    QCOMPARE(f.destinations.onSuccess, QStringLiteral("function:notify"));
    QCOMPARE(f.destinations.onFailure, QStringLiteral("queue:failures"));
}

void tst_WorkspaceQueues::savesAndReadsBack()
{
    QTemporaryDir dir;
    const auto loaded =
        load(dir.path(), workspaceJson(R"({"type": "queue", "source": "readings", "batchWindow": 1,
                                      "visibilityTimeout": 0, "deadLetterQueue": "dlq",
                                      "maxReceiveCount": 2})",
                                       R"({"onFailure": "queue:failures"})"));
    QVERIFY2(loaded, qPrintable(errors(loaded)));
    QVERIFY(WorkspaceFile::save(loaded->workspace).has_value());
    const auto again = WorkspaceFile::load(dir.path());
    QVERIFY2(again, qPrintable(errors(again)));
    const FunctionSpec& f = again->workspace.functions.at(1);
    QCOMPARE(f.triggers.first().visibilityTimeoutSeconds, std::optional<int>(0));
    QCOMPARE(f.triggers.first().batchWindowSeconds, 1);
    QCOMPARE(f.triggers.first().deadLetterQueue, QStringLiteral("dlq"));
    QCOMPARE(f.triggers.first().maxReceiveCount, 2);
    QVERIFY(!f.triggers.first().reportBatchItemFailures);
    QCOMPARE(f.destinations.onFailure, QStringLiteral("queue:failures"));
    QVERIFY(f.destinations.onSuccess.isEmpty());
    QVERIFY(!test::readFile(loaded->workspace.filePath()).contains("onSuccess"));
}

void tst_WorkspaceQueues::parsesDestinationTargets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("queue");
    QTest::addColumn<QString>("name");
    QTest::newRow("function") << "function:notify" << true << false << "notify";
    QTest::newRow("queue") << "queue:failures" << true << true << "failures";
    QTest::newRow("lambda arn") << "arn:aws:lambda:eu-west-1:123456789012:function:notify" << true
                                << false << "notify";
    QTest::newRow("sqs arn") << "arn:aws:sqs:eu-west-1:123456789012:failures" << true << true
                             << "failures";
    QTest::newRow("sns is not emulated")
        << "arn:aws:sns:eu-west-1:123456789012:topic" << false << false << "";
    QTest::newRow("bare name") << "notify" << false << false << "";
    QTest::newRow("bad queue name") << "queue:a b" << false << true << "";
}

void tst_WorkspaceQueues::parsesDestinationTargets()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(bool, queue);
    QFETCH(QString, name);
    const auto target = DestinationTarget::parse(text);
    QCOMPARE(target.has_value(), valid);
    if (!valid) {
        QVERIFY(!target.error().message.isEmpty());
        return;
    }
    QCOMPARE(target->kind == DestinationTarget::Kind::Queue, queue);
    QCOMPARE(target->name, name);
}

void tst_WorkspaceQueues::rejectsBadDeclarations_data()
{
    QTest::addColumn<QByteArray>("trigger");
    QTest::addColumn<QByteArray>("destinations");
    QTest::addColumn<QString>("expected"); // pointer and a word of the message
    QTest::newRow("batch above 10 without a window")
        << QByteArray(R"({"type": "queue", "source": "q", "batchSize": 50})") << QByteArray()
        << "/functions/1/triggers/0/batchSize a batch of more than 10 messages needs";
    QTest::newRow("window above 300")
        << QByteArray(R"({"type": "queue", "source": "q", "batchWindow": 301})") << QByteArray()
        << "/functions/1/triggers/0/batchWindow 301 seconds is out of range";
    QTest::newRow("visibility above 12 hours")
        << QByteArray(R"({"type": "queue", "source": "q", "visibilityTimeout": 43201})")
        << QByteArray()
        << "/functions/1/triggers/0/visibilityTimeout 43201 seconds is out of range";
    QTest::newRow("dead letters without a count")
        << QByteArray(R"({"type": "queue", "source": "q", "deadLetterQueue": "dlq"})")
        << QByteArray() << "/functions/1/triggers/0 \"deadLetterQueue\" needs \"maxReceiveCount\"";
    QTest::newRow("count without dead letters")
        << QByteArray(R"({"type": "queue", "source": "q", "maxReceiveCount": 3})") << QByteArray()
        << "/functions/1/triggers/0/maxReceiveCount \"maxReceiveCount\" needs \"deadLetterQueue\"";
    QTest::newRow("dead letters to itself")
        << QByteArray(R"({"type": "queue", "source": "q", "deadLetterQueue": "q",
                          "maxReceiveCount": 3})")
        << QByteArray() << "/functions/1/triggers/0/deadLetterQueue the dead-letter queue must be";
    QTest::newRow("fifo queue") << QByteArray(R"({"type": "queue", "source": "orders.fifo"})")
                                << QByteArray()
                                << "/functions/1/triggers/0/source \"orders.fifo\" is a FIFO queue";
    QTest::newRow("unknown destination function")
        << QByteArray() << QByteArray(R"({"onSuccess": "function:ghost"})")
        << "/functions/1/destinations/onSuccess no function named \"ghost\"";
    QTest::newRow("destination without a kind")
        << QByteArray() << QByteArray(R"({"onFailure": "notify"})")
        << "/functions/1/destinations/onFailure \"notify\" is not a destination";
}

void tst_WorkspaceQueues::rejectsBadDeclarations()
{
    QFETCH(QByteArray, trigger);
    QFETCH(QByteArray, destinations);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const auto loaded = load(dir.path(), workspaceJson(trigger, destinations));
    QVERIFY(!loaded.has_value());
    QVERIFY2(errors(loaded).contains(expected), qPrintable(errors(loaded)));
}

QTEST_GUILESS_MAIN(tst_WorkspaceQueues)
#include "tst_WorkspaceQueues.moc"
