#pragma once
// The embedded database: an SQLite file in .swb/resources/NAME/NAME.sqlite3 with its seed
// files run once; what a resource becomes when it says "sqlite" or PostgreSQL is not installed.

#include "Error.h"

#include <QStringList>

namespace swb {

class SqliteDatabase {
public:
    // Creates the file if needed and runs the seeds not run yet (each in one transaction,
    // recorded in swb-state.json). Returns the file's absolute path.
    static Result<QString> prepare(const QString& name, const QString& resourceFolder,
                                   const QString& workspaceFolder, const QStringList& seeds);
    static QString filePath(const QString& name, const QString& resourceFolder);
    // An SQL script as single statements: ';' ends one except inside quotes, comments and a
    // trigger's BEGIN ... END.
    static QStringList splitStatements(const QString& script);
};

} // namespace swb
