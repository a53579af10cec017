// labels: integration
// The local SQS as a user drives it: `swb serve` with queue triggers, messages sent with the
// real AWS CLI and `swb queue`, batches, redelivery, the dead-letter queue, and async
// destinations, all seen through serve's log and `swb queue receive`.
#include "TestFiles.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray kWorkspace = R"json({
  "name": "queues",
  "functions": [
    {"name": "ingest", "runtime": "python3.11", "handler": "app.ingest", "codeUri": "code",
     "triggers": [{"type": "queue", "source": "arn:aws:sqs:us-east-1:123456789012:readings",
                   "batchSize": 10}]},
    {"name": "bulk", "runtime": "python3.11", "handler": "app.ingest", "codeUri": "code",
     "triggers": [{"type": "queue", "source": "bulk", "batchSize": 10, "batchWindow": 1}]},
    {"name": "reject", "runtime": "python3.11", "handler": "app.reject", "codeUri": "code",
     "triggers": [{"type": "queue", "source": "poison", "visibilityTimeout": 1,
                   "deadLetterQueue": "poison-dlq", "maxReceiveCount": 2}]},
    {"name": "resize", "runtime": "python3.11", "handler": "app.resize", "codeUri": "code",
     "destinations": {"onSuccess": "function:notify", "onFailure": "queue:resize-failures"}},
    {"name": "notify", "runtime": "python3.11", "handler": "app.notify", "codeUri": "code"},
    {"name": "forward", "runtime": "python3.11", "handler": "app.forward", "codeUri": "code"}
  ]
})json";

const QByteArray kCode = R"py(import json, os

def ingest(event, context):
    bodies = [r["body"] for r in event["Records"]]
    print("INGEST %s batch=%d %s" % (context.function_name, len(bodies), ",".join(bodies)))
    return {}

def reject(event, context):
    raise ValueError("rejected " + event["Records"][0]["body"])

def resize(event, context):
    if event.get("broken"):
        raise RuntimeError("cannot resize")
    return {"width": event["width"] // 2}

def notify(event, context):
    print("NOTIFY %s %s %s" % (event["requestContext"]["condition"],
                               json.dumps(event["requestPayload"], sort_keys=True),
                               json.dumps(event["responsePayload"], sort_keys=True)))
    return {}

def forward(event, context):
    # Functions find the local SQS through the environment, as current SDKs do.
    print("ENDPOINT %s" % os.environ.get("AWS_ENDPOINT_URL_SQS"))
    return {}
)py";

} // namespace

class tst_SwbQueue : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void awsCliSendMessageReachesTheFunction();
    void twentyFiveMessagesAreThreeBatches();
    void failingMessagesEndInTheDeadLetterQueue();
    void destinationsGetTheRecord();
    void queueSendNeedsARunningServe();

private:
    QProcessEnvironment awsEnvironment() const;
    QByteArray aws(const QStringList& args, int* exitCode = nullptr);
    QByteArray swb(const QStringList& args, int* exitCode = nullptr);
    bool waitForLog(const QByteArray& needle, int timeoutMs = 60000);
    QString endpoint() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    QString m_aws;
    bool m_awsV2 = false;
    QTemporaryDir* m_dir = nullptr;
    QProcess* m_serve = nullptr;
    quint16 m_port = 0;
    QByteArray m_log;
};

void tst_SwbQueue::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
    // Debian's package first (CLI v2, SQS's query protocol); a pip v1 (JSON protocol) works too.
    m_aws = QStandardPaths::findExecutable(QStringLiteral("aws"), {QStringLiteral("/usr/bin")});
    if (m_aws.isEmpty())
        m_aws = QStandardPaths::findExecutable(QStringLiteral("aws"));
}

void tst_SwbQueue::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(swb::test::writeFile(m_dir->path(), QStringLiteral("workbench.json"), kWorkspace));
    QVERIFY(swb::test::writeFile(m_dir->path(), QStringLiteral("code/app.py"), kCode));
    m_serve = new QProcess;
    m_serve->setProgram(QStringLiteral(SWB_CLI_PATH));
    m_serve->setArguments({QStringLiteral("serve"), QStringLiteral("--workspace"), m_dir->path(),
                           QStringLiteral("--port"), QStringLiteral("0"),
                           QStringLiteral("--async-retry-delays"), QStringLiteral("50,50")});
    m_serve->start();
    QVERIFY(m_serve->waitForStarted());
    QVERIFY(QTest::qWaitFor([this] { return m_serve->canReadLine(); }, 30000));
    const QString first = QString::fromUtf8(m_serve->readLine()).trimmed();
    m_port = quint16(first.section(QLatin1Char(':'), -1).toUInt());
    QVERIFY2(m_port > 0, qPrintable(first));
    m_log.clear();
}

void tst_SwbQueue::cleanup()
{
    if (m_serve) {
        m_serve->kill();
        m_serve->waitForFinished();
    }
    delete m_serve;
    m_serve = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

bool tst_SwbQueue::waitForLog(const QByteArray& needle, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            m_log += m_serve->readAllStandardError();
            return m_log.contains(needle);
        },
        timeoutMs);
}

QProcessEnvironment tst_SwbQueue::awsEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The CLI signs requests and needs some credentials and a region; the runner ignores them.
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDEXAMPLE"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"),
               QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    env.insert(QStringLiteral("AWS_DEFAULT_REGION"), QStringLiteral("us-east-1"));
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), m_dir->filePath(QStringLiteral("none")));
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
               m_dir->filePath(QStringLiteral("none")));
    return env;
}

QByteArray tst_SwbQueue::aws(const QStringList& args, int* exitCode)
{
    QProcess cli;
    cli.setProcessEnvironment(awsEnvironment());
    cli.start(m_aws, QStringList{QStringLiteral("sqs")} + args +
                         QStringList{QStringLiteral("--endpoint-url"), endpoint(),
                                     QStringLiteral("--output"), QStringLiteral("json")});
    // Never block serve's log: it runs in another process, but read it while waiting.
    if (!QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 120000)) {
        cli.kill();
        cli.waitForFinished();
    }
    if (exitCode)
        *exitCode = cli.exitCode();
    else if (cli.exitCode() != 0)
        qWarning("aws failed: %s", cli.readAllStandardError().constData());
    return cli.readAllStandardOutput() + (exitCode ? cli.readAllStandardError() : QByteArray());
}

QByteArray tst_SwbQueue::swb(const QStringList& args, int* exitCode)
{
    QProcess p;
    p.start(QStringLiteral(SWB_CLI_PATH), args);
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000)) {
        p.kill();
        p.waitForFinished();
    }
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return p.readAllStandardOutput() + p.readAllStandardError();
}

void tst_SwbQueue::awsCliSendMessageReachesTheFunction()
{
    if (m_aws.isEmpty())
        QSKIP("the AWS CLI (Debian package awscli) is not installed");
    const QJsonObject url =
        QJsonDocument::fromJson(aws({QStringLiteral("get-queue-url"),
                                     QStringLiteral("--queue-name"), QStringLiteral("readings")}))
            .object();
    const QString queueUrl = url.value(QStringLiteral("QueueUrl")).toString();
    QCOMPARE(queueUrl, endpoint() + QStringLiteral("/123456789012/readings"));
    const QJsonObject sent =
        QJsonDocument::fromJson(
            aws({QStringLiteral("send-message"), QStringLiteral("--queue-url"), queueUrl,
                 QStringLiteral("--message-body"), QStringLiteral("Test message."),
                 QStringLiteral("--message-attributes"),
                 QStringLiteral("{\"device\":{\"DataType\":\"String\","
                                "\"StringValue\":\"d-7\"}}")}))
            .object();
    QCOMPARE(sent.value(QStringLiteral("MD5OfMessageBody")).toString(),
             QStringLiteral("e4e68fb7bd0e697a0ae8f1bb342846b3"));
    QVERIFY(!sent.value(QStringLiteral("MessageId")).toString().isEmpty());
    QVERIFY2(waitForLog("INGEST ingest batch=1 Test message."), m_log.constData());
    QVERIFY(waitForLog("queue readings -> ingest: batch of 1 (RequestId: "));

    int exitCode = 0;
    const QByteArray missing = aws({QStringLiteral("send-message"), QStringLiteral("--queue-url"),
                                    endpoint() + QStringLiteral("/123456789012/ghost"),
                                    QStringLiteral("--message-body"), QStringLiteral("x")},
                                   &exitCode);
    QVERIFY(exitCode != 0);
    QVERIFY2(missing.contains("NonExistentQueue") || missing.contains("QueueDoesNotExist"),
             missing.constData());
}

void tst_SwbQueue::twentyFiveMessagesAreThreeBatches()
{
    // Three SendMessageBatch calls (10 + 10 + 5) within the trigger's one-second window.
    for (int call = 0; call < 3; ++call) {
        QJsonArray entries;
        for (int i = call * 10; i < std::min(25, call * 10 + 10); ++i)
            entries.append(QJsonObject{{QStringLiteral("Id"), QStringLiteral("m%1").arg(i)},
                                       {QStringLiteral("MessageBody"), QString::number(i)}});
        if (m_aws.isEmpty()) {
            for (const QJsonValue& e : entries)
                swb({QStringLiteral("queue"), QStringLiteral("send"), QStringLiteral("bulk"),
                     QStringLiteral("--body"),
                     e.toObject().value(QStringLiteral("MessageBody")).toString(),
                     QStringLiteral("--endpoint"), endpoint()});
            continue;
        }
        const QJsonObject result =
            QJsonDocument::fromJson(
                aws({QStringLiteral("send-message-batch"), QStringLiteral("--queue-url"),
                     endpoint() + QStringLiteral("/123456789012/bulk"), QStringLiteral("--entries"),
                     QString::fromUtf8(QJsonDocument(entries).toJson(QJsonDocument::Compact))}))
                .object();
        QCOMPARE(result.value(QStringLiteral("Successful")).toArray().size(), entries.size());
    }
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     m_log += m_serve->readAllStandardError();
                     return m_log.count("queue bulk -> bulk: batch of ") >= 3;
                 },
                 60000),
             m_log.constData());
    QTest::qWait(1500); // a fourth batch would come within the window
    m_log += m_serve->readAllStandardError();
    QCOMPARE(m_log.count("queue bulk -> bulk: batch of "), 3);
    QCOMPARE(m_log.count("INGEST bulk batch=10 "), 2);
    QCOMPARE(m_log.count("INGEST bulk batch=5 "), 1);
    int exitCode = -1;
    const QByteArray listed =
        swb({QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--endpoint"),
             endpoint(), QStringLiteral("--json")},
            &exitCode);
    QCOMPARE(exitCode, 0);
    bool found = false;
    for (const QJsonValue& v : QJsonDocument::fromJson(listed).array()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("bulk")) {
            found = true;
            QCOMPARE(v.toObject().value(QStringLiteral("visible")).toInt(), 0);
        }
    }
    QVERIFY2(found, listed.constData());
}

void tst_SwbQueue::failingMessagesEndInTheDeadLetterQueue()
{
    int exitCode = -1;
    const QByteArray sent =
        swb({QStringLiteral("queue"), QStringLiteral("send"), QStringLiteral("poison"),
             QStringLiteral("--body"), QStringLiteral("pill"), QStringLiteral("--attribute"),
             QStringLiteral("origin=test"), QStringLiteral("--endpoint"), endpoint(),
             QStringLiteral("--workspace"), m_dir->path()},
            &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(QJsonDocument::fromJson(sent).object().contains(QStringLiteral("MessageId")),
             sent.constData());
    QVERIFY2(waitForLog("moved to dead-letter queue poison-dlq after 2 receives"),
             m_log.constData());
    QCOMPARE(m_log.count("queue poison -> reject: batch of 1, 1 failed"), 2);

    QByteArray received;
    if (!m_aws.isEmpty()) {
        received = aws({QStringLiteral("receive-message"), QStringLiteral("--queue-url"),
                        endpoint() + QStringLiteral("/123456789012/poison-dlq"),
                        QStringLiteral("--attribute-names"), QStringLiteral("All"),
                        QStringLiteral("--message-attribute-names"), QStringLiteral("All")});
    } else {
        received = swb({QStringLiteral("queue"), QStringLiteral("receive"),
                        QStringLiteral("poison-dlq"), QStringLiteral("--endpoint"), endpoint()});
    }
    const QJsonArray messages =
        QJsonDocument::fromJson(received).object().value(QStringLiteral("Messages")).toArray();
    QCOMPARE(messages.size(), 1);
    const QJsonObject m = messages.first().toObject();
    QCOMPARE(m.value(QStringLiteral("Body")).toString(), QStringLiteral("pill"));
    QCOMPARE(m.value(QStringLiteral("MessageAttributes"))
                 .toObject()
                 .value(QStringLiteral("origin"))
                 .toObject()
                 .value(QStringLiteral("StringValue"))
                 .toString(),
             QStringLiteral("test"));
    QCOMPARE(m.value(QStringLiteral("Attributes"))
                 .toObject()
                 .value(QStringLiteral("DeadLetterQueueSourceArn"))
                 .toString(),
             QStringLiteral("arn:aws:sqs:us-east-1:123456789012:poison"));

    // A queue the workspace does not name is refused before anything is sent.
    const QByteArray typo =
        swb({QStringLiteral("queue"), QStringLiteral("send"), QStringLiteral("poisen"),
             QStringLiteral("--body"), QStringLiteral("x"), QStringLiteral("--endpoint"),
             endpoint(), QStringLiteral("--workspace"), m_dir->path()},
            &exitCode);
    QCOMPARE(exitCode, 2);
    QVERIFY2(typo.contains("the workspace names no queue \"poisen\""), typo.constData());
}

void tst_SwbQueue::destinationsGetTheRecord()
{
    int exitCode = -1;
    // Two Event invocations through serve's Invoke API, as `aws lambda invoke
    // --invocation-type Event` sends them.
    QByteArray answer;
    {
        QProcess p;
        p.start(QStringLiteral("python3"),
                {QStringLiteral("-c"),
                 QStringLiteral("import sys, urllib.request\n"
                                "for body in sys.argv[2:]:\n"
                                "    r = urllib.request.Request(sys.argv[1], data=body.encode(), "
                                "headers={'X-Amz-Invocation-Type': 'Event'})\n"
                                "    print(urllib.request.urlopen(r).status)\n"),
                 endpoint() + QStringLiteral("/2015-03-31/functions/resize/invocations"),
                 QStringLiteral("{\"width\": 640}"), QStringLiteral("{\"broken\": true}")});
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000));
        exitCode = p.exitCode();
        answer = p.readAllStandardOutput() + p.readAllStandardError();
    }
    QCOMPARE(exitCode, 0);
    QCOMPARE(answer, QByteArray("202\n202\n"));
    QVERIFY2(waitForLog("NOTIFY Success {\"width\": 640} {\"width\": 320}"), m_log.constData());
    QVERIFY(waitForLog("destination resize (Success) -> function:notify"));
    // The failure goes to the queue once the two retries are spent (serve runs with
    // --async-retry-delays 50,50 here instead of Lambda's minute and two).
    QVERIFY2(waitForLog("destination resize (RetriesExhausted) -> queue:resize-failures"),
             m_log.constData());
    const QByteArray received =
        swb({QStringLiteral("queue"), QStringLiteral("receive"), QStringLiteral("resize-failures"),
             QStringLiteral("--endpoint"), endpoint(), QStringLiteral("--delete")},
            &exitCode);
    QCOMPARE(exitCode, 0);
    const QJsonArray messages =
        QJsonDocument::fromJson(received).object().value(QStringLiteral("Messages")).toArray();
    QCOMPARE(messages.size(), 1);
    const QJsonObject record =
        QJsonDocument::fromJson(
            messages.first().toObject().value(QStringLiteral("Body")).toString().toUtf8())
            .object();
    const QJsonObject context = record.value(QStringLiteral("requestContext")).toObject();
    QCOMPARE(context.value(QStringLiteral("condition")).toString(),
             QStringLiteral("RetriesExhausted"));
    QCOMPARE(context.value(QStringLiteral("approximateInvokeCount")).toInt(), 3);
    QCOMPARE(record.value(QStringLiteral("requestPayload"))
                 .toObject()
                 .value(QStringLiteral("broken"))
                 .toBool(),
             true);
    QCOMPARE(record.value(QStringLiteral("responsePayload"))
                 .toObject()
                 .value(QStringLiteral("errorMessage"))
                 .toString(),
             QStringLiteral("cannot resize"));
}

void tst_SwbQueue::queueSendNeedsARunningServe()
{
    int exitCode = -1;
    const QByteArray out =
        swb({QStringLiteral("queue"), QStringLiteral("send"), QStringLiteral("readings"),
             QStringLiteral("--body"), QStringLiteral("x"), QStringLiteral("--endpoint"),
             QStringLiteral("http://127.0.0.1:9")},
            &exitCode);
    QCOMPARE(exitCode, 1);
    QVERIFY2(out.contains("Nothing answers at http://127.0.0.1:9"), out.constData());
    const QByteArray usage = swb(
        {QStringLiteral("queue"), QStringLiteral("send"), QStringLiteral("readings")}, &exitCode);
    QCOMPARE(exitCode, 2);
    QVERIFY(usage.contains("--body TEXT or --file FILE"));
}

QTEST_GUILESS_MAIN(tst_SwbQueue)
#include "tst_SwbQueue.moc"
