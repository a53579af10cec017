#pragma once
// The databases a workspace declares ("resources"), started together before its functions
// run: PostgreSQL where the machine has it, SQLite otherwise; their connections become the
// functions' environment variables (NAME_URL, PG*). See docs/resources.md.

#include "Error.h"
#include "model/Workspace.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace swb {

class PostgresServer;
class SecretStore;

struct ResourceOptions {
    // Where initdb, postgres and psql are looked for; unset: PATH, then
    // /usr/lib/postgresql/*/bin (PostgresBinaries::defaultSearchFolders).
    std::optional<QStringList> postgresSearchFolders;
    SecretStore* secrets = nullptr; // nullptr: passwords in 0600 files under .swb/resources
    int startTimeoutMs = 30000;
};

class ResourceSet : public QObject {
    Q_OBJECT
public:
    // One declared resource as it is on disk now, without starting anything.
    struct Status {
        enum class State { Stopped, Running, Orphaned, File };
        QString name;
        QString type; // what it runs as: "postgres" or "sqlite"
        State state = State::Stopped;
        qint64 pid = 0; // the postmaster
        quint16 port = 0;
        qint64 ownerPid = 0; // the workbench that started it
        QString where;       // the data folder or file, relative to the workspace
    };

    ResourceSet(const Workspace& workspace, ResourceOptions options, QObject* parent = nullptr);
    ~ResourceSet() override; // stops what it started (bounded wait)

    bool isEmpty() const { return m_declared.isEmpty(); }
    // Starts every resource in name order; `done` once. On failure what was started is stopped.
    void start(std::function<void(Result<void>)> done);
    void stop(std::function<void()> done);
    void stopNow();
    // One line per started resource: "orders: postgres 15 on 127.0.0.1:54012 (data
    // .swb/resources/orders)".
    QStringList descriptions() const { return m_descriptions; }
    // The variables each function gets: its workspace's resources and its own.
    QHash<QString, QMap<QString, QString>> environmentByFunction() const;

    static QString resourceFolder(const QString& workspaceFolder, const QString& name);
    static QList<Status> status(const Workspace& workspace, const ResourceOptions& options = {});
    static QString stateName(Status::State state);

signals:
    // Something the user should know: a fallback to SQLite, an orphan stopped.
    void warning(const QString& message);

private:
    struct Declared {
        QString name;
        ResourceSpec spec;
        QString function; // empty: the workspace's, shared by every function
    };
    struct Started {
        QMap<QString, QString> variables;         // NAME_URL (+ NAME_PATH for sqlite)
        QMap<QString, QString> postgresVariables; // PGHOST ... for a postgres one
    };
    static QList<Declared> declaredResources(const Workspace& workspace);
    void startNext(qsizetype index);
    void finishStart(Result<void> result);

    Workspace m_workspace;
    ResourceOptions m_options;
    QList<Declared> m_declared;
    std::function<void(Result<void>)> m_done;
    QList<PostgresServer*> m_servers; // owned (children)
    QHash<QString, Started> m_started;
    QStringList m_descriptions;
};

} // namespace swb
