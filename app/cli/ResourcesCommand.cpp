// swb resources: start, stop and look at the workspace's databases; and the start that
// swb serve and swb invoke share.
#include "Commands.h"

#include "format/WorkspaceFile.h"
#include "process/SignalWatcher.h"
#include "resources/PostgresBinaries.h"
#include "resources/PostgresServer.h"
#include "resources/ResourceSet.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>

#include <csignal>

namespace swb::cli {

namespace {

ResourceOptions resourceOptions()
{
    ResourceOptions options;
    options.secrets = commandLineSecrets();
    // Where initdb, postgres and psql are (a build of one's own, or a folder with none of
    // them to use SQLite); otherwise PATH, then /usr/lib/postgresql/*/bin.
    if (qEnvironmentVariableIsSet("SWB_POSTGRES_BIN"))
        options.postgresSearchFolders =
            qEnvironmentVariable("SWB_POSTGRES_BIN").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    return options;
}

// The value with a URL's password hidden, for printing.
QString shown(const QString& name, const QString& value)
{
    if (name == QLatin1String("PGPASSWORD"))
        return QStringLiteral("***");
    QUrl url(value);
    if (url.isValid() && !url.password().isEmpty()) {
        url.setPassword(QStringLiteral("***"));
        return url.toString();
    }
    return value;
}

// psql (or sqlite3) on one resource, with the connection in its environment — never on its
// command line, where other users' `ps` would see the password. Returns psql's exit code.
int openShell(Console& console, const Workspace& ws, const QString& name, const QStringList& extra)
{
    const QString upper = name.toUpper();
    bool declared = false;
    for (const ResourceSet::Status& s : ResourceSet::status(ws, resourceOptions()))
        declared = declared || s.name == name;
    if (!declared)
        return console.failed(Error{ErrorCode::NotFound,
                                    Tr::tr("%1 is not a resource of %2; swb resources "
                                           "status lists them.")
                                        .arg(name, ws.filePath()),
                                    {},
                                    {}});
    // Started here, or shared with the workbench that already runs it.
    auto started = startResources(console, ws);
    if (!started)
        return console.failed(started.error());
    QString url, path;
    const auto env = (*started)->environmentByFunction();
    for (auto it = env.begin(); it != env.end(); ++it) {
        url = it.value().value(upper + QStringLiteral("_URL"), url);
        path = it.value().value(upper + QStringLiteral("_PATH"), path);
    }
    QProcess shell;
    shell.setProcessChannelMode(QProcess::ForwardedChannels);
    shell.setInputChannelMode(QProcess::ForwardedInputChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!path.isEmpty()) { // SQLite
        const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (sqlite.isEmpty()) {
            console.out() << Tr::tr("%1 is an SQLite file: %2\nOpen it with sqlite3 (apt-get "
                                    "install sqlite3).")
                                 .arg(name, path)
                          << '\n';
            return kSuccess;
        }
        shell.setProgram(sqlite);
        shell.setArguments(QStringList{path} + extra);
    } else {
        const QUrl parsed(url);
        const QStringList folders = resourceOptions().postgresSearchFolders.value_or(
            PostgresBinaries::defaultSearchFolders(qEnvironmentVariable("PATH")));
        const auto binaries = PostgresBinaries::find(folders);
        if (url.isEmpty() || !parsed.isValid() || !binaries)
            return console.failed(Error{ErrorCode::NotFound,
                                        Tr::tr("No PostgreSQL connection for %1 (is "
                                               "PostgreSQL installed?).")
                                            .arg(name),
                                        {},
                                        {}});
        environment.insert(QStringLiteral("PGHOST"), parsed.host());
        environment.insert(QStringLiteral("PGPORT"), QString::number(parsed.port()));
        environment.insert(QStringLiteral("PGUSER"), parsed.userName());
        environment.insert(QStringLiteral("PGPASSWORD"), parsed.password());
        environment.insert(QStringLiteral("PGDATABASE"), parsed.path().mid(1));
        shell.setProgram(binaries->program(QStringLiteral("psql")));
        shell.setArguments(extra);
    }
    shell.setProcessEnvironment(environment);
    shell.start();
    if (!shell.waitForStarted(10000))
        return console.failed(
            Error{ErrorCode::Io,
                  Tr::tr("Could not start %1: %2").arg(shell.program(), shell.errorString()),
                  {},
                  {}});
    shell.waitForFinished(-1); // the user's session; the databases need no event loop meanwhile
    const int code = shell.exitStatus() == QProcess::NormalExit ? shell.exitCode() : kFailed;
    if (*started)
        (*started)->stopNow(); // a database shared with a running workbench stays up
    return code;
}

} // namespace

Result<std::unique_ptr<ResourceSet>> startResources(Console& console, const Workspace& workspace)
{
    auto set = std::make_unique<ResourceSet>(workspace, resourceOptions());
    if (set->isEmpty())
        return std::unique_ptr<ResourceSet>();
    QObject::connect(set.get(), &ResourceSet::warning, set.get(), [&console](const QString& m) {
        console.err() << Tr::tr("swb: warning: %1").arg(m) << '\n';
        console.err().flush();
    });
    QEventLoop loop;
    std::optional<Result<void>> result;
    int stopSignal = 0;
    {
        // Ctrl-C while a server starts: stop what started rather than leave it behind.
        SignalWatcher watcher;
        QObject::connect(&watcher, &SignalWatcher::stopRequested, &loop, [&](int s) {
            stopSignal = s;
            loop.quit();
        });
        set->start([&](Result<void> r) {
            result = std::move(r);
            loop.quit();
        });
        loop.exec();
    }
    if (stopSignal != 0) {
        set->stopNow();
        return fail(
            ErrorCode::Cancelled,
            Tr::tr("Stopped (%1) while the databases were starting.")
                .arg(stopSignal == SIGTERM ? QStringLiteral("SIGTERM") : QStringLiteral("SIGINT")));
    }
    if (!*result)
        return std::unexpected(result->error());
    for (const QString& line : set->descriptions())
        console.err() << line << '\n';
    console.err().flush();
    return set;
}

int runResources(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "The workspace's databases (\"resources\" in workbench.json). start: start them and "
        "keep them running until Ctrl-C, printing the variables functions get (passwords "
        "hidden). stop: stop servers a crashed or other workbench left running. status: each "
        "one's type and state (running, orphaned, stopped, or file for SQLite). psql NAME "
        "[-- PSQL-ARGS]: psql connected to NAME (sqlite3 for an SQLite one), started if need "
        "be or shared with the workbench running it; the password stays out of the command "
        "line. swb serve and swb invoke start them by themselves."));
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 Tr::tr("start, stop, status or psql NAME."));
    parser.addOption(workspaceOption());
    parser.addOption(jsonOption());
    if (const auto exit = parseCommandLine(parser, args, console, QStringLiteral("resources"),
                                           QStringLiteral("start|stop|status [--workspace DIR] "
                                                          "[--json] | psql NAME [-- ARGS]")))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action == QLatin1String("psql")) {
        if (positional.size() < 2)
            return console.usage(Tr::tr("resources psql needs the resource's name."),
                                 QStringLiteral("resources"));
        const auto loaded = WorkspaceFile::load(workspaceArgument(parser, false));
        if (!loaded)
            return console.failed(loaded.error());
        return openShell(console, loaded->workspace, positional.at(1), positional.mid(2));
    }
    if (positional.size() != 1 ||
        !QStringList{QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("status")}
             .contains(action))
        return console.usage(Tr::tr("resources needs one action: start, stop or status."),
                             QStringLiteral("resources"));
    const auto loaded = WorkspaceFile::load(workspaceArgument(parser, false));
    if (!loaded)
        return console.failed(loaded.error());
    console.printDiagnostics(loaded->warnings);
    const Workspace& ws = loaded->workspace;
    const bool json = parser.isSet(QStringLiteral("json"));

    if (action == QLatin1String("status")) {
        const auto statuses = ResourceSet::status(ws, resourceOptions());
        QJsonArray rows;
        for (const ResourceSet::Status& s : statuses) {
            if (json) {
                rows.append(QJsonObject{{QStringLiteral("name"), s.name},
                                        {QStringLiteral("type"), s.type},
                                        {QStringLiteral("state"), ResourceSet::stateName(s.state)},
                                        {QStringLiteral("pid"), s.pid},
                                        {QStringLiteral("port"), s.port},
                                        {QStringLiteral("ownerPid"), s.ownerPid},
                                        {QStringLiteral("where"), s.where}});
                continue;
            }
            QString line =
                QStringLiteral("%1  %2  %3").arg(s.name, s.type, ResourceSet::stateName(s.state));
            if (s.pid != 0)
                line += QStringLiteral("  127.0.0.1:%1  pid %2").arg(s.port).arg(s.pid);
            if (s.state == ResourceSet::Status::State::Running && s.ownerPid != 0)
                line += Tr::tr(" (started by process %1)").arg(s.ownerPid);
            console.out() << line << "  " << s.where << '\n';
        }
        if (json)
            console.printJson(rows);
        else if (statuses.isEmpty())
            console.out() << Tr::tr("No resources in %1.").arg(ws.filePath()) << '\n';
        return kSuccess;
    }

    if (action == QLatin1String("stop")) {
        int failures = 0;
        for (const ResourceSet::Status& s : ResourceSet::status(ws, resourceOptions())) {
            if (s.state != ResourceSet::Status::State::Running &&
                s.state != ResourceSet::Status::State::Orphaned)
                continue;
            QEventLoop loop;
            Result<void> stopped;
            PostgresServer::stopRunning(ResourceSet::resourceFolder(ws.folder, s.name), &loop,
                                        [&](Result<void> r) {
                                            stopped = std::move(r);
                                            loop.quit();
                                        });
            loop.exec();
            if (!stopped) {
                ++failures;
                console.failed(stopped.error());
                continue;
            }
            console.out() << Tr::tr("%1: stopped PostgreSQL (pid %2)\n").arg(s.name).arg(s.pid);
        }
        return failures == 0 ? kSuccess : kFailed;
    }

    auto started = startResources(console, ws);
    if (!started)
        return console.failed(started.error());
    if (!*started) {
        console.out() << Tr::tr("No resources in %1.").arg(ws.filePath()) << '\n';
        return kSuccess;
    }
    const auto env = (*started)->environmentByFunction();
    QMap<QString, QString> all; // what any function gets
    for (auto it = env.begin(); it != env.end(); ++it)
        all.insert(it.value());
    for (auto it = all.begin(); it != all.end(); ++it)
        console.out() << it.key() << '=' << shown(it.key(), it.value()) << '\n';
    console.out() << Tr::tr("Running; Ctrl-C stops them.") << '\n';
    console.out().flush();
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::stopRequested, &watcher,
                     [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
    (*started)->stopNow();
    console.err() << Tr::tr("swb: the databases were stopped.") << '\n';
    return kSuccess;
}

} // namespace swb::cli
