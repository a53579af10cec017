#pragma once
// The workbench window: the workspace tree, the run panel and the live logs around one
// workspace's local runner. A composition root: every action is a library call that swb can
// make too.

#include "Error.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;

namespace swb {

class HistoryStore;
class LogView;
class RunPanel;
class Runner;
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
    void closeWorkspace();

    const Workspace* workspace() const;
    // The workspace tree's actions, without their dialogs (tests call these); the workspace is
    // reopened after a change, so its runner starts afresh.
    Result<void> createFunction(const QString& name, const QString& runtimeId);
    Result<void> renameFunction(const QString& from, const QString& to);
    Result<void> deleteFunction(const QString& name, bool deleteFiles);
    Runner* runner() const { return m_runner.get(); }
    RunPanel* runPanel() const { return m_runPanel; }
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
    void askNewFunction();
    void askRenameFunction(const QString& function);
    void askDeleteFunction(const QString& function);
    Result<void> reportAndReopen(Result<void> changed);
    void onRunnerEvent(const RunnerEvent& event);
    void updateStatus();

    Settings& m_settings;
    QString m_runtimeCache;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<Runner> m_runner;
    std::unique_ptr<HistoryStore> m_history;

    QStackedWidget* m_center;
    WelcomePage* m_welcome;
    RunPanel* m_runPanel;
    WorkspaceTree* m_tree;
    LogView* m_logView;
    QDockWidget* m_treeDock;
    QDockWidget* m_logDock;
    QMenu* m_recentMenu = nullptr;
    QList<QAction*> m_workspaceActions; // enabled only with a workspace open
    QLabel* m_runnerStatus;

    int m_instances = 0;
    int m_busy = 0;
    QString m_lastInvocation;
};

} // namespace swb
