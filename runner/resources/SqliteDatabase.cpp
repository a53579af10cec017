#include "SqliteDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace swb {

namespace {

const QString kStateFile = QStringLiteral("swb-state.json");

QJsonObject readState(const QString& folder)
{
    QFile f(QDir(folder).filePath(kStateFile));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Runs `statements` in one transaction on a connection of its own.
Result<void> runScript(const QString& file, const QStringList& statements, const QString& seed)
{
    const QString connection = QStringLiteral("swb-seed-") + QUuid::createUuid().toString();
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(file);
        if (!db.open()) {
            result = fail(ErrorCode::Io, QStringLiteral("The SQLite file %1 cannot be opened: %2.")
                                             .arg(file, db.lastError().text()));
        } else {
            db.transaction();
            QSqlQuery query(db);
            for (const QString& statement : statements) {
                if (!query.exec(statement)) {
                    result = fail(ErrorCode::Validation,
                                  QStringLiteral("The seed file %1 failed and was rolled back: %2 "
                                                 "(in: %3)")
                                      .arg(seed, query.lastError().databaseText(),
                                           statement.simplified().left(200)));
                    break;
                }
            }
            query.finish();
            if (result && !db.commit())
                result = fail(ErrorCode::Io, QStringLiteral("The seed file %1 could not be "
                                                            "committed: %2.")
                                                 .arg(seed, db.lastError().text()));
            if (!result)
                db.rollback();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

} // namespace

QString SqliteDatabase::filePath(const QString& name, const QString& resourceFolder)
{
    return QDir(resourceFolder).filePath(name + QStringLiteral(".sqlite3"));
}

Result<QString> SqliteDatabase::prepare(const QString& name, const QString& resourceFolder,
                                        const QString& workspaceFolder, const QStringList& seeds)
{
    if (!QDir().mkpath(resourceFolder))
        return fail(ErrorCode::Io, QStringLiteral("%1 cannot be created; check the workspace "
                                                  "folder's permissions.")
                                       .arg(resourceFolder));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(ErrorCode::NotFound,
                    QStringLiteral("Qt's SQLite driver is missing; install libqt6sql6-sqlite."));
    const QString file = filePath(name, resourceFolder);
    // Opening creates the file, also when there is nothing to seed.
    if (auto created = runScript(file, {}, {}); !created)
        return std::unexpected(created.error());
    QJsonObject state = readState(resourceFolder);
    QStringList done = state.value(QStringLiteral("seeded")).toVariant().toStringList();
    for (const QString& seed : seeds) {
        if (done.contains(seed))
            continue;
        QFile in(QDir(workspaceFolder).filePath(seed));
        if (!in.open(QIODevice::ReadOnly))
            return fail(ErrorCode::NotFound, QStringLiteral("The seed file %1 of %2 cannot be "
                                                            "read: %3.")
                                                 .arg(seed, name, in.errorString()));
        if (auto ran = runScript(file, splitStatements(QString::fromUtf8(in.readAll())), seed);
            !ran)
            return std::unexpected(ran.error());
        done << seed;
        state.insert(QStringLiteral("seeded"), QJsonArray::fromStringList(done));
        QSaveFile out(QDir(resourceFolder).filePath(kStateFile));
        const QByteArray bytes = QJsonDocument(state).toJson();
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
            return fail(
                ErrorCode::Io,
                QStringLiteral("%1 cannot be written: %2.").arg(out.fileName(), out.errorString()));
    }
    return QFileInfo(file).absoluteFilePath();
}

QStringList SqliteDatabase::splitStatements(const QString& script)
{
    QStringList statements;
    QString current;
    int blockDepth = 0; // inside CREATE TRIGGER ... BEGIN ... END
    static const QRegularExpression word(QStringLiteral("[A-Za-z_]+"));
    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            while (i < n && script.at(i) != QLatin1Char('\n'))
                ++i;
            current += QLatin1Char('\n');
            continue;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const qsizetype end = script.indexOf(QStringLiteral("*/"), i + 2);
            i = end < 0 ? n : end + 1;
            current += QLatin1Char(' ');
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
            qsizetype j = i + 1;
            while (j < n) {
                if (script.at(j) == c) {
                    if (j + 1 < n && script.at(j + 1) == c) { // doubled quote
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            current += script.mid(i, j - i + 1);
            i = j;
            continue;
        }
        if (c.isLetter() && (i == 0 || !(script.at(i - 1).isLetterOrNumber() ||
                                         script.at(i - 1) == QLatin1Char('_')))) {
            const auto m = word.match(script, i, QRegularExpression::NormalMatch,
                                      QRegularExpression::AnchorAtOffsetMatchOption);
            const QString w = m.captured(0).toUpper();
            if (w == QLatin1String("BEGIN") &&
                current.contains(QLatin1String("TRIGGER"), Qt::CaseInsensitive))
                ++blockDepth;
            else if (w == QLatin1String("CASE") && blockDepth > 0)
                ++blockDepth;
            else if (w == QLatin1String("END") && blockDepth > 0)
                --blockDepth;
            current += m.captured(0);
            i += m.capturedLength() - 1;
            continue;
        }
        if (c == QLatin1Char(';') && blockDepth == 0) {
            if (!current.trimmed().isEmpty())
                statements << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

} // namespace swb
