#pragma once
// One PostgreSQL database for the workspace's functions: a cluster of its own in
// .swb/resources/NAME/data started from the machine's binaries on 127.0.0.1 and a free port,
// with a generated password, the database NAME and its seed files run once; a server a crashed
// workbench left running is found and stopped first (docs/resources.md).

#include "Error.h"
#include "PostgresBinaries.h"

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>

#include <functional>
#include <optional>

class QTimer;

namespace swb {

class SecretStore;

class PostgresServer : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kUser = "swb"; // the database role functions log in as

    struct Options {
        QString name;            // the resource: database name and folder name
        QString resourceFolder;  // <workspace>/.swb/resources/NAME
        QString workspaceFolder; // seed files are relative to it
        QStringList seeds;
        PostgresBinaries binaries;
        SecretStore* secrets = nullptr; // nullptr: the password is kept in a 0600 file
        int startTimeoutMs = 30000;
    };
    struct Connection {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 0;
        QString user = QString::fromLatin1(kUser);
        QString password;
        QString database;
        QString url() const; // postgresql://user:password@127.0.0.1:PORT/NAME
    };
    // A postmaster of a data folder that is alive now, whoever started it.
    struct Running {
        qint64 pid = 0;
        quint16 port = 0;
        qint64 ownerPid = 0;     // the workbench that started it (swb-owner.json), 0: unknown
        bool ownerAlive = false; // false: an orphan
    };
    using Done = std::function<void(Result<void>)>;

    PostgresServer(Options options, QObject* parent = nullptr);
    ~PostgresServer() override; // stops the server (bounded wait)

    // Done once, from the event loop. On failure nothing stays running.
    void start(Done done);
    // Fast shutdown (SIGINT), then SIGQUIT and SIGKILL if it does not end in time.
    void stop(std::function<void()> done);
    void stopNow(); // the same, blocking (at exit)
    bool isRunning() const;
    // Another workbench that is still running started it: used as it is, never stopped here.
    bool isShared() const { return m_shared; }
    const Connection& connection() const { return m_connection; }
    QString dataFolder() const;
    QString logFile() const;
    int majorVersion() const; // from the data folder's PG_VERSION

    static std::optional<Running> findRunning(const QString& resourceFolder);
    // Stops the postmaster found in the folder (an orphan, or one `swb resources start` holds).
    static void stopRunning(const QString& resourceFolder, QObject* context,
                            std::function<void(Result<void>)> done);

signals:
    void warning(const QString& message);

private:
    void fail(const Error& error);
    void finish();
    void afterLeftoverCheck();
    void initializeCluster();
    void resetPassword();
    void launch();
    void checkReady();
    void ensureDatabase();
    void runSeed(qsizetype index);
    QStringList seedsDone() const;
    Result<void> recordSeed(const QString& seed);
    void writeOwnerFile();
    void readPassword(std::function<void(std::optional<QString>)> done);
    void savePassword(const QString& password, std::function<void()> done);
    QString secretKey() const;
    // Runs a program to its end (as the server user when `asServerUser`), then `done` with its
    // exit status, standard output and standard error.
    void runTool(const QString& program, const QStringList& arguments, bool asServerUser,
                 const QByteArray& input,
                 std::function<void(bool ok, QByteArray out, QByteArray err)> done,
                 int timeoutMs = 60000);
    QProcessEnvironment psqlEnvironment() const;
    QStringList psqlArguments(const QString& database) const;
    Error serverError(const QString& what) const; // with the tail of the server log

    Options m_options;
    Connection m_connection;
    Done m_done;
    bool m_shared = false;
    bool m_stopping = false;
    QPointer<QProcess> m_server;
    QTimer* m_readyTimer = nullptr;
    qint64 m_logOffset = 0;
    int m_attempt = 0;
    qint64 m_launchedAtMs = 0;
    // Running as root: PostgreSQL refuses, so the server runs as this unprivileged user.
    bool m_dropPrivileges = false;
    uint m_uid = 0;
    uint m_gid = 0;
    QString m_serverUserName;
};

} // namespace swb
