// labels: integration
// Queue triggers and async destinations through LocalServer over a real runner with Python
// functions: SQS events in batches, partial batch failures, redelivery and dead letters, the
// SQS API on the wire (JSON and query protocols), destination records and loop detection.
#include "LocalServer.h"
#include "Runner.h"
#include "RuntimeFiles.h"
#include "queue/LocalQueue.h"
#include "queue/QueueService.h"

#include "TestFiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

const QByteArray kHandlers = R"py(import json

def consume(event, context):
    bodies = [r["body"] for r in event["Records"]]
    print("batch of %d: %s" % (len(bodies), ",".join(bodies)))
    return {"received": len(bodies)}

def partial(event, context):
    return {"batchItemFailures": [{"itemIdentifier": r["messageId"]}
                                  for r in event["Records"] if r["body"].startswith("bad")]}

def fail(event, context):
    raise RuntimeError("cannot process %s" % event["Records"][0]["body"])

def producer(event, context):
    if event.get("fail"):
        raise ValueError("asked to fail")
    return {"made": event.get("n", 0) * 2}

def sink(event, context):
    return event

def loop(event, context):
    return {"again": True}
)py";

struct Reply {
    int status = 0;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers;
};

TriggerSpec queueTrigger(const QString& source)
{
    TriggerSpec t;
    t.type = TriggerType::Queue;
    t.source = source;
    return t;
}

} // namespace

class tst_QueueDelivery : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void deliversTheSqsEvent();
    void batchesOf25AreThreeInvocations();
    void partialBatchFailureRedeliversOnlyTheFailed();
    void failingFunctionRedeliversThenDeadLetters();
    void jsonProtocolOnTheWire();
    void queryProtocolOnTheWire();
    void onSuccessFunctionGetsTheRecord();
    void onFailureQueueGetsTheRecordAfterRetries();
    void destinationLoopStops();

private:
    Reply post(const QByteArray& body, const QList<QPair<QByteArray, QByteArray>>& headers);
    QList<InvocationRecord> invocationsOf(const QString& function) const;

    QTemporaryDir* m_dir = nullptr;
    Runner* m_runner = nullptr;
    LocalServer* m_server = nullptr;
    QNetworkAccessManager* m_net = nullptr;
    QList<InvocationRecord> m_records;
};

void tst_QueueDelivery::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
    qRegisterMetaType<QueueBatchResult>();
}

void tst_QueueDelivery::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("code/app.py"), kHandlers));
    Workspace ws;
    ws.folder = m_dir->path();
    const auto add = [&ws](const char* name, QList<TriggerSpec> triggers = {},
                           FunctionDestinations destinations = {}) {
        FunctionSpec f;
        f.name = QLatin1String(name);
        f.runtime = QStringLiteral("python3.11");
        f.handler = QStringLiteral("app.") + QLatin1String(name);
        f.codeUri = QStringLiteral("code");
        f.triggers = triggers;
        f.destinations = destinations;
        ws.functions.append(f);
    };
    add("consume", {queueTrigger(QStringLiteral("arn:aws:sqs:us-east-1:123456789012:orders"))});
    TriggerSpec partial = queueTrigger(QStringLiteral("mixed"));
    partial.reportBatchItemFailures = true;
    // Longer than a cold start on a busy machine: a message must not come back while its
    // first delivery still runs (SQS would hand it out again then, too).
    partial.visibilityTimeoutSeconds = 2;
    partial.deadLetterQueue = QStringLiteral("mixed-dlq");
    partial.maxReceiveCount = 2;
    add("partial", {partial});
    TriggerSpec failing = queueTrigger(QStringLiteral("poison"));
    failing.visibilityTimeoutSeconds = 2;
    failing.deadLetterQueue = QStringLiteral("poison-dlq");
    failing.maxReceiveCount = 2;
    add("fail", {failing});
    add("producer", {}, {QStringLiteral("function:sink"), QStringLiteral("queue:failures")});
    add("sink");
    add("loop", {}, {QStringLiteral("function:loop"), {}});
    RunnerOptions options;
    const auto folder = RuntimeFiles::materialize(m_dir->filePath(QStringLiteral("runtimes")));
    QVERIFY(folder.has_value());
    options.runtimeFolder = *folder;
    options.temporaryRoot = m_dir->path();
    m_runner = new Runner(ws, options);
    connect(m_runner, &Runner::invocationFinished, this,
            [this](const InvocationRecord& r) { m_records.append(r); });
    LocalServerOptions serverOptions;
    serverOptions.invokeApi.asyncRetryDelaysMs = {10, 20};
    serverOptions.invokeApi.maxDestinationHops = 3;
    m_server = new LocalServer(*m_runner, serverOptions);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).has_value());
    m_net = new QNetworkAccessManager;
}

void tst_QueueDelivery::cleanup()
{
    delete m_net;
    delete m_server;
    m_runner->shutdown();
    delete m_runner;
    delete m_dir;
    m_records.clear();
}

Reply tst_QueueDelivery::post(const QByteArray& body,
                              const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server->port())));
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = m_net->post(request, body);
    Reply r;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 60000))
        return r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        r.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return r;
}

QList<InvocationRecord> tst_QueueDelivery::invocationsOf(const QString& function) const
{
    QList<InvocationRecord> out;
    for (const InvocationRecord& r : m_records) {
        if (r.functionName == function)
            out.append(r);
    }
    return out;
}

void tst_QueueDelivery::deliversTheSqsEvent()
{
    LocalQueue* orders = m_server->queues().queue(QStringLiteral("orders"));
    QVERIFY(orders);
    SqsMessageAttributes attributes;
    attributes.insert(QStringLiteral("device"),
                      {QStringLiteral("String"), QStringLiteral("d-7"), {}});
    QVERIFY(orders->send(QStringLiteral("{\"t\":21.5}"), attributes, QStringLiteral("AIDATEST"))
                .has_value());
    QSignalSpy finished(m_server, &LocalServer::queueBatchFinished);
    QVERIFY(finished.wait(30000));
    const auto result = finished.first().at(0).value<QueueBatchResult>();
    QCOMPARE(result.function, QStringLiteral("consume"));
    QCOMPARE(result.messages, 1);
    QCOMPARE(result.failed, 0);
    QCOMPARE(orders->messages().size(), 0); // success deleted the batch
    const InvocationRecord r = invocationsOf(QStringLiteral("consume")).first();
    QVERIFY2(r.logs.join(QLatin1Char('\n')).contains(QStringLiteral("batch of 1: {\"t\":21.5}")),
             qPrintable(r.logs.join(QLatin1Char('\n'))));
    // The event itself, as the function saw it.
    const QByteArray event = QueueDelivery::sqsEvent({SqsMessage{QStringLiteral("id-1"),
                                                                 QStringLiteral("Test message."),
                                                                 attributes,
                                                                 QStringLiteral("AIDATEST"),
                                                                 1545082649183,
                                                                 1545082649185,
                                                                 1,
                                                                 QStringLiteral("handle"),
                                                                 {}}},
                                                     orders->arn(), QStringLiteral("us-east-1"));
    const QJsonObject record = QJsonDocument::fromJson(event)
                                   .object()
                                   .value(QStringLiteral("Records"))
                                   .toArray()
                                   .first()
                                   .toObject();
    QCOMPARE(record.value(QStringLiteral("eventSource")).toString(), QStringLiteral("aws:sqs"));
    QCOMPARE(record.value(QStringLiteral("eventSourceARN")).toString(),
             QStringLiteral("arn:aws:sqs:us-east-1:123456789012:orders"));
    QCOMPARE(record.value(QStringLiteral("md5OfBody")).toString(),
             QStringLiteral("e4e68fb7bd0e697a0ae8f1bb342846b3"));
    QCOMPARE(record.value(QStringLiteral("attributes"))
                 .toObject()
                 .value(QStringLiteral("ApproximateFirstReceiveTimestamp"))
                 .toString(),
             QStringLiteral("1545082649185"));
    QCOMPARE(record.value(QStringLiteral("messageAttributes"))
                 .toObject()
                 .value(QStringLiteral("device"))
                 .toObject()
                 .value(QStringLiteral("stringValue"))
                 .toString(),
             QStringLiteral("d-7"));
    QVERIFY(record.contains(QStringLiteral("md5OfMessageAttributes")));
}

void tst_QueueDelivery::batchesOf25AreThreeInvocations()
{
    LocalQueue* orders = m_server->queues().queue(QStringLiteral("orders"));
    QSignalSpy finished(m_server, &LocalServer::queueBatchFinished);
    for (int i = 0; i < 25; ++i)
        QVERIFY(orders->send(QString::number(i)).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 60000);
    QList<int> sizes;
    for (const auto& args : finished)
        sizes << args.at(0).value<QueueBatchResult>().messages;
    std::sort(sizes.begin(), sizes.end());
    QCOMPARE(sizes, (QList<int>{5, 10, 10}));
    QCOMPARE(orders->messages().size(), 0);
    QVERIFY(!finished.wait(300)); // nothing more
}

void tst_QueueDelivery::partialBatchFailureRedeliversOnlyTheFailed()
{
    LocalQueue* mixed = m_server->queues().queue(QStringLiteral("mixed"));
    QSignalSpy finished(m_server, &LocalServer::queueBatchFinished);
    for (const char* body : {"ok-1", "bad-2", "ok-3"})
        QVERIFY(mixed->send(QLatin1String(body)).has_value());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_server->queues().queue(QStringLiteral("mixed-dlq"))->messages().size() == 1, 60000);
    QCOMPARE(finished.size(), 2); // the batch of 3, then "bad-2" alone once more
    const auto first = finished.at(0).at(0).value<QueueBatchResult>();
    QCOMPARE(first.messages, 3);
    QCOMPARE(first.failed, 1);
    const auto second = finished.at(1).at(0).value<QueueBatchResult>();
    QCOMPARE(second.messages, 1);
    QCOMPARE(second.failed, 1);
    QCOMPARE(m_server->queues().queue(QStringLiteral("mixed-dlq"))->messages().first().body,
             QStringLiteral("bad-2"));
    QCOMPARE(mixed->messages().size(), 0);
}

void tst_QueueDelivery::failingFunctionRedeliversThenDeadLetters()
{
    LocalQueue* poison = m_server->queues().queue(QStringLiteral("poison"));
    QSignalSpy moved(&m_server->queues(), &QueueService::movedToDeadLetterQueue);
    QVERIFY(poison->send(QStringLiteral("pill")).has_value());
    QVERIFY(moved.wait(60000));
    QCOMPARE(moved.first().at(0).toString(), QStringLiteral("poison"));
    QCOMPARE(moved.first().at(2).toString(), QStringLiteral("poison-dlq"));
    QCOMPARE(moved.first().at(3).toInt(), 2);
    const QList<InvocationRecord> runs = invocationsOf(QStringLiteral("fail"));
    QCOMPARE(runs.size(), 2); // delivered, failed, delivered again, failed
    QVERIFY(runs.first().failed());
    const QList<SqsMessage> dead =
        m_server->queues().queue(QStringLiteral("poison-dlq"))->receive(10);
    QCOMPARE(dead.size(), 1);
    QCOMPARE(dead.first().body, QStringLiteral("pill"));
}

void tst_QueueDelivery::jsonProtocolOnTheWire()
{
    const QString url = m_server->queues().queueUrl(QStringLiteral("failures"));
    QVERIFY(
        url.startsWith(QStringLiteral("http://127.0.0.1:%1/123456789012/").arg(m_server->port())));
    const QList<QPair<QByteArray, QByteArray>> headers = {
        {"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", "AmazonSQS.SendMessage"}};
    const Reply sent = post(
        QJsonDocument(QJsonObject{{QStringLiteral("QueueUrl"), url},
                                  {QStringLiteral("MessageBody"), QStringLiteral("Test message.")}})
            .toJson(),
        headers);
    QCOMPARE(sent.status, 200);
    QCOMPARE(sent.headers.value("content-type"), QByteArray("application/x-amz-json-1.0"));
    QCOMPARE(QJsonDocument::fromJson(sent.body)
                 .object()
                 .value(QStringLiteral("MD5OfMessageBody"))
                 .toString(),
             QStringLiteral("e4e68fb7bd0e697a0ae8f1bb342846b3"));
    const Reply missing = post(
        QJsonDocument(QJsonObject{{QStringLiteral("QueueName"), QStringLiteral("ghost")}}).toJson(),
        {{"Content-Type", "application/x-amz-json-1.0"},
         {"X-Amz-Target", "AmazonSQS.GetQueueUrl"}});
    QCOMPARE(missing.status, 400);
    QCOMPARE(
        QJsonDocument::fromJson(missing.body).object().value(QStringLiteral("__type")).toString(),
        QStringLiteral("com.amazonaws.sqs#QueueDoesNotExist"));
    QCOMPARE(missing.headers.value("x-amzn-query-error"),
             QByteArray("AWS.SimpleQueueService.NonExistentQueue;Sender"));
}

void tst_QueueDelivery::queryProtocolOnTheWire()
{
    const QByteArray url =
        QUrl::toPercentEncoding(m_server->queues().queueUrl(QStringLiteral("failures")));
    const QList<QPair<QByteArray, QByteArray>> form = {
        {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
    const Reply sent = post("Action=SendMessage&Version=2012-11-05&QueueUrl=" + url +
                                "&MessageBody=Test+message.&MessageAttribute.1.Name=kind"
                                "&MessageAttribute.1.Value.DataType=String"
                                "&MessageAttribute.1.Value.StringValue=a%26b",
                            form);
    QCOMPARE(sent.status, 200);
    QVERIFY2(
        sent.body.contains("<MD5OfMessageBody>e4e68fb7bd0e697a0ae8f1bb342846b3</MD5OfMessageBody>"),
        sent.body.constData());
    QVERIFY(sent.body.startsWith("<?xml version=\"1.0\"?><SendMessageResponse"));
    const Reply received = post("Action=ReceiveMessage&Version=2012-11-05&QueueUrl=" + url +
                                    "&AttributeName.1=All&MessageAttributeName.1=All",
                                form);
    QCOMPARE(received.status, 200);
    QVERIFY2(received.body.contains("<Body>Test message.</Body>"), received.body.constData());
    QVERIFY(received.body.contains("<MessageAttribute><Name>kind</Name><Value><DataType>String"
                                   "</DataType><StringValue>a&amp;b</StringValue></Value>"));
    QVERIFY(
        received.body.contains("<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value>"));
    const Reply missing = post("Action=GetQueueUrl&Version=2012-11-05&QueueName=ghost", form);
    QCOMPARE(missing.status, 400);
    QVERIFY2(missing.body.contains("<Code>AWS.SimpleQueueService.NonExistentQueue</Code>"),
             missing.body.constData());
}

void tst_QueueDelivery::onSuccessFunctionGetsTheRecord()
{
    QSignalSpy sent(&m_server->invokeApi(), &InvokeApi::destinationSent);
    const QString requestId =
        m_server->invokeApi().invokeEvent(QStringLiteral("producer"), "{\"n\":21}");
    QVERIFY(sent.wait(30000));
    QCOMPARE(sent.first().at(2).toString(), QStringLiteral("function:sink"));
    QTRY_COMPARE_WITH_TIMEOUT(invocationsOf(QStringLiteral("sink")).size(), 1, 30000);
    const QJsonObject record =
        QJsonDocument::fromJson(invocationsOf(QStringLiteral("sink")).first().payload).object();
    QCOMPARE(record.value(QStringLiteral("version")).toString(), QStringLiteral("1.0"));
    const QJsonObject context = record.value(QStringLiteral("requestContext")).toObject();
    QCOMPARE(context.value(QStringLiteral("requestId")).toString(), requestId);
    QCOMPARE(context.value(QStringLiteral("condition")).toString(), QStringLiteral("Success"));
    QCOMPARE(context.value(QStringLiteral("functionArn")).toString(),
             QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:producer:$LATEST"));
    QCOMPARE(context.value(QStringLiteral("approximateInvokeCount")).toInt(), 1);
    QCOMPARE(record.value(QStringLiteral("requestPayload"))
                 .toObject()
                 .value(QStringLiteral("n"))
                 .toInt(),
             21);
    QCOMPARE(record.value(QStringLiteral("responsePayload"))
                 .toObject()
                 .value(QStringLiteral("made"))
                 .toInt(),
             42);
    QCOMPARE(record.value(QStringLiteral("responseContext"))
                 .toObject()
                 .value(QStringLiteral("statusCode"))
                 .toInt(),
             200);
    QVERIFY(!record.value(QStringLiteral("responseContext"))
                 .toObject()
                 .contains(QStringLiteral("functionError")));
}

void tst_QueueDelivery::onFailureQueueGetsTheRecordAfterRetries()
{
    LocalQueue* failures = m_server->queues().queue(QStringLiteral("failures"));
    QVERIFY(failures);
    QSignalSpy available(failures, &LocalQueue::messagesAvailable);
    m_server->invokeApi().invokeEvent(QStringLiteral("producer"), "{\"fail\":true}");
    QVERIFY(available.wait(60000));
    QCOMPARE(invocationsOf(QStringLiteral("producer")).size(), 3); // the attempt and two retries
    const QList<SqsMessage> messages = failures->receive(10);
    QCOMPARE(messages.size(), 1);
    const QJsonObject record = QJsonDocument::fromJson(messages.first().body.toUtf8()).object();
    const QJsonObject context = record.value(QStringLiteral("requestContext")).toObject();
    QCOMPARE(context.value(QStringLiteral("condition")).toString(),
             QStringLiteral("RetriesExhausted"));
    QCOMPARE(context.value(QStringLiteral("approximateInvokeCount")).toInt(), 3);
    QCOMPARE(record.value(QStringLiteral("responseContext"))
                 .toObject()
                 .value(QStringLiteral("functionError"))
                 .toString(),
             QStringLiteral("Unhandled"));
    QCOMPARE(record.value(QStringLiteral("responsePayload"))
                 .toObject()
                 .value(QStringLiteral("errorType"))
                 .toString(),
             QStringLiteral("ValueError"));
    QVERIFY(messages.first().senderId.endsWith(QStringLiteral(":producer")));
}

void tst_QueueDelivery::destinationLoopStops()
{
    QSignalSpy problem(&m_server->invokeApi(), &InvokeApi::destinationProblem);
    m_server->invokeApi().invokeEvent(QStringLiteral("loop"), "{}");
    QVERIFY(problem.wait(60000));
    QVERIFY2(problem.first().at(0).toString().contains(QStringLiteral("recursive loop")),
             qPrintable(problem.first().at(0).toString()));
    // The first invocation and 3 hops (maxDestinationHops in this test), then no more.
    QCOMPARE(invocationsOf(QStringLiteral("loop")).size(), 4);
    QVERIFY(!problem.wait(300));
    QCOMPARE(invocationsOf(QStringLiteral("loop")).size(), 4);
}

QTEST_GUILESS_MAIN(tst_QueueDelivery)
#include "tst_QueueDelivery.moc"
