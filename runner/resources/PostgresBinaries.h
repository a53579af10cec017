#pragma once
// Where the machine's PostgreSQL programs are: one folder holding initdb, postgres and psql of
// one version (Debian's /usr/lib/postgresql/N/bin, or whatever PATH leads to).

#include <QString>
#include <QStringList>

#include <optional>

namespace swb {

struct PostgresBinaries {
    QString folder;       // absolute, symlinks resolved
    int majorVersion = 0; // from Debian's folder name; 0 when the folder does not say

    QString program(const QString& name) const;

    // The folders searched when nothing else is said: those PATH leads to (an initdb found on
    // PATH, its symlinks followed, names its folder), then /usr/lib/postgresql/*/bin, the
    // highest version first.
    static QStringList
    defaultSearchFolders(const QString& pathVariable,
                         const QString& debianRoot = QStringLiteral("/usr/lib/postgresql"));
    // The first of `folders` that holds all of initdb, postgres and psql as executables.
    static std::optional<PostgresBinaries> find(const QStringList& folders);
};

} // namespace swb
