// swb history, diff and rollback on a real repository, as a user runs them: a deploy is tagged,
// the history shows the tag, "what is deployed" is a diff against the deployed commit, and a
// rollback deploys the old content while the working tree stays as the user left it.
#include "SwbProcess.h"
#include "TestFiles.h"
#include "vcs/GitRepository.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using swb::test::runSwb;

class tst_SwbVersioning : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString ws() const { return m_dir.filePath(QStringLiteral("ws")); }
    QString stagedCode() const
    {
        return QString::fromUtf8(swb::test::readFile(
            ws() + QStringLiteral("/.swb/stages/rehearsal/functions/hello/app.py")));
    }

private slots:
    void initTestCase()
    {
        // libgit2 reads the user's global git configuration: keep this machine's out of it.
        qputenv("HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
        qputenv("SWB_NO_KEYCHAIN", "1");
    }

    void deployTagHistoryDiffAndRollback()
    {
        QVERIFY(swb::test::writeFile(ws(), QStringLiteral("workbench.json"),
                                     R"({"name": "demo", "functions": [{"name": "hello",
                "runtime": "python3.12", "handler": "app.handler", "codeUri": "hello"}]})"));
        QVERIFY(swb::test::writeFile(ws(), QStringLiteral(".gitignore"), ".swb/\n"));
        QVERIFY(swb::test::writeFile(ws(), QStringLiteral("hello/app.py"), "VERSION = 'one'\n"));
        auto repo = swb::GitRepository::init(ws());
        QVERIFY(repo);
        const swb::Signature ada{QStringLiteral("Ada"), QStringLiteral("ada@example.com")};
        const auto one = repo->commitAll(QStringLiteral("Version one"), ada);
        QVERIFY(one);

        const QStringList deploy = {"deploy",   "hello",     "--provider",  "local",
                                    "--target", "rehearsal", "--workspace", ws()};
        auto first = runSwb(deploy);
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        QVERIFY(first.out.contains(QStringLiteral("tag:    deploy/local/hello/1")));

        QVERIFY(swb::test::writeFile(ws(), QStringLiteral("hello/app.py"), "VERSION = 'two'\n"));
        QVERIFY(repo->commitAll(QStringLiteral("Version two"), ada));
        auto second = runSwb(deploy);
        QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
        QVERIFY(stagedCode().contains(QStringLiteral("two")));

        auto history = runSwb({"history", "hello", "--json", "--workspace", ws()});
        QCOMPARE(history.exitCode, 0);
        const QJsonArray commits = QJsonDocument::fromJson(history.out.toUtf8()).array();
        QCOMPARE(commits.size(), 2);
        QCOMPARE(commits.at(0).toObject().value("summary").toString(),
                 QStringLiteral("Version two"));
        QCOMPARE(commits.at(0).toObject().value("tags").toArray().at(0).toString(),
                 QStringLiteral("deploy/local/hello/2"));
        QCOMPARE(commits.at(1).toObject().value("tags").toArray().at(0).toString(),
                 QStringLiteral("deploy/local/hello/1"));

        // Work in progress, not committed: what differs from what is deployed.
        QVERIFY(swb::test::writeFile(ws(), QStringLiteral("hello/app.py"), "VERSION = 'three'\n"));
        auto diff = runSwb({"diff", "hello", "--deployed", "local", "--workspace", ws()});
        QCOMPARE(diff.exitCode, 0);
        QVERIFY2(diff.out.contains("-VERSION = 'two'") && diff.out.contains("+VERSION = 'three'"),
                 qPrintable(diff.out));

        // Roll back to the first deploy: the old content goes out, the working tree stays.
        auto rollback = runSwb({"rollback", "hello", "--to", "deploy/local/hello/1", "--provider",
                                "local", "--target", "rehearsal", "--workspace", ws()});
        QVERIFY2(rollback.exitCode == 0, qPrintable(rollback.out + rollback.err));
        QVERIFY(stagedCode().contains(QStringLiteral("one")));
        QCOMPARE(swb::test::readFile(ws() + QStringLiteral("/hello/app.py")),
                 QByteArray("VERSION = 'three'\n"));
        QVERIFY(rollback.out.contains(one->left(12)));
        QVERIFY(rollback.out.contains(QStringLiteral("deploy/local/hello/3")));
    }

    void clearErrorsWithoutARepositoryOrACommit()
    {
        const QString plain = m_dir.filePath(QStringLiteral("plain"));
        QVERIFY(swb::test::writeFile(plain, QStringLiteral("workbench.json"),
                                     R"({"name": "p", "functions": [{"name": "hello",
                "runtime": "python3.12", "handler": "app.handler", "codeUri": "hello"}]})"));
        QVERIFY(swb::test::writeFile(plain, QStringLiteral("hello/app.py"), "x = 1\n"));
        auto history = runSwb({"history", "hello", "--workspace", plain});
        QCOMPARE(history.exitCode, 1);
        QVERIFY2(history.err.contains(QStringLiteral("git init")), qPrintable(history.err));
        auto noTo = runSwb({"rollback", "hello", "--provider", "local", "--workspace", plain});
        QCOMPARE(noTo.exitCode, 2);
        auto never = runSwb({"diff", "hello", "--deployed", "aws", "--workspace", ws()});
        QCOMPARE(never.exitCode, 1);
        QVERIFY(never.err.contains(QStringLiteral("never deployed to aws")));
        auto unknown = runSwb({"rollback", "hello", "--to", "deadbeefcafe", "--provider", "local",
                               "--target", "rehearsal", "--workspace", ws()});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("names no commit")), qPrintable(unknown.err));
    }
};

QTEST_GUILESS_MAIN(tst_SwbVersioning)
#include "tst_SwbVersioning.moc"
