// labels: gui integration
// Versioning in the window from start to end, as issue 7 puts it: a workspace that is not a
// repository yet is initialized, committed from the commit dialog, edited (line markers), its
// uncommitted change deployed after "Commit First" (the deploy tagged), and rolled back to the
// first commit while the working copy keeps the user's unfinished work.
#include "CodeEditor.h"
#include "CommitDialog.h"
#include "DeployPanel.h"
#include "EditorTabs.h"
#include "HistoryDialog.h"
#include "MainWindow.h"
#include "TestFiles.h"
#include "Translations.h"
#include "settings/Settings.h"
#include "vcs/GitRepository.h"

#include <QAction>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

class tst_GitWorkflow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void editCommitDeployAndRollBack();

private:
    QAction* action(const QString& text) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void tst_GitWorkflow::initTestCase()
{
    // No ~/.gitconfig: the author has to come from the dialog, then from the settings.
    qputenv("HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
    qunsetenv("GIT_AUTHOR_NAME");
    qunsetenv("GIT_AUTHOR_EMAIL");
    qunsetenv("GIT_COMMITTER_NAME");
    qunsetenv("GIT_COMMITTER_EMAIL");
    // English as the window installs it: with its plural forms ("1 file changed").
    Translations::install(*qApp, QStringLiteral("en"));
}

QAction* tst_GitWorkflow::action(const QString& text) const
{
    for (QAction* a : m_window->findChildren<QAction*>())
        if (a->text() == text)
            return a;
    return nullptr;
}

void tst_GitWorkflow::editCommitDeployAndRollBack()
{
    const QString ws = m_dir.filePath(QStringLiteral("ws"));
    const QString file = ws + QStringLiteral("/hello/app.py");
    QVERIFY(test::writeFile(ws, QStringLiteral("workbench.json"),
                            R"({"name": "demo", "functions": [{"name": "hello",
            "runtime": "python3.12", "handler": "app.handler", "codeUri": "hello"}]})"));
    QVERIFY(test::writeFile(ws, QStringLiteral("hello/app.py"), "GREETING = 'Hello'\n"));
    m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_window =
        std::make_unique<MainWindow>(*m_settings, m_dir.filePath(QStringLiteral("runtimes")));
    m_window->setRecoveryPrompt([](int) { return false; });
    QVERIFY(m_window->openWorkspace(ws));

    // Git ▸ Initialize Repository: the workspace becomes a repository, .swb/ ignored.
    QVERIFY(!GitRepository::isRepository(ws));
    QAction* init = action(QStringLiteral("&Initialize Repository"));
    QVERIFY(init && init->isEnabled());
    init->trigger();
    QVERIFY(GitRepository::isRepository(ws));
    QVERIFY(test::readFile(ws + QStringLiteral("/.gitignore")).contains(".swb/"));

    // Git ▸ Commit…: git names no author here, so the first commit types one.
    QStringList authorsOffered;
    QString message = QStringLiteral("First version");
    m_window->setCommitDialogDriver([&](CommitDialog& dialog) {
        authorsOffered << dialog.authorName()->text() + QLatin1Char('/') +
                              dialog.authorEmail()->text();
        if (dialog.authorName()->text().isEmpty()) {
            dialog.authorName()->setText(QStringLiteral("Ada"));
            dialog.authorEmail()->setText(QStringLiteral("ada@example.com"));
        }
        dialog.message()->setPlainText(message);
        QTest::mouseClick(dialog.commitButton(), Qt::LeftButton);
    });
    QVERIFY(m_window->commitFromDialog());
    auto repo = GitRepository::open(ws);
    QVERIFY(repo);
    const QString first = repo->history()->first().id;

    // An edit in the editor is marked against HEAD while typing, before any save.
    QVERIFY(m_window->openFile(file));
    CodeEditor* editor = m_window->editorTabs()->editorFor(file);
    QVERIFY(editor);
    QVERIFY(editor->lineChanges().isEmpty());
    editor->setText(QStringLiteral("GREETING = 'Howdy'\n"));
    QTRY_COMPARE(editor->lineChanges(), (QList<LineChange>{{LineChange::Kind::Modified, 0}}));

    // Deploying the unsaved edit saves it, then asks; "Commit First" commits (the author
    // remembered from the last commit) and deploys that commit, tagged.
    DeployPanel* panel = m_window->deployPanel();
    panel->setCurrentFunction(QStringLiteral("hello"));
    panel->setCurrentTarget(QStringLiteral("default"));
    QCOMPARE(panel->currentTarget().provider, QStringLiteral("local"));
    int asked = 0;
    QString note;
    panel->setDirtyPrompt([&asked, &note](const QString&, const QString& what) {
        ++asked;
        note = what;
        return DeployPanel::DirtyChoice::CommitFirst;
    });
    message = QStringLiteral("Say Howdy");
    QSignalSpy finished(panel, &DeployPanel::deployFinished);
    QVERIFY(panel->deploy());
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(panel->resultText()));
    QCOMPARE(asked, 1);
    QCOMPARE(note, QStringLiteral("1 file changed since the last commit"));
    QCOMPARE(test::readFile(file), QByteArray("GREETING = 'Howdy'\n")); // saved by the deploy
    QVERIFY(!editor->isModified());
    QCOMPARE(authorsOffered,
             (QStringList{QStringLiteral("/"), QStringLiteral("Ada/ada@example.com")}));
    const auto history = repo->history();
    QVERIFY(history && history->size() == 2);
    const QString second = history->first().id;
    QCOMPARE(history->first().author, QStringLiteral("Ada <ada@example.com>"));
    QCOMPARE(*repo->tags(QStringLiteral("deploy/")),
             QStringList{QStringLiteral("deploy/local/hello/1")});
    QTRY_VERIFY(editor->lineChanges().isEmpty()); // committed: no markers left
    QCOMPARE(test::readFile(ws + QStringLiteral("/.swb/stages/default/functions/hello/app.py")),
             QByteArray("GREETING = 'Howdy'\n"));

    // The function's history shows the deploy tag on its commit.
    {
        HistoryDialog dialog(ws, QStringLiteral("hello"), QStringLiteral("hello"));
        QCOMPARE(dialog.commits()->count(), 2);
        QVERIFY(
            dialog.commits()->item(0)->text().contains(QStringLiteral("[deploy/local/hello/1]")));
    }

    // Unfinished work, saved and unsaved; then roll back to the first commit.
    QVERIFY(test::writeFile(ws, QStringLiteral("hello/app.py"), "GREETING = 'Hi'  # WIP\n"));
    QTRY_COMPARE(editor->text(), QStringLiteral("GREETING = 'Hi'  # WIP\n"));
    editor->setText(QStringLiteral("GREETING = 'Hi there'  # WIP, unsaved\n"));
    finished.clear();
    QVERIFY(panel->rollback(first));
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(panel->resultText()));
    QCOMPARE(asked, 1); // a rollback deploys a commit: nothing to ask
    QCOMPARE(test::readFile(ws + QStringLiteral("/.swb/stages/default/functions/hello/app.py")),
             QByteArray("GREETING = 'Hello'\n"));
    QCOMPARE(test::readFile(file), QByteArray("GREETING = 'Hi'  # WIP\n"));
    QCOMPARE(editor->text(), QStringLiteral("GREETING = 'Hi there'  # WIP, unsaved\n"));
    QVERIFY(editor->isModified());
    QCOMPARE(repo->history()->first().id, second); // no commit made by the rollback
    QCOMPARE(*repo->tags(QStringLiteral("deploy/")),
             (QStringList{QStringLiteral("deploy/local/hello/1"),
                          QStringLiteral("deploy/local/hello/2")}));
    QVERIFY(panel->resultText().contains(first.left(12)));
    editor->setModified(false); // leave without the unsaved-buffer question
}

QTEST_MAIN(tst_GitWorkflow)
#include "tst_GitWorkflow.moc"
