#include "DiffDialog.h"

#include "DiffView.h"
#include "vcs/GitRepository.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace swb {

DiffDialog::DiffDialog(QString repositoryFolder, QStringList paths, QList<Revision> revisions,
                       WorkingText workingText, const QString& message, QWidget* parent)
    : QDialog(parent), m_repository(std::move(repositoryFolder)),
      m_workingText(std::move(workingText)), m_message(new QLabel(message, this)),
      m_files(new QComboBox(this)), m_revisions(new QComboBox(this)), m_error(new QLabel(this)),
      m_view(new DiffView(this))
{
    setWindowTitle(tr("Compare with Commit"));
    m_message->setWordWrap(true);
    m_message->setVisible(!message.isEmpty());
    m_error->setWordWrap(true);
    m_error->hide();
    m_files->setAccessibleName(tr("File"));
    m_revisions->setAccessibleName(tr("Compare with"));
    m_files->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_revisions->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_files->setMinimumContentsLength(30);
    m_revisions->setMinimumContentsLength(40);
    for (const QString& path : paths)
        m_files->addItem(path, path);
    for (const Revision& r : revisions)
        m_revisions->addItem(r.label, r.id);

    auto* form = new QFormLayout;
    form->addRow(tr("&File:"), m_files);
    form->addRow(tr("Compare &with:"), m_revisions);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_files, &QComboBox::currentIndexChanged, this, &DiffDialog::refresh);
    connect(m_revisions, &QComboBox::currentIndexChanged, this, &DiffDialog::refresh);
    resize(980, 640);
    refresh();
}

QList<DiffDialog::Revision> DiffDialog::revisionsOf(const GitRepository& repository,
                                                    const QString& path)
{
    QList<Revision> out;
    const auto head = repository.headCommitId();
    out << Revision{QStringLiteral("HEAD"),
                    head ? tr("HEAD (%1)").arg(head->left(8)) : tr("HEAD (no commit yet)")};
    if (auto history = repository.history(path); history) {
        for (const CommitInfo& c : *history) {
            QString label = QStringLiteral("%1  %2  %3")
                                .arg(c.id.left(8),
                                     QDateTime::fromSecsSinceEpoch(c.timeEpochSeconds)
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                     c.summary);
            if (!c.tags.isEmpty())
                label += QStringLiteral("  [%1]").arg(c.tags.join(QStringLiteral(", ")));
            out << Revision{c.id, label};
        }
    }
    return out;
}

QString DiffDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void DiffDialog::refresh()
{
    const QString path = m_files->currentData().toString();
    const QString revision = m_revisions->currentData().toString();
    m_error->hide();
    if (path.isEmpty() || revision.isEmpty()) {
        m_view->setTexts(QString(), QString(), QString(), QString());
        return;
    }
    auto repo = GitRepository::open(m_repository);
    if (!repo) {
        m_error->setText(repo.error().message);
        m_error->show();
        return;
    }
    const QString shortId = revision == QLatin1String("HEAD") ? revision : revision.left(8);
    QString oldTitle = tr("%1 at %2").arg(path, shortId);
    QString before;
    if (auto old = repo->fileAt(revision, path); old) {
        before = QString::fromUtf8(*old);
    } else if (old.error().code == ErrorCode::NotFound) {
        oldTitle = tr("%1 (not in %2)").arg(path, shortId); // a file added since
    } else {
        m_error->setText(old.error().message);
        m_error->show();
    }
    const QString after = m_workingText ? m_workingText(path) : QString();
    m_view->setTexts(before, after, oldTitle, tr("working copy"));
}

} // namespace swb
