// labels: integration
// The runner with its other runtimes, against real processes: Node.js (nodejs20.x) handlers in
// every programming model, and provided.al2023 custom runtimes whose bootstrap speaks the
// Runtime API itself, well or badly. Every answer must be the one Lambda gives.
#include "Runner.h"
#include "RuntimeFiles.h"

#include "TestFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

// CommonJS handlers (no package.json: .js is required, as on Lambda).
const QByteArray kNodeIndex = R"js(let count = 0;

exports.handler = async (event, context) => {
  count += 1;
  return {
    count, pid: process.pid, n: event.n ?? null,
    requestId: context.awsRequestId,
    function: context.functionName,
    version: context.functionVersion,
    arn: context.invokedFunctionArn,
    memory: context.memoryLimitInMB,
    remaining: context.getRemainingTimeInMillis(),
    env: process.env.AWS_EXECUTION_ENV ?? null,
  };
};

exports.callback = (event, context, callback) => {
  // The callback settles the invocation once the event loop is empty: the timer runs first.
  let late = 'not yet';
  setTimeout(() => { late = 'ran'; }, 20);
  callback(null, { via: 'callback', n: event.n, get late() { return late; } });
};

exports.boom = async () => {
  throw new Error('boom');
};

exports.logs = async (event, context) => {
  console.log('first', 1);
  console.info('second');
  console.warn('third');
  console.error('fourth');
  process.stdout.write('raw fifth\n');
  return 'logged';
};

exports.sleepy = () => new Promise((resolve) => setTimeout(() => resolve('late'), 30000));
)js";

// An ES module: import syntax, import.meta, no require.
const QByteArray kNodeEsm = R"js(import { createHash } from 'node:crypto';

let count = 0;

export const handler = async (event) => {
  count += 1;
  return {
    module: import.meta.url.endsWith('/esm.mjs') ? 'esm' : import.meta.url,
    noRequire: typeof require === 'undefined',
    digest: createHash('sha256').update(String(event.n)).digest('hex').slice(0, 8),
    count,
  };
};
)js";

// A custom runtime in Python (standard library only) speaking the Runtime API 2018-06-01.
// _HANDLER picks how it behaves:
//   echo.handler    answers {"echo": event, "handler": ...}; {"fail": true} goes to /error
//   misuse.wrongid  first answers for a request id that is not in flight (and calls an unknown
//                   path), then answers correctly
//   exit.once       exits during init (before the first /next) while the file $MARKER does
//                   not exist, then behaves like echo.handler
const QByteArray kBootstrap = R"py(#!/usr/bin/env python3
import http.client, json, os, sys

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
HANDLER = os.environ.get("_HANDLER", "")
PREFIX = "/2018-06-01/runtime"


def call(method, path, body=None, headers=None):
    host, port = API.rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port))
    conn.request(method, PREFIX + path, body=body, headers=headers or {})
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, resp.headers, data


if HANDLER == "exit.once":
    marker = os.environ["MARKER"]
    if not os.path.exists(marker):
        open(marker, "w").close()
        print("bootstrap: leaving during init", flush=True)
        sys.exit(int(os.environ.get("EXIT_CODE", "1")))

count = 0
while True:
    status, headers, body = call("GET", "/invocation/next")
    if status != 200:
        print("bootstrap: /next answered", status, file=sys.stderr, flush=True)
        sys.exit(1)
    rid = headers.get("Lambda-Runtime-Aws-Request-Id")
    event = json.loads(body)
    count += 1
    print("bootstrap: handling", rid, flush=True)
    if isinstance(event, dict) and event.get("fail"):
        error = {"errorType": "Custom.Failure", "errorMessage": "asked to fail"}
        call("POST", "/invocation/%s/error" % rid, json.dumps(error).encode(),
             {"Lambda-Runtime-Function-Error-Type": "Custom.Failure",
              "Content-Type": "application/json"})
        continue
    answer = {
        "echo": event, "handler": HANDLER, "count": count, "pid": os.getpid(),
        "requestId": rid, "arn": headers.get("Lambda-Runtime-Invoked-Function-Arn"),
        "deadline": headers.get("Lambda-Runtime-Deadline-Ms"),
        "env": {k: os.environ.get(k) for k in ("AWS_EXECUTION_ENV", "AWS_LAMBDA_RUNTIME_API",
                "AWS_LAMBDA_FUNCTION_NAME", "LAMBDA_TASK_ROOT")},
    }
    if HANDLER == "misuse.wrongid":
        s, _, b = call("POST", "/invocation/not-the-request-id/response", b'{"wrong": true}',
                       {"Content-Type": "application/json"})
        answer["wrongStatus"] = s
        answer["wrongBody"] = json.loads(b) if b else None
        s, _, _ = call("POST", "/garbage", b"?", {"Content-Type": "text/plain"})
        answer["garbageStatus"] = s
    call("POST", "/invocation/%s/response" % rid, json.dumps(answer).encode(),
         {"Content-Type": "application/json"})
)py";

struct Harness {
    QTemporaryDir dir;
    Workspace ws;
    QString runtimeFolder;

    FunctionSpec& add(const QString& name, const QString& runtime, const QString& codeUri,
                      const QString& handler, int timeoutSeconds = 3)
    {
        FunctionSpec f;
        f.name = name;
        f.runtime = runtime;
        f.handler = handler;
        f.codeUri = codeUri;
        f.timeoutSeconds = timeoutSeconds;
        ws.functions.append(f);
        return ws.functions.last();
    }
    FunctionSpec& node(const QString& name, const QString& handler, int timeoutSeconds = 3)
    {
        return add(name, QStringLiteral("nodejs20.x"), QStringLiteral("node"), handler,
                   timeoutSeconds);
    }
    FunctionSpec& provided(const QString& name, const QString& handler,
                           const QString& codeUri = QStringLiteral("provided"))
    {
        return add(name, QStringLiteral("provided.al2023"), codeUri, handler);
    }
};

InvocationRecord invokeAndWait(Runner& runner, const QString& function,
                               const QByteArray& payload = "{}")
{
    InvocationRecord result;
    bool done = false;
    runner.invoke(function, payload, [&](const InvocationRecord& r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        result.errorType = QStringLiteral("test: no answer within 60 s");
    return result;
}

QJsonObject json(const QByteArray& payload)
{
    return QJsonDocument::fromJson(payload).object();
}

// The message of an error body, whichever key carries it.
QString errorText(const QByteArray& payload)
{
    const QJsonObject o = json(payload);
    return o.contains(QStringLiteral("errorMessage"))
               ? o.value(QStringLiteral("errorMessage")).toString()
               : o.value(QStringLiteral("message")).toString();
}

QString describe(const InvocationRecord& r)
{
    return QStringLiteral("%1 %2 %3\n%4")
        .arg(outcomeName(r.outcome), r.errorType, QString::fromUtf8(r.payload), r.logs.join(u'\n'));
}

bool hasNode()
{
    return !QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty();
}

bool hasPython()
{
    return !QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty();
}

} // namespace

#define SKIP_WITHOUT_NODE()                                                                        \
    do {                                                                                           \
        if (!hasNode())                                                                            \
            QSKIP("node is not on PATH");                                                          \
    } while (false)

#define SKIP_WITHOUT_PYTHON()                                                                      \
    do {                                                                                           \
        if (!hasPython())                                                                          \
            QSKIP("python3 is not on PATH (the custom bootstrap is a Python script)");             \
    } while (false)

class tst_RunnerRuntimes : public QObject {
    Q_OBJECT
private slots:
    // Node.js
    void nodeCommonJsColdThenWarmKeepsModuleState();
    void nodeEsModuleHandler();
    void nodeCallbackHandler();
    void nodePassesContext();
    void nodeThrownErrorIsUnhandledFunctionError();
    void nodeMissingModuleIsImportModuleError();
    void nodeMissingExportIsHandlerNotFound();
    void nodeConsoleLinesBetweenStartAndEndInOrder();
    void nodeTimeoutKillsInstanceAndNextIsCold();
    // provided.al2023
    void providedBootstrapAnswersAndStaysWarm();
    void providedEnvironmentHasRuntimeApiButNoExecutionEnv();
    void providedErrorPathKeepsDeclaredErrorType();
    void providedMissingBootstrapIsInvalidEntrypoint();
    void providedNonExecutableBootstrapIsInvalidEntrypoint();
    void providedWrongRequestIdIsRefusedAndLogged();
    void providedExitDuringInitIsReportedAndNextWorks();
    void providedCleanExitDuringInitHasNoReason();

private:
    Harness* make();
    RunnerOptions options() const;
    std::unique_ptr<Harness> m_h;
};

Harness* tst_RunnerRuntimes::make()
{
    m_h = std::make_unique<Harness>();
    m_h->ws.folder = m_h->dir.path();
    m_h->ws.name = QStringLiteral("t");
    if (!test::writeFile(m_h->dir.path(), QStringLiteral("node/index.js"), kNodeIndex) ||
        !test::writeFile(m_h->dir.path(), QStringLiteral("node/esm.mjs"), kNodeEsm) ||
        !test::writeFile(m_h->dir.path(), QStringLiteral("provided/bootstrap"), kBootstrap))
        return nullptr;
    const QString bootstrap = m_h->dir.filePath(QStringLiteral("provided/bootstrap"));
    if (!QFile::setPermissions(bootstrap, QFile::permissions(bootstrap) | QFileDevice::ExeOwner |
                                              QFileDevice::ExeGroup | QFileDevice::ExeOther))
        return nullptr;
    const auto folder = RuntimeFiles::materialize(m_h->dir.filePath(QStringLiteral("runtimes")));
    if (!folder)
        return nullptr;
    m_h->runtimeFolder = *folder;
    return m_h.get();
}

RunnerOptions tst_RunnerRuntimes::options() const
{
    RunnerOptions o;
    o.runtimeFolder = m_h->runtimeFolder;
    o.temporaryRoot = m_h->dir.path();
    return o;
}

// --------------------------------------------------------------------------------------------
// Node.js
// --------------------------------------------------------------------------------------------

void tst_RunnerRuntimes::nodeCommonJsColdThenWarmKeepsModuleState()
{
    SKIP_WITHOUT_NODE();
    Harness* h = make();
    QVERIFY(h);
    h->node(QStringLiteral("cjs"), QStringLiteral("index.handler"));
    Runner runner(h->ws, options());
    const InvocationRecord first = invokeAndWait(runner, QStringLiteral("cjs"), R"({"n": 1})");
    QVERIFY2(!first.failed(), qPrintable(describe(first)));
    QVERIFY(first.coldStart);
    QVERIFY(first.initDurationMs > 0);
    QCOMPARE(json(first.payload).value(QStringLiteral("count")).toInt(), 1);
    QCOMPARE(json(first.payload).value(QStringLiteral("n")).toInt(), 1);
    QVERIFY(first.logs.last().contains(QStringLiteral("\tInit Duration: ")));

    const InvocationRecord second = invokeAndWait(runner, QStringLiteral("cjs"), R"({"n": 2})");
    QVERIFY2(!second.failed(), qPrintable(describe(second)));
    QVERIFY(!second.coldStart);
    QCOMPARE(second.instanceId, first.instanceId);
    QCOMPARE(json(second.payload).value(QStringLiteral("count")).toInt(), 2); // module state kept
    QCOMPARE(json(second.payload).value(QStringLiteral("pid")),
             json(first.payload).value(QStringLiteral("pid")));
    QVERIFY(!second.logs.last().contains(QStringLiteral("Init Duration")));
    QCOMPARE(runner.instanceCount(QStringLiteral("cjs")), 1);
}

void tst_RunnerRuntimes::nodeEsModuleHandler()
{
    SKIP_WITHOUT_NODE();
    Harness* h = make();
    QVERIFY(h);
    h->node(QStringLiteral("esm"), QStringLiteral("esm.handler"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("esm"), R"({"n": 7})");
    QVERIFY2(!r.failed(), qPrintable(describe(r)));
    const QJsonObject o = json(r.payload);
    QCOMPARE(o.value(QStringLiteral("module")).toString(), QStringLiteral("esm"));
    QCOMPARE(o.value(QStringLiteral("noRequire")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("digest")).toString().size(), 8); // the import worked
    const InvocationRecord warm = invokeAndWait(runner, QStringLiteral("esm"), R"({"n": 7})");
    QVERIFY(!warm.coldStart);
    QCOMPARE(json(warm.payload).value(QStringLiteral("count")).toInt(), 2);
}

void tst_RunnerRuntimes::nodeCallbackHandler()
{
    SKIP_WITHOUT_NODE();
    Harness* h = make();
    QVERIFY(h);
    h->node(QStringLiteral("cb"), QStringLiteral("index.callback"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("cb"), R"({"n": 3})");
    QVERIFY2(!r.failed(), qPrintable(describe(r)));
    const QJsonObject o = json(r.payload);
    QCOMPARE(o.value(QStringLiteral("via")).toString(), QStringLiteral("callback"));
    QCOMPARE(o.value(QStringLiteral("n")).toInt(), 3);
    // callbackWaitsForEmptyEventLoop (default true): serialised after the pending timer ran.
    QCOMPARE(o.value(QStringLiteral("late")).toString(), QStringLiteral("ran"));
    const InvocationRecord warm = invokeAndWait(runner, QStringLiteral("cb"), R"({"n": 4})");
    QVERIFY(!warm.coldStart);
    QCOMPARE(json(warm.payload).value(QStringLiteral("n")).toInt(), 4);
}

void tst_RunnerRuntimes::nodePassesContext()
{
    SKIP_WITHOUT_NODE();
    Harness* h = make();
    QVERIFY(h);
    h->node(QStringLiteral("ctx"), QStringLiteral("index.handler")).memoryMb = 256;
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("ctx"));
    QVERIFY2(!r.failed(), qPrintable(describe(r)));
    const QJsonObject o = json(r.payload);
    QCOMPARE(o.value(QStringLiteral("requestId")).toString(), r.requestId);
    QCOMPARE(o.value(QStringLiteral("function")).toString(), QStringLiteral("ctx"));
    QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral("$LATEST"));
    QCOMPARE(o.value(QStringLiteral("arn")).toString(),
             QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:ctx"));
    // Lambda's Node runtime reads it from the environment: a string.
    QVERIFY(o.value(QStringLiteral("memory")).isString());
    QCOMPARE(o.value(QStringLiteral("memory")).toString(), QStringLiteral("256"));
    const int remaining = o.value(QStringLiteral("remaining")).toInt();
    QVERIFY2(remaining > 1000 && remaining <= 3000, qPrintable(QString::number(remaining)));
    QCOMPARE(o.value(QStringLiteral("env")).toString(), QStringLiteral("AWS_Lambda_nodejs20.x"));
    QCOMPARE(r.memorySizeMb, 256);
}

void tst_RunnerRuntimes::nodeThrownErrorIsUnhandledFunctionError()
{
    SKIP_WITHOUT_NODE();
    Harness* h = make();
    QVERIFY(h);
    h->node(QStringLiteral("boom"), QStringLiteral("index.boom"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("boom"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("function-error"));
    QCOMPARE(r.errorType, QStringLiteral("Unhandled"));
    const QJsonObject e = json(r.payload);
    QCOMPARE(e.value(QStringLiteral("errorType")).toString(), QStringLiteral("Error"));
    QCOMPARE(e.value(QStringLiteral("errorMessage")).toString(), QStringLiteral("boom"));
    // Lambda's Node runtime sends the whole err.stack, first line included, as "trace".
    const QJsonArray trace = e.value(QStringLiteral("trace")).toArray();
    QVERIFY2(trace.size() > 1, r.payload.constData());
    QCOMPARE(trace.first().toString(), QStringLiteral("Error: boom"));
    QVERIFY(trace.at(1).toString().contains(QStringLiteral("index.js")));
    QVERIFY(!e.contains(QStringLiteral("stackTrace")));
    // ... and logs it as "<time>\t<id>\tERROR\tInvoke Error \t{...}" within the invocation.
    bool logged = false;
    for (const QString& line : r.logs)
        logged |= line.contains(QStringLiteral("\t%1\tERROR\tInvoke Error \t").arg(r.requestId));
    QVERIFY2(logged, qPrintable(r.logs.join(u'\n')));
    // The runtime reported the error and lives on: the next invocation is warm.
    const InvocationRecord next = invokeAndWait(runner, QStringLiteral("boom"));
    QVERIFY(!next.coldStart);
    QCOMPARE(next.instanceId, r.instanceId);
}

void tst_RunnerRuntimes::nodeMissingModuleIsImportModuleError()
{
    SKIP_WITHOUT_NODE();
    Harness* h = make();
    QVERIFY(h);
    h->node(QStringLiteral("nomod"), QStringLiteral("nosuchmodule.handler"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("nomod"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("init-error"));
    QCOMPARE(r.errorType, QStringLiteral("Runtime.ImportModuleError"));
    QVERIFY(r.coldStart);
    const QJsonObject e = json(r.payload);
    QCOMPARE(e.value(QStringLiteral("errorType")).toString(),
             QStringLiteral("Runtime.ImportModuleError"));
    QVERIFY2(e.value(QStringLiteral("errorMessage"))
                 .toString()
                 .startsWith(QStringLiteral("Error: Cannot find module 'nosuchmodule'")),
             r.payload.constData());
    QVERIFY(r.logs.join(u'\n').contains(
        QStringLiteral("Status: error\tError Type: Runtime.ImportModuleError")));
    QTRY_COMPARE(runner.instanceCount(QStringLiteral("nomod")), 0); // discarded
    const InvocationRecord next = invokeAndWait(runner, QStringLiteral("nomod"));
    QCOMPARE(next.errorType, QStringLiteral("Runtime.ImportModuleError"));
    QVERIFY(next.coldStart);
    QVERIFY(next.instanceId != r.instanceId);
}

void tst_RunnerRuntimes::nodeMissingExportIsHandlerNotFound()
{
    SKIP_WITHOUT_NODE();
    Harness* h = make();
    QVERIFY(h);
    h->node(QStringLiteral("noexport"), QStringLiteral("index.missing"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("noexport"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("init-error"));
    QCOMPARE(r.errorType, QStringLiteral("Runtime.HandlerNotFound"));
    QCOMPARE(json(r.payload).value(QStringLiteral("errorMessage")).toString(),
             QStringLiteral("index.missing is undefined or not exported"));
    QVERIFY(r.logs.join(u'\n').contains(
        QStringLiteral("Status: error\tError Type: Runtime.HandlerNotFound")));
    const InvocationRecord next = invokeAndWait(runner, QStringLiteral("noexport"));
    QCOMPARE(next.errorType, QStringLiteral("Runtime.HandlerNotFound"));
    QVERIFY(next.coldStart);
    QVERIFY(next.instanceId != r.instanceId);
}

void tst_RunnerRuntimes::nodeConsoleLinesBetweenStartAndEndInOrder()
{
    SKIP_WITHOUT_NODE();
    Harness* h = make();
    QVERIFY(h);
    h->node(QStringLiteral("logs"), QStringLiteral("index.logs"));
    Runner runner(h->ws, options());
    for (int round = 0; round < 2; ++round) { // cold, then warm
        const InvocationRecord r = invokeAndWait(runner, QStringLiteral("logs"));
        QVERIFY2(!r.failed(), qPrintable(describe(r)));
        QCOMPARE(r.coldStart, round == 0);
        const QStringList& logs = r.logs;
        const qsizetype start =
            logs.indexOf(QStringLiteral("START RequestId: %1 Version: $LATEST").arg(r.requestId));
        const qsizetype end = logs.indexOf(QStringLiteral("END RequestId: %1").arg(r.requestId));
        QVERIFY2(start >= 0 && end > start, qPrintable(logs.join(u'\n')));
        QCOMPARE(end, logs.size() - 2);
        QVERIFY(logs.last().startsWith(
            QStringLiteral("REPORT RequestId: %1\tDuration: ").arg(r.requestId)));
        // Exactly the handler's lines, in the order written, each with Lambda's prefix.
        const QStringList between = logs.mid(start + 1, end - start - 1);
        QCOMPARE(between.size(), 5);
        const QRegularExpression time(
            QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));
        const QStringList expected{QStringLiteral("INFO\tfirst 1"), QStringLiteral("INFO\tsecond"),
                                   QStringLiteral("WARN\tthird"), QStringLiteral("ERROR\tfourth")};
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QStringList fields = between.at(i).split(u'\t');
            QCOMPARE(fields.size(), 4);
            QVERIFY2(time.match(fields.at(0)).hasMatch(), qPrintable(between.at(i)));
            QCOMPARE(fields.at(1), r.requestId);
            QCOMPARE(fields.at(2) + u'\t' + fields.at(3), expected.at(i));
        }
        QCOMPARE(between.at(4), QStringLiteral("raw fifth"));
    }
}

void tst_RunnerRuntimes::nodeTimeoutKillsInstanceAndNextIsCold()
{
    SKIP_WITHOUT_NODE();
    Harness* h = make();
    QVERIFY(h);
    h->node(QStringLiteral("sleepy"), QStringLiteral("index.sleepy"), 1);
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("sleepy"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("timeout"));
    QCOMPARE(r.errorType, QStringLiteral("Sandbox.Timedout"));
    QCOMPARE(
        json(r.payload).value(QStringLiteral("errorMessage")).toString(),
        QStringLiteral("RequestId: %1 Error: Task timed out after 1.00 seconds").arg(r.requestId));
    QVERIFY2(r.durationMs >= 1000 && r.durationMs < 5000,
             qPrintable(QString::number(r.durationMs)));
    QVERIFY(r.logs.join(u'\n').contains(
        QStringLiteral("%1 Task timed out after 1.00 seconds").arg(r.requestId)));
    QTRY_COMPARE(runner.instanceCount(QStringLiteral("sleepy")), 0);
    const InvocationRecord next = invokeAndWait(runner, QStringLiteral("sleepy"));
    QCOMPARE(outcomeName(next.outcome), QStringLiteral("timeout"));
    QVERIFY(next.coldStart);
    QVERIFY(next.instanceId != r.instanceId);
}

// --------------------------------------------------------------------------------------------
// provided.al2023
// --------------------------------------------------------------------------------------------

void tst_RunnerRuntimes::providedBootstrapAnswersAndStaysWarm()
{
    SKIP_WITHOUT_PYTHON();
    Harness* h = make();
    QVERIFY(h);
    h->provided(QStringLiteral("echo"), QStringLiteral("echo.handler"));
    Runner runner(h->ws, options());
    const InvocationRecord first =
        invokeAndWait(runner, QStringLiteral("echo"), R"({"hello": "world"})");
    QVERIFY2(!first.failed(), qPrintable(describe(first)));
    QVERIFY(first.coldStart);
    QVERIFY(first.initDurationMs > 0);
    const QJsonObject o = json(first.payload);
    QCOMPARE(o.value(QStringLiteral("echo")).toObject(),
             QJsonObject({{QStringLiteral("hello"), QStringLiteral("world")}}));
    QCOMPARE(o.value(QStringLiteral("handler")).toString(),
             QStringLiteral("echo.handler")); // _HANDLER
    QCOMPARE(o.value(QStringLiteral("requestId")).toString(), first.requestId);
    QCOMPARE(o.value(QStringLiteral("arn")).toString(),
             QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:echo"));
    QVERIFY(o.value(QStringLiteral("deadline")).toString().toLongLong() > first.startedAtEpochMs);
    QVERIFY(first.logs.contains(QStringLiteral("bootstrap: handling %1").arg(first.requestId)));

    const InvocationRecord second = invokeAndWait(runner, QStringLiteral("echo"), "[1, 2]");
    QVERIFY2(!second.failed(), qPrintable(describe(second)));
    QVERIFY(!second.coldStart);
    QCOMPARE(second.instanceId, first.instanceId);
    const QJsonObject o2 = json(second.payload);
    QCOMPARE(o2.value(QStringLiteral("echo")).toArray(), QJsonArray({1, 2}));
    QCOMPARE(o2.value(QStringLiteral("count")).toInt(), 2); // the same process
    QCOMPARE(o2.value(QStringLiteral("pid")), o.value(QStringLiteral("pid")));
}

void tst_RunnerRuntimes::providedEnvironmentHasRuntimeApiButNoExecutionEnv()
{
    SKIP_WITHOUT_PYTHON();
    Harness* h = make();
    QVERIFY(h);
    h->provided(QStringLiteral("echo"), QStringLiteral("echo.handler"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("echo"));
    QVERIFY2(!r.failed(), qPrintable(describe(r)));
    const QJsonObject env = json(r.payload).value(QStringLiteral("env")).toObject();
    // OS-only runtimes do not set AWS_EXECUTION_ENV on Lambda.
    QVERIFY2(env.value(QStringLiteral("AWS_EXECUTION_ENV")).isNull(), r.payload.constData());
    const QRegularExpression endpoint(QStringLiteral(R"(^127\.0\.0\.1:\d+$)"));
    QVERIFY2(
        endpoint.match(env.value(QStringLiteral("AWS_LAMBDA_RUNTIME_API")).toString()).hasMatch(),
        r.payload.constData());
    QCOMPARE(env.value(QStringLiteral("AWS_LAMBDA_FUNCTION_NAME")).toString(),
             QStringLiteral("echo"));
    QCOMPARE(env.value(QStringLiteral("LAMBDA_TASK_ROOT")).toString(),
             h->dir.filePath(QStringLiteral("provided")));
}

void tst_RunnerRuntimes::providedErrorPathKeepsDeclaredErrorType()
{
    SKIP_WITHOUT_PYTHON();
    Harness* h = make();
    QVERIFY(h);
    h->provided(QStringLiteral("echo"), QStringLiteral("echo.handler"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("echo"), R"({"fail": true})");
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("function-error"));
    QCOMPARE(r.errorType, QStringLiteral("Custom.Failure")); // Lambda-Runtime-Function-Error-Type
    const QJsonObject e = json(r.payload);
    QCOMPARE(e.value(QStringLiteral("errorType")).toString(), QStringLiteral("Custom.Failure"));
    QCOMPARE(e.value(QStringLiteral("errorMessage")).toString(), QStringLiteral("asked to fail"));
    // The runtime reported the error and lives on: the same instance answers the next one.
    const InvocationRecord next =
        invokeAndWait(runner, QStringLiteral("echo"), R"({"fail": false})");
    QVERIFY2(!next.failed(), qPrintable(describe(next)));
    QVERIFY(!next.coldStart);
    QCOMPARE(next.instanceId, r.instanceId);
}

void tst_RunnerRuntimes::providedMissingBootstrapIsInvalidEntrypoint()
{
    Harness* h = make();
    QVERIFY(h);
    QVERIFY(test::writeFile(h->dir.path(), QStringLiteral("empty/README"), "no bootstrap here\n"));
    h->provided(QStringLiteral("nobootstrap"), QStringLiteral("x.handler"),
                QStringLiteral("empty"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("nobootstrap"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("init-error"));
    QCOMPARE(r.errorType, QStringLiteral("Runtime.InvalidEntrypoint"));
    QVERIFY(r.coldStart);
    const QString path = h->dir.filePath(QStringLiteral("empty/bootstrap"));
    QVERIFY2(errorText(r.payload).contains(path), r.payload.constData());
    QCOMPARE(runner.instanceCount(QStringLiteral("nobootstrap")), 0);
    // Lambda answers an entrypoint failure as a function error: {"errorType":
    // "Runtime.InvalidEntrypoint","errorMessage":"RequestId: <id> Error: …"}.
    QCOMPARE(json(r.payload).value(QStringLiteral("errorType")).toString(),
             QStringLiteral("Runtime.InvalidEntrypoint"));
    // Nothing was started, and nothing is left behind: the next attempt is refused the same way.
    const InvocationRecord next = invokeAndWait(runner, QStringLiteral("nobootstrap"));
    QCOMPARE(next.errorType, QStringLiteral("Runtime.InvalidEntrypoint"));
}

void tst_RunnerRuntimes::providedNonExecutableBootstrapIsInvalidEntrypoint()
{
    Harness* h = make();
    QVERIFY(h);
    QVERIFY(test::writeFile(h->dir.path(), QStringLiteral("noexec/bootstrap"), kBootstrap));
    const QString path = h->dir.filePath(QStringLiteral("noexec/bootstrap"));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadGroup | QFileDevice::ReadOther));
    h->provided(QStringLiteral("noexec"), QStringLiteral("echo.handler"), QStringLiteral("noexec"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("noexec"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("init-error"));
    QCOMPARE(r.errorType, QStringLiteral("Runtime.InvalidEntrypoint"));
    const QString message = errorText(r.payload);
    QVERIFY2(message.contains(path), r.payload.constData());
    QVERIFY2(message.contains(QStringLiteral("chmod +x")), r.payload.constData());
    QCOMPARE(runner.instanceCount(QStringLiteral("noexec")), 0);
    // Fixed on disk: the next invocation starts it (the runner does not cache the refusal).
    QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner));
    if (hasPython()) {
        const InvocationRecord next = invokeAndWait(runner, QStringLiteral("noexec"));
        QVERIFY2(!next.failed(), qPrintable(describe(next)));
        QVERIFY(next.coldStart);
    }
}

void tst_RunnerRuntimes::providedWrongRequestIdIsRefusedAndLogged()
{
    SKIP_WITHOUT_PYTHON();
    Harness* h = make();
    QVERIFY(h);
    h->provided(QStringLiteral("misuse"), QStringLiteral("misuse.wrongid"));
    Runner runner(h->ws, options());
    for (int round = 0; round < 2; ++round) { // cold, then warm: the instance survives misuse
        const InvocationRecord r = invokeAndWait(runner, QStringLiteral("misuse"), R"({"k": 1})");
        QVERIFY2(!r.failed(), qPrintable(describe(r)));
        QCOMPARE(r.coldStart, round == 0);
        const QJsonObject o = json(r.payload);
        QCOMPARE(o.value(QStringLiteral("requestId")).toString(), r.requestId);
        QCOMPARE(o.value(QStringLiteral("echo")).toObject().value(QStringLiteral("k")).toInt(), 1);
        // Lambda's Runtime API: 400 InvalidRequestID for an id that is not in flight.
        QCOMPARE(o.value(QStringLiteral("wrongStatus")).toInt(), 400);
        QCOMPARE(o.value(QStringLiteral("wrongBody"))
                     .toObject()
                     .value(QStringLiteral("errorType"))
                     .toString(),
                 QStringLiteral("InvalidRequestID"));
        QCOMPARE(o.value(QStringLiteral("garbageStatus")).toInt(), 404);
        const QString logs = r.logs.join(u'\n');
        QVERIFY2(logs.contains(
                     QStringLiteral("[swb] Runtime API misuse: the runtime answered for request id "
                                    "\"not-the-request-id\"")),
                 qPrintable(logs));
        QVERIFY2(logs.contains(
                     QStringLiteral("[swb] Runtime API misuse: the runtime called an unknown path: "
                                    "POST /2018-06-01/runtime/garbage")),
                 qPrintable(logs));
    }
}

void tst_RunnerRuntimes::providedExitDuringInitIsReportedAndNextWorks()
{
    SKIP_WITHOUT_PYTHON();
    Harness* h = make();
    QVERIFY(h);
    const QString marker = h->dir.filePath(QStringLiteral("exited-once"));
    h->provided(QStringLiteral("exit"), QStringLiteral("exit.once"))
        .environment.insert(QStringLiteral("MARKER"), marker);
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("exit"));
    QVERIFY(QFile::exists(marker)); // it did run and leave
    // The runner reports an exit before the first /next as runtime-exit, Runtime.ExitError.
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("runtime-exit"));
    QCOMPARE(r.errorType, QStringLiteral("Runtime.ExitError"));
    QVERIFY(r.coldStart);
    const QJsonObject e = json(r.payload);
    QCOMPARE(e.value(QStringLiteral("errorType")).toString(), QStringLiteral("Runtime.ExitError"));
    QCOMPARE(e.value(QStringLiteral("errorMessage")).toString(),
             QStringLiteral("RequestId: %1 Error: Runtime exited with error: exit status 1")
                 .arg(r.requestId));
    const QString logs = r.logs.join(u'\n');
    QVERIFY2(logs.contains(QStringLiteral("bootstrap: leaving during init")), qPrintable(logs));
    QVERIFY(r.logs.last().startsWith(QStringLiteral("REPORT RequestId: %1").arg(r.requestId)));
    // Lambda logs a failed init as "INIT_REPORT Init Duration: … ms\tPhase: init\tStatus: error\t
    // Error Type: Runtime.ExitError" when the runtime exits before its first /next.
    QVERIFY2(
        logs.contains(QStringLiteral("Phase: init\tStatus: error\tError Type: Runtime.ExitError")),
        qPrintable(logs));
    QTRY_COMPARE(runner.instanceCount(QStringLiteral("exit")), 0);

    const InvocationRecord next =
        invokeAndWait(runner, QStringLiteral("exit"), R"({"again": true})");
    QVERIFY2(!next.failed(), qPrintable(describe(next)));
    QVERIFY(next.coldStart);
    QVERIFY(next.instanceId != r.instanceId);
    QCOMPARE(json(next.payload)
                 .value(QStringLiteral("echo"))
                 .toObject()
                 .value(QStringLiteral("again"))
                 .toBool(),
             true);
}

void tst_RunnerRuntimes::providedCleanExitDuringInitHasNoReason()
{
    SKIP_WITHOUT_PYTHON();
    Harness* h = make();
    QVERIFY(h);
    FunctionSpec& f = h->provided(QStringLiteral("exit0"), QStringLiteral("exit.once"));
    f.environment.insert(QStringLiteral("MARKER"),
                         h->dir.filePath(QStringLiteral("exited-once-0")));
    f.environment.insert(QStringLiteral("EXIT_CODE"), QStringLiteral("0"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("exit0"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("runtime-exit"));
    QCOMPARE(r.errorType, QStringLiteral("Runtime.ExitError"));
    const QString message = json(r.payload).value(QStringLiteral("errorMessage")).toString();
    QVERIFY2(
        message.startsWith(QStringLiteral("RequestId: %1 Error: Runtime exited").arg(r.requestId)),
        r.payload.constData());
    // Lambda reports a runtime that exits with status 0 as "Runtime exited without providing a
    // reason" (seen in real Lambda output, e.g. cargo-lambda issue #572).
    QCOMPARE(message,
             QStringLiteral("RequestId: %1 Error: Runtime exited without providing a reason")
                 .arg(r.requestId));
    const InvocationRecord next = invokeAndWait(runner, QStringLiteral("exit0"));
    QVERIFY2(!next.failed(), qPrintable(describe(next)));
    QVERIFY(next.coldStart);
}

QTEST_GUILESS_MAIN(tst_RunnerRuntimes)
#include "tst_RunnerRuntimes.moc"
