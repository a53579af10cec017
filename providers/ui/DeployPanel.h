#pragma once
// The deploy panel: pick a function and a target, Deploy, watch the steps (package → upload →
// update → ready) with Cancel, see the result and the function's deploy history (commit, time,
// outcome); after a deploy the platform's logs follow into the Logs panel. A thin view: the
// deploy is providers/'s Deployer, exactly as `swb deploy` runs it.

#include "Error.h"
#include "common/LogTail.h"
#include "model/ScenarioSpec.h"

#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace swb {

class DeployJob;
class Deployer;
class Provider;
class SecretStore;
struct Workspace;

class DeployPanel : public QWidget {
    Q_OBJECT
public:
    // Makes the provider for a target; the window passes ProviderRegistry with its network
    // access manager, tests pass fakes.
    using ProviderFactory =
        std::function<Result<std::unique_ptr<Provider>>(const DeployTarget& target)>;

    enum class StepState { Pending, Running, Done, Failed, Skipped };
    // A deploy of uncommitted changes: commit them first, deploy them marked dirty, or stop.
    enum class DirtyChoice { CommitFirst, DeployDirty, Cancel };
    // Asked before such a deploy; `note` says what is uncommitted. The default shows a box.
    using DirtyPrompt = std::function<DirtyChoice(const QString& function, const QString& note)>;
    // Commits (the window shows its commit dialog); true when a commit was made.
    using CommitHandler = std::function<bool()>;
    // Saves what the user typed (the window's open files) before a deploy packages the disk;
    // an error (a file could not be saved) stops the deploy and is shown.
    using SaveHandler = std::function<Result<void>()>;

    explicit DeployPanel(QWidget* parent = nullptr);
    ~DeployPanel() override;

    void setProviderFactory(ProviderFactory factory);
    // Where the credential set-up keeps secrets (null: only files and the environment) and
    // whose ~/.aws it edits (empty: the user's home).
    void setSecretStore(SecretStore* secrets, const QString& homeFolder = {});
    // Opens the credential set-up of the current target; true when it was saved.
    bool editCredentials();
    QPushButton* credentialsButton() const { return m_credentials; }
    // The workspace must outlive the panel or be replaced (null: nothing to deploy). Stops a
    // log tail of the previous one; refused (false) while a deploy runs.
    bool setWorkspace(const Workspace* workspace);
    // Without a commit handler a dirty deploy only shows its warning and proceeds.
    void setCommitHandler(CommitHandler commit);
    void setDirtyPrompt(DirtyPrompt prompt);
    void setSaveHandler(SaveHandler save);
    void setCurrentFunction(const QString& function);
    QString currentFunction() const;
    // The targets offered: the workspace's, then one per platform it has none for.
    QList<DeployTarget> targets() const;
    void setCurrentTarget(const QString& name);
    DeployTarget currentTarget() const;

    // Starts a deploy of the current function to the current target; false (with the reason
    // shown) when it cannot start.
    bool deploy();
    // Deploys the current function as it was at `commit` to the current target (a rollback;
    // the working tree is not touched).
    bool rollback(const QString& commit);
    void cancel();
    bool isDeploying() const;
    void setFollowLogs(bool follow);
    bool isFollowingLogs() const;
    void stopLogs();

    // What the panel shows, for the window and tests.
    StepState stepState(const QString& step) const;
    QString resultText() const;
    int historyRows() const;
    QString historyText(int row, int column) const;
    QPushButton* deployButton() const { return m_deploy; }
    QPushButton* cancelButton() const { return m_cancel; }
    // Enabled when the function has a successful deploy to the target's platform with a commit.
    QPushButton* deployedButton() const { return m_deployed; }

signals:
    void deployFinished(bool succeeded, const QString& message);
    // Lines from the platform after a deploy; `source` names function and target.
    void logLines(const QString& source, const QList<swb::LogEvent>& events);
    void logProblem(const QString& message);
    // The credential set-up changed a target's non-secret fields: the window saves it into
    // workbench.json and hands the panel the reloaded workspace.
    void targetEdited(const swb::DeployTarget& target);
    // "What Is Deployed": compare the commit last deployed to the provider with the working
    // tree (the window opens the comparison).
    void deployedDiffRequested(const QString& function, const QString& provider,
                               const QString& commit);

private:
    bool start(const QString& commit);
    void rebuildTargets();
    void refreshHistory();
    void refreshProvenance();
    void refreshDeployed();
    DirtyChoice askDirty(const QString& note);
    void updateButtons();
    void setStep(const QString& step, StepState state);
    void onStepStarted(const QString& step);
    void onFinished();
    void startLogs(const QString& function, const DeployTarget& target);
    void showResult(const QString& text, bool isError);

    ProviderFactory m_factory;
    const Workspace* m_workspace = nullptr;
    std::unique_ptr<Provider> m_provider; // alive while deploying and while logs follow
    Deployer* m_deployer = nullptr;
    DeployJob* m_job = nullptr;
    LogTail* m_tail = nullptr;
    QList<DeployTarget> m_targets;

    QComboBox* m_function;
    QComboBox* m_target;
    QPushButton* m_deploy;
    QPushButton* m_cancel;
    QPushButton* m_credentials;
    QPushButton* m_deployed;
    CommitHandler m_commit;
    SaveHandler m_save;
    DirtyPrompt m_dirtyPrompt;
    QString m_deployedCommit; // of the current function and target's provider; empty: none
    SecretStore* m_secrets = nullptr;
    QString m_home;
    QCheckBox* m_followLogs;
    QLabel* m_dirty;
    QListWidget* m_steps;
    QLabel* m_result;
    QTableWidget* m_history;
};

} // namespace swb
