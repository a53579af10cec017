#pragma once
// Writes one profile's keys into the AWS shared credentials file (and its region into the
// config file) the way `aws configure` does: other profiles, comments and unknown keys stay as
// they were, the file is replaced atomically and readable by its owner only. The credential
// set-up dialog uses it; the secret goes to the ecosystem's own file, never to workbench.json.

#include "Error.h"

#include <QString>

namespace swb {

class AwsProfileWriter {
public:
    // Sets aws_access_key_id and aws_secret_access_key (and aws_session_token, or removes it
    // when empty) in [profile] of `credentialsPath`, creating the file and its folder.
    static Result<void> writeKeys(const QString& credentialsPath, const QString& profile,
                                  const QString& accessKeyId, const QString& secretAccessKey,
                                  const QString& sessionToken = {});
    // Sets region in the profile's section of `configPath` ([default] or [profile NAME]).
    static Result<void> writeRegion(const QString& configPath, const QString& profile,
                                    const QString& region);

    // The same edit on text, for tests: `section` is the header's name ("default",
    // "profile dev"); keys with an empty value are removed.
    static QString setKeys(const QString& text, const QString& section,
                           const QList<std::pair<QString, QString>>& keys);
    // Empty when the profile name is usable (letters, digits, '-', '_', '.'), else why not.
    static QString profileProblem(const QString& profile);
};

} // namespace swb
