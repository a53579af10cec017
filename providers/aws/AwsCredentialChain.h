#pragma once
// Finds the AWS credentials and region the way the AWS CLI does: environment variables, then
// the shared credentials and config files, following role profiles to their source. The
// environment and the home folder are passed in; nothing is read from the process.

#include "AwsCredentials.h"

#include "Error.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace swb {

// One role to assume (with STS AssumeRole), named by a profile in the config file.
struct AwsRoleStep {
    QString profile;
    QString roleArn;
    QString roleSessionName; // empty: the caller picks one
    QString externalId;
    int durationSeconds = 0; // 0: STS's default
    QString source;          // "profile 'dev' in /home/u/.aws/config"
};

struct AwsCredentialResolution {
    // The keys to use; when `roles` is not empty, the keys to call STS with, assuming each role
    // in turn with the credentials the previous one returned.
    AwsCredentials credentials;
    QList<AwsRoleStep> roles;
    QString credentialsSource; // "environment variables", "profile 'dev' in …/credentials"
    QString profile;           // the profile asked for ("default" when none was named)
    QString region;            // empty when nothing names one
    QString regionSource;      // "AWS_REGION", "profile 'dev' in …/config"

    bool needsAssumeRole() const { return !roles.isEmpty(); }
    // Where the credentials come from, for messages: "role arn:… (profile 'dev' in …/config)
    // assumed with profile 'base' in …/credentials".
    QString source() const;
    // The source, the access key ID and the region; never the secret or the token.
    QString toString() const;
};

class AwsCredentialChain {
public:
    AwsCredentialChain(QProcessEnvironment environment, QString homePath);

    // `profile` (like the CLI's --profile) wins over AWS_PROFILE and, as in the CLI, makes the
    // AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY variables be ignored; AWS_PROFILE does not.
    Result<AwsCredentialResolution> resolve(const QString& profile = {}) const;

    QString credentialsFilePath() const; // AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials
    QString configFilePath() const;      // AWS_CONFIG_FILE or ~/.aws/config

private:
    QString expandHome(const QString& path) const;

    QProcessEnvironment m_environment;
    QString m_home;
};

} // namespace swb
