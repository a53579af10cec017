#include "Commands.h"

#include <QDir>

namespace swb::cli {

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& args,
                                    Console& console, const QString& command,
                                    const QString& synopsis)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  Tr::tr("Show this help."));
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("swb ") + command} + args))
        return console.usage(parser.errorText(), command);
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // Qt prints "Usage: swb validate [options]"; ours names the arguments precisely.
        const qsizetype firstNewline = text.indexOf(QLatin1Char('\n'));
        text = Tr::tr("Usage: swb %1 %2").arg(command, synopsis) + text.mid(firstNewline);
        console.out() << text;
        console.out().flush();
        return kSuccess;
    }
    return std::nullopt;
}

QCommandLineOption workspaceOption()
{
    return QCommandLineOption(QStringLiteral("workspace"),
                              Tr::tr("The workspace folder (default: the current folder)."),
                              QStringLiteral("DIR"));
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), Tr::tr("Print machine-readable JSON."));
}

QString workspaceArgument(const QCommandLineParser& parser, bool takesPositional)
{
    if (parser.isSet(QStringLiteral("workspace")))
        return parser.value(QStringLiteral("workspace"));
    if (takesPositional && !parser.positionalArguments().isEmpty())
        return parser.positionalArguments().first();
    return QDir::currentPath();
}

} // namespace swb::cli
