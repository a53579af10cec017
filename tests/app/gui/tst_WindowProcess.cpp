// labels: gui integration
// The window as a process: SIGTERM (a logout, `kill`) ends it as closing it does — exit code 0,
// and the workspace's PostgreSQL stopped rather than left behind for the next start to find.
#include "ServedExample.h"
#include "SwbProcess.h"
#include "resources/PostgresBinaries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace swb;

namespace {

// The workspace's one database as `swb resources status --json` reports it.
QJsonObject databaseStatus(const QString& workspace)
{
    const auto run =
        test::runSwb({QStringLiteral("resources"), QStringLiteral("status"),
                      QStringLiteral("--workspace"), workspace, QStringLiteral("--json")});
    return QJsonDocument::fromJson(run.out.toUtf8()).array().at(0).toObject();
}

} // namespace

class tst_WindowProcess : public QObject {
    Q_OBJECT
private slots:
    void sigtermStopsTheWorkspacesDatabase();
};

void tst_WindowProcess::sigtermStopsTheWorkspacesDatabase()
{
    if (!PostgresBinaries::find(
            PostgresBinaries::defaultSearchFolders(qEnvironmentVariable("PATH"))))
        QSKIP("PostgreSQL is not installed (apt-get install postgresql)");
    test::ServedExample example(QStringLiteral("web-api")); // only its copy is used here
    QVERIFY2(example.copy().isEmpty(), qPrintable(example.copy()));
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("SWB_NO_KEYCHAIN"), QStringLiteral("1"));
    QProcess window;
    window.setProcessEnvironment(env);
    window.setProcessChannelMode(QProcess::MergedChannels);
    window.start(QStringLiteral(SWB_GUI_PATH), {example.folder()});
    QVERIFY2(window.waitForStarted(10000), qPrintable(window.errorString()));

    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return databaseStatus(example.folder()).value(QStringLiteral("state")) ==
                            QLatin1String("running");
                 },
                 90000),
             qPrintable(QString::fromUtf8(window.readAll()) +
                        QJsonDocument(databaseStatus(example.folder())).toJson()));
    const qint64 postgresPid =
        databaseStatus(example.folder()).value(QStringLiteral("pid")).toInteger();
    QVERIFY(postgresPid > 0);

    ::kill(pid_t(window.processId()), SIGTERM);
    QVERIFY2(window.waitForFinished(60000), "the window did not end after SIGTERM");
    QCOMPARE(window.exitStatus(), QProcess::NormalExit); // not killed by the signal
    QCOMPARE(window.exitCode(), 0);
    const QJsonObject after = databaseStatus(example.folder());
    QVERIFY2(after.value(QStringLiteral("state")) == QLatin1String("stopped"),
             qPrintable(QJsonDocument(after).toJson()));
    QVERIFY(::kill(pid_t(postgresPid), 0) != 0); // the server process is gone
}

QTEST_GUILESS_MAIN(tst_WindowProcess)
#include "tst_WindowProcess.moc"
