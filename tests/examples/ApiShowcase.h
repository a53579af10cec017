#pragma once
// `swb serve` on a temporary copy of one of the API examples that keep their data in
// PostgreSQL (web-api, saas-api, mobile-backend), for the tst_Showcase* tests (they get
// SWB_CLI_PATH and Qt6::Network). It finds a python3 that imports psycopg2 and puts its folder
// first in the PATH swb gives the functions, issues tokens with `swb token issue`, calls the
// gateway, and reads the database directly with psql. The destructor is the guard: it stops
// the server (SIGTERM: swb stops its instances and databases), falls back to
// `swb resources stop`, and only then removes the copy, so a test failing half-way leaves no
// postgres behind.

#include "ServedExample.h"

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
    using Reply = ServedExample::Reply;
    struct Run {
        int exitCode = -1; // -1: did not finish or crashed
        QByteArray out;
        QByteArray err;
    };

    ApiShowcase(const QString& example, const QString& database)
        : m_database(database), m_served(example)
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
    QString copyExample() { return m_served.copy(); }

    // Copies the example and starts `swb serve` on a free port; empty when it listens with its
    // database up, else what went wrong (for QVERIFY2).
    QString start()
    {
        m_served.setEnvironment(m_env);
        return m_served.start();
    }

    // Stops the server and so its database; true when no process of the copy is left.
    bool stop()
    {
        m_served.stop();
        if (m_served.isValid() && !processesInCopy().isEmpty())
            swb({QStringLiteral("resources"), QStringLiteral("stop")}); // a killed serve's orphan
        return processesInCopy().isEmpty();
    }

    // Processes (postgres above all) whose command line names the copy: none once stopped.
    QStringList processesInCopy() const
    {
        QStringList found;
        if (!m_served.isValid())
            return found;
        const QByteArray copy = folder().toUtf8();
        for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            if (pid.toLongLong() <= 0)
                continue;
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (!cmdline.open(QIODevice::ReadOnly))
                continue;
            QByteArray line = cmdline.readAll();
            if (!line.contains(copy))
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
                args + QStringList{QStringLiteral("--workspace"), folder()});
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
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!token.isEmpty())
            headers.append({"Authorization", "Bearer " + token});
        return m_served.request(method, path, body, headers);
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
        QFile passwordFile(folder() +
                           QStringLiteral("/.swb/resources/%1/password").arg(m_database));
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

    QString folder() const { return m_served.folder(); }
    quint16 port() const { return m_served.port(); }
    QString log() const { return m_served.log(); }

private:
    QString m_database;
    ServedExample m_served; // the copy, the server, the requests
    QProcessEnvironment m_env;
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
