#include "CredentialsDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace swb {

CredentialsDialog::CredentialsDialog(const DeployTarget& target, SecretStore* secrets,
                                     QString homeFolder, QWidget* parent)
    : QDialog(parent), m_target(target), m_form(credentialForm(target.provider)),
      m_secrets(secrets), m_home(std::move(homeFolder)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Credentials for %1").arg(target.name));
    auto* intro = new QLabel(m_form.intro, this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    const QMap<QString, QString> values = credentialValues(m_form, target);
    for (const CredentialField& f : std::as_const(m_form.fields)) {
        auto* edit = new QLineEdit(values.value(f.id), this);
        edit->setAccessibleName(f.label);
        edit->setToolTip(f.help);
        edit->setPlaceholderText(f.help);
        if (f.kind == CredentialField::Kind::Secret)
            edit->setEchoMode(QLineEdit::Password);
        m_fields.insert(f.id, edit);
        const QString label = f.required ? tr("%1 *").arg(f.label) : f.label;
        if (f.kind == CredentialField::Kind::File) {
            auto* row = new QWidget(this);
            auto* rowLayout = new QHBoxLayout(row);
            rowLayout->setContentsMargins(0, 0, 0, 0);
            auto* browse = new QPushButton(tr("Choose…"), row);
            browse->setAccessibleName(tr("Choose %1").arg(f.label));
            rowLayout->addWidget(edit, 1);
            rowLayout->addWidget(browse);
            connect(browse, &QPushButton::clicked, this, [this, edit, f] {
                const QString path = QFileDialog::getOpenFileName(this, f.label);
                if (!path.isEmpty())
                    edit->setText(path);
            });
            form->addRow(label, row);
        } else {
            form->addRow(label, edit);
        }
    }
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Problem"));
    QPalette p = m_error->palette();
    p.setColor(QPalette::WindowText, QColor(0xE0, 0x2A, 0x2A));
    m_error->setPalette(p);
    m_error->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CredentialsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_form.fields.isEmpty()) {
        intro->setText(tr("The local stage needs no credentials."));
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    }
}

void CredentialsDialog::save()
{
    QMap<QString, QString> values;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        values.insert(it.key(), it.value()->text());
    m_buttons->setEnabled(false);
    m_error->hide();
    QPointer<CredentialsDialog> self(this);
    saveCredentials(m_form, m_target, values, m_secrets, m_home,
                    [self](Result<DeployTarget> result) {
                        if (!self)
                            return;
                        self->m_buttons->setEnabled(true);
                        if (!result) {
                            self->m_error->setText(result.error().message);
                            self->m_error->show();
                            return;
                        }
                        // Typed secrets do not linger in the widgets.
                        for (QLineEdit* edit : std::as_const(self->m_fields)) {
                            if (edit->echoMode() == QLineEdit::Password)
                                edit->clear();
                        }
                        self->m_saved = *result;
                        emit self->saved(*result);
                        self->accept();
                    });
}

QString CredentialsDialog::errorText() const
{
    return m_error->isVisible() || !m_error->isHidden() ? m_error->text() : QString();
}

} // namespace swb
