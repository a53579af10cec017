#pragma once
// Zips a function folder the same way every time: equal sources give equal bytes and an equal
// hash, so a deploy can tell "nothing changed" from the hash alone.

#include "Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace swb {

struct Package {
    QByteArray zipBytes;
    QString sha256Base64; // base64 of the raw SHA-256 of zipBytes (Lambda's CodeSha256)
    QStringList entries;  // sorted paths, '/' separators
    qint64 uncompressedBytes = 0;
};

// A file that is not on disk, such as a generated bootstrap or handler shim.
struct GeneratedFile {
    QString path; // relative, '/' separators
    QByteArray bytes;
    bool executable = false;
};

class Packager {
public:
    static constexpr qint64 kDefaultMaxUnzippedBytes = 250LL * 1024 * 1024; // Lambda's limit
    static constexpr const char* kIgnoreFileName = ".swbignore";

    explicit Packager(QString folder);

    // Replaces a file of the same path from the folder.
    void addGeneratedFile(GeneratedFile file);
    void setMaxUnzippedBytes(qint64 bytes) { m_maxUnzippedBytes = bytes; }

    // Every entry is deflated, dated 1980-01-01 00:00 and has mode 0644, or 0755 when the
    // file on disk is executable by its owner (or the generated file says so). A symlink is
    // stored as the file it points to, which must be inside the folder.
    Result<Package> package() const;

private:
    QString m_folder;
    QList<GeneratedFile> m_generated;
    qint64 m_maxUnzippedBytes = kDefaultMaxUnzippedBytes;
};

} // namespace swb
