#pragma once
// Remembers every deploy of a workspace in .swb/deploys.json: what went where, from which
// commit, with which code hash, and how it ended.

#include "Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace swb {

enum class DeployOutcome { Succeeded, Failed, Cancelled };

QString deployOutcomeName(DeployOutcome outcome); // "succeeded", "failed", "cancelled"
std::optional<DeployOutcome> deployOutcomeFromName(const QString& name);

// One deploy of one function. It is stored as plain text in the workspace (and may be
// committed), so callers never put a secret in it: no keys, tokens, passwords or signed URLs,
// and messages are written from Error::message, which holds none.
struct DeployRecord {
    QString id;       // filled in by DeployLog::append() when empty
    QString provider; // "aws", "azure", …
    QString target;   // the workspace's deploy target name
    QString function;
    QDateTime startedAt; // stored as ISO 8601 UTC with milliseconds
    QDateTime finishedAt;
    QString commitId;   // the workspace's HEAD; empty outside git
    bool dirty = false; // uncommitted changes were deployed
    QString codeSha256; // Package::sha256Base64
    // What the provider answered, as it wrote it.
    QString version;
    QString arn;
    QString url;
    DeployOutcome outcome = DeployOutcome::Failed;
    QString message;

    bool operator==(const DeployRecord&) const = default;
};

class DeployLog {
public:
    static constexpr int kFormatVersion = 1;

    explicit DeployLog(const QString& workspaceFolder);

    QString filePath() const { return m_path; } // <workspace>/.swb/deploys.json

    // Adds the record at the end and rewrites the file atomically. Refuses, leaving the file
    // as it is, when the existing file cannot be read or understood, or when the record has
    // no provider, function or start time.
    Result<DeployRecord> append(DeployRecord record);

    // In the order they were appended (the order deploys finished). A missing file is an
    // empty log.
    Result<QList<DeployRecord>> all() const;
    Result<QList<DeployRecord>> forFunction(const QString& function) const;
    // The last succeeded deploy of `function` to `provider`, if any.
    Result<std::optional<DeployRecord>> latestSucceeded(const QString& function,
                                                        const QString& provider) const;

private:
    QString m_path;
};

} // namespace swb
