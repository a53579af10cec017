#pragma once
// Sets up how a deploy target reaches its platform: the fields of its CredentialForm, secrets
// typed into password fields and stored in the keychain (or AWS's own credentials file), the
// rest returned as the updated target for workbench.json.

#include "common/CredentialForms.h"

#include <QDialog>
#include <QMap>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace swb {

class SecretStore;

class CredentialsDialog : public QDialog {
    Q_OBJECT
public:
    CredentialsDialog(const DeployTarget& target, SecretStore* secrets, QString homeFolder,
                      QWidget* parent = nullptr);

    // For tests and for the window: the field editors by field id.
    QLineEdit* field(const QString& id) const { return m_fields.value(id); }
    // Stores what was typed; accept()s the dialog when done, shows the problem otherwise.
    void save();
    // Set once saved: the target with its non-secret fields.
    const std::optional<DeployTarget>& savedTarget() const { return m_saved; }
    QString errorText() const;

signals:
    void saved(const swb::DeployTarget& target);

private:
    DeployTarget m_target;
    CredentialForm m_form;
    SecretStore* m_secrets;
    QString m_home;
    QMap<QString, QLineEdit*> m_fields;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    std::optional<DeployTarget> m_saved;
};

} // namespace swb
