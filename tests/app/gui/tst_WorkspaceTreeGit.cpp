// labels: gui
// The workspace tree marks each file with its git status: new, modified, staged, ignored; no
// marks outside a repository.
#include "TestFiles.h"
#include "WorkspaceTree.h"
#include "format/WorkspaceFile.h"
#include "model/Workspace.h"
#include "vcs/GitRepository.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

class tst_WorkspaceTreeGit : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        qputenv("HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
    }

    void marksFilesByTheirStatus()
    {
        const QString ws = m_dir.filePath(QStringLiteral("ws"));
        QVERIFY(test::writeFile(ws, QStringLiteral("workbench.json"),
                                R"({"name": "demo", "functions": [{"name": "hello",
                "runtime": "python3.12", "handler": "app.handler", "codeUri": "hello"}]})"));
        QVERIFY(test::writeFile(ws, QStringLiteral(".gitignore"), "*.log\n"));
        QVERIFY(test::writeFile(ws, QStringLiteral("hello/app.py"), "v1\n"));
        QVERIFY(test::writeFile(ws, QStringLiteral("hello/util.py"), "u1\n"));
        auto repo = GitRepository::init(ws);
        QVERIFY(repo &&
                repo->commitAll(QStringLiteral("first"), Signature{"Ada", "ada@example.com"}));
        QVERIFY(test::writeFile(ws, QStringLiteral("hello/app.py"), "v2\n"));
        QVERIFY(test::writeFile(ws, QStringLiteral("hello/new.py"), "n\n"));
        QVERIFY(test::writeFile(ws, QStringLiteral("hello/debug.log"), "x\n"));
        auto loaded = WorkspaceFile::load(ws);
        QVERIFY(loaded);
        WorkspaceTree tree;
        tree.setWorkspace(&loaded->workspace);
        QCOMPARE(tree.gitStatusOf(ws + QStringLiteral("/hello/app.py")), tree.tr("modified"));
        QCOMPARE(tree.gitStatusOf(ws + QStringLiteral("/hello/new.py")), tree.tr("new"));
        QCOMPARE(tree.gitStatusOf(ws + QStringLiteral("/hello/debug.log")), tree.tr("ignored"));
        QCOMPARE(tree.gitStatusOf(ws + QStringLiteral("/hello/util.py")), QString());
        // After a commit the marks go (refreshGitStatus, as the window calls it).
        QVERIFY(repo->commitPaths({QStringLiteral("hello/app.py")}, QStringLiteral("second"),
                                  Signature{"Ada", "ada@example.com"}));
        tree.refreshGitStatus();
        QCOMPARE(tree.gitStatusOf(ws + QStringLiteral("/hello/app.py")), QString());
        QCOMPARE(tree.gitStatusOf(ws + QStringLiteral("/hello/new.py")), tree.tr("new"));
    }

    void noMarksOutsideARepository()
    {
        const QString ws = m_dir.filePath(QStringLiteral("plain"));
        QVERIFY(test::writeFile(ws, QStringLiteral("workbench.json"),
                                R"({"name": "p", "functions": [{"name": "hello",
                "runtime": "python3.12", "handler": "app.handler", "codeUri": "hello"}]})"));
        QVERIFY(test::writeFile(ws, QStringLiteral("hello/app.py"), "v1\n"));
        auto loaded = WorkspaceFile::load(ws);
        QVERIFY(loaded);
        WorkspaceTree tree;
        tree.setWorkspace(&loaded->workspace);
        QCOMPARE(tree.gitStatusOf(ws + QStringLiteral("/hello/app.py")), QString());
    }
};

QTEST_MAIN(tst_WorkspaceTreeGit)
#include "tst_WorkspaceTreeGit.moc"
