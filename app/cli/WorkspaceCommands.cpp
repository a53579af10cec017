// swb validate, swb functions: read a workspace and report on it.
#include "Commands.h"

#include "format/WorkspaceFile.h"

#include <QJsonArray>
#include <QJsonObject>

namespace swb::cli {

namespace {

QJsonArray diagnosticsToJson(const QList<Diagnostic>& diagnostics)
{
    QJsonArray a;
    for (const Diagnostic& d : diagnostics)
        a.append(diagnosticToJson(d));
    return a;
}

QString triggersSummary(const FunctionSpec& f)
{
    QStringList parts;
    for (const TriggerSpec& t : f.triggers)
        parts << t.summary();
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}

} // namespace

int runValidate(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Check a workspace's workbench.json and the code it points at."));
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 Tr::tr("The workspace folder (default: the current "
                                        "folder)."));
    parser.addOption(workspaceOption());
    parser.addOption(jsonOption());
    if (const auto exit = parseCommandLine(parser, args, console, QStringLiteral("validate"),
                                           QStringLiteral("[DIR] [--json]")))
        return *exit;
    if (parser.positionalArguments().size() > 1)
        return console.usage(Tr::tr("validate takes one workspace folder."),
                             QStringLiteral("validate"));

    const QString path = workspaceArgument(parser, true);
    const auto loaded = WorkspaceFile::load(path);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o;
        o.insert(QStringLiteral("valid"), loaded.has_value());
        o.insert(QStringLiteral("workspace"), path);
        if (loaded) {
            o.insert(QStringLiteral("functions"), int(loaded->workspace.functions.size()));
            o.insert(QStringLiteral("errors"), QJsonArray());
            o.insert(QStringLiteral("warnings"), diagnosticsToJson(loaded->warnings));
        } else {
            QList<Diagnostic> errors, warnings;
            for (const Diagnostic& d : loaded.error().diagnostics)
                (d.severity == Severity::Error ? errors : warnings).append(d);
            o.insert(QStringLiteral("message"), loaded.error().message);
            o.insert(QStringLiteral("code"), errorCodeName(loaded.error().code));
            o.insert(QStringLiteral("errors"), diagnosticsToJson(errors));
            o.insert(QStringLiteral("warnings"), diagnosticsToJson(warnings));
        }
        console.printJson(o);
        return loaded ? kSuccess : kFailed;
    }
    if (!loaded)
        return console.failed(loaded.error());
    console.printDiagnostics(loaded->warnings);
    const Workspace& ws = loaded->workspace;
    const qsizetype n = ws.functions.size();
    console.out() << Tr::tr("%1 is a valid workspace: \"%2\" with %n function(s)", nullptr, int(n))
                         .arg(ws.filePath(), ws.name);
    if (!loaded->warnings.isEmpty())
        console.out() << Tr::tr(" (%n warning(s))", nullptr, int(loaded->warnings.size()));
    console.out() << Tr::tr(".") << '\n';
    return kSuccess;
}

int runFunctions(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("List the functions of a workspace."));
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 Tr::tr("The workspace folder (default: the current "
                                        "folder)."));
    parser.addOption(workspaceOption());
    parser.addOption(jsonOption());
    if (const auto exit = parseCommandLine(parser, args, console, QStringLiteral("functions"),
                                           QStringLiteral("[DIR] [--json]")))
        return *exit;
    if (parser.positionalArguments().size() > 1)
        return console.usage(Tr::tr("functions takes one workspace folder."),
                             QStringLiteral("functions"));
    const auto loaded = WorkspaceFile::load(workspaceArgument(parser, true));
    if (!loaded)
        return console.failed(loaded.error());
    const Workspace& ws = loaded->workspace;

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const FunctionSpec& f : ws.functions) {
            QJsonObject o;
            o.insert(QStringLiteral("name"), f.name);
            o.insert(QStringLiteral("runtime"), f.runtime);
            o.insert(QStringLiteral("handler"), f.handler);
            o.insert(QStringLiteral("codeUri"), f.codeUri);
            o.insert(QStringLiteral("memoryMb"), f.memoryMb);
            o.insert(QStringLiteral("timeoutSeconds"), f.timeoutSeconds);
            o.insert(QStringLiteral("architecture"), f.architecture);
            QJsonArray triggers;
            for (const TriggerSpec& t : f.triggers) {
                QJsonObject to;
                to.insert(QStringLiteral("type"), triggerTypeName(t.type));
                to.insert(QStringLiteral("summary"), t.summary());
                triggers.append(to);
            }
            o.insert(QStringLiteral("triggers"), triggers);
            list.append(o);
        }
        console.printJson(list);
        return kSuccess;
    }

    const QStringList headers = {Tr::tr("NAME"),   Tr::tr("RUNTIME"), Tr::tr("HANDLER"),
                                 Tr::tr("MEMORY"), Tr::tr("TIMEOUT"), Tr::tr("TRIGGERS")};
    QList<QStringList> rows;
    for (const FunctionSpec& f : ws.functions)
        rows.append({f.name, f.runtime, f.handler, QStringLiteral("%1 MB").arg(f.memoryMb),
                     QStringLiteral("%1 s").arg(f.timeoutSeconds), triggersSummary(f)});
    QList<qsizetype> widths;
    for (qsizetype c = 0; c < headers.size(); ++c) {
        qsizetype w = displayWidth(headers.at(c));
        for (const QStringList& r : rows)
            w = std::max(w, displayWidth(r.at(c)));
        widths.append(w);
    }
    auto printRow = [&](const QStringList& cells) {
        QString line;
        for (qsizetype c = 0; c < cells.size(); ++c)
            line += c + 1 < cells.size() ? padRight(cells.at(c), widths.at(c) + 2) : cells.at(c);
        console.out() << line << '\n';
    };
    printRow(headers);
    for (const QStringList& r : rows)
        printRow(r);
    if (rows.isEmpty())
        console.out() << Tr::tr("(no functions)") << '\n';
    return kSuccess;
}

} // namespace swb::cli
