// labels: integration
// swb with a workspace that declares a PostgreSQL database: swb invoke starts it and a Python
// function (psycopg2) writes through it; swb serve is killed with SIGKILL, leaving its server
// behind; the next swb invoke finds that orphan, stops it, and reads the rows written before.
#include "SwbProcess.h"
#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace swb;

namespace {

const QByteArray kWorkspace = R"json({
  "name": "shop",
  "resources": {"orders": {"type": "postgres", "seed": ["db/schema.sql"]}},
  "functions": [
    {"name": "put", "runtime": "python3.11", "handler": "app.put", "codeUri": "code",
     "timeoutSeconds": 20},
    {"name": "get", "runtime": "python3.11", "handler": "app.get", "codeUri": "code",
     "timeoutSeconds": 20}
  ]
}
)json";

const QByteArray kHandlers = R"py(import os
import psycopg2

def put(event, context):
    conn = psycopg2.connect(os.environ["ORDERS_URL"])
    with conn, conn.cursor() as cur:
        cur.execute("INSERT INTO items (name) VALUES (%s)", (event["name"],))
    conn.close()
    return get(event, context)

def get(event, context):
    conn = psycopg2.connect(os.environ["ORDERS_URL"])
    with conn.cursor() as cur:
        cur.execute("SELECT name FROM items ORDER BY id")
        names = [r[0] for r in cur.fetchall()]
    conn.close()
    return {"names": names}
)py";

QString pythonWithPsycopg2()
{
    for (const QString& candidate : {QStringLiteral("/usr/bin/python3"),
                                     QStandardPaths::findExecutable(QStringLiteral("python3"))}) {
        if (candidate.isEmpty())
            continue;
        QProcess p;
        p.start(candidate, {QStringLiteral("-c"), QStringLiteral("import psycopg2")});
        if (p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return candidate;
    }
    return {};
}

bool postgresInstalled()
{
    return !QStandardPaths::findExecutable(QStringLiteral("initdb")).isEmpty() ||
           !QDir(QStringLiteral("/usr/lib/postgresql"))
                .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                .isEmpty();
}

// Alive and not a zombie (an orphan's zombie stays where no init reaps it).
bool alive(qint64 pid)
{
    if (::kill(pid_t(pid), 0) != 0)
        return false;
    const QByteArray stat = test::readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    return close < 0 || close + 2 >= stat.size() || stat.at(close + 2) != 'Z';
}

// The postmaster of the workspace's "orders", when one is alive.
qint64 postmasterPid(const QString& workspace)
{
    QFile pidFile(workspace + QStringLiteral("/.swb/resources/orders/data/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return 0;
    const qint64 pid = QString::fromUtf8(pidFile.readLine()).trimmed().toLongLong();
    const QString comm =
        QString::fromUtf8(test::readFile(QStringLiteral("/proc/%1/comm").arg(pid))).trimmed();
    return comm == QLatin1String("postgres") && alive(pid) ? pid : 0;
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class tst_SwbResources : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void dataSurvivesAKilledServeAndTheOrphanIsStopped();
    void sqliteStandsInAndSaysSo();

private:
    Run swb(const QStringList& args);
    QProcessEnvironment m_env;
    QString m_postgresMissing; // why the PostgreSQL test cannot run here
    QTemporaryDir m_dir;
    QProcess* m_serve = nullptr;
};

void tst_SwbResources::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
    const QString python = pythonWithPsycopg2();
    if (!postgresInstalled())
        m_postgresMissing =
            QStringLiteral("PostgreSQL is not installed (scripts/setup.sh installs it)");
    else if (python.isEmpty())
        m_postgresMissing =
            QStringLiteral("python3-psycopg2 is not installed (scripts/setup.sh installs it)");
    m_env = QProcessEnvironment::systemEnvironment();
    if (!python.isEmpty())
        m_env.insert(QStringLiteral("PATH"),
                     QFileInfo(python).absolutePath() + QLatin1Char(':') + m_env.value("PATH"));
    m_env.insert(QStringLiteral("SWB_NO_KEYCHAIN"), QStringLiteral("1"));
    // QTemporaryDir is 0700; as root, PostgreSQL runs as another user who must enter it.
    QFile::setPermissions(m_dir.path(), QFile::permissions(m_dir.path()) | QFile::ExeOther |
                                            QFile::ReadOther | QFile::ExeGroup);
    QVERIFY(test::writeFile(m_dir.path(), QStringLiteral("workbench.json"), kWorkspace));
    QVERIFY(test::writeFile(m_dir.path(), QStringLiteral("code/app.py"), kHandlers));
    QVERIFY(test::writeFile(m_dir.path(), QStringLiteral("db/schema.sql"),
                            "CREATE TABLE items (id serial PRIMARY KEY, name text);\n"
                            "INSERT INTO items (name) VALUES ('seeded');\n"));
    QVERIFY(test::writeFile(m_dir.path(), QStringLiteral("events/a.json"), R"({"name": "a"})"));
}

void tst_SwbResources::cleanup()
{
    if (m_serve) {
        m_serve->kill();
        m_serve->waitForFinished(10000);
        delete m_serve;
        m_serve = nullptr;
    }
    // Whatever is left (a failed check above) is stopped: immediate shutdown, then SIGKILL.
    if (const qint64 pid = postmasterPid(m_dir.path())) {
        ::kill(pid_t(pid), SIGQUIT);
        if (!QTest::qWaitFor([pid] { return !alive(pid); }, 5000))
            ::kill(pid_t(pid), SIGKILL);
    }
}

Run tst_SwbResources::swb(const QStringList& args)
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(QStringLiteral(SWB_CLI_PATH), args);
    Run run;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        run.err = QStringLiteral("swb did not finish within 60 s");
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

void tst_SwbResources::dataSurvivesAKilledServeAndTheOrphanIsStopped()
{
    if (!m_postgresMissing.isEmpty())
        QSKIP(qPrintable(m_postgresMissing));
    const QString ws = m_dir.path();
    // 1. swb invoke starts the database (seeded once), the function writes, swb stops it.
    const Run first =
        swb({QStringLiteral("invoke"), QStringLiteral("put"), QStringLiteral("--workspace"), ws,
             QStringLiteral("--event"), QDir(ws).filePath(QStringLiteral("events/a.json"))});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY2(
        first.err.contains(QRegularExpression(QStringLiteral(
            "orders: postgres \\d+ on 127\\.0\\.0\\.1:\\d+ \\(data \\.swb/resources/orders\\)"))),
        qPrintable(first.err));
    QCOMPARE(QJsonDocument::fromJson(first.out.toUtf8())
                 .object()
                 .value("names")
                 .toVariant()
                 .toStringList(),
             (QStringList{"seeded", "a"}));
    QCOMPARE(postmasterPid(ws), 0); // stopped at the end
    QVERIFY(!QFileInfo::exists(
        QDir(ws).filePath(QStringLiteral(".swb/resources/orders/swb-owner.json"))));
    // The password is never printed.
    const QString password =
        QString::fromUtf8(
            test::readFile(QDir(ws).filePath(QStringLiteral(".swb/resources/orders/password"))))
            .trimmed();
    QVERIFY(password.size() >= 24);
    QVERIFY(!first.out.contains(password) && !first.err.contains(password));

    // 2. swb serve: a row through the Invoke API, then the workbench dies without a word.
    m_serve = new QProcess;
    m_serve->setProcessEnvironment(m_env);
    m_serve->start(QStringLiteral(SWB_CLI_PATH),
                   {QStringLiteral("serve"), QStringLiteral("--workspace"), ws,
                    QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(QTest::qWaitFor([this] { return m_serve->canReadLine(); }, 45000));
    const QString listening = QString::fromUtf8(m_serve->readLine()).trimmed();
    QVERIFY2(listening.startsWith(QLatin1String("listening on http://127.0.0.1:")),
             qPrintable(listening + QString::fromUtf8(m_serve->readAllStandardError())));
    const quint16 port = quint16(listening.section(QLatin1Char(':'), -1).toUInt());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected());
    const QByteArray body = R"({"name":"b"})";
    socket.write("POST /2015-03-31/functions/put/invocations HTTP/1.1\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    const bool answered = QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains("]}");
        },
        30000);
    QVERIFY2(answered, answer.constData());
    QVERIFY2(answer.startsWith("HTTP/1.1 200") && answer.contains("\"b\""), answer.constData());
    const qint64 orphan = postmasterPid(ws);
    QVERIFY(orphan > 0);
    ::kill(pid_t(m_serve->processId()), SIGKILL);
    QVERIFY(m_serve->waitForFinished(10000));
    QVERIFY2(alive(orphan), "the server died with the workbench");

    const Run status = swb({QStringLiteral("resources"), QStringLiteral("status"),
                            QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    const QJsonObject row = QJsonDocument::fromJson(status.out.toUtf8()).array().first().toObject();
    QCOMPARE(row.value("state").toString(), QStringLiteral("orphaned"));
    QCOMPARE(row.value("pid").toInteger(), orphan);

    // 3. The next start stops the orphan first, and the rows written before are there.
    const Run next =
        swb({QStringLiteral("invoke"), QStringLiteral("get"), QStringLiteral("--workspace"), ws});
    QVERIFY2(next.exitCode == 0, qPrintable(next.err));
    QVERIFY2(
        next.err.contains(QStringLiteral("stopping the PostgreSQL server (pid %1").arg(orphan)),
        qPrintable(next.err));
    QCOMPARE(QJsonDocument::fromJson(next.out.toUtf8())
                 .object()
                 .value("names")
                 .toVariant()
                 .toStringList(),
             (QStringList{"seeded", "a", "b"}));
    QVERIFY(!alive(orphan));
    QCOMPARE(postmasterPid(ws), 0);
    const Run after = swb(
        {QStringLiteral("resources"), QStringLiteral("status"), QStringLiteral("--workspace"), ws});
    QVERIFY2(after.out.startsWith(QLatin1String("orders  postgres  stopped")),
             qPrintable(after.out));

    // 4. swb resources psql: a look at the data with PostgreSQL's own client; the password goes
    // through the environment, never the output; the server it started is stopped again.
    const Run psql = swb({QStringLiteral("resources"), QStringLiteral("psql"),
                          QStringLiteral("orders"), QStringLiteral("--workspace"), ws,
                          QStringLiteral("--"), QStringLiteral("-At"), QStringLiteral("-c"),
                          QStringLiteral("SELECT string_agg(name, ',' ORDER BY id) FROM items")});
    QVERIFY2(psql.exitCode == 0, qPrintable(psql.err + psql.out));
    QCOMPARE(psql.out.trimmed(), QStringLiteral("seeded,a,b"));
    QVERIFY(!psql.out.contains(password) && !psql.err.contains(password));
    QCOMPARE(postmasterPid(ws), 0);
    const Run unknown = swb({QStringLiteral("resources"), QStringLiteral("psql"),
                             QStringLiteral("nope"), QStringLiteral("--workspace"), ws});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("nope is not a resource")),
             qPrintable(unknown.err));
}

// Without PostgreSQL (SWB_POSTGRES_BIN names a folder without it) the resource is an SQLite
// file, the user is told, and a function using Python's standard sqlite3 works with it.
void tst_SwbResources::sqliteStandsInAndSaysSo()
{
    QTemporaryDir dir;
    QTemporaryDir noPostgres;
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("workbench.json"), R"json({
  "resources": {"notes": {"seed": ["db/notes.sql"]}},
  "functions": [{"name": "note", "runtime": "python3.11", "handler": "app.note", "codeUri": "code"}]
})json"));
    QVERIFY(
        test::writeFile(dir.path(), QStringLiteral("db/notes.sql"),
                        "CREATE TABLE notes (text TEXT);\nINSERT INTO notes VALUES ('seeded');\n"));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("code/app.py"), R"py(import os, sqlite3
def note(event, context):
    conn = sqlite3.connect(os.environ["NOTES_URL"], uri=True)
    with conn:
        conn.execute("INSERT INTO notes VALUES ('x')")
    rows = [r[0] for r in conn.execute("SELECT text FROM notes")]
    conn.close()
    return {"notes": rows}
)py"));
    QProcessEnvironment env = m_env;
    env.insert(QStringLiteral("SWB_POSTGRES_BIN"), noPostgres.path());
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SWB_CLI_PATH), {QStringLiteral("invoke"), QStringLiteral("note"),
                                           QStringLiteral("--workspace"), dir.path()});
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitCode() == 0, qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("swb: warning: notes: PostgreSQL is not installed")),
             qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("notes: sqlite .swb/resources/notes/notes.sqlite3 "
                                        "(PostgreSQL is not installed, so SQLite stands in)")),
             qPrintable(err));
    QCOMPARE(
        QJsonDocument::fromJson(out.toUtf8()).object().value("notes").toVariant().toStringList(),
        (QStringList{"seeded", "x"}));
}

QTEST_GUILESS_MAIN(tst_SwbResources)
#include "tst_SwbResources.moc"
