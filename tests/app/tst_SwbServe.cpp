// labels: integration
// `swb serve` as a user runs it: the first line names the port, the AWS CLI invokes through
// it, and SIGTERM stops it with every instance.
#include "TestFiles.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class tst_SwbServe : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void firstLineNamesTheAddress();
    void awsCliInvokesThroughIt();
    void sigtermStopsEveryInstance();
    void refusesBadPort();

private:
    QProcess* m_serve = nullptr;
    quint16 m_port = 0;
    QString m_firstLine;
};

void tst_SwbServe::init()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
    m_serve = new QProcess;
    m_serve->setProgram(QStringLiteral(SWB_CLI_PATH));
    m_serve->setArguments({QStringLiteral("serve"), QStringLiteral("--workspace"),
                           QStringLiteral(SWB_SOURCE_DIR "/examples/hello-python"),
                           QStringLiteral("--port"), QStringLiteral("0")});
    m_serve->start();
    QVERIFY(m_serve->waitForStarted());
    QVERIFY(QTest::qWaitFor([this] { return m_serve->canReadLine(); }, 30000));
    m_firstLine = QString::fromUtf8(m_serve->readLine()).trimmed();
    m_port = quint16(m_firstLine.section(QLatin1Char(':'), -1).toUInt());
}

void tst_SwbServe::cleanup()
{
    if (m_serve) {
        m_serve->kill();
        m_serve->waitForFinished();
    }
    delete m_serve;
    m_serve = nullptr;
}

void tst_SwbServe::firstLineNamesTheAddress()
{
    QVERIFY2(m_firstLine.startsWith(QStringLiteral("listening on http://127.0.0.1:")),
             qPrintable(m_firstLine));
    QVERIFY(m_port > 0);
}

void tst_SwbServe::awsCliInvokesThroughIt()
{
    // Debian's package first (CLI v2); a v1 from pip on PATH works too, without the v2 flag.
    QString aws =
        QStandardPaths::findExecutable(QStringLiteral("aws"), {QStringLiteral("/usr/bin")});
    if (aws.isEmpty())
        aws = QStandardPaths::findExecutable(QStringLiteral("aws"));
    if (aws.isEmpty())
        QSKIP("the AWS CLI (Debian package awscli) is not installed");
    QProcess version;
    version.start(aws, {QStringLiteral("--version")});
    QVERIFY(version.waitForFinished(60000));
    const bool v2 =
        (version.readAllStandardOutput() + version.readAllStandardError()).contains("aws-cli/2.");
    QTemporaryDir dir;
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The CLI signs requests and needs some credentials and a region; the runner ignores them.
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDEXAMPLE"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"),
               QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    env.insert(QStringLiteral("AWS_DEFAULT_REGION"), QStringLiteral("us-east-1"));
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), dir.filePath(QStringLiteral("none")));
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), dir.filePath(QStringLiteral("none")));
    cli.setProcessEnvironment(env);
    const QString out = dir.filePath(QStringLiteral("out.json"));
    QStringList args = {QStringLiteral("lambda"),
                        QStringLiteral("invoke"),
                        QStringLiteral("--endpoint-url"),
                        QStringLiteral("http://127.0.0.1:%1").arg(m_port),
                        QStringLiteral("--function-name"),
                        QStringLiteral("hello"),
                        QStringLiteral("--payload"),
                        QStringLiteral("{\"queryStringParameters\":{\"name\":\"cli\"}}"),
                        QStringLiteral("--log-type"),
                        QStringLiteral("Tail"),
                        out};
    if (v2) // v2 reads --payload as base64 unless told otherwise
        args << QStringLiteral("--cli-binary-format") << QStringLiteral("raw-in-base64-out");
    cli.start(aws, args);
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const QJsonObject meta = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(meta.value(QStringLiteral("StatusCode")).toInt(), 200);
    QCOMPARE(meta.value(QStringLiteral("ExecutedVersion")).toString(), QStringLiteral("$LATEST"));
    QVERIFY(QByteArray::fromBase64(meta.value(QStringLiteral("LogResult")).toString().toLatin1())
                .contains("REPORT RequestId: "));
    const QJsonObject response = QJsonDocument::fromJson(swb::test::readFile(out)).object();
    QCOMPARE(response.value(QStringLiteral("statusCode")).toInt(), 200);
    QVERIFY(
        response.value(QStringLiteral("body")).toString().contains(QStringLiteral("Hello, cli!")));

    cli.start(aws,
              {QStringLiteral("lambda"), QStringLiteral("invoke"), QStringLiteral("--endpoint-url"),
               QStringLiteral("http://127.0.0.1:%1").arg(m_port), QStringLiteral("--function-name"),
               QStringLiteral("nope"), out});
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY(cli.exitCode() != 0);
    QVERIFY(cli.readAllStandardError().contains("ResourceNotFoundException"));
}

void tst_SwbServe::sigtermStopsEveryInstance()
{
    // Start an instance through the Invoke API, then stop the server.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected());
    socket.write(
        "POST /2015-03-31/functions/hello/invocations HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}");
    // Accumulate what the event loop has read: waitForReadyRead() would wait for *more* data
    // and miss an answer that qWaitFor's event processing already buffered.
    QByteArray answer;
    QVERIFY(QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.startsWith("HTTP/1.1 200") && answer.contains("\r\n\r\n");
        },
        30000));
    // The instance is a child of swb: find it before the stop.
    const QString children =
        QString::fromUtf8(
            swb::test::readFile(
                QStringLiteral("/proc/%1/task/%1/children").arg(m_serve->processId())))
            .trimmed();
    QVERIFY2(!children.isEmpty(), "no instance process found");
    ::kill(pid_t(m_serve->processId()), SIGTERM);
    QVERIFY(m_serve->waitForFinished(10000));
    QCOMPARE(m_serve->exitCode(), 0);
    QVERIFY(m_serve->readAllStandardError().contains(
        "swb: stopped (SIGTERM); every instance was shut down."));
    for (const QString& pid : children.split(QLatin1Char(' ')))
        QTRY_VERIFY(!QFileInfo::exists(QStringLiteral("/proc/%1/cmdline").arg(pid)) ||
                    swb::test::readFile(QStringLiteral("/proc/%1/stat").arg(pid)).contains(") Z "));
}

void tst_SwbServe::refusesBadPort()
{
    QProcess p;
    p.start(QStringLiteral(SWB_CLI_PATH),
            {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("70000")});
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("--port needs a number from 0 to 65535."));
}

QTEST_GUILESS_MAIN(tst_SwbServe)
#include "tst_SwbServe.moc"
