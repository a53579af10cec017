#pragma once
// One deploy from start to record, the same for every platform and for both front ends (swb
// deploy, the deploy panel): package the function's folder with the platform's adapters, note
// the git commit it came from (and whether the working tree had uncommitted changes), run the
// provider's deploy, and append the outcome to the workspace's deploy log.

#include "DeployJob.h"
#include "DeployLog.h"
#include "Provider.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace swb {

struct Workspace;

// Where the code came from, for the record and for the user.
struct DeployProvenance {
    QString commitId;     // HEAD; empty when the workspace is not a git repository or has no commit
    bool dirty = false;   // tracked or untracked changes outside .swb/
    QString note;         // why commitId is empty, or the dirty files' count, for messages
    int changedFiles = 0; // files changed since HEAD, outside .swb/ (dirty when above 0)
};

class Deployer : public QObject {
    Q_OBJECT
public:
    // The provider must outlive the deploy.
    explicit Deployer(Provider* provider, QObject* parent = nullptr);

    // The workspace's commit and dirtiness; never looks at a parent folder's repository.
    static DeployProvenance provenance(const QString& workspaceFolder);

    // Starts the deploy of `function`; the job is the Deployer's child and reports the package
    // step, then the provider's steps, then finishes once. `target` names the deploy target in
    // the record; `remoteName` empty means the function's own name.
    DeployJob* deploy(const Workspace& workspace, const QString& function, const QString& target,
                      const QString& remoteName = {});
    // Deploys the function's folder as it was at `commit` (read from git into a temporary
    // folder; the working tree is not touched): a rollback. The record names that commit. The
    // function's settings (memory, environment…) are today's workbench.json's.
    DeployJob* deployAt(const Workspace& workspace, const QString& function, const QString& target,
                        const QString& commit);

    // A succeeded deploy of a clean commit is tagged deploy/<provider>/<function>/<n> in the
    // workspace's repository (n counts up); the tag made by the last deploy, if any.
    const QString& lastTag() const { return m_tag; }

    // Set when the deploy finished: the record as written, or why it could not be written (the
    // deploy's own result is unaffected: a deploy that worked is not reported as failed).
    const std::optional<DeployRecord>& record() const { return m_record; }
    const std::optional<Error>& recordError() const { return m_recordError; }
    const DeployProvenance& lastProvenance() const { return m_provenance; }

private:
    void finishAndRecord(DeployJob* outer, const QString& workspaceFolder, DeployRecord record,
                         Result<DeployResult> result);

    DeployJob* start(const Workspace& workspace, const QString& function, const QString& target,
                     const QString& remoteName, const QString& commit);

    QPointer<Provider> m_provider;
    QString m_tag;
    DeployProvenance m_provenance;
    std::optional<DeployRecord> m_record;
    std::optional<Error> m_recordError;
};

} // namespace swb
