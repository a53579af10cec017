#include "ResourceSet.h"

#include "PostgresBinaries.h"
#include "PostgresServer.h"
#include "SqliteDatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace swb {

ResourceSet::ResourceSet(const Workspace& workspace, ResourceOptions options, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_options(std::move(options)),
      m_declared(declaredResources(workspace))
{}

ResourceSet::~ResourceSet()
{
    stopNow();
}

QString ResourceSet::resourceFolder(const QString& workspaceFolder, const QString& name)
{
    return QDir(workspaceFolder).filePath(QStringLiteral(".swb/resources/") + name);
}

QList<ResourceSet::Declared> ResourceSet::declaredResources(const Workspace& workspace)
{
    QList<Declared> out;
    for (auto it = workspace.resources.begin(); it != workspace.resources.end(); ++it)
        out.append(Declared{it.key(), it.value(), {}});
    for (const FunctionSpec& f : workspace.functions) {
        for (auto it = f.resources.begin(); it != f.resources.end(); ++it)
            out.append(Declared{it.key(), it.value(), f.name});
    }
    std::sort(out.begin(), out.end(),
              [](const Declared& a, const Declared& b) { return a.name < b.name; });
    return out;
}

namespace {

std::optional<PostgresBinaries> findBinaries(const ResourceOptions& options)
{
    return PostgresBinaries::find(
        options.postgresSearchFolders
            ? *options.postgresSearchFolders
            : PostgresBinaries::defaultSearchFolders(qEnvironmentVariable("PATH")));
}

} // namespace

void ResourceSet::start(std::function<void(Result<void>)> done)
{
    m_done = std::move(done);
    m_descriptions.clear();
    m_started.clear();
    QTimer::singleShot(0, this, [this] { startNext(0); });
}

void ResourceSet::startNext(qsizetype index)
{
    if (index >= m_declared.size())
        return finishStart({});
    const Declared& d = m_declared.at(index);
    const QString folder = resourceFolder(m_workspace.folder, d.name);
    const QString shownFolder = QDir(m_workspace.folder).relativeFilePath(folder);
    const QString prefix = ResourceSpec::environmentPrefix(d.name);
    std::optional<PostgresBinaries> binaries;
    if (d.spec.isPostgres())
        binaries = findBinaries(m_options);
    if (!binaries) {
        QString note;
        if (d.spec.isPostgres()) {
            note = QStringLiteral(" (PostgreSQL is not installed, so SQLite stands in)");
            emit warning(QStringLiteral("%1: PostgreSQL is not installed (no initdb, postgres and "
                                        "psql on PATH or in /usr/lib/postgresql/*/bin), so it is "
                                        "an SQLite file instead; install it with: apt-get install "
                                        "postgresql.")
                             .arg(d.name));
        }
        const auto file = SqliteDatabase::prepare(d.name, folder, m_workspace.folder, d.spec.seeds);
        if (!file)
            return finishStart(std::unexpected(file.error()));
        Started s;
        s.variables.insert(prefix + QStringLiteral("_URL"),
                           QUrl::fromLocalFile(*file).toString(QUrl::FullyEncoded));
        s.variables.insert(prefix + QStringLiteral("_PATH"), *file);
        m_started.insert(d.name, s);
        m_descriptions << QStringLiteral("%1: sqlite %2%3")
                              .arg(d.name, QDir(m_workspace.folder).relativeFilePath(*file), note);
        QTimer::singleShot(0, this, [this, index] { startNext(index + 1); });
        return;
    }
    PostgresServer::Options o;
    o.name = d.name;
    o.resourceFolder = folder;
    o.workspaceFolder = m_workspace.folder;
    o.seeds = d.spec.seeds;
    o.binaries = *binaries;
    o.secrets = m_options.secrets;
    o.startTimeoutMs = m_options.startTimeoutMs;
    auto* server = new PostgresServer(o, this);
    m_servers.append(server);
    connect(server, &PostgresServer::warning, this, &ResourceSet::warning);
    server->start([this, server, index, prefix, shownFolder, name = d.name](Result<void> started) {
        if (!started)
            return finishStart(std::unexpected(started.error()));
        const PostgresServer::Connection& c = server->connection();
        Started s;
        s.variables.insert(prefix + QStringLiteral("_URL"), c.url());
        s.postgresVariables = {{QStringLiteral("PGHOST"), c.host},
                               {QStringLiteral("PGPORT"), QString::number(c.port)},
                               {QStringLiteral("PGUSER"), c.user},
                               {QStringLiteral("PGPASSWORD"), c.password},
                               {QStringLiteral("PGDATABASE"), c.database}};
        m_started.insert(name, s);
        m_descriptions << QStringLiteral("%1: postgres %2 on %3:%4 (data %5%6)")
                              .arg(name)
                              .arg(server->majorVersion())
                              .arg(c.host)
                              .arg(c.port)
                              .arg(shownFolder,
                                   server->isShared()
                                       ? QStringLiteral("; shared with the workbench that "
                                                        "started it")
                                       : QString());
        startNext(index + 1);
    });
}

void ResourceSet::finishStart(Result<void> result)
{
    if (!result) {
        // Nothing half-started stays behind; a failed seed's server stops too, and its data
        // stays for the next try.
        stopNow();
        m_started.clear();
        m_descriptions.clear();
    }
    if (auto done = std::move(m_done)) {
        m_done = nullptr;
        done(result);
    }
}

QHash<QString, QMap<QString, QString>> ResourceSet::environmentByFunction() const
{
    QHash<QString, QMap<QString, QString>> out;
    for (const FunctionSpec& f : m_workspace.functions) {
        QMap<QString, QString> env;
        QList<const Started*> postgres;
        for (const Declared& d : m_declared) {
            if (!d.function.isEmpty() && d.function != f.name)
                continue;
            const auto it = m_started.constFind(d.name);
            if (it == m_started.constEnd())
                continue;
            env.insert(it->variables);
            if (!it->postgresVariables.isEmpty())
                postgres.append(&*it);
        }
        // libpq's PG* variables name one database; with two they would pick one at random.
        if (postgres.size() == 1)
            env.insert(postgres.first()->postgresVariables);
        out.insert(f.name, env);
    }
    return out;
}

void ResourceSet::stop(std::function<void()> done)
{
    auto remaining = std::make_shared<int>(int(m_servers.size()));
    if (*remaining == 0) {
        QTimer::singleShot(0, this, [done] { done(); });
        return;
    }
    for (PostgresServer* server : std::as_const(m_servers)) {
        server->stop([remaining, done] {
            if (--*remaining == 0)
                done();
        });
    }
}

void ResourceSet::stopNow()
{
    for (PostgresServer* server : std::as_const(m_servers))
        server->stopNow();
}

QString ResourceSet::stateName(Status::State state)
{
    switch (state) {
    case Status::State::Stopped:
        return QStringLiteral("stopped");
    case Status::State::Running:
        return QStringLiteral("running");
    case Status::State::Orphaned:
        return QStringLiteral("orphaned");
    case Status::State::File:
        return QStringLiteral("file");
    }
    return {};
}

QList<ResourceSet::Status> ResourceSet::status(const Workspace& workspace,
                                               const ResourceOptions& options)
{
    QList<Status> out;
    const bool havePostgres = findBinaries(options).has_value();
    for (const Declared& d : declaredResources(workspace)) {
        Status s;
        s.name = d.name;
        const QString folder = resourceFolder(workspace.folder, d.name);
        const auto running = PostgresServer::findRunning(folder);
        if (running) {
            s.type = QString::fromLatin1(ResourceSpec::kPostgres);
            s.state = running->ownerAlive ? Status::State::Running : Status::State::Orphaned;
            s.pid = running->pid;
            s.port = running->port;
            s.ownerPid = running->ownerPid;
            s.where = QDir(workspace.folder).relativeFilePath(folder);
        } else if (d.spec.isPostgres() && havePostgres) {
            s.type = QString::fromLatin1(ResourceSpec::kPostgres);
            s.where = QDir(workspace.folder).relativeFilePath(folder);
        } else {
            s.type = QString::fromLatin1(ResourceSpec::kSqlite);
            const QString file = SqliteDatabase::filePath(d.name, folder);
            s.state = QFileInfo::exists(file) ? Status::State::File : Status::State::Stopped;
            s.where = QDir(workspace.folder).relativeFilePath(file);
        }
        out.append(s);
    }
    return out;
}

} // namespace swb
