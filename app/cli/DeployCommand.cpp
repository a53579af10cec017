// swb deploy, swb logs, swb providers: the provider connectors from the command line. The
// deploy itself is providers/'s Deployer, as in the window's deploy panel.
#include "Commands.h"

#include "ProviderRegistry.h"
#include "common/DeployJob.h"
#include "common/Deployer.h"
#include "common/LogTail.h"
#include "format/WorkspaceFile.h"
#include "model/Workspace.h"
#include "process/SignalWatcher.h"
#include "settings/KeychainSecretStore.h"
#include "sim/SimulationBilling.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>

namespace swb::cli {

namespace {

QCommandLineOption providerOption()
{
    return {QStringLiteral("provider"),
            Tr::tr("aws, azure, gcp, openwhisk or local (default: the target's)."),
            QStringLiteral("P")};
}
QCommandLineOption targetOption()
{
    return {QStringLiteral("target"),
            Tr::tr("A deploy target of workbench.json (for local: the stage name)."),
            QStringLiteral("NAME")};
}
QCommandLineOption profileOption()
{
    return {QStringLiteral("profile"), Tr::tr("A credentials profile (AWS: ~/.aws)."),
            QStringLiteral("P")};
}
QCommandLineOption regionOption()
{
    return {QStringLiteral("region"),
            Tr::tr("The region, over the target's and the "
                   "profile's."),
            QStringLiteral("R")};
}
QCommandLineOption endpointOption()
{
    return {QStringLiteral("endpoint-url"),
            Tr::tr("Send every API call here instead (an emulator, a test server)."),
            QStringLiteral("URL")};
}

void addProviderOptions(QCommandLineParser& parser)
{
    parser.addOption(workspaceOption());
    parser.addOption(providerOption());
    parser.addOption(targetOption());
    parser.addOption(profileOption());
    parser.addOption(regionOption());
    parser.addOption(endpointOption());
}

// The deploy target the options name: --target from workbench.json (for the local stage any
// name is a stage), else the workspace's first target of --provider, else a bare one.
Result<DeployTarget> chooseTarget(const Workspace& ws, const QCommandLineParser& parser)
{
    const QString provider = parser.value(QStringLiteral("provider"));
    const QString name = parser.value(QStringLiteral("target"));
    if (!name.isEmpty()) {
        for (const DeployTarget& t : ws.deployTargets) {
            if (t.name == name) {
                if (!provider.isEmpty() && t.provider != provider)
                    return fail(ErrorCode::InvalidArgument,
                                Tr::tr("Target \"%1\" deploys to %2, not %3.")
                                    .arg(name, t.provider, provider));
                return t;
            }
        }
        if (provider == QLatin1String("local"))
            return DeployTarget{name, provider, {}, {}, {}};
        QStringList names;
        for (const DeployTarget& t : ws.deployTargets)
            names << t.name;
        return fail(ErrorCode::NotFound,
                    Tr::tr("workbench.json has no deploy target \"%1\"%2.")
                        .arg(name, names.isEmpty()
                                       ? Tr::tr(" (it has none)")
                                       : Tr::tr("; it has: ") + names.join(QStringLiteral(", "))));
    }
    if (provider.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("Say where: --provider aws|azure|gcp|openwhisk|local, or "
                           "--target NAME from workbench.json."));
    for (const DeployTarget& t : ws.deployTargets) {
        if (t.provider == provider)
            return t;
    }
    return DeployTarget{provider == QLatin1String("local") ? QStringLiteral("default") : provider,
                        provider,
                        {},
                        {},
                        {}};
}

} // namespace

// The keychain the window's credential set-up writes to, when this session has one (a D-Bus
// session bus); SWB_NO_KEYCHAIN=1 keeps swb away from it (CI, scripts). Without it, providers
// use the environment and their own files.
SecretStore* commandLineSecrets()
{
    static KeychainSecretStore* store = []() -> KeychainSecretStore* {
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (env.value(QStringLiteral("SWB_NO_KEYCHAIN")) == QLatin1String("1") ||
            env.value(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")).isEmpty())
            return nullptr;
        return new KeychainSecretStore(QCoreApplication::instance(), std::chrono::seconds(10));
    }();
    return store;
}

namespace {

ProviderContext contextFor(const Workspace& ws, const DeployTarget& target,
                           const QCommandLineParser& parser, QNetworkAccessManager* network)
{
    ProviderContext ctx;
    ctx.network = network;
    ctx.target = target;
    ctx.profile = parser.value(QStringLiteral("profile"));
    if (ctx.profile.isEmpty())
        ctx.profile = target.extensions.value(QLatin1String("profile")).toString();
    ctx.secrets = commandLineSecrets();
    ctx.region = parser.value(QStringLiteral("region"));
    ctx.endpoint = parser.value(QStringLiteral("endpoint-url"));
    ctx.workspaceFolder = ws.folder;
    return ctx;
}

QString stepTitle(const QString& step)
{
    if (step == QLatin1String(DeployJob::kPackage))
        return QStringLiteral("package");
    if (step == QLatin1String(DeployJob::kUpload))
        return QStringLiteral("upload ");
    if (step == QLatin1String(DeployJob::kUpdate))
        return QStringLiteral("update ");
    if (step == QLatin1String(DeployJob::kReady))
        return QStringLiteral("ready  ");
    return step;
}

// Runs one deploy (or, with `commit`, a rollback to it) and prints its steps and outcome.
int runDeployJob(Console& console, Provider* provider, const Workspace& ws, const QString& function,
                 const DeployTarget& target, const QString& commit, bool json)
{
    Deployer deployer(provider);
    QJsonArray steps;
    DeployJob* job = commit.isEmpty() ? deployer.deploy(ws, function, target.name)
                                      : deployer.deployAt(ws, function, target.name, commit);
    QObject::connect(job, &DeployJob::stepStarted, job,
                     [&](const QString& step, const QString& text) {
                         steps.append(QJsonObject{{QStringLiteral("step"), step},
                                                  {QStringLiteral("text"), text}});
                         if (!json)
                             console.out() << "  " << stepTitle(step) << "  " << text << Qt::endl;
                     });
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::stopRequested, job, [job, &console, json](int) {
        if (!json)
            console.out() << Tr::tr("  cancelling…") << Qt::endl;
        job->cancel();
    });
    if (!json)
        console.out() << (commit.isEmpty()
                              ? Tr::tr("Deploying %1 to %2 (target %3)\n")
                                    .arg(function, target.provider, target.name)
                              : Tr::tr("Rolling %1 on %2 (target %3) back to %4\n")
                                    .arg(function, target.provider, target.name, commit));
    QEventLoop loop;
    QObject::connect(job, &DeployJob::finished, &loop, &QEventLoop::quit);
    if (!job->isFinished())
        loop.exec();

    const Result<DeployResult>& result = *job->result();
    const DeployProvenance& from = deployer.lastProvenance();
    if (json) {
        QJsonObject o{{QStringLiteral("function"), function},
                      {QStringLiteral("provider"), target.provider},
                      {QStringLiteral("target"), target.name},
                      {QStringLiteral("outcome"), result ? QStringLiteral("succeeded")
                                                  : result.error().code == ErrorCode::Cancelled
                                                      ? QStringLiteral("cancelled")
                                                      : QStringLiteral("failed")},
                      {QStringLiteral("commit"), from.commitId},
                      {QStringLiteral("dirty"), from.dirty},
                      {QStringLiteral("steps"), steps}};
        if (result) {
            o.insert(QStringLiteral("version"), result->version);
            o.insert(QStringLiteral("arn"), result->arn);
            o.insert(QStringLiteral("url"), result->url);
            o.insert(QStringLiteral("codeUnchanged"), result->codeUnchanged);
            o.insert(QStringLiteral("codeSha256"), result->codeSha256);
        } else {
            o.insert(QStringLiteral("error"), result.error().message);
        }
        if (deployer.recordError())
            o.insert(QStringLiteral("recordError"), deployer.recordError()->message);
        if (!deployer.lastTag().isEmpty())
            o.insert(QStringLiteral("tag"), deployer.lastTag());
        console.printJson(o);
        return result ? kSuccess : kFailed;
    }
    if (deployer.recordError())
        console.err() << Tr::tr("warning: the deploy was not recorded: %1")
                             .arg(deployer.recordError()->message)
                      << Qt::endl;
    if (!result)
        return console.failed(result.error());
    console.out() << Tr::tr("Deployed %1: version %2%3\n")
                         .arg(function, result->version,
                              result->codeUnchanged ? Tr::tr(" (code unchanged, upload skipped)")
                                                    : QString());
    if (!result->arn.isEmpty())
        console.out() << Tr::tr("  id:     %1").arg(result->arn) << '\n';
    if (!result->url.isEmpty())
        console.out() << Tr::tr("  url:    %1").arg(result->url) << '\n';
    console.out() << Tr::tr("  code:   %1").arg(result->codeSha256) << '\n';
    if (!from.commitId.isEmpty())
        console.out() << Tr::tr("  commit: %1").arg(from.commitId.left(12))
                      << (from.dirty ? Tr::tr(" + uncommitted changes (%1)").arg(from.note)
                                     : QString())
                      << '\n';
    else
        console.out() << Tr::tr("  commit: none (%1)").arg(from.note) << '\n';
    if (from.dirty)
        console.err() << Tr::tr("warning: deployed with uncommitted changes; the record is marked "
                                "dirty.")
                      << Qt::endl;
    if (!deployer.lastTag().isEmpty())
        console.out() << Tr::tr("  tag:    %1").arg(deployer.lastTag()) << '\n';
    console.out().flush();
    return kSuccess;
}

// swb deploy and swb rollback after their own options: the workspace, the function, the
// target and its provider, then the deploy (a rollback when `commit` is set).
int deployFromCommandLine(Console& console, const QCommandLineParser& parser,
                          const QString& function, const QString& commit)
{
    auto loaded = WorkspaceFile::load(workspaceArgument(parser, false));
    if (!loaded)
        return console.failed(loaded.error());
    const Workspace& ws = loaded->workspace;
    if (!ws.function(function))
        return console.failed(Error{
            ErrorCode::NotFound,
            Tr::tr("The workspace has no function \"%1\"; swb functions lists them.").arg(function),
            {},
            {}});
    auto target = chooseTarget(ws, parser);
    if (!target)
        return console.failed(target.error());
    QNetworkAccessManager network;
    auto provider =
        ProviderRegistry::create(target->provider, contextFor(ws, *target, parser, &network));
    if (!provider)
        return console.failed(provider.error());
    return runDeployJob(console, provider->get(), ws, function, *target, commit,
                        parser.isSet(jsonOption()));
}

} // namespace

int runDeploy(Console& console, const QStringList& args)
{
    const QString command = QStringLiteral("deploy");
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Deploy a function: package its folder (honouring .swbignore), create or update it on "
        "the platform, wait until it is ready, and record the deploy (commit, code hash, "
        "outcome) in .swb/deploys.json. An unchanged package skips the upload. Ctrl+C cancels."));
    parser.addPositionalArgument(QStringLiteral("FUNCTION"), Tr::tr("The function."));
    addProviderOptions(parser);
    parser.addOption(jsonOption());
    if (const auto exit = parseCommandLine(
            parser, args, console, command,
            QStringLiteral("FUNCTION --provider aws|azure|gcp|openwhisk|local [--target NAME] "
                           "[--profile P] [--region R] [--endpoint-url URL] [--json] "
                           "[--workspace DIR]")))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return console.usage(Tr::tr("deploy needs one function name."), command);
    return deployFromCommandLine(console, parser, parser.positionalArguments().first(), QString());
}

int runRollback(Console& console, const QStringList& args)
{
    const QString command = QStringLiteral("rollback");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Deploy a function's folder as it was at a commit: read from git into a temporary "
               "folder (your working tree is not touched), packaged and deployed like swb deploy, "
               "recorded and tagged with that commit. The function's settings are today's."));
    parser.addPositionalArgument(QStringLiteral("FUNCTION"), Tr::tr("The function."));
    addProviderOptions(parser);
    const QCommandLineOption to(QStringLiteral("to"),
                                Tr::tr("The commit (id, abbreviation, tag such as "
                                       "deploy/aws/hello/2)."),
                                QStringLiteral("COMMIT"));
    parser.addOption(to);
    parser.addOption(jsonOption());
    if (const auto exit = parseCommandLine(
            parser, args, console, command,
            QStringLiteral("FUNCTION --to COMMIT --provider P [--target NAME] [--endpoint-url URL] "
                           "[--json] [--workspace DIR]")))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return console.usage(Tr::tr("rollback needs one function name."), command);
    if (!parser.isSet(to))
        return console.usage(Tr::tr("rollback needs --to COMMIT; swb history FUNCTION "
                                    "lists the commits."),
                             command);
    return deployFromCommandLine(console, parser, parser.positionalArguments().first(),
                                 parser.value(QStringLiteral("to")));
}

int runLogs(Console& console, const QStringList& args)
{
    const QString command = QStringLiteral("logs");
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Show a deployed function's log lines from the platform (AWS: CloudWatch Logs; the local "
        "stage: what swb serve --stage recorded). --tail keeps following (Ctrl+C stops); a line "
        "is never shown twice, also across reconnects."));
    parser.addPositionalArgument(QStringLiteral("FUNCTION"), Tr::tr("The function."));
    addProviderOptions(parser);
    const QCommandLineOption since(QStringLiteral("since"),
                                   Tr::tr("From how long ago (30s, 10m, 2h, 1d) or an "
                                          "ISO time (default 10m)."),
                                   QStringLiteral("WHEN"), QStringLiteral("10m"));
    const QCommandLineOption tail(QStringLiteral("tail"), Tr::tr("Keep following."));
    const QCommandLineOption filter(QStringLiteral("filter"), Tr::tr("Only lines containing TEXT."),
                                    QStringLiteral("TEXT"));
    parser.addOption(since);
    parser.addOption(tail);
    parser.addOption(filter);
    if (const auto exit = parseCommandLine(
            parser, args, console, command,
            QStringLiteral("FUNCTION --provider P [--target NAME] [--since 10m] [--tail] "
                           "[--filter TEXT] [--endpoint-url URL] [--workspace DIR]")))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return console.usage(Tr::tr("logs needs one function name."), command);
    QDateTime from = QDateTime::fromString(parser.value(since), Qt::ISODate);
    if (!from.isValid()) {
        const auto ms = sim::parseDurationMs(parser.value(since));
        if (!ms || *ms < 0)
            return console.usage(Tr::tr("--since takes 30s, 10m, 2h, 1d or an ISO time, "
                                        "not \"%1\".")
                                     .arg(parser.value(since)),
                                 command);
        from = QDateTime::currentDateTimeUtc().addMSecs(-qint64(*ms));
    }
    auto loaded = WorkspaceFile::load(workspaceArgument(parser, false));
    if (!loaded)
        return console.failed(loaded.error());
    const Workspace& ws = loaded->workspace;
    auto target = chooseTarget(ws, parser);
    if (!target)
        return console.failed(target.error());
    QNetworkAccessManager network;
    auto provider =
        ProviderRegistry::create(target->provider, contextFor(ws, *target, parser, &network));
    if (!provider)
        return console.failed(provider.error());

    LogQuery query;
    query.function = parser.positionalArguments().first();
    query.since = from.toUTC();
    query.filter = parser.value(filter);
    query.follow = parser.isSet(tail);
    LogTail* logs = (*provider)->tailLogs(query);
    QObject::connect(logs, &LogTail::eventsArrived, logs,
                     [&console](const QList<LogEvent>& events) {
                         for (const LogEvent& e : events)
                             console.out() << e.time.toString(Qt::ISODateWithMs) << "  " << e.stream
                                           << "  " << e.message << '\n';
                         console.out().flush();
                     });
    QObject::connect(logs, &LogTail::problem, logs, [&console](const QString& message) {
        console.err() << Tr::tr("warning: %1 (still trying)").arg(message) << Qt::endl;
    });
    QObject::connect(logs, &LogTail::recovered, logs,
                     [&console] { console.err() << Tr::tr("reconnected") << Qt::endl; });
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::stopRequested, logs, [logs](int) { logs->stop(); });
    QEventLoop loop;
    QObject::connect(logs, &LogTail::finished, &loop, &QEventLoop::quit);
    if (!logs->isFinished())
        loop.exec();
    if (logs->result() && !logs->result()->has_value())
        return console.failed(logs->result()->error());
    return kSuccess;
}

int runProviders(Console& console, const QStringList& args)
{
    const QString command = QStringLiteral("providers");
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "check: for each platform (or --provider), which credentials were found and whether the "
        "platform accepts them. Secrets are never printed."));
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("check"));
    addProviderOptions(parser);
    parser.addOption(jsonOption());
    if (const auto exit = parseCommandLine(
            parser, args, console, command,
            QStringLiteral("check [--provider P] [--target NAME] [--profile P] [--region R] "
                           "[--endpoint-url URL] [--workspace DIR] [--json]")))
        return *exit;
    if (parser.positionalArguments() != QStringList{QStringLiteral("check")})
        return console.usage(Tr::tr("providers takes one action: check."), command);
    auto loaded = WorkspaceFile::load(workspaceArgument(parser, false));
    Workspace ws;
    if (loaded)
        ws = loaded->workspace;
    else
        ws.folder = QDir(workspaceArgument(parser, false)).absolutePath(); // no workspace: fine

    const bool one =
        parser.isSet(QStringLiteral("provider")) || parser.isSet(QStringLiteral("target"));
    QList<DeployTarget> targets;
    if (one) {
        auto t = chooseTarget(ws, parser);
        if (!t)
            return console.failed(t.error());
        targets << *t;
    } else {
        for (const QString& id : ProviderRegistry::available())
            targets << DeployTarget{
                id == QLatin1String("local") ? QStringLiteral("default") : id, id, {}, {}, {}};
    }
    QNetworkAccessManager network;
    QJsonArray report;
    bool anyFailed = false;
    for (const DeployTarget& target : targets) {
        auto provider =
            ProviderRegistry::create(target.provider, contextFor(ws, target, parser, &network));
        Result<ProviderIdentity> identity = provider ? Result<ProviderIdentity>(ProviderIdentity{})
                                                     : std::unexpected(provider.error());
        if (provider) {
            QEventLoop loop;
            bool done = false;
            (*provider)->checkIdentity([&](Result<ProviderIdentity> r) {
                identity = std::move(r);
                done = true;
                loop.quit();
            });
            if (!done)
                loop.exec();
        }
        anyFailed = anyFailed || !identity;
        QJsonObject o{{QStringLiteral("provider"), target.provider},
                      {QStringLiteral("target"), target.name},
                      {QStringLiteral("ok"), bool(identity)}};
        if (identity) {
            o.insert(QStringLiteral("identity"), identity->who);
            o.insert(QStringLiteral("credentials"), identity->credentialSource);
            o.insert(QStringLiteral("endpoint"), identity->endpoint);
            o.insert(QStringLiteral("region"), identity->region);
        } else {
            o.insert(QStringLiteral("error"), identity.error().message);
        }
        report.append(o);
        if (parser.isSet(jsonOption()))
            continue;
        if (identity)
            console.out() << Tr::tr("%1: ok — %2 (credentials: %3; endpoint: %4%5)\n")
                                 .arg(target.provider, identity->who, identity->credentialSource,
                                      identity->endpoint,
                                      identity->region.isEmpty()
                                          ? QString()
                                          : Tr::tr("; region %1").arg(identity->region));
        else
            console.out()
                << Tr::tr("%1: not usable — %2\n").arg(target.provider, identity.error().message);
    }
    if (parser.isSet(jsonOption()))
        console.printJson(report);
    console.out().flush();
    return one && anyFailed ? kFailed : kSuccess;
}

} // namespace swb::cli
