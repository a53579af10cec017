// swb stats: what the history store knows about a workspace's invocations; and the helper that
// records every invocation of a command into that store.
#include "Commands.h"

#include "HistoryStore.h"
#include "Runner.h"
#include "format/WorkspaceFile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace swb::cli {

std::unique_ptr<HistoryStore> recordHistory(Console& console, Runner& runner)
{
    auto store = HistoryStore::open(HistoryStore::defaultPath(runner.workspace().folder));
    if (!store) {
        // The command still runs; the user learns why nothing is remembered.
        console.err()
            << Tr::tr("swb: warning: %1 Invocations are not recorded.").arg(store.error().message)
            << '\n';
        return nullptr;
    }
    for (const Diagnostic& w : (*store)->warnings())
        console.err() << Tr::tr("swb: warning: %1").arg(w.toString()) << '\n';
    HistoryStore* raw = store->get();
    QObject::connect(&runner, &Runner::invocationFinished, &runner,
                     [raw](const InvocationRecord& r) { raw->record(r); });
    return std::move(*store);
}

int runStats(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Show what the workspace's history (.swb/history.sqlite) says about its "
               "invocations: counts, cold-start share, errors, duration and init "
               "percentiles. swb invoke, serve and load record every invocation."));
    parser.addPositionalArgument(QStringLiteral("FUNCTION"),
                                 Tr::tr("One function (default: each function)."));
    parser.addOption(workspaceOption());
    const QCommandLineOption since(QStringLiteral("since"),
                                   Tr::tr("Only invocations of the last N minutes."),
                                   QStringLiteral("N"));
    parser.addOption(since);
    parser.addOption(jsonOption());
    if (const auto exit =
            parseCommandLine(parser, args, console, QStringLiteral("stats"),
                             QStringLiteral("[FUNCTION] [--workspace DIR] [--since N] [--json]")))
        return *exit;
    std::optional<qint64> sinceEpochMs;
    if (parser.isSet(since)) {
        bool ok = false;
        const double minutes = parser.value(since).toDouble(&ok);
        if (!ok || minutes <= 0)
            return console.usage(Tr::tr("--since needs a number of minutes above 0."),
                                 QStringLiteral("stats"));
        sinceEpochMs = QDateTime::currentMSecsSinceEpoch() - qint64(minutes * 60000);
    }
    const auto loaded = WorkspaceFile::load(workspaceArgument(parser, false));
    if (!loaded)
        return console.failed(loaded.error());
    auto store = HistoryStore::open(HistoryStore::defaultPath(loaded->workspace.folder));
    if (!store)
        return console.failed(store.error());
    QStringList functions = parser.positionalArguments();
    if (functions.isEmpty()) {
        const auto known = (*store)->functions();
        if (!known)
            return console.failed(known.error());
        functions = *known;
    }
    QJsonArray json;
    if (!parser.isSet(QStringLiteral("json")))
        console.out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
                             .arg(padRight(Tr::tr("FUNCTION"), 16), padLeft(Tr::tr("CALLS"), 7),
                                  padLeft(Tr::tr("COLD %"), 7), padLeft(Tr::tr("ERRORS"), 6),
                                  QStringLiteral("p50 ms").rightJustified(8),
                                  QStringLiteral("p99 ms").rightJustified(8),
                                  padLeft(Tr::tr("INIT p50"), 8), Tr::tr("BILLED ms"));
    for (const QString& f : functions) {
        const auto s = (*store)->stats(f, sinceEpochMs);
        if (!s)
            return console.failed(s.error());
        if (parser.isSet(QStringLiteral("json"))) {
            json.append(QJsonObject{{QStringLiteral("function"), f},
                                    {QStringLiteral("invocations"), s->count},
                                    {QStringLiteral("ran"), s->ranCount},
                                    {QStringLiteral("coldStarts"), s->coldCount},
                                    {QStringLiteral("coldShare"), s->coldShare},
                                    {QStringLiteral("errors"), s->errorCount},
                                    {QStringLiteral("throttles"), s->throttledCount},
                                    {QStringLiteral("durationP50Ms"), s->durationP50Ms},
                                    {QStringLiteral("durationP90Ms"), s->durationP90Ms},
                                    {QStringLiteral("durationP95Ms"), s->durationP95Ms},
                                    {QStringLiteral("durationP99Ms"), s->durationP99Ms},
                                    {QStringLiteral("initP50Ms"), s->initP50Ms},
                                    {QStringLiteral("initP95Ms"), s->initP95Ms},
                                    {QStringLiteral("billedMsTotal"), s->billedMsTotal},
                                    {QStringLiteral("maxMemoryUsedMb"), s->maxMemoryUsedMb}});
            continue;
        }
        console.out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
                             .arg(f.leftJustified(16), QString::number(s->count).rightJustified(7),
                                  QString::number(s->coldShare * 100, 'f', 1).rightJustified(7),
                                  QString::number(s->errorCount).rightJustified(6),
                                  QString::number(s->durationP50Ms, 'f', 2).rightJustified(8),
                                  QString::number(s->durationP99Ms, 'f', 2).rightJustified(8),
                                  QString::number(s->initP50Ms, 'f', 2).rightJustified(8),
                                  QString::number(s->billedMsTotal));
    }
    if (parser.isSet(QStringLiteral("json")))
        console.printJson(json);
    else if (functions.isEmpty())
        console.out() << Tr::tr("(no invocations recorded yet)") << '\n';
    return kSuccess;
}

} // namespace swb::cli
