// The local SQS queue: SQS's checksums, batches, the visibility timeout, redrive to a
// dead-letter queue, and the SQS API's two wire protocols over it.
#include "queue/LocalQueue.h"
#include "queue/QueueService.h"
#include "queue/SqsApi.h"
#include "queue/SqsMessage.h"

#include "model/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace swb;

class tst_LocalQueue : public QObject {
    Q_OBJECT
private slots:
    void md5OfBodyMatchesAwsSample_data();
    void md5OfBodyMatchesAwsSample();
    void md5OfMessageAttributesMatchesAwsSamples_data();
    void md5OfMessageAttributesMatchesAwsSamples();
    void refusesInvalidMessages_data();
    void refusesInvalidMessages();
    void receivesAtMostTheBatchOldestFirst();
    void receivedMessageComesBackAfterVisibilityTimeout();
    void deletedMessageDoesNotComeBack();
    void foreignReceiptHandleIsInvalid();
    void movesToDeadLetterQueueAfterMaxReceiveCount();
    void delayedMessageWaits();
    void declaresQueuesFromTriggersAndDestinations();
    void refusesConflictingQueueSettings();
    void jsonProtocolSendsAndReceives();
    void jsonProtocolReportsMissingQueue();
    void queryFormBecomesJsonShape();
    void sendMessageBatchChecksEntries();
    void getQueueAttributesCountsAndRedrive();
};

void tst_LocalQueue::md5OfBodyMatchesAwsSample_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("md5");
    // The sample SQS event in the Lambda developer guide ("Using Lambda with Amazon SQS").
    QTest::newRow("lambda sample")
        << QStringLiteral("Test message.") << QStringLiteral("e4e68fb7bd0e697a0ae8f1bb342846b3");
    // RFC 1321's test suite.
    QTest::newRow("rfc1321 abc") << QStringLiteral("abc")
                                 << QStringLiteral("900150983cd24fb0d6963f7d28e17f72");
}

void tst_LocalQueue::md5OfBodyMatchesAwsSample()
{
    QFETCH(QString, body);
    QFETCH(QString, md5);
    QCOMPARE(sqsMd5OfBody(body), md5);
}

void tst_LocalQueue::md5OfMessageAttributesMatchesAwsSamples_data()
{
    QTest::addColumn<SqsMessageAttributes>("attributes");
    QTest::addColumn<QString>("md5");
    // The samples in the AWS SDK for Java's MessageMD5ChecksumHandler tests.
    SqsMessageAttributes strings;
    strings.insert(QStringLiteral("test_attribute_name_2"),
                   {QStringLiteral("String"), QStringLiteral("test_attribute_value_2"), {}});
    strings.insert(QStringLiteral("test_attribute_name_1"),
                   {QStringLiteral("String"), QStringLiteral("test_attribute_value_1"), {}});
    QTest::newRow("two strings") << strings << QStringLiteral("d53f3b558fe951154770f25cb63dbba9");
    SqsMessageAttributes binary;
    binary.insert(QStringLiteral("test_attribute_name"),
                  {QStringLiteral("Binary"), {}, QByteArray("test_attribute_value")});
    QTest::newRow("binary") << binary << QStringLiteral("23f6bd27ea87aab7dfeadcc9aebee495");
    QTest::newRow("none") << SqsMessageAttributes() << QString();
}

void tst_LocalQueue::md5OfMessageAttributesMatchesAwsSamples()
{
    QFETCH(SqsMessageAttributes, attributes);
    QFETCH(QString, md5);
    QCOMPARE(sqsMd5OfMessageAttributes(attributes), md5);
}

void tst_LocalQueue::refusesInvalidMessages_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("attributeName");
    QTest::addColumn<QString>("dataType");
    QTest::addColumn<QString>("code");
    const QString ok = QStringLiteral("hello");
    QTest::newRow("empty body") << QString() << QString() << QString()
                                << QStringLiteral("MissingParameter");
    QTest::newRow("control character") << QStringLiteral("a\u0001b") << QString() << QString()
                                       << QStringLiteral("InvalidMessageContents");
    QTest::newRow("too large") << QString(256 * 1024 + 1, QLatin1Char('x')) << QString()
                               << QString() << QStringLiteral("InvalidParameterValue");
    QTest::newRow("reserved attribute prefix")
        << ok << QStringLiteral("AWS.trace") << QStringLiteral("String")
        << QStringLiteral("InvalidParameterValue");
    QTest::newRow("unknown data type") << ok << QStringLiteral("kind") << QStringLiteral("Text")
                                       << QStringLiteral("InvalidParameterValue");
}

void tst_LocalQueue::refusesInvalidMessages()
{
    QFETCH(QString, body);
    QFETCH(QString, attributeName);
    QFETCH(QString, dataType);
    QFETCH(QString, code);
    LocalQueue queue({QStringLiteral("q"), QStringLiteral("arn:aws:sqs:us-east-1:1:q"), 1000});
    SqsMessageAttributes attributes;
    if (!attributeName.isEmpty())
        attributes.insert(attributeName, {dataType, QStringLiteral("v"), {}});
    const auto sent = queue.send(body, attributes);
    QVERIFY(!sent.has_value());
    QCOMPARE(sent.error().detail, code);
    QVERIFY(!sent.error().message.isEmpty());
    QCOMPARE(queue.messages().size(), 0);
}

void tst_LocalQueue::receivesAtMostTheBatchOldestFirst()
{
    LocalQueue queue({QStringLiteral("q"), QStringLiteral("arn:aws:sqs:us-east-1:1:q"), 60000});
    QSignalSpy available(&queue, &LocalQueue::messagesAvailable);
    for (int i = 0; i < 25; ++i)
        QVERIFY(queue.send(QStringLiteral("m%1").arg(i), {}, QStringLiteral("AIDA")).has_value());
    QCOMPARE(available.size(), 25);
    QCOMPARE(queue.visibleCount(), 25);
    const QList<SqsMessage> first = queue.receive(10);
    QCOMPARE(first.size(), 10);
    QCOMPARE(first.first().body, QStringLiteral("m0"));
    QCOMPARE(first.last().body, QStringLiteral("m9"));
    QCOMPARE(first.first().receiveCount, 1);
    QVERIFY(first.first().firstReceiveTimestampMs >= first.first().sentTimestampMs);
    QVERIFY(!first.first().receiptHandle.isEmpty());
    QCOMPARE(queue.visibleCount(), 15);
    QCOMPARE(queue.inFlightCount(), 10);
    QCOMPARE(queue.receive(10).first().body, QStringLiteral("m10"));
    QCOMPARE(queue.receive(10).size(), 5);
    QCOMPARE(queue.receive(10).size(), 0);
}

void tst_LocalQueue::receivedMessageComesBackAfterVisibilityTimeout()
{
    LocalQueue queue({QStringLiteral("q"), QStringLiteral("arn:aws:sqs:us-east-1:1:q"), 80});
    QVERIFY(queue.send(QStringLiteral("again")).has_value());
    const QList<SqsMessage> first = queue.receive(1);
    QCOMPARE(first.size(), 1);
    QCOMPARE(queue.receive(1).size(), 0); // hidden while in flight
    QSignalSpy available(&queue, &LocalQueue::messagesAvailable);
    QVERIFY(available.wait(5000)); // the visibility timeout ran out
    const QList<SqsMessage> second = queue.receive(1);
    QCOMPARE(second.size(), 1);
    QCOMPARE(second.first().messageId, first.first().messageId);
    QCOMPARE(second.first().receiveCount, 2);
    QCOMPARE(second.first().firstReceiveTimestampMs, first.first().firstReceiveTimestampMs);
    QVERIFY(second.first().receiptHandle != first.first().receiptHandle);
}

void tst_LocalQueue::deletedMessageDoesNotComeBack()
{
    LocalQueue queue({QStringLiteral("q"), QStringLiteral("arn:aws:sqs:us-east-1:1:q"), 50});
    QVERIFY(queue.send(QStringLiteral("done")).has_value());
    const QList<SqsMessage> got = queue.receive(1);
    QVERIFY(queue.deleteMessage(got.first().receiptHandle).has_value());
    QCOMPARE(queue.messages().size(), 0);
    // Deleting again with the same handle succeeds, as in SQS.
    QVERIFY(queue.deleteMessage(got.first().receiptHandle).has_value());
    QSignalSpy available(&queue, &LocalQueue::messagesAvailable);
    QVERIFY(!available.wait(300));
}

void tst_LocalQueue::foreignReceiptHandleIsInvalid()
{
    LocalQueue queue({QStringLiteral("q"), QStringLiteral("arn:aws:sqs:us-east-1:1:q"), 50});
    const auto deleted = queue.deleteMessage(QStringLiteral("AQEBnotours"));
    QVERIFY(!deleted.has_value());
    QCOMPARE(deleted.error().detail, QStringLiteral("ReceiptHandleIsInvalid"));
}

void tst_LocalQueue::movesToDeadLetterQueueAfterMaxReceiveCount()
{
    LocalQueue dlq({QStringLiteral("dlq"), QStringLiteral("arn:aws:sqs:us-east-1:1:dlq"), 1000});
    LocalQueue queue({QStringLiteral("q"), QStringLiteral("arn:aws:sqs:us-east-1:1:q"), 0});
    queue.setDeadLetterQueue(&dlq, 2);
    QSignalSpy moved(&queue, &LocalQueue::movedToDeadLetterQueue);
    QVERIFY(queue.send(QStringLiteral("poison")).has_value());
    QCOMPARE(queue.receive(1).size(), 1); // receive 1 (visibility 0: back at once)
    QCOMPARE(queue.receive(1).size(), 1); // receive 2
    QCOMPARE(queue.receive(1).size(), 0); // a third receive finds it past maxReceiveCount
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.first().at(1).toString(), QStringLiteral("dlq"));
    QCOMPARE(moved.first().at(2).toInt(), 2);
    QCOMPARE(queue.messages().size(), 0);
    const QList<SqsMessage> dead = dlq.receive(10);
    QCOMPARE(dead.size(), 1);
    QCOMPARE(dead.first().body, QStringLiteral("poison"));
    QCOMPARE(dead.first().deadLetterSourceArn, QStringLiteral("arn:aws:sqs:us-east-1:1:q"));
    QCOMPARE(dead.first().receiveCount, 3); // SQS keeps counting in the dead-letter queue
}

void tst_LocalQueue::delayedMessageWaits()
{
    LocalQueue queue({QStringLiteral("q"), QStringLiteral("arn:aws:sqs:us-east-1:1:q"), 1000});
    QVERIFY(queue.send(QStringLiteral("later"), {}, {}, 100).has_value());
    QCOMPARE(queue.delayedCount(), 1);
    QCOMPARE(queue.receive(1).size(), 0);
    QSignalSpy available(&queue, &LocalQueue::messagesAvailable);
    QVERIFY(available.wait(5000));
    QCOMPARE(queue.receive(1).size(), 1);
}

namespace {

Workspace queueWorkspace()
{
    Workspace ws;
    FunctionSpec f;
    f.name = QStringLiteral("ingest");
    TriggerSpec t;
    t.type = TriggerType::Queue;
    t.source = QStringLiteral("arn:aws:sqs:us-east-1:123456789012:readings");
    t.visibilityTimeoutSeconds = 5;
    t.deadLetterQueue = QStringLiteral("readings-dlq");
    t.maxReceiveCount = 3;
    f.triggers.append(t);
    f.destinations.onSuccess = QStringLiteral("queue:done");
    ws.functions.append(f);
    return ws;
}

} // namespace

void tst_LocalQueue::declaresQueuesFromTriggersAndDestinations()
{
    QueueService service(QStringLiteral("eu-west-1"));
    QVERIFY(service.declare(queueWorkspace()).has_value());
    QStringList names;
    for (const LocalQueue* q : service.queues())
        names << q->name();
    QCOMPARE(names, (QStringList{QStringLiteral("done"), QStringLiteral("readings"),
                                 QStringLiteral("readings-dlq")}));
    LocalQueue* readings = service.queue(QStringLiteral("readings"));
    QCOMPARE(readings->visibilityTimeoutMs(), 5000);
    QCOMPARE(readings->deadLetterQueue(), service.queue(QStringLiteral("readings-dlq")));
    QCOMPARE(readings->maxReceiveCount(), 3);
    QCOMPARE(readings->arn(), QStringLiteral("arn:aws:sqs:eu-west-1:123456789012:readings"));
    QCOMPARE(service.queue(QStringLiteral("done"))->visibilityTimeoutMs(), 30000);
    service.setEndpoint(QStringLiteral("http://127.0.0.1:4000"));
    QCOMPARE(service.queueUrl(QStringLiteral("readings")),
             QStringLiteral("http://127.0.0.1:4000/123456789012/readings"));
    QCOMPARE(service.find(QStringLiteral("http://localhost:4000/123456789012/readings")), readings);
    QCOMPARE(service.find(QStringLiteral("arn:aws:sqs:eu-west-1:123456789012:readings")), readings);
}

void tst_LocalQueue::refusesConflictingQueueSettings()
{
    Workspace ws = queueWorkspace();
    FunctionSpec other = ws.functions.first();
    other.name = QStringLiteral("audit");
    other.triggers[0].visibilityTimeoutSeconds = 60;
    ws.functions.append(other);
    QueueService service(QStringLiteral("us-east-1"));
    const auto declared = service.declare(ws);
    QVERIFY(!declared.has_value());
    QVERIFY2(declared.error().message.contains(QStringLiteral("\"ingest\" and \"audit\"")),
             qPrintable(declared.error().message));
}

void tst_LocalQueue::jsonProtocolSendsAndReceives()
{
    QueueService service(QStringLiteral("us-east-1"));
    service.create(QStringLiteral("orders"));
    SqsApi api(service);
    const QString url = service.queueUrl(QStringLiteral("orders"));
    // The AWS SDK for Java's sample: one String attribute.
    const auto sent = api.call(
        QStringLiteral("SendMessage"),
        QJsonObject{
            {QStringLiteral("QueueUrl"), url},
            {QStringLiteral("MessageBody"), QStringLiteral("Test message.")},
            {QStringLiteral("MessageAttributes"),
             QJsonObject{{QStringLiteral("test_attribute_name_1"),
                          QJsonObject{{QStringLiteral("DataType"), QStringLiteral("String")},
                                      {QStringLiteral("StringValue"),
                                       QStringLiteral("test_attribute_value_1")}}},
                         {QStringLiteral("test_attribute_name_2"),
                          QJsonObject{{QStringLiteral("DataType"), QStringLiteral("String")},
                                      {QStringLiteral("StringValue"),
                                       QStringLiteral("test_attribute_value_2")}}}}}},
        QStringLiteral("AKIDEXAMPLE"));
    QVERIFY2(sent.errorCode.isEmpty(), qPrintable(sent.errorMessage));
    QCOMPARE(sent.result.value(QStringLiteral("MD5OfMessageBody")).toString(),
             QStringLiteral("e4e68fb7bd0e697a0ae8f1bb342846b3"));
    QCOMPARE(sent.result.value(QStringLiteral("MD5OfMessageAttributes")).toString(),
             QStringLiteral("d53f3b558fe951154770f25cb63dbba9"));

    const auto received =
        api.call(QStringLiteral("ReceiveMessage"),
                 QJsonObject{{QStringLiteral("QueueUrl"), url},
                             {QStringLiteral("MaxNumberOfMessages"), 10},
                             {QStringLiteral("AttributeNames"), QJsonArray{QStringLiteral("All")}},
                             {QStringLiteral("MessageAttributeNames"),
                              QJsonArray{QStringLiteral("test_attribute_name_1")}}},
                 {});
    const QJsonArray messages = received.result.value(QStringLiteral("Messages")).toArray();
    QCOMPARE(messages.size(), 1);
    const QJsonObject m = messages.first().toObject();
    QCOMPARE(m.value(QStringLiteral("MessageId")).toString(),
             sent.result.value(QStringLiteral("MessageId")).toString());
    QCOMPARE(m.value(QStringLiteral("Body")).toString(), QStringLiteral("Test message."));
    const QJsonObject attributes = m.value(QStringLiteral("Attributes")).toObject();
    QCOMPARE(attributes.value(QStringLiteral("SenderId")).toString(),
             QStringLiteral("AKIDEXAMPLE"));
    QCOMPARE(attributes.value(QStringLiteral("ApproximateReceiveCount")).toString(),
             QStringLiteral("1"));
    // Only the requested attribute, with the checksum of what is returned.
    QCOMPARE(m.value(QStringLiteral("MessageAttributes")).toObject().keys(),
             QStringList{QStringLiteral("test_attribute_name_1")});
    SqsMessageAttributes one;
    one.insert(QStringLiteral("test_attribute_name_1"),
               {QStringLiteral("String"), QStringLiteral("test_attribute_value_1"), {}});
    QCOMPARE(m.value(QStringLiteral("MD5OfMessageAttributes")).toString(),
             sqsMd5OfMessageAttributes(one));

    const auto deleted = api.call(
        QStringLiteral("DeleteMessage"),
        QJsonObject{{QStringLiteral("QueueUrl"), url},
                    {QStringLiteral("ReceiptHandle"), m.value(QStringLiteral("ReceiptHandle"))}},
        {});
    QVERIFY(deleted.errorCode.isEmpty());
    QCOMPARE(service.queue(QStringLiteral("orders"))->messages().size(), 0);
}

void tst_LocalQueue::jsonProtocolReportsMissingQueue()
{
    QueueService service(QStringLiteral("us-east-1"));
    SqsApi api(service);
    const auto answer =
        api.call(QStringLiteral("GetQueueUrl"),
                 QJsonObject{{QStringLiteral("QueueName"), QStringLiteral("nope")}}, {});
    QCOMPARE(answer.errorCode, QByteArray("QueueDoesNotExist"));
    const auto unknown = api.call(QStringLiteral("TagQueue"), {}, {});
    QCOMPARE(unknown.errorCode, QByteArray("InvalidAction"));
}

void tst_LocalQueue::queryFormBecomesJsonShape()
{
    // As botocore's query serializer writes SendMessageBatch and ReceiveMessage.
    const QJsonObject batch = SqsApi::queryToJson({
        {QStringLiteral("Action"), QStringLiteral("SendMessageBatch")},
        {QStringLiteral("QueueUrl"), QStringLiteral("http://127.0.0.1:1/123456789012/q")},
        {QStringLiteral("SendMessageBatchRequestEntry.1.Id"), QStringLiteral("a")},
        {QStringLiteral("SendMessageBatchRequestEntry.1.MessageBody"), QStringLiteral("one")},
        {QStringLiteral("SendMessageBatchRequestEntry.2.Id"), QStringLiteral("b")},
        {QStringLiteral("SendMessageBatchRequestEntry.2.MessageBody"), QStringLiteral("two")},
        {QStringLiteral("SendMessageBatchRequestEntry.2.MessageAttribute.1.Name"),
         QStringLiteral("device")},
        {QStringLiteral("SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.DataType"),
         QStringLiteral("String")},
        {QStringLiteral("SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.StringValue"),
         QStringLiteral("d-7")},
    });
    const QJsonArray entries = batch.value(QStringLiteral("Entries")).toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1).toObject().value(QStringLiteral("MessageBody")).toString(),
             QStringLiteral("two"));
    QCOMPARE(entries.at(1)
                 .toObject()
                 .value(QStringLiteral("MessageAttributes"))
                 .toObject()
                 .value(QStringLiteral("device"))
                 .toObject()
                 .value(QStringLiteral("StringValue"))
                 .toString(),
             QStringLiteral("d-7"));
    const QJsonObject receive = SqsApi::queryToJson({
        {QStringLiteral("AttributeName.1"), QStringLiteral("All")},
        {QStringLiteral("MessageAttributeName.1"), QStringLiteral("device")},
        {QStringLiteral("MaxNumberOfMessages"), QStringLiteral("10")},
    });
    QCOMPARE(receive.value(QStringLiteral("AttributeNames")).toArray().first().toString(),
             QStringLiteral("All"));
    QCOMPARE(receive.value(QStringLiteral("MessageAttributeNames")).toArray().first().toString(),
             QStringLiteral("device"));
    QCOMPARE(receive.value(QStringLiteral("MaxNumberOfMessages")).toString(), QStringLiteral("10"));
}

void tst_LocalQueue::sendMessageBatchChecksEntries()
{
    QueueService service(QStringLiteral("us-east-1"));
    service.create(QStringLiteral("q"));
    SqsApi api(service);
    const QString url = service.queueUrl(QStringLiteral("q"));
    const auto entry = [](const QString& id, const QString& body) {
        return QJsonObject{{QStringLiteral("Id"), id}, {QStringLiteral("MessageBody"), body}};
    };
    QJsonArray eleven;
    for (int i = 0; i < 11; ++i)
        eleven.append(entry(QString::number(i), QStringLiteral("x")));
    QCOMPARE(api.call(QStringLiteral("SendMessageBatch"),
                      {{QStringLiteral("QueueUrl"), url}, {QStringLiteral("Entries"), eleven}}, {})
                 .errorCode,
             QByteArray("TooManyEntriesInBatchRequest"));
    QCOMPARE(api.call(QStringLiteral("SendMessageBatch"),
                      {{QStringLiteral("QueueUrl"), url},
                       {QStringLiteral("Entries"),
                        QJsonArray{entry(QStringLiteral("a"), QStringLiteral("1")),
                                   entry(QStringLiteral("a"), QStringLiteral("2"))}}},
                      {})
                 .errorCode,
             QByteArray("BatchEntryIdsNotDistinct"));
    // One bad entry fails alone.
    const auto mixed = api.call(
        QStringLiteral("SendMessageBatch"),
        {{QStringLiteral("QueueUrl"), url},
         {QStringLiteral("Entries"), QJsonArray{entry(QStringLiteral("good"), QStringLiteral("1")),
                                                entry(QStringLiteral("bad"), QString())}}},
        {});
    QVERIFY(mixed.errorCode.isEmpty());
    QCOMPARE(mixed.result.value(QStringLiteral("Successful")).toArray().size(), 1);
    const QJsonObject failed =
        mixed.result.value(QStringLiteral("Failed")).toArray().first().toObject();
    QCOMPARE(failed.value(QStringLiteral("Id")).toString(), QStringLiteral("bad"));
    QCOMPARE(failed.value(QStringLiteral("SenderFault")).toBool(), true);
    QCOMPARE(service.queue(QStringLiteral("q"))->messages().size(), 1);
}

void tst_LocalQueue::getQueueAttributesCountsAndRedrive()
{
    QueueService service(QStringLiteral("us-east-1"));
    QVERIFY(service.declare(queueWorkspace()).has_value());
    LocalQueue* readings = service.queue(QStringLiteral("readings"));
    QVERIFY(readings->send(QStringLiteral("a")).has_value());
    QVERIFY(readings->send(QStringLiteral("b")).has_value());
    QCOMPARE(readings->receive(1).size(), 1);
    SqsApi api(service);
    const auto answer =
        api.call(QStringLiteral("GetQueueAttributes"),
                 {{QStringLiteral("QueueUrl"), service.queueUrl(QStringLiteral("readings"))},
                  {QStringLiteral("AttributeNames"), QJsonArray{QStringLiteral("All")}}},
                 {});
    const QJsonObject a = answer.result.value(QStringLiteral("Attributes")).toObject();
    QCOMPARE(a.value(QStringLiteral("ApproximateNumberOfMessages")).toString(),
             QStringLiteral("1"));
    QCOMPARE(a.value(QStringLiteral("ApproximateNumberOfMessagesNotVisible")).toString(),
             QStringLiteral("1"));
    QCOMPARE(a.value(QStringLiteral("VisibilityTimeout")).toString(), QStringLiteral("5"));
    const QJsonObject redrive =
        QJsonDocument::fromJson(a.value(QStringLiteral("RedrivePolicy")).toString().toUtf8())
            .object();
    QCOMPARE(redrive.value(QStringLiteral("deadLetterTargetArn")).toString(),
             QStringLiteral("arn:aws:sqs:us-east-1:123456789012:readings-dlq"));
    QCOMPARE(redrive.value(QStringLiteral("maxReceiveCount")).toInt(), 3);
    QCOMPARE(api.call(QStringLiteral("GetQueueAttributes"),
                      {{QStringLiteral("QueueUrl"), service.queueUrl(QStringLiteral("readings"))},
                       {QStringLiteral("AttributeNames"), QJsonArray{QStringLiteral("Colour")}}},
                      {})
                 .errorCode,
             QByteArray("InvalidAttributeName"));
}

QTEST_GUILESS_MAIN(tst_LocalQueue)
#include "tst_LocalQueue.moc"
