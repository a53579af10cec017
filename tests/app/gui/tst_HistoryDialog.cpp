// labels: gui
// The history of a function in the window: its commits with deploy tags, what each changed,
// and "Deploy This Version" rolling the function back through the Deploy panel while the
// working tree stays as the user left it.
#include "DeployPanel.h"
#include "HistoryDialog.h"
#include "ProviderRegistry.h"
#include "TestFiles.h"
#include "format/WorkspaceFile.h"
#include "model/Workspace.h"
#include "vcs/GitRepository.h"

#include <QDir>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

class tst_HistoryDialog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        qputenv("HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
    }

    void listsCommitsShowsTheirChangesAndRollsBack()
    {
        const QString ws = m_dir.filePath(QStringLiteral("ws"));
        QVERIFY(test::writeFile(ws, QStringLiteral("workbench.json"),
                                R"({"name": "demo", "functions": [{"name": "hello",
                "runtime": "python3.12", "handler": "app.handler", "codeUri": "hello"}]})"));
        QVERIFY(test::writeFile(ws, QStringLiteral(".gitignore"), ".swb/\n"));
        QVERIFY(test::writeFile(ws, QStringLiteral("hello/app.py"), "VERSION = 'one'\n"));
        auto repo = GitRepository::init(ws);
        QVERIFY(repo);
        const Signature ada{QStringLiteral("Ada"), QStringLiteral("ada@example.com")};
        const auto one = repo->commitAll(QStringLiteral("Version one"), ada);
        QVERIFY(one && repo->createTag(QStringLiteral("deploy/local/hello/1"), *one));
        QVERIFY(test::writeFile(ws, QStringLiteral("hello/app.py"), "VERSION = 'two'\n"));
        QVERIFY(repo->commitAll(QStringLiteral("Version two"), ada));
        QVERIFY(test::writeFile(ws, QStringLiteral("hello/app.py"),
                                "VERSION = 'three'\n")); // unsaved work

        HistoryDialog dialog(ws, QStringLiteral("hello"), QStringLiteral("hello"));
        QCOMPARE(dialog.commits()->count(), 2);
        QVERIFY(dialog.commits()->item(0)->text().contains(QStringLiteral("Version two")));
        QVERIFY(
            dialog.commits()->item(1)->text().contains(QStringLiteral("[deploy/local/hello/1]")));
        QVERIFY2(dialog.diffText().contains(QStringLiteral("+VERSION = 'two'")),
                 qPrintable(dialog.diffText()));
        dialog.commits()->setCurrentRow(1);
        QVERIFY(dialog.diffText().contains(QStringLiteral("+VERSION = 'one'")));

        // "Deploy This Version" goes to the Deploy panel as a rollback.
        auto loaded = WorkspaceFile::load(ws);
        QVERIFY(loaded);
        const Workspace workspace = loaded->workspace;
        DeployPanel panel;
        panel.setProviderFactory([&](const DeployTarget& t) {
            ProviderContext ctx;
            ctx.workspaceFolder = ws;
            ctx.target = t;
            return ProviderRegistry::create(t.provider, ctx);
        });
        panel.setWorkspace(&workspace);
        panel.setCurrentTarget(QStringLiteral("default"));
        QSignalSpy finished(&panel, &DeployPanel::deployFinished);
        connect(&dialog, &HistoryDialog::rollbackRequested, &panel,
                [&panel](const QString& commit) { panel.rollback(commit); });
        QSignalSpy requested(&dialog, &HistoryDialog::rollbackRequested);
        QPushButton* button = nullptr;
        for (QPushButton* b : dialog.findChildren<QPushButton*>())
            if (b->text().contains(QStringLiteral("Deploy This Version")))
                button = b;
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), *one);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(panel.resultText()));
        QCOMPARE(test::readFile(ws + QStringLiteral("/.swb/stages/default/functions/hello/app.py")),
                 QByteArray("VERSION = 'one'\n"));
        QCOMPARE(test::readFile(ws + QStringLiteral("/hello/app.py")),
                 QByteArray("VERSION = 'three'\n"));
        QVERIFY(panel.resultText().contains(one->left(12)));
    }

    void aFolderWithoutARepositorySaysSo()
    {
        const QString plain = m_dir.filePath(QStringLiteral("plain"));
        QVERIFY(QDir().mkpath(plain));
        HistoryDialog dialog(plain, QStringLiteral("hello"), QStringLiteral("hello"));
        QCOMPARE(dialog.commits()->count(), 0);
        QVERIFY(!dialog.errorText().isEmpty());
    }
};

QTEST_MAIN(tst_HistoryDialog)
#include "tst_HistoryDialog.moc"
