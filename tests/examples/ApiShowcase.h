#pragma once
// `swb serve` on a temporary copy of one of the API examples that keep their data in
// PostgreSQL (web-api, saas-api, mobile-backend), for the tst_Showcase* tests (they get
// SWB_CLI_PATH and Qt6::Network). It finds a python3 that imports psycopg2 and puts its folder
// first in the PATH swb gives the functions, issues tokens with `swb token issue`, calls the
// gateway, and reads the database directly with psql. The destructor is the guard: it stops
// the server (SIGTERM: swb stops its instances and databases), falls back to
// `swb resources stop`, and only then removes the copy, so a test failing half-way leaves no
// postgres behind.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

namespace swb::test {

// A python3 that can import psycopg2: Debian's /usr/bin/python3 with python3-psycopg2 first
// (a pyenv or venv python3 earlier on PATH usually lacks it); empty when there is none.
inline QString pythonWithPsycopg2()
{
    for (const QString& candidate : {QStringLiteral("/usr/bin/python3"),
                                     QStandardPaths::findExecutable(QStringLiteral("python3"))}) {
        if (candidate.isEmpty() || !QFileInfo(candidate).isExecutable())
            continue;
        QProcess p;
        p.start(candidate, {QStringLiteral("-c"), QStringLiteral("import psycopg2")});
        if (p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return candidate;
    }
    return {};
}

// psql of the PostgreSQL the workbench starts (PATH, else Debian's /usr/lib/postgresql/N/bin,
// highest version first); empty when PostgreSQL is not installed.
inline QString psqlProgram()
{
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("psql"));
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(found.begin(), found.end(),
              [](const QString& a, const QString& b) { return a.toInt() > b.toInt(); });
    for (const QString& v : found) {
        const QString bin = versions.filePath(v + QStringLiteral("/bin/"));
        if (QFileInfo(bin + QStringLiteral("initdb")).isExecutable() &&
            QFileInfo(bin + QStringLiteral("psql")).isExecutable())
            return bin + QStringLiteral("psql");
    }
    return QStandardPaths::findExecutable(QStringLiteral("initdb")).isEmpty() ? QString() : onPath;
}

// Why the example cannot run here, or empty: it needs PostgreSQL and psycopg2.
inline QString showcasePrerequisitesMissing()
{
    if (psqlProgram().isEmpty())
        return QStringLiteral("PostgreSQL is not installed (apt-get install postgresql; "
                              "scripts/setup.sh installs it): the example keeps its data in it");
    if (pythonWithPsycopg2().isEmpty())
        return QStringLiteral("no python3 imports psycopg2 (apt-get install python3-psycopg2; "
                              "scripts/setup.sh installs it)");
    return {};
}

class ApiShowcase {
public:
    struct Reply {
        int status = 0; // 0: no answer in time
        QByteArray body;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };
    struct Run {
        int exitCode = -1; // -1: did not finish or crashed
        QByteArray out;
        QByteArray err;
    };

    ApiShowcase(const QString& example, const QString& database)
        : m_example(example), m_database(database)
    {
        const QString python = pythonWithPsycopg2();
        m_env = QProcessEnvironment::systemEnvironment();
        if (!python.isEmpty())
            m_env.insert(QStringLiteral("PATH"), QFileInfo(python).absolutePath() +
                                                     QLatin1Char(':') +
                                                     m_env.value(QStringLiteral("PATH")));
        // The database password in .swb/resources/NAME/password rather than a keychain, so
        // databaseQuery() can read it.
        m_env.insert(QStringLiteral("SWB_NO_KEYCHAIN"), QStringLiteral("1"));
        m_env.remove(QStringLiteral("SWB_POSTGRES_BIN"));
    }
    ~ApiShowcase() { stop(); }
    ApiShowcase(const ApiShowcase&) = delete;
    ApiShowcase& operator=(const ApiShowcase&) = delete;

    // Copies the example into the temporary folder (once); empty, else what went wrong.
    QString copyExample()
    {
        if (m_copied)
            return {};
        if (!m_dir.isValid())
            return QStringLiteral("cannot create a temporary folder");
        // As root, PostgreSQL runs as another user, who must enter the (0700) folder.
        QFile::setPermissions(m_dir.path(), QFile::permissions(m_dir.path()) | QFile::ExeOther |
                                                QFile::ReadOther | QFile::ExeGroup |
                                                QFile::ReadGroup);
        const QDir source(QStringLiteral(SWB_SOURCE_DIR "/examples/") + m_example);
        if (!source.exists(QStringLiteral("workbench.json")))
            return QStringLiteral("no example %1").arg(source.path());
        QDirIterator it(source.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString relative = source.relativeFilePath(file);
            if (relative.startsWith(QLatin1String(".swb/")) || relative.contains(u"__pycache__"))
                continue;
            const QString target = m_dir.filePath(relative);
            if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(file, target))
                return QStringLiteral("cannot copy %1 to %2").arg(file, target);
        }
        m_copied = true;
        return {};
    }

    // Copies the example and starts `swb serve` on a free port; empty when it listens with its
    // database up, else what went wrong (for QVERIFY2).
    QString start()
    {
        if (const QString copied = copyExample(); !copied.isEmpty())
            return copied;
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(m_env);
        QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                         [this] { m_log += m_process->readAllStandardError(); });
        m_process->start(QStringLiteral(SWB_CLI_PATH),
                         {QStringLiteral("serve"), QStringLiteral("--workspace"), m_dir.path(),
                          QStringLiteral("--port"), QStringLiteral("0")});
        if (!m_process->waitForStarted())
            return QStringLiteral("swb did not start: %1").arg(m_process->errorString());
        // The first line names the port once the databases are up and the routes are served.
        if (!QTest::qWaitFor(
                [this] {
                    return m_process->canReadLine() || m_process->state() == QProcess::NotRunning;
                },
                45000) ||
            !m_process->canReadLine())
            return QStringLiteral("swb serve printed no address: %1").arg(log());
        const QString first = QString::fromUtf8(m_process->readLine()).trimmed();
        m_port = quint16(first.section(QLatin1Char(':'), -1).toUInt());
        if (!first.startsWith(QLatin1String("listening on http://127.0.0.1:")) || m_port == 0)
            return QStringLiteral("unexpected first line \"%1\": %2").arg(first, log());
        return {};
    }

    // Stops the server and so its database; true when no process of the copy is left.
    bool stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            ::kill(pid_t(m_process->processId()), SIGTERM);
            if (!m_process->waitForFinished(20000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        if (m_dir.isValid() && !processesInCopy().isEmpty())
            swb({QStringLiteral("resources"), QStringLiteral("stop")}); // a killed serve's orphan
        return processesInCopy().isEmpty();
    }

    // Processes (postgres above all) whose command line names the copy: none once stopped.
    QStringList processesInCopy() const
    {
        QStringList found;
        if (!m_dir.isValid())
            return found;
        const QByteArray folder = m_dir.path().toUtf8();
        for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            if (pid.toLongLong() <= 0)
                continue;
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (!cmdline.open(QIODevice::ReadOnly))
                continue;
            QByteArray line = cmdline.readAll();
            if (!line.contains(folder))
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (stat.open(QIODevice::ReadOnly) && stat.readAll().contains(") Z "))
                continue; // a zombie is gone, just not reaped
            found << pid + QLatin1Char(' ') + QString::fromUtf8(line.replace('\0', ' '));
        }
        return found;
    }

    // `swb ARGS --workspace COPY` with the test's environment.
    Run swb(const QStringList& args) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral(SWB_CLI_PATH),
                args + QStringList{QStringLiteral("--workspace"), m_dir.path()});
        Run run;
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished(5000);
            run.err = "swb did not finish within 30 s";
            return run;
        }
        run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        run.out = p.readAllStandardOutput();
        run.err = p.readAllStandardError();
        return run;
    }

    // `swb token issue --user USER --scope S… --claim C…`: the token, empty on failure.
    QByteArray token(const QString& user, const QStringList& scopes,
                     const QStringList& claims = {}) const
    {
        QStringList args = {QStringLiteral("token"), QStringLiteral("issue"),
                            QStringLiteral("--user"), user};
        for (const QString& s : scopes)
            args << QStringLiteral("--scope") << s;
        for (const QString& c : claims)
            args << QStringLiteral("--claim") << c;
        const Run run = swb(args);
        return run.exitCode == 0 ? run.out.trimmed() : QByteArray();
    }

    // A request through the gateway; with a token, as `Authorization: Bearer TOKEN`.
    Reply request(const QByteArray& method, const QString& path, const QByteArray& token = {},
                  const QByteArray& body = {})
    {
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QStringLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, method, body));
        Reply r;
        if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, 30000))
            return r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        return r;
    }

    // Runs SQL with psql straight against the database swb started (its port from
    // `swb resources status`, the password from the file swb keeps without a keychain):
    // psql's unaligned, tuples-only output, or an error text starting with "error: ".
    QString databaseQuery(const QString& sql) const
    {
        const Run status =
            swb({QStringLiteral("resources"), QStringLiteral("status"), QStringLiteral("--json")});
        int port = 0;
        for (const QJsonValue& r : QJsonDocument::fromJson(status.out).array()) {
            const QJsonObject o = r.toObject();
            if (o.value(QStringLiteral("name")).toString() == m_database &&
                o.value(QStringLiteral("type")).toString() == QLatin1String("postgres") &&
                o.value(QStringLiteral("state")).toString() == QLatin1String("running"))
                port = o.value(QStringLiteral("port")).toInt();
        }
        if (port == 0)
            return QStringLiteral("error: %1 is not a running PostgreSQL: %2")
                .arg(m_database, QString::fromUtf8(status.out + status.err));
        QFile passwordFile(
            m_dir.filePath(QStringLiteral(".swb/resources/%1/password").arg(m_database)));
        if (!passwordFile.open(QIODevice::ReadOnly))
            return QStringLiteral("error: no password file %1").arg(passwordFile.fileName());
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("PGPASSWORD"),
                   QString::fromUtf8(passwordFile.readAll()).trimmed());
        QProcess psql;
        psql.setProcessEnvironment(env);
        psql.start(psqlProgram(),
                   {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                    QString::number(port), QStringLiteral("-U"), QStringLiteral("swb"),
                    QStringLiteral("-d"), m_database, QStringLiteral("-X"), QStringLiteral("-A"),
                    QStringLiteral("-t"), QStringLiteral("-q"), QStringLiteral("-v"),
                    QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql});
        if (!psql.waitForFinished(20000) || psql.exitCode() != 0)
            return QStringLiteral("error: psql failed: ") +
                   QString::fromUtf8(psql.readAllStandardError());
        return QString::fromUtf8(psql.readAllStandardOutput()).trimmed();
    }

    QString folder() const { return m_dir.path(); }
    quint16 port() const { return m_port; }
    QString log() const { return QString::fromUtf8(m_log); }

private:
    QString m_example;
    QString m_database;
    QTemporaryDir m_dir; // declared first: removed after the server has stopped
    QProcessEnvironment m_env;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    quint16 m_port = 0;
    bool m_copied = false;
    QNetworkAccessManager m_network;
};

// The numbers `swb cost` prints for a scenario, from its own --json output.
struct ScenarioCost {
    QString error;                    // empty when both commands answered
    double monthly = 0;               // the scenario's total a month
    double serverMonthly = 0;         // the always-on server --break-even compares with
    double breakEvenInvocations = -1; // -1: the function stays cheaper up to the search limit
};

inline ScenarioCost scenarioCost(const ApiShowcase& showcase, const QString& scenario)
{
    ScenarioCost cost;
    const auto priced = showcase.swb(
        {QStringLiteral("cost"), QStringLiteral("--scenario"), scenario, QStringLiteral("--json")});
    const auto even = showcase.swb({QStringLiteral("cost"), QStringLiteral("--scenario"), scenario,
                                    QStringLiteral("--break-even"), QStringLiteral("--json")});
    if (priced.exitCode != 0 || even.exitCode != 0) {
        cost.error = QString::fromUtf8(priced.err + even.err);
        return cost;
    }
    const QJsonObject bill = QJsonDocument::fromJson(priced.out).object();
    const QJsonObject breakEven = QJsonDocument::fromJson(even.out).object();
    bool ok1 = false, ok2 = false;
    cost.monthly = bill.value(QStringLiteral("total")).toString().toDouble(&ok1);
    cost.serverMonthly = breakEven.value(QStringLiteral("serverMonthly")).toString().toDouble(&ok2);
    if (!ok1 || !ok2)
        cost.error = QStringLiteral("unexpected JSON: %1 %2")
                         .arg(QString::fromUtf8(priced.out), QString::fromUtf8(even.out));
    const QJsonValue volume = breakEven.value(QStringLiteral("invocationsPerMonth"));
    if (volume.isDouble())
        cost.breakEvenInvocations = volume.toDouble();
    return cost;
}

// The scenario's invocations a month, as workbench.json says.
inline double scenarioInvocations(const ApiShowcase& showcase, const QString& scenario)
{
    QFile file(showcase.folder() + QStringLiteral("/workbench.json"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QJsonValue& s : QJsonDocument::fromJson(file.readAll())
                                   .object()
                                   .value(QStringLiteral("scenarios"))
                                   .toArray())
        if (s.toObject().value(QStringLiteral("name")).toString() == scenario)
            return s.toObject().value(QStringLiteral("invocationsPerMonth")).toDouble();
    return -1;
}

} // namespace swb::test
