// labels: gui
// Committing from the window: the changed files listed and ticked, only the ticked ones
// committed, the author taken from git's configuration or typed, problems shown not thrown.
#include "CommitDialog.h"
#include "TestFiles.h"
#include "vcs/GitRepository.h"

#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

class tst_CommitDialog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        qputenv("HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
    }

    void commitsOnlyTheTickedFiles()
    {
        const QString ws = m_dir.filePath(QStringLiteral("ws"));
        QVERIFY(test::writeFile(ws, QStringLiteral("hello/app.py"), "v1\n"));
        QVERIFY(test::writeFile(ws, QStringLiteral("notes.txt"), "draft\n"));
        QVERIFY(test::writeFile(ws, QStringLiteral(".swb/history.sqlite"), "not code"));
        auto repo = GitRepository::init(ws);
        QVERIFY(repo);

        CommitDialog dialog(ws);
        QListWidget* files = dialog.files();
        QCOMPARE(files->count(), 2);                  // .swb/ is never offered
        QVERIFY(!dialog.commitButton()->isEnabled()); // no message, no author yet
        for (int i = 0; i < files->count(); ++i) {
            if (files->item(i)->data(Qt::UserRole).toString() == QLatin1String("notes.txt"))
                files->item(i)->setCheckState(Qt::Unchecked);
        }
        dialog.message()->setPlainText(QStringLiteral("First version of hello"));
        dialog.authorName()->setText(QStringLiteral("Ada"));
        dialog.authorEmail()->setText(QStringLiteral("ada@example.com"));
        QVERIFY(dialog.commitButton()->isEnabled());
        QTest::mouseClick(dialog.commitButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.committedId().size(), 40);
        QCOMPARE(*repo->fileAt(QStringLiteral("HEAD"), QStringLiteral("hello/app.py")),
                 QByteArray("v1\n"));
        QCOMPARE(repo->fileAt(QStringLiteral("HEAD"), QStringLiteral("notes.txt")).error().code,
                 ErrorCode::NotFound);
        auto history = repo->history();
        QCOMPARE(history->first().author, QStringLiteral("Ada <ada@example.com>"));
    }

    void nothingToCommitIsSaid()
    {
        const QString ws = m_dir.filePath(QStringLiteral("clean"));
        QVERIFY(test::writeFile(ws, QStringLiteral("a.py"), "a\n"));
        auto repo = GitRepository::init(ws);
        QVERIFY(repo &&
                repo->commitAll(QStringLiteral("base"), Signature{"Ada", "ada@example.com"}));
        CommitDialog dialog(ws);
        QCOMPARE(dialog.files()->count(), 0);
        QVERIFY(dialog.errorText().contains(QStringLiteral("Nothing to commit")));
        QVERIFY(!dialog.commitButton()->isEnabled());
    }
};

QTEST_MAIN(tst_CommitDialog)
#include "tst_CommitDialog.moc"
