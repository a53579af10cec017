#pragma once
// The crash-safe copy of unsaved buffers: one small JSON file per buffer (its path, text and
// when it was written) in a recovery folder, written atomically, so that a run that dies
// (crash, SIGKILL, power loss) leaves what the next run offers to restore.

#include "Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace swb {

struct RecoveryEntry {
    QString originalPath; // the file the buffer belongs to (absolute)
    QString text;         // the unsaved text
    QDateTime savedAt;    // when the autosave wrote it (UTC)
    QString entryFile;    // the recovery file holding it
};

class RecoveryStore {
public:
    // `folder` is created on the first write (the app uses <workspace>/.swb/recovery).
    explicit RecoveryStore(QString folder);

    QString folder() const { return m_folder; }

    // Writes (or replaces) the entry for `originalPath`, atomically.
    Result<void> write(const QString& originalPath, const QString& text,
                       const QDateTime& savedAt = QDateTime::currentDateTimeUtc());
    // Drops the entry for `originalPath` (the buffer was saved or closed without changes).
    void remove(const QString& originalPath);
    // Every entry in the folder, oldest first. Unreadable entry files are skipped (and kept,
    // so nothing is lost); `problems` receives a sentence for each when given.
    QList<RecoveryEntry> pending(QStringList* problems = nullptr) const;
    // The entry for one path, if there is one.
    std::optional<RecoveryEntry> entryFor(const QString& originalPath) const;
    // The user declined to restore it.
    void discard(const RecoveryEntry& entry);

    // The entry file's name for a path: a hash, so any path maps to a safe file name.
    QString entryFileFor(const QString& originalPath) const;

private:
    QString m_folder;
};

} // namespace swb
