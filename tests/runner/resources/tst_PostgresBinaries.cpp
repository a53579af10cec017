// Finding the machine's PostgreSQL: PATH first (through symlinks), then Debian's
// /usr/lib/postgresql/N/bin with the highest N, and only folders that hold every program.
#include "resources/PostgresBinaries.h"

#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

bool makeProgram(const QString& folder, const QString& name)
{
    if (!test::writeFile(folder, name, "#!/bin/sh\nexit 0\n"))
        return false;
    return QFile::setPermissions(QDir(folder).filePath(name),
                                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

bool makeBin(const QString& folder,
             const QStringList& programs = {QStringLiteral("initdb"), QStringLiteral("postgres"),
                                            QStringLiteral("psql")})
{
    for (const QString& p : programs) {
        if (!makeProgram(folder, p))
            return false;
    }
    return true;
}

} // namespace

class tst_PostgresBinaries : public QObject {
    Q_OBJECT
private slots:
    void prefersTheHighestDebianVersion();
    void pathComesFirstThroughSymlinks();
    void skipsFoldersWithoutEveryProgram();
    void findsNothingInAnEmptyFolder();
};

void tst_PostgresBinaries::prefersTheHighestDebianVersion()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("usr/lib/postgresql"));
    QVERIFY(makeBin(root + QStringLiteral("/9/bin")));
    QVERIFY(makeBin(root + QStringLiteral("/15/bin")));
    QVERIFY(makeBin(root + QStringLiteral("/13/bin")));
    const QStringList folders = PostgresBinaries::defaultSearchFolders(QString(), root);
    QCOMPARE(folders.size(), 3);
    QVERIFY(folders.at(0).endsWith(QLatin1String("/15/bin")));
    QVERIFY(folders.at(1).endsWith(QLatin1String("/13/bin"))); // 13 > 9 as numbers, not text
    const auto found = PostgresBinaries::find(folders);
    QVERIFY(found);
    QCOMPARE(found->majorVersion, 15);
    QCOMPARE(found->program(QStringLiteral("initdb")),
             QDir(found->folder).filePath(QStringLiteral("initdb")));
}

void tst_PostgresBinaries::pathComesFirstThroughSymlinks()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("usr/lib/postgresql"));
    QVERIFY(makeBin(root + QStringLiteral("/16/bin")));
    const QString own = dir.filePath(QStringLiteral("opt/postgresql/14/bin"));
    QVERIFY(makeBin(own));
    const QString pathDir = dir.filePath(QStringLiteral("local/bin"));
    QVERIFY(QDir().mkpath(pathDir));
    // Like /usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb on this kind of machine.
    QVERIFY(QFile::link(QDir(own).filePath(QStringLiteral("initdb")),
                        QDir(pathDir).filePath(QStringLiteral("initdb"))));
    const QStringList folders = PostgresBinaries::defaultSearchFolders(
        dir.filePath(QStringLiteral("nothing")) + QLatin1Char(':') + pathDir, root);
    QCOMPARE(folders.size(), 2);
    const auto found = PostgresBinaries::find(folders);
    QVERIFY(found);
    QCOMPARE(found->folder, QFileInfo(own).canonicalFilePath());
    QCOMPARE(found->majorVersion, 14);
}

void tst_PostgresBinaries::skipsFoldersWithoutEveryProgram()
{
    QTemporaryDir dir;
    const QString partial = dir.filePath(QStringLiteral("a"));
    QVERIFY(makeBin(partial, {QStringLiteral("initdb"), QStringLiteral("postgres")})); // no psql
    const QString notExecutable = dir.filePath(QStringLiteral("b"));
    QVERIFY(makeBin(notExecutable));
    QVERIFY(QFile::setPermissions(QDir(notExecutable).filePath(QStringLiteral("postgres")),
                                  QFile::ReadOwner));
    const QString complete = dir.filePath(QStringLiteral("c"));
    QVERIFY(makeBin(complete));
    const auto found = PostgresBinaries::find({partial, notExecutable, complete});
    QVERIFY(found);
    QCOMPARE(found->folder, QFileInfo(complete).canonicalFilePath());
    QCOMPARE(found->majorVersion, 0); // the folder does not say
}

void tst_PostgresBinaries::findsNothingInAnEmptyFolder()
{
    QTemporaryDir dir;
    QVERIFY(!PostgresBinaries::find({dir.path(), dir.filePath(QStringLiteral("missing"))}));
    QVERIFY(!PostgresBinaries::find({}));
}

QTEST_GUILESS_MAIN(tst_PostgresBinaries)
#include "tst_PostgresBinaries.moc"
