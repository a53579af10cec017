#include "CredentialForms.h"

#include "aws/AwsProfileWriter.h"
#include "settings/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QTimer>

namespace swb {

namespace {

using D = CredentialField::Destination;
using K = CredentialField::Kind;

// One write after another (the store answers from the event loop); the first failure ends it.
void writeSecrets(SecretStore* secrets, QList<std::pair<QString, QString>> remaining,
                  std::function<void(Result<void>)> done)
{
    if (remaining.isEmpty())
        return done({});
    const auto [key, value] = remaining.takeFirst();
    secrets->writeSecret(key, value, [secrets, remaining, done](Result<void> written) {
        if (!written)
            return done(std::unexpected(written.error()));
        writeSecrets(secrets, remaining, done);
    });
}

QString tr(const char* text)
{
    return QObject::tr(text);
}

} // namespace

CredentialForm credentialForm(const QString& provider)
{
    CredentialForm f;
    f.provider = provider;
    if (provider == QLatin1String("aws")) {
        f.intro = tr("AWS keys go into your shared credentials file (~/.aws/credentials, readable "
                     "by you only) under the profile named here, as `aws configure` does; the "
                     "profile, region and role go into the deploy target.");
        f.fields = {
            {QStringLiteral("profile"), tr("Profile"), K::Text, D::TargetExtension,
             QStringLiteral("profile"), true, tr("The profile in ~/.aws to use, e.g. default.")},
            {QStringLiteral("accessKeyId"), tr("Access key ID"), K::Text, D::AwsCredentialsFile,
             QStringLiteral("access_key_id"), false,
             tr("AKIA…; leave empty to keep the profile's.")},
            {QStringLiteral("secretAccessKey"), tr("Secret access key"), K::Secret,
             D::AwsCredentialsFile, QStringLiteral("secret_access_key"), false,
             tr("Leave empty to keep the profile's.")},
            {QStringLiteral("region"), tr("Region"), K::Text, D::TargetRegion, QString(), true,
             tr("Where the function runs, e.g. eu-west-1.")},
            {QStringLiteral("role"), tr("Execution role ARN"), K::Text, D::TargetExtension,
             QStringLiteral("role"), false,
             tr("arn:aws:iam::ACCOUNT:role/NAME — needed to create a function.")},
        };
    } else if (provider == QLatin1String("openwhisk")) {
        f.intro = tr("The API host and namespace go into the deploy target; the AUTH key "
                     "(uuid:key, as in ~/.wskprops) goes into your keychain.");
        f.fields = {
            {QStringLiteral("apiHost"), tr("API host"), K::Text, D::TargetEndpoint, QString(), true,
             tr("https://openwhisk.example.com or the APIHOST of ~/.wskprops.")},
            {QStringLiteral("namespace"), tr("Namespace"), K::Text, D::TargetExtension,
             QStringLiteral("namespace"), false, tr("Empty: the key's default namespace (_).")},
            {QStringLiteral("auth"), tr("AUTH key"), K::Secret, D::Keychain, QStringLiteral("auth"),
             false, tr("uuid:key; leave empty to keep the stored one (or use ~/.wskprops).")},
        };
    } else if (provider == QLatin1String("gcp")) {
        f.intro = tr("The project and region go into the deploy target; the service account's "
                     "JSON key is read once and kept in your keychain (the file can then be "
                     "deleted).");
        f.fields = {
            {QStringLiteral("project"), tr("Project"), K::Text, D::TargetExtension,
             QStringLiteral("project"), false, tr("Empty: the key's project_id.")},
            {QStringLiteral("region"), tr("Region"), K::Text, D::TargetRegion, QString(), false,
             tr("e.g. europe-west1 (default us-central1).")},
            {QStringLiteral("keyFile"), tr("Service account key (JSON)"), K::File, D::KeychainFile,
             QStringLiteral("service_account_json"), false,
             tr("Leave empty to keep the stored key (or GOOGLE_APPLICATION_CREDENTIALS).")},
        };
    } else if (provider == QLatin1String("azure")) {
        f.intro = tr("The function app goes into the deploy target; the deployment password "
                     "(from the app's publish profile) or a service principal's client secret "
                     "goes into your keychain.");
        f.fields = {
            {QStringLiteral("app"), tr("Function app"), K::Text, D::TargetExtension,
             QStringLiteral("app"), true, tr("The app's name (NAME.azurewebsites.net).")},
            {QStringLiteral("userName"), tr("Deployment user"), K::Text, D::TargetExtension,
             QStringLiteral("userName"), false, tr("$NAME, from the publish profile.")},
            {QStringLiteral("password"), tr("Deployment password"), K::Secret, D::Keychain,
             QStringLiteral("publish_password"), false,
             tr("userPWD from the publish profile; leave empty to keep the stored one.")},
            {QStringLiteral("tenantId"), tr("Or: service principal tenant ID"), K::Text,
             D::TargetExtension, QStringLiteral("tenantId"), false,
             tr("With a client ID and secret instead of a deployment password.")},
            {QStringLiteral("clientId"), tr("Service principal client ID"), K::Text,
             D::TargetExtension, QStringLiteral("clientId"), false, QString()},
            {QStringLiteral("clientSecret"), tr("Service principal client secret"), K::Secret,
             D::Keychain, QStringLiteral("client_secret"), false,
             tr("Leave empty to keep the stored one (or AZURE_CLIENT_SECRET).")},
        };
    }
    return f;
}

QMap<QString, QString> credentialValues(const CredentialForm& form, const DeployTarget& target)
{
    QMap<QString, QString> values;
    for (const CredentialField& field : form.fields) {
        switch (field.destination) {
        case D::TargetRegion:
            values.insert(field.id, target.region);
            break;
        case D::TargetEndpoint:
            values.insert(field.id, target.endpoint);
            break;
        case D::TargetExtension:
            values.insert(field.id, target.extensions.value(field.key).toString());
            break;
        default:
            break; // secrets are never read back into a form
        }
    }
    return values;
}

void saveCredentials(const CredentialForm& form, DeployTarget target,
                     const QMap<QString, QString>& values, SecretStore* secrets,
                     const QString& homeFolder, std::function<void(Result<DeployTarget>)> done)
{
    auto finish = [done](Result<DeployTarget> result) {
        QTimer::singleShot(0, [done, result = std::move(result)] { done(result); });
    };
    QList<std::pair<QString, QString>> keychain; // key -> value
    QString awsKeyId, awsSecret;
    for (const CredentialField& field : form.fields) {
        const QString value = values.value(field.id).trimmed();
        if (field.required && value.isEmpty())
            return finish(
                fail(ErrorCode::InvalidArgument, QObject::tr("%1 is needed.").arg(field.label)));
        switch (field.destination) {
        case D::TargetRegion:
            target.region = value;
            break;
        case D::TargetEndpoint:
            target.endpoint = value;
            break;
        case D::TargetExtension:
            if (value.isEmpty())
                target.extensions.remove(field.key);
            else
                target.extensions.insert(field.key, value);
            break;
        case D::Keychain:
            if (!value.isEmpty())
                keychain << std::pair{
                    QStringLiteral("%1/%2/%3").arg(form.provider, target.name, field.key), value};
            break;
        case D::KeychainFile:
            if (!value.isEmpty()) {
                QFile file(value);
                if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024)
                    return finish(
                        fail(ErrorCode::InvalidArgument,
                             QObject::tr("Cannot read %1 (%2); choose the key file again.")
                                 .arg(QDir::toNativeSeparators(value),
                                      file.size() > 1024 * 1024 ? QObject::tr("too large")
                                                                : file.errorString())));
                keychain << std::pair{
                    QStringLiteral("%1/%2/%3").arg(form.provider, target.name, field.key),
                    QString::fromUtf8(file.readAll())};
            }
            break;
        case D::AwsCredentialsFile:
            (field.key == QLatin1String("access_key_id") ? awsKeyId : awsSecret) = value;
            break;
        }
    }
    if (!awsKeyId.isEmpty() || !awsSecret.isEmpty()) {
        if (awsKeyId.isEmpty() || awsSecret.isEmpty())
            return finish(fail(ErrorCode::InvalidArgument,
                               QObject::tr("Give both the access key ID and the secret access key, "
                                           "or neither to keep the profile's.")));
        const QString home = homeFolder.isEmpty() ? QDir::homePath() : homeFolder;
        const QString profile = target.extensions.value(QLatin1String("profile")).toString();
        if (auto written = AwsProfileWriter::writeKeys(home + QStringLiteral("/.aws/credentials"),
                                                       profile, awsKeyId, awsSecret);
            !written)
            return finish(std::unexpected(written.error()));
        if (!target.region.isEmpty()) {
            if (auto written = AwsProfileWriter::writeRegion(home + QStringLiteral("/.aws/config"),
                                                             profile, target.region);
                !written)
                return finish(std::unexpected(written.error()));
        }
    }
    if (keychain.isEmpty())
        return finish(target);
    if (!secrets)
        return finish(fail(ErrorCode::Unsupported,
                           QObject::tr("No keychain is available to keep the secret; set it in the "
                                       "platform's own configuration instead.")));
    writeSecrets(secrets, keychain, [finish, target](Result<void> written) {
        if (!written)
            return finish(std::unexpected(written.error()));
        finish(target);
    });
}

} // namespace swb
