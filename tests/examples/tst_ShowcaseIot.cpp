// labels: integration
// examples/iot-ingestion end to end through `swb serve`: a registered device's readings are
// stored, invalid messages and unknown devices end in the dead-letter queue, and its cost
// scenarios say what its README says.
#include "ServedExample.h"
#include "ShowcaseCost.h"

#include <QJsonArray>
#include <QStandardPaths>

using swb::test::ServedExample;

class tst_ShowcaseIot : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void validReadingsAreStoredAndInvalidOnesEndInTheDeadLetterQueue();
    void batchingKeepsTheFleetBelowTheServerBreakEven();
};

void tst_ShowcaseIot::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
}

void tst_ShowcaseIot::validReadingsAreStoredAndInvalidOnesEndInTheDeadLetterQueue()
{
    ServedExample served(QStringLiteral("iot-ingestion"));
    const QString started = served.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));

    const auto registered =
        served.request("POST", QStringLiteral("/devices"),
                       R"({"deviceId": "greenhouse-7", "kind": "thermometer"})");
    QVERIFY2(registered.status == 201, registered.body.constData());

    // 23 readings of the registered device, one message that is not JSON and one from a
    // device nobody registered: three SendMessageBatch calls, as a device gateway sends them.
    QStringList bodies;
    for (int i = 0; i < 23; ++i)
        bodies << QStringLiteral(R"({"deviceId": "greenhouse-7", "ts": %1, "temperature": %2})")
                      .arg(1715678400 + i * 60)
                      .arg(18.0 + i * 0.25);
    bodies.insert(7, QStringLiteral("temperature=21.5"));
    bodies.insert(
        16, QStringLiteral(R"({"deviceId": "ghost-1", "ts": 1715678400, "temperature": 19})"));
    QCOMPARE(bodies.size(), 25);
    const QString url = served.queueUrl(QStringLiteral("device-messages"));
    QVERIFY2(!url.isEmpty(), qPrintable(served.log()));
    for (qsizetype first = 0; first < bodies.size(); first += 10) {
        QJsonArray entries;
        for (qsizetype i = first; i < std::min(first + 10, bodies.size()); ++i)
            entries.append(QJsonObject{{QStringLiteral("Id"), QStringLiteral("m%1").arg(i)},
                                       {QStringLiteral("MessageBody"), bodies.at(i)}});
        const auto sent =
            served.sqs(QStringLiteral("SendMessageBatch"),
                       {{QStringLiteral("QueueUrl"), url}, {QStringLiteral("Entries"), entries}});
        QVERIFY2(sent.status == 200, sent.body.constData());
        QCOMPARE(sent.json().value(QStringLiteral("Successful")).toArray().size(), entries.size());
    }

    // Each bad message is received twice (maxReceiveCount 2, visibility 4 s), then moved.
    QVERIFY2(
        QTest::qWaitFor(
            [&] { return served.messagesIn(QStringLiteral("device-messages-dlq")) == 2; }, 45000),
        qPrintable(served.log()));
    QCOMPARE(served.messagesIn(QStringLiteral("device-messages")), 0);

    const auto device = served.request("GET", QStringLiteral("/devices/greenhouse-7"));
    QCOMPARE(device.status, 200);
    QCOMPARE(device.json().value(QStringLiteral("readings")).toInt(), 23);

    // The dead letters are exactly the two bad messages.
    const auto dead = served.sqs(
        QStringLiteral("ReceiveMessage"),
        {{QStringLiteral("QueueUrl"), served.queueUrl(QStringLiteral("device-messages-dlq"))},
         {QStringLiteral("MaxNumberOfMessages"), 10}});
    QCOMPARE(dead.status, 200);
    QStringList deadBodies;
    for (const QJsonValue& m : dead.json().value(QStringLiteral("Messages")).toArray())
        deadBodies << m.toObject().value(QStringLiteral("Body")).toString();
    deadBodies.sort();
    QCOMPARE(deadBodies, QStringList({bodies.at(7), bodies.at(16)}));

    // The function said why it refused them.
    QVERIFY(served.log().contains(QStringLiteral("device ghost-1 is not registered")));
    QVERIFY(served.log().contains(QStringLiteral("the body is not JSON")));
}

void tst_ShowcaseIot::batchingKeepsTheFleetBelowTheServerBreakEven()
{
    const QString workspace = QStringLiteral(SWB_SOURCE_DIR "/examples/iot-ingestion");
    const auto compared = swb::test::compareScenarios(
        workspace, {QStringLiteral("ingest-batched"), QStringLiteral("ingest-one-by-one")});
    QVERIFY2(compared.error.isEmpty(), qPrintable(compared.error));
    const auto& total = compared.total;
    const auto& invocations = compared.invocations;
    // The same messages: ten per batch.
    QCOMPARE(invocations.value(QStringLiteral("ingest-one-by-one")),
             invocations.value(QStringLiteral("ingest-batched")) * 10);
    QVERIFY(total.value(QStringLiteral("ingest-batched")) > 0);
    QVERIFY(total.value(QStringLiteral("ingest-batched")) <
            total.value(QStringLiteral("ingest-one-by-one")));

    const auto even = swb::test::breakEven(workspace, QStringLiteral("ingest-batched"));
    QVERIFY2(even.error.isEmpty(), qPrintable(even.error));
    const double server = even.serverMonthly;
    QVERIFY(server > 0);
    // README: batched, the fleet stays below one small server; one by one it costs several.
    QVERIFY(even.invocationsPerMonth > invocations.value(QStringLiteral("ingest-batched")));
    QVERIFY(total.value(QStringLiteral("ingest-batched")) < server);
    QVERIFY(total.value(QStringLiteral("ingest-one-by-one")) > 2 * server);
}

QTEST_GUILESS_MAIN(tst_ShowcaseIot)
#include "tst_ShowcaseIot.moc"
