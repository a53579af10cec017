// swb serve: the workspace's functions behind an HTTP gateway and the Lambda Invoke API.
#include "Commands.h"

#include "HistoryStore.h"
#include "LocalServer.h"
#include "Runner.h"
#include "RuntimeFiles.h"
#include "format/WorkspaceFile.h"
#include "local/LocalStageProvider.h"
#include "process/SignalWatcher.h"
#include "queue/QueueService.h"
#include "resources/ResourceSet.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <csignal>

namespace swb::cli {

int runServe(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Serve the workspace's functions on one port: the HTTP gateway for their "
               "http triggers (API Gateway HTTP API payload 2.0 or REST 1.0), the Lambda "
               "Invoke API (POST /2015-03-31/functions/NAME/invocations), and SQS for the queues "
               "the workspace names (queue triggers get their messages in batches; async "
               "invocations go to their destinations), so the AWS CLI and SDKs work with "
               "--endpoint-url. The first line printed is \"listening "
               "on http://HOST:PORT\". The workspace's databases (\"resources\") start first, one "
               "line each on stderr, and their connections reach the functions as NAME_URL and PG* "
               "variables. Ctrl-C stops every instance and database."));
    parser.addOption(workspaceOption());
    const QCommandLineOption host(QStringLiteral("host"),
                                  Tr::tr("Address to bind (default 127.0.0.1)."),
                                  QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  Tr::tr("Port (default 3000; 0 picks a free one)."),
                                  QStringLiteral("N"), QStringLiteral("3000"));
    const QCommandLineOption apiKey(QStringLiteral("api-key"),
                                    Tr::tr("Require this value in the x-api-key header."),
                                    QStringLiteral("KEY"));
    const QCommandLineOption noFreeze(QStringLiteral("no-freeze"),
                                      Tr::tr("Do not freeze (SIGSTOP) idle instances."));
    const QCommandLineOption keepAlive(
        QStringLiteral("keep-alive"),
        Tr::tr("Seconds an idle instance is kept (default: the workspace's "
               "runner.keepAliveSeconds, else 600)."),
        QStringLiteral("S"), QStringLiteral("600"));
    parser.addOption(host);
    parser.addOption(port);
    parser.addOption(apiKey);
    parser.addOption(noFreeze);
    parser.addOption(keepAlive);
    const QCommandLineOption stage(
        QStringLiteral("stage"),
        Tr::tr("Serve what `swb deploy --provider local --target NAME` staged (a frozen "
               "copy in .swb/stages/NAME) instead of the workspace's own code."),
        QStringLiteral("NAME"));
    parser.addOption(stage);
    const QCommandLineOption retryDelays(
        QStringLiteral("async-retry-delays"),
        Tr::tr("Milliseconds before each retry of a failed async (Event) invocation, "
               "comma-separated (default Lambda's 60000,120000; \"none\" for no retries)."),
        QStringLiteral("MS,MS"));
    parser.addOption(retryDelays);
    if (const auto exit =
            parseCommandLine(parser, args, console, QStringLiteral("serve"),
                             QStringLiteral("[--workspace DIR] [--stage NAME] [--host HOST] "
                                            "[--port N] [--api-key KEY] [--keep-alive S] "
                                            "[--async-retry-delays MS,MS]")))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return console.usage(Tr::tr("serve takes no arguments; use --workspace DIR."),
                             QStringLiteral("serve"));
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return console.usage(Tr::tr("--port needs a number from 0 to 65535."),
                             QStringLiteral("serve"));
    const double keepAliveSeconds = parser.value(keepAlive).toDouble(&ok);
    if (!ok || keepAliveSeconds < 0)
        return console.usage(Tr::tr("--keep-alive needs a number of seconds, 0 or more."),
                             QStringLiteral("serve"));
    QList<qint64> asyncRetryDelaysMs;
    if (parser.isSet(retryDelays)) {
        const QString text = parser.value(retryDelays);
        for (const QString& part :
             text == QLatin1String("none") ? QStringList() : text.split(QLatin1Char(','))) {
            bool numberOk = false;
            const qint64 ms = part.trimmed().toLongLong(&numberOk);
            if (!numberOk || ms < 0 || ms > 6LL * 3600 * 1000)
                return console.usage(Tr::tr("--async-retry-delays needs milliseconds "
                                            "such as 60000,120000 (or none)."),
                                     QStringLiteral("serve"));
            asyncRetryDelaysMs.append(ms);
        }
    }
    QHostAddress address;
    if (!address.setAddress(parser.value(host)))
        return console.usage(Tr::tr("--host needs an IP address such as 127.0.0.1."),
                             QStringLiteral("serve"));
    if (!address.isLoopback())
        console.err() << (parser.isSet(apiKey)
                              ? Tr::tr("swb: warning: serving on %1 makes your functions "
                                       "reachable from other machines.")
                              : Tr::tr("swb: warning: serving on %1 makes your functions "
                                       "reachable from other machines; consider --api-key."))
                             .arg(address.toString())
                      << '\n';

    QString folder = workspaceArgument(parser, false);
    if (parser.isSet(stage)) {
        const QString name = parser.value(stage);
        if (const QString problem = LocalStageProvider::stageNameProblem(name); !problem.isEmpty())
            return console.usage(problem, QStringLiteral("serve"));
        folder = LocalStageProvider::stageFolder(folder, name);
        if (!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("workbench.json"))))
            return console.failed(
                Error{ErrorCode::NotFound,
                      Tr::tr("Nothing is staged in \"%1\" (%2 has no workbench.json); stage a "
                             "function first: swb deploy FUNCTION --provider local --target %1.")
                          .arg(name, QDir::toNativeSeparators(folder)),
                      {},
                      {}});
    }
    const auto loaded = WorkspaceFile::load(folder);
    if (!loaded)
        return console.failed(loaded.error());
    console.printDiagnostics(loaded->warnings);
    const auto runtimeFolder = RuntimeFiles::materialize();
    if (!runtimeFolder)
        return console.failed(runtimeFolder.error());

    // The workspace's own runner settings first; the command's flags below override them.
    RunnerOptions options = RunnerOptions::fromSettings(loaded->workspace.runner, *runtimeFolder);
    if (parser.isSet(noFreeze))
        options.freezeIdleInstances = false;
    if (parser.isSet(keepAlive))
        options.keepAliveMs = qint64(keepAliveSeconds * 1000);
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
    LocalServerOptions serverOptions;
    if (parser.isSet(retryDelays))
        serverOptions.invokeApi.asyncRetryDelaysMs = asyncRetryDelaysMs;
    serverOptions.apiKey = parser.value(apiKey);
    LocalServer server(runner, serverOptions);
    if (auto listening = server.listen(address, quint16(portNumber)); !listening)
        return console.failed(listening.error());

    if (auto schedules = server.startSchedules(); !schedules)
        return console.failed(schedules.error());
    QObject::connect(
        &server, &LocalServer::scheduleFired, &server,
        [&console](const QString& function, const QString& expression, const QString& id) {
            console.err()
                << Tr::tr("schedule %1 fired %2 (RequestId: %3)\n").arg(expression, function, id);
            console.err().flush();
        });
    QObject::connect(&server, &LocalServer::authorizerProblem, &server,
                     [&console](const QString& message) {
                         console.err() << message << '\n';
                         console.err().flush();
                     });
    const QString hostText = address.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                                 : address.toString();
    console.out() << QStringLiteral("listening on http://%1:%2\n").arg(hostText).arg(server.port());
    console.out().flush();
    for (const QString& route : server.routeDescriptions())
        console.err() << "  " << route << '\n';
    for (const QString& schedule : server.scheduleDescriptions())
        console.err() << Tr::tr("  schedule %1").arg(schedule) << '\n';
    console.err() << Tr::tr("  POST / (SQS API: AWS JSON 1.0 and query protocols)") << '\n';
    for (const QString& queue : server.queueDescriptions())
        console.err() << Tr::tr("  queue %1").arg(queue) << '\n';
    const auto note = [&console](const QString& line) {
        console.err() << line << '\n';
        console.err().flush();
    };
    QObject::connect(&server, &LocalServer::queueBatchFinished, &server,
                     [note](const QueueBatchResult& r) {
                         if (r.throttled)
                             note(Tr::tr("queue %1 -> %2: batch of %3, throttled; retried later "
                                         "(RequestId: %4)")
                                      .arg(r.queue, r.function)
                                      .arg(r.messages)
                                      .arg(r.requestId));
                         else if (r.failed > 0)
                             note(Tr::tr("queue %1 -> %2: batch of %3, %4 failed; redelivered "
                                         "after the visibility timeout (RequestId: %5)")
                                      .arg(r.queue, r.function)
                                      .arg(r.messages)
                                      .arg(r.failed)
                                      .arg(r.requestId));
                         else
                             note(Tr::tr("queue %1 -> %2: batch of %3 (RequestId: %4)")
                                      .arg(r.queue, r.function)
                                      .arg(r.messages)
                                      .arg(r.requestId));
                     });
    QObject::connect(
        &server.queues(), &QueueService::movedToDeadLetterQueue, &server,
        [note](const QString& queue, const QString& id, const QString& deadLetter, int receives) {
            note(Tr::tr("queue %1: message %2 moved to dead-letter queue %3 "
                        "after %4 receives")
                     .arg(queue, id, deadLetter)
                     .arg(receives));
        });
    QObject::connect(
        &server.invokeApi(), &InvokeApi::destinationSent, &server,
        [note](const QString& function, const QString& condition, const QString& destination) {
            note(QStringLiteral("destination %1 (%2) -> %3").arg(function, condition, destination));
        });
    QObject::connect(&server.invokeApi(), &InvokeApi::destinationProblem, &server,
                     [note](const QString& message) {
                         note(Tr::tr("swb: warning: destination %1").arg(message));
                     });
    console.err()
        << Tr::tr("  POST /2015-03-31/functions/{%1}/invocations (Lambda Invoke API)\n").arg([&] {
               QStringList names;
               for (const FunctionSpec& f : loaded->workspace.functions)
                   names << f.name;
               return names.join(QLatin1Char('|'));
           }());
    console.err().flush();

    // Log lines are gathered and written every 20 ms: one write per batch instead of three
    // per request keeps the server's CPU per request down, and a person sees no delay.
    QString pendingLog;
    QTimer logFlush;
    logFlush.setSingleShot(true);
    logFlush.setInterval(20);
    QObject::connect(&logFlush, &QTimer::timeout, &logFlush, [&console, &pendingLog] {
        console.err() << pendingLog;
        console.err().flush();
        pendingLog.clear();
    });
    QObject::connect(&runner, &Runner::event, &runner,
                     [&pendingLog, &logFlush](const RunnerEvent& e) {
                         if (e.kind != RunnerEvent::Kind::LogLine)
                             return;
                         pendingLog += e.function + QLatin1Char(' ') + e.text + QLatin1Char('\n');
                         if (!logFlush.isActive())
                             logFlush.start();
                     });

    SignalWatcher watcher;
    int stopSignal = 0;
    QObject::connect(&watcher, &SignalWatcher::stopRequested, &watcher, [&stopSignal](int s) {
        stopSignal = s;
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    runner.shutdown();
    if (*resources)
        (*resources)->stopNow();
    console.err() << pendingLog; // what was gathered since the last flush
    const QString signalName =
        stopSignal == SIGTERM ? QStringLiteral("SIGTERM") : QStringLiteral("SIGINT");
    console.err() << (*resources ? Tr::tr("swb: stopped (%1); every instance and database was "
                                          "shut down.")
                                 : Tr::tr("swb: stopped (%1); every instance was shut down."))
                         .arg(signalName)
                  << '\n';
    return kSuccess;
}

} // namespace swb::cli
