// swb function: add a function from a template, rename one, or remove one (workbench.json and
// the function's files together). The window's workspace tree does the same.
#include "Commands.h"

#include "format/WorkspaceFile.h"
#include "format/WorkspaceFunctions.h"
#include "model/Runtime.h"

namespace swb::cli {

int runFunction(Console& console, const QStringList& args)
{
    const QString command = QStringLiteral("function");
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Change a workspace's functions:\n"
        "  new NAME [--runtime ID]   a function from the runtime's template: NAME/ with a "
        "handler answering GET /NAME, and a saved event\n"
        "  rename OLD NEW            renames it in workbench.json, its saved events and "
        "scenarios\n"
        "  delete NAME [--delete-files]  removes it from workbench.json (and its code folder "
        "and events with --delete-files)"));
    parser.addPositionalArgument(QStringLiteral("ACTION"), Tr::tr("new, rename or delete"));
    parser.addOption(workspaceOption());
    const QCommandLineOption runtime(QStringLiteral("runtime"),
                                     Tr::tr("For new: %1 (default python3.12).")
                                         .arg(supportedRuntimeIds().join(QStringLiteral(", "))),
                                     QStringLiteral("ID"), QStringLiteral("python3.12"));
    const QCommandLineOption deleteFiles(QStringLiteral("delete-files"),
                                         Tr::tr("For delete: also delete the code folder "
                                                "(unless another function uses it) and "
                                                "the saved events."));
    parser.addOption(runtime);
    parser.addOption(deleteFiles);
    if (const auto exit = parseCommandLine(
            parser, args, console, command,
            QStringLiteral("new NAME [--runtime ID] | rename OLD NEW | delete NAME "
                           "[--delete-files]  [--workspace DIR]")))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const qsizetype wanted = action == QLatin1String("rename") ? 3 : 2;
    if (action != QLatin1String("new") && action != QLatin1String("rename") &&
        action != QLatin1String("delete"))
        return console.usage(Tr::tr("function needs an action: new, rename or delete."), command);
    if (positional.size() != wanted)
        return console.usage(action == QLatin1String("rename")
                                 ? Tr::tr("function rename needs OLD and NEW names.")
                                 : Tr::tr("function %1 needs one function name.").arg(action),
                             command);
    auto loaded = WorkspaceFile::load(workspaceArgument(parser, false));
    if (!loaded)
        return console.failed(loaded.error());
    Workspace& ws = loaded->workspace;
    if (action == QLatin1String("new")) {
        const auto created = WorkspaceFunctions::create(ws, positional[1], parser.value(runtime));
        if (!created)
            return console.failed(created.error());
        console.out() << Tr::tr("Created \"%1\" (%2, handler %3) in %4; try: swb invoke "
                                "%1 --workspace %5 --event hello\n")
                             .arg(created->name, created->runtime, created->handler,
                                  ws.codeFolder(*created), ws.folder);
        return kSuccess;
    }
    if (action == QLatin1String("rename")) {
        const auto renamed = WorkspaceFunctions::rename(ws, positional[1], positional[2]);
        if (!renamed)
            return console.failed(renamed.error());
        console.out() << Tr::tr("Renamed \"%1\" to \"%2\".\n").arg(positional[1], positional[2]);
        return kSuccess;
    }
    const auto removed = WorkspaceFunctions::remove(ws, positional[1], parser.isSet(deleteFiles));
    if (!removed)
        return console.failed(removed.error());
    console.out() << (parser.isSet(deleteFiles)
                          ? Tr::tr("Removed \"%1\" and its files.\n").arg(positional[1])
                          : Tr::tr("Removed \"%1\" from workbench.json; its files are "
                                   "still there.\n")
                                .arg(positional[1]));
    return kSuccess;
}

} // namespace swb::cli
