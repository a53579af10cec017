// labels: integration
// The Lambda Invoke API served by LocalServer over a real runner, spoken to over HTTP the way
// the AWS SDKs do.
#include "LocalServer.h"
#include "Runner.h"
#include "RuntimeFiles.h"

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

const QByteArray kHandlers = R"py(import os

def ok(event, context):
    print("hello from ok")
    return {"echo": event}

def boom(event, context):
    raise RuntimeError("nope")

def flaky(event, context):
    # Fails twice, then succeeds: counts attempts in a file next to the code.
    path = os.path.join(os.environ["LAMBDA_TASK_ROOT"], "attempts")
    n = int(open(path).read()) if os.path.exists(path) else 0
    open(path, "w").write(str(n + 1))
    if n < 2:
        raise RuntimeError("attempt %d failed" % (n + 1))
    return "ok"

def endpoint(event, context):
    return os.environ.get("AWS_ENDPOINT_URL_LAMBDA")
)py";

struct Reply {
    int status = 0;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers;
};

} // namespace

class tst_InvokeApi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void synchronousInvokeReturnsResult();
    void tailReturnsLastLogsBase64();
    void functionErrorSetsHeader();
    void unknownFunctionIs404WithAwsErrorType();
    void acceptsFunctionArn();
    void dryRunAnswers204();
    void invalidJsonIs400();
    void asyncInvokeIs202AndRetriesTwice();
    void maximumRetryAttemptsLimitsTheRetries();
    void functionsLearnTheInvokeEndpoint();
    void otherQualifiersAreNotFound();
    void apiKeyIsRequiredWhenSet();
    void destinationRecordHasLambdasShape();

private:
    Reply post(const QString& path, const QByteArray& body,
               const QList<QPair<QByteArray, QByteArray>>& headers = {});

    QTemporaryDir* m_dir = nullptr;
    Runner* m_runner = nullptr;
    LocalServer* m_server = nullptr;
    QNetworkAccessManager* m_net = nullptr;
    QString m_apiKey;
};

void tst_InvokeApi::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
}

void tst_InvokeApi::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("code/app.py"), kHandlers));
    Workspace ws;
    ws.folder = m_dir->path();
    for (const char* name : {"ok", "boom", "flaky", "endpoint"}) {
        FunctionSpec f;
        f.name = QLatin1String(name);
        f.runtime = QStringLiteral("python3.11");
        f.handler = QStringLiteral("app.") + QLatin1String(name);
        f.codeUri = QStringLiteral("code");
        ws.functions.append(f);
    }
    FunctionSpec once = ws.functions.at(2); // flaky, but not retried
    once.name = QStringLiteral("flakyNoRetry");
    once.maximumRetryAttempts = 0;
    ws.functions.append(once);
    RunnerOptions options;
    const auto folder = RuntimeFiles::materialize(m_dir->filePath(QStringLiteral("runtimes")));
    QVERIFY(folder.has_value());
    options.runtimeFolder = *folder;
    options.temporaryRoot = m_dir->path();
    m_runner = new Runner(ws, options);
    LocalServerOptions serverOptions;
    serverOptions.apiKey = m_apiKey;
    serverOptions.invokeApi.asyncRetryDelaysMs = {50, 100};
    m_server = new LocalServer(*m_runner, serverOptions);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).has_value());
    m_net = new QNetworkAccessManager;
}

void tst_InvokeApi::cleanup()
{
    delete m_net;
    delete m_server;
    delete m_runner;
    delete m_dir;
    m_apiKey.clear();
}

Reply tst_InvokeApi::post(const QString& path, const QByteArray& body,
                          const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
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

void tst_InvokeApi::synchronousInvokeReturnsResult()
{
    const Reply r = post(QStringLiteral("/2015-03-31/functions/ok/invocations"), "{\"a\":1}");
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body)
                 .object()
                 .value(QStringLiteral("echo"))
                 .toObject()
                 .value(QStringLiteral("a"))
                 .toInt(),
             1);
    QCOMPARE(r.headers.value("x-amz-executed-version"), QByteArray("$LATEST"));
    QVERIFY(!r.headers.contains("x-amz-function-error"));
    QVERIFY(!r.headers.contains("x-amz-log-result"));
}

void tst_InvokeApi::tailReturnsLastLogsBase64()
{
    const Reply r = post(QStringLiteral("/2015-03-31/functions/ok/invocations"), "{}",
                         {{"X-Amz-Log-Type", "Tail"}});
    QCOMPARE(r.status, 200);
    const QString log =
        QString::fromUtf8(QByteArray::fromBase64(r.headers.value("x-amz-log-result")));
    QVERIFY2(log.startsWith(QStringLiteral("START RequestId: ")), qPrintable(log));
    QVERIFY(log.contains(QStringLiteral("\nhello from ok\n")));
    QVERIFY(log.contains(QStringLiteral("\nREPORT RequestId: ")));
    QVERIFY(log.contains(QStringLiteral("Init Duration: ")));
}

void tst_InvokeApi::functionErrorSetsHeader()
{
    const Reply r = post(QStringLiteral("/2015-03-31/functions/boom/invocations"), "{}");
    QCOMPARE(r.status, 200); // Lambda answers 200 and flags the function's failure
    QCOMPARE(r.headers.value("x-amz-function-error"), QByteArray("Unhandled"));
    const QJsonObject e = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(e.value(QStringLiteral("errorType")).toString(), QStringLiteral("RuntimeError"));
    QCOMPARE(e.value(QStringLiteral("errorMessage")).toString(), QStringLiteral("nope"));
}

void tst_InvokeApi::unknownFunctionIs404WithAwsErrorType()
{
    const Reply r = post(QStringLiteral("/2015-03-31/functions/ghost/invocations"), "{}");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.headers.value("x-amzn-errortype"), QByteArray("ResourceNotFoundException"));
    QCOMPARE(
        QJsonDocument::fromJson(r.body).object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Function not found: arn:aws:lambda:us-east-1:123456789012:function:ghost"));
}

void tst_InvokeApi::acceptsFunctionArn()
{
    const Reply r = post(
        QStringLiteral("/2015-03-31/functions/"
                       "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aok/invocations"),
        "{}");
    QCOMPARE(r.status, 200);
}

void tst_InvokeApi::dryRunAnswers204()
{
    const Reply r = post(QStringLiteral("/2015-03-31/functions/ok/invocations"), "{}",
                         {{"X-Amz-Invocation-Type", "DryRun"}});
    QCOMPARE(r.status, 204);
    QCOMPARE(m_runner->instanceCount(QStringLiteral("ok")), 0);
}

void tst_InvokeApi::invalidJsonIs400()
{
    const Reply r = post(QStringLiteral("/2015-03-31/functions/ok/invocations"), "{oops");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.headers.value("x-amzn-errortype"), QByteArray("InvalidRequestContentException"));
}

void tst_InvokeApi::asyncInvokeIs202AndRetriesTwice()
{
    QSignalSpy finished(&m_server->invokeApi(), &InvokeApi::asyncInvocationFinished);
    const Reply r = post(QStringLiteral("/2015-03-31/functions/flaky/invocations"), "{}",
                         {{"X-Amz-Invocation-Type", "Event"}});
    QCOMPARE(r.status, 202);
    QVERIFY(r.body.isEmpty());
    QVERIFY(finished.wait(30000));
    const auto record = finished.first().at(0).value<InvocationRecord>();
    QCOMPARE(finished.first().at(1).toInt(), 3); // the first attempt and two retries
    QCOMPARE(outcomeName(record.outcome), QStringLiteral("success"));
    QCOMPARE(test::readFile(m_dir->filePath(QStringLiteral("code/attempts"))), QByteArray("3"));
}

void tst_InvokeApi::maximumRetryAttemptsLimitsTheRetries()
{
    QSignalSpy finished(&m_server->invokeApi(), &InvokeApi::asyncInvocationFinished);
    const Reply r = post(QStringLiteral("/2015-03-31/functions/flakyNoRetry/invocations"), "{}",
                         {{"X-Amz-Invocation-Type", "Event"}});
    QCOMPARE(r.status, 202);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(1).toInt(), 1); // maximumRetryAttempts 0: the first attempt only
    QCOMPARE(outcomeName(finished.first().at(0).value<InvocationRecord>().outcome),
             QStringLiteral("function-error"));
    QCOMPARE(m_server->invokeApi().pendingAsyncInvocations(), 0);
    QCOMPARE(test::readFile(m_dir->filePath(QStringLiteral("code/attempts"))), QByteArray("1"));
}

void tst_InvokeApi::functionsLearnTheInvokeEndpoint()
{
    const Reply r = post(QStringLiteral("/2015-03-31/functions/endpoint/invocations"), "{}");
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson("[" + r.body + "]").array().at(0).toString(),
             QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));
}

void tst_InvokeApi::otherQualifiersAreNotFound()
{
    const Reply r =
        post(QStringLiteral("/2015-03-31/functions/ok/invocations?Qualifier=prod"), "{}");
    QCOMPARE(r.status, 404);
    QCOMPARE(post(QStringLiteral("/2015-03-31/functions/ok/invocations?Qualifier=%24LATEST"), "{}")
                 .status,
             200);
}

void tst_InvokeApi::apiKeyIsRequiredWhenSet()
{
    cleanup();
    m_apiKey = QStringLiteral("s3cret");
    init();
    QCOMPARE(post(QStringLiteral("/2015-03-31/functions/ok/invocations"), "{}").status, 403);
    QCOMPARE(post(QStringLiteral("/2015-03-31/functions/ok/invocations"), "{}",
                  {{"x-api-key", "s3cret"}})
                 .status,
             200);
}

void tst_InvokeApi::destinationRecordHasLambdasShape()
{
    // The shape of the example records in the Lambda developer guide ("Capturing records of
    // Lambda asynchronous invocations"): a failure after two retries, and a success.
    InvocationRecord failed;
    failed.requestId = QStringLiteral("e4b46cbf-b738-xmpl-8880-a18cdf61200e");
    failed.functionName = QStringLiteral("my-function");
    failed.outcome = InvocationOutcome::FunctionError;
    failed.errorType = QStringLiteral("Unhandled");
    failed.payload =
        R"({"errorMessage": "RequestId: e4b46cbf Process exited before completing request"})";
    const QJsonObject f = QJsonDocument::fromJson(InvokeApi::destinationRecord(
                                                      failed, "{\"Success\": false}", 3,
                                                      QStringLiteral("us-east-2"), 1573755365568))
                              .object();
    QCOMPARE(f.value(QStringLiteral("version")).toString(), QStringLiteral("1.0"));
    QCOMPARE(f.value(QStringLiteral("timestamp")).toString(),
             QStringLiteral("2019-11-14T18:16:05.568Z"));
    const QJsonObject context = f.value(QStringLiteral("requestContext")).toObject();
    QCOMPARE(context.value(QStringLiteral("requestId")).toString(), failed.requestId);
    QCOMPARE(context.value(QStringLiteral("functionArn")).toString(),
             QStringLiteral("arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST"));
    QCOMPARE(context.value(QStringLiteral("condition")).toString(),
             QStringLiteral("RetriesExhausted"));
    QCOMPARE(context.value(QStringLiteral("approximateInvokeCount")).toInt(), 3);
    QCOMPARE(f.value(QStringLiteral("requestPayload")).toObject().value(QStringLiteral("Success")),
             QJsonValue(false));
    const QJsonObject response = f.value(QStringLiteral("responseContext")).toObject();
    QCOMPARE(response.value(QStringLiteral("statusCode")).toInt(), 200);
    QCOMPARE(response.value(QStringLiteral("executedVersion")).toString(),
             QStringLiteral("$LATEST"));
    QCOMPARE(response.value(QStringLiteral("functionError")).toString(),
             QStringLiteral("Unhandled"));
    QVERIFY(f.value(QStringLiteral("responsePayload"))
                .toObject()
                .value(QStringLiteral("errorMessage"))
                .toString()
                .startsWith(QStringLiteral("RequestId: ")));

    InvocationRecord ok;
    ok.requestId = QStringLiteral("id");
    ok.functionName = QStringLiteral("f");
    ok.payload = "null";
    const QJsonObject s =
        QJsonDocument::fromJson(
            InvokeApi::destinationRecord(ok, "[1,2]", 1, QStringLiteral("us-east-1"), 0))
            .object();
    QCOMPARE(s.value(QStringLiteral("requestContext"))
                 .toObject()
                 .value(QStringLiteral("condition"))
                 .toString(),
             QStringLiteral("Success"));
    QVERIFY(!s.value(QStringLiteral("responseContext"))
                 .toObject()
                 .contains(QStringLiteral("functionError")));
    QVERIFY(s.value(QStringLiteral("responsePayload")).isNull());
    QCOMPARE(s.value(QStringLiteral("requestPayload")).toArray().size(), 2);
}

QTEST_GUILESS_MAIN(tst_InvokeApi)
#include "tst_InvokeApi.moc"
