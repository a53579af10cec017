#include "HistoryDialog.h"

#include "UnifiedDiffHighlighter.h"
#include "vcs/GitRepository.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace swb {

HistoryDialog::HistoryDialog(QString workspaceFolder, QString function, QString folder,
                             QWidget* parent)
    : QDialog(parent), m_workspace(std::move(workspaceFolder)), m_folder(std::move(folder)),
      m_commits(new QListWidget(this)), m_diff(new QPlainTextEdit(this)), m_error(new QLabel(this)),
      m_rollback(new QPushButton(tr("&Deploy This Version"), this))
{
    // No function: the whole workspace's history (nothing to roll back to as one function).
    setWindowTitle(function.isEmpty() ? tr("History of Workspace")
                                      : tr("History of %1").arg(function));
    new UnifiedDiffHighlighter(m_diff->document());
    m_commits->setAccessibleName(tr("Commits"));
    m_diff->setAccessibleName(tr("What the commit changed"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rollback->setAccessibleName(tr("Deploy the function as it was at this commit"));
    m_rollback->setToolTip(tr("Deploys this commit's version to the Deploy panel's target; your "
                              "files stay as they are."));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_commits);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(1, 2);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_rollback, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_commits, &QListWidget::currentRowChanged, this, &HistoryDialog::showCommit);
    connect(m_rollback, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem* item = m_commits->currentItem()) {
            emit rollbackRequested(item->data(Qt::UserRole).toString());
            accept();
        }
    });
    resize(760, 560);

    auto repo = GitRepository::open(m_workspace);
    auto history =
        repo ? repo->history(m_folder) : Result<QList<CommitInfo>>(std::unexpected(repo.error()));
    if (!history) {
        m_error->setText(history.error().message);
        m_error->show();
    } else {
        for (const CommitInfo& c : *history) {
            QString text = QStringLiteral("%1  %2  %3")
                               .arg(c.id.left(12),
                                    QDateTime::fromSecsSinceEpoch(c.timeEpochSeconds)
                                        .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                    c.summary);
            if (!c.tags.isEmpty())
                text += QStringLiteral("  [%1]").arg(c.tags.join(QStringLiteral(", ")));
            auto* item = new QListWidgetItem(text, m_commits);
            item->setData(Qt::UserRole, c.id);
            item->setToolTip(QStringLiteral("%1\n%2\n\n%3").arg(c.id, c.author, c.message));
        }
        if (history->isEmpty()) {
            m_error->setText(function.isEmpty() ? tr("The workspace has no commit yet.")
                                                : tr("No commit has changed this function yet."));
            m_error->show();
        }
    }
    m_rollback->setEnabled(false);
    m_rollback->setVisible(!function.isEmpty());
    if (m_commits->count() > 0)
        m_commits->setCurrentRow(0);
}

void HistoryDialog::showCommit()
{
    QListWidgetItem* item = m_commits->currentItem();
    m_rollback->setEnabled(item != nullptr);
    if (!item) {
        m_diff->clear();
        return;
    }
    auto repo = GitRepository::open(m_workspace);
    auto diff = repo ? repo->diffOfCommit(item->data(Qt::UserRole).toString(), m_folder)
                     : Result<QString>(std::unexpected(repo.error()));
    m_diff->setPlainText(diff ? *diff : diff.error().message);
}

QString HistoryDialog::diffText() const
{
    return m_diff->toPlainText();
}

QString HistoryDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace swb
