#pragma once
// A database a workspace or a function declares ("resources": {"orders": {"type": "postgres"}}):
// the local runner starts it and hands its connection to the functions as environment
// variables (docs/resources.md).

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace swb {

struct ResourceSpec {
    static constexpr const char* kPostgres = "postgres";
    static constexpr const char* kSqlite = "sqlite";

    QString type = QString::fromLatin1(kPostgres); // "postgres" | "sqlite"
    QStringList seeds;      // SQL files relative to the workspace folder, run once in this order
    QJsonObject extensions; // unknown keys, kept on save

    bool isPostgres() const { return type == QLatin1String(kPostgres); }

    static QStringList typeNames()
    {
        return {QString::fromLatin1(kPostgres), QString::fromLatin1(kSqlite)};
    }
    // Empty when `name` is a valid resource name: a lowercase letter, then lowercase letters,
    // digits or '_', at most 40 characters, so it is a database name, a folder name and (upper-
    // cased) the prefix of an environment variable at once.
    static QString nameProblem(const QString& name);
    // ORDERS for "orders": the prefix of the variables that carry the connection.
    static QString environmentPrefix(const QString& name) { return name.toUpper(); }
};

// Resources by name (sorted, so they start and print in a stable order).
using ResourceMap = QMap<QString, ResourceSpec>;

} // namespace swb
