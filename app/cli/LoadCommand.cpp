// swb load: a bounded load test through the local runner, to see how cold starts depend on
// traffic, concurrency and keep-alive.
#include "Commands.h"
#include "InvocationPrinter.h"

#include "HistoryStore.h"
#include "InvocationStats.h"
#include "LoadPattern.h"
#include "LoadTest.h"
#include "Runner.h"
#include "RuntimeFiles.h"
#include "format/WorkspaceFile.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>

#include <map>

namespace swb::cli {

int runLoad(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Send a bounded load to a function through the local runner and report "
               "cold starts, throttles and latency per second and in total. Requests "
               "beyond the concurrency cap are throttled, as on Lambda."));
    parser.addPositionalArgument(QStringLiteral("FUNCTION"), Tr::tr("The function's name."));
    parser.addOption(workspaceOption());
    const QCommandLineOption rate(QStringLiteral("rate"), Tr::tr("Requests per second."),
                                  QStringLiteral("R"));
    const QCommandLineOption duration(QStringLiteral("duration"), Tr::tr("Seconds to send for."),
                                      QStringLiteral("S"));
    const QCommandLineOption pattern(QStringLiteral("pattern"),
                                     Tr::tr("constant (default), poisson or burst (each "
                                            "second's requests at once)."),
                                     QStringLiteral("P"), QStringLiteral("constant"));
    const QCommandLineOption event(QStringLiteral("event"),
                                   Tr::tr("The event: a JSON file (default: {})."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption keepAlive(
        QStringLiteral("keep-alive"),
        Tr::tr("Seconds an idle instance is kept (default: the workspace's "
               "runner.keepAliveSeconds, else 600)."),
        QStringLiteral("S"), QStringLiteral("600"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency-limit"),
                                         Tr::tr("Instances at most, unless the function "
                                                "reserves its own (default: the "
                                                "workspace's runner.concurrencyLimit, else 10)."),
                                         QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption seed(QStringLiteral("seed"), Tr::tr("Seed for poisson (default 1)."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    for (const auto* o : {&rate, &duration, &pattern, &event, &keepAlive, &concurrency, &seed})
        parser.addOption(*o);
    parser.addOption(jsonOption());
    if (const auto exit =
            parseCommandLine(parser, args, console, QStringLiteral("load"),
                             QStringLiteral("FUNCTION --rate R --duration S "
                                            "[--pattern constant|poisson|burst] [--json]")))
        return *exit;
    const QString usage = QStringLiteral("load");
    if (parser.positionalArguments().size() != 1)
        return console.usage(Tr::tr("load needs exactly one function name."), usage);
    bool ok = false;
    const double ratePerSecond = parser.value(rate).toDouble(&ok);
    if (!parser.isSet(rate) || !ok || ratePerSecond <= 0 || ratePerSecond > 10000)
        return console.usage(Tr::tr("--rate needs requests per second, above 0 and at most 10000."),
                             usage);
    const double seconds = parser.value(duration).toDouble(&ok);
    if (!parser.isSet(duration) || !ok || seconds <= 0 || seconds > 3600)
        return console.usage(Tr::tr("--duration needs seconds, above 0 and at most 3600."), usage);
    const auto kind = LoadPattern::kindFromName(parser.value(pattern));
    if (!kind)
        return console.usage(Tr::tr("--pattern is constant, poisson or burst."), usage);
    const double keepAliveSeconds = parser.value(keepAlive).toDouble(&ok);
    if (!ok || keepAliveSeconds < 0)
        return console.usage(Tr::tr("--keep-alive needs seconds, 0 or more."), usage);
    const int limit = parser.value(concurrency).toInt(&ok);
    if (!ok || limit < 1 || limit > 1000)
        return console.usage(Tr::tr("--concurrency-limit needs a number from 1 to 1000."), usage);

    const auto loaded = WorkspaceFile::load(workspaceArgument(parser, false));
    if (!loaded)
        return console.failed(loaded.error());
    const QString function = parser.positionalArguments().first();
    if (!loaded->workspace.function(function))
        return console.failed(Error{ErrorCode::NotFound,
                                    Tr::tr("There is no function \"%1\" in %2.")
                                        .arg(function, loaded->workspace.filePath()),
                                    {},
                                    {}});
    QByteArray payload = "{}";
    if (parser.isSet(event)) {
        QFile file(parser.value(event));
        if (!file.open(QIODevice::ReadOnly))
            return console.failed(Error{
                ErrorCode::Io,
                Tr::tr("Cannot read the event %1: %2.").arg(file.fileName(), file.errorString()),
                {},
                {}});
        payload = file.readAll();
    }
    const auto runtimeFolder = RuntimeFiles::materialize();
    if (!runtimeFolder)
        return console.failed(runtimeFolder.error());

    // The workspace's own runner settings first; the command's flags below override them.
    RunnerOptions options = RunnerOptions::fromSettings(loaded->workspace.runner, *runtimeFolder);
    if (parser.isSet(keepAlive))
        options.keepAliveMs = qint64(keepAliveSeconds * 1000);
    if (parser.isSet(concurrency))
        options.concurrencyLimit = limit;
    Runner runner(loaded->workspace, options);
    const auto history = recordHistory(console, runner);
    QObject::connect(&runner, &Runner::warning, &runner, [&console](const QString& message) {
        console.err() << Tr::tr("swb: warning: %1").arg(message) << '\n';
        console.err().flush();
    });
    const bool json = parser.isSet(QStringLiteral("json"));

    LoadTest load(runner);
    QList<InvocationRecord> records;
    std::map<int, QList<InvocationRecord>> perSecond;
    QEventLoop loop;
    QObject::connect(
        &load, &LoadTest::invocationFinished, &loop, [&](const InvocationRecord& r, int second) {
            records.append(r);
            perSecond[second].append(r);
            if (json) {
                console.out() << QJsonDocument(recordToJson(r)).toJson(QJsonDocument::Compact)
                              << '\n';
                console.out().flush();
            }
        });
    QObject::connect(&load, &LoadTest::finished, &loop, &QEventLoop::quit);
    LoadTestOptions test;
    test.function = function;
    test.payload = payload;
    test.pattern = *kind;
    test.ratePerSecond = ratePerSecond;
    test.durationSeconds = seconds;
    test.seed = parser.value(seed).toULongLong();
    if (const auto started = load.start(test); !started)
        return console.failed(started.error());
    loop.exec();
    runner.shutdown();

    const InvocationStats total = summarize(records);
    if (json) {
        QJsonObject summary = statsToJson(total);
        summary.insert(QStringLiteral("summary"), true);
        console.out() << QJsonDocument(summary).toJson(QJsonDocument::Compact) << '\n';
        return kSuccess;
    }
    console.out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                         .arg(padLeft(Tr::tr("SECOND"), 6), padLeft(Tr::tr("SENT"), 6),
                              padLeft(Tr::tr("COLD"), 5), padLeft(Tr::tr("THROTTLED"), 9),
                              padLeft(Tr::tr("FAILED"), 6), Tr::tr("p50 ms / p99 ms"));
    for (const auto& [second, list] : perSecond) {
        const InvocationStats s = summarize(list);
        console.out() << QStringLiteral("%1  %2  %3  %4  %5  %6 / %7\n")
                             .arg(QString::number(second).rightJustified(6))
                             .arg(QString::number(s.count).rightJustified(6))
                             .arg(QString::number(s.coldStarts).rightJustified(5))
                             .arg(QString::number(s.throttles).rightJustified(9))
                             .arg(QString::number(s.failures - s.throttles).rightJustified(6))
                             .arg(s.durationP50Ms, 0, 'f', 2)
                             .arg(s.durationP99Ms, 0, 'f', 2);
    }
    printInvocationSummary(console, total);
    // A load test that ran is a success even when some invocations failed: the figures say so.
    return kSuccess;
}

} // namespace swb::cli
