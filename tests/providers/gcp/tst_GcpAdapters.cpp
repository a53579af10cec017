// The Functions Framework entry points GcpAdapters generates, run for real: python3 with a
// Flask-like request object, node with Express-like req/res objects, each calling a Lambda-style
// handler and checking the API Gateway HTTP API (payload 2.0) event it got and the response.
#include "TestFiles.h"
#include "common/Packager.h"
#include "gcp/GcpAdapters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

FunctionSpec function(const QString& runtime, const QString& handler)
{
    FunctionSpec f;
    f.name = QStringLiteral("orders");
    f.runtime = runtime;
    f.handler = handler;
    f.memoryMb = 512;
    f.timeoutSeconds = 30;
    return f;
}

bool writeAll(const QString& folder, const QList<GeneratedFile>& files)
{
    for (const GeneratedFile& f : files)
        if (!test::writeFile(folder, f.path, f.bytes))
            return false;
    return true;
}

// Runs `program` with `script` in `folder`; returns the last line of stdout as JSON.
QJsonObject run(const QString& program, const QStringList& args, const QString& folder,
                QString* errors)
{
    QProcess p;
    p.setWorkingDirectory(folder);
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        *errors = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    *errors = QString::fromUtf8(p.readAllStandardError());
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

const char* kPythonHandler = R"(import json

def handler(event, context):
    if event.get("rawPath") == "/boom":
        raise ValueError("boom")
    if event.get("rawPath") == "/plain":
        return {"ok": True}
    return {
        "statusCode": 201,
        "headers": {"X-Handler": "app"},
        "cookies": ["session=s1; HttpOnly"],
        "body": json.dumps({"event": event, "context": {
            "function_name": context.function_name,
            "memory": context.memory_limit_in_mb,
            "request_id": context.aws_request_id,
            "remaining": context.get_remaining_time_in_millis()}}),
    }
)";

const char* kPythonDriver = R"(import json, main

class Headers:
    def __init__(self, items): self._items = items
    def items(self): return list(self._items)

class Request:
    def __init__(self, method, path, headers, query, data):
        self.method, self.path, self.headers = method, path, Headers(headers)
        self.query_string, self._data = query, data
    def get_data(self): return self._data

out = {}
headers = [("Host", "orders-abc123xyz-uc.a.run.app"), ("Content-Type", "application/json"),
           ("Cookie", "a=1; b=2"), ("X-Forwarded-For", "203.0.113.9, 169.254.1.1"),
           ("Function-Execution-Id", "exec-42"), ("X-Multi", "1"), ("X-Multi", "2"),
           ("User-Agent", "curl/8.5.0")]
body, status, hdrs = main.swb_entry(Request("POST", "/orders/7", headers,
                                            b"q=hello+world&tag=a&tag=b&empty=", b'{"n": 1}'))
out["main"] = {"status": status, "headers": hdrs, "body": json.loads(body)}
body, status, hdrs = main.swb_entry(Request("PUT", "/bin", [], b"", b"\xff\x00\xfe"))
out["binary"] = json.loads(body)["event"]
body, status, hdrs = main.swb_entry(Request("GET", "/plain", [], b"", b""))
out["plain"] = {"status": status, "headers": hdrs, "body": body.decode()}
body, status, hdrs = main.swb_entry(Request("GET", "/boom", [], b"", b""))
out["boom"] = {"status": status, "body": body.decode()}
out["b64"] = main.to_response({"statusCode": 200, "body": "aGk=", "isBase64Encoded": True})[0].decode()
print(json.dumps(out))
)";

const char* kNodeHandler = R"(exports.handler = async (event, context) => {
  if (event.rawPath === '/boom') throw new Error('boom');
  if (event.rawPath === '/plain') return { ok: true };
  return {
    statusCode: 201,
    headers: { 'X-Handler': 'index' },
    cookies: ['session=s1; HttpOnly'],
    body: JSON.stringify({ event, context: {
      function_name: context.functionName, memory: context.memoryLimitInMB,
      request_id: context.awsRequestId, remaining: context.getRemainingTimeInMillis() } }),
  };
};
)";

const char* kNodeDriver = R"(const entry = require('./swb_gcp_entry.cjs');
function res() {
  const r = { statusCode: 0, headers: [], body: null };
  r.status = (s) => { r.statusCode = s; return r; };
  r.append = (k, v) => { r.headers.push([k, v]); return r; };
  r.send = (b) => { r.body = b; return r; };
  return r;
}
(async () => {
  const out = {};
  let r = res();
  await entry.swb_entry({ method: 'POST', originalUrl: '/orders/7?q=hello+world&tag=a&tag=b&empty=',
    headers: { host: 'orders-abc123xyz-uc.a.run.app', 'content-type': 'application/json', cookie: 'a=1; b=2',
      'x-forwarded-for': '203.0.113.9, 169.254.1.1', 'function-execution-id': 'exec-42',
      'x-multi': ['1', '2'], 'user-agent': 'curl/8.5.0' },
    rawBody: Buffer.from('{"n": 1}') }, r);
  out.main = { status: r.statusCode, headers: r.headers, body: JSON.parse(r.body.toString()) };
  r = res();
  await entry.swb_entry({ method: 'PUT', originalUrl: '/bin', headers: {}, rawBody: Buffer.from([0xff, 0x00, 0xfe]) }, r);
  out.binary = JSON.parse(r.body.toString()).event;
  r = res();
  await entry.swb_entry({ method: 'GET', originalUrl: '/plain', headers: {}, rawBody: Buffer.alloc(0) }, r);
  out.plain = { status: r.statusCode, headers: r.headers, body: r.body.toString() };
  r = res();
  await entry.swb_entry({ method: 'GET', originalUrl: '/boom', headers: {}, rawBody: Buffer.alloc(0) }, r);
  out.boom = { status: r.statusCode, body: r.body.toString() };
  out.b64 = entry.toResponse({ statusCode: 200, body: 'aGk=', isBase64Encoded: true }).body.toString();
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
)";

// The same expectations for both languages: what API Gateway's HTTP API would have passed.
void checkOutput(const QJsonObject& out, const QString& handlerName)
{
    const QJsonObject main = out.value("main").toObject();
    QCOMPARE(main.value("status").toInt(), 201);
    const QJsonArray headers = main.value("headers").toArray();
    QVERIFY(headers.contains(QJsonArray{"X-Handler", handlerName}));
    QVERIFY(headers.contains(QJsonArray{"Set-Cookie", "session=s1; HttpOnly"}));
    const QJsonObject event = main.value("body").toObject().value("event").toObject();
    QCOMPARE(event.value("version").toString(), QStringLiteral("2.0"));
    QCOMPARE(event.value("routeKey").toString(), QStringLiteral("$default"));
    QCOMPARE(event.value("rawPath").toString(), QStringLiteral("/orders/7"));
    QCOMPARE(event.value("rawQueryString").toString(),
             QStringLiteral("q=hello+world&tag=a&tag=b&empty="));
    QCOMPARE(event.value("queryStringParameters").toObject(),
             (QJsonObject{{"q", "hello world"}, {"tag", "a,b"}, {"empty", ""}}));
    QCOMPARE(event.value("cookies").toArray(), (QJsonArray{"a=1", "b=2"}));
    const QJsonObject h = event.value("headers").toObject();
    QCOMPARE(h.value("content-type").toString(), QStringLiteral("application/json"));
    QCOMPARE(h.value("x-multi").toString(), QStringLiteral("1,2"));
    QVERIFY(!h.contains("cookie"));
    QCOMPARE(event.value("body").toString(), QStringLiteral("{\"n\": 1}"));
    QCOMPARE(event.value("isBase64Encoded").toBool(), false);
    const QJsonObject rc = event.value("requestContext").toObject();
    QCOMPARE(rc.value("requestId").toString(), QStringLiteral("exec-42"));
    QCOMPARE(rc.value("domainName").toString(), QStringLiteral("orders-abc123xyz-uc.a.run.app"));
    QCOMPARE(rc.value("domainPrefix").toString(), QStringLiteral("orders-abc123xyz-uc"));
    QCOMPARE(rc.value("stage").toString(), QStringLiteral("$default"));
    const QJsonObject http = rc.value("http").toObject();
    QCOMPARE(http.value("method").toString(), QStringLiteral("POST"));
    QCOMPARE(http.value("path").toString(), QStringLiteral("/orders/7"));
    QCOMPARE(http.value("sourceIp").toString(), QStringLiteral("203.0.113.9"));
    QCOMPARE(http.value("userAgent").toString(), QStringLiteral("curl/8.5.0"));
    QVERIFY(QRegularExpression(
                QStringLiteral("^\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000$"))
                .match(rc.value("time").toString())
                .hasMatch());
    QVERIFY(rc.value("timeEpoch").toDouble() > 1.7e12);
    const QJsonObject context = main.value("body").toObject().value("context").toObject();
    QCOMPARE(context.value("function_name").toString(), QStringLiteral("orders"));
    QCOMPARE(context.value("memory").toVariant().toString(), QStringLiteral("512"));
    QCOMPARE(context.value("request_id").toString(), QStringLiteral("exec-42"));
    QVERIFY(context.value("remaining").toInt() > 25000 &&
            context.value("remaining").toInt() <= 30000);

    const QJsonObject binary = out.value("binary").toObject();
    QCOMPARE(binary.value("isBase64Encoded").toBool(), true);
    QCOMPARE(binary.value("body").toString(), QStringLiteral("/wD+"));
    QCOMPARE(binary.value("requestContext")
                 .toObject()
                 .value("http")
                 .toObject()
                 .value("method")
                 .toString(),
             QStringLiteral("PUT"));

    const QJsonObject plain = out.value("plain").toObject();
    QCOMPARE(plain.value("status").toInt(), 200);
    QVERIFY(
        plain.value("headers").toArray().contains(QJsonArray{"Content-Type", "application/json"}));
    QCOMPARE(QJsonDocument::fromJson(plain.value("body").toString().toUtf8()).object(),
             (QJsonObject{{"ok", true}}));

    const QJsonObject boom = out.value("boom").toObject();
    QCOMPARE(boom.value("status").toInt(), 500);
    QCOMPARE(QJsonDocument::fromJson(boom.value("body").toString().toUtf8()).object(),
             (QJsonObject{{"message", "Internal Server Error"}}));
    QCOMPARE(out.value("b64").toString(), QStringLiteral("hi"));
}

} // namespace

class tst_GcpAdapters : public QObject {
    Q_OBJECT
private slots:
    void mapsRuntimes_data()
    {
        QTest::addColumn<QString>("lambda");
        QTest::addColumn<QString>("google");
        // https://cloud.google.com/functions/docs/runtime-support (runtime ids)
        QTest::newRow("python3.9") << "python3.9"
                                   << "python39";
        QTest::newRow("python3.12") << "python3.12"
                                    << "python312";
        QTest::newRow("python3.13") << "python3.13"
                                    << "python313";
        QTest::newRow("nodejs18.x") << "nodejs18.x"
                                    << "nodejs18";
        QTest::newRow("nodejs20.x") << "nodejs20.x"
                                    << "nodejs20";
        QTest::newRow("nodejs22.x") << "nodejs22.x"
                                    << "nodejs22";
        QTest::newRow("provided.al2023") << "provided.al2023"
                                         << "";
        QTest::newRow("java21") << "java21"
                                << "";
    }
    void mapsRuntimes()
    {
        QFETCH(QString, lambda);
        QFETCH(QString, google);
        auto runtime = GcpAdapters::runtimeFor(lambda);
        if (google.isEmpty()) {
            QVERIFY(!runtime);
            QCOMPARE(runtime.error().code, ErrorCode::Unsupported);
            QVERIFY(runtime.error().message.contains(lambda));
        } else {
            QCOMPARE(*runtime, google);
        }
    }

    void pythonEntryRunsTheHandler()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        QTemporaryDir dir;
        auto files = GcpAdapters::files(
            function(QStringLiteral("python3.12"), QStringLiteral("app.handler")), QString());
        QVERIFY(files);
        QCOMPARE(files->size(), 1);
        QCOMPARE(files->first().path, QStringLiteral("main.py"));
        QVERIFY(writeAll(dir.path(), *files));
        QVERIFY(test::writeFile(dir.path(), QStringLiteral("app.py"), kPythonHandler));
        QVERIFY(test::writeFile(dir.path(), QStringLiteral("driver.py"), kPythonDriver));
        QString errors;
        const QJsonObject out =
            run(python, {QStringLiteral("-B"), QStringLiteral("driver.py")}, dir.path(), &errors);
        QVERIFY2(!out.isEmpty(), qPrintable(errors));
        checkOutput(out, QStringLiteral("app"));
        QVERIFY(
            errors.contains(QLatin1String("ValueError: boom"))); // the traceback goes to the log
    }

    void pythonHandlerInASubfolder()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        QTemporaryDir dir;
        auto files = GcpAdapters::files(
            function(QStringLiteral("python3.12"), QStringLiteral("src/api.handler")), QString());
        QVERIFY(writeAll(dir.path(), *files));
        QVERIFY(test::writeFile(dir.path(), QStringLiteral("src/api.py"), kPythonHandler));
        QVERIFY(test::writeFile(dir.path(), QStringLiteral("driver.py"), kPythonDriver));
        QString errors;
        const QJsonObject out =
            run(python, {QStringLiteral("-B"), QStringLiteral("driver.py")}, dir.path(), &errors);
        QVERIFY2(!out.isEmpty(), qPrintable(errors));
        QCOMPARE(out.value("main").toObject().value("status").toInt(), 201);
    }

    void nodeEntryRunsTheHandler_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("commonjs") << "index.js";
        QTest::newRow("es module") << "index.mjs";
    }
    void nodeEntryRunsTheHandler()
    {
        QFETCH(QString, file);
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed");
        QTemporaryDir dir;
        auto files = GcpAdapters::files(
            function(QStringLiteral("nodejs20.x"), QStringLiteral("index.handler")), QString());
        QVERIFY(files);
        QVERIFY(writeAll(dir.path(), *files));
        QByteArray handler = kNodeHandler;
        if (file.endsWith(QLatin1String(".mjs")))
            handler.replace("exports.handler =", "export const handler =");
        QVERIFY(test::writeFile(dir.path(), file, handler));
        QVERIFY(test::writeFile(dir.path(), QStringLiteral("driver.cjs"), kNodeDriver));
        QString errors;
        const QJsonObject out = run(node, {QStringLiteral("driver.cjs")}, dir.path(), &errors);
        QVERIFY2(!out.isEmpty(), qPrintable(errors));
        checkOutput(out, QStringLiteral("index"));
    }

    void nodeKeepsThePackageJson()
    {
        QTemporaryDir dir;
        const QByteArray original =
            R"({"name": "orders", "type": "module", "main": "index.js", "dependencies": {"uuid": "^9.0.0"}})";
        QVERIFY(test::writeFile(dir.path(), QStringLiteral("package.json"), original));
        auto files = GcpAdapters::files(
            function(QStringLiteral("nodejs20.x"), QStringLiteral("index.handler")), dir.path());
        QVERIFY(files);
        QCOMPARE(files->size(), 2);
        QCOMPARE(files->at(0).path, QStringLiteral("swb_gcp_entry.cjs"));
        QCOMPARE(files->at(1).path, QStringLiteral("package.json"));
        const QJsonObject package = QJsonDocument::fromJson(files->at(1).bytes).object();
        QCOMPARE(package.value("main").toString(), QStringLiteral("swb_gcp_entry.cjs"));
        QCOMPARE(package.value("type").toString(), QStringLiteral("module"));
        QCOMPARE(package.value("dependencies").toObject().value("uuid").toString(),
                 QStringLiteral("^9.0.0"));

        QVERIFY(test::writeFile(dir.path(), QStringLiteral("package.json"), "{broken"));
        auto broken = GcpAdapters::files(
            function(QStringLiteral("nodejs20.x"), QStringLiteral("index.handler")), dir.path());
        QVERIFY(!broken);
        QVERIFY(broken.error().message.contains(QLatin1String("package.json")));
    }

    void pythonRefusesAMainPyOfItsOwn()
    {
        QTemporaryDir dir;
        auto own = GcpAdapters::files(
            function(QStringLiteral("python3.12"), QStringLiteral("main.handler")), QString());
        QVERIFY(!own);
        QVERIFY(own.error().message.contains(QLatin1String("main.py")));
        QVERIFY(test::writeFile(dir.path(), QStringLiteral("main.py"), "x = 1\n"));
        auto beside = GcpAdapters::files(
            function(QStringLiteral("python3.12"), QStringLiteral("app.handler")), dir.path());
        QVERIFY(!beside);
        QCOMPARE(beside.error().code, ErrorCode::Unsupported);
    }

    void namesAreEscapedIntoTheSource()
    {
        FunctionSpec f = function(QStringLiteral("python3.12"), QStringLiteral("app.handler"));
        f.name = QStringLiteral("quote\"and\\back");
        const QByteArray py = GcpAdapters::pythonEntry(f);
        QVERIFY(py.contains("FUNCTION_NAME = \"quote\\\"and\\\\back\""));
        const QByteArray js = GcpAdapters::nodeEntry(f);
        QVERIFY(js.contains("const FUNCTION_NAME = \"quote\\\"and\\\\back\";"));
    }
};

QTEST_GUILESS_MAIN(tst_GcpAdapters)
#include "tst_GcpAdapters.moc"
