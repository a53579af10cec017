#include "PostgresServer.h"

#include "settings/SecretStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>

#include <cerrno>
#include <csignal>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace swb {

namespace {

constexpr int kStopTimeoutMs = 15000;
constexpr int kPollMs = 50;
constexpr int kLaunchAttempts = 5;
const QString kOwnerFile = QStringLiteral("swb-owner.json");
const QString kStateFile = QStringLiteral("swb-state.json");
const QString kPasswordFile = QStringLiteral("password");

// A zombie counts as dead: an orphan's parent is gone, and where no init reaps (a container's
// first process may not) it stays a zombie for good.
bool processAlive(qint64 pid)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno != EPERM))
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    const char state = close >= 0 && close + 2 < line.size() ? line.at(close + 2) : 'R';
    return state != 'Z' && state != 'X';
}

QString processName(qint64 pid)
{
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    if (!comm.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(comm.readAll()).trimmed();
}

QString ownProcessName()
{
    return processName(::getpid());
}

QStringList readLines(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
}

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

Result<void> writeJson(const QString& path, const QJsonObject& o)
{
    QSaveFile f(path);
    const QByteArray bytes = QJsonDocument(o).toJson();
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return fail(ErrorCode::Io,
                    QStringLiteral("%1 cannot be written: %2.").arg(path, f.errorString()));
    return {};
}

QString generatePassword()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A free TCP port on 127.0.0.1 from the OS. Another program may take it before PostgreSQL
// binds it; launch() then tries another.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString tail(const QString& path, qint64 from, int maxLines = 15)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (from > 0 && from <= f.size())
        f.seek(from);
    QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(QLatin1Char('\n'));
    if (lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    return lines.join(QLatin1Char('\n'));
}

// Every folder from `path` up must be enterable by `uid`/`gid` for the server to reach its
// data; returns the first that is not.
QString unreachableAncestor(const QString& path, uint uid, uint gid)
{
    QString current = QFileInfo(path).absoluteFilePath();
    while (!current.isEmpty()) {
        struct stat st {};
        if (::stat(QFile::encodeName(current).constData(), &st) == 0) {
            const bool enter = st.st_uid == uid   ? (st.st_mode & S_IXUSR)
                               : st.st_gid == gid ? (st.st_mode & S_IXGRP)
                                                  : (st.st_mode & S_IXOTH);
            if (!enter)
                return current;
        }
        if (current == QLatin1String("/"))
            break;
        current = QFileInfo(current).absolutePath();
    }
    return {};
}

} // namespace

QString PostgresServer::Connection::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("postgresql"));
    u.setUserName(user);
    u.setPassword(password);
    u.setHost(host);
    u.setPort(port);
    u.setPath(QLatin1Char('/') + database);
    return u.toString(QUrl::FullyEncoded);
}

PostgresServer::PostgresServer(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_readyTimer(new QTimer(this))
{
    m_connection.database = m_options.name;
    m_readyTimer->setInterval(kPollMs);
    connect(m_readyTimer, &QTimer::timeout, this, &PostgresServer::checkReady);
}

PostgresServer::~PostgresServer()
{
    stopNow();
}

QString PostgresServer::dataFolder() const
{
    return QDir(m_options.resourceFolder).filePath(QStringLiteral("data"));
}

QString PostgresServer::logFile() const
{
    return QDir(m_options.resourceFolder).filePath(QStringLiteral("server.log"));
}

int PostgresServer::majorVersion() const
{
    const QStringList lines = readLines(QDir(dataFolder()).filePath(QStringLiteral("PG_VERSION")));
    return lines.value(0).trimmed().toInt();
}

bool PostgresServer::isRunning() const
{
    return m_shared || (m_server && m_server->state() != QProcess::NotRunning);
}

QString PostgresServer::secretKey() const
{
    // Unique per data folder: two workspaces may both have an "orders".
    const QByteArray hash =
        QCryptographicHash::hash(QFileInfo(m_options.resourceFolder).absoluteFilePath().toUtf8(),
                                 QCryptographicHash::Sha256);
    return QStringLiteral("postgres/%1-%2/password")
        .arg(m_options.name, QString::fromLatin1(hash.toHex().left(12)));
}

std::optional<PostgresServer::Running> PostgresServer::findRunning(const QString& resourceFolder)
{
    const QString data = QDir(resourceFolder).filePath(QStringLiteral("data"));
    const QStringList pidFile = readLines(QDir(data).filePath(QStringLiteral("postmaster.pid")));
    const qint64 pid = pidFile.value(0).trimmed().toLongLong();
    if (!processAlive(pid) || processName(pid) != QLatin1String("postgres"))
        return std::nullopt;
    // A postmaster works in its data folder; where /proc does not say (another user's
    // process), the pid file naming the folder is taken as its word.
    const QString cwd = QFileInfo(QStringLiteral("/proc/%1/cwd").arg(pid)).canonicalFilePath();
    const QString canonicalData = QFileInfo(data).canonicalFilePath();
    if (!cwd.isEmpty() && cwd != canonicalData)
        return std::nullopt;
    if (cwd.isEmpty() && QFileInfo(pidFile.value(1).trimmed()).canonicalFilePath() != canonicalData)
        return std::nullopt;
    Running running;
    running.pid = pid;
    running.port = quint16(pidFile.value(3).trimmed().toUInt());
    const QJsonObject owner = readJson(QDir(resourceFolder).filePath(kOwnerFile));
    if (owner.value(QStringLiteral("postgresPid")).toInteger() == pid) {
        running.ownerPid = owner.value(QStringLiteral("ownerPid")).toInteger();
        running.ownerAlive =
            processAlive(running.ownerPid) &&
            processName(running.ownerPid) == owner.value(QStringLiteral("ownerName")).toString();
    }
    return running;
}

void PostgresServer::stopRunning(const QString& resourceFolder, QObject* context,
                                 std::function<void(Result<void>)> done)
{
    const auto running = findRunning(resourceFolder);
    if (!running) {
        QTimer::singleShot(0, context, [done] { done({}); });
        return;
    }
    const qint64 pid = running->pid;
    ::kill(pid_t(pid), SIGINT); // fast shutdown: clients are disconnected, data is flushed
    auto* timer = new QTimer(context);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    timer->setInterval(kPollMs);
    QObject::connect(timer, &QTimer::timeout, context, [=] {
        if (!processAlive(pid)) {
            timer->deleteLater();
            QFile::remove(QDir(resourceFolder).filePath(kOwnerFile));
            done({});
            return;
        }
        if (clock->elapsed() > kStopTimeoutMs + 5000) {
            ::kill(pid_t(pid), SIGKILL);
        } else if (clock->elapsed() > kStopTimeoutMs) {
            ::kill(pid_t(pid), SIGQUIT); // immediate shutdown
        }
        if (clock->elapsed() > kStopTimeoutMs + 10000) {
            timer->deleteLater();
            done(swb::fail(ErrorCode::Internal,
                           QStringLiteral("PostgreSQL (pid %1) in %2 does not stop even after "
                                          "SIGKILL; stop it by hand.")
                               .arg(pid)
                               .arg(resourceFolder)));
        }
    });
    timer->start();
}

void PostgresServer::start(Done done)
{
    m_done = std::move(done);
    m_stopping = false;
    m_shared = false;
    m_attempt = 0;
    if (!QDir().mkpath(m_options.resourceFolder))
        return fail(Error{ErrorCode::Io,
                          QStringLiteral("%1 cannot be created; check the workspace folder's "
                                         "permissions.")
                              .arg(m_options.resourceFolder),
                          {},
                          {}});
    if (::geteuid() == 0) {
        // PostgreSQL will not run as root (it could then write anywhere); the server and
        // initdb run as the `postgres` user of Debian's package, else as `nobody`.
        m_dropPrivileges = true;
        for (const char* name : {"postgres", "nobody"}) {
            if (const passwd* pw = ::getpwnam(name)) {
                m_uid = pw->pw_uid;
                m_gid = pw->pw_gid;
                m_serverUserName = QString::fromLatin1(name);
                break;
            }
        }
        if (m_serverUserName.isEmpty())
            return fail(Error{ErrorCode::Unsupported,
                              QStringLiteral("PostgreSQL does not run as root and this machine has "
                                             "neither a postgres nor a nobody user to run it as; "
                                             "run the workbench as a normal user."),
                              {},
                              {}});
        if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            return fail(Error{ErrorCode::NotFound,
                              QStringLiteral("PostgreSQL does not run as root, and setpriv (from "
                                             "util-linux) is missing to run it as %1; install "
                                             "util-linux or run as a normal user.")
                                  .arg(m_serverUserName),
                              {},
                              {}});
        if (const QString blocked = unreachableAncestor(m_options.resourceFolder, m_uid, m_gid);
            !blocked.isEmpty())
            return fail(Error{ErrorCode::PermissionDenied,
                              QStringLiteral("PostgreSQL does not run as root, so it runs as user "
                                             "%1, who cannot enter %2; allow it (chmod o+x %2) or "
                                             "keep the workspace in a folder others can enter.")
                                  .arg(m_serverUserName, blocked),
                              {},
                              {}});
    }
    if (const auto running = findRunning(m_options.resourceFolder)) {
        if (running->ownerAlive && running->ownerPid != QCoreApplication::applicationPid()) {
            // Another workbench (the window, `swb resources start`) runs it: share it.
            m_shared = true;
            m_connection.port = running->port;
            readPassword([this](std::optional<QString> password) {
                if (!password)
                    return fail(Error{
                        ErrorCode::NotFound,
                        QStringLiteral("%1 is running for process %2, but its "
                                       "password is not found; stop it there and "
                                       "start again.")
                            .arg(m_options.name)
                            .arg(
                                findRunning(m_options.resourceFolder).value_or(Running{}).ownerPid),
                        {},
                        {}});
                m_connection.password = *password;
                finish();
            });
            return;
        }
        emit warning(QStringLiteral("%1: stopping the PostgreSQL server (pid %2, port %3) that a "
                                    "workbench which ended without stopping it left running.")
                         .arg(m_options.name)
                         .arg(running->pid)
                         .arg(running->port));
        stopRunning(m_options.resourceFolder, this, [this](Result<void> stopped) {
            if (!stopped)
                return fail(stopped.error());
            afterLeftoverCheck();
        });
        return;
    }
    QTimer::singleShot(0, this, &PostgresServer::afterLeftoverCheck);
}

void PostgresServer::afterLeftoverCheck()
{
    QFile::remove(QDir(m_options.resourceFolder).filePath(kOwnerFile));
    // A postmaster that died (killed, a crash) leaves its pid file; PostgreSQL itself would
    // refuse to start while that pid is a zombie or someone else's process.
    if (!findRunning(m_options.resourceFolder))
        QFile::remove(QDir(dataFolder()).filePath(QStringLiteral("postmaster.pid")));
    if (QFileInfo::exists(QDir(dataFolder()).filePath(QStringLiteral("PG_VERSION")))) {
        readPassword([this](std::optional<QString> password) {
            if (password) {
                m_connection.password = *password;
                launch();
            } else {
                resetPassword();
            }
        });
        return;
    }
    initializeCluster();
}

void PostgresServer::initializeCluster()
{
    // What a failed initdb left is removed: it would refuse a non-empty folder.
    QDir(dataFolder()).removeRecursively();
    if (!QDir().mkpath(dataFolder()) ||
        !QFile::setPermissions(dataFolder(),
                               QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return fail(Error{
            ErrorCode::Io, QStringLiteral("%1 cannot be created.").arg(dataFolder()), {}, {}});
    if (m_dropPrivileges && ::chown(QFile::encodeName(dataFolder()).constData(), m_uid, m_gid) != 0)
        return fail(Error{ErrorCode::PermissionDenied,
                          QStringLiteral("%1 cannot be given to user %2 (who runs PostgreSQL).")
                              .arg(dataFolder(), m_serverUserName),
                          {},
                          {}});
    m_connection.password = generatePassword();
    savePassword(m_connection.password, [this] {
        // initdb reads the first password from a file (never from the command line, which
        // every user can see); it is removed right after.
        const QString pwFile =
            QDir(m_options.resourceFolder).filePath(QStringLiteral(".initdb-pw"));
        {
            QFile f(pwFile);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                !f.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
                f.write(m_connection.password.toUtf8() + '\n') < 0)
                return fail(Error{
                    ErrorCode::Io, QStringLiteral("%1 cannot be written.").arg(pwFile), {}, {}});
        }
        if (m_dropPrivileges && ::chown(QFile::encodeName(pwFile).constData(), m_uid, m_gid) != 0)
            return fail(Error{
                ErrorCode::PermissionDenied,
                QStringLiteral("%1 cannot be given to user %2.").arg(pwFile, m_serverUserName),
                {},
                {}});
        const QStringList args = {QStringLiteral("-D"),
                                  dataFolder(),
                                  QStringLiteral("-U"),
                                  QString::fromLatin1(kUser),
                                  QStringLiteral("--pwfile=") + pwFile,
                                  QStringLiteral("--auth-host=scram-sha-256"),
                                  QStringLiteral("--auth-local=scram-sha-256"),
                                  QStringLiteral("-E"),
                                  QStringLiteral("UTF8"),
                                  QStringLiteral("--no-locale")};
        runTool(m_options.binaries.program(QStringLiteral("initdb")), args, true, {},
                [this, pwFile](bool ok, const QByteArray&, const QByteArray& err) {
                    QFile::remove(pwFile);
                    if (!ok) {
                        QDir(dataFolder()).removeRecursively();
                        return fail(
                            Error{ErrorCode::Internal,
                                  QStringLiteral("initdb could not create the database cluster of "
                                                 "%1 in %2: %3")
                                      .arg(m_options.name, dataFolder(),
                                           QString::fromUtf8(err).trimmed().right(600)),
                                  {},
                                  {}});
                    }
                    launch();
                });
    });
}

void PostgresServer::resetPassword()
{
    // The cluster exists but its password was lost (another keychain, a deleted file): a new
    // one is set in single-user mode, which needs no login.
    emit warning(QStringLiteral("%1: the database password was not found; a new one is set.")
                     .arg(m_options.name));
    m_connection.password = generatePassword();
    savePassword(m_connection.password, [this] {
        const QByteArray sql = QByteArrayLiteral("ALTER ROLE ") + kUser +
                               QByteArrayLiteral(" PASSWORD '") + m_connection.password.toUtf8() +
                               QByteArrayLiteral("';\n");
        runTool(
            m_options.binaries.program(QStringLiteral("postgres")),
            {QStringLiteral("--single"), QStringLiteral("-D"), dataFolder(), QStringLiteral("-c"),
             QStringLiteral("unix_socket_directories="), QStringLiteral("postgres")},
            true, sql, [this](bool ok, const QByteArray&, const QByteArray& err) {
                if (!ok)
                    return fail(
                        Error{ErrorCode::Internal,
                              QStringLiteral("The password of %1 could not be reset: "
                                             "%2")
                                  .arg(m_options.name, QString::fromUtf8(err).trimmed().right(600)),
                              {},
                              {}});
                launch();
            });
    });
}

void PostgresServer::launch()
{
    ++m_attempt;
    m_connection.port = freePort();
    if (m_connection.port == 0)
        return fail(
            Error{ErrorCode::Network,
                  QStringLiteral("No free TCP port on 127.0.0.1 for %1.").arg(m_options.name),
                  {},
                  {}});
    m_logOffset = QFileInfo(logFile()).size();
    m_server = new QProcess(this);
    QStringList args = {QStringLiteral("-D"), dataFolder(),
                        QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                        QStringLiteral("-p"), QString::number(m_connection.port),
                        QStringLiteral("-k"), QString(), // no Unix socket: TCP only
                        QStringLiteral("-c"), QStringLiteral("logging_collector=off")};
    QString program = m_options.binaries.program(QStringLiteral("postgres"));
    if (m_dropPrivileges) {
        args = QStringList{QStringLiteral("--reuid=%1").arg(m_uid),
                           QStringLiteral("--regid=%1").arg(m_gid),
                           QStringLiteral("--clear-groups"), QStringLiteral("--"), program} +
               args;
        program = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    }
    m_server->setProgram(program);
    m_server->setArguments(args);
    m_server->setWorkingDirectory(m_options.resourceFolder);
    // Output goes to a file, not a pipe: a server left behind by a crash must not die writing.
    m_server->setStandardOutputFile(logFile(), QIODevice::Append);
    m_server->setStandardErrorFile(logFile(), QIODevice::Append);
    m_server->setStandardInputFile(QProcess::nullDevice());
    // Its own session: Ctrl-C in the terminal reaches swb, which then stops it in order.
    m_server->setChildProcessModifier([] { ::setsid(); });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    m_server->setProcessEnvironment(env);
    m_server->start();
    if (!m_server->waitForStarted(10000))
        return fail(Error{
            ErrorCode::Internal,
            QStringLiteral("%1 could not be started: %2.").arg(program, m_server->errorString()),
            {},
            {}});
    m_launchedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_readyTimer->start();
}

void PostgresServer::checkReady()
{
    if (!m_server) {
        m_readyTimer->stop();
        return;
    }
    if (m_server->state() == QProcess::NotRunning) {
        m_readyTimer->stop();
        const QString log = tail(logFile(), m_logOffset, 40);
        m_server->deleteLater();
        m_server.clear();
        if ((log.contains(QLatin1String("Address already in use")) ||
             log.contains(QLatin1String("could not create any TCP/IP sockets"))) &&
            m_attempt < kLaunchAttempts)
            return launch(); // another program took the port first
        return fail(serverError(
            QStringLiteral("PostgreSQL for %1 exited while starting").arg(m_options.name)));
    }
    // postmaster.pid's eighth line is the server's state; "ready" once it accepts connections.
    const QStringList pidFile =
        readLines(QDir(dataFolder()).filePath(QStringLiteral("postmaster.pid")));
    if (pidFile.value(0).trimmed().toLongLong() == m_server->processId() &&
        pidFile.value(7).trimmed() == QLatin1String("ready")) {
        m_readyTimer->stop();
        writeOwnerFile();
        ensureDatabase();
        return;
    }
    if (QDateTime::currentMSecsSinceEpoch() - m_launchedAtMs > m_options.startTimeoutMs) {
        m_readyTimer->stop();
        const Error e = serverError(QStringLiteral("PostgreSQL for %1 was not ready after %2 s")
                                        .arg(m_options.name)
                                        .arg(m_options.startTimeoutMs / 1000));
        stopNow();
        fail(e);
    }
}

void PostgresServer::writeOwnerFile()
{
    const QJsonObject owner{
        {QStringLiteral("ownerPid"), QCoreApplication::applicationPid()},
        {QStringLiteral("ownerName"), ownProcessName()},
        {QStringLiteral("postgresPid"), m_server ? m_server->processId() : 0},
        {QStringLiteral("port"), m_connection.port},
        {QStringLiteral("startedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
    };
    if (auto written = writeJson(QDir(m_options.resourceFolder).filePath(kOwnerFile), owner);
        !written)
        emit warning(written.error().message);
}

QProcessEnvironment PostgresServer::psqlEnvironment() const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"),
               qEnvironmentVariable("PATH", QStringLiteral("/usr/local/bin:/usr/bin:/bin")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("PGPASSWORD"), m_connection.password); // not on the command line
    env.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("10"));
    env.insert(QStringLiteral("PGCLIENTENCODING"), QStringLiteral("UTF8"));
    return env;
}

QStringList PostgresServer::psqlArguments(const QString& database) const
{
    return {QStringLiteral("-X"), QStringLiteral("-q"),
            QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
            QStringLiteral("-h"), m_connection.host,
            QStringLiteral("-p"), QString::number(m_connection.port),
            QStringLiteral("-U"), m_connection.user,
            QStringLiteral("-d"), database};
}

void PostgresServer::ensureDatabase()
{
    const QStringList query =
        psqlArguments(QStringLiteral("postgres")) +
        QStringList{
            QStringLiteral("-tA"), QStringLiteral("-c"),
            QStringLiteral("SELECT 1 FROM pg_database WHERE datname = '%1'").arg(m_options.name)};
    runTool(m_options.binaries.program(QStringLiteral("psql")), query, false, {},
            [this](bool ok, const QByteArray& out, const QByteArray& err) {
                if (!ok) {
                    const Error e{ErrorCode::Internal,
                                  QStringLiteral("psql cannot reach PostgreSQL for %1: %2")
                                      .arg(m_options.name, QString::fromUtf8(err).trimmed()),
                                  {},
                                  {}};
                    stopNow();
                    return fail(e);
                }
                if (out.trimmed() == "1")
                    return runSeed(0);
                // The name is checked ([a-z][a-z0-9_]*), so it needs no quoting.
                runTool(m_options.binaries.program(QStringLiteral("psql")),
                        psqlArguments(QStringLiteral("postgres")) +
                            QStringList{QStringLiteral("-c"),
                                        QStringLiteral("CREATE DATABASE %1").arg(m_options.name)},
                        false, {}, [this](bool created, const QByteArray&, const QByteArray& e2) {
                            if (!created) {
                                const Error e{
                                    ErrorCode::Internal,
                                    QStringLiteral("The database %1 could not be "
                                                   "created: %2")
                                        .arg(m_options.name, QString::fromUtf8(e2).trimmed()),
                                    {},
                                    {}};
                                stopNow();
                                return fail(e);
                            }
                            runSeed(0);
                        });
            });
}

QStringList PostgresServer::seedsDone() const
{
    const QJsonObject state = readJson(QDir(m_options.resourceFolder).filePath(kStateFile));
    return state.value(QStringLiteral("seeded")).toVariant().toStringList();
}

Result<void> PostgresServer::recordSeed(const QString& seed)
{
    QStringList done = seedsDone();
    done << seed;
    QJsonObject state = readJson(QDir(m_options.resourceFolder).filePath(kStateFile));
    state.insert(QStringLiteral("seeded"), QJsonArray::fromStringList(done));
    return writeJson(QDir(m_options.resourceFolder).filePath(kStateFile), state);
}

void PostgresServer::runSeed(qsizetype index)
{
    if (index >= m_options.seeds.size())
        return finish();
    const QString seed = m_options.seeds.at(index);
    if (seedsDone().contains(seed))
        return runSeed(index + 1);
    const QString file = QDir(m_options.workspaceFolder).filePath(seed);
    // -1: one transaction, so a failing file leaves nothing half-done and runs whole next time.
    runTool(m_options.binaries.program(QStringLiteral("psql")),
            psqlArguments(m_options.name) +
                QStringList{QStringLiteral("-1"), QStringLiteral("-f"), file},
            false, {}, [this, seed, index](bool ok, const QByteArray&, const QByteArray& err) {
                if (!ok)
                    // The server stays up: the file can be fixed and the start retried.
                    return fail(Error{
                        ErrorCode::Validation,
                        QStringLiteral("The seed file %1 of %2 failed and was rolled "
                                       "back: %3")
                            .arg(seed, m_options.name, QString::fromUtf8(err).trimmed().right(800)),
                        {},
                        {}});
                if (auto recorded = recordSeed(seed); !recorded)
                    return fail(recorded.error());
                runSeed(index + 1);
            });
}

void PostgresServer::readPassword(std::function<void(std::optional<QString>)> done)
{
    QFile file(QDir(m_options.resourceFolder).filePath(kPasswordFile));
    if (file.open(QIODevice::ReadOnly)) {
        const QString password = QString::fromUtf8(file.readAll()).trimmed();
        QTimer::singleShot(0, this, [done, password] {
            done(password.isEmpty() ? std::nullopt : std::optional<QString>(password));
        });
        return;
    }
    if (!m_options.secrets) {
        QTimer::singleShot(0, this, [done] { done(std::nullopt); });
        return;
    }
    m_options.secrets->readSecret(secretKey(), [done](Result<QString> read) {
        done(read && !read->isEmpty() ? std::optional<QString>(*read) : std::nullopt);
    });
}

void PostgresServer::savePassword(const QString& password, std::function<void()> done)
{
    const QString path = QDir(m_options.resourceFolder).filePath(kPasswordFile);
    auto toFile = [this, path, password, done] {
        QSaveFile file(path);
        const QByteArray bytes = password.toUtf8() + '\n';
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
            file.write(bytes) != bytes.size() || !file.commit())
            return fail(Error{ErrorCode::Io,
                              QStringLiteral("The database password cannot be kept in %1: %2.")
                                  .arg(path, file.errorString()),
                              {},
                              {}});
        done();
    };
    if (!m_options.secrets)
        return toFile();
    m_options.secrets->writeSecret(
        secretKey(), password, [this, path, toFile, done](Result<void> written) {
            if (written) {
                QFile::remove(path); // the keychain holds it now
                return done();
            }
            emit warning(QStringLiteral("%1: the keychain did not take the database password (%2); "
                                        "it is kept in %3, readable by you only.")
                             .arg(m_options.name, written.error().message, path));
            toFile();
        });
}

void PostgresServer::runTool(const QString& program, const QStringList& arguments,
                             bool asServerUser, const QByteArray& input,
                             std::function<void(bool, QByteArray, QByteArray)> done, int timeoutMs)
{
    auto* process = new QProcess(this);
    QString exe = program;
    QStringList args = arguments;
    if (asServerUser && m_dropPrivileges) {
        args = QStringList{QStringLiteral("--reuid=%1").arg(m_uid),
                           QStringLiteral("--regid=%1").arg(m_gid),
                           QStringLiteral("--clear-groups"), QStringLiteral("--"), program} +
               args;
        exe = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    }
    process->setWorkingDirectory(m_options.resourceFolder);
    process->setProcessEnvironment(asServerUser ? QProcessEnvironment::systemEnvironment()
                                                : psqlEnvironment());
    auto* timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [process] { process->kill(); });
    auto finished = std::make_shared<bool>(false);
    connect(process, &QProcess::finished, this,
            [process, done, finished](int code, QProcess::ExitStatus status) {
                if (*finished)
                    return;
                *finished = true;
                const QByteArray out = process->readAllStandardOutput();
                const QByteArray err = process->readAllStandardError();
                process->deleteLater();
                done(status == QProcess::NormalExit && code == 0, out,
                     err.isEmpty() && code != 0 ? out : err);
            });
    connect(process, &QProcess::errorOccurred, this,
            [process, done, finished, exe](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart || *finished)
                    return;
                *finished = true;
                process->deleteLater();
                done(false, {}, (exe + QStringLiteral(": ") + process->errorString()).toUtf8());
            });
    process->start(exe, args);
    if (!input.isEmpty())
        process->write(input);
    process->closeWriteChannel();
    timer->start(timeoutMs);
}

Error PostgresServer::serverError(const QString& what) const
{
    const QString log = tail(logFile(), m_logOffset);
    return Error{ErrorCode::Internal,
                 QStringLiteral("%1; its log (%2) ends with:\n%3")
                     .arg(what, logFile(), log.isEmpty() ? QStringLiteral("(nothing)") : log),
                 {},
                 {}};
}

void PostgresServer::fail(const Error& error)
{
    if (!m_done)
        return;
    auto done = std::move(m_done);
    m_done = nullptr;
    done(std::unexpected(error));
}

void PostgresServer::finish()
{
    if (!m_done)
        return;
    auto done = std::move(m_done);
    m_done = nullptr;
    done({});
}

void PostgresServer::stop(std::function<void()> done)
{
    m_readyTimer->stop();
    if (m_shared || !m_server || m_server->state() == QProcess::NotRunning) {
        m_shared = false;
        QTimer::singleShot(0, this, [done] { done(); });
        return;
    }
    m_stopping = true;
    QPointer<QProcess> server = m_server;
    const qint64 pid = server->processId();
    auto* escalate = new QTimer(this);
    escalate->setSingleShot(true);
    connect(escalate, &QTimer::timeout, this, [server, pid] {
        if (server && server->state() != QProcess::NotRunning)
            ::kill(pid_t(pid), SIGKILL);
    });
    connect(server, &QProcess::finished, this, [this, escalate, done, server] {
        escalate->stop();
        escalate->deleteLater();
        QFile::remove(QDir(m_options.resourceFolder).filePath(kOwnerFile));
        if (server)
            server->deleteLater();
        m_stopping = false;
        done();
    });
    ::kill(pid_t(pid), SIGINT);
    escalate->start(kStopTimeoutMs);
}

void PostgresServer::stopNow()
{
    m_readyTimer->stop();
    if (m_shared) {
        m_shared = false;
        return;
    }
    if (!m_server || m_server->state() == QProcess::NotRunning)
        return;
    const qint64 pid = m_server->processId();
    m_server->disconnect(this);
    ::kill(pid_t(pid), SIGINT);
    if (!m_server->waitForFinished(kStopTimeoutMs)) {
        ::kill(pid_t(pid), SIGKILL);
        m_server->waitForFinished(5000);
    }
    QFile::remove(QDir(m_options.resourceFolder).filePath(kOwnerFile));
    delete m_server.data();
}

} // namespace swb
