#pragma once
// The workbench window: the workspace tree, the run panel and the live logs around one
// workspace's local runner. A composition root: every action is a library call that swb can
// make too.

#include "Error.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QDockWidget;
class QNetworkAccessManager;
class QLabel;
class QMenu;
class QStackedWidget;
class QTimer;

namespace swb {

class DeployPanel;
class GatewayPanel;
class DiffDialog;
class SecretStore;

class Theme;

class CostPanel;
class EditorTabs;
class MetricsPanel;
class SimulatePanel;
class HistoryStore;
class LogView;
class TimelineModel;
class TimelineView;
class ResourceSet;
class RunPanel;
class Runner;
class CommitDialog;
class Settings;
class WelcomePage;
class WorkspaceTree;
struct RunnerEvent;
struct Workspace;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `settings` (recent workspaces, window layout) must outlive the window. `runtimeCache`:
    // where the runtime bootstraps are written (empty: the user's cache folder).
    explicit MainWindow(Settings& settings, const QString& runtimeCache = {},
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads DIR/workbench.json and starts a runner for it. On error the window stays usable
    // (the welcome page shows what went wrong) and the error is returned.
    Result<void> openWorkspace(const QString& folder);
    // False when the user kept an unsaved buffer open (the workspace stays open).
    bool closeWorkspace();
    // Asked at open when a previous run left unsaved buffers (default: a Yes/No box); true
    // restores them, false discards them. Tests set their own.
    void setRecoveryPrompt(std::function<bool(int buffers)> prompt);
    // Git ▸ Commit… runs its dialog modally; tests set a driver that fills it in and presses
    // Commit instead.
    void setCommitDialogDriver(std::function<void(CommitDialog&)> driver);
    // Opens a file of the workspace in the editor.
    Result<void> openFile(const QString& path);

    const Workspace* workspace() const;
    // The workspace tree's actions, without their dialogs (tests call these); the workspace is
    // reopened after a change, so its runner starts afresh.
    Result<void> createFunction(const QString& name, const QString& runtimeId);
    Result<void> renameFunction(const QString& from, const QString& to);
    Result<void> deleteFunction(const QString& name, bool deleteFiles);
    // Imports a SAM template.yaml or serverless.yml into `folder` (its workbench.json must not
    // exist yet) and opens it; the import's warnings show in the status bar.
    Result<void> importTemplate(const QString& templatePath, const QString& folder);
    // "system", "light" or "dark" (View ▸ Theme); `remember` keeps it in the settings.
    void applyTheme(const QString& theme, bool remember);
    QString theme() const;
    Runner* runner() const { return m_runner.get(); }
    RunPanel* runPanel() const { return m_runPanel; }
    EditorTabs* editorTabs() const { return m_editor; }
    CostPanel* costPanel() const { return m_costPanel; }
    MetricsPanel* metricsPanel() const { return m_metrics; }
    SimulatePanel* simulatePanel() const { return m_simulate; }
    DeployPanel* deployPanel() const { return m_deploy; }
    GatewayPanel* gatewayPanel() const { return m_gateway; }
    // Where deploy credentials are kept (default: the OS keychain); tests pass an in-memory one.
    void setSecretStore(SecretStore* secrets);
    // Git ▸ Initialize Repository / Commit… enabled as the workspace allows.
    void updateGitActions();
    // Git ▸ Commit…: saves every buffer, shows the commit dialog; true when a commit was made.
    bool commitFromDialog();
    // Git ▸ Compare with Commit… for a file of the workspace (absolute path), and the Deploy
    // panel's "What Is Deployed" (the function's files against the deployed commit); not shown.
    Result<std::unique_ptr<DiffDialog>> compareDialog(const QString& filePath);
    Result<std::unique_ptr<DiffDialog>>
    deployedDiffDialog(const QString& function, const QString& provider, const QString& commit);
    // A file of the workspace as the editor holds it (unsaved typing included) or as on disk.
    QString workingText(const QString& relativePath) const;
    TimelineView* timelineView() const { return m_timeline; }
    TimelineModel* timelineModel() const { return m_timelineModel; }
    LogView* logView() const { return m_logView; }
    WorkspaceTree* workspaceTree() const { return m_tree; }
    WelcomePage* welcomePage() const { return m_welcome; }
    QString statusText() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void rebuildRecentMenu();
    void chooseWorkspace();
    void askImport();
    void askNewFunction();
    void askRenameFunction(const QString& function);
    void askDeleteFunction(const QString& function);
    Result<void> reportAndReopen(Result<void> changed);
    void onRunnerEvent(const RunnerEvent& event);
    void onFileSaved(const QString& path);
    void offerRecovery();
    void updateStatus();

    Settings& m_settings;
    std::unique_ptr<Theme> m_theme;
    QList<QAction*> m_themeActions;
    QString m_runtimeCache;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<Runner> m_runner;
    std::unique_ptr<ResourceSet> m_resources; // the workspace's databases (docs/resources.md)
    std::unique_ptr<HistoryStore> m_history;

    QStackedWidget* m_center;
    WelcomePage* m_welcome;
    EditorTabs* m_editor;
    RunPanel* m_runPanel;
    WorkspaceTree* m_tree;
    LogView* m_logView;
    TimelineModel* m_timelineModel;
    TimelineView* m_timeline;
    CostPanel* m_costPanel;
    MetricsPanel* m_metrics;
    SimulatePanel* m_simulate;
    DeployPanel* m_deploy;
    QDockWidget* m_deployDock;
    GatewayPanel* m_gateway;
    QDockWidget* m_gatewayDock;
    QNetworkAccessManager* m_network;
    SecretStore* m_secrets;
    QAction* m_gitInit = nullptr;
    QAction* m_gitCommit = nullptr;
    QAction* m_gitHistory = nullptr;
    QAction* m_gitWorkspaceHistory = nullptr;
    QAction* m_gitCompare = nullptr;
    QDockWidget* m_simulateDock;
    QDockWidget* m_metricsDock;
    QDockWidget* m_treeDock;
    QDockWidget* m_runDock;
    QDockWidget* m_timelineDock;
    QDockWidget* m_logDock;
    QDockWidget* m_costDock;
    QTimer* m_measureTimer; // refreshes the cost panel's measurements after runs
    QTimer* m_clockTimer;   // moves the timeline's clock while invocations run
    std::function<bool(int)> m_recoveryPrompt;
    std::function<void(CommitDialog&)> m_commitDialogHook;
    QMenu* m_recentMenu = nullptr;
    QList<QAction*> m_workspaceActions; // enabled only with a workspace open
    QLabel* m_runnerStatus;

    int m_instances = 0;
    int m_busy = 0;
    QString m_lastInvocation;
};

} // namespace swb
