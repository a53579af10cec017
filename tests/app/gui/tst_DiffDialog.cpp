// labels: gui
// Comparing in the window: Git ▸ Compare with Commit… (the editor's text, unsaved typing
// included, against HEAD or any commit that changed the file), "What Is Deployed" (the files of
// a function that differ from the deployed commit) and the whole workspace's history.
#include "CodeEditor.h"
#include "DiffDialog.h"
#include "DiffView.h"
#include "EditorTabs.h"
#include "HistoryDialog.h"
#include "MainWindow.h"
#include "TestFiles.h"
#include "settings/Settings.h"
#include "vcs/GitRepository.h"

#include <QComboBox>
#include <QDir>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

const Signature kAda{QStringLiteral("Ada"), QStringLiteral("ada@example.com")};

} // namespace

class tst_DiffDialog : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QString m_ws;
    QString m_first, m_second;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        qputenv("HOME", QFile::encodeName(m_dir->filePath(QStringLiteral("home"))));
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("home"))));
        m_ws = m_dir->filePath(QStringLiteral("ws"));
        QVERIFY(test::writeFile(m_ws, QStringLiteral("workbench.json"),
                                R"({"name": "demo", "functions": [{"name": "hello",
                "runtime": "python3.12", "handler": "app.handler", "codeUri": "hello"}]})"));
        QVERIFY(test::writeFile(m_ws, QStringLiteral(".gitignore"), ".swb/\n"));
        QVERIFY(test::writeFile(m_ws, QStringLiteral("hello/app.py"), "a = 1\nb = 2\n"));
        QVERIFY(test::writeFile(m_ws, QStringLiteral("README.md"), "demo\n"));
        auto repo = GitRepository::init(m_ws);
        QVERIFY(repo);
        m_first = *repo->commitAll(QStringLiteral("First"), kAda);
        QVERIFY(test::writeFile(m_ws, QStringLiteral("hello/app.py"), "a = 1\nb = 3\n"));
        m_second = *repo->commitAll(QStringLiteral("Second"), kAda);
        QVERIFY(test::writeFile(m_ws, QStringLiteral("README.md"), "demo, edited\n"));
        QVERIFY(repo->commitAll(QStringLiteral("Docs only"), kAda));

        m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
        m_window =
            std::make_unique<MainWindow>(*m_settings, m_dir->filePath(QStringLiteral("runtimes")));
        m_window->setRecoveryPrompt([](int) { return false; });
        QVERIFY(m_window->openWorkspace(m_ws));
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void comparesTheEditorsTextWithAnyCommitOfTheFile()
    {
        const QString file = m_ws + QStringLiteral("/hello/app.py");
        QVERIFY(m_window->openFile(file));
        CodeEditor* editor = m_window->editorTabs()->editorFor(file);
        QVERIFY(editor);
        editor->setText(QStringLiteral("a = 1\nb = 3\nc = 4\n")); // unsaved

        auto dialog = m_window->compareDialog(file);
        QVERIFY2(dialog, dialog ? "" : qPrintable(dialog.error().message));
        QComboBox* revisions = (*dialog)->revisionList();
        // HEAD, then the two commits that changed the file (not the docs-only one).
        QCOMPARE(revisions->count(), 3);
        QVERIFY(revisions->itemText(0).startsWith(QStringLiteral("HEAD")));
        QVERIFY(revisions->itemText(1).contains(QStringLiteral("Second")));
        QVERIFY(revisions->itemText(2).contains(QStringLiteral("First")));
        DiffView* view = (*dialog)->view();
        QCOMPARE(view->addedLines(), 1); // against HEAD: only the unsaved line
        QCOMPARE(view->removedLines(), 0);
        QVERIFY(view->rightText().contains(QStringLiteral("c = 4")));
        revisions->setCurrentIndex(2); // the first commit: b changed too
        QCOMPARE(view->addedLines(), 2);
        QCOMPARE(view->removedLines(), 1);
        QVERIFY(view->leftText().contains(QStringLiteral("b = 2")));

        // A file added since HEAD compares with nothing; a file outside is refused.
        QVERIFY(test::writeFile(m_ws, QStringLiteral("hello/new.py"), "x = 1\n"));
        auto fresh = m_window->compareDialog(m_ws + QStringLiteral("/hello/new.py"));
        QVERIFY(fresh);
        QCOMPARE((*fresh)->view()->addedLines(), 1);
        QVERIFY((*fresh)->errorText().isEmpty());
        QVERIFY(!m_window->compareDialog(m_dir->filePath(QStringLiteral("elsewhere.py"))));
        QVERIFY(!m_window->compareDialog(QString()));
    }

    void whatIsDeployedListsTheFunctionsChangedFiles()
    {
        QVERIFY(test::writeFile(m_ws, QStringLiteral("hello/app.py"), "a = 10\nb = 3\n"));
        QVERIFY(test::writeFile(m_ws, QStringLiteral("hello/extra.py"), "e = 1\n"));
        QVERIFY(test::writeFile(m_ws, QStringLiteral("README.md"), "not the function\n"));
        auto dialog =
            m_window->deployedDiffDialog(QStringLiteral("hello"), QStringLiteral("aws"), m_first);
        QVERIFY2(dialog, dialog ? "" : qPrintable(dialog.error().message));
        QComboBox* files = (*dialog)->fileList();
        QCOMPARE(files->count(), 2);
        QCOMPARE(files->itemText(0), QStringLiteral("hello/app.py"));
        QCOMPARE(files->itemText(1), QStringLiteral("hello/extra.py"));
        QCOMPARE((*dialog)->revisionList()->count(), 1);
        QVERIFY((*dialog)->revisionList()->itemText(0).contains(m_first.left(12)));
        // a = 1 → a = 10 and b = 2 → b = 3 since the deployed commit.
        QVERIFY2((*dialog)->view()->removedLines() == 2,
                 qPrintable((*dialog)->view()->unifiedText()));
        QCOMPARE((*dialog)->view()->addedLines(), 2);
        files->setCurrentIndex(1);
        QCOMPARE((*dialog)->view()->addedLines(), 1);
        // Nothing changed since the deployed commit: said, with no file.
        auto repo = GitRepository::open(m_ws);
        const auto now = repo->commitAll(QStringLiteral("Now"), kAda);
        QVERIFY(now);
        auto same =
            m_window->deployedDiffDialog(QStringLiteral("hello"), QStringLiteral("aws"), *now);
        QVERIFY(same);
        QCOMPARE((*same)->fileList()->count(), 0);
        QVERIFY(!m_window->deployedDiffDialog(QStringLiteral("nope"), QStringLiteral("aws"), *now));
        QVERIFY(!m_window->deployedDiffDialog(
            QStringLiteral("hello"), QStringLiteral("aws"),
            QStringLiteral("0000000000000000000000000000000000000000")));
    }

    void theWorkspaceHistoryListsEveryCommit()
    {
        HistoryDialog dialog(m_ws, QString(), QString());
        QCOMPARE(dialog.commits()->count(), 3);
        QVERIFY(dialog.commits()->item(0)->text().contains(QStringLiteral("Docs only")));
        QVERIFY(dialog.diffText().contains(QStringLiteral("+demo, edited")));
        for (QPushButton* b : dialog.findChildren<QPushButton*>())
            QVERIFY(!b->text().contains(QStringLiteral("Deploy This Version")) || b->isHidden());
    }
};

QTEST_MAIN(tst_DiffDialog)
#include "tst_DiffDialog.moc"
