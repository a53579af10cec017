#pragma once
// One function per `swb` command. Each gets its arguments after the command name and returns
// the process exit code (0 success, 1 the operation failed, 2 bad usage).

#include "Console.h"

#include <QCommandLineParser>
#include <QStringList>

#include <memory>
#include <optional>

namespace swb {
class HistoryStore;
class ResourceSet;
class Runner;
class SecretStore;
struct Workspace;
} // namespace swb

namespace swb::cli {

int runValidate(Console& console, const QStringList& args);
int runFunctions(Console& console, const QStringList& args);
int runFunction(Console& console, const QStringList& args);
int runImport(Console& console, const QStringList& args);
int runEvent(Console& console, const QStringList& args);
int runInvoke(Console& console, const QStringList& args);
int runServe(Console& console, const QStringList& args);
int runLoad(Console& console, const QStringList& args);
int runStats(Console& console, const QStringList& args);
int runCost(Console& console, const QStringList& args);
int runSimulate(Console& console, const QStringList& args);
int runDeploy(Console& console, const QStringList& args);
int runLogs(Console& console, const QStringList& args);
int runProviders(Console& console, const QStringList& args);
int runRollback(Console& console, const QStringList& args);
int runHistory(Console& console, const QStringList& args);
int runDiff(Console& console, const QStringList& args);
int runToken(Console& console, const QStringList& args);
int runResources(Console& console, const QStringList& args);
int runQueue(Console& console, const QStringList& args);

// The keychain when this session has one and SWB_NO_KEYCHAIN is not 1, else nullptr.
SecretStore* commandLineSecrets();

// Starts the workspace's databases (one line each on stderr), or returns the error to print.
// Null when it declares none. SWB_POSTGRES_BIN=DIR names the folder of initdb/postgres/psql.
Result<std::unique_ptr<ResourceSet>> startResources(Console& console, const Workspace& workspace);

// Records every invocation of `runner` in the workspace's history (a warning when it cannot).
std::unique_ptr<HistoryStore> recordHistory(Console& console, Runner& runner);

// Parses `args` (the command's own, without "swb COMMAND"); prints help or a usage error and
// returns the exit code when the command should stop here.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& args,
                                    Console& console, const QString& command,
                                    const QString& synopsis);

// The workspace folder a command works on: --workspace, else the positional argument (where
// the command takes one), else the current folder.
QString workspaceArgument(const QCommandLineParser& parser, bool takesPositional);
QCommandLineOption workspaceOption();
QCommandLineOption jsonOption();

} // namespace swb::cli
