// labels: integration
// The workspace's databases for real: a PostgreSQL cluster from the machine's binaries (run as
// an unprivileged user when the test runs as root), a Python function writing and reading
// through psycopg2, seeds run exactly once, a failing seed reported and retried, and SQLite
// standing in when no PostgreSQL is found.
#include "Runner.h"
#include "RuntimeFiles.h"
#include "TestFiles.h"
#include "resources/PostgresBinaries.h"
#include "resources/PostgresServer.h"
#include "resources/ResourceSet.h"
#include "settings/InMemorySecretStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>

using namespace swb;

namespace {

const QByteArray kHandlers = R"py(import json, os
def put(event, context):
    import psycopg2
    conn = psycopg2.connect(os.environ["ORDERS_URL"])
    with conn, conn.cursor() as cur:
        cur.execute("INSERT INTO items (name) VALUES (%s)", (event["name"],))
    conn.close()
    # libpq's own variables name the same database.
    conn = psycopg2.connect("")
    with conn, conn.cursor() as cur:
        cur.execute("SELECT name FROM items ORDER BY id")
        names = [r[0] for r in cur.fetchall()]
    conn.close()
    return {"names": names, "cache": os.environ.get("CACHE_URL")}

def note(event, context):
    import sqlite3
    conn = sqlite3.connect(os.environ["CACHE_URL"], uri=True)
    with conn:
        conn.execute("CREATE TABLE IF NOT EXISTS notes (text TEXT)")
        conn.execute("INSERT INTO notes VALUES (?)", (event["text"],))
    rows = [r[0] for r in conn.execute("SELECT text FROM notes")]
    conn.close()
    return {"notes": rows, "path": os.environ.get("CACHE_PATH"), "pg": os.environ.get("PGHOST")}

def env(event, context):
    return {"url": os.environ.get("CACHE_URL"), "pid": os.getpid()}
)py";

// A python3 that has psycopg2 (Debian's python3-psycopg2 is for /usr/bin/python3; a pyenv
// python on PATH may not have it).
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

// Whatever a test leaves running is stopped: SIGQUIT (immediate shutdown, children too), then
// SIGKILL.
struct PostgresGuard {
    QStringList resourceFolders;
    ~PostgresGuard()
    {
        for (const QString& folder : resourceFolders) {
            const auto running = PostgresServer::findRunning(folder);
            if (!running)
                continue;
            ::kill(pid_t(running->pid), SIGQUIT);
            if (!QTest::qWaitFor([&] { return ::kill(pid_t(running->pid), 0) != 0; }, 5000))
                ::kill(pid_t(running->pid), SIGKILL);
        }
    }
};

struct Harness {
    QTemporaryDir dir;
    Workspace ws;
    QString runtimeFolder;
    PostgresGuard guard;

    bool make()
    {
        // QTemporaryDir is 0700; running as root, PostgreSQL runs as another user who must be
        // able to enter the workspace, as it can a usual one.
        QFile::setPermissions(dir.path(), QFile::permissions(dir.path()) | QFile::ExeOther |
                                              QFile::ReadOther | QFile::ExeGroup);
        ws.folder = dir.path();
        ws.name = QStringLiteral("shop");
        if (!test::writeFile(dir.path(), QStringLiteral("code/app.py"), kHandlers))
            return false;
        const auto folder = RuntimeFiles::materialize(dir.filePath(QStringLiteral("runtimes")));
        if (!folder)
            return false;
        runtimeFolder = *folder;
        for (const char* name : {"put", "note", "env"}) {
            FunctionSpec f;
            f.name = QLatin1String(name);
            f.runtime = QStringLiteral("python3.11");
            f.handler = QStringLiteral("app.") + f.name;
            f.codeUri = QStringLiteral("code");
            f.timeoutSeconds = 20;
            ws.functions.append(f);
        }
        guard.resourceFolders << ResourceSet::resourceFolder(ws.folder, QStringLiteral("orders"));
        return true;
    }
};

Result<void> startAndWait(ResourceSet& set)
{
    std::optional<Result<void>> result;
    set.start([&](Result<void> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
        return fail(ErrorCode::Internal,
                    QStringLiteral("test: the resources did not start in 60 s"));
    return *result;
}

QJsonObject invokeAndWait(Runner& runner, const QString& function, const QByteArray& payload)
{
    InvocationRecord result;
    bool done = false;
    runner.invoke(function, payload, [&](const InvocationRecord& r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        return {{QStringLiteral("error"), QStringLiteral("no answer in 60 s")}};
    if (result.failed())
        return {{QStringLiteral("error"),
                 QString::fromUtf8(result.payload) + result.logs.join(QLatin1Char('\n'))}};
    return QJsonDocument::fromJson(result.payload).object();
}

QStringList names(const QJsonObject& o)
{
    return o.value(QStringLiteral("names")).toVariant().toStringList();
}

} // namespace

class tst_ResourceSet : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void postgresServesAFunctionAndSeedsRunOnce();
    void failingSeedNamesTheFileAndIsRetried();
    void sqliteStandsInWithoutPostgres();
    void variablesArrivingLaterRetireRunningInstances();
    void twoPostgresResourcesGiveNoPgVariables();

private:
    QString m_python;
    std::optional<PostgresBinaries> m_binaries;
};

void tst_ResourceSet::initTestCase()
{
    m_binaries = PostgresBinaries::find(
        PostgresBinaries::defaultSearchFolders(qEnvironmentVariable("PATH")));
    m_python = pythonWithPsycopg2();
    // The runner takes the first python3 on PATH: the one with psycopg2.
    if (!m_python.isEmpty())
        qputenv("PATH", (QFileInfo(m_python).absolutePath() + QLatin1Char(':') +
                         qEnvironmentVariable("PATH"))
                            .toUtf8());
}

void tst_ResourceSet::postgresServesAFunctionAndSeedsRunOnce()
{
    if (!m_binaries)
        QSKIP("PostgreSQL is not installed (scripts/setup.sh installs it)");
    if (m_python.isEmpty())
        QSKIP("python3-psycopg2 is not installed (scripts/setup.sh installs it)");
    Harness h;
    QVERIFY(h.make());
    QVERIFY(test::writeFile(h.dir.path(), QStringLiteral("db/schema.sql"),
                            "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL);\n"
                            "INSERT INTO items (name) VALUES ('seeded');\n"));
    ResourceSpec orders;
    orders.seeds = {QStringLiteral("db/schema.sql")};
    h.ws.resources.insert(QStringLiteral("orders"), orders);
    ResourceSpec cache;
    cache.type = QStringLiteral("sqlite");
    h.ws.functions[1].resources.insert(QStringLiteral("cache"), cache); // note's own

    InMemorySecretStore secrets;
    ResourceOptions options;
    options.secrets = &secrets;
    {
        ResourceSet set(h.ws, options);
        const auto started = startAndWait(set);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        QCOMPARE(set.descriptions().size(), 2);
        QVERIFY2(set.descriptions().at(1).contains(QRegularExpression(
                     QStringLiteral("^orders: postgres \\d+ on 127\\.0\\.0\\.1:\\d+ \\(data "
                                    "\\.swb/resources/orders\\)$"))),
                 qPrintable(set.descriptions().join(QLatin1Char('\n'))));
        const auto env = set.environmentByFunction();
        const QString password =
            env.value(QStringLiteral("put")).value(QStringLiteral("PGPASSWORD"));
        QVERIFY(password.size() >= 24);
        QVERIFY(!set.descriptions().join(QLatin1Char(' ')).contains(password));
        // The password is in the secret store, not in a file.
        QCOMPARE(secrets.keys().size(), 1);
        QVERIFY(secrets.keys().first().startsWith(QLatin1String("postgres/orders-")));
        QVERIFY(
            !QFileInfo::exists(h.dir.filePath(QStringLiteral(".swb/resources/orders/password"))));
        QVERIFY(!env.value(QStringLiteral("put")).contains(QStringLiteral("CACHE_URL")));
        QVERIFY(env.value(QStringLiteral("note"))
                    .value(QStringLiteral("CACHE_URL"))
                    .startsWith(QLatin1String("file:///")));

        RunnerOptions ro = RunnerOptions::fromSettings(h.ws.runner, h.runtimeFolder);
        ro.extraEnvironment = env;
        Runner runner(h.ws, ro);
        const QJsonObject first = invokeAndWait(runner, QStringLiteral("put"), R"({"name": "a"})");
        QCOMPARE(names(first), (QStringList{"seeded", "a"}));
        QVERIFY(first.value(QStringLiteral("cache")).isNull());
        const QJsonObject note = invokeAndWait(runner, QStringLiteral("note"), R"({"text": "x"})");
        QCOMPARE(note.value(QStringLiteral("notes")).toVariant().toStringList(), QStringList{"x"});
        QCOMPARE(note.value(QStringLiteral("pg")).toString(), QStringLiteral("127.0.0.1"));
        runner.shutdown();
        std::optional<bool> stopped;
        set.stop([&] { stopped = true; });
        QVERIFY(QTest::qWaitFor([&] { return stopped.has_value(); }, 30000));
        QVERIFY(!PostgresServer::findRunning(h.guard.resourceFolders.first()));
    }
    // Started again: the data is there, and the seed (whose CREATE TABLE would now fail) is
    // not run a second time.
    ResourceSet again(h.ws, options);
    const auto restarted = startAndWait(again);
    QVERIFY2(restarted, qPrintable(restarted ? QString() : restarted.error().message));
    RunnerOptions ro = RunnerOptions::fromSettings(h.ws.runner, h.runtimeFolder);
    ro.extraEnvironment = again.environmentByFunction();
    Runner runner(h.ws, ro);
    QCOMPARE(names(invokeAndWait(runner, QStringLiteral("put"), R"({"name": "b"})")),
             (QStringList{"seeded", "a", "b"}));
    runner.shutdown();
}

void tst_ResourceSet::failingSeedNamesTheFileAndIsRetried()
{
    if (!m_binaries)
        QSKIP("PostgreSQL is not installed (scripts/setup.sh installs it)");
    Harness h;
    QVERIFY(h.make());
    QVERIFY(test::writeFile(h.dir.path(), QStringLiteral("db/bad.sql"),
                            "CREATE TABLE items (id int);\nINSERT INTO nowhere VALUES (1);\n"));
    ResourceSpec orders;
    orders.seeds = {QStringLiteral("db/bad.sql")};
    h.ws.resources.insert(QStringLiteral("orders"), orders);
    ResourceOptions options; // no secret store: the password goes to a 0600 file
    {
        ResourceSet set(h.ws, options);
        const auto started = startAndWait(set);
        QVERIFY(!started);
        QVERIFY2(started.error().message.contains(QLatin1String("db/bad.sql")) &&
                     started.error().message.contains(QLatin1String("nowhere")),
                 qPrintable(started.error().message));
        QVERIFY(!PostgresServer::findRunning(h.guard.resourceFolders.first()));
    }
    const QFileInfo passwordFile(h.dir.filePath(QStringLiteral(".swb/resources/orders/password")));
    QVERIFY(passwordFile.exists());
    QVERIFY(!(passwordFile.permissions() & (QFile::ReadGroup | QFile::ReadOther))); // 0600
    QVERIFY(test::writeFile(h.dir.path(), QStringLiteral("db/bad.sql"),
                            "CREATE TABLE items (id int);\nINSERT INTO items VALUES (1);\n"));
    ResourceSet set(h.ws, options);
    const auto fixed = startAndWait(set);
    QVERIFY2(fixed, qPrintable(fixed ? QString() : fixed.error().message));
    QFile state(h.dir.filePath(QStringLiteral(".swb/resources/orders/swb-state.json")));
    QVERIFY(state.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(state.readAll())
                 .object()
                 .value(QStringLiteral("seeded"))
                 .toVariant()
                 .toStringList(),
             QStringList{QStringLiteral("db/bad.sql")});
}

void tst_ResourceSet::sqliteStandsInWithoutPostgres()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
    Harness h;
    QVERIFY(h.make());
    h.ws.resources.insert(QStringLiteral("cache"), ResourceSpec{}); // postgres, asked for
    QTemporaryDir noBinaries;
    ResourceOptions options;
    options.postgresSearchFolders = QStringList{noBinaries.path()};
    ResourceSet set(h.ws, options);
    QSignalSpy warnings(&set, &ResourceSet::warning);
    const auto started = startAndWait(set);
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    QCOMPARE(warnings.size(), 1);
    QVERIFY(
        warnings.first().first().toString().contains(QLatin1String("PostgreSQL is not installed")));
    QCOMPARE(set.descriptions(),
             QStringList{QStringLiteral("cache: sqlite .swb/resources/cache/cache.sqlite3 "
                                        "(PostgreSQL is not installed, so SQLite stands in)")});
    RunnerOptions ro = RunnerOptions::fromSettings(h.ws.runner, h.runtimeFolder);
    ro.extraEnvironment = set.environmentByFunction();
    Runner runner(h.ws, ro);
    invokeAndWait(runner, QStringLiteral("note"), R"({"text": "one"})");
    const QJsonObject second = invokeAndWait(runner, QStringLiteral("note"), R"({"text": "two"})");
    QCOMPARE(second.value(QStringLiteral("notes")).toVariant().toStringList(),
             (QStringList{"one", "two"}));
    QCOMPARE(second.value(QStringLiteral("path")).toString(),
             h.dir.filePath(QStringLiteral(".swb/resources/cache/cache.sqlite3")));
    QVERIFY(second.value(QStringLiteral("pg")).isNull()); // no PG* without a postgres resource
    runner.shutdown();
}

// The window starts its runner first and the databases after: instances started before the
// variables arrive retire, and the next one has them.
void tst_ResourceSet::variablesArrivingLaterRetireRunningInstances()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
    Harness h;
    QVERIFY(h.make());
    ResourceSpec cache;
    cache.type = QStringLiteral("sqlite");
    h.ws.resources.insert(QStringLiteral("cache"), cache);
    RunnerOptions ro = RunnerOptions::fromSettings(h.ws.runner, h.runtimeFolder);
    Runner runner(h.ws, ro);
    const QJsonObject before = invokeAndWait(runner, QStringLiteral("env"), "{}");
    QVERIFY2(before.value(QStringLiteral("url")).isNull(),
             qPrintable(QJsonDocument(before).toJson()));
    ResourceSet set(h.ws, ResourceOptions{});
    const auto started = startAndWait(set);
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    runner.setExtraEnvironment(set.environmentByFunction());
    const QJsonObject after = invokeAndWait(runner, QStringLiteral("env"), "{}");
    QVERIFY(after.value(QStringLiteral("url")).toString().startsWith(QLatin1String("file:///")));
    QVERIFY(after.value(QStringLiteral("pid")).toInteger() !=
            before.value(QStringLiteral("pid")).toInteger());
    runner.shutdown();
}

// libpq's PG* variables can name one database only: with two, each function gets the URLs.
void tst_ResourceSet::twoPostgresResourcesGiveNoPgVariables()
{
    if (!m_binaries)
        QSKIP("PostgreSQL is not installed (scripts/setup.sh installs it)");
    Harness h;
    QVERIFY(h.make());
    h.ws.resources.insert(QStringLiteral("orders"), ResourceSpec{});
    h.ws.resources.insert(QStringLiteral("users"), ResourceSpec{});
    h.guard.resourceFolders << ResourceSet::resourceFolder(h.ws.folder, QStringLiteral("users"));
    ResourceSet set(h.ws, ResourceOptions{});
    const auto started = startAndWait(set);
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    const QMap<QString, QString> env = set.environmentByFunction().value(QStringLiteral("put"));
    QCOMPARE(env.keys(), (QStringList{"ORDERS_URL", "USERS_URL"}));
    const QUrl orders(env.value(QStringLiteral("ORDERS_URL")));
    const QUrl users(env.value(QStringLiteral("USERS_URL")));
    QCOMPARE(orders.path(), QStringLiteral("/orders"));
    QCOMPARE(users.path(), QStringLiteral("/users"));
    QVERIFY(orders.port() != users.port());
    QVERIFY(orders.password() != users.password());
}

QTEST_GUILESS_MAIN(tst_ResourceSet)
#include "tst_ResourceSet.moc"
