// swb import: turn a SAM template.yaml or a serverless.yml into a workbench.json.
#include "Commands.h"

#include "format/WorkspaceFile.h"
#include "format/WorkspaceValidator.h"
#include "import/TemplateImport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>

namespace swb::cli {

int runImport(Console& console, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Create a workspace from an AWS SAM template.yaml or a Serverless "
               "Framework serverless.yml. What cannot be imported is listed as a "
               "warning."));
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 Tr::tr("template.yaml or serverless.yml."));
    const QCommandLineOption out(QStringLiteral("out"),
                                 Tr::tr("Folder to write workbench.json in (default: the "
                                        "file's folder)."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   Tr::tr("Replace an existing workbench.json."));
    parser.addOption(out);
    parser.addOption(force);
    parser.addOption(jsonOption());
    if (const auto exit = parseCommandLine(parser, args, console, QStringLiteral("import"),
                                           QStringLiteral("FILE [--out DIR] [--force] [--json]")))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return console.usage(Tr::tr("import needs exactly one file: a template.yaml or "
                                    "a serverless.yml."),
                             QStringLiteral("import"));

    const QString file = parser.positionalArguments().first();
    const QString folder = QDir::cleanPath(
        QFileInfo(parser.isSet(out) ? parser.value(out) : QFileInfo(file).absolutePath())
            .absoluteFilePath());
    const QString target = QDir(folder).filePath(QString::fromLatin1(Workspace::kFileName));
    if (QFileInfo::exists(target) && !parser.isSet(force))
        return console.failed(Error{ErrorCode::InvalidArgument,
                                    Tr::tr("%1 already exists; use --force to replace "
                                           "it or --out to write elsewhere.")
                                        .arg(target),
                                    {},
                                    {}});

    auto imported = importTemplate(file, folder, QProcessEnvironment::systemEnvironment());
    if (!imported)
        return console.failed(imported.error());

    // Say now what will stop the workspace from validating, before the user runs it.
    QList<Diagnostic> problems = WorkspaceValidator::validate(imported->workspace);
    for (Diagnostic& d : problems)
        d.file = target;

    if (auto saved = WorkspaceFile::save(imported->workspace); !saved)
        return console.failed(saved.error());

    const qsizetype errorCount =
        std::count_if(problems.cbegin(), problems.cend(),
                      [](const auto& d) { return d.severity == Severity::Error; });
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o;
        o.insert(QStringLiteral("written"), target);
        o.insert(QStringLiteral("functions"), int(imported->workspace.functions.size()));
        QJsonArray warnings;
        for (const Diagnostic& d : imported->warnings + problems)
            warnings.append(diagnosticToJson(d));
        o.insert(QStringLiteral("diagnostics"), warnings);
        o.insert(QStringLiteral("valid"), errorCount == 0);
        console.printJson(o);
        return errorCount == 0 ? kSuccess : kFailed;
    }
    console.printDiagnostics(imported->warnings);
    const qsizetype n = imported->workspace.functions.size();
    console.out() << Tr::tr("Wrote %1 with %n function(s)", nullptr, int(n)).arg(target);
    if (!imported->warnings.isEmpty())
        console.out() << Tr::tr("; %n thing(s) not imported (see warnings)", nullptr,
                                int(imported->warnings.size()));
    console.out() << Tr::tr(".") << '\n';
    console.out().flush();
    if (errorCount > 0) {
        console.err() << Tr::tr("swb: the new workspace does not validate yet: %n "
                                "problem(s) to fix in %1.",
                                nullptr, int(errorCount))
                             .arg(target)
                      << '\n';
        console.printDiagnostics(problems);
        return kFailed;
    }
    console.printDiagnostics(problems); // warnings only
    return kSuccess;
}

} // namespace swb::cli
