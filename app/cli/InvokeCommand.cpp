// swb invoke: run a function on the local runner, once or many times, and report like Lambda.
#include "Commands.h"
#include "InvocationPrinter.h"

#include "HistoryStore.h"
#include "InvocationStats.h"
#include "Runner.h"
#include "RuntimeFiles.h"
#include "format/JsonWriter.h"
#include "format/WorkspaceFile.h"
#include "process/SignalWatcher.h"
#include "resources/ResourceSet.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace swb::cli {

namespace {

Result<QByteArray> readEvent(const QString& value, const Workspace& ws, const QString& function)
{
    if (value.isEmpty())
        return QByteArray("{}");
    if (value == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return fail(ErrorCode::Io, Tr::tr("Cannot read the event from standard input."));
        return in.readAll();
    }
    QString path = value;
    if (!QFileInfo::exists(path)) {
        // A saved event of the function, by name: events/<function>/<name>.json.
        const QString saved =
            QDir(ws.eventsFolder(function)).filePath(value + QStringLiteral(".json"));
        if (!QFileInfo::exists(saved))
            return fail(ErrorCode::NotFound,
                        Tr::tr("The event %1 is neither a file nor a saved event of "
                               "\"%2\"; saved events: %3.")
                            .arg(value, function,
                                 ws.savedEvents(function).isEmpty()
                                     ? Tr::tr("none")
                                     : ws.savedEvents(function).join(QStringLiteral(", "))));
        path = saved;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
                    Tr::tr("Cannot read the event %1: %2.").arg(path, file.errorString()));
    return file.readAll();
}

} // namespace

int runInvoke(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Invoke a function on the local runner (real processes, the Lambda "
               "Runtime API, cold and warm starts). Logs with Lambda's START/END/REPORT "
               "lines go to stderr; the response, or a table with --repeat, to stdout. "
               "The workspace's databases (\"resources\") start first and stop at the "
               "end (one line each on stderr)."));
    parser.addPositionalArgument(QStringLiteral("FUNCTION"), Tr::tr("The function's name."));
    parser.addOption(workspaceOption());
    const QCommandLineOption event(QStringLiteral("event"),
                                   Tr::tr("The event: a JSON file, - for standard input, or "
                                          "the name of a saved event (default: {})."),
                                   QStringLiteral("FILE|-|NAME"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), Tr::tr("Invoke N times (default 1)."),
                                    QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
                                         Tr::tr("At most C invocations at once (default 1)."),
                                         QStringLiteral("C"), QStringLiteral("1"));
    const QCommandLineOption noFreeze(QStringLiteral("no-freeze"),
                                      Tr::tr("Do not freeze (SIGSTOP) idle instances."));
    parser.addOption(event);
    parser.addOption(repeat);
    parser.addOption(concurrency);
    parser.addOption(noFreeze);
    parser.addOption(jsonOption());
    if (const auto exit =
            parseCommandLine(parser, args, console, QStringLiteral("invoke"),
                             QStringLiteral("FUNCTION [--workspace DIR] [--event FILE|-|NAME] "
                                            "[--repeat N] [--concurrency C] [--json]")))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return console.usage(Tr::tr("invoke needs exactly one function name."),
                             QStringLiteral("invoke"));
    bool ok = false;
    const int count = parser.value(repeat).toInt(&ok);
    if (!ok || count < 1 || count > 1000000)
        return console.usage(Tr::tr("--repeat needs a whole number from 1 to 1000000."),
                             QStringLiteral("invoke"));
    const int parallel = parser.value(concurrency).toInt(&ok);
    if (!ok || parallel < 1 || parallel > 1000)
        return console.usage(Tr::tr("--concurrency needs a whole number from 1 to 1000."),
                             QStringLiteral("invoke"));

    const auto loaded = WorkspaceFile::load(workspaceArgument(parser, false));
    if (!loaded)
        return console.failed(loaded.error());
    console.printDiagnostics(loaded->warnings);
    const QString function = parser.positionalArguments().first();
    if (!loaded->workspace.function(function)) {
        QStringList names;
        for (const FunctionSpec& f : loaded->workspace.functions)
            names << f.name;
        return console.failed(
            Error{ErrorCode::NotFound,
                  Tr::tr("There is no function \"%1\" in %2; functions: %3.")
                      .arg(function, loaded->workspace.filePath(),
                           names.isEmpty() ? Tr::tr("none") : names.join(QStringLiteral(", "))),
                  {},
                  {}});
    }
    const auto payload = readEvent(parser.value(event), loaded->workspace, function);
    if (!payload)
        return console.failed(payload.error());
    const auto runtimeFolder = RuntimeFiles::materialize();
    if (!runtimeFolder)
        return console.failed(runtimeFolder.error());

    // The workspace's own runner settings first; the command's flags below override them.
    RunnerOptions options = RunnerOptions::fromSettings(loaded->workspace.runner, *runtimeFolder);
    if (parser.isSet(noFreeze))
        options.freezeIdleInstances = false;
    options.concurrencyLimit = std::max(options.concurrencyLimit, parallel);
    auto resources = startResources(console, loaded->workspace);
    if (!resources)
        return console.failed(resources.error());
    if (*resources)
        options.extraEnvironment = (*resources)->environmentByFunction();
    Runner runner(loaded->workspace, options);
    const auto history = recordHistory(console, runner);
    QObject::connect(&runner, &Runner::warning, &runner, [&console](const QString& message) {
        console.err() << Tr::tr("swb: warning: %1").arg(message) << '\n';
        console.err().flush();
    });
    const bool json = parser.isSet(QStringLiteral("json"));

    QList<InvocationRecord> records;
    QEventLoop loop;
    int started = 0;
    int inFlight = 0;
    std::function<void()> launch;
    launch = [&] {
        while (inFlight < parallel && started < count) {
            ++started;
            ++inFlight;
            runner.invoke(function, *payload, [&](const InvocationRecord& r) {
                --inFlight;
                records.append(r);
                if (json) {
                    console.out() << QJsonDocument(recordToJson(r)).toJson(QJsonDocument::Compact)
                                  << '\n';
                    console.out().flush();
                } else {
                    for (const QString& line : r.logs)
                        console.err() << line << '\n';
                    console.err().flush();
                }
                if (started < count)
                    launch();
                else if (inFlight == 0)
                    loop.quit();
            });
        }
    };
    // Ctrl-C: the instances and databases stop in order instead of being left behind.
    SignalWatcher watcher;
    bool interrupted = false;
    QObject::connect(&watcher, &SignalWatcher::stopRequested, &loop, [&] {
        interrupted = true;
        started = count; // nothing new starts while the runner shuts down
        loop.quit();
    });
    launch();
    if (!records.isEmpty() || inFlight > 0)
        loop.exec();
    runner.shutdown();
    if (*resources)
        (*resources)->stopNow();
    if (interrupted) {
        console.err() << Tr::tr("swb: interrupted; every instance was shut down.") << '\n';
        return kFailed;
    }

    const bool anyFailed = std::any_of(records.cbegin(), records.cend(),
                                       [](const InvocationRecord& r) { return r.failed(); });
    if (json)
        return anyFailed ? kFailed : kSuccess;

    if (count == 1) {
        const InvocationRecord& r = records.first();
        console.out() << QString::fromUtf8(r.payload) << '\n';
        if (r.failed())
            console.err() << Tr::tr("swb: %1 failed: %2 (%3).")
                                 .arg(function, outcomeName(r.outcome), r.errorType)
                          << '\n';
        return r.failed() ? kFailed : kSuccess;
    }

    printInvocationTable(console, records);
    printInvocationSummary(console, summarize(records));
    return anyFailed ? kFailed : kSuccess;
}

} // namespace swb::cli
