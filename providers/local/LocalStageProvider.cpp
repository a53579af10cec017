#include "LocalStageProvider.h"

#include "HistoryStore.h"
#include "ZipExtractor.h"
#include "common/DeployJob.h"
#include "common/LogTail.h"
#include "common/Packager.h"
#include "format/JsonWriter.h"
#include "format/WorkspaceFile.h"
#include "model/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>
#include <QUuid>

namespace swb {

namespace {

// Per staged function: version, code hash and when, in <stage>/stage.json.
QString manifestPath(const QString& stageFolder)
{
    return QDir(stageFolder).filePath(QStringLiteral("stage.json"));
}

Result<QJsonObject> readManifest(const QString& stageFolder)
{
    QFile file(manifestPath(stageFolder));
    if (!file.exists())
        return QJsonObject{};
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot read %1: %2.")
                        .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject())
        return fail(
            ErrorCode::Parse,
            QStringLiteral("%1 is damaged (%2); move it away and deploy to the stage again.")
                .arg(QDir::toNativeSeparators(file.fileName()), error.errorString()));
    return doc.object();
}

Result<void> writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(ErrorCode::Io, QStringLiteral("Cannot write %1: %2.")
                                       .arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

} // namespace

LocalStageProvider::LocalStageProvider(ProviderContext context, QObject* parent)
    : Provider(parent), m_context(std::move(context))
{
    m_stage = m_context.target.extensions.value(QLatin1String("stage")).toString();
    if (m_stage.isEmpty())
        m_stage = m_context.target.name;
    if (m_stage.isEmpty())
        m_stage = QStringLiteral("default");
}

QString LocalStageProvider::stageFolder(const QString& workspaceFolder, const QString& stage)
{
    return QDir(workspaceFolder).filePath(QStringLiteral(".swb/stages/") + stage);
}

QString LocalStageProvider::stageFolder() const
{
    return stageFolder(m_context.workspaceFolder, m_stage);
}

QString LocalStageProvider::stageNameProblem(const QString& stage)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (valid.match(stage).hasMatch())
        return {};
    return QStringLiteral("\"%1\" is not a stage name: use 1 to 64 letters, digits, '-' or '_'.")
        .arg(stage);
}

void LocalStageProvider::checkIdentity(std::function<void(Result<ProviderIdentity>)> done)
{
    Result<ProviderIdentity> result;
    if (const QString problem = stageNameProblem(m_stage); !problem.isEmpty())
        result = fail(ErrorCode::InvalidArgument, problem);
    else if (m_context.workspaceFolder.isEmpty())
        result = fail(ErrorCode::InvalidArgument,
                      QStringLiteral("The local stage needs a workspace folder."));
    else
        result = ProviderIdentity{QStringLiteral("local stage \"%1\"").arg(m_stage),
                                  QStringLiteral("no credentials needed"),
                                  QDir::toNativeSeparators(stageFolder()), QString()};
    QTimer::singleShot(0, this,
                       [done = std::move(done), result = std::move(result)] { done(result); });
}

DeployJob* LocalStageProvider::deploy(const DeploySpec& spec)
{
    auto* job = new DeployJob(this);
    // From the event loop, like every provider, so a caller connects before the first step.
    QTimer::singleShot(0, job, [this, job, spec] {
        if (job->finishIfCancelled())
            return;
        job->finish(deployNow(spec, job));
    });
    return job;
}

Result<DeployResult> LocalStageProvider::deployNow(const DeploySpec& spec, DeployJob* job)
{
    if (const QString problem = stageNameProblem(m_stage); !problem.isEmpty())
        return fail(ErrorCode::InvalidArgument, problem);
    if (!spec.package)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The deploy has no package."));
    const QString name = spec.remoteName.isEmpty() ? spec.function.name : spec.remoteName;
    const QString stage = stageFolder();
    QDir().mkpath(stage + QStringLiteral("/functions"));
    QDir().mkpath(stage + QStringLiteral("/packages"));

    auto manifest = readManifest(stage);
    if (!manifest)
        return std::unexpected(manifest.error());
    QJsonObject entry = manifest->value(name).toObject();
    const QString codeFolder = QDir(stage).filePath(QStringLiteral("functions/") + name);

    DeployResult result;
    result.codeSha256 = spec.package->sha256Base64;
    result.arn = QStringLiteral("local:%1:%2").arg(m_stage, name);

    job->beginStep(QString::fromLatin1(DeployJob::kUpload),
                   QStringLiteral("Unpacking the package into the stage"));
    if (entry.value(QLatin1String("codeSha256")).toString() == spec.package->sha256Base64 &&
        QFileInfo(codeFolder).isDir()) {
        result.codeUnchanged = true;
    } else {
        // Unpack beside, then swap, so a failed unpack leaves the staged code as it was.
        const QString fresh = codeFolder + QStringLiteral(".new-") +
                              QUuid::createUuid().toString(QUuid::Id128).left(8);
        if (auto unpacked = ZipExtractor::extract(spec.package->zipBytes, fresh); !unpacked) {
            QDir(fresh).removeRecursively();
            return std::unexpected(unpacked.error());
        }
        const QString old = codeFolder + QStringLiteral(".old");
        QDir(old).removeRecursively();
        if (QFileInfo(codeFolder).exists() && !QDir().rename(codeFolder, old)) {
            QDir(fresh).removeRecursively();
            return fail(
                ErrorCode::Io,
                QStringLiteral("Cannot replace %1.").arg(QDir::toNativeSeparators(codeFolder)));
        }
        if (!QDir().rename(fresh, codeFolder)) {
            QDir().rename(old, codeFolder);
            return fail(ErrorCode::Io, QStringLiteral("Cannot move the new code into %1.")
                                           .arg(QDir::toNativeSeparators(codeFolder)));
        }
        QDir(old).removeRecursively();
        if (auto written = writeFileAtomically(
                QDir(stage).filePath(QStringLiteral("packages/%1.zip").arg(name)),
                spec.package->zipBytes);
            !written)
            return std::unexpected(written.error());
    }
    if (job->finishIfCancelled())
        return std::unexpected(job->result()->error());

    job->beginStep(QString::fromLatin1(DeployJob::kUpdate),
                   QStringLiteral("Writing the stage's workbench.json"));
    Workspace staged;
    const QString stageFile = QDir(stage).filePath(QString::fromLatin1(Workspace::kFileName));
    if (QFileInfo::exists(stageFile)) {
        auto loaded = WorkspaceFile::load(stage);
        if (!loaded)
            return fail(
                ErrorCode::Parse,
                QStringLiteral("The stage's %1 cannot be read (%2); remove the stage folder "
                               "%3 and deploy again.")
                    .arg(QString::fromLatin1(Workspace::kFileName), loaded.error().message,
                         QDir::toNativeSeparators(stage)));
        staged = loaded->workspace;
    } else {
        staged.name = QStringLiteral("%1 (stage %2)").arg(spec.workspaceName, m_stage);
    }
    staged.folder = stage;
    FunctionSpec function = spec.function;
    function.name = name;
    function.codeUri = QStringLiteral("functions/") + name;
    if (FunctionSpec* existing = staged.function(name))
        *existing = function;
    else
        staged.functions << function;
    if (auto saved = WorkspaceFile::save(staged); !saved)
        return std::unexpected(saved.error());

    const int version =
        entry.value(QLatin1String("version")).toInt(0) + (result.codeUnchanged ? 0 : 1);
    entry.insert(QLatin1String("version"), std::max(version, 1));
    entry.insert(QLatin1String("codeSha256"), spec.package->sha256Base64);
    entry.insert(QLatin1String("deployedAt"),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    manifest->insert(name, entry);
    if (auto written = writeFileAtomically(
            manifestPath(stage), QJsonDocument(*manifest).toJson(QJsonDocument::Indented));
        !written)
        return std::unexpected(written.error());

    job->beginStep(QString::fromLatin1(DeployJob::kReady),
                   QStringLiteral("Staged; serve it with swb serve --stage %1").arg(m_stage));
    result.version = QString::number(entry.value(QLatin1String("version")).toInt());
    return result;
}

LogTail* LocalStageProvider::tailLogs(const LogQuery& query)
{
    auto* tail = new LogTail(query, this);
    connect(tail, &LogTail::stopRequested, tail, [tail] { tail->finish(); });
    QTimer::singleShot(0, tail, [this, tail] { poll(tail); });
    return tail;
}

void LocalStageProvider::poll(LogTail* tail)
{
    if (tail->isFinished())
        return;
    // What `swb serve --stage` recorded: each invocation's lines, at its start time.
    const QString path = HistoryStore::defaultPath(stageFolder());
    if (QFileInfo::exists(path)) {
        auto store = HistoryStore::open(path);
        if (!store) {
            tail->reportProblem(store.error());
        } else {
            auto recent = (*store)->recent(tail->query().function, 1000);
            if (!recent) {
                tail->reportProblem(recent.error());
            } else {
                tail->reportRecovered();
                QList<LogEvent> events;
                const qint64 fromMs = tail->lastSeen().toMSecsSinceEpoch();
                for (const InvocationSummary& s : *recent) {
                    if (s.startedAtEpochMs < fromMs)
                        continue;
                    auto lines = (*store)->logs(s.requestId);
                    if (!lines)
                        continue;
                    const QDateTime at =
                        QDateTime::fromMSecsSinceEpoch(s.startedAtEpochMs, Qt::UTC);
                    for (qsizetype i = 0; i < lines->size(); ++i)
                        events << LogEvent{at, s.requestId + QLatin1Char('/') + QString::number(i),
                                           QStringLiteral("instance %1").arg(s.instanceId),
                                           lines->at(i)};
                }
                tail->deliver(events);
            }
        }
    }
    if (!tail->query().follow) {
        tail->finish();
        return;
    }
    QTimer::singleShot(std::max(100, tail->query().pollIntervalMs), tail,
                       [this, tail] { poll(tail); });
}

void LocalStageProvider::listFunctions(std::function<void(Result<QStringList>)> done)
{
    auto manifest = readManifest(stageFolder());
    Result<QStringList> result = manifest ? Result<QStringList>(manifest->keys())
                                          : Result<QStringList>(std::unexpected(manifest.error()));
    QTimer::singleShot(0, this,
                       [done = std::move(done), result = std::move(result)] { done(result); });
}

void LocalStageProvider::removeFunction(const QString& remoteName,
                                        std::function<void(Result<void>)> done)
{
    Result<void> result;
    const QString stage = stageFolder();
    auto manifest = readManifest(stage);
    if (!manifest) {
        result = std::unexpected(manifest.error());
    } else if (!manifest->contains(remoteName)) {
        result = fail(ErrorCode::NotFound,
                      QStringLiteral("\"%1\" is not staged in \"%2\".").arg(remoteName, m_stage));
    } else {
        manifest->remove(remoteName);
        auto loaded = WorkspaceFile::load(stage);
        if (loaded) {
            Workspace staged = loaded->workspace;
            staged.folder = stage;
            staged.functions.removeIf([&](const FunctionSpec& f) { return f.name == remoteName; });
            result = WorkspaceFile::save(staged);
        }
        if (result) {
            QDir(QDir(stage).filePath(QStringLiteral("functions/") + remoteName))
                .removeRecursively();
            QFile::remove(QDir(stage).filePath(QStringLiteral("packages/%1.zip").arg(remoteName)));
            result = writeFileAtomically(manifestPath(stage),
                                         QJsonDocument(*manifest).toJson(QJsonDocument::Indented));
        }
    }
    QTimer::singleShot(0, this,
                       [done = std::move(done), result = std::move(result)] { done(result); });
}

} // namespace swb
