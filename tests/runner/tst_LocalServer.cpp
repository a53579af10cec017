// labels: integration
// swb serve's gateway over a real runner: requests become API Gateway events, results become
// HTTP responses, misses and failures are answered as API Gateway answers them.
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

const QByteArray kHandlers = R"py(import json

def echo(event, context):
    # Returns the event it got, so the test can check what the gateway built.
    return {"statusCode": 201, "headers": {"x-echo": "yes"}, "cookies": ["a=1", "b=2"],
            "body": json.dumps(event)}

def rest_echo(event, context):
    return {"statusCode": 200, "multiValueHeaders": {"x-many": ["1", "2"]}, "body": json.dumps(event)}

def plain(event, context):
    return {"hello": "world"}

def boom(event, context):
    raise ValueError("no")
)py";

struct Reply {
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray& name) const
    {
        QByteArrayList values;
        for (const auto& [n, v] : headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                values << v;
        }
        return values.join(", ");
    }
};

} // namespace

class tst_LocalServer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void httpApiBuildsPayload2Event();
    void httpApiMapsResponseWithCookies();
    void httpApiInfersJsonResponse();
    void restApiBuildsPayload1Event();
    void binaryBodyIsBase64();
    void unknownRouteIs404NotFound();
    void functionErrorIs500();
    void clashingRoutesAreRefusedAtListen();
    void invalidScheduleIsRefused();
    void scheduleFiringIsRetriedAsAnAsyncInvocation();
    void farScheduleIsNotFiredEarly();

private:
    Reply request(const QByteArray& verb, const QString& path, const QByteArray& body = {},
                  const QList<QPair<QByteArray, QByteArray>>& headers = {});
    Workspace workspace();

    QTemporaryDir* m_dir = nullptr;
    Runner* m_runner = nullptr;
    LocalServer* m_server = nullptr;
    QNetworkAccessManager* m_net = nullptr;
    RunnerOptions m_options;
};

void tst_LocalServer::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
}

Workspace tst_LocalServer::workspace()
{
    Workspace ws;
    ws.folder = m_dir->path();
    auto add = [&ws](const char* name, const char* handler, QList<TriggerSpec> triggers) {
        FunctionSpec f;
        f.name = QLatin1String(name);
        f.runtime = QStringLiteral("python3.11");
        f.handler = QLatin1String(handler);
        f.codeUri = QStringLiteral("code");
        f.triggers = triggers;
        ws.functions.append(f);
    };
    auto http = [](const char* method, const char* path, const char* api) {
        TriggerSpec t;
        t.type = TriggerType::Http;
        t.method = QLatin1String(method);
        t.path = QLatin1String(path);
        t.api = QLatin1String(api);
        return t;
    };
    add("echo", "app.echo",
        {http("POST", "/items/{id}", "http"), http("GET", "/files/{proxy+}", "http")});
    add("restEcho", "app.rest_echo", {http("GET", "/legacy/{name}", "rest")});
    add("plain", "app.plain", {http("GET", "/plain", "http")});
    add("boom", "app.boom", {http("ANY", "/boom", "http")});
    return ws;
}

void tst_LocalServer::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("code/app.py"), kHandlers));
    const auto folder = RuntimeFiles::materialize(m_dir->filePath(QStringLiteral("runtimes")));
    QVERIFY(folder.has_value());
    m_options.runtimeFolder = *folder;
    m_options.temporaryRoot = m_dir->path();
    m_runner = new Runner(workspace(), m_options);
    m_server = new LocalServer(*m_runner);
    const auto listening = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(listening.has_value(), qPrintable(listening ? QString() : listening.error().message));
    m_net = new QNetworkAccessManager;
}

void tst_LocalServer::cleanup()
{
    delete m_net;
    delete m_server;
    delete m_runner;
    delete m_dir;
}

Reply tst_LocalServer::request(const QByteArray& verb, const QString& path, const QByteArray& body,
                               const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QNetworkRequest req(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path)));
    for (const auto& [name, value] : headers)
        req.setRawHeader(name, value);
    QNetworkReply* reply = m_net->sendCustomRequest(req, verb, body);
    Reply r;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 60000))
        return r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

void tst_LocalServer::httpApiBuildsPayload2Event()
{
    const Reply r = request("POST", QStringLiteral("/items/a%20b?x=1&x=2&y=z"), "{\"k\":1}",
                            {{"Content-Type", "application/json"}, {"Cookie", "s=1; t=2"}});
    QCOMPARE(r.status, 201);
    const QJsonObject e = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(e.value(QStringLiteral("version")).toString(), QStringLiteral("2.0"));
    QCOMPARE(e.value(QStringLiteral("routeKey")).toString(), QStringLiteral("POST /items/{id}"));
    QCOMPARE(e.value(QStringLiteral("rawPath")).toString(), QStringLiteral("/items/a%20b"));
    QCOMPARE(e.value(QStringLiteral("rawQueryString")).toString(), QStringLiteral("x=1&x=2&y=z"));
    QCOMPARE(
        e.value(QStringLiteral("pathParameters")).toObject().value(QStringLiteral("id")).toString(),
        QStringLiteral("a b"));
    QCOMPARE(e.value(QStringLiteral("queryStringParameters"))
                 .toObject()
                 .value(QStringLiteral("x"))
                 .toString(),
             QStringLiteral("1,2"));
    QCOMPARE(e.value(QStringLiteral("cookies")).toArray().size(), 2);
    QCOMPARE(e.value(QStringLiteral("body")).toString(), QStringLiteral("{\"k\":1}"));
    QCOMPARE(e.value(QStringLiteral("isBase64Encoded")).toBool(), false);
    const QJsonObject http = e.value(QStringLiteral("requestContext"))
                                 .toObject()
                                 .value(QStringLiteral("http"))
                                 .toObject();
    QCOMPARE(http.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(http.value(QStringLiteral("sourceIp")).toString(), QStringLiteral("127.0.0.1"));
    QVERIFY(!r.header("apigw-requestid").isEmpty());
}

void tst_LocalServer::httpApiMapsResponseWithCookies()
{
    const Reply r = request("GET", QStringLiteral("/files/a/b/c.txt"));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.header("x-echo"), QByteArray("yes"));
    // Two Set-Cookie headers; Qt's network layer joins repeated Set-Cookie values with '\n'.
    QCOMPARE(r.header("set-cookie"), QByteArray("a=1\nb=2"));
    const QJsonObject e = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(e.value(QStringLiteral("pathParameters"))
                 .toObject()
                 .value(QStringLiteral("proxy"))
                 .toString(),
             QStringLiteral("a/b/c.txt"));
}

void tst_LocalServer::httpApiInfersJsonResponse()
{
    const Reply r = request("GET", QStringLiteral("/plain"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("content-type").startsWith("application/json"));
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("hello")).toString(),
             QStringLiteral("world"));
}

void tst_LocalServer::restApiBuildsPayload1Event()
{
    const Reply r = request("GET", QStringLiteral("/legacy/ann?q=1&q=2"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-many"), QByteArray("1, 2"));
    const QJsonObject e = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(e.value(QStringLiteral("resource")).toString(), QStringLiteral("/legacy/{name}"));
    QCOMPARE(e.value(QStringLiteral("httpMethod")).toString(), QStringLiteral("GET"));
    QCOMPARE(e.value(QStringLiteral("queryStringParameters"))
                 .toObject()
                 .value(QStringLiteral("q"))
                 .toString(),
             QStringLiteral("2"));
    QCOMPARE(e.value(QStringLiteral("multiValueQueryStringParameters"))
                 .toObject()
                 .value(QStringLiteral("q"))
                 .toArray()
                 .size(),
             2);
    QCOMPARE(e.value(QStringLiteral("pathParameters"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("ann"));
    QVERIFY(e.value(QStringLiteral("body")).isNull());
    QVERIFY(!r.header("x-amzn-requestid").isEmpty());
}

void tst_LocalServer::binaryBodyIsBase64()
{
    const QByteArray png("\x89PNG\r\n\x1a\n\x00\x01", 10);
    const Reply r =
        request("POST", QStringLiteral("/items/1"), png, {{"Content-Type", "image/png"}});
    const QJsonObject e = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(e.value(QStringLiteral("isBase64Encoded")).toBool(), true);
    QCOMPARE(QByteArray::fromBase64(e.value(QStringLiteral("body")).toString().toLatin1()), png);
}

void tst_LocalServer::unknownRouteIs404NotFound()
{
    const Reply r = request("GET", QStringLiteral("/nowhere"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body, QByteArray("{\"message\":\"Not Found\"}"));
    QCOMPARE(request("DELETE", QStringLiteral("/plain")).status, 404); // no 405 on API Gateway
}

void tst_LocalServer::functionErrorIs500()
{
    const Reply r = request("GET", QStringLiteral("/boom"));
    QCOMPARE(r.status, 500);
    QCOMPARE(r.body, QByteArray("{\"message\":\"Internal Server Error\"}"));
}

void tst_LocalServer::clashingRoutesAreRefusedAtListen()
{
    Workspace ws = workspace();
    TriggerSpec t;
    t.type = TriggerType::Http;
    t.method = QStringLiteral("POST");
    t.path = QStringLiteral("/items/{key}");
    ws.functions[2].triggers.append(t);
    Runner runner(ws, m_options);
    LocalServer server(runner);
    const auto listening = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(!listening.has_value());
    QVERIFY2(listening.error().message.startsWith(QStringLiteral(
                 "Function \"plain\" has an http trigger the gateway cannot serve: ")),
             qPrintable(listening.error().message));
}

void tst_LocalServer::invalidScheduleIsRefused()
{
    Workspace ws = workspace();
    TriggerSpec t;
    t.type = TriggerType::Schedule;
    t.schedule = QStringLiteral("cron(0 12 * * * *)");
    ws.functions[0].triggers.append(t);
    Runner runner(ws, m_options);
    LocalServer server(runner);
    const auto started = server.startSchedules();
    QVERIFY(!started.has_value());
    QCOMPARE(
        started.error().message,
        QStringLiteral("Function \"echo\": \"cron(0 12 * * * *)\" is not a schedule expression: "
                       "exactly one of day-of-month and day-of-week must be \"?\"."));
}

// EventBridge invokes a schedule's target asynchronously, so a failed firing is retried twice
// like any Event invocation (before, a firing was a plain invoke and was never retried).
void tst_LocalServer::scheduleFiringIsRetriedAsAnAsyncInvocation()
{
    Workspace ws = workspace();
    TriggerSpec t;
    t.type = TriggerType::Schedule;
    t.schedule = QStringLiteral("rate(1 hour)");
    ws.functions[3].triggers.append(t); // boom: always raises
    Runner runner(ws, m_options);
    LocalServerOptions options;
    options.invokeApi.asyncRetryDelaysMs = {50, 100};
    LocalServer server(runner, options);
    QVERIFY(server.startSchedules().has_value());
    QSignalSpy finished(&server.invokeApi(), &InvokeApi::asyncInvocationFinished);
    QSignalSpy fired(&server, &LocalServer::scheduleFired);
    const QStringList ids = server.fireSchedules(QStringLiteral("boom"));
    QCOMPARE(ids.size(), 1);
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired.first().at(2).toString(), ids.first());
    QVERIFY(finished.wait(20000));
    const auto record = finished.first().at(0).value<InvocationRecord>();
    QCOMPARE(finished.first().at(1).toInt(), 3); // the first attempt and two retries
    QVERIFY(record.failed());
    QCOMPARE(server.fireSchedules(QStringLiteral("echo")), QStringList());
}

// A firing further away than one timer step is reached in steps; the timer waking at a step
// must not fire it (before, every wake fired the function).
void tst_LocalServer::farScheduleIsNotFiredEarly()
{
    Workspace ws = workspace();
    TriggerSpec t;
    t.type = TriggerType::Schedule;
    const QDate nextYear = QDate::currentDate().addYears(1);
    t.schedule = QStringLiteral("cron(0 12 1 1 ? %1)").arg(nextYear.year());
    ws.functions[2].triggers.append(t);
    Runner runner(ws, m_options);
    LocalServerOptions options;
    options.scheduleTimerStepMs = 40;
    LocalServer server(runner, options);
    QVERIFY(server.startSchedules().has_value());
    QSignalSpy fired(&server, &LocalServer::scheduleFired);
    QVERIFY(!fired.wait(400)); // about ten steps
    QVERIFY2(server.scheduleDescriptions().first().contains(
                 QStringLiteral("(next %1-01-01T12:00:00Z)").arg(nextYear.year())),
             qPrintable(server.scheduleDescriptions().first()));
}

QTEST_GUILESS_MAIN(tst_LocalServer)
#include "tst_LocalServer.moc"
