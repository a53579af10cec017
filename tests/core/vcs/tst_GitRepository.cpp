#include "vcs/GitRepository.h"

#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

const Signature kAuthor{QStringLiteral("Ada Tester"), QStringLiteral("ada@example.com")};

// The flags of `path` in `files`, or an empty set when it is not listed.
FileStatus::Flags flagsOf(const QList<FileStatus>& files, const QString& path)
{
    for (const FileStatus& file : files) {
        if (file.path == path)
            return file.flags;
    }
    return {};
}

QStringList pathsOf(const QList<FileStatus>& files)
{
    QStringList paths;
    for (const FileStatus& file : files)
        paths.append(file.path);
    return paths;
}

} // namespace

class tst_GitRepository : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void initCreatesRepositoryThatOpens();
    void initOpensExistingRepository();
    void openOfPlainFolderIsNotFound();
    void openOfMissingFolderIsNotFound();
    void openDoesNotSearchParentRepository();
    void openOfGitFolderItselfIsNotFound();
    void statusListsNewModifiedAndDeletedFiles();
    void statusListsIgnoredFilesOnlyWhenAsked();
    void statusPathsAreRelativeWithSlashes();
    void statusDetectsRenameInWorkTree();
    void headCommitIdOnUnbornHeadIsNotFound();
    void commitAllCreatesFirstCommitAndNext();
    void commitAllStagesDeletionsAndLeavesCleanStatus();
    void commitAllRespectsGitignore();
    void commitAllRefusesWhenNothingChanged();
    void commitAllRejectsEmptyMessage();
    void isDirtyForUntrackedButNotIgnoredFiles();
    void reportsCorruptHead();
    void reportsLockedIndexOnCommit();
    void defaultSignatureReadsRepositoryConfig();
    void defaultSignatureSaysHowToSetItWhenUnset();
    void movedRepositoryStaysUsable();
    void historyIsLimitedToAFolder();
    void fileAtAndResolveReadOldCommits();
    void exportFolderWritesTheOldTreeAndLeavesTheWorkTree();
    void diffToWorkTreeShowsWhatChanged();
    void tagsAreCreatedListedAndShownInHistory();
    void commitPathsCommitsOnlyTheChosenFiles();
    void ensureIgnoredAddsTheEntryOnce();

private:
    QTemporaryDir m_home;
};

void tst_GitRepository::initTestCase()
{
    // libgit2 reads the global configuration from these; the machine's ~/.gitconfig must not
    // decide the outcome. Set before any repository object initialises libgit2.
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral(".config"))));
    qunsetenv("GIT_DIR");
    qunsetenv("GIT_WORK_TREE");
    qunsetenv("GIT_CEILING_DIRECTORIES");
}

void tst_GitRepository::initCreatesRepositoryThatOpens()
{
    QTemporaryDir dir;
    QVERIFY(!GitRepository::isRepository(dir.path()));
    auto created = GitRepository::init(dir.path());
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral(".git/HEAD"))).isFile());
    QVERIFY(GitRepository::isRepository(dir.path()));
    auto opened = GitRepository::open(dir.path());
    QVERIFY(opened);
    QCOMPARE(opened->folder(), QDir::cleanPath(dir.path()));
}

void tst_GitRepository::initOpensExistingRepository()
{
    QTemporaryDir dir;
    auto first = GitRepository::init(dir.path());
    QVERIFY(first);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("a.txt"), "a\n"));
    const auto id = first->commitAll(QStringLiteral("First"), kAuthor);
    QVERIFY(id);
    auto again = GitRepository::init(dir.path());
    QVERIFY(again);
    QCOMPARE(again->headCommitId().value(), *id); // the history is still there
}

void tst_GitRepository::openOfPlainFolderIsNotFound()
{
    QTemporaryDir dir;
    const auto opened = GitRepository::open(dir.path());
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::NotFound);
    QCOMPARE(opened.error().message,
             QStringLiteral("%1 is not a git repository; initialise one there to track its "
                            "changes.")
                 .arg(QDir::cleanPath(dir.path())));
}

void tst_GitRepository::openOfMissingFolderIsNotFound()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("gone"));
    const auto opened = GitRepository::open(missing);
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::NotFound);
    QCOMPARE(opened.error().message, QStringLiteral("%1 does not exist.").arg(missing));
}

void tst_GitRepository::openDoesNotSearchParentRepository()
{
    QTemporaryDir dir;
    QVERIFY(GitRepository::init(dir.path()));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("workspace/src")));
    const QString sub = dir.filePath(QStringLiteral("workspace"));

    const auto opened = GitRepository::open(sub);
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::NotFound);
    QVERIFY(!GitRepository::isRepository(sub));
    QVERIFY(!GitRepository::isRepository(dir.filePath(QStringLiteral("workspace/src"))));

    // init makes the subfolder its own repository rather than reusing the parent's.
    auto nested = GitRepository::init(sub);
    QVERIFY(nested);
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("workspace/.git"))).isDir());
    QCOMPARE(nested->folder(), QDir::cleanPath(sub));
}

void tst_GitRepository::openOfGitFolderItselfIsNotFound()
{
    QTemporaryDir dir;
    QVERIFY(GitRepository::init(dir.path()));
    const auto opened = GitRepository::open(dir.filePath(QStringLiteral(".git")));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::NotFound);
}

void tst_GitRepository::statusListsNewModifiedAndDeletedFiles()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("keep.txt"), "keep\n"));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("change.txt"), "before\n"));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("remove.txt"), "remove\n"));
    QVERIFY(repo->commitAll(QStringLiteral("First"), kAuthor));

    QVERIFY(test::writeFile(dir.path(), QStringLiteral("change.txt"), "after, longer\n"));
    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("remove.txt"))));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("added.txt"), "new\n"));

    const auto files = repo->status();
    QVERIFY(files);
    QCOMPARE(pathsOf(*files), (QStringList{"added.txt", "change.txt", "remove.txt"}));
    QCOMPARE(flagsOf(*files, "added.txt"), FileStatus::Flags(FileStatus::WorkTreeNew));
    QCOMPARE(flagsOf(*files, "change.txt"), FileStatus::Flags(FileStatus::WorkTreeModified));
    QCOMPARE(flagsOf(*files, "remove.txt"), FileStatus::Flags(FileStatus::WorkTreeDeleted));
}

void tst_GitRepository::statusListsIgnoredFilesOnlyWhenAsked()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral(".gitignore"), "*.log\nbuild/\n"));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("run.log"), "noise\n"));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("build/out.bin"), "bin\n"));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("handler.py"), "def h(e, c): pass\n"));

    const auto normal = repo->status();
    QVERIFY(normal);
    QCOMPARE(pathsOf(*normal), (QStringList{".gitignore", "handler.py"}));

    const auto withIgnored = repo->status(true);
    QVERIFY(withIgnored);
    QCOMPARE(pathsOf(*withIgnored), (QStringList{".gitignore", "build/", "handler.py", "run.log"}));
    QCOMPARE(flagsOf(*withIgnored, "run.log"), FileStatus::Flags(FileStatus::Ignored));
    QCOMPARE(flagsOf(*withIgnored, "build/"), FileStatus::Flags(FileStatus::Ignored));
}

void tst_GitRepository::statusPathsAreRelativeWithSlashes()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("functions/hello/app.py"), "x = 1\n"));
    const auto files = repo->status();
    QVERIFY(files);
    QCOMPARE(pathsOf(*files), QStringList{"functions/hello/app.py"});
}

void tst_GitRepository::statusDetectsRenameInWorkTree()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("old.py"),
                            "def handler(event, context):\n    return {'ok': True}\n"));
    QVERIFY(repo->commitAll(QStringLiteral("First"), kAuthor));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("src")));
    QVERIFY(QFile::rename(dir.filePath(QStringLiteral("old.py")),
                          dir.filePath(QStringLiteral("src/new.py"))));

    const auto files = repo->status();
    QVERIFY(files);
    QCOMPARE(files->size(), 1);
    QCOMPARE(files->first().path, QStringLiteral("src/new.py"));
    QCOMPARE(files->first().oldPath, QStringLiteral("old.py"));
    QCOMPARE(files->first().flags, FileStatus::Flags(FileStatus::WorkTreeRenamed));

    QVERIFY(repo->commitAll(QStringLiteral("Move"), kAuthor));
    QCOMPARE(repo->isDirty().value(), false);
}

void tst_GitRepository::headCommitIdOnUnbornHeadIsNotFound()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    const auto head = repo->headCommitId();
    QVERIFY(!head);
    QCOMPARE(head.error().code, ErrorCode::NotFound);
    QCOMPARE(head.error().message,
             QStringLiteral("The git repository in %1 has no commits yet; commit once to give it "
                            "a history.")
                 .arg(QDir::cleanPath(dir.path())));
}

void tst_GitRepository::commitAllCreatesFirstCommitAndNext()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("app.py"), "v = 1\n"));
    const auto first = repo->commitAll(QStringLiteral("Add the function"), kAuthor);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    static const QRegularExpression hex40(QStringLiteral("^[0-9a-f]{40}$"));
    QVERIFY(hex40.match(*first).hasMatch());
    QCOMPARE(repo->headCommitId().value(), *first);

    QVERIFY(test::writeFile(dir.path(), QStringLiteral("app.py"), "v = 2\n"));
    const auto second = repo->commitAll(QStringLiteral("Change the function"), kAuthor);
    QVERIFY(second);
    QVERIFY(hex40.match(*second).hasMatch());
    QVERIFY(*second != *first);
    QCOMPARE(repo->headCommitId().value(), *second);

    // The second commit's parent is the first (loose objects are zlib-compressed, so check
    // through HEAD's reflog, which libgit2 writes as plain text).
    const QByteArray reflog = test::readFile(dir.filePath(QStringLiteral(".git/logs/HEAD")));
    QVERIFY2(reflog.contains((*first + QLatin1Char(' ') + *second).toLatin1()), reflog.constData());
}

void tst_GitRepository::commitAllStagesDeletionsAndLeavesCleanStatus()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("a.txt"), "a\n"));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("sub/b.txt"), "b\n"));
    QVERIFY(repo->commitAll(QStringLiteral("First"), kAuthor));
    QVERIFY(repo->status()->isEmpty());

    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("sub/b.txt"))));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("a.txt"), "a changed\n"));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("c.txt"), "c\n"));
    QCOMPARE(repo->status()->size(), 3);
    QVERIFY(repo->commitAll(QStringLiteral("Second"), kAuthor));
    const auto after = repo->status();
    QVERIFY(after);
    QCOMPARE(pathsOf(*after), QStringList{});
    QCOMPARE(repo->isDirty().value(), false);
}

void tst_GitRepository::commitAllRespectsGitignore()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral(".gitignore"), "secret.env\n"));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("secret.env"), "TOKEN=x\n"));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("app.py"), "v = 1\n"));
    QVERIFY(repo->commitAll(QStringLiteral("First"), kAuthor));

    // Were secret.env committed, dropping the ignore rule would show it unchanged (not listed);
    // it was not, so it shows up as a new file.
    QVERIFY(QFile::remove(dir.filePath(QStringLiteral(".gitignore"))));
    const auto files = repo->status();
    QVERIFY(files);
    QCOMPARE(flagsOf(*files, "secret.env"), FileStatus::Flags(FileStatus::WorkTreeNew));
    QCOMPARE(flagsOf(*files, ".gitignore"), FileStatus::Flags(FileStatus::WorkTreeDeleted));
}

void tst_GitRepository::commitAllRefusesWhenNothingChanged()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    const auto empty = repo->commitAll(QStringLiteral("Nothing"), kAuthor);
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);

    QVERIFY(test::writeFile(dir.path(), QStringLiteral("a.txt"), "a\n"));
    const auto first = repo->commitAll(QStringLiteral("First"), kAuthor);
    QVERIFY(first);
    const auto again = repo->commitAll(QStringLiteral("Again"), kAuthor);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(again.error().message,
             QStringLiteral("Nothing to commit in %1: no file changed since the last commit.")
                 .arg(QDir::cleanPath(dir.path())));
    QCOMPARE(repo->headCommitId().value(), *first);
}

void tst_GitRepository::commitAllRejectsEmptyMessage()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("a.txt"), "a\n"));
    const auto commit = repo->commitAll(QStringLiteral("  \n"), kAuthor);
    QVERIFY(!commit);
    QCOMPARE(commit.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!repo->headCommitId());
}

void tst_GitRepository::isDirtyForUntrackedButNotIgnoredFiles()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral(".gitignore"), "*.log\n"));
    QVERIFY(repo->commitAll(QStringLiteral("Ignore logs"), kAuthor));
    QCOMPARE(repo->isDirty().value(), false);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("debug.log"), "noise\n"));
    QCOMPARE(repo->isDirty().value(), false);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("notes.txt"), "todo\n"));
    QCOMPARE(repo->isDirty().value(), true);
}

void tst_GitRepository::reportsCorruptHead()
{
    QTemporaryDir dir;
    {
        auto repo = GitRepository::init(dir.path());
        QVERIFY(repo);
        QVERIFY(test::writeFile(dir.path(), QStringLiteral("a.txt"), "a\n"));
        QVERIFY(repo->commitAll(QStringLiteral("First"), kAuthor));
    }
    QVERIFY(
        test::writeFile(dir.path(), QStringLiteral(".git/HEAD"), "garbage \x01\x02 not a ref\n"));

    const QString folder = QDir::cleanPath(dir.path());
    // libgit2 opens it (HEAD is only parsed when used); every use then reports the damage.
    auto repo = GitRepository::open(dir.path());
    QVERIFY(repo);
    const auto head = repo->headCommitId();
    QVERIFY(!head);
    QCOMPARE(head.error().code, ErrorCode::Git);
    QCOMPARE(head.error().message,
             QStringLiteral("Git could not read HEAD in %1: corrupted loose reference file: HEAD.")
                 .arg(folder));
    const auto commit = repo->commitAll(QStringLiteral("More"), kAuthor);
    QVERIFY(!commit);
    QCOMPARE(commit.error().message, head.error().message);
    const auto dirty = repo->isDirty();
    QVERIFY(!dirty);
    QCOMPARE(dirty.error().message,
             QStringLiteral("Git could not read the status of %1: corrupted loose reference file: "
                            "HEAD.")
                 .arg(folder));
}

void tst_GitRepository::reportsLockedIndexOnCommit()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("a.txt"), "a\n"));
    const QString lockFile = dir.filePath(QStringLiteral(".git/index.lock"));
    QVERIFY(test::writeFile(dir.path(), QStringLiteral(".git/index.lock"), ""));

    const auto commit = repo->commitAll(QStringLiteral("First"), kAuthor);
    QVERIFY(!commit);
    QCOMPARE(commit.error().code, ErrorCode::Git);
    QCOMPARE(commit.error().message,
             QStringLiteral("The git index of %1 is locked by another git program (%2 exists); "
                            "wait for it to finish, or delete that file if no git program is "
                            "running.")
                 .arg(QDir::cleanPath(dir.path()), QDir::cleanPath(lockFile)));
    QVERIFY(QFile::exists(lockFile)); // someone else's lock is not ours to remove
    QVERIFY(!repo->headCommitId());

    QVERIFY(QFile::remove(lockFile));
    QVERIFY(repo->commitAll(QStringLiteral("First"), kAuthor));
}

void tst_GitRepository::defaultSignatureReadsRepositoryConfig()
{
    QTemporaryDir dir;
    QVERIFY(GitRepository::init(dir.path()));
    QFile config(dir.filePath(QStringLiteral(".git/config")));
    QVERIFY(config.open(QIODevice::Append));
    config.write("[user]\n\tname = Grace Hopper\n\temail = grace@example.com\n");
    config.close();

    const auto signature = GitRepository::defaultSignature(dir.path());
    QVERIFY2(signature, qPrintable(signature ? QString() : signature.error().message));
    QCOMPARE(signature->name, QStringLiteral("Grace Hopper"));
    QCOMPARE(signature->email, QStringLiteral("grace@example.com"));
}

void tst_GitRepository::defaultSignatureSaysHowToSetItWhenUnset()
{
    if (QFile::exists(QStringLiteral("/etc/gitconfig")) &&
        test::readFile(QStringLiteral("/etc/gitconfig")).contains("[user]"))
        QSKIP("this machine's /etc/gitconfig sets a user for everyone");
    QTemporaryDir dir;
    QVERIFY(GitRepository::init(dir.path()));
    const auto signature = GitRepository::defaultSignature(dir.path());
    QVERIFY(!signature);
    QCOMPARE(signature.error().code, ErrorCode::NotFound);
    QCOMPARE(signature.error().message,
             QStringLiteral("Git's user.name and user.email are not set for %1; set them with git "
                            "config --global user.name \"Your Name\" and git config --global "
                            "user.email you@example.com.")
                 .arg(QDir::cleanPath(dir.path())));
}

void tst_GitRepository::movedRepositoryStaysUsable()
{
    QTemporaryDir dir;
    auto created = GitRepository::init(dir.path());
    QVERIFY(created);
    GitRepository repo = std::move(*created);
    QVERIFY(test::writeFile(dir.path(), QStringLiteral("a.txt"), "a\n"));
    QVERIFY(repo.commitAll(QStringLiteral("First"), kAuthor));
    GitRepository other = std::move(repo);
    QVERIFY(other.headCommitId());
    QCOMPARE(other.isDirty().value(), false);
}

void tst_GitRepository::historyIsLimitedToAFolder()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), "orders/app.py", "v1\n"));
    QVERIFY(test::writeFile(dir.path(), "users/app.py", "u1\n"));
    const auto first = repo->commitAll("Add both", kAuthor);
    QVERIFY(first);
    QVERIFY(test::writeFile(dir.path(), "users/app.py", "u2\n"));
    const auto usersOnly = repo->commitAll("Change users", kAuthor);
    QVERIFY(usersOnly);
    QVERIFY(test::writeFile(dir.path(), "orders/app.py", "v2\n"));
    const auto ordersToo = repo->commitAll("Change orders\n\nWith a body.", kAuthor);
    QVERIFY(ordersToo);
    auto orders = repo->history("orders");
    QVERIFY(orders);
    QCOMPARE(orders->size(), 2);
    QCOMPARE(orders->at(0).id, *ordersToo);
    QCOMPARE(orders->at(0).summary, QStringLiteral("Change orders"));
    QCOMPARE(orders->at(0).message, QStringLiteral("Change orders\n\nWith a body."));
    QCOMPARE(orders->at(0).author, QStringLiteral("Ada Tester <ada@example.com>"));
    QCOMPARE(orders->at(1).id, *first);
    auto all = repo->history();
    QVERIFY(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(repo->history("orders", 1)->size(), 1);
    QVERIFY(repo->history("nowhere")->isEmpty());
}

void tst_GitRepository::fileAtAndResolveReadOldCommits()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), "orders/app.py", "v1\n"));
    const auto first = repo->commitAll("one", kAuthor);
    QVERIFY(test::writeFile(dir.path(), "orders/app.py", "v2\n"));
    const auto second = repo->commitAll("two", kAuthor);
    QVERIFY(first && second);
    QCOMPARE(*repo->fileAt(*first, "orders/app.py"), QByteArray("v1\n"));
    QCOMPARE(*repo->fileAt("HEAD", "orders/app.py"), QByteArray("v2\n"));
    QCOMPARE(*repo->resolveCommit(first->left(8)), *first);
    QCOMPARE(*repo->resolveCommit("HEAD"), *second);
    QCOMPARE(repo->fileAt("HEAD", "orders/missing.py").error().code, ErrorCode::NotFound);
    QCOMPARE(repo->resolveCommit("0123456789abcdef").error().code, ErrorCode::NotFound);
}

void tst_GitRepository::exportFolderWritesTheOldTreeAndLeavesTheWorkTree()
{
    QTemporaryDir dir;
    const QString ws = dir.filePath("ws");
    auto repo = GitRepository::init(ws);
    QVERIFY(repo);
    QVERIFY(test::writeFile(ws, "orders/app.py", "old\n"));
    QVERIFY(test::writeFile(ws, "orders/lib/util.py", "util\n"));
    QVERIFY(test::writeFile(ws, "orders/bootstrap", "#!/bin/sh\n"));
    QFile::setPermissions(ws + "/orders/bootstrap",
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const auto old = repo->commitAll("old", kAuthor);
    QVERIFY(old);
    QVERIFY(test::writeFile(ws, "orders/app.py", "new\n"));
    QVERIFY(repo->commitAll("new", kAuthor));
    QVERIFY(test::writeFile(ws, "orders/app.py", "being edited\n")); // uncommitted work
    const QString out = dir.filePath("export");
    QVERIFY(repo->exportFolder(*old, "orders", out));
    QCOMPARE(test::readFile(out + "/app.py"), QByteArray("old\n"));
    QCOMPARE(test::readFile(out + "/lib/util.py"), QByteArray("util\n"));
    QVERIFY(QFileInfo(out + "/bootstrap").isExecutable());
    QCOMPARE(test::readFile(ws + "/orders/app.py"), QByteArray("being edited\n"));
    QVERIFY(!repo->exportFolder(*old, "orders", out));                // never over a folder
    QVERIFY(!repo->exportFolder(*old, "missing", dir.filePath("x"))); // not in that commit
}

void tst_GitRepository::diffToWorkTreeShowsWhatChanged()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), "orders/app.py", "a\nb\nc\n"));
    QVERIFY(test::writeFile(dir.path(), "users/app.py", "u\n"));
    const auto base = repo->commitAll("base", kAuthor);
    QVERIFY(base);
    QCOMPARE(*repo->diffToWorkTree(*base, "orders"), QString());
    QVERIFY(test::writeFile(dir.path(), "orders/app.py", "a\nB\nc\n"));
    QVERIFY(test::writeFile(dir.path(), "orders/new.py", "fresh\n"));
    QVERIFY(test::writeFile(dir.path(), "users/app.py", "changed elsewhere\n"));
    const QString diff = *repo->diffToWorkTree(*base, "orders");
    QVERIFY2(diff.contains("-b\n") && diff.contains("+B\n"), qPrintable(diff));
    QVERIFY(diff.contains("orders/new.py"));
    QVERIFY(diff.contains("+fresh"));
    QVERIFY(!diff.contains("users/app.py"));
    // The same comparison as a list of paths ("what is deployed" lists them).
    QCOMPARE(*repo->changedSince(*base, "orders"),
             (QStringList{QStringLiteral("orders/app.py"), QStringLiteral("orders/new.py")}));
    QCOMPARE(repo->changedSince(*base, "")->size(), 3);
    QVERIFY(!repo->changedSince("no-such-revision", "orders"));
    // What one commit changed in a folder, against its parent.
    QVERIFY(repo->commitAll("second", kAuthor));
    const QString commitDiff = *repo->diffOfCommit("HEAD", "orders");
    QVERIFY2(commitDiff.contains("+B\n") && commitDiff.contains("orders/new.py"),
             qPrintable(commitDiff));
    QVERIFY(!commitDiff.contains("users/app.py"));
    QVERIFY(repo->diffOfCommit(*base, "orders")->contains("+a\n")); // a first commit: all new
}

void tst_GitRepository::tagsAreCreatedListedAndShownInHistory()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), "orders/app.py", "1\n"));
    const auto c = repo->commitAll("one", kAuthor);
    QVERIFY(c);
    QVERIFY(repo->createTag("deploy/aws/orders/1", *c));
    QCOMPARE(repo->createTag("deploy/aws/orders/1", *c).error().code, ErrorCode::Conflict);
    QVERIFY(!repo->createTag("bad tag name..", *c));
    QCOMPARE(*repo->tags("deploy/aws/orders/"), QStringList{"deploy/aws/orders/1"});
    QVERIFY(repo->tags("deploy/gcp/")->isEmpty());
    QCOMPARE(repo->history("orders")->at(0).tags, QStringList{"deploy/aws/orders/1"});
}

void tst_GitRepository::commitPathsCommitsOnlyTheChosenFiles()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), "a.py", "a\n"));
    QVERIFY(test::writeFile(dir.path(), "gone.py", "g\n"));
    QVERIFY(repo->commitAll("base", kAuthor));
    QVERIFY(test::writeFile(dir.path(), "a.py", "a2\n"));
    QVERIFY(test::writeFile(dir.path(), "b.py", "b\n"));
    QVERIFY(QFile::remove(dir.filePath("gone.py")));
    const auto id = repo->commitPaths({"b.py", "gone.py"}, "add b, drop gone", kAuthor);
    QVERIFY2(id, id ? "" : qPrintable(id.error().message));
    QCOMPARE(*repo->fileAt("HEAD", "b.py"), QByteArray("b\n"));
    QCOMPARE(repo->fileAt("HEAD", "gone.py").error().code, ErrorCode::NotFound);
    QCOMPARE(*repo->fileAt("HEAD", "a.py"), QByteArray("a\n")); // not chosen: still uncommitted
    QCOMPARE(pathsOf(*repo->status()), QStringList{"a.py"});
    QVERIFY(!repo->commitPaths({}, "nothing", kAuthor));
    QVERIFY(!repo->commitPaths({"../outside.py"}, "outside", kAuthor));
}

void tst_GitRepository::ensureIgnoredAddsTheEntryOnce()
{
    QTemporaryDir dir;
    auto repo = GitRepository::init(dir.path());
    QVERIFY(repo);
    QVERIFY(test::writeFile(dir.path(), ".gitignore", "node_modules/"));
    QCOMPARE(*repo->ensureIgnored(".swb/"), true);
    QCOMPARE(*repo->ensureIgnored(".swb/"), false);
    const QByteArray text = test::readFile(dir.filePath(".gitignore"));
    QVERIFY(text.startsWith("node_modules/\n"));
    QCOMPARE(text.count(".swb/"), 1);
    QVERIFY(test::writeFile(dir.path(), ".swb/history.sqlite", "h"));
    QVERIFY(!pathsOf(*repo->status()).contains(".swb/history.sqlite"));
}

QTEST_GUILESS_MAIN(tst_GitRepository)
#include "tst_GitRepository.moc"
