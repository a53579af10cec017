#pragma once
// An AWS access key pair (and session token for temporary credentials), with the secret kept
// out of every string made for a person.

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace swb {

struct AwsCredentials {
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // empty for long-term keys
    QDateTime expiration; // invalid for long-term keys

    bool isTemporary() const { return !sessionToken.isEmpty(); }
    bool isComplete() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }

    // "AKIDEXAMPLE (temporary, expires 2019-11-09T13:34:41Z)": the key ID only; the secret and
    // the token never appear.
    QString toString() const;
    // The values to hand to redactSecrets() before text built near these credentials is logged.
    QStringList secrets() const;
};

} // namespace swb
