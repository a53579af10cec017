#pragma once
// The workspace tree: each function with its runtime and triggers, its code files and saved
// events, then the cost scenarios. Activating an item asks the window to open it.

#include <QTreeWidget>

namespace swb {

struct Workspace;

class WorkspaceTree : public QTreeWidget {
    Q_OBJECT
public:
    static constexpr int kMaxFilesPerFunction = 500; // a huge node_modules stays out

    explicit WorkspaceTree(QWidget* parent = nullptr);
    void setWorkspace(const Workspace* workspace); // nullptr: empty
    QTreeWidgetItem* functionItem(const QString& name) const;
    // Marks each file with its git status (new, modified, staged, ignored) when the workspace is
    // its own repository; called again after a save or a commit.
    void refreshGitStatus();
    // The mark shown for a file ("" when it is as committed), for tests.
    QString gitStatusOf(const QString& path) const;

signals:
    void fileActivated(const QString& path);
    void eventActivated(const QString& function, const QString& name);
    void functionActivated(const QString& function);
    void scenarioActivated(const QString& name);
    // Context menu actions; the window asks for details and changes the workspace.
    void newFunctionRequested();
    void renameFunctionRequested(const QString& function);
    void deleteFunctionRequested(const QString& function);

private:
    QString m_workspaceFolder;
    enum ItemKind { FunctionItem = 1, FileItem, EventItem, ScenarioItem, GroupItem };
    void onActivated(QTreeWidgetItem* item);
    void showContextMenu(const QPoint& at);
};

} // namespace swb
