#pragma once
// Git ▸ History of Function: the commits that changed a function's folder (newest first, with
// their deploy tags) and, for the one selected, what it changed; "Deploy This Version" rolls the
// function back to it through the Deploy panel (the working tree is not touched).

#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace swb {

class HistoryDialog : public QDialog {
    Q_OBJECT
public:
    // `folder`: the function's code folder relative to the workspace's repository; with an empty
    // `function` and `folder`, the whole workspace's history (no rollback offered).
    HistoryDialog(QString workspaceFolder, QString function, QString folder,
                  QWidget* parent = nullptr);

    QListWidget* commits() const { return m_commits; }
    QString diffText() const;
    QString errorText() const;

signals:
    void rollbackRequested(const QString& commit);

private:
    void showCommit();

    QString m_workspace;
    QString m_folder;
    QListWidget* m_commits;
    QPlainTextEdit* m_diff;
    QLabel* m_error;
    QPushButton* m_rollback;
};

} // namespace swb
