// swb history and swb diff: a function's versions, from the workspace's git repository (core's
// GitRepository) and its deploy log.
#include "Commands.h"

#include "common/DeployLog.h"
#include "format/WorkspaceFile.h"
#include "model/Workspace.h"
#include "vcs/GitRepository.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace swb::cli {

namespace {

// The workspace, its repository and the function's folder relative to it.
struct Versioned {
    Workspace workspace;
    std::optional<GitRepository> repo;
    QString folder;
};

Result<Versioned> openVersioned(const QString& workspaceFolder, const QString& function)
{
    auto loaded = WorkspaceFile::load(workspaceFolder);
    if (!loaded)
        return std::unexpected(loaded.error());
    Versioned v{loaded->workspace, std::nullopt, {}};
    const FunctionSpec* f = v.workspace.function(function);
    if (!f)
        return fail(ErrorCode::NotFound,
                    Tr::tr("The workspace has no function \"%1\".").arg(function));
    auto repo = GitRepository::open(v.workspace.folder);
    if (!repo)
        return fail(ErrorCode::NotFound,
                    Tr::tr("%1 is not a git repository, so it has no history; start one "
                           "with: git init && git add -A && git commit -m 'First version'.")
                        .arg(QDir::toNativeSeparators(v.workspace.folder)));
    v.repo.emplace(std::move(*repo));
    v.folder = QDir(v.workspace.folder).relativeFilePath(v.workspace.codeFolder(*f));
    if (v.folder == QLatin1String("."))
        v.folder.clear();
    return v;
}

} // namespace

int runHistory(Console& console, const QStringList& args)
{
    const QString command = QStringLiteral("history");
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "The commits of the workspace's git repository that changed a function's folder, newest "
        "first, with the deploy tags (deploy/PROVIDER/FUNCTION/N) that point at them."));
    parser.addPositionalArgument(QStringLiteral("FUNCTION"), Tr::tr("The function."));
    parser.addOption(workspaceOption());
    parser.addOption(jsonOption());
    const QCommandLineOption limit(QStringLiteral("limit"), Tr::tr("At most N commits (50)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    parser.addOption(limit);
    if (const auto exit = parseCommandLine(parser, args, console, command,
                                           QStringLiteral("FUNCTION [--limit N] [--json] "
                                                          "[--workspace DIR]")))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return console.usage(Tr::tr("history needs one function name."), command);
    bool ok = false;
    const int max = parser.value(limit).toInt(&ok);
    if (!ok || max < 1)
        return console.usage(Tr::tr("--limit needs a number of commits, 1 or more."), command);
    auto v = openVersioned(workspaceArgument(parser, false), parser.positionalArguments().first());
    if (!v)
        return console.failed(v.error());
    auto commits = v->repo->history(v->folder, max);
    if (!commits)
        return console.failed(commits.error());
    if (parser.isSet(jsonOption())) {
        QJsonArray out;
        for (const CommitInfo& c : *commits)
            out.append(QJsonObject{
                {QStringLiteral("commit"), c.id},
                {QStringLiteral("summary"), c.summary},
                {QStringLiteral("author"), c.author},
                {QStringLiteral("time"),
                 QDateTime::fromSecsSinceEpoch(c.timeEpochSeconds, Qt::UTC).toString(Qt::ISODate)},
                {QStringLiteral("tags"), QJsonArray::fromStringList(c.tags)}});
        console.printJson(out);
        return kSuccess;
    }
    if (commits->isEmpty()) {
        console.out() << Tr::tr("No commit has changed %1 yet.")
                             .arg(v->folder.isEmpty() ? QStringLiteral(".") : v->folder)
                      << '\n';
        return kSuccess;
    }
    for (const CommitInfo& c : *commits) {
        console.out() << c.id.left(12) << "  "
                      << QDateTime::fromSecsSinceEpoch(c.timeEpochSeconds)
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                      << "  " << c.summary;
        if (!c.tags.isEmpty())
            console.out() << "  [" << c.tags.join(QStringLiteral(", ")) << ']';
        console.out() << "  (" << c.author << ")\n";
    }
    console.out().flush();
    return kSuccess;
}

int runDiff(Console& console, const QStringList& args)
{
    const QString command = QStringLiteral("diff");
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "What changed in a function's folder, as a unified diff against the working tree: since "
        "HEAD (default), since a commit (--since COMMIT), or since what was last deployed to a "
        "platform (--deployed PROVIDER, from .swb/deploys.json) — \"what is deployed\"."));
    parser.addPositionalArgument(QStringLiteral("FUNCTION"), Tr::tr("The function."));
    parser.addOption(workspaceOption());
    const QCommandLineOption since(QStringLiteral("since"), Tr::tr("A commit or tag."),
                                   QStringLiteral("COMMIT"));
    const QCommandLineOption deployed(QStringLiteral("deployed"),
                                      Tr::tr("The provider whose last deploy to compare with."),
                                      QStringLiteral("PROVIDER"));
    parser.addOption(since);
    parser.addOption(deployed);
    if (const auto exit = parseCommandLine(parser, args, console, command,
                                           QStringLiteral("FUNCTION [--since COMMIT | --deployed "
                                                          "PROVIDER] [--workspace DIR]")))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return console.usage(Tr::tr("diff needs one function name."), command);
    if (parser.isSet(since) && parser.isSet(deployed))
        return console.usage(Tr::tr("give --since or --deployed, not both."), command);
    const QString function = parser.positionalArguments().first();
    auto v = openVersioned(workspaceArgument(parser, false), function);
    if (!v)
        return console.failed(v.error());
    QString base = parser.isSet(since) ? parser.value(since) : QStringLiteral("HEAD");
    QString what = base;
    if (parser.isSet(deployed)) {
        auto last =
            DeployLog(v->workspace.folder).latestSucceeded(function, parser.value(deployed));
        if (!last)
            return console.failed(last.error());
        if (!*last)
            return console.failed(Error{ErrorCode::NotFound,
                                        Tr::tr("%1 was never deployed to %2 from this "
                                               "workspace.")
                                            .arg(function, parser.value(deployed)),
                                        {},
                                        {}});
        if ((*last)->commitId.isEmpty())
            return console.failed(Error{ErrorCode::NotFound,
                                        Tr::tr("The last deploy of %1 to %2 was made "
                                               "outside git; there is no commit to compare.")
                                            .arg(function, parser.value(deployed)),
                                        {},
                                        {}});
        base = (*last)->commitId;
        what = Tr::tr("the %1 deploy of %2 (%3%4)")
                   .arg(parser.value(deployed),
                        (*last)->finishedAt.toLocalTime().toString(Qt::ISODate), base.left(12),
                        (*last)->dirty ? Tr::tr(", with uncommitted changes") : QString());
    }
    auto diff = v->repo->diffToWorkTree(base, v->folder);
    if (!diff)
        return console.failed(diff.error());
    if (diff->isEmpty())
        console.out() << Tr::tr("No changes in %1 since %2.").arg(function, what) << '\n';
    else
        console.out() << *diff;
    console.out().flush();
    return kSuccess;
}

} // namespace swb::cli
