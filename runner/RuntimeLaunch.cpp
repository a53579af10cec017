#include "RuntimeLaunch.h"

#include "model/Runtime.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace swb {

namespace {
constexpr const char* kAccountId = kLocalAccountId;
}

QString functionArn(const QString& functionName, const QString& region)
{
    return QStringLiteral("arn:aws:lambda:%1:%2:function:%3")
        .arg(region, QLatin1String(kAccountId), functionName);
}

Result<QString> resolveInterpreter(const QString& name, const QString& pathVariable)
{
    const QString found =
        QStandardPaths::findExecutable(name, pathVariable.split(QLatin1Char(':')));
    if (found.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("%1 is not on PATH.").arg(name));
    QFile file(found);
    if (!file.open(QIODevice::ReadOnly) || file.read(2) != "#!")
        return QFileInfo(found).canonicalFilePath();
    QProcess probe;
    const bool isNode = name.startsWith(QLatin1String("node"));
    probe.start(found, isNode
                           ? QStringList{QStringLiteral("-p"), QStringLiteral("process.execPath")}
                           : QStringList{QStringLiteral("-c"),
                                         QStringLiteral("import sys; print(sys.executable)")});
    if (!probe.waitForFinished(20000) || probe.exitCode() != 0)
        return found; // the script itself still works, only slower
    const QString real = QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
    return QFileInfo(real).isExecutable() ? real : found;
}

Result<InstanceLaunch> planLaunch(const FunctionSpec& f, const LaunchContext& c)
{
    const auto runtime = findRuntime(f.runtime);
    if (!runtime)
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("Function \"%1\" has the unknown runtime \"%2\".")
                        .arg(f.name, f.runtime));
    InstanceLaunch launch;
    launch.workingDirectory = c.codeFolder;
    launch.temporaryFolder = c.temporaryFolder;
    const QString path =
        c.pathVariable.isEmpty()
            ? qEnvironmentVariable("PATH", QStringLiteral("/usr/local/bin:/usr/bin:/bin"))
            : c.pathVariable;

    switch (runtime->family) {
    case RuntimeFamily::Python: {
        launch.program = c.pythonProgram;
        if (launch.program.isEmpty())
            launch.program =
                resolveInterpreter(QStringLiteral("python3"), path).value_or(QString());
        if (launch.program.isEmpty())
            return fail(ErrorCode::NotFound,
                        QStringLiteral("python3 is not installed (needed by function \"%1\", "
                                       "runtime %2); install it with: apt-get install python3.")
                            .arg(f.name, f.runtime));
        // -S skips site's start-up work (the bootstrap adds site-packages itself), -B writes no
        // .pyc into the user's folder, -u keeps output in order with the Runtime API calls.
        launch.arguments = {QStringLiteral("-S"), QStringLiteral("-B"), QStringLiteral("-u"),
                            QDir(c.runtimeFolder).filePath(QStringLiteral("python/bootstrap.py"))};
        break;
    }
    case RuntimeFamily::Node:
        launch.program = c.nodeProgram;
        if (launch.program.isEmpty())
            launch.program = resolveInterpreter(QStringLiteral("node"), path).value_or(QString());
        if (launch.program.isEmpty())
            return fail(ErrorCode::NotFound,
                        QStringLiteral("node is not installed (needed by function \"%1\", runtime "
                                       "%2); install it with: apt-get install nodejs.")
                            .arg(f.name, f.runtime));
        launch.arguments = {QDir(c.runtimeFolder).filePath(QStringLiteral("node/bootstrap.mjs"))};
        break;
    case RuntimeFamily::Provided: {
        launch.program = QDir(c.codeFolder).filePath(QStringLiteral("bootstrap"));
        const QFileInfo info(launch.program);
        if (!info.isFile())
            return fail(ErrorCode::NotFound,
                        QStringLiteral("Function \"%1\" uses %2 but %3 does not exist; a custom "
                                       "runtime needs an executable named bootstrap.")
                            .arg(f.name, f.runtime, launch.program));
        if (!info.isExecutable())
            return fail(
                ErrorCode::PermissionDenied,
                QStringLiteral("%1 is not executable; run chmod +x on it.").arg(launch.program));
        break;
    }
    }

    QProcessEnvironment env;
    // The function's own first, so that Lambda's reserved names always win.
    for (auto it = f.environment.begin(); it != f.environment.end(); ++it)
        env.insert(it.key(), it.value());
    for (auto it = c.extraEnvironment.begin(); it != c.extraEnvironment.end(); ++it)
        env.insert(it.key(), it.value());
    env.insert(QStringLiteral("PATH"), path);
    env.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("TZ"), QStringLiteral(":UTC"));
    env.insert(QStringLiteral("TMPDIR"), c.temporaryFolder);
    env.insert(QStringLiteral("LAMBDA_TASK_ROOT"), c.codeFolder);
    env.insert(QStringLiteral("LAMBDA_RUNTIME_DIR"), c.runtimeFolder);
    env.insert(QStringLiteral("_HANDLER"), f.handler);
    env.insert(QStringLiteral("AWS_LAMBDA_FUNCTION_NAME"), f.name);
    env.insert(QStringLiteral("AWS_LAMBDA_FUNCTION_VERSION"), QStringLiteral("$LATEST"));
    env.insert(QStringLiteral("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), QString::number(f.memoryMb));
    env.insert(QStringLiteral("AWS_LAMBDA_LOG_GROUP_NAME"),
               QStringLiteral("/aws/lambda/") + f.name);
    const QString streamId = QString::number(QRandomGenerator::global()->generate64(), 16) +
                             QString::number(QRandomGenerator::global()->generate64(), 16);
    env.insert(QStringLiteral("AWS_LAMBDA_LOG_STREAM_NAME"),
               QDate::currentDate().toString(QStringLiteral("yyyy/MM/dd")) +
                   QStringLiteral("/[$LATEST]") + streamId.left(32));
    env.insert(QStringLiteral("AWS_LAMBDA_INITIALIZATION_TYPE"),
               c.provisioned ? QStringLiteral("provisioned-concurrency")
                             : QStringLiteral("on-demand"));
    env.insert(QStringLiteral("AWS_REGION"), c.region);
    env.insert(QStringLiteral("AWS_DEFAULT_REGION"), c.region);
    if (runtime->family != RuntimeFamily::Provided) // OS-only runtimes do not set it
        env.insert(QStringLiteral("AWS_EXECUTION_ENV"), QStringLiteral("AWS_Lambda_") + f.runtime);
    launch.environment = env;
    return launch;
}

} // namespace swb
