// swb: every feature of Serverless Workbench from the command line.
#include "Commands.h"
#include "Console.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <functional>

namespace {

struct Command {
    const char* name;
    const char* summary;
    std::function<int(swb::cli::Console&, const QStringList&)> run;
};

const QList<Command>& commands()
{
    using namespace swb::cli;
    static const QList<Command> list = {
        {"validate",
         QT_TRANSLATE_NOOP("swb", "Check a workspace's workbench.json and the code it points at."),
         runValidate},
        {"functions",
         QT_TRANSLATE_NOOP("swb",
                           "List a workspace's functions: runtime, handler, memory, triggers."),
         runFunctions},
        {"function",
         QT_TRANSLATE_NOOP("swb", "Add a function from a template, rename or delete one."),
         runFunction},
        {"import",
         QT_TRANSLATE_NOOP("swb",
                           "Create a workspace from a SAM template.yaml or a serverless.yml."),
         runImport},
        {"event",
         QT_TRANSLATE_NOOP(
             "swb", "List event templates or generate an event (API Gateway, S3, SQS, ...)."),
         runEvent},
        {"invoke",
         QT_TRANSLATE_NOOP(
             "swb", "Run a function on the local runner; --repeat shows cold and warm starts."),
         runInvoke},
        {"serve",
         QT_TRANSLATE_NOOP(
             "swb", "Serve the functions: HTTP gateway, Lambda Invoke API and SQS on one port."),
         runServe},
        {"queue",
         QT_TRANSLATE_NOOP("swb",
                           "Send to, list or read the local SQS queues of a running swb serve."),
         runQueue},
        {"token",
         QT_TRANSLATE_NOOP("swb", "Issue and verify the workspace's signed JWTs; print its JWKS."),
         runToken},
        {"resources",
         QT_TRANSLATE_NOOP("swb",
                           "Start, stop or show the workspace's databases (PostgreSQL, SQLite)."),
         runResources},
        {"load",
         QT_TRANSLATE_NOOP("swb",
                           "Send a bounded load through the runner: cold starts against traffic."),
         runLoad},
        {"stats",
         QT_TRANSLATE_NOOP("swb",
                           "Counts, cold-start share and percentiles from the invocation history."),
         runStats},
        {"cost",
         QT_TRANSLATE_NOOP(
             "swb",
             "Price a month on AWS, Azure, Google Cloud, OpenWhisk; compare, sweep, break-even."),
         runCost},
        {"simulate",
         QT_TRANSLATE_NOOP(
             "swb", "Simulate a function's instances over days: cold starts, throttles, usage."),
         runSimulate},
        {"deploy",
         QT_TRANSLATE_NOOP(
             "swb", "Deploy a function to AWS, Azure, Google Cloud, OpenWhisk or a local stage."),
         runDeploy},
        {"logs",
         QT_TRANSLATE_NOOP("swb", "Show or follow a deployed function's logs from its platform."),
         runLogs},
        {"providers",
         QT_TRANSLATE_NOOP("swb",
                           "Check which platform credentials are found and whether they work."),
         runProviders},
        {"history",
         QT_TRANSLATE_NOOP("swb", "The commits that changed a function, with its deploy tags."),
         runHistory},
        {"diff",
         QT_TRANSLATE_NOOP("swb",
                           "What changed in a function since a commit or since its last deploy."),
         runDiff},
        {"rollback",
         QT_TRANSLATE_NOOP("swb",
                           "Deploy a function as it was at a commit, without touching your files."),
         runRollback},
    };
    return list;
}

void printHelp(QTextStream& out)
{
    using swb::cli::Tr;
    out << Tr::tr(
        "Usage: swb COMMAND [ARGS...]\n"
        "       swb COMMAND --help\n\n"
        "Serverless Workbench: write, run, see, price and deploy serverless functions.\n\n"
        "Commands:\n");
    for (const Command& c : commands())
        out << "  " << QString::fromLatin1(c.name).leftJustified(11) << Tr::tr(c.summary) << '\n';
    out << Tr::tr("\nOptions:\n"
                  "  -h, --help       Show this help.\n"
                  "  --version        Show the version.\n"
                  "  --language CODE  The language of messages and help: de, zh_CN or en "
                  "(default: the system's, from LANGUAGE, LC_ALL, LC_MESSAGES or LANG).\n\n"
                  "Commands that work on a workspace take --workspace DIR (default: the current "
                  "folder).\n"
                  "Exit codes: 0 success, 1 the operation failed, 2 bad usage.\n");
    out.flush();
}

// Takes "--language CODE" or "--language=CODE" out of the arguments (anywhere before "--").
// Returns false when CODE is missing.
bool takeLanguage(QStringList& args, QString& language)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1String("--"))
            break;
        if (a.startsWith(QLatin1String("--language="))) {
            language = a.mid(11);
            args.removeAt(i--);
        } else if (a == QLatin1String("--language")) {
            if (i + 1 >= args.size())
                return false;
            language = args.at(i + 1);
            args.remove(i, 2);
            --i;
        }
    }
    return true;
}

// Installs swb's catalogue (embedded as :/i18n/serverless-workbench_<lang>.qm, the same .ts
// files as the window's) for `language`, or for the system locale when it is empty; English
// gets its plural forms. Qt's own strings (QCommandLineParser's "Options:", its errors) come
// from qtbase_<lang>.qm when Debian's qt6-translations-l10n is installed. Returns false when
// `language` was asked for explicitly and swb has no catalogue for it.
bool installTranslator(QCoreApplication& app, const QString& language)
{
    const QString dir = QStringLiteral(":/i18n");
    const QString base = QStringLiteral("serverless-workbench");
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto* ours = new QTranslator(&app);
    const bool found = ours->load(locale, base, QStringLiteral("_"), dir);
    if (!found || ours->language().startsWith(QLatin1String("en"))) {
        // English: the source strings, with "1 instance" / "2 instances" from the en catalogue.
        if (found || ours->load(QDir(dir).filePath(base + QStringLiteral("_en.qm"))))
            QCoreApplication::installTranslator(ours);
        else
            delete ours;
        const bool english = language.isEmpty() || language.startsWith(QLatin1String("en")) ||
                             language == QLatin1String("C") || language == QLatin1String("POSIX");
        return found || english;
    }
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(ours->language()), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QCoreApplication::installTranslator(ours);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("swb"));
    QCoreApplication::setOrganizationName(QStringLiteral("Serverless Workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWB_VERSION));

    swb::cli::Console console;
    QStringList args = QCoreApplication::arguments().mid(1);
    QString language;
    const bool languageParsed = takeLanguage(args, language);
    if (!installTranslator(app, language)) {
        console.err() << swb::cli::Tr::tr("swb: warning: no translation for language \"%1\"; "
                                          "using English.")
                             .arg(language)
                      << '\n';
        console.err().flush();
    }
    if (!languageParsed)
        return console.usage(swb::cli::Tr::tr("--language needs a language code, e.g. de or "
                                              "zh_CN."),
                             QString());
    const QString first = args.value(0);
    if (first.isEmpty()) {
        printHelp(console.err());
        return swb::cli::kUsage;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        if (args.size() > 1 && first == QLatin1String("help")) {
            for (const Command& c : commands()) {
                if (args.at(1) == QLatin1String(c.name))
                    return c.run(console, {QStringLiteral("--help")});
            }
        }
        printHelp(console.out());
        return swb::cli::kSuccess;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        console.out() << "swb " << QCoreApplication::applicationVersion() << '\n';
        return swb::cli::kSuccess;
    }
    for (const Command& c : commands()) {
        if (first == QLatin1String(c.name))
            return c.run(console, args.mid(1));
    }
    return console.usage(swb::cli::Tr::tr("unknown command \"%1\".").arg(first), QString());
}
