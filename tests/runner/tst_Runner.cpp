// labels: integration
// The runner with real Python instances: cold then warm, context and environment, and every
// failure coming back the way Lambda reports it, with the next invocation working.
#include "Runner.h"
#include "RuntimeFiles.h"

#include "TestFiles.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace swb;

namespace {

const QByteArray kHandlers = R"py(import json, os, sys, time, signal

COUNT = 0

def ok(event, context):
    global COUNT
    COUNT += 1
    print("handling", event.get("n"))
    return {"count": COUNT, "pid": os.getpid(), "requestId": context.aws_request_id,
            "function": context.function_name, "memory": context.memory_limit_in_mb,
            "remaining": context.get_remaining_time_in_millis(),
            "env": {k: os.environ.get(k) for k in ("AWS_LAMBDA_FUNCTION_NAME", "AWS_REGION",
                    "_HANDLER", "LAMBDA_TASK_ROOT", "GREETING", "TZ", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE")},
            "tmp": os.environ.get("TMPDIR")}

def boom(event, context):
    raise ValueError("boom")

def sleepy(event, context):
    time.sleep(30)

def crash(event, context):
    os.kill(os.getpid(), signal.SIGSEGV)

def leave(event, context):
    sys.stdout.flush()
    os._exit(3)

def big(event, context):
    return "x" * (7 * 1024 * 1024)

def flood(event, context):
    for i in range(200000):
        print("line", i)
    return "done"

def hog(event, context):
    blocks = []
    for i in range(400):
        blocks.append(bytearray(1024 * 1024))  # touched: resident, not just reserved
    return len(blocks)

def forker(event, context):
    pid = os.fork()
    if pid == 0:
        time.sleep(60)
        os._exit(0)
    with open(os.path.join(os.environ["TMPDIR"], "child"), "w") as f:
        f.write(str(pid))
    time.sleep(30)
)py";

struct Harness {
    QTemporaryDir dir;
    Workspace ws;
    QString runtimeFolder;

    FunctionSpec& add(const QString& name, const QString& handler, int timeoutSeconds = 3)
    {
        FunctionSpec f;
        f.name = name;
        f.runtime = QStringLiteral("python3.11");
        f.handler = handler;
        f.codeUri = QStringLiteral("code");
        f.timeoutSeconds = timeoutSeconds;
        f.environment.insert(QStringLiteral("GREETING"), QStringLiteral("hi"));
        ws.functions.append(f);
        return ws.functions.last();
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

} // namespace

class tst_Runner : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void coldThenWarmOnTheSameInstance();
    void passesContextAndLambdaEnvironment();
    void writesStartEndReportAroundFunctionLogs();
    void handlerExceptionKeepsInstanceWarm();
    void timeoutKillsInstanceAndNextIsCold();
    void crashIsReportedAsRuntimeExit();
    void exitMidInvocationIsReported();
    void initErrorIsReportedAndNextTriesAgain();
    void throttlesAtReservedConcurrency();
    void concurrencyLimitAndKeepAliveChangeWhileRunning();
    void refusesInvalidJsonEvent();
    void refusesUnknownFunction();
    void refusesOversizedResponse();
    void capsLogFloodAndMarksTruncation();
    void killsForkedChildrenWithInstance();
    void killsInstanceOverItsMemorySize();
    void freezesIdleInstance();
    void expiresIdleInstanceAfterKeepAlive();
    void retireMakesNextInvocationCold();
    void invocationRightAfterRetireIsColdAndSucceeds();
    void provisionedInstancesAreReadyAndWarm();

private:
    Harness* make();
    std::unique_ptr<Harness> m_h;
    RunnerOptions options() const;
};

void tst_Runner::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
}

Harness* tst_Runner::make()
{
    m_h = std::make_unique<Harness>();
    m_h->ws.folder = m_h->dir.path();
    m_h->ws.name = QStringLiteral("t");
    if (!test::writeFile(m_h->dir.path(), QStringLiteral("code/app.py"), kHandlers))
        return nullptr;
    const auto folder = RuntimeFiles::materialize(m_h->dir.filePath(QStringLiteral("runtimes")));
    if (!folder)
        return nullptr;
    m_h->runtimeFolder = *folder;
    return m_h.get();
}

RunnerOptions tst_Runner::options() const
{
    RunnerOptions o;
    o.runtimeFolder = m_h->runtimeFolder;
    o.temporaryRoot = m_h->dir.path();
    return o;
}

void tst_Runner::coldThenWarmOnTheSameInstance()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("ok"), QStringLiteral("app.ok"));
    Runner runner(h->ws, options());
    const InvocationRecord first = invokeAndWait(runner, QStringLiteral("ok"));
    QCOMPARE(outcomeName(first.outcome), QStringLiteral("success"));
    QVERIFY(first.coldStart);
    QVERIFY(first.initDurationMs > 0);
    QCOMPARE(json(first.payload).value(QStringLiteral("count")).toInt(), 1);
    const InvocationRecord second = invokeAndWait(runner, QStringLiteral("ok"));
    QVERIFY(!second.coldStart);
    QCOMPARE(second.instanceId, first.instanceId);
    QCOMPARE(json(second.payload).value(QStringLiteral("count")).toInt(), 2); // module state kept
    QCOMPARE(json(second.payload).value(QStringLiteral("pid")),
             json(first.payload).value(QStringLiteral("pid")));
    QCOMPARE(second.billedDurationMs, qint64(std::ceil(second.durationMs)));
    QVERIFY(first.billedDurationMs >= qint64(first.initDurationMs + first.durationMs));
    QVERIFY(first.maxMemoryUsedMb > 0);
}

void tst_Runner::passesContextAndLambdaEnvironment()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("ok"), QStringLiteral("app.ok")).memoryMb = 256;
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("ok"));
    const QJsonObject o = json(r.payload);
    QCOMPARE(o.value(QStringLiteral("requestId")).toString(), r.requestId);
    QCOMPARE(o.value(QStringLiteral("function")).toString(), QStringLiteral("ok"));
    // awslambdaric passes the variable's text, as Lambda's Python runtime does.
    QCOMPARE(o.value(QStringLiteral("memory")).toVariant().toString(), QStringLiteral("256"));
    const int remaining = o.value(QStringLiteral("remaining")).toInt();
    QVERIFY2(remaining > 1000 && remaining <= 3000, qPrintable(QString::number(remaining)));
    const QJsonObject env = o.value(QStringLiteral("env")).toObject();
    QCOMPARE(env.value(QStringLiteral("AWS_LAMBDA_FUNCTION_NAME")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(env.value(QStringLiteral("AWS_REGION")).toString(), QStringLiteral("us-east-1"));
    QCOMPARE(env.value(QStringLiteral("_HANDLER")).toString(), QStringLiteral("app.ok"));
    QCOMPARE(env.value(QStringLiteral("LAMBDA_TASK_ROOT")).toString(),
             h->dir.filePath(QStringLiteral("code")));
    QCOMPARE(env.value(QStringLiteral("GREETING")).toString(), QStringLiteral("hi"));
    QCOMPARE(env.value(QStringLiteral("TZ")).toString(), QStringLiteral(":UTC"));
    QCOMPARE(env.value(QStringLiteral("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")).toString(),
             QStringLiteral("256"));
    QVERIFY(o.value(QStringLiteral("tmp")).toString().startsWith(h->dir.path()));
}

void tst_Runner::writesStartEndReportAroundFunctionLogs()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("ok"), QStringLiteral("app.ok"));
    Runner runner(h->ws, options());
    for (int n = 1; n <= 2; ++n) {
        const InvocationRecord r = invokeAndWait(runner, QStringLiteral("ok"),
                                                 QStringLiteral("{\"n\": %1}").arg(n).toUtf8());
        const QStringList logs = r.logs;
        QVERIFY2(logs.size() >= 4, qPrintable(logs.join(u'\n')));
        const qsizetype start =
            logs.indexOf(QStringLiteral("START RequestId: %1 Version: $LATEST").arg(r.requestId));
        QVERIFY(start >= 0);
        QCOMPARE(logs.at(start + 1),
                 QStringLiteral("handling %1").arg(n)); // printed before the answer
        QCOMPARE(logs.at(logs.size() - 2), QStringLiteral("END RequestId: %1").arg(r.requestId));
        QVERIFY(logs.last().startsWith(
            QStringLiteral("REPORT RequestId: %1\tDuration: ").arg(r.requestId)));
        QCOMPARE(logs.last().contains(QStringLiteral("Init Duration: ")), n == 1);
        QVERIFY(logs.last().contains(QStringLiteral("\tMemory Size: 128 MB\tMax Memory Used: ")));
    }
}

void tst_Runner::handlerExceptionKeepsInstanceWarm()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("boom"), QStringLiteral("app.boom"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("boom"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("function-error"));
    QCOMPARE(r.errorType, QStringLiteral("Unhandled"));
    const QJsonObject e = json(r.payload);
    QCOMPARE(e.value(QStringLiteral("errorType")).toString(), QStringLiteral("ValueError"));
    QCOMPARE(e.value(QStringLiteral("errorMessage")).toString(), QStringLiteral("boom"));
    QVERIFY(!e.value(QStringLiteral("stackTrace")).toArray().isEmpty());
    // Lambda keeps an environment whose handler raised: the runtime reported it and lives on.
    const InvocationRecord next = invokeAndWait(runner, QStringLiteral("boom"));
    QVERIFY(!next.coldStart);
    QCOMPARE(next.instanceId, r.instanceId);
}

void tst_Runner::timeoutKillsInstanceAndNextIsCold()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("sleepy"), QStringLiteral("app.sleepy"), 1);
    h->add(QStringLiteral("ok"), QStringLiteral("app.ok"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("sleepy"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("timeout"));
    QCOMPARE(r.errorType, QStringLiteral("Sandbox.Timedout"));
    QCOMPARE(
        json(r.payload).value(QStringLiteral("errorMessage")).toString(),
        QStringLiteral("RequestId: %1 Error: Task timed out after 1.00 seconds").arg(r.requestId));
    // Never early; late only by the machine's scheduling.
    QVERIFY2(r.durationMs >= 1000 && r.durationMs < 5000,
             qPrintable(QString::number(r.durationMs)));
    QVERIFY(r.logs.join(u'\n').contains(
        QStringLiteral("%1 Task timed out after 1.00 seconds").arg(r.requestId)));
    QTRY_COMPARE(runner.instanceCount(QStringLiteral("sleepy")), 0);
    const InvocationRecord next = invokeAndWait(runner, QStringLiteral("sleepy"));
    QVERIFY(next.coldStart);
    QVERIFY(next.instanceId != r.instanceId);
}

void tst_Runner::crashIsReportedAsRuntimeExit()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("crash"), QStringLiteral("app.crash"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("crash"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("runtime-exit"));
    QCOMPARE(r.errorType, QStringLiteral("Runtime.ExitError"));
    QCOMPARE(
        json(r.payload).value(QStringLiteral("errorMessage")).toString(),
        QStringLiteral("RequestId: %1 Error: Runtime exited with error: signal: segmentation fault")
            .arg(r.requestId));
    QVERIFY(invokeAndWait(runner, QStringLiteral("crash")).coldStart);
}

void tst_Runner::exitMidInvocationIsReported()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("leave"), QStringLiteral("app.leave"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("leave"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("runtime-exit"));
    QCOMPARE(json(r.payload).value(QStringLiteral("errorMessage")).toString(),
             QStringLiteral("RequestId: %1 Error: Runtime exited with error: exit status 3")
                 .arg(r.requestId));
}

void tst_Runner::initErrorIsReportedAndNextTriesAgain()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("missing"), QStringLiteral("nosuchmodule.handler"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("missing"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("init-error"));
    QCOMPARE(r.errorType, QStringLiteral("Runtime.ImportModuleError"));
    QVERIFY(r.coldStart);
    QVERIFY2(json(r.payload)
                 .value(QStringLiteral("errorMessage"))
                 .toString()
                 .startsWith(QStringLiteral("Unable to import module 'nosuchmodule'")),
             r.payload.constData());
    QVERIFY(r.logs.join(u'\n').contains(
        QStringLiteral("Status: error\tError Type: Runtime.ImportModuleError")));
    const InvocationRecord next = invokeAndWait(runner, QStringLiteral("missing"));
    QCOMPARE(next.errorType, QStringLiteral("Runtime.ImportModuleError"));
    QVERIFY(next.coldStart);
}

void tst_Runner::concurrencyLimitAndKeepAliveChangeWhileRunning()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("sleepy"), QStringLiteral("app.sleepy"), 2);
    h->add(QStringLiteral("ok"), QStringLiteral("app.ok"));
    Runner runner(h->ws, options());
    // A first invocation creates the pool with the old limit; lowering it applies at once.
    bool firstDone = false;
    runner.invoke(QStringLiteral("sleepy"), "{}",
                  [&](const InvocationRecord&) { firstDone = true; });
    runner.setConcurrencyLimit(1);
    QCOMPARE(runner.concurrencyLimit(), 1);
    const InvocationRecord second = invokeAndWait(runner, QStringLiteral("sleepy"));
    QCOMPARE(outcomeName(second.outcome), QStringLiteral("throttled"));
    QTRY_VERIFY_WITH_TIMEOUT(firstDone, 10000);
    // A shorter keep-alive expires the idle instance of another function.
    QVERIFY(invokeAndWait(runner, QStringLiteral("ok")).coldStart);
    runner.setKeepAliveMs(100);
    QTRY_COMPARE_WITH_TIMEOUT(runner.instanceCount(QStringLiteral("ok")), 0, 5000);
    QVERIFY(invokeAndWait(runner, QStringLiteral("ok")).coldStart);
}

void tst_Runner::throttlesAtReservedConcurrency()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("sleepy"), QStringLiteral("app.sleepy"), 2).reservedConcurrency = 1;
    Runner runner(h->ws, options());
    bool firstDone = false;
    runner.invoke(QStringLiteral("sleepy"), "{}",
                  [&](const InvocationRecord&) { firstDone = true; });
    const InvocationRecord second = invokeAndWait(runner, QStringLiteral("sleepy"));
    QCOMPARE(outcomeName(second.outcome), QStringLiteral("throttled"));
    QCOMPARE(second.errorType, QStringLiteral("TooManyRequestsException"));
    QCOMPARE(json(second.payload).value(QStringLiteral("message")).toString(),
             QStringLiteral("Rate Exceeded."));
    QVERIFY(!firstDone);
    QTRY_VERIFY_WITH_TIMEOUT(firstDone, 10000);
}

void tst_Runner::refusesInvalidJsonEvent()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("ok"), QStringLiteral("app.ok"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("ok"), "{\"a\": ");
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("invalid-request"));
    QCOMPARE(r.errorType, QStringLiteral("InvalidRequestContentException"));
    QCOMPARE(runner.instanceCount(QStringLiteral("ok")), 0); // nothing started for it
    // Any JSON value is an event, a bare string too (this handler then fails on event.get).
    const InvocationRecord scalar =
        invokeAndWait(runner, QStringLiteral("ok"), "\"just a string\"");
    QCOMPARE(outcomeName(scalar.outcome), QStringLiteral("function-error"));
    QCOMPARE(json(scalar.payload).value(QStringLiteral("errorType")).toString(),
             QStringLiteral("AttributeError"));
}

void tst_Runner::refusesUnknownFunction()
{
    Harness* h = make();
    QVERIFY(h);
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("ghost"));
    QCOMPARE(r.errorType, QStringLiteral("ResourceNotFoundException"));
    QCOMPARE(
        json(r.payload).value(QStringLiteral("message")).toString(),
        QStringLiteral("Function not found: arn:aws:lambda:us-east-1:123456789012:function:ghost"));
}

void tst_Runner::refusesOversizedResponse()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("big"), QStringLiteral("app.big"));
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("big"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("response-too-large"));
    QCOMPARE(r.errorType, QStringLiteral("Function.ResponseSizeTooLarge"));
    QVERIFY(json(r.payload)
                .value(QStringLiteral("errorMessage"))
                .toString()
                .startsWith(QStringLiteral("Response payload size (")));
}

void tst_Runner::capsLogFloodAndMarksTruncation()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("flood"), QStringLiteral("app.flood"), 30);
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("flood"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("success"));
    QVERIFY(r.logsTruncated);
    QVERIFY(r.logs.contains(
        QStringLiteral("[swb] log output truncated: this invocation printed more than 256 KB")));
    QVERIFY(r.logs.last().startsWith(QStringLiteral("REPORT RequestId: ")));
    qsizetype bytes = 0;
    for (const QString& line : r.logs)
        bytes += line.size();
    QVERIFY(bytes < 300 * 1024);
}

void tst_Runner::killsForkedChildrenWithInstance()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("forker"), QStringLiteral("app.forker"), 1);
    Runner runner(h->ws, options());
    QString childFile;
    QSignalSpy events(&runner, &Runner::event);
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("forker"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("timeout"));
    // The child wrote its pid into the instance's TMPDIR, which is removed with the instance:
    // find it through /proc instead. Any process still sleeping in our process group is a leak.
    bool sawChildFile = false;
    QDirIterator it(h->dir.path(), {QStringLiteral("child")}, QDir::Files,
                    QDirIterator::Subdirectories);
    qint64 childPid = 0;
    while (it.hasNext()) {
        sawChildFile = true;
        childPid = test::readFile(it.next()).toLongLong();
    }
    if (sawChildFile && childPid > 0)
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(childPid), 0) != 0, 5000);
    QTRY_COMPARE(runner.instanceCount(QStringLiteral("forker")), 0);
    QTRY_VERIFY(
        !QDir(h->dir.path()).entryList({QStringLiteral("swb-forker-*")}, QDir::Dirs).size());
}

void tst_Runner::killsInstanceOverItsMemorySize()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("hog"), QStringLiteral("app.hog"), 30).memoryMb = 128;
    h->add(QStringLiteral("roomy"), QStringLiteral("app.hog"), 30).memoryMb = 1024;
    Runner runner(h->ws, options());
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("hog"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("out-of-memory"));
    QCOMPARE(r.errorType, QStringLiteral("Runtime.OutOfMemory"));
    QCOMPARE(json(r.payload).value(QStringLiteral("errorMessage")).toString(),
             QStringLiteral("RequestId: %1 Error: Runtime exited with error: signal: killed")
                 .arg(r.requestId));
    QCOMPARE(r.maxMemoryUsedMb, 128);
    QVERIFY(r.logs.last().contains(QStringLiteral("Max Memory Used: 128 MB")));
    QTRY_COMPARE(runner.instanceCount(QStringLiteral("hog")), 0);
    // The same code with room enough succeeds and reports what it used.
    const InvocationRecord ok = invokeAndWait(runner, QStringLiteral("roomy"));
    QCOMPARE(outcomeName(ok.outcome), QStringLiteral("success"));
    QVERIFY2(ok.maxMemoryUsedMb >= 400 && ok.maxMemoryUsedMb <= 1024,
             qPrintable(QString::number(ok.maxMemoryUsedMb)));
}

void tst_Runner::freezesIdleInstance()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("ok"), QStringLiteral("app.ok"));
    Runner runner(h->ws, options());
    QSignalSpy events(&runner, &Runner::event);
    const InvocationRecord first = invokeAndWait(runner, QStringLiteral("ok"));
    const qint64 pid = json(first.payload).value(QStringLiteral("pid")).toInteger();
    auto stateOf = [pid] {
        const QByteArray stat = test::readFile(QStringLiteral("/proc/%1/stat").arg(pid));
        return stat.mid(stat.lastIndexOf(')') + 2, 1);
    };
    QTRY_COMPARE(stateOf(), QByteArray("T")); // stopped, like a frozen Lambda environment
    const InvocationRecord second = invokeAndWait(runner, QStringLiteral("ok"));
    QCOMPARE(outcomeName(second.outcome), QStringLiteral("success"));
    QVERIFY(!second.coldStart);
    bool sawFrozen = false, sawThawed = false;
    for (const QList<QVariant>& e : events) {
        const auto ev = e.first().value<RunnerEvent>();
        sawFrozen |= ev.kind == RunnerEvent::Kind::InstanceFrozen;
        sawThawed |= ev.kind == RunnerEvent::Kind::InstanceThawed;
    }
    QVERIFY(sawFrozen && sawThawed);
}

void tst_Runner::expiresIdleInstanceAfterKeepAlive()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("ok"), QStringLiteral("app.ok"));
    RunnerOptions o = options();
    o.keepAliveMs = 200;
    Runner runner(h->ws, o);
    const InvocationRecord first = invokeAndWait(runner, QStringLiteral("ok"));
    QVERIFY(first.coldStart);
    QTRY_COMPARE(runner.instanceCount(QStringLiteral("ok")), 0);
    QVERIFY(invokeAndWait(runner, QStringLiteral("ok")).coldStart);
}

void tst_Runner::retireMakesNextInvocationCold()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("ok"), QStringLiteral("app.ok"));
    Runner runner(h->ws, options());
    QVERIFY(invokeAndWait(runner, QStringLiteral("ok")).coldStart);
    runner.retire(QStringLiteral("ok"));
    QTRY_COMPARE(runner.instanceCount(QStringLiteral("ok")), 0);
    QVERIFY(invokeAndWait(runner, QStringLiteral("ok")).coldStart);
}

// The window saves code and the user presses Run at once: the retired instance must not be
// picked as warm before its death is processed (it was, and the invocation failed).
void tst_Runner::invocationRightAfterRetireIsColdAndSucceeds()
{
    Harness* h = make();
    QVERIFY(h);
    h->add(QStringLiteral("ok"), QStringLiteral("app.ok"));
    Runner runner(h->ws, options());
    QVERIFY(invokeAndWait(runner, QStringLiteral("ok")).coldStart);
    runner.retire(QStringLiteral("ok"));
    const InvocationRecord next = invokeAndWait(runner, QStringLiteral("ok"));
    QVERIFY(next.coldStart);
    QVERIFY2(!next.failed(), qPrintable(next.errorType));
}

void tst_Runner::provisionedInstancesAreReadyAndWarm()
{
    Harness* h = make();
    QVERIFY(h);
    FunctionSpec& f = h->add(QStringLiteral("ok"), QStringLiteral("app.ok"));
    f.provisionedConcurrency = 2;
    f.reservedConcurrency = 3;
    Runner runner(h->ws, options());
    QSignalSpy events(&runner, &Runner::event);
    // Both provisioned instances start with the runner, before any invocation.
    QTRY_COMPARE(runner.instanceCount(QStringLiteral("ok")), 2);
    auto readyCount = [&events] {
        int n = 0;
        for (const QList<QVariant>& e : events)
            n += e.first().value<RunnerEvent>().kind == RunnerEvent::Kind::InstanceReady ? 1 : 0;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(readyCount(), 2, 20000);
    const InvocationRecord r = invokeAndWait(runner, QStringLiteral("ok"));
    QCOMPARE(outcomeName(r.outcome), QStringLiteral("success"));
    QVERIFY(!r.coldStart); // initialised in advance: no cold start, no Init Duration
    QVERIFY(!r.logs.last().contains(QStringLiteral("Init Duration")));
    QCOMPARE(runner.instanceCount(QStringLiteral("ok")), 2);
}

QTEST_GUILESS_MAIN(tst_Runner)
#include "tst_Runner.moc"
