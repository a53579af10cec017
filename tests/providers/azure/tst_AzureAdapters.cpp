// The Azure Functions app layout and its adapters, run for real: the generated Python entry
// point (against a stand-in for azure.functions, which is not installed here) and the Node.js
// entry point are called the way the Functions host calls them, with a sample request, next to
// a small Lambda-style handler, under python3 and node.
#include "TestFiles.h"
#include "azure/AzureFunctionsAdapters.h"
#include "common/Packager.h"
#include "model/FunctionSpec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

// Scripts and stand-ins, defined at the end of the file: moc (Qt 6.4) loses its place in some
// multi-line raw strings, so the test class comes first.
const char* kAzureStub();
const char* kPythonHandler();
const char* kPythonDriver();
const char* kNodeHandler();
const char* kNodeDriver();
const char* kPureMappingCheck();

FunctionSpec function(const QString& runtime, const QString& handler)
{
    FunctionSpec f;
    f.name = QStringLiteral("orders");
    f.runtime = runtime;
    f.handler = handler;
    f.memoryMb = 256;
    f.timeoutSeconds = 30;
    TriggerSpec t;
    t.type = TriggerType::Http;
    t.method = QStringLiteral("POST");
    t.path = QStringLiteral("/orders/{id}");
    f.triggers << t;
    return f;
}

QJsonObject fileJson(const QList<GeneratedFile>& files, const QString& path)
{
    for (const GeneratedFile& f : files)
        if (f.path == path)
            return QJsonDocument::fromJson(f.bytes).object();
    return {};
}

bool writeAll(const QString& folder, const QList<GeneratedFile>& files)
{
    for (const GeneratedFile& f : files)
        if (!swb::test::writeFile(folder, f.path, f.bytes))
            return false;
    return true;
}

// Runs a program and returns its stdout parsed as one JSON object.
QJsonObject run(const QString& program, const QStringList& args, QString* errors)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        *errors = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    *errors = QString::fromUtf8(p.readAllStandardError());
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

} // namespace

class tst_AzureAdapters : public QObject {
    Q_OBJECT
private slots:
    void ncrontab_data()
    {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QString>("expected"); // empty: no exact equivalent
        // EventBridge: "Schedule types on EventBridge Scheduler" (rate and cron fields, 1 = SUN);
        // Azure: "Timer trigger for Azure Functions", NCRONTAB examples ("0 */5 * * * *" every
        // five minutes, "0 30 9 * * 1-5" at 9:30 every weekday; day-of-week 0 = Sunday).
        QTest::newRow("every minute") << "rate(1 minute)"
                                      << "0 * * * * *";
        QTest::newRow("every 5 minutes") << "rate(5 minutes)"
                                         << "0 */5 * * * *";
        QTest::newRow("every hour") << "rate(1 hour)"
                                    << "0 0 * * * *";
        QTest::newRow("every 2 hours") << "rate(2 hours)"
                                       << "0 0 */2 * * *";
        QTest::newRow("every day") << "rate(1 day)"
                                   << "0 0 0 * * *";
        QTest::newRow("noon") << "cron(0 12 * * ? *)"
                              << "0 0 12 * * *";
        QTest::newRow("weekdays by name") << "cron(30 9 ? * MON-FRI *)"
                                          << "0 30 9 * * MON-FRI";
        QTest::newRow("weekdays by number") << "cron(30 9 ? * 2-6 *)"
                                            << "0 30 9 * * 1-5";
        QTest::newRow("quarter hours") << "cron(0/15 * * * ? *)"
                                       << "0 0/15 * * * *";
        QTest::newRow("7 minutes") << "rate(7 minutes)"
                                   << "";
        QTest::newRow("2 days") << "rate(2 days)"
                                << "";
        QTest::newRow("a year") << "cron(0 12 * * ? 2027)"
                                << "";
        QTest::newRow("last day") << "cron(0 12 L * ? *)"
                                  << "";
        QTest::newRow("nth weekday") << "cron(0 12 ? * 6#3 *)"
                                     << "";
        QTest::newRow("not a schedule") << "every day"
                                        << "";
    }
    void ncrontab()
    {
        QFETCH(QString, schedule);
        QFETCH(QString, expected);
        QString problem;
        QCOMPARE(AzureFunctionsAdapters::ncrontab(schedule, &problem), expected);
        QCOMPARE(problem.isEmpty(), !expected.isEmpty());
    }

    void routes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        // Functions routes: "products/{productId}", catch-all "{*restOfPath}" (HTTP trigger docs).
        QTest::newRow("parameter") << "/orders/{id}"
                                   << "orders/{id}";
        QTest::newRow("greedy") << "/files/{proxy+}"
                                << "files/{*proxy}";
        QTest::newRow("trailing slash") << "/health/"
                                        << "health";
        QTest::newRow("root") << "/"
                              << "";
    }
    void routes()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QString problem;
        QCOMPARE(AzureFunctionsAdapters::route(path, &problem), expected);
        QCOMPARE(problem.isEmpty(), !expected.isEmpty());
    }

    void pythonLayout()
    {
        FunctionSpec f = function(QStringLiteral("python3.12"), QStringLiteral("app.handler"));
        TriggerSpec timer;
        timer.type = TriggerType::Schedule;
        timer.schedule = QStringLiteral("rate(5 minutes)");
        f.triggers << timer;
        auto files = AzureFunctionsAdapters::files(f, QStringLiteral("orders-app"));
        QVERIFY2(files, qPrintable(files ? QString() : files.error().message));
        QStringList paths;
        for (const GeneratedFile& g : *files)
            paths << g.path;
        paths.sort();
        QCOMPARE(paths, (QStringList{"_swb_azure.py", "host.json", "orders/__init__.py",
                                     "orders/function.json", "orders/swb_function.json",
                                     "orders_2/__init__.py", "orders_2/function.json",
                                     "orders_2/swb_function.json"}));
        const QJsonObject host = fileJson(*files, "host.json");
        QCOMPARE(host["version"].toString(), QStringLiteral("2.0"));
        QCOMPARE(host["extensionBundle"]["id"].toString(),
                 QStringLiteral("Microsoft.Azure.Functions.ExtensionBundle"));
        QCOMPARE(host["functionTimeout"].toString(), QStringLiteral("00:00:30"));

        const QJsonObject fn = fileJson(*files, "orders/function.json");
        QCOMPARE(fn["scriptFile"].toString(), QStringLiteral("__init__.py"));
        const QJsonArray bindings = fn["bindings"].toArray();
        QCOMPARE(bindings.size(), 2);
        QCOMPARE(bindings[0]["type"].toString(), QStringLiteral("httpTrigger"));
        QCOMPARE(bindings[0]["direction"].toString(), QStringLiteral("in"));
        QCOMPARE(bindings[0]["authLevel"].toString(), QStringLiteral("anonymous"));
        QCOMPARE(bindings[0]["route"].toString(), QStringLiteral("orders/{id}"));
        QCOMPARE(bindings[0]["methods"].toArray(), QJsonArray{"post"});
        QCOMPARE(bindings[1]["type"].toString(), QStringLiteral("http"));
        QCOMPARE(bindings[1]["direction"].toString(), QStringLiteral("out"));
        QCOMPARE(bindings[1]["name"].toString(), QStringLiteral("$return"));

        const QJsonObject timerFn = fileJson(*files, "orders_2/function.json");
        QCOMPARE(timerFn["bindings"][0]["type"].toString(), QStringLiteral("timerTrigger"));
        QCOMPARE(timerFn["bindings"][0]["schedule"].toString(), QStringLiteral("0 */5 * * * *"));
        QCOMPARE(fileJson(*files, "orders/swb_function.json")["routeKey"].toString(),
                 QStringLiteral("POST /orders/{id}"));
    }

    void nodeLayoutAndAnyMethod()
    {
        FunctionSpec f = function(QStringLiteral("nodejs20.x"), QStringLiteral("index.handler"));
        f.triggers[0].method = QStringLiteral("ANY");
        auto files = AzureFunctionsAdapters::files(f, QStringLiteral("orders-app"));
        QVERIFY(files);
        const QJsonObject fn = fileJson(*files, "orders/function.json");
        QCOMPARE(fn["scriptFile"].toString(), QStringLiteral("index.js"));
        QVERIFY(!fn["bindings"][0].toObject().contains("methods")); // every method
        QCOMPARE(fn["bindings"][1]["name"].toString(), QStringLiteral("res"));
    }

    void noTriggerBecomesAnInvokeRoute()
    {
        FunctionSpec f = function(QStringLiteral("python3.12"), QStringLiteral("app.handler"));
        f.triggers.clear();
        auto entries = AzureFunctionsAdapters::entries(f);
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().kind, QStringLiteral("invoke"));
        QCOMPARE(entries->first().route, QStringLiteral("orders"));
    }

    void unsupportedRuntimeAndTriggerAreSaid()
    {
        auto provided = AzureFunctionsAdapters::files(
            function(QStringLiteral("provided.al2023"), QStringLiteral("bootstrap")));
        QVERIFY(!provided);
        QCOMPARE(provided.error().code, ErrorCode::Unsupported);
        QVERIFY(provided.error().message.contains(QStringLiteral("provided.al2023")));

        FunctionSpec f = function(QStringLiteral("python3.12"), QStringLiteral("app.handler"));
        TriggerSpec queue;
        queue.type = TriggerType::Queue;
        queue.source = QStringLiteral("orders-queue");
        f.triggers << queue;
        auto files = AzureFunctionsAdapters::files(f);
        QVERIFY(!files);
        QCOMPARE(files.error().code, ErrorCode::Unsupported);
        QVERIFY(files.error().message.contains(QStringLiteral("queue")));

        FunctionSpec odd = function(QStringLiteral("python3.12"), QStringLiteral("app.handler"));
        odd.triggers[0].type = TriggerType::Schedule;
        odd.triggers[0].schedule = QStringLiteral("rate(7 minutes)");
        auto timer = AzureFunctionsAdapters::files(odd);
        QVERIFY(!timer);
        QVERIFY(timer.error().message.contains(QStringLiteral("7 minutes")));
    }

    void pythonAdapterRunsForReal_data()
    {
        QTest::addColumn<QString>("handler");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("json") << "app.handler"
                              << "application/json" << QByteArray(R"({"name":"Jane"})");
        QTest::newRow("binary in and out")
            << "app.binary"
            << "application/octet-stream" << QByteArray("\x00\x01\xff", 3);
        QTest::newRow("handler raises") << "app.boom"
                                        << "text/plain" << QByteArray("x");
    }
    void pythonAdapterRunsForReal()
    {
        QFETCH(QString, handler);
        QFETCH(QString, contentType);
        QFETCH(QByteArray, body);
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        QTemporaryDir dir;
        auto files = AzureFunctionsAdapters::files(function(QStringLiteral("python3.12"), handler),
                                                   QStringLiteral("orders-app"));
        QVERIFY(files);
        QVERIFY(writeAll(dir.path(), *files));
        QVERIFY(swb::test::writeFile(dir.path(), "app.py", kPythonHandler()));
        QVERIFY(swb::test::writeFile(dir.path(), "stub/azure/__init__.py", ""));
        QVERIFY(swb::test::writeFile(dir.path(), "stub/azure/functions.py", kAzureStub()));
        QVERIFY(swb::test::writeFile(dir.path(), "driver.py", kPythonDriver()));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        QString errors;
        // The stub first on the path, the app folder as the worker's script root.
        const QJsonObject res =
            run(python,
                {"-B", "-c",
                 QStringLiteral("import sys; sys.path.insert(0, %1); exec(open(%2).read())")
                     .arg("'" + dir.filePath("stub") + "'", "'" + dir.filePath("driver.py") + "'"),
                 dir.path(), "orders", contentType, QString::fromLatin1(body.toBase64())},
                &errors);
        QVERIFY2(!res.isEmpty(), qPrintable(errors));
        const QByteArray answer = QByteArray::fromBase64(res["body"].toString().toLatin1());
        if (handler == QLatin1String("app.boom")) {
            QCOMPARE(res["status"].toInt(), 500);
            QCOMPARE(answer, QByteArray(R"({"message":"Internal Server Error"})"));
            QVERIFY(errors.contains(QStringLiteral("handler failed")));
            return;
        }
        if (handler == QLatin1String("app.binary")) {
            QCOMPARE(res["status"].toInt(), 200);
            QCOMPARE(answer, QByteArray("\x00\x01\x02\xff", 4));
            return;
        }
        QCOMPARE(res["status"].toInt(), 201);
        QCOMPARE(res["headers"]["X-Fn"].toString(), QStringLiteral("orders"));
        QCOMPARE(res["headers"]["Set-Cookie"].toString(), QStringLiteral("a=1, b=2"));
        const QJsonObject out = QJsonDocument::fromJson(answer).object();
        QVERIFY(out["remaining"].toBool());
        QCOMPARE(out["memory"].toString(), QStringLiteral("256"));
        const QJsonObject event = out["event"].toObject();
        // API Gateway's HTTP API payload format 2.0 (developer guide, "Working with AWS Lambda
        // proxy integrations for HTTP APIs").
        QCOMPARE(event["version"].toString(), QStringLiteral("2.0"));
        QCOMPARE(event["routeKey"].toString(), QStringLiteral("POST /orders/{id}"));
        QCOMPARE(event["rawPath"].toString(), QStringLiteral("/api/orders/42"));
        QCOMPARE(event["rawQueryString"].toString(), QStringLiteral("a=1&a=2&b=x%20y"));
        QCOMPARE(event["queryStringParameters"].toObject(),
                 (QJsonObject{{"a", "1,2"}, {"b", "x y"}}));
        QCOMPARE(event["pathParameters"].toObject(), (QJsonObject{{"id", "42"}}));
        QCOMPARE(event["cookies"].toArray(), (QJsonArray{"s=1", "t=2"}));
        QCOMPARE(event["headers"]["content-type"].toString(), contentType);
        QCOMPARE(event["requestContext"]["http"]["method"].toString(), QStringLiteral("POST"));
        QCOMPARE(event["requestContext"]["http"]["sourceIp"].toString(),
                 QStringLiteral("203.0.113.9"));
        QCOMPARE(event["requestContext"]["http"]["userAgent"].toString(),
                 QStringLiteral("curl/8.5.0"));
        QCOMPARE(event["requestContext"]["stage"].toString(), QStringLiteral("$default"));
        QCOMPARE(event["requestContext"]["domainName"].toString(),
                 QStringLiteral("orders-app.azurewebsites.net"));
        QCOMPARE(event["body"].toString(), QStringLiteral(R"({"name":"Jane"})"));
        QCOMPARE(event["isBase64Encoded"].toBool(), false);
    }

    void pythonBinaryRequestIsBase64()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        QTemporaryDir dir;
        QVERIFY(swb::test::writeFile(dir.path(), "_swb_azure.py",
                                     AzureFunctionsAdapters::pythonAdapterSource()));
        QVERIFY(swb::test::writeFile(dir.path(), "check.py", kPureMappingCheck()));
        QString errors;
        const QJsonObject res = run(python, {"-B", dir.filePath("check.py"), dir.path()}, &errors);
        QVERIFY2(!res.isEmpty(), qPrintable(errors));
        QCOMPARE(res["event"]["isBase64Encoded"].toBool(), true);
        QCOMPARE(res["event"]["body"].toString(), QStringLiteral("iVBORw=="));
        QCOMPARE(res["event"]["requestContext"]["http"]["method"].toString(),
                 QStringLiteral("PUT"));
        QVERIFY(!res["event"].toObject().contains("queryStringParameters"));
        // No statusCode: the result is the JSON body, 200 (payload 2.0's inference).
        QCOMPARE(res["status"].toInt(), 200);
        QCOMPARE(res["body"].toString(), QStringLiteral(R"({"ok": true})"));
        // EventBridge's scheduled event (EventBridge user guide, "Scheduled Event" example).
        QCOMPARE(res["timer"]["detail-type"].toString(), QStringLiteral("Scheduled Event"));
        QCOMPARE(res["timer"]["source"].toString(), QStringLiteral("aws.events"));
        QCOMPARE(res["timer"]["resources"].toArray(), QJsonArray{"orders-app/orders"});
    }

    void nodeAdapterRunsForReal_data()
    {
        QTest::addColumn<QString>("handler");
        QTest::newRow("async") << "index.handler";
        QTest::newRow("callback") << "index.callback";
    }
    void nodeAdapterRunsForReal()
    {
        QFETCH(QString, handler);
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed");
        QTemporaryDir dir;
        auto files = AzureFunctionsAdapters::files(function(QStringLiteral("nodejs20.x"), handler),
                                                   QStringLiteral("orders-app"));
        QVERIFY(files);
        QVERIFY(writeAll(dir.path(), *files));
        QVERIFY(swb::test::writeFile(dir.path(), "index.js", kNodeHandler()));
        QVERIFY(swb::test::writeFile(dir.path(), "driver.js", kNodeDriver()));
        QString errors;
        const QJsonObject res =
            run(node, {dir.filePath("driver.js"), dir.path(), "orders"}, &errors);
        QVERIFY2(!res.isEmpty(), qPrintable(errors));
        const QByteArray answer = QByteArray::fromBase64(res["body"].toString().toLatin1());
        if (handler == QLatin1String("index.callback")) {
            QCOMPARE(res["status"].toInt(), 202);
            QCOMPARE(answer, QByteArray("cb"));
            return;
        }
        QCOMPARE(res["status"].toInt(), 201);
        QCOMPARE(res["headers"]["X-Fn"].toString(), QStringLiteral("orders"));
        QCOMPARE(res["headers"]["Set-Cookie"].toString(), QStringLiteral("a=1, b=2"));
        const QJsonObject out = QJsonDocument::fromJson(answer).object();
        QVERIFY(out["remaining"].toBool());
        QCOMPARE(out["memory"].toString(), QStringLiteral("256"));
        QCOMPARE(out["requestId"].toString(), QStringLiteral("inv-7"));
        const QJsonObject event = out["event"].toObject();
        QCOMPARE(event["version"].toString(), QStringLiteral("2.0"));
        QCOMPARE(event["routeKey"].toString(), QStringLiteral("POST /orders/{id}"));
        QCOMPARE(event["rawPath"].toString(), QStringLiteral("/api/orders/42"));
        QCOMPARE(event["rawQueryString"].toString(), QStringLiteral("a=1&a=2&b=x%20y"));
        QCOMPARE(event["queryStringParameters"].toObject(),
                 (QJsonObject{{"a", "1,2"}, {"b", "x y"}}));
        QCOMPARE(event["pathParameters"].toObject(), (QJsonObject{{"id", "42"}}));
        QCOMPARE(event["cookies"].toArray(), (QJsonArray{"s=1", "t=2"}));
        QCOMPARE(event["requestContext"]["http"]["sourceIp"].toString(),
                 QStringLiteral("203.0.113.9"));
        QCOMPARE(event["body"].toString(), QStringLiteral(R"({"name":"Jane"})"));
        QCOMPARE(event["isBase64Encoded"].toBool(), false);
    }
};

namespace {

// Stands in for the azure-functions package: the constructor keywords and accessors of its
// HttpRequest / HttpResponse (azure/functions/_http.py) that the entry point uses.
const char* kAzureStub()
{
    return R"py(
class HttpRequest:
    def __init__(self, method, url, *, headers=None, params=None, route_params=None, body=b""):
        self.method = method
        self.url = url
        self.headers = dict(headers or {})
        self.params = dict(params or {})
        self.route_params = dict(route_params or {})
        self._body = body

    def get_body(self):
        return self._body

class HttpResponse:
    def __init__(self, body=None, *, status_code=200, headers=None, mimetype=None, charset=None):
        self.body = body.encode("utf-8") if isinstance(body, str) else (body or b"")
        self.status_code = status_code
        self.headers = dict(headers or {})

class TimerRequest:
    pass
)py";
}

const char* kPythonHandler()
{
    return R"py(
import json

def handler(event, context):
    return {
        "statusCode": 201,
        "headers": {"Content-Type": "application/json", "X-Fn": context.function_name},
        "cookies": ["a=1", "b=2"],
        "body": json.dumps({"event": event, "remaining": context.get_remaining_time_in_millis() > 0,
                            "memory": context.memory_limit_in_mb}),
    }

def binary(event, context):
    return {"statusCode": 200, "isBase64Encoded": True, "body": "AAEC/w==",
            "headers": {"Content-Type": "application/octet-stream"}}

def boom(event, context):
    raise RuntimeError("handler failed")
)py";
}

// Calls the function folder's main() as the Python worker would, prints the response.
const char* kPythonDriver()
{
    return R"py(
import base64, importlib, json, sys
sys.path.insert(0, sys.argv[1])
import azure.functions as func
entry = importlib.import_module(sys.argv[2])
req = func.HttpRequest(
    "POST", "https://orders-app.azurewebsites.net/api/orders/42?a=1&a=2&b=x%20y",
    headers={"Content-Type": sys.argv[3], "Cookie": "s=1; t=2", "User-Agent": "curl/8.5.0",
             "X-Forwarded-For": "203.0.113.9:51234"},
    params={"a": "2", "b": "x y"}, route_params={"id": "42"}, body=base64.b64decode(sys.argv[4]))
res = entry.main(req)
print(json.dumps({"status": res.status_code, "headers": res.headers,
                  "body": base64.b64encode(res.body).decode("ascii")}))
)py";
}

const char* kNodeHandler()
{
    return R"js(
exports.handler = async (event, context) => ({
  statusCode: 201,
  headers: { 'Content-Type': 'application/json', 'X-Fn': context.functionName },
  cookies: ['a=1', 'b=2'],
  body: JSON.stringify({ event, remaining: context.getRemainingTimeInMillis() > 0,
    memory: context.memoryLimitInMB, requestId: context.awsRequestId }),
});
exports.callback = (event, context, callback) => callback(null, { statusCode: 202, body: 'cb' });
)js";
}

// Calls the function folder's index.js as the Node.js v3 host would: (context, req).
const char* kNodeDriver()
{
    return R"js(
const path = require('path');
const entry = require(path.resolve(process.argv[2], process.argv[3], 'index.js'));
const context = { invocationId: 'inv-7', log: console.log };
const req = {
  method: 'POST',
  url: 'https://orders-app.azurewebsites.net/api/orders/42?a=1&a=2&b=x%20y',
  headers: { 'content-type': 'application/json', cookie: 's=1; t=2', 'user-agent': 'curl/8.5.0',
    'x-forwarded-for': '203.0.113.9:51234' },
  query: { a: '2', b: 'x y' },
  params: { id: '42' },
  rawBody: JSON.stringify({ name: 'Jane' }),
};
entry(context, req).then(() => {
  const res = context.res;
  console.log(JSON.stringify({ status: res.status, headers: res.headers, body: res.body.toString('base64') }));
});
)js";
}

// The pure mapping alone, with no azure.functions anywhere.
const char* kPureMappingCheck()
{
    return R"py(
import json, sys
sys.path.insert(0, sys.argv[1])
import _swb_azure
event = _swb_azure.to_lambda_event({"method": "put", "url": "https://x.azurewebsites.net/api/f",
    "headers": {"Content-Type": "image/png"}, "body": b"\x89PNG"}, {"routeKey": "PUT /f"})
status, headers, body = _swb_azure.to_response({"ok": True})
timer = _swb_azure.scheduled_event({"arn": "orders-app/orders"})
print(json.dumps({"event": event, "status": status, "headers": headers, "body": body.decode(),
                  "timer": timer}))
)py";
}

} // namespace

QTEST_GUILESS_MAIN(tst_AzureAdapters)
#include "tst_AzureAdapters.moc"
