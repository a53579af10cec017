// swb: every feature of Serverless Workbench from the command line.
#include "Commands.h"
#include "Console.h"

#include <QCoreApplication>

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
        {"validate", "Check a workspace's workbench.json and the code it points at.", runValidate},
        {"functions", "List a workspace's functions: runtime, handler, memory, triggers.",
         runFunctions},
        {"function", "Add a function from a template, rename or delete one.", runFunction},
        {"import", "Create a workspace from a SAM template.yaml or a serverless.yml.", runImport},
        {"event", "List event templates or generate an event (API Gateway, S3, SQS, ...).",
         runEvent},
        {"invoke", "Run a function on the local runner; --repeat shows cold and warm starts.",
         runInvoke},
        {"serve", "Serve the functions: HTTP gateway and Lambda Invoke API on one port.", runServe},
        {"token", "Issue and verify the workspace's signed JWTs; print its JWKS.", runToken},
        {"resources", "Start, stop or show the workspace's databases (PostgreSQL, SQLite).",
         runResources},
        {"load", "Send a bounded load through the runner: cold starts against traffic.", runLoad},
        {"stats", "Counts, cold-start share and percentiles from the invocation history.",
         runStats},
        {"cost",
         "Price a month on AWS, Azure, Google Cloud, OpenWhisk; compare, sweep, break-even.",
         runCost},
        {"simulate", "Simulate a function's instances over days: cold starts, throttles, usage.",
         runSimulate},
        {"deploy", "Deploy a function to AWS, Azure, Google Cloud, OpenWhisk or a local stage.",
         runDeploy},
        {"logs", "Show or follow a deployed function's logs from its platform.", runLogs},
        {"providers", "Check which platform credentials are found and whether they work.",
         runProviders},
        {"history", "The commits that changed a function, with its deploy tags.", runHistory},
        {"diff", "What changed in a function since a commit or since its last deploy.", runDiff},
        {"rollback", "Deploy a function as it was at a commit, without touching your files.",
         runRollback},
    };
    return list;
}

void printHelp(QTextStream& out)
{
    out << "Usage: swb COMMAND [ARGS...]\n"
           "       swb COMMAND --help\n\n"
           "Serverless Workbench: write, run, see, price and deploy serverless functions.\n\n"
           "Commands:\n";
    for (const Command& c : commands())
        out << "  " << QString::fromLatin1(c.name).leftJustified(11) << c.summary << '\n';
    out << "\nOptions:\n"
           "  -h, --help     Show this help.\n"
           "  --version      Show the version.\n\n"
           "Commands that work on a workspace take --workspace DIR (default: the current "
           "folder).\n"
           "Exit codes: 0 success, 1 the operation failed, 2 bad usage.\n";
    out.flush();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("swb"));
    QCoreApplication::setOrganizationName(QStringLiteral("Serverless Workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWB_VERSION));

    swb::cli::Console console;
    const QStringList args = QCoreApplication::arguments().mid(1);
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
    return console.usage(QStringLiteral("unknown command \"%1\".").arg(first), QString());
}
