#include "Deployer.h"

#include "Packager.h"
#include "model/Workspace.h"
#include "vcs/GitRepository.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTimer>

namespace swb {

Deployer::Deployer(Provider* provider, QObject* parent) : QObject(parent), m_provider(provider) {}

DeployProvenance Deployer::provenance(const QString& workspaceFolder)
{
    DeployProvenance p;
    if (!GitRepository::isRepository(workspaceFolder)) {
        p.note = QStringLiteral("the workspace is not a git repository");
        return p;
    }
    auto repo = GitRepository::open(workspaceFolder);
    if (!repo) {
        p.note = repo.error().message;
        return p;
    }
    auto head = repo->headCommitId();
    if (head)
        p.commitId = *head;
    else
        p.note = head.error().message;
    auto status = repo->status();
    if (status) {
        // .swb/ holds the history, recovery files and this very deploy log: not the code.
        int changed = 0;
        for (const FileStatus& f : *status) {
            if (!f.path.startsWith(QLatin1String(".swb/")))
                ++changed;
        }
        p.changedFiles = changed;
        p.dirty = changed > 0;
        if (p.dirty)
            p.note = changed == 1
                         ? QStringLiteral("1 file changed since the last commit")
                         : QStringLiteral("%1 files changed since the last commit").arg(changed);
    }
    return p;
}

DeployJob* Deployer::deploy(const Workspace& workspace, const QString& functionName,
                            const QString& target, const QString& remoteName)
{
    return start(workspace, functionName, target, remoteName, QString());
}

DeployJob* Deployer::deployAt(const Workspace& workspace, const QString& functionName,
                              const QString& target, const QString& commit)
{
    return start(workspace, functionName, target, QString(), commit);
}

DeployJob* Deployer::start(const Workspace& workspace, const QString& functionName,
                           const QString& target, const QString& remoteName, const QString& commit)
{
    auto* outer = new DeployJob(this);
    m_record.reset();
    m_recordError.reset();
    m_tag.clear();
    DeployRecord record;
    record.provider = m_provider ? m_provider->id() : QString();
    record.target = target;
    record.function = functionName;
    record.startedAt = QDateTime::currentDateTimeUtc();
    const QString folder = workspace.folder;
    const FunctionSpec* function = workspace.function(functionName);
    const std::optional<FunctionSpec> spec =
        function ? std::optional<FunctionSpec>(*function) : std::nullopt;
    const QString codeFolder = function ? workspace.codeFolder(*function) : QString();
    const QString workspaceName = workspace.name;

    QTimer::singleShot(0, outer, [=, this]() mutable {
        if (!m_provider)
            return finishAndRecord(outer, folder, record,
                                   fail(ErrorCode::Internal, QStringLiteral("No provider.")));
        if (!spec)
            return finishAndRecord(
                outer, folder, record,
                fail(ErrorCode::NotFound,
                     QStringLiteral("The workspace has no function \"%1\".").arg(functionName)));
        QString packageFolder = codeFolder;
        // A rollback packages the folder as git has it at that commit, exported beside.
        auto exported = std::make_shared<QTemporaryDir>();
        if (!commit.isEmpty()) {
            auto repo = GitRepository::open(folder);
            if (!repo)
                return finishAndRecord(outer, folder, record, std::unexpected(repo.error()));
            auto id = repo->resolveCommit(commit);
            if (!id)
                return finishAndRecord(outer, folder, record, std::unexpected(id.error()));
            const QString relative = QDir(folder).relativeFilePath(codeFolder);
            packageFolder = exported->filePath(QStringLiteral("code"));
            if (auto written = repo->exportFolder(*id, relative, packageFolder); !written)
                return finishAndRecord(outer, folder, record, std::unexpected(written.error()));
            m_provenance = DeployProvenance{*id, false, QStringLiteral("rollback")};
            outer->beginStep(
                QString::fromLatin1(DeployJob::kPackage),
                QStringLiteral("Packaging %1 as it was at %2").arg(relative, id->left(12)));
        } else {
            outer->beginStep(
                QString::fromLatin1(DeployJob::kPackage),
                QStringLiteral("Packaging %1").arg(QDir::toNativeSeparators(codeFolder)));
            m_provenance = provenance(folder);
        }
        record.commitId = m_provenance.commitId;
        record.dirty = m_provenance.dirty;

        Packager packager(packageFolder);
        auto adapters = m_provider->adapterFiles(*spec);
        if (!adapters)
            return finishAndRecord(outer, folder, record, std::unexpected(adapters.error()));
        for (const GeneratedFile& f : *adapters)
            packager.addGeneratedFile(f);
        auto package = packager.package();
        if (!package)
            return finishAndRecord(outer, folder, record, std::unexpected(package.error()));
        record.codeSha256 = package->sha256Base64;
        if (outer->finishIfCancelled())
            return finishAndRecord(outer, folder, record, *outer->result());

        DeploySpec deploySpec;
        deploySpec.workspaceName = workspaceName;
        deploySpec.function = *spec;
        deploySpec.remoteName = remoteName.isEmpty() ? spec->name : remoteName;
        deploySpec.package = std::make_shared<const Package>(std::move(*package));
        DeployJob* inner = m_provider->deploy(deploySpec);
        connect(inner, &DeployJob::stepStarted, outer, &DeployJob::beginStep);
        connect(outer, &DeployJob::cancelRequested, inner, &DeployJob::cancel);
        connect(inner, &DeployJob::finished, outer, [=, this] {
            finishAndRecord(outer, folder, record, *inner->result());
            inner->deleteLater();
            (void)exported; // the exported folder lives until the deploy is done
        });
    });
    return outer;
}

void Deployer::finishAndRecord(DeployJob* outer, const QString& workspaceFolder,
                               DeployRecord record, Result<DeployResult> result)
{
    record.finishedAt = QDateTime::currentDateTimeUtc();
    if (result) {
        record.outcome = DeployOutcome::Succeeded;
        record.version = result->version;
        record.arn = result->arn;
        record.url = result->url;
        QStringList notes;
        if (result->codeUnchanged)
            notes << QStringLiteral("code unchanged; upload skipped");
        // The commit a clean deploy came from gets a tag, so the history shows what went where.
        if (!record.commitId.isEmpty() && !record.dirty) {
            if (auto repo = GitRepository::open(workspaceFolder); repo) {
                const QString prefix =
                    QStringLiteral("deploy/%1/%2/").arg(record.provider, record.function);
                const auto existing = repo->tags(prefix);
                int next = 1;
                for (const QString& tag : existing ? *existing : QStringList())
                    next = std::max(next, tag.mid(prefix.size()).toInt() + 1);
                if (repo->createTag(prefix + QString::number(next), record.commitId)) {
                    m_tag = prefix + QString::number(next);
                    notes << QStringLiteral("tagged %1").arg(m_tag);
                }
            }
        }
        record.message = notes.join(QStringLiteral("; "));
    } else {
        record.outcome = result.error().code == ErrorCode::Cancelled ? DeployOutcome::Cancelled
                                                                     : DeployOutcome::Failed;
        record.message = result.error().message; // messages hold no secrets (Error's contract)
    }
    auto written = DeployLog(workspaceFolder).append(record);
    if (written)
        m_record = *written;
    else
        m_recordError = written.error();
    // The outer job may already hold a Cancelled result (cancel before the provider started).
    outer->finish(std::move(result));
}

} // namespace swb
