#include "common/IgnoreRules.h"

#include <QTest>

using namespace swb;

class tst_IgnoreRules : public QObject {
    Q_OBJECT
private slots:
    void matchesLikeGitignore_data();
    void matchesLikeGitignore();
    void defaultsSkipToolFolders_data();
    void defaultsSkipToolFolders();
};

void tst_IgnoreRules::matchesLikeGitignore_data()
{
    // Examples from the gitignore documentation (git-scm.com/docs/gitignore, "PATTERN
    // FORMAT" and "EXAMPLES").
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("folder");
    QTest::addColumn<bool>("ignored");
    QTest::newRow("doc/frotz/ anchored") << "doc/frotz/"
                                         << "doc/frotz" << true << true;
    QTest::newRow("doc/frotz/ not deeper") << "doc/frotz/"
                                           << "a/doc/frotz" << true << false;
    QTest::newRow("frotz/ at any depth") << "frotz/"
                                         << "a/frotz" << true << true;
    QTest::newRow("frotz/ not a file") << "frotz/"
                                       << "frotz" << false << false;
    QTest::newRow("/*.c at the top") << "/*.c"
                                     << "cat-file.c" << false << true;
    QTest::newRow("/*.c not below") << "/*.c"
                                    << "mozilla-sha1/sha1.c" << false << false;
    QTest::newRow("*.c below") << "*.c"
                               << "mozilla-sha1/sha1.c" << false << true;
    QTest::newRow("**/foo anywhere") << "**/foo"
                                     << "x/y/foo" << false << true;
    QTest::newRow("**/foo at the top") << "**/foo"
                                       << "foo" << false << true;
    QTest::newRow("**/foo/bar") << "**/foo/bar"
                                << "a/foo/bar" << false << true;
    QTest::newRow("abc/** inside") << "abc/**"
                                   << "abc/d/e.txt" << false << true;
    QTest::newRow("abc/** not abc") << "abc/**"
                                    << "abc" << true << false;
    QTest::newRow("a/**/b zero folders") << "a/**/b"
                                         << "a/b" << false << true;
    QTest::newRow("a/**/b two folders") << "a/**/b"
                                        << "a/x/y/b" << false << true;
    QTest::newRow("foo/* one level") << "foo/*"
                                     << "foo/test.json" << false << true;
    QTest::newRow("foo/* not two levels") << "foo/*"
                                          << "foo/bar/hello.c" << false << false;
    QTest::newRow("? one character") << "file?.txt"
                                     << "file1.txt" << false << true;
    QTest::newRow("? not a slash") << "a?b"
                                   << "a/b" << false << false;
    QTest::newRow("class") << "*.[oa]"
                           << "lib.a" << false << true;
    QTest::newRow("negated class") << "x[!0-9]"
                                   << "x5" << false << false;
    QTest::newRow("negation re-includes") << "*.log\n!keep.log"
                                          << "keep.log" << false << false;
    QTest::newRow("later rule wins") << "!keep.log\n*.log"
                                     << "keep.log" << false << true;
    QTest::newRow("comment") << "# *.txt"
                             << "a.txt" << false << false;
    QTest::newRow("escaped hash") << "\\#notes"
                                  << "#notes" << false << true;
    QTest::newRow("trailing spaces") << "a.txt   "
                                     << "a.txt" << false << true;
    QTest::newRow("CRLF lines") << "a.txt\r\nb.txt\r\n"
                                << "b.txt" << false << true;
    QTest::newRow("dot is literal") << "a.txt"
                                    << "abtxt" << false << false;
}

void tst_IgnoreRules::matchesLikeGitignore()
{
    QFETCH(QString, rules);
    QFETCH(QString, path);
    QFETCH(bool, folder);
    QFETCH(bool, ignored);
    QCOMPARE(IgnoreRules(rules).isIgnored(path, folder), ignored);
}

void tst_IgnoreRules::defaultsSkipToolFolders_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("folder");
    QTest::addColumn<bool>("ignored");
    QTest::newRow(".swb") << ""
                          << ".swb" << true << true;
    QTest::newRow(".git deeper") << ""
                                 << "vendor/x/.git" << true << true;
    QTest::newRow("__pycache__") << ""
                                 << "pkg/__pycache__" << true << true;
    QTest::newRow("*.pyc") << ""
                           << "pkg/mod.cpython-311.pyc" << false << true;
    QTest::newRow(".DS_Store") << ""
                               << "img/.DS_Store" << false << true;
    QTest::newRow("a .git file is not the folder") << ""
                                                   << ".gitkeep" << false << false;
    QTest::newRow("handler kept") << ""
                                  << "handler.py" << false << false;
    QTest::newRow("user negates a default") << "!.DS_Store"
                                            << ".DS_Store" << false << false;
}

void tst_IgnoreRules::defaultsSkipToolFolders()
{
    matchesLikeGitignore();
}

QTEST_GUILESS_MAIN(tst_IgnoreRules)
#include "tst_IgnoreRules.moc"
