#pragma once
// Git ▸ Commit: the workspace's changed files with a box each (all ticked), a message and the
// author (git's user.name/user.email, else the one the window remembers, or typed); commits the
// ticked files only, through core's GitRepository.

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace swb {

class CommitDialog : public QDialog {
    Q_OBJECT
public:
    explicit CommitDialog(QString workspaceFolder, QWidget* parent = nullptr);

    // Tests drive these.
    QListWidget* files() const { return m_files; }
    QPlainTextEdit* message() const { return m_message; }
    QLineEdit* authorName() const { return m_name; }
    QLineEdit* authorEmail() const { return m_email; }
    QPushButton* commitButton() const { return m_commit; }
    QString errorText() const;
    QString committedId() const { return m_committed; }
    // Fills the author fields git's configuration left empty (the window passes the author of
    // its last commit, from Settings).
    void setFallbackAuthor(const QString& name, const QString& email);
    // Commits what is ticked; accept()s on success, shows why not otherwise.
    void commit();

private:
    void reload();
    void updateButton();

    QString m_folder;
    QListWidget* m_files;
    QPlainTextEdit* m_message;
    QLineEdit* m_name;
    QLineEdit* m_email;
    QLabel* m_error;
    QPushButton* m_commit;
    QString m_committed;
};

} // namespace swb
