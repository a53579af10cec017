#pragma once
// What each platform needs to be reached, as fields a person fills in once (the credential
// set-up dialog), and where each answer goes: secrets to the keychain (the SecretStore) or to
// the ecosystem's own file (AWS's shared credentials file), everything else into the deploy
// target in workbench.json. Nothing secret is ever written to workbench.json.

#include "Error.h"
#include "model/ScenarioSpec.h"

#include <QList>
#include <QMap>
#include <QString>

#include <functional>

namespace swb {

class SecretStore;

struct CredentialField {
    enum class Kind { Text, Secret, File };
    enum class Destination {
        TargetRegion,      // DeployTarget::region
        TargetEndpoint,    // DeployTarget::endpoint
        TargetExtension,   // DeployTarget::extensions[key]
        Keychain,          // SecretStore "<provider>/<target>/<key>"
        KeychainFile,      // the file's content, to SecretStore "<provider>/<target>/<key>"
        AwsCredentialsFile // ~/.aws/credentials (key: access_key_id or secret_access_key)
    };
    QString id;
    QString label;
    Kind kind = Kind::Text;
    Destination destination = Destination::TargetExtension;
    QString key;
    bool required = false;
    QString help;
};

struct CredentialForm {
    QString provider;
    QString intro; // one paragraph: what this is and where things go
    QList<CredentialField> fields;
};

// The form for a platform id; an empty field list for "local" (nothing to set up).
CredentialForm credentialForm(const QString& provider);

// The current non-secret values of a target, by field id (to fill the form in).
QMap<QString, QString> credentialValues(const CredentialForm& form, const DeployTarget& target);

// Stores `values` (by field id) for `target`: secrets to `secrets` (required for Keychain
// fields) or, for AWS, to the shared credentials and config files under `homeFolder`; returns
// (through `done`, from the event loop) the target with the non-secret fields set, for the
// caller to save in workbench.json. An empty secret field leaves the stored secret as it is.
// InvalidArgument names a missing required field or an unreadable file.
void saveCredentials(const CredentialForm& form, DeployTarget target,
                     const QMap<QString, QString>& values, SecretStore* secrets,
                     const QString& homeFolder, std::function<void(Result<DeployTarget>)> done);

} // namespace swb
