// The embedded database: seed scripts split into statements the way SQLite reads them, each
// file run once in one transaction, a failing one rolled back and tried again next time.
#include "resources/SqliteDatabase.h"

#include "TestFiles.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

// The rows of `sql`'s first column, or -1 when the query fails.
int scalar(const QString& file, const QString& sql)
{
    int value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("t"));
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("t"));
    return value;
}

} // namespace

class tst_SqliteDatabase : public QObject {
    Q_OBJECT
private slots:
    void splitsStatements_data();
    void splitsStatements();
    void seedsRunOnce();
    void failingSeedIsRolledBackAndRetried();
};

void tst_SqliteDatabase::splitsStatements_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("two") << "CREATE TABLE a (x);\nINSERT INTO a VALUES (1);\n"
                         << QStringList{"CREATE TABLE a (x)", "INSERT INTO a VALUES (1)"};
    QTest::newRow("semicolon in a string")
        << "INSERT INTO a VALUES ('x;y'); INSERT INTO a VALUES ('it''s');"
        << QStringList{"INSERT INTO a VALUES ('x;y')", "INSERT INTO a VALUES ('it''s')"};
    QTest::newRow("comments") << "-- a; comment\nSELECT 1; /* b; */ SELECT 2"
                              << QStringList{"SELECT 1", "SELECT 2"};
    QTest::newRow("trigger body")
        << "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; "
           "SELECT CASE WHEN 1 THEN 2 END; END; SELECT 3;"
        << QStringList{"CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; SELECT "
                       "CASE WHEN 1 THEN 2 END; END",
                       "SELECT 3"};
    QTest::newRow("empty") << " ;\n;" << QStringList{};
}

void tst_SqliteDatabase::splitsStatements()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    QStringList got = SqliteDatabase::splitStatements(script);
    for (QString& s : got)
        s = s.simplified();
    QCOMPARE(got, statements);
}

void tst_SqliteDatabase::seedsRunOnce()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("db/schema.sql"),
                            "CREATE TABLE items (name TEXT);\n"
                            "INSERT INTO items VALUES ('seeded; once');\n"));
    const QString folder = dir.filePath(QStringLiteral(".swb/resources/orders"));
    const auto file = SqliteDatabase::prepare(QStringLiteral("orders"), folder, dir.path(),
                                              {QStringLiteral("db/schema.sql")});
    QVERIFY2(file, qPrintable(file ? QString() : file.error().message));
    QCOMPARE(*file, QDir(folder).filePath(QStringLiteral("orders.sqlite3")));
    QCOMPARE(scalar(*file, QStringLiteral("SELECT count(*) FROM items")), 1);
    // Again (the next swb serve): the file is kept, the seed is not run a second time.
    const auto again = SqliteDatabase::prepare(QStringLiteral("orders"), folder, dir.path(),
                                               {QStringLiteral("db/schema.sql")});
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    QCOMPARE(scalar(*file, QStringLiteral("SELECT count(*) FROM items")), 1);
}

void tst_SqliteDatabase::failingSeedIsRolledBackAndRetried()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("db/schema.sql"),
                            "CREATE TABLE items (name TEXT);\nINSERT INTO itemz VALUES ('x');\n"));
    const QString folder = dir.filePath(QStringLiteral(".swb/resources/orders"));
    const QStringList seeds{QStringLiteral("db/schema.sql")};
    const auto failed =
        SqliteDatabase::prepare(QStringLiteral("orders"), folder, dir.path(), seeds);
    QVERIFY(!failed);
    QVERIFY2(failed.error().message.contains(QLatin1String("db/schema.sql")) &&
                 failed.error().message.contains(QLatin1String("itemz")),
             qPrintable(failed.error().message));
    const QString file = SqliteDatabase::filePath(QStringLiteral("orders"), folder);
    QCOMPARE(
        scalar(file, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'items'")),
        0); // the CREATE TABLE was rolled back with the bad INSERT
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("db/schema.sql"),
                            "CREATE TABLE items (name TEXT);\nINSERT INTO items VALUES ('x');\n"));
    const auto fixed = SqliteDatabase::prepare(QStringLiteral("orders"), folder, dir.path(), seeds);
    QVERIFY2(fixed, qPrintable(fixed ? QString() : fixed.error().message));
    QCOMPARE(scalar(file, QStringLiteral("SELECT count(*) FROM items")), 1);
}

QTEST_GUILESS_MAIN(tst_SqliteDatabase)
#include "tst_SqliteDatabase.moc"
