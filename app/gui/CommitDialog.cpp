#include "CommitDialog.h"

#include "vcs/GitRepository.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace swb {

namespace {

QString statusWord(FileStatus::Flags f)
{
    if (f & (FileStatus::WorkTreeNew | FileStatus::IndexNew))
        return CommitDialog::tr("new");
    if (f & (FileStatus::WorkTreeDeleted | FileStatus::IndexDeleted))
        return CommitDialog::tr("deleted");
    if (f & (FileStatus::WorkTreeRenamed | FileStatus::IndexRenamed))
        return CommitDialog::tr("renamed");
    return CommitDialog::tr("modified");
}

} // namespace

CommitDialog::CommitDialog(QString workspaceFolder, QWidget* parent)
    : QDialog(parent), m_folder(std::move(workspaceFolder)), m_files(new QListWidget(this)),
      m_message(new QPlainTextEdit(this)), m_name(new QLineEdit(this)),
      m_email(new QLineEdit(this)), m_error(new QLabel(this)),
      m_commit(new QPushButton(tr("&Commit"), this))
{
    setWindowTitle(tr("Commit"));
    m_files->setAccessibleName(tr("Files to commit"));
    m_message->setAccessibleName(tr("Commit message"));
    m_message->setPlaceholderText(tr("What changed, and why"));
    m_name->setAccessibleName(tr("Author name"));
    m_email->setAccessibleName(tr("Author email"));
    m_error->setAccessibleName(tr("Problem"));
    m_error->setWordWrap(true);
    QPalette p = m_error->palette();
    p.setColor(QPalette::WindowText, QColor(0xE0, 0x2A, 0x2A));
    m_error->setPalette(p);
    m_error->hide();
    if (auto signature = GitRepository::defaultSignature(m_folder); signature) {
        m_name->setText(signature->name);
        m_email->setText(signature->email);
    }
    auto* form = new QFormLayout;
    form->addRow(tr("Author:"), m_name);
    form->addRow(tr("Email:"), m_email);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_commit, QDialogButtonBox::AcceptRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Changed files (the ticked ones are committed):"), this));
    layout->addWidget(m_files, 1);
    layout->addWidget(new QLabel(tr("Message:"), this));
    layout->addWidget(m_message, 1);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(m_commit, &QPushButton::clicked, this, &CommitDialog::commit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_message, &QPlainTextEdit::textChanged, this, &CommitDialog::updateButton);
    connect(m_files, &QListWidget::itemChanged, this, &CommitDialog::updateButton);
    connect(m_name, &QLineEdit::textChanged, this, &CommitDialog::updateButton);
    connect(m_email, &QLineEdit::textChanged, this, &CommitDialog::updateButton);
    resize(560, 480);
    reload();
}

void CommitDialog::reload()
{
    m_files->clear();
    auto repo = GitRepository::open(m_folder);
    if (!repo) {
        m_error->setText(repo.error().message);
        m_error->show();
        updateButton();
        return;
    }
    auto status = repo->status();
    if (!status) {
        m_error->setText(status.error().message);
        m_error->show();
        updateButton();
        return;
    }
    for (const FileStatus& f : *status) {
        if (f.path.startsWith(QLatin1String(".swb/")))
            continue; // history and recovery files, never code
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  (%2)").arg(f.path, statusWord(f.flags)), m_files);
        item->setData(Qt::UserRole, f.path);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    if (m_files->count() == 0) {
        m_error->setText(tr("Nothing to commit: no file changed since the last commit."));
        m_error->show();
    }
    updateButton();
}

void CommitDialog::updateButton()
{
    bool any = false;
    for (int i = 0; i < m_files->count(); ++i)
        any = any || m_files->item(i)->checkState() == Qt::Checked;
    m_commit->setEnabled(any && !m_message->toPlainText().trimmed().isEmpty() &&
                         !m_name->text().trimmed().isEmpty() &&
                         !m_email->text().trimmed().isEmpty());
}

QString CommitDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void CommitDialog::setFallbackAuthor(const QString& name, const QString& email)
{
    if (m_name->text().trimmed().isEmpty())
        m_name->setText(name.trimmed());
    if (m_email->text().trimmed().isEmpty())
        m_email->setText(email.trimmed());
}

void CommitDialog::commit()
{
    QStringList paths;
    for (int i = 0; i < m_files->count(); ++i) {
        if (m_files->item(i)->checkState() == Qt::Checked)
            paths << m_files->item(i)->data(Qt::UserRole).toString();
    }
    auto repo = GitRepository::open(m_folder);
    if (!repo) {
        m_error->setText(repo.error().message);
        m_error->show();
        return;
    }
    auto id = repo->commitPaths(paths, m_message->toPlainText(),
                                Signature{m_name->text().trimmed(), m_email->text().trimmed()});
    if (!id) {
        m_error->setText(id.error().message);
        m_error->show();
        return;
    }
    m_committed = *id;
    accept();
}

} // namespace swb
