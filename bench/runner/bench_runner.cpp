// bench_runner: the local runner measured in-process, with no HTTP in front of it.
//
// A workspace with two no-op handlers (Python and Node, both returning
// {"statusCode": 200, "body": "ok"}) is written to a temporary folder; the bootstraps are
// materialised there (RuntimeFiles::materialize) and one Runner per configuration runs them.
// Measured, per runtime:
//   - the floor of a cold start on this machine, in this process's environment: the same
//     interpreter binary the runner resolved, started as a process that imports the handler
//     (`python3 -c 'import handler'`, `node -e 'require("./handler")'`; node with and without
//     NODE_EXTRA_CA_CERTS, which the runner does not pass to functions), start -> exit;
//   - cold start: retire() then invoke, N times: the record's Init Duration (spawn -> the
//     runtime's first GET /next) and end to end (invoke() called -> done callback);
//   - warm Runner::invoke latency: sequential invocations, invoke() called -> done callback,
//     with freezing (SIGSTOP/SIGCONT around each invocation, the default) and without;
//   - throughput with C invocations in flight (1, 4, 16) for a fixed time.
// Prints markdown tables and the command line that reproduces them. Not a test.
//
// Usage: bench_runner [--warm N] [--cold N] [--floor N] [--seconds S] [--runtimes py,node]
//                     [--json FILE]   (the same figures as JSON, for bench/runner/report.js)

#include "Runner.h"
#include "RuntimeFiles.h"
#include "RuntimeLaunch.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

using namespace swb;

namespace {

QTextStream out(stdout);

struct Stats {
    qsizetype n = 0;
    double p50 = 0, p95 = 0, p99 = 0, min = 0, max = 0, mean = 0;
};

// Nearest rank, as the anchors' harness and `swb invoke --repeat` compute it.
double nearestRank(const std::vector<double>& sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[size_t(std::clamp<qsizetype>(rank - 1, 0, qsizetype(sorted.size()) - 1))];
}

Stats summarize(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    s.n = qsizetype(v.size());
    s.p50 = nearestRank(v, 50);
    s.p95 = nearestRank(v, 95);
    s.p99 = nearestRank(v, 99);
    s.min = v.front();
    s.max = v.back();
    double sum = 0;
    for (double x : v)
        sum += x;
    s.mean = sum / double(v.size());
    return s;
}

QString ms(double v, int decimals = 3)
{
    return QString::number(v, 'f', decimals);
}

bool writeFile(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

// Runs the event loop until `done` is true or `timeoutMs` passes; false on timeout. Sleeps in
// the event loop between events (processEvents with a time limit would ignore
// WaitForMoreEvents and spin, stealing a core from the instances on a 2-core machine).
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    QTimer guard; // wakes the loop now and then so that the deadline is seen
    guard.start(50);
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void sleepWithEvents(int msecs)
{
    QEventLoop loop;
    QTimer::singleShot(msecs, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Call {
    InvocationRecord record;
    double elapsedMs = 0;
    bool answered = false;
};

// One invocation, timed from the invoke() call to the done callback.
Call invokeOnce(Runner& runner, const QString& function)
{
    auto call = std::make_shared<Call>();
    QElapsedTimer t;
    t.start();
    runner.invoke(function, QByteArrayLiteral("{}"), [call, t](const InvocationRecord& r) {
        call->elapsedMs = double(t.nsecsElapsed()) / 1e6;
        call->record = r;
        call->answered = true;
    });
    if (!waitFor([call] { return call->answered; }, 60000))
        call->record.errorType = QStringLiteral("bench: no answer within 60 s");
    return *call;
}

bool ok(const Call& c)
{
    return c.answered && c.record.outcome == InvocationOutcome::Success &&
           c.record.payload.contains("\"ok\"");
}

QString describeFailure(const Call& c)
{
    return QStringLiteral("%1 %2 %3")
        .arg(outcomeName(c.record.outcome), c.record.errorType,
             QString::fromUtf8(c.record.payload.left(300)));
}

struct Bench {
    QTemporaryDir dir;
    Workspace ws;
    QString runtimeFolder;
    int warmN = 5000;
    int coldN = 20;
    int floorN = 20;
    double seconds = 3;
    QStringList runtimes{QStringLiteral("py"), QStringLiteral("node")};
    QString pythonProgram, nodeProgram;
    QString jsonFile;
    int failures = 0;

    RunnerOptions options(bool freeze) const
    {
        RunnerOptions o;
        o.runtimeFolder = runtimeFolder;
        o.temporaryRoot = dir.path();
        o.freezeIdleInstances = freeze;
        o.concurrencyLimit = 16;
        return o;
    }
};

// ---- floor ---------------------------------------------------------------------------------

Stats processFloor(const QString& program, const QStringList& args, const QString& cwd,
                   const QProcessEnvironment& env, int n, int* failures)
{
    std::vector<double> v;
    for (int i = 0; i < n + 2; ++i) { // 2 warm-ups (page cache), not counted
        QProcess p;
        p.setProgram(program);
        p.setArguments(args);
        p.setWorkingDirectory(cwd);
        p.setProcessEnvironment(env);
        p.setStandardOutputFile(QProcess::nullDevice());
        p.setStandardErrorFile(QProcess::nullDevice());
        QElapsedTimer t;
        t.start();
        p.start();
        const bool finished = p.waitForFinished(30000);
        const double elapsed = double(t.nsecsElapsed()) / 1e6;
        if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            ++*failures;
            out << "floor: " << program << ' ' << args.join(' ') << " failed\n";
            out.flush();
            continue;
        }
        if (i >= 2)
            v.push_back(elapsed);
    }
    return summarize(v);
}

// ---- cold ----------------------------------------------------------------------------------

struct ColdResult {
    Stats init, endToEnd;
};

ColdResult measureCold(Bench& b, const QString& function)
{
    Runner runner(b.ws, b.options(true));
    // The first invocation of a fresh Runner also resolves the interpreter (a pyenv shim is
    // asked once for its binary): not counted.
    const Call first = invokeOnce(runner, function);
    if (!ok(first)) {
        ++b.failures;
        out << "cold " << function << ": first invocation failed: " << describeFailure(first)
            << '\n';
    }
    std::vector<double> init, e2e;
    for (int i = 0; i < b.coldN; ++i) {
        runner.retire(function);
        // let the killed instance be reaped so that it does not compete with the next start
        waitFor([&] { return runner.instanceCount(function) == 0; }, 5000);
        sleepWithEvents(50);
        const Call c = invokeOnce(runner, function);
        if (!ok(c) || !c.record.coldStart) {
            ++b.failures;
            out << "cold " << function << ": " << describeFailure(c)
                << " cold=" << c.record.coldStart << '\n';
            continue;
        }
        init.push_back(c.record.initDurationMs);
        e2e.push_back(c.elapsedMs);
    }
    runner.shutdown();
    return {summarize(init), summarize(e2e)};
}

// ---- warm, sequential ----------------------------------------------------------------------

struct WarmResult {
    Stats latency;  // invoke() -> done
    Stats duration; // the record's Duration (event handed over -> response)
    double wallSeconds = 0;
};

WarmResult measureWarm(Bench& b, const QString& function, bool freeze)
{
    Runner runner(b.ws, b.options(freeze));
    for (int i = 0; i < 200; ++i) { // cold start + warm-up, not counted
        const Call c = invokeOnce(runner, function);
        if (!ok(c)) {
            ++b.failures;
            out << "warm-up " << function << ": " << describeFailure(c) << '\n';
            return {};
        }
    }
    std::vector<double> latency, duration;
    latency.reserve(size_t(b.warmN));
    duration.reserve(size_t(b.warmN));
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < b.warmN; ++i) {
        const Call c = invokeOnce(runner, function);
        if (!ok(c) || c.record.coldStart) {
            ++b.failures;
            out << "warm " << function << ": " << describeFailure(c)
                << " cold=" << c.record.coldStart << '\n';
            continue;
        }
        latency.push_back(c.elapsedMs);
        duration.push_back(c.record.durationMs);
    }
    WarmResult r{summarize(latency), summarize(duration), double(wall.nsecsElapsed()) / 1e9};
    runner.shutdown();
    return r;
}

// ---- throughput, C in flight ---------------------------------------------------------------

struct ThroughputResult {
    int concurrency = 0;
    qint64 completed = 0;
    qint64 failed = 0;
    double perSecond = 0;
    Stats latency;
    int instances = 0;
};

ThroughputResult measureThroughput(Bench& b, const QString& function, bool freeze, int concurrency)
{
    Runner runner(b.ws, b.options(freeze));
    ThroughputResult r;
    r.concurrency = concurrency;

    bool measuring = false;
    bool stopping = false;
    int inFlight = 0;
    std::vector<double> latency;
    std::function<void()> launch = [&] {
        ++inFlight;
        QElapsedTimer t;
        t.start();
        runner.invoke(function, QByteArrayLiteral("{}"), [&, t](const InvocationRecord& rec) {
            const double elapsed = double(t.nsecsElapsed()) / 1e6;
            --inFlight;
            const bool good = rec.outcome == InvocationOutcome::Success;
            if (measuring) {
                if (good) {
                    ++r.completed;
                    latency.push_back(elapsed);
                } else {
                    ++r.failed;
                }
            }
            if (!stopping) // the next one on the next turn of the loop, not inside the callback
                QTimer::singleShot(0, &runner, [&] { launch(); });
        });
    };

    // Warm-up, not counted: C invocations at once (C cold starts; on 2 busy cores 16 of them
    // take more than a second), then 1 s of the load itself.
    int coldDone = 0;
    for (int i = 0; i < concurrency; ++i)
        runner.invoke(function, QByteArrayLiteral("{}"),
                      [&](const InvocationRecord&) { ++coldDone; });
    if (!waitFor([&] { return coldDone == concurrency; }, 60000)) {
        ++b.failures;
        out << "throughput " << function << " c" << concurrency << ": cold starts did not finish\n";
    }
    for (int i = 0; i < concurrency; ++i)
        launch();
    sleepWithEvents(1000);
    measuring = true;
    QElapsedTimer wall;
    wall.start();
    sleepWithEvents(int(b.seconds * 1000));
    measuring = false;
    const double elapsed = double(wall.nsecsElapsed()) / 1e9;
    stopping = true;
    waitFor([&] { return inFlight == 0; }, 30000);
    r.perSecond = double(r.completed) / elapsed;
    r.latency = summarize(latency);
    r.instances = runner.instanceCount(function);
    if (r.failed) {
        b.failures += int(r.failed);
        out << "throughput " << function << " c" << concurrency << ": " << r.failed << " failed\n";
    }
    runner.shutdown();
    sleepWithEvents(200);
    return r;
}

// ---- set-up --------------------------------------------------------------------------------

bool prepare(Bench& b)
{
    if (!b.dir.isValid())
        return false;
    const QString root = b.dir.path();
    if (!writeFile(root + QStringLiteral("/py/handler.py"),
                   "def handler(e, c):\n    return {\"statusCode\": 200, \"body\": \"ok\"}\n") ||
        !writeFile(root + QStringLiteral("/node/handler.js"),
                   "exports.handler = async (e, c) => ({ statusCode: 200, body: \"ok\" });\n"))
        return false;
    b.ws.folder = root;
    b.ws.name = QStringLiteral("bench");
    for (const auto& [name, runtime] :
         {std::pair{"py", "python3.11"}, std::pair{"node", "nodejs20.x"}}) {
        FunctionSpec f;
        f.name = QString::fromLatin1(name);
        f.runtime = QString::fromLatin1(runtime);
        f.handler = QStringLiteral("handler.handler");
        f.codeUri = f.name;
        f.memoryMb = 128;
        f.timeoutSeconds = 3;
        f.reservedConcurrency = 16;
        b.ws.functions.append(f);
    }
    const auto folder = RuntimeFiles::materialize(root + QStringLiteral("/runtimes"));
    if (!folder) {
        out << "RuntimeFiles::materialize failed: " << folder.error().message << '\n';
        return false;
    }
    b.runtimeFolder = *folder;
    const QString path = qEnvironmentVariable("PATH");
    b.pythonProgram = resolveInterpreter(QStringLiteral("python3"), path).value_or(QString());
    b.nodeProgram = resolveInterpreter(QStringLiteral("node"), path).value_or(QString());
    return true;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

void printRow(const QStringList& cells)
{
    out << "| " << cells.join(QStringLiteral(" | ")) << " |\n";
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Bench b;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        const QString v = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == QLatin1String("--warm")) {
            b.warmN = v.toInt();
            ++i;
        } else if (a == QLatin1String("--cold")) {
            b.coldN = v.toInt();
            ++i;
        } else if (a == QLatin1String("--floor")) {
            b.floorN = v.toInt();
            ++i;
        } else if (a == QLatin1String("--seconds")) {
            b.seconds = v.toDouble();
            ++i;
        } else if (a == QLatin1String("--runtimes")) {
            b.runtimes = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
            ++i;
        } else if (a == QLatin1String("--json")) {
            b.jsonFile = v;
            ++i;
        } else {
            std::fprintf(stderr,
                         "usage: bench_runner [--warm N] [--cold N] [--floor N] [--seconds S] "
                         "[--runtimes py,node] [--json FILE]\n");
            return 2;
        }
    }
    if (b.warmN < 1 || b.coldN < 1 || b.floorN < 1 || b.seconds <= 0) {
        std::fprintf(stderr,
                     "bench_runner: --warm, --cold, --floor and --seconds must be positive\n");
        return 2;
    }
    if (!prepare(b)) {
        std::fprintf(stderr, "bench_runner: could not prepare the workspace\n");
        return 1;
    }
    const QString command =
        QStringLiteral("%1 --warm %2 --cold %3 --floor %4 --seconds %5 --runtimes %6")
            .arg(QDir(QDir::currentPath()).relativeFilePath(app.applicationFilePath()))
            .arg(b.warmN)
            .arg(b.coldN)
            .arg(b.floorN)
            .arg(b.seconds)
            .arg(b.runtimes.join(QLatin1Char(',')));
    const QString started = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QString loadBefore = loadAverage();
    out << "# bench_runner (in-process Runner, no HTTP)\n\n"
        << "command: `" << command << "`\n"
        << "started: " << started << ", " << QThread::idealThreadCount() << " cores, load average "
        << loadBefore << ", " << QSysInfo::prettyProductName() << "\n"
        << "python: " << b.pythonProgram << "\nnode: " << b.nodeProgram << "\n\n";
    out.flush();

    QElapsedTimer total;
    total.start();

    // Floor: the same binaries the runner resolved, importing the same handler.
    struct FloorRow {
        QString what;
        Stats s;
    };
    QList<FloorRow> floors;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment noCa = env;
    noCa.remove(QStringLiteral("NODE_EXTRA_CA_CERTS"));
    const QString pyDir = b.dir.filePath(QStringLiteral("py"));
    const QString nodeDir = b.dir.filePath(QStringLiteral("node"));
    if (b.runtimes.contains(QLatin1String("py"))) {
        floors.append(
            {QStringLiteral("`%1 -c 'import handler'`").arg(b.pythonProgram),
             processFloor(b.pythonProgram, {QStringLiteral("-c"), QStringLiteral("import handler")},
                          pyDir, env, b.floorN, &b.failures)});
        floors.append(
            {QStringLiteral("`%1 -S -c 'import handler'` (the runner starts python with -S)")
                 .arg(b.pythonProgram),
             processFloor(
                 b.pythonProgram,
                 {QStringLiteral("-S"), QStringLiteral("-c"), QStringLiteral("import handler")},
                 pyDir, env, b.floorN, &b.failures)});
    }
    if (b.runtimes.contains(QLatin1String("node"))) {
        const QStringList req{QStringLiteral("-e"), QStringLiteral("require('./handler')")};
        floors.append({QStringLiteral("`%1 -e 'require(\"./handler\")'`, NODE_EXTRA_CA_CERTS %2")
                           .arg(b.nodeProgram, env.contains(QStringLiteral("NODE_EXTRA_CA_CERTS"))
                                                   ? QStringLiteral("set (as in this shell)")
                                                   : QStringLiteral("unset in this shell too")),
                       processFloor(b.nodeProgram, req, nodeDir, env, b.floorN, &b.failures)});
        floors.append({QStringLiteral("`%1 -e 'require(\"./handler\")'`, NODE_EXTRA_CA_CERTS unset "
                                      "(as the runner starts functions)")
                           .arg(b.nodeProgram),
                       processFloor(b.nodeProgram, req, nodeDir, noCa, b.floorN, &b.failures)});
    }

    double pyFloor = 0, nodeFloor = 0;
    for (const auto& f : floors) {
        if (f.what.contains(QLatin1String("import handler")) &&
            !f.what.contains(QLatin1String(" -S ")))
            pyFloor = f.s.p50;
        if (f.what.contains(QLatin1String("as the runner starts")))
            nodeFloor = f.s.p50;
    }

    struct ColdRow {
        QString fn;
        ColdResult r;
    };
    QList<ColdRow> colds;
    for (const QString& fn : std::as_const(b.runtimes))
        colds.append({fn, measureCold(b, fn)});

    struct WarmRow {
        QString fn;
        bool freeze;
        WarmResult r;
    };
    QList<WarmRow> warms;
    for (const QString& fn : std::as_const(b.runtimes))
        for (bool freeze : {true, false})
            warms.append({fn, freeze, measureWarm(b, fn, freeze)});

    struct TpRow {
        QString fn;
        bool freeze;
        ThroughputResult r;
    };
    QList<TpRow> tps;
    for (const QString& fn : std::as_const(b.runtimes))
        for (bool freeze : {true, false}) {
            if (fn != QLatin1String("py") && !freeze)
                continue; // freezing off only for Python, to keep the run short
            for (int c : {1, 4, 16})
                tps.append({fn, freeze, measureThroughput(b, fn, freeze, c)});
        }

    // ---- report ----
    out << "## Floor: interpreter start + handler import, as a process (start -> exit, " << b.floorN
        << " runs)\n\n";
    printRow({QStringLiteral("what"), QStringLiteral("p50 ms"), QStringLiteral("p95 ms"),
              QStringLiteral("min ms")});
    printRow({QStringLiteral("---"), QStringLiteral("---:"), QStringLiteral("---:"),
              QStringLiteral("---:")});
    for (const auto& f : floors)
        printRow({f.what, ms(f.s.p50, 1), ms(f.s.p95, 1), ms(f.s.min, 1)});

    out << "\n## Cold start (retire() then invoke, " << b.coldN << " times)\n\n";
    printRow({QStringLiteral("function"), QStringLiteral("Init Duration p50 ms"),
              QStringLiteral("p95"), QStringLiteral("invoke() -> done p50 ms"),
              QStringLiteral("p95"), QStringLiteral("min"), QStringLiteral("floor p50 ms"),
              QStringLiteral("end to end − floor ms")});
    printRow({QStringLiteral("---"), QStringLiteral("---:"), QStringLiteral("---:"),
              QStringLiteral("---:"), QStringLiteral("---:"), QStringLiteral("---:"),
              QStringLiteral("---:"), QStringLiteral("---:")});
    for (const auto& c : colds) {
        // the floor a user would compare with: python3 -c 'import handler' (with site), node
        // without the CA variable (as the runner starts it)
        const double floor = c.fn == QLatin1String("py") ? pyFloor : nodeFloor;
        printRow({c.fn, ms(c.r.init.p50, 1), ms(c.r.init.p95, 1), ms(c.r.endToEnd.p50, 1),
                  ms(c.r.endToEnd.p95, 1), ms(c.r.endToEnd.min, 1), ms(floor, 1),
                  QString::asprintf("%+.1f", c.r.endToEnd.p50 - floor)});
    }

    out << "\n## Warm Runner::invoke, sequential (invoke() -> done callback, " << b.warmN
        << " invocations after 200 warm-up)\n\n";
    printRow({QStringLiteral("function"), QStringLiteral("freezing"), QStringLiteral("p50 ms"),
              QStringLiteral("p95 ms"), QStringLiteral("p99 ms"), QStringLiteral("max ms"),
              QStringLiteral("runtime's Duration p50 ms"), QStringLiteral("invocations/s")});
    printRow({QStringLiteral("---"), QStringLiteral("---"), QStringLiteral("---:"),
              QStringLiteral("---:"), QStringLiteral("---:"), QStringLiteral("---:"),
              QStringLiteral("---:"), QStringLiteral("---:")});
    for (const auto& w : warms)
        printRow({w.fn, w.freeze ? QStringLiteral("on (SIGSTOP/SIGCONT)") : QStringLiteral("off"),
                  ms(w.r.latency.p50), ms(w.r.latency.p95), ms(w.r.latency.p99),
                  ms(w.r.latency.max, 2), ms(w.r.duration.p50),
                  QString::number(w.r.wallSeconds > 0 ? double(w.r.latency.n) / w.r.wallSeconds : 0,
                                  'f', 0)});

    out << "\n## Throughput, C invocations in flight for " << b.seconds
        << " s (after C simultaneous cold starts and 1 s of warm-up)\n\n";
    printRow({QStringLiteral("function"), QStringLiteral("freezing"), QStringLiteral("C"),
              QStringLiteral("invocations/s"), QStringLiteral("p50 ms"), QStringLiteral("p99 ms"),
              QStringLiteral("instances"), QStringLiteral("failed")});
    printRow({QStringLiteral("---"), QStringLiteral("---"), QStringLiteral("---:"),
              QStringLiteral("---:"), QStringLiteral("---:"), QStringLiteral("---:"),
              QStringLiteral("---:"), QStringLiteral("---:")});
    for (const auto& t : tps)
        printRow({t.fn, t.freeze ? QStringLiteral("on") : QStringLiteral("off"),
                  QString::number(t.r.concurrency), QString::number(t.r.perSecond, 'f', 0),
                  ms(t.r.latency.p50), ms(t.r.latency.p99), QString::number(t.r.instances),
                  QString::number(t.r.failed)});

    if (!b.jsonFile.isEmpty()) {
        auto stats = [](const Stats& s) {
            return QJsonObject{{QStringLiteral("n"), double(s.n)}, {QStringLiteral("p50"), s.p50},
                               {QStringLiteral("p95"), s.p95},     {QStringLiteral("p99"), s.p99},
                               {QStringLiteral("min"), s.min},     {QStringLiteral("max"), s.max}};
        };
        QJsonObject root{{QStringLiteral("command"), command},
                         {QStringLiteral("started"), started},
                         {QStringLiteral("loadBefore"), loadBefore},
                         {QStringLiteral("loadAfter"), loadAverage()},
                         {QStringLiteral("python"), b.pythonProgram},
                         {QStringLiteral("node"), b.nodeProgram},
                         {QStringLiteral("failures"), b.failures},
                         {QStringLiteral("floorPy"), pyFloor},
                         {QStringLiteral("floorNodeNoCa"), nodeFloor}};
        QJsonArray fa, ca, wa, ta;
        for (const auto& f : floors)
            fa.append(
                QJsonObject{{QStringLiteral("what"), f.what}, {QStringLiteral("ms"), stats(f.s)}});
        for (const auto& c : colds)
            ca.append(QJsonObject{{QStringLiteral("function"), c.fn},
                                  {QStringLiteral("initMs"), stats(c.r.init)},
                                  {QStringLiteral("endToEndMs"), stats(c.r.endToEnd)}});
        for (const auto& w : warms)
            wa.append(QJsonObject{{QStringLiteral("function"), w.fn},
                                  {QStringLiteral("freeze"), w.freeze},
                                  {QStringLiteral("latencyMs"), stats(w.r.latency)},
                                  {QStringLiteral("durationMs"), stats(w.r.duration)}});
        for (const auto& t : tps)
            ta.append(QJsonObject{{QStringLiteral("function"), t.fn},
                                  {QStringLiteral("freeze"), t.freeze},
                                  {QStringLiteral("concurrency"), t.r.concurrency},
                                  {QStringLiteral("perSecond"), t.r.perSecond},
                                  {QStringLiteral("latencyMs"), stats(t.r.latency)},
                                  {QStringLiteral("failed"), double(t.r.failed)}});
        root.insert(QStringLiteral("floor"), fa);
        root.insert(QStringLiteral("cold"), ca);
        root.insert(QStringLiteral("warm"), wa);
        root.insert(QStringLiteral("throughput"), ta);
        QFile f(b.jsonFile);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            f.write(QJsonDocument(root).toJson()) < 0) {
            out << "could not write " << b.jsonFile << '\n';
            ++b.failures;
        }
    }

    out << "\nfinished in " << QString::number(double(total.elapsed()) / 1000.0, 'f', 1)
        << " s; load average before " << loadBefore << ", after " << loadAverage()
        << "; failures: " << b.failures << "\n"
        << "reproduce: `" << command << "`\n";
    out.flush();
    return b.failures ? 1 : 0;
}
