#pragma once
// Compare a file with an older version: Git ▸ Compare with Commit… (the current file against
// HEAD or any commit that changed it) and the Deploy panel's "What Is Deployed" (each file of a
// function's folder that differs from the deployed commit). The right side is the working copy
// as the editor holds it, unsaved typing included.

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;

namespace swb {

class DiffView;
class GitRepository;

class DiffDialog : public QDialog {
    Q_OBJECT
public:
    struct Revision {
        QString id;    // a commit id or "HEAD"
        QString label; // what the list shows
    };
    // The working copy of a path relative to the repository (an unsaved buffer or the file).
    using WorkingText = std::function<QString(const QString& path)>;

    // `paths`: the files offered, the first shown; `revisions`: the versions offered, the first
    // compared with. `message`: a line above the files (what is compared and why).
    DiffDialog(QString repositoryFolder, QStringList paths, QList<Revision> revisions,
               WorkingText workingText, const QString& message = {}, QWidget* parent = nullptr);

    // HEAD and each commit that changed `path`, newest first.
    static QList<Revision> revisionsOf(const GitRepository& repository, const QString& path);

    DiffView* view() const { return m_view; }
    QComboBox* fileList() const { return m_files; }
    QComboBox* revisionList() const { return m_revisions; }
    QString errorText() const;

private:
    void refresh();

    QString m_repository;
    WorkingText m_workingText;
    QLabel* m_message;
    QComboBox* m_files;
    QComboBox* m_revisions;
    QLabel* m_error;
    DiffView* m_view;
};

} // namespace swb
