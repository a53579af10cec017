// The OpenWhisk adapters, run for real: the generated Python and Node.js entry points are
// written next to a small handler and called with the parameters OpenWhisk would pass (a raw
// web action's __ow_* fields, or plain parameters), under python3 and node.
#include "TestFiles.h"
#include "common/Packager.h"
#include "model/FunctionSpec.h"
#include "openwhisk/OpenWhiskAdapters.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

// Loads the entry point as OpenWhisk's runtimes do (the action folder as the working folder),
// calls main(params from stdin) and writes the answer to a file, so a handler's prints stay out.
const char* kPythonDriver = R"py(
import importlib.util, json, os, sys
spec = importlib.util.spec_from_file_location("action", os.path.join(os.getcwd(), "__main__.py"))
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
answer = module.main(json.load(sys.stdin))
with open(sys.argv[1], "w") as f:
    json.dump(answer, f)
)py";

const char* kNodeDriver = R"js(
const fs = require('fs');
const path = require('path');
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const action = require(path.resolve(pkg.main));
const params = JSON.parse(fs.readFileSync(0, 'utf8'));
Promise.resolve(action.main(params)).then((answer) => fs.writeFileSync(process.argv[1], JSON.stringify(answer)));
)js";

// The raw web action request of docs/webactions.md ("Raw HTTP handling"): a JSON body arrives
// base64-encoded, the query unparsed.
QJsonObject webParams()
{
    return QJsonObject{
        {"GREETING", "hi"},
        {"__ow_method", "post"},
        {"__ow_path", "/orders/42"},
        {"__ow_query", "a=1&a=2&b=x%20y"},
        {"__ow_body", "eyJuYW1lIjoiSmFuZSJ9"}, // {"name":"Jane"}
        {"__ow_headers", QJsonObject{{"content-type", "application/json"},
                                     {"cookie", "s=1; t=2"},
                                     {"host", "ow.example.com"},
                                     {"user-agent", "curl/8.5.0"},
                                     {"x-forwarded-for", "203.0.113.9, 10.0.0.1"}}},
    };
}

FunctionSpec function(const QString& runtime, const QString& handler, bool http)
{
    FunctionSpec f;
    f.name = "orders";
    f.runtime = runtime;
    f.handler = handler;
    f.memoryMb = 256;
    f.timeoutSeconds = 5;
    f.environment.insert("GREETING", "hi");
    if (http) {
        TriggerSpec t;
        t.type = TriggerType::Http;
        t.method = "POST";
        t.path = "/orders/{id}";
        f.triggers << t;
    }
    return f;
}

} // namespace

class tst_OpenWhiskAdapters : public QObject {
    Q_OBJECT
private:
    // Writes the adapter files and `handlerFiles` into a folder and runs the entry point.
    QJsonObject run(const QString& program, const FunctionSpec& f,
                    const QList<std::pair<QString, QByteArray>>& handlerFiles,
                    const QJsonObject& params, const QByteArray& userPackageJson = {})
    {
        const QString exe = QStandardPaths::findExecutable(program);
        if (exe.isEmpty())
            return QJsonObject{{"skip", program + " is not installed"}};
        QTemporaryDir dir;
        for (const auto& [path, bytes] : handlerFiles)
            if (!test::writeFile(dir.path(), path, bytes))
                return {};
        const Result<QList<GeneratedFile>> files = OpenWhiskAdapters::files(f, userPackageJson);
        if (!files)
            return QJsonObject{{"error", files.error().message}};
        for (const GeneratedFile& g : *files)
            if (!test::writeFile(dir.path(), g.path, g.bytes))
                return {};
        QProcess process;
        process.setWorkingDirectory(dir.path());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("__OW_ACTIVATION_ID", "a1b2c3d4e5f6");
        env.insert("__OW_ACTION_NAME", "/guest/orders");
        env.insert("__OW_NAMESPACE", "guest");
        env.insert("__OW_DEADLINE", QString::number(QDateTime::currentMSecsSinceEpoch() + 5000));
        process.setProcessEnvironment(env);
        const QString out = dir.filePath("answer.json");
        if (program == "python3")
            process.start(exe, {"-B", "-c", kPythonDriver, out});
        else
            process.start(exe, {"-e", kNodeDriver, out});
        process.write(QJsonDocument(params).toJson());
        process.closeWriteChannel();
        if (!process.waitForFinished(20000) || process.exitCode() != 0)
            return QJsonObject{{"crash", QString::fromUtf8(process.readAllStandardError())}};
        return QJsonDocument::fromJson(test::readFile(out)).object();
    }

    // The checks shared by both languages: the HTTP API 2.0 event the handler saw, the
    // context, the environment, and the web action response built from its answer.
    void checkWebAnswer(const QJsonObject& answer)
    {
        QVERIFY2(!answer.contains("crash") && !answer.contains("error"),
                 qPrintable(QJsonDocument(answer).toJson()));
        QCOMPARE(answer["statusCode"].toInt(), 201);
        const QJsonObject headers = answer["headers"].toObject();
        QCOMPARE(headers["x-request-id"].toString(), QString("a1b2c3d4e5f6"));
        QCOMPARE(headers["set-cookie"].toArray(), (QJsonArray{"a=1", "b=2"}));
        const QJsonObject echo =
            QJsonDocument::fromJson(answer["body"].toString().toUtf8()).object();
        const QJsonObject event = echo["event"].toObject();
        QCOMPARE(event["version"].toString(), QString("2.0"));
        QCOMPARE(event["routeKey"].toString(), QString("POST /orders/{id}"));
        QCOMPARE(event["rawPath"].toString(), QString("/orders/42"));
        QCOMPARE(event["rawQueryString"].toString(), QString("a=1&a=2&b=x%20y"));
        QCOMPARE(event["queryStringParameters"].toObject(),
                 (QJsonObject{{"a", "1,2"}, {"b", "x y"}}));
        QCOMPARE(event["pathParameters"].toObject(), (QJsonObject{{"id", "42"}}));
        QCOMPARE(event["cookies"].toArray(), (QJsonArray{"s=1", "t=2"}));
        QVERIFY(!event["headers"].toObject().contains("cookie"));
        QCOMPARE(event["headers"].toObject()["host"].toString(), QString("ow.example.com"));
        QCOMPARE(event["body"].toString(), QString("{\"name\":\"Jane\"}"));
        QCOMPARE(event["isBase64Encoded"].toBool(true), false);
        QVERIFY(!event.contains("GREETING"));
        const QJsonObject context = event["requestContext"].toObject();
        QCOMPARE(context["requestId"].toString(), QString("a1b2c3d4e5f6"));
        QCOMPARE(context["domainName"].toString(), QString("ow.example.com"));
        QCOMPARE(context["http"].toObject()["method"].toString(), QString("POST"));
        QCOMPARE(context["http"].toObject()["path"].toString(), QString("/orders/42"));
        QCOMPARE(context["http"].toObject()["sourceIp"].toString(), QString("203.0.113.9"));
        QCOMPARE(context["http"].toObject()["userAgent"].toString(), QString("curl/8.5.0"));
        QCOMPARE(echo["greeting"].toString(), QString("hi"));
        QCOMPARE(echo["memory"].toString(), QString("256"));
        QCOMPARE(echo["name"].toString(), QString("orders"));
        const int remaining = echo["remaining"].toInt();
        QVERIFY2(remaining > 0 && remaining <= 5000, qPrintable(QString::number(remaining)));
    }

private slots:
    void mapsLambdaRuntimesToActionKinds_data()
    {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<QString>("kind");
        // Kinds as apache/openwhisk's ansible/files/runtimes.json names them.
        QTest::newRow("python 3.12") << "python3.12"
                                     << "python:3.12";
        QTest::newRow("python 3.10") << "python3.10"
                                     << "python:3.10";
        QTest::newRow("node 20") << "nodejs20.x"
                                 << "nodejs:20";
        QTest::newRow("node 18") << "nodejs18.x"
                                 << "nodejs:18";
        QTest::newRow("custom runtime") << "provided.al2023"
                                        << "";
        QTest::newRow("java") << "java21"
                              << "";
    }
    void mapsLambdaRuntimesToActionKinds()
    {
        QFETCH(QString, runtime);
        QFETCH(QString, kind);
        const Result<QString> r = OpenWhiskAdapters::actionKind(runtime);
        if (kind.isEmpty()) {
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::Unsupported);
            QVERIFY(r.error().message.contains(runtime));
        } else {
            QCOMPARE(r.value(), kind);
        }
    }

    void pythonWebActionCallsTheHandlerWithAnHttpApiEvent()
    {
        const QByteArray handler = R"py(import json, os
def handler(event, context):
    print("handler output goes to the activation log")
    return {"statusCode": 201, "headers": {"x-request-id": context.aws_request_id},
            "cookies": ["a=1", "b=2"],
            "body": json.dumps({"event": event, "greeting": os.environ.get("GREETING"),
                                "memory": context.memory_limit_in_mb,
                                "name": context.function_name,
                                "remaining": context.get_remaining_time_in_millis()})}
)py";
        const QJsonObject answer = run("python3", function("python3.12", "app.handler", true),
                                       {{"app.py", handler}}, webParams());
        if (answer.contains("skip"))
            QSKIP(qPrintable(answer["skip"].toString()));
        checkWebAnswer(answer);
    }

    void nodeWebActionCallsTheHandlerWithAnHttpApiEvent()
    {
        const QByteArray handler = R"js(
exports.handler = async (event, context) => ({
  statusCode: 201,
  headers: { 'x-request-id': context.awsRequestId },
  cookies: ['a=1', 'b=2'],
  body: JSON.stringify({ event, greeting: process.env.GREETING, memory: context.memoryLimitInMB,
    name: context.functionName, remaining: context.getRemainingTimeInMillis() }),
});
)js";
        const QJsonObject answer = run("node", function("nodejs20.x", "src/index.handler", true),
                                       {{"src/index.js", handler}}, webParams(),
                                       R"({"name": "orders", "main": "src/index.js"})");
        if (answer.contains("skip"))
            QSKIP(qPrintable(answer["skip"].toString()));
        checkWebAnswer(answer);
    }

    void nodePackageJsonKeepsItsFieldsAndStartsTheAdapter()
    {
        FunctionSpec f = function("nodejs20.x", "index.handler", false);
        const auto files = OpenWhiskAdapters::files(
            f, R"({"name": "orders", "main": "index.js", "private": true})");
        QVERIFY(files);
        QJsonObject packageJson;
        for (const GeneratedFile& g : *files)
            if (g.path == "package.json")
                packageJson = QJsonDocument::fromJson(g.bytes).object();
        QCOMPARE(packageJson["main"].toString(), QString(OpenWhiskAdapters::kNodeEntry));
        QCOMPARE(packageJson["name"].toString(), QString("orders"));
        QCOMPARE(packageJson["private"].toBool(), true);
        const auto broken = OpenWhiskAdapters::files(f, "{not json");
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, ErrorCode::Parse);
    }

    void nodeEsModuleHandlerIsImported()
    {
        const QByteArray handler =
            "export const handler = async (event) => ({ esm: true, got: event });\n";
        const QJsonObject answer = run("node", function("nodejs20.x", "app.handler", false),
                                       {{"app.mjs", handler}}, QJsonObject{{"orderId", 7}});
        if (answer.contains("skip"))
            QSKIP(qPrintable(answer["skip"].toString()));
        QCOMPARE(answer["esm"].toBool(), true);
        QCOMPARE(answer["got"].toObject(), (QJsonObject{{"orderId", 7}}));
    }

    void nodeCallbackHandlerWithPlainParameters()
    {
        const QByteArray handler = R"js(
exports.handler = (event, context, callback) => {
  setTimeout(() => callback(null, { got: event, greeting: process.env.GREETING }), 10);
};
)js";
        const QJsonObject answer =
            run("node", function("nodejs20.x", "index.handler", false), {{"index.js", handler}},
                QJsonObject{{"orderId", 7}, {"GREETING", "hi"}});
        if (answer.contains("skip"))
            QSKIP(qPrintable(answer["skip"].toString()));
        QCOMPARE(answer["got"].toObject(), (QJsonObject{{"orderId", 7}}));
        QCOMPARE(answer["greeting"].toString(), QString("hi"));
    }

    void pythonPlainParametersAreTheEvent()
    {
        const QByteArray handler =
            "import os\n"
            "def handler(event, context):\n"
            "    return {'got': event, 'greeting': os.environ['GREETING']}\n";
        const QJsonObject answer =
            run("python3", function("python3.12", "jobs.worker.handler", false),
                {{"jobs/__init__.py", ""}, {"jobs/worker.py", handler}},
                QJsonObject{{"orderId", 7}, {"GREETING", "hi"}});
        if (answer.contains("skip"))
            QSKIP(qPrintable(answer["skip"].toString()));
        QCOMPARE(answer["got"].toObject(), (QJsonObject{{"orderId", 7}}));
        QCOMPARE(answer["greeting"].toString(), QString("hi"));
    }

    void pythonBinaryBodyStaysBase64AndAnswersBinary()
    {
        const QByteArray handler = R"py(
def handler(event, context):
    return {"statusCode": 200, "isBase64Encoded": True, "body": event["body"],
            "headers": {"x-was-base64": str(event["isBase64Encoded"])}}
)py";
        QJsonObject params = webParams();
        params["__ow_body"] = "iVBORw0KGgo="; // a PNG signature
        params["__ow_headers"] = QJsonObject{{"content-type", "image/png"}};
        const QJsonObject answer = run("python3", function("python3.12", "app.handler", true),
                                       {{"app.py", handler}}, params);
        if (answer.contains("skip"))
            QSKIP(qPrintable(answer["skip"].toString()));
        QCOMPARE(answer["body"].toString(), QString("iVBORw0KGgo="));
        QCOMPARE(answer["headers"].toObject()["x-was-base64"].toString(), QString("True"));
        // OpenWhisk decodes a base64 body for a binary content type; none given: octet-stream.
        QCOMPARE(answer["headers"].toObject()["content-type"].toString(),
                 QString("application/octet-stream"));
    }

    void handlerFailuresBecomeLambdasAnswers()
    {
        const QByteArray handler = "def handler(event, context):\n    raise ValueError('boom')\n";
        const QJsonObject web = run("python3", function("python3.12", "app.handler", true),
                                    {{"app.py", handler}}, webParams());
        if (web.contains("skip"))
            QSKIP(qPrintable(web["skip"].toString()));
        QCOMPARE(web["statusCode"].toInt(), 500);
        QCOMPARE(web["body"].toString(), QString("{\"message\": \"Internal Server Error\"}"));
        const QJsonObject plain = run("python3", function("python3.12", "app.handler", false),
                                      {{"app.py", handler}}, QJsonObject{{"x", 1}});
        QCOMPARE(plain["error"].toObject()["errorType"].toString(), QString("ValueError"));
        QCOMPARE(plain["error"].toObject()["errorMessage"].toString(), QString("boom"));
    }

    void answersWithoutStatusCodeBecomeJson()
    {
        const QByteArray handler = "exports.handler = async () => ({ ok: true });\n";
        const QJsonObject answer = run("node", function("nodejs20.x", "index.handler", true),
                                       {{"index.js", handler}}, webParams());
        if (answer.contains("skip"))
            QSKIP(qPrintable(answer["skip"].toString()));
        QCOMPARE(answer["statusCode"].toInt(), 200);
        QCOMPARE(answer["headers"].toObject()["content-type"].toString(),
                 QString("application/json"));
        QCOMPARE(answer["body"].toString(), QString("{\"ok\":true}"));
    }
};

QTEST_GUILESS_MAIN(tst_OpenWhiskAdapters)
#include "tst_OpenWhiskAdapters.moc"
