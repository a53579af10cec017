// RecoveryStore: atomic entries per buffer in the recovery folder, listed by the next run,
// removed when saved or discarded.

#include "RecoveryStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

class tst_RecoveryStore : public QObject {
    Q_OBJECT
private slots:
    void writtenEntriesArePendingForTheNextRun();
    void writeReplacesTheEntryForThePath();
    void removeAndDiscardDeleteTheEntry();
    void emptyOrMissingFolderHasNothingPending();
    void unreadableEntryIsSkippedAndKept();
};

void tst_RecoveryStore::writtenEntriesArePendingForTheNextRun()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral(".swb/recovery"));
    const QDateTime first =
        QDateTime::fromString(QStringLiteral("2026-11-27T03:00:00.125Z"), Qt::ISODateWithMs);
    {
        RecoveryStore store(folder);
        QVERIFY(store.write(QStringLiteral("/ws/fn/b.py"), QStringLiteral("b = 'ü'\n"),
                            first.addSecs(5)));
        QVERIFY(store.write(QStringLiteral("/ws/fn/a.py"), QStringLiteral("a = 1\n"), first));
    }
    RecoveryStore nextRun(folder);
    const QList<RecoveryEntry> entries = nextRun.pending();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).originalPath, QStringLiteral("/ws/fn/a.py")); // oldest first
    QCOMPARE(entries.at(0).text, QStringLiteral("a = 1\n"));
    QCOMPARE(entries.at(0).savedAt, first);
    QCOMPARE(entries.at(1).text, QStringLiteral("b = 'ü'\n"));
    QVERIFY(QFile::exists(entries.at(1).entryFile));
    // Only the entries: no temporary files of the atomic writes.
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

void tst_RecoveryStore::writeReplacesTheEntryForThePath()
{
    QTemporaryDir dir;
    RecoveryStore store(dir.path());
    QVERIFY(store.write(QStringLiteral("/ws/a.py"), QStringLiteral("one")));
    QVERIFY(store.write(QStringLiteral("/ws/a.py"), QStringLiteral("two")));
    QCOMPARE(store.pending().size(), 1);
    QCOMPARE(store.entryFor(QStringLiteral("/ws/a.py"))->text, QStringLiteral("two"));
    QVERIFY(!store.entryFor(QStringLiteral("/ws/b.py")));
}

void tst_RecoveryStore::removeAndDiscardDeleteTheEntry()
{
    QTemporaryDir dir;
    RecoveryStore store(dir.path());
    QVERIFY(store.write(QStringLiteral("/ws/a.py"), QStringLiteral("a")));
    QVERIFY(store.write(QStringLiteral("/ws/b.py"), QStringLiteral("b")));
    store.remove(QStringLiteral("/ws/a.py"));
    QCOMPARE(store.pending().size(), 1);
    store.discard(store.pending().at(0));
    QVERIFY(store.pending().isEmpty());
}

void tst_RecoveryStore::emptyOrMissingFolderHasNothingPending()
{
    QTemporaryDir dir;
    QVERIFY(RecoveryStore(dir.filePath(QStringLiteral("never-created"))).pending().isEmpty());
    QVERIFY(RecoveryStore(dir.path()).pending().isEmpty());
}

void tst_RecoveryStore::unreadableEntryIsSkippedAndKept()
{
    QTemporaryDir dir;
    RecoveryStore store(dir.path());
    QVERIFY(store.write(QStringLiteral("/ws/a.py"), QStringLiteral("a")));
    const QString broken = dir.filePath(QStringLiteral("0000.recovery.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"swb-recovery\", \"pa"); // cut short
    file.close();
    QStringList problems;
    QCOMPARE(store.pending(&problems).size(), 1);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.at(0).contains(broken));
    QVERIFY(QFile::exists(broken));
}

QTEST_MAIN(tst_RecoveryStore)
#include "tst_RecoveryStore.moc"
