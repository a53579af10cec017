#pragma once
// Runs the built `swb` as a user would, for the tests in tests/app (which get SWB_CLI_PATH):
// its exit code and what it printed. A run that does not finish in time is killed and says so.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace swb::test {

struct SwbRun {
    int exitCode = -1; // -2: crashed; -1: did not finish
    QString out;
    QString err;
};

inline SwbRun runSwb(const QStringList& args, const QString& workingDirectory = QString(),
                     int timeoutMs = 120000)
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    // swb translates its messages by the locale; the tests read them in English whatever the
    // machine's language (tests/app/tst_SwbTranslations checks the other languages).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SWB_CLI_PATH), args);
    SwbRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("swb did not finish within %1 ms").arg(timeoutMs);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace swb::test
